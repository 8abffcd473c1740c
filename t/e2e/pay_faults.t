# pay_faults.t: the faults of SECURITY.md §5 around payment (issue 9
# item 7): the database away during a notify (503, the retry succeeds),
# gkbm-pay killed with SIGKILL between COMMIT and the acknowledgement
# (the redelivery is acknowledged with no second change), gkbm-pay down
# or its key unreadable (notifies 503, gkbm-web's socket unavailable,
# the rest of the site works).
use strict;
use warnings;
use utf8;

use Test::More;
use HTTP::Tiny;
use GKBM;
use GKBM::Pay;

my $crash;
my $s = GKBM->start(pay_env => { GKBM_PAY_CRASH_FILE => ($crash =
    File::Spec->catfile(File::Spec->tmpdir, "gkbm-paycrash-$$")) });
$s->start_payplat;

sub state_of {
	return $s->dbh->selectrow_array('SELECT state FROM pay_order WHERE order_no = ?',
	    undef, $_[0]);
}
sub payments {
	return $s->dbh->selectrow_array('SELECT COUNT(*) FROM pay_payment p JOIN '
	    . 'pay_order o ON o.id = p.order_id WHERE o.order_no = ?', undef, $_[0]);
}

# --- the database goes away during a notify -----------------------------------
my $no = GKBM::Pay::order($s, GKBM::Pay::application($s), amount => 12000);
GKBM::Pay::gateway($s, $no);
$s->stop_db;
my ($code, $ack) = GKBM::Pay::deliver($s, $no, 'normal', 'rsa');
is $code, 503, 'database away: 503, no acknowledgement';
unlike $ack, qr/SUCCESS/, 'the answer acknowledges nothing';
$s->start_db;
($code, $ack) = GKBM::Pay::deliver($s, $no, 'normal', 'rsa');
is $code, 200, 'the platform\'s retry after the database is back: acknowledged';
is state_of($no), 'PAID', 'and the order is PAID';
is payments($no), 1, 'once';

# --- SIGKILL between COMMIT and the acknowledgement ---------------------------
my $no2 = GKBM::Pay::order($s, GKBM::Pay::application($s), amount => 12000);
GKBM::Pay::gateway($s, $no2);
open(my $fh, '>', $crash) or die "$crash: $!";
close $fh;
($code, $ack) = GKBM::Pay::deliver($s, $no2, 'normal', 'sm2');
ok !-e $crash, 'the worker reached the point after COMMIT and killed itself';
is $code, 503, 'the platform got no acknowledgement (503)';
is state_of($no2), 'PAID', 'the committed payment stands';
my $paid_at = $s->dbh->selectrow_array('SELECT updated_at FROM pay_order WHERE order_no = ?',
    undef, $no2);
($code, $ack) = GKBM::Pay::deliver($s, $no2, 'normal', 'sm2');
is $code, 200, 'the redelivery is acknowledged';
like $ack, qr/code=SUCCESS/, 'code=SUCCESS';
is $s->dbh->selectrow_array('SELECT verdict FROM pay_notify ORDER BY id DESC LIMIT 1'),
    'duplicate', 'as a duplicate';
is payments($no2), 1, 'no second payment';
is $s->dbh->selectrow_array('SELECT updated_at FROM pay_order WHERE order_no = ?', undef,
    $no2), $paid_at, 'no second change of the order';
like $s->pay_log, qr/notify worker \d+ ended/, 'the master noticed and replaced the worker';

# --- gkbm-pay down -----------------------------------------------------------------
my $no3 = GKBM::Pay::order($s, GKBM::Pay::application($s), amount => 12000);
GKBM::Pay::gateway($s, $no3);
$s->stop_pay;
($code) = GKBM::Pay::deliver($s, $no3, 'normal', 'rsa');
is $code, 503, 'gkbm-pay down: notifies get 503 (so the platform retries)';
my %p = GKBM::Pay::sock($s, op => 'ping');
is $p{status}, 'unavailable', 'gkbm-web\'s socket is unavailable';
my $r = HTTP::Tiny->new->get($s->url('/'));
is $r->{status}, 200, 'the rest of the site works';
is state_of($no3), 'PENDING', 'nothing changed';

# --- its key unreadable: it does not start -------------------------------------------
my $key = $s->{confvals}{pay_key_file};
my $good = do { local (@ARGV, $/) = $key; <> };
open($fh, '>', $key) or die;
print $fh "-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n";
close $fh;
my %c = %{ $s->{confvals} };
$c{pay_log_file} = $s->dir . '/log/badkey.log';
my $conf = $s->dir . '/etc/badkey.conf';
open($fh, '>', $conf) or die;
print $fh map { "$_ = $c{$_}\n" } sort keys %c;
close $fh;
my $rc = system($s->{bld} . '/fcgi/gkbm-pay', '-c', $conf);
isnt $rc, 0, 'gkbm-pay with an unreadable key exits';
like do { local (@ARGV, $/) = $c{pay_log_file}; <> }, qr/gkbm\.key: not a PEM key/,
    'naming the key file';
ok !-S $c{pay_socket} && !-S $c{pay_listen}, 'without opening its sockets';
($code) = GKBM::Pay::deliver($s, $no3, 'normal', 'rsa');
is $code, 503, 'notifies: 503';
%p = GKBM::Pay::sock($s, op => 'ping');
is $p{status}, 'unavailable', 'gkbm-web: unavailable';

# --- back: the retried notify pays ---------------------------------------------------
open($fh, '>', $key) or die;
print $fh $good;
close $fh;
$s->start_pay;
($code) = GKBM::Pay::deliver($s, $no3, 'normal', 'rsa');
is $code, 200, 'gkbm-pay back: the retry is acknowledged';
is state_of($no3), 'PAID', 'PAID';

unlink $crash;
$s->finish;
done_testing;
