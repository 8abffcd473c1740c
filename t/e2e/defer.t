# defer.t: 容缺后补 end to end (003 §二(四), 002 §1.1.4; issue 11 item 5;
# fcgi/model/defer.c, fcgi/pages/review/h_defer.c): an application passed
# with 材料是否容缺后补 = 是 is listed with its note for the unit admin; the
# candidate adds the missing material on the status page although the
# application is submitted (materials only); the unit admin confirms
# 确认材料已补; the office of the chain re-checks: still missing (back to
# the candidate with the reason) and, after the unit uploads on the
# candidate's behalf and confirms again, cleared.  Each step is refused
# in the wrong state, by the wrong step of the chain, from another
# subtree and with wrong fields, with a Chinese message and nothing
# changed; each move writes one review event and one audit row.  详情
# (/review/app) shows the state with its note, and the confirm or
# re-check form only to the step of the chain that may post it.
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
my $JPG = GKBM::jpeg(640, 480);
my $valid = GKBM::rng_validator('deferred');
my $valid_status = GKBM::rng_validator('status');
my $valid_app = GKBM::rng_validator('reviewapp');

$s->create_units(qw(ZZCITY JSCNTY ZZSUP ZZBAS KFCITY));
$s->admin('create-unit', 'KFSUP', '开封市教育局', 'supervising', '410200');
$s->admin('create-unit', 'KFBAS', '开封市第一中学', 'basic', '410200', 'KFSUP');
my %staff = $s->create_staff($PW, qw(unit reviewer supervising county city));
$s->admin({ stdin => "$PW\n" }, 'create-staff', 'kfdw01', '孙开封', '13700000021',
    'unit', 'KFBAS');
my %b = $s->staff_browsers($PW, %staff, kfunit => ['kfdw01']);
my %U = map { ($_ => $s->count('SELECT id FROM units WHERE code = ?', $_)) }
    qw(ZZCITY ZZSUP ZZBAS);

my ($cb, $app, $acct) = $s->submitted_candidate(GKBM::idno('410105',
    '19800501', '123'), '李明', '13900000001', '410100', $U{ZZBAS});
my ($ob, $other) = $s->submitted_candidate(GKBM::idno('410105',
    '19810602', '135'), '赵刚', '13900000002', '410100', $U{ZZBAS});

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

# st(): "defer_state|defer_note|events|materials" of the application.
sub st {
	my $r = $dbh->selectrow_arrayref(q{SELECT a.defer_state, a.defer_note,
	    (SELECT COUNT(*) FROM review_events e WHERE e.application_id = a.id),
	    (SELECT COUNT(*) FROM materials m WHERE m.application_id = a.id)
	    FROM applications a WHERE a.id = ?}, undef, $app);
	return join '|', @$r;
}
sub event {
	my ($action) = @_;
	return $dbh->selectrow_hashref(q{SELECT e.*, u.code FROM review_events e
	    LEFT JOIN units u ON u.id = e.unit_id WHERE e.application_id = ? AND
	    e.action = ? ORDER BY e.id DESC LIMIT 1}, undef, $app, $action);
}
sub csrf { $_[0]->csrf('/home') }
sub confirm {
	my ($who, %f) = @_;
	return $b{$who}->post('/review/deferred/confirm', { csrf => csrf($b{$who}),
	    id => $app, %f }, accept => 'xml');
}
sub recheck {
	my ($who, %f) = @_;
	return $b{$who}->post('/review/deferred/recheck', { csrf =>
	    csrf($b{$who}), id => $app, %f }, accept => 'xml');
}
# refused(RESPONSE, STATUS, MESSAGE_RE, BEFORE, LABEL): the page again
# with the message, and nothing changed.
sub refused {
	my ($r, $status, $re, $before, $label) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	is($r->status, $status, "$label: $status") or diag($r->dump);
	like($r->xpath('/deferred/form/message') // $r->xpath('//message') // '',
	    $re, "$label: says why");
	is(st(), $before, "$label: nothing changed");
}
# upload(BROWSER, KIND, BYTES): the candidate's POST /apply/upload.
sub upload {
	my ($kind, $bytes) = @_;
	return $cb->post_multipart('/apply/upload', { csrf => $cb->csrf('/status'),
	    kind => $kind }, { file => ['scan.jpg', $bytes, 'image/jpeg'] },
	    accept => 'xml');
}

