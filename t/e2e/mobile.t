# mobile.t: 手机扫码上传 end to end (SPEC.md 3.4): the QR page (an SVG and
# the link from site_url, never the Host header), the single-use link
# (only its hash stored, 10 minutes, bound to one application), claimed
# only by the phone's 开始上传 POST (a prefetch GET or HEAD claims
# nothing), the claim shown on the PC and revoked there, materials only
# (no photo, no ID card), the phone's page without login, uploads from the
# phone into that application only; the link used from a second browser,
# after expiry, replaced by a newer one, with a bad token, with another
# application's token, and after the application was submitted: each
# refused with a page that says what to do, nothing stored.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

my $s = GKBM->start(workers => 2);
my $dbh = $s->dbh;
my $Y = $s->year;
my $PW = 'Henan2026ok';
my $RNG = GKBM::top_srcdir() . '/schema/xml';

my %schema = map { $_ => XML::LibXML::RelaxNG->new(location => "$RNG/$_.rng") }
    qw(qr mobile);
sub valid {
	my ($r, $page, $label) = @_;
	my $ok = $r->xml && eval { $schema{$page}->validate($r->xml); 1 };
	ok($ok, "$label: the document matches schema/xml/$page.rng")
	    or diag($@ || 'not XML');
}

# 李明 and 王芳 (GKBM.pm's @UPLOAD_CANDIDATES).
my ($ID1, $ID2) = $s->upload_candidates($PW, 2);

# login_app(IDNO, NAME): GKBM.pm's login_app with this file's password.
sub login_app { $s->login_app(@_, $PW) }

my ($b1, $app1, $acct1) = login_app($ID1, '李明');
my ($b2, $app2, $acct2) = login_app($ID2, '王芳');
my $JPG = GKBM::jpeg(320, 200);

sub n_rows {
	return $s->count('SELECT COUNT(*) FROM materials WHERE application_id = ?',
	    $_[0]);
}
sub link_row {
	my ($tok) = @_;
	return $dbh->selectrow_hashref('SELECT application_id, claim_hash, '
	    . 'TIMESTAMPDIFF(SECOND, NOW(), expires_at) AS ttl FROM upload_links '
	    . 'WHERE token_hash = UNHEX(SHA2(?, 256))', undef, $tok);
}

