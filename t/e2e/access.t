# access.t: the role gate for every route and every role, in HTML and in
# XML; the 403 and 404 pages; CSRF on POST; the XML view of /home; the
# registrations list (scope by region, filters, paging, masking, bad
# parameters).  SPEC.md section 2, SECURITY.md section 1 (Access, Input,
# Personal data), schema/xml/README.md.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

binmode($_, ':encoding(UTF-8)') for Test::More->builder->output,
    Test::More->builder->failure_output, Test::More->builder->todo_output;

my $s = GKBM->start(workers => 2);
my $Y = $s->year;
my $STAFF_PW = 'Staff#2026ab';
my $CAND_PW = 'Passw0rdx9';

# --- fixtures ---------------------------------------------------------------

# Units and staff from GKBM.pm's %UNITS and %STAFF.
$s->create_units(qw(ZZCITY KFCITY JSCNTY ZZSUP ZZBAS));
my %staff = $s->create_staff($STAFF_PW,
    qw(unit reviewer supervising county city kfcity));

# 25 candidates of this year: 15 in 郑州市 (410100), 10 in 开封市 (410200).
my @surnames = qw(张 王 李 赵 刘 陈 杨 黄 周 吴);
my @given = qw(建国 秀英 志强 桂兰 海燕 德明 丽华 国庆 红梅 玉兰 永刚 春花 文杰);
my (@cands, %by_id);
for my $i (1 .. 25) {
	my $city = $i <= 15 ? '410100' : '410200';
	my $pre = $i <= 15 ? '410105' : '410202';
	my $c = {
		idno => GKBM::idno($pre, sprintf('1985%02d%02d', 1 + $i % 12,
		    1 + $i), 100 + $i),
		name => $surnames[$i % 10] . $given[$i % 13],
		phone => sprintf('139%04d%04d', 1000 + $i, 2000 + $i),
		region => $city,
		level => (5, 4, 3)[$i % 3],
	};
	$s->admin({ stdin => "$CAND_PW\n" }, 'create-candidate', $Y,
	    @$c{qw(idno name phone region level)});
	push @cands, $c;
}
my $cand = $cands[0];	# the candidate who logs in

# A logged-in browser per role; the anonymous one too.
my %b = (anon => $s->browser);
{
	my $b = $s->browser;
	my $r = $b->login('candidate', $cand->{idno}, $CAND_PW);
	is($r->status, 303, 'the candidate logs in') or diag($r->dump);
	$b{candidate} = $b;
	%b = (%b, $s->staff_browsers($STAFF_PW, %staff));
}
for my $k (sort keys %b) {
	next if $k eq 'anon';
	my $r = $b{$k}->get('/home', accept => 'xml');
	my $want = $k eq 'kfcity' ? 'city' : $k;
	is($r->xpath('/home/meta/role'), $want, "the $k session has role $want")
	    or diag($r->dump);
}

# --- the gate: every GET page for every role ---------------------------------

my @ROLES = qw(anon candidate unit reviewer supervising county city province);
# path => [roles that may see it, is an anonymous page (logged-in users are
# sent on), is a logged-in page (anon is sent to /login)]
my %ANYONE = map { $_ => 1 } @ROLES;
my @PAGES = (
	['/', \%ANYONE, 1],
	['/login', \%ANYONE, 1],
	['/register/notice', \%ANYONE, 1],
	['/register?consent=v2026.1', \%ANYONE, 1],
	['/password/forgot', \%ANYONE, 1],
	['/password', { map { $_ => 1 } grep { $_ ne 'anon' } @ROLES }, 0],
	['/home', { map { $_ => 1 } grep { $_ ne 'anon' } @ROLES }, 0],
	['/admin/windows', { province => 1 }, 0],
	['/admin/registrations', { province => 1, city => 1, county => 1 }, 0],
	['/help/candidate', \%ANYONE, 0],
	['/help/admin', \%ANYONE, 0],
	['/help/policy', \%ANYONE, 0],
	['/help/phones', \%ANYONE, 0],
	['/canapply', \%ANYONE, 0],
	['/canapply?go=1&gender=M&birth_year=1980&work_start_year=2000&cur_level=0&education=60',
	    \%ANYONE, 0],
	['/admin/phones', { province => 1, city => 1, county => 1 }, 0],
	# 容缺后补, notes, 已承接 (issue 11; defer.t, notes.t, takeover.t).
	['/review/deferred', { map { $_ => 1 } grep { !/^(anon|candidate)$/ } @ROLES }, 0],
	['/review/notes?k=city', { map { $_ => 1 } grep { !/^(anon|candidate)$/ } @ROLES }, 0],
	['/review/takeover', { province => 1, city => 1 }, 0],
);
# The document of a path when it is not named after the path.
my %ROOT = ('help/candidate' => 'manual', 'help/admin' => 'manual',
    'help/policy' => 'rules', 'help/phones' => 'phones',
    'phones' => 'phoneedit', 'review/deferred' => 'deferred',
    'review/notes' => 'notes', 'review/takeover' => 'takeover');
