<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver: the edition's ODD to RELAX NG (XML syntax). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0" exclude-result-prefixes="#all">
  <xsl:include href="odd/rng-grammar.xsl"/>
  <xsl:include href="odd/rng-content.xsl"/>
  <xsl:include href="odd/rng-attributes.xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>
</xsl:stylesheet>
