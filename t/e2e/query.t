# query.t: 报名信息查询 (/admin/query, /admin/query.xlsx) and 信息统计
# (/admin/stats, /admin/stats.xlsx) for every admin role, inside and
# outside its subtree: what each sees, every filter sent wrong, the
# spreadsheets read back by an independent reader (Spreadsheet::ParseXLSX)
# and compared with the database, the counts compared with SQL of their
# own, the exports audited.
use strict;
use warnings;
use utf8;

use DBI;
use Encode ();
use Test::More;
use GKBM;
use GKBM::Review;

my $rv = GKBM::Review->start(workers => 2);
my $s = $rv->s;
my $Y = $s->year;
my $dbh = $s->dbh;

my $query_ok = GKBM::rng_validator('query');
my $stats_ok = GKBM::rng_validator('stats');

# Three candidates: 郑州 (ZZBAS), 金水区 (JSBAS), 省直 (SZBAS).
my $c1 = $rv->candidate('ZZBAS');
my $c2 = $rv->candidate('JSBAS');
my $c3 = $rv->candidate('SZBAS');
my %C = (c1 => $c1, c2 => $c2, c3 => $c3);
# c1 passed by its unit (waits at 主管单位), c2 approved at level 3 with
# a certificate route and 容缺后补, c3 left waiting at its unit.
is($rv->decide('unit', $c1->{app}, 'pass')->status, 303, 'the unit passes c1');
$dbh->do(q{UPDATE applications SET state = 'approved', target_level = 3,
    route = 'years', defer_state = 1, wait_unit_id = NULL,
    wait_step = NULL, wait_level = NULL, wait_since = NULL WHERE id = ?},
    undef, $c2->{app});

# The previous year: one approved application in ZZBAS.
$s->admin('year', $Y - 1, ($Y - 1) . '年度');
$s->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate', $Y - 1,
    GKBM::idno('410105', '19750505', '555'), '去年人', '13900000555',
    '410100', '4');
my $old = $s->count(q{SELECT id FROM accounts WHERE name = '去年人'});
$dbh->do(q{INSERT INTO applications (account_id, year, state, unit_id,
    target_level, target_worktype, submitted_at, created_at, updated_at)
    SELECT ?, ?, 'approved', u.id, 4, w.code, NOW(), NOW(), NOW() FROM units u,
    (SELECT MIN(code) code FROM worktypes) w WHERE u.code = 'ZZBAS'},
    undef, $old, $Y - 1);

# --- who sees what --------------------------------------------------------------

# The applications of this year each key sees, by its own SQL.
my %SEES = (
	province => [qw(c1 c2 c3)], city => [qw(c1 c2)], county => [qw(c2)],
	supervising => [qw(c1)], unit => [qw(c1)], jsunit => [qw(c2)],
	jssup => [qw(c2)], szunit => [qw(c3)], szsup => [qw(c3)],
	kfcity => [],
);
for my $k (sort keys %SEES) {
	my $r = $rv->b($k)->get('/admin/query', accept => 'xml');
	is($r->status, 200, "$k: GET /admin/query");
	$query_ok->($r, "$k /admin/query");
	my @got = sort map { $_->getAttribute('id') } $r->nodes('/query/list/row');
	my @want = sort map { $C{$_}{app} } @{ $SEES{$k} };
	is("@got", "@want", "$k: sees exactly " . (join(',', @{ $SEES{$k} }) || 'nothing'));
	is($r->xpath('/query/list/@total'), scalar(@want), "$k: total");
	ok(!grep({ $_->getAttribute('idno') !~ /^\d{6}\*{8}\d{3}[\dX]$/ }
	    $r->nodes('/query/list/row')), "$k: every ID number masked");
}
# The HTML page, with the menu entry.
{
	my $r = $rv->b('city')->get('/admin/query', accept => 'html');
	like($r->text, qr{<a href="/admin/query"[^>]*>报名信息查询</a>}, 'the menu has 报名信息查询');
	like($r->text, qr{<a href="/admin/stats"[^>]*>信息统计</a>}, '... and 信息统计');
	like($r->text, qr{\Q$c2->{name}\E.*容缺后补}s, 'the page lists c2 with its 容缺后补 tag');
}

