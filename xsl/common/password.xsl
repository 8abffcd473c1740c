<?xml version="1.0" encoding="UTF-8"?>
<!-- password.xsl: 修改密码, for every logged-in role. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'修改密码'"/>

  <xsl:template name="content">
    <xsl:if test="/*/forced">
      <div class="msg msg-warn" role="alert">为了账号安全，请先修改初始密码。</div>
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
      <div class="buttons">
        <button type="submit" class="btn btn-primary">确认修改</button>
      </div>
    </form>
  </xsl:template>
</xsl:stylesheet>
