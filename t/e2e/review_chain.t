# review_chain.t: the chain of review fixed at submission (SPEC §5, issue
# 11 item 2; fcgi/model/chain.c): a city unit's candidate (本单位 → 主管单位
# → 市工考办), a 省直 unit's (→ 省工考办), a county that took over review
# this year (→ 县区工考办), a supervising unit's own candidate and a unit
# whose supervising unit is the office (one step fewer), a region without
# an office (the province); resubmission after 退回 computes the chain
# anew and starts at step 1.
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

$s->create_units(qw(ZZCITY JSCNTY ZZSUP ZZBAS));
$s->admin('create-unit', 'JSSUP', '金水区教育局', 'supervising', '410105');
$s->admin('create-unit', 'JSBAS', '金水区第一中学', 'basic', '410105', 'JSSUP');
$s->admin('create-unit', 'SZSUP', '河南省水利厅', 'supervising', '410000');
$s->admin('create-unit', 'SZBAS', '河南省水利厅机关', 'basic', '410000', 'SZSUP');
$s->admin('create-unit', 'ZZOFB', '郑州市人才交流中心', 'basic', '410100', 'ZZCITY');
$s->admin('create-unit', 'KFSUP', '开封市教育局', 'supervising', '410200');
$s->admin('create-unit', 'KFBAS', '开封市第一中学', 'basic', '410200', 'KFSUP');
my %U = map { ($_ => $s->count('SELECT id FROM units WHERE code = ?', $_)) }
    qw(HN ZZCITY JSCNTY ZZSUP ZZBAS JSSUP JSBAS SZSUP SZBAS ZZOFB KFSUP KFBAS);

# chain(APP): the stored chain as "level:CODE level:CODE ...".
sub chain {
	my ($app) = @_;
	my $rows = $dbh->selectall_arrayref(q{SELECT c.level, u.code FROM
	    app_chain c JOIN units u ON u.id = c.unit_id WHERE
	    c.application_id = ? ORDER BY c.step}, undef, $app);
	return join ' ', map { "$_->[0]:$_->[1]" } @$rows;
}

