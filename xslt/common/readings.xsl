<?xml version="1.0" encoding="UTF-8"?>
<!-- The two views of the text: the reading text (corrections and regularisations applied)
     and the diplomatic text (the source's readings). The normalisation pass marks the reading
     of each choice a view shows, and its note, with the functions here; the outputs read those
     marks. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:f="urn:edition:functions"
  xpath-default-namespace="http://www.tei-c.org/ns/1.0"
  exclude-result-prefixes="#all" expand-text="yes">


  <!-- The reading of an intervention this view shows. -->
  <xsl:function name="f:shown-reading" as="element()?">
    <xsl:param name="choice" as="element(choice)"/>
    <xsl:sequence select="if (f:is-diplomatic()) then $choice/(sic | orig) else $choice/(corr | reg)"/>
  </xsl:function>

  <xsl:function name="f:is-diplomatic" as="xs:boolean">
    <xsl:sequence select="$view = 'diplomatic'"/>
  </xsl:function>

  <!-- What the editors did, said from the point of view of the reading shown. -->
  <xsl:function name="f:explanation" as="xs:string">
    <xsl:param name="shown" as="element()"/>
    <xsl:param name="other" as="element()"/>
    <xsl:variable name="quoted" as="xs:string" select="'“' || normalize-space($other) || '”'"/>
    <xsl:sequence select="
      if ($shown/self::corr) then 'corrected; the source reads ' || $quoted
      else if ($shown/self::reg) then 'regularised; the source reads ' || $quoted
      else if ($shown/self::sic) then 'sic; the reading text corrects to ' || $quoted
      else if ($shown/self::orig) then 'as in the source; the reading text has ' || $quoted
      else 'also ' || $quoted"/>
  </xsl:function>
</xsl:stylesheet>
