# queue.t: the review pages (fcgi/pages/review/) in a real Chromium, at a
# desktop's size and a phone's (queue.js): 人工审核 with a filled list and
# a refused filter, 高级技师审核, 本级审核记录 (审核退回 with a row and its
# reason, 审核不通过 with 退回重新申报), 详情 with its decision form, 代传资料,
# 添加身份证号, 容缺后补 and a province mark, and 详情 seen by the city
# office (no decision form, the 容缺后补 re-check form); each passes
# axe-core (WCAG 2.1 A and AA) and the Nu HTML checker.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Chrome;

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $STAFF_PW = 'Staff#2026ab';

$s->create_units(qw(ZZCITY ZZSUP ZZBAS));
my %staff = $s->create_staff($STAFF_PW, qw(unit city));
my $unit = $s->count(q{SELECT id FROM units WHERE code = 'ZZBAS'});
my @apps;
for my $i (1 .. 3) {
	my $idno = GKBM::idno('410105', sprintf('1980%02d1%d', $i, $i), 300 + $i);
	my (undef, $app) = $s->submitted_candidate($idno, (qw(李明 王芳 赵刚))[$i - 1],
	    sprintf('1390000%04d', $i), '410100', $unit);
	push @apps, $app;
}
# Decisions of the unit (as /review/decide leaves them): the second
# returned, the third rejected.
my $dbh = $s->dbh;
my $actor = $s->count(q{SELECT id FROM accounts WHERE login = ?}, $staff{unit}[0]);
for my $d ([$apps[1], 'returned', 'return', '照片不清晰，请重新上传。'],
    [$apps[2], 'rejected', 'reject', '工作年限不满足申报条件。']) {
	$dbh->do(q{UPDATE applications SET state = ?, wait_step = NULL,
	    wait_unit_id = NULL, wait_level = NULL, wait_since = NULL,
	    decided_at = NOW() WHERE id = ?}, undef, $d->[1], $d->[0]);
	$dbh->do(q{INSERT INTO review_events (application_id, level, step,
	    action, actor_id, unit_id, reason, at) VALUES (?, 'unit', 1, ?, ?, ?,
	    ?, NOW())}, undef, $d->[0], $d->[2], $actor, $unit, $d->[3]);
}

# The first: 容缺后补 confirmed by the unit (the city re-checks), and a
# province mark (as defer.t and notes.t leave them).
$dbh->do(q{UPDATE applications SET defer_state = 3, defer_note = ?
    WHERE id = ?}, undef, "请补传学历证书原件照片", $apps[0]);
$dbh->do(q{INSERT INTO review_notes (application_id, kind, unit_id, author_id,
    text, at) SELECT ?, 'province', u.id, a.id, ?, NOW() FROM accounts a
    JOIN units u ON u.id = a.unit_id WHERE a.login = ?}, undef, $apps[0],
    '抽查：学历证明不清晰', $staff{city}[0]);

GKBM::Chrome::run($s, 'queue', {
	unit => [$staff{unit}[0], $STAFF_PW],
	city => [$staff{city}[0], $STAFF_PW],
	app => $apps[0],
});

$s->finish;
done_testing;
