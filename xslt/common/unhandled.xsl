<?xml version="1.0" encoding="UTF-8"?>
<!-- What happens to an element no template of an output handles.
     In the edition's own texts ($strict) it is an error: every element must be rendered on
     purpose. In a foreign document its text is kept, so nothing is lost. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:param name="strict" as="xs:boolean" select="true()"/>

  <xsl:function name="f:unhandled" as="empty-sequence()">
    <xsl:param name="element" as="element()"/>
    <xsl:param name="output" as="xs:string"/>
    <xsl:if test="$strict">
      <xsl:sequence select="error(QName('urn:edition:errors', 'unhandled-element'),
        'no template of the ' || $output || ' output handles ' || name($element) || ' at ' || path($element))"/>
    </xsl:if>
  </xsl:function>
</xsl:stylesheet>
