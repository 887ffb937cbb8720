<?xml version="1.0" encoding="UTF-8"?>
<!-- Print's own inline rules, which take precedence over the imported web ones: an editorial
     intervention, a note of the commentary and the source of a quotation, paraphrase or
     allusion become footnotes, numbered in one series as the normalisation pass numbered them;
     a footnote of the commentary says that it is one and ends with its sources. A footnote on an
     intervention begins with the reading it is about (the lemma), then says, as the web
     edition does, what the source has (the note the normalisation pass stamped).

     A footnote's words are wrapped (note-body, after the kind of a note of the commentary) for
     the screen: there, print.css leaves the footnote where it stands, as its call, and sets
     its words beside the text or below the line (a footnote on paper is the element itself,
     floated to the foot of the page). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- White space collapsed here rather than by the renderer: WeasyPrint 70 fails an assertion
       when a footnote's text keeps a source line break next to a possible hyphenation. -->
  <xsl:template match="text()" mode="m:html-inline">
    <xsl:variable name="made" as="node()*">
      <xsl:next-match/>
    </xsl:variable>
    <xsl:apply-templates select="$made" mode="m:print-collapse"/>
  </xsl:template>

  <!-- What the web's rule for a text makes (the text, or the word a footnote's call follows
       with the call), its white space collapsed. -->
  <xsl:mode name="m:print-collapse" on-no-match="shallow-copy"/>
  <xsl:template match="text()" mode="m:print-collapse">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>

  <xsl:function name="f:intervention-note" as="element()">
    <xsl:param name="choice" as="element(choice)"/>
    <xsl:param name="in-link" as="xs:boolean"/>
    <span class="editorial app-note footnote"><xsl:sequence select="f:note-role($choice)"/><span class="note-body"><span class="lemma">{
      normalize-space($choice/*[@e:reading = 'shown'])}</span>] {$choice/@e:note}.</span></span>
  </xsl:function>

  <!-- A quotation's, paraphrase's or allusion's source, as the registers identify it: one
       footnote for each, so that the footnotes keep the numbers of the other outputs. -->
  <xsl:function name="f:source-link" as="element()?">
    <xsl:param name="source" as="attribute(source)"/>
    <xsl:variable name="note" as="node()*" select="f:quoted-from($source)"/>
    <xsl:if test="exists($note)">
      <span class="editorial source-note footnote">
        <xsl:sequence select="f:note-role($source)"/>
        <span class="note-body"><xsl:apply-templates select="$note" mode="m:html-inline"/></span>
      </span>
    </xsl:if>
  </xsl:function>

  <!-- A footnote is a note to assistive technology (on screen), except in a heading, where
       HTML allows no note: its words are still the heading's footnote. -->
  <xsl:function name="f:note-role" as="attribute()?">
    <xsl:param name="anchor" as="node()"/>
    <xsl:if test="empty($anchor/ancestor::head)">
      <xsl:attribute name="role" select="'note'"/>
    </xsl:if>
  </xsl:function>

  <!-- A date's events are named in the web edition's register, not on paper. -->
  <xsl:template match="@corresp" mode="m:html-event-refs"/>

  <!-- A note of the commentary after a word is set with the word (by the rule for the text
       before it, which passes $joined): not again where it stands. -->
  <xsl:template match="note[f:is-commentary(.)]" mode="m:html-inline" priority="1">
    <xsl:param name="notes-after-words" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="joined" as="xs:boolean" select="false()"/>
    <xsl:if test="$joined or not(f:marker-joins-word(., $notes-after-words))">
      <xsl:sequence select="f:commentary-footnote(.)"/>
    </xsl:if>
  </xsl:template>

  <xsl:function name="f:commentary-footnote" as="element()">
    <xsl:param name="note" as="element(note)"/>
    <span class="editorial note footnote note-commentary">
      <xsl:sequence select="f:note-role($note), f:lang($note)"/>
      <span class="note-kind">Commentary. </span>
      <span class="note-body"><xsl:sequence select="f:commentary-body($note, false())"/></span>
    </span>
  </xsl:function>

  <xsl:template match="note" mode="m:html-inline">
    <span class="editorial note footnote{@type ! (' note-' || .)}">
      <xsl:sequence select="f:note-role(.), f:lang(.)"/>
      <span class="note-body"><xsl:apply-templates mode="m:html-inline"/></span>
    </span>
  </xsl:template>
</xsl:stylesheet>