# What a forbidden page must not reveal (its data).
my %SECRET = (
	'/admin/windows' => [qr/时间设置|设置注册报名时间/, '//window | //years'],
	'/admin/registrations' => [qr/注册报名人员|\*{8}/, '//list | //row'],
	'/home' => [qr/\*{8}/, '//account'],
	'/password' => [qr/name="old"/, '//form'],
	'/admin/phones' => [qr/咨询电话维护|name="phone_1"/, '//form'],
);

sub denied_count {
	my ($path) = @_;
	(my $p = $path) =~ s/\?.*//;
	return $s->count(q{SELECT COUNT(*) FROM audit WHERE event =
	    'access.denied' AND object = ?}, $p);
}

for my $pg (@PAGES) {
	my ($path, $may, $anon_page) = @$pg;
	for my $role (@ROLES) {
		my $b = $b{$role};
		my $what = "$role GET $path";
		my $before = denied_count($path);
		my $h = $b->get($path);
		my $x = $b->get($path, accept => 'xml');
		if ($may->{$role}) {
			if ($anon_page && $role ne 'anon') {
				# Logged-in users are sent on, never refused.
				like($h->status, qr/^(200|303)$/, "$what: allowed (HTML)")
				    or diag($h->dump);
				like($x->status, qr/^(200|303)$/, "$what: allowed (XML)")
				    or diag($x->dump);
			} else {
				is($h->status, 200, "$what: 200 (HTML)") or diag($h->dump);
				like($h->content_type, qr{^text/html}, "$what: HTML");
				is($x->status, 200, "$what: 200 (XML)") or diag($x->dump);
				ok($x->xml, "$what: the XML parses") or diag($x->dump);
				(my $root = $path) =~ s{^/(?:admin/|register/)?}{};
				$root =~ s/\?.*//;
				$root = 'login' if $root eq '';
				$root = 'forgot' if $root eq 'password/forgot';
				$root = $ROOT{$root} if $ROOT{$root};
				is($x->root, $root, "$what: the document is <$root>");
			}
			is(denied_count($path), $before, "$what: no access.denied");
			next;
		}
		if ($role eq 'anon') {
			is($h->status, 303, "$what: 303 (HTML)") or diag($h->dump);
			is($h->header('location'), '/login?m=login',
			    "$what: sent to /login?m=login");
		} else {
			is($h->status, 403, "$what: 403 (HTML)") or diag($h->dump);
			like($h->content_type, qr{^text/html}, "$what: 403 as HTML");
			like($h->text, qr/无权访问/, "$what: the Chinese 403 page");
			if (my $sec = $SECRET{ (split /\?/, $path)[0] }) {
				unlike($h->text, $sec->[0], "$what: no page data in the 403");
			}
		}
		is($x->status, 403, "$what: 403 (XML)") or diag($x->dump);
		is($x->root, 'error', "$what: an <error> document");
		is($x->xpath('/error/error/@status') // $x->xpath('//error/@status'),
		    '403', "$what: <error status=\"403\">");
		if (my $sec = $SECRET{ (split /\?/, $path)[0] }) {
			is(scalar(my @n = $x->nodes($sec->[1])), 0,
			    "$what: no page data in the XML 403");
		}
		is(denied_count($path), $before + ($role eq 'anon' ? 1 : 2),
		    "$what: audit access.denied written (one per 403)");
	}
}

