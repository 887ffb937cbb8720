<?xml version="1.0" encoding="UTF-8"?>
<!-- How a work's page offers its citations, as the Python driver formatted them with
     citeproc-py (the $citations document: <citations><passage ref=".." url=".."><cite
     style="..">..</cite><export format=".." name=".." type="..">..</export><file format=".."
     href=".."/></passage></citations>, the work first, then each of its units):

     - the work's "Cite this text" box, in every style (the bibliography entry, then the
       in-text citation), with its files for bibliography managers: plain HTML, for every reader;
     - beside each unit's reference, a "cite" button, which assets/cite.js shows and which opens
       the page's one dialog, filled from the page's data block with that unit's reference,
       URL, citations and files. Each unit's citations are data, written once, not a box each.

     Without the parameter, none of it. All of it is the editors' addition, not the source's
     text: class "editorial", not searched. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:j="http://www.w3.org/2005/xpath-functions"
  xpath-default-namespace=""
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:html-cite-box" on-no-match="fail"/>
  <xsl:mode name="m:html-citation" on-no-match="fail"/>

  <!-- The styles and the formats offered, and their names, are $f:cite-styles and
       $f:cite-formats (common/params.xsl). -->

  <!-- The citations of a passage, by its reference: looked up, where a search of every passage
       for each unit's button grew with the square of the units. -->
  <xsl:key name="f:passage-citations" match="citations/passage" use="@ref"/>

  <xsl:function name="f:passage-citations" as="element(passage)?">
    <xsl:param name="reference" as="xs:string?"/>
    <xsl:sequence select="$citations ! key('f:passage-citations', $reference, .)[1]"/>
  </xsl:function>

  <!-- The box of a reference; $what names what it cites ('this text'). -->
  <xsl:function name="f:cite-box" as="element()?">
    <xsl:param name="reference" as="xs:string"/>
    <xsl:param name="what" as="xs:string"/>
    <xsl:apply-templates select="f:passage-citations($reference)" mode="m:html-cite-box">
      <xsl:with-param name="what" select="$what"/>
    </xsl:apply-templates>
  </xsl:function>

  <xsl:template match="passage" mode="m:html-cite-box">
    <xsl:param name="what" as="xs:string"/>
    <details class="cite editorial">
      <summary>Cite {$what}</summary>
      <xsl:sequence select="f:cite-addresses(.)"/>
      <dl class="citations">
        <xsl:apply-templates select="cite" mode="m:html-cite-box"/>
      </dl>
      <p class="cite-files">For a bibliography manager:
        <xsl:apply-templates select="file" mode="m:html-cite-box"/></p>
    </details>
  </xsl:template>

  <!-- On the current version's page, both addresses of the text: the stable one of this
       version, which its citations give, and the current page's, which follows later versions
       (a released version's page has its own alone). -->
  <xsl:function name="f:cite-addresses" as="element()?">
    <xsl:param name="passage" as="element(passage)"/>
    <xsl:if test="$passage/@current-url">
      <ul class="cite-addresses">
        <li>This version, at an address that stays: <a href="{$passage/@url}">{$passage/@url}</a></li>
        <li>The current version, which later versions replace: <a href="{$passage/@current-url}">{$passage/@current-url}</a></li>
      </ul>
    </xsl:if>
  </xsl:function>

  <xsl:template match="cite" mode="m:html-cite-box">
    <xsl:sequence select="f:style-entry(@style, f:citation-markup(., 'http://www.w3.org/1999/xhtml'))"/>
  </xsl:template>

  <!-- A style's name and its citation, with its copy button. -->
  <xsl:function name="f:style-entry" as="element()">
    <xsl:param name="style" as="xs:string"/>
    <xsl:param name="citation" as="node()*"/>
    <xsl:variable name="name" as="xs:string" select="($f:cite-styles($style), $style)[1]"/>
    <div>
      <dt>{$name}</dt>
      <dd>
        <p class="citation" data-style="{$style}"><xsl:sequence select="$citation"/></p>
        <button type="button" class="copy" hidden="hidden" aria-label="Copy the {$name} citation">Copy</button>
      </dd>
    </div>
  </xsl:function>

  <xsl:template match="file" mode="m:html-cite-box">
    <xsl:if test="position() gt 1">, </xsl:if>
    <a href="{@href}" download="">{f:format-name(@format, @href)}</a>
  </xsl:template>

  <!-- "BibTeX (.bib)": a format's name and the extension of its file. -->
  <xsl:function name="f:format-name" as="xs:string">
    <xsl:param name="format" as="xs:string"/>
    <xsl:param name="file" as="xs:string"/>
    <xsl:sequence select="($f:cite-formats($format), $format)[1] || ' (' || replace($file, '^.*(\.[^.]+)$', '$1') || ')'"/>
  </xsl:function>

  <!-- The "cite" button of a unit the page has the citations of. -->
  <xsl:function name="f:cite-button" as="element()?">
    <xsl:param name="unit" as="element()"/>
    <xsl:variable name="reference" as="xs:string?" select="f:reference($unit)"/>
    <xsl:if test="exists(f:passage-citations($reference))">
      <button type="button" class="cite-unit" hidden="hidden" data-cite="{$reference}"
        aria-label="Cite {$reference}">cite</button>
    </xsl:if>
  </xsl:function>

  <!-- The page's one dialog, which assets/cite.js fills for the unit whose button opened it,
       and the data it is filled from. -->
  <xsl:function name="f:cite-dialog" as="element()*">
    <xsl:variable name="passages" as="element(passage)*" select="$citations/citations/passage"/>
    <xsl:if test="exists($passages)">
      <dialog class="cite-dialog editorial" id="cite-dialog" aria-labelledby="cite-dialog-title">
        <div class="cite-dialog-head">
          <h2 id="cite-dialog-title">Cite <span class="cite-reference"></span></h2>
          <button type="button" class="close">Close</button>
        </div>
        <p class="cite-link">
          <span class="cite-link-label">This version: </span>
          <a class="citation cite-url"></a>
          <button type="button" class="copy" hidden="hidden" aria-label="Copy the address of this version">Copy</button>
        </p>
        <p class="cite-link cite-current" hidden="hidden">
          <span class="cite-link-label">The current version: </span>
          <a class="citation cite-current-url"></a>
          <button type="button" class="copy" hidden="hidden" aria-label="Copy the address of the current version">Copy</button>
        </p>
        <dl class="citations">
          <xsl:sequence select="$passages[1]/cite/@style ! f:style-entry(., ())"/>
        </dl>
        <p class="cite-files">For a bibliography manager:
          <xsl:for-each select="$passages[1]/export">
            <xsl:if test="position() gt 1">, </xsl:if>
            <a data-format="{@format}">{f:format-name(@format, @name)}</a>
          </xsl:for-each>
        </p>
      </dialog>
      <!-- Its data (the citations' data element) is written in by the driver
           (edition/outputs/html.py): some 100 kB, the same in every view. -->
      <script type="application/json" id="cite-data"></script>
    </xsl:if>
  </xsl:function>

  <!-- citeproc-py's HTML: text with a few inline elements, the line break between the
       bibliography entry and the in-text citation among them, made XHTML for the page, or
       elements in no namespace, for the page's data (serialized as HTML). -->
  <xsl:function name="f:citation-markup" as="node()*">
    <xsl:param name="cite" as="element(cite)"/>
    <xsl:param name="namespace" as="xs:string"/>
    <xsl:apply-templates select="$cite/node()" mode="m:html-citation">
      <xsl:with-param name="namespace" select="$namespace" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:function>

  <xsl:template match="i | b | sup | sub | span | br" mode="m:html-citation">
    <xsl:param name="namespace" as="xs:string" tunnel="yes"/>
    <xsl:element name="{local-name()}" namespace="{$namespace}">
      <xsl:apply-templates mode="m:html-citation"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="text()" mode="m:html-citation">
    <xsl:value-of select="."/>
  </xsl:template>
</xsl:stylesheet>
