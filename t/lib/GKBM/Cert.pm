# GKBM/Cert.pm: the exam's earlier parts as the certificate tests need
# them (t/e2e/cert.t, t/browser/cert.t): plain SQL of the agreed tables
# (schema/0019-exam.sql) standing in for plan's and result's pages.
#
#   use GKBM::Cert;
#   my $x = GKBM::Cert->new($s);
#   $x->seat($app, '410100', 1);     # seated, result passed (0: failed)
#   $x->publish('410100', 3);        # published three days ago
package GKBM::Cert;

use strict;
use warnings;
use utf8;

sub new {
	my ($class, $s) = @_;
	return bless { s => $s, region => {} }, $class;
}

# The site, room, session, run and import of REGION (made once).
sub _region {
	my ($self, $region) = @_;
	return $self->{region}{$region} if $self->{region}{$region};
	my $dbh = $self->{s}->dbh;
	my $y = $self->{s}->year;
	$dbh->do(q{INSERT INTO exam_sites (year, region_code, code, name,
	    address, updated_at) VALUES (?, ?, '01', '第一考点', '考点路1号',
	    NOW())}, undef, $y, $region);
	my $site = $dbh->last_insert_id;
	$dbh->do(q{INSERT INTO exam_rooms (site_id, code, name, capacity,
	    updated_at) VALUES (?, '001', '第1考场', 99, NOW())}, undef, $site);
	my %x = (room => $dbh->last_insert_id, seat => 0);
	$dbh->do(q{INSERT INTO exam_sessions (year, region_code, code,
	    starts_at, ends_at, updated_at) VALUES (?, ?, '1', NOW() -
	    INTERVAL 20 DAY, NOW() - INTERVAL 20 DAY + INTERVAL 2 HOUR, NOW())},
	    undef, $y, $region);
	$x{session} = $dbh->last_insert_id;
	$dbh->do(q{INSERT INTO exam_runs (year, region_code, admitted, kept,
	    placed, short, run_at) VALUES (?, ?, 0, 0, 0, 0, NOW())}, undef, $y,
	    $region);
	$x{run} = $dbh->last_insert_id;
	$dbh->do(q{INSERT INTO exam_imports (year, region_code, file_name,
	    sha256, nrows, imported_at) VALUES (?, ?, 'r.csv', REPEAT('0', 64),
	    0, NOW())}, undef, $y, $region);
	$x{import} = $dbh->last_insert_id;
	return $self->{region}{$region} = \%x;
}

# seat(APP, REGION, PASSED): a seat of the application and its result
# (passed 1 or 0, as a publication leaves it).  Returns the ticket number.
sub seat {
	my ($self, $app, $region, $passed) = @_;
	my $x = $self->_region($region);
	my $dbh = $self->{s}->dbh;
	my $y = $self->{s}->year;
	my $seat = ++$x->{seat};
	my $ticket = sprintf('%02d%s%s%s%s%02d', $y % 100, $region, '1', '01',
	    '001', $seat);
	$dbh->do(q{INSERT INTO exam_seats (application_id, year, region_code,
	    session_id, room_id, seat, ticket_no, run_id, placed_at) VALUES
	    (?, ?, ?, ?, ?, ?, ?, ?, NOW())}, undef, $app, $y, $region,
	    $x->{session}, $x->{room}, $seat, $ticket, $x->{run});
	$dbh->do(q{INSERT INTO exam_results (application_id, ticket_no, theory,
	    skill, absent, passed, import_id, updated_at) VALUES (?, ?, ?, ?, 0,
	    ?, ?, NOW())}, undef, $app, $ticket, $passed ? 80 : 40,
	    $passed ? 75 : 50, $passed, $x->{import});
	return $ticket;
}

# publish(REGION, DAYS_AGO): the region's results published.
sub publish {
	my ($self, $region, $days) = @_;
	$self->{s}->dbh->do(q{INSERT INTO exam_published (year, region_code,
	    published_at) VALUES (?, ?, NOW() - INTERVAL ? DAY)}, undef,
	    $self->{s}->year, $region, $days // 0);
}

1;