# new_link(BROWSER): POST /apply/qr; returns (response, token).
sub new_link {
	my ($b, %o) = @_;
	my $r = $b->post('/apply/qr', { csrf => $b->csrf('/home') },
	    accept => $o{accept} // 'xml');
	my $url = $r->xpath('/qr/link/@url') // '';
	my ($tok) = $url =~ /[?&]t=([A-Za-z0-9_-]{43})$/;
	return ($r, $tok);
}

# phone_get(PHONE, TOKEN): GET /m?t=TOKEN as XML.
sub phone_get {
	my ($p, $tok, %o) = @_;
	return $p->get('/m?t=' . ($tok // ''), accept => $o{accept} // 'xml');
}

# phone_start(PHONE, TOKEN): 开始上传, POST /m start=1 with the page's token.
sub phone_start {
	my ($p, $tok, %o) = @_;
	my $csrf = $o{csrf} // $p->csrf('/m?t=' . $tok);
	return $p->post('/m', { csrf => $csrf, t => $tok, start => 1 },
	    accept => 'xml');
}

# phone_up(PHONE, TOKEN, KIND, NAME, BYTES): POST /m with the page's token.
sub phone_up {
	my ($p, $tok, $kind, $name, $bytes, %o) = @_;
	my $csrf = $o{csrf} // $p->csrf('/m?t=' . $tok);
	return $p->post_multipart('/m', { csrf => $csrf, t => $tok,
	    kind => $kind, %{ $o{extra} || {} } },
	    { file => [$name, $bytes, 'image/jpeg'] }, accept => 'xml');
}

# --- the QR page ------------------------------------------------------------

my ($r, $tok) = new_link($b1);
is($r->status, 200, 'POST /apply/qr') or diag($r->dump);
valid($r, 'qr', 'the QR page');
like($tok // '', qr/^[A-Za-z0-9_-]{43}$/, 'a 43-character token in the link');
is($r->xpath('/qr/link/@url'), $s->url("/m?t=$tok"),
    'the absolute link of this site (the configured site_url)');
my $size = $r->xpath('/qr/qr/@size');
ok($size && $size >= 21, 'a QR code of at least 21 modules');
my @rows = map { $_->textContent } $r->nodes('/qr/qr/row');
is(scalar(@rows), $size, 'size rows');
is(scalar(grep { length($_) == $size } @rows), $size, 'of size modules each');
is(substr($rows[0], 0, 7), '1111111', 'the finder pattern in the corner');
my $lr = link_row($tok);
ok($lr, 'the link row is stored under the SHA-256 of the token');
is($lr->{application_id}, $app1, '... bound to this application');
ok(!defined $lr->{claim_hash}, '... unclaimed');
ok($lr->{ttl} > 590 && $lr->{ttl} <= 600, '... expiring in 10 minutes')
    or diag("ttl $lr->{ttl}");
is($s->count('SELECT COUNT(*) FROM upload_links WHERE token_hash = ? '
    . 'OR HEX(token_hash) LIKE ?', $tok, '%' . unpack('H*', $tok) . '%'),
    0, 'the token itself is not stored');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'upload_link.create'
    AND object = ?}, "application:$app1"), 1, 'creating the link is audited');

my ($h) = new_link($b1, accept => 'html');
is($h->status, 200, 'the QR page as HTML');
like($h->text, qr{<svg[^>]*viewBox="0 0 \d+ \d+"}, 'an inline SVG');
like($h->text, qr{<rect[^>]*x="4" y="4"}, 'rects for the dark modules');
# The rects drawn back into a matrix: the three finder patterns sit in
# their corners, inside the quiet zone of four modules.
my $svg = $h->text;
my ($vb) = $svg =~ /viewBox="0 0 (\d+) \d+"/;
my $n = ($vb // 8) - 8;
my @m = map { [(0) x $n] } 1 .. $n;
while ($svg =~ /<rect x="(\d+)" y="(\d+)" width="(\d+)" height="1" fill="#000"/g) {
	$m[$2 - 4][$_ - 4] = 1 for $1 .. $1 + $3 - 1;
}
my $finder = join('', map { my $y = $_; join('', map { $y == 0 || $y == 6 ||
    $_ == 0 || $_ == 6 || ($y >= 2 && $y <= 4 && $_ >= 2 && $_ <= 4) ? 1 : 0 }
    0 .. 6) } 0 .. 6);
my $at = sub { my ($oy, $ox) = @_; join('', map { my $y = $_;
    join('', map { $m[$oy + $y][$ox + $_] } 0 .. 6) } 0 .. 6) };
ok($n >= 21, "the SVG is a code of $n modules");
is($at->(0, 0), $finder, 'the top-left finder pattern');
is($at->(0, $n - 7), $finder, 'the top-right finder pattern');
is($at->($n - 7, 0), $finder, 'the bottom-left finder pattern');
like($h->text, qr{/m\?t=[A-Za-z0-9_-]{43}}, 'the link as text');
like($h->text, qr/10分钟/, 'the validity');
unlike($h->text, qr/\sstyle=/, 'no style attribute (CSP)');
ok(!link_row($tok), 'a new link replaces the older unclaimed one');
my $old = $tok;
($r, $tok) = new_link($b1);
$r = phone_get($s->browser, $old);
is($r->status, 404, 'the replaced link: 404') or diag($r->dump);
like($r->xpath('/mobile/refused') // '', qr/扫描电脑上新生成的二维码/,
    '... says to scan the new code');

$r = $s->browser->post('/apply/qr', { csrf => 'x' x 43 }, accept => 'xml');
is($r->status, 403, 'POST /apply/qr anonymous: 403');
$r = $b1->post('/apply/qr', {}, accept => 'xml');
is($r->status, 403, 'POST /apply/qr without CSRF: 403');

# --- the phone --------------------------------------------------------------------

# A link preview or a QR scanner's prefetch fetches the link first (HEAD
# and GET, from another client): that claims nothing.
my $pre = $s->browser;
my $n0 = n_rows($app1);
$r = $pre->head('/m?t=' . $tok);
is($r->status, 200, 'a prefetch HEAD of the link') or diag($r->dump);
$r = phone_get($pre, $tok);
is($r->status, 200, 'a prefetch GET of the link: the start page') or diag($r->dump);
valid($r, 'mobile', 'the start page');
is($r->xpath('/mobile/start/@name'), '李*', '... names the candidate, masked');
ok(!$r->nodes('/mobile/kinds') && !$r->nodes('/mobile/materials'),
    '... no upload form and no list before the claim');
ok(!defined link_row($tok)->{claim_hash}, 'the prefetch claimed nothing');
$r = phone_get($pre, $tok, accept => 'html');
like($r->text, qr{<form[^>]*method="post"[^>]*action="/m".*name="start".*开始上传}s,
    'the start page has the 开始上传 button (a POST)');
$r = phone_up($pre, $tok, 'material', 'pre.jpg', $JPG);
is($r->status, 403, 'an upload before the claim: 403') or diag($r->dump);
is($r->xpath('/mobile/refused/@reason'), 'unclaimed', '... not claimed');
is(n_rows($app1), $n0, '... nothing stored');
# The PC: the link is not opened on a phone yet.
$r = $b1->get('/apply/qr', accept => 'xml');
is($r->status, 200, 'GET /apply/qr: the link\'s state') or diag($r->dump);
valid($r, 'qr', 'the state page');
ok($r->nodes('/qr/link-state') && !defined $r->xpath('/qr/link-state/@claimed'),
    '... live, not opened on a phone');

my $p1 = $s->browser;
$r = phone_get($p1, $tok);
is($r->status, 200, 'the candidate\'s phone opens the link after the prefetch')
    or diag($r->dump);
$r = phone_start($p1, $tok);
is($r->status, 303, '开始上传 claims it') or diag($r->dump);
is($r->header('location'), "/m?t=$tok", '... back to the page');
ok(defined link_row($tok)->{claim_hash}, 'the link is claimed for this browser');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'upload_link.claim'
    AND object = ?}, "application:$app1"), 1, '... audited');
