# register_retry.t: what a refused registration keeps for its retry
# (regkeep.c, schema/0006), and the order of the registration's checks
# (issue 7): the SMS code before anything says an ID number is registered
# and before the photo's pixels are decoded, and a decompression bomb
# refused from its header.
use strict;
use warnings;
use utf8;

use Digest::SHA ();
use File::Find ();
use File::Temp ();
use Time::HiRes ();
use Test::More;
use GKBM;

my $s = GKBM->start(workers => 2);
my $dbh = $s->dbh;
my $uploads = $s->dir . '/uploads';

my $CONSENT = 'v2026.1';
my $PW = 'Henan2026ok';
my $JPG = GKBM::jpeg(640, 400);

sub all_files {
	my @f;
	File::Find::find(sub { push @f, $_ if -f $_ }, $uploads);
	return sort @f;
}
sub n_keep { $s->count('SELECT COUNT(*) FROM register_keep') }
sub n_accounts {
	$s->count(q{SELECT COUNT(*) FROM accounts WHERE role = 'candidate'});
}
sub code_id { $s->count('SELECT MAX(id) FROM sms_codes') }

# forget_kept: no kept row or photo (the limit of 5 kept photos per
# address would otherwise make two answers differ).
sub forget_kept {
	my @f = map { $_->[0] } @{ $dbh->selectall_arrayref(
	    'SELECT file FROM register_keep WHERE file IS NOT NULL') };
	unlink map { "$uploads/" . substr($_, 0, 2) . "/$_" } @f;
	$dbh->do('DELETE FROM register_keep');
}

# A browser on the form, with its CSRF token.
sub visitor {
	my $b = $s->browser;
	my $r = $b->get("/register?consent=$CONSENT", accept => 'xml');
	return ($b, $r->xpath('/register/meta/csrf'));
}

# code($b, $csrf, $phone): sends a registration code (the image captcha
# answered first, as a reader of the picture would); returns it.
sub code {
	my ($b, $csrf, $phone) = @_;
	$s->captcha($b);
	my $r = $b->post_multipart('/register', { csrf => $csrf,
	    consent => $CONSENT, phone => $phone, send_code => 1,
	    captcha => '2468' }, {}, accept => 'xml');
	die 'send_code: ' . $r->status unless $r->status == 200;
	return $s->sms_code($phone);
}