# The POST routes that need a role: with the role's own valid token, the
# gate answers 403 before the handler; allowed roles reach the handler
# (400: the empty form is invalid).
for my $t (['/password', { map { $_ => 1 } grep { $_ ne 'anon' } @ROLES }],
    ['/admin/windows', { province => 1 }],
    ['/admin/phones', { province => 1, city => 1, county => 1 }],
    ['/review/note', { map { $_ => 1 } grep { !/^(anon|candidate)$/ } @ROLES }],
    ['/review/takeover', { province => 1, city => 1 }]) {
	my ($path, $may) = @$t;
	for my $role (@ROLES) {
		my $b = $b{$role};
		my $tok = $b->csrf($role eq 'anon' ? '/login' : '/home');
		my $before = denied_count($path);
		my $r = $b->post($path, { csrf => $tok }, accept => 'xml');
		if ($may->{$role}) {
			my %own = ('/password' => 'password',
			    '/admin/windows' => 'windows', '/admin/phones' => 'phoneedit',
			    '/review/note' => 'notes', '/review/takeover' => 'takeover');
			# An empty /admin/phones or /review/takeover form clears
			# what it sets: 303.
			like($r->status, $path =~ m{^/(admin/phones|review/takeover)$}
			    ? qr/^303$/ : qr/^400$/,
			    "$role POST $path: reaches the handler") or diag($r->dump);
			is($r->root, $own{$path}, "$role POST $path: the page's own document")
			    unless $r->status == 303;
		} else {
			is($r->status, 403, "$role POST $path: 403") or diag($r->dump);
			is($r->xpath('//error/@status'), '403',
			    "$role POST $path: <error status=403>");
			is(denied_count($path), $before + 1,
			    "$role POST $path: access.denied audited");
		}
	}
}

# The candidate and the admin pages, explicitly, with what they hold.
for my $path ('/admin/windows', '/admin/registrations',
    '/admin/registrations?page=1&level=5') {
	my $r = $b{candidate}->get($path, accept => 'xml');
	is($r->status, 403, "candidate cannot open $path (XML)");
	unlike($r->text, qr/\Q$cands[1]{name}\E|410105\*|<list|<row|<window/,
	    "candidate: $path reveals nothing");
	$r = $b{candidate}->get($path);
	is($r->status, 403, "candidate cannot open $path (HTML)");
}
{
	my $row = $s->dbh->selectrow_arrayref(q{SELECT account_id, role, event,
	    object, result FROM audit WHERE event = 'access.denied' AND role =
	    'candidate' ORDER BY id DESC LIMIT 1});
	ok($row && $row->[0] && $row->[1] eq 'candidate' && $row->[4] eq '403',
	    'the access.denied row names the candidate account, role, 403')
	    or diag(explain $row);
}
# No province-only / candidate-only split exists yet for pages the province
# cannot see.
SKIP: { skip 'no candidate-only view yet', 1 }

# --- /home: the XML view holds what the HTML shows --------------------------

{
	my $b = $b{candidate};
	my $h = $b->get('/home');
	my $x = $b->get('/home', accept => 'xml');
	is($h->status, 200, 'candidate /home (HTML)');
	is($x->status, 200, 'candidate /home (XML)');
	my $mid = substr($cand->{idno}, 0, 6) . '********' . substr($cand->{idno}, -4);
	my $mph = substr($cand->{phone}, 0, 3) . '****' . substr($cand->{phone}, -4);
	my %lv = (5 => '五级', 4 => '四级', 3 => '三级');
	my %data = (
		name => $cand->{name},
		idno => $mid,
		phone => $mph,
		region => $cand->{region} eq '410100' ? '郑州市' : '开封市',
		'level-name' => qr/^\Q$lv{$cand->{level}}\E/,
	);
	for my $k (sort keys %data) {
		my $v = $x->xpath("/home/account/\@$k") // '';
		if (ref $data{$k}) {
			like($v, $data{$k}, "/home XML account/\@$k");
			my ($lvname) = $v;
			ok(length $lvname && index($h->text, $lvname) >= 0,
			    "/home HTML shows the $k too ($lvname)");
		} else {
			is($v, $data{$k}, "/home XML account/\@$k");
			ok(index($h->text, $data{$k}) >= 0, "/home HTML shows $k")
			    or diag($h->text);
		}
	}
	for my $secret ($cand->{idno}, $cand->{phone}) {
		ok(index($h->body, $secret) < 0, "/home HTML hides $secret");
		ok(index($x->body, $secret) < 0, "/home XML hides $secret");
	}
}

