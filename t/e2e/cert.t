# cert.t: 电子证书 and 申领汇总上报 (issue 10 items 6 and 7; cert.c,
# h_cert.c, h_verify.c, h_certs.c, report.c of kind passed).  The exam's
# earlier parts (seats, results, publication) are plain SQL fixtures of
# the agreed tables (schema/0019-exam.sql).
#
# Issue: refused for another city's region, an unpublished region, a bad
# region and after the certificate window; numbers without gaps per
# region and level; masked copies; issued_on the publication date; the
# 合格库 rows (an existing row of the same ID number, work type and level
# kept, none added); idempotent (the page and gkbm-admin); audited.  The
# candidate's /cert (window closed, no pass, not issued yet, the
# certificate, revoked) and /cert.pdf read back (pdftotext, pdfimages,
# the QR code by pdftoppm and zbarimg = the /verify address).  /verify:
# valid, cacheable, no cookie, masked; every forged, altered, shortened
# or unknown link the same 404; revoked at once.  Revocation: the
# province only, a reason required, the 合格库 row taken back, audited.
# 申领汇总上报: the city and the 省直 unit report their passes, the
# province sees who reported and reopens.  The rate limit of /verify/ in
# nginx.  Next year's rules (R18) see the certificate's 合格库 row.
use strict;
use warnings;
use utf8;

use File::Temp qw(tempdir);
use Test::More;
use GKBM;
use GKBM::Review;
use GKBM::Print;
use GKBM::Cert;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $rv = GKBM::Review->start(workers => 2);
my $s = $rv->s;
my $Y = $s->year;
my $dbh = $s->dbh;
my %valid = map { ($_ => GKBM::rng_validator($_)) } qw(cert certs verify claim);
sub valid { my $p = shift; local $Test::Builder::Level =
    $Test::Builder::Level + 1; $valid{$p}->(@_) }

# Candidates: p1, p2 pass in 郑州 (410100), f fails there, late passes
# there after the first issue, sz passes in the province's own region
# (省直, 410000).  All approved.
my %C = map { ($_->[0] => $rv->candidate($_->[1])) }
    ([p1 => 'ZZBAS'], [p2 => 'ZZBAS'], [f => 'ZZBAS'], [late => 'ZZBAS'],
    [sz => 'SZBAS']);
$dbh->do(q{UPDATE applications SET state = 'approved', decided_at = NOW(),
    wait_unit_id = NULL, wait_step = NULL, wait_level = NULL,
    wait_since = NULL WHERE id = ?}, undef, $_->{app}) for values %C;
my $city = $rv->b('city');
my $prov = $rv->b('province');

# --- the fixtures of the exam (plan's and result's tables) -----------------------

my $x = GKBM::Cert->new($s);
sub seat { my ($k, $region, $passed) = @_; $x->seat($C{$k}{app}, $region, $passed) }
sub publish { $x->publish(@_) }
seat('p1', '410100', 1);
seat('p2', '410100', 1);
seat('f', '410100', 0);
seat('sz', '410000', 1);

sub certs { $s->count('SELECT COUNT(*) FROM certificates') }
sub issue {
	my ($b, %f) = @_;
	return $b->post('/admin/certs/issue', { csrf => $b->csrf('/home'), %f },
	    accept => 'xml');
}
sub revoke {
	my ($b, %f) = @_;
	return $b->post('/admin/certs/revoke', { csrf => $b->csrf('/home'), %f },
	    accept => 'xml');
}

# --- issue: who, where, when ---------------------------------------------------------

my $r = $city->get('/admin/certs', accept => 'xml');
is($r->status, 200, 'city: 证书管理') or diag($r->dump);
valid('certs', $r, 'city: nothing published');
ok(!$r->nodes('/certs/regions/region'), 'no region published yet');
$r = issue($city, region => '410100');
is($r->status, 409, 'issue before publication: refused');
like($r->xpath('/certs/form/message'), qr/考核结果尚未公布/, '... and why');
is(certs(), 0, 'nothing issued');

