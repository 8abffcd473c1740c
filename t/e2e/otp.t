# otp.t: the second login factor of city and province office accounts
# (SECURITY.md section 1; h_otp.c): after the right password a pending
# login and no session; no secret shown before the phone (SMS code) or an
# administrator's enrolment code is proved, and none while the password
# must still change (issue 7: the default password 123 of a new account
# must not give its second factor away); enrollment with a QR code and the
# secret; TOTP codes (RFC 6238, ±1 step, never twice); no SMS fallback once
# enrolled; gkbm-admin totp-reset; 5 tries and 10 minutes per pending
# login; wrong codes count towards the delays; candidates and unit admins
# log in with a password only.
use strict;
use warnings;
use utf8;

use Digest::SHA qw(hmac_sha1);
use Test::More;
use GKBM;

my $s = GKBM->start(workers => 2, conf => { staff_2fa => 'yes' });
my $dbh = $s->dbh;
my $year = $s->year;
my $valid = GKBM::rng_validator('otp');
my ($PLOGIN, $PPW, $PPHONE) = ($GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW,
    $GKBM::PROVINCE_PHONE);
my ($prov) = $dbh->selectrow_array('SELECT id FROM accounts WHERE login = ?',
    undef, $PLOGIN);

sub b32_decode {
	my ($t) = @_;
	my $bits = join('', map { sprintf('%05b',
	    index('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', $_)) } split //, $t);
	return pack('B*', substr($bits, 0, int(length($bits) / 8) * 8));
}

# totp(KEY, STEP): the 6-digit code of time step STEP (RFC 6238, SHA-1).
sub totp {
	my ($key, $step) = @_;
	my $h = hmac_sha1(pack('NN', int($step / 2**32), $step % 2**32), $key);
	my $o = ord(substr($h, 19, 1)) & 15;
	return sprintf('%06d', (unpack('N', substr($h, $o, 4)) & 0x7fffffff)
	    % 1000000);
}

sub now_step { int(time / 30) }

# A code that is none of the three steps the server accepts.
sub wrong_code {
	my ($key) = @_;
	my %right = map { totp($key, now_step() + $_) => 1 } -1 .. 2;
	my $c = 123456;
	$c++ while $right{sprintf('%06d', $c)};
	return sprintf('%06d', $c);
}

sub pending_of {
	$s->count('SELECT COUNT(*) FROM login_pending WHERE account_id = ?',
	    $_[0]);
}
sub audits {
	my ($event, $reason) = @_;
	return $s->count('SELECT COUNT(*) FROM audit WHERE event = ? AND '
	    . 'reason = ?', $event, $reason);
}

# password_ok(LOGIN, PASSWORD, WHAT): a browser past the password.
sub password_ok {
	my ($login, $pw, $what) = @_;
	my $b = $s->browser;
	my $r = $b->login('staff', $login, $pw);
	is($r->status, 303, "$what: the password is accepted") or diag($r->text);
	is($r->header('location'), '/login/otp', "$what: sent to /login/otp");
	return $b;
}

sub code_post {
	my ($b, $code, %o) = @_;
	return $b->post('/login/otp', { csrf => $b->csrf('/login/otp'),
	    code => $code }, %o);
}

# --- the password step ---------------------------------------------------------

my $b = password_ok($PLOGIN, $PPW, 'province');
ok(defined $b->jar->get('gkbm_2fa'), 'a pending login cookie');
ok(!defined $b->jar->get('gkbm_sid'), 'no session yet');
like($b->jar->raw('gkbm_2fa'), qr/HttpOnly; SameSite=Lax/, 'cookie HttpOnly, SameSite=Lax');
is(pending_of($prov), 1, 'one pending login stored');
my $tok = $b->jar->get('gkbm_2fa');
is($s->count('SELECT COUNT(*) FROM login_pending WHERE id = UNHEX(SHA2(?, 256))',
    $tok), 1, 'stored by the SHA-256 of the cookie');
is($s->count('SELECT COUNT(*) FROM sessions WHERE account_id = ?', $prov), 0,
    'no session row');
is(audits('login.password_ok', '2fa'), 1, 'login.password_ok audited');
my $r = $b->get('/home', accept => 'xml');
is($r->status, 403, 'no access to /home as XML');
$r = $b->get('/home');
is($r->status, 303, 'no access to /home');
like($r->header('location'), qr{^/login}, '/home sends to /login');

# --- not enrolled: nothing shown before the phone is proved ---------------------

$r = $b->get('/login/otp', accept => 'xml');
is($r->status, 200, 'GET /login/otp') or diag($r->text);
$valid->($r, 'verify page');
is($r->xpath('/otp/meta/role'), 'anon', 'still anonymous');
is($r->xpath('/otp/mode'), 'verify', 'not enrolled: the verify mode');
ok(!defined $r->xpath('/otp/enroll/@secret'), 'no secret before the proof');
is($r->xpath('/otp/phone/@masked'), '138****0001', 'the phone masked');
is($s->count('SELECT COUNT(*) FROM login_pending WHERE account_id = ? AND '
    . 'secret_enc IS NOT NULL', $prov), 0, 'no secret made either');
$r = $b->get('/login/otp');
is($r->status, 200, 'the HTML page');
unlike($r->text, qr/<svg\b/, 'no QR code');
like($r->text, qr/name="send_code"/, 'the SMS button');
like($r->text, qr/10位绑定码/, 'the enrolment code is named');

# Another browser has no pending login.
my $other = $s->browser;
$r = $other->get('/login/otp');
is($r->status, 303, 'another browser: sent away');
is($r->header('location'), '/login?m=login', 'to /login?m=login');
$r = $other->get('/login/otp', accept => 'xml');
is($r->status, 403, 'another browser: 403 as XML');
$r = $other->post('/login/otp', { csrf => $other->csrf('/login'),
    code => '123456' });
is($r->status, 303, 'another browser cannot post a code');
is($r->header('location'), '/login?m=login', 'to /login');
is(pending_of($prov), 1, 'the pending login untouched');

# A malformed code is not a try; a wrong one is.
$r = code_post($b, '12ab', accept => 'xml');
is($r->status, 400, 'malformed code: 400');
is($r->xpath('/otp/form/field[@name="code"]/error'),
    '请输入6位短信验证码或10位绑定码。', 'malformed code: its message');
is($s->count('SELECT tries FROM login_pending WHERE account_id = ?', $prov), 0,
    'malformed code: no try taken');
$r = code_post($b, '000000', accept => 'xml');
is($r->status, 400, 'wrong code: 400');
$valid->($r, 'wrong code');
is($r->xpath('/otp/form/message'), '验证码不正确，还可尝试4次。',
    'wrong code: its message');
is($s->count('SELECT tries FROM login_pending WHERE account_id = ?', $prov), 1,
    'wrong code: one try counted');
is(audits('login.fail', '2fa'), 1, 'wrong code: login.fail audited');
ok(!defined $b->jar->get('gkbm_sid'), 'wrong code: no session');

# The SMS code proves the phone: the secret shows next.
$r = $b->post('/login/otp', { csrf => $b->csrf('/login/otp'), send_code => 1 },
    accept => 'xml');
is($r->status, 200, 'send_code answered');
$valid->($r, 'code sent');
is($r->xpath('/otp/form/@status'), 'sent', 'status sent');
my $sms = $s->sms_code($PPHONE);
like($sms, qr/^\d{6}$/, 'an SMS code to the account\'s phone');
$r = code_post($b, $sms);
is($r->status, 303, 'the SMS code: accepted') or diag($r->text);
is($r->header('location'), '/login/otp', '... back to /login/otp');
ok(!defined $b->jar->get('gkbm_sid'), '... no session yet');
is(audits('totp.verify', '2fa-sms'), 1, 'totp.verify audited');

# --- enrollment ----------------------------------------------------------------

$r = $b->get('/login/otp', accept => 'xml');
$valid->($r, 'enrollment page');
is($r->xpath('/otp/mode'), 'enroll', 'proved: the enroll mode');
my $secret = $r->xpath('/otp/enroll/@secret');
like($secret, qr/^[A-Z2-7]{32}$/, 'a 32-character base32 secret');
like($r->xpath('/otp/enroll/@uri'), qr{^otpauth://totp/%E6%B2%B3%E5%8D%97%E5%B7%A5%E8%80%83:sgkb\?secret=\Q$secret\E&issuer=%E6%B2%B3%E5%8D%97%E5%B7%A5%E8%80%83&digits=6&period=30$},
    'the otpauth URI');
my @rows = $r->nodes('/otp/enroll/qr/row');
ok(@rows >= 21, 'a QR code');
ok(!defined $r->xpath('/otp/phone/@masked'), 'no SMS once proved');
$r = $b->get('/login/otp', accept => 'xml');
is($r->xpath('/otp/enroll/@secret'), $secret, 'the same secret on reload');
$r = $b->get('/login/otp');
like($r->text, qr/<svg\b.*<rect /s, 'the QR code drawn as SVG');
like($r->text, qr/\Q$secret\E/, 'the secret shown as text');
like($r->text, qr/name="skip"/, 'the 暂不绑定 button');
my $key = b32_decode($secret);
is(length($key), 20, 'a 20-byte key');
$r = code_post($b, wrong_code($key), accept => 'xml');
is($r->xpath('/otp/form/message'), '验证码不正确，还可尝试2次。',
    'enroll, wrong code: counted (the SMS code took a try too)');

# The right code.
my $step = now_step();
my $code = totp($key, $step);
$r = code_post($b, $code);
is($r->status, 303, 'right code: logged in') or diag($r->text);
is($r->header('location'), '/home', 'right code: redirected home');
ok(defined $b->jar->get('gkbm_sid'), 'right code: a session cookie');
ok(!defined $b->jar->get('gkbm_2fa'), 'right code: pending cookie cleared');
is(pending_of($prov), 0, 'right code: pending login deleted');
$r = $b->get('/home', accept => 'xml');
is($r->xpath('/home/meta/role'), 'province', 'right code: the province');
my ($enc, $st) = $dbh->selectrow_array('SELECT totp_enc, totp_step FROM '
    . 'accounts WHERE id = ?', undef, $prov);
ok(defined $enc && length($enc) > 0, 'the secret stored');
ok(index($enc, $secret) < 0 && index($enc, $key) < 0,
    'the secret stored sealed, not in clear');
ok($st >= $step - 1 && $st <= $step + 1, 'the step accepted stored');
is(audits('totp.enroll', ''), 1, 'totp.enroll audited');
is(audits('login.ok', '2fa-enroll'), 1, 'login.ok audited with reason 2fa-enroll');

# --- a login with the enrolled secret: replay refused, next step works -----------

$b = password_ok($PLOGIN, $PPW, 'second login');
$r = $b->get('/login/otp', accept => 'xml');
$valid->($r, 'code page');
is($r->xpath('/otp/mode'), 'totp', 'enrolled: the totp mode');
ok(!defined $r->xpath('/otp/enroll/@secret'), 'no enrollment once enrolled');
ok(!defined $r->xpath('/otp/phone/@masked'), 'no SMS fallback once enrolled');
my $nsms = () = $s->sms_lines;
$r = $b->post('/login/otp', { csrf => $b->csrf('/login/otp'), send_code => 1 },
    accept => 'xml');
is($r->status, 400, 'enrolled: send_code refused');
like($r->xpath('/otp/form/field[@name="code"]/error'), qr/不能使用短信验证码/,
    'enrolled: the message says why');
sleep 0.5;
is(scalar(() = $s->sms_lines), $nsms, 'enrolled: no SMS sent');
is($s->count(q{SELECT COUNT(*) FROM sms_codes WHERE purpose = 'otp'}), 1,
    'enrolled: no code recorded');
$r = code_post($b, totp($key, $st), accept => 'xml');
is($r->status, 400, 'the same code again: refused');
is($r->xpath('/otp/form/message'), '验证码不正确，还可尝试4次。',
    'replay: wrong-code message');
$r = code_post($b, totp($key, $st + 1));
is($r->status, 303, 'the next step\'s code: logged in') or diag($r->text);
ok(defined $b->jar->get('gkbm_sid'), 'next step: a session');
is($s->count('SELECT totp_step FROM accounts WHERE id = ?', $prov), $st + 1,
    'next step: stored');
is(audits('login.ok', '2fa'), 1, 'login.ok audited with reason 2fa');

# --- gkbm-admin totp-reset: an enrolment code instead of the SMS ----------------

my $sb = $b;
my ($rc, $out) = $s->admin({ may_fail => 1 }, 'totp-reset', 'nobody');
isnt($rc, 0, 'totp-reset of an unknown login fails');
like($out, qr/no such staff account/, '... saying so');
$out = $s->admin('totp-reset', $PLOGIN);
my ($ecode) = $out =~ /enrolment code (\d{10})\b/;
ok(defined $ecode, 'totp-reset prints a 10-digit enrolment code') or diag($out);
ok(!defined $s->count('SELECT totp_enc FROM accounts WHERE id = ?', $prov),
    'totp-reset: the secret forgotten');
is($s->count('SELECT COUNT(*) FROM sessions WHERE account_id = ?', $prov), 0,
    'totp-reset: the sessions ended');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'totp.reset' AND
    object = ?}, "account:$prov"), 1, 'totp-reset audited');
