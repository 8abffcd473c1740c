# xmlchars.t: characters XML 1.0 does not allow (U+FFFE, U+FFFF; the C0
# controls are refused by the form parser) typed into a field, put in a
# query argument or a path, must not make the XML response malformed
# (Accept: application/xml): fcgi/web/xml.c puts U+FFFD in their place.
use strict;
use warnings;
use utf8;

use Test::More;
use GKBM;

my $s = GKBM->start(workers => 2);
my $FFFD = "\x{FFFD}";

# valid_xml(RESPONSE, LABEL): the body is XML (libxml2 parsed it).
sub valid_xml {
	my ($r, $label) = @_;
	ok($r->xml, "$label: the response is well-formed XML")
	    or diag(($r->xml_error // 'not XML') . "\n" . substr($r->body, 0, 600));
	ok(index($r->body, "\xef\xbf\xbe") < 0 && index($r->body, "\xef\xbf\xbf") < 0,
	    "$label: no U+FFFE or U+FFFF in the bytes");
}

# Byte strings: the harness percent-encodes each byte.
my $fffe = "ab\xef\xbf\xbecd";
my $ffff = "\xef\xbf\xbf\xe5\xbc\xa0";

my $b = $s->browser;
my $r = $b->post('/login', { csrf => $b->csrf('/login'), kind => 'candidate',
    login => $fffe, password => 'x' }, accept => 'xml');
is($r->status, 400, 'a login with U+FFFE: refused as usual') or diag($r->dump);
valid_xml($r, 'POST /login with U+FFFE');
is($r->xpath("/login/form/field[\@name='login']/\@value"), "ab${FFFD}cd",
    '... the typed value kept with U+FFFD in its place');

$r = $b->post('/password/forgot', { csrf => $b->csrf('/password/forgot'),
    login => $ffff, phone => '13800000000' }, accept => 'xml');
valid_xml($r, 'POST /password/forgot with U+FFFF');
is($r->xpath("/forgot/form/field[\@name='login']/\@value"), "${FFFD}张",
    '... U+FFFF replaced, the rest kept');

$r = $b->get('/m?t=%EF%BF%BE', accept => 'xml');
valid_xml($r, 'GET /m with U+FFFE as the token');
$r = $b->get('/no%EF%BF%BEsuch', accept => 'xml');
is($r->status, 404, 'a path with U+FFFE: 404');
valid_xml($r, '... the error page');

# The HTML page of the same value stays usable too.
$r = $b->post('/login', { csrf => $b->csrf('/login'), kind => 'candidate',
    login => $fffe, password => 'x' }, accept => 'html');
is($r->status, 400, 'the HTML login page with U+FFFE');
like($r->text, qr/value="ab\x{FFFD}cd"/, '... shows U+FFFD in the kept value');

$s->finish;
done_testing;
