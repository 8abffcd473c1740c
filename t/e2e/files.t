# files.t: stored files served only through the authorised handler (SPEC.md
# 3.4, SECURITY.md section 1 "Personal data"): GET /files?id=N answers the
# candidate's own file with X-Accel-Redirect to nginx's internal location
# and nginx streams the bytes; another candidate's file, an unknown id, no
# session and a staff account get nothing; the internal location is not
# reachable from outside; viewing the ID-card image is audited.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

my $s = GKBM->start(workers => 2);
my $dbh = $s->dbh;
my $Y = $s->year;
my $PW = 'Henan2026ok';
my $STAFF_PW = 'Staff#2026ab';
my $uploads = $s->dir . '/uploads';

# 李明 and 王芳 (GKBM.pm's @UPLOAD_CANDIDATES).
my ($ID1, $ID2) = $s->upload_candidates($PW, 2);
$s->admin('create-unit', 'ZZCITY', '郑州市工考办', 'city', '410100');
$s->admin({ stdin => "$STAFF_PW\n" }, 'create-staff', 'zzsgkb', '孙市级',
    '13700000015', 'city', 'ZZCITY');

# login_app(IDNO, NAME): GKBM.pm's login_app with this file's password.
sub login_app { $s->login_app(@_, $PW) }

my ($b1, $app1) = login_app($ID1, '李明');
my ($b2, $app2) = login_app($ID2, '王芳');

sub upload {
	my ($b, $kind, $name, $bytes) = @_;
	my $r = $b->post_multipart('/apply/upload', { csrf => $b->csrf('/home'),
	    kind => $kind }, { file => [$name, $bytes, 'image/jpeg'] },
	    accept => 'xml');
	is($r->status, 303, "upload $kind $name") or diag($r->dump);
	return $s->count('SELECT MAX(id) FROM materials');
}

my $mat = upload($b1, 'material', '毕业证.jpg', GKBM::jpeg(320, 200));
my $idc = upload($b1, 'idcard', 'id.jpg', GKBM::jpeg(400, 250));
my $other = upload($b2, 'material', 'hers.jpg', GKBM::jpeg(300, 300));

sub on_disk {
	my ($id) = @_;
	my ($f) = $dbh->selectrow_array('SELECT file FROM materials WHERE id = ?',
	    undef, $id);
	return ($f, GKBM::_slurp("$uploads/" . substr($f, 0, 2) . "/$f"));
}

# --- the candidate's own file -------------------------------------------------

my ($file, $bytes) = on_disk($mat);
my $r = $b1->get("/files?id=$mat");
is($r->status, 200, 'own material: 200') or diag($r->dump);
is($r->header('content-type'), 'image/jpeg', 'Content-Type from materials.mime');
ok($r->body eq $bytes, 'nginx streams the stored bytes')
    or diag('got ' . length($r->body) . ' bytes, want ' . length($bytes));
# nginx keeps an upstream Cache-Control on X-Accel-Redirect and the
# internal location adds its own: the worker sends none, so there is
# exactly one.
my @cc = $r->header_all('cache-control');
is_deeply(\@cc, ['private, no-store'],
    'Cache-Control: private, no-store, once') or diag(scalar(@cc) . ": @cc");
is($r->header('content-disposition'),
    "inline; filename*=UTF-8''%E6%AF%95%E4%B8%9A%E8%AF%81.jpg",
    'Content-Disposition: the shown name, RFC 8187 encoded');
ok(!defined $r->header('x-accel-redirect'), 'X-Accel-Redirect is not passed on');
# nginx drops the worker's own headers on X-Accel-Redirect: its internal
# location must add them (as conf/nginx-gkbm.conf does).
is($r->header('x-content-type-options'), 'nosniff',
    'the internal location sends X-Content-Type-Options: nosniff');
is($r->header('content-security-policy'), "default-src 'none'; sandbox",
    '... and a sandboxing Content-Security-Policy');
