<?xml version="1.0" encoding="UTF-8"?>
<!--
  register.xsl: 2.个人注册.  Multipart POST to /register; fields in the
  order and with the hints of seed 000 §1 and 001 §二.  获取验证码 is a
  second submit button (send_code=1, formnovalidate); gkbm.js turns it
  into a POST to /sms when it can.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'个人注册'"/>

  <xsl:template name="content">
    <xsl:call-template name="steps">
      <xsl:with-param name="current" select="2"/>
    </xsl:call-template>
    <xsl:call-template name="window-box"/>

    <form method="post" action="/register" enctype="multipart/form-data"
        class="form register-form" data-sms="register">
      <xsl:call-template name="form-message"/>
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="consent" value="{/*/form/field[@name = 'consent']/@value}"/>

      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'region'"/>
        <xsl:with-param name="label" select="'省辖市、直辖县'"/>
        <xsl:with-param name="options" select="/*/regions/region"/>
        <xsl:with-param name="hint" select="'*注册后不得随意修改，随意修改地市造成的后果自行负责'"/>
      </xsl:call-template>
      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'level'"/>
        <xsl:with-param name="label" select="'申报等级'"/>
        <xsl:with-param name="options" select="/*/levels/level"/>
        <xsl:with-param name="hint" select="'*选择要申报的等级，注册后不能随意修改'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'idcard'"/>
        <xsl:with-param name="label" select="'身份证照片'"/>
        <xsl:with-param name="type" select="'file'"/>
        <xsl:with-param name="accept" select="'.jpg,.jpeg,image/jpeg'"/>
        <xsl:with-param name="hint">
          <xsl:text>*请选择身份证人像面照片（jpg格式），上传后方可进行注册</xsl:text>
          <xsl:if test="/*/form/@status = 'invalid' or /*/form/@status = 'sent'">；重新提交时请再次选择照片</xsl:if>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'idno'"/>
        <xsl:with-param name="label" select="'身份证号'"/>
        <xsl:with-param name="maxlength" select="'18'"/>
        <xsl:with-param name="pattern" select="'[0-9]{17}[0-9Xx]'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
        <xsl:with-param name="hint" select="'*请输入准确的身份证号，注册后不能修改'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'birth'"/>
        <xsl:with-param name="label" select="'出生日期'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="autocomplete" select="'bday'"/>
        <xsl:with-param name="placeholder" select="'YYYY-MM-DD'"/>
        <xsl:with-param name="hint" select="'*请选择准确的出生年月，须与身份证号一致'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'name'"/>
        <xsl:with-param name="label" select="'姓名'"/>
        <xsl:with-param name="maxlength" select="'20'"/>
        <xsl:with-param name="autocomplete" select="'name'"/>
        <xsl:with-param name="hint" select="'*请输入正确的名字，注册后不能修改；身份证号、姓名必须和本人身份证信息一致，否则将不能进行网上报名'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'phone'"/>
        <xsl:with-param name="label" select="'手机号'"/>
        <xsl:with-param name="type" select="'tel'"/>
        <xsl:with-param name="maxlength" select="'11'"/>
        <xsl:with-param name="pattern" select="'1[0-9]{10}'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="autocomplete" select="'tel'"/>
        <xsl:with-param name="hint" select="'*手机号码务必填写本人正在使用中号码，用于接收验证码短信，注册后自动绑定，不能自行更改'"/>
        <xsl:with-param name="after">
          <button type="submit" name="send_code" value="1" formnovalidate="formnovalidate" class="btn btn-code">获取验证码</button>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="captcha">
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="hint" select="'获取短信验证码前，请先输入图片中的4位数字；看不清的，点击图片换一张'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'sms_code'"/>
        <xsl:with-param name="label" select="'短信验证码'"/>
        <xsl:with-param name="maxlength" select="'6'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="autocomplete" select="'one-time-code'"/>
        <xsl:with-param name="hint" select="'短信验证码一般在一分钟内发送至手机。未收到的，可于5分钟后再次点击获取验证码（如接收不到短信，请关闭手机短信拦截功能）'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'password'"/>
        <xsl:with-param name="label" select="'密码'"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="minlength" select="'8'"/>
        <xsl:with-param name="autocomplete" select="'new-password'"/>
        <xsl:with-param name="hint" select="'密码需为字母、数字组合，8位以上，如：abc569436；不要使用姓名拼音首字母加123456等容易被人猜到的密码，也不要包含身份证号'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'password2'"/>
        <xsl:with-param name="label" select="'确认密码'"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="minlength" select="'8'"/>
        <xsl:with-param name="autocomplete" select="'new-password'"/>
        <xsl:with-param name="hint" select="'两次输入密码必须完全一致（区分字母大小写）'"/>
      </xsl:call-template>

      <div class="buttons">
        <button type="submit" class="btn btn-primary">注册</button>
        <a class="btn btn-plain" href="/login">已有账号，去登录</a>
      </div>
    </form>
  </xsl:template>
</xsl:stylesheet>
