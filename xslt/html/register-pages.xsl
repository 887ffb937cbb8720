<?xml version="1.0" encoding="UTF-8"?>
<!-- One page per register: each entry with its names, dates, authority record and note, and
     the places in the works that name it (or, for an event, date it), linked to the block that
     holds them; an entry named in more places than its register page shows has pages of its
     own that list them all. The places come as the works' lists of them, put together by entry
     ($occurrences: html/occurrences.xsl, edition/occurrences.py): these pages never read a work. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:html-entry" on-no-match="fail"/>

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


  <!-- The places of each entry, as the caller put them together. -->
  <xsl:key name="f:occurrences-of" match="Q{}entry" use="@id"/>

  <!-- The register pages of $register-set, each after its mark (the pages of an entry's
       occurrences are made apart: f:occurrence-pages). -->
  <xsl:function name="f:register-set-pages" as="node()*">
    <xsl:sequence select="$register-set ! (f:mark(. || '.html'), f:register(.))"/>
  </xsl:function>

  <!-- The mark of a page in the transform's result. -->
  <xsl:function name="f:mark" as="comment()">
    <xsl:param name="file" as="xs:string"/>
    <xsl:comment>{$page-marker} {$file}</xsl:comment>
  </xsl:function>

  <xsl:function name="f:occurrences-of" as="element(Q{}entry)?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="key('f:occurrences-of', $id, $occurrences)"/>
  </xsl:function>

  <!-- A register page. -->
  <xsl:function name="f:register" as="element()">
    <xsl:param name="page" as="xs:string"/>
    <xsl:variable name="label" as="xs:string" select="$f:registers-nav[?page = $page]?label"/>
    <xsl:variable name="lists" as="element()*" select="f:register-lists($page)"/>
    <xsl:variable name="entries" as="element()*" select="f:sorted-entries($lists[not(@type = 'references')]/*[@xml:id])"/>
    <xsl:variable name="content" as="element()*">
      <h1>{$label}</h1>
      <p class="register-intro">{f:count($entries, 'entry', 'entries')}, {f:register-order($page)}.
        Each lists the passages of the texts where it is {f:named($page)}, with the words around
        the name.</p>
      <xsl:apply-templates select="$entries" mode="m:html-entry">
        <xsl:with-param name="register" select="$page" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:sequence select="$lists[@type = 'references'] ! f:references(.)"/>
    </xsl:variable>
    <xsl:sequence select="f:page($label, f:language($registers/*), $page || '.html', $content)"/>
  </xsl:function>

  <!-- How the entries of a register are ordered, in words (edition/site.py declares it,
       f:sorted-entries sorts them so). -->
  <xsl:function name="f:register-order" as="xs:string">
    <xsl:param name="page" as="xs:string"/>
    <xsl:sequence select="'sorted by ' || $f:registers[?page = $page]?sorted_by"/>
  </xsl:function>

  <xsl:function name="f:named" as="xs:string">
    <xsl:param name="page" as="xs:string"/>
    <xsl:sequence select="if ($page = 'events') then 'named or dated' else if ($page = 'works') then 'quoted or echoed' else 'named'"/>
  </xsl:function>

  <!-- "1 entry", "5 entries". -->
  <xsl:function name="f:count" as="xs:string">
    <xsl:param name="items" as="item()*"/>
    <xsl:param name="one" as="xs:string"/>
    <xsl:param name="many" as="xs:string"/>
    <xsl:sequence select="f:number-of(count($items), $one, $many)"/>
  </xsl:function>

  <xsl:function name="f:register-lists" as="element()*">
    <xsl:param name="page" as="xs:string"/>
    <xsl:variable name="list" as="xs:string" select="$f:registers[?page = $page]?list"/>
    <xsl:sequence select="$registers/TEI/standOff/*[local-name() = $list]"/>
  </xsl:function>

  <!-- The references the editors' notes cite, a section of its own with its count. -->
  <xsl:function name="f:references" as="element()">
    <xsl:param name="list" as="element()"/>
    <section class="references" aria-labelledby="references">
      <h2 id="references"><xsl:apply-templates select="$list/head/node()" mode="m:html-inline"/></h2>
      <p class="register-intro">{f:count($list/bibl, 'reference', 'references')}.</p>
      <ul>
        <xsl:for-each select="$list/bibl">
          <li id="{@xml:id}"><xsl:apply-templates mode="m:html-inline"/></li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:function>

  <xsl:template match="person | org | place | event | bibl" mode="m:html-entry">
    <xsl:param name="register" as="xs:string" tunnel="yes"/>
    <section class="entry" id="{@xml:id}" aria-labelledby="{@xml:id}-name">
      <h2 id="{@xml:id}-name"><xsl:apply-templates select="f:entry-name(.)/node()" mode="m:html-inline"/></h2>
      <xsl:apply-templates select="self::bibl" mode="m:html-entry-bibl"/>
      <xsl:sequence select="f:entry-facts(.)"/>
      <xsl:for-each select="note">
        <p class="entry-note"><xsl:apply-templates mode="m:html-inline"/></p>
      </xsl:for-each>
      <xsl:sequence select="f:entry-sources(.)"/>
      <xsl:sequence select="f:occurrences(., f:occurrences-of(@xml:id), $register)"/>
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

  <!-- The entries of a register in the order readers look them up: events by date, persons
       by surname (persName/surname, else the last word of the name), works quoted by their
       author, the others by name. -->
  <xsl:function name="f:sorted-entries" as="element()*">
    <xsl:param name="entries" as="element()*"/>
    <xsl:perform-sort select="$entries">
      <xsl:sort select="f:date-key(.)" collation="http://www.w3.org/2005/xpath-functions/collation/codepoint"/>
      <xsl:sort select="f:sort-key(.)" lang="en"/>
      <xsl:sort select="normalize-space(f:entry-name(.))" lang="en"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- An event's date as it is encoded (ISO, so that it sorts as it reads); undated events
       last; nothing for an entry that is not an event. -->
  <xsl:function name="f:date-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::event) then ($entry/(@when, @notBefore, @from, @notAfter, @to)[1] ! string(), '~')[1] else ''"/>
  </xsl:function>

  <xsl:function name="f:sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="name" as="element()?" select="f:entry-name($entry)"/>
    <xsl:sequence select="if ($entry/self::person) then string-join((($name/surname, tokenize(normalize-space($name))[last()])[1],
        $name/forename) ! normalize-space(), ' ')
      else if ($entry/self::bibl) then f:author-key($entry/author[1])
      else normalize-space($name)"/>
  </xsl:function>

  <!-- An author as the bibliography sorts it: a registered person by surname, else as named. -->
  <xsl:function name="f:author-key" as="xs:string">
    <xsl:param name="author" as="element(author)?"/>
    <xsl:variable name="person" as="element(person)?" select="$author/persName/@ref ! f:register-entry(.)[self::person]"/>
    <xsl:sequence select="if ($person) then f:sort-key($person) else normalize-space($author)"/>
  </xsl:function>

  <!-- An entry's occurrences on its register page: how many, and the first passages that name
       it; where there are more, a link to the pages that list them all. -->
  <xsl:function name="f:occurrences" as="element()">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="named" as="element(Q{}entry)?"/>
    <xsl:param name="page" as="xs:string"/>
    <xsl:variable name="id" as="xs:string" select="$entry/@xml:id"/>
    <xsl:variable name="places" as="xs:integer" select="($named/@places, 0)[1]"/>
    <div class="occurrences">
      <h3 id="{$id}-occurrences">Occurrences</h3>
      <p class="occurrence-count">{f:occurrence-count($entry, $named)}</p>
      <xsl:if test="$places gt 0">
        <xsl:sequence select="f:place-list(subsequence($named/Q{}work/*, 1, $register-preview), $id || '-occurrences')"/>
      </xsl:if>
      <xsl:if test="$places gt $register-preview">
        <p class="occurrences-all"><a href="{f:occurrence-file($page, $id, 1)}">{
          'All ' || $places || ' passages that name ' || normalize-space(f:entry-name($entry))}</a></p>
      </xsl:if>
    </div>
  </xsl:function>

  <!-- "Named 3 times, in 2 passages of 1 text." -->
  <xsl:function name="f:occurrence-count" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="named" as="element(Q{}entry)?"/>
    <xsl:variable name="verb" as="xs:string"
      select="f:capitalised(f:named($f:register-pages(local-name($entry))))"/>
    <xsl:sequence select="if (empty($named)) then 'Not ' || lower-case($verb) || ' in the texts.'
      else $verb || ' ' || f:times(xs:integer($named/@times)) || ', in ' || f:number-of(xs:integer($named/@places), 'passage', 'passages')
        || ' of ' || f:number-of(xs:integer($named/@texts), 'text', 'texts') || '.'"/>
  </xsl:function>

  <!-- "1 text", "3 texts". -->
  <xsl:function name="f:number-of" as="xs:string">
    <xsl:param name="number" as="xs:integer"/>
    <xsl:param name="one" as="xs:string"/>
    <xsl:param name="many" as="xs:string"/>
    <xsl:sequence select="$number || ' ' || (if ($number = 1) then $one else $many)"/>
  </xsl:function>

  <!-- Places (their items, as each work's list made them), under the title of the work that
       has them. -->
  <xsl:function name="f:place-list" as="element()">
    <xsl:param name="items" as="element()*"/>
    <xsl:param name="label" as="xs:string"/>
    <ul class="occurrence-works" aria-labelledby="{$label}">
      <xsl:for-each-group select="$items" group-adjacent="generate-id(..)">
        <li><cite>{../@title}</cite>
          <ul class="occurrence-places">
            <xsl:sequence select="current-group()"/>
          </ul>
        </li>
      </xsl:for-each-group>
    </ul>
  </xsl:function>

  <!-- The file of a page of an entry's occurrences: "persons.mao-zedong.html", then
       "persons.2.mao-zedong.html" (an id never begins with a digit, and no document is
       named after a register page). -->
  <xsl:function name="f:occurrence-file" as="xs:string">
    <xsl:param name="page" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="number" as="xs:integer"/>
    <xsl:sequence select="string-join(($page, string($number)[$number gt 1], $id, 'html'), '.')"/>
  </xsl:function>

  <!-- The pages of all the passages that name the entry $occurrence-entry, $register-page-size
       each, each after its mark: the first linked from the register page, each from the others. -->
  <xsl:function name="f:occurrence-pages" as="node()*">
    <xsl:variable name="entry" as="element()" select="f:register-entry('#' || $occurrence-entry)"/>
    <xsl:variable name="named" as="element(Q{}entry)" select="f:occurrences-of($occurrence-entry)"/>
    <xsl:variable name="page" as="xs:string" select="$f:register-pages(local-name($entry))"/>
    <xsl:variable name="label" as="xs:string" select="$f:registers-nav[?page = $page]?label"/>
    <xsl:variable name="id" as="xs:string" select="$entry/@xml:id"/>
    <xsl:variable name="name" as="xs:string" select="normalize-space(f:entry-name($entry))"/>
    <xsl:variable name="items" as="element()*" select="$named/Q{}work/*"/>
    <xsl:variable name="pages" as="xs:integer" select="xs:integer(ceiling(count($items) div $register-page-size))"/>
    <xsl:for-each select="1 to $pages">
      <xsl:variable name="number" as="xs:integer" select="."/>
      <xsl:variable name="first" as="xs:integer" select="($number - 1) * $register-page-size + 1"/>
      <xsl:variable name="shown" as="element()*" select="subsequence($items, $first, $register-page-size)"/>
      <xsl:variable name="content" as="element()*">
        <p class="register-back"><a href="{$page}.html#{$id}">{$label}: {$name}</a></p>
        <h1 id="occurrences">{$name}: occurrences</h1>
        <p class="occurrence-count">{f:occurrence-count($entry, $named)} Passages {$first}–{$first + count($shown) - 1}{
          if ($pages gt 1) then ', page ' || $number || ' of ' || $pages else ''}.</p>
        <xsl:sequence select="f:place-list($shown, 'occurrences')"/>
        <xsl:sequence select="f:pagination($page, $id, $number, $pages)"/>
      </xsl:variable>
      <xsl:sequence select="f:mark(f:occurrence-file($page, $id, $number))"/>
      <xsl:sequence select="f:page($name || ': occurrences' || (if ($pages gt 1) then ', page ' || $number else ''),
        f:language($registers/*), f:occurrence-file($page, $id, $number), $content)"/>
    </xsl:for-each>
  </xsl:function>

  <!-- Links to the other pages of an entry's occurrences: previous, the first and the last
       page, those near this one (an entry named in 25,000 passages has 250 pages), next. -->
  <xsl:function name="f:pagination" as="element()?">
    <xsl:param name="page" as="xs:string"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="number" as="xs:integer"/>
    <xsl:param name="pages" as="xs:integer"/>
    <xsl:if test="$pages gt 1">
      <nav class="pagination" aria-label="Pages of the occurrences">
        <ul>
          <xsl:if test="$number gt 1">
            <li><a rel="prev" href="{f:occurrence-file($page, $id, $number - 1)}">Previous</a></li>
          </xsl:if>
          <xsl:variable name="shown" as="xs:integer*"
            select="sort(distinct-values((1, max((1, $number - 2)) to min(($pages, $number + 2)), $pages)))"/>
          <xsl:for-each select="$shown">
            <xsl:variable name="position" as="xs:integer" select="position()"/>
            <xsl:if test="$position gt 1 and . gt $shown[$position - 1] + 1">
              <li class="pagination-gap">…</li>
            </xsl:if>
            <li><a href="{f:occurrence-file($page, $id, .)}">
              <xsl:if test=". = $number"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
              <xsl:text>{.}</xsl:text></a></li>
          </xsl:for-each>
          <xsl:if test="$number lt $pages">
            <li><a rel="next" href="{f:occurrence-file($page, $id, $number + 1)}">Next</a></li>
          </xsl:if>
        </ul>
      </nav>
    </xsl:if>
  </xsl:function>

</xsl:stylesheet>
