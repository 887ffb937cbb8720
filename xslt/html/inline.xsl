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
     - an intervention is a span.intervention holding the reading the view shows (span.reading),
       followed by its numbered marker (see "Editorial interventions" below);
     - a quotation, a paraphrase and an allusion whose work the registers identify are followed
       by a small link to the work's entry, which says which of the three it is;
     - a note of the editors' commentary is a numbered marker (sup.comm-ref) too: the notes of
       interventions and of the commentary are numbered in one series, the normalisation pass's,
       which the PDF's footnotes and the plain text's notes also follow; on the work's page a
       marker opens its note in place and the notes are listed after the text (the commentary's
       by f:commentary-list, linking back to the marker's id);
     - a date that stands for events of the register is followed by links to them;
     - no link is ever nested in another: inside a link names become plain spans. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:html-inline" on-no-match="fail"/>

  <xsl:template match="comment() | processing-instruction()" mode="m:html-inline"/>

  <!-- Editorial interventions

       An intervention is marked in the text (span.intervention) and numbered: its marker
       stands after the word that holds it, never inside a word ("Marxism-Leninism-Maoism",
       whose first hyphen the editors regularised, takes its number after "Maoism"). Where the
       marker stands depends on the page:
       - the work's own page (tunnel parameter $commentary-anchors): a button that opens the
         note in place (HTML popover, no script needed), and the notes listed after the text
         (f:intervention-notes);
       - another page of the web edition (the comparison, the introduction: $page is not
         'document'): a link to the note on the work's page, at the end of the word too;
       - paper (print.xsl overrides f:intervention-note and the text rule, and makes only
         'document' pages): a footnote where the intervention stands, unless the tunnel
         parameter $notes-after-words asks for the end of the word. -->

  <xsl:template match="choice" mode="m:html-inline">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="commentary-anchors" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="notes-after-words" as="xs:boolean" select="$page ne 'document'" tunnel="yes"/>
    <xsl:variable name="shown" as="element()" select="*[@e:reading = 'shown']"/>
    <!-- On the web, a reading of one word is kept on one line with the marker that follows it. -->
    <xsl:variable name="one-word" as="xs:boolean" select="($commentary-anchors or $notes-after-words)
      and not(matches(string($shown), '\s'))"/>
    <span class="intervention intervention-{local-name($shown)}{' note-anchor'[$one-word]}">
      <span class="reading">
        <xsl:apply-templates select="$shown/node()" mode="m:html-inline"/>
      </span>
      <xsl:if test="not(f:marker-moves(., $commentary-anchors or $notes-after-words))">
        <xsl:sequence select="f:intervention-marker(., $in-link, $commentary-anchors)"/>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- The source's characters, as they are. On the web a marker is kept on one line with the
       word it follows: the rest of a word an intervention is inside, with the intervention's
       marker; the last word before a note of the commentary, with the note's marker (which the
       note's own rule then leaves out). -->
  <xsl:template match="text()" mode="m:html-inline">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="commentary-anchors" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="notes-after-words" as="xs:boolean" select="$page ne 'document'" tunnel="yes"/>
    <xsl:variable name="web" as="xs:boolean" select="$commentary-anchors or $notes-after-words"/>
    <xsl:variable name="choice" as="element(choice)?"
      select="preceding-sibling::node()[1][self::choice][f:marker-moves(., $web)]"/>
    <xsl:variable name="note" as="element(note)?"
      select="following-sibling::node()[1][self::note][f:marker-joins-word(., $web)]"/>
    <xsl:variable name="text" as="xs:string" select="string(.)"/>
    <xsl:variable name="first" as="xs:string" select="if ($choice) then replace($text, '^(\S+).*$', '$1', 's') else ''"/>
    <xsl:variable name="last" as="xs:string" select="if ($note) then replace($text, '^.*?(\S+)$', '$1', 's') else ''"/>
    <xsl:variable name="choice-marker" as="element()*"
      select="$choice ! f:intervention-marker(., $in-link, $commentary-anchors)"/>
    <xsl:variable name="note-marker" as="node()*">
      <xsl:apply-templates select="$note" mode="m:html-inline">
        <xsl:with-param name="joined" select="true()"/>
      </xsl:apply-templates>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$choice and $note and $first eq $text">
        <span class="note-anchor">{$text}<xsl:sequence select="$choice-marker, $note-marker"/></span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="$choice">
          <span class="note-anchor">{$first}<xsl:sequence select="$choice-marker"/></span>
        </xsl:if>
        <xsl:value-of select="substring($text, string-length($first) + 1,
          string-length($text) - string-length($first) - string-length($last))"/>
        <xsl:if test="$note">
          <span class="note-anchor">{$last}<xsl:sequence select="$note-marker"/></span>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Whether a commentary note's marker is set with the word before it, by the rule for that
       text: on the web, where the text before the note ends with a word. -->
  <xsl:function name="f:marker-joins-word" as="xs:boolean">
    <xsl:param name="note" as="element(note)"/>
    <xsl:param name="web" as="xs:boolean"/>
    <xsl:sequence select="$web and f:is-commentary($note)
      and matches(string($note/preceding-sibling::node()[1][self::text()]), '\S$')"/>
  </xsl:function>

  <!-- Whether an intervention's marker moves to the end of its word: the page asks for it,
       and the text right after the intervention goes on with the word. -->
  <xsl:function name="f:marker-moves" as="xs:boolean">
    <xsl:param name="choice" as="element(choice)"/>
    <xsl:param name="after-words" as="xs:boolean"/>
    <xsl:sequence select="$after-words
      and matches(string($choice/following-sibling::node()[1][self::text()]), '^\S')"/>
  </xsl:function>

  <!-- An intervention's marker: on the work's page, the button that opens its note in place,
       and the note; elsewhere the link to the note on the work's page. -->
  <xsl:function name="f:intervention-marker" as="element()+">
    <xsl:param name="choice" as="element(choice)"/>
    <xsl:param name="in-link" as="xs:boolean"/>
    <xsl:param name="on-work-page" as="xs:boolean"/>
    <xsl:sequence select="if ($on-work-page)
      then f:note-marker($choice, 'app-ref', 'Note ' || $choice/@e:n, f:intervention-note-words($choice), $in-link)
      else f:intervention-note($choice, $in-link)"/>
  </xsl:function>

  <!-- An intervention's marker on a page other than the work's: a link to its note there. -->
  <xsl:function name="f:intervention-note" as="element()">
    <xsl:param name="choice" as="element(choice)"/>
    <xsl:param name="in-link" as="xs:boolean"/>
    <xsl:variable name="ids" as="map(xs:string, xs:string)" select="f:note-ids($choice)"/>
    <sup class="editorial note-ref app-ref">
      <xsl:choose>
        <xsl:when test="$in-link">{$choice/@e:n}</xsl:when>
        <xsl:otherwise>
          <a href="{f:view-file(f:document-id($choice), f:view-of($choice))}#{$ids?note}"
            aria-label="Note {$choice/@e:n}">{$choice/@e:n}</a>
        </xsl:otherwise>
      </xsl:choose>
    </sup>
  </xsl:function>

  <!-- A numbered marker on the work's page: a button that opens the note in place, followed
       by the note (a popover: the browser opens it, closes it with Escape or a tap elsewhere,
       and returns the focus), which is also listed after the text. The button has the id the
       list links back to. Inside a link, where no button may stand, the number alone. -->
  <xsl:function name="f:note-marker" as="element()+">
    <xsl:param name="noted" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="words" as="node()*"/>
    <xsl:param name="in-link" as="xs:boolean"/>
    <xsl:variable name="ids" as="map(xs:string, xs:string)" select="f:note-ids($noted)"/>
    <sup class="editorial note-ref {$kind}">
      <xsl:choose>
        <!-- The list's link back leads to the number. -->
        <xsl:when test="$in-link"><xsl:attribute name="id" select="$ids?marker"/>{$noted/@e:n}</xsl:when>
        <xsl:otherwise>
          <!-- The number again, for paper, which prints no button (edition.css). -->
          <xsl:attribute name="data-n" select="$noted/@e:n"/>
          <button type="button" class="note-marker" id="{$ids?marker}" popovertarget="{$ids?popover}"
            aria-label="{$label}">{$noted/@e:n}</button>
        </xsl:otherwise>
      </xsl:choose>
    </sup>
    <xsl:if test="not($in-link)">
      <span class="editorial note-popover" id="{$ids?popover}" popover="">
        <span class="note-number">{$noted/@e:n}</span>
        <xsl:text> </xsl:text>
        <xsl:sequence select="$words"/>
      </span>
    </xsl:if>
  </xsl:function>

  <!-- What the editors say of an intervention, in the note and in the list after the text: the
       reading shown (the lemma), then what the other reading is, as paper sets it. Where the
       readings differ in their spacing alone, the quoted reading shows its spaces. -->
  <xsl:function name="f:intervention-note-words" as="node()+">
    <xsl:param name="choice" as="element(choice)"/>
    <xsl:variable name="shown" as="element()" select="$choice/*[@e:reading = 'shown']"/>
    <xsl:variable name="other" as="element()" select="$choice/*[@e:reading = 'other']"/>
    <span class="lemma">{normalize-space($shown)}</span>
    <xsl:text>] {f:explanation-words($shown)} “</xsl:text>
    <xsl:choose>
      <xsl:when test="f:differ-in-spacing($shown, $other)">
        <span class="spaced-reading"><xsl:sequence select="f:visible-spaces(normalize-space($other))"/></span>
      </xsl:when>
      <xsl:otherwise>{normalize-space($other)}</xsl:otherwise>
    </xsl:choose>
    <xsl:text>”.</xsl:text>
  </xsl:function>

  <!-- A reading with each space shown as "␣", named "space" for a screen reader. -->
  <xsl:function name="f:visible-spaces" as="node()*">
    <xsl:param name="reading" as="xs:string"/>
    <xsl:for-each select="tokenize($reading, ' ')">
      <xsl:if test="position() gt 1">
        <span class="visible-space" role="img" aria-label="space">␣</span>
      </xsl:if>
      <xsl:value-of select="."/>
    </xsl:for-each>
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

  <!-- Links from a date to the events it stands for, outside any other link, each named by
       the event's name in the register. -->
  <xsl:template match="@corresp" mode="m:html-event-refs">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="events" as="element()*"
      select="distinct-values(tokenize(normalize-space(.), ' ')) ! f:register-entry(.)[self::event]"/>
    <xsl:if test="exists($events) and not($in-link)">
      <span class="editorial event-ref">
        <xsl:for-each select="$events">
          <xsl:if test="position() gt 1">; </xsl:if>
          <a href="{f:register-href('#' || @xml:id, 'event')}"
            aria-label="Event: {normalize-space(eventName[1])}">{normalize-space(eventName[1])}</a>
        </xsl:for-each>
      </span>
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

  <!-- A note of the editors' commentary: its number, which opens the note in place on the
       work's page (f:note-marker) and elsewhere links to the note in the list after the text
       of the work's page. -->
  <xsl:template match="note[f:is-commentary(.)]" mode="m:html-inline">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="commentary-anchors" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="notes-after-words" as="xs:boolean" select="$page ne 'document'" tunnel="yes"/>
    <!-- Set by the rule for the text before it, with that text's last word (see text()). -->
    <xsl:param name="joined" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="not($joined) and f:marker-joins-word(., $commentary-anchors or $notes-after-words)"/>
      <xsl:when test="$commentary-anchors">
        <xsl:variable name="words" as="node()*">
          <span class="note-kind">Commentary. </span>
          <xsl:sequence select="f:commentary-body(., true())"/>
        </xsl:variable>
        <xsl:sequence select="f:note-marker(., 'comm-ref', 'Commentary, note ' || @e:n, $words, $in-link)"/>
      </xsl:when>
      <xsl:otherwise>
        <sup class="editorial note-ref comm-ref">
          <xsl:choose>
            <xsl:when test="$in-link">{@e:n}</xsl:when>
            <xsl:otherwise>
              <a href="{f:view-file(f:document-id(.), f:view-of(.))}#{f:note-ids(.)?note}"
                aria-label="Commentary, note {@e:n}">{@e:n}</a>
            </xsl:otherwise>
          </xsl:choose>
        </sup>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The ids of a note (of an intervention or of the commentary: their numbers are one
       series) in its work's page: of the note in the list after the text, of its marker, and
       of the note the marker opens. From the document's id and the note's number, since a page
       may show passages of several documents. -->
  <xsl:function name="f:note-ids" as="map(xs:string, xs:string)">
    <xsl:param name="noted" as="element()"/>
    <xsl:variable name="key" as="xs:string" select="f:document-id($noted) || '-' || $noted/@e:n"/>
    <xsl:sequence select="map { 'note': 'note-' || $key, 'marker': 'note-ref-' || $key,
      'popover': 'note-open-' || $key }"/>
  </xsl:function>

  <xsl:function name="f:commentary-ids" as="map(xs:string, xs:string)">
    <xsl:param name="note" as="element(note)"/>
    <xsl:sequence select="f:note-ids($note)"/>
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
