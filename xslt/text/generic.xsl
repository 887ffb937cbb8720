<?xml version="1.0" encoding="UTF-8"?>
<!-- A foreign TEI document (one not valid against the edition's schema) as plain text: its
     title, a rule, then every word of its text in document order. Nothing here knows any
     encoding but TEI's own: an element is a block (a paragraph of its own), a line of verse
     (a line of its own) or inline (its words run on). Notes stand where they are, in square
     brackets; every reading of a choice is kept, the later ones after a slash.

     The walk (mode m:generic-text-flow) writes one flat temporary tree: the source's text, its
     adjacent text nodes merged as they are written, and wherever a block begins or ends an
     empty f:blank-line (or, between lines of verse, f:line). The blocks are then cut from
     that tree once: each text between two markers is a block, its spaces normalised. So text
     that stands beside blocks in one element, or a block inside an inline element, is neither
     lost nor looked at twice, and no element inspects its descendants.

     The including driver includes common/generic.xsl (what both generic renderings share)
     and text/document.xsl ($rule). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:generic-text" on-no-match="fail"/>
  <xsl:mode name="m:generic-text-flow" on-no-match="fail"/>

  <!-- The result is written as it is made, not returned as one string: a string the size of
       a novel costs more than the rest of the transform. -->
  <xsl:template match="document-node()" mode="m:generic-text">
    <xsl:variable name="flat" as="document-node()">
      <xsl:document>
        <xsl:apply-templates select="f:generic-texts(.)" mode="m:generic-text-flow"/>
      </xsl:document>
    </xsl:variable>
    <xsl:value-of select="normalize-unicode(string-join((f:work-title(.), $rule, ''), '&#10;&#10;'))"/>
    <!-- Each text with words is a block, its spaces normalised; between two blocks the widest
         break that stood there, none before the first or after the last. -->
    <xsl:iterate select="$flat/node()">
      <xsl:param name="break" as="xs:string?" select="()"/>
      <xsl:choose>
        <xsl:when test="self::text()">
          <xsl:variable name="words" as="xs:string" select="normalize-unicode(normalize-space())"/>
          <xsl:if test="$words">
            <xsl:value-of select="$break || $words"/>
            <xsl:next-iteration>
              <xsl:with-param name="break" select="''"/>
            </xsl:next-iteration>
          </xsl:if>
        </xsl:when>
        <xsl:when test="exists($break)">
          <xsl:next-iteration>
            <xsl:with-param name="break" select="if ($break eq '&#10;&#10;' or self::f:blank-line)
              then '&#10;&#10;' else '&#10;'"/>
          </xsl:next-iteration>
        </xsl:when>
      </xsl:choose>
    </xsl:iterate>
    <xsl:value-of select="'&#10;'"/>
  </xsl:template>

  <!-- The walk -->

  <xsl:template match="text()" mode="m:generic-text-flow">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction()" mode="m:generic-text-flow"/>

  <!-- Blocks (common/generic.xsl says which) are paragraphs of their own. -->
  <xsl:template _match="{$generic-block-pattern}" priority="0" mode="m:generic-text-flow">
    <f:blank-line/>
    <xsl:apply-templates mode="m:generic-text-flow"/>
    <f:blank-line/>
  </xsl:template>

  <!-- A line of verse (or of an address) has a line of its own; next to another line a line
       break sets it off, next to anything else a blank line. Page and column breaks between
       two lines do not part them. -->
  <xsl:template match="l | addrLine" mode="m:generic-text-flow" priority="1">
    <xsl:sequence select="f:break-beside(preceding-sibling::*[not(f:is-break(.))][1])"/>
    <xsl:apply-templates mode="m:generic-text-flow"/>
    <xsl:sequence select="f:break-beside(following-sibling::*[not(f:is-break(.))][1])"/>
  </xsl:template>

  <xsl:function name="f:break-beside" as="element()">
    <xsl:param name="neighbour" as="element()?"/>
    <xsl:choose>
      <xsl:when test="$neighbour[self::l or self::addrLine]"><f:line/></xsl:when>
      <xsl:otherwise><f:blank-line/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="f:is-break" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element[self::pb or self::cb or self::lb or self::milestone or self::anchor])"/>
  </xsl:function>

  <!-- A note in square brackets where it stands; a note, quotation or citation that holds
       blocks is itself a block (a note's brackets then open its first block and close its
       last). Whether it holds blocks is seen from its own walk, which has markers then. -->
  <xsl:template match="note | quote | cit" mode="m:generic-text-flow">
    <xsl:variable name="inner" as="node()*">
      <xsl:apply-templates mode="m:generic-text-flow"/>
    </xsl:variable>
    <xsl:variable name="words" as="text()*" select="$inner[self::text()][normalize-space()]"/>
    <xsl:choose>
      <xsl:when test="empty($inner[self::f:*]) and self::note">
        <xsl:value-of select="' [' || normalize-space(string-join($inner)) || ']'"/>
      </xsl:when>
      <xsl:when test="empty($inner[self::f:*])">
        <xsl:sequence select="$inner"/>
      </xsl:when>
      <xsl:when test="self::note">
        <f:blank-line/>
        <xsl:for-each select="$inner">
          <xsl:choose>
            <xsl:when test=". is $words[1] and . is $words[last()]">[{normalize-space()}]</xsl:when>
            <xsl:when test=". is $words[1]">[{replace(., '^\s+', '')}</xsl:when>
            <xsl:when test=". is $words[last()]">{replace(., '\s+$', '')}]</xsl:when>
            <xsl:otherwise><xsl:sequence select="."/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <f:blank-line/>
      </xsl:when>
      <xsl:otherwise>
        <f:blank-line/>
        <xsl:sequence select="$inner"/>
        <f:blank-line/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Every reading of a choice (sic and corr, abbr and expan, orig and reg), in the source's
       order; every cell of a row. -->
  <xsl:template match="choice/*[preceding-sibling::*] | row/cell[preceding-sibling::cell]"
    mode="m:generic-text-flow">
    <xsl:value-of select="if (self::cell) then ' | ' else ' / '"/>
    <xsl:apply-templates mode="m:generic-text-flow"/>
  </xsl:template>

  <!-- Anything else is inline: its words, nothing more. -->
  <xsl:template match="*" mode="m:generic-text-flow" priority="-1">
    <xsl:apply-templates mode="m:generic-text-flow"/>
  </xsl:template>
</xsl:stylesheet>
