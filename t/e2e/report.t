# report.t: 汇总上报 (seed 004; issue 8 item 7): inside the report window a
# city office, or a 省直 supervising unit, reports the approved
# applications of its subtree; the report is a frozen snapshot (rows
# copied, counted, hashed: the hash recomputed here from the database),
# later changes leave it as it was, reporting again is refused until the
# province reopens it (with a reason, audited); the province sees who has
# reported and when and opens each snapshot and its PDF and XLSX, no
# other office does.  Every parameter sent wrong: a Chinese message,
# nothing stored.
use strict;
use warnings;
use utf8;

use Digest::SHA qw(sha256_hex);
use Encode qw(encode);
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
my $valid = GKBM::rng_validator('report');

my $c1 = $rv->candidate('ZZBAS');
my $c2 = $rv->candidate('JSBAS');
my $c3 = $rv->candidate('SZBAS');
my $c4 = $rv->candidate('ZZBAS');	# waits: not reported
$dbh->do(q{UPDATE applications SET state = 'approved', decided_at = NOW(),
    wait_unit_id = NULL, wait_step = NULL, wait_level = NULL, wait_since = NULL
    WHERE id IN (?, ?, ?)}, undef, $c1->{app}, $c2->{app}, $c3->{app});
my %C = (c1 => $c1, c2 => $c2, c3 => $c3, c4 => $c4);
my $city = $rv->b('city');
my $prov = $rv->b('province');

sub names {
	my ($t) = @_;
	return join(' ', grep { index($t, $C{$_}{name}) >= 0 } sort keys %C);
}
sub reports { $s->count('SELECT COUNT(*) FROM reports') }
sub post_report {
	my ($b, %f) = @_;
	return $b->post('/admin/report', { csrf => $b->csrf('/home'), %f },
	    accept => 'xml');
}

# The page before any window: no form; a report refused, in Chinese.
my $r = $city->get('/admin/report', accept => 'xml');
is($r->status, 200, 'city: 汇总上报');
$valid->($r, 'city: the page without a window');
is($r->xpath('/report/mine/@approved'), 2, 'city: 2 approved in its subtree');
ok(!$r->nodes('/report/form'), 'no form without a window');
$r = post_report($city, confirm => 1);
is($r->status, 409, 'no window: refused');
like($r->xpath('/report/form/message'), qr/尚未设置汇总上报时间/, 'and why');
$valid->($r, 'the refusal');
$rv->window('report', 'past');
$r = post_report($city, confirm => 1);
is($r->status, 409, 'a past window: refused');
like($r->xpath('/report/form/message'), qr/当前不在汇总上报时间内/, 'naming the window');
is(reports(), 0, 'nothing stored');

# The window open: the form, confirmed first.
$rv->window('report', 'open');
$r = $city->get('/admin/report', accept => 'xml');
ok($r->nodes('/report/form[@action = "/admin/report"]'), 'the form in the window');
like($city->get('/admin/report', accept => 'html')->text, qr/已核对名册，确认将以上 2 人汇总上报/,
    'the page asks to confirm the count');
for my $bad ([], [confirm => 0], [confirm => 'yes']) {
	$r = post_report($city, @$bad);
	is($r->status, 400, "confirm '@$bad': 400");
	like($r->xpath('/report/form/message'), qr/请先核对名册/, 'with the message');
}
is(reports(), 0, 'nothing stored');

# The report: 303, the snapshot, its count and hash.
$r = post_report($city, confirm => 1);
is($r->status, 303, 'the city reports');
like($r->header('location'), qr{^/admin/report\?m=reported$}, 'back to the page');
my ($id, $n, $digest, $state) = $dbh->selectrow_array(q{SELECT id, nrows,
    digest, state FROM reports WHERE unit_id = ?}, undef, $rv->unit_id('ZZCITY'));
is($n, 2, 'two rows reported');
is($state, 'reported', 'standing');
is($s->count('SELECT COUNT(*) FROM report_rows WHERE report_id = ?', $id), 2,
    'two rows copied');
# The hash from the database's own rows, as printed (report.c).
my $rows = $dbh->selectall_arrayref(q{SELECT a.id, c.name, u.code, w.name,
    DATE_FORMAT(a.decided_at, '%Y-%m-%d') FROM applications a JOIN accounts c
    ON c.id = a.account_id JOIN units u ON u.id = a.unit_id JOIN worktypes w
    ON w.code = a.target_worktype WHERE a.id IN (?, ?) ORDER BY u.code, a.id},
    undef, $c1->{app}, $c2->{app});
