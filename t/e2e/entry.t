# entry.t: 补报 and 破格/一线 (002 §3.1; issue 8 §3; fcgi/model/entry.c,
# fcgi/model/person.c, fcgi/pages/office/h_entry.c): an office adds a
# candidate who did not register himself, with the checks of
# registration (ID number, name, phone, ID-card photo; free this year);
# the candidate logs in with the default password and must change it
# with an SMS code to the phone entered; a 破格 entry skips R1-R16 (R20)
# where a 补报 entry of the same application is refused.  Both audited
# and listed within the subtree.  Every field sent wrong, a unit outside
# the subtree, the window closed and the roles that may not: refused,
# nothing stored.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $PW = 'Staff#2026ab';
my $valid = GKBM::rng_validator('entry');

my %b = $s->jinshui_offices($PW);
my %uid = map { $_ => $s->count('SELECT id FROM units WHERE code = ?', $_) }
    qw(ZZBAS JSBAS);
# 李四, registered himself: his ID number and phone are taken.
$s->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate', $Y,
    GKBM::idno('410105', '19880808', '321'), '李四', '13912340002', '410100', '4');

my $JPG = GKBM::jpeg(640, 400);
my $LATE = GKBM::idno('410105', '19900307', '135');
my $EXC = GKBM::idno('410105', '19910408', '246');

sub accounts { $s->count(q{SELECT COUNT(*) FROM accounts WHERE role = 'candidate'}) }
sub entries { $s->count('SELECT COUNT(*) FROM entries') }
sub enter {
	my ($who, $f, $files) = @_;
	my $b = $b{$who};
	return $b->post_multipart('/admin/entry', { csrf => $b->csrf('/home'),
	    kind => 'late', unit => 'JSBAS', idno => $LATE, name => '周补报',
	    phone => '13900000101', level => 4, reason => '无社保，不能自行注册',
	    %$f }, $files // { idcard => ['id.jpg', $JPG, 'image/jpeg'] },
	    accept => 'xml');
}

# --- the page -------------------------------------------------------------------

my $r = $b{county}->get('/admin/entry', accept => 'xml');
is($r->status, 200, 'the county opens 补报及破格') or diag($r->dump);
$valid->($r, 'the county\'s list');
ok(!$r->nodes('/entry/form'), '... no form until one is asked for');
$r = $b{county}->get('/admin/entry?add=late', accept => 'xml');
is($r->status, 200, 'the county opens 添加补报人员');
$valid->($r, 'the form');
is($r->xpath('/entry/form/@kind-name'), '补报', '... of 补报');
is(join(' ', map { $_->getAttribute('code') } $r->nodes('//units/unit')), 'JSBAS JSSUP',
    '... offering the units of its subtree only');
like($b{county}->get('/admin/entry?add=exceptional')->text, qr/添加破格（一线）人员/,
    '添加破格人员 shows its form');
for my $q (['add=x', qr/请选择添加补报人员或添加破格人员/], ['k=x', qr/查询条件不正确/],
    ['page=0', qr/页码应为正整数/]) {
	$r = $b{county}->get("/admin/entry?$q->[0]", accept => 'xml');
	is($r->status, 400, "?$q->[0]: 400");
	like($r->text, $q->[1], "?$q->[0]: says why");
}

# --- every field sent wrong: nothing stored ------------------------------------------------

