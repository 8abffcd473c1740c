# windows.t: the province's 时间设置 page (POST /admin/windows), its
# validation, its audit, and its effect on the registration pages: a
# window in the past closes registration on the server, reopening it lets
# registration proceed.  SPEC.md section 1, schema/xml/README.md.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

binmode($_, ':encoding(UTF-8)') for Test::More->builder->output,
    Test::More->builder->failure_output, Test::More->builder->todo_output;

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $STAFF_PW = 'Staff#2026ab';

# Beijing time, as the server and the windows table read it.
sub bj {
	my ($secs) = @_;
	my ($v) = $s->dbh->selectrow_array(q{SELECT DATE_FORMAT(NOW() +
	    INTERVAL ? SECOND, '%Y-%m-%d %H:%i')}, undef, $secs);
	return $v;
}

sub row {
	my ($year) = @_;
	my @r = $s->dbh->selectrow_array(q{SELECT DATE_FORMAT(starts_at,
	    '%Y-%m-%d %H:%i'), DATE_FORMAT(ends_at, '%Y-%m-%d %H:%i'),
	    updated_by FROM windows WHERE year = ? AND kind = 'registration'
	    AND region_code = ''}, undef, $year // $Y);
	return @r ? join('|', map { $_ // '' } @r) : '';
}
sub nwin { $s->count('SELECT COUNT(*) FROM windows') }
sub nset { $s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'window.set'}) }

# The window GKBM.pm opened (from a day ago to 14 days on) is counted in
# Beijing time, as the database counts: a day before NOW(), not a day
# plus the machine's offset from Beijing (8 hours on a UTC machine).
my $lead = $s->count(q{SELECT TIMESTAMPDIFF(MINUTE, NOW(), starts_at)
    FROM windows WHERE year = ? AND kind = 'registration'}, $Y);
ok($lead >= -1442 && $lead <= -1439,
    "the stack's window starts a day before the database's now")
    or diag("it starts $lead minutes from now");
is($Y, $s->count('SELECT YEAR(NOW())'), "the stack's year is Beijing's");

my $p = $s->login_province;
my $r;
my $pid = $s->count(q{SELECT id FROM accounts WHERE login = ?},
    $GKBM::PROVINCE_LOGIN);

# --- the page shows the windows of the year -------------------------------

$r = $p->get('/admin/windows', accept => 'xml');
is($r->status, 200, 'GET /admin/windows (XML)') or diag($r->dump);
my ($s0, $e0) = split /\|/, row();
is($r->xpath('/windows/window[@kind="registration"]/@starts'), $s0,
    'window/@starts is the row\'s start') or diag($r->body);
is($r->xpath('/windows/window[@kind="registration"]/@ends'), $e0,
    'window/@ends is the row\'s end');
is($r->xpath('/windows/window[@kind="registration"]/@open'), '1',
    'the harness window is open');
is($r->xpath('/windows/window[@kind="registration"]/@name'), '注册报名',
    'window/@name');
is($r->xpath("/windows/years/year[\@value=\"$Y\"]/\@current"), '1',
    'years lists the current year');
my $h = $p->get('/admin/windows');
is($h->status, 200, 'GET /admin/windows (HTML)');
like($h->text, qr/\Q$s0\E/, 'the HTML table shows the start');
like($h->text, qr/\Q$e0\E/, 'the HTML table shows the end');
like($h->text, qr/进行中/, 'the HTML table shows the window open');
like($h->body, qr/type="datetime-local"/, 'datetime-local inputs');
(my $s0t = $s0) =~ tr/ /T/;
like($h->body, qr/name="starts_at"[^>]*value="\Q$s0t\E"|value="\Q$s0t\E"[^>]*name="starts_at"/,
    'the start input holds the window in datetime-local form');
for my $y ('1999', 'abc', '2101') {
	$r = $p->get("/admin/windows?year=$y", accept => 'xml');
	is($r->status, 400, "GET ?year=$y: 400 (the field map)");
	like($r->xpath('/error/error/message') // '', qr/报考年度应为2000至2100/,
	    "GET ?year=$y: the year's message");
}

# --- setting it ----------------------------------------------------------------

sub set_window {
	my (%f) = @_;
	my $acc = delete $f{_acc};
	return $p->post('/admin/windows', { csrf => $p->csrf('/admin/windows'),
	    year => $Y, kind => 'registration', %f }, accept => $acc);
}

{
	my $n = nset();
	my ($st, $en) = (bj(-3600), bj(20 * 86400));
	$r = set_window(starts_at => $st, ends_at => $en);
	is($r->status, 303, "POST 'YYYY-MM-DD HH:MM': 303") or diag($r->dump);
	is($r->header('location'), "/admin/windows?year=$Y&m=saved",
	    'redirected to the year\'s page');
	is(row(), "$st|$en|$pid", 'the row holds the new times and who set them');
	my $after = $p->get($r->header('location') // '/admin/windows', accept => 'xml');
	is($after->xpath('/windows/meta/flash'), '保存成功。', 'the saved flash');
	is($after->xpath('/windows/window[@kind="registration"]/@starts'), $st,
	    'the page after the redirect shows the new start');
	is(nset(), $n + 1, 'audit window.set');
	my $a = $s->last_audit('window.set');
	is($a->{object}, "window:$Y/registration", 'audit object');
	is($a->{account_id}, $pid, 'audit account');
	is($a->{result}, 'ok', 'audit result');
	like($a->{reason}, qr/^\Q$st\E:00 - \Q$en\E:00$/, 'audit reason: the span');

	# The datetime-local form.
	my ($st2, $en2) = (bj(-7200), bj(30 * 86400));
	(my $t1 = $st2) =~ tr/ /T/;
	(my $t2 = $en2) =~ tr/ /T/;
	$r = set_window(starts_at => $t1, ends_at => $t2);
	is($r->status, 303, "POST 'YYYY-MM-DDTHH:MM': 303") or diag($r->dump);
	is(row(), "$st2|$en2|$pid", 'the row holds the datetime-local times');
	is(nset(), $n + 2, 'audit window.set again');

	# The pages show it.
	my $anon = $s->browser;
	for my $path ('/register?consent=v2026.1', '/login', '/register/notice') {
		$r = $anon->get($path, accept => 'xml');
		is($r->status, 200, "$path (XML)");
		is($r->xpath('/*/window[@kind="registration"]/@starts'), $st2,
		    "$path: window/\@starts is the new start");
		is($r->xpath('/*/window[@kind="registration"]/@ends'), $en2,
		    "$path: window/\@ends is the new end");
		is($r->xpath('/*/window[@kind="registration"]/@open'), '1',
		    "$path: window/\@open 1");
		$h = $anon->get($path);
		like($h->text, qr/\Q$st2\E.*\Q$en2\E/s, "$path: the HTML shows it");
	}
}

# --- a window in the past closes registration -------------------------------

my $anon = $s->browser;
my $csrf = $anon->csrf('/register?consent=v2026.1');
my $cand = {
	consent => 'v2026.1', region => '410100', level => '5',
	idno => GKBM::idno('410105', '19900307', '123'), birth => '1990-03-07',
	name => '张三丰', phone => '13912340001', password => 'Passw0rdx9',
	password2 => 'Passw0rdx9',
};
my $naccts = sub { $s->count(q{SELECT COUNT(*) FROM accounts WHERE role =
    'candidate'}) };
{
	my ($st, $en) = (bj(-3 * 86400), bj(-86400));
	$r = set_window(starts_at => $st, ends_at => $en);
	is($r->status, 303, 'the window set into the past') or diag($r->dump);
	is((split /\|/, row())[1], $en, 'the row ends in the past');
	for my $path ('/register?consent=v2026.1', '/login') {
		$r = $anon->get($path, accept => 'xml');
		is($r->xpath('/*/window[@kind="registration"]/@open'), '0',
		    "$path: window/\@open 0");
		is($r->xpath('/*/window[@kind="registration"]/@ends'), $en,
		    "$path: window/\@ends");
	}
	my $n = $naccts->();
	my $sms = scalar $s->sms_lines;
	$r = $anon->post('/register', { %$cand, csrf => $csrf, send_code => 1 },
	    accept => 'xml');
	is($r->status, 400, 'send_code while closed: 400') or diag($r->dump);
	my $msg = $r->xpath('/register/form/message') // '';
	like($msg, qr/\Q$st\E.*\Q$en\E/, 'the message names the window dates')
	    or diag($r->body);
	like($msg, qr/不在注册报名时间内/, 'the message says why');
	is(scalar $s->sms_lines, $sms, 'no SMS sent');
	is($s->count('SELECT COUNT(*) FROM sms_codes'), 0, 'no code stored');

	$r = $anon->post_multipart('/register', { %$cand, csrf => $csrf,
	    sms_code => '123456' }, { idcard => ['id.jpg', GKBM::jpeg(64, 48),
	    'image/jpeg'] });
	is($r->status, 400, 'a full registration while closed: 400')
	    or diag($r->dump);
	like($r->text, qr/\Q$st\E.*\Q$en\E/s, 'the HTML names the window dates');
	is($naccts->(), $n, 'nothing stored');
	opendir(my $dh, $s->dir . '/uploads') or die;
	is(scalar(grep { !/^\./ } readdir $dh), 0, 'no upload kept');
	$r = $anon->post('/sms', { csrf => $csrf, phone => $cand->{phone},
	    purpose => 'register' }, accept => 'xml');
	is($r->status, 400, 'POST /sms register while closed: 400');
	is($s->count('SELECT COUNT(*) FROM sms_codes'), 0, 'still no code');
}

# --- reopening it --------------------------------------------------------------

{
	my ($st, $en) = (bj(-60), bj(7 * 86400));
	$r = set_window(starts_at => $st, ends_at => $en);
	is($r->status, 303, 'the window reopened') or diag($r->dump);
	$r = $anon->get('/register?consent=v2026.1', accept => 'xml');
	is($r->xpath('/*/window[@kind="registration"]/@open'), '1',
	    'register: open again');
	$s->captcha($anon);
	$r = $anon->post('/register', { %$cand, csrf => $csrf, send_code => 1,
	    captcha => '2468' }, accept => 'xml');
	is($r->status, 200, 'send_code accepted again') or diag($r->dump);
	is($r->xpath('/register/form/@status'), 'sent', 'form status sent');
	like($s->sms_code($cand->{phone}) // '', qr/^\d{6}$/, 'the code arrived');
}

# --- wrong input: a message each, nothing changed ----------------------------

{
	my $good_s = "$Y-03-01 08:00";
	my $good_e = "$Y-03-15 18:00";
	my @bad = (
		['missing starts_at', { ends_at => $good_e }, 'starts_at', qr/请填写开始时间/],
		['empty starts_at', { starts_at => '', ends_at => $good_e }, 'starts_at', qr/请填写开始时间/],
		['missing ends_at', { starts_at => $good_s }, 'ends_at', qr/请填写结束时间/],
		['starts_at "tomorrow"', { starts_at => 'tomorrow', ends_at => $good_e }, 'starts_at', qr/格式/],
		['starts_at date only', { starts_at => "$Y-03-01", ends_at => $good_e }, 'starts_at', qr/格式/],
		['starts_at slashes', { starts_at => "$Y/03/01 08:00", ends_at => $good_e }, 'starts_at', qr/格式/],
		['ends_at 25:00', { starts_at => $good_s, ends_at => "$Y-03-15 25:00" }, 'ends_at', qr/不存在/],
		['Feb 30', { starts_at => "$Y-02-30 08:00", ends_at => $good_e }, 'starts_at', qr/不存在/],
		['ends_at Feb 30', { starts_at => $good_s, ends_at => "$Y-02-30T08:00" }, 'ends_at', qr/不存在|格式/],
		['ends before starts', { starts_at => $good_e, ends_at => $good_s }, 'ends_at', qr/必须晚于/],
		['equal times', { starts_at => $good_s, ends_at => $good_s }, 'ends_at', qr/必须晚于/],
		['equal times, two forms', { starts_at => $good_s, ends_at => "$Y-03-01T08:00" }, 'ends_at', qr/必须晚于/],
		['bad kind', { kind => 'holiday', starts_at => $good_s, ends_at => $good_e }, 'kind', qr/请选择时间类别/],
		['empty kind', { kind => '', starts_at => $good_s, ends_at => $good_e }, 'kind', qr/请选择时间类别/],
		['year 1999', { year => 1999, starts_at => $good_s, ends_at => $good_e }, 'year', qr/请选择报考年度/],
		["year 'abc'", { year => 'abc', starts_at => $good_s, ends_at => $good_e }, 'year', qr/请选择报考年度/],
		['year empty', { year => '', starts_at => $good_s, ends_at => $good_e }, 'year', qr/请选择报考年度/],
		['year 2099 (no such year)', { year => 2099, starts_at => "2099-03-01 08:00", ends_at => "2099-03-15 18:00" }, 'year', qr/该报考年度不存在/],
	);
	for my $b (@bad) {
		my ($what, $f, $field, $re) = @$b;
		my ($before, $nw, $ns) = (row(), nwin(), nset());
		$r = set_window(%$f, _acc => 'xml');
		is($r->status, 400, "$what: 400") or diag($r->dump);
		like($r->xpath("/windows/form/field[\@name=\"$field\"]/error") // '',
		    $re, "$what: the $field message") or diag($r->body);
		is($r->xpath('/windows/form/@status'), 'invalid',
		    "$what: form status invalid");
		is(row(), $before, "$what: the row is unchanged");
		is(nwin(), $nw, "$what: no window added");
		is(nset(), $ns, "$what: no window.set audit");
		# The HTML shows the message too.
		$h = $p->post('/admin/windows', { csrf => $p->csrf('/admin/windows'),
		    year => $Y, kind => 'registration', %$f });
		is($h->status, 400, "$what: 400 (HTML)");
		my $m = $r->xpath("/windows/form/field[\@name=\"$field\"]/error") // 'none';
		like($h->text, qr/\Q$m\E/, "$what: the HTML shows the message");
	}
	is(row(2099), '', 'no window for 2099');
	unlike($s->log, qr/foreign key constraint/i,
	    'an unknown year is caught before the database complains');
	# A bad year is not shown back as the year of the page.
	$h = $p->post('/admin/windows', { csrf => $p->csrf('/admin/windows'),
	    year => 'abc', kind => 'registration', starts_at => "$Y-03-01 08:00",
	    ends_at => "$Y-03-15 18:00" });
	unlike($h->text, qr/abc年度/, "year 'abc': not shown as the page's year");
	like($h->body, qr/name="year" value="$Y"/,
	    "year 'abc': the form keeps the year shown ($Y)");
}

# --- other roles cannot set it -------------------------------------------------

{
	# role => login arguments, from GKBM.pm (other_roles).
	my %who = $s->other_roles($STAFF_PW);
	for my $role (sort keys %who) {
		my $b = $s->browser;
		$r = $b->login(@{ $who{$role} });
		is($r->status, 303, "$role logs in") or diag($r->dump);
		my ($before, $nd) = (row(), $s->count(q{SELECT COUNT(*) FROM audit
		    WHERE event = 'access.denied' AND object = '/admin/windows'}));
		for my $acc (undef, 'xml') {
			$r = $b->post('/admin/windows', { csrf => $b->csrf('/home'),
			    year => $Y, kind => 'registration',
			    starts_at => "$Y-01-01 00:00", ends_at => "$Y-12-31 23:00" },
			    $acc ? (accept => $acc) : ());
			is($r->status, 403, "$role POST /admin/windows: 403" .
			    ($acc ? ' (XML)' : '')) or diag($r->dump);
		}
		is(row(), $before, "$role: the row is unchanged");
		is($s->count(q{SELECT COUNT(*) FROM audit WHERE event =
		    'access.denied' AND object = '/admin/windows'}), $nd + 2,
		    "$role: access.denied audited");
	}
}

$s->finish;
done_testing;
