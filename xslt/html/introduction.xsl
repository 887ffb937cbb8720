<?xml version="1.0" encoding="UTF-8"?>
<!-- What the editors' introduction (texts/introduction.xml, a TEI document of type
     "introduction") needs in every HTML made of it, the web page and the paper one: its
     citations linked to its bibliography, its references to passages of the works linked to
     the passages, and the bibliography itself, made of the entries of the registers it cites.
     $works are the works (or their summaries), $register-base the prefix of links to the site's
     pages ('' within the site). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:html-bibliography" on-no-match="fail"/>

  <!-- A citation of a work of the bibliography: a link to its entry, further down the page. -->
  <xsl:template match="ref[f:cited-work(.)]" mode="m:html-inline" priority="3">
    <a class="citation-ref" href="#{f:cited-work(.)/@xml:id}">
      <xsl:apply-templates mode="m:html-inline">
        <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </a>
  </xsl:template>

  <!-- A reference to a passage of a work ("mim-program-1996:7.2", in @cRef): a link to it. -->
  <xsl:template match="ref[@cRef]" mode="m:html-inline" priority="3">
    <xsl:variable name="passage" as="element()?" select="f:cited-passage(@cRef)"/>
    <xsl:choose>
      <xsl:when test="exists($passage)">
        <a class="passage-ref" href="{$register-base}{f:document-id($passage)}.html#{$passage/@e:id}">
          <xsl:apply-templates mode="m:html-inline">
            <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="ref"><xsl:apply-templates mode="m:html-inline"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The entry of the bibliography a ref of the introduction cites, if it cites one. -->
  <xsl:function name="f:cited-work" as="element(bibl)?">
    <xsl:param name="ref" as="element(ref)"/>
    <xsl:sequence select="$ref[f:in-introduction(.)][@target] ! f:register-entry(@target)[self::bibl]"/>
  </xsl:function>

  <!-- The unit of a work a reference names, or nothing. -->
  <xsl:function name="f:cited-passage" as="element()?">
    <xsl:param name="reference" as="xs:string"/>
    <xsl:variable name="document" as="xs:string" select="substring-before($reference || ':', ':')"/>
    <xsl:variable name="work" as="document-node()?" select="$works[f:document-id(.) = $document][1]"/>
    <xsl:sequence select="$work ! (f:normalised(.)//*[@e:ref][f:reference(.) = $reference])[1]"/>
  </xsl:function>

  <!-- The introduction's text, then its bibliography. -->
  <xsl:template match="text[../@type = 'introduction']" mode="m:html-blocks" priority="1">
    <xsl:next-match/>
    <section class="bibliography-section" id="bibliography" aria-labelledby="bibliography-heading">
      <h2 id="bibliography-heading">Bibliography</h2>
      <xsl:sequence select="f:bibliography(root())"/>
    </section>
  </xsl:template>

  <xsl:function name="f:in-introduction" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="root($node)/TEI/@type = 'introduction'"/>
  </xsl:function>

  <!-- The bibliography: each work the introduction cites, once, in the order of its first
       words (the authors' names), with the id its citations link to. -->
  <xsl:function name="f:bibliography" as="element()?">
    <xsl:param name="introduction" as="document-node()"/>
    <xsl:variable name="cited" as="element(bibl)*" select="$introduction//ref ! f:cited-work(.)"/>
    <xsl:if test="exists($cited)">
      <ul class="bibliography">
        <xsl:apply-templates select="$cited/." mode="m:html-bibliography">
          <xsl:sort select="normalize-space(string-join(node() except note))" lang="en"/>
        </xsl:apply-templates>
      </ul>
    </xsl:if>
  </xsl:function>

  <xsl:template match="bibl" mode="m:html-bibliography">
    <li id="{@xml:id}">
      <xsl:apply-templates select="node() except note" mode="m:html-inline"/>
    </li>
  </xsl:template>
</xsl:stylesheet>
