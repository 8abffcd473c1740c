<?xml version="1.0" encoding="UTF-8"?>
<!--
  province/windows.xsl: 时间设置.  The windows of the year shown, and the
  forms setting the registration window, 网上资格审查 (review: when every
  level may decide) and 单位初审 (unitreview: the unit level's deadline).  datetime-local inputs submit
  YYYY-MM-DDTHH:MM; values from the document (YYYY-MM-DD HH:MM) are
  given a T to fit the input.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="../common/widgets.xsl"/>

  <xsl:variable name="title" select="'时间设置'"/>

  <!-- The year shown: the one whose windows the page lists (form/@year,
       always a number), else the submitted year if it is one of <years>,
       else the current one, else meta/year.  Never a submitted value that
       is not a known year: it may be anything. -->
  <xsl:variable name="year">
    <xsl:choose>
      <xsl:when test="string(/*/form/@year) != ''">
        <xsl:value-of select="/*/form/@year"/>
      </xsl:when>
      <xsl:when test="/*/years/year[@value = /*/form/field[@name = 'year']/@value]">
        <xsl:value-of select="/*/form/field[@name = 'year']/@value"/>
      </xsl:when>
      <xsl:when test="/*/years/year[@current = '1']">
        <xsl:value-of select="/*/years/year[@current = '1']/@value"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="/*/meta/year"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="content">
    <form method="get" action="/admin/windows" class="form form-inline year-form">
      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'year'"/>
        <xsl:with-param name="id" select="'f-year-show'"/>
        <xsl:with-param name="label" select="'报考年度'"/>
        <xsl:with-param name="options" select="/*/years/year"/>
        <xsl:with-param name="value" select="$year"/>
        <xsl:with-param name="f" select="/.."/>
        <xsl:with-param name="empty" select="''"/>
        <xsl:with-param name="required" select="false()"/>
      </xsl:call-template>
      <div class="buttons"><button type="submit" class="btn">查看</button></div>
    </form>

    <section class="card">
      <h2><xsl:value-of select="$year"/>年度时间安排</h2>
      <table class="list">
        <thead>
          <tr><th scope="col">事项</th><th scope="col">开始时间</th><th scope="col">结束时间</th><th scope="col">状态</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="/*/window">
            <xsl:variable name="state">
              <xsl:call-template name="window-state">
                <xsl:with-param name="w" select="."/>
              </xsl:call-template>
            </xsl:variable>
            <tr>
              <td><xsl:value-of select="@name"/></td>
              <td><xsl:value-of select="@starts"/></td>
              <td><xsl:value-of select="@ends"/></td>
              <td class="state-{$state}">
                <xsl:choose>
                  <xsl:when test="$state = 'open'">进行中</xsl:when>
                  <xsl:when test="$state = 'before'">未开始</xsl:when>
                  <xsl:when test="$state = 'after'">已结束</xsl:when>
                  <xsl:when test="$state = 'closed'">已关闭</xsl:when>
                  <xsl:otherwise>未设置</xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not(/*/window)">
            <tr><td colspan="4" class="empty">本年度尚未设置时间。</td></tr>
          </xsl:if>
        </tbody>
      </table>
    </section>

    <section class="card">
      <h2>设置注册报名时间</h2>
      <form method="post" action="/admin/windows" class="form windows-form">
        <xsl:call-template name="window-fields">
          <xsl:with-param name="kind" select="'registration'"/>
          <xsl:with-param name="idp" select="'f-'"/>
        </xsl:call-template>
        <p class="hint">时间均为北京时间。报考人员只能在开始时间至结束时间内注册和提交报名信息。</p>
        <div class="buttons">
          <button type="submit" class="btn btn-primary">保存</button>
        </div>
      </form>
    </section>

    <section class="card">
      <h2>设置网上资格审查时间</h2>
      <form method="post" action="/admin/windows" class="form window-form">
        <xsl:call-template name="window-fields">
          <xsl:with-param name="kind" select="'review'"/>
          <xsl:with-param name="idp" select="'f-review-'"/>
        </xsl:call-template>
        <p class="hint">各级审核人员只能在此时间内审核（通过、退回、不通过、退回重新申报）。</p>
        <div class="buttons">
          <button type="submit" class="btn btn-primary">保存网上资格审查时间</button>
        </div>
      </form>
    </section>

    <section class="card">
      <h2>设置单位初审时间</h2>
      <form method="post" action="/admin/windows" class="form window-form">
        <xsl:call-template name="window-fields">
          <xsl:with-param name="kind" select="'unitreview'"/>
          <xsl:with-param name="idp" select="'f-unitreview-'"/>
        </xsl:call-template>
        <p class="hint">本单位（第一级）审核还须在此时间内完成；不设置则与网上资格审查时间相同。</p>
        <div class="buttons">
          <button type="submit" class="btn btn-primary">保存单位初审时间</button>
        </div>
      </form>
    </section>

    <section class="card">
      <h2>设置汇总上报时间</h2>
      <form method="post" action="/admin/windows" class="form window-form">
        <xsl:call-template name="window-fields">
          <xsl:with-param name="kind" select="'report'"/>
          <xsl:with-param name="idp" select="'f-report-'"/>
        </xsl:call-template>
        <p class="hint">各市工考办和省直主管单位在此时间内将终审通过名册汇总上报省工考办；上报后如需修改，由省工考办退回。</p>
        <div class="buttons">
          <button type="submit" class="btn btn-primary">保存汇总上报时间</button>
        </div>
      </form>
    </section>

    <!-- cert: 电子证书 (the candidates' /cert), 申领汇总上报 (/admin/claim) -->
    <section class="card">
      <h2>设置电子证书时间</h2>
      <form method="post" action="/admin/windows" class="form window-form">
        <xsl:call-template name="window-fields">
          <xsl:with-param name="kind" select="'certificate'"/>
          <xsl:with-param name="idp" select="'f-certificate-'"/>
        </xsl:call-template>
        <p class="hint">考核合格人员在此时间内查看和下载电子证书；结束后不能再签发证书。</p>
        <div class="buttons">
          <button type="submit" class="btn btn-primary">保存电子证书时间</button>
        </div>
      </form>
    </section>

    <section class="card">
      <h2>设置申领汇总上报时间</h2>
      <form method="post" action="/admin/windows" class="form window-form">
        <xsl:call-template name="window-fields">
          <xsl:with-param name="kind" select="'claim'"/>
          <xsl:with-param name="idp" select="'f-claim-'"/>
        </xsl:call-template>
        <p class="hint">考核结果公布后，各市工考办和省直主管单位在此时间内将考核合格人员名册汇总上报省工考办。</p>
        <div class="buttons">
          <button type="submit" class="btn btn-primary">保存申领汇总上报时间</button>
        </div>
      </form>
    </section>
  </xsl:template>

  <!-- The hidden year and kind of a window's form, its messages (only
       the form that was posted shows them) and its two times. -->
  <xsl:template name="window-fields">
    <xsl:param name="kind"/>
    <xsl:param name="idp"/>
    <xsl:variable name="pk" select="string(/*/form/field[@name = 'kind']/@value)"/>
    <!-- a kind of no form of its own (or none) shows on the first -->
    <xsl:variable name="posted" select="$pk = $kind or ($kind = 'registration'
        and $pk != 'review' and $pk != 'unitreview'
        and $pk != 'report' and $pk != 'certificate' and $pk != 'claim')"/>
    <xsl:variable name="w" select="/*/window[@kind = $kind]"/>
    <xsl:if test="$posted">
      <xsl:call-template name="form-message"/>
      <!-- year and kind are hidden inputs: their errors are shown here. -->
      <xsl:for-each select="/*/form/field[@name = 'year' or @name = 'kind']/error">
        <p class="error" role="alert"><xsl:value-of select="."/></p>
      </xsl:for-each>
    </xsl:if>
    <xsl:call-template name="csrf"/>
    <input type="hidden" name="year" value="{$year}"/>
    <input type="hidden" name="kind" value="{$kind}"/>
    <xsl:call-template name="datetime">
      <xsl:with-param name="name" select="'starts_at'"/>
      <xsl:with-param name="id" select="concat($idp, 'starts_at')"/>
      <xsl:with-param name="label" select="'开始时间'"/>
      <xsl:with-param name="current" select="string($w/@starts)"/>
      <xsl:with-param name="posted" select="$posted"/>
    </xsl:call-template>
    <xsl:call-template name="datetime">
      <xsl:with-param name="name" select="'ends_at'"/>
      <xsl:with-param name="id" select="concat($idp, 'ends_at')"/>
      <xsl:with-param name="label" select="'结束时间'"/>
      <xsl:with-param name="current" select="string($w/@ends)"/>
      <xsl:with-param name="posted" select="$posted"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A datetime-local field filled from the form (if it was the one
       posted), else from the window. -->
  <xsl:template name="datetime">
    <xsl:param name="name"/>
    <xsl:param name="id"/>
    <xsl:param name="label"/>
    <xsl:param name="current"/>
    <xsl:param name="posted"/>
    <xsl:variable name="f" select="/*/form/field[$posted and @name = $name]"/>
    <xsl:variable name="v">
      <xsl:choose>
        <xsl:when test="$f/@value"><xsl:value-of select="$f/@value"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$current"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="label" select="$label"/>
      <xsl:with-param name="type" select="'datetime-local'"/>
      <xsl:with-param name="f" select="$f"/>
      <xsl:with-param name="value" select="translate(substring($v, 1, 16), ' ', 'T')"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
