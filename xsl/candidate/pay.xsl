<?xml version="1.0" encoding="UTF-8"?>
<!--
  candidate/pay.xsl: 网上缴费 (SPEC §3.6, seed 000 §5; h_pay.c,
  schema/xml/pay.rng).  <pay view="main|confirm|return" [checking]>:
  <gate code> says whether he may pay and why not; <fee>, <window>,
  <receipt> (fixed once), <orders>; view main with a <form> to
  /pay/confirm: the receipt (个人/单位/其他 and the name); view confirm:
  <confirm name idno receipt countdown> and the form to /pay/order
  (确认缴费 enabled when the countdown ends: pay.js; without script at
  once), 取消缴费, 退出系统; view return: 正在确认缴费结果 while the
  newest order is PENDING (pay.js reloads), else its state.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="../common/widgets.xsl"/>

  <xsl:variable name="title" select="'网上缴费'"/>
  <xsl:variable name="gate" select="/*/gate"/>
  <xsl:variable name="paid" select="/*/orders/order[@state = 'PAID'][1]"/>

  <xsl:template name="extra-head">
    <script src="/static/js/pay.js" defer="defer"></script>
  </xsl:template>

  <xsl:template name="content">
    <xsl:choose>
      <xsl:when test="/*/@view = 'confirm' and /*/confirm">
        <xsl:call-template name="confirm"/>
      </xsl:when>
      <xsl:when test="/*/@checking = '1'">
        <section class="card pay-checking" role="status" data-reload="5">
          <h2>正在确认缴费结果</h2>
          <p>请稍候，系统正在等待非税支付平台的缴费结果通知，本页每5秒自动刷新。</p>
          <p class="hint">如已在平台完成支付，结果一般在几分钟内确认；请不要重复缴费。长时间未确认的订单，系统会主动向平台查询。</p>
          <p class="actions"><a class="btn" href="/pay/return">刷新</a></p>
        </section>
        <xsl:call-template name="summary"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="summary"/>
        <xsl:if test="/*/form[@action = '/pay/confirm']">
          <xsl:call-template name="receipt-form"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="orders"/>
  </xsl:template>

  <!-- The fee, the verdict, the window and the payment code. -->
  <xsl:template name="summary">
    <section class="card pay-summary">
      <h2>缴费信息</h2>
      <dl class="props">
        <xsl:if test="/*/application/@level-name">
          <dt>报考等级</dt>
          <dd>
            <xsl:value-of select="/*/application/@level-name"/>
            <xsl:if test="/*/application/@worktype">
              <xsl:text>（</xsl:text><xsl:value-of select="/*/application/@worktype"/><xsl:text>）</xsl:text>
            </xsl:if>
          </dd>
        </xsl:if>
        <xsl:if test="/*/fee">
          <dt>缴费金额</dt>
          <dd class="pay-fee"><xsl:value-of select="/*/fee/@yuan"/> 元</dd>
        </xsl:if>
        <xsl:if test="/*/application/@decided">
          <dt>终审通过时间</dt>
          <dd><xsl:value-of select="/*/application/@decided"/></dd>
        </xsl:if>
        <xsl:if test="/*/window/@starts">
          <dt>
            <xsl:value-of select="/*/application/@city-name"/>
            <xsl:text>缴费时间</xsl:text>
          </dt>
          <dd>
            <xsl:value-of select="/*/window/@starts"/>
            <xsl:text> 至 </xsl:text>
            <xsl:value-of select="/*/window/@ends"/>
          </dd>
        </xsl:if>
        <xsl:if test="/*/receipt">
          <dt>收据名称</dt>
          <dd>
            <xsl:value-of select="/*/receipt/@kind-name"/>
            <xsl:text>：</xsl:text>
            <xsl:value-of select="/*/receipt/@name"/>
            <span class="hint">（已确认，本年度不能修改）</span>
          </dd>
        </xsl:if>
      </dl>
      <xsl:choose>
        <xsl:when test="$paid">
          <div class="msg msg-ok" role="status">
            <p>您已缴费 <xsl:value-of select="$paid/@yuan"/> 元（<xsl:value-of select="$paid/@paid"/>）。</p>
            <xsl:if test="$paid/@pay-code">
              <p class="pay-code">缴款码：<strong class="mono"><xsl:value-of select="$paid/@pay-code"/></strong></p>
              <p class="hint">请凭缴款码在河南省非税收入电子票据平台查询、下载缴费票据。</p>
            </xsl:if>
          </div>
        </xsl:when>
        <xsl:when test="$gate/@code = 'open'">
          <p class="msg msg-info">请核对收据信息后缴费。收据信息一旦确认，本年度无法修改；如需报销，请先与报销单位确认收据名称。</p>
        </xsl:when>
        <xsl:otherwise>
          <p class="msg msg-info pay-gate">
            <xsl:value-of select="$gate"/>
            <xsl:if test="$gate/@code = 'too-early' and $gate/@opens">
              <xsl:text>您可在 </xsl:text>
              <strong><xsl:value-of select="$gate/@opens"/></strong>
              <xsl:text> 之后缴费。</xsl:text>
            </xsl:if>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- 选择收据信息: 个人 / 单位 / 其他 and the name. -->
  <xsl:template name="receipt-form">
    <xsl:variable name="k" select="string(/*/form/field[@name = 'kind']/@value)"/>
    <section class="card">
      <h2>选择收据信息</h2>
      <form method="post" action="/pay/confirm" class="form pay-form">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="form-message"/>
        <fieldset class="field radios">
          <xsl:if test="/*/form/field[@name = 'kind']/error">
            <xsl:attribute name="class">field radios has-error</xsl:attribute>
          </xsl:if>
          <legend>收据类型<span class="req" aria-hidden="true">*</span></legend>
          <div>
            <xsl:call-template name="kind-radio"><xsl:with-param name="code" select="'person'"/><xsl:with-param name="label" select="'个人'"/><xsl:with-param name="k" select="$k"/></xsl:call-template>
              <xsl:call-template name="kind-radio"><xsl:with-param name="code" select="'unit'"/><xsl:with-param name="label" select="'单位'"/><xsl:with-param name="k" select="$k"/></xsl:call-template>
              <xsl:call-template name="kind-radio"><xsl:with-param name="code" select="'other'"/><xsl:with-param name="label" select="'其他'"/><xsl:with-param name="k" select="$k"/></xsl:call-template>
          </div>
          <xsl:if test="/*/form/field[@name = 'kind']/error">
            <p class="error"><xsl:value-of select="/*/form/field[@name = 'kind']/error"/></p>
          </xsl:if>
        </fieldset>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'name'"/>
          <xsl:with-param name="label" select="'收据名称'"/>
          <xsl:with-param name="maxlength" select="'50'"/>
          <xsl:with-param name="hint" select="'个人填写本人姓名；单位填写报销单位全称。注意：收据信息确认后本年度不能修改'"/>
        </xsl:call-template>
        <div class="buttons">
          <a class="btn" href="/status">取消</a>
          <button type="submit" class="btn btn-primary">确认</button>
        </div>
      </form>
    </section>
  </xsl:template>

  <xsl:template name="kind-radio">
    <xsl:param name="code"/>
    <xsl:param name="label"/>
    <xsl:param name="k"/>
    <label>
      <input type="radio" name="kind" value="{$code}" required="required">
        <xsl:if test="$k = $code or ($k = '' and $code = 'person')">
          <xsl:attribute name="checked">checked</xsl:attribute>
        </xsl:if>
      </input>
      <xsl:text> </xsl:text>
      <xsl:value-of select="$label"/>
    </label>
  </xsl:template>

  <!-- 提示: name, ID number, receipt; 确认缴费 after the countdown. -->
  <xsl:template name="confirm">
    <xsl:variable name="c" select="/*/confirm"/>
    <section class="card pay-confirm" role="alertdialog" aria-labelledby="pay-confirm-h" aria-describedby="pay-confirm-d">
      <h2 id="pay-confirm-h">请核对缴费信息</h2>
      <dl class="props" id="pay-confirm-d">
        <dt>您正在为</dt><dd><strong><xsl:value-of select="$c/@name"/></strong> 缴费</dd>
        <xsl:if test="$c/@idno">
          <dt>身份证号</dt><dd class="mono"><xsl:value-of select="$c/@idno"/></dd>
        </xsl:if>
        <dt>收据名称为</dt><dd><xsl:value-of select="$c/@kind-name"/>：<xsl:value-of select="$c/@receipt"/></dd>
        <xsl:if test="/*/fee"><dt>缴费金额</dt><dd><xsl:value-of select="/*/fee/@yuan"/> 元</dd></xsl:if>
      </dl>
      <p>请核对缴费信息正确后，再进行缴费；若缴费人信息有误，请退出系统后重新登录！点击“确认缴费”后将跳转至河南省非税收入支付平台，收据信息随即确认，本年度不能修改。</p>
      <form method="post" action="/pay/order" class="form pay-go">
        <xsl:call-template name="csrf"/>
        <xsl:call-template name="form-message"/>
        <input type="hidden" name="kind" value="{/*/form/field[@name = 'kind']/@value}"/>
        <input type="hidden" name="name" value="{/*/form/field[@name = 'name']/@value}"/>
        <div class="buttons">
          <button type="submit" class="btn btn-primary" data-countdown="{$c/@countdown}">确认缴费</button>
          <a class="btn" href="/pay">取消缴费</a>
        </div>
      </form>
      <form method="post" action="/logout" class="pay-exit">
        <xsl:call-template name="csrf"/>
        <button type="submit" class="btn-link">退出系统</button>
      </form>
    </section>
  </xsl:template>

  <xsl:template name="orders">
    <xsl:if test="/*/orders/order">
      <section class="card">
        <h2>缴费记录</h2>
        <div class="table-wrap" tabindex="0" role="region" aria-label="可左右滚动的表格">
          <table class="list">
            <thead><tr><th scope="col">订单号</th><th scope="col">金额（元）</th><th scope="col">状态</th><th scope="col">下单时间</th><th scope="col">缴费时间</th></tr></thead>
            <tbody>
              <xsl:for-each select="/*/orders/order">
                <tr>
                  <td class="mono"><xsl:value-of select="@no"/></td>
                  <td><xsl:value-of select="@yuan"/></td>
                  <td><xsl:value-of select="@state-name"/></td>
                  <td><xsl:value-of select="@created"/></td>
                  <td><xsl:value-of select="@paid"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
