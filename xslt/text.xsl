<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver: a TEI document to plain text, in the reading or the diplomatic view ($view), from
     its normalised copy (common/normalise.xsl); a document not valid against the edition's
     schema ($generic) as generic TEI, in text/generic.xsl. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:f="urn:edition:functions" xmlns:m="urn:edition:modes"
  exclude-result-prefixes="#all">
  <xsl:include href="common/params.xsl"/>
  <xsl:include href="common/unhandled.xsl"/>
  <xsl:include href="common/header.xsl"/>
  <xsl:include href="common/readings.xsl"/>
  <xsl:include href="common/registers.xsl"/>
  <xsl:include href="common/citation.xsl"/>
  <xsl:include href="common/normalise.xsl"/>
  <xsl:include href="text/document.xsl"/>
  <xsl:include href="text/blocks.xsl"/>
  <xsl:include href="text/inline.xsl"/>
  <xsl:include href="text/notes.xsl"/>
  <xsl:include href="common/generic.xsl"/>
  <xsl:include href="text/generic.xsl"/>
  <!-- The text is in Unicode's composed form (NFC): each piece written is normalised as it is
       made (text/document.xsl, text/generic.xsl), which is what the serialiser's
       normalization-form does, piece by piece, but at less cost for a novel. -->
  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:mode on-no-match="fail"/>

  <xsl:template match="document-node()[$generic]">
    <xsl:apply-templates select="." mode="m:generic-text"/>
  </xsl:template>

  <xsl:template match="document-node()">
    <xsl:apply-templates select="f:normalise(.)" mode="m:text"/>
  </xsl:template>
</xsl:stylesheet>
