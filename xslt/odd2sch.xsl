<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver: the edition's ODD constraints to ISO Schematron. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  exclude-result-prefixes="#all">
  <xsl:include href="odd/schematron.xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>
</xsl:stylesheet>
