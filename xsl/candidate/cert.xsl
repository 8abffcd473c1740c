<?xml version="1.0" encoding="UTF-8"?>
<!--
  candidate/cert.xsl: 电子证书 (seed 000 §8 打印电子证书; h_cert.c,
  schema/xml/cert.rng).  <cert><window kind="certificate"/> then either
  <certificate no name worktype level level-name issued [url]/> (the
  fields and 下载电子证书) or <none reason="window|nopass|pending|revoked">
  the reason</none>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="../common/widgets.xsl"/>

  <xsl:variable name="title" select="'电子证书'"/>

  <xsl:template name="content">
    <section class="card">
      <xsl:call-template name="window-box">
        <xsl:with-param name="w" select="/*/window"/>
        <xsl:with-param name="open" select="'当前可查看和下载'"/>
      </xsl:call-template>
    </section>
    <xsl:for-each select="/*/none">
      <div class="msg msg-warn cert-none" role="status"><xsl:value-of select="."/></div>
    </xsl:for-each>
    <xsl:for-each select="/*/certificate">
      <section class="card cert-card">
        <h2>河南省机关事业单位工勤技能岗位等级证书</h2>
        <dl class="cert-fields">
          <dt>姓名</dt><dd><xsl:value-of select="@name"/></dd>
          <dt>岗位工种</dt><dd><xsl:value-of select="@worktype"/></dd>
          <dt>岗位等级</dt><dd><xsl:value-of select="@level-name"/></dd>
          <dt>发证日期</dt><dd><xsl:value-of select="@issued"/></dd>
          <dt>证书编号</dt><dd class="mono"><xsl:value-of select="@no"/></dd>
        </dl>
        <p class="actions">
          <a class="btn btn-primary" href="/cert.pdf">下载电子证书</a>
        </p>
        <p class="hint">电子证书为A4横向PDF文件，含本人照片、身份证号和查验二维码，可直接打印。用人单位扫描二维码即可查验证书真伪。</p>
        <xsl:if test="@url">
          <p class="hint">查验网址：<a class="mono" href="{@url}"><xsl:value-of select="@url"/></a></p>
        </xsl:if>
      </section>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
