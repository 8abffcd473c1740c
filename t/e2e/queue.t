# queue.t: the review pages of issue 11 items 3, 6 and 10 (fcgi/pages/
# review/h_queue.c, h_detail.c, fcgi/model/queue.c): 本级审核中 (人工审核,
# 高级技师审核) lists exactly the applications waiting at the account's
# unit, with every filter, the two orders, paging and the menu's counts;
# each wrong filter is refused with its Chinese message and changes
# nothing; 详情 shows what the candidate entered and uploaded, the rules
# run again with today's policy, the qualified library, the chain and
# the decisions, with the decision form only where it waits, and is
# audited; 本级审核记录 lists the unit's decisions with 退回重新申报 on
# the rejected; the staff of another subtree (every role) get nothing
# from any queue, detail, record, file or XML view.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $dbh = $s->dbh;
my $SPW = 'Staff#2026ab';
my $PW = 'Passw0rdx9';

$s->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
$s->admin('create-unit', 'ZZBAS2', '郑州市水利局水文站', 'basic', '410100', 'ZZSUP');
$s->admin('create-unit', 'KFSUP', '开封市教育局', 'supervising', '410200');
$s->admin('create-unit', 'KFBAS', '开封市第一中学', 'basic', '410200', 'KFSUP');
my %U = map { ($_ => $s->count('SELECT id FROM units WHERE code = ?', $_)) }
    qw(HN ZZCITY KFCITY JSCNTY ZZSUP ZZBAS ZZBAS2 KFSUP KFBAS);

my %staff = $s->create_staff($SPW, qw(unit reviewer supervising county city
    kfcity));
$s->admin({ stdin => "$SPW\n" }, 'create-staff', 'kfdw01', '钱开封',
    '13700000021', 'unit', 'KFBAS');
$s->admin({ stdin => "$SPW\n" }, 'create-staff', 'kfzg01', '吴开封',
    '13700000022', 'supervising', 'KFSUP');
$s->admin({ stdin => "$SPW\n" }, 'create-staff', 'kfsh01', '郑开审',
    '13700000024', 'reviewer', 'KFBAS');
$s->admin({ stdin => "$SPW\n" }, 'create-staff', 'swz001', '郑水文',
    '13700000023', 'unit', 'ZZBAS2');
my %b = $s->staff_browsers($SPW, %staff, kfunit => ['kfdw01'],
    kfsup => ['kfzg01'], kfrev => ['kfsh01'], unit2 => ['swz001']);
$s->admin('window', $Y, 'review', GKBM::_ymdhm(-86400), GKBM::_ymdhm(14 * 86400));

# --- applications: four submitted through /apply, the rest as rows -------------

my %C = (
	liming => [GKBM::idno('410105', '19800501', '123'), '李明', '13900000001', '410100', 'ZZBAS'],
	wangfang => [GKBM::idno('410105', '19810602', '135'), '王芳', '13900000002', '410100', 'ZZBAS'],
	zhaogang => [GKBM::idno('410105', '19820703', '147'), '赵刚', '13900000003', '410100', 'ZZBAS2'],
	qianjin => [GKBM::idno('410205', '19830905', '171'), '钱进', '13900000004', '410200', 'KFBAS'],
	zhouping => [GKBM::idno('410105', '19841006', '183'), '周平', '13900000005', '410100', 'ZZBAS'],
);
my (%app, %acct, %cb);
my $photo;
for my $k (sort keys %C) {
	my ($idno, $name, $phone, $region, $unit) = @{ $C{$k} };
	$s->admin({ stdin => "$PW\n" }, 'create-candidate', $Y, $idno, $name,
	    $phone, $region, '4');
	($cb{$k}, $app{$k}, $acct{$k}) = $s->login_app($idno, $name, $PW);
	if ($k eq 'liming') {	# a real photo, for the file checks
		my $r = $cb{$k}->post_multipart('/apply/upload',
		    { csrf => $cb{$k}->csrf('/home'), kind => 'photo' },
		    { file => ['me.jpg', GKBM::jpeg(413, 626), 'image/jpeg'] },
		    accept => 'xml');
		is($r->status, 303, '李明 uploads his photo') or diag($r->dump);
		$photo = $s->count(q{SELECT id FROM materials WHERE kind = 'photo'
		    AND application_id = ?}, $app{$k});
	}
	my $r = $s->submit_app($cb{$k}, $app{$k}, $phone, $U{$unit});
	is($r->status, 303, "$name submits") or diag($r->dump);
}

