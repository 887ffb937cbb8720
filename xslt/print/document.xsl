<?xml version="1.0" encoding="UTF-8"?>
<!-- The print document: its head (the metadata a PDF renderer turns into the PDF's own
     metadata), the paper size, and the order of its parts: the title page, then the text of
     the normalised document. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">


  <xsl:variable name="page-sizes" as="map(xs:string, xs:string)"
    select="map { 'a4': 'A4', 'letter': 'letter' }"/>

  <xsl:mode on-no-match="fail"/>
  <xsl:mode name="m:print" on-no-match="fail"/>

  <xsl:template match="/">
    <xsl:if test="not(map:contains($page-sizes, $paper))">
      <xsl:sequence select="error(QName('urn:edition:errors', 'paper-size'),
        'unknown paper size ' || $paper || '; expected one of ' || string-join(map:keys($page-sizes), ', '))"/>
    </xsl:if>
    <xsl:apply-templates select="f:normalise(.)/TEI" mode="m:print"/>
  </xsl:template>

  <xsl:template match="TEI" mode="m:print">
    <html lang="{(@xml:lang, 'en')[1]}">
      <xsl:apply-templates select="teiHeader" mode="m:print"/>
      <body>
        <xsl:apply-templates select="teiHeader" mode="m:print-title-page"/>
        <!-- A footnote's call follows the word its intervention is inside, never splitting it. -->
        <xsl:apply-templates select="text" mode="m:html-blocks">
          <xsl:with-param name="notes-after-words" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
      </body>
    </html>
  </xsl:template>

  <!-- Title, author, subject, keywords, language and dates: the renderer reads them from here. -->
  <xsl:template match="teiHeader" mode="m:print">
    <xsl:variable name="file" as="element(fileDesc)" select="fileDesc"/>
    <xsl:variable name="date" as="xs:string?" select="$file/publicationStmt/date/@when"/>
    <head>
      <meta charset="utf-8"/>
      <title>{f:work-title(root(.))}</title>
      <xsl:for-each select="$file/titleStmt/author">
        <meta name="author" content="{normalize-space()}"/>
      </xsl:for-each>
      <meta name="description" content="{f:subject($file)}"/>
      <meta name="keywords" content="{string-join(profileDesc/textClass/keywords/term ! normalize-space(), ', ')}"/>
      <xsl:if test="exists($date)">
        <meta name="dcterms.created" content="{$date}"/>
        <meta name="dcterms.modified" content="{$date}"/>
      </xsl:if>
      <link rel="stylesheet" href="assets/print.css"/>
      <link rel="stylesheet" href="assets/weasyprint-quirks.css"/>
      <style>@page {{ size: {$page-sizes($paper)}; }}</style>
    </head>
  </xsl:template>

  <!-- One sentence for the PDF's subject: what the document is and, for an edition of a source,
       what it edits: its title, its author (or "anonymous") and the date the source gives (or
       "undated"); a document of the editors' own (the introduction) is named by its title. -->
  <xsl:function name="f:subject" as="xs:string">
    <xsl:param name="file" as="element(fileDesc)"/>
    <xsl:variable name="source" as="element(bibl)?" select="$file/sourceDesc/bibl[@type = 'source']"/>
    <xsl:variable name="version" as="xs:string" select="'version ' || $file/editionStmt/edition/@n"/>
    <xsl:variable name="what" as="xs:string" select="if (exists($source))
      then 'Digital edition, ' || $version || ', of ' || string-join((normalize-space($source/title[1]),
        ($source/author ! normalize-space()[.], 'anonymous')[1],
        (normalize-space($source/date[not(@type)][1])[.], 'undated')[1]), ', ')
      else f:work-title(root($file)) || ', ' || $version"/>
    <xsl:sequence select="$what || '. ' || normalize-space($file/publicationStmt/publisher) || '.'"/>
  </xsl:function>
</xsl:stylesheet>
