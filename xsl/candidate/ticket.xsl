<?xml version="1.0" encoding="UTF-8"?>
<!--
  candidate/ticket.xsl: 准考证打印 (SPEC §3.7, seed 000 §6, 001 §五(二);
  h_ticket.c, schema/xml/ticket.rng).  The ticket window; <refusal>
  (window closed, no seat) says why there is none; locked: the SMS code
  form (获取验证码 sends one to the account's phone, the code unlocks the
  ticket for this session for <sms unlock> minutes); unlocked: the
  ticket (photo, name, ID number, ticket number, work type, level, site,
  address, room, seat, time, 考场规则), 下载准考证 (/ticket.pdf, one A4
  page with the QR code) and 打印本页 (ticket.css prints the card alone
  on one A4 page).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="../common/widgets.xsl"/>

  <xsl:variable name="title" select="'准考证打印'"/>
  <xsl:variable name="t" select="/*/ticket"/>

  <xsl:template name="extra-head">
    <link rel="stylesheet" href="/static/css/ticket.css"/>
    <script src="/static/js/roster.js" defer="defer"></script>
  </xsl:template>

  <xsl:template name="content">
    <div class="no-print">
      <xsl:call-template name="window-box">
        <xsl:with-param name="w" select="/*/window[@kind = 'ticket']"/>
        <xsl:with-param name="open" select="'当前可打印'"/>
      </xsl:call-template>
    </div>
    <xsl:choose>
      <xsl:when test="/*/refusal">
        <div class="msg msg-warn ticket-refusal" role="alert">
          <p><xsl:value-of select="/*/refusal"/></p>
        </div>
      </xsl:when>
      <xsl:when test="$t">
        <xsl:call-template name="card"/>
      </xsl:when>
      <xsl:when test="/*/form">
        <xsl:call-template name="code-form"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The SMS code before the ticket (seed 001: 发送并输入短信验证码). -->
  <xsl:template name="code-form">
    <section class="card ticket-code" aria-labelledby="code-h">
      <h2 id="code-h">验证手机号</h2>
      <p>
        <xsl:text>为保护您的个人信息，打印准考证前请验证注册时绑定的手机号</xsl:text>
        <xsl:if test="string(/*/sms-phone) != ''">
          <xsl:text> </xsl:text><strong class="mono"><xsl:value-of select="/*/sms-phone"/></strong>
        </xsl:if>
        <xsl:text>：点击“获取验证码”，填写短信中的6位数字后点击“查看准考证”。验证通过后</xsl:text>
        <xsl:value-of select="/*/sms/@unlock"/>
        <xsl:text>分钟内可查看、下载和打印准考证。</xsl:text>
      </p>
      <form method="post" action="/ticket" class="form ticket-form">
        <xsl:call-template name="form-message"/>
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'sms_code'"/>
          <xsl:with-param name="label" select="'短信验证码'"/>
          <xsl:with-param name="maxlength" select="'6'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
          <xsl:with-param name="autocomplete" select="'one-time-code'"/>
          <xsl:with-param name="hint" select="concat('验证码', /*/sms/@valid, '分钟内有效；未收到的，', /*/sms/@wait, '秒后可再次获取')"/>
          <xsl:with-param name="after">
            <button type="submit" name="send_code" value="1" formnovalidate="formnovalidate" class="btn btn-code">获取验证码</button>
          </xsl:with-param>
        </xsl:call-template>
        <div class="buttons">
          <button type="submit" class="btn btn-primary">查看准考证</button>
        </div>
      </form>
    </section>
  </xsl:template>

  <!-- The ticket itself, as printed. -->
  <xsl:template name="card">
    <p class="msg msg-info no-print">
      <xsl:text>请核对准考证信息。本次验证有效至 </xsl:text>
      <strong><xsl:value-of select="/*/@until"/></strong>
      <xsl:text>；之后查看或下载须重新获取验证码。</xsl:text>
    </p>
    <div class="buttons-inline no-print">
      <a class="btn btn-primary" href="/ticket.pdf">下载准考证（PDF）</a>
      <button type="button" class="btn" data-print="1" hidden="hidden">打印本页</button>
    </div>
    <section class="card ticket-card" aria-labelledby="ticket-h">
      <div class="ticket-head">
        <p><xsl:value-of select="$t/@year"/>年度河南省机关事业单位工勤技能岗位等级考核</p>
        <h2 id="ticket-h">准考证</h2>
      </div>
      <div class="ticket-top">
        <dl class="props ticket-props">
          <dt>姓名</dt><dd><xsl:value-of select="$t/@name"/></dd>
          <dt>身份证号</dt><dd class="mono"><xsl:value-of select="$t/@idno"/></dd>
          <dt>准考证号</dt><dd class="mono ticket-no"><xsl:value-of select="$t/@no"/></dd>
          <dt>报考工种</dt><dd><xsl:value-of select="$t/@worktype"/></dd>
          <dt>报考等级</dt><dd><xsl:value-of select="$t/@level-name"/></dd>
          <dt>所在单位</dt><dd><xsl:value-of select="$t/@unit"/></dd>
          <dt>考区</dt><dd><xsl:value-of select="$t/@region"/></dd>
        </dl>
        <div class="ticket-photo">
          <xsl:choose>
            <xsl:when test="$t/@photo">
              <img src="/files?id={$t/@photo}" alt="{$t/@name}的照片" width="132" height="176"/>
            </xsl:when>
            <xsl:otherwise><span>照片</span></xsl:otherwise>
          </xsl:choose>
        </div>
      </div>
      <h3>考试安排</h3>
      <dl class="props ticket-place">
        <dt>考点</dt><dd><xsl:value-of select="$t/@site"/></dd>
        <dt>考点地址</dt><dd><xsl:value-of select="$t/@address"/></dd>
        <dt>考场</dt><dd><xsl:value-of select="$t/@room"/>（<xsl:value-of select="$t/@room-code"/>）</dd>
        <dt>座位号</dt><dd class="ticket-seat"><xsl:value-of select="$t/@seat"/></dd>
        <dt>考试时间</dt><dd>第<xsl:value-of select="$t/@session"/>场　<xsl:value-of select="$t/@when"/></dd>
      </dl>
      <h3>考场规则及注意事项</h3>
      <ol class="ticket-rules">
        <xsl:for-each select="/*/rules/rule">
          <li><xsl:value-of select="."/></li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>
</xsl:stylesheet>