# waiting(NAME, LEVEL, WT, UNIT, DAYS): a candidate's application waiting
# at UNIT's step 1 since DAYS days ago, as a submission leaves it (the
# rows chain.c writes), for the lists' paging and orders.
my $seq = 0;
sub waiting {
	my ($name, $level, $wt, $unit, $days) = @_;
	$seq++;
	my $idno = GKBM::idno('410105', sprintf('1970%02d%02d', 1 + $seq % 12,
	    1 + $seq % 28), sprintf('%03d', 500 + $seq));
	$dbh->do(q{INSERT INTO accounts (role, year, name, idno_mac, region_code,
	    level, pw_hash, pw_changed_at, created_at) VALUES ('candidate', ?, ?,
	    UNHEX(?), '410100', ?, 'x', NOW(), NOW())}, undef, $Y, $name,
	    $s->mac('idno', $idno), $level);
	my $acct = $dbh->last_insert_id(undef, undef, undef, undef);
	$dbh->do(q{INSERT INTO applications (account_id, year, state, version,
	    unit_id, target_worktype, target_level, submitted_at, wait_step,
	    wait_unit_id, wait_level, wait_since, created_at, updated_at)
	    VALUES (?, ?, 'submitted', 3, ?, ?, ?, NOW() - INTERVAL ? DAY, 1, ?,
	    'unit', NOW() - INTERVAL ? DAY, NOW(), NOW())}, undef, $acct, $Y,
	    $unit, $wt, $level, $days, $unit, $days);
	my $app = $dbh->last_insert_id(undef, undef, undef, undef);
	my $step = 0;
	for my $c ([unit => $unit], [supervising => $U{ZZSUP}],
	    [city => $U{ZZCITY}]) {
		$dbh->do(q{INSERT INTO app_chain (application_id, step, level,
		    unit_id) VALUES (?, ?, ?, ?)}, undef, $app, ++$step, @$c);
	}
	return $app;
}
my @HAN = split //, '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬梅';
my %fake;
for my $i (0 .. 26) {
	my $level = 1 + $i % 5;
	$fake{$i} = waiting('孙' . $HAN[$i], $level, $i % 2 ? 'W019' : 'W001',
	    $U{ZZBAS}, 40 - $i);
}

# The truth, from the database.
sub waiting_at {
	my ($unit, $lo, $hi) = @_;
	return $s->count(q{SELECT COUNT(*) FROM applications WHERE wait_unit_id = ?
	    AND target_level BETWEEN ? AND ?}, $unit, $lo, $hi);
}
my $manual = waiting_at($U{ZZBAS}, 2, 5);
my $senior = waiting_at($U{ZZBAS}, 1, 1);
cmp_ok($manual, '>', 20, "ZZBAS has $manual waiting at levels 2-5 (more than a page)");
cmp_ok($senior, '>', 0, "... and $senior at level 1");

# qs(KEY => VALUE, ...): a query string, UTF-8 percent-encoded.
sub qs {
	my @kv = @_;
	my @out;
	while (my ($k, $v) = splice(@kv, 0, 2)) {
		push @out, GKBM::Browser::_enc($k) . '=' . GKBM::Browser::_enc($v);
	}
	return join '&', @out;
}

# n(RESPONSE, XPATH): how many nodes match.
sub n { my @x = $_[0]->nodes($_[1]); return scalar @x }

# ids(RESPONSE): the application ids of the list's rows.
sub ids { map { $_->getAttribute('id') } $_[0]->nodes('/*/list/row') }

# decide(KEY, APP, ACTION, REASON): POST /review/decide as staff KEY, as
# the 详情 form does (helper review's handler); the response.
sub decide {
	my ($k, $app, $action, $reason) = @_;
	my $d = $b{$k}->get("/review/app?id=$app", accept => 'xml');
	return $b{$k}->post('/review/decide', { csrf => $b{$k}->csrf('/home'),
	    id => $app, version => $d->xpath("/reviewapp/form/field[\@name='version']/\@value"),
	    action => $action, reason => $reason // '', defer => 0,
	    next => 'manual' }, accept => 'xml');
}

# --- counts -----------------------------------------------------------------------

{
	my $r = $b{unit}->get('/home', accept => 'xml');
	is($r->xpath('/home/counts/@manual'), $manual, 'home: the 人工审核 count');
	is($r->xpath('/home/counts/@senior'), $senior, 'home: the 高级技师审核 count');
	$r = $b{unit}->get('/home');
	like($r->text, qr{href="/review/queue\?q=manual">人工审核<span class="count">\Q$manual\E<},
	    'home: the menu shows the count next to 人工审核');
	like($r->text, qr{高级技师审核（一级）</a>：\Q$senior\E 人待审核}, '... and the page says it');
	$r = $b{reviewer}->get('/home', accept => 'xml');
	is($r->xpath('/home/counts/@manual'), $manual, 'the reviewer counts the same queue (same unit)');
	$r = $b{kfunit}->get('/home', accept => 'xml');
	is($r->xpath('/home/counts/@manual'), 1, 'the 开封 unit counts only its own');
}

# --- the queue: rows, order, paging -------------------------------------------------

