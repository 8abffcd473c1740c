<?xml version="1.0" encoding="UTF-8"?>
<!--
  manual-admin.xsl: 管理员操作手册, the text (imported by manual.xsl).
  For unit, supervising-unit, county, city and province administrators
  and reviewers, as the pages of this release are; the screenshots are
  www/help/a-*.png (tools/help-shots).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template name="manual-admin">
    <p class="lead">本手册说明单位管理员、主管单位管理员、审核员和县区、市、省工考办管理员在本系统中的操作。</p>
    <nav class="toc" aria-label="目录">
      <h2>目录</h2>
      <ol>
        <li><a href="#a-login">登录</a></li>
        <li><a href="#a-home">首页和菜单</a></li>
        <li><a href="#a-registrations">报名查询（县区、市、省工考办）</a></li>
        <li><a href="#a-phones">咨询电话维护（县区、市、省工考办）</a></li>
        <li><a href="#a-windows">时间设置（省工考办）</a></li>
        <li><a href="#a-policy">政策设置（省工考办）</a></li>
        <li><a href="#a-password">修改密码和找回密码</a></li>
        <li><a href="#a-later">审核等后续功能</a></li>
      </ol>
    </nav>

    <section class="card" id="a-login">
      <h2>一、登录</h2>
      <p>在登录页点“管理员”一栏。单位管理员和主管单位管理员用单位代码或手机号登录；审核员和各级工考办用分配的账号登录。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'a-login'"/><xsl:with-param name="alt" select="'管理员登录'"/></xsl:call-template>
      <ul>
        <li>新建的账号第一次登录时必须先修改初始密码，改好后才能使用其他功能；密码每90天须更换一次。</li>
        <li>管理员密码至少8位，须包含大写字母、小写字母、数字、特殊字符中的至少三类，不能包含登录名。</li>
        <li>市、省工考办的账号登录时还要二次验证：第一次登录时用手机上的身份验证器应用（如“腾讯身份验证器”）扫描页面上的二维码，以后每次登录输入应用中显示的6位验证码。</li>
        <li>连续输错5次密码，账号会被锁定15分钟。</li>
      </ul>
    </section>

    <section class="card" id="a-home">
      <h2>二、首页和菜单</h2>
      <p>登录后的首页显示您的账号、角色和所在单位，以及本年度的注册报名时间。页面上方的菜单按角色列出可以办理的事项；标“未开放”的功能将在后续开放。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'a-home'"/><xsl:with-param name="alt" select="'管理员首页'"/></xsl:call-template>
      <p>每个管理员只能看到本单位及下属单位（工考办为本地区）的报考人员，看不到其他单位或地区的信息。</p>
    </section>

    <section class="card" id="a-registrations">
      <h2>三、报名查询（县区、市、省工考办）</h2>
      <p>点菜单的“报名查询”，列出本地区本年度已注册的报考人员，可以按地区和申报等级筛选，每页20人，可翻页或跳页。为保护个人信息，姓名、身份证号和手机号部分隐去显示。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'a-registrations'"/><xsl:with-param name="alt" select="'报名查询'"/></xsl:call-template>
    </section>

    <section class="card" id="a-phones">
      <h2>四、咨询电话维护（县区、市、省工考办）</h2>
      <p>首页“帮助”中点“维护本级咨询电话”，填写本工考办对外公布的咨询电话，最多5个，每个可以加一句说明（如“政策咨询”）。固定电话须带区号，如0371-61612579，分机写作0371-61612579-801；手机为11位数字。清空一行即删除该号码，点“保存”后立即显示在公开的<a href="/help/phones">咨询电话</a>页面上。每次修改都会记录操作人和时间。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'a-phones'"/><xsl:with-param name="alt" select="'咨询电话维护'"/></xsl:call-template>
    </section>

    <section class="card" id="a-windows">
      <h2>五、时间设置（省工考办）</h2>
      <p>点菜单的“时间设置”，选择报考年度，设置注册报名等时间的开始和结束时间（北京时间，格式如2026-03-01 08:00）。报考人员只能在注册报名时间内注册和提交报名信息，时间外的操作会被拒绝并提示时间安排。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'a-windows'"/><xsl:with-param name="alt" select="'时间设置'"/></xsl:call-template>
    </section>

    <section class="card" id="a-policy">
      <h2>六、政策设置（省工考办）</h2>
      <p>点菜单的“政策设置”，按年度设置报名条件中的各项数值（年龄范围、各等级的工作年限和等级取得年限、二级的文化程度要求等）和本年度开考一级（高级技师）的工种。保存后，提交报名时的审核、公开的<a href="/help/policy">政策说明</a>和<a href="/canapply">我能报哪一级</a>立即按新的数值执行，三者不会不一致。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'a-policy'"/><xsl:with-param name="alt" select="'政策设置'"/></xsl:call-template>
    </section>

    <section class="card" id="a-password">
      <h2>七、修改密码和找回密码</h2>
      <p>菜单最后的“修改密码”可以随时修改密码。忘记密码时，在登录页点“忘记密码?”，用账号绑定的手机接收验证码后重设。</p>
    </section>

    <section class="card" id="a-later">
      <h2>八、审核等后续功能</h2>
      <p>人工审核、高级技师审核、本级审核记录、容缺后补、补报和破格（一线）人员录入、名册打印、信息统计、缴费管理、准考证管理、考核结果和证书管理等功能将陆续开放，开放后本手册随之更新。报考人员提交后，可以在“审核结果”里看到每一级的审核情况和审核单位的办公室电话，请各单位在单位信息中填写准确的办公室电话。</p>
    </section>
  </xsl:template>
</xsl:stylesheet>
