<?xml version="1.0" encoding="UTF-8"?>
<!-- The text's blocks: divisions, headings, paragraphs, block quotations, the title page.
     Every node the citation scheme makes citable gets its id and a permalink; which nodes
     those are comes from the header's citeStructure (common/citation.xsl), never from here. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:html-blocks" on-no-match="fail"/>
  <xsl:mode name="m:html-source" on-no-match="fail"/>

  <xsl:template match="text | group" mode="m:html-blocks">
    <xsl:apply-templates select="*" mode="m:html-blocks"/>
  </xsl:template>

  <xsl:template match="front | body | back" mode="m:html-blocks">
    <div class="{local-name()}">
      <xsl:apply-templates select="*" mode="m:html-blocks"/>
    </div>
  </xsl:template>

  <!-- A division: a section, anchored when citable, otherwise by its place in the text. -->
  <xsl:template match="div | div1 | div2 | div3 | div4 | div5" mode="m:html-blocks">
    <section class="div{@type ! (' div-' || .)}" id="{f:anchor(.)}">
      <xsl:sequence select="f:lang(.)"/>
      <xsl:if test="not(head)">
        <xsl:attribute name="aria-label" select="f:anchor-label(.)"/>
      </xsl:if>
      <xsl:apply-templates select="*" mode="m:html-blocks"/>
    </section>
  </xsl:template>

  <!-- A heading: its level follows the depth of the division; the permalink of a citable
       division stands in it, and its "Cite this" box follows it. A run-in heading keeps its class: the source runs it into the
       following paragraph. -->
  <xsl:template match="head" mode="m:html-blocks">
    <xsl:element name="h{min((6, 1 + count(ancestor::*[self::div or matches(local-name(), '^div\d$')])))}"
      namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="string-join(('head', @rend ! ('rend-' || .)), ' ')"/>
      <xsl:sequence select="f:lang(.)"/>
      <xsl:sequence select="f:permalink(..)"/>
      <xsl:apply-templates mode="m:html-inline"/>
      <xsl:sequence select="f:compare-link(..)"/>
    </xsl:element>
    <xsl:sequence select="f:unit-cite-box(..)"/>
  </xsl:template>

  <xsl:template match="p | ab" mode="m:html-blocks">
    <p>
      <xsl:sequence select="f:block-attributes(.)"/>
      <xsl:sequence select="f:permalink(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </p>
  </xsl:template>

  <!-- A block quotation with the attribution the source gives, and the editors'
       identification of the quoted work. -->
  <xsl:template match="cit" mode="m:html-blocks">
    <figure class="cit">
      <xsl:sequence select="f:block-attributes(.)"/>
      <blockquote>
        <xsl:sequence select="f:permalink(.)"/>
        <xsl:apply-templates select="quote" mode="m:html-cit"/>
      </blockquote>
      <xsl:if test="bibl or quote/@source">
        <figcaption>
          <xsl:apply-templates select="bibl/node()" mode="m:html-inline"/>
          <xsl:sequence select="quote/@source ! f:source-link(.)"/>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <xsl:mode name="m:html-cit" on-no-match="fail"/>

  <xsl:template match="quote" mode="m:html-cit">
    <p>
      <xsl:sequence select="f:lang(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </p>
  </xsl:template>

  <!-- A quotation standing as a block of its own (foreign TEI). -->
  <xsl:template match="quote | lg | sp | list | table | note | argument | epigraph | opener | closer
    | postscript | salute | signed | dateline | byline | trailer | floatingText" mode="m:html-blocks">
    <xsl:sequence select="f:unhandled-block(.)"/>
  </xsl:template>

  <xsl:template match="titlePage" mode="m:html-blocks">
    <div class="title-page" id="{f:anchor(.)}">
      <xsl:apply-templates select="*" mode="m:html-blocks"/>
    </div>
  </xsl:template>

  <xsl:template match="docTitle" mode="m:html-blocks">
    <xsl:apply-templates select="*" mode="m:html-blocks"/>
  </xsl:template>

  <xsl:template match="docAuthor | titlePart | docDate | docImprint | docEdition" mode="m:html-blocks">
    <p class="{local-name()}{@type ! (' type-' || .)}">
      <xsl:sequence select="f:lang(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </p>
  </xsl:template>

  <xsl:template match="pb | milestone | lb | cb | anchor" mode="m:html-blocks"/>

  <!-- Anything else: an error in the edition's texts; in foreign TEI its text is kept, as
       blocks when it holds only elements, otherwise as one block. -->
  <xsl:template match="*" mode="m:html-blocks" priority="-1">
    <xsl:sequence select="f:unhandled-block(.)"/>
  </xsl:template>

  <xsl:function name="f:unhandled-block" as="element()?">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="f:unhandled($element, 'html')"/>
    <xsl:choose>
      <xsl:when test="$element/* and not($element/text()[normalize-space()])">
        <div class="tei-{local-name($element)}">
          <xsl:sequence select="f:block-attributes($element)"/>
          <xsl:apply-templates select="$element/*" mode="m:html-blocks"/>
        </div>
      </xsl:when>
      <xsl:when test="normalize-space($element)">
        <p class="tei-{local-name($element)}">
          <xsl:sequence select="f:block-attributes($element)"/>
          <xsl:apply-templates select="$element/node()" mode="m:html-inline"/>
        </p>
      </xsl:when>
    </xsl:choose>
  </xsl:function>

  <!-- The id of a citable block and its language. -->
  <xsl:function name="f:block-attributes" as="attribute()*">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="f:citation($element)?id ! f:attribute('id', .), f:lang($element)"/>
  </xsl:function>

  <xsl:function name="f:attribute" as="attribute()">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:attribute name="{$name}" select="$value"/>
  </xsl:function>

  <!-- The "¶" link of a citable node (a "§" for a division), named by its reference. -->
  <xsl:function name="f:permalink" as="element()?">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="citation" as="map(*)?" select="f:citation($node)"/>
    <xsl:variable name="reference" as="xs:string?"
      select="$citation ! (f:document-id($node) || ':' || ?ref)"/>
    <xsl:if test="exists($citation)">
      <a class="permalink" data-pagefind-ignore="" href="{f:view-file(f:document-id($node), $view)}#{$citation?id}"
        aria-label="Permalink to {$reference}" title="{$reference}">{if ($citation?node/self::div) then '§' else '¶'}</a>
    </xsl:if>
  </xsl:function>

  <!-- The id of any node that has a place in the page: the citation's, its own xml:id, or
       the path of its ancestors (front-div-1), for divisions and title pages outside the
       citation scheme. -->
  <xsl:function name="f:anchor" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="(f:citation($element)?id, $element/@xml:id ! string(),
      string-join(for $e in $element/ancestor-or-self::*[not(self::TEI or self::text)]
        return local-name($e) || '-' || (count($e/preceding-sibling::*[local-name() = local-name($e)]) + 1), '.')
      => replace('(^|\.)(front|body|back)-1', '$1$2'))[1]"/>
  </xsl:function>

  <!-- What an unheaded division outside the scheme is called: its type, in words. -->
  <xsl:function name="f:anchor-label" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="(f:citation($element) ! (f:document-id($element) || ':' || ?ref),
      $element/@type ! replace(., '-', ' '), 'Section')[1]"/>
  </xsl:function>

  <!-- The source description of the header, for the about box and the edition's page. -->
  <xsl:template match="bibl | biblStruct | biblFull | msDesc" mode="m:html-source">
    <p class="source-bibl">
      <xsl:choose>
        <xsl:when test="text()[normalize-space()]">
          <xsl:apply-templates select="node() except note" mode="m:html-inline"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="* except note">
            <xsl:if test="position() gt 1">, </xsl:if>
            <xsl:if test="self::distributor">served by </xsl:if>
            <xsl:apply-templates select="." mode="m:html-inline"/>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
    </p>
    <xsl:apply-templates select="note" mode="m:html-source"/>
  </xsl:template>

  <xsl:template match="note | p" mode="m:html-source">
    <p class="source-note">
      <xsl:apply-templates mode="m:html-inline"/>
    </p>
  </xsl:template>

  <xsl:template match="*" mode="m:html-source" priority="-1">
    <xsl:sequence select="f:unhandled-block(.)"/>
  </xsl:template>
</xsl:stylesheet>
