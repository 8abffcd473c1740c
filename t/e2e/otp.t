# otp.t: the second login factor of city and province office accounts
# (SECURITY.md section 1; h_otp.c): after the right password a pending
# login and no session; enrollment with a QR code and the secret; TOTP
# codes (RFC 6238, ±1 step, never twice); the SMS fallback; 5 tries and
# 10 minutes per pending login; wrong codes count towards the lockout;
# candidates and unit admins log in with a password only.
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

# --- enrollment ----------------------------------------------------------------

$r = $b->get('/login/otp', accept => 'xml');
is($r->status, 200, 'GET /login/otp') or diag($r->text);
$valid->($r, 'enrollment page');
is($r->xpath('/otp/meta/role'), 'anon', 'still anonymous');
my $secret = $r->xpath('/otp/enroll/@secret');
like($secret, qr/^[A-Z2-7]{32}$/, 'a 32-character base32 secret');
like($r->xpath('/otp/enroll/@uri'), qr{^otpauth://totp/%E6%B2%B3%E5%8D%97%E5%B7%A5%E8%80%83:sgkb\?secret=\Q$secret\E&issuer=%E6%B2%B3%E5%8D%97%E5%B7%A5%E8%80%83&digits=6&period=30$},
    'the otpauth URI');
my @rows = $r->nodes('/otp/enroll/qr/row');
ok(@rows >= 21, 'a QR code');
is($r->xpath('/otp/phone/@masked'), '138****0001', 'the phone masked');
$r = $b->get('/login/otp', accept => 'xml');
is($r->xpath('/otp/enroll/@secret'), $secret, 'the same secret on reload');
$r = $b->get('/login/otp');
is($r->status, 200, 'the HTML page');
like($r->text, qr/<svg\b.*<rect /s, 'the QR code drawn as SVG');
like($r->text, qr/\Q$secret\E/, 'the secret shown as text');
like($r->text, qr/name="send_code"/, 'the SMS button');
my $key = b32_decode($secret);
is(length($key), 20, 'a 20-byte key');

# Another browser has no pending login.
my $other = $s->browser;
$r = $other->get('/login/otp');
is($r->status, 303, 'another browser: sent away');
is($r->header('location'), '/login?m=login', 'to /login?m=login');
$r = $other->get('/login/otp', accept => 'xml');
is($r->status, 403, 'another browser: 403 as XML');
$r = $other->post('/login/otp', { csrf => $other->csrf('/login'),
    code => totp($key, now_step()) });
is($r->status, 303, 'another browser cannot post the code');
is($r->header('location'), '/login?m=login', 'to /login');
is(pending_of($prov), 1, 'the pending login untouched');

# A malformed code is not a try; a wrong one is.
$r = code_post($b, '12ab', accept => 'xml');
is($r->status, 400, 'malformed code: 400');
is($r->xpath('/otp/form/field[@name="code"]/error'), '验证码为6位数字。',
    'malformed code: its message');
is($s->count('SELECT tries FROM login_pending WHERE account_id = ?', $prov), 0,
    'malformed code: no try taken');
$r = code_post($b, wrong_code($key), accept => 'xml');
is($r->status, 400, 'wrong code: 400');
$valid->($r, 'wrong code');
is($r->xpath('/otp/form/message'), '验证码不正确，还可尝试4次。',
    'wrong code: its message');
is($s->count('SELECT tries FROM login_pending WHERE account_id = ?', $prov), 1,
    'wrong code: one try counted');
is(audits('login.fail', '2fa'), 1, 'wrong code: login.fail audited');
ok(!defined $b->jar->get('gkbm_sid'), 'wrong code: no session');

# The right code.
my $step = now_step();
my $code = totp($key, $step);
$r = code_post($b, $code);
is($r->status, 303, 'right code: logged in') or diag($r->text);
my ($must) = $dbh->selectrow_array('SELECT pw_must_change FROM accounts '
    . 'WHERE id = ?', undef, $prov);
is($r->header('location'), $must ? '/password' : '/home', 'right code: redirected');
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
is(audits('login.ok', '2fa'), 1, 'login.ok audited with reason 2fa');

# --- a login with the enrolled secret: replay refused, next step works -----------

$b = password_ok($PLOGIN, $PPW, 'second login');
$r = $b->get('/login/otp', accept => 'xml');
$valid->($r, 'code page');
ok(!defined $r->xpath('/otp/enroll/@secret'), 'no enrollment once enrolled');
$r = code_post($b, totp($key, $st), accept => 'xml');
is($r->status, 400, 'the same code again: refused');
is($r->xpath('/otp/form/message'), '验证码不正确，还可尝试4次。',
    'replay: wrong-code message');
$r = code_post($b, totp($key, $st + 1));
is($r->status, 303, 'the next step\'s code: logged in') or diag($r->text);
ok(defined $b->jar->get('gkbm_sid'), 'next step: a session');
is($s->count('SELECT totp_step FROM accounts WHERE id = ?', $prov), $st + 1,
    'next step: stored');

# --- the SMS fallback ---------------------------------------------------------

$b = password_ok($PLOGIN, $PPW, 'SMS login');
$r = $b->post('/login/otp', { csrf => $b->csrf('/login/otp'), send_code => 1 },
    accept => 'xml');
is($r->status, 200, 'send_code answered');
$valid->($r, 'code sent');
is($r->xpath('/otp/form/@status'), 'sent', 'status sent');
my $sms = $s->sms_code($PPHONE);
like($sms, qr/^\d{6}$/, 'an SMS code to the account\'s phone');
$r = code_post($b, $sms);
is($r->status, 303, 'the SMS code logs in') or diag($r->text);
ok(defined $b->jar->get('gkbm_sid'), 'SMS: a session');
is($s->count(q{SELECT COUNT(*) FROM sms_codes WHERE purpose = 'otp' AND
    used_at IS NOT NULL}), 1, 'SMS: the code used');
is(audits('login.ok', '2fa'), 3, 'three logins with a second factor');

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
like($r->xpath('/login/form/message'), qr/已被锁定/,
    'wrong codes count: the password login is locked');

# --- city: second factor; candidates and unit admins: password only ----------

$s->create_units(qw(ZZCITY ZZSUP ZZBAS));
my %staff = $s->create_staff('Staff#Henan2026', qw(city unit));
my $cb = password_ok($staff{city}[0], 'Staff#Henan2026', 'city');
$r = $cb->get('/login/otp', accept => 'xml');
my $ckey = b32_decode($r->xpath('/otp/enroll/@secret'));
$r = code_post($cb, totp($ckey, now_step()));
is($r->status, 303, 'city: logged in with the code');
ok(defined $cb->jar->get('gkbm_sid'), 'city: a session');

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

$s->finish;
done_testing;
