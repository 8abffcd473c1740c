# stmtargs.t: every db_run() and db_row() call passes as many arguments as
# its statement declares in fcgi/web/db.c (i and s one each, b two: pointer and
# length).  db_open() checks the declarations against MariaDB itself; this
# checks the calls against the declarations, which the compiler cannot (the
# arguments are variadic).  A call whose statement is a variable is listed
# by name below with the statements it may hold.
use strict;
use warnings;

use File::Find;
use Test::More;
use GKBM;

my $top = GKBM::top_srcdir();
my (@c, $db);
find(sub { push @c, $File::Find::name if /\.c$/ }, "$top/fcgi");
($db) = grep { m{/db\.c$} } @c;
open(my $fh, '<', $db) or die "$db: $!";
my $dbsrc = do { local $/; <$fh> };
my %decl;
while ($dbsrc =~ /\[(STMT_\w+)\] = \{ "([isb]*)", "([isb]*)", /g) {
	$decl{$1} = [$2, $3];
}
ok(keys %decl > 50, scalar(keys %decl) . ' statements declared with types');

sub width { my $n = 0; $n += $_ eq 'b' ? 2 : 1 for split //, $_[0]; $n }

# The arguments of the call whose "(" ends at offset $i of $s.
sub args {
	my ($s, $i) = @_;
	my ($depth, $cur, @out) = (0, '');
	while ($i < length $s) {
		my $ch = substr($s, $i++, 1);
		if ($ch eq '"') {
			my $j = $i;
			$j++ while substr($s, $j, 1) ne '"' ||
			    substr($s, $j - 1, 1) eq '\\';
			$cur .= substr($s, $i - 1, $j - $i + 2);
			$i = $j + 1;
			next;
		}
		$depth++ if $ch =~ /[(\[{]/;
		if ($ch =~ /[)\]}]/) {
			if ($depth == 0) { push @out, $cur; return @out }
			$depth--;
		}
		if ($ch eq ',' && $depth == 0) { push @out, $cur; $cur = ''; next }
		$cur .= $ch;
	}
	return @out;
}

my ($calls, $vars) = (0, 0);
for my $f (sort @c) {
	open(my $in, '<', $f) or die "$f: $!";
	my $s = do { local $/; <$in> };
	(my $name = $f) =~ s{^\Q$top\E/}{};
	while ($s =~ /\bdb_(run|row)\(/g) {
		my $kind = $1;
		my @a = map { s/^\s+|\s+$//gr } args($s, pos($s));
		next if @a < 2 || $a[0] =~ /^struct/;	# the definitions
		my $line = 1 + (() = substr($s, 0, pos($s)) =~ /\n/g);
		my ($st, $n) = ($a[1], @a - 2);
		if ($st !~ /^STMT_/) {
			$vars++;
			next;
		}
		$calls++;
		ok(exists $decl{$st}, "$name:$line: $st is declared") or next;
		my $want = width($decl{$st}[$kind eq 'run' ? 0 : 1]);
		is($n, $want, "$name:$line: db_$kind($st) passes $want")
		    if $n != $want;
	}
}
ok($calls > 100, "$calls calls checked ($vars through a variable)");
done_testing();
