<?xml version="1.0" encoding="UTF-8"?>
<!-- Attribute definitions of the ODD to RELAX NG attributes: closed value lists or datatypes. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns="http://relaxng.org/ns/structure/1.0"
  xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:attribute" on-no-match="fail"/>
  <xsl:mode name="m:attribute-pattern" on-no-match="fail"/>

  <xsl:template match="attDef[@usage = 'req']" mode="m:attribute">
    <xsl:apply-templates select="." mode="m:attribute-pattern"/>
  </xsl:template>

  <xsl:template match="attDef" mode="m:attribute">
    <optional><xsl:apply-templates select="." mode="m:attribute-pattern"/></optional>
  </xsl:template>

  <!-- A list of values: the datatype as often as minOccurs says, then optionally up to
       maxOccurs times, or any number of times more when maxOccurs is unbounded. -->
  <xsl:function name="f:repeated" as="element()*">
    <xsl:param name="datatype" as="element(datatype)"/>
    <xsl:variable name="min" as="xs:integer" select="xs:integer(($datatype/@minOccurs, 1)[1])"/>
    <xsl:variable name="pattern" as="element()*">
      <xsl:apply-templates select="$datatype/*" mode="m:content"/>
    </xsl:variable>
    <xsl:sequence select="(1 to $min) ! $pattern"/>
    <xsl:choose>
      <xsl:when test="$datatype/@maxOccurs = 'unbounded'">
        <zeroOrMore><xsl:sequence select="$pattern"/></zeroOrMore>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$min + 1 to xs:integer($datatype/@maxOccurs)">
          <optional><xsl:sequence select="$pattern"/></optional>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:template match="attDef" mode="m:attribute-pattern">
    <attribute name="{@ident}">
      <xsl:if test="@ns"><xsl:attribute name="ns" select="@ns"/></xsl:if>
      <a:documentation>{normalize-space(desc)}</a:documentation>
      <xsl:choose>
        <xsl:when test="valList[@type = 'closed']">
          <choice>
            <xsl:for-each select="valList/valItem">
              <value>{@ident}</value>
            </xsl:for-each>
          </choice>
        </xsl:when>
        <xsl:when test="datatype/@maxOccurs">
          <list><xsl:sequence select="f:repeated(datatype)"/></list>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="datatype/*" mode="m:content"/>
        </xsl:otherwise>
      </xsl:choose>
    </attribute>
  </xsl:template>
</xsl:stylesheet>
