<?xml version="1.0" encoding="UTF-8"?>
<!--
  manual.xsl: the two manuals (h_help.c, schema/xml/manual.rng): <manual
  doc="candidate|admin"/>.  The text is in manual-candidate.xsl and
  manual-admin.xsl, written for our own pages; the pictures are phone-
  width screenshots of those pages in www/help/, taken by the browser
  walk (tools/help-shots).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="manual-candidate.xsl"/>
  <xsl:import href="manual-admin.xsl"/>

  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="/*/@doc = 'admin'">管理员操作手册</xsl:when>
      <xsl:otherwise>考生操作手册</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="content">
    <div class="manual">
      <xsl:choose>
        <xsl:when test="/*/@doc = 'admin'"><xsl:call-template name="manual-admin"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="manual-candidate"/></xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- A screenshot of www/help/$src.png with its caption. -->
  <xsl:template name="shot">
    <xsl:param name="src"/>
    <xsl:param name="alt"/>
    <figure class="shot">
      <img src="/static/help/{$src}.png" alt="{$alt}" loading="lazy" width="390"/>
      <figcaption><xsl:value-of select="$alt"/></figcaption>
    </figure>
  </xsl:template>

  <!-- The table of contents: every section's h2 with an id. -->
  <xsl:template name="toc">
    <xsl:param name="items"/>
    <nav class="toc" aria-label="目录">
      <h2>目录</h2>
      <ol>
        <xsl:for-each select="$items">
          <li><a href="#{@id}"><xsl:value-of select="."/></a></li>
        </xsl:for-each>
      </ol>
    </nav>
  </xsl:template>
</xsl:stylesheet>
