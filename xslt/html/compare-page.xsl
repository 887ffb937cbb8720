<?xml version="1.0" encoding="UTF-8"?>
<!-- compare.html: the two programmes read side by side, theme by theme. Above the themes, the
     themes both programmes address and those only one does; under each theme its entries
     (html/alignment.xsl): each pair of passages, both in the reading text, with the type of the
     link in words and the editors' note, then each passage that only one programme has on the
     theme, with its note. Every entry has a heading in words and a permalink. The passages are
     rendered by the text's own block rules and then stripped of what belongs to the work's page
     only (ids, links to this page). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns:h="http://www.w3.org/1999/xhtml" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:html-compare" on-no-match="fail"/>
  <xsl:mode name="m:html-excerpt" on-no-match="shallow-copy"/>

  <xsl:function name="f:compare-page" as="element()">
    <xsl:variable name="content" as="element()*">
      <h1>The programmes compared</h1>
      <p class="lead">The passages of the two programmes, theme by theme, side by side in the
        reading text. The editors pair the passages that address the same theme (a whole point,
        or one paragraph of a point whose paragraphs address different themes), say how the two
        relate, and describe each pair in a note that quotes only the two passages; a passage on
        a theme the other programme does not address stands alone. The
        <a href="themes.html">index of themes</a> lists the same passages under the same
        themes.</p>
      <xsl:sequence select="f:alignment-summary('compare.html')"/>
      <dl class="link-types">
        <xsl:for-each select="'parallel', 'partial', 'contrasting', 'one-sided'">
          <dt>{f:capitalised(.)}</dt>
          <dd>{$f:link-types(.) => f:capitalised()}</dd>
        </xsl:for-each>
      </dl>
      <nav class="theme-nav" aria-label="Themes">
        <ol>
          <xsl:for-each select="f:themes()">
            <li><a href="#{@xml:id}">{f:theme-label(.)}</a></li>
          </xsl:for-each>
        </ol>
      </nav>
      <xsl:apply-templates select="f:themes()" mode="m:html-compare"/>
    </xsl:variable>
    <xsl:sequence select="f:page('The programmes compared',
      f:language($alignment/*), 'compare.html', $content)"/>
  </xsl:function>

  <xsl:template match="category" mode="m:html-compare">
    <xsl:variable name="theme" as="xs:string" select="@xml:id"/>
    <section class="theme" id="{$theme}" aria-labelledby="{$theme}-heading">
      <h2 id="{$theme}-heading">{@n}. {f:theme-label(.)}</h2>
      <p class="link-type">{f:theme-scope(.)}</p>
      <xsl:apply-templates select="f:theme-entries(.)" mode="m:html-compare"/>
    </section>
  </xsl:template>

  <!-- An entry: a pair (link) or a passage only one programme has on the theme (span). -->
  <xsl:template match="link | span" mode="m:html-compare">
    <xsl:variable name="type" as="xs:string" select="f:entry-type(.)"/>
    <xsl:variable name="heading" as="xs:string" select="f:entry-heading(.)"/>
    <article class="pair pair-{$type}" id="{@xml:id}" aria-labelledby="{@xml:id}-heading">
      <h3 id="{@xml:id}-heading">{$heading}</h3>
      <p class="link-type"><strong>{f:capitalised($type)}:</strong> {($f:link-types($type), $type)[1]}
        <a class="pair-permalink" href="#{@xml:id}" aria-label="Permalink to {$heading}">Permalink</a></p>
      <div class="pair-sides">
        <xsl:sequence select="f:entry-passages(.) ! f:side(.)"/>
      </div>
      <xsl:apply-templates select="f:entry-note(.)" mode="m:html-compare"/>
    </article>
  </xsl:template>

  <xsl:template match="note" mode="m:html-compare">
    <div class="alignment-note editorial">
      <p><strong class="note-label">Editors’ note.</strong>
        <xsl:text> </xsl:text>
        <xsl:apply-templates mode="m:html-inline"/>
      </p>
    </div>
  </xsl:template>

  <!-- One side of an entry: the programme, the passage as the reading text has it (a block
       under its point's heading), its place there. -->
  <xsl:function name="f:side" as="element()">
    <xsl:param name="passage" as="element()"/>
    <xsl:variable name="point" as="element()" select="f:passage-point($passage)"/>
    <xsl:variable name="rendered" as="element()*">
      <xsl:if test="not($passage is $point)">
        <xsl:apply-templates select="f:head($point)[not(ancestor::* intersect $passage)]" mode="m:html-blocks"/>
      </xsl:if>
      <xsl:apply-templates select="$passage" mode="m:html-blocks"/>
    </xsl:variable>
    <div class="side" lang="{f:language($passage)}">
      <p class="side-work">{f:programme-name($passage)}: <cite>{f:work-title(root($passage))}</cite></p>
      <xsl:apply-templates select="$rendered" mode="m:html-excerpt"/>
      <p class="side-link"><a href="{f:document-id($passage)}.html#{$passage/@e:id}">Read
        {f:passage-name($passage)} in the text</a></p>
    </div>
  </xsl:function>

  <!-- A passage rendered for its work's page, made fit for this one: no ids (they belong to the
       work's page), no links back here, no buttons of notes (without ids, the notes stay open),
       headings two levels down. Each unit keeps its reference, whose permalink leads to it in
       the text. -->
  <xsl:template match="@id | h:span[tokenize(@class) = 'compare-links']
    | h:button[tokenize(@class) = 'app-toggle']" mode="m:html-excerpt"/>

  <xsl:template match="h:h1 | h:h2 | h:h3 | h:h4" mode="m:html-excerpt">
    <xsl:element name="h{xs:integer(substring(local-name(), 2)) + 2}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:apply-templates select="@*, node()" mode="m:html-excerpt"/>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
