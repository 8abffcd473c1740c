# roster.t: 名册打印 (002 §1.1.5; issue 8 item 5): 终审通过名册 and 现场
# 审核名册 (/admin/roster, .pdf, .xlsx) for every admin role inside and
# outside its subtree: who is listed (approved applications only), the
# PDF read back with poppler (A4 landscape, pages, fonts embedded as
# subsets, the header on each page, every row against the database), the
# XLSX with Spreadsheet::ParseXLSX, the ticked rows (勾选) only, never a
# ticked row outside the subtree, every parameter sent wrong (400, a
# Chinese message, nothing exported or audited), the exports audited,
# and a roster of 10,000 rows (the row count; its memory is measured by
# tools/bench, not here).
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Review;
use GKBM::Print;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $rv = GKBM::Review->start(workers => 2);
my $s = $rv->s;
my $Y = $s->year;
my $dbh = $s->dbh;
my $valid = GKBM::rng_validator('roster');

# c1 approved by the pages (unit, 主管单位, 市工考办), c2 and c3 approved
# (as decide.c leaves them), c4 waiting at its unit: never on a roster.
my $c1 = $rv->candidate('ZZBAS');
my $c2 = $rv->candidate('JSBAS');
my $c3 = $rv->candidate('SZBAS');
my $c4 = $rv->candidate('ZZBAS');
$rv->pass_to_end($c1->{app}, qw(unit supervising city));
is($rv->row($c1->{app})->{state}, 'approved', 'c1 approved by the pages');
$dbh->do(q{UPDATE applications SET state = 'approved', decided_at = NOW(),
    wait_unit_id = NULL, wait_step = NULL, wait_level = NULL, wait_since = NULL
    WHERE id IN (?, ?)}, undef, $c2->{app}, $c3->{app});
my %C = (c1 => $c1, c2 => $c2, c3 => $c3, c4 => $c4);

my %SEES = (
	province => [qw(c1 c2 c3)], city => [qw(c1 c2)], county => [qw(c2)],
	supervising => [qw(c1)], unit => [qw(c1)], jsunit => [qw(c2)],
	jssup => [qw(c2)], szunit => [qw(c3)], szsup => [qw(c3)], kfcity => [],
);

# pdf_of(BROWSER, PATH): the text of the PDF at PATH (one test: 200, a PDF).
sub pdf_of {
	my ($b, $path) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my $r = $b->get($path);
	ok($r->status == 200 && $r->content_type eq 'application/pdf',
	    "GET $path: a PDF") or diag($r->status . ' ' . ($r->text =~ s/<[^>]*>/ /gr =~ s/\s+/ /gr));
	return $r->status == 200 ? GKBM::Print::pdf($r->body)->{text} : '';
}

# names(TEXT): which of c1..c4 TEXT names, sorted.
sub names {
	my ($t) = @_;
	return join(' ', grep { index($t, $C{$_}{name}) >= 0 } sort keys %C);
}

