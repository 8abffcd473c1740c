<?xml version="1.0" encoding="UTF-8"?>
<!--
  candidate/result.xsl: 考核结果 (seed 000 §7, SPEC §3.7; h_result.c,
  schema/xml/result.rng).  <seat> names the candidate (ID number masked)
  and the ticket; <outcome state>: none (no seat), closed (outside the
  result window), unpublished, noresult, pass (考核通过 alone, as the
  seed), fail (考核不通过 with the scores and the pass lines); <recheck>
  the 复核 request and its answer, or its form while it may be asked.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="../common/widgets.xsl"/>

  <xsl:variable name="title" select="'考核结果'"/>
  <xsl:variable name="o" select="/*/outcome"/>
  <xsl:variable name="k" select="/*/recheck"/>

  <xsl:template name="content">
    <xsl:variable name="s" select="/*/seat"/>
    <xsl:if test="/*/form and not($k/@state = 'open')">
      <xsl:call-template name="form-message"/>
    </xsl:if>
    <xsl:if test="$s">
      <section class="card result-who" aria-labelledby="h-who">
        <h2 id="h-who">考生信息</h2>
        <dl class="facts">
          <dt>姓名</dt><dd><xsl:value-of select="$s/@name"/></dd>
          <dt>身份证号</dt><dd class="mono"><xsl:value-of select="$s/@idno"/></dd>
          <dt>准考证号</dt><dd class="mono"><xsl:value-of select="$s/@ticket"/></dd>
          <xsl:if test="$s/@level-name">
            <dt>报考等级</dt><dd><xsl:value-of select="$s/@level-name"/></dd>
          </xsl:if>
          <xsl:if test="$s/@worktype">
            <dt>报考工种</dt><dd><xsl:value-of select="$s/@worktype"/></dd>
          </xsl:if>
        </dl>
      </section>
    </xsl:if>
    <section class="card result-outcome" aria-labelledby="h-outcome">
      <h2 id="h-outcome">本年度考核结果</h2>
      <xsl:choose>
        <xsl:when test="$o/@state = 'none'">
          <p class="msg msg-info" role="status">您本年度没有考场座位（准考证），没有考核结果。终审通过并按要求缴费的考生，由所在地区工考办编排考场后方可参加考核。</p>
        </xsl:when>
        <xsl:when test="$o/@state = 'closed'">
          <p class="msg msg-info" role="status">
            <xsl:choose>
              <xsl:when test="/*/window/@starts">考核结果查询时间为<xsl:value-of select="/*/window/@starts"/>至<xsl:value-of select="/*/window/@ends"/>，当前不在查询时间内。</xsl:when>
              <xsl:otherwise>本年度考核结果查询时间尚未公布，请留意通知。</xsl:otherwise>
            </xsl:choose>
          </p>
        </xsl:when>
        <xsl:when test="$o/@state = 'unpublished'">
          <p class="msg msg-info" role="status">您所在考试地区的考核结果尚未公布，请耐心等待。</p>
        </xsl:when>
        <xsl:when test="$o/@state = 'noresult'">
          <p class="msg msg-info" role="status">考核结果已公布，但没有您的成绩记录。如有疑问，请联系所在地区工考办。</p>
        </xsl:when>
        <xsl:when test="$o/@state = 'pass'">
          <p class="result-verdict result-pass">考核通过</p>
          <p class="hint">考核结果公布于<xsl:value-of select="$o/@published"/>。</p>
        </xsl:when>
        <xsl:otherwise>
          <p class="result-verdict result-fail">考核不通过</p>
          <xsl:call-template name="scores"/>
          <p class="hint">考核结果公布于<xsl:value-of select="$o/@published"/>。如还有疑问，请电联相关审核部门。</p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:if test="$k"><xsl:call-template name="recheck"/></xsl:if>
  </xsl:template>

  <!-- The scores beside the lines. -->
  <xsl:template name="scores">
    <div class="table-wrap" tabindex="0" role="region" aria-label="成绩与合格线">
      <table class="list result-scores">
        <caption>成绩与合格线</caption>
        <thead>
          <tr><th scope="col">科目</th><th scope="col">本人成绩</th><th scope="col">合格线</th></tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">理论知识</th>
            <td><xsl:call-template name="score"><xsl:with-param name="v" select="$o/@theory"/></xsl:call-template></td>
            <td><xsl:value-of select="$o/@line-theory"/></td>
          </tr>
          <tr>
            <th scope="row">操作技能</th>
            <td><xsl:call-template name="score"><xsl:with-param name="v" select="$o/@skill"/></xsl:call-template></td>
            <td><xsl:value-of select="$o/@line-skill"/></td>
          </tr>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template name="score">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="$o/@absent">缺考</xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 复核: the request and its answer, or the form. -->
  <xsl:template name="recheck">
    <section class="card result-recheck" aria-labelledby="h-recheck">
      <h2 id="h-recheck">申请复核</h2>
      <xsl:choose>
        <xsl:when test="$k/@state = 'asked' or $k/@state = 'answered'">
          <dl class="facts">
            <dt>申请时间</dt><dd><xsl:value-of select="$k/@asked"/></dd>
            <dt>申请理由</dt><dd class="pre"><xsl:value-of select="$k/reason"/></dd>
            <dt>处理情况</dt>
            <dd>
              <xsl:choose>
                <xsl:when test="$k/@state = 'answered'">已于<xsl:value-of select="$k/@answered"/>答复<xsl:if test="$k/@changed">（成绩已更正，上方为更正后的成绩）</xsl:if></xsl:when>
                <xsl:otherwise>已申请，等待答复</xsl:otherwise>
              </xsl:choose>
            </dd>
            <xsl:if test="$k/answer">
              <dt>复核答复</dt><dd class="pre"><xsl:value-of select="$k/answer"/></dd>
            </xsl:if>
          </dl>
        </xsl:when>
        <xsl:when test="$k/@state = 'late'">
          <p class="msg msg-info" role="status">复核须在考核结果公布后<xsl:value-of select="$k/@days"/>天内（<xsl:value-of select="$k/@deadline"/>前）申请，申请期限已过。</p>
        </xsl:when>
        <xsl:when test="/*/form">
          <p>对成绩有异议的，可在考核结果公布后<xsl:value-of select="$k/@days"/>天内（<xsl:value-of select="$k/@deadline"/>前）申请复核一次。</p>
          <form method="post" action="/result/recheck" class="form">
            <xsl:call-template name="csrf"/>
            <xsl:call-template name="form-message"/>
            <xsl:variable name="f" select="/*/form/field[@name = 'reason']"/>
            <div class="field">
              <xsl:if test="$f/error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
              <label for="f-reason">申请理由<span class="req" aria-hidden="true">*</span></label>
              <div class="control">
                <textarea id="f-reason" name="reason" rows="4" maxlength="200" required="required">
                  <xsl:call-template name="described">
                    <xsl:with-param name="id" select="'f-reason'"/>
                    <xsl:with-param name="f" select="$f"/>
                    <xsl:with-param name="hint" select="'不超过200个字'"/>
                  </xsl:call-template>
                  <xsl:value-of select="$f/@value"/>
                </textarea>
              </div>
              <xsl:call-template name="field-notes">
                <xsl:with-param name="id" select="'f-reason'"/>
                <xsl:with-param name="f" select="$f"/>
                <xsl:with-param name="hint" select="'不超过200个字'"/>
              </xsl:call-template>
            </div>
            <div class="buttons"><button type="submit" class="btn btn-primary">提交复核申请</button></div>
          </form>
        </xsl:when>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
