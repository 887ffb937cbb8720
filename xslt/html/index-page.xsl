<?xml version="1.0" encoding="UTF-8"?>
<!-- The edition's title page: what it is, its documents and their sources, the editorial
     principles, the registers, how to cite, the licences, and the TEI sources. Everything
     comes from the TEI headers of the works and the registers.

     An edition of more documents than one page holds lists them on several pages: $works are
     those of this page ($listing-page of $listing-pages, the first of them the
     $listing-first-th of $listing-total), and the driver writes each page (index.html, then
     index-2.html ...). Each lists its documents with their principles and licences, and links
     every page of the listing; the first alone is the edition's title page. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:html-principle" on-no-match="fail"/>

  <xsl:function name="f:index-page" as="element()">
    <xsl:sequence select="if ($listing-page eq 1) then f:title-page() else f:listing-page()"/>
  </xsl:function>

  <!-- The file of a page of the listing: the first is the edition's page. -->
  <xsl:function name="f:listing-file" as="xs:string">
    <xsl:param name="page" as="xs:integer"/>
    <xsl:sequence select="if ($page eq 1) then 'index.html' else 'index-' || $page || '.html'"/>
  </xsl:function>

  <!-- A page of the listing after the first: its documents, their principles and licences. -->
  <xsl:function name="f:listing-page" as="element()">
    <xsl:variable name="title" as="xs:string"
      select="f:edition-title() || ': documents ' || f:listed-range()"/>
    <xsl:variable name="content" as="element()*">
      <h1>{$title}</h1>
      <xsl:sequence select="f:documents-section(), f:principles-section(), f:licence-section()"/>
    </xsl:variable>
    <xsl:sequence select="f:page($title, f:language(($works, $registers)[1]/*), f:listing-file($listing-page),
      $content)"/>
  </xsl:function>

  <!-- "101–200 of 9,998" -->
  <xsl:function name="f:listed-range" as="xs:string">
    <xsl:sequence select="format-integer($listing-first, '#,##0') || '–'
      || format-integer($listing-first + count($works) - 1, '#,##0') || ' of ' || format-integer($listing-total, '#,##0')"/>
  </xsl:function>

  <!-- The links to every page of the listing, this one marked, when there is more than one. -->
  <xsl:function name="f:listing-navigation" as="element()?">
    <xsl:if test="$listing-pages gt 1">
      <nav class="pagination" aria-label="Pages of the documents">
        <p>Documents {f:listed-range()}; pages:</p>
        <ul>
          <xsl:for-each select="1 to $listing-pages">
            <li>
              <xsl:choose>
                <xsl:when test=". eq $listing-page">
                  <a href="{f:listing-file(.)}" aria-current="page">{.}</a>
                </xsl:when>
                <xsl:otherwise>
                  <a href="{f:listing-file(.)}">{.}</a>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
  </xsl:function>

  <xsl:function name="f:title-page" as="element()">
    <xsl:variable name="content" as="element()*">
      <h1>{f:edition-title()}</h1>
      <p class="lead">A digital edition, in TEI P5 XML, of {$listing-total} documents, with
        registers of the persons, organisations, places and works they name. Version
        {f:edition-version()}{f:headers()[1]/fileDesc/publicationStmt/date ! (', ' || normalize-space())}.</p>
      <xsl:if test="exists($introduction)">
        <p>The editors' <a href="introduction.html">introduction</a>: {string-join(
          $introduction/TEI/text/body/div/head ! normalize-space(), '; ')}.</p>
      </xsl:if>
      <xsl:sequence select="f:documents-section(), f:principles-section(), f:registers-section(),
        f:cite-section(), f:licence-section()"/>
    </xsl:variable>
    <xsl:sequence select="f:page(f:edition-title(), f:language(($works, $registers)[1]/*),
      'index.html', $content)"/>
  </xsl:function>

  <xsl:function name="f:section" as="element()">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="heading" as="xs:string"/>
    <xsl:param name="content" as="element()*"/>
    <section id="{$id}" aria-labelledby="{$id}-heading">
      <h2 id="{$id}-heading">{$heading}</h2>
      <xsl:sequence select="$content"/>
    </section>
  </xsl:function>

  <xsl:function name="f:documents-section" as="element()">
    <xsl:variable name="content" as="element()*">
      <xsl:for-each select="$works">
        <xsl:variable name="id" as="xs:string" select="f:document-id(.)"/>
        <article class="document-card" aria-labelledby="doc-{$id}">
          <h3 id="doc-{$id}"><a href="{$id}.html">{f:work-title(.)}</a></h3>
          <xsl:apply-templates select="TEI/teiHeader/fileDesc/sourceDesc/*" mode="m:html-source"/>
          <ul class="document-links">
            <li><a href="{$id}.html">Reading text</a></li>
            <xsl:if test="not(TEI/@generic)">
              <li><a href="{$id}.diplomatic.html">Diplomatic text</a></li>
            </xsl:if>
            <li><a href="tei/{$id}.xml">TEI source</a></li>
          </ul>
        </article>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="f:section('documents', 'The documents', (f:listing-navigation(), $content))"/>
  </xsl:function>

  <xsl:function name="f:principles-section" as="element()">
    <xsl:variable name="content" as="element()*">
      <xsl:for-each select="$works[not(TEI/@generic)]">
        <xsl:variable name="id" as="xs:string" select="f:document-id(.)"/>
        <section id="principles-{$id}" aria-labelledby="principles-{$id}-heading">
          <h3 id="principles-{$id}-heading">{f:work-title(.)}</h3>
          <dl class="principles">
            <xsl:apply-templates select="TEI/teiHeader/encodingDesc/editorialDecl/*" mode="m:html-principle"/>
          </dl>
        </section>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="f:section('principles', 'Editorial principles', $content)"/>
  </xsl:function>

  <!-- One principle: its kind as the term, its paragraphs as the description. -->
  <xsl:template match="editorialDecl/*" mode="m:html-principle">
    <dt>{f:principle-name(local-name())}</dt>
    <dd>
      <xsl:for-each select="(p, self::*[not(p)])">
        <p><xsl:apply-templates mode="m:html-inline"/></p>
      </xsl:for-each>
    </dd>
  </xsl:template>

  <xsl:function name="f:principle-name" as="xs:string">
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="names" as="map(xs:string, xs:string)" select="map {
      'correction': 'Correction', 'normalization': 'Normalisation', 'hyphenation': 'Hyphenation',
      'quotation': 'Quotation', 'interpretation': 'Interpretation', 'segmentation': 'Segmentation',
      'punctuation': 'Punctuation', 'stdVals': 'Standard values' }"/>
    <xsl:sequence select="($names($name), $name)[1]"/>
  </xsl:function>

  <xsl:function name="f:registers-section" as="element()">
    <xsl:variable name="content" as="element()*">
      <ul>
        <xsl:for-each select="$f:registers-nav">
          <li><a href="{?page}.html">{?label}</a></li>
        </xsl:for-each>
      </ul>
    </xsl:variable>
    <xsl:sequence select="f:section('registers', 'Registers', $content)"/>
  </xsl:function>

  <xsl:function name="f:cite-section" as="element()">
    <xsl:variable name="first" as="document-node()?" select="$works[not(TEI/@generic)][1] ! f:normalised(.)"/>
    <xsl:variable name="example" as="element()?" select="($first//*[@e:ref])[last()]"/>
    <xsl:variable name="content" as="element()*">
      <p>Every passage has a reference of the form
        <code><var>document</var>:<xsl:sequence select="$first ! f:citation-pattern(.)"/></code>: the
        document's id, the number of the point of the programme, and the block (paragraph or block
        quotation) inside it, counted from 1; the front matter (a title page, an archive's note)
        has references of its own. <xsl:if test="$example">For example,
        <code>{f:reference($example)}</code> is <a href="{f:document-id($example)}.html#{$example/@e:id}">this
        passage</a>. </xsl:if>The scheme is declared in each document's header; each passage of the
        texts carries a permalink with its reference, and a reference, once published, never
        changes.</p>
      <p>Cite the edition as: {f:edition-title()}, version {f:edition-version()}<xsl:if
        test="$base-url">, <a href="{$base-url}">{$base-url}</a></xsl:if>.</p>
    </xsl:variable>
    <xsl:sequence select="f:section('cite', 'How to cite', $content)"/>
  </xsl:function>

  <xsl:function name="f:licence-section" as="element()">
    <xsl:variable name="content" as="element()*">
      <ul>
        <xsl:for-each select="$works, $registers">
          <li><cite>{f:work-title(.)}</cite>:
            <xsl:for-each select="TEI/teiHeader/fileDesc/publicationStmt/availability/licence">
              <xsl:apply-templates mode="m:html-inline"/>
              <xsl:for-each select="f:web-url(@target)"> (<a href="{.}">licence text</a>)</xsl:for-each>
            </xsl:for-each>
            <xsl:for-each select="TEI/teiHeader/fileDesc/publicationStmt/availability/p">
              <xsl:text> </xsl:text><xsl:apply-templates mode="m:html-inline"/>
            </xsl:for-each>
          </li>
        </xsl:for-each>
      </ul>
      <p>The TEI sources: <xsl:for-each select="$works, $registers">
          <xsl:if test="position() gt 1">, </xsl:if>
          <a href="tei/{f:document-id(.)}.xml">{f:document-id(.)}.xml</a>
        </xsl:for-each>. The typeface is Literata, under the
        <a href="assets/fonts/OFL.txt">SIL Open Font License</a>.</p>
    </xsl:variable>
    <xsl:sequence select="f:section('licence', 'Licence', $content)"/>
  </xsl:function>
</xsl:stylesheet>
