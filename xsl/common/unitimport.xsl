<?xml version="1.0" encoding="UTF-8"?>
<!--
  unitimport.xsl: 批量导入单位 (h_unitimport.c, schema/xml/unitimport.rng):
  the columns, the template, the upload form, and the report: every
  refused row with its reason (nothing stored), or the units made.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'批量导入单位'"/>

  <xsl:template name="content">
    <xsl:call-template name="sys-tabs"/>
    <p class="lead">用Excel或WPS按模板填写单位，每行一个单位，保存为XLSX或CSV后上传（一次最多<xsl:value-of select="/*/@max-rows"/>行）。有一行不符合要求，整个文件都不导入，并列出每一行的问题；改正后重新上传整个文件即可。同一个文件不会重复导入。</p>
    <ol class="hints">
      <li>第一行为表头，依次为：<xsl:for-each select="/*/columns/column"><xsl:if test="position() &gt; 1">、</xsl:if><xsl:value-of select="."/></xsl:for-each>。</li>
      <li>单位类别填“基层单位”“主管单位”<xsl:if test="/*/meta/role = 'province'">“县区工考办”或“市工考办”</xsl:if>。基层单位填所属主管单位代码（可以是同一文件中前面各行的主管单位），不填地区代码；其他单位填6位地区代码。</li>
      <li>管理员姓名和手机号可同时填写或都不填；管理员用单位代码或手机号登录，初始密码为123，首次登录须修改。</li>
    </ol>
    <p><a href="/admin/units/import/template" download="">下载模板（CSV）</a></p>
    <form method="post" action="/admin/units/import" enctype="multipart/form-data" class="form sys-form">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="form-message"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'file'"/>
        <xsl:with-param name="label" select="'单位文件（XLSX或CSV）'"/>
        <xsl:with-param name="type" select="'file'"/>
        <xsl:with-param name="accept" select="'.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'"/>
      </xsl:call-template>
      <div class="buttons"><button type="submit" class="btn btn-primary">导入</button></div>
    </form>
    <xsl:if test="/*/report"><xsl:call-template name="report"/></xsl:if>
  </xsl:template>

  <xsl:template name="report">
    <xsl:variable name="rp" select="/*/report"/>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list import-report">
        <caption>
          <xsl:choose>
            <xsl:when test="$rp/@stored = '1'">已导入的单位（<xsl:value-of select="$rp/@rows"/>个）</xsl:when>
            <xsl:otherwise>有误的行（<xsl:value-of select="$rp/@bad"/>行，共<xsl:value-of select="$rp/@rows"/>行；没有导入任何单位）</xsl:otherwise>
          </xsl:choose>
        </caption>
        <thead>
          <tr>
            <th scope="col">行号</th>
            <xsl:for-each select="/*/columns/column"><th scope="col"><xsl:value-of select="."/></th></xsl:for-each>
            <xsl:if test="$rp/@stored != '1'"><th scope="col">问题</th></xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$rp/row">
            <tr>
              <td class="num" data-label="行号"><xsl:value-of select="@line"/></td>
              <xsl:variable name="row" select="."/>
              <xsl:for-each select="cell">
                <xsl:variable name="i" select="position()"/>
                <td data-label="{/*/columns/column[$i]}">
                  <xsl:if test="$row/@column = /*/columns/column[$i]"><xsl:attribute name="class">bad</xsl:attribute></xsl:if>
                  <xsl:value-of select="."/>
                </td>
              </xsl:for-each>
              <xsl:if test="$rp/@stored != '1'">
                <td class="error-text" data-label="问题"><xsl:if test="@column"><xsl:value-of select="@column"/>：</xsl:if><xsl:value-of select="@error"/></td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>
</xsl:stylesheet>
