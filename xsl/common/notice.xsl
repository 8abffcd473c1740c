<?xml version="1.0" encoding="UTF-8"?>
<!--
  notice.xsl: 申报人员须知 (seed 000 §1) and the personal-information
  notice (PIPL art. 17, 29: separate consent for sensitive information).
  下一步 is a GET to /register?consent=<consent-version>; the version is
  carried by the required checkbox itself, so an unticked form (even in
  a browser ignoring `required`) sends no consent at all.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'申报人员须知'"/>
  <xsl:variable name="version" select="string(/*/consent-version)"/>

  <xsl:template name="content">
    <xsl:call-template name="steps">
      <xsl:with-param name="current" select="1"/>
    </xsl:call-template>
    <xsl:call-template name="window-box"/>

    <section class="card notice">
      <h2>申报人员须知</h2>
      <ol class="notice-points">
        <li>一、对所提交各项申报信息的真实性、准确性、规范性负责。</li>
        <li>二、自觉遵守考试纪律，不作弊或协助他人考试作弊。</li>
        <li>三、有行政处分期内、被立案审查尚未结案等情形者不得申报。</li>
        <li>四、违反以上第一条至第三条规定的，依照有关规定视情节给予取消当年考试资格、两年内禁止报考、撤销已取得证书等处理。</li>
      </ol>
      <p class="hint">报考人员每个报考年度都需要重新注册。姓名、身份证号、性别、出生日期、手机号注册后不能修改，请如实、准确填写。</p>
    </section>

    <section class="card notice privacy-notice">
      <h2>个人信息处理说明</h2>
      <dl class="notice-list">
        <dt>收集哪些信息</dt>
        <dd>姓名、身份证号、出生日期、性别、手机号、身份证照片、本人照片，以及报名时填写的工作信息（所在单位、岗位工种、岗位等级、参加工作时间、年度考核等）。其中身份证号、身份证照片和本人照片属于敏感个人信息。</dd>
        <dt>为什么收集</dt>
        <dd>仅用于工勤技能岗位等级考核的报考资格审查、考务组织（准考证、考场安排、成绩）和证书管理，手机号用于发送短信验证码和考务通知，不用于其他目的。</dd>
        <dt>保存多久</dt>
        <dd>报名和审核资料自本考核年度结束之日起保存三年，期满后删除或作匿名化处理；考核结果和证书信息依照档案管理规定保存，以便证书查询和核验。</dd>
        <dt>谁能看到</dt>
        <dd>本单位、主管单位、县（市、区）工考办、市工考办和省工考办的审核人员，且仅限其职责范围内的报考人员；除法律、行政法规另有规定外，不向其他单位和个人提供。</dd>
        <dt>如何保护</dt>
        <dd>信息全程加密传输；页面上身份证号、手机号以掩码显示；照片仅审核人员可查看；审核人员的操作留有记录；系统按国家网络安全等级保护要求管理。</dd>
        <dt>您的权利</dt>
        <dd>您可以登录本系统查阅本人信息；如需更正、删除或对处理方式有疑问，请联系本单位或当地工考办<xsl:if test="string(/*/meta/service-phone) != ''">（咨询电话：<xsl:value-of select="/*/meta/service-phone"/>）</xsl:if>。</dd>
      </dl>
      <p class="consent-version">本须知版本：<xsl:value-of select="$version"/></p>
    </section>

    <form method="get" action="/register" class="form consent-form">
      <div class="field check">
        <input type="checkbox" id="f-consent" name="consent" value="{$version}" required="required"/>
        <label for="f-consent">已阅读并同意《申报人员须知》及个人信息处理说明（包括处理上述敏感个人信息）</label>
      </div>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">下一步</button>
      </div>
    </form>
  </xsl:template>
</xsl:stylesheet>
