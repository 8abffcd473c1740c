<?xml version="1.0" encoding="UTF-8"?>
<!--
  rules.xsl: 政策说明 (h_help.c h_help_rules, schema/xml/rules.rng).
  Every sentence is the handler's, written from the year's policy (the
  values eligibility.c applies); this sheet only lays them out, grouped
  by what they are about, with the table of the numbers last.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="title" select="'政策说明'"/>
  <xsl:variable name="r" select="/*/rules/rule"/>

  <xsl:template name="content">
    <p class="lead">
      <xsl:if test="/*/@year"><xsl:value-of select="/*/@year"/>年度</xsl:if>
      <xsl:text>报名条件。本页由省工考办设置的本年度政策参数自动生成，与提交报名时系统审核所用的规则完全一致。想知道自己能报哪一级，请用</xsl:text>
      <a href="/canapply">我能报哪一级</a><xsl:text>。</xsl:text>
    </p>
    <xsl:call-template name="group">
      <xsl:with-param name="h" select="'基本条件'"/>
      <xsl:with-param name="ids" select="' R1 R2 R3 R4 R17 '"/>
    </xsl:call-template>
    <xsl:call-template name="group">
      <xsl:with-param name="h" select="'各等级的申报条件'"/>
      <xsl:with-param name="ids" select="' R5 R6 R9 R7 R10 R11 R13 R12 R8 R16 '"/>
    </xsl:call-template>
    <xsl:call-template name="group">
      <xsl:with-param name="h" select="'申报岗位工种'"/>
      <xsl:with-param name="ids" select="' R14 R15 '"/>
    </xsl:call-template>
    <xsl:call-template name="group">
      <xsl:with-param name="h" select="'其他'"/>
      <xsl:with-param name="ids" select="' R18 R19 R20 R21 '"/>
    </xsl:call-template>
    <section class="card">
      <h2>本年度政策参数</h2>
      <table class="props-table">
        <tbody>
          <xsl:for-each select="/*/values/value">
            <tr><th scope="row"><xsl:value-of select="@label"/></th><td><xsl:value-of select="."/></td></tr>
          </xsl:for-each>
        </tbody>
      </table>
      <p class="hint">有疑问请拨打<a href="/help/phones">咨询电话</a>。</p>
    </section>
  </xsl:template>

  <!-- The rules whose ids are in $ids (space-separated), in that order. -->
  <xsl:template name="group">
    <xsl:param name="h"/>
    <xsl:param name="ids"/>
    <section class="card rules">
      <h2><xsl:value-of select="$h"/></h2>
      <dl class="rule-list">
        <xsl:call-template name="each">
          <xsl:with-param name="rest" select="normalize-space($ids)"/>
        </xsl:call-template>
      </dl>
    </section>
  </xsl:template>

  <xsl:template name="each">
    <xsl:param name="rest"/>
    <xsl:if test="$rest != ''">
      <xsl:variable name="id">
        <xsl:choose>
          <xsl:when test="contains($rest, ' ')"><xsl:value-of select="substring-before($rest, ' ')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$rest"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:for-each select="$r[@id = $id]">
        <dt id="{@id}"><xsl:value-of select="@title"/></dt>
        <dd><xsl:value-of select="."/></dd>
      </xsl:for-each>
      <xsl:call-template name="each">
        <xsl:with-param name="rest" select="substring-after($rest, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
