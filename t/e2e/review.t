# review.t: the review's decisions along whole chains (issue 11 items 1, 2,
# 4, 9; fcgi/model/decide.c, fcgi/pages/review/h_decide.c): a city unit's
# candidate, a 省直 unit's, a county that took over and a supervising
# unit's own candidate each passed level by level to 终审通过; returned →
# edited → resubmitted from step 1; rejected → 退回重新申报 → resubmitted;
# 容缺后补 on a pass; the candidate told by SMS and 站内消息 at return,
# rejection and approval; the next application one click away.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Review;

binmode(Test::More->builder->$_, ':encoding(UTF-8)')
    for qw(output failure_output todo_output);

my $rv = GKBM::Review->start(workers => 3);
my $s = $rv->s;
my $status_rng = GKBM::rng_validator('status');

# messages(C, KIND): the candidate's 站内消息 of KIND.
sub messages {
	my ($c, $kind) = @_;
	return $s->count('SELECT COUNT(*) FROM messages WHERE account_id = ? '
	    . 'AND kind = ?', $c->{acct}, $kind);
}

# sms_to(C): the messages the SMS sink got for the candidate's phone.
sub sms_to {
	my ($c) = @_;
	return grep { $_->[1] eq $c->{phone} } $s->sms_lines;
}

# chain(LABEL, UNIT, [STEP-KEY, LEVEL, WAIT-UNIT]...): a candidate of UNIT
# passed by each key in turn, waiting where said after each pass, then
# approved with one final event.
sub chain {
	my ($label, $code, @steps) = @_;
	my $c = $rv->candidate($code);
	my $app = $c->{app};
	my $ev = $rv->events($app);
	while (my ($key, $level, $unit) = splice(@steps, 0, 3)) {
		my $row = $rv->row($app);
		is("$row->{wait_level} $row->{wait_unit}", "$level $unit",
		    "$label: waits at $level $unit");
		my $v = $row->{version};
		my $r = $rv->decide($key, $app, 'pass');
		is($r->status, 303, "$label: $key passes") or diag($r->dump);
		like($r->header('location') // '',
		    qr{^/review/(app\?id=\d+&m=decided|queue\?q=manual&m=decided)$},
		    "$label: ... on to the next of the queue");
		is($rv->row($app)->{version}, $v + 1, "$label: ... version + 1");
		is($rv->events($app), ++$ev, "$label: ... one event more");
	}
	my $row = $rv->row($app);
	is($row->{state}, 'approved', "$label: approved");
	ok(!defined $row->{wait_step} && !defined $row->{wait_unit},
	    "$label: ... waits nowhere");
	ok($row->{decided}, "$label: ... decided_at set");
	is($rv->events($app, 'final'), 1, "$label: ... one final event");
	is(messages($c, 'final'), 1, "$label: ... a 站内消息");
	my @sms;
	for (1 .. 50) {		# gkbm-sms polls the outbox
		last if @sms = grep { $_->[2] =~ /终审通过/ } sms_to($c);
		select(undef, undef, undef, 0.1);
	}
	is(scalar @sms, 1, "$label: ... and an SMS");
	my $st = $c->{b}->get('/status', accept => 'xml');
	$status_rng->($st, "$label: the status page");
	is($st->xpath('/status/current/@label'), '终审通过', "$label: ... says 终审通过");
	is($st->xpath('/status/events/event[last()]/@action-name'), '终审通过',
	    "$label: ... the last event");
	return $c;
}

chain('city unit', 'ZZBAS', unit => 'unit', 'ZZBAS',
    supervising => 'supervising', 'ZZSUP', city => 'city', 'ZZCITY');
chain('省直 unit', 'SZBAS', szunit => 'unit', 'SZBAS',
    szsup => 'supervising', 'SZSUP', province => 'province', 'HN');
chain('county that took over', 'JSBAS', jsunit => 'unit', 'JSBAS',
    jssup => 'supervising', 'JSSUP', county => 'county', 'JSCNTY');
chain('own supervising unit', 'ZZSUP', supervising => 'supervising',
    'ZZSUP', city => 'city', 'ZZCITY');
chain('a reviewer of the unit', 'ZZBAS', reviewer => 'unit', 'ZZBAS',
    supervising => 'supervising', 'ZZSUP', city => 'city', 'ZZCITY');

