# submit.t: submitting the application (SPEC.md 3.3, 4): a full application
# saved and submitted with an SMS code and then shown as submitted and
# read-only; the required fields and photos; each rule family's error next
# to its field in the page and in the XML (R1-R17, with the seed's sentence
# for R9+R6); the warnings R18 (confirm) and R19 (confirm, then the proof
# upload); an exceptional candidate (R20) skipping R6; a wrong code; a
# closed window; two submissions at once and a replayed POST giving one
# submission; edits refused after submission.
use strict;
use warnings;
use utf8;

use IO::Handle;
use POSIX ();
use Test::More;
use GKBM;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 3);
my $Y = $s->year;
my $PW = 'Passw0rdx9';
my $dbh = $s->dbh;
# valid(RESPONSE, LABEL): one test, the XML against apply.rng.
my $valid = GKBM::rng_validator('apply');
sub valid { local $Test::Builder::Level = $Test::Builder::Level + 1;
	$valid->(@_) }

$s->admin('create-unit', 'ZZSUP', '郑州市水利局', 'supervising', '410100');
$s->admin('create-unit', 'ZZBAS', '郑州市水利局机关', 'basic', '410100', 'ZZSUP');
my $SUP = $s->count(q{SELECT id FROM units WHERE code = 'ZZSUP'});
my $UNIT = $s->count(q{SELECT id FROM units WHERE code = 'ZZBAS'});

# Candidates: [ID, name, phone, level].
my %C = (
	main => [GKBM::idno('410105', '19800501', 123), '李明', '13900000001', 4],
	r18 => [GKBM::idno('410105', '19810602', 135), '赵刚', '13900000002', 4],
	r19 => [GKBM::idno('410105', '19820703', 147), '钱进', '13900000003', 4],
	exc => [GKBM::idno('410105', '19900804', 159), '孙强', '13900000004', 4],
	race => [GKBM::idno('410105', '19830905', 171), '周平', '13900000005', 4],
	lock => [GKBM::idno('410105', '19841006', 183), '吴磊', '13900000006', 4],
	nojs => [GKBM::idno('410105', '19840106', 195), '吴敏', '13900000007', 4],
);
my (%acct, %br, %app);
for my $k (sort keys %C) {
	my ($id, $name, $phone, $level) = @{ $C{$k} };
	$s->admin({ stdin => "$PW\n" }, 'create-candidate', $Y, $id, $name,
	    $phone, '410100', $level);
	$acct{$k} = $s->count('SELECT id FROM accounts WHERE name = ?', $name);
	$br{$k} = $s->browser;
	my $r = $br{$k}->login('candidate', $id, $PW);
	is($r->status, 303, "$k logs in") or diag($r->dump);
	$r = $br{$k}->get('/apply', accept => 'xml');
	is($r->status, 200, "$k opens the form") or diag($r->dump);
	$app{$k} = $s->count('SELECT id FROM applications WHERE account_id = ?', $acct{$k});
}

# The photos, as h_upload.c stores them (the upload itself is tested there).
sub add_material {
	my ($k, $kind) = @_;
	$dbh->do(q{INSERT INTO materials (application_id, kind, file, mime, size,
	    title, uploaded_by, created_at) VALUES (?, ?, ?, 'image/jpeg', 1000, '',
	    ?, NOW())}, undef, $app{$k}, $kind, GKBM::_hex(32), $acct{$k});
}

sub version {
	my ($k) = @_;
	return $s->count('SELECT version FROM applications WHERE id = ?', $app{$k});
}

sub state {
	my ($k) = @_;
	return $s->count('SELECT state FROM applications WHERE id = ?', $app{$k});
}

sub events {
	my ($k) = @_;
	return $s->count('SELECT COUNT(*) FROM review_events WHERE application_id = ?',
	    $app{$k});
}

