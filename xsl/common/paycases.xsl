<?xml version="1.0" encoding="UTF-8"?>
<!--
  paycases.xsl: 退费与逾期到账 (h_paycases.c, schema/xml/paycases.rng):
  double payments (to refund) and late ones (accept or refund), each
  with its decisions; a decision needs a reason and is audited.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'退费与逾期到账'"/>

  <xsl:template name="content">
    <xsl:call-template name="pay-tabs"/>
    <p class="lead">重复缴费的款项应退费；订单失效或关闭后才到账的款项（逾期到账）由工作人员确认到账或退费。每项处理须填写理由，并记入操作日志。</p>
    <xsl:call-template name="form-message"/>
    <xsl:if test="not(/*/list/row)"><p class="msg msg-info">目前没有需要处理的款项。</p></xsl:if>
    <xsl:for-each select="/*/list/row">
      <section class="card pay-case">
        <h2><xsl:value-of select="@kind-name"/>：<xsl:value-of select="@name"/>（<xsl:value-of select="@unit"/>）</h2>
        <dl class="props">
          <dt>订单号</dt><dd class="mono"><xsl:value-of select="@order"/>（<xsl:value-of select="@order-state-name"/>）</dd>
          <dt>平台流水号</dt><dd class="mono"><xsl:value-of select="@trade"/></dd>
          <dt>金额</dt><dd><xsl:value-of select="@yuan"/> 元</dd>
          <dt>到账时间</dt><dd><xsl:value-of select="@paid"/></dd>
          <dt>处理状态</dt><dd><xsl:value-of select="@status-name"/></dd>
        </dl>
        <xsl:if test="decision">
          <ul class="decisions">
            <xsl:for-each select="decision">
              <li><xsl:value-of select="@at"/><xsl:text> </xsl:text><xsl:value-of select="@by"/>：<xsl:value-of select="@action-name"/>。理由：<xsl:value-of select="."/></li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <xsl:if test="@status = 'open' or @status = 'refund_due'">
          <form method="post" action="/admin/pay/cases" class="form case-form">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{@id}"/>
            <div class="field">
              <label for="reason-{@id}">处理理由<span class="req" aria-hidden="true">*</span></label>
              <div class="control"><textarea id="reason-{@id}" name="reason" required="required" maxlength="200" rows="2"></textarea></div>
            </div>
            <div class="buttons">
              <xsl:choose>
                <xsl:when test="@status = 'refund_due'">
                  <button type="submit" name="action" value="refunded" class="btn btn-primary">已退费</button>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:if test="@kind = 'late'">
                    <button type="submit" name="action" value="accept" class="btn btn-primary">确认到账</button>
                  </xsl:if>
                  <button type="submit" name="action" value="refund" class="btn">退费</button>
                </xsl:otherwise>
              </xsl:choose>
            </div>
          </form>
        </xsl:if>
      </section>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
