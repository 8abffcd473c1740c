# payoffice.t: the offices' payment pages (issue 9 item 6) and the orders
# that cannot get stuck (item 5): 应缴报考人员列表, 网上缴费状态查询,
# 扫码缴费 and 缴费统计 within the office's subtree and not outside it;
# wrong filters refused in Chinese; the late and double payments decided
# by a person with a reason (audited, refused outside the subtree and
# without a reason); 对账 with each kind of difference (paid here not
# there, there not here, amount differs, double payment) listed and
# explained, never fixed; the sweep with gkbm-pay away changes nothing.
use strict;
use warnings;
use utf8;

use File::Temp qw(tempdir);
use Test::More;
use GKBM;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(pay => 0);
my $Y = $s->year;
my $PW = 'Staff#2026ab';
my $dbh = $s->dbh;

# n(RESPONSE, XPATH): how many nodes match.
sub n { my @x = $_[0]->nodes($_[1]); return scalar @x }

$s->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
my %staff = $s->create_staff($PW, qw(city kfcity county));
my %b = $s->staff_browsers($PW, %staff);
my $unit = $s->count("SELECT id FROM units WHERE code = 'ZZBAS'");

# app(IDNO, NAME, PHONE, LEVEL): an application of unit ZZBAS approved two
# days ago.  Returns its id.
sub app {
	my ($idno, $name, $phone, $level) = @_;
	$s->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate', $Y, $idno,
	    $name, $phone, '410100', $level);
	my $acct = $s->count(q{SELECT id FROM accounts WHERE role = 'candidate'
	    AND name = ?}, $name);
	$dbh->do(q{INSERT INTO applications (account_id, year, state, unit_id,
	    target_level, target_worktype, decided_at, created_at, updated_at)
	    VALUES (?, ?, 'approved', ?, ?, 'W019', NOW() - INTERVAL 2 DAY, NOW(),
	    NOW())}, undef, $acct, $Y, $unit, $level);
	return $s->count('SELECT id FROM applications WHERE account_id = ?', $acct);
}

