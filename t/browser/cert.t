# cert.t: 电子证书, 证书查验, 证书管理 and 申领汇总上报 in a real Chromium
# (cert.js), at a phone's size and a desktop's: the holder's /cert with
# the download link; the public check of a valid, a revoked and a forged
# link (no menu, one column on the phone); the city's 证书管理 (the
# issue button issues) and 申领汇总上报; the province's 证书管理 with the
# revoke forms and its 申领汇总上报.  Each passes axe-core (WCAG 2.1 A
# and AA) and the Nu HTML checker.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Review;
use GKBM::Cert;
use GKBM::Chrome;

my $rv = GKBM::Review->start(workers => 2);
my $s = $rv->s;
my $Y = $s->year;
my $x = GKBM::Cert->new($s);
my @c = map { $rv->candidate('ZZBAS') } 1 .. 3;
$s->dbh->do(q{UPDATE applications SET state = 'approved', decided_at = NOW(),
    wait_unit_id = NULL, wait_step = NULL, wait_level = NULL, wait_since = NULL
    WHERE id = ?}, undef, $_->{app}) for @c;
$x->seat($_->{app}, '410100', 1) for @c;
$x->publish('410100', 2);
$rv->window('certificate', 'open');
$rv->window('claim', 'open');
# Two issued now (the third waits for the city's button), one revoked.
$s->dbh->do(q{UPDATE exam_results SET passed = NULL WHERE application_id = ?},
    undef, $c[2]{app});
$s->admin('cert-issue', $Y, '410100');
$s->dbh->do(q{UPDATE exam_results SET passed = 1 WHERE application_id = ?},
    undef, $c[2]{app});
my ($ok, $revoked) = map { "GQ${Y}410100400000$_" } 1, 2;
$s->admin('cert-revoke', $revoked, '证书信息有误');
chomp(my $url_ok = $s->admin('cert-url', $ok));
chomp(my $url_rev = $s->admin('cert-url', $revoked));
s{^http://[^/]+}{} for $url_ok, $url_rev;

GKBM::Chrome::run($s, 'cert', {
	holder => [$c[0]{idno}, $GKBM::Review::PW],
	city => ['zzsgkb', $GKBM::Review::STAFF_PW],
	province => [$GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW],
	ok => $url_ok, revoked => $url_rev, no => $ok,
	forged => "/verify/$ok.0123456789abcdef0123",
});

$s->finish;
done_testing;
