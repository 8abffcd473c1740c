<?xml version="1.0" encoding="UTF-8"?>
<!--
  paystats.xsl: 缴费统计 (seed 002 §3.2.4; h_paystats.c,
  schema/xml/paystats.rng): <by code selected>名</by>… and <table by count
  yuan><row key name count yuan/>…</table>: the payments received.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'缴费统计'"/>

  <xsl:template name="content">
    <xsl:variable name="t" select="/*/table"/>
    <xsl:call-template name="pay-tabs"/>
    <form method="get" action="/admin/pay/stats" class="form filters">
      <xsl:call-template name="form-message"/>
      <xsl:call-template name="pay-select"><xsl:with-param name="name" select="'by'"/><xsl:with-param name="label" select="'统计方式'"/><xsl:with-param name="options" select="/*/by"/><xsl:with-param name="all" select="''"/></xsl:call-template>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">统计</button>
        <a class="btn" href="/admin/pay/stats.xlsx">导出Excel（按单位、等级、日期）</a>
      </div>
    </form>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list">
        <caption><xsl:value-of select="/*/@year"/>年度已缴费（<xsl:value-of select="/*/by[@selected = '1']"/>）</caption>
        <thead>
          <tr>
            <th scope="col">
              <xsl:choose>
                <xsl:when test="$t/@by = 'level'">报考等级</xsl:when>
                <xsl:when test="$t/@by = 'day'">缴费日期</xsl:when>
                <xsl:otherwise>单位</xsl:otherwise>
              </xsl:choose>
            </th>
            <th scope="col">缴费人数</th><th scope="col">金额（元）</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$t/row">
            <tr><td><xsl:value-of select="@name"/></td><td class="num"><xsl:value-of select="@count"/></td><td class="num"><xsl:value-of select="@yuan"/></td></tr>
          </xsl:for-each>
        </tbody>
        <xsl:if test="$t/@count">
          <tfoot><tr><th scope="row">合计</th><td class="num"><xsl:value-of select="$t/@count"/></td><td class="num"><xsl:value-of select="$t/@yuan"/></td></tr></tfoot>
        </xsl:if>
      </table>
    </div>
  </xsl:template>
</xsl:stylesheet>
