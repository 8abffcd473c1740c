# GKBM.pm: the harness of the end-to-end tests (t/e2e/*.t).
#
# Each test file starts a whole private stack: MariaDB (datadir copied from
# a cache made once per `make check` under $top_builddir/t/.cache), the
# schema and reference data through gkbm-admin, gkbm-sms writing to a sink
# file, gkbm-web and nginx on a free 127.0.0.1 port.  Everything lives in
# one temporary directory, removed at the end unless GKBM_KEEP=1.
#
#   use utf8;                       # Chinese literals are characters
#   use Test::More;
#   use GKBM;
#   my $s = GKBM->start(workers => 2);        # skip_all without mariadbd/nginx
#   my $b = $s->browser;                      # one cookie jar
#   my $r = $b->get('/login', accept => 'xml');
#   is $r->status, 200;  is $r->xpath('/login/meta/role'), 'anon';
#   $r = $b->post('/login', { csrf => $b->csrf('/login'), kind => 'staff',
#       login => 'sgkb', password => $GKBM::PROVINCE_PW });
#   my $code = $s->sms_code('13900000001');
#   $s->admin('create-unit', ...);            # dies on failure
#   my ($rc, $out) = $s->admin({ stdin => "pw\n", may_fail => 1 }, ...);
#   $s->finish;                               # stop, check the worker log
#   done_testing;
#
# start() options (defaults in brackets):
#   workers [2], stop_timeout [5], conf { key => value } extra gkbm.conf
#   lines (staff_2fa is 'no' unless given), reference [1] (import-reference), year [this calendar year;
#   0: none] created current, window ['open': yesterday..+14 days;
#   'closed': ended yesterday; [from, to]; 0: none], province [1: account
#   'sgkb' with password $GKBM::PROVINCE_PW; 0: none], rate [1000] and
#   burst [2000] of nginx's limit on POST /login and /sms,
#   env { NAME => value } for gkbm-web, pay [1: gkbm-pay started with
#   keys made by openssl (t/.cache/paykeys, made once); 0: not],
#   pay_alg ['RSA2' or 'SM2': our signing key's algorithm], pay_env
#   { NAME => value } for gkbm-pay.  $s->start_payplat starts the
#   platform simulator (tools/payplat) on pay_gateway_url's port.
# Environment: GKBM_XML_ARENA (yes|no) gives gkbm.conf's xml_arena unless
# conf sets it; a sanitizer build's `make check` sets it to no.
#
# Only core modules plus XML::LibXML and DBI/DBD::MariaDB (Debian packages).
package GKBM;

use strict;
use warnings;
use utf8;

use Carp qw(croak);
use Cwd qw(abs_path);
use Encode qw(encode decode);
use Fcntl qw(:flock);
use File::Basename qw(dirname);
use File::Path qw(make_path remove_tree);
use File::Spec;
use File::Temp qw(tempdir);
use HTTP::Tiny;
use IO::Socket::INET;
use IPC::Open3 qw(open3);
use POSIX qw(:sys_wait_h);
use Symbol qw(gensym);
use Test::More ();
use Time::HiRes qw(sleep time);

our $PROVINCE_LOGIN = 'sgkb';
our $PROVINCE_PW = 'Prov#Henan2026x';
our $PROVINCE_PHONE = '13800000001';

my @LIVE;		# started stacks, stopped in END

# No binmode on Test::More's handles: tests compare bodies as bytes and as
# characters, and a byte string printed through an :encoding layer comes
# out garbled; a "Wide character" warning is the lesser evil.

# --- where things are --------------------------------------------------

sub top_srcdir {
	return abs_path($ENV{top_srcdir}) if defined $ENV{top_srcdir};
	return abs_path(dirname(__FILE__) . '/../..');
}

sub top_builddir {
	return abs_path($ENV{top_builddir}) if defined $ENV{top_builddir};
	return top_srcdir();
}

sub which {
	my ($prog) = @_;
	for my $d (split(/:/, $ENV{PATH} // ''), '/usr/sbin', '/sbin',
	    '/usr/bin', '/bin') {
		return "$d/$prog" if -x "$d/$prog" && !-d _;
	}
	return undef;
}

# --- small utilities ---------------------------------------------------

sub _hex {
	my ($n) = @_;
	open(my $fh, '<:raw', '/dev/urandom') or die "urandom: $!";
	read($fh, my $buf, $n) == $n or die "urandom: short read";
	close $fh;
	return unpack('H*', $buf);
}

sub _slurp {
	my ($file) = @_;
	open(my $fh, '<:raw', $file) or return '';
	local $/;
	my $s = <$fh>;
	close $fh;
	return $s // '';
}

sub _spew {
	my ($file, $text, $mode) = @_;
	open(my $fh, '>:raw', $file) or die "$file: $!";
	print $fh (utf8::is_utf8($text) ? encode('UTF-8', $text) : $text);
	close $fh or die "$file: $!";
	chmod($mode, $file) if defined $mode;
}

# _fill_template(FILE, NAME => VALUE, ...): FILE's text with each @NAME@
# replaced by VALUE; dies when FILE names a placeholder not given.  Fills
# conf/nginx-dev.conf.in, which tools/lib.sh (gkbm_nginx_conf) fills too.
sub _fill_template {
	my ($file, %v) = @_;
	my $text = _slurp($file);
	croak "cannot read $file" unless length $text;
	$text =~ s{\@([A-Z]+)\@}{
		croak "$file: no value for \@$1\@" unless defined $v{$1};
		$v{$1}
	}ge;
	return "# written by t/lib/GKBM.pm from $file\n$text";
}

sub _wait_until {
	my ($secs, $cb) = @_;
	my $end = time + $secs;
	while (time < $end) {
		my $v = $cb->();
		return $v if $v;
		sleep 0.05;
	}
	return $cb->();
}

sub _free_port {
	my $s = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => 0,
	    Proto => 'tcp', Listen => 1, ReuseAddr => 1) or die "port: $!";
	my $port = $s->sockport;
	close $s;
	return $port;
}

sub _alive {
	my ($pid) = @_;
	return 0 unless $pid;
	# Reap it if it is our child and has exited.
	my $w = waitpid($pid, WNOHANG);
	return 0 if $w == $pid;
	return kill(0, $pid) ? 1 : 0;
}

# _stop_pid PID SECONDS: SIGTERM, wait, SIGKILL.  True if it exited in time.
sub _stop_pid {
	my ($pid, $secs) = @_;
	return 1 unless $pid && _alive($pid);
	kill 'TERM', $pid;
	my $ok = _wait_until($secs, sub { !_alive($pid) });
	unless ($ok) {
		kill 'KILL', $pid;
		_wait_until(5, sub { !_alive($pid) });
	}
	return $ok;
}

# _spawn LOGFILE ENVHASH CMD...: fork and exec with output to LOGFILE.
sub _spawn {
	my ($log, $env, @cmd) = @_;
	my $pid = fork;
	die "fork: $!" unless defined $pid;
	if ($pid == 0) {
		open(STDIN, '<', '/dev/null');
		open(STDOUT, '>>', $log);
		open(STDERR, '>&', \*STDOUT);
		setpgrp(0, 0);
		$ENV{$_} = $env->{$_} for keys %{ $env || {} };
		{ no warnings 'exec'; exec { $cmd[0] } @cmd; }
		print STDERR "exec $cmd[0]: $!\n";
		POSIX::_exit(127);
	}
	return $pid;
}

# --- identity numbers and images ----------------------------------------

