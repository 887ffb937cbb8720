<?xml version="1.0" encoding="UTF-8"?>
<!-- The skeleton every page of the web edition shares: head, skip link, site header with the
     navigation, the main landmark, the footer. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">


  <!-- The register pages of the navigation are $f:registers-nav (common/params.xsl). -->

  <!-- A complete page. $title is the page's own title: the <title> adds the site's name, so
       that a tab, a bookmark or a search result says which site it is. $current is the file
       name of the page, for the navigation. -->
  <xsl:function name="f:page" as="element()">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="current" as="xs:string"/>
    <xsl:param name="content" as="node()*"/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta http-equiv="Content-Security-Policy" content="{$content-security-policy}"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{string-join(distinct-values(($title, f:edition-title())), ' – ')}</title>
        <link rel="icon" href="{$root}assets/favicon.svg" type="image/svg+xml"/>
        <link rel="stylesheet" href="{$root}assets/edition.css"/>
        <xsl:sequence select="f:head-metadata($current)"/>
        <xsl:if test="exists($citations)">
          <script src="{$root}assets/cite.js" defer="defer"></script>
        </xsl:if>
        <xsl:if test="exists($content//*:button[@popovertarget])">
          <script src="{$root}assets/notes.js" defer="defer"></script>
        </xsl:if>
        <xsl:if test="$page = 'document'">
          <script src="{$root}assets/landing.js" defer="defer"></script>
        </xsl:if>
        <xsl:if test="exists($content/descendant-or-self::*:nav[@id = 'contents'])">
          <script src="{$root}assets/toc.js" defer="defer"></script>
        </xsl:if>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to main content</a>
        <!-- A text's contents, a key away: the first passages of a long text are a few tabs
             from it, its last ones a few more. -->
        <xsl:if test="exists($content/descendant-or-self::*:nav[@id = 'contents'])">
          <a class="skip-link" href="#contents">Skip to contents</a>
        </xsl:if>
        <xsl:sequence select="f:site-header($current)"/>
        <main id="main" tabindex="-1">
          <xsl:sequence select="f:version-note($current)"/>
          <xsl:sequence select="$content"/>
        </main>
        <xsl:sequence select="f:site-footer($current)"/>
      </body>
    </html>
  </xsl:function>

  <!-- The build of a released version is published at its own folder, v/<version>/, which is
       its base URL (edition/version_builds.py): each of its pages says which version it shows
       and links to the same page of the current version, two folders up. -->
  <xsl:function name="f:version-note" as="element()?">
    <xsl:param name="current" as="xs:string"/>
    <xsl:variable name="version" as="xs:string" select="f:edition-version()"/>
    <xsl:choose>
      <xsl:when test="$version != '' and f:is-released-version($version)">
        <p class="version-note">This is version {$version} of the edition, as it was released:
          its text and its references stay as they were. <a href="../../{$current}">This page in
          the current version</a>. <xsl:sequence select="f:versions-links('../../')"/></p>
      </xsl:when>
      <!-- The current version's page of a text, and the edition's page, where the headers
           record an earlier version (whose release the build has made into these pages). -->
      <xsl:when test="$page = ('document', 'index') and f:has-earlier-versions()">
        <p class="versions-link">Version {$version}. <xsl:sequence select="f:versions-links('')"/></p>
      </xsl:when>
    </xsl:choose>
  </xsl:function>

  <!-- The pages of the versions (xslt/versions.xsl): a text's own, where a text's page links,
       and the concordance of references. -->
  <xsl:function name="f:versions-links" as="node()*">
    <xsl:param name="prefix" as="xs:string"/>
    <xsl:if test="$page = 'document' and ($prefix = '' or exists($f:version-links('')))">
      <a href="{$prefix}{f:document-id($f:main)}.versions.html">The versions of this text, what changed and
        what differs</a>
      <xsl:text>; </xsl:text>
    </xsl:if>
    <a href="{$prefix}versions.html">{if ($page = 'document') then 'every' else 'Every'} reference
      across the versions</a>
    <xsl:text>.</xsl:text>
  </xsl:function>

  <xsl:function name="f:has-earlier-versions" as="xs:boolean">
    <xsl:sequence select="exists(f:headers()/revisionDesc/change[@n][@n != f:edition-version()])"/>
  </xsl:function>

  <xsl:function name="f:is-released-version" as="xs:boolean">
    <xsl:param name="version" as="xs:string"/>
    <xsl:sequence select="matches($base-url, '(^|/)v/' || replace($version, '\.', '\\.') || '/?$')"/>
  </xsl:function>

  <xsl:function name="f:site-header" as="element()">
    <xsl:param name="current" as="xs:string"/>
    <header class="site-header">
      <p class="site-title"><a href="{$root}index.html">{f:edition-title()}</a></p>
      <nav aria-label="Edition">
        <ul>
          <xsl:sequence select="f:nav-item('index.html', 'The edition', $current)"/>
          <xsl:if test="exists($introduction)">
            <xsl:sequence select="f:nav-item('introduction.html', 'Introduction', $current)"/>
          </xsl:if>
          <xsl:sequence select="$f:registers-nav ! f:nav-item(?page || '.html', ?label, $current)"/>
          <xsl:if test="exists($alignment)">
            <xsl:sequence select="f:nav-item('compare.html', 'Compare', $current),
              f:nav-item('themes.html', 'Themes', $current)"/>
          </xsl:if>
          <xsl:sequence select="f:nav-item('search.html', 'Search', $current)"/>
        </ul>
      </nav>
    </header>
  </xsl:function>

  <xsl:function name="f:nav-item" as="element()">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="current" as="xs:string"/>
    <li>
      <a href="{$root}{$href}">
        <xsl:if test="$href = $current">
          <xsl:attribute name="aria-current" select="'page'"/>
        </xsl:if>
        <xsl:text>{$label}</xsl:text>
      </a>
    </li>
  </xsl:function>

  <!-- The footer; on paper it also gives the page's address (edition.css prints .print-url
       only), which a printed page cannot show otherwise. The page for a missing address has
       none of its own. -->
  <xsl:function name="f:site-footer" as="element()">
    <xsl:param name="current" as="xs:string"/>
    <footer class="site-footer">
      <p>{f:edition-title()}, version {f:edition-version()}. The encoding and the notes are
        licensed under <a href="{f:licence-url()}">{f:licence-name()}</a>; see
        <a href="{$root}index.html#licence">the licence</a> for the texts themselves.</p>
      <xsl:if test="$page != 'not-found'">
        <p class="print-url">This page: {f:absolute($current)}</p>
      </xsl:if>
    </footer>
  </xsl:function>

  <!-- Facts about the edition, from the TEI headers at hand: the document transformed, the
       works passed in, the registers. -->
  <xsl:function name="f:headers" as="element(teiHeader)*">
    <xsl:sequence select="($f:main, $works, $registers) ! TEI/teiHeader"/>
  </xsl:function>

  <xsl:function name="f:edition-title" as="xs:string">
    <xsl:sequence select="(f:headers() ! fileDesc/publicationStmt/publisher ! normalize-space(), 'Digital edition')[1]"/>
  </xsl:function>

  <xsl:function name="f:edition-version" as="xs:string">
    <xsl:sequence select="(f:headers() ! fileDesc/editionStmt/edition/@n ! string(), '')[1]"/>
  </xsl:function>

  <xsl:function name="f:licence-url" as="xs:string">
    <xsl:sequence select="(f:headers() ! .//availability/licence/@target ! f:web-url(.), $root || 'index.html#licence')[1]"/>
  </xsl:function>

  <!-- The licence's name, as the licence statement spells it out in parentheses. -->
  <xsl:function name="f:licence-name" as="xs:string">
    <xsl:variable name="statement" as="xs:string"
      select="(f:headers() ! .//availability/licence ! normalize-space(), '')[1]"/>
    <xsl:sequence select="(analyze-string($statement, '\(([^)]+)\)')//*:group[1] ! string(), 'the licence stated')[1]"/>
  </xsl:function>
</xsl:stylesheet>