like($r->header('cache-control') // '', qr/no-store/, '... and no-store');

# The worker's own answer (through nginx the header is consumed):
# X-Accel-Redirect to the internal location, no body.
SKIP: {
	skip('cgi-fcgi not installed (Debian: libfcgi-bin)', 2)
	    unless GKBM::which('cgi-fcgi');
	my $raw = raw_worker("/files?id=$mat", $b1);
	like($raw, qr{^X-Accel-Redirect: /protected-files/\Q${\substr($file, 0, 2)}\E/\Q$file\E\r?$}m,
	    'the worker answers with X-Accel-Redirect to /protected-files/xx/name');
	ok($raw !~ /\r?\n\r?\n./s, '... and no body of its own');
}

# The internal location cannot be asked for directly.
$r = $b1->get('/protected-files/' . substr($file, 0, 2) . "/$file");
is($r->status, 404, 'the internal location is not reachable from outside');
ok($r->body ne $bytes, '... and gives no bytes');

# --- everyone else ----------------------------------------------------------------

$r = $b1->get("/files?id=$other", accept => 'xml');
is($r->status, 404, "another candidate's file: 404") or diag($r->dump);
ok(index($r->body, (on_disk($other))[1]) < 0, '... no bytes');
$r = $b2->get("/files?id=$mat", accept => 'xml');
is($r->status, 404, "... the other way round: 404");
$r = $b1->get('/files?id=999999', accept => 'xml');
is($r->status, 404, 'an unknown id: 404');
$r = $b1->get('/files?id=0', accept => 'xml');
is($r->status, 404, 'id 0: 404');
$r = $b1->get('/files?id=1%20OR%201=1', accept => 'xml');
is($r->status, 404, 'a malformed id: 404');
$r = $b1->get('/files', accept => 'xml');
is($r->status, 404, 'no id: 404');

my $anon = $s->browser;
$r = $anon->get("/files?id=$mat");
is($r->status, 303, 'no session: redirected') or diag($r->dump);
like($r->header('location') // '', qr{^/login}, '... to the login page');
$r = $anon->get("/files?id=$mat", accept => 'xml');
is($r->status, 403, 'no session, as XML: 403');
ok(index($r->body, $bytes) < 0, '... no bytes');

my $bs = $s->browser;
$r = $bs->login('staff', 'zzsgkb', $STAFF_PW);
is($r->status, 303, 'a city office logs in') or diag($r->dump);
$r = $bs->get("/files?id=$mat", accept => 'xml');
is($r->status, 404, 'a staff account outside the chain (not submitted): 404');
ok(index($r->body, $bytes) < 0, '... no bytes');

# --- the ID-card image: an unmasked personal-data view ------------------------------

my $views = $s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'file.view'
    AND object = ?}, "material:$idc");
$r = $b1->get("/files?id=$idc");
is($r->status, 200, 'own ID-card image: 200') or diag($r->dump);
ok($r->body eq (on_disk($idc))[1], '... its bytes');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'file.view'
    AND object = ?}, "material:$idc"), $views + 1, 'viewing it is audited');
is($s->count(q{SELECT account_id FROM audit WHERE event = 'file.view'
    AND object = ?}, "material:$idc"), $s->count(q{SELECT id FROM accounts
    WHERE name = '李明'}), '... with the viewer');
$b1->get("/files?id=$mat");
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'file.view'}),
    $views + 1, 'an ordinary material is not');
$r = $b2->get("/files?id=$idc");
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'file.view'}),
    $views + 1, "another's refused view is no view");

# --- the photo: once the ID number is stamped on it, like the ID card ---------

my $photo = upload($b1, 'photo', 'me.jpg', GKBM::jpeg(413, 626));
$views = $s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'file.view'});
$r = $b1->get("/files?id=$photo");
is($r->status, 200, 'own unstamped photo: 200') or diag($r->dump);
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'file.view'}),
    $views, '... not audited');
$r = $b1->post('/apply/stamp', { csrf => $b1->csrf('/home') }, accept => 'xml');
is($r->status, 303, '添加身份证号') or diag($r->dump);
$r = $b1->get("/files?id=$photo");
is($r->status, 200, 'own stamped photo: 200') or diag($r->dump);
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'file.view'
    AND object = ? AND reason = 'photo'}, "material:$photo"), 1,
    'viewing the stamped photo (full ID number) is audited');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'file.view'}),
    $views + 1, '... once per view');

$s->finish;
done_testing;

# raw_worker(PATH, BROWSER): the worker's own response to GET PATH with
# the browser's cookies, through cgi-fcgi on the FastCGI socket.
sub raw_worker {
	my ($path, $b) = @_;
	my $cgi = GKBM::which('cgi-fcgi');
	my ($p, $q) = split /\?/, $path, 2;
	local %ENV = (%ENV, REQUEST_METHOD => 'GET', REQUEST_URI => $path,
	    DOCUMENT_URI => $p, QUERY_STRING => $q // '',
	    HTTP_COOKIE => $b->jar->cookie_header, REMOTE_ADDR => '127.0.0.1',
	    HTTP_HOST => 'localhost');
	return scalar `'$cgi' -bind -connect '$s->{sock}' 2>/dev/null`;
}
