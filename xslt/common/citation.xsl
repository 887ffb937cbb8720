<?xml version="1.0" encoding="UTF-8"?>
<!-- The citation scheme of a document, read from its refsDecl/citeStructure: every citable
     element with its reference ("7.2", cited as "<document id>:7.2"), its fragment id
     ("point-7.2"), its unit ("block") and its own value ("2"). Only the normalisation pass
     (common/normalise.xsl) calls it; the outputs read the stamps that pass leaves.

     Each top-level citeStructure is evaluated at the document, each nested one at each unit of
     its parent. @match is evaluated relative to that context, @use relative to each matched
     node, with the node's position among the matched nodes as the context position, so that
     use="position()" counts them from 1. The expressions have been held to the scheme's small
     language (edition/scheme.py) before any transform runs; what they yield is checked here. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- Every citable element of a document: a map from the element's generated id (never
       written out) to map { 'node', 'ref', 'id', 'unit', 'value' }. -->
  <xsl:function name="f:citations" as="map(xs:string, map(*))">
    <xsl:param name="document" as="document-node()"/>
    <xsl:variable name="structures" as="element(citeStructure)*"
      select="$document/TEI/teiHeader/encodingDesc/refsDecl/citeStructure"/>
    <xsl:variable name="found" as="array(array(*))?">
      <xsl:if test="exists($structures)">
        <xsl:evaluate xpath="'[' || string-join($structures ! ('array { ' || f:scheme-expression(.) || ' }'), ', ') || ']'"
          context-item="$document" namespace-context="$structures[1]"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="entries" as="map(*)*"
      select="(for $i in 1 to count($structures) return f:cite-level($structures[$i], $found($i), map { }))
        => f:distinct('reference', function ($e) { $e?ref })
        => f:distinct('id', function ($e) { $e?id })
        => f:distinct('unit', function ($e) { generate-id($e?node) })"/>
    <xsl:sequence select="map:merge($entries ! map:entry(generate-id(?node), .))"/>
  </xsl:function>

  <!-- The whole scheme as one expression, evaluated once: each evaluation compiles its
       expression anew, which costs more than the evaluation. A level gives, for each unit, an
       array of the unit, its value, and an array of the units of each level below it:
       "(MATCH) ! [., string(USE), array { ... }]". The expressions inserted are those the
       scheme's language allows (edition/scheme.py); their parentheses stay balanced. -->
  <xsl:function name="f:scheme-expression" as="xs:string">
    <xsl:param name="structure" as="element(citeStructure)"/>
    <xsl:sequence select="'(' || $structure/@match || ') ! [., string(' || $structure/@use || ')'
      || string-join($structure/citeStructure ! (', array { ' || f:scheme-expression(.) || ' }')) || ']'"/>
  </xsl:function>

  <!-- The units one level gave ($found: an array of what f:scheme-expression describes) under
       the unit $parent (an empty map for the document), each followed by the units below it:
       in document order when the scheme's levels nest as the document does. -->
  <xsl:function name="f:cite-level" as="map(*)*">
    <xsl:param name="structure" as="element(citeStructure)"/>
    <xsl:param name="found" as="array(*)"/>
    <xsl:param name="parent" as="map(*)"/>
    <xsl:variable name="unit" as="xs:string" select="f:checked-unit-name($structure)"/>
    <xsl:variable name="children" as="element(citeStructure)*" select="$structure/citeStructure"/>
    <xsl:for-each select="$found?*">
      <xsl:variable name="entry" as="array(*)" select="."/>
      <xsl:variable name="self" as="map(*)" select="f:unit($structure, $unit, $parent, $entry(1), $entry(2))"/>
      <xsl:sequence select="$self, (for $i in 1 to count($children) return f:cite-level($children[$i], $entry(2 + $i), $self))"/>
    </xsl:for-each>
  </xsl:function>

  <!-- A unit: its reference and id are its parent's (if any), the delimiter and its value. -->
  <xsl:function name="f:unit" as="map(*)">
    <xsl:param name="structure" as="element(citeStructure)"/>
    <xsl:param name="unit" as="xs:string"/>
    <xsl:param name="parent" as="map(*)"/>
    <xsl:param name="node" as="node()"/>
    <xsl:param name="use" as="xs:string"/>
    <xsl:variable name="value" as="xs:string" select="f:checked-value($use, $node)"/>
    <xsl:sequence select="map {
      'node': f:checked-unit($node),
      'ref': f:join($parent?ref, $structure/@delim, $value),
      'id': ($node/@xml:id, if ($parent?id) then f:join($parent?id, $structure/@delim, $value)
        else $unit || '-' || $value)[1] ! string(),
      'unit': $unit,
      'value': $value }"/>
  </xsl:function>

  <!-- A reference names files and URLs: what a scheme yields must be a plain word (ASCII letters,
       digits, . _ ~ -), whatever the document holds. -->
  <xsl:variable name="f:plain-word" as="xs:string" select="'^[A-Za-z0-9][A-Za-z0-9._~\-]{0,63}$'"/>

  <xsl:function name="f:checked-value" as="xs:string">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="if (matches($value, $f:plain-word)) then $value
      else error(QName('urn:edition:errors', 'unsafe-reference'), 'the citation scheme gives the reference &quot;'
        || substring($value, 1, 40) || '&quot;, which is not a plain word of at most 64 letters, digits, '
        || 'dots, underscores, tildes and hyphens, at ' || path($node))"/>
  </xsl:function>

  <!-- A unit's name begins the ids of its units: a plain word too. -->
  <xsl:function name="f:checked-unit-name" as="xs:string">
    <xsl:param name="structure" as="element(citeStructure)"/>
    <xsl:sequence select="if (matches($structure/@unit, $f:plain-word)) then string($structure/@unit)
      else error(QName('urn:edition:errors', 'unsafe-unit'), 'the unit name &quot;'
        || substring($structure/@unit, 1, 40) || '&quot; of a citeStructure is not a plain word of at most 64 '
        || 'letters, digits, dots, underscores, tildes and hyphens, at ' || path($structure))"/>
  </xsl:function>

  <!-- The outputs stamp a unit on its element: a scheme that selects text or attributes
       cites nothing they can show. -->
  <xsl:function name="f:checked-unit" as="element()">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="if ($node instance of element()) then $node
      else error(QName('urn:edition:errors', 'unit-not-element'), 'the citation scheme selects a node '
        || 'that is not an element (only elements can be cited), at ' || path($node))"/>
  </xsl:function>

  <!-- The entries, once it is certain that no two units have one reference or one id (they
       could not both be found) and no element is two units: else the scheme is refused at
       the second. Grouping keeps this linear. -->
  <xsl:function name="f:distinct" as="map(*)*">
    <xsl:param name="entries" as="map(*)*"/>
    <xsl:param name="what" as="xs:string"/>
    <xsl:param name="key" as="function(map(*)) as xs:string"/>
    <xsl:variable name="keys" as="xs:string*" select="$entries ! $key(.)"/>
    <xsl:if test="count(distinct-values($keys)) ne count($keys)">
      <xsl:for-each-group select="$entries" group-by="$key(.)">
        <xsl:if test="count(current-group()) gt 1">
          <xsl:sequence select="error(QName('urn:edition:errors', 'duplicate-reference'), 'the citation scheme '
            || (if ($what = 'unit') then 'cites one element twice'
                else 'gives two units the ' || $what || ' &quot;' || current-grouping-key() || '&quot;')
            || ', the second at ' || path(current-group()[2]?node))"/>
        </xsl:if>
      </xsl:for-each-group>
    </xsl:if>
    <xsl:sequence select="$entries"/>
  </xsl:function>

  <xsl:function name="f:join" as="xs:string">
    <xsl:param name="parent" as="xs:string?"/>
    <xsl:param name="delim" as="attribute(delim)?"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="if ($parent) then $parent || string($delim) || $value else $value"/>
  </xsl:function>
</xsl:stylesheet>
