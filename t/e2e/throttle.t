# throttle.t: what stands in for locks and limits the SMS (issue 7,
# section 2; SECURITY.md section 1 "5 failures: lock or captcha ... so
# nobody can lock a whole unit out cheaply"): the image captcha (GET
# /captcha: a JPEG, stored hashed, single use, 5 minutes); a name failing
# from many addresses, or an address failing with many names (a NAT'd
# office), needs the captcha instead of being locked; the hourly SMS
# budget with its alert in the log; the __Host- cookies behind TLS
# (cookie_secure); the rate limit on /login/otp in the nginx sites.
use strict;
use warnings;
use utf8;

use Digest::SHA qw(sha256_hex);
use Test::More;
use GKBM;

my $s = GKBM->start(workers => 2, conf => { cookie_secure => 'yes',
    sms_hourly_budget => 4 });
my $dbh = $s->dbh;
my $year = $s->year;
my $PW = 'Henan2026ok';
my $SID = '__Host-gkbm_sid';
my $PRE = '__Host-gkbm_pre';

my @NAMES = qw(李一 王二 张三 赵四 钱五 孙六);
my @C = map { [GKBM::idno('410105', '19900307', 100 + $_), $NAMES[$_ - 1],
    sprintf('139111100%02d', $_)] } 1 .. 6;
$s->admin({ stdin => "$PW\n" }, 'create-candidate', $year, $_->[0],
    $_->[1], $_->[2], '410100', 4) for @C;

sub sessions_of_name {
	$s->count(q{SELECT COUNT(*) FROM sessions s JOIN accounts a ON
	    a.id = s.account_id WHERE a.name = ?}, $_[0]);
}

# fail_rows(N, NAME_KEY_HEX or undef, IP): N failures of a name (a random
# one each when undef) from IP, as other logins would have left them.
sub fail_rows {
	my ($n, $mac, $ip) = @_;
	for (1 .. $n) {
		$dbh->do(q{INSERT INTO login_attempts (at, login_mac, ip, ok)
		    VALUES (NOW(), UNHEX(COALESCE(?, SHA2(RAND(), 256))), ?, 0)},
		    undef, $mac, $ip);
	}
}

# --- cookies behind TLS: __Host-, Secure, Path=/ ------------------------------------

my $b = $s->browser;
my $r = $b->get('/login', accept => 'xml');
my @sc = $r->header_all('set-cookie');
is(scalar @sc, 1, 'a first visit: one cookie');
like($sc[0], qr/^__Host-gkbm_pre=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure$/,
    'the pre-login cookie: __Host- prefix, Path=/, Secure, no Domain');
$r = $b->login('candidate', $C[0][0], $PW);
is($r->status, 303, 'a login with __Host- cookies') or diag($r->dump);
my ($sc) = grep { /^__Host-gkbm_sid=/ } $r->header_all('set-cookie');
like($sc // '', qr/^__Host-gkbm_sid=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure$/,
    'the session cookie: __Host- prefix, Path=/, Secure, no Domain');
$r = $b->get('/home', accept => 'xml');
is($r->xpath('/home/meta/role'), 'candidate', 'the session works');
my $tok = $b->jar->get($SID);
# A cookie without the prefix (as a sibling subdomain could plant it) is
# not read at all.
my $planted = $s->browser;
$planted->jar->set('gkbm_sid', $tok);
$r = $planted->get('/home');
is($r->status, 303, 'a plain gkbm_sid cookie is ignored behind TLS');
$planted->jar->clear;
$planted->jar->set($SID, $tok);
$r = $planted->get('/home', accept => 'xml');
is($r->xpath('/home/meta/role'), 'candidate', '... the __Host- one is read');
$r = $b->logout;
my ($gone) = grep { /^__Host-gkbm_sid=/ } $r->header_all('set-cookie');
like($gone // '', qr/^__Host-gkbm_sid=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0; Secure$/,
    'logout expires the __Host- cookie');

# --- the captcha image -------------------------------------------------------------------

