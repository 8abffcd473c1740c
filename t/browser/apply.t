# apply.t: the application form on a phone (390x844, zh-CN, touch) in a
# real Chromium (apply.js), issue 6 items 1, 2 and 4: an upload from the
# /m page goes through with the 资料类别 chosen by its label; a photo
# uploaded before 保存信息 keeps every typed field; a session that expired
# before 保存 leads through the login back to a form holding what was
# typed; what is typed but not saved comes back when the page is left and
# opened again (sessionStorage); 获取验证码 stays in place (no navigation) and counts down next to
# the code box; a refused submit shows the error summary at the top and
# gives it the focus, each link leading to its field.  Every page reached
# passes axe-core and the Nu HTML checker (shots in t/browser/shots/apply).
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Chrome;

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
$s->create_units(qw(ZZSUP ZZBAS));

my $PW = 'Apply2026abc';
my $ID = GKBM::idno('410105', '19800501', '123');
my $PHONE = '13900000001';
$s->admin({ stdin => "$PW\n" }, 'create-candidate', $Y, $ID, '李明', $PHONE,
    '410100', 4);
my $acct = $s->count(q{SELECT id FROM accounts WHERE name = '李明'});

my %file = (photo => [413, 626], material => [800, 600]);
my %path;
for my $k (sort keys %file) {
	$path{$k} = $s->dir . "/$k.jpg";
	GKBM::_spew($path{$k}, GKBM::jpeg(@{ $file{$k} }));
}

GKBM::Chrome::run($s, 'apply', {
	year => $Y, idno => $ID, phone => $PHONE, password => $PW,
	files => \%path, account => $acct,
});

# What the browser left in the database.
my $app = $s->count('SELECT id FROM applications WHERE account_id = ?', $acct);
is($s->count(q{SELECT COUNT(*) FROM materials WHERE application_id = ? AND
    kind = 'material'}, $app), 1, 'the /m upload is stored as a material');
is($s->count(q{SELECT COUNT(*) FROM materials WHERE application_id = ? AND
    kind = 'photo'}, $app), 1, 'the photo is stored');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'form.kept'}), 1,
    'the expired session\'s form was kept once');
is($s->count('SELECT appraisal_note FROM applications WHERE id = ?', $app),
    '2023年借调未考核', 'what was typed and saved last is stored');
is($s->count('SELECT state FROM applications WHERE id = ?', $app), 'draft',
    'the refused submission left a draft');

$s->finish;
done_testing;
