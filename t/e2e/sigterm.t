# sigterm.t: SIGTERM to the master while a worker is reading an upload's
# body (SECURITY.md section 5, fault 11): the worker finishes the request
# in hand, the upload is stored, then it stops.  The body is fed straight
# to the FastCGI socket (nginx would buffer it), half of it, then the
# signal, then the rest; each step waits for the worker's state in /proc,
# not for a clock.
use strict;
use warnings;
use utf8;

use IO::Select;
use IO::Socket::UNIX;
use Socket qw(SOCK_STREAM);
use Test::More;
use Time::HiRes qw(sleep);
use GKBM;

plan skip_all => 'needs /proc' unless -r '/proc/self/status';
# A worker that gave up on the body closes the socket: fail, do not die.
$SIG{PIPE} = "IGNORE";

my $s = GKBM->start(workers => 1, stop_timeout => 60);
my $PW = 'Henan2026ok';
my ($ID) = $s->upload_candidates($PW, 1);
my ($b, $app) = $s->login_app($ID, '李明', $PW);

# The upload, as the browser would post it.
my $bd = '----gkbm' . GKBM::_hex(12);
my $jpg = GKBM::jpeg(640, 480);
my $csrf = $b->csrf('/apply');
my $body = join('', (map { "--$bd\r\nContent-Disposition: form-data; " .
    "name=\"$_->[0]\"\r\n\r\n$_->[1]\r\n" } [csrf => $csrf],
    [kind => 'material'], [title => 'slow']),
    "--$bd\r\nContent-Disposition: form-data; name=\"file\"; " .
    "filename=\"slow.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n$jpg\r\n",
    "--$bd--\r\n");

# FastCGI records (version 1, request id 1).
sub rec {
	my ($type, $data) = @_;
	my $out = '';
	do {
		my $chunk = substr($data, 0, 65535, '');
		$out .= pack('CCnnCC', 1, $type, 1, length($chunk), 0, 0) . $chunk;
	} while (length $data);
	return $out;
}
sub nv {
	my ($k, $v) = @_;
	my $len = sub { $_[0] < 128 ? pack('C', $_[0]) : pack('N', $_[0] | 0x80000000) };
	return $len->(length $k) . $len->(length $v) . $k . $v;
}
my %params = (REQUEST_METHOD => 'POST', REQUEST_URI => '/apply/upload',
    DOCUMENT_URI => '/apply/upload', QUERY_STRING => '',
    CONTENT_TYPE => "multipart/form-data; boundary=$bd",
    CONTENT_LENGTH => length($body), HTTP_COOKIE => $b->jar->cookie_header,
    HTTP_ACCEPT => 'application/xml', REMOTE_ADDR => '127.0.0.1',
    HTTP_HOST => '127.0.0.1', SERVER_PORT => $s->port);
my $p = join('', map { nv($_, $params{$_}) } sort keys %params);

# sockets(PID): the sockets the process holds open.
sub sockets {
	my ($pid) = @_;
	return scalar grep { (readlink($_) // '') =~ /^socket:/ }
	    glob("/proc/$pid/fd/*");
}
# term_pending(PID): SIGTERM waits, blocked, for the process.
sub term_pending {
	my ($pid) = @_;
	my $st = GKBM::_slurp("/proc/$pid/status") // '';
	my ($shd) = $st =~ /^ShdPnd:\s*([0-9a-f]+)/m;
	my ($pnd) = $st =~ /^SigPnd:\s*([0-9a-f]+)/m;
	return ((hex($shd // 0) | hex($pnd // 0)) & (1 << 14)) != 0;
}
# until_(WHAT, CODE): polls CODE (20 s at most); one test.
sub until_ {
	my ($what, $code) = @_;
	for (1 .. 2000) {
		return ok(1, $what) if $code->();
		sleep(0.01);
	}
	return ok(0, $what);
}

my ($w) = $s->web_pids;
ok($w, "the worker ($w)");
my $before = $s->count('SELECT COUNT(*) FROM materials WHERE application_id = ?', $app);
my $n0 = sockets($w);
my $c = IO::Socket::UNIX->new(Type => SOCK_STREAM, Peer => $s->{sock})
    or die "connect: $!";
binmode $c;
my $half = int(length($body) / 2);
print $c rec(1, pack('nCx5', 1, 0)), rec(4, $p), rec(4, ''),
    rec(5, substr($body, 0, $half));
$c->flush;
until_('the worker took the connection and reads the body',
    sub { sockets($w) > $n0 });

kill 'TERM', $s->master_pid;
my $sel = IO::Select->new($c);
until_('the master passed SIGTERM on (pending at the worker, or it answered)',
    sub { term_pending($w) || $sel->can_read(0) || !kill(0, $w) });

print $c rec(5, substr($body, $half)), rec(5, '');
$c->flush;
my ($raw, $out) = ('', '');
while (1) {
	my $n = sysread($c, my $buf, 65536);
	last unless $n;
	$raw .= $buf;
}
while (length($raw) >= 8) {
	my ($v, $type, $id, $len, $pad) = unpack('CCnnC', $raw);
	last if length($raw) < 8 + $len + $pad;
	$out .= substr($raw, 8, $len) if $type == 6;
	substr($raw, 0, 8 + $len + $pad, '');
}
like($out, qr/^Status: 303/m, 'the upload is answered 303') or diag(substr($out, 0, 800));
like($out, qr{^Location: /apply\?m=uploaded}m, '... to the form');
is($s->count('SELECT COUNT(*) FROM materials WHERE application_id = ?', $app),
    $before + 1, 'the upload is stored');
until_('then the worker stops', sub { !kill(0, $w) ||
    (GKBM::_slurp("/proc/$w/stat") // '') =~ /^\d+ \(.*\) Z/s });
until_('and the master', sub { !GKBM::_alive($s->master_pid) });

$s->finish;
done_testing;
