<?xml version="1.0" encoding="UTF-8"?>
<!-- The citation scheme of a document, read from its refsDecl/citeStructure: every citable
     node with its reference ("7.2", cited as "<document id>:7.2") and its HTML id ("point-7.2").
     @match is evaluated relative to the node of the enclosing level (the document for the
     outermost), @use relative to each matched node, with the node's position among the matched
     nodes as the context position, so that use="position()" counts them from 1. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- Every citable node of a document: a map from the node's generated id (never written
       out) to map { 'node', 'ref', 'id', 'unit' }. -->
  <xsl:function name="f:citations" as="map(xs:string, map(*))" cache="yes">
    <xsl:param name="document" as="document-node()"/>
    <xsl:variable name="structure" as="element(citeStructure)?"
      select="($document/TEI/teiHeader/encodingDesc/refsDecl/citeStructure)[1]"/>
    <xsl:sequence select="map:merge(
      $structure ! f:cite-level(., $document, (), ()) ! map:entry(generate-id(?node), .))"/>
  </xsl:function>

  <xsl:function name="f:cite-level" as="map(*)*">
    <xsl:param name="structure" as="element(citeStructure)"/>
    <xsl:param name="context" as="node()"/>
    <xsl:param name="parent-ref" as="xs:string?"/>
    <xsl:param name="parent-id" as="xs:string?"/>
    <xsl:variable name="nodes" as="node()*">
      <xsl:evaluate xpath="$structure/@match" context-item="$context"
        namespace-context="$structure"/>
    </xsl:variable>
    <xsl:variable name="values" as="xs:string*">
      <xsl:evaluate xpath="'(' || $structure/@match || ') ! string(' || $structure/@use || ')'"
        context-item="$context" namespace-context="$structure"/>
    </xsl:variable>
    <xsl:for-each select="$nodes">
      <xsl:variable name="position" as="xs:integer" select="position()"/>
      <xsl:variable name="value" as="xs:string" select="f:checked-value($values[$position], .)"/>
      <xsl:variable name="ref" as="xs:string" select="f:join($parent-ref, $structure/@delim, $value)"/>
      <xsl:variable name="id" as="xs:string"
        select="(@xml:id, if ($parent-id) then f:join($parent-id, $structure/@delim, $value)
          else $structure/@unit || '-' || $value)[1]"/>
      <xsl:sequence select="map { 'node': ., 'ref': $ref, 'id': $id, 'unit': string($structure/@unit) }"/>
      <xsl:sequence select="$structure/citeStructure ! f:cite-level(., current(), $ref, $id)"/>
    </xsl:for-each>
  </xsl:function>

  <!-- A reference names files and URLs: what a scheme yields must be a plain word (letters,
       digits, . _ ~ -), whatever the document holds. -->
  <xsl:function name="f:checked-value" as="xs:string">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="if (matches($value, '^[\p{L}\p{N}][\p{L}\p{N}._~\-]{0,63}$')) then $value
      else error(QName('urn:edition:errors', 'unsafe-reference'), 'the citation scheme gives the reference &quot;'
        || substring($value, 1, 40) || '&quot;, which is not a plain word of at most 64 letters, digits, '
        || 'dots, underscores, tildes and hyphens, at ' || path($node))"/>
  </xsl:function>

  <xsl:function name="f:join" as="xs:string">
    <xsl:param name="parent" as="xs:string?"/>
    <xsl:param name="delim" as="attribute(delim)?"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="if ($parent) then $parent || string($delim) || $value else $value"/>
  </xsl:function>

  <!-- The citation entry of a node, if it is citable. -->
  <xsl:function name="f:citation" as="map(*)?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="f:citations(root($node))(generate-id($node))"/>
  </xsl:function>

  <!-- The innermost citable node that holds a node (or is it). -->
  <xsl:function name="f:citing" as="map(*)?">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="table" as="map(xs:string, map(*))" select="f:citations(root($node))"/>
    <xsl:sequence select="($node/ancestor-or-self::node() ! $table(generate-id(.)))[last()]"/>
  </xsl:function>

  <!-- A document's id, as references begin with it. -->
  <xsl:function name="f:document-id" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="tei" as="element(TEI)?" select="root($node)/TEI"/>
    <xsl:sequence select="normalize-space(($tei/teiHeader/fileDesc/publicationStmt/idno[@type = 'document'],
      $tei/@xml:id, 'document')[normalize-space()][1])"/>
  </xsl:function>
</xsl:stylesheet>