my ($n0, $e0) = (accounts(), entries());
for my $bad (
    [{ kind => 'other' }, undef, 'kind', qr/请选择补报或破格/, 'an unknown kind'],
    [{ unit => '' }, undef, 'unit', qr/请输入考生所在单位的单位代码/, 'no unit'],
    [{ unit => 'ZZBAS' }, undef, 'unit', qr/本辖区内没有该单位代码的单位/, 'a unit outside the county'],
    [{ unit => 'NOSUCH' }, undef, 'unit', qr/本辖区内没有该单位代码的单位/, 'no such unit'],
    [{ unit => 'JSCNTY' }, undef, 'unit', qr/本辖区内没有该单位代码的单位/, 'the office itself'],
    [{ idno => '' }, undef, 'idno', qr/./, 'no ID number'],
    [{ idno => substr($LATE, 0, 17) . ($LATE =~ /X$/ ? '0' : 'X') }, undef, 'idno',
	qr/身份证号/, 'a wrong check digit'],
    [{ name => '' }, undef, 'name', qr/请输入姓名/, 'no name'],
    [{ name => 'Tom' }, undef, 'name', qr/./, 'a name not in Chinese'],
    [{ phone => '' }, undef, 'phone', qr/请输入手机号码/, 'no phone'],
    [{ phone => '1390000' }, undef, 'phone', qr/手机号/, 'a short phone'],
    [{ level => '' }, undef, 'level', qr/请选择申报等级/, 'no level'],
    [{ level => 9 }, undef, 'level', qr/请选择申报等级/, 'level 9'],
    [{ reason => '' }, undef, 'reason', qr/请填写补报或破格的原因/, 'no reason'],
    [{ reason => '无' }, undef, 'reason', qr/2至200个字/, 'a reason of one character'],
    [{ reason => '无' x 201 }, undef, 'reason', qr/2至200个字/, 'a reason of 201 characters'],
    [{ gender => 'F' }, undef, 'gender', qr/性别与身份证号不一致/, 'a gender not the ID number\'s'],
    [{ birth => '1990-03-08' }, undef, 'birth', qr/出生日期与身份证号不一致/, 'a birth date not the ID number\'s'],
    [{}, {}, 'idcard', qr/请选择考生的身份证照片/, 'no ID-card photo'],
    [{}, { idcard => ['id.jpg', 'GIF89a not a jpeg', 'image/jpeg'] }, 'idcard', qr/./,
	'a photo that is no JPEG'],
    [{ idno => GKBM::idno('410105', '19880808', '321') }, undef, 'idno',
	qr/该身份证号本年度已注册/, 'an ID number registered this year'],
    [{ phone => '13912340002' }, undef, 'phone', qr/该手机号本年度已注册/, 'a phone registered this year'],
    ) {
	my ($f, $files, $field, $re, $what) = @$bad;
	$r = enter('county', $f, $files);
	is($r->status, 400, "$what: 400") or diag($r->dump);
	like($r->xpath("/entry/form/field[\@name='$field']/error") // '', $re,
	    "$what: the message at $field");
	$valid->($r, $what);
}
is(accounts(), $n0, 'no account stored');
is(entries(), $e0, 'no entry stored');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event LIKE 'entry.%'}), 0, 'nothing audited');

# --- 补报 by the county ---------------------------------------------------------------------

