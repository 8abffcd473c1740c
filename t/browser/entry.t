# entry.t: the pages of 单位名称核对, 补报及破格（一线）人员 and 撤销注册 in a
# real Chromium at a phone's size (390x844) and a desktop's (entry.js),
# with data in them: the supervising unit's names with a refused rename,
# then 确认名称已核对; the offices' view of who confirmed; the county's
# 添加补报人员 refused for a wrong ID number, then done with an ID-card
# photo; the city finding a registration, asked to confirm, revoking it.
# Each page passes axe-core (WCAG 2.1 A and AA) and the Nu HTML checker.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Chrome;

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $PW = 'Staff#2026ab';

$s->create_units(qw(ZZCITY JSCNTY ZZSUP ZZBAS));
$s->admin('create-unit', 'JSSUP', '金水区教育局', 'supervising', '410105');
$s->admin('create-unit', 'JSBAS', '金水区第一中学', 'basic', '410105', 'JSSUP');
my %staff = $s->create_staff($PW, qw(supervising county city));
$s->admin('window', $Y, 'unitcheck', GKBM::_ymdhm(-86400), GKBM::_ymdhm(7 * 86400));
my $JSBAS = $s->count(q{SELECT id FROM units WHERE code = 'JSBAS'});
my $FALSE = GKBM::idno('410105', '19850612', '137');
$s->submitted_candidate($FALSE, '冒名', '13900000201', '410100', $JSBAS);
my $LATE = GKBM::idno('410105', '19900307', '135');

GKBM::Chrome::run($s, 'entry', {
	supervising => [$staff{supervising}[0], $PW],
	county => [$staff{county}[0], $PW],
	city => [$staff{city}[0], $PW],
	false_idno => $FALSE,
	late_idno => $LATE,
});

is($s->count(q{SELECT COUNT(*) FROM unit_checks WHERE year = ?}, $Y), 1,
    'in the browser: 名称已核对 confirmed');
is($s->count(q{SELECT COUNT(*) FROM entries WHERE kind = 'late'}), 1,
    'in the browser: a 补报 candidate entered');
is($s->count(q{SELECT pw_must_change FROM accounts WHERE idno_mac = UNHEX(?)},
    $s->mac('idno', $LATE)), 1, '... with the default password to change');
is($s->count('SELECT COUNT(*) FROM revocations'), 1, 'in the browser: one registration revoked');

$s->finish;
done_testing;
