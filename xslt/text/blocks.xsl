<?xml version="1.0" encoding="UTF-8"?>
<!-- Blocks: each paragraph, heading, line of the title block or quotation is one string. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:blocks" on-no-match="fail"/>

  <xsl:template match="text | front | body | back | titlePage | docTitle | div[not(@type = 'point')]"
    mode="m:blocks">
    <xsl:apply-templates select="*" mode="m:blocks"/>
  </xsl:template>

  <xsl:template match="div[@type = 'point']" mode="m:blocks">
    <xsl:if test="not(f:is-diplomatic())">
      <xsl:sequence select="'[' || /TEI/@xml:id || ':' || @n || ']'"/>
    </xsl:if>
    <xsl:apply-templates select="*" mode="m:blocks"/>
  </xsl:template>

  <!-- A run-in head is printed, as in the source, at the start of the following block. -->
  <xsl:template match="head[@rend = 'run-in']" mode="m:blocks"/>

  <xsl:template match="p | head | docAuthor | titlePart | docDate" mode="m:blocks">
    <xsl:variable name="run-in" as="element(head)?"
      select="preceding-sibling::*[1][self::head[@rend = 'run-in']]"/>
    <xsl:sequence select="f:wrap(string-join(($run-in, .) ! f:inline(.), ' '))"/>
  </xsl:template>

  <xsl:template match="cit" mode="m:blocks">
    <xsl:sequence select="string-join((f:inline(quote) || quote[@source] ! f:note-marker(.), f:inline(bibl))
      ! f:wrap(.), '&#10;')"/>
  </xsl:template>

  <!-- Foreign TEI: elements that hold blocks are walked, other elements become one block. -->
  <xsl:template match="*" mode="m:blocks" priority="-1">
    <xsl:sequence select="f:unhandled(., 'text')"/>
    <xsl:choose>
      <xsl:when test="* and not(text()[normalize-space()])">
        <xsl:apply-templates select="*" mode="m:blocks"/>
      </xsl:when>
      <xsl:when test="normalize-space()">
        <xsl:sequence select="f:wrap(f:inline(.))"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:function name="f:inline" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="text" as="xs:string*">
      <xsl:apply-templates select="$element/node()" mode="m:inline"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($text))"/>
  </xsl:function>
</xsl:stylesheet>
