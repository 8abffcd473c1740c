#!/usr/bin/perl
# t/xsl/render.t: render every sample page document t/xsl/data/*.xml with
# the stylesheet the worker would use (xsl/<role>/<page>.xsl, else
# xsl/common/<page>.xsl) and check the HTML: title, form values kept,
# errors shown, text escaped, passwords never echoed, the role's menu.
# Also checks the stylesheets themselves (no disable-output-escaping, no
# style attributes, no xsl:number, no // searches, one layout).
#
# Sample names: <role>-<page>[-<variant>].xml; the page is the root element.
# Run: top_srcdir=. perl -I t/lib t/xsl/render.t

use strict;
use warnings;
use Test::More;
use File::Basename qw(basename dirname);
use File::Spec;
use File::Temp qw(tempdir);

my $top = $ENV{top_srcdir} || File::Spec->catdir(dirname(__FILE__), '..', '..');

if (system('xsltproc --version >/dev/null 2>&1') != 0) {
	plan skip_all => 'xsltproc not found';
}
my $have_xmllint = system('xmllint --version >/dev/null 2>&1') == 0;

my $tmp = tempdir(CLEANUP => 1);

my %titles = (
	login         => '登录',
	notice        => '申报人员须知',
	register      => '个人注册',
	forgot        => '忘记密码',
	password      => '修改密码',
	home          => '首页',
	windows       => '时间设置',
	registrations => '报名查询',
	query         => '报名信息查询',
	stats         => '信息统计',
	policy        => '政策设置',
	status        => '审核结果',
	apply         => '报名信息',
	qr            => '手机扫码上传',
	mobile        => '手机上传报名资料',
	upload        => '上传资料',
	worktypes     => '工种查询',
	otp           => '登录验证',
	manual        => '报考人员手册',
	rules         => '政策说明',
	phones        => '咨询电话',
	phoneedit     => '咨询电话维护',
	canapply      => '我能报哪一级',
	records       => '本级审核记录',
	reviewapp     => '详情',
	deferred      => '容缺后补',
	takeover      => '已承接设置',
	staffupload   => '代传资料',
	pay           => '网上缴费',
	paygo         => '正在前往非税支付平台',
	paydue        => '应缴报考人员列表',
	payorders     => '网上缴费状态查询',
	payqr         => '扫码缴费',
	paystats      => '缴费统计',
	paycases      => '退费与逾期到账',
	payrecon      => '对账',
	report        => '汇总上报',
	sysunits      => '单位管理',
	unitimport    => '批量导入单位',
	unitcheck     => '单位名称核对',
	entry         => '补报及破格（一线）人员',
	revoke        => '撤销注册',
	examsites     => '考点考场',
	results       => '考核结果查询',
	reslines      => '合格线',
	resimport     => '成绩导入与公布',
	rechecks      => '复核申请',
	result        => '考核结果',
	examsessions  => '场次',
	examallocate  => '编排考场',
	cert          => '电子证书',
	verify        => '电子证书查验',
	certs         => '证书管理',
	claim         => '申领汇总上报',
	ticket        => '准考证打印',
	tickets       => '准考证查询',
	examroster    => '考生名单',
);

# schema/xml/README.md "Roles and their menus": [label, href]; the entries
# not open yet are not shown at all (layout.xsl).
# The staff's entries of 容缺后补 and the notes (every staff role), 已承接设置
# (city, province).
my @review = (['人工审核', '/review/queue?q=manual'],
    ['高级技师审核', '/review/queue?q=senior'],
    ['本级审核记录', '/review/records?k=passed']);
my @DEFER = (['容缺后补', '/review/deferred'], ['市级复核意见', '/review/notes?k=city'],
    ['省级标记记录', '/review/notes?k=province']);
# 报名信息查询, 信息统计, 名册打印: every admin; 汇总上报: city, province.
my @ADMIN = (['报名信息查询', '/admin/query'], ['信息统计', '/admin/stats'],
    ['名册打印', '/admin/roster?k=final']);
