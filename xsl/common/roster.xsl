<?xml version="1.0" encoding="UTF-8"?>
<!--
  roster.xsl: 名册打印 (002 §1.1.5): 终审通过名册 and 现场审核名册.  The
  filters are a GET form; the list's tick boxes belong to the export
  form (导出PDF, 导出Excel: the ticked rows, or all when none is
  ticked).  Printed from the browser with www/css/print.css: A4
  landscape, the table's header on each page, page numbers, the stamp
  area under the table.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="string(/*/@title)"/>
  <xsl:variable name="kind" select="string(/*/@kind)"/>

  <xsl:template name="extra-head">
    <link rel="stylesheet" href="/static/css/print.css"/>
    <script src="/static/js/roster.js" defer="defer"></script>
  </xsl:template>

  <xsl:template name="content">
    <xsl:variable name="list" select="/*/list"/>
    <nav class="tabs no-print" aria-label="名册类别">
      <ul>
        <xsl:call-template name="tab"><xsl:with-param name="k" select="'final'"/><xsl:with-param name="label" select="'终审通过名册'"/></xsl:call-template>
        <xsl:call-template name="tab"><xsl:with-param name="k" select="'site'"/><xsl:with-param name="label" select="'现场审核名册'"/></xsl:call-template>
      </ul>
    </nav>
    <xsl:call-template name="form-message"/>
    <xsl:call-template name="filters"/>
    <xsl:if test="$list">
      <form method="get" action="/admin/roster.pdf" id="export" class="no-print roster-export">
        <input type="hidden" name="k" value="{$kind}"/>
        <xsl:for-each select="/*/form/field[@name != 'k' and @name != 'page'][string(@value) != '']">
          <input type="hidden" name="{@name}" value="{@value}"/>
        </xsl:for-each>
        <p class="hint">勾选人员后导出所选人员；不勾选则导出全部 <xsl:value-of select="$list/@total"/> 人。</p>
        <div class="buttons-inline">
          <button type="submit" class="btn btn-primary">导出PDF</button>
          <button type="submit" class="btn" formaction="/admin/roster.xlsx">导出Excel</button>
          <button type="button" class="btn" data-print="1" hidden="hidden">打印本页</button>
        </div>
      </form>
      <div class="print-head">
        <h2>河南省机关事业单位工勤技能岗位等级考核<xsl:value-of select="$title"/></h2>
        <p><xsl:value-of select="$list/@year"/>年度　单位：<xsl:value-of select="$list/@scope"/>　人数：<xsl:value-of select="$list/@total"/></p>
      </div>
      <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
        <table class="list roster">
          <caption><xsl:value-of select="$title"/>（共 <xsl:value-of select="$list/@total"/> 人）</caption>
          <thead>
            <tr>
              <th scope="col" class="no-print"><input type="checkbox" form="export" data-all="1" aria-label="全选本页" hidden="hidden"/><span class="sr-only">勾选</span></th>
              <th scope="col">序号</th>
              <th scope="col">姓名</th>
              <th scope="col">性别</th>
              <th scope="col">身份证号</th>
              <th scope="col">单位</th>
              <th scope="col">申报工种</th>
              <th scope="col">申报等级</th>
              <xsl:choose>
                <xsl:when test="$kind = 'site'">
                  <th scope="col">联系电话</th>
                  <th scope="col">材料审核情况</th>
                  <th scope="col">本人签字</th>
                </xsl:when>
                <xsl:otherwise>
                  <th scope="col">申报方式</th>
                  <th scope="col">终审通过时间</th>
                </xsl:otherwise>
              </xsl:choose>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$list/row">
              <tr>
                <td class="no-print"><input type="checkbox" name="ids" value="{@id}" form="export" aria-label="勾选 {@name}"/></td>
                <td class="num"><xsl:value-of select="@n"/></td>
                <td><xsl:value-of select="@name"/></td>
                <td><xsl:value-of select="@gender"/></td>
                <td class="mono"><xsl:value-of select="@idno"/></td>
                <td><xsl:value-of select="@unit"/></td>
                <td><xsl:value-of select="@worktype"/></td>
                <td><xsl:value-of select="@level-name"/></td>
                <xsl:choose>
                  <xsl:when test="$kind = 'site'">
                    <td class="mono"><xsl:value-of select="@phone"/></td>
                    <td class="blank"></td>
                    <td class="blank"></td>
                  </xsl:when>
                  <xsl:otherwise>
                    <td><xsl:value-of select="@route"/></td>
                    <td><xsl:value-of select="@decided"/></td>
                  </xsl:otherwise>
                </xsl:choose>
              </tr>
            </xsl:for-each>
            <xsl:if test="not($list/row)">
              <tr><td colspan="{10 + number($kind = 'site')}" class="empty">没有终审通过的人员。</td></tr>
            </xsl:if>
          </tbody>
        </table>
      </div>
      <div class="stamp-area">
        <span>单位（盖章）：</span>
        <span>审核人：</span>
        <span>日期：　　年　　月　　日</span>
      </div>
      <xsl:call-template name="pager">
        <xsl:with-param name="list" select="$list"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tab">
    <xsl:param name="k"/>
    <xsl:param name="label"/>
    <li>
      <a href="/admin/roster?k={$k}">
        <xsl:if test="$kind = $k">
          <xsl:attribute name="aria-current">page</xsl:attribute>
          <xsl:attribute name="class">current</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:template>

  <xsl:template name="filters">
    <form method="get" action="/admin/roster" class="form form-inline filter-form no-print">
      <input type="hidden" name="k" value="{$kind}"/>
      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'level'"/>
        <xsl:with-param name="label" select="'申报等级'"/>
        <xsl:with-param name="options" select="/*/levels/level"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="empty" select="'全部'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'unit'"/>
        <xsl:with-param name="label" select="'单位编码'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'32'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'region'"/>
        <xsl:with-param name="label" select="'地区代码'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'6'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'wt'"/>
        <xsl:with-param name="label" select="'工种代码'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'8'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'who'"/>
        <xsl:with-param name="label" select="'姓名或身份证号'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'40'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'year'"/>
        <xsl:with-param name="label" select="'报考年度'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'4'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">查询</button>
        <a class="btn btn-plain" href="/admin/roster?k={$kind}">重置</a>
      </div>
    </form>
  </xsl:template>
</xsl:stylesheet>
