<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver: the web edition, one page per transform. $page says which: 'document' (the input
     is a work; $view chooses the reading or the diplomatic text; with $generic, a document not
     valid against the edition's schema, rendered as generic TEI), 'index' (the edition's page),
     the register pages ('registers': those of $register-set, each after its mark), the pages of
     the places that name one entry ('occurrences'), the comparison of the programmes
     ('compare'), the index of themes ('themes'), the search page ('search'), the page for an
     address the site does not have ('not-found', written as 404.html) or the editors'
     introduction ('introduction', whose input is the introduction). The registers, the
     alignment and, for the site's pages, the works come in as parameters: a transform reads no
     file. A work is rendered from its normalised copy (common/normalise.xsl), the works of the
     site's pages are normalised as those pages need them (f:normalised). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" exclude-result-prefixes="#all" expand-text="yes">
  <xsl:include href="common/params.xsl"/>
  <xsl:include href="common/unhandled.xsl"/>
  <xsl:include href="common/header.xsl"/>
  <xsl:include href="common/readings.xsl"/>
  <xsl:include href="common/registers.xsl"/>
  <xsl:include href="common/citation.xsl"/>
  <xsl:include href="common/normalise.xsl"/>
  <xsl:include href="html/inline.xsl"/>
  <xsl:include href="html/page.xsl"/>
  <xsl:include href="html/blocks.xsl"/>
  <xsl:include href="html/document.xsl"/>
  <xsl:include href="html/index-page.xsl"/>
  <xsl:include href="html/register-pages.xsl"/>
  <xsl:include href="html/occurrences.xsl"/>
  <xsl:include href="html/alignment.xsl"/>
  <xsl:include href="html/compare-page.xsl"/>
  <xsl:include href="html/themes-page.xsl"/>
  <xsl:include href="html/search-page.xsl"/>
  <xsl:include href="html/not-found-page.xsl"/>
  <xsl:include href="html/introduction.xsl"/>
  <xsl:include href="html/introduction-page.xsl"/>
  <xsl:include href="html/metadata.xsl"/>
  <xsl:include href="html/cite.xsl"/>
  <xsl:include href="common/generic.xsl"/>
  <xsl:include href="html/generic.xsl"/>
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
    normalization-form="NFC"/>


  <!-- The document as the page's head, header and footer see it: a generic one by its
       summary alone (f:generic-summary), so that nothing else of its header passes there for
       the edition's facts. -->
  <xsl:variable name="f:main" as="document-node()"
    select="if ($generic and $page = 'document') then f:generic-summary(/) else /"/>

  <xsl:mode on-no-match="fail"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$page = 'document' and $generic">
        <xsl:apply-templates select="." mode="m:generic-html"/>
      </xsl:when>
      <xsl:when test="$page = 'document'">
        <xsl:apply-templates select="f:normalise(.)" mode="m:html-document"/>
      </xsl:when>
      <xsl:when test="$page = 'index'">
        <xsl:sequence select="f:index-page()"/>
      </xsl:when>
      <xsl:when test="$page = 'compare'">
        <xsl:sequence select="f:compare-page()"/>
      </xsl:when>
      <xsl:when test="$page = 'themes'">
        <xsl:sequence select="f:themes-page()"/>
      </xsl:when>
      <xsl:when test="$page = 'search'">
        <xsl:sequence select="f:search-page()"/>
      </xsl:when>
      <xsl:when test="$page = 'not-found'">
        <xsl:sequence select="f:not-found-page()"/>
      </xsl:when>
      <xsl:when test="$page = 'introduction'">
        <xsl:sequence select="f:introduction-page(.)"/>
      </xsl:when>
      <xsl:when test="$page = 'registers'">
        <xsl:sequence select="f:register-set-pages()"/>
      </xsl:when>
      <xsl:when test="$page = 'occurrences'">
        <xsl:sequence select="f:occurrence-pages()"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="error(QName('urn:edition:errors', 'unknown-page'), 'no page ' || $page)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
