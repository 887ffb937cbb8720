<?xml version="1.0" encoding="UTF-8"?>
<!-- What both generic renderings (html/generic.xsl, text/generic.xsl) of a foreign TEI
     document share: which of its nodes are its text and which of TEI's elements are blocks.
     Nothing here knows any encoding but TEI's own. Its id and title are f:document-id and
     f:work-title (common/header.xsl), as for every document. No foreign document goes through
     the normalisation pass: its citation scheme, if it has one, is not the edition's to
     evaluate. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">


  <!-- The texts of a document; a document with none (not TEI at all) gives all it holds
       but a header. -->
  <xsl:function name="f:generic-texts" as="node()*">
    <xsl:param name="document" as="document-node()"/>
    <xsl:variable name="texts" as="element(text)*" select="$document/(TEI | teiCorpus/descendant::TEI)/text"/>
    <xsl:sequence select="if (exists($texts)) then $texts else $document/*/(node() except teiHeader)"/>
  </xsl:function>

  <!-- Divisions: sections of a page, blocks of a text. -->
  <xsl:variable name="generic-divisions" static="yes" as="xs:string*" select="tokenize('text front
    body back group div div1 div2 div3 div4 div5 div6 div7 floatingText')"/>

  <!-- A block: a division or one of the elements below; a stage direction when it stands
       between speeches, not inside a line; a bibliographic entry when it is one of a list. It
       is a pattern, so that the walks of both renderings find a block by its name, as the
       processor finds any template rule, and ask nothing else of an element that is no block. -->
  <xsl:variable name="generic-block-pattern" static="yes" as="xs:string" select="string-join((
    $generic-divisions, tokenize('head p ab l lg list item sp spGroup speaker table row figure
    titlePage docTitle titlePart byline docAuthor docDate docEdition docImprint imprimatur opener
    closer salute signed dateline trailer epigraph argument postscript label castList castGroup
    castItem set prologue epilogue performance listBibl listPerson person listPlace place listOrg
    org listEvent event address addrLine'),
    'stage[parent::*[local-name() = (''sp'', ''lg'', $generic-divisions)]]', 'listBibl/bibl'), ' | ')"/>

  <xsl:mode name="m:generic-is-block" on-no-match="fail"/>

  <xsl:function name="f:generic-is-block" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:apply-templates select="$element" mode="m:generic-is-block"/>
  </xsl:function>

  <xsl:template _match="{$generic-block-pattern}" mode="m:generic-is-block" as="xs:boolean">
    <xsl:sequence select="true()"/>
  </xsl:template>

  <xsl:template match="*" mode="m:generic-is-block" priority="-1" as="xs:boolean">
    <xsl:sequence select="false()"/>
  </xsl:template>
</xsl:stylesheet>