# GKBM::idno($region6, $yyyymmdd, $seq3): a valid 18-character number.
sub idno {
	my ($region, $date, $seq) = @_;
	$seq = sprintf('%03d', $seq);
	my $body = "$region$date$seq";
	die "idno: need 17 digits, got '$body'" unless $body =~ /^\d{17}$/;
	my @w = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2);
	my $sum = 0;
	$sum += substr($body, $_, 1) * $w[$_] for 0 .. 16;
	return $body . (qw(1 0 X 9 8 7 6 5 4 3 2))[$sum % 11];
}

# GKBM::jpeg($w, $h): the bytes of a valid baseline JPEG (cjpeg).
sub jpeg {
	my ($w, $h) = @_;
	$w ||= 64;
	$h ||= 48;
	my $cjpeg = which('cjpeg')
	    or die "cjpeg not found (Debian: libjpeg-turbo-progs)";
	my $ppm = "P6\n$w $h\n255\n";
	for my $y (0 .. $h - 1) {
		for my $x (0 .. $w - 1) {
			$ppm .= pack('C3', ($x * 255 / ($w || 1)) % 256,
			    ($y * 255 / ($h || 1)) % 256, (($x + $y) * 7) % 256);
		}
	}
	my $dir = tempdir('gkbm-jpeg-XXXXXX', TMPDIR => 1, CLEANUP => 1);
	_spew("$dir/in.ppm", $ppm);
	system($cjpeg, '-quality', '85', '-outfile', "$dir/out.jpg",
	    "$dir/in.ppm") == 0 or die "cjpeg failed";
	my $jpg = _slurp("$dir/out.jpg");
	remove_tree($dir);
	return $jpg;
}

# --- MariaDB -------------------------------------------------------------

# The cached, freshly installed data directory (made once, under a lock).
sub _db_cache {
	my $cache = top_builddir() . '/t/.cache';
	make_path($cache);
	my $dir = "$cache/mariadb";
	open(my $lock, '>', "$cache/lock") or die "$cache/lock: $!";
	flock($lock, LOCK_EX) or die "flock: $!";
	unless (-d "$dir/mysql") {
		remove_tree("$dir.tmp", $dir);
		make_path("$dir.tmp");
		my @cmd = (which('mariadb-install-db') // 'mariadb-install-db',
		    '--no-defaults', "--datadir=$dir.tmp",
		    '--auth-root-authentication-method=normal', '--skip-test-db',
		    '--innodb-log-file-size=16M');
		push @cmd, '--user=root' if $> == 0;
		my $out = `@cmd 2>&1`;
		die "mariadb-install-db failed:\n$out" if $?;
		rename("$dir.tmp", $dir) or die "rename: $!";
	}
	close $lock;
	return $dir;
}

sub _db_args {
	my ($self) = @_;
	my @a = ('--no-defaults', "--datadir=$self->{dir}/db",
	    "--socket=$self->{dbsock}", "--pid-file=$self->{dir}/run/mariadbd.pid",
	    "--log-error=$self->{dir}/log/mariadb.log", '--skip-networking',
	    '--innodb-buffer-pool-size=32M', '--innodb-log-file-size=16M',
	    '--innodb-flush-log-at-trx-commit=0', '--innodb-doublewrite=0',
	    '--skip-name-resolve', '--performance-schema=OFF',
	    '--character-set-server=utf8mb4',
	    '--collation-server=utf8mb4_unicode_ci', '--max-connections=200');
	push @a, '--user=root' if $> == 0;
	return @a;
}

sub start_db {
	my ($self) = @_;
	return if $self->{dbpid} && _alive($self->{dbpid});
	$self->{dbpid} = _spawn("$self->{dir}/log/mariadbd.out", {},
	    $self->{mariadbd}, $self->_db_args);
	my $ok = _wait_until(60, sub {
		return 0 unless _alive($self->{dbpid});
		return -S $self->{dbsock} && system("$self->{mariadb_admin} " .
		    "--no-defaults -uroot -S '$self->{dbsock}' ping " .
		    ">/dev/null 2>&1") == 0;
	});
	die "mariadbd did not start:\n" .
	    _slurp("$self->{dir}/log/mariadb.log") unless $ok;
}

sub stop_db {
	my ($self) = @_;
	delete $self->{dbh};
	_stop_pid($self->{dbpid}, 60);
	delete $self->{dbpid};
}

# root_sql($sql): run SQL as the server's root (no password).
sub root_sql {
	my ($self, $sql) = @_;
	my @cmd = ($self->{mariadb}, '--no-defaults', '-uroot', '-S',
	    $self->{dbsock}, '-N', '-B');
	my $pid = open3(my $in, my $out, undef, @cmd);
	binmode $in;
	print $in (utf8::is_utf8($sql) ? encode('UTF-8', $sql) : $sql);
	close $in;
	local $/;
	my $text = <$out> // '';
	waitpid($pid, 0);
	die "SQL failed ($?): $sql\n$text" if $?;
	return $text;
}

sub dbh {
	my ($self) = @_;
	return $self->{dbh} if $self->{dbh} && $self->{dbh}->ping;
	require DBI;
	$self->{dbh} = DBI->connect(
	    "DBI:MariaDB:database=$self->{dbname};mariadb_socket=$self->{dbsock}",
	    $self->{admin_user}, $self->{admin_pw},
	    { RaiseError => 1, PrintError => 0, AutoCommit => 1 })
	    or die "connect: " . DBI->errstr;
	$self->{dbh}->do(q{SET time_zone = '+08:00'});
	return $self->{dbh};
}

sub count {
	my ($self, $sql, @bind) = @_;
	my ($n) = $self->dbh->selectrow_array($sql, undef, @bind);
	return $n;
}

# last_audit(EVENT): the newest audit row of EVENT, a hash of its columns
# (undef when there is none).
sub last_audit {
	my ($self, $event) = @_;
	return $self->dbh->selectrow_hashref(q{SELECT * FROM audit WHERE
	    event = ? ORDER BY id DESC LIMIT 1}, undef, $event);
}

# --- start and stop --------------------------------------------------------

