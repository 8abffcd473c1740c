<?xml version="1.0" encoding="UTF-8"?>
<!--
  upload.xsl: the answer to an upload, a stamp or a delete that did not
  go through (a successful one redirects back to /apply#materials):
  <upload><meta/>[<application id state/><kinds><kind name label
  [document="1"]/></kinds>]<form action status><message/>
  <field name="kind|title|file|id" [value] [shown]><error/></field></form>
  </upload>.  Says what was wrong and offers the upload again; works
  without JavaScript.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <!-- crop.js: the photo cropped, large images scaled down, in the browser. -->
  <xsl:template name="extra-head">
    <script src="/static/js/crop.js" defer="defer"></script>
  </xsl:template>

  <xsl:variable name="title" select="'上传资料'"/>
  <xsl:variable name="form" select="/*/form"/>
  <xsl:variable name="kind" select="string($form/field[@name = 'kind']/@value)"/>

  <xsl:template name="content">
    <div class="card upload-result">
      <xsl:call-template name="form-message"/>
      <xsl:if test="$form/field/error">
        <ul class="error-list">
          <xsl:for-each select="$form/field[error]">
            <li class="error">
              <xsl:if test="@name = 'file' and string(@shown) != ''">
                <span class="file-name">
                  <xsl:text>“</xsl:text>
                  <xsl:value-of select="@shown"/>
                  <xsl:text>”：</xsl:text>
                </span>
              </xsl:if>
              <xsl:value-of select="error"/>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:if test="$form/@action = '/apply/upload' and /*/kinds/kind">
        <h2>重新上传</h2>
        <form class="form" method="post" action="/apply/upload"
            enctype="multipart/form-data"
            data-upload-max="{/*/meta/upload-limit/@bytes}">
          <xsl:call-template name="csrf"/>
          <xsl:call-template name="select-field">
            <xsl:with-param name="name" select="'kind'"/>
            <xsl:with-param name="label" select="'资料类别'"/>
            <xsl:with-param name="options" select="/*/kinds/kind"/>
            <xsl:with-param name="value" select="$kind"/>
          </xsl:call-template>
          <xsl:if test="/*/kinds/kind[@name = $kind]/@document = '1' or $form/field[@name = 'title']">
            <xsl:call-template name="field">
              <xsl:with-param name="name" select="'title'"/>
              <xsl:with-param name="label" select="'文档标题'"/>
              <xsl:with-param name="required" select="/*/kinds/kind[@name = $kind]/@document = '1'"/>
              <xsl:with-param name="maxlength" select="'50'"/>
              <xsl:with-param name="hint" select="'仅电子文档需填写：1至50个字，文档以标题命名。'"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'file'"/>
            <xsl:with-param name="label" select="'选择文件'"/>
            <xsl:with-param name="type" select="'file'"/>
            <xsl:with-param name="accept">
              <xsl:choose>
                <xsl:when test="/*/kinds/kind[@name = $kind]/@document = '1'">.doc,.docx,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document</xsl:when>
                <xsl:otherwise>image/jpeg,.jpg,.jpeg</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
            <xsl:with-param name="hint">
              <xsl:text>图片为jpg格式</xsl:text>
              <xsl:call-template name="upload-limit-text">
                <xsl:with-param name="prefix" select="'，'"/>
              </xsl:call-template>
              <xsl:text>，内容完整、字迹清晰，一次选择一个文件；个人照片为近期二寸免冠白色背景彩色证件照，413×626像素（更大的同比例照片会自动缩小；选择后可框选头像裁剪）。</xsl:text>
            </xsl:with-param>
          </xsl:call-template>
          <div class="buttons">
            <button type="submit" class="btn btn-primary">上传</button>
            <a class="btn btn-plain" href="/apply#materials">返回报名信息</a>
          </div>
        </form>
      </xsl:if>
      <p class="actions">
        <a class="btn" href="/apply#materials">返回报名信息</a>
      </p>
    </div>
  </xsl:template>
</xsl:stylesheet>
