# notes.t: 市级复核意见 and 省级标记 (002 §1.1.6; issue 11 item 6;
# fcgi/model/notes.c, fcgi/pages/review/h_notes.c): the city office
# comments on an application its county that took over review decided;
# the province marks any submitted application; both are listed for the
# unit admin and every level of the application's chain, and for the
# author, never for another subtree.  Refused with nothing stored: a city
# comment on an application no county of this city decided, or by
# another city, county, unit or the province; a province mark by anyone
# else; the text missing, too long or with control characters; a wrong
# id or kind.  Every note is audited.  详情 (/review/app) lists the
# application's notes for its chain, and offers the note form only to
# the office that may write one there.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $dbh = $s->dbh;
my $PW = 'Staff#2026ab';
my $valid = GKBM::rng_validator('notes');
my $valid_app = GKBM::rng_validator('reviewapp');

$s->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
$s->admin('create-unit', 'JSSUP', '金水区教育局', 'supervising', '410105');
$s->admin('create-unit', 'JSBAS', '金水区第一中学', 'basic', '410105', 'JSSUP');
my %staff = $s->create_staff($PW, qw(city kfcity county unit supervising));
$s->admin('create-unit', 'SZSUP', '河南省水利厅', 'supervising', '410000');
$s->admin('create-unit', 'SZBAS', '河南省水利厅机关', 'basic', '410000', 'SZSUP');
$s->admin({ stdin => "$PW\n" }, 'create-staff', 'jsdw01', '周金水', '13700000031',
    'unit', 'JSBAS');
$s->admin({ stdin => "$PW\n" }, 'create-staff', 'jszg01', '吴金水', '13700000032',
    'supervising', 'JSSUP');
my %b = $s->staff_browsers($PW, %staff, jsunit => ['jsdw01'], jssup => ['jszg01']);
my %U = map { ($_ => $s->count('SELECT id FROM units WHERE code = ?', $_)) }
    qw(ZZBAS JSBAS JSCNTY SZBAS);

# 金水区 took over review this year (takeover.t sets it through the page).
$dbh->do(q{INSERT INTO county_takeover (year, region_code, set_by, set_at)
    VALUES (?, '410105', 1, NOW())}, undef, $Y);
my ($jb, $japp) = $s->submitted_candidate(GKBM::idno('410105', '19800501', '123'),
    '李明', '13900000001', '410100', $U{JSBAS});
my (undef, $zapp) = $s->submitted_candidate(GKBM::idno('410105', '19810602', '135'),
    '赵刚', '13900000002', '410100', $U{ZZBAS});
my (undef, $sapp) = $s->submitted_candidate(GKBM::idno('410105', '19820703', '147'),
    '钱省', '13900000003', '410100', $U{SZBAS});

# detail(WHO, APP): WHO's 详情 of APP (XML checked, HTML).
sub detail {
	my ($who, $app) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my $x = $b{$who}->get("/review/app?id=$app", accept => 'xml');
	$x->status == 200 or diag($x->dump);
	$valid_app->($x, "$who\'s 详情");
	return ($x, $b{$who}->get("/review/app?id=$app")->text);
}

# open_review(): the province opens 网上资格审查 on 时间设置 (decisions need it).
sub open_review {
	my $pb = $b{province};
	my @t = gmtime(time + 8 * 3600 - 86400);
	my @u = gmtime(time + 8 * 3600 + 14 * 86400);
	my $f = sub { sprintf('%04d-%02d-%02d %02d:%02d', $_[5] + 1900, $_[4] + 1,
	    $_[3], $_[2], $_[1]) };
	my $r = $pb->post('/admin/windows', { csrf => $pb->csrf('/admin/windows'),
	    year => $Y, kind => 'review', starts_at => $f->(@t), ends_at => $f->(@u) });
	is($r->status, 303, 'the province opens 网上资格审查') or diag($r->dump);
}
# decide(WHO, APP, FIELDS): POST /review/decide as WHO at APP's version.
sub decide {
	my ($who, $app, %f) = @_;
	my $v = $s->count('SELECT version FROM applications WHERE id = ?', $app);
	return $b{$who}->post('/review/decide', { csrf => $b{$who}->csrf('/home'),
	    id => $app, version => $v, reason => '', %f }, accept => 'xml');
}

