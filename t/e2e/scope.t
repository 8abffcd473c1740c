# scope.t: every unit is placed in the subtree of the city and county
# offices that see it (schema/0013-scope.sql), as chain.c finds a unit's
# office: a county's units in their county and city, a directly
# administered county (巩义市) a city of its own, 省直 units and the
# basic units of a 省直 supervising unit in neither.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

my $s = GKBM->start;

# place(CODE, NAME, KIND, REGION, [PARENT]): creates the unit and returns
# its "city county" codes ('-' for none).
sub place {
	my (@a) = @_;
	$s->admin('create-unit', @a);
	my $row = $s->dbh->selectrow_arrayref('SELECT COALESCE(city_code, ' .
	    "'-'), COALESCE(county_code, '-') FROM units WHERE code = ?",
	    undef, $a[0]);
	return "@$row";
}

is(place('ZZCITY', '郑州市工考办', 'city', '410100'), '410100 -',
    'a city office lies in its own city');
is(place('JSCNTY', '金水区工考办', 'county', '410105'), '410100 410105',
    'a county office in its county and its city');
is(place('ZZSUP', '郑州市水利局', 'supervising', '410100'), '410100 -',
    'a city supervising unit in its city');
is(place('JSSUP', '金水区教育局', 'supervising', '410105'),
    '410100 410105', 'a county supervising unit in its county and city');
is(place('JSBAS', '金水区第一中学', 'basic', '410105', 'JSSUP'),
    '410100 410105', '... and its basic unit');
is(place('GYSUP', '巩义市水利局', 'supervising', '410181'), '410181 -',
    'a directly administered county is a city of its own');
is(place('SZSUP', '河南省水利厅', 'supervising', '410000'), '- -',
    'a 省直 unit in no city');
is(place('SZBAS', '河南省水文局郑州分局', 'basic', '410100', 'SZSUP'),
    '- -', "a 省直 unit's basic unit, though in 郑州, in no city");

# The migration places the units that were there before it: clear the
# codes and run its UPDATE again from the file.
my $sql = GKBM::_slurp(GKBM::top_srcdir() . '/schema/0013-scope.sql');
my ($update) = $sql =~ /(UPDATE units u .*?);/s or die 'no UPDATE';
$s->dbh->do('UPDATE units SET city_code = NULL, county_code = NULL');
$s->root_sql("USE $s->{dbname};\n$update;");
is($s->count("SELECT COUNT(*) FROM units WHERE code IN ('JSBAS') AND " .
    "city_code = '410100' AND county_code = '410105'"), 1,
    'the migration places existing units by the same rule');
is($s->count("SELECT COUNT(*) FROM units WHERE city_code IS NULL AND kind <> 'province'"), 2,
    '... and leaves the 省直 ones in no city');

$s->finish;
done_testing;
