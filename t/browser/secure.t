# secure.t: the security pages of issue 7 in a real Chromium (secure.js),
# with cookie_secure on over plain HTTP on 127.0.0.1: Chromium keeps the
# __Host- cookies with Secure there (localhost and 127.0.0.1 are
# potentially trustworthy origins), so a session works; the province's
# first login proves its phone by SMS before the authenticator's secret
# shows, then enrolls with the first code; the login page with the image
# captcha (an address that failed often).  Every page passes axe-core and
# the Nu checker.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Chrome;

my $s = GKBM->start(workers => 2, conf => { cookie_secure => 'yes',
    staff_2fa => 'yes' });
my $CAND_PW = 'Passw0rdx9';
$s->admin({ stdin => "$CAND_PW\n" }, 'create-candidate', $s->year,
    GKBM::idno('410105', '19850101', '101'), '张建国', '13912340001',
    '410100', 4);

GKBM::Chrome::run($s, 'secure', {
	province => [$GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW,
	    $GKBM::PROVINCE_PHONE],
	candidate => ['13912340001', $CAND_PW],
});

$s->finish;
done_testing;
