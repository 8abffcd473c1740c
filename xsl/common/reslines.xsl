<?xml version="1.0" encoding="UTF-8"?>
<!--
  reslines.xsl: 合格线 (h_reslines.c, schema/xml/reslines.rng): the pass
  lines of the year by level and work type; the province's form to set
  one (a line for a level without a work type holds for every work type
  of the level that has none of its own).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'合格线'"/>

  <xsl:template name="content">
    <xsl:call-template name="res-tabs"/>
    <p class="lead"><xsl:value-of select="/*/@year"/>年度的合格线：考生理论知识和操作技能两项成绩均达到合格线、且未缺考的，考核通过。公布考核结果时按公布时的合格线判定。</p>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list">
        <caption>合格线（<xsl:value-of select="count(/*/lines/line)"/>条）</caption>
        <thead>
          <tr><th scope="col">等级</th><th scope="col">工种</th><th scope="col">理论知识</th><th scope="col">操作技能</th><th scope="col">设置时间</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="/*/lines/line">
            <tr>
              <td data-label="等级"><xsl:value-of select="@level-name"/></td>
              <td data-label="工种">
                <xsl:choose>
                  <xsl:when test="@worktype"><xsl:value-of select="@worktype-name"/>（<xsl:value-of select="@worktype"/>）</xsl:when>
                  <xsl:otherwise>本等级其他工种</xsl:otherwise>
                </xsl:choose>
              </td>
              <td class="num" data-label="理论知识"><xsl:value-of select="@theory"/></td>
              <td class="num" data-label="操作技能"><xsl:value-of select="@skill"/></td>
              <td data-label="设置时间"><xsl:value-of select="@updated"/></td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not(/*/lines/line)">
            <tr><td colspan="5">本年度还没有设置合格线。</td></tr>
          </xsl:if>
        </tbody>
      </table>
    </div>
    <xsl:if test="/*/form">
      <form method="post" action="/admin/results/lines" class="form">
        <h2>设置合格线</h2>
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="form-message"/>
        <xsl:call-template name="select-field">
          <xsl:with-param name="name" select="'level'"/>
          <xsl:with-param name="label" select="'等级'"/>
          <xsl:with-param name="options" select="/*/levels/level"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'worktype'"/>
          <xsl:with-param name="label" select="'工种代码'"/>
          <xsl:with-param name="required" select="false()"/>
          <xsl:with-param name="maxlength" select="'8'"/>
          <xsl:with-param name="hint" select="'如W019；不填表示该等级没有单独合格线的所有工种'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'theory'"/>
          <xsl:with-param name="label" select="'理论知识合格线'"/>
          <xsl:with-param name="maxlength" select="'5'"/>
          <xsl:with-param name="inputmode" select="'decimal'"/>
          <xsl:with-param name="hint" select="'0至100，最多一位小数'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'skill'"/>
          <xsl:with-param name="label" select="'操作技能合格线'"/>
          <xsl:with-param name="maxlength" select="'5'"/>
          <xsl:with-param name="inputmode" select="'decimal'"/>
          <xsl:with-param name="hint" select="'0至100，最多一位小数'"/>
        </xsl:call-template>
        <div class="buttons"><button type="submit" class="btn btn-primary">保存</button></div>
      </form>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
