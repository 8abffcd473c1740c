<?xml version="1.0" encoding="UTF-8"?>
<!--
  rechecks.xsl: 复核申请 (h_rechecks.c, schema/xml/rechecks.rng): the
  requests of the office's subtree, waiting ones first, each with the
  scores, the lines and the reason; a waiting one with the form of its
  answer (text, and the corrected scores if the check found a mistake).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'复核申请'"/>
  <xsl:variable name="form" select="/*/form"/>

  <xsl:template name="content">
    <xsl:call-template name="res-tabs"/>
    <nav class="filters-inline" aria-label="按状态筛选">
      <a href="/admin/rechecks">全部</a>
      <xsl:text> | </xsl:text>
      <a href="/admin/rechecks?state=asked">待答复</a>
      <xsl:text> | </xsl:text>
      <a href="/admin/rechecks?state=answered">已答复</a>
    </nav>
    <xsl:if test="$form/@status = 'invalid' and not(/*/list/recheck[@id = $form/field[@name = 'id']/@value][@state = 'asked'])">
      <xsl:call-template name="form-message"/>
    </xsl:if>
    <xsl:for-each select="/*/list/recheck">
      <section class="card recheck" aria-labelledby="h-rk-{@id}">
        <h2 id="h-rk-{@id}"><xsl:value-of select="@name"/>（准考证号 <xsl:value-of select="@ticket"/>）</h2>
        <dl class="facts">
          <dt>身份证号</dt><dd class="mono"><xsl:value-of select="@idno"/></dd>
          <dt>单位</dt><dd><xsl:value-of select="@unit"/></dd>
          <dt>申报</dt><dd><xsl:value-of select="@level-name"/><xsl:text> </xsl:text><xsl:value-of select="@worktype"/></dd>
          <dt>成绩（合格线）</dt>
          <dd>理论知识 <xsl:value-of select="@theory"/>（<xsl:value-of select="@line-theory"/>），操作技能 <xsl:value-of select="@skill"/>（<xsl:value-of select="@line-skill"/>），<xsl:choose><xsl:when test="@passed = '1'">考核通过</xsl:when><xsl:otherwise>考核不通过</xsl:otherwise></xsl:choose></dd>
          <dt>申请时间</dt><dd><xsl:value-of select="@asked"/></dd>
          <dt>申请理由</dt><dd class="pre"><xsl:value-of select="reason"/></dd>
          <xsl:if test="@state = 'answered'">
            <dt>答复</dt><dd class="pre"><xsl:value-of select="answer"/>（<xsl:value-of select="@answered"/><xsl:if test="@changed">，已更正成绩</xsl:if>）</dd>
          </xsl:if>
        </dl>
        <xsl:if test="@state = 'asked'">
          <xsl:variable name="mine" select="$form/field[@name = 'id']/@value = @id"/>
          <form method="post" action="/admin/rechecks" class="form">
            <xsl:call-template name="csrf"/>
            <input type="hidden" name="id" value="{@id}"/>
            <xsl:if test="$mine"><xsl:call-template name="form-message"/></xsl:if>
            <xsl:variable name="fa" select="$form/field[@name = 'answer'][$mine]"/>
            <div class="field">
              <xsl:if test="$fa/error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
              <label for="f-answer-{@id}">复核答复<span class="req" aria-hidden="true">*</span></label>
              <div class="control">
                <textarea id="f-answer-{@id}" name="answer" rows="3" maxlength="500" required="required">
                  <xsl:call-template name="described">
                    <xsl:with-param name="id" select="concat('f-answer-', @id)"/>
                    <xsl:with-param name="f" select="$fa"/>
                    <xsl:with-param name="hint" select="''"/>
                  </xsl:call-template>
                  <xsl:value-of select="$fa/@value"/>
                </textarea>
              </div>
              <xsl:call-template name="field-notes">
                <xsl:with-param name="id" select="concat('f-answer-', @id)"/>
                <xsl:with-param name="f" select="$fa"/>
                <xsl:with-param name="hint" select="''"/>
              </xsl:call-template>
            </div>
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="'theory'"/>
              <xsl:with-param name="id" select="concat('f-theory-', @id)"/>
              <xsl:with-param name="f" select="$form/field[@name = 'theory'][$mine]"/>
              <xsl:with-param name="label" select="'更正后的理论知识成绩'"/>
              <xsl:with-param name="required" select="false()"/>
              <xsl:with-param name="maxlength" select="'5'"/>
              <xsl:with-param name="inputmode" select="'decimal'"/>
            </xsl:call-template>
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="'skill'"/>
              <xsl:with-param name="id" select="concat('f-skill-', @id)"/>
              <xsl:with-param name="f" select="$form/field[@name = 'skill'][$mine]"/>
              <xsl:with-param name="label" select="'更正后的操作技能成绩'"/>
              <xsl:with-param name="required" select="false()"/>
              <xsl:with-param name="maxlength" select="'5'"/>
              <xsl:with-param name="inputmode" select="'decimal'"/>
              <xsl:with-param name="hint" select="'成绩无误的两项都不填；更正的两项都填'"/>
            </xsl:call-template>
            <div class="buttons"><button type="submit" class="btn btn-primary">提交答复</button></div>
          </form>
        </xsl:if>
      </section>
    </xsl:for-each>
    <xsl:if test="not(/*/list/recheck)">
      <p class="msg msg-info" role="status">没有复核申请。</p>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