for my $k (sort keys %SEES) {
	my $b = $rv->b($k);
	my $want = join(' ', @{ $SEES{$k} });
	my $r = $b->get('/admin/roster?k=final', accept => 'xml');
	is($r->status, 200, "$k: 终审通过名册");
	$valid->($r, "$k: the roster page");
	my @rows = $r->nodes('/roster/list/row');
	is(join(' ', sort map { my $n = $_->getAttribute('name');
	    grep { $C{$_}{name} eq $n } keys %C } @rows), $want,
	    "$k: the page lists $want");
	is($r->xpath('/roster/list/@total'), scalar @{ $SEES{$k} }, "$k: the total");

	my $p = $b->get('/admin/roster.pdf?k=final');
	is($p->status, 200, "$k: the PDF");
	is($p->content_type, 'application/pdf', "$k: as application/pdf");
	my $pdf = GKBM::Print::pdf($p->body);
	is($pdf->{size}, '841.89 x 595.276 pts (A4)', "$k: A4 landscape");
	is(names($pdf->{text}), $want, "$k: the PDF names $want");
	ok(@{ $pdf->{fonts} } && !grep({ $_->[1] ne 'yes' || $_->[2] ne 'yes' } @{ $pdf->{fonts} }),
	    "$k: fonts embedded as subsets");
	for (@{ $SEES{$k} }) {
		like($pdf->{text}, qr/\Q$C{$_}{idno}\E/, "$k: ${_}'s ID number in full");
	}
	like($pdf->{text}, qr/第\s*1\s*页\s*共\s*1\s*页/, "$k: page numbers");
	like($pdf->{text}, qr/单位（盖章）/, "$k: the stamp line");

	my $x = $b->get('/admin/roster.xlsx?k=site');
	is($x->status, 200, "$k: the XLSX");
	my $rows = GKBM::Print::xlsx($x->body);
	is_deeply($rows->[0], ['序号', '姓名', '性别', '身份证号', '单位',
	    '申报工种', '申报等级', '联系电话', '材料审核情况', '本人签字'],
	    "$k: the 现场审核名册 columns");
	my @got = sort map { $_->[3] } @$rows[1 .. $#$rows];
	is_deeply(\@got, [sort map { $C{$_}{idno} } @{ $SEES{$k} }],
	    "$k: the XLSX rows are the database's");
	for my $row (@$rows[1 .. $#$rows]) {
		my ($c) = grep { $C{$_}{idno} eq $row->[3] } keys %C;
		is($row->[1], $C{$c}{name}, "$k: ${c}'s name");
		is($row->[7], $C{$c}{phone}, "$k: ${c}'s phone");
	}
}

# The 现场审核名册 PDF has the blank columns; a 400 page for the candidate.
my $city = $rv->b('city');
my $t = pdf_of($city, '/admin/roster.pdf?k=site');
like($t, qr/材料审核情况.*本人签字/, 'the site roster\'s blank columns');
like($t, qr/\Q$c1->{phone}\E/, 'and the phone');

# Ticked rows only (勾选); a ticked row outside the subtree is not there.
$t = pdf_of($city, "/admin/roster.pdf?k=final&ids=$c1->{app}");
is(names($t), 'c1', 'the ticked row alone');
like($t, qr/人数：1/, 'counted');
$t = pdf_of($city, "/admin/roster.pdf?k=final&ids=$c3->{app}&ids=$c4->{app}");
is(names($t), '', 'ticked rows outside the subtree or not approved: none');
my $rows = GKBM::Print::xlsx($city->get("/admin/roster.xlsx?ids=$c2->{app}&ids=$c1->{app}")->body);
is(scalar @$rows, 3, 'the XLSX of two ticked rows');

# Filters: level, unit, who.
$t = pdf_of($city, '/admin/roster.pdf?unit=JSBAS');
is(names($t), 'c2', 'filtered by unit');
my $r = $city->get("/admin/roster?who=$c1->{idno}", accept => 'xml');
is(join(' ', map { $_->getAttribute('name') } $r->nodes('/roster/list/row')),
    $c1->{name}, 'filtered by ID number');

# The exports are audited (one row each, with the kind).
my $audits = $s->count(q{SELECT COUNT(*) FROM audit WHERE event IN
    ('roster.pdf', 'roster.xlsx')});
ok($audits >= 2 * keys(%SEES), "the exports audited ($audits)");

# Every parameter sent wrong: 400, a Chinese message, nothing exported.
my @bad = (
	['k=x', qr/名册类型不正确/],
	['level=9', qr/申报等级/],
	['level=abc', qr/申报等级/],
	['unit=NOPE', qr/没有这个单位编码/],
	['unit=KFCITY', qr/没有这个单位编码/],
	['region=abc', qr/地区代码/],
	['year=20x6', qr/报考年度/],
	['from=2026-13-01', qr/提交日期/],
	['from=2026-03-02&to=2026-03-01', qr/不能晚于/],
	['who=12345', qr/身份证号不正确/],
	['ids=abc', qr/勾选的报名序号不正确/],
	['ids=0', qr/勾选的报名序号不正确/],
	[join('&', map { "ids=$_" } 1 .. 201), qr/最多导出200个/],
);
for my $bad (@bad) {
	my ($q, $msg) = @$bad;
	my $before = $s->count(q{SELECT COUNT(*) FROM audit WHERE event LIKE 'roster.%'});
	my $short = length($q) > 40 ? substr($q, 0, 40) . '…' : $q;
	my $page = $city->get("/admin/roster?$q", accept => 'xml');
	is($page->status, 400, "page $short: 400");
	like($page->xpath('/roster/form/message') // '', $msg, "page $short: the message");
	ok(!$page->nodes('/roster/list'), "page $short: no list");
	for my $ext (qw(pdf xlsx)) {
		my $e = $city->get("/admin/roster.$ext?$q", accept => 'html');
		is($e->status, 400, "$ext $short: 400");
		like($e->text, $msg, "$ext $short: the message");
	}
	is($s->count(q{SELECT COUNT(*) FROM audit WHERE event LIKE 'roster.%'}),
	    $before, "$short: nothing audited");
}

# Roles without rosters.
is($rv->b('reviewer')->get('/admin/roster')->status, 403, 'a reviewer: 403');
is($c1->{b}->get('/admin/roster.pdf')->status, 403, 'a candidate: 403');

# A roster of 10,000 rows: every row in the PDF and the XLSX.  Not in
# the sanitizer pass (tools/check): there the worker draws ten times
# slower than the client waits, and the normal pass counts the same rows.
if ($ENV{ASAN_OPTIONS}) {
	$s->finish;
	done_testing;
	exit 0;
}
my $bulk = $rv->unit_id('ZZBAS');
$dbh->do(q{INSERT INTO accounts (role, year, name, pw_hash, pw_changed_at,
    created_at, region_code) SELECT 'candidate', ?, CONCAT('批量', seq), 'x',
    NOW(), NOW(), '410100' FROM seq_1_to_10000}, undef, $Y);
$dbh->do(q{INSERT INTO applications (account_id, year, state, version, unit_id,
    target_level, target_worktype, route, submitted_at, decided_at,
    created_at, updated_at) SELECT id, year, 'approved', 1, ?, 4, 'W019',
    'years', NOW(), NOW(), NOW(), NOW() FROM accounts WHERE name LIKE '批量%'},
    undef, $bulk);
my $n = $s->count(q{SELECT COUNT(*) FROM applications a JOIN units u ON
    u.id = a.unit_id WHERE a.state = 'approved' AND u.code = 'ZZBAS'});
is($n, 10001, '10,001 approved in ZZBAS');
my $big = $rv->b('unit')->get('/admin/roster.pdf?k=final');
is($big->status, 200, 'the 10,001-row PDF');
my $bp = GKBM::Print::pdf($big->body);
my @nums = $bp->{text} =~ /批量(\d+)/g;
is(scalar @nums, 10000, 'every bulk row in the PDF');
ok($bp->{pages} > 300, "on $bp->{pages} pages");
like($bp->{text}, qr/第\s*$bp->{pages}\s*页\s*共\s*$bp->{pages}\s*页/,
    'the last footer counts them all');
my @heads = $bp->{text} =~ /身份证号/g;
is(scalar @heads, $bp->{pages}, 'the table header on every page');
my $bx = GKBM::Print::xlsx($rv->b('unit')->get('/admin/roster.xlsx')->body);
is(scalar @$bx, 10002, 'every row in the XLSX, and the header');

$s->finish;
done_testing;
