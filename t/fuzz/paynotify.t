# t/fuzz/paynotify.t: the libFuzzer target t/fuzz/paynotify.c (the notify
# parser of gkbm-pay, fcgi/lib/paykv.c) for a bounded number of inputs
# (t/lib/Fuzz.pm); run by tools/check's sanitizer pass.
use strict;
use warnings;
use Fuzz;

Fuzz::run('paynotify', runs => 300000);
