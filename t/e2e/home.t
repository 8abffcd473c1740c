# home.t: the candidate's home page says one next step, from the year's
# registration window and his application (h_home.c home_step): fill the
# form, upload the photo, submit, wait, fix a return, a rejection, final
# approval, or the window's dates when it is not open; never 未开放 while
# the form is open.
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
my $PW = 'Passw0rdx9';
my $valid = GKBM::rng_validator('home');

my $id = GKBM::idno('410105', '19800501', 123);
$s->admin({ stdin => "$PW\n" }, 'create-candidate', $Y, $id, '李明',
    '13900000001', '410100', 4);
my $acct = $s->count(q{SELECT id FROM accounts WHERE name = '李明'});
my $b = $s->browser;
is($b->login('candidate', $id, $PW)->status, 303, 'the candidate logs in');

# step(label, step, state, qr/HTML/, href): the XML's next step and the
# page's button.
sub step {
	my ($label, $step, $state, $re, $href) = @_;
	my $x = $b->get('/home', accept => 'xml');
	is($x->xpath('/home/next/@step'), $step, "$label: next step $step");
	is($x->xpath('/home/next/@state'), $state, "$label: state $state");
	$valid->($x, $label);
	my $h = $b->get('/home');
	like($h->text, qr/<h2 id="h-next">下一步<\/h2>.*$re/s, "$label: the page says so");
	like($h->text, qr/<section class="card next-steps[^>]*>.*href="\Q$href\E"/s,
	    "$label: one button to $href") if defined $href;
	return $h;
}

# No application yet, the form open: fill it in (never 未开放).
my $h = step('no application', 'fill', 'none', qr/填写报名信息/, '/apply');
unlike($h->text, qr/下一步.*未开放/s, 'not 未开放 while the form is open');

$b->get('/apply', accept => 'xml');
my $app = $s->count('SELECT id FROM applications WHERE account_id = ?', $acct);
ok($app, 'the draft exists');
step('an empty draft', 'fill', 'draft', qr/填写报名信息/, '/apply');

$s->create_units(qw(ZZSUP ZZBAS));
my $unit = $s->count(q{SELECT id FROM units WHERE code = 'ZZBAS'});
$dbh->do(q{UPDATE applications SET unit_id = ?, education = '60', work_start =
    '2000-07-01', work_years = 20, cur_level = 0, target_worktype = 'W019',
    target_level = 4, prohibited = 0 WHERE id = ?}, undef, $unit, $app);
step('the form filled, no photo', 'upload', 'draft', qr/上传个人照片/, '/apply#materials');

$dbh->do(q{INSERT INTO materials (application_id, kind, file, mime, size, title,
    uploaded_by, created_at) VALUES (?, 'photo', ?, 'image/jpeg', 1000, '', ?,
    NOW())}, undef, $app, GKBM::_hex(32), $acct);
step('form and photo saved', 'submit', 'draft', qr/核对并提交报名信息/, '/apply#submit');

my %states = (
	submitted => ['wait', qr/等待审核/, '/status'],
	returned => ['fix', qr/按退回原因修改后重新提交/, '/status'],
	rejected => ['rejected', qr/审核不通过/, '/status'],
	approved => ['approved', qr/终审通过/, '/status'],
);
for my $st (sort keys %states) {
	$dbh->do('UPDATE applications SET state = ? WHERE id = ?', undef, $st, $app);
	step($st, $states{$st}[0], $st, $states{$st}[1], $states{$st}[2]);
}

# Approved: the payment and ticket windows come next, with their dates.
$dbh->do(q{UPDATE applications SET state = 'approved' WHERE id = ?}, undef, $app);
$h = $b->get('/home');
like($h->text, qr/网上缴费：时间尚未公布/, 'approved: payment not yet published');
$dbh->do(q{INSERT INTO windows (year, kind, region_code, starts_at, ends_at,
    updated_at) VALUES (?, 'ticket', '', ?, ?, NOW())}, undef, $Y,
    "$Y-12-20 08:00", "$Y-12-28 18:00");
my $x = $b->get('/home', accept => 'xml');
is($x->xpath('/home/window[@kind="ticket"]/@starts'), "$Y-12-20 08:00",
    'approved: the ticket window in the document');
$valid->($x, 'approved with the ticket window');
like($b->get('/home')->text, qr/准考证打印：$Y-12-20 08:00 至 $Y-12-28 18:00/,
    'approved: the ticket window\'s dates on the page');

# The window closed: the dates, whatever the draft holds.
$dbh->do(q{UPDATE windows SET starts_at = NOW() - INTERVAL 10 DAY, ends_at =
    NOW() - INTERVAL 1 DAY WHERE year = ? AND kind = 'registration'}, undef, $Y);
$dbh->do(q{UPDATE applications SET state = 'draft' WHERE id = ?}, undef, $app);
$h = step('a draft after the window', 'closed', 'draft', qr/本年度注册报名已结束/);
like($h->text, qr/报名信息只能在注册报名时间（\d{4}-\d\d-\d\d \d\d:\d\d 至/,
    '... with the window\'s dates');
$dbh->do(q{UPDATE applications SET state = 'returned' WHERE id = ?}, undef, $app);
$h = step('returned after the window', 'closed', 'returned', qr/本年度注册报名已结束/);
like($h->text, qr/已被退回本人/, '... and that it was returned');
$dbh->do(q{UPDATE applications SET state = 'submitted' WHERE id = ?}, undef, $app);
step('submitted, the window over', 'wait', 'submitted', qr/等待审核/, '/status');
$dbh->do(q{UPDATE windows SET starts_at = NOW() + INTERVAL 1 DAY, ends_at =
    NOW() + INTERVAL 10 DAY WHERE year = ? AND kind = 'registration'}, undef, $Y);
$dbh->do(q{UPDATE applications SET state = 'draft' WHERE id = ?}, undef, $app);
step('before the window', 'closed', 'draft', qr/等待注册报名开始/);

# The page links the help.
$h = $b->get('/home');
like($h->text, qr{href="/help/candidate">报考人员手册}, 'the candidate manual linked');
like($h->text, qr{href="/canapply">我能报哪一级}, '我能报哪一级 linked');

$s->finish;
done_testing;
