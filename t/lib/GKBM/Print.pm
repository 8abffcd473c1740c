# GKBM::Print: PDF and XLSX files of the tests read back by independent
# readers: poppler-utils (pdfinfo, pdftotext, pdffonts, pdfimages) and
# Spreadsheet::ParseXLSX.
package GKBM::Print;

use strict;
use warnings;
use utf8;

use Encode qw(decode);
use File::Temp qw(tempfile);

# _file(BYTES): a temporary file holding BYTES; returns its name.
sub _file {
	my ($bytes) = @_;
	my ($fh, $name) = tempfile('gkbm-print-XXXXXX', TMPDIR => 1,
	    UNLINK => 1);
	binmode($fh);
	print $fh $bytes;
	close($fh) or die "$name: $!";
	return $name;
}

sub _run {
	my (@cmd) = @_;
	open(my $fh, '-|', @cmd) or die "@cmd: $!";
	local $/;
	my $out = <$fh> // '';
	close($fh);
	return decode('UTF-8', $out);
}

# pdf(BYTES): { pages, size (e.g. "595.276 x 841.89 pts (A4)"), title,
# creator, text (pdftotext -layout), fonts (pdffonts' rows: [name, emb,
# sub]), images (pdfimages -list rows: [width, height, enc]) }.
sub pdf {
	my ($bytes) = @_;
	my $f = _file($bytes);
	my %i;
	for (split /\n/, _run('pdfinfo', $f)) {
		$i{lc $1} = $2 if /^([A-Za-z ]+?):\s+(.*)$/;
	}
	my @fonts;
	for (split /\n/, _run('pdffonts', $f)) {
		next unless /^(\S+)\s+.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/;
		push @fonts, [$1, $2, $3];
	}
	my @images;
	for (split /\n/, _run('pdfimages', '-list', $f)) {
		push @images, [$1, $2, $3] if /^\s*\d+\s+\d+\s+image\s+(\d+)\s+(\d+)\s+\S+\s+\d+\s+\d+\s+(\S+)/;
	}
	return { pages => $i{pages} // 0, size => $i{'page size'} // '',
	    title => $i{title} // '', creator => $i{creator} // '',
	    text => _run('pdftotext', '-layout', $f, '-'),
	    fonts => \@fonts, images => \@images };
}

# keep(NAME, BYTES): with GKBM_KEEP=DIR, a copy in DIR to look at.
sub keep {
	my ($name, $bytes) = @_;
	my $dir = $ENV{GKBM_KEEP} or return;
	open(my $fh, '>:raw', "$dir/$name") or die "$dir/$name: $!";
	print $fh $bytes;
	close($fh) or die "$dir/$name: $!";
}

# xlsx(BYTES): the first sheet's rows, each an array of cell values.
sub xlsx {
	my ($bytes) = @_;
	require Spreadsheet::ParseXLSX;
	my $f = _file($bytes);
	my $book = Spreadsheet::ParseXLSX->new->parse($f) or return undef;
	my $sheet = ($book->worksheets)[0] or return [];
	my ($r0, $r1) = $sheet->row_range;
	my ($c0, $c1) = $sheet->col_range;
	my @rows;
	for my $r ($r0 .. $r1) {
		push @rows, [map { my $c = $sheet->get_cell($r, $_);
		    $c ? $c->value : '' } $c0 .. $c1];
	}
	return \@rows;
}

1;
