<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver: the citable units of a document, as the code that cites and serves passages reads
     them. One source for the scheme: xslt/common/citation.xsl reads the header's citeStructure. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">
  <xsl:include href="common/citation.xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>
  <xsl:mode on-no-match="fail"/>

  <xsl:template match="/">
    <units document="{f:document-id(.)}">
      <xsl:for-each select="f:citation-order(.)">
        <unit ref="{?ref}" id="{?id}" unit="{?unit}" path="{path(?node)}"
          label="{normalize-space(?node/head)}"/>
      </xsl:for-each>
    </units>
  </xsl:template>

  <!-- The citable units in document order. -->
  <xsl:function name="f:citation-order" as="map(*)*">
    <xsl:param name="document" as="document-node()"/>
    <xsl:variable name="table" as="map(xs:string, map(*))" select="f:citations($document)"/>
    <xsl:sequence select="($document//node() ! $table(generate-id(.)))"/>
  </xsl:function>
</xsl:stylesheet>
