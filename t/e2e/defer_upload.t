# defer_upload.t: staff of an application's chain act on its files while
# it is reviewed (SPEC §3.4, §5, R21; issue 11 item 4; fcgi/model/material.c,
# fcgi/pages/review/h_staffup.c): 添加身份证号 on the candidate's photo
# with the same stamp the candidate has; materials uploaded on the
# candidate's behalf; for level 1 the salary form and, when an appraisal
# year is 优秀, its evidence.  Refused, with nothing stored: another
# subtree (404), the candidate (403), a file that is no JPEG, the photo
# and the ID card (the candidate's own), level-1 kinds for another
# level, the appraisal evidence without an 优秀 year, an application no
# longer under review, a second stamp.  Every staff upload and stamp is
# audited.
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
my $JPG = GKBM::jpeg(640, 480);
my $valid = GKBM::rng_validator('staffupload');

$s->create_units(qw(ZZCITY JSCNTY ZZSUP ZZBAS KFCITY));
$s->admin('create-unit', 'KFSUP', '开封市教育局', 'supervising', '410200');
$s->admin('create-unit', 'KFBAS', '开封市第一中学', 'basic', '410200', 'KFSUP');
my %staff = $s->create_staff($PW, qw(unit reviewer city county));
$s->admin({ stdin => "$PW\n" }, 'create-staff', 'kfdw01', '孙开封', '13700000021',
    'unit', 'KFBAS');
my %b = $s->staff_browsers($PW, %staff, kfunit => ['kfdw01']);
my $UNIT = $s->count(q{SELECT id FROM units WHERE code = 'ZZBAS'});

# The candidate uploads a real photo before submitting (the stamp draws on it).
my $idno = GKBM::idno('410105', '19800501', '123');
$s->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate', $Y, $idno, '李明',
    '13900000001', '410100', '4');
my ($cb, $app, $acct) = $s->login_app($idno, '李明', 'Passw0rdx9');
my $r = $cb->post_multipart('/apply/upload', { csrf => $cb->csrf('/apply'),
    kind => 'photo' }, { file => ['me.jpg', GKBM::jpeg(413, 626), 'image/jpeg'] },
    accept => 'xml');
is($r->status, 303, 'the candidate uploads the photo') or diag($r->dump);
$r = $s->submit_app($cb, $app, '13900000001', $UNIT);
is($r->status, 303, 'and submits') or diag($r->dump);

sub nmat {
	return $s->count('SELECT COUNT(*) FROM materials WHERE application_id = ?',
	    $app);
}
sub up {
	my ($who, $kind, $bytes, %f) = @_;
	my $br = $who eq 'candidate' ? $cb : $b{$who};
	return $br->post_multipart('/review/upload', { csrf => $br->csrf('/home'),
	    id => $app, kind => $kind, %f }, { file => ['表.jpg', $bytes, 'image/jpeg'] },
	    accept => 'xml');
}
sub stamp {
	my ($who) = @_;
	my $br = $who eq 'candidate' ? $cb : $b{$who};
	return $br->post('/review/stamp', { csrf => $br->csrf('/home'), id => $app },
	    accept => 'xml');
}
sub photo_file {
	return $s->count(q{SELECT file FROM materials WHERE application_id = ? AND
	    kind = 'photo'}, $app);
}

# --- the page -------------------------------------------------------------------------

$r = $b{unit}->get("/review/upload?id=$app", accept => 'xml');
is($r->status, 200, 'the unit opens 代传资料') or diag($r->dump);
$valid->($r, 'the page');
is($r->xpath('/staffupload/application/@name'), '李*', '... the name masked');
ok(!$r->nodes('//kind[@name="photo" or @name="idcard" or @name="l1_salary"]'),
    '... offering neither the photo, the ID card nor level-1 kinds');
ok($r->nodes('//kind[@name="material"]'), '... but materials');
like($b{unit}->get("/review/upload?id=$app")->text, qr/添加身份证号/, 'the HTML offers the stamp');
is($b{city}->get("/review/upload?id=$app", accept => 'xml')->status, 200,
    'the city (in the chain) opens it');
for my $k (qw(kfunit county)) {
	is($b{$k}->get("/review/upload?id=$app", accept => 'xml')->status, 404,
	    "$k (another subtree): 404");
}
is($b{unit}->get('/review/upload?id=abc', accept => 'xml')->status, 404, 'id abc: 404');
is($cb->get("/review/upload?id=$app", accept => 'xml')->status, 403, 'the candidate: 403');

# --- uploads on the candidate's behalf ------------------------------------------------------

