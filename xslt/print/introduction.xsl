<?xml version="1.0" encoding="UTF-8"?>
<!-- What the paper introduction needs besides the works' print modules: the works (their
     summaries), which its references to their passages link to (html/introduction.xsl). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" exclude-result-prefixes="#all">

  <xsl:param name="works" as="document-node()*" select="()"/>
</xsl:stylesheet>
