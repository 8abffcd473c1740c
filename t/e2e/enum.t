# enum.t: nobody can build a list of who is registered, with their phones,
# from the answers of the anonymous pages (issue 7, section 2): each answer
# for a registered value is compared byte for byte with the answer for the
# same value while it was not registered (the CSRF token and the clock of
# <meta> masked, nothing else): /password/forgot (a registered phone; a
# phone that is a given ID number's), POST /sms for registration (a phone
# taken) and for a reset (the 60-second wait), and the login's counts (the
# tries left and the delay, shared by the names of one account before).
# /register itself is t/e2e/register.t's.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

my $s = GKBM->start(workers => 2);
my $dbh = $s->dbh;
my $year = $s->year;
my $PW = 'Henan2026ok';

# masked(RESPONSE): its status and body with the CSRF token and the time
# of the page replaced: the only parts that may differ.
sub masked {
	my ($r) = @_;
	my $b = $r->body;
	$b =~ s{<csrf>[^<]*</csrf>}{<csrf>*</csrf>}g;
	$b =~ s{<now>[^<]*</now>}{<now>*</now>}g;
	return $r->status . "\n" . $b;
}

# same(A, B, WHAT): the two answers are the same byte for byte.
sub same {
	my ($a, $b, $what) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my ($ma, $mb) = (masked($a), masked($b));
	ok($ma eq $mb, "$what: the same answer byte for byte")
	    or diag("unregistered:\n$ma\nregistered:\n$mb");
}

# age_codes: the SMS codes made 70 seconds older (the 60-second wait over).
sub age_codes {
	$dbh->do('UPDATE sms_codes SET created_at = created_at - INTERVAL 70 SECOND');
}

sub candidate {
	my ($id, $name, $phone) = @_;
	$s->admin({ stdin => "$PW\n" }, 'create-candidate', $year, $id, $name,
	    $phone, '410100', 4);
	return $s->count(q{SELECT id FROM accounts WHERE role = 'candidate' AND
	    name = ?}, $name);
}

# set_phone(ACCOUNT, PHONE): the account's phone (lookup value) is PHONE.
sub set_phone {
	$dbh->do('UPDATE accounts SET phone_mac = UNHEX(?) WHERE id = ?', undef,
	    $s->mac('phone', $_[1]), $_[0]);
}

# --- /password/forgot: a registered phone ---------------------------------------

sub forgot_send {
	my ($login, $phone) = @_;
	my $b = $s->browser;
	return $b->post('/password/forgot', { csrf => $b->csrf('/password/forgot'),
	    login => $login, phone => $phone, send_code => 1 }, accept => 'xml');
}

