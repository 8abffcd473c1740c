<?xml version="1.0" encoding="UTF-8"?>
<!--
  takeover.xsl: 已承接设置 (h_takeover.c, schema/xml/takeover.rng): the
  counties (of the city, or of every city for the province) whose office
  reviews registration this year, as checkboxes grouped by city.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'已承接设置'"/>

  <xsl:template name="content">
    <xsl:variable name="list" select="/*/counties"/>
    <p class="lead">勾选<xsl:value-of select="$list/@year"/>年度已承接“机关事业单位工勤技能岗位人员考试报名”资格审查的县（市、区）：这些县区的报名由县区工考办审核，其余由市工考办审核。</p>
    <p class="msg msg-info">设置只影响此后提交的报名；已提交的报名仍按提交时的审核流程审核。</p>
    <form method="post" action="/review/takeover" class="form takeover-form">
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="form-message"/>
      <xsl:for-each select="$list/county[not(@city = preceding-sibling::county[1]/@city)]">
        <xsl:variable name="city" select="string(@city)"/>
        <fieldset class="county-group">
          <legend><xsl:value-of select="$city"/></legend>
          <xsl:for-each select="$list/county[@city = $city]">
            <label class="check">
              <input type="checkbox" name="county_{@code}" value="1">
                <xsl:if test="@taken = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
              </input>
              <xsl:text> </xsl:text>
              <xsl:value-of select="@name"/>
            </label>
          </xsl:for-each>
        </fieldset>
      </xsl:for-each>
      <xsl:if test="not($list/county)">
        <p class="empty">没有可设置的县区。</p>
      </xsl:if>
      <div class="buttons"><button type="submit" class="btn btn-primary">保存</button></div>
    </form>
  </xsl:template>
</xsl:stylesheet>