my $n0 = nmat();
$r = up('unit', 'material', 'GIF89a not a jpeg');
is($r->status, 400, 'a file that is no JPEG: 400') or diag($r->dump);
like($r->xpath('//field[@name="file"]/error') // '', qr/./, '... the file\'s message');
$valid->($r, 'a refused upload');
is(nmat(), $n0, '... nothing stored');
$r = up('unit', 'photo', $JPG);
is($r->status, 400, 'the photo: 400');
like($r->xpath('//field[@name="kind"]/error') // '', qr/由报考人员本人上传/, '... the candidate\'s own');
$r = up('unit', 'idcard', $JPG);
like($r->xpath('//field[@name="kind"]/error') // '', qr/由报考人员本人上传/, 'the ID card: the candidate\'s own');
$r = up('unit', 'l1_salary', $JPG);
like($r->xpath('//field[@name="kind"]/error') // '', qr/仅申报一级/, 'the salary form of a level-4 application');
$r = up('unit', 'bogus', $JPG);
like($r->xpath('//field[@name="kind"]/error') // '', qr/请选择上传资料的类别/, 'an unknown kind');
$r = up('kfunit', 'material', $JPG);
is($r->status, 404, 'another subtree\'s unit: 404');
$r = up('county', 'material', $JPG);
is($r->status, 404, 'a county outside the chain: 404');
$r = up('candidate', 'material', $JPG);
is($r->status, 403, 'the candidate on the staff route: 403');
is(nmat(), $n0, 'nothing of these was stored');

$r = up('reviewer', 'material', $JPG);
is($r->status, 303, 'the unit\'s reviewer uploads a material') or diag($r->dump);
like($r->header('location') // '', qr{^/review/upload\?id=$app&m=uploaded}, '... back to the page');
is(nmat(), $n0 + 1, '... stored');
is($s->count(q{SELECT uploaded_by FROM materials WHERE application_id = ? ORDER BY
    id DESC LIMIT 1}, $app), $s->count(q{SELECT id FROM accounts WHERE login = 'shy01'}),
    '... as uploaded by the reviewer');
my $a = $s->last_audit('material.upload');
like($a->{reason}, qr/^material application:$app staff$/, '... audited as a staff upload');
is($a->{role}, 'reviewer', '... by the reviewer');

# --- 添加身份证号 ----------------------------------------------------------------------

my $f0 = photo_file();
$r = stamp('kfunit');
is($r->status, 404, 'another subtree stamps: 404');
is(photo_file(), $f0, '... the photo unchanged');
$r = stamp('unit');
is($r->status, 303, 'the unit stamps the ID number') or diag($r->dump);
isnt(photo_file(), $f0, '... a new photo file');
is($s->count('SELECT photo_stamped FROM applications WHERE id = ?', $app), 1,
    '... recorded as stamped');
like($s->last_audit('photo.stamp')->{reason}, qr/^application:$app staff$/, '... audited');
my $f1 = photo_file();
$r = stamp('unit');
is($r->status, 409, 'a second stamp: 409');
like($r->xpath('//form/message') // '', qr/已添加身份证号/, '... says so');
is(photo_file(), $f1, '... the photo unchanged');

# --- level 1: the salary form, the appraisal evidence (R21) ---------------------------------

# A level-1 application's row (its form is the candidate's, tested elsewhere).
$dbh->do('UPDATE applications SET target_level = 1 WHERE id = ?', undef, $app);
$r = $b{unit}->get("/review/upload?id=$app", accept => 'xml');
ok($r->nodes('//kind[@name="l1_salary"]'), 'level 1: the salary form is offered');
ok(!$r->nodes('//kind[@name="l1_appraisal"]'), '... the appraisal evidence not without 优秀');
$n0 = nmat();
$r = up('unit', 'l1_appraisal', $JPG);
is($r->status, 400, 'the appraisal evidence without an 优秀 year: 400');
like($r->xpath('//field[@name="kind"]/error') // '', qr/没有“优秀”等次/, '... says why');
is(nmat(), $n0, '... nothing stored');
$r = up('city', 'l1_salary', $JPG);
is($r->status, 303, 'the city uploads the salary form') or diag($r->dump);
is($s->count(q{SELECT COUNT(*) FROM materials WHERE application_id = ? AND
    kind = 'l1_salary'}, $app), 1, '... stored as l1_salary');
$dbh->do(q{UPDATE appraisals SET grade = '1' WHERE application_id = ? AND
    year = ?}, undef, $app, $Y - 1);
$r = $b{unit}->get("/review/upload?id=$app", accept => 'xml');
ok($r->nodes('//kind[@name="l1_appraisal"]'), 'with an 优秀 year the evidence is offered');
$r = up('unit', 'l1_appraisal', $JPG);
is($r->status, 303, '... and uploaded') or diag($r->dump);
$r = $cb->post_multipart('/apply/upload', { csrf => $cb->csrf('/status'),
    kind => 'l1_salary' }, { file => ['x.jpg', $JPG, 'image/jpeg'] }, accept => 'xml');
isnt($r->status, 303, 'the candidate still may not upload the salary form');

# --- no longer under review ----------------------------------------------------------------

$dbh->do(q{UPDATE applications SET state = 'returned' WHERE id = ?}, undef, $app);
$n0 = nmat();
$r = up('unit', 'material', $JPG);
is($r->status, 409, 'returned to the candidate: the staff upload is refused');
like($r->xpath('//form/message') // '', qr/不在审核中/, '... says why');
is(nmat(), $n0, '... nothing stored');
$dbh->do(q{UPDATE applications SET photo_stamped = 0 WHERE id = ?}, undef, $app);
$r = stamp('unit');
is($r->status, 409, '... and so is the stamp');

$s->finish;
done_testing;
