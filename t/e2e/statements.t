# statements.t: gkbm-admin and gkbm-sms run the statements of
# fcgi/web/db.c's table, each program preparing its own rows with their
# declared types checked against MariaDB (gkbm-web's workers prepare theirs
# at start-up, as gkbm_web, whose grants would refuse gkbm-admin's: the
# stack starting at all says gkbm-web prepares none of them).  A statement
# that no longer prepares for its program makes that program fail, naming
# the statement, rather than fail later on the first row that needs it.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

my $s = GKBM->start(workers => 1);
my $dbh = $s->dbh;
my $sms = GKBM::top_builddir() . '/fcgi/gkbm-sms';

# gkbm-sms -1 with its own log file (a fatal line there is this test's
# point, not a fault of the stack's logs); returns its exit status and log.
my $n = 0;
sub sms_once {
	my $conf = $s->dir . '/etc/sms-check.conf';
	my $log = $s->dir . '/log/sms-check-' . ++$n . '.log';
	open(my $in, '<', $s->conf_file) or die $!;
	my $text = do { local $/; <$in> };
	$text =~ s/^log_file = .*$/log_file = $log/m;
	open(my $out, '>', $conf) or die $!;
	print $out $text;
	close $out;
	system($sms, '-c', $conf, '-1');
	my $rc = $? >> 8;
	open(my $l, '<', $log) or return ($rc, '');
	return ($rc, do { local $/; <$l> });
}

# Every statement of each program prepares on the schema as migrated.
my ($rc, $out) = $s->admin('check');
is($rc, 0, 'gkbm-admin check passes on the migrated schema');
like($out, qr/^(\d+) statements of gkbm-admin prepare$/m,
    'and says how many it prepared');
my ($count) = $out =~ /^(\d+) statements/m;
cmp_ok($count // 0, '>', 40, 'every statement of gkbm-admin, not a few');
($rc, $out) = sms_once();
is($rc, 0, 'gkbm-sms -1 prepares its statements and runs') or diag($out);

# A column statements of gkbm-admin name is gone: check fails, naming the
# first, and so does a command that runs it, before it changes anything.
$dbh->do('ALTER TABLE units RENAME COLUMN kind TO kind_gone');
($rc, $out) = $s->admin({ may_fail => 1 }, 'check');
is($rc, 1, 'gkbm-admin check fails when a statement does not prepare');
like($out, qr/fatal: statement \d+ \(SELECT id, kind FROM units WHERE code = \?\) does not prepare/,
    'and names the statement');
($rc, $out) = $s->admin({ may_fail => 1 }, 'create-unit', 'U9001',
    '郑州市测试单位', 'basic', '410100');
is($rc, 1, 'a command that needs it fails too');
like($out, qr/SELECT id, kind FROM units/, 'naming the statement');
$dbh->do('ALTER TABLE units RENAME COLUMN kind_gone TO kind');
is($s->count(q{SELECT COUNT(*) FROM units WHERE code = 'U9001'}), 0,
    'and stores nothing');
($rc) = $s->admin('check');
is($rc, 0, 'with the column back, gkbm-admin check passes again');
($rc) = $s->admin('create-unit', 'U9001', '郑州市测试单位', 'basic',
    '410100');
is($rc, 0, 'and the command runs');

# A column of gkbm-sms's statements is gone: gkbm-sms stops at start-up,
# naming the statement, rather than retrying for ever.
$dbh->do('ALTER TABLE sms_outbox RENAME COLUMN last_error TO last_error_gone');
($rc, $out) = sms_once();
isnt($rc, 0, 'gkbm-sms fails when one of its statements does not prepare');
like($out, qr/statement \d+ \(UPDATE sms_outbox SET tries = tries \+ 1.*\) does not prepare/,
    'and names the statement');
$dbh->do('ALTER TABLE sms_outbox RENAME COLUMN last_error_gone TO last_error');
($rc) = sms_once();
is($rc, 0, 'with the column back, gkbm-sms runs again');

($rc, $out) = $s->admin({ may_fail => 1 }, 'check', 'extra');
is($rc, 1, 'check takes no arguments');
like($out, qr/usage: gkbm-admin \[-c conf\] check/, 'and says its usage');

$s->finish;
done_testing();
