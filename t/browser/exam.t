# exam.t: the pages of 考务管理 (考点考场, 场次, 编排考场; fcgi/pages/exam/)
# in a real Chromium at a desktop's size (1280x900) and a phone's
# (390x844), with data in them (exam.js): on the desktop the city adds a
# site, a room and a session through the forms and runs the allocation,
# two seats for three admitted candidates (one left short, listed); on
# the phone the same pages full, and a room refused for a one-digit code.
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

$s->create_units(qw(ZZCITY ZZSUP ZZBAS));
my %staff = $s->create_staff($PW, qw(city));
my $unit = $s->count(q{SELECT id FROM units WHERE code = 'ZZBAS'});
# Three admitted applications of 四级 电工 (fixtures, as review leaves them).
for my $i (1 .. 3) {
	$s->dbh->do(q{INSERT INTO accounts (role, year, name, idno_mac, region_code, level,
	    pw_hash, pw_changed_at, created_at) VALUES ('candidate', ?, ?, UNHEX(SHA2(?, 256)),
	    '410100', 4, '!test', NOW(), NOW())}, undef, $Y, "考生$i", "exam-browser:$i");
	my $acct = $s->dbh->last_insert_id(undef, undef, undef, undef);
	$s->dbh->do(q{INSERT INTO applications (account_id, year, state, version, unit_id,
	    target_worktype, target_level, created_at, updated_at)
	    VALUES (?, ?, 'approved', 2, ?, 'W019', 4, NOW(), NOW())}, undef, $acct, $Y, $unit);
}

GKBM::Chrome::run($s, 'exam', {
	city => [$staff{city}[0], $PW],
	year => $Y,
});

is($s->count('SELECT COUNT(*) FROM exam_seats'), 2, 'in the browser: two seated');
is($s->count('SELECT short FROM exam_runs ORDER BY id DESC LIMIT 1'), 1,
    '... one short of a seat, recorded');

$s->finish;
done_testing;