sub nnotes { $s->count('SELECT COUNT(*) FROM review_notes') }
sub cnote {
	my ($who, %f) = @_;
	return $b{$who}->post('/review/note', { csrf => $b{$who}->csrf('/home'),
	    kind => 'city', id => $japp, text => '年度考核结果未见备案，请单位核实', %f },
	    accept => 'xml');
}
sub refused {
	my ($r, $status, $re, $label) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my $n0 = nnotes();
	is($r->status, $status, "$label: $status") or diag($r->dump);
	like(join(' ', map { $_->textContent }
	    $r->nodes('//form/message | //form/field/error | /error/error/message')),
	    $re, "$label: says why");
	is(nnotes(), 0, "$label: nothing stored") if $n0 == 0;
}

# --- a city comment needs the county's decision -------------------------------------

refused(cnote('city'), 403, qr/已承接审核的县区审核过的报名/,
    'a city comment before the county decided');

# The chain passes it up to 金水区, whose pass is 终审通过.
open_review();
for my $k (qw(jsunit jssup county)) {
	my $r = decide($k, $japp, action => 'pass');
	is($r->status, 303, "$k passes it") or diag($r->dump);
}
is($s->count('SELECT state FROM applications WHERE id = ?', $japp), 'approved',
    '金水区\'s pass is 终审通过');

refused(cnote('kfcity'), 403, qr/已承接审核的县区/, 'another city comments');
refused(cnote('county'), 403, qr/市级复核意见由市工考办填写/, 'the county comments');
refused(cnote('unit'), 403, qr/市级复核意见由市工考办填写/, 'a unit admin comments');
refused(cnote('province'), 403, qr/市级复核意见由市工考办填写/, 'the province writes a city comment');
refused(cnote('city', id => $zapp), 403, qr/已承接审核的县区/,
    'a city comment on the city\'s own review');
refused(cnote('city', text => ''), 400, qr/请填写意见内容/, 'no text');
refused(cnote('city', text => '意' x 501), 400, qr/1至500字/, 'a text of 501 characters');
# A C0 control is refused by the form parser itself, DEL by the field.
refused(cnote('city', text => "请核实\x07"), 400, qr/请重新输入/, 'a control character (BEL)');
refused(cnote('city', text => "请核实\x7f"), 400, qr/不能含有控制字符/, 'a control character (DEL)');
refused(cnote('city', id => 'abc'), 400, qr/报名编号/, 'id abc');
refused(cnote('city', kind => 'county'), 400, qr/市级复核意见（k=city）或省级标记/, 'kind county');
my $r = cnote('city', text => '');
$valid->($r, 'a refused note');
is($r->xpath('//field[@name="id"]/@value'), $japp, '... the values kept');
is($jb->post('/review/note', { csrf => $jb->csrf('/status'), kind => 'city',
    id => $japp, text => 'x' }, accept => 'xml')->status, 403, 'the candidate: 403');
is(nnotes(), 0, 'no note stored by any of these');

