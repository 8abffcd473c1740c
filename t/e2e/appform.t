# appform.t: 打印报名表 (seed 004; issue 8 item 5): the registration form
# as an A4 PDF for its candidate once submitted (/apply/form.pdf) and for
# staff of its chain (/review/form.pdf?id=N, the visibility of 详情,
# audited); read back with poppler: page size, fonts embedded as subsets,
# the photo as a JPEG, the candidate's fields and the 审核意见 boxes.
# Refused: before submission (the page says why), outside the chain
# (404, nothing audited), a wrong or missing id (400, in Chinese).
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Print;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $PW = 'Staff#2026ab';

$s->create_units(qw(ZZCITY KFCITY ZZSUP ZZBAS));
my %staff = $s->create_staff($PW, qw(city kfcity unit supervising));
my %b = $s->staff_browsers($PW, %staff);
my $bas = $s->count(q{SELECT id FROM units WHERE code = 'ZZBAS'});
my $idno = GKBM::idno('410105', '19800501', '123');

# Before submission: no form, and the page says why.
$s->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate', $Y, $idno,
    '李明', '13900000001', '410100', '4');
my ($cb, $app) = $s->login_app($idno, '李明', 'Passw0rdx9');
my $r = $cb->get('/apply/form.pdf', accept => 'html');
is($r->status, 404, 'a draft has no form');
like($r->text, qr/提交后才能打印报名表/, 'and the page says why');

$r = $s->submit_app($cb, $app, '13900000001', $bas);
is($r->status, 303, '李明 submits') or diag($r->dump);

# The candidate's own form.
$r = $cb->get('/apply/form.pdf');
is($r->status, 200, 'the candidate prints his form');
is($r->content_type, 'application/pdf', 'as a PDF');
like($r->header('content-disposition') // '', qr/inline; filename="form\.pdf"; filename\*=UTF-8''%E6%8A%A5/,
    'named 报名表-….pdf');
my $p = GKBM::Print::pdf($r->body);
GKBM::Print::keep('form.pdf', $r->body);
is($p->{size}, '595.276 x 841.89 pts (A4)', 'A4 portrait');
is($p->{pages}, 1, 'one page');
like($p->{title}, qr/^报名表 李明$/, 'title');
is($p->{creator}, 'gkbm', 'creator');
ok(@{ $p->{fonts} } >= 1 && !grep({ $_->[1] ne 'yes' || $_->[2] ne 'yes' } @{ $p->{fonts} }),
    'every font embedded as a subset');
ok(grep({ $_->[0] == 413 && $_->[1] == 626 && $_->[2] eq 'jpeg' } @{ $p->{images} }),
    'the photo, as its JPEG');
my $t = $p->{text};
like($t, qr/工勤技能岗位等级考核报名表/, 'the title');
like($t, qr/\Q$idno\E/, 'the ID number in full');
like($t, qr/李明/, 'the name');
like($t, qr/13900000001/, 'the phone');
like($t, qr/郑州市水利局机关/, 'the unit');
like($t, qr/电工/, 'the work type');
like($t, qr/按岗位等级证书申报/, 'the route');
like($t, qr/四级（中级工）/, 'the level');
like($t, qr/所在单位审核意见/, 'the unit\'s 审核意见 box');
like($t, qr/主管单位审核意见/, 'the supervising unit\'s');
like($t, qr/市工考办审核意见/, 'the city office\'s');
like($t, qr/（盖章）/, 'with a stamp place');
like($t, qr/第\s*1\s*页\s*共\s*1\s*页/, 'the footer counts the pages');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'app.print'}), 0,
    'the candidate\'s own print is not audited');

# Staff of the chain: the same form, audited.
for my $who (qw(unit supervising city province)) {
	my $x = $b{$who}->get("/review/form.pdf?id=$app");
	is($x->status, 200, "$who prints the form");
	like(GKBM::Print::pdf($x->body)->{text}, qr/\Q$idno\E/, "$who\'s has the ID number");
}
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'app.print'
    AND object = ?}, "application:$app"), 4, 'each staff print audited');

# Outside the chain: as if it did not exist, nothing audited.
$r = $b{kfcity}->get("/review/form.pdf?id=$app", accept => 'html');
is($r->status, 404, 'another city: 404');
unlike($r->body, qr/%PDF/, 'no PDF');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'app.print'}), 4,
    'nothing audited');
$r = $b{unit}->get('/review/form.pdf?id=999999', accept => 'html');
is($r->status, 404, 'no such application: 404');

# Wrong parameters, in Chinese.
for my $q ('', '?id=', '?id=abc', '?id=0', '?id=-3', '?id=99999999999') {
	$r = $b{unit}->get("/review/form.pdf$q", accept => 'html');
	is($r->status, 400, "id '$q' refused");
	like($r->text, qr/报名序号|详情页面/, 'with a Chinese message');
}
# Roles: the candidate cannot use the staff URL, staff not the candidate's.
is($cb->get("/review/form.pdf?id=$app")->status, 403, 'candidate: staff URL refused');
is($b{unit}->get('/apply/form.pdf')->status, 403, 'staff: candidate URL refused');

$s->finish;
done_testing;
