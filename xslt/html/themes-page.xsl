<?xml version="1.0" encoding="UTF-8"?>
<!-- themes.html: the index of themes. Above the themes, those both programmes address and those
     only one does; then each theme of the taxonomy, in its order, with the passages of each
     programme that the alignment's entries (html/alignment.xsl) place under it, in the order of
     the programmes on the comparison, each linked to its place in the reading text and to its
     entry on the comparison. The comparison is made from the same entries, so that the two
     pages cannot disagree. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:m="urn:edition:modes" xmlns:e="urn:edition:normalised"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="m:html-themes" on-no-match="fail"/>

  <xsl:function name="f:themes-page" as="element()">
    <xsl:variable name="content" as="element()*">
      <h1>Themes</h1>
      <p class="lead">The themes of the two programmes and the passages of each programme that
        address them: a whole point, or one paragraph of a point whose paragraphs address
        different themes. <a href="compare.html">The comparison</a> sets the same passages side
        by side, theme by theme, with the editors' notes.</p>
      <xsl:sequence select="f:alignment-summary('themes.html')"/>
      <xsl:apply-templates select="f:themes()" mode="m:html-themes"/>
    </xsl:variable>
    <xsl:sequence select="f:page('Themes', f:language($alignment/*),
      'themes.html', $content)"/>
  </xsl:function>

  <xsl:template match="category" mode="m:html-themes">
    <xsl:variable name="theme" as="element(category)" select="."/>
    <xsl:variable name="id" as="xs:string" select="@xml:id"/>
    <section class="theme-entry" id="{$id}" aria-labelledby="{$id}-heading">
      <h2 id="{$id}-heading">{@n}. {f:theme-label(.)}</h2>
      <p class="link-type">{f:theme-scope(.)}</p>
      <xsl:for-each select="f:programmes()">
        <h3 id="{$id}-{f:document-id(.)}">{f:programme-name(.)}: {f:work-title(.)}</h3>
        <xsl:sequence select="f:theme-points($theme, f:theme-passages($theme, .), $id || '-' || f:document-id(.))"/>
      </xsl:for-each>
      <p class="theme-compare"><a href="compare.html#{$id}">Compare the programmes on
        “{f:theme-label(.)}”</a></p>
    </section>
  </xsl:template>

  <xsl:function name="f:theme-points" as="element()">
    <xsl:param name="theme" as="element(category)"/>
    <xsl:param name="passages" as="element()*"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="empty($passages)">
        <p class="theme-none">No passage of this programme addresses this theme.</p>
      </xsl:when>
      <xsl:otherwise>
        <ul class="theme-points" aria-labelledby="{$label}">
          <xsl:for-each select="$passages">
            <li><a href="{f:document-id(.)}.html#{@e:id}">{f:passage-name(.)}</a>
              <xsl:text> </xsl:text>
              <span class="theme-point-head">{if (. is f:passage-point(.)) then '' else 'in '}“{f:point-title(f:passage-point(.))}”</span>
              <xsl:sequence select="f:passage-entries($theme, .)"/>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The entries of the comparison that hold a passage under a theme: "compared with LLCO 4",
       or "only in this programme". -->
  <xsl:function name="f:passage-entries" as="node()*">
    <xsl:param name="theme" as="element(category)"/>
    <xsl:param name="passage" as="element()"/>
    <xsl:for-each select="f:theme-entries($theme)[f:entry-passages(.) intersect $passage]">
      <xsl:variable name="others" as="element()*" select="f:entry-passages(.) except $passage"/>
      <xsl:text> · </xsl:text>
      <a href="compare.html#{@xml:id}">{if (exists($others))
        then 'compared with ' || string-join($others ! f:passage-name(.), ' and ')
        else 'only in this programme'}</a>
    </xsl:for-each>
  </xsl:function>
</xsl:stylesheet>
