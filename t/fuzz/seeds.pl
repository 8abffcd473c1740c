#!/usr/bin/perl
# t/fuzz/seeds.pl: writes the seed corpora of the libFuzzer targets,
# t/fuzz/seeds/form/, .../doccheck/ and .../image/ (committed; run again
# after changing this file).  Needs cjpeg (Debian: libjpeg-turbo-progs).
# (Not t/fuzz/form/: make would take it for the program of form.c.)
#
#   perl t/fuzz/seeds.pl [DIR]      # DIR: t/fuzz/seeds (default)
use strict;
use warnings;

use Compress::Zlib qw(crc32);
use File::Basename qw(dirname);
use File::Path qw(make_path remove_tree);
use File::Temp qw(tempdir);

my $dir = $ARGV[0] // dirname(__FILE__) . '/seeds';

sub spew {
	my ($file, $bytes) = @_;
	open(my $fh, '>:raw', $file) or die "$file: $!";
	print $fh $bytes;
	close $fh or die "$file: $!";
}

sub slurp {
	my ($file) = @_;
	open(my $fh, '<:raw', $file) or die "$file: $!";
	local $/;
	my $s = <$fh>;
	close $fh;
	return $s;
}

# --- form: a request's Content-Type, a newline, its body (t/fuzz/form.c)