publish('410100', 3);
my $pubdate = $s->count(q{SELECT DATE_FORMAT(published_at, '%Y-%m-%d') FROM
    exam_published WHERE region_code = '410100'});
$r = $city->get('/admin/certs', accept => 'xml');
valid('certs', $r, 'city: published');
is($r->xpath('/certs/regions/region/@code'), '410100', 'the city sees its region');
is($r->xpath('/certs/summary/@due'), 2, 'two passes wait');
is($r->xpath('/certs/list/@total'), 0, 'no certificate yet');

for my $bad (['another city', { region => '410000' }, 403],
    ['an empty region', { region => '' }, 400],
    ['letters', { region => '41010a' }, 400],
    ['seven digits', { region => '4101000' }, 400],
    ['no region', {}, 400]) {
	my ($what, $f, $st) = @$bad;
	$r = issue($city, %$f);
	is($r->status, $st, "issue with $what: $st") or diag($r->dump);
	like($r->text, qr/考核地区|只能管理本市/, "... a Chinese message ($what)");
	is(certs(), 0, "... nothing issued ($what)");
}
$r = $city->get('/admin/certs?region=410000', accept => 'xml');
is($r->status, 403, 'city: another region refused');
like($r->text, qr/只能管理本市考核地区/, '... and why');
$r = $city->get('/admin/certs?no=GQ1', accept => 'xml');
is($r->status, 400, 'a bad number to look for: 400');
like($r->xpath('/certs/form/message'), qr/证书编号应为GQ加17位数字/, '... and why');
valid('certs', $r, 'the refused filter');
$r = $city->get('/admin/certs?page=0', accept => 'xml');
is($r->status, 400, 'page 0: 400');
like($r->xpath('/certs/form/message'), qr/页码应为正整数/, '... and why');
$r = $prov->get('/admin/certs?region=41010x', accept => 'xml');
is($r->status, 200, 'province, a region not published: the page');
ok(!$r->nodes('/certs/list'), '... without a list');
$r = $rv->b('county')->get('/admin/certs', accept => 'xml');
is($r->status, 403, 'county office: refused');
$r = $rv->b('supervising')->get('/admin/certs', accept => 'xml');
is($r->status, 403, 'supervising unit: refused');
is(issue($rv->b('unit'), region => '410100')->status, 403, 'unit admin: refused');

# After the certificate window: refused.
$rv->window('certificate', 'past');
$r = issue($city, region => '410100');
is($r->status, 409, 'after the certificate window: refused');
like($r->xpath('/certs/form/message'), qr/电子证书时间已结束/, '... and why');
is(certs(), 0, 'nothing issued');
$rv->window('certificate', 'future');	# before the window: allowed

# --- issue ------------------------------------------------------------------------

$r = issue($city, region => '410100');
is($r->status, 303, 'the city issues') or diag($r->dump);
like($r->header('location'), qr{^/admin/certs\?region=410100&m=certs_issued$}, 'back to the page');
my $certs = $dbh->selectall_arrayref(q{SELECT t.cert_no, t.application_id,
    t.name_masked, t.idno_masked, t.worktype, t.level, t.state,
    DATE_FORMAT(t.issued_on, '%Y-%m-%d') AS issued, t.issued_by FROM certificates t
    ORDER BY t.cert_no}, { Slice => {} });
is(scalar @$certs, 2, 'two certificates');
is_deeply([map { $_->{cert_no} } @$certs],
    ["GQ${Y}4101004000001", "GQ${Y}4101004000002"],
    'numbered GQ, year, region, level, serials 1 and 2');