$r = phone_get($p1, $tok);
is($r->status, 200, 'the phone opens the link without logging in') or diag($r->dump);
valid($r, 'mobile', 'the phone page');
is($r->xpath('/mobile/meta/role'), 'anon', '... anonymous');
is($r->xpath('/mobile/application/@name'), '李*', 'the name masked');
unlike($r->body, qr/李明|\Q$ID1\E/, 'no full name or ID number');
ok(scalar($r->nodes("/mobile/kinds/kind[\@name='material']")), 'kind material offered');
ok(!scalar($r->nodes("/mobile/kinds/kind[\@name='photo']")), 'no photo on the phone');
ok(!scalar($r->nodes("/mobile/kinds/kind[\@name='idcard']")), 'no ID card on the phone');
ok(!scalar($r->nodes("/mobile/kinds/kind[\@name='document']")), 'no documents on the phone');
$r = phone_start($p1, $tok);
is($r->status, 303, '开始上传 again on the same phone: fine');
# The PC sees the claim.
$r = $b1->get('/apply/qr', accept => 'xml');
like($r->xpath('/qr/link-state/@claimed') // '', qr/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/,
    'the PC shows when the phone opened it');
$r = $b1->get('/apply/qr', accept => 'html');
like($r->text, qr/已在手机上打开/, '... 已在手机上打开');
like($r->text, qr{action="/apply/qr/revoke"}, '... with 撤销');
ok($p1->jar->get('gkbm_m'), '... by a claim cookie');
like($p1->jar->raw('gkbm_m') // '', qr/HttpOnly/i, '... HttpOnly');
$r = phone_get($p1, $tok, accept => 'html');
is($r->status, 200, 'the phone page as HTML');
like($r->text, qr/<input id="f-file" name="file" type="file" accept="image\/jpeg"/,
    'a file input for JPEG photos');
unlike($r->text, qr/\bcapture=/, 'no capture: the album is offered, not only the camera');
like($r->text, qr/name="viewport"/, 'a phone layout');
unlike($r->text, qr/<img/, 'no images on the phone page');
# Issue 6 item 1: the 资料类别 options carry the kind as value and its
# Chinese label, one of them selected (before: codes shown, value="").
{
	my $html = $r->text;
	my ($sel) = $html =~ m{<select id="f-kind" name="kind"[^>]*>(.*?)</select>}s;
	ok(defined $sel, 'the phone page has the kind select') or diag($html);
	my @opts = ($sel // '') =~ m{<option ([^>]*)>([^<]*)</option>}g;
	my %label;
	for (my $i = 0; $i < @opts; $i += 2) {
		my ($v) = $opts[$i] =~ /value="([^"]*)"/;
		$label{$v // ''} = $opts[$i + 1];
	}
	is($label{material}, '报名资料', '... material is offered as 报名资料');
	ok(!exists $label{''}, '... no option without a value');
	unlike($sel // '', qr/>(?:photo|idcard|material)</, '... no code shown as a label');
	is(scalar(() = ($sel // '') =~ /selected/g), 1, '... exactly one option selected');
	like($sel // '', qr{<option value="material" selected>}, '... 报名资料 by default');
}

my $n1 = n_rows($app1);
$r = phone_up($p1, $tok, 'material', 'IMG_0001.jpg', $JPG);
is($r->status, 303, 'the phone uploads a material') or diag($r->dump);
is($r->header('location'), "/m?t=$tok&ok=material", '... back to the phone page');
is(n_rows($app1), $n1 + 1, '... into the application of the link');
my $mid = $s->count('SELECT MAX(id) FROM materials WHERE application_id = ?', $app1);
is($s->count('SELECT uploaded_by FROM materials WHERE id = ?', $mid), $acct1,
    '... uploaded for the candidate');
like($s->count(q{SELECT reason FROM audit WHERE event = 'material.upload'
    AND object = ?}, "material:$mid") // '', qr/material application:\Q$app1\E link:[0-9a-f]{16}/,
    '... audited with the link');
$r = phone_get($p1, $tok);
$r = $p1->get("/m?t=$tok&ok=material", accept => 'xml');
like($r->xpath('/mobile/uploaded') // '', qr/上传成功/, 'the phone says it worked');
is($r->xpath("/mobile/materials/material[last()]/\@title"), 'IMG_0001',
    'the material is listed by name');
valid($r, 'mobile', 'the phone page after an upload');
# Whoever sees the code in its ten minutes must not replace the photo or
# the ID card: the phone takes materials only.
for my $k ('photo', 'idcard') {
	my $before = n_rows($app1);
	$r = phone_up($p1, $tok, $k, 'me.jpg', GKBM::jpeg(413, 626));
	is($r->status, 400, "the phone may not upload $k: 400") or diag($r->dump);
	like($r->xpath("/mobile/form/field[\@name='kind']/error") // '',
	    qr/手机上只能上传报名资料.*电脑上上传/, '... says to use the computer');
	is(n_rows($app1), $before, '... nothing stored');
}

$n1 = n_rows($app1);
$r = phone_up($p1, $tok, 'material', 'bad.jpg', 'not a jpeg');
is($r->status, 400, 'a bad image from the phone: 400') or diag($r->dump);
like($r->xpath("/mobile/form/field[\@name='file']/error") // '', qr/不是JPG格式/,
    '... with the message');
valid($r, 'mobile', 'the refused upload');
$r = phone_up($p1, $tok, 'document', 'x.docx', $JPG);
is($r->status, 400, 'a kind the phone may not upload: 400');
$r = phone_up($p1, $tok, 'material', 'a.jpg', $JPG, csrf => 'x' x 43);
is($r->status, 403, 'without the CSRF token: 403');
is(n_rows($app1), $n1, 'nothing stored');

# --- a second browser -----------------------------------------------------------------

my $p2 = $s->browser;
$r = phone_get($p2, $tok);
is($r->status, 403, 'the link in a second browser: 403') or diag($r->dump);
is($r->xpath('/mobile/refused/@reason'), 'claimed', '... already claimed');
like($r->xpath('/mobile/refused') // '', qr/只能在一部手机上使用.*扫描电脑上新生成的二维码/,
    '... says what to do');
valid($r, 'mobile', 'the refusal');
$r = phone_up($p2, $tok, 'material', 'a.jpg', $JPG,
    csrf => $p2->csrf('/login'));
is($r->status, 403, 'an upload from the second browser: 403');
is(n_rows($app1), $n1, '... nothing stored');
$r = phone_get($p2, $tok, accept => 'html');
like($r->text, qr/扫描电脑上新生成的二维码/, 'the HTML refusal says what to do');

# --- another application's link --------------------------------------------------------

my ($r2, $tok2) = new_link($b2);
my $p3 = $s->browser;
phone_get($p3, $tok2);
phone_start($p3, $tok2);
$r = phone_get($p3, $tok2);
is($r->status, 200, "her phone opens her link") or diag($r->dump);
is($r->xpath('/mobile/application/@name'), '王*', '... her name, masked');
my ($n2) = (n_rows($app2));
$r = phone_up($p3, $tok2, 'material', 'x.jpg', $JPG,
    extra => { application_id => $app1, application => $app1, app => $app1 });
is($r->status, 303, 'an upload naming the other application') or diag($r->dump);
is(n_rows($app2), $n2 + 1, '... goes into the link\'s application');
is(n_rows($app1), $n1, '... not into the other one');
$r = phone_up($p3, $tok, 'material', 'x.jpg', $JPG,
    csrf => $p3->csrf("/m?t=$tok2"));
is($r->status, 403, "her phone with his link: 403");
is(n_rows($app1), $n1, '... nothing stored in his application');

# --- the Host header does not make the link ----------------------------------

{
	use IO::Socket::INET;
	my $c = $b1->csrf('/home');
	my $body = "csrf=$c";
	my $sock = IO::Socket::INET->new(PeerAddr => '127.0.0.1',
	    PeerPort => $s->port, Proto => 'tcp') or die "connect: $!";
	my $cookies = join('; ', map { "$_=" . $b1->jar->get($_) }
	    grep { defined $b1->jar->get($_) } qw(gkbm_sid gkbm_pre __Host-gkbm_sid __Host-gkbm_pre));
	print $sock "POST /apply/qr HTTP/1.0\r\nHost: evil.example\r\n"
	    . "Accept: application/xml\r\nCookie: $cookies\r\n"
	    . "Content-Type: application/x-www-form-urlencoded\r\n"
	    . "Content-Length: " . length($body) . "\r\n\r\n$body";
	local $/;
	my $raw = <$sock>;
	like($raw, qr{^HTTP/1\.[01] 200}, 'POST /apply/qr with a forged Host')
	    or diag(substr($raw // '', 0, 600));
	unlike($raw, qr/evil\.example/, '... the link does not name the forged host');
	like($raw, qr{url="\Q${\ $s->url('/m?t=') }\E[A-Za-z0-9_-]{43}"},
	    '... it is built from site_url');
}

# --- 撤销 on the PC ---------------------------------------------------------

{
	my ($rv, $tokv) = new_link($b1);
	my $pv = $s->browser;
	phone_get($pv, $tokv);
	is(phone_start($pv, $tokv)->status, 303, 'a phone claims a fresh link');
	my $before = n_rows($app1);
	$r = $b1->post('/apply/qr/revoke', { csrf => $b1->csrf('/apply/qr') },
	    accept => 'xml');
	is($r->status, 303, 'POST /apply/qr/revoke') or diag($r->dump);
	is($r->header('location'), '/apply/qr?m=revoked', '... back to the state page');
	is($s->count('SELECT COUNT(*) FROM upload_links WHERE application_id = ?',
	    $app1), 0, '... every link of the application is gone');
	is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'upload_link.revoke'
	    AND object = ?}, "application:$app1"), 1, '... audited');
	$r = phone_get($pv, $tokv);
	is($r->status, 404, 'the revoked link on the phone: 404');
	like($r->xpath('/mobile/refused') // '', qr/撤销/, '... says it was revoked');
	$r = phone_up($pv, $tokv, 'material', 'x.jpg', $JPG,
	    csrf => $pv->csrf('/login'));
	is($r->status, 404, 'an upload with the revoked link: refused');
	is(n_rows($app1), $before, '... nothing stored');
	$r = $b1->get('/apply/qr?m=revoked', accept => 'html');
	like($r->text, qr/二维码已撤销/, 'the PC says it is revoked');
	$r = $s->browser->post('/apply/qr/revoke', { csrf => 'x' x 43 },
	    accept => 'xml');
	is($r->status, 403, 'revoke anonymous: 403');
	$r = $b1->post('/apply/qr/revoke', {}, accept => 'xml');
	is($r->status, 403, 'revoke without CSRF: 403');
	# A new link for the tests below.
	($r, $tok) = new_link($b1);
	$p1 = $s->browser;
	phone_get($p1, $tok);
	phone_start($p1, $tok);
}

# --- bad tokens -----------------------------------------------------------------------------

for my $bad ('', 'abc', 'A' x 43, substr($tok, 0, 42), $tok . 'x', 'A' x 42 . '!') {
	$r = phone_get($s->browser, $bad);
	is($r->status, 404, "token '$bad': 404") or diag($r->dump);
}
$r = $s->browser->get('/m', accept => 'xml');
is($r->status, 404, 'no token: 404');
like($r->xpath('/mobile/refused') // '', qr/扫描电脑上新生成的二维码/, '... says what to do');

# --- after expiry ------------------------------------------------------------------------------

$dbh->do('UPDATE upload_links SET expires_at = NOW() - INTERVAL 1 SECOND '
    . 'WHERE token_hash = UNHEX(SHA2(?, 256))', undef, $tok);
$r = phone_get($p1, $tok);
is($r->status, 403, 'the expired link: 403') or diag($r->dump);
is($r->xpath('/mobile/refused/@reason'), 'expired', '... expired');
like($r->xpath('/mobile/refused') // '', qr/已过期.*扫描电脑上新生成的二维码/,
    '... says what to do');
$r = phone_up($p1, $tok, 'material', 'late.jpg', $JPG, csrf => $p1->csrf('/login'));
is($r->status, 403, 'an upload with the expired link: 403');
is(n_rows($app1), $n1, '... nothing stored');
# An expired link cannot be claimed either.
my ($r3, $tok3) = new_link($b1);
$dbh->do('UPDATE upload_links SET expires_at = NOW() - INTERVAL 1 SECOND '
    . 'WHERE token_hash = UNHEX(SHA2(?, 256))', undef, $tok3);
my $p5 = $s->browser;
$r = phone_get($p5, $tok3);
is($r->status, 403, 'an expired unclaimed link: 403');
$r = phone_start($p5, $tok3, csrf => $p5->csrf('/login'));
is($r->status, 403, '开始上传 on an expired link: 403');
ok(!defined link_row($tok3)->{claim_hash}, '... not claimed');

# --- the application submitted meanwhile ---------------------------------------------------------

my ($r4, $tok4) = new_link($b1);
my $p4 = $s->browser;
phone_get($p4, $tok4);
phone_start($p4, $tok4);
$r = phone_get($p4, $tok4);
is($r->status, 200, 'a fresh link opens') or diag($r->dump);
my $csrf4 = $r->xpath('/mobile/meta/csrf');
$dbh->do(q{UPDATE applications SET state = 'submitted' WHERE id = ?}, undef, $app1);
$r = phone_up($p4, $tok4, 'material', 'x.jpg', $JPG, csrf => $csrf4);
is($r->status, 403, 'an upload after submission: 403') or diag($r->dump);
is($r->xpath('/mobile/refused/@reason'), 'closed', '... closed');
like($r->xpath('/mobile/refused') // '', qr/已提交/, '... says why');
is(n_rows($app1), $n1, '... nothing stored');
$r = phone_get($p4, $tok4);
is($r->status, 403, 'the page after submission: 403');
$r = $b1->post('/apply/qr', { csrf => $b1->csrf('/home') }, accept => 'xml');
is($r->status, 409, 'a new link after submission: 409') or diag($r->dump);
like($r->xpath('/error/error/message') // '', qr/已提交/, '... says why');

# nginx's access log has the phone's requests, but never the token.
my $alog = GKBM::_slurp($s->dir . '/nginx/logs/access.log');
like($alog, qr{"GET /m HTTP/}, 'the access log records GET /m')
    or diag(substr($alog, -2000));
like($alog, qr{"POST /m HTTP/}, '... and POST /m');
ok(index($alog, $tok) < 0 && index($alog, $tok4) < 0 && $alog !~ /[?&]t=/,
    '... without the link token (no query string)');

$s->finish;
done_testing;
