# qualified.t: gkbm-admin import-qualified, the qualified library (合格库)
# of issue 3: a good file stored (count printed, audit row), importing it
# again changes nothing, a file with one bad row of each kind (ID check
# digit, unknown work type, level 6, year 1980, a future year, a missing
# column, a duplicate row, bad UTF-8, an unclosed quote) reported line by
# line with NOTHING stored, --skip-bad storing only the good rows, a BOM
# with CRLF line ends and quoted fields accepted, a work type given by
# name, a bad header, a missing file; and the web side finding the rows:
# the lookup value of the ID number equals the one a web registration
# stores, so the two join.
use strict;
use warnings;
use utf8;

use Encode qw(encode);
use Test::More;
use GKBM;

binmode($_, ':encoding(UTF-8)') for Test::More->builder->output,
    Test::More->builder->failure_output, Test::More->builder->todo_output;

my $s = GKBM->start(workers => 1);
my $dbh = $s->dbh;
my $Y = $s->year;
my $dir = $s->dir;

# An ID number whose check character is X (to write it as a lower-case x).
my $IDX;
for my $seq (100 .. 999) {
	my $id = GKBM::idno('410105', '19800101', $seq);
	if ($id =~ /X$/) { $IDX = $id; last; }
}
my $ID1 = GKBM::idno('410105', '19750203', 111);
my $ID2 = GKBM::idno('410102', '19820304', 222);
my $ID3 = GKBM::idno('410181', '19900405', 333);

# write_csv(name, bytes): the path of a file in the stack's directory.
sub write_csv {
	my ($name, $text) = @_;
	my $path = "$dir/$name";
	open(my $fh, '>:raw', $path) or die "$path: $!";
	print $fh (utf8::is_utf8($text) ? encode('UTF-8', $text) : $text);
	close $fh or die "$path: $!";
	return $path;
}

sub import_file {
	my ($path, @flags) = @_;
	return $s->admin({ may_fail => 1 }, 'import-qualified', $path, @flags);
}

sub n_qualified { return $s->count('SELECT COUNT(*) FROM qualified') }

sub table {
	return join(';', map { join(',', @$_) } @{ $dbh->selectall_arrayref(
	    q{SELECT HEX(idno_mac), worktype, level, year FROM qualified
	    ORDER BY idno_mac, worktype, level}) });
}

sub n_audit {
	return $s->count(q{SELECT COUNT(*) FROM audit WHERE event =
	    'qualified.import'});
}

# --- a good file ----------------------------------------------------------------

my $good = write_csv('good.csv', <<"EOF");
idno,worktype,level,year
$ID1,W001,4,2015
$ID1,W002,3,2020
$ID2,档案管理员,5,$Y
\L$IDX\E,W901,4,1990
EOF
my ($rc, $out) = import_file($good);
is($rc, 0, 'a good file: exit 0') or diag($out);
like($out, qr/^imported 4 qualified records from good\.csv: 4 new, 0 changed, 0 unchanged$/m,
    'a good file: the count printed');
is(n_qualified(), 4, 'a good file: 4 rows');
is($s->count(q{SELECT COUNT(*) FROM qualified WHERE worktype = 'W004'
    AND level = 5 AND year = ?}, $Y), 1,
    'a work type given by its name is stored by its code');
is($s->count(q{SELECT COUNT(*) FROM qualified WHERE worktype = 'W901'}), 1,
    'an old (merged) work type is accepted');
is($s->count('SELECT COUNT(DISTINCT LENGTH(idno_mac)) FROM qualified'), 1,
    'one lookup value length');
is($s->count('SELECT MAX(LENGTH(idno_mac)) FROM qualified'), 32,
    'the ID number is stored as a 32-byte lookup value');
unlike(table(), qr/\Q$ID1\E/, 'no ID number in clear');
is(n_audit(), 1, 'an audit row');
my $before = table();

# --- the same file again ----------------------------------------------------------

($rc, $out) = import_file($good);
is($rc, 0, 're-import: exit 0') or diag($out);
like($out, qr/: 0 new, 0 changed, 4 unchanged$/m, 're-import: nothing new');
is(table(), $before, 're-import: the table is the same');

