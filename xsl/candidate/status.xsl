<?xml version="1.0" encoding="UTF-8"?>
<!--
  candidate/status.xsl: 审核结果 (SPEC.md §3.5, seed 000 §4).

  The document (schema/xml/status.rng): <current state label level
  level-name/>, optional <application/>, <contact/>, <decision/> (the
  return or rejection: level, reason, phone), <chain><step/></chain> and
  <events><event/></events>.  A returned application "pops up" its
  reason without script: a prominent role="alertdialog" box first on
  the page with the link to the form; a rejected one says it is final
  for the year and whom to call.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="../common/widgets.xsl"/>

  <xsl:variable name="title" select="'审核结果'"/>
  <xsl:variable name="cur" select="/*/current"/>
  <xsl:variable name="app" select="/*/application"/>
  <xsl:variable name="dec" select="/*/decision"/>

  <xsl:template name="content">
    <xsl:choose>
      <xsl:when test="$cur/@state = 'returned'">
        <xsl:call-template name="returned"/>
      </xsl:when>
      <xsl:when test="$cur/@state = 'rejected'">
        <xsl:call-template name="rejected"/>
      </xsl:when>
      <xsl:when test="$cur/@state = 'cancelled'">
        <xsl:call-template name="cancelled"/>
      </xsl:when>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="$cur/@state = 'none' or not($app)">
        <section class="card status-none">
          <h2>当前审核状态</h2>
          <p class="status-label">未填报</p>
          <p>您还没有填写报名信息。请在注册报名时间内填写报名信息并提交，提交后可在本页查看审核进度。</p>
          <p class="buttons"><a class="btn btn-primary" href="/apply">填写报名信息</a></p>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="summary"/>
        <xsl:if test="/*/defer">
          <xsl:call-template name="defer"/>
        </xsl:if>
        <xsl:call-template name="chain"/>
        <xsl:call-template name="events"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 容缺后补: the note and the upload of the missing material
       (POST /apply/upload takes it while the unit has not confirmed). -->
  <xsl:template name="defer">
    <section class="card status-defer" aria-labelledby="defer-h">
      <h2 id="defer-h">容缺后补</h2>
      <p class="status-label"><xsl:value-of select="/*/defer/@label"/></p>
      <p>审核单位同意您的报名材料容缺后补，请按以下备注补充上传材料；补传后由单位管理员确认，再经县区及以上工考办复核，复核通过前不能打印准考证。</p>
      <p class="note"><strong>备注：</strong><xsl:value-of select="/*/defer/note"/></p>
      <form class="form" method="post" action="/apply/upload"
          enctype="multipart/form-data" data-upload-max="{/*/meta/upload-limit/@bytes}">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="select-field">
          <xsl:with-param name="name" select="'kind'"/>
          <xsl:with-param name="label" select="'资料类别'"/>
          <xsl:with-param name="options" select="/*/defer/kinds/kind"/>
          <xsl:with-param name="id" select="'defer-kind'"/>
        </xsl:call-template>
        <xsl:if test="/*/defer/kinds/kind[@document = '1']">
          <xsl:call-template name="field">
            <xsl:with-param name="name" select="'title'"/>
            <xsl:with-param name="label" select="'文档标题'"/>
            <xsl:with-param name="id" select="'defer-title'"/>
            <xsl:with-param name="required" select="false()"/>
            <xsl:with-param name="maxlength" select="'50'"/>
            <xsl:with-param name="hint" select="'仅电子文档需填写：1至50个字，文档以标题命名。'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'file'"/>
          <xsl:with-param name="label" select="'选择文件'"/>
          <xsl:with-param name="type" select="'file'"/>
          <xsl:with-param name="id" select="'defer-file'"/>
          <xsl:with-param name="accept" select="'image/jpeg,.jpg,.jpeg,.doc,.docx'"/>
          <xsl:with-param name="hint">
            <xsl:text>图片为jpg格式</xsl:text>
            <xsl:call-template name="upload-limit-text">
              <xsl:with-param name="prefix" select="'，'"/>
            </xsl:call-template>
            <xsl:text>，一次选择一个文件。</xsl:text>
          </xsl:with-param>
        </xsl:call-template>
        <div class="buttons"><button type="submit" class="btn btn-primary">上传</button></div>
      </form>
    </section>
  </xsl:template>

  <!-- A phone number as a link a phone can call. -->
  <xsl:template name="phone">
    <xsl:param name="p"/>
    <a class="phone" href="tel:{translate($p, ' ', '')}"><xsl:value-of select="$p"/></a>
  </xsl:template>

  <!-- 退回本人: the reason, first on the page, with the way back. -->
  <xsl:template name="returned">
    <div class="msg msg-warn status-alert" role="alertdialog"
        aria-labelledby="status-alert-title" aria-describedby="status-alert-reason">
      <h2 id="status-alert-title">您的报名信息已被退回</h2>
      <p id="status-alert-reason">
        <strong>退回原因：</strong>
        <xsl:choose>
          <xsl:when test="string($dec/@reason) != ''"><xsl:value-of select="$dec/@reason"/></xsl:when>
          <xsl:otherwise>审核人员未填写原因，请电话咨询。</xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:if test="$dec/@level-name">
        <p>
          <xsl:text>退回：</xsl:text>
          <xsl:value-of select="$dec/@level-name"/>
          <xsl:if test="$dec/@unit">（<xsl:value-of select="$dec/@unit"/>）</xsl:if>
          <xsl:if test="$dec/@at"><xsl:text> </xsl:text><xsl:value-of select="$dec/@at"/></xsl:if>
          <xsl:if test="$dec/@phone">
            <xsl:text>，办公室电话：</xsl:text>
            <xsl:call-template name="phone"><xsl:with-param name="p" select="$dec/@phone"/></xsl:call-template>
          </xsl:if>
        </p>
      </xsl:if>
      <p>请按退回原因修改报名信息后重新提交，重新提交后将从第一级重新审核。</p>
      <p class="buttons"><a class="btn btn-primary" href="/apply">修改报名信息</a></p>
    </div>
  </xsl:template>

  <!-- 审核不通过: final for the year; whom to call. -->
  <xsl:template name="rejected">
    <div class="msg msg-error status-alert" role="alert">
      <h2>审核不通过</h2>
      <p>
        <strong>不通过原因：</strong>
        <xsl:choose>
          <xsl:when test="string($dec/@reason) != ''"><xsl:value-of select="$dec/@reason"/></xsl:when>
          <xsl:otherwise>审核人员未填写原因，请电话咨询。</xsl:otherwise>
        </xsl:choose>
      </p>
      <p>审核人员认为您不符合本年度报考条件，本年度申报终止，报名信息不能再修改提交。</p>
      <p>
        <xsl:text>如有异议，请电话咨询审核人员</xsl:text>
        <xsl:if test="$dec/@phone">
          <xsl:text>（</xsl:text>
          <xsl:value-of select="$dec/@level-name"/>
          <xsl:text>办公室电话：</xsl:text>
          <xsl:call-template name="phone"><xsl:with-param name="p" select="$dec/@phone"/></xsl:call-template>
          <xsl:text>）</xsl:text>
        </xsl:if>
        <xsl:text>。若沟通后认定符合报考条件但需要修改报名信息，需由审核人员将申请退回本人后，方可修改提交。</xsl:text>
      </p>
    </div>
  </xsl:template>

  <!-- 填报虚假信息: cancelled for the year, barred for two more. -->
  <xsl:template name="cancelled">
    <div class="msg msg-error status-alert" role="alert">
      <h2>报名已取消</h2>
      <p>
        <strong>认定原因：</strong>
        <xsl:value-of select="$dec/@reason"/>
      </p>
      <p>您的报名信息经审核认定填报虚假信息，本年度报名已取消，且今后两年内不得报名（见首页站内消息）。</p>
      <xsl:if test="$dec/@phone">
        <p>
          <xsl:text>如有异议，请电话咨询</xsl:text>
          <xsl:value-of select="$dec/@level-name"/>
          <xsl:text>：</xsl:text>
          <xsl:call-template name="phone"><xsl:with-param name="p" select="$dec/@phone"/></xsl:call-template>
          <xsl:text>。</xsl:text>
        </p>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- 当前审核状态 and what was applied for. -->
  <xsl:template name="summary">
    <section class="card status-current">
      <h2>当前审核状态</h2>
      <p class="status-label state-{$cur/@state}"><strong><xsl:value-of select="$cur/@label"/></strong></p>
      <xsl:choose>
        <xsl:when test="$cur/@state = 'draft'">
          <p class="hint">报名信息尚未提交，审核人员还看不到。请在注册报名时间内填写完整并提交。</p>
          <p class="buttons"><a class="btn btn-primary" href="/apply">继续填写报名信息</a></p>
        </xsl:when>
        <xsl:when test="$cur/@state = 'approved'">
          <p class="hint">您的报名已通过终审。请留意缴费、准考证打印等后续通知。</p>
          <p class="buttons"><a class="btn" href="/apply/form.pdf">打印报名表（PDF）</a></p>
        </xsl:when>
        <xsl:when test="$cur/@state = 'submitted' or $cur/@state = 'reviewing'">
          <p class="hint">报名信息已提交，审核期间不能修改。如审核人员退回，本页会显示退回原因，届时可修改后重新提交。</p>
          <p class="buttons"><a class="btn" href="/apply/form.pdf">打印报名表（PDF）</a></p>
          <p class="hint">报名表打印后请本人签字，交所在单位审核盖章。</p>
        </xsl:when>
      </xsl:choose>
      <dl class="props">
        <xsl:if test="$app/@unit">
          <dt>报名单位</dt><dd><xsl:value-of select="$app/@unit"/></dd>
        </xsl:if>
        <xsl:if test="$app/@worktype">
          <dt>申报工种</dt><dd><xsl:value-of select="$app/@worktype"/></dd>
        </xsl:if>
        <xsl:if test="$app/@level-name">
          <dt>申报等级</dt><dd><xsl:value-of select="$app/@level-name"/></dd>
        </xsl:if>
        <xsl:if test="$app/@submitted">
          <dt>提交时间</dt><dd><xsl:value-of select="$app/@submitted"/></dd>
        </xsl:if>
        <xsl:for-each select="/*/contact">
          <dt>审核单位</dt>
          <dd>
            <xsl:value-of select="@level-name"/>
            <xsl:if test="@unit">：<xsl:value-of select="@unit"/></xsl:if>
          </dd>
          <xsl:if test="@phone">
            <dt>办公室电话</dt>
            <dd><xsl:call-template name="phone"><xsl:with-param name="p" select="@phone"/></xsl:call-template></dd>
          </xsl:if>
        </xsl:for-each>
      </dl>
    </section>
  </xsl:template>

  <!-- The levels the application goes through. -->
  <xsl:template name="chain">
    <xsl:if test="/*/chain/step">
      <ol class="steps status-chain" aria-label="审核流程">
        <li class="done">本人提交</li>
        <xsl:for-each select="/*/chain/step">
          <li>
            <xsl:if test="@state != 'todo'">
              <xsl:attribute name="class"><xsl:value-of select="@state"/></xsl:attribute>
            </xsl:if>
            <xsl:if test="@state = 'current'">
              <xsl:attribute name="aria-current">step</xsl:attribute>
            </xsl:if>
            <xsl:value-of select="@level-name"/>
            <xsl:text>审核</xsl:text>
          </li>
        </xsl:for-each>
      </ol>
    </xsl:if>
  </xsl:template>

  <!-- 审核详情: one entry per event, oldest first and numbered as the seed shows. -->
  <xsl:template name="events">
    <section class="card status-events">
      <h2>审核详情</h2>
      <xsl:choose>
        <xsl:when test="not(/*/events/event)">
          <p class="hint">暂无审核记录。</p>
        </xsl:when>
        <xsl:otherwise>
          <ol class="timeline">
            <xsl:for-each select="/*/events/event">
              <li class="event event-{@action}">
                <h3 class="event-title">
                  <xsl:choose>
                    <xsl:when test="@action = 'submit'">已提交</xsl:when>
                    <xsl:when test="@level = 'candidate'"><xsl:value-of select="@action-name"/></xsl:when>
                    <xsl:otherwise>
                      <xsl:value-of select="@level-name"/>
                      <xsl:text>审核</xsl:text>
                      <xsl:value-of select="@action-name"/>
                    </xsl:otherwise>
                  </xsl:choose>
                </h3>
                <dl class="props">
                  <xsl:if test="@actor">
                    <dt>
                      <xsl:choose>
                        <xsl:when test="@level = 'candidate'">提交人</xsl:when>
                        <xsl:otherwise>审核人</xsl:otherwise>
                      </xsl:choose>
                    </dt>
                    <dd><xsl:value-of select="@actor"/></dd>
                  </xsl:if>
                  <xsl:if test="@unit">
                    <dt>单位</dt><dd><xsl:value-of select="@unit"/></dd>
                  </xsl:if>
                  <xsl:if test="@phone">
                    <dt>办公室电话</dt>
                    <dd><xsl:call-template name="phone"><xsl:with-param name="p" select="@phone"/></xsl:call-template></dd>
                  </xsl:if>
                  <dt>时间</dt><dd><xsl:value-of select="@at"/></dd>
                  <xsl:if test="@reason">
                    <dt>
                      <xsl:choose>
                        <xsl:when test="@action = 'return'">退回原因</xsl:when>
                        <xsl:when test="@action = 'reject'">不通过原因</xsl:when>
                        <xsl:otherwise>审核意见</xsl:otherwise>
                      </xsl:choose>
                    </dt>
                    <dd><xsl:value-of select="@reason"/></dd>
                  </xsl:if>
                </dl>
              </li>
            </xsl:for-each>
          </ol>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
