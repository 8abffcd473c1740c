<?xml version="1.0" encoding="UTF-8"?>
<!-- candidate/home.xsl: 我的注册信息, the registration window, next steps. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="../common/widgets.xsl"/>

  <xsl:variable name="title" select="'首页'"/>

  <xsl:template name="content">
    <xsl:variable name="a" select="/*/account"/>
    <xsl:call-template name="window-box"/>
    <section class="card account">
      <h2>我的注册信息</h2>
      <table class="props-table">
        <tbody>
          <tr><th scope="row">姓名</th><td><xsl:value-of select="$a/@name"/></td></tr>
          <tr><th scope="row">身份证号</th><td><xsl:value-of select="$a/@idno"/></td></tr>
          <tr><th scope="row">性别</th><td><xsl:value-of select="$a/@gender"/></td></tr>
          <tr><th scope="row">出生日期</th><td><xsl:value-of select="$a/@birth"/></td></tr>
          <tr><th scope="row">手机号</th><td><xsl:value-of select="$a/@phone"/></td></tr>
          <tr><th scope="row">省辖市、直辖县</th><td><xsl:value-of select="$a/@region"/></td></tr>
          <tr><th scope="row">申报等级</th><td><xsl:value-of select="$a/@level-name"/></td></tr>
          <tr><th scope="row">注册时间</th><td><xsl:value-of select="$a/@registered"/></td></tr>
          <tr><th scope="row">须知版本</th><td><xsl:value-of select="$a/@consent"/></td></tr>
        </tbody>
      </table>
      <p class="hint">姓名、身份证号、性别、出生日期、手机号注册后不能修改。如信息有误，请联系本单位或当地工考办。</p>
    </section>
    <section class="card next-steps">
      <h2>下一步</h2>
      <ol class="todo">
        <li class="off">
          <span class="menu-label">报名信息</span>
          <span class="tag-off">未开放</span>
          <p class="hint">报名信息填报开放后，请在注册报名时间内登录，如实填写报名信息并提交审核。</p>
        </li>
      </ol>
    </section>
  </xsl:template>
</xsl:stylesheet>
