# staff.t: every staff page reachable today, in a real Chromium at a
# desktop's size (staff.js): home, the menu's pages (时间设置, 政策设置,
# 报名查询) and 修改密码 for the province, city, county, unit, reviewer
# and supervising roles, and the first login's change of a default
# password; each passes axe-core (WCAG 2.1 A and AA) and the Nu HTML
# checker.  At a phone's size (390x844) the menu of every role,
# the candidate's too, is compact and offers no link to what is not open.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Chrome;

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $STAFF_PW = 'Staff#2026ab';
my $CAND_PW = 'Passw0rdx9';

$s->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
my %staff = $s->create_staff($STAFF_PW,
    qw(unit reviewer supervising county city));
# A city office account with the default password 123 (its first login
# changes it with an SMS code).
$s->admin('create-staff', @{ $GKBM::STAFF{kfcity} });
# Candidates for 报名查询 (one page of them and a second page).
my @sur = qw(张 王 李 赵 刘 陈 杨 黄 周 吴);
for my $i (1 .. 21) {
	$s->admin({ stdin => "$CAND_PW\n" }, 'create-candidate', $Y,
	    GKBM::idno('410105', sprintf('1985%02d%02d', 1 + $i % 12, 1 + $i),
	    100 + $i), $sur[$i % 10] . '建国', sprintf('1391234%04d', $i),
	    '410100', (5, 4, 3)[$i % 3]);
}

GKBM::Chrome::run($s, 'staff', {
	province => [$GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW],
	(map { $_ => [$staff{$_}[0], $STAFF_PW] } sort keys %staff),
	candidate => ['13912340001', $CAND_PW],
	first => [$GKBM::STAFF{kfcity}[0], '123', $GKBM::STAFF{kfcity}[2]],
});

$s->finish;
done_testing;
