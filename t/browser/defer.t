# defer.t: the pages of 容缺后补, 市级复核意见, 省级标记记录, 已承接设置
# and 代传资料 in a real Chromium at a phone's size (390x844) and a
# desktop's (defer.js), with data in them: the unit's list with the
# upload on the candidate's behalf and a refused upload, the candidate's
# status page adding the material, 确认材料已补, the city's re-check
# refused for a missing reason, a refused comment, 已承接 saved, the
# province's marks.  Each page passes axe-core (WCAG 2.1 A and AA) and
# the Nu HTML checker.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Chrome;

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $PW = 'Staff#2026ab';

$s->create_units(qw(ZZCITY JSCNTY ZZSUP ZZBAS));
my %staff = $s->create_staff($PW, qw(unit city county));
my %b = $s->staff_browsers($PW, %staff);
my $unit = $s->count(q{SELECT id FROM units WHERE code = 'ZZBAS'});
my $idno = GKBM::idno('410105', '19800501', '123');
my ($cb, $app) = $s->submitted_candidate($idno, '李明', '13900000001', '410100',
    $unit, 'Passw0rdx9');

# The province opens 网上资格审查; the unit passes it with 容缺后补.
my @t = gmtime(time + 8 * 3600 - 86400);
my @u = gmtime(time + 8 * 3600 + 14 * 86400);
my $f = sub { sprintf('%04d-%02d-%02d %02d:%02d', $_[5] + 1900, $_[4] + 1,
    $_[3], $_[2], $_[1]) };
my $pb = $b{province};
is($pb->post('/admin/windows', { csrf => $pb->csrf('/admin/windows'), year => $Y,
    kind => 'review', starts_at => $f->(@t), ends_at => $f->(@u) })->status, 303,
    'the province opens 网上资格审查');
my $ub = $b{unit};
is($ub->post('/review/decide', { csrf => $ub->csrf('/home'), id => $app,
    version => $s->count('SELECT version FROM applications WHERE id = ?', $app),
    action => 'pass', reason => '', defer => 1,
    defer_note => '请补传近五年年度考核结果备案表' })->status, 303,
    'the unit passes it with 容缺后补');
is($pb->post('/review/note', { csrf => $pb->csrf('/home'), kind => 'province',
    id => $app, text => '抽查：学历证明不清晰，请单位核实' })->status, 303,
    'the province marks it');

GKBM::Chrome::run($s, 'defer', {
	app => $app,
	unit => [$staff{unit}[0], $PW],
	city => [$staff{city}[0], $PW],
	province => [$GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW],
	candidate => [$idno, 'Passw0rdx9'],
});

is($s->count('SELECT defer_state FROM applications WHERE id = ?', $app), 3,
    'in the browser: the material added and confirmed (3)');
is($s->count(q{SELECT COUNT(*) FROM county_takeover WHERE region_code = '410105'}),
    1, 'in the browser: 金水区 set as taken over');

$s->finish;
done_testing;
