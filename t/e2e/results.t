# results.t: 考核结果 (issue 10 §5; fcgi/model/result.c, resimport.c,
# fcgi/pages/exam/h_res*.c, h_result.c, gkbm-admin pass-line,
# import-results, publish-results): pass lines (wrong values refused,
# nothing stored); a results file with bad rows of every kind stores
# nothing and names each row and reason; a good file (CSV, then XLSX
# replacing it before publication); publication refused while a seated
# level/work type has no line, then done; a file after publication
# refused; the candidate's page (pass: 考核通过 alone; fail: scores and
# lines; absent; no seat; window closed); 复核 asked wrong (no reason,
# too long, a passer, absent, twice, too late) and right, answered with a
# corrected score (passed again, a 站内消息); 考核结果查询 in the office's
# subtree (another refused), its filters and the XLSX read back.
#
# The seats come from plain SQL (the plan helper's allocator is not in
# this branch): a site, a room, a session, a run and one seat each.
use strict;
use warnings;
use utf8;

use Encode qw(encode decode);
use File::Temp qw(tempdir);
use Test::More;
use GKBM;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $PW = 'Staff#2026ab';
my $CPW = 'Passw0rdx9';
my $MKXLSX = GKBM::top_builddir() . '/t/tools/mkxlsx';
my $TMP = tempdir('gkbm-results-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my %valid = map { $_ => GKBM::rng_validator($_) }
    qw(results reslines resimport rechecks result);

$s->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
my %staff = $s->create_staff($PW, qw(city kfcity county));
my %b = $s->staff_browsers($PW, %staff);
my $dbh = $s->dbh;
sub n { $s->count(@_) }
sub unit_id { n('SELECT id FROM units WHERE code = ?', $_[0]) }

# --- the fixtures: candidates approved, seated ---------------------------------

my $yy = sprintf('%02d', $Y % 100);
$dbh->do(q{INSERT INTO exam_runs (year, region_code, admitted, kept, placed,
    short, run_at) VALUES (?, '410100', 5, 0, 5, 0, NOW())}, undef, $Y);
my $run = n('SELECT MAX(id) FROM exam_runs');
my %site;
for my $reg (qw(410100 410200)) {
	$dbh->do(q{INSERT INTO exam_sites (year, region_code, code, name, address,
	    updated_at) VALUES (?, ?, '01', '第一考点', '某路1号', NOW())}, undef,
	    $Y, $reg);
	my $sid = n('SELECT MAX(id) FROM exam_sites');
	$dbh->do(q{INSERT INTO exam_rooms (site_id, code, name, capacity,
	    updated_at) VALUES (?, '001', '第1考场', 30, NOW())}, undef, $sid);
	$dbh->do(q{INSERT INTO exam_sessions (year, region_code, code, starts_at,
	    ends_at, updated_at) VALUES (?, ?, '1', NOW(), NOW() + INTERVAL 2 HOUR,
	    NOW())}, undef, $Y, $reg);
	$site{$reg} = [n('SELECT MAX(id) FROM exam_rooms'),
	    n('SELECT MAX(id) FROM exam_sessions')];
}

# name => [idno, phone, region of the seat, unit, level, work type, seat]
my %C = (
	'张三' => [GKBM::idno('410105', '19800101', '011'), '13900000101',
	    '410100', 'ZZBAS', 4, 'W019', 1],
	'李四' => [GKBM::idno('410105', '19810202', '022'), '13900000102',
	    '410100', 'ZZBAS', 4, 'W019', 2],
	'王五' => [GKBM::idno('410105', '19820303', '033'), '13900000103',
	    '410100', 'ZZBAS', 3, 'W019', 3],
	'赵六' => [GKBM::idno('410105', '19830404', '044'), '13900000104',
	    '410100', 'ZZBAS', 4, 'W019', 4],
	'钱七' => [GKBM::idno('410205', '19840505', '055'), '13900000105',
	    '410200', 'KFCITY', 4, 'W019', 1],
	'孙八' => [GKBM::idno('410105', '19850606', '066'), '13900000106',
	    '410100', 'ZZBAS', 4, 'W019', 0],	# approved, no seat
);
my (%cb, %app, %acct, %ticket);
for my $name (sort keys %C) {
	my ($idno, $phone, $reg, $unit, $level, $wt, $seat) = @{ $C{$name} };
	$s->admin({ stdin => "$CPW\n" }, 'create-candidate', $Y, $idno, $name,
	    $phone, $reg, $level);
	($cb{$name}, $app{$name}, $acct{$name}) = $s->login_app($idno, $name,
	    $CPW);
	$dbh->do(q{UPDATE applications SET state = 'approved', unit_id = ?,
	    target_level = ?, target_worktype = ? WHERE id = ?}, undef,
	    unit_id($unit), $level, $wt, $app{$name});
	next unless $seat;
	$ticket{$name} = sprintf('%s%s1%s%s%02d', $yy, $reg, '01', '001', $seat);
	$dbh->do(q{INSERT INTO exam_seats (application_id, year, region_code,
	    session_id, room_id, seat, ticket_no, run_id, placed_at) VALUES (?, ?,
	    ?, ?, ?, ?, ?, ?, NOW())}, undef, $app{$name}, $Y, $reg,
	    $site{$reg}[1], $site{$reg}[0], $seat, $ticket{$name}, $run);
}

# GKBM_RESULTS_SAMPLES=DIR writes some documents there (t/xsl/data's
# samples of these pages were made so).
sub sample {
	my ($name, $r) = @_;
	my $d = $ENV{GKBM_RESULTS_SAMPLES} or return;
	open(my $fh, '>:raw', "$d/$name.xml") or die "$d/$name.xml: $!";
	print $fh $r->body;
	close $fh;
}
sub csv { encode('UTF-8', join("\r\n", @_) . "\r\n") }
my $HEAD = '准考证号,姓名,理论知识,操作技能,缺考';
sub upload {
	my ($who, $name, $bytes, %f) = @_;
	return $b{$who}->post_multipart('/admin/results/import',
	    { csrf => $b{$who}->csrf('/admin/results/import'), %f },
	    { file => [$name, $bytes, 'application/octet-stream'] },
	    accept => 'xml');
}
sub msg { join ' ', map { $_->textContent } $_[0]->nodes('//form/message | //form/field/error') }
sub results_n { n('SELECT COUNT(*) FROM exam_results') }
sub imports_n { n('SELECT COUNT(*) FROM exam_imports') }
sub xlsx {
	my ($name, @rows) = @_;
	my $f = "$TMP/$name";
	open(my $p, '|-', $MKXLSX, $f) or die "$MKXLSX: $!";
	print $p encode('UTF-8', join("\n", map { join("\t", @$_) } @rows) . "\n");
	close($p) or die "$MKXLSX failed";
	open(my $fh, '<:raw', $f) or die "$f: $!";
	local $/;
	return scalar <$fh>;
}

# --- 合格线 -------------------------------------------------------------------------

my $r = $b{province}->get('/admin/results/lines', accept => 'xml');
is($r->status, 200, 'the province opens 合格线');
$valid{reslines}->($r, 'lines, empty');
ok(scalar($r->nodes('/reslines/form')), '... with its form');
$r = $b{city}->get('/admin/results/lines', accept => 'xml');
is($r->status, 200, 'the city reads 合格线');
ok(!$r->nodes('/reslines/form'), '... without a form');
$r = $b{city}->post('/admin/results/lines', { csrf => $b{city}->csrf('/admin/results/lines'),
    level => 4, worktype => '', theory => 60, skill => 60 }, accept => 'xml');
is($r->status, 403, 'the city may not set a line');

my $pc = $b{province}->csrf('/admin/results/lines');
for my $bad (
    [{ level => 9, theory => 60, skill => 60 }, 'level', qr/一级至五级/],
    [{ level => '', theory => 60, skill => 60 }, 'level', qr/请选择等级/],
    [{ level => 4, worktype => 'ZZ99', theory => 60, skill => 60 }, 'worktype', qr/没有这个工种/],
    [{ level => 4, theory => 101, skill => 60 }, 'theory', qr/理论知识合格线应为0至100/],
    [{ level => 4, theory => '60.55', skill => 60 }, 'theory', qr/最多一位小数/],
    [{ level => 4, theory => 60, skill => 'abc' }, 'skill', qr/操作技能合格线应为0至100/],
    [{ level => 4, theory => 60, skill => '' }, 'skill', qr/请填写操作技能合格线/],
    [{ level => 4, theory => '-5', skill => 60 }, 'theory', qr/理论知识合格线/]) {
	my ($f, $field, $re) = @$bad;
	$r = $b{province}->post('/admin/results/lines', { csrf => $pc,
	    worktype => '', %$f }, accept => 'xml');
	is($r->status, 400, "line $field wrong: 400");
	like($r->xpath("//form/field[\@name='$field']/error") // '', $re,
	    "... the $field message") or diag($r->body);
	$valid{reslines}->($r, "line $field wrong");
}
sample('province-reslines-errors', $r);
is(n('SELECT COUNT(*) FROM exam_passlines'), 0, 'no wrong line stored');
$r = $b{province}->post('/admin/results/lines', { csrf => $pc, level => 4,
    worktype => '', theory => '60', skill => '60.0' }, accept => 'xml');
is($r->status, 303, 'the level-4 line saved') or diag($r->dump);
is(n(q{SELECT COUNT(*) FROM exam_passlines WHERE year = ? AND level = 4 AND
    worktype = '' AND theory = 60 AND skill = 60}, $Y), 1, '... stored');
is($s->last_audit('result.line')->{object}, "year=$Y level=4 wt=*", '... audited');
my ($rc, $out) = $s->admin({ may_fail => 1 }, 'pass-line', $Y, 6, '-', 60, 60);
isnt($rc, 0, 'gkbm-admin pass-line level 6: refused');
like($out, qr/一级至五级/, '... saying why');
($rc, $out) = $s->admin({ may_fail => 1 }, 'pass-line', $Y, 3, 'W019', '100.5', 60);
isnt($rc, 0, 'gkbm-admin pass-line 100.5: refused');
is(n('SELECT COUNT(*) FROM exam_passlines'), 1, 'nothing more stored');

# --- the import: bad rows ---------------------------------------------------------

$r = $b{city}->get('/admin/results/import', accept => 'xml');
is($r->status, 200, 'the city opens 成绩导入与公布');
$valid{resimport}->($r, 'import page');
is($r->xpath('/resimport/regions/region/@code'), '410100', '... its own region only');
is($r->xpath('/resimport/regions/region/@seated'), 4, '... with its four seats');
$r = $b{county}->get('/admin/results/import', accept => 'xml');
is($r->status, 403, 'a county may not import');
$r = $b{city}->get('/admin/results/import/template');
is($r->status, 200, 'the template');
like($r->content_type, qr/spreadsheetml/, '... an XLSX');

my $bad = csv($HEAD,
    "$ticket{'张三'},张三,85,90,",		# 2 good
    "2699999919999901,无名,80,80,",		# 3 unknown ticket
    "$ticket{'钱七'},钱七,80,80,",		# 4 another region
    "$ticket{'李四'},李五,50,50,",		# 5 name mismatch
    "$ticket{'王五'},王五,101,80,",		# 6 out of range
    "$ticket{'赵六'},赵六,abc,80,",		# 7 not a number
    "$ticket{'张三'},张三,85,90,",		# 8 duplicate
    "12345,某某,80,80,",			# 9 not 16 digits
    "$ticket{'赵六'},赵六,85.55,80,");	# 10 two decimals (and a duplicate)
$r = upload('city', 'bad.csv', $bad);
is($r->status, 400, 'a file with bad rows: 400');
$valid{resimport}->($r, 'bad rows');
my %err = map { $_->getAttribute('line') => $_->getAttribute('error') }
    $r->nodes('/resimport/report/row');
is(join(',', sort { $a <=> $b } keys %err), '3,4,5,6,7,8,9,10', 'every bad row listed, the good one not');
sample('city-resimport-errors', $r);
like($err{3}, qr/没有这个准考证号/, 'unknown ticket');
like($err{4}, qr/不是本次导入的地区/, 'a ticket of another region');
like($err{5}, qr/姓名与这个准考证号的考生不符/, 'name mismatch');
like($err{6}, qr/理论知识成绩应为0至100/, 'score out of range');
like($err{7}, qr/理论知识成绩应为0至100/, 'not a number');
like($err{8}, qr/与第2行重复/, 'duplicate ticket');
like($err{9}, qr/16位数字/, 'ticket not 16 digits');
like($err{10}, qr/与第7行重复/, 'the second 赵六 row is a duplicate');
like(msg($r), qr/共9行，其中8行有误.*没有导入任何成绩/, 'the summary says nothing was stored');
is(results_n(), 0, 'no result stored');
is(imports_n(), 0, 'no import recorded');

$r = upload('city', 'bad2.csv', csv($HEAD, "$ticket{'赵六'},赵六,85.55,80,",
    "$ticket{'李四'},李四,50,,", "$ticket{'王五'},王五,,,可能",
    "$ticket{'张三'},张三,80,80,缺考"));
is($r->status, 400, 'more bad rows: 400');
%err = map { $_->getAttribute('line') => $_->getAttribute('error') }
    $r->nodes('/resimport/report/row');
like($err{2}, qr/最多一位小数/, 'two decimals');
like($err{3}, qr/请填写操作技能成绩/, 'one score missing');
like($err{4}, qr/缺考一栏应填/, 'an unknown 缺考 word');
like($err{5}, qr/缺考的考生不应填写成绩/, 'absent with scores');
$r = $b{city}->post_multipart('/admin/results/import',
    { csrf => $b{city}->csrf('/admin/results/import') }, {}, accept => 'xml');
is($r->status, 400, 'no file: 400');
like(msg($r), qr/请选择要导入的成绩文件/, '... saying so');
$r = upload('province', 'region.csv', csv($HEAD, "$ticket{'张三'},张三,85,90,"),
    region => '999999');
is($r->status, 400, 'an unknown exam region: 400');
like(msg($r), qr/没有这个考试地区/, '... saying so');
$r = upload('province', 'region.csv', csv($HEAD, "$ticket{'张三'},张三,85,90,"),
    region => '4101');
is($r->status, 400, 'a region code not of 6 digits: 400');
like(msg($r), qr/6位数字/, '... saying so');
$r = upload('province', 'region.csv', csv($HEAD, "$ticket{'张三'},张三,85,90,"));
is($r->status, 400, 'the province without a region: 400');
like(msg($r), qr/请选择考试地区/, '... saying so');
$r = upload('city', 'empty.csv', csv($HEAD));
is($r->status, 400, 'a file of the header alone: 400');
like(msg($r), qr/除表头外没有考生/, '... saying so');
$r = upload('city', 'junk.xlsx', "PK\x03\x04 not a zip");
is($r->status, 400, 'a broken XLSX: 400');
$r = upload('city', 'head.csv', csv('编号,姓名', "$ticket{'张三'},张三"));
is($r->status, 400, 'a file without the header: 400');
like(msg($r), qr/第一行应为表头/, '... saying so');
$r = upload('kfcity', 'other.csv', csv($HEAD, "$ticket{'张三'},张三,85,90,"),
    region => '410100');
is($r->status, 400, 'Kaifeng importing for Zhengzhou: 400');
like(msg($r), qr/只能导入和公布本地区/, '... its own region only');
$r = upload('kfcity', 'other.csv', csv($HEAD, "$ticket{'张三'},张三,85,90,"));
is($r->status, 400, 'Kaifeng importing a Zhengzhou ticket: 400');
like($r->xpath('//report/row/@error') // '', qr/不是本次导入的地区/, '... another region');
is(results_n() + imports_n(), 0, 'still nothing stored');
($rc, $out) = $s->admin({ may_fail => 1 }, 'import-results', $Y, '410100',
    do { my $f = "$TMP/bad.csv"; open(my $fh, '>:raw', $f) or die; print $fh $bad; close $fh; $f });
isnt($rc, 0, 'gkbm-admin import-results of the bad file: refused');
like($out, qr/row 3 .*没有这个准考证号/, '... printing each bad row');
is(results_n() + imports_n(), 0, '... nothing stored');

# --- the import: good, then again before publication ---------------------------------

my $good = csv($HEAD, "$ticket{'张三'},张三,85,90,", "$ticket{'李四'},李四,50,70,",
    "$ticket{'王五'},王五,,,缺考", "$ticket{'赵六'},赵六,59.9,95,");
$r = upload('city', 'good.csv', $good);
is($r->status, 200, 'a good file: 200') or diag($r->dump);
$valid{resimport}->($r, 'good file');
is($r->xpath('/resimport/report/@stored'), '1', '... stored');
like(msg($r), qr/已导入4名考生的成绩/, '... saying how many');
is(results_n(), 4, 'four results');
is(imports_n(), 1, 'one import');
is(n(q{SELECT COUNT(*) FROM exam_results WHERE passed IS NULL}), 4, 'none decided yet');
is(n(q{SELECT absent FROM exam_results WHERE ticket_no = ?}, $ticket{'王五'}), 1, '缺考 stored');
is(n(q{SELECT CAST(theory * 10 AS SIGNED) FROM exam_results WHERE ticket_no = ?}, $ticket{'赵六'}), 599, '59.9 stored exactly');
my $a = $s->last_audit('result.import');
is($a->{object}, "year=$Y region=410100", 'the import audited');
like($a->{reason}, qr/rows=4/, '... with its row count');
is($r->xpath('/resimport/regions/region/@results'), 4, 'the region shows four results');
SKIP: {
	skip "$MKXLSX not built", 4 unless -x $MKXLSX;
	$r = upload('city', 'again.xlsx', xlsx('again.xlsx', [split /,/, $HEAD],
	    [$ticket{'李四'}, '李四', '55', '58']));
	is($r->status, 200, 're-import (XLSX) before publication') or diag($r->dump);
	is(n(q{SELECT CAST(skill * 10 AS SIGNED) FROM exam_results WHERE ticket_no = ?}, $ticket{'李四'}), 580,
	    '... replaces 李四\'s scores');
	is(results_n(), 4, '... the others kept');
	is(imports_n(), 2, '... a second import');
}

# --- publication --------------------------------------------------------------------

my $cc = $b{city}->csrf('/admin/results/import');
$r = $b{city}->post('/admin/results/publish', { csrf => $cc, region => '410100', confirm => 1 },
    accept => 'xml');
is($r->status, 400, 'publication without a line for level 3: 400');
$valid{resimport}->($r, 'publication refused');
like(msg($r), qr/还没有合格线.*三级（高级工）电工/, '... naming the level and work type');
is(n('SELECT COUNT(*) FROM exam_published'), 0, 'not published');
sample('city-resimport', $b{city}->get('/admin/results/import', accept => 'xml'));
sample('province-resimport', $b{province}->get('/admin/results/import', accept => 'xml'));
sample('city-reslines', $b{city}->get('/admin/results/lines', accept => 'xml'));
is(n('SELECT COUNT(*) FROM exam_results WHERE passed IS NOT NULL'), 0, 'nothing decided');
$r = $b{city}->post('/admin/results/publish', { csrf => $cc, region => '' }, accept => 'xml');
is($r->status, 400, 'publication without a region: 400');
$r = $b{kfcity}->post('/admin/results/publish', { csrf => $b{kfcity}->csrf('/admin/results/import'),
    region => '410100', confirm => 1 }, accept => 'xml');
is($r->status, 400, 'Kaifeng publishing Zhengzhou: 400');
like(msg($r), qr/只能导入和公布本地区/, '... refused');
$s->admin('pass-line', $Y, 3, 'W019', 60, '60');
for my $c ('', '0', 'yes') {
	$r = $b{city}->post('/admin/results/publish', { csrf => $cc, region => '410100',
	    $c eq '' ? () : (confirm => $c) }, accept => 'xml');
	is($r->status, 400, "publication not confirmed (confirm='$c'): 400");
	like(msg($r), qr/公布后不能撤回.*确认公布/, '... it says it cannot be taken back');
	is(n('SELECT COUNT(*) FROM exam_published'), 0, '... not published');
	is(n('SELECT COUNT(*) FROM exam_results WHERE passed IS NOT NULL'), 0, '... nothing decided');
}
$r = $b{city}->post('/admin/results/publish', { csrf => $cc, region => '410100', confirm => 1 },
    accept => 'xml');
is($r->status, 303, 'published') or diag($r->dump);
is(n('SELECT COUNT(*) FROM exam_published WHERE year = ? AND region_code = ?', $Y, '410100'), 1,
    '... recorded');
my %passed = map { $_ => n('SELECT passed FROM exam_results WHERE ticket_no = ?', $ticket{$_}) }
    qw(张三 李四 王五 赵六);
is_deeply(\%passed, { '张三' => 1, '李四' => 0, '王五' => 0, '赵六' => 0 },
    'decided from the lines: 59.9 misses 60, 缺考 fails');
like($s->last_audit('result.publish')->{reason}, qr/results=4 passed=1/, 'publication audited');
$r = $b{city}->post('/admin/results/publish', { csrf => $cc, region => '410100', confirm => 1 },
    accept => 'xml');
is($r->status, 400, 'publishing again: 400');
like(msg($r), qr/已于.*公布/, '... already published');
$r = upload('city', 'late.csv', $good);
is($r->status, 400, 'a file after publication: 400');
like(msg($r), qr/已于.*公布，不能再导入/, '... refused');
is(imports_n(), 2, '... nothing stored');
($rc, $out) = $s->admin({ may_fail => 1 }, 'publish-results', $Y, '410200');
isnt($rc, 0, 'gkbm-admin publish-results of a region without results: refused');
like($out, qr/还没有导入考核结果/, '... saying why');

# --- the candidate's page ------------------------------------------------------------

$r = $cb{'张三'}->get('/result', accept => 'xml');
is($r->status, 200, 'the candidate opens 考核结果');
$valid{result}->($r, 'window unset');
is($r->xpath('/result/outcome/@state'), 'closed', 'no result window yet: closed');
ok(!$r->xpath('/result/outcome/@theory'), '... no scores');
$s->admin('window', $Y, 'result', GKBM::_ymdhm(-86400), GKBM::_ymdhm(30 * 86400));
$r = $cb{'张三'}->get('/result', accept => 'xml');
$valid{result}->($r, 'pass');
is($r->xpath('/result/outcome/@state'), 'pass', '张三 passed');
ok(!$r->xpath('/result/outcome/@theory') && !$r->xpath('/result/outcome/@line-theory'),
    '... the page shows 考核通过 alone');
is($r->xpath('/result/seat/@ticket'), $ticket{'张三'}, '... the ticket number');
like($r->xpath('/result/seat/@idno'), qr/^\d{6}\*{8}\d{3}[\dX]$/, '... the ID number masked');
sample('candidate-result-pass', $r);
$r = $cb{'张三'}->get('/result');
like($r->text, qr/考核通过/, '... in the HTML');
$r = $cb{'李四'}->get('/result', accept => 'xml');
$valid{result}->($r, 'fail');
is($r->xpath('/result/outcome/@state'), 'fail', '李四 failed');
is(join(' ', map { $r->xpath("/result/outcome/\@$_") } qw(theory skill line-theory line-skill)),
    '55.0 58.0 60.0 60.0', '... with the scores and the lines');
is($r->xpath('/result/recheck/@state'), 'open', '... and may ask for 复核');
sample('candidate-result', $r);
$r = $cb{'李四'}->get('/result');
like($r->text, qr/考核不通过.*55\.0.*60\.0/s, '... in the HTML');
$s->admin('pass-line', $Y, 4, '-', '50', '50');
$r = $cb{'李四'}->get('/result', accept => 'xml');
is($r->xpath('/result/outcome/@line-theory'), '60.0',
    'a line changed after publication: the page keeps the line he was judged by');
is(n(q{SELECT passed FROM exam_results WHERE ticket_no = ?}, $ticket{'李四'}), 0,
    '... and his result');
$s->admin('pass-line', $Y, 4, '-', '60', '60');
$r = $cb{'王五'}->get('/result', accept => 'xml');
is($r->xpath('/result/outcome/@absent'), '1', '王五 was absent');
$r = $cb{'孙八'}->get('/result', accept => 'xml');
$valid{result}->($r, 'no seat');
is($r->xpath('/result/outcome/@state'), 'none', '孙八 has no seat');
$r = $cb{'钱七'}->get('/result', accept => 'xml');
is($r->xpath('/result/outcome/@state'), 'unpublished', 'Kaifeng not published');

# --- 复核 --------------------------------------------------------------------------------

sub ask {
	my ($name, $reason) = @_;
	return $cb{$name}->post('/result/recheck', { csrf => $cb{$name}->csrf('/result'),
	    (defined $reason ? (reason => $reason) : ()) }, accept => 'xml');
}
sub rechecks_n { n('SELECT COUNT(*) FROM exam_rechecks') }
$r = ask('李四', '');
is($r->status, 400, '复核 without a reason: 400');
$valid{result}->($r, 'recheck refused');
like(msg($r), qr/请填写申请复核的理由/, '... saying so');
sample('candidate-result-errors', $r);
$r = ask('李四', '字' x 201);
is($r->status, 400, 'a reason of 201 characters: 400');
like(msg($r), qr/不能超过200个字/, '... saying so');
$r = ask('张三', '想看看');
is($r->status, 400, 'a passer asks: 400');
like(msg($r), qr/您已通过考核，无需申请复核/, '... refused');
$r = ask('王五', '我去了');
is($r->status, 400, 'an absent candidate asks: 400');
like(msg($r), qr/缺考/, '... refused');
$r = ask('孙八', '没有成绩');
is($r->status, 400, 'no seat: 400');
is(rechecks_n(), 0, 'no request stored');
$r = ask('李四', "操作技能成绩偏低，\n申请复核");
is($r->status, 303, '李四 asks for 复核') or diag($r->dump);
is(rechecks_n(), 1, '... stored');
is($s->last_audit('result.recheck')->{object}, "application=$app{'李四'}", '... audited');
$r = ask('李四', '再来一次');
is($r->status, 400, 'twice: 400');
like(msg($r), qr/已于.*申请过复核/, '... once only');
$r = $cb{'李四'}->get('/result', accept => 'xml');
is($r->xpath('/result/recheck/@state'), 'asked', 'the page shows the request');
$dbh->do(q{UPDATE exam_published SET published_at = published_at - INTERVAL 8 DAY});
$r = ask('赵六', '差0.1分');
is($r->status, 400, 'eight days after publication: 400');
like(msg($r), qr/公布后7天内.*申请期限已过/, '... too late (policy recheck_days 7)');
$dbh->do(q{UPDATE exam_published SET published_at = published_at + INTERVAL 8 DAY});
is(rechecks_n(), 1, 'nothing more stored');

# --- the office answers -----------------------------------------------------------------

my $kid = n('SELECT id FROM exam_rechecks');
$r = $b{kfcity}->get('/admin/rechecks', accept => 'xml');
is($r->status, 200, 'Kaifeng opens 复核申请');
$valid{rechecks}->($r, 'rechecks, another subtree');
is(scalar(my @x = $r->nodes('/rechecks/list/recheck')), 0, '... and sees none of Zhengzhou\'s');
$r = $b{kfcity}->post('/admin/rechecks', { csrf => $b{kfcity}->csrf('/admin/rechecks'),
    id => $kid, answer => '已复核' }, accept => 'xml');
is($r->status, 400, 'Kaifeng answering it: 400');
like(msg($r), qr/不在本辖区内/, '... refused');
$r = $b{city}->get('/admin/rechecks', accept => 'xml');
$valid{rechecks}->($r, 'rechecks');
is($r->xpath('/rechecks/list/recheck/@ticket'), $ticket{'李四'}, 'the city sees the request');
sample('city-rechecks', $r);
my $kc = $b{city}->csrf('/admin/rechecks');
for my $bad (
    [{ answer => '' }, qr/请填写复核答复/],
    [{ answer => '字' x 501 }, qr/不能超过500个字/],
    [{ answer => '改', theory => '70' }, qr/同时填写/],
    [{ answer => '改', theory => '70', skill => '101' }, qr/操作技能成绩应为0至100/],
    [{ answer => '改', theory => 'x', skill => '60' }, qr/理论知识成绩应为0至100/]) {
	$r = $b{city}->post('/admin/rechecks', { csrf => $kc, id => $kid, %{ $bad->[0] } },
	    accept => 'xml');
	is($r->status, 400, 'a wrong answer: 400');
	sample('city-rechecks-errors', $r) if $bad->[0]{answer} eq '';
	like(msg($r), $bad->[1], '... ' . $bad->[1]);
}
$valid{rechecks}->($r, 'answer refused');
is(n(q{SELECT COUNT(*) FROM exam_rechecks WHERE state = 'asked'}), 1, 'still waiting');
is(n(q{SELECT CAST(skill * 10 AS SIGNED) FROM exam_results WHERE ticket_no = ?}, $ticket{'李四'}), 580, 'scores unchanged');
$r = $b{city}->post('/admin/rechecks', { csrf => $kc, id => $kid,
    answer => '经复核，操作技能成绩登记有误，已更正。', theory => '55', skill => '66.5' },
    accept => 'xml');
is($r->status, 303, 'the city answers with a corrected score') or diag($r->dump);
is($s->dbh->selectrow_array(q{SELECT CONCAT(state, changed) FROM exam_rechecks}), 'answered1',
    '... changed');
is(n(q{SELECT passed FROM exam_results WHERE ticket_no = ?}, $ticket{'李四'}), 0,
    'theory 55 still under 60: not passed');
$r = $b{city}->post('/admin/rechecks', { csrf => $kc, id => $kid, answer => '再答' }, accept => 'xml');
is($r->status, 400, 'answering twice: 400');
like(msg($r), qr/已经答复过了/, '... refused');
is(n(q{SELECT COUNT(*) FROM messages WHERE account_id = ? AND kind = 'recheck'}, $acct{'李四'}), 1,
    'the candidate got a 站内消息');
like($s->last_audit('result.answer')->{reason}, qr/changed theory=550 skill=665 passed=0/,
    'the answer audited');
$r = $cb{'李四'}->get('/result', accept => 'xml');
$valid{result}->($r, 'answered');
is($r->xpath('/result/recheck/@state'), 'answered', 'the candidate sees the answer');
sample('candidate-result-answered', $r);
like($r->xpath('/result/recheck/answer'), qr/登记有误/, '... its text');
is($r->xpath('/result/outcome/@skill'), '66.5', '... and the corrected score');
$r = $cb{'李四'}->get('/home', accept => 'xml');
like($r->xpath('//messages/message[@kind="recheck"]') // '', qr/复核申请已答复/, '... and the message on the home page');

# A corrected score that passes.
$dbh->do(q{INSERT INTO exam_rechecks (application_id, reason, asked_at, state)
    VALUES (?, '差0.1分', NOW(), 'asked')}, undef, $app{'赵六'});
my $kid2 = n('SELECT MAX(id) FROM exam_rechecks');
$r = $b{province}->post('/admin/rechecks', { csrf => $b{province}->csrf('/admin/rechecks'),
    id => $kid2, answer => '理论知识漏计0.1分。', theory => '60', skill => '95' }, accept => 'xml');
is($r->status, 303, 'the province answers another, corrected to 60');
is(n(q{SELECT passed FROM exam_results WHERE ticket_no = ?}, $ticket{'赵六'}), 1, '... now passed');
$r = $cb{'赵六'}->get('/result', accept => 'xml');
is($r->xpath('/result/outcome/@state'), 'pass', '... his page says 考核通过');
is($r->xpath('/result/recheck/@state'), 'answered', '... with the answer');

# --- the window closes -------------------------------------------------------------------

$s->admin('window', $Y, 'result', GKBM::_ymdhm(-10 * 86400), GKBM::_ymdhm(-86400));
$r = $cb{'李四'}->get('/result', accept => 'xml');
is($r->xpath('/result/outcome/@state'), 'closed', 'the window closed: closed');
ok(!$r->xpath('/result/outcome/@theory'), '... no scores shown');
$r = ask('赵六', 'x');
is($r->status, 400, 'no 复核 outside the window');
like(msg($r), qr/考核结果查询时间为/, '... saying when');
$s->admin('window', $Y, 'result', GKBM::_ymdhm(-86400), GKBM::_ymdhm(30 * 86400));

# --- 考核结果查询 ---------------------------------------------------------------------

$r = $b{city}->get('/admin/results', accept => 'xml');
is($r->status, 200, 'the city opens 考核结果查询');
$valid{results}->($r, 'query');
is(join(' ', map { $r->xpath("/results/tally/\@$_") } qw(total passed failed absent)), '4 2 1 1',
    'counts: 4 results, 2 passed, 1 failed, 1 absent');
is(scalar(my @rows = $r->nodes('/results/list/row')), 4, 'four rows');
sample('city-results', $r);
ok(!grep({ ($_->getAttribute('idno') // '') !~ /\*{8}/ } @rows), 'every ID number masked');
my %q = (
    'outcome=absent' => ['王五'], 'outcome=fail' => ['李四'],
    'outcome=pass' => ['张三', '赵六'], 'level=3' => ['王五'],
    "ticket=$ticket{'赵六'}" => ['赵六'], 'who=李四' => ['李四'],
    "who=$C{'张三'}[0]" => ['张三'], 'unit=ZZBAS' => ['张三', '李四', '王五', '赵六'],
    'wt=W019&level=4' => ['张三', '李四', '赵六'],
);
for my $k (sort keys %q) {
	(my $qs = encode('UTF-8', $k)) =~ s/([^A-Za-z0-9=&_.-])/sprintf('%%%02X', ord($1))/ge;
	$r = $b{city}->get("/admin/results?$qs", accept => 'xml');
	is(join(',', sort map { $_->getAttribute('name') } $r->nodes('/results/list/row')),
	    join(',', sort @{ $q{$k} }), "filter $k");
}
for my $bad (['level=9', qr/一级至五级/], ['ticket=123', qr/准考证号应为16位数字/],
    ['unit=KFCITY', qr/本辖区内没有这个单位编码/], ['outcome=maybe', qr/通过、不通过、缺考或未公布/],
    ['wt=ZZ99', qr/没有这个工种/], ['who=4101', qr/身份证号不正确/]) {
	$r = $b{city}->get("/admin/results?$bad->[0]", accept => 'xml');
	is($r->status, 400, "$bad->[0]: 400");
	like(msg($r), $bad->[1], '... ' . $bad->[1]);
	ok(!$r->xpath('/results/list'), '... no rows');
}
$valid{results}->($r, 'query refused');
sample('city-results-errors', $r);
for my $bad (['year=1999', qr/2000至2100/], ['page=0', qr/页码应为正整数/]) {
	$r = $b{city}->get("/admin/results?$bad->[0]", accept => 'xml');
	is($r->status, 400, "$bad->[0]: 400");
	like(msg($r), $bad->[1], '... ' . $bad->[1]);
}
$r = $b{city}->get('/admin/results?year=2025', accept => 'xml');
is($r->xpath('/results/tally/@total'), 0, 'another year: none');
$r = $b{city}->get('/admin/rechecks?state=maybe', accept => 'xml');
is($r->status, 400, '复核申请 ?state=maybe: 400');
$r = $b{city}->get('/admin/rechecks?state=answered', accept => 'xml');
is(scalar(@x = $r->nodes('/rechecks/list/recheck')), 2, '?state=answered: both answered');
$r = $b{city}->get('/admin/rechecks?state=asked', accept => 'xml');
is(scalar(@x = $r->nodes('/rechecks/list/recheck')), 0, '?state=asked: none waiting');
$r = $b{city}->post('/admin/rechecks', { csrf => $b{city}->csrf('/admin/rechecks'),
    id => 'abc', answer => 'x' }, accept => 'xml');
is($r->status, 400, 'an answer to id=abc: 400');
like(msg($r), qr/没有这个复核申请/, '... saying so');
$r = $b{kfcity}->get('/admin/results', accept => 'xml');
is($r->xpath('/results/tally/@total'), 0, 'Kaifeng sees none of Zhengzhou\'s results');
$r = $b{kfcity}->get("/admin/results?who=$C{'张三'}[0]", accept => 'xml');
is(scalar(@x = $r->nodes('/results/list/row')), 0, '... not even by ID number');
$r = $b{county}->get('/admin/results', accept => 'xml');
is($r->status, 200, 'a county opens it');
is($r->xpath('/results/tally/@total'), 0, '... its subtree has no results');
$r = $b{province}->get('/admin/results', accept => 'xml');
is($r->xpath('/results/tally/@total'), 4, 'the province sees every result');
$r = $cb{'张三'}->get('/admin/results', accept => 'xml');
is($r->status, 403, 'a candidate may not');

SKIP: {
	skip 'Spreadsheet::ParseXLSX not installed', 7
	    unless eval { require Spreadsheet::ParseXLSX; 1 };
	$r = $b{city}->get('/admin/results.xlsx?outcome=pass');
	is($r->status, 200, 'the export');
	like($r->content_type, qr/spreadsheetml/, '... an XLSX');
	my $f = "$TMP/export.xlsx";
	open(my $fh, '>:raw', $f) or die;
	print $fh $r->body;
	close $fh;
	my $ws = (Spreadsheet::ParseXLSX->new->parse($f)->worksheets)[0];
	my @rows2;
	my ($rmin, $rmax) = $ws->row_range;
	for my $i ($rmin .. $rmax) {
		push @rows2, [map { my $c = $ws->get_cell($i, $_); $c ? $c->value : '' } 0 .. 11];
	}
	is(join(',', @{ $rows2[0] }), '序号,姓名,身份证号,准考证号,单位编码,所在单位,申报工种,申报等级,理论知识,操作技能,考核结果,复核',
	    '... its header');
	is(scalar(@rows2), 3, '... two passers');
	my ($z) = grep { $_->[1] eq '张三' } @rows2;
	is($z->[2], $C{'张三'}[0], '... the full ID number for the office');
	is(join(',', @$z[3, 8, 9, 10]), "$ticket{'张三'},85.0,90.0,通过", '... ticket, scores, outcome');
	like($s->last_audit('result.export')->{reason}, qr/rows=2/, '... audited');
}
$r = $b{kfcity}->get('/admin/results.xlsx?unit=ZZBAS');
is($r->status, 400, 'Kaifeng exporting a Zhengzhou unit: 400');

done_testing();