sub form_seeds {
	my $b = '----gkbmFormBoundary7MA4YWxkTrZu0gW';
	my $part = sub {
		my ($name, $value, $file, $type) = @_;
		my $h = qq{--$b\r\nContent-Disposition: form-data; name="$name"};
		$h .= qq{; filename="$file"\r\nContent-Type: $type} if defined $file;
		return "$h\r\n\r\n$value\r\n";
	};
	my %s;
	$s{'urlencoded'} = "application/x-www-form-urlencoded\n" .
	    'csrf=3f9a0c&kind=staff&login=sgkb&password=Prov%23Henan2026x' .
	    '&name=%E5%BC%A0%E4%B8%89&note=a+b%0D%0Ac&kinds[]=1&kinds[]=2';
	$s{'query'} = 'page=2&q=%E9%83%91%E5%B7%9E&sort=&empty';
	$s{'multipart'} = "multipart/form-data; boundary=$b\n" .
	    $part->('csrf', '3f9a0c') .
	    $part->('title', "\xe8\xba\xab\xe4\xbb\xbd\xe8\xaf\x81 ") .
	    $part->('file', "\xff\xd8\xff\xe0\0\x10JFIF\0binary\r\n-\r\n--x",
		'C:\\Users\\me\\photo.jpg', 'image/jpeg') .
	    $part->('empty', '', '', 'application/octet-stream') .
	    "--$b--\r\n";
	$s{'multipart-quoted'} = 'multipart/form-data; charset=utf-8; ' .
	    qq{boundary="a'b(c)d+e_f,g-h.i/j:k=l?m"\n} .
	    qq{--a'b(c)d+e_f,g-h.i/j:k=l?m\r\n} .
	    qq{content-disposition: form-data; name="ids[]"\r\n\r\n7\r\n} .
	    qq{--a'b(c)d+e_f,g-h.i/j:k=l?m\r\n} .
	    qq{Content-Disposition: form-data; name=ids[]\r\n\r\n8\r\n} .
	    qq{--a'b(c)d+e_f,g-h.i/j:k=l?m--};
	return \%s;
}

# --- doccheck: a docx (ZIP) and a doc (OLE2 compound file) ----------------

# zip([name, data], ...): a ZIP of stored entries.
sub zip {
	my (@e) = @_;
	my ($out, $cd, @off) = ('', '');
	for my $e (@e) {
		my ($name, $data) = @$e;
		push @off, length $out;
		$out .= pack('VvvvVVVVvv', 0x04034b50, 20, 0, 0, 0,
		    crc32($data), length $data, length $data, length $name, 0) .
		    $name . $data;
	}
	for my $i (0 .. $#e) {
		my ($name, $data) = @{ $e[$i] };
		$cd .= pack('VvvvvVVVVvvvvvVV', 0x02014b50, 0x031e, 20, 0, 0, 0,
		    crc32($data), length $data, length $data, length $name, 0, 0,
		    0, 0, 0, $off[$i]) . $name;
	}
	return $out . $cd . pack('VvvvvVVv', 0x06054b50, 0, 0, scalar @e,
	    scalar @e, length $cd, length $out, 0);
}

sub docx {
	my $w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
	return zip(
	    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?>' .
		'<Types xmlns="http://schemas.openxmlformats.org/package/2006/' .
		'content-types"><Default Extension="rels" ContentType="' .
		'application/vnd.openxmlformats-package.relationships+xml"/>' .
		'<Override PartName="/word/document.xml" ContentType="' .
		'application/vnd.openxmlformats-officedocument.' .
		'wordprocessingml.document.main+xml"/></Types>'],
	    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?>' .
		'<Relationships xmlns="http://schemas.openxmlformats.org/' .
		'package/2006/relationships"><Relationship Id="rId1" Type="' .
		'http://schemas.openxmlformats.org/officeDocument/2006/' .
		'relationships/officeDocument" Target="word/document.xml"/>' .
		'</Relationships>'],
	    ['word/document.xml', qq{<?xml version="1.0" encoding="UTF-8"?>} .
		qq{<w:document xmlns:w="$w"><w:body><w:p><w:r><w:t>} .
		"\xe5\xb7\xa5\xe4\xbd\x9c\xe8\xaf\x81\xe6\x98\x8e" .
		'</w:t></w:r></w:p></w:body></w:document>'],
	    ['word/embeddings/Microsoft_Excel_Worksheet.xlsx', "PK\5\6" . "\0" x 18],
	);
}

# doc(): a version 3 OLE2 file (512-byte sectors): the FAT in sector 0,
# the directory (root, WordDocument, 1Table) in sector 1, one 4096-byte
# stream from sector 2 shared by both streams, a Word FIB first.
sub doc {
	my $ss = 512;
	my $h = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" . "\0" x 16 .
	    pack('vvvvv', 0x3e, 3, 0xfffe, 9, 6) . "\0" x 6 .
	    pack('VVVVVVVVVV', 0, 1, 1, 0, 4096, 0xfffffffe, 0, 0xfffffffe, 0,
		0) . pack('V', 0xffffffff) x 108;
	$h .= "\0" x ($ss - length $h);
	my $fat = pack('VV', 0xfffffffd, 0xfffffffe) .
	    join('', map { pack('V', $_ < 7 ? 3 + $_ : 0xfffffffe) } 0 .. 7);
	$fat .= pack('V', 0xffffffff) x (($ss - length $fat) / 4);
	my $dir = '';
	my @names = ('Root Entry', 'WordDocument', '1Table');
	for my $i (0 .. $#names) {
		my $n = $names[$i];
		my $e = join('', map { "$_\0" } split //, $n);
		$e .= "\0" x (64 - length $e);
		$e .= pack('vCC', 2 * (length($n) + 1), $i ? 2 : 5, 1);
		my $right = $i == 1 ? 2 : 0xffffffff;
		$e .= pack('VVV', 0xffffffff, $right, $i ? 0xffffffff : 1);
		$e .= "\0" x (116 - length $e);
		$e .= pack('VVV', $i ? 2 : 0xfffffffe, $i ? 4096 : 0, 0);
		$dir .= $e;
	}
	$dir .= "\0" x ($ss - length $dir);
	my $stream = pack('vvv', 0xa5ec, 0xc1, 0) . "\0" x (4096 - 6);
	return $h . $fat . $dir . $stream;
}

# --- image: small JPEGs made by cjpeg -----------------------------------

sub ppm {
	my ($w, $h, $gray) = @_;
	my $px = '';
	for my $y (0 .. $h - 1) {
		for my $x (0 .. $w - 1) {
			my @c = (int($x * 255 / $w), int($y * 255 / $h),
			    (($x >> 4) + ($y >> 4)) % 2 ? 200 : 40);
			$px .= $gray ? pack('C', $c[0]) : pack('C3', @c);
		}
	}
	return ($gray ? 'P5' : 'P6') . "\n$w $h\n255\n" . $px;
}

sub cjpeg {
	my ($ppm, @opt) = @_;
	my $t = tempdir('gkbm-seeds-XXXXXX', TMPDIR => 1, CLEANUP => 1);
	spew("$t/in.pnm", $ppm);
	system('cjpeg', @opt, '-outfile', "$t/out.jpg", "$t/in.pnm") == 0
	    or die "cjpeg failed (Debian: libjpeg-turbo-progs)\n";
	return slurp("$t/out.jpg");
}

# An EXIF APP1 segment (big-endian TIFF) whose IFD0 holds the orientation.
sub exif {
	my ($jpg, $o) = @_;
	my $tiff = 'MM' . pack('nN', 42, 8) . pack('n', 1) .
	    pack('nnNnn', 0x0112, 3, 1, $o, 0) . pack('N', 0);
	my $app1 = "Exif\0\0" . $tiff;
	return substr($jpg, 0, 2) . "\xff\xe1" . pack('n', 2 + length $app1) .
	    $app1 . substr($jpg, 2);
}

sub image_seeds {
	return {
	    'gray-100x100.jpg' => cjpeg(ppm(100, 100, 1), '-quality', '50'),
	    'photo-413x626.jpg' => cjpeg(ppm(413, 626), '-quality', '20',
		'-progressive'),
	    'photo-500x758-exif.jpg' => exif(cjpeg(ppm(500, 758),
		'-quality', '10', '-sample', '2x2'), 1),
	    'scan-160x120-exif6.jpg' => exif(cjpeg(ppm(160, 120),
		'-quality', '30', '-restart', '1'), 6),
	};
}

# --- paynotify: notify bodies as the platform posts them (sign v1)

sub paynotify_seeds {
	my $n = 'app_id=HNGK0001&order_no=GK2026410100000123&trade_no='
	    . 'FS20260601123456789&amount=12000&currency=CNY&pay_status=SUCCESS'
	    . '&paid_at=20260601103015&timestamp=1780281015&nonce='
	    . '9f1c2e7a4b5d6e8f0a1b2c3d4e5f6071&key_id=plat-sm2-2026&sign_type=SM2'
	    . '&sign=MEUCIQDx%2B7%2FzAbc%3D';
	return {
	    'notify.txt' => $n,
	    'notify-rsa.txt' => $n =~ s/plat-sm2-2026&sign_type=SM2/plat-rsa-2026&sign_type=RSA2/r,
	    'reply.txt' => 'status=ok&action=http%3A%2F%2F127.0.0.1%2Fgateway'
		. '&f.app_id=HNGK0001&f.payer_name=%E6%B2%B3%E5%8D%97&f.sign=AAAA',
	    'ack.txt' => 'code=FAIL&reason=bad_sign&order_no=GK1&timestamp=1'
		. '&nonce=00&key_id=k&sign_type=RSA2&sign=QQ%3D%3D',
	    'hostile.txt' => 'amount=1&amount=2&x=%0D%0A&y=%ZZ&+=+&sign=',
	};
}

my %set = (
	form => form_seeds(),
	doccheck => { 'minimal.docx' => docx(), 'minimal.doc' => doc() },
	image => image_seeds(),
	paynotify => paynotify_seeds(),
);
for my $name (sort keys %set) {
	remove_tree("$dir/$name");
	make_path("$dir/$name");
	spew("$dir/$name/$_", $set{$name}{$_}) for keys %{ $set{$name} };
}
