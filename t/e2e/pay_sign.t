# pay_sign.t: "sign v1" against the openssl command line, both ways, for
# both algorithms (SECURITY.md §3, §4; issue 9 item 8).  The test builds
# the canonical string as SECURITY.md §4 does (grep, sort on the name
# field, paste), signs notifies with `openssl dgst` (RSA2: -sha256; SM2:
# -sm3 with distid 1234567812345678) and checks gkbm-pay accepts them
# and refuses an SM2 signature made with OpenSSL's default (empty) ID;
# then it checks with `openssl dgst -verify` the hand-over and the
# acknowledgement gkbm-pay signed with our SM2 key.
use strict;
use warnings;
use utf8;

use Test::More;
use File::Temp qw(tempdir);
use GKBM;
use GKBM::Pay;

my $s = GKBM->start(pay_alg => 'SM2');
$s->start_payplat;
my $dbh = $s->dbh;
my $pd = $s->pay_dir;
my $tmp = tempdir('gkbm-sign-XXXXXX', TMPDIR => 1, CLEANUP => 1);

# The canonical string exactly as SECURITY.md §4's shell line makes it.
sub shell_canon {
	my (%kv) = @_;
	open(my $fh, '>:raw', "$tmp/notify.kv") or die;
	for my $k (sort { rand() <=> 0.5 } keys %kv) {
		my $v = $kv{$k};
		utf8::encode($v) if utf8::is_utf8($v);
		print $fh "$k=$v\n";
	}
	close $fh;
	my $c = qx{grep -v -e '^sign=' -e '=\$' $tmp/notify.kv | LC_ALL=C sort -t= -k1,1 | paste -sd'&' | tr -d '\\n'};
	return $c;
}

# The SECURITY.md sample notify: our canonical string is the documented one.
my %sample = (amount => 12000, app_id => 'HNGK0001', currency => 'CNY',
    key_id => 'platform-sm2-2026', nonce => '9f1c2e7a4b5d6e8f0a1b2c3d4e5f6071',
    order_no => 'GK2026410100000123', paid_at => '20260601103015',
    pay_status => 'SUCCESS', sign_type => 'SM2', timestamp => 1780281015,
    trade_no => 'FS20260601123456789', sign => 'AAAA', empty => '');
my $doc = 'amount=12000&app_id=HNGK0001&currency=CNY&key_id=platform-sm2-2026&nonce=9f1c2e7a4b5d6e8f0a1b2c3d4e5f6071&order_no=GK2026410100000123&paid_at=20260601103015&pay_status=SUCCESS&sign_type=SM2&timestamp=1780281015&trade_no=FS20260601123456789';
is shell_canon(%sample), $doc, 'the shell line of SECURITY.md §4 gives the documented string';
is GKBM::Pay::canon(\%sample), $doc, 'and so does the test helper';

my $seq = 0;
# A notify of order $no signed by openssl with the platform key $which.
sub openssl_notify {
	my ($no, $fen, $which, %o) = @_;
	my ($kid, $alg) = $which eq 'sm2' ? ('plat-sm2-2026', 'SM2')
	    : ('plat-rsa-2026', 'RSA2');
	my @t = gmtime(time + 8 * 3600);
	my %kv = (app_id => 'HNGK0001', order_no => $no,
	    trade_no => sprintf('OS%d%06d', time, ++$seq), amount => $fen,
	    currency => 'CNY', pay_status => 'SUCCESS',
	    paid_at => sprintf('%04d%02d%02d%02d%02d%02d', $t[5] + 1900,
	    $t[4] + 1, @t[3, 2, 1, 0]), timestamp => time,
	    nonce => join('', map { sprintf '%02x', int rand 256 } 1 .. 16),
	    key_id => $kid, sign_type => $alg);
	my $canon = shell_canon(%kv);
	my $key = "$pd/plat-" . lc($which) . '.key';
	if ($o{no_distid}) {
		open(my $fh, '>:raw', "$tmp/c.txt") or die;
		print $fh $canon;
		close $fh;
		system('openssl', 'dgst', '-sm3', '-sign', $key, '-out',
		    "$tmp/s.der", "$tmp/c.txt") == 0 or die;
		$kv{sign} = qx{openssl base64 -A -in $tmp/s.der};
		chomp $kv{sign};
	} else {
		$kv{sign} = GKBM::Pay::openssl_sign($key, $alg, $canon);
	}
	# curl --data-urlencode style: each value percent-encoded.
	return GKBM::Pay::form_encode([map { $_ => $kv{$_} } sort keys %kv]);
}