my $cb = $s->browser;
$cb->get('/login');
my $pre = $cb->jar->get($PRE);
$r = $cb->get('/captcha');
is($r->status, 200, 'GET /captcha');
is($r->content_type, 'image/jpeg', '... a JPEG');
like($r->header('cache-control') // '', qr/no-store/, '... never cached');
my $img = $r->body;
is(substr($img, 0, 3), "\xFF\xD8\xFF", '... JPEG bytes');
my ($h, $w) = $img =~ /\xFF[\xC0\xC2].{3}(..)(..)/s;
is(unpack('n', $w // "\0\0") . 'x' . unpack('n', $h // "\0\0"), '120x40',
    '... 120 by 40 pixels');
is($s->count('SELECT COUNT(*) FROM captchas WHERE id = UNHEX(?)',
    sha256_hex($pre)), 1, 'stored under the SHA-256 of the cookie');
my $r2 = $cb->get('/captcha');
isnt($r2->body, $img, 'a second load: a new picture');
is($s->count('SELECT COUNT(*) FROM captchas WHERE id = UNHEX(?)',
    sha256_hex($pre)), 1, '... replacing the first');

# --- a name failing from many addresses: the captcha, not a lock ------------------------

my ($ID, $NAME, $PH) = @{ $C[1] };
my $key = $s->mac('login', "candidate:$ID");
fail_rows(10, $key, "10.0.2.$_") for 1 .. 2;	# 20: locked before
my $nb = $s->browser;
my $ncsrf = $nb->csrf('/login');
$r = $nb->login('candidate', $ID, $PW, accept => 'xml');
is($r->status, 400, 'a name that failed 20 times elsewhere: the captcha first');
like($r->xpath('/login/form/message') // '', qr/请填写图形验证码/,
    '... the message says so');
like($r->xpath('/login/form/field[@name="captcha"]/error') // '',
    qr/请输入图形验证码/, '... next to the captcha field');
is(sessions_of_name($NAME), 0, '... no session');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'login.locked' AND
    reason = 'captcha'}), 1, '... audited');
$r = $nb->login('candidate', $ID, $PW);
like($r->text, qr/<img class="captcha" src="\/captcha"/, 'the page shows the picture');
like($r->text, qr/name="captcha"/, '... and its field');
sub login_c {
	my ($b, $login, $pw, $c) = @_;
	return $b->post('/login', { csrf => $b->csrf('/login'),
	    kind => 'candidate', login => $login, password => $pw,
	    captcha => $c }, accept => 'xml');
}
$r = login_c($nb, $ID, $PW, '12');
like($r->xpath('/login/form/field[@name="captcha"]/error') // '',
    qr/4位数字/, 'a malformed captcha: its message');
$s->captcha($nb, '4321');
$r = login_c($nb, $ID, $PW, '1234');
is($r->status, 400, 'a wrong captcha: refused');
like($r->xpath('/login/form/field[@name="captcha"]/error') // '',
    qr/图形验证码不正确或已过期/, '... its message');
$r = login_c($nb, $ID, $PW, '4321');
is($r->status, 400, 'the right answer after a wrong one: spent');
$s->captcha($nb, '4321');
$dbh->do('UPDATE captchas SET created_at = NOW() - INTERVAL 6 MINUTE');
$r = login_c($nb, $ID, $PW, '4321');
is($r->status, 400, 'a captcha older than 5 minutes: refused');
$s->captcha($nb, '4321');
$r = login_c($nb, $ID, 'Wrong2026pw', '4321');
is($r->status, 400, 'the captcha right, the password wrong');
like($r->xpath('/login/form/message') // '', qr/还可尝试4次/,
    '... counted as a failure of this address');
ok(defined $r->xpath('/login/form/field[@name="captcha"]'),
    '... the captcha asked again');
$s->captcha($nb, '9753');
$r = login_c($nb, $ID, $PW, '9753');
is($r->status, 303, 'the captcha and the right password: logged in')
    or diag($r->dump);
