<?xml version="1.0" encoding="UTF-8"?>
<!-- On a page of a released version (its build is at v/<version>/, edition/version_builds.py),
     beside each passage's reference: the same passage in the current version, or what became
     of it there (moved, merged, withdrawn), as the current headers declare it.

     The facts come as $version-links, JSON made from the concordance of references
     (edition.concordance.links), one entry for each reference inside the document:
     {"kind": "current", "fragment": ..}, or {"kind": "moved"|"merged",
     "to": "doc:ref", "document": .., "fragment": .., "reason": .., "in": version|"current"},
     {"kind": "withdrawn", "reason": .., "in": ..}, {"kind": "gone", "in": ..} (nothing
     declared). Without the parameter (the current version's pages, paper), nothing. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:e="urn:edition:normalised"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:variable name="f:version-links" as="map(*)"
    select="if ($version-links = '') then map { } else parse-json($version-links)"/>

  <!-- What stands after a unit's reference on an old version's page. -->
  <xsl:function name="f:version-link" as="element()?">
    <xsl:param name="unit" as="element()"/>
    <xsl:variable name="ref" as="xs:string" select="string($unit/@e:ref)"/>
    <xsl:variable name="fate" as="map(*)?" select="$f:version-links($ref)"/>
    <xsl:choose>
      <xsl:when test="empty($fate)"/>
      <xsl:when test="$fate?kind = 'current'">
        <a class="version-link editorial" href="{f:current-passage(f:document-id($unit), $fate?fragment, f:view-of($unit))}"
          aria-label="{$ref} in the current version">current</a>
      </xsl:when>
      <xsl:otherwise>
        <span class="version-fate editorial">
          <xsl:sequence select="f:fate-statement($fate, $unit)"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- "Merged into 7.2 in version 2.0.0: the reason." -->
  <xsl:function name="f:fate-statement" as="node()*">
    <xsl:param name="fate" as="map(*)"/>
    <xsl:param name="unit" as="element()"/>
    <xsl:variable name="document" as="xs:string" select="f:document-id($unit)"/>
    <xsl:variable name="when" as="xs:string"
      select="if ($fate?in = 'current') then 'in the current version' else 'in version ' || $fate?in"/>
    <xsl:choose>
      <xsl:when test="$fate?kind = ('moved', 'merged')">
        <xsl:variable name="to" as="xs:string" select="$fate?to"/>
        <xsl:text>{if ($fate?kind = 'moved') then 'Moved to' else 'Merged into'} </xsl:text>
        <a href="{f:current-passage($fate?document, $fate?fragment, f:view-of($unit))}">{if ($fate?document = $document)
          then substring-after($to, ':') else $to}</a>
        <xsl:text> {$when}: {$fate?reason}</xsl:text>
      </xsl:when>
      <xsl:when test="$fate?kind = 'withdrawn'">Withdrawn {$when}: {$fate?reason}</xsl:when>
      <xsl:otherwise>Not in the current version.</xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A passage of the current version's page in the view of the page at hand, two folders up. -->
  <xsl:function name="f:current-passage" as="xs:string">
    <xsl:param name="document" as="xs:string"/>
    <xsl:param name="fragment" as="xs:string"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:sequence select="'../../' || f:view-file($document, $view) || '#' || $fragment"/>
  </xsl:function>
</xsl:stylesheet>
