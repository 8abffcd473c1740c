<?xml version="1.0" encoding="UTF-8"?>
<!--
  qr.xsl: 手机扫码上传, the candidate's QR code page:
  <qr><meta/><link url expires minutes/><qr size="25"><row>0110…</row>…</qr>
  <form/></qr> when the code is made (POST), or <qr><meta/>[<revoked/>]
  [<link-state expires [claimed]/>]<form/></qr> (GET: 已在手机上打开,
  when, and 撤销).
  The code is drawn as an inline SVG, one rect per run of dark modules, a
  quiet zone of four modules; no image file, no script, no style
  attribute (CSP).  The link is shown as text too.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="../common/widgets.xsl"/>

  <xsl:variable name="title" select="'手机扫码上传'"/>
  <xsl:variable name="code" select="/*/qr"/>
  <xsl:variable name="n" select="number($code/@size) + 8"/>

  <xsl:template name="content">
    <xsl:choose>
      <xsl:when test="$code">
        <xsl:call-template name="code"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="state"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 撤销: every link of the application stops working at once. -->
  <xsl:template name="revoke">
    <form method="post" action="/apply/qr/revoke" class="qr-form">
      <xsl:call-template name="csrf"/>
      <button type="submit" class="btn">撤销二维码</button>
    </form>
  </xsl:template>

  <!-- GET /apply/qr: whether the live link was opened on a phone. -->
  <xsl:template name="state">
    <div class="card qr-page">
      <xsl:if test="/*/revoked">
        <div class="msg msg-ok" role="status">二维码已撤销，手机上的上传页面已失效。</div>
      </xsl:if>
      <xsl:variable name="s" select="/*/link-state"/>
      <xsl:choose>
        <xsl:when test="string($s/@claimed) != ''">
          <p class="qr-claimed">
            <strong>已在手机上打开</strong>
            <xsl:text>（</xsl:text><xsl:value-of select="$s/@claimed"/>
            <xsl:text>），有效期至 </xsl:text><xsl:value-of select="$s/@expires"/>
            <xsl:text>。如果不是您本人的手机，请立即撤销。</xsl:text>
          </p>
          <xsl:call-template name="revoke"/>
        </xsl:when>
        <xsl:when test="$s">
          <p>
            <xsl:text>二维码尚未在手机上打开，有效期至 </xsl:text>
            <xsl:value-of select="$s/@expires"/>
            <xsl:text>。</xsl:text>
          </p>
          <xsl:call-template name="revoke"/>
        </xsl:when>
        <xsl:otherwise>
          <p>当前没有有效的二维码。</p>
        </xsl:otherwise>
      </xsl:choose>
      <form method="post" action="/apply/qr" class="qr-form">
        <xsl:call-template name="csrf"/>
        <button type="submit" class="btn btn-primary">生成新的二维码</button>
      </form>
      <p class="actions">
        <a class="btn" href="/apply#materials">返回报名信息</a>
      </p>
    </div>
  </xsl:template>

  <xsl:template name="code">
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
      <p class="hint">请勿将二维码或地址发给他人：持有者可在有效期内向您的报名上传资料（个人照片和身份证照片只能在电脑上上传）。手机上点击“开始上传”后，可在这里查看是否已在手机上打开；不是您本人的手机时请撤销。</p>
      <p class="actions">
        <a class="btn" href="/apply/qr">查看手机是否已打开</a>
        <xsl:text> </xsl:text>
        <a class="btn btn-primary" href="/apply#materials">上传完毕，返回报名信息</a>
      </p>
      <xsl:call-template name="revoke"/>
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