# --- the next application of the same queue ----------------------------------

{
	my $a = $rv->candidate('ZZBAS');
	my $b = $rv->candidate('ZZBAS');
	my $r = $rv->decide('unit', $a->{app}, 'pass', next => 'manual');
	is($r->header('location'), "/review/app?id=$b->{app}&m=decided",
	    'after a pass: the next waiting application of the queue');
	$r = $rv->decide('unit', $b->{app}, 'pass', next => 'manual');
	is($r->header('location'), '/review/queue?q=manual&m=decided',
	    '... and the queue when none is left');
	$r = $rv->decide('supervising', $a->{app}, 'pass', next => 'senior');
	is($r->header('location'), '/review/queue?q=senior&m=decided',
	    '... of the queue it came from (高级技师审核 is empty)');
}

# --- returned → edited → resubmitted from step 1 ---------------------------

{
	my $c = $rv->candidate('ZZBAS');
	my $app = $c->{app};
	$rv->pass_to_end($app, 'unit');
	my $r = $rv->decide('supervising', $app, 'return',
	    reason => '工作年限证明材料不清晰');
	is($r->status, 303, 'supervising returns with a reason') or diag($r->dump);
	my $row = $rv->row($app);
	is($row->{state}, 'returned', '... returned');
	ok(!defined $row->{wait_unit}, '... out of every queue');
	is($s->count(q{SELECT reason FROM review_events WHERE application_id = ?
	    AND action = 'return'}, $app), '工作年限证明材料不清晰',
	    '... the reason stored with the event');
	is($s->count(q{SELECT level FROM review_events WHERE application_id = ?
	    AND action = 'return'}, $app), 'supervising', '... at its level');
	is(messages($c, 'return'), 1, '... the candidate has a 站内消息');
	like($s->count(q{SELECT text FROM messages WHERE account_id = ? AND
	    kind = 'return'}, $c->{acct}), qr/工作年限证明材料不清晰/,
	    '... naming the reason');
	my $st = $c->{b}->get('/status', accept => 'xml');
	is($st->status, 200, '... the status page answers');
	# The candidate edits and submits again: from the first level.
	$r = $s->submit_app($c->{b}, $app, $c->{phone}, $rv->unit_id('ZZBAS'),
	    { education => '50' });
	is($r->status, 303, 'the candidate edits and resubmits') or diag($r->dump);
	$row = $rv->row($app);
	is("$row->{state} $row->{wait_step} $row->{wait_level} $row->{wait_unit}",
	    'submitted 1 unit ZZBAS', '... waiting at step 1 again');
	is($s->count('SELECT education FROM applications WHERE id = ?', $app),
	    '50', '... with the edit');
	$rv->pass_to_end($app, qw(unit supervising city));
	is($rv->row($app)->{state}, 'approved', '... and passes to the end');
}

# --- rejected → 退回重新申报 → resubmitted --------------------------------------

{
	my $c = $rv->candidate('ZZBAS');
	my $app = $c->{app};
	$rv->pass_to_end($app, qw(unit supervising));
	my $r = $rv->decide('city', $app, 'reject', reason => '不符合申报条件');
	is($r->status, 303, 'the city rejects') or diag($r->dump);
	is($rv->row($app)->{state}, 'rejected', '... rejected');
	is(messages($c, 'reject'), 1, '... the candidate is told');
	my $n = $rv->events($app);
	$r = $rv->decide('unit', $app, 'reapply');
	is($r->status, 400, 'the unit cannot send back what the city rejected');
	like($r->xpath('/decide/form/message') // '', qr/不在本级/,
	    '... saying so');
	is($rv->events($app), $n, '... nothing written');
	$r = $rv->decide('city', $app, 'reapply');
	is($r->status, 303, 'the city sends it back for re-application')
	    or diag($r->dump);
	is($rv->row($app)->{state}, 'returned', '... returned');
	is($rv->events($app, 'reapply'), 1, '... one reapply event');
	is(messages($c, 'reapply'), 1, '... the candidate is told');
	my $st = $c->{b}->get('/status', accept => 'xml');
	$status_rng->($st, 'the status page after 退回重新申报');
	is($st->xpath('/status/decision/@action'), 'reapply', '... shows it');
	$r = $s->submit_app($c->{b}, $app, $c->{phone}, $rv->unit_id('ZZBAS'));
	is($r->status, 303, 'the candidate resubmits') or diag($r->dump);
	is($rv->row($app)->{wait_step}, 1, '... from step 1');
}

