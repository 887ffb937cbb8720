<?xml version="1.0" encoding="UTF-8"?>
<!-- Attribute definitions of the ODD to RELAX NG attributes: closed value lists or datatypes. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
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
        <xsl:otherwise>
          <xsl:apply-templates select="datatype/*" mode="m:content"/>
        </xsl:otherwise>
      </xsl:choose>
    </attribute>
  </xsl:template>
</xsl:stylesheet>
