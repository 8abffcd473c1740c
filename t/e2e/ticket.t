# ticket.t: 准考证 (issue 10 items 3, 4): the candidate's ticket behind
# the ticket window, a seat and an SMS code (wrong, right, used again,
# expired; the unlock bound to the session and its 30 minutes), its PDF
# read back by poppler (one A4 page: name, ID number, ticket number,
# site, address; the photo with pdfimages; the QR code with pdftoppm and
# zbarimg), never another candidate's data; 准考证查询 for every admin
# within his subtree (filters, each wrong one refused, masked ID
# numbers, a row's own ticket, the batch PDF one ticket a page, a unit
# admin outside the window refused, other subtrees refused); 考生名单 for
# the offices of the region (sections per room, the PDF one room a
# page, choices outside the region refused); every PDF audited.
#
# The exam plan and seats are plain SQL fixtures on the agreed tables
# (schema/0019-exam.sql): the pages read nothing else.
use strict;
use warnings;
use utf8;

use Encode ();
use File::Temp qw(tempdir);
use Test::More;
use GKBM;
use GKBM::Print;
use GKBM::Ticket;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $YY = sprintf('%02d', $Y % 100);
my $PW = 'Staff#2026ab';
my $dbh = $s->dbh;

$s->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
$s->admin('create-unit', 'KFSUP', '开封市教育局', 'supervising', '410200');
$s->admin('create-unit', 'KFBAS', '开封市第一中学', 'basic', '410200', 'KFSUP');
my %staff = $s->create_staff($PW, qw(unit reviewer supervising county city kfcity));
$s->admin({ stdin => "$PW\n" }, 'create-staff', 'kfdw01', '开单位', '13700000031',
    'unit', 'KFBAS');
$staff{kfunit} = ['kfdw01'];
my %b = $s->staff_browsers($PW, %staff);

my $tk = GKBM::rng_validator('ticket');
my $tks = GKBM::rng_validator('tickets');
my $er = GKBM::rng_validator('examroster');

my $f = GKBM::Ticket->new($s);
sub candidate { $f->candidate(@_) }

my $c1 = candidate('张明远', 'ZZBAS', '410100');
my $c2 = candidate('李华强', 'ZZBAS', '410100');
my $c3 = candidate('王开封', 'KFBAS', '410200');
my $c4 = candidate('赵无座', 'ZZBAS', '410100');	# approved, no seat

# The plan (plain SQL on the agreed tables): 郑州 one site, two rooms, one
# session; 开封 one site, one room.
sub site { $f->site(@_) }
sub room { $f->room(@_) }
sub session { $f->session(@_) }
sub seat { $f->seat(@_) }
my $zsite = site('410100', '郑州市第一考点', '郑州市金水区文化路1号');
my $zr1 = room($zsite, '001', '第1考场');
my $zr2 = room($zsite, '002', '第2考场');
my $zs = session('410100');
seat($c1, '410100', $zs, $zr1, '001', 1);
seat($c2, '410100', $zs, $zr2, '002', 1);
my $ksite = site('410200', '开封市考点', '开封市鼓楼区中山路2号');
my $kr1 = room($ksite, '001', '第1考场');
my $ks = session('410200');
seat($c3, '410200', $ks, $kr1, '001', 5);
is($c1->{ticket}, "${YY}41010010100101", 'the fixture ticket number has the agreed layout');

# has(RESPONSE, XPATH): how many nodes match.
sub has { scalar(() = $_[0]->nodes($_[1])) }
sub window {
	my ($how) = @_;
	my @span = $how eq 'open' ? (GKBM::_ymdhm(-86400), GKBM::_ymdhm(14 * 86400))
	    : (GKBM::_ymdhm(-15 * 86400), GKBM::_ymdhm(-86400));
	$s->admin('window', $Y, 'ticket', @span);
}
sub post_code {
	my ($c, %f) = @_;
	return $c->{b}->post('/ticket', { csrf => $c->{b}->csrf('/home'), %f },
	    accept => 'xml');
}
sub field_err {
	my ($r) = @_;
	return $r->xpath('/ticket/form/field[@name="sms_code"]/error') // '';
}
# A code is sent at most once a minute: as a person waits it out.
sub wait_minute {
	$dbh->do('UPDATE sms_codes SET created_at = created_at - INTERVAL 70 SECOND');
}
sub unlock {
	my ($c) = @_;
	wait_minute();
	my $r = post_code($c, send_code => 1);
	my $code = $s->sms_code($c->{phone}) or return undef;
	return post_code($c, sms_code => $code);
}
# esc(K=V): the query with V percent-encoded as UTF-8.
sub esc {
	my ($k, $v) = split /=/, $_[0], 2;
	$v = join('', map { sprintf('%%%02X', $_) } unpack('C*', Encode::encode('UTF-8', $v)));
	return "$k=$v";
}
sub audits { $s->count('SELECT COUNT(*) FROM audit WHERE event = ? AND object = ? '
    . 'AND result = ?', @_) }