ok(!$s->count('SELECT COUNT(*) FROM audit WHERE object LIKE ?', "%$ecode%")
    && !$s->count('SELECT COUNT(*) FROM accounts WHERE HEX(totp_enroll_mac) '
    . 'LIKE ?', "%$ecode%"), 'the enrolment code is stored only hashed');
$r = $sb->get('/home');
is($r->status, 303, 'totp-reset: the logged-in browser is out');

$b = password_ok($PLOGIN, $PPW, 'after totp-reset');
$r = $b->get('/login/otp', accept => 'xml');
is($r->xpath('/otp/mode'), 'verify', 'after totp-reset: verify mode');
my $bad = $ecode eq '1234567890' ? '1234567891' : '1234567890';
$r = code_post($b, $bad, accept => 'xml');
is($r->xpath('/otp/form/message'), '验证码不正确，还可尝试4次。',
    'a wrong enrolment code: counted');
$r = code_post($b, $ecode);
is($r->status, 303, 'the enrolment code: accepted') or diag($r->text);
is($r->header('location'), '/login/otp', '... back to /login/otp');
is(audits('totp.verify', '2fa-code'), 1, 'totp.verify audited (code)');
$r = $b->get('/login/otp', accept => 'xml');
my $secret2 = $r->xpath('/otp/enroll/@secret');
like($secret2, qr/^[A-Z2-7]{32}$/, 'the enrolment code shows a new secret');
isnt($secret2, $secret, '... not the old one');
$key = b32_decode($secret2);
$r = code_post($b, totp($key, now_step()));
is($r->status, 303, 're-enrolled and logged in') or diag($r->text);
ok(defined $b->jar->get('gkbm_sid'), 're-enrolled: a session');
ok(!defined $s->count('SELECT totp_enroll_mac FROM accounts WHERE id = ?', $prov),
    'the enrolment code is spent');