my %good = (
	action => 'submit', region => '410100', supervisor => $SUP,
	unit_id => $UNIT, education => '60', work_start => '2008-07-01',
	work_years => $Y - 2008 + 1, cur_level => 5, cur_worktype => 'W019',
	cur_level_year => $Y - 6, unit_category => 'institution',
	unit_rank => 'city', target_worktype => 'W019', target_level => 4,
	route => 'certificate',
	(map { ("appraisal_$_" => '2') } $Y - 5 .. $Y - 1),
	prohibited => 'no', sms_code => '000000',
);

# post(k, {over}, accept): POST /apply as candidate k.
sub post {
	my ($k, $over, $accept) = @_;
	my $b = $br{$k};
	my %f = (%good, csrf => $b->csrf('/apply'), version => version($k),
	    %{ $over || {} });
	delete $f{$_} for grep { !defined $f{$_} } keys %f;
	return $b->post('/apply', \%f, accept => $accept // 'xml');
}

# code(k): asks for a submit code and returns it.
sub code {
	my ($k) = @_;
	my $r = post($k, { action => 'send_code' });
	is($r->status, 200, "$k: send_code 200") or diag($r->dump);
	is($r->xpath('/apply/form/@status'), 'sent', "$k: the form says sent");
	like($r->xpath('/apply/form/message') // '', qr/验证码已发送/, "$k: ... with a message");
	my $c = $s->sms_code($C{$k}[2]);
	like($c // '', qr/^\d{6}$/, "$k: the code arrived at the registered phone");
	return $c;
}

# --- 获取验证码 without JavaScript comes back to the code box ------------------------

# Issue 6 item 4: the button's formaction carries the fragment of the code
# box, the answer keeps what was typed and says "sent" next to the box.
{
	my $b = $br{nojs};
	my $r = $b->get('/apply');
	like($r->text, qr{<button[^>]*value="send_code"[^>]*formaction="/apply#sms-box"},
	    '获取验证码 posts to /apply#sms-box');
	like($r->text, qr/<div id="sms-box"/, '... the code box has that id');
	$r = post('nojs', { action => 'send_code', education => '70',
	    exc_evidence => '市级劳模证书' }, 'html');
	is($r->status, 200, 'send_code as HTML: 200') or diag($r->dump);
	my $html = $r->text;
	like($html, qr{<div id="sms-box"[^>]*>.*?<p class="sms-msg" id="sms-msg" role="status">短信验证码已发送}s,
	    '... the message is next to the code box');
	like($html, qr{<option value="70" selected>}, '... the values typed are kept');
	like($html, qr{>市级劳模证书</textarea>}, '... the texts too');
	like($s->sms_code($C{nojs}[2]) // '', qr/^\d{6}$/, '... and the code was sent');
}

# --- required fields and photos -------------------------------------------------------

my $v0 = version('main');
my $r = post('main', { (map { ($_ => '') } keys %good), action => 'submit' });
is($r->status, 400, 'an empty submission: 400') or diag($r->dump);
my %want = (
	unit_id => qr/请选择所在单位/, education => qr/请选择文化程度/,
	work_start => qr/请填写参加工作时间/, work_years => qr/请填写工作年限/,
	cur_level => qr/请选择现岗位等级/, unit_category => qr/请选择单位类别/,
	unit_rank => qr/请选择单位级别/, target_worktype => qr/请选择申报岗位工种/,
	target_level => qr/请选择申报岗位等级/, prohibited => qr/是否存在禁止申报情形/,
	appraisal_note => qr/年度考核未满五年，请输入情况说明/,
	photo => qr/请上传个人照片/, idcard => qr/请上传身份证/,
	sms_code => qr/请输入短信验证码/,
);
for my $f (sort keys %want) {
	like($r->xpath("/apply/form/field[\@name='$f']/error") // '', $want{$f},
	    "an empty submission: the message at $f");
}
like($r->xpath('/apply/form/message') // '', qr/信息尚未提交/, '... and above the form');
is(version('main'), $v0, '... nothing stored');
is(state('main'), 'draft', '... still a draft');
valid($r, 'an empty submission');

# Issue 6 item 4: a refused submission starts with a summary of its
# errors, each a link to its field on the same page.
$r = post('main', { (map { ($_ => '') } keys %good), action => 'submit' }, 'html');
{
	my $html = $r->text;
	my ($sum) = $html =~ m{<div id="error-summary"([^>]*>.*?)</div>}s;
	ok(defined $sum, 'the refused submission as HTML has an error summary') or diag($html);
	$sum //= '';
	like($sum, qr/tabindex="-1"/, '... which can take the focus');
	like($sum, qr/role="alert"/, '... and is announced');
	my $main = index($html, '<main');
	ok(index($html, 'id="error-summary"') > $main &&
	    index($html, 'id="error-summary"') < index($html, 'id="apply-form"'),
	    '... at the top of the page, before the form');
	my @links = $sum =~ m{<a href="#([^"]+)">}g;
	my $n_err = () = $r->text =~ /<p class="error" id="/g;
	cmp_ok(scalar(@links), '>=', scalar(keys %want), '... one link per error')
	    or diag($sum);
	for my $id (@links) {
		like($html, qr/\sid="\Q$id\E"/, "... the link #$id leads to an element");
	}
	for my $f (qw(unit_id education work_start photo idcard sms_code prohibited)) {
		my $t = $f eq 'photo' || $f eq 'idcard' ? "f-upload-$f" :
		    $f eq 'prohibited' ? 'f-prohibited-yes' : "f-$f";
		ok((grep { $_ eq $t } @links), "... $f is linked to #$t");
	}
	like($sum, qr/信息尚未提交/, '... under the message');
	unlike($html, qr/formaction="[^"]*#[^"]*"[^>]*>(?:提交|保存)信息</,
	    '... 提交 and 保存 carry no fragment (a redirect after success would keep it)');
}

# Fewer than five graded years need the explanation.
$r = post('main', { 'appraisal_' . ($Y - 1) => '9' });
like($r->xpath("/apply/form/field[\@name='appraisal_note']/error") // '',
    qr/年度考核未满五年/, '未考核 in one year: the explanation is asked for');

add_material($_, 'photo'), add_material($_, 'idcard') for qw(main r18 r19 exc race lock);

# --- each rule's error next to its field --------------------------------------------

# rule(label, {over}, RULE, field, qr/msg/): 400, the message at field and
# in <eligibility>, nothing stored.
sub rule {
	my ($label, $over, $rule, $field, $re) = @_;
	my $v0 = version('main');
	my $r = post('main', $over);
	is($r->status, 400, "$label: 400") or diag($r->dump);
	like($r->xpath("/apply/form/field[\@name='$field']/error") // '', $re,
	    "$label: the message next to $field") or diag($r->text);
	is($r->xpath("/apply/eligibility/rule[\@id='$rule']/\@field"), $field,
	    "$label: $rule in the XML for $field");
	like($r->xpath("/apply/eligibility/rule[\@id='$rule']") // '', $re,
	    "$label: ... with the sentence");
	is($r->xpath("/apply/eligibility/rule[\@id='$rule']/\@kind"), 'error',
	    "$label: ... an error");
	is(version('main'), $v0, "$label: nothing stored");
	return $r;
}

$dbh->do(q{INSERT INTO policy (year, pkey, value, updated_at) VALUES (?, 'age_max', '40', NOW())},
    undef, $Y);
$r = rule('R1 age over the year\'s maximum (policy 40)', {}, 'R1', 'birth', qr/\S/);
$dbh->do(q{DELETE FROM policy WHERE year = ? AND pkey = 'age_max'}, undef, $Y);
rule('R2 started work at 15', { work_start => '1995-07-01', work_years => $Y - 1995 },
    'R2', 'work_start', qr/\S/);
rule('R4 no current work type', { cur_worktype => '' }, 'R4', 'cur_worktype', qr/现岗位工种/);
rule('R6 level 4 by years with 9 years', { route => 'years', work_years => 9 },
    'R6', 'work_years', qr/\S/);
rule('R7 level 3 by years with 17 years', { target_level => 3, route => 'years',
    work_years => 17, cur_level => 4 }, 'R7', 'work_years', qr/\S/);
$r = rule('R9+R6 the seed\'s sentence', { cur_level_year => $Y - 3, work_years => 8 },
    'R9', 'cur_level_year', qr/^现岗位等级年限不满五年，且工作年限不满10或18年，不符合报名条件/);
$r = post('main', { cur_level_year => $Y - 3, work_years => 8 }, 'html');
like($r->text, qr/class="field has-error".{0,2000}现岗位等级年限不满五年，且工作年限不满10或18年，不符合报名条件/s,
    'R9+R6: the seed\'s sentence next to its field in the HTML');
rule('R10 level 3 by certificate, level 4 held 2 years', { target_level => 3,
    cur_level => 4, cur_level_year => $Y - 2 }, 'R10', 'cur_level_year', qr/\S/);
rule('R11 level 2 by years', { target_level => 2, route => 'years', cur_level => 3 },
    'R11', 'route', qr/证书/);
rule('R12 level 1, level 2 held 3 years', { target_level => 1, route => '',
    cur_level => 2, cur_level_year => $Y - 3, work_years => $Y - 2008 + 1,
    resume => '简历', rewards => '无', achievements => '业绩' },
    'R12', 'cur_level_year', qr/\S/);
rule('R13 level 2 with 初中 at 46', { target_level => 2, cur_level => 3,
    education => '70' }, 'R13', 'education', qr/\S/);
rule('R14 merged 水电工 to 管道工\'s sibling', { cur_worktype => 'W906',
    target_worktype => 'W001', target_level => 4, cur_level => 5 },
    'R14', 'target_worktype', qr/对应的新工种/);
rule('R15 same level, other type, by years', { target_level => 4, cur_level => 4,
    cur_level_year => $Y - 6, target_worktype => 'W001', route => 'years' },
    'R15', 'route', qr/证书/);
# Issue 6 item 5: 五级 has no 申报方式; a route sent with it is ignored,
# on a submission (no R15) and on a save (nothing stored).
$r = post('main', { target_level => 5, cur_level => 5, target_worktype => 'W001',
    route => 'years' });
ok(!$r->nodes("/apply/eligibility/rule[\@id='R15']"),
    '五级 with a route sent: no 申报方式 rule applies');
is($r->xpath("/apply/form/field[\@name='route']/\@value") // '', '',
    '... and the form shows no 申报方式');
$r = post('main', { action => 'save', target_level => 5, route => 'years' });
is($r->status, 303, '五级 with a route sent: saved') or diag($r->dump);
is($s->count('SELECT route FROM applications WHERE id = ?', $app{main}), undef,
    '... without a 申报方式');
$dbh->do('INSERT INTO policy_level1 (year, worktype) VALUES (?, ?)', undef, $Y, 'W001');
rule('R16 level 1 in a type not open this year', { target_level => 1, route => '',
    cur_level => 2, cur_level_year => $Y - 8, resume => '简历', rewards => '无',
    achievements => '业绩' }, 'R16', 'target_worktype', qr/一级/);
rule('R17 prohibited circumstances', { prohibited => 'yes' }, 'R17', 'prohibited',
    qr/禁止申报情形/);

# Every error at once.
$r = post('main', { prohibited => 'yes', cur_worktype => '', education => '' });
is($r->status, 400, 'several rules at once: 400');
ok(scalar($r->nodes("/apply/form/field[\@name='prohibited']/error")) &&
    scalar($r->nodes("/apply/form/field[\@name='cur_worktype']/error")) &&
    scalar($r->nodes("/apply/form/field[\@name='education']/error")),
    '... all shown at once');
valid($r, 'rule errors');

# --- a wrong code, a closed window -------------------------------------------------------

my $code = code('main');
$r = post('main', { sms_code => $code eq '111111' ? '222222' : '111111' });
is($r->status, 400, 'a wrong code: 400') or diag($r->dump);
like($r->xpath("/apply/form/field[\@name='sms_code']/error") // '', qr/验证码不正确/,
    '... says so');
is(state('main'), 'draft', '... not submitted');
$r = post('main', { sms_code => '12ab56' });
like($r->xpath("/apply/form/field[\@name='sms_code']/error") // '', qr/6位数字/,
    'a malformed code is refused');

$s->admin('window', $Y, 'registration', '2000-01-01 00:00', '2000-01-02 00:00');
$r = post('main', { sms_code => $code });
is($r->status, 400, 'the window closed: 400') or diag($r->dump);
like($r->xpath('/apply/form/message') // '', qr/不在注册报名时间内/, '... names the window');
is(state('main'), 'draft', '... not submitted');
$r = post('main', { action => 'send_code' });
is($r->status, 400, 'no code outside the window either');
$s->admin('window', $Y, 'registration', GKBM::_ymdhm(-86400), GKBM::_ymdhm(14 * 86400));

# --- the full submission ------------------------------------------------------------------

my $ev0 = events('main');
$v0 = version('main');
$r = post('main', { sms_code => $code });
is($r->status, 303, 'the submission: 303') or diag($r->dump);
is($r->header('location'), '/status?m=submitted', '... to the status page');
is(state('main'), 'submitted', 'the application is submitted');
is(version('main'), $v0 + 2, 'the version rose (stored, then submitted)');
ok($s->count('SELECT submitted_at IS NOT NULL FROM applications WHERE id = ?', $app{main}),
    'submitted_at is set');
is(events('main'), $ev0 + 1, 'one review_events row');
is($s->count(q{SELECT COUNT(*) FROM review_events WHERE application_id = ? AND
    level = 'candidate' AND action = 'submit' AND actor_id = ? AND unit_id = ?},
    $app{main}, $acct{main}, $UNIT), 1, '... a candidate submit for the unit');
is($s->count(q{SELECT COUNT(*) FROM appraisals WHERE application_id = ?}, $app{main}), 5,
    'the appraisals are stored');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'application.submit' AND object = ?},
    "application:$app{main}"), 1, 'the submission is audited');
is($s->count(q{SELECT used_at IS NOT NULL FROM sms_codes WHERE id = (SELECT MAX(id)
    FROM sms_codes)}), 1, 'the code is used');

$r = $br{main}->get('/apply', accept => 'xml');
is($r->xpath('/apply/application/@state'), 'submitted', 'the form shows submitted');
is($r->xpath('/apply/application/@editable'), '0', '... read-only');
valid($r, 'submitted');
$r = $br{main}->get('/apply');
like($r->text, qr/您的信息已提交.*审核进度/s, 'the page says it waits for review');
like($r->text, qr/<fieldset class="plain" disabled/, '... with the form disabled');
unlike($r->text, qr/action="\/apply\/delete"/, '... and no delete buttons');

# Replayed, and edits after submission.
$v0 = version('main');
$r = post('main', { sms_code => $code, version => $v0 - 2 });
is($r->status, 303, 'the replayed POST: 303') or diag($r->dump);
is($r->header('location'), '/status', '... to the status page');
is(events('main'), $ev0 + 1, '... no second submission');
is(version('main'), $v0, '... nothing changed');
$r = post('main', { action => 'save', education => '20' });
is($r->status, 409, 'saving after submission: 409') or diag($r->dump);
like($r->xpath('/apply/form/message') // '', qr/审核期间不能修改/, '... says why');
is($s->count('SELECT education FROM applications WHERE id = ?', $app{main}), '60',
    '... nothing changed');
$r = post('main', { action => 'pick_unit' });
is($r->status, 409, 'even the cascade is refused after submission');

# --- R18: confirm ---------------------------------------------------------------------

# A qualified-library row for candidate k (the MAC read in SQL: binary).
sub qualified {
	my ($k, $wt, $level, $year) = @_;
	$dbh->do(q{INSERT INTO qualified (idno_mac, worktype, level, year)
	    SELECT idno_mac, ?, ?, ? FROM accounts WHERE id = ?}, undef,
	    $wt, $level, $year, $acct{$k});
}
qualified('r18', 'W019', 5, $Y - 7);
$r = post('r18');
is($r->status, 400, 'R18 not confirmed: 400') or diag($r->dump);
is($r->xpath("/apply/form/field[\@name='confirm_r18']/error"),
    '现岗位等级取得时间与合格库信息不符，是否确认报考', 'R18: the seed\'s question');
is($r->xpath("/apply/eligibility/rule[\@id='R18']/\@kind"), 'warning', '... a warning in the XML');
is($r->xpath("/apply/eligibility/rule[\@id='R18']/\@confirmed"), '0', '... not confirmed');
is(state('r18'), 'draft', '... not submitted');
$r = post('r18', {}, 'html');
like($r->text, qr/name="confirm_r18"/, 'R18: the page has the confirm checkbox');
like($r->text, qr/现岗位等级取得时间与合格库信息不符，是否确认报考/, '... with the question');
$code = code('r18');
$r = post('r18', { confirm_r18 => 1, sms_code => $code });
is($r->status, 303, 'R18 confirmed: submitted') or diag($r->dump);
is(state('r18'), 'submitted', '... the state is submitted');
is($s->count('SELECT confirm_r18 FROM applications WHERE id = ?', $app{r18}), 1,
    '... with the confirmation stored');

# --- R19: confirm, then the proof ------------------------------------------------------

qualified('r19', 'W001', 5, $Y - 6);
$r = post('r19');
is($r->status, 400, 'R19 not confirmed: 400') or diag($r->dump);
is($r->xpath("/apply/form/field[\@name='confirm_r19']/error"),
    '现岗位工种与合格库信息不符，是否确认报考', 'R19: the seed\'s question');
ok(!scalar($r->nodes("/apply/form/field[\@name='r19proof']/error")),
    '... no proof asked for before the confirmation');
$r = post('r19', { confirm_r19 => 1 });
is($r->status, 400, 'R19 confirmed without a proof: 400') or diag($r->dump);
like($r->xpath("/apply/form/field[\@name='r19proof']/error") // '',
    qr/^请按要求上传相关证明材料照片/, '... asks for the proof');
ok(!scalar($r->nodes("/apply/form/field[\@name='confirm_r19']/error")),
    '... the confirmation itself is accepted');
is(state('r19'), 'draft', '... not submitted');
$r = post('r19', { confirm_r19 => 1 }, 'html');
like($r->text, qr/请按要求上传相关证明材料照片/, 'the HTML asks for the proof');
add_material('r19', 'r19proof');
$code = code('r19');
$r = post('r19', { confirm_r19 => 1, sms_code => $code });
is($r->status, 303, 'R19 confirmed with the proof: submitted') or diag($r->dump);
is(state('r19'), 'submitted', '... submitted');

# --- R20: an exceptional candidate skips R6 ---------------------------------------------

my %exc = (route => 'years', work_start => '2019-07-01', work_years => 5);
$r = post('exc', \%exc);
is($r->status, 400, 'not exceptional: R6 refuses 5 years of work');
is($r->xpath("/apply/eligibility/rule[\@id='R6']/\@field"), 'work_years', '... R6');
$dbh->do('UPDATE applications SET exc_entered_by = 1 WHERE id = ?', undef, $app{exc});
$r = $br{exc}->get('/apply', accept => 'xml');
is($r->xpath('/apply/application/@exceptional'), '1', 'the form marks the exceptional candidate');
$code = code('exc');
$r = post('exc', { %exc, sms_code => $code });
is($r->status, 303, 'exceptional: submitted despite R6') or diag($r->dump);
is(state('exc'), 'submitted', '... submitted');

# --- two submissions at once ----------------------------------------------------------------

$code = code('race');
my $ev = events('race');
my $vr = version('race');
my $token = $br{race}->csrf('/apply');
my %f = (%good, csrf => $token, version => $vr, sms_code => $code);
pipe(my $rd, my $wr) or die "pipe: $!";
my @kids;
for my $i (1 .. 2) {
	my $pid = fork;
	die "fork: $!" unless defined $pid;
	if ($pid == 0) {
		close $rd;
		my $res = $br{race}->post('/apply', \%f, accept => 'xml');
		print $wr join("\t", $res->status, $res->header('location') // '') . "\n";
		close $wr;
		POSIX::_exit(0);
	}
	push @kids, $pid;
}
close $wr;
my @answers = <$rd>;
waitpid($_, 0) for @kids;
chomp @answers;
is(scalar(@answers), 2, 'two concurrent submissions answered');
is(scalar(grep { $_ eq "303\t/status?m=submitted" } @answers), 1,
    'exactly one of them submitted') or diag(join("\n", @answers));
ok((grep { /^409\t|^303\t\/status$|^400\t/ } @answers) == 1,
    'the other was refused or sent to the status page') or diag(join("\n", @answers));
is(events('race'), $ev + 1, 'one review_events row');
is(state('race'), 'submitted', 'submitted once');
is(version('race'), $vr + 2, 'the version rose once');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'application.submit' AND object = ?},
    "application:$app{race}"), 1, 'one audited submission');

