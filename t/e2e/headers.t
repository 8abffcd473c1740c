# headers.t: security headers, caching of logged-in pages, 404 and 405,
# and nginx's limits on bodies and headers (SECURITY.md section 5, fault 12).
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

my $s = GKBM->start(workers => 2);
my $b = $s->browser;

sub security_headers {
	my ($r, $what) = @_;
	my $csp = $r->header('content-security-policy') // '';
	ok(length $csp, "$what: Content-Security-Policy") or diag($r->dump);
	unlike($csp, qr/unsafe-inline|unsafe-eval/,
	    "$what: CSP without unsafe-inline or unsafe-eval");
	like($csp, qr/default-src|script-src/, "$what: CSP restricts scripts");
	is(lc($r->header('x-content-type-options') // ''), 'nosniff',
	    "$what: X-Content-Type-Options nosniff");
	ok(lc($r->header('x-frame-options') // '') eq 'deny' ||
	    $csp =~ /frame-ancestors\s+'none'/,
	    "$what: framing refused (X-Frame-Options DENY or frame-ancestors)");
	ok(length($r->header('referrer-policy') // ''),
	    "$what: Referrer-Policy");
	ok(!defined $r->header('x-powered-by'), "$what: no X-Powered-By");
	unlike($r->header('server') // '', qr/\d/,
	    "$what: no version in Server");
}

my $r = $b->get('/');
like($r->status, qr/^(200|30[23])$/, 'GET / answers') or diag($r->dump);
security_headers($r, 'GET /');

$r = $b->get('/login');
is($r->status, 200, 'GET /login') or diag($r->dump);
like($r->content_type, qr{^text/html}, '/login is HTML by default');
like($r->content_type, qr/charset=utf-8/i, '/login declares UTF-8');
security_headers($r, 'GET /login');

$r = $b->get('/login', accept => 'xml');
is($r->status, 200, 'GET /login as XML');
is($r->root, 'login', 'the XML document is <login>');
security_headers($r, 'GET /login (xml)');

# A logged-in page is never stored by caches.
$r = $b->login('staff', $GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW);
like($r->status, qr/^30[23]$/, 'the province logs in') or diag($r->dump);
my $set = join(' ', $b->jar->raw_all);
like($set, qr/HttpOnly/i, 'the session cookie is HttpOnly');
like($set, qr/SameSite=(Lax|Strict)/i, 'the session cookie has SameSite');
$r = $b->get('/home');
is($r->status, 200, 'GET /home logged in') or diag($r->dump);
like($r->header('cache-control') // '', qr/no-store/,
    'Cache-Control: no-store on a logged-in page');
security_headers($r, 'GET /home');

# Unknown paths and wrong methods.
$r = $b->get('/no-such-page');
is($r->status, 404, '404 for an unknown path');
like($r->text, qr/\p{Han}/, 'the 404 page is in Chinese');
$r = $b->get('/admin/../etc/passwd');
like($r->status, qr/^(400|404)$/, 'dot segments do not escape');
$r = $s->browser->post('/register/notice', { csrf => $b->csrf('/login') });
is($r->status, 405, '405 for a POST to a GET-only route') or diag($r->dump);
like($r->header('allow') // '', qr/GET/, '405 names the allowed methods');

# Bodies over client_max_body_size are refused by nginx before the worker.
my $anon = $s->browser;
my $csrf = $anon->csrf('/register');
my $candidates = $s->count(q{SELECT COUNT(*) FROM accounts WHERE role = 'candidate'});
my $big = 'x' x (9 * 1024 * 1024);
$r = $anon->post_multipart('/register', { csrf => $csrf, consent => 'v2026.1',
    idno => GKBM::idno('410105', '19900307', '123'), name => '张三',
    phone => '13900000001' }, { idcard => ['big.jpg', $big, 'image/jpeg'] });
is($r->status, 413, 'a 9 MB body is refused with 413') or diag($r->status);
is($s->count(q{SELECT COUNT(*) FROM accounts WHERE role = 'candidate'}),
    $candidates, 'nothing stored after the 413');
opendir(my $dh, $s->dir . '/uploads') or die;
my @files = grep { !/^\./ } readdir $dh;
is(scalar @files, 0, 'no upload file left after the 413') or diag("@files");

# Oversized request headers are refused by nginx too.
$r = $anon->get('/login', headers => { 'X-Big' => 'y' x 10000 });
like($r->status, qr/^(400|431|494)$/, 'a 10 KB header is refused');
$r = $anon->get('/login');
is($r->status, 200, 'the next request is served normally');

# The FastCGI socket is created owner-only (umask 0177 around bind) and
# only then given listen_mode: never reachable with the umask's mode.
SKIP: {
	skip 'strace missing or not permitted', 3
	    unless system('strace -qq -o /dev/null true >/dev/null 2>&1') == 0;
	my $dir = $s->dir;
	my %c = (%{ $s->{confvals} }, listen => "$dir/run/umask.sock",
	    pid_file => "$dir/run/umask.pid", log_file => "$dir/log/umask.log",
	    workers => 1);
	open(my $fh, '>', "$dir/etc/umask.conf") or die;
	print $fh map { "$_ = $c{$_}\n" } sort keys %c;
	close $fh;
	my $pid = fork // die "fork: $!";
	if ($pid == 0) {
		open(STDIN, '<', '/dev/null');
		open(STDOUT, '>>', "$dir/log/umask.out");
		open(STDERR, '>&', \*STDOUT);
		umask 022;
		no warnings 'exec';
		exec 'strace', '-qq', '-o', "$dir/log/umask.trace",
		    '-e', 'trace=umask,bind,chmod',
		    "$s->{bld}/fcgi/gkbm-web", '-c', "$dir/etc/umask.conf";
		POSIX::_exit(127);
	}
	my $end = time + 20;
	select(undef, undef, undef, 0.1) until -S "$dir/run/umask.sock" && -s "$dir/run/umask.pid" ||
	    time > $end;
	ok(-S "$dir/run/umask.sock", 'a second gkbm-web starts under strace');
	if (open(my $pf, '<', "$dir/run/umask.pid")) {
		my $wp = <$pf>;
		kill 'TERM', $wp + 0 if $wp;
	}
	waitpid($pid, 0);
	open(my $tf, '<', "$dir/log/umask.trace") or die;
	my $trace = do { local $/; <$tf> };
	like($trace, qr/umask\(0177\)[^\n]*\n(?:[^\n]*\n)*?bind\([^\n]*umask\.sock[^\n]*= 0\n(?:[^\n]*\n)*?umask\(0?22\)/,
	    'bind runs under umask 0177, then the umask is restored')
	    or diag($trace);
	like($trace, qr/bind\([^\n]*umask\.sock[^\n]*\n(?:[^\n]*\n)*?chmod\("[^"]*umask\.sock", 0666\) = 0/,
	    'then chmod to listen_mode') or diag($trace);
}

$s->finish;
done_testing;
