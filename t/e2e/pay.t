# pay.t: the candidate's payment (issue 9 item 2) and the offices' payment
# pages (item 6): when payment opens (23 h 59 min after final approval not
# yet, 24 h yes; level 1 at 48 h), every field of the receipt sent wrong
# (a Chinese message, nothing stored), the confirmation step, one order
# under concurrent clicks, the receipt fixed once, gkbm-pay away (503
# 缴费暂不可用, the rest of the site works), the return page reading our
# own order state, and the offices' lists, statistics and QR code within
# their subtree and refused outside it.
use strict;
use warnings;
use utf8;

use HTTP::Tiny;
use POSIX ();
use Test::More;
use GKBM;
use GKBM::Pay;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start;
$s->start_payplat;
my $Y = $s->year;
my $PW = 'Staff#2026ab';

$s->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
my %staff = $s->create_staff($PW, qw(city kfcity county));
my %b = $s->staff_browsers($PW, %staff);
my $unit = $s->count("SELECT id FROM units WHERE code = 'ZZBAS'");

# 郑州 pays online, its window open; fees of levels 4 and 1.
my $f = sub { my @t = GKBM::beijing($_[0]); sprintf('%04d-%02d-%02d %02d:%02d',
    $t[5] + 1900, $t[4] + 1, $t[3], $t[2], $t[1]) };
$s->admin('pay-city', $Y, '410100', 'on', $f->(-86400), $f->(14 * 86400));
$s->admin('pay-fee', $Y, 4, 32000);
$s->admin('pay-fee', $Y, 1, 40000);

# approved(IDNO, NAME, PHONE, LEVEL, MINUTES): a candidate whose application
# passed final review MINUTES ago in unit ZZBAS.  (browser, app, account)
sub approved {
	my ($idno, $name, $phone, $level, $min) = @_;
	$s->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate', $Y, $idno,
	    $name, $phone, '410100', $level);
	my ($br, $app, $acct) = $s->login_app($idno, $name, 'Passw0rdx9');
	$s->dbh->do(q{UPDATE applications SET state = 'approved', unit_id = ?,
	    target_level = ?, target_worktype = 'W019', decided_at = NOW() -
	    INTERVAL ? MINUTE WHERE id = ?}, undef, $unit, $level, $min, $app);
	return ($br, $app, $acct);
}

my $rng = GKBM::rng_validator('pay');
my $rng_status = GKBM::rng_validator('status');
my $rng_home = GKBM::rng_validator('home');

sub gate { $_[0]->get('/pay', accept => 'xml')->xpath('/pay/gate/@code') }
sub ago { $s->dbh->do('UPDATE applications SET decided_at = NOW() - '
    . 'INTERVAL ? MINUTE WHERE id = ?', undef, $_[1], $_[0]) }

# --- when payment opens -----------------------------------------------------

my ($a, $app_a, $acct_a) = approved(GKBM::idno('410105', '19880808', '321'),
    '张三', '13912340001', 4, 23 * 60 + 59);
my $r = $a->get('/pay', accept => 'xml');
is($r->status, 200, 'level 4, 23 h 59 min after approval: /pay answers');
is($r->xpath('/pay/gate/@code'), 'too-early', '... payment not open yet');
like($r->xpath('/pay/gate'), qr/24小时/, '... and the page says why');
ok(!$r->xpath('/pay/form'), '... no receipt form');
$rng->($r, 'GET /pay, too early');
is($r->xpath('/pay/fee/@yuan'), '320.00', '... the fee of level 4 shown');
ago($app_a, 24 * 60);
is(gate($a), 'open', 'level 4 at 24 h: open');
$r = $a->get('/pay', accept => 'xml');
is($r->xpath('/pay/form/@action'), '/pay/confirm', '... with the receipt form');
$rng->($r, 'GET /pay, open');
$r = $a->get('/status', accept => 'xml');
is($r->xpath('/status/payment/@code'), 'open', 'the status page says payment is open');
$rng_status->($r, 'GET /status, payment open');
$r = $a->get('/home', accept => 'xml');
is($r->xpath('/home/payment/@yuan'), '320.00', 'the home page shows the fee');
$rng_home->($r, 'GET /home, payment open');

my ($c1, $app_1) = approved(GKBM::idno('410105', '19700101', '301'), '赵一',
    '13912340003', 1, 24 * 60);
