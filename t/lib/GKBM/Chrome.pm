# GKBM/Chrome.pm: run a browser test script (t/browser/NAME.js, written
# with t/browser/lib.js) against a stack started by t/lib/GKBM.pm, and turn
# what it reports into Test::More assertions.
#
#   use GKBM;
#   use GKBM::Chrome;
#   my $s = GKBM->start;
#   GKBM::Chrome::run($s, 'walk', { any => 'JSON arguments' },
#       { my_question => sub { my ($s, @args) = @_; return $value } });
#   $s->finish;
#   done_testing;
#
# The script gets its arguments as t.args (base => the stack's URL,
# test => NAME, shots => the screenshot folder, plus those given; a given
# base, test or shots is overridden) and may ask the
# questions below (t.ask(NAME, ARGS...) in lib.js) or the test's own:
#   sms_code(PHONE)          the next SMS code sent to PHONE (waits 20 s)
#   admin(ARGS...)           gkbm-admin's output (dies: the question fails)
#   sql(QUERY, BINDS...)     the first column of the first row
#   sql_do(QUERY, BINDS...)  run a statement; the number of rows
# Screenshots and the served HTML go to $top_builddir/t/browser/shots/NAME.
# The script's own stderr goes to the test's log.
package GKBM::Chrome;

use strict;
use warnings;
use utf8;

use Encode qw(encode decode);
use Fcntl qw(:flock);
use File::Copy qw(copy);
use File::Path qw(make_path);
use IPC::Open2 qw(open2);
use JSON::PP ();
use Test::More ();

our $TIMEOUT = 600;	# seconds for one script, a safety net only

my %ASK = (
	sms_code => sub { my ($s, $phone) = @_; $s->sms_code($phone, 20) },
	admin => sub { my ($s, @a) = @_; scalar $s->admin(@a) },
	sql => sub { my ($s, $q, @b) = @_; $s->count($q, @b) },
	sql_do => sub { my ($s, $q, @b) = @_; $s->dbh->do($q, undef, @b) + 0 },
);

# What the browser tests need: a failure (not a skip) when missing, since
# tools/check installs them (tools/lib.sh gkbm_need_browser).
sub _missing {
	return 'node not found' unless GKBM::which('node');
	return 'java not found (the Nu checker)' unless GKBM::which('java');
	my $chromium = $ENV{GKBM_CHROMIUM} || '/usr/bin/chromium';
	return "$chromium not found" unless -x $chromium;
	return undef;
}

# The npm modules: t/browser/node_modules of the source tree (tools/check
# runs npm ci there), else of the build tree, made there once (under a
# lock) by npm ci from the source tree's package-lock.json: a tree
# without them, as make distcheck's.  Returns the folder, or dies.
sub _modules {
	my $src = GKBM::top_srcdir() . '/t/browser';
	return "$src/node_modules" if -d "$src/node_modules/playwright-core";
	my $bld = GKBM::top_builddir() . '/t/browser';
	make_path($bld);
	open(my $lock, '>', "$bld/.npm-lock") or die "$bld/.npm-lock: $!";
	flock($lock, LOCK_EX) or die "flock: $!";
	unless (-d "$bld/node_modules/playwright-core") {
		for my $f (qw(package.json package-lock.json)) {
			copy("$src/$f", "$bld/$f") or die "copy $f: $!";
		}
		system("cd '$bld' && npm ci --ignore-scripts --no-audit " .
		    "--no-fund >npm-ci.log 2>&1") == 0
		    or die "npm ci in $bld failed (see $bld/npm-ci.log)\n";
	}
	close $lock;
	return "$bld/node_modules";
}

sub run {
	my ($s, $name, $args, $ask) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my $dir = GKBM::top_srcdir() . '/t/browser';
	my $modules;
	my $why = _missing() // (eval { $modules = _modules(); 1 } ? undef : $@);
	if ($why) {
		Test::More::ok(0, "the browser test $name can run") or
		    Test::More::diag($why);
		return;
	}
	my $shots = GKBM::top_builddir() . "/t/browser/shots/$name";
	make_path($shots);
	my $json = JSON::PP->new->utf8->canonical;
	my %a = (%{ $args || {} }, base => $s->url(""), test => $name,
	    shots => $shots);
	my %h = (%ASK, %{ $ask || {} });
	local $ENV{GKBM_BROWSER_ARGS} = $json->encode(\%a);
	local $ENV{NODE_PATH} = $modules;
	my $pid = open2(my $out, my $in, 'node', "$dir/$name.js");
	binmode $in; binmode $out;
	my $old = select($in); $| = 1; select($old);
	my ($done, $n) = (0, 0);
	my $ok = eval {
		local $SIG{ALRM} = sub { die "timeout after ${TIMEOUT}s\n" };
		local $SIG{PIPE} = 'IGNORE';
		alarm $TIMEOUT;
		while (my $line = <$out>) {
			my $m = eval { $json->decode($line) };
			unless ($m) {
				Test::More::diag("browser: $line");
				next;
			}
			if (exists $m->{ok}) {
				$n++;
				Test::More::ok($m->{ok}, encode('UTF-8', $m->{name}))
				    or Test::More::diag(encode('UTF-8',
				    $m->{diag} // ''));
			} elsif (defined $m->{diag}) {
				Test::More::diag(encode('UTF-8', $m->{diag}));
			} elsif (defined $m->{ask}) {
				print $in $json->encode(_answer($s, \%h, $m)), "\n";
			} elsif ($m->{done}) {
				$done = 1;
			}
		}
		alarm 0;
		1;
	};
	my $err = $@;
	kill 'TERM', $pid unless $ok;
	close $in;
	waitpid($pid, 0);
	my $rc = $? >> 8;
	Test::More::ok($ok && $done && $rc == 0 && $n > 0,
	    "the browser test $name ran to its end") or
	    Test::More::diag("exit $rc, $n assertions" . ($err ? ": $err" : ''));
}

sub _answer {
	my ($s, $h, $m) = @_;
	my $f = $h->{ $m->{ask} } or return { error => "no question $m->{ask}" };
	my $v = eval { $f->($s, @{ $m->{args} || [] }) };
	return { error => "$m->{ask}: $@" } if $@;
	$v = decode('UTF-8', $v) if defined $v && !utf8::is_utf8($v) &&
	    $v =~ /[\x80-\xff]/;
	return { value => $v };
}

1;
