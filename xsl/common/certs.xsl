<?xml version="1.0" encoding="UTF-8"?>
<!--
  certs.xsl: 证书管理 (h_certs.c, schema/xml/certs.rng).  The certificate
  window; the exam regions whose results are published (the province
  chooses one; a city office has its own); <summary due revoked>: the
  签发证书 form while passes wait for one; the search by number; the
  list of the region's certificates, the province's 撤销 form on each
  valid one (a reason required).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'证书管理'"/>
  <xsl:variable name="region" select="string(/*/form/field[@name = 'region']/@value)"/>

  <xsl:template name="content">
    <xsl:call-template name="form-message"/>
    <section class="card">
      <xsl:call-template name="window-box">
        <xsl:with-param name="w" select="/*/window"/>
        <xsl:with-param name="open" select="'考生当前可查看和下载'"/>
      </xsl:call-template>
      <p class="hint">考核结果公布后即可签发电子证书（电子证书时间结束前均可签发）；签发的证书同时加入合格库，供下一年度报名时核对。</p>
    </section>
    <xsl:choose>
      <xsl:when test="not(/*/regions/region)">
        <p class="empty">本年度尚无已公布考核结果的考核地区。</p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="chooser"/>
        <xsl:apply-templates select="/*/summary"/>
        <xsl:apply-templates select="/*/list"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="chooser">
    <form method="get" action="/admin/certs" class="form form-inline">
      <div class="field">
        <label for="f-region">考核地区</label>
        <div class="control">
          <select id="f-region" name="region">
            <xsl:for-each select="/*/regions/region">
              <option value="{@code}">
                <xsl:if test="@selected = '1'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>（<xsl:value-of select="@code"/>）
              </option>
            </xsl:for-each>
          </select>
        </div>
      </div>
      <div class="field">
        <label for="f-no">证书编号</label>
        <div class="control">
          <input id="f-no" name="no" type="text" maxlength="19" class="mono" value="{/*/form/field[@name = 'no']/@value}"/>
        </div>
      </div>
      <div class="buttons"><button type="submit" class="btn">查询</button></div>
    </form>
  </xsl:template>

  <xsl:template match="summary">
    <section class="card">
      <h2>签发电子证书</h2>
      <p>已签发 <strong><xsl:value-of select="/*/list/@total"/></strong> 本（其中已撤销 <xsl:value-of select="@revoked"/> 本），待签发（考核合格、尚未签发）<strong><xsl:value-of select="@due"/></strong> 人。</p>
      <xsl:if test="@due &gt; 0">
        <form method="post" action="/admin/certs/issue" class="form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="region" value="{@region}"/>
          <div class="buttons">
            <button type="submit" class="btn btn-primary">签发 <xsl:value-of select="@due"/> 本电子证书</button>
          </div>
        </form>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template match="list">
    <section class="card">
      <h2>证书列表</h2>
      <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
        <table class="list">
          <thead>
            <tr><th scope="col">证书编号</th><th scope="col">姓名</th><th scope="col">身份证号</th><th scope="col">岗位工种</th><th scope="col">岗位等级</th><th scope="col">发证日期</th><th scope="col">状态</th>
              <xsl:if test="/*/meta/role = 'province'"><th scope="col">撤销</th></xsl:if>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="cert">
              <tr>
                <td class="mono"><xsl:value-of select="@no"/></td>
                <td><xsl:value-of select="@name"/></td>
                <td class="mono"><xsl:value-of select="@idno"/></td>
                <td><xsl:value-of select="@worktype"/></td>
                <td><xsl:value-of select="@level-name"/></td>
                <td><xsl:value-of select="@issued"/></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@state = 'valid'">有效</xsl:when>
                    <xsl:otherwise>已撤销（<xsl:value-of select="@revoked"/>：<xsl:value-of select="reason"/>）</xsl:otherwise>
                  </xsl:choose>
                </td>
                <xsl:if test="/*/meta/role = 'province'">
                  <td>
                    <xsl:if test="@state = 'valid'">
                      <form method="post" action="/admin/certs/revoke" class="inline-form">
                        <xsl:call-template name="csrf"/>
                        <input type="hidden" name="no" value="{@no}"/>
                        <input type="hidden" name="region" value="{$region}"/>
                        <label for="reason-{@no}" class="sr-only">撤销证书<xsl:value-of select="@no"/>的原因</label>
                        <input type="text" id="reason-{@no}" name="reason" required="required" minlength="2" maxlength="200" placeholder="撤销原因"/>
                        <button type="submit" class="btn btn-small">撤销</button>
                      </form>
                    </xsl:if>
                  </td>
                </xsl:if>
              </tr>
            </xsl:for-each>
            <xsl:if test="not(cert)">
              <tr><td colspan="8" class="empty">没有证书。</td></tr>
            </xsl:if>
          </tbody>
        </table>
      </div>
      <xsl:call-template name="pager">
        <xsl:with-param name="list" select="."/>
      </xsl:call-template>
    </section>
  </xsl:template>
</xsl:stylesheet>
