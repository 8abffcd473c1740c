<?xml version="1.0" encoding="UTF-8"?>
<!--
  sysunit.xsl: 单位管理 of one unit (h_units.c, schema/xml/sysunit.rng):
  mode "new", the form of a new unit (and its admin); mode "edit", the
  unit with its forms: 基本信息, 移动, 单位管理员, 停用/删除 (asked to
  confirm first: /*/confirm).  The form last posted is /*/form; the
  others show the unit's values.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="u" select="/*/unit"/>
  <xsl:variable name="posted" select="string(/*/form/@action)"/>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="/*/@mode = 'new'">添加单位</xsl:when>
      <xsl:otherwise>单位管理：<xsl:value-of select="$u/@name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="content">
    <xsl:call-template name="sys-tabs"/>
    <p><a href="/admin/units">返回单位列表</a></p>
    <xsl:choose>
      <xsl:when test="/*/@mode = 'new'"><xsl:call-template name="new-form"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="edit"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The value of field name: as posted to this form, else the unit's. -->
  <xsl:template name="val">
    <xsl:param name="name"/>
    <xsl:param name="action"/>
    <xsl:param name="default"/>
    <xsl:choose>
      <xsl:when test="$posted = $action and /*/form/field[@name = $name]">
        <xsl:value-of select="/*/form/field[@name = $name]/@value"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$default"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The message above a form, when it is the one posted. -->
  <xsl:template name="posted-message">
    <xsl:param name="action"/>
    <xsl:if test="$posted = $action">
      <xsl:call-template name="form-message"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="new-form">
    <p class="lead">基层单位请填写所属主管单位的代码（地区随主管单位）；主管单位和工考办请填写地区代码。可同时设置单位管理员：管理员用单位代码或手机号登录，初始密码为123，首次登录须凭短信验证码修改密码。</p>
    <form method="post" action="/admin/units/new" class="form sys-form">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="form-message"/>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'unit_code'"/><xsl:with-param name="label" select="'单位代码'"/><xsl:with-param name="maxlength" select="'32'"/><xsl:with-param name="hint" select="'2至32位字母或数字，如统一社会信用代码；用作管理员的登录账号'"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="label" select="'单位名称'"/><xsl:with-param name="maxlength" select="'100'"/></xsl:call-template>
      <xsl:call-template name="select-field"><xsl:with-param name="name" select="'kind'"/><xsl:with-param name="label" select="'单位类别'"/><xsl:with-param name="options" select="/*/kinds/kind"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'parent'"/><xsl:with-param name="label" select="'所属主管单位代码'"/><xsl:with-param name="required" select="false()"/><xsl:with-param name="maxlength" select="'32'"/><xsl:with-param name="hint" select="'仅基层单位填写'"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'region'"/><xsl:with-param name="label" select="'地区代码'"/><xsl:with-param name="required" select="false()"/><xsl:with-param name="maxlength" select="'6'"/><xsl:with-param name="inputmode" select="'numeric'"/><xsl:with-param name="hint" select="'6位数字，如郑州市410100、金水区410105；基层单位不填'"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'phone'"/><xsl:with-param name="label" select="'联系电话'"/><xsl:with-param name="type" select="'tel'"/><xsl:with-param name="required" select="false()"/><xsl:with-param name="maxlength" select="'32'"/></xsl:call-template>
      <fieldset>
        <legend>单位管理员（可稍后设置）</legend>
        <xsl:call-template name="field"><xsl:with-param name="name" select="'admin_name'"/><xsl:with-param name="label" select="'管理员姓名'"/><xsl:with-param name="required" select="false()"/><xsl:with-param name="maxlength" select="'20'"/></xsl:call-template>
        <xsl:call-template name="field"><xsl:with-param name="name" select="'admin_phone'"/><xsl:with-param name="label" select="'管理员手机号'"/><xsl:with-param name="type" select="'tel'"/><xsl:with-param name="required" select="false()"/><xsl:with-param name="maxlength" select="'11'"/><xsl:with-param name="inputmode" select="'numeric'"/></xsl:call-template>
      </fieldset>
      <div class="buttons"><button type="submit" class="btn btn-primary">添加</button></div>
    </form>
  </xsl:template>

  <xsl:template name="edit">
    <dl class="facts">
      <dt>单位代码</dt><dd class="mono"><xsl:value-of select="$u/@code"/></dd>
      <dt>单位名称</dt><dd><xsl:value-of select="$u/@name"/></dd>
      <dt>类别</dt><dd><xsl:value-of select="$u/@kind-name"/></dd>
      <xsl:if test="$u/@parent-code">
        <dt>所属主管单位</dt><dd><xsl:value-of select="$u/@parent-name"/>（<xsl:value-of select="$u/@parent-code"/>）</dd>
      </xsl:if>
      <dt>地区</dt><dd><xsl:value-of select="$u/@region-name"/>（<xsl:value-of select="$u/@region"/>）</dd>
      <dt>状态</dt><dd><xsl:choose><xsl:when test="$u/@disabled = '1'">已停用（报考人员不能再选择该单位）</xsl:when><xsl:otherwise>正常</xsl:otherwise></xsl:choose></dd>
    </dl>
    <xsl:if test="/*/confirm"><xsl:call-template name="confirm"/></xsl:if>
    <xsl:call-template name="posted-message"><xsl:with-param name="action" select="'/admin/units/remove'"/></xsl:call-template>

    <section class="panel">
      <h2>基本信息</h2>
      <form method="post" action="/admin/units/edit" class="form sys-form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="id" value="{$u/@id}"/>
        <xsl:call-template name="posted-message"><xsl:with-param name="action" select="'/admin/units/edit'"/></xsl:call-template>
        <xsl:call-template name="field"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="label" select="'单位名称'"/><xsl:with-param name="maxlength" select="'100'"/>
          <xsl:with-param name="value"><xsl:call-template name="val"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="action" select="'/admin/units/edit'"/><xsl:with-param name="default" select="$u/@name"/></xsl:call-template></xsl:with-param></xsl:call-template>
        <xsl:call-template name="field"><xsl:with-param name="name" select="'phone'"/><xsl:with-param name="label" select="'联系电话'"/><xsl:with-param name="type" select="'tel'"/><xsl:with-param name="required" select="false()"/><xsl:with-param name="maxlength" select="'32'"/>
          <xsl:with-param name="value"><xsl:call-template name="val"><xsl:with-param name="name" select="'phone'"/><xsl:with-param name="action" select="'/admin/units/edit'"/><xsl:with-param name="default" select="$u/@phone"/></xsl:call-template></xsl:with-param></xsl:call-template>
        <div class="buttons"><button type="submit" class="btn btn-primary">保存</button></div>
      </form>
    </section>

    <section class="panel">
      <h2>移动单位</h2>
      <form method="post" action="/admin/units/move" class="form sys-form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="id" value="{$u/@id}"/>
        <xsl:call-template name="posted-message"><xsl:with-param name="action" select="'/admin/units/move'"/></xsl:call-template>
        <xsl:choose>
          <xsl:when test="$u/@kind = 'basic'">
            <xsl:call-template name="field"><xsl:with-param name="name" select="'parent'"/><xsl:with-param name="label" select="'移至主管单位（代码）'"/><xsl:with-param name="maxlength" select="'32'"/>
              <xsl:with-param name="value"><xsl:call-template name="val"><xsl:with-param name="name" select="'parent'"/><xsl:with-param name="action" select="'/admin/units/move'"/><xsl:with-param name="default" select="$u/@parent-code"/></xsl:call-template></xsl:with-param></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="field"><xsl:with-param name="name" select="'region'"/><xsl:with-param name="label" select="'移至地区（代码）'"/><xsl:with-param name="maxlength" select="'6'"/><xsl:with-param name="inputmode" select="'numeric'"/><xsl:with-param name="hint" select="'下属基层单位随之移动'"/>
              <xsl:with-param name="value"><xsl:call-template name="val"><xsl:with-param name="name" select="'region'"/><xsl:with-param name="action" select="'/admin/units/move'"/><xsl:with-param name="default" select="$u/@region"/></xsl:call-template></xsl:with-param></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
        <div class="buttons"><button type="submit" class="btn btn-primary">移动</button></div>
      </form>
    </section>

    <section class="panel">
      <h2>单位管理员</h2>
      <xsl:choose>
        <xsl:when test="$u/@admin-id">
          <p><xsl:value-of select="$u/@admin-name"/>（账号 <span class="mono"><xsl:value-of select="$u/@admin-login"/></span>，用单位代码或手机号登录）。
            <a href="/admin/users/edit?id={$u/@admin-id}">修改、停用或重置密码</a></p>
        </xsl:when>
        <xsl:otherwise>
          <form method="post" action="/admin/units/admin" class="form sys-form">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{$u/@id}"/>
            <xsl:call-template name="posted-message"><xsl:with-param name="action" select="'/admin/units/admin'"/></xsl:call-template>
            <p class="hint">管理员用单位代码或手机号登录，初始密码为123，首次登录须凭短信验证码修改密码。</p>
            <xsl:call-template name="field"><xsl:with-param name="name" select="'admin_name'"/><xsl:with-param name="label" select="'管理员姓名'"/><xsl:with-param name="maxlength" select="'20'"/></xsl:call-template>
            <xsl:call-template name="field"><xsl:with-param name="name" select="'admin_phone'"/><xsl:with-param name="label" select="'管理员手机号'"/><xsl:with-param name="type" select="'tel'"/><xsl:with-param name="maxlength" select="'11'"/><xsl:with-param name="inputmode" select="'numeric'"/></xsl:call-template>
            <div class="buttons"><button type="submit" class="btn btn-primary">设置管理员</button></div>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <section class="panel">
      <h2>停用或删除</h2>
      <p>已有报名、审核记录或下属单位的单位不能删除，只能停用：停用后报考人员不能再选择该单位，已有的报名照常审核。</p>
      <p class="actions">
        <xsl:choose>
          <xsl:when test="$u/@disabled = '1'">
            <form method="post" action="/admin/units/remove" class="inline-form">
              <xsl:call-template name="csrf"/>
              <input type="hidden" name="id" value="{$u/@id}"/>
              <input type="hidden" name="action" value="enable"/>
              <button type="submit" class="btn btn-plain">重新启用</button>
            </form>
          </xsl:when>
          <xsl:otherwise>
            <a class="btn btn-plain" href="/admin/units/edit?id={$u/@id}&amp;do=disable">停用</a>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text> </xsl:text>
        <a class="btn btn-danger" href="/admin/units/edit?id={$u/@id}&amp;do=delete">删除</a>
      </p>
    </section>
  </xsl:template>

  <!-- The confirm step of delete and disable. -->
  <xsl:template name="confirm">
    <xsl:variable name="a" select="string(/*/confirm/@action)"/>
    <div class="msg msg-warn confirm" role="alert">
      <p>
        <xsl:choose>
          <xsl:when test="$a = 'delete'">确定删除单位“<xsl:value-of select="$u/@name"/>”吗？其管理员和审核员账号一并删除，删除后不能恢复。</xsl:when>
          <xsl:otherwise>确定停用单位“<xsl:value-of select="$u/@name"/>”吗？停用后报考人员不能再选择该单位。</xsl:otherwise>
        </xsl:choose>
      </p>
      <form method="post" action="/admin/units/remove" class="inline-form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="id" value="{$u/@id}"/>
        <input type="hidden" name="action" value="{$a}"/>
        <input type="hidden" name="confirm" value="1"/>
        <button type="submit" class="btn btn-danger">
          <xsl:choose><xsl:when test="$a = 'delete'">确定删除</xsl:when><xsl:otherwise>确定停用</xsl:otherwise></xsl:choose>
        </button>
        <xsl:text> </xsl:text>
        <a class="btn btn-plain" href="/admin/units/edit?id={$u/@id}">取消</a>
      </form>
    </div>
  </xsl:template>
</xsl:stylesheet>
