# stmtargs.t: every db_run() and db_row() call passes as many arguments as
# its statement declares in fcgi/web/db.c (i, s and t one each, b two: pointer and
# length).  db_open() checks the declarations against MariaDB itself; this
# checks the calls against the declarations, which the compiler cannot (the
# arguments are variadic).  A call whose statement is a variable is listed
# by name below with the statements it may hold.  gkbm-admin and gkbm-sms
# call dbh_run() and dbh_row() (and gkbm-admin st_id(), a lookup of one
# number): each call's statement must be one its program prepares (the
# row's fifth member; none is gkbm-web).
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
my (%decl, %progs);
while ($dbsrc =~ /\[(STMT_\w+)\] = \{ "([isb]*)", "([isbt]*)", /g) {
	$decl{$1} = [$2, $3];
}
# A row's programs: its last member after the SQL when there are five
# (a macro such as ADM stands for "0, PROG_ADMIN"), else gkbm-web.
my %macro = ($dbsrc =~ /^#define\s+(\w+)\s+0, (PROG_\w+)\s*$/mg);
for my $row (split /\n\t(?=\[STMT_)/, $dbsrc) {
	next unless $row =~ /^\[(STMT_\w+)\] = \{ "[isb]*", "[isbt]*", /;
	my $st = $1;
	$row =~ s/\s*\},[^\n]*(?:\n.*)?$//s;	# what follows the row
	# All up to the SQL's end (a string, or a macro such as SEES("?")).
	$row =~ s/^.*(?:"|\w+\("[^"]*"\))(?:\s*\w+)?\s*,\s*//s;
	my @m = split /\s*,\s*/, $row =~ s/\s+$//r;
	$progs{$st} = @m == 1 && $macro{$m[0]} ? $macro{$m[0]}
	    : @m >= 2 ? $m[1] : 'PROG_WEB';
}
ok(keys %decl > 50, scalar(keys %decl) . ' statements declared with types');
is(scalar(keys %progs), scalar(keys %decl), 'every row\'s programs read');
ok((grep { $progs{$_} eq 'PROG_ADMIN' } keys %progs) > 40 &&
    (grep { $progs{$_} eq 'PROG_SMS' } keys %progs) == 3 &&
    (grep { $progs{$_} eq 'PROG_PAY' } keys %progs) > 10,
    'the rows of gkbm-admin, gkbm-sms and gkbm-pay are told apart');

# The program a source file belongs to, by its folder.
sub prog_of {
	my ($f) = @_;
	return $f =~ m{^fcgi/admin/} ? 'PROG_ADMIN'
	    : $f =~ m{^fcgi/sms/} ? 'PROG_SMS'
	    : $f =~ m{^fcgi/pay/} ? 'PROG_PAY' : 'PROG_WEB';
}

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
	while ($s =~ /\b(?:dbh?_(run|row)|st_(id))\(/g) {
		my $kind = $1 // 'run';
		my @a = map { s/^\s+|\s+$//gr } args($s, pos($s));
		next if @a < 2 || $a[0] =~ /^(struct|long)\b/;	# definitions
		my $line = 1 + (() = substr($s, 0, pos($s)) =~ /\n/g);
		my ($st, $n) = ($a[1], @a - 2);
		if ($st !~ /^STMT_/) {
			$vars++;
			next;
		}
		$calls++;
		ok(exists $decl{$st}, "$name:$line: $st is declared") or next;
		my $prog = prog_of($name);
		ok($progs{$st} =~ /\b$prog\b/,
		    "$name:$line: $st is prepared by $prog") or
		    diag("its row says $progs{$st}");
		my $want = width($decl{$st}[$kind eq 'run' ? 0 : 1]);
		is($n, $want, "$name:$line: db_$kind($st) passes $want")
		    if $n != $want;
	}
}
ok($calls > 100, "$calls calls checked ($vars through a variable)");
done_testing();
