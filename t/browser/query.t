# query.t: 报名信息查询 and 信息统计 in a real Chromium at a phone's and a
# desktop's size (query.js): the province's and a city's filled query,
# filtered through the form, a filter refused (its message next to it),
# and the statistics with their SVG bars (the province's with the
# previous year).  Each page passes axe-core and the Nu HTML checker.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Chrome;
use GKBM::Review;

my $rv = GKBM::Review->start(workers => 2);
my $s = $rv->s;
my $Y = $s->year;

my @c = map { $rv->candidate($_) } qw(ZZBAS ZZBAS JSBAS SZBAS);
$rv->decide('unit', $c[0]{app}, 'pass');
$s->dbh->do(q{UPDATE applications SET state = 'approved', target_level = 3,
    defer_state = 1, wait_unit_id = NULL, wait_step = NULL, wait_level = NULL,
    wait_since = NULL WHERE id = ?}, undef, $c[2]{app});
# The previous year, for the province's comparison.
$s->admin('year', $Y - 1, ($Y - 1) . '年度');
$s->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate', $Y - 1,
    GKBM::idno('410105', '19750505', '555'), '去年人', '13900000555',
    '410100', '4');
$s->dbh->do(q{INSERT INTO applications (account_id, year, state, unit_id,
    target_level, target_worktype, submitted_at, created_at, updated_at)
    SELECT a.id, ?, 'approved', u.id, 4, 'W019', NOW(), NOW(), NOW()
    FROM accounts a, units u WHERE a.name = '去年人' AND u.code = 'ZZBAS'},
    undef, $Y - 1);

GKBM::Chrome::run($s, 'query', {
	province => [$GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW],
	city => [$GKBM::STAFF{city}[0], $GKBM::Review::STAFF_PW],
	approved => $c[2]{name},
});

$s->finish;
done_testing;