my $r = $b{unit}->get('/review/queue?q=manual', accept => 'xml');
is($r->status, 200, 'unit GET /review/queue?q=manual') or diag($r->dump);
is($r->xpath('/queue/@title'), '人工审核', '... 人工审核');
is($r->xpath('/queue/list/@total'), $manual, '... total: every application waiting at levels 2-5');
is(scalar(ids($r)), 20, '... 20 rows on page 1');
is($r->xpath('/queue/list/@pages'), 2, '... 2 pages');
ok(!(grep { $_->getAttribute('level') !~ /^[2-5]$/ } $r->nodes('/queue/list/row')),
    '... levels 2-5 only');
{
	my @days = map { $_->getAttribute('days') } $r->nodes('/queue/list/row');
	is_deeply(\@days, [sort { $b <=> $a } @days], '... the longest waiting first');
	is($days[0], 39, '... the oldest of levels 2-5 waited 39 days');
	my @first = ids($r);
	my $p2 = $b{unit}->get('/review/queue?q=manual&page=2', accept => 'xml');
	my @second = ids($p2);
	is(scalar(@first) + scalar(@second), $manual, 'page 2 holds the rest');
	my %seen;
	ok(!(grep { $seen{$_}++ } @first, @second), '... no row twice');
	my $new = $b{unit}->get('/review/queue?q=manual&sort=new', accept => 'xml');
	my @n = map { $_->getAttribute('days') } $new->nodes('/queue/list/row');
	is_deeply(\@n, [sort { $a <=> $b } @n], 'sort=new: the latest first');
	is($n[0], 0, '... the real submissions of today first');
}
ok(!(grep { $_ == $app{qianjin} } ids($r)), 'no 开封 application in the 郑州 unit queue');
{
	my $n = $b{unit}->get('/review/queue?q=manual&sort=new', accept => 'xml');
	my ($row) = $n->nodes("/queue/list/row[\@id='$app{liming}']");
	ok($row, '李明 is listed') or diag($r->body);
	if ($row) {
		is($row->getAttribute('name'), '李明', '... his name in full');
		like($row->getAttribute('idno') // '', qr/^410105\*{8}\d{3}[\dX]$/, '... his ID number masked');
		is($row->getAttribute('version'),
		    $s->count('SELECT version FROM applications WHERE id = ?', $app{liming}),
		    '... the version (for the batch tick box)');
		is($row->getAttribute('worktype'), '电工', '... the work type');
	}
}
$r = $b{unit}->get('/review/queue?q=senior', accept => 'xml');
is($r->xpath('/queue/list/@total'), $senior, '高级技师审核: the level-1 applications');
ok(!(grep { $_->getAttribute('level') ne '1' } $r->nodes('/queue/list/row')), '... level 1 only');
$r = $b{unit}->get('/review/queue');
is($r->status, 200, 'the queue as HTML') or diag($r->dump);
like($r->text, qr{<form method="post" action="/review/batch"}, '... the batch form');
my $f1 = $fake{1};
like($r->text, qr{<input type="checkbox" name="ids" value="$f1:3"}, '... a tick box per row, ID:VERSION');
like($r->text, qr{<button type="submit" name="action" value="pass"[^>]*>勾选审核</button>}, '... 勾选审核');
like($r->text, qr{<button type="submit" name="action" value="return"[^>]*>勾选退回</button>}, '... 勾选退回');
like($r->text, qr{href="/review/app\?id=$f1">详情}, '... 详情 links');
like($r->text, qr{href="/review/queue\?page=2&amp;q=manual}, '... the pager keeps the queue kind');

# The table and the pager are kept by each worker (fcgi/web/fragment.c):
# the table under the digest of its rows, the pager under its numbers.
# Whatever a worker kept, every page shows its own rows, and a change in
# a row shows on the next request.
{
	my %xml = map { $_ => [ids($b{unit}->get("/review/queue?q=manual&page=$_",
	    accept => 'xml'))] } 1, 2;
	my %html;
	for my $round (1 .. 3) {	# again and again: each worker keeps its own
		for my $p (1, 2) {
			my $h = $b{unit}->get("/review/queue?q=manual&page=$p")->text;
			my @shown = $h =~ m{<input type="checkbox" name="ids" value="(\d+):\d+"}g;
			push @{$html{$p}}, join(',', @shown) eq join(',', @{$xml{$p}}) &&
			    $h =~ m{第 $p / 2 页} ? 1 : 0;
		}
	}
	ok(!(grep { !$_ } @{$html{1}}, @{$html{2}}),
	    'HTML pages 1 and 2, three times each: each shows its own rows and page number');
	my $id = $xml{1}[0];
	my ($acct) = $s->dbh->selectrow_array(
	    'SELECT account_id FROM applications WHERE id = ?', undef, $id);
	my ($old) = $s->dbh->selectrow_array('SELECT name FROM accounts WHERE id = ?',
	    undef, $acct);
	$s->dbh->do('UPDATE accounts SET name = ? WHERE id = ?', undef, '欧阳新名', $acct);
	my $ok = 1;
	for (1 .. 6) {
		my $h = $b{unit}->get('/review/queue?q=manual')->text;
		$ok &&= $h =~ m{<a href="/review/app\?id=$id">欧阳新名</a>};
	}
	ok($ok, '... a row changed in the database shows at once on every worker');
	$s->dbh->do('UPDATE accounts SET name = ? WHERE id = ?', undef, $old, $acct);
}

# --- filters -----------------------------------------------------------------------

sub total { $_[0]->xpath('/*/list/@total') }
$r = $b{unit}->get('/review/queue?q=manual&level=3', accept => 'xml');
is(total($r), waiting_at($U{ZZBAS}, 3, 3), 'level=3: the level-3 ones');
ok(!(grep { $_->getAttribute('level') ne '3' } $r->nodes('/queue/list/row')), '... only level 3');
is($r->xpath("/queue/form/field[\@name='level']/\@value"), '3', '... the filter kept in the form');
$r = $b{unit}->get('/review/queue?q=manual&wt=W001', accept => 'xml');
is(total($r), $s->count(q{SELECT COUNT(*) FROM applications WHERE wait_unit_id = ?
    AND target_level >= 2 AND target_worktype = 'W001'}, $U{ZZBAS}), 'wt=W001');
my $today = $s->count(q{SELECT DATE_FORMAT(NOW(), '%Y-%m-%d')});
$r = $b{unit}->get("/review/queue?q=manual&from=$today&to=$today", accept => 'xml');
is_deeply([sort { $a <=> $b } ids($r)], [sort { $a <=> $b } @app{qw(liming wangfang zhouping)}],
    'from=to=today: the three submitted today');
$r = $b{unit}->get('/review/queue?q=manual&to=' . $s->count(q{SELECT
    DATE_FORMAT(NOW() - INTERVAL 38 DAY, '%Y-%m-%d')}), accept => 'xml');
is_deeply([ids($r)], [@fake{1, 2}], 'to=38 days ago: the two of levels 2-5 submitted 39 and 38 days ago');
$r = $b{unit}->get('/review/queue?' . qs(q => 'manual', who => '王芳'), accept => 'xml');
is_deeply([ids($r)], [$app{wangfang}], 'who=王芳: by the name');
$r = $b{unit}->get('/review/queue?' . qs(q => 'manual', who => '王芳芳'), accept => 'xml');
is(total($r), 0, 'who=王芳芳: names match exactly');
$r = $b{unit}->get('/review/queue?' . qs(q => 'manual', who => '孙'), accept => 'xml');
is($r->status, 400, 'who=孙 (a part of a name): 400, not a search in part');
$r = $b{unit}->get("/review/queue?q=manual&who=$C{liming}[0]", accept => 'xml');
is_deeply([ids($r)], [$app{liming}], 'who=ID number: by its lookup value');
$r = $b{unit}->get("/review/queue?q=manual&who=$C{qianjin}[0]", accept => 'xml');
is(total($r), 0, "who=another subtree's ID number: nothing");

# Every wrong filter: 400, its message, nothing read or changed.
my $versions = $s->count(q{SELECT SUM(version) FROM applications});
my $events = $s->count(q{SELECT COUNT(*) FROM review_events});
my @bad = (
	['q=x', qr/审核类别应为人工审核或高级技师审核/],
	['q=manual&level=0', qr/申报等级应为一级至五级/],
	['q=manual&level=9', qr/申报等级应为一级至五级/],
	['q=manual&level=1', qr/人工审核的申报等级为二级至五级/],
	['q=senior&level=2', qr/高级技师审核只含一级/],
	['q=manual&level=x', qr/申报等级应为一级至五级/],
	['q=manual&wt=ZZZZ', qr/没有这个工种/],
	['q=manual&unit=NOSUCH', qr/没有这个单位编码/],
	['q=manual&from=2026-13-01', qr/开始日期应为“年-月-日”/],
	['q=manual&to=tomorrow', qr/结束日期应为“年-月-日”/],
	['q=manual&who=41010519800501123', qr/身份证号不正确/],
	['q=manual&who=abc', qr/请输入完整的姓名或18位身份证号/],
	['q=manual&sort=x', qr/排序方式不存在/],
	['q=manual&page=0', qr/页码应为正整数/],
	['q=manual&page=x', qr/页码应为正整数/],
);
for my $t (@bad) {
	my ($q, $re) = @$t;
	my $x = $b{unit}->get("/review/queue?$q", accept => 'xml');
	is($x->status, 400, "$q: 400");
	like($x->xpath('/error/error/message') // '', $re, "$q: the message says why");
	ok(!$x->nodes('//row'), "$q: no rows");
	my $h = $b{unit}->get("/review/queue?$q");
	like($h->text, $re, "$q: the HTML page says it too");
}
$r = $b{unit}->get("/review/queue?q=manual&from=$today&to=2000-01-01", accept => 'xml');
is($r->status, 400, 'from after to: 400');
like($r->xpath('/queue/form/message') // '', qr/开始日期不能晚于结束日期/, '... said above the filters');
ok(!$r->nodes('/queue/list'), '... no list');
is($s->count(q{SELECT SUM(version) FROM applications}), $versions, 'wrong filters changed no application');
is($s->count(q{SELECT COUNT(*) FROM review_events}), $events, '... and wrote no event');

# --- each level's queue -----------------------------------------------------------

# 通过 by the unit moves 王芳 on to the supervising unit (/review/decide).
$r = decide('unit', $app{wangfang}, 'pass');
is($r->status, 303, 'the unit passes 王芳 through 详情\'s form') or diag($r->dump);
like($r->header('location') // '', qr{^/review/app\?id=\d+&m=decided$}, '... on to the next one\'s 详情');
{
	my $x = $b{unit}->get($r->header('location') // '/', accept => 'xml');
	is($x->xpath('/reviewapp/meta/flash'), '审核结果已提交。', '... which says the decision was taken');
	ok($x->nodes('/reviewapp/form'), '... and offers its own form');
}
$r = $b{supervising}->get('/review/queue?q=manual', accept => 'xml');
is_deeply([ids($r)], [$app{wangfang}], 'the supervising unit: what waits at it (王芳, passed on)')
    or diag($r->body);
# 赵刚 passed by his own unit: two units' applications at the supervising unit.
$r = decide('unit2', $app{zhaogang}, 'pass');
is($r->status, 303, '水文站 passes 赵刚') or diag($r->dump);
$r = $b{supervising}->get('/review/queue?q=manual&unit=ZZBAS2', accept => 'xml');
is_deeply([ids($r)], [$app{zhaogang}], 'unit=ZZBAS2 (supervising): the one of that unit');
$r = $b{supervising}->get('/review/queue?q=manual&unit=ZZBAS', accept => 'xml');
is_deeply([ids($r)], [$app{wangfang}], 'unit=ZZBAS (supervising): the one of that unit');
$r = $b{unit}->get('/review/queue?q=manual', accept => 'xml');
ok(!(grep { $_ == $app{wangfang} } ids($r)), '... and no longer at the unit');
is($r->xpath('/queue/counts/@manual'), waiting_at($U{ZZBAS}, 2, 5), '... whose count follows');
for my $k (qw(city county kfcity kfunit kfsup)) {
	my $x = $b{$k}->get('/review/queue?q=manual', accept => 'xml');
	is($x->status, 200, "$k: its own queue");
	ok(!(grep { $_ == $app{wangfang} || $_ == $app{liming} } ids($x)),
	    "$k: no 郑州 application waiting at a unit or supervising unit");
}
$r = $b{kfunit}->get('/review/queue?q=manual', accept => 'xml');
is_deeply([ids($r)], [$app{qianjin}], '开封 unit: its own candidate only');
$r = $b{province}->get('/review/queue?q=manual', accept => 'xml');
is(total($r), 0, 'province: nothing of 郑州 or 开封 waits at it');

# --- 详情 ----------------------------------------------------------------------------

# A row of the qualified library for 李明, after his submission.
$dbh->do(q{INSERT INTO qualified (idno_mac, worktype, level, year) VALUES
    (UNHEX(?), 'W019', 5, ?)}, undef, $s->mac('idno', $C{liming}[0]), $Y - 7);
my $views = $s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'app.view'});
$r = $b{unit}->get("/review/app?id=$app{liming}", accept => 'xml');
is($r->status, 200, 'unit GET /review/app (详情)') or diag($r->dump);
is($r->xpath('/reviewapp/candidate/@name'), '李明', '... the name');
is($r->xpath('/reviewapp/candidate/@idno'), $C{liming}[0], '... the ID number in full');
is($r->xpath('/reviewapp/candidate/@phone'), $C{liming}[2], '... the phone in full');
is($r->xpath("/reviewapp/application/info/item[\@key='target_worktype']"), '电工（W019）',
    '... what he entered: the work type');
is($r->xpath("/reviewapp/application/info/item[\@key='route']"), '按岗位等级证书申报', '... the route in words');
is($r->xpath("/reviewapp/application/info/item[\@key='work_start']"), '2008-07-01', '... the work start');
is(n($r, '/reviewapp/appraisals/appraisal'), 5, '... five years of appraisal');
is($r->xpath("/reviewapp/materials/material[\@kind='photo']/\@id"), $photo, '... his photo');
ok($r->nodes("/reviewapp/materials/material[\@kind='idcard']"), '... and his ID card');
is($r->xpath('/reviewapp/qualified/entry/@year'), $Y - 7, '... the qualified library row');
ok($r->nodes('/reviewapp/eligibility[@ok]'), '... the rules run again');
like($r->xpath("/reviewapp/eligibility/rule[\@id='R18']") // '', qr/\S/,
    '... with today\'s qualified library: R18 now warns');
is(join(' ', map { $_->getAttribute('level') } $r->nodes('/reviewapp/chain/step')),
    'unit supervising city', '... the chain');
is($r->xpath("/reviewapp/chain/step[\@waiting='1']/\@level"), 'unit', '... waiting at the unit');
is($r->xpath('/reviewapp/events/event/@action'), 'submit', '... the submission event');
is($r->xpath("/reviewapp/form/field[\@name='version']/\@value"),
    $s->count('SELECT version FROM applications WHERE id = ?', $app{liming}),
    '... the decision form with the version');
is($r->xpath('/reviewapp/form/@action'), '/review/decide', '... posting to /review/decide');
is($r->xpath("/reviewapp/form/field[\@name='next']/\@value"), 'manual', '... going on with 人工审核');
ok(n($r, '/reviewapp/reasons/reason') >= 5, '... with common reasons');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'app.view'}), $views + 1,
    '... and the view is audited');
is($s->last_audit('app.view')->{object}, "application:$app{liming}", '... naming the application');
$r = $b{unit}->get("/review/app?id=$app{liming}");
like($r->text, qr{<form method="post" action="/review/decide"}, '详情 as HTML: the decision form');
like($r->text, qr{<input[^>]*name="reason"[^>]*list="reasons"}, '... the reason chosen or typed');
like($r->text, qr{材料是否容缺后补}, '... 材料是否容缺后补');
like($r->text, qr{<img class="thumb" src="/files\?id=$photo"}, '... the photo shown');
like($r->text, qr{往年报考合格库}, '... 往年报考合格库');
$r = $b{city}->get("/review/app?id=$app{liming}", accept => 'xml');
is($r->status, 200, 'the city office (in the chain) sees 详情');
ok(!$r->nodes('/reviewapp/form'), '... without the decision form: it does not wait there');
$r = $b{supervising}->get("/review/app?id=$app{wangfang}", accept => 'xml');
ok($r->nodes('/reviewapp/form'), 'the supervising unit decides 王芳, waiting there');
is($r->xpath("/reviewapp/events/event[\@action='pass']/\@unit"), '郑州市水利局机关', '... the unit\'s decision shown');
$r = $b{unit}->get("/review/app?id=$fake{0}", accept => 'xml');
is($r->xpath("/reviewapp/form/field[\@name='next']/\@value"), 'senior', 'a level-1 application goes on with 高级技师审核');

# --- files of the chain ------------------------------------------------------------------

my $fviews = $s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'file.view'});
$r = $b{reviewer}->get("/files?id=$photo");
is($r->status, 200, 'the unit\'s reviewer opens the photo') or diag($r->dump);
is($r->header('content-type'), 'image/jpeg', '... a JPEG');
$r = $b{city}->get("/files?id=$photo");
is($r->status, 200, 'the city office (in the chain) too');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'file.view'}), $fviews + 2,
    '... each staff view audited');

