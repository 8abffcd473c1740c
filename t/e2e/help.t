# help.t: the help that the login page and the home pages link to: the two
# manuals (HTML pages of the site, with their screenshots in www/help/,
# every picture and link there), 政策说明 written from the year's policy
# (the province changes a value on 政策设置 and the page and 我能报哪一级
# change with it), and the links themselves from the login page, the
# footer and the home pages.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $SRC = GKBM::top_srcdir();
my $anon = $s->browser;
my $valid_manual = GKBM::rng_validator('manual');
my $valid_rules = GKBM::rng_validator('rules');

# --- the login page's links lead to real pages -------------------------------------

my $r = $anon->get('/login');
my %want = ('/help/candidate' => '报考人员手册', '/help/admin' => '管理员手册',
    '/help/policy' => '政策说明', '/help/phones' => '咨询电话',
    '/canapply' => '我能报哪一级');
for my $href (sort keys %want) {
	like($r->text, qr/<a href="\Q$href\E">[^<]*/, "the login page links to $href");
	my $t = $anon->get($href);
	is($t->status, 200, "$href: 200") or diag($t->dump);
	like($t->text, qr/<h1 class="page-title">\Q$want{$href}\E<\/h1>/,
	    "$href: the page $want{$href}");
}
# One name for each manual, the seeds' (the old system's login page:
# 报考人员手册, 管理员手册): the login page's links, every page's footer
# and the manual's own title say the same.
my $pages = $r->text . $anon->get('/help/phones')->text;
for my $href ('/help/candidate', '/help/admin') {
	my %names = map { $_ => 1 } $pages =~ m{<a href="\Q$href\E">([^<]*)</a>}g;
	is(join('|', sort keys %names), $want{$href},
	    "$href is named $want{$href} wherever it is linked");
}
unlike($r->text, qr{/static/doc/}, 'no link to a file that does not exist');
for my $href ($r->text =~ /href="(\/[^"#]*)"/g) {
	my $t = $anon->get($href);
	like($t->status, qr/^(200|303)$/, "the login page's link $href answers")
	    or diag($t->dump);
}
like($anon->get('/help/phones')->text,
    qr{<footer.*href="/help/candidate".*href="/help/policy".*href="/help/phones"}s,
    'the footer of every page links the help');

# --- the manuals -------------------------------------------------------------------

for my $doc (qw(candidate admin)) {
	my $x = $anon->get("/help/$doc", accept => 'xml');
	is($x->root, 'manual', "/help/$doc: <manual>");
	is($x->xpath('/manual/@doc'), $doc, "/help/$doc: doc=$doc");
	$valid_manual->($x, "/help/$doc");
	my $h = $anon->get("/help/$doc");
	my @img = $h->text =~ /<img src="([^"]+)"/g;
	ok(@img >= 5, "/help/$doc: screenshots (" . scalar(@img) . ')');
	for my $src (@img) {
		like($src, qr{^/static/help/[a-z0-9-]+\.png$}, "$src: one of www/help");
		(my $file = $src) =~ s{^/static/}{$SRC/www/};
		ok(-s $file, "$src: the file is in the tree") or next;
		my $t = $anon->get($src);
		is($t->status, 200, "$src: served");
		like($t->content_type, qr{^image/png}, "$src: as PNG");
		my ($w, $hgt) = unpack('NN', substr($t->body, 16, 8));
		ok($w >= 300 && $w <= 800, "$src: phone width ($w px)");
		ok(length($t->body) <= 250_000, "$src: small (" . length($t->body) . ' bytes)');
	}
	for my $href ($h->text =~ /<a href="(\/[^"#]*)"/g) {
		my $t = $anon->get($href);
		like($t->status, qr/^(200|303)$/, "/help/$doc links to $href: it answers");
	}
	for my $id ($h->text =~ /<a href="#([^"]+)"/g) {
		like($h->text, qr/id="\Q$id\E"/, "/help/$doc: the contents' #$id exists");
	}
	unlike($h->body, qr/<script>|style="/, "/help/$doc: no inline script or style");
}
my $m = $anon->get('/help/candidate')->text;
like($m, qr/每个报考年度都要重新注册/, 'the candidate manual: register every year');
like($m, qr/我能报哪一级/, '... points to 我能报哪一级');
like($m, qr/手机扫码上传/, '... the phone upload');
like($m, qr/退回本人/, '... what a return means');
$m = $anon->get('/help/admin')->text;
like($m, qr/报名查询/, 'the administrator manual: 报名查询');
like($m, qr/咨询电话维护/, '... the phone numbers');
like($m, qr/二次验证/, '... the second factor of city and province');
like($m, qr/绑定后每次登录只能输入应用中显示的6位验证码，不能再用短信验证码代替/,
    '... and no SMS code in place of the authenticator once it is bound');

