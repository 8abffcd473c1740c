<?xml version="1.0" encoding="UTF-8"?>
<!-- home.xsl: staff home (every role but candidate): account card + window. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>
  <xsl:import href="widgets.xsl"/>

  <xsl:variable name="title" select="'首页'"/>

  <xsl:template name="content">
    <xsl:variable name="a" select="/*/account"/>
    <xsl:call-template name="window-box"/>
    <xsl:if test="/*/counts">
      <section class="card review-box" aria-labelledby="h-review">
        <h2 id="h-review">本级审核中</h2>
        <ul class="help-links">
          <li><a href="/review/queue?q=manual">人工审核（二级至五级）</a>：<xsl:value-of select="/*/counts/@manual"/> 人待审核</li>
          <li><a href="/review/queue?q=senior">高级技师审核（一级）</a>：<xsl:value-of select="/*/counts/@senior"/> 人待审核</li>
          <li><a href="/review/records?k=passed">本级审核记录</a></li>
        </ul>
      </section>
    </xsl:if>
    <section class="card account">
      <h2>账号信息</h2>
      <dl class="props">
        <dt>姓名</dt><dd><xsl:value-of select="$a/@name"/></dd>
        <dt>账号</dt><dd><xsl:value-of select="$a/@login"/></dd>
        <dt>角色</dt><dd><xsl:value-of select="$a/@role-name"/></dd>
        <xsl:if test="string($a/@unit) != ''">
          <dt>单位</dt><dd><xsl:value-of select="$a/@unit"/></dd>
        </xsl:if>
        <xsl:if test="string($a/@unit-code) != ''">
          <dt>单位代码</dt><dd><xsl:value-of select="$a/@unit-code"/></dd>
        </xsl:if>
      </dl>
      <p class="hint">请从上方菜单选择要办理的事项；其他功能在相应工作阶段开放后显示在菜单中。</p>
    </section>
    <section class="card help-box" aria-labelledby="h-help">
      <h2 id="h-help">帮助</h2>
      <ul class="help-links">
        <li><a href="/help/admin">管理员手册</a></li>
        <xsl:if test="$role = 'county' or $role = 'city' or $role = 'province'">
          <li><a href="/admin/phones">维护本级咨询电话</a></li>
        </xsl:if>
        <li><a href="/help/policy">政策说明</a></li>
        <li><a href="/help/phones">咨询电话</a></li>
      </ul>
    </section>
  </xsl:template>
</xsl:stylesheet>
