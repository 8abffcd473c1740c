# results.t: the pages of 考核结果 (考核结果查询, 成绩导入与公布, 合格线,
# 复核申请, and the candidate's 考核结果) in a real Chromium at a desktop's
# size (1280x900) and a phone's (390x844), with data in them
# (results.js): the fixtures seat three candidates (plain SQL, as the
# allocation leaves them), set the lines and import their
# results (gkbm-admin), one failed; in the browser the city uploads a
# file with a bad row (refused, the row named) and publishes, the failed candidate
# asks for 复核 on the phone and the city answers it on the desktop.
# Each page passes axe-core (WCAG 2.1 A and AA) and the Nu HTML checker.
use strict;
use warnings;
use utf8;

use Encode qw(encode);
use File::Temp qw(tempdir);
use Test::More;
use GKBM;
use GKBM::Chrome;

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $PW = 'Staff#2026ab';
my $CPW = 'Passw0rdx9';
my $TMP = tempdir('gkbm-bresults-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $dbh = $s->dbh;

$s->create_units(qw(ZZCITY ZZSUP ZZBAS));
my %staff = $s->create_staff($PW, qw(city));
my $unit = $s->count(q{SELECT id FROM units WHERE code = 'ZZBAS'});
$dbh->do(q{INSERT INTO exam_runs (year, region_code, admitted, kept, placed,
    short, run_at) VALUES (?, '410100', 3, 0, 3, 0, NOW())}, undef, $Y);
my $run = $s->count('SELECT MAX(id) FROM exam_runs');
$dbh->do(q{INSERT INTO exam_sites (year, region_code, code, name, address,
    updated_at) VALUES (?, '410100', '01', '第一考点', '郑州市金水路1号', NOW())}, undef, $Y);
$dbh->do(q{INSERT INTO exam_rooms (site_id, code, name, capacity, updated_at)
    VALUES (?, '001', '第1考场', 30, NOW())}, undef, $s->count('SELECT MAX(id) FROM exam_sites'));
$dbh->do(q{INSERT INTO exam_sessions (year, region_code, code, starts_at, ends_at,
    updated_at) VALUES (?, '410100', '1', NOW(), NOW() + INTERVAL 2 HOUR, NOW())}, undef, $Y);
my ($room, $session) = ($s->count('SELECT MAX(id) FROM exam_rooms'),
    $s->count('SELECT MAX(id) FROM exam_sessions'));
my $yy = sprintf('%02d', $Y % 100);
my @C = (['张三', GKBM::idno('410105', '19800101', '011'), '13900000101', '88', '90'],
    ['李四', GKBM::idno('410105', '19810202', '022'), '13900000102', '55', '58'],
    ['王五', GKBM::idno('410105', '19820303', '033'), '13900000103', '', '']);
my @rows = ('准考证号,姓名,理论知识,操作技能,缺考');
for my $i (0 .. $#C) {
	my ($name, $idno, $phone, $t, $k) = @{ $C[$i] };
	$s->admin({ stdin => "$CPW\n" }, 'create-candidate', $Y, $idno, $name,
	    $phone, '410100', 4);
	my $acct = $s->count('SELECT id FROM accounts WHERE name = ?', $name);
	$dbh->do(q{INSERT INTO applications (account_id, year, state, version, unit_id,
	    target_worktype, target_level, created_at, updated_at)
	    VALUES (?, ?, 'approved', 2, ?, 'W019', 4, NOW(), NOW())}, undef, $acct, $Y, $unit);
	my $app = $s->count('SELECT id FROM applications WHERE account_id = ?', $acct);
	my $ticket = sprintf('%s410100101001%02d', $yy, $i + 1);
	$dbh->do(q{INSERT INTO exam_seats (application_id, year, region_code, session_id,
	    room_id, seat, ticket_no, run_id, placed_at) VALUES (?, ?, '410100', ?, ?, ?, ?, ?,
	    NOW())}, undef, $app, $Y, $session, $room, $i + 1, $ticket, $run);
	push @rows, join(',', $ticket, $name, $t, $k, $t eq '' ? '缺考' : '');
	push @{ $C[$i] }, $ticket;
}
open(my $fh, '>:raw', "$TMP/good.csv") or die;
print $fh encode('UTF-8', join("\r\n", @rows) . "\r\n");
close $fh;
open($fh, '>:raw', "$TMP/bad.csv") or die;
print $fh encode('UTF-8', "$rows[0]\r\n$C[0][5],张四,88,90,\r\n");
close $fh;
$s->admin('pass-line', $Y, 4, '-', 60, 60);
$s->admin('import-results', $Y, '410100', "$TMP/good.csv");
$s->admin('window', $Y, 'result', GKBM::_ymdhm(-86400), GKBM::_ymdhm(30 * 86400));

GKBM::Chrome::run($s, 'results', {
	city => [$staff{city}[0], $PW],
	province => [$GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW],
	passer => [$C[0][1], $CPW],
	failer => [$C[1][1], $CPW],
	bad => "$TMP/bad.csv",
});

is($s->count(q{SELECT COUNT(*) FROM exam_rechecks WHERE state = 'answered'}), 1,
    'in the browser: the 复核 asked and answered');
is($s->count(q{SELECT COUNT(*) FROM exam_imports}), 1, '... the bad file stored nothing');

$s->finish;
done_testing;
