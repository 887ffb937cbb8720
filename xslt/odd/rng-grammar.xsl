<?xml version="1.0" encoding="UTF-8"?>
<!-- The grammar: one define per datatype, macro, attribute class and element of the schemaSpec. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:m="urn:edition:modes"
  xmlns="http://relaxng.org/ns/structure/1.0"
  xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode on-no-match="fail"/>
  <xsl:mode name="m:define" on-no-match="fail"/>

  <xsl:template match="/">
    <xsl:apply-templates select="//schemaSpec"/>
  </xsl:template>

  <xsl:template match="schemaSpec">
    <grammar ns="{@ns}" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
      <xsl:namespace name="a" select="'http://relaxng.org/ns/compatibility/annotations/1.0'"/>
      <xsl:comment> Generated from schema/edition.odd by xslt/odd2rng.xsl: edit the ODD, then run `edition schema`. </xsl:comment>
      <start><ref name="{@start}"/></start>
      <xsl:apply-templates select="dataSpec, macroSpec, classSpec[@type = 'atts'], elementSpec"
        mode="m:define"/>
    </grammar>
  </xsl:template>

  <xsl:template match="dataSpec | macroSpec" mode="m:define">
    <define name="{@ident}">
      <a:documentation>{normalize-space(desc)}</a:documentation>
      <xsl:apply-templates select="content/*" mode="m:content"/>
    </define>
  </xsl:template>

  <xsl:template match="classSpec" mode="m:define">
    <define name="{@ident}.attributes">
      <a:documentation>{normalize-space(desc)}</a:documentation>
      <xsl:apply-templates select="attList/attDef" mode="m:attribute"/>
      <xsl:if test="empty(attList/attDef)"><empty/></xsl:if>
    </define>
  </xsl:template>

  <xsl:template match="elementSpec" mode="m:define">
    <define name="{@ident}">
      <element name="{@ident}">
        <a:documentation>{normalize-space(desc)}</a:documentation>
        <xsl:for-each select="classes/memberOf/@key">
          <ref name="{.}.attributes"/>
        </xsl:for-each>
        <xsl:apply-templates select="attList/attDef" mode="m:attribute"/>
        <xsl:apply-templates select="content/*" mode="m:content"/>
      </element>
    </define>
  </xsl:template>
</xsl:stylesheet>
