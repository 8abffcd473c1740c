<?xml version="1.0" encoding="UTF-8"?>
<!--
  tickets.xsl: 准考证查询 (seed 002 §1.2.1; h_tickets.c,
  schema/xml/tickets.rng): the filters (GET), the tickets of the
  account's subtree a page at a time (ID numbers masked), each row's own
  ticket (/admin/tickets.pdf?app=), and 打印全部准考证: every ticket of
  the filters in one PDF, one a page.  A unit admin outside the ticket
  window sees the window and <refusal> only.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'准考证查询'"/>

  <xsl:template name="content">
    <xsl:variable name="list" select="/*/list"/>
    <xsl:call-template name="window-box">
      <xsl:with-param name="w" select="/*/window[@kind = 'ticket']"/>
      <xsl:with-param name="open" select="'当前可打印'"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="/*/refusal">
        <div class="msg msg-warn" role="alert"><p><xsl:value-of select="/*/refusal"/></p></div>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="form-message"/>
        <xsl:call-template name="filters"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$list">
      <form method="get" action="/admin/tickets.pdf" class="no-print">
        <xsl:for-each select="/*/form/field[@name != 'page'][string(@value) != '']">
          <input type="hidden" name="{@name}" value="{@value}"/>
        </xsl:for-each>
        <p class="hint">打印全部：所列 <xsl:value-of select="$list/@total"/> 张准考证合为一个PDF文件，每张一页（A4），准考证上的身份证号完整显示，请妥善保管、发给本人。</p>
        <div class="buttons-inline">
          <button type="submit" class="btn btn-primary">打印全部准考证（PDF）</button>
        </div>
      </form>
      <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
        <table class="list tickets">
          <caption><xsl:value-of select="$list/@year"/>年度准考证（<xsl:value-of select="/*/@scope"/>，共 <xsl:value-of select="$list/@total"/> 张）</caption>
          <thead>
            <tr>
              <th scope="col">准考证号</th>
              <th scope="col">姓名</th>
              <th scope="col">身份证号</th>
              <th scope="col">单位</th>
              <th scope="col">报考工种</th>
              <th scope="col">报考等级</th>
              <th scope="col">考点</th>
              <th scope="col">考场</th>
              <th scope="col">座位号</th>
              <th scope="col">考试时间</th>
              <th scope="col">准考证</th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="$list/ticket">
              <tr>
                <td class="mono"><xsl:value-of select="@no"/></td>
                <td><xsl:value-of select="@name"/></td>
                <td class="mono"><xsl:value-of select="@idno"/></td>
                <td><xsl:value-of select="@unit"/></td>
                <td><xsl:value-of select="@worktype"/></td>
                <td><xsl:value-of select="@level-name"/></td>
                <td><xsl:value-of select="@site"/></td>
                <td><xsl:value-of select="@room"/></td>
                <td class="num"><xsl:value-of select="@seat"/></td>
                <td><xsl:value-of select="@when"/></td>
                <td><a href="/admin/tickets.pdf?app={@app}">打印<span class="sr-only"><xsl:value-of select="@name"/>的准考证</span></a></td>
              </tr>
            </xsl:for-each>
            <xsl:if test="not($list/ticket)">
              <tr><td colspan="11" class="empty">没有符合条件的准考证（考场编排后才有准考证）。</td></tr>
            </xsl:if>
          </tbody>
        </table>
      </div>
      <xsl:call-template name="pager">
        <xsl:with-param name="list" select="$list"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="filters">
    <form method="get" action="/admin/tickets" class="form form-inline filter-form no-print">
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'name'"/>
        <xsl:with-param name="label" select="'姓名'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'20'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'idno'"/>
        <xsl:with-param name="label" select="'身份证号'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'18'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'ticket'"/>
        <xsl:with-param name="label" select="'准考证号'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'16'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'wt'"/>
        <xsl:with-param name="label" select="'工种代码'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'8'"/>
      </xsl:call-template>
      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'level'"/>
        <xsl:with-param name="label" select="'报考等级'"/>
        <xsl:with-param name="options" select="/*/levels/level"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="empty" select="'全部'"/>
      </xsl:call-template>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">查询</button>
        <a class="btn btn-plain" href="/admin/tickets">重置</a>
      </div>
    </form>
  </xsl:template>
</xsl:stylesheet>
