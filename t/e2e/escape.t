# escape.t: hostile text in every field and query parameter.  Each value
# is either refused with the field's message or kept harmlessly, and is
# escaped on output: the HTML never carries live markup from it, the XML
# parses and gives the value back as text, and the database still works
# afterwards (tables intact, counts unchanged).  Malformed data (bad
# UTF-8, control characters) is refused with 400 and a Chinese message.
# SECURITY.md section 1 (Input), schema/xml/README.md ("Text in the
# documents is never pre-escaped HTML").
use strict;
use warnings;
use utf8;

use Encode qw(encode);
use File::Find ();
use Test::More;
use GKBM;
use XML::LibXML;

binmode($_, ':encoding(UTF-8)') for Test::More->builder->output,
    Test::More->builder->failure_output, Test::More->builder->todo_output;

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $CAND_PW = 'Passw0rdx9';

my $big = ('<script>alert(1)</script>' x 420) . '"><svg onload=alert(1)>';
my @P = (
	[sql_drop => q{'; DROP TABLE accounts; --}],
	[sql_or => q{" OR "1"="1}],
	[sql_or1 => q{' OR 1=1 #}],
	[script => q{<script>alert(1)</script>}],
	[attr => q{"><svg onload=alert(1)>}],
	[img => q{<img src=x onerror=alert(1)>}],
	[entity => q{&lt;script&gt;alert(1)&lt;/script&gt;&amp;}],
	[emoji => "张\x{1F600}三\x{1F4A9}"],
	[big => $big],
);
ok(length($big) > 10 * 1024, 'the big value is over 10 KB');

# --- what every answer must satisfy -----------------------------------------

my $html_parser = XML::LibXML->new(recover => 2, suppress_errors => 1,
    no_network => 1);

# The HTML carries no live markup from a payload.
sub html_safe {
	my ($r, $what) = @_;
	my $t = $r->text;
	my @bad = grep { index($t, $_) >= 0 } ('<script>alert(1)</script>',
	    '"><svg', '<svg onload', '<img src=x onerror');
	ok(!@bad, "$what: no raw payload in the HTML") or diag("@bad");
	my $doc = eval { $html_parser->load_html(string => $r->body,
	    encoding => 'UTF-8') };
	if (!$doc) {
		fail("$what: the HTML parses");
		return;
	}
	my @live = ($doc->findnodes('//svg | //img[@onerror] | ' .
	    '//*[@*[starts-with(name(), "on")]] | //script[not(@src)] | ' .
	    '//script[contains(., "alert")]'));
	is(scalar @live, 0, "$what: no injected element or handler in the DOM")
	    or diag(join("\n", map { $_->toString } @live[0 .. ($#live > 2 ? 2 : $#live)]));
}

# The XML parses (the harness parsed it already).
sub xml_ok {
	my ($r, $what) = @_;
	ok($r->xml, "$what: the XML parses") or diag($r->xml_error // $r->dump);
	unlike($r->body, qr/<script>alert|<svg |<img src=x/,
	    "$what: no raw markup in the XML");
}

sub tables { join ',', map { $_->[0] } @{ $s->dbh->selectall_arrayref('SHOW TABLES') } }
my @COUNTED = qw(accounts units windows years regions sms_codes);
sub counts { join ',', map { "$_=" . $s->count("SELECT COUNT(*) FROM $_") } @COUNTED }
sub accts { $s->count('SELECT COUNT(*) FROM accounts') }

# --- fixtures ------------------------------------------------------------------

my $cand = {
	idno => GKBM::idno('410105', '19900307', '123'), name => '张三丰',
	phone => '13912340001', region => '410100', level => '5',
};
$s->admin({ stdin => "$CAND_PW\n" }, 'create-candidate', $Y,
    @$cand{qw(idno name phone region level)});
my $cb = $s->browser;
my $r = $cb->login('candidate', $cand->{idno}, $CAND_PW);
is($r->status, 303, 'the candidate logs in') or diag($r->dump);
my $p = $s->browser;
$r = $p->login('staff', $GKBM::PROVINCE_LOGIN, $GKBM::PROVINCE_PW);
is($r->status, 303, 'the province logs in') or diag($r->dump);

my $TABLES = tables();
my $COUNTS = counts();
like($TABLES, qr/\baccounts\b.*\baudit\b/, 'the tables are there');

# --- registration --------------------------------------------------------------

{
	my $anon = $s->browser;
	my $csrf = $anon->csrf('/register?consent=v2026.1');
	my $jpeg = GKBM::jpeg(160, 120);
	my %base = (consent => 'v2026.1', region => '410100', level => '5',
	    idno => GKBM::idno('410105', '19920512', '456'),
	    birth => '1992-05-12', name => '李四', phone => '13912349999',
	    sms_code => '123456', password => 'Abcdef123x',
	    password2 => 'Abcdef123x');
	my %echo = map { $_ => 1 } qw(consent region level idno birth name phone);
	my $n = accts();
	for my $f (qw(name idno phone birth region level sms_code consent)) {
		for my $pl (@P) {
			my ($pn, $v) = @$pl;
			my $what = "register $f=$pn";
			my %form = (%base, csrf => $csrf, $f => $v);
			$r = $anon->post_multipart('/register', \%form,
			    { idcard => ['id.jpg', $jpeg, 'image/jpeg'] },
			    accept => 'xml');
			is($r->status, 400, "$what: 400 (XML)") or diag($r->dump);
			xml_ok($r, $what);
			ok(length($r->xpath("/register/form/field[\@name=\"$f\"]/error") // ''),
			    "$what: the $f field has its message")
			    or diag($r->body);
			if ($echo{$f}) {
				is($r->xpath("/register/form/field[\@name=\"$f\"]/\@value"),
				    $v, "$what: the value comes back as text");
			}
			$r = $anon->post_multipart('/register', \%form,
			    { idcard => ['id.jpg', $jpeg, 'image/jpeg'] });
			is($r->status, 400, "$what: 400 (HTML)");
			html_safe($r, $what);
		}
	}
	# The file name of the upload and the send_code path.
	for my $pl (@P[0 .. 5]) {
		my ($pn, $v) = @$pl;
		$r = $anon->post_multipart('/register', { %base, csrf => $csrf,
		    name => $v }, { idcard => ["$v.jpg", $jpeg, 'image/jpeg'] });
		like($r->status, qr/^400$/, "register file name $pn: 400");
		html_safe($r, "register file name $pn");
		$r = $anon->post('/register', { %base, csrf => $csrf, send_code => 1,
		    phone => $v });
		is($r->status, 400, "register send_code phone=$pn: 400");
		html_safe($r, "register send_code phone=$pn");
	}
	is(accts(), $n, 'registration: nothing stored');
	# Refused registrations keep their photo for the retry (regkeep.c),
	# nothing else.
	my %kept = map { $_->[0] => 1 } @{ $s->dbh->selectall_arrayref(
	    'SELECT file FROM register_keep WHERE file IS NOT NULL') };
	my $other = 0;
	File::Find::find(sub { $other++ if -f $_ && !$kept{$_} },
	    $s->dir . '/uploads');
	is($other, 0, 'registration: no upload stored but those kept for a retry');
}

# --- login ---------------------------------------------------------------------
# Failed logins count per source address (30 in 15 minutes lock it): fewer
# than 30 failures here, so the last normal login still works.

{
	my $anon = $s->browser;
	my $csrf = $anon->csrf('/login');
	my $i = 0;
	for my $pl (@P) {
		my ($pn, $v) = @$pl;
		$i++;
		for my $kind ('candidate', $i % 3 == 0 ? ('staff') : ()) {
			my $what = "login ($kind) login=$pn";
			$r = $anon->post('/login', { csrf => $csrf, kind => $kind,
			    login => $v, password => 'Whatever123' }, accept => 'xml');
			is($r->status, 400, "$what: 400") or diag($r->dump);
			xml_ok($r, $what);
			is($r->xpath('/login/form/field[@name="login"]/@value'), $v,
			    "$what: the value comes back as text");
			ok(length($r->xpath('/login/form/field/error') // ''),
			    "$what: a field message");
			ok(!grep { /gkbm_sid=[^;]/ } $r->header_all('set-cookie'),
			    "$what: no session");
		}
		$r = $anon->post('/login', { csrf => $csrf, kind => 'candidate',
		    login => $v, password => $v });
		is($r->status, 400, "login login=password=$pn: 400 (HTML)");
		html_safe($r, "login login=$pn");
		$r = $anon->post('/login', { csrf => $csrf, kind => $v,
		    login => $cand->{idno}, password => $CAND_PW }, accept => 'xml');
		is($r->status, 400, "login kind=$pn: 400");
		xml_ok($r, "login kind=$pn");
		like($r->xpath('/login/form/field[@name="kind"]/error') // '',
		    qr/请选择/, "login kind=$pn: the kind message");
		$r = $anon->post('/login', { csrf => $csrf, kind => $v,
		    login => $cand->{idno}, password => $CAND_PW });
		html_safe($r, "login kind=$pn (HTML)");
		next unless $i % 3 == 1;
		# The password itself: wrong, never echoed.
		$r = $anon->post('/login', { csrf => $csrf, kind => 'candidate',
		    login => '13900000000', password => $v }, accept => 'xml');
		is($r->status, 400, "login password=$pn: 400");
		ok(index($r->text, $v) < 0, "login password=$pn: not echoed");
	}
	my $fails = $s->count(q{SELECT COUNT(*) FROM login_attempts WHERE ok = 0});
	cmp_ok($fails, '<', 30, "fewer than 30 failed logins ($fails)");
}

# --- forgot --------------------------------------------------------------------

{
	my $anon = $s->browser;
	my $csrf = $anon->csrf('/password/forgot');
	for my $pl (@P) {
		my ($pn, $v) = @$pl;
		for my $f ('login', 'phone') {
			my $what = "forgot $f=$pn";
			my %form = (csrf => $csrf, login => $cand->{idno},
			    phone => $cand->{phone}, send_code => 1, $f => $v);
			$r = $anon->post('/password/forgot', \%form, accept => 'xml');
			is($r->status, 400, "$what: 400") or diag($r->dump);
			xml_ok($r, $what);
			ok(length($r->xpath('/forgot/form/field/error') // ''),
			    "$what: a field message");
			is($r->xpath("/forgot/form/field[\@name=\"$f\"]/\@value"), $v,
			    "$what: the value comes back as text");
			$r = $anon->post('/password/forgot', \%form);
			html_safe($r, $what);
		}
	}
}

# --- password (logged in) --------------------------------------------------------

{
	my $csrf = $cb->csrf('/password');
	for my $pl (@P) {
		my ($pn, $v) = @$pl;
		for my $f ('old', 'password', 'password2') {
			my $what = "password $f=$pn";
			my %form = (csrf => $csrf, old => $CAND_PW,
			    password => 'Newpass123x', password2 => 'Newpass123x',
			    $f => $v);
			$r = $cb->post('/password', \%form, accept => 'xml');
			is($r->status, 400, "$what: 400") or diag($r->dump);
			xml_ok($r, $what);
			ok(index($r->text, $v) < 0, "$what: never echoed");
			$r = $cb->post('/password', \%form);
			html_safe($r, $what);
		}
	}
	my $b = $s->browser;
	is($b->login('candidate', $cand->{idno}, $CAND_PW)->status, 303,
	    'the candidate password is unchanged');
}

# --- windows -----------------------------------------------------------------------

{
	my $row = sub { join '|', $s->dbh->selectrow_array(q{SELECT starts_at,
	    ends_at, updated_at FROM windows WHERE year = ? AND kind =
	    'registration'}, undef, $Y) };
	my $was = $row->();
	my $csrf = $p->csrf('/admin/windows');
	for my $pl (@P) {
		my ($pn, $v) = @$pl;
		for my $f (qw(starts_at ends_at year kind)) {
			my $what = "windows $f=$pn";
			my %form = (csrf => $csrf, year => $Y, kind => 'registration',
			    starts_at => "$Y-03-01 08:00", ends_at => "$Y-03-15 18:00",
			    $f => $v);
			$r = $p->post('/admin/windows', \%form, accept => 'xml');
			is($r->status, 400, "$what: 400") or diag($r->dump);
			xml_ok($r, $what);
			ok(length($r->xpath("/windows/form/field[\@name=\"$f\"]/error") // ''),
			    "$what: the $f message");
			is($r->xpath("/windows/form/field[\@name=\"$f\"]/\@value"), $v,
			    "$what: the value comes back as text");
			$r = $p->post('/admin/windows', \%form);
			is($r->status, 400, "$what: 400 (HTML)");
			html_safe($r, $what);
		}
	}
	is($row->(), $was, 'windows: the row is unchanged');
}

# --- query parameters -------------------------------------------------------------

{
	my $anon = $s->browser;
	for my $pl (@P) {
		my ($pn, $v) = @$pl;
		my $q = GKBM::Browser::_enc($v);
		for my $t (['/admin/registrations?region=', $p, 400],
		    ['/admin/registrations?level=', $p, 400],
		    ['/admin/registrations?page=', $p, 400],
		    ['/admin/windows?year=', $p, 400],
		    ['/login?kind=', $anon, 200],
		    ['/login?m=', $anon, 200],
		    ['/register?consent=', $anon, 303],
		    ['/password/forgot?login=', $anon, 200],
		    ['/home?x=', $cb, 200]) {
			my ($path, $b, $st) = @$t;
			my $what = "GET $path$pn";
			# 10 KB in the URL: nginx may refuse it first (414).
			$st = qr/^(414|400|$st)$/ if $pn eq 'big';
			$r = $b->get("$path$q");
			if (ref $st) {
				like($r->status, $st, "$what: refused or $st");
				$st = $r->status;
			} else {
				is($r->status, $st, "$what: $st") or diag($r->dump);
			}
			html_safe($r, $what) if $st != 303;
			if ($st == 303) {
				unlike($r->header('location') // '', qr/[<>"']/,
				    "$what: the Location carries nothing of it");
			}
			$r = $b->get("$path$q", accept => 'xml');
			if ($st != 303 && $st != 414) {
				xml_ok($r, "$what (XML)");
			}
		}
	}
	# The 404 page and the path itself.
	for my $path ('/%3Cscript%3Ealert(1)%3C/script%3E',
	    '/x%22%3E%3Csvg%20onload=alert(1)%3E', "/';DROP%20TABLE%20accounts;--") {
		$r = $p->get($path);
		like($r->status, qr/^(400|404)$/, "GET $path: 400 or 404");
		html_safe($r, "GET $path");
		$r = $p->get($path, accept => 'xml');
		xml_ok($r, "GET $path (XML)") if $r->status == 404;
	}
}

# --- malformed data ----------------------------------------------------------------

{
	my $anon = $s->browser;
	my $csrf = $anon->csrf('/login');
	my $raw = sub {
		my ($b, $path, $body, %o) = @_;
		return $b->request('POST', $path, %o, headers => { 'Content-Type' =>
		    'application/x-www-form-urlencoded' }, content => $body);
	};
	my $n = accts();
	for my $t (['POST /login login=%FF', sub { $raw->($anon, '/login',
		    "csrf=$csrf&kind=candidate&login=%FF&password=x", @_) }],
	    ['POST /login login=%C3%28', sub { $raw->($anon, '/login',
		    "csrf=$csrf&kind=candidate&login=%C3%28&password=x", @_) }],
	    ['POST /login overlong %C0%AF', sub { $raw->($anon, '/login',
		    "csrf=$csrf&kind=candidate&login=%C0%AF&password=x", @_) }],
	    ['POST /login surrogate %ED%A0%80', sub { $raw->($anon, '/login',
		    "csrf=$csrf&kind=candidate&login=%ED%A0%80&password=x", @_) }],
	    ['POST /login raw byte 0xFF', sub { $raw->($anon, '/login',
		    "csrf=$csrf&kind=candidate&login=\xFF\xFE&password=x", @_) }],
	    ['POST /password/forgot phone=%FF', sub { $raw->($anon,
		    '/password/forgot', "csrf=$csrf&login=1&phone=%FF", @_) }],
	    ['POST /admin/windows starts_at=%FF', sub { $raw->($p,
		    '/admin/windows', 'csrf=' . $p->csrf('/admin/windows') .
		    "&year=$Y&kind=registration&starts_at=%FF&ends_at=x", @_) }],
	    ['GET /login?kind=%FF', sub { $anon->get('/login?kind=%FF', @_) }],
	    ['GET /admin/registrations?region=%FF', sub {
		    $p->get('/admin/registrations?region=%FF', @_) }],
	    ['GET /admin/registrations?level=%E4%B8', sub {
		    $p->get('/admin/registrations?level=%E4%B8', @_) }],
	    ['POST /register (multipart) name=0xFF', sub {
		    $anon->post_multipart('/register', { csrf => $csrf,
		    consent => 'v2026.1', name => "\xFF\xFE" },
		    { idcard => ['id.jpg', GKBM::jpeg(8, 8), 'image/jpeg'] }, @_) }],
	    ) {
		my ($what, $cb2) = @$t;
		my $h = $cb2->();
		is($h->status, 400, "$what: 400") or diag($h->dump);
		like($h->text, qr/UTF-8|格式不正确/, "$what: the malformed-data message");
		like($h->text, qr/\p{Han}{6}/, "$what: in Chinese");
		my $x = $cb2->(accept => 'xml');
		is($x->status, 400, "$what: 400 (XML)");
		ok($x->xml, "$what: the XML parses") or diag($x->dump);
		like($x->xpath('//error/message') // '',
		    qr/有效的UTF-8编码|格式不正确/, "$what: <error><message>");
	}
	for my $t (['POST /login login=%00', "csrf=$csrf&kind=candidate&login=a%00b&password=x"],
	    ['POST /login login=%1B', "csrf=$csrf&kind=candidate&login=a%1Bb&password=x"],
	    ['POST /login bad escape %G1', "csrf=$csrf&kind=candidate&login=%G1&password=x"],
	    ['POST /login truncated escape %F', "csrf=$csrf&kind=candidate&login=a%F"]) {
		my ($what, $body) = @$t;
		my $h = $raw->($anon, '/login', $body);
		is($h->status, 400, "$what: 400") or diag($h->dump);
		like($h->text, qr/格式不正确|UTF-8/, "$what: the malformed-data message");
	}
	is(accts(), $n, 'malformed data: nothing stored');
}

is(tables(), $TABLES, 'after the hostile input: the tables are intact');
is(counts(), $COUNTS, 'after the hostile input: the counts are unchanged');

# --- stored harmlessly: a hostile unit name given by gkbm-admin ---------------

{
	my ($rc, $out) = $s->admin({ may_fail => 1 }, 'create-unit', 'XSS1',
	    q{<script>alert(1)</script>"><svg onload=alert(1)>单位}, 'city',
	    '410200');
	SKIP: {
		skip "gkbm-admin refuses the unit name: $out", 8 if $rc;
		($rc, $out) = $s->admin({ stdin => "Staff#2026ab\n", may_fail => 1 },
		    'create-staff', 'xssadm', '王五',
		    '13700000099', 'city', 'XSS1');
		skip "gkbm-admin refuses the staff name: $out", 8 if $rc;
		my $b = $s->browser;
		is($b->login('staff', 'xssadm', 'Staff#2026ab')->status, 303,
		    'the staff with a hostile name logs in');
		for my $path ('/home', '/admin/registrations', '/password') {
			$r = $b->get($path);
			is($r->status, 200, "hostile names: $path");
			html_safe($r, "hostile names: $path");
		}
		$r = $b->get('/home', accept => 'xml');
		xml_ok($r, 'hostile names: /home');
		like($r->xpath('/home/account/@unit') // '', qr/^<script>alert/,
		    'the unit name comes back as text in the XML');
	}
}

# --- the database still works ------------------------------------------------------

is(tables(), $TABLES, 'the tables are intact');
{
	my $b = $s->browser;
	is($b->login('candidate', $cand->{idno}, $CAND_PW)->status, 303,
	    'a normal login still works');
	$r = $b->get('/home', accept => 'xml');
	is($r->xpath('/home/account/@name'), $cand->{name}, 'and /home reads the DB');
	$r = $p->get('/admin/registrations', accept => 'xml');
	is($r->xpath('/registrations/list/@total'), 1, 'the registrations list works');
}

$s->finish;
done_testing;
