<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver: a TEI document to plain text, in the reading or the diplomatic view ($view). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  exclude-result-prefixes="#all">
  <xsl:include href="common/unhandled.xsl"/>
  <xsl:include href="common/readings.xsl"/>
  <xsl:include href="common/registers.xsl"/>
  <xsl:include href="text/document.xsl"/>
  <xsl:include href="text/blocks.xsl"/>
  <xsl:include href="text/inline.xsl"/>
  <xsl:include href="text/notes.xsl"/>
  <xsl:output method="text" encoding="UTF-8" normalization-form="NFC"/>
</xsl:stylesheet>
