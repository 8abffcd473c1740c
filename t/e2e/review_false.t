# review_false.t: 填报虚假信息 (003 §四(四), issue 11 item 8; POST
# /review/false, fcgi/model/decide.c, ban.c, gkbm-admin ban-lift): only an
# office at county level or above of the application's chain may mark it,
# with a reason; the application is cancelled, the candidate told, a ban
# written for the next two years; next year's registration of that ID
# number is refused once (and only once) the SMS code is verified, naming
# why and whom to contact; ban-lift lifts it, audited, and registration
# works again.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Review;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $rv = GKBM::Review->start(workers => 2);
my $s = $rv->s;
my $Y = $s->year;
my $valid = GKBM::rng_validator('decide');

sub snap {
	my ($app) = @_;
	my $r = $rv->row($app);
	return join '|', map { $_ // 'NULL' } @$r{qw(state version wait_step
	    wait_level wait_unit decided)}, $rv->events($app),
	    $s->count('SELECT COUNT(*) FROM bans'),
	    $s->count('SELECT COUNT(*) FROM messages');
}

# mark(KEY, APP, %FIELDS): POST /review/false as KEY (XML).
sub mark {
	my ($k, $app, %f) = @_;
	my $b = $rv->b($k);
	my %p = (csrf => $b->csrf('/home'), id => $app,
	    version => $rv->row($app)->{version}, reason => '伪造工作年限证明', %f);
	delete $p{$_} for grep { !defined $p{$_} } keys %p;
	return $b->post('/review/false', \%p, accept => 'xml');
}

my $c = $rv->candidate('ZZBAS');
my $app = $c->{app};
$rv->pass_to_end($app, qw(unit supervising));

# --- refused: wrong inputs, wrong levels, other subtrees ---------------------

{
	my $before = snap($app);
	for my $t (
	    ['no reason', { reason => '' }, qr/请填写认定填报虚假信息的理由/],
	    ['blank reason', { reason => '  ' }, qr/请填写认定填报虚假信息的理由/],
	    ['reason of 201 characters', { reason => '假' x 201 }, qr/最多200个字/],
	    ['no id', { id => '' }, qr/请从审核列表中选择/],
	    ['id not a number', { id => 'x' }, qr/请从审核列表中选择/],
	    ['version not a number', { version => 'v' }, qr/页面已过期/]) {
		my ($label, $f, $re) = @$t;
		my $r = mark('city', $app, %$f);
		is($r->status, 400, "$label: 400") or diag($r->dump);
		like($r->text, $re, "$label: the message");
		$valid->($r, $label);
		is(snap($app), $before, "$label: nothing changed");
	}
	for my $k (qw(unit supervising)) {
		my $r = mark($k, $app);
		is($r->status, 403, "$k (below county level): 403");
	}
	my $r = mark('reviewer', $app);
	is($r->status, 400, 'a reviewer of the unit level: 400');
	like($r->xpath('/decide/form/message') // '', qr/只有县区及以上工考办/,
	    '... only offices may');
	for my $k (qw(kfcity county province)) {
		$r = mark($k, $app);
		is($r->status, 404, "$k (not in the chain): 404");
	}
	$r = mark('city', $app, version => $rv->row($app)->{version} - 1);
	is($r->status, 409, 'an old version: 409');
	is(snap($app), $before, 'refusals: nothing changed');
}

# --- the city marks it --------------------------------------------------------

{
	my $r = mark('city', $app);
	is($r->status, 303, 'the city marks it false') or diag($r->dump);
	is($r->header('location'), "/review/app?id=$app&m=false",
	    '... back to the application');
	my $row = $rv->row($app);
	is($row->{state}, 'cancelled', '... cancelled');
	ok(!defined $row->{wait_unit}, '... out of every queue');
	is($rv->events($app, 'false'), 1, '... one event');
	my $ban = $s->dbh->selectrow_hashref(q{SELECT year_from, year_to,
	    reason, HEX(idno_mac) AS mac, lifted_at FROM bans WHERE
	    application_id = ?}, undef, $app);
	is("$ban->{year_from}-$ban->{year_to}", ($Y + 1) . '-' . ($Y + 2),
	    '... a ban for the next two years');
	is(lc $ban->{mac}, $s->mac('idno', $c->{idno}),
	    '... of the ID number\'s lookup value');
	is($ban->{reason}, '伪造工作年限证明', '... with the reason');
	like($s->count(q{SELECT text FROM messages WHERE account_id = ? AND
	    kind = 'false'}, $c->{acct}) // '', qr/填报虚假信息.*@{[$Y + 1]}年至@{[$Y + 2]}年不得报名/,
	    '... the candidate is told');
	is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'review.decide'
	    AND object = ? AND reason = 'false'}, "application:$app"), 1,
	    '... audited');
	my $st = $c->{b}->get('/status', accept => 'xml');
	GKBM::rng_validator('status')->($st, 'the status page of a cancelled one');
	is($st->xpath('/status/current/@state'), 'cancelled', '... cancelled');
	is($st->xpath('/status/decision/@reason'), '伪造工作年限证明', '... why');
	like($c->{b}->get('/status')->text, qr/报名已取消/, '... in HTML too');
	my $home = $c->{b}->get('/home', accept => 'xml');
	GKBM::rng_validator('home')->($home, 'the home page of a cancelled one');
	is($home->xpath('/home/next/@step'), 'cancelled', '... its next step says so');
	$r = mark('city', $app);
	is($r->status, 400, 'marking it again: 400');
	like($r->xpath('/decide/form/message') // '', qr/状态不能/, '... its state');
	$r = $rv->decide('city', $app, 'pass');
	is($r->status, 400, 'a cancelled application cannot be passed');
}