# --- another subtree: every role, every URL ------------------------------------------

my $denied = $s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'app.view'});
for my $k (qw(kfunit kfrev kfsup kfcity county province)) {
	# The province office is above every chain (省级标记): see below.
	for my $u ($k eq 'province' ? () : ("/review/app?id=$app{liming}",
	    "/review/app?id=$app{wangfang}", "/files?id=$photo")) {
		for my $accept ('xml', 'html') {
			my $x = $b{$k}->get($u, accept => $accept);
			is($x->status, 404, "$k GET $u ($accept): 404");
			unlike($x->text, qr/李明|王芳|\Q$C{liming}[0]\E|\Q$C{liming}[2]\E/,
			    "$k GET $u ($accept): no name, ID number or phone");
		}
	}
	for my $u ('/review/queue?q=manual', '/review/queue?q=senior',
	    '/review/records?k=passed', '/review/records?k=rejected',
	    '/review/records?k=returned', "/review/queue?q=manual&who=$C{liming}[0]") {
		my $x = $b{$k}->get($u, accept => 'xml');
		is($x->status, 200, "$k GET $u: 200");
		unlike($x->text, qr/李明|王芳|赵刚|孙/, "$k GET $u: no 郑州 candidate");
	}
}
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'app.view'}), $denied,
    'refused views are not audited as views');
