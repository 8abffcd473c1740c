<?xml version="1.0" encoding="UTF-8"?>
<!--
  paytabs.xsl: the tabs of 缴费管理 (seed 002 §3.2), imported by the
  offices' payment pages: 应缴报考人员列表, 网上缴费状态查询, 扫码缴费,
  缴费统计, 退费与逾期到账, and 对账 for the province; and the selects of
  their filters.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template name="pay-tabs">
    <nav class="pay-tabs" aria-label="缴费管理">
      <ul>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/pay/due'"/><xsl:with-param name="label" select="'应缴报考人员列表'"/></xsl:call-template>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/pay/orders'"/><xsl:with-param name="label" select="'网上缴费状态查询'"/></xsl:call-template>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/pay/qr'"/><xsl:with-param name="label" select="'扫码缴费'"/></xsl:call-template>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/pay/stats'"/><xsl:with-param name="label" select="'缴费统计'"/></xsl:call-template>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/pay/cases'"/><xsl:with-param name="label" select="'退费与逾期到账'"/></xsl:call-template>
        <xsl:if test="/*/meta/role = 'province'">
          <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/pay/reconcile'"/><xsl:with-param name="label" select="'对账'"/></xsl:call-template>
        </xsl:if>
      </ul>
    </nav>
  </xsl:template>

  <xsl:template name="pay-tab">
    <xsl:param name="href"/>
    <xsl:param name="label"/>
    <li>
      <a href="{$href}">
        <xsl:if test="string(/*/meta/path) = $href">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:template>

  <!-- A GET filter select named $name of /*/states or /*/levels. -->
  <xsl:template name="pay-select">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="options"/>
    <xsl:param name="all" select="'全部'"/>
    <xsl:variable name="v" select="string(/*/form/field[@name = $name]/@value)"/>
    <div class="field">
      <label for="f-{$name}"><xsl:value-of select="$label"/></label>
      <div class="control">
        <select id="f-{$name}" name="{$name}">
          <xsl:if test="$all != ''"><option value=""><xsl:value-of select="$all"/></option></xsl:if>
          <xsl:for-each select="$options">
            <xsl:variable name="code" select="string(@code | @value)"/>
            <option value="{$code}">
              <xsl:if test="$code = $v or (@selected = '1' and $v = '')">
                <xsl:attribute name="selected">selected</xsl:attribute>
              </xsl:if>
              <xsl:choose>
                <xsl:when test="@name"><xsl:value-of select="@name"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
              </xsl:choose>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <xsl:if test="/*/form/field[@name = $name]/error">
        <p class="error"><xsl:value-of select="/*/form/field[@name = $name]/error"/></p>
      </xsl:if>
    </div>
  </xsl:template>
</xsl:stylesheet>