# form($b, $csrf, {fields}, [photo bytes or undef], [accept])
sub form {
	my ($b, $csrf, $f, $photo, $accept) = @_;
	my %f = (csrf => $csrf, consent => $CONSENT, region => '410100',
	    level => 5, name => '王五', password => $PW, password2 => $PW,
	    %$f);
	delete $f{$_} for grep { !defined $f{$_} } keys %f;
	return $b->post_multipart('/register', \%f, defined $photo ?
	    { idcard => ['id.jpg', $photo, 'image/jpeg'] } : {},
	    accept => $accept // 'xml');
}

sub errors {
	my ($r) = @_;
	return join(',', sort map { $_->getAttribute('name') }
	    $r->nodes('/register/form/field[error]'));
}

# --- an account to be found ----------------------------------------------

my $ID_A = '41010519900307107X';			# registered below
my $ID_B = GKBM::idno('410105', '19900307', '117');	# same birth, male
my ($PA, $PB, $PC, $PD) = qw(13912350001 13912350002 13912350003
    13912350004);
{
	my ($b, $t) = visitor();
	my $c = code($b, $t, $PA);
	my $r = form($b, $t, { idno => $ID_A, phone => $PA, sms_code => $c },
	    $JPG);
	is($r->status, 303, 'an account to be found is registered')
	    or diag($r->dump);
}

# --- one answer for a registered and an unregistered ID number ----------

# mask(BODY): the answer without what differs by nature: the kept
# token, the time, the ID number typed.
sub mask {
	my ($body) = @_;
	$body =~ s/\Q$ID_A\E|\Q$ID_B\E/IDNO/g;
	$body =~ s/(token="|name="keep" value="|k=)[A-Za-z0-9_-]{43}/${1}TOKEN/g;
	$body =~ s{<now>[^<]*</now>}{<now/>}g;
	return $body;
}

{
	my ($b, $t) = visitor();
	for my $accept (qw(xml html)) {
		forget_kept();
		my $ra = form($b, $t, { idno => $ID_A, phone => $PB }, $JPG,
		    $accept);
		my $rb = form($b, $t, { idno => $ID_B, phone => $PB }, $JPG,
		    $accept);
		is($ra->status, 400, "no SMS code, $accept: refused");
		is($ra->status, $rb->status, "... the same status for both");
		is(mask($ra->body), mask($rb->body),
		    "no SMS code, $accept: the same answer byte for byte " .
		    'for a registered and an unregistered ID number');
		unlike($ra->text, qr/已注册/, '... which says nothing of it');
	}
	# 获取验证码 without the script: the same answer for a registered
	# phone and a free one.
	for my $accept (qw(xml html)) {
		# (Past the 60 s between two codes to one phone.)
		$dbh->do('UPDATE sms_codes SET created_at = created_at - '
		    . 'INTERVAL 2 MINUTE');
		my @ans = map {
			$s->captcha($b);
			my $r = $b->post_multipart('/register', { csrf => $t,
			    consent => $CONSENT, phone => $_, send_code => 1,
			    captcha => '2468' }, {}, accept => $accept);
			[$r->status, mask($r->body) =~ s/\Q$_\E/PHONE/gr];
		} ($PA, $accept eq 'xml' ? '13912350006' : '13912350007');
		is($ans[0][0], 200, "send_code, $accept: a registered phone gets a code");
		is_deeply($ans[0], $ans[1], "send_code, $accept: the same answer "
		    . 'byte for byte for a registered and a free phone');
	}
	$dbh->do('UPDATE sms_codes SET created_at = created_at - INTERVAL 2 MINUTE');
	my $c = code($b, $t, $PB);
	my $wrong = sprintf('%06d', ($c + 1) % 1000000);
	forget_kept();
	my $ra = form($b, $t, { idno => $ID_A, phone => $PB, sms_code => $wrong },
	    $JPG);
	my $rb = form($b, $t, { idno => $ID_B, phone => $PB, sms_code => $wrong },
	    $JPG);
	like($ra->xpath("/register/form/field[\@name='sms_code']/error") // '',
	    qr/不正确/, 'a wrong SMS code: refused as wrong');
	is(mask($ra->body), mask($rb->body),
	    'a wrong SMS code: the same answer for both ID numbers');
	# Once the code is verified, and only then, it is said.
	$ra = form($b, $t, { idno => $ID_A, phone => $PB, sms_code => $c }, $JPG);
	like($ra->xpath("/register/form/field[\@name='idno']/error") // '',
	    qr/该身份证号本年度已注册/,
	    'the right SMS code: now the registered ID number is named');
	is(n_accounts(), 1, '... and nothing was registered');
}

# --- the photo is decoded only after the SMS code ------------------------

{
	my ($b, $t) = visitor();
	my $cut = substr($JPG, 0, int(length($JPG) / 2));
	my $r = form($b, $t, { idno => $ID_B, phone => $PC }, $cut);
	is($r->status, 400, 'a cut-off photo, no SMS code: refused');
	is(errors($r), 'sms_code',
	    '... for the SMS code only: the photo was not decoded');
	my $c = code($b, $t, $PC);
	$r = form($b, $t, { idno => $ID_B, phone => $PC, sms_code => $c }, $cut);
	like($r->xpath("/register/form/field[\@name='idcard']/error") // '',
	    qr/已损坏或不完整/, 'with the SMS code verified it is decoded and refused');
	is(n_accounts(), 1, '... no account');

	# The decompression bomb of issue 7: a small progressive JPEG of
	# 10000x5000 pixels, refused from its header, before and after the
	# SMS code, with nothing kept.
	my $dir = File::Temp::tempdir('gkbm-bomb-XXXXXX', TMPDIR => 1,
	    CLEANUP => 1);
	open(my $fh, '>:raw', "$dir/bomb.pgm") or die $!;
	print $fh "P5\n10000 5000\n255\n";
	print $fh ("\x80" x 10000) for 1 .. 5000;
	close $fh;
	system(GKBM::which('cjpeg'), '-grayscale', '-progressive',
	    '-outfile', "$dir/bomb.jpg", "$dir/bomb.pgm") == 0
	    or die 'cjpeg failed';
	my $bomb = GKBM::_slurp("$dir/bomb.jpg");
	ok(length($bomb) < 4 * 1024 * 1024,
	    'a progressive 10000x5000 JPEG of ' . length($bomb) . ' bytes');
	my $files = join(' ', all_files());
	my $t0 = Time::HiRes::time();
	$r = form($b, $t, { idno => $ID_B, phone => $PC }, $bomb);
	my $t1 = Time::HiRes::time();
	like($r->xpath("/register/form/field[\@name='idcard']/error") // '',
	    qr/图片尺寸过大.*1300万/, 'the bomb is refused with a Chinese message');
	$r = form($b, $t, { idno => $ID_B, phone => $PC }, $bomb);
	diag(sprintf('the bomb answered in %.3f s', $t1 - $t0));
	like($r->xpath("/register/form/field[\@name='idcard']/error") // '',
	    qr/图片尺寸过大/, '... with the SMS code verified as well');
	ok(!defined $r->xpath('/register/kept/@photo'), '... it is not kept');
	is(join(' ', all_files()), $files, '... and no file was stored');
	is(n_accounts(), 1, '... nor an account');
}

# --- at most 5 kept photos per address ----------------------------------

{
	my ($b, $t) = visitor();
	forget_kept();
	my $before = 0;
	my @kept;
	for my $i (1 .. 7) {
		my $r = form($b, $t, { idno => $ID_B, phone => $PC }, $JPG);
		push @kept, $r->xpath('/register/kept/@photo') // 0;
	}
	my $n = $s->count('SELECT COUNT(*) FROM register_keep WHERE '
	    . 'file IS NOT NULL');
	is($n, 5, 'anonymous refusals keep at most 5 photos per address '
	    . "(had $before, kept: @kept)");
	is($kept[-1], 0, '... the 7th refusal keeps none');
	forget_kept();		# the rest starts from none kept
}

# --- the retry keeps the photo, the SMS code and the password -------------

my $ID_C = GKBM::idno('410105', '19851112', '224');	# female
{
	my ($b, $t) = visitor();
	my $c = code($b, $t, $PD);
	my $cid = code_id();
	my $before = join(' ', all_files());
	my $keep0 = n_keep();
	my %old = map { $_->[0] => 1 } @{ $dbh->selectall_arrayref(
	    'SELECT file FROM register_keep WHERE file IS NOT NULL') };
	my $r = form($b, $t, { idno => $ID_C, phone => $PD, sms_code => $c,
	    name => '赵敏', region => '' }, $JPG);
	is($r->status, 400, 'a registration refused for its region');
	is(errors($r), 'region', '... only for the region');
	is($r->xpath('/register/kept/@photo'), '1', '... the photo is kept');
	is($r->xpath('/register/kept/@sms'), '1', '... the verified SMS code too');
	is($r->xpath('/register/kept/@password'), '1', '... and the password');
	GKBM::rng_validator('register')->($r, 'the refusal with what it kept');
	my $tok = $r->xpath('/register/kept/@token') // '';
	like($tok, qr/^[A-Za-z0-9_-]{43}$/, '... under a token');
	is($r->xpath("/register/form/field[\@name='birth']/\@value"),
	    '1985-11-12', 'the birth date was taken from the ID number');
	is($r->xpath("/register/form/field[\@name='gender']/\@value"), 'F',
	    '... and the gender');
	is(n_keep(), $keep0 + 1, 'one row kept');
	my ($kept) = grep { !$old{$_} } map { $_->[0] } @{
	    $dbh->selectall_arrayref('SELECT file FROM register_keep '
	    . 'WHERE file IS NOT NULL') };
	my $path = "$uploads/" . substr($kept // 'xx', 0, 2) . "/$kept";
	ok(-f $path, 'the kept photo is on disk');
	my $bytes = GKBM::_slurp($path);
	ok($bytes ne $JPG && substr($bytes, 0, 2) eq "\xff\xd8",
	    '... re-encoded (the SMS code was verified)');
	ok(!$s->count('SELECT used_at IS NOT NULL FROM sms_codes WHERE id = ?',
	    $cid), 'the code is not used yet');

	# The page shows it: the thumbnail, 重新选择, the token sent back.
	my $h = form($b, $t, { idno => $ID_C, phone => $PD, name => '赵敏',
	    region => '', keep => $tok, password => '', password2 => '' },
	    undef, 'html');
	is($h->status, 400, 'the HTML view of the refusal');
	like($h->text, qr{<img src="/register/photo\?k=\Q$tok\E"}, '... shows the kept photo');
	like($h->text, qr/重新选择/, '... with 重新选择');
	like($h->text, qr/<input type="hidden" name="keep" value="\Q$tok\E">/,
	    '... and sends the token back');
	like($h->text, qr/短信验证码已验证/, '... says the SMS code is verified');
	like($h->text, qr/密码已设置/, '... and the password is set');
	unlike($h->text, qr/id="f-idcard"[^>]*required/,
	    '... the photo is no longer required');

	# The thumbnail, to this visitor only.
	my $ph = $b->get("/register/photo?k=$tok");
	is($ph->status, 200, 'GET /register/photo: 200') or diag($ph->dump);
	like($ph->content_type, qr{^image/jpeg}, '... a JPEG');
	is($ph->body, $bytes, '... the kept photo');
	is($ph->header('x-content-type-options'), 'nosniff', '... not sniffed');
	my ($o, $ot) = visitor();
	is($o->get("/register/photo?k=$tok")->status, 404,
	    'another visitor with the token: 404');
	is($b->get('/register/photo?k=' . ('A' x 43))->status, 404,
	    'a wrong token: 404');
	is($b->get('/register/photo')->status, 404, 'no token: 404');
	# The declared k (R_INPAGE): a malformed one is not found, not a 400.
	is($b->get('/register/photo?k=short')->status, 404,
	    'a token of the wrong length: 404');
	is($b->get('/register/photo?k=' . ('A' x 44))->status, 404,
	    'a token one too long: 404');
	my $cr = $b->get('/register?consent=' . ('v' x 65));
	is($cr->status, 303, 'GET /register with an overlong consent: 303');
	like($cr->header('location') // '', qr{^/register/notice},
	    '... to the notice');

	# Another visitor cannot use the token.
	$r = form($o, $ot, { idno => $ID_C, phone => $PD, keep => $tok,
	    password => '', password2 => '' });
	is(errors($r), 'idcard,password,password2,sms_code',
	    "another visitor's retry with the token keeps nothing");

	# The retry: only the region, nothing chosen or typed again.
	$r = form($b, $t, { idno => $ID_C, phone => $PD, keep => $tok,
	    name => '赵敏', password => '', password2 => '' });
	is($r->status, 303, 'the retry with the region alone registers')
	    or diag($r->dump);
	my $row = $dbh->selectrow_hashref(q{SELECT idcard_file, gender,
	    DATE_FORMAT(birth_date, '%Y-%m-%d') AS birth FROM accounts
	    WHERE name = '赵敏'}) // {};
	is($row->{gender}, 'F', 'the gender from the ID number');
	is($row->{birth}, '1985-11-12', 'the birth date from the ID number');
	my $acc = $row->{idcard_file} // '';
	is(GKBM::_slurp("$uploads/" . substr($acc, 0, 2) . "/$acc"), $bytes,
	    'the kept photo is the account\'s');
	ok($s->count('SELECT used_at IS NOT NULL FROM sms_codes WHERE id = ?',
	    $cid), 'the SMS code is used');
	is(n_keep(), $keep0, 'the kept row is gone');
	ok(!-f $path, 'the kept file is gone');
	is(join(' ', all_files()), join(' ', sort(split(' ', $before), $acc)),
	    'exactly one new file: the account\'s');
	my $lr = $s->browser->login('candidate', $ID_C, $PW);
	is($lr->status, 303, 'the kept password logs in');
}

# --- what is not kept ------------------------------------------------------

{
	my ($b, $t) = visitor();
	my $P = '13912350005';
	my $ID = GKBM::idno('410105', '19790101', '335');
	my $c = code($b, $t, $P);
	my $r = form($b, $t, { idno => $ID, phone => $P, sms_code => $c,
	    region => '' }, $JPG);
	my $tok = $r->xpath('/register/kept/@token');
	ok($tok, 'a refusal kept something');
	# The row's id (regkeep.c: token_hash), compared as hex text.
	my $kid = uc Digest::SHA::sha256_hex($tok);
	# A password checked against a wrong name is not kept.
	my $r2 = form($b, $t, { idno => $ID, phone => $P, name => '' });
	ok(!defined $r2->xpath('/register/kept/@password'),
	    'a password checked against an empty name is not kept');
	$r = form($b, $t, { idno => $ID, phone => $P, keep => $tok,
	    region => '' });
	# The kept password is for this ID number and name only.
	$r = form($b, $t, { idno => $ID, phone => $P, keep => $tok,
	    name => '另一人', password => '', password2 => '' });
	like($r->xpath("/register/form/field[\@name='password']/error") // '',
	    qr/身份证号或姓名已修改/, 'a new name: the password must be set again');
	# The kept SMS code lasts its own 5 minutes.
	$dbh->do('UPDATE sms_codes SET created_at = NOW() - INTERVAL 6 MINUTE '
	    . 'WHERE id = ?', undef, code_id());
	$r = form($b, $t, { idno => $ID, phone => $P, keep => $tok });
	like($r->xpath("/register/form/field[\@name='sms_code']/error") // '',
	    qr/已过期/, 'a kept SMS code past its 5 minutes: get a new one');
	# A new photo replaces the kept one.
	my ($old) = $dbh->selectrow_array('SELECT file FROM register_keep '
	    . 'WHERE HEX(id) = ?', undef, $kid);
	$r = form($b, $t, { idno => $ID, phone => $P, keep => $tok },
	    GKBM::jpeg(300, 200));
	my ($new) = $dbh->selectrow_array('SELECT file FROM register_keep '
	    . 'WHERE HEX(id) = ?', undef, $kid);
	ok($old && $new && $old ne $new, 'a new photo replaces the kept one');
	ok(!-f "$uploads/" . substr($old, 0, 2) . "/$old", '... whose file is gone');
	# After 30 minutes the next registration sweeps it away.
	$dbh->do('UPDATE register_keep SET created_at = NOW() - INTERVAL 31 MINUTE');
	my ($ob, $ot) = visitor();
	form($ob, $ot, { idno => $ID, phone => $P });
	is($s->count('SELECT COUNT(*) FROM register_keep WHERE file = ?', $new),
	    0, 'after 30 minutes the row is swept');
	ok(!-f "$uploads/" . substr($new, 0, 2) . "/$new", '... with its file');
	$r = form($b, $t, { idno => $ID, phone => $P, keep => $tok,
	    password => '', password2 => '' });
	like($r->xpath("/register/form/field[\@name='idcard']/error") // '',
	    qr/请选择身份证照片/, '... and the token keeps nothing');
}

# --- gkbm-admin sessions-sweep removes what expired -----------------------

{
	forget_kept();
	my ($b, $t) = visitor();
	my $r = form($b, $t, { idno => $ID_B, phone => $PC }, $JPG);
	my ($f) = $dbh->selectrow_array('SELECT file FROM register_keep');
	my $path = "$uploads/" . substr($f // 'xx', 0, 2) . '/' . ($f // '');
	ok($f && -f $path, 'a refusal kept a photo');
	my $out = $s->admin('sessions-sweep');
	ok(-f $path, 'sessions-sweep leaves it within its 30 minutes');
	$dbh->do('UPDATE register_keep SET created_at = NOW() - INTERVAL 31 MINUTE');
	$out = $s->admin('sessions-sweep');
	like($out, qr/1 kept registration photos/, 'sessions-sweep says what it removed');
	is(n_keep(), 0, '... the expired row');
	ok(!-f $path, '... and its photo');
}

$s->finish;
done_testing;