my %cert_of = map { ($_->{application_id} => $_) } @$certs;
for my $k (qw(p1 p2)) {
	my $c = $cert_of{ $C{$k}{app} };
	ok($c, "$k has a certificate") or next;
	is($c->{name_masked}, substr($C{$k}{name}, 0, 1) . '*' x (length($C{$k}{name}) - 1),
	    "$k: the name masked");
	is($c->{idno_masked}, substr($C{$k}{idno}, 0, 6) . '*' x 8 . substr($C{$k}{idno}, -4),
	    "$k: the ID number masked");
	is("$c->{worktype} $c->{level} $c->{state}", 'W019 4 valid', "$k: work type, level, valid");
	is($c->{issued}, $pubdate, "$k: issued on the publication date");
	ok($c->{issued_by}, "$k: issued by the city's account");
}
ok(!$cert_of{ $C{f}{app} }, 'the failed candidate: none');
is($s->count(q{SELECT COUNT(*) FROM qualified q JOIN certificates t ON
    t.id = q.cert_id JOIN accounts c ON c.id = t.account_id WHERE
    q.idno_mac = c.idno_mac AND q.worktype = 'W019' AND q.level = 4 AND
    q.year = ?}, $Y), 2, 'two 合格库 rows, bound to their certificates');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'cert.issue' AND
    object = ?}, "certificates:$Y/410100"), 1, 'audited');
like($s->count(q{SELECT reason FROM audit WHERE event = 'cert.issue'}),
    qr/^2 issued GQ\d+-GQ\d+, 2 qualified rows added$/, '... with the count');

# Again: nothing new (the page, then gkbm-admin).
$r = issue($city, region => '410100');
is($r->status, 303, 'issuing again: 303');
is(certs(), 2, '... nothing new');
my ($rc, $out) = $s->admin({ may_fail => 1 }, 'cert-issue', $Y, '410100');
is($rc, 0, 'gkbm-admin cert-issue: exit 0') or diag($out);
like($out, qr/^0 certificates issued in $Y 410100, 0 qualified records added$/m,
    '... nothing new');
is($s->count('SELECT COUNT(*) FROM qualified WHERE cert_id IS NOT NULL'), 2,
    'still two 合格库 rows');

# A pass added later gets the next serial.
seat('late', '410100', 1);
$r = $city->get('/admin/certs', accept => 'xml');
is($r->xpath('/certs/summary/@due'), 1, 'one pass waits');
like($city->get('/admin/certs')->text, qr/签发 1 本电子证书/, 'the button says how many');
($rc, $out) = $s->admin({ may_fail => 1 }, 'cert-issue', $Y, '410100');
like($out, qr/^1 certificates issued in $Y 410100 \(GQ${Y}4101004000003 to GQ${Y}4101004000003\)/m,
    'gkbm-admin: the next serial, no gap');

# 省直: not published, then published; the holder's 合格库 row exists.
($rc, $out) = $s->admin({ may_fail => 1 }, 'cert-issue', $Y, '410000');
isnt($rc, 0, 'gkbm-admin: an unpublished region refused');
like($out, qr/not published/, '... and why');
($rc, $out) = $s->admin({ may_fail => 1 }, 'cert-issue', $Y, 'x');
isnt($rc, 0, 'gkbm-admin: a bad region refused');
publish('410000', 1);
$dbh->do(q{INSERT INTO qualified (idno_mac, worktype, level, year) SELECT
    idno_mac, 'W019', 4, 2019 FROM accounts WHERE id = ?}, undef, $C{sz}{acct});
$r = $prov->get('/admin/certs?region=410000', accept => 'xml');
valid('certs', $r, 'province: 省直');
is($r->xpath('/certs/summary/@due'), 1, 'the province sees the 省直 pass');
is(scalar(() = $r->nodes('/certs/regions/region')), 2, 'and both published regions');
$r = issue($prov, region => '410000');
is($r->status, 303, 'the province issues for 省直');
is($s->count(q{SELECT cert_no FROM certificates WHERE application_id = ?},
    $C{sz}{app}), "GQ${Y}4100004000001", 'its own serials');
