<?xml version="1.0" encoding="UTF-8"?>
<!-- Content models of pure ODD to RELAX NG patterns, with their occurrence indicators. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:m="urn:edition:modes"
  xmlns:f="urn:edition:functions" xmlns="http://relaxng.org/ns/structure/1.0"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:content" on-no-match="fail"/>
  <xsl:mode name="m:pattern" on-no-match="fail"/>

  <!-- Each particle is wrapped by its occurrence, then rendered by m:pattern. -->
  <xsl:template match="*" mode="m:content">
    <xsl:variable name="pattern" as="element()">
      <xsl:apply-templates select="." mode="m:pattern"/>
    </xsl:variable>
    <xsl:sequence select="f:occurrence(., $pattern)"/>
  </xsl:template>

  <xsl:template match="sequence" mode="m:pattern">
    <group><xsl:apply-templates select="*" mode="m:content"/></group>
  </xsl:template>

  <xsl:template match="alternate" mode="m:pattern">
    <choice><xsl:apply-templates select="*" mode="m:content"/></choice>
  </xsl:template>

  <xsl:template match="elementRef | macroRef | dataRef[@key]" mode="m:pattern">
    <ref name="{@key}"/>
  </xsl:template>

  <xsl:template match="dataRef[@name]" mode="m:pattern">
    <data type="{@name}"/>
  </xsl:template>

  <xsl:template match="textNode" mode="m:pattern">
    <text/>
  </xsl:template>

  <xsl:template match="empty" mode="m:pattern">
    <empty/>
  </xsl:template>

  <xsl:template match="*" mode="m:pattern" priority="-1">
    <xsl:sequence select="error(QName('urn:edition:errors', 'unsupported-odd'),
      'edition.odd: ' || name() || ' is not supported in a content model by odd2rng.xsl')"/>
  </xsl:template>

  <xsl:function name="f:occurrence" as="element()">
    <xsl:param name="particle" as="element()"/>
    <xsl:param name="pattern" as="element()"/>
    <xsl:variable name="min" as="xs:string" select="string(($particle/@minOccurs, '1')[1])"/>
    <xsl:variable name="max" as="xs:string" select="string(($particle/@maxOccurs, '1')[1])"/>
    <xsl:choose>
      <xsl:when test="$min = '1' and $max = '1'"><xsl:sequence select="$pattern"/></xsl:when>
      <xsl:when test="$min = '0' and $max = '1'"><optional><xsl:sequence select="$pattern"/></optional></xsl:when>
      <xsl:when test="$min = '0' and $max = 'unbounded'"><zeroOrMore><xsl:sequence select="$pattern"/></zeroOrMore></xsl:when>
      <xsl:when test="$min = '1' and $max = 'unbounded'"><oneOrMore><xsl:sequence select="$pattern"/></oneOrMore></xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="error(QName('urn:edition:errors', 'unsupported-odd'),
          'edition.odd: minOccurs=' || $min || ' maxOccurs=' || $max || ' is not supported by odd2rng.xsl')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>
</xsl:stylesheet>
