<?xml version="1.0" encoding="UTF-8"?>
<!--
  phoneedit.xsl: 咨询电话维护 for a county, city or province office
  (h_phones.c, schema/xml/phoneedit.rng): up to @max rows of a label and
  a number, the office's own region only.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'咨询电话维护'"/>

  <xsl:template name="content">
    <p class="lead">
      <xsl:text>这里填写的号码会显示在公开的</xsl:text>
      <a href="/help/phones">咨询电话</a>
      <xsl:text>页面，</xsl:text>
      <xsl:value-of select="/*/@region-name"/>
      <xsl:text>的报考人员据此咨询。最多</xsl:text>
      <xsl:value-of select="/*/@max"/>
      <xsl:text>个号码；清空一行即删除该号码。</xsl:text>
    </p>
    <form method="post" action="/admin/phones" class="form phones-form">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="form-message"/>
      <xsl:call-template name="row"><xsl:with-param name="i" select="1"/></xsl:call-template>
    </form>
  </xsl:template>

  <xsl:template name="row">
    <xsl:param name="i"/>
    <fieldset class="phone-row">
      <legend>号码<xsl:value-of select="$i"/></legend>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="concat('label_', $i)"/>
        <xsl:with-param name="label" select="'说明'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'20'"/>
        <xsl:with-param name="hint" select="'如“市工考办”“政策咨询”；不填为“咨询电话”'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="concat('phone_', $i)"/>
        <xsl:with-param name="label" select="'电话号码'"/>
        <xsl:with-param name="type" select="'tel'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'24'"/>
        <xsl:with-param name="hint" select="'固定电话带区号，如0371-61612579'"/>
      </xsl:call-template>
    </fieldset>
    <xsl:choose>
      <xsl:when test="$i &lt; number(/*/@max)">
        <xsl:call-template name="row"><xsl:with-param name="i" select="$i + 1"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <div class="buttons"><button type="submit" class="btn btn-primary">保存</button></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
