# errors.t: nginx's own error pages (conf/nginx-dev.conf.in, error_page)
# are Chinese pages of the site with the security headers gkbm-web's pages
# carry and a way back: 404 (a missing static file), 413 (a body over
# 8 MB), 429 (too many uploads at once, limit_conn), 502 (gkbm-web down)
# and 504 (gkbm-web not answering); /favicon.ico is served; without the
# page's script a phone photo is refused with how to crop it.
use strict;
use warnings;
use utf8;

use File::Path qw(make_path);
use File::Temp ();
use IO::Socket::INET;
use IO::Socket::UNIX;
use Socket qw(SOCK_STREAM);
use Test::More;
use GKBM;

my $s = GKBM->start(workers => 1);
my $b = $s->browser;
my $www = GKBM::top_srcdir() . '/www';

# nginx_page(WHAT, RESPONSE, STATUS, qr/Chinese/): an nginx error page
# as the site shows it.
sub nginx_page {
	my ($what, $r, $status, $re) = @_;
	is($r->status, $status, "$what: $status") or diag($r->dump);
	like($r->content_type, qr{^text/html}, "$what: an HTML page");
	like($r->text, $re, "$what: says what happened, in Chinese");
	like($r->text, qr/<html lang="zh-CN"/, "$what: a zh-CN page");
	like($r->text, qr{href="/static/css/gkbm\.css"}, "$what: the site's stylesheet");
	like($r->text, qr{class="site-header".*class="site-name"}s,
	    "$what: the site's header");
	like($r->text, qr{<a class="btn btn-primary" href="/">返回首页</a>},
	    "$what: a way back");
	unlike($r->text, qr/nginx|Request Entity|Bad Gateway|Not Found|Gateway Time/i,
	    "$what: not nginx's English page");
	like($r->header('content-security-policy') // '',
	    qr/default-src 'none'.*frame-ancestors 'none'/,
	    "$what: Content-Security-Policy");
	is($r->header('x-content-type-options'), 'nosniff',
	    "$what: X-Content-Type-Options");
	is($r->header('x-frame-options'), 'DENY', "$what: X-Frame-Options");
	is($r->header('referrer-policy'), 'same-origin', "$what: Referrer-Policy");
	like($r->header('cache-control') // '', qr/no-store/,
	    "$what: Cache-Control: no-store");
}

# --- 404 and the favicon ----------------------------------------------------

nginx_page('a missing static file', $b->get('/static/css/none.css'), 404,
    qr/页面不存在/);
nginx_page('the error pages themselves', $b->get('/errors/404.html'), 404,
    qr/页面不存在/);

my $r = $b->get('/favicon.ico');
is($r->status, 200, '/favicon.ico: 200') or diag($r->dump);
is($r->body, GKBM::_slurp("$www/favicon.ico"), '... the icon of www/');
like($r->content_type, qr{^image/(x-icon|vnd\.microsoft\.icon)}, '... as an icon');
is($r->header('x-content-type-options'), 'nosniff', '... not sniffed');

# gkbm-web's own errors are untouched: its 404 page comes through.
$r = $b->get('/no/such/page');
is($r->status, 404, "gkbm-web's own 404 passes through");
like($r->text, qr/class="page-title"/, '... as its own page');

# --- 413: a body over 8 MB ------------------------------------------------------

my $csrf = $b->csrf('/register?consent=v2026.1');
my $big = "\xff\xd8\xff\xe0" . ('x' x (9 * 1024 * 1024));
$r = $b->post_multipart('/register', { csrf => $csrf, consent => 'v2026.1' },
    { idcard => ['phone.jpg', $big, 'image/jpeg'] });
nginx_page('a 9 MB upload', $r, 413, qr/上传的文件过大.*单张图片不超过4MB/s);
like($r->text, qr/返回/, '... says how to go back');

# --- 429: at most 4 uploads at once from one address ---------------------------

# Four uploads whose bodies are still coming hold the four slots.
my @held;
for my $i (1 .. 4) {
	my $c = IO::Socket::INET->new(PeerAddr => '127.0.0.1',
	    PeerPort => $s->port, Proto => 'tcp') or die "connect: $!";
	print $c "POST /apply/upload HTTP/1.1\r\nHost: localhost\r\n"
	    . "Content-Type: multipart/form-data; boundary=x\r\n"
	    . "Content-Length: 1000000\r\n\r\n--x\r\n";
	push @held, $c;
}
# nginx has counted each (the limit is taken before the body is read).
select(undef, undef, undef, 0.3);
$r = $b->post_multipart('/apply/upload', { csrf => 'x' },
    { file => ['a.jpg', 'abc', 'image/jpeg'] });
