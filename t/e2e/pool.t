# pool.t: the gkbm-web master and its workers under faults, against the
# real stack (nginx + gkbm-web + MariaDB): a worker killed mid-load, SIGHUP
# under load, MariaDB going away and coming back, SIGTERM.
# SECURITY.md section 5, faults 1, 2 and 11.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use HTTP::Tiny;
use POSIX ();
use Time::HiRes qw(sleep time);

my $WORKERS = 4;
my $STOP = 5;
my $s = GKBM->start(workers => $WORKERS, stop_timeout => $STOP);

# load(PATH, PROCS, PER, DURING, [COOKIE]): PROCS processes each send PER
# GETs; DURING runs in this process once they are under way.  Returns a
# hash status => count.
sub load {
	my ($path, $procs, $per, $during, $cookie) = @_;
	my (@kids, @pipes);
	for my $i (1 .. $procs) {
		pipe(my $r, my $w) or die "pipe: $!";
		my $pid = fork // die "fork: $!";
		if ($pid == 0) {
			close $r;
			my $ua = HTTP::Tiny->new(timeout => 30, max_redirect => 0);
			my %h = $cookie ? (headers => { Cookie => $cookie }) : ();
			for (1 .. $per) {
				my $res = $ua->get($s->url($path), \%h);
				my $st = $res->{status};
				$st = 'empty' if $st == 200 && !length($res->{content} // '');
				print $w "$st\n";
			}
			close $w;
			POSIX::_exit(0);	# no END blocks in the children
		}
		close $w;
		push @kids, $pid;
		push @pipes, $r;
	}
	sleep 0.3;
	$during->() if $during;
	my %st;
	for my $r (@pipes) {
		while (my $l = <$r>) {
			chomp $l;
			$st{$l}++;
		}
		close $r;
	}
	waitpid($_, 0) for @kids;
	return \%st;
}

sub fmt { my ($h) = @_; join(' ', map { "$_:$h->{$_}" } sort keys %$h) }

sub wait_for {
	my ($secs, $cb) = @_;
	my $end = time + $secs;
	while (time < $end) {
		return 1 if $cb->();
		sleep 0.1;
	}
	return $cb->() ? 1 : 0;
}

sub gone {
	my ($pid) = @_;
	return 1 unless kill 0, $pid;
	open(my $fh, '<', "/proc/$pid/stat") or return 1;
	my $st = <$fh> // '';
	return $st =~ /^\d+ \(.*\) Z /s ? 1 : 0;
}

my @before = $s->web_pids;
is(scalar @before, $WORKERS, "$WORKERS workers run") or diag("@before");

# 1. A worker killed by SIGKILL in the middle of a load.
{
	my $victim = $before[0];
	my $st = load('/login', 8, 40, sub { kill 'KILL', $victim });
	my $bad = 320 - ($st->{200} // 0);
	# The one request the victim held may get a 502; nothing else fails.
	cmp_ok($bad, '<=', 1, 'SIGKILL of a worker: at most one failed request')
	    or diag(fmt($st));
	ok(wait_for(5, sub {
		my @now = $s->web_pids;
		@now == $WORKERS && !grep { $_ == $victim } @now
	}), 'the master replaced the killed worker within 5 s')
	    or diag("before @before, now @{[ $s->web_pids ]}");
	$st = load('/login', 8, 25);
	is($st->{200} // 0, 200, 'after the replacement every request succeeds')
	    or diag(fmt($st));
}

# 2. SIGHUP while requests are under way: nothing dropped, new workers.
{
	my @old = $s->web_pids;
	my $st = load('/login', 8, 60, sub { $s->reload });
	is($st->{200} // 0, 480, 'SIGHUP under load: no request failed')
	    or diag(fmt($st));
	ok(wait_for(10, sub {
		my %old = map { $_ => 1 } @old;
		my @now = $s->web_pids;
		@now == $WORKERS && !grep { $old{$_} } @now
	}), 'SIGHUP: every worker was replaced')
	    or diag("old @old, now @{[ $s->web_pids ]}");
	ok(!gone($s->master_pid), 'SIGHUP: the master stays');
	my $r = $s->browser->get('/login');
	is($r->status, 200, 'after the reload /login answers');
}

# 3. MariaDB goes away: 503 with Retry-After and a Chinese message, never
# a blank page; /healthz stays 200; back to normal after it returns.
{
	my $b = $s->browser;
	my $r = $b->login('staff', $GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW);
	like($r->status, qr/^30[23]$/, 'the province logs in') or diag($r->dump);
	$r = $b->get('/home');
	is($r->status, 200, '/home before the outage') or diag($r->dump);
	my $cookie = $b->jar->cookie_header;
	my $anon = $s->browser;
	my $csrf = $anon->csrf('/login');

	my $st = load('/home', 4, 30, sub { $s->stop_db }, $cookie);
	my @odd = grep { !/^(200|503)$/ } keys %$st;
	ok(!@odd, 'MariaDB stopped during requests: every answer is 200 or 503')
	    or diag(fmt($st));

	for my $try (['GET /home', sub { $b->get('/home') }],
	    ['POST /login', sub { $anon->post('/login', { csrf => $csrf,
		kind => 'staff', login => 'sgkb', password => 'Wrong#pass2026' }) }],
	    ['GET /home (xml)', sub { $b->get('/home', accept => 'xml') }]) {
		my ($name, $cb) = @$try;
		my $res = $cb->();
		is($res->status, 503, "$name without the database: 503")
		    or diag($res->dump);
		ok(defined $res->header('retry-after') &&
		    $res->header('retry-after') =~ /^\d+$/,
		    "$name: Retry-After in seconds");
		if ($name =~ /xml/) {
			ok($res->xml, "$name: an XML document") or diag($res->dump);
		} else {
			like($res->text, qr/\p{Han}{4}/,
			    "$name: a Chinese message, not a blank page");
		}
	}
	my $h = $s->browser->get('/healthz');
	is($h->status, 200, '/healthz is 200 without the database');

	$s->start_db;
	my ($ok, $seen) = (0, '');
	my $end = time + 15;
	while (time < $end && $ok < 20) {
		my $res = $b->get('/home');
		if ($res->status == 200) {
			$ok++;
		} else {
			$ok = 0;
			$seen .= $res->status . ' ';
			sleep 0.2;
		}
	}
	is($ok, 20, 'after MariaDB returns /home succeeds again (20 in a row)')
	    or diag("statuses before: $seen");
	is($b->get('/home')->status, 200, 'the session survived the outage');

	# MariaDB restarts while the workers wait: each holds a connection
	# that died unseen.  The first request of each must not be a 503.
	$s->stop_db;
	$s->start_db;
	$st = load('/home', 4, 10, undef, $cookie);
	is(fmt($st), '200:40', 'MariaDB restarted between requests: ' .
	    'every worker answers its next request (it connects again)');
}

# 4. SIGTERM: the master and its workers exit within stop_timeout.
{
	my $master = $s->master_pid;
	my @w = $s->web_pids;
	my $t0 = time;
	kill 'TERM', $master;
	my $ok = wait_for($STOP + 1, sub {
		waitpid($master, POSIX::WNOHANG());
		gone($master) && !grep { !gone($_) } @w
	});
	ok($ok, sprintf('SIGTERM: master and %d workers exited in %.1f s ' .
	    '(stop_timeout %d)', scalar @w, time - $t0, $STOP))
	    or diag('left: ' . join(' ', grep { !gone($_) } $master, @w));
	$s->stop_web;
}

$s->finish;
done_testing;