is($s->count(q{SELECT COUNT(*) FROM qualified q JOIN accounts c ON
    c.idno_mac = q.idno_mac WHERE c.id = ?}, $C{sz}{acct}), 1,
    'the existing 合格库 row kept, none added');
is($s->count(q{SELECT q.year FROM qualified q JOIN accounts c ON
    c.idno_mac = q.idno_mac WHERE c.id = ?}, $C{sz}{acct}), 2019,
    '... unchanged');

# --- the candidate's page and PDF ------------------------------------------------------

my $p1 = $C{p1}{b};
$rv->window('certificate', 'past');
$r = $p1->get('/cert', accept => 'xml');
is($r->status, 200, '/cert outside the window: the page');
valid('cert', $r, 'window closed');
is($r->xpath('/cert/none/@reason'), 'window', '... says the window');
like($r->xpath('/cert/none'), qr/电子证书时间为.*当前不在电子证书时间内/, '... with its dates');
$r = $p1->get('/cert.pdf');
is($r->status, 409, '/cert.pdf outside the window: 409');
like($r->text, qr/当前不在电子证书时间内/, '... and why');
$rv->window('certificate', 'open');

$r = $p1->get('/cert', accept => 'xml');
valid('cert', $r, 'the certificate');
my $no1 = $r->xpath('/cert/certificate/@no');
is($no1, $cert_of{ $C{p1}{app} }{cert_no}, 'his certificate');
my $url1 = $r->xpath('/cert/certificate/@url');
like($url1, qr{^http://127\.0\.0\.1:\d+/verify/\Q$no1\E\.[0-9a-f]{20}$},
    'the check\'s address from site_url');
my ($rc2, $cli) = $s->admin({ may_fail => 1 }, 'cert-url', $no1);
is($cli, "$url1\n", 'gkbm-admin cert-url prints the same address');
like($p1->get('/cert')->text, qr/下载电子证书/, 'the page offers the download');
$r = $C{f}{b}->get('/cert', accept => 'xml');
is($r->xpath('/cert/none/@reason'), 'nopass', 'the failed candidate: no pass');
valid('cert', $r, 'no pass');
like($r->xpath('/cert/none'), qr/没有您考核合格的记录/, '... and why');
is($C{f}{b}->get('/cert.pdf')->status, 404, '... no PDF');

# pending: a pass not yet issued
$dbh->do(q{DELETE FROM qualified WHERE cert_id = (SELECT id FROM certificates
    WHERE application_id = ?)}, undef, $C{late}{app});
$dbh->do('DELETE FROM certificates WHERE application_id = ?', undef, $C{late}{app});
$r = $C{late}{b}->get('/cert', accept => 'xml');
is($r->xpath('/cert/none/@reason'), 'pending', 'a pass not issued yet');
like($r->xpath('/cert/none'), qr/电子证书尚未签发/, '... says so');
is($prov->get('/cert')->status, 403, 'the province has no /cert');

$r = $p1->get('/cert.pdf');
is($r->status, 200, '/cert.pdf') or diag($r->dump);
like($r->header('content-type'), qr{^application/pdf}, 'a PDF');
GKBM::Print::keep('certificate.pdf', $r->body);
my $pdf = GKBM::Print::pdf($r->body);
is($pdf->{pages}, 1, 'one page');
like($pdf->{size}, qr/^84\d\S* x 595\S* pts \(A4\)/, 'A4 landscape');
(my $flat = $pdf->{text}) =~ s/\s+//g;
for my $want ($C{p1}{name}, $C{p1}{idno}, $no1, '电工', '四级（中级工）', $pubdate,
    '河南省机关事业单位工勤技能岗位等级证书') {
	ok(index($flat, $want) >= 0, "the PDF reads '$want'");
}
is(scalar @{ $pdf->{images} }, 1, 'one image: the photo');
is($pdf->{images}[0][2], 'jpeg', '... the stored JPEG');
SKIP: {
	skip 'pdftoppm or zbarimg missing', 1
	    unless GKBM::which('pdftoppm') && GKBM::which('zbarimg');
	my $tmp = tempdir('gkbm-cert-XXXXXX', TMPDIR => 1, CLEANUP => 1);
	open(my $fh, '>:raw', "$tmp/c.pdf") or die;
	print $fh $r->body;
	close $fh;
	my $qr = `pdftoppm -r 150 -png '$tmp/c.pdf' '$tmp/p' && zbarimg -q --raw $tmp/p-1.png 2>/dev/null`;
	$qr =~ s/\s+$//;
	is($qr, $url1, 'the QR code reads the check\'s address');
}

# --- the public check ----------------------------------------------------------------

(my $path1 = $url1) =~ s{^http://[^/]+}{};
my $anon = $s->browser;
$r = $anon->get($path1, accept => 'xml');
is($r->status, 200, '/verify: a valid link');
valid('verify', $r, 'valid');
is($r->xpath('/verify/certificate/@state'), 'valid', '... valid');
is($r->xpath('/verify/certificate/@name'), $cert_of{ $C{p1}{app} }{name_masked}, '... the masked name');
is($r->xpath('/verify/certificate/@idno'), $cert_of{ $C{p1}{app} }{idno_masked}, '... the masked ID number');
is($r->xpath('/verify/certificate/@issued'), $pubdate, '... the date');
$r = $anon->get($path1);
like($r->text, qr/有效：本证书真实有效/, 'the page says 有效');
unlike($r->text, qr/\Q$C{p1}{name}\E|\Q$C{p1}{idno}\E/, 'never the full name or ID number');
unlike($r->text, qr/class="menu"/, 'no menu');
is($r->header('cache-control'), 'public, max-age=60', 'cacheable for a minute');
is($r->header('vary'), 'Accept', '... apart for HTML and XML');
ok(!$r->header_all('set-cookie'), 'no cookie');
is($p1->get($path1, accept => 'xml')->xpath('/verify/meta/role'), 'anon',
    'the same visitor\'s page for a logged-in holder');

# Every link that names no certificate: the same 404.
my ($mac1) = $path1 =~ /\.([0-9a-f]{20})$/;
(my $next = $no1) =~ s/(\d{6})$/sprintf('%06d', $1 + 1)/e;
(my $flip = $mac1) =~ s/^(.)/$1 eq 'a' ? 'b' : 'a'/e;
my ($rc3, $unknown) = $s->admin({ may_fail => 1 }, 'cert-url', "GQ${Y}4101005999999");
$unknown =~ s{^http://[^/]+|\s+$}{}g;
my %bad = (
	'a forged MAC' => "/verify/$no1.$flip",
	'an altered number' => "/verify/$next.$mac1",
	'a shortened MAC' => "/verify/$no1." . substr($mac1, 0, 19),
	'no MAC' => "/verify/$no1",
	'an upper-case MAC' => "/verify/$no1." . uc($mac1),
	'an unknown number, its right MAC' => $unknown,
	'nothing' => '/verify/',
	'garbage' => '/verify/%3Cscript%3E',
);
my $none;
for my $what (sort keys %bad) {
	$r = $anon->get($bad{$what}, accept => 'xml');
	is($r->status, 404, "$what: 404") or diag($r->dump);
	valid('verify', $r, $what);
	my $t = $r->xpath('/verify/none');
	$none //= $t;
	is($t, $none, "$what: the same answer");
	ok(!$r->nodes('/verify/certificate'), "$what: no certificate");
}
like($none, qr/未查到该证书/, 'the answer says nothing was found');

# --- revocation ---------------------------------------------------------------------

my $no2 = $cert_of{ $C{p2}{app} }{cert_no};
is(revoke($city, no => $no1, reason => '填报虚假信息')->status, 403,
    'a city office cannot revoke');
for my $bad (['no reason', { no => $no1 }, qr/请填写撤销原因/],
    ['a reason of one character', { no => $no1, reason => '假' }, qr/撤销原因应为2至200字/],
    ['a reason of 201 characters', { no => $no1, reason => '假' x 201 }, qr/撤销原因应为2至200字/],
    ['no number', { reason => '填报虚假信息' }, qr/请填写要撤销的证书编号/],
    ['a short number', { no => 'GQ1', reason => '填报虚假信息' }, qr/证书编号应为GQ/]) {
	my ($what, $f, $msg) = @$bad;
	$r = revoke($prov, %$f);
	is($r->status, 400, "revoke with $what: 400");
	like($r->xpath('/certs/form/message'), $msg, "... says why ($what)");
}
$r = revoke($prov, no => "GQ${Y}4101004999999", reason => '填报虚假信息');
is($r->status, 404, 'an unknown number: 404');
like($r->xpath('/certs/form/message'), qr/没有这个编号的证书/, '... and why');
is($s->count(q{SELECT COUNT(*) FROM certificates WHERE state = 'revoked'}), 0,
    'nothing revoked');

$r = revoke($prov, no => $no1, reason => '填报虚假信息（003 四(四)）', region => '410100');
is($r->status, 303, 'the province revokes') or diag($r->dump);
like($r->header('location'), qr{^/admin/certs\?region=410100&m=cert_revoked$}, 'back to the page');
my $row = $dbh->selectrow_hashref(q{SELECT id, state, revoked_by, revoke_reason,
    DATE_FORMAT(revoked_at, '%Y-%m-%d') AS day FROM certificates WHERE cert_no = ?},
    undef, $no1);
is("$row->{state} $row->{revoke_reason}", 'revoked 填报虚假信息（003 四(四)）',
    'revoked with the reason');
ok($row->{revoked_by}, '... by the province\'s account');
is($s->count('SELECT COUNT(*) FROM qualified WHERE cert_id = ?', $row->{id}), 0,
    'its 合格库 row taken back');
is($s->count(q{SELECT COUNT(*) FROM qualified WHERE cert_id IS NOT NULL}), 1,
    'the other stays');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'cert.revoke' AND
    object = ?}, "certificate:$no1"), 1, 'audited');
