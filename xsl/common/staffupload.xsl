<?xml version="1.0" encoding="UTF-8"?>
<!--
  staffupload.xsl: 代传资料 and 添加身份证号 by staff of the application's
  chain (h_staffup.c, schema/xml/staffupload.rng): the application, the
  kinds staff may upload (for level 1 the salary form and, with an 优秀
  appraisal, its evidence), the stamp; a refused try shows why.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'代传资料'"/>
  <xsl:variable name="app" select="/*/application"/>
  <xsl:variable name="form" select="/*/form"/>

  <xsl:template name="content">
    <p class="lead">
      <xsl:text>报考人员 </xsl:text>
      <a href="/review/app?id={$app/@id}"><xsl:value-of select="$app/@name"/></a>
      <xsl:text>（报名编号 </xsl:text><xsl:value-of select="$app/@id"/><xsl:text>）。审核期间，审核单位可代报考人员上传材料；申报一级的，由审核人员上传最近工资审批表，按年度考核优秀申报的还需上传年度考核优秀材料。每次上传都会记录。</xsl:text>
    </p>
    <xsl:if test="/*/defer">
      <div class="msg msg-info">
        <strong>容缺后补（<xsl:value-of select="/*/defer/@label"/>）：</strong>
        <xsl:value-of select="/*/defer/note"/>
        <xsl:if test="/*/defer/@can"><xsl:text> </xsl:text><a href="/review/deferred">去办理</a></xsl:if>
      </div>
    </xsl:if>
    <xsl:if test="/*/notes/note">
      <section class="card">
        <h2>复核意见和标记</h2>
        <ul>
          <xsl:for-each select="/*/notes/note">
            <li>
              <xsl:choose>
                <xsl:when test="@kind = 'city'">市级复核意见</xsl:when>
                <xsl:otherwise>省级标记</xsl:otherwise>
              </xsl:choose>
              <xsl:text>（</xsl:text><xsl:value-of select="@by-unit"/><xsl:text>，</xsl:text>
              <xsl:value-of select="@at"/><xsl:text>）：</xsl:text>
              <xsl:value-of select="text"/>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
    <xsl:call-template name="form-message"/>
    <xsl:if test="$form/field/error">
      <ul class="error-list">
        <xsl:for-each select="$form/field[error]">
          <li class="error"><xsl:value-of select="error"/></li>
        </xsl:for-each>
      </ul>
    </xsl:if>
    <xsl:if test="$app/@state = 'submitted'">
      <form class="form card" method="post" action="/review/upload"
          enctype="multipart/form-data" data-upload-max="{/*/meta/upload-limit/@bytes}">
        <h2>上传材料</h2>
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="id" value="{$app/@id}"/>
        <xsl:call-template name="select-field">
          <xsl:with-param name="name" select="'kind'"/>
          <xsl:with-param name="label" select="'资料类别'"/>
          <xsl:with-param name="options" select="/*/kinds/kind"/>
        </xsl:call-template>
        <xsl:if test="/*/kinds/kind[@document = '1']">
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'title'"/>
            <xsl:with-param name="label" select="'文档标题'"/>
            <xsl:with-param name="required" select="false()"/>
            <xsl:with-param name="maxlength" select="'50'"/>
            <xsl:with-param name="hint" select="'仅电子文档需填写：1至50个字，文档以标题命名。'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'file'"/>
          <xsl:with-param name="label" select="'选择文件'"/>
          <xsl:with-param name="type" select="'file'"/>
          <xsl:with-param name="accept" select="'image/jpeg,.jpg,.jpeg,.doc,.docx'"/>
          <xsl:with-param name="hint">
            <xsl:text>图片为jpg格式</xsl:text>
            <xsl:call-template name="upload-limit-text">
              <xsl:with-param name="prefix" select="'，'"/>
            </xsl:call-template>
            <xsl:text>，内容完整、字迹清晰，一次选择一个文件。</xsl:text>
          </xsl:with-param>
        </xsl:call-template>
        <div class="buttons"><button type="submit" class="btn btn-primary">上传</button></div>
      </form>
      <form class="form card" method="post" action="/review/stamp">
        <h2>添加身份证号</h2>
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="id" value="{$app/@id}"/>
        <xsl:choose>
          <xsl:when test="$app/@stamped = '1'">
            <p>个人照片上已添加身份证号。</p>
          </xsl:when>
          <xsl:otherwise>
            <p>一键将报考人员的身份证号添加到个人照片上。</p>
            <div class="buttons"><button type="submit" class="btn btn-primary">添加身份证号</button></div>
          </xsl:otherwise>
        </xsl:choose>
      </form>
    </xsl:if>
    <xsl:if test="$app/@state != 'submitted'">
      <p class="msg msg-info">该报名不在审核中，不能代为上传材料。</p>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