my %idno = map { ($_->{app} => $_->{idno}) } $c1, $c2;
my $text = '';
my $i = 0;
for my $row (@$rows) {
	$i++;
	$text .= join("\t", $i, $row->[0], $row->[1], $idno{ $row->[0] }, $row->[2],
	    $row->[3], '四级（中级工）', '按岗位等级证书', $row->[4]) . "\n";
}
is($digest, sha256_hex(encode('UTF-8', $text)), 'the hash of the rows as printed');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'report.submit'
    AND object = ?}, "report:$id"), 1, 'audited');

# Reporting again is refused while the report stands.
$r = post_report($city, confirm => 1);
is($r->status, 409, 'reporting again: refused');
like($r->xpath('/report/form/message'), qr/已汇总上报.*省工考办退回/, 'and why');
is(reports(), 1, 'no second report');
$r = $city->get('/admin/report', accept => 'xml');
$valid->($r, 'city: the page once reported');
is($r->xpath('/report/mine/@stands'), 1, 'the report stands');
is($r->xpath('/report/mine/report[1]/@rows'), 2, 'its rows on the page');
is($r->xpath('/report/mine/report[1]/@digest'), $digest, 'its hash on the page');
ok(!$r->nodes('/report/form'), 'no form');

# Later changes leave the snapshot as it was.
$dbh->do(q{UPDATE applications SET state = 'rejected' WHERE id = ?}, undef, $c1->{app});
$dbh->do(q{UPDATE accounts SET name = '改名后' WHERE id = ?}, undef, $c2->{acct});
$r = $city->get("/admin/report?id=$id", accept => 'xml');
is($r->status, 200, 'the snapshot');
$valid->($r, 'the snapshot page');
is(join(' ', sort map { $_->getAttribute('name') } $r->nodes('/report/list/row')),
    join(' ', sort $c1->{name}, $c2->{name}), 'its rows as reported');