for my $which (qw(rsa sm2)) {
	my $app = GKBM::Pay::application($s);
	my $no = GKBM::Pay::order($s, $app, amount => 8800);
	my ($st, $ack) = GKBM::Pay::post_notify($s, openssl_notify($no, 8800, $which));
	is $st, 200, "$which: a notify signed by openssl dgst is accepted";
	is $dbh->selectrow_array('SELECT state FROM pay_order WHERE order_no = ?',
	    undef, $no), 'PAID', "$which: the order is PAID";
	my %a = GKBM::Pay::form_decode($ack);
	is $a{sign_type}, 'SM2', "$which: the ack is signed with our SM2 key";
	ok GKBM::Pay::openssl_verify("$pd/gkbm-sm2.pub", 'SM2',
	    GKBM::Pay::canon(\%a), $a{sign}),
	    "$which: openssl dgst -sm3 with distid verifies gkbm-pay's ack";
	ok !GKBM::Pay::openssl_verify("$pd/gkbm-rsa.pub", 'RSA2',
	    GKBM::Pay::canon(\%a), $a{sign}), "$which: not with another key";
	my %bad = %a;
	$bad{order_no} .= '9';
	ok !GKBM::Pay::openssl_verify("$pd/gkbm-sm2.pub", 'SM2',
	    GKBM::Pay::canon(\%bad), $a{sign}), "$which: nor over other content";
}

# SM2 without the explicit distinguishing ID (OpenSSL's empty default).
my $app = GKBM::Pay::application($s);
my $no = GKBM::Pay::order($s, $app, amount => 8800);
my ($st) = GKBM::Pay::post_notify($s, openssl_notify($no, 8800, 'sm2', no_distid => 1));
is $st, 400, 'an SM2 signature made without distid is refused';
is $dbh->selectrow_array('SELECT verdict FROM pay_notify ORDER BY id DESC LIMIT 1'),
    'bad_sign', 'as bad_sign';
is $dbh->selectrow_array('SELECT state FROM pay_order WHERE order_no = ?', undef,
    $no), 'PENDING', 'the order stays PENDING';

# gkbm-pay's hand-over, checked with openssl (and a Chinese subject and
# receipt name: UTF-8 bytes signed).
my $app2 = GKBM::Pay::application($s, receipt => '河南省水利厅', kind => 'unit');
my $no2 = GKBM::Pay::order($s, $app2, amount => 15000);
my @r = GKBM::Pay::sock($s, op => 'handover', order_no => $no2);
my %r = @r;
is $r{status}, 'ok', 'op=handover answered';
my %f;
for (my $i = 0; $i < @r; $i += 2) {
	$f{substr($r[$i], 2)} = $r[$i + 1] if $r[$i] =~ /^f\./;
}
is $f{amount}, 15000, 'the amount is the order\'s';
is $f{payer_name}, '河南省水利厅', 'the receipt name';
is $f{payer_type}, 2, 'payer_type 2 (单位)';
is $f{sign_type}, 'SM2', 'sign_type SM2';
ok GKBM::Pay::openssl_verify("$pd/gkbm-sm2.pub", 'SM2', shell_canon(%f),
    $f{sign}), 'openssl dgst verifies the hand-over over the shell canonical string';

