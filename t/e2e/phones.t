# phones.t: 咨询电话.  Each county, city and the province office keeps its
# own numbers on /admin/phones (CSRF, audited, its own region only);
# everyone reads them on /help/phones, cities and directly administered
# counties each listed, counties under their city.  Every wrong input is
# refused with a Chinese message at its field and nothing changes.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 2);
my $STAFF_PW = 'Staff#2026ab';
my $valid_pub = GKBM::rng_validator('phones');
my $valid_edit = GKBM::rng_validator('phoneedit');

$s->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
my %staff = $s->create_staff($STAFF_PW, qw(city kfcity county unit));
my %b = $s->staff_browsers($STAFF_PW, %staff);
my $anon = $s->browser;

sub rows {
	my ($region) = @_;
	return join('|', map { "$_->[0] $_->[1]" } @{ $s->dbh->selectall_arrayref(
	    q{SELECT label, phone FROM consult_phones WHERE region_code = ?
	    ORDER BY sort}, undef, $region) });
}
sub naudit { $s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'phones.set'}) }

# save(browser, {label_1 => ..., phone_1 => ...}, accept)
sub save {
	my ($b, $f, $acc) = @_;
	my %f = (csrf => $b->csrf('/admin/phones'), %$f);
	delete $f{csrf} if defined $f{csrf} && $f{csrf} eq '-';
	return $b->post('/admin/phones', \%f, $acc ? (accept => $acc) : ());
}

# --- nothing published yet -------------------------------------------------------

my $r = $anon->get('/help/phones');
is($r->status, 200, 'the public list without a login') or diag($r->dump);
like($r->text, qr/郑州市.*暂未公布/s, 'a city without numbers: 暂未公布');
$r = $anon->get('/help/phones', accept => 'xml');
$valid_pub->($r, 'the empty list');
is(scalar(my @o = $r->nodes('/phones/offices/office')),
    $s->count(q{SELECT COUNT(*) FROM regions WHERE kind IN ('city', 'direct_county')}),
    'every city and directly administered county listed');

# --- the city saves its numbers ------------------------------------------------------

$r = $b{city}->get('/admin/phones', accept => 'xml');
is($r->status, 200, 'the city office opens its page') or diag($r->dump);
is($r->xpath('/phoneedit/@region'), '410100', '... of its own region');
is($r->xpath('/phoneedit/@region-name'), '郑州市', '... by name');
$valid_edit->($r, 'the empty edit page');
$r = $b{city}->get('/admin/phones');
like($r->text, qr/咨询电话维护/, 'the HTML page');
is(scalar(() = $r->body =~ /name="phone_\d"/g), 5, 'five rows');

my $n0 = naudit();
$r = save($b{city}, { label_1 => '市工考办', phone_1 => '0371-67890123',
    label_2 => '', phone_2 => '0371-67890124-801', phone_3 => '13812345678',
    label_4 => '人社服务热线', phone_4 => '12333', region => '410200' });
is($r->status, 303, 'saved: 303') or diag($r->dump);
is($r->header('location'), '/admin/phones?m=saved', '... back to the page');
is(rows('410100'), '市工考办 0371-67890123|咨询电话 0371-67890124-801|'
    . '咨询电话 13812345678|人社服务热线 12333', 'the numbers stored, 咨询电话 by default');
