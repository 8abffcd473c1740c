<?xml version="1.0" encoding="UTF-8"?>
<!--
  manual.xsl: the two manuals (h_help.c, schema/xml/manual.rng): <manual
  doc="candidate|admin"/>.  The text is here (manual-candidate for
  报考人员手册, manual-admin for 管理员手册), written for our own
  pages as they are; the pictures are phone-width screenshots of those
  pages in www/help/, taken by the browser test t/browser/help.t
  (tools/help-shots).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="layout.xsl"/>

  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="/*/@doc = 'admin'">管理员手册</xsl:when>
      <xsl:otherwise>报考人员手册</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template name="content">
    <div class="manual">
      <xsl:choose>
        <xsl:when test="/*/@doc = 'admin'"><xsl:call-template name="manual-admin"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="manual-candidate"/></xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <!-- A screenshot of www/help/$src.png with its caption. -->
  <xsl:template name="shot">
    <xsl:param name="src"/>
    <xsl:param name="alt"/>
    <figure class="shot">
      <img src="/static/help/{$src}.png" alt="{$alt}" loading="lazy" width="390"/>
      <figcaption><xsl:value-of select="$alt"/></figcaption>
    </figure>
  </xsl:template>

  <!-- === 报考人员手册 ================================================ -->

  <xsl:template name="manual-candidate">
    <p class="lead">本手册按报名的先后顺序，说明报考人员在本系统中要做的每一步。手机和电脑都可以报名；图中是手机上看到的样子。</p>
    <nav class="toc" aria-label="目录">
      <h2>目录</h2>
      <ol>
        <li><a href="#c-before">报名前先看</a></li>
        <li><a href="#c-register">注册</a></li>
        <li><a href="#c-login">登录和找回密码</a></li>
        <li><a href="#c-home">首页：下一步做什么</a></li>
        <li><a href="#c-apply">填写报名信息</a></li>
        <li><a href="#c-photo">上传照片和资料</a></li>
        <li><a href="#c-submit">提交报名信息</a></li>
        <li><a href="#c-status">查看审核结果</a></li>
        <li><a href="#c-later">缴费、准考证、考核结果、电子证书</a></li>
      </ol>
    </nav>

    <section class="card" id="c-before">
      <h2>一、报名前先看</h2>
      <ul>
        <li>每个报考年度都要重新注册，往年的账号不能再用。注册和提交报名信息只能在省工考办公布的“注册报名时间”内进行，登录页上方写有本年度的起止时间。</li>
        <li>不知道自己能报哪一级，先用<a href="/canapply">我能报哪一级</a>：回答几个问题，系统按本年度的报名条件告诉您能报的等级和申报方式，不能报的说明原因。它和提交报名时的审核用的是同一套规则。</li>
        <li>各项报名条件见<a href="/help/policy">政策说明</a>，各地工考办的电话见<a href="/help/phones">咨询电话</a>。</li>
        <li>请准备好：本人身份证人像面的彩色照片；近期二寸免冠白色背景彩色证件照；毕业证、工资变动审批表、等级证书等原件的照片（jpg格式，内容完整、字迹清楚）；一部能收短信的手机。</li>
      </ul>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'c-canapply'"/><xsl:with-param name="alt" select="'我能报哪一级：查询结果'"/></xsl:call-template>
    </section>

    <section class="card" id="c-register">
      <h2>二、注册</h2>
      <p>在登录页点“去注册”，先阅读《申报人员须知》，勾选“已阅读并同意”后点“下一步”。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'c-notice'"/><xsl:with-param name="alt" select="'申报人员须知'"/></xsl:call-template>
      <p>在“个人注册”页依次填写：</p>
      <ul>
        <li><strong>省辖市、直辖县</strong>：选您单位所在的市或直辖县，注册后不能随意更改。</li>
        <li><strong>申报等级</strong>：准备申报的等级。</li>
        <li><strong>身份证照片</strong>：身份证人像面的彩色照片（jpg）。</li>
        <li><strong>身份证号、出生日期、姓名</strong>：必须与身份证一致，注册后不能修改。</li>
        <li><strong>手机号和短信验证码</strong>：填本人正在使用的手机号，点“获取验证码”，把短信里的6位数字填进来。验证码5分钟内有效；没收到的，60秒后可以再点一次（请关闭手机的短信拦截）。手机号注册后不能自行更改。</li>
        <li><strong>密码</strong>：至少8位，字母和数字都要有，不能含身份证号或姓名拼音，两次输入一致。</li>
      </ul>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'c-register'"/><xsl:with-param name="alt" select="'个人注册'"/></xsl:call-template>
      <p>点“注册”后，系统先核对是否在注册报名时间内，再核对各项信息；哪一项有问题，会在那一项下面用红字说明。注册成功后回到登录页。</p>
    </section>

    <section class="card" id="c-login">
      <h2>三、登录和找回密码</h2>
      <p>在登录页的“报考人员”一栏，用身份证号或手机号加密码登录。同一账号连续输错5次密码后，每次再试要等一段时间（从1分钟起逐次加长，最长15分钟）；错误次数很多时，还要输入图片中的数字。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'c-login'"/><xsl:with-param name="alt" select="'登录页'"/></xsl:call-template>
      <p>忘记密码时点“忘记密码?”，用注册时的手机号接收验证码，再设置新密码。</p>
      <p>登录后30分钟没有操作会自动退出，请填写过程中随时点“保存信息”。超时后再点“保存信息”，已填写的内容会暂存，重新登录后自动回到报名信息页面并恢复，核对后再保存即可。</p>
    </section>

    <section class="card" id="c-home">
      <h2>四、首页：下一步做什么</h2>
      <p>登录后先看到首页：上面是注册报名时间，中间是您的注册信息，下面的“下一步”只告诉您现在该做的一件事，点它的按钮就能去办：</p>
      <ul>
        <li>还没填或没填完：<strong>填写报名信息</strong>；</li>
        <li>信息填好但还没有个人照片：<strong>上传照片</strong>；</li>
        <li>信息和照片都保存了：<strong>核对并提交</strong>（只保存不提交，审核人员看不到）；</li>
        <li>已提交：<strong>等待审核</strong>，可查看审核结果；</li>
        <li>被退回：<strong>按退回原因修改后重新提交</strong>；</li>
        <li>不在注册报名时间内：显示时间安排，到时再来。</li>
      </ul>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'c-home'"/><xsl:with-param name="alt" select="'首页'"/></xsl:call-template>
    </section>

    <section class="card" id="c-apply">
      <h2>五、填写报名信息</h2>
      <p>点菜单的“报名信息”，按顺序如实填写。带红色星号的是必填项。</p>
      <ul>
        <li><strong>单位信息</strong>：从左到右依次选地区、主管单位、所在单位，直到选中本人单位。找不到本单位或名称有误，请联系当地工考办。</li>
        <li><strong>姓名、身份证号、性别、出生年月、手机号</strong>：来自注册信息，不能修改。</li>
        <li><strong>参加工作时间</strong>和<strong>工作年限</strong>：工作年限自动按“报考年度－参加工作年份＋1”填好，只能往小改。</li>
        <li><strong>现岗位等级</strong>：没有机关事业单位工勤技能岗位等级证书的选“未定级”；有的选证书上的等级，并填<strong>现等级取得时间</strong>（四位年份）。</li>
        <li><strong>现岗位工种、申报岗位工种</strong>：可以直接输入工种名称，也可以输入拼音首字母查找，例如护理员输入“hly”。一级（高级技师）只能选本年度开考的工种；已合并的工种请选合并后的新工种。</li>
        <li><strong>申报岗位等级和申报方式</strong>：四级、三级可以“按工作年限申报”或“按岗位等级证书申报”，二级只能按证书申报，申报五级不选申报方式。条件见<a href="/help/policy">政策说明</a>。</li>
        <li><strong>年度考核</strong>：近五年每年的考核等次；不满五年的，在“考核结果说明”里写明情况。</li>
        <li><strong>是否存在禁止申报情形</strong>：如目前在处分期内、被立案尚未结案等，请如实选择。</li>
        <li><strong>破格晋升</strong>：符合条件的才勾选，并勾选所符合的条件、填写证明材料信息、上传材料原件照片。</li>
      </ul>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'c-apply'"/><xsl:with-param name="alt" select="'报名信息'"/></xsl:call-template>
      <p>随时可以点<strong>保存信息</strong>暂存。保存只检查格式，不提交给审核人员。</p>
    </section>

    <section class="card" id="c-photo">
      <h2>六、上传照片和资料</h2>
      <ul>
        <li><strong>个人照片</strong>：近期二寸免冠白色背景彩色证件照，413×626像素，jpg格式。上传后可点<strong>添加身份证号</strong>，系统会把您的身份证号印在照片上。</li>
        <li>上传照片或资料时，页面上已填写的信息会一并保存，不会丢失。</li>
        <li><strong>资料</strong>：毕业证、工资变动审批表、等级证书等原件照片，每次上传一张，可以传多张。申报一级的，文件类材料按要求上传 doc 或 docx 文件。</li>
        <li><strong>手机扫码上传</strong>：在电脑上填写时，点“手机扫码上传”，用手机扫描出现的二维码，就能直接从手机相册选择或拍照上传。二维码10分钟内有效，只能用一次。</li>
      </ul>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'c-upload'"/><xsl:with-param name="alt" select="'照片和资料上传'"/></xsl:call-template>
    </section>

    <section class="card" id="c-submit">
      <h2>七、提交报名信息</h2>
      <p>全部填好、照片资料传好后，在页面最下方点<strong>获取验证码</strong>，输入短信里的验证码，再点<strong>提交信息</strong>。有需要修改的地方时，页面最上方会列出每一处，点其中一项即可跳到对应位置。</p>
      <ul>
        <li>不符合报名条件的，系统在对应的项目下面用红字说明原因，改正后再提交。例如提示“现岗位等级年限不满五年，且工作年限不满10或18年，不符合报名条件”，请核对参加工作时间和现等级取得年份；确实没有填错的，本年度不能申报该等级。</li>
        <li>提示“现岗位等级取得时间与合格库信息不符，是否确认报考”或“现岗位工种与合格库信息不符，是否确认报考”时，先核对是否与证书一致；确认无误的，勾选确认后再次提交。工种不符的，还要上传证明材料照片。</li>
        <li>看到“您的信息已提交，请耐心等待审核”，说明提交成功。提交后不能再修改，除非被退回。</li>
      </ul>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'c-submit'"/><xsl:with-param name="alt" select="'提交报名信息'"/></xsl:call-template>
    </section>

    <section class="card" id="c-status">
      <h2>八、查看审核结果</h2>
      <p>点菜单的“审核结果”，可以看到当前审核状态、要经过的各级审核（本单位、主管单位、市或县区工考办）和每一级的处理情况：处理时间、审核单位的办公室电话、审核人（只显示姓，如“周**”）和意见。</p>
      <ul>
        <li><strong>退回本人</strong>：页面最上方显示退回原因。按原因修改报名信息后重新提交，重新从第一级开始审核。</li>
        <li><strong>审核不通过</strong>：本年度申报终止，不能再修改提交。如有异议，请拨打页面上审核单位的电话；沟通后需要修改的，由审核人员退回本人后才能修改。</li>
        <li><strong>终审通过</strong>：请留意缴费和准考证打印的通知。</li>
      </ul>
      <p>报名信息提交后（审核中或终审通过），页面上有“打印报名表（PDF）”：报名表为A4纸，含照片、填写的全部信息和各级审核意见栏，打印后本人签字，交所在单位审核盖章。</p>
      <p>退回、不通过、退回重新申报和终审通过时，系统还会给您注册的手机发短信，并在首页“站内消息”中留言（写明原因）；读过的消息可点“标为已读”。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'c-status'"/><xsl:with-param name="alt" select="'审核结果'"/></xsl:call-template>
    </section>

    <section class="card" id="c-later">
      <h2>九、缴费、准考证、考核结果、电子证书</h2>
      <p><strong>网上缴费</strong>：开放网上缴费的地市，终审通过后在缴费时间内，在菜单“网上缴费”中可以看到缴费金额。二至五级终审通过24小时后、一级终审通过48小时后才能缴费。先选择收据类型（个人、单位或其他）并填写收据名称，点“确认”后核对姓名、身份证号和收据名称，倒计时结束后点“确认缴费”，系统跳转至河南省非税收入支付平台缴费；收据信息一经确认缴费，本年度不能修改，如需报销请先与报销单位确认收据名称。支付完成后返回本系统，页面显示“正在确认缴费结果”，收到平台的缴费结果后显示“已缴费”和缴款码，凭缴款码下载票据。请勿重复缴费；缴费暂不可用时请稍后再试。</p>
      <p>准考证、考核结果和电子证书等功能开放后才会出现在菜单里，在公布的时间内查看、打印和下载。</p>
    </section>
  </xsl:template>

  <!-- === 管理员手册 ============================================== -->

  <xsl:template name="manual-admin">
    <p class="lead">本手册说明单位管理员、主管单位管理员、审核员和县区、市、省工考办管理员在本系统中的操作。</p>
    <nav class="toc" aria-label="目录">
      <h2>目录</h2>
      <ol>
        <li><a href="#a-login">登录</a></li>
        <li><a href="#a-home">首页和菜单</a></li>
        <li><a href="#a-registrations">报名查询（县区、市、省工考办）</a></li>
        <li><a href="#a-phones">咨询电话维护（县区、市、省工考办）</a></li>
        <li><a href="#a-windows">时间设置（省工考办）</a></li>
        <li><a href="#a-policy">政策设置（省工考办）</a></li>
        <li><a href="#a-password">修改密码和找回密码</a></li>
        <li><a href="#a-review">人工审核、高级技师审核和本级审核记录</a></li>
        <li><a href="#a-decide">审核操作</a></li>
        <li><a href="#a-defer">容缺后补、复核意见和已承接设置</a></li>
        <li><a href="#a-query">报名信息查询和信息统计</a></li>
        <li><a href="#a-pay">缴费管理（县区、市、省工考办）</a></li>
        <li><a href="#a-roster">名册打印、打印报名表和汇总上报</a></li>
        <li><a href="#a-entry">单位名称核对、补报和破格（一线）、撤销注册</a></li>
        <li><a href="#a-exam">考务管理（市、省工考办）</a></li>
        <li><a href="#a-later">后续功能</a></li>
      </ol>
    </nav>

    <section class="card" id="a-login">
      <h2>一、登录</h2>
      <p>在登录页点“管理员”一栏。单位管理员和主管单位管理员用单位代码或手机号登录；审核员和各级工考办用分配的账号登录。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'a-login'"/><xsl:with-param name="alt" select="'管理员登录'"/></xsl:call-template>
      <ul>
        <li>新建的账号第一次登录时必须先修改初始密码，改好后才能使用其他功能；密码每90天须更换一次。</li>
        <li>管理员密码至少8位，须包含大写字母、小写字母、数字、特殊字符中的至少三类，不能包含登录名。</li>
        <li>市、省工考办的账号登录时还要二次验证：第一次登录时先输入发到账号绑定手机的短信验证码（或上级管理员发放的10位绑定码），再用手机上的身份验证器应用（如“腾讯身份验证器”）扫描页面上的二维码；绑定后每次登录只能输入应用中显示的6位验证码，不能再用短信验证码代替。身份验证器丢失或更换手机的，请联系上级管理员重置。</li>
        <li>连续输错5次密码后，每次再试要等一段时间（从1分钟起逐次加长，最长15分钟）；错误次数很多时，还要输入图片中的数字。已绑定身份验证器的账号，找回密码时除短信验证码外还要输入身份验证器的验证码。</li>
      </ul>
    </section>

    <section class="card" id="a-home">
      <h2>二、首页和菜单</h2>
      <p>登录后的首页显示您的账号、角色和所在单位，以及本年度的注册报名时间。页面上方的菜单按角色列出可以办理的事项；尚未开放的功能不在菜单中显示，开放后自动出现。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'a-home'"/><xsl:with-param name="alt" select="'管理员首页'"/></xsl:call-template>
      <p>每个管理员只能看到本单位及下属单位（工考办为本地区）的报考人员，看不到其他单位或地区的信息。</p>
    </section>

    <section class="card" id="a-registrations">
      <h2>三、报名查询（县区、市、省工考办）</h2>
      <p>点菜单的“报名查询”，列出本地区本年度已注册的报考人员，可以按地区和申报等级筛选，每页20人，可翻页或跳页。为保护个人信息，姓名、身份证号和手机号部分隐去显示。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'a-registrations'"/><xsl:with-param name="alt" select="'报名查询'"/></xsl:call-template>
    </section>

    <section class="card" id="a-phones">
      <h2>四、咨询电话维护（县区、市、省工考办）</h2>
      <p>首页“帮助”中点“维护本级咨询电话”，填写本工考办对外公布的咨询电话，最多5个，每个可以加一句说明（如“政策咨询”）。固定电话须带区号，如0371-61612579，分机写作0371-61612579-801；手机为11位数字。清空一行即删除该号码，点“保存”后立即显示在公开的<a href="/help/phones">咨询电话</a>页面上。每次修改都会记录操作人和时间。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'a-phones'"/><xsl:with-param name="alt" select="'咨询电话维护'"/></xsl:call-template>
    </section>

    <section class="card" id="a-windows">
      <h2>五、时间设置（省工考办）</h2>
      <p>点菜单的“时间设置”，选择报考年度，设置注册报名等时间的开始和结束时间（北京时间，格式如2026-03-01 08:00）。报考人员只能在注册报名时间内注册和提交报名信息，时间外的操作会被拒绝并提示时间安排。</p>
      <p>同一页还可设置“网上资格审查”时间（各级只能在此时间内审核）和“单位初审”时间（本单位一级的审核还须在此时间内完成；不设置则不另限）。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'a-windows'"/><xsl:with-param name="alt" select="'时间设置'"/></xsl:call-template>
    </section>

    <section class="card" id="a-policy">
      <h2>六、政策设置（省工考办）</h2>
      <p>点菜单的“政策设置”，按年度设置报名条件中的各项数值（年龄范围、各等级的工作年限和等级取得年限、二级的文化程度要求等）和本年度开考一级（高级技师）的工种。保存后，提交报名时的审核、公开的<a href="/help/policy">政策说明</a>和<a href="/canapply">我能报哪一级</a>立即按新的数值执行，三者不会不一致。</p>
      <xsl:call-template name="shot"><xsl:with-param name="src" select="'a-policy'"/><xsl:with-param name="alt" select="'政策设置'"/></xsl:call-template>
    </section>

    <section class="card" id="a-password">
      <h2>七、修改密码和找回密码</h2>
      <p>菜单最后的“修改密码”可以随时修改密码。忘记密码时，在登录页点“忘记密码?”，用账号绑定的手机接收验证码后重设。</p>
    </section>

    <section class="card" id="a-review">
      <h2>八、人工审核、高级技师审核和本级审核记录</h2>
      <p>每一级审核单位（单位管理员、审核员、主管单位、县区工考办、市工考办、省工考办）的菜单中都有“人工审核”（申报二级至五级）和“高级技师审核”（申报一级），菜单上的数字是正在等待本级审核的人数。列表只显示已提交到本级、等待本级审核的报名，默认等待时间最长的在前，每页20人，显示每人已等待的天数。</p>
      <ul>
        <li><strong>查询</strong>：可按申报等级、申报工种、所在单位编码、提交日期和姓名或身份证号（须完整、准确）查询；查询条件有误时页面会说明原因，不会显示或改动任何数据。</li>
        <li><strong>详情</strong>：显示报考人员填写的全部信息和上传的照片、材料（可点开查看），按今日政策重新核对的资格条件，往年报考合格库中的记录，审核流程和各级的审核意见，以及市级复核意见和省级标记。每次查看个人信息和材料都会记录。在详情页下方选择“通过”“退回本人”或“不通过”（后两者须填写原因，可从常用原因中选择或直接输入）和“材料是否容缺后补”，提交后自动打开下一位待审核人员。填写过程中登录超时的，填写内容会暂存，重新登录后回到该详情页并恢复。详情页可直接打印（打印时不含菜单和审核表单）。</li>
        <li><strong>勾选审核、勾选退回</strong>：在列表中勾选多人后一次审核通过或退回（退回须填写原因），页面逐人显示结果。</li>
        <li><strong>本级审核记录</strong>：分“审核通过”“审核不通过”“审核退回”三类，列出本级作出的审核，查询条件同上（日期为审核日期）；“审核不通过”中仍未重新申报的，可点“退回重新申报”。</li>
        <li>各级只能看到审核流程经过本单位的报名，看不到其他单位或地区的报名和材料。</li>
      </ul>
    </section>

    <section class="card" id="a-decide">
      <h2>九、审核操作</h2>
      <p>报名信息提交后按“本单位 → 主管单位 → 县区工考办（已承接的县区）或市工考办（省直、中央驻豫单位为省工考办）”逐级审核，提交时即已确定；审核员只能在其所属单位这一级审核。</p>
      <ul>
        <li><strong>通过</strong>：转到下一级；最后一级通过即终审通过。材料需要容缺后补的，选“材料是否容缺后补：是”并写明后补的材料。</li>
        <li><strong>退回本人</strong>：须选择或填写理由；报考人员修改后重新提交，从第一级重新审核。</li>
        <li><strong>不通过</strong>：须填写理由，本年度申报终止；作出不通过的这一级可“退回重新申报”。</li>
        <li><strong>勾选审核、勾选退回</strong>：一次处理多条，每条单独成功或失败，结果页逐条说明原因。</li>
        <li><strong>填报虚假信息</strong>：县区及以上工考办可认定（须写明理由），该报名即取消，该身份证号今后两年不能注册报名；如需解除，由系统管理员执行 gkbm-admin ban-lift 并记录理由。</li>
      </ul>
      <p>两人同时审核同一条时，只有先提交的生效，后提交的会看到“该报名信息已被他人处理”，写明处理人和时间。审核只能在网上资格审查时间内进行。</p>
    </section>

    <section class="card" id="a-defer">
      <h2>十、容缺后补、复核意见和已承接设置</h2>
      <ul>
        <li><strong>容缺后补</strong>：审核时选择“材料是否容缺后补”为“是”并填写备注的报名，列在菜单“容缺后补”中。报考人员在“审核结果”页面按备注补传材料，单位管理员也可点“代为上传材料”代传；单位管理员核对后点“确认材料已补”，再由县区及以上工考办复核：材料齐全则完成，仍不齐全须填写还需补充的材料，退回报考人员补传。复核通过前不能打印准考证。</li>
        <li><strong>代传资料、添加身份证号</strong>：审核期间，审核链上的各级单位可代报考人员上传材料，一键在个人照片上添加身份证号；申报一级的，由审核人员上传最近工资审批表，近五年年度考核有“优秀”的还须上传年度考核优秀材料。每次上传都会记录。</li>
        <li><strong>市级复核意见、省级标记记录</strong>：市工考办可对已承接审核的县区审核过的报名填写复核意见；省工考办可对任一报名填写抽查标记。报名所在单位及各级审核单位在相应菜单中查看。</li>
        <li><strong>已承接设置</strong>（市、省工考办）：勾选本年度已承接报名资格审查的县区，这些县区的报名由县区工考办审核。设置只影响此后提交的报名，已提交的报名仍按提交时的审核流程审核。</li>
      </ul>
    </section>

    <section class="card" id="a-query">
      <h2>十一、报名信息查询和信息统计</h2>
      <p>单位管理员、主管单位管理员和县区、市、省工考办点菜单的“报名信息查询”，查看本单位及下属单位（工考办为本地区）报考人员的报名信息和当前审核状态。可以按报考年度、报名状态、申报等级、申报方式、申报工种、单位编码、所在地区、提交日期、是否容缺后补筛选，也可以输入完整的姓名或18位身份证号查找某一人；每页20人。条件填写有误时，提示写在该条件下方。身份证号在页面上部分隐去显示。</p>
      <p>点“导出Excel”把按当前条件查出的全部人员导出为Excel表格（身份证号、单位编码为文本格式，不会丢失前导零）。县区、市、省工考办导出的表格含完整身份证号，单位和主管单位导出的表格中身份证号部分隐去；每次导出都记录操作人、条件和人数，请妥善保管导出的文件。按缴费状态查询将在网上缴费开通后启用。</p>
      <p>点菜单的“信息统计”，按报名状态与申报等级、申报等级、申报工种、单位统计本年度报名人数（市、省工考办另有按地区统计），每张表都配有条形图，可选择其他年度，也可导出Excel。省工考办统计全省，并列出上一年度的人数以便对比。</p>
    </section>

    <section class="card" id="a-pay">
      <h2>十二、缴费管理（县区、市、省工考办）</h2>
      <ul>
        <li><strong>应缴报考人员列表</strong>：本辖区终审通过的报考人员及其缴费状态，可按未缴费、已缴费和报考等级查询。</li>
        <li><strong>网上缴费状态查询</strong>：本辖区的缴费订单及其状态（待确认、已缴费、已失效、逾期到账、待退费、已退费），可按状态或订单号查询。超时未确认的订单由系统主动向支付平台查询。</li>
        <li><strong>扫码缴费</strong>：打印或展示缴费二维码，报考人员用手机扫码、登录本人账号后缴费；二维码不含个人信息。</li>
        <li><strong>缴费统计</strong>：本辖区已缴费人数和金额，按单位、等级或日期统计。</li>
        <li><strong>退费与逾期到账</strong>：重复缴费的款项只能退费；订单失效后才到账的款项，核实后“确认到账”或“退费”，退款完成后点“已退费”。每项处理须填写理由并记入操作日志。</li>
        <li><strong>对账</strong>（省工考办）：每日将支付平台的对账单与本系统的缴费记录逐笔核对，列出本系统已缴费而对账单没有、对账单有而本系统没有、金额不一致和重复缴费四类差异；差异不会被自动更正，核实后填写核实情况。</li>
      </ul>
    </section>

    <section class="card" id="a-roster">
      <h2>十三、名册打印、打印报名表和汇总上报</h2>
      <p>单位管理员、主管单位管理员和县区、市、省工考办点菜单的“名册打印”，可查看本单位及下属单位（工考办为本地区）终审通过的人员，分“终审通过名册”和“现场审核名册”（现场审核名册留有“材料审核情况”和“本人签字”栏，供现场审核时填写）。筛选条件同报名信息查询，每页50人。勾选人员后点“导出PDF”或“导出Excel”只导出勾选的人员（一次最多200人），不勾选则导出按当前条件查出的全部人员；PDF为A4横向，每页都有表头、页码和“单位（盖章）”栏，可直接打印盖章。也可点“打印本页”用浏览器打印（打印时不含菜单和按钮，每页重复表头并标注页码）。名册含完整身份证号，每次导出都会记录，请妥善保管。</p>
      <p>报考人员提交报名信息后，可在“审核结果”页面点“打印报名表（PDF）”，打印后本人签字，交所在单位审核盖章；报名表含照片、填写的全部信息、申报方式和各级审核意见栏。审核链上的各级单位在详情页“其他操作”中也可打印报名表，每次打印都会记录。</p>
      <p>市工考办和省直主管单位在省工考办设置的“汇总上报”时间内，点菜单的“汇总上报”，核对终审通过名册后勾选“已核对名册，确认上报”并提交。上报的名册即冻结保存（记录人数和校验码），之后的审核变动不影响已上报的名册；上报后如需修改，须由省工考办在“汇总上报”页面填写原因退回，退回后可重新上报。省工考办在同一页面查看各市和省直单位是否上报、上报时间和人数，可打开、导出每份上报的名册。</p>
    </section>

    <section class="card" id="a-entry">
      <h2>十四、单位名称核对、补报和破格（一线）、撤销注册</h2>
      <ul>
        <li><strong>单位名称核对</strong>（主管单位）：在省工考办设置的“单位名称核对”时间内，核对本单位及下属单位名称，名称不准确的直接修改（每次修改都会记录），核对无误后点“确认名称已核对”；确认后如需再改，先点“撤销确认”。县区、市、省工考办在同一菜单中查看本辖区各主管单位的核对情况（已核对的时间和操作人、未核对的单位）。</li>
        <li><strong>补报及破格（一线）人员</strong>（县区、市、省工考办）：在注册报名时间内，点“添加补报人员”为没有社保等不能自行注册的人员添加账号，点“添加破格人员”添加破格（一线）人员；须选择本辖区的单位，填写身份证号、姓名、手机号、申报等级、原因并上传身份证照片，检查与个人注册相同。考生用身份证号和初始密码123登录，首次登录须凭发送到所填手机号的短信验证码修改密码；破格（一线）人员的报名不受年龄、工作年限、岗位等级年限等条件限制。添加的人员列在同一页面，注明添加人和时间。</li>
        <li><strong>撤销注册</strong>（县区、市、省工考办）：他人冒用身份证号注册的，本人持身份证申请，工考办输入身份证号查找本辖区的注册，核实后填写原因、确认撤销。撤销后该账号不能再登录，其报名作废，本人即可用该身份证号重新注册；撤销记录列在同一页面。</li>
      </ul>
    </section>

    <section class="card" id="a-exam">
      <h2>十五、考务管理（市、省工考办）</h2>
      <p>市工考办管理本市的考务，省工考办管理省直考区（省直和中央驻豫单位的考生）。菜单“考务管理”有三页：</p>
      <ul>
        <li><strong>考点考场</strong>：添加考点（两位数字代码、名称、地址），在考点下添加考场（三位数字代码、名称、座位数1～99）。已编排考生的考点、考场不能删除，代码不能更改，座位数不能少于已编排到的座位号。</li>
        <li><strong>场次</strong>：每个场次填一位数字代码、开始和结束时间，以及参加考试的等级、工种：每项写“等级”或“等级:工种代码”，以空格分隔，如“5 4:W001 4”表示五级所有工种、四级W001工种和四级其余工种。一个等级、工种只能安排在一个场次。</li>
        <li><strong>编排考场</strong>：终审通过、没有待补材料且（实行网上缴费的地区）已缴费的考生参加编排。页面显示可参加考试的人数、已编排人数、本次可编入人数、各场次座位，以及不能编入的考生和原因（座位不足、没有对应场次）。点“编排考场”即编排：同一场次内按工种、等级、报名顺序依次编入考场，同一工种等级从新考场开始（剩余空考场不够时才与其他工种等级合用考场），一个考场坐满再排下一个。已编排的考生不会被移动；之后补报或新缴费的考生，再次编排时编入剩余座位。座位不足时不会超编，请增加考场后再次编排。</li>
      </ul>
      <p>准考证号共16位：年度后两位、考区代码（6位）、场次（1位）、考点（2位）、考场（3位）、座位号（2位）。例如2641010010100317：2026年、郑州市、第1场次、01考点、003考场、17号座位。</p>
    </section>

    <section class="card" id="a-later">
      <h2>十六、后续功能</h2>
      <p>准考证管理、考核结果和证书管理等功能将陆续开放，开放后本手册随之更新。报考人员提交后，可以在“审核结果”里看到每一级的审核情况和审核单位的办公室电话，请各单位在单位信息中填写准确的办公室电话。</p>
    </section>
  </xsl:template>
</xsl:stylesheet>
