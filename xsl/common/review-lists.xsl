<?xml version="1.0" encoding="UTF-8"?>
<!--
  review-lists.xsl: what queue.xsl and records.xsl share: the filter
  form of the review lists (GET, fields of h_queue.c: level, wt, unit,
  from, to, who, sort; the list's kind q or k kept hidden).  Named
  templates only; the page imports layout.xsl and widgets.xsl itself.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template name="review-filters">
    <xsl:param name="kind-field"/>
    <xsl:param name="date-label"/>
    <xsl:param name="sort-a"/>		<!-- the default order: value, label -->
    <xsl:param name="sort-a-label"/>
    <xsl:param name="sort-b"/>
    <xsl:param name="sort-b-label"/>
    <xsl:variable name="form" select="/*/form"/>
    <xsl:variable name="kind" select="string(/*/@kind)"/>
    <xsl:variable name="level" select="string($form/field[@name = 'level']/@value)"/>
    <xsl:variable name="wt" select="string($form/field[@name = 'wt']/@value)"/>
    <xsl:variable name="sort" select="string($form/field[@name = 'sort']/@value)"/>
    <form method="get" action="{$form/@action}" class="form form-inline filter-form no-print">
      <input type="hidden" name="{$kind-field}" value="{$kind}"/>
      <div class="field">
        <label for="f-level">申报等级</label>
        <div class="control">
          <select id="f-level" name="level">
            <option value="">全部</option>
            <xsl:for-each select="/*/levels/level[not($kind = 'manual' and @value = 1)
                and not($kind = 'senior' and @value != 1)]">
              <xsl:call-template name="option">
                <xsl:with-param name="value" select="@value"/>
                <xsl:with-param name="label" select="@name"/>
                <xsl:with-param name="selected" select="$level"/>
              </xsl:call-template>
            </xsl:for-each>
          </select>
        </div>
      </div>
      <div class="field">
        <label for="f-wt">申报工种</label>
        <div class="control">
          <select id="f-wt" name="wt">
            <option value="">全部</option>
            <xsl:for-each select="/*/worktypes/worktype">
              <xsl:call-template name="option">
                <xsl:with-param name="value" select="@code"/>
                <xsl:with-param name="label" select="@name"/>
                <xsl:with-param name="selected" select="$wt"/>
              </xsl:call-template>
            </xsl:for-each>
          </select>
        </div>
      </div>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'unit'"/>
        <xsl:with-param name="label" select="'单位编码'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'32'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'from'"/>
        <xsl:with-param name="label" select="concat($date-label, '从')"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="false()"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'to'"/>
        <xsl:with-param name="label" select="'至'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="false()"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'who'"/>
        <xsl:with-param name="label" select="'姓名或身份证号'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'40'"/>
      </xsl:call-template>
      <div class="field">
        <label for="f-sort">排序</label>
        <div class="control">
          <select id="f-sort" name="sort">
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="$sort-a"/>
              <xsl:with-param name="label" select="$sort-a-label"/>
              <xsl:with-param name="selected" select="$sort"/>
            </xsl:call-template>
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="$sort-b"/>
              <xsl:with-param name="label" select="$sort-b-label"/>
              <xsl:with-param name="selected" select="$sort"/>
            </xsl:call-template>
          </select>
        </div>
      </div>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">查询</button>
        <a class="btn btn-plain" href="{$form/@action}?{$kind-field}={$kind}">重置</a>
      </div>
    </form>
  </xsl:template>
</xsl:stylesheet>
