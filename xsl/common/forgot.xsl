<?xml version="1.0" encoding="UTF-8"?>
<!-- forgot.xsl: 忘记密码: account + bound phone + SMS code + new password. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'忘记密码'"/>

  <xsl:template name="content">
    <form method="post" action="/password/forgot" class="form forgot-form" data-sms="reset">
      <xsl:call-template name="form-message"/>
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'login'"/>
        <xsl:with-param name="label" select="'账号'"/>
        <xsl:with-param name="maxlength" select="'64'"/>
        <xsl:with-param name="autocomplete" select="'username'"/>
        <xsl:with-param name="hint" select="'报考人员填写身份证号或手机号；管理员填写单位代码或账号'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'phone'"/>
        <xsl:with-param name="label" select="'手机号'"/>
        <xsl:with-param name="type" select="'tel'"/>
        <xsl:with-param name="maxlength" select="'11'"/>
        <xsl:with-param name="pattern" select="'1[0-9]{10}'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="autocomplete" select="'tel'"/>
        <xsl:with-param name="hint" select="'请填写账号绑定的手机号'"/>
        <xsl:with-param name="after">
          <button type="submit" name="send_code" value="1" formnovalidate="formnovalidate" class="btn btn-code">获取验证码</button>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'sms_code'"/>
        <xsl:with-param name="label" select="'短信验证码'"/>
        <xsl:with-param name="maxlength" select="'6'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="autocomplete" select="'one-time-code'"/>
        <xsl:with-param name="hint" select="'短信验证码一般在一分钟内发送至手机。未收到的，可于60秒后再次点击获取验证码（如接收不到短信，请关闭手机短信拦截功能）'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'totp'"/>
        <xsl:with-param name="label" select="'身份验证器验证码'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'6'"/>
        <xsl:with-param name="pattern" select="'[0-9]{6}'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="autocomplete" select="'one-time-code'"/>
        <xsl:with-param name="hint" select="'仅已绑定身份验证器的市、省工考办管理员填写：应用中显示的6位数字'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'password'"/>
        <xsl:with-param name="label" select="'新密码'"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="minlength" select="'8'"/>
        <xsl:with-param name="autocomplete" select="'new-password'"/>
        <xsl:with-param name="hint" select="'密码需为字母、数字组合，8位以上，如：abc569436；不要使用姓名拼音首字母加123456等容易被人猜到的密码'"/>
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
        <button type="submit" class="btn btn-primary">重置密码</button>
        <a class="btn btn-plain" href="/login">返回登录</a>
      </div>
    </form>
  </xsl:template>
</xsl:stylesheet>