my $b2 = password_ok($PLOGIN, $PPW, 'enrolment code reused');
$r = code_post($b2, $ecode, accept => 'xml');
is($r->status, 400, 'a spent enrolment code: refused');
$dbh->do('DELETE FROM login_pending WHERE account_id = ?', undef, $prov);
($enc) = $dbh->selectrow_array('SELECT totp_enc FROM accounts WHERE id = ?',
    undef, $prov);

# --- an expired pending login ------------------------------------------------

$b = password_ok($PLOGIN, $PPW, 'expired');
$dbh->do('UPDATE login_pending SET created_at = NOW() - INTERVAL 11 MINUTE '
    . 'WHERE account_id = ?', undef, $prov);
$r = $b->get('/login/otp');
is($r->status, 303, 'expired: sent away');
is($r->header('location'), '/login?m=login', 'expired: to /login');
is(pending_of($prov), 0, 'expired: deleted');

# --- 5 wrong codes end the pending login (and count as login failures) -------

$b = password_ok($PLOGIN, $PPW, 'five wrong');
for my $i (1 .. 4) {
	$r = code_post($b, wrong_code($key), accept => 'xml');
	is($r->xpath('/otp/form/message'), '验证码不正确，还可尝试' . (5 - $i)
	    . '次。', "wrong code $i: tries left");
}
$r = code_post($b, wrong_code($key));
is($r->status, 303, 'fifth wrong code: sent away');
is($r->header('location'), '/login?m=otp', 'fifth wrong code: to /login?m=otp');
ok(!defined $b->jar->get('gkbm_2fa'), 'fifth wrong code: cookie cleared');
is(pending_of($prov), 0, 'fifth wrong code: pending login deleted');
$r = $b->get('/login?m=otp', accept => 'xml');
is($r->xpath('/login/meta/flash'), '验证码错误次数过多，请重新登录。',
    'the login page says why');
