<?xml version="1.0" encoding="UTF-8"?>
<!-- Inline content to characters: the reading of an intervention the normalisation pass marked
     shown, and in the reading view each note's marker (an intervention, a quotation, paraphrase
     or allusion with its source, a note of the commentary, whose words go to the endnotes). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:inline" on-no-match="fail"/>

  <xsl:template match="text()" mode="m:inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="choice" mode="m:inline">
    <xsl:apply-templates select="*[@e:reading = 'shown']/node()" mode="m:inline"/>
    <xsl:value-of select="f:note-marker(.)"/>
  </xsl:template>

  <xsl:template match="quote[@source] | seg[@type = 'allusion'][@source]" mode="m:inline">
    <xsl:apply-templates mode="m:inline"/>
    <xsl:value-of select="f:note-marker(.)"/>
  </xsl:template>

  <!-- A run-in head, at the start of its paragraph. -->
  <xsl:template match="head[@e:attached]" mode="m:inline">
    <xsl:apply-templates mode="m:inline"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="persName | orgName | placeName | eventName | date | quote | q | title | author
    | ref | gi | att | val | ident | hi | name | foreign | emph | term" mode="m:inline">
    <xsl:apply-templates mode="m:inline"/>
  </xsl:template>

  <xsl:template match="note[f:is-commentary(.)]" mode="m:inline">
    <xsl:value-of select="f:note-marker(.)"/>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction() | ptr | note" mode="m:inline"/>

  <xsl:template match="*" mode="m:inline" priority="-1">
    <xsl:sequence select="f:unhandled(., 'text')"/>
  </xsl:template>
</xsl:stylesheet>
