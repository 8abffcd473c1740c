<?xml version="1.0" encoding="UTF-8"?>
<!--
  examroster.xsl: 考生名单 (seed 004 §三; h_examroster.c,
  schema/xml/examroster.rng): choose a site of the office's exam region,
  then a room and a session (or all); the sections (a room and a
  session each) with their rows (seat, name, ticket number, ID number
  masked, work type and level), and 下载考生名单 (/admin/exam/roster.pdf:
  one section from the top of a page, a small photo and a 签名 column
  a row).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'考生名单'"/>
  <xsl:variable name="site" select="/*/sites/site[@selected]"/>

  <xsl:template name="content">
    <xsl:call-template name="exam-tabs"/>
    <p class="hint"><xsl:value-of select="/*/@year"/>年度　考区：<xsl:value-of select="/*/@region-name"/>。考场编排后，按考点打印各考场的考生名单，供监考人员比对考生信息、考生签名。</p>
    <xsl:call-template name="form-message"/>
    <xsl:choose>
      <xsl:when test="/*/sites and not(/*/sites/site)">
        <p class="msg msg-info">本考区还没有考点。请先在考务管理中添加考点、考场和场次，并编排考场。</p>
      </xsl:when>
      <xsl:when test="/*/sites">
        <xsl:call-template name="chooser"/>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="/*/roster">
      <form method="get" action="/admin/exam/roster.pdf" class="no-print">
        <xsl:for-each select="/*/form/field[string(@value) != '']">
          <input type="hidden" name="{@name}" value="{@value}"/>
        </xsl:for-each>
        <xsl:if test="not(/*/form/field[@name = 'site'][string(@value) != '']) and $site">
          <input type="hidden" name="site" value="{$site/@id}"/>
        </xsl:if>
        <div class="buttons-inline">
          <button type="submit" class="btn btn-primary">下载考生名单（PDF）</button>
        </div>
      </form>
      <xsl:for-each select="/*/roster/section">
        <section class="card roster-section" aria-labelledby="sec-{@room}-{@session}">
          <h2 id="sec-{@room}-{@session}"><xsl:value-of select="@room-name"/>（<xsl:value-of select="@room-code"/>）　第<xsl:value-of select="@session-code"/>场</h2>
          <p><xsl:value-of select="@site"/>　<xsl:value-of select="@address"/>　<xsl:value-of select="@starts"/>至<xsl:value-of select="@ends"/>　共 <xsl:value-of select="@n"/> 人</p>
          <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
            <table class="list">
              <caption class="sr-only"><xsl:value-of select="@room-name"/>第<xsl:value-of select="@session-code"/>场考生名单</caption>
              <thead>
                <tr>
                  <th scope="col">座位号</th>
                  <th scope="col">姓名</th>
                  <th scope="col">准考证号</th>
                  <th scope="col">身份证号</th>
                  <th scope="col">报考工种及等级</th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="row">
                  <tr>
                    <td class="num"><xsl:value-of select="@seat"/></td>
                    <td><xsl:value-of select="@name"/></td>
                    <td class="mono"><xsl:value-of select="@ticket"/></td>
                    <td class="mono"><xsl:value-of select="@idno"/></td>
                    <td><xsl:value-of select="@what"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </section>
      </xsl:for-each>
      <xsl:if test="not(/*/roster/section)">
        <p class="msg msg-info">所选考点、考场、场次还没有编排考生。</p>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="chooser">
    <form method="get" action="/admin/exam/roster" class="form form-inline filter-form no-print">
      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'site'"/>
        <xsl:with-param name="label" select="'考点'"/>
        <xsl:with-param name="options" select="/*/sites/site"/>
        <xsl:with-param name="value" select="string(/*/sites/site[@selected]/@id)"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="empty" select="''"/>
      </xsl:call-template>
      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'room'"/>
        <xsl:with-param name="label" select="'考场'"/>
        <xsl:with-param name="options" select="/*/rooms/room"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="empty" select="'全部考场'"/>
      </xsl:call-template>
      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'session'"/>
        <xsl:with-param name="label" select="'场次'"/>
        <xsl:with-param name="options" select="/*/sessions/session"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="empty" select="'全部场次'"/>
      </xsl:call-template>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">查看</button>
      </div>
    </form>
    <p class="hint no-print">换了考点后请再点“查看”，考场列表随考点更新。</p>
  </xsl:template>

  <xsl:template match="site" mode="option">
    <xsl:param name="selected"/>
    <xsl:call-template name="option">
      <xsl:with-param name="value" select="string(@id)"/>
      <xsl:with-param name="label" select="concat(@code, '　', @name, '（', @taken, '人）')"/>
      <xsl:with-param name="selected" select="$selected"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="room" mode="option">
    <xsl:param name="selected"/>
    <xsl:call-template name="option">
      <xsl:with-param name="value" select="string(@id)"/>
      <xsl:with-param name="label" select="concat(@code, '　', @name)"/>
      <xsl:with-param name="selected" select="$selected"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="session" mode="option">
    <xsl:param name="selected"/>
    <xsl:call-template name="option">
      <xsl:with-param name="value" select="string(@id)"/>
      <xsl:with-param name="label" select="concat('第', @code, '场 ', @starts)"/>
      <xsl:with-param name="selected" select="$selected"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
