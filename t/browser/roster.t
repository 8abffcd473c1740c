# roster.t: 名册打印 and 汇总上报 in a real Chromium (roster.js), at a
# desktop's size and a phone's: both rosters with rows and a refused
# filter; the roster printed (print media emulated: no menu, filters or
# tick boxes, the print heading, the header repeated, the stamp area;
# Chromium's own PDF of it is A4 landscape); 汇总上报 before and after the
# city reports, its snapshot, and the province's page.  Each passes
# axe-core (WCAG 2.1 A and AA) and the Nu HTML checker.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Review;
use GKBM::Chrome;

my $rv = GKBM::Review->start(workers => 2);
my $s = $rv->s;
my $c1 = $rv->candidate('ZZBAS');
my $c2 = $rv->candidate('JSBAS');
$s->dbh->do(q{UPDATE applications SET state = 'approved', decided_at = NOW(),
    wait_unit_id = NULL, wait_step = NULL, wait_level = NULL, wait_since = NULL
    WHERE id IN (?, ?)}, undef, $c1->{app}, $c2->{app});
$rv->window('report', 'open');

GKBM::Chrome::run($s, 'roster', {
	city => ['zzsgkb', $GKBM::Review::STAFF_PW],
	province => [$GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW],
	names => [$c1->{name}, $c2->{name}],
});

$s->finish;
done_testing;
