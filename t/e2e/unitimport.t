# unitimport.t: 批量导入单位 (issue 8 §1; fcgi/lib/sheet.c,
# fcgi/model/unitimport.c, fcgi/pages/office/h_unitimport.c,
# gkbm-admin import-units): units and their admins from a CSV (UTF-8 with
# or without a BOM, or GBK/GB18030 as Excel in China saves it) or an XLSX
# (written here by libxlsxwriter, t/tools/mkxlsx), all or nothing: a file
# with a bad row stores nothing and reports every bad row with its reason;
# the same file twice is refused; broken files (bad quoting, not a
# spreadsheet, a truncated or bomb-like XLSX) are refused with a message.
use strict;
use warnings;
use utf8;

use Encode qw(encode);
use File::Temp qw(tempdir);
use IO::Compress::Zip qw(zip $ZipError);
use Test::More;
use GKBM;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 2);
my $PW = 'Staff#2026ab';
my $valid = GKBM::rng_validator('unitimport');
my $MKXLSX = GKBM::top_builddir() . '/t/tools/mkxlsx';
plan(skip_all => "$MKXLSX not built (make check builds it)") unless -x $MKXLSX;
my $TMP = tempdir('gkbm-unitimport-XXXXXX', TMPDIR => 1, CLEANUP => 1);

$s->create_units(qw(ZZCITY KFCITY ZZSUP ZZBAS));
my %staff = $s->create_staff($PW, qw(city kfcity unit));
my %b = $s->staff_browsers($PW, %staff);

my $HEAD = '单位代码,单位名称,单位类别,地区代码,所属主管单位代码,联系电话,管理员姓名,管理员手机号';
sub units_n { $s->count('SELECT COUNT(*) FROM units') }
sub accts_n { $s->count('SELECT COUNT(*) FROM accounts') }
sub csv { encode('UTF-8', join("\r\n", @_) . "\r\n") }
sub upload {
	my ($who, $name, $bytes) = @_;
	return $b{$who}->post_multipart('/admin/units/import',
	    { csrf => $b{$who}->csrf('/admin/units/import') },
	    { file => [$name, $bytes, 'application/octet-stream'] }, accept => 'xml');
}
sub xlsx {
	my ($name, @rows) = @_;
	my $f = "$TMP/$name";
	open(my $p, '|-', $MKXLSX, $f) or die "$MKXLSX: $!";
	print $p encode('UTF-8', join("\n", map { join("\t", @$_) } @rows) . "\n");
	close($p) or die "$MKXLSX failed";
	open(my $fh, '<:raw', $f) or die "$f: $!";
	local $/;
	return scalar <$fh>;
}
sub msg { join ' ', map { $_->textContent } $_[0]->nodes('//form/message | //form/field/error') }

# --- the page and its template ---------------------------------------------------

