<?xml version="1.0" encoding="UTF-8"?>
<!--
  sysusers.xsl: 用户管理 (kind "users": the staff accounts the admin
  manages, filtered, paged) and 本级审核员管理 (kind "reviewers": the
  reviewers of the admin's own unit and the form of a new one); h_users.c,
  schema/xml/sysusers.rng.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="/*/@kind = 'reviewers'">本级审核员管理</xsl:when>
      <xsl:otherwise>用户管理</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="content">
    <xsl:call-template name="sys-tabs"/>
    <xsl:choose>
      <xsl:when test="/*/@kind = 'reviewers'"><xsl:call-template name="reviewers"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="users"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="users">
    <xsl:if test="/*/form/@status = 'invalid'">
      <xsl:call-template name="form-message"/>
    </xsl:if>
    <form method="get" action="/admin/users" class="form form-inline filter-form">
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'q'"/>
        <xsl:with-param name="label" select="'姓名、账号或单位'"/>
        <xsl:with-param name="type" select="'search'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'40'"/>
      </xsl:call-template>
      <div class="field">
        <label for="f-role">角色</label>
        <div class="control">
          <select id="f-role" name="role">
            <xsl:variable name="sel" select="string(/*/form/field[@name = 'role']/@value)"/>
            <option value="">全部</option>
            <xsl:call-template name="option"><xsl:with-param name="value" select="'unit'"/><xsl:with-param name="label" select="'单位管理员'"/><xsl:with-param name="selected" select="$sel"/></xsl:call-template>
            <xsl:call-template name="option"><xsl:with-param name="value" select="'supervising'"/><xsl:with-param name="label" select="'主管单位管理员'"/><xsl:with-param name="selected" select="$sel"/></xsl:call-template>
            <xsl:call-template name="option"><xsl:with-param name="value" select="'reviewer'"/><xsl:with-param name="label" select="'审核员'"/><xsl:with-param name="selected" select="$sel"/></xsl:call-template>
            <xsl:call-template name="option"><xsl:with-param name="value" select="'county'"/><xsl:with-param name="label" select="'县区工考办'"/><xsl:with-param name="selected" select="$sel"/></xsl:call-template>
            <xsl:call-template name="option"><xsl:with-param name="value" select="'city'"/><xsl:with-param name="label" select="'市工考办'"/><xsl:with-param name="selected" select="$sel"/></xsl:call-template>
            <xsl:call-template name="option"><xsl:with-param name="value" select="'province'"/><xsl:with-param name="label" select="'省工考办'"/><xsl:with-param name="selected" select="$sel"/></xsl:call-template>
          </select>
        </div>
      </div>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">查询</button>
        <a class="btn btn-plain" href="/admin/users">重置</a>
      </div>
    </form>
    <xsl:call-template name="table">
      <xsl:with-param name="caption" select="concat('本单位管辖的账号（共 ', /*/list/@total, ' 个）')"/>
    </xsl:call-template>
    <xsl:call-template name="pager">
      <xsl:with-param name="list" select="/*/list"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="reviewers">
    <p class="lead">审核员在本单位的审核级别审核报名，不能管理单位和用户。新审核员的初始密码为123，首次登录须凭短信验证码修改密码。</p>
    <xsl:call-template name="table">
      <xsl:with-param name="caption" select="concat('本级审核员（', count(/*/list/user), ' 人）')"/>
    </xsl:call-template>
    <section class="panel">
      <h2>添加审核员</h2>
      <form method="post" action="/admin/reviewers" class="form sys-form">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="form-message"/>
        <xsl:call-template name="field"><xsl:with-param name="name" select="'login'"/><xsl:with-param name="label" select="'登录账号'"/><xsl:with-param name="maxlength" select="'32'"/><xsl:with-param name="hint" select="'3至32位，以字母开头，只含字母、数字和“_”'"/></xsl:call-template>
        <xsl:call-template name="field"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="label" select="'姓名'"/><xsl:with-param name="maxlength" select="'20'"/></xsl:call-template>
        <xsl:call-template name="field"><xsl:with-param name="name" select="'phone'"/><xsl:with-param name="label" select="'手机号'"/><xsl:with-param name="type" select="'tel'"/><xsl:with-param name="maxlength" select="'11'"/><xsl:with-param name="inputmode" select="'numeric'"/></xsl:call-template>
        <div class="buttons"><button type="submit" class="btn btn-primary">添加</button></div>
      </form>
    </section>
  </xsl:template>

  <xsl:template name="table">
    <xsl:param name="caption"/>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list sys-list">
        <caption><xsl:value-of select="$caption"/></caption>
        <thead>
          <tr>
            <th scope="col">账号</th>
            <th scope="col">姓名</th>
            <th scope="col">角色</th>
            <th scope="col">单位</th>
            <th scope="col">手机号</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="/*/list/user">
            <tr>
              <td class="mono" data-label="账号"><xsl:value-of select="@login"/></td>
              <td data-label="姓名"><xsl:value-of select="@name"/></td>
              <td data-label="角色"><xsl:value-of select="@role-name"/><xsl:if test="@unit-admin = '1'">（单位管理员）</xsl:if></td>
              <td data-label="单位"><xsl:value-of select="@unit-name"/></td>
              <td class="mono" data-label="手机号"><xsl:value-of select="@phone"/></td>
              <td data-label="状态">
                <xsl:choose>
                  <xsl:when test="@disabled = '1'"><span class="tag tag-off">已停用</span></xsl:when>
                  <xsl:when test="@must-change = '1'">待修改初始密码</xsl:when>
                  <xsl:otherwise>正常</xsl:otherwise>
                </xsl:choose>
              </td>
              <td data-label="操作"><a href="/admin/users/edit?id={@id}">管理<span class="sr-only"><xsl:value-of select="@name"/></span></a></td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not(/*/list/user)">
            <tr><td colspan="7" class="empty">没有账号。</td></tr>
          </xsl:if>
        </tbody>
      </table>
    </div>
  </xsl:template>
</xsl:stylesheet>
