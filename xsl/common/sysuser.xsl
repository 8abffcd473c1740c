<?xml version="1.0" encoding="UTF-8"?>
<!--
  sysuser.xsl: 用户管理 of one staff account (h_users.c,
  schema/xml/sysuser.rng): its name and phone, and 停用, 删除, 重置密码,
  each asked to confirm first (/*/confirm).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="u" select="/*/user"/>
  <xsl:variable name="posted" select="string(/*/form/@action)"/>
  <xsl:variable name="title" select="concat('用户管理：', $u/@name)"/>

  <xsl:template name="content">
    <xsl:call-template name="sys-tabs"/>
    <p><a href="/admin/users">返回用户列表</a></p>
    <dl class="facts">
      <dt>账号</dt><dd class="mono"><xsl:value-of select="$u/@login"/></dd>
      <dt>角色</dt><dd><xsl:value-of select="$u/@role-name"/><xsl:if test="$u/@unit-admin = '1'">（单位管理员，也可用单位代码登录）</xsl:if></dd>
      <dt>单位</dt><dd><xsl:value-of select="$u/@unit-name"/>（<xsl:value-of select="$u/@unit-code"/>）</dd>
      <dt>手机号</dt><dd class="mono"><xsl:value-of select="$u/@phone"/></dd>
      <dt>状态</dt>
      <dd>
        <xsl:choose>
          <xsl:when test="$u/@disabled = '1'">已停用（不能登录）</xsl:when>
          <xsl:when test="$u/@must-change = '1'">正常，登录时须修改初始密码</xsl:when>
          <xsl:otherwise>正常</xsl:otherwise>
        </xsl:choose>
      </dd>
    </dl>
    <xsl:if test="/*/confirm"><xsl:call-template name="confirm"/></xsl:if>
    <xsl:if test="$posted = '/admin/users/act'"><xsl:call-template name="form-message"/></xsl:if>

    <section class="panel">
      <h2>修改信息</h2>
      <form method="post" action="/admin/users/edit" class="form sys-form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="id" value="{$u/@id}"/>
        <xsl:if test="$posted = '/admin/users/edit'"><xsl:call-template name="form-message"/></xsl:if>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="label" select="'姓名'"/>
          <xsl:with-param name="maxlength" select="'20'"/>
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="$posted = '/admin/users/edit'"><xsl:value-of select="/*/form/field[@name = 'name']/@value"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$u/@name"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'phone'"/>
          <xsl:with-param name="label" select="'新手机号'"/>
          <xsl:with-param name="type" select="'tel'"/>
          <xsl:with-param name="required" select="false()"/>
          <xsl:with-param name="maxlength" select="'11'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
          <xsl:with-param name="hint" select="'不改手机号请留空；修改密码的短信验证码发到这个号码'"/>
        </xsl:call-template>
        <div class="buttons"><button type="submit" class="btn btn-primary">保存</button></div>
      </form>
    </section>

    <section class="panel">
      <h2>账号操作</h2>
      <p>重置后密码为初始密码123，该账号下次登录时须凭发到其手机的短信验证码修改密码。有审核或操作记录的账号不能删除，只能停用。</p>
      <p class="actions">
        <a class="btn btn-plain" href="/admin/users/edit?id={$u/@id}&amp;do=reset">重置密码</a>
        <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="$u/@disabled = '1'">
            <form method="post" action="/admin/users/act" class="inline-form">
              <xsl:call-template name="csrf"/>
              <input type="hidden" name="id" value="{$u/@id}"/>
              <input type="hidden" name="action" value="enable"/>
              <button type="submit" class="btn btn-plain">重新启用</button>
            </form>
          </xsl:when>
          <xsl:otherwise>
            <a class="btn btn-plain" href="/admin/users/edit?id={$u/@id}&amp;do=disable">停用</a>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text> </xsl:text>
        <a class="btn btn-danger" href="/admin/users/edit?id={$u/@id}&amp;do=delete">删除</a>
      </p>
    </section>
  </xsl:template>

  <xsl:template name="confirm">
    <xsl:variable name="a" select="string(/*/confirm/@action)"/>
    <div class="msg msg-warn confirm" role="alert">
      <p>
        <xsl:choose>
          <xsl:when test="$a = 'delete'">确定删除账号“<xsl:value-of select="$u/@name"/>”吗？删除后不能恢复。</xsl:when>
          <xsl:when test="$a = 'reset'">确定把“<xsl:value-of select="$u/@name"/>”的密码重置为初始密码吗？该账号已登录的会话将结束。</xsl:when>
          <xsl:otherwise>确定停用账号“<xsl:value-of select="$u/@name"/>”吗？停用后不能登录，已登录的会话将结束。</xsl:otherwise>
        </xsl:choose>
      </p>
      <form method="post" action="/admin/users/act" class="inline-form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="id" value="{$u/@id}"/>
        <input type="hidden" name="action" value="{$a}"/>
        <input type="hidden" name="confirm" value="1"/>
        <button type="submit" class="btn btn-danger">
          <xsl:choose>
            <xsl:when test="$a = 'delete'">确定删除</xsl:when>
            <xsl:when test="$a = 'reset'">确定重置</xsl:when>
            <xsl:otherwise>确定停用</xsl:otherwise>
          </xsl:choose>
        </button>
        <xsl:text> </xsl:text>
        <a class="btn btn-plain" href="/admin/users/edit?id={$u/@id}">取消</a>
      </form>
    </div>
  </xsl:template>
</xsl:stylesheet>