# --- 材料容缺后补 on a pass ----------------------------------------------------------

{
	my $c = $rv->candidate('ZZBAS');
	my $app = $c->{app};
	my $r = $rv->decide('unit', $app, 'pass', defer => 1,
	    defer_note => '学历证书原件后补');
	is($r->status, 303, 'a pass with 容缺后补') or diag($r->dump);
	my $row = $rv->row($app);
	is("$row->{defer_state} $row->{defer_note}", '1 学历证书原件后补',
	    '... sets defer_state 1 with the note');
	is($row->{wait_level}, 'supervising', '... and passes on');
	like($s->count(q{SELECT reason FROM review_events WHERE application_id = ?
	    AND action = 'pass'}, $app), qr/容缺后补：学历证书原件后补/,
	    '... the event says so');
}

# --- 站内消息 on the home page: read and unread ---------------------------------

{
	my $home = GKBM::rng_validator('home');
	my $c = $rv->candidate('ZZBAS');
	my $app = $c->{app};
	$rv->decide('unit', $app, 'return', reason => '缺学历证明');
	$s->submit_app($c->{b}, $app, $c->{phone}, $rv->unit_id('ZZBAS'));
	$rv->pass_to_end($app, qw(unit supervising city));
	my $b = $c->{b};
	my $r = $b->get('/home', accept => 'xml');
	$home->($r, 'home with messages');
	is($r->xpath('/home/messages/@unread'), 2, 'two unread messages');
	is($r->xpath('/home/messages/message[1]/@kind'), 'final', '... newest first');
	like($r->xpath('/home/messages/message[2]') // '', qr/缺学历证明/,
	    '... the return with its reason');
	my $id = $r->xpath('/home/messages/message[2]/@id');
	my $html = $b->get('/home')->text;
	like($html, qr/站内消息.*2条未读/s, 'the HTML shows them unread');
	like($html, qr{<form method="post" action="/messages/read"}, '... with a button');
	my $other = $rv->candidate('ZZBAS');
	for my $t (['abc', 'not a number'], ['0', 'zero'], ['-1', 'negative']) {
		my ($v, $label) = @$t;
		$r = $b->post('/messages/read', { csrf => $b->csrf('/home'), id => $v },
		    accept => 'xml');
		is($r->status, 400, "mark read, id $label: 400");
		like($r->xpath('/error/error/message') // '', qr/请从站内消息中选择/,
		    "mark read, id $label: the message");
	}
	# Another candidate's message id changes nothing.
	$r = $other->{b}->post('/messages/read', { csrf => $other->{b}->csrf('/home'),
	    id => $id }, accept => 'xml');
	is($s->count('SELECT COUNT(*) FROM messages WHERE account_id = ? AND '
	    . 'read_at IS NOT NULL', $c->{acct}), 0,
	    'wrong inputs and another account: nothing marked read');
	$r = $b->post('/messages/read', { csrf => $b->csrf('/home'), id => $id },
	    accept => 'xml');
	is($r->status, 303, 'mark one read: 303');
	is($r->header('location'), '/home?m=read#messages', '... back to the messages');
	$r = $b->get('/home', accept => 'xml');
	is($r->xpath('/home/messages/@unread'), 1, '... one unread left');
	is($r->xpath("/home/messages/message[\@id=$id]/\@read"), 1, '... that one read');
	$r = $b->post('/messages/read', { csrf => $b->csrf('/home') }, accept => 'xml');
	is($r->status, 303, 'mark all read: 303');
	is($b->get('/home', accept => 'xml')->xpath('/home/messages/@unread'), 0,
	    '... none unread');
	my $staff = $rv->b('unit');
	$r = $staff->post('/messages/read', { csrf => $staff->csrf('/home') },
	    accept => 'xml');
	is($r->status, 403, 'staff cannot post /messages/read');
}

$s->finish;
done_testing;
