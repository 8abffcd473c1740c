# t/fuzz/image.t: the libFuzzer target t/fuzz/image.c for a bounded number of
# inputs (t/lib/Fuzz.pm); run by tools/check's sanitizer pass.
use strict;
use warnings;
use Fuzz;

Fuzz::run('image', runs => 25000);
