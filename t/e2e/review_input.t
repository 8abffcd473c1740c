# review_input.t: every wrong input of POST /review/decide and
# /review/batch answered in Chinese with nothing changed (the row, its
# version and its review_events count checked each time): reason
# missing, too long, with control characters; wrong action, id, version,
# defer values; each window closed (网上资格审查; 单位初审 for the unit
# level only); every other subtree's role refused like a missing
# application (404, the same page), a candidate refused (403); a lost
# race (409 naming what happened, who, when); two decisions at once
# (exactly one event); a batch with one stale row.
use strict;
use warnings;
use utf8;

use POSIX ();
use Test::More;
use GKBM;
use GKBM::Review;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $rv = GKBM::Review->start(workers => 3);
my $s = $rv->s;
my $valid = GKBM::rng_validator('decide');
my $verr = GKBM::rng_validator('error');

# same(APP, BEFORE, LABEL): the row and its events are as they were.
sub snap {
	my ($app) = @_;
	my $r = $rv->row($app);
	return join '|', map { $_ // 'NULL' } @$r{qw(state version wait_step
	    wait_level wait_unit defer_state defer_note decided)},
	    $rv->events($app), $s->count('SELECT COUNT(*) FROM messages');
}
sub same {
	my ($app, $before, $label) = @_;
	local $Test::Builder::Level = $Test::Builder::Level + 1;
	is(snap($app), $before, "$label: nothing changed");
}

my $c = $rv->candidate('ZZBAS');
my $app = $c->{app};

# --- wrong values of each field -----------------------------------------------

