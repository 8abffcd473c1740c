# register.t: candidate registration end to end (SPEC.md 3.1, SECURITY.md
# section 1): the notice, SMS codes, a full registration with the sealed ID
# number and the stored ID-card photo, every validation failure with its
# own message next to its field (400, no account), duplicates, the SMS
# rate limit, and a closed registration window.  The retry (regkeep.c):
# what a refused registration keeps, and the order of the checks (the SMS
# code before "already registered" and before the photo is decoded) are
# in register_retry.t.
use strict;
use warnings;
use utf8;

use File::Find ();
use File::Temp ();
use POSIX ();
use Test::More;
use GKBM;

my $s = GKBM->start(workers => 2);
my $dbh = $s->dbh;
my $b = $s->browser;

my $CONSENT = 'v2026.1';
my $PW = 'Henan2026ok';
my $NAME = '张三丰';
my $ID1 = '41010519900307107X';		# male, check digit X
my $BIRTH1 = '1990-03-07';
my $ID2 = '410181199506122007';		# female
my ($P1, $P2, $P3, $P4) = qw(13912340001 13912340002 13912340003
    13912340004);
my $JPG = GKBM::jpeg(200, 150);
my $uploads = $s->dir . '/uploads';

sub n_accounts {
	return $s->count(q{SELECT COUNT(*) FROM accounts WHERE role = 'candidate'});
}

# n_files: the stored files but those a refused registration keeps for
# its retry (register_keep, register_retry.t).
sub n_files {
	my %kept = map { $_->[0] => 1 } @{ $dbh->selectall_arrayref(
	    'SELECT file FROM register_keep WHERE file IS NOT NULL') };
	my $n = 0;
	File::Find::find(sub { $n++ if -f $_ && !$kept{$_} }, $uploads);
	return $n;
}

sub n_codes { return $s->count('SELECT COUNT(*) FROM sms_codes') }

sub last_code_id { return $s->count('SELECT MAX(id) FROM sms_codes') }

sub code_used {
	my ($id) = @_;
	return $s->count('SELECT used_at IS NOT NULL FROM sms_codes WHERE id = ?',
	    $id);
}

# --- the notice and the form --------------------------------------------

my $r = $b->get('/register/notice', accept => 'xml');
is($r->status, 200, 'GET /register/notice') or diag($r->dump);
is($r->root, 'notice', 'the notice page');
is($r->xpath('/notice/consent-version'), $CONSENT, 'the notice names the consent version');
is($r->xpath('/notice/window/@open'), '1', 'the notice shows the open window');
$r = $b->get('/register/notice');
is($r->status, 200, 'the notice renders as HTML');
like($r->text, qr/须知/, 'the HTML notice is the notice');