# A changed year updates that certificate only.
my $year2 = write_csv('year2.csv', "idno,worktype,level,year\n$ID1,W001,4,2016\n");
($rc, $out) = import_file($year2);
like($out, qr/: 0 new, 1 changed, 0 unchanged$/m, 'a new year: one changed')
    or diag($out);
is($s->count(q{SELECT year FROM qualified WHERE worktype = 'W001'}), 2016,
    'a new year: stored');
is(n_qualified(), 4, 'a new year: no new row');
($rc, $out) = import_file($good);
$before = table();
my $audits = n_audit();

# --- one bad row of each kind: each reported, nothing stored ------------------------

my $bad_id = $ID3;
substr($bad_id, -1, 1) = substr($ID3, -1) eq '1' ? '2' : '1';
my $fut = $Y + 1;
my $bad = write_csv('bad.csv', join('', map { utf8::is_utf8($_) ?
    encode('UTF-8', $_) : $_ }
    "idno,worktype,level,year\n",			# 1
    "$ID3,W003,4,2018\n",				# 2 good (new)
    "$bad_id,W003,4,2018\n",				# 3 check digit
    "$ID3,不存在的工种,4,2018\n",			# 4 unknown work type
    "$ID3,W004,6,2018\n",				# 5 level 6
    "$ID3,W004,4,1980\n",				# 6 year 1980
    "$ID3,W004,4,$fut\n",				# 7 future year
    "$ID3,W004,4\n",					# 8 missing column
    "$ID3,W003,4,2019\n",				# 9 duplicate of 2
    "$ID3,W00\xff\xfe,4,2018\n",			# 10 bad UTF-8
    "$ID3,\"W005,4,2018\n",				# 11 unclosed quote
    "$ID3,W002,0,2018\n",				# 12 level 0
    "$ID3,W002,4,20x8\n",				# 13 not a year
    "$ID3,W006,3,2017\n",				# 14 good (new)
));
($rc, $out) = import_file($bad);
is($rc, 1, 'a bad file: exit 1');
my %want = (
	3 => qr/idno: 身份证号校验位不正确/,
	4 => qr/worktype "不存在的工种": not a code or name/,
	5 => qr/level "6": expected 1 to 5/,
	6 => qr/year "1980": expected 1990 to $Y/,
	7 => qr/year $fut is in the future/,
	8 => qr/3 columns, expected 4 \(idno,worktype,level,year\)/,
	9 => qr/the same certificate .* as line 2/,
	10 => qr/not UTF-8 text/,
	11 => qr/a quoted field is not closed/,
	12 => qr/level "0": expected 1 to 5/,
	13 => qr/year "20x8"/,
);
for my $line (sort { $a <=> $b } keys %want) {
	like($out, qr/^gkbm-admin: \Q$bad\E:$line: $want{$line}/m,
	    "bad.csv line $line reported");
}
unlike($out, qr/bad\.csv:(?:1|2|14):/, 'the good lines are not reported');
like($out, qr/11 of 13 rows refused; nothing imported/, 'nothing imported, said so');
unlike($out, qr/\Q$ID3\E|\Q$bad_id\E/, 'the report never prints an ID number');
is(table(), $before, 'a bad file: the table did not change');
is(n_audit(), $audits, 'a bad file: no audit row');

# --skip-bad stores the good rows and still lists the bad ones.
($rc, $out) = import_file($bad, '--skip-bad');
is($rc, 0, '--skip-bad: exit 0') or diag($out);
like($out, qr/\Q$bad\E:3: /, '--skip-bad: the refused rows still listed');
like($out, qr/imported 2 qualified records from bad\.csv: 2 new, 0 changed, 0 unchanged; 11 rows refused and skipped/,
    '--skip-bad: the count and the refused');
is(n_qualified(), 6, '--skip-bad: the two good rows stored');
is($s->count(q{SELECT year FROM qualified WHERE worktype = 'W003'}), 2018,
    '--skip-bad: the first of a duplicate pair kept');