is(gate($c1), 'too-early', 'level 1 at 24 h: not yet');
ago($app_1, 47 * 60 + 59);
is(gate($c1), 'too-early', 'level 1 at 47 h 59 min: not yet');
ago($app_1, 48 * 60);
is(gate($c1), 'open', 'level 1 at 48 h: open');

# Each other condition closes it.
$s->dbh->do(q{UPDATE windows SET starts_at = NOW() + INTERVAL 1 DAY,
    ends_at = NOW() + INTERVAL 2 DAY WHERE kind = 'payment'});
is(gate($a), 'window-before', 'the city window not open yet: closed');
$s->dbh->do(q{UPDATE windows SET starts_at = NOW() - INTERVAL 1 DAY,
    ends_at = NOW() + INTERVAL 2 DAY WHERE kind = 'payment'});
$s->admin('pay-city', $Y, '410100', 'off');
is(gate($a), 'offline', 'the city not online: closed');
$s->admin('pay-city', $Y, '410100', 'on');
is(gate($a), 'open', 'online again: open');

# --- every field sent wrong ----------------------------------------------------

my $rows = sub { $s->count('SELECT COUNT(*) FROM pay_receipt') . '/'
    . $s->count('SELECT COUNT(*) FROM pay_order') };
my %bad = (
	'kind missing' => [{ name => '张三' }, 'kind', qr/收据类型/],
	'kind unknown' => [{ kind => 'company', name => '张三' }, 'kind',
	    qr/收据类型/],
	'name missing' => [{ kind => 'person' }, 'name', qr/收据名称/],
	'name one character' => [{ kind => 'person', name => '张' }, 'name',
	    qr/收据名称/],
	'name with markup' => [{ kind => 'unit', name => '<b>某单位</b>' },
	    'name', qr/收据名称/],
	'name too long' => [{ kind => 'unit', name => '单' x 51 }, 'name',
	    qr/收据名称/],
);
for my $path ('/pay/confirm', '/pay/order') {
	for my $k (sort keys %bad) {
		my ($fields, $field, $msg) = @{ $bad{$k} };
		my $before = $rows->();
		$r = $a->post($path, { csrf => $a->csrf('/pay'), %$fields },
		    accept => 'xml');
		is($r->status, 400, "$path, $k: 400");
		like($r->xpath("/pay/form/field[\@name = '$field']/error") // '',
		    $msg, "$path, $k: a Chinese message at $field");
		is($rows->(), $before, "$path, $k: nothing stored");
		$rng->($r, "$path, $k");
	}
}

# --- the confirmation step -------------------------------------------------------

$r = $a->post('/pay/confirm', { csrf => $a->csrf('/pay'), kind => 'unit',
    name => '郑州市水利局机关' }, accept => 'xml');
is($r->status, 200, 'confirm: 200');
is($r->xpath('/pay/confirm/@name'), '张三', '... his name');
like($r->xpath('/pay/confirm/@idno'), qr/^410105\*{8}\d{3}[\dX]$/,
    '... his ID number, masked');
is($r->xpath('/pay/confirm/@receipt'), '郑州市水利局机关', '... the receipt');
ok($r->xpath('/pay/confirm/@countdown') > 0, '... and a countdown');
is($r->xpath('/pay/form/@action'), '/pay/order', '... the form goes to /pay/order');
is($rows->(), '0/0', '... nothing stored yet');
$rng->($r, 'POST /pay/confirm');
$r = $a->post('/pay/confirm', { csrf => $a->csrf('/pay'), kind => 'unit',
    name => '郑州市水利局机关' });
like($r->text, qr/确认缴费/, 'the HTML has 确认缴费') and
    like($r->text, qr/取消缴费/, '... 取消缴费') and
    like($r->text, qr/退出系统/, '... and 退出系统');

# --- gkbm-pay away: 503, the order kept, the site works ------------------------------

$s->stop_pay;
$r = $a->post('/pay/order', { csrf => $a->csrf('/pay'), kind => 'unit',
    name => '郑州市水利局机关' });
is($r->status, 503, 'gkbm-pay away: 503');
like($r->text, qr/缴费暂不可用/, '... 缴费暂不可用');
is($a->get('/status')->status, 200, '... the status page still works');
is($a->get('/apply')->status, 200, '... and the application');
is($s->count(q{SELECT COUNT(*) FROM pay_order WHERE application_id = ?
    AND state = 'PENDING'}, $app_a), 1, '... one PENDING order kept');
