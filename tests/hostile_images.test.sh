#!/bin/sh
# Hostile images (tandem-programme(5), IMAGES): each damaged, truncated,
# CMYK, oversized or mislabelled image, as an organisation logo, a
# template logo and a Markdown image, is an error (exit 65) naming the
# referring file and line, in check as in build, and no PDF is written;
# each image that can be used (interlaced, 16-bit, progressive, grey) is
# embedded with the right pixels, and every PDF passes qpdf --check.
# Prints "hostile_images: N passed, N failed".
TOP=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/tandem-images-XXXXXX")
trap 'rm -rf "$T"' EXIT
[ -n "$KEEP" ] && trap - EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "hostile_images: $*" >&2; }
export SOURCE_DATE_EPOCH=1700000000

# ---- the images ------------------------------------------------------
I="$T/img"
mkdir -p "$I"
(
	cd "$I" || exit 1
	convert -size 120x40 xc:'#d02020' -fill '#2040c0' \
	    -draw 'rectangle 10,10 60,30' -fill '#20a040' \
	    -draw 'circle 90,20 100,28' -depth 8 PNG24:plain.png
	convert plain.png -interlace PNG PNG24:interlaced.png
	convert plain.png -colors 5 -interlace PNG palette-interlaced.png
	convert plain.png -colors 5 PNG8:palette.png
	convert plain.png -depth 16 PNG48:deep.png
	convert plain.png -depth 16 -interlace PNG PNG48:deep-interlaced.png
	convert plain.png -quality 95 plain.jpg
	convert plain.png -quality 95 -interlace JPEG progressive.jpg
	convert plain.png -colorspace Gray grey.jpg
	convert plain.jpg -colorspace CMYK cmyk.jpg
	convert plain.png plain.gif
	: >empty.png
	# Truncated: the first half of each file.
	n=$(wc -c <plain.jpg); head -c $((n / 2)) plain.jpg >truncated.jpg
	n=$(wc -c <plain.png); head -c $((n / 2)) plain.png >truncated.png
	python3 - <<-'EOF'
	import struct
	png = bytearray(open("plain.png", "rb").read())
	# A bad checksum: one byte of the image data changed.
	i = png.index(b"IDAT") + 6
	png[i] ^= 0x55
	open("badcrc.png", "wb").write(png)
	jpg = bytearray(open("plain.jpg", "rb").read())
	# A huge declared size: 65000 x 65000 pixels in the frame header.
	i = jpg.index(b"\xff\xc0")
	jpg[i + 5:i + 9] = struct.pack(">HH", 65000, 65000)
	open("huge.jpg", "wb").write(jpg)
	# And in a PNG header (the checksum made right).
	import zlib
	png = bytearray(open("plain.png", "rb").read())
	png[16:24] = struct.pack(">II", 4000000000, 70000)
	png[29:33] = struct.pack(">I", zlib.crc32(bytes(png[12:29])))
	open("huge.png", "wb").write(png)
	# More image data than the header says (libpng refuses it; found
	# by fuzz_image): the rows twice, in one IDAT.
	png = open("plain.png", "rb").read()
	i = png.index(b"IDAT")
	n = struct.unpack(">I", png[i - 4:i])[0]
	z = zlib.compress(zlib.decompress(png[i + 4:i + 4 + n]) * 2)
	idat = b"IDAT" + z
	png = (png[:i - 4] + struct.pack(">I", len(z)) + idat +
	    struct.pack(">I", zlib.crc32(idat)) + png[i + 8 + n:])
	open("long.png", "wb").write(png)
	# A transparent palette PNG with gAMA twice: libpng warns, and
	# libharu took the warning for an error (found by fuzz_image).
	def chunk(t, b):
	    return (struct.pack(">I", len(b)) + t + b +
	        struct.pack(">I", zlib.crc32(t + b)))
	png = open("palette.png", "rb").read()
	out, o = [], 8
	while o < len(png):
	    n = struct.unpack(">I", png[o:o + 4])[0]
	    t = png[o + 4:o + 8]
	    if t not in (b"gAMA", b"tRNS"):
	        out.append(png[o:o + 12 + n])
	    if t == b"IHDR":
	        out += [chunk(b"gAMA", struct.pack(">I", 45455))] * 2
	    if t == b"PLTE":
	        out.append(chunk(b"tRNS", b"\x80"))
	    o += 12 + n
	open("gamma-twice.png", "wb").write(png[:8] + b"".join(out))
	# The scan cut short by an end-of-image marker.
	jpg = open("plain.jpg", "rb").read()
	open("early-eoi.jpg", "wb").write(jpg[:len(jpg) * 2 // 3] + b"\xff\xd9")
	# Fill bytes (0xFF) before a marker: legal, read by libjpeg, but
	# libharu's JPEG parser refused them (found by fuzz_image).
	i = jpg.index(b"\xff\xdb")
	open("fill.jpg", "wb").write(jpg[:i] + b"\xff" * 40 + jpg[i:])
	EOF
) || { echo "hostile_images: cannot make the images" >&2; exit 1; }

# ---- the places ------------------------------------------------------
sample() { rm -rf "$T/$1"; cp -R "$TOP/content" "$T/$1"; }

# Under AddressSanitizer (make asan) runs take longer.
SCALE=1
grep -q __asan_init "$TANDEM" 2>/dev/null && SCALE=20

# run NAME WANT_RC PATTERN ARGS...: tandem ARGS (cwd $T) exits WANT_RC and
# prints PATTERN (grep), never a sanitizer report or a libharu error (nor,
# when it succeeds, an image left out), within 5 s of CPU.
run() {
	name=$1 want=$2 pat=$3
	shift 3
	(cd "$T" && ulimit -t $((5 * SCALE)) && exec "$TANDEM" "$@" \
	    >"$T/.out" 2>"$T/.err" </dev/null)
	rc=$?
	if [ "$rc" = "$want" ]; then ok
	else bad "$name: exit $rc, want $want: $(head -c 300 "$T/.err")"; fi
	if [ -z "$pat" ] || grep -q -- "$pat" "$T/.err"; then ok
	else bad "$name: no '$pat' in: $(head -c 300 "$T/.err")"; fi
	if grep -q 'Sanitizer\|runtime error\|libharu error' "$T/.err"; then
		bad "$name: $(head -c 300 "$T/.err")"
	else
		ok
	fi
	# An image accepted is drawn, never left out with a warning.
	if [ "$want" = 0 ] && grep -q 'left out' "$T/.err"; then
		bad "$name: $(grep 'left out' "$T/.err" | head -2)"
	else
		ok
	fi
}

# pdfs_ok NAME DIR: there are PDFs in DIR and qpdf --check passes each.
pdfs_ok() {
	n=0
	for f in "$2"/*.pdf; do
		[ -f "$f" ] || continue
		n=$((n + 1))
		if qpdf --check "$f" >"$T/.qpdf" 2>&1; then ok
		else bad "$1: qpdf --check $f: $(tail -3 "$T/.qpdf")"; fi
	done
	[ "$n" -gt 0 ] && ok || bad "$1: no PDF written"
}

# no_pdfs NAME DIR: nothing was written.
no_pdfs() {
	if ls "$2"/*.pdf >/dev/null 2>&1; then bad "$1: PDFs written"
	else ok; fi
}

# Each image in each of the three places. $1 the image, $2 the exit
# wanted, $3 what the message must say.
place() {
	img=$1 want=$2 why=$3
	case $img in *.jpg) ext=jpg ;; *) ext=png ;; esac

	# An organisation's logo (Lindenau, programme.xml line 15).
	d=org-${img%.*}
	sample "$d"
	cp "$I/$img" "$T/$d/logos/lindenau.png"
	pat="programme.xml:15: error: logo logos/lindenau.png of organisation 'li' is $why"
	[ "$want" = 0 ] && pat=
	run "$img as logo: check" "$want" "$pat" check "$d"
	run "$img as logo: build" "$want" "$pat" \
	    build "$d" -o "$d/out" --only certificates
	if [ "$want" = 0 ]; then pdfs_ok "$img as logo" "$T/$d/out"
	else no_pdfs "$img as logo" "$T/$d/out"; fi

	# A template's logo (certificate.xml line 13).
	d=tmpl-${img%.*}
	sample "$d"
	mkdir -p "$T/$d/templates"
	cp "$I/$img" "$T/$d/brand.$ext"
	sed 's#<colors#<logo src="brand.'"$ext"'"/>\n  <colors#' \
	    "$TOP/templates/certificate.xml" >"$T/$d/templates/certificate.xml"
	pat="certificate.xml:13: error: logo .*brand.$ext is $why"
	[ "$want" = 0 ] && pat=
	run "$img as template logo: check" "$want" "$pat" check "$d"
	run "$img as template logo: build" "$want" "$pat" \
	    build "$d" -o "$d/out" --only certificates
	if [ "$want" = 0 ]; then pdfs_ok "$img as template logo" "$T/$d/out"
	else no_pdfs "$img as template logo" "$T/$d/out"; fi

	# A Markdown image (the line after the chapter's last).
	d=md-${img%.*}
	sample "$d"
	cp "$I/$img" "$T/$d/bild.$ext"
	ch="$T/$d/handbook/01-willkommen.md"
	line=$(($(wc -l <"$ch") + 2))
	printf '\n![Ein Bild](bild.%s)\n' "$ext" >>"$ch"
	pat="01-willkommen.md:$line: error: image \"bild.$ext\" is $why"
	[ "$want" = 0 ] && pat=
	run "$img in a text: check" "$want" "$pat" check "$d"
	run "$img in a text: build" "$want" "$pat" \
	    build "$d" -o "$d/out" --only handbook
	if [ "$want" = 0 ]; then pdfs_ok "$img in a text" "$T/$d/out"
	else no_pdfs "$img in a text" "$T/$d/out"; fi
}

# Refused, each with its reason.
place truncated.jpg 65 'a damaged JPEG file (Premature end of JPEG file)'
place early-eoi.jpg 65 'a damaged JPEG file'
place cmyk.jpg 65 'a CMYK JPEG, which a PDF/A file .* cannot hold; save it in RGB'
place huge.jpg 65 'too large (65000 x 65000 pixels, at most 10000 on a side)'
place huge.png 65 'too large (4000000000 x 70000 pixels, at most 10000 on a side)'
place long.png 65 'a damaged PNG file (more image data than the header says)'
place truncated.png 65 'a damaged PNG file (truncated'
place badcrc.png 65 'a damaged PNG file (bad chunk checksum)'
place plain.gif 65 'a GIF file, not PNG or JPEG; convert it to PNG'
place empty.png 65 'an empty file'
# Used as they are, or rewritten plainly.
for img in interlaced.png palette-interlaced.png deep.png \
    deep-interlaced.png progressive.jpg grey.jpg fill.jpg \
    gamma-twice.png; do
	place "$img" 0 ''
done

# The pixels of the rewritten PNGs are those of the plain file: the
# embedded image (the second logo of the certificates' first page)
# against the original, exactly for 8 bits, within rounding for 16.
pixels() {
	img=$1 ref=$2 fuzz=$3
	rm -f "$T"/px-*
	pdfimages -f 1 -l 1 -png "$T/org-${img%.*}/out/certificates.pdf" \
	    "$T/px"
	if [ ! -f "$T/px-001.png" ]; then
		bad "$img: no second image on the first certificate page"
		return
	fi
	ae=$(compare -fuzz "$fuzz" -metric AE "$T/px-001.png" "$I/$ref" \
	    null: 2>&1)
	if [ "$ae" = 0 ]; then ok
	else bad "$img: $ae pixels differ from $ref"; fi
}
pixels interlaced.png plain.png 0
pixels palette-interlaced.png palette.png 0
pixels deep.png plain.png 1%
pixels deep-interlaced.png plain.png 1%

echo "hostile_images: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
