# pay_notify.t: the platform's notifies through nginx to gkbm-pay
# (SECURITY.md §3, §5 cases 2, 4, 5, 6; issue 9 items 3, 4, 7, 8): the
# hand-over verified by the simulator, a payment, its re-delivery (same
# bytes and fresh signature), a second payment, a late payment, every
# forged or altered notify refused with nothing changed and the raw body
# kept with its verdict, the stale one answered by an active query, the
# acknowledgement verified with the openssl command line.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Pay;

my $s = GKBM->start;
$s->start_payplat;
my $dbh = $s->dbh;
my $pd = $s->pay_dir;

sub order_row {
	my ($no) = @_;
	return $dbh->selectrow_hashref('SELECT * FROM pay_order WHERE order_no = ?',
	    undef, $no);
}
sub count { $dbh->selectrow_array($_[0], undef, @_[1 .. $#_]) }
sub last_notify {
	return $dbh->selectrow_hashref('SELECT * FROM pay_notify ORDER BY id DESC LIMIT 1');
}
# The state that must not move: order, payments, the application's flag.
sub snapshot {
	my ($no) = @_;
	my $o = order_row($no);
	return join '|', map { $_ // '' } @$o{qw(state trade_no version paid_at)},
	    count('SELECT COUNT(*) FROM pay_payment WHERE order_id = ?', $o->{id}),
	    count('SELECT COALESCE(paid_order_id, 0) FROM applications WHERE id = ?',
	    $o->{application_id});
}

# --- the hand-over and one payment ---------------------------------------
my $app = GKBM::Pay::application($s, receipt => '张三');
my $no = GKBM::Pay::order($s, $app, amount => 12000);
my ($st, $page) = GKBM::Pay::gateway($s, $no);
is $st, 200, 'the platform accepted our signed hand-over' or diag $page;
like $page, qr/120\.00 元/, 'the cashier shows the amount from our order';
like $page, qr/张三/, 'and the receipt name';
ok defined order_row($no)->{handed_at}, 'handed_at stamped';

my ($code, $ack) = GKBM::Pay::deliver($s, $no, 'normal', 'rsa');
is $code, 200, 'a valid RSA2 notify is acknowledged';
my %ack = GKBM::Pay::form_decode($ack);
is $ack{code}, 'SUCCESS', 'code=SUCCESS';
is $ack{order_no}, $no, 'the ack names the order';
is $ack{sign_type}, 'RSA2', 'signed with our (RSA) key';
ok GKBM::Pay::openssl_verify("$pd/gkbm-rsa.pub", 'RSA2',
    GKBM::Pay::canon(\%ack), $ack{sign}),
    'openssl dgst verifies the acknowledgement';
my $o = order_row($no);
is $o->{state}, 'PAID', 'PENDING -> PAID';
like $o->{trade_no}, qr/^FS/, 'trade_no stored';
like $o->{pay_code}, qr/^\d{20}$/, '缴款码 assigned';
is count('SELECT paid_order_id FROM applications WHERE id = ?', $app), $o->{id},
    "the application's paid flag";
is count("SELECT COUNT(*) FROM pay_payment WHERE order_id = ? AND kind = 'normal'",
    $o->{id}), 1, 'one payment recorded';
my $n = last_notify();
is $n->{verdict}, 'paid', 'the notify stored with its verdict';
like $n->{body}, qr/^app_id=HNGK0001&order_no=\Q$no\E/, 'raw body kept';
is $n->{http_status}, 200, 'and its answer';
like $n->{ack}, qr/code=SUCCESS/, 'and the signed ack';
is count("SELECT COUNT(*) FROM audit WHERE event = 'pay_notify' AND object = ? "
    . "AND result = 'paid'", $no), 1, 'audited';

# --- re-deliveries: nothing changes, the same answer -----------------------
my $before = snapshot($no);
($code, $ack) = GKBM::Pay::deliver($s, $no, 'resend', 'rsa');
is $code, 200, 'the same bytes again: acknowledged';
is last_notify()->{verdict}, 'replay', 'stored as a replay (same nonce, same content)';
is snapshot($no), $before, 'no change';
($code, $ack) = GKBM::Pay::deliver($s, $no, 'normal', 'sm2');
is $code, 200, 'a fresh delivery of the same payment (SM2 key): acknowledged';
is last_notify()->{verdict}, 'duplicate', 'stored as a duplicate';
is snapshot($no), $before, 'no change';

# --- a second payment of the same order: refund due --------------------------
($code, $ack) = GKBM::Pay::deliver($s, $no, 'second', 'rsa');
is $code, 200, 'a second payment is acknowledged (the money did arrive)';
is last_notify()->{verdict}, 'double', 'flagged as double';
is count("SELECT COUNT(*) FROM pay_payment WHERE order_id = ? AND kind = 'double' "
    . "AND status = 'refund_due'", $o->{id}), 1, 'recorded for refund';
is order_row($no)->{trade_no}, $o->{trade_no}, 'the order keeps its first trade';

# --- the same nonce with other content ----------------------------------------
$before = snapshot($no);
($code, $ack) = GKBM::Pay::deliver($s, $no, 'reuse_nonce', 'rsa');
is $code, 400, 'a reused nonce with other content is refused';
is last_notify()->{verdict}, 'nonce_reuse', 'verdict nonce_reuse';
is snapshot($no), $before, 'no change';

# --- another order of a paid application: double ------------------------------
my $no2 = GKBM::Pay::order($s, $app, amount => 12000);
GKBM::Pay::gateway($s, $no2);
($code) = GKBM::Pay::deliver($s, $no2, 'normal', 'rsa');
is $code, 200, 'a payment of a second order of a paid application: acknowledged';
is order_row($no2)->{state}, 'REFUND_DUE', 'that order is REFUND_DUE';
is count('SELECT paid_order_id FROM applications WHERE id = ?', $app), $o->{id},
    'the application stays paid by its first order';

# --- late: the order was closed ---------------------------------------------
my $app3 = GKBM::Pay::application($s);
my $no3 = GKBM::Pay::order($s, $app3, amount => 9000);
GKBM::Pay::gateway($s, $no3);
$dbh->do("UPDATE pay_order SET state = 'EXPIRED' WHERE order_no = ?", undef, $no3);
($code, $ack) = GKBM::Pay::deliver($s, $no3, 'normal', 'sm2');
is $code, 200, 'a payment on an expired order is acknowledged';
is order_row($no3)->{state}, 'PAID_LATE', 'recorded as PAID_LATE';
is count("SELECT COUNT(*) FROM pay_payment p JOIN pay_order o ON o.id = p.order_id "
    . "WHERE o.order_no = ? AND p.kind = 'late' AND p.status = 'open'", $no3), 1,
    'a late payment awaiting a decision';
is count('SELECT COALESCE(paid_order_id, 0) FROM applications WHERE id = ?', $app3),
    0, 'the application is not marked paid by it';

# --- forged and altered notifies: refused, nothing changed, kept -------------
my $app4 = GKBM::Pay::application($s);
my $no4 = GKBM::Pay::order($s, $app4, amount => 15000);
GKBM::Pay::gateway($s, $no4);
$before = snapshot($no4);
my @forged = (
	[bad_sign => 'bad_sign', 400], [tamper => 'bad_sign', 400],
	[wrong_amount => 'mismatch', 400], [unknown_key => 'unknown_key', 400],
	[alg_mismatch => 'alg_mismatch', 400], [bad_app => 'bad_app', 400],
	[malformed => 'malformed', 400],
);
for my $f (@forged) {
	for my $key (qw(rsa sm2)) {
		my $nid = count('SELECT COALESCE(MAX(id), 0) FROM pay_notify');
		my ($c, $a) = GKBM::Pay::deliver($s, $no4, $f->[0], $key);
		is $c, $f->[2], "$f->[0] ($key): $f->[2]";
		my $row = last_notify();
		ok $row->{id} > $nid && $row->{verdict} eq $f->[1],
		    "$f->[0] ($key): stored with verdict $f->[1]"
		    or diag "verdict $row->{verdict}";
		ok length($row->{body}) > 100, "$f->[0] ($key): raw body kept";
		my %a = GKBM::Pay::form_decode($a);
		is $a{code}, 'FAIL', "$f->[0] ($key): signed code=FAIL";
		is snapshot($no4), $before, "$f->[0] ($key): nothing changed";
	}
}
is count("SELECT COUNT(*) FROM pay_nonce n JOIN pay_notify p ON p.id = n.notify_id "
    . "WHERE p.order_no = ? AND p.verdict IN ('bad_sign','unknown_key',"
    . "'alg_mismatch','bad_app','malformed')", $no4), 0,
    'no nonce of a refused notify was kept';

# --- a stale notify: refused, and the order queried actively --------------------
($code) = GKBM::Pay::deliver($s, $no4, 'old_ts', 'rsa');
is $code, 400, 'a notify an hour old is refused';
is last_notify()->{verdict}, 'stale', 'verdict stale';
my $paid = GKBM::_wait_until(10, sub { order_row($no4)->{state} eq 'PAID' });
ok $paid, 'the active query that followed found the payment: PAID';
is count("SELECT COUNT(*) FROM pay_query q JOIN pay_order o ON o.id = q.order_id "
    . "WHERE o.order_no = ? AND q.reason = 'stale' AND q.state = 'SUCCESS'", $no4),
    1, 'the query recorded';

# --- a notify for an unknown order --------------------------------------------------
my $nb = GKBM::Pay::order($s, GKBM::Pay::application($s));
$dbh->do('DELETE FROM pay_order WHERE order_no = ?', undef, $nb);
HTTP::Tiny->new->post($s->plat_url('/ctl/order'), { headers => {
    'Content-Type' => 'application/x-www-form-urlencoded' }, content =>
    GKBM::Pay::form_encode([order_no => $nb, amount => 100,
    notify_url => $s->url('/pay/notify')]) });
($code) = GKBM::Pay::deliver($s, $nb, 'normal', 'rsa');
is $code, 400, 'no such order: refused';
is last_notify()->{verdict}, 'no_order', 'verdict no_order';

# --- hostile bodies straight to nginx -------------------------------------------
my ($hs) = GKBM::Pay::post_notify($s, 'x' x 20000);
is $hs, 413, 'an oversized body is refused';
($hs) = GKBM::Pay::post_notify($s, "amount=1&amount=2");
is $hs, 400, 'a repeated parameter is refused';
is last_notify()->{verdict}, 'malformed', 'and kept as malformed';
($hs) = GKBM::Pay::post_notify($s, "app_id=%ZZ");
is $hs, 400, 'a bad escape is refused';
my $r = HTTP::Tiny->new->get($s->url('/pay/notify'));
is $r->{status}, 405, 'GET /pay/notify: 405';
my $n405 = last_notify();
is $n405->{verdict}, 'bad_method', '... kept, its body unread';
is $n405->{http_status}, 405, '... with its answer';
like $n405->{detail}, qr/GET/, '... and the method';
($hs) = GKBM::Pay::post_notify($s, 'x' x 9000);
is $hs, 413, 'a body over 8 KB (within nginx\'s 16 KB) is refused unread';
my $n413 = last_notify();
is $n413->{verdict}, 'too_large', '... kept';
is $n413->{http_status}, 413, '... with its answer';
like $n413->{detail}, qr/9000/, '... and its length';
is length($n413->{body}), 0, '... no byte of it stored';
$r = HTTP::Tiny->new->post($s->url('/pay/notify'), { headers => {
    'Content-Type' => 'text/plain' }, content => 'order_no=1' });
is $r->{status}, 400, 'a body not form-encoded is refused';
my $n400 = last_notify();
is $n400->{verdict}, 'bad_request', '... kept';
like $n400->{detail}, qr{text/plain}, '... with its type';
ok $n400->{id} > $n413->{id} && $n413->{id} > $n405->{id}, 'one row each';

$s->finish;
done_testing;
