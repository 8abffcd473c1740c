# pay.t: the payment pages in a real Chromium at a phone's size (390x844)
# and a desktop's (pay.js), with data in them: the candidate's 网上缴费
# (the receipt, the confirmation whose 确认缴费 waits for its countdown,
# the hand-over to tools/payplat, the return page checking and then
# paid), the offices' 应缴报考人员列表, 网上缴费状态查询, 扫码缴费,
# 缴费统计, 退费与逾期到账 and the province's 对账.  Each of our pages
# passes axe-core (WCAG 2.1 A and AA) and the Nu HTML checker.
use strict;
use warnings;
use utf8;

use File::Temp qw(tempdir);
use Test::More;
use GKBM;
use GKBM::Chrome;

my $s = GKBM->start(workers => 2);
$s->start_payplat;
my $Y = $s->year;
my $PW = 'Staff#2026ab';

$s->create_units(qw(ZZCITY JSCNTY ZZSUP ZZBAS));
my %staff = $s->create_staff($PW, qw(city county));
my $unit = $s->count(q{SELECT id FROM units WHERE code = 'ZZBAS'});
my $f = sub { my @t = GKBM::beijing($_[0]); sprintf('%04d-%02d-%02d %02d:%02d',
    $t[5] + 1900, $t[4] + 1, $t[3], $t[2], $t[1]) };
$s->admin('pay-city', $Y, '410100', 'on', $f->(-86400), $f->(14 * 86400));
$s->admin('pay-fee', $Y, 4, 32000);

# Two candidates approved two days ago (one pays at each size), a third
# whose payment came late (a case for the offices).
my @c = ([GKBM::idno('410105', '19880808', '321'), '张三', '13912340001'],
    [GKBM::idno('410105', '19900307', '105'), '李明', '13912340002'],
    [GKBM::idno('410105', '19851112', '456'), '王芳', '13912340003']);
my @app;
for my $x (@c) {
	$s->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate', $Y, @$x,
	    '410100', 4);
	my $acct = $s->count(q{SELECT id FROM accounts WHERE role = 'candidate'
	    AND name = ?}, $x->[1]);
	$s->dbh->do(q{INSERT INTO applications (account_id, year, state, unit_id,
	    target_level, target_worktype, decided_at, created_at, updated_at)
	    VALUES (?, ?, 'approved', ?, 4, 'W019', NOW() - INTERVAL 2 DAY,
	    NOW(), NOW())}, undef, $acct, $Y, $unit);
	push @app, $s->count('SELECT id FROM applications WHERE account_id = ?',
	    $acct);
}
$s->dbh->do(q{INSERT INTO pay_order (order_no, application_id, year, level,
    amount_fen, state, trade_no, created_at, expires_at, updated_at) VALUES
    ('GK2026LATE1', ?, ?, 4, 32000, 'PAID_LATE', 'FS9001', NOW() - INTERVAL 2
    HOUR, NOW() - INTERVAL 1 HOUR, NOW())}, undef, $app[2], $Y);
$s->dbh->do(q{INSERT INTO pay_payment (order_id, application_id, trade_no,
    amount_fen, paid_at, kind, created_at) SELECT id, application_id,
    'FS9001', 32000, NOW(), 'late', NOW() FROM pay_order WHERE order_no =
    'GK2026LATE1'});

# A reconciliation with a difference: a payment the platform lists and we
# do not have.
my $dir = tempdir('gkbm-recon-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my @t = GKBM::beijing();
my $day = sprintf('%04d%02d%02d', $t[5] + 1900, $t[4] + 1, $t[3]);
open(my $fh, '>', "$dir/statement-$day.csv") or die $!;
print $fh "trade_no,order_no,amount,paid_at,pay_status\n",
    "FS9002,GK2026NONE1,32000,${day}101010,SUCCESS\n";
close $fh;
$s->admin('pay-reconcile', "$dir/statement-$day.csv");

GKBM::Chrome::run($s, 'pay', {
	candidates => [map { [$_->[0], 'Passw0rdx9'] } @c[0, 1]],
	city => [$staff{city}[0], $PW],
	county => [$staff{county}[0], $PW],
	province => [$GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW],
});

is($s->count(q{SELECT COUNT(*) FROM pay_order WHERE application_id = ? AND
    state = 'PAID'}, $app[1]), 1, 'in the browser: the desktop candidate paid');
ok($s->count('SELECT pay_code IS NOT NULL FROM pay_order WHERE application_id = ?',
    $app[1]), '... and has a 缴款码');
is($s->count(q{SELECT status FROM pay_payment WHERE trade_no = 'FS9001'}),
    'refund_due', 'in the browser: the late payment sent to refund');

$s->finish;
done_testing;
