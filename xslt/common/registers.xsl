<?xml version="1.0" encoding="UTF-8"?>
<!-- The registers (persons, organisations, places, events, works quoted, references) as the outputs see
     them: a document passed in as $registers, never read from a file. A name's @ref points into
     it; f:register-href turns the pointer into the link of the entry's register page. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">


  <xsl:key name="f:entry" match="*[@xml:id]" use="@xml:id"/>

  <!-- Each kind of entry, and its register page, is $f:register-pages (common/params.xsl). -->

  <!-- The register entry a pointer such as "registers.xml#mim" or "#mim" names. -->
  <xsl:function name="f:register-entry" as="element()?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:variable name="id" as="xs:string"
      select="if (contains($pointer, '#')) then substring-after($pointer, '#') else string($pointer)"/>
    <xsl:sequence select="if (exists($registers) and $id) then key('f:entry', $id, $registers)[1] else ()"/>
  </xsl:function>

  <!-- The link to an entry's register page; $kind (the naming element's name) decides the page
       when the registers are not at hand. -->
  <xsl:function name="f:register-href" as="xs:string?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="entry" as="element()?" select="f:register-entry($pointer)"/>
    <xsl:variable name="page" as="xs:string?"
      select="$f:register-pages(if ($entry) then local-name($entry) else $kind)"/>
    <xsl:sequence select="if (empty($pointer) or empty($page)) then ()
      else $register-base || $page || '.html#' || replace($pointer, '^[^#]*#', '')"/>
  </xsl:function>

  <!-- What a @cert value says the editors checked, in the words every output prints (the
       scale is defined in the schema, schema/edition.odd, att.global's cert). -->
  <xsl:variable name="f:certainties" as="map(xs:string, xs:string)" select="map {
    'high': 'checked against the source cited',
    'medium': 'attested in the source cited, not checked in the edition named',
    'low': 'inferred, not established by a source',
    'unknown': 'not examined' }"/>

  <xsl:function name="f:certainty" as="xs:string?">
    <xsl:param name="cert" as="attribute(cert)?"/>
    <xsl:sequence select="$cert ! $f:certainties(string(.))"/>
  </xsl:function>

  <!-- What the text does with the work a @source names: quotes it verbatim (quote), restates it
       in other words inside quotation marks (quote type="paraphrase"), or echoes it without
       quotation marks (seg type="allusion"), as the schema defines them; and the words every
       output uses for each. -->
  <xsl:variable name="f:quotation-kinds" as="map(xs:string, map(xs:string, xs:string))" select="map {
    'quotation': map { 'note': 'Quoted from', 'link': 'source', 'label': 'Source of the quotation' },
    'paraphrase': map { 'note': 'Paraphrases', 'link': 'paraphrase', 'label': 'Paraphrase of' },
    'allusion': map { 'note': 'Echoes', 'link': 'echo', 'label': 'Echo of' } }"/>

  <xsl:function name="f:quotation-kind" as="xs:string">
    <xsl:param name="source" as="attribute(source)"/>
    <xsl:sequence select="if ($source/parent::seg[@type = 'allusion']) then 'allusion'
      else if ($source/parent::quote[@type = 'paraphrase']) then 'paraphrase'
      else 'quotation'"/>
  </xsl:function>

  <xsl:function name="f:quotation-words" as="xs:string">
    <xsl:param name="source" as="attribute(source)"/>
    <xsl:param name="use" as="xs:string"/>
    <xsl:sequence select="$f:quotation-kinds(f:quotation-kind($source))($use)"/>
  </xsl:function>

  <!-- The note on a quotation, paraphrase or allusion whose work the registers identify:
       "Quoted from: ", "Paraphrases: " or "Echoes: " and the entry of the work, without its own
       note; what was checked of an identification that is not "high"; nothing when the
       registers do not know the work. -->
  <xsl:function name="f:quoted-from" as="node()*">
    <xsl:param name="source" as="attribute(source)"/>
    <xsl:variable name="work" as="element(bibl)?" select="f:register-entry($source)[self::bibl]"/>
    <xsl:if test="exists($work)">
      <xsl:value-of select="f:quotation-words($source, 'note')
        || $work/@cert[. != 'high'] ! (' (identification ' || f:certainty(.) || ')')
        || ':' || ' '[not(matches(string($work), '^\s'))]"/>
      <xsl:sequence select="$work/(node() except note)"/>
    </xsl:if>
  </xsl:function>

  <!-- A reference of the registers as a commentary note names it: its authors, its title and
       that of the work or website that holds it, and its date. -->
  <xsl:function name="f:reference-label" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:variable name="entry" as="element()?" select="f:register-entry($pointer)"/>
    <xsl:sequence select="if (empty($entry)) then $pointer
      else string-join((string-join($entry/author ! normalize-space(), ' and ')[.],
        ($entry/title)[position() le 2] ! normalize-space(), ($entry/date)[1] ! normalize-space()), ', ')"/>
  </xsl:function>
</xsl:stylesheet>
