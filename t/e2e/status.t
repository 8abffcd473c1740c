# status.t: the candidate's status page 审核结果 (SPEC.md §3.5, seed 000 §4):
# no application yet, a draft, a submission, passes at the unit and the
# supervising unit (reviewer names masked, office phones, times), a return
# with its reason (the alert and the link back to the form), a
# resubmission, a rejection (final for the year), final approval; the
# review chain computed from the unit tree (city office, province office
# for a province-level unit, a supervising unit's own candidate); the XML
# view validated against schema/xml/status.rng and free of unmasked
# reviewer names; each candidate sees only their own status; staff get
# 403, anonymous users are sent to /login.  The applications and
# review_events rows are written straight into the database, so this test
# does not depend on the form (h_apply.c) or the review (a later issue).
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

binmode($_, ':encoding(UTF-8)') for Test::More->builder->output,
    Test::More->builder->failure_output, Test::More->builder->todo_output;

my $s = GKBM->start(workers => 2);
my $dbh = $s->dbh;
my $Y = $s->year;
my $STAFF_PW = 'Staff#2026ab';
my $CAND_PW = 'Passw0rdx9';
my $SRC = GKBM::top_srcdir();

my $rng = eval { XML::LibXML::RelaxNG->new(
    location => "$SRC/schema/xml/status.rng") };
ok($rng, 'schema/xml/status.rng compiles') or diag($@);

# valid($response_or_doc): undef if the document matches status.rng.
sub invalid {
	my ($doc) = @_;
	$doc = $doc->xml if ref $doc && $doc->can('xml');
	return 'not XML' unless $doc;
	return eval { $rng->validate($doc); 1 } ? undef : ($@ || 'invalid');
}

# --- fixtures -------------------------------------------------------------------

$s->admin('create-unit', 'ZZCITY', '郑州市工考办', 'city', '410100');
$s->admin('create-unit', 'ZZSUP', '郑州市水利局', 'supervising', '410100');
$s->admin('create-unit', 'ZZBAS', '郑州市水利局机关', 'basic', '410105',
    'ZZSUP');
$s->admin('create-unit', 'SZSUP', '河南省水利厅', 'supervising', '410000');
$s->admin('create-unit', 'SZBAS', '河南省水利厅机关', 'basic', '410000',
    'SZSUP');
my %phone = (ZZCITY => '0371-67880000', ZZSUP => '0371-81906926',
    ZZBAS => '0371-63330001', SZSUP => '0371-65550002', HN => '0371-61612579');
$dbh->do('UPDATE units SET phone = ? WHERE code = ?', undef, $phone{$_}, $_)
    for keys %phone;
my %unit = map { $_ => $s->count('SELECT id FROM units WHERE code = ?', $_) }
    qw(ZZCITY ZZSUP ZZBAS SZSUP SZBAS HN);

my %staff = (
	unit => ['dwgly01', '王单位', '13700000011', 'unit', 'ZZBAS'],
	supervising => ['zgdw01', '周红政', '13700000013', 'supervising', 'ZZSUP'],
	city => ['zzsgkb', '孙市级', '13700000015', 'city', 'ZZCITY'],
	reviewer => ['shy01', '欧阳审核', '13700000012', 'reviewer', 'ZZBAS'],
);
$s->admin({ stdin => "$STAFF_PW\n" }, 'create-staff', @{ $staff{$_} })
    for sort keys %staff;
my %actor = map { $_ => $s->count('SELECT id FROM accounts WHERE login = ?',
    $staff{$_}[0]) } keys %staff;
$actor{province} = $s->count('SELECT id FROM accounts WHERE login = ?',
    $GKBM::PROVINCE_LOGIN);
my @FULL_NAMES = ('王单位', '周红政', '孙市级', '欧阳审核', '省工考办管理员');

my %cand = (
	a => [GKBM::idno('410105', '19850301', 101), '李建国', '13900000101'],
	b => [GKBM::idno('410105', '19860402', 102), '张秀英', '13900000102'],
	c => [GKBM::idno('410105', '19870503', 103), '赵志强', '13900000103'],
	d => [GKBM::idno('410105', '19880604', 104), '刘海燕', '13900000104'],
);
for my $k (sort keys %cand) {
	$s->admin({ stdin => "$CAND_PW\n" }, 'create-candidate', $Y,
	    @{ $cand{$k} }, '410100', 4);
	$cand{$k}[3] = $s->count(q{SELECT id FROM accounts WHERE role =
	    'candidate' AND phone_mac IS NOT NULL AND name = ?}, $cand{$k}[1]);
}

