<?xml version="1.0" encoding="UTF-8"?>
<!-- error.xsl: <error><meta/>[<form/>]<error status=""><title/><message/></error></error> -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="err" select="/*/error"/>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="string($err/title) != ''"><xsl:value-of select="$err/title"/></xsl:when>
      <xsl:otherwise>出错了</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="content">
    <div class="card error-page">
      <xsl:if test="string($err/message) != ''">
        <p class="error-message"><xsl:value-of select="$err/message"/></p>
      </xsl:if>
      <xsl:if test="/*/form/field/error">
        <ul class="error-list">
          <xsl:for-each select="/*/form/field[error]">
            <li class="error"><xsl:value-of select="error"/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:if test="$err/@status">
        <p class="error-status">错误代码：<xsl:value-of select="$err/@status"/></p>
      </xsl:if>
      <p class="actions">
        <xsl:choose>
          <xsl:when test="/*/meta/user">
            <a class="btn" href="/home">返回首页</a>
          </xsl:when>
          <xsl:otherwise>
            <a class="btn" href="/">返回首页</a>
            <a class="btn btn-plain" href="/login">登录</a>
          </xsl:otherwise>
        </xsl:choose>
      </p>
    </div>
  </xsl:template>
</xsl:stylesheet>
