<?xml version="1.0" encoding="UTF-8"?>
<!-- The thematic alignment of the two programmes as the web pages see it: a document passed in
     as $alignment (texts/alignment.xml), never read from a file. Its taxonomy gives the themes
     in their order (category/@n), its linkGrp the typed pairs of points, its listAnnotation
     the editors' note on each pair; each point names its principal theme in @ana. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:param name="alignment" as="document-node()?" select="()"/>

  <!-- What each type of link says about a pair, in words. -->
  <xsl:variable name="f:link-types" as="map(xs:string, xs:string)" select="map {
    'parallel': 'the two points make the same demand, each in its own terms.',
    'partial': 'the two points share part of their demand; each also says what the other does not.',
    'contrasting': 'the two points address the same theme and take different positions on it.' }"/>

  <xsl:key name="f:note-of-link" match="listAnnotation/note" use="tokenize(@target) ! substring-after(., '#')"/>

  <!-- The themes, in the order of the comparison. -->
  <xsl:function name="f:themes" as="element(category)*">
    <xsl:sequence select="sort($alignment/TEI/teiHeader/encodingDesc/classDecl/taxonomy/category, (),
      function ($c) { xs:integer($c/@n) })"/>
  </xsl:function>

  <xsl:function name="f:theme-label" as="xs:string">
    <xsl:param name="theme" as="element(category)"/>
    <xsl:sequence select="normalize-space($theme/catDesc)"/>
  </xsl:function>

  <!-- The id of the theme a point (or link) names in @ana, if the alignment knows it. -->
  <xsl:function name="f:theme-id" as="xs:string?">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="id" as="xs:string?"
      select="tokenize($element/@ana)[1] ! replace(., '^[^#]*#', '')"/>
    <xsl:sequence select="$id[$alignment//category/@xml:id = $id]"/>
  </xsl:function>

  <xsl:function name="f:theme-links" as="element(link)*">
    <xsl:param name="theme" as="element(category)"/>
    <xsl:sequence select="$alignment/TEI/standOff/linkGrp/link[f:theme-id(.) = $theme/@xml:id]"/>
  </xsl:function>

  <xsl:function name="f:link-note" as="element(note)?">
    <xsl:param name="link" as="element(link)"/>
    <xsl:sequence select="key('f:note-of-link', string($link/@xml:id), $alignment)[1]"/>
  </xsl:function>

  <!-- The point a pointer such as "mim-program-1996.xml#point-2" names, among the works
       (normalised): the file name is the document id. -->
  <xsl:function name="f:aligned-point" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:variable name="document" as="xs:string" select="replace(substring-before($pointer, '#'), '\.xml$', '')"/>
    <xsl:variable name="id" as="xs:string" select="substring-after($pointer, '#')"/>
    <xsl:sequence select="($works[f:document-id(.) = $document] ! f:normalised(.)//*[@xml:id = $id])[1]"/>
  </xsl:function>

  <!-- The points of a link, in the order of its @target. -->
  <xsl:function name="f:link-points" as="element()*">
    <xsl:param name="link" as="element(link)"/>
    <xsl:sequence select="tokenize($link/@target) ! f:aligned-point(.)"/>
  </xsl:function>

  <!-- Beside a point's heading in a work's page: its place on the comparison page. -->
  <xsl:function name="f:compare-link" as="element()?">
    <xsl:param name="point" as="element()"/>
    <xsl:variable name="id" as="xs:string?" select="f:theme-id($point)"/>
    <xsl:variable name="theme" as="element(category)?" select="$alignment//category[@xml:id = $id]"/>
    <xsl:if test="$theme and exists(f:reference($point))">
      <a class="compare-link editorial" href="compare.html#{$theme/@xml:id}">Compare: {f:theme-label($theme)}</a>
    </xsl:if>
  </xsl:function>
</xsl:stylesheet>
