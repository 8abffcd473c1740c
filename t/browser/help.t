# help.t: the help and public pages in a real Chromium at a phone's size
# (help.js): the manuals, 政策说明, 咨询电话, 我能报哪一级 asked and
# answered through its form, an office keeping its numbers, the
# candidate's home with its one next step and 审核结果 with his own name;
# each passes axe-core (WCAG 2.1 A and AA) and the Nu HTML checker.  With
# GKBM_HELP_SHOTS=DIR (tools/help-shots) it also writes the manuals'
# screenshots, the first screen of each page at 390 px, into DIR.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Chrome;

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $dbh = $s->dbh;
my $STAFF_PW = 'Staff#2026ab';
my $CAND_PW = 'Passw0rdx9';

$s->create_units(qw(ZZCITY JSCNTY ZZSUP ZZBAS));
my %staff = $s->create_staff($STAFF_PW, qw(city county unit supervising));
$dbh->do(q{UPDATE units SET phone = ? WHERE code = ?}, undef, @$_)
    for ['0371-67180001', 'ZZBAS'], ['0371-67180002', 'ZZSUP'],
    ['0371-67180003', 'ZZCITY'];
my @sur = qw(张 王 李 赵 刘 陈 杨 黄 周 吴);
for my $i (1 .. 12) {
	$s->admin({ stdin => "$CAND_PW\n" }, 'create-candidate', $Y,
	    GKBM::idno('410105', sprintf('1978%02d%02d', 1 + $i % 12, 1 + $i),
	    200 + $i), $sur[$i % 10] . '秀英', sprintf('1391234%04d', $i),
	    '410100', (5, 4, 3)[$i % 3]);
}
my $ID = GKBM::idno('410105', '19800501', 123);
$s->admin({ stdin => "$CAND_PW\n" }, 'create-candidate', $Y, $ID, '李明',
    '13900000001', '410100', 4);
my $acct = $s->count(q{SELECT id FROM accounts WHERE name = '李明'});
my $unit = $s->count(q{SELECT id FROM units WHERE code = 'ZZBAS'});
my %actor = map { $_ => $s->count('SELECT id FROM accounts WHERE login = ?',
    $staff{$_}[0]) } qw(unit supervising);

my $app = sub { $s->count('SELECT id FROM applications WHERE account_id = ?',
    $acct) };
GKBM::Chrome::run($s, 'help', {
	candidate => [$ID, $CAND_PW],
	city => [$staff{city}[0], $STAFF_PW],
	province => [$GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW],
	helpshots => $ENV{GKBM_HELP_SHOTS} // '',
}, {
	# The draft filled in as a candidate would have saved it.
	fill => sub {
		$dbh->do(q{UPDATE applications SET unit_id = ?, education = '60',
		    work_start = '2000-07-01', work_years = ?, cur_level = 5,
		    cur_worktype = 'W019', cur_level_year = ?, unit_category =
		    'institution', unit_rank = 'city', target_worktype = 'W019',
		    target_level = 4, route = 'certificate', prohibited = 0
		    WHERE id = ?}, undef, $unit, $Y - 1999, $Y - 6, $app->());
		return 1;
	},
	# Submitted and passed by the unit: the status page has a trail.
	submitted => sub {
		my $a = $app->();
		$dbh->do(q{UPDATE applications SET state = 'submitted',
		    submitted_at = NOW() WHERE id = ?}, undef, $a);
		$dbh->do(q{INSERT INTO review_events (application_id, level, action,
		    actor_id, unit_id, reason, at) VALUES (?, 'candidate', 'submit',
		    ?, ?, '', NOW() - INTERVAL 2 DAY), (?, 'unit', 'pass', ?, ?, '',
		    NOW() - INTERVAL 1 DAY)}, undef, $a, $acct, $unit, $a,
		    $actor{unit}, $unit);
		return 1;
	},
});

$s->finish;
done_testing;
