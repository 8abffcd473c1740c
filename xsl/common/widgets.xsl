<?xml version="1.0" encoding="UTF-8"?>
<!--
  widgets.xsl: named templates shared by the page stylesheets.
  Imported by a page next to layout.xsl; never by layout.xsl itself.

    field         one <input> (text, password, tel, date, datetime-local,
                  file, number) with label, value from /*/form, hint, error
    select-field  one <select> with options from a node-set
    form-message  the box above a form (/*/form/message or status)
    csrf          the hidden csrf input
    captcha       the image captcha (图形验证码) and its field
    window-box    a <window>: its dates and whether it is open now
    window-state  'open' | 'before' | 'after' | 'closed' | 'unset'
    steps         the registration steps bar
    pager         a <list page pages total> pager keeping the filters
    pay-tabs      the tabs of 缴费管理 (the offices' payment pages)
    pay-select    a GET filter select of /*/states, /*/levels or /*/by
    exam-tabs     the tabs of 考务管理 (the offices' exam plan pages)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- A text-like input.  The value is taken from
       /*/form/field[@name=$name]/@value unless $value is given; password
       inputs, files and SMS codes are never filled. -->
  <xsl:template name="field">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="type" select="'text'"/>
    <xsl:param name="f" select="/*/form/field[@name = $name]"/>
    <xsl:param name="id" select="concat('f-', $name)"/>
    <xsl:param name="value" select="string($f/@value)"/>
    <xsl:param name="hint" select="''"/>
    <xsl:param name="required" select="true()"/>
    <xsl:param name="autocomplete" select="''"/>
    <xsl:param name="maxlength" select="''"/>
    <xsl:param name="minlength" select="''"/>
    <xsl:param name="pattern" select="''"/>
    <xsl:param name="inputmode" select="''"/>
    <xsl:param name="placeholder" select="''"/>
    <xsl:param name="accept" select="''"/>
    <xsl:param name="list" select="''"/>   <!-- the id of a <datalist> -->
    <xsl:param name="after"/>   <!-- markup placed right after the input (a button) -->
    <xsl:variable name="echo" select="$type != 'password' and $type != 'file'
        and $name != 'sms_code' and $name != 'old'
        and not(starts-with($name, 'password'))"/>
    <div class="field">
      <xsl:if test="$f/error">
        <xsl:attribute name="class">field has-error</xsl:attribute>
      </xsl:if>
      <label for="{$id}">
        <xsl:value-of select="$label"/>
        <xsl:if test="$required"><span class="req" aria-hidden="true">*</span></xsl:if>
      </label>
      <div class="control">
        <input id="{$id}" name="{$name}" type="{$type}">
          <xsl:if test="$echo and $value != ''">
            <xsl:attribute name="value"><xsl:value-of select="$value"/></xsl:attribute>
          </xsl:if>
          <xsl:if test="$required">
            <xsl:attribute name="required">required</xsl:attribute>
          </xsl:if>
          <xsl:if test="$autocomplete != ''">
            <xsl:attribute name="autocomplete"><xsl:value-of select="$autocomplete"/></xsl:attribute>
          </xsl:if>
          <xsl:if test="$maxlength != ''">
            <xsl:attribute name="maxlength"><xsl:value-of select="$maxlength"/></xsl:attribute>
          </xsl:if>
          <xsl:if test="$minlength != ''">
            <xsl:attribute name="minlength"><xsl:value-of select="$minlength"/></xsl:attribute>
          </xsl:if>
          <xsl:if test="$pattern != ''">
            <xsl:attribute name="pattern"><xsl:value-of select="$pattern"/></xsl:attribute>
          </xsl:if>
          <xsl:if test="$inputmode != ''">
            <xsl:attribute name="inputmode"><xsl:value-of select="$inputmode"/></xsl:attribute>
          </xsl:if>
          <!-- HTML allows placeholder on text-like inputs only (not on
               date, datetime-local, file...). -->
          <xsl:if test="$placeholder != '' and contains(' text tel password email search url number ', concat(' ', $type, ' '))">
            <xsl:attribute name="placeholder"><xsl:value-of select="$placeholder"/></xsl:attribute>
          </xsl:if>
          <xsl:if test="$accept != ''">
            <xsl:attribute name="accept"><xsl:value-of select="$accept"/></xsl:attribute>
          </xsl:if>
          <xsl:if test="$list != ''">
            <xsl:attribute name="list"><xsl:value-of select="$list"/></xsl:attribute>
          </xsl:if>
          <xsl:call-template name="described">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="f" select="$f"/>
            <xsl:with-param name="hint" select="$hint"/>
          </xsl:call-template>
        </input>
        <xsl:copy-of select="$after"/>
      </div>
      <xsl:call-template name="field-notes">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="f" select="$f"/>
        <xsl:with-param name="hint" select="$hint"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <!-- The image captcha (图形验证码, fcgi/captcha.c): the picture of GET
       /captcha, a new one on each load (gkbm.js also changes it on a
       click and after each use), and its field. -->
  <xsl:template name="captcha">
    <xsl:param name="id" select="'f-captcha'"/>
    <xsl:param name="f" select="/*/form/field[@name = 'captcha']"/>
    <xsl:param name="required" select="true()"/>
    <xsl:param name="hint" select="'请输入图片中的4位数字；看不清的，点击图片换一张'"/>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="'captcha'"/>
      <xsl:with-param name="id" select="$id"/>
      <xsl:with-param name="f" select="$f"/>
      <xsl:with-param name="label" select="'图形验证码'"/>
      <xsl:with-param name="required" select="$required"/>
      <xsl:with-param name="maxlength" select="'4'"/>
      <xsl:with-param name="pattern" select="'[0-9]{4}'"/>
      <xsl:with-param name="inputmode" select="'numeric'"/>
      <xsl:with-param name="autocomplete" select="'off'"/>
      <xsl:with-param name="hint" select="$hint"/>
      <xsl:with-param name="after">
        <img class="captcha" src="/captcha" width="120" height="40" alt="图形验证码：4位数字"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A <select>.  $options: region (code, name, kind), level (value,
       name), year (value, text), kind (name, label) or any element
       with @value and @name.
       Regions are grouped when some are neither city nor zone:
       省辖市 (city, zone: 济源示范区) and 直辖县（市） (direct_county, …). -->
  <xsl:template name="select-field">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="options"/>
    <xsl:param name="f" select="/*/form/field[@name = $name]"/>
    <xsl:param name="id" select="concat('f-', $name)"/>
    <xsl:param name="value" select="string($f/@value)"/>
    <xsl:param name="hint" select="''"/>
    <xsl:param name="required" select="true()"/>
    <xsl:param name="empty" select="'请选择'"/>  <!-- text of the empty option; '' for none -->
    <div class="field">
      <xsl:if test="$f/error">
        <xsl:attribute name="class">field has-error</xsl:attribute>
      </xsl:if>
      <label for="{$id}">
        <xsl:value-of select="$label"/>
        <xsl:if test="$required"><span class="req" aria-hidden="true">*</span></xsl:if>
      </label>
      <div class="control">
        <select id="{$id}" name="{$name}">
          <xsl:if test="$required">
            <xsl:attribute name="required">required</xsl:attribute>
          </xsl:if>
          <xsl:call-template name="described">
            <xsl:with-param name="id" select="$id"/>
            <xsl:with-param name="f" select="$f"/>
            <xsl:with-param name="hint" select="$hint"/>
          </xsl:call-template>
          <xsl:if test="$empty != ''">
            <option value=""><xsl:value-of select="$empty"/></option>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="$options[self::region][not(@kind = 'city' or @kind = 'zone')]">
              <optgroup label="省辖市">
                <xsl:apply-templates select="$options[@kind = 'city' or @kind = 'zone']" mode="option">
                  <xsl:with-param name="selected" select="$value"/>
                </xsl:apply-templates>
              </optgroup>
              <optgroup label="直辖县（市）">
                <xsl:apply-templates select="$options[not(@kind = 'city' or @kind = 'zone')]" mode="option">
                  <xsl:with-param name="selected" select="$value"/>
                </xsl:apply-templates>
              </optgroup>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="$options" mode="option">
                <xsl:with-param name="selected" select="$value"/>
              </xsl:apply-templates>
            </xsl:otherwise>
          </xsl:choose>
        </select>
      </div>
      <xsl:call-template name="field-notes">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="f" select="$f"/>
        <xsl:with-param name="hint" select="$hint"/>
      </xsl:call-template>
    </div>
  </xsl:template>

  <xsl:template match="region" mode="option">
    <xsl:param name="selected"/>
    <xsl:call-template name="option">
      <xsl:with-param name="value" select="string(@code)"/>
      <xsl:with-param name="label" select="string(@name)"/>
      <xsl:with-param name="selected" select="$selected"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="year" mode="option">
    <xsl:param name="selected"/>
    <xsl:call-template name="option">
      <xsl:with-param name="value" select="string(@value)"/>
      <xsl:with-param name="label" select="string(.)"/>
      <xsl:with-param name="selected" select="$selected"/>
    </xsl:call-template>
  </xsl:template>

  <!-- an upload kind (upload_kinds_xml): <kind name label/> -->
  <xsl:template match="kind" mode="option">
    <xsl:param name="selected"/>
    <xsl:call-template name="option">
      <xsl:with-param name="value" select="string(@name)"/>
      <xsl:with-param name="label" select="string(@label)"/>
      <xsl:with-param name="selected" select="$selected"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="*" mode="option">
    <xsl:param name="selected"/>
    <xsl:call-template name="option">
      <xsl:with-param name="value" select="string(@value)"/>
      <xsl:with-param name="label" select="string(@name)"/>
      <xsl:with-param name="selected" select="$selected"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="option">
    <xsl:param name="value"/>
    <xsl:param name="label"/>
    <xsl:param name="selected"/>
    <option value="{$value}">
      <xsl:if test="$value = $selected">
        <xsl:attribute name="selected">selected</xsl:attribute>
      </xsl:if>
      <xsl:value-of select="$label"/>
    </option>
  </xsl:template>

  <!-- aria-describedby / aria-invalid on the current control. -->
  <xsl:template name="described">
    <xsl:param name="id"/>
    <xsl:param name="f"/>
    <xsl:param name="hint"/>
    <xsl:if test="$f/error">
      <xsl:attribute name="aria-invalid">true</xsl:attribute>
    </xsl:if>
    <xsl:if test="$f/error or $hint != ''">
      <xsl:attribute name="aria-describedby">
        <xsl:if test="$f/error"><xsl:value-of select="concat($id, '-err')"/></xsl:if>
        <xsl:if test="$f/error and $hint != ''"><xsl:text> </xsl:text></xsl:if>
        <xsl:if test="$hint != ''"><xsl:value-of select="concat($id, '-hint')"/></xsl:if>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- The error (first, right under the control) and the hint. -->
  <xsl:template name="field-notes">
    <xsl:param name="id"/>
    <xsl:param name="f"/>
    <xsl:param name="hint"/>
    <xsl:if test="$f/error">
      <p class="error" id="{$id}-err">
        <xsl:for-each select="$f/error">
          <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:value-of select="."/>
        </xsl:for-each>
      </p>
    </xsl:if>
    <xsl:if test="$hint != ''">
      <p class="hint" id="{$id}-hint"><xsl:value-of select="$hint"/></p>
    </xsl:if>
  </xsl:template>

  <!-- The limit of one file as stated next to every file field (after
       $prefix), from /*/meta/upload-limit: MAX_JPEG, the limit the
       server enforces, so the two cannot differ. -->
  <xsl:template name="upload-limit-text">
    <xsl:param name="prefix" select="''"/>
    <xsl:if test="/*/meta/upload-limit">
      <xsl:value-of select="concat($prefix, '单个文件不超过', /*/meta/upload-limit)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="csrf">
    <input type="hidden" name="csrf" value="{/*/meta/csrf}"/>
  </xsl:template>

  <!-- The box above a form. -->
  <xsl:template name="form-message">
    <xsl:param name="form" select="/*/form"/>
    <xsl:choose>
      <xsl:when test="$form/@status = 'invalid'">
        <div class="msg msg-error" role="alert">
          <xsl:choose>
            <xsl:when test="string($form/message) != ''">
              <xsl:value-of select="$form/message"/>
            </xsl:when>
            <xsl:otherwise>请按提示修改后重新提交。</xsl:otherwise>
          </xsl:choose>
        </div>
      </xsl:when>
      <xsl:when test="$form/@status = 'sent'">
        <div class="msg msg-ok" role="status">
          <xsl:choose>
            <xsl:when test="string($form/message) != ''">
              <xsl:value-of select="$form/message"/>
            </xsl:when>
            <xsl:otherwise>短信验证码已发送，请注意查收。</xsl:otherwise>
          </xsl:choose>
        </div>
      </xsl:when>
      <xsl:when test="string($form/message) != ''">
        <div class="msg msg-info" role="status"><xsl:value-of select="$form/message"/></div>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- 'open' | 'before' | 'after' | 'closed' (inside the dates but shut)
       | 'unset' (no dates yet), from @open, @starts, @ends and meta/now. -->
  <xsl:template name="window-state">
    <xsl:param name="w"/>
    <xsl:variable name="now"
        select="number(translate(substring(/*/meta/now, 1, 16), '-: T', ''))"/>
    <xsl:choose>
      <xsl:when test="$w/@open = '1'">open</xsl:when>
      <xsl:when test="not($w/@starts)">unset</xsl:when>
      <xsl:when test="$now &lt; number(translate(substring($w/@starts, 1, 16), '-: T', ''))">before</xsl:when>
      <xsl:when test="$now &gt;= number(translate(substring($w/@ends, 1, 16), '-: T', ''))">after</xsl:when>
      <xsl:otherwise>closed</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $open: the badge while the window is open (当前可注册 on the
       registration pages, another word where the window means
       something else, e.g. 当前可填报 on the application form). -->
  <xsl:template name="window-box">
    <xsl:param name="w" select="/*/window[@kind = 'registration']"/>
    <xsl:param name="open" select="'当前可注册'"/>
    <xsl:variable name="state">
      <xsl:call-template name="window-state">
        <xsl:with-param name="w" select="$w"/>
      </xsl:call-template>
    </xsl:variable>
    <div class="window-box window-{$state}">
      <span class="window-label">
        <xsl:choose>
          <xsl:when test="string($w/@name) != ''"><xsl:value-of select="$w/@name"/></xsl:when>
          <xsl:otherwise>注册报名</xsl:otherwise>
        </xsl:choose>
        <xsl:text>时间：</xsl:text>
      </span>
      <span class="window-dates">
        <xsl:choose>
          <xsl:when test="$w/@starts">
            <xsl:value-of select="$w/@starts"/>
            <xsl:text> 至 </xsl:text>
            <xsl:value-of select="$w/@ends"/>
          </xsl:when>
          <xsl:otherwise>尚未公布</xsl:otherwise>
        </xsl:choose>
      </span>
      <span class="badge">
        <xsl:choose>
          <xsl:when test="$state = 'open'"><xsl:value-of select="$open"/></xsl:when>
          <xsl:when test="$state = 'after'">已结束</xsl:when>
          <xsl:otherwise>未开放</xsl:otherwise>
        </xsl:choose>
      </span>
    </div>
  </xsl:template>

  <!-- The registration steps: 1.申报人员须知 2.个人注册 3.完成 -->
  <xsl:template name="steps">
    <xsl:param name="current" select="1"/>
    <ol class="steps">
      <li>
        <xsl:if test="$current = 1">
          <xsl:attribute name="class">current</xsl:attribute>
          <xsl:attribute name="aria-current">step</xsl:attribute>
        </xsl:if>
        <xsl:if test="$current &gt; 1"><xsl:attribute name="class">done</xsl:attribute></xsl:if>
        <xsl:text>1.申报人员须知</xsl:text>
      </li>
      <li>
        <xsl:if test="$current = 2">
          <xsl:attribute name="class">current</xsl:attribute>
          <xsl:attribute name="aria-current">step</xsl:attribute>
        </xsl:if>
        <xsl:if test="$current &gt; 2"><xsl:attribute name="class">done</xsl:attribute></xsl:if>
        <xsl:text>2.个人注册</xsl:text>
      </li>
      <li>
        <xsl:if test="$current = 3">
          <xsl:attribute name="class">current</xsl:attribute>
          <xsl:attribute name="aria-current">step</xsl:attribute>
        </xsl:if>
        <xsl:text>3.完成</xsl:text>
      </li>
    </ol>
  </xsl:template>

  <!-- Pager for <list page pages total>.  Links go to meta/path and carry
       every non-empty /*/form field but page (the query's filters). -->
  <xsl:template name="pager">
    <xsl:param name="list" select="/*/list"/>
    <xsl:param name="base" select="string(/*/meta/path)"/>
    <!-- The filters as a query string (&name=value...): a page whose
         form carries it made by the handler (/*/form/@query) passes it,
         which spares a walk of the fields (tools/bench (g)). -->
    <xsl:param name="q">
      <xsl:for-each select="/*/form/field[@name != 'page' and @name != 'csrf'][string(@value) != '']">
        <xsl:text>&amp;</xsl:text>
        <xsl:value-of select="@name"/>
        <xsl:text>=</xsl:text>
        <xsl:value-of select="@value"/>
      </xsl:for-each>
    </xsl:param>
    <xsl:variable name="page" select="number($list/@page)"/>
    <xsl:variable name="pages" select="number($list/@pages)"/>
    <nav class="pager" aria-label="分页">
      <span class="pager-info">
        <xsl:text>共 </xsl:text><xsl:value-of select="$list/@total"/>
        <xsl:text> 条，第 </xsl:text><xsl:value-of select="$list/@page"/>
        <xsl:text> / </xsl:text><xsl:value-of select="$list/@pages"/>
        <xsl:text> 页</xsl:text>
      </span>
      <xsl:choose>
        <xsl:when test="$page &gt; 1">
          <a href="{$base}?page=1{$q}">第一页</a>
          <a href="{$base}?page={$page - 1}{$q}" rel="prev">上一页</a>
        </xsl:when>
        <xsl:otherwise>
          <span class="pager-off">第一页</span>
          <span class="pager-off">上一页</span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="$page &lt; $pages">
          <a href="{$base}?page={$page + 1}{$q}" rel="next">下一页</a>
          <a href="{$base}?page={$pages}{$q}">最后一页</a>
        </xsl:when>
        <xsl:otherwise>
          <span class="pager-off">下一页</span>
          <span class="pager-off">最后一页</span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$pages &gt; 1">
        <form class="pager-jump" method="get" action="{$base}">
          <xsl:for-each select="/*/form/field[@name != 'page' and @name != 'csrf'][string(@value) != '']">
            <input type="hidden" name="{@name}" value="{@value}"/>
          </xsl:for-each>
          <label>跳至 <input type="number" name="page" min="1" max="{$pages}" value="{$page}" class="page-no"/> 页</label>
          <button type="submit" class="btn-small">跳转</button>
        </form>
      </xsl:if>
    </nav>
  </xsl:template>

  <!-- The filter form of the review lists (queue.xsl, records.xsl): a
       GET form of h_queue.c's fields level, wt, unit, from, to, who and
       sort, the list's kind (q or k) kept hidden. -->
  <xsl:template name="review-filters">
    <xsl:param name="kind-field"/>
    <xsl:param name="date-label"/>
    <xsl:param name="sort-a"/>		<!-- the default order: value, label -->
    <xsl:param name="sort-a-label"/>
    <xsl:param name="sort-b"/>
    <xsl:param name="sort-b-label"/>
    <xsl:variable name="form" select="/*/form"/>
    <xsl:variable name="kind" select="string(/*/@kind)"/>
    <xsl:variable name="level" select="string($form/field[@name = 'level']/@value)"/>
    <xsl:variable name="wt" select="string($form/field[@name = 'wt']/@value)"/>
    <xsl:variable name="sort" select="string($form/field[@name = 'sort']/@value)"/>
    <form method="get" action="{$form/@action}" class="form form-inline filter-form no-print">
      <input type="hidden" name="{$kind-field}" value="{$kind}"/>
      <div class="field">
        <label for="f-level">申报等级</label>
        <div class="control">
          <select id="f-level" name="level">
            <option value="">全部</option>
            <xsl:for-each select="/*/levels/level[not($kind = 'manual' and @value = 1)
                and not($kind = 'senior' and @value != 1)]">
              <xsl:call-template name="option">
                <xsl:with-param name="value" select="@value"/>
                <xsl:with-param name="label" select="@name"/>
                <xsl:with-param name="selected" select="$level"/>
              </xsl:call-template>
            </xsl:for-each>
          </select>
        </div>
      </div>
      <div class="field">
        <label for="f-wt">申报工种</label>
        <div class="control">
          <select id="f-wt" name="wt">
            <option value="">全部</option>
            <xsl:for-each select="/*/worktypes/worktype">
              <xsl:call-template name="option">
                <xsl:with-param name="value" select="@code"/>
                <xsl:with-param name="label" select="@name"/>
                <xsl:with-param name="selected" select="$wt"/>
              </xsl:call-template>
            </xsl:for-each>
          </select>
        </div>
      </div>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'unit'"/>
        <xsl:with-param name="label" select="'单位编码'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'32'"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'from'"/>
        <xsl:with-param name="label" select="concat($date-label, '从')"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="false()"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'to'"/>
        <xsl:with-param name="label" select="'至'"/>
        <xsl:with-param name="type" select="'date'"/>
        <xsl:with-param name="required" select="false()"/>
      </xsl:call-template>
      <xsl:call-template name="field">
        <xsl:with-param name="name" select="'who'"/>
        <xsl:with-param name="label" select="'姓名或身份证号'"/>
        <xsl:with-param name="required" select="false()"/>
        <xsl:with-param name="maxlength" select="'40'"/>
      </xsl:call-template>
      <div class="field">
        <label for="f-sort">排序</label>
        <div class="control">
          <select id="f-sort" name="sort">
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="$sort-a"/>
              <xsl:with-param name="label" select="$sort-a-label"/>
              <xsl:with-param name="selected" select="$sort"/>
            </xsl:call-template>
            <xsl:call-template name="option">
              <xsl:with-param name="value" select="$sort-b"/>
              <xsl:with-param name="label" select="$sort-b-label"/>
              <xsl:with-param name="selected" select="$sort"/>
            </xsl:call-template>
          </select>
        </div>
      </div>
      <div class="buttons">
        <button type="submit" class="btn btn-primary">查询</button>
        <a class="btn btn-plain" href="{$form/@action}?{$kind-field}={$kind}">重置</a>
      </div>
    </form>
  </xsl:template>

  <!-- 缴费管理 (seed 002 §3.2): the tabs of the offices' payment pages
       and the selects of their filters. -->
  <xsl:template name="pay-tabs">
    <nav class="pay-tabs" aria-label="缴费管理">
      <ul>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/pay/due'"/><xsl:with-param name="label" select="'应缴报考人员列表'"/></xsl:call-template>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/pay/orders'"/><xsl:with-param name="label" select="'网上缴费状态查询'"/></xsl:call-template>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/pay/qr'"/><xsl:with-param name="label" select="'扫码缴费'"/></xsl:call-template>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/pay/stats'"/><xsl:with-param name="label" select="'缴费统计'"/></xsl:call-template>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/pay/cases'"/><xsl:with-param name="label" select="'退费与逾期到账'"/></xsl:call-template>
        <xsl:if test="/*/meta/role = 'province'">
          <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/pay/reconcile'"/><xsl:with-param name="label" select="'对账'"/></xsl:call-template>
        </xsl:if>
      </ul>
    </nav>
  </xsl:template>

  <!-- 考核结果管理 (seed 002 §3.3; result): its pages as tabs; 成绩导入与
       公布 for the city and the province offices. -->
  <xsl:template name="res-tabs">
    <xsl:variable name="r" select="string(/*/meta/role)"/>
    <nav class="pay-tabs res-tabs" aria-label="考核结果管理">
      <ul>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/results'"/><xsl:with-param name="label" select="'考核结果查询'"/></xsl:call-template>
        <xsl:if test="$r = 'city' or $r = 'province'">
          <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/results/import'"/><xsl:with-param name="label" select="'成绩导入与公布'"/></xsl:call-template>
        </xsl:if>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/results/lines'"/><xsl:with-param name="label" select="'合格线'"/></xsl:call-template>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/rechecks'"/><xsl:with-param name="label" select="'复核申请'"/></xsl:call-template>
      </ul>
    </nav>
  </xsl:template>

  <!-- The pages of 系统管理 (002 §3.4; h_units.c, h_users.c) as tabs,
       with 已承接设置 for the city and the province offices. -->
  <xsl:template name="sys-tabs">
    <xsl:variable name="r" select="string(/*/meta/role)"/>
    <xsl:variable name="p" select="string(/*/meta/path)"/>
    <nav class="sys-tabs" aria-label="系统管理">
      <ul>
        <li><a href="/admin/units"><xsl:if test="starts-with($p, '/admin/units') and not(starts-with($p, '/admin/units/import'))"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>单位管理</a></li>
        <li><a href="/admin/units/import"><xsl:if test="starts-with($p, '/admin/units/import')"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>批量导入单位</a></li>
        <li><a href="/admin/users"><xsl:if test="starts-with($p, '/admin/users')"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>用户管理</a></li>
        <li><a href="/admin/reviewers"><xsl:if test="$p = '/admin/reviewers'"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>本级审核员管理</a></li>
        <xsl:if test="$r = 'city' or $r = 'province'">
          <li><a href="/review/takeover">已承接设置</a></li>
        </xsl:if>
      </ul>
    </nav>
  </xsl:template>

  <!-- 考务管理 (plan; city and province offices): 考点考场, 场次, 编排考场.
       Other exam pages add their own tab here (ticket: 考生名单). -->
  <xsl:template name="exam-tabs">
    <nav class="pay-tabs exam-tabs" aria-label="考务管理">
      <ul>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/exam/sites'"/><xsl:with-param name="label" select="'考点考场'"/></xsl:call-template>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/exam/sessions'"/><xsl:with-param name="label" select="'场次'"/></xsl:call-template>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/exam/allocate'"/><xsl:with-param name="label" select="'编排考场'"/></xsl:call-template>
        <xsl:call-template name="pay-tab"><xsl:with-param name="href" select="'/admin/exam/roster'"/><xsl:with-param name="label" select="'考生名单'"/></xsl:call-template>
      </ul>
    </nav>
  </xsl:template>

  <xsl:template name="pay-tab">
    <xsl:param name="href"/>
    <xsl:param name="label"/>
    <li>
      <a href="{$href}">
        <xsl:if test="string(/*/meta/path) = $href">
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:template>

  <!-- A GET filter select named $name of /*/states or /*/levels. -->
  <xsl:template name="pay-select">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="options"/>
    <xsl:param name="all" select="'全部'"/>
    <xsl:variable name="v" select="string(/*/form/field[@name = $name]/@value)"/>
    <div class="field">
      <label for="f-{$name}"><xsl:value-of select="$label"/></label>
      <div class="control">
        <select id="f-{$name}" name="{$name}">
          <xsl:if test="$all != ''"><option value=""><xsl:value-of select="$all"/></option></xsl:if>
          <xsl:for-each select="$options">
            <xsl:variable name="code" select="string(@code | @value)"/>
            <option value="{$code}">
              <xsl:if test="$code = $v or (@selected = '1' and $v = '')">
                <xsl:attribute name="selected">selected</xsl:attribute>
              </xsl:if>
              <xsl:choose>
                <xsl:when test="@name"><xsl:value-of select="@name"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
              </xsl:choose>
            </option>
          </xsl:for-each>
        </select>
      </div>
      <xsl:if test="/*/form/field[@name = $name]/error">
        <p class="error"><xsl:value-of select="/*/form/field[@name = $name]/error"/></p>
      </xsl:if>
    </div>
  </xsl:template>
</xsl:stylesheet>
