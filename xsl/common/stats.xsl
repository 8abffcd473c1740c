<?xml version="1.0" encoding="UTF-8"?>
<!--
  stats.xsl: 信息统计 (fcgi/pages/office/h_stats.c): the counts of a year
  in the account's subtree by state and level, level, work type, region
  and unit, each table with its bar chart drawn here in SVG (no script),
  the previous year beside the current one for the province.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:svg="http://www.w3.org/2000/svg"
    exclude-result-prefixes="svg">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'信息统计'"/>
  <xsl:variable name="prev" select="string(/*/@prev)"/>

  <!--
    A horizontal bar chart of rows (@name, @n and, with the previous year,
    @p): one bar a row, as wide as its count against the largest, the
    number after it.  The table beside it carries the same numbers for
    screen readers, so the picture is hidden from them.
  -->
  <xsl:template name="bars">
    <xsl:param name="rows"/>
    <xsl:param name="compare" select="$prev != ''"/>
    <xsl:variable name="max">
      <xsl:for-each select="$rows/@n | $rows/@p">
        <xsl:sort data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="h" select="22 + 12 * number($compare)"/>
    <xsl:if test="count($rows) &gt; 0 and number($max) &gt; 0">
      <svg xmlns="http://www.w3.org/2000/svg" class="bars" aria-hidden="true"
          viewBox="0 0 640 {count($rows) * $h + 4}" width="100%"
          preserveAspectRatio="xMinYMin meet">
        <xsl:for-each select="$rows">
          <xsl:variable name="y" select="(position() - 1) * $h + 2"/>
          <text x="146" y="{$y + 15}" text-anchor="end" class="bar-label">
            <xsl:value-of select="substring(@name, 1, 10)"/>
          </text>
          <rect x="150" y="{$y + 2}" height="16" class="bar-now"
              width="{round(400 * number(@n) div number($max))}"/>
          <text x="{156 + round(400 * number(@n) div number($max))}" y="{$y + 15}" class="bar-num">
            <xsl:value-of select="@n"/>
          </text>
          <xsl:if test="$compare">
            <rect x="150" y="{$y + 20}" height="10" class="bar-prev"
                width="{round(400 * number(@p) div number($max))}"/>
            <text x="{156 + round(400 * number(@p) div number($max))}" y="{$y + 29}" class="bar-num bar-num-prev">
              <xsl:value-of select="@p"/>
            </text>
          </xsl:if>
        </xsl:for-each>
      </svg>
    </xsl:if>
  </xsl:template>

  <!-- A table of rows (@name, @n, @p) with its bars. -->
  <xsl:template name="table">
    <xsl:param name="compare" select="$prev != ''"/>
    <xsl:param name="caption"/>
    <xsl:param name="head"/>
    <xsl:param name="rows"/>
    <xsl:param name="note" select="''"/>
    <section class="stats-block">
      <h2><xsl:value-of select="$caption"/></h2>
      <xsl:call-template name="bars">
        <xsl:with-param name="rows" select="$rows"/>
        <xsl:with-param name="compare" select="$compare"/>
      </xsl:call-template>
      <div class="table-wrap" tabindex="0" role="region" aria-label="{$caption}（可左右滚动的表格）">
        <table class="list stats-list">
          <caption><xsl:value-of select="$caption"/><xsl:value-of select="$note"/></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="$head"/></th>
              <th scope="col"><xsl:value-of select="/*/@year"/>年度</th>
              <xsl:if test="$compare">
                <th scope="col"><xsl:value-of select="$prev"/>年度</th>
              </xsl:if>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$rows">
              <tr>
                <th scope="row"><xsl:value-of select="@name"/></th>
                <td class="num"><xsl:value-of select="@n"/></td>
                <xsl:if test="$compare">
                  <td class="num"><xsl:value-of select="@p"/></td>
                </xsl:if>
              </tr>
            </xsl:for-each>
            <xsl:if test="not($rows)">
              <tr><td colspan="{2 + number($compare)}" class="empty">暂无报名数据。</td></tr>
            </xsl:if>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <xsl:template name="content">
    <xsl:variable name="form" select="/*/form"/>
    <xsl:call-template name="form-message"/>
    <form method="get" action="{$form/@action}" class="form form-inline filter-form no-print">
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'year'"/>
        <xsl:with-param name="label" select="'报考年度'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'4'"/>
      </xsl:call-template>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">统计</button>
      </div>
    </form>
    <xsl:if test="/*/total">
      <form method="get" action="{/*/export/@action}" class="no-print export-form">
        <input type="hidden" name="year" value="{/*/@year}"/>
        <button type="submit" class="btn">导出Excel</button>
      </form>
      <p class="stats-total">
        <xsl:value-of select="/*/@scope"/>
        <xsl:text> </xsl:text><xsl:value-of select="/*/@year"/>
        <xsl:text>年度报名共 </xsl:text><strong><xsl:value-of select="/*/total/@n"/></strong><xsl:text> 人</xsl:text>
        <xsl:if test="$prev != ''">
          <xsl:text>（</xsl:text><xsl:value-of select="$prev"/>
          <xsl:text>年度 </xsl:text><xsl:value-of select="/*/total/@p"/><xsl:text> 人）</xsl:text>
        </xsl:if>
        <xsl:text>。</xsl:text>
        <xsl:if test="/*/@counted">
          <span class="counted">统计时间：<xsl:value-of select="/*/@counted"/>（每分钟更新）</span>
        </xsl:if>
        <xsl:if test="$prev != ''">
          <span class="legend"><span class="key key-now"></span>本年度 <span class="key key-prev"></span>上一年度</span>
        </xsl:if>
      </p>
      <section class="stats-block">
        <h2>按报名状态与申报等级</h2>
        <xsl:call-template name="bars">
          <xsl:with-param name="rows" select="/*/bystate/row"/>
        </xsl:call-template>
        <div class="table-wrap" tabindex="0" role="region" aria-label="按报名状态与申报等级（可左右滚动的表格）">
          <table class="list stats-list">
            <caption>按报名状态与申报等级（人）</caption>
            <thead>
              <tr>
                <th scope="col">报名状态</th>
                <th scope="col">一级</th><th scope="col">二级</th><th scope="col">三级</th>
                <th scope="col">四级</th><th scope="col">五级</th><th scope="col">未选择等级</th>
                <th scope="col">合计</th>
                <xsl:if test="$prev != ''"><th scope="col"><xsl:value-of select="$prev"/>年度合计</th></xsl:if>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="/*/bystate/row">
                <tr>
                  <th scope="row"><xsl:value-of select="@name"/></th>
                  <td class="num"><xsl:value-of select="@l1"/></td>
                  <td class="num"><xsl:value-of select="@l2"/></td>
                  <td class="num"><xsl:value-of select="@l3"/></td>
                  <td class="num"><xsl:value-of select="@l4"/></td>
                  <td class="num"><xsl:value-of select="@l5"/></td>
                  <td class="num"><xsl:value-of select="@l0"/></td>
                  <td class="num"><xsl:value-of select="@n"/></td>
                  <xsl:if test="$prev != ''"><td class="num"><xsl:value-of select="@p"/></td></xsl:if>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </section>
      <xsl:call-template name="table">
        <xsl:with-param name="caption" select="'按申报等级（人）'"/>
        <xsl:with-param name="head" select="'申报等级'"/>
        <xsl:with-param name="rows" select="/*/bylevel/row"/>
      </xsl:call-template>
      <xsl:call-template name="table">
        <xsl:with-param name="caption" select="'按申报工种（人）'"/>
        <xsl:with-param name="head" select="'申报工种'"/>
        <xsl:with-param name="rows" select="/*/byworktype/row"/>
      </xsl:call-template>
      <xsl:if test="/*/byregion">
        <xsl:call-template name="table">
          <xsl:with-param name="caption" select="'按地区（人）'"/>
          <xsl:with-param name="head" select="'地区'"/>
          <xsl:with-param name="rows" select="/*/byregion/row"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="table">
        <xsl:with-param name="caption" select="'按单位（人）'"/>
        <xsl:with-param name="head" select="'单位'"/>
        <xsl:with-param name="rows" select="/*/byunit/row"/>
        <xsl:with-param name="compare" select="false()"/>
        <xsl:with-param name="note" select="concat('：报名人数最多的前', /*/byunit/@limit, '个单位，全部单位见导出的Excel')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
