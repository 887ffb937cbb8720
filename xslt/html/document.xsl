<?xml version="1.0" encoding="UTF-8"?>
<!-- The page of one work in one view: its title, what the view is and how to switch, where the
     text comes from and how to cite it, then the text with every citable block anchored. The
     document is the normalised one (common/normalise.xsl). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:html-document" on-no-match="fail"/>

  <!-- The page of the work in $view; with a page marker (edition/outputs/html.py), its page in
       every view, each after its mark, from one transform: the work is normalised once, and
       what the views share (the box about the text, its citations, its downloads, its
       neighbours, the cite dialog) is made once. -->
  <xsl:template match="document-node()" mode="m:html-document">
    <xsl:variable name="shared" as="map(xs:string, item()*)" select="f:shared-parts(.)"/>
    <xsl:choose>
      <xsl:when test="$page-marker">
        <xsl:variable name="document" as="document-node()" select="."/>
        <xsl:for-each select="$f:views?name">
          <xsl:variable name="shown" as="document-node()"
            select="if (. = $view) then $document else f:in-view($document, .)"/>
          <xsl:sequence select="f:mark(f:view-file(f:document-id($document), .)), f:view-page($shown, $shared)"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="f:view-page(., $shared)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A work's page in the view its normalised copy shows (f:view-of). -->
  <xsl:function name="f:view-page" as="element()">
    <xsl:param name="document" as="document-node()"/>
    <xsl:param name="shared" as="map(xs:string, item()*)"/>
    <xsl:variable name="id" as="xs:string" select="f:document-id($document)"/>
    <xsl:variable name="title" as="xs:string" select="f:work-title($document)"/>
    <xsl:variable name="view" as="xs:string" select="f:view-of($document)"/>
    <xsl:sequence select="f:page($title || (if ($view = 'diplomatic') then ' (diplomatic text)' else ''),
      f:language($document/*), f:view-file($id, $view), (f:document-header($document, $id, $title, $shared),
      f:contents($document), f:text($document), $shared?neighbours, $shared?dialog))"/>
  </xsl:function>

  <!-- What a work's pages show alike in every view. -->
  <xsl:function name="f:shared-parts" as="map(xs:string, item()*)">
    <xsl:param name="document" as="document-node()"/>
    <xsl:variable name="id" as="xs:string" select="f:document-id($document)"/>
    <xsl:sequence select="map {
      'about': f:about-document($document, $id),
      'cite': f:cite-box($id, 'this text'),
      'downloads': f:downloads-box(),
      'neighbours': f:neighbours-nav(),
      'dialog': f:cite-dialog() }"/>
  </xsl:function>

  <!-- The normalised copy of a work in another view than $view, the one its normalisation
       (common/normalise.xsl) shows: there are two views, and each shows of every choice the
       reading the other does not (the schema's choice holds one sic and one corr, or one orig
       and one reg), so each reading's stamp (@e:reading) is the other's and the choice's note
       is said from the other side. The copy names its view (@e:view on its root element, read
       by f:view-of). Only the elements that hold a choice are walked; the rest is copied whole. -->
  <xsl:function name="f:in-view" as="document-node()">
    <xsl:param name="document" as="document-node()"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:document>
      <xsl:apply-templates select="$document/node()" mode="m:in-view">
        <xsl:with-param name="view" select="$view" tunnel="yes"/>
        <xsl:with-param name="walked" tunnel="yes"
          select="map:merge(($document/*, $document//choice[@e:note]/ancestor::*) ! map:entry(generate-id(), true()))"/>
      </xsl:apply-templates>
    </xsl:document>
  </xsl:function>

  <xsl:mode name="m:in-view" on-no-match="shallow-copy"/>

  <xsl:template match="*" mode="m:in-view">
    <xsl:param name="walked" as="map(xs:string, xs:boolean)" tunnel="yes"/>
    <xsl:param name="view" as="xs:string" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="not(map:contains($walked, generate-id()))">
        <xsl:copy-of select="."/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:sequence select="@*"/>
          <xsl:if test="parent::document-node()">
            <xsl:attribute name="e:view" select="$view"/>
          </xsl:if>
          <xsl:apply-templates mode="m:in-view"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="choice[@e:note]" mode="m:in-view">
    <xsl:variable name="shown" as="element()" select="*[@e:reading = 'other']"/>
    <xsl:copy>
      <xsl:sequence select="@* except @e:note"/>
      <xsl:attribute name="e:note" select="f:explanation($shown, *[@e:reading = 'shown'])"/>
      <xsl:for-each select="node()">
        <xsl:copy>
          <xsl:sequence select="@* except @e:reading"/>
          <xsl:if test="@e:reading">
            <xsl:attribute name="e:reading" select="if (@e:reading = 'shown') then 'other' else 'shown'"/>
          </xsl:if>
          <xsl:copy-of select="node()"/>
        </xsl:copy>
      </xsl:for-each>
    </xsl:copy>
  </xsl:template>

  <!-- The language of an element, from the nearest xml:lang, as an HTML lang value. -->
  <xsl:function name="f:language" as="xs:string">
    <xsl:param name="element" as="element()?"/>
    <xsl:sequence select="(($element/ancestor-or-self::*/@xml:lang)[last()] ! string(), 'en')[1]"/>
  </xsl:function>

  <xsl:function name="f:document-header" as="element()">
    <xsl:param name="document" as="document-node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="shared" as="map(xs:string, item()*)"/>
    <xsl:variable name="file" as="element(fileDesc)?" select="$document/TEI/teiHeader/fileDesc"/>
    <header class="document-header">
      <h1>{$title}</h1>
      <xsl:for-each select="$file/titleStmt/title[@type = 'sub']">
        <p class="subtitle"><xsl:apply-templates mode="m:html-inline"/></p>
      </xsl:for-each>
      <xsl:sequence select="f:view-switch($id, f:view-of($document))"/>
      <xsl:sequence select="$shared?about, $shared?cite, $shared?downloads"/>
    </header>
  </xsl:function>

  <!-- The contents of the text: its units of the first level (the front matter's, the points),
       each by its reference and its heading's words, and under a unit of several blocks, each
       block by its reference, so that a passage is a few links away; a unit of one block is
       reached by its own link. One list for every width: beside the text on wide screens, a
       disclosure above it on narrow ones, where it would otherwise push the text down
       (edition.css). Its id is the target of the skip link to it (html/page.xsl). -->
  <xsl:function name="f:contents" as="element()?">
    <xsl:param name="document" as="document-node()"/>
    <xsl:variable name="units" as="element()*" select="$document/TEI/text//*[@e:ref][empty(ancestor::*[@e:ref])]"/>
    <xsl:if test="exists($units)">
      <nav class="toc" id="contents" aria-label="Contents" tabindex="-1">
        <p class="toc-heading" aria-hidden="true">Contents</p>
        <details class="toc-details">
          <summary>Contents</summary>
          <ol class="toc-list">
            <xsl:for-each select="$units">
              <xsl:variable name="blocks" as="element()*" select=".//*[@e:ref][ancestor::*[@e:ref][1] is current()]"/>
              <li>
                <a href="#{@e:id}"><span class="toc-ref">{@e:ref}</span><xsl:text> </xsl:text><span class="toc-words">{f:contents-label(.)}</span></a>
                <xsl:if test="count($blocks) gt 1">
                  <ol class="toc-blocks">
                    <xsl:for-each select="$blocks">
                      <li><a href="#{@e:id}" aria-label="{f:reference(.)}">{@e:ref}</a></li>
                    </xsl:for-each>
                  </ol>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ol>
        </details>
      </nav>
    </xsl:if>
  </xsl:function>

  <!-- A unit's words in the contents: its heading's, without the number the reference gives;
       the title page's name; else the name a division without a heading has. -->
  <xsl:function name="f:contents-label" as="xs:string">
    <xsl:param name="unit" as="element()"/>
    <xsl:sequence select="if ($unit/self::titlePage) then 'Title page'
      else if (exists(f:head($unit))) then f:point-title($unit)
      else f:division-name($unit)"/>
  </xsl:function>

  <!-- The previous and the next work of the edition, by their titles: their reading text,
       the view every work has. -->
  <xsl:function name="f:neighbours-nav" as="element()?">
    <xsl:variable name="neighbours" as="element(TEI)*" select="$neighbours/Q{}neighbours/TEI"/>
    <xsl:if test="exists($neighbours)">
      <nav class="neighbours" aria-label="Previous and next document">
        <ul>
          <xsl:for-each select="$neighbours">
            <li class="neighbour-{@rel}">
              <a href="{f:view-file(@id, 'reading')}" rel="{@rel}">
                <span class="neighbour-label">{if (@rel = 'prev') then 'Previous document' else 'Next document'}</span>
                <xsl:text> </xsl:text>
                <span class="neighbour-title">{f:work-title(f:as-document(.))}</span>
              </a>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
  </xsl:function>

  <xsl:function name="f:as-document" as="document-node()">
    <xsl:param name="element" as="element()"/>
    <xsl:document><xsl:sequence select="$element"/></xsl:document>
  </xsl:function>

  <!-- The files of this work to download: each by what it holds, its format and, where known,
       its size. -->
  <xsl:function name="f:downloads-box" as="element()?">
    <xsl:variable name="files" as="element(Q{}file)*" select="$downloads/Q{}downloads/Q{}file"/>
    <xsl:if test="exists($files)">
      <details class="downloads">
        <summary>Download this text</summary>
        <ul class="download-list">
          <xsl:for-each select="$files">
            <xsl:variable name="kind" as="map(xs:string, xs:string)" select="$f:download-kinds(@kind)"/>
            <li>
              <a href="{@href}" type="{$kind?type}">{$kind?label}</a>
              <xsl:text> </xsl:text>
              <span class="download-facts">({string-join(($kind?format, @bytes ! f:file-size(xs:integer(.))), ', ')})</span>
            </li>
          </xsl:for-each>
        </ul>
      </details>
    </xsl:if>
  </xsl:function>

  <!-- What each kind of file the build offers is, in words, with its format and media type;
       the citation files as the site declares them (edition/site.py). -->
  <xsl:variable name="f:download-kinds" as="map(xs:string, map(xs:string, xs:string))" select="map:merge((map {
    'pdf': map { 'label': 'The text as a PDF', 'format': 'PDF', 'type': 'application/pdf' },
    'reading-text': map { 'label': 'Reading text', 'format': 'plain text', 'type': 'text/plain' },
    'diplomatic-text': map { 'label': 'Diplomatic text', 'format': 'plain text', 'type': 'text/plain' },
    'tei': map { 'label': 'TEI source', 'format': 'TEI XML', 'type': 'application/tei+xml' },
    'dts-document': map { 'label': 'The text through the DTS API', 'format': 'TEI XML', 'type': 'application/tei+xml' },
    'dts-navigation': map { 'label': 'Its citation tree (DTS navigation)', 'format': 'JSON-LD', 'type': 'application/ld+json' },
    'dts-collection': map { 'label': 'Its description (DTS resource)', 'format': 'JSON-LD', 'type': 'application/ld+json' } },
    $f:site?downloads?* ! map { ?name: map { 'label': 'Its citation for ' || ?label, 'format': ?label, 'type': ?media_type } }))"/>

  <!-- A file's size as readers read one: bytes, or kilobytes (of 1,024 bytes) to a whole number,
       or megabytes to one decimal. -->
  <xsl:function name="f:file-size" as="xs:string">
    <xsl:param name="bytes" as="xs:integer"/>
    <xsl:sequence select="if ($bytes lt 1024) then $bytes || ' bytes'
      else if ($bytes lt 1024 * 1024) then round($bytes div 1024) || ' KB'
      else format-number($bytes div (1024 * 1024), '0.0') || ' MB'"/>
  </xsl:function>

  <!-- The two views, each a complete page, switched by a plain link. -->
  <xsl:function name="f:view-switch" as="element()">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="view" as="xs:string"/>
    <nav class="views" aria-label="Views of the text">
      <ul>
        <xsl:for-each select="$f:views">
          <li>
            <a href="{f:view-file($id, ?name)}">
              <xsl:if test="?name = $view">
                <xsl:attribute name="aria-current" select="'page'"/>
              </xsl:if>
              <xsl:text>{?label}</xsl:text>
            </a>
          </li>
        </xsl:for-each>
      </ul>
      <p class="view-note">{if ($view = 'diplomatic')
        then 'The diplomatic text gives the source''s readings; each editorial intervention is marked and its reading in the reading text given in brackets.'
        else 'The reading text applies the editors'' corrections and regularisations; each is marked and the source''s reading given in brackets.'}</p>
    </nav>
  </xsl:function>

  <xsl:function name="f:about-document" as="element()?">
    <xsl:param name="document" as="document-node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="source" as="element()*" select="$document/TEI/teiHeader/fileDesc/sourceDesc/*"/>
    <xsl:if test="$document/TEI/teiHeader">
      <details class="about">
        <summary>About this text</summary>
        <xsl:apply-templates select="$document/TEI/teiHeader/profileDesc/abstract/p, $source" mode="m:html-source"/>
        <p>Cite a passage as <code>{$id}:<xsl:sequence select="f:citation-pattern($document)"/></code>,
          for example <code>{f:example-ref($document)}</code>; the permalink beside each
          passage gives its address.</p>
        <xsl:variable name="principles" as="element()*" select="$document/TEI/teiHeader/encodingDesc/editorialDecl/*"/>
        <xsl:if test="exists($principles)">
          <p>The editorial principles of this text:</p>
          <dl class="principles"><xsl:apply-templates select="$principles" mode="m:html-principle"/></dl>
        </xsl:if>
        <p><a href="tei/{$id}.xml">TEI source of this text</a></p>
      </details>
    </xsl:if>
  </xsl:function>

  <!-- A reference that exists in the document, as an example: its last unit's. -->
  <xsl:function name="f:example-ref" as="xs:string">
    <xsl:param name="document" as="document-node()"/>
    <xsl:sequence select="(f:reference(($document//*[@e:ref])[last()]), f:document-id($document))[1]"/>
  </xsl:function>

  <!-- The text itself, in the language its TEI declares, then the editors' commentary on it:
       on this page, and here only, each note's marker has the id its note links back to. -->
  <xsl:function name="f:text" as="element()">
    <xsl:param name="document" as="document-node()"/>
    <xsl:variable name="text" as="element(text)?" select="$document/TEI/text"/>
    <article class="text view-{f:view-of($document)}" lang="{f:language(($text, $document/*)[1])}">
      <xsl:apply-templates select="$text" mode="m:html-blocks">
        <xsl:with-param name="commentary-anchors" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:sequence select="f:commentary-list($text)"/>
    </article>
  </xsl:function>

  <!-- The commentary, numbered as the markers in the text, each note with a link back to its
       marker. It is the editors' words: class "editorial", like every addition to the text. -->
  <xsl:function name="f:commentary-list" as="element()?">
    <xsl:param name="text" as="element(text)?"/>
    <xsl:variable name="notes" as="element(note)*" select="$text//note[f:is-commentary(.)]"/>
    <xsl:if test="exists($notes)">
      <section class="editorial commentary" aria-labelledby="commentary-heading" lang="en">
        <h2 id="commentary-heading">Commentary</h2>
        <p class="commentary-intro">The editors' notes on terms, allusions and spellings, numbered
          with the notes on their interventions and quotations.</p>
        <ol class="commentary-notes">
          <xsl:for-each select="$notes">
            <xsl:variable name="ids" as="map(xs:string, xs:string)" select="f:commentary-ids(.)"/>
            <li id="{$ids?note}" value="{@e:n}">
              <xsl:sequence select="f:lang(.)"/>
              <p>
                <xsl:sequence select="f:commentary-body(., true())"/>
                <xsl:text> </xsl:text>
                <a class="back-ref" href="#{$ids?marker}" aria-label="Back to the text of note {@e:n}">↩</a>
              </p>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:function>
</xsl:stylesheet>
