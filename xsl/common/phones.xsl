<?xml version="1.0" encoding="UTF-8"?>
<!--
  phones.xsl: 咨询电话, the public list (h_phones.c h_phones,
  schema/xml/phones.rng): <offices><office code name kind><phone label
  number/>… <office/> (counties)…</office></offices>.  Numbers are tel:
  links a phone can call.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="title" select="'咨询电话'"/>

  <xsl:template name="content">
    <p class="lead">报名政策和操作问题，请先咨询本单位或当地县区、市工考办。号码由各工考办自行维护。</p>
    <xsl:if test="string(/*/meta/service-phone) != ''">
      <p>系统服务电话：<xsl:call-template name="tel"><xsl:with-param name="n" select="/*/meta/service-phone"/></xsl:call-template></p>
    </xsl:if>
    <ul class="offices">
      <xsl:for-each select="/*/offices/office">
        <li class="office office-{@kind}">
          <h2><xsl:value-of select="@name"/></h2>
          <xsl:call-template name="numbers"/>
          <xsl:if test="office">
            <ul class="counties">
              <xsl:for-each select="office">
                <li>
                  <h3><xsl:value-of select="@name"/></h3>
                  <xsl:call-template name="numbers"/>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template name="numbers">
    <xsl:choose>
      <xsl:when test="phone">
        <ul class="numbers">
          <xsl:for-each select="phone">
            <li>
              <xsl:value-of select="@label"/>
              <xsl:text>：</xsl:text>
              <xsl:call-template name="tel"><xsl:with-param name="n" select="@number"/></xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise><p class="hint">暂未公布</p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="tel">
    <xsl:param name="n"/>
    <a class="phone" href="tel:{translate($n, ' 转', ',')}"><xsl:value-of select="$n"/></a>
  </xsl:template>
</xsl:stylesheet>
