# unitregion.t: the unit of an application lies in the city or directly
# administered county the candidate registered in (or is a province-level
# 省直 unit).  A candidate registered in 洛阳 choosing a 郑州 unit gets a
# clear message at the unit, on save and on submit, and nothing is stored.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

my $s = GKBM->start;
my $Y = $s->year;
my $PW = 'Passw0rdx9';

sub unit {
	my (@a) = @_;
	$s->admin('create-unit', @a);
	return $s->count('SELECT id FROM units WHERE code = ?', $a[0]);
}
my $ZZSUP = unit('ZZSUP', '郑州市水利局', 'supervising', '410100');
my $ZZBAS = unit('ZZBAS', '郑州市水利局机关', 'basic', '410100', 'ZZSUP');
my $LYSUP = unit('LYSUP', '洛阳市水利局', 'supervising', '410300');
my $LYBAS = unit('LYBAS', '洛阳市水利局机关', 'basic', '410300', 'LYSUP');
my $XGSUP = unit('XGSUP', '西工区城管局', 'supervising', '410303');
my $SZSUP = unit('SZSUP', '河南省水利厅', 'supervising', '410000');

my $ID = GKBM::idno('410305', '19800501', 123);
$s->admin({ stdin => "$PW\n" }, 'create-candidate', $Y, $ID, '李明',
    '13900000011', '410300', 4);
my $b = $s->browser;
is($b->login('candidate', $ID, $PW)->status, 303, 'a candidate registered in 洛阳 logs in');
is($b->get('/apply', accept => 'xml')->status, 200, '... opens the form');
my $acct = $s->count('SELECT id FROM accounts WHERE name = ?', '李明');
my $app = $s->count('SELECT id FROM applications WHERE account_id = ?', $acct);

sub version { $s->count('SELECT version FROM applications WHERE id = ?', $app) }
sub stored_unit { $s->count('SELECT COALESCE(unit_id, 0) FROM applications WHERE id = ?', $app) }

# save(REGION, SUPERVISOR, UNIT, [ACTION]): POST /apply.
sub save {
	my ($region, $sup, $unit, $action) = @_;
	return $b->post('/apply', { csrf => $b->csrf('/apply'),
	    action => $action // 'save', version => version(), region => $region,
	    supervisor => $sup, unit_id => $unit, sms_code => '000000' },
	    accept => 'xml');
}

my $v = version();
my $r = save('410100', $ZZSUP, $ZZBAS);
is($r->status, 400, 'a 郑州 unit: 400') or diag($r->dump);
like($r->xpath("/apply/form/field[\@name='unit_id']/error") // '',
    qr/所选单位属于郑州市，与您注册时选择的洛阳市不一致。请选择洛阳市或省直的单位/,
    '... says where the unit is and what to choose');
is(version(), $v, '... nothing stored');
is(stored_unit(), 0, '... no unit');
$r = save('410100', $ZZSUP, $ZZSUP);
is($r->status, 400, 'the 郑州 supervising unit itself: 400');
is(version(), $v, '... nothing stored');
$r = save('410100', $ZZSUP, $ZZBAS, 'submit');
like($r->xpath("/apply/form/field[\@name='unit_id']/error") // '',
    qr/与您注册时选择的洛阳市不一致/, 'on submit too');
isnt($s->count('SELECT state FROM applications WHERE id = ?', $app), 'submitted',
    '... not submitted');
is(version(), $v, '... nothing stored');
$r = $b->post('/apply', { csrf => $b->csrf('/apply'), action => 'save',
    version => version(), region => '410100', supervisor => $ZZSUP,
    unit_id => $ZZBAS }, accept => 'html');
like($r->text, qr/所选单位属于郑州市/, 'the HTML page shows the message');

for my $ok (['a 洛阳 unit', '410300', $LYSUP, $LYBAS],
    ['a unit of a 洛阳 county (西工区)', '410300', $XGSUP, $XGSUP],
    ['a 省直 unit', '410000', $SZSUP, $SZSUP]) {
	my ($label, @f) = @$ok;
	$r = save(@f);
	is($r->status, 303, "$label: saved") or diag($r->dump);
	is(stored_unit(), $f[2], '... stored');
}

$s->finish;
done_testing;
