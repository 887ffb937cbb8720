<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver: a TEI document to paged-media HTML (the reading view), for a PDF renderer.
     The web edition's inline rules are imported, so that the print modules included here
     take precedence where print needs something else (interventions become footnotes). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  exclude-result-prefixes="#all">
  <xsl:import href="html/inline.xsl"/>
  <xsl:include href="common/unhandled.xsl"/>
  <xsl:include href="common/readings.xsl"/>
  <xsl:include href="common/registers.xsl"/>
  <xsl:include href="print/document.xsl"/>
  <xsl:include href="print/title-page.xsl"/>
  <xsl:include href="print/blocks.xsl"/>
  <xsl:include href="print/notes.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
    normalization-form="NFC"/>
</xsl:stylesheet>
