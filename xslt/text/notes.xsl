<?xml version="1.0" encoding="UTF-8"?>
<!-- The reading text's notes: a numbered marker where the editors intervened or identified a
     quotation, and the notes, numbered, at the end. The numbers are those the normalisation
     pass stamped (@e:n). The diplomatic text has none. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:e="urn:edition:normalised" xpath-default-namespace="http://www.tei-c.org/ns/1.0"
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

  <!-- An intervention's note begins with the reading it is about; a quotation's says where
       it is from. -->
  <xsl:function name="f:note-text" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="if ($element/self::choice)
      then normalize-space($element/*[@e:reading = 'shown']) || '] ' || $element/@e:note || '.'
      else normalize-space(string-join($element/@source ! f:quoted-from(.))) => replace('\s+([,.])', '$1')"/>
  </xsl:function>

  <xsl:function name="f:endnotes" as="xs:string*">
    <xsl:param name="document" as="document-node()"/>
    <xsl:variable name="noted" as="element()*" select="f:noted($document)"/>
    <xsl:if test="exists($noted)">
      <xsl:sequence select="$rule, 'Notes', $noted ! f:wrap(f:note-marker(.) || ' ' || f:note-text(.))"/>
    </xsl:if>
  </xsl:function>
</xsl:stylesheet>