$r = cnote('city', text => "年度考核结果未见备案，\n请单位核实");
is($r->status, 303, 'the city comments on 金水区\'s decision') or diag($r->dump);
like($r->header('location') // '', qr{/review/notes\?k=city&m=noted}, '... back to the list');
is(nnotes(), 1, '... stored');
my $a = $s->last_audit('note.city');
is($a->{object}, "application:$japp", '... audited');

# --- who sees it ----------------------------------------------------------------------

for my $k (qw(city jsunit county)) {
	$r = $b{$k}->get('/review/notes?k=city', accept => 'xml');
	is($r->status, 200, "$k opens 市级复核意见") or diag($r->dump);
	$valid->($r, "$k\'s list");
	is($r->xpath('/notes/notes/note/@app'), $japp, "$k sees the comment");
	is($r->xpath('/notes/notes/note/text'), "年度考核结果未见备案，\n请单位核实",
	    "$k: ... its text");
}
is($r->xpath('/notes/notes/note/@name'), '李*', 'the candidate\'s name masked');
for my $k (qw(kfcity unit supervising province)) {
	$r = $b{$k}->get('/review/notes?k=city', accept => 'xml');
	is(scalar(my @n = $r->nodes('/notes/notes/note')), 0, "$k (not in its chain) sees nothing");
}
$r = $b{city}->get('/review/notes?k=city', accept => 'xml');
is($r->xpath('/notes/@write'), '1', 'the city gets the form');
is($b{unit}->get('/review/notes?k=city', accept => 'xml')->xpath('/notes/@write') // '',
    '', 'a unit admin does not');
like($b{jsunit}->get('/review/notes?k=city')->text, qr/年度考核结果未见备案/, 'the HTML list');
is($b{unit}->get('/review/notes?k=bogus', accept => 'xml')->status, 400, 'k=bogus: 400');
is($b{unit}->get('/review/notes', accept => 'xml')->status, 400, 'no k: 400');
is($jb->get('/review/notes?k=city', accept => 'xml')->status, 403, 'the candidate: 403');

# --- 省级标记 -------------------------------------------------------------------------

sub mark {
	my ($who, %f) = @_;
	return cnote($who, kind => 'province', id => $zapp, text => '抽查：学历证明不清晰', %f);
}
my $n0 = nnotes();
for my $k (qw(city county unit)) {
	$r = mark($k);
	is($r->status, 403, "$k marks: 403");
	like($r->xpath('//form/message') // '', qr/省级标记由省工考办填写/, "$k: ... says why");
}
$r = mark('province', id => 999999);
is($r->status, 403, 'a mark on no application: 403');
like($r->xpath('//form/message') // '', qr/没有找到该报名/, '... says why');
is(nnotes(), $n0, 'nothing stored');
$r = mark('province');
is($r->status, 303, 'the province marks a city unit\'s application') or diag($r->dump);
is(nnotes(), $n0 + 1, '... stored');
is($s->last_audit('note.province')->{object}, "application:$zapp", '... audited');
for my $k (qw(unit supervising city province)) {
	$r = $b{$k}->get('/review/notes?k=province', accept => 'xml');
	is($r->xpath('/notes/notes/note/@app'), $zapp, "$k sees the mark");
}
for my $k (qw(jsunit county kfcity)) {
	$r = $b{$k}->get('/review/notes?k=province', accept => 'xml');
	is(scalar(my @n = $r->nodes('/notes/notes/note')), 0, "$k (another subtree) does not");
}
$r = $b{province}->get('/review/notes?k=province', accept => 'xml');
$valid->($r, 'the province\'s list');

is($r->xpath('/notes/@write'), '1', 'the province gets the form');

# The detail pages' fragment (notes_app_xml), as 代传资料 shows it: the
# application's notes for staff of its chain.
$r = $b{unit}->get("/review/upload?id=$zapp", accept => 'xml');
is($r->xpath('/staffupload/notes/note[@kind="province"]/text'), '抽查：学历证明不清晰',
    'the unit\'s page of the application shows the mark');
GKBM::rng_validator('staffupload')->($r, '代传资料 with a mark');
like($b{unit}->get("/review/upload?id=$zapp")->text, qr/省级标记.*抽查：学历证明不清晰/s,
    '... in the HTML too');
$r = $b{jsunit}->get("/review/upload?id=$japp", accept => 'xml');
is($r->xpath('/staffupload/notes/note[@kind="city"]/@by-unit'), '郑州市工考办',
    '金水区\'s unit sees the city comment on its application');

# --- 详情: the notes, and the form for the office that may write ------------------------

my ($x, $h) = detail('jsunit', $japp);
is($x->xpath('/reviewapp/notes/note[@kind="city"]/text'), "年度考核结果未见备案，\n请单位核实",
    '详情 shows the city comment to the unit of the chain');
is($x->xpath('/reviewapp/notes/note[@kind="city"]/@by-unit'), '郑州市工考办', '... by the city');
is($x->xpath('/reviewapp/notes/note[@kind="city"]/@by'), '孙**', '... its author masked');
like($h, qr/市级复核意见（郑州市工考办 孙\*\*，[^）]+）：.*年度考核结果未见备案/s, '... in the HTML');
ok($x->nodes('/reviewapp/actions[not(@note)]'), '... a unit admin gets no note form');
ok($h =~ /市级复核意见（郑州市工考办 孙\*\*/ && $h !~ m{action="/review/note"},
    '... none in the HTML');
($x) = detail('county', $japp);
is($x->xpath('/reviewapp/notes/note[@kind="city"]/text'), "年度考核结果未见备案，\n请单位核实",
    'the county that decided sees it too');
($x, $h) = detail('unit', $zapp);
is($x->xpath('/reviewapp/notes/note[@kind="province"]/text'), '抽查：学历证明不清晰',
    '详情 shows the province mark to the unit');
ok($x->nodes('/reviewapp/notes/note/text') && !$x->nodes('/reviewapp/notes/note[@kind="city"]'),
    '... and not the other application\'s comment');
($x, $h) = detail('city', $zapp);
is($x->xpath('/reviewapp/notes/note[@kind="province"]/text'), '抽查：学历证明不清晰',
    'the city of the chain sees the mark');
ok($x->nodes('/reviewapp/actions[not(@note)]'),
    '... but may not comment on its own review: no form');
ok($h =~ /省级标记（[^，<]+ [^，<]+，/ && $h !~ m{action="/review/note"},
    '... none in the HTML');
# The offices above the chain's office open 详情 too, and write from it.
($x, $h) = detail('city', $japp);
is($x->xpath('/reviewapp/actions/@note'), 'city',
    'the city opens 详情 of an application its county (已承接) reviews and is offered 市级复核意见');
ok(!$x->xpath('/reviewapp/actions/@upload') && !$x->xpath('/reviewapp/actions/@stamp'),
    '... but, not in the chain, no 代传资料 or 添加身份证号');
($x, $h) = detail('province', $zapp);
is($x->xpath('/reviewapp/actions/@note'), 'province',
    'the province opens 详情 of a city unit\'s application and is offered 省级标记');
is($b{kfcity}->get("/review/app?id=$japp", accept => 'xml')->status, 404,
    'another city\'s office still gets 404');
is($b{jssup}->get("/review/app?id=$zapp", accept => 'xml')->status, 404,
    'a supervising unit outside the chain still gets 404');
($x, $h) = detail('province', $sapp);
is($x->xpath('/reviewapp/actions/@note'), 'province', 'the province\'s 详情 of a 省直 application offers 省级标记');
like($h, qr{<form[^>]*action="/review/note".*?name="kind" value="province".*?name="id" value="$sapp".*?name="text"}s,
    '... the form in the HTML');
my $hb = $b{province};
$r = $hb->post('/review/note', { csrf => $hb->csrf("/review/app?id=$sapp"), kind => 'province',
    id => $sapp, text => '抽查：工作年限核实' }, accept => 'xml');
$r->status == 303 or diag($r->dump);
($x) = detail('province', $sapp);
is($x->xpath('/reviewapp/notes/note/text'), '抽查：工作年限核实', '... shown on 详情 after');

# 详情's notes follow the rule of 详情 itself (db.c SEES): whoever sees the
# application sees its notes, whoever wrote them; anyone else, nothing.
($x) = detail('province', $japp);
is($x->xpath('/reviewapp/notes/note[@kind="city"]/text'), "年度考核结果未见备案，\n请单位核实",
    'the province, which sees every application, sees the city comment on 详情');
$r = $hb->post('/review/note', { csrf => $hb->csrf("/review/app?id=$japp"), kind => 'province',
    id => $japp, text => '抽查：照片不清晰' }, accept => 'xml');
is($r->status, 303, 'the province marks 金水区\'s application') or diag($r->dump);
($x) = detail('city', $japp);
is($x->xpath('/reviewapp/notes/note[@kind="province"]/text'), '抽查：照片不清晰',
    'the city over 金水区 (not in the chain) sees the province mark on 详情');
is($x->xpath('/reviewapp/notes/note[@kind="city"]/text'), "年度考核结果未见备案，\n请单位核实",
    '... and its own comment');
($x) = detail('jssup', $japp);
is(scalar(my @pm = $x->nodes('/reviewapp/notes/note')), 2,
    'the supervising unit of the chain sees both');
is($b{kfcity}->get("/review/app?id=$japp", accept => 'xml')->status, 404,
    'another city sees neither (404)');
$r = $b{kfcity}->get("/review/upload?id=$japp", accept => 'xml');
ok($r->status != 200 || !$r->nodes('//notes/note'), '... nor through 代传资料');

$s->finish;
done_testing;