# The socket refuses what it should.
my %e = GKBM::Pay::sock($s, op => 'handover', order_no => 'GK0NONE');
is "$e{status}/$e{code}", 'error/no_order', 'handover of an unknown order: no_order';
$dbh->do("UPDATE pay_order SET state = 'CLOSED' WHERE order_no = ?", undef, $no2);
%e = GKBM::Pay::sock($s, op => 'handover', order_no => $no2);
is "$e{status}/$e{code}", 'error/not_pending', 'handover of a closed order: not_pending';
%e = GKBM::Pay::sock($s, op => 'handover', order_no => 'bad no');
is $e{code}, 'bad_request', 'a bad order number: bad_request';
%e = GKBM::Pay::sock($s, op => 'sign', order_no => $no2);
is $e{code}, 'bad_request', 'an unknown op: bad_request';
%e = GKBM::Pay::sock($s, op => 'ping');
is "$e{status}/$e{sign_type}/$e{key_id}", 'ok/SM2/gkbm-sm2-2026', 'op=ping';

# op=query: the platform's signed answer verified and applied.
my $app3 = GKBM::Pay::application($s);
my $no3 = GKBM::Pay::order($s, $app3, amount => 5000);
GKBM::Pay::gateway($s, $no3);
%e = GKBM::Pay::sock($s, op => 'query', order_no => $no3);
is "$e{status}/$e{state}/$e{platform}", 'ok/PENDING/NOTPAY', 'query of an unpaid order';
HTTP::Tiny->new->post($s->plat_url('/ctl/pay'), { headers => {
    'Content-Type' => 'application/x-www-form-urlencoded' },
    content => "order_no=$no3" });
%e = GKBM::Pay::sock($s, op => 'query', order_no => $no3, reason => 'pending');
is "$e{status}/$e{state}/$e{platform}", 'ok/PAID/SUCCESS',
    'a payment whose notify was lost: the query marks it PAID';
is $dbh->selectrow_array('SELECT COUNT(*) FROM pay_query q JOIN pay_order o ON '
    . "o.id = q.order_id WHERE o.order_no = ?", undef, $no3), 2, 'both queries recorded';

# A PENDING order past its time that the platform says is unpaid:
# EXPIRED; the money arriving after that: PAID_LATE.
my $no4 = GKBM::Pay::order($s, GKBM::Pay::application($s), amount => 5000);
GKBM::Pay::gateway($s, $no4);
$dbh->do('UPDATE pay_order SET expires_at = NOW() - INTERVAL 1 MINUTE WHERE '
    . 'order_no = ?', undef, $no4);
%e = GKBM::Pay::sock($s, op => 'query', order_no => $no4);
is "$e{state}/$e{platform}", 'EXPIRED/NOTPAY', 'unpaid past its time: EXPIRED';
my ($code) = GKBM::Pay::deliver($s, $no4, 'normal', 'sm2');
is $code, 200, 'a payment after that is acknowledged';
is $dbh->selectrow_array('SELECT state FROM pay_order WHERE order_no = ?', undef,
    $no4), 'PAID_LATE', 'and PAID_LATE';

# Orders PENDING longer than pay_order_minutes are queried by gkbm-pay
# itself (its first round runs when it starts).
my $no5 = GKBM::Pay::order($s, GKBM::Pay::application($s), amount => 5000);
my $no6 = GKBM::Pay::order($s, GKBM::Pay::application($s), amount => 5000);
GKBM::Pay::gateway($s, $_) for $no5, $no6;
HTTP::Tiny->new->post($s->plat_url('/ctl/pay'), { headers => {
    'Content-Type' => 'application/x-www-form-urlencoded' },
    content => "order_no=$no5" });
$dbh->do('UPDATE pay_order SET handed_at = NOW() - INTERVAL 2 HOUR WHERE '
    . 'order_no = ?', undef, $no5);
$s->stop_pay;
$s->start_pay;
ok GKBM::_wait_until(10, sub { $dbh->selectrow_array('SELECT state FROM '
    . 'pay_order WHERE order_no = ?', undef, $no5) eq 'PAID' }),
    'a payment whose notify never came is found by the pending-order query';
is $dbh->selectrow_array("SELECT reason FROM pay_query q JOIN pay_order o ON "
    . "o.id = q.order_id WHERE o.order_no = ?", undef, $no5), 'pending',
    'recorded with reason pending';
is $dbh->selectrow_array('SELECT COUNT(*) FROM pay_query q JOIN pay_order o ON '
    . 'o.id = q.order_id WHERE o.order_no = ?', undef, $no6), 0,
    'an order handed over just now is not queried';

$s->finish;
done_testing;
