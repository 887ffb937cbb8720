<?xml version="1.0" encoding="UTF-8"?>
<!-- The places of one work that name a register entry (or, for an event, date it), each as the
     register pages list it: a link to its passage, how often the passage names the entry, and
     each name in the words around it. Made once per work, from its normalised copy, when its
     pages are made (xslt/occurrences.xsl); the register pages put the lists of every work
     together (edition/occurrences.py), so that they never read the works themselves. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:occurrences" on-no-match="fail"/>

  <!-- Every pointer of a work's text to a register entry, by the entry's id. -->
  <xsl:key name="f:pointer" match="text//*[@ref | @source | @corresp]" use="f:pointed-entries(.)"/>

  <xsl:function name="f:pointed-entries" as="xs:string*">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="tokenize(normalize-space(string-join(($element/@ref, $element/@source, $element/@corresp), ' ')), ' ')
      ! replace(., '^[^#]*#', '')"/>
  </xsl:function>

  <!-- <occurrences document=".." title=".."><place entry=".."><li>..</li></place>..</occurrences>:
       the places of each entry the work names, in the order the entries are first named, and
       each entry's places in the order of the text. The list is in no namespace but the
       places' items, which are the register pages' own markup. -->
  <xsl:template match="document-node()" mode="m:occurrences">
    <xsl:variable name="work" as="document-node()" select="."/>
    <xsl:element name="occurrences" namespace="">
      <xsl:attribute name="document" select="f:document-id(.)"/>
      <xsl:attribute name="title" select="f:work-title(.)"/>
      <xsl:for-each select="distinct-values(//text//*[@ref | @source | @corresp]
          [not(ancestor::*[@e:reading = 'other'])] ! f:pointed-entries(.))">
        <xsl:variable name="entry" as="xs:string" select="."/>
        <xsl:for-each select="f:occurrence-places($entry, $work)">
          <xsl:element name="place" namespace="">
            <xsl:attribute name="entry" select="$entry"/>
            <xsl:attribute name="times" select="array:size(.)"/>
            <xsl:sequence select="f:place-item(.)"/>
          </xsl:element>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:element>
  </xsl:template>

  <!-- The places of a work that name an entry: its pointers, each once (not a name inside
       another that names the entry, not the other reading of a choice), grouped by the passage
       that holds them, in the order of the text. A place is the array of its pointers. -->
  <xsl:function name="f:occurrence-places" as="array(element()*)*">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="work" as="document-node()"/>
    <xsl:variable name="pointers" as="element()*"
      select="key('f:pointer', $id, $work)[not(ancestor::*[@e:reading = 'other'])]"/>
    <xsl:for-each-group select="$pointers[not(ancestor::* intersect $pointers)]"
      group-adjacent="generate-id(f:passage-of(.))">
      <xsl:sequence select="array { current-group() }"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- The passage that holds a pointer: its innermost citable unit, else its part of the text
       outside the citation scheme. -->
  <xsl:function name="f:passage-of" as="element()">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="(f:citing($node), $node/ancestor::*[self::div or self::titlePage or self::front or self::back][1],
      root($node)/*)[1]"/>
  </xsl:function>

  <!-- A place: the link to its passage, how often the passage names the entry if more than
       once, and each name in its words. -->
  <xsl:function name="f:place-item" as="element()">
    <xsl:param name="place" as="array(element()*)"/>
    <xsl:variable name="pointers" as="element()*" select="$place?*"/>
    <li>
      <xsl:sequence select="f:occurrence-link($pointers[1])"/>
      <xsl:if test="count($pointers) gt 1">
        <span class="occurrence-times"> ({f:times(count($pointers))})</span>
      </xsl:if>
      <xsl:sequence select="$pointers ! f:keyword-in-context(.)"/>
    </li>
  </xsl:function>

  <xsl:function name="f:times" as="xs:string">
    <xsl:param name="times" as="xs:integer"/>
    <xsl:sequence select="if ($times = 1) then 'once' else if ($times = 2) then 'twice' else $times || ' times'"/>
  </xsl:function>

  <!-- How many words a snippet shows on either side of a name, and of a name at most (a
       quotation is a name of its work). -->
  <xsl:variable name="f:context-words" as="xs:integer" select="6"/>
  <xsl:variable name="f:keyword-words" as="xs:integer" select="12"/>

  <!-- A name in the words around it (keyword in context), as the reading text has them: the
       words of the block that holds it (a paragraph, a heading, a note, a quotation's
       attribution...), without the other reading of a choice or the words of a heading, note or
       attribution inside it (a run-in heading is printed apart); a few words before, the name
       marked, a few after, "…" where the block goes on. The characters are the text's, its
       spaces collapsed. -->
  <xsl:function name="f:keyword-in-context" as="element()">
    <xsl:param name="pointer" as="element()"/>
    <xsl:variable name="context" as="element()" select="($pointer/ancestor::*[f:is-context(.)][1], root($pointer)/*)[1]"/>
    <xsl:variable name="texts" as="text()*" select="$context//text()[not(ancestor::*[@e:reading = 'other'])]
      [not(ancestor::*[f:is-apart(.)] except $context/ancestor-or-self::*)]"/>
    <xsl:variable name="inside" as="text()*" select="$texts intersect $pointer//text()"/>
    <xsl:variable name="name" as="xs:string*" select="tokenize(normalize-space(string-join($inside)))"/>
    <span class="kwic">
      <xsl:sequence select="f:words-before(string-join($texts[. &lt;&lt; $pointer]))"/>
      <mark>{string-join(subsequence($name, 1, $f:keyword-words), ' ')}</mark>
      <xsl:sequence select="if (count($name) gt $f:keyword-words) then f:cut-after-space()
        else f:words-after(string-join(($texts except $inside)[. &gt;&gt; $pointer]))"/>
    </span>
  </xsl:function>

  <!-- The blocks whose words are a name's context, and those of them printed apart from the
       block that holds them. -->
  <xsl:function name="f:is-context" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element[@e:ref or f:is-apart(.) or self::p or self::l or self::item or self::titlePart])"/>
  </xsl:function>

  <xsl:function name="f:is-apart" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element[self::note or self::head or self::bibl])"/>
  </xsl:function>

  <xsl:function name="f:words-before" as="node()*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="words" as="xs:string*" select="tokenize(normalize-space($text))"/>
    <xsl:variable name="kept" as="xs:string*" select="subsequence($words, count($words) - $f:context-words + 1)"/>
    <xsl:if test="count($words) gt count($kept)">
      <xsl:sequence select="f:cut()"/>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:if test="exists($kept)">
      <xsl:value-of select="string-join($kept, ' ') || ' '[matches($text, '\s$')]"/>
    </xsl:if>
  </xsl:function>

  <xsl:function name="f:words-after" as="node()*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="words" as="xs:string*" select="tokenize(normalize-space($text))"/>
    <xsl:variable name="kept" as="xs:string*" select="subsequence($words, 1, $f:context-words)"/>
    <xsl:if test="exists($kept)">
      <xsl:value-of select="' '[matches($text, '^\s')] || string-join($kept, ' ')"/>
    </xsl:if>
    <xsl:if test="count($words) gt count($kept)">
      <xsl:sequence select="f:cut-after-space()"/>
    </xsl:if>
  </xsl:function>

  <!-- Where a snippet leaves out words of its passage. -->
  <xsl:function name="f:cut" as="element()">
    <span class="kwic-cut">…</span>
  </xsl:function>

  <xsl:function name="f:cut-after-space" as="node()+">
    <xsl:text> </xsl:text>
    <xsl:sequence select="f:cut()"/>
  </xsl:function>

  <!-- An occurrence's passage: a link to the innermost citable block that holds it (its
       reference as the link's text), or to its part of the text outside the citation scheme. -->
  <xsl:function name="f:occurrence-link" as="element()">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="document" as="xs:string" select="f:document-id($node)"/>
    <xsl:variable name="citing" as="element()?" select="f:citing($node)"/>
    <xsl:variable name="part" as="element()?"
      select="$node/ancestor::*[self::div or self::titlePage or self::front or self::back][1]"/>
    <a class="occurrence" href="{$document}.html#{($citing/@e:id, $part ! f:anchor(.))[1]}">{
      (f:reference($citing), $document || ', ' || f:part-label($part))[1]}</a>
  </xsl:function>

  <xsl:function name="f:part-label" as="xs:string">
    <xsl:param name="part" as="element()?"/>
    <xsl:sequence select="($part/@type ! replace(., '-', ' '),
      $part ! replace(local-name(), '([a-z])([A-Z])', '$1 $2') => lower-case(), 'text')[1]"/>
  </xsl:function>
</xsl:stylesheet>
