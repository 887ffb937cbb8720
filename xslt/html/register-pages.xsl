<?xml version="1.0" encoding="UTF-8"?>
<!-- One page per register: each entry with its names, dates, authority record and note, and
     every place in the works that names it (or, for an event, dates it), linked to the block
     that holds it. The works are read normalised (common/normalise.xsl), once each. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array" xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:html-entry" on-no-match="fail"/>

  <!-- Every pointer of a work's text to a register entry, by the entry's id. -->
  <xsl:key name="f:pointer" match="text//*[@ref | @source | @corresp]"
    use="tokenize(normalize-space(string-join((@ref, @source, @corresp), ' ')), ' ') ! replace(., '^[^#]*#', '')"/>

  <!-- Links to authority records, by idno/@type. -->
  <xsl:variable name="f:authorities" as="map(xs:string, xs:string)" select="map {
    'wikidata': 'https://www.wikidata.org/wiki/', 'viaf': 'https://viaf.org/viaf/',
    'gnd': 'https://d-nb.info/gnd/', 'geonames': 'https://www.geonames.org/' }"/>

  <!-- A web address printed as the text of a reference's link may break after each slash:
       the bibliography gives addresses in full, and a phone's screen is narrower than most of
       them. Only the references of the registers are meant (their ref texts are addresses). -->
  <xsl:template match="text()[parent::ref[ancestor::listBibl[@type = 'references']]][matches(., '^\s*https?://')]"
    mode="m:html-inline" priority="2">
    <xsl:analyze-string select="." regex="/+">
      <xsl:matching-substring>{.}<wbr/></xsl:matching-substring>
      <xsl:non-matching-substring>{.}</xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:template>

  <xsl:function name="f:register-page" as="element()">
    <xsl:param name="page" as="xs:string"/>
    <xsl:variable name="label" as="xs:string" select="$f:registers-nav[?page = $page]?label"/>
    <xsl:variable name="lists" as="element()*" select="f:register-lists($page)"/>
    <xsl:variable name="content" as="element()*">
      <h1>{$label}</h1>
      <p class="register-intro">{count($lists/*[@xml:id])} entries. Each lists the places in the
        texts where it is {if ($page = 'events') then 'named or dated' else 'named'}, by their
        references.</p>
      <xsl:sequence select="$lists ! f:register-list(.)"/>
    </xsl:variable>
    <xsl:sequence select="f:page($label, f:language($registers/*),
      $page || '.html', $content)"/>
  </xsl:function>

  <xsl:function name="f:register-lists" as="element()*">
    <xsl:param name="page" as="xs:string"/>
    <xsl:variable name="list" as="xs:string" select="$f:registers[?page = $page]?list"/>
    <xsl:sequence select="$registers/TEI/standOff/*[local-name() = $list]"/>
  </xsl:function>

  <!-- A list of the registers; a headed one (the references) is a section of its own. -->
  <xsl:function name="f:register-list" as="element()*">
    <xsl:param name="list" as="element()"/>
    <xsl:choose>
      <xsl:when test="$list/@type = 'references'">
        <section class="references" aria-labelledby="references">
          <h2 id="references"><xsl:apply-templates select="$list/head/node()" mode="m:html-inline"/></h2>
          <ul>
            <xsl:for-each select="$list/bibl">
              <li id="{@xml:id}"><xsl:apply-templates mode="m:html-inline"/></li>
            </xsl:for-each>
          </ul>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$list/*[@xml:id]" mode="m:html-entry"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:template match="person | org | place | event | bibl" mode="m:html-entry">
    <section class="entry" id="{@xml:id}" aria-labelledby="{@xml:id}-name">
      <h2 id="{@xml:id}-name"><xsl:apply-templates select="f:entry-name(.)/node()" mode="m:html-inline"/></h2>
      <xsl:apply-templates select="self::bibl" mode="m:html-entry-bibl"/>
      <xsl:sequence select="f:entry-facts(.)"/>
      <xsl:for-each select="note">
        <p class="entry-note"><xsl:apply-templates mode="m:html-inline"/></p>
      </xsl:for-each>
      <xsl:sequence select="f:entry-sources(.)"/>
      <xsl:sequence select="f:occurrences(@xml:id)"/>
    </section>
  </xsl:template>

  <!-- The references an entry's note points to, each with its full bibliographic description
       and its note on how it was seen (what a reader needs to find it and weigh it), so that
       "Source:" in the note is never the only trace of where a fact comes from. -->
  <xsl:function name="f:entry-sources" as="element()?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="sources" as="element(bibl)*"
      select="($entry/note//ptr[@type = 'source'] ! f:register-entry(@target)[self::bibl])/."/>
    <xsl:if test="exists($sources)">
      <div class="entry-sources">
        <h3 id="{$entry/@xml:id}-sources">Sources</h3>
        <ul aria-labelledby="{$entry/@xml:id}-sources">
          <xsl:for-each select="$sources">
            <li><xsl:apply-templates mode="m:html-inline"/></li>
          </xsl:for-each>
        </ul>
      </div>
    </xsl:if>
  </xsl:function>

  <xsl:mode name="m:html-entry-bibl" on-no-match="fail"/>

  <xsl:template match="bibl" mode="m:html-entry-bibl">
    <p class="entry-bibl"><xsl:apply-templates select="node() except note" mode="m:html-inline"/></p>
  </xsl:template>

  <xsl:function name="f:entry-name" as="element()?">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="($entry/(persName | orgName | placeName | eventName)[not(@type = 'abbreviation')],
      $entry/title, $entry/*)[1]"/>
  </xsl:function>

  <!-- Other names, dates, authority records, certainty, as a description list. -->
  <xsl:function name="f:entry-facts" as="element()?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="facts" as="element()*">
      <xsl:sequence select="f:fact('Also named', ($entry/(persName | orgName | placeName) except f:entry-name($entry)) ! string())"/>
      <xsl:sequence select="f:fact('Born', $entry/birth/@when ! f:date(.))"/>
      <xsl:sequence select="f:fact('Died', $entry/death/@when ! f:date(.))"/>
      <xsl:sequence select="f:fact('Date', $entry/self::event/@when ! f:date(.))"/>
      <xsl:sequence select="f:fact('Period', $entry/self::event[@from and @to] ! f:period(.))"/>
      <xsl:for-each select="$entry/idno[@type = map:keys($f:authorities)]">
        <dt>{upper-case(substring(@type, 1, 1)) || substring(@type, 2)}</dt>
        <dd><a href="{$f:authorities(@type) || normalize-space()}">{normalize-space()}</a></dd>
      </xsl:for-each>
      <!-- How far the identification and the facts were checked, in the scale's own words. -->
      <xsl:sequence select="f:fact('Certainty', f:certainty($entry/@cert) ! (. || '; see the note'))"/>
    </xsl:variable>
    <xsl:if test="exists($facts)">
      <dl class="entry-facts"><xsl:sequence select="$facts"/></dl>
    </xsl:if>
  </xsl:function>

  <xsl:function name="f:fact" as="element()*">
    <xsl:param name="term" as="xs:string"/>
    <xsl:param name="values" as="xs:string*"/>
    <xsl:if test="exists($values)">
      <dt>{$term}</dt>
      <dd>{string-join($values, '; ')}</dd>
    </xsl:if>
  </xsl:function>

  <xsl:function name="f:period" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="f:date($entry/@from) || '–' || f:date($entry/@to)"/>
  </xsl:function>

  <!-- An ISO date as words: a day, a month of a year, or a year as it stands. -->
  <xsl:function name="f:date" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:sequence select="if ($iso castable as xs:date) then format-date(xs:date($iso), '[D] [MNn] [Y]')
      else if ($iso castable as xs:gYearMonth) then format-date(xs:date($iso || '-01'), '[MNn] [Y]')
      else $iso"/>
  </xsl:function>

  <!-- Every pointer of every work to the entry, grouped by work, each linked to its block. -->
  <xsl:function name="f:occurrences" as="element()">
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="by-work" as="array(element()*)*"
      select="$works ! array { key('f:pointer', $id, f:normalised(.)) }"/>
    <div class="occurrences">
      <h3 id="{$id}-occurrences">Occurrences</h3>
      <xsl:choose>
        <xsl:when test="every $w in $by-work satisfies array:size($w) = 0">
          <p>Not named in the texts.</p>
        </xsl:when>
        <xsl:otherwise>
          <ul aria-labelledby="{$id}-occurrences">
            <xsl:for-each select="$by-work[array:size(.) gt 0]">
              <xsl:variable name="nodes" as="element()*" select="?*"/>
              <li><cite>{f:work-title(root($nodes[1]))}</cite>:
                <xsl:for-each select="$nodes">
                  <xsl:if test="position() gt 1">, </xsl:if>
                  <xsl:sequence select="f:occurrence-link(.)"/>
                </xsl:for-each>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:function>

  <!-- An occurrence: a link to the innermost citable block that holds it (its reference as
       the link's text), or to its part of the text outside the citation scheme. -->
  <xsl:function name="f:occurrence-link" as="element()+">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="document" as="xs:string" select="f:document-id($node)"/>
    <xsl:variable name="citing" as="element()?" select="f:citing($node)"/>
    <xsl:variable name="part" as="element()?"
      select="$node/ancestor::*[self::div or self::titlePage or self::front or self::back][1]"/>
    <a class="occurrence" href="{$document}.html#{($citing/@e:id, $part ! f:anchor(.))[1]}">{
      (f:reference($citing), $document || ', ' || f:part-label($part))[1]}</a>
    <span class="occurrence-form"> (“{normalize-space($node)}”)</span>
  </xsl:function>

  <xsl:function name="f:part-label" as="xs:string">
    <xsl:param name="part" as="element()?"/>
    <xsl:sequence select="($part/@type ! replace(., '-', ' '),
      $part ! replace(local-name(), '([a-z])([A-Z])', '$1 $2') => lower-case(), 'text')[1]"/>
  </xsl:function>
</xsl:stylesheet>