is($s->count(q{SELECT CONCAT(kind, ':', name) FROM pay_receipt WHERE
    application_id = ?}, $app_a), 'unit:郑州市水利局机关', '... the receipt fixed');
ok($s->last_audit('pay.order'), 'the order is audited');
$s->start_pay;

# --- the signed hand-over (gkbm-pay signs, the platform checks) ----------------------

my $rgo = GKBM::rng_validator('paygo');
$r = $a->post('/pay/order', { csrf => $a->csrf('/pay'), kind => 'unit',
    name => '郑州市水利局机关' }, accept => 'xml');
is($r->status, 200, 'gkbm-pay back: the hand-over page');
is($s->count('SELECT COUNT(*) FROM pay_order WHERE application_id = ?',
    $app_a), 1, '... the same order again');
my $no = $s->count('SELECT order_no FROM pay_order WHERE application_id = ?', $app_a);
is($r->xpath('/paygo/@order'), $no, '... of that order');
is($r->xpath('/paygo/@action'), $s->plat_url('/gateway'), '... to the platform');
is($r->xpath('/paygo/param[@name = "amount"]/@value'), 32000, '... 32000 fen');
ok($r->xpath('/paygo/param[@name = "sign"]/@value'), '... signed');
$rgo->($r, 'paygo');
my $h = $a->post('/pay/order', { csrf => $a->csrf('/pay'), kind => 'unit',
    name => '郑州市水利局机关' });
my $origin = $s->plat_url('');
like($h->header('content-security-policy'), qr/form-action 'self' \Q$origin\E;/,
    '... the page may post to the platform only');
unlike($a->get('/pay')->header('content-security-policy'), qr/\Q$origin\E/,
    '... and no other page');
like($h->text, qr/data-autosubmit/, '... and posts itself');
my %f = map { $_->getAttribute('name') => $_->getAttribute('value') }
    $r->nodes('/paygo/param');
my $http = HTTP::Tiny->new(max_redirect => 0, timeout => 30);
my $g = $http->post_form($s->plat_url('/gateway'), \%f);
is($g->{status}, 200, 'the platform accepts our signed hand-over');
$f{amount} = 1;
$g = $http->post_form($s->plat_url('/gateway'), \%f);
isnt($g->{status}, 200, '... and refuses it altered');
$r = $a->post('/pay/order', { csrf => $a->csrf('/pay'), kind => 'person',
    name => '张三' }, accept => 'xml');
is($r->status, 409, 'another receipt once fixed: 409');
like($r->xpath('/pay/form/message'), qr/不能修改/, '... it cannot change');
$rng->($r, 'POST /pay/order, another receipt');

# --- the return page: checking until the notify ------------------------------------------

# Paid at the platform, its notify lost: our page keeps checking.
$g = $http->post_form($s->plat_url('/ctl/pay'), { order_no => $no });
is($g->{status}, 200, 'paid at the platform, no notify yet');
$r = $a->get('/pay/return', accept => 'xml');
is($r->xpath('/pay/@checking'), '1', 'return page, order PENDING: checking');
$rng->($r, 'GET /pay/return');
like($a->get('/pay/return')->text, qr/正在确认缴费结果/, '... 正在确认缴费结果');
$r = $a->get('/pay/return?pay_status=SUCCESS&order_no=' . $no, accept => 'xml');
is($r->xpath('/pay/@checking'), '1', '... whatever the return URL claims');
is($s->count('SELECT state FROM pay_order WHERE order_no = ?', $no), 'PENDING',
    '... nothing marked paid');
my ($st) = GKBM::Pay::deliver($s, $no, 'normal', 'rsa');
is($st, 200, 'the signed notify arrives');
$r = $a->get('/pay/return', accept => 'xml');
ok(!$r->xpath('/pay/@checking'), '... the return page stops checking');
is($r->xpath('/pay/orders/order[1]/@state'), 'PAID', '... the order PAID');
ok($r->xpath('/pay/orders/order[1]/@pay-code'), '... with its 缴款码');
$rng->($r, 'GET /pay/return, paid');
like($a->get('/pay')->text, qr/缴款码/, 'the payment page shows the 缴款码');
$r = $a->get('/status', accept => 'xml');
is($r->xpath('/status/payment/@code'), 'paid', 'the status page: paid');
ok($r->xpath('/status/payment/@pay-code'), '... with the 缴款码');
$rng_status->($r, 'GET /status, paid');
$r = $a->post('/pay/order', { csrf => $a->csrf('/pay'), kind => 'unit',
    name => '郑州市水利局机关' });
