# t/fuzz/doccheck.t: the libFuzzer target t/fuzz/doccheck.c for a bounded number of
# inputs (t/lib/Fuzz.pm); run by tools/check's sanitizer pass.
use strict;
use warnings;
use Fuzz;

Fuzz::run('doccheck', runs => 3000000);
