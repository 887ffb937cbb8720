<?xml version="1.0" encoding="UTF-8"?>
<!-- compare.html: the two programmes read side by side, theme by theme. Each theme shows its
     aligned pairs (both points in the reading text, the type of the link in words, the
     editors' note), then the points classified under it that no link pairs, so that every point
     of both programmes stands on the page. The points are rendered by the text's own block
     rules and then stripped of what belongs to the work's page only (ids, permalinks). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns:h="http://www.w3.org/1999/xhtml" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:html-compare" on-no-match="fail"/>
  <xsl:mode name="m:html-excerpt" on-no-match="shallow-copy"/>

  <xsl:function name="f:compare-page" as="element()">
    <xsl:variable name="content" as="element()*">
      <h1>The programmes compared</h1>
      <p class="lead">The points of the two programmes, theme by theme, side by side in the reading
        text. The editors pair the points that address the same theme, say how the two relate, and
        describe each pair in a note; the <a href="themes.html">index of themes</a> lists every
        point under its principal theme.</p>
      <dl class="link-types">
        <xsl:for-each select="'parallel', 'partial', 'contrasting'">
          <dt>{f:capitalised(.)}</dt>
          <dd>{$f:link-types(.) => f:capitalised()}</dd>
        </xsl:for-each>
      </dl>
      <nav class="theme-nav" aria-label="Themes">
        <ol>
          <xsl:for-each select="f:themes()">
            <li><a href="#{@xml:id}">{f:theme-label(.)}</a></li>
          </xsl:for-each>
        </ol>
      </nav>
      <xsl:apply-templates select="f:themes()" mode="m:html-compare"/>
    </xsl:variable>
    <xsl:sequence select="f:page('The programmes compared – ' || f:edition-title(),
      f:language($alignment/*), 'compare.html', $content)"/>
  </xsl:function>

  <xsl:template match="category" mode="m:html-compare">
    <xsl:variable name="links" as="element(link)*" select="f:theme-links(.)"/>
    <xsl:variable name="theme" as="xs:string" select="@xml:id"/>
    <section class="theme" id="{$theme}" aria-labelledby="{$theme}-heading">
      <h2 id="{$theme}-heading">{@n}. {f:theme-label(.)}</h2>
      <xsl:apply-templates select="$links" mode="m:html-compare"/>
      <xsl:sequence select="f:unpaired($works ! f:points(f:normalised(.))[f:theme-id(.) = $theme]
        except $links ! f:link-points(.))"/>
    </section>
  </xsl:template>

  <xsl:template match="link" mode="m:html-compare">
    <xsl:variable name="points" as="element()*" select="f:link-points(.)"/>
    <xsl:variable name="type" as="xs:string" select="string(@type)"/>
    <article class="pair pair-{$type}" id="{@xml:id}" aria-labelledby="{@xml:id}-heading">
      <h3 id="{@xml:id}-heading">{string-join($points ! f:reference(.), ' and ')}</h3>
      <p class="link-type"><strong>{f:capitalised($type)}:</strong> {($f:link-types($type), $type)[1]}</p>
      <div class="pair-sides">
        <xsl:sequence select="$points ! f:side(.)"/>
      </div>
      <xsl:apply-templates select="f:link-note(.)" mode="m:html-compare"/>
    </article>
  </xsl:template>

  <xsl:template match="note" mode="m:html-compare">
    <div class="alignment-note editorial">
      <p><strong class="note-label">Editors’ note.</strong>
        <xsl:text> </xsl:text>
        <xsl:apply-templates mode="m:html-inline"/>
      </p>
    </div>
  </xsl:template>

  <!-- Points of a theme that no link pairs. -->
  <xsl:function name="f:unpaired" as="element()?">
    <xsl:param name="points" as="element()*"/>
    <xsl:if test="exists($points)">
      <div class="unpaired">
        <p class="link-type"><strong>Without a counterpart:</strong> the editors pair these points
          with no point of the other programme.</p>
        <div class="pair-sides">
          <xsl:sequence select="$points ! f:side(.)"/>
        </div>
      </div>
    </xsl:if>
  </xsl:function>

  <!-- One side of a pair: the work, the point as the reading text has it, its place there. -->
  <xsl:function name="f:side" as="element()">
    <xsl:param name="point" as="element()"/>
    <xsl:variable name="rendered" as="element()*">
      <xsl:apply-templates select="$point" mode="m:html-blocks"/>
    </xsl:variable>
    <div class="side" lang="{f:language($point)}">
      <p class="side-work"><cite>{f:work-title(root($point))}</cite></p>
      <xsl:apply-templates select="$rendered" mode="m:html-excerpt"/>
      <p class="side-link"><a href="{f:document-id($point)}.html#{$point/@e:id}">Read
        {f:reference($point)} in the text</a></p>
    </div>
  </xsl:function>

  <!-- The units of a normalised work that the alignment classifies, its points. -->
  <xsl:function name="f:points" as="element()*">
    <xsl:param name="work" as="document-node()"/>
    <xsl:sequence select="$work/TEI/text//*[@ana][@e:ref]"/>
  </xsl:function>

  <xsl:function name="f:capitalised" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($text, 1, 1)) || substring($text, 2)"/>
  </xsl:function>

  <!-- A point rendered for its work's page, made fit for this one: no ids (they belong to the
       work's page), no links back here, no buttons of notes (without ids, the notes stay open),
       headings two levels down. Each unit keeps its reference, whose permalink leads to it in
       the text. -->
  <xsl:template match="@id | h:a[tokenize(@class) = 'compare-link']
    | h:button[tokenize(@class) = 'app-toggle']" mode="m:html-excerpt"/>

  <xsl:template match="h:h1 | h:h2 | h:h3 | h:h4" mode="m:html-excerpt">
    <xsl:element name="h{xs:integer(substring(local-name(), 2)) + 2}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:apply-templates select="@*, node()" mode="m:html-excerpt"/>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
