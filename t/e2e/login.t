# login.t: logging in and out end to end (SPEC.md 3.2, SECURITY.md section
# 1): candidates by ID number or phone, staff by account name, phone or
# unit code, the forced change of the default password, wrong passwords
# and the delays (the counts per name and the captcha: t/e2e/throttle.t),
# sessions (new id at login, logout, idle and absolute
# timeouts) and CSRF on the login form.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

my $s = GKBM->start(workers => 2);
my $dbh = $s->dbh;
my $year = $s->year;

my $PW = 'Henan2026ok';
my ($ID1, $PH1) = (GKBM::idno('410105', '19900307', '105'), '13911110001');
my ($ID2, $PH2) = (GKBM::idno('410181', '19850512', '204'), '13911110002');
$s->admin({ stdin => "$PW\n" }, 'create-candidate', $year, $ID1, '李明',
    $PH1, '410100', 5);
$s->admin({ stdin => "$PW\n" }, 'create-candidate', $year, $ID2, '王芳',
    $PH2, '410181', 3);
$s->admin('create-unit', 'ZZ0101', '郑州市测试单位', 'basic', '410100');
$s->admin('create-staff', 'zzadmin', '赵六', '13700000001', 'unit', 'ZZ0101',
    '--unit-admin');
my ($c1) = $dbh->selectrow_array('SELECT id FROM accounts WHERE role = ? '
    . 'AND name = ?', undef, 'candidate', '李明');
my ($c2) = $dbh->selectrow_array('SELECT id FROM accounts WHERE role = ? '
    . 'AND name = ?', undef, 'candidate', '王芳');
my ($ua) = $dbh->selectrow_array(q{SELECT id FROM accounts WHERE login = 'zzadmin'});
ok($c1 && $c2 && $ua, 'two candidates and a unit admin created');

sub sessions_of {
	return $s->count('SELECT COUNT(*) FROM sessions WHERE account_id = ?',
	    $_[0]);
}
sub audits {
	my ($event, $obj) = @_;
	return defined $obj ? $s->count('SELECT COUNT(*) FROM audit WHERE '
	    . 'event = ? AND object = ?', $event, $obj)
	    : $s->count('SELECT COUNT(*) FROM audit WHERE event = ?', $event);
}
sub attempts { $s->count('SELECT COUNT(*) FROM login_attempts') }
sub n_sessions { $s->count('SELECT COUNT(*) FROM sessions') }

# logged_in(BROWSER, ROLE, WHAT): GET /home as XML shows ROLE.
sub logged_in {
	my ($b, $role, $what) = @_;
	my $r = $b->get('/home', accept => 'xml');
	is($r->status, 200, "$what: /home answers") or diag($r->dump);
	is($r->xpath('/home/meta/role'), $role, "$what: role $role");
}

# --- the page ----------------------------------------------------------------

my $b = $s->browser;
my $r = $b->get('/login', accept => 'xml');
is($r->status, 200, 'GET /login');
is($r->xpath('/login/meta/role'), 'anon', 'anonymous');
is($r->xpath("/login/form/field[\@name='kind']/\@value"), 'candidate',
    'the candidate form by default');
$r = $b->get('/login?kind=staff', accept => 'xml');
is($r->xpath("/login/form/field[\@name='kind']/\@value"), 'staff',
    'the staff form with kind=staff');
$r = $b->get('/');
is($r->status, 200, 'GET / shows the login page to visitors');

# --- candidates ------------------------------------------------------------------

