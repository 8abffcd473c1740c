<?xml version="1.0" encoding="UTF-8"?>
<!--
  results.xsl: 考核结果查询 (seed 002 §3.3.1; h_results.c,
  schema/xml/results.rng): the filters, the counts, the results of the
  office's subtree (ID numbers masked), 20 a page, and the export.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'考核结果查询'"/>

  <xsl:template name="content">
    <xsl:variable name="list" select="/*/list"/>
    <xsl:variable name="c" select="/*/tally"/>
    <xsl:call-template name="res-tabs"/>
    <form method="get" action="/admin/results" class="form filters">
      <xsl:call-template name="form-message"/>
      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'level'"/>
        <xsl:with-param name="label" select="'申报等级'"/>
        <xsl:with-param name="options" select="/*/levels/level"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="empty" select="'全部'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'wt'"/>
        <xsl:with-param name="label" select="'工种代码'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'8'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'unit'"/>
        <xsl:with-param name="label" select="'单位编码'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'32'"/>
      </xsl:call-template>
      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'outcome'"/>
        <xsl:with-param name="label" select="'考核结果'"/>
        <xsl:with-param name="options" select="/*/outcomes/outcome"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="empty" select="'全部'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'who'"/>
        <xsl:with-param name="label" select="'姓名或身份证号'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'40'"/>
        <xsl:with-param name="hint" select="'完整的姓名或18位身份证号'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'ticket'"/>
        <xsl:with-param name="label" select="'准考证号'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'16'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">查询</button>
        <a class="btn btn-plain" href="/admin/results">重置</a>
      </div>
    </form>
    <xsl:if test="$list">
      <p class="counts" role="status">
        <xsl:value-of select="/*/@year"/>年度：共 <xsl:value-of select="$c/@total"/> 人，通过 <xsl:value-of select="$c/@passed"/> 人，不通过 <xsl:value-of select="$c/@failed"/> 人，缺考 <xsl:value-of select="$c/@absent"/> 人。
        <a>
          <xsl:attribute name="href">
            <xsl:text>/admin/results.xlsx?year=</xsl:text><xsl:value-of select="/*/@year"/>
            <xsl:for-each select="/*/form/field[@name != 'page' and @name != 'year'][string(@value) != '']">
              <xsl:text>&amp;</xsl:text><xsl:value-of select="@name"/><xsl:text>=</xsl:text><xsl:value-of select="@value"/>
            </xsl:for-each>
          </xsl:attribute>
          导出Excel
        </a>
      </p>
      <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
        <table class="list">
          <caption>考核结果（共 <xsl:value-of select="$list/@total"/> 人）</caption>
          <thead>
            <tr><th scope="col">姓名</th><th scope="col">身份证号</th><th scope="col">准考证号</th><th scope="col">单位</th><th scope="col">申报工种</th><th scope="col">申报等级</th><th scope="col">理论知识</th><th scope="col">操作技能</th><th scope="col">考核结果</th><th scope="col">复核</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="$list/row">
              <tr>
                <td data-label="姓名"><xsl:value-of select="@name"/></td>
                <td class="mono" data-label="身份证号"><xsl:value-of select="@idno"/></td>
                <td class="mono" data-label="准考证号"><xsl:value-of select="@ticket"/></td>
                <td data-label="单位"><xsl:value-of select="@unit"/></td>
                <td data-label="申报工种"><xsl:value-of select="@worktype"/></td>
                <td data-label="申报等级"><xsl:value-of select="@level-name"/></td>
                <td class="num" data-label="理论知识"><xsl:value-of select="@theory"/></td>
                <td class="num" data-label="操作技能"><xsl:value-of select="@skill"/></td>
                <td data-label="考核结果"><xsl:value-of select="@outcome"/></td>
                <td data-label="复核"><xsl:value-of select="@recheck"/></td>
              </tr>
            </xsl:for-each>
            <xsl:if test="not($list/row)">
              <tr><td colspan="10">没有符合条件的考核结果。</td></tr>
            </xsl:if>
          </tbody>
        </table>
      </div>
      <xsl:if test="number($list/@pages) &gt; 1"><xsl:call-template name="pager"/></xsl:if>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
