# pipeline.t: the order of the request pipeline (STYLE.md C, issue 7):
# the route first, then only the body that route takes (multipart only
# where the route says R_MULTIPART; urlencoded bodies capped at 1 MiB),
# then the route's declared fields, checked before the handler runs
# (fcgi/web/field.c).  Each refusal is a clear Chinese message and changes
# nothing.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

my $s = GKBM->start(workers => 2);
my $dbh = $s->dbh;
my $Y = $s->year;

my $b = $s->login_province;
sub windows { $s->count('SELECT COUNT(*) FROM windows WHERE year = ?', $Y) }
my $n0 = windows();

# A multipart body to a route that takes urlencoded forms: refused before
# the handler, nothing stored (before: parsed and saved).
my $csrf = $b->csrf('/admin/windows');
my $r = $b->post_multipart('/admin/windows', { csrf => $csrf, year => $Y,
    kind => 'ticket', starts_at => "$Y-05-01 08:00",
    ends_at => "$Y-05-10 18:00" }, {}, accept => 'xml');
is($r->status, 400, 'multipart to /admin/windows: 400') or diag($r->dump);
is($r->xpath('/error/error/message'), '不支持的提交格式。',
    'multipart to /admin/windows: the message says the format is refused');
is(windows(), $n0, 'multipart to /admin/windows: no window stored');

# The same as a form: accepted (the refusal above was the format).
$r = $b->post('/admin/windows', { csrf => $csrf, year => $Y,
    kind => 'ticket', starts_at => "$Y-05-01 08:00",
    ends_at => "$Y-05-10 18:00" });
is($r->status, 303, 'the same as a form is saved') or diag($r->dump);
is(windows(), $n0 + 1, 'the window is stored');

# An urlencoded body over 1 MiB: 413 in Chinese, nothing changed.
my $big = 'x' x (1024 * 1024 + 10);
$r = $b->post('/admin/windows', { csrf => $csrf, year => $Y,
    kind => 'result', starts_at => "$Y-06-01 08:00",
    ends_at => "$Y-06-10 18:00", pad => $big }, accept => 'xml');
is($r->status, 413, 'an urlencoded body over 1 MiB: 413') or diag($r->dump);
like($r->xpath('/error/error/message') // '', qr/过大/,
    'an urlencoded body over 1 MiB: the message says it is too large');
is(windows(), $n0 + 1, 'an urlencoded body over 1 MiB: no window stored');

# A body of another type altogether.
$r = $b->request('POST', '/admin/windows', accept => 'xml',
    headers => { 'Content-Type' => 'application/json' },
    content => qq({"csrf":"$csrf"}));
is($r->status, 400, 'a JSON body: 400');
is($r->xpath('/error/error/message'), '不支持的提交格式。', 'a JSON body: the message');

# No route: 404 without parsing the body (before: a broken multipart body
# to a path that does not exist was answered 400).
$r = $b->request('POST', '/no/such/page', accept => 'xml',
    headers => { 'Content-Type' => 'multipart/form-data; boundary=x' },
    content => "--x\r\nbroken");
is($r->status, 404, 'a broken body to a path that does not exist: 404')
    or diag($r->dump);

# The field map of POST /admin/windows: every field wrong at once, each
# message next to its field, the values given back, nothing stored.
$r = $b->post('/admin/windows', { csrf => $csrf, year => '20x6',
    kind => "ticket\x{FFFE}", starts_at => '2026-02-30 08:00',
    ends_at => 'tomorrow' }, accept => 'xml');
is($r->status, 400, 'all fields wrong: 400') or diag($r->dump);
my %want = (year => '请选择报考年度。', kind => '请选择时间类别。',
    starts_at => qr/不存在|之间/, ends_at => qr/结束时间格式/);
for my $f (sort keys %want) {
	my $m = $r->xpath("/windows/form/field[\@name='$f']/error") // '';
	ref $want{$f} ? like($m, $want{$f}, "all fields wrong: $f says why")
	    : is($m, $want{$f}, "all fields wrong: $f says why");
}
is($r->xpath("/windows/form/field[\@name='ends_at']/\@value"), 'tomorrow',
    'all fields wrong: the value typed is given back');
is(windows(), $n0 + 1, 'all fields wrong: nothing stored');

# A missing field gets the field's own "missing" message.
$r = $b->post('/admin/windows', { csrf => $csrf, year => $Y,
    kind => 'ticket', ends_at => "$Y-05-10 18:00" }, accept => 'xml');
is($r->xpath("/windows/form/field[\@name='starts_at']/error"),
    '请填写开始时间。', 'starts_at missing: 请填写开始时间');

# GET filters with a wrong value (an R_INPAGE route): 400, the page
# itself with the field's message next to the filter.
for my $q (['region=41010', '地区代码'], ['level=9', '等级'],
    ['page=0', '页码'], ["region=4101%EF%BF%BE", '地区代码']) {
	my ($k) = $q->[0] =~ /^(\w+)=/;
	$r = $b->get("/admin/registrations?$q->[0]", accept => 'xml');
	is($r->status, 400, "?$q->[0]: 400");
	like($r->xpath("/registrations/form/field[\@name='$k']/error") // '',
	    qr/查询条件不正确：.*$q->[1]/, "?$q->[0]: the message names the filter");
}
$r = $b->get('/admin/registrations?level=3&page=1', accept => 'xml');
is($r->status, 200, 'right filters: 200');

$s->finish;
done_testing();
