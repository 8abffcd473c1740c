<?xml version="1.0" encoding="UTF-8"?>
<!--
  examallocate.xsl: 编排考场 (h_allocate.c, schema/xml/examallocate.rng):
  the admitted candidates of the office's region, those seated, what a
  run would do now (placed, short of seats, without a session), the
  seats of each session, those left without a seat and why, the last
  runs, and the button that runs it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'编排考场'"/>

  <xsl:template name="content">
    <xsl:variable name="reg" select="/*/region"/>
    <xsl:call-template name="exam-tabs"/>
    <p class="lead">终审通过、无待补材料且（网上缴费的地区）已缴费的考生参加编排。按场次、工种、等级依次编入考场，同一工种等级尽量同一考场；已编排的考生不会移动，补报的考生编入剩余座位；座位不足时不超编，未编入的考生及原因列在下方。</p>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list">
        <caption><xsl:value-of select="$reg/@year"/>年度<xsl:value-of select="$reg/@name"/>考区</caption>
        <tbody>
          <tr><th scope="row">可参加考试的考生</th><td><xsl:value-of select="$reg/@admitted"/></td></tr>
          <tr><th scope="row">已编排</th><td><xsl:value-of select="$reg/@seated"/></td></tr>
          <tr><th scope="row">本次可编入</th><td><xsl:value-of select="$reg/@to-place"/></td></tr>
          <tr><th scope="row">座位不足未能编入</th><td><xsl:value-of select="$reg/@short"/></td></tr>
          <tr><th scope="row">无对应场次未能编入</th><td><xsl:value-of select="$reg/@nosession"/></td></tr>
          <tr><th scope="row">已编排后不再符合条件（座位保留不再使用）</th><td><xsl:value-of select="$reg/@left"/></td></tr>
        </tbody>
      </table>
    </div>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list">
        <caption>各场次座位</caption>
        <thead>
          <tr><th scope="col">场次</th><th scope="col">考试时间</th><th scope="col">座位数</th><th scope="col">已占用</th><th scope="col">本次可编入</th><th scope="col">座位不足</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="/*/sessions/session">
            <tr>
              <td class="mono"><xsl:value-of select="@code"/></td>
              <td><xsl:value-of select="concat(@starts, ' ～ ', @ends)"/></td>
              <td><xsl:value-of select="@capacity"/></td>
              <td><xsl:value-of select="@used"/></td>
              <td><xsl:value-of select="@placed"/></td>
              <td><xsl:value-of select="@short"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <xsl:if test="$reg/@rooms = '0' or not(/*/sessions/session)">
      <p class="msg msg-error" role="alert">请先在“考点考场”和“场次”中设置考场和场次。</p>
    </xsl:if>
    <form method="post" action="/admin/exam/allocate" class="form">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="form-message"/>
      <div class="buttons"><button type="submit" class="btn btn-primary">编排考场</button></div>
    </form>
    <xsl:if test="/*/unseated/cand">
      <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
        <table class="list">
          <caption>未能编入的考生（共 <xsl:value-of select="/*/unseated/@total"/> 人<xsl:if test="/*/unseated/@total > count(/*/unseated/cand)">，列出前 <xsl:value-of select="count(/*/unseated/cand)"/> 人</xsl:if>）</caption>
          <thead>
            <tr><th scope="col">姓名</th><th scope="col">单位</th><th scope="col">申报等级</th><th scope="col">工种</th><th scope="col">原因</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="/*/unseated/cand">
              <tr>
                <td><xsl:value-of select="@name"/></td>
                <td><xsl:value-of select="@unit"/></td>
                <td><xsl:value-of select="@level-name"/></td>
                <td><xsl:value-of select="@worktype"/></td>
                <td><xsl:value-of select="@why-text"/><xsl:if test="@session">（场次<xsl:value-of select="@session"/>）</xsl:if></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </xsl:if>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list">
        <caption>编排记录（最近10次）</caption>
        <thead>
          <tr><th scope="col">时间</th><th scope="col">操作人</th><th scope="col">可考考生</th><th scope="col">保留</th><th scope="col">新编入</th><th scope="col">座位不足</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="/*/runs/run">
            <tr>
              <td><xsl:value-of select="@at"/></td>
              <td><xsl:value-of select="@by"/></td>
              <td><xsl:value-of select="@admitted"/></td>
              <td><xsl:value-of select="@kept"/></td>
              <td><xsl:value-of select="@placed"/></td>
              <td><xsl:value-of select="@short"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>
</xsl:stylesheet>
