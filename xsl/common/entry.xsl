<?xml version="1.0" encoding="UTF-8"?>
<!--
  entry.xsl: 补报 and 破格/一线 (h_entry.c, schema/xml/entry.rng): the
  candidates the offices of the subtree entered this year, and (a
  <form kind>) the form 添加补报人员 or 添加破格人员.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'补报及破格（一线）人员'"/>

  <xsl:template name="content">
    <p class="lead">没有社保等不能自行注册的人员，由县区工考办用“补报”添加；破格（一线）人员用“添加破格人员”添加，其报名不受年龄、工作年限、岗位等级年限等条件限制。添加后，考生用身份证号和初始密码登录，首次登录须凭发送到所填手机号的短信验证码修改密码。</p>
    <xsl:call-template name="window-box">
      <xsl:with-param name="w" select="/*/window[@kind = 'registration']"/>
      <xsl:with-param name="open" select="'当前可添加'"/>
    </xsl:call-template>
    <p class="buttons">
      <a class="btn btn-primary" href="/admin/entry?add=late">添加补报人员</a>
      <xsl:text> </xsl:text>
      <a class="btn btn-primary" href="/admin/entry?add=exceptional">添加破格人员</a>
    </p>
    <xsl:if test="/*/form">
      <xsl:call-template name="entry-form"/>
    </xsl:if>
    <xsl:call-template name="entry-list"/>
  </xsl:template>

  <xsl:template name="entry-form">
    <xsl:variable name="f" select="/*/form"/>
    <form method="post" action="/admin/entry" enctype="multipart/form-data" class="form entry-form">
      <h2 class="section-title">添加<xsl:value-of select="$f/@kind-name"/>人员</h2>
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="form-message"/>
      <input type="hidden" name="kind" value="{$f/@kind}"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'unit'"/>
        <xsl:with-param name="label" select="'所在单位（单位代码）'"/>
        <xsl:with-param name="list" select="'entry-units'"/>
        <xsl:with-param name="maxlength" select="'32'"/>
        <xsl:with-param name="hint" select="'输入单位代码或名称后从列表中选择本辖区的单位'"/>
        <xsl:with-param name="after">
          <datalist id="entry-units">
            <xsl:for-each select="/*/units/unit">
              <option value="{@code}"><xsl:value-of select="@name"/></option>
            </xsl:for-each>
          </datalist>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'idno'"/>
        <xsl:with-param name="label" select="'身份证号'"/>
        <xsl:with-param name="maxlength" select="'18'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'name'"/>
        <xsl:with-param name="label" select="'姓名'"/>
        <xsl:with-param name="maxlength" select="'20'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'phone'"/>
        <xsl:with-param name="label" select="'手机号码'"/>
        <xsl:with-param name="type" select="'tel'"/>
        <xsl:with-param name="maxlength" select="'11'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="autocomplete" select="'off'"/>
        <xsl:with-param name="hint" select="'考生本人的手机号：首次登录修改密码的短信验证码发到此号'"/>
      </xsl:call-template>
      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'level'"/>
        <xsl:with-param name="label" select="'申报等级'"/>
        <xsl:with-param name="options" select="/*/levels/level"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'reason'"/>
        <xsl:with-param name="label">
          <xsl:choose>
            <xsl:when test="$f/@kind = 'exceptional'">破格（一线）依据</xsl:when>
            <xsl:otherwise>补报原因</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
        <xsl:with-param name="maxlength" select="'200'"/>
        <xsl:with-param name="hint" select="'如“无社保，不能自行注册”'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'idcard'"/>
        <xsl:with-param name="label" select="'身份证照片'"/>
        <xsl:with-param name="type" select="'file'"/>
        <xsl:with-param name="accept" select="'image/jpeg'"/>
        <xsl:with-param name="hint">
          <xsl:call-template name="upload-limit-text">
            <xsl:with-param name="prefix" select="'JPG格式，'"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <div class="buttons"><button type="submit" class="btn btn-primary">添加</button></div>
    </form>
  </xsl:template>

  <xsl:template name="entry-list">
    <xsl:variable name="list" select="/*/list"/>
    <nav class="filter-links" aria-label="类别">
      <a href="/admin/entry">全部</a>
      <xsl:text> | </xsl:text>
      <a href="/admin/entry?k=late">补报</a>
      <xsl:text> | </xsl:text>
      <a href="/admin/entry?k=exceptional">破格（一线）</a>
    </nav>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list">
        <caption>本年度补报及破格（一线）人员（共 <xsl:value-of select="$list/@total"/> 人）</caption>
        <thead>
          <tr>
            <th scope="col">类别</th>
            <th scope="col">姓名</th>
            <th scope="col">身份证号</th>
            <th scope="col">手机号</th>
            <th scope="col">单位</th>
            <th scope="col">申报等级</th>
            <th scope="col">原因</th>
            <th scope="col">添加人</th>
            <th scope="col">添加时间</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$list/row">
            <tr>
              <td>
                <xsl:value-of select="@kind-name"/>
                <xsl:if test="@revoked = '1'">（已撤销）</xsl:if>
              </td>
              <td><xsl:value-of select="@name"/></td>
              <td class="mono"><xsl:value-of select="@idno"/></td>
              <td class="mono"><xsl:value-of select="@phone"/></td>
              <td><xsl:value-of select="@unit"/></td>
              <td><xsl:value-of select="@level-name"/></td>
              <td><xsl:value-of select="@reason"/></td>
              <td>
                <xsl:value-of select="@by"/>
                <xsl:if test="@by-unit">（<xsl:value-of select="@by-unit"/>）</xsl:if>
              </td>
              <td><xsl:value-of select="@at"/></td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not($list/row)">
            <tr><td colspan="9" class="empty">没有记录。</td></tr>
          </xsl:if>
        </tbody>
      </table>
    </div>
    <xsl:call-template name="pager">
      <xsl:with-param name="list" select="$list"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
