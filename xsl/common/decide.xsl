<?xml version="1.0" encoding="UTF-8"?>
<!--
  decide.xsl: 审核结果, the answer of a review decision that is not a
  redirect (h_decide.c, h_batch.c, schema/xml/decide.rng): a refused one
  with its reasons and the form to try again (nothing typed is lost),
  one someone else decided first (409: what, who, when), or the rows of
  a batch (勾选审核, 勾选退回) with each one's outcome.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="kind" select="/*/@kind"/>
  <xsl:variable name="f" select="/*/form"/>
  <xsl:variable name="app" select="/*/application"/>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="/*/conflict">该报名信息已被他人处理</xsl:when>
      <xsl:when test="/*/results">勾选审核结果</xsl:when>
      <xsl:when test="$kind = 'false'">认定填报虚假信息</xsl:when>
      <xsl:otherwise>审核未完成</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- The application's id as posted (a number), for the links back. -->
  <xsl:variable name="id">
    <xsl:choose>
      <xsl:when test="$app"><xsl:value-of select="$app/@id"/></xsl:when>
      <xsl:when test="$f/field[@name = 'id' and not(error)]">
        <xsl:value-of select="$f/field[@name = 'id']/@value"/>
      </xsl:when>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="content">
    <xsl:choose>
      <xsl:when test="/*/conflict"><xsl:call-template name="conflict"/></xsl:when>
      <xsl:when test="/*/results"><xsl:call-template name="results"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="retry"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 409: what happened, who, when; the decision was not saved. -->
  <xsl:template name="conflict">
    <xsl:variable name="c" select="/*/conflict"/>
    <section class="card decide-conflict" aria-labelledby="h-conflict">
      <h2 id="h-conflict">您的审核没有保存</h2>
      <p class="msg msg-error" role="alert">
        <xsl:text>在您提交之前，</xsl:text>
        <xsl:value-of select="$app/@name"/>
        <xsl:text>的报名信息已</xsl:text>
        <xsl:if test="$c/@who != ''">
          <xsl:text>由</xsl:text><xsl:value-of select="$c/@who"/>
        </xsl:if>
        <xsl:if test="$c/@at">
          <xsl:text>于</xsl:text><xsl:value-of select="$c/@at"/>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$c/@action">
            <xsl:text>处理（</xsl:text><xsl:value-of select="$c/@action"/><xsl:text>）</xsl:text>
          </xsl:when>
          <xsl:otherwise>修改</xsl:otherwise>
        </xsl:choose>
        <xsl:text>。当前状态：</xsl:text>
        <xsl:value-of select="$app/@state"/>
        <xsl:text>。请查看最新情况后再操作。</xsl:text>
      </p>
      <xsl:call-template name="links"/>
    </section>
  </xsl:template>

  <!-- A batch: how many, and each row's outcome. -->
  <xsl:template name="results">
    <xsl:variable name="r" select="/*/results"/>
    <section class="card" aria-labelledby="h-results">
      <h2 id="h-results">
        <xsl:choose>
          <xsl:when test="$r/@action = 'return'">勾选退回</xsl:when>
          <xsl:otherwise>勾选审核（通过）</xsl:otherwise>
        </xsl:choose>
      </h2>
      <p class="lead" role="status">
        <xsl:text>共</xsl:text><xsl:value-of select="$r/@ok + $r/@failed"/>
        <xsl:text>条：成功</xsl:text><xsl:value-of select="$r/@ok"/>
        <xsl:text>条，未处理</xsl:text><xsl:value-of select="$r/@failed"/><xsl:text>条。</xsl:text>
      </p>
      <div class="table-wrap">
        <table class="list batch-results">
          <thead>
            <tr><th scope="col">序号</th><th scope="col">姓名</th><th scope="col">结果</th><th scope="col">说明</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="$r/row">
              <tr class="result-{@result}">
                <td><xsl:value-of select="@n"/></td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@name and @id">
                      <a href="/review/app?id={@id}"><xsl:value-of select="@name"/></a>
                    </xsl:when>
                    <xsl:otherwise>—</xsl:otherwise>
                  </xsl:choose>
                </td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@result = 'ok'">成功</xsl:when>
                    <xsl:otherwise>未处理</xsl:otherwise>
                  </xsl:choose>
                </td>
                <td><xsl:value-of select="@message"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <p class="actions"><a class="btn" href="/review/queue">返回审核列表</a></p>
    </section>
  </xsl:template>

  <!-- Refused: the reasons, and the form again with what was typed. -->
  <xsl:template name="retry">
    <section class="card" aria-labelledby="h-retry">
      <h2 id="h-retry">
        <xsl:choose>
          <xsl:when test="$app"><xsl:value-of select="$app/@name"/>（<xsl:value-of select="$app/@state"/>）</xsl:when>
          <xsl:otherwise>请修改后重新提交</xsl:otherwise>
        </xsl:choose>
      </h2>
      <form method="post" action="{$f/@action}" class="form decide-form">
        <xsl:call-template name="form-message"/>
        <xsl:for-each select="$f/field[(@name = 'id' or @name = 'version' or @name = 'next') and error]">
          <p class="error" role="alert"><xsl:value-of select="error"/></p>
        </xsl:for-each>
        <xsl:call-template name="csrf"/>
        <xsl:for-each select="$f/field[(@name = 'id' or @name = 'version' or @name = 'next') and not(error) and @value != '']">
          <input type="hidden" name="{@name}" value="{@value}"/>
        </xsl:for-each>
        <xsl:if test="$kind = 'single'">
          <xsl:call-template name="choice">
            <xsl:with-param name="name" select="'action'"/>
            <xsl:with-param name="label" select="'审核结果'"/>
            <xsl:with-param name="values" select="'pass return reject reapply '"/>
            <xsl:with-param name="names" select="'通过|退回本人|不通过|退回重新申报|'"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="text">
          <xsl:with-param name="name" select="'reason'"/>
          <xsl:with-param name="label">
            <xsl:choose>
              <xsl:when test="$kind = 'false'">认定理由</xsl:when>
              <xsl:otherwise>理由（退回、不通过时必填）</xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="max" select="200"/>
        </xsl:call-template>
        <xsl:if test="$kind = 'single'">
          <xsl:call-template name="choice">
            <xsl:with-param name="name" select="'defer'"/>
            <xsl:with-param name="label" select="'材料是否容缺后补'"/>
            <xsl:with-param name="values" select="'0 1 '"/>
            <xsl:with-param name="names" select="'否|是|'"/>
          </xsl:call-template>
          <xsl:call-template name="text">
            <xsl:with-param name="name" select="'defer_note'"/>
            <xsl:with-param name="label" select="'容缺后补材料备注'"/>
            <xsl:with-param name="max" select="500"/>
          </xsl:call-template>
        </xsl:if>
        <div class="buttons">
          <button type="submit" class="btn btn-primary">
            <xsl:choose>
              <xsl:when test="$kind = 'false'">确认认定</xsl:when>
              <xsl:otherwise>提交审核</xsl:otherwise>
            </xsl:choose>
          </button>
        </div>
      </form>
      <xsl:call-template name="links"/>
    </section>
  </xsl:template>

  <!-- Radio buttons of a field: values space-separated, names |-separated. -->
  <xsl:template name="choice">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="values"/>
    <xsl:param name="names"/>
    <xsl:variable name="fd" select="$f/field[@name = $name]"/>
    <fieldset class="field">
      <xsl:if test="$fd/error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <legend><xsl:value-of select="$label"/></legend>
      <xsl:call-template name="radios">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="values" select="$values"/>
        <xsl:with-param name="names" select="$names"/>
        <xsl:with-param name="current" select="string($fd/@value)"/>
      </xsl:call-template>
      <xsl:if test="$fd/error">
        <p class="error" id="e-{$name}"><xsl:value-of select="$fd/error"/></p>
      </xsl:if>
    </fieldset>
  </xsl:template>

  <xsl:template name="radios">
    <xsl:param name="name"/>
    <xsl:param name="values"/>
    <xsl:param name="names"/>
    <xsl:param name="current"/>
    <xsl:if test="$values != ''">
      <xsl:variable name="v" select="substring-before($values, ' ')"/>
      <label class="radio">
        <input type="radio" name="{$name}" value="{$v}">
          <xsl:if test="$v = $current or ($current = '' and $v = '0')">
            <xsl:attribute name="checked">checked</xsl:attribute>
          </xsl:if>
        </input>
        <xsl:text> </xsl:text><xsl:value-of select="substring-before($names, '|')"/>
      </label>
      <xsl:call-template name="radios">
        <xsl:with-param name="name" select="$name"/>
        <xsl:with-param name="values" select="substring-after($values, ' ')"/>
        <xsl:with-param name="names" select="substring-after($names, '|')"/>
        <xsl:with-param name="current" select="$current"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A textarea with what was typed and its error. -->
  <xsl:template name="text">
    <xsl:param name="name"/>
    <xsl:param name="label"/>
    <xsl:param name="max"/>
    <xsl:variable name="fd" select="$f/field[@name = $name]"/>
    <div class="field">
      <xsl:if test="$fd/error"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
      <label for="f-{$name}"><xsl:value-of select="$label"/></label>
      <div class="control">
        <textarea id="f-{$name}" name="{$name}" rows="3" maxlength="{$max}">
          <xsl:if test="$fd/error">
            <xsl:attribute name="aria-describedby">e-<xsl:value-of select="$name"/></xsl:attribute>
            <xsl:attribute name="aria-invalid">true</xsl:attribute>
          </xsl:if>
          <xsl:value-of select="$fd/@value"/>
        </textarea>
      </div>
      <xsl:if test="$fd/error">
        <p class="error" id="e-{$name}"><xsl:value-of select="$fd/error"/></p>
      </xsl:if>
    </div>
  </xsl:template>

  <xsl:template name="links">
    <p class="actions">
      <xsl:if test="$id != ''">
        <a class="btn" href="/review/app?id={$id}">查看该报名信息</a>
      </xsl:if>
      <a class="btn btn-plain" href="/review/queue">返回审核列表</a>
    </p>
  </xsl:template>
</xsl:stylesheet>
