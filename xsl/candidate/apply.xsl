<?xml version="1.0" encoding="UTF-8"?>
<!--
  apply.xsl: 报名信息, the candidate's application form (SPEC.md §3.3,
  seed 000 §3 and 001 §四).  One POST form (id apply-form) to /apply
  whose buttons carry action = save | submit | pick_unit | send_code
  (获取验证码 and 下一级 with a formaction fragment: the page comes back
  where the person was, without JavaScript too; a refused save or
  submission starts with the error summary);
  the form is multipart: the upload controls after it belong to it (the
  form attribute) and post to /apply/upload with every field, which
  saves them too; the buttons to /apply/stamp, /apply/delete and
  /apply/qr belong to it as well, and those save (or keep) the fields
  the same way.  The submit
  block at the end belongs to apply-form through the form attribute.
  Read-only (a disabled fieldset, no buttons) unless
  application/@editable = 1.  apply.js enhances: the unit cascade, the
  work-type search, 工作年限 from 参加工作时间, the level-1 block.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="../common/layout.xsl"/>
  <xsl:import href="../common/widgets.xsl"/>

  <xsl:variable name="title" select="'报名信息'"/>
  <xsl:variable name="app" select="/apply/application"/>
  <xsl:variable name="ed" select="$app/@editable = '1'"/>
  <xsl:variable name="form" select="/apply/form"/>
  <xsl:variable name="tlevel" select="string($form/field[@name = 'target_level']/@value)"/>

  <xsl:template name="extra-head">
    <script src="/static/js/apply.js" defer="defer"></script>
    <script src="/static/js/crop.js" defer="defer"></script>
  </xsl:template>

  <!-- value of a form field -->
  <xsl:template name="v">
    <xsl:param name="name"/>
    <xsl:value-of select="$form/field[@name = $name]/@value"/>
  </xsl:template>

  <!-- the error (and hint) of a field without a widget -->
  <xsl:template name="notes">
    <xsl:param name="name"/>
    <xsl:param name="hint" select="''"/>
    <xsl:call-template name="field-notes">
      <xsl:with-param name="id" select="concat('f-', $name)"/>
      <xsl:with-param name="f" select="$form/field[@name = $name]"/>
      <xsl:with-param name="hint" select="$hint"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="field-class">
    <xsl:param name="name"/>
    <xsl:param name="extra" select="''"/>
    <xsl:attribute name="class">
      <xsl:text>field</xsl:text>
      <xsl:if test="$extra != ''"><xsl:value-of select="concat(' ', $extra)"/></xsl:if>
      <xsl:if test="$form/field[@name = $name]/error"> has-error</xsl:if>
    </xsl:attribute>
  </xsl:template>

  <xsl:template name="textarea-field">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="hint" select="''"/>
    <xsl:param name="max" select="'4000'"/>
    <xsl:param name="required" select="false()"/>
    <div>
      <xsl:call-template name="field-class"><xsl:with-param name="name" select="$name"/></xsl:call-template>
      <label for="f-{$name}">
        <xsl:value-of select="$label"/>
        <xsl:if test="$required"><span class="req" aria-hidden="true">*</span></xsl:if>
      </label>
      <div class="control">
        <textarea id="f-{$name}" name="{$name}" rows="4" maxlength="{$max}">
          <xsl:call-template name="described">
            <xsl:with-param name="id" select="concat('f-', $name)"/>
            <xsl:with-param name="f" select="$form/field[@name = $name]"/>
            <xsl:with-param name="hint" select="$hint"/>
          </xsl:call-template>
          <xsl:call-template name="v"><xsl:with-param name="name" select="$name"/></xsl:call-template>
        </textarea>
      </div>
      <xsl:call-template name="notes">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="hint" select="$hint"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- a select of work types: current ones, then the merged and
       cancelled ones (with their new counterparts) for 现岗位工种 -->
  <xsl:template name="worktype-select">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="hint"/>
    <xsl:param name="old" select="true()"/>
    <xsl:variable name="val" select="string($form/field[@name = $name]/@value)"/>
    <xsl:variable name="restricted" select="not($old) and /apply/targets/@restricted = '1'"/>
    <div data-wt="{$name}">
      <xsl:call-template name="field-class">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="extra" select="'wt-field'"/>
      </xsl:call-template>
      <label for="f-{$name}"><xsl:value-of select="$label"/><span class="req" aria-hidden="true">*</span></label>
      <div class="control">
        <select id="f-{$name}" name="{$name}">
          <xsl:call-template name="described">
            <xsl:with-param name="id" select="concat('f-', $name)"/>
            <xsl:with-param name="f" select="$form/field[@name = $name]"/>
            <xsl:with-param name="hint" select="$hint"/>
          </xsl:call-template>
          <option value="">请选择</option>
          <xsl:choose>
            <xsl:when test="$restricted">
              <xsl:for-each select="/apply/targets/worktype">
                <xsl:call-template name="option">
                  <xsl:with-param name="value" select="string(@code)"/>
                  <xsl:with-param name="label" select="string(@name)"/>
                  <xsl:with-param name="selected" select="$val"/>
                </xsl:call-template>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise>
              <xsl:for-each select="/apply/worktypes/worktype[@status = 'current']">
                <xsl:call-template name="option">
                  <xsl:with-param name="value" select="string(@code)"/>
                  <xsl:with-param name="label" select="concat(@name, '（', @pinyin, '）')"/>
                  <xsl:with-param name="selected" select="$val"/>
                </xsl:call-template>
              </xsl:for-each>
              <xsl:if test="$old">
                <optgroup label="已合并或取消的工种">
                  <xsl:for-each select="/apply/worktypes/worktype[@status != 'current']">
                    <xsl:call-template name="option">
                      <xsl:with-param name="value" select="string(@code)"/>
                      <xsl:with-param name="label">
                        <xsl:value-of select="@name"/>
                        <xsl:choose>
                          <xsl:when test="maps-to">
                            <xsl:text>（已合并，新工种：</xsl:text>
                            <xsl:for-each select="maps-to">
                              <xsl:if test="position() &gt; 1">、</xsl:if>
                              <xsl:value-of select="@name"/>
                            </xsl:for-each>
                            <xsl:text>）</xsl:text>
                          </xsl:when>
                          <xsl:otherwise>（已取消）</xsl:otherwise>
                        </xsl:choose>
                      </xsl:with-param>
                      <xsl:with-param name="selected" select="$val"/>
                    </xsl:call-template>
                  </xsl:for-each>
                </optgroup>
              </xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </select>
      </div>
      <xsl:call-template name="notes">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="hint" select="$hint"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- a confirmation checkbox of a warning (R18, R19) -->
  <xsl:template name="confirm">
    <xsl:param name="name"/>
    <xsl:param name="rule"/>
    <xsl:variable name="f" select="$form/field[@name = $name]"/>
    <xsl:if test="$f/error or $f/@value = '1' or /apply/eligibility/rule[@id = $rule]">
      <div class="field check confirm">
        <xsl:if test="$f/error"><xsl:attribute name="class">field check confirm has-error</xsl:attribute></xsl:if>
        <input type="checkbox" id="f-{$name}" name="{$name}" value="1">
          <xsl:if test="$f/@value = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        </input>
        <label for="f-{$name}">
          <xsl:choose>
            <xsl:when test="$f/error"><xsl:value-of select="$f/error"/></xsl:when>
            <xsl:when test="/apply/eligibility/rule[@id = $rule]"><xsl:value-of select="/apply/eligibility/rule[@id = $rule]"/></xsl:when>
            <xsl:when test="$rule = 'R18'">现岗位等级取得时间与合格库信息不符，是否确认报考</xsl:when>
            <xsl:otherwise>现岗位工种与合格库信息不符，是否确认报考</xsl:otherwise>
          </xsl:choose>
          <xsl:text>（核对无误后勾选“确认报考”）</xsl:text>
        </label>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:template name="state-box">
    <xsl:variable name="s" select="string($app/@state)"/>
    <xsl:choose>
      <xsl:when test="$s = 'returned'">
        <div class="msg msg-warn" role="alert">
          <strong>您的报名信息已被退回：</strong>
          <xsl:value-of select="$app/reason"/>
          <xsl:if test="$app/reason/@at">（<xsl:value-of select="$app/reason/@at"/>）</xsl:if>
          <br/>请按退回原因修改后重新提交。
        </div>
      </xsl:when>
      <xsl:when test="$s = 'rejected'">
        <div class="msg msg-error" role="alert">
          <strong>审核不通过：</strong>
          <xsl:value-of select="$app/reason"/>
          <br/>审核员认为您不符合本年度报考条件，本年度申报已终止，不能再修改提交。若对审核意见有异议，可电话咨询审核人员；如认定符合报考条件但需修改填报信息，需联系审核员将申请退回给本人后，方可修改提交。
        </div>
      </xsl:when>
      <xsl:when test="$s = 'submitted'">
        <div class="msg msg-ok" role="status">
          您的信息已提交（<xsl:value-of select="$app/@submitted"/>），请耐心等待审核，可点击 <a href="/status">审核进度</a> 查看目前审核进度。审核期间报名信息不能修改。
        </div>
      </xsl:when>
      <xsl:when test="$s = 'approved'">
        <div class="msg msg-ok" role="status">您的报名信息已审核通过，不能再修改。<a href="/status">查看审核结果</a></div>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="$app/@exceptional = '1'">
      <div class="msg" role="status">您是由县区及以上工考办录入的破格人员，提交时不受工作年限、等级年限等申报条件限制。</div>
    </xsl:if>
  </xsl:template>

  <!-- The id of the control a field's error belongs to (the error
       summary links there). -->
  <xsl:template name="field-target">
    <xsl:param name="name"/>
    <xsl:choose>
      <xsl:when test="$name = 'photo' or $name = 'idcard' or $name = 'r19proof'">
        <xsl:value-of select="concat('f-upload-', $name)"/>
      </xsl:when>
      <xsl:when test="$name = 'exc_evidence_files'">f-upload-exc_evidence</xsl:when>
      <xsl:when test="$name = 'birth'">reg-info</xsl:when>
      <xsl:when test="$name = 'prohibited'">f-prohibited-yes</xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('f-', $name)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A refused save or submission: what to fix, each a link to its
       field, first on the page (apply.js moves the focus here).  No
       fragment on 保存/提交: a redirect after success would carry it. -->
  <xsl:template name="error-summary">
    <xsl:variable name="errs" select="$form/field[error]"/>
    <div id="error-summary" class="msg msg-error" role="alert" tabindex="-1"
        aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">
        <xsl:choose>
          <xsl:when test="string($form/message) != ''"><xsl:value-of select="$form/message"/></xsl:when>
          <xsl:otherwise>请按提示修改后重新提交。</xsl:otherwise>
        </xsl:choose>
        <span class="error-count">
          <xsl:text>（共</xsl:text><xsl:value-of select="count($errs/error)"/><xsl:text>处）</xsl:text>
        </span>
      </h2>
      <ol>
        <xsl:for-each select="$errs">
          <xsl:variable name="target">
            <xsl:call-template name="field-target"><xsl:with-param name="name" select="string(@name)"/></xsl:call-template>
          </xsl:variable>
          <xsl:variable name="year" select="substring-after(@name, 'appraisal_')"/>
          <xsl:for-each select="error">
            <li>
              <a href="#{$target}">
                <xsl:if test="$year != '' and $year != 'note'"><xsl:value-of select="concat($year, '年度考核：')"/></xsl:if>
                <xsl:value-of select="."/>
              </a>
            </li>
          </xsl:for-each>
        </xsl:for-each>
      </ol>
    </div>
  </xsl:template>

  <xsl:template name="content">
    <xsl:if test="$form/field/error">
      <xsl:call-template name="error-summary"/>
    </xsl:if>
    <xsl:call-template name="state-box"/>
    <xsl:call-template name="window-box">
      <xsl:with-param name="open" select="'当前可填报'"/>
    </xsl:call-template>

    <!-- novalidate: the server judges every field and the summary above
         lists what to fix (the browser would stop at the first field) -->
    <form id="apply-form" method="post" action="/apply" class="form apply-form" data-year="{$app/@year}"
        data-app="{$app/@id}"
        enctype="multipart/form-data" novalidate="novalidate">
      <!-- kept fields shown again (keep.c): apply.js copies them at once -->
      <xsl:if test="$form/@restored = '1'"><xsl:attribute name="data-restored">1</xsl:attribute></xsl:if>
      <xsl:if test="not($form/field/error)">
        <xsl:call-template name="form-message"/>
      </xsl:if>
      <xsl:call-template name="csrf"/>
      <input type="hidden" name="version" value="{$form/field[@name = 'version']/@value}"/>
      <fieldset class="plain">
        <xsl:if test="not($ed)"><xsl:attribute name="disabled">disabled</xsl:attribute></xsl:if>

        <h2>单位信息</h2>
        <xsl:call-template name="unit-cascade"/>

        <h2>基本信息</h2>
        <dl class="readonly" id="reg-info">
          <dt>姓名</dt><dd><xsl:value-of select="/apply/account/@name"/></dd>
          <dt>身份证号</dt><dd><xsl:value-of select="/apply/account/@idno"/></dd>
          <dt>性别</dt><dd><xsl:value-of select="/apply/account/@gender"/></dd>
          <dt>出生年月</dt><dd><xsl:value-of select="/apply/account/@birth"/></dd>
          <dt>手机号</dt><dd><xsl:value-of select="/apply/account/@phone"/></dd>
        </dl>
        <xsl:call-template name="notes"><xsl:with-param name="name" select="'birth'"/></xsl:call-template>
        <p class="hint">姓名、身份证号、性别、出生年月、手机号为本人注册时信息，不可修改（年龄限制在18—65岁）。</p>

        <xsl:call-template name="select-field">
          <xsl:with-param name="name" select="'education'"/>
          <xsl:with-param name="label" select="'文化程度'"/>
          <xsl:with-param name="options" select="/apply/educations/education"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'work_start'"/>
          <xsl:with-param name="label" select="'参加工作时间'"/>
          <xsl:with-param name="type" select="'date'"/>
          <xsl:with-param name="placeholder" select="'YYYY-MM-DD'"/>
          <xsl:with-param name="hint" select="'通过键盘录入，或者单击录入框在日历中选择（参加工作时须年满18周岁）'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'work_years'"/>
          <xsl:with-param name="label" select="'工作年限(年)'"/>
          <xsl:with-param name="type" select="'number'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
          <xsl:with-param name="hint" select="'系统根据参加工作时间自动填充（当前年份－参加工作年份＋1），只允许往下修改'"/>
        </xsl:call-template>
        <xsl:call-template name="select-field">
          <xsl:with-param name="name" select="'cur_level'"/>
          <xsl:with-param name="label" select="'现岗位等级'"/>
          <xsl:with-param name="options" select="/apply/choices[@name = 'cur_level']/choice"/>
          <xsl:with-param name="hint" select="'通过下拉列表选择，如没有机关事业单位等级证书，请选择未定级'"/>
        </xsl:call-template>
        <xsl:call-template name="worktype-select">
          <xsl:with-param name="name" select="'cur_worktype'"/>
          <xsl:with-param name="label" select="'现岗位工种'"/>
          <xsl:with-param name="hint" select="'通过下拉列表选择，或者输入工种拼音首字母/工种名称汉字查找，例如护理员可录入“hly”或“护理员”；现岗位等级为未定级时可不填'"/>
        </xsl:call-template>
        <xsl:call-template name="confirm">
          <xsl:with-param name="name" select="'confirm_r19'"/>
          <xsl:with-param name="rule" select="'R19'"/>
        </xsl:call-template>
        <xsl:call-template name="field">
          <xsl:with-param name="name" select="'cur_level_year'"/>
          <xsl:with-param name="label" select="'现等级取得时间'"/>
          <xsl:with-param name="type" select="'number'"/>
          <xsl:with-param name="inputmode" select="'numeric'"/>
          <xsl:with-param name="required" select="false()"/>
          <xsl:with-param name="placeholder" select="'四位年份，如2018'"/>
          <xsl:with-param name="hint" select="'录入取得现岗位等级证书的年份四位数字；现岗位等级为未定级时留空'"/>
        </xsl:call-template>
        <xsl:call-template name="confirm">
          <xsl:with-param name="name" select="'confirm_r18'"/>
          <xsl:with-param name="rule" select="'R18'"/>
        </xsl:call-template>
        <xsl:call-template name="select-field">
          <xsl:with-param name="name" select="'unit_category'"/>
          <xsl:with-param name="label" select="'单位类别'"/>
          <xsl:with-param name="options" select="/apply/choices[@name = 'unit_category']/choice"/>
          <xsl:with-param name="hint" select="'选择所属单位类别（行政、事业），如果不清楚本单位类别，可咨询本单位人事部门'"/>
        </xsl:call-template>
        <xsl:call-template name="select-field">
          <xsl:with-param name="name" select="'unit_rank'"/>
          <xsl:with-param name="label" select="'单位级别'"/>
          <xsl:with-param name="options" select="/apply/choices[@name = 'unit_rank']/choice"/>
        </xsl:call-template>
        <xsl:call-template name="select-field">
          <xsl:with-param name="name" select="'target_level'"/>
          <xsl:with-param name="label" select="'申报岗位等级'"/>
          <xsl:with-param name="options" select="/apply/levels/level"/>
        </xsl:call-template>
        <!-- 申报方式: none for 五级 (hidden, and ignored by the server) -->
        <div id="route-block" class="route-block">
          <xsl:if test="$tlevel = '5'"><xsl:attribute name="hidden">hidden</xsl:attribute></xsl:if>
          <xsl:call-template name="select-field">
            <xsl:with-param name="name" select="'route'"/>
            <xsl:with-param name="label" select="'申报方式'"/>
            <xsl:with-param name="options" select="/apply/choices[@name = 'route']/choice"/>
            <xsl:with-param name="required" select="false()"/>
            <xsl:with-param name="hint" select="'申报四级、三级可按工作年限或按岗位等级证书申报；二级按岗位等级证书申报；同级别不同工种按证书申报；申报五级不选申报方式'"/>
          </xsl:call-template>
        </div>
        <xsl:call-template name="worktype-select">
          <xsl:with-param name="name" select="'target_worktype'"/>
          <xsl:with-param name="label" select="'申报岗位工种'"/>
          <xsl:with-param name="old" select="false()"/>
          <xsl:with-param name="hint">
            <xsl:text>通过下拉列表选择，或者输入工种拼音首字母/工种名称汉字查找，例如播音员可录入“byy”或“播音员”。一级（高级技师）只能选择当年开考的工种。合并的工种选择报考合并后的新工种，取消的工种经单位人事部门同意后选择报考就近岗位工种。</xsl:text>
            <xsl:if test="/apply/targets/@restricted = '1'">按现岗位工种，申报岗位工种只能从其对应的新工种中选择。</xsl:if>
          </xsl:with-param>
        </xsl:call-template>

        <h2>年度考核</h2>
        <div class="table-wrap">
          <table class="appraisal">
            <thead><tr><th scope="col">年度</th><th scope="col">考核等次</th></tr></thead>
            <tbody>
              <xsl:for-each select="/apply/appraisal-years/year">
                <xsl:variable name="n" select="concat('appraisal_', @value)"/>
                <xsl:variable name="val" select="string($form/field[@name = $n]/@value)"/>
                <tr>
                  <th scope="row"><label for="f-{$n}"><xsl:value-of select="@value"/></label></th>
                  <td>
                    <select id="f-{$n}" name="{$n}">
                      <option value="">请选择</option>
                      <xsl:for-each select="/apply/grades/grade">
                        <xsl:call-template name="option">
                          <xsl:with-param name="value" select="string(@value)"/>
                          <xsl:with-param name="label" select="string(@name)"/>
                          <xsl:with-param name="selected" select="$val"/>
                        </xsl:call-template>
                      </xsl:for-each>
                    </select>
                    <xsl:call-template name="notes"><xsl:with-param name="name" select="$n"/></xsl:call-template>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <xsl:call-template name="textarea-field">
          <xsl:with-param name="name" select="'appraisal_note'"/>
          <xsl:with-param name="label" select="'考核结果说明'"/>
          <xsl:with-param name="max" select="'500'"/>
          <xsl:with-param name="hint" select="'年度考核未满五年请输入情况说明'"/>
        </xsl:call-template>

        <div>
          <xsl:call-template name="field-class"><xsl:with-param name="name" select="'prohibited'"/></xsl:call-template>
          <fieldset class="radios">
            <legend>是否存在禁止申报情形（如：目前在处分期内、被立案尚未结案等）<span class="req" aria-hidden="true">*</span></legend>
            <xsl:variable name="p" select="string($form/field[@name = 'prohibited']/@value)"/>
            <label><input type="radio" name="prohibited" value="yes" id="f-prohibited-yes"><xsl:if test="$p = 'yes'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input> 是</label>
            <label><input type="radio" name="prohibited" value="no"><xsl:if test="$p = 'no'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if></input> 否</label>
          </fieldset>
          <xsl:call-template name="notes">
            <xsl:with-param name="name" select="'prohibited'"/>
            <xsl:with-param name="hint" select="'应根据本人情况如实填写'"/>
          </xsl:call-template>
        </div>

        <h2>破格晋升</h2>
        <!-- The details open only when the box is ticked: by CSS
             (.exc-toggle:checked ~ .exc-more), so without JavaScript too. -->
        <div class="exc-group">
          <input type="checkbox" id="f-exceptional" name="exceptional" value="1" class="exc-toggle"
              aria-controls="exc-more">
            <xsl:if test="$form/field[@name = 'exceptional']/@value = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
          </input>
          <label for="f-exceptional" class="exc-label">破格晋升（符合破格晋升条件的，请勾选，并勾选所符合的条件、填写证明材料相关信息、上传材料原件照片；如果不具备该条件请勿勾选）</label>
          <xsl:call-template name="notes"><xsl:with-param name="name" select="'exceptional'"/></xsl:call-template>
          <div id="exc-more" class="exc-more">
            <div id="exc-block">
              <xsl:call-template name="field-class">
                <xsl:with-param name="name" select="'exc_conditions'"/>
                <xsl:with-param name="extra" select="'exc-block'"/>
              </xsl:call-template>
              <fieldset class="checks" id="f-exc_conditions">
                <legend>破格晋升条件</legend>
                <xsl:variable name="conds" select="concat(',', $form/field[@name = 'exc_conditions']/@value, ',')"/>
                <xsl:for-each select="/apply/exc-conditions/condition">
                  <label class="check-line">
                    <input type="checkbox" name="exc_cond_{@value}" value="1">
                      <xsl:if test="contains($conds, concat(',', @value, ','))"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                    </input>
                    <xsl:text> </xsl:text><xsl:value-of select="@name"/>
                  </label>
                </xsl:for-each>
              </fieldset>
              <xsl:call-template name="notes"><xsl:with-param name="name" select="'exc_conditions'"/></xsl:call-template>
            </div>
            <xsl:call-template name="textarea-field">
              <xsl:with-param name="name" select="'exc_evidence'"/>
              <xsl:with-param name="label" select="'破格晋升证明材料'"/>
              <xsl:with-param name="max" select="'1000'"/>
              <xsl:with-param name="hint" select="'填写破格晋升证明材料相关信息（名称、颁发单位、时间），并在下方“照片和资料上传”的破格晋升证明材料处上传材料原件照片'"/>
            </xsl:call-template>
          </div>
        </div>

        <div id="level1-block" class="level1">
          <xsl:if test="$tlevel != '1'"><xsl:attribute name="hidden">hidden</xsl:attribute></xsl:if>
          <h2>一级（高级技师）申报条件</h2>
          <p class="hint">申报一级的须填写以下内容并通过对应的上传入口上传资料。最近工资审批表和年度考核优秀（优秀党员）材料由上级审核员上传，不需申报人员上传。</p>
          <xsl:call-template name="textarea-field">
            <xsl:with-param name="name" select="'resume'"/>
            <xsl:with-param name="label" select="'学习工作简历'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="hint" select="'根据文件要求的格式填写'"/>
          </xsl:call-template>
          <xsl:call-template name="textarea-field">
            <xsl:with-param name="name" select="'rewards'"/>
            <xsl:with-param name="label" select="'奖惩情况'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="hint" select="'根据文件要求的格式填写'"/>
          </xsl:call-template>
          <xsl:call-template name="textarea-field">
            <xsl:with-param name="name" select="'achievements'"/>
            <xsl:with-param name="label" select="'主要技术业务工作业绩'"/>
            <xsl:with-param name="required" select="true()"/>
            <xsl:with-param name="hint" select="'根据文件要求的格式填写'"/>
          </xsl:call-template>
          <xsl:call-template name="textarea-field">
            <xsl:with-param name="name" select="'opt_conditions'"/>
            <xsl:with-param name="label" select="'可选条件'"/>
            <xsl:with-param name="max" select="'2000'"/>
            <xsl:with-param name="hint" select="'除申报选择项必填外，年度考核也必填，其余各项根据实际情况按文件要求选填并上传资料图片'"/>
          </xsl:call-template>
        </div>

        <xsl:if test="$ed">
          <div class="buttons">
            <button type="submit" name="action" value="save" class="btn">保存信息</button>
          </div>
          <p class="hint">保存信息：保存已录入的信息，可以在信息填写未完成之前暂存，以防意外情况导致已填写信息丢失；保存信息不会将报名信息提交给审核人员。上传照片和资料时，已填写的内容同时保存。</p>
        </xsl:if>
      </fieldset>
    </form>

    <xsl:call-template name="materials"/>

    <xsl:if test="$ed">
      <section class="card submit-block" id="submit">
        <h2>提交信息</h2>
        <p class="hint">核对填报的信息无误后，获取并输入短信验证码，点击“提交信息”。提交后在审核期间不能修改。</p>
        <div id="sms-box">
          <xsl:call-template name="field-class"><xsl:with-param name="name" select="'sms_code'"/></xsl:call-template>
          <label for="f-sms_code">短信验证码<span class="req" aria-hidden="true">*</span></label>
          <div class="control">
            <input id="f-sms_code" name="sms_code" type="text" form="apply-form" maxlength="6"
                inputmode="numeric" autocomplete="one-time-code">
              <xsl:call-template name="described">
                <xsl:with-param name="id" select="'f-sms_code'"/>
                <xsl:with-param name="f" select="$form/field[@name = 'sms_code']"/>
                <xsl:with-param name="hint" select="'x'"/>
              </xsl:call-template>
            </input>
            <!-- #sms-box: without JavaScript the answer comes back here -->
            <button type="submit" form="apply-form" name="action" value="send_code" class="btn btn-code"
                formaction="/apply#sms-box" data-wait="{/apply/sms/@wait}">获取验证码</button>
          </div>
          <xsl:if test="$form/@status = 'sent'">
            <p class="sms-msg" id="sms-msg" role="status"><xsl:value-of select="$form/message"/></p>
          </xsl:if>
          <xsl:call-template name="notes">
            <xsl:with-param name="name" select="'sms_code'"/>
            <xsl:with-param name="hint" select="concat('验证码发送至注册手机号 ', /apply/account/@phone, '，', /apply/sms/@valid, '分钟内有效；', /apply/sms/@wait, '秒后可重新获取')"/>
          </xsl:call-template>
        </div>
        <xsl:if test="$form/field[@name = 'r19proof']/error">
          <p class="error" role="alert"><xsl:value-of select="$form/field[@name = 'r19proof']/error"/></p>
        </xsl:if>
        <div class="buttons">
          <button type="submit" form="apply-form" name="action" value="save" class="btn">保存信息</button>
          <button type="submit" form="apply-form" name="action" value="submit" class="btn btn-primary">提交信息</button>
        </div>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- 单位信息: region, supervising unit, unit; 下一级 re-renders -->
  <xsl:template name="unit-cascade">
    <xsl:variable name="t" select="/apply/unit-tree"/>
    <!-- data-js-hint: the instructions once apply.js fills the lists
         itself and hides 下一级 -->
    <div id="unit-cascade" data-js-hint="从左至右的下拉框中依次选择地区、主管单位和所在单位（选好一级后，后面的列表自动出现），直到选中本人所属单位为止。如果找不到本人所属单位或所属单位名称有误，请联系当地人社局工考办（工考中心）。">
      <xsl:call-template name="field-class">
        <xsl:with-param name="name" select="'unit_id'"/>
        <xsl:with-param name="extra" select="'unit-cascade'"/>
      </xsl:call-template>
      <label for="f-region">单位信息<span class="req" aria-hidden="true">*</span></label>
      <div class="control">
        <select id="f-region" name="region" aria-label="地区" data-level="region">
          <option value="">请选择</option>
          <xsl:for-each select="$t/regions/region">
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="string(@code)"/>
              <xsl:with-param name="label" select="string(@name)"/>
              <xsl:with-param name="selected" select="string($form/field[@name = 'region']/@value)"/>
            </xsl:call-template>
          </xsl:for-each>
        </select>
        <select id="f-supervisor" name="supervisor" aria-label="主管单位" data-level="supervisor">
          <option value="">请选择</option>
          <xsl:for-each select="$t/supervisors/unit">
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="string(@id)"/>
              <xsl:with-param name="label" select="string(@name)"/>
              <xsl:with-param name="selected" select="string($form/field[@name = 'supervisor']/@value)"/>
            </xsl:call-template>
          </xsl:for-each>
        </select>
        <select id="f-unit_id" name="unit_id" aria-label="所在单位" data-level="unit">
          <xsl:call-template name="described">
            <xsl:with-param name="id" select="'f-unit_id'"/>
            <xsl:with-param name="f" select="$form/field[@name = 'unit_id']"/>
            <xsl:with-param name="hint" select="'x'"/>
          </xsl:call-template>
          <option value="">请选择</option>
          <xsl:if test="$t/units">
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="string($t/units/@parent)"/>
              <xsl:with-param name="label" select="concat($t/supervisors/unit[@id = $t/units/@parent]/@name, '（主管单位本级）')"/>
              <xsl:with-param name="selected" select="string($form/field[@name = 'unit_id']/@value)"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:for-each select="$t/units/unit">
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="string(@id)"/>
              <xsl:with-param name="label" select="string(@name)"/>
              <xsl:with-param name="selected" select="string($form/field[@name = 'unit_id']/@value)"/>
            </xsl:call-template>
          </xsl:for-each>
        </select>
        <button type="submit" name="action" value="pick_unit" class="btn-small pick-unit" formaction="/apply#unit-cascade">下一级</button>
      </div>
      <xsl:call-template name="notes">
        <xsl:with-param name="name" select="'unit_id'"/>
        <xsl:with-param name="hint" select="'从左至右的下拉框中依次选择地区、主管单位和所在单位（每选一级后点击“下一级”，下一级的列表才会出现），直到选中本人所属单位为止。如果找不到本人所属单位或所属单位名称有误，请联系当地人社局工考办（工考中心）。'"/>
      </xsl:call-template>
      <xsl:call-template name="notes"><xsl:with-param name="name" select="'region'"/></xsl:call-template>
      <xsl:call-template name="notes"><xsl:with-param name="name" select="'supervisor'"/></xsl:call-template>
    </div>
  </xsl:template>

  <!-- One upload (one file per upload).  Its controls belong to
       apply-form: the button sends the file (file_KIND) with every field
       of the form to /apply/upload, which saves them as the draft (or
       keeps them for the form), so nothing typed is lost. -->
  <xsl:template name="upload">
    <xsl:param name="kind"/>
    <xsl:param name="label"/>
    <xsl:param name="button" select="'上传'"/>
    <xsl:param name="accept" select="'.jpg,.jpeg,image/jpeg'"/>
    <div class="upload-form" id="upload-{$kind}" data-kind="{$kind}"
        data-upload-max="{/*/meta/upload-limit/@bytes}">
      <xsl:if test="$kind = 'document'">
        <label>文档标题 <input type="text" name="title" form="apply-form" maxlength="50"/></label>
      </xsl:if>
      <label><xsl:value-of select="$label"/><xsl:text> </xsl:text>
        <input type="file" name="file_{$kind}" id="f-upload-{$kind}" form="apply-form" accept="{$accept}"
            data-kind="{$kind}"/>
      </label>
      <button type="submit" form="apply-form" formaction="/apply/upload" name="kind" value="{$kind}"
          class="btn-small"><xsl:value-of select="$button"/></button>
      <span class="hint upload-limit">
        <xsl:call-template name="upload-limit-text"/>
        <xsl:if test="$kind = 'photo'">；可在选择后框选头像，自动裁成二寸照片</xsl:if>
      </span>
    </div>
  </xsl:template>

  <!-- the list of one kind's materials, with thumbnails and delete -->
  <xsl:template name="material-list">
    <xsl:param name="kinds"/>
    <xsl:variable name="ms" select="/apply/materials/material[contains($kinds, concat(' ', @kind, ' '))]"/>
    <xsl:if test="$ms">
      <ul class="materials">
        <xsl:for-each select="$ms">
          <li class="material">
            <xsl:choose>
              <xsl:when test="@mime = 'image/jpeg'">
                <a href="/files?id={@id}" target="_blank" rel="noopener">
                  <img src="/files?id={@id}" alt="资料照片 {position()}" class="thumb" loading="lazy"/>
                </a>
              </xsl:when>
              <xsl:otherwise>
                <a href="/files?id={@id}"><xsl:value-of select="@title"/></a>
              </xsl:otherwise>
            </xsl:choose>
            <span class="material-meta"><xsl:value-of select="@created"/></span>
            <xsl:if test="$ed">
              <!-- a button of apply-form: the fields go along (saved) -->
              <button type="submit" form="apply-form" formaction="/apply/delete" name="id"
                  value="{@id}" class="btn-small delete-btn">删除</button>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <xsl:template name="materials">
    <section class="card" id="materials">
      <h2>照片和资料上传</h2>
      <p class="hint">上传照片和资料时，已填写的内容同时保存。报名资料图片必须为jpg格式，一次只能选择一个图片文件，内容完整，字迹清晰，否则直接影响资格审查结果！</p>

      <h3>个人照片（2寸大头照）<span class="req" aria-hidden="true">*</span></h3>
      <xsl:call-template name="material-list"><xsl:with-param name="kinds" select="' photo '"/></xsl:call-template>
      <xsl:call-template name="notes">
        <xsl:with-param name="name" select="'photo'"/>
        <xsl:with-param name="hint" select="'应上传近期二寸免冠白色背景彩色证件照，规格为413×626像素，格式为jpg'"/>
      </xsl:call-template>
      <xsl:if test="$ed">
        <xsl:call-template name="upload">
          <xsl:with-param name="kind" select="'photo'"/>
          <xsl:with-param name="label" select="'选择个人照片'"/>
        </xsl:call-template>
        <xsl:if test="/apply/materials/material[@kind = 'photo'] and $app/@photo-stamped != '1'">
          <div class="stamp-form">
            <button type="submit" form="apply-form" formaction="/apply/stamp" class="btn-small">添加身份证号</button>
            <span class="hint">个人照片上没有添加身份证号的，点击一键添加</span>
          </div>
        </xsl:if>
      </xsl:if>

      <h3>身份证照片<span class="req" aria-hidden="true">*</span></h3>
      <xsl:call-template name="material-list"><xsl:with-param name="kinds" select="' idcard '"/></xsl:call-template>
      <xsl:call-template name="notes">
        <xsl:with-param name="name" select="'idcard'"/>
        <xsl:with-param name="hint" select="'应上传本人身份证人像面彩色照片，格式为jpg；可重新上传替换'"/>
      </xsl:call-template>
      <xsl:if test="$ed">
        <xsl:call-template name="upload">
          <xsl:with-param name="kind" select="'idcard'"/>
          <xsl:with-param name="label" select="'选择身份证照片'"/>
        </xsl:call-template>
      </xsl:if>

      <h3>资料上传</h3>
      <p class="hint">请上传本人毕业证、近期工资变动审批表（也可申请由单位人事部门上传）、河南省机关事业单位工勤岗位等级证书等原件照片。</p>
      <xsl:call-template name="material-list"><xsl:with-param name="kinds" select="' material '"/></xsl:call-template>
      <xsl:if test="$ed">
        <xsl:call-template name="upload">
          <xsl:with-param name="kind" select="'material'"/>
          <xsl:with-param name="label" select="'添加上传资料'"/>
        </xsl:call-template>
        <div class="qr-form">
          <button type="submit" form="apply-form" formaction="/apply/qr" class="btn-small">手机扫码上传</button>
          <span class="hint">用联网智能手机（微信/手机浏览器）扫描二维码，可直接选择相册上传或拍照上传</span>
        </div>
      </xsl:if>

      <h3>合格库不符证明材料</h3>
      <xsl:call-template name="material-list"><xsl:with-param name="kinds" select="' r19proof '"/></xsl:call-template>
      <xsl:call-template name="notes">
        <xsl:with-param name="name" select="'r19proof'"/>
        <xsl:with-param name="hint" select="'提示“现岗位工种与合格库信息不符”并确认报考的，请按要求上传相关证明材料照片'"/>
      </xsl:call-template>
      <xsl:if test="$ed">
        <xsl:call-template name="upload">
          <xsl:with-param name="kind" select="'r19proof'"/>
          <xsl:with-param name="label" select="'上传证明材料'"/>
        </xsl:call-template>
      </xsl:if>

      <!-- shown when 破格晋升 is ticked (apply.js follows the box) or
           evidence is there -->
      <div id="exc-uploads" class="exc-uploads">
        <xsl:if test="not($form/field[@name = 'exceptional']/@value = '1' or /apply/materials/material[@kind = 'exc_evidence'] or $form/field[@name = 'exc_evidence_files']/error)">
          <xsl:attribute name="hidden">hidden</xsl:attribute>
        </xsl:if>
        <h3>破格晋升证明材料</h3>
        <xsl:call-template name="material-list"><xsl:with-param name="kinds" select="' exc_evidence '"/></xsl:call-template>
        <xsl:call-template name="notes"><xsl:with-param name="name" select="'exc_evidence_files'"/></xsl:call-template>
        <xsl:if test="$ed">
          <xsl:call-template name="upload">
            <xsl:with-param name="kind" select="'exc_evidence'"/>
            <xsl:with-param name="label" select="'上传证明材料原件照片'"/>
          </xsl:call-template>
        </xsl:if>
      </div>

      <div id="level1-uploads" class="level1">
        <xsl:if test="$tlevel != '1'"><xsl:attribute name="hidden">hidden</xsl:attribute></xsl:if>
        <h3>一级（高级技师）资料上传</h3>
        <p class="hint">最近工资审批表照片和年度考核优秀（优秀党员）材料由上级审核员上传，不需申报人员上传。</p>
        <h4>考评申报表照片</h4>
        <xsl:call-template name="material-list"><xsl:with-param name="kinds" select="' l1_form '"/></xsl:call-template>
        <xsl:if test="$ed">
          <xsl:call-template name="upload">
            <xsl:with-param name="kind" select="'l1_form'"/>
            <xsl:with-param name="label" select="'打印考评申报表并由主管部门审核后原件拍照上传'"/>
          </xsl:call-template>
        </xsl:if>
        <h4>二级（技师）证书照片</h4>
        <xsl:call-template name="material-list"><xsl:with-param name="kinds" select="' l1_cert '"/></xsl:call-template>
        <xsl:if test="$ed">
          <xsl:call-template name="upload">
            <xsl:with-param name="kind" select="'l1_cert'"/>
            <xsl:with-param name="label" select="'上传二级（技师）证书照片'"/>
          </xsl:call-template>
        </xsl:if>
        <h4>其它申报材料</h4>
        <xsl:call-template name="material-list"><xsl:with-param name="kinds" select="' l1_other '"/></xsl:call-template>
        <xsl:if test="$ed">
          <xsl:call-template name="upload">
            <xsl:with-param name="kind" select="'l1_other'"/>
            <xsl:with-param name="label" select="'上传当地人社局要求的其它材料原件照片'"/>
          </xsl:call-template>
        </xsl:if>
        <h4>电子文档</h4>
        <p class="hint">文件格式需为doc或docx，文件名称需与所填写的标题保持一致；不得将文档照片剪切复制至word文档后上传。</p>
        <xsl:call-template name="material-list"><xsl:with-param name="kinds" select="' document '"/></xsl:call-template>
        <xsl:if test="$ed">
          <xsl:call-template name="upload">
            <xsl:with-param name="kind" select="'document'"/>
            <xsl:with-param name="label" select="'选择文档'"/>
            <xsl:with-param name="accept" select="'.doc,.docx,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document'"/>
          </xsl:call-template>
        </xsl:if>
      </div>
    </section>
  </xsl:template>

</xsl:stylesheet>