$r = $b->login('staff', $PLOGIN, $PPW, accept => 'xml');
like($r->xpath('/login/form/message'), qr/登录失败次数过多，请\d+分钟后再试/,
    'wrong codes count: the password login waits');

# --- city: second factor; candidates and unit admins: password only ----------

$s->create_units(qw(ZZCITY ZZSUP ZZBAS));
my %staff = $s->create_staff('Staff#Henan2026', qw(city unit));
my $cb = password_ok($staff{city}[0], 'Staff#Henan2026', 'city');
my ($city) = $dbh->selectrow_array('SELECT id FROM accounts WHERE login = ?',
    undef, $staff{city}[0]);
$r = $cb->get('/login/otp', accept => 'xml');
is($r->xpath('/otp/mode'), 'verify', 'city: verify mode');
$cb->post('/login/otp', { csrf => $cb->csrf('/login/otp'), send_code => 1 });
$r = code_post($cb, $s->sms_code($staff{city}[2]));
is($r->header('location'), '/login/otp', 'city: the phone proved');
$r = $cb->post('/login/otp', { csrf => $cb->csrf('/login/otp'), skip => 1 });
is($r->status, 303, 'city: 暂不绑定 logs in') or diag($r->text);
is($r->header('location'), '/home', 'city: to /home');
ok(defined $cb->jar->get('gkbm_sid'), 'city: a session');
ok(!defined $s->count('SELECT totp_enc FROM accounts WHERE id = ?', $city),
    'city: nothing enrolled');