# The reviewer and the candidate are refused every page and export.
for my $path (qw(/admin/query /admin/query.xlsx /admin/stats /admin/stats.xlsx)) {
	is($rv->b('reviewer')->get($path, accept => 'xml')->status, 403,
	    "reviewer: $path refused");
	my $r = $c1->{b}->get($path);
	is($r->status, 403, "candidate: $path refused");
	unlike($r->body, qr/\Q$c2->{name}\E/, "candidate: $path leaks nothing");
}

# --- filters ------------------------------------------------------------------

# q(KEY, QUERY): the ids KEY's query finds.
sub found {
	my ($k, $qs) = @_;
	(my $enc = Encode::encode('UTF-8', $qs)) =~ s/([^\x21-\x7e])/sprintf('%%%02X', ord $1)/ge;
	my $r = $rv->b($k)->get("/admin/query?$enc", accept => 'xml');
	is($r->status, 200, "$k ?$qs: 200") or diag($r->text);
	return join(' ', sort map { $_->getAttribute('id') } $r->nodes('/query/list/row'));
}
is(found('province', "who=$c1->{idno}"), $c1->{app}, 'by ID number (exact)');
is(found('province', 'who=' . lc $c1->{idno}), $c1->{app}, '... an x written small');
is(found('province', "who=$c1->{name}"), $c1->{app}, 'by name (exact)');
is(found('province', 'who=' . substr($c1->{name}, 0, 2)), '', 'part of a name finds nothing');
is(found('province', 'state=approved'), $c2->{app}, 'by state');
is(found('province', 'level=3'), $c2->{app}, 'by level');
is(found('province', 'route=certificate'), join(' ', sort map { $_->{app} } grep {
    $s->count('SELECT route FROM applications WHERE id = ?', $_->{app}) eq 'certificate' } $c1, $c2, $c3),
    'by route (certificate)');
