<?xml version="1.0" encoding="UTF-8"?>
<!-- Every parameter of the stylesheets, in one module that every driver includes: what a
     transform is given, and by whom. The static ones are the site's constants, declared once in
     Python (edition/site.py) and given to every stylesheet when it is compiled
     (edition/saxon.py); the others come with each transform, from the output that runs it
     (edition/outputs/). A parameter a driver does not use is left at its default. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <!-- The site's constants -->

  <!-- The register pages, the views, the citation styles and the download formats, as JSON
       (edition.site.static_parameters). -->
  <xsl:param name="site" as="xs:string" static="yes" required="yes"/>

  <xsl:variable name="f:site" as="map(*)" select="parse-json($site)"/>
  <!-- The register pages, in the order of the navigation: file name (without .html), heading,
       the standOff list it shows, the elements that link to it, what it is sorted by. -->
  <xsl:variable name="f:registers" as="map(*)*" select="$f:site?registers?*"/>
  <xsl:variable name="f:registers-nav" as="map(xs:string, xs:string)*"
    select="$f:registers ! map { 'page': ?page, 'label': ?label }"/>
  <!-- Each kind of entry, or of reference to one, and its register page (without .html). -->
  <xsl:variable name="f:register-pages" as="map(xs:string, xs:string)"
    select="map:merge($f:registers ! (let $page := ?page return ?elements?* ! map:entry(., $page)))"/>
  <!-- The views of a work: name ('reading', 'diplomatic'), suffix of its files, label. -->
  <xsl:variable name="f:views" as="map(*)*" select="$f:site?views?*"/>
  <xsl:variable name="f:cite-styles" as="map(xs:string, xs:string)"
    select="map:merge($f:site?styles?* ! map { ?name: ?label })"/>
  <xsl:variable name="f:cite-formats" as="map(xs:string, xs:string)"
    select="map:merge($f:site?downloads?* ! map { ?name: ?label })"/>

  <!-- What the document is and how it is shown -->

  <!-- A page's Content-Security-Policy, declared once for the pages and the server's headers
       (edition/policy.py) and given by the html output. A page made without it allows nothing. -->
  <xsl:param name="content-security-policy" as="xs:string" select="'default-src ''none'''"/>

  <!-- Which page html.xsl makes: 'document' (the input is a work), 'index', a register page,
       'compare', 'themes', 'search', 'introduction'. -->
  <xsl:param name="page" as="xs:string" select="'document'"/>
  <!-- The view of a work: 'reading' or 'diplomatic'. -->
  <xsl:param name="view" as="xs:string" select="'reading'"/>
  <!-- Whether the document is rendered generically: not valid against the edition's schema,
       built leniently. -->
  <xsl:param name="generic" as="xs:boolean" select="false()"/>
  <!-- The id the build derived from the file name of a document it renders generically (a
       transform of such a document reads no other); empty everywhere else, where the header
       states the id. -->
  <xsl:param name="document-id" as="xs:string" select="''"/>

  <!-- For a page of a released version (its build, edition/version_builds.py): what each of
       its passages became in the current version, as JSON (xslt/html/version-links.xsl). -->
  <xsl:param name="version-links" as="xs:string" select="''"/>
  <!-- For the pages of the versions (xslt/versions.xsl): the versions, the comparisons of their
       texts and the concordance of references (edition/version_pages.py). -->
  <xsl:param name="version-data" as="document-node()?" select="()"/>

  <!-- The edition's other files, passed in: a transform reads no file -->

  <!-- The registers file, or nothing when a transform runs without it (foreign TEI). -->
  <xsl:param name="registers" as="document-node()?" select="()"/>
  <!-- The alignment of the programmes, for the comparison and the themes. -->
  <xsl:param name="alignment" as="document-node()?" select="()"/>
  <!-- The editors' introduction, when the edition has one: the navigation links to it. -->
  <xsl:param name="introduction" as="document-node()?" select="()"/>
  <!-- For the pages over the whole edition (and the printed introduction): the works, as their
       summaries, or whole for the comparison. -->
  <xsl:param name="works" as="document-node()*" select="()"/>
  <!-- For a work's page: its citations and those of its passages, formatted once per build by
       the Python driver (edition/outputs/html.py), with the files to download. -->
  <xsl:param name="citations" as="document-node()?" select="()"/>

  <!-- For the web pages -->

  <!-- What the skeleton's links to the site's own files begin with: nothing, for the pages at
       their place in the site, whose links are relative; the site's path from its root ("/"),
       for a page served at any address, as the page for an address with none is (404.html). -->
  <xsl:param name="root" as="xs:string" select="''"/>
  <!-- The works before and after this one in the order the edition's page lists them, each
       as its header (<neighbours><TEI rel="prev|next" id="..">teiHeader</TEI></neighbours>),
       from the Python driver (edition/outputs/html.py). -->
  <xsl:param name="neighbours" as="document-node()?" select="()"/>
  <!-- The files a reader can download of this work, each as the build wrote it:
       <downloads><file kind=".." href=".." bytes=".."/></downloads>, @bytes where the file's size
       is known when the page is made (edition/outputs/html.py). -->
  <xsl:param name="downloads" as="document-node()?" select="()"/>
  <!-- How many passages an entry shows on its register page, and how many each page of its
       own pages of occurrences holds: a register page stays the same size however many
       documents name its entries, and so does each page of an entry's occurrences
       (edition/outputs/html.py sets both). -->
  <xsl:param name="register-preview" as="xs:integer" select="5"/>
  <xsl:param name="register-page-size" as="xs:integer" select="100"/>
  <!-- The mark that precedes each page in the result of a transform that makes several (f:mark):
       a comment holding the marker, a space and the page's file name. The caller chooses it for
       each build, so that no text can forge it. -->
  <xsl:param name="page-marker" as="xs:string" select="''"/>
  <!-- The register pages one transform makes ($page 'registers'). -->
  <xsl:param name="register-set" as="xs:string*" select="()"/>
  <!-- The places in the works that name each entry, put together from the works' lists of them
       (edition/occurrences.py): <occurrences><entry id=".." places=".." times=".." texts=".."><work
       id=".." title="..">(each place's item)</work></entry></occurrences>; for the register pages,
       each entry's first places; for the pages of one entry's places ($page 'occurrences', the
       entry $occurrence-entry), all of them. -->
  <xsl:param name="occurrences" as="document-node()?" select="()"/>
  <xsl:param name="occurrence-entry" as="xs:string" select="''"/>
  <!-- For the edition's page, listed over several pages in a large edition (index.html,
       index-2.html, ...): which page this is, how many there are, the position of its first
       work among all, and how many works there are (edition/outputs/html.py). -->
  <xsl:param name="listing-page" as="xs:integer" select="1"/>
  <xsl:param name="listing-pages" as="xs:integer" select="1"/>
  <xsl:param name="listing-first" as="xs:integer" select="1"/>
  <xsl:param name="listing-total" as="xs:integer" select="count($works)"/>

  <!-- For the print -->

  <!-- Where the document is published, in its version and in the current one, and its citation
       (Chicago, in citeproc's markup: <citation>text, <i>title</i></citation>): all made by the
       build's citation module, which makes every citation of the edition. -->
  <xsl:param name="stable-url" as="xs:string?" select="()"/>
  <xsl:param name="current-url" as="xs:string?" select="()"/>
  <xsl:param name="citation" as="document-node()?" select="()"/>

  <!-- Deployment settings ([tool.edition] in pyproject.toml) -->

  <!-- The address the edition is published at. -->
  <xsl:param name="base-url" as="xs:string" select="''"/>
  <!-- Prefix of the register pages' links: '' within the web edition, its base URL elsewhere. -->
  <xsl:param name="register-base" as="xs:string" select="''"/>
  <!-- The print's paper: 'a4' or 'letter'. -->
  <xsl:param name="paper" as="xs:string" select="'a4'"/>
  <!-- The width of a plain text file's lines, in characters. -->
  <xsl:param name="width" as="xs:integer" select="72"/>
</xsl:stylesheet>
