<?xml version="1.0" encoding="UTF-8"?>
<!--
  paydue.xsl: 应缴报考人员列表 (seed 002 §3.2.1; h_payoffice.c,
  schema/xml/paydue.rng): the applications of the office's subtree that
  passed final review, due to pay (or paid, or all), masked.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'应缴报考人员列表'"/>

  <xsl:template name="content">
    <xsl:variable name="list" select="/*/list"/>
    <xsl:call-template name="pay-tabs"/>
    <form method="get" action="/admin/pay/due" class="form filters">
      <xsl:call-template name="form-message"/>
      <xsl:call-template name="pay-select"><xsl:with-param name="name" select="'st'"/><xsl:with-param name="label" select="'缴费状态'"/><xsl:with-param name="options" select="/*/states/state"/><xsl:with-param name="all" select="''"/></xsl:call-template>
      <xsl:call-template name="pay-select"><xsl:with-param name="name" select="'level'"/><xsl:with-param name="label" select="'报考等级'"/><xsl:with-param name="options" select="/*/levels/level"/></xsl:call-template>
      <div class="buttons"><button type="submit" class="btn btn-primary">查询</button></div>
    </form>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list">
        <caption>终审通过人员（共 <xsl:value-of select="$list/@total"/> 人）</caption>
        <thead>
          <tr><th scope="col">姓名</th><th scope="col">身份证号</th><th scope="col">报考等级</th><th scope="col">工种</th><th scope="col">单位</th><th scope="col">终审通过时间</th><th scope="col">缴费状态</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="$list/row">
            <tr>
              <td><xsl:value-of select="@name"/></td>
              <td class="mono"><xsl:value-of select="@idno"/></td>
              <td><xsl:value-of select="@level-name"/></td>
              <td><xsl:value-of select="@worktype"/></td>
              <td><xsl:value-of select="@unit"/></td>
              <td><xsl:value-of select="@decided"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@paid">已缴费（<xsl:value-of select="@paid"/>）</xsl:when>
                  <xsl:when test="@order-state">未缴费（订单<xsl:value-of select="@order-state-name"/>）</xsl:when>
                  <xsl:otherwise>未缴费</xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <xsl:if test="number($list/@pages) &gt; 1"><xsl:call-template name="pager"/></xsl:if>
  </xsl:template>
</xsl:stylesheet>
