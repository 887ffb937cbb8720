<?xml version="1.0" encoding="UTF-8"?>
<!-- The "Cite this" boxes of a work's page: the citation of the work, and of each point, in
     every style (the bibliography entry, then the in-text citation, which names the point),
     as the Python driver formatted them with citeproc-py (the $citations
     document, <citations><passage ref=".."><cite style="..">..</cite><file format=".."
     href=".."/></passage></citations>); a button that copies each, shown by assets/cite.js
     where scripts run; and the files for bibliography managers. Without the parameter, no box.
     A box is the editors' addition, not the source's text: class "editorial", not searched. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xpath-default-namespace=""
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:html-cite-box" on-no-match="fail"/>
  <xsl:mode name="m:html-citation" on-no-match="fail"/>

  <xsl:variable name="f:cite-styles" as="map(xs:string, xs:string)"
    select="map { 'chicago': 'Chicago (author-date)', 'mla': 'MLA', 'apa': 'APA' }"/>
  <xsl:variable name="f:cite-formats" as="map(xs:string, xs:string)"
    select="map { 'bibtex': 'BibTeX', 'ris': 'RIS', 'csl-json': 'CSL-JSON' }"/>

  <!-- The box of a reference; $what names what it cites ('this text', 'point 7'). -->
  <xsl:function name="f:cite-box" as="element()?">
    <xsl:param name="reference" as="xs:string"/>
    <xsl:param name="what" as="xs:string"/>
    <xsl:apply-templates select="$citations/citations/passage[@ref = $reference]" mode="m:html-cite-box">
      <xsl:with-param name="what" select="$what"/>
    </xsl:apply-templates>
  </xsl:function>

  <!-- The box of a citable node of the text, if the driver cited it. -->
  <xsl:function name="f:unit-cite-box" as="element()?">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="f:citation($node) ! f:cite-box(f:document-id($node) || ':' || ?ref, ?unit || ' ' || ?ref)"/>
  </xsl:function>

  <xsl:template match="passage" mode="m:html-cite-box">
    <xsl:param name="what" as="xs:string"/>
    <details class="cite editorial">
      <summary>Cite {$what}</summary>
      <dl class="citations">
        <xsl:apply-templates select="cite" mode="m:html-cite-box"/>
      </dl>
      <p class="cite-files">For a bibliography manager:
        <xsl:apply-templates select="file" mode="m:html-cite-box"/></p>
    </details>
  </xsl:template>

  <xsl:template match="cite" mode="m:html-cite-box">
    <xsl:variable name="style" as="xs:string" select="($f:cite-styles(@style), @style)[1]"/>
    <div>
      <dt>{$style}</dt>
      <dd>
        <p class="citation"><xsl:apply-templates mode="m:html-citation"/></p>
        <button type="button" class="copy" hidden="hidden" aria-label="Copy the {$style} citation">Copy</button>
      </dd>
    </div>
  </xsl:template>

  <xsl:template match="file" mode="m:html-cite-box">
    <xsl:if test="position() gt 1">, </xsl:if>
    <a href="{@href}" download="">{($f:cite-formats(@format), @format)[1]} ({replace(@href, '^.*(\.[^.]+)$', '$1')})</a>
  </xsl:template>

  <!-- citeproc-py's HTML: text with a few inline elements, made XHTML; the line break between
       the bibliography entry and the in-text citation. -->
  <xsl:template match="i | b | sup | sub | span | br" mode="m:html-citation">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:copy-of select="@style"/>
      <xsl:apply-templates mode="m:html-citation"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="text()" mode="m:html-citation">
    <xsl:value-of select="."/>
  </xsl:template>
</xsl:stylesheet>
