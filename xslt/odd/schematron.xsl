<?xml version="1.0" encoding="UTF-8"?>
<!-- The ODD's Schematron constraints, one pattern per constraintSpec, in an ISO schema. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron" xmlns:m="urn:edition:modes"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode on-no-match="fail"/>
  <xsl:mode name="m:copy" on-no-match="fail"/>

  <xsl:template match="/">
    <xsl:apply-templates select="//schemaSpec"/>
  </xsl:template>

  <xsl:template match="schemaSpec">
    <sch:schema queryBinding="xslt">
      <xsl:comment> Generated from schema/edition.odd by xslt/odd2sch.xsl: edit the ODD, then run `edition schema`. </xsl:comment>
      <sch:title>The edition's rules beyond its grammar</sch:title>
      <sch:ns prefix="tei" uri="{@ns}"/>
      <xsl:apply-templates select="constraintSpec[@scheme = 'schematron']/constraint/xsl:key" mode="m:copy"/>
      <xsl:apply-templates select="constraintSpec[@scheme = 'schematron']"/>
    </sch:schema>
  </xsl:template>

  <xsl:template match="constraintSpec">
    <sch:pattern id="{@ident}">
      <sch:title>{normalize-space(desc)}</sch:title>
      <xsl:apply-templates select="constraint/sch:*" mode="m:copy"/>
    </sch:pattern>
  </xsl:template>

  <!-- Copied without the ODD's namespaces; text and expressions are reflowed, since the ODD
       wraps them for its readers and error messages are single lines. -->
  <!-- Keys belong to the whole schema: lifted out of their constraint to its top. -->
  <xsl:template match="sch:* | xsl:key" mode="m:copy">
    <xsl:element name="{name()}" namespace="{namespace-uri()}">
      <xsl:apply-templates select="@*, node()" mode="m:copy"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="@*" mode="m:copy">
    <xsl:attribute name="{name()}" select="normalize-space()"/>
  </xsl:template>

  <xsl:template match="text()" mode="m:copy">
    <xsl:value-of select="replace(., '\s+', ' ')"/>
  </xsl:template>
</xsl:stylesheet>