is(audits('login.ok', '2fa-skip'), 1, 'city: login.ok audited (2fa-skip)');

# --- a new account's default password does not give its second factor away ----
#
# Issue 7 (high): created without a password, an office account has the
# default 123; whoever knows its login could see the enrolment secret and
# own the factor.  Now nothing is shown, and nothing can be enrolled, until
# the phone is proved, and while the password must change the proof only
# logs in to /password.

$s->create_units(qw(KFCITY));
$s->admin('create-staff', @{ $GKBM::STAFF{kfcity} });
my ($KLOGIN, $KPHONE) = @{ $GKBM::STAFF{kfcity} }[0, 2];
my ($kf) = $dbh->selectrow_array('SELECT id FROM accounts WHERE login = ?',
    undef, $KLOGIN);
my $atk = password_ok($KLOGIN, '123', 'default password');
$r = $atk->get('/login/otp', accept => 'xml');
$valid->($r, 'default password: the page');
is($r->xpath('/otp/mode'), 'verify', 'default password: verify mode');
ok(!defined $r->xpath('/otp/enroll/@secret'),
    'default password: no enrolment secret shown');
$r = $atk->get('/login/otp');
unlike($r->text, qr/<svg\b|otpauth:/, 'default password: no QR code, no URI');
is($s->count('SELECT COUNT(*) FROM login_pending WHERE account_id = ? AND '
    . 'secret_enc IS NOT NULL', $kf), 0, 'default password: no secret made');
$r = code_post($atk, '123456', accept => 'xml');
is($r->status, 400, 'default password: a guessed code is refused');
ok(!defined $s->count('SELECT totp_enc FROM accounts WHERE id = ?', $kf),
    'default password: nothing enrolled');
$r = $atk->post('/login/otp', { csrf => $atk->csrf('/login/otp'), skip => 1 },
    accept => 'xml');
