<?xml version="1.0" encoding="UTF-8"?>
<!--
  examsites.xsl: 考点考场 (h_examplan.c, schema/xml/examsites.rng): the
  office's exam sites of the year with their rooms; a form to add or
  change a site, one to add or change a room (?site=ID, ?room=ID fill
  them), and a delete button on each row (refused while it has seats).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'考点考场'"/>

  <xsl:template name="content">
    <xsl:variable name="reg" select="/*/region"/>
    <xsl:variable name="sf" select="/*/form[@action = '/admin/exam/site']"/>
    <xsl:variable name="rf" select="/*/form[@action = '/admin/exam/room']"/>
    <xsl:call-template name="exam-tabs"/>
    <p class="lead"><xsl:value-of select="$reg/@year"/>年度<xsl:value-of select="$reg/@name"/>考区：考点（两位代码）下设考场（三位代码、座位数1～99），准考证号由考点、考场代码和座位号组成。已编排考生的考点、考场不能删除，其代码不能更改。</p>
    <xsl:if test="$sf or $rf">
      <xsl:call-template name="form-message"><xsl:with-param name="form" select="$sf | $rf"/></xsl:call-template>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="/*/sites/site">
        <xsl:for-each select="/*/sites/site">
          <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
            <table class="list">
              <caption>考点 <xsl:value-of select="@code"/> <xsl:value-of select="@name"/>（<xsl:value-of select="@address"/>）：<xsl:value-of select="@rooms"/>个考场，<xsl:value-of select="@seats"/>个座位，已编排<xsl:value-of select="@taken"/>人</caption>
              <thead>
                <tr><th scope="col">考场代码</th><th scope="col">考场名称</th><th scope="col">座位数</th><th scope="col">已编排（各场次合计）</th><th scope="col">操作</th></tr>
              </thead>
              <tbody>
                <xsl:for-each select="room">
                  <tr>
                    <td class="mono"><xsl:value-of select="@code"/></td>
                    <td><xsl:value-of select="@name"/></td>
                    <td><xsl:value-of select="@capacity"/></td>
                    <td><xsl:value-of select="@taken"/></td>
                    <td>
                      <a href="/admin/exam/sites?room={@id}#room-form">修改</a>
                      <xsl:if test="@taken = '0'">
                        <xsl:text> </xsl:text>
                        <form method="post" action="/admin/exam/room" class="inline">
                          <xsl:call-template name="csrf"/>
                          <input type="hidden" name="id" value="{@id}"/>
                          <input type="hidden" name="delete" value="1"/>
                          <button type="submit" class="btn btn-small">删除考场<xsl:value-of select="@code"/></button>
                        </form>
                      </xsl:if>
                    </td>
                  </tr>
                </xsl:for-each>
                <tr>
                  <td colspan="5">
                    <a href="/admin/exam/sites?site={@id}#site-form">修改考点</a>
                    <xsl:if test="@taken = '0'">
                      <xsl:text> </xsl:text>
                      <form method="post" action="/admin/exam/site" class="inline">
                        <xsl:call-template name="csrf"/>
                        <input type="hidden" name="id" value="{@id}"/>
                        <input type="hidden" name="delete" value="1"/>
                        <button type="submit" class="btn btn-small">删除考点<xsl:value-of select="@code"/>及其考场</button>
                      </form>
                    </xsl:if>
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><p class="msg msg-info">本年度尚未设置考点，请先添加考点，再添加考场。</p></xsl:otherwise>
    </xsl:choose>

    <h2 id="site-form">
      <xsl:choose><xsl:when test="$sf/field[@name = 'id']/@value != ''">修改考点</xsl:when><xsl:otherwise>添加考点</xsl:otherwise></xsl:choose>
    </h2>
    <form method="post" action="/admin/exam/site" class="form">
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="id" value="{$sf/field[@name = 'id']/@value}"/>
      <xsl:if test="$sf/field[@name = 'id']/error">
        <p class="error"><xsl:value-of select="$sf/field[@name = 'id']/error"/></p>
      </xsl:if>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'site_code'"/><xsl:with-param name="id" select="'f-site-code'"/><xsl:with-param name="f" select="$sf/field[@name = 'site_code']"/><xsl:with-param name="label" select="'考点代码'"/><xsl:with-param name="maxlength" select="'2'"/><xsl:with-param name="inputmode" select="'numeric'"/><xsl:with-param name="hint" select="'两位数字，01～99'"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="id" select="'f-site-name'"/><xsl:with-param name="f" select="$sf/field[@name = 'name']"/><xsl:with-param name="label" select="'考点名称'"/><xsl:with-param name="maxlength" select="'100'"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'address'"/><xsl:with-param name="id" select="'f-site-address'"/><xsl:with-param name="f" select="$sf/field[@name = 'address']"/><xsl:with-param name="label" select="'考点地址'"/><xsl:with-param name="maxlength" select="'200'"/></xsl:call-template>
      <div class="buttons"><button type="submit" class="btn btn-primary">保存考点</button></div>
    </form>

    <xsl:if test="/*/sites/site">
      <h2 id="room-form">
        <xsl:choose><xsl:when test="$rf/field[@name = 'id']/@value != ''">修改考场</xsl:when><xsl:otherwise>添加考场</xsl:otherwise></xsl:choose>
      </h2>
      <form method="post" action="/admin/exam/room" class="form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="id" value="{$rf/field[@name = 'id']/@value}"/>
        <xsl:if test="$rf/field[@name = 'id']/error">
          <p class="error"><xsl:value-of select="$rf/field[@name = 'id']/error"/></p>
        </xsl:if>
        <xsl:variable name="sv" select="string($rf/field[@name = 'site']/@value)"/>
        <div class="field">
          <xsl:if test="$rf/field[@name = 'site']/error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
          <label for="f-room-site">所在考点<span class="req" aria-hidden="true">*</span></label>
          <div class="control">
            <select id="f-room-site" name="site" required="required">
              <option value="">请选择</option>
              <xsl:for-each select="/*/sites/site">
                <option value="{@id}">
                  <xsl:if test="string(@id) = $sv"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="concat(@code, ' ', @name)"/>
                </option>
              </xsl:for-each>
            </select>
          </div>
          <xsl:if test="$rf/field[@name = 'site']/error"><p class="error"><xsl:value-of select="$rf/field[@name = 'site']/error"/></p></xsl:if>
        </div>
        <xsl:call-template name="field"><xsl:with-param name="name" select="'room_code'"/><xsl:with-param name="id" select="'f-room-code'"/><xsl:with-param name="f" select="$rf/field[@name = 'room_code']"/><xsl:with-param name="label" select="'考场代码'"/><xsl:with-param name="maxlength" select="'3'"/><xsl:with-param name="inputmode" select="'numeric'"/><xsl:with-param name="hint" select="'三位数字，001～999'"/></xsl:call-template>
        <xsl:call-template name="field"><xsl:with-param name="name" select="'name'"/><xsl:with-param name="id" select="'f-room-name'"/><xsl:with-param name="f" select="$rf/field[@name = 'name']"/><xsl:with-param name="label" select="'考场名称'"/><xsl:with-param name="maxlength" select="'50'"/><xsl:with-param name="hint" select="'如“第1考场”“微机室2”'"/></xsl:call-template>
        <xsl:call-template name="field"><xsl:with-param name="name" select="'capacity'"/><xsl:with-param name="id" select="'f-room-capacity'"/><xsl:with-param name="f" select="$rf/field[@name = 'capacity']"/><xsl:with-param name="label" select="'座位数'"/><xsl:with-param name="type" select="'number'"/><xsl:with-param name="hint" select="'1～99'"/></xsl:call-template>
        <div class="buttons"><button type="submit" class="btn btn-primary">保存考场</button></div>
      </form>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
