# GKBM/Pay.pm: payment fixtures of the tests (t/e2e/pay_*.t).
#
#   my $app = GKBM::Pay::application($s, %o);   # an approved application
#   my $no  = GKBM::Pay::order($s, $app, amount => 12000, state => 'PENDING');
#   my %r   = GKBM::Pay::sock($s, op => 'handover', order_no => $no);
#   my ($st, $body) = GKBM::Pay::gateway($s, \%r);   # POST f.* to payplat
#   my ($st, $ack) = GKBM::Pay::deliver($s, $no, 'normal', 'rsa');
#   GKBM::Pay::form_decode($text) / form_encode(\@pairs)
#   GKBM::Pay::canon(\%kv)                       # the sign v1 string
#   GKBM::Pay::openssl_verify($s, $pub, $alg, $canon, $b64)  # 1 or 0
#   GKBM::Pay::openssl_sign($s, $key, $alg, $canon)           # base64
package GKBM::Pay;

use strict;
use warnings;
use utf8;

use Encode qw(encode decode);
use File::Temp qw(tempdir);
use HTTP::Tiny;
use IO::Socket::UNIX;
use MIME::Base64 qw(decode_base64);

my $seq = 0;

# An approved candidate application (account + application rows).
sub application {
	my ($s, %o) = @_;
	my $dbh = $s->dbh;
	$seq++;
	$dbh->do("INSERT INTO accounts (role, year, name, pw_hash, pw_changed_at, "
	    . "created_at) VALUES ('candidate', ?, ?, 'x', NOW(), NOW())", undef,
	    $s->year, $o{name} // "缴费考生$seq");
	my $acct = $dbh->last_insert_id(undef, undef, undef, undef);
	$dbh->do("INSERT INTO applications (account_id, year, state, "
	    . "target_level, decided_at, created_at, updated_at) VALUES (?, ?, "
	    . "'approved', ?, NOW(), NOW(), NOW())", undef, $acct, $s->year,
	    $o{level} // 3);
	my $app = $dbh->last_insert_id(undef, undef, undef, undef);
	$dbh->do("INSERT INTO pay_receipt (application_id, kind, name, fixed_at) "
	    . "VALUES (?, ?, ?, NOW())", undef, $app, $o{kind} // 'person',
	    $o{receipt} // "缴费考生$seq");
	return $app;
}

# An order of the application; its number.
sub order {
	my ($s, $app, %o) = @_;
	my $no = $o{order_no} // sprintf('GK%dT%06d%03d', $s->year, $app, ++$seq);
	$s->dbh->do("INSERT INTO pay_order (order_no, application_id, year, level, "
	    . "amount_fen, state, created_at, expires_at, updated_at) VALUES "
	    . "(?, ?, ?, 3, ?, ?, NOW(), NOW() + INTERVAL 1 DAY, NOW())", undef,
	    $no, $app, $s->year, $o{amount} // 12000, $o{state} // 'PENDING');
	return $no;
}

sub form_decode {
	my ($text) = @_;
	my @pairs;
	for my $p (split /&/, $text) {
		my ($k, $v) = split /=/, $p, 2;
		for ($k, $v) {
			$_ //= '';
			tr/+/ /;
			s/%([0-9A-Fa-f]{2})/chr(hex $1)/ge;
		}
		push @pairs, $k, decode('UTF-8', $v);
	}
	return @pairs;
}

sub form_encode {
	my ($pairs) = @_;
	my @out;
	for (my $i = 0; $i < @$pairs; $i += 2) {
		my ($k, $v) = @$pairs[$i, $i + 1];
		$v = encode('UTF-8', $v) if utf8::is_utf8($v);
		$v =~ s/([^A-Za-z0-9\-_.~])/sprintf('%%%02X', ord $1)/ge;
		push @out, "$k=$v";
	}
	return join '&', @out;
}

# The canonical string of sign v1: sign and empty values dropped, names
# sorted bytewise, name=value joined by & (UTF-8 bytes).
sub canon {
	my ($kv) = @_;
	return join '&', map { "$_=" . (utf8::is_utf8($kv->{$_}) ?
	    encode('UTF-8', $kv->{$_}) : $kv->{$_}) }
	    sort grep { $_ ne 'sign' && $kv->{$_} ne '' } keys %$kv;
}

# One request on gkbm-pay's socket; the reply's pairs (a hash).
sub sock {
	my ($s, @req) = @_;
	my $c = IO::Socket::UNIX->new(Peer => "$s->{dir}/run/pay.sock",
	    Type => SOCK_STREAM) or return (status => 'unavailable');
	print $c form_encode(\@req) . "\n";
	my $line = <$c> // '';
	chomp $line;
	return form_decode($line);
}

# The hand-over of order $no: POSTs gkbm-pay's signed f.* fields to the
# platform's gateway (which verifies our signature).  (status, body).
sub gateway {
	my ($s, $no) = @_;
	my @r = sock($s, op => 'handover', order_no => $no);
	my %r = @r;
	return (0, $r{message} // 'no reply') unless ($r{status} // '') eq 'ok';
	my @f;
	for (my $i = 0; $i < @r; $i += 2) {
		push @f, substr($r[$i], 2), $r[$i + 1] if $r[$i] =~ /^f\./;
	}
	my $res = HTTP::Tiny->new->post($r{action}, { headers => {
	    'Content-Type' => 'application/x-www-form-urlencoded' },
	    content => form_encode(\@f) });
	return ($res->{status}, decode('UTF-8', $res->{content}));
}

# Asks the platform to deliver a notify of $no shaped by $fault with its
# $key (rsa|sm2) key: (gkbm-pay's status, its answer).
sub deliver {
	my ($s, $no, $fault, $key) = @_;
	my $res = HTTP::Tiny->new(timeout => 30)->post($s->plat_url('/ctl/deliver'),
	    { headers => { 'Content-Type' => 'application/x-www-form-urlencoded' },
	    content => form_encode([order_no => $no, fault => $fault // 'normal',
	    key => $key // 'rsa']) });
	die "payplat /ctl/deliver: $res->{status} $res->{content}"
	    unless $res->{status} == 200;
	my ($st, $body) = split /\n/, $res->{content}, 2;
	return ($st, $body // '');
}

# Writes bytes to a file in a temporary directory; its path.
my $tmp;
sub _file {
	my ($name, $bytes) = @_;
	$tmp //= tempdir('gkbm-pay-XXXXXX', TMPDIR => 1, CLEANUP => 1);
	open(my $fh, '>:raw', "$tmp/$name") or die "$tmp/$name: $!";
	print $fh $bytes;
	close $fh;
	return "$tmp/$name";
}

# openssl dgst verification of base64 signature $b64 over $canon with
# public key file $pub; alg RSA2 or SM2 (distid set explicitly).
sub openssl_verify {
	my ($pub, $alg, $canon, $b64) = @_;
	my $c = _file('canon.txt', $canon);
	my $sig = _file('sig.bin', decode_base64($b64));
	my @md = $alg eq 'SM2' ? ('-sm3', '-sigopt', 'distid:1234567812345678')
	    : ('-sha256');
	my $out = qx{openssl dgst @md -verify '$pub' -signature '$sig' '$c' 2>&1};
	return $out =~ /Verified OK/ ? 1 : 0;
}

# openssl dgst signature of $canon with private key $key: base64.
sub openssl_sign {
	my ($key, $alg, $canon) = @_;
	my $c = _file('canon.txt', $canon);
	my @md = $alg eq 'SM2' ? ('-sm3', '-sigopt', 'distid:1234567812345678')
	    : ('-sha256');
	my $out = _file('out.sig', '');
	system('openssl', 'dgst', @md, '-sign', $key, '-out', $out, $c) == 0
	    or die "openssl dgst -sign failed";
	my $b64 = qx{openssl base64 -A -in '$out'};
	chomp $b64;
	return $b64;
}

# POSTs a notify body to /pay/notify through nginx: (status, body).
sub post_notify {
	my ($s, $body) = @_;
	my $res = HTTP::Tiny->new(timeout => 30)->post($s->url('/pay/notify'),
	    { headers => { 'Content-Type' => 'application/x-www-form-urlencoded' },
	    content => $body });
	return ($res->{status}, $res->{content});
}

1;
