<?xml version="1.0" encoding="UTF-8"?>
<!--
  queue.xsl: 本级审核中, 人工审核 and 高级技师审核 (fcgi/pages/review/
  h_queue.c): the filters (a GET form), the waiting applications with a
  tick box each for the batch decisions (POST /review/batch, fields ids
  = ID:VERSION, action, reason) and a link to 详情.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:f="https://gkbm.hrss.henan.gov.cn/xsl/fragment"
    extension-element-prefixes="f">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="string(/*/@title)"/>

  <xsl:template name="content">
    <xsl:variable name="list" select="/*/list"/>
    <xsl:call-template name="form-message"/>
    <!-- The same for everyone with the same filters: kept by the worker
         (fcgi/fragment.c; the work types change with a release only). -->
    <f:cache key="concat(/*/@kind, '|', /*/form/@query, '|', count(/*/form/field/error))"
        template="filters" seconds="600">
      <xsl:fallback><xsl:call-template name="filters"/></xsl:fallback>
    </f:cache>
    <xsl:if test="$list">
      <form method="post" action="{/*/batch/@action}" class="batch-form">
        <xsl:call-template name="csrf"/>
        <!-- The table shows the title and the rows: kept by the worker
             under the digest of the list (fcgi/web/fragment.c), so the
             same rows are rendered once. -->
        <f:cache key="concat($title, '|', f:digest(/*/list))"
            template="queue-table" seconds="600">
          <xsl:fallback><xsl:call-template name="queue-table"/></xsl:fallback>
        </f:cache>
        <xsl:if test="$list/row">
          <div class="batch-bar no-print">
            <label for="f-batch-reason">退回原因（勾选退回时必填）</label>
            <input id="f-batch-reason" name="reason" type="text" maxlength="500"/>
            <button type="submit" name="action" value="pass" class="btn btn-primary">勾选审核</button>
            <button type="submit" name="action" value="return" class="btn">勾选退回</button>
          </div>
        </xsl:if>
      </form>
      <!-- The pager shows the path, the filters and the page numbers:
           kept by the worker under them. -->
      <f:cache key="concat(/*/meta/path, '|', /*/form/@query, '|', $list/@total,
          '|', $list/@page, '|', $list/@pages, '|', $list/@size)"
          template="queue-pager" seconds="600">
        <xsl:fallback><xsl:call-template name="queue-pager"/></xsl:fallback>
      </f:cache>
    </xsl:if>
  </xsl:template>

  <!-- Kept under its key above: read nothing else here (widgets.xsl
       pager reads the fields only where the query string names them). -->
  <xsl:template name="queue-pager">
    <xsl:call-template name="pager">
      <xsl:with-param name="list" select="/*/list"/>
      <xsl:with-param name="q" select="string(/*/form/@query)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Kept under the digest of /*/list (f:cache above): read nothing
       but $title and /*/list here, or add it to the key.  It runs in
       the scope of content: its variable may not be named list. -->
  <xsl:template name="queue-table">
    <xsl:variable name="qlist" select="/*/list"/>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list queue-list cards">
        <caption><xsl:value-of select="$title"/>：待本级审核（共 <xsl:value-of select="$qlist/@total"/> 人）</caption>
        <thead>
          <tr>
            <th scope="col" class="no-print">选择</th>
            <th scope="col">序号</th>
            <th scope="col">姓名</th>
            <th scope="col">身份证号</th>
            <th scope="col">申报等级</th>
            <th scope="col">申报工种</th>
            <th scope="col">所在单位</th>
            <th scope="col">提交时间</th>
            <th scope="col">已等待</th>
            <th scope="col" class="no-print">操作</th>
          </tr>
        </thead>
        <tbody>
          <xsl:variable name="first" select="(number($qlist/@page) - 1) * number($qlist/@size)"/>
          <xsl:for-each select="$qlist/row">
            <tr>
              <td class="no-print">
                <input type="checkbox" name="ids" value="{@id}:{@version}" id="pick-{@id}"/>
                <label for="pick-{@id}" class="sr-only">选择<xsl:value-of select="@name"/></label>
              </td>
              <td class="num"><xsl:value-of select="$first + position()"/></td>
              <td><a href="/review/app?id={@id}"><xsl:value-of select="@name"/></a>
                <xsl:if test="@defer"><span class="tag">容缺后补</span></xsl:if>
              </td>
              <td class="mono"><xsl:value-of select="@idno"/></td>
              <td><xsl:value-of select="@level-name"/></td>
              <td><xsl:value-of select="@worktype"/></td>
              <td><xsl:value-of select="@unit"/></td>
              <td><xsl:value-of select="@submitted"/></td>
              <td class="num"><xsl:value-of select="@days"/> 天</td>
              <td class="no-print"><a href="/review/app?id={@id}">详情<span class="sr-only">：<xsl:value-of select="@name"/></span></a></td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not($qlist/row)">
            <tr><td colspan="10" class="empty">没有待审核的报考人员。</td></tr>
          </xsl:if>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- The filters: reads only what the key of f:cache above names. -->
  <xsl:template name="filters">
    <xsl:call-template name="review-filters">
      <xsl:with-param name="kind-field" select="'q'"/>
      <xsl:with-param name="date-label" select="'提交日期'"/>
      <xsl:with-param name="sort-a" select="'old'"/>
      <xsl:with-param name="sort-a-label" select="'等待最久的在前'"/>
      <xsl:with-param name="sort-b" select="'new'"/>
      <xsl:with-param name="sort-b-label" select="'最近提交的在前'"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
