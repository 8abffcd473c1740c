<?xml version="1.0" encoding="UTF-8"?>
<!--
  report.xsl: 汇总上报 (004).  A city office or a 省直 supervising unit:
  the window, its approved count, the form (confirmed first) unless its
  latest report stands, its reports.  The province: every reporter with
  its latest report, the snapshot's links and the reopen form.  With a
  <snapshot>: one report's frozen rows, a page at a time, printable.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'汇总上报'"/>
  <!-- What claim.xsl (申领汇总上报, the passes) says otherwise: the page's
       address (the document's root names it), the words of the count
       and of the date column. -->
  <xsl:variable name="base" select="concat('/admin/', local-name(/*))"/>
  <xsl:variable name="col-wt" select="'申报工种'"/>
  <xsl:variable name="col-level" select="'申报等级'"/>
  <xsl:variable name="col-date" select="'终审通过时间'"/>

  <xsl:template name="extra-head">
    <link rel="stylesheet" href="/static/css/print.css"/>
    <script src="/static/js/roster.js" defer="defer"></script>
  </xsl:template>

  <xsl:template name="content">
    <xsl:call-template name="report-content"/>
  </xsl:template>

  <!-- The page's body (claim.xsl's too). -->
  <xsl:template name="report-content">
    <xsl:choose>
      <xsl:when test="/*/snapshot"><xsl:call-template name="snapshot"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="form-message"/>
        <xsl:if test="/*/window">
          <section class="card no-print">
            <h2><xsl:value-of select="$title"/>时间</h2>
            <xsl:call-template name="window-box">
              <xsl:with-param name="w" select="/*/window"/>
              <xsl:with-param name="open" select="'当前可上报'"/>
            </xsl:call-template>
          </section>
        </xsl:if>
        <xsl:apply-templates select="/*/mine"/>
        <xsl:apply-templates select="/*/reporters"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="mine">
    <section class="card">
      <h2><xsl:value-of select="@unit"/></h2>
      <xsl:call-template name="mine-count"/>
      <xsl:choose>
        <xsl:when test="@stands = '1'">
          <p class="report-state">本年度已<xsl:value-of select="$title"/>（<xsl:value-of select="report[1]/@at"/>，<xsl:value-of select="report[1]/@rows"/> 人）。如需修改，请联系省工考办退回后重新上报。</p>
        </xsl:when>
        <xsl:when test="/*/form">
          <form method="post" action="{$base}" class="form">
            <xsl:call-template name="csrf"/>
            <div class="field">
              <label class="check-line">
                <input type="checkbox" name="confirm" value="1" required="required"/>
                已核对名册，确认将以上 <xsl:value-of select="@approved | @passed"/> 人汇总上报省工考办
              </label>
            </div>
            <p class="hint">上报后名册即冻结保存，之后的变动不影响已上报的名册；如需修改，须由省工考办退回后重新上报。</p>
            <div class="buttons">
              <button type="submit" class="btn btn-primary"><xsl:value-of select="$title"/></button>
            </div>
          </form>
        </xsl:when>
        <xsl:otherwise>
          <p>当前不在<xsl:value-of select="$title"/>时间内。</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:if test="report">
      <section class="card">
        <h2>上报记录</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
          <table class="list">
            <thead>
              <tr><th scope="col">上报时间</th><th scope="col">人数</th><th scope="col">状态</th><th scope="col">校验码（SHA-256）</th><th scope="col">名册</th></tr>
            </thead>
            <tbody>
              <xsl:for-each select="report">
                <tr>
                  <td><xsl:value-of select="@at"/></td>
                  <td class="num"><xsl:value-of select="@rows"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@state = 'reported'">已上报</xsl:when>
                      <xsl:otherwise>已退回（<xsl:value-of select="@reopened"/>：<xsl:value-of select="reason"/>）</xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td class="mono digest"><xsl:value-of select="@digest"/></td>
                  <td><xsl:call-template name="links"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="reporters">
    <section class="card">
      <h2>各市及省直单位上报情况</h2>
      <p>已上报 <xsl:value-of select="count(unit[@state = 'reported'])"/> 个，未上报或已退回 <xsl:value-of select="count(unit[not(@state = 'reported')])"/> 个。</p>
      <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
        <table class="list">
          <thead>
            <tr><th scope="col">单位</th><th scope="col">状态</th><th scope="col">上报时间</th><th scope="col">人数</th><th scope="col">名册</th><th scope="col">退回</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="unit">
              <tr>
                <td><xsl:value-of select="@name"/>（<xsl:value-of select="@code"/>）</td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@state = 'reported'">已上报</xsl:when>
                    <xsl:when test="@state = 'reopened'">已退回，待重新上报</xsl:when>
                    <xsl:otherwise>未上报</xsl:otherwise>
                  </xsl:choose>
                </td>
                <td><xsl:value-of select="@at"/></td>
                <td class="num"><xsl:value-of select="@rows"/></td>
                <td>
                  <xsl:if test="@report">
                    <xsl:for-each select="@report">
                      <a href="{$base}?id={.}">查看</a>
                      <xsl:text> </xsl:text>
                      <a href="{$base}.pdf?id={.}">PDF</a>
                      <xsl:text> </xsl:text>
                      <a href="{$base}.xlsx?id={.}">Excel</a>
                    </xsl:for-each>
                  </xsl:if>
                </td>
                <td>
                  <xsl:if test="@state = 'reported'">
                    <form method="post" action="{$base}/reopen" class="inline-form reopen-form">
                      <xsl:call-template name="csrf"/>
                      <input type="hidden" name="id" value="{@report}"/>
                      <label for="reason-{@report}" class="sr-only">退回<xsl:value-of select="@name"/>的原因</label>
                      <input type="text" id="reason-{@report}" name="reason" required="required" minlength="2" maxlength="200" placeholder="退回原因"/>
                      <button type="submit" class="btn btn-small">退回</button>
                    </form>
                  </xsl:if>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>

  <xsl:template name="links">
    <a href="{$base}?id={@id}">查看</a>
    <xsl:text> </xsl:text>
    <a href="{$base}.pdf?id={@id}">PDF</a>
    <xsl:text> </xsl:text>
    <a href="{$base}.xlsx?id={@id}">Excel</a>
  </xsl:template>

  <!-- The reporter's live count. -->
  <xsl:template name="mine-count">
    <p>本年度辖区内终审通过 <strong><xsl:value-of select="@approved"/></strong> 人。
      <a href="/admin/roster?k=final">查看终审通过名册</a></p>
  </xsl:template>

  <xsl:template name="snapshot">
    <xsl:variable name="s" select="/*/snapshot"/>
    <xsl:variable name="list" select="/*/list"/>
    <p class="no-print"><a href="{$base}">返回<xsl:value-of select="$title"/></a></p>
    <section class="card">
      <h2><xsl:value-of select="$s/@year"/>年度<xsl:value-of select="$title"/>名册：<xsl:value-of select="$s/@unit"/></h2>
      <p>上报时间：<xsl:value-of select="$s/@at"/>　上报人：<xsl:value-of select="$s/@by"/>　人数：<xsl:value-of select="$s/@rows"/>　状态：<xsl:choose><xsl:when test="$s/@state = 'reported'">已上报</xsl:when><xsl:otherwise>已退回</xsl:otherwise></xsl:choose></p>
      <p class="mono digest">校验码（SHA-256）：<xsl:value-of select="$s/@digest"/></p>
      <div class="buttons-inline no-print">
        <a class="btn btn-primary" href="{$base}.pdf?id={$s/@id}">导出PDF</a>
        <a class="btn" href="{$base}.xlsx?id={$s/@id}">导出Excel</a>
        <button type="button" class="btn" data-print="1" hidden="hidden">打印本页</button>
      </div>
    </section>
    <div class="print-head">
      <h2>河南省机关事业单位工勤技能岗位等级考核<xsl:value-of select="$title"/>名册</h2>
      <p><xsl:value-of select="$s/@year"/>年度　单位：<xsl:value-of select="$s/@unit"/>　人数：<xsl:value-of select="$s/@rows"/>　上报时间：<xsl:value-of select="$s/@at"/></p>
    </div>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list roster">
        <caption>上报名册（共 <xsl:value-of select="$s/@rows"/> 人）</caption>
        <thead>
          <tr>
            <th scope="col">序号</th><th scope="col">姓名</th><th scope="col">性别</th>
            <th scope="col">身份证号</th><th scope="col">单位</th><th scope="col"><xsl:value-of select="$col-wt"/></th>
            <th scope="col"><xsl:value-of select="$col-level"/></th><th scope="col">申报方式</th><th scope="col"><xsl:value-of select="$col-date"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$list/row">
            <tr>
              <td class="num"><xsl:value-of select="@n"/></td>
              <td><xsl:value-of select="@name"/></td>
              <td><xsl:value-of select="@gender"/></td>
              <td class="mono"><xsl:value-of select="@idno"/></td>
              <td><xsl:value-of select="@unit"/></td>
              <td><xsl:value-of select="@worktype"/></td>
              <td><xsl:value-of select="@level-name"/></td>
              <td><xsl:value-of select="@route"/></td>
              <td><xsl:value-of select="@decided"/></td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not($list/row)">
            <tr><td colspan="9" class="empty">上报的名册中没有人员。</td></tr>
          </xsl:if>
        </tbody>
      </table>
    </div>
    <div class="stamp-area">
      <span>上报单位（盖章）：</span>
      <span>审核人：</span>
      <span>日期：　　年　　月　　日</span>
    </div>
    <xsl:call-template name="pager">
      <xsl:with-param name="list" select="$list"/>
    </xsl:call-template>
    <xsl:if test="$list">
      <form method="get" action="{$base}" class="form form-inline no-print">
        <input type="hidden" name="id" value="{/*/form/field[@name = 'id']/@value}"/>
        <div class="field">
          <label for="f-page">转到第几页</label>
          <div class="control">
            <input id="f-page" name="page" type="number" min="1" max="{$list/@pages}" value="{$list/@page}"/>
          </div>
        </div>
        <div class="buttons"><button type="submit" class="btn">转到</button></div>
      </form>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