# 缴费管理: the offices (its pages have their own tabs).
my @PAY = (['缴费管理', '/admin/pay/due']);
# 系统管理 (supervising, county, city, province; 002 §3.4).
my @SYS = (['系统管理', '/admin/units']);
# 准考证查询 (every admin, no reviewer), just before 系统管理.
my @TK = (['准考证查询', '/admin/tickets']);
# 单位名称核对 (supervising and the offices), 补报及破格, 撤销注册 (offices).
my @UC = (['单位名称核对', '/admin/unitcheck']);
my @ENTRY = (['补报及破格（一线）人员', '/admin/entry'], ['撤销注册', '/admin/revoke']);
# 考务管理 (plan: the exam plan; city, province).
my @EXAM = (['考务管理', '/admin/exam/sites']);
# 考核结果管理 (result; county, city, province), just before 系统管理.
my @RES = (['考核结果管理', '/admin/results']);
# cert: 证书管理, 申领汇总上报 (city, province), before 系统管理.
my @CERT = (['证书管理', '/admin/certs'], ['申领汇总上报', '/admin/claim']);
my %menus = (
	candidate   => [['首页', '/home'], ['报名信息', '/apply'], ['审核结果', '/status'],
			['网上缴费', '/pay'], ['准考证打印', '/ticket'], ['考核结果', '/result'],
			['电子证书', '/cert'], ['修改密码', '/password']],
	unit        => [['首页', '/home'], @review, @DEFER, @ADMIN, @TK, ['修改密码', '/password']],
	reviewer    => [['首页', '/home'], @review, @DEFER, ['修改密码', '/password']],
	supervising => [['首页', '/home'], @review, @DEFER, @ADMIN, @UC, @TK, @SYS, ['修改密码', '/password']],
	county      => [['首页', '/home'], @review, ['报名查询', '/admin/registrations'],
			@DEFER, @PAY, @ADMIN, @UC, @ENTRY, @TK, @RES, @SYS, ['修改密码', '/password']],
	city        => [['首页', '/home'], @review, ['报名查询', '/admin/registrations'],
			@DEFER, @PAY, @ADMIN, ['汇总上报', '/admin/report'], @UC, @ENTRY,
			['已承接设置', '/review/takeover'], @EXAM, @TK, @RES, @CERT, @SYS, ['修改密码', '/password']],
	province    => [['首页', '/home'], @review, ['时间设置', '/admin/windows'],
			['报名查询', '/admin/registrations'], ['政策设置', '/admin/policy'],
			@DEFER, @PAY, @ADMIN, ['汇总上报', '/admin/report'], @UC, @ENTRY,
			['已承接设置', '/review/takeover'], @EXAM, @TK, @RES, @CERT, @SYS, ['修改密码', '/password']],
);

my %secret = map { $_ => 1 } qw(password password2 old sms_code code);
my $xss = '<script>alert(1)</script>';

sub slurp {
	my ($f) = @_;
	open(my $fh, '<:raw', $f) or die "$f: $!";
	local $/;
	my $s = <$fh>;
	close($fh);
	return $s;
}

sub xml_unescape {
	my ($s) = @_;
	$s =~ s/&lt;/</g;
	$s =~ s/&gt;/>/g;
	$s =~ s/&quot;/"/g;
	$s =~ s/&apos;/'/g;
	$s =~ s/&#x([0-9a-fA-F]+);/chr(hex($1))/ge;
	$s =~ s/&#([0-9]+);/chr($1)/ge;
	$s =~ s/&amp;/&/g;
	return $s;
}

# What libxml2's html serialiser writes for text and for attribute values.
sub html_text {
	my ($s) = @_;
	$s =~ s/&/&amp;/g;
	$s =~ s/</&lt;/g;
	$s =~ s/>/&gt;/g;
	return $s;
}

sub html_attr {
	my ($s) = @_;
	$s = html_text($s);
	$s =~ s/"/&quot;/g;
	return $s;
}

sub attrs {
	my ($s) = @_;
	my %a;
	$a{$1} = xml_unescape($2) while $s =~ /([\w-]+)="([^"]*)"/g;
	return \%a;
}

# ---------------------------------------------------------------------
# The stylesheets themselves.

