# upload.t: photos and materials end to end (SPEC.md 3.4, SECURITY.md
# section 1 "Uploads"): every kind uploaded and stored re-encoded under a
# random name (no EXIF survives), every bad upload refused with its own
# message and nothing stored (no row, no file), level-1 kinds and the
# reviewer's kinds (R21), documents checked by content, 添加身份证号,
# deleting, and uploads after submission.
use strict;
use warnings;
use utf8;

use File::Find ();
use File::Temp qw(tempdir);
use IO::Compress::Zip qw(zip $ZipError);
use Test::More;
use GKBM;

my $s = GKBM->start(workers => 2);
my $dbh = $s->dbh;
my $Y = $s->year;
my $PW = 'Henan2026ok';
my $uploads = $s->dir . '/uploads';
my $DJPEG = GKBM::which('djpeg') or plan(skip_all => 'djpeg not installed');
my $SCHEMA = XML::LibXML::RelaxNG->new(location => GKBM::top_srcdir()
    . '/schema/xml/upload.rng');

sub valid {
	my ($r, $label) = @_;
	my $ok = $r->xml && eval { $SCHEMA->validate($r->xml); 1 };
	ok($ok, "$label: the document matches schema/xml/upload.rng")
	    or diag($@ || 'not XML');
}

# 李明, 王芳 and 赵一 (GKBM.pm's @UPLOAD_CANDIDATES).
my ($ID1, $ID2, $ID3) = $s->upload_candidates($PW, 3);

sub account_of {
	my ($name) = @_;
	return $s->count(q{SELECT id FROM accounts WHERE role = 'candidate'
	    AND name = ?}, $name);
}

# login_app(IDNO, NAME): GKBM.pm's login_app with this file's password,
# plus one test: the application exists.
sub login_app {
	my ($idno, $name) = @_;
	my ($b, $app, $acct) = $s->login_app($idno, $name, $PW);
	ok($app, "$name has an application");
	return ($b, $app, $acct);
}

my ($b1, $app1, $acct1) = login_app($ID1, '李明');
my ($b2, $app2, $acct2) = login_app($ID2, '王芳');
my ($b3, $app3, $acct3) = login_app($ID3, '赵一');
my $csrf1 = $b1->csrf('/home');
my $csrf3 = $b3->csrf('/home');

