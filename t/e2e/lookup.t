# lookup.t: the work-type search and the unit tree (GET /lookup/worktypes,
# GET /lookup/units): pinyin initials that are not unique (hly), names,
# merged work types with their new counterparts, the R14/R16 target list,
# every bad parameter refused with a Chinese message, the plain HTML
# lists, the RELAX NG contracts, and no access without a session.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $PW = 'Passw0rdx9';

my %schema;
for my $p (qw(units worktypes)) {
	$schema{$p} = XML::LibXML::RelaxNG->new(
	    location => GKBM::top_srcdir() . "/schema/xml/$p.rng");
}

# valid(r, page, label): the document passes its schema.
sub valid {
	my ($r, $page, $label) = @_;
	my $ok = eval { $schema{$page}->validate($r->xml); 1 };
	ok($ok, "$label: valid against $page.rng") or diag($@ . $r->text);
}

$s->admin('create-unit', 'ZZSUP', '郑州市水利局', 'supervising', '410100');
$s->admin('create-unit', 'JSSUP', '金水区教育局', 'supervising', '410105');
$s->admin('create-unit', 'ZZBAS1', '郑州市水利局机关', 'basic', '410100', 'ZZSUP');
$s->admin('create-unit', 'ZZBAS2', '郑州市水文水资源勘测局', 'basic', '410100', 'ZZSUP');
$s->admin('create-unit', 'KFSUP', '开封市教育局', 'supervising', '410200');
my $ID = GKBM::idno('410105', '19800501', 123);
$s->admin({ stdin => "$PW\n" }, 'create-candidate', $Y, $ID, '李明',
    '13900000001', '410100', 4);
my %uid = map { $_ => $s->count('SELECT id FROM units WHERE code = ?', $_) }
    qw(ZZSUP JSSUP ZZBAS1 ZZBAS2 KFSUP);

# --- no session ----------------------------------------------------------------