my @xsl = sort glob("$top/xsl/*/*.xsl");
ok(@xsl >= 12, 'stylesheets found: ' . scalar(@xsl));
my %page_xsl;
for my $f (@xsl) {
	my $s = slurp($f);
	(my $rel = $f) =~ s{^\Q$top\E/}{};
	unlike($s, qr/disable-output-escaping/, "$rel: no disable-output-escaping");
	unlike($s, qr/\bstyle\s*=/, "$rel: no style attribute");
	unlike($s, qr/xsl:number/, "$rel: no xsl:number");
	unlike($s, qr/<xsl:include\b/, "$rel: no xsl:include");
	unlike($s, qr/\bon[a-z]+\s*=\s*["{]/, "$rel: no event handler attributes");
	my $paths = '';
	$paths .= "$1\n" while $s =~ /\b(?:select|test|match)="([^"]*)"/g;
	unlike($paths, qr{//}, "$rel: no // searches");
	(my $code = $s) =~ s/<!--.*?-->//gs;
	my $roots = () = $code =~ /match="\/"/g;
	if ($rel eq 'xsl/common/layout.xsl') {
		is($roots, 1, "$rel: one match=\"/\"");
		like($s, qr/<xsl:output method="html" encoding="UTF-8" indent="no"\s+doctype-system="about:legacy-compat"\/>/,
		    "$rel: xsl:output html, UTF-8, about:legacy-compat");
	} elsif ($rel eq 'xsl/common/widgets.xsl') {
		is($roots, 0, "$rel: no match=\"/\"");
		unlike($s, qr/<xsl:import\b/, "$rel: imports nothing");
	} else {
		is($roots, 0, "$rel: no match=\"/\" (the layout's)");
		my $layout = $rel =~ m{^xsl/common/} ? 'layout.xsl' : '../common/layout.xsl';
		like($s, qr/<xsl:import href="\Q$layout\E"\/>/, "$rel: imports the layout");
		like($s, qr/<xsl:variable name="title"/, "$rel: sets \$title");
		like($s, qr/<xsl:template name="content">/, "$rel: defines content");
		$page_xsl{$rel} = 0;
	}
}

my $css = slurp("$top/www/css/gkbm.css");
unlike($css, qr{url\(|\@import|https?://}, 'gkbm.css: no external URLs');
unlike($css, qr/\@font-face/, 'gkbm.css: no web fonts');
my $js = slurp("$top/www/js/gkbm.js");
unlike($js, qr/\.style\b|innerHTML|document\.write|eval\(/, 'gkbm.js: no inline style, no HTML from strings');

# ---------------------------------------------------------------------
# The sample documents.

my @samples = sort glob("$top/t/xsl/data/*.xml");
ok(@samples > 0, 'samples found: ' . scalar(@samples));

for my $xml (@samples) {
	my $name = basename($xml, '.xml');
	my ($role) = $name =~ /^([a-z]+)-/;
	my $doc = slurp($xml);
	(my $body = $doc) =~ s/<\?.*?\?>//gs;
	$body =~ s/<!--.*?-->//gs;
	my ($page) = $body =~ /<([a-z][\w-]*)/;
	my ($doc_role) = $doc =~ /<role>(\w+)<\/role>/;
	is($doc_role, $role, "$name: meta/role is the file's role");

	my $xsl = "xsl/$role/$page.xsl";
	$xsl = "xsl/common/$page.xsl" unless -f "$top/$xsl";
	ok(-f "$top/$xsl", "$name: stylesheet $xsl exists") or next;
	$page_xsl{$xsl}++;

	my $out = "$tmp/$name.html";
	my $rc = system("xsltproc --nonet '$top/$xsl' '$xml' >'$out' 2>'$out.err'");
	is($rc, 0, "$name: xsltproc succeeds");
	is(-s "$out.err" || 0, 0, "$name: xsltproc says nothing") or diag(slurp("$out.err"));
	my $html = slurp($out);

	like($html, qr/^<!DOCTYPE html>/, "$name: html5 doctype");
	like($html, qr/<html lang="zh-CN">/, "$name: lang zh-CN");
	my $n_charset = () = $html =~ /charset=/gi;
	is($n_charset, 1, "$name: one charset declaration");
	like($html, qr/<meta name="viewport" content="width=device-width, initial-scale=1">/, "$name: viewport");
	like($html, qr{<link rel="stylesheet" href="/static/css/gkbm.css">}, "$name: stylesheet link");

	# title
	my $title = $titles{$page};
	if ($page eq 'error') {
		($title) = $body =~ /<error status="\d+">\s*<title>(.*?)<\/title>/s;
		$title = xml_unescape($title);
	}
	# A queue is titled by its kind (人工审核, 高级技师审核).
	($title) = $body =~ /<queue\b[^>]*\btitle="([^"]*)"/ if $page eq 'queue';
	if ($page eq 'decide') {
		# 审核结果 is titled by what it answers (decide.xsl).
		$title = $body =~ /<conflict\b/ ? '该报名信息已被他人处理'
		    : $body =~ /<results\b/ ? '勾选审核结果'
		    : $body =~ /<decide kind="false"/ ? '认定填报虚假信息' : '审核未完成';
	}
	if ($page eq 'units' && $body =~ /<units\b[^>]*\bname="([^"]*)"/) {
		# One level of the unit tree is titled by its parent.
		my $n = xml_unescape($1);
		$title = $body =~ /<units\b[^>]*\blevel="basic"/ ?
		    "$n：下属单位" : "$n：主管单位";
	}
	# 终审通过名册 or 现场审核名册: the kind's title.
	($title) = $body =~ /<roster\b[^>]*\btitle="([^"]*)"/ if $page eq 'roster';
	# 系统管理: a unit's or an account's page by its name, the lists by kind.
	if ($page eq 'sysunit') {
		$title = $body =~ /<sysunit mode="new"/ ? '添加单位' : '单位管理：'
		    . xml_unescape(($body =~ /<unit\s[^>]*?\sname="([^"]*)"/)[0]);
	}
	$title = '用户管理：' . xml_unescape(($body =~ /<\/meta>.*?<user\s[^>]*?\sname="([^"]*)"/s)[0])
	    if $page eq 'sysuser';
	$title = $body =~ /<sysusers kind="reviewers"/ ? '本级审核员管理' : '用户管理'
	    if $page eq 'sysusers';
	# 市级复核意见 or 省级标记记录: the kind's title.
	($title) = $body =~ /<notes\b[^>]*\btitle="([^"]*)"/ if $page eq 'notes';
	ok(defined $title, "$name: expected title known") or next;
	my $t = html_text($title);
	like($html, qr/<title>\Q$t\E - /, "$name: <title> has the page title");
	like($html, qr/<h1 class="page-title">\Q$t\E<\/h1>/, "$name: <h1> has the page title");

	# scripts: the one external script only; XSS text escaped
	my @scripts = $html =~ /(<script\b[^>]*>)/g;
	is_deeply(\@scripts, ['<script src="/static/js/gkbm.js" defer>',
	    $page eq 'apply' ? ('<script src="/static/js/apply.js" defer>') : (),
	    $page =~ /^(apply|upload|mobile|register)$/ ?
	    ('<script src="/static/js/crop.js" defer>') : (),
	    $page eq 'register' ? ('<script src="/static/js/register.js" defer>') : (),
	    $page =~ /^pay(?:go)?$/ ? ('<script src="/static/js/pay.js" defer>') : (),
	    $page =~ /^(roster|report|claim|ticket)$/ ? ('<script src="/static/js/roster.js" defer>') : ()],
	    "$name: only our own scripts");
	unlike($html, qr/<script>alert/, "$name: no injected script");
	unlike($html, qr/\bstyle\s*=/, "$name: no style attribute");
	unlike($html, qr/\son[a-z]+=/, "$name: no event handler attribute");
	if (index(xml_unescape($doc), $xss) >= 0) {
		like($html, qr/\Q&lt;script&gt;alert(1)&lt;\/script&gt;\E/, "$name: script text shown escaped");
	}

	# forms: values kept, secrets never echoed, errors shown
	my $has_error = 0;
	while ($body =~ /<field\b([^>]*?)(?:\/>|>(.*?)<\/field>)/gs) {
		my ($a, $inner) = (attrs($1), $2 // '');
		my $fname = $a->{name};
		my $v = $a->{value};
		if (defined $v && $v ne '') {
			if ($secret{$fname}) {
				unlike($html, qr/\Q$v\E/, "$name: $fname not echoed (raw)");
				my $ev = html_attr($v);
				unlike($html, qr/\Q$ev\E/, "$name: $fname not echoed (escaped)");
			} elsif ($fname eq 'kind' && $v !~ /^(?:candidate|staff|registration)$/) {
				# an unknown kind has no input to keep it: only its error shows
			} elsif ($inner =~ /<error>/ &&
			    $html =~ /<select[^>]* name="\Q$fname\E"/) {
				# a value that is not among a select's options
				# cannot be kept: its error says what to choose
			} elsif ($fname ne 'idcard' && $fname ne 'csrf') {
				my $want = $v;
				if ($fname =~ /_at$/) {
					$want = substr($want, 0, 16);
					$want =~ tr/ /T/;
				}
				my $ev = html_attr($want);
				like($html, qr/ value="\Q$ev\E"/, "$name: $fname value kept");
			}
		}
		while ($inner =~ /<error>(.*?)<\/error>/gs) {
			$has_error++ if $fname ne 'kind';   # kind is a hidden input
			my $e = html_text(xml_unescape($1));
			like($html, qr/class="error"[^>]*>\Q$e\E/, "$name: error of $fname shown");
		}
	}
	if ($has_error && $page ne 'error') {
		like($html, qr/aria-invalid="true"/, "$name: aria-invalid set");
		like($html, qr/class="msg msg-error"/, "$name: form message box shown");
	}
	while ($body =~ /<message>(.*?)<\/message>/gs) {
		my $m = html_text(xml_unescape($1));
		like($html, qr/>\Q$m\E</, "$name: message shown");
	}
	if ($html =~ /<form[^>]*method="post"/) {
		my ($csrf) = $body =~ /<csrf>(.*?)<\/csrf>/;
		# Our own forms; the payment hand-over posts to the platform
		# (paygo.xsl) and must not carry our token.
		my $posts = () = $html =~ /<form[^>]*method="post" action="\//g;
		my $tokens = () = $html =~ /<input type="hidden" name="csrf" value="\Q$csrf\E">/g;
		is($tokens, $posts, "$name: every POST form carries the csrf token");
		unlike($html, qr/<form[^>]*action="https?:[^"]*"[^>]*>(?:(?!<\/form>).)*name="csrf"/s,
		    "$name: no form to another site carries the csrf token");
	}
	if ($body =~ /<flash>(.*?)<\/flash>/s) {
		my $f = html_text(xml_unescape($1));
		like($html, qr/<div class="flash" role="status">\Q$f\E<\/div>/, "$name: flash shown");
	}
	if ($body =~ /<window\b[^>]*kind="registration"[^>]*starts="([^"]+)"/ && $page ne 'windows') {
		like($html, qr/注册报名时间：.*\Q$1\E/, "$name: registration window shown");
	}

	# page specifics
	if ($page eq 'notice') {
		my ($cv) = $body =~ /<consent-version>(.*?)<\/consent-version>/;
		like($html, qr/<form method="get" action="\/register"/, "$name: GET form to /register");
		like($html, qr/<input type="checkbox" id="f-consent" name="consent" value="\Q$cv\E" required="required">/,
		    "$name: required consent checkbox with the version");
		like($html, qr/已阅读并同意/, "$name: 已阅读并同意");
		like($html, qr/>下一步</, "$name: 下一步");
		like($html, qr/\Q$cv\E/, "$name: consent version shown");
		for my $w (qw(姓名 身份证号 出生日期 性别 手机号 身份证照片 本人照片 工作信息)) {
			like($html, qr/\Q$w\E/, "$name: notice names $w");
		}
	}
	if ($page eq 'register') {
		like($html, qr/<form method="post" action="\/register" enctype="multipart\/form-data"/, "$name: multipart POST");
		like($html, qr/name="idcard" type="file"[^>]*accept="\.jpg,\.jpeg,image\/jpeg"/, "$name: idcard file input");
		like($html, qr/name="birth" type="date"/, "$name: birth is a date input");
		like($html, qr/<button type="submit" name="send_code" value="1" formnovalidate="formnovalidate"/, "$name: send_code button");
		like($html, qr/<input type="hidden" name="consent"/, "$name: hidden consent");
		my @order = $html =~ /<(?:input|select) id="f-[^"]*" name="([^"]+)"/g;
		is_deeply(\@order, [qw(region level idcard idno birth gender name phone captcha sms_code password password2)],
		    "$name: fields in the seed's order");
		like($html, qr/1\.申报人员须知.*2\.个人注册.*3\.完成/, "$name: steps bar");
	}
	if ($page eq 'login') {
		like($html, qr/href="\/register\/notice">去注册</, "$name: 去注册");
		like($html, qr/href="\/password\/forgot">忘记密码\?</, "$name: 忘记密码?");
		like($html, qr/>报考人员手册</, "$name: 报考人员手册");
		like($html, qr/>政策咨询</, "$name: 政策咨询");
		like($html, qr/<input type="hidden" name="kind" value="candidate">/, "$name: candidate form");
		like($html, qr/<input type="hidden" name="kind" value="staff">/, "$name: staff form");
	}
	if ($page eq 'password' && $body =~ /<forced\/>/) {
		like($html, qr/为了账号安全，请先修改初始密码/, "$name: forced notice");
	}
	if ($page eq 'registrations' && $body =~ /<list\b([^>]*)>/) {
		my $l = attrs($1);
		like($html, qr/共 \Q$l->{total}\E 条，第 \Q$l->{page}\E \/ \Q$l->{pages}\E 页/, "$name: pager");
		my $rows = () = $body =~ /<row\b/g;
		my $trs = () = $html =~ /<td class="num">/g;
		is($trs, $rows, "$name: one table row per <row>");
		if ($l->{page} < $l->{pages}) {
			my $q = '';
			while ($body =~ /<field name="(level|region)" value="([^"]+)"/g) {
				$q .= "&amp;$1=$2";
			}
			like($html, qr/href="\/admin\/registrations\?page=\Q@{[$l->{page} + 1]}$q\E" rel="next"/,
			    "$name: next page link keeps the filters");
		}
	}

	# menu
	if ($role eq 'anon') {
		unlike($html, qr/<nav class="menu"/, "$name: no menu for anon");
		unlike($html, qr/action="\/logout"/, "$name: no logout for anon");
	} else {
		my ($nav) = $html =~ /<nav class="menu"[^>]*>(.*?)<\/nav>/s;
		ok(defined $nav, "$name: menu present") or next;
		# The bar and the phone's disclosure: the same entries, links only.
		my @lists = $nav =~ /<ul class="[^"]*\bmenu-(?:bar|list)\b[^"]*">(.*?)<\/ul>/gs;
		is(scalar @lists, 2, "$name: the menu bar and the phone menu");
		my $summary = $nav =~ /<details class="[^"]*menu-narrow[^"]*"><summary/;
		ok($summary, "$name: the phone menu is a details disclosure");
		my @got;
		for my $list (@lists) {
			my @one;
			while ($list =~ /<li\b([^>]*)>(.*?)<\/li>/gs) {
				my $li = $2;
				# A queue's entry may carry its count (layout.xsl).
				push @one, $li =~ /^<a href="([^"]+)"[^>]*>([^<]+)(?:<span class="count[^"]*">\d+<span class="sr-only">[^<]*<\/span><\/span>)?<\/a>$/
				    ? [$2, $1] : ["?$li"];
			}
			push @got, \@one;
		}
		is_deeply($got[1], $got[0], "$name: both menus list the same entries");
		@got = @{ $got[0] || [] };
		is_deeply(\@got, $menus{$role}, "$name: menu of $role");
		my ($uname) = $body =~ /<user\b[^>]*\bname="([^"]*)"/;
		my ($rname) = $body =~ /<role-name>(.*?)<\/role-name>/;
		like($html, qr/<span class="user-name">\Q@{[html_text(xml_unescape($uname))]}\E<\/span>/, "$name: user name in header");
		like($html, qr/<span class="user-role">\Q$rname\E<\/span>/, "$name: role name in header");
		like($html, qr/<form class="logout" method="post" action="\/logout"><input type="hidden" name="csrf"/,
		    "$name: logout form with csrf");
	}

	like($html, qr/主办单位：河南省职业技能等级评价指导中心/, "$name: footer");

	if ($have_xmllint) {
		my @msgs = grep { !/Tag (?:main|nav|section|header|footer|figure|figcaption|svg|rect|path|g|text|details|summary|datalist) invalid/ }
		    grep { /error/ } split(/\n/, `xmllint --html --noout '$out' 2>&1`);
		is(scalar(@msgs), 0, "$name: xmllint --html finds no broken markup")
		    or diag(join("\n", @msgs));
	}
}

for my $x (sort keys %page_xsl) {
	ok($page_xsl{$x} > 0, "$x has a sample document");
}

done_testing();
