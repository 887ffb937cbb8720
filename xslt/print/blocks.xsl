<?xml version="1.0" encoding="UTF-8"?>
<!-- What paper needs of the web edition's blocks (html/blocks.xsl, imported by print.xsl), by
     import precedence: each unit's reference in the margin instead of a permalink and a "cite"
     button (data-ref, which print.css shows), a heading for a division that has none, a run-in head printed at
     the start of its block as the source has it, and nothing that only a screen can use. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- A unit's reference, for the margin; a block that begins with a run-in head also shows the
       reference of the division the head heads (print.css sets the two one above the other). -->
  <xsl:function name="f:unit-reference" as="attribute()*">
    <xsl:param name="unit" as="element()"/>
    <xsl:sequence select="$unit/@e:ref ! f:attribute('data-ref', .),
      $unit/head[@e:attached] ! f:headed(.)/@e:ref ! f:attribute('data-point-ref', .)"/>
  </xsl:function>

  <!-- Print names the divisions that have no heading: paper has no aria-label. -->
  <xsl:function name="f:unheaded" as="element()">
    <xsl:param name="division" as="element()"/>
    <h2 class="division-label">
      <xsl:sequence select="f:unit-reference($division)"/>
      <xsl:text>{f:division-name($division)}</xsl:text>
    </h2>
  </xsl:function>

  <!-- A heading carries its division's reference, in its margin. -->
  <xsl:function name="f:heading-label" as="empty-sequence()">
    <xsl:param name="division" as="element()"/>
  </xsl:function>

  <xsl:function name="f:heading-reference" as="attribute()*">
    <xsl:param name="division" as="element()"/>
    <xsl:sequence select="f:unit-reference($division), f:heading-label-attribute(f:head($division))"/>
  </xsl:function>

  <!-- A heading's words as the reading text has them, for its bookmark and running head
       (print.css): its content would give them the numbers of its footnotes too. -->
  <xsl:function name="f:heading-label-attribute" as="attribute()?">
    <xsl:param name="head" as="element(head)?"/>
    <xsl:sequence select="$head ! f:attribute('data-label',
      normalize-space(string-join(.//text()[not(ancestor::*[@e:reading = 'other'])])))"/>
  </xsl:function>

  <xsl:function name="f:cite-button" as="empty-sequence()">
    <xsl:param name="unit" as="element()"/>
  </xsl:function>

  <xsl:function name="f:compare-link" as="empty-sequence()">
    <xsl:param name="point" as="element()"/>
  </xsl:function>

  <!-- A run-in head is printed, as in the source, at the start of the block it heads. -->
  <xsl:template match="head[@e:attached]" mode="m:html-blocks"/>

  <xsl:template match="head[@e:attached]" mode="m:html-inline">
    <strong class="head rend-run-in"><xsl:sequence select="f:heading-label-attribute(.)"/><xsl:apply-templates
      mode="m:html-inline"/></strong>
    <xsl:text> </xsl:text>
  </xsl:template>
</xsl:stylesheet>