my %b;
for my $k (sort keys %cand) {
	$b{$k} = $s->browser;
	my $r = $b{$k}->login('candidate', $cand{$k}[0], $CAND_PW);
	is($r->status, 303, "candidate $k logs in") or diag($r->dump);
}

# new_app(candidate, unit code, state): the application row, its id.
sub new_app {
	my ($k, $code, $state) = @_;
	$dbh->do(q{INSERT INTO applications (account_id, year, state, unit_id,
	    target_worktype, target_level, route, created_at, updated_at)
	    VALUES (?, ?, ?, ?, 'W002', 4, 'years', NOW(), NOW())}, undef,
	    $cand{$k}[3], $Y, $state, $unit{$code});
	return $dbh->last_insert_id(undef, undef, undef, undef);
}

# event(app, level, action, actor id, unit code or undef, time, reason)
sub event {
	my ($app, $level, $action, $actor, $code, $at, $reason) = @_;
	$dbh->do(q{INSERT INTO review_events (application_id, level, action,
	    actor_id, unit_id, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)}, undef,
	    $app, $level, $action, $actor, defined $code ? $unit{$code} : undef,
	    $reason // '', $at);
}

sub set_state {
	my ($app, $state) = @_;
	$dbh->do(q{UPDATE applications SET state = ?, version = version + 1,
	    submitted_at = COALESCE(submitted_at, NOW()) WHERE id = ?}, undef,
	    $state, $app);
}

sub status_xml {
	my ($k, $path) = @_;
	my $r = $b{$k}->get($path // '/status', accept => 'xml');
	is($r->status, 200, "candidate $k: GET /status as XML") or diag($r->dump);
	is(invalid($r), undef, "candidate $k: the document matches status.rng");
	return $r;
}

# n_nodes($response, XPATH): how many nodes match.
sub n_nodes {
	my ($res, $xp) = @_;
	my @n = $res->nodes($xp);
	return scalar @n;
}

sub no_full_names {
	my ($r, $what) = @_;
	my @seen = grep { index($r->text, $_) >= 0 } @FULL_NAMES;
	is("@seen", '', "$what: no reviewer's full name");
}

# --- no application yet ---------------------------------------------------------

my $r = status_xml('c');
is($r->xpath('/status/current/@state'), 'none', 'no application: state none');
is($r->xpath('/status/current/@label'), '未填报', 'no application: 未填报');
is(n_nodes($r, '/status/application | /status/events'), 0,
    'no application: nothing else');
$r = $b{c}->get('/status');
is($r->status, 200, 'no application: the HTML page');
like($r->text, qr/您还没有填写报名信息/, 'no application: the message');
like($r->text, qr{<a class="btn btn-primary" href="/apply">填写报名信息</a>},
    'no application: the link to the form');
like($r->header('cache-control') // '', qr/no-store/, 'the page is not cached');

# --- a draft ----------------------------------------------------------------------

my $A = new_app('a', 'ZZBAS', 'draft');
$r = status_xml('a');
is($r->xpath('/status/application/@id'), $A, 'draft: the application');
is($r->xpath('/status/current/@state'), 'draft', 'draft: state draft');
is($r->xpath('/status/current/@label'), '未提交（草稿）', 'draft: 未提交（草稿）');
is(n_nodes($r, '/status/chain | /status/decision'), 0,
    'draft: no chain, no decision');
is($r->xpath('/status/application/@worktype'), '计算机操作员',
    'draft: the work type by name');
is($r->xpath('/status/application/@level-name'), '四级（中级工）',
    'draft: the level by name');
$r = $b{a}->get('/status');
like($r->text, qr/未提交（草稿）/, 'draft: the HTML says so');
like($r->text, qr{href="/apply">继续填写报名信息}, 'draft: link to the form');

# --- submitted --------------------------------------------------------------------

set_state($A, 'submitted');
event($A, 'candidate', 'submit', $cand{a}[3], undef, "$Y-03-01 15:39:53");
$r = status_xml('a');
is($r->xpath('/status/current/@state'), 'submitted', 'submitted: state');
is($r->xpath('/status/current/@label'), '已提交·待单位审核',
    'submitted: 已提交·待单位审核');
is($r->xpath('/status/current/@level'), 'unit', 'submitted: waits at unit');
is($r->xpath('/status/contact/@unit'), '郑州市水利局机关',
    'submitted: the contact is the unit');
is($r->xpath('/status/contact/@phone'), $phone{ZZBAS},
    'submitted: the unit office phone');
is(join(',', map { $_->getAttribute('level') . ':' . $_->getAttribute('state') }
    $r->nodes('/status/chain/step')), 'unit:current,supervising:todo,city:todo',
    'submitted: the chain unit, supervising, city office');
is($r->xpath('/status/chain/step[3]/@unit'), '郑州市工考办',
    'the city office found by the region of the supervising unit');
is($r->xpath('/status/chain/step[3]/@phone'), $phone{ZZCITY},
    'the city office phone');
is(n_nodes($r, '/status/events/event'), 1, 'submitted: one event');
is($r->xpath('/status/events/event[1]/@action-name'), '提交', 'the event: 提交');
is($r->xpath('/status/events/event[1]/@actor'), '李建国',
    "the candidate's own name in full to himself");
is($r->xpath('/status/events/event[1]/@own'), '1', 'his own row is marked own');
is($r->xpath('/status/events/event[1]/@at'), "$Y-03-01 15:39:53", 'its time');
$r = $b{a}->get('/status');
like($r->text, qr{<dt>提交人</dt><dd>李建国</dd>},
    'submitted: the HTML shows his own name in full as 提交人');
unlike($r->text, qr/李\*\*/, 'submitted: not masked to himself');
like($r->text, qr/已提交·待单位审核/, 'submitted: HTML state');
like($r->text, qr/审核详情/, 'submitted: 审核详情');
like($r->text, qr/已提交/, 'submitted: the event 已提交');
unlike($r->text, qr/role="alertdialog"/, 'submitted: no alert');

# --- passes at unit and supervising ---------------------------------------------

event($A, 'unit', 'pass', $actor{unit}, 'ZZBAS', "$Y-03-01 15:52:11");
$r = status_xml('a');
is($r->xpath('/status/current/@state'), 'reviewing', 'unit passed: reviewing');
is($r->xpath('/status/current/@label'), '审核中（待主管单位审核）',
    'unit passed: 审核中（待主管单位审核）');
is($r->xpath('/status/contact/@phone'), $phone{ZZSUP},
    'unit passed: the supervising office phone');
is($r->xpath('/status/events/event[2]/@actor'), '王**', 'unit reviewer masked 王**');
is($r->xpath('/status/events/event[2]/@level-name'), '单位', 'level 单位');
is($r->xpath('/status/events/event[2]/@phone'), $phone{ZZBAS},
    "the unit's office phone");
is(join(',', map { $_->getAttribute('state') } $r->nodes('/status/chain/step')),
    'done,current,todo', 'unit passed: the chain moves on');

event($A, 'supervising', 'pass', $actor{supervising}, 'ZZSUP',
    "$Y-03-01 15:56:44");
$r = status_xml('a');
is($r->xpath('/status/current/@label'), '审核中（待市工考办审核）',
    'supervising passed: 审核中（待市工考办审核）');
is($r->xpath('/status/events/event[3]/@actor'), '周**',
    'supervising reviewer masked 周**');
is($r->xpath('/status/events/event[3]/@phone'), $phone{ZZSUP},
    "the supervising unit's office phone");
is($r->xpath('/status/events/event[3]/@at'), "$Y-03-01 15:56:44", 'its time');
is($r->xpath('/status/contact/@phone'), $phone{ZZCITY}, 'now the city office');
no_full_names($r, 'XML after two passes');
my $html = $b{a}->get('/status');
like($html->text, qr/主管单位审核通过/, 'HTML: 主管单位审核通过');
like($html->text, qr/周\*\*/, 'HTML: 周**');
like($html->text, qr/\Q$phone{ZZSUP}\E/, 'HTML: the office phone');
like($html->text, qr/办公室电话/, 'HTML: 办公室电话');
like($html->text, qr/\Q$Y-03-01 15:56:44\E/, 'HTML: the time');
no_full_names($html, 'HTML after two passes');

# --- returned by the city office -------------------------------------------------

my $REASON = '所传资料不清晰，请拍照重新上传';
event($A, 'city', 'return', $actor{city}, 'ZZCITY', "$Y-03-02 09:44:53", $REASON);
set_state($A, 'returned');
$r = status_xml('a');
is($r->xpath('/status/current/@state'), 'returned', 'returned: state');
is($r->xpath('/status/current/@label'), '退回本人（市工考办退回）',
    'returned: 退回本人（市工考办退回）');
is($r->xpath('/status/decision/@action'), 'return', 'returned: the decision');
is($r->xpath('/status/decision/@reason'), $REASON, 'returned: the reason');
is($r->xpath('/status/decision/@phone'), $phone{ZZCITY}, 'returned: whom to call');
is($r->xpath('/status/events/event[4]/@actor'), '孙**', 'city reviewer masked');
is($r->xpath('/status/chain/step[3]/@state'), 'current',
    'returned: the chain shows where it stopped');
no_full_names($r, 'XML of a returned application');
$html = $b{a}->get('/status');
like($html->text, qr/<div class="msg msg-warn status-alert" role="alertdialog"/,
    'returned: the alert box');
like($html->text, qr/\Q$REASON\E/, 'returned: the reason shown');
like($html->text, qr{<a class="btn btn-primary" href="/apply">修改报名信息</a>},
    'returned: the link 修改报名信息');
ok(index($html->text, 'role="alertdialog"') < index($html->text, '当前审核状态'),
    'returned: the alert comes before everything else');
unlike($html->text, qr/本年度申报终止/, 'returned: not the rejection text');

# --- resubmitted, passed again, rejected by the supervising unit ------------------

set_state($A, 'submitted');
event($A, 'candidate', 'submit', $cand{a}[3], undef, "$Y-03-03 10:00:00");
$r = status_xml('a');
is($r->xpath('/status/current/@label'), '已提交·待单位审核',
    'resubmitted: from the first level again');
is(join(',', map { $_->getAttribute('state') } $r->nodes('/status/chain/step')),
    'current,todo,todo', 'resubmitted: earlier passes no longer count');
is(n_nodes($r, '/status/decision'), 0, 'resubmitted: no alert any more');
is(n_nodes($r, '/status/events/event'), 5, 'resubmitted: the whole trail kept');
unlike($b{a}->get('/status')->text, qr/alertdialog/, 'resubmitted: no alert in HTML');

event($A, 'unit', 'pass', $actor{reviewer}, 'ZZBAS', "$Y-03-03 11:00:00");
is(status_xml('a')->xpath('/status/events/event[6]/@actor'), '欧阳**',
    'a compound surname kept whole, the rest masked');
my $WHY = '申报工种与证书工种不一致';
event($A, 'supervising', 'reject', $actor{supervising}, 'ZZSUP',
    "$Y-03-04 08:30:00", $WHY);
set_state($A, 'rejected');
$r = status_xml('a');
is($r->xpath('/status/current/@state'), 'rejected', 'rejected: state');
is($r->xpath('/status/current/@label'), '审核不通过（主管单位审核不通过）',
    'rejected: 审核不通过（主管单位审核不通过）');
is($r->xpath('/status/decision/@reason'), $WHY, 'rejected: the reason');
is($r->xpath('/status/decision/@level'), 'supervising', 'rejected: by whom');
no_full_names($r, 'XML of a rejected application');
$html = $b{a}->get('/status');
like($html->text, qr/不通过原因：/, 'rejected: 不通过原因');
like($html->text, qr/\Q$WHY\E/, 'rejected: the reason shown');
like($html->text, qr/本年度申报终止/, 'rejected: final for the year');
like($html->text, qr/如有异议，请电话咨询审核人员/, 'rejected: call the reviewer');
like($html->text, qr/退回本人后，方可修改提交/, 'rejected: only a return reopens it');
like($html->text, qr/\Q$phone{ZZSUP}\E/, 'rejected: with the phone');
my ($main) = $html->text =~ m{<main\b(.*?)</main>}s;
unlike($main // '', qr{alertdialog|href="/apply"}, 'rejected: no way back to the form');
no_full_names($html, 'HTML of a rejected application');

# --- approved ---------------------------------------------------------------------

set_state($A, 'submitted');
event($A, 'candidate', 'submit', $cand{a}[3], undef, "$Y-03-05 08:00:00");
event($A, 'unit', 'pass', $actor{unit}, 'ZZBAS', "$Y-03-05 09:00:00");
event($A, 'supervising', 'pass', $actor{supervising}, 'ZZSUP', "$Y-03-05 10:00:00");
event($A, 'city', 'pass', $actor{city}, 'ZZCITY', "$Y-03-05 11:00:00");
set_state($A, 'approved');
$r = status_xml('a');
is($r->xpath('/status/current/@label'), '终审通过', 'approved: 终审通过');
is(join(',', map { $_->getAttribute('state') } $r->nodes('/status/chain/step')),
    'done,done,done', 'approved: every level done');
is(n_nodes($r, '/status/decision'), 0, 'approved: no alert');
like($b{a}->get('/status')->text, qr/终审通过/, 'approved: HTML');

# An event the page does not know is shown, not dropped.
event($A, 'somewhere', 'frobnicate', $actor{city}, 'ZZCITY', "$Y-03-06 11:00:00");
$r = status_xml('a');
is($r->xpath('/status/events/event[last()]/@level-name'), '其他',
    'an unknown level shows as 其他');

# --- the schema is not vacuous -----------------------------------------------------

{
	my $doc = $r->xml->cloneNode(1);
	my ($e) = $doc->findnodes('/status/events/event[@level="unit"]');
	$e->setAttribute('actor', '王单位');
	ok(invalid($doc), "status.rng refuses a reviewer's full name");
	$e->setAttribute('actor', '王**');
	$e->setAttribute('own', '0');
	ok(invalid($doc), 'status.rng refuses own other than 1');
	$doc = $r->xml->cloneNode(1);
	($e) = $doc->findnodes('/status/current');
	$e->setAttribute('state', 'whatever');
	ok(invalid($doc), 'status.rng refuses an unknown state');
}

# --- other chains ------------------------------------------------------------------

# A province-level unit (省直): supervising 河南省水利厅, then the province office.
my $B = new_app('b', 'SZBAS', 'submitted');
event($B, 'candidate', 'submit', $cand{b}[3], undef, "$Y-03-01 08:00:00");
event($B, 'unit', 'pass', $actor{province}, 'SZBAS', "$Y-03-01 09:00:00");
event($B, 'supervising', 'pass', $actor{province}, 'SZSUP', "$Y-03-01 10:00:00");
$r = status_xml('b');
is(join(',', map { $_->getAttribute('level') } $r->nodes('/status/chain/step')),
    'unit,supervising,province', 'a province-level unit ends at the province office');
is($r->xpath('/status/current/@label'), '审核中（待省工考办审核）',
    'province-level unit: 审核中（待省工考办审核）');
is($r->xpath('/status/contact/@phone'), $phone{HN}, 'the province office phone');
no_full_names($r, 'the province reviewer');

# A supervising unit's own candidate skips the repeated level.
my $D = new_app('d', 'ZZSUP', 'submitted');
event($D, 'candidate', 'submit', $cand{d}[3], undef, "$Y-03-01 08:00:00");
$r = status_xml('d');
is(join(',', map { $_->getAttribute('level') } $r->nodes('/status/chain/step')),
    'supervising,city', "a supervising unit's own candidate: supervising, city");
is($r->xpath('/status/current/@label'), '已提交·待主管单位审核',
    'it waits at the supervising unit first');

# --- each sees only their own ----------------------------------------------------------

$r = status_xml('c', "/status?id=$A&application=$A&account=$cand{a}[3]");
is($r->xpath('/status/current/@state'), 'none',
    "parameters do not show another candidate's application");
unlike($r->text, qr/\Q$WHY\E|\Q$REASON\E/, "no trace of A's reasons");
$r = status_xml('b');
is($r->xpath('/status/application/@id'), $B, 'candidate b sees application b');
unlike($r->text, qr/\Q$WHY\E/, "candidate b does not see a's rejection");

# --- staff and anonymous ------------------------------------------------------------------

for my $k (sort keys %staff) {
	my $sb = $s->browser;
	my $lr = $sb->login('staff', $staff{$k}[0], $STAFF_PW);
	is($lr->status, 303, "$k logs in") or diag($lr->dump);
	for my $acc ('xml', 'html') {
		my $x = $sb->get('/status', accept => $acc);
		is($x->status, 403, "$k: /status as $acc is 403");
		unlike($x->text, qr/\Q$WHY\E|审核详情/, "$k: $acc shows no status");
	}
}
{
	my $pb = $s->browser;
	$pb->login('staff', $GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW);
	is($pb->get('/status', accept => 'xml')->status, 403, 'province: 403');
	my $ab = $s->browser;
	my $x = $ab->get('/status');
	is($x->status, 303, 'anonymous: sent away');
	like($x->header('location') // '', qr{^/login}, 'anonymous: to /login');
	is($ab->get('/status', accept => 'xml')->status, 403,
	    'anonymous XML: 403');
}
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'access.denied'
    AND object = '/status'}) >= 10, 1, 'the refusals are audited');

$s->finish;
done_testing;
