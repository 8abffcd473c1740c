# t/fuzz/form.t: the libFuzzer target t/fuzz/form.c for a bounded number of
# inputs (t/lib/Fuzz.pm); run by tools/check's sanitizer pass.
use strict;
use warnings;
use Fuzz;

Fuzz::run('form', runs => 2000000);
