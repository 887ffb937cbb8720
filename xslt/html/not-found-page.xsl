<?xml version="1.0" encoding="UTF-8"?>
<!-- 404.html: the page a server answers for an address where the site has no file. It is
     served at that address, whatever its depth, so its links begin with the site's path
     ($root, html/page.xsl) instead of being relative. It names the works the edition's page lists
     first (their summaries), and how many more there are, and the pages from which everything else is found. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:function name="f:not-found-page" as="element()">
    <xsl:variable name="content" as="element()*">
      <h1>Page not found</h1>
      <p class="lead">The edition has no page at this address: it may be mistyped, or cut short.</p>
      <xsl:if test="exists($works)">
        <h2>The documents</h2>
        <ul class="not-found-documents">
          <xsl:for-each select="$works">
            <li><a href="{$root}{f:view-file(f:document-id(.), 'reading')}">{f:work-title(.)}</a></li>
          </xsl:for-each>
        </ul>
        <xsl:if test="$listing-total gt count($works)">
          <p>And {format-integer($listing-total - count($works), '#,##0')} more, listed on the
            <a href="{$root}index.html">edition's page</a>.</p>
        </xsl:if>
      </xsl:if>
      <p>The <a href="{$root}index.html">edition's page</a> describes the documents and how to
        cite them; the <a href="{$root}search.html">search</a> finds a passage by its words or by its
        reference.</p>
    </xsl:variable>
    <xsl:sequence select="f:page('Page not found', f:language(($works, $registers)[1]/*), '404.html', $content)"/>
  </xsl:function>
</xsl:stylesheet>
