<?xml version="1.0" encoding="UTF-8"?>
<!-- What paper needs of the web edition's blocks (html/blocks.xsl, imported by print.xsl), by
     import precedence: each unit's reference in the margin instead of a permalink and a "cite"
     button (data-ref, which print.css shows), a heading for a division that has none, a run-in
     head set as a heading, and nothing that only a screen can use. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- A unit's reference, for the margin. -->
  <xsl:function name="f:unit-reference" as="attribute()?">
    <xsl:param name="unit" as="element()"/>
    <xsl:sequence select="$unit/@e:ref ! f:attribute('data-ref', .)"/>
  </xsl:function>

  <!-- Print names the divisions that have no heading: paper has no aria-label. -->
  <xsl:function name="f:unheaded" as="element()+">
    <xsl:param name="division" as="element()"/>
    <xsl:sequence select="f:heading-label($division)"/>
    <h2 class="division-label">{f:division-name($division)}</h2>
  </xsl:function>

  <!-- A heading carries its division's reference, in its margin. -->
  <!-- A heading's reference stands before it, in its margin (print.css), not in it: the
       heading's name, in the PDF's structure and to a screen reader, is its words alone. -->
  <xsl:function name="f:heading-label" as="element()?">
    <xsl:param name="division" as="element()"/>
    <xsl:if test="$division/@e:ref">
      <div class="heading-ref"><xsl:sequence select="f:unit-reference($division)"/></div>
    </xsl:if>
  </xsl:function>

  <xsl:function name="f:heading-reference" as="attribute()*">
    <xsl:param name="division" as="element()"/>
    <xsl:sequence select="f:heading-label-attribute(f:head($division))"/>
  </xsl:function>

  <!-- A heading's words as the reading text has them, for its bookmark and running head
       (print.css): its content would give them the numbers of its footnotes too. -->
  <xsl:function name="f:heading-label-attribute" as="attribute()*">
    <xsl:param name="head" as="element(head)?"/>
    <xsl:for-each select="$head ! normalize-space(string-join(.//text()[not(ancestor::*[@e:reading = 'other'])]))">
      <xsl:sequence select="f:attribute('data-label', .),
        f:attribute('data-running-head', f:shortened(., $running-head-length))"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The most characters a running head has: what the text block's width holds at the size
       print.css sets them. -->
  <xsl:variable name="running-head-length" as="xs:integer" select="80"/>

  <!-- A text shortened, where it is longer than $length, at the end of its last word that fits
       with an ellipsis after it: a running head is cut between words, never inside one. -->
  <xsl:function name="f:shortened" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="length" as="xs:integer"/>
    <xsl:sequence select="if (string-length($text) le $length) then $text
      else replace(replace(substring($text, 1, $length), '\s+\S*$', ''), '[\s\p{P}]+$', '') || '…'"/>
  </xsl:function>

  <xsl:function name="f:cite-button" as="empty-sequence()">
    <xsl:param name="unit" as="element()"/>
  </xsl:function>

  <xsl:function name="f:compare-link" as="empty-sequence()">
    <xsl:param name="point" as="element()"/>
  </xsl:function>

  <!-- A run-in head is set as its division's heading, above the block the source runs it into,
       as the web edition sets it (html/blocks.xsl) and as the other points' headings are: a
       heading of its own, which the PDF tags as one. (Set inline, run into its paragraph, it
       would be tagged once for each line it runs over.) -->
  <xsl:template match="head[@e:attached]" mode="m:html-inline"/>
</xsl:stylesheet>
