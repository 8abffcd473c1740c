<?xml version="1.0" encoding="UTF-8"?>
<!--
  login.xsl: two tabs, 报考人员 and 管理员, without JavaScript: two forms
  (each posting its own hidden kind) shown one at a time by a pair of
  radio inputs outside the forms and CSS (:checked ~).  Without CSS both
  forms show, one after the other.  The form of the submitted kind is
  the open one and the only one filled from /*/form.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'登录'"/>
  <xsl:variable name="kind">
    <xsl:choose>
      <xsl:when test="/*/form/field[@name = 'kind']/@value = 'staff'">staff</xsl:when>
      <xsl:otherwise>candidate</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="content">
    <div class="login">
      <xsl:call-template name="window-box"/>
      <div class="tabs">
        <input type="radio" name="tab" id="tab-candidate" class="tab-radio">
          <xsl:if test="$kind = 'candidate'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        </input>
        <label for="tab-candidate" class="tab">报考人员</label>
        <input type="radio" name="tab" id="tab-staff" class="tab-radio">
          <xsl:if test="$kind = 'staff'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        </input>
        <label for="tab-staff" class="tab">管理员</label>

        <section class="tab-panel panel-candidate" aria-labelledby="h-candidate">
          <h2 id="h-candidate" class="panel-title">报考人员登录</h2>
          <xsl:call-template name="login-form">
            <xsl:with-param name="k" select="'candidate'"/>
            <xsl:with-param name="label" select="'身份证号或手机号'"/>
          </xsl:call-template>
          <p class="login-links">
            <a href="/register/notice">去注册</a>
            <span class="sep"> | </span>
            <a href="/password/forgot">忘记密码?</a>
          </p>
          <p class="hint">报考人员每个报考年度都需要重新注册。</p>
        </section>

        <section class="tab-panel panel-staff" aria-labelledby="h-staff">
          <h2 id="h-staff" class="panel-title">管理员登录</h2>
          <xsl:call-template name="login-form">
            <xsl:with-param name="k" select="'staff'"/>
            <xsl:with-param name="label" select="'单位代码、手机号或账号'"/>
          </xsl:call-template>
          <p class="login-links">
            <a href="/password/forgot">忘记密码?</a>
          </p>
          <p class="hint">管理员首次登录须先修改初始密码。</p>
        </section>
      </div>

      <ul class="help-links">
        <li><a href="/help/candidate">报考人员手册</a></li>
        <li><a href="/help/admin">管理员手册</a></li>
        <li><a href="/help/policy">政策咨询</a></li>
        <li><a href="/help/phones">咨询电话</a></li>
        <li><a href="/canapply">我能报哪一级</a></li>
      </ul>
    </div>
  </xsl:template>

  <xsl:template name="login-form">
    <xsl:param name="k"/>
    <xsl:param name="label"/>
    <xsl:variable name="mine" select="$kind = $k"/>
    <form method="post" action="/login" class="form login-form">
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="kind" value="{$k}"/>
      <xsl:if test="$mine">
        <xsl:call-template name="form-message"/>
        <xsl:for-each select="/*/form/field[@name = 'kind']/error">
          <p class="error"><xsl:value-of select="."/></p>
        </xsl:for-each>
      </xsl:if>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'login'"/>
        <xsl:with-param name="id" select="concat('f-login-', $k)"/>
        <xsl:with-param name="label" select="$label"/>
        <xsl:with-param name="f" select="/*/form/field[$mine][@name = 'login']"/>
        <xsl:with-param name="autocomplete" select="'username'"/>
        <xsl:with-param name="maxlength" select="'64'"/>
        <xsl:with-param name="placeholder" select="concat('请输入', $label)"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'password'"/>
        <xsl:with-param name="id" select="concat('f-password-', $k)"/>
        <xsl:with-param name="label" select="'密码'"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="f" select="/*/form/field[$mine][@name = 'password']"/>
        <xsl:with-param name="autocomplete" select="'current-password'"/>
        <xsl:with-param name="placeholder" select="'请输入密码'"/>
      </xsl:call-template>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">登录</button>
      </div>
    </form>
  </xsl:template>
</xsl:stylesheet>