nginx_page('a fifth upload at once', $r, 429, qr/操作过于频繁/);
close $_ for @held;
@held = ();
ok(GKBM::_wait_until(10, sub {
	$b->post_multipart('/apply/upload', { csrf => 'x' },
	    { file => ['a.jpg', 'abc', 'image/jpeg'] })->status != 429
}), 'the slots are free again once the uploads end');

# --- without the page's script ------------------------------------------------

# A phone's 3024x4032 photo sent as it is (no crop.js): refused with the
# size found and how to crop it with the phone's album; nothing stored.
{
	my ($id) = $s->upload_candidates('Henan2026ok', 1);
	my ($cb, $app) = $s->login_app($id, '李明', 'Henan2026ok');
	my $ct = $cb->csrf('/home');
	my $n0 = $s->count('SELECT COUNT(*) FROM materials');
	my $r = $cb->post_multipart('/apply/upload', { csrf => $ct,
	    kind => 'photo' }, { file => ['IMG_0001.jpg',
	    GKBM::jpeg(3024, 4032), 'image/jpeg'] }, accept => 'xml');
	is($r->status, 400, 'a 3024x4032 photo without the script: 400');
	like($r->xpath("/upload/form/field[\@name='file']/error") // '',
	    qr/3024×4032像素.*比例不符合要求.*手机相册.*裁剪/,
	    '... says the size found and how to crop it');
	is($s->count('SELECT COUNT(*) FROM materials'), $n0, '... nothing stored');
	$r = $cb->get('/apply');
	like($r->text, qr/单个文件不超过4MB/,
	    'the limit is stated next to the file fields of /apply');
}

# --- 502: gkbm-web down ---------------------------------------------------------

$s->stop_web;
nginx_page('gkbm-web down', $b->get('/login'), 502, qr/系统正在维护/);
$s->start_web;
is($b->get('/login')->status, 200, 'gkbm-web back: the login page again');

# --- 504: gkbm-web not answering -------------------------------------------------

# A second nginx from the same template whose FastCGI socket accepts and
# never answers, with a 1 s read timeout instead of the default 60 s.
{
	my $dir = File::Temp::tempdir('gkbm-504-XXXXXX', TMPDIR => 1,
	    CLEANUP => 1);
	chmod 0755, $dir;
	make_path(map { "$dir/$_" } qw(logs tmp/body tmp/fastcgi tmp/proxy
	    tmp/scgi tmp/uwsgi));
	my $sock = "$dir/hang.sock";
	my $port = GKBM::_free_port();
	my $conf = GKBM::_fill_template(GKBM::top_srcdir()
	    . '/conf/nginx-dev.conf.in',
	    USER => ($> == 0 ? 'user root root;' : ''), WORKERS => 1,
	    PIDFILE => "$dir/nginx.pid", PREFIX => $dir, PORT => $port,
	    WEBSOCK => $sock, PAYSOCK => "$dir/pay-fcgi.sock", WWWDIR => $www,
	    ERRDIR => GKBM::top_builddir() . '/www/errors', UPLOADDIR => "$dir/up",
	    RATE => 1000, BURST => 2000);
	ok($conf =~ s/(client_max_body_size 8m;)/$1\n\tfastcgi_read_timeout 1s;/,
	    'the template takes a shorter read timeout');
	GKBM::_spew("$dir/nginx.conf", $conf);
	my $hang = IO::Socket::UNIX->new(Type => SOCK_STREAM, Local => $sock,
	    Listen => 8) or die "listen $sock: $!";
	chmod 0777, $sock;
	my $nginx = GKBM::which('nginx') // '/usr/sbin/nginx';
	my $out = `'$nginx' -p '$dir' -c '$dir/nginx.conf' -e '$dir/logs/error.log' 2>&1`;
	is($?, 0, 'the second nginx starts') or diag($out);
	my $url = "http://127.0.0.1:$port/login";
	nginx_page('gkbm-web not answering', $b->get($url), 504,
	    qr/系统响应超时/);
	close $hang;
	unlink $sock;
	nginx_page('no gkbm-web socket at all', $b->get($url), 502,
	    qr/系统正在维护/);
	my $pid = GKBM::_slurp("$dir/nginx.pid");
	$pid =~ s/\s+//g;
	kill 'QUIT', $pid if $pid;
	GKBM::_wait_until(10, sub { !kill(0, $pid) });
}

$s->finish;
done_testing;