is(sessions_of_name($NAME), 1, '... a session');
# Another name of the same account is not touched (t/e2e/enum.t).
$r = $s->browser->login('candidate', $PH, $PW, accept => 'xml');
is($r->status, 303, 'the account by its phone: no captcha') or diag($r->dump);

# --- an address failing with many names (a NAT'd office): the captcha ------------------

my ($ID3, $NAME3) = @{ $C[2] };
my $ob = $s->browser;
$r = $ob->get('/login', accept => 'xml');
ok(!defined $r->xpath('/login/form/field[@name="captcha"]'),
    'GET /login: no captcha at first');
fail_rows(30, undef, '127.0.0.1');
$r = $ob->get('/login', accept => 'xml');
is($r->status, 200, 'GET /login from an address that failed 30 times: 200');
ok(defined $r->xpath('/login/form/field[@name="captcha"]'),
    '... the captcha shown at once');
$r = $ob->login('candidate', $ID3, $PW, accept => 'xml');
is($r->status, 400, '30 failures from this address: the captcha first');
like($r->xpath('/login/form/field[@name="captcha"]/error') // '',
    qr/请输入图形验证码/, '... asked for');
unlike($r->body, qr/锁定/, '... nothing is locked');
is(sessions_of_name($NAME3), 0, '... no session yet');
$s->captcha($ob, '1111');
$r = login_c($ob, $ID3, $PW, '1111');
is($r->status, 303, 'the captcha: anyone in the office logs in') or diag($r->dump);
is(sessions_of_name($NAME3), 1, '... with a session');
$dbh->do(q{DELETE FROM login_attempts WHERE ip = '127.0.0.1' AND ok = 0});

# --- the hourly SMS budget ---------------------------------------------------------------

my $sb = $s->browser;
my $scsrf = $sb->csrf('/login');
sub reset_code {
	return $sb->post('/sms', { csrf => $scsrf, phone => $_[0],
	    purpose => 'reset' }, accept => 'xml');
}
is($s->count('SELECT COUNT(*) FROM sms_outbox'), 0, 'no SMS queued yet');
for my $i (0 .. 3) {
	$r = reset_code($C[$i][2]);
	is($r->xpath('/sms/@status'), 'sent', "within the budget: code " . ($i + 1));
}
$r = reset_code($C[4][2]);
is($r->status, 400, 'the budget of 4 spent: refused');
like($r->xpath('/sms/form/field[@name="phone"]/error') // '',
    qr/当前获取验证码的人数过多，请稍后再试/, '... its message');
is($s->count('SELECT COUNT(*) FROM sms_outbox'), 4, '... nothing queued');
my $unknown = reset_code('13911119999');
is(masked($unknown), masked($r), '... the same answer for a phone nobody has');
like($s->log, qr/ALERT: SMS hourly budget spent: 4 messages in the last hour/,
    'the log alerts');
$dbh->do('UPDATE sms_outbox SET created_at = created_at - INTERVAL 61 MINUTE');
$r = reset_code($C[5][2]);
is($r->xpath('/sms/@status'), 'sent', 'an hour later: codes again');

sub masked {
	my $b = $_[0]->body;
	$b =~ s{<(csrf|now)>[^<]*</\1>}{<$1/>}g;
	$b =~ s{(<field name="phone" value=")[0-9]+"}{$1*"};	# the input
	return $_[0]->status . $b;
}

# --- the nginx sites: /login/otp and /captcha are rate limited -------------------------

for my $f ('conf/nginx-gkbm.conf', 'conf/nginx-dev.conf.in') {
	open(my $fh, '<', "$ENV{top_srcdir}/$f") or die "$f: $!";
	my $text = do { local $/; <$fh> };
	for my $loc ('/login/otp', '/captcha', '/login', '/sms',
	    '/password/forgot') {
		like($text, qr/location = \Q$loc\E \{\s*limit_req zone=\w+/,
		    "$f: location = $loc is rate limited");
	}
}

$s->finish;
done_testing;
