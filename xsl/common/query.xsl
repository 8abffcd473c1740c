<?xml version="1.0" encoding="UTF-8"?>
<!--
  query.xsl: 报名信息查询 (fcgi/pages/office/h_query.c): the filters (a GET
  form), the applications of the account's subtree, 20 a page, and the
  export of the filtered set (a GET form to /admin/query.xlsx with the
  same filters).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'报名信息查询'"/>

  <!-- A select of the filter form: name, label, the choices (value, name). -->
  <xsl:template name="pick">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="items"/>
    <xsl:param name="key" select="'value'"/>
    <xsl:variable name="f" select="/*/form/field[@name = $name]"/>
    <div class="field">
      <xsl:if test="$f/error">
        <xsl:attribute name="class">field has-error</xsl:attribute>
      </xsl:if>
      <label for="f-{$name}"><xsl:value-of select="$label"/></label>
      <div class="control">
        <select id="f-{$name}" name="{$name}">
          <xsl:if test="$f/error">
            <xsl:attribute name="aria-invalid">true</xsl:attribute>
            <xsl:attribute name="aria-describedby">f-<xsl:value-of select="$name"/>-err</xsl:attribute>
          </xsl:if>
          <option value="">全部</option>
          <xsl:for-each select="$items">
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="string(@*[local-name() = $key])"/>
              <xsl:with-param name="label" select="string(@name)"/>
              <xsl:with-param name="selected" select="string($f/@value)"/>
            </xsl:call-template>
          </xsl:for-each>
        </select>
        <xsl:if test="$f/error">
          <p class="error" id="f-{$name}-err"><xsl:value-of select="$f/error"/></p>
        </xsl:if>
      </div>
    </div>
  </xsl:template>

  <xsl:template name="text-filter">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="maxlength" select="''"/>
    <!-- A wrong date goes back as text: a date input cannot hold it. -->
    <xsl:variable name="t">
      <xsl:choose>
        <xsl:when test="$type = 'date' and /*/form/field[@name = $name]/error">text</xsl:when>
        <xsl:otherwise><xsl:value-of select="$type"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="label" select="$label"/>
      <xsl:with-param name="type" select="string($t)"/>
      <xsl:with-param name="required" select="false()"/>
      <xsl:with-param name="maxlength" select="$maxlength"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="content">
    <xsl:variable name="list" select="/*/list"/>
    <xsl:variable name="form" select="/*/form"/>
    <xsl:call-template name="form-message"/>
    <form method="get" action="{$form/@action}" class="form form-inline filter-form no-print">
      <xsl:call-template name="text-filter">
        <xsl:with-param name="name" select="'year'"/>
        <xsl:with-param name="label" select="'报考年度'"/>
        <xsl:with-param name="maxlength" select="'4'"/>
      </xsl:call-template>
      <xsl:call-template name="pick">
        <xsl:with-param name="name" select="'state'"/>
        <xsl:with-param name="label" select="'报名状态'"/>
        <xsl:with-param name="items" select="/*/states/state"/>
      </xsl:call-template>
      <xsl:call-template name="pick">
        <xsl:with-param name="name" select="'level'"/>
        <xsl:with-param name="label" select="'申报等级'"/>
        <xsl:with-param name="items" select="/*/levels/level"/>
      </xsl:call-template>
      <xsl:call-template name="pick">
        <xsl:with-param name="name" select="'route'"/>
        <xsl:with-param name="label" select="'申报方式'"/>
        <xsl:with-param name="items" select="/*/routes/route"/>
      </xsl:call-template>
      <xsl:call-template name="pick">
        <xsl:with-param name="name" select="'wt'"/>
        <xsl:with-param name="label" select="'申报工种'"/>
        <xsl:with-param name="items" select="/*/worktypes/worktype"/>
        <xsl:with-param name="key" select="'code'"/>
      </xsl:call-template>
      <xsl:call-template name="text-filter">
        <xsl:with-param name="name" select="'unit'"/>
        <xsl:with-param name="label" select="'单位编码'"/>
        <xsl:with-param name="maxlength" select="'32'"/>
      </xsl:call-template>
      <xsl:if test="/*/regions/region">
        <xsl:call-template name="pick">
          <xsl:with-param name="name" select="'region'"/>
          <xsl:with-param name="label" select="'所在地区'"/>
          <xsl:with-param name="items" select="/*/regions/region"/>
          <xsl:with-param name="key" select="'code'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:call-template name="text-filter">
        <xsl:with-param name="name" select="'from'"/>
        <xsl:with-param name="label" select="'提交日期从'"/>
        <xsl:with-param name="type" select="'date'"/>
      </xsl:call-template>
      <xsl:call-template name="text-filter">
        <xsl:with-param name="name" select="'to'"/>
        <xsl:with-param name="label" select="'至'"/>
        <xsl:with-param name="type" select="'date'"/>
      </xsl:call-template>
      <div class="field">
        <label for="f-deferred">容缺后补</label>
        <div class="control">
          <select id="f-deferred" name="deferred">
            <option value="">全部</option>
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="'yes'"/>
              <xsl:with-param name="label" select="'是'"/>
              <xsl:with-param name="selected" select="string($form/field[@name = 'deferred']/@value)"/>
            </xsl:call-template>
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="'no'"/>
              <xsl:with-param name="label" select="'否'"/>
              <xsl:with-param name="selected" select="string($form/field[@name = 'deferred']/@value)"/>
            </xsl:call-template>
          </select>
        </div>
      </div>
      <xsl:call-template name="text-filter">
        <xsl:with-param name="name" select="'who'"/>
        <xsl:with-param name="label" select="'姓名或身份证号'"/>
        <xsl:with-param name="maxlength" select="'40'"/>
      </xsl:call-template>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">查询</button>
        <a class="btn btn-plain" href="{$form/@action}">重置</a>
      </div>
    </form>
    <xsl:if test="$list">
      <form method="get" action="{/*/export/@action}" class="no-print export-form">
        <xsl:for-each select="$form/field[@name != 'page'][string(@value) != '']">
          <input type="hidden" name="{@name}" value="{@value}"/>
        </xsl:for-each>
        <button type="submit" class="btn">导出Excel（共 <xsl:value-of select="$list/@total"/> 条）</button>
      </form>
      <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
        <table class="list query-list">
          <caption><xsl:value-of select="/*/@year"/>年度报名信息（共 <xsl:value-of select="$list/@total"/> 人）</caption>
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">姓名</th>
              <th scope="col">身份证号</th>
              <th scope="col">所在单位</th>
              <th scope="col">申报工种</th>
              <th scope="col">申报等级</th>
              <th scope="col">申报方式</th>
              <th scope="col">报名状态</th>
              <th scope="col">提交时间</th>
            </tr>
          </thead>
          <tbody>
            <xsl:variable name="first" select="(number($list/@page) - 1) * number($list/@size)"/>
            <xsl:for-each select="$list/row">
              <tr>
                <td class="num"><xsl:value-of select="$first + position()"/></td>
                <td><xsl:value-of select="@name"/>
                  <xsl:if test="@defer"><span class="tag">容缺后补</span></xsl:if>
                </td>
                <td class="mono"><xsl:value-of select="@idno"/></td>
                <td><xsl:value-of select="@unit"/></td>
                <td><xsl:value-of select="@worktype"/></td>
                <td><xsl:value-of select="@level-name"/></td>
                <td><xsl:value-of select="@route"/></td>
                <td><xsl:value-of select="@state-name"/>
                  <xsl:if test="@waits">（待<xsl:value-of select="@waits"/>审核）</xsl:if>
                </td>
                <td><xsl:value-of select="@submitted"/></td>
              </tr>
            </xsl:for-each>
            <xsl:if test="not($list/row)">
              <tr><td colspan="9" class="empty">没有符合条件的报考人员。</td></tr>
            </xsl:if>
          </tbody>
        </table>
      </div>
      <xsl:call-template name="pager">
        <xsl:with-param name="list" select="$list"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
