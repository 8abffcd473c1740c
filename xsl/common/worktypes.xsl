<?xml version="1.0" encoding="UTF-8"?>
<!--
  worktypes.xsl: the work-type search (GET /lookup/worktypes) as a plain
  list with a search box, for browsers without JavaScript.  A merged
  type names its new counterparts.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="title" select="'工种查询'"/>

  <xsl:template name="content">
    <xsl:variable name="w" select="/worktypes"/>
    <form method="get" action="/lookup/worktypes" class="form form-inline">
      <div class="field">
        <label for="f-q">工种名称或拼音首字母</label>
        <div class="control">
          <input id="f-q" name="q" type="text" maxlength="10" value="{$w/@q}" placeholder="如 hly 或 护理员"/>
          <button type="submit" class="btn">查询</button>
        </div>
      </div>
    </form>
    <section class="card">
      <xsl:if test="$w/@restricted = '1'">
        <p class="hint">按现岗位工种，申报岗位工种只能从其对应的新工种中选择：</p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$w/worktype">
          <ul class="lookup-list">
            <xsl:for-each select="$w/worktype">
              <li>
                <xsl:value-of select="@name"/>
                <xsl:text>（</xsl:text><xsl:value-of select="@pinyin"/><xsl:text>）</xsl:text>
                <xsl:choose>
                  <xsl:when test="@status = 'merged'">
                    <xsl:text> 已合并，请选择新工种：</xsl:text>
                    <xsl:for-each select="maps-to">
                      <xsl:if test="position() &gt; 1">、</xsl:if>
                      <xsl:value-of select="@name"/>
                    </xsl:for-each>
                  </xsl:when>
                  <xsl:when test="@status = 'cancelled'">
                    <xsl:text> 已取消，经单位人事部门同意后选择报考就近岗位工种</xsl:text>
                  </xsl:when>
                </xsl:choose>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p>没有找到相应的工种，请换一个名称或拼音首字母再查。</p></xsl:otherwise>
      </xsl:choose>
      <p><a href="/apply">返回报名信息</a></p>
    </section>
  </xsl:template>
</xsl:stylesheet>