# --- CSRF: POST /admin/windows ------------------------------------------------

{
	my $p = $b{province};
	my $row = sub {
		join '|', map { $_ // '' } $s->dbh->selectrow_array(q{SELECT
		    starts_at, ends_at, updated_at FROM windows WHERE year = ? AND
		    kind = 'registration' AND region_code = ''}, undef, $Y);
	};
	my $was = $row->();
	ok(length($was) > 2, 'the registration window exists') or diag($was);
	my %f = (year => $Y, kind => 'registration',
	    starts_at => "$Y-01-02 08:00", ends_at => "$Y-12-30 18:00");
	my $other = $b{city}->csrf('/home');
	my $anon = $b{anon}->csrf('/login');
	ok($other && $anon, 'tokens of other sessions');
	for my $try (['no csrf', {}], ['a wrong csrf', { csrf => 'x' x 43 }],
	    ['an empty csrf', { csrf => '' }],
	    ["another session's csrf", { csrf => $other }],
	    ["an anonymous csrf", { csrf => $anon }]) {
		my ($what, $extra) = @$try;
		my $fails = $s->count(q{SELECT COUNT(*) FROM audit WHERE event =
		    'csrf.fail' AND object = '/admin/windows'});
		for my $acc (undef, 'xml') {
			my $r = $p->post('/admin/windows', { %f, %$extra },
			    $acc ? (accept => $acc) : ());
			is($r->status, 403, "POST /admin/windows with $what: 403" .
			    ($acc ? ' (XML)' : '')) or diag($r->dump);
			if ($acc) {
				is($r->xpath('//error/@status'), '403',
				    "$what: <error status=403>");
			} else {
				like($r->text, qr/页面已过期/,
				    "$what: the Chinese expired-page message");
			}
		}
		is($row->(), $was, "$what: the window is unchanged");
		is($s->count(q{SELECT COUNT(*) FROM audit WHERE event = 'csrf.fail'
		    AND object = '/admin/windows'}), $fails + 2,
		    "$what: audit csrf.fail written");
	}
	# The right token works (so the refusals above were the token's).
	my $r = $p->post('/admin/windows', { %f, csrf => $p->csrf('/admin/windows') });
	is($r->status, 303, 'POST /admin/windows with its own token: 303')
	    or diag($r->dump);
	isnt($row->(), $was, 'the window changed');
	# A token of the session's own is not valid on another route's form
	# only if bound per form; ours is per session: the logout POST with a
	# foreign token is refused and the session stays.
	$r = $b{city}->post('/logout', { csrf => $p->csrf('/home') });
	is($r->status, 403, "POST /logout with another session's token: 403");
	is($b{city}->get('/home')->status, 200, 'the city session survives');
	# Roles that may not: 403 even with a valid token of their own.
	for my $role (qw(anon candidate unit county city)) {
		my $b = $b{$role};
		my $tok = $b->csrf($role eq 'anon' ? '/login' : '/home');
		my $before = $row->();
		my $res = $b->post('/admin/windows', { %f, csrf => $tok,
		    starts_at => "$Y-02-02 08:00" });
		is($res->status, 403, "$role POST /admin/windows: 403")
		    or diag($res->dump);
		is($row->(), $before, "$role POST /admin/windows: unchanged");
	}
}

# --- 404, 405 -----------------------------------------------------------------

