<?xml version="1.0" encoding="UTF-8"?>
<!-- What every output says of a document from its header: its id and its title. Each is
     computed here and nowhere else. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">


  <!-- A document's id, as references and file names begin with it. -->
  <xsl:function name="f:document-id" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="tei" as="element(TEI)?" select="root($node)/TEI"/>
    <xsl:sequence select="normalize-space(($document-id, $tei/teiHeader/fileDesc/publicationStmt/idno[@type = 'document'],
      $tei/@xml:id, 'document')[normalize-space()][1])"/>
  </xsl:function>

  <!-- A work's title: the main title its header gives, else its first, else its id. -->
  <xsl:function name="f:work-title" as="xs:string">
    <xsl:param name="document" as="document-node()"/>
    <xsl:variable name="titles" as="element(title)*" select="$document/*/teiHeader/fileDesc/titleStmt/title"/>
    <xsl:sequence select="(($titles[@type = 'main'], $titles) ! normalize-space()[.], f:document-id($document))[1]"/>
  </xsl:function>
</xsl:stylesheet>