$r = enter('county', {});
is($r->status, 303, 'the county enters a 补报 candidate') or diag($r->dump);
like($r->header('location') // '', qr{^/admin/entry\?m=entered}, '... back to the list');
my $acct = $s->count(q{SELECT id FROM accounts WHERE idno_mac = UNHEX(?)}, $s->mac('idno', $LATE));
ok($acct, '... the account exists');
my $row = $s->dbh->selectrow_hashref('SELECT * FROM accounts WHERE id = ?', undef, $acct);
is($row->{pw_must_change}, 1, '... with the default password to change');
is($row->{region_code}, '410100', '... registered with the unit\'s city');
is($row->{level}, 4, '... at the level entered');
is($row->{gender}, 'M', '... the gender from the ID number');
ok($row->{idno_enc} && $row->{phone_enc}, '... ID number and phone sealed');
my $app = $s->dbh->selectrow_hashref('SELECT * FROM applications WHERE account_id = ?',
    undef, $acct);
is($app->{unit_id}, $uid{JSBAS}, '... its application in the unit entered');
ok(!defined $app->{exc_entered_by}, '... not exceptional (R20 does not apply)');
is($s->count(q{SELECT COUNT(*) FROM materials WHERE application_id = ? AND kind = 'idcard'},
    $app->{id}), 1, '... the ID-card photo among its materials');
is($s->count(q{SELECT kind FROM entries WHERE account_id = ?}, $acct), 'late', '... listed as 补报');
my $a = $s->last_audit('entry.late');
is($a->{object}, "account:$acct", '... audited');
is($a->{reason}, '无社保，不能自行注册', '... with the reason');
$r = enter('county', { phone => '13900000199' });
is($r->status, 400, 'the same ID number again: 400');
like($r->xpath("/entry/form/field[\@name='idno']/error") // '', qr/已注册/, '... already registered');

# --- 破格 by the city, in a unit of the city ---------------------------------------------------

$r = enter('city', { kind => 'exceptional', unit => 'ZZBAS', idno => $EXC, name => '吴破格',
    phone => '13900000102', reason => '一线岗位，市工考办审定' });
is($r->status, 303, 'the city enters a 破格 candidate') or diag($r->dump);
my $exc = $s->count(q{SELECT id FROM accounts WHERE idno_mac = UNHEX(?)}, $s->mac('idno', $EXC));
is($s->count('SELECT exc_entered_by FROM applications WHERE account_id = ?', $exc),
    $s->count(q{SELECT id FROM accounts WHERE login = 'zzsgkb'}),
    '... its application entered as exceptional by the city (R20)');
is($s->last_audit('entry.exceptional')->{object}, "account:$exc", '... audited');
is(enter('county', { kind => 'exceptional', unit => 'ZZBAS', idno =>
    GKBM::idno('410105', '19920101', '357'), phone => '13900000103' })->status, 400,
    'the county cannot enter in a unit of the city outside its county');

# --- the lists, within the subtree ---------------------------------------------------------------

my %want = (county => 'late', city => 'exceptional late', province => 'exceptional late',
    kfcity => '');
for my $k (sort keys %want) {
	$r = $b{$k}->get('/admin/entry', accept => 'xml');
	$valid->($r, "$k\'s list");
	is(join(' ', map { $_->getAttribute('kind') } $r->nodes('//list/row')), $want{$k},
	    "$k: the entries of its subtree");
}
$r = $b{city}->get('/admin/entry?k=late', accept => 'xml');
is(join(' ', map { $_->getAttribute('kind') } $r->nodes('//list/row')), 'late', 'the filter 补报');
is($r->xpath('//row/@by'), '钱县区', '... who entered it');
is($r->xpath('//row/@name'), '周**', '... the name masked');
like($r->xpath('//row/@idno'), qr/^410105\*{8}\d{3}[\dX]$/, '... the ID number masked');
is($r->xpath('//row/@phone'), '139****0101', '... the phone masked');
for my $k (qw(unit supervising)) {
	is($b{$k}->get('/admin/entry', accept => 'xml')->status, 403, "$k: 403");
	is($b{$k}->post_multipart('/admin/entry', { csrf => $b{$k}->csrf('/home') }, {},
	    accept => 'xml')->status, 403, "$k: POST 403");
}

# --- the candidates log in with the default password and must change it ---------------------------

sub first_login {
	my ($idno, $phone, $name) = @_;
	my $c = $s->browser;
	$r = $c->login('candidate', $idno, '123');
	is($r->status, 303, "$name logs in with the default password") or diag($r->dump);
	$r = $c->get('/apply');
	is($r->status, 303, '... anything else sends him to change it');
	like($r->header('location') // '', qr{/password}, '... to /password');
	my $pc = $c->csrf('/password');
	$r = $c->post('/password', { csrf => $pc, old => '123', password => 'Newpass2026x',
	    password2 => 'Newpass2026x' }, accept => 'xml');
	is($r->status, 400, '... a change without the SMS code is refused');
	like($r->xpath("//field[\@name='sms_code']/error") // '', qr/验证码/, '... asking for the code');
	$r = $c->post('/password', { csrf => $pc, send_code => '1' }, accept => 'xml');
	is($r->xpath('/password/sms-phone'), substr($phone, 0, 3) . '****' . substr($phone, 7),
	    '... the code goes to the phone entered');
	my $code = $s->sms_code($phone);
	ok($code, '... and arrives');
	$r = $c->post('/password', { csrf => $pc, old => '123', password => 'Newpass2026x',
	    password2 => 'Newpass2026x', sms_code => $code });
	is($r->status, 303, '... with it the password is changed') or diag($r->dump);
	is($s->count(q{SELECT pw_must_change FROM accounts WHERE idno_mac = UNHEX(?)},
	    $s->mac('idno', $idno)), 0, '... and need not change again');
	is($c->get('/apply')->status, 200, '... the application opens');
	return $c;
}
my $lb = first_login($LATE, '13900000101', '周补报');
my $eb = first_login($EXC, '13900000102', '吴破格');

# R20: an application that fails R6 (四级 by years after 3 years of work) is
# refused for the 补报 candidate and submitted for the 破格 one.
my %r6 = (route => 'years', work_start => ($Y - 2) . '-07-01', work_years => 3,
    cur_level => 5, cur_level_year => $Y - 1);
$r = $s->submit_app($lb, $app->{id}, '13900000101', $uid{JSBAS}, \%r6);
is($r->status, 400, 'the 补报 candidate\'s application failing R6 is refused');
like($r->text, qr/工作年限/, '... by the rule on years of work');
my $eapp = $s->count('SELECT id FROM applications WHERE account_id = ?', $exc);
$r = $s->submit_app($eb, $eapp, '13900000102', $uid{ZZBAS}, \%r6);
is($r->status, 303, 'the 破格 candidate\'s same application is submitted (R20)') or diag($r->text);
is($s->count('SELECT state FROM applications WHERE id = ?', $eapp), 'submitted', '... submitted');

# --- the window closed ---------------------------------------------------------------------------

$s->admin('window', $Y, 'registration', GKBM::_ymdhm(-15 * 86400), GKBM::_ymdhm(-86400));
($n0, $e0) = (accounts(), entries());
$r = enter('county', { idno => GKBM::idno('410105', '19930101', '468'), phone => '13900000104' });
is($r->status, 400, 'outside the registration window: 400');
like($r->xpath('/entry/form/message') // '', qr/^注册报名时间为.*至.*当前不在注册报名时间内，不能添加补报或破格人员。$/,
    '... naming the window and its dates');
$valid->($r, 'the refusal');
is(accounts(), $n0, '... no account stored');
is(entries(), $e0, '... no entry stored');

$s->finish;
done_testing();
