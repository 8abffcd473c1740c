<?xml version="1.0" encoding="UTF-8"?>
<!--
  qr.xsl: 手机扫码上传, the candidate's QR code page:
  <qr><meta/><link url expires minutes/><qr size="25"><row>0110…</row>…</qr></qr>.
  The code is drawn as an inline SVG, one rect per run of dark modules, a
  quiet zone of four modules; no image file, no script, no style
  attribute (CSP).  The link is shown as text too.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/layout.xsl"/>

  <xsl:variable name="title" select="'手机扫码上传'"/>
  <xsl:variable name="code" select="/*/qr"/>
  <xsl:variable name="n" select="number($code/@size) + 8"/>

  <xsl:template name="content">
    <div class="card qr-page">
      <p>请用联网的智能手机（微信或手机浏览器）扫描下面的二维码，手机上会打开上传页面，可选择相册中的照片或直接拍照上传。</p>
      <figure class="qr-code">
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {$n} {$n}"
            width="264" height="264" role="img" aria-label="上传二维码"
            shape-rendering="crispEdges">
          <rect x="0" y="0" width="{$n}" height="{$n}" fill="#fff"/>
          <xsl:for-each select="$code/row">
            <xsl:call-template name="modules">
              <xsl:with-param name="row" select="string(.)"/>
              <xsl:with-param name="y" select="position() + 3"/>
            </xsl:call-template>
          </xsl:for-each>
        </svg>
      </figure>
      <p class="qr-expiry">
        <xsl:text>二维码有效期</xsl:text>
        <xsl:value-of select="/*/link/@minutes"/>
        <xsl:text>分钟，至 </xsl:text>
        <strong><xsl:value-of select="/*/link/@expires"/></strong>
        <xsl:text> 止，只能在一部手机上使用。过期或换用其他手机时，请回到报名信息页面重新点击“手机扫码上传”。</xsl:text>
      </p>
      <p class="qr-link">
        <xsl:text>无法扫码时，可在手机浏览器中输入以下地址：</xsl:text>
        <br/>
        <a href="{/*/link/@url}" class="mono"><xsl:value-of select="/*/link/@url"/></a>
      </p>
      <p class="hint">请勿将二维码或地址发给他人：持有者可在有效期内向您的报名上传资料。</p>
      <p class="actions">
        <a class="btn btn-primary" href="/apply#materials">上传完毕，返回报名信息</a>
      </p>
    </div>
  </xsl:template>

  <!-- One rect per run of '1' in row, starting at x (quiet zone 4):
       a 25-module code needs about 150 rects instead of 300. -->
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