is(found('province', 'route=years'), join(' ', sort map { $_->{app} } grep {
    ($s->count('SELECT route FROM applications WHERE id = ?', $_->{app}) // '') eq 'years' } $c1, $c2, $c3),
    'by route (years)');
is(found('province', 'deferred=yes'), $c2->{app}, 'by 容缺后补');
is(found('province', 'deferred=no'), join(' ', sort($c1->{app}, $c3->{app})), '... and without');
is(found('city', 'unit=ZZBAS'), $c1->{app}, 'by unit (the city, its own unit)');
is(found('city', 'region=410105'), $c2->{app}, 'by region (a county of the city)');
is(found('province', 'region=410100'), join(' ', sort($c1->{app}, $c2->{app})), 'by region (a city)');
my $today = $s->count(q{SELECT DATE_FORMAT(NOW(), '%Y-%m-%d')});
is(found('province', "from=$today&to=$today"), join(' ', sort map { $_->{app} } $c1, $c2, $c3),
    'submitted between (today)');
is(found('province', 'to=2000-01-01'), '', '... and before 2000');
my $wt = $s->count('SELECT target_worktype FROM applications WHERE id = ?', $c1->{app});
is(found('province', "wt=$wt"), join(' ', sort map { $_->{app} } grep {
    $s->count('SELECT target_worktype FROM applications WHERE id = ?', $_->{app}) eq $wt }
    $c1, $c2, $c3), 'by work type');
is(found('province', 'year=' . ($Y - 1)), $s->count(q{SELECT id FROM applications WHERE year = ?}, $Y - 1),
    'another year');

# Every filter sent wrong: 400, its message in the page, no row.
my @WRONG = (
	['year=20x6', '报考年度应为2000至2100'],
	['year=1999', '报考年度应为2000至2100'],
	['state=waiting', '报名状态应为'],
	['level=6', '申报等级应为一级至五级'],
	['route=exam', '申报方式应为按工作年限或按岗位等级证书'],
	['wt=NOPE', '没有这个工种'],
	['unit=NOSUCH', '本辖区内没有这个单位编码'],
	['unit=SZBAS', '本辖区内没有这个单位编码'],		# outside the city
	['region=4101', '本辖区内没有这个地区代码'],
	['region=410200', '本辖区内没有这个地区代码'],		# 开封: outside
	['from=2026-13-01', '提交日期（起）应为'],
	['to=yesterday', '提交日期（止）应为'],
	['from=2026-03-02&to=2026-03-01', '提交日期（起）不能晚于提交日期（止）'],
	['paid=yes', '网上缴费尚未开通'],
	['deferred=maybe', '容缺后补应为是或否'],
	['who=41010519900307123', '身份证号不正确'],
	["who=%3Cb%3E", '请输入完整的姓名或18位身份证号'],
	['page=0', '页码应为正整数'],
);
for my $w (@WRONG) {
	my ($qs, $msg) = @$w;
	my $r = $rv->b('city')->get("/admin/query?$qs", accept => 'xml');
	is($r->status, 400, "wrong $qs: 400");
	like($r->text, qr/\Q$msg\E/, "wrong $qs: says $msg");
	is(scalar(my @rows = $r->nodes('/query/list/row')), 0, "wrong $qs: no row");
	$query_ok->($r, "wrong $qs") if $qs eq 'paid=yes';
	my $x = $rv->b('city')->get("/admin/query.xlsx?$qs");
	is($x->status, 400, "wrong $qs: the export refused too");
	unlike($x->content_type, qr/spreadsheet/, "wrong $qs: no spreadsheet");
}
{
	my $r = $rv->b('city')->get('/admin/query?wt=NOPE', accept => 'html');
	like($r->text, qr{class="error" id="f-wt-err">查询条件不正确：没有这个工种},
	    'the HTML page puts the message under its filter');
}

# --- the export ---------------------------------------------------------------------

require Spreadsheet::ParseXLSX;
my $TMP = $s->dir;

# sheets(RESPONSE): { sheet name => [[cells]...] } read back from the file.
sub sheets {
	my ($r) = @_;
	my $f = "$TMP/x.xlsx";
	open(my $fh, '>:raw', $f) or die "$f: $!";
	print $fh $r->body;
	close $fh;
	my $wb = Spreadsheet::ParseXLSX->new->parse($f) or return {};
	my %out;
	for my $ws ($wb->worksheets) {
		my ($r0, $r1) = $ws->row_range;
		my ($c0, $c1) = $ws->col_range;
		for my $i ($r0 .. $r1) {
			push @{ $out{ $ws->get_name } }, [map {
				my $c = $ws->get_cell($i, $_);
				$c ? [$c->value, $c->type] : ['', 'Text'];
			} $c0 .. $c1];
		}
	}
	return \%out;
}

my $before = $s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'query.export'});
my $x = $rv->b('province')->get('/admin/query.xlsx');
is($x->status, 200, 'province: the export');
like($x->content_type, qr{^application/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet}, '... as XLSX');
like($x->header('content-disposition'), qr{attachment; filename="query-$Y\.xlsx"; filename\*=UTF-8''%E6%8A%A5%E5%90%8D}, '... named in UTF-8');
my $wb = sheets($x);
my $rows = $wb->{'报名信息'} or BAIL_OUT('no sheet 报名信息');
is(join('|', map { $_->[0] } @{ $rows->[0] }), '序号|姓名|身份证号|性别|单位编码|所在单位|所在地区|申报工种|申报等级|申报方式|报名状态|待审核单位|提交时间|容缺后补', 'the header row');
is(scalar(@$rows) - 1, 3, 'three rows, as the query');
my %byname = map { $_->[1][0] => $_ } @$rows[1 .. $#$rows];
for my $k (qw(c1 c2 c3)) {
	my $row = $byname{ $C{$k}{name} };
	ok($row, "$k in the export") or next;
	is($row->[2][0], $C{$k}{idno}, "$k: the full ID number (an office)");
	is($row->[2][1], 'Text', "$k: ... as a text cell");
	my $ucode = $s->count('SELECT u.code FROM applications a JOIN units u ON u.id = a.unit_id WHERE a.id = ?', $C{$k}{app});
	is($row->[4][0], $ucode, "$k: its unit code");
	my ($st) = $dbh->selectrow_array('SELECT state FROM applications WHERE id = ?', undef, $C{$k}{app});
	is($row->[10][0], { submitted => '审核中', approved => '终审通过' }->{$st}, "$k: its state");
}
is($byname{ $c1->{name} }[11][0], '主管单位', 'c1 waits at 主管单位');
is($byname{ $c2->{name} }[13][0], '是', 'c2: 容缺后补');
is($byname{ $c2->{name} }[8][0], '三级（高级工）', 'c2: its level');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'query.export'}), $before + 1, 'the export is audited');
is($s->count(q{SELECT reason FROM audit WHERE event = 'query.export' ORDER BY id DESC LIMIT 1}),
    'rows=3 idno=full', '... with its row count and the full ID numbers');
