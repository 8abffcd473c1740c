# unitcheck.t: 单位名称核对 (003 §三(一); issue 8 §2; fcgi/model/unitcheck.c,
# fcgi/pages/office/h_unitcheck.c): inside the window 单位名称核对 a
# supervising unit corrects the names of itself and its units (audited)
# and confirms 名称已核对 for the year, or undoes it; the offices above see,
# within their subtree, who has confirmed (when, who) and who has not,
# with counts.  Refused with nothing changed: outside the window (named
# with its dates), every field sent wrong, a unit of another supervising
# unit, a sibling's name, a change after confirming; the roles and
# subtrees that may not see.
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
my $PW = 'Staff#2026ab';
my $valid = GKBM::rng_validator('unitcheck');

$s->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
$s->admin('create-unit', 'ZZBAS2', '郑州市水利局二处', 'basic', '410100', 'ZZSUP');
$s->admin('create-unit', 'JSSUP', '金水区教育局', 'supervising', '410105');
$s->admin('create-unit', 'JSBAS', '金水区第一中学', 'basic', '410105', 'JSSUP');
$s->admin('create-unit', 'KFSUP', '开封市民政局', 'supervising', '410200');
my %staff = $s->create_staff($PW, qw(supervising county city kfcity unit));
$s->admin({ stdin => "$PW\n" }, 'create-staff', 'kfzg01', '吴开封', '13700000021',
    'supervising', 'KFSUP');
my %b = $s->staff_browsers($PW, %staff);
{
	my $kb = $s->browser;
	is($kb->login('staff', 'kfzg01', $PW)->status, 303, 'the 开封 supervising admin logs in');
	$b{kfsup} = $kb;
}
my %id = map { $_ => $s->count('SELECT id FROM units WHERE code = ?', $_) }
    qw(ZZSUP ZZBAS ZZBAS2 JSSUP JSBAS KFSUP);
my $sup = $b{supervising};

sub name_of { $s->count('SELECT name FROM units WHERE code = ?', $_[0]) }
sub confirmed { $s->count('SELECT COUNT(*) FROM unit_checks WHERE year = ? AND unit_id = ?',
    $Y, $id{$_[0]}) }
sub rename_unit {
	my ($b, $id, $name) = @_;
	return $b->post('/admin/unitcheck/name', { csrf => $b->csrf('/home'),
	    id => $id, name => $name }, accept => 'xml');
}
sub confirm {
	my ($b, $action) = @_;
	return $b->post('/admin/unitcheck/confirm', { csrf => $b->csrf('/home'),
	    action => $action }, accept => 'xml');
}
sub audits { $s->count(q{SELECT COUNT(*) FROM audit WHERE event IN ('unit.rename',
    'unitcheck.confirm', 'unitcheck.undo')}) }

# --- the supervising unit's page ------------------------------------------------------

my $r = $sup->get('/admin/unitcheck', accept => 'xml');
is($r->status, 200, 'the supervising unit opens 单位名称核对') or diag($r->dump);
$valid->($r, 'its page');
is($r->xpath('/unitcheck/@view'), 'supervising', '... its own view');
is(join(' ', map { $_->getAttribute('code') } $r->nodes('//units/unit')),
    'ZZSUP ZZBAS ZZBAS2', '... itself first, then its units, no other');
is($r->xpath('//units/unit[@self]/@code'), 'ZZSUP', '... itself marked');
ok(!$r->xpath('//check/@confirmed-at'), '... not yet confirmed');
ok(!$r->xpath('//window/@starts'), '... the window not yet set');
unlike($sup->get('/admin/unitcheck')->text, qr/修改名称/,
    'without the window the page offers no 修改名称');

# --- outside the window ---------------------------------------------------------------

$r = rename_unit($sup, $id{ZZBAS}, '郑州市水利局机关服务中心');
is($r->status, 400, 'a rename without the window: 400');
like($r->xpath('/unitcheck/form/message'), qr/本年度单位名称核对时间尚未公布/,
    '... saying the window is not set');
