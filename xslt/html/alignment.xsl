<?xml version="1.0" encoding="UTF-8"?>
<!-- The thematic alignment of the two programmes as the web pages see it: a document passed in
     as $alignment (texts/alignment.xml), never read from a file. Its taxonomy gives the themes
     in their order (category/@n); its linkGrp the typed pairs of passages, its spanGrp the
     passages on a theme the other programme does not address (one-sided), each naming its theme
     in @ana; its listAnnotation the editors' note on each pair and span. A passage is a point or
     a block of a point, named by the fragment id the citation scheme gives it ("point-7.2").

     The comparison, the index of themes and the links beside the points of a work's page are
     all made from the entries (links and spans) this module reads, and from nothing else: a
     passage stands under a theme on one page exactly when it does on the other. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:e="urn:edition:normalised"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">


  <!-- What each type of entry says about its passages, in words. -->
  <xsl:variable name="f:link-types" as="map(xs:string, xs:string)" select="map {
    'parallel': 'the two passages make the same demand, each in its own terms.',
    'partial': 'the two passages meet on part of what they say; each also says what the other does not.',
    'contrasting': 'the two passages address the same theme and state different positions on it.',
    'one-sided': 'one programme addresses the theme; no passage of the other does.' }"/>

  <xsl:key name="f:note-of-entry" match="listAnnotation/note" use="tokenize(@target) ! substring-after(., '#')"/>
  <xsl:key name="f:unit-by-fragment" match="*[@e:id]" use="string(@e:id)"/>

  <!-- The themes, in the order of both pages. -->
  <xsl:function name="f:themes" as="element(category)*">
    <xsl:sequence select="sort($alignment/TEI/teiHeader/encodingDesc/classDecl/taxonomy/category, (),
      function ($c) { xs:integer($c/@n) })"/>
  </xsl:function>

  <xsl:function name="f:theme-label" as="xs:string">
    <xsl:param name="theme" as="element(category)"/>
    <xsl:sequence select="normalize-space($theme/catDesc)"/>
  </xsl:function>

  <!-- The theme an entry names in @ana, if the taxonomy has it. -->
  <xsl:function name="f:entry-theme" as="element(category)?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="id" as="xs:string" select="replace(normalize-space($entry/@ana), '^[^#]*#', '')"/>
    <xsl:sequence select="f:themes()[@xml:id = $id]"/>
  </xsl:function>

  <!-- Every entry of the alignment: the pairs, then the one-sided passages. -->
  <xsl:function name="f:entries" as="element()*">
    <xsl:sequence select="$alignment/TEI/standOff/(linkGrp/link | spanGrp/span)"/>
  </xsl:function>

  <xsl:function name="f:theme-entries" as="element()*">
    <xsl:param name="theme" as="element(category)"/>
    <xsl:sequence select="f:entries()[f:entry-theme(.) is $theme]"/>
  </xsl:function>

  <!-- "parallel", "partial", "contrasting" for a pair; "one-sided" for a span. -->
  <xsl:function name="f:entry-type" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::span) then 'one-sided' else string($entry/@type)"/>
  </xsl:function>

  <xsl:function name="f:entry-note" as="element(note)?">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="key('f:note-of-entry', string($entry/@xml:id), $alignment)[1]"/>
  </xsl:function>

  <!-- The works at hand by their document ids, the first of each: looked up once, where the
       index of themes of an edition of thousands of documents would search them all for each
       passage. -->
  <xsl:variable name="f:works-by-id" as="map(xs:string, document-node())"
    select="map:merge($works ! map:entry(f:document-id(.), .), map { 'duplicates': 'use-first' })"/>

  <!-- The passage a pointer such as "mim-program-1996.xml#point-7.2" names, in its normalised
       work: the file name is the document id, the fragment the unit's fragment id. -->
  <xsl:function name="f:passage" as="element()?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:variable name="document" as="xs:string" select="replace(substring-before($pointer, '#'), '\.xml$', '')"/>
    <xsl:sequence select="$f:works-by-id($document) ! key('f:unit-by-fragment', substring-after($pointer, '#'), f:normalised(.))[1]"/>
  </xsl:function>

  <!-- The passages of an entry, in the order of its @target. -->
  <xsl:function name="f:entry-passages" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="tokenize($entry/@target) ! f:passage(.)"/>
  </xsl:function>

  <!-- The programmes, in the order in which the pairs name them (the first end of a link is
       the MIM programme's): the order of the sides on the comparison and of the lists on the
       index of themes. -->
  <xsl:function name="f:programmes" as="document-node()*">
    <xsl:variable name="ids" as="xs:string*"
      select="distinct-values(f:entries() ! tokenize(@target) ! replace(substring-before(., '#'), '\.xml$', ''))"/>
    <xsl:sequence select="$ids ! $f:works-by-id(.)"/>
  </xsl:function>

  <!-- The passages of one programme on a theme, in the order of the text. -->
  <xsl:function name="f:theme-passages" as="element()*">
    <xsl:param name="theme" as="element(category)"/>
    <xsl:param name="programme" as="document-node()"/>
    <xsl:sequence select="(f:theme-entries($theme) ! f:entry-passages(.))[root(.) is f:normalised($programme)] / ."/>
  </xsl:function>

  <!-- The programmes that address a theme. -->
  <xsl:function name="f:theme-programmes" as="document-node()*">
    <xsl:param name="theme" as="element(category)"/>
    <xsl:sequence select="f:programmes()[exists(f:theme-passages($theme, .))]"/>
  </xsl:function>

  <!-- A programme's short name: the abbreviation of its author's organisation in the
       registers, else its title. -->
  <xsl:function name="f:programme-name" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="author" as="element()?"
      select="root($node)/TEI/teiHeader/fileDesc/titleStmt/author[1]/orgName[1]"/>
    <xsl:sequence select="(f:register-entry($author/@ref)/orgName[@type = 'abbreviation'] ! normalize-space()[.],
      f:work-title(root($node)))[1]"/>
  </xsl:function>

  <!-- A passage in words: "MIM 7.1". -->
  <xsl:function name="f:passage-name" as="xs:string">
    <xsl:param name="passage" as="element()"/>
    <xsl:sequence select="f:programme-name($passage) || ' ' || $passage/@e:ref"/>
  </xsl:function>

  <!-- The point a passage is or belongs to. -->
  <xsl:function name="f:passage-point" as="element()">
    <xsl:param name="passage" as="element()"/>
    <xsl:sequence select="$passage/ancestor-or-self::div[@e:ref][last()]"/>
  </xsl:function>

  <!-- The title of a point as its heading gives it, without its number: "We want communism." -->
  <xsl:function name="f:point-title" as="xs:string?">
    <xsl:param name="point" as="element()"/>
    <xsl:variable name="head" as="element(head)?" select="f:head($point)"/>
    <xsl:sequence select="$head ! replace(f:reading-text(.), '^\s*[0-9]+\.\s*', '')"/>
  </xsl:function>

  <!-- The words of a node as the reading text has them: no other reading, no note. -->
  <xsl:function name="f:reading-text" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="normalize-space(string-join($node//text()[not(ancestor::*[@e:reading = 'other'] | ancestor::note)]))"/>
  </xsl:function>

  <!-- An entry in words: the passages, each by its programme's short name, its reference and
       its point's title: "MIM 7.2, in “We want a united front against imperialism.”" for a
       block, "LLCO 1, “We want Communism.”" for a point. -->
  <xsl:function name="f:entry-heading" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="string-join(f:entry-passages($entry) ! f:passage-title(.), ' and ')"/>
  </xsl:function>

  <xsl:function name="f:passage-title" as="xs:string">
    <xsl:param name="passage" as="element()"/>
    <xsl:variable name="point" as="element()" select="f:passage-point($passage)"/>
    <xsl:sequence select="f:passage-name($passage) || (if ($passage is $point) then ', “' else ', in “')
      || f:point-title($point) || '”'"/>
  </xsl:function>

  <!-- Beside a point's heading in a work's page: a link to each entry of the comparison (a
       pair, or a passage only this programme has on its theme) that holds the point or one of
       its blocks, in the order of the themes, so that every pair is reached from both of its
       points. A work's page has the alignment but not the other works, so the entries are found
       by their pointers, which name the units by the fragment ids the normalisation pass
       stamped; a link names the block it is about, and the theme. -->
  <xsl:function name="f:compare-link" as="element()?">
    <xsl:param name="point" as="element()"/>
    <xsl:variable name="document" as="xs:string" select="f:document-id($point)"/>
    <!-- Each entry that names the point or one of its blocks, with that unit, in the order of
         the units, then of the entries. -->
    <xsl:variable name="found" as="map(*)*" select="for $unit in $point/descendant-or-self::*[@e:id],
      $entry in $f:entries-by-pointer($document || '.xml#' || $unit/@e:id) return map { 'unit': $unit, 'entry': $entry }"/>
    <xsl:if test="exists($found) and exists(f:reference($point))">
      <span class="compare-links editorial">
        <xsl:for-each select="$f:themes">
          <xsl:variable name="theme" as="xs:string" select="generate-id()"/>
          <xsl:variable name="label" as="xs:string" select="f:theme-label(.)"/>
          <xsl:for-each-group select="$found[$f:entry-theme-ids(generate-id(?entry)) = $theme]" group-adjacent="generate-id(?unit)">
            <xsl:variable name="unit" as="element()" select="current-group()[1]?unit"/>
            <xsl:variable name="here" as="element()*" select="current-group()?entry"/>
            <xsl:for-each select="$here">
              <a class="compare-link" href="compare.html#{@xml:id}">{if (self::link) then 'Compare' else 'Only here'}{
                if ($unit is $point) then '' else ' ' || $unit/@e:ref}: {$label}{
                if (count($here) gt 1) then ' (' || position() || ' of ' || count($here) || ')' else ''}</a>
            </xsl:for-each>
          </xsl:for-each-group>
        </xsl:for-each>
      </span>
    </xsl:if>
  </xsl:function>

  <!-- The themes, and for each entry (by generated id) its theme's, and for each pointer of the
       entries the entries that hold it, in their order: looked up once per transform. -->
  <xsl:variable name="f:themes" as="element(category)*" select="f:themes()"/>
  <xsl:variable name="f:entry-theme-ids" as="map(xs:string, xs:string)"
    select="map:merge(f:entries() ! (let $entry := . return f:entry-theme(.) ! map:entry(generate-id($entry), generate-id(.))))"/>
  <xsl:variable name="f:entries-by-pointer" as="map(xs:string, element()*)"
    select="map:merge(f:entries() ! (let $entry := . return distinct-values(tokenize(@target)) ! map:entry(., $entry)),
      map { 'duplicates': 'combine' })"/>

  <!-- What the two pages say above the themes: the themes both programmes address (the shared
       core), then those only one does, each linked to its place on the page. -->
  <xsl:function name="f:alignment-summary" as="element()">
    <xsl:param name="page" as="xs:string"/>
    <xsl:variable name="programmes" as="document-node()*" select="f:programmes()"/>
    <dl class="alignment-summary">
      <dt><strong>Addressed by both programmes</strong></dt>
      <dd><xsl:sequence select="f:theme-list(f:themes()[count(f:theme-programmes(.)) gt 1], $page)"/></dd>
      <xsl:for-each select="$programmes">
        <xsl:variable name="programme" as="document-node()" select="."/>
        <dt><strong>Only in the {f:programme-name(.)} programme</strong></dt>
        <dd><xsl:sequence select="f:theme-list(f:themes()[count(f:theme-programmes(.)) = 1]
          [f:theme-programmes(.) is $programme], $page)"/></dd>
      </xsl:for-each>
    </dl>
  </xsl:function>

  <xsl:function name="f:theme-list" as="node()*">
    <xsl:param name="themes" as="element(category)*"/>
    <xsl:param name="page" as="xs:string"/>
    <xsl:for-each select="$themes">
      <a href="{$page}#{@xml:id}">{f:theme-label(.)}</a>
      <xsl:if test="position() ne last()">; </xsl:if>
    </xsl:for-each>
    <xsl:if test="empty($themes)">none</xsl:if>
  </xsl:function>

  <!-- Whether a theme is shared, in words, for the line under its heading. -->
  <xsl:function name="f:theme-scope" as="xs:string">
    <xsl:param name="theme" as="element(category)"/>
    <xsl:variable name="programmes" as="document-node()*" select="f:theme-programmes($theme)"/>
    <xsl:sequence select="if (count($programmes) gt 1) then 'Addressed by both programmes.'
      else if (exists($programmes)) then 'Addressed only by the ' || f:programme-name($programmes) || ' programme.'
      else 'Addressed by neither programme.'"/>
  </xsl:function>

  <xsl:function name="f:capitalised" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($text, 1, 1)) || substring($text, 2)"/>
  </xsl:function>
</xsl:stylesheet>
