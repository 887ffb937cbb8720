<?xml version="1.0" encoding="UTF-8"?>
<!-- The introduction's page (introduction.html): its title, the contents of its sections, its
     text, and its bibliography (html/introduction.xsl). The input is the introduction. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:function name="f:introduction-page" as="element()">
    <xsl:param name="introduction" as="document-node()"/>
    <xsl:variable name="normalised" as="document-node()" select="f:normalise($introduction)"/>
    <xsl:variable name="title" as="xs:string" select="f:work-title($introduction)"/>
    <xsl:variable name="content" as="node()*">
      <h1>{$title}</h1>
      <xsl:for-each select="$introduction/TEI/teiHeader/fileDesc/titleStmt/respStmt">
        <p class="subtitle">By <xsl:apply-templates select="* except resp" mode="m:html-inline"/></p>
      </xsl:for-each>
      <nav class="contents" aria-labelledby="contents-heading">
        <h2 id="contents-heading">Contents</h2>
        <ol>
          <xsl:for-each select="$normalised/TEI/text/body/div[head]">
            <li><a href="#{f:anchor(.)}"><xsl:apply-templates select="head/node()" mode="m:html-inline"/></a></li>
          </xsl:for-each>
          <li><a href="#bibliography">Bibliography</a></li>
        </ol>
      </nav>
      <article class="text introduction" lang="{f:language($introduction/TEI/text)}">
        <xsl:apply-templates select="$normalised/TEI/text" mode="m:html-blocks"/>
      </article>
    </xsl:variable>
    <xsl:sequence select="f:page($title, f:language($introduction/TEI), 'introduction.html', $content)"/>
  </xsl:function>
</xsl:stylesheet>