$r = $anon->get($path1, accept => 'xml');
is($r->status, 200, '/verify at once: 200');
valid('verify', $r, 'revoked');
is($r->xpath('/verify/certificate/@state'), 'revoked', '... revoked');
is($r->xpath('/verify/certificate/@revoked'), $row->{day}, '... with its date');
$r = $anon->get($path1);
like($r->text, qr/已撤销/, 'the page says 已撤销');
unlike($r->text, qr/虚假/, '... never the reason');
$r = $p1->get('/cert', accept => 'xml');
is($r->xpath('/cert/none/@reason'), 'revoked', 'the holder\'s /cert: revoked');
like($r->xpath('/cert/none'), qr/已于.*被撤销/, '... and when');
valid('cert', $r, 'revoked');
is($p1->get('/cert.pdf')->status, 409, '... no PDF');
$r = revoke($prov, no => $no1, reason => '再次撤销');
is($r->status, 409, 'revoking again: 409');
like($r->xpath('/certs/form/message'), qr/已经撤销/, '... and why');
$r = $prov->get('/admin/certs?region=410100', accept => 'xml');
valid('certs', $r, 'province: a revoked certificate in the list');
is($r->xpath("/certs/list/cert[\@no='$no1']/reason"), '填报虚假信息（003 四(四)）',
    'the list shows the reason to staff');
