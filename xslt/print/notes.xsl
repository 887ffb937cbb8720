<?xml version="1.0" encoding="UTF-8"?>
<!-- Print's own inline rules, which take precedence over the imported web ones: an editorial
     intervention, a note and the source of a quotation become footnotes. A footnote on an
     intervention begins with the reading it is about (the lemma), then says, as the web
     edition does, what the source has. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- White space collapsed here rather than by the renderer: WeasyPrint 70 fails an assertion
       when a footnote's text keeps a source line break next to a possible hyphenation. -->
  <xsl:template match="text()" mode="m:html-inline">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>

  <xsl:template match="choice" mode="m:html-inline">
    <xsl:variable name="shown" as="element()?" select="(f:shown-reading(.), expan, *[1])[1]"/>
    <xsl:variable name="other" as="element()?" select="(* except $shown)[1]"/>
    <span class="intervention intervention-{local-name($shown)}">
      <span class="reading">
        <xsl:apply-templates select="$shown/node()" mode="m:html-inline"/>
      </span>
      <xsl:if test="$other">
        <span class="editorial app-note footnote" role="note"><span class="lemma">{normalize-space($shown)}</span>] {f:explanation($shown, $other)}.</span>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- A quotation's source, as the registers identify it, once per block and source. -->
  <xsl:template match="quote" mode="m:html-inline">
    <span class="quote">
      <xsl:sequence select="f:lang(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </span>
    <xsl:if test="not(preceding-sibling::quote[@source = current()/@source])">
      <xsl:apply-templates select="f:register-entry(@source)[self::bibl]" mode="m:print-source-note"/>
    </xsl:if>
  </xsl:template>

  <xsl:mode name="m:print-source-note" on-no-match="fail"/>

  <xsl:template match="bibl" mode="m:print-source-note">
    <span class="editorial source-note footnote" role="note">
      <xsl:text>Quoted from{' (the identification is uncertain)'[current()/@cert = ('low', 'medium')]}:{
        ' '[not(matches(string(current()), '^\s'))]}</xsl:text>
      <xsl:apply-templates select="node() except note" mode="m:html-inline"/>
    </span>
  </xsl:template>

  <!-- A date's events are named in the web edition's register, not on paper. -->
  <xsl:template match="@corresp" mode="m:html-event-refs"/>

  <xsl:template match="note" mode="m:html-inline">
    <span class="editorial note footnote{@type ! (' note-' || .)}" role="note">
      <xsl:sequence select="f:lang(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </span>
  </xsl:template>
</xsl:stylesheet>
