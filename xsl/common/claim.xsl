<?xml version="1.0" encoding="UTF-8"?>
<!--
  claim.xsl: 申领汇总上报 (seed 004 §四).  report.xsl's page for the
  snapshots of kind passed: after publication, a city office (or a 省直
  supervising unit) reports those of its subtree who passed; the
  province sees who has reported and reopens.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>
  <xsl:import href="report.xsl"/>

  <xsl:variable name="title" select="'申领汇总上报'"/>
  <xsl:variable name="col-wt" select="'考核工种'"/>
  <xsl:variable name="col-level" select="'考核等级'"/>
  <xsl:variable name="col-date" select="'成绩公布时间'"/>

  <xsl:template name="content">
    <xsl:call-template name="report-content"/>
  </xsl:template>

  <xsl:template name="mine-count">
    <p>本年度辖区内考核合格（成绩已公布）<strong><xsl:value-of select="@passed"/></strong> 人。上报后由省工考办审批、发放证书。</p>
  </xsl:template>
</xsl:stylesheet>
