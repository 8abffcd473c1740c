<?xml version="1.0" encoding="UTF-8"?>
<!--
  deferred.xsl: 容缺后补 (002 §1.1.4; h_defer.c, schema/xml/deferred.rng):
  the deferred applications of the account's chains with the note; the
  unit admin's 确认材料已补 and the office's re-check as a small form on
  each row that the account may act on (@can).  A refused POST shows its
  form's message and errors above the list.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'容缺后补'"/>

  <xsl:template name="content">
    <p class="lead">审核时选择“材料是否容缺后补”为“是”的报名列在这里。报考人员（或单位管理员代为）补传材料后，单位管理员核对无误点击“确认材料已补”，再由县区及以上工考办复核；复核通过前不能打印准考证。</p>
    <xsl:if test="/*/form">
      <xsl:call-template name="form-message"/>
      <xsl:if test="/*/form/field/error">
        <ul class="error-list">
          <xsl:for-each select="/*/form/field[error]">
            <li class="error"><xsl:value-of select="error"/></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </xsl:if>
    <div class="table-wrap">
      <table class="list">
        <caption>容缺后补人员（共 <xsl:value-of select="count(/*/deferred/app)"/> 人）</caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">姓名</th>
            <th scope="col">单位</th>
            <th scope="col">申报等级、工种</th>
            <th scope="col">容缺后补备注</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="/*/deferred/app">
            <tr>
              <td class="num"><xsl:value-of select="position()"/></td>
              <td><a href="/review/app?id={@id}"><xsl:value-of select="@name"/></a></td>
              <td><xsl:value-of select="@unit"/></td>
              <td><xsl:value-of select="@level-name"/><xsl:text> </xsl:text><xsl:value-of select="@worktype"/></td>
              <td class="note"><xsl:value-of select="note"/></td>
              <td><xsl:value-of select="@defer-label"/></td>
              <td><xsl:apply-templates select="." mode="act"/></td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not(/*/deferred/app)">
            <tr><td colspan="7" class="empty">没有容缺后补的报名。</td></tr>
          </xsl:if>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- The row's action: confirm, re-check, or the upload on behalf. -->
  <xsl:template match="app" mode="act">
    <xsl:choose>
      <xsl:when test="@can = 'confirm'">
        <form method="post" action="/review/deferred/confirm" class="inline-form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{@id}"/>
          <button type="submit" class="btn btn-primary">确认材料已补</button>
        </form>
      </xsl:when>
      <xsl:when test="@can = 'recheck'">
        <xsl:call-template name="recheck-form"/>
      </xsl:when>
      <xsl:when test="@defer = '1' and @state = 'submitted'">
        <a href="/review/upload?id={@id}">代为上传材料</a>
      </xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The office's re-check of this row; a refused one (the page's form
       with this id) comes back with its values and messages in place. -->
  <xsl:template name="recheck-form">
    <xsl:variable name="id" select="string(@id)"/>
    <xsl:variable name="bad" select="/*/form[@action = '/review/deferred/recheck'][field[@name = 'id']/@value = $id]"/>
    <xsl:variable name="res" select="string($bad/field[@name = 'result']/@value)"/>
    <xsl:variable name="rf" select="$bad/field[@name = 'reason']"/>
    <form method="post" action="/review/deferred/recheck" class="form recheck-form">
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="id" value="{$id}"/>
      <fieldset>
        <legend>复核结果</legend>
        <label><input type="radio" name="result" value="ok" required="required">
          <xsl:if test="$res = 'ok'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        </input> 材料齐全</label>
        <label><input type="radio" name="result" value="refuse">
          <xsl:if test="$res = 'refuse'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        </input> 材料仍不齐全</label>
        <xsl:if test="$bad/field[@name = 'result']/error">
          <p class="error"><xsl:value-of select="$bad/field[@name = 'result']/error"/></p>
        </xsl:if>
      </fieldset>
      <label for="reason-{$id}">复核意见（材料仍不齐全时必填）</label>
      <textarea id="reason-{$id}" name="reason" rows="2" maxlength="500">
        <xsl:call-template name="described">
          <xsl:with-param name="id" select="concat('reason-', $id)"/>
          <xsl:with-param name="f" select="$rf"/>
          <xsl:with-param name="hint" select="''"/>
        </xsl:call-template>
        <xsl:value-of select="$rf/@value"/>
      </textarea>
      <xsl:call-template name="field-notes">
        <xsl:with-param name="id" select="concat('reason-', $id)"/>
        <xsl:with-param name="f" select="$rf"/>
        <xsl:with-param name="hint" select="''"/>
      </xsl:call-template>
      <button type="submit" class="btn btn-primary">提交复核结果</button>
    </form>
  </xsl:template>
</xsl:stylesheet>