is($r->status, 400, 'default password: 暂不绑定 without the proof is refused');
ok(!defined $atk->jar->get('gkbm_sid'), 'default password: no session');
# The holder of the phone: the SMS code logs in to the forced change only.
$atk->post('/login/otp', { csrf => $atk->csrf('/login/otp'), send_code => 1 });
$r = code_post($atk, $s->sms_code($KPHONE));
is($r->status, 303, 'default password, SMS code: accepted') or diag($r->text);
is($r->header('location'), '/password', 'default password: to /password');
ok(defined $atk->jar->get('gkbm_sid'), 'default password: a session');
is($s->count('SELECT COUNT(*) FROM login_pending WHERE account_id = ?', $kf), 0,
    'default password: the pending login ended');
ok(!defined $s->count('SELECT totp_enc FROM accounts WHERE id = ?', $kf),
    'default password: still nothing enrolled');
is(audits('login.ok', '2fa-sms'), 1, 'default password: login.ok (2fa-sms)');

my $ub = $s->browser;
$r = $ub->login('staff', $staff{unit}[0], 'Staff#Henan2026');
is($r->status, 303, 'unit admin: logged in');
isnt($r->header('location'), '/login/otp', 'unit admin: no second factor');
ok(defined $ub->jar->get('gkbm_sid'), 'unit admin: a session');

my $CPW = 'Henan2026ok';
my ($ID, $PH) = (GKBM::idno('410105', '19900307', '105'), '13911110001');
$s->admin({ stdin => "$CPW\n" }, 'create-candidate', $year, $ID, '李明',
    $PH, '410100', 5);
my $kb = $s->browser;
$r = $kb->login('candidate', $ID, $CPW);
is($r->status, 303, 'candidate: logged in');
is($r->header('location'), '/home', 'candidate: no second factor');
ok(defined $kb->jar->get('gkbm_sid'), 'candidate: a session');

# --- a reset by SMS of an account with an authenticator needs its code -------
#
# Issue 7: with SMS alone a SIM swap would take a city or province account
# (and lift its delays).  The province is enrolled (above) and its name
# waits after the five wrong codes.

my $fb = $s->browser;
my $fcsrf = $fb->csrf('/password/forgot');
sub forgot {
	return $fb->post('/password/forgot', { csrf => $fcsrf, @_ },
	    accept => 'xml');
}
sub pw_hash { $s->count('SELECT pw_hash FROM accounts WHERE id = ?', $prov) }
$dbh->do('UPDATE sms_codes SET created_at = created_at - INTERVAL 70 SECOND');
$r = forgot(login => $PLOGIN, phone => $PPHONE, send_code => 1);
is($r->xpath('/forgot/form/@status'), 'sent', 'reset of the province: code sent');
my $fcode = $s->sms_code($PPHONE);
my $NEWPW = 'Prov#Reset2026';
my $h0 = pw_hash();
my %reset = (login => $PLOGIN, phone => $PPHONE, sms_code => $fcode,
    password => $NEWPW, password2 => $NEWPW);
$r = forgot(%reset);
is($r->status, 400, 'reset with the SMS code alone: refused');
like($r->xpath('/forgot/form/field[@name="totp"]/error') // '',
    qr/已绑定身份验证器.*6位验证码/, '... the authenticator code asked for');
is(pw_hash(), $h0, '... the password unchanged');
$r = forgot(%reset, totp => wrong_code($key));
is($r->status, 400, 'reset with a wrong authenticator code: refused');
like($r->xpath('/forgot/form/field[@name="totp"]/error') // '',
    qr/身份验证器验证码不正确/, '... its message');
is(pw_hash(), $h0, '... the password unchanged');
$r = forgot(%reset, totp => totp($key, now_step() + 1));
is($r->status, 303, 'reset with the SMS and the authenticator codes: done')
    or diag($r->dump);
isnt(pw_hash(), $h0, '... the password changed');
$r = $s->browser->login('staff', $PLOGIN, $NEWPW);
is($r->header('location'), '/login/otp',
    '... the delays of the name lifted: the new password is taken');

$s->finish;
done_testing;