sub n_rows {
	my ($app) = @_;
	return $s->count('SELECT COUNT(*) FROM materials WHERE application_id = ?',
	    $app // $app1);
}

sub n_files {
	my $n = 0;
	File::Find::find(sub { $n++ if -f $_ }, $uploads);
	return $n;
}

sub stored {
	my ($id) = @_;
	my ($file) = $dbh->selectrow_array('SELECT file FROM materials WHERE id = ?',
	    undef, $id);
	return undef unless $file;
	return GKBM::_slurp("$uploads/" . substr($file, 0, 2) . "/$file");
}

# dims(JPEG): [w, h] as djpeg decodes it, or undef if it does not.
sub dims {
	my ($jpg) = @_;
	my $dir = tempdir('gkbm-dims-XXXXXX', TMPDIR => 1, CLEANUP => 1);
	GKBM::_spew("$dir/in.jpg", $jpg);
	my $ppm = `'$DJPEG' -pnm '$dir/in.jpg' 2>/dev/null`;
	return undef if $? || $ppm !~ /^P[56]\s+(\d+)\s+(\d+)\s/;
	return [$1, $2];
}

# with_exif(JPEG): the same image with an EXIF APP1 segment carrying a
# recognisable secret (as a phone's GPS position would be).
sub with_exif {
	my ($j) = @_;
	my $payload = "Exif\0\0MM\0\x2a\0\0\0\x08\0\0\0\0\0\0GKBM-GPS-SECRET-34.75N";
	return substr($j, 0, 2) . "\xff\xe1" . pack('n', length($payload) + 2)
	    . $payload . substr($j, 2);
}

sub up {
	my ($b, $csrf, $kind, $name, $bytes, %o) = @_;
	my %f = (csrf => $csrf, kind => $kind);
	$f{title} = $o{title} if defined $o{title};
	return $b->post_multipart('/apply/upload', \%f,
	    defined $name ? { file => [$name, $bytes, $o{type} // 'image/jpeg'] }
	    : {}, accept => $o{accept} // 'xml');
}

sub last_material {
	return $s->count('SELECT MAX(id) FROM materials WHERE application_id = ?',
	    $_[0] // $app1);
}

my $err = "/upload/form/field[\@name='file']/error";

# refused(LABEL, RESPONSE, STATUS, FIELD, MESSAGE-RE): refused with the
# message next to FIELD and nothing stored.
my ($rows0, $files0);
sub snapshot { ($rows0, $files0) = (n_rows(), n_files()) }
sub refused {
	my ($label, $r, $status, $field, $re) = @_;
	is($r->status, $status, "$label: $status") or diag($r->dump);
	like($r->xpath("/upload/form/field[\@name='$field']/error") // '', $re,
	    "$label: the message");
	is(n_rows(), $rows0, "$label: no row");
	is(n_files(), $files0, "$label: no file left on disk");
	valid($r, $label) if $r->xml;
}

# --- the photo ------------------------------------------------------------

my $PHOTO = GKBM::jpeg(413, 626);
my $r = up($b1, $csrf1, 'photo', 'photo.jpg', with_exif($PHOTO));
is($r->status, 303, 'a 413x626 photo with EXIF is accepted') or diag($r->dump);
is($r->header('location'), '/apply?m=uploaded#materials', '... back to the materials');
my $photo1 = last_material();
my $bytes = stored($photo1);
ok(defined $bytes && length $bytes, 'the photo is on disk');
is_deeply(dims($bytes), [413, 626], 'the stored photo decodes as 413x626');
unlike($bytes, qr/Exif|GKBM-GPS-SECRET/, 'no EXIF survives re-encoding');
isnt($bytes, with_exif($PHOTO), 'the stored bytes are not the upload');
my ($pfile, $pmime, $ptitle, $pby) = $dbh->selectrow_array('SELECT file, mime, '
    . 'title, uploaded_by FROM materials WHERE id = ?', undef, $photo1);
like($pfile, qr/^[0-9a-f]{64}$/, 'stored under a random 64-hex name');
ok(-f "$uploads/" . substr($pfile, 0, 2) . "/$pfile", '... under upload_dir/xx/');
is($pmime, 'image/jpeg', 'mime image/jpeg');
is($ptitle, 'photo', 'the shown name is the file name without .jpg');
is($pby, $acct1, 'uploaded_by is the candidate');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'material.upload'
    AND object = ?}, "material:$photo1"), 1, 'the upload is audited');
like($s->count(q{SELECT reason FROM audit WHERE event = 'material.upload'
    AND object = ?}, "material:$photo1"), qr/^photo application:\Q$app1\E/,
    '... with the kind and the application');

# A larger photo of the right proportions is scaled down and replaces it.
$dbh->do('UPDATE applications SET photo_stamped = 1 WHERE id = ?', undef, $app1);
snapshot();
$r = up($b1, $csrf1, 'photo', 'big.jpg', GKBM::jpeg(826, 1252));
is($r->status, 303, 'an 826x1252 photo is accepted') or diag($r->dump);
my $photo2 = last_material();
is_deeply(dims(stored($photo2)), [413, 626], '... scaled down to 413x626');
is($s->count(q{SELECT COUNT(*) FROM materials WHERE application_id = ?
    AND kind = 'photo'}, $app1), 1, 'one photo per application');
ok(!-f "$uploads/" . substr($pfile, 0, 2) . "/$pfile", 'the old photo file is gone');
is(n_files(), $files0, 'as many files as before');
is($s->count('SELECT photo_stamped FROM applications WHERE id = ?', $app1), 0,
    'a new photo is not stamped');

snapshot();
refused('a square photo', up($b1, $csrf1, 'photo', 'sq.jpg',
    GKBM::jpeg(600, 600)), 400, 'file', qr/比例|413/);
refused('a photo smaller than 413x626', up($b1, $csrf1, 'photo', 'small.jpg',
    GKBM::jpeg(300, 454)), 400, 'file', qr/413/);

# --- every other image kind --------------------------------------------------

for my $k (qw(idcard material r19proof exc_evidence)) {
	snapshot();
	my $jpg = with_exif(GKBM::jpeg(320, 200));
	$r = up($b1, $csrf1, $k, "$k.jpg", $jpg);
	is($r->status, 303, "kind $k accepted") or diag($r->dump);
	my $id = last_material();
	is($s->count('SELECT kind FROM materials WHERE id = ?', $id), $k,
	    "kind $k stored");
	my $got = stored($id);
	is_deeply(dims($got), [320, 200], "kind $k decodes, same size");
	unlike($got, qr/Exif|GKBM-GPS-SECRET/, "kind $k: no EXIF");
	is(n_files(), $files0 + 1, "kind $k: one more file");
}
snapshot();
$r = up($b1, $csrf1, 'idcard', 'id2.jpg', GKBM::jpeg(320, 200));
is($r->status, 303, 'a second ID-card photo') or diag($r->dump);
is($s->count(q{SELECT COUNT(*) FROM materials WHERE application_id = ?
    AND kind = 'idcard'}, $app1), 1, '... replaces the first');
is(n_files(), $files0, '... and its file');
$r = up($b1, $csrf1, 'material', 'm2.jpg', GKBM::jpeg(320, 200));
is($r->status, 303, 'a second material') or diag($r->dump);
is($s->count(q{SELECT COUNT(*) FROM materials WHERE application_id = ?
    AND kind = 'material'}, $app1), 2, '... any number of materials');

# --- bad uploads: each refused, nothing stored --------------------------------

my $JPG = GKBM::jpeg(320, 200);
snapshot();
refused('not a JPEG', up($b1, $csrf1, 'material', 'a.jpg',
    "GIF89a this is not a jpeg at all"), 400, 'file', qr/不是JPG格式/);
refused('a PNG', up($b1, $csrf1, 'material', 'a.png',
    "\x89PNG\r\n\x1a\n" . ("\0" x 200)), 400, 'file', qr/不是JPG格式/);
refused('a truncated JPEG', up($b1, $csrf1, 'material', 't.jpg',
    substr($JPG, 0, int(length($JPG) / 2))), 400, 'file', qr/损坏或不完整/);
refused('a JPEG header on other content', up($b1, $csrf1, 'material', 'h.jpg',
    "\xff\xd8\xff\xe0\0\x10JFIF\0" . ("x" x 5000)), 400, 'file',
    qr/损坏或不完整|不是JPG/);
refused('zero bytes', up($b1, $csrf1, 'material', 'zero.jpg', ''), 400,
    'file', qr/未选择文件或文件为空|请选择要上传的文件/);
refused('no file part', up($b1, $csrf1, 'material', undef, undef), 400,
    'file', qr/请选择要上传的文件/);
refused('over 4 MB', up($b1, $csrf1, 'material', 'big.jpg',
    "\xff\xd8\xff" . ("\0" x (4 * 1024 * 1024 + 10))), 413, 'file',
    qr/不超过4MB/);
$r = up($b1, $csrf1, 'material', 'huge.jpg', "\xff\xd8\xff" . ("\0" x (9 * 1024 * 1024)));
is($r->status, 413, 'over 8 MB: nginx answers 413');
is(n_rows(), $rows0, 'over 8 MB: no row');
refused('an unknown kind', up($b1, $csrf1, 'passport', 'p.jpg', $JPG), 400,
    'kind', qr/请选择上传资料的类别/);
refused('the salary form (R21)', up($b3, $csrf3, 'l1_salary', 's.jpg', $JPG),
    400, 'kind', qr/由上级审核员上传/);
refused('the appraisal evidence (R21)', up($b3, $csrf3, 'l1_appraisal', 'a.jpg',
    $JPG), 400, 'kind', qr/由上级审核员上传/);
refused('a level-1 kind for level 5', up($b1, $csrf1, 'l1_cert', 'c.jpg', $JPG),
    400, 'kind', qr/仅申报一级/);
refused('a document for level 5', up($b1, $csrf1, 'document', 'd.docx', 'x',
    title => '工作总结'), 400, 'kind', qr/仅申报一级/);
$r = $b1->post_multipart('/apply/upload', { kind => 'material' },
    { file => ['a.jpg', $JPG, 'image/jpeg'] }, accept => 'xml');
is($r->status, 403, 'without the CSRF token: 403');
is(n_rows(), $rows0, 'without the CSRF token: no row');

# A path in the file name: never used for storage, shown without the path.
snapshot();
$r = up($b1, $csrf1, 'material', '../../../etc/cron.d/evil.jpg', $JPG);
is($r->status, 303, 'a file name with a path is accepted') or diag($r->dump);
my $evil = last_material();
my ($ef, $et) = $dbh->selectrow_array('SELECT file, title FROM materials WHERE id = ?',
    undef, $evil);
like($ef, qr/^[0-9a-f]{64}$/, '... stored under a random name');
is($et, 'evil', '... shown as its base name only');
ok(!-e $s->dir . '/etc/cron.d/evil.jpg' && !-e "$uploads/../etc/cron.d/evil.jpg",
    '... nothing written where the path points');
$r = up($b1, $csrf1, 'material', 'C:\\Users\\张三\\Desktop\\毕业证.jpg', $JPG);
is($r->status, 303, 'a Windows path in the file name') or diag($r->dump);
is($s->count('SELECT title FROM materials WHERE id = ?', last_material()),
    '毕业证', '... shown without the path');
# The refusal page shows the name the browser sent, without the path.
$r = up($b1, $csrf1, 'material', '/home/x/坏图.jpg', 'not a jpeg');
is($r->xpath("/upload/form/field[\@name='file']/\@shown"), '坏图',
    'a refused file is named without its path');
$r = up($b1, $csrf1, 'material', 'bad.jpg', 'not a jpeg', accept => 'html');
is($r->status, 400, 'the refusal as HTML: 400');
like($r->text, qr/不是JPG格式/, 'the HTML page says why');
like($r->text, qr{action="/apply/upload"}, 'and offers the upload again');
# Issue 6 item 1: 重新上传's 资料类别 has real values, Chinese labels and
# the refused kind as its single selected option.
{
	my ($sel) = $r->text =~ m{<select id="f-kind" name="kind"[^>]*>(.*?)</select>}s;
	ok(defined $sel, '重新上传 has the kind select');
	like($sel // '', qr{<option value="material" selected>报名资料</option>},
	    '... 报名资料 selected, with its value');
	like($sel // '', qr{<option value="photo">个人照片</option>}, '... 个人照片 offered');
	is(scalar(() = ($sel // '') =~ /selected/g), 1, '... one option selected');
}
$r = $b1->post_multipart('/apply/upload', { csrf => $csrf1, kind => '' },
    { file => ['x.jpg', $JPG, 'image/jpeg'] }, accept => 'html');
{
	my ($sel) = $r->text =~ m{<select id="f-kind" name="kind"[^>]*>(.*?)</select>}s;
	is(scalar(() = ($sel // '') =~ /selected/g), 0,
	    'no kind given: no option selected (请选择 shows)');
}

# --- level-1 documents --------------------------------------------------------------

sub zipped {
	my (%files) = @_;
	my $out;
	my @names = sort keys %files;
	my $first = shift @names;
	my $z = IO::Compress::Zip->new(\$out, Name => $first, Minimal => 1)
	    or die $ZipError;
	print $z $files{$first};
	for my $n (@names) {
		$z->newStream(Name => $n, Minimal => 1);
		print $z $files{$n};
	}
	$z->close;
	return $out;
}
my $CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
my $DOC = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>';
my $DOCX = zipped('[Content_Types].xml' => $CT, 'word/document.xml' => $DOC);

snapshot();
$r = up($b3, $csrf3, 'document', 'anything.docx', $DOCX, title => '主要技术业务工作业绩',
    type => 'application/octet-stream');
is($r->status, 303, 'a level-1 docx with a title') or diag($r->dump);
my $doc = last_material($app3);
my ($dm, $dt) = $dbh->selectrow_array('SELECT mime, title FROM materials WHERE id = ?',
    undef, $doc);
like($dm, qr/wordprocessingml/, '... stored as docx by content');
is($dt, '主要技术业务工作业绩', '... named by its title');
is(stored($doc), $DOCX, '... stored as is');

sub refused3 {
	my ($label, $r, $status, $field, $re) = @_;
	is($r->status, $status, "$label: $status") or diag($r->dump);
	like($r->xpath("/upload/form/field[\@name='$field']/error") // '', $re,
	    "$label: the message");
	is(n_rows($app3), $rows0, "$label: no row");
	is(n_files(), $files0, "$label: no file left on disk");
}
($rows0, $files0) = (n_rows($app3), n_files());
refused3('a document without a title', up($b3, $csrf3, 'document', 'd.docx',
    $DOCX, title => ''), 400, 'title', qr/请填写文档标题/);
refused3('a title with a path', up($b3, $csrf3, 'document', 'd.docx', $DOCX,
    title => '../简历'), 400, 'title', qr/不能含有/);
refused3('a title of 51 characters', up($b3, $csrf3, 'document', 'd.docx',
    $DOCX, title => '字' x 51), 400, 'title', qr/1至50个字/);
refused3('a zip bomb', up($b3, $csrf3, 'document', 'bomb.docx',
    zipped('[Content_Types].xml' => $CT, 'word/document.xml' => $DOC,
    'word/media/zeros.bin' => "\0" x (60 * 1024 * 1024)), title => '炸弹'),
    400, 'file', qr/过大|压缩比/);
my $elf = GKBM::_slurp('/bin/true');
refused3('an executable named .doc', up($b3, $csrf3, 'document', 'x.doc', $elf,
    title => '程序'), 400, 'file', qr/可执行文件/);
refused3('a docx with a macro', up($b3, $csrf3, 'document', 'm.docx',
    zipped('[Content_Types].xml' => $CT, 'word/document.xml' => $DOC,
    'word/vbaProject.bin' => "macro" x 10), title => '宏'), 400, 'file',
    qr/宏/);
refused3('a JPEG as a document', up($b3, $csrf3, 'document', 'x.docx', $JPG,
    title => '图片'), 400, 'file', qr/图片，不是Word文档/);
snapshot();
$r = up($b3, $csrf3, 'l1_cert', 'cert.jpg', $JPG);
is($r->status, 303, 'level 1: the level-2 certificate') or diag($r->dump);

# --- 添加身份证号 ---------------------------------------------------------------

my $csrf2 = $b2->csrf('/home');
$r = $b2->post('/apply/stamp', { csrf => $csrf2 }, accept => 'xml');
is($r->status, 409, 'stamp without a photo: 409') or diag($r->dump);
like($r->xpath('/upload/form/message') // '', qr/请先上传个人照片/,
    '... says to upload the photo first');
$r = up($b2, $csrf2, 'photo', 'me.jpg', $PHOTO);
is($r->status, 303, 'her photo') or diag($r->dump);
my $ph = last_material($app2);
my $before = stored($ph);
my ($f_before) = $dbh->selectrow_array('SELECT file FROM materials WHERE id = ?',
    undef, $ph);
snapshot();
$r = $b2->post('/apply/stamp', { csrf => $csrf2 }, accept => 'xml');
is($r->status, 303, '添加身份证号') or diag($r->dump);
is($r->header('location'), '/apply?m=stamped#materials', '... back to the materials');
is($s->count('SELECT photo_stamped FROM applications WHERE id = ?', $app2), 1,
    'photo_stamped = 1');
my $after = stored($ph);
is_deeply(dims($after), [413, 626], 'the stamped photo decodes, 413x626');
isnt($after, $before, 'the stamped photo differs');
my ($f_after) = $dbh->selectrow_array('SELECT file FROM materials WHERE id = ?',
    undef, $ph);
isnt($f_after, $f_before, '... stored as a new file');
ok(!-f "$uploads/" . substr($f_before, 0, 2) . "/$f_before", '... the old one removed');
is(n_files(), $files0, 'as many files as before');
unlike($after, qr/\Q$ID2\E/, 'the ID number is pixels, not text in the file');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'photo.stamp'
    AND object = ?}, "material:$ph"), 1, 'the stamp is audited');
unlike($s->count(q{SELECT GROUP_CONCAT(reason, object) FROM audit}) // '',
    qr/\Q$ID2\E/, 'the ID number is not in the audit');
$r = $b2->post('/apply/stamp', { csrf => $csrf2 }, accept => 'xml');
is($r->status, 409, 'a second stamp: 409') or diag($r->dump);
like($r->xpath('/upload/form/message') // '', qr/已添加身份证号/, '... says it is done');
valid($r, 'the refused stamp');

# --- deleting ---------------------------------------------------------------------

my $m1 = $s->count(q{SELECT MIN(id) FROM materials WHERE application_id = ?
    AND kind = 'material'}, $app1);
my $mine_file = $s->count('SELECT file FROM materials WHERE id = ?', $m1);
snapshot();
$r = $b2->post('/apply/delete', { csrf => $csrf2, id => $m1 }, accept => 'xml');
is($r->status, 404, "deleting another candidate's material: 404") or diag($r->dump);
is(n_rows(), $rows0, '... nothing deleted');
$r = $b1->post('/apply/delete', { csrf => $csrf1, id => 999999 }, accept => 'xml');
is($r->status, 404, 'deleting an unknown id: 404');
$r = $b1->post('/apply/delete', { csrf => $csrf1, id => 'abc' }, accept => 'xml');
is($r->status, 404, 'deleting a malformed id: 404');
$r = $b1->post('/apply/delete', { csrf => $csrf1, id => $photo2 }, accept => 'xml');
is($r->status, 409, 'deleting the photo: 409') or diag($r->dump);
like($r->xpath('/upload/form/message') // '', qr/不能删除.*重新上传/, '... replace it instead');
valid($r, 'the refused delete');
is(n_rows(), $rows0, '... nothing deleted');
$r = $b1->post('/apply/delete', { csrf => $csrf1, id => $m1 }, accept => 'xml');
is($r->status, 303, 'deleting own material') or diag($r->dump);
is($r->header('location'), '/apply?m=deleted#materials', '... back to the materials');
is(n_rows(), $rows0 - 1, '... the row is gone');
is(n_files(), $files0 - 1, '... the file is gone');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'material.delete'
    AND object = ?}, "material:$m1"), 1, '... audited');

# --- after submission ----------------------------------------------------------------

$dbh->do(q{UPDATE applications SET state = 'submitted' WHERE id = ?}, undef, $app1);
snapshot();
$r = up($b1, $csrf1, 'material', 'late.jpg', $JPG);
is($r->status, 409, 'an upload after submission: 409') or diag($r->dump);
like($r->xpath('/upload/form/message') // '', qr/已提交/, '... says why');
is(n_rows(), $rows0, '... no row');
is(n_files(), $files0, '... no file');
my $m2 = $s->count(q{SELECT MAX(id) FROM materials WHERE application_id = ?
    AND kind = 'material'}, $app1);
$r = $b1->post('/apply/delete', { csrf => $csrf1, id => $m2 }, accept => 'xml');
is($r->status, 409, 'a delete after submission: 409') or diag($r->dump);
is(n_rows(), $rows0, '... nothing deleted');
$dbh->do(q{UPDATE applications SET state = 'returned' WHERE id = ?}, undef, $app1);
$r = up($b1, $csrf1, 'material', 'again.jpg', $JPG);
is($r->status, 303, 'a returned application takes uploads again') or diag($r->dump);

# --- the disk refuses the write (SECURITY.md section 5, fault 3) -------------------

# Every upload_dir/xx made a plain file: creating the temporary file fails
# as on a full or broken disk.  The old photo must survive a failed
# replacement.
my @moved;
for my $i (0 .. 255) {
	my $d = sprintf('%s/%02x', $uploads, $i);
	if (-d $d) {
		rename($d, "$d.keep") or die "rename $d: $!";
		push @moved, $d;
	}
	GKBM::_spew($d, '');
}
snapshot();
my $photo_now = $s->count(q{SELECT id FROM materials WHERE application_id = ?
    AND kind = 'photo'}, $app1);
$r = up($b1, $csrf1, 'material', 'disk.jpg', $JPG);
is($r->status, 503, 'the disk fails: 503') or diag($r->dump);
like($r->xpath($err) // '', qr/未保存.*稍后重新上传/, '... says nothing was saved');
is(n_rows(), $rows0, '... no row');
is(n_files(), $files0, '... no file, no temporary file left');
$r = up($b1, $csrf1, 'photo', 'p.jpg', $PHOTO);
is($r->status, 503, 'a photo replacement on a failing disk: 503');
is($s->count(q{SELECT id FROM materials WHERE application_id = ?
    AND kind = 'photo'}, $app1), $photo_now, '... the old photo stays');
for my $i (0 .. 255) {
	unlink(sprintf('%s/%02x', $uploads, $i));
}
rename("$_.keep", $_) or die "rename $_: $!" for @moved;
ok(defined stored($photo_now) && length stored($photo_now), '... and its file');

# --- roles ----------------------------------------------------------------------------

$r = $s->browser->post_multipart('/apply/upload', { kind => 'material' },
    { file => ['a.jpg', $JPG, 'image/jpeg'] }, accept => 'xml');
is($r->status, 403, 'an anonymous upload: 403');

$s->finish;
done_testing;
