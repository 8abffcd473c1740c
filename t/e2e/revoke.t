# revoke.t: 撤销注册 (issue 8 §8; fcgi/model/revoke.c,
# fcgi/pages/office/h_revoke.c): a county, city or province office finds
# this year's registration of an ID number in its subtree, gives the
# reason and confirms; the account can no longer log in (its sessions
# end), its application is cancelled, the revocation is audited and
# listed, and the real person registers with the same ID number.  Every
# field sent wrong, another subtree, a role that may not: nothing changes.
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
my $valid = GKBM::rng_validator('revoke');

my %b = $s->jinshui_offices($PW);
my $JSBAS = $s->count(q{SELECT id FROM units WHERE code = 'JSBAS'});

# 冒名 registered with 王真's ID number and submitted in 金水区第一中学.
my $ID = GKBM::idno('410105', '19850612', '137');
my ($fb, $app, $acct) = $s->submitted_candidate($ID, '冒名', '13900000201', '410100', $JSBAS);
is($s->count('SELECT wait_unit_id IS NOT NULL FROM applications WHERE id = ?', $app), 1,
    'the false registration\'s application waits in a queue');
# Another, in 开封 without an application: the city of its registration reaches it.
my $ID2 = GKBM::idno('410202', '19870101', '248');
$s->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate', $Y, $ID2, '冒用', '13900000202',
    '410200', '5');
my $acct2 = $s->count(q{SELECT id FROM accounts WHERE name = '冒用'});

sub post {
	my ($who, $f) = @_;
	return $b{$who}->post('/admin/revoke', { csrf => $b{$who}->csrf('/home'), %$f },
	    accept => 'xml');
}
sub revoked { $s->count('SELECT COUNT(*) FROM revocations') }
sub live { $s->count('SELECT idno_mac IS NOT NULL FROM accounts WHERE id = ?', $_[0]) }

# --- the page --------------------------------------------------------------------------

my $r = $b{county}->get('/admin/revoke', accept => 'xml');
is($r->status, 200, 'the county opens 撤销注册') or diag($r->dump);
$valid->($r, 'the page');
for my $k (qw(unit supervising)) {
	is($b{$k}->get('/admin/revoke', accept => 'xml')->status, 403, "$k: 403");
	is(post($k, { idno => $ID })->status, 403, "$k: POST 403");
}
is($fb->get('/admin/revoke', accept => 'xml')->status, 403, 'a candidate: 403');

# --- finding, within the subtree ----------------------------------------------------------------

$r = post('county', { idno => lc $ID });
is($r->status, 200, 'the county finds the registration of the ID number') or diag($r->dump);
$valid->($r, 'the registration found');
is($r->xpath('//registration/@id'), $acct, '... the account');
is($r->xpath('//registration/@name'), '冒名', '... its name, to compare with the person\'s');
like($r->xpath('//registration/@idno'), qr/^410105\*{8}/, '... the ID number masked');
is($r->xpath('//registration/@unit'), '金水区第一中学', '... its unit');
ok(!$r->nodes('//confirm'), '... no confirmation asked yet');
for my $k (qw(city province)) {
	is(post($k, { idno => $ID })->xpath('//registration/@id'), $acct, "$k finds it too");
}
$r = post('kfcity', { idno => $ID });
is($r->status, 400, 'another city does not find it');
like($r->xpath('/revoke/form/message'), qr/本辖区内未找到/, '... says not found in its subtree');
ok(!$r->nodes('//registration'), '... shows nothing of it');
is(post('kfcity', { idno => $ID2 })->xpath('//registration/@id'), $acct2,
    'the city of a registration without application finds it');
is(post('county', { idno => $ID2 })->status, 400, '... a county elsewhere does not');
is(post('city', { idno => $ID2 })->status, 400, '... nor another city');

# --- every field sent wrong: nothing changes --------------------------------------------------------

for my $bad (
    [{ idno => '' }, 'idno', qr/请输入要撤销注册的身份证号/, 'no ID number'],
    [{ idno => '41010519850612137' }, 'idno', qr/身份证号/, 'an ID number of 17 characters'],
    [{ idno => $ID, id => 'x', reason => '冒用' }, 'id', qr/注册信息不正确/, 'an id that is no number'],
    [{ idno => $ID, id => $acct }, 'reason', qr/请填写撤销原因/, 'no reason'],
    [{ idno => $ID, id => $acct, reason => '冒' }, 'reason', qr/2至200个字/, 'a reason of one character'],
    [{ idno => $ID, id => $acct, reason => '冒' x 201 }, 'reason', qr/2至200个字/, 'a reason of 201 characters'],
    [{ idno => $ID, id => $acct, reason => '他人冒用', confirm => '2' }, 'confirm',
	qr/请确认是否撤销/, 'a confirmation that is not 1'],
    ) {
	my ($f, $field, $re, $what) = @$bad;
	$r = post('county', $f);
	is($r->status, 400, "$what: 400") or diag($r->dump);
	like($r->xpath("/revoke/form/field[\@name='$field']/error") // '', $re,
	    "$what: the message at $field");
	$valid->($r, $what);
}
$r = post('county', { idno => $ID, id => $acct2, reason => '他人冒用', confirm => 1 });
is($r->status, 400, 'an account that is not the ID number\'s: 400');
like($r->xpath('/revoke/form/message'), qr/注册信息已变化/, '... says so');
$r = post('kfcity', { idno => $ID, id => $acct, reason => '他人冒用', confirm => 1 });
is($r->status, 400, 'another city revoking it: 400');
is(live($acct), 1, '... still registered');
is(revoked(), 0, 'nothing revoked');

