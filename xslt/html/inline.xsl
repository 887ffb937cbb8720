<?xml version="1.0" encoding="UTF-8"?>
<!-- TEI inline content to HTML phrasing content, in mode m:html-inline. Shared by the web
     edition (html.xsl) and the paged-media HTML (print.xsl).

     The input is a normalised document (common/normalise.xsl): which reading of a choice to
     show, and the editors' note on it, are read from its stamps. The including driver also
     includes common/unhandled.xsl and common/registers.xsl ($registers, $register-base).

     Conventions of the result:
     - everything the editors add to the text (explanations of interventions, links to the
       source of a quotation) carries the class "editorial", so that the text of the source is
       what remains when those elements are left out;
     - an intervention is a span.intervention holding the reading the view shows (span.reading)
       and a span.editorial.app-note (role note) that says what the other reading is; print may
       float the note as a footnote. On the web a button.app-toggle (hidden) precedes the note:
       assets/notes.js shows it and makes the note a disclosure it opens and closes, so that
       without scripts the note simply stays visible;
     - a quotation, a paraphrase and an allusion whose work the registers identify are followed
       by a small link to the work's entry, which says which of the three it is;
     - a note of the editors' commentary is a numbered marker (sup.comm-ref) linking to the note,
       which the document's page lists after the text (f:commentary-list); on that page the
       marker has an id the note links back to;
     - a date that stands for events of the register is followed by links to them;
     - no link is ever nested in another: inside a link names become plain spans. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:html-inline" on-no-match="fail"/>

  <xsl:template match="text()" mode="m:html-inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="m:html-inline"/>

  <!-- Editorial interventions -->

  <xsl:template match="choice" mode="m:html-inline">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="shown" as="element()" select="*[@e:reading = 'shown']"/>
    <span class="intervention intervention-{local-name($shown)}">
      <span class="reading">
        <xsl:apply-templates select="$shown/node()" mode="m:html-inline"/>
      </span>
      <xsl:sequence select="f:intervention-note(., $in-link)"/>
    </span>
  </xsl:template>

  <!-- What the editors say of an intervention: in brackets after the reading, with a button
       that opens and closes it (none inside a link, where a button may not stand). Its name
       in a page that may show several documents: the document's id, then its note's number. -->
  <xsl:function name="f:intervention-note" as="element()+">
    <xsl:param name="choice" as="element(choice)"/>
    <xsl:param name="in-link" as="xs:boolean"/>
    <xsl:variable name="note-id" as="xs:string"
      select="'app-note-' || string-join((root($choice)/*/@xml:id, string($choice/@e:n)), '-')"/>
    <xsl:if test="not($in-link)">
      <xsl:sequence select="f:note-toggle($note-id, $choice/*[@e:reading = 'shown'])"/>
    </xsl:if>
    <span class="editorial app-note" id="{$note-id}" role="note"> [{$choice/@e:note}]</span>
  </xsl:function>

  <!-- The button that opens and closes an intervention's note; hidden until a script runs. -->
  <xsl:function name="f:note-toggle" as="element()">
    <xsl:param name="note-id" as="xs:string"/>
    <xsl:param name="shown" as="element()"/>
    <button type="button" class="editorial app-toggle" aria-expanded="true"
      aria-controls="{$note-id}" hidden="">note<span
      class="visually-hidden"> on “{normalize-space($shown)}”</span></button>
  </xsl:function>

  <xsl:template match="sic | corr | orig | reg" mode="m:html-inline">
    <span class="{local-name()}">
      <xsl:sequence select="f:lang(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </span>
  </xsl:template>

  <!-- Names, linked to their register entries -->

  <xsl:template match="persName | orgName | placeName | eventName | name | rs" mode="m:html-inline">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="href" as="xs:string?"
      select="if ($in-link or empty(@ref)) then () else f:register-href(@ref, local-name())"/>
    <xsl:choose>
      <xsl:when test="exists($href)">
        <a class="name {local-name()}" href="{$href}">
          <xsl:sequence select="f:lang(.)"/>
          <xsl:apply-templates mode="m:html-inline">
            <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="name {local-name()}">
          <xsl:sequence select="f:lang(.)"/>
          <xsl:apply-templates mode="m:html-inline"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="date | docDate" mode="m:html-inline">
    <xsl:variable name="when" as="xs:string?" select="(@when[f:is-html-date(.)])[1]"/>
    <xsl:element name="{if ($when) then 'time' else 'span'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="'date'"/>
      <xsl:if test="$when">
        <xsl:attribute name="datetime" select="$when"/>
      </xsl:if>
      <xsl:apply-templates mode="m:html-inline"/>
    </xsl:element>
    <xsl:apply-templates select="@corresp" mode="m:html-event-refs"/>
  </xsl:template>

  <xsl:mode name="m:html-event-refs" on-no-match="fail"/>

  <!-- Links from a date to the events it stands for, outside any other link. -->
  <xsl:template match="@corresp" mode="m:html-event-refs">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="events" as="element()*"
      select="tokenize(normalize-space(.), ' ') ! f:register-entry(.)[self::event]"/>
    <xsl:if test="exists($events) and not($in-link)">
      <sup class="editorial event-ref">
        <xsl:for-each select="$events">
          <xsl:if test="position() gt 1">, </xsl:if>
          <a href="{f:register-href('#' || @xml:id, 'event')}"
            aria-label="Event: {normalize-space(eventName)}">event</a>
        </xsl:for-each>
      </sup>
    </xsl:if>
  </xsl:template>

  <!-- ISO dates HTML's time element accepts: a year, a month or a day. -->
  <xsl:function name="f:is-html-date" as="xs:boolean">
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="matches($value, '^\d{4}(-\d{2}(-\d{2})?)?$')"/>
  </xsl:function>

  <!-- Quotations: the source's own marks stand in the text, so none are added. A paraphrase is
       a quotation to the eye, and says what it is in its class and its link. -->

  <xsl:template match="quote" mode="m:html-inline">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <span class="quote{@type ! (' quote-' || .)}">
      <xsl:sequence select="f:lang(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </span>
    <xsl:if test="@source and not($in-link)">
      <xsl:sequence select="f:source-link(@source)"/>
    </xsl:if>
  </xsl:template>

  <!-- An allusion: words of the text that echo another work unmarked; the link says so. -->
  <xsl:template match="seg[@type = 'allusion']" mode="m:html-inline">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <span class="allusion">
      <xsl:sequence select="f:lang(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </span>
    <xsl:if test="@source and not($in-link)">
      <xsl:sequence select="f:source-link(@source)"/>
    </xsl:if>
  </xsl:template>

  <!-- A small link from a quotation, paraphrase or allusion to the entry of the work it
       quotes, restates or echoes: "source", "paraphrase" or "echo". -->
  <xsl:function name="f:source-link" as="element()?">
    <xsl:param name="source" as="attribute(source)"/>
    <xsl:variable name="href" as="xs:string?" select="f:register-href($source, 'quote')"/>
    <xsl:variable name="title" as="xs:string?"
      select="f:register-entry($source)/title[1] ! normalize-space()"/>
    <xsl:if test="$href">
      <sup class="editorial source-ref source-ref-{f:quotation-kind($source)}">
        <a href="{$href}" aria-label="{string-join((f:quotation-words($source, 'label'), $title), ': ')}">{
          f:quotation-words($source, 'link')}</a>
      </sup>
    </xsl:if>
  </xsl:function>

  <!-- The editors' own quotation of a word: marks are added. -->
  <xsl:template match="q | said" mode="m:html-inline">
    <q>
      <xsl:sequence select="f:lang(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </q>
  </xsl:template>

  <xsl:template match="title" mode="m:html-inline">
    <cite class="title{@level ! (' level-' || .)}">
      <xsl:sequence select="f:lang(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </cite>
  </xsl:template>

  <!-- Links and pointers -->

  <xsl:template match="ref[@target]" mode="m:html-inline">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="href" as="xs:string?"
      select="if ($in-link) then () else f:target-href(@target)"/>
    <xsl:choose>
      <xsl:when test="exists($href)">
        <a href="{$href}">
          <xsl:apply-templates mode="m:html-inline">
            <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
          </xsl:apply-templates>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="ref">
          <xsl:apply-templates mode="m:html-inline"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A pointer to a reference of the registers reads as that reference's title, linked to it. -->
  <xsl:template match="ptr[@target]" mode="m:html-inline">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="entry" as="element()?" select="f:register-entry(@target)"/>
    <xsl:variable name="label" as="xs:string"
      select="($entry/title[1] ! normalize-space(), string(@target))[1]"/>
    <xsl:variable name="href" as="xs:string?"
      select="($entry//ref/@target[starts-with(., 'http')], f:target-href(@target))[1]"/>
    <span class="ptr{@type ! (' ptr-' || .)}">
      <xsl:if test="@type = 'source'">Source: </xsl:if>
      <xsl:choose>
        <xsl:when test="$href and not($in-link)"><a href="{$href}">{$label}</a></xsl:when>
        <xsl:otherwise>{$label}</xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="ptr | ref" mode="m:html-inline" priority="-0.5">
    <span class="{local-name()}">
      <xsl:apply-templates mode="m:html-inline"/>
    </span>
  </xsl:template>

  <!-- A web address the edition may link to (http, https, mailto), or nothing: no other
       scheme (javascript:, data: ...) ever becomes a link, whatever validation let through. -->
  <xsl:function name="f:web-url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:sequence select="$url[matches(., '^(https?://|mailto:)', 'i')]"/>
  </xsl:function>

  <!-- A TEI pointer as a link: external URLs as they are, pointers into the registers to the
       entry's page, other local pointers to a fragment of the same page. -->
  <xsl:function name="f:target-href" as="xs:string?">
    <xsl:param name="target" as="xs:string"/>
    <xsl:variable name="first" as="xs:string" select="tokenize(normalize-space($target), ' ')[1]"/>
    <xsl:sequence select="
      if (exists(f:web-url($first))) then $first
      else if (exists(f:register-entry($first))) then f:register-href($first, '')
      else if (starts-with($first, '#')) then $first
      else ()"/>
  </xsl:function>

  <!-- Names of markup, in the editorial declarations -->

  <xsl:template match="gi" mode="m:html-inline">
    <code class="gi">&lt;{.}&gt;</code>
  </xsl:template>

  <xsl:template match="att" mode="m:html-inline">
    <code class="att">@{.}</code>
  </xsl:template>

  <xsl:template match="val" mode="m:html-inline">
    <code class="val">"{.}"</code>
  </xsl:template>

  <xsl:template match="ident | code | tag" mode="m:html-inline">
    <code class="{local-name()}">
      <xsl:apply-templates mode="m:html-inline"/>
    </code>
  </xsl:template>

  <!-- Emphasis, highlighting, foreign words and terms -->

  <xsl:template match="emph" mode="m:html-inline">
    <em>
      <xsl:sequence select="f:lang(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </em>
  </xsl:template>

  <xsl:template match="hi" mode="m:html-inline">
    <span class="hi{@rend ! (' rend-' || replace(normalize-space(.), '\s+', ' rend-'))}">
      <xsl:sequence select="f:lang(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </span>
  </xsl:template>

  <xsl:template match="foreign | term | author | editor | biblScope | publisher | pubPlace
    | distributor | num | measure | seg | mentioned | soCalled | label | roleName
    | forename | surname | addName | geogName | country | settlement | region | idno"
    mode="m:html-inline">
    <span class="{local-name()}">
      <xsl:sequence select="f:lang(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </span>
  </xsl:template>

  <xsl:template match="lb" mode="m:html-inline">
    <br/>
  </xsl:template>

  <!-- A page break of the source: a marker, not text. -->
  <xsl:template match="pb" mode="m:html-inline">
    <span class="editorial pb">{@n ! (' [' || . || '] ')}</span>
  </xsl:template>

  <!-- A note of the editors' commentary: its number, a link to the note in the list after the
       text (on the work's own page, whatever page the marker stands in). -->
  <xsl:template match="note[f:is-commentary(.)]" mode="m:html-inline">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="commentary-anchors" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="ids" as="map(xs:string, xs:string)" select="f:commentary-ids(.)"/>
    <sup class="editorial comm-ref">
      <xsl:choose>
        <xsl:when test="$in-link">{@e:n}</xsl:when>
        <xsl:otherwise>
          <a href="{if ($commentary-anchors) then '' else f:view-file(f:document-id(.), $view)}#{$ids?note}"
            aria-label="Commentary, note {@e:n}">
            <xsl:if test="$commentary-anchors">
              <xsl:attribute name="id" select="$ids?marker"/>
            </xsl:if>
            <xsl:text>{@e:n}</xsl:text>
          </a>
        </xsl:otherwise>
      </xsl:choose>
    </sup>
  </xsl:template>

  <!-- The ids of a commentary note in its work's page and of its marker, from the document's
       id and the note's number (a page may show passages of several documents). -->
  <xsl:function name="f:commentary-ids" as="map(xs:string, xs:string)">
    <xsl:param name="note" as="element(note)"/>
    <xsl:variable name="key" as="xs:string" select="f:document-id($note) || '-' || $note/@e:n"/>
    <xsl:sequence select="map { 'note': 'note-' || $key, 'marker': 'note-ref-' || $key }"/>
  </xsl:function>

  <!-- What a commentary note says, then its sources, each linked to its entry in the
       registers' references: shared by the web list and the printed footnote. -->
  <xsl:function name="f:commentary-body" as="node()*">
    <xsl:param name="note" as="element(note)"/>
    <xsl:param name="linked" as="xs:boolean"/>
    <xsl:sequence select="f:words-and-sources(f:commentary-nodes($note), $linked)"/>
  </xsl:function>

  <!-- A note's words, then the references it points to (ptr type="source"), gathered in one
       "Sources:" line: a commentary note, a note on a source's description. -->
  <xsl:function name="f:words-and-sources" as="node()*">
    <xsl:param name="words" as="node()*"/>
    <xsl:param name="linked" as="xs:boolean"/>
    <xsl:variable name="sources" as="element(ptr)*" select="$words/descendant-or-self::ptr[@type = 'source']"/>
    <xsl:apply-templates select="$words except $sources" mode="m:html-inline"/>
    <xsl:if test="exists($sources)">
      <span class="sources">
        <xsl:text>{if (count($sources) gt 1) then 'Sources' else 'Source'}: </xsl:text>
        <xsl:for-each select="$sources">
          <xsl:if test="position() gt 1">; </xsl:if>
          <xsl:variable name="href" as="xs:string?" select="f:register-href(@target, 'bibl')"/>
          <xsl:choose>
            <xsl:when test="$linked and exists($href)"><a href="{$href}">{f:reference-label(@target)}</a></xsl:when>
            <xsl:otherwise>{f:reference-label(@target)}</xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:text>{'.'[not(matches(f:reference-label($sources[last()]/@target), '[.!?]$'))]}</xsl:text>
      </span>
    </xsl:if>
  </xsl:function>

  <!-- A note inside running text is the editors' (or the source's) aside, kept in place. -->
  <xsl:template match="note" mode="m:html-inline">
    <span class="note{@type ! (' note-' || .)}">
      <xsl:sequence select="f:lang(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </span>
  </xsl:template>

  <!-- A run-in head the normalisation pass attached to its block: the web edition has set it
       as its division's heading already (html/blocks.xsl). -->
  <xsl:template match="head[@e:attached]" mode="m:html-inline"/>

  <!-- Anything else: every element of the edition's texts is rendered on purpose. -->
  <xsl:template match="*" mode="m:html-inline" priority="-1">
    <xsl:sequence select="f:unhandled(., 'html')"/>
  </xsl:template>

  <!-- HTML's lang for an element that declares its language. -->
  <xsl:function name="f:lang" as="attribute()?">
    <xsl:param name="element" as="element()"/>
    <xsl:if test="$element/@xml:lang">
      <xsl:attribute name="lang" select="$element/@xml:lang"/>
    </xsl:if>
  </xsl:function>
</xsl:stylesheet>
