# apply.t: the application form (报名信息, SPEC.md 3.3): the form of a new
# candidate (application row, the registration's ID-card photo copied),
# saving good values, every field sent in a bad format (400, its message
# next to it, nothing stored, the typed values kept), read-only fields
# that cannot be changed by posting them, the unit cascade without
# JavaScript (下一级, action=pick_unit) and with it (/lookup/units), years
# of work that may only be lowered, the level-1 extras, a stale version,
# a returned and a rejected application, and the RELAX NG contract.
use strict;
use warnings;
use utf8;

use File::Path qw(make_path);
use Test::More;
use GKBM;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $PW = 'Passw0rdx9';
my $dbh = $s->dbh;
# valid(RESPONSE, LABEL): one test, the XML against apply.rng.
my $valid = GKBM::rng_validator('apply');
sub valid { local $Test::Builder::Level = $Test::Builder::Level + 1;
	$valid->(@_) }

$s->admin('create-unit', 'ZZCITY', '郑州市工考办', 'city', '410100');
$s->admin('create-unit', 'ZZSUP', '郑州市水利局', 'supervising', '410100');
$s->admin('create-unit', 'JSSUP', '金水区教育局', 'supervising', '410105');
$s->admin('create-unit', 'ZZBAS1', '郑州市水利局机关', 'basic', '410100', 'ZZSUP');
$s->admin('create-unit', 'ZZBAS2', '郑州市水文水资源勘测局', 'basic', '410100', 'ZZSUP');
$s->admin('create-unit', 'KFSUP', '开封市教育局', 'supervising', '410200');
$s->admin('create-unit', 'KFBAS', '开封市第一中学', 'basic', '410200', 'KFSUP');
my %uid = map { $_ => $s->count('SELECT id FROM units WHERE code = ?', $_) }
    qw(ZZCITY ZZSUP JSSUP ZZBAS1 ZZBAS2 KFSUP KFBAS);

my $ID1 = GKBM::idno('410105', '19800501', 123);	# male
my $ID2 = GKBM::idno('410105', '19700312', 224);	# female, level 1
$s->admin({ stdin => "$PW\n" }, 'create-candidate', $Y, $ID1, '李明',
    '13900000001', '410100', 4);
$s->admin({ stdin => "$PW\n" }, 'create-candidate', $Y, $ID2, '王芳',
    '13900000002', '410100', 1);
my $A1 = $s->count("SELECT id FROM accounts WHERE name = '李明'");
my $A2 = $s->count("SELECT id FROM accounts WHERE name = '王芳'");

# The registration's ID-card photo, as h_register stores it.
my $JPG = GKBM::jpeg(120, 80);
my $IDFILE = 'ab' . ('0123456789abcdef' x 3) . '0123456789ab01';
make_path($s->dir . '/uploads/ab');
open(my $fh, '>:raw', $s->dir . "/uploads/ab/$IDFILE") or die;
print $fh $JPG;
close $fh;
$dbh->do('UPDATE accounts SET idcard_file = ? WHERE id = ?', undef, $IDFILE, $A1);

my $b = $s->browser;
my $r = $b->login('candidate', $ID1, $PW);
is($r->status, 303, 'the candidate logs in') or diag($r->dump);

# --- the form of a new candidate ---------------------------------------------

is($s->count('SELECT COUNT(*) FROM applications'), 0, 'no application yet');
$r = $b->get('/apply', accept => 'xml');
is($r->status, 200, 'GET /apply') or diag($r->dump);
valid($r, 'the new form');
is($s->count('SELECT COUNT(*) FROM applications WHERE account_id = ?', $A1), 1,
    'the first visit creates the application');
my $APP = $s->count('SELECT id FROM applications WHERE account_id = ?', $A1);
is($s->count('SELECT state FROM applications WHERE id = ?', $APP), 'draft', '... a draft');
is($s->count('SELECT version FROM applications WHERE id = ?', $APP), 1, '... version 1');
is($s->count('SELECT year FROM applications WHERE id = ?', $APP), $Y, '... of the account\'s year');
is($r->xpath('/apply/application/@state'), 'draft', 'the page shows the draft');
is($r->xpath('/apply/application/@editable'), '1', '... editable');
is($s->count(q{SELECT COUNT(*) FROM materials WHERE application_id = ? AND kind = 'idcard'}, $APP),
    1, 'the registration\'s ID-card photo became the idcard material');
my $copy = $s->count(q{SELECT file FROM materials WHERE application_id = ? AND kind = 'idcard'}, $APP);
isnt($copy, $IDFILE, '... as a copy under its own name');
ok(-f $s->dir . '/uploads/' . substr($copy, 0, 2) . "/$copy", '... stored on disk');
is(-s $s->dir . '/uploads/' . substr($copy, 0, 2) . "/$copy", length($JPG), '... the same bytes');
is(scalar(() = $r->nodes("/apply/materials/material[\@kind='idcard']")), 1,
    'the page lists the ID-card photo');