sub start {
	my ($class, %o) = @_;
	my $self = bless { opts => \%o }, $class;

	$self->{mariadbd} = which('mariadbd') // which('mysqld');
	$self->{mariadb} = which('mariadb') // which('mysql');
	$self->{mariadb_admin} = which('mariadb-admin') // which('mysqladmin');
	$self->{nginx} = which('nginx');
	Test::More::plan(skip_all => 'mariadbd not installed')
	    unless $self->{mariadbd} && $self->{mariadb} &&
	    $self->{mariadb_admin} && which('mariadb-install-db');
	Test::More::plan(skip_all => 'nginx not installed')
	    unless $self->{nginx};
	for my $m (qw(XML::LibXML DBI DBD::MariaDB)) {
		Test::More::plan(skip_all => "$m not installed")
		    unless eval "require $m; 1";
	}

	my $src = $self->{src} = top_srcdir();
	my $bld = $self->{bld} = top_builddir();
	for my $p (qw(gkbm-web gkbm-admin gkbm-sms gkbm-pay)) {
		die "fcgi/$p not built (run make)\n" unless -x "$bld/fcgi/$p";
	}

	my $keep = $ENV{GKBM_KEEP} ? 1 : 0;
	my $dir = $self->{dir} = tempdir('gkbm-XXXXXX', TMPDIR => 1,
	    CLEANUP => 0);
	$self->{keep} = $keep;
	chmod 0700, $dir;
	make_path(map { "$dir/$_" } qw(run etc log uploads nginx));
	push @LIVE, $self;
	Test::More::diag("GKBM_KEEP: stack in $dir") if $keep;

	$self->{dbsock} = "$dir/run/mysqld.sock";
	$self->{dbname} = 'gkbm';
	$self->{web_user} = 'gkbm_web';
	$self->{admin_user} = 'gkbm_admin';
	$self->{web_pw} = _hex(16);
	$self->{admin_pw} = _hex(16);
	$self->{conf} = "$dir/etc/gkbm.conf";
	$self->{log} = "$dir/log/gkbm-web.log";
	$self->{sink} = "$dir/log/sms.log";
	$self->{sock} = "$dir/run/web.sock";
	$self->{pidfile} = "$dir/run/gkbm-web.pid";
	$self->{stop_timeout} = $o{stop_timeout} // 5;

	# MariaDB: a copy of the cached data directory.
	my $cache = _db_cache();
	system('cp', '-a', $cache, "$dir/db") == 0 or die "cp datadir failed";
	$self->start_db;
	my ($d, $w, $wp, $a, $ap) = @$self{qw(dbname web_user web_pw
	    admin_user admin_pw)};
	$self->root_sql(<<"EOF");
CREATE DATABASE `$d` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER '$a'\@'localhost' IDENTIFIED BY '$ap';
CREATE USER '$w'\@'localhost' IDENTIFIED BY '$wp';
GRANT ALL PRIVILEGES ON `$d`.* TO '$a'\@'localhost' WITH GRANT OPTION;
EOF

	# Secrets and configuration.
	$self->{mac_key} = _hex(32);
	_spew("$dir/etc/secrets", join('', "db_password = $wp\n",
	    "db_admin_password = $ap\n", "key_id = 1\n",
	    'data_key = ' . _hex(32) . "\n", "mac_key = $self->{mac_key}\n",
	    'csrf_key = ' . _hex(32) . "\n"), 0600);
	# nginx's port is chosen now: site_url (the phone upload link) names it.
	$self->{port} //= _free_port();
	$self->{platport} = _free_port();
	my %payconf = $self->_pay_keys($o{pay_alg} // 'RSA2');
	my %conf = (
		%payconf,
		listen => $self->{sock},
		listen_mode => '0666',
		workers => $o{workers} // 2,
		max_requests => 10000,
		stop_timeout => $self->{stop_timeout},
		pid_file => $self->{pidfile},
		log_file => $self->{log},
		debug => 0,
		db_socket => $self->{dbsock},
		db_name => $d,
		db_user => $w,
		db_admin_user => $a,
		secrets_file => "$dir/etc/secrets",
		xsl_dir => "$src/xsl",
		data_dir => "$src/data",
		upload_dir => "$dir/uploads",
		sms_sink => $self->{sink},
		cookie_secure => 0,
		body_max => 8388608,
		session_idle => 1800,
		session_max => 43200,
		scrypt_ln => 14,
		consent_version => 'v2026.1',
		service_phone => '0371-69690000',
		site_url => "http://127.0.0.1:$self->{port}",
		# The tests log in as the province with a password only;
		# otp.t turns the second factor on.
		staff_2fa => 'no',
		# GKBM_XML_ARENA=no (set by `make check` in a sanitizer
		# build): the arena hides use-after-free from ASan.
		xml_arena => $ENV{GKBM_XML_ARENA} // 'yes',
		%{ $o{conf} || {} },
	);
	$self->{confvals} = \%conf;
	$self->write_conf;

	# Schema, reference data, the year, its window, the province.
	$self->admin('migrate');
	$self->admin('import-reference', '-d', "$src/data")
	    if $o{reference} // 1;
	my $year = $self->{year} = $o{year} // (beijing())[5] + 1900;
	if ($year) {
		$self->admin('year', $year, "${year}年度", '--current');
		my $win = $o{window} // 'open';
		if ($win) {
			my @span = ref $win ? @$win
			    : $win eq 'closed' ? (_ymdhm(-15 * 86400), _ymdhm(-86400))
			    : (_ymdhm(-86400), _ymdhm(14 * 86400));
			$self->admin('window', $year, 'registration', @span);
		}
	}
	if ($o{province} // 1) {
		$self->admin({ stdin => "$PROVINCE_PW\n" }, 'create-province',
		    $PROVINCE_LOGIN, '省工考办管理员', $PROVINCE_PHONE);
	}

	$self->start_sms;
	$self->start_pay if $o{pay} // 1;
	$self->start_web;
	$self->start_nginx;
	return $self;
}

# The payment keys: made once with the openssl command line in
# t/.cache/paykeys (ours RSA and SM2, the platform's RSA and SM2), copied
# into the stack (the private key 0600).  Returns gkbm.conf's pay_* keys.
sub _pay_keys {
	my ($self, $alg) = @_;
	my $cache = top_builddir() . '/t/.cache';
	make_path($cache);
	my $kd = "$cache/paykeys";
	open(my $lock, '>', "$cache/paylock") or die "$cache/paylock: $!";
	flock($lock, LOCK_EX) or die "flock: $!";
	unless (-f "$kd/done") {
		remove_tree($kd);
		make_path($kd);
		for my $n (qw(gkbm-rsa plat-rsa gkbm-sm2 plat-sm2)) {
			my @gen = $n =~ /rsa/ ? ('-algorithm', 'RSA', '-pkeyopt',
			    'rsa_keygen_bits:2048') : ('-algorithm', 'SM2');
			system('openssl', 'genpkey', @gen, '-out', "$kd/$n.key") == 0
			    && system('openssl', 'pkey', '-in', "$kd/$n.key",
			    '-pubout', '-out', "$kd/$n.pub") == 0
			    or die "openssl genpkey $n failed";
		}
		_spew("$kd/done", "1\n");
	}
	close $lock;
	my $pd = "$self->{dir}/etc/pay";
	make_path($pd);
	chmod 0700, $pd;
	for my $n (qw(gkbm-rsa plat-rsa gkbm-sm2 plat-sm2)) {
		_spew("$pd/$n.pub", _slurp("$kd/$n.pub"));
		_spew("$pd/$n.key", _slurp("$kd/$n.key"), 0600)
		    if $n =~ /^plat/;
	}
	my $own = $alg eq 'SM2' ? 'gkbm-sm2' : 'gkbm-rsa';
	_spew("$pd/gkbm.key", _slurp("$kd/$own.key"), 0600);
	_spew("$pd/platform.keys", "# key_id sign_type public key\n"
	    . "plat-rsa-2026 RSA2 plat-rsa.pub\nplat-sm2-2026 SM2 plat-sm2.pub\n");
	$self->{paydir} = $pd;
	$self->{pay_key_id} = $alg eq 'SM2' ? 'gkbm-sm2-2026' : 'gkbm-rsa-2026';
	$self->{pay_own} = $own;
	my $plat = "http://127.0.0.1:$self->{platport}";
	return (
		pay_socket => "$self->{dir}/run/pay.sock",
		pay_listen => "$self->{dir}/run/pay-fcgi.sock",
		pay_workers => 2,
		pay_pid_file => "$self->{dir}/run/gkbm-pay.pid",
		pay_log_file => "$self->{dir}/log/gkbm-pay.log",
		pay_app_id => 'HNGK0001',
		pay_key_file => "$pd/gkbm.key",
		pay_key_id => $self->{pay_key_id},
		pay_platform_keys => "$pd/platform.keys",
		pay_gateway_url => "$plat/gateway",
		pay_query_url => "$plat/query",
		pay_notify_url => "http://127.0.0.1:$self->{port}/pay/notify",
		pay_return_url => "http://127.0.0.1:$self->{port}/pay/return",
	);
}

# start_pay: gkbm-pay (waits for both of its sockets).
sub start_pay {
	my ($self) = @_;
	my $c = $self->{confvals};
	unlink $c->{pay_socket}, $c->{pay_listen};
	$self->{paypid} = _spawn("$self->{dir}/log/gkbm-pay.out",
	    $self->{opts}{pay_env}, "$self->{bld}/fcgi/gkbm-pay", '-c',
	    $self->{conf});
	my $ok = _wait_until(20, sub {
		_alive($self->{paypid}) && -S $c->{pay_socket} &&
		    -S $c->{pay_listen}
	});
	die "gkbm-pay did not start:\n" . _slurp("$self->{dir}/log/gkbm-pay.log")
	    . _slurp("$self->{dir}/log/gkbm-pay.out") unless $ok;
}

# stop_pay: SIGTERM to gkbm-pay (its workers stop with it).
sub stop_pay {
	my ($self) = @_;
	_stop_pid($self->{paypid}, 5);
	delete $self->{paypid};
}

sub pay_pid { $_[0]{paypid} }

# start_payplat: tools/payplat on the port of pay_gateway_url, with the
# platform's private keys and our public ones; statements in log/.
sub start_payplat {
	my ($self) = @_;
	my $pd = $self->{paydir};
	$self->{platpid} = _spawn("$self->{dir}/log/payplat.out", {},
	    "$self->{bld}/tools/payplat", 'serve', '-l', $self->{platport},
	    '-a', 'HNGK0001', '-k', "plat-rsa-2026=$pd/plat-rsa.key",
	    '-k', "plat-sm2-2026=$pd/plat-sm2.key",
	    '-p', "gkbm-rsa-2026=$pd/gkbm-rsa.pub",
	    '-p', "gkbm-sm2-2026=$pd/gkbm-sm2.pub", '-s', "$self->{dir}/log");
	my $ok = _wait_until(10, sub {
		my $r = HTTP::Tiny->new(timeout => 2)->get($self->plat_url('/healthz'));
		$r->{status} == 200;
	});
	die "payplat did not start:\n" . _slurp("$self->{dir}/log/payplat.out")
	    unless $ok;
}

sub plat_url { "http://127.0.0.1:$_[0]{platport}$_[1]" }
sub pay_dir { $_[0]{paydir} }
sub pay_log { _slurp("$_[0]{dir}/log/gkbm-pay.log") . _slurp("$_[0]{dir}/log/gkbm-pay.out") }

# beijing([SECONDS]): the fields of localtime() for now (plus SECONDS) in
# Beijing time (UTC+8, no daylight saving), whatever the machine's zone:
# the database counts in +08:00 (fcgi/lib/dbconn.c), so windows and years
# written by the tests must too.
sub beijing {
	my ($off) = @_;
	return gmtime(time + 8 * 3600 + ($off // 0));
}

# _ymdhm(SECONDS): now plus SECONDS as "YYYY-MM-DD HH:MM", Beijing time.
sub _ymdhm {
	my ($off) = @_;
	my @t = beijing($off);
	return sprintf('%04d-%02d-%02d %02d:%02d', $t[5] + 1900, $t[4] + 1,
	    $t[3], $t[2], $t[1]);
}

sub write_conf {
	my ($self) = @_;
	my $c = $self->{confvals};
	_spew($self->{conf}, join('', "# written by t/lib/GKBM.pm\n",
	    map { "$_ = $c->{$_}\n" } sort keys %$c));
}

# admin([{stdin => TEXT, may_fail => 1}], ARGS...)
sub admin {
	my ($self, @args) = @_;
	my $o = ref $args[0] eq 'HASH' ? shift @args : {};
	my @cmd = ("$self->{bld}/fcgi/gkbm-admin", '-c', $self->{conf},
	    '-s', "$self->{src}/schema",
	    map { utf8::is_utf8($_) ? encode('UTF-8', $_) : $_ } @args);
	my $err = gensym;
	my $pid = open3(my $in, my $out, undef, @cmd);
	binmode $in;
	if (defined $o->{stdin}) {
		my $t = $o->{stdin};
		print $in (utf8::is_utf8($t) ? encode('UTF-8', $t) : $t);
	}
	close $in;
	local $/;
	my $text = <$out> // '';
	waitpid($pid, 0);
	my $rc = $? >> 8;
	$text = decode('UTF-8', $text, Encode::FB_DEFAULT);
	return ($rc, $text) if wantarray;
	croak "gkbm-admin @args: exit $rc\n$text" if $rc && !$o->{may_fail};
	return $text;
}

sub start_sms {
	my ($self) = @_;
	$self->{smspid} = _spawn("$self->{dir}/log/gkbm-sms.out", {},
	    "$self->{bld}/fcgi/gkbm-sms", '-c', $self->{conf});
}

sub start_web {
	my ($self) = @_;
	unlink $self->{sock};
	$self->{webpid} = _spawn("$self->{dir}/log/gkbm-web.out",
	    $self->{opts}{env}, "$self->{bld}/fcgi/gkbm-web", '-c',
	    $self->{conf});
	my $ok = _wait_until(20, sub {
		_alive($self->{webpid}) && -S $self->{sock} &&
		    scalar($self->web_pids) >= 1
	});
	die "gkbm-web did not start:\n" . $self->log . "\n" .
	    _slurp("$self->{dir}/log/gkbm-web.out") unless $ok;
}

sub start_nginx {
	my ($self) = @_;
	my $p = "$self->{dir}/nginx";
	my $port = $self->{port} //= _free_port();
	my $rate = $self->{opts}{rate} // 1000;
	my $burst = $self->{opts}{burst} // 2000;
	make_path(map { "$p/$_" } qw(logs tmp/body tmp/fastcgi tmp/proxy
	    tmp/scgi tmp/uwsgi));
	_spew("$p/nginx.conf", _fill_template(
	    "$self->{src}/conf/nginx-dev.conf.in",
	    USER => ($> == 0 ? 'user root root;' : ''), WORKERS => 1,
	    PIDFILE => "$p/nginx.pid", PREFIX => $p, PORT => $port,
	    WEBSOCK => $self->{sock}, PAYSOCK => "$self->{dir}/run/pay-fcgi.sock", WWWDIR => "$self->{src}/www",
	    ERRDIR => "$self->{bld}/www/errors",
	    UPLOADDIR => "$self->{dir}/uploads", RATE => $rate,
	    BURST => $burst));
	my @cmd = ($self->{nginx}, '-p', $p, '-c', "$p/nginx.conf", '-e',
	    "$p/logs/error.log");
	my $out = `@cmd 2>&1`;
	die "nginx did not start: $out\n" . _slurp("$p/logs/error.log") if $?;
	$self->{ngxpidfile} = "$p/nginx.pid";
	my $ok = _wait_until(20, sub {
		my $r = HTTP::Tiny->new(timeout => 2)->get($self->url('/healthz'));
		$r->{status} == 200;
	});
	die "no answer from /healthz:\n" . $self->log . _slurp(
	    "$p/logs/error.log") unless $ok;
}

sub nginx_pid {
	my ($self) = @_;
	my $pid = _slurp($self->{ngxpidfile} // '');
	$pid =~ s/\s+//g;
	return $pid || undef;
}

sub stop_nginx {
	my ($self) = @_;
	my $pid = $self->nginx_pid or return;
	# nginx is not our child (it daemonised): poll with kill 0.
	kill 'QUIT', $pid;
	_wait_until(10, sub { !kill(0, $pid) }) or kill 'KILL', $pid;
	unlink $self->{ngxpidfile};
}

# stop_web: SIGTERM the master; true if it exited within stop_timeout + 3 s.
sub stop_web {
	my ($self) = @_;
	my $ok = _stop_pid($self->{webpid}, $self->{stop_timeout} + 3);
	delete $self->{webpid};
	return $ok;
}

sub stop {
	my ($self) = @_;
	return if $self->{stopped}++;
	$self->stop_nginx;
	$self->stop_web;
	_stop_pid($self->{smspid}, 5);
	_stop_pid($self->{paypid}, 5);
	_stop_pid($self->{platpid}, 5);
	$self->stop_db;
	# Workers left behind by a broken master must not outlive the test.
	for my $pid ($self->_orphans) {
		kill 'KILL', $pid;
	}
	$self->{final_log} = _slurp($self->{log}) . _slurp("$self->{dir}/log/gkbm-web.out")
	    . _slurp("$self->{dir}/log/gkbm-sms.out")
	    . _slurp("$self->{dir}/log/gkbm-pay.log")
	    . _slurp("$self->{dir}/log/gkbm-pay.out");
	# A failed test shows the tail of the logs before they are removed.
	my $tb = Test::More->builder;
	if (!$tb->is_passing || $ENV{GKBM_SHOW_LOG}) {
		for my $f ("$self->{dir}/log/gkbm-web.log",
		    "$self->{dir}/log/gkbm-web.out", "$self->{dir}/log/gkbm-sms.out",
		    "$self->{dir}/log/gkbm-pay.log", "$self->{dir}/log/gkbm-pay.out",
		    "$self->{dir}/nginx/logs/error.log") {
			my @l = split /\n/, decode('UTF-8', _slurp($f),
			    Encode::FB_DEFAULT);
			next unless @l;
			@l = @l[-40 .. -1] if @l > 40;
			$tb->diag(encode('UTF-8', "--- tail of $f\n" .
			    join("\n", @l)));
		}
	}
	@LIVE = grep { $_ != $self } @LIVE;
	remove_tree($self->{dir}) unless $self->{keep};
}

sub _orphans {
	my ($self) = @_;
	my $bin = "$self->{bld}/fcgi/gkbm-";
	my @p;
	for my $d (glob '/proc/[0-9]*') {
		my $exe = readlink("$d/exe") // next;
		next unless index($exe, $bin) == 0;
		my $cmd = _slurp("$d/cmdline");
		push @p, (split m{/}, $d)[-1] if index($cmd, $self->{conf}) >= 0;
	}
	return @p;
}

# The log lines that fail a test: fatal errors, sanitizer reports, and a
# statement refused for the request's role (fcgi/web/db.c: a handler running
# a statement its role may not, which no input should ever cause).
sub bad_log_lines {
	my ($self) = @_;
	my $text = $self->{final_log} // (_slurp($self->{log}) .
	    _slurp("$self->{dir}/log/gkbm-web.out"));
	$text = decode('UTF-8', $text, Encode::FB_DEFAULT)
	    unless utf8::is_utf8($text);
	return grep { /fatal|AddressSanitizer|LeakSanitizer|
	    UndefinedBehaviorSanitizer|runtime\ error:|
	    statement\ \d+\ refused\ for\ role/x } split /\n/, $text;
}

# finish: stop everything and check the logs (one assertion).
sub finish {
	my ($self) = @_;
	$self->stop;
	my @bad = $self->bad_log_lines;
	Test::More::ok(!@bad, 'no fatal or sanitizer lines in the logs')
	    or Test::More::diag(join("\n", @bad[0 .. ($#bad > 20 ? 20 : $#bad)]));
	$self->{finished} = 1;
}

sub DESTROY {
	my ($self) = @_;
	local ($?, $!, $@);
	$self->stop unless $self->{stopped};
}

END {
	local $?;
	for my $s (@{ [@LIVE] }) {
		next unless $s;
		$s->stop;
		next if $s->{finished};
		my @bad = $s->bad_log_lines;
		if (@bad) {
			Test::More::ok(0, 'no fatal or sanitizer lines in the logs');
			Test::More::diag(join("\n", @bad[0 .. ($#bad > 20 ? 20 : $#bad)]));
		}
	}
}

# --- accessors -------------------------------------------------------------

sub url {
	my ($self, $path) = @_;
	$path //= '/';
	return "http://127.0.0.1:$self->{port}$path";
}

sub dir { $_[0]{dir} }
sub conf_file { $_[0]{conf} }
sub year { $_[0]{year} }
sub port { $_[0]{port} }

# The worker log (gkbm-web's log_file) as text (characters).
sub log {
	my ($self) = @_;
	return decode('UTF-8', _slurp($self->{log}), Encode::FB_DEFAULT);
}

sub master_pid {
	my ($self) = @_;
	return $self->{webpid};
}

# The pids of the master's children (the workers), sorted.
sub web_pids {
	my ($self) = @_;
	my $m = $self->{webpid} or return ();
	my @p;
	for my $d (glob '/proc/[0-9]*') {
		my $stat = _slurp("$d/stat") or next;
		# pid (comm) state ppid ...
		$stat =~ /^(\d+) \(.*\) (\S) (\d+)/s or next;
		push @p, $1 if $3 == $m && $2 ne 'Z';
	}
	@p = sort { $a <=> $b } @p;
	return @p;
}

# reload: SIGHUP to the master.
sub reload {
	my ($self) = @_;
	kill 'HUP', $self->{webpid};
}

# sms_code($phone): the 6 digits of the next message to $phone that
# arrived after the previous call for the same phone (waits up to 5 s).
sub sms_code {
	my ($self, $phone, $secs) = @_;
	my $seen = $self->{sms_seen}{$phone} // 0;
	my $code = _wait_until($secs // 5, sub {
		my @lines = grep { ((split /\t/, $_)[1] // '') eq $phone }
		    split /\n/, decode('UTF-8', _slurp($self->{sink}),
		    Encode::FB_DEFAULT);
		return 0 if @lines <= $seen;
		$self->{sms_seen}{$phone} = scalar @lines;
		my ($c) = ((split /\t/, $lines[-1], 3)[2] // '') =~ /(\d{6})/;
		return $c // 0;
	});
	return $code || undef;
}

# sms_lines: every message in the sink, as [time, phone, body].
sub sms_lines {
	my ($self) = @_;
	return map { [split /\t/, $_, 3] }
	    split /\n/, decode('UTF-8', _slurp($self->{sink}), Encode::FB_DEFAULT);
}

# mac(DOMAIN, VALUE): the keyed lookup value gkbm computes for VALUE
# (fcgi/lib/pii.c pii_mac: HMAC-SHA256 of DOMAIN, a NUL and VALUE under the
# stack's mac_key), in hexadecimal: bind it as UNHEX(?) (DBD::MariaDB
# would send raw bytes as characters).
sub mac {
	my ($self, $domain, $value) = @_;
	require Digest::SHA;
	$value = encode('UTF-8', $value) if utf8::is_utf8($value);
	return Digest::SHA::hmac_sha256_hex("$domain\0$value",
	    pack('H*', $self->{mac_key}));
}

# captcha_answer(COOKIE, [ANSWER]): as a person reading the picture of the
# captcha of the browser whose session or pre-login cookie is COOKIE
# would, learn its answer: the stored one (fcgi/model/captcha.c) is replaced by
# ANSWER ['2468'] through the database.  Returns ANSWER; dies if that
# browser has no captcha.
sub captcha_answer {
	my ($self, $cookie, $answer) = @_;
	$answer //= '2468';
	require Digest::SHA;
	my $id = Digest::SHA::sha256_hex($cookie);
	$self->dbh->do('UPDATE captchas SET answer_mac = UNHEX(?) WHERE '
	    . 'id = UNHEX(?)', undef, $self->mac('captcha', "$id:$answer"),
	    $id) == 1 or croak 'captcha: no captcha stored for the browser';
	return $answer;
}

# captcha(BROWSER, [ANSWER]): GET /captcha in BROWSER (a new captcha for
# its cookie), then captcha_answer.  Returns the /captcha response.
sub captcha {
	my ($self, $b, $answer) = @_;
	my $r = $b->get('/captcha');
	my $cookie = $b->jar->get('gkbm_sid') // $b->jar->get('gkbm_pre')
	    // $b->jar->get('__Host-gkbm_sid') // $b->jar->get('__Host-gkbm_pre')
	    // croak 'captcha: the browser has no cookie';
	$self->captcha_answer($cookie, $answer);
	return $r;
}

sub browser {
	my ($self, %o) = @_;
	return GKBM::Browser->new($self, %o);
}

# --- fixtures shared by several t/e2e files ----------------------------------
#
# Each helper creates what several tests set up alike, through gkbm-admin
# (dies on failure) or the browser; the tests keep their own assertions.

# The units the tests create by code: code => [name, level, region,
# parent code (basic units only)].
our %UNITS = (
	ZZCITY => ['郑州市工考办', 'city', '410100'],
	KFCITY => ['开封市工考办', 'city', '410200'],
	JSCNTY => ['金水区工考办', 'county', '410105'],
	ZZSUP => ['郑州市水利局', 'supervising', '410100'],
	ZZBAS => ['郑州市水利局机关', 'basic', '410100', 'ZZSUP'],
);

# The staff accounts, by the key the tests use: key => [login, name, phone,
# role, unit code].
our %STAFF = (
	unit => ['dwgly01', '王单位', '13700000011', 'unit', 'ZZBAS'],
	reviewer => ['shy01', '李审核', '13700000012', 'reviewer', 'ZZBAS'],
	supervising => ['zgdw01', '赵主管', '13700000013', 'supervising',
	    'ZZSUP'],
	county => ['jsqgkb', '钱县区', '13700000014', 'county', 'JSCNTY'],
	city => ['zzsgkb', '孙市级', '13700000015', 'city', 'ZZCITY'],
	kfcity => ['kfsgkb', '周开封', '13700000016', 'city', 'KFCITY'],
);

# create_units(CODE...): create the units of %UNITS, in the order given
# (their ids follow that order).
sub create_units {
	my ($self, @codes) = @_;
	for my $code (@codes) {
		my $u = $UNITS{$code} or croak "create_units: no unit $code";
		$self->admin('create-unit', $code, @$u);
	}
}

# create_staff(PASSWORD, KEY...): create the staff accounts of %STAFF named
# by the KEYs, in sorted key order, all with PASSWORD (their units must
# exist).  Returns the list KEY => [login, name, phone, role, unit code].
sub create_staff {
	my ($self, $pw, @keys) = @_;
	my %staff;
	for my $k (sort @keys) {
		my $row = $STAFF{$k} or croak "create_staff: no staff $k";
		$self->admin({ stdin => "$pw\n" }, 'create-staff', @$row);
		$staff{$k} = [@$row];
	}
	return %staff;
}

# other_roles(STAFF_PASSWORD): the accounts that must not reach a
# province-only page (policy.t, windows.t): units ZZCITY and JSCNTY, staff
# city and county with STAFF_PASSWORD, candidate 李四 (phone 13912340002,
# password Passw0rdx9) of this year.  Returns the list role => [kind,
# login, password] for $browser->login, roles city, county and candidate.
sub other_roles {
	my ($self, $staff_pw) = @_;
	$self->create_units(qw(ZZCITY JSCNTY));
	$self->create_staff($staff_pw, qw(city county));
	$self->admin({ stdin => "Passw0rdx9\n" }, 'create-candidate',
	    $self->year, idno('410105', '19880808', '321'), '李四',
	    '13912340002', '410100', '4');
	return (city => ['staff', $STAFF{city}[0], $staff_pw],
	    county => ['staff', $STAFF{county}[0], $staff_pw],
	    candidate => ['candidate', '13912340002', 'Passw0rdx9']);
}

# The candidates of the upload tests (files.t, mobile.t, upload.t), each
# [ID number, name, phone, region, level].
our @UPLOAD_CANDIDATES = (
	[idno('410105', '19900307', '105'), '李明', '13911110001', '410100', 5],
	[idno('410181', '19850512', '204'), '王芳', '13911110002', '410181', 3],
	[idno('410102', '19700101', '301'), '赵一', '13911110003', '410100', 1],
);

# upload_candidates(PASSWORD, N): create the first N of @UPLOAD_CANDIDATES
# as candidates of this year with PASSWORD.  Returns their ID numbers.
sub upload_candidates {
	my ($self, $pw, $n) = @_;
	croak "upload_candidates: at most " . @UPLOAD_CANDIDATES
	    if $n > @UPLOAD_CANDIDATES;
	my @c = @UPLOAD_CANDIDATES[0 .. $n - 1];
	$self->admin({ stdin => "$pw\n" }, 'create-candidate', $self->year,
	    @$_) for @c;
	return map { $_->[0] } @c;
}

# login_province: a browser logged in as the province account (one test:
# "the province logs in", the login answers 303).
sub login_province {
	my ($self) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my $b = $self->browser;
	my $r = $b->login('staff', $PROVINCE_LOGIN, $PROVINCE_PW);
	Test::More::is($r->status, 303, 'the province logs in') or
	    Test::More::diag($r->dump);
	return $b;
}

# staff_browsers(PASSWORD, KEY => [login, ...], ...): browsers logged in as
# the province (login_province) and then as each staff account, in sorted
# key order (one test each: "KEY staff logs in").  Returns the list
# province => browser, KEY => browser, ...
sub staff_browsers {
	my ($self, $pw, %staff) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my %b = (province => $self->login_province);
	for my $k (sort keys %staff) {
		my $b = $self->browser;
		my $r = $b->login('staff', $staff{$k}[0], $pw);
		Test::More::is($r->status, 303, "$k staff logs in") or
		    Test::More::diag($r->dump);
		$b{$k} = $b;
	}
	return %b;
}

# jinshui_offices(PASSWORD): the offices of the tests of 补报 and 撤销注册
# (entry.t, revoke.t): the units ZZCITY KFCITY JSCNTY ZZSUP ZZBAS, and in
# 金水区 (410105) the supervising unit JSSUP 金水区教育局 with its basic
# unit JSBAS 金水区第一中学; staff of the county, both cities, a unit and
# a supervising unit, each logged in (staff_browsers).  Returns the list
# province => browser, KEY => browser, ...
sub jinshui_offices {
	my ($self, $pw) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	$self->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
	$self->admin('create-unit', 'JSSUP', '金水区教育局', 'supervising',
	    '410105');
	$self->admin('create-unit', 'JSBAS', '金水区第一中学', 'basic', '410105',
	    'JSSUP');
	my %staff = $self->create_staff($pw,
	    qw(county city kfcity unit supervising));
	return $self->staff_browsers($pw, %staff);
}

# login_app(IDNO, NAME, PASSWORD): a browser logged in as the candidate
# (one test: the login answers 303), whose application of this year
# exists (GET /apply creates it; h_apply.c; else the row it would make is
# inserted).  Returns (browser, application id, account id).
sub login_app {
	my ($self, $idno, $name, $pw) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	my $b = $self->browser;
	my $r = $b->login('candidate', $idno, $pw);
	Test::More::is($r->status, 303, "$name logs in") or
	    Test::More::diag($r->dump);
	$b->get('/apply', accept => 'xml');
	my $acct = $self->count(q{SELECT id FROM accounts WHERE role =
	    'candidate' AND name = ?}, $name);
	my $app = $self->count('SELECT id FROM applications WHERE account_id = ?',
	    $acct);
	unless ($app) {
		# h_apply.c not in this tree yet: the row it would make.
		$self->dbh->do(q{INSERT INTO applications (account_id, year,
		    state, created_at, updated_at) VALUES (?, ?, 'draft', NOW(),
		    NOW())}, undef, $acct, $self->year);
		$app = $self->count('SELECT id FROM applications WHERE '
		    . 'account_id = ?', $acct);
	}
	return ($b, $app, $acct);
}

# submit_fields(): the fields of a complete application of this year
# that every rule passes (submit.t's): 四级 电工 by certificate after 五级
# since six years ago, without unit_id, version, csrf and sms_code.
sub submit_fields {
	my ($self) = @_;
	my $y = $self->year;
	return (region => '', supervisor => '', education => '60',
	    work_start => '2008-07-01', work_years => $y - 2008 + 1,
	    cur_level => 5, cur_worktype => 'W019', cur_level_year => $y - 6,
	    unit_category => 'institution', unit_rank => 'city',
	    target_worktype => 'W019', target_level => 4,
	    route => 'certificate',
	    (map { ("appraisal_$_" => '2') } $y - 5 .. $y - 1),
	    prohibited => 'no');
}

# submit_app(BROWSER, APP, PHONE, UNIT, [OVER]): as the candidate logged
# in in BROWSER, whose application is APP and registered phone PHONE:
# adds the photo and ID card (rows and files) if missing (as h_upload.c
# stores them),
# asks for a code and submits /apply with unit UNIT and the fields of
# submit_fields overridden by the hash OVER.  Returns the submit's
# response (303 to /status when it was submitted).
sub submit_app {
	my ($self, $b, $app, $phone, $unit, $over) = @_;
	my $acct = $self->count('SELECT account_id FROM applications WHERE id = ?',
	    $app);
	for my $kind (qw(photo idcard)) {
		next if $self->count('SELECT COUNT(*) FROM materials WHERE '
		    . 'application_id = ? AND kind = ?', $app, $kind);
		# A real JPEG where the files live (files.c: DIR/xx/NAME), so
		# that the pages show it.
		my $name = _hex(32);
		my $jpg = jpeg($kind eq 'photo' ? (413, 626) : (640, 400));
		my $dir = "$self->{dir}/uploads/" . substr($name, 0, 2);
		make_path($dir);
		open(my $fh, '>:raw', "$dir/$name") or die "$dir/$name: $!";
		print $fh $jpg;
		close($fh) or die "$dir/$name: $!";
		$self->dbh->do(q{INSERT INTO materials (application_id, kind,
		    file, mime, size, title, uploaded_by, created_at) VALUES (?, ?,
		    ?, 'image/jpeg', ?, '', ?, NOW())}, undef, $app, $kind,
		    $name, length($jpg), $acct);
	}
	my %f = ($self->submit_fields, unit_id => $unit, %{ $over || {} });
	my $post = sub {
		my (%x) = @_;
		my $v = $self->count('SELECT version FROM applications WHERE '
		    . 'id = ?', $app);
		return $b->post('/apply', { %f, csrf => $b->csrf('/apply'),
		    version => $v, %x }, accept => 'xml');
	};
	# As a person would wait out a code asked for a minute ago.
	$self->dbh->do('UPDATE sms_codes SET created_at = created_at - '
	    . 'INTERVAL 70 SECOND WHERE created_at > NOW() - INTERVAL 70 SECOND');
	$post->(action => 'send_code');
	my $code = $self->sms_code($phone) // croak "submit_app: no code for $phone";
	return $post->(action => 'submit', sms_code => $code);
}

# submitted_candidate(IDNO, NAME, PHONE, REGION, UNIT, [PASSWORD]): creates
# the candidate of this year registered in REGION, logs in (login_app)
# and submits its application in unit UNIT (submit_app; one test: the
# submission answers 303).  Returns (browser, application id, account id).
sub submitted_candidate {
	my ($self, $idno, $name, $phone, $region, $unit, $pw) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	$pw //= 'Passw0rdx9';
	$self->admin({ stdin => "$pw\n" }, 'create-candidate', $self->year,
	    $idno, $name, $phone, $region, '4');
	my ($b, $app, $acct) = $self->login_app($idno, $name, $pw);
	my $r = $self->submit_app($b, $app, $phone, $unit);
	Test::More::is($r->status, 303, "$name submits") or
	    Test::More::diag($r->dump);
	return ($b, $app, $acct);
}

# rng_validator(PAGE): a sub (RESPONSE, LABEL) that tests RESPONSE's XML
# against schema/xml/PAGE.rng (one test "LABEL: valid against PAGE.rng",
# the error and the body as diagnostics on failure).
sub rng_validator {
	my ($page) = @_;
	require XML::LibXML;
	my $schema = XML::LibXML::RelaxNG->new(
	    location => top_srcdir() . "/schema/xml/$page.rng");
	return sub {
		my ($r, $label) = @_;
		local $Test::Builder::Level = $Test::Builder::Level + 1;
		my $ok = eval { $schema->validate($r->xml); 1 };
		Test::More::ok($ok, "$label: valid against $page.rng") or
		    Test::More::diag($@ . $r->text);
	};
}

# --- the browser -------------------------------------------------------------

package GKBM::Jar;

# A minimal cookie jar for HTTP::Tiny (host-only, path /, no expiry logic
# except Max-Age=0 / past Expires deleting).
sub new { bless { c => {} }, shift }

sub add {
	my ($self, $url, $header) = @_;
	my ($pair, @attr) = split /;\s*/, $header;
	my ($name, $value) = split /=/, $pair, 2;
	return unless defined $name && length $name;
	$value //= '';
	my $delete = $value eq '';
	for (@attr) {
		$delete = 1 if /^max-age=\s*(-?\d+)/i && $1 <= 0;
		$delete = 1 if /^expires=.*\b(19[0-9]{2}|200[0-9])\b/i;
	}
	if ($delete) {
		delete $self->{c}{$name};
	} else {
		$self->{c}{$name} = $value;
	}
	$self->{raw}{$name} = $header;
}

sub cookie_header {
	my ($self) = @_;
	return join('; ', map { "$_=$self->{c}{$_}" } sort keys %{ $self->{c} });
}

sub get { $_[0]{c}{ $_[1] } }
sub set { $_[0]{c}{ $_[1] } = $_[2] }
sub raw { $_[0]{raw}{ $_[1] } }
sub raw_all { my $r = $_[0]{raw} || {}; map { $r->{$_} } sort keys %$r }
sub clear { $_[0]{c} = {} }

package GKBM::Browser;

use Encode qw(encode);

sub new {
	my ($class, $s, %o) = @_;
	my $jar = GKBM::Jar->new;
	return bless {
		s => $s,
		jar => $jar,
		ua => HTTP::Tiny->new(
			agent => 'gkbm-test/1', timeout => $o{timeout} // 30,
			max_redirect => 0, cookie_jar => $jar,
			keep_alive => 0),
	}, $class;
}

sub jar { $_[0]{jar} }

sub _enc {
	my ($v) = @_;
	$v //= '';
	$v = encode('UTF-8', $v) if utf8::is_utf8($v);
	$v =~ s/([^A-Za-z0-9\-._~])/sprintf('%%%02X', ord $1)/ge;
	return $v;
}

sub _form {
	my ($fields) = @_;
	my @pairs = ref $fields eq 'ARRAY' ? @$fields
	    : map { my $k = $_; ref $fields->{$k} eq 'ARRAY'
		? (map { ($k, $_) } @{ $fields->{$k} }) : ($k, $fields->{$k}) }
	    sort keys %$fields;
	my @out;
	while (my ($k, $v) = splice(@pairs, 0, 2)) {
		push @out, _enc($k) . '=' . _enc($v);
	}
	return join('&', @out);
}

# request(METHOD, PATH, accept => 'xml'|'html'|TYPE, headers => {},
#   content => BYTES, follow => 1)
sub request {
	my ($self, $method, $path, %o) = @_;
	my %h = %{ $o{headers} || {} };
	if (my $a = $o{accept}) {
		$h{Accept} = $a eq 'xml' ? 'application/xml'
		    : $a eq 'html' ? 'text/html' : $a;
	}
	my %args = (headers => \%h);
	$args{content} = $o{content} if defined $o{content};
	my $url = $path =~ m{^https?://} ? $path : $self->{s}->url($path);
	my $r = $self->{ua}->request($method, $url, \%args);
	my $res = GKBM::Response->new($r);
	my $n = 0;
	while ($o{follow} && $res->status =~ /^30[1237]$/ && $n++ < 5) {
		my $loc = $res->header('location');
		$loc = $self->{s}->url($loc) if $loc =~ m{^/};
		$res = GKBM::Response->new($self->{ua}->request('GET', $loc,
		    { headers => \%h }));
	}
	return $res;
}

sub get {
	my ($self, $path, %o) = @_;
	return $self->request('GET', $path, %o);
}

sub head {
	my ($self, $path, %o) = @_;
	return $self->request('HEAD', $path, %o);
}

sub post {
	my ($self, $path, $fields, %o) = @_;
	$o{headers} = { %{ $o{headers} || {} },
	    'Content-Type' => 'application/x-www-form-urlencoded' };
	return $self->request('POST', $path, %o, content => _form($fields || {}));
}

# post_multipart(PATH, {field => value}, {name => [filename, bytes, type]})
sub post_multipart {
	my ($self, $path, $fields, $files, %o) = @_;
	my $bd = '----gkbm' . GKBM::_hex(12);
	my $body = '';
	for my $k (sort keys %{ $fields || {} }) {
		my @v = ref $fields->{$k} eq 'ARRAY' ? @{ $fields->{$k} }
		    : ($fields->{$k});
		for my $v (@v) {
			$v //= '';
			$v = encode('UTF-8', $v) if utf8::is_utf8($v);
			my $kk = utf8::is_utf8($k) ? encode('UTF-8', $k) : $k;
			$body .= "--$bd\r\nContent-Disposition: form-data; " .
			    "name=\"$kk\"\r\n\r\n$v\r\n";
		}
	}
	for my $k (sort keys %{ $files || {} }) {
		my ($fn, $bytes, $type) = @{ $files->{$k} };
		$fn = encode('UTF-8', $fn) if utf8::is_utf8($fn);
		$body .= "--$bd\r\nContent-Disposition: form-data; name=\"$k\"; " .
		    "filename=\"$fn\"\r\nContent-Type: " .
		    ($type // 'application/octet-stream') . "\r\n\r\n" .
		    ($bytes // '') . "\r\n";
	}
	$body .= "--$bd--\r\n";
	$o{headers} = { %{ $o{headers} || {} },
	    'Content-Type' => "multipart/form-data; boundary=$bd" };
	return $self->request('POST', $path, %o, content => $body);
}

# csrf(PATH): the page's meta/csrf token (fetched as XML).
sub csrf {
	my ($self, $path) = @_;
	my $r = $self->get($path // '/login', accept => 'xml');
	return $r->xpath('/*/meta/csrf');
}

# login(KIND, LOGIN, PASSWORD): POST /login with a fresh CSRF token.
sub login {
	my ($self, $kind, $login, $pw, %o) = @_;
	return $self->post('/login', { csrf => $self->csrf('/login'),
	    kind => $kind, login => $login, password => $pw }, %o);
}

# logout: POST /logout with the CSRF token of /home.
sub logout {
	my ($self) = @_;
	return $self->post('/logout', { csrf => $self->csrf('/home') });
}

package GKBM::Response;

use Encode qw(decode);

sub new {
	my ($class, $r) = @_;
	my $self = bless { r => $r }, $class;
	my $ct = $r->{headers}{'content-type'} // '';
	if ($ct =~ m{\b(?:application|text)/(?:[\w.+-]+\+)?xml\b}i &&
	    length($r->{content} // '')) {
		$self->{xml} = eval {
			XML::LibXML->load_xml(string => $r->{content},
			    no_network => 1, load_ext_dtd => 0)
		};
		$self->{xml_error} = $@ unless $self->{xml};
	}
	return $self;
}

sub status { $_[0]{r}{status} }
sub reason { $_[0]{r}{reason} }
sub ok { $_[0]{r}{status} =~ /^2/ }
sub headers { $_[0]{r}{headers} }
sub body { $_[0]{r}{content} // '' }
sub text { decode('UTF-8', $_[0]->body, Encode::FB_DEFAULT) }
sub xml { $_[0]{xml} }
sub xml_error { $_[0]{xml_error} }
sub content_type { $_[0]{r}{headers}{'content-type'} // '' }

# header(NAME): the value (values joined by ", " if repeated).
sub header {
	my ($self, $name) = @_;
	my $v = $self->{r}{headers}{ lc $name };
	return ref $v ? join(', ', @$v) : $v;
}

# header_all(NAME): every value as a list.
sub header_all {
	my ($self, $name) = @_;
	my $v = $self->{r}{headers}{ lc $name };
	return () unless defined $v;
	return ref $v ? @$v : ($v);
}

# xpath(EXPR): the string value of EXPR in the XML document (undef if the
# response is not XML or nothing matches).
sub xpath {
	my ($self, $expr) = @_;
	return undef unless $self->{xml};
	my @n = $self->{xml}->findnodes($expr);
	return undef unless @n;
	return $n[0]->textContent;
}

# nodes(EXPR): the matching nodes.
sub nodes {
	my ($self, $expr) = @_;
	return () unless $self->{xml};
	return $self->{xml}->findnodes($expr);
}

# root: the document element's name.
sub root {
	my ($self) = @_;
	return $self->{xml} ? $self->{xml}->documentElement->nodeName : undef;
}

sub dump {
	my ($self) = @_;
	return "HTTP $self->{r}{status}\n" . join('', map {
		my $k = $_; map { "$k: $_\n" } $self->header_all($k) }
	    sort keys %{ $self->{r}{headers} }) . "\n" . $self->text;
}

1;
