<?xml version="1.0" encoding="UTF-8"?>
<!--
  canapply.xsl: 我能报哪一级 (h_canapply.c, schema/xml/canapply.rng).
  A GET form that works without JavaScript; with go=1 and no errors the
  document has <answer>: <common> reasons that hold whatever is asked
  for, and an <option> per level and route (ok 1/0, its <reason>s).
  The answer comes first on the page, the questions after it, so a
  phone shows the verdict without scrolling.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'我能报哪一级'"/>
  <xsl:variable name="ans" select="/*/answer"/>
  <xsl:variable name="cur" select="number(/*/form/field[@name = 'cur_level']/@value)"/>

  <xsl:template name="content">
    <p class="lead">回答下面几个问题，系统按<xsl:value-of select="/*/@year"/>年度的报名条件（与提交报名时的审核规则完全相同）告诉您可以申报哪一级、按哪种方式申报；不符合的，说明原因。本页不保存您填写的任何信息。</p>
    <xsl:if test="$ans">
      <xsl:call-template name="answer"/>
    </xsl:if>
    <xsl:call-template name="questions"/>
    <section class="card">
      <h2>说明</h2>
      <ul>
        <li>年龄、工作年限、等级取得年限均按“报考年度减相应年份”计算。</li>
        <li>年度考核等次不影响能否报名，但报名时须如实填写近五年的考核等次。</li>
        <li>破格（一线）人员须由县区及以上工考办在“补报（含破格）”中录入，录入后不受以上条件限制，请咨询当地工考办。</li>
        <li>各项条件的完整说明见<a href="/help/policy">政策说明</a>；有疑问请拨打<a href="/help/phones">咨询电话</a>。</li>
      </ul>
    </section>
  </xsl:template>

  <xsl:template name="answer">
    <section class="card canapply-answer" id="answer" aria-labelledby="h-answer">
      <h2 id="h-answer">查询结果</h2>
      <xsl:choose>
        <xsl:when test="$ans/option[@ok = '1']">
          <p class="verdict verdict-yes"><strong>
            <xsl:text>您可以申报：</xsl:text>
            <xsl:for-each select="$ans/option[@ok = '1']">
              <xsl:if test="position() &gt; 1">；</xsl:if>
              <xsl:value-of select="@level-name"/>
              <xsl:if test="@route-name">（<xsl:value-of select="@route-name"/>）</xsl:if>
            </xsl:for-each>
          </strong></p>
        </xsl:when>
        <xsl:otherwise>
          <p class="verdict verdict-no"><strong>按您填写的情况，本年度没有可以申报的等级。</strong></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$ans/common/reason">
        <div class="msg msg-error" role="alert">
          <p>以下情况对所有等级都适用：</p>
          <ul>
            <xsl:for-each select="$ans/common/reason">
              <li><xsl:value-of select="."/></li>
            </xsl:for-each>
          </ul>
        </div>
      </xsl:if>
      <ul class="options">
        <xsl:for-each select="$ans/option">
          <li class="option option-{@ok}">
            <h3>
              <xsl:value-of select="@level-name"/>
              <xsl:if test="@route-name">
                <span class="route"><xsl:value-of select="@route-name"/></span>
              </xsl:if>
              <xsl:text> </xsl:text>
              <span class="tag-{@ok}">
                <xsl:choose>
                  <xsl:when test="@ok = '1'">可以申报</xsl:when>
                  <xsl:otherwise>不能申报</xsl:otherwise>
                </xsl:choose>
              </span>
            </h3>
            <xsl:if test="$cur &gt; 0 and number(@level) &gt; $cur">
              <p class="hint">低于您的现岗位等级。</p>
            </xsl:if>
            <xsl:if test="reason or @common">
              <ul class="reasons">
                <xsl:for-each select="reason">
                  <li><xsl:value-of select="."/></li>
                </xsl:for-each>
                <xsl:if test="@common">
                  <li>见上方对所有等级都适用的情况。</li>
                </xsl:if>
              </ul>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
      <xsl:if test="/*/meta/role = 'anon'">
        <p class="buttons"><a class="btn btn-primary" href="/register/notice">去注册报名</a></p>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="questions">
    <section class="card" aria-labelledby="h-q">
      <h2 id="h-q">
        <xsl:choose>
          <xsl:when test="$ans">修改条件后重新查询</xsl:when>
          <xsl:otherwise>请回答以下问题</xsl:otherwise>
        </xsl:choose>
      </h2>
      <form method="get" action="/canapply" class="form canapply-form" novalidate="novalidate">
        <xsl:call-template name="form-message"/>
        <fieldset class="field">
          <xsl:if test="/*/form/field[@name = 'gender']/error">
            <xsl:attribute name="class">field has-error</xsl:attribute>
          </xsl:if>
          <legend>性别<span class="req" aria-hidden="true">*</span></legend>
          <xsl:call-template name="radio"><xsl:with-param name="name" select="'gender'"/><xsl:with-param name="value" select="'M'"/><xsl:with-param name="label" select="'男'"/></xsl:call-template>
          <xsl:call-template name="radio"><xsl:with-param name="name" select="'gender'"/><xsl:with-param name="value" select="'F'"/><xsl:with-param name="label" select="'女'"/></xsl:call-template>
          <xsl:call-template name="field-notes">
            <xsl:with-param name="id" select="'f-gender'"/>
            <xsl:with-param name="f" select="/*/form/field[@name = 'gender']"/>
          </xsl:call-template>
        </fieldset>
        <xsl:call-template name="year-input"><xsl:with-param name="name" select="'birth_year'"/><xsl:with-param name="label" select="'出生年份'"/><xsl:with-param name="hint" select="'四位数字，如1975'"/></xsl:call-template>
        <xsl:call-template name="year-input"><xsl:with-param name="name" select="'work_start_year'"/><xsl:with-param name="label" select="'参加工作年份'"/><xsl:with-param name="hint" select="'四位数字，如1995'"/></xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'work_years'"/>
          <xsl:with-param name="label" select="'工作年限（年）'"/>
          <xsl:with-param name="required" select="false()"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
          <xsl:with-param name="maxlength" select="'2'"/>
          <xsl:with-param name="hint" select="'可不填：不填按“报考年度－参加工作年份＋1”计算，只能往下改'"/>
        </xsl:call-template>
        <xsl:call-template name="select-field">
          <xsl:with-param name="name" select="'cur_level'"/>
          <xsl:with-param name="label" select="'现岗位等级'"/>
          <xsl:with-param name="options" select="/*/levels/level | /*/levels"/>
          <xsl:with-param name="hint" select="'没有机关事业单位工勤技能岗位等级证书的，请选“未定级”'"/>
        </xsl:call-template>
        <xsl:call-template name="year-input"><xsl:with-param name="name" select="'cur_level_year'"/><xsl:with-param name="label" select="'现等级取得年份'"/><xsl:with-param name="hint" select="'未定级的不填'"/><xsl:with-param name="required" select="false()"/></xsl:call-template>
        <xsl:call-template name="select-field">
          <xsl:with-param name="name" select="'cur_worktype'"/>
          <xsl:with-param name="label" select="'现岗位工种'"/>
          <xsl:with-param name="options" select="/*/worktypes/worktype"/>
          <xsl:with-param name="required" select="false()"/>
          <xsl:with-param name="empty" select="'无（未定级）'"/>
        </xsl:call-template>
        <xsl:call-template name="select-field">
          <xsl:with-param name="name" select="'target_worktype'"/>
          <xsl:with-param name="label" select="'申报岗位工种'"/>
          <xsl:with-param name="options" select="/*/worktypes/worktype[@status = 'current']"/>
          <xsl:with-param name="required" select="false()"/>
          <xsl:with-param name="empty" select="'与现岗位工种相同'"/>
        </xsl:call-template>
        <xsl:call-template name="select-field">
          <xsl:with-param name="name" select="'education'"/>
          <xsl:with-param name="label" select="'文化程度'"/>
          <xsl:with-param name="options" select="/*/educations/education"/>
        </xsl:call-template>
        <fieldset class="field">
          <xsl:if test="/*/form/field[@name = 'prohibited']/error">
            <xsl:attribute name="class">field has-error</xsl:attribute>
          </xsl:if>
          <legend>是否存在禁止申报情形（如目前在处分期内、被立案尚未结案等）</legend>
          <xsl:call-template name="radio"><xsl:with-param name="name" select="'prohibited'"/><xsl:with-param name="value" select="'no'"/><xsl:with-param name="label" select="'否'"/><xsl:with-param name="default" select="true()"/></xsl:call-template>
          <xsl:call-template name="radio"><xsl:with-param name="name" select="'prohibited'"/><xsl:with-param name="value" select="'yes'"/><xsl:with-param name="label" select="'是'"/></xsl:call-template>
          <xsl:call-template name="field-notes">
            <xsl:with-param name="id" select="'f-prohibited'"/>
            <xsl:with-param name="f" select="/*/form/field[@name = 'prohibited']"/>
          </xsl:call-template>
        </fieldset>
        <div class="buttons">
          <button type="submit" class="btn btn-primary" name="go" value="1">查询</button>
        </div>
      </form>
    </section>
  </xsl:template>

  <!-- A year typed as four digits (the number keypad on a phone). -->
  <xsl:template name="year-input">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="hint"/>
    <xsl:param name="required" select="true()"/>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="$name"/>
      <xsl:with-param name="label" select="$label"/>
      <xsl:with-param name="required" select="$required"/>
      <xsl:with-param name="inputmode" select="'numeric'"/>
      <xsl:with-param name="maxlength" select="'4'"/>
      <xsl:with-param name="hint" select="$hint"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="radio">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:param name="label"/>
    <xsl:param name="default" select="false()"/>
    <xsl:variable name="v" select="string(/*/form/field[@name = $name]/@value)"/>
    <label class="radio">
      <input type="radio" name="{$name}" value="{$value}">
        <xsl:if test="$v = $value or ($v = '' and $default)">
          <xsl:attribute name="checked">checked</xsl:attribute>
        </xsl:if>
      </input>
      <xsl:text> </xsl:text>
      <xsl:value-of select="$label"/>
    </label>
  </xsl:template>

  <!-- 未定级 first, then the five levels lowest first. -->
  <xsl:template match="levels" mode="option">
    <xsl:param name="selected"/>
    <xsl:call-template name="option">
      <xsl:with-param name="value" select="'0'"/>
      <xsl:with-param name="label" select="'未定级'"/>
      <xsl:with-param name="selected" select="$selected"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="worktype" mode="option">
    <xsl:param name="selected"/>
    <xsl:call-template name="option">
      <xsl:with-param name="value" select="string(@code)"/>
      <xsl:with-param name="label">
        <xsl:value-of select="@name"/>
        <xsl:if test="@status = 'merged'">（已合并）</xsl:if>
        <xsl:if test="@status = 'cancelled'">（已取消）</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="selected" select="$selected"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="education" mode="option">
    <xsl:param name="selected"/>
    <xsl:call-template name="option">
      <xsl:with-param name="value" select="string(@code)"/>
      <xsl:with-param name="label" select="string(@name)"/>
      <xsl:with-param name="selected" select="$selected"/>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
