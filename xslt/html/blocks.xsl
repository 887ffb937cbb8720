<?xml version="1.0" encoding="UTF-8"?>
<!-- The text's blocks: divisions, headings, paragraphs, block quotations, the title page, in a
     normalised document (common/normalise.xsl). Every citable unit gets the id and the
     reference the pass stamped on it, shown with its permalink and its "cite" button: at the
     start of its first line, or on a line of its own before its heading or its blocks (in the
     margin on wide screens), never inside a heading, whose name is the heading's alone.

     The paged-media HTML (print.xsl) imports this module and overrides, by import precedence,
     what paper needs otherwise: f:unit-reference and f:heading-reference (the reference in the
     margin, not a link), f:heading-label, f:unheaded and f:compare-link, the run-in heads, the
     notes. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:include href="version-links.xsl"/>
  <xsl:mode name="m:html-blocks" on-no-match="fail"/>
  <xsl:mode name="m:html-cit" on-no-match="fail"/>
  <xsl:mode name="m:html-source" on-no-match="fail"/>

  <xsl:template match="text" mode="m:html-blocks">
    <xsl:param name="commentary-anchors" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:apply-templates select="*" mode="m:html-blocks"/>
    <xsl:if test="$commentary-anchors">
      <xsl:sequence select="f:intervention-notes(.)"/>
    </xsl:if>
  </xsl:template>

  <!-- The notes on the editors' interventions, listed after the text of the work's page, where
       a reader finds them without scripts and on paper: each under the number of its marker
       (the one series of the notes), with a link back to it. -->
  <xsl:function name="f:intervention-notes" as="element()?">
    <xsl:param name="text" as="element(text)"/>
    <xsl:variable name="choices" as="element(choice)*" select="$text//choice[@e:n]"/>
    <xsl:if test="exists($choices)">
      <section class="editorial intervention-notes" aria-labelledby="intervention-notes-heading" lang="en">
        <h2 id="intervention-notes-heading">Notes on the text</h2>
        <p class="notes-intro">The editors' interventions in the text. They are numbered in one
          series with the commentary and the sources of quotations, as in the PDF and the plain
          text; the numbers not listed here or in the commentary are those of the sources, which
          the text links where the quotations stand (“source”, “paraphrase”, “echo”).</p>
        <ol class="notes-list">
          <xsl:for-each select="$choices">
            <xsl:variable name="ids" as="map(xs:string, xs:string)" select="f:note-ids(.)"/>
            <li class="app-note" id="{$ids?note}" value="{@e:n}">
              <p>
                <xsl:sequence select="f:intervention-note-words(.)"/>
                <xsl:text> </xsl:text>
                <a class="back-ref" href="#{$ids?marker}" aria-label="Back to the text of note {@e:n}">↩</a>
              </p>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:function>

  <xsl:template match="front | body | back" mode="m:html-blocks">
    <div class="{local-name()}">
      <xsl:sequence select="f:block-attributes(.), f:unit-opening(.)"/>
      <xsl:apply-templates select="*" mode="m:html-blocks"/>
    </div>
  </xsl:template>

  <!-- A division: a section, anchored when citable, otherwise by its place in the text. -->
  <xsl:template match="div" mode="m:html-blocks">
    <section class="div{@type ! (' div-' || .)}" id="{f:anchor(.)}">
      <xsl:sequence select="f:lang(.)"/>
      <xsl:if test="empty(f:head(.))">
        <xsl:sequence select="f:unheaded(.)"/>
      </xsl:if>
      <xsl:apply-templates select="*" mode="m:html-blocks"/>
    </section>
  </xsl:template>

  <!-- A division without a heading is named for assistive technology. -->
  <xsl:function name="f:unheaded" as="node()*">
    <xsl:param name="division" as="element()"/>
    <xsl:attribute name="aria-label" select="f:division-name($division)"/>
    <xsl:sequence select="f:unit-opening($division)"/>
  </xsl:function>

  <!-- What opens a unit that holds blocks and has no heading: its reference, on a line of its
       own. -->
  <xsl:function name="f:unit-opening" as="element()*">
    <xsl:param name="unit" as="element()"/>
    <xsl:if test="$unit/@e:ref">
      <div class="unit-label"><xsl:sequence select="f:unit-reference($unit)"/></div>
    </xsl:if>
  </xsl:function>

  <!-- A heading: its level follows the depth of the division, whose reference stands before it
       (f:heading-label) and whose links to the comparison follow it, beside the heading, not in
       it: its accessible name, and what stays in view while the point is read, is its own. A run-in head keeps its class: the
       source runs it into the following paragraph, where the normalisation pass put it; the
       web edition sets it as its division's heading, before that paragraph. -->
  <xsl:template match="head" mode="m:html-blocks">
    <xsl:variable name="division" as="element()" select="f:headed(.)"/>
    <xsl:sequence select="f:heading-label($division)"/>
    <xsl:element name="h{min((6, 1 + count(ancestor::div)))}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="string-join(('head', @rend ! ('rend-' || .)), ' ')"/>
      <xsl:sequence select="f:lang(.), f:heading-reference($division)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </xsl:element>
    <xsl:sequence select="f:compare-link($division)"/>
  </xsl:template>

  <!-- What stands before a division's heading, and what the heading carries of its reference:
       on screen, the reference on a line of its own, beside the heading; paper puts it in the
       heading's margin. -->
  <xsl:function name="f:heading-label" as="element()*">
    <xsl:param name="division" as="element()"/>
    <xsl:sequence select="f:unit-opening($division)"/>
  </xsl:function>

  <xsl:function name="f:heading-reference" as="node()*">
    <xsl:param name="division" as="element()"/>
  </xsl:function>

  <xsl:template match="p | ab" mode="m:html-blocks">
    <xsl:apply-templates select="head" mode="m:html-blocks"/>
    <p>
      <xsl:sequence select="f:block-attributes(.), f:unit-reference(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </p>
  </xsl:template>

  <!-- A block quotation with the attribution the source gives, and the editors'
       identification of the quoted work. -->
  <xsl:template match="cit" mode="m:html-blocks">
    <figure class="cit">
      <xsl:sequence select="f:block-attributes(.)"/>
      <blockquote>
        <xsl:apply-templates select="quote" mode="m:html-cit"/>
      </blockquote>
      <figcaption>
        <xsl:apply-templates select="bibl/node()" mode="m:html-inline"/>
        <xsl:sequence select="quote/@source ! f:source-link(.)"/>
      </figcaption>
    </figure>
  </xsl:template>

  <!-- The quotation of a block quotation: the quotation's reference opens its first line. -->
  <xsl:template match="quote" mode="m:html-cit">
    <p>
      <xsl:sequence select="f:lang(.), f:unit-reference(..)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </p>
  </xsl:template>

  <!-- The furniture of the source's page (its banner line): the source's words, set as
       furniture, after the editors' word on what they are; never a heading or the author. -->
  <xsl:template match="fw" mode="m:html-blocks">
    <div class="fw fw-{@type}">
      <xsl:sequence select="f:lang(.)"/>
      <p class="editorial fw-label">[{f:furniture-name(.)}]</p>
      <p class="fw-text"><xsl:apply-templates mode="m:html-inline"/></p>
    </div>
  </xsl:template>

  <!-- The source's title page. On the work's page, whose heading gives the work's title, the
       editors say whose this one is, as they do of the banner line: a reader sees why the
       title stands twice. -->
  <xsl:template match="titlePage" mode="m:html-blocks">
    <xsl:param name="commentary-anchors" as="xs:boolean" select="false()" tunnel="yes"/>
    <div class="title-page" id="{f:anchor(.)}">
      <xsl:sequence select="f:lang(.), f:unit-opening(.)"/>
      <xsl:if test="$commentary-anchors">
        <p class="editorial fw-label" lang="en">[The source's title]</p>
      </xsl:if>
      <xsl:apply-templates select="*" mode="m:html-blocks"/>
    </div>
  </xsl:template>

  <xsl:template match="docTitle" mode="m:html-blocks">
    <xsl:apply-templates select="*" mode="m:html-blocks"/>
  </xsl:template>

  <xsl:template match="docAuthor | titlePart | docDate" mode="m:html-blocks">
    <p class="{local-name()}{@type ! (' type-' || .)}">
      <xsl:sequence select="f:block-attributes(.), f:unit-reference(.)"/>
      <xsl:apply-templates mode="m:html-inline"/>
    </p>
  </xsl:template>

  <!-- Anything else: every element of the edition's texts is rendered on purpose. -->
  <xsl:template match="*" mode="m:html-blocks" priority="-1">
    <xsl:sequence select="f:unhandled(., 'html')"/>
  </xsl:template>

  <!-- The id of a citable block and its language. -->
  <xsl:function name="f:block-attributes" as="attribute()*">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="$element/@e:id ! f:attribute('id', .), f:lang($element)"/>
  </xsl:function>

  <xsl:function name="f:attribute" as="attribute()">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:attribute name="{$name}" select="$value"/>
  </xsl:function>

  <!-- A citable unit's reference as it is shown: its permalink, which reads as its reference
       inside the document ("7.2"; the stylesheet marks a division's "§ 7"), and its "cite"
       button. -->
  <xsl:function name="f:unit-reference" as="node()*">
    <xsl:param name="unit" as="element()"/>
    <xsl:variable name="reference" as="xs:string?" select="f:reference($unit)"/>
    <xsl:if test="exists($reference)">
      <span class="unit-ref editorial">
        <a class="permalink" href="{f:view-file(f:document-id($unit), f:view-of($unit))}#{$unit/@e:id}"
          aria-label="Permalink to {$reference}" title="{$reference}">{$unit/@e:ref}</a>
        <xsl:sequence select="f:cite-button($unit)"/>
      </span>
      <xsl:sequence select="f:version-link($unit)"/>
    </xsl:if>
  </xsl:function>

  <!-- How a reference of the document's main scheme is made, as a reader is told: the name of
       each unit of its first citeStructure (and of their first ones), as a variable, after its
       delimiter. -->
  <xsl:function name="f:citation-pattern" as="node()*">
    <xsl:param name="document" as="document-node()"/>
    <xsl:for-each select="f:scheme-chain(($document/TEI/teiHeader/encodingDesc/refsDecl/citeStructure)[1])">
      <xsl:value-of select="@delim"/>
      <var>{@unit}</var>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="f:scheme-chain" as="element(citeStructure)*">
    <xsl:param name="structure" as="element(citeStructure)?"/>
    <xsl:sequence select="$structure ! (., f:scheme-chain(citeStructure[1]))"/>
  </xsl:function>

  <!-- The view a node of a normalised work is shown in: the one its copy names (a work's pages
       in every view, html/document.xsl), else $view. -->
  <xsl:function name="f:view-of" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="(root($node)/*/@e:view, $view)[1] ! string()"/>
  </xsl:function>

  <!-- The file of a work's page in a view. -->
  <xsl:function name="f:view-file" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:sequence select="$id || $f:views[?name = $view]?suffix || '.html'"/>
  </xsl:function>

  <!-- The source description of the header, for the about box and the edition's page: the
       source in one line (author, title, the date it prints, the dates established, where it is
       published), then its notes, each under the name of what it says; then the later layers of
       the source, each described the same way. -->
  <xsl:template match="bibl | biblStruct | biblFull | msDesc" mode="m:html-source">
    <p class="source-bibl">
      <xsl:choose>
        <xsl:when test="text()[normalize-space()]">
          <xsl:apply-templates select="node() except note" mode="m:html-inline"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="* except note">
            <xsl:if test="position() gt 1">, </xsl:if>
            <xsl:apply-templates select="." mode="m:html-source-part"/>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
    </p>
    <xsl:apply-templates select="note" mode="m:html-source"/>
  </xsl:template>

  <xsl:mode name="m:html-source-part" on-no-match="fail"/>

  <xsl:template match="*" mode="m:html-source-part">
    <xsl:apply-templates select="." mode="m:html-inline"/>
  </xsl:template>

  <xsl:template match="distributor" mode="m:html-source-part">
    <xsl:text>served by </xsl:text>
    <xsl:apply-templates select="." mode="m:html-inline"/>
  </xsl:template>

  <xsl:template match="ref[@target]" mode="m:html-source-part">
    <xsl:text>published at </xsl:text>
    <xsl:apply-templates select="." mode="m:html-inline"/>
  </xsl:template>

  <!-- A date the evidence limits: its words, and what was done to establish it. -->
  <xsl:template match="date[@notBefore or @notAfter]" mode="m:html-source-part">
    <xsl:text>{if (@type = 'creation') then 'written ' else ''}</xsl:text>
    <xsl:apply-templates select="." mode="m:html-inline"/>
    <xsl:text>{@cert ! (' (' || f:certainty(.) || ')')}</xsl:text>
  </xsl:template>

  <xsl:template match="listBibl" mode="m:html-source">
    <section class="source-layers">
      <xsl:apply-templates select="head" mode="m:html-source"/>
      <xsl:apply-templates select="bibl" mode="m:html-source"/>
    </section>
  </xsl:template>

  <xsl:template match="listBibl/head" mode="m:html-source">
    <p class="source-layers-head"><strong><xsl:apply-templates mode="m:html-inline"/></strong></p>
  </xsl:template>

  <xsl:template match="note | p" mode="m:html-source">
    <p class="source-note{@type ! (' source-note-' || .)}">
      <xsl:sequence select="f:source-note-label(.), f:words-and-sources(node(), true())"/>
    </p>
  </xsl:template>

  <!-- The name of what a note of a source's description says (the schema's note types). -->
  <xsl:variable name="f:source-note-labels" as="map(xs:string, xs:string)" select="map {
    'publication': 'Publication', 'date': 'Date', 'comparison': 'Compared',
    'archived-copy': 'Archived copy', 'transcription': 'Transcription',
    'omissions': 'Not recorded' }"/>

  <xsl:function name="f:source-note-label" as="element()?">
    <xsl:param name="note" as="element()"/>
    <xsl:for-each select="$note/@type[map:contains($f:source-note-labels, .)]">
      <strong class="source-note-label">{$f:source-note-labels(.)}. </strong>
    </xsl:for-each>
  </xsl:function>

  <xsl:template match="*" mode="m:html-source" priority="-1">
    <xsl:sequence select="f:unhandled(., 'html')"/>
  </xsl:template>
</xsl:stylesheet>
