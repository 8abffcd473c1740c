# review.t: the pages of the review's decisions in a real Chromium at a
# phone's and a desktop's size (review.js): a decision refused (the
# reason missing: 400, the form again), one someone else made first
# (409: what, who, when), a batch with a stale row (each row's outcome),
# 填报虚假信息 refused; and the candidate's 站内消息 on the home page,
# marked read with its button.  Each passes axe-core and the Nu checker.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;
use GKBM::Chrome;
use GKBM::Review;

my $rv = GKBM::Review->start(workers => 2);
my $s = $rv->s;

# c1: returned by the unit; its old version makes a 409.
my $c1 = $rv->candidate('ZZBAS');
my $old = $rv->row($c1->{app})->{version};
my $r = $rv->decide('unit', $c1->{app}, 'return', reason => '照片不清晰，请重新上传');
is($r->status, 303, 'c1 returned') or diag($r->dump);
# c2, c3: a batch (c3 moved on since the list was shown); c4: waits.
my $c2 = $rv->candidate('ZZBAS');
my $c3 = $rv->candidate('ZZBAS');
my $v3 = $rv->row($c3->{app})->{version};
$rv->decide('reviewer', $c3->{app}, 'pass');
my $c4 = $rv->candidate('ZZBAS');

GKBM::Chrome::run($s, 'review', {
	unit => [$GKBM::STAFF{unit}[0], $GKBM::Review::STAFF_PW],
	city => [$GKBM::STAFF{city}[0], $GKBM::Review::STAFF_PW],
	candidate => [$c1->{idno}, $GKBM::Review::PW],
	stale => [$c1->{app}, $old],
	batch => [$c2->{app}, $c3->{app}, $v3],
	waiting => $c4->{app},
	cancel => $c2->{app},
});

$s->finish;
done_testing;