# The unit filter takes only units in the account's subtree (db.c SCOPE).
for my $t (['kfunit', 'ZZBAS'], ['kfrev', 'ZZBAS'], ['kfsup', 'ZZBAS'], ['kfcity', 'ZZBAS'],
    ['county', 'ZZBAS'], ['unit', 'ZZBAS2'], ['unit', 'KFBAS'], ['reviewer', 'KFBAS'],
    ['supervising', 'KFBAS'], ['city', 'KFBAS']) {
	my ($k, $code) = @$t;
	for my $u ("/review/queue?q=manual&unit=$code", "/review/records?k=passed&unit=$code") {
		my $x = $b{$k}->get($u, accept => 'xml');
		is($x->status, 400, "$k GET $u (outside its subtree): 400");
		like($x->xpath('/error/error/message') // '', qr/该单位不在本单位的管辖范围内/,
		    "$k GET $u: ... says why");
		ok(!$x->nodes('//row'), "$k GET $u: ... no rows");
		like($b{$k}->get($u)->text, qr/该单位不在本单位的管辖范围内/, "$k GET $u: ... in the HTML");
	}
}
for my $t (['city', 'ZZBAS2'], ['supervising', 'ZZBAS2'], ['unit', 'ZZBAS'], ['reviewer', 'ZZBAS'],
    ['province', 'KFBAS']) {
	my ($k, $code) = @$t;
	my $x = $b{$k}->get("/review/records?k=passed&unit=$code", accept => 'xml');
	is($x->status, 200, "$k: unit=$code (its subtree) is taken") or diag($x->dump);
}
$r = $b{province}->get("/review/app?id=$app{liming}", accept => 'xml');
is($r->status, 200, 'the province office opens 详情 of a 郑州 application (above every chain)');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'app.view'}), $denied + 1,
    '... audited as a view');
