<?xml version="1.0" encoding="UTF-8"?>
<!--
  payorders.xsl: 网上缴费状态查询 (seed 002 §3.2.2; h_payoffice.c,
  schema/xml/payorders.rng): the orders of the office's subtree and their
  states, by state or order number.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'网上缴费状态查询'"/>

  <xsl:template name="content">
    <xsl:variable name="list" select="/*/list"/>
    <xsl:call-template name="pay-tabs"/>
    <form method="get" action="/admin/pay/orders" class="form filters">
      <xsl:call-template name="form-message"/>
      <xsl:call-template name="pay-select"><xsl:with-param name="name" select="'st'"/><xsl:with-param name="label" select="'订单状态'"/><xsl:with-param name="options" select="/*/states/state"/></xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'q'"/>
        <xsl:with-param name="label" select="'订单号'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'32'"/>
      </xsl:call-template>
      <div class="buttons"><button type="submit" class="btn btn-primary">查询</button></div>
    </form>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list">
        <caption>缴费订单（共 <xsl:value-of select="$list/@total"/> 笔）</caption>
        <thead>
          <tr><th scope="col">订单号</th><th scope="col">姓名</th><th scope="col">身份证号</th><th scope="col">报考等级</th><th scope="col">单位</th><th scope="col">金额（元）</th><th scope="col">状态</th><th scope="col">下单时间</th><th scope="col">缴费时间</th><th scope="col">平台流水号</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="$list/row">
            <tr>
              <td class="mono"><xsl:value-of select="@order"/></td>
              <td><xsl:value-of select="@name"/></td>
              <td class="mono"><xsl:value-of select="@idno"/></td>
              <td><xsl:value-of select="@level-name"/></td>
              <td><xsl:value-of select="@unit"/></td>
              <td class="num"><xsl:value-of select="@yuan"/></td>
              <td><xsl:value-of select="@state-name"/></td>
              <td><xsl:value-of select="@created"/></td>
              <td><xsl:value-of select="@paid"/></td>
              <td class="mono"><xsl:value-of select="@trade"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <xsl:if test="number($list/@pages) &gt; 1"><xsl:call-template name="pager"/></xsl:if>
  </xsl:template>
</xsl:stylesheet>
