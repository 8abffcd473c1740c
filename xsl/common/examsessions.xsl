<?xml version="1.0" encoding="UTF-8"?>
<!--
  examsessions.xsl: 场次 (h_examplan.c, schema/xml/examsessions.rng): the
  office's exam sessions of the year, the levels and work types sitting
  each, and a form to add or change one (?session=ID fills it).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'场次'"/>

  <xsl:template name="content">
    <xsl:variable name="reg" select="/*/region"/>
    <xsl:variable name="f" select="/*/form"/>
    <xsl:call-template name="exam-tabs"/>
    <p class="lead"><xsl:value-of select="$reg/@year"/>年度<xsl:value-of select="$reg/@name"/>考区的场次：每个场次有一位代码（1～9）、考试时间和参加考试的等级、工种。一个等级、工种只在一个场次考试；只写等级的一项（如“4”）包括该等级未在其他场次单列的所有工种。</p>
    <xsl:call-template name="form-message"/>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list">
        <caption>场次（共 <xsl:value-of select="count(/*/sessions/session)"/> 个）</caption>
        <thead>
          <tr><th scope="col">场次</th><th scope="col">开始时间</th><th scope="col">结束时间</th><th scope="col">考试等级、工种</th><th scope="col">已编排</th><th scope="col">操作</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="/*/sessions/session">
            <tr>
              <td class="mono"><xsl:value-of select="@code"/></td>
              <td><xsl:value-of select="@starts"/></td>
              <td><xsl:value-of select="@ends"/></td>
              <td>
                <xsl:for-each select="sit">
                  <xsl:if test="position() > 1">；</xsl:if>
                  <xsl:value-of select="@level-name"/>
                  <xsl:choose>
                    <xsl:when test="@worktype"> <xsl:value-of select="@wt-name"/>（<xsl:value-of select="@worktype"/>）</xsl:when>
                    <xsl:otherwise> 其余工种</xsl:otherwise>
                  </xsl:choose>
                </xsl:for-each>
              </td>
              <td><xsl:value-of select="@taken"/></td>
              <td>
                <a href="/admin/exam/sessions?session={@id}#session-form">修改</a>
                <xsl:if test="@taken = '0'">
                  <xsl:text> </xsl:text>
                  <form method="post" action="/admin/exam/session" class="inline">
                    <xsl:call-template name="csrf"/>
                    <input type="hidden" name="id" value="{@id}"/>
                    <input type="hidden" name="delete" value="1"/>
                    <button type="submit" class="btn btn-small">删除场次<xsl:value-of select="@code"/></button>
                  </form>
                </xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>

    <h2 id="session-form">
      <xsl:choose><xsl:when test="$f/field[@name = 'id']/@value != ''">修改场次</xsl:when><xsl:otherwise>添加场次</xsl:otherwise></xsl:choose>
    </h2>
    <form method="post" action="/admin/exam/session" class="form">
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="id" value="{$f/field[@name = 'id']/@value}"/>
      <xsl:if test="$f/field[@name = 'id']/error">
        <p class="error"><xsl:value-of select="$f/field[@name = 'id']/error"/></p>
      </xsl:if>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'session_code'"/><xsl:with-param name="label" select="'场次代码'"/><xsl:with-param name="maxlength" select="'1'"/><xsl:with-param name="inputmode" select="'numeric'"/><xsl:with-param name="hint" select="'一位数字，1～9'"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'starts'"/><xsl:with-param name="label" select="'开始时间'"/><xsl:with-param name="maxlength" select="'16'"/><xsl:with-param name="placeholder" select="'2026-12-20 09:00'"/><xsl:with-param name="hint" select="'年-月-日 时:分'"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'ends'"/><xsl:with-param name="label" select="'结束时间'"/><xsl:with-param name="maxlength" select="'16'"/><xsl:with-param name="placeholder" select="'2026-12-20 11:00'"/><xsl:with-param name="hint" select="'年-月-日 时:分'"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'sits'"/><xsl:with-param name="label" select="'考试等级、工种'"/><xsl:with-param name="maxlength" select="'400'"/><xsl:with-param name="placeholder" select="'5 4:W001 4'"/><xsl:with-param name="hint" select="'每项写“等级”或“等级:工种代码”，以空格分隔，如“5 4:W001 4”：五级所有工种，四级W001工种，四级其余工种。'"/></xsl:call-template>
      <div class="buttons"><button type="submit" class="btn btn-primary">保存场次</button></div>
    </form>
  </xsl:template>
</xsl:stylesheet>
