<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver: a TEI document to paged-media HTML (the reading view), for a PDF renderer, from its
     normalised copy (common/normalise.xsl). The text is rendered by the web edition's block
     and inline modules, imported, so that the print modules included here take precedence
     where paper needs something else: the references stand in the margin, interventions,
     notes and the sources of quotations become footnotes, and what only a screen can use
     (permalinks, "Cite this" boxes, links to the comparison) is left out. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  exclude-result-prefixes="#all">
  <xsl:import href="html/blocks.xsl"/>
  <xsl:import href="html/inline.xsl"/>
  <xsl:include href="common/params.xsl"/>
  <xsl:include href="common/unhandled.xsl"/>
  <xsl:include href="common/header.xsl"/>
  <xsl:include href="common/readings.xsl"/>
  <xsl:include href="common/registers.xsl"/>
  <xsl:include href="common/citation.xsl"/>
  <xsl:include href="common/normalise.xsl"/>
  <xsl:include href="print/document.xsl"/>
  <xsl:include href="print/title-page.xsl"/>
  <xsl:include href="print/blocks.xsl"/>
  <xsl:include href="print/notes.xsl"/>
  <xsl:include href="html/introduction.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
    normalization-form="NFC"/>
</xsl:stylesheet>
