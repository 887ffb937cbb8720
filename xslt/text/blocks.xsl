<?xml version="1.0" encoding="UTF-8"?>
<!-- Blocks: each paragraph, heading, line of the title block or quotation is one string; in the
     reading view each citable unit is preceded by a block of its own that gives its reference,
     "[<document id>:<reference>]", as the normalisation pass stamped it. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:blocks" on-no-match="fail"/>

  <xsl:template match="text | front | body | back | titlePage | docTitle | div" mode="m:blocks">
    <xsl:sequence select="f:reference-block(.)"/>
    <xsl:apply-templates select="*" mode="m:blocks"/>
  </xsl:template>

  <!-- A cited division without a heading is named after its reference, in brackets: the name
       is the editors', not the source's. -->
  <xsl:template match="div[empty(f:head(.))]" mode="m:blocks">
    <xsl:variable name="reference" as="xs:string?" select="f:reference-block(.)"/>
    <xsl:sequence select="$reference, $reference ! ('[' || f:division-name(current()) || ']')"/>
    <xsl:apply-templates select="*" mode="m:blocks"/>
  </xsl:template>

  <!-- A run-in head stands in its paragraph, where the normalisation pass put it. -->
  <xsl:template match="p | ab | head | docAuthor | titlePart | docDate" mode="m:blocks">
    <xsl:sequence select="f:reference-block(.), f:wrap(f:inline(node()))"/>
  </xsl:template>

  <!-- The furniture of the source's page (a banner line): its words, as the source has them,
       after an editors' line in brackets that says what they are, in the reading view. -->
  <xsl:template match="fw" mode="m:blocks">
    <xsl:sequence select="(if (f:is-diplomatic()) then () else '[' || f:furniture-name(.) || ']'),
      f:wrap(f:inline(node()))"/>
  </xsl:template>

  <xsl:template match="cit" mode="m:blocks">
    <xsl:sequence select="f:reference-block(.),
      string-join((f:inline(quote), f:inline(bibl/node())) ! f:wrap(.), '&#10;')"/>
  </xsl:template>

  <xsl:template match="*" mode="m:blocks" priority="-1">
    <xsl:sequence select="f:unhandled(., 'text')"/>
  </xsl:template>

  <xsl:function name="f:reference-block" as="xs:string?">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="if (f:is-diplomatic()) then () else f:reference($element) ! ('[' || . || ']')"/>
  </xsl:function>

  <!-- Nodes as one line of characters, its spaces normalised. -->
  <xsl:function name="f:inline" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="text" as="xs:string*">
      <xsl:apply-templates select="$nodes" mode="m:inline"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($text))"/>
  </xsl:function>
</xsl:stylesheet>
