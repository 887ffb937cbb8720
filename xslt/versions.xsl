<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver: the pages of the web edition that list its versions (edition/version_pages.py),
     made with the other pages' skeleton, which it imports: $page 'document-versions' (the
     input is a work: its versions, what changed, the comparisons of its text) or 'versions'
     (the concordance of references across versions). What they show comes as
     $version-data; every other page is html.xsl's. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  exclude-result-prefixes="#all" expand-text="yes">
  <xsl:import href="html.xsl"/>
  <xsl:include href="html/version-pages.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
    normalization-form="NFC"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$page = 'document-versions'">
        <xsl:sequence select="f:document-versions-page(.)"/>
      </xsl:when>
      <xsl:when test="$page = 'versions'">
        <xsl:sequence select="f:versions-page()"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-imports/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
