<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver: the search records of a document, one for each citable unit, from what the
     normalisation pass stamped on it (common/normalise.xsl): its reference and fragment id, and
     the words that are its own in the reading text (not those of the units it holds, not the
     source's reading where the text corrects it), then the words of the notes anchored in it,
     so that a hit in a note lands on the unit that holds the note. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">
  <xsl:include href="common/params.xsl"/>
  <xsl:include href="common/header.xsl"/>
  <xsl:include href="common/readings.xsl"/>
  <xsl:include href="common/citation.xsl"/>
  <xsl:include href="common/normalise.xsl"/>
  <xsl:output method="json" indent="no" encoding="UTF-8"/>

  <xsl:mode on-no-match="fail"/>
  <xsl:mode name="m:search" on-no-match="fail"/>

  <xsl:template match="/">
    <xsl:apply-templates select="f:normalise(.)" mode="m:search"/>
  </xsl:template>

  <xsl:template match="document-node()" mode="m:search">
    <xsl:variable name="words" as="map(xs:string, text()*)" select="f:words-by-unit(.)"/>
    <xsl:sequence select="map {
      'document': f:document-id(.),
      'title': f:work-title(.),
      'units': array { if (//*[@e:ref]) then //*[@e:ref] ! f:record(., $words) else f:whole(.) } }"/>
  </xsl:template>

  <!-- A document without citable units (a foreign one) is searched as a whole. -->
  <xsl:function name="f:whole" as="map(*)">
    <xsl:param name="document" as="document-node()"/>
    <xsl:sequence select="map { 'ref': '', 'id': '', 'unit': '', 'label': '',
      'text': normalize-space(string($document/TEI/text)), 'notes': '' }"/>
  </xsl:function>

  <xsl:function name="f:record" as="map(*)">
    <xsl:param name="unit" as="element()"/>
    <xsl:param name="words" as="map(xs:string, text()*)"/>
    <xsl:variable name="own" as="text()*" select="$words(generate-id($unit))"/>
    <xsl:sequence select="map {
      'ref': string($unit/@e:ref),
      'id': string($unit/@e:id),
      'unit': string($unit/@e:unit),
      'label': normalize-space(string(f:head($unit))),
      'text': normalize-space(string-join($own[not(ancestor::note)])),
      'notes': normalize-space(string-join($own[ancestor::note], ' ')) }"/>
  </xsl:function>

  <!-- Each unit's words, found in one pass: every text node of the text that the reading view
       shows, under the innermost unit that holds it. -->
  <xsl:function name="f:words-by-unit" as="map(xs:string, text()*)">
    <xsl:param name="document" as="document-node()"/>
    <xsl:map>
      <xsl:for-each-group select="$document/TEI/text//text()[not(ancestor::*[@e:reading = 'other'])]"
        group-by="f:citing(.) ! generate-id()">
        <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:function>
</xsl:stylesheet>