is($r->xpath('/report/snapshot/@digest'), $digest, 'its hash');
my $pdf = $city->get("/admin/report.pdf?id=$id");
is($pdf->status, 200, 'the snapshot\'s PDF');
my $p = GKBM::Print::pdf($pdf->body);
is(names($p->{text}), 'c1 c2', 'the PDF has the rows as reported');
unlike($p->{text}, qr/改名后/, 'not the later name');
like($p->{text}, qr/上报时间/, 'with the time reported');
is($p->{size}, '841.89 x 595.276 pts (A4)', 'A4 landscape');
my $x = GKBM::Print::xlsx($city->get("/admin/report.xlsx?id=$id")->body);
is_deeply([sort map { $_->[3] } @$x[1 .. $#$x]], [sort $c1->{idno}, $c2->{idno}],
    'the XLSX has the rows as reported');
$dbh->do(q{UPDATE accounts SET name = ? WHERE id = ?}, undef, $c2->{name}, $c2->{acct});

# 省直: the supervising unit of the province's region reports its own.
is(post_report($rv->b('szsup'), confirm => 1)->status, 303, '省直 reports');
is($s->count(q{SELECT nrows FROM reports WHERE unit_id = ?}, $rv->unit_id('SZSUP')), 1,
    '省直: its one row');

# The menu offers 汇总上报 to the offices that report and to the
# province: 省直's supervising unit too, another supervising unit not
# (asked after 省直, on the same page: a menu kept per role alone would
# give it 省直's).
for my $k (qw(szsup supervising jssup city province county)) {
	my $h = $rv->b($k)->get('/home', accept => 'html');
	is($h->status, 200, "$k: home");
	my $has = $h->body =~ m{<a [^>]*href="/admin/report"} ? 1 : 0;
	is($has, ($k =~ /^(szsup|city|province)$/ ? 1 : 0),
	    "$k: 汇总上报 " . ($k =~ /^(szsup|city|province)$/ ? 'in' : 'not in') .
	    ' the menu');
}

# Who may not: another supervising unit, a unit, a county (403); another
# city sees nothing of this report (404).
for my $k (qw(supervising jssup)) {
	$r = $rv->b($k)->get('/admin/report', accept => 'html');
	is($r->status, 403, "$k: 403");
	like($r->text, qr/由市工考办和省直主管单位办理/, "$k: and why");
	is(post_report($rv->b($k), confirm => 1)->status, 403, "$k: cannot report");
}
for my $k (qw(unit county reviewer)) {
	is($rv->b($k)->get('/admin/report')->status, 403, "$k: 403");
}
for my $path ("/admin/report?id=$id", "/admin/report.pdf?id=$id", "/admin/report.xlsx?id=$id") {
	is($rv->b('kfcity')->get($path, accept => 'html')->status, 404, "kfcity $path: 404");
	is($rv->b('szsup')->get($path, accept => 'html')->status, 404, "szsup $path: 404");
}
is(reports(), 2, 'nothing more stored');

# Wrong parameters of the pages.
for my $q ('id=abc', 'id=0', 'page=x') {
	$r = $city->get("/admin/report?$q", accept => 'xml');
	is($r->status, 400, "?$q: 400");
	like($r->xpath('/report/form/message'), qr/上报记录编号不正确|页码应为正整数/, "?$q: the message");
}
for my $q ('', 'id=abc', 'id=0') {
	$r = $prov->get("/admin/report.pdf?$q", accept => 'html');
	is($r->status, 400, "report.pdf?$q: 400");
	like($r->text, qr/上报记录编号|汇总上报页面/, "report.pdf?$q: the message");
}
is($prov->get('/admin/report.pdf?id=999999', accept => 'html')->status, 404,
    'no such report: 404');

# The province: who has reported and when; each snapshot opens.
$r = $prov->get('/admin/report', accept => 'xml');
is($r->status, 200, 'the province\'s page');
$valid->($r, 'the province\'s page');
is($r->xpath('/report/reporters/unit[@code = "ZZCITY"]/@state'), 'reported', '郑州 reported');
is($r->xpath('/report/reporters/unit[@code = "ZZCITY"]/@rows'), 2, 'with 2 rows');
ok($r->xpath('/report/reporters/unit[@code = "ZZCITY"]/@at'), 'and when');
ok(!$r->xpath('/report/reporters/unit[@code = "KFCITY"]/@state'), '开封 not yet');
is($r->xpath('/report/reporters/unit[@code = "SZSUP"]/@state'), 'reported', '省直 reported');
ok(!$r->nodes('/report/reporters/unit[@code = "ZZSUP"]'), 'a city\'s supervising unit is no reporter');
is(names(GKBM::Print::pdf($prov->get("/admin/report.pdf?id=$id")->body)->{text}),
    'c1 c2', 'the province opens the PDF');

# Reopen: the reason required, audited; then the city reports again.
my $reopen = sub {
	my (%f) = @_;
	return $prov->post('/admin/report/reopen', { csrf => $prov->csrf('/home'),
	    %f }, accept => 'xml');
};
for my $bad ([id => $id], [id => $id, reason => 'x'], [id => $id, reason => 'y' x 201],
    [reason => '名册有误'], [id => 'abc', reason => '名册有误']) {
	my %f = @$bad;
	$r = $reopen->(%f);
	is($r->status, 400, 'reopen ' . join(',', map { "$_=" . substr($f{$_}, 0, 5) } sort keys %f) . ': 400');
	like($r->xpath('/report/form/message'), qr/退回原因|上报记录/, 'with the message');
}
$r = $reopen->(id => 999999, reason => '名册有误');
is($r->status, 404, 'reopen no such report: 404');
is($s->count(q{SELECT COUNT(*) FROM reports WHERE state = 'reopened'}), 0, 'nothing reopened');
is($city->post('/admin/report/reopen', { csrf => $city->csrf('/home'), id => $id,
    reason => '自己退回' })->status, 403, 'a city cannot reopen');
$r = $reopen->(id => $id, reason => '郑州市名册有误，请核对后重新上报。');
is($r->status, 303, 'the province reopens');
is($s->count('SELECT state FROM reports WHERE id = ?', $id), 'reopened', 'reopened');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'report.reopen'
    AND object = ? AND reason LIKE '郑州市名册有误%'}, "report:$id"), 1,
    'audited with the reason');
is($reopen->(id => $id, reason => '再次退回')->status, 409, 'reopening twice: 409');
$r = $city->get('/admin/report', accept => 'xml');
$valid->($r, 'city: the page once reopened');
like($r->xpath('/report/mine/report[@id = ' . $id . ']/reason'), qr/郑州市名册有误/,
    'the city sees why');
ok($r->nodes('/report/form'), 'and may report again');
is(post_report($city, confirm => 1)->status, 303, 'the city reports again');
is($s->count(q{SELECT nrows FROM reports WHERE unit_id = ? ORDER BY id DESC LIMIT 1},
    $rv->unit_id('ZZCITY')), 1, 'the new report: c1 was rejected since');
is($s->count('SELECT nrows FROM reports WHERE id = ?', $id), 2, 'the old one unchanged');

$s->finish;
done_testing;
