<?xml version="1.0" encoding="UTF-8"?>
<!--
  notes.xsl: 市级复核意见 and 省级标记记录 (002 §1.1.6; h_notes.c,
  schema/xml/notes.rng): the notes of one kind on applications in the
  account's chains, newest first; the city (or the province) office
  also gets the form to add one (/*/form).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="string(/*/@title)"/>

  <xsl:template name="content">
    <xsl:variable name="kind" select="string(/*/@kind)"/>
    <p class="lead">
      <xsl:choose>
        <xsl:when test="$kind = 'city'">市工考办对已承接审核的县区审核过的报名提出的复核意见，报名所在单位及各级审核单位均可查看。</xsl:when>
        <xsl:otherwise>省工考办抽查复核报名后提出的标记意见，报名所在单位及各级审核单位均可查看。</xsl:otherwise>
      </xsl:choose>
    </p>
    <xsl:if test="/*/form">
      <xsl:call-template name="note-form"/>
    </xsl:if>
    <div class="table-wrap">
      <table class="list">
        <caption><xsl:value-of select="$title"/>（共 <xsl:value-of select="count(/*/notes/note)"/> 条）</caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">姓名</th>
            <th scope="col">单位</th>
            <th scope="col">意见</th>
            <th scope="col">填写单位</th>
            <th scope="col">时间</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="/*/notes/note">
            <tr>
              <td class="num"><xsl:value-of select="position()"/></td>
              <td><a href="/review/app?id={@app}"><xsl:value-of select="@name"/></a></td>
              <td><xsl:value-of select="@unit"/></td>
              <td class="note"><xsl:value-of select="text"/></td>
              <td><xsl:value-of select="@by-unit"/><xsl:text> </xsl:text><xsl:value-of select="@by"/></td>
              <td><xsl:value-of select="@at"/></td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not(/*/notes/note)">
            <tr><td colspan="6" class="empty">暂无记录。</td></tr>
          </xsl:if>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template name="note-form">
    <xsl:variable name="t" select="/*/form/field[@name = 'text']"/>
    <form method="post" action="/review/note" class="form card note-form">
      <h2>
        <xsl:choose>
          <xsl:when test="/*/@kind = 'city'">填写市级复核意见</xsl:when>
          <xsl:otherwise>填写省级标记</xsl:otherwise>
        </xsl:choose>
      </h2>
      <xsl:call-template name="csrf"/>
      <xsl:call-template name="form-message"/>
      <input type="hidden" name="kind" value="{/*/@kind}"/>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'id'"/>
        <xsl:with-param name="label" select="'报名编号'"/>
        <xsl:with-param name="inputmode" select="'numeric'"/>
        <xsl:with-param name="maxlength" select="'10'"/>
        <xsl:with-param name="hint" select="'详情页地址中 id= 后面的数字'"/>
      </xsl:call-template>
      <div class="field">
        <xsl:if test="$t/error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
        <label for="f-text">意见<span class="req" aria-hidden="true">*</span></label>
        <div class="control">
          <textarea id="f-text" name="text" rows="4" maxlength="500" required="required">
            <xsl:call-template name="described">
              <xsl:with-param name="id" select="'f-text'"/>
              <xsl:with-param name="f" select="$t"/>
              <xsl:with-param name="hint" select="'500字以内'"/>
            </xsl:call-template>
            <xsl:value-of select="$t/@value"/>
          </textarea>
        </div>
        <xsl:call-template name="field-notes">
          <xsl:with-param name="id" select="'f-text'"/>
          <xsl:with-param name="f" select="$t"/>
          <xsl:with-param name="hint" select="'500字以内'"/>
        </xsl:call-template>
      </div>
      <div class="buttons"><button type="submit" class="btn btn-primary">保存</button></div>
    </form>
  </xsl:template>
</xsl:stylesheet>
