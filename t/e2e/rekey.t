# rekey.t: the personal-data key ring (SECURITY.md section 1): values
# sealed under key 1 stay readable after key 2 becomes current (key 1 kept
# as old_data_key), gkbm-admin pii-rekey seals every value again under
# key 2, after which key 1 can be removed; a sealed value copied to
# another row or column does not open there (bound to table, column and
# row as AES-GCM additional data).
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

my $s = GKBM->start(workers => 1);
my $Y = $s->year;
my $PW = 'Passw0rdx9';
my $dbh = $s->dbh;
my $SECRETS = $s->dir . '/etc/secrets';

my %C = (a => [GKBM::idno('410105', '19800501', 123), '李明', '13900000021'],
    b => [GKBM::idno('410105', '19810602', 135), '王芳', '13900000022']);
my %acct;
for my $k (sort keys %C) {
	my ($id, $name, $phone) = @{ $C{$k} };
	$s->admin({ stdin => "$PW\n" }, 'create-candidate', $Y, $id, $name,
	    $phone, '410100', 4);
	$acct{$k} = $s->count('SELECT id FROM accounts WHERE name = ?', $name);
}
# An SMS in the outbox (sealed phone and text).
my $sb = $s->browser;
my $sbcsrf = $sb->csrf('/login');
$s->captcha($sb);	# a registration code needs the captcha
my $r = $sb->post('/sms', { csrf => $sbcsrf, phone => '13900000099',
    purpose => 'register', captcha => '2468' }, accept => 'xml');

# Two 汇总上报 snapshots holding both candidates: their sealed ID numbers
# and phones as copied from accounts, bound to the account
# (fcgi/model/report.c).
$s->create_units('ZZCITY');
my $unit = $s->count(q{SELECT id FROM units WHERE code = 'ZZCITY'});
for my $rep (1, 2) {
	$dbh->do(q{INSERT INTO reports (year, unit_id, state, nrows, digest,
	    reported_by, reported_at) VALUES (?, ?, 'reported', 2, '', ?, NOW())},
	    undef, $Y, $unit, $acct{a});
	my $id = $s->count('SELECT MAX(id) FROM reports');
	$dbh->do(q{INSERT INTO report_rows (report_id, n, application_id,
	    account_id, name, gender, idno_enc, phone_enc, unit_code, unit_name,
	    worktype, level, route, decided) SELECT ?, ROW_NUMBER() OVER (ORDER BY id),
	    id, id, name, 'M', idno_enc, phone_enc, 'ZZCITY', '', '', 4, 'years', ''
	    FROM accounts WHERE id IN (?, ?)}, undef, $id, $acct{a}, $acct{b});
}
is($s->count('SELECT COUNT(*) FROM report_rows WHERE idno_enc IS NOT NULL
    AND phone_enc IS NOT NULL'), 4, 'the snapshots hold the sealed values');

# home(K): the candidate's home page as XML (ID number and phone masked,
# each opened from its sealed value).
sub home {
	my ($k) = @_;
	my $b = $s->browser;
	my $l = $b->login('candidate', $C{$k}[0], $PW);
	return $b->get('/home', accept => 'xml');
}
sub readable {
	my ($k, $label) = @_;
	my $h = home($k);
	is($h->xpath('/home/account/@idno'), substr($C{$k}[0], 0, 6) . '********'
	    . substr($C{$k}[0], -4), "$label: the ID number opens") or diag($h->dump);
	is($h->xpath('/home/account/@phone'), substr($C{$k}[2], 0, 3) . '****'
	    . substr($C{$k}[2], -4), "$label: the phone opens");
}
# kids(KID): sealed values not (yet) under key KID, every sealed column.
sub not_under {
	my ($kid) = @_;
	return $s->count(qq{SELECT
	    (SELECT COUNT(*) FROM accounts WHERE idno_enc IS NOT NULL AND ORD(SUBSTRING(idno_enc, 2, 1)) <> $kid) +
	    (SELECT COUNT(*) FROM accounts WHERE phone_enc IS NOT NULL AND ORD(SUBSTRING(phone_enc, 2, 1)) <> $kid) +
	    (SELECT COUNT(*) FROM sms_outbox WHERE phone_enc <> '' AND ORD(SUBSTRING(phone_enc, 2, 1)) <> $kid) +
	    (SELECT COUNT(*) FROM sms_outbox WHERE body_enc <> '' AND ORD(SUBSTRING(body_enc, 2, 1)) <> $kid) +
	    (SELECT COUNT(*) FROM report_rows WHERE idno_enc IS NOT NULL AND ORD(SUBSTRING(idno_enc, 2, 1)) <> $kid) +
	    (SELECT COUNT(*) FROM report_rows WHERE phone_enc IS NOT NULL AND ORD(SUBSTRING(phone_enc, 2, 1)) <> $kid)});
}
sub secrets {
	my ($kid, $key, @old) = @_;
	my $t = GKBM::_slurp($SECRETS);
	$t =~ s/^key_id = .*\n//m;
	$t =~ s/^data_key = .*\n//m;
	$t =~ s/^old_data_key = .*\n//mg;
	$t .= "key_id = $kid\ndata_key = $key\n";
	$t .= "old_data_key = $_\n" for @old;
	GKBM::_spew($SECRETS, $t, 0600);
	$s->stop_web;
	$s->start_web;
}

readable('a', 'key 1');
ok($s->count(q{SELECT COUNT(*) FROM sms_outbox}) >= 1, 'an SMS is in the outbox')
    or diag($r->dump);
is(not_under(1), 0, 'every value is sealed under key 1');
my ($key1) = GKBM::_slurp($SECRETS) =~ /^data_key = (\w+)/m;

# --- rotation: key 2 current, key 1 kept -------------------------------------

my $key2 = GKBM::_hex(32);
secrets(2, $key2, "1:$key1");
readable('a', 'after the rotation, key 1 in the ring');
readable('b', '... the other candidate too');
my $ID3 = GKBM::idno('410105', '19820703', 147);
$s->admin({ stdin => "$PW\n" }, 'create-candidate', $Y, $ID3, '赵刚',
    '13900000023', '410100', 4);
is($s->count(q{SELECT ORD(SUBSTRING(idno_enc, 2, 1)) FROM accounts WHERE name = '赵刚'}),
    2, 'a new value is sealed under key 2');
ok(not_under(2) > 0, 'older values are still under key 1');

# --- pii-rekey ------------------------------------------------------------------

my ($rc, $out) = $s->admin({ may_fail => 1 }, 'pii-rekey');
is($rc, 0, 'gkbm-admin pii-rekey') or diag($out);
like($out, qr/accounts\.idno_enc: 2 resealed, 1 already under key 2, 0 failed/,
    '... reports what it did per column');
like($out, qr/report_rows\.idno_enc: 2 resealed, 0 already under key 2, 0 failed/,
    '... the snapshots\' ID numbers, each account\'s once');
like($out, qr/report_rows\.phone_enc: 2 resealed/, '... and their phones');
is(not_under(2), 0, 'every value is now under key 2');
is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'pii.rekey'
    AND object = 'all'}), 1, '... audited');
