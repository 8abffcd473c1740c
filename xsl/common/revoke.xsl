<?xml version="1.0" encoding="UTF-8"?>
<!--
  revoke.xsl: 撤销注册 (h_revoke.c, schema/xml/revoke.rng): find this
  year's registration of an ID number in the subtree, give the reason,
  confirm; the revocations of the subtree below.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'撤销注册'"/>

  <xsl:template name="content">
    <xsl:variable name="reg" select="/*/registration"/>
    <xsl:variable name="f" select="/*/form"/>
    <p class="lead">他人冒用身份证号注册的，本人持身份证到县区及以上工考办申请，核实后撤销该注册：撤销后该账号不能再登录，其报名作废，本人即可用该身份证号重新注册。</p>
    <form method="post" action="/admin/revoke" class="form revoke-form">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="form-message"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'idno'"/>
        <xsl:with-param name="label" select="'身份证号'"/>
        <xsl:with-param name="maxlength" select="'18'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:if test="$reg">
        <input type="hidden" name="id" value="{$reg/@id}"/>
        <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
          <table class="list">
            <caption>本年度该身份证号的注册信息</caption>
            <tbody>
              <tr><th scope="row">姓名</th><td><xsl:value-of select="$reg/@name"/></td></tr>
              <tr><th scope="row">身份证号</th><td class="mono"><xsl:value-of select="$reg/@idno"/></td></tr>
              <tr><th scope="row">手机号</th><td class="mono"><xsl:value-of select="$reg/@phone"/></td></tr>
              <tr><th scope="row">省辖市、直辖县</th><td><xsl:value-of select="$reg/@region"/></td></tr>
              <tr><th scope="row">申报等级</th><td><xsl:value-of select="$reg/@level-name"/></td></tr>
              <tr><th scope="row">注册时间</th><td><xsl:value-of select="$reg/@registered"/></td></tr>
              <tr><th scope="row">报名单位</th><td><xsl:value-of select="$reg/@unit"/></td></tr>
            </tbody>
          </table>
        </div>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'reason'"/>
          <xsl:with-param name="label" select="'撤销原因'"/>
          <xsl:with-param name="maxlength" select="'200'"/>
          <xsl:with-param name="hint" select="'如“他人冒用身份证号注册，本人持身份证申请撤销”'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="/*/confirm">
          <input type="hidden" name="confirm" value="1"/>
          <p class="msg msg-error" role="alert">确认撤销<xsl:value-of select="$reg/@name"/>的注册？撤销后该账号不能再登录，其报名作废，此操作不能恢复。</p>
          <div class="buttons">
            <button type="submit" class="btn btn-primary">确认撤销</button>
            <xsl:text> </xsl:text>
            <a class="btn" href="/admin/revoke">取消</a>
          </div>
        </xsl:when>
        <xsl:when test="$reg">
          <div class="buttons"><button type="submit" class="btn btn-primary">撤销注册</button></div>
        </xsl:when>
        <xsl:otherwise>
          <div class="buttons"><button type="submit" class="btn btn-primary">查找</button></div>
        </xsl:otherwise>
      </xsl:choose>
    </form>

    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list">
        <caption>本年度已撤销的注册（共 <xsl:value-of select="count(/*/revocations/row)"/> 个，最近100个）</caption>
        <thead>
          <tr>
            <th scope="col">姓名</th>
            <th scope="col">身份证号</th>
            <th scope="col">报名单位</th>
            <th scope="col">撤销原因</th>
            <th scope="col">撤销人</th>
            <th scope="col">撤销时间</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="/*/revocations/row">
            <tr>
              <td><xsl:value-of select="@name"/></td>
              <td class="mono"><xsl:value-of select="@idno"/></td>
              <td><xsl:value-of select="@unit"/></td>
              <td><xsl:value-of select="@reason"/></td>
              <td><xsl:value-of select="@by"/></td>
              <td><xsl:value-of select="@at"/></td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not(/*/revocations/row)">
            <tr><td colspan="6" class="empty">没有记录。</td></tr>
          </xsl:if>
        </tbody>
      </table>
    </div>
  </xsl:template>
</xsl:stylesheet>