# [label, key, fields over the good ones, status, xpath of the message,
#  pattern]
my $V = $rv->row($app)->{version};
my @bad = (
	['return without a reason', { action => 'return' }, 400,
	    '/decide/form/field[@name="reason"]/error', qr/请选择或填写理由/],
	['reject without a reason', { action => 'reject', reason => '   ' }, 400,
	    '/decide/form/field[@name="reason"]/error', qr/请选择或填写理由/],
	['reason of 201 characters', { action => 'return', reason => '字' x 201 },
	    400, '/decide/form/field[@name="reason"]/error', qr/最多200个字/],
	['no action', { action => '' }, 400,
	    '/decide/form/field[@name="action"]/error', qr/请选择审核结果/],
	['unknown action', { action => 'approve' }, 400,
	    '/decide/form/field[@name="action"]/error', qr/请选择审核结果/],
	['final is no action', { action => 'final' }, 400,
	    '/decide/form/field[@name="action"]/error', qr/请选择审核结果/],
	['false is not decided here', { action => 'false', reason => 'x' }, 400,
	    '/decide/form/field[@name="action"]/error', qr/请选择审核结果/],
	['no id', { id => '' }, 400,
	    '/decide/form/field[@name="id"]/error', qr/请从审核列表中选择/],
	['id not a number', { id => 'abc' }, 400,
	    '/decide/form/field[@name="id"]/error', qr/请从审核列表中选择/],
	['id 0', { id => '0' }, 400,
	    '/decide/form/field[@name="id"]/error', qr/请从审核列表中选择/],
	['id negative', { id => '-1' }, 400,
	    '/decide/form/field[@name="id"]/error', qr/请从审核列表中选择/],
	['no version', { version => '' }, 400,
	    '/decide/form/field[@name="version"]/error', qr/页面已过期/],
	['version not a number', { version => '1x' }, 400,
	    '/decide/form/field[@name="version"]/error', qr/页面已过期/],
	['defer not 0 or 1', { defer => '2' }, 400,
	    '/decide/form/field[@name="defer"]/error', qr/容缺后补/],
	['defer without a note', { defer => '1' }, 400,
	    '/decide/form/field[@name="defer_note"]/error', qr/请填写需要后补的材料/],
	['defer on a return', { action => 'return', reason => '缺材料',
	    defer => '1', defer_note => '学历' }, 400,
	    '/decide/form/field[@name="defer"]/error', qr/只能在审核通过时/],
	['defer note of 501 characters', { defer => '1',
	    defer_note => '字' x 501 }, 400,
	    '/decide/form/field[@name="defer_note"]/error', qr/最多500个字/],
	['unknown queue', { next => 'all' }, 400,
	    '/decide/form/field[@name="next"]/error', qr/请从人工审核或高级技师审核/],
	['reapply of one not rejected', { action => 'reapply' }, 400,
	    '/decide/form/message', qr/状态不能进行此项操作/],
);
for my $t (@bad) {
	my ($label, $over, $status, $xp, $re) = @$t;
	my $before = snap($app);
	my $r = $rv->decide('unit', $app, $over->{action} // 'pass', %$over);
	is($r->status, $status, "$label: $status") or diag($r->dump);
	like($r->xpath($xp) // '', $re, "$label: the message");
	like($r->xpath('/decide/form/message') // '', qr/\S/,
	    "$label: the form's message");
	$valid->($r, $label);
	same($app, $before, $label);
}

# Control characters: refused by the form parser for every route (form.c)
# with its message, before any handler.
for my $t (["材料\x01不全", 'a control character'], ["a\x1b[31m", 'an escape'],
    ["\x7f", 'DEL']) {
	my ($reason, $label) = @$t;
	my $before = snap($app);
	my $r = $rv->decide('unit', $app, 'return', reason => $reason);
	is($r->status, 400, "reason with $label: 400");
	like($r->text, qr/有效的UTF-8编码|不能含有控制字符/,
	    "reason with $label: the message");
	same($app, $before, "reason with $label");
}

# As HTML: the message and the typed reason kept in the form again.
{
	my $before = snap($app);
	my $r = $rv->decide('unit', $app, 'return', reason => '字' x 201,
	    accept => 'html');
	is($r->status, 400, 'HTML: 400');
	like($r->text, qr/理由最多200个字/, 'HTML: the message');
	like($r->text, qr{<textarea[^>]*name="reason"[^>]*>字{201}</textarea>},
	    'HTML: what was typed is kept');
	like($r->text, qr{href="/review/app\?id=$app"}, 'HTML: a link back');
	same($app, $before, 'HTML');
}

# --- not in the asker's chain: 404, like a missing one --------------------

{
	my $before = snap($app);
	my $missing = $rv->decide('unit', 999999, 'pass', version => 1);
	is($missing->status, 404, 'a missing application: 404');
	$verr->($missing, 'a missing application');
	my $msg = $missing->xpath('/error/error/message');
	like($msg // '', qr/未找到该报名信息/, '... saying so');
	# Every staff account outside the chain (ZZBAS → ZZSUP → ZZCITY).
	for my $k (qw(kfcity county jsunit jssup szunit szsup province)) {
		my $r = $rv->decide($k, $app, 'pass');
		is($r->status, 404, "$k (another subtree): 404") or diag($r->dump);
		is($r->xpath('/error/error/message'), $msg,
		    "$k: the same answer as a missing one");
		unlike($r->text, qr/\Q$c->{name}\E/, "$k: the name is not shown");
	}
	my $r = $c->{b}->post('/review/decide', { csrf => $c->{b}->csrf('/home'),
	    id => $app, version => $rv->row($app)->{version},
	    action => 'pass' }, accept => 'xml');
	is($r->status, 403, 'the candidate: 403');
	same($app, $before, 'other subtrees');
	# The chain's later levels see it but may not act before their turn.
	for my $k (qw(supervising city)) {
		$r = $rv->decide($k, $app, 'pass');
		is($r->status, 400, "$k before its turn: 400");
		like($r->xpath('/decide/form/message') // '', qr/不在本级/,
		    "$k: not at its level");
	}
	same($app, $before, 'later levels');
}

# --- windows ---------------------------------------------------------------------------

{
	my $before = snap($app);
	my ($st, $en) = $rv->window('review', 'closed');
	my $r = $rv->decide('unit', $app, 'pass');
	is($r->status, 400, '网上资格审查 closed: 400');
	like($r->xpath('/decide/form/message') // '',
	    qr/网上资格审查时间为\Q$st\E至\Q$en\E，当前不在网上资格审查时间内/,
	    '... naming the window and its dates');
	same($app, $before, 'review window closed');
	($st, $en) = $rv->window('review', 'future');
	$r = $rv->decide('unit', $app, 'return', reason => '缺材料');
	is($r->status, 400, '网上资格审查 not yet open: 400');
	like($r->xpath('/decide/form/message') // '', qr/\Q$st\E至\Q$en\E/,
	    '... naming its dates');
	same($app, $before, 'review window not open');
	$rv->window('review', 'open');

	($st, $en) = $rv->window('unitreview', 'closed');
	$r = $rv->decide('unit', $app, 'pass');
	is($r->status, 400, '单位初审 over: the unit is refused');
	like($r->xpath('/decide/form/message') // '',
	    qr/单位初审时间为\Q$st\E至\Q$en\E/, '... naming that window');
	$r = $rv->decide('reviewer', $app, 'pass');
	is($r->status, 400, '... and so is its reviewer');
	same($app, $before, 'unitreview closed');
	# The levels above are not bound by the unit's deadline.
	my $d = $rv->candidate('ZZSUP');
	$r = $rv->decide('supervising', $d->{app}, 'pass');
	is($r->status, 303, '... the supervising level still decides');
	# The province sets 单位初审 on 时间设置 (the page's own form).
	my $p = $rv->b('province');
	my ($ns, $ne) = (GKBM::_ymdhm(-3600), GKBM::_ymdhm(3 * 86400));
	my $h = $p->get('/admin/windows')->text;
	like($h, qr/设置网上资格审查时间.*设置单位初审时间/s,
	    '时间设置 has the review and 单位初审 forms');
	like($h, qr{<input type="hidden" name="kind" value="unitreview">},
	    '... the latter posting kind unitreview');
	$r = $p->post('/admin/windows', { csrf => $p->csrf('/admin/windows'),
	    year => $s->year, kind => 'unitreview', starts_at => $ns =~ s/ /T/r,
	    ends_at => $ne =~ s/ /T/r });
	is($r->status, 303, 'the province sets 单位初审 on the page')
	    or diag($r->dump);
	is($s->count(q{SELECT CONCAT(DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i'),
	    '/', DATE_FORMAT(ends_at, '%Y-%m-%d %H:%i')) FROM windows WHERE
	    year = ? AND kind = 'unitreview'}, $s->year), "$ns/$ne",
	    '... stored');
	$r = $p->get('/admin/windows', accept => 'xml');
	is($r->xpath('/windows/window[@kind="unitreview"]/@name'), '单位初审',
	    '... listed by its name');
	$r = $rv->decide('unit', $app, 'pass');
	is($r->status, 303, 'inside both windows the unit passes');
}

# --- a lost race: 409 ----------------------------------------------------------------

{
	my $old = $rv->row($app)->{version};
	my $r = $rv->decide('supervising', $app, 'return', reason => '照片不清晰');
	is($r->status, 303, 'supervising returns it') or diag($r->dump);
	my $before = snap($app);
	$r = $rv->decide('supervising', $app, 'pass', version => $old);
	is($r->status, 409, 'a decision on the old version: 409');
	$valid->($r, '409');
	is($r->xpath('/decide/conflict/@action'), '退回本人', '... what happened');
	is($r->xpath('/decide/conflict/@who'), '赵**', '... who (masked)');
	like($r->xpath('/decide/conflict/@at') // '',
	    qr/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/, '... when');
	is($r->xpath('/decide/application/@state'), '已退回本人', '... its state now');
	same($app, $before, '409');
	$r = $rv->decide('supervising', $app, 'pass', version => $old,
	    accept => 'html');
	is($r->status, 409, '409 as HTML');
	like($r->text, qr/您的审核没有保存.*赵\*\*.*退回本人/s,
	    '... says what happened and who acted');
	# Another subtree learns nothing from a stale version either.
	$r = $rv->decide('kfcity', $app, 'pass', version => $old);
	is($r->status, 404, '... while another subtree gets 404');
}

# --- two decisions at once ----------------------------------------------------------

{
	my $d = $rv->candidate('ZZBAS');
	my $v = $rv->row($d->{app})->{version};
	my $n = $rv->events($d->{app});
	my %p;
	for my $k (qw(unit reviewer)) {
		my $csrf = $rv->b($k)->csrf('/home');
		pipe(my $rd, my $wr) or die "pipe: $!";
		my $pid = fork() // die "fork: $!";
		if ($pid == 0) {
			close $rd;
			my $r = $rv->b($k)->post('/review/decide', { csrf => $csrf,
			    id => $d->{app}, version => $v, action => $k eq 'unit'
			    ? 'pass' : 'return', reason => '并发' }, accept => 'xml');
			print $wr $r->status;
			close $wr;
			POSIX::_exit(0);
		}
		close $wr;
		$p{$k} = [$pid, $rd];
	}
	my @st;
	for my $k (sort keys %p) {
		my ($pid, $rd) = @{ $p{$k} };
		waitpid($pid, 0);
		local $/;
		push @st, <$rd>;
	}
	is(join(' ', sort @st), '303 409',
	    'two decisions at once: one wins, the other gets 409');
	is($rv->events($d->{app}), $n + 1, '... exactly one event written');
	is($rv->row($d->{app})->{version}, $v + 1, '... one version more');
}

# --- batch ---------------------------------------------------------------------------

{
	my @c = map { $rv->candidate('ZZBAS') } 1 .. 3;
	my @v = map { $rv->row($_->{app})->{version} } @c;
	my $stale = $c[2]{app};
	my $b = $rv->b('unit');
	# The third moved on since the list was shown.
	my $r = $rv->decide('reviewer', $stale, 'return', reason => '缺照片');
	is($r->status, 303, 'the reviewer returns the third first');
	my $before = snap($stale);
	my $other = $rv->candidate('JSBAS');
	$r = $b->post('/review/batch', { csrf => $b->csrf('/home'),
	    action => 'pass', ids => [ "$c[0]{app}:$v[0]", "$c[1]{app}:$v[1]",
	    "$stale:$v[2]", "$other->{app}:1", 'x:1' ] }, accept => 'xml');
	is($r->status, 200, 'batch pass: 200') or diag($r->dump);
	$valid->($r, 'batch');
	is($r->xpath('/decide/results/@ok'), 2, '... two passed');
	is($r->xpath('/decide/results/@failed'), 3, '... three not');
	is($r->xpath("/decide/results/row[\@id=$c[0]{app}]/\@result"), 'ok', '... row 1 ok');
	is($r->xpath("/decide/results/row[\@id=$c[1]{app}]/\@result"), 'ok', '... row 2 ok');
	is($r->xpath("/decide/results/row[\@id=$stale]/\@result"), 'stale',
	    '... the stale row refused');
	like($r->xpath("/decide/results/row[\@id=$stale]/\@message") // '',
	    qr/已被他人处理（退回本人，李\*\*/, '... saying who did what');
	is($r->xpath("/decide/results/row[\@id=$other->{app}]/\@result"),
	    'notfound', '... another subtree\'s: not found');
	ok(!defined $r->xpath("/decide/results/row[\@id=$other->{app}]/\@name"),
	    '... without its name');
	is($r->xpath('/decide/results/row[@n=5]/@result'), 'bad',
	    '... a malformed id: bad');
	is($rv->row($c[0]{app})->{wait_level}, 'supervising', 'row 1 passed on');
	is($rv->row($c[1]{app})->{wait_level}, 'supervising', 'row 2 passed on');
	same($stale, $before, 'the stale row');
	$r = $b->post('/review/batch', { csrf => $b->csrf('/home'),
	    action => 'pass', ids => [ "$c[0]{app}:$v[0]" ] }, accept => 'html');
	like($r->text, qr/共1条：成功0条，未处理1条/, 'batch as HTML: the counts');

	# Wrong batch inputs: nothing at all changes.
	my $d = $rv->candidate('ZZBAS');
	my $dv = $rv->row($d->{app})->{version};
	$before = snap($d->{app});
	for my $t (
	    ['no ids', { action => 'pass' }, qr/请先勾选/],
	    ['return without a reason', { action => 'return',
		ids => ["$d->{app}:$dv"] }, qr/请选择或填写退回理由/],
	    ['reject is no batch action', { action => 'reject', reason => 'x',
		ids => ["$d->{app}:$dv"] }, qr/勾选审核（通过）或勾选退回/],
	    ['101 ids', { action => 'pass',
		ids => [ ("$d->{app}:$dv") x 101 ] }, qr/一次最多勾选100条/],
	    ['reason too long', { action => 'return',
		reason => "x" x 201, ids => ["$d->{app}:$dv"] }, qr/最多200个字/]) {
		my ($label, $f, $re) = @$t;
		$r = $b->post('/review/batch', { csrf => $b->csrf('/home'), %$f },
		    accept => 'xml');
		is($r->status, 400, "batch $label: 400");
		like($r->text, $re, "batch $label: the message");
		$valid->($r, "batch $label");
		same($d->{app}, $before, "batch $label");
	}
	$r = $b->post('/review/batch', { csrf => $b->csrf('/home'),
	    action => 'return', reason => '材料不全', ids => ["$d->{app}:$dv"] },
	    accept => 'xml');
	is($r->xpath('/decide/results/@ok'), 1, 'batch return with a reason');
	is($rv->row($d->{app})->{state}, 'returned', '... returned');
}

$s->finish;
done_testing;
