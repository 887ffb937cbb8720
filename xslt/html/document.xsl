<?xml version="1.0" encoding="UTF-8"?>
<!-- The page of one work in one view: its title, what the view is and how to switch, where the
     text comes from and how to cite it, then the text with every citable block anchored. The
     document is the normalised one (common/normalise.xsl). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:html-document" on-no-match="fail"/>

  <xsl:template match="document-node()" mode="m:html-document">
    <xsl:variable name="id" as="xs:string" select="f:document-id(.)"/>
    <xsl:variable name="title" as="xs:string" select="f:work-title(.)"/>
    <xsl:sequence select="f:page($title || (if (f:is-diplomatic()) then ' (diplomatic text)' else ''),
      f:language(*), f:view-file($id, $view), (f:document-header(., $id, $title), f:text(.), f:cite-dialog()))"/>
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
    <xsl:variable name="file" as="element(fileDesc)?" select="$document/TEI/teiHeader/fileDesc"/>
    <header class="document-header">
      <h1>{$title}</h1>
      <xsl:for-each select="$file/titleStmt/title[@type = 'sub']">
        <p class="subtitle"><xsl:apply-templates mode="m:html-inline"/></p>
      </xsl:for-each>
      <xsl:sequence select="f:view-switch($id)"/>
      <xsl:sequence select="f:about-document($document, $id)"/>
      <xsl:sequence select="f:cite-box($id, 'this text')"/>
    </header>
  </xsl:function>

  <!-- The two views, each a complete page, switched by a plain link. -->
  <xsl:function name="f:view-switch" as="element()">
    <xsl:param name="id" as="xs:string"/>
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
      <p class="view-note">{if (f:is-diplomatic())
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
          passage gives its address. The principles of the edition are set out on
          <a href="index.html#principles-{$id}">the edition's page</a>.</p>
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
    <article class="text view-{$view}" lang="{f:language(($text, $document/*)[1])}">
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
