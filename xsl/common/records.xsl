<?xml version="1.0" encoding="UTF-8"?>
<!--
  records.xsl: 本级审核记录 (fcgi/pages/review/h_queue.c): the unit's
  decisions of one kind (审核通过, 审核不通过, 审核退回) with the same
  filters as the queues; a rejected application still rejected by this
  unit offers 退回重新申报 (POST /review/decide, action reapply).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:f="https://gkbm.hrss.henan.gov.cn/xsl/fragment"
    extension-element-prefixes="f">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'本级审核记录'"/>

  <xsl:template name="content">
    <xsl:variable name="list" select="/*/list"/>
    <xsl:variable name="kind" select="string(/*/@kind)"/>
    <nav class="tabs no-print" aria-label="记录类别">
      <ul>
        <xsl:call-template name="tab"><xsl:with-param name="k" select="'passed'"/><xsl:with-param name="label" select="'审核通过'"/></xsl:call-template>
        <xsl:call-template name="tab"><xsl:with-param name="k" select="'rejected'"/><xsl:with-param name="label" select="'审核不通过'"/></xsl:call-template>
        <xsl:call-template name="tab"><xsl:with-param name="k" select="'returned'"/><xsl:with-param name="label" select="'审核退回'"/></xsl:call-template>
      </ul>
    </nav>
    <xsl:call-template name="form-message"/>
    <!-- The same for everyone with the same filters: kept by the worker
         (fcgi/fragment.c; the work types change with a release only). -->
    <f:cache key="concat(/*/@kind, '|', /*/form/@query, '|', count(/*/form/field/error))"
        template="filters" seconds="600">
      <xsl:fallback><xsl:call-template name="filters"/></xsl:fallback>
    </f:cache>
    <xsl:if test="$list">
      <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
        <table class="list records-list cards">
          <caption><xsl:value-of select="/*/@title"/>（共 <xsl:value-of select="$list/@total"/> 条）</caption>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">姓名</th>
              <th scope="col">身份证号</th>
              <th scope="col">申报等级</th>
              <th scope="col">申报工种</th>
              <th scope="col">所在单位</th>
              <th scope="col">审核结果</th>
              <th scope="col">审核时间</th>
              <th scope="col">原因</th>
              <th scope="col" class="no-print">操作</th>
            </tr>
          </thead>
          <tbody>
            <xsl:variable name="first" select="(number($list/@page) - 1) * number($list/@size)"/>
            <xsl:for-each select="$list/row">
              <tr>
                <td class="num"><xsl:value-of select="$first + position()"/></td>
                <td><a href="/review/app?id={@id}"><xsl:value-of select="@name"/></a></td>
                <td class="mono"><xsl:value-of select="@idno"/></td>
                <td><xsl:value-of select="@level-name"/></td>
                <td><xsl:value-of select="@worktype"/></td>
                <td><xsl:value-of select="@unit"/></td>
                <td><xsl:call-template name="action-name"/></td>
                <td><xsl:value-of select="@at"/></td>
                <td><xsl:value-of select="reason"/></td>
                <td class="no-print">
                  <a href="/review/app?id={@id}">详情<span class="sr-only">：<xsl:value-of select="@name"/></span></a>
                  <xsl:if test="@reapply = '1'">
                    <form method="post" action="{/*/reapply/@action}" class="inline-form">
                      <xsl:call-template name="csrf"/>
                      <input type="hidden" name="id" value="{@id}"/>
                      <input type="hidden" name="version" value="{@version}"/>
                      <input type="hidden" name="action" value="reapply"/>
                      <input type="hidden" name="reason" value="退回重新申报"/>
                      <button type="submit" class="btn-small">退回重新申报<span class="sr-only">：<xsl:value-of select="@name"/></span></button>
                    </form>
                  </xsl:if>
                </td>
              </tr>
            </xsl:for-each>
            <xsl:if test="not($list/row)">
              <tr><td colspan="10" class="empty">没有符合条件的记录。</td></tr>
            </xsl:if>
          </tbody>
        </table>
      </div>
      <xsl:call-template name="pager">
        <xsl:with-param name="list" select="$list"/>
        <xsl:with-param name="q" select="string(/*/form/@query)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="tab">
    <xsl:param name="k"/>
    <xsl:param name="label"/>
    <li>
      <a href="/review/records?k={$k}">
        <xsl:if test="/*/@kind = $k">
          <xsl:attribute name="aria-current">page</xsl:attribute>
          <xsl:attribute name="class">current</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:template>

  <xsl:template name="action-name">
    <xsl:choose>
      <xsl:when test="@action = 'final'">终审通过</xsl:when>
      <xsl:when test="@action = 'pass'">审核通过</xsl:when>
      <xsl:when test="@action = 'reject'">不通过</xsl:when>
      <xsl:when test="@action = 'return'">退回本人</xsl:when>
      <xsl:otherwise><xsl:value-of select="@action"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The filters: reads only what the key of f:cache above names. -->
  <xsl:template name="filters">
    <xsl:call-template name="review-filters">
      <xsl:with-param name="kind-field" select="'k'"/>
      <xsl:with-param name="date-label" select="'审核日期'"/>
      <xsl:with-param name="sort-a" select="'new'"/>
      <xsl:with-param name="sort-a-label" select="'最近审核的在前'"/>
      <xsl:with-param name="sort-b" select="'old'"/>
      <xsl:with-param name="sort-b-label" select="'最早审核的在前'"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
