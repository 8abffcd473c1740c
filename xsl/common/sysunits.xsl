<?xml version="1.0" encoding="UTF-8"?>
<!--
  sysunits.xsl: 单位管理 (h_units.c, schema/xml/sysunits.rng): the units
  the admin manages, filtered by name or code and kind, paged; links to
  each unit's page, a new unit and the bulk import.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'单位管理'"/>

  <xsl:template name="content">
    <xsl:variable name="list" select="/*/list"/>
    <xsl:call-template name="sys-tabs"/>
    <p class="actions">
      <a class="btn btn-primary" href="/admin/units/new">添加单位</a>
      <xsl:text> </xsl:text>
      <a class="btn btn-plain" href="/admin/units/import">批量导入</a>
    </p>
    <xsl:if test="/*/form/@status = 'invalid'">
      <xsl:call-template name="form-message"/>
    </xsl:if>
    <form method="get" action="/admin/units" class="form form-inline filter-form">
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'q'"/>
        <xsl:with-param name="label" select="'单位名称或代码'"/>
        <xsl:with-param name="type" select="'search'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'40'"/>
      </xsl:call-template>
      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'kind'"/>
        <xsl:with-param name="label" select="'单位类别'"/>
        <xsl:with-param name="options" select="/*/kinds/kind"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="empty" select="'全部'"/>
      </xsl:call-template>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">查询</button>
        <a class="btn btn-plain" href="/admin/units">重置</a>
      </div>
    </form>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list sys-list">
        <caption>本单位管辖的单位（共 <xsl:value-of select="$list/@total"/> 个）</caption>
        <thead>
          <tr>
            <th scope="col">单位代码</th>
            <th scope="col">单位名称</th>
            <th scope="col">类别</th>
            <th scope="col">所属主管单位</th>
            <th scope="col">地区</th>
            <th scope="col">管理员</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$list/unit">
            <tr>
              <td class="mono" data-label="单位代码"><xsl:value-of select="@code"/></td>
              <td data-label="单位名称"><xsl:value-of select="@name"/></td>
              <td data-label="类别"><xsl:value-of select="@kind-name"/></td>
              <td data-label="所属主管单位"><xsl:value-of select="@parent-name"/></td>
              <td data-label="地区"><xsl:value-of select="@region-name"/></td>
              <td data-label="管理员">
                <xsl:choose>
                  <xsl:when test="@admin-name"><xsl:value-of select="@admin-name"/></xsl:when>
                  <xsl:otherwise><span class="muted">未设置</span></xsl:otherwise>
                </xsl:choose>
              </td>
              <td data-label="状态">
                <xsl:choose>
                  <xsl:when test="@disabled = '1'"><span class="tag tag-off">已停用</span></xsl:when>
                  <xsl:otherwise>正常</xsl:otherwise>
                </xsl:choose>
              </td>
              <td data-label="操作"><a href="/admin/units/edit?id={@id}">管理<span class="sr-only"><xsl:value-of select="@name"/></span></a></td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not($list/unit)">
            <tr><td colspan="8" class="empty">没有符合条件的单位。</td></tr>
          </xsl:if>
        </tbody>
      </table>
    </div>
    <xsl:call-template name="pager">
      <xsl:with-param name="list" select="$list"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