is($r->status, 303, 'paying again once paid: back to /pay');
is($s->count('SELECT COUNT(*) FROM pay_order WHERE application_id = ?',
    $app_a), 1, '... no new order');

# --- concurrent clicks: one order ------------------------------------------------------

my ($d, $app_d) = approved(GKBM::idno('410105', '19851112', '456'), '欧阳娜娜',
    '13912340004', 4, 25 * 60);
my $tok = $d->csrf('/pay');
my @kids;
for my $i (1 .. 6) {
	my $pid = fork // die "fork: $!";
	if ($pid == 0) {
		my $st = $d->post('/pay/order', { csrf => $tok, kind => 'person',
		    name => '欧阳娜娜' })->status;
		POSIX::_exit($st == 200 ? 0 : 1);
	}
	push @kids, $pid;
}
my $good = 0;
for (@kids) {
	waitpid($_, 0);
	$good++ if $? == 0;
}
is($good, 6, 'six concurrent clicks: each answered with the hand-over');
is($s->count('SELECT COUNT(*) FROM pay_order WHERE application_id = ?', $app_d),
    1, 'six concurrent clicks: exactly one order');
is($s->count('SELECT COUNT(*) FROM pay_receipt WHERE application_id = ?',
    $app_d), 1, '... and one receipt');

# --- orders that cannot get stuck: the sweep ----------------------------------------------

# e: handed over, paid at the platform, the notify lost; f: handed over,
# never paid; both past their expiry.
my ($e, $app_e) = approved(GKBM::idno('410102', '19700101', '302'), '钱二',
    '13912340005', 4, 25 * 60);
my ($ff, $app_f) = approved(GKBM::idno('410102', '19700101', '303'), '孙三',
    '13912340006', 4, 25 * 60);
for my $x ([$e, '钱二'], [$ff, '孙三']) {
	my $rr = $x->[0]->post('/pay/order', { csrf => $x->[0]->csrf('/pay'),
	    kind => 'person', name => $x->[1] }, accept => 'xml');
	my %p = map { $_->getAttribute('name') => $_->getAttribute('value') }
	    $rr->nodes('/paygo/param');
	$http->post_form($s->plat_url('/gateway'), \%p);
}
my $no_e = $s->count('SELECT order_no FROM pay_order WHERE application_id = ?', $app_e);
my $no_f = $s->count('SELECT order_no FROM pay_order WHERE application_id = ?', $app_f);
$http->post_form($s->plat_url('/ctl/pay'), { order_no => $no_e });
$s->admin('pay-sweep');
is($s->count('SELECT state FROM pay_order WHERE order_no = ?', $no_f), 'PENDING',
    'the sweep leaves orders not yet expired alone');
$s->dbh->do(q{UPDATE pay_order SET expires_at = NOW() - INTERVAL 1 MINUTE
    WHERE order_no IN (?, ?)}, undef, $no_e, $no_f);
my $out = $s->admin('pay-sweep');
is($s->count('SELECT state FROM pay_order WHERE order_no = ?', $no_e), 'PAID',
    'paid at the platform, notify lost: the sweep finds it PAID');
ok($s->count('SELECT paid_at IS NOT NULL FROM applications WHERE id = ?', $app_e),
    '... the application paid');
is($s->count('SELECT state FROM pay_order WHERE order_no = ?', $no_f), 'EXPIRED',
    'never paid: EXPIRED') or diag($out);
ok($s->count(q{SELECT COUNT(*) FROM pay_query q JOIN pay_order o ON o.id =
    q.order_id WHERE o.order_no = ?}, $no_f), '... after a query recorded');
$r = $ff->post('/pay/order', { csrf => $ff->csrf('/pay'), kind => 'person',
    name => '孙三' }, accept => 'xml');
is($r->status, 200, '... and the candidate can pay again');
is($s->count(q{SELECT COUNT(*) FROM pay_order WHERE application_id = ?
    AND state = 'PENDING'}, $app_f), 1, '... with a new order');
isnt($s->count(q{SELECT order_no FROM pay_order WHERE application_id = ?
    AND state = 'PENDING'}, $app_f), $no_f, '... not the expired one');

$s->finish;
done_testing;