is($s->count(q{SELECT object FROM audit WHERE event = 'query.export' ORDER BY id DESC LIMIT 1}),
    "year=$Y", '... and its year');

# A unit admin's export: its own row, the ID number masked.
$x = $rv->b('unit')->get('/admin/query.xlsx');
$rows = sheets($x)->{'报名信息'};
is(scalar(@$rows) - 1, 1, 'unit: one row');
is($rows->[1][1][0], $c1->{name}, 'unit: c1');
like($rows->[1][2][0], qr/^\d{6}\*{8}\d{3}[\dX]$/, 'unit: the ID number masked');
is($s->count(q{SELECT reason FROM audit WHERE event = 'query.export' ORDER BY id DESC LIMIT 1}),
    'rows=1 idno=masked', 'unit: audited as masked');
# Filtered: the city's export of one region.
$rows = sheets($rv->b('city')->get('/admin/query.xlsx?region=410105'))->{'报名信息'};
is(join(',', map { $_->[1][0] } @$rows[1 .. $#$rows]), $c2->{name}, 'city: the export follows the filter');
is($s->count(q{SELECT reason FROM audit WHERE event = 'query.export' ORDER BY id DESC LIMIT 1}),
    'rows=1 idno=full region=410105', '... audited with its filter');
$rv->b('city')->get("/admin/query.xlsx?who=$c1->{idno}");
is($s->count(q{SELECT reason FROM audit WHERE event = 'query.export' ORDER BY id DESC LIMIT 1}),
    'rows=1 idno=full who=idno', '... an ID number asked for is not recorded');
# Outside its subtree: nothing.
$rows = sheets($rv->b('kfcity')->get('/admin/query.xlsx'))->{'报名信息'};
is(scalar(@$rows), 1, 'kfcity: the header and no row');
is($rv->b('kfcity')->get("/admin/query.xlsx?who=$c1->{idno}")->status, 200, 'kfcity: asking for c1 ...');
$rows = sheets($rv->b('kfcity')->get("/admin/query.xlsx?who=$c1->{idno}"))->{'报名信息'};
is(scalar(@$rows), 1, '... finds nothing');

# --- statistics ---------------------------------------------------------------------

# The counts of a subtree by SQL of its own: WHERE on units u.
my %SCOPE = (
	province => '1 = 1',
	city => "u.city_code = '410100'",
	county => "u.county_code = '410105'",
	supervising => "(u.code = 'ZZSUP' OR u.parent_id = (SELECT id FROM units WHERE code = 'ZZSUP'))",
	unit => "u.code = 'ZZBAS'",
	kfcity => "u.city_code = '410200'",
);
sub sqlcount {
	my ($k, $year, $extra) = @_;
	return $s->count("SELECT COUNT(*) FROM applications a JOIN units u ON u.id = a.unit_id " .
	    "WHERE a.year = ? AND $SCOPE{$k}" . ($extra ? " AND $extra" : ''), $year);
}
for my $k (sort keys %SCOPE) {
	my $r = $rv->b($k)->get('/admin/stats', accept => 'xml');
	is($r->status, 200, "$k: GET /admin/stats");
	$stats_ok->($r, "$k /admin/stats");
	is($r->xpath('/stats/total/@n'), sqlcount($k, $Y), "$k: the total");
	for my $st (qw(submitted approved draft)) {
		is($r->xpath("/stats/bystate/row[\@state = '$st']/\@n"),
		    sqlcount($k, $Y, "a.state = '$st'"), "$k: $st");
	}
	is($r->xpath("/stats/bystate/row[\@state = 'approved']/\@l3"),
	    sqlcount($k, $Y, "a.state = 'approved' AND a.target_level = 3"), "$k: approved at level 3");
	my $wsum = 0;
	$wsum += $_->getAttribute('n') for $r->nodes('/stats/byworktype/row');
	is($wsum, sqlcount($k, $Y), "$k: the work types add up");
	my $usum = 0;
	$usum += $_->getAttribute('n') for $r->nodes('/stats/byunit/row');
	is($usum, sqlcount($k, $Y), "$k: the units add up");
	if ($k eq 'province') {
		is($r->xpath('/stats/@prev'), $Y - 1, 'province: the previous year beside');
		is($r->xpath('/stats/total/@p'), sqlcount($k, $Y - 1), 'province: its total');
		is($r->xpath("/stats/bystate/row[\@state = 'approved']/\@p"),
		    sqlcount($k, $Y - 1, "a.state = 'approved'"), 'province: last year approved');
		is($r->xpath("/stats/byregion/row[\@code = '410100']/\@n"),
		    sqlcount($k, $Y, "u.city_code = '410100'"), 'province: 郑州');
		is($r->xpath("/stats/byregion/row[\@code = '']/\@n"),
		    sqlcount($k, $Y, 'u.city_code IS NULL'), 'province: 省直');
	} else {
		ok(!defined $r->xpath('/stats/@prev'), "$k: no previous year");
	}
	if ($k eq 'city') {
		is($r->xpath("/stats/byregion/row[\@code = '410105']/\@n"), 1, 'city: 金水区 by region');
	}
}
{
	my $r = $rv->b('province')->get('/admin/stats', accept => 'html');
	like($r->text, qr{<svg xmlns="http://www.w3.org/2000/svg" class="bars"}, 'the bars are SVG');
	like($r->text, qr{<rect x="150" y="\d+" height="16" class="bar-now" width="\d+"}, '... with a bar per row');
	like($r->text, qr{class="bar-prev"}, '... and the previous year');
	my $w = $rv->b('province')->get('/admin/stats?year=abc', accept => 'xml');
	is($w->status, 400, 'stats: a wrong year 400');
	like($w->text, qr/报考年度应为2000至2100/, '... says why');
	ok(!$w->nodes('/stats/total'), '... and counts nothing');
	is($rv->b('province')->get('/admin/stats.xlsx?year=abc')->status, 400, '... the export too');
}
# The snapshot: within a minute the counts are shown as counted (and
# when); an older snapshot is counted again, unless another worker is
# counting (its lock held), when the old one is shown meanwhile.
{
	my $b = $rv->b('city');
	my $n0 = $b->get('/admin/stats', accept => 'xml')->xpath('/stats/total/@n');
	my $c4 = $rv->candidate('ZZBAS');
	my $r = $b->get('/admin/stats', accept => 'xml');
	is($r->xpath('/stats/total/@n'), $n0, 'city: a snapshot under a minute old is shown');
	like($r->xpath('/stats/@counted'), qr/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/, '... saying when it was counted');
	my $city = $s->count(q{SELECT id FROM units WHERE code = 'ZZCITY'});
	$dbh->do('UPDATE stats_snapshot SET made_at = made_at - INTERVAL 2 MINUTE WHERE unit_id = ?', undef, $city);
	my $lock = "gkbm-stats-$city-$Y";
	# A connection of its own holds the lock, as a worker counting would.
	my $dbh2 = DBI->connect("DBI:MariaDB:database=$s->{dbname};mariadb_socket=$s->{dbsock}",
	    $s->{admin_user}, $s->{admin_pw}, { RaiseError => 1 });
	is($dbh2->selectrow_array('SELECT GET_LOCK(?, 0)', undef, $lock), 1, 'another counts (holds the lock)');
	$r = $b->get('/admin/stats', accept => 'xml');
	is($r->xpath('/stats/total/@n'), $n0, '... the old snapshot is shown meanwhile');
	$dbh2->do('SELECT RELEASE_LOCK(?)', undef, $lock);
	$r = $b->get('/admin/stats', accept => 'xml');
	is($r->xpath('/stats/total/@n'), $n0 + 1, 'the lock free, an old snapshot is counted again');
	is($r->xpath('/stats/total/@n'), sqlcount('city', $Y), '... as SQL counts');
	$stats_ok->($r, 'city /admin/stats counted again');
}
{
	my $x = $rv->b('province')->get('/admin/stats.xlsx');
	is($x->status, 200, 'province: the statistics export');
	my $wb = sheets($x);
	is(join(',', sort keys %$wb), join(',', sort qw(状态与等级 按工种 按地区 按单位)), 'its sheets');
	my ($tot) = grep { $_->[0][0] eq '合计' } @{ $wb->{'状态与等级'} };
	is($tot->[7][0], sqlcount('province', $Y), 'the total, as a number');
	is($tot->[7][1], 'Numeric', '... in a number cell');
	is($tot->[8][0], sqlcount('province', $Y - 1), 'the previous year');
	my $u = 0;
	$u += $_->[2][0] for @{ $wb->{'按单位'} }[1 .. $#{ $wb->{'按单位'} }];
	is($u, sqlcount('province', $Y), 'the units add up');
	is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'stats.export'}), 1, 'audited');
	my $k = sheets($rv->b('county')->get('/admin/stats.xlsx'));
	ok(!$k->{'按地区'}, 'a county: no region sheet');
	is(scalar(@{ $k->{'按单位'} }) - 1, 1, 'a county: its one unit');
}

# A big count (at least 1,000) is kept by the worker for seconds while
# the rows are read fresh: 1,000 applications more in 省直 (SZBAS).
{
	$dbh->do(q{INSERT INTO accounts (role, year, name, idno_mac, region_code,
	    level, pw_hash, pw_changed_at, created_at) SELECT 'candidate', ?,
	    '批量人', UNHEX(SHA2(CONCAT('query-t:', seq), 256)), '410100', 4, '!',
	    NOW(), NOW() FROM seq_1_to_1000}, undef, $Y);
	$dbh->do(q{INSERT INTO applications (account_id, year, state, unit_id,
	    target_level, created_at, updated_at) SELECT a.id, ?, 'draft', u.id,
	    4, NOW(), NOW() FROM accounts a, units u WHERE a.name = '批量人'
	    AND u.code = 'SZBAS'}, undef, $Y);
	my $want = $s->count('SELECT COUNT(*) FROM applications a JOIN units u ON u.id = a.unit_id WHERE a.year = ?', $Y);
	my $b = $rv->b('szsup');
	my $n = $b->get('/admin/query', accept => 'xml')->xpath('/query/list/@total');
	ok($n >= 1000, "szsup: $n applications");
	# Each worker (2) counts once and keeps it (accept takes turns).
	$b->get('/admin/query', accept => 'xml') for 1 .. 10;
	my $c5 = $rv->candidate('SZBAS');
	my $r = $b->get('/admin/query', accept => 'xml');
	is($r->xpath('/query/list/@total'), $n, 'the big count is kept for seconds');
	is($r->xpath('/query/list/row[1]/@id'), $c5->{app}, '... the rows read fresh (the new one first)');
	my $small = $b->get('/admin/query?state=submitted', accept => 'xml');
	is($small->xpath('/query/list/@total'), 2, 'a small count is always counted');
}

$s->finish;
done_testing;
