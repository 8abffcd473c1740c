<?xml version="1.0" encoding="UTF-8"?>
<!--
  province/policy.xsl: 政策设置.  The thresholds of the eligibility rules
  (SPEC.md §4) for the year shown, one table per rule, each value an
  input filled from the form (what was typed) or else the stored value;
  then the work types open for level 1 as checkboxes by category.  One
  POST saves everything (h_policy.c).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="../common/widgets.xsl"/>

  <xsl:variable name="title" select="'政策设置'"/>

  <!-- The year of the page: form/@year is always a known year. -->
  <xsl:variable name="year" select="string(/*/form/@year)"/>

  <xsl:template name="content">
    <form method="get" action="/admin/policy" class="form form-inline year-form">
      <xsl:call-template name="select-field">
        <xsl:with-param name="name" select="'year'"/>
        <xsl:with-param name="id" select="'f-year-show'"/>
        <xsl:with-param name="label" select="'报考年度'"/>
        <xsl:with-param name="options" select="/*/years/year"/>
        <xsl:with-param name="value" select="$year"/>
        <xsl:with-param name="f" select="/.."/>
        <xsl:with-param name="empty" select="''"/>
        <xsl:with-param name="required" select="false()"/>
      </xsl:call-template>
      <div class="buttons"><button type="submit" class="btn">查看</button></div>
    </form>

    <form method="post" action="/admin/policy" class="policy-form">
      <xsl:call-template name="form-message"/>
      <xsl:for-each select="/*/form/field[@name = 'year']/error">
        <p class="error" role="alert"><xsl:value-of select="."/></p>
      </xsl:for-each>
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="year" value="{$year}"/>
      <p class="hint">
        <xsl:value-of select="$year"/>
        <xsl:text>年度的报名条件（报名信息提交时按此校验）。年龄、年限均按“报考年度－相应年份”计算。保存后立即生效。</xsl:text>
      </p>

      <!-- One table per rule, in the order of the keys. -->
      <xsl:for-each select="/*/key[not(@rule = preceding-sibling::key/@rule)]">
        <xsl:variable name="rule" select="string(@rule)"/>
        <section class="card policy-rule">
          <h2>
            <xsl:value-of select="$rule"/>
            <xsl:text> </xsl:text>
            <xsl:call-template name="rule-name">
              <xsl:with-param name="rule" select="$rule"/>
            </xsl:call-template>
          </h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr><th scope="col">项目</th><th scope="col">本年度</th><th scope="col">默认值</th></tr>
              </thead>
              <tbody>
                <xsl:apply-templates select="/*/key[@rule = $rule]"/>
              </tbody>
            </table>
          </div>
        </section>
      </xsl:for-each>

      <section class="card policy-level1">
        <xsl:variable name="l1" select="/*/form/field[@name = 'level1[]']"/>
        <h2>R16 本年度开考一级（高级技师）的工种</h2>
        <xsl:if test="/*/worktypes/@default = '1'">
          <p class="hint">本年度尚未设置，下列勾选为工种目录的默认开考工种；保存后以本页勾选为准。</p>
        </xsl:if>
        <xsl:if test="$l1/error">
          <p class="error" id="f-level1-err" role="alert"><xsl:value-of select="$l1/error"/></p>
        </xsl:if>
        <p class="hint">
          <xsl:text>已勾选 </xsl:text>
          <xsl:value-of select="count(/*/worktypes/worktype[@checked = '1'])"/>
          <xsl:text> 个，共 </xsl:text>
          <xsl:value-of select="count(/*/worktypes/worktype)"/>
          <xsl:text> 个现行工种。</xsl:text>
        </p>
        <xsl:for-each select="/*/worktypes/worktype[not(@category = preceding-sibling::worktype/@category)]">
          <xsl:variable name="cat" select="string(@category)"/>
          <fieldset class="policy-category">
            <legend>
              <xsl:choose>
                <xsl:when test="$cat != ''"><xsl:value-of select="$cat"/></xsl:when>
                <xsl:otherwise>其他</xsl:otherwise>
              </xsl:choose>
            </legend>
            <xsl:apply-templates select="/*/worktypes/worktype[string(@category) = $cat]"/>
          </fieldset>
        </xsl:for-each>
      </section>

      <div class="buttons">
        <button type="submit" class="btn btn-primary">保存</button>
      </div>
    </form>
  </xsl:template>

  <!-- A row of a rule's table: the label, the input, the default. -->
  <xsl:template match="key">
    <xsl:variable name="name" select="string(@name)"/>
    <xsl:variable name="f" select="/*/form/field[@name = $name]"/>
    <xsl:variable name="id" select="concat('f-', $name)"/>
    <xsl:variable name="value">
      <xsl:choose>
        <xsl:when test="$f/@value"><xsl:value-of select="$f/@value"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@value"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <tr>
      <xsl:if test="$f/error"><xsl:attribute name="class">has-error</xsl:attribute></xsl:if>
      <th scope="row"><label for="{$id}"><xsl:value-of select="@label"/></label></th>
      <td>
        <xsl:choose>
          <xsl:when test="@type = 'code'">
            <input id="{$id}" name="{$name}" type="text" value="{$value}" required="required"
                maxlength="8" pattern="[A-Z0-9]{{1,8}}" autocomplete="off">
              <xsl:if test="$f/error">
                <xsl:attribute name="aria-invalid">true</xsl:attribute>
                <xsl:attribute name="aria-describedby"><xsl:value-of select="concat($id, '-err')"/></xsl:attribute>
              </xsl:if>
            </input>
            <xsl:variable name="wt" select="/*/worktypes/worktype[@code = $value]"/>
            <xsl:if test="$wt">
              <p class="hint"><xsl:value-of select="$wt/@name"/></p>
            </xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <input id="{$id}" name="{$name}" type="number" value="{$value}" required="required"
                min="{@min}" max="{@max}" step="1" inputmode="numeric">
              <xsl:if test="$f/error">
                <xsl:attribute name="aria-invalid">true</xsl:attribute>
                <xsl:attribute name="aria-describedby"><xsl:value-of select="concat($id, '-err')"/></xsl:attribute>
              </xsl:if>
            </input>
            <p class="hint">
              <xsl:value-of select="@min"/><xsl:text>至</xsl:text><xsl:value-of select="@max"/>
            </p>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$f/error">
          <p class="error" id="{$id}-err"><xsl:value-of select="$f/error"/></p>
        </xsl:if>
      </td>
      <td class="num">
        <xsl:value-of select="@default"/>
        <xsl:if test="@stored = '1' and @value != @default">
          <br/><span class="badge">已调整</span>
        </xsl:if>
      </td>
    </tr>
  </xsl:template>

  <!-- A checkbox of the level-1 list. -->
  <xsl:template match="worktype">
    <div class="field check">
      <input id="f-l1-{@code}" type="checkbox" name="level1[]" value="{@code}">
        <xsl:if test="@checked = '1'">
          <xsl:attribute name="checked">checked</xsl:attribute>
        </xsl:if>
      </input>
      <label for="f-l1-{@code}">
        <xsl:value-of select="@name"/>
        <xsl:text>（</xsl:text><xsl:value-of select="@code"/><xsl:text>）</xsl:text>
      </label>
    </div>
  </xsl:template>

  <xsl:template name="rule-name">
    <xsl:param name="rule"/>
    <xsl:choose>
      <xsl:when test="$rule = 'R1'">报考年龄</xsl:when>
      <xsl:when test="$rule = 'R2'">参加工作时间</xsl:when>
      <xsl:when test="$rule = 'R6'">四级按工作年限申报</xsl:when>
      <xsl:when test="$rule = 'R7'">三级按工作年限申报</xsl:when>
      <xsl:when test="$rule = 'R8'">一级工作年限</xsl:when>
      <xsl:when test="$rule = 'R9'">四级按岗位等级证书申报</xsl:when>
      <xsl:when test="$rule = 'R10'">三级按岗位等级证书申报</xsl:when>
      <xsl:when test="$rule = 'R11'">二级按岗位等级证书申报</xsl:when>
      <xsl:when test="$rule = 'R12'">一级现等级年限</xsl:when>
      <xsl:when test="$rule = 'R13'">二级文化程度</xsl:when>
      <xsl:when test="$rule = 'R14'">申报岗位工种</xsl:when>
      <xsl:when test="$rule = 'R22'">考核结果复核</xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