$r = $prov->get("/admin/certs?region=410100&no=$no2", accept => 'xml');
is(scalar(() = $r->nodes('/certs/list/cert')), 1, 'the search by number');

($rc, $out) = $s->admin({ may_fail => 1 }, 'cert-revoke', $no2, '假');
isnt($rc, 0, 'gkbm-admin cert-revoke: a reason of one character refused');
($rc, $out) = $s->admin({ may_fail => 1 }, 'cert-revoke', $no2, '证书信息有误');
is($rc, 0, 'gkbm-admin cert-revoke') or diag($out);
is($s->count('SELECT state FROM certificates WHERE cert_no = ?', $no2), 'revoked',
    '... revoked');
($rc, $out) = $s->admin({ may_fail => 1 }, 'cert-revoke', $no2, '证书信息有误');
like($out, qr/revoked already/, '... once');

# --- 申领汇总上报 ------------------------------------------------------------------------

sub claim {
	my ($b, %f) = @_;
	return $b->post('/admin/claim', { csrf => $b->csrf('/home'), %f },
	    accept => 'xml');
}
$r = $city->get('/admin/claim', accept => 'xml');
is($r->status, 200, 'city: 申领汇总上报');
valid('claim', $r, 'city: no window');
is($r->xpath('/claim/mine/@passed'), 3, 'three passes in its subtree');
is($r->xpath('/claim/window/@name'), '申领汇总上报', 'its own window');
$r = claim($city, confirm => 1);
is($r->status, 409, 'no window: refused');
like($r->xpath('/claim/form/message'), qr/尚未设置申领汇总上报时间/, '... and why');
$rv->window('claim', 'open');
$r = claim($city);
is($r->status, 400, 'not confirmed: 400');
$r = claim($city, confirm => 1);
is($r->status, 303, 'the city reports') or diag($r->dump);
like($r->header('location'), qr{^/admin/claim\?m=reported$}, 'back to the page');
my ($cid, $n, $kind) = $dbh->selectrow_array(q{SELECT id, nrows, kind FROM
    reports WHERE unit_id = ?}, undef, $rv->unit_id('ZZCITY'));