my $anon = $s->browser;
my $r = $anon->get('/lookup/worktypes?q=hly');
is($r->status, 303, 'anon GET worktypes: 303');
like($r->header('location') // '', qr{^/login}, '... to the login page');
$r = $anon->get('/lookup/worktypes?q=hly', accept => 'xml');
is($r->status, 403, 'anon XML worktypes: 403');
ok(!scalar($r->nodes('//worktype')), '... and no work type in it');
$r = $anon->get("/lookup/units?region=410100", accept => 'xml');
is($r->status, 403, 'anon XML units: 403');
ok(!scalar($r->nodes('//unit')), '... and no unit in it');
$r = $anon->get("/lookup/units?region=410100");
is($r->status, 303, 'anon GET units: 303');

my $b = $s->browser;
$r = $b->login('candidate', $ID, $PW);
is($r->status, 303, 'the candidate logs in') or diag($r->dump);

# --- work types ------------------------------------------------------------------

sub wt {
	my ($q, $label) = @_;
	my $r = $b->get('/lookup/worktypes?q=' . GKBM::Browser::_enc($q),
	    accept => 'xml');
	is($r->status, 200, "$label: 200") or diag($r->dump);
	valid($r, 'worktypes', $label);
	return ($r, [map { $_->getAttribute('name') } $r->nodes('/worktypes/worktype')]);
}

my $names;
($r, $names) = wt('hly', 'hly');
is_deeply([sort @$names], [sort qw(护理员 护林员)],
    'hly lists 护理员 and 护林员 (initials are not unique)');
is($r->xpath('/worktypes/@q'), 'hly', 'the query is echoed');
(undef, $names) = wt('HLY', 'HLY');
is_deeply([sort @$names], [sort qw(护理员 护林员)], 'upper-case initials match too');
(undef, $names) = wt('byy', 'byy');
ok((grep { $_ eq '播音员' } @$names), 'byy lists 播音员');
ok((grep { $_ eq '保育员' } @$names), '... and 保育员 (same initials)');
(undef, $names) = wt('护理', '护理');
is_deeply([sort @$names], [sort qw(护理员 养老护理员)],
    'a Chinese substring matches inside names (养老护理员)');
(undef, $names) = wt('ylhly', 'ylhly');
is_deeply($names, ['养老护理员'], 'initials match as a prefix only');
($r, $names) = wt('sdg', 'sdg');
is_deeply($names, ['水电工'], 'sdg lists the old 水电工');
is($r->xpath('/worktypes/worktype/@status'), 'merged', '... merged');
is_deeply([sort map { $_->getAttribute('name') }
    $r->nodes('/worktypes/worktype/maps-to')], [sort qw(电工 管道工)],
    '... with its two new counterparts 电工 and 管道工');
($r, $names) = wt('水电', '水电');
is_deeply($names, ['水电工'], 'the old type is found by name too');
($r, $names) = wt('晒图', '晒图');
is($r->xpath('/worktypes/worktype/@status'), 'cancelled', 'a cancelled type is marked');
ok(!scalar($r->nodes('/worktypes/worktype/maps-to')), '... without counterparts');
($r, $names) = wt('', 'empty q');
ok(@$names >= 40 && @$names <= 50, 'an empty query lists the current types (at most 50): ' . scalar(@$names));
ok(!scalar($r->nodes("/worktypes/worktype[\@status != 'current']")),
    '... and only current ones');
(undef, $names) = wt('zzzz', 'no match');
is_deeply($names, [], 'a query matching nothing gives an empty list');

# bad(url, re, label): 400 with the message.
sub bad {
	my ($url, $re, $label) = @_;
	my $r = $b->get($url, accept => 'xml');
	is($r->status, 400, "$label: 400") or diag($r->dump);
	like($r->xpath('/error/error/message') // '', $re, "$label: the message");
	ok(!scalar($r->nodes('//worktype | //unit')), "$label: no rows");
}

bad('/lookup/worktypes?q=h%25', qr/拼音首字母/, 'q with %');
bad('/lookup/worktypes?q=h_y', qr/拼音首字母/, 'q with _');
bad('/lookup/worktypes?q=h%20y', qr/拼音首字母/, 'q with a space');
bad('/lookup/worktypes?q=123', qr/拼音首字母/, 'q with digits');
bad('/lookup/worktypes?q=' . GKBM::Browser::_enc('护' x 11), qr/过长/, 'q of 11 characters');
bad('/lookup/worktypes?q=%FF%FE', qr/UTF-8|有效的文字/, 'q not UTF-8');

# --- the R14 target list ----------------------------------------------------------

sub targets {
	my ($qs, $label) = @_;
	my $r = $b->get("/lookup/worktypes?for=target&$qs", accept => 'xml');
	is($r->status, 200, "$label: 200") or diag($r->dump);
	valid($r, 'worktypes', $label);
	return ($r->xpath('/worktypes/@restricted'),
	    [sort map { $_->getAttribute('code') } $r->nodes('/worktypes/worktype')]);
}

my ($restr, $codes) = targets('cur=W906&level=4&route=certificate&curlevel=5',
    '水电工 level 4 by certificate');
is($restr, '1', '水电工 to level 4 by certificate: R14 restricts');
is_deeply($codes, [qw(W019 W023)], '... to 电工 and 管道工');
($restr, $codes) = targets('cur=W019&level=3&route=certificate&curlevel=4',
    '电工 level 3 by certificate');
is($restr, '1', '电工 (current) level 3 by certificate: restricted');
is_deeply($codes, ['W019'], '... to itself');
($restr, $codes) = targets('cur=W906&level=4&route=years&curlevel=5',
    '水电工 level 4 by years');
is($restr, '0', 'level 4 by years: free');
ok(@$codes > 40, '... every current type');
($restr, $codes) = targets('cur=W906&level=5&route=&curlevel=0', 'level 5');
is($restr, '0', 'level 5: free');
($restr, $codes) = targets('cur=W030&level=3&route=certificate&curlevel=4',
    '汽车驾驶员 level 3');
is($restr, '0', '汽车驾驶员 not for level 1: free');
($restr, $codes) = targets('cur=W909&level=3&route=certificate&curlevel=4',
    'a cancelled type');
is($restr, '0', 'a cancelled type has no counterpart: free');
# R16: level 1 only among the types open this year.
$s->dbh->do('INSERT INTO policy_level1 (year, worktype) VALUES (?, ?)',
    undef, $Y, 'W019');
($restr, $codes) = targets('cur=W906&level=1&route=&curlevel=2', '水电工 level 1');
is($restr, '1', '水电工 to level 1: restricted');
is_deeply($codes, ['W019'], '... and only 电工 is open for level 1 this year');
($restr, $codes) = targets('cur=W030&level=1&route=&curlevel=2', '汽车驾驶员 level 1');
is_deeply($codes, [], '汽车驾驶员 to level 1: restricted to itself, not open this year: nothing offered');

bad('/lookup/worktypes?for=source', qr/for只能为target/, 'for unknown');
bad('/lookup/worktypes?for=target&level=9', qr/申报岗位等级/, 'level 9');
bad('/lookup/worktypes?for=target&level=', qr/申报岗位等级/, 'level missing');
bad('/lookup/worktypes?for=target&level=3&route=fast', qr/申报方式/, 'route unknown');
bad('/lookup/worktypes?for=target&level=3&curlevel=7', qr/现岗位等级/, 'curlevel 7');
bad('/lookup/worktypes?for=target&level=3&cur=W999', qr/不存在/, 'cur unknown');
bad('/lookup/worktypes?for=target&level=3&cur=w%27or', qr/不正确/, 'cur with quotes');

# --- the unit tree ------------------------------------------------------------------

sub units {
	my ($qs, $label) = @_;
	my $r = $b->get("/lookup/units?$qs", accept => 'xml');
	is($r->status, 200, "$label: 200") or diag($r->dump);
	valid($r, 'units', $label);
	return ($r, [sort map { $_->getAttribute('code') } $r->nodes('/units/unit')]);
}

($r, $codes) = units('region=410100', 'region 郑州市');
is_deeply($codes, [qw(JSSUP ZZSUP)],
    'the supervising units of 郑州市, its county 金水区 included');
is($r->xpath('/units/@name'), '郑州市', 'the region is named');
($r, $codes) = units('region=410200', 'region 开封市');
is_deeply($codes, ['KFSUP'], '开封市 has its own');
($r, $codes) = units("parent=$uid{ZZSUP}", 'parent ZZSUP');
is_deeply($codes, [qw(ZZBAS1 ZZBAS2)], 'the basic units of 郑州市水利局');
($r, $codes) = units("parent=$uid{KFSUP}", 'parent KFSUP');
is_deeply($codes, [], 'a supervising unit without basic units: empty');
($r, $codes) = units('region=410300', 'region 洛阳市');
is_deeply($codes, [], 'a region without units: empty');

bad('/lookup/units', qr/region.*parent/, 'neither region nor parent');
bad("/lookup/units?region=410100&parent=$uid{ZZSUP}", qr/其中之一/, 'both');
bad('/lookup/units?region=4101', qr/6位数字/, 'region of 4 digits');
bad('/lookup/units?region=41010x', qr/6位数字/, 'region with a letter');
bad('/lookup/units?region=419999', qr/没有这个地区/, 'region unknown');
bad('/lookup/units?region=410105', qr/没有这个地区/, 'region an ordinary county');
bad('/lookup/units?parent=abc', qr/正整数/, 'parent not a number');
bad('/lookup/units?parent=0', qr/正整数/, 'parent 0');
bad('/lookup/units?parent=99999', qr/没有这个主管单位/, 'parent unknown');
bad("/lookup/units?parent=$uid{ZZBAS1}", qr/没有这个主管单位/, 'parent a basic unit');

# --- HTML ---------------------------------------------------------------------------

$r = $b->get('/lookup/worktypes?q=hly');
is($r->status, 200, 'the HTML list of hly');
like($r->text, qr/护理员.*护林员|护林员.*护理员/s, '... names both');
$r = $b->get('/lookup/worktypes?q=sdg');
like($r->text, qr/水电工.*已合并.*电工、管道工/s, 'the HTML list names the new counterparts');
$r = $b->get('/lookup/units?region=410100');
is($r->status, 200, 'the HTML list of units');
like($r->text, qr{href="/lookup/units\?parent=$uid{ZZSUP}"}, '... links to the next level');
$r = $b->get('/lookup/units?region=abc');
is($r->status, 400, 'a bad parameter in HTML: 400');
like($r->text, qr/6位数字/, '... with its message');

# --- staff may look things up too ---------------------------------------------------

my $p = $s->browser;
$r = $p->login('staff', $GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW);
is($r->status, 303, 'the province logs in');
$r = $p->get('/lookup/worktypes?q=hly', accept => 'xml');
is($r->status, 200, 'the province searches work types');
is(scalar(() = $r->nodes('/worktypes/worktype')), 2, '... and finds two');
$r = $p->get('/lookup/units?region=410100', accept => 'xml');
is($r->status, 200, 'the province looks at the unit tree');

$s->finish;
done_testing;