# --- BOM, CRLF, quotes, spaces, blank lines -------------------------------------------------

my $bom = write_csv('bom.csv', "\xef\xbb\xbfidno,worktype,level,year\r\n" .
    encode('UTF-8',
    "$ID3 , \"W007\" ,2,2011\r\n\r\n" .
    "\"$ID2\",\"计算机操作员\",4,\"2012\"\r\n"));
($rc, $out) = import_file($bom);
is($rc, 0, 'BOM and CRLF: exit 0') or diag($out);
like($out, qr/imported 2 qualified records from bom\.csv: 2 new/, 'BOM and CRLF: 2 rows');
is($s->count(q{SELECT COUNT(*) FROM qualified WHERE worktype IN ('W007', 'W002')
    AND year IN (2011, 2012)}), 2, 'BOM and CRLF: stored');

# --- the file itself wrong ---------------------------------------------------------------------

my $hdr = write_csv('header.csv', "id,worktype,level,year\n$ID1,W001,4,2015\n");
($rc, $out) = import_file($hdr);
is($rc, 1, 'a wrong header: exit 1');
like($out, qr/header\.csv:1: the header must be idno,worktype,level,year/,
    'a wrong header: said so');
my $empty = write_csv('empty.csv', '');
($rc, $out) = import_file($empty);
is($rc, 1, 'an empty file: exit 1');
like($out, qr/empty\.csv:1: empty file/, 'an empty file: said so');
($rc, $out) = import_file("$dir/none.csv");
is($rc, 1, 'a missing file: exit 1');
like($out, qr/none\.csv: No such file/, 'a missing file: said so');
($rc, $out) = $s->admin({ may_fail => 1 }, 'import-qualified');
is($rc, 1, 'no file: exit 1');
like($out, qr/usage: .*import-qualified FILE\.csv/, 'no file: the usage');
my $n6 = n_qualified();

# --- the web side: a registration with the same ID joins ------------------------------------------

my $b = $s->browser;
my $r = $b->get('/register?consent=v2026.1', accept => 'xml');
my $csrf = $r->xpath('/register/meta/csrf');
my $PHONE = '13912345678';
$s->captcha($b);
$r = $b->post_multipart('/register', { csrf => $csrf, consent => 'v2026.1',
    phone => $PHONE, send_code => 1, captcha => '2468' }, {},
    accept => 'xml');
is($r->status, 200, 'web registration: code sent') or diag($r->dump);
my $code = $s->sms_code($PHONE);
my ($y, $m, $d) = $IDX =~ /^\d{6}(\d{4})(\d\d)(\d\d)/;
$r = $b->post_multipart('/register', { csrf => $csrf, consent => 'v2026.1',
    region => '410100', level => 3, idno => $IDX, birth => "$y-$m-$d",
    name => '黄德明', phone => $PHONE, sms_code => $code,
    password => 'Henan2026ok', password2 => 'Henan2026ok' },
    { idcard => ['idcard.jpg', GKBM::jpeg(200, 150), 'image/jpeg'] },
    accept => 'xml');
is($r->status, 303, 'web registration with the X ID number') or diag($r->dump);
is($s->count(q{SELECT COUNT(*) FROM accounts a JOIN qualified q
    ON q.idno_mac = a.idno_mac WHERE a.name = '黄德明'}), 1,
    'the registration joins the row imported with a lower-case x');
is($dbh->selectrow_array(q{SELECT q.worktype FROM accounts a JOIN qualified q
    ON q.idno_mac = a.idno_mac WHERE a.name = '黄德明'}), 'W901',
    'the joined row is the certificate of the file');

# And one created by gkbm-admin create-candidate joins its three rows.
$s->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate', $Y, $ID1, '周国庆',
    '13912345679', '410100', 3);
is($s->count(q{SELECT COUNT(*) FROM accounts a JOIN qualified q
    ON q.idno_mac = a.idno_mac WHERE a.name = '周国庆'}), 2,
    "create-candidate's lookup value joins both of ID1's certificates");
is(n_qualified(), $n6, 'registering changed nothing in the library');

$s->finish;
done_testing;