is("$kind $n", 'passed 3', 'a snapshot of kind passed, three rows');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'claim.submit'}), 1, 'audited');
$r = claim($city, confirm => 1);
is($r->status, 409, 'again: refused while it stands');
$r = $city->get("/admin/claim?id=$cid", accept => 'xml');
valid('claim', $r, 'the snapshot');
is(scalar(() = $r->nodes('/claim/list/row')), 3, 'its rows');
is($r->xpath('/claim/list/row[1]/@decided'), $pubdate, 'the publication date');
is($city->get("/admin/report?id=$cid")->status, 404, 'not a report of approvals');
$r = $city->get("/admin/claim.pdf?id=$cid");
is($r->status, 200, 'its PDF');
like(GKBM::Print::pdf($r->body)->{text}, qr/申领汇总名册/, '... titled');
is($city->get("/admin/claim.xlsx?id=$cid")->status, 200, 'its XLSX');
my $szsup = $rv->b('szsup');
$r = claim($szsup, confirm => 1);
is($r->status, 303, '省直: the supervising unit reports');
is($s->count(q{SELECT nrows FROM reports WHERE unit_id = ? AND kind = 'passed'},
    $rv->unit_id('SZSUP')), 1, '... its one pass');
is($rv->b('county')->get('/admin/claim')->status, 403, 'county: refused');
$r = $prov->get('/admin/claim', accept => 'xml');
valid('claim', $r, 'province');
is($r->xpath("/claim/reporters/unit[\@code='ZZCITY']/\@state"), 'reported',
    'the province sees the city reported');
ok($r->xpath("/claim/reporters/unit[\@code='ZZCITY']/\@at"), '... and when');
ok(!$r->xpath("/claim/reporters/unit[\@code='KFCITY']/\@state"), '... and who did not');
$r = $prov->get('/admin/report', accept => 'xml');
ok(!$r->xpath("/report/reporters/unit[\@code='ZZCITY']/\@state"),
    '汇总上报 of approvals is apart');
$r = $prov->post('/admin/claim/reopen', { csrf => $prov->csrf('/home'),
    id => $cid }, accept => 'xml');
is($r->status, 400, 'reopen without a reason: 400');
$r = $prov->post('/admin/claim/reopen', { csrf => $prov->csrf('/home'),
    id => $cid, reason => '名单有误' }, accept => 'xml');
