<?xml version="1.0" encoding="UTF-8"?>
<!-- What bibliography managers and search engines read in a page's head: Highwire Press
     citation_* tags (Zotero, Google Scholar), Dublin Core DC.* tags, and schema.org JSON-LD.
     A work's page describes the work as the edition publishes it, based on its source: its
     date is the edition's (publicationStmt/date), its editors the edition's, and the source,
     with its own date, is named apart (DC.source, isBasedOn), as edition/citation_styles.py cites it; the
     edition's page and the register pages describe the edition. Every value comes from the
     TEI headers; only the base URL comes from the configuration. The facts are gathered once
     into a map, which each vocabulary then writes out. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:j="http://www.w3.org/2005/xpath-functions" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- The head's metadata of the page $current (its file name). -->
  <xsl:function name="f:head-metadata" as="element()*">
    <xsl:param name="current" as="xs:string"/>
    <xsl:variable name="facts" as="map(xs:string, item()*)"
      select="if ($page = 'document') then f:work-facts($f:main, $current)
        else f:edition-facts()"/>
    <xsl:sequence select="f:highwire($facts), f:dublin-core($facts), f:json-ld($facts)"/>
  </xsl:function>

  <!-- The facts. map:merge keeps the first of two entries with one key: the page's own facts
       come before those every header states. -->

  <!-- A work, as published on the page $file. -->
  <xsl:function name="f:work-facts" as="map(xs:string, item()*)">
    <xsl:param name="document" as="document-node()"/>
    <xsl:param name="file" as="xs:string"/>
    <xsl:variable name="header" as="element(teiHeader)" select="$document/TEI/teiHeader"/>
    <xsl:variable name="sources" as="map(xs:string, item()*)*"
      select="$header/fileDesc/sourceDesc/(bibl | biblStruct) ! f:source-facts(.)"/>
    <xsl:sequence select="map:merge((map {
      'kind': 'work',
      'title': f:work-title($document),
      'authors': $header/fileDesc/titleStmt/author,
      'editors': $header/fileDesc/titleStmt/respStmt/(orgName | persName | name),
      'url': f:absolute($file),
      (: the PDF's address only where the build makes it, as the page's downloads say :)
      'pdf': $downloads/Q{}downloads/Q{}file[@kind = 'pdf']/@href ! f:absolute(string(.)),
      'sources': $sources }, f:header-facts($header)))"/>
  </xsl:function>

  <!-- The edition: its editors are its authors, its works its parts. Its headers are taken
       one by one ("!"), not as one path, which would sort the nodes of several documents in
       the order they happened to be loaded. Only the edition's page (each of its pages, when
       it is paginated) names the works it lists as sources and parts: every other page would
       carry the whole edition in its head, about 900 bytes a work. -->
  <xsl:function name="f:edition-facts" as="map(xs:string, item()*)">
    <xsl:variable name="headers" as="element(teiHeader)*" select="f:headers()"/>
    <xsl:variable name="listed" as="document-node()*" select="$works[$page = 'index']"/>
    <xsl:sequence select="map:merge((map {
      'kind': 'edition',
      'title': f:edition-title(),
      'authors': f:distinct-agents($headers ! fileDesc/titleStmt/respStmt/(orgName | persName | name)),
      'editors': (),
      'rights': distinct-values($headers ! fileDesc/publicationStmt/availability/licence ! normalize-space()),
      'url': f:absolute(''),
      'sources': $listed ! TEI/teiHeader/fileDesc/sourceDesc/(bibl | biblStruct) ! f:source-facts(.),
      'parts': $listed ! f:work-facts(., f:view-file(f:document-id(.), 'reading')) }, f:header-facts($headers[1])))"/>
  </xsl:function>

  <!-- What every header states about its publication. -->
  <xsl:function name="f:header-facts" as="map(xs:string, item()*)">
    <xsl:param name="header" as="element(teiHeader)?"/>
    <xsl:variable name="publication" as="element(publicationStmt)?" select="$header/fileDesc/publicationStmt"/>
    <xsl:sequence select="map {
      'date': ($publication/date/@when)[1] ! string(),
      'publisher': ($publication/publisher)[1] ! normalize-space(),
      'language': (($header/profileDesc/langUsage/language/@ident, $header/../@xml:lang)[1] ! string(), 'en')[1],
      'version': ($header/fileDesc/editionStmt/edition/@n)[1] ! string(),
      'licence': ($publication/availability/licence/@target)[1] ! string(),
      'rights': $publication/availability/licence ! normalize-space() }"/>
  </xsl:function>

  <!-- A source of a work: its title, authors, date, and a one-line description. -->
  <xsl:function name="f:source-facts" as="map(xs:string, item()*)">
    <xsl:param name="bibl" as="element()"/>
    <xsl:sequence select="map {
      'title': ($bibl/descendant::title)[1] ! normalize-space(),
      'authors': $bibl/descendant::author,
      'date': ($bibl/descendant::date/@when)[1] ! string(),
      'description': if ($bibl/*) then string-join(($bibl/descendant::author, ($bibl/descendant::title)[1],
        ($bibl/descendant::date)[1]) ! normalize-space(), ', ') else normalize-space($bibl) }"/>
  </xsl:function>

  <!-- Names that several headers give, once each. -->
  <xsl:function name="f:distinct-agents" as="element()*">
    <xsl:param name="agents" as="element()*"/>
    <xsl:for-each-group select="$agents" group-by="normalize-space()">
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- An address on the published site, when the configuration gives the base URL. -->
  <xsl:function name="f:absolute" as="xs:string?">
    <xsl:param name="path" as="xs:string"/>
    <xsl:sequence select="$base-url[normalize-space()] ! (replace(., '/+$', '') || '/' || $path)"/>
  </xsl:function>

  <!-- Highwire Press, as Google Scholar documents it: dates as YYYY/MM/DD, as far as known. -->
  <xsl:function name="f:highwire" as="element()*">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:sequence select="f:meta('citation_title', $facts?title),
      f:meta('citation_author', $facts?authors ! normalize-space()),
      f:meta('citation_editor', $facts?editors ! normalize-space()),
      f:meta('citation_publication_date', $facts?date ! translate(., '-', '/')),
      f:meta('citation_online_date', $facts?date ! translate(., '-', '/')),
      f:meta('citation_publisher', $facts?publisher),
      f:meta('citation_language', $facts?language),
      f:meta('citation_pdf_url', $facts?pdf),
      f:meta(if ($facts?kind = 'work') then 'citation_fulltext_html_url' else 'citation_abstract_html_url', $facts?url)"/>
  </xsl:function>

  <xsl:function name="f:dublin-core" as="element()*">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:sequence select="f:meta('DC.title', $facts?title),
      f:meta('DC.creator', $facts?authors ! normalize-space()),
      f:meta('DC.contributor', $facts?editors ! normalize-space()),
      f:meta('DC.date', $facts?date),
      f:meta('DC.publisher', $facts?publisher),
      f:meta('DC.language', $facts?language),
      f:meta('DC.identifier', $facts?url),
      f:meta('DC.rights', $facts?rights),
      f:meta('DC.source', $facts?sources?description)"/>
  </xsl:function>

  <!-- One meta element per value; none when there is none. -->
  <xsl:function name="f:meta" as="element()*">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="values" as="xs:string*"/>
    <xsl:for-each select="$values[normalize-space()]">
      <meta name="{$name}" content="{.}"/>
    </xsl:for-each>
  </xsl:function>

  <!-- schema.org, as JSON-LD: written as the XML form of JSON, which keeps the keys' order. -->
  <xsl:function name="f:json-ld" as="element()">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:variable name="json" as="element(j:map)">
      <j:map>
        <j:string key="@context">https://schema.org</j:string>
        <xsl:sequence select="f:json-work($facts)"/>
      </j:map>
    </xsl:variable>
    <script type="application/ld+json">{f:json-in-html(xml-to-json($json))}</script>
  </xsl:function>

  <!-- JSON as the text of an HTML script element. An HTML parser reads that text for "</script"
       and for the start of a comment (after "<!" followed by two hyphens and "<script", it
       swallows the rest of the page), whatever the JSON means: xml-to-json writes "/" as "\/",
       but a header may hold the rest. Written as JSON escapes, "<", ">" and "&" are no markup,
       and the JSON parses to the same values; they stand inside strings only, where no
       backslash before them can be unpaired. -->
  <xsl:function name="f:json-in-html" as="xs:string">
    <xsl:param name="json" as="xs:string"/>
    <xsl:sequence select="$json => replace('&lt;', '\\u003c') => replace('>', '\\u003e')
      => replace('&amp;', '\\u0026')"/>
  </xsl:function>

  <!-- The members of a CreativeWork: the edition, a work of it, or a source. -->
  <xsl:function name="f:json-work" as="element()*">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <j:string key="@type">CreativeWork</j:string>
    <xsl:sequence select="f:json-string('@id', $facts?url), f:json-string('name', $facts?title),
      f:json-agents('author', $facts?authors), f:json-agents('editor', $facts?editors),
      f:json-string('inLanguage', $facts?language), f:json-string('version', $facts?version),
      f:json-agents('publisher', $facts?publisher), f:json-string('license', $facts?licence),
      f:json-string('url', $facts?url), f:json-string('datePublished', $facts?date)"/>
    <xsl:if test="exists($facts?sources) and $facts?kind = 'work'">
      <j:array key="isBasedOn">
        <xsl:for-each select="$facts?sources">
          <j:map><xsl:sequence select="f:json-work(.)"/></j:map>
        </xsl:for-each>
      </j:array>
    </xsl:if>
    <xsl:if test="exists($facts?parts)">
      <j:array key="hasPart">
        <xsl:for-each select="$facts?parts">
          <j:map><xsl:sequence select="f:json-work(.)"/></j:map>
        </xsl:for-each>
      </j:array>
    </xsl:if>
  </xsl:function>

  <xsl:function name="f:json-string" as="element(j:string)?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="normalize-space($value)">
      <j:string key="{$key}">{$value}</j:string>
    </xsl:if>
  </xsl:function>

  <!-- Persons and organisations: TEI names (persName makes a Person), or plain strings. -->
  <xsl:function name="f:json-agents" as="element(j:array)?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="agents" as="item()*"/>
    <xsl:if test="exists($agents)">
      <j:array key="{$key}">
        <xsl:for-each select="$agents">
          <j:map>
            <j:string key="@type">{if (. instance of element() and descendant-or-self::persName)
              then 'Person' else 'Organization'}</j:string>
            <j:string key="name">{normalize-space(.)}</j:string>
          </j:map>
        </xsl:for-each>
      </j:array>
    </xsl:if>
  </xsl:function>
</xsl:stylesheet>
