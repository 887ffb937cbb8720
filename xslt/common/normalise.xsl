<?xml version="1.0" encoding="UTF-8"?>
<!-- The normalisation pass, which every driver runs first on a document of the edition (html,
     text, print, citations): a copy of the document in which what the outputs would otherwise
     each work out for themselves is written down once, in the namespace urn:edition:normalised
     (prefix e:).

     - Every citable unit carries, on its element, its reference (@e:ref, "7.2"), its fragment
       id (@e:id, "point-7.2"), the name of its unit (@e:unit, "block") and its own value
       (@e:value, "2"), from the header's citeStructure (common/citation.xsl).
     - A run-in head (head[@rend = 'run-in']) is moved into the paragraph that follows it, as
       its first child, marked @e:attached: the source prints it at the start of that block.
       It stays where it was if it is a unit itself or no paragraph follows it.
     - Each reading of a choice is marked @e:reading, "shown" or "other", for the view ($view);
       the choice carries the editors' note on it from that view's side (@e:note).
     - Each element the reading text annotates (a choice, a quotation, paraphrase or allusion
       with a source, a note of the editors' commentary) carries its note's number (@e:n),
       counted from 1 in the text: one series, in the order of the text, so that a note has the
       same number in every output.
     - A note of the commentary stays where it is anchored, empty, with its number and a key
       (@e:key); its words move to an e:commentary element after the text (one e:body each,
       with the same key; f:commentary-words finds them). So the text, a heading and a unit
       hold the source's words only, for whatever reads their string value (labels, search),
       and the outputs that render the commentary read its words from one place.

     Nothing else changes: a node of the copy has the path() its original has (so that an
     error names the source's element), unless it is an attached head.

     It is one walk of the document, which looks up what changes in maps made beforehand, each
     in one pass (f:pass), and copies whole, without looking into them, the parts where nothing
     does (the header, the words of a paragraph): its cost grows with the document's size and
     no faster. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:normalise" on-no-match="shallow-copy"/>
  <xsl:mode name="m:attach" on-no-match="fail"/>

  <xsl:function name="f:normalise" as="document-node()">
    <xsl:param name="document" as="document-node()"/>
    <xsl:document>
      <xsl:apply-templates select="$document/node()" mode="m:normalise">
        <xsl:with-param name="pass" select="f:pass($document)" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:document>
  </xsl:function>

  <!-- The same, once per document and transform: for the pages that read many works. -->
  <xsl:function name="f:normalised" as="document-node()" cache="yes">
    <xsl:param name="document" as="document-node()"/>
    <xsl:sequence select="f:normalise($document)"/>
  </xsl:function>

  <!-- What the walk needs, each found in one pass before it, by generated id (never written
       out): 'units', the citable units (common/citation.xsl); 'notes', the number of each noted
       element; 'moved', for each run-in head that moves, the block it moves into, and for that
       block the head; 'touched', every element that changes or holds one that does. The walk
       copies any other element whole, without looking into it. -->
  <xsl:function name="f:pass" as="map(xs:string, map(*))">
    <xsl:param name="document" as="document-node()"/>
    <xsl:variable name="units" as="map(xs:string, map(*))" select="f:citations($document)"/>
    <xsl:variable name="marked" as="element()*"
      select="$document/TEI/text//(choice | quote[@source] | seg[@type = 'allusion'][@source]
        | note[f:is-commentary(.)] | head[@rend = 'run-in'])"/>
    <xsl:variable name="heads" as="element(head)*" select="$marked/self::head[f:attaches(., $units)]"/>
    <xsl:variable name="noted" as="element()*" select="$marked except $marked/self::head"/>
    <xsl:sequence select="map {
      'units': $units,
      'notes': map:merge($noted ! map:entry(generate-id(), position())),
      'moved': map:merge($heads ! (map:entry(generate-id(), following-sibling::*[1]),
        map:entry(generate-id(following-sibling::*[1]), .))),
      'touched': map:merge(($units?*?node, $noted, $noted/self::choice/*, $heads)/ancestor-or-self::*
        ! map:entry(generate-id(), true())) }"/>
  </xsl:function>

  <!-- A note of the editors' commentary (the schema's note type "commentary"): numbered with
       the notes on interventions and quotations, and set apart from them in every output. -->
  <xsl:function name="f:is-commentary" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/self::note[@type = 'commentary'])"/>
  </xsl:function>

  <!-- Whether a run-in head moves into the block after it: a paragraph, and the head no unit
       of its own. -->
  <xsl:function name="f:attaches" as="xs:boolean">
    <xsl:param name="head" as="element(head)"/>
    <xsl:param name="units" as="map(xs:string, map(*))"/>
    <xsl:sequence select="exists($head/following-sibling::*[1][self::p or self::ab])
      and not(map:contains($units, generate-id($head)))"/>
  </xsl:function>

  <!-- The walk -->

  <xsl:template match="*" mode="m:normalise">
    <xsl:param name="pass" as="map(xs:string, map(*))" tunnel="yes"/>
    <xsl:variable name="key" as="xs:string" select="generate-id()"/>
    <xsl:choose>
      <xsl:when test="not(map:contains($pass?touched, $key))">
        <xsl:copy-of select="."/>
      </xsl:when>
      <!-- A run-in head that moves is copied into its block, not here. -->
      <xsl:when test="self::head and map:contains($pass?moved, $key)"/>
      <!-- A note of the commentary leaves its words to e:commentary. -->
      <xsl:when test="f:is-commentary(.)">
        <xsl:copy>
          <xsl:sequence select="@*, f:stamps(., $key, $pass)"/>
          <xsl:attribute name="e:key" select="$key"/>
        </xsl:copy>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:sequence select="@*, f:stamps(., $key, $pass)"/>
          <xsl:apply-templates select="$pass?moved($key)/self::head" mode="m:attach"/>
          <xsl:apply-templates mode="m:normalise"/>
          <xsl:if test="self::TEI">
            <xsl:sequence select="f:commentary-words(text//note[f:is-commentary(.)])"/>
          </xsl:if>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The words of the commentary's notes, each in an e:body keyed as its note. -->
  <xsl:function name="f:commentary-words" as="element()?">
    <xsl:param name="notes" as="element(note)*"/>
    <xsl:if test="exists($notes)">
      <e:commentary>
        <xsl:for-each select="$notes">
          <e:body e:key="{generate-id()}">
            <xsl:sequence select="@xml:lang"/>
            <xsl:copy-of select="node()"/>
          </e:body>
        </xsl:for-each>
      </e:commentary>
    </xsl:if>
  </xsl:function>

  <xsl:key name="f:commentary-body" match="e:body" use="@e:key"/>

  <!-- The words of a note of the commentary, in a normalised document. -->
  <xsl:function name="f:commentary-nodes" as="node()*">
    <xsl:param name="note" as="element(note)"/>
    <xsl:sequence select="key('f:commentary-body', string($note/@e:key), root($note))/node()"/>
  </xsl:function>

  <xsl:template match="head" mode="m:attach">
    <xsl:copy>
      <xsl:sequence select="@*"/>
      <xsl:attribute name="e:attached" select="'true'"/>
      <xsl:apply-templates mode="m:normalise"/>
    </xsl:copy>
  </xsl:template>

  <!-- The stamps of an element: a unit's, a note's number, and a choice's and its readings'. -->
  <xsl:function name="f:stamps" as="attribute()*">
    <xsl:param name="element" as="element()"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="pass" as="map(xs:string, map(*))"/>
    <xsl:for-each select="$pass?units($key)">
      <xsl:attribute name="e:ref" select="?ref"/>
      <xsl:attribute name="e:id" select="?id"/>
      <xsl:attribute name="e:unit" select="?unit"/>
      <xsl:attribute name="e:value" select="?value"/>
    </xsl:for-each>
    <xsl:for-each select="$pass?notes($key)">
      <xsl:attribute name="e:n" select="."/>
    </xsl:for-each>
    <xsl:for-each select="$element/self::choice">
      <xsl:variable name="shown" as="element()" select="f:shown-reading(.)"/>
      <xsl:attribute name="e:note" select="f:explanation($shown, (* except $shown)[1])"/>
    </xsl:for-each>
    <xsl:for-each select="$element/parent::choice">
      <xsl:attribute name="e:reading" select="if ($element is f:shown-reading(.)) then 'shown' else 'other'"/>
    </xsl:for-each>
  </xsl:function>

  <!-- Reading the stamps: what the outputs ask of a normalised document -->

  <!-- A unit's reference as it is cited, "<document id>:<reference>"; none for what is no unit,
       or for no element (a name in a part the scheme does not cite has no unit that holds it). -->
  <xsl:function name="f:reference" as="xs:string?">
    <xsl:param name="unit" as="element()?"/>
    <xsl:sequence select="$unit/@e:ref ! (f:document-id($unit) || ':' || .)"/>
  </xsl:function>

  <!-- The innermost unit that holds a node, or is it. -->
  <xsl:function name="f:citing" as="element()?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node/ancestor-or-self::*[@e:ref][1]"/>
  </xsl:function>

  <!-- A unit as a map, as html/cite.xsl reads it: 'ref', 'id', 'unit', 'node'. -->
  <xsl:function name="f:citation" as="map(*)?">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="$node[@e:ref] ! map { 'node': ., 'ref': string(@e:ref), 'id': string(@e:id),
      'unit': string(@e:unit) }"/>
  </xsl:function>

  <!-- A division's heading, wherever the pass left it: its own, or the run-in head it attached
       to the block that follows. -->
  <xsl:function name="f:head" as="element(head)?">
    <xsl:param name="division" as="element()"/>
    <xsl:sequence select="($division/head[not(@e:attached)], $division/*/head[@e:attached])[1]"/>
  </xsl:function>

  <!-- What a division without a heading is called where a reader needs a name for it (its
       accessible name, the heading print gives it, its line in the plain text): the words the
       edition gives its type, else its type in words, else its reference. -->
  <xsl:variable name="f:division-names" as="map(xs:string, xs:string)"
    select="map { 'archive-note': 'The archive’s note' }"/>

  <!-- What a piece of the page's furniture is, in the editors' words. -->
  <xsl:variable name="f:furniture-names" as="map(xs:string, xs:string)"
    select="map { 'header': 'The website’s banner line, not part of the programme' }"/>

  <xsl:function name="f:furniture-name" as="xs:string">
    <xsl:param name="furniture" as="element()"/>
    <xsl:sequence select="($furniture/@type ! $f:furniture-names(.), 'Page furniture')[1]"/>
  </xsl:function>

  <xsl:function name="f:division-name" as="xs:string">
    <xsl:param name="division" as="element()"/>
    <xsl:sequence select="($division/@type ! ($f:division-names(.), replace(., '-', ' '))[1],
      f:reference($division), 'Section')[1]"/>
  </xsl:function>

  <!-- The division a heading heads. -->
  <xsl:function name="f:headed" as="element()">
    <xsl:param name="head" as="element(head)"/>
    <xsl:sequence select="if ($head/@e:attached) then $head/../.. else $head/.."/>
  </xsl:function>

  <!-- The id of any element that has a place in the page: the one the normalisation pass
       stamped, its own xml:id, or the path of its ancestors (front-div-1), for divisions and
       title pages outside the citation scheme. -->
  <xsl:function name="f:anchor" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="($element/@e:id, $element/@xml:id,
      string-join(for $e in $element/ancestor-or-self::*[not(self::TEI or self::text)]
        return local-name($e) || '-' || (count($e/preceding-sibling::*[local-name() = local-name($e)]) + 1), '.')
      => replace('(^|\.)(front|body|back)-1', '$1$2'))[1]"/>
  </xsl:function>
</xsl:stylesheet>