my ($ID1, $P1) = (GKBM::idno('410105', '19900307', '105'), '13911110001');
my $r1 = forgot_send($ID1, $P1);
is($r1->status, 200, 'forgot, nobody registered: answered');
candidate($ID1, '李明', $P1);
age_codes();
my $r2 = forgot_send($ID1, $P1);
is($r2->xpath('/forgot/form/@status'), 'sent', 'forgot, registered: sent');
like($s->sms_code($P1) // '', qr/^\d{6}$/, 'forgot, registered: the code arrived');
same($r1, $r2, '/password/forgot send_code, registered or not');

# --- /password/forgot: whether a phone is a given ID number's ---------------------

my ($ID2, $P2, $P2x) = (GKBM::idno('410181', '19850512', '204'), '13911110002',
    '13911110022');
my $a2 = candidate($ID2, '王芳', $P2);
$r1 = forgot_send($ID2, $P2x);
set_phone($a2, $P2x);
age_codes();
$r2 = forgot_send($ID2, $P2x);
like($s->sms_code($P2x) // '', qr/^\d{6}$/, 'forgot, the phone is the ID\'s: sent');
same($r1, $r2, '/password/forgot send_code, the phone the ID\'s or not');

# The second request within 60 seconds answers alike too.
my $Q = '13911110099';
my $u1 = forgot_send($ID2, $Q);
my $u2 = forgot_send($ID2, $Q);
like($u2->xpath('/forgot/form/field[@name="phone"]/error') // '', qr/60秒/,
    'forgot, a second code at once: the wait message');
set_phone($a2, $Q);
age_codes();
$r1 = forgot_send($ID2, $Q);
$r2 = forgot_send($ID2, $Q);
like($s->sms_code($Q) // '', qr/^\d{6}$/, 'forgot, the ID\'s phone: sent');
same($u1, $r1, '/password/forgot send_code, the ID\'s phone or not (again)');
same($u2, $r2, '/password/forgot send_code again within 60 s, the ID\'s phone or not');

# --- POST /sms for registration: a phone taken ------------------------------------

sub sms {
	my ($phone, $purpose) = @_;
	my $b = $s->browser;
	my $csrf = $b->csrf('/login');
	$s->captcha($b, '8642');
	return $b->post('/sms', { csrf => $csrf, phone => $phone,
	    purpose => $purpose, captcha => '8642' }, accept => 'xml');
}

my ($ID3, $P3) = (GKBM::idno('410102', '19700101', '301'), '13911110003');
$r1 = sms($P3, 'register');
is($r1->xpath('/sms/@status'), 'sent', '/sms register, a free phone: sent')
    or diag($r1->dump);
candidate($ID3, '赵一', $P3);
age_codes();
$r2 = sms($P3, 'register');
same($r1, $r2, 'POST /sms register, the phone taken or not');

# --- POST /sms for a reset: the 60-second wait --------------------------------------

my ($ID4, $P4) = (GKBM::idno('410105', '19770707', '407'), '13911110004');
$r1 = sms($P4, 'reset');
my $r1b = sms($P4, 'reset');
like($r1b->xpath('/sms/form/field[@name="phone"]/error') // '', qr/60秒/,
    '/sms reset, an unknown phone twice: the wait message');
candidate($ID4, '周强', $P4);
age_codes();
$r2 = sms($P4, 'reset');
my $r2b = sms($P4, 'reset');
like($s->sms_code($P4) // '', qr/^\d{6}$/, '/sms reset, registered: the code arrived');
same($r1, $r2, 'POST /sms reset, registered or not');
same($r1b, $r2b, 'POST /sms reset a second time within 60 s, registered or not');

# --- the login: the counts of the names of one account ------------------------------

# An account by its ID number fails three times, then a phone is tried: the
# tries left must not depend on whether the phone is the account's.
my ($ID5, $P5, $P5x) = (GKBM::idno('410105', '19880808', '306'), '13911110005',
    '13911110055');
my $a5 = candidate($ID5, '陈静', $P5x);
my $lb = $s->browser;
sub wrong {
	my ($login) = @_;
	return $lb->login('candidate', $login, 'Wrong2026pw', accept => 'xml');
}
# forget(LOGIN): the failures of the name LOGIN are forgotten (their rows).
sub forget {
	$dbh->do('DELETE FROM login_attempts WHERE login_mac = UNHEX(?)', undef,
	    $s->mac('login', "candidate:$_[0]"));
}
wrong($ID5) for 1 .. 3;
$r1 = wrong($P5);
like($r1->xpath('/login/form/message') // '', qr/还可尝试4次/,
    'login, a phone not the account\'s: four tries left');
forget($P5);
set_phone($a5, $P5);
$r2 = wrong($P5);
same($r1, $r2, 'login, the phone the account\'s or not, after 3 failures of its ID number');

# Five failures of the ID number: its name waits; the phone must not.
forget($P5);
set_phone($a5, $P5x);
wrong($ID5) for 1 .. 2;
like(wrong($ID5)->xpath('/login/form/message') // '', qr/请\d+分钟后再试/,
    'login, the ID number after its fifth failure: it waits');
$r1 = wrong($P5);
forget($P5);
set_phone($a5, $P5);
$r2 = wrong($P5);
like($r2->xpath('/login/form/message') // '', qr/还可尝试4次/,
    'login, the account\'s phone: four tries left, not the ID number\'s delay');
same($r1, $r2, 'login, the phone the account\'s or not, after 5 failures of its ID number');

# The right password by the phone still works while the ID number waits.
$r2 = $s->browser->login('candidate', $P5, $PW);
is($r2->status, 303, 'the account logs in by its phone meanwhile');

$s->finish;
done_testing;
