<?xml version="1.0" encoding="UTF-8"?>
<!-- Driver: the citable units of a document, as the code that cites and serves passages reads
     them (edition/citable.py), in document order: what the normalisation pass stamped on
     them (common/normalise.xsl), and the path of each element, which is its original's. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">
  <xsl:include href="common/params.xsl"/>
  <xsl:include href="common/header.xsl"/>
  <xsl:include href="common/readings.xsl"/>
  <xsl:include href="common/citation.xsl"/>
  <xsl:include href="common/normalise.xsl"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:mode on-no-match="fail"/>
  <xsl:mode name="m:units" on-no-match="fail"/>

  <xsl:template match="/">
    <xsl:apply-templates select="f:normalise(.)" mode="m:units"/>
  </xsl:template>

  <xsl:template match="document-node()" mode="m:units">
    <units document="{f:document-id(.)}">
      <xsl:apply-templates select="//*[@e:ref]" mode="m:units">
        <xsl:with-param name="indexes" select="f:sibling-indexes(.)" tunnel="yes"/>
      </xsl:apply-templates>
    </units>
  </xsl:template>

  <xsl:template match="*" mode="m:units">
    <xsl:param name="indexes" as="map(xs:string, xs:integer)" tunnel="yes"/>
    <unit ref="{@e:ref}" id="{@e:id}" unit="{@e:unit}" value="{@e:value}" path="{f:path(., $indexes)}"
      label="{normalize-space(f:head(.))}"/>
  </xsl:template>

  <!-- An element's path, as path() writes it. path() counts the preceding siblings of each step
       anew, which makes the paths of many sibling units cost the square of their number; the
       indexes are counted once. -->
  <xsl:function name="f:path" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:param name="indexes" as="map(xs:string, xs:integer)"/>
    <xsl:sequence select="string-join($element/ancestor-or-self::* ! ('/Q{' || namespace-uri() || '}'
      || local-name() || '[' || $indexes(generate-id()) || ']'))"/>
  </xsl:function>

  <!-- Each element's place among its parent's children of its name, counted from 1. -->
  <xsl:function name="f:sibling-indexes" as="map(xs:string, xs:integer)">
    <xsl:param name="document" as="document-node()"/>
    <xsl:map>
      <xsl:for-each select="$document/descendant-or-self::node()[*]">
        <xsl:for-each-group select="*" group-by="node-name()">
          <xsl:for-each select="current-group()">
            <xsl:map-entry key="generate-id()" select="position()"/>
          </xsl:for-each>
        </xsl:for-each-group>
      </xsl:for-each>
    </xsl:map>
  </xsl:function>
</xsl:stylesheet>