($rc, $out) = $s->admin({ may_fail => 1 }, 'pii-rekey');
like($out, qr/accounts\.phone_enc: 0 resealed, \d+ already under key 2, 0 failed/,
    'a second run has nothing to do');

# --- key 1 removed ----------------------------------------------------------------

secrets(2, $key2);
readable('a', 'key 1 removed');
readable('b', '... the other candidate too');
($rc, $out) = $s->admin({ may_fail => 1 }, 'pii-rekey');
is($rc, 0, 'without key 1 every value still opens') or diag($out);
like($out, qr/report_rows\.idno_enc: 0 resealed, 2 already under key 2, 0 failed/,
    '... the snapshots\' ID numbers under key 2, bound to their accounts');
like($out, qr/report_rows\.phone_enc: 0 resealed, 2 already under key 2, 0 failed/,
    '... and their phones');

# --- a wrong ring: the values do not open, and pii-rekey says so ---------------------

secrets(3, GKBM::_hex(32));
my $h = home('a');
ok(!defined $h->xpath('/home/account/@idno'), 'without key 2 the ID number does not open');
($rc, $out) = $s->admin({ may_fail => 1 }, 'pii-rekey');
isnt($rc, 0, 'pii-rekey fails when a value opens with no key');
like($out, qr/open with no key of the ring: keep the old keys/, '... and says so');
is(not_under(2), 0, '... changing nothing');
secrets(2, $key2);

# --- bound to its row and column -----------------------------------------------------

$dbh->do('UPDATE accounts SET phone_enc = (SELECT phone_enc FROM (SELECT phone_enc '
    . 'FROM accounts WHERE id = ?) x) WHERE id = ?', undef, $acct{b}, $acct{a});
$h = home('a');
ok(!defined $h->xpath('/home/account/@phone'),
    "another row's sealed phone copied in does not open");
is($h->xpath('/home/account/@idno'), substr($C{a}[0], 0, 6) . '********'
    . substr($C{a}[0], -4), '... the row\'s own ID number still does');
$dbh->do('UPDATE accounts SET phone_enc = idno_enc WHERE id = ?', undef, $acct{a});
$h = home('a');
ok(!defined $h->xpath('/home/account/@phone'),
    'the ID number copied into the phone column does not open');
unlike($h->body, qr/\Q$C{a}[0]\E/, '... and never shows as the phone');
like($s->log, qr/authentication tag mismatch/, 'the failures are logged');

$s->finish;
done_testing;