like($r->xpath('/apply/account/@idno') // '', qr/^410105\*{8}\d{3}[\dX]$/, 'the ID number is masked');
is($r->xpath('/apply/account/@phone'), '139****0001', 'the phone is masked');
is($r->xpath('/apply/account/@name'), '李明', 'the name from registration');
is($r->xpath('/apply/account/@gender'), '男', 'the gender from registration');
is($r->xpath('/apply/account/@birth'), '1980-05', 'the birth month from registration');
unlike($r->body, qr/\Q$ID1\E/, 'the full ID number is nowhere in the page');
is($r->xpath("/apply/form/field[\@name='target_level']/\@value"), '4',
    'the target level starts as the registered level');
is($r->xpath("/apply/form/field[\@name='region']/\@value"), '410100',
    'the unit choice starts at the registered city');
is_deeply([sort map { $_->getAttribute('id') } $r->nodes('/apply/unit-tree/supervisors/unit')],
    [sort($uid{ZZSUP}, $uid{JSSUP})], 'the supervising units of the city are offered');
ok(!scalar($r->nodes('/apply/unit-tree/units')), 'no third level before a supervising unit is chosen');
is(scalar(() = $r->nodes('/apply/appraisal-years/year')), 5, 'five appraisal years');
is($r->xpath('/apply/appraisal-years/year[1]/@value'), $Y - 1, '... from the year before');
is($r->xpath('/apply/appraisal-years/year[5]/@value'), $Y - 5, '... to five years before');
ok(scalar($r->nodes("/apply/worktypes/worktype[\@code='W906']/maps-to[\@code='W023']")),
    'the work types list the new counterparts of merged ones');
my $V = $r->xpath("/apply/form/field[\@name='version']/\@value");
is($V, 1, 'the form carries the version');
my $csrf = $r->xpath('/apply/meta/csrf');

$r = $b->get('/apply', accept => 'xml');
is($s->count('SELECT COUNT(*) FROM applications WHERE account_id = ?', $A1), 1,
    'a second visit creates nothing');
is($s->count('SELECT COUNT(*) FROM materials WHERE application_id = ?', $APP), 1,
    '... and copies nothing again');

$r = $b->get('/apply');
is($r->status, 200, 'the form renders as HTML') or diag($r->text);
my $html = $r->text;
like($html, qr/<h1[^>]*>报名信息</, 'the title is 报名信息');
for my $label (qw(单位信息 文化程度 参加工作时间 工作年限 现岗位等级 现岗位工种
    现等级取得时间 单位类别 单位级别 申报岗位工种 申报岗位等级 申报方式 年度考核
    考核结果说明 是否存在禁止申报情形 破格晋升 个人照片 身份证照片 资料上传 手机扫码上传
    短信验证码 保存信息 提交信息)) {
	like($html, qr/\Q$label\E/, "the page has $label");
}
like($html, qr/name="action" value="pick_unit"/, 'a 下一级 button for the cascade without JavaScript');
like($html, qr{<script src="/static/js/apply.js"}, 'apply.js is loaded');
like($html, qr/id="level1-block"[^>]*hidden/, 'the level-1 block is hidden for level 4');
like($html, qr/hly/, 'the hint names the pinyin search');
unlike($html, qr/style=|onclick=|<script>/, 'no inline style or script');

# Issue 6 item 5: the form does not contradict itself.
like($html, qr{class="badge">当前可填报<}, 'the date box says 当前可填报 on the form');
unlike($html, qr/当前可注册/, '... not 当前可注册');
like($html, qr/id="f-unit_id-hint"[^>]*>[^<]*点击“下一级”/,
    'without JavaScript the unit hint names the 下一级 button it shows');
like($html, qr/data-js-hint="[^"]*自动出现/, '... with JavaScript another hint is ready');
unlike($html =~ /data-js-hint="([^"]*)"/ ? $1 : '下一级', qr/下一级”/,
    '... which does not name the hidden button');
like($html, qr{<input type="checkbox" id="f-exceptional"[^>]*class="exc-toggle"[^>]*>\s*<label[^>]*>[^<]*</label>\s*<div id="exc-more" class="exc-more">},
    '破格晋升: the details follow the box (CSS opens them when ticked)');
unlike($html =~ /id="f-exceptional"[^>]*>/ ? $& : 'checked', qr/checked/,
    '... which is not ticked');
like(GKBM::_slurp(GKBM::top_srcdir() . '/www/css/gkbm.css'),
    qr/\.exc-toggle:not\(:checked\) ~ \.exc-more \{ display: none; \}/,
    '... and the stylesheet hides them until it is');
like($html, qr/id="exc-uploads"[^>]*hidden/, '... its uploads are hidden too');
like($html, qr/id="f-sms_code-hint"[^>]*>[^<]*5分钟内有效；60秒后可重新获取/,
    'the SMS hint states the validity and the wait');
like($html, qr/data-wait="60"/, '... the button counts down the same wait');
$r = $b->get('/apply', accept => 'xml');
is($r->xpath('/apply/sms/@wait'), '60', '... both from the server: wait');
is($r->xpath('/apply/sms/@valid'), '5', '... and validity');
unlike($html, qr/id="route-block"[^>]*hidden/, '申报方式 is offered for level 4');

# --- saving -------------------------------------------------------------------------

my $v0;
my %good = (
	csrf => $csrf, action => 'save', region => '410100',
	supervisor => $uid{ZZSUP}, unit_id => $uid{ZZBAS1}, education => '60',
	work_start => '2008-07-01', work_years => $Y - 2008 + 1,
	cur_level => 5, cur_worktype => 'W019', cur_level_year => $Y - 6,
	unit_category => 'institution', unit_rank => 'city',
	target_worktype => 'W019', target_level => 4, route => 'certificate',
	(map { ("appraisal_$_" => '2') } $Y - 5 .. $Y - 1),
	prohibited => 'no', appraisal_note => '',
);

sub version { $s->count('SELECT version FROM applications WHERE id = ?', $APP) }