$r = $b->get('/register');
is($r->status, 303, 'GET /register without consent redirects');
like($r->header('location') // '', qr{^/register/notice$}, '... to the notice');
$r = $b->get('/register?consent=v1999.0');
is($r->status, 303, 'GET /register with another consent version redirects');
like($r->header('location') // '', qr{^/register/notice$}, '... to the notice');

$r = $b->get("/register?consent=$CONSENT", accept => 'xml');
is($r->status, 200, 'GET /register after consent') or diag($r->dump);
is($r->xpath("/register/form/field[\@name='consent']/\@value"), $CONSENT,
    'the form carries the consent version');
ok(scalar($r->nodes("/register/regions/region[\@code='410100' and \@kind='city']")),
    'the regions list a city (410100)');
ok(scalar($r->nodes("/register/regions/region[\@code='410181' and \@kind='direct_county']")),
    'the regions list a direct county (410181)');
ok(!scalar($r->nodes("/register/regions/region[\@code='410105']")),
    'the regions do not list an ordinary county (410105)');
is(scalar(() = $r->nodes('/register/levels/level')), 5, 'five levels');

my $csrf = $r->xpath('/register/meta/csrf');
ok(length($csrf // ''), 'a CSRF token for the form');

# --- SMS codes ------------------------------------------------------------

# A registration code needs the image captcha first (issue 7; captcha.c).
sub send_code {
	my ($phone, %o) = @_;
	$s->captcha($b);
	return $b->post_multipart('/register', { csrf => $csrf,
	    consent => $CONSENT, phone => $phone, send_code => 1,
	    captcha => '2468' }, {}, accept => 'xml', %o);
}

my $codes0 = n_codes();
$r = send_code($P1);
is($r->status, 200, 'send_code answers 200') or diag($r->dump);
is($r->xpath('/register/form/@status'), 'sent', 'the form status is sent');
like($r->xpath('/register/form/message') // '', qr/验证码已发送/,
    'the form says the code was sent');
is($r->xpath("/register/form/field[\@name='phone']/\@value"), $P1,
    'the phone is kept in the form');
my $C1 = $s->sms_code($P1);
like($C1 // '', qr/^\d{6}$/, 'the SMS with the code arrived');
my $C1id = last_code_id();
is(n_codes(), $codes0 + 1, 'one sms_codes row');
unlike($r->body, qr/\Q$C1\E/, 'the code is not in the page') if $C1;
is($s->count('SELECT LENGTH(code_mac) FROM sms_codes WHERE id = ?', $C1id),
    32, 'only a 32-byte keyed hash of the code is stored');

# SMS rate limit: a second send within 60 s is refused.
$r = send_code($P1);
is($r->status, 400, 'a second code within 60 s: 400') or diag($r->dump);
like($r->xpath("/register/form/field[\@name='phone']/error") // '',
    qr/60秒后再重新获取/, 'a second code within 60 s: the wait message');
is(n_codes(), $codes0 + 1, 'a second code within 60 s: no new code');
ok(!defined $s->sms_code($P1, 1), 'a second code within 60 s: no SMS');

$r = send_code('12912345678');
is($r->status, 400, 'send_code to a non-mobile number: 400');
like($r->xpath("/register/form/field[\@name='phone']/error") // '',
    qr/不是有效的大陆手机号段/, 'send_code to a non-mobile number: message');
is(n_codes(), $codes0 + 1, 'send_code to a non-mobile number: no code');

$r = send_code($P2);
is($r->status, 200, 'a code for a second phone') or diag($r->dump);
my $C2 = $s->sms_code($P2);
my $C2id = last_code_id();
$r = send_code($P3);
is($r->status, 200, 'a code for a third phone') or diag($r->dump);
my $C3 = $s->sms_code($P3);
my $C3id = last_code_id();
ok($C2 && $C3, 'both codes arrived');

# --- registration: every validation failure ---------------------------------

my %base = (
	csrf => $csrf, consent => $CONSENT, region => '410100', level => 5,
	idno => $ID1, birth => $BIRTH1, name => $NAME, phone => $P1,
	password => $PW, password2 => $PW,
);

# jpeg_dims(JPEG): [width, height] as djpeg decodes it, or undef.
sub jpeg_dims {
	my ($jpg) = @_;
	my $djpeg = GKBM::which('djpeg') or return undef;
	my $dir = File::Temp::tempdir('gkbm-dims-XXXXXX', TMPDIR => 1,
	    CLEANUP => 1);
	GKBM::_spew("$dir/in.jpg", $jpg);
	my $ppm = `'$djpeg' -pnm '$dir/in.jpg' 2>/dev/null`;
	return undef if $? || $ppm !~ /^P[56]\s+(\d+)\s+(\d+)\s/;
	return [$1, $2];
}

# reg({field => value or undef to leave out}, [files], [accept]).
sub reg {
	my ($over, $files, $accept) = @_;
	my %f = (%base, %{ $over || {} });
	delete $f{$_} for grep { !defined $f{$_} } keys %f;
	$files //= { idcard => ['idcard.jpg', $JPG, 'image/jpeg'] };
	return $b->post_multipart('/register', \%f, $files,
	    accept => $accept // 'xml');
}

my $acc0 = n_accounts();
my $files0 = n_files();
is($acc0, 0, 'no candidate yet');
is($files0, 0, 'no upload yet');

# refused(WHAT, {over}, FIELD, qr/message/, [files], [also]): the error at
# FIELD, and none elsewhere (but on the fields listed in also).  Sent
# without an SMS code, the form also asks for one: not counted here.
sub refused {
	my ($what, $over, $field, $re, $files, $also) = @_;
	my %sent = (%base, %{ $over || {} });
	$also = [@{ $also || [] }, 'sms_code'] unless defined $sent{sms_code}
	    || defined $sent{keep} || $field eq 'sms_code'
	    || grep { $_ eq 'phone' } $field, @{ $also || [] };
	my $r = reg($over, $files);
	is($r->status, 400, "$what: 400") or diag($r->dump);
	is($r->xpath('/register/form/@status'), 'invalid',
	    "$what: form status invalid");
	like($r->xpath("/register/form/field[\@name='$field']/error") // '',
	    $re, "$what: the message next to $field") or diag($r->text);
	my @errs = sort map { $_->getAttribute('name') }
	    $r->nodes('/register/form/field[error]/.');
	is_deeply(\@errs, [sort $field, @{ $also || [] }],
	    "$what: no error on other fields");
	is(n_accounts(), $acc0, "$what: no account stored");
	is(n_files(), $files0, "$what: no file stored");
	return $r;
}

refused('consent missing', { consent => undef }, 'consent', qr/请先阅读申报人员须知/);
refused('consent wrong', { consent => 'v1999.0' }, 'consent', qr/请先阅读申报人员须知/);
refused('region missing', { region => undef }, 'region', qr/请选择省辖市、直辖县/);
refused('region unknown', { region => '419999' }, 'region', qr/请选择省辖市、直辖县/);
refused('region an ordinary county', { region => '410105' }, 'region',
    qr/请选择省辖市、直辖县/);
refused('region the province', { region => '410000' }, 'region',
    qr/请选择省辖市、直辖县/);
for my $lv (undef, '0', '6', 'abc', '5x', '') {
	refused('level ' . ($lv // 'missing'), { level => $lv }, 'level',
	    qr/请选择申报等级/);
}

my $png = "\x89PNG\r\n\x1a\n" . ("\0" x 200);
refused('ID photo missing', {}, 'idcard', qr/请选择身份证照片/, {});
refused('ID photo PNG bytes', {}, 'idcard', qr/不是JPG格式/,
    { idcard => ['id.jpg', $png, 'image/jpeg'] });
refused('ID photo JPEG header on text', {}, 'idcard', qr/已损坏或不完整/,
    { idcard => ['id.jpg', "\xff\xd8\xff\xe0" . ('hello world ' x 50),
    'image/jpeg'] });
refused('ID photo zero bytes', {}, 'idcard', qr/文件为空/,
    { idcard => ['id.jpg', '', 'image/jpeg'] });
refused('ID photo over 4 MB', {}, 'idcard', qr/文件过大.*4MB/,
    { idcard => ['id.jpg', "\xff\xd8\xff\xe0" . ('x' x (4 * 1024 * 1024)),
    'image/jpeg'] });
refused('ID photo too small', {}, 'idcard', qr/尺寸过小/,
    { idcard => ['id.jpg', GKBM::jpeg(64, 48), 'image/jpeg'] });

my $next_year = $s->year + 1;
my $bad_check = substr($ID1, 0, 17) . '1';
refused('ID number empty', { idno => '' }, 'idno', qr/请输入身份证号/);
refused('ID number 17 characters', { idno => substr($ID1, 0, 17) }, 'idno',
    qr/应为18位/);
refused('ID number with letters', { idno => '4101051990030710AX' }, 'idno',
    qr/前17位应为数字/);
refused('ID number unknown province 99', {
    idno => GKBM::idno('990105', '19900307', '107') }, 'idno',
    qr/前两位不是有效的省级行政区划代码/);
refused('ID number impossible date Feb 30', {
    idno => GKBM::idno('410105', '19900230', '107') }, 'idno',
    qr/出生日期（第7至14位）不正确/);
refused('ID number future date', {
    idno => GKBM::idno('410105', "${next_year}0101", '107') }, 'idno',
    qr/出生日期（第7至14位）不正确/);
refused('ID number wrong check digit', { idno => $bad_check }, 'idno',
    qr/校验位不正确/);
refused('birth date not matching', { birth => '1990-03-08' }, 'birth',
    qr/出生日期与身份证号不一致/);
# Left empty, the birth date and gender are taken from the ID number.
{
	my $r = reg({ birth => undef, gender => undef, name => '' });
	is($r->status, 400, 'birth date and gender empty: refused for the name');
	ok(!defined $r->xpath("/register/form/field[\@name='birth']/error"),
	    'birth date empty: no error');
	is($r->xpath("/register/form/field[\@name='birth']/\@value"), $BIRTH1,
	    '... it is filled from the ID number');
	is($r->xpath("/register/form/field[\@name='gender']/\@value"), 'M',
	    '... and so is the gender');
}
refused('birth date malformed', { birth => '1990/03/07' }, 'birth',
    qr/年-月-日/);
refused('gender not matching', { gender => 'F' }, 'gender',
    qr/性别与身份证号不一致/);
refused('gender neither M nor F', { gender => 'X' }, 'gender',
    qr/性别与身份证号不一致/);

refused('name empty', { name => '' }, 'name', qr/请输入姓名/);
refused('name 1 character', { name => '张' }, 'name', qr/2至20个汉字/);
refused('name 21 characters', { name => '张' x 21 }, 'name', qr/2至20个汉字/);
refused('name Latin letters', { name => 'Zhang San' }, 'name', qr/2至20个汉字/);
refused('name with digits', { name => '张三1' }, 'name', qr/2至20个汉字/);
refused('name with a leading middle dot', { name => '·张三' }, 'name',
    qr/不能在开头或结尾/);
refused('name with a trailing middle dot', { name => '张三·' }, 'name',
    qr/不能在开头或结尾/);

refused('phone empty', { phone => '' }, 'phone', qr/请输入手机号码/);
refused('phone 10 digits', { phone => '1391234000' }, 'phone', qr/请输入11位手机号码/);
refused('phone 12 digits', { phone => '139123400011' }, 'phone', qr/请输入11位手机号码/);
refused('phone non-mobile prefix 12x', { phone => '12912340001' }, 'phone',
    qr/不是有效的大陆手机号段/);

refused('password empty', { password => '', password2 => '' }, 'password',
    qr/请输入密码/, undef, ['password2']);
refused('password 7 characters', { password => 'Abc1234', password2 => 'Abc1234' },
    'password', qr/字母、数字组合，8位以上/);
refused('password letters only', { password => 'abcdefghij',
    password2 => 'abcdefghij' }, 'password', qr/字母、数字组合/);
refused('password digits only', { password => '1357924680',
    password2 => '1357924680' }, 'password', qr/字母、数字组合/);
refused('password containing the ID number', { password => "a$ID1",
    password2 => "a$ID1" }, 'password', qr/不能包含身份证号/);
refused('password containing the ID number (lower-case x)',
    { password => 'a' . lc $ID1, password2 => 'a' . lc $ID1 }, 'password',
    qr/不能包含身份证号/);
refused('password containing the birth date', { password => 'abc19900307',
    password2 => 'abc19900307' }, 'password', qr/不能包含身份证号/);
refused('password with the name pinyin', { password => 'zhangsanfeng1',
    password2 => 'zhangsanfeng1' }, 'password', qr/不能包含姓名拼音/);
refused('password initials+123456', { password => 'zsf123456',
    password2 => 'zsf123456' }, 'password', qr/姓名拼音首字母/);
refused('password common (password123)', { password => 'password123',
    password2 => 'password123' }, 'password', qr/太常见/);
refused('password common, other case (Password123)', {
    password => 'Password123', password2 => 'Password123' }, 'password',
    qr/太常见/);
refused('password2 mismatch', { password2 => "${PW}x" }, 'password2',
    qr/两次输入的密码不一致/);
refused('password2 empty', { password2 => '' }, 'password2', qr/请再次输入密码/);

ok(!code_used($C1id), 'after the field errors the code is still unused');

# The SMS code.
refused('SMS code missing', { sms_code => undef }, 'sms_code', qr/请输入短信验证码/);
refused('SMS code 5 digits', { sms_code => substr($C1, 0, 5) }, 'sms_code',
    qr/6位数字/);
my $wrong = sprintf('%06d', ($C1 + 1) % 1000000);
refused('SMS code wrong', { sms_code => $wrong }, 'sms_code', qr/短信验证码不正确/);
is($s->count('SELECT tries FROM sms_codes WHERE id = ?', $C1id), 1,
    'the wrong code counted one try');
$dbh->do('UPDATE sms_codes SET created_at = NOW() - INTERVAL 6 MINUTE '
    . 'WHERE id = ?', undef, $C1id);
refused('SMS code stale (6 minutes)', { sms_code => $C1 }, 'sms_code',
    qr/已过期/);
$dbh->do('UPDATE sms_codes SET created_at = NOW() WHERE id = ?', undef, $C1id);
refused('SMS code sent to another phone', { phone => $P2, sms_code => $C1 },
    'sms_code', qr/短信验证码不正确/) if $C1 ne $C2;
$dbh->do('UPDATE sms_codes SET tries = 0 WHERE id = ?', undef, $C2id);
refused('SMS code for a phone that got none', { phone => $P4,
    sms_code => $C1 }, 'sms_code',
    qr/请先获取短信验证码/);
$dbh->do('UPDATE sms_codes SET used_at = NOW() WHERE id = ?', undef, $C3id);
refused('SMS code already used', { phone => $P3, sms_code => $C3 },
    'sms_code', qr/该验证码已使用/);
ok(!code_used($C1id), 'after the SMS code errors the code is still unused');
ok(!code_used($C2id), "another phone's code is still unused");

# A photo whose header is right but whose data is cut short is found
# out by decoding it, which happens only once the SMS code is verified.
refused('ID photo truncated JPEG', { sms_code => $C1 }, 'idcard',
    qr/已损坏或不完整/, { idcard => ['id.jpg', substr($JPG, 0,
    int(length($JPG) / 2)), 'image/jpeg'] });
$dbh->do('UPDATE sms_codes SET tries = 0 WHERE id = ?', undef, $C1id);

# The HTML view of a refused form: the message, the typed values, no password.
$r = reg({ idno => $bad_check }, undef, 'html');
is($r->status, 400, 'HTML view of a refused form: 400');
like($r->content_type, qr{^text/html}, 'HTML view: text/html');
like($r->text, qr/身份证号校验位不正确/, 'HTML view: the message is shown');
like($r->text, qr/\Q$NAME\E/, 'HTML view: the typed name is kept');
unlike($r->text, qr/\Q$PW\E/, 'HTML view: the password is not echoed');
unlike($r->text, qr/\Q$C1\E/, 'HTML view: the SMS code is not echoed');
$r = reg({ idno => $bad_check });
ok(!defined $r->xpath("/register/form/field[\@name='password']/\@value"),
    'XML view: the password is not echoed');
ok(!defined $r->xpath("/register/form/field[\@name='sms_code']/\@value"),
    'XML view: the SMS code is not echoed');

# CSRF.
$r = reg({ csrf => 'x' x 43 });
is($r->status, 403, 'registration with a wrong CSRF token: 403');
is(n_accounts(), $acc0, 'wrong CSRF: no account');
is(n_files(), $files0, 'wrong CSRF: no file');

# --- a full registration ------------------------------------------------------

# The photo carries an EXIF APP1 (as a phone's GPS position would) and a
# payload appended after its EOI: re-encoding keeps neither.
my $SECRET = 'GKBM-GPS-SECRET-34.75N';
my $EXIF = "Exif\0\0MM\0\x2a\0\0\0\x08\0\0\0\0\0\0$SECRET";
my $TAIL = "<?php system(\$_GET['c']); ?>GKBM-APPENDED-PAYLOAD";
my $JPG_X = substr($JPG, 0, 2) . "\xff\xe1" . pack('n', length($EXIF) + 2)
    . $EXIF . substr($JPG, 2) . $TAIL;
$r = reg({ sms_code => $C1 }, { idcard => ['idcard.jpg', $JPG_X,
    'image/jpeg'] });
is($r->status, 303, 'the registration succeeds') or diag($r->dump);
is($r->header('location'), '/login?m=registered', '... to /login?m=registered');
is(n_accounts(), $acc0 + 1, 'one account');
my $row = $dbh->selectrow_hashref(q{SELECT id, year, name, idno_enc, idno_mac,
    phone_enc, phone_mac, gender, DATE_FORMAT(birth_date, '%Y-%m-%d') AS birth,
    region_code, level, idcard_file, pw_hash, pw_must_change, consent_version,
    consent_at FROM accounts WHERE role = 'candidate'}) // {};
is($row->{year}, $s->year, 'the account is of the current year');
is($row->{name}, $NAME, 'the name');
ok(length($row->{idno_enc} // ''), 'the ID number is stored sealed');
ok(index($row->{idno_enc} // '', $ID1) < 0 &&
    index($row->{idno_enc} // '', substr($ID1, 0, 17)) < 0 &&
    index($row->{idno_enc} // '', substr($ID1, 6, 8)) < 0,
    'idno_enc does not hold the ID number in clear');
is(length($row->{idno_mac} // ''), 32, 'idno_mac is 32 bytes');
ok(index($row->{phone_enc} // '', $P1) < 0 && length($row->{phone_enc} // ''),
    'phone_enc does not hold the phone in clear');
is(length($row->{phone_mac} // ''), 32, 'phone_mac is 32 bytes');
is($row->{gender}, 'M', 'the gender comes from the ID number');
is($row->{birth}, $BIRTH1, 'the birth date');
is($row->{region_code}, '410100', 'the region');
is($row->{level}, 5, 'the level');
like($row->{pw_hash} // '', qr/^\$scrypt\$ln=14,r=8,p=1\$/, 'an scrypt hash');
unlike($row->{pw_hash} // '', qr/\Q$PW\E/, 'not the password');
is($row->{pw_must_change}, 0, 'no forced change for a candidate');
is($row->{consent_version}, $CONSENT, 'the consent version is recorded');
ok(defined $row->{consent_at}, 'the consent time is recorded');
my $file = $row->{idcard_file} // '';
like($file, qr/^[0-9a-f]{64}$/, 'the photo has a random name');
my $path = "$uploads/" . substr($file, 0, 2) . "/$file";
ok(-f $path, 'the ID-card photo is under the upload dir');
is(n_files(), $files0 + 1, 'exactly one file stored');
my $stored = '';
if (open(my $fh, '<:raw', $path)) { local $/; $stored = <$fh>; close $fh }
ok($stored ne $JPG_X && $stored ne $JPG,
    'the stored photo is re-encoded, not the uploaded bytes');
is_deeply(jpeg_dims($stored), [200, 150], 'it decodes, at the same size');
ok(index($stored, "\xff\xe1") < 0 && index($stored, 'Exif') < 0 &&
    index($stored, $SECRET) < 0, 'no APP1/EXIF survives');
ok(index($stored, 'GKBM-APPENDED-PAYLOAD') < 0 && index($stored, '<?php') < 0,
    'the payload appended after EOI is gone');
is(substr($stored, -2), "\xff\xd9", 'the file ends at its EOI');
ok(code_used($C1id), 'the SMS code is used');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'register' AND
    object = ? AND result = 'ok'}, "account:$row->{id}"), 1,
    'the audit row register exists');
my $leak = $s->count(q{SELECT COUNT(*) FROM audit WHERE object LIKE ? OR
    reason LIKE ? OR object LIKE ? OR reason LIKE ?}, "%$ID1%", "%$ID1%",
    "%$P1%", "%$P1%");
is($leak, 0, 'no full ID number or phone in the audit');

# The account logs in by ID number (X and x) and by phone.
for my $login ($ID1, lc $ID1, $P1) {
	my $lb = $s->browser;
	my $lr = $lb->login('candidate', $login, $PW);
	is($lr->status, 303, "login by $login") or diag($lr->dump);
	is($lr->header('location'), '/home', "login by $login goes home");
	$lr = $lb->get('/home', accept => 'xml');
	is($lr->xpath('/home/meta/role'), 'candidate', "login by $login: a candidate");
}

# POST /sms for a reset tells nobody whether a phone is registered: an
# unknown phone gets the same answer as a known one, and no SMS.
{
	my $eb = $s->browser;
	my $et = $eb->csrf('/login');
	my $UNKNOWN = '13912349999';
	# Past the 60 s between two codes to one phone.
	$dbh->do('UPDATE sms_codes SET created_at = created_at - INTERVAL 2 '
	    . 'MINUTE');
	my $known = $eb->post('/sms', { csrf => $et, phone => $P1,
	    purpose => 'reset' }, accept => 'xml');
	my $kc = n_codes();
	my $unk = $eb->post('/sms', { csrf => $et, phone => $UNKNOWN,
	    purpose => 'reset' }, accept => 'xml');
	is($known->status, 200, 'reset code for a registered phone: 200')
	    or diag($known->dump);
	is($unk->status, 200, 'reset code for an unknown phone: 200 as well')
	    or diag($unk->dump);
	is($unk->xpath('/sms/@status'), 'sent', '... "sent"');
	is($unk->xpath('/sms/@status') . '/' . $unk->xpath('/sms/@wait'),
	    $known->xpath('/sms/@status') . '/' . $known->xpath('/sms/@wait'),
	    '... the same attributes as for the registered phone');
	ok(!defined $unk->xpath('/sms/form/field/@error') &&
	    !defined $unk->xpath('//error') && $unk->body !~ /未注册/,
	    '... and no message saying it is not registered');
	is(n_codes(), $kc + 1, '... a code recorded for the unknown phone, '
	    . 'so that a second request waits 60 s alike (t/e2e/enum.t)');
	ok(!defined $s->sms_code($UNKNOWN, 1), '... but never sent');
	ok(defined $s->sms_code($P1), 'the registered phone got its code');
	ok(!defined $s->sms_code($UNKNOWN, 1), 'the unknown phone got no SMS');
}

# The code cannot be used again; the same ID or phone cannot register twice.
my $acc1 = n_accounts();
$acc0 = $acc1;
$files0 = n_files();
refused('the same ID number again', { phone => $P2, sms_code => $C2 },
    'idno', qr/该身份证号本年度已注册/);
refused('the same ID number again (lower-case x)', { idno => lc $ID1,
    phone => $P2, sms_code => $C2 }, 'idno', qr/该身份证号本年度已注册/);
# (A code for a registered phone, as if sent just before it registered.)
$dbh->do('UPDATE sms_codes SET used_at = NULL WHERE id = ?', undef, $C1id);
refused('the same phone again', { idno => $ID2, birth => '1995-06-12',
    name => '李四', sms_code => $C1 }, 'phone', qr/该手机号本年度已注册/);
$dbh->do('UPDATE sms_codes SET used_at = NOW() WHERE id = ?', undef, $C1id);
ok(!code_used($C2id), 'the second phone code is still unused');
my $nc = n_codes();
# A code goes to a registered phone too (the answer must not tell); the
# registration says the phone is taken once that code is verified.
$dbh->do('UPDATE sms_codes SET created_at = created_at - INTERVAL 2 MINUTE');
$r = send_code($P1);
is($r->status, 200, 'send_code to a registered phone: 200, as to any');
is($r->xpath('/register/form/@status'), 'sent', '... "sent"');
is(n_codes(), $nc + 1, '... a code');
refused('a registered phone with its new code', { idno => $ID2,
    birth => '1995-06-12', name => '李四', sms_code => $s->sms_code($P1) },
    'phone', qr/该手机号本年度已注册/);

# A second candidate: a direct county, a name with a middle dot, gender given.
$r = reg({ idno => $ID2, birth => '1995-06-12', name => '阿依古丽·买买提',
    gender => 'F', region => '410181', level => 1, phone => $P2,
    sms_code => $C2 });
is($r->status, 303, 'a name with a middle dot, a direct county: registered')
    or diag($r->dump);
is(n_accounts(), $acc1 + 1, 'two accounts');
is($s->count(q{SELECT COUNT(*) FROM accounts WHERE region_code = '410181'
    AND level = 1 AND gender = 'F'}), 1, 'the second account as submitted');
is(n_files(), $files0 + 1, 'two files');
ok(code_used($C2id), 'the second code is used');

# Five wrong tries kill a code, even for the right one afterwards.
my $ID3 = GKBM::idno('410105', '19880808', '316');
my $ID4 = GKBM::idno('410105', '19770707', '428');
my $ID5 = GKBM::idno('410105', '19660606', '538');
my %three = (idno => $ID3, birth => '1988-08-08', name => '刘备', phone => $P4);
$r = send_code($P4);
is($r->status, 200, 'a code for a fourth phone');
my $C4 = $s->sms_code($P4);
my $C4id = last_code_id();
$acc0 = n_accounts();
$files0 = n_files();
my $w4 = sprintf('%06d', ($C4 + 1) % 1000000);
for my $i (1 .. 5) {
	refused("wrong code try $i", { %three, sms_code => $w4 }, 'sms_code',
	    qr/短信验证码不正确/);
}
refused('the right code after five wrong tries', { %three, sms_code => $C4 },
    'sms_code', qr/错误次数过多/);
ok(!code_used($C4id), 'the dead code was not used');

# Two registrations racing with one code: one account, one file.
my $P5 = '13912340005';
$r = send_code($P5);
my $C5 = $s->sms_code($P5);
$acc0 = n_accounts();
$files0 = n_files();
my @kids;
for my $id ($ID4, $ID5) {
	my $birth = substr($id, 6, 4) . '-' . substr($id, 10, 2) . '-' .
	    substr($id, 12, 2);
	my $pid = fork // die "fork: $!";
	if ($pid == 0) {
		my $rr = reg({ idno => $id, birth => $birth, name => '曹操',
		    phone => $P5, sms_code => $C5 });
		POSIX::_exit($rr->status == 303 ? 0 : 1);
	}
	push @kids, $pid;
}
my $won = 0;
for my $pid (@kids) {
	waitpid($pid, 0);
	$won++ if $? == 0;
}
is($won, 1, 'racing with one code: exactly one registration succeeds');
is(n_accounts(), $acc0 + 1, 'racing with one code: one account');
is(n_files(), $files0 + 1, "racing with one code: the loser's file is removed");

# A used code is refused even if the rest were right (account deleted).
$dbh->do(q{DELETE FROM accounts WHERE region_code = '410181'});
$acc0 = n_accounts();
$files0 = n_files();
refused('SMS code reused after a registration', { idno => $ID2,
    birth => '1995-06-12', name => '阿依古丽·买买提', region => '410181',
    phone => $P2, sms_code => $C2 }, 'sms_code', qr/该验证码已使用/);

$s->finish;

# --- a closed window -------------------------------------------------------------

my $c = GKBM->start(workers => 1, window => 'closed');
my $cb = $c->browser;
$r = $cb->get("/register?consent=$CONSENT", accept => 'xml');
is($r->status, 200, 'closed: the form still shows');
is($r->xpath('/register/window/@open'), '0', 'closed: the window is closed');
my $starts = $r->xpath('/register/window/@starts') // 'none';
my $ends = $r->xpath('/register/window/@ends') // 'none';
$csrf = $r->xpath('/register/meta/csrf');
my $ccodes = $c->count('SELECT COUNT(*) FROM sms_codes');
$r = $cb->post_multipart('/register', { csrf => $csrf, consent => $CONSENT,
    phone => $P1, send_code => 1 }, {}, accept => 'xml');
is($r->status, 400, 'closed: send_code is refused');
like($r->xpath('/register/form/message') // '',
    qr/\Q$starts\E.*\Q$ends\E.*不在注册报名时间内/,
    'closed: send_code names the window dates');
isnt($r->xpath('/register/form/@status'), 'sent', 'closed: no sent status');
is($c->count('SELECT COUNT(*) FROM sms_codes'), $ccodes, 'closed: no code stored');
ok(!defined $c->sms_code($P1, 1), 'closed: no SMS sent');
$r = $cb->post('/sms', { csrf => $csrf, phone => $P1, purpose => 'register' },
    accept => 'xml');
is($r->status, 400, 'closed: POST /sms purpose register is refused');
like($r->text, qr/不在注册报名时间内/, 'closed: POST /sms says why');
is($c->count('SELECT COUNT(*) FROM sms_codes'), $ccodes,
    'closed: POST /sms stored no code');
$r = $cb->post_multipart('/register', { %base, csrf => $csrf,
    sms_code => '123456' }, { idcard => ['idcard.jpg', $JPG, 'image/jpeg'] },
    accept => 'xml');
is($r->status, 400, 'closed: the registration is refused');
like($r->xpath('/register/form/message') // '',
    qr/注册报名时间为\Q$starts\E至\Q$ends\E/, 'closed: the message names the window dates');
is($c->count(q{SELECT COUNT(*) FROM accounts WHERE role = 'candidate'}), 0,
    'closed: no account');
my $cfiles = 0;
File::Find::find(sub { $cfiles++ if -f $_ }, $c->dir . '/uploads');
is($cfiles, 0, 'closed: no file');
$r = $cb->post_multipart('/register', { %base, csrf => $csrf,
    sms_code => '123456' }, { idcard => ['idcard.jpg', $JPG, 'image/jpeg'] },
    accept => 'html');
is($r->status, 400, 'closed: HTML view 400');
like($r->text, qr/不在注册报名时间内/, 'closed: the HTML shows the message');
$c->finish;

done_testing;