my %seen;		# every session cookie handed out
$r = $b->login('candidate', $ID1, $PW);
is($r->status, 303, 'candidate by ID number') or diag($r->dump);
is($r->header('location'), '/home', '... to /home');
my $sid1 = $b->jar->get('gkbm_sid');
like($sid1 // '', qr/^[A-Za-z0-9_-]{43}$/, 'a session cookie');
$seen{$sid1 // ''}++;
logged_in($b, 'candidate', 'candidate by ID');
is(sessions_of($c1), 1, 'one session row');
is(audits('login.ok', "account:$c1"), 1, 'audit login.ok');
$r = $b->get('/login');
is($r->status, 303, 'GET /login when logged in goes home');

my $bp = $s->browser;
$r = $bp->login('candidate', $PH1, $PW);
is($r->status, 303, 'candidate by phone') or diag($r->dump);
my $sidp = $bp->jar->get('gkbm_sid') // '';
ok(!$seen{$sidp}++, 'another session id');
logged_in($bp, 'candidate', 'candidate by phone');
is(sessions_of($c1), 2, 'two sessions of the account');

# A candidate is not a staff member and the reverse.
my $att = attempts();
$r = $s->browser->login('staff', $ID1, $PW, accept => 'xml');
is($r->status, 400, 'a candidate ID on the staff form is refused');
like($r->xpath("/login/form/field[\@name='password']/error") // '',
    qr/账号或密码错误/, '... as a wrong account or password');
$r = $s->browser->login('candidate', $GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW);
is($r->status, 400, 'the province account on the candidate form is refused');
is(attempts(), $att + 2, 'both count as failed attempts');

# --- staff ---------------------------------------------------------------------------

my $bs = $s->browser;
$r = $bs->login('staff', $GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW);
is($r->status, 303, 'the province by account name') or diag($r->dump);
logged_in($bs, 'province', 'the province by account name');
$r = $s->browser->login('staff', $GKBM::PROVINCE_PHONE, $GKBM::PROVINCE_PW);
is($r->status, 303, 'the province by phone') or diag($r->dump);

# A unit admin with the default password 123, by unit code.
my $bu = $s->browser;
$r = $bu->login('staff', 'ZZ0101', '123');
is($r->status, 303, 'the unit admin by unit code with 123') or diag($r->dump);
$r = $bu->get('/home');
is($r->status, 303, 'forced change: /home redirects');
is($r->header('location'), '/password', '... to /password');
$r = $bu->get('/admin/registrations');
like($r->status, qr/^(303|403)$/, 'forced change: another page is not shown');
$r = $bu->get('/home', accept => 'xml');
is($r->status, 403, 'forced change: the XML view is refused');
$r = $bu->get('/password', accept => 'xml');
is($r->status, 200, 'forced change: /password is shown');
ok(scalar($r->nodes('/password/forced')), 'forced change: <forced/>');
my $ucsrf = $r->xpath('/password/meta/csrf');
$r = $bu->post('/sms', { csrf => $ucsrf, phone => '13700000001',
    purpose => 'reset' }, accept => 'xml');
is($r->status, 403, 'forced change: POST /sms is refused');
my $nsms = $s->count('SELECT COUNT(*) FROM sms_codes');
is($nsms, 0, 'forced change: no code sent');
$r = $bu->post('/password/forgot', { csrf => $ucsrf, login => 'ZZ0101',
    phone => '13700000001', send_code => 1 });
is($r->status, 403, 'forced change: POST /password/forgot is refused');
$r = $bu->post('/password', { csrf => $ucsrf, old => '123',
    password => 'unitpass1', password2 => 'unitpass1' }, accept => 'xml');
is($r->status, 400, 'forced change: a weak staff password is refused');
like($r->xpath("/password/form/field[\@name='password']/error") // '',
    qr/至少三类/, '... with the staff policy message');
# The default password is known to whoever knows the unit code: the first
# change needs a code sent to the stored phone, shown masked.
is($r->xpath('/password/sms-phone'), '137****0001',
    'forced change: the stored phone, masked');
my $denied = audits('access.denied', '/sms');
ok($denied >= 1, 'forced change: the refused POST /sms is audited');
my $uh0 = $s->count('SELECT pw_hash FROM accounts WHERE id = ?', $ua);
my %unew = (csrf => $ucsrf, old => '123', password => 'Unit#2026go',
    password2 => 'Unit#2026go');
$r = $bu->post('/password', { %unew }, accept => 'xml');
is($r->status, 400, 'forced change without a code: refused') or diag($r->dump);
like($r->xpath("/password/form/field[\@name='sms_code']/error") // '',
    qr/请输入短信验证码/, '... asking for the code');
is($s->count('SELECT pw_hash FROM accounts WHERE id = ?', $ua), $uh0,
    '... the password is unchanged');
$r = $bu->post('/password', { csrf => $ucsrf, send_code => 1 },
    accept => 'xml');
is($r->status, 200, 'forced change: send_code=1 sends a code') or diag($r->dump);
is($r->xpath('/password/form/@status'), 'sent', '... form status sent');
my $ucode = $s->sms_code('13700000001');
like($ucode // '', qr/^\d{6}$/, '... to the stored phone');
my ($ucid) = $dbh->selectrow_array('SELECT MAX(id) FROM sms_codes');
is($s->count('SELECT purpose FROM sms_codes WHERE id = ?', $ucid), 'first',
    '... a code of purpose first');
$r = $bu->post('/password', { %unew,
    sms_code => sprintf('%06d', ($ucode + 1) % 1000000) }, accept => 'xml');
is($r->status, 400, 'forced change with a wrong code: refused');
like($r->xpath("/password/form/field[\@name='sms_code']/error") // '',
    qr/短信验证码不正确/, '... the wrong code message');
is($s->count('SELECT pw_must_change FROM accounts WHERE id = ?', $ua), 1,
    '... still the default password');
$r = $bu->post('/password', { %unew, sms_code => $ucode });
is($r->status, 303, 'forced change: the new password is set') or diag($r->dump);
is($s->count('SELECT used_at IS NOT NULL FROM sms_codes WHERE id = ?', $ucid),
    1, 'forced change: the code is used');
like($r->header('location') // '', qr{^/home}, '... back home');
$r = $bu->get('/home', accept => 'xml');
is($r->status, 200, 'after the change /home is shown') or diag($r->dump);
is($r->xpath('/home/meta/role'), 'unit', 'the unit admin');
is($s->count('SELECT pw_must_change FROM accounts WHERE id = ?', $ua), 0,
    'pw_must_change cleared');
$r = $s->browser->login('staff', 'zzadmin', 'Unit#2026go');
is($r->status, 303, 'the unit admin by account name') or diag($r->dump);
$r = $s->browser->login('staff', '13700000001', 'Unit#2026go');
is($r->status, 303, 'the unit admin by phone') or diag($r->dump);
$r = $s->browser->login('staff', 'ZZ0101', '123');
is($r->status, 400, 'the default password no longer works');

# --- wrong passwords and the lockout ----------------------------------------------------

my $bw = $s->browser;
$r = $bw->login('candidate', $ID1, 'Wrong2026pw', accept => 'xml');
is($r->status, 400, 'a wrong password: 400');
like($r->xpath("/login/form/field[\@name='password']/error") // '',
    qr/身份证号（手机号）或密码错误，还可尝试4次/, 'the message counts the tries left');
like($r->xpath('/login/form/message') // '', qr/还可尝试4次/,
    'the message is above the form too');
ok(!$bw->jar->get('gkbm_sid'), 'no session cookie');
is(audits('login.fail', "account:$c1"), 1, 'audit login.fail');
$r = $bw->login('candidate', $ID1, 'Wrong2026pw', accept => 'xml');
like($r->xpath("/login/form/field[\@name='password']/error") // '',
    qr/还可尝试3次/, 'a second wrong password: 3 tries left');
$r = $bw->login('candidate', $ID1, $PW);
is($r->status, 303, 'the right password still works') or diag($r->dump);

my $unknown = audits('login.fail', 'unknown');
$r = $s->browser->login('candidate', GKBM::idno('410105', '19700101', '001'),
    $PW, accept => 'xml');
is($r->status, 400, 'an unknown ID number: 400');
like($r->xpath("/login/form/field[\@name='password']/error") // '',
    qr/或密码错误，还可尝试4次/, 'an unknown ID number: the same message');
is(audits('login.fail', 'unknown'), $unknown + 1, 'audit login.fail for an unknown account');

my $be = $s->browser;
my $ecsrf = $be->csrf('/login');
$att = attempts();
$r = $be->post('/login', { csrf => $ecsrf, kind => 'candidate', login => '',
    password => '' }, accept => 'xml');
is($r->status, 400, 'empty login and password: 400');
like($r->xpath("/login/form/field[\@name='login']/error") // '',
    qr/请输入身份证号或手机号/, 'empty login: message');
like($r->xpath("/login/form/field[\@name='password']/error") // '',
    qr/请输入密码/, 'empty password: message');
is(attempts(), $att, 'empty fields: no attempt counted');

# Delays per name and address: five failures from this address, then the
# name waits 1 minute, 2, 4 ... (SECURITY.md section 1, issue 7: nobody
# locks an account for everyone).  Failures of the same name from other
# addresses (rows with other ip values, since nginx always says 127.0.0.1)
# do not delay this address.
my $bl = $s->browser;
$r = $bl->login('candidate', $ID2, 'Wrong0pass', accept => 'xml');
like($r->xpath("/login/form/field[\@name='password']/error") // '',
    qr/还可尝试4次/, 'a first failure of the second candidate');
my ($c2at) = $dbh->selectrow_array('SELECT MAX(id) FROM login_attempts');
# other_fail(ATTEMPT ID, IP): a failure of the same name from IP.
sub other_fail {
	$dbh->do(q{INSERT INTO login_attempts (at, login_mac, ip, ok)
	    SELECT NOW(), login_mac, ?, 0 FROM login_attempts WHERE id = ?},
	    undef, $_[1], $_[0]);
}
other_fail($c2at, '10.0.0.1') for 1 .. 2;
$r = $bl->login('candidate', $ID2, $PW);
is($r->status, 303, 'failures from another address: this address logs in')
    or diag($r->dump);
is(sessions_of($c2), 1, '... with a session');
$dbh->do('DELETE FROM sessions WHERE account_id = ?', undef, $c2);
$bl = $s->browser;
for my $i (1 .. 5) {
	$r = $bl->login('candidate', $ID2, "Wrong${i}pass", accept => 'xml');
	is($r->status, 400, "failure $i: 400");
	my $left = 5 - $i;
	like($r->xpath("/login/form/field[\@name='password']/error") // '',
	    $left ? qr/还可尝试${left}次/ : qr/登录失败次数过多，请1分钟后再试/,
	    "failure $i: " . ($left ? "$left tries left" : 'wait a minute'));
}
is(audits('login.fail', "account:$c2"), 5, 'five login.fail audit rows (one earlier)');
is(audits('login.lock', "account:$c2"), 1, 'a login.lock audit row');
my $sess = n_sessions();
$att = attempts();
$r = $bl->login('candidate', $ID2, $PW, accept => 'xml');
is($r->status, 400, 'delayed: the right password is refused');
like($r->xpath("/login/form/field[\@name='login']/error") // '',
    qr/登录失败次数过多，请1分钟后再试，或通过“忘记密码”重置密码/,
    'delayed: the delay message');
ok(!$bl->jar->get('gkbm_sid'), 'delayed: no session cookie');
is(n_sessions(), $sess, 'delayed: no session row');
is(sessions_of($c2), 0, 'delayed: the account has no session');
ok(audits('login.locked') >= 1, 'delayed: the refusal is audited');
is($s->count('SELECT ok FROM login_attempts ORDER BY id DESC LIMIT 1'), 3,
    'delayed: the refused attempt is recorded as not checked');
my $mac2 = $s->count('SELECT HEX(login_mac) FROM login_attempts ORDER BY id '
    . 'DESC LIMIT 1');
$r = $s->browser->login('candidate', $ID1, $PW);
is($r->status, 303, 'delayed: another account from the same address logs in')
    or diag($r->dump);
$r = $s->browser->login('staff', 'zzadmin', 'Unit#2026go');
is($r->status, 303, 'delayed: a staff account from the same address logs in');

# The delay passes (the failures made 61 seconds older): one more try; a
# wrong one doubles the delay, and only the last failure's age counts.
sub age_fails {
	$dbh->do(q{UPDATE login_attempts SET at = at - INTERVAL ? SECOND WHERE
	    HEX(login_mac) = ? AND ok = 0}, undef, $_[0], $mac2);
}
age_fails(61);
$r = $bl->login('candidate', $ID2, 'Wrong6pass', accept => 'xml');
is($r->status, 400, 'after the delay: a sixth wrong password is checked');
like($r->xpath("/login/form/field[\@name='password']/error") // '',
    qr/请2分钟后再试/, 'after the delay: now two minutes');
age_fails(61);
$r = $bl->login('candidate', $ID2, $PW, accept => 'xml');
like($r->xpath("/login/form/field[\@name='login']/error") // '',
    qr/请1分钟后再试/, 'one minute of the two left');
age_fails(60);
$r = $bl->login('candidate', $ID2, $PW);
is($r->status, 303, 'the delay over: the right password logs in')
    or diag($r->dump);
is(sessions_of($c2), 1, '... with a session');
$dbh->do('DELETE FROM sessions WHERE account_id = ?', undef, $c2);
$r = $s->browser->login('candidate', $ID2, 'Wrong7pass', accept => 'xml');
like($r->xpath("/login/form/field[\@name='password']/error") // '',
    qr/还可尝试4次/, 'a success from this address starts the count again');

# A failure is recorded before it is counted: concurrent guesses cannot
# all slip under the limit.  Ten at once from a fresh account and address
# pair: at most five passwords are checked.
{
	my ($ID4, $PH4) = (GKBM::idno('410105', '19770707', '407'), '13911110004');
	$s->admin({ stdin => "$PW\n" }, 'create-candidate', $year, $ID4, '周强',
	    $PH4, '410100', 4);
	my @kids;
	for my $i (1 .. 10) {
		my $bk = $s->browser;
		$bk->csrf('/login');
		my $pid = fork;
		die "fork: $!" unless defined $pid;
		if ($pid == 0) {
			$bk->login('candidate', $ID4, "Wrong${i}x");
			require POSIX;
			POSIX::_exit(0);
		}
		push @kids, $pid;
	}
	waitpid($_, 0) for @kids;
	my $same = 'login_mac = (SELECT login_mac FROM login_attempts '
	    . 'ORDER BY id DESC LIMIT 1)';
	my $n4 = $s->count("SELECT COUNT(*) FROM login_attempts WHERE $same "
	    . 'AND ok = 0');
	ok($n4 >= 1 && $n4 <= 5, "concurrent guesses: at most 5 checked ($n4)");
	is($s->count("SELECT COUNT(*) FROM login_attempts WHERE $same"), 10,
	    'concurrent guesses: all recorded');
}

# --- sessions ------------------------------------------------------------------------------

# Logout deletes the row; the old cookie is worthless.
my $bo = $s->browser;
$bo->login('candidate', $ID1, $PW);
my $old = $bo->jar->get('gkbm_sid') // '';
ok(!$seen{$old}++, 'a new session id at each login');
my $before = sessions_of($c1);
$r = $bo->logout;
is($r->status, 303, 'logout redirects');
like($r->header('location') // '', qr{^/login}, '... to /login');
is(sessions_of($c1), $before - 1, 'logout deletes the session row');
ok(!defined $bo->jar->get('gkbm_sid'), 'logout expires the cookie');
is(audits('logout'), 1, 'audit logout');
my $replay = $s->browser;
$replay->jar->set('gkbm_sid', $old);
$r = $replay->get('/home');
is($r->status, 303, 'the old cookie no longer works');
like($r->header('location') // '', qr{^/login}, '... to /login');
$r = $replay->get('/home', accept => 'xml');
is($r->status, 403, 'the old cookie: the XML view is refused');

# Each worker keeps a session it read in the last seconds (sescache.c):
# a logout in one worker ends it in all of them at once.
{
	my $bw = $s->browser;
	$bw->login('candidate', $ID1, $PW);
	my $kept = $s->browser;
	$kept->jar->set('gkbm_sid', $bw->jar->get('gkbm_sid') // '');
	my @st = map { $kept->get('/home')->status } 1 .. 6;
	is("@st", '200 200 200 200 200 200', 'the session is used by every worker');
	is($bw->logout->status, 303, 'then logged out');
	@st = map { $kept->get('/home')->status } 1 .. 6;
	is("@st", '303 303 303 303 303 303', 'no worker takes it after the logout');
}

# Session fixation: a cookie planted before login is not the one after.
my $bf = $s->browser;
my $planted = 'A' x 43;
$bf->jar->set('gkbm_sid', $planted);
$r = $bf->login('candidate', $ID1, $PW);
is($r->status, 303, 'login with a planted cookie');
my $after = $bf->jar->get('gkbm_sid') // '';
isnt($after, $planted, 'the planted session id is replaced');
ok(!$seen{$after}++, 'the new id was never seen before');
logged_in($bf, 'candidate', 'after the planted cookie');
my $h = $s->count('SELECT COUNT(*) FROM sessions WHERE id = UNHEX(SHA2(?, 256))',
    $planted);
is($h, 0, 'no session row for the planted id');
my $stored = $s->count('SELECT COUNT(*) FROM sessions WHERE id = ?', $after);
is($stored, 0, 'the session id is not stored in clear');

# Logging in again from a logged-in browser's old id gives yet another id.
my $bn = $s->browser;
$bn->login('candidate', $ID1, $PW);
my $first = $bn->jar->get('gkbm_sid') // '';
$bn->logout;
$bn->login('candidate', $ID1, $PW);
my $second = $bn->jar->get('gkbm_sid') // '';
ok($first ne $second && length $second, 'a second login, a second id');

# Idle timeout: 29 minutes is fine, 31 is not.
my $bt = $s->browser;
$bt->login('staff', $GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW);
my ($pid) = $dbh->selectrow_array(q{SELECT id FROM accounts WHERE login = 'sgkb'});
$dbh->do('DELETE FROM sessions WHERE account_id = ? AND id <> UNHEX(SHA2(?, 256))',
    undef, $pid, $bt->jar->get('gkbm_sid') // '');
$dbh->do('UPDATE sessions SET seen_at = NOW() - INTERVAL 29 MINUTE '
    . 'WHERE account_id = ?', undef, $pid);
$r = $bt->get('/home', accept => 'xml');
is($r->status, 200, 'idle 29 minutes: still logged in');
ok($s->count('SELECT TIMESTAMPDIFF(SECOND, seen_at, NOW()) FROM sessions '
    . 'WHERE account_id = ?', $pid) < 60, 'idle 29 minutes: seen_at refreshed');
$dbh->do('UPDATE sessions SET seen_at = NOW() - INTERVAL 31 MINUTE '
    . 'WHERE account_id = ?', undef, $pid);
# A worker uses a session it read in the last 2 s (fcgi/web/sescache.c): a
# change from outside gkbm-web, as these, is seen after that.
select(undef, undef, undef, 2.1);
$r = $bt->get('/home');
is($r->status, 303, 'idle 31 minutes: /home redirects');
like($r->header('location') // '', qr{^/login}, '... to the login');
like($r->header('location') // '', qr{m=timeout}, '... saying it timed out');
is(sessions_of($pid), 0, 'idle 31 minutes: the session row is deleted');
$r = $bt->get('/home', accept => 'xml');
is($r->status, 403, 'idle 31 minutes: still out');

# Absolute lifetime: created 13 hours ago, seen just now.
my $ba = $s->browser;
$ba->login('staff', $GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW);
logged_in($ba, 'province', 'a fresh province session');
$dbh->do('UPDATE sessions SET created_at = NOW() - INTERVAL 13 HOUR, '
    . 'seen_at = NOW() WHERE account_id = ?', undef, $pid);
select(undef, undef, undef, 2.1);	# outside gkbm-web: see above
$r = $ba->get('/home');
is($r->status, 303, 'created 13 hours ago: /home redirects');
like($r->header('location') // '', qr{^/login}, '... to the login');
is(sessions_of($pid), 0, 'created 13 hours ago: the session row is deleted');

# A staff password older than 90 days must be changed; a candidate's need not.
$dbh->do('UPDATE accounts SET pw_changed_at = NOW() - INTERVAL 91 DAY '
    . 'WHERE id IN (?, ?)', undef, $ua, $c1);
my $b90 = $s->browser;
is($b90->login('staff', 'zzadmin', 'Unit#2026go')->status, 303,
    'a staff password of 91 days still logs in');
$r = $b90->get('/home');
is($r->status, 303, 'a staff password of 91 days: /home redirects');
is($r->header('location'), '/password', '... to /password');
$r = $b90->get('/password', accept => 'xml');
ok(scalar($r->nodes('/password/forced')), '... which is forced');
my $bc1 = $s->browser;
$bc1->login('candidate', $ID1, $PW);
logged_in($bc1, 'candidate', 'a candidate password of 91 days');
$r = $bc1->get('/register');
is($r->status, 303, 'GET /register when logged in goes home');

# --- CSRF on the login form --------------------------------------------------------------

my $bc = $s->browser;
$bc->get('/login');			# the anonymous cookie
$att = attempts();
$sess = n_sessions();
my $fails = audits('csrf.fail');
$r = $bc->post('/login', { kind => 'candidate', login => $ID1,
    password => $PW });
is($r->status, 403, 'POST /login without csrf: 403');
$r = $bc->post('/login', { csrf => 'x' x 43, kind => 'candidate',
    login => $ID1, password => $PW });
is($r->status, 403, 'POST /login with a wrong csrf: 403');
$r = $bc->post('/login', { csrf => $s->browser->csrf('/login'), kind => 'candidate',
    login => $ID1, password => $PW });
is($r->status, 403, "POST /login with another browser's csrf: 403");
my $fresh = $s->browser;		# no cookie at all
$r = $fresh->post('/login', { csrf => $bc->csrf('/login'), kind => 'candidate',
    login => $ID1, password => $PW });
is($r->status, 403, 'POST /login with no cookie: 403');
is(attempts(), $att, 'CSRF failures: no login_attempts row');
is(n_sessions(), $sess, 'CSRF failures: no session');
ok(!defined $bc->jar->get('gkbm_sid'), 'CSRF failures: no session cookie');
is(audits('csrf.fail'), $fails + 4, 'CSRF failures: audit csrf.fail');
$r = $bc->post('/login', { kind => 'candidate', login => $ID1,
    password => $PW }, accept => 'html');
is($r->status, 403, 'the CSRF refusal as HTML');
like($r->text, qr/页面已过期/, 'the CSRF refusal says to reload');
$r = $bc->login('candidate', $ID1, $PW);
is($r->status, 303, 'the same browser with its token logs in');

# --- a login that cannot be audited does not happen --------------------------------------

$dbh->do(q{CREATE TRIGGER audit_no_login BEFORE INSERT ON audit FOR EACH ROW
    IF NEW.event = 'login.ok' THEN
	SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'test: audit refused';
    END IF});
my $bx = $s->browser;
$sess = sessions_of($c1);
$r = $bx->login('candidate', $ID1, $PW, accept => 'xml');
is($r->status, 503, 'login.ok cannot be audited: the login fails')
    or diag($r->dump);
unlike($r->header('set-cookie') // '', qr/gkbm_sid=/,
    '... no session cookie is sent');
ok(!defined $bx->jar->get('gkbm_sid'), '... the browser holds none');
is(sessions_of($c1), $sess, '... no session row is left');
$dbh->do('DROP TRIGGER audit_no_login');
$r = $bx->login('candidate', $ID1, $PW);
is($r->status, 303, 'with the audit back the login works') or diag($r->dump);

# --- every 403 is audited once ------------------------------------------------------------

my $nd = audits('access.denied', '/home');
$r = $s->browser->get('/home', accept => 'xml');
is($r->status, 403, 'an anonymous XML /home: 403');
is(audits('access.denied', '/home'), $nd + 1, '... audited once (the gate)');
my $bd = $s->browser;
$bd->login('staff', 'zzadmin', 'Unit#2026go');
$nd = audits('access.denied', '/files');
$r = $bd->get('/files?id=1', accept => 'xml');
is($r->status, 403, 'a staff member asking for a file: 403 from the handler');
is(audits('access.denied', '/files'), $nd + 1, '... audited once (resp_error)');
$nd = audits('csrf.fail');
my $na = audits('access.denied', '/logout');
$r = $bd->post('/logout', { csrf => 'x' x 43 }, accept => 'xml');
is($r->status, 403, 'a CSRF failure: 403');
is(audits('csrf.fail'), $nd + 1, '... audited as csrf.fail');
is(audits('access.denied', '/logout'), $na, '... and not again as access.denied');

# Nothing personal in the audit.
my $leak = $s->count(q{SELECT COUNT(*) FROM audit WHERE object LIKE ? OR
    reason LIKE ? OR object LIKE ? OR reason LIKE ? OR reason LIKE ?},
    "%$ID1%", "%$ID1%", "%$PH1%", "%$PH1%", "%$PW%");
is($leak, 0, 'no ID number, phone or password in the audit');

$s->finish;
done_testing;
