<?xml version="1.0" encoding="UTF-8"?>
<!--
  verify.xsl: 证书查验 (GET /verify/CERTNO.MAC, no login; h_verify.c,
  schema/xml/verify.rng).  <verify><certificate no name idno worktype
  level level-name issued state [revoked]/></verify>, or <none>the one
  answer to every link that names no certificate</none>.  One column
  for a phone; no menu (the visitor is not logged in).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'电子证书查验'"/>

  <xsl:template name="content">
    <div class="card verify-page">
      <xsl:for-each select="/*/none">
        <div class="msg msg-error" role="alert"><xsl:value-of select="."/></div>
      </xsl:for-each>
      <xsl:for-each select="/*/certificate">
        <xsl:choose>
          <xsl:when test="@state = 'valid'">
            <p class="verify-state verify-valid" role="status">有效：本证书真实有效</p>
          </xsl:when>
          <xsl:otherwise>
            <p class="verify-state verify-revoked" role="status">已撤销：本证书已于<xsl:value-of select="@revoked"/>被撤销，不再有效</p>
          </xsl:otherwise>
        </xsl:choose>
        <dl class="cert-fields">
          <dt>证书编号</dt><dd class="mono"><xsl:value-of select="@no"/></dd>
          <dt>姓名</dt><dd><xsl:value-of select="@name"/></dd>
          <dt>身份证号</dt><dd class="mono"><xsl:value-of select="@idno"/></dd>
          <dt>岗位工种</dt><dd><xsl:value-of select="@worktype"/></dd>
          <dt>岗位等级</dt><dd><xsl:value-of select="@level-name"/></dd>
          <dt>发证日期</dt><dd><xsl:value-of select="@issued"/></dd>
          <dt>状态</dt>
          <dd>
            <xsl:choose>
              <xsl:when test="@state = 'valid'">有效</xsl:when>
              <xsl:otherwise>已撤销（<xsl:value-of select="@revoked"/>）</xsl:otherwise>
            </xsl:choose>
          </dd>
        </dl>
        <p class="hint">为保护个人信息，姓名和身份证号部分隐去。请与持证人出示的证书核对。</p>
      </xsl:for-each>
    </div>
  </xsl:template>
</xsl:stylesheet>
