<?xml version="1.0" encoding="UTF-8"?>
<!-- The text: the archive's note, the source's title page, then every point with its heading
     and blocks. Each point and block carries its citation reference (data-ref), which print.css shows
     in the margin. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:print-blocks" on-no-match="fail"/>

  <xsl:template match="text | front | back" mode="m:print-blocks">
    <xsl:apply-templates select="*" mode="m:print-blocks"/>
  </xsl:template>

  <xsl:template match="body" mode="m:print-blocks">
    <main class="text">
      <xsl:apply-templates select="*" mode="m:print-blocks"/>
    </main>
  </xsl:template>

  <!-- Front matter that is not the programme's: the archive's note. -->
  <xsl:template match="div[@type = 'archive-note']" mode="m:print-blocks">
    <section class="archive-note">
      <h2>The archive’s note</h2>
      <xsl:apply-templates select="*" mode="m:print-blocks"/>
    </section>
  </xsl:template>

  <!-- The title block as the source gives it, at the head of the programme. -->
  <xsl:template match="titlePage" mode="m:print-blocks">
    <header class="source-title-page">
      <xsl:apply-templates select="*" mode="m:print-blocks"/>
    </header>
  </xsl:template>

  <xsl:template match="docTitle" mode="m:print-blocks">
    <xsl:apply-templates select="*" mode="m:print-blocks"/>
  </xsl:template>

  <xsl:template match="docAuthor | titlePart | docDate" mode="m:print-blocks">
    <p class="{local-name()}{@type ! (' ' || .)}">
      <xsl:apply-templates select="if (self::docDate) then . else node()" mode="m:html-inline"/>
    </p>
  </xsl:template>

  <xsl:template match="div[@type = 'point']" mode="m:print-blocks">
    <section class="point" id="{(@xml:id, 'point-' || @n)[1]}">
      <xsl:apply-templates select="*" mode="m:print-blocks"/>
    </section>
  </xsl:template>

  <xsl:template match="div[@type = 'point']/head[not(@rend = 'run-in')]" mode="m:print-blocks">
    <h2 class="point-head" data-ref="{f:ref(..)}">
      <xsl:apply-templates mode="m:html-inline"/>
    </h2>
  </xsl:template>

  <!-- A run-in head is printed, as in the source, at the start of the following block. -->
  <xsl:template match="head[@rend = 'run-in']" mode="m:print-blocks"/>

  <xsl:template match="p" mode="m:print-blocks">
    <xsl:variable name="run-in" as="element(head)?"
      select="preceding-sibling::*[1][self::head[@rend = 'run-in']]"/>
    <p class="block{' after-run-in'[$run-in]}">
      <xsl:sequence select="f:ref-attribute(.)"/>
      <xsl:if test="$run-in">
        <xsl:attribute name="data-point-ref" select="f:ref(..)"/>
        <strong class="point-head run-in">
          <xsl:apply-templates select="$run-in/node()" mode="m:html-inline"/>
        </strong>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates mode="m:html-inline"/>
    </p>
  </xsl:template>

  <xsl:template match="cit" mode="m:print-blocks">
    <figure class="block cit">
      <blockquote>
        <xsl:apply-templates select="quote" mode="m:print-blocks"/>
      </blockquote>
      <xsl:apply-templates select="bibl" mode="m:print-blocks"/>
    </figure>
  </xsl:template>

  <xsl:template match="cit/quote" mode="m:print-blocks">
    <p>
      <xsl:if test="not(preceding-sibling::quote)">
        <xsl:sequence select="f:ref-attribute(..)"/>
      </xsl:if>
      <xsl:apply-templates select="." mode="m:html-inline"/>
    </p>
  </xsl:template>

  <xsl:template match="cit/bibl" mode="m:print-blocks">
    <figcaption class="attribution">
      <xsl:apply-templates mode="m:html-inline"/>
    </figcaption>
  </xsl:template>

  <!-- Foreign TEI: elements that hold blocks are walked, other elements become a paragraph. -->
  <xsl:template match="*" mode="m:print-blocks" priority="-1">
    <xsl:sequence select="f:unhandled(., 'print')"/>
    <xsl:choose>
      <xsl:when test="* and not(text()[normalize-space()])">
        <xsl:apply-templates select="*" mode="m:print-blocks"/>
      </xsl:when>
      <xsl:when test="normalize-space()">
        <p><xsl:apply-templates mode="m:html-inline"/></p>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Citation references: <point> and <point>.<block>, as in the header's citeStructure. -->
  <xsl:function name="f:ref" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="if ($node/self::div) then string($node/@n)
      else f:ref($node/parent::div) || '.' || (count($node/preceding-sibling::*[self::p or self::cit]) + 1)"/>
  </xsl:function>

  <!-- A block of a point shows its reference in the margin (print.css, [data-ref]::before). -->
  <xsl:function name="f:ref-attribute" as="attribute()?">
    <xsl:param name="block" as="element()"/>
    <xsl:if test="$block/parent::div[@type = 'point']">
      <xsl:attribute name="data-ref" select="f:ref($block)"/>
    </xsl:if>
  </xsl:function>
</xsl:stylesheet>