{
	my $b = $b{province};
	my $r = $b->get('/admin/nothing-here');
	is($r->status, 404, 'unknown path: 404');
	like($r->text, qr/页面不存在/, 'the 404 page is in Chinese');
	$r = $b{anon}->get('/no/such/page', accept => 'xml');
	is($r->status, 404, 'unknown path (XML): 404');
	is($r->xpath('//error/@status'), '404', 'unknown path: <error status=404>');
	for my $p ('/home', '/admin/registrations', '/register/notice') {
		$r = $b->post($p, { csrf => $b->csrf('/home') });
		is($r->status, 405, "POST $p: 405") or diag($r->dump);
		like($r->text, qr/请求方式不允许/, "POST $p: Chinese 405 message");
	}
	$r = $b->request('PUT', '/home');
	like($r->status, qr/^(400|405)$/, 'PUT /home refused');
}

# --- the registrations list -----------------------------------------------------

sub masked_ok {
	my ($r, $what) = @_;
	my $bad = 0;
	for my $row ($r->nodes('/registrations/list/row')) {
		my ($n, $i, $p) = map { $row->getAttribute($_) // '' }
		    qw(name idno phone);
		$bad++ unless $n =~ /^\p{Han}\*+$/ && $i =~ /^\d{6}\*{8}[\dX]{4}$/ &&
		    $p =~ /^1\d\d\*{4}\d{4}$/;
	}
	is($bad, 0, "$what: names, ID and phone numbers masked in the XML");
	for my $c (@cands) {
		if (index($r->body, $c->{idno}) >= 0 ||
		    index($r->body, $c->{phone}) >= 0 ||
		    index($r->text, $c->{name}) >= 0) {
			fail("$what: $c->{name} shown unmasked");
			return;
		}
	}
	pass("$what: no full name, ID or phone number");
}

{
	my $p = $b{province};
	my $r = $p->get('/admin/registrations', accept => 'xml');
	is($r->status, 200, 'province: registrations (XML)');
	is($r->xpath('/registrations/list/@total'), 25, 'province sees all 25');
	is($r->xpath('/registrations/list/@pages'), 2, '2 pages');
	is(scalar(my @x = $r->nodes('/registrations/list/row')), 20,
	    '20 rows on page 1');
	masked_ok($r, 'province page 1');
	my %ids = map { $_->getAttribute('id') => 1 } @x;
	$r = $p->get('/admin/registrations?page=2', accept => 'xml');
	is($r->xpath('/registrations/list/@page'), 2, 'page 2');
	is(scalar(my @y = $r->nodes('/registrations/list/row')), 5,
	    '5 rows on page 2');
	is(scalar(grep { $ids{ $_->getAttribute('id') } } @y), 0,
	    'page 2 repeats no row of page 1');
	masked_ok($r, 'province page 2');
	# A row's masked values, as the HTML shows them.
	my $c = $cands[-1];	# newest first: the last created is row 1
	my $h = $p->get('/admin/registrations');
	is($h->status, 200, 'province: registrations (HTML)');
	my $mid = substr($c->{idno}, 0, 6) . '********' . substr($c->{idno}, -4);
	my $mph = substr($c->{phone}, 0, 3) . '****' . substr($c->{phone}, -4);
	my $mnm = substr($c->{name}, 0, 1) . ('*' x (length($c->{name}) - 1));
	for my $v ($mid, $mph, $mnm) {
		ok(index($h->text, $v) >= 0, "HTML list shows $v");
	}
	ok(index($h->body, $c->{idno}) < 0 && index($h->body, $c->{phone}) < 0 &&
	    index($h->text, $c->{name}) < 0, 'HTML list hides full values');
	like($h->text, qr/共\s*25\s*人/, 'HTML shows the total');
	like($h->body, qr{href="/admin/registrations\?page=2"[^>]*rel="next"},
	    'HTML: the pager links to page 2');
	$h = $p->get('/admin/registrations?page=2&level=');
	like($h->body, qr{href="/admin/registrations\?page=1"[^>]*rel="prev"},
	    'HTML page 2: the pager links back to page 1');

	# Filters.
	my %n_level = (5 => 0, 4 => 0, 3 => 0);
	$n_level{ $_->{level} }++ for @cands;
	for my $lv (5, 4, 3) {
		$r = $p->get("/admin/registrations?level=$lv", accept => 'xml');
		is($r->xpath('/registrations/list/@total'), $n_level{$lv},
		    "filter level=$lv: $n_level{$lv}");
		is(scalar(grep { $_->getAttribute('level') ne $lv }
		    $r->nodes('//row')), 0, "level=$lv: only that level");
	}
	$r = $p->get('/admin/registrations?region=410200', accept => 'xml');
	is($r->xpath('/registrations/list/@total'), 10, 'filter region=410200: 10');
	is(scalar(grep { $_->getAttribute('region') ne '开封市' }
	    $r->nodes('//row')), 0, 'region=410200: only 开封市');
	my $z5 = grep { $_->{region} eq '410100' && $_->{level} == 5 } @cands;
	$r = $p->get('/admin/registrations?region=410100&level=5', accept => 'xml');
	is($r->xpath('/registrations/list/@total'), $z5,
	    "region=410100&level=5: $z5");
	$r = $p->get('/admin/registrations?page=9', accept => 'xml');
	is($r->status, 200, 'a page past the end: 200');
	is(scalar(my @e = $r->nodes('//row')), 0, 'a page past the end: no rows');

	# The 郑州 city office sees its city only, whatever it asks.
	my $cb = $b{city};
	$r = $cb->get('/admin/registrations', accept => 'xml');
	is($r->status, 200, 'city: registrations (XML)');
	is($r->xpath('/registrations/list/@total'), 15, 'city sees its 15');
	is(scalar(grep { $_->getAttribute('region') ne '郑州市' }
	    $r->nodes('//row')), 0, 'city: only 郑州市 rows');
	masked_ok($r, 'city');
	$r = $cb->get('/admin/registrations?region=410200', accept => 'xml');
	is($r->xpath('/registrations/list/@total'), 0,
	    'city asking for 开封市: nothing');
	$r = $cb->get('/admin/registrations?page=2', accept => 'xml');
	is(scalar(my @c2 = $r->nodes('//row')), 0, 'city page 2: empty');
	$h = $cb->get('/admin/registrations');
	is($h->status, 200, 'city: registrations (HTML)');
	like($h->text, qr/共\s*15\s*人/, 'city HTML: 15');
	for my $c (grep { $_->{region} eq '410200' } @cands) {
		my $m = substr($c->{idno}, 0, 6) . '********' . substr($c->{idno}, -4);
		if (index($h->text, $m) >= 0) {
			fail("city HTML shows 开封 candidate $m");
			last;
		}
	}
	$r = $b{kfcity}->get('/admin/registrations', accept => 'xml');
	is($r->xpath('/registrations/list/@total'), 10, '开封 city sees its 10');

	# Bad filters (R_INPAGE): the page itself with its form, 400, the
	# message next to the filter and above the form, and no rows.
	my $valid_reg = GKBM::rng_validator('registrations');
	for my $q ('page=0', 'page=abc', 'page=-1', 'level=9', 'level=0',
	    'level=x', 'region=12', 'region=41010a', 'region=4101000',
	    'page=99999999999999999999') {
		my ($k, $v) = split /=/, $q;
		$r = $p->get("/admin/registrations?$q", accept => 'xml');
		is($r->status, 400, "?$q: 400 (XML)") or diag($r->dump);
		is($r->root, 'registrations', "?$q: the page, not the error page");
		like($r->xpath("/registrations/form/field[\@name='$k']/error") // '',
		    qr/^查询条件不正确：\p{Han}+/, "?$q: the message next to $k");
		is($r->xpath("/registrations/form/field[\@name='$k']/\@value"), $v,
		    "?$q: the value kept");
		like($r->xpath('/registrations/form/message') // '', qr/查询条件不正确/,
		    "?$q: the message above the form");
		is(scalar(my @rows = $r->nodes('//row')), 0, "?$q: no rows");
		$valid_reg->($r, "?$q: the page's contract");
		$h = $p->get("/admin/registrations?$q");
		is($h->status, 400, "?$q: 400 (HTML)");
		like($h->text, qr/查询条件不正确/, "?$q: the message in the HTML");
		like($h->body, qr/<form[^>]*filter-form/, "?$q: the filter form in the HTML");
	}
}

$s->finish;
done_testing;
