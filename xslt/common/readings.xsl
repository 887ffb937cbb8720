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

  <!-- What the editors did, said from the point of view of the reading shown: the words that
       introduce the other reading, then that reading quoted. -->
  <xsl:function name="f:explanation" as="xs:string">
    <xsl:param name="shown" as="element()"/>
    <xsl:param name="other" as="element()"/>
    <xsl:sequence select="f:explanation-words($shown) || ' “' || normalize-space($other) || '”'"/>
  </xsl:function>

  <xsl:function name="f:explanation-words" as="xs:string">
    <xsl:param name="shown" as="element()"/>
    <xsl:sequence select="
      if ($shown/self::corr) then 'corrected; the source reads'
      else if ($shown/self::reg) then 'regularised; the source reads'
      else if ($shown/self::sic) then 'sic; the reading text corrects to'
      else if ($shown/self::orig) then 'as in the source; the reading text has'
      else 'also'"/>
  </xsl:function>

  <!-- Whether two readings differ in their spacing alone ("1949- 1976" and "1949-1976"): the
       quoted reading then shows its spaces, which a reader could not see otherwise. -->
  <xsl:function name="f:differ-in-spacing" as="xs:boolean">
    <xsl:param name="shown" as="element()"/>
    <xsl:param name="other" as="element()"/>
    <xsl:sequence select="normalize-space($shown) ne normalize-space($other)
      and replace(string($shown), '\s', '') eq replace(string($other), '\s', '')"/>
  </xsl:function>
</xsl:stylesheet>
