<?xml version="1.0" encoding="UTF-8"?>
<!--
  units.xsl: one level of the unit tree (GET /lookup/units) as a plain
  list, for browsers without JavaScript: the supervising units of a
  region link to their basic units.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="title">
    <xsl:value-of select="/units/@name"/>
    <xsl:choose>
      <xsl:when test="/units/@level = 'basic'">：下属单位</xsl:when>
      <xsl:otherwise>：主管单位</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="content">
    <xsl:variable name="us" select="/units"/>
    <section class="card">
      <xsl:choose>
        <xsl:when test="$us/unit">
          <ul class="lookup-list">
            <xsl:for-each select="$us/unit">
              <li>
                <xsl:choose>
                  <xsl:when test="@kind = 'supervising'">
                    <a href="/lookup/units?parent={@id}"><xsl:value-of select="@name"/></a>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
                </xsl:choose>
                <xsl:text> </xsl:text>
                <span class="hint"><xsl:value-of select="@code"/></span>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p>没有找到单位。如果找不到本人所属单位或所属单位名称有误，请联系当地人社局工考办（工考中心）。</p>
        </xsl:otherwise>
      </xsl:choose>
      <p><a href="/apply">返回报名信息</a></p>
    </section>
  </xsl:template>
</xsl:stylesheet>
