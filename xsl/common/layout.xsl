<?xml version="1.0" encoding="UTF-8"?>
<!--
  layout.xsl: the page skeleton every page stylesheet imports.

  A page stylesheet does
    <xsl:import href="../common/layout.xsl"/>  (and widgets.xsl if needed)
    <xsl:variable name="title" select="'…'"/>
    <xsl:template name="content">…</xsl:template>
  and import precedence lets its $title and content win over the
  defaults below.  The only matching template of a page is match="/"
  here; everything else is named templates (head, header, nav, flash,
  content, footer) so a role or a page may override any of them.

  The document is the page XML of schema/xml/README.md: /*/meta always.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:f="https://gkbm.hrss.henan.gov.cn/xsl/fragment"
    extension-element-prefixes="f">

  <xsl:output method="html" encoding="UTF-8" indent="no"
      doctype-system="about:legacy-compat"/>

  <!-- The worker may pass these as parameters; by default they are
       read from the document. -->
  <xsl:param name="role" select="string(/*/meta/role)"/>
  <xsl:param name="csrf" select="string(/*/meta/csrf)"/>

  <xsl:variable name="meta" select="/*/meta"/>
  <xsl:variable name="path" select="string(/*/meta/path)"/>

  <!-- Pages override this. -->
  <xsl:variable name="title" select="''"/>

  <xsl:template match="/">
    <html lang="zh-CN">
      <head>
        <xsl:call-template name="head"/>
      </head>
      <body class="page-{local-name(/*)} role-{$role}">
        <a class="skip" href="#main">跳到正文</a>
        <xsl:call-template name="header"/>
        <!-- The menu is the same for a role on a page: kept by the
             worker (fcgi/fragment.c).  The key must name all it reads. -->
        <f:cache key="concat($role, '|', $path, '|', boolean($meta/user),
            '|', $title, '|', /*/counts/@manual, '|', /*/counts/@senior,
            '|', $meta/user/@region-kind)"
            template="nav" seconds="3600">
          <xsl:fallback><xsl:call-template name="nav"/></xsl:fallback>
        </f:cache>
        <main id="main" class="wrap">
          <xsl:call-template name="flash"/>
          <h1 class="page-title"><xsl:value-of select="$title"/></h1>
          <xsl:call-template name="content"/>
        </main>
        <!-- The same on every page: kept by the worker.  The key must
             name all the footer reads. -->
        <f:cache key="string($meta/service-phone)" template="footer" seconds="3600">
          <xsl:fallback><xsl:call-template name="footer"/></xsl:fallback>
        </f:cache>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="head">
    <!-- http-equiv rather than meta charset: the html serialiser
         (htmlSetMetaEncoding) adds this exact element unless it is
         there, which would give two charset declarations. -->
    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>
      <xsl:if test="$title != ''">
        <xsl:value-of select="$title"/>
        <xsl:text> - </xsl:text>
      </xsl:if>
      <xsl:value-of select="$meta/site"/>
    </title>
    <link rel="stylesheet" href="/static/css/gkbm.css"/>
    <script src="/static/js/gkbm.js" defer="defer"></script>
    <xsl:call-template name="extra-head"/>
  </xsl:template>

  <!-- A page's own scripts or styles (files only: CSP). -->
  <xsl:template name="extra-head"/>

  <xsl:template name="header">
    <header class="site-header">
      <div class="wrap header-inner">
        <a class="site-name" href="/"><xsl:value-of select="$meta/site"/></a>
        <xsl:if test="$meta/user">
          <div class="user-box">
            <span class="user-name"><xsl:value-of select="$meta/user/@name"/></span>
            <xsl:if test="$meta/role-name">
              <span class="user-role"><xsl:value-of select="$meta/role-name"/></span>
            </xsl:if>
            <form class="logout" method="post" action="/logout">
              <input type="hidden" name="csrf" value="{$csrf}"/>
              <button type="submit" class="btn-link">退出</button>
            </form>
          </div>
        </xsl:if>
      </div>
    </header>
  </xsl:template>

  <!-- Kept per (role, path, logged in, title, the unit's region kind)
       by f:cache above: read nothing else here (nor in menu-items,
       menu-item), or add it to the key.
       The menus of schema/xml/README.md "Roles and their menus".  Only
       the entries open today are offered; those of later issues are
       not shown until they have a page (they were greyed 未开放 links to
       nowhere, half of a phone's screen).  Two renderings of the same
       list, one shown at a time by CSS (no script needed): a bar on wide
       screens, a 菜单 disclosure on phones. -->
  <xsl:template name="nav">
    <xsl:if test="$meta/user and $role != 'anon'">
      <nav class="menu" aria-label="功能菜单">
        <ul class="wrap menu-bar">
          <xsl:call-template name="menu-items"/>
        </ul>
        <details class="wrap menu-narrow">
          <summary class="menu-toggle">
            <span class="menu-word">菜单</span>
            <xsl:if test="$title != ''">
              <span class="menu-here">当前：<xsl:value-of select="$title"/></span>
            </xsl:if>
          </summary>
          <ul class="menu-list">
            <xsl:call-template name="menu-items"/>
          </ul>
        </details>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- The open entries of the role's menu.  Still to come (not shown):
       candidate 准考证打印, 考核结果, 电子证书; unit 报名查询;
       supervising 单位管理, 用户管理, 审核员管理; county 成绩管理; city 准考证管理, 成绩管理, 证书管理; province
       工种目录, 收费标准.  Every staff role reviews (review-items). -->
  <xsl:template name="menu-items">
    <xsl:call-template name="menu-item">
      <xsl:with-param name="label" select="'首页'"/>
      <xsl:with-param name="href" select="'/home'"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="$role = 'candidate'">
        <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'报名信息'"/><xsl:with-param name="href" select="'/apply'"/></xsl:call-template>
        <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'审核结果'"/><xsl:with-param name="href" select="'/status'"/></xsl:call-template>
        <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'网上缴费'"/><xsl:with-param name="href" select="'/pay'"/></xsl:call-template>
        <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'准考证打印'"/><xsl:with-param name="href" select="'/ticket'"/></xsl:call-template>
        <!-- result: 考核结果 (seed 000 §7) -->
        <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'考核结果'"/><xsl:with-param name="href" select="'/result'"/></xsl:call-template>
        <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'电子证书'"/><xsl:with-param name="href" select="'/cert'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$role = 'county' or $role = 'city'">
        <xsl:call-template name="review-items"/>
        <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'报名查询'"/><xsl:with-param name="href" select="'/admin/registrations'"/></xsl:call-template>
      </xsl:when>
      <xsl:when test="$role = 'province'">
        <xsl:call-template name="review-items"/>
        <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'时间设置'"/><xsl:with-param name="href" select="'/admin/windows'"/></xsl:call-template>
        <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'报名查询'"/><xsl:with-param name="href" select="'/admin/registrations'"/></xsl:call-template>
        <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'政策设置'"/><xsl:with-param name="href" select="'/admin/policy'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="review-items"/>
      </xsl:otherwise>
    </xsl:choose>
    <!-- 容缺后补, 市级复核意见, 省级标记记录 (002 §1.1.4, §1.1.6), 已承接设置 -->
    <xsl:if test="$role != 'candidate'">
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'容缺后补'"/><xsl:with-param name="href" select="'/review/deferred'"/></xsl:call-template>
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'市级复核意见'"/><xsl:with-param name="href" select="'/review/notes?k=city'"/></xsl:call-template>
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'省级标记记录'"/><xsl:with-param name="href" select="'/review/notes?k=province'"/></xsl:call-template>
    </xsl:if>
    <!-- 缴费管理 (002 §3.2): its pages carry their own tabs (widgets.xsl pay-tabs) -->
    <xsl:if test="$role = 'county' or $role = 'city' or $role = 'province'">
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'缴费管理'"/><xsl:with-param name="href" select="'/admin/pay/due'"/></xsl:call-template>
    </xsl:if>
    <!-- 报名信息查询, 信息统计 (002 §1.1.5): every admin, not a reviewer -->
    <xsl:if test="$role != 'candidate' and $role != 'reviewer'">
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'报名信息查询'"/><xsl:with-param name="href" select="'/admin/query'"/></xsl:call-template>
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'信息统计'"/><xsl:with-param name="href" select="'/admin/stats'"/></xsl:call-template>
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'名册打印'"/><xsl:with-param name="href" select="'/admin/roster?k=final'"/></xsl:call-template>
    </xsl:if>
    <!-- 汇总上报 (004): the cities and the 省直 主管单位 (a supervising
         unit of the province's own region, report.c) report, the
         province reads -->
    <xsl:if test="$role = 'city' or $role = 'province' or
        ($role = 'supervising' and $meta/user/@region-kind = 'province')">
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'汇总上报'"/><xsl:with-param name="href" select="'/admin/report'"/></xsl:call-template>
    </xsl:if>
    <!-- 单位名称核对 (003 §三(一)), 补报及破格（一线）人员 (002 §3.1), 撤销注册 -->
    <xsl:if test="$role = 'supervising' or $role = 'county' or $role = 'city' or $role = 'province'">
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'单位名称核对'"/><xsl:with-param name="href" select="'/admin/unitcheck'"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="$role = 'county' or $role = 'city' or $role = 'province'">
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'补报及破格（一线）人员'"/><xsl:with-param name="href" select="'/admin/entry'"/></xsl:call-template>
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'撤销注册'"/><xsl:with-param name="href" select="'/admin/revoke'"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="$role = 'city' or $role = 'province'">
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'已承接设置'"/><xsl:with-param name="href" select="'/review/takeover'"/></xsl:call-template>
    </xsl:if>
    <!-- plan: 考务管理 (考点考场, 场次, 编排考场; exam-tabs) -->
    <xsl:if test="$role = 'city' or $role = 'province'">
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'考务管理'"/><xsl:with-param name="href" select="'/admin/exam/sites'"/></xsl:call-template>
    </xsl:if>
    <!-- ticket: 准考证查询 (002 §1.2.1): every admin, not a reviewer -->
    <xsl:if test="$role != 'candidate' and $role != 'reviewer'">
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'准考证查询'"/><xsl:with-param name="href" select="'/admin/tickets'"/></xsl:call-template>
    </xsl:if>
    <!-- result: 考核结果管理 (002 §3.3; res-tabs) -->
    <xsl:if test="$role = 'county' or $role = 'city' or $role = 'province'">
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'考核结果管理'"/><xsl:with-param name="href" select="'/admin/results'"/></xsl:call-template>
    </xsl:if>
    <!-- cert: 证书管理 (电子证书: issue, list, revoke), 申领汇总上报 (004 §四) -->
    <xsl:if test="$role = 'city' or $role = 'province'">
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'证书管理'"/><xsl:with-param name="href" select="'/admin/certs'"/></xsl:call-template>
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'申领汇总上报'"/><xsl:with-param name="href" select="'/admin/claim'"/></xsl:call-template>
    </xsl:if>
    <!-- 系统管理 (002 §3.4): 单位管理, 用户管理, 本级审核员管理 (sys-tabs) -->
    <xsl:if test="$role = 'supervising' or $role = 'county' or $role = 'city' or $role = 'province'">
      <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'系统管理'"/><xsl:with-param name="href" select="'/admin/units'"/></xsl:call-template>
    </xsl:if>
    <xsl:call-template name="menu-item">
      <xsl:with-param name="label" select="'修改密码'"/>
      <xsl:with-param name="href" select="'/password'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- 本级审核中 (人工审核, 高级技师审核) with the counts the page
       carries (/*/counts: home and the review pages), 本级审核记录. -->
  <xsl:template name="review-items">
    <xsl:variable name="c" select="/*/counts"/>
    <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'人工审核'"/><xsl:with-param name="href" select="'/review/queue?q=manual'"/><xsl:with-param name="count" select="string($c/@manual)"/></xsl:call-template>
    <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'高级技师审核'"/><xsl:with-param name="href" select="'/review/queue?q=senior'"/><xsl:with-param name="count" select="string($c/@senior)"/></xsl:call-template>
    <xsl:call-template name="menu-item"><xsl:with-param name="label" select="'本级审核记录'"/><xsl:with-param name="href" select="'/review/records?k=passed'"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="menu-item">
    <xsl:param name="label"/>
    <xsl:param name="href"/>
    <xsl:param name="count" select="''"/>
    <li>
      <a href="{$href}">
        <xsl:if test="$path = $href or ($title = $label and contains($href, '?')) or
            ($label = '本级审核记录' and $path = '/review/records')">
          <xsl:attribute name="class">current</xsl:attribute>
          <xsl:attribute name="aria-current">page</xsl:attribute>
        </xsl:if>
        <xsl:value-of select="$label"/>
        <xsl:if test="$count != ''">
          <span class="count">
            <xsl:if test="$count = '0'"><xsl:attribute name="class">count count-0</xsl:attribute></xsl:if>
            <xsl:value-of select="$count"/><span class="sr-only">人待审核</span>
          </span>
        </xsl:if>
      </a>
    </li>
  </xsl:template>

  <xsl:template name="flash">
    <xsl:if test="string($meta/flash) != ''">
      <div class="flash" role="status"><xsl:value-of select="$meta/flash"/></div>
    </xsl:if>
  </xsl:template>

  <!-- Pages override this. -->
  <xsl:template name="content"/>

  <!-- Kept per service phone by f:cache above: read nothing else here,
       or add it to the key. -->
  <xsl:template name="footer">
    <footer class="site-footer">
      <div class="wrap">
        <ul class="footer-links">
          <li><a href="/help/candidate">报考人员手册</a></li>
          <li><a href="/help/admin">管理员手册</a></li>
          <li><a href="/help/policy">政策说明</a></li>
          <li><a href="/help/phones">咨询电话</a></li>
          <li><a href="/canapply">我能报哪一级</a></li>
        </ul>
        <p>主办单位：河南省职业技能等级评价指导中心</p>
        <xsl:if test="string($meta/service-phone) != ''">
          <p>咨询电话：<xsl:value-of select="$meta/service-phone"/></p>
        </xsl:if>
        <p class="privacy">本系统收集的个人信息仅用于工勤技能岗位等级考核的资格审查、考务组织和证书管理，依法予以保护，不向无关单位和个人提供。</p>
      </div>
    </footer>
  </xsl:template>

</xsl:stylesheet>
