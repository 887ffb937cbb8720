<?xml version="1.0" encoding="UTF-8"?>
<!-- The pages that list the edition's versions, from $version-data (edition/version_pages.py):

     <versions current="2.0.0">
       <version n="1.0.0" released="true"/> ... (oldest first; the current sources last)
       <document id="..">
         <comparison from="1.0.0" to="2.0.0" unchanged="43">
           <passage ref="7.2" change="changed|added|dropped"><became kind=".." to=".."
             reason=".."/>?<same>..</same><del>..</del><ins>..</ins><gap words="12"/>..</passage>
         </comparison>
       </document>
       <reference ref="doc:7.2"><in version="1.0.0" current="false" href="v/1.0.0/doc.html#point-7.2"/>
         ..<became kind="merged" to="doc:7.2" reason=".."/>?</reference>
     </versions>

     - <id>.versions.html: a work's versions, each with what changed in it (its header's
       revisionDesc/change of that version) and a link to its pages, then the comparisons of
       its text, passage by passage: words removed and added, marked for the eye (struck
       through, underlined) and in words for a screen reader;
     - versions.html: the concordance: every reference of every version, its passage in each,
       and what became of one the current version no longer has. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xpath-default-namespace=""
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:version-words" on-no-match="fail"/>

  <!-- A work's versions page. -->
  <xsl:function name="f:document-versions-page" as="element()">
    <xsl:param name="work" as="document-node()"/>
    <xsl:variable name="id" as="xs:string" select="f:document-id($work)"/>
    <xsl:variable name="title" as="xs:string" select="f:work-title($work)"/>
    <xsl:variable name="content" as="element()*">
      <h1>Versions of “{$title}”</h1>
      <p class="lead">Every released version of this text stays readable at its own address,
        with its references as they were. Below, what changed in each version, then the text
        of each version compared with the next and with the current one, passage by passage:
        words removed are struck through, words added are underlined. <a href="versions.html">The
        concordance of references</a> follows every reference across the versions.</p>
      <section id="versions" aria-labelledby="versions-heading">
        <h2 id="versions-heading">The versions</h2>
        <xsl:for-each select="reverse($version-data/versions/version)">
          <xsl:sequence select="f:version-entry(., $work, $id)"/>
        </xsl:for-each>
      </section>
      <section id="comparisons" aria-labelledby="comparisons-heading">
        <h2 id="comparisons-heading">Comparisons of the text</h2>
        <xsl:apply-templates select="$version-data/versions/document[@id = $id]/comparison" mode="m:version-words">
          <xsl:with-param name="id" select="$id" tunnel="yes"/>
        </xsl:apply-templates>
      </section>
    </xsl:variable>
    <xsl:sequence select="f:page('Versions of ' || $title, f:language($work/*), $id || '.versions.html', $content)"/>
  </xsl:function>

  <!-- A version: where to read it, what changed in it, its comparisons. -->
  <xsl:function name="f:version-entry" as="element()">
    <xsl:param name="version" as="element(version)"/>
    <xsl:param name="work" as="document-node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="n" as="xs:string" select="$version/@n"/>
    <xsl:variable name="released" as="xs:boolean" select="$version/@released = 'true'"/>
    <xsl:variable name="current" as="xs:boolean" select="$n = $version-data/versions/@current"/>
    <xsl:variable name="changes" as="element(tei:change)*" select="$work/tei:TEI/tei:teiHeader/tei:revisionDesc/tei:change[@n = $n]"/>
    <section class="version-entry" id="version-{$n}" aria-labelledby="version-{$n}-heading">
      <h3 id="version-{$n}-heading">Version {$n}{if ($current and not($released)) then ' (current, not released)'
        else if ($current) then ' (current)' else ''}</h3>
      <p>
        <xsl:if test="$released and f:in-version($id, $n)">
          <a href="v/{$n}/{$id}.html">Read version {$n}</a>
          <xsl:if test="$current"> (its stable address) or </xsl:if>
        </xsl:if>
        <xsl:if test="$current">
          <a href="{$id}.html">read the current version</a>
        </xsl:if>
        <xsl:if test="$released and not(f:in-version($id, $n))">This text is not in version {$n}.</xsl:if>
      </p>
      <xsl:for-each select="$changes">
        <p class="version-change">{@when ! (format-date(xs:date(.), '[D] [MNn] [Y]', 'en', (), ()) || ': ')}{normalize-space(string-join(node()[not(self::tei:listRelation)] ! string(.)))}</p>
        <xsl:if test="tei:listRelation/tei:relation">
          <ul class="version-declarations">
            <xsl:for-each select="tei:listRelation/tei:relation">
              <li>{@active} {if (@name = 'moved') then 'moved to ' || @passive else if (@name = 'merged') then 'merged into ' || @passive
                else @name}: {normalize-space(tei:desc)}</li>
            </xsl:for-each>
          </ul>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="empty($changes)">
        <p class="version-change">The header records no change for this version.</p>
      </xsl:if>
    </section>
  </xsl:function>

  <xsl:function name="f:in-version" as="xs:boolean">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="n" as="xs:string"/>
    <xsl:sequence select="exists($version-data/versions/reference[starts-with(@ref, $id || ':')]/in[@version = $n][@current = 'false'])"/>
  </xsl:function>

  <!-- A comparison of two versions: the passages that differ, each with its words. -->
  <xsl:template match="comparison" mode="m:version-words">
    <xsl:variable name="key" as="xs:string" select="'compare-' || @from || '-' || @to"/>
    <section class="version-comparison" id="{$key}" aria-labelledby="{$key}-heading">
      <h3 id="{$key}-heading">Version {@from} and version {@to}</h3>
      <p>{f:count(count(passage), 'passage differs', 'passages differ')};
        {f:count(xs:integer(@unchanged), 'passage is the same', 'passages are the same')}.</p>
      <xsl:apply-templates select="passage" mode="m:version-words"/>
    </section>
  </xsl:template>

  <xsl:function name="f:count" as="xs:string">
    <xsl:param name="number" as="xs:integer"/>
    <xsl:param name="one" as="xs:string"/>
    <xsl:param name="many" as="xs:string"/>
    <xsl:sequence select="$number || ' ' || (if ($number = 1) then $one else $many)"/>
  </xsl:function>

  <xsl:template match="passage" mode="m:version-words">
    <xsl:param name="id" as="xs:string" tunnel="yes"/>
    <xsl:variable name="comparison" as="element(comparison)" select=".."/>
    <div class="version-passage">
      <h4>{@ref}: {if (@change = 'changed') then 'changed' else if (@change = 'added')
        then 'new in version ' || $comparison/@to else 'not in version ' || $comparison/@to}</h4>
      <p class="version-passage-links">
        <xsl:sequence select="f:passage-in($id, @ref, $comparison/@from), f:passage-in($id, @ref, $comparison/@to)"/>
      </p>
      <xsl:apply-templates select="became" mode="m:version-words"/>
      <p class="diff"><xsl:apply-templates select="* except became" mode="m:version-words"/></p>
    </div>
  </xsl:template>

  <!-- A link to a passage in a version (the stable address of a released one), if it has it. -->
  <xsl:function name="f:passage-in" as="node()*">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="ref" as="xs:string"/>
    <xsl:param name="n" as="xs:string"/>
    <xsl:variable name="in" as="element(in)?"
      select="($version-data/versions/reference[@ref = $id || ':' || $ref]/in[@version = $n])[1]"/>
    <xsl:if test="exists($in)">
      <a href="{$in/@href}">{$ref} in version {$n}</a>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:function>

  <xsl:template match="became" mode="m:version-words">
    <p class="version-fate"><xsl:sequence select="f:became(., 'version ' || ../../@to)"/></p>
  </xsl:template>

  <!-- "Merged into doc:7.2 in version 2.0.0: the reason.", the passage it went to linked in
       the current version. -->
  <xsl:function name="f:became" as="node()*">
    <xsl:param name="became" as="element(became)"/>
    <xsl:param name="when" as="xs:string"/>
    <xsl:variable name="to" as="xs:string?" select="$became/@to"/>
    <xsl:variable name="href" as="xs:string?"
      select="$version-data/versions/reference[@ref = $to]/in[@current = 'true']/@href"/>
    <xsl:choose>
      <xsl:when test="$became/@kind = ('moved', 'merged') and exists($to)">
        <xsl:text>{if ($became/@kind = 'moved') then 'Moved to' else 'Merged into'} </xsl:text>
        <xsl:choose>
          <xsl:when test="exists($href)"><a href="{$href}">{$to}</a></xsl:when>
          <xsl:otherwise>{$to}</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise>{if ($became/@kind = 'moved') then 'Moved' else if ($became/@kind = 'merged')
        then 'Merged' else 'Withdrawn'}</xsl:otherwise>
    </xsl:choose>
    <xsl:text> in {$when}: {$became/@reason}</xsl:text>
  </xsl:function>

  <xsl:template match="same" mode="m:version-words">
    <span>{.}</span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="del" mode="m:version-words">
    <del><span class="visually-hidden">[removed: </span>{.}<span class="visually-hidden">]</span></del>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="ins" mode="m:version-words">
    <ins><span class="visually-hidden">[added: </span>{.}<span class="visually-hidden">]</span></ins>
    <xsl:text> </xsl:text>
  </xsl:template>

  <xsl:template match="gap" mode="m:version-words">
    <span class="diff-gap">…<span class="visually-hidden"> ({@words} words the same) </span></span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- The concordance of references. -->
  <xsl:function name="f:versions-page" as="element()">
    <xsl:variable name="data" as="element(versions)" select="$version-data/versions"/>
    <xsl:variable name="documents" as="xs:string*"
      select="distinct-values(($works ! f:document-id(.), $data/reference/substring-before(@ref, ':')))"/>
    <xsl:variable name="content" as="element()*">
      <h1>Versions and references</h1>
      <p class="lead">A reference to a passage, once published, keeps finding it: each released
        version stays readable at its own address, and where a later version moved, merged or
        withdrew a passage, its header says so. Below, every reference of every version, with
        its passage in each version and in the current one, and what became of a reference the
        current version no longer has.</p>
      <section id="released" aria-labelledby="released-heading">
        <h2 id="released-heading">The versions</h2>
        <ul class="version-index">
          <xsl:for-each select="$data/version[@released = 'true']">
            <li><a href="v/{@n}/index.html">Version {@n}</a>{if (@n = $data/@current) then ' (current)' else ''}</li>
          </xsl:for-each>
          <xsl:for-each select="$data/version[@released = 'false']">
            <li><a href="index.html">Version {@n}</a> (current, not released)</li>
          </xsl:for-each>
        </ul>
      </section>
      <xsl:for-each select="$documents">
        <xsl:sequence select="f:document-references(., $data)"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="f:page('Versions and references', f:language(($works, $registers)[1]/*), 'versions.html', $content)"/>
  </xsl:function>

  <xsl:function name="f:document-references" as="element()">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="data" as="element(versions)"/>
    <xsl:variable name="work" as="document-node()?" select="$works[f:document-id(.) = $id][1]"/>
    <xsl:variable name="released" as="element(version)*" select="$data/version[@released = 'true']"/>
    <section id="references-{$id}" aria-labelledby="references-{$id}-heading">
      <h2 id="references-{$id}-heading">{if (exists($work)) then f:work-title($work) else $id}</h2>
      <xsl:if test="exists($work)">
        <p><a href="{$id}.versions.html">The versions of this text, what changed and the comparisons</a></p>
      </xsl:if>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="references-{$id}-caption">
        <table class="concordance">
          <caption id="references-{$id}-caption">References of {$id}, by version</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <xsl:for-each select="$released">
                <th scope="col">{@n}</th>
              </xsl:for-each>
              <th scope="col">Current</th>
              <th scope="col">What became of it</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$data/reference[substring-before(@ref, ':') = $id]">
              <xsl:variable name="reference" as="element(reference)" select="."/>
              <tr id="{translate(@ref, ':', '-')}">
                <th scope="row">{substring-after(@ref, ':')}</th>
                <xsl:for-each select="$released">
                  <xsl:sequence select="f:reference-cell($reference/in[@version = current()/@n][@current = 'false'], @n)"/>
                </xsl:for-each>
                <xsl:sequence select="f:reference-cell($reference/in[@current = 'true'], 'current')"/>
                <td><xsl:sequence select="$reference/became ! f:became(., if (@in) then 'version ' || @in else 'a later version')"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:function>

  <xsl:function name="f:reference-cell" as="element()">
    <xsl:param name="in" as="element(in)?"/>
    <xsl:param name="version" as="xs:string"/>
    <td>
      <xsl:choose>
        <xsl:when test="exists($in)">
          <a href="{$in/@href}" aria-label="{substring-after($in/../@ref, ':')} in {if ($version = 'current')
            then 'the current version' else 'version ' || $version}">{substring-after($in/../@ref, ':')}</a>
        </xsl:when>
        <xsl:otherwise>
          <span aria-hidden="true">—</span>
          <xsl:text> </xsl:text>
          <span class="visually-hidden">not in this version</span>
        </xsl:otherwise>
      </xsl:choose>
    </td>
  </xsl:function>
</xsl:stylesheet>