# --- next year's registration ---------------------------------------------------

my $N = $Y + 1;
$s->admin('year', $N, "${N}年度", '--current');
$s->admin('window', $N, 'registration', GKBM::_ymdhm(-86400),
    GKBM::_ymdhm(14 * 86400));
$s->stop_web;		# the current year is cached a few seconds per worker
$s->start_web;

my $CONSENT = 'v2026.1';
my $JPG = GKBM::jpeg(200, 150);
my ($birth) = $c->{idno} =~ /^\d{6}(\d{8})/;
$birth =~ s/^(\d{4})(\d\d)(\d\d)$/$1-$2-$3/;

# register(PHONE, CODE?): a registration next year with the banned ID
# number (a fresh browser, captcha answered, a code sent to PHONE);
# CODE: the code to type (default: the one sent).
sub register {
	my ($phone, $code) = @_;
	my $b = $s->browser;
	my $csrf = $b->get("/register?consent=$CONSENT", accept => 'xml')
	    ->xpath('/register/meta/csrf');
	$s->dbh->do('UPDATE sms_codes SET created_at = created_at - INTERVAL 70 SECOND');
	$s->captcha($b);
	$b->post_multipart('/register', { csrf => $csrf, consent => $CONSENT,
	    phone => $phone, send_code => 1, captcha => '2468' }, {},
	    accept => 'xml');
	my $sent = $s->sms_code($phone);
	return $b->post_multipart('/register', { csrf => $csrf,
	    consent => $CONSENT, region => '410100', level => 4,
	    idno => $c->{idno}, birth => $birth, name => $c->{name},
	    phone => $phone, password => 'Henan2027ok',
	    password2 => 'Henan2027ok', sms_code => $code // $sent },
	    { idcard => ['idcard.jpg', $JPG, 'image/jpeg'] }, accept => 'xml');
}

sub accounts_next {
	return $s->count(q{SELECT COUNT(*) FROM accounts WHERE role =
	    'candidate' AND year = ?}, $N);
}

{
	my $r = register('13912347001', '000000');
	is($r->status, 400, 'a wrong code: 400');
	ok(!defined $r->xpath('/register/form/field[@name="idno"]/error'),
	    '... nothing said about the ID number before the code is verified');
	unlike($r->text, qr/虚假信息/, '... nor about the ban');
	$r = register('13912347002');
	is($r->status, 400, 'next year, the banned ID number: 400')
	    or diag($r->dump);
	like($r->xpath('/register/form/field[@name="idno"]/error') // '',
	    qr/认定填报虚假信息，${N}年至@{[$Y + 2]}年不得报名。如有疑问，请联系郑州市工考办/,
	    '... says why, until when and whom to contact');
	is(accounts_next(), 0, '... no account made');
}

# --- ban-lift ---------------------------------------------------------------------

{
	my ($rc, $out) = $s->admin({ may_fail => 1 }, 'ban-lift', $c->{idno}, '');
	isnt($rc, 0, 'ban-lift without a reason fails');
	($rc, $out) = $s->admin({ may_fail => 1 }, 'ban-lift', '410105198001010000',
	    '复核后撤销');
	isnt($rc, 0, 'ban-lift of a wrong ID number fails');
	($rc, $out) = $s->admin({ may_fail => 1 }, 'ban-lift',
	    GKBM::idno('410105', '19700101', '999'), '复核后撤销');
	isnt($rc, 0, 'ban-lift of an ID number without a ban fails');
	like($out, qr/no ban in force/, '... saying so');
	is($s->count('SELECT COUNT(*) FROM bans WHERE lifted_at IS NOT NULL'), 0,
	    '... nothing lifted');
	$out = $s->admin('ban-lift', $c->{idno}, '经复核系单位填报错误');
	like($out, qr/ban \d+ lifted \(application $app, years ${N}-@{[$Y + 2]}\)/,
	    'ban-lift lifts it');
	is($s->count(q{SELECT lift_reason FROM bans WHERE application_id = ?},
	    $app), '经复核系单位填报错误', '... with the reason');
	is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'ban.lift'}), 1,
	    '... audited');
	my $r = register('13912347003');
	is($r->status, 303, 'then the ID number registers') or diag($r->dump);
	is(accounts_next(), 1, '... one account next year');
	($rc, $out) = $s->admin({ may_fail => 1 }, 'ban-lift', $c->{idno}, '再次');
	isnt($rc, 0, 'lifting again fails: none in force');
}

$s->finish;
done_testing;
