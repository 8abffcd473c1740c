# ticket.t: 准考证打印, 准考证查询 and 考生名单 in a real Chromium at a
# phone's size (390x844) and a desktop's (ticket.js): the candidate's
# code form, a wrong code, the right one, the ticket with his photo, its
# print (only the card, on one A4 portrait page) and 下载准考证; a
# candidate without a seat; the unit admin's 准考证查询 with rows and a
# refused filter; the city's 考生名单 with its sections and a refused
# choice.  Each page passes axe-core (WCAG 2.1 A and AA) and the Nu HTML
# checker.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Chrome;
use GKBM::Ticket;

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $PW = 'Staff#2026ab';
$s->create_units(qw(ZZCITY ZZSUP ZZBAS));
my %staff = $s->create_staff($PW, qw(unit city));

my $f = GKBM::Ticket->new($s);
my @c = map { $f->candidate(@$_, 'ZZBAS', '410100') } ['张明远'], ['李华强'], ['赵无座'];
my $site = $f->site('410100', '郑州市第一考点', '郑州市金水区文化路1号');
my @rooms = ($f->room($site, '001', '第1考场'), $f->room($site, '002', '第2考场'));
my $sess = $f->session('410100');
$f->seat($c[0], '410100', $sess, $rooms[0], '001', 1);
$f->seat($c[1], '410100', $sess, $rooms[1], '002', 1);
$s->admin('window', $Y, 'ticket', GKBM::_ymdhm(-86400), GKBM::_ymdhm(14 * 86400));

GKBM::Chrome::run($s, 'ticket', {
	cands => [map { { idno => $_->{idno}, phone => $_->{phone}, name => $_->{name},
	    ticket => $_->{ticket} // '' } } @c],
	pw => 'Passw0rdx9',
	unit => [$staff{unit}[0], $PW],
	city => [$staff{city}[0], $PW],
});

$s->finish;
done_testing;
