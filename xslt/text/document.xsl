<?xml version="1.0" encoding="UTF-8"?>
<!-- The whole text file of a normalised document: in the reading view a short title block
     first, then the text as blocks separated by blank lines, each citable unit preceded by its
     reference; in the diplomatic view the text alone, as the source. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">


  <xsl:mode name="m:text" on-no-match="fail"/>

  <xsl:variable name="rule" as="xs:string" select="string-join((1 to $width) ! '=')"/>

  <xsl:template match="document-node()" mode="m:text">
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:apply-templates select="TEI/text" mode="m:blocks"/>
    </xsl:variable>
    <xsl:variable name="front" as="xs:string*"
      select="if (f:is-diplomatic()) then () else (f:title-block(.), $rule)"/>
    <xsl:value-of select="normalize-unicode(string-join(($front, $blocks, f:endnotes(.)), '&#10;&#10;') || '&#10;')"/>
  </xsl:template>

  <xsl:function name="f:title-block" as="xs:string?">
    <xsl:param name="document" as="document-node()"/>
    <xsl:variable name="file" as="element(fileDesc)?" select="$document/TEI/teiHeader/fileDesc"/>
    <xsl:variable name="source" as="element(bibl)?" select="$file/sourceDesc/bibl[@type = 'source']"/>
    <xsl:sequence select="if (empty($file)) then () else string-join((
      f:wrap(f:work-title($document)),
      f:wrap(string-join(($source/author, $source/date[not(@type)]) ! normalize-space(), ', ')),
      f:wrap(normalize-space($file/publicationStmt/publisher) || ', version '
        || $file/editionStmt/edition/@n || '. Reading text of document '
        || f:document-id($document) || '.')
    )[normalize-space()], '&#10;')"/>
  </xsl:function>

  <!-- Wraps at $width columns in the reading view; the diplomatic view keeps the source's
       paragraphs on single lines. -->
  <xsl:function name="f:wrap" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="if (f:is-diplomatic()) then $text
      else replace($text || ' ', '(.{1,' || $width || '}) ', '$1&#10;') => replace('&#10;$', '')"/>
  </xsl:function>
</xsl:stylesheet>
