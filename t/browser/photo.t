# photo.t: phone photos in a real Chromium at 390x844 (photo.js): a
# 3024x4032 phone photo cropped in the page to the 413x626 frame and
# accepted; a photo of about 9 MB (which nginx would refuse with 413)
# scaled down before it is sent and accepted, at registration and on
# /apply; the registration retry keeps the ID photo, the SMS code and the
# password, with the birth date and gender filled from the ID number; the
# Chinese error pages and /favicon.ico.  The photos are made in the page
# (canvas), as a phone's camera would make them.
use strict;
use warnings;
use utf8;

use File::Temp ();
use Test::More;
use GKBM;
use GKBM::Chrome;

my $s = GKBM->start(workers => 2);
my $ID = GKBM::idno('410105', '19830915', '246');	# female

GKBM::Chrome::run($s, 'photo', {
	consent => 'v2026.1', idno => $ID, birth => '1983-09-15',
	name => '陈静', phone => '13900000009', password => 'Photo2026ab',
});

# What reached the server: every stored picture decodes at a size it
# accepts, the personal photo at exactly 413x626.
sub dims {
	my ($file) = @_;
	my $djpeg = GKBM::which('djpeg') or return '';
	my $path = $s->dir . '/uploads/' . substr($file, 0, 2) . "/$file";
	my $ppm = `'$djpeg' -pnm '$path' 2>/dev/null`;
	return $ppm =~ /^P[56]\s+(\d+)\s+(\d+)\s/ ? "${1}x$2" : '';
}
my $acct = $s->count(q{SELECT id FROM accounts WHERE role = 'candidate'});
ok($acct, 'the account was registered');
is($s->count(q{SELECT gender FROM accounts WHERE id = ?}, $acct), 'F',
    '... with the gender of the ID number');
my $idcard = $s->count('SELECT idcard_file FROM accounts WHERE id = ?', $acct);
like(dims($idcard), qr/^\d+x\d+$/, 'the scaled registration photo decodes: '
    . dims($idcard));
my $photo = $s->count(q{SELECT m.file FROM materials m JOIN applications a
    ON a.id = m.application_id WHERE a.account_id = ? AND m.kind = 'photo'},
    $acct);
is(dims($photo // ''), '413x626', 'the cropped photo is stored at 413x626');
my $scan = $s->count(q{SELECT m.file FROM materials m JOIN applications a
    ON a.id = m.application_id WHERE a.account_id = ? AND m.kind = 'idcard'},
    $acct);
like(dims($scan // ''), qr/^\d+x\d+$/, 'the scaled ID card on /apply is stored: '
    . dims($scan // ''));
is($s->count('SELECT COUNT(*) FROM register_keep'), 0,
    'nothing is left kept after the registration');

$s->finish;
done_testing;