is($r->status, 303, 'the province reopens');
is($s->count('SELECT state FROM reports WHERE id = ?', $cid), 'reopened', '... reopened');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'claim.reopen'}), 1, 'audited');
$r = $prov->post('/admin/report/reopen', { csrf => $prov->csrf('/home'),
    id => $cid, reason => '名单有误' }, accept => 'xml');
is($r->status, 404, 'not through 汇总上报\'s reopen');

# --- next year's rules see the certificate (R18) -----------------------------------------

# The certificate of p2 was revoked; late's was deleted.  p1's row was
# taken back; sz's is the imported one.  A new pass: p2 again? No: issue
# once more for late (the window is open) and read the rules next year.
($rc, $out) = $s->admin({ may_fail => 1 }, 'cert-issue', $Y, '410100');
like($out, qr/^1 certificates issued/m, 'late\'s certificate issued again');
{
	my $Y2 = $Y + 1;
	$s->admin('year', $Y2, "${Y2}年度", '--current');
	$s->admin('window', $Y2, 'registration', GKBM::_ymdhm(-86400),
	    GKBM::_ymdhm(14 * 86400));
	$s->stop_web;
	$s->start_web;	# the current year is cached per worker
	my $c = $C{late};
	$s->admin({ stdin => "$GKBM::Review::PW\n" }, 'create-candidate', $Y2,
	    $c->{idno}, $c->{name}, $c->{phone}, '410100', '3');
	my $b = $s->browser;
	is($b->login('candidate', $c->{idno}, $GKBM::Review::PW)->status, 303,
	    "late logs in in $Y2");
	$b->get('/apply', accept => 'xml');
	my $acct2 = $s->count('SELECT id FROM accounts WHERE year = ? AND name = ?',
	    $Y2, $c->{name});
	my $app2 = $s->count('SELECT id FROM applications WHERE account_id = ?', $acct2);
	my %f = ($s->submit_fields, cur_level => 4, cur_worktype => 'W019',
	    target_level => 3, route => 'certificate', unit_id => $rv->unit_id('ZZBAS'),
	    (map { ("appraisal_$_" => '2') } $Y2 - 5 .. $Y2 - 1));
	for my $case ([$Y - 1, 1], [$Y, 0]) {
		my ($cy, $warn) = @$case;
		my $v = $s->count('SELECT version FROM applications WHERE id = ?', $app2);
		$r = $b->post('/apply', { %f, cur_level_year => $cy, action => 'submit',
		    sms_code => '000000', csrf => $b->csrf('/apply'), version => $v },
		    accept => 'xml');
		is(scalar(() = $r->nodes("/apply/eligibility/rule[\@id='R18']")), $warn,
		    "$Y2, current level 4 of $cy: R18 " . ($warn ? 'warns' : 'is quiet'))
		    or diag($r->body);
	}
}

# --- the rate limit of /verify/ in nginx ------------------------------------------------

for my $f ('conf/nginx-gkbm.conf', 'conf/nginx-dev.conf.in') {
	open(my $fh, '<', "$ENV{top_srcdir}/$f") or die "$f: $!";
	my $text = do { local $/; <$fh> };
	like($text, qr/location \^~ \/verify\/ \{\s*limit_req zone=gkbm_verify/,
	    "$f: /verify/ is rate limited");
}
$s->finish;
{
	my $t = GKBM->start(workers => 1, province => 0, rate => 1, burst => 2);
	my $b = $t->browser;
	my %st;
	$st{ $b->get("/verify/GQ${Y}4101004000001.0123456789abcdef0123")->status }++
	    for 1 .. 8;
	ok($st{429}, 'eight quick checks: some answered 429 by nginx')
	    or diag(explain \%st);
	ok($st{404}, '... the first ones answered (404: no such certificate)')
	    or diag(explain \%st);
	$t->finish;
}
done_testing;
