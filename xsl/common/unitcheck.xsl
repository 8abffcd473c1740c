<?xml version="1.0" encoding="UTF-8"?>
<!--
  unitcheck.xsl: 单位名称核对 (h_unitcheck.c, schema/xml/unitcheck.rng).
  view="supervising": the unit's own and its units' names, each
  correctable inside the window, and 确认名称已核对 / 撤销确认.
  view="office": which supervising units of the subtree have confirmed,
  or (a <supervisor>) one of them with its units.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'单位名称核对'"/>
  <xsl:variable name="w" select="/*/window[@kind = 'unitcheck']"/>
  <xsl:variable name="open" select="$w/@open = '1'"/>
  <xsl:variable name="check" select="/*/check"/>

  <xsl:template name="content">
    <p class="lead">各主管单位在单位名称核对时间内核对本单位及下属单位名称，确保名称准确、规范；核对无误后点击“确认名称已核对”。</p>
    <xsl:call-template name="window-box">
      <xsl:with-param name="w" select="$w"/>
      <xsl:with-param name="open" select="'当前可核对'"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="/*/@view = 'supervising'">
        <xsl:call-template name="form-message"/>
        <xsl:call-template name="state"/>
        <xsl:call-template name="own-units"/>
      </xsl:when>
      <xsl:when test="/*/supervisor">
        <h2 class="section-title"><xsl:value-of select="/*/supervisor/@name"/>（<xsl:value-of select="/*/supervisor/@code"/>）</h2>
        <xsl:call-template name="state"/>
        <xsl:call-template name="own-units"/>
        <p><a href="/admin/unitcheck">返回主管单位列表</a></p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="office-list"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 已确认 (when, who) or not yet, with the button that changes it. -->
  <xsl:template name="state">
    <xsl:choose>
      <xsl:when test="$check/@confirmed-at">
        <p class="msg msg-ok">已于<xsl:value-of select="$check/@confirmed-at"/>由<xsl:value-of select="$check/@confirmed-by"/>确认名称已核对（<xsl:value-of select="/*/meta/year"/>年度）。</p>
      </xsl:when>
      <xsl:otherwise>
        <p class="msg msg-info">本年度尚未确认名称已核对。</p>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="/*/@view = 'supervising' and $open">
      <form method="post" action="/admin/unitcheck/confirm" class="inline-form">
        <xsl:call-template name="csrf"/>
        <xsl:choose>
          <xsl:when test="$check/@confirmed-at">
            <input type="hidden" name="action" value="undo"/>
            <button type="submit" class="btn">撤销确认</button>
          </xsl:when>
          <xsl:otherwise>
            <input type="hidden" name="action" value="confirm"/>
            <button type="submit" class="btn btn-primary">确认名称已核对</button>
          </xsl:otherwise>
        </xsl:choose>
      </form>
    </xsl:if>
  </xsl:template>

  <!-- The unit and its units; the name of each correctable while the
       window is open and nothing is confirmed. -->
  <xsl:template name="own-units">
    <xsl:variable name="edit" select="/*/@view = 'supervising' and $open and not($check/@confirmed-at)"/>
    <xsl:variable name="fid" select="string(/*/form/field[@name = 'id']/@value)"/>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list">
        <caption>本单位及下属单位（共 <xsl:value-of select="count(/*/units/unit)"/> 个）</caption>
        <thead>
          <tr>
            <th scope="col">单位代码</th>
            <th scope="col">单位名称</th>
            <th scope="col">类别</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="/*/units/unit">
            <tr>
              <td class="mono"><xsl:value-of select="@code"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="$edit">
                    <form method="post" action="/admin/unitcheck/name" class="rename-form">
                      <xsl:call-template name="csrf"/>
                      <input type="hidden" name="id" value="{@id}"/>
                      <label class="sr-only" for="f-name-{@id}">单位名称（<xsl:value-of select="@code"/>）</label>
                      <input id="f-name-{@id}" name="name" type="text" required="required" maxlength="50">
                        <xsl:attribute name="value">
                          <xsl:choose>
                            <xsl:when test="$fid = @id and /*/form/field[@name = 'name']/@value">
                              <xsl:value-of select="/*/form/field[@name = 'name']/@value"/>
                            </xsl:when>
                            <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
                          </xsl:choose>
                        </xsl:attribute>
                        <xsl:if test="$fid = @id and /*/form/field[@name = 'name']/error">
                          <xsl:attribute name="aria-invalid">true</xsl:attribute>
                          <xsl:attribute name="aria-describedby">e-name-<xsl:value-of select="@id"/></xsl:attribute>
                        </xsl:if>
                      </input>
                      <xsl:text> </xsl:text>
                      <button type="submit" class="btn-small">修改名称</button>
                      <xsl:if test="$fid = @id and /*/form/field[@name = 'name']/error">
                        <p class="error" id="e-name-{@id}"><xsl:value-of select="/*/form/field[@name = 'name']/error"/></p>
                      </xsl:if>
                    </form>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
                </xsl:choose>
              </td>
              <td>
                <xsl:choose>
                  <xsl:when test="@self = '1'">本单位</xsl:when>
                  <xsl:otherwise>下属单位</xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
    <!-- Errors of no row (an id that is none of these units). -->
    <xsl:for-each select="/*/form/field[error][not(@name = 'name' and /*/units/unit/@id = $fid)]">
      <p class="error"><xsl:value-of select="error"/></p>
    </xsl:for-each>
  </xsl:template>

  <!-- The office: counts, a filter and the supervising units. -->
  <xsl:template name="office-list">
    <xsl:variable name="s" select="/*/summary"/>
    <xsl:variable name="list" select="/*/list"/>
    <p class="summary">本辖区共 <strong><xsl:value-of select="$s/@total"/></strong> 个主管单位，已核对 <strong><xsl:value-of select="$s/@confirmed"/></strong> 个，未核对 <strong><xsl:value-of select="$s/@pending"/></strong> 个。</p>
    <form method="get" action="/admin/unitcheck" class="form filter-form">
      <div class="field">
        <label for="f-k">核对情况</label>
        <div class="control">
          <select id="f-k" name="k">
            <xsl:call-template name="k-option"><xsl:with-param name="v" select="'all'"/><xsl:with-param name="t" select="'全部'"/></xsl:call-template>
            <xsl:call-template name="k-option"><xsl:with-param name="v" select="'todo'"/><xsl:with-param name="t" select="'未核对'"/></xsl:call-template>
            <xsl:call-template name="k-option"><xsl:with-param name="v" select="'done'"/><xsl:with-param name="t" select="'已核对'"/></xsl:call-template>
          </select>
        </div>
      </div>
      <div class="buttons"><button type="submit" class="btn">查询</button></div>
    </form>
    <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
      <table class="list">
        <caption>主管单位名称核对情况（<xsl:value-of select="$list/@total"/> 个）</caption>
        <thead>
          <tr>
            <th scope="col">单位代码</th>
            <th scope="col">主管单位名称</th>
            <th scope="col">管理员</th>
            <th scope="col">下属单位数</th>
            <th scope="col">核对情况</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$list/row">
            <tr>
              <td class="mono"><xsl:value-of select="@code"/></td>
              <td><a href="/admin/unitcheck?unit={@id}"><xsl:value-of select="@name"/></a></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@admin"><xsl:value-of select="@admin"/></xsl:when>
                  <xsl:otherwise>（未设置）</xsl:otherwise>
                </xsl:choose>
              </td>
              <td class="num"><xsl:value-of select="@units"/></td>
              <td>
                <xsl:choose>
                  <xsl:when test="@confirmed-at">已核对（<xsl:value-of select="@confirmed-at"/>，<xsl:value-of select="@confirmed-by"/>）</xsl:when>
                  <xsl:otherwise><strong>未核对</strong></xsl:otherwise>
                </xsl:choose>
              </td>
            </tr>
          </xsl:for-each>
          <xsl:if test="not($list/row)">
            <tr><td colspan="5" class="empty">没有符合条件的主管单位。</td></tr>
          </xsl:if>
        </tbody>
      </table>
    </div>
    <xsl:call-template name="pager">
      <xsl:with-param name="list" select="$list"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template name="k-option">
    <xsl:param name="v"/>
    <xsl:param name="t"/>
    <option value="{$v}">
      <xsl:if test="/*/list/@k = $v"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
      <xsl:value-of select="$t"/>
    </option>
  </xsl:template>
</xsl:stylesheet>
