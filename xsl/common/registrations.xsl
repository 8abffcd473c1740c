<?xml version="1.0" encoding="UTF-8"?>
<!--
  registrations.xsl: 报名查询 (province, city, county).  The filters are a
  GET form; their current values are read from /*/form fields level and
  region, and the levels from /*/levels when present (else the five
  levels below).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:f="https://gkbm.hrss.henan.gov.cn/xsl/fragment"
    extension-element-prefixes="f">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'报名查询'"/>

  <xsl:template name="content">
    <xsl:variable name="list" select="/*/list"/>

    <!-- Wrong filters (400): the first message above the form. -->
    <xsl:if test="/*/form/@status = 'invalid'">
      <xsl:call-template name="form-message"/>
    </xsl:if>

    <!-- The same for everyone with the same filter: kept by the worker
         (fcgi/fragment.c; the regions change at most once a minute). -->
    <f:cache key="concat(/*/form/field[@name = 'level']/@value, '|',
        /*/form/field[@name = 'region']/@value, '|', count(/*/form/field/error))"
        template="filters" seconds="60">
      <xsl:fallback><xsl:call-template name="filters"/></xsl:fallback>
    </f:cache>

    <div class="table-wrap">
      <table class="list">
        <caption>注册报名人员（共 <xsl:value-of select="$list/@total"/> 人）</caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">姓名</th>
            <th scope="col">身份证号</th>
            <th scope="col">手机号</th>
            <th scope="col">省辖市、直辖县</th>
            <th scope="col">申报等级</th>
            <th scope="col">注册时间</th>
          </tr>
        </thead>
        <tbody>
          <xsl:variable name="first-rtf">
            <xsl:choose>
              <xsl:when test="number($list/@size) &gt; 0 and number($list/@page) &gt; 0">
                <xsl:value-of select="(number($list/@page) - 1) * number($list/@size)"/>
              </xsl:when>
              <xsl:otherwise>0</xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <!-- A number once, not a tree fragment read again each row. -->
          <xsl:variable name="first" select="number($first-rtf)"/>
          <xsl:for-each select="$list/row">
            <tr>
              <td class="num"><xsl:value-of select="$first + position()"/></td>
              <td><xsl:value-of select="@name"/></td>
              <td class="mono"><xsl:value-of select="@idno"/></td>
              <td class="mono"><xsl:value-of select="@phone"/></td>
              <td><xsl:value-of select="@region"/></td>
              <td><xsl:value-of select="@level-name"/></td>
              <td><xsl:value-of select="@registered"/></td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not($list/row)">
            <tr><td colspan="7" class="empty">没有符合条件的记录。</td></tr>
          </xsl:if>
        </tbody>
      </table>
    </div>
    <xsl:if test="$list">
      <xsl:call-template name="pager">
        <xsl:with-param name="list" select="$list"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The filters: reads only the form's level and region, the levels
       and the regions (the key of f:cache above). -->
  <xsl:template name="filters">
    <xsl:variable name="level" select="string(/*/form/field[@name = 'level']/@value)"/>
    <form method="get" action="/admin/registrations" class="form form-inline filter-form">
      <xsl:choose>
        <xsl:when test="/*/levels/level">
          <xsl:call-template name="select-field">
            <xsl:with-param name="name" select="'level'"/>
            <xsl:with-param name="label" select="'申报等级'"/>
            <xsl:with-param name="options" select="/*/levels/level"/>
            <xsl:with-param name="required" select="false()"/>
            <xsl:with-param name="empty" select="'全部'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <div class="field">
            <label for="f-level">申报等级</label>
            <div class="control">
              <select id="f-level" name="level">
                <option value="">全部</option>
                <xsl:call-template name="option"><xsl:with-param name="value" select="'5'"/><xsl:with-param name="label" select="'五级（初级工）'"/><xsl:with-param name="selected" select="$level"/></xsl:call-template>
                <xsl:call-template name="option"><xsl:with-param name="value" select="'4'"/><xsl:with-param name="label" select="'四级（中级工）'"/><xsl:with-param name="selected" select="$level"/></xsl:call-template>
                <xsl:call-template name="option"><xsl:with-param name="value" select="'3'"/><xsl:with-param name="label" select="'三级（高级工）'"/><xsl:with-param name="selected" select="$level"/></xsl:call-template>
                <xsl:call-template name="option"><xsl:with-param name="value" select="'2'"/><xsl:with-param name="label" select="'二级（技师）'"/><xsl:with-param name="selected" select="$level"/></xsl:call-template>
                <xsl:call-template name="option"><xsl:with-param name="value" select="'1'"/><xsl:with-param name="label" select="'一级（高级技师）'"/><xsl:with-param name="selected" select="$level"/></xsl:call-template>
              </select>
            </div>
          </div>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'region'"/>
        <xsl:with-param name="label" select="'省辖市、直辖县'"/>
        <xsl:with-param name="options" select="/*/regions/region"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="empty" select="'全部'"/>
      </xsl:call-template>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">查询</button>
        <a class="btn btn-plain" href="/admin/registrations">重置</a>
      </div>
    </form>
  </xsl:template>
</xsl:stylesheet>
