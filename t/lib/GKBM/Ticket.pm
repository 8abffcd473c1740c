# GKBM/Ticket.pm: the fixtures of the ticket tests (t/e2e/ticket.t,
# t/browser/ticket.t): approved candidates with a real photo, and an
# exam plan with seats made by plain SQL on the agreed tables
# (schema/0019-exam.sql), so the pages under test read nothing else.
#
#   use GKBM::Ticket;
#   my $f = GKBM::Ticket->new($s);
#   my $c = $f->candidate('张明远', 'ZZBAS', '410100');
#   my $site = $f->site('410100', '郑州市第一考点', '郑州市金水区文化路1号');
#   my $room = $f->room($site, '001', '第1考场');
#   my $sess = $f->session('410100');
#   $f->seat($c, '410100', $sess, $room, '001', 1);   # sets $c->{ticket}
package GKBM::Ticket;

use strict;
use warnings;
use utf8;

use File::Path qw(make_path);
use GKBM;

sub new {
	my ($class, $s) = @_;
	return bless { s => $s, n => 0, runs => {} }, $class;
}

sub _id { $_[0]{s}->dbh->last_insert_id(undef, undef, undef, undef) }

# candidate(NAME, UNIT_CODE, REGION): a candidate of this year (level 4,
# 电工 W019) whose application passed final review in the unit, with a
# 413x626 JPEG photo where files.c keeps it (one test: he logs in).
# { b, app, acct, idno, phone, name }.
sub candidate {
	my ($self, $name, $ucode, $region) = @_;
	my $s = $self->{s};
	my $n = ++$self->{n};
	my $idno = GKBM::idno('410105', sprintf('1980%02d%02d', 1 + ($n - 1) % 12, 1 + $n % 28), 300 + $n);
	my $phone = sprintf('1391234%04d', $n);
	$s->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate', $s->year, $idno,
	    $name, $phone, $region, 4);
	my ($br, $app, $acct) = $s->login_app($idno, $name, 'Passw0rdx9');
	my $unit = $s->count('SELECT id FROM units WHERE code = ?', $ucode);
	$s->dbh->do(q{UPDATE applications SET state = 'approved', unit_id = ?,
	    target_level = 4, target_worktype = 'W019', decided_at = NOW()
	    WHERE id = ?}, undef, $unit, $app);
	my $file = join('', map { sprintf('%02x', int(rand(256))) } 1 .. 32);
	my $jpg = GKBM::jpeg(413, 626);
	my $dir = $s->dir . '/uploads/' . substr($file, 0, 2);
	make_path($dir);
	open(my $fh, '>:raw', "$dir/$file") or die "$dir/$file: $!";
	print $fh $jpg;
	close($fh) or die "$dir/$file: $!";
	$s->dbh->do(q{INSERT INTO materials (application_id, kind, file, mime, size,
	    title, uploaded_by, created_at) VALUES (?, 'photo', ?, 'image/jpeg',
	    ?, '', ?, NOW())}, undef, $app, $file, length($jpg), $acct);
	return { b => $br, app => $app, acct => $acct, idno => $idno,
	    phone => $phone, name => $name };
}

# site(REGION, NAME, ADDRESS, [CODE]): a site (code CODE, 01) of this
# year; its id.
sub site {
	my ($self, $region, $name, $addr, $code) = @_;
	$self->{s}->dbh->do(q{INSERT INTO exam_sites (year, region_code, code, name,
	    address, updated_at) VALUES (?, ?, ?, ?, ?, NOW())}, undef,
	    $self->{s}->year, $region, $code // '01', $name, $addr);
	return $self->_id;
}

# room(SITE, CODE, NAME): a room of 30 seats; its id.
sub room {
	my ($self, $site, $code, $name) = @_;
	$self->{s}->dbh->do(q{INSERT INTO exam_rooms (site_id, code, name, capacity,
	    updated_at) VALUES (?, ?, ?, 30, NOW())}, undef, $site, $code, $name);
	return $self->_id;
}

# session(REGION, [CODE]): session CODE (1), June 20th 09:00-11:00 of
# this year; its id.
sub session {
	my ($self, $region, $code) = @_;
	my $y = $self->{s}->year;
	$self->{s}->dbh->do(q{INSERT INTO exam_sessions (year, region_code, code,
	    starts_at, ends_at, updated_at) VALUES (?, ?, ?, ?, ?, NOW())}, undef,
	    $y, $region, $code // '1', "$y-06-20 09:00", "$y-06-20 11:00");
	return $self->_id;
}

# seat(CAND, REGION, SESSION, ROOM, ROOM_CODE, SEAT): his seat and ticket
# number (YY RRRRRR S PP MMM NN: the session's and the site's codes) into
# $cand->{ticket}, under one run of the region.
sub seat {
	my ($self, $c, $region, $sess, $room, $rcode, $seat) = @_;
	my $dbh = $self->{s}->dbh;
	my $y = $self->{s}->year;
	$self->{runs}{$region} //= do {
		$dbh->do(q{INSERT INTO exam_runs (year, region_code, admitted, kept,
		    placed, short, run_at) VALUES (?, ?, 0, 0, 0, 0, NOW())}, undef,
		    $y, $region);
		$self->_id;
	};
	my ($sc, $pc) = $dbh->selectrow_array(q{SELECT e.code, s.code FROM
	    exam_sessions e, exam_rooms r JOIN exam_sites s ON s.id = r.site_id
	    WHERE e.id = ? AND r.id = ?}, undef, $sess, $room);
	my $no = sprintf('%02d%s%s%s%s%02d', $y % 100, $region, $sc, $pc, $rcode, $seat);
	$dbh->do(q{INSERT INTO exam_seats (application_id, year, region_code,
	    session_id, room_id, seat, ticket_no, run_id, placed_at) VALUES (?, ?,
	    ?, ?, ?, ?, ?, ?, NOW())}, undef, $c->{app}, $y, $region, $sess, $room,
	    $seat, $no, $self->{runs}{$region});
	$c->{ticket} = $no;
}

1;
