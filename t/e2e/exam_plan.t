# exam_plan.t: 考务管理 (issue 10 §1, §2; fcgi/model/exam.c, examplan.c,
# fcgi/rules/seat.c, fcgi/pages/exam/, gkbm-admin exam-*): a city office
# and the province (for its 省直 region) keep sites, rooms and sessions;
# only admitted applications (approved, no open 容缺后补, paid where the
# city pays online) are seated; a run through the page and through the
# command; 补报 candidates added later placed without moving anyone; a
# shortfall shown, never overbooked; every field sent wrong refused with
# a Chinese message and nothing stored; another region's rows not found;
# other roles and a POST without CSRF refused.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $YY = sprintf('%02d', $Y % 100);
my $PW = 'Staff#2026ab';
my %valid = map { $_ => GKBM::rng_validator($_) } qw(examsites examsessions examallocate);

$s->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
$s->admin('create-unit', 'SZSUP', '河南省水利厅', 'supervising', '410000');
$s->admin('create-unit', 'SZBAS', '河南省水利厅机关', 'basic', '410000', 'SZSUP');
$s->admin('create-unit', 'KFBAS', '开封市水利局机关', 'basic', '410200');
my %staff = $s->create_staff($PW, qw(county city kfcity unit));
my %b = $s->staff_browsers($PW, %staff);
my %unit = map { $_ => $s->count('SELECT id FROM units WHERE code = ?', $_) } qw(ZZBAS SZBAS KFBAS);

# Applications in a state, as review and payment leave them (fixtures).
my $n = 0;
sub app {
	my ($unit, $level, $wt, %o) = @_;
	$n++;
	my $dbh = $s->dbh;
	$dbh->do(q{INSERT INTO accounts (role, year, name, idno_mac, region_code, level,
	    pw_hash, pw_changed_at, created_at) VALUES ('candidate', ?, ?, UNHEX(SHA2(?, 256)),
	    '410100', ?, '!test', NOW(), NOW())}, undef, $Y, "考生$n", "exam-plan:$n", $level);
	my $acct = $dbh->last_insert_id(undef, undef, undef, undef);
	$dbh->do(q{INSERT INTO applications (account_id, year, state, version, unit_id,
	    target_worktype, target_level, defer_state, paid_at, created_at, updated_at)
	    VALUES (?, ?, ?, 2, ?, ?, ?, ?, IF(?, NOW(), NULL), NOW(), NOW())}, undef, $acct, $Y,
	    $o{state} // 'approved', $unit{$unit}, $wt, $level, $o{defer} // 0,
	    $o{paid} ? 1 : 0);
	return $dbh->last_insert_id(undef, undef, undef, undef);
}
# What the tests look at.
sub seats { $s->count(q{SELECT COUNT(*) FROM exam_seats WHERE region_code = ?}, $_[0]) }
sub seat_of {
	my ($app) = @_;
	my $r = $s->dbh->selectrow_arrayref(q{SELECT x.ticket_no, s.code, r.code, x.seat
	    FROM exam_seats x JOIN exam_rooms r ON r.id = x.room_id
	    JOIN exam_sites s ON s.id = r.site_id WHERE x.application_id = ?}, undef, $app);
	return $r ? join(' ', @$r) : '';
}
sub plan_rows {
	return join(',', map { $s->count("SELECT COUNT(*) FROM $_") }
	    qw(exam_sites exam_rooms exam_sessions exam_session_sits exam_seats exam_runs));
}
sub post {
	my ($who, $url, $f) = @_;
	return $b{$who}->post($url, { csrf => $b{$who}->csrf('/home'), %$f }, accept => 'xml');
}

# 郑州: W019 四级 x4 admitted, W020 四级 x2 admitted, 三级 W019 x1
# admitted; not admitted: submitted, a deferral open, rejected.
my @w19 = map { app('ZZBAS', 4, 'W019') } 1 .. 4;
my @w20 = map { app('ZZBAS', 4, 'W020') } 1 .. 2;
my $l3 = app('ZZBAS', 3, 'W019');
my $sub = app('ZZBAS', 4, 'W019', state => 'submitted');
my $def = app('ZZBAS', 4, 'W019', defer => 1);
my $rej = app('ZZBAS', 4, 'W019', state => 'rejected');
# 开封 pays online: only the paid one is admitted.
$s->admin('pay-city', $Y, '410200', 'on');
my $kfpaid = app('KFBAS', 5, 'W001', paid => 1);
my $kfunpaid = app('KFBAS', 5, 'W001');
# 省直 (the province's region 410000).
my $sz = app('SZBAS', 5, 'W001');

