<?xml version="1.0" encoding="UTF-8"?>
<!-- search.html: a search form over the index of the citable units (edition/outputs/search.py),
     and the script that runs it and links each result to its passage. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:function name="f:search-page" as="element()">
    <xsl:variable name="content" as="element()*">
      <h1>Search</h1>
      <p class="lead">Search the reading text of both programmes. Each result is a citable passage
        (a paragraph, a quotation, a point's heading, a part of the front matter), named by its
        reference and linked to its place in the text. Type a reference, such as
        mim-program-1996:7.2, to go to its passage.</p>
      <form class="search-form" action="search.html" method="get" role="search" aria-label="Search the texts">
        <label for="search-input">Words or phrase</label>
        <input type="search" id="search-input" name="q" autocomplete="off" spellcheck="false"/>
        <button type="submit">Search</button>
      </form>
      <noscript><p>The search runs in the browser and needs JavaScript.</p></noscript>
      <p id="search-status" class="search-status" role="status"></p>
      <ol id="search-results" class="search-results" aria-labelledby="search-status"></ol>
      <script type="module" src="assets/search.js"></script>
    </xsl:variable>
    <xsl:sequence select="f:page('Search', 'en', 'search.html', $content)"/>
  </xsl:function>
</xsl:stylesheet>