# --- a material deleted between the checks and the submission ------------------------
#
# The test holds the application row (as a delete does), so the submission
# counts its materials and then waits for the row; meanwhile the photo is
# deleted and the hold released.  The submission must count again under
# the lock: a submitted application always has its photo.

$code = code('lock');
my %lf = (%good, csrf => $br{lock}->csrf('/apply'), version => version('lock'),
    sms_code => $code);
my $hold = DBI->connect(
    'DBI:MariaDB:database=' . $s->{dbname} . ';mariadb_socket=' . $s->{dbsock},
    $s->{admin_user}, $s->{admin_pw}, { RaiseError => 1, AutoCommit => 0 });
$hold->selectrow_array('SELECT id FROM applications WHERE id = ? FOR UPDATE',
    undef, $app{lock});
pipe(my $lrd, my $lwr) or die "pipe: $!";
binmode($_, ':encoding(UTF-8)') for $lrd, $lwr;
my $kid = fork;
die "fork: $!" unless defined $kid;
if ($kid == 0) {
	close $lrd;
	my $res = $br{lock}->post('/apply', \%lf, accept => 'xml');
	print $lwr join("\t", $res->status, $res->xpath('/apply/form/message') // '') . "\n";
	close $lwr;
	POSIX::_exit(0);
}
close $lwr;
# Wait (on the server's state, not a clock) until the submission waits
# for the row: a lock wait, or its locking read still in the optimizer
# (state "Statistics": MariaDB reads a row found by its primary key while
# it plans the query, and such a wait is not listed as a LOCK WAIT).
my $waiting = 0;
for (1 .. 600) {
	$waiting = $s->root_sql(q{SELECT (SELECT COUNT(*) FROM
	    information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT') +
	    (SELECT COUNT(*) FROM information_schema.PROCESSLIST
	    WHERE command = 'Execute' AND info LIKE '%FROM applications%FOR UPDATE')})
	    + 0;
	last if $waiting;
	select(undef, undef, undef, 0.05);
}
ok($waiting, 'the submission waits for the application row');
$hold->do(q{DELETE FROM materials WHERE application_id = ? AND kind = 'photo'},
    undef, $app{lock});
$hold->commit;
$hold->disconnect;
my $answer = <$lrd> // '';
waitpid($kid, 0);
chomp $answer;
my ($lst, $lmsg) = split(/\t/, $answer, 2);
is($lst, 409, 'the submission is refused') or diag($answer);
like($lmsg // '', qr/修改过.*重新/, '... saying the application changed');
my $photos = $s->count(q{SELECT COUNT(*) FROM materials WHERE application_id = ?
    AND kind = 'photo'}, $app{lock});
is($photos, 0, 'the photo is gone');
isnt(state('lock'), 'submitted', 'so the application is not submitted');
is($s->count(q{SELECT COUNT(*) FROM applications a WHERE a.state = 'submitted'
    AND NOT EXISTS (SELECT 1 FROM materials m WHERE m.application_id = a.id
    AND m.kind = 'photo')}), 0, 'no submitted application lacks its photo');

$s->finish;
done_testing;