# --- the window and the seat ------------------------------------------------

my $r = $c1->{b}->get('/ticket', accept => 'xml');
is($r->status, 200, 'no ticket window yet: /ticket answers');
is($r->xpath('/ticket/refusal/@code'), 'closed', '... refused: closed');
like($r->xpath('/ticket/refusal'), qr/准考证打印时间尚未公布/, '... and it says the window is not set');
ok(!has($r, '/ticket/form') && !has($r, '/ticket/ticket'), '... no form, no ticket');
$tk->($r, 'GET /ticket, no window');
window('closed');
$r = $c1->{b}->get('/ticket', accept => 'xml');
like($r->xpath('/ticket/refusal'), qr/准考证打印时间为.*至.*当前不在准考证打印时间内/,
    'window closed: the window\'s dates and why');
$r = post_code($c1, send_code => 1);
is($r->status, 409, 'window closed: POST /ticket refused (409)');
is($r->xpath('/ticket/refusal/@code'), 'closed', '... with the refusal');
$tk->($r, 'POST /ticket, window closed');
is($s->count(q{SELECT COUNT(*) FROM sms_codes WHERE purpose = 'ticket'}), 0,
    '... and no code was sent');
$r = $c1->{b}->get('/ticket.pdf');
is($r->status, 303, 'window closed: /ticket.pdf goes back to /ticket');
like($r->header('location') // '', qr{/ticket$}, '... (Location)');
window('open');

$r = $c4->{b}->get('/ticket', accept => 'xml');
is($r->xpath('/ticket/refusal/@code'), 'no-seat', 'approved, no seat: refused');
like($r->xpath('/ticket/refusal'), qr/还没有考场座位/, '... in Chinese');
$tk->($r, 'GET /ticket, no seat');
is(post_code($c4, send_code => 1)->status, 409, 'no seat: no code sent (409)');

# --- the SMS code ------------------------------------------------------------

$r = $c1->{b}->get('/ticket', accept => 'xml');
is($r->status, 200, 'window open, seated: /ticket');
is($r->xpath('/ticket/form/@action'), '/ticket', '... the code form');
like($r->xpath('/ticket/sms-phone'), qr/^139\*{4}\d{4}$/, '... the phone masked');
is($r->xpath('/ticket/sms/@unlock'), 30, '... unlocks for 30 minutes');
ok(!has($r, '/ticket/ticket'), '... and no ticket before the code');
unlike($r->body, qr/\Q$c1->{ticket}\E|\Q$c1->{idno}\E/, '... nor its number or ID number');
$tk->($r, 'GET /ticket, locked');
is($c1->{b}->get('/ticket.pdf')->status, 303, 'locked: /ticket.pdf goes back to /ticket');

$r = post_code($c1, sms_code => '');
is($r->status, 400, 'no code: 400');
like(field_err($r), qr/请输入短信验证码/, '... 请输入短信验证码');
$r = post_code($c1, sms_code => '12ab');
like(field_err($r), qr/6位数字/, 'a malformed code: 6位数字');
$r = post_code($c1, sms_code => '123456');
like(field_err($r), qr/请先获取短信验证码/, 'a code before any was sent: 请先获取');
$tk->($r, 'POST /ticket, refused code');

$r = post_code($c1, send_code => 1);
is($r->status, 200, 'send_code: 200');
is($r->xpath('/ticket/form/@status'), 'sent', '... status sent');
my $code = $s->sms_code($c1->{phone});
like($code // '', qr/^\d{6}$/, '... the code arrives at his phone');
$tk->($r, 'POST /ticket send_code');
is($s->count(q{SELECT COUNT(*) FROM sms_codes WHERE purpose = 'ticket'}), 1,
    '... one code of purpose ticket');
my $wrong = $code eq '000000' ? '111111' : '000000';
my $fails = audits('ticket.unlock', "application:$c1->{app}", 'fail');
$r = post_code($c1, sms_code => $wrong);
is($r->status, 400, 'a wrong code: 400');
like(field_err($r), qr/短信验证码不正确/, '... 短信验证码不正确');
ok(!has($r, '/ticket/ticket'), '... no ticket');
is(audits('ticket.unlock', "application:$c1->{app}", 'fail'), $fails + 1, '... audited as a failure');
is($s->count('SELECT COUNT(*) FROM ticket_unlocks'), 0, '... nothing unlocked');
$r = post_code($c1, sms_code => $code);
is($r->status, 303, 'the right code: 303');
like($r->header('location') // '', qr{/ticket$}, '... to /ticket');
is(audits('ticket.unlock', "application:$c1->{app}", 'ok'), 1, '... audited');
$r = post_code($c1, sms_code => $code);
like(field_err($r), qr/已使用/, 'the same code again: 已使用');

$r = $c1->{b}->get('/ticket', accept => 'xml');
is($r->status, 200, 'unlocked: /ticket');
$tk->($r, 'GET /ticket, unlocked');
is($r->xpath('/ticket/ticket/@no'), $c1->{ticket}, '... his ticket number');
is($r->xpath('/ticket/ticket/@name'), $c1->{name}, '... his name');
is($r->xpath('/ticket/ticket/@idno'), $c1->{idno}, '... his ID number in full (his own)');
is($r->xpath('/ticket/ticket/@site'), '郑州市第一考点', '... the site');
is($r->xpath('/ticket/ticket/@address'), '郑州市金水区文化路1号', '... its address');
is($r->xpath('/ticket/ticket/@room'), '第1考场', '... the room');
is($r->xpath('/ticket/ticket/@seat'), '01', '... the seat');
is($r->xpath('/ticket/ticket/@worktype'), '电工', '... the work type');
is($r->xpath('/ticket/ticket/@level-name'), '四级（中级工）', '... the level');
is($r->xpath('/ticket/ticket/@when'), "$Y-06-20 09:00至11:00", '... the time');
ok($r->xpath('/ticket/ticket/@photo'), '... the photo');
ok(scalar(() = $r->nodes('/ticket/rules/rule')) >= 5, '... the 考场规则');
unlike($r->body, qr/\Q$c2->{name}\E|\Q$c2->{ticket}\E|\Q$c2->{idno}\E/,
    '... and nothing of another candidate');
my $html = $c1->{b}->get('/ticket');
like($html->text, qr/下载准考证/, 'the HTML page links 下载准考证');

# The unlock is the session's: another login asks again.
my $other = $s->browser;
$other->login('candidate', $c1->{idno}, 'Passw0rdx9');
$r = $other->get('/ticket', accept => 'xml');
ok(has($r, '/ticket/form') && !has($r, '/ticket/ticket'),
    'another session of his: the code is asked again');
is($other->get('/ticket.pdf')->status, 303, '... and its /ticket.pdf goes back');

# --- the PDF --------------------------------------------------------------------

$r = $c1->{b}->get('/ticket.pdf');
is($r->status, 200, 'GET /ticket.pdf: 200');
is($r->content_type, 'application/pdf', '... a PDF');
GKBM::Print::keep('ticket.pdf', $r->body);
my $pdf = GKBM::Print::pdf($r->body);
is($pdf->{pages}, 1, '... one page');
is($pdf->{size}, '595.276 x 841.89 pts (A4)', '... A4 portrait');
my $t = $pdf->{text} =~ s/\s+//gr;
like($t, qr/准考证/, '... titled 准考证');
like($t, qr/\Q$c1->{name}\E/, '... his name (pdftotext)');
like($t, qr/\Q$c1->{idno}\E/, '... his ID number');
like($t, qr/\Q$c1->{ticket}\E/, '... his ticket number');
like($t, qr/郑州市第一考点/, '... the site');
like($t, qr/郑州市金水区文化路1号/, '... the address');
like($t, qr/第1考场/, '... the room');
like($t, qr/考场规则/, '... the rules');
unlike($t, qr/\Q$c2->{name}\E|\Q$c2->{ticket}\E/, '... nothing of another candidate');
is(scalar @{ $pdf->{images} }, 1, '... one image (pdfimages)');
is(join('x', @{ $pdf->{images}[0] // [] }[0, 1]), '413x626', '... his photo, as stored');
is(audits('ticket.pdf', "application:$c1->{app}", 'ok'), 1, '... the download audited');
SKIP: {
	skip 'pdftoppm or zbarimg not installed', 1
	    unless GKBM::which('pdftoppm') && GKBM::which('zbarimg');
	my $dir = tempdir('gkbm-ticket-XXXXXX', TMPDIR => 1, CLEANUP => 1);
	open(my $fh, '>:raw', "$dir/t.pdf") or die;
	print $fh $r->body;
	close($fh);
	system('pdftoppm', '-r', '150', '-png', "$dir/t.pdf", "$dir/p") == 0 or die;
	my ($png) = glob("$dir/p*.png");
	my $qr = `zbarimg -q --raw '$png'`;
	chomp $qr;
	is($qr, $c1->{ticket}, 'zbarimg reads the ticket number off the QR code');
}

# A candidate never reaches another's ticket: his own is the only one.
ok(unlock($c2), 'the other candidate unlocks his own');
$r = $c2->{b}->get("/ticket.pdf?app=$c1->{app}");
$t = GKBM::Print::pdf($r->body)->{text} =~ s/\s+//gr;
like($t, qr/\Q$c2->{ticket}\E/, '/ticket.pdf?app=another: his own ticket');
unlike($t, qr/\Q$c1->{name}\E|\Q$c1->{ticket}\E|\Q$c1->{idno}\E/, '... never the other\'s');
is($c2->{b}->get('/admin/tickets', accept => 'xml')->status, 403,
    'a candidate: /admin/tickets refused');
is($c2->{b}->get('/admin/tickets.pdf')->status, 403, '... and /admin/tickets.pdf');
is($c2->{b}->get('/admin/exam/roster')->status, 403, '... and /admin/exam/roster');

# Expiry: of the unlock, then of a code.
$dbh->do('UPDATE ticket_unlocks SET until = NOW() - INTERVAL 1 SECOND WHERE account_id = ?',
    undef, $c1->{acct});
$r = $c1->{b}->get('/ticket', accept => 'xml');
ok(has($r, '/ticket/form') && !has($r, '/ticket/ticket'),
    'the unlock over (30 minutes): the code is asked again');
is($c1->{b}->get('/ticket.pdf')->status, 303, '... /ticket.pdf goes back');
wait_minute();
post_code($c1, send_code => 1);
$code = $s->sms_code($c1->{phone});
$dbh->do(q{UPDATE sms_codes SET created_at = created_at - INTERVAL 6 MINUTE
    WHERE purpose = 'ticket'});
$r = post_code($c1, sms_code => $code);
like(field_err($r), qr/已过期/, 'a code older than 5 minutes: 已过期');
ok(!has($r, '/ticket/ticket'), '... no ticket');

# --- 准考证查询 -------------------------------------------------------------

my %SEES = (province => [$c1, $c2, $c3], city => [$c1, $c2], kfcity => [$c3],
    county => [], supervising => [$c1, $c2], unit => [$c1, $c2], kfunit => [$c3]);
sub names { join(' ', sort map { $_->getAttribute('name') } @_) }
for my $k (sort keys %SEES) {
	my $want = join(' ', sort map { $_->{name} } @{ $SEES{$k} });
	$r = $b{$k}->get('/admin/tickets', accept => 'xml');
	is($r->status, 200, "$k: /admin/tickets");
	$tks->($r, "$k: GET /admin/tickets");
	is(names($r->nodes('/tickets/list/ticket')), $want, "$k: sees $want");
	ok(!grep({ $_->getAttribute('idno') !~ /^\d{6}\*{8}\d{3}[\dX]$/ }
	    $r->nodes('/tickets/list/ticket')), "$k: ID numbers masked in the list");
	for my $c ($c1, $c2, $c3) {
		next if grep { $_ == $c } @{ $SEES{$k} };
		is($b{$k}->get("/admin/tickets.pdf?app=$c->{app}")->status, 404,
		    "$k: another subtree's ticket ($c->{name}) refused");
	}
}
is($b{reviewer}->get('/admin/tickets')->status, 403, 'a reviewer: refused');

my $u = $b{unit};
my %FILTER = ("name=$c1->{name}" => [$c1], "idno=$c2->{idno}" => [$c2],
    "ticket=$c1->{ticket}" => [$c1], 'wt=W019' => [$c1, $c2], 'level=4' => [$c1, $c2],
    'level=3' => [], "name=$c3->{name}" => []);
for my $q (sort keys %FILTER) {
	$r = $u->get('/admin/tickets?' . esc($q), accept => 'xml');
	is(names($r->nodes('/tickets/list/ticket')),
	    join(' ', sort map { $_->{name} } @{ $FILTER{$q} }), "unit: ?$q");
}
my %BAD = ('name=1' => qr/完整的姓名/, 'idno=41010519800101' => qr/18位身份证号/,
    'ticket=abc' => qr/16位数字/, 'wt=NOSUCH' => qr/没有这个工种/,
    'level=9' => qr/一级至五级/, 'page=0' => qr/页码/);
for my $q (sort keys %BAD) {
	$r = $u->get("/admin/tickets?$q", accept => 'xml');
	is($r->status, 400, "unit: ?$q refused (400)");
	like($r->xpath('/tickets/form/message') // '', $BAD{$q}, "... in Chinese");
	ok(!has($r, '/tickets/list'), '... no list');
	$tks->($r, "unit: GET /admin/tickets?$q");
	is($u->get("/admin/tickets.pdf?$q")->status, 400, "... and the PDF (400)");
}

# One row's ticket, then the batch: one ticket a page, full ID numbers.
my $before = $s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'ticket.pdf'});
$r = $u->get("/admin/tickets.pdf?app=$c2->{app}");
is($r->status, 200, 'unit: a row\'s own ticket');
$pdf = GKBM::Print::pdf($r->body);
is($pdf->{pages}, 1, '... one page');
$t = $pdf->{text} =~ s/\s+//gr;
like($t, qr/\Q$c2->{ticket}\E.*|\Q$c2->{name}\E/, '... his');
unlike($t, qr/\Q$c1->{name}\E/, '... only his');
$r = $u->get('/admin/tickets.pdf');
is($r->status, 200, 'unit: every ticket of his unit');
GKBM::Print::keep('tickets.pdf', $r->body);
$pdf = GKBM::Print::pdf($r->body);
is($pdf->{pages}, 2, '... one a page');
$t = $pdf->{text} =~ s/\s+//gr;
for my $c ($c1, $c2) {
	like($t, qr/\Q$c->{name}\E/, "... $c->{name}");
	like($t, qr/\Q$c->{ticket}\E/, "... $c->{name}'s ticket number");
	like($t, qr/\Q$c->{idno}\E/, "... $c->{name}'s ID number in full (his own page)");
}
unlike($t, qr/\Q$c3->{name}\E/, '... nobody of another unit');
is(scalar @{ $pdf->{images} }, 2, '... a photo each');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'ticket.pdf'}), $before + 2,
    '... both prints audited');

# Outside the window: the unit admin waits, the offices do not.
window('closed');
$r = $u->get('/admin/tickets', accept => 'xml');
is($r->status, 200, 'window closed: unit /admin/tickets');
like($r->xpath('/tickets/refusal') // '', qr/当前不在准考证打印时间内/, '... refused in Chinese');
ok(!has($r, '/tickets/list'), '... no list');
$tks->($r, 'unit: GET /admin/tickets, window closed');
is($u->get('/admin/tickets.pdf')->status, 409, '... and no PDF (409)');
is($b{supervising}->get('/admin/tickets.pdf')->status, 409, '... nor for 主管单位');
$r = $b{city}->get('/admin/tickets', accept => 'xml');
is(scalar(() = $r->nodes('/tickets/list/ticket')), 2, 'window closed: the city still sees its tickets');
is($b{city}->get('/admin/tickets.pdf')->status, 200, '... and prints them');
window('open');

# --- 考生名单 --------------------------------------------------------------

my $c = $b{city};
$r = $c->get('/admin/exam/roster', accept => 'xml');
is($r->status, 200, 'city: 考生名单');
$er->($r, 'city: GET /admin/exam/roster');
is($r->xpath('/examroster/sites/site[@selected]/@id'), $zsite, '... its first site chosen');
my @sec = $r->nodes('/examroster/roster/section');
is(scalar @sec, 2, '... a section per room');
is(join(' ', map { $_->getAttribute('room-name') . ':' .
    join(',', map { $_->getAttribute('name') } $_->findnodes('row')) } @sec),
    "第1考场:$c1->{name} 第2考场:$c2->{name}", '... each with its candidates');
ok(!grep({ $_->getAttribute('idno') !~ /^\d{6}\*{8}\d{3}[\dX]$/ }
    $r->nodes('//row')), '... ID numbers masked');
$r = $c->get("/admin/exam/roster?site=$zsite&room=$zr2&session=$zs", accept => 'xml');
is(scalar(() = $r->nodes('/examroster/roster/section')), 1, 'one room chosen: one section');
$er->($r, 'city: GET /admin/exam/roster, one room');

$r = $c->get("/admin/exam/roster.pdf?site=$zsite");
is($r->status, 200, 'city: the 考生名单 PDF');
is($r->content_type, 'application/pdf', '... a PDF');
GKBM::Print::keep('exam-roster.pdf', $r->body);
$pdf = GKBM::Print::pdf($r->body);
is($pdf->{pages}, 2, '... one page per room');
$t = $pdf->{text} =~ s/\s+//gr;
like($t, qr/第1考场.*\Q$c1->{name}\E.*第2考场.*\Q$c2->{name}\E/, '... each room its candidates');
like($t, qr/签名/, '... a 签名 column');
like($t, qr/\Q$c1->{ticket}\E/, '... ticket numbers');
like($t, qr/郑州市金水区文化路1号/, '... the address');
unlike($t, qr/\Q$c1->{idno}\E/, '... ID numbers masked');
is(scalar @{ $pdf->{images} }, 2, '... a photo a row');
is(audits('examroster.pdf', "site:$zsite", 'ok'), 1, '... audited');
$r = $c->get("/admin/exam/roster.pdf?site=$zsite&room=$zr1");
is(GKBM::Print::pdf($r->body)->{pages}, 1, 'one room: one page');

$r = $b{kfcity}->get("/admin/exam/roster?site=$zsite", accept => 'xml');
is($r->status, 400, 'another region\'s site: 400');
like($r->xpath('/examroster/form/message') // '', qr/请选择本地区的考点/, '... in Chinese');
ok(!has($r, '/examroster/roster'), '... nothing of it');
$er->($r, 'kfcity: GET /admin/exam/roster?site=other');
is($b{kfcity}->get("/admin/exam/roster.pdf?site=$zsite")->status, 400, '... nor its PDF');
for my $q ("site=abc", "site=$zsite&room=$kr1", "site=$zsite&session=$ks", 'room=0') {
	$r = $c->get("/admin/exam/roster?$q", accept => 'xml');
	is($r->status, 400, "city: ?$q refused");
	ok($r->xpath('/examroster/form/message'), '... with its message');
	is($c->get("/admin/exam/roster.pdf?$q")->status, 400, '... and the PDF');
}
$r = $b{province}->get('/admin/exam/roster', accept => 'xml');
is($r->status, 200, 'the province: its own region (省直)');
ok(!has($r, '/examroster/sites/site'), '... which has no site here');
for my $k (qw(unit supervising county reviewer)) {
	is($b{$k}->get('/admin/exam/roster')->status, 403, "$k: 考生名单 refused");
}

# A room longer than a page: its rows go on, the column heads again on
# each page, nobody left out, the next room still from a new page.
my @more = map { candidate("孙${_}号", 'ZZBAS', '410100') } qw(甲 乙 丙 丁 戊 己 庚 辛 壬 癸 子 丑);
seat($more[$_], '410100', $zs, $zr1, '001', $_ + 2) for 0 .. $#more;
$r = $c->get("/admin/exam/roster.pdf?site=$zsite");
$pdf = GKBM::Print::pdf($r->body);
ok($pdf->{pages} >= 3, "13 in room 1, 1 in room 2: $pdf->{pages} pages");
my @pages = split /\f/, $pdf->{text};
is(scalar(grep { /座位号/ } @pages), $pdf->{pages}, '... the column heads on every page');
$t = $pdf->{text} =~ s/\s+//gr;
is(scalar(grep { index($t, $_->{name}) >= 0 } $c1, @more), 13, '... every candidate of room 1');
like($pages[-1] =~ s/\s+//gr, qr/第2考场.*\Q$c2->{name}\E/, '... room 2 on a page of its own');
unlike($pages[-1], qr/\Q$c1->{name}\E/, '... without room 1\'s');
is(scalar @{ $pdf->{images} }, 14, '... a photo a row');

$s->finish;
done_testing;
