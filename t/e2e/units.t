# units.t: 系统管理 (issue 8 §1; fcgi/model/unit.c, staff.c,
# fcgi/pages/office/h_units.c, h_users.c): 单位管理, 用户管理 and 本级审核员管理
# for each admin within its own subtree.  Refused with nothing changed: a
# unit or account outside the subtree (404), a role without 系统管理
# (403), every field sent wrong (400, a message in Chinese), deleting a
# unit or an account that is used (400: only disabled); destructive
# actions answer a confirm step first.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 2);
my $dbh = $s->dbh;
my $PW = 'Staff#2026ab';
my %rng = map { $_ => GKBM::rng_validator($_) }
    qw(sysunits sysunit sysusers sysuser);

$s->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
my %staff = $s->create_staff($PW, qw(city kfcity county supervising unit reviewer));
my %b = $s->staff_browsers($PW, %staff);

sub uid { $s->count('SELECT id FROM units WHERE code = ?', $_[0]) }
sub units_n { $s->count('SELECT COUNT(*) FROM units') }
sub accts_n { $s->count('SELECT COUNT(*) FROM accounts') }
sub post {
	my ($who, $path, %f) = @_;
	return $b{$who}->post($path, [ csrf => $b{$who}->csrf('/home'), %f ],
	    accept => 'xml');
}
sub uq { GKBM::Browser::_enc($_[0]) }
sub errors { join ' ', map { $_->textContent } $_[0]->nodes('//form/field/error | //form/message') }

# --- who sees 系统管理 -------------------------------------------------------

for my $k (qw(unit reviewer)) {
	for my $p (qw(/admin/units /admin/users /admin/reviewers /admin/units/import)) {
		my $r = $b{$k}->get($p, accept => 'xml');
		is($r->status, 403, "$k: GET $p is refused (403)");
	}
}
my $r = $b{city}->get('/admin/units', accept => 'xml');
is($r->status, 200, 'the city opens 单位管理') or diag($r->dump);
$rng{sysunits}->($r, 'the city\'s unit list');
my %codes = map { $_->getAttribute('code') => 1 } $r->nodes('//list/unit');
ok($codes{ZZSUP} && $codes{ZZBAS}, '... with the supervising and basic units of its city');
ok(!$codes{KFCITY} && !$codes{JSCNTY} && !$codes{ZZCITY},
    '... and no office (not its kind) nor its own unit');
is_deeply([ map { $_->getAttribute('name') } $r->nodes('//kinds/kind') ],
    [qw(basic supervising)], '... it may make basic and supervising units');
like($b{city}->get('/admin/units')->text, qr/系统管理.*单位管理/s, 'the menu has 系统管理');
$r = $b{kfcity}->get('/admin/units', accept => 'xml');
is(scalar(my @n = $r->nodes('//list/unit')), 0, 'another city sees none of them');
$r = $b{province}->get('/admin/units?kind=city', accept => 'xml');
is(join(' ', sort map { $_->getAttribute('code') } $r->nodes('//list/unit')),
    'KFCITY ZZCITY', 'the province filters the city offices');
$r = $b{province}->get('/admin/units?q=' . 'ZZBAS', accept => 'xml');
is(join(' ', map { $_->getAttribute('code') } $r->nodes('//list/unit')), 'ZZBAS',
    '... and finds a unit by its code');
$r = $b{province}->get('/admin/units?q=' . uq('水利局'), accept => 'xml');
is(scalar(@n = $r->nodes('//list/unit')), 2, '... or by a part of its name');
$r = $b{supervising}->get('/admin/units', accept => 'xml');
is(join(' ', map { $_->getAttribute('code') } $r->nodes('//list/unit')), 'ZZBAS',
    'a supervising unit sees its own basic units');
for my $q ('kind=county2', 'page=0', 'page=x', 'q=' . uq('长' x 41)) {
	$r = $b{city}->get("/admin/units?$q", accept => 'xml');
	is($r->status, 400, "a wrong filter ($q) answers 400");
	like(errors($r), qr/查询条件不正确/, '... saying so');
}

# --- a new unit ------------------------------------------------------------------

$r = $b{city}->get('/admin/units/new', accept => 'xml');
$rng{sysunit}->($r, 'the new unit\'s form');
my ($u0, $a0) = (units_n(), accts_n());
$r = post('city', '/admin/units/new', unit_code => 'ZZJYJ', name => '郑州市教育局',
    kind => 'supervising', region => '410100', phone => '0371-67180000',
    admin_name => '张教育', admin_phone => '13700000031');
