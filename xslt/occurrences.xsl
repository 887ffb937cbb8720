<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver: the places of a work that name a register entry, as the register pages list them
     (html/occurrences.xsl), read from its normalised copy. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" exclude-result-prefixes="#all" expand-text="yes">
  <xsl:include href="common/params.xsl"/>
  <xsl:include href="common/header.xsl"/>
  <xsl:include href="common/readings.xsl"/>
  <xsl:include href="common/citation.xsl"/>
  <xsl:include href="common/normalise.xsl"/>
  <xsl:include href="html/occurrences.xsl"/>
  <xsl:output method="xml" indent="no" encoding="UTF-8"/>

  <xsl:mode on-no-match="fail"/>

  <xsl:template match="/">
    <xsl:apply-templates select="f:normalise(.)" mode="m:occurrences"/>
  </xsl:template>
</xsl:stylesheet>
