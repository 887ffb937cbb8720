<?xml version="1.0" encoding="UTF-8"?>
<!-- The page of a foreign TEI document (one not valid against the edition's schema): its
     title, then every word of its text in document order, in the site's page (f:page).
     Nothing here knows any encoding but TEI's own: divisions become sections, headings h2 to
     h6 by depth, other blocks paragraphs when they hold no block and divs when they do, and
     every other element a span of class "tei-" and its name. Notes stand where they are;
     every reading of a choice is kept (edition.css sets them apart).

     HTML allows blocks only where flow content may stand (mode m:generic-html-flow) and
     inline elements may hold no block, so an element that holds a block at any depth is
     itself rendered in flow, and the text and inline elements beside the blocks in it are
     gathered into paragraphs (f:generic-flow). Below the first element that holds no block,
     all is phrasing content (mode m:generic-html-inline) and is not looked at again.

     The source is not trusted: of its attributes only xml:lang reaches the page, and only as
     a language tag the page's validators know (f:generic-lang); its header gives the title
     alone. No id, link, source, style or handler is taken from it.

     The including driver includes common/generic.xsl (what both generic renderings share)
     and html/page.xsl (f:page). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:generic-html" on-no-match="fail"/>
  <xsl:mode name="m:generic-html-flow" on-no-match="fail"/>
  <xsl:mode name="m:generic-html-inline" on-no-match="fail"/>

  <xsl:template match="document-node()" mode="m:generic-html">
    <xsl:variable name="id" as="xs:string" select="f:document-id(.)"/>
    <xsl:variable name="title" as="xs:string" select="f:work-title(.)"/>
    <xsl:variable name="texts" as="node()*" select="f:generic-texts(.)"/>
    <xsl:sequence select="f:page($title, (f:generic-lang(*/@xml:lang), 'en')[1], $id || '.html', (
      f:generic-header($title), f:generic-article($texts)))"/>
  </xsl:template>

  <!-- What the site's page (html/page.xsl, html/metadata.xsl) knows of the document, as the
       build summarises a generic document (edition/summary.py): its title, its id and its
       language. The rest of its header would pass there for the edition's own facts (the
       publisher as the site's name, its licence as the site's). -->
  <xsl:function name="f:generic-summary" as="document-node()">
    <xsl:param name="document" as="document-node()"/>
    <xsl:variable name="id" as="xs:string" select="f:document-id($document)"/>
    <xsl:document>
      <TEI xmlns="http://www.tei-c.org/ns/1.0">
        <xsl:for-each select="f:generic-lang($document/*/@xml:lang)">
          <xsl:attribute name="xml:lang" select="."/>
        </xsl:for-each>
        <teiHeader>
          <fileDesc>
            <titleStmt><title>{f:work-title($document)}</title></titleStmt>
            <publicationStmt><idno type="document">{$id}</idno></publicationStmt>
          </fileDesc>
        </teiHeader>
      </TEI>
    </xsl:document>
  </xsl:function>

  <xsl:function name="f:generic-header" as="element()">
    <xsl:param name="title" as="xs:string"/>
    <header class="document-header">
      <h1>{$title}</h1>
      <p class="view-note">This text is not encoded for the edition; it is shown as it is, without
        the edition's apparatus.</p>
    </header>
  </xsl:function>

  <xsl:function name="f:generic-article" as="element()">
    <xsl:param name="texts" as="node()*"/>
    <article class="text generic">
      <xsl:sequence select="f:generic-flow($texts)"/>
    </article>
  </xsl:function>

  <!-- What kind of thing a TEI element is (f:generic-is-block, in common/generic.xsl) -->

  <!-- Whether an element holds a block at any depth: asked of each element the flow meets, and
       again of those inside it that hold blocks, so each answer is kept (cache) and every
       element is looked at once, however deep the tree (an element-by-element search of the
       descendants of each was quadratic in the depth). Its callers ask it only of elements
       with elements in them: most paragraphs have none, and are not kept. -->
  <xsl:function name="f:generic-holds-block" as="xs:boolean" cache="yes">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="some $child in $element/* satisfies
      (f:generic-is-block($child) or exists($child/*) and f:generic-holds-block($child))"/>
  </xsl:function>

  <!-- Phrasing: text, and elements that neither are nor hold a block. -->
  <xsl:function name="f:generic-is-phrasing" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="not($node instance of element())
      or not(f:generic-is-block($node) or exists($node/*) and f:generic-holds-block($node))"/>
  </xsl:function>

  <!-- Flow content -->

  <!-- Nodes where blocks may stand: blocks as they are, each run of phrasing content between
       them as a paragraph, unless it has no words. -->
  <xsl:function name="f:generic-flow" as="node()*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:for-each-group select="$nodes" group-adjacent="f:generic-is-phrasing(.)">
      <xsl:choose>
        <xsl:when test="not(current-grouping-key())">
          <xsl:apply-templates select="current-group()" mode="m:generic-html-flow"/>
        </xsl:when>
        <xsl:when test="exists(current-group()[self::text() or self::*][normalize-space()])">
          <p><xsl:apply-templates select="current-group()" mode="m:generic-html-inline"/></p>
        </xsl:when>
        <!-- The spaces between two blocks stay, so that the text of the page (as a search
             engine or a copy without styles takes it) parts their words as the source does. -->
        <xsl:otherwise>
          <xsl:value-of select="current-group()[self::text()]" separator=""/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each-group>
  </xsl:function>

  <!-- A text says its language, even when only the TEI element around it (in a corpus) does. -->
  <xsl:template _match="{string-join($generic-divisions, ' | ')}" mode="m:generic-html-flow">
    <section class="tei-{local-name()}">
      <xsl:sequence select="f:generic-lang-attribute(
        if (self::text) then (ancestor-or-self::*/@xml:lang)[last()] else @xml:lang)"/>
      <xsl:sequence select="f:generic-flow(node())"/>
    </section>
  </xsl:template>

  <!-- A heading, one level below the nearest enclosing element with a heading of its own
       (h2 below the title's h1), never below h6. A heading without words or with blocks in
       it is no heading. -->
  <xsl:template match="head[normalize-space()][not(f:generic-holds-block(.))]" mode="m:generic-html-flow">
    <xsl:element name="h{min((6, 2 + count(../ancestor::*[head])))}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="'tei-head'"/>
      <xsl:sequence select="@xml:lang ! f:generic-lang-attribute(.)"/>
      <xsl:apply-templates mode="m:generic-html-inline"/>
    </xsl:element>
  </xsl:template>

  <!-- A quotation that holds blocks (one that holds none is phrasing). -->
  <xsl:template match="quote" mode="m:generic-html-flow">
    <blockquote class="tei-quote">
      <xsl:sequence select="@xml:lang ! f:generic-lang-attribute(.)"/>
      <xsl:sequence select="f:generic-flow(node())"/>
    </blockquote>
  </xsl:template>

  <!-- Any other block, or an inline element that holds a block. -->
  <xsl:template match="*" mode="m:generic-html-flow" priority="-1">
    <xsl:choose>
      <xsl:when test="exists(*) and f:generic-holds-block(.)">
        <div class="tei-{local-name()}">
          <xsl:sequence select="@xml:lang ! f:generic-lang-attribute(.)"/>
          <xsl:sequence select="f:generic-flow(node())"/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p class="tei-{local-name()}">
          <xsl:sequence select="@xml:lang ! f:generic-lang-attribute(.)"/>
          <xsl:apply-templates mode="m:generic-html-inline"/>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="m:generic-html-flow m:generic-html-inline"/>

  <!-- Phrasing content: the words, and every element a span. -->

  <xsl:template match="text()" mode="m:generic-html-inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- An empty element (a page break, a gap) has no words to show. -->
  <xsl:template match="*[empty(node())]" mode="m:generic-html-inline"/>

  <!-- (The language is looked at only where there is one: word-tokenised texts make a span
       of every word.) -->
  <xsl:template match="*" mode="m:generic-html-inline">
    <span class="tei-{local-name()}">
      <xsl:sequence select="@xml:lang ! f:generic-lang-attribute(.)"/>
      <xsl:apply-templates mode="m:generic-html-inline"/>
    </span>
  </xsl:template>

  <!-- Languages -->

  <xsl:function name="f:generic-lang-attribute" as="attribute()?">
    <xsl:param name="lang" as="attribute()?"/>
    <xsl:for-each select="f:generic-lang($lang)">
      <xsl:attribute name="lang" select="."/>
    </xsl:for-each>
  </xsl:function>

  <!-- An xml:lang as a language the HTML checkers accept, or none (the language around it
       then holds): the primary subtag only, as ISO 639-1 or, for languages it lacks, 639-3;
       the older codes and names foreign corpora use are mapped ("greek" in Perseus texts is
       the ancient language). -->
  <xsl:function name="f:generic-lang" as="xs:string?">
    <xsl:param name="lang" as="attribute()?"/>
    <xsl:variable name="primary" as="xs:string?"
      select="$lang ! lower-case(tokenize(normalize-space(.), '[-_]')[1])"/>
    <xsl:sequence select="$primary ! ($generic-legacy-languages(.), .)[1][. = $generic-languages]"/>
  </xsl:function>

  <xsl:variable name="generic-languages" as="xs:string*" select="tokenize('aa ab ae af ak am an ar as
    av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa
    ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv
    ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt
    my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg
    si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi
    vo wa wo xh yi yo za zh zu akk ang arc cop egy enm frm fro gmh goh got grc mga non peo sga sux syc
    mul und zxx')"/>

  <xsl:variable name="generic-legacy-languages" as="map(xs:string, xs:string)" select="map {
    'eng': 'en', 'english': 'en', 'lat': 'la', 'latin': 'la', 'fre': 'fr', 'fra': 'fr', 'french': 'fr',
    'ger': 'de', 'deu': 'de', 'german': 'de', 'ita': 'it', 'italian': 'it', 'spa': 'es', 'gre': 'el',
    'ell': 'el', 'greek': 'grc', 'dut': 'nl', 'nld': 'nl', 'por': 'pt', 'heb': 'he', 'wel': 'cy',
    'cym': 'cy', 'rus': 'ru', 'ara': 'ar', 'yid': 'yi', 'san': 'sa' }"/>
</xsl:stylesheet>