my $r = $b{city}->get('/admin/units/import', accept => 'xml');
is($r->status, 200, 'the city opens 批量导入单位');
$valid->($r, 'the import page');
is(join(',', map { $_->textContent } $r->nodes('//columns/column')), $HEAD, '... naming the columns');
$r = $b{city}->get('/admin/units/import/template');
is($r->status, 200, 'the template downloads');
like($r->header('content-type'), qr{^text/csv}, '... as a CSV');
like($r->header('content-disposition') // '', qr/attachment/, '... to save');
is($r->body, "\xef\xbb\xbf" . encode('UTF-8', $HEAD) . "\r\n", '... the header row with a BOM (Excel reads it as UTF-8)');
is($b{unit}->get('/admin/units/import', accept => 'xml')->status, 403, 'a unit admin: 403');
$r = $b{city}->post_multipart('/admin/units/import', {},
    { file => ['a.csv', csv($HEAD), 'text/csv'] }, accept => 'xml');
is($r->status, 403, 'without the CSRF token: 403');

# --- a good CSV: three units, two admins -------------------------------------------

my $good = "\xef\xbb\xbf" . csv($HEAD,
    'ZZWSJ,郑州市卫生健康委员会,主管单位,410100,,0371-67170000,张卫生,13700000101',
    'ZZWSJ01,郑州市第一人民医院,基层单位,,ZZWSJ,,李医院,13700000102',
    '"ZZSUP09","郑州市水利局""九处""",基层单位,,ZZSUP,,,');
my ($u0, $a0) = (units_n(), accts_n());
$r = upload('city', 'units.csv', $good);
is($r->status, 200, 'a good CSV with a BOM is imported') or diag($r->dump);
$valid->($r, 'the report of a stored file');
like(msg($r), qr/已导入3个单位/, '... saying how many');
is($r->xpath('//report/@stored'), '1', '... stored');
is(units_n(), $u0 + 3, '... three units');
is(accts_n(), $a0 + 2, '... two admin accounts');
is_deeply($s->dbh->selectrow_arrayref(q{SELECT u.kind, p.code, u.region_code,
    u.city_code, a.login, a.role, a.pw_must_change FROM units u JOIN units p
    ON p.id = u.parent_id JOIN accounts a ON a.id = u.admin_id WHERE u.code =
    'ZZWSJ01'}), ['basic', 'ZZWSJ', '410100', '410100', 'gly_zzwsj01', 'unit', 1],
    '... a basic unit under a supervising unit of the same file, with its admin');
is($s->count(q{SELECT name FROM units WHERE code = 'ZZSUP09'}), '郑州市水利局"九处"',
    '... quoted fields read (RFC 4180)');
like($s->last_audit('unit.import')->{reason}, qr/3 units/, '... audited');
is($s->browser->login('staff', 'ZZWSJ01', '123')->status, 303, 'an imported admin logs in with the unit code and 123');

($u0, $a0) = (units_n(), accts_n());
$r = upload('city', 'again.csv', $good);
is($r->status, 400, 'the same file again is refused');
like(msg($r), qr/已于.*导入过（3个单位）/, '... saying when it was imported');
is(units_n(), $u0, '... nothing stored');

# --- GBK (Excel's) CSV, without a BOM ------------------------------------------------

my $gbk = encode('cp936', join("\r\n", $HEAD,
    'ZZJTJ,郑州市交通运输局,主管单位,410100,,,,',
    'ZZJTJ01,郑州市公路事业发展中心,基层单位,,ZZJTJ,,,') . "\r\n");
$r = upload('city', 'gbk.csv', $gbk);
is($r->status, 200, 'a CSV saved by Excel in GBK is imported') or diag($r->dump);
is($s->count(q{SELECT name FROM units WHERE code = 'ZZJTJ01'}), '郑州市公路事业发展中心',
    '... its Chinese read right');
$r = upload('city', 'plain.csv', csv($HEAD, 'ZZGAJ,郑州市公安局,主管单位,410100,,,,'));
is($r->status, 200, 'a UTF-8 CSV without a BOM is imported');

# --- XLSX ----------------------------------------------------------------------------

my @xrows = ([split /,/, $HEAD, -1],
    ['ZZSWJ', '郑州市商务局', '主管单位', '410100', '', '', '周商务', '13700000111'],
    [], ['ZZSWJ01', '郑州市商务局机关', '基层单位', '', 'ZZSWJ', '0371-1234567', '', '']);
($u0, $a0) = (units_n(), accts_n());
$r = upload('city', 'units.xlsx', xlsx('good.xlsx', @xrows));
is($r->status, 200, 'an XLSX is imported') or diag($r->dump);
is(units_n(), $u0 + 2, '... two units (the blank row skipped)');
is(accts_n(), $a0 + 1, '... one admin');
is($s->count(q{SELECT phone FROM units WHERE code = 'ZZSWJ01'}), '0371-1234567', '... cells read');

# --- bad rows: every one reported, nothing stored ------------------------------------

my $bad = csv($HEAD,
    'ZZOK1,郑州市好单位,主管单位,410100,,,,',
    'ZZBAD1,郑州市坏单位一,学校,410100,,,,',
    'ZZBAD2,开封市的单位,主管单位,410200,,,,',
    'ZZOK1,郑州市重复单位,主管单位,410100,,,,',
    'ZZBAD4,郑州市坏单位四,基层单位,,NOSUCH,,,',
    'ZZBAD5,郑州市坏单位五,主管单位,410100,,,王五,1370000',
    'ZZBAD6,郑,主管单位,410100,,,,',
    'ZZBAD7,郑州市坏单位七,,410100,,,,',
    'ZZ_8,郑州市坏单位八,主管单位,410100,,,,',
    'ZZBAD9,郑州市坏单位九,主管单位,410100,,,赵六,13700000011');
($u0, $a0) = (units_n(), accts_n());
$r = upload('city', 'bad.csv', $bad);
is($r->status, 400, 'a file with bad rows is refused');
$valid->($r, 'the report of a refused file');
like(msg($r), qr/共10行，其中9行有误.*没有导入任何单位/, '... saying how many and that nothing was stored');
is($r->xpath('//report/@bad'), '9', '... nine bad rows');
my %why = map { $_->getAttribute('line') => [$_->getAttribute('column') // '', $_->getAttribute('error')] }
    $r->nodes('//report/row');
ok(!$why{2}, 'the good row is not listed');
like($why{3}[1], qr/单位类别应为/, 'line 3: the kind');
is($why{3}[0], '单位类别', '... named by its column');
like($why{4}[1], qr/不在本单位管辖范围内/, 'line 4: a region of another city');
like($why{5}[1], qr/已被使用/, 'line 5: a code twice in the file');
like($why{6}[1], qr/主管单位代码不存在/, 'line 6: no such supervising unit');
like($why{7}[1], qr/11位手机号码/, 'line 7: the admin\'s phone');
is($why{7}[0], '管理员手机号', '... named by its column');
like($why{8}[1], qr/2至100个字/, 'line 8: the name');
like($why{9}[1], qr/请填写单位类别/, 'line 9: no kind');
like($why{10}[1], qr/2至32位字母或数字/, 'line 10: the code');
like($why{11}[1], qr/已被其他管理账号使用/, 'line 11: a phone already an admin\'s');
is(units_n(), $u0, 'no unit stored');
is(accts_n(), $a0, 'no account stored');
is($s->count(q{SELECT COUNT(*) FROM units WHERE code = 'ZZOK1'}), 0, '... not even the good row');
$r = upload('kfcity', 'scope.csv', csv($HEAD, 'KFX1,开封的单位,基层单位,,ZZSUP,,,'));
is($r->status, 400, 'another city cannot import under a Zhengzhou unit');

# --- broken files -------------------------------------------------------------------------

my $xl = xlsx('cut.xlsx', @xrows);
my $bombxml = '<?xml version="1.0"?><worksheet><sheetData>' . (' ' x (9 * 1024 * 1024))
    . '</sheetData></worksheet>';
my $bomb;
zip(\$bombxml => \$bomb, Name => 'xl/worksheets/sheet1.xml') or die $ZipError;
my $lol = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    . '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>';
my $laughs;
zip(\$lol => \$laughs, Name => 'xl/worksheets/sheet1.xml') or die $ZipError;
my $notsheet;
my $txt = 'hello';
zip(\$txt => \$notsheet, Name => 'readme.txt') or die $ZipError;
for my $case (
    ['an empty file', 'e.csv', '', qr/文件是空的/],
    ['a stray quote', 'q.csv', csv($HEAD, 'ZZQ1,郑州"市,主管单位,410100,,,,'), qr/第2行引号/],
    ['an unclosed quote', 'q2.csv', csv($HEAD, '"ZZQ2,郑州市,主管单位,410100,,,,'), qr/引号不配对/],
    ['bytes in no encoding', 'b.csv', "\xff\xfe\x00\x01\x80\x81", qr/编码无法识别/],
    ['a wrong header', 'h.csv', csv('代码,名称', 'ZZH1,郑州市'), qr/第一行应为表头/],
    ['only the header', 'o.csv', csv($HEAD), qr/除表头外没有单位/],
    ['a truncated XLSX', 'cut.xlsx', substr($xl, 0, int(length($xl) / 2)), qr/不是有效的XLSX/],
    ['a ZIP that is no XLSX', 'z.xlsx', $notsheet, qr/不是有效的XLSX/],
    ['a zip bomb', 'bomb.xlsx', $bomb, qr/压缩炸弹/],
    ['an XLSX part with entities (billion laughs)', 'lol.xlsx', $laughs, qr/不是有效的XLSX/],
    ['a cell over 200 bytes', 'long.csv', csv($HEAD, 'ZZL1,' . ('长' x 70) . ',主管单位,410100,,,,'), qr/超过200个字符/],
    ) {
	my ($what, $name, $bytes, $re) = @$case;
	($u0, $a0) = (units_n(), accts_n());
	$r = upload('city', $name, $bytes);
	is($r->status, 400, "$what: refused");
	like(msg($r), $re, '... saying why');
	is(units_n(), $u0, '... nothing stored');
}
$valid->($r, 'a refused file');
$r = $b{city}->post_multipart('/admin/units/import',
    { csrf => $b{city}->csrf('/admin/units/import') }, {}, accept => 'xml');
is($r->status, 400, 'no file: refused');
like(msg($r), qr/请选择要导入的/, '... saying so');

# --- gkbm-admin import-units -------------------------------------------------------------

my $f = "$TMP/cli.csv";
open(my $fh, '>:raw', $f) or die;
print $fh csv($HEAD, 'HNSZ1,河南省直属单位一,主管单位,410000,,,,', 'HNSZ101,省直一单位机关,基层单位,,HNSZ1,,,');
close $fh;
my ($rc, $out) = $s->admin({ may_fail => 1 }, 'import-units', $f);
is($rc, 0, 'gkbm-admin import-units imports as the province') or diag($out);
like($out, qr/2 units imported/, '... saying so');
is($s->count(q{SELECT COALESCE(city_code, 'none') FROM units WHERE code = 'HNSZ101'}), 'none',
    '... a 省直 unit, in no city');
($rc, $out) = $s->admin({ may_fail => 1 }, 'import-units', $f);
is($rc, 1, '... the same file again fails');
like($out, qr/导入过/, '... saying why');
open($fh, '>:raw', $f) or die;
print $fh csv($HEAD, 'KFZ1,开封的单位,主管单位,410100,,,,');
close $fh;
($rc, $out) = $s->admin({ may_fail => 1 }, 'import-units', $f, 'KFCITY');
is($rc, 1, 'as KFCITY a Zhengzhou unit is refused');
like($out, qr/row 2 .*不在本单位管辖范围内/, '... the row and why');
is($s->count(q{SELECT COUNT(*) FROM units WHERE code = 'KFZ1'}), 0, '... nothing stored');

$s->finish;
done_testing();
