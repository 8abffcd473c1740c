<?xml version="1.0" encoding="UTF-8"?>
<!--
  resimport.xsl: 成绩导入与公布 (h_resimport.c, schema/xml/resimport.rng):
  the exam regions of the year with their counts and publication (a
  公布 button each until published), the upload form with the template,
  and the report of a file: every refused row with its reason (nothing
  stored), or the rows stored.  /*/form/@action says which form was
  posted: the import's or the publication's.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'成绩导入与公布'"/>
  <xsl:variable name="imp" select="/*/form[@action = '/admin/results/import']"/>
  <xsl:variable name="pub" select="/*/form[@action = '/admin/results/publish']"/>

  <xsl:template name="content">
    <xsl:call-template name="res-tabs"/>
    <xsl:if test="$pub">
      <xsl:call-template name="form-message"><xsl:with-param name="form" select="$pub"/></xsl:call-template>
    </xsl:if>
    <xsl:call-template name="regions"/>
    <section class="card" aria-labelledby="h-import">
      <h2 id="h-import">导入成绩</h2>
      <p class="lead">按模板填写，每行一名考生，保存为XLSX或CSV后上传（一次最多<xsl:value-of select="/*/@max-rows"/>行）。有一行不符合要求，整个文件都不导入，并列出每一行的问题；改正后重新上传整个文件即可。公布前可重新导入，同一准考证号以最后一次为准。</p>
      <ol class="hints">
        <li>第一行为表头，依次为：<xsl:for-each select="/*/columns/column"><xsl:if test="position() &gt; 1">、</xsl:if><xsl:value-of select="."/></xsl:for-each>。</li>
        <li>姓名须与准考证号对应的考生一致；成绩为0至100之间的数，最多一位小数。</li>
        <li>缺考的考生在“缺考”一栏填“缺考”，成绩留空（两项成绩都空也视为缺考）。</li>
      </ol>
      <p><a href="/admin/results/import/template" download="">下载模板（XLSX）</a></p>
      <form method="post" action="/admin/results/import" enctype="multipart/form-data" class="form">
        <xsl:call-template name="csrf"/>
        <xsl:if test="$imp">
          <xsl:call-template name="form-message"><xsl:with-param name="form" select="$imp"/></xsl:call-template>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="/*/meta/role = 'province'">
            <xsl:call-template name="select-field">
              <xsl:with-param name="name" select="'region'"/>
              <xsl:with-param name="label" select="'考试地区'"/>
              <xsl:with-param name="options" select="/*/regions/region"/>
              <xsl:with-param name="f" select="$imp/field[@name = 'region']"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <input type="hidden" name="region" value="{/*/@region}"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'file'"/>
          <xsl:with-param name="label" select="'成绩文件（XLSX或CSV）'"/>
          <xsl:with-param name="type" select="'file'"/>
          <xsl:with-param name="f" select="$imp/field[@name = 'file']"/>
          <xsl:with-param name="accept" select="'.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'"/>
        </xsl:call-template>
        <div class="buttons"><button type="submit" class="btn btn-primary">导入</button></div>
      </form>
      <xsl:if test="/*/report"><xsl:call-template name="report"/></xsl:if>
    </section>
  </xsl:template>

  <!-- The regions: counts, publication, the 公布 buttons. -->
  <xsl:template name="regions">
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list">
        <caption><xsl:value-of select="/*/@year"/>年度各考试地区的成绩</caption>
        <thead>
          <tr><th scope="col">考试地区</th><th scope="col">已编排考生</th><th scope="col">已导入成绩</th><th scope="col">公布</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="/*/regions/region">
            <tr>
              <td data-label="考试地区"><xsl:value-of select="@name"/></td>
              <td class="num" data-label="已编排考生"><xsl:value-of select="@seated"/></td>
              <td class="num" data-label="已导入成绩"><xsl:value-of select="@results"/></td>
              <td data-label="公布">
                <xsl:choose>
                  <xsl:when test="@published">已于<xsl:value-of select="@published"/>公布</xsl:when>
                  <xsl:otherwise>
                    <form method="post" action="/admin/results/publish" class="inline">
                      <xsl:call-template name="csrf"/>
                      <input type="hidden" name="region" value="{@code}"/>
                      <label class="check-line"><input type="checkbox" name="confirm" value="1" required="required"/> 已核对，确认公布（公布后不能撤回）</label>
                      <button type="submit" class="btn btn-small" aria-label="公布{@name}的考核结果">公布</button>
                    </form>
                  </xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not(/*/regions/region)">
            <tr><td colspan="4">本年度还没有编排考场的考生。</td></tr>
          </xsl:if>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template name="report">
    <xsl:variable name="rp" select="/*/report"/>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list import-report">
        <caption>
          <xsl:choose>
            <xsl:when test="$rp/@stored = '1'">已导入的成绩（<xsl:value-of select="$rp/@rows"/>行）</xsl:when>
            <xsl:otherwise>有误的行（<xsl:value-of select="$rp/@bad"/>行，共<xsl:value-of select="$rp/@rows"/>行；没有导入任何成绩）</xsl:otherwise>
          </xsl:choose>
        </caption>
        <thead>
          <tr>
            <th scope="col">行号</th>
            <xsl:for-each select="/*/columns/column"><th scope="col"><xsl:value-of select="."/></th></xsl:for-each>
            <xsl:if test="$rp/@stored != '1'"><th scope="col">问题</th></xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$rp/row">
            <tr>
              <td class="num" data-label="行号"><xsl:value-of select="@line"/></td>
              <xsl:variable name="row" select="."/>
              <xsl:for-each select="cell">
                <xsl:variable name="i" select="position()"/>
                <td data-label="{/*/columns/column[$i]}">
                  <xsl:if test="$row/@column = /*/columns/column[$i]"><xsl:attribute name="class">bad</xsl:attribute></xsl:if>
                  <xsl:value-of select="."/>
                </td>
              </xsl:for-each>
              <xsl:if test="$rp/@stored != '1'">
                <td class="error-text" data-label="问题"><xsl:if test="@column"><xsl:value-of select="@column"/>：</xsl:if><xsl:value-of select="@error"/></td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>
</xsl:stylesheet>