is(rows('410200'), '', 'a region parameter is ignored: 开封市 untouched');
is(naudit(), $n0 + 1, 'one audit row');
my $a = $s->last_audit('phones.set');
like(join(' ', map { $_ // '' } @$a{qw(event object result reason)}),
    qr/phones\.set phones:410100 ok 市工考办 0371-67890123/, 'the audit row says what')
    or diag(explain $a);
$r = $b{city}->get('/admin/phones?m=saved', accept => 'xml');
is($r->xpath('/phoneedit/form/field[@name="phone_2"]/@value'), '0371-67890124-801',
    'the page shows them again');
$valid_edit->($r, 'the filled edit page');

# The county under the city, and the province.
$r = save($b{county}, { label_1 => '金水区工考办', phone_1 => '0371-65551234' });
is($r->status, 303, 'the county saves') or diag($r->dump);
$r = save($b{province}, { label_1 => '省工考中心（政策咨询）', phone_1 => '0371-61612579' });
is($r->status, 303, 'the province saves') or diag($r->dump);

$r = $anon->get('/help/phones', accept => 'xml');
$valid_pub->($r, 'the published list');
is($r->xpath('/phones/offices/office[1]/@kind'), 'province', 'the province first');
is($r->xpath('/phones/offices/office[1]/phone/@number'), '0371-61612579', '... its number');
is($r->xpath('/phones/offices/office[@code="410100"]/phone[1]/@label'), '市工考办',
    'the city\'s label');
is($r->xpath('/phones/offices/office[@code="410100"]/office[@code="410105"]/phone/@number'),
    '0371-65551234', 'the county under its city');
is(scalar(my @p = $r->nodes('/phones/offices/office[@code="410200"]/phone')), 0,
    '开封市 still without numbers');
$r = $anon->get('/help/phones');
like($r->text, qr{<a class="phone" href="tel:0371-67890123">0371-67890123</a>},
    'a number a phone can call');
like($r->text, qr/金水区.*0371-65551234/s, 'the county shown');

# --- every wrong input: 400, the message at its field, nothing changed --------------

my $before = rows('410100');
# wrong(label, {fields}, field, qr/message/)
sub wrong {
	my ($what, $f, $field, $re) = @_;
	my $n = naudit();
	my $r = save($b{city}, $f, 'xml');
	is($r->status, 400, "$what: 400") or diag($r->dump);
	like($r->xpath("/phoneedit/form/field[\@name='$field']/error") // '', $re,
	    "$what: the message at $field");
	like($r->xpath('/phoneedit/form/message') // '', qr/咨询电话没有改动/,
	    "$what: above the form");
	is(rows('410100'), $before, "$what: nothing changed");
	is(naudit(), $n, "$what: nothing audited");
	$valid_edit->($r, $what);
	my $h = save($b{city}, $f);
	like($h->text, qr/<p class="error" id="f-$field-err">/, "$what: the HTML shows it");
}
my $FMT = qr/电话号码格式不正确/;
wrong('letters', { phone_1 => 'abc' }, 'phone_1', $FMT);
wrong('three digits', { phone_1 => '123' }, 'phone_1', $FMT);
wrong('a landline without area code', { phone_1 => '61612579' }, 'phone_1', $FMT);
wrong('a short landline', { phone_1 => '0371-123' }, 'phone_1', $FMT);
wrong('a dash at the end', { phone_1 => '0371-61612579-' }, 'phone_1', $FMT);
wrong('spaces inside', { phone_1 => '0371 6161 2579' }, 'phone_1', $FMT);
wrong('a mobile with 12 digits', { phone_1 => '138123456789' }, 'phone_1', $FMT);
wrong('a mobile 12…', { phone_1 => '12812345678' }, 'phone_1', $FMT);
wrong('too long', { phone_1 => '0371-61612579-' . ('1' x 20) }, 'phone_1', $FMT);
wrong('markup', { phone_1 => '<b>0371</b>' }, 'phone_1', $FMT);
wrong('a label without a number', { label_2 => '值班电话' }, 'phone_2',
    qr/请填写电话号码/);
wrong('a label of 21 characters', { label_1 => '长' x 21, phone_1 => '0371-61612579' },
    'label_1', qr/不能超过20个字/);
wrong('markup in a label', { label_1 => '<script>', phone_1 => '0371-61612579' },
    'label_1', qr/无法识别的字符/);
wrong('a tab in a label', { label_1 => "市\t工考办",
    phone_1 => '0371-61612579' }, 'label_1', qr/无法识别的字符/);
wrong('the same number twice', { phone_1 => '0371-61612579', phone_3 => '0371-61612579' },
    'phone_3', qr/已经填写过/);
wrong('one good row, one bad', { phone_1 => '0371-61612579', phone_2 => 'x' },
    'phone_2', $FMT);
{
	my $r = save($b{city}, { phone_1 => '0371-61612579' }, 'xml');
	# restore what the wrong() calls compare with
	$r = save($b{city}, { label_1 => '市工考办', phone_1 => '0371-67890123',
	    phone_2 => '0371-67890124-801', phone_3 => '13812345678',
	    label_4 => '人社服务热线', phone_4 => '12333' });
	is(rows('410100'), $before, 'saved again as before');
}
# Bytes that are not UTF-8, a control character: refused by the form
# reader before the page, in Chinese too.
for my $bad ('%FF%FE', '%E5%B8%82%01') {
	my $n = naudit();
	my $r = $b{city}->request('POST', '/admin/phones', accept => 'xml',
	    headers => { 'Content-Type' => 'application/x-www-form-urlencoded' },
	    content => 'csrf=' . $b{city}->csrf('/admin/phones')
	    . "&label_1=$bad&phone_1=0371-61612579");
	is($r->status, 400, "label $bad: 400") or diag($r->dump);
	like($r->xpath('//error/message') // '', qr/UTF-8|字符/, '... a Chinese message');
	is(rows('410100'), $before, '... nothing changed');
	is(naudit(), $n, '... nothing audited');
}

# CSRF: without or with another session's token, 403 and nothing changed.
for my $t (['no csrf', '-'], ["the county's csrf", $b{county}->csrf('/home')]) {
	my $r = save($b{city}, { csrf => $t->[1], phone_1 => '0371-11111111' }, 'xml');
	is($r->status, 403, "$t->[0]: 403") or diag($r->dump);
	is(rows('410100'), $before, "$t->[0]: nothing changed");
}

# Other roles: no page, no saving.
for my $k (qw(unit)) {
	my $r = $b{$k}->get('/admin/phones', accept => 'xml');
	is($r->status, 403, "$k: GET /admin/phones 403");
	$r = save($b{$k}, { phone_1 => '0371-11111111' }, 'xml');
	is($r->status, 403, "$k: POST /admin/phones 403");
}
$r = $anon->get('/admin/phones');
is($r->status, 303, 'anonymous: sent to log in');

# --- clearing --------------------------------------------------------------------------

$r = save($b{kfcity}, { phone_1 => '0371-23456789' });
is(rows('410200'), '咨询电话 0371-23456789', '开封市 publishes a number');
$r = save($b{kfcity}, {});
is($r->status, 303, 'all rows empty: saved');
is(rows('410200'), '', '... the numbers removed');
is(rows('410100'), $before, '... 郑州市 untouched');

$s->finish;
done_testing;
