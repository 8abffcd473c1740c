<?xml version="1.0" encoding="UTF-8"?>
<!--
  mobile.xsl: the phone's upload page of a 手机扫码上传 link (no login):
  <mobile><meta/><start name="张*" expires/><form action="/m"><field
  name="t" value/></form></mobile> before the phone claims the link (the
  开始上传 button posts start=1), then
  <mobile><meta/><application name="张*" expires/>[<uploaded/>]
  <materials><material kind label title at/>…</materials>
  <kinds><kind name label/>…</kinds><form action="/m" status>
  <field name="t" value/>…</form></mobile>, or, when the link cannot be
  used, <mobile><meta/><refused reason>what happened and what to do
  </refused></mobile>.  One column, large controls; the file input
  offers the album and the camera (the phone asks which).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <!-- crop.js: the photo cropped, large images scaled down, in the browser. -->
  <xsl:template name="extra-head">
    <script src="/static/js/crop.js" defer="defer"></script>
  </xsl:template>

  <xsl:variable name="title" select="'手机上传报名资料'"/>
  <xsl:variable name="form" select="/*/form"/>

  <xsl:template name="content">
    <div class="card mobile-page">
      <xsl:choose>
        <xsl:when test="/*/refused">
          <div class="msg msg-error" role="alert">
            <xsl:value-of select="/*/refused"/>
          </div>
        </xsl:when>
        <xsl:when test="/*/start">
          <xsl:call-template name="start"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="upload"/>
        </xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- Before the claim: opening the link (a link preview, a scanner's
       prefetch) takes nothing; the button does, for this phone only. -->
  <xsl:template name="start">
    <p class="mobile-who">
      <xsl:text>报考人员：</xsl:text>
      <strong><xsl:value-of select="/*/start/@name"/></strong>
    </p>
    <p>点击“开始上传”后，本二维码只能在这部手机上使用，其他手机或浏览器将无法再打开。手机上只能上传报名资料；个人照片和身份证照片请在电脑上上传。</p>
    <form class="form" method="post" action="/m">
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="t" value="{$form/field[@name = 't']/@value}"/>
      <input type="hidden" name="start" value="1"/>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">开始上传</button>
      </div>
    </form>
    <p class="hint">
      <xsl:text>二维码有效期至 </xsl:text>
      <xsl:value-of select="/*/start/@expires"/>
      <xsl:text>。如果这不是您本人的报名，请不要点击。</xsl:text>
    </p>
  </xsl:template>

  <xsl:template name="upload">
    <p class="mobile-who">
      <xsl:text>报考人员：</xsl:text>
      <strong><xsl:value-of select="/*/application/@name"/></strong>
    </p>
    <xsl:if test="string(/*/uploaded) != ''">
      <div class="msg msg-ok" role="status"><xsl:value-of select="/*/uploaded"/></div>
    </xsl:if>
    <xsl:call-template name="form-message"/>
    <form class="form" method="post" action="/m" enctype="multipart/form-data"
        data-upload-max="{/*/meta/upload-limit/@bytes}">
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="t" value="{$form/field[@name = 't']/@value}"/>
      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'kind'"/>
        <xsl:with-param name="label" select="'资料类别'"/>
        <xsl:with-param name="options" select="/*/kinds/kind"/>
        <xsl:with-param name="empty" select="''"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="value">
          <xsl:choose>
            <xsl:when test="string($form/field[@name = 'kind']/@value) != ''">
              <xsl:value-of select="$form/field[@name = 'kind']/@value"/>
            </xsl:when>
            <xsl:otherwise>material</xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:variable name="f" select="$form/field[@name = 'file']"/>
      <div class="field">
        <xsl:if test="$f/error">
          <xsl:attribute name="class">field has-error</xsl:attribute>
        </xsl:if>
        <label for="f-file">拍照或选择照片<span class="req" aria-hidden="true">*</span></label>
        <div class="control">
          <!-- No capture attribute: it opens the camera only, and the
               page promises the album too. -->
          <input id="f-file" name="file" type="file" accept="image/jpeg"
              required="required"
              aria-describedby="f-file-hint">
            <xsl:if test="$f/error">
              <xsl:attribute name="aria-invalid">true</xsl:attribute>
              <xsl:attribute name="aria-describedby">f-file-err f-file-hint</xsl:attribute>
            </xsl:if>
          </input>
        </div>
        <xsl:if test="$f/error">
          <p class="error" id="f-file-err">
            <xsl:if test="string($f/@shown) != ''">
              <xsl:text>“</xsl:text><xsl:value-of select="$f/@shown"/><xsl:text>”：</xsl:text>
            </xsl:if>
            <xsl:value-of select="$f/error"/>
          </p>
        </xsl:if>
        <p class="hint" id="f-file-hint">jpg格式<xsl:call-template name="upload-limit-text"><xsl:with-param name="prefix" select="'，'"/></xsl:call-template>，一次上传一张；原件内容完整、字迹清晰。个人照片和身份证照片请在电脑上上传。</p>
      </div>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">上传</button>
      </div>
    </form>
    <h2>已上传的资料</h2>
    <xsl:choose>
      <xsl:when test="/*/materials/material">
        <ol class="mobile-list">
          <xsl:for-each select="/*/materials/material">
            <li>
              <xsl:value-of select="@label"/>
              <xsl:if test="string(@title) != ''">
                <xsl:text>：</xsl:text><xsl:value-of select="@title"/>
              </xsl:if>
              <span class="hint"><xsl:text> </xsl:text><xsl:value-of select="@at"/></span>
            </li>
          </xsl:for-each>
        </ol>
      </xsl:when>
      <xsl:otherwise><p class="hint">还没有上传资料。</p></xsl:otherwise>
    </xsl:choose>
    <p class="hint">
      <xsl:text>本页面有效期至 </xsl:text>
      <xsl:value-of select="/*/application/@expires"/>
      <xsl:text>。上传完毕后，请回到电脑上刷新报名信息页面查看。</xsl:text>
    </p>
  </xsl:template>
</xsl:stylesheet>
