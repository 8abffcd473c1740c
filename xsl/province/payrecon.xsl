<?xml version="1.0" encoding="UTF-8"?>
<!--
  payrecon.xsl: 对账 (the province; h_paycases.c, schema/xml/payrecon.rng):
  the reconciliation runs against the platform's daily statements
  (gkbm-admin pay-reconcile FILE) and every difference found, each to be
  explained by a person (reason required, audited); nothing is fixed
  silently.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="../common/widgets.xsl"/>

  <xsl:variable name="title" select="'对账'"/>

  <xsl:template name="content">
    <xsl:call-template name="pay-tabs"/>
    <xsl:call-template name="form-message"/>
    <section class="card">
      <h2>对账记录</h2>
      <p class="hint">每日由系统（gkbm-admin pay-reconcile）将非税支付平台的对账单与本系统的缴费记录逐笔核对。</p>
      <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
        <table class="list">
          <thead><tr><th scope="col">对账日期</th><th scope="col">对账单</th><th scope="col">笔数</th><th scope="col">金额（元）</th><th scope="col">差异</th><th scope="col">完成时间</th></tr></thead>
          <tbody>
            <xsl:for-each select="/*/runs/run">
              <tr><td><xsl:value-of select="@date"/></td><td class="mono"><xsl:value-of select="@file"/></td><td class="num"><xsl:value-of select="@rows"/></td><td class="num"><xsl:value-of select="@yuan"/></td><td class="num"><xsl:value-of select="@diffs"/></td><td><xsl:value-of select="@finished"/></td></tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
    <section class="card">
      <h2>对账差异</h2>
      <xsl:if test="not(/*/diffs/diff)"><p class="msg msg-info">没有差异。</p></xsl:if>
      <xsl:for-each select="/*/diffs/diff">
        <xsl:variable name="id" select="string(@id)"/>
        <div class="pay-diff">
          <h3>
            <xsl:choose>
              <xsl:when test="@kind = 'ours_only'">本系统已缴费、对账单中没有</xsl:when>
              <xsl:when test="@kind = 'theirs_only'">对账单中有、本系统未记为已缴费</xsl:when>
              <xsl:when test="@kind = 'amount'">金额不一致</xsl:when>
              <xsl:otherwise>重复缴费</xsl:otherwise>
            </xsl:choose>
            <xsl:if test="@resolved = '1'">（已核实）</xsl:if>
          </h3>
          <p>
            <xsl:if test="@order">订单号 <span class="mono"><xsl:value-of select="@order"/></span>　</xsl:if>
            <xsl:if test="@trade">平台流水号 <span class="mono"><xsl:value-of select="@trade"/></span>　</xsl:if>
            <xsl:if test="@ours">本系统 <xsl:value-of select="@ours"/> 元　</xsl:if>
            <xsl:if test="@theirs">对账单 <xsl:value-of select="@theirs"/> 元</xsl:if>
          </p>
          <xsl:for-each select="/*/diffs/note[@diff = $id]">
            <p class="hint"><xsl:value-of select="@at"/><xsl:text> </xsl:text><xsl:value-of select="@by"/>：<xsl:value-of select="."/></p>
          </xsl:for-each>
          <xsl:if test="@resolved = '0'">
            <form method="post" action="/admin/pay/reconcile" class="form case-form">
              <xsl:call-template name="csrf"/>
              <input type="hidden" name="id" value="{@id}"/>
              <div class="field">
                <label for="reason-{@id}">核实情况<span class="req" aria-hidden="true">*</span></label>
                <div class="control"><textarea id="reason-{@id}" name="reason" required="required" maxlength="200" rows="2"></textarea></div>
              </div>
              <div class="buttons"><button type="submit" class="btn btn-primary">记录核实情况</button></div>
            </form>
          </xsl:if>
        </div>
      </xsl:for-each>
    </section>
  </xsl:template>
</xsl:stylesheet>
