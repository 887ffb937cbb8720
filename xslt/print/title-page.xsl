<?xml version="1.0" encoding="UTF-8"?>
<!-- The title page, from the header and what the build computed of it: the work; this edition
     (publisher, version, where it is published, how to cite it, licence), whose licence speaks
     of the source described below it; then the source as received. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">


  <xsl:mode name="m:print-title-page" on-no-match="fail"/>
  <xsl:mode name="m:print-citation" on-no-match="fail"/>
  <!-- Header prose (notes, licence): its text, with the few elements it uses. -->
  <xsl:mode name="m:print-header-text" on-no-match="fail"/>

  <xsl:template match="teiHeader" mode="m:print-title-page">
    <xsl:variable name="file" as="element(fileDesc)" select="fileDesc"/>
    <section class="title-leaf" aria-label="Title page">
      <xsl:for-each select="$file/titleStmt/author">
        <p class="title-author">{normalize-space()}</p>
      </xsl:for-each>
      <h1 class="title-main" data-running-head="{f:short-title(root(.))}">{f:work-title(root(.))}</h1>
      <xsl:for-each select="$file/titleStmt/title[@type = 'sub']">
        <p class="title-sub">{normalize-space()}</p>
      </xsl:for-each>
      <xsl:apply-templates select="$file" mode="m:print-title-page"/>
      <xsl:apply-templates select="$file/sourceDesc/bibl[@type = 'source']" mode="m:print-title-page"/>
    </section>
  </xsl:template>

  <xsl:template match="bibl[@type = 'source']" mode="m:print-title-page">
    <section class="colophon source">
      <h2>The source</h2>
      <p class="source-bibl">
        <xsl:sequence select="string-join(author ! normalize-space(), '; ') || '. '"/>
        <cite>{normalize-space(title[1])}</cite>
        <xsl:text>. </xsl:text>
        <xsl:sequence select="if (date[not(@type)]) then normalize-space(date[not(@type)][1]) || '.' else 'Undated.'"/>
        <xsl:for-each select="date[@notBefore or @notAfter]">
          <xsl:text> Written {normalize-space()}{@cert ! (' (' || f:certainty(.) || ')')}.</xsl:text>
        </xsl:for-each>
        <xsl:for-each select="ref[@target]">
          <xsl:text> Published at </xsl:text><span class="url">{@target}</span><xsl:text>.</xsl:text>
        </xsl:for-each>
        <!-- Where it was served, unless a note of the description says so. -->
        <xsl:if test="distributor and not(note//@ref = distributor//@ref)">
          <xsl:text> Served by {string-join(distributor ! normalize-space(), '; ')}.</xsl:text>
        </xsl:if>
      </p>
      <xsl:for-each select="note">
        <p><xsl:sequence select="f:source-note-label(.)"/><xsl:apply-templates mode="m:print-header-text"/></p>
      </xsl:for-each>
      <xsl:apply-templates select="../listBibl[@type = 'layers']/bibl" mode="m:print-title-page"/>
    </section>
  </xsl:template>

  <!-- A later layer of the source (a note of the archive): its own author, title and dates. -->
  <xsl:template match="listBibl[@type = 'layers']/bibl" mode="m:print-title-page">
    <h3>{normalize-space(../head)}</h3>
    <p class="source-bibl">
      <xsl:sequence select="string-join(author ! normalize-space(), '; ') || ', '"/>
      <cite>{normalize-space(title[1])}</cite>
      <xsl:for-each select="date">
        <xsl:text>, written {normalize-space()}{@cert ! (' (' || f:certainty(.) || ')')}</xsl:text>
      </xsl:for-each>
      <xsl:text>.</xsl:text>
    </p>
    <xsl:for-each select="note">
      <p><xsl:sequence select="f:source-note-label(.)"/><xsl:apply-templates mode="m:print-header-text"/></p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="fileDesc" mode="m:print-title-page">
    <xsl:variable name="id" as="xs:string" select="f:document-id(.)"/>
    <section class="colophon edition">
      <h2>This edition</h2>
      <p>{normalize-space(publicationStmt/publisher)}. {normalize-space(editionStmt/edition)}.
        Document <code>{$id}</code>.</p>
      <xsl:if test="exists($stable-url)">
        <p class="address">This version: <span class="url">{$stable-url}</span></p>
      </xsl:if>
      <xsl:if test="exists($current-url) and not($current-url = $stable-url)">
        <p class="address">Current version: <span class="url">{$current-url}</span></p>
      </xsl:if>
      <xsl:apply-templates select="$citation/Q{}citation" mode="m:print-citation"/>
      <xsl:for-each select="titleStmt/respStmt">
        <p>{normalize-space(resp)}: {string-join((orgName | persName | name) ! normalize-space(), ', ')}.</p>
      </xsl:for-each>
      <xsl:for-each select="publicationStmt/availability/licence">
        <p class="licence"><xsl:apply-templates mode="m:print-header-text"/>
          <xsl:if test="@target"><xsl:text> </xsl:text><span class="url">{@target}</span></xsl:if></p>
      </xsl:for-each>
      <xsl:for-each select="publicationStmt/availability/p">
        <p class="licence"><xsl:apply-templates mode="m:print-header-text"/></p>
      </xsl:for-each>
      <!-- A document without a citation scheme (the introduction) has no passages to cite. -->
      <xsl:if test="exists(root(.)/TEI/teiHeader/encodingDesc/refsDecl/citeStructure)">
        <p class="how-to-cite">A passage is cited as <code>{$id}:</code><xsl:sequence
          select="f:citation-pattern(root(.))"/>, the references in the margin; the corrections and
          regularisations of the editors are explained in the footnotes.</p>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- The citation: the entry of a bibliography, then, after citeproc's line break, the
       citation in the text. -->
  <xsl:template match="Q{}citation" mode="m:print-citation">
    <p class="citation">How to cite: <xsl:apply-templates mode="m:print-citation"
      select="if (Q{}br) then Q{}br[1]/preceding-sibling::node() else node()"/></p>
    <xsl:if test="Q{}br">
      <p class="citation">In the text: <xsl:apply-templates mode="m:print-citation"
        select="Q{}br[1]/following-sibling::node()"/></p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="Q{}i" mode="m:print-citation">
    <cite><xsl:apply-templates mode="m:print-citation"/></cite>
  </xsl:template>

  <!-- The in-text citation: without the line break citeproc puts after its <br/>. -->
  <xsl:template match="text()[preceding-sibling::node()[1][self::Q{}br]]" mode="m:print-citation" priority="1">
    <xsl:value-of select="replace(., '^\s+', '')"/>
  </xsl:template>

  <!-- An address in the citation is kept on one line: broken at its hyphens, it would read
       as words hyphenated by the printer. -->
  <xsl:template match="text()" mode="m:print-citation">
    <xsl:analyze-string select="." regex="https?://\S+[^\s.,;]">
      <xsl:matching-substring><span class="url">{.}</span></xsl:matching-substring>
      <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:template>

  <!-- The running head's name of the work: its main title up to a subtitle it carries after a
       colon, shortened between words to what a running head holds. The headers declare no short
       title; this is computed from the main title alone. -->
  <xsl:function name="f:short-title" as="xs:string">
    <xsl:param name="document" as="document-node()"/>
    <xsl:variable name="title" as="xs:string" select="f:work-title($document)"/>
    <xsl:sequence select="f:shortened((substring-before($title, ': ')[.], $title)[1], $running-head-length)"/>
  </xsl:function>

  <xsl:template match="text()" mode="m:print-header-text">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>

  <xsl:template match="title" mode="m:print-header-text">
    <cite><xsl:apply-templates mode="m:print-header-text"/></cite>
  </xsl:template>

  <xsl:template match="ident | gi | att | val" mode="m:print-header-text">
    <code><xsl:apply-templates mode="m:print-header-text"/></code>
  </xsl:template>

  <xsl:template match="orgName | persName | placeName | name | date | hi | emph | foreign | quote"
    mode="m:print-header-text">
    <xsl:apply-templates mode="m:print-header-text"/>
  </xsl:template>

  <!-- The editors' quotation of a word: marks are added, as on the web (as characters: the
       PDF's text layer maps generated quotation marks badly). -->
  <xsl:template match="q" mode="m:print-header-text">
    <xsl:text>“</xsl:text>
    <xsl:apply-templates mode="m:print-header-text"/>
    <xsl:text>”</xsl:text>
  </xsl:template>

  <!-- A reference the note rests on, by its authors and title, in brackets. -->
  <xsl:template match="ptr[@type = 'source']" mode="m:print-header-text">
    <span class="source-ptr">(Source: {f:reference-label(@target)})</span>
  </xsl:template>

  <xsl:template match="ref[@target]" mode="m:print-header-text">
    <xsl:apply-templates mode="m:print-header-text"/>
  </xsl:template>

  <xsl:template match="*" mode="m:print-header-text" priority="-1">
    <xsl:sequence select="f:unhandled(., 'print')"/>
    <xsl:apply-templates mode="m:print-header-text"/>
  </xsl:template>
</xsl:stylesheet>
