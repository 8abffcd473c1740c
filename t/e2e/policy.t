# policy.t: the province's 政策设置 page (GET/POST /admin/policy): the
# defaults of SPEC.md §4, changing values and the level-1 list, storage per
# year, a change read by the next request without a restart, every bad
# value refused with its message and nothing stored, unknown fields
# ignored, CSRF, other roles refused, the audit row.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

binmode($_, ':encoding(UTF-8)') for Test::More->builder->output,
    Test::More->builder->failure_output, Test::More->builder->todo_output;

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $STAFF_PW = 'Staff#2026ab';

my %DEF = (age_min => 18, age_max => 65, start_age_min => 18,
    years_l4 => 10, years_l3 => 18, years_l1 => 25, held_l4 => 5,
    held_l3 => 5, held_l2 => 5, held_l1 => 5, edu_l2_rank => 3,
    edu_l2_relaxed_rank => 2, edu_men_age => 50, edu_women_age => 45,
    driver_worktype => 'W030', recheck_days => 7);
my %RULE = (age_min => 'R1', age_max => 'R1', start_age_min => 'R2',
    years_l4 => 'R6', years_l3 => 'R7', years_l1 => 'R8', held_l4 => 'R9',
    held_l3 => 'R10', held_l2 => 'R11', held_l1 => 'R12',
    edu_l2_rank => 'R13', edu_l2_relaxed_rank => 'R13',
    edu_men_age => 'R13', edu_women_age => 'R13', driver_worktype => 'R14',
    recheck_days => 'R22');

my $schema;
if (eval { require XML::LibXML; 1 }) {
	$schema = eval { XML::LibXML::RelaxNG->new(location =>
	    GKBM::top_srcdir() . '/schema/xml/policy.rng') };
}
ok($schema, 'schema/xml/policy.rng compiles') or diag($@);
sub valid {
	my ($r, $what) = @_;
	my $err = $r->xml && $schema ? (eval { $schema->validate($r->xml); 1 }
	    ? undef : $@) : 'no document';
	ok(!defined $err, "$what: valid against policy.rng") or diag($err,
	    $r->body);
}

# What is stored, as one string each: rows of policy, of policy_level1.
sub rows {
	my ($year) = @_;
	my $p = $s->dbh->selectall_arrayref(q{SELECT pkey, value FROM policy
	    WHERE year = ? ORDER BY pkey}, undef, $year // $Y);
	my $l = $s->dbh->selectcol_arrayref(q{SELECT worktype FROM
	    policy_level1 WHERE year = ? ORDER BY worktype}, undef, $year // $Y);
	return (join(',', map { "$_->[0]=$_->[1]" } @$p), join(',', @$l));
}
sub nset { $s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'policy.set'}) }

my $p = $s->login_province;
my $r;
my $pid = $s->count(q{SELECT id FROM accounts WHERE login = ?},
    $GKBM::PROVINCE_LOGIN);
my @l1_default = @{ $s->dbh->selectcol_arrayref(q{SELECT code FROM worktypes
    WHERE status = 'current' AND level1_open = 1 ORDER BY code}) };
my $ncurrent = $s->count(q{SELECT COUNT(*) FROM worktypes WHERE status =
    'current'});
ok(@l1_default > 2, 'the catalogue opens some work types for level 1');

# --- the defaults ------------------------------------------------------------

$r = $p->get('/admin/policy', accept => 'xml');
is($r->status, 200, 'GET /admin/policy (XML)') or diag($r->dump);
valid($r, 'GET /admin/policy');
is($r->xpath('/policy/form/@year'), $Y, 'the current year is shown');
for my $k (sort keys %DEF) {
	is($r->xpath("/policy/key[\@name='$k']/\@value"), $DEF{$k},
	    "$k: SPEC's default");
	is($r->xpath("/policy/key[\@name='$k']/\@default"), $DEF{$k},
	    "$k: default attribute");
	is($r->xpath("/policy/key[\@name='$k']/\@rule"), $RULE{$k}, "$k: rule");
	ok(!defined $r->xpath("/policy/key[\@name='$k']/\@stored"),
	    "$k: nothing stored yet");
	like($r->xpath("/policy/key[\@name='$k']/\@label") // '', qr/\p{Han}/,
	    "$k: a Chinese label");
}
is(scalar(my @k = $r->nodes('/policy/key')), 16, 'sixteen keys');
is($r->xpath('/policy/worktypes/@default'), '1',
    'the level-1 list is the catalogue default');
