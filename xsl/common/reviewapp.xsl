<?xml version="1.0" encoding="UTF-8"?>
<!--
  reviewapp.xsl: 详情, one application for review (fcgi/pages/review/
  h_detail.c): the candidate, what he entered and uploaded, the rules
  run again with today's policy, the qualified library, the chain, the
  decisions and notes, 容缺后补 with its confirm/re-check form, the staff
  actions (代传资料, 添加身份证号, the city's or province's note), and the
  decision form (POST /review/decide) while it waits at this unit.  Prints without the menu and the form.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'详情'"/>

  <xsl:template name="content">
    <xsl:variable name="a" select="/*/application"/>
    <xsl:variable name="c" select="/*/candidate"/>
    <p class="review-head">
      <strong><xsl:value-of select="$c/@name"/></strong>
      <xsl:text> · </xsl:text><xsl:value-of select="$a/@level-name"/>
      <xsl:text> · </xsl:text><xsl:call-template name="state-name"><xsl:with-param name="s" select="$a/@state"/></xsl:call-template>
      <xsl:if test="$a/@days">
        <xsl:text> · 已等待 </xsl:text><xsl:value-of select="$a/@days"/><xsl:text> 天</xsl:text>
      </xsl:if>
      <xsl:if test="$a/@submitted">
        <xsl:text> · 提交于 </xsl:text><xsl:value-of select="$a/@submitted"/>
      </xsl:if>
    </p>

    <section class="card" aria-labelledby="h-person">
      <h2 id="h-person">报考人员信息</h2>
      <table class="props-table">
        <tr><th scope="row">姓名</th><td><xsl:value-of select="$c/@name"/></td></tr>
        <tr><th scope="row">身份证号</th><td class="mono"><xsl:value-of select="$c/@idno"/></td></tr>
        <tr><th scope="row">手机号</th><td class="mono"><xsl:value-of select="$c/@phone"/></td></tr>
        <tr><th scope="row">性别</th><td><xsl:value-of select="$c/@gender"/></td></tr>
        <tr><th scope="row">出生日期</th><td><xsl:value-of select="$c/@birth"/></td></tr>
        <tr><th scope="row">报名地区</th><td><xsl:value-of select="$c/@region"/></td></tr>
      </table>
    </section>

    <section class="card" aria-labelledby="h-info">
      <h2 id="h-info">报名信息</h2>
      <table class="props-table">
        <xsl:for-each select="$a/info/item">
          <tr><th scope="row"><xsl:value-of select="@label"/></th><td class="pre"><xsl:value-of select="."/></td></tr>
        </xsl:for-each>
      </table>
      <h3>近五年年度考核</h3>
      <xsl:choose>
        <xsl:when test="/*/appraisals/appraisal">
          <table class="props-table">
            <xsl:for-each select="/*/appraisals/appraisal">
              <tr><th scope="row"><xsl:value-of select="@year"/>年</th><td><xsl:value-of select="@name"/></td></tr>
            </xsl:for-each>
          </table>
        </xsl:when>
        <xsl:otherwise><p class="hint">未填写。</p></xsl:otherwise>
      </xsl:choose>
    </section>

    <section class="card" aria-labelledby="h-files">
      <h2 id="h-files">照片和材料</h2>
      <xsl:choose>
        <xsl:when test="/*/materials/material">
          <ul class="materials">
            <xsl:for-each select="/*/materials/material">
              <xsl:variable name="label"><xsl:call-template name="kind-name"/></xsl:variable>
              <li>
                <a href="/files?id={@id}">
                  <xsl:choose>
                    <xsl:when test="@mime = 'image/jpeg'">
                      <img class="thumb" src="/files?id={@id}" alt="{$label}" loading="lazy"/>
                    </xsl:when>
                    <xsl:otherwise><xsl:value-of select="$label"/>（文档）</xsl:otherwise>
                  </xsl:choose>
                </a>
                <span class="file-label"><xsl:value-of select="$label"/>
                  <xsl:if test="@title"><xsl:text>：</xsl:text><xsl:value-of select="@title"/></xsl:if>
                </span>
              </li>
            </xsl:for-each>
          </ul>
          <xsl:if test="$a/@stamped = '1'"><p class="hint">个人照片已添加身份证号。</p></xsl:if>
        </xsl:when>
        <xsl:otherwise><p class="hint">没有上传照片或材料。</p></xsl:otherwise>
      </xsl:choose>
    </section>

    <section class="card" aria-labelledby="h-elig">
      <h2 id="h-elig">资格条件复核（按今日政策）</h2>
      <xsl:choose>
        <xsl:when test="/*/eligibility/@ok = '1' and not(/*/eligibility/rule)">
          <p class="msg msg-ok">符合本年度申报条件。</p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="/*/eligibility/@ok = '1'"><p class="msg msg-ok">符合本年度申报条件，但有以下提示：</p></xsl:if>
          <xsl:if test="/*/eligibility/@ok = '0'"><p class="msg msg-error">不符合本年度申报条件：</p></xsl:if>
          <ul class="rules">
            <xsl:for-each select="/*/eligibility/rule">
              <li class="rule-{@kind}"><xsl:value-of select="@id"/>：<xsl:value-of select="."/></li>
            </xsl:for-each>
          </ul>
        </xsl:otherwise>
      </xsl:choose>
    </section>

    <section class="card" aria-labelledby="h-qual">
      <h2 id="h-qual">往年报考合格库</h2>
      <xsl:choose>
        <xsl:when test="/*/qualified/entry">
          <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
            <table class="list">
              <thead><tr><th scope="col">年度</th><th scope="col">工种</th><th scope="col">等级</th></tr></thead>
              <tbody>
                <xsl:for-each select="/*/qualified/entry">
                  <tr><td><xsl:value-of select="@year"/></td><td><xsl:value-of select="@name"/></td><td><xsl:value-of select="@level-name"/></td></tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="hint">合格库中没有该报考人员的记录。</p></xsl:otherwise>
      </xsl:choose>
    </section>

    <section class="card" aria-labelledby="h-chain">
      <h2 id="h-chain">审核流程与记录</h2>
      <xsl:if test="/*/chain/step">
        <ol class="chain">
          <xsl:for-each select="/*/chain/step">
            <li>
              <xsl:call-template name="level-name"><xsl:with-param name="l" select="@level"/></xsl:call-template>
              <xsl:text>：</xsl:text><xsl:value-of select="@unit"/>
              <xsl:if test="@waiting = '1'"><strong>（当前审核）</strong></xsl:if>
              <xsl:if test="@mine = '1'">（本级）</xsl:if>
            </li>
          </xsl:for-each>
        </ol>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="/*/events/event">
          <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
            <table class="list">
              <thead><tr><th scope="col">时间</th><th scope="col">审核级别</th><th scope="col">单位</th><th scope="col">操作人</th><th scope="col">结果</th><th scope="col">原因</th></tr></thead>
              <tbody>
                <xsl:for-each select="/*/events/event">
                  <tr>
                    <td><xsl:value-of select="@at"/></td>
                    <td><xsl:call-template name="level-name"><xsl:with-param name="l" select="@level"/></xsl:call-template></td>
                    <td><xsl:value-of select="@unit"/></td>
                    <td><xsl:value-of select="@actor"/></td>
                    <td><xsl:call-template name="action-name"><xsl:with-param name="a" select="@action"/></xsl:call-template></td>
                    <td><xsl:value-of select="reason"/></td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="hint">还没有审核记录。</p></xsl:otherwise>
      </xsl:choose>
    </section>

    <xsl:apply-templates select="/*/defer"/>

    <xsl:if test="/*/notes/note">
      <section class="card" aria-labelledby="h-notes">
        <h2 id="h-notes">市级复核意见和省级标记</h2>
        <ul class="notes">
          <xsl:for-each select="/*/notes/note">
            <li>
              <xsl:choose>
                <xsl:when test="@kind = 'city'">市级复核意见</xsl:when>
                <xsl:otherwise>省级标记</xsl:otherwise>
              </xsl:choose>
              <xsl:text>（</xsl:text><xsl:value-of select="@by-unit"/><xsl:text> </xsl:text><xsl:value-of select="@by"/><xsl:text>，</xsl:text><xsl:value-of select="@at"/><xsl:text>）：</xsl:text>
              <span class="pre"><xsl:value-of select="text"/></span>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>

    <xsl:apply-templates select="/*/actions[@upload or @stamp or @note]"/>

    <xsl:apply-templates select="/*/form"/>
  </xsl:template>

  <!-- 容缺后补 while open, with the form this account may post
       (/review/deferred/confirm, /review/deferred/recheck). -->
  <xsl:template match="defer">
    <xsl:variable name="id" select="/*/application/@id"/>
    <section class="card" aria-labelledby="h-defer">
      <h2 id="h-defer">容缺后补</h2>
      <p>状态：<strong><xsl:value-of select="@label"/></strong></p>
      <xsl:if test="string(note) != ''">
        <p class="pre">备注：<xsl:value-of select="note"/></p>
      </xsl:if>
      <xsl:if test="@can = 'confirm'">
        <form method="post" action="/review/deferred/confirm" class="inline-form no-print">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$id}"/>
          <button type="submit" class="btn btn-primary">确认材料已补</button>
        </form>
      </xsl:if>
      <xsl:if test="@can = 'recheck'">
        <form method="post" action="/review/deferred/recheck" class="form no-print">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="id" value="{$id}"/>
          <fieldset class="radios">
            <legend>复核结果<span class="req" aria-hidden="true">*</span></legend>
            <label><input type="radio" name="result" value="ok" required="required"/> 材料齐全</label>
            <label><input type="radio" name="result" value="refuse"/> 材料仍不齐全</label>
          </fieldset>
          <div class="field">
            <label for="f-recheck-reason">复核意见（材料仍不齐全时必填）</label>
            <div class="control">
              <textarea id="f-recheck-reason" name="reason" rows="2" maxlength="500"></textarea>
            </div>
          </div>
          <div class="buttons">
            <button type="submit" class="btn btn-primary">提交复核结果</button>
          </div>
        </form>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- Staff actions: 代传资料, 添加身份证号 (POST /review/stamp), and the
       city's comment or the province's mark (POST /review/note). -->
  <xsl:template match="actions">
    <xsl:variable name="id" select="/*/application/@id"/>
    <section class="card no-print" aria-labelledby="h-actions">
      <h2 id="h-actions">其他操作</h2>
      <p><a href="/review/form.pdf?id={$id}">打印报名表（PDF）</a></p>
      <xsl:if test="@upload or @stamp">
        <div class="buttons">
          <xsl:if test="@upload">
            <a class="btn" href="/review/upload?id={$id}">代传资料</a>
          </xsl:if>
          <xsl:if test="@stamp">
            <form method="post" action="/review/stamp" class="inline-form">
              <xsl:call-template name="csrf"/>
              <input type="hidden" name="id" value="{$id}"/>
              <button type="submit" class="btn">添加身份证号</button>
            </form>
          </xsl:if>
        </div>
      </xsl:if>
      <xsl:if test="@note">
        <form method="post" action="/review/note" class="form">
          <xsl:call-template name="csrf"/>
          <input type="hidden" name="kind" value="{@note}"/>
          <input type="hidden" name="id" value="{$id}"/>
          <div class="field">
            <label for="f-note-text">
              <xsl:choose>
                <xsl:when test="@note = 'city'">市级复核意见</xsl:when>
                <xsl:otherwise>省级标记</xsl:otherwise>
              </xsl:choose>
              <span class="req" aria-hidden="true">*</span>
            </label>
            <div class="control">
              <textarea id="f-note-text" name="text" rows="3" maxlength="500" required="required"></textarea>
            </div>
          </div>
          <div class="buttons">
            <button type="submit" class="btn btn-primary">保存</button>
          </div>
        </form>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- The decision form (POST /review/decide). -->
  <xsl:template match="form">
    <xsl:variable name="f" select="."/>
    <xsl:variable name="act" select="string(field[@name = 'action']/@value)"/>
    <section class="card decide no-print" aria-labelledby="h-decide">
      <h2 id="h-decide">审核</h2>
      <xsl:call-template name="form-message"/>
      <form method="post" action="{@action}" class="form">
        <xsl:call-template name="csrf"/>
        <input type="hidden" name="id" value="{field[@name = 'id']/@value}"/>
        <input type="hidden" name="version" value="{field[@name = 'version']/@value}"/>
        <input type="hidden" name="next" value="{field[@name = 'next']/@value}"/>
        <fieldset class="radios" id="f-action">
          <legend>审核结果<span class="req" aria-hidden="true">*</span></legend>
          <label><input type="radio" name="action" value="pass" required="required"><xsl:if test="$act = 'pass'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input> 通过</label>
          <label><input type="radio" name="action" value="return"><xsl:if test="$act = 'return'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input> 退回本人（报考人员修改后重新提交）</label>
          <label><input type="radio" name="action" value="reject"><xsl:if test="$act = 'reject'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input> 不通过（终止本年度申报）</label>
          <xsl:if test="field[@name = 'action']/error">
            <p class="error"><xsl:value-of select="field[@name = 'action']/error"/></p>
          </xsl:if>
        </fieldset>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'reason'"/>
          <xsl:with-param name="label" select="'原因'"/>
          <xsl:with-param name="required" select="false()"/>
          <xsl:with-param name="maxlength" select="'500'"/>
          <xsl:with-param name="list" select="'reasons'"/>
          <xsl:with-param name="hint" select="'退回本人和不通过须填写原因；可从常用原因中选择，也可直接输入。'"/>
        </xsl:call-template>
        <datalist id="reasons">
          <xsl:for-each select="/*/reasons/reason">
            <option value="{.}"/>
          </xsl:for-each>
        </datalist>
        <fieldset class="radios">
          <legend>材料是否容缺后补</legend>
          <label><input type="radio" name="defer" value="0"><xsl:if test="field[@name = 'defer']/@value != '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input> 否</label>
          <label><input type="radio" name="defer" value="1"><xsl:if test="field[@name = 'defer']/@value = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input> 是</label>
        </fieldset>
        <div class="field">
          <label for="f-defer_note">容缺后补材料备注</label>
          <div class="control">
            <textarea id="f-defer_note" name="defer_note" rows="3" maxlength="500"><xsl:value-of select="field[@name = 'defer_note']/@value"/></textarea>
          </div>
          <xsl:if test="field[@name = 'defer_note']/error">
            <p class="error"><xsl:value-of select="field[@name = 'defer_note']/error"/></p>
          </xsl:if>
        </div>
        <div class="buttons">
          <button type="submit" class="btn btn-primary">提交审核结果</button>
        </div>
      </form>
    </section>
  </xsl:template>

  <xsl:template name="state-name">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s = 'submitted'">审核中</xsl:when>
      <xsl:when test="$s = 'returned'">已退回本人</xsl:when>
      <xsl:when test="$s = 'rejected'">审核不通过</xsl:when>
      <xsl:when test="$s = 'approved'">终审通过</xsl:when>
      <xsl:when test="$s = 'cancelled'">填报虚假信息，已取消</xsl:when>
      <xsl:otherwise>未提交</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="level-name">
    <xsl:param name="l"/>
    <xsl:choose>
      <xsl:when test="$l = 'candidate'">报考人员</xsl:when>
      <xsl:when test="$l = 'unit'">本单位</xsl:when>
      <xsl:when test="$l = 'supervising'">主管单位</xsl:when>
      <xsl:when test="$l = 'county'">县区工考办</xsl:when>
      <xsl:when test="$l = 'city'">市工考办</xsl:when>
      <xsl:when test="$l = 'province'">省工考办</xsl:when>
      <xsl:otherwise><xsl:value-of select="$l"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="action-name">
    <xsl:param name="a"/>
    <xsl:choose>
      <xsl:when test="$a = 'submit'">提交</xsl:when>
      <xsl:when test="$a = 'pass'">审核通过</xsl:when>
      <xsl:when test="$a = 'final'">终审通过</xsl:when>
      <xsl:when test="$a = 'return'">退回本人</xsl:when>
      <xsl:when test="$a = 'reject'">不通过</xsl:when>
      <xsl:when test="$a = 'reapply'">退回重新申报</xsl:when>
      <xsl:when test="$a = 'defer'">容缺后补</xsl:when>
      <xsl:when test="$a = 'supplied'">材料已补</xsl:when>
      <xsl:when test="$a = 'confirm'">确认材料已补</xsl:when>
      <xsl:when test="$a = 'recheck'">复核</xsl:when>
      <xsl:when test="$a = 'false'">填报虚假信息</xsl:when>
      <xsl:when test="$a = 'lift'">解除虚假信息标记</xsl:when>
      <xsl:when test="$a = 'revoke'">撤销注册（他人冒用身份证号）</xsl:when>
      <xsl:otherwise><xsl:value-of select="$a"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="kind-name">
    <xsl:choose>
      <xsl:when test="@kind = 'photo'">个人照片</xsl:when>
      <xsl:when test="@kind = 'idcard'">身份证照片</xsl:when>
      <xsl:when test="@kind = 'material'">报名资料</xsl:when>
      <xsl:when test="@kind = 'r19proof'">现岗位工种证明材料</xsl:when>
      <xsl:when test="@kind = 'exc_evidence'">破格晋升证明材料</xsl:when>
      <xsl:when test="@kind = 'l1_form'">考评申报表</xsl:when>
      <xsl:when test="@kind = 'l1_cert'">二级（技师）证书</xsl:when>
      <xsl:when test="@kind = 'l1_other'">其它申报材料</xsl:when>
      <xsl:when test="@kind = 'l1_salary'">最近工资审批表</xsl:when>
      <xsl:when test="@kind = 'l1_appraisal'">年度考核优秀材料</xsl:when>
      <xsl:when test="@kind = 'document'">电子文档</xsl:when>
      <xsl:otherwise><xsl:value-of select="@kind"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
