# GKBM/Review.pm: the fixtures of the review tests (t/e2e/review*.t): a
# stack with the units of every chain shape and their staff logged in,
# candidates submitted into a unit, and decisions posted as the pages do.
#
#   use GKBM::Review;
#   my $rv = GKBM::Review->start(workers => 3);   # review window open
#   my $c = $rv->candidate('ZZBAS');   # { b, app, acct, phone, idno, name }
#   my $r = $rv->decide('unit', $c->{app}, 'pass');
#
# Units (codes): 郑州市工考办 ZZCITY, 开封市工考办 KFCITY, 金水区工考办
# JSCNTY (took over review this year), 郑州市水利局 ZZSUP with 机关 ZZBAS,
# 金水区教育局 JSSUP with 第一中学 JSBAS, 河南省水利厅 SZSUP (省直) with
# 机关 SZBAS, the province HN.  Staff keys: those of %GKBM::STAFF (unit and
# reviewer of ZZBAS, supervising ZZSUP, county JSCNTY, city ZZCITY, kfcity
# KFCITY) and jsunit, jssup, szunit, szsup, province.
package GKBM::Review;

use strict;
use warnings;
use utf8;

use Carp qw(croak);
use Test::More;
use GKBM;

our $STAFF_PW = 'Staff#Henan2026';
our $PW = 'Passw0rdx9';

# The extra staff: key => [login, name, phone, role, unit code].
our %MORE = (
	jsunit => ['jsdw01', '金单位', '13700000021', 'unit', 'JSBAS'],
	jssup => ['jszg01', '金主管', '13700000022', 'supervising', 'JSSUP'],
	szunit => ['szdw01', '省单位', '13700000023', 'unit', 'SZBAS'],
	szsup => ['szzg01', '省主管', '13700000024', 'supervising', 'SZSUP'],
);

my @SURNAMES = qw(王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高);
my @GIVEN = qw(明 华 强 伟 芳 娜 敏 静 丽 军 杰 涛 超 勇 艳 磊 洋 刚 平 辉);

# start(%GKBM_START_OPTIONS, window => 'open'|'closed'): the stack, its
# units and staff (one test each: staff logs in), the review window
# open unless window => 'closed', 金水区 taking over review this year.
sub start {
	my ($class, %o) = @_;
	my $win = delete $o{review} // 'open';
	my $s = GKBM->start(%o);
	my $self = bless { s => $s, n => 0 }, $class;
	$s->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
	$s->admin('create-unit', 'JSSUP', '金水区教育局', 'supervising', '410105');
	$s->admin('create-unit', 'JSBAS', '金水区第一中学', 'basic', '410105', 'JSSUP');
	$s->admin('create-unit', 'SZSUP', '河南省水利厅', 'supervising', '410000');
	$s->admin('create-unit', 'SZBAS', '河南省水利厅机关', 'basic', '410000', 'SZSUP');
	my %staff = $s->create_staff($STAFF_PW,
	    qw(unit reviewer supervising county city kfcity));
	for my $k (sort keys %MORE) {
		$s->admin({ stdin => "$STAFF_PW\n" }, 'create-staff', @{ $MORE{$k} });
		$staff{$k} = $MORE{$k};
	}
	$self->{staff} = \%staff;
	$self->{b} = { $s->staff_browsers($STAFF_PW, %staff) };
	$self->window('review', $win);
	$s->dbh->do(q{INSERT INTO county_takeover (year, region_code, set_by,
	    set_at) VALUES (?, '410105', 1, NOW())}, undef, $s->year);
	return $self;
}

sub s { $_[0]{s} }
sub b { $_[0]{b}{ $_[1] } // croak "no browser $_[1]" }
sub dbh { $_[0]{s}->dbh }

# window(KIND, 'open'|'closed'|'past'|'future'): sets the window of this
# year (open: from yesterday for two weeks; closed: ended yesterday).
sub window {
	my ($self, $kind, $how) = @_;
	my $s = $self->{s};
	my @span = $how eq 'open' ? (GKBM::_ymdhm(-86400), GKBM::_ymdhm(14 * 86400))
	    : $how eq 'future' ? (GKBM::_ymdhm(86400), GKBM::_ymdhm(14 * 86400))
	    : (GKBM::_ymdhm(-15 * 86400), GKBM::_ymdhm(-86400));
	$s->admin('window', $s->year, $kind, @span);
	return @span;
}

# unit_id(CODE)
sub unit_id {
	my ($self, $code) = @_;
	return $self->{s}->count('SELECT id FROM units WHERE code = ?', $code);
}

# candidate(UNIT_CODE, [REGION]): a new candidate of this year registered
# in REGION [410100] submits in the unit (one test each: logs in,
# submits).  Returns { b, app, acct, phone, idno, name }.
sub candidate {
	my ($self, $code, $region) = @_;
	my $n = ++$self->{n};
	my $name = $SURNAMES[$n % @SURNAMES] . $GIVEN[$n % @GIVEN]
	    . $GIVEN[int($n / @GIVEN) % @GIVEN];
	my $idno = GKBM::idno('410105', sprintf('1980%02d%02d',
	    1 + $n % 12, 1 + $n % 28), 100 + $n);
	my $phone = sprintf('1390%07d', 1000 + $n);
	my ($b, $app, $acct) = $self->{s}->submitted_candidate($idno, $name,
	    $phone, $region // '410100', $self->unit_id($code), $PW);
	return { b => $b, app => $app, acct => $acct, phone => $phone,
	    idno => $idno, name => $name };
}

# row(APP): { state version wait_step wait_level wait_unit defer_state
# decided } of the application.
sub row {
	my ($self, $app) = @_;
	return $self->dbh->selectrow_hashref(q{SELECT a.state, a.version,
	    a.wait_step, a.wait_level, u.code AS wait_unit, a.defer_state,
	    a.defer_note, a.decided_at IS NOT NULL AS decided FROM applications a
	    LEFT JOIN units u ON u.id = a.wait_unit_id WHERE a.id = ?}, undef,
	    $app);
}

# events(APP, [ACTION]): how many review_events it has (of ACTION).
sub events {
	my ($self, $app, $action) = @_;
	return $self->{s}->count('SELECT COUNT(*) FROM review_events WHERE '
	    . 'application_id = ?' . ($action ? ' AND action = ?' : ''), $app,
	    $action ? $action : ());
}

# decide(KEY, APP, ACTION, %FIELDS): POST /review/decide as staff KEY with
# the application's current version (unless FIELDS give one); XML.
sub decide {
	my ($self, $key, $app, $action, %f) = @_;
	my $accept = delete $f{accept} // 'xml';
	my $b = $self->b($key);
	my $v = $self->{s}->count('SELECT version FROM applications WHERE id = ?',
	    $app);
	my %p = (csrf => $b->csrf('/home'), id => $app, version => $v,
	    action => $action, %f);
	delete $p{$_} for grep { !defined $p{$_} } keys %p;
	return $b->post('/review/decide', \%p, accept => $accept);
}

# pass_to_end(APP, KEY...): each KEY passes in turn (one test each: 303).
sub pass_to_end {
	my ($self, $app, @keys) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	for my $k (@keys) {
		my $r = $self->decide($k, $app, 'pass');
		is($r->status, 303, "$k passes application $app") or diag($r->dump);
	}
}

1;
