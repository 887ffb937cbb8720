<?xml version="1.0" encoding="UTF-8"?>
<!-- What happens to an element no template of an output handles: an error, since every element
     of the edition's texts must be rendered on purpose. (A foreign document, in a lenient
     build, is rendered by the generic modes, which handle every element.) -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:function name="f:unhandled" as="empty-sequence()">
    <xsl:param name="element" as="element()"/>
    <xsl:param name="output" as="xs:string"/>
    <xsl:sequence select="error(QName('urn:edition:errors', 'unhandled-element'),
      'no template of the ' || $output || ' output handles ' || name($element) || ' at ' || path($element))"/>
  </xsl:function>
</xsl:stylesheet>
