# Fuzz.pm: runs one libFuzzer target of t/fuzz/ as one TAP assertion.
#
#   use Fuzz;
#   Fuzz::run('form', runs => 300000);
#
# Runs $top_builddir/t/fuzz/NAME-fuzzer over its seeds
# ($top_srcdir/t/fuzz/seeds/NAME/) and a working corpus
# ($top_builddir/t/fuzz/NAME.corpus/, where the inputs it finds are kept
# for the next run) for `runs` inputs, with the dictionary t/fuzz/NAME.dict when there is one.  A crash, leak, sanitizer
# report or timeout fails the assertion; the reproducer is kept in
# $top_builddir/t/fuzz/ and printed (its path, the command that replays
# it, and its bytes in base64 when small).  Skips when the target was not
# built (configure --enable-fuzzing).
#
# Environment: GKBM_FUZZ_RUNS overrides `runs`; GKBM_FUZZ_SEED fixes
# libFuzzer's random seed (default: a new one each run, printed).
package Fuzz;

use strict;
use warnings;

use Cwd qw(abs_path);
use File::Basename qw(dirname);
use File::Path qw(make_path);
use MIME::Base64 qw(encode_base64);
use Test::More;

sub _dir {
	my ($var) = @_;
	return abs_path($ENV{$var}) if defined $ENV{$var};
	return abs_path(dirname(__FILE__) . '/../..');
}

# The files libFuzzer left in $dir since $t0: crash-*, leak-*, timeout-*,
# oom-*, slow-unit-* are not failures.
sub _artifacts {
	my ($prefix, $t0) = @_;
	return grep { -f $_ && (stat _)[9] >= $t0 }
	    map { glob("$prefix$_-*") } qw(crash leak timeout oom);
}

sub run {
	my ($name, %o) = @_;
	my $src = _dir('top_srcdir');
	my $bld = _dir('top_builddir');
	my $bin = "$bld/t/fuzz/$name-fuzzer";
	plan(skip_all => "t/fuzz/$name-fuzzer not built " .
	    '(configure --enable-fuzzing, with clang)') unless -x $bin;
	plan(tests => 1);

	my $runs = $ENV{GKBM_FUZZ_RUNS} || $o{runs} || 10000;
	my $seeds = "$src/t/fuzz/seeds/$name";
	my $work = "$bld/t/fuzz/$name.corpus";
	my $prefix = "$bld/t/fuzz/$name-";
	make_path($work);
	my @cmd = ($bin, "-runs=$runs", '-timeout=' . ($o{timeout} // 25),
	    '-rss_limit_mb=' . ($o{rss_mb} // 2048),
	    '-max_len=' . ($o{max_len} // 65536),
	    "-artifact_prefix=$prefix", '-print_final_stats=1');
	push @cmd, "-seed=$ENV{GKBM_FUZZ_SEED}" if $ENV{GKBM_FUZZ_SEED};
	push @cmd, "-dict=$src/t/fuzz/$name.dict" if -f "$src/t/fuzz/$name.dict";
	push @cmd, $work, $seeds;

	my $t0 = time;
	my $out = `@{[ map { "'$_'" } @cmd ]} 2>&1`;
	my $rc = $? >> 8;
	my @art = _artifacts($prefix, $t0);
	my ($seed) = $out =~ /INFO: Seed: (\d+)/;
	my ($done) = $out =~ /stat::number_of_executed_units:\s*(\d+)/;
	my ($cov) = $out =~ /#\d+\s+DONE\s+cov: (\d+)/;
	note(sprintf('%s: %s inputs in %d s, %s edges covered, corpus %s',
	    $name, $done // '?', time - $t0, $cov // '?', $work));
	my $ok = ok($rc == 0 && !@art, sprintf('%s: %s inputs (seed %s), ' .
	    'no crash, leak or sanitizer report', $name, $done // '?',
	    $seed // '?'));
	unless ($ok) {
		# From the report on: what, where, and the stack.
		my @l = split /\n/, $out;
		my ($i) = grep { $l[$_] =~ /==\d+==\s*ERROR|runtime error:|
		    ERROR: libFuzzer|deadly signal/x } 0 .. $#l;
		$i //= @l > 60 ? @l - 60 : 0;
		my $j = $i + 59 < $#l ? $i + 59 : $#l;
		diag("exit $rc; the fuzzer said:\n" . join("\n", @l[$i .. $j]));
		for my $a (@art) {
			my $size = -s $a;
			diag("reproducer kept: $a ($size bytes); replay: $bin $a");
			next if $size > 4096;
			open(my $fh, '<:raw', $a) or next;
			local $/;
			my $bytes = <$fh>;
			close $fh;
			diag("its bytes in base64:\n" . encode_base64($bytes));
		}
	}
	return $ok;
}

1;
