<?xml version="1.0" encoding="UTF-8"?>
<!-- password.xsl: 修改密码, for every logged-in role.  A default password
     (<sms-phone>) is changed only with a code sent to the stored phone. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'修改密码'"/>

  <xsl:template name="content">
    <xsl:if test="/*/forced">
      <div class="msg msg-warn" role="alert">为了账号安全，请先修改初始密码。</div>
    </xsl:if>
    <xsl:if test="/*/sms-phone">
      <div class="msg msg-info" role="note">
        <xsl:choose>
          <xsl:when test="string(/*/sms-phone) != ''">修改初始密码须验证绑定的手机号 <xsl:value-of select="/*/sms-phone"/>：请点击“获取验证码”，并填写收到的短信验证码。</xsl:when>
          <xsl:otherwise>账号未绑定手机号，无法验证身份，请联系上级管理员重置密码。</xsl:otherwise>
        </xsl:choose>
      </div>
    </xsl:if>
    <form method="post" action="/password" class="form password-form">
      <xsl:call-template name="form-message"/>
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'old'"/>
        <xsl:with-param name="label" select="'原密码'"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="autocomplete" select="'current-password'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'password'"/>
        <xsl:with-param name="label" select="'新密码'"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="minlength" select="'8'"/>
        <xsl:with-param name="autocomplete" select="'new-password'"/>
        <xsl:with-param name="hint">
          <xsl:choose>
            <xsl:when test="string(/*/policy) != ''"><xsl:value-of select="/*/policy"/></xsl:when>
            <xsl:otherwise>密码需为字母、数字组合，8位以上，如：abc569436；不要使用姓名拼音首字母加123456等容易被人猜到的密码</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'password2'"/>
        <xsl:with-param name="label" select="'确认新密码'"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="minlength" select="'8'"/>
        <xsl:with-param name="autocomplete" select="'new-password'"/>
        <xsl:with-param name="hint" select="'两次输入密码必须完全一致（区分字母大小写）'"/>
      </xsl:call-template>
      <xsl:if test="string(/*/sms-phone) != ''">
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'sms_code'"/>
          <xsl:with-param name="label" select="'短信验证码'"/>
          <xsl:with-param name="maxlength" select="'6'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
          <xsl:with-param name="autocomplete" select="'one-time-code'"/>
          <xsl:with-param name="hint" select="concat('验证码发送至 ', /*/sms-phone, '，5分钟内有效')"/>
          <xsl:with-param name="after">
            <button type="submit" name="send_code" value="1" formnovalidate="formnovalidate" class="btn btn-code">获取验证码</button>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">确认修改</button>
      </div>
    </form>
  </xsl:template>
</xsl:stylesheet>