is(scalar(my @w = $r->nodes('/policy/worktypes/worktype')), $ncurrent,
    'every current work type is listed');
is(join(',', map { $_->getAttribute('code') }
    $r->nodes('/policy/worktypes/worktype[@checked="1"]')),
    join(',', @l1_default), 'ticked: the catalogue\'s level-1 types');
is($r->xpath('/policy/worktypes/worktype[@code="W030"]/@name'), '汽车驾驶员',
    'work types carry their names');
ok(!$r->nodes('/policy/worktypes/worktype[@code="W906"]'),
    'merged types are not offered');
is(join('', rows()), '', 'nothing stored by looking');

my $h = $p->get('/admin/policy');
is($h->status, 200, 'GET /admin/policy (HTML)');
like($h->text, qr/<h1[^>]*>政策设置</, 'the title');
like($h->text, qr/四级（中级工）按工作年限申报：工作年限不少于/, 'a label');
like($h->body, qr/name="years_l4"[^>]*value="10"|value="10"[^>]*name="years_l4"/,
    'the years_l4 input holds 10');
like($h->body, qr/<input[^>]*value="W030"[^>]*checked|<input[^>]*checked[^>]*value="W030"/,
    '汽车驾驶员 is ticked');
like($h->text, qr/R13 二级文化程度/, 'tables grouped by rule');
like($h->body, qr/name="viewport"/, 'a phone-sized viewport');
unlike($h->body, qr/<script>|style="/, 'no inline script or style');

$r = $p->get('/admin/policy?year=abc', accept => 'xml');
is($r->status, 400, '?year=abc: 400 (the field map)');
like($r->xpath('/error/error/message') // '', qr/报考年度应为2000至2100/,
    '?year=abc: the year field\'s message');
$r = $p->get('/admin/windows?year=1999', accept => 'xml');
is($r->status, 400, 'windows ?year=1999: 400');
like($r->xpath('/error/error/message') // '', qr/报考年度应为2000至2100/,
    'windows ?year=1999: the year field\'s message');
$r = $p->get('/admin/policy?year=2099', accept => 'xml');
is($r->status, 404, '?year=2099 (no such year): 404');

# --- saving ----------------------------------------------------------------------

sub post {
	my ($fields, %o) = @_;
	my %f = (%DEF, year => $Y, 'level1[]' => [qw(W001 W019)], %$fields);
	delete $f{$_} for grep { !defined $f{$_} } keys %f;
	$f{csrf} //= $p->csrf('/admin/policy');
	delete $f{csrf} if $f{csrf} eq '-';
	return $p->post('/admin/policy', \%f, %o);
}

{
	my $n = nset();
	$r = post({ years_l4 => 8, held_l4 => '03', edu_women_age => 44 });
	is($r->status, 303, 'POST: 303') or diag($r->dump);
	is($r->header('location'), "/admin/policy?year=$Y&m=saved",
	    'back to the year\'s page');
	my ($pol, $l1) = rows();
	my %want = (%DEF, years_l4 => 8, held_l4 => 3, edu_women_age => 44);
	is($pol, join(',', map { "$_=$want{$_}" } sort keys %want),
	    'every key stored for the year, numbers normalised');
	is($l1, 'W001,W019', 'the level-1 list replaced');
	is($s->count(q{SELECT COUNT(*) FROM policy WHERE year = ? AND
	    updated_by = ?}, $Y, $pid), 16, 'updated_by is the province');
	is(nset(), $n + 1, 'audit policy.set');
	my $a = $s->last_audit('policy.set');
	is($a->{object}, "policy:$Y", 'audit object: the year');
	is($a->{account_id}, $pid, 'audit account');
	is($a->{result}, 'ok', 'audit result');
	like($a->{reason}, qr/years_l4 10->8/, 'audit reason names the change');
	like($a->{reason}, qr/held_l4 5->3/, 'audit reason: held_l4');
	like($a->{reason}, qr/level1 2 changed/, 'audit reason: the level-1 list');

	$r = $p->get($r->header('location'), accept => 'xml');
	is($r->status, 200, 'the page after saving');
	valid($r, 'after saving');
	is($r->xpath('/policy/meta/flash'), '保存成功。', 'the saved flash');
	is($r->xpath('/policy/key[@name="years_l4"]/@value'), '8', 'years_l4 shown 8');
	is($r->xpath('/policy/key[@name="years_l4"]/@stored'), '1', 'stored="1"');
	is($r->xpath('/policy/key[@name="held_l4"]/@value'), '3', 'held_l4 shown 3');
	is($r->xpath('/policy/key[@name="years_l4"]/@default'), '10',
	    'the default is still shown');
	ok(!defined $r->xpath('/policy/worktypes/@default'),
	    'the list is the year\'s own now');
	is(join(',', map { $_->getAttribute('code') }
	    $r->nodes('/policy/worktypes/worktype[@checked="1"]')), 'W001,W019',
	    'ticked: what was saved');
	is(join(',', map { $_->getAttribute('code') }
	    $r->nodes('/policy/worktypes/worktype[@open="1"]')), 'W001,W019',
	    'open: what was saved');
	$h = $p->get('/admin/policy');
	like($h->body, qr/name="years_l4"[^>]*value="8"|value="8"[^>]*name="years_l4"/,
	    'HTML: the years_l4 input holds 8');
	like($h->text, qr/已调整/, 'HTML: changed values are marked');

	# Read on every request, by every worker: no restart, no cache.
	$s->dbh->do(q{UPDATE policy SET value = '9' WHERE year = ? AND
	    pkey = 'years_l4'}, undef, $Y);
	for my $i (1 .. 4) {
		$r = $p->get('/admin/policy', accept => 'xml');
		is($r->xpath('/policy/key[@name="years_l4"]/@value'), '9',
		    "a change in the table is read by the next request ($i)");
	}

	# A stored value the keys no longer accept counts as the default.
	$s->dbh->do(q{UPDATE policy SET value = 'x' WHERE year = ? AND
	    pkey = 'held_l3'}, undef, $Y);
	$r = $p->get('/admin/policy', accept => 'xml');
	is($r->xpath('/policy/key[@name="held_l3"]/@value'), '5',
	    'a bad stored value reads as the default');
	like($s->log, qr/held_l3/, 'and is logged');

	# Saving again with the same values.
	$r = post({ years_l4 => 8, held_l4 => 3, edu_women_age => 44,
	    'level1[]' => [qw(W001 W019)] });
	is($r->status, 303, 'saving again: 303') or diag($r->dump);
	is((rows())[0] =~ /held_l3=5/ ? 1 : 0, 1, 'the bad row is rewritten');
}

# --- another year keeps its own policy ---------------------------------------

{
	my $Y2 = $Y + 1;
	$s->dbh->do(q{INSERT INTO years (year, title, is_current) VALUES
	    (?, ?, 0)}, undef, $Y2, "${Y2}年度");
	$r = $p->get("/admin/policy?year=$Y2", accept => 'xml');
	is($r->status, 200, "GET ?year=$Y2") or diag($r->dump);
	is($r->xpath('/policy/key[@name="years_l4"]/@value'), '10',
	    "$Y2 has the defaults");
	is($r->xpath('/policy/worktypes/@default'), '1',
	    "$Y2 has the catalogue's level-1 list");
	$r = post({ year => $Y2, years_l1 => 20, 'level1[]' => ['W030'] });
	is($r->status, 303, "POST for $Y2") or diag($r->dump);
	is($r->header('location'), "/admin/policy?year=$Y2&m=saved",
	    "back to $Y2");
	is((rows($Y2))[1], 'W030', "$Y2 level-1 list");
	like((rows($Y2))[0], qr/years_l1=20/, "$Y2 years_l1");
	like((rows($Y))[0], qr/years_l1=25/, "$Y unchanged");
	is((rows($Y))[1], 'W001,W019', "$Y list unchanged");
}

# --- unknown fields are ignored; duplicates counted once ---------------------

{
	my $n = nset();
	$r = post({ foo => 'bar', age => 99, 'level1[]' => [qw(W019 W001 W019)],
	    'years_l4' => 8 });
	is($r->status, 303, 'unknown fields are ignored: 303') or diag($r->dump);
	is($s->count(q{SELECT COUNT(*) FROM policy WHERE pkey NOT IN
	    ('age_min','age_max','start_age_min','years_l4','years_l3',
	    'years_l1','held_l4','held_l3','held_l2','held_l1','edu_l2_rank',
	    'edu_l2_relaxed_rank','edu_men_age','edu_women_age',
	    'driver_worktype','recheck_days')}), 0, 'no row for an unknown field');
	is((rows())[1], 'W001,W019', 'a code ticked twice is stored once');
	is(nset(), $n + 1, 'audited');
}

# --- bad values: a message each, nothing stored ----------------------------------

my @bad = (
	['years_l4 abc', { years_l4 => 'abc' }, 'years_l4', qr/^请填写整数（阿拉伯数字，如10）。（允许范围：0至45）$/],
	['years_l4 1.5', { years_l4 => '1.5' }, 'years_l4', qr/请填写整数/],
	['years_l4 -1', { years_l4 => '-1' }, 'years_l4', qr/不能为负数.*0至45/],
	['years_l4 46', { years_l4 => '46' }, 'years_l4', qr/超出允许范围.*0至45/],
	['years_l4 huge', { years_l4 => '99999999999999999999' }, 'years_l4', qr/超出允许范围/],
	['age_min 15', { age_min => 15 }, 'age_min', qr/超出允许范围.*16至30/],
	['age_max 71', { age_max => 71 }, 'age_max', qr/超出允许范围.*40至70/],
	['age_min empty', { age_min => '' }, 'age_min', qr/请填写此项/],
	['age_min missing', { age_min => undef }, 'age_min', qr/请填写此项/],
	['edu_l2_rank 0', { edu_l2_rank => 0 }, 'edu_l2_rank', qr/1至6/],
	['edu_l2_rank 十', { edu_l2_rank => '十' }, 'edu_l2_rank', qr/请填写整数/],
	['relaxed rank above the rank', { edu_l2_relaxed_rank => 4 }, 'edu_l2_relaxed_rank', qr/不能高于一般要求/],
	['driver lower case', { driver_worktype => 'w030' }, 'driver_worktype', qr/工种代码应为1至8位大写字母或数字/],
	['driver too long', { driver_worktype => 'W0300000X' }, 'driver_worktype', qr/工种代码应为/],
	['driver unknown', { driver_worktype => 'ZZZ9' }, 'driver_worktype', qr/现行工种目录中没有这个工种代码/],
	['driver merged', { driver_worktype => 'W906' }, 'driver_worktype', qr/现行工种目录中没有/],
	['level1 none', { 'level1[]' => undef }, 'level1[]', qr/请至少勾选一个/],
	['level1 unknown', { 'level1[]' => ['W001', 'ZZZ9'] }, 'level1[]', qr/不在现行工种目录中/],
	['level1 merged', { 'level1[]' => ['W906'] }, 'level1[]', qr/不在现行工种目录中/],
	['level1 injection', { 'level1[]' => ["W001' OR '1'='1"] }, 'level1[]', qr/不在现行工种目录中/],
	['year abc', { year => 'abc' }, 'year', qr/请选择报考年度/],
	['year 2099', { year => 2099 }, 'year', qr/该报考年度不存在/],
	['year missing', { year => undef }, 'year', qr/请选择报考年度/],
);
for my $b (@bad) {
	my ($what, $f, $field, $re) = @$b;
	my @before = rows();
	my $n = nset();
	$r = post($f, accept => 'xml');
	is($r->status, 400, "$what: 400") or diag($r->dump);
	valid($r, $what);
	like($r->xpath("/policy/form/field[\@name='$field']/error") // '', $re,
	    "$what: the $field message") or diag($r->body);
	is($r->xpath('/policy/form/@status'), 'invalid', "$what: status invalid");
	like($r->xpath('/policy/form/message') // '', qr/本次未保存任何设置/,
	    "$what: the form says nothing was saved");
	my $typed = $f->{$field};
	if (defined $typed && !ref $typed && $field ne 'year') {
		is($r->xpath("/policy/form/field[\@name='$field']/\@value"), $typed,
		    "$what: the typed value comes back");
	}
	is(join('|', rows()), join('|', @before), "$what: nothing stored");
	is(nset(), $n, "$what: no policy.set audit");
	$h = post($f);
	is($h->status, 400, "$what: 400 (HTML)");
	my $m = $r->xpath("/policy/form/field[\@name='$field']/error") // 'none';
	like($h->text, qr/\Q$m\E/, "$what: the HTML shows the message");
}

# Several errors at once: every field gets its message; the good values
# and the ticks typed come back; nothing is stored.
{
	my @before = rows();
	$r = post({ years_l4 => 'x', held_l1 => 99, years_l3 => 17,
	    'level1[]' => ['W035', 'ZZZ9'] }, accept => 'xml');
	is($r->status, 400, 'several errors: 400');
	ok($r->xpath('/policy/form/field[@name="years_l4"]/error') &&
	    $r->xpath('/policy/form/field[@name="held_l1"]/error') &&
	    $r->xpath('/policy/form/field[@name="level1[]"]/error'),
	    'several errors: a message on each field');
	ok(!$r->xpath('/policy/form/field[@name="years_l3"]/error'),
	    'several errors: none on a good field');
	is($r->xpath('/policy/form/field[@name="years_l3"]/@value'), '17',
	    'several errors: the good value typed comes back');
	is(join(',', map { $_->getAttribute('code') }
	    $r->nodes('/policy/worktypes/worktype[@checked="1"]')), 'W035',
	    'several errors: the valid tick typed comes back');
	is(join('|', rows()), join('|', @before), 'several errors: nothing stored');
	$h = post({ years_l4 => 'x', years_l3 => 17, 'level1[]' => ['W035'] });
	like($h->body, qr/name="years_l3"[^>]*value="17"|value="17"[^>]*name="years_l3"/,
	    'several errors (HTML): the typed value is in the input');
	like($h->body, qr/name="years_l4"[^>]*value="x"|value="x"[^>]*name="years_l4"/,
	    'several errors (HTML): even the bad value is kept to correct');
}

# --- CSRF ------------------------------------------------------------------------

{
	my @before = rows();
	my $n = nset();
	$r = post({ csrf => '-', years_l4 => 7 }, accept => 'xml');
	is($r->status, 403, 'no CSRF token: 403') or diag($r->dump);
	$r = post({ csrf => 'x' x 43, years_l4 => 7 }, accept => 'xml');
	is($r->status, 403, 'a wrong CSRF token: 403');
	my $other = $s->browser;
	$r = post({ csrf => $other->csrf('/login'), years_l4 => 7 });
	is($r->status, 403, 'another browser\'s token: 403');
	is(join('|', rows()), join('|', @before), 'CSRF: nothing stored');
	is(nset(), $n, 'CSRF: no policy.set audit');
}

# --- other roles --------------------------------------------------------------

{
	# role => login arguments, from GKBM.pm (other_roles).
	my %who = $s->other_roles($STAFF_PW);
	for my $role (sort keys %who) {
		my $b = $s->browser;
		$r = $b->login(@{ $who{$role} });
		is($r->status, 303, "$role logs in") or diag($r->dump);
		my @before = rows();
		$r = $b->get('/admin/policy', accept => 'xml');
		is($r->status, 403, "$role GET /admin/policy: 403");
		$r = $b->post('/admin/policy', { csrf => $b->csrf('/home'),
		    %DEF, year => $Y, years_l4 => 1, 'level1[]' => ['W001'] },
		    accept => 'xml');
		is($r->status, 403, "$role POST /admin/policy: 403");
		is(join('|', rows()), join('|', @before), "$role: nothing stored");
	}
	my $anon = $s->browser;
	$r = $anon->get('/admin/policy');
	ok($r->status == 303 || $r->status == 403,
	    'anonymous GET: sent to log in or refused (' . $r->status . ')');
	unlike($r->text, qr/years_l4/, 'anonymous: no policy shown');
}

$s->finish;
done_testing;
