# walk.t: the candidate's journey on a phone (390x844, zh-CN, touch) in a
# real Chromium (walk.js): register with an ID photo (once refused for a
# typing slip), a wrong password, a new password by SMS code (忘记密码),
# a 404 page, log in, fill the whole application with the unit cascade
# and the pinyin search, save, upload a photo and stamp it, upload from
# the /m page of 手机扫码上传, submit with a wrong then the right SMS code,
# read 审核结果, and the same at a desktop's size.  Every page reached
# passes axe-core (WCAG 2.1 A and AA) and the Nu HTML checker; the
# screenshots stay in t/browser/shots/walk.  The steps other helpers add
# are listed in t/browser/README.md (TODO(helper)).
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Chrome;

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
$s->create_units(qw(ZZSUP ZZBAS));

# The files a person has on his phone: an ID card photo, a 2-inch photo,
# a certificate.
my %file = (idcard => [640, 400], photo => [413, 626],
    material => [800, 600]);
my %path;
for my $k (sort keys %file) {
	$path{$k} = $s->dir . "/$k.jpg";
	GKBM::_spew($path{$k}, GKBM::jpeg(@{ $file{$k} }));
}

my $ID = GKBM::idno('410105', '19800501', '123');
GKBM::Chrome::run($s, 'walk', {
	year => $Y, idno => $ID, birth => '1980-05-01', name => '李明',
	phone => '13900000001', password => 'Walk2026abc', files => \%path,
});

# What the walk left in the database.
my $acct = $s->count(q{SELECT id FROM accounts WHERE role = 'candidate'});
ok($acct, 'the walk registered an account');
is($s->count(q{SELECT state FROM applications WHERE account_id = ?}, $acct),
    'submitted', 'the application is submitted');
is($s->count(q{SELECT COUNT(*) FROM materials m JOIN applications a ON
    a.id = m.application_id WHERE a.account_id = ? AND m.kind = 'material'},
    $acct), 1, 'the /m upload is stored as a material');

$s->finish;
done_testing;
