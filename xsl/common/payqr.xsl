<?xml version="1.0" encoding="UTF-8"?>
<!--
  payqr.xsl: 扫码缴费 (seed 002 §3.2.3; h_payoffice.c, schema/xml/payqr.rng):
  <payqr url><qr size><row>0110…</row>…</qr></payqr>, the code of the
  site's payment page, drawn as SVG (one rect per run of dark modules).
  It carries no personal data: the candidate logs in on his phone.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'扫码缴费'"/>

  <xsl:template name="content">
    <xsl:variable name="code" select="/*/qr"/>
    <xsl:variable name="n" select="number($code/@size) + 8"/>
    <xsl:call-template name="pay-tabs"/>
    <div class="card qr-page">
      <p>终审通过的报考人员可用手机（微信或手机浏览器）扫描下面的二维码，登录本人账号后进入网上缴费页面缴费。二维码不含任何个人信息，可打印张贴。</p>
      <figure class="qr-code">
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {$n} {$n}"
            width="264" height="264" role="img" aria-label="缴费二维码"
            shape-rendering="crispEdges">
          <rect x="0" y="0" width="{$n}" height="{$n}" fill="#fff"/>
          <xsl:for-each select="$code/row">
            <xsl:call-template name="modules">
              <xsl:with-param name="row" select="string(.)"/>
              <xsl:with-param name="y" select="position() + 3"/>
            </xsl:call-template>
          </xsl:for-each>
        </svg>
        <figcaption>缴费二维码</figcaption>
      </figure>
      <p class="qr-link">无法扫码时，可在手机浏览器中输入：<a href="{/*/@url}" class="mono"><xsl:value-of select="/*/@url"/></a></p>
    </div>
  </xsl:template>

  <xsl:template name="modules">
    <xsl:param name="row"/>
    <xsl:param name="y"/>
    <xsl:param name="x" select="4"/>
    <xsl:if test="contains($row, '1')">
      <xsl:variable name="skip" select="string-length(substring-before($row, '1'))"/>
      <xsl:variable name="rest" select="substring($row, $skip + 1)"/>
      <xsl:variable name="run" select="string-length(substring-before(concat($rest, '0'), '0'))"/>
      <rect xmlns="http://www.w3.org/2000/svg" x="{$x + $skip}" y="{$y}" width="{$run}" height="1" fill="#000"/>
      <xsl:call-template name="modules">
        <xsl:with-param name="row" select="substring($rest, $run + 1)"/>
        <xsl:with-param name="y" select="$y"/>
        <xsl:with-param name="x" select="$x + $skip + $run"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
