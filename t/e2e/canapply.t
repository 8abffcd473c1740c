# canapply.t: 我能报哪一级 (/canapply, h_canapply.c).  The answers for cases
# whose expected verdicts are read off the rule text (SPEC.md §4, R1-R21),
# at the boundaries of ages, years of work and years a level is held; the
# reasons in the submission's words; every wrong answer refused with a
# Chinese message next to its question and no verdict; the page without
# JavaScript and without a login, nothing stored; the policy of the year
# followed; and the page agreeing with the submission (POST /apply) on the
# same inputs, level by level and route by route.
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
my $valid = GKBM::rng_validator('canapply');
my $anon = $s->browser;

# The seven options, in the page's order.
my @OPT = ('5/none', '4/years', '4/certificate', '3/years', '3/certificate',
    '2/certificate', '1/none');

# ask(%answers): GET /canapply?go=1&... as XML.  Returns the response and
# { 'level/route' => [ok, 'R9,R6'], common => 'R1,R2' }.
sub ask {
	my (%a) = @_;
	my $q = join('&', 'go=1', map { "$_=" . $a{$_} } sort keys %a);
	my $r = $anon->get("/canapply?$q", accept => 'xml');
	my %v;
	for my $o ($r->nodes('/canapply/answer/option')) {
		my $k = $o->getAttribute('level') . '/' . $o->getAttribute('route');
		$v{$k} = [$o->getAttribute('ok'), join(',', map {
		    $_->getAttribute('rule') } $o->findnodes('reason'))];
	}
	$v{common} = join(',', map { $_->getAttribute('rule') }
	    $r->nodes('/canapply/answer/common/reason'));
	return ($r, \%v);
}

# verdict(\%v): "5/none:1 4/years:0(R6) ..." for one is() per case.
sub verdict {
	my ($v) = @_;
	return join(' ', map { "$_:" . ($v->{$_} ? $v->{$_}[0] .
	    ($v->{$_}[1] ne '' ? "($v->{$_}[1])" : '') : '-') } @OPT) .
	    " common($v->{common})";
}

# A worker with sensible answers; cases change what they test.
my %BASE = (gender => 'M', birth_year => 1980, work_start_year => 2000,
    cur_level => 0, education => '60');

# --- the blank page -------------------------------------------------------------