$valid->($r, 'the refused rename');
is(name_of('ZZBAS'), '郑州市水利局机关', '... nothing changed');
$r = confirm($sup, 'confirm');
is($r->status, 400, 'a confirmation without the window: 400');
is(confirmed('ZZSUP'), 0, '... nothing stored');
$s->admin('window', $Y, 'unitcheck', GKBM::_ymdhm(-15 * 86400), GKBM::_ymdhm(-86400));
my $st = $s->count(q{SELECT DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i') FROM windows
    WHERE year = ? AND kind = 'unitcheck'}, $Y);
$r = rename_unit($sup, $id{ZZBAS}, '郑州市水利局机关服务中心');
is($r->status, 400, 'a rename after the window: 400');
like($r->xpath('/unitcheck/form/message'),
    qr/^单位名称核对时间为\Q$st\E至.*当前不在单位名称核对时间内，不能修改或确认单位名称。$/,
    '... naming the window and its dates');
is(name_of('ZZBAS'), '郑州市水利局机关', '... nothing changed');
is(confirm($sup, 'confirm')->status, 400, 'a confirmation after the window: 400');
is(confirmed('ZZSUP'), 0, '... nothing stored');
is(audits(), 0, 'nothing audited');

# --- inside the window: correcting names --------------------------------------------------