# --- the confirmation, then the revocation ---------------------------------------------------------------

my $REASON = '他人冒用身份证号注册，本人王真持身份证申请撤销';
$r = post('county', { idno => $ID, id => $acct, reason => $REASON });
is($r->status, 200, 'with the reason the county is asked to confirm');
ok($r->nodes('/revoke/confirm'), '... <confirm/>');
$valid->($r, 'the confirmation');
like($b{county}->post('/admin/revoke', { csrf => $b{county}->csrf('/home'), idno => $ID,
    id => $acct, reason => $REASON })->text, qr/确认撤销冒名的注册/, '... in words');
is(live($acct), 1, '... nothing done yet');
is($fb->get('/home')->status, 200, 'the false registration is still logged in');

$r = post('county', { idno => $ID, id => $acct, reason => $REASON, confirm => 1 });
is($r->status, 303, 'the county revokes the registration') or diag($r->dump);
like($r->header('location') // '', qr{^/admin/revoke\?m=revoked}, '... back to the page');
is(live($acct), 0, '... the account holds the ID number no more');
ok($s->count('SELECT revoked_at IS NOT NULL FROM accounts WHERE id = ?', $acct), '... marked revoked');
ok($s->count('SELECT idno_enc IS NOT NULL FROM accounts WHERE id = ?', $acct),
    '... its sealed ID number kept');
is($s->count('SELECT HEX(idno_mac) FROM revocations WHERE account_id = ?', $acct),
    uc $s->mac('idno', $ID), '... the record holds its lookup value');
is($s->count('SELECT reason FROM revocations WHERE account_id = ?', $acct), $REASON,
    '... and the reason');
is($s->count('SELECT COUNT(*) FROM sessions WHERE account_id = ?', $acct), 0, '... its sessions gone');
is($s->count('SELECT state FROM applications WHERE id = ?', $app), 'cancelled',
    '... its application cancelled');
is($s->count('SELECT wait_unit_id IS NULL FROM applications WHERE id = ?', $app), 1,
    '... out of every queue');
is($s->count(q{SELECT COUNT(*) FROM review_events WHERE application_id = ? AND action = 'revoke'},
    $app), 1, '... with a review event');
my $a = $s->last_audit('registration.revoke');
is($a->{object}, "account:$acct", '... audited');
is($a->{reason}, $REASON, '... with the reason');
my $st = $fb->get('/home')->status;
is($st, 303, 'the logged-in browser is logged out');
is($fb->login('candidate', $ID, 'Passw0rdx9')->status, 400, 'it cannot log in by ID number');
is($fb->login('candidate', '13900000201', 'Passw0rdx9')->status, 400, '... nor by phone');
$r = post('county', { idno => $ID, id => $acct, reason => $REASON, confirm => 1 });
is($r->status, 400, 'revoking it again: 400');
like($r->xpath('/revoke/form/message'), qr/未找到/, '... not found');
is(revoked(), 1, '... one revocation');

$r = $b{city}->get('/admin/revoke', accept => 'xml');
$valid->($r, 'the list');
is($r->xpath('//revocations/row/@reason'), $REASON, 'the city lists it');
is($r->xpath('//revocations/row/@by'), '钱县区', '... who revoked it');
is($r->xpath('//revocations/row/@name'), '冒*', '... the name masked');
is(scalar(my @n = $b{kfcity}->get('/admin/revoke', accept => 'xml')->nodes('//revocations/row')), 0,
    'another city does not');
is(scalar(@n = $b{city}->get('/admin/registrations?region=410100', accept => 'xml')->nodes(
    '//list/row')), 0, '报名查询 lists it no more');

# --- the real person registers with the ID number ------------------------------------------------------

my $rb = $s->browser;
my $csrf = $rb->csrf('/register?consent=v2026.1');
$s->captcha($rb);
$r = $rb->post_multipart('/register', { csrf => $csrf, consent => 'v2026.1',
    phone => '13900000203', send_code => 1, captcha => '2468' }, {}, accept => 'xml');
is($r->status, 200, 'the real person asks for a code') or diag($r->dump);
my $code = $s->sms_code('13900000203');
$r = $rb->post_multipart('/register', { csrf => $csrf, consent => 'v2026.1',
    region => '410100', level => 4, idno => $ID, name => '王真', phone => '13900000203',
    sms_code => $code, password => 'Shenfen2026q', password2 => 'Shenfen2026q' },
    { idcard => ['id.jpg', GKBM::jpeg(640, 400), 'image/jpeg'] }, accept => 'xml');
is($r->status, 303, 'and registers with the same ID number') or diag($r->text);
is($rb->login('candidate', $ID, 'Shenfen2026q')->status, 303, '... and logs in with it');
is($s->count(q{SELECT name FROM accounts WHERE idno_mac = UNHEX(?)}, $s->mac('idno', $ID)),
    '王真', '... the ID number is his');

# The province revokes the other, reached by its registration's city.
is(post('province', { idno => $ID2, id => $acct2, reason => '他人冒用', confirm => 1 })->status,
    303, 'the province revokes one anywhere');
is(live($acct2), 0, '... revoked');

$s->finish;
done_testing();
