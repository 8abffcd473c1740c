<?xml version="1.0" encoding="UTF-8"?>
<!--
  candidate/paygo.xsl: the signed hand-over (h_pay.c; schema/xml/paygo.rng):
  <paygo action order><param name value/>…</paygo>, the fields gkbm-pay
  signed, posted to the platform's cashier: pay.js submits the form at
  once; without script the candidate presses the button.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/layout.xsl"/>

  <xsl:variable name="title" select="'正在前往非税支付平台'"/>

  <xsl:template name="extra-head">
    <script src="/static/js/pay.js" defer="defer"></script>
  </xsl:template>

  <xsl:template name="content">
    <section class="card">
      <p>订单号：<span class="mono"><xsl:value-of select="/*/@order"/></span></p>
      <p>正在跳转至河南省非税收入支付平台，请在平台上核对缴费金额后完成支付。页面没有自动跳转时，请点击下面的按钮。</p>
      <form method="post" action="{/*/@action}" class="pay-handover" data-autosubmit="1">
        <xsl:for-each select="/*/param">
          <input type="hidden" name="{@name}" value="{@value}"/>
        </xsl:for-each>
        <div class="buttons">
          <button type="submit" class="btn btn-primary">前往支付平台缴费</button>
        </div>
      </form>
    </section>
  </xsl:template>
</xsl:stylesheet>