sub post {
	my ($over, %o) = @_;
	my %f = (%good, version => version(), %{ $over || {} });
	delete $f{$_} for grep { !defined $f{$_} } keys %f;
	return $b->post('/apply', \%f, accept => $o{accept} // 'xml');
}

$r = post();
is($r->status, 303, 'save with good values: 303') or diag($r->dump);
is($r->header('location'), '/apply?m=saved', '... back to the form with 保存成功');
is(version(), 2, 'the version rose');
my $row = $dbh->selectrow_hashref('SELECT * FROM applications WHERE id = ?', undef, $APP);
is($row->{unit_id}, $uid{ZZBAS1}, 'unit stored');
is($row->{education}, '60', 'education stored');
is($row->{work_start}, '2008-07-01', 'work_start stored');
is($row->{work_years}, $Y - 2008 + 1, 'work_years stored');
is($row->{cur_level}, 5, 'cur_level stored');
is($row->{cur_worktype}, 'W019', 'cur_worktype stored');
is($row->{cur_level_year}, $Y - 6, 'cur_level_year stored');
is($row->{unit_category}, 'institution', 'unit_category stored');
is($row->{unit_rank}, 'city', 'unit_rank stored');
is($row->{target_level}, 4, 'target_level stored');
is($row->{route}, 'certificate', 'route stored');
is($row->{prohibited}, 0, 'prohibited stored');
is($row->{state}, 'draft', 'still a draft');
is($s->count('SELECT COUNT(*) FROM appraisals WHERE application_id = ?', $APP), 5,
    'five appraisals stored');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'application.save'}), 1,
    'the save is audited');
$r = $b->get('/apply?m=saved', accept => 'xml');
is($r->xpath('/apply/meta/flash'), '保存成功。', 'the form says 保存成功');
is($r->xpath("/apply/form/field[\@name='unit_id']/\@value"), $uid{ZZBAS1}, 'the unit is shown');
is($r->xpath("/apply/form/field[\@name='supervisor']/\@value"), $uid{ZZSUP},
    '... with its supervising unit');
is_deeply([sort map { $_->getAttribute('id') } $r->nodes('/apply/unit-tree/units/unit')],
    [sort($uid{ZZBAS1}, $uid{ZZBAS2})], '... and its siblings offered');
is($r->xpath("/apply/form/field[\@name='appraisal_" . ($Y - 3) . "']/\@value"), '2',
    'the appraisals are shown');
valid($r, 'the saved form');

# A partial draft: save checks formats only.
$r = post({ education => '', cur_worktype => '', prohibited => '' });
is($r->status, 303, 'a draft with empty fields saves') or diag($r->dump);
is($s->count('SELECT education IS NULL FROM applications WHERE id = ?', $APP), 1,
    '... the empty field is stored empty');
post();

# --- every field in a bad format ------------------------------------------------------

