<?xml version="1.0" encoding="UTF-8"?>
<!--
  otp.xsl: 登录验证, the second login factor of city and province office
  accounts (h_otp.c): <otp><meta/><mode/><enroll secret uri><qr size>
  <row>…</row></qr></enroll>?<phone masked/>?<form/></otp>.  mode totp:
  the authenticator's code.  mode verify (nothing enrolled): an SMS code
  to the account's phone, or the enrolment code an administrator gave,
  before any secret is shown.  mode enroll: the authenticator link as a
  QR code, drawn as inline SVG as in xsl/candidate/qr.xsl (no image, no
  script, no style attribute), and the secret as text; 暂不绑定 logs in
  once without it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'登录验证'"/>
  <xsl:variable name="code" select="/*/enroll/qr"/>
  <xsl:variable name="n" select="number($code/@size) + 8"/>

  <xsl:template name="content">
    <div class="card otp-page">
      <xsl:if test="/*/mode = 'verify'">
        <p>为保障账号安全，市、省工考办管理员登录时须进行二次验证。首次使用须绑定手机身份验证器：请先点击“获取短信验证码”，验证账号绑定的手机号<xsl:if test="/*/phone">（<xsl:value-of select="/*/phone/@masked"/>）</xsl:if>，或输入上级管理员发放的10位绑定码。</p>
        <p class="hint">账号仍使用初始密码的，验证后须先修改密码，下次登录时再绑定身份验证器。</p>
      </xsl:if>
      <xsl:if test="/*/enroll">
        <p>请在手机上安装身份验证器应用（如“腾讯身份验证器”、“Microsoft Authenticator”、“Google Authenticator”），扫描下面的二维码添加账号，再输入应用中显示的6位验证码。绑定后登录只能使用身份验证器中的验证码。</p>
        <figure class="qr-code">
          <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {$n} {$n}"
              width="264" height="264" role="img" aria-label="身份验证器二维码"
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
        <p class="otp-secret">
          <xsl:text>无法扫码时，可在应用中手动输入密钥：</xsl:text>
          <br/>
          <strong class="mono"><xsl:value-of select="/*/enroll/@secret"/></strong>
        </p>
        <p class="hint">请勿将二维码或密钥告诉他人。</p>
      </xsl:if>
      <xsl:if test="/*/mode = 'totp'">
        <p>为保障账号安全，请输入手机身份验证器应用中显示的6位验证码。</p>
        <p class="hint">身份验证器丢失或更换手机的，请联系上级管理员重置。</p>
      </xsl:if>
      <form method="post" action="/login/otp" class="form otp-form">
        <xsl:call-template name="form-message"/>
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'code'"/>
          <xsl:with-param name="label">
            <xsl:choose>
              <xsl:when test="/*/mode = 'verify'">短信验证码或绑定码</xsl:when>
              <xsl:otherwise>验证码</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="maxlength">
            <xsl:choose>
              <xsl:when test="/*/mode = 'verify'">10</xsl:when>
              <xsl:otherwise>6</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="pattern">
            <xsl:choose>
              <xsl:when test="/*/mode = 'verify'">[0-9]{6}|[0-9]{10}</xsl:when>
              <xsl:otherwise>[0-9]{6}</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="inputmode" select="'numeric'"/>
          <xsl:with-param name="autocomplete" select="'one-time-code'"/>
          <xsl:with-param name="hint">
            <xsl:choose>
              <xsl:when test="/*/mode = 'verify' and /*/phone">
                <xsl:text>短信验证码发送至 </xsl:text>
                <xsl:value-of select="/*/phone/@masked"/>
                <xsl:text>，5分钟内有效；绑定码为10位数字</xsl:text>
              </xsl:when>
              <xsl:when test="/*/mode = 'verify'">请输入上级管理员发放的10位绑定码</xsl:when>
              <xsl:otherwise>身份验证器中的6位数字，每30秒更新一次</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="after">
            <xsl:if test="/*/mode = 'verify' and /*/phone">
              <button type="submit" name="send_code" value="1" formnovalidate="formnovalidate" class="btn btn-code">获取短信验证码</button>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
        <div class="buttons">
          <button type="submit" class="btn btn-primary">
            <xsl:choose>
              <xsl:when test="/*/mode = 'verify'">验证</xsl:when>
              <xsl:when test="/*/mode = 'enroll'">绑定并登录</xsl:when>
              <xsl:otherwise>验证并登录</xsl:otherwise>
            </xsl:choose>
          </button>
          <xsl:if test="/*/mode = 'enroll'">
            <button type="submit" name="skip" value="1" formnovalidate="formnovalidate" class="btn btn-plain">暂不绑定，本次直接登录</button>
          </xsl:if>
          <a class="btn btn-plain" href="/login?kind=staff">返回登录</a>
        </div>
      </form>
    </div>
  </xsl:template>

  <!-- One rect per run of '1' in row, as in xsl/candidate/qr.xsl. -->
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