# --- pages and roles ---------------------------------------------------------------

for my $k (qw(city province)) {
	my $r = $b{$k}->get('/admin/exam/sites', accept => 'xml');
	is($r->status, 200, "$k opens 考点考场") or diag($r->dump);
	$valid{examsites}->($r, "$k sites");
}
is($b{city}->get('/admin/exam/sites', accept => 'xml')->xpath('//region/@code'), '410100',
    'the city plans its own region');
is($b{province}->get('/admin/exam/sites', accept => 'xml')->xpath('//region/@code'), '410000',
    'the province plans the 省直 region');
is($b{city}->get('/admin/exam/allocate', accept => 'xml')->xpath('//region/@admitted'), 7,
    '郑州: seven admitted (not the submitted, the deferred, the rejected)');
is($b{kfcity}->get('/admin/exam/allocate', accept => 'xml')->xpath('//region/@admitted'), 1,
    '开封 pays online: only the paid one is admitted');
is($b{province}->get('/admin/exam/allocate', accept => 'xml')->xpath('//region/@admitted'), 1,
    '省直: the 省直 unit\'s candidate is the province\'s');
for my $k (qw(county unit)) {
	for my $u (qw(/admin/exam/sites /admin/exam/sessions /admin/exam/allocate)) {
		is($b{$k}->get($u, accept => 'xml')->status, 403, "$k GET $u: 403");
	}
	is(post($k, '/admin/exam/site', { site_code => '01', name => 'x', address => 'y' })->status, 403,
	    "$k POST a site: 403");
	is(post($k, '/admin/exam/allocate', {})->status, 403, "$k runs no allocation: 403");
}

# --- sites and rooms -----------------------------------------------------------------