# refused(label, {over}, field, qr/msg/): 400, the message at field, nothing
# stored, the typed values kept.
sub refused {
	my ($label, $over, $field, $re) = @_;
	my $v0 = version();
	my $r = post({ unit_category => 'admin', %$over });
	is($r->status, 400, "$label: 400") or diag($r->dump);
	like($r->xpath("/apply/form/field[\@name='$field']/error") // '', $re,
	    "$label: the message next to $field") or diag($r->text);
	is($r->xpath('/apply/form/@status'), 'invalid', "$label: form invalid");
	is(version(), $v0, "$label: nothing stored");
	is($s->count('SELECT education FROM applications WHERE id = ?', $APP), '60',
	    "$label: the stored values are unchanged");
	is($r->xpath("/apply/form/field[\@name='unit_category']/\@value"),
	    $over->{unit_category} // 'admin', "$label: the typed values are kept");
	return $r;
}

refused('unit not a number', { unit_id => 'abc' }, 'unit_id', qr/请从列表中选择所在单位/);
refused('unit unknown', { unit_id => 999999 }, 'unit_id', qr/所选单位不存在/);
refused('unit a city office', { unit_id => $uid{ZZCITY}, supervisor => '' },
    'unit_id', qr/所选单位不存在/);
refused('unit of another supervising unit', { unit_id => $uid{KFBAS} }, 'unit_id',
    qr/不属于所选地区或主管单位/);
refused('unit of another region', { region => '410200', supervisor => '',
    unit_id => $uid{ZZBAS1} }, 'unit_id', qr/不属于所选地区或主管单位/);
refused('region malformed', { region => '41010x' }, 'region', qr/选择地区/);
refused('supervisor malformed', { supervisor => 'x' }, 'supervisor', qr/选择主管单位/);
refused('education unknown', { education => '99' }, 'education', qr/选择文化程度/);
refused('education too long', { education => '600' }, 'education', qr/选择文化程度/);
refused('work_start no date', { work_start => '2020-02-30' }, 'work_start', qr/日期/);
refused('work_start format', { work_start => '20200101' }, 'work_start', qr/日期|YYYY/);
refused('work_start too early', { work_start => '1930-01-01' }, 'work_start', qr/1940年至/);
refused('work_start future', { work_start => ($Y + 1) . '-01-01' }, 'work_start', qr/1940年至/);
refused('work_years letters', { work_years => 'abc' }, 'work_years', qr/0至80之间的整数/);
refused('work_years negative', { work_years => '-1' }, 'work_years', qr/0至80之间的整数/);
refused('work_years 81', { work_years => '81' }, 'work_years', qr/0至80之间的整数/);
refused('work_years raised', { work_years => $Y - 2008 + 2 }, 'work_years',
    qr/最多为@{[$Y - 2008 + 1]}年.*只能往下修改/);
refused('cur_level 6', { cur_level => '6' }, 'cur_level', qr/选择现岗位等级/);
refused('cur_level letter', { cur_level => 'x' }, 'cur_level', qr/选择现岗位等级/);
refused('cur_worktype unknown', { cur_worktype => 'W999' }, 'cur_worktype', qr/没有这个工种/);
refused('cur_worktype long', { cur_worktype => 'W' x 9 }, 'cur_worktype', qr/没有这个工种/);
refused('cur_level_year 1949', { cur_level_year => '1949' }, 'cur_level_year', qr/四位年份/);
refused('cur_level_year future', { cur_level_year => $Y + 1 }, 'cur_level_year', qr/四位年份/);
refused('cur_level_year letters', { cur_level_year => 'abcd' }, 'cur_level_year', qr/四位年份/);
refused('unit_category', { unit_category => 'other' }, 'unit_category', qr/行政或事业/);
refused('unit_rank', { unit_rank => 'village' }, 'unit_rank', qr/单位级别/);
refused('target_worktype unknown', { target_worktype => 'W999' }, 'target_worktype', qr/没有这个工种/);
refused('target_worktype merged', { target_worktype => 'W906' }, 'target_worktype',
    qr/已合并或取消.*新工种/);
refused('target_level 0', { target_level => '0' }, 'target_level', qr/申报岗位等级/);
refused('target_level 6', { target_level => '6' }, 'target_level', qr/申报岗位等级/);
refused('route', { route => 'fast' }, 'route', qr/按工作年限申报或按岗位等级证书申报/);
refused('appraisal grade', +{ 'appraisal_' . ($Y - 2) => '7' }, 'appraisal_' . ($Y - 2),
    qr/考核等次/);
refused('prohibited', { prohibited => 'maybe' }, 'prohibited', qr/是或否/);
refused('exceptional', { exceptional => '2' }, 'exceptional', qr/勾选或不勾选/);
refused('exc_cond value', { exc_cond_c1 => 'on' }, 'exc_conditions', qr/破格晋升条件/);
refused('exc_conditions code', { exc_conditions => 'c1,c9' }, 'exc_conditions', qr/破格晋升条件/);
refused('confirm_r18', { confirm_r18 => 'yes' }, 'confirm_r18', qr/勾选或不勾选/);
refused('confirm_r19', { confirm_r19 => 'yes' }, 'confirm_r19', qr/勾选或不勾选/);
refused('appraisal_note too long', { appraisal_note => '说' x 501 }, 'appraisal_note',
    qr/不能超过500个字/);
refused('exc_evidence too long', { exc_evidence => '证' x 1001 }, 'exc_evidence',
    qr/不能超过1000个字/);
refused('resume too long', { resume => '简' x 4001 }, 'resume', qr/不能超过4000个字/);
refused('rewards too long', { rewards => '奖' x 4001 }, 'rewards', qr/不能超过4000个字/);
refused('achievements too long', { achievements => '业' x 4001 }, 'achievements',
    qr/不能超过4000个字/);
refused('opt_conditions too long', { opt_conditions => '可' x 2001 }, 'opt_conditions',
    qr/不能超过2000个字/);

# A control character is refused by the request parser itself.
$v0 = version();
$r = post({ appraisal_note => "a\x01b" });
is($r->status, 400, 'a control character in a text: 400');
like($r->xpath('/error/error/message') // '', qr/UTF-8|无法识别/, '... with a message');
is(version(), $v0, '... nothing stored');

# Several at once: all of them reported.
$r = post({ education => '99', cur_level => '9', route => 'x' });
is($r->status, 400, 'three bad fields: 400');
is(scalar(() = $r->nodes('/apply/form/field[error]')), 3, '... three messages at once');
valid($r, 'a refused save');

# Version missing or malformed.
$v0 = version();
$r = post({ version => '' });
is($r->status, 400, 'no version: 400');
like($r->xpath('/apply/form/message') // '', qr/页面已过期/, '... the page is out of date');
is(version(), $v0, '... nothing stored');
$r = post({ version => 'x1' });
is($r->status, 400, 'a malformed version: 400');

# An unknown action stores nothing.
$r = post({ action => 'delete' });
is($r->status, 400, 'an unknown action: 400');
is(version(), $v0, '... nothing stored');

# The HTML shows the message next to the field.
$r = post({ cur_level => '9', education => '70' }, accept => 'html');
is($r->status, 400, 'a bad field in HTML: 400');
like($r->text, qr/class="field has-error".*选择现岗位等级/s, '... the field is marked with its message');
like($r->text, qr/value="70" selected/, '... the typed education is kept');

# --- read-only fields --------------------------------------------------------------

my $acct0 = $dbh->selectrow_hashref('SELECT name, gender, birth_date, idno_mac, phone_mac FROM accounts WHERE id = ?', undef, $A1);
$r = post({ name => '张冒名', idno => GKBM::idno('410105', '19900101', 555),
    gender => 'F', birth => '1990-01-01', phone => '13999999999' });
is($r->status, 303, 'posting the read-only fields: still a save') or diag($r->dump);
my $acct1 = $dbh->selectrow_hashref('SELECT name, gender, birth_date, idno_mac, phone_mac FROM accounts WHERE id = ?', undef, $A1);
is_deeply($acct1, $acct0, 'name, ID, gender, birth date and phone are unchanged');
$r = $b->get('/apply', accept => 'xml');
is($r->xpath('/apply/account/@name'), '李明', 'the page still shows the registered name');
is($r->xpath('/apply/account/@gender'), '男', '... and gender');
ok(!scalar($r->nodes("/apply/form/field[\@name='name' or \@name='idno' or \@name='phone']")),
    'the read-only values are no form fields');

# --- the unit cascade ----------------------------------------------------------------

$v0 = version();
$r = post({ action => 'pick_unit', region => '410200', supervisor => '', unit_id => '',
    education => '70' });
is($r->status, 200, 'pick_unit 开封市: 200') or diag($r->dump);
is_deeply([map { $_->getAttribute('id') } $r->nodes('/apply/unit-tree/supervisors/unit')],
    [$uid{KFSUP}], '... offers the supervising units of 开封市');
is($r->xpath("/apply/form/field[\@name='education']/\@value"), '70', '... keeps what was typed');
is(version(), $v0, '... stores nothing');
valid($r, 'pick_unit');
$r = post({ action => 'pick_unit', region => '410200', supervisor => $uid{KFSUP},
    unit_id => '' });
is_deeply([map { $_->getAttribute('id') } $r->nodes('/apply/unit-tree/units/unit')],
    [$uid{KFBAS}], 'pick_unit 开封市教育局 offers its units');
is($r->xpath('/apply/unit-tree/units/@parent'), $uid{KFSUP}, '... under that parent');
$r = post({ action => 'pick_unit', region => '410100', supervisor => $uid{KFSUP},
    unit_id => $uid{KFBAS} });
is($r->xpath("/apply/form/field[\@name='supervisor']/\@value"), '',
    'changing the region clears the supervising unit of another region');
is($r->xpath("/apply/form/field[\@name='unit_id']/\@value"), '', '... and the unit');
ok(!scalar($r->nodes('/apply/unit-tree/units')), '... and the third level');
$r = post({ action => 'pick_unit' }, accept => 'html');
is($r->status, 200, 'pick_unit renders as HTML');
like($r->text, qr/郑州市水文水资源勘测局/, '... with the units of the chosen supervising unit');
like($r->text, qr/郑州市水利局（主管单位本级）/, '... and the supervising unit itself');
# The supervising unit itself is a unit one may belong to.
$r = post({ unit_id => $uid{ZZSUP} });
is($r->status, 303, 'saving the supervising unit itself as the unit') or diag($r->dump);
is($s->count('SELECT unit_id FROM applications WHERE id = ?', $APP), $uid{ZZSUP}, '... stored');
# With JavaScript: the same levels from /lookup/units.
$r = $b->get("/lookup/units?parent=$uid{ZZSUP}", accept => 'xml');
is_deeply([sort map { $_->getAttribute('id') } $r->nodes('/units/unit')],
    [sort($uid{ZZBAS1}, $uid{ZZBAS2})], 'apply.js gets the same units from /lookup/units');
post();

# --- years of work may only be lowered ------------------------------------------------

$r = post({ work_start => '2010-09-01', work_years => $Y - 2010 + 2 });
is($r->status, 400, 'years of work above the maximum: 400');
$r = post({ work_start => '2010-09-01', work_years => $Y - 2010 - 2 });
is($r->status, 303, 'years of work lowered: saved');
is($s->count('SELECT work_years FROM applications WHERE id = ?', $APP), $Y - 2010 - 2, '... stored');
$r = post({ work_start => '2010-09-01', work_years => '' });
is($r->status, 303, 'years of work left empty: saved');
is($s->count('SELECT work_years FROM applications WHERE id = ?', $APP), $Y - 2010 + 1,
    '... filled in as report year - start year + 1');
post();

# --- a stale version -------------------------------------------------------------------

$v0 = version();
$r = post({ version => $v0 - 1, education => '30' });
is($r->status, 409, 'a save with an old version: 409') or diag($r->dump);
like($r->xpath('/apply/form/message') // '', qr/其他页面或窗口中修改过/, '... says why');
is($r->xpath("/apply/form/field[\@name='education']/\@value"), '30', '... keeps what was typed');
is(version(), $v0, '... stores nothing');
valid($r, 'a 409');

# --- level 5: no 申报方式 ----------------------------------------------------------------

$r = post({ target_level => 5, route => '' }, accept => 'html');
$r = $b->get('/apply');
like($r->text, qr/id="route-block" class="route-block" hidden/,
    'target level 5: 申报方式 is not offered');
post();

# --- level 1 ---------------------------------------------------------------------------

$r = post({ target_level => 1 }, accept => 'html');
$r = $b->get('/apply');
like($r->text, qr/id="level1-block" class="level1">/, 'target level 1: the level-1 block is shown');
like($r->text, qr/最近工资审批表和年度考核优秀（优秀党员）材料由上级审核员上传/,
    '... saying the reviewer uploads the salary form and appraisal evidence (R21)');
for my $l (qw(学习工作简历 奖惩情况 主要技术业务工作业绩 可选条件 考评申报表照片 二级（技师）证书照片 其它申报材料 电子文档)) {
	like($r->text, qr/\Q$l\E/, "level 1: $l");
}
post();
my $b2 = $s->browser;
$b2->login('candidate', $ID2, $PW);
$r = $b2->get('/apply');
is($r->status, 200, 'a level-1 candidate opens the form');
like($r->text, qr/id="level1-block" class="level1">/, '... the level-1 block is shown');
$r = $b2->get('/apply', accept => 'xml');
is($r->xpath("/apply/form/field[\@name='target_level']/\@value"), '1', '... target level 1');
is($s->count(q{SELECT COUNT(*) FROM materials m JOIN applications a ON a.id = m.application_id
    WHERE a.account_id = ?}, $A2), 0, 'no ID-card photo to copy: no material');

# --- nothing typed is lost (issue 6 item 2) ---------------------------------------------

my $PHOTO = GKBM::jpeg(413, 626);
sub field_of { my ($r, $n) = @_; $r->xpath("/apply/form/field[\@name='$n']/\@value") }
sub n_kind { $s->count('SELECT COUNT(*) FROM materials WHERE application_id = ? AND kind = ?',
    $APP, $_[0]) }

# An upload from the form sends every field with the file; they are saved.
post();
$v0 = version();
my $n_photo = n_kind('photo');
$r = $b->post_multipart('/apply/upload', { %good, version => $v0, kind => 'photo',
    education => '70', appraisal_note => '2021年病休未考核', action => undef },
    { file_photo => ['IMG_2041.jpg', $PHOTO, 'image/jpeg'] }, accept => 'xml');
is($r->status, 303, 'a photo uploaded from the form with its fields: 303') or diag($r->dump);
is($r->header('location'), '/apply?m=uploaded#materials', '... back to the materials');
is(n_kind('photo'), $n_photo + 1, '... the photo is stored');
is(version(), $v0 + 1, '... and the fields saved as the draft');
is($s->count('SELECT education FROM applications WHERE id = ?', $APP), '70',
    '... with what was typed');
is($s->count('SELECT appraisal_note FROM applications WHERE id = ?', $APP),
    '2021年病休未考核', '... the texts too');
$r = $b->get('/apply', accept => 'xml');
is(field_of($r, 'education'), '70', 'the form after the upload holds the typed value');

# Fields that cannot be saved yet: the upload goes through, the fields are
# kept and come back once, with their errors, on the next GET /apply.
$v0 = version();
$r = $b->post_multipart('/apply/upload', { %good, version => $v0, kind => 'material',
    work_years => 'abc', education => '20', action => undef },
    { file_material => ['毕业证.jpg', GKBM::jpeg(320, 200), 'image/jpeg'] }, accept => 'xml');
is($r->status, 303, 'an upload with a field in a bad format: 303') or diag($r->dump);
is($r->header('location'), '/apply?m=uploaded', '... back to the top of the form');
is(version(), $v0, '... the fields are not saved');
ok($b->jar->get('gkbm_keep'), '... but kept (a cookie finds them)');
$r = $b->get('/apply', accept => 'xml');
is(field_of($r, 'work_years'), 'abc', 'the form shows the kept value');
is(field_of($r, 'education'), '20', '... and the other fields as typed');
like($r->xpath("/apply/form/field[\@name='work_years']/error") // '', qr/工作年限/,
    '... with the error');
like($r->xpath('/apply/form/message') // '', qr/尚未保存/, '... saying it is not saved');
is($r->status, 200, '... 200');
valid($r, 'a kept form restored');
$r = $b->get('/apply', accept => 'xml');
is(field_of($r, 'education'), '70', 'a kept form comes back only once');

# 删除 and 添加身份证号 are buttons of the form too: the fields go along.
my $mat = $s->count(q{SELECT MAX(id) FROM materials WHERE application_id = ? AND kind = 'material'}, $APP);
$v0 = version();
$r = $b->post_multipart('/apply/delete', { %good, version => $v0, id => $mat,
    education => '40', action => undef }, {}, accept => 'xml');
is($r->status, 303, '删除 from the form: 303') or diag($r->dump);
is($s->count('SELECT COUNT(*) FROM materials WHERE id = ?', $mat), 0, '... deleted');
is($s->count('SELECT education FROM applications WHERE id = ?', $APP), '40',
    '... and the typed fields saved');
$v0 = version();
$r = $b->post_multipart('/apply/stamp', { %good, version => $v0, education => '30',
    action => undef }, {}, accept => 'xml');
is($r->status, 303, '添加身份证号 from the form: 303') or diag($r->dump);
is($s->count('SELECT education FROM applications WHERE id = ?', $APP), '30',
    '... and the typed fields saved');
$r = $b->post_multipart('/apply/qr', { %good, version => version(), education => '20',
    action => undef }, {}, accept => 'xml');
is($r->status, 200, '手机扫码上传 from the form: 200') or diag($r->dump);
is($s->count('SELECT education FROM applications WHERE id = ?', $APP), '20',
    '... and the typed fields saved');
$r = $b->get('/apply');
like($r->text, qr{<button type="submit" form="apply-form" formaction="/apply/delete" name="id"},
    'the form offers 删除 as its own button');
like($r->text, qr{<form id="apply-form"[^>]*enctype="multipart/form-data"},
    'the form is multipart (its uploads are its own)');
like($r->text, qr{<input type="file" name="file_photo" id="f-upload-photo" form="apply-form"},
    '... the photo input belongs to it');
like($r->text, qr{<button type="submit" form="apply-form" formaction="/apply/upload" name="kind" value="photo"},
    '... and its upload button');

# 保存信息 with a file chosen but its 上传 not pressed: uploaded too.
$n_photo = n_kind('photo');
my $n_mat = n_kind('material');
$r = $b->post_multipart('/apply', { %good, version => version(), education => '60' },
    { file_photo => ['IMG_2042.jpg', $PHOTO, 'image/jpeg'],
      file_idcard => ['', '', 'application/octet-stream'],
      file_material => ['扫描件.jpg', GKBM::jpeg(320, 200), 'image/jpeg'] }, accept => 'xml');
is($r->status, 303, '保存信息 with files chosen: 303') or diag($r->dump);
is($r->header('location'), '/apply?m=saved_uploaded#materials', '... saying they went up too');
is(n_kind('photo'), 1, '... the chosen photo replaced the old one');
is(n_kind('material'), $n_mat + 1, '... the chosen material is stored');
$r = $b->post_multipart('/apply', { %good, version => version(), education => '50' },
    { file_material => ['坏图.jpg', 'not a jpeg', 'image/jpeg'] }, accept => 'xml');
is($r->status, 303, '保存信息 with a bad file chosen: saved') or diag($r->dump);
is($r->header('location'), '/apply?m=saved_refused#materials', '... saying the file did not go up');
is($s->count('SELECT education FROM applications WHERE id = ?', $APP), '50', '... the fields saved');
is(n_kind('material'), $n_mat + 1, '... the bad file not stored');
$r = $b->get('/apply?m=saved_refused');
like($r->text, qr/未能上传/, 'the form says so');
post();

# A refused upload still saves the fields.
$v0 = version();
$r = $b->post_multipart('/apply/upload', { %good, version => $v0, kind => 'material',
    education => '50', action => undef },
    { file_material => ['坏图.jpg', 'not a jpeg', 'image/jpeg'] }, accept => 'xml');
is($r->status, 400, 'a refused upload from the form: 400') or diag($r->dump);
is(version(), $v0 + 1, '... the fields are saved all the same');
is($s->count('SELECT education FROM applications WHERE id = ?', $APP), '50', '... as typed');
post();

# The session expired (30 minutes idle) before 保存: no save without a
# login; the fields are kept, the login leads back to the form holding them.
my $bx = $s->browser;
is($bx->login('candidate', $ID1, $PW)->status, 303, 'a second browser logs in');
my $csx = $bx->csrf('/apply');
# A worker uses a session it read in the last 2 s (fcgi/web/sescache.c): a
# change from outside gkbm-web is seen after that.
sub expire { $dbh->do('UPDATE sessions SET seen_at = NOW() - INTERVAL 31 MINUTE '
    . 'WHERE account_id = ?', undef, $A1); select(undef, undef, undef, 2.1) }
expire();
$v0 = version();
$r = $bx->post('/apply', { %good, csrf => $csx, version => $v0, education => '20',
    resume => '1998年至今在郑州市水利局工作' });
is($r->status, 303, 'saving after the session expired: 303, not 403') or diag($r->dump);
is($r->header('location'), '/login?m=kept', '... to the login, which says so');
is(version(), $v0, '... nothing saved without a login');
is($s->count('SELECT COUNT(*) FROM form_keeps WHERE account_id = ?', $A1), 1,
    '... the fields kept for the account');
is($s->last_audit('form.kept')->{reason}, 'session expired', '... audited');
$r = $bx->get('/login?m=kept');
like($r->text, qr/填写的内容已暂存/, 'the login page says the form is kept');
$r = $bx->login('candidate', $ID1, $PW);
is($r->status, 303, 'the candidate logs in again') or diag($r->dump);
$r = $bx->get($r->header('location') // '/home');
is($r->status, 303, 'the home page sends him on') or diag($r->dump);
is($r->header('location'), '/apply', '... to the form');
$r = $bx->get('/apply', accept => 'xml');
is(field_of($r, 'education'), '20', 'the form holds what was sent');
is(field_of($r, 'resume'), '1998年至今在郑州市水利局工作', '... every field');
is(field_of($r, 'version'), $v0, '... over the stored version');
is($s->count('SELECT COUNT(*) FROM form_keeps WHERE account_id = ?', $A1), 0,
    '... taken once');
$r = $bx->post('/apply', { %good, csrf => $bx->csrf('/apply'), version => $v0,
    education => '20' });
is($r->status, 303, '保存 now saves') or diag($r->dump);
is($s->count('SELECT education FROM applications WHERE id = ?', $APP), '20', '... the value');
post();

# Refused: an expired session's POST with another token, or as XML.
expire();
$r = $b->post('/apply', { %good, csrf => 'A' x 43, version => version() });
is($r->status, 403, 'an expired session with a wrong token: 403') or diag($r->dump);
is($s->count('SELECT COUNT(*) FROM form_keeps WHERE account_id = ?', $A1), 0,
    '... nothing kept');
$b = $s->browser;
$b->login('candidate', $ID1, $PW);
$good{csrf} = $b->csrf('/apply');
expire();
$r = $b->post('/apply', { %good, version => version() }, accept => 'xml');
is($r->status, 403, 'an expired session asking for XML: 403');
is($s->count('SELECT COUNT(*) FROM form_keeps WHERE account_id = ?', $A1), 0,
    '... nothing kept');
$b->login('candidate', $ID1, $PW);
$good{csrf} = $b->csrf('/apply');

# A stale token with a live session (logged in again elsewhere): kept and
# back to the form, never saved; from another site: refused.
$v0 = version();
$r = $b->post('/apply', { %good, csrf => 'B' x 43, version => $v0, education => '20' });
is($r->status, 303, 'a stale token: 303, not 403') or diag($r->dump);
is($r->header('location'), '/apply', '... back to the form');
is(version(), $v0, '... nothing saved');
$r = $b->get('/apply', accept => 'xml');
is(field_of($r, 'education'), '20', '... the form holds what was sent');
$r = $b->post('/apply', { %good, csrf => 'B' x 43, version => $v0, education => '20' },
    headers => { 'Sec-Fetch-Site' => 'cross-site' });
is($r->status, 403, 'a stale token from another site: 403');
$r = $b->post('/apply', { %good, csrf => 'B' x 43, version => $v0, education => '20' },
    headers => { 'Origin' => 'http://evil.example' });
is($r->status, 403, '... or with another Origin: 403');
is($s->count('SELECT COUNT(*) FROM form_keeps WHERE account_id = ?', $A1), 0,
    '... nothing kept');

# Another account logging in on the same browser does not get them.
my $bo = $s->browser;
$bo->login('candidate', $ID1, $PW);
my $cso = $bo->csrf('/apply');
expire();
$r = $bo->post('/apply', { %good, csrf => $cso, version => version(), education => '20' });
is($r->header('location'), '/login?m=kept', 'kept again after an expiry');
$r = $bo->login('candidate', $ID2, $PW);
$r = $bo->get('/home');
$r = $bo->get('/apply', accept => 'xml');
isnt(field_of($r, 'education') // '', '20', '... another account logging in there does not get them');
is($s->count('SELECT COUNT(*) FROM form_keeps WHERE account_id = ?', $A1), 0,
    '... and they are gone');
$b->login('candidate', $ID1, $PW);
$good{csrf} = $b->csrf('/apply');
post();

# Wrong inputs around the kept forms: nothing stored, nothing shown.
$b->jar->set('gkbm_keep', 'Z' x 43);
$r = $b->get('/apply', accept => 'xml');
is($r->status, 200, 'a forged keep cookie: the form as stored') or diag($r->dump);
ok(!$r->xpath('/apply/form/@restored'), '... nothing restored');
ok(!$b->jar->get('gkbm_keep'), '... and the cookie is gone');
$b->jar->set('gkbm_keep', '../../etc/passwd');
$r = $b->get('/home');
is($r->status, 200, 'a malformed keep cookie: home as usual');
delete $b->jar->{c}{gkbm_keep};
$v0 = version();
$r = $b->post_multipart('/apply/upload', { %good, version => $v0, kind => 'photo',
    education => '70', action => undef }, { file_photo => ['', '', 'application/octet-stream'] },
    accept => 'xml');
is($r->status, 400, 'an upload button pressed without a file: 400') or diag($r->dump);
like($r->xpath("/upload/form/field[\@name='file']/error") // '', qr/请选择要上传的文件/,
    '... says to choose one');
is(version(), $v0 + 1, '... the fields are saved all the same');
$r = $b->post_multipart('/apply/upload', { %good, version => version(), kind => 'photo',
    action => undef }, { file_idcard => ['x.jpg', $PHOTO, 'image/jpeg'] }, accept => 'xml');
is($r->status, 400, 'a file in another kind\'s input: not taken for this kind');
$r = $b->post_multipart('/apply/upload', { %good, version => version(), kind => 'l1_salary',
    action => undef }, { file_l1_salary => ['x.jpg', $JPG, 'image/jpeg'] }, accept => 'xml');
is($r->status, 400, 'a reviewer\'s kind from the form: 400');
like($r->xpath("/upload/form/field[\@name='kind']/error") // '', qr/上级审核员/, '... says who uploads it');
$r = $b->post('/apply/delete', { csrf => 'C' x 43, id => 1 });
is($r->status, 403, 'a stale token without the form\'s fields: 403, nothing to keep');
$r = $b->post('/apply', { %good, csrf => 'C' x 43, version => version(),
    resume => '简' x 30000 });
is($r->status, 403, 'a stale token with more than a form holds: 403');
is($s->count('SELECT COUNT(*) FROM form_keeps'), 0, '... nothing kept');
post();

# --- returned and rejected ----------------------------------------------------------------

$dbh->do(q{UPDATE applications SET state = 'returned', version = version + 1 WHERE id = ?},
    undef, $APP);
$dbh->do(q{INSERT INTO review_events (application_id, level, action, actor_id, reason, at)
    VALUES (?, 'unit', 'return', 1, '所传资料不清晰，请重新上传', NOW())}, undef, $APP);
$r = $b->get('/apply', accept => 'xml');
is($r->xpath('/apply/application/@state'), 'returned', 'a returned application');
is($r->xpath('/apply/application/@editable'), '1', '... is editable again');
is($r->xpath('/apply/application/reason'), '所传资料不清晰，请重新上传', '... and shows the reason');
valid($r, 'returned');
$r = $b->get('/apply');
like($r->text, qr/已被退回.*所传资料不清晰/s, 'the HTML shows the reason');
$r = post();
is($r->status, 303, 'a returned application can be saved');

$dbh->do(q{UPDATE applications SET state = 'rejected', version = version + 1 WHERE id = ?},
    undef, $APP);
$dbh->do(q{INSERT INTO review_events (application_id, level, action, actor_id, reason, at)
    VALUES (?, 'supervising', 'reject', 1, '申报工种与证书工种不一致', NOW())}, undef, $APP);
$r = $b->get('/apply', accept => 'xml');
is($r->xpath('/apply/application/@editable'), '0', 'a rejected application is read-only');
is($r->xpath('/apply/application/reason'), '申报工种与证书工种不一致', '... with its reason');
valid($r, 'rejected');
$r = $b->get('/apply');
like($r->text, qr/本年度申报已终止/, 'the page explains it is final for the year');
like($r->text, qr/<fieldset class="plain" disabled/, '... the form is disabled');
unlike($r->text, qr/value="submit"/, '... without a submit button');
$v0 = version();
$r = post({ education => '20' });
is($r->status, 409, 'saving a rejected application: 409') or diag($r->dump);
like($r->xpath('/apply/form/message') // '', qr/不能修改/, '... not editable');
is(version(), $v0, '... nothing stored');
is($s->count('SELECT education FROM applications WHERE id = ?', $APP), '60', '... unchanged');

$s->finish;
done_testing;