# order(APP, NO, STATE, FEN, [TRADE]): an order as gkbm-pay leaves it; a
# PAID one with its payment (kind normal) and the application paid.
sub order {
	my ($app, $no, $state, $fen, $trade, $kind) = @_;
	$dbh->do(q{INSERT INTO pay_order (order_no, application_id, year, level,
	    amount_fen, state, trade_no, paid_at, pay_code, created_at,
	    expires_at, updated_at) VALUES (?, ?, ?, 4, ?, ?, ?, IF(? IS NULL,
	    NULL, NOW()), IF(? IS NULL, NULL, CONCAT('JK', ?)), NOW() - INTERVAL
	    1 HOUR, NOW() - INTERVAL 30 MINUTE, NOW())}, undef, $no, $app, $Y,
	    $fen, $state, ($state eq 'PAID' ? $trade : undef),
	    $trade, $trade, $trade);
	my $oid = $s->count('SELECT id FROM pay_order WHERE order_no = ?', $no);
	if ($trade) {
		$dbh->do(q{INSERT INTO pay_payment (order_id, application_id,
		    trade_no, amount_fen, paid_at, kind, created_at) VALUES (?, ?,
		    ?, ?, NOW(), ?, NOW())}, undef, $oid, $app, $trade, $fen,
		    $kind // 'normal');
	}
	$dbh->do('UPDATE applications SET paid_at = NOW(), paid_order_id = ? '
	    . 'WHERE id = ?', undef, $oid, $app) if $state eq 'PAID';
	return $oid;
}

my $a1 = app(GKBM::idno('410105', '19880808', '321'), '张三', '13912340001', 4);
my $a2 = app(GKBM::idno('410105', '19900307', '105'), '李明', '13912340002', 4);
my $a3 = app(GKBM::idno('410105', '19851112', '456'), '王芳', '13912340003', 4);
order($a1, 'GK2026A1', 'PAID', 32000, 'FS0001');
order($a2, 'GK2026A2', 'PENDING', 32000);

my %rng = map { $_ => GKBM::rng_validator($_) } qw(paydue payorders payqr
    paystats paycases payrecon);

# --- the lists within the subtree ---------------------------------------------------

my $r = $b{city}->get('/admin/pay/due', accept => 'xml');
is($r->status, 200, 'city: 应缴报考人员列表');
is($r->xpath('/paydue/list/@total'), 2, '... the two unpaid of its subtree');
$rng{paydue}->($r, 'paydue');
like($r->xpath('/paydue/list/row[1]/@idno'), qr/^\d{6}\*{8}/, '... ID numbers masked');
unlike($r->body, qr/张三|李明|王芳/, '... and names masked');
is($b{city}->get('/admin/pay/due?st=paid', accept => 'xml')
    ->xpath('/paydue/list/@total'), 1, '... st=paid: the paid one');
is($b{province}->get('/admin/pay/due?st=all', accept => 'xml')
    ->xpath('/paydue/list/@total'), 3, 'province: all three');
for my $k (qw(kfcity county)) {
	is($b{$k}->get('/admin/pay/due?st=all', accept => 'xml')
	    ->xpath('/paydue/list/@total'), 0, "$k: none outside its subtree");
	is($b{$k}->get('/admin/pay/orders', accept => 'xml')
	    ->xpath('/payorders/list/@total'), 0, "$k: no orders outside it");
	is(n($b{$k}->get('/admin/pay/stats', accept => 'xml'),
	    '/paystats/table/row'), 0, "$k: no statistics outside it");
}
$r = $b{city}->get('/admin/pay/orders', accept => 'xml');
is($r->xpath('/payorders/list/@total'), 2, 'city: 网上缴费状态查询, two orders');
$rng{payorders}->($r, 'payorders');
$r = $b{city}->get('/admin/pay/orders?st=PAID', accept => 'xml');
is($r->xpath('/payorders/list/row/@order'), 'GK2026A1', '... st=PAID: the paid one');
is($r->xpath('/payorders/list/row/@trade'), 'FS0001', '... with its trade number');
$r = $b{city}->get('/admin/pay/orders?q=GK2026A2', accept => 'xml');
is($r->xpath('/payorders/list/row/@state'), 'PENDING', '... by order number');

for my $bad (['/admin/pay/due?st=bogus', 'st', qr/状态/],
    ['/admin/pay/due?level=9', 'level', qr/等级/],
    ['/admin/pay/orders?st=paid', 'st', qr/状态/],
    ['/admin/pay/orders?q=gk%3Cx%3E', 'q', qr/订单号/],
    ['/admin/pay/orders?page=0', 'page', qr/页码/],
    ['/admin/pay/stats?by=week', 'by', qr/统计方式/]) {
	my ($url, $field, $msg) = @$bad;
	$r = $b{city}->get($url, accept => 'xml');
	is($r->status, 400, "$url: 400");
	like($r->xpath('/*/form/message') // '', $msg, "$url: says why in Chinese");
	is(n($r, '/*/list/row | /*/table/row'), 0, "$url: no rows");
	$rng{$r->root}->($r, $url);
}

# --- statistics and the QR code -----------------------------------------------------

$r = $b{city}->get('/admin/pay/stats', accept => 'xml');
is($r->xpath('/paystats/table/row/@name'), '郑州市水利局机关', '缴费统计 by unit');
is($r->xpath('/paystats/table/@count'), 1, '... one paid');
is($r->xpath('/paystats/table/@yuan'), '320.00', '... 320.00 yuan');
$rng{paystats}->($r, 'paystats');
$r = $b{city}->get('/admin/pay/stats?by=level', accept => 'xml');
is($r->xpath('/paystats/table/row/@key'), 4, '... by level: level 4');
$r = $b{city}->get('/admin/pay/stats?by=day', accept => 'xml');
like($r->xpath('/paystats/table/row/@key'), qr/^\d{4}-\d\d-\d\d$/, '... by day');

# The XLSX export: a sheet per grouping with its total, the subtree only.
require Spreadsheet::ParseXLSX;
my $xlsx = sub {
	my ($br) = @_;
	my $x = $br->get('/admin/pay/stats.xlsx');
	is($x->status, 200, 'stats.xlsx: 200');
	like($x->content_type, qr/spreadsheetml/, '... a workbook');
	open(my $fh, '<:raw', \$x->body) or die;
	my $wb = Spreadsheet::ParseXLSX->new->parse($fh) or die 'not XLSX';
	my %sh = map { $_->get_name => $_ } $wb->worksheets;
	return \%sh;
};
my $sh = $xlsx->($b{city});
is(join(',', sort keys %$sh), '按单位,按日期,按等级', '... three sheets');
is($sh->{按单位}->get_cell(1, 0)->value, '郑州市水利局机关', '... the unit');
is($sh->{按单位}->get_cell(1, 1)->value, 1, '... one paid');
is($sh->{按单位}->get_cell(1, 2)->value, '320.00', '... 320.00 yuan');
is($sh->{按单位}->get_cell(2, 0)->value, '合计', '... and the total');
is($sh->{按等级}->get_cell(1, 0)->value, '四级（中级工）', '... by level');
ok($s->last_audit('pay.stats.export'), '... audited');
$sh = $xlsx->($b{kfcity});
is($sh->{按单位}->get_cell(1, 0)->value, '合计', 'another city: only the total');
is($sh->{按单位}->get_cell(1, 1)->value, 0, '... of nothing');

$r = $b{county}->get('/admin/pay/qr', accept => 'xml');
is($r->status, 200, '扫码缴费');
like($r->xpath('/payqr/@url'), qr{^http://127\.0\.0\.1:\d+/pay$}, '... the payment page');
ok(n($r, '/payqr/qr/row') > 20, '... as a QR code');
$rng{payqr}->($r, 'payqr');
for my $who (qw(candidate)) {
	my $c = $s->browser;
	$c->login('candidate', GKBM::idno('410105', '19880808', '321'), 'Passw0rdx9');
	is($c->get('/admin/pay/due')->status, 403, 'a candidate cannot see the list');
}

# --- late and double payments: a person decides --------------------------------------------

# a2's order expired and its payment came late (gkbm-pay: PAID_LATE); a1
# paid twice (a second trade on its paid order: double).
$dbh->do(q{UPDATE pay_order SET state = 'PAID_LATE', trade_no = 'FS0002'
    WHERE order_no = 'GK2026A2'});
$dbh->do(q{INSERT INTO pay_payment (order_id, application_id, trade_no,
    amount_fen, paid_at, kind, created_at) SELECT id, application_id,
    'FS0002', 32000, NOW(), 'late', NOW() FROM pay_order WHERE order_no =
    'GK2026A2'});
$dbh->do(q{INSERT INTO pay_payment (order_id, application_id, trade_no,
    amount_fen, paid_at, kind, created_at) SELECT id, application_id,
    'FS0003', 32000, NOW(), 'double', NOW() FROM pay_order WHERE order_no =
    'GK2026A1'});
my $late = $s->count(q{SELECT id FROM pay_payment WHERE trade_no = 'FS0002'});
my $dbl = $s->count(q{SELECT id FROM pay_payment WHERE trade_no = 'FS0003'});
$r = $b{city}->get('/admin/pay/cases', accept => 'xml');
is(n($r, '/paycases/list/row'), 2, '退费与逾期到账: both listed');
$rng{paycases}->($r, 'paycases');
is(n($b{kfcity}->get('/admin/pay/cases', accept => 'xml'),
    '/paycases/list/row'), 0, '... not for another city');

my $decide = sub {
	my ($br, %f) = @_;
	return $br->post('/admin/pay/cases', { csrf => $br->csrf('/admin/pay/cases'),
	    %f }, accept => 'xml');
};
my $state = sub { $s->count('SELECT status FROM pay_payment WHERE id = ?', $_[0]) };
my $n_dec = sub { $s->count('SELECT COUNT(*) FROM pay_decision') };
for my $bad ([{ id => $late, action => 'accept' }, 400, qr/理由/, 'no reason'],
    [{ id => $late, action => 'accept', reason => 'x' }, 400, qr/理由/, 'a reason of one character'],
    [{ id => $late, action => 'keep', reason => '核实到账' }, 400, qr/处理方式/, 'an unknown action'],
    [{ action => 'accept', reason => '核实到账' }, 400, qr/款项/, 'no payment'],
    [{ id => 'x', action => 'accept', reason => '核实到账' }, 400, qr/款项/, 'a payment id not a number'],
    [{ id => $dbl, action => 'accept', reason => '核实到账' }, 409, qr/不能/, 'a double payment accepted'],
    [{ id => $late, action => 'refunded', reason => '已退' }, 409, qr/不能/, 'refunded before a refund was decided']) {
	my ($fields, $st, $msg, $label) = @$bad;
	$r = $decide->($b{city}, %$fields);
	is($r->status, $st, "decision, $label: $st");
	like($r->xpath('/paycases/form/message') // '', $msg, "... $label: says why");
	$rng{paycases}->($r, "decision, $label");
	is($state->($late) . $state->($dbl) . $n_dec->(), 'openopen0',
	    "... $label: nothing changed");
}
$r = $decide->($b{kfcity}, id => $late, action => 'accept', reason => '核实到账');
is($r->status, 404, 'another city deciding: refused');
is($state->($late) . $n_dec->(), 'open0', '... nothing changed');

$r = $decide->($b{city}, id => $late, action => 'accept', reason => '核实平台到账，订单失效前已扫码');
is($r->status, 303, 'the late payment accepted');
is($state->($late), 'accepted', '... the payment accepted');
is($s->count(q{SELECT state FROM pay_order WHERE order_no = 'GK2026A2'}), 'PAID',
    '... its order PAID');
ok($s->count('SELECT paid_at IS NOT NULL FROM applications WHERE id = ?', $a2),
    '... the application paid');
is($s->count(q{SELECT reason FROM pay_decision WHERE payment_id = ?}, $late),
    '核实平台到账，订单失效前已扫码', '... the decision kept with its reason');
ok($s->last_audit('pay.accept'), '... and audited');
$r = $decide->($b{city}, id => $dbl, action => 'refund', reason => '重复缴费，申请退费');
is($state->($dbl), 'refund_due', 'the double payment: refund due');
$r = $decide->($b{province}, id => $dbl, action => 'refunded', reason => '财务已退回原账户');
is($state->($dbl), 'refunded', '... then refunded (the province, above the city)');
$rng{paycases}->($b{city}->get('/admin/pay/cases', accept => 'xml'), 'paycases with decisions');
like($b{city}->get('/admin/pay/cases')->text, qr/财务已退回原账户/,
    'the page shows the decisions');

# --- reconciliation: every kind of difference ------------------------------------------------

# Ours: FS0001 (320.00, a1), FS0002 (late, a2), FS0003 (double, a1).
# The statement: FS0001 at 300.00 (amount), FS0002 matches, FS0009 (a3,
# unknown here: theirs only), FS0010 and FS0011 both for a3's order
# (double); FS0003 missing (ours only).
order($a3, 'GK2026A3', 'PENDING', 32000);
my $dir = tempdir('gkbm-recon-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my @t = GKBM::beijing();
my $day = sprintf('%04d%02d%02d', $t[5] + 1900, $t[4] + 1, $t[3]);
open(my $fh, '>:encoding(UTF-8)', "$dir/stmt.csv") or die $!;
print $fh "# 河南省非税收入支付平台 对账单\n",
    "order_no,trade_no,amount,paid_at,pay_status\n",
    "GK2026A1,FS0001,30000,${day}103015,SUCCESS\n",
    "GK2026A2,FS0002,32000,${day}103016,SUCCESS\n",
    "GK2026A3,FS0010,32000,${day}103017,SUCCESS\n",
    "GK2026A3,FS0011,32000,${day}103018,SUCCESS\n",
    "GK2026A3,FS0012,32000,${day}103019,CLOSED\n";
close $fh;
my ($rc, $out) = $s->admin({ may_fail => 1 }, 'pay-reconcile', "$dir/stmt.csv");
is($rc, 0, 'pay-reconcile runs') or diag($out);
my %kinds = map { $_->[0] => $_->[1] } @{ $dbh->selectall_arrayref(
    'SELECT kind, COUNT(*) FROM pay_recon_diff GROUP BY kind') };
is($kinds{amount}, 1, '... amount differs: FS0001');
is($kinds{ours_only}, 1, '... paid here, not there: FS0003');
is($kinds{theirs_only}, 2, '... there, not here: FS0010 and FS0011');
is($kinds{double}, 1, '... a double payment: a3 twice');
is($s->count(q{SELECT trade_no FROM pay_recon_diff WHERE kind = 'ours_only'}),
    'FS0003', '... the one missing from the statement');
is($s->count('SELECT rows_total FROM pay_recon_run'), 4, '... 4 payments read (CLOSED skipped)');
is($s->count(q{SELECT state FROM pay_order WHERE order_no = 'GK2026A3'}), 'PENDING',
    '... nothing fixed: the order still PENDING');
is($s->count(q{SELECT amount_fen FROM pay_payment WHERE trade_no = 'FS0001'}),
    32000, '... nor the amount');
ok($s->last_audit('pay.reconcile.diff'), '... audited');
($rc) = $s->admin({ may_fail => 1 }, 'pay-reconcile', "$dir/none.csv");
isnt($rc, 0, 'a missing statement file: refused');
open($fh, '>', "$dir/bad.csv") or die $!;
print $fh "order_no,trade_no,amount,paid_at\nGK1,FS1,12.50,${day}000000\n";
close $fh;
my $runs = $s->count('SELECT COUNT(*) FROM pay_recon_run');
($rc) = $s->admin({ may_fail => 1 }, 'pay-reconcile', "$dir/bad.csv");
isnt($rc, 0, 'an amount with decimals: refused');
is($s->count('SELECT COUNT(*) FROM pay_recon_run'), $runs, '... nothing recorded');

$r = $b{province}->get('/admin/pay/reconcile', accept => 'xml');
is($r->status, 200, '对账 page');
is(n($r, '/payrecon/diffs/diff'), 5, '... every difference listed');
$rng{payrecon}->($r, 'payrecon');
is($b{city}->get('/admin/pay/reconcile')->status, 403, '... the province only');
my $diff = $s->count(q{SELECT id FROM pay_recon_diff WHERE kind = 'amount'});
my $res = sub { $b{province}->post('/admin/pay/reconcile',
    { csrf => $b{province}->csrf('/admin/pay/reconcile'), @_ }, accept => 'xml') };
$r = $res->(id => $diff);
is($r->status, 400, 'explained without a reason: 400');
like($r->xpath('/payrecon/form/message'), qr/理由/, '... says so');
$rng{payrecon}->($r, 'payrecon refused');
$r = $res->(id => 999999, reason => '平台已更正');
is($r->status, 409, 'an unknown difference: 409');
is($s->count('SELECT COUNT(*) FROM pay_recon_diff WHERE resolved = 1'), 0,
    '... nothing resolved');
$r = $res->(id => $diff, reason => '平台对账单金额录入错误，已联系平台更正');
is($r->status, 303, 'explained with a reason');
is($s->count('SELECT resolved FROM pay_recon_diff WHERE id = ?', $diff), 1,
    '... resolved');
is($s->count('SELECT COUNT(*) FROM pay_decision WHERE diff_id = ?', $diff), 1,
    '... the explanation kept');
ok($s->last_audit('pay.resolve'), '... and audited');
$rng{payrecon}->($b{province}->get('/admin/pay/reconcile', accept => 'xml'),
    'payrecon resolved');

# --- the sweep with gkbm-pay away --------------------------------------------------------

($rc, $out) = $s->admin({ may_fail => 1 }, 'pay-sweep');
isnt($rc, 0, 'pay-sweep with gkbm-pay away: fails loudly');
is($s->count(q{SELECT state FROM pay_order WHERE order_no = 'GK2026A3'}),
    'PENDING', '... and expires nothing');

$s->finish;
done_testing;