# --- 政策说明 from the year's policy ------------------------------------------------

$r = $anon->get('/help/policy', accept => 'xml');
is($r->status, 200, '/help/policy (XML)');
$valid_rules->($r, '/help/policy');
is($r->xpath('/rules/@year'), $Y, 'the current year');
is(scalar(my @n = $r->nodes('/rules/rules/rule')), 21, 'R1 to R21, each in words');
like($r->xpath('/rules/rules/rule[@id="R1"]'), qr/18至65周岁/, 'R1 from age_min, age_max');
like($r->xpath('/rules/rules/rule[@id="R6"]'), qr/工作年限满10年/, 'R6 from years_l4');
like($r->xpath('/rules/rules/rule[@id="R13"]'),
    qr/高中、技校、中专及以上.*男性年满50周岁、女性年满45周岁.*初中及以上/,
    'R13 from the education ranks and ages');
like($r->xpath('/rules/rules/rule[@id="R14"]'), qr/汽车驾驶员/, 'R14 names the driver type');
like($r->xpath('/rules/rules/rule[@id="R16"]'), qr/电工/, 'R16 lists the level-1 types by name');
is($r->xpath('/rules/values/value[@key="years_l4"]'), '10', 'the table of values');
my $h = $anon->get('/help/policy');
like($h->text, qr/<dd>工作年限满10年。<\/dd>/, 'the HTML sentence');

# The province changes values on 政策设置: the page follows at once.
my %DEF = (age_min => 18, age_max => 65, start_age_min => 18,
    years_l4 => 10, years_l3 => 18, years_l1 => 25, held_l4 => 5,
    held_l3 => 5, held_l2 => 5, held_l1 => 5, edu_l2_rank => 3,
    edu_l2_relaxed_rank => 2, edu_men_age => 50, edu_women_age => 45,
    driver_worktype => 'W030', recheck_days => 7);
my $p = $s->login_province;
$r = $p->post('/admin/policy', { %DEF, year => $Y, years_l4 => 12, age_max => 60,
    edu_l2_rank => 4, 'level1[]' => [qw(W001 W035)],
    csrf => $p->csrf('/admin/policy') });
is($r->status, 303, 'the province saves years_l4 = 12, age_max = 60, 大专, two level-1 types')
    or diag($r->dump);
$r = $anon->get('/help/policy', accept => 'xml');
like($r->xpath('/rules/rules/rule[@id="R6"]'), qr/工作年限满12年/, 'R6 now says 12 years');
like($r->xpath('/rules/rules/rule[@id="R1"]'), qr/18至60周岁/, 'R1 now says 60');
like($r->xpath('/rules/rules/rule[@id="R13"]'), qr/须具有大专及以上/, 'R13 now says 大专');
is($r->xpath('/rules/rules/rule[@id="R16"]'),
    '一级（高级技师）只能报考本年度开考一级的工种：计算机文字录入员、护理员。',
    'R16 lists exactly the two types');
is($r->xpath('/rules/values/value[@key="years_l4"]'), '12', 'the table: 12');
like($anon->get('/help/policy')->text, qr/<dd>工作年限满12年。<\/dd>/, 'the HTML too');
# ... and 我能报哪一级 with it: 11 years of work no longer enough for level 4.
$r = $anon->get("/canapply?go=1&gender=M&birth_year=1980&work_start_year="
    . ($Y - 10) . '&cur_level=0&education=60', accept => 'xml');
is($r->xpath('/canapply/answer/option[@level="4"][@route="years"]/@ok'), '0',
    '我能报哪一级 follows: 11 years not enough');
$r = $anon->get("/canapply?go=1&gender=M&birth_year=1962&work_start_year=1990"
    . '&cur_level=0&education=60', accept => 'xml');
is($r->xpath('/canapply/answer/common/reason/@rule'), 'R1', '... and 64 is now too old');

# --- the home pages link the help -----------------------------------------------------

$s->create_units(qw(ZZCITY));
$s->admin({ stdin => "Staff#2026ab\n" }, 'create-staff', 'zzsgkb', '孙市级',
    '13700000015', 'city', 'ZZCITY');
my $c = $s->browser;
is($c->login('staff', 'zzsgkb', 'Staff#2026ab')->status, 303, 'the city logs in');
$h = $c->get('/home');
like($h->text, qr{href="/help/admin">管理员手册}, 'staff home: the administrator manual');
like($h->text, qr{href="/admin/phones">维护本级咨询电话}, 'an office: its phone numbers');
$h = $p->get('/home');
like($h->text, qr{href="/admin/phones">}, 'the province: its phone numbers');

$s->finish;
done_testing;