my $before = plan_rows();
my @bad_site = (
	[{ site_code => '', name => '第一考点', address => '郑州市' }, 'site_code', qr/请填写考点代码/],
	[{ site_code => '1', name => '第一考点', address => '郑州市' }, 'site_code', qr/两位数字/],
	[{ site_code => 'ab', name => '第一考点', address => '郑州市' }, 'site_code', qr/两位数字/],
	[{ site_code => '00', name => '第一考点', address => '郑州市' }, '', qr/两位数字/],
	[{ site_code => '01', name => '', address => '郑州市' }, 'name', qr/请填写考点名称/],
	[{ site_code => '01', name => '名' x 101, address => '郑州市' }, 'name', qr/1至100个字/],
	[{ site_code => '01', name => '第一考点', address => '' }, 'address', qr/请填写考点地址/],
	[{ site_code => '01', name => '第一考点', address => '址' x 201 }, 'address', qr/1至200个字/],
	[{ id => 'x', site_code => '01', name => '第一考点', address => '郑州市' }, 'id', qr/考点不正确/],
	[{ delete => '2', id => 1 }, 'delete', qr/请确认是否删除/],
	[{ delete => '1' }, 'id', qr/请选择要删除的考点/],
);
for my $t (@bad_site) {
	my ($f, $field, $re) = @$t;
	my $r = post('city', '/admin/exam/site', $f);
	is($r->status, 400, "site refused: $field $re");
	my $msg = $field ? $r->xpath("//form/field[\@name='$field']/error") : $r->xpath('//form/message');
	like($msg // '', $re, '... with its message');
	$valid{examsites}->($r, 'a refused site');
}
is(plan_rows(), $before, 'nothing stored by a refused site');

my $r = post('city', '/admin/exam/site', { site_code => '01', name => '郑州市第一考点', address => '郑州市金水路1号' });
is($r->status, 303, 'the city adds site 01') or diag($r->dump);
is(post('city', '/admin/exam/site', { site_code => '02', name => '郑州市第二考点', address => '郑州市花园路2号' })->status,
    303, 'and site 02');
is(post('city', '/admin/exam/site', { site_code => '01', name => '重复', address => '郑州' })->xpath('//form/message'),
    '考点代码已被本考区的另一考点使用。', 'a second site 01 is refused');
my ($s1, $s2) = map { $s->count(q{SELECT id FROM exam_sites WHERE region_code = '410100' AND code = ?}, $_) } qw(01 02);
is(post('kfcity', '/admin/exam/site', { id => $s1, site_code => '01', name => '开封改名', address => '开封' })
    ->xpath('//form/message'), '该考点不存在或不属于本考区。', '开封 cannot change 郑州\'s site');
is($s->count('SELECT name FROM exam_sites WHERE id = ?', $s1), '郑州市第一考点', '... unchanged');

$before = plan_rows();
my @bad_room = (
	[{ site => '', room_code => '001', name => '第1考场', capacity => 3 }, 'site', qr/请选择考场所在的考点/],
	[{ site => 'x', room_code => '001', name => '第1考场', capacity => 3 }, 'site', qr/请选择考场所在的考点/],
	[{ site => $s1, room_code => '01', name => '第1考场', capacity => 3 }, 'room_code', qr/三位数字/],
	[{ site => $s1, room_code => '', name => '第1考场', capacity => 3 }, 'room_code', qr/请填写考场代码/],
	[{ site => $s1, room_code => '000', name => '第1考场', capacity => 3 }, '', qr/三位数字/],
	[{ site => $s1, room_code => '001', name => '', capacity => 3 }, 'name', qr/请填写考场名称/],
	[{ site => $s1, room_code => '001', name => '场' x 51, capacity => 3 }, 'name', qr/1至50个字/],
	[{ site => $s1, room_code => '001', name => '第1考场', capacity => '' }, 'capacity', qr/请填写考场座位数/],
	[{ site => $s1, room_code => '001', name => '第1考场', capacity => 0 }, 'capacity', qr/1至99/],
	[{ site => $s1, room_code => '001', name => '第1考场', capacity => 100 }, 'capacity', qr/1至99/],
	[{ site => $s1, room_code => '001', name => '第1考场', capacity => 'x' }, 'capacity', qr/1至99/],
	[{ id => 'x', site => $s1, room_code => '001', name => '第1考场', capacity => 3 }, 'id', qr/考场不正确/],
	[{ delete => '1' }, 'id', qr/请选择要删除的考场/],
	[{ delete => 'yes', id => 1 }, 'delete', qr/请确认是否删除/],
);
for my $t (@bad_room) {
	my ($f, $field, $re) = @$t;
	my $r = post('city', '/admin/exam/room', $f);
	is($r->status, 400, "room refused: $field $re");
	my $msg = $field ? $r->xpath("//form/field[\@name='$field']/error") : $r->xpath('//form/message');
	like($msg // '', $re, '... with its message');
}
is(post('kfcity', '/admin/exam/room', { site => $s1, room_code => '001', name => '第1考场', capacity => 3 })
    ->xpath('//form/message'), '该考点不存在或不属于本考区。', '开封 cannot add a room to 郑州\'s site');
is(plan_rows(), $before, 'nothing stored by a refused room');

# Rooms: 01-001 (3 seats), 01-002 (3), 02-001 (4).
for my $m ([$s1, '001', 3], [$s1, '002', 3], [$s2, '001', 4]) {
	is(post('city', '/admin/exam/room', { site => $m->[0], room_code => $m->[1],
	    name => "第$m->[1]考场", capacity => $m->[2] })->status, 303, "room $m->[1] added");
}
$r = $b{city}->get('/admin/exam/sites', accept => 'xml');
$valid{examsites}->($r, 'sites with rooms');
is($r->xpath("//site[\@code='01']/\@seats"), 6, 'site 01 has six seats');
my $room = $s->count(q{SELECT id FROM exam_rooms WHERE site_id = ? AND code = '002'}, $s1);
$r = $b{city}->get("/admin/exam/sites?room=$room", accept => 'xml');
is($r->xpath("//form/field[\@name='capacity']/\@value"), 3, '?room=ID fills the room form');
$valid{examsites}->($r, 'a room to edit');
$r = $b{city}->get("/admin/exam/sites?site=$s2", accept => 'xml');
is($r->xpath("//form/field[\@name='name']/\@value"), '郑州市第二考点', '?site=ID fills the site form');

# --- sessions -------------------------------------------------------------------------

$before = plan_rows();
my %ok_session = (session_code => 1, starts => "$Y-12-20 09:00", ends => "$Y-12-20 11:00", sits => '4:W019 4');
my @bad_session = (
	[{ session_code => '' }, 'session_code', qr/请填写场次代码/],
	[{ session_code => 0 }, 'session_code', qr/一位数字/],
	[{ session_code => 10 }, 'session_code', qr/一位数字/],
	[{ starts => '' }, 'starts', qr/请填写开始时间/],
	[{ starts => "$Y-12-20" }, 'starts', qr/年-月-日 时:分/],
	[{ starts => "$Y-13-20 09:00" }, '', qr/开始时间应为/],
	[{ ends => '' }, 'ends', qr/请填写结束时间/],
	[{ ends => "$Y-12-20 08:00" }, '', qr/结束时间应晚于开始时间/],
	[{ starts => '2001-12-20 09:00', ends => '2001-12-20 11:00' }, '', qr/本年度/],
	[{ sits => '' }, 'sits', qr/请填写本场次考试的等级、工种/],
	[{ sits => '6' }, '', qr/等级为1至5/],
	[{ sits => '4:NOPE' }, '', qr/工种代码NOPE不存在/],
	[{ sits => '4 4' }, '', qr/填了两次/],
	[{ sits => 'x' x 401 }, 'sits', qr/400个字符/],
	[{ id => 'x' }, 'id', qr/场次不正确/],
	[{ delete => 1, id => '' }, 'id', qr/请选择要删除的场次/],
);
for my $t (@bad_session) {
	my ($f, $field, $re) = @$t;
	my $r = post('city', '/admin/exam/session', { %ok_session, %$f });
	is($r->status, 400, "session refused: $field $re");
	my $msg = $field ? $r->xpath("//form/field[\@name='$field']/error") : $r->xpath('//form/message');
	like($msg // '', $re, '... with its message');
	$valid{examsessions}->($r, 'a refused session');
}
is(plan_rows(), $before, 'nothing stored by a refused session');
is(post('city', '/admin/exam/session', \%ok_session)->status, 303, 'session 1: 四级 W019 and the rest of 四级');
$r = post('city', '/admin/exam/session', { %ok_session, session_code => 2, sits => '4' });
like($r->xpath('//form/message') // '', qr/已安排在场次1/, 'the rest of 四级 in a second session is refused');
is(post('city', '/admin/exam/session', { %ok_session, session_code => 2, starts => "$Y-12-20 14:00",
    ends => "$Y-12-20 16:00", sits => '3' })->status, 303, 'session 2: 三级');
$r = $b{city}->get('/admin/exam/sessions', accept => 'xml');
$valid{examsessions}->($r, 'sessions');
is($r->xpath("//session[\@code='1']/\@sits"), '4 4:W019', 'who sits session 1, as the form writes it');
is($r->xpath("//session[\@code='1']/sit[\@worktype='W019']/\@level-name"), '四级（中级工）',
    '... and by name');
my $sess1 = $s->count(q{SELECT id FROM exam_sessions WHERE region_code = '410100' AND code = '1'});
$r = $b{city}->get("/admin/exam/sessions?session=$sess1", accept => 'xml');
is($r->xpath("//form/field[\@name='starts']/\@value"), "$Y-12-20 09:00", '?session=ID fills the form');
is(post('kfcity', '/admin/exam/session', { %ok_session, id => $sess1 })->xpath('//form/message'),
    '该场次不存在或不属于本考区。', '开封 cannot change 郑州\'s session');

# --- allocation through the page -----------------------------------------------------------

$r = $b{city}->get('/admin/exam/allocate', accept => 'xml');
$valid{examallocate}->($r, 'before a run');
is($r->xpath('//region/@to-place'), 7, 'a run would place all seven');
is($b{city}->post('/admin/exam/allocate', {})->status, 403, 'a run without CSRF is refused');
$before = plan_rows();
is($b{city}->post('/admin/exam/site', { site_code => '09', name => '无令牌', address => '郑州' })->status,
    403, 'a site without CSRF is refused');
is($b{city}->post('/admin/exam/room', { site => $s1, room_code => '009', name => '无令牌',
    capacity => 9 })->status, 403, 'a room without CSRF is refused');
is($b{city}->post('/admin/exam/session', { %ok_session, session_code => 9 })->status, 403,
    'a session without CSRF is refused');
is(plan_rows(), $before, '... nothing stored');
is(seats('410100'), 0, '... and placed nobody');
$r = post('city', '/admin/exam/allocate', {});
is($r->status, 303, 'the city runs the allocation') or diag($r->dump);
is(seats('410100'), 7, 'seven seated');
is(seat_of($w19[0]), "${YY}41010010100101 01 001 1", 'W019 fills room 01-001 from seat 1 (ticket YY 410100 1 01 001 01)');
is(seat_of($w19[3]), "${YY}41010010100201 01 002 1", '... then 01-002');
is(seat_of($w20[0]), "${YY}41010010200101 02 001 1", 'W020 starts room 02-001 (enough empty seats)');
is(seat_of($l3), "${YY}41010020100101 01 001 1", '三级 sits in session 2, room 01-001');
is(seat_of($sub) . seat_of($def) . seat_of($rej), '', 'the not admitted have no seat');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'exam.allocate' AND object LIKE ?}, "exam:$Y:410100:run:%"), 1,
    'the run is audited');
$r = $b{city}->get('/admin/exam/allocate?m=allocated', accept => 'xml');
$valid{examallocate}->($r, 'after a run');
is($r->xpath('//runs/run[1]/@placed'), 7, 'the run is listed: seven placed');
is($r->xpath('//region/@seated'), 7, 'seven seated');

# A seated room and site cannot go, nor change their codes or shrink.
my $r11 = $s->count(q{SELECT id FROM exam_rooms WHERE site_id = ? AND code = '001'}, $s1);
like(post('city', '/admin/exam/room', { id => $r11, delete => 1 })->xpath('//form/message') // '',
    qr/考场001已编排考生\d+人，不能删除/, 'a room with seats cannot be deleted');
like(post('city', '/admin/exam/site', { id => $s1, delete => 1 })->xpath('//form/message') // '',
    qr/考点01已编排考生\d+人，不能删除/, 'a site with seats cannot be deleted');
like(post('city', '/admin/exam/session', { id => $sess1, delete => 1 })->xpath('//form/message') // '',
    qr/场次1已编排考生\d+人，不能删除/, 'a session with seats cannot be deleted');
like(post('city', '/admin/exam/room', { id => $r11, site => $s1, room_code => '009', name => 'x', capacity => 3 })
    ->xpath('//form/message') // '', qr/考场代码不能更改/, 'nor change its code');
like(post('city', '/admin/exam/room', { id => $r11, site => $s1, room_code => '001', name => 'x', capacity => 2 })
    ->xpath('//form/message') // '', qr/座位数不能少于3/, 'nor shrink below its seats given');
is($s->count('SELECT COUNT(*) FROM exam_rooms'), 3, 'the rooms are all there');
# An empty room can.
is(post('city', '/admin/exam/room', { site => $s2, room_code => '009', name => '备用', capacity => 5 })->status, 303,
    'an empty room is added');
my $r29 = $s->count(q{SELECT id FROM exam_rooms WHERE site_id = ? AND code = '009'}, $s2);
is(post('city', '/admin/exam/room', { id => $r29, delete => 1 })->status, 303, '... and deleted');

my ($rc, $t);

# --- 补报: later additions, through the command -------------------------------------------------

my @old = map { seat_of($_) } @w19, @w20, $l3;
my $late19 = app('ZZBAS', 4, 'W019');
my $late20 = app('ZZBAS', 4, 'W020');
$s->dbh->do(q{UPDATE applications SET state = 'cancelled' WHERE id = ?}, undef, $w19[1]);
my $out = $s->admin('exam-allocate', $Y, '410100');
like($out, qr/, 2 placed,/, 'exam-allocate places the two added') or diag($out);
is_deeply([map { seat_of($_) } @w19, @w20, $l3], \@old, 'nobody seated before moved');
is(seat_of($late19), "${YY}41010010100202 01 002 2", '补报 W019 joins its group after the seats given');
is(seat_of($late20), "${YY}41010010200103 02 001 3", '补报 W020 joins its group');
isnt(seat_of($late19), seat_of($w19[1]), 'the cancelled one\'s seat is not given again');
# exam_seat_get (what the ticket shows), through gkbm-admin exam-seat.
like($s->admin('exam-seat', $late19), qr/^${YY}41010010100202 410100 $Y 郑州市: session 1 $Y-12-20 09:00 - $Y-12-20 11:00, site 01 郑州市第一考点 \(郑州市金水路1号\), room 002 第002考场, seat 2; level 4 /,
    'exam-seat: the seat as the ticket shows it');
($rc, $t) = $s->admin({ may_fail => 1 }, 'exam-seat', $w19[1]);
isnt($rc, 0, 'exam-seat: a cancelled application has no seat');
like($t, qr/has no seat/, '... saying so');
($rc, $t) = $s->admin({ may_fail => 1 }, 'exam-seat', $sub);
isnt($rc, 0, 'exam-seat: nor one never seated');

# --- a shortfall ----------------------------------------------------------------------------

my @many = map { app('ZZBAS', 4, 'W021') } 1 .. 3;
$r = $b{city}->get('/admin/exam/allocate', accept => 'xml');
is($r->xpath('//region/@short'), 1, 'the page shows one short of a seat before the run');
is($r->xpath("//sessions/session[\@code='1']/\@short"), 1, '... in session 1');
is(post('city', '/admin/exam/allocate', {})->status, 303, 'the run');
is(seats('410100'), 11, 'two more seated, not three: session 1 had two seats left');
$r = $b{city}->get('/admin/exam/allocate', accept => 'xml');
$valid{examallocate}->($r, 'a shortfall');
is($r->xpath("//unseated/cand[\@why='short']/\@why-text"), '考场座位不足', 'the one left is listed with why');
is($r->xpath('//runs/run[1]/@short'), 1, 'the run recorded the shortfall');
is($s->count(q{SELECT COUNT(*) FROM exam_seats x JOIN exam_rooms r ON r.id = x.room_id
    WHERE x.seat > r.capacity}), 0, 'no seat over its room');
my $nosess = app('ZZBAS', 2, 'W019');
$r = $b{city}->get('/admin/exam/allocate', accept => 'xml');
is($r->xpath("//unseated/cand[\@why='nosession']/\@why-text"), '没有安排其等级、工种的场次',
    'a level no session sits: no session');

# --- the commands ---------------------------------------------------------------------------

($rc, $t) = $s->admin({ may_fail => 1 }, 'exam-site', $Y, '410000', '1', '省直考点', '郑州');
isnt($rc, 0, 'exam-site refuses a one-digit code');
like($t, qr/两位数字/, '... saying why');
($rc, $t) = $s->admin({ may_fail => 1 }, 'exam-site', $Y, '410105', '01', '金水', '郑州');
isnt($rc, 0, 'exam-site refuses a county for a region');
like($s->admin('exam-site', $Y, '410000', '01', '省直考点', '郑州市纬五路1号'), qr/exam\.site/,
    'exam-site adds the 省直 site');
$s->admin('exam-room', $Y, '410000', '01', '001', '第1考场', '30');
($rc, $t) = $s->admin({ may_fail => 1 }, 'exam-room', $Y, '410000', '01', '002', '第2考场', '100');
isnt($rc, 0, 'exam-room refuses 100 seats');
($rc, $t) = $s->admin({ may_fail => 1 }, 'exam-session', $Y, '410000', '1', "$Y-12-21 09:00",
    "$Y-12-21 08:00", '5');
like($t, qr/结束时间应晚于开始时间/, 'exam-session refuses an end before the start');
$s->admin('exam-session', $Y, '410000', '1', "$Y-12-21 09:00", "$Y-12-21 11:00", '5');
$out = $s->admin('exam-allocate', $Y, '410000');
like($out, qr/1 admitted, 0 kept, 1 placed/, 'the 省直 run places its candidate') or diag($out);
is(seat_of($sz), "${YY}41000010100101 01 001 1", '... with a 410000 ticket');
like($s->admin('exam-site', $Y, '410000'), qr/room 001 第1考场 30 seats, 1 given/, 'exam-site lists the plan');
$r = $b{province}->get('/admin/exam/allocate', accept => 'xml');
is($r->xpath('//runs/run[1]/@by'), 'gkbm-admin', 'the province sees the command\'s run');

done_testing();
