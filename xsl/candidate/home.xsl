<?xml version="1.0" encoding="UTF-8"?>
<!-- candidate/home.xsl: 我的注册信息, the registration window, next steps. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="../common/widgets.xsl"/>

  <xsl:variable name="title" select="'首页'"/>

  <xsl:template name="content">
    <xsl:variable name="a" select="/*/account"/>
    <xsl:call-template name="window-box"/>
    <xsl:call-template name="next-step"/>
    <xsl:call-template name="messages"/>
    <section class="card account">
      <h2>我的注册信息</h2>
      <table class="props-table">
        <tbody>
          <tr><th scope="row">姓名</th><td><xsl:value-of select="$a/@name"/></td></tr>
          <tr><th scope="row">身份证号</th><td><xsl:value-of select="$a/@idno"/></td></tr>
          <tr><th scope="row">性别</th><td><xsl:value-of select="$a/@gender"/></td></tr>
          <tr><th scope="row">出生日期</th><td><xsl:value-of select="$a/@birth"/></td></tr>
          <tr><th scope="row">手机号</th><td><xsl:value-of select="$a/@phone"/></td></tr>
          <tr><th scope="row">省辖市、直辖县</th><td><xsl:value-of select="$a/@region"/></td></tr>
          <tr><th scope="row">申报等级</th><td><xsl:value-of select="$a/@level-name"/></td></tr>
          <tr><th scope="row">注册时间</th><td><xsl:value-of select="$a/@registered"/></td></tr>
          <tr><th scope="row">须知版本</th><td><xsl:value-of select="$a/@consent"/></td></tr>
        </tbody>
      </table>
      <p class="hint">姓名、身份证号、性别、出生日期、手机号注册后不能修改。如信息有误，请联系本单位或当地工考办。</p>
    </section>
    <xsl:call-template name="help-box"/>
  </xsl:template>

  <!-- 站内消息: what the review told the candidate, newest first; an
       unread one has its own button marking it read (POST). -->
  <xsl:template name="messages">
    <xsl:variable name="m" select="/*/messages"/>
    <xsl:if test="$m/message">
      <section class="card messages" id="messages" aria-labelledby="h-messages">
        <h2 id="h-messages">
          <xsl:text>站内消息</xsl:text>
          <xsl:if test="$m/@unread &gt; 0">
            <span class="badge"><xsl:value-of select="$m/@unread"/>条未读</span>
          </xsl:if>
        </h2>
        <ul class="message-list">
          <xsl:for-each select="$m/message">
            <li>
              <xsl:attribute name="class">
                <xsl:choose>
                  <xsl:when test="@read">message</xsl:when>
                  <xsl:otherwise>message unread</xsl:otherwise>
                </xsl:choose>
              </xsl:attribute>
              <p class="message-head">
                <span class="message-at"><xsl:value-of select="@at"/></span>
                <xsl:text> </xsl:text>
                <span class="message-state">
                  <xsl:choose>
                    <xsl:when test="@read">已读</xsl:when>
                    <xsl:otherwise>未读</xsl:otherwise>
                  </xsl:choose>
                </span>
              </p>
              <p class="message-text"><xsl:value-of select="."/></p>
              <xsl:if test="not(@read)">
                <form method="post" action="/messages/read" class="inline-form">
                  <xsl:call-template name="csrf"/>
                  <input type="hidden" name="id" value="{@id}"/>
                  <button type="submit" class="btn btn-small">标为已读</button>
                </form>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
        <xsl:if test="$m/@unread &gt; 1">
          <form method="post" action="/messages/read" class="inline-form">
            <xsl:call-template name="csrf"/>
            <button type="submit" class="btn btn-small">全部标为已读</button>
          </form>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- 下一步: one step, chosen by the handler from the registration
       window and the application (<next step state>). -->
  <xsl:template name="next-step">
    <xsl:variable name="n" select="/*/next"/>
    <xsl:variable name="w" select="/*/window[@kind = 'registration']"/>
    <section class="card next-steps next-{$n/@step}" aria-labelledby="h-next">
      <h2 id="h-next">下一步</h2>
      <xsl:choose>
        <xsl:when test="$n/@step = 'fill'">
          <p class="next-what"><strong>填写报名信息</strong></p>
          <p>请如实填写单位、文化程度、参加工作时间、现岗位等级和工种、申报岗位等级等信息，可随时点“保存信息”暂存。</p>
          <p class="buttons"><a class="btn btn-primary" href="/apply">填写报名信息</a></p>
        </xsl:when>
        <xsl:when test="$n/@step = 'upload'">
          <p class="next-what"><strong>上传个人照片</strong></p>
          <p>报名信息已填写。请在报名信息页下方上传近期二寸免冠白色背景彩色证件照（413×626像素，jpg格式），也可用手机扫码上传。</p>
          <p class="buttons"><a class="btn btn-primary" href="/apply#materials">上传照片</a></p>
        </xsl:when>
        <xsl:when test="$n/@step = 'submit'">
          <p class="next-what"><strong>核对并提交报名信息</strong></p>
          <p>报名信息和照片都已保存，但还没有提交，审核人员看不到。请核对无误后点“提交信息”，并输入手机收到的短信验证码。</p>
          <p class="buttons"><a class="btn btn-primary" href="/apply#submit">去提交</a></p>
        </xsl:when>
        <xsl:when test="$n/@step = 'wait'">
          <p class="next-what"><strong>等待审核</strong></p>
          <p>您的报名信息已提交，请耐心等待审核，可随时查看审核进度。</p>
          <p class="buttons"><a class="btn btn-primary" href="/status">查看审核结果</a></p>
        </xsl:when>
        <xsl:when test="$n/@step = 'fix'">
          <p class="next-what"><strong>按退回原因修改后重新提交</strong></p>
          <p>您的报名信息已被退回本人。请先在“审核结果”中查看退回原因，修改报名信息后重新提交。</p>
          <p class="buttons">
            <a class="btn btn-primary" href="/status">查看退回原因</a>
            <xsl:text> </xsl:text>
            <a class="btn" href="/apply">修改报名信息</a>
          </p>
        </xsl:when>
        <xsl:when test="$n/@step = 'rejected'">
          <p class="next-what"><strong>审核不通过</strong></p>
          <p>本年度申报已终止。如有异议，请在“审核结果”中查看原因和审核单位的电话。</p>
          <p class="buttons"><a class="btn btn-primary" href="/status">查看审核结果</a></p>
        </xsl:when>
        <xsl:when test="$n/@step = 'cancelled'">
          <p class="next-what"><strong>报名已取消</strong></p>
          <p>您的报名信息经审核认定填报虚假信息，本年度报名已取消。原因和联系方式见下方站内消息。</p>
          <p class="buttons"><a class="btn btn-primary" href="/status">查看审核结果</a></p>
        </xsl:when>
        <xsl:when test="$n/@step = 'approved'">
          <p class="next-what"><strong>终审通过</strong></p>
          <p>您的报名已通过终审。接下来：</p>
          <ul>
            <xsl:for-each select="/*/window[@kind = 'payment' or @kind = 'ticket']">
              <li>
                <xsl:value-of select="@name"/>
                <xsl:text>：</xsl:text>
                <xsl:choose>
                  <xsl:when test="@starts">
                    <xsl:value-of select="@starts"/>
                    <xsl:text> 至 </xsl:text>
                    <xsl:value-of select="@ends"/>
                  </xsl:when>
                  <xsl:otherwise>时间尚未公布，请留意当地工考办的通知</xsl:otherwise>
                </xsl:choose>
              </li>
            </xsl:for-each>
          </ul>
          <p class="buttons"><a class="btn btn-primary" href="/status">查看审核结果</a></p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="state">
            <xsl:call-template name="window-state"><xsl:with-param name="w" select="$w"/></xsl:call-template>
          </xsl:variable>
          <p class="next-what">
            <strong>
              <xsl:choose>
                <xsl:when test="$state = 'after'">本年度注册报名已结束</xsl:when>
                <xsl:when test="$state = 'unset'">注册报名时间尚未公布</xsl:when>
                <xsl:otherwise>等待注册报名开始</xsl:otherwise>
              </xsl:choose>
            </strong>
          </p>
          <p>
            <xsl:choose>
              <xsl:when test="$w/@starts">
                <xsl:text>报名信息只能在注册报名时间（</xsl:text>
                <xsl:value-of select="$w/@starts"/>
                <xsl:text> 至 </xsl:text>
                <xsl:value-of select="$w/@ends"/>
                <xsl:text>）内填写和提交。</xsl:text>
              </xsl:when>
              <xsl:otherwise>请关注当地工考办的通知。</xsl:otherwise>
            </xsl:choose>
            <xsl:if test="$n/@state = 'returned'">您的报名信息已被退回本人，可在“审核结果”中查看原因。</xsl:if>
          </p>
          <p class="buttons"><a class="btn" href="/canapply">先看看我能报哪一级</a></p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="help-box">
    <section class="card help-box" aria-labelledby="h-help">
      <h2 id="h-help">帮助</h2>
      <ul class="help-links">
        <li><a href="/help/candidate">报考人员手册</a></li>
        <li><a href="/canapply">我能报哪一级</a></li>
        <li><a href="/help/policy">政策说明</a></li>
        <li><a href="/help/phones">咨询电话</a></li>
      </ul>
    </section>
  </xsl:template>
</xsl:stylesheet>