is($r->status, 303, 'the city adds a supervising unit with its admin') or diag($r->dump);
my $JYJ = uid('ZZJYJ');
like($r->header('location') // '', qr{/admin/units/edit\?id=$JYJ&m=unit_created}, '... to its page');
is_deeply($dbh->selectrow_arrayref(q{SELECT kind, region_code, city_code,
    COALESCE(county_code, ''), phone FROM units WHERE id = ?}, undef, $JYJ),
    ['supervising', '410100', '410100', '', '0371-67180000'], '... stored and placed in the city');
my $adm = $dbh->selectrow_hashref(q{SELECT a.* FROM accounts a JOIN units u ON
    u.admin_id = a.id WHERE u.id = ?}, undef, $JYJ);
is($adm->{login}, 'gly_zzjyj', '... its admin account made');
is($adm->{role}, 'supervising', '... as a supervising admin');
is($adm->{pw_must_change}, 1, '... who must change the default password');
is($s->last_audit('unit.create')->{object}, "unit:$JYJ", '... audited');
my $lb = $s->browser;
$r = $lb->login('staff', 'ZZJYJ', '123');
is($r->status, 303, 'the new admin logs in with the unit code and 123');
like($lb->get('/home')->header('location') // '', qr{/password}, '... and must change the password first');

$r = post('city', '/admin/units/new', unit_code => 'ZZJYJ01', name => '郑州市第一中学',
    kind => 'basic', parent => 'ZZJYJ');
is($r->status, 303, 'the city adds a basic unit under it');
is($s->count('SELECT region_code FROM units WHERE code = ?', 'ZZJYJ01'), '410100',
    '... in its supervising unit\'s region');
$r = post('supervising', '/admin/units/new', unit_code => 'ZZSUP02', name => '水利局二处',
    kind => 'basic', parent => 'ZZSUP');
is($r->status, 303, 'a supervising unit adds a basic unit of its own');
$r = post('supervising', '/admin/units/new', unit_code => 'ZZSUP03', name => '教育局三处',
    kind => 'basic', parent => 'ZZJYJ');
is($r->status, 400, '... but not under another supervising unit');
like(errors($r), qr/不在本单位管辖范围内/, '... saying why');

# Every field wrong: 400, the message next to it, nothing stored.
($u0, $a0) = (units_n(), accts_n());
my %good = (unit_code => 'ZZNEW1', name => '郑州市新单位', kind => 'supervising',
    region => '410100', parent => '', phone => '', admin_name => '',
    admin_phone => '');
my @bad = (
	[unit_code => '', qr/请填写单位代码/],
	[unit_code => 'A', qr/2至32位字母或数字/],
	[unit_code => 'ZZ_1', qr/2至32位字母或数字/],
	[unit_code => 'ZZBAS', qr/已被使用/],
	[unit_code => 'sgkb', qr/已被使用/],
	[name => '', qr/请填写单位名称/],
	[name => '郑', qr/2至100个字/],
	[name => '郑州<b>', qr/2至100个字/],
	[kind => 'county', qr/不能添加这一类别/],
	[kind => 'school', qr/单位类别不正确/],
	[region => '4101', qr/6位数字/],
	[region => '999999', qr/不存在或不在本单位管辖范围内/],
	[region => '410200', qr/不存在或不在本单位管辖范围内/],
	[parent => 'ZZSUP', qr/只有基层单位/],
	[phone => 'abc', qr/联系电话/],
	[admin_name => '王五', qr/同时填写/],
	[admin_phone => '13700000099', qr/同时填写/],
	[kind => 'basic', qr/所属主管单位的代码/],
);
for my $bad (@bad) {
	my ($k, $v, $re) = @$bad;
	$r = post('city', '/admin/units/new', %good, $k => $v);
	is($r->status, 400, "new unit with $k '$v': 400");
	like(errors($r), $re, '... saying what is wrong');
}
for my $bad ([admin_phone => '1370000', qr/11位手机号码/],
    [admin_phone => '13700000011', qr/已被其他管理账号使用/],
    [admin_name => 'x', qr/姓名/]) {
	my ($k, $v, $re) = @$bad;
	$r = post('city', '/admin/units/new', %good, admin_name => '王五',
	    admin_phone => '13700000041', $k => $v);
	is($r->status, 400, "new unit's admin with $k '$v': 400");
	like(errors($r), $re, '... saying what is wrong');
}
$rng{sysunit}->($r, 'a refused new unit');
is(units_n(), $u0, 'no refused unit was stored');
is(accts_n(), $a0, 'nor any account');
$r = post('province', '/admin/units/new', unit_code => 'JSCNTY2', name => '中牟县工考办',
    kind => 'county', region => '410122');
is($r->status, 303, 'the province adds a county office');
is($s->count(q{SELECT county_code FROM units WHERE code = 'JSCNTY2'}), '410122', '... placed in its county');
$r = post('province', '/admin/units/new', unit_code => 'ZZCITY9', name => '郑州市工考办二',
    kind => 'city', region => '410105');
is($r->status, 400, '... but not a city office in a county');

# --- outside the subtree: 404, nothing changed ---------------------------------

for my $p ("/admin/units/edit?id=$JYJ", "/admin/units/edit?id=999999") {
	$r = $b{kfcity}->get($p, accept => 'xml');
	is($r->status, 404, "another city: GET $p is 404");
	like($r->xpath('//message') // '', qr/不在本单位的管辖范围内/, '... in Chinese');
}
$r = $b{county}->get("/admin/units/edit?id=$JYJ", accept => 'xml');
is($r->status, 404, 'a county of the city does not manage a city unit');
$r = $b{city}->get('/admin/units/edit?id=' . uid('KFCITY'), accept => 'xml');
is($r->status, 404, 'a city does not manage another city office');
$r = $b{city}->get('/admin/units/edit?id=' . uid('JSCNTY'), accept => 'xml');
is($r->status, 404, '... nor its own county offices (the province does)');
for my $p (['/admin/units/edit', name => '改名'], ['/admin/units/move', region => '410200'],
    ['/admin/units/admin', admin_name => '李四', admin_phone => '13700000051'],
    ['/admin/units/remove', action => 'delete', confirm => 1]) {
	my ($path, %f) = @$p;
	$r = post('kfcity', $path, id => $JYJ, %f);
	is($r->status, 404, "another city: POST $path is 404");
}
is($s->count('SELECT name FROM units WHERE id = ?', $JYJ), '郑州市教育局', '... nothing changed');
for my $id ('', 'x', '0', '-1') {
	$r = post('city', '/admin/units/edit', id => $id, name => '改名');
	is($r->status, 400, "POST /admin/units/edit with id '$id': 400");
}
is($b{city}->get('/admin/units/edit?id=abc', accept => 'xml')->status, 400, 'GET with a wrong id: 400');
is($b{city}->get("/admin/units/edit?id=$JYJ&do=burn", accept => 'xml')->status, 400, 'GET with a wrong do: 400');

# --- edit, move ---------------------------------------------------------------------

$r = $b{city}->get("/admin/units/edit?id=$JYJ", accept => 'xml');
$rng{sysunit}->($r, 'a unit\'s page');
is($r->xpath('//unit/@admin-login'), 'gly_zzjyj', '... showing its admin');
$r = post('city', '/admin/units/edit', id => $JYJ, name => '郑州市教育局（改）', phone => '');
is($r->status, 303, 'the city renames the unit');
is($s->count('SELECT name FROM units WHERE id = ?', $JYJ), '郑州市教育局（改）', '... stored');
is($s->last_audit('unit.edit')->{object}, "unit:$JYJ", '... audited');
$r = post('city', '/admin/units/edit', id => $JYJ, name => 'x', phone => '');
is($r->status, 400, 'a wrong name: 400');
$r = post('city', '/admin/units/move', id => $JYJ, region => '410105');
is($r->status, 303, 'the city moves the supervising unit to 金水区') or diag($r->dump);
is_deeply($dbh->selectcol_arrayref(q{SELECT county_code FROM units WHERE code IN
    ('ZZJYJ', 'ZZJYJ01') ORDER BY code}), ['410105', '410105'],
    '... its basic unit follows, both placed in the county');
$r = $b{county}->get('/admin/units', accept => 'xml');
ok(scalar(@n = $r->nodes('//list/unit[@code="ZZJYJ01"]')), 'the county now sees them');
$r = post('city', '/admin/units/move', id => uid('ZZJYJ01'), parent => 'ZZSUP');
is($r->status, 303, 'the city moves the basic unit under ZZSUP');
is($s->count(q{SELECT p.code FROM units u JOIN units p ON p.id = u.parent_id
    WHERE u.code = 'ZZJYJ01'}), 'ZZSUP', '... stored');
is($s->count(q{SELECT region_code FROM units WHERE code = 'ZZJYJ01'}), '410100', '... in its region');
$r = post('city', '/admin/units/move', id => uid('ZZJYJ01'), parent => 'ZZBAS');
is($r->status, 400, 'not under a basic unit');
$r = post('city', '/admin/units/move', id => $JYJ, region => '410205');
is($r->status, 400, 'not into another city');
like(errors($r), qr/不在本单位管辖范围内/, '... saying why');

# --- its admin -------------------------------------------------------------------------

my $SUP2 = uid('ZZSUP02');
$r = post('supervising', '/admin/units/admin', id => $SUP2, admin_name => '赵', admin_phone => '13700000061');
is($r->status, 400, 'a wrong admin name: 400');
$r = post('supervising', '/admin/units/admin', id => $SUP2, admin_name => '赵二处', admin_phone => '13700000061');
is($r->status, 303, 'the supervising unit sets the admin of its unit');
is($s->count(q{SELECT a.role FROM accounts a JOIN units u ON u.admin_id = a.id WHERE u.id = ?}, $SUP2),
    'unit', '... a unit admin');
$r = post('supervising', '/admin/units/admin', id => $SUP2, admin_name => '钱二处', admin_phone => '13700000062');
is($r->status, 400, 'a second admin is refused');

# --- delete and disable ----------------------------------------------------------------

my $BAS = uid('ZZBAS');
$s->admin('window', $s->year, 'review', GKBM::_ymdhm(-86400), GKBM::_ymdhm(14 * 86400));
my (undef, $app) = $s->submitted_candidate(GKBM::idno('410105', '19800501', '123'),
    '李明', '13900000001', '410100', $BAS);
$r = post('unit', '/review/decide', id => $app, version => $s->count(
    'SELECT version FROM applications WHERE id = ?', $app), action => 'pass',
    reason => '', defer => 0, next => 'manual');
is($r->status, 303, 'the unit admin passes it (the account acted)') or diag($r->dump);
($u0, $a0) = (units_n(), accts_n());
$r = post('city', '/admin/units/remove', id => $BAS, action => 'delete');
is($r->status, 200, 'delete without confirm: the question');
is($r->xpath('//confirm/@action'), 'delete', '... asked to confirm');
$rng{sysunit}->($r, 'the confirm step');
like($b{city}->get("/admin/units/edit?id=$BAS&do=delete")->text, qr/确定删除/, 'the page asks in words');
$r = post('city', '/admin/units/remove', id => $BAS, action => 'delete', confirm => 1);
is($r->status, 400, 'a unit with an application cannot be deleted');
like(errors($r), qr/不能删除，只能停用/, '... only disabled');
is(units_n(), $u0, '... nothing deleted');
$r = post('city', '/admin/units/remove', id => $BAS, action => 'delete', confirm => 2);
is($r->status, 400, 'a wrong confirm value: 400');
$r = post('city', '/admin/units/remove', id => $BAS, action => 'burn', confirm => 1);
is($r->status, 400, 'a wrong action: 400');
$r = post('city', '/admin/units/remove', id => $BAS, action => 'disable', confirm => 1);
is($r->status, 303, 'the city disables it');
is($s->count('SELECT disabled FROM units WHERE id = ?', $BAS), 1, '... stored');
is($s->last_audit('unit.disable')->{object}, "unit:$BAS", '... audited');
my $cand = $s->browser;
$cand->login('candidate', '13900000001', 'Passw0rdx9');
$r = $cand->get('/lookup/units?parent=' . uid('ZZSUP'), accept => 'xml');
ok(!scalar(@n = $r->nodes("//*[\@code='ZZBAS']")), 'a disabled unit is not offered to candidates');
ok(scalar(@n = $r->nodes("//*[\@code='ZZSUP02']")), '... its enabled sibling is');
my $idno2 = GKBM::idno('410105', '19810601', '234');
$s->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate', $s->year, $idno2, '王芳',
    '13900000002', '410100', '4');
my ($cb2, $app2) = $s->login_app($idno2, '王芳', 'Passw0rdx9');
$r = $s->submit_app($cb2, $app2, '13900000002', $BAS);
isnt($r->status, 303, '... nor accepted on an application');
like($r->text, qr/所选单位不存在/, '... saying so');
is($b{unit}->get('/home')->status, 200, 'its admin still works (the year\'s reviews go on)');
$r = post('city', '/admin/units/remove', id => $BAS, action => 'enable');
is($r->status, 303, 'enabled again without a confirm step');
is($s->count('SELECT disabled FROM units WHERE id = ?', $BAS), 0, '... stored');
$r = post('city', '/admin/units/remove', id => uid('ZZSUP'), action => 'delete', confirm => 1);
is($r->status, 400, 'a unit with units under it cannot be deleted');
($u0, $a0) = (units_n(), accts_n());
$r = post('supervising', '/admin/units/remove', id => $SUP2, action => 'delete', confirm => 1);
is($r->status, 303, 'an unused unit is deleted') or diag($r->dump);
is(units_n(), $u0 - 1, '... gone');
is(accts_n(), $a0 - 1, '... with its admin account');
is($s->last_audit('unit.delete')->{object}, "unit:$SUP2", '... audited');

# --- 用户管理 ------------------------------------------------------------------------------

$r = $b{city}->get('/admin/users', accept => 'xml');
is($r->status, 200, 'the city opens 用户管理');
$rng{sysusers}->($r, 'the city\'s users');
my %logins = map { $_->getAttribute('login') => $_->getAttribute('id') } $r->nodes('//list/user');
ok($logins{gly_zzjyj} && $logins{dwgly01} && $logins{zgdw01} && $logins{shy01},
    '... the accounts of its units');
ok(!$logins{kfsgkb} && !$logins{jsqgkb} && !$logins{zzsgkb},
    '... not another city\'s, a county office\'s nor its own');
like($r->xpath('//user[@login="dwgly01"]/@phone'), qr/^137\*{4}0011$/, '... phones masked');
$r = $b{city}->get('/admin/users?role=reviewer', accept => 'xml');
is(join(' ', map { $_->getAttribute('login') } $r->nodes('//list/user')), 'shy01', 'filtered by role');
is($b{city}->get('/admin/users?role=boss', accept => 'xml')->status, 400, 'a wrong role filter: 400');
$r = $b{kfcity}->get('/admin/users', accept => 'xml');
ok(!grep({ $_->getAttribute('login') eq 'dwgly01' } $r->nodes('//list/user')), 'another city sees none of them');
my $U = $logins{dwgly01};
is($b{kfcity}->get("/admin/users/edit?id=$U", accept => 'xml')->status, 404, '... nor opens one (404)');
$r = post('kfcity', '/admin/users/act', id => $U, action => 'reset', confirm => 1);
is($r->status, 404, '... nor resets one (404)');
$r = $b{city}->get("/admin/users/edit?id=$U", accept => 'xml');
$rng{sysuser}->($r, 'an account\'s page');
my $me = $s->count(q{SELECT id FROM accounts WHERE login = 'zzsgkb'});
is($b{city}->get("/admin/users/edit?id=$me", accept => 'xml')->status, 404, 'not one\'s own account');

$r = post('city', '/admin/users/edit', id => $U, name => '王单位改', phone => '');
is($r->status, 303, 'the city renames the unit admin');
is($s->count('SELECT name FROM accounts WHERE id = ?', $U), '王单位改', '... stored');
for my $bad ([name => 'x', qr/姓名/], [phone => '123', qr/11位手机号码/],
    [phone => '13700000015', qr/已被其他管理账号使用/]) {
	my ($k, $v, $re) = @$bad;
	$r = post('city', '/admin/users/edit', id => $U, name => '王单位改', phone => '', $k => $v);
	is($r->status, 400, "account $k '$v': 400");
	like(errors($r), $re, '... saying what is wrong');
}
$r = post('city', '/admin/users/edit', id => $U, name => '王单位改', phone => '13700000071');
is($r->status, 303, 'a new phone');
is(unpack('H*', $s->count('SELECT phone_mac FROM accounts WHERE id = ?', $U)),
    $s->mac('phone', '13700000071'), '... its lookup value stored');

my $hash = $s->count('SELECT pw_hash FROM accounts WHERE id = ?', $U);
$r = post('city', '/admin/users/act', id => $U, action => 'reset');
is($r->status, 200, 'reset without confirm: the question');
is($r->xpath('//confirm/@action'), 'reset', '... asked');
is($s->count('SELECT pw_hash FROM accounts WHERE id = ?', $U), $hash, '... nothing changed');
$r = post('city', '/admin/users/act', id => $U, action => 'reset', confirm => 1);
is($r->status, 303, 'reset confirmed');
is($s->count('SELECT pw_must_change FROM accounts WHERE id = ?', $U), 1, '... must change at the next login');
isnt($s->count('SELECT pw_hash FROM accounts WHERE id = ?', $U), $hash, '... the password changed');
is($s->count('SELECT COUNT(*) FROM sessions WHERE account_id = ?', $U), 0, '... its sessions ended');
isnt($b{unit}->get('/home', accept => 'xml')->status, 200, '... its browser is out');
my $ub = $s->browser;
is($ub->login('staff', 'dwgly01', '123')->status, 303, 'it logs in with 123');
$r = $ub->get('/password', accept => 'xml');
ok(defined $r->xpath('//sms-phone'), '... and must change it with an SMS code to its phone');

$r = post('city', '/admin/users/act', id => $U, action => 'disable', confirm => 1);
is($r->status, 303, 'the city disables the account');
$r = $s->browser->login('staff', 'dwgly01', '123');
is($r->status, 400, '... which cannot log in');
like($r->text, qr/账号或密码/, '... as any wrong login');
is($s->browser->login('staff', 'ZZBAS', '123')->status, 400, '... nor by the unit code');
$r = post('city', '/admin/users/act', id => $U, action => 'enable');
is($r->status, 303, 'enabled again');
is($s->browser->login('staff', 'dwgly01', '123')->status, 303, '... it logs in');

$r = post('city', '/admin/users/act', id => $U, action => 'delete', confirm => 1);
is($r->status, 400, 'an account that acted cannot be deleted');
like(errors($r), qr/只能停用/, '... only disabled');
my $JA = $logins{gly_zzjyj};
$r = post('city', '/admin/users/act', id => $JA, action => 'delete', confirm => 1);
is($r->status, 303, 'an account that never acted is deleted');
is($s->count('SELECT COUNT(*) FROM accounts WHERE id = ?', $JA), 0, '... gone');
is($s->count('SELECT COALESCE(admin_id, 0) FROM units WHERE id = ?', $JYJ), 0, '... its unit has no admin');
is($s->last_audit('staff.delete')->{object}, "account:$JA", '... audited');
$r = post('city', '/admin/users/act', id => $logins{shy01}, action => 'fly', confirm => 1);
is($r->status, 400, 'a wrong action: 400');

# --- 本级审核员管理 ----------------------------------------------------------------------

$r = $b{supervising}->get('/admin/reviewers', accept => 'xml');
is($r->status, 200, 'the supervising unit opens 本级审核员管理');
$rng{sysusers}->($r, 'its reviewers');
($u0, $a0) = (units_n(), accts_n());
for my $bad ([login => '', qr/请填写登录账号/], [login => '1abc', qr/以字母开头/],
    [login => 'shy01', qr/已被使用/], [login => 'ZZSUP', qr/已被使用/],
    [name => '', qr/姓名/], [phone => '', qr/手机/]) {
	my ($k, $v, $re) = @$bad;
	$r = post('supervising', '/admin/reviewers', login => 'shy02', name => '李审二',
	    phone => '13700000081', $k => $v);
	is($r->status, 400, "reviewer $k '$v': 400");
	like(errors($r), $re, '... saying what is wrong');
}
is(accts_n(), $a0, 'no refused reviewer stored');
$r = post('supervising', '/admin/reviewers', login => 'shy02', name => '李审二', phone => '13700000081');
is($r->status, 303, 'the supervising unit adds a reviewer');
is_deeply($dbh->selectrow_arrayref(q{SELECT role, unit_id, pw_must_change FROM accounts
    WHERE login = 'shy02'}), ['reviewer', uid('ZZSUP'), 1], '... of its own unit, to change 123');
$r = $b{supervising}->get('/admin/reviewers', accept => 'xml');
is(join(' ', map { $_->getAttribute('login') } $r->nodes('//list/user')), 'shy02', '... listed');
my $RV = $s->count(q{SELECT id FROM accounts WHERE login = 'shy02'});
$r = post('supervising', '/admin/users/act', id => $RV, action => 'delete', confirm => 1);
is($r->status, 303, '... and deleted');
like($r->header('location') // '', qr{/admin/reviewers}, '... back to the reviewers');
is(post('kfcity', '/admin/reviewers', login => 'shy03', name => '李审三',
    phone => '13700000082')->status, 303, 'a city adds a reviewer of its own');
is($s->count(q{SELECT u.code FROM accounts a JOIN units u ON u.id = a.unit_id WHERE a.login = 'shy03'}),
    'KFCITY', '... in the city office');

$s->finish;
done_testing();