# detail(WHO): WHO's 详情 of the application, (XML checked, HTML).
sub detail {
	my ($who) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my $x = $b{$who}->get("/review/app?id=$app", accept => 'xml');
	$x->status == 200 or diag($x->dump);
	$valid_app->($x, "$who\'s 详情");
	return ($x, $b{$who}->get("/review/app?id=$app")->text);
}

# --- before any 容缺后补 ---------------------------------------------------------

my $r = $b{unit}->get('/review/deferred', accept => 'xml');
is($r->status, 200, 'the unit opens 容缺后补') or diag($r->dump);
$valid->($r, 'empty list');
is(scalar(my @n = $r->nodes('/deferred/deferred/app')), 0, '... nothing deferred yet');
my $before = st();
$r = upload('material', $JPG);
is($r->status, 409, 'a submitted application without 容缺后补 takes no material');
like($r->xpath('//form/message') // '', qr/审核期间不能再上传/, '... and says so');
is(st(), $before, '... nothing stored');

# The unit passes it with 材料是否容缺后补 = 是 and the note.
open_review();
$r = decide('unit', $app, action => 'pass', defer => 1,
    defer_note => '请补传近五年年度考核结果备案表');
is($r->status, 303, 'the unit passes it with 容缺后补') or diag($r->dump);
is((split /\|/, st())[0], 1, '... awaiting the material (1)');

# --- the lists ---------------------------------------------------------------------

$r = $b{unit}->get('/review/deferred', accept => 'xml');
$valid->($r, 'the unit\'s list');
is($r->xpath('/deferred/deferred/app/@id'), $app, 'the unit sees the deferred application');
is($r->xpath('/deferred/deferred/app/@name'), '李*', '... the name masked');
is($r->xpath('/deferred/deferred/app/note'), '请补传近五年年度考核结果备案表', '... with the note');
is($r->xpath('/deferred/deferred/app/@defer'), '1', '... awaiting the material');
is($r->xpath('/deferred/deferred/app/@can') // '', '', '... nothing to confirm yet');
is(scalar(@n = $r->nodes('/deferred/deferred/app')), 1, '... the other application is not listed');
$r = $b{unit}->get('/review/deferred');
like($r->text, qr/请补传近五年年度考核结果备案表/, 'the HTML list shows the note');
like($r->text, qr{href="/review/upload\?id=$app"}, '... and the upload on the candidate\'s behalf');
my ($x, $h) = detail('unit');
is($x->xpath('/reviewapp/defer/@state'), '1', '详情 shows 容缺后补 awaiting the material');
is($x->xpath('/reviewapp/defer/@label'), '待补材料', '... by its name');
is($x->xpath('/reviewapp/defer/note'), '请补传近五年年度考核结果备案表', '... with the note');
ok($x->nodes('/reviewapp/defer[@state="1" and not(@can)]'), '... nothing to confirm yet');
ok(!$x->nodes('/reviewapp/application/defer-note | /reviewapp/application/@defer'),
    '... and not twice');
like($h, qr/容缺后补.*待补材料.*请补传近五年年度考核结果备案表/s, '... in the HTML');
ok($h =~ /待补材料/ && $h !~ m{action="/review/deferred/}, '... without a confirm or re-check form');
is($x->xpath('/reviewapp/actions/@upload'), '1', '详情 offers 代传资料 while under review');
is($x->xpath('/reviewapp/actions/@stamp'), '1', '... and 添加身份证号 (not yet stamped)');
like($h, qr{href="/review/upload\?id=$app"[^>]*>代传资料}, '... the link in the HTML');
like($h, qr{<form[^>]*action="/review/stamp".*?name="id" value="$app".*?添加身份证号}s,
    '... the stamp form in the HTML');
($x) = detail('city');
is($x->xpath('/reviewapp/defer/@state'), '1', 'the city\'s 详情 shows it too');
ok($x->nodes('/reviewapp/actions[not(@note)]'),
    '... no city comment on the city\'s own review');
$r = $b{unit}->get("/review/upload?id=$app", accept => 'xml');
is($r->xpath('/staffupload/defer/note'), '请补传近五年年度考核结果备案表',
    '代传资料 shows the note too');
GKBM::rng_validator('staffupload')->($r, '代传资料 with 容缺后补');
for my $k (qw(reviewer supervising city)) {
	$r = $b{$k}->get('/review/deferred', accept => 'xml');
	is($r->xpath('/deferred/deferred/app/@id'), $app, "$k (in the chain) sees it");
}
for my $k (qw(county kfunit)) {
	$r = $b{$k}->get('/review/deferred', accept => 'xml');
	is($r->status, 200, "$k opens 容缺后补");
	is(scalar(@n = $r->nodes('/deferred/deferred/app')), 0, "$k (another subtree) sees nothing");
}
$r = $cb->get('/review/deferred', accept => 'xml');
is($r->status, 403, 'the candidate may not open the staff list');

# --- the candidate adds the material ------------------------------------------------------

$r = $cb->get('/status', accept => 'xml');
$valid_status->($r, 'the status page with 容缺后补');
is($r->xpath('/status/defer/@state'), '1', 'the status page says the material is awaited');
is($r->xpath('/status/defer/note'), '请补传近五年年度考核结果备案表', '... with the note');
ok(!$r->nodes('/status/defer/kinds/kind[@name="photo" or @name="idcard"]'),
    '... offering materials only');
like($cb->get('/status')->text, qr{<form[^>]*action="/apply/upload"}, '... with the upload form');

$before = st();
$r = confirm('unit');
refused($r, 409, qr/尚未补充上传材料/, $before, 'confirm before the material');
$r = recheck('city', result => 'ok');
refused($r, 409, qr/尚未补充/, $before, 're-check before the material');
$r = upload('photo', GKBM::jpeg(413, 626));
is($r->status, 400, 'the photo cannot be replaced under 容缺后补') or diag($r->dump);
like($r->xpath('//field[@name="kind"]/error') // '', qr/只能补充上传报名资料/, '... says why');
ok(!$r->nodes('/upload/kinds/kind[@name="photo"]'), '... and offers materials only to try again');
GKBM::rng_validator('upload')->($r, 'the refused photo');
is(st(), $before, '... nothing stored');
$r = upload('material', 'not a jpeg');
is($r->status, 400, 'a file that is no JPEG is refused');
is(st(), $before, '... nothing stored');

$r = upload('material', $JPG);
is($r->status, 303, 'the candidate adds the material') or diag($r->dump);
like($r->header('location') // '', qr{^/status\?m=supplied}, '... back to the status page');
my ($d, $note, $ev, $mat) = split /\|/, st();
is($d, 2, '... material added (2)');
is($mat, (split /\|/, $before)[3] + 1, '... one material more');
my $e = event('supplied');
is($e->{level}, 'candidate', '... the event supplied, the candidate\'s');
is($e->{actor_id}, $acct, '... by the candidate');
like($s->last_audit('material.upload')->{reason}, qr/^material application:$app$/, '... audited');
$r = upload('material', $JPG);
is($r->status, 303, 'a second page before the unit confirms');
is((split /\|/, st())[0], 2, '... still added (2)');
is($s->count(q{SELECT COUNT(*) FROM review_events WHERE application_id = ? AND
    action = 'supplied'}, $app), 1, '... one supplied event');

# --- 确认材料已补 ---------------------------------------------------------------------

($x, $h) = detail('unit');
is($x->xpath('/reviewapp/defer/@state'), '2', '详情: material added (2)');
is($x->xpath('/reviewapp/defer/@can'), 'confirm', '... the unit may confirm');
like($h, qr{<form[^>]*action="/review/deferred/confirm".*?name="id" value="$app".*?确认材料已补}s,
    '... with the 确认材料已补 form');
for my $k (qw(supervising city)) {
	($x, $h) = detail($k);
	ok($x->nodes('/reviewapp/defer[@state="2" and not(@can)]'), "$k\'s 详情: nothing to do");
	ok($h =~ /材料已补，待单位确认/ && $h !~ m{action="/review/deferred/},
	    "$k\'s 详情: ... no form");
}

$before = st();
$r = confirm('supervising');
refused($r, 403, qr/由报考人员所在单位的管理员办理/, $before, 'the supervising unit confirms');
$r = confirm('city');
refused($r, 403, qr/由报考人员所在单位的管理员办理/, $before, 'the office confirms');
$r = confirm('kfunit');
refused($r, 404, qr/不属于本单位的审核范围/, $before, 'another subtree\'s unit confirms');
$r = confirm('county');
refused($r, 404, qr/不属于本单位的审核范围/, $before, 'a county not in the chain confirms');
$r = confirm('unit', id => '');
refused($r, 400, qr/./, $before, 'confirm without an id');
like($r->xpath('//field[@name="id"]/error') // '', qr/报名编号不正确/, '... the id\'s message');
$r = confirm('unit', id => 'abc');
refused($r, 400, qr/./, $before, 'confirm with id abc');
$r = confirm('unit', id => $other);
is($r->status, 409, 'confirm an application not deferred');
like($r->xpath('//form/message') // '', qr/没有待办的容缺后补/, '... says so');
$r = $cb->post('/review/deferred/confirm', { csrf => $cb->csrf('/status'), id => $app },
    accept => 'xml');
is($r->status, 403, 'the candidate confirms: 403');
is(st(), $before, '... nothing changed');
$r = recheck('city', result => 'ok');
refused($r, 409, qr/单位管理员尚未确认/, $before, 're-check before the confirmation');

$r = $b{unit}->get('/review/deferred', accept => 'xml');
is($r->xpath('/deferred/deferred/app/@can'), 'confirm', 'the unit is offered 确认材料已补');
$r = confirm('unit');
is($r->status, 303, 'the unit confirms') or diag($r->dump);
like($r->header('location') // '', qr{/review/deferred\?m=confirmed}, '... back to the list');
is((split /\|/, st())[0], 3, '... confirmed (3)');
$e = event('confirm');
is($e->{code}, 'ZZBAS', '... the event confirm, the unit\'s');
is($e->{level}, 'unit', '... at the unit level');
is($s->last_audit('defer.confirm')->{object}, "application:$app", '... audited');
$before = st();
$r = confirm('unit');
refused($r, 409, qr/无需重复确认/, $before, 'confirm twice');
$r = upload('material', $JPG);
is($r->status, 409, 'after the confirmation the candidate uploads no more');
is(st(), $before, '... nothing stored');

# --- the office re-checks: still missing ------------------------------------------------

($x, $h) = detail('city');
is($x->xpath('/reviewapp/defer/@state'), '3', '详情: confirmed (3)');
is($x->xpath('/reviewapp/defer/@can'), 'recheck', '... the city may re-check');
like($h, qr{<form[^>]*action="/review/deferred/recheck".*?name="result" value="ok".*?name="result" value="refuse".*?name="reason"}s,
    '... with the re-check form');
for my $k (qw(unit supervising)) {
	($x, $h) = detail($k);
	ok($x->nodes('/reviewapp/defer[@state="3" and not(@can)]'), "$k\'s 详情: no re-check");
	ok($h =~ /单位已确认，待复核/ && $h !~ m{action="/review/deferred/},
	    "$k\'s 详情: ... no form");
}

$r = recheck('unit', result => 'ok');
refused($r, 403, qr/县区及以上工考办复核/, $before, 'the unit re-checks');
$r = recheck('supervising', result => 'ok');
refused($r, 403, qr/县区及以上工考办复核/, $before, 'the supervising unit re-checks');
$r = recheck('county', result => 'ok');
refused($r, 404, qr/审核范围/, $before, 'a county outside the chain re-checks');
$r = recheck('city', result => 'refuse', reason => '');
refused($r, 400, qr/./, $before, 'still missing without a reason');
like($r->xpath('//field[@name="reason"]/error') // '', qr/请填写还需补充的材料/, '... the reason\'s message');
$r = recheck('city', result => 'refuse', reason => '缺' x 501);
refused($r, 400, qr/./, $before, 'a reason of 501 characters');
like($r->xpath('//field[@name="reason"]/error') // '', qr/500字以内/, '... the length message');
$r = recheck('city', result => 'refuse', reason => "缺\x01材料");
refused($r, 400, qr/./, $before, 'a reason with a control character');
$r = recheck('city', result => 'maybe');
refused($r, 400, qr/./, $before, 'a result neither ok nor refuse');
like($r->xpath('//field[@name="result"]/error') // '', qr/请选择复核结果/, '... the result\'s message');
$valid->($r, 'a refused re-check');

$r = $b{city}->get('/review/deferred', accept => 'xml');
is($r->xpath('/deferred/deferred/app/@can'), 'recheck', 'the city is offered the re-check');
$r = recheck('city', result => 'refuse', reason => "备案表缺少盖章页，\n请补传");
is($r->status, 303, 'the city: still missing') or diag($r->dump);
($d, $note) = split /\|/, st();
is($d, 1, '... back to awaiting the material (1)');
is($note, "备案表缺少盖章页，\n请补传", '... the reason is the new note');
$e = event('recheck');
is($e->{code}, 'ZZCITY', '... the event recheck, the city\'s');
is($e->{reason}, "备案表缺少盖章页，\n请补传", '... with the reason');
like($s->last_audit('defer.recheck')->{reason}, qr/^复核未通过: 备案表/, '... audited');

# --- the unit uploads on the candidate's behalf, confirms; the office clears it ---------

$before = st();
$r = $b{kfunit}->post_multipart('/review/upload', { csrf => csrf($b{kfunit}),
    id => $app, kind => 'material' }, { file => ['s.jpg', $JPG, 'image/jpeg'] },
    accept => 'xml');
is($r->status, 404, 'another subtree\'s unit uploads: 404');
is(st(), $before, '... nothing stored');
$r = $b{unit}->post_multipart('/review/upload', { csrf => csrf($b{unit}),
    id => $app, kind => 'material' }, { file => ['s.jpg', $JPG, 'image/jpeg'] },
    accept => 'xml');
is($r->status, 303, 'the unit uploads on the candidate\'s behalf') or diag($r->dump);
is((split /\|/, st())[0], 2, '... material added (2)');
$e = event('supplied');
is($e->{code}, 'ZZBAS', '... the event supplied, the unit\'s');
is($e->{actor_id}, $s->count(q{SELECT id FROM accounts WHERE login = 'dwgly01'}),
    '... by the unit admin');
like($s->last_audit('material.upload')->{reason}, qr/ staff$/, '... audited as staff');
is(confirm('unit')->status, 303, 'the unit confirms again');
$r = recheck('city', result => 'ok', reason => '');
is($r->status, 303, 'the city: the material is complete') or diag($r->dump);
is((split /\|/, st())[0], 0, '... cleared (0)');
is($s->count(q{SELECT COUNT(*) FROM review_events WHERE application_id = ? AND
    action = 'recheck'}, $app), 2, '... a second recheck event');
$r = $b{unit}->get('/review/deferred', accept => 'xml');
is(scalar(@n = $r->nodes('/deferred/deferred/app')), 0, '... and it leaves the list');
$before = st();
$r = recheck('city', result => 'ok');
refused($r, 409, qr/没有待办的容缺后补/, $before, 're-check again');
$r = upload('material', $JPG);
is($r->status, 409, 'cleared: the candidate uploads no more');
is(st(), $before, '... nothing stored');
$r = $cb->get('/status', accept => 'xml');
ok(!$r->nodes('/status/defer'), 'the status page no longer asks for material');
($x, $h) = detail('unit');
ok($x->nodes('/reviewapp/actions[@upload]') && !$x->nodes('/reviewapp/defer'),
    '详情: 容缺后补 is gone, the staff actions stay');
ok($h =~ /代传资料/ && $h !~ /待补材料|待复核/, '... in the HTML too');

# --- a return ends it: the resubmission starts without 容缺后补 -------------------------

$r = decide('unit', $other, action => 'pass', defer => 1, defer_note => '补传学历证明');
is($r->status, 303, 'the other application passed with 容缺后补') or diag($r->dump);
$r = decide('supervising', $other, action => 'return', reason => '工作年限填写有误');
is($r->status, 303, '... then returned to the candidate') or diag($r->dump);
is($s->count('SELECT defer_state FROM applications WHERE id = ?', $other), 1,
    '... still marked while returned');
$r = $b{unit}->get("/review/app?id=$other", accept => 'xml');
$valid_app->($r, 'a returned application\'s 详情');
ok($r->nodes('/reviewapp/actions[not(@upload) and not(@stamp)]'),
    '详情 of a returned application: no 代传资料, no 添加身份证号');
ok($r->nodes('/reviewapp/defer[@state="1" and not(@can)]'),
    '... its 容缺后补 shown, nothing to do while returned');
$h = $b{unit}->get("/review/app?id=$other")->text;
ok($h =~ /待补材料/ && $h !~ m{action="/review/stamp"|代传资料}, '... in the HTML either');
$r = $s->submit_app($ob, $other, '13900000002', $U{ZZBAS});
is($r->status, 303, 'the candidate resubmits') or diag($r->dump);
is($s->count(q{SELECT CONCAT(defer_state, '|', defer_note) FROM applications
    WHERE id = ?}, $other), '0|', '... without the old 容缺后补');
$r = $b{unit}->get('/review/deferred', accept => 'xml');
is(scalar(@n = $r->nodes('/deferred/deferred/app')), 0, '... and it leaves the list');

$s->finish;
done_testing;
