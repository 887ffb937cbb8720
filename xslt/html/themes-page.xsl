<?xml version="1.0" encoding="UTF-8"?>
<!-- themes.html: the index of themes. Each theme of the taxonomy, in its order, with the points
     of each programme that name it as their principal theme (@ana), linked to their place in the
     reading text, and a link to the theme on the comparison page. -->
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
      <p class="lead">The editors classify each point of the two programmes by its principal theme.
        Under each theme stand the points of each programme that address it;
        <a href="compare.html">the comparison</a> sets them side by side.</p>
      <xsl:apply-templates select="f:themes()" mode="m:html-themes"/>
    </xsl:variable>
    <xsl:sequence select="f:page('Themes – ' || f:edition-title(), f:language($alignment/*),
      'themes.html', $content)"/>
  </xsl:function>

  <xsl:template match="category" mode="m:html-themes">
    <xsl:variable name="theme" as="xs:string" select="@xml:id"/>
    <section class="theme-entry" id="{$theme}" aria-labelledby="{$theme}-heading">
      <h2 id="{$theme}-heading">{@n}. {f:theme-label(.)}</h2>
      <xsl:for-each select="$works">
        <h3 id="{$theme}-{f:document-id(.)}">{f:work-title(.)}</h3>
        <xsl:sequence select="f:theme-points(f:points(f:normalised(.))[f:theme-id(.) = $theme], $theme || '-' || f:document-id(.))"/>
      </xsl:for-each>
      <p class="theme-compare"><a href="compare.html#{$theme}">Compare the programmes on
        “{f:theme-label(.)}”</a></p>
    </section>
  </xsl:template>

  <xsl:function name="f:theme-points" as="element()">
    <xsl:param name="points" as="element()*"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="empty($points)">
        <p class="theme-none">No point of this programme has it as its principal theme.</p>
      </xsl:when>
      <xsl:otherwise>
        <ul class="theme-points" aria-labelledby="{$label}">
          <xsl:for-each select="$points">
            <li><a href="{f:document-id(.)}.html#{@e:id}">{f:reference(.)}</a>
              <xsl:text> </xsl:text>
              <span class="theme-point-head">
                <xsl:apply-templates select="f:head(.)/node()" mode="m:html-inline">
                  <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
                </xsl:apply-templates>
              </span>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>
</xsl:stylesheet>