# waiting(APP): "state step level CODE since-set" of the application.
sub waiting {
	my ($app) = @_;
	my $r = $dbh->selectrow_arrayref(q{SELECT a.state, a.wait_step,
	    a.wait_level, u.code, a.wait_since IS NOT NULL FROM applications a
	    LEFT JOIN units u ON u.id = a.wait_unit_id WHERE a.id = ?}, undef,
	    $app);
	return join ' ', map { $_ // 'NULL' } @$r;
}

my $n = 0;
my @NAMES = qw(张一 张二 张三 张四 张五 张六 张七 张八 张九 张十 李一 李二);
# case(NAME, REGION, UNIT_CODE, CHAIN, WAIT): a new candidate of REGION
# submits in unit UNIT_CODE; its chain and where it waits.
sub case {
	my ($label, $region, $code, $want, $wait) = @_;
	$n++;
	my $idno = GKBM::idno('410105', sprintf('1985%02d%02d', 1 + $n % 12, 10 + $n),
	    sprintf('%03d', 100 + $n));
	my ($b, $app) = $s->submitted_candidate($idno, $NAMES[$n - 1], sprintf('139%08d', 7000 + $n),
	    $region, $U{$code});
	is(chain($app), $want, "$label: the chain");
	is(waiting($app), $wait, "$label: waits at step 1");
	is($s->count(q{SELECT COUNT(*) FROM review_events WHERE application_id = ?
	    AND action = 'submit'}, $app), 1, "$label: one submit event");
	return ($b, $app, $idno, sprintf('139%08d', 7000 + $n));
}

case('a city unit', '410100', 'ZZBAS',
    'unit:ZZBAS supervising:ZZSUP city:ZZCITY', 'submitted 1 unit ZZBAS 1');
case('a 省直 unit', '410100', 'SZBAS',
    'unit:SZBAS supervising:SZSUP province:HN', 'submitted 1 unit SZBAS 1');
case('a 省直 supervising unit itself', '410200', 'SZSUP',
    'supervising:SZSUP province:HN', 'submitted 1 supervising SZSUP 1');
case('a county that did not take over', '410100', 'JSBAS',
    'unit:JSBAS supervising:JSSUP city:ZZCITY', 'submitted 1 unit JSBAS 1');
case('its own supervising unit', '410100', 'ZZSUP',
    'supervising:ZZSUP city:ZZCITY', 'submitted 1 supervising ZZSUP 1');
case('the supervising unit is the office', '410100', 'ZZOFB',
    'unit:ZZOFB city:ZZCITY', 'submitted 1 unit ZZOFB 1');
case('no city office in the city', '410200', 'KFBAS',
    'unit:KFBAS supervising:KFSUP province:HN', 'submitted 1 unit KFBAS 1');

# 已承接: the county reviews its county's units this year; the city's
# own units still go to the city.
$dbh->do(q{INSERT INTO county_takeover (year, region_code, set_by, set_at)
    VALUES (?, '410105', 1, NOW())}, undef, $Y);
case('a county that took over', '410100', 'JSBAS',
    'unit:JSBAS supervising:JSSUP county:JSCNTY', 'submitted 1 unit JSBAS 1');
case('a county unit, supervising unit itself', '410100', 'JSSUP',
    'supervising:JSSUP county:JSCNTY', 'submitted 1 supervising JSSUP 1');
my ($b, $app, $idno, $phone) = case('a city unit beside it', '410100', 'ZZBAS',
    'unit:ZZBAS supervising:ZZSUP city:ZZCITY', 'submitted 1 unit ZZBAS 1');

# No office at all for the unit (no city office, no province office):
# the submission is refused with the reason and nothing is stored.
{
	$dbh->do(q{UPDATE units SET kind = 'basic' WHERE code = 'HN'});
	my $id = GKBM::idno('410105', '19860101', '511');
	$s->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate', $Y, $id,
	    '王无', '13900007901', '410200', '4');
	my ($b, $app) = $s->login_app($id, '王无', 'Passw0rdx9');
	my $r = $s->submit_app($b, $app, '13900007901', $U{KFBAS});
	is($r->status, 400, 'no office: the form again, refused') or diag($r->dump);
	like($r->xpath('/apply/form/message') // '', qr/尚未设置审核机构/,
	    '... saying no office reviews there');
	is(waiting($app), 'draft NULL NULL NULL 0', '... still a draft');
	is(chain($app), '', '... no chain');
	is($s->count(q{SELECT COUNT(*) FROM review_events WHERE
	    application_id = ?}, $app), 0, '... no event');
	$dbh->do(q{UPDATE units SET kind = 'province' WHERE code = 'HN'});
}

# Resubmission after 退回本人 (the review's return, as it leaves the row):
# the chain is computed anew from the unit chosen now and starts at 1.
$dbh->do(q{UPDATE applications SET state = 'returned', wait_step = NULL,
    wait_unit_id = NULL, wait_level = NULL, wait_since = NULL,
    version = version + 1 WHERE id = ?}, undef, $app);
my $r = $s->submit_app($b, $app, $phone, $U{JSBAS});
is($r->status, 303, 'resubmitted in another unit') or diag($r->dump);
is(chain($app), 'unit:JSBAS supervising:JSSUP county:JSCNTY',
    '... the chain is the new unit\'s');
is(waiting($app), 'submitted 1 unit JSBAS 1', '... waiting at step 1');
is($s->count(q{SELECT COUNT(*) FROM review_events WHERE application_id = ?
    AND action = 'submit'}, $app), 2, '... a second submit event');

# Takeover is per year: last year's flag does not count.
$dbh->do(q{DELETE FROM county_takeover});
$dbh->do(q{INSERT IGNORE INTO years (year, title) VALUES (?, 'last')}, undef,
    $Y - 1);
$dbh->do(q{INSERT INTO county_takeover (year, region_code, set_by, set_at)
    VALUES (?, '410105', 1, NOW())}, undef, $Y - 1);
case('a county that took over last year only', '410100', 'JSBAS',
    'unit:JSBAS supervising:JSSUP city:ZZCITY', 'submitted 1 unit JSBAS 1');

done_testing;
