# takeover.t: 已承接设置 (003 §二(五); issue 11; fcgi/model/takeover.c,
# fcgi/pages/review/h_takeover.c): the city office ticks which of its
# counties review registration this year, the province any county; the
# change is audited and reaches the chains of later submissions only.
# Refused with nothing changed: a county of another city, a value that is
# no region code, the roles that do not set it (county, unit, candidate).
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $dbh = $s->dbh;
my $PW = 'Staff#2026ab';
my $valid = GKBM::rng_validator('takeover');

$s->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
$s->admin('create-unit', 'JSSUP', '金水区教育局', 'supervising', '410105');
$s->admin('create-unit', 'JSBAS', '金水区第一中学', 'basic', '410105', 'JSSUP');
my %staff = $s->create_staff($PW, qw(city kfcity county unit));
my %b = $s->staff_browsers($PW, %staff);
my $JSBAS = $s->count(q{SELECT id FROM units WHERE code = 'JSBAS'});

sub taken {
	my $rows = $dbh->selectcol_arrayref(q{SELECT region_code FROM
	    county_takeover WHERE year = ? ORDER BY region_code}, undef, $Y);
	return join ' ', @$rows;
}
sub post {
	my ($who, @codes) = @_;
	return $b{$who}->post('/review/takeover', [ csrf => $b{$who}->csrf('/home'),
	    map { ("county_$_" => 1) } @codes ], accept => 'xml');
}
sub chain_office {
	my ($app) = @_;
	return $s->count(q{SELECT u.code FROM app_chain c JOIN units u ON u.id =
	    c.unit_id WHERE c.application_id = ? ORDER BY c.step DESC LIMIT 1},
	    $app);
}

# A candidate of 金水区 submitted before any takeover: the city reviews.
my (undef, $before_app) = $s->submitted_candidate(GKBM::idno('410105',
    '19800501', '123'), '李明', '13900000001', '410100', $JSBAS);
is(chain_office($before_app), 'ZZCITY', 'before the takeover the city office reviews');

# --- the page ----------------------------------------------------------------------

my $r = $b{city}->get('/review/takeover', accept => 'xml');
is($r->status, 200, 'the city opens 已承接设置') or diag($r->dump);
$valid->($r, 'the city\'s page');
is($r->xpath('/takeover/@scope'), 'city', '... for its city');
my @codes = map { $_->getAttribute('code') } $r->nodes('//county');
ok(@codes >= 5, '... listing its counties (' . scalar(@codes) . ')');
is(scalar(grep { !/^4101/ } @codes), 0, '... and no county of another city');
ok($r->nodes('//county[@code="410105" and @name="金水区"]'), '... 金水区 among them');
like($b{city}->get('/review/takeover')->text, qr/只影响此后提交的报名/,
    'the page says a change reaches later submissions only');
$r = $b{province}->get('/review/takeover', accept => 'xml');
$valid->($r, 'the province\'s page');
ok(scalar(my @n = $r->nodes('//county')) > 100, 'the province sees every county');
for my $k (qw(county unit)) {
	is($b{$k}->get('/review/takeover', accept => 'xml')->status, 403, "$k: 403");
}

# --- setting it ---------------------------------------------------------------------

$r = post('city', '410105', '410102');
is($r->status, 303, 'the city sets 金水区 and 中原区') or diag($r->dump);
like($r->header('location') // '', qr{/review/takeover\?m=takeover}, '... back to the page');
is(taken(), '410102 410105', '... stored for this year');
is($s->count(q{SELECT set_by FROM county_takeover WHERE region_code = '410105'}),
    $s->count(q{SELECT id FROM accounts WHERE login = 'zzsgkb'}), '... by the city');
my $a = $s->last_audit('takeover.set');
is($a->{object}, 'takeover:410100', '... audited');
like($a->{reason}, qr/^year:$Y \+410102 \+410105$/, '... with what changed');
$r = $b{city}->get('/review/takeover', accept => 'xml');
ok($r->nodes('//county[@code="410105" and @taken="1"]'), 'the page shows it ticked');

$r = post('city', '410105', '410205');
is($r->status, 403, 'a county of 开封 from the 郑州 city office: 403') or diag($r->dump);
like($r->xpath('/takeover/form/message') // '', qr/只能设置本市所辖县区/, '... says why');
is(taken(), '410102 410105', '... nothing changed');
$valid->($r, 'the refused page');
$r = post('city', '410105', 'abc');
is($r->status, 400, 'a value that is no region code: 400');
is(taken(), '410102 410105', '... nothing changed');
$r = post('kfcity', '410105');
is($r->status, 403, '开封 sets 金水区: 403');
is(taken(), '410102 410105', '... nothing changed');
$r = post('county', '410105');
is($r->status, 403, 'the county office: 403');
$r = post('unit', '410105');
is($r->status, 403, 'a unit admin: 403');
is(taken(), '410102 410105', '... nothing changed');

# Unticking: the city's form holds all its counties.
$r = post('city', '410105');
is($r->status, 303, 'the city unticks 中原区');
is(taken(), '410105', '... only 金水区 left');
like($s->last_audit('takeover.set')->{reason}, qr/^year:$Y -410102$/, '... audited');

# --- later submissions only ------------------------------------------------------------

is(chain_office($before_app), 'ZZCITY', 'the application submitted before keeps its chain');
my (undef, $after_app) = $s->submitted_candidate(GKBM::idno('410105',
    '19810602', '135'), '赵刚', '13900000002', '410100', $JSBAS);
is(chain_office($after_app), 'JSCNTY', 'a later submission is reviewed by 金水区');

# The province may set any county, and clears what it does not tick.
$r = post('province', '410205');
is($r->status, 303, 'the province sets 开封 禹王台区') or diag($r->dump);
is(taken(), '410205', '... its form covers every county');
is($s->last_audit('takeover.set')->{object}, 'takeover:province', '... audited');

$s->finish;
done_testing;
