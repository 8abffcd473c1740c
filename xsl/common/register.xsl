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
  <xsl:variable name="kept" select="/*/kept"/>

  <xsl:template name="extra-head">
    <script src="/static/js/crop.js" defer="defer"></script>
    <script src="/static/js/register.js" defer="defer"></script>
  </xsl:template>

  <xsl:template name="content">
    <xsl:call-template name="steps">
      <xsl:with-param name="current" select="2"/>
    </xsl:call-template>
    <xsl:call-template name="window-box"/>

    <form method="post" action="/register" enctype="multipart/form-data"
        class="form register-form" data-sms="register"
        data-upload-max="{/*/meta/upload-limit/@bytes}">
      <xsl:call-template name="form-message"/>
      <xsl:call-template name="csrf"/>
      <xsl:if test="$kept">
        <input type="hidden" name="keep" value="{$kept/@token}"/>
      </xsl:if>
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
      <xsl:call-template name="idcard-field"/>
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
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="autocomplete" select="'bday'"/>
        <xsl:with-param name="hint" select="'根据身份证号自动填写，须与身份证号一致'"/>
      </xsl:call-template>
      <xsl:call-template name="gender-field"/>
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
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'sms_code'"/>
        <xsl:with-param name="label" select="'短信验证码'"/>
        <xsl:with-param name="maxlength" select="'6'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="autocomplete" select="'one-time-code'"/>
        <xsl:with-param name="required" select="not($kept/@sms)"/>
        <xsl:with-param name="hint">
          <xsl:choose>
            <xsl:when test="$kept/@sms">短信验证码已验证，5分钟内无需再次输入（如更换手机号，请重新获取）</xsl:when>
            <xsl:otherwise>短信验证码一般在一分钟内发送至手机。未收到的，可于60秒后再次点击获取验证码（如接收不到短信，请关闭手机短信拦截功能）</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'password'"/>
        <xsl:with-param name="label" select="'密码'"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="minlength" select="'8'"/>
        <xsl:with-param name="autocomplete" select="'new-password'"/>
        <xsl:with-param name="required" select="not($kept/@password)"/>
        <xsl:with-param name="hint">
          <xsl:if test="$kept/@password">密码已设置，无需再次输入；如需更改，请重新输入两次。</xsl:if>
          <xsl:text>密码需为字母、数字组合，8位以上，如：abc569436；不要使用姓名拼音首字母加123456等容易被人猜到的密码，也不要包含身份证号</xsl:text>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'password2'"/>
        <xsl:with-param name="label" select="'确认密码'"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="minlength" select="'8'"/>
        <xsl:with-param name="autocomplete" select="'new-password'"/>
        <xsl:with-param name="required" select="not($kept/@password)"/>
        <xsl:with-param name="hint" select="'两次输入密码必须完全一致（区分字母大小写）'"/>
      </xsl:call-template>

      <div class="buttons">
        <button type="submit" class="btn btn-primary">注册</button>
        <a class="btn btn-plain" href="/login">已有账号，去登录</a>
      </div>
    </form>
  </xsl:template>

  <!-- 身份证照片: the file field, or the kept photo as a thumbnail with
       重新选择 (the file input, then optional). -->
  <xsl:template name="idcard-field">
    <xsl:variable name="f" select="/*/form/field[@name = 'idcard']"/>
    <xsl:variable name="limit">
      <xsl:call-template name="upload-limit-text">
        <xsl:with-param name="prefix" select="'，'"/>
      </xsl:call-template>
    </xsl:variable>
    <div class="field photo-field">
      <xsl:if test="$f/error">
        <xsl:attribute name="class">field photo-field has-error</xsl:attribute>
      </xsl:if>
      <label for="f-idcard">身份证照片<span class="req" aria-hidden="true">*</span></label>
      <div class="control">
        <xsl:if test="$kept/@photo">
          <figure class="kept-photo">
            <img src="/register/photo?k={$kept/@token}" alt="已保留的身份证照片" width="160"/>
            <figcaption>已保留您上次选择的照片，无需再次选择。如需更换，请点“重新选择”。</figcaption>
          </figure>
          <label for="f-idcard" class="btn btn-small">重新选择</label>
        </xsl:if>
        <input id="f-idcard" name="idcard" type="file" accept=".jpg,.jpeg,image/jpeg" data-scale="1">
          <xsl:if test="not($kept/@photo)">
            <xsl:attribute name="required">required</xsl:attribute>
          </xsl:if>
          <xsl:call-template name="described">
            <xsl:with-param name="id" select="'f-idcard'"/>
            <xsl:with-param name="f" select="$f"/>
            <xsl:with-param name="hint" select="'x'"/>
          </xsl:call-template>
        </input>
      </div>
      <xsl:call-template name="field-notes">
        <xsl:with-param name="id" select="'f-idcard'"/>
        <xsl:with-param name="f" select="$f"/>
        <xsl:with-param name="hint" select="concat('*请选择身份证人像面照片（jpg格式', $limit, '），上传后方可进行注册；较大的照片会先在手机上自动缩小再上传')"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- 性别: from the ID number (register.js; the server takes it from
       there when it is left empty). -->
  <xsl:template name="gender-field">
    <xsl:variable name="v" select="string(/*/form/field[@name = 'gender']/@value)"/>
    <xsl:variable name="f" select="/*/form/field[@name = 'gender']"/>
    <div class="field">
      <xsl:if test="$f/error">
        <xsl:attribute name="class">field has-error</xsl:attribute>
      </xsl:if>
      <label for="f-gender">性别</label>
      <div class="control">
        <select id="f-gender" name="gender">
          <xsl:call-template name="described">
            <xsl:with-param name="id" select="'f-gender'"/>
            <xsl:with-param name="f" select="$f"/>
            <xsl:with-param name="hint" select="'x'"/>
          </xsl:call-template>
          <option value="">根据身份证号自动填写</option>
          <option value="M"><xsl:if test="$v = 'M'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>男</option>
          <option value="F"><xsl:if test="$v = 'F'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>女</option>
        </select>
      </div>
      <xsl:call-template name="field-notes">
        <xsl:with-param name="id" select="'f-gender'"/>
        <xsl:with-param name="f" select="$f"/>
        <xsl:with-param name="hint" select="'根据身份证号第17位自动填写，须与身份证号一致'"/>
      </xsl:call-template>
    </div>
  </xsl:template>
</xsl:stylesheet>