is($b{province}->get("/files?id=$photo")->status, 200, '... and its photo');
$r = $cb{liming}->get('/review/queue?q=manual', accept => 'xml');
is($r->status, 403, 'a candidate: 403 on the queue');
$r = $cb{liming}->get("/review/app?id=$app{liming}", accept => 'xml');
is($r->status, 403, '... and on 详情, even his own');
for my $u ('/review/app?id=0', '/review/app?id=x', '/review/app', '/review/app?id=99999999') {
	is($b{unit}->get($u, accept => 'xml')->status, 404, "unit GET $u: 404");
}
$r = $s->browser->get('/review/queue?q=manual');
is($r->status, 303, 'anonymous: sent to log in');

# --- nothing lost when the session expires mid-review ---------------------------

{
	my $uid = $s->count(q{SELECT id FROM accounts WHERE login = 'dwgly01'});
	my $bx = $s->browser;
	is($bx->login('staff', 'dwgly01', $SPW)->status, 303, 'the unit admin logs in in a second browser');
	my $d = $bx->get("/review/app?id=$app{liming}", accept => 'xml');
	my $csx = $d->xpath('/reviewapp/meta/csrf');
	my $ver = $d->xpath("/reviewapp/form/field[\@name='version']/\@value");
	# 30 minutes idle (a worker trusts a session it read 2 s ago).
	$dbh->do(q{UPDATE sessions SET seen_at = NOW() - INTERVAL 31 MINUTE
	    WHERE account_id = ?}, undef, $uid);
	select(undef, undef, undef, 2.1);
	my $ev = $s->count('SELECT COUNT(*) FROM review_events WHERE application_id = ?', $app{liming});
	my %sent = (id => $app{liming}, version => $ver, action => 'return',
	    reason => '身份证照片不清晰，请重新上传。', defer => '1',
	    defer_note => '学历证书原件照片后补', next => 'manual');
	$r = $bx->post('/review/decide', { csrf => $csx, %sent });
	is($r->status, 303, 'deciding after the session expired: 303, not 403') or diag($r->dump);
	is($r->header('location'), '/login?m=kept_review', '... to the login, which says so');
	is($s->count('SELECT COUNT(*) FROM review_events WHERE application_id = ?', $app{liming}),
	    $ev, '... no decision without a login');
	is($s->count('SELECT state FROM applications WHERE id = ?', $app{liming}), 'submitted',
	    '... the application untouched');
	is($s->count('SELECT COUNT(*) FROM form_keeps WHERE account_id = ?', $uid), 1,
	    '... the decision form kept');
	like($bx->get('/login?m=kept_review')->text, qr/审核意见已暂存/, 'the login page says so');
	$r = $bx->login('staff', 'dwgly01', $SPW);
	$r = $bx->get($r->header('location') // '/home');
	is($r->header('location'), '/review/app', 'after the login, home sends him back to 详情');
	$r = $bx->get('/review/app', accept => 'xml');
	is($r->xpath('/reviewapp/application/@id'), $app{liming}, '... of that application');
	for my $f (qw(version action reason defer defer_note)) {
		is($r->xpath("/reviewapp/form/field[\@name='$f']/\@value"), $sent{$f},
		    "... the form holds $f as sent");
	}
	like($r->xpath('/reviewapp/form/message') // '', qr/已恢复/, '... and says so');
	is($s->count('SELECT COUNT(*) FROM form_keeps WHERE account_id = ?', $uid), 0,
	    '... taken once');
	is($bx->get('/review/app', accept => 'xml')->status, 404, 'a second GET without id: 404');
	# The other browser's session expired too: log in again.
	is($b{unit}->login('staff', 'dwgly01', $SPW)->status, 303, 'the unit admin logs in again');
}

# --- 本级审核记录 -----------------------------------------------------------------------

# 不通过 and 退回本人 by the unit (/review/decide).
$r = decide('unit', $app{zhouping}, 'reject', '工作年限不满足申报条件。');
is($r->status, 303, 'the unit rejects 周平') or diag($r->dump);
$r = decide('unit', $app{liming}, 'return', '照片不清晰。');
is($r->status, 303, 'the unit returns 李明') or diag($r->dump);
$r = $b{unit}->get('/review/records?k=passed', accept => 'xml');
is($r->status, 200, 'unit GET /review/records?k=passed') or diag($r->dump);
is_deeply([ids($r)], [$app{wangfang}], '审核通过: 王芳');
$r = $b{unit}->get('/review/records?k=rejected', accept => 'xml');
is_deeply([ids($r)], [$app{zhouping}], '审核不通过: the rejected one');
is($r->xpath('/records/list/row/reason'), '工作年限不满足申报条件。', '... with the reason');
is($r->xpath('/records/list/row/@reapply'), '1', '... 退回重新申报 offered');
$r = $b{unit}->get('/review/records?k=rejected');
like($r->text, qr{<input type="hidden" name="action" value="reapply">}, '... as a form posting action=reapply');
like($r->text, qr{action="/review/decide"}, '... to /review/decide');
$r = $b{unit}->get('/review/records?k=returned', accept => 'xml');
is_deeply([ids($r)], [$app{liming}], '审核退回: the returned one');
is($r->xpath('/records/list/row/reason'), '照片不清晰。', '... with the reason');
ok(!$r->nodes('/records/list/row/@reapply'), '... and no 退回重新申报');
$r = $b{unit}->get('/review/records?k=returned&level=4', accept => 'xml');
is(total($r), 1, 'records take the level filter: level 4, the returned one');
$r = $b{unit}->get('/review/records?k=returned&level=3', accept => 'xml');
is(total($r), 0, '... level 3: none');
$r = $b{unit}->get('/review/records?' . qs(k => 'passed', who => '王芳'), accept => 'xml');
is(total($r), 1, '... and the name');
$r = $b{reviewer}->get('/review/records?k=rejected', accept => 'xml');
is(total($r), 1, 'the reviewer sees the unit\'s records');
$r = $b{supervising}->get('/review/records?k=passed', accept => 'xml');
is(total($r), 0, 'the supervising unit has decided nothing yet');
# 退回重新申报 from the list (its form's fields, helper review's handler).
{
	my $x = $b{unit}->get('/review/records?k=rejected', accept => 'xml');
	my ($row) = $x->nodes('/records/list/row');
	$r = $b{unit}->post('/review/decide', { csrf => $b{unit}->csrf('/home'),
	    id => $row->getAttribute('id'), version => $row->getAttribute('version'),
	    action => 'reapply', reason => '退回重新申报' }, accept => 'xml');
	is($r->status, 303, '退回重新申报 as the records page posts it') or diag($r->dump);
	is($s->count('SELECT state FROM applications WHERE id = ?', $app{zhouping}),
	    'returned', '... 周平 may apply again');
	$x = $b{unit}->get('/review/records?k=rejected', accept => 'xml');
	ok(!$x->nodes('/records/list/row/@reapply'), '... and the list no longer offers it');
}
for my $q ('k=x', 'k=passed&level=7', 'k=passed&from=20260101', 'k=passed&who=1') {
	my $x = $b{unit}->get("/review/records?$q", accept => 'xml');
	is($x->status, 400, "records $q: 400");
	like($x->xpath('/error/error/message') // '', qr/查询条件不正确/, "records $q: the message");
}

# --- 勾选审核: the queue's tick boxes, as the page posts them -------------------

{
	my $q = $b{unit}->get('/review/queue?q=manual&level=4', accept => 'xml');
	my @rows = ($q->nodes('/queue/list/row'))[0, 1];
	my @ids = map { $_->getAttribute('id') . ':' . $_->getAttribute('version') } @rows;
	$r = $b{unit}->post('/review/batch', { csrf => $b{unit}->csrf('/home'),
	    action => 'pass', reason => '', ids => \@ids }, accept => 'xml');
	is($r->status, 200, '勾选审核 of two ticked rows: the page of results') or diag($r->dump);
	for my $row (@rows) {
		is($s->count('SELECT wait_unit_id FROM applications WHERE id = ?',
		    $row->getAttribute('id')), $U{ZZSUP}, '... each passed on to the supervising unit');
	}
	$q = $b{unit}->get('/review/queue?q=manual&level=4', accept => 'xml');
	ok(!(grep { my $id = $_; grep { $_ == $id } ids($q) } map { $_->getAttribute('id') } @rows),
	    '... and gone from the unit\'s queue');
}

$s->finish;
done_testing();