my $r = $anon->get('/canapply');
is($r->status, 200, 'the page without a login') or diag($r->dump);
like($r->text, qr/我能报哪一级/, 'its title');
like($r->body, qr{<form method="get" action="/canapply"}, 'a GET form (no script needed)');
like($r->body, qr/name="go" value="1"/, 'the button sends go=1');
unlike($r->body, qr/<script>|onclick=|style="/, 'no inline script or style');
like($r->body, qr/name="viewport"/, 'a phone-sized viewport');
like($r->body, qr/inputmode="numeric"/, 'years typed on the number keypad');
unlike($r->text, qr/查询结果/, 'no answer before a question');
$r = $anon->get('/canapply', accept => 'xml');
$valid->($r, 'the blank page');
is(scalar(my @w = $r->nodes('/canapply/worktypes/worktype')),
    $s->count('SELECT COUNT(*) FROM worktypes'), 'every work type offered');
is(scalar(my @e = $r->nodes('/canapply/educations/education')),
    $s->count('SELECT COUNT(*) FROM education'), 'every education level offered');

# --- cases read off the rules ---------------------------------------------------

# case(label, {answers}, expected verdict)
sub case {
	my ($label, $over, $want) = @_;
	my ($r, $v) = ask(%BASE, %$over);
	is($r->status, 200, "$label: 200") or diag($r->dump);
	is(verdict($v), $want, $label);
	$valid->($r, $label);
	return $r;
}

# 未定级, 46 years old, 27 years of work (R5, R6, R7 by years; the
# certificate routes need a current level: R9, R10, R11, R12).
$r = case('未定级, 27 years of work', {},
    '5/none:1 4/years:1 4/certificate:0(R9) 3/years:1 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R12) common()');
like($r->xpath('/canapply/answer/option[@level="4"][@route="certificate"]/reason'),
    qr/现岗位等级须为五级/, 'R9 in the submission\'s words');

# R6 at its boundary: 10 years of work (start Y-9) yes, 9 (start Y-8) no.
case('R6: 10 years of work', { work_start_year => $Y - 9 },
    '5/none:1 4/years:1 4/certificate:0(R9) 3/years:0(R7) 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R8,R12) common()');
$r = case('R6: 9 years of work', { work_start_year => $Y - 8 },
    '5/none:1 4/years:0(R6) 4/certificate:0(R9) 3/years:0(R7) 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R8,R12) common()');
like($r->xpath('/canapply/answer/option[@level="4"][@route="years"]/reason'),
    qr/工作年限须满10年/, 'R6 says 10 years');
# R7 at its boundary: 18 years yes, 17 no.
case('R7: 18 years of work', { work_start_year => $Y - 17 },
    '5/none:1 4/years:1 4/certificate:0(R9) 3/years:1 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R8,R12) common()');
case('R7: 17 years of work', { work_start_year => $Y - 16 },
    '5/none:1 4/years:1 4/certificate:0(R9) 3/years:0(R7) 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R8,R12) common()');
# A smaller 工作年限 than the maximum counts (R3 lets it only go down).
case('工作年限 lowered to 9', { work_years => 9 },
    '5/none:1 4/years:0(R6) 4/certificate:0(R9) 3/years:0(R7) 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R8,R12) common()');

# R1 at its boundaries: 65 yes, 66 no; 18 yes, 17 no (said once, for all).
case('R1: 65 years old', { birth_year => $Y - 65, work_start_year => 1990 },
    '5/none:1 4/years:1 4/certificate:0(R9) 3/years:1 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R12) common()');
$r = case('R1: 66 years old', { birth_year => $Y - 66, work_start_year => 1990 },
    '5/none:0 4/years:0 4/certificate:0(R9) 3/years:0 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R12) common(R1)');
like($r->xpath('/canapply/answer/common/reason'), qr/年龄不在18至65周岁之间/,
    'R1 in the submission\'s words, once');
is($r->xpath('/canapply/answer/option[@level="5"]/@common'), '1',
    'each option points to it');
case('R1: 18 years old', { birth_year => $Y - 18, work_start_year => $Y },
    '5/none:1 4/years:0(R6) 4/certificate:0(R9) 3/years:0(R7) 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R8,R12) common()');
case('R1 and R2: 17 years old, working since this year',
    { birth_year => $Y - 17, work_start_year => $Y },
    '5/none:0 4/years:0(R6) 4/certificate:0(R9) 3/years:0(R7) 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R8,R12) common(R1,R2)');
# R2 alone: started work at 17.
$r = case('R2: started work at 17', { birth_year => 1990, work_start_year => 2007 },
    '5/none:0 4/years:0 4/certificate:0(R9) 3/years:0 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R8,R12) common(R2)');
like($r->xpath('/canapply/answer/common/reason'), qr/参加工作时须年满18周岁/,
    'R2 in the submission\'s words');

# R9 at its boundary: level 5 held 5 years (since Y-5) yes, 4 no.
my %L5 = (cur_level => 5, cur_worktype => 'W019', work_start_year => $Y - 7);
case('R9: level 5 held 5 years, 8 years of work',
    { %L5, cur_level_year => $Y - 5 },
    '5/none:0(R15) 4/years:0(R6) 4/certificate:1 3/years:0(R7) 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R8,R12) common()');
$r = case('R9: level 5 held 4 years, 8 years of work',
    { %L5, cur_level_year => $Y - 4 },
    '5/none:0(R15) 4/years:0(R6) 4/certificate:0(R9) 3/years:0(R7) 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R8,R12) common()');
like($r->xpath('/canapply/answer/option[@level="4"][@route="certificate"]/reason'),
    qr/^现岗位等级年限不满五年，且工作年限不满10或18年，不符合报名条件$/,
    'both routes short: the seed\'s own sentence');
like($r->xpath('/canapply/answer/option[@level="5"]/reason'), qr/不能重复申报/,
    'R15: the level and work type already held');
# Held long enough but asking by years with too few years: told to switch.
$r = case('R6 with the certificate route open', { %L5, cur_level_year => $Y - 6 },
    '5/none:0(R15) 4/years:0(R6) 4/certificate:1 3/years:0(R7) 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R8,R12) common()');
like($r->xpath('/canapply/answer/option[@level="4"][@route="years"]/reason'),
    qr/请改为按岗位等级证书申报/, 'told to switch to the certificate route');

# R14: another target work type is free by years, not by certificate.
case('R14: level 5 electrician asking for 计算机文字录入员',
    { %L5, cur_level_year => $Y - 6, work_start_year => 2000, target_worktype => 'W001' },
    '5/none:1 4/years:1 4/certificate:0(R14) 3/years:1 3/certificate:0(R10,R14) '
    . '2/certificate:0(R11,R14) 1/none:0(R12,R14) common()');
# ... except for the driver (not level 1).
case('R14: a driver is free', { %L5, cur_worktype => 'W030', cur_level_year => $Y - 6,
    work_start_year => 2000, target_worktype => 'W001' },
    '5/none:1 4/years:1 4/certificate:1 3/years:1 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R12,R14) common()');

# R11, R13: level 2 by certificate, education by gender and age.
my %L3 = (cur_level => 3, cur_worktype => 'W019', cur_level_year => $Y - 5,
    work_start_year => 2000, education => '70');
case('R13: a man of 49 with 初中', { %L3, birth_year => $Y - 49 },
    '5/none:1 4/years:1 4/certificate:0(R9) 3/years:0(R15) 3/certificate:0(R15) '
    . '2/certificate:0(R13) 1/none:0(R12) common()');
case('R13: a man of 50 with 初中', { %L3, birth_year => $Y - 50 },
    '5/none:1 4/years:1 4/certificate:0(R9) 3/years:0(R15) 3/certificate:0(R15) '
    . '2/certificate:1 1/none:0(R12) common()');
case('R13: a woman of 45 with 初中', { %L3, gender => 'F', birth_year => $Y - 45 },
    '5/none:1 4/years:1 4/certificate:0(R9) 3/years:0(R15) 3/certificate:0(R15) '
    . '2/certificate:1 1/none:0(R12) common()');
$r = case('R13: a woman of 44 with 初中', { %L3, gender => 'F', birth_year => $Y - 44 },
    '5/none:1 4/years:1 4/certificate:0(R9) 3/years:0(R15) 3/certificate:0(R15) '
    . '2/certificate:0(R13) 1/none:0(R12) common()');
like($r->xpath('/canapply/answer/option[@level="2"]/reason'),
    qr/须具有高中及以上文化程度/, 'R13 in the submission\'s words');
case('R11: level 3 held 4 years', { %L3, education => '60', cur_level_year => $Y - 4 },
    '5/none:1 4/years:1 4/certificate:0(R9) 3/years:0(R15) 3/certificate:0(R15) '
    . '2/certificate:0(R11) 1/none:0(R12) common()');

# R8, R12, R16: level 1.
my %L2 = (cur_level => 2, cur_worktype => 'W019', cur_level_year => $Y - 5,
    work_start_year => $Y - 24);
case('R8: level 2 held 5 years, 25 years of work', \%L2,
    '5/none:1 4/years:1 4/certificate:0(R9) 3/years:1 3/certificate:0(R10) '
    . '2/certificate:0(R15) 1/none:1 common()');
case('R8: 24 years of work', { %L2, work_start_year => $Y - 23 },
    '5/none:1 4/years:1 4/certificate:0(R9) 3/years:1 3/certificate:0(R10) '
    . '2/certificate:0(R15) 1/none:0(R8) common()');
case('R12: level 2 held 4 years', { %L2, cur_level_year => $Y - 4 },
    '5/none:1 4/years:1 4/certificate:0(R9) 3/years:1 3/certificate:0(R10) '
    . '2/certificate:0(R15) 1/none:0(R12) common()');
$dbh->do(q{INSERT INTO policy_level1 (year, worktype) VALUES (?, 'W001')},
    undef, $Y);
case('R16: 电工 not opened for level 1 this year', \%L2,
    '5/none:1 4/years:1 4/certificate:0(R9) 3/years:1 3/certificate:0(R10) '
    . '2/certificate:0(R15) 1/none:0(R16) common()');
$dbh->do(q{DELETE FROM policy_level1 WHERE year = ?}, undef, $Y);

# R17: prohibited circumstances stop everything.
$r = case('R17: prohibited', { prohibited => 'yes' },
    '5/none:0 4/years:0 4/certificate:0(R9) 3/years:0 3/certificate:0(R10) '
    . '2/certificate:0(R11) 1/none:0(R12) common(R17)');
like($r->xpath('/canapply/answer/common/reason'), qr/禁止申报情形/, 'R17 said');

# A merged current type: the target is asked for, with the new types named.
($r) = ask(%BASE, cur_level => 5, cur_worktype => 'W906', cur_level_year => $Y - 6);
is($r->status, 400, 'merged type, no target: 400');
like($r->xpath('/canapply/form/field[@name="target_worktype"]/error'),
    qr/已合并.*电工、管道工/, '... the new types named');
my ($r2, $v) = ask(%BASE, cur_level => 5, cur_worktype => 'W906',
    cur_level_year => $Y - 6, target_worktype => 'W019');
is($v->{'4/certificate'}[0], '1', 'merged 水电工 to 电工 by certificate: yes (R14)');
($r2, $v) = ask(%BASE, cur_level => 5, cur_worktype => 'W906',
    cur_level_year => $Y - 6, target_worktype => 'W001');
is($v->{'4/certificate'}[1], 'R14', 'merged 水电工 to another type: R14');

# --- the HTML answer --------------------------------------------------------------

$r = $anon->get("/canapply?go=1&gender=M&birth_year=1980&work_start_year=2000"
    . "&cur_level=0&education=60");
is($r->status, 200, 'the HTML answer');
like($r->text, qr/查询结果.*您可以申报：五级（初级工）；四级（中级工）（按工作年限申报）；三级（高级工）（按工作年限申报）/s,
    'the verdict first, in one sentence');
like($r->text, qr/现岗位等级须为五级/, 'the reasons shown');
like($r->body, qr/value="1980"/, 'the answers kept in the form');
like($r->text, qr/<option value="0" selected(?:="selected")?>未定级/, '未定级 kept selected');

# --- every wrong answer ------------------------------------------------------------

# wrong(label, {answers}, field, qr/message/)
sub wrong {
	my ($label, $over, $field, $re) = @_;
	my ($r) = ask(%BASE, %$over);
	is($r->status, 400, "$label: 400") or diag($r->dump);
	like($r->xpath("/canapply/form/field[\@name='$field']/error") // '', $re,
	    "$label: the message at $field");
	is(scalar(my @a = $r->nodes('/canapply/answer')), 0, "$label: no verdict");
	like($r->xpath('/canapply/form/message') // '', qr/请按提示/, "$label: above the form");
	$valid->($r, $label);
	my %a = (%BASE, %$over);
	my $h = $anon->get('/canapply?go=1&' . join('&', map { "$_=$a{$_}" }
	    sort keys %a));
	my $msg = $r->xpath("/canapply/form/field[\@name='$field']/error") // 'x';
	like($h->text, qr/<p class="error" id="f-$field-err">\Q$msg\E/,
	    "$label: the HTML shows it under the question");
}
wrong('no gender', { gender => '' }, 'gender', qr/请选择性别/);
wrong('gender X', { gender => 'X' }, 'gender', qr/只能选择男或女/);
wrong('no birth year', { birth_year => '' }, 'birth_year', qr/请填写出生年份/);
wrong('birth year abc', { birth_year => 'abc' }, 'birth_year', qr/四位数字年份/);
wrong('birth year 80', { birth_year => '80' }, 'birth_year', qr/四位数字年份/);
wrong('birth year 1899', { birth_year => '1899' }, 'birth_year', qr/1900至$Y/);
wrong('birth year next year', { birth_year => $Y + 1 }, 'birth_year', qr/1900至$Y/);
wrong('no start of work', { work_start_year => '' }, 'work_start_year', qr/请填写参加工作年份/);
wrong('start of work 1939', { work_start_year => '1939' }, 'work_start_year', qr/1940至$Y/);
wrong('start of work next year', { work_start_year => $Y + 1 }, 'work_start_year', qr/1940至$Y/);
wrong('start of work before birth', { work_start_year => 1979 }, 'work_start_year',
    qr/不能早于出生年份/);
wrong('工作年限 abc', { work_years => 'abc' }, 'work_years', qr/0至80之间的整数/);
wrong('工作年限 -1', { work_years => '-1' }, 'work_years', qr/0至80之间的整数/);
wrong('工作年限 over the maximum', { work_years => $Y - 2000 + 2 }, 'work_years',
    qr/最多为@{[ $Y - 2000 + 1 ]}年/);
wrong('no current level', { cur_level => '' }, 'cur_level', qr/没有等级证书的请选择未定级/);
wrong('current level 6', { cur_level => '6' }, 'cur_level', qr/请从列表中选择现岗位等级/);
wrong('current level x', { cur_level => 'x' }, 'cur_level', qr/请从列表中选择现岗位等级/);
wrong('level 5 without its year', { cur_level => 5, cur_worktype => 'W019' },
    'cur_level_year', qr/请填写现等级取得年份/);
wrong('level year 1949', { cur_level => 5, cur_worktype => 'W019', cur_level_year => 1949 },
    'cur_level_year', qr/1950至$Y/);
wrong('level year next year', { cur_level => 5, cur_worktype => 'W019',
    cur_level_year => $Y + 1 }, 'cur_level_year', qr/1950至$Y/);
wrong('level 5 without a work type', { cur_level => 5, cur_level_year => 2010 },
    'cur_worktype', qr/请选择现岗位工种/);
wrong('unknown current work type', { cur_worktype => 'ZZZ' }, 'cur_worktype',
    qr/没有这个工种/);
wrong('unknown target work type', { target_worktype => 'W99999999' }, 'target_worktype',
    qr/没有这个工种/);
wrong('a merged target', { target_worktype => 'W906' }, 'target_worktype',
    qr/已合并或取消/);
wrong('cancelled current type, no target', { cur_level => 5, cur_worktype => 'W909',
    cur_level_year => 2010 }, 'target_worktype', qr/已取消/);
wrong('no education', { education => '' }, 'education', qr/请选择文化程度/);
wrong('unknown education', { education => '99' }, 'education', qr/请从列表中选择文化程度/);
wrong('prohibited maybe', { prohibited => 'maybe' }, 'prohibited', qr/请选择是或否/);

# Markup in an answer comes back escaped, never as markup.
$r = $anon->get('/canapply?go=1&gender=M&birth_year=%3Cscript%3E&work_start_year=2000'
    . '&cur_level=0&education=60');
is($r->status, 400, 'markup as a year: 400');
unlike($r->body, qr/<script>/, '... never echoed as markup');

# --- nothing stored; every role may ask ------------------------------------------------

my $audit = $s->count('SELECT COUNT(*) FROM audit');
my $apps = $s->count('SELECT COUNT(*) FROM applications');
ask(%BASE);
is($s->count('SELECT COUNT(*) FROM applications'), $apps, 'no application made');
is($s->count('SELECT COUNT(*) FROM audit'), $audit, 'nothing written');

# --- the year's policy counts ------------------------------------------------------------

$dbh->do(q{INSERT INTO policy (year, pkey, value, updated_at) VALUES (?, 'years_l4',
    '12', NOW())}, undef, $Y);
($r, $v) = ask(%BASE, work_start_year => $Y - 10);
is($v->{'4/years'}[1], 'R6', 'years_l4 = 12: 11 years of work no longer enough');
like($r->xpath('/canapply/answer/option[@level="4"][@route="years"]/reason'),
    qr/未达到本年度规定的年限/, '... in the policy-neutral sentence');
$dbh->do(q{DELETE FROM policy WHERE year = ?}, undef, $Y);
($r, $v) = ask(%BASE, work_start_year => $Y - 10);
is($v->{'4/years'}[0], '1', 'back to 10: enough again');

# --- the page and the submission agree ----------------------------------------------------

# Candidates whose registration gives birth year and gender; each
# application is submitted (with a wrong SMS code: the rules run first)
# at every level and route, and the rules the submission names must be
# those the page names for the same answers.
$s->admin('create-unit', 'ZZSUP', '郑州市水利局', 'supervising', '410100');
$s->admin('create-unit', 'ZZBAS', '郑州市水利局机关', 'basic', '410100', 'ZZSUP');
my $SUP = $s->count(q{SELECT id FROM units WHERE code = 'ZZSUP'});
my $UNIT = $s->count(q{SELECT id FROM units WHERE code = 'ZZBAS'});
my $PW = 'Passw0rdx9';
my @PEOPLE = (
	# ID, name, phone, gender, birth year, the form's answers
	[GKBM::idno('410105', '19800501', 123), '李明', '13900000001', 'M', 1980,
	    { education => '60', work_start => "@{[ $Y - 8 ]}-07-01", cur_level => 5,
	      cur_worktype => 'W019', cur_level_year => $Y - 5 }],
	[GKBM::idno('410105', ($Y - 44) . '0602', 124), '王芳', '13900000002', 'F', $Y - 44,
	    { education => '70', work_start => '1999-07-01', cur_level => 3,
	      cur_worktype => 'W030', cur_level_year => $Y - 6 }],
	[GKBM::idno('410105', '19700703', 135), '赵刚', '13900000003', 'M', 1970,
	    { education => '70', work_start => "@{[ $Y - 24 ]}-07-01", cur_level => 2,
	      cur_worktype => 'W019', cur_level_year => $Y - 5 }],
	[GKBM::idno('410105', '19850804', 147), '钱进', '13900000004', 'M', 1985,
	    { education => '60', work_start => '2005-07-01', cur_level => 0,
	      cur_worktype => '', cur_level_year => '' }],
);
for my $p (@PEOPLE) {
	my ($id, $name, $phone, $g, $by, $f) = @$p;
	$s->admin({ stdin => "$PW\n" }, 'create-candidate', $Y, $id, $name,
	    $phone, '410100', 4);
	my $b = $s->browser;
	is($b->login('candidate', $id, $PW)->status, 303, "$name logs in");
	$b->get('/apply', accept => 'xml');
	my $acct = $s->count('SELECT id FROM accounts WHERE name = ?', $name);
	my $app = $s->count('SELECT id FROM applications WHERE account_id = ?', $acct);
	my (undef, $page) = ask(gender => $g, birth_year => $by,
	    work_start_year => substr($f->{work_start}, 0, 4),
	    cur_level => $f->{cur_level}, cur_level_year => $f->{cur_level_year},
	    cur_worktype => $f->{cur_worktype}, education => $f->{education});
	for my $o (@OPT) {
		my ($lv, $route) = split m{/}, $o;
		my $v = $s->count('SELECT version FROM applications WHERE id = ?', $app);
		my $r = $b->post('/apply', { %$f, action => 'submit', csrf => $b->csrf('/apply'),
		    version => $v, region => '410100', supervisor => $SUP,
		    unit_id => $UNIT, unit_category => 'institution', unit_rank => 'city',
		    target_worktype => $f->{cur_worktype} || 'W019',
		    target_level => $lv, route => $route eq 'none' ? '' : $route,
		    (map { ("appraisal_$_" => '2') } $Y - 5 .. $Y - 1),
		    prohibited => 'no', sms_code => '000000' }, accept => 'xml');
		is($r->status, 400, "$name $o: the submission is refused (the code at least)")
		    or diag($r->dump);
		my @sub = sort map { $_->getAttribute('id') }
		    $r->nodes('/apply/eligibility/rule[@kind="error"]');
		my @pg = sort grep { length } split(/,/, $page->{$o}[1]),
		    ($page->{$o}[0] eq '0' ? split(/,/, $page->{common}) : ());
		is("@sub", "@pg", "$name $o: the page and the submission name the same rules");
		is(@sub ? '0' : '1', $page->{$o}[0], "$name $o: the same verdict");
	}
	is($s->count('SELECT state FROM applications WHERE id = ?', $app), 'draft',
	    "$name: nothing was submitted");
}

$s->finish;

# --- rate-limited in nginx like the other public endpoints ----------------------------

{
	my $t = GKBM->start(workers => 1, province => 0, rate => 1, burst => 2);
	my $b = $t->browser;
	my %st;
	$st{ $b->get('/canapply?go=1&gender=M&birth_year=1980&work_start_year=2000'
	    . '&cur_level=0&education=60')->status }++ for 1 .. 8;
	ok($st{429}, 'eight quick questions: some answered 429 by nginx')
	    or diag(explain \%st);
	ok($st{200}, '... the first ones answered') or diag(explain \%st);
	is($b->get('/help/policy')->status, 200, 'other pages are not limited');
	$t->finish;
}
done_testing;
