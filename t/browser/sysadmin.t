# sysadmin.t: 系统管理 (issue 8 §1) in a real Chromium (sysadmin.js), at a
# desktop's size and a phone's (390x844): 单位管理 (the list, a new unit
# refused then made, its page, the confirm step of a deletion), 用户管理
# (the list, an account's page, the confirm step of a reset), 本级审核员管理,
# and 批量导入单位 with a refused file's report; each page passes axe-core
# (WCAG 2.1 A and AA) and the Nu HTML checker.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Chrome;

my $s = GKBM->start(workers => 2);
my $PW = 'Staff#2026ab';

$s->create_units(qw(ZZCITY ZZSUP ZZBAS));
my %staff = $s->create_staff($PW, qw(city unit reviewer));

GKBM::Chrome::run($s, 'sysadmin', {
	city => [$staff{city}[0], $PW],
	unit => $s->count(q{SELECT id FROM accounts WHERE login = 'dwgly01'}),
	sup => $s->count(q{SELECT id FROM units WHERE code = 'ZZSUP'}),
});

$s->finish;
done_testing;
