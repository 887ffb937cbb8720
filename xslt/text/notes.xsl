<?xml version="1.0" encoding="UTF-8"?>
<!-- The reading text's notes: a numbered marker where the editors intervened or identified a
     quotation, and the notes, numbered, at the end. The numbers are those the normalisation
     pass stamped (@e:n). The diplomatic text has none. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised" xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- The elements that carry a note, in document order. -->
  <xsl:function name="f:noted" as="element()*">
    <xsl:param name="document" as="document-node()"/>
    <xsl:sequence select="if (f:is-diplomatic()) then () else $document/TEI/text//*[@e:n]"/>
  </xsl:function>

  <xsl:function name="f:note-marker" as="xs:string?">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="if (f:is-diplomatic()) then () else '[' || $element/@e:n || ']'"/>
  </xsl:function>

  <!-- An intervention's note begins with the reading it is about; a quotation's, paraphrase's or
       allusion's says where it is from; a note of the commentary is marked as such and ends with
       its sources. -->
  <xsl:function name="f:note-text" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="if ($element/self::choice)
      then normalize-space($element/*[@e:reading = 'shown']) || '] ' || $element/@e:note || '.'
      else if (f:is-commentary($element)) then f:commentary-text($element)
      else normalize-space(string-join($element/@source ! f:quoted-from(.))) => replace('\s+([,.])', '$1')"/>
  </xsl:function>

  <xsl:mode name="m:note-text" on-no-match="fail"/>

  <!-- "Commentary.", the note's words (the editors' quotation marks added), then its sources. -->
  <xsl:function name="f:commentary-text" as="xs:string">
    <xsl:param name="note" as="element(note)"/>
    <xsl:variable name="words" as="xs:string*">
      <xsl:apply-templates select="f:commentary-nodes($note)" mode="m:note-text"/>
    </xsl:variable>
    <xsl:variable name="sources" as="xs:string*"
      select="f:commentary-nodes($note)/descendant-or-self::ptr[@type = 'source']/@target ! f:reference-label(.)"/>
    <xsl:variable name="listed" as="xs:string" select="string-join($sources, '; ')"/>
    <xsl:sequence select="'Commentary. ' || normalize-space(string-join($words))
      || (if (exists($sources)) then (if (count($sources) gt 1) then ' Sources: ' else ' Source: ')
        || $listed || ('.'[not(matches($listed, '[.!?]$'))]) else '')"/>
  </xsl:function>

  <xsl:template match="text()" mode="m:note-text">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="q" mode="m:note-text">
    <xsl:text>“</xsl:text>
    <xsl:apply-templates mode="m:note-text"/>
    <xsl:text>”</xsl:text>
  </xsl:template>

  <xsl:template match="title | quote | persName | orgName | placeName | eventName | date | foreign | ref"
    mode="m:note-text">
    <xsl:apply-templates mode="m:note-text"/>
  </xsl:template>

  <xsl:template match="ptr | comment() | processing-instruction()" mode="m:note-text"/>

  <xsl:template match="*" mode="m:note-text" priority="-1">
    <xsl:sequence select="f:unhandled(., 'text')"/>
  </xsl:template>

  <xsl:function name="f:endnotes" as="xs:string*">
    <xsl:param name="document" as="document-node()"/>
    <xsl:variable name="noted" as="element()*" select="f:noted($document)"/>
    <xsl:if test="exists($noted)">
      <xsl:sequence select="$rule, 'Notes', $noted ! f:wrap(f:note-marker(.) || ' ' || f:note-text(.))"/>
    </xsl:if>
  </xsl:function>
</xsl:stylesheet>