$s->admin('window', $Y, 'unitcheck', GKBM::_ymdhm(-86400), GKBM::_ymdhm(7 * 86400));
like($sup->get('/admin/unitcheck')->text, qr/修改名称/, 'inside the window the page offers 修改名称');
$r = rename_unit($sup, $id{ZZBAS}, '郑州市水利局机关服务中心');
is($r->status, 303, 'the supervising unit corrects a unit\'s name') or diag($r->dump);
like($r->header('location') // '', qr{^/admin/unitcheck\?m=renamed}, '... back to the page');
is(name_of('ZZBAS'), '郑州市水利局机关服务中心', '... stored');
my $a = $s->last_audit('unit.rename');
is($a->{object}, "unit:$id{ZZBAS}", '... audited');
is($a->{reason}, '郑州市水利局机关 -> 郑州市水利局机关服务中心', '... with both names');
is(rename_unit($sup, $id{ZZSUP}, '郑州市水利局（本级）')->status, 303, 'and its own name');
is(name_of('ZZSUP'), '郑州市水利局（本级）', '... stored');

my $before = audits();
for my $bad (
    [{ id => 'x', name => '某单位' }, 'id', qr/请选择要修改名称的单位/, 'an id that is no number'],
    [{ id => '', name => '某单位' }, 'id', qr/请选择要修改名称的单位/, 'no id'],
    [{ id => $id{ZZBAS}, name => '' }, 'name', qr/请输入单位名称/, 'no name'],
    [{ id => $id{ZZBAS}, name => '郑' }, 'name', qr/2至50个字/, 'a name of one character'],
    [{ id => $id{ZZBAS}, name => '郑' x 51 }, 'name', qr/2至50个字/, 'a name of 51 characters'],
    ) {
	my ($f, $field, $re, $what) = @$bad;
	$r = $sup->post('/admin/unitcheck/name', { csrf => $sup->csrf('/home'), %$f },
	    accept => 'xml');
	is($r->status, 400, "$what: 400");
	like($r->xpath("/unitcheck/form/field[\@name='$field']/error") // '', $re,
	    "$what: the message at $field");
	$valid->($r, $what);
}
for my $bad (
    [$id{JSBAS}, '金水区第一中学新', qr/只能修改本单位及所属单位的名称/, 'a unit of another supervising unit'],
    [$id{KFSUP}, '开封市民政局新', qr/只能修改本单位及所属单位的名称/, 'another supervising unit'],
    [999999, '不存在的单位', qr/只能修改本单位及所属单位的名称/, 'no such unit'],
    [$id{ZZBAS}, '郑州市水利局机关服务中心', qr/名称未修改/, 'the same name'],
    [$id{ZZBAS}, '郑州市水利局二处', qr/同一主管单位下已有同名单位/, 'a sibling\'s name'],
    ) {
	my ($uid, $name, $re, $what) = @$bad;
	$r = rename_unit($sup, $uid, $name);
	is($r->status, 400, "$what: 400");
	like($r->xpath('/unitcheck/form/message') // '', $re, "$what: says why");
}
$r = rename_unit($sup, $id{ZZBAS}, "郑州\x01水利");
is($r->status, 400, 'a control character in the name: 400');
like($r->text, qr/不是有效的UTF-8编码/, '... says why');
is(name_of('JSBAS'), '金水区第一中学', 'another\'s unit unchanged');
is(name_of('KFSUP'), '开封市民政局', 'another supervising unit unchanged');
is(name_of('ZZBAS'), '郑州市水利局机关服务中心', 'the sibling not renamed');
is(audits(), $before, 'no refused change audited');

# --- confirming ----------------------------------------------------------------------------

$r = confirm($sup, 'yes');
is($r->status, 400, 'an unknown action: 400');
like($r->xpath('/unitcheck/form/message'), qr/请选择确认或撤销确认/, '... says why');
is(confirm($sup, '')->status, 400, 'no action: 400');
is(confirmed('ZZSUP'), 0, '... nothing stored');
$r = confirm($sup, 'undo');
is($r->status, 400, 'undoing what was not confirmed: 400');
like($r->xpath('/unitcheck/form/message'), qr/尚未确认/, '... says why');
$r = confirm($sup, 'confirm');
is($r->status, 303, 'the supervising unit confirms 名称已核对') or diag($r->dump);
is(confirmed('ZZSUP'), 1, '... stored for the year');
is($s->last_audit('unitcheck.confirm')->{object}, "unitcheck:$Y/$id{ZZSUP}", '... audited');
$r = $sup->get('/admin/unitcheck', accept => 'xml');
$valid->($r, 'the confirmed page');
is($r->xpath('//check/@confirmed-by'), '赵主管', '... by whom');
like($r->xpath('//check/@confirmed-at') // '', qr/^\d{4}-\d\d-\d\d \d\d:\d\d$/, '... when');
$r = confirm($sup, 'confirm');
is($r->status, 400, 'confirming twice: 400');
like($r->xpath('/unitcheck/form/message'), qr/已确认/, '... says so');
$r = rename_unit($sup, $id{ZZBAS}, '郑州市水利局机关后勤中心');
is($r->status, 400, 'a rename after confirming: 400');
like($r->xpath('/unitcheck/form/message'), qr/请先撤销确认/, '... says to undo first');
is(name_of('ZZBAS'), '郑州市水利局机关服务中心', '... nothing changed');
is(confirm($sup, 'undo')->status, 303, 'the confirmation is undone');
is(confirmed('ZZSUP'), 0, '... removed');
is($s->last_audit('unitcheck.undo')->{object}, "unitcheck:$Y/$id{ZZSUP}", '... audited');
is(confirm($sup, 'confirm')->status, 303, 'and confirmed again');

# --- the offices -----------------------------------------------------------------------

my %want = (
	city => [2, 1, 'JSSUP ZZSUP'],		# not yet first
	county => [1, 0, 'JSSUP'],
	kfcity => [1, 0, 'KFSUP'],
	province => [3, 1, 'JSSUP KFSUP ZZSUP'],
);
for my $k (sort keys %want) {
	$r = $b{$k}->get('/admin/unitcheck', accept => 'xml');
	is($r->status, 200, "$k opens 单位名称核对") or diag($r->dump);
	$valid->($r, "$k\'s list");
	my ($total, $done, $codes) = @{ $want{$k} };
	is($r->xpath('//summary/@total'), $total, "$k: $total supervising units in its subtree");
	is($r->xpath('//summary/@confirmed'), $done, "$k: $done confirmed");
	is($r->xpath('//summary/@pending'), $total - $done, "$k: " . ($total - $done) . ' not yet');
	is(join(' ', map { $_->getAttribute('code') } $r->nodes('//list/row')), $codes,
	    "$k: the rows, not yet confirmed first");
}
$r = $b{city}->get('/admin/unitcheck?k=done', accept => 'xml');
is(join(' ', map { $_->getAttribute('code') } $r->nodes('//list/row')), 'ZZSUP',
    'the city: 已核对 only');
is($r->xpath('//row/@confirmed-by'), '赵主管', '... who confirmed');
is($r->xpath('//row/@units'), 2, '... its units counted');
$r = $b{city}->get('/admin/unitcheck?k=todo', accept => 'xml');
is(join(' ', map { $_->getAttribute('code') } $r->nodes('//list/row')), 'JSSUP',
    'the city: 未核对 only');
like($b{city}->get('/admin/unitcheck')->text, qr/已核对 <strong>1<\/strong> 个，未核对 <strong>1<\/strong> 个/,
    'the page states the counts');
$r = $b{city}->get("/admin/unitcheck?unit=$id{ZZSUP}", accept => 'xml');
is($r->status, 200, 'the city opens one supervising unit of its subtree');
$valid->($r, 'one supervising unit');
is(join(' ', map { $_->getAttribute('name') } $r->nodes('//units/unit')),
    '郑州市水利局（本级） 郑州市水利局机关服务中心 郑州市水利局二处', '... with its units\' names');
is($b{kfcity}->get("/admin/unitcheck?unit=$id{ZZSUP}", accept => 'xml')->status, 404,
    'another city: 404');
is($b{county}->get("/admin/unitcheck?unit=$id{ZZSUP}", accept => 'xml')->status, 404,
    'a county outside it: 404');
is($b{county}->get("/admin/unitcheck?unit=$id{JSSUP}", accept => 'xml')->status, 200,
    'the county: one of its own');
is($b{city}->get("/admin/unitcheck?unit=$id{ZZBAS}", accept => 'xml')->status, 404,
    'a basic unit is no supervising unit: 404');
for my $q ('k=bad', 'page=0', 'page=x', 'unit=x', 'unit=0') {
	$r = $b{city}->get("/admin/unitcheck?$q", accept => 'xml');
	is($r->status, 400, "?$q: 400");
	like($r->text, qr/查询条件不正确/, "?$q: says why");
}

# --- who may not -----------------------------------------------------------------------

my $cand = $s->browser;
$s->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate', $Y,
    GKBM::idno('410105', '19880808', '321'), '李四', '13912340002', '410100', '4');
is($cand->login('candidate', '13912340002', 'Passw0rdx9')->status, 303, 'a candidate logs in');
for my $who (['unit', $b{unit}], ['candidate', $cand], ['anon', $s->browser]) {
	my ($k, $b) = @$who;
	my $st = $b->get('/admin/unitcheck', accept => 'xml')->status;
	ok($st == 403 || ($k eq 'anon' && $st == 303), "$k: GET refused ($st)");
}
for my $k (qw(city county province)) {
	is(rename_unit($b{$k}, $id{ZZBAS}, '某某')->status, 403, "$k: no rename (403)");
	is(confirm($b{$k}, 'confirm')->status, 403, "$k: no confirmation (403)");
}
is(rename_unit($b{kfsup}, $id{ZZBAS}, '开封改郑州')->status, 400,
    'another supervising unit: its rename of ours refused');
is(name_of('ZZBAS'), '郑州市水利局机关服务中心', '... nothing changed');
is(confirm($b{kfsup}, 'confirm')->status, 303, 'it confirms its own');
is(confirmed('KFSUP'), 1, '... its own row');
is(confirmed('ZZSUP'), 1, '... ours untouched');

$s->finish;
done_testing();
