#!/bin/sh
# The PDF validity gate and the hostile inputs of 'tandem build': renders
# every document kind of the sample programme and every hostile case that
# produces output, and runs tests/pdfcheck (poppler, MuPDF, qpdf, embedded
# fonts) on every PDF written; hostile cases that must fail are checked for
# exit code, message, time bound and that they wrote nothing (or left the
# earlier outputs as they were). Large inputs are generated here.
# Prints "pdfgate: N passed, N failed".
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/tests/lib.sh"
T=$(mktemp -d "${TMPDIR:-/tmp}/tandem-pdfgate-XXXXXX")
MNT=
cleanup() {
	[ -n "$MNT" ] && umount "$MNT" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
[ -n "$KEEP" ] && trap - EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "pdfgate: $*" >&2; }

SCALE=1
grep -q __asan_init "$TANDEM" 2>/dev/null && SCALE=10

# build NAME RC MAX_S PATTERN ARGS...: tandem build ARGS; checks the exit
# code, the message (grep pattern on stderr, empty: anything), the time
# bound in seconds of CPU (and 3 times that in wall time) and that nothing
# crashed. A run is killed at its CPU bound (ulimit -t): 5 s for every case
# but the 5 MB chapter, as cmark's pathological tests.
build() {
	name=$1 want=$2 max=$(($3 * SCALE)) pat=$4
	shift 4
	cpu_ms "$T/.t0"
	t0=$(date +%s%N)
	(ulimit -t "$max" && exec timeout 300 "$TANDEM" build "$@" \
	    >"$T/.out" 2>"$T/.err" </dev/null)
	rc=$?
	ms=$(( ($(date +%s%N) - t0) / 1000000 ))
	cpu_ms "$T/.t1"
	cpu=$(timed_ms "$T/.t0" "$T/.t1")
	[ -n "$TIMES" ] && echo "pdfgate: $name: $cpu ms CPU, $ms ms" >&2
	[ "$rc" = "$want" ] && ok ||
	    bad "$name: exit $rc, want $want: $(head -c 400 "$T/.err")"
	[ "$cpu" -le $((max * 1000)) ] && [ "$ms" -le $((max * 3000)) ] && ok ||
	    bad "$name: took $cpu ms CPU, $ms ms in all (bound ${max} s)"
	if [ -n "$pat" ]; then
		grep -q -- "$pat" "$T/.err" && ok ||
		    bad "$name: no '$pat' in: $(head -c 400 "$T/.err")"
	fi
	grep -q 'Sanitizer\|runtime error\|Segmentation\|internal error' \
	    "$T/.err" && bad "$name: crash: $(head -c 400 "$T/.err")" || ok
}

# gate DIR NAME: every PDF below DIR passes tests/pdfcheck (at least one).
gate() {
	n=$(find "$1" -name '*.pdf' | wc -l)
	[ "$n" -gt 0 ] && ok || bad "$2: no PDF written"
	out=$(find "$1" -name '*.pdf' -print0 | xargs -0 sh "$TOP/tests/pdfcheck" 2>&1)
	[ -z "$out" ] && ok || bad "$2: $(echo "$out" | head -3)"
	left=$(find "$1" -name '.*.??????')
	[ -z "$left" ] && ok || bad "$2: temporary files left: $left"
}

# A copy of the sample programme with its texts (so cases can alter it).
sample() {
	mkdir -p "$T/$1"
	cp -R "$TOP/content/." "$T/$1/"
}

# 1. Every document kind of the sample programme.
build sample 0 5 '' "$TOP/content" -o "$T/out/sample"
for k in handbook.pdf tandems.pdf agreements.pdf certificates.pdf report.pdf; do
	[ -s "$T/out/sample/$k" ] && ok || bad "sample: no $k"
done
gate "$T/out/sample" sample

# 2. Names of 300 characters (with diacritics) everywhere.
G="$TOP/tests/golden/hostile"
build names-300 0 5 '' "$G/names-300" -o "$T/out/names"
gate "$T/out/names" names-300
pdftotext "$T/out/names/certificates.pdf" - 2>/dev/null | tr -d '\n ' |
    grep -q 'Krzyżanowska-Ağaoğlu' && ok ||
    bad "names-300: the name is not in the certificate text"

# 3. Unmatched mentees and over capacity: documents still build.
build over-capacity 0 5 'warning: mentee e3' "$G/over-capacity" -o "$T/out/over"
gate "$T/out/over" over-capacity

# 4. Nobody to print: kinds are skipped with a warning, nothing empty.
build empty-people 0 5 'warning' "$G/empty-people" -o "$T/out/empty"
for f in $(find "$T/out/empty" -name '*.pdf' 2>/dev/null); do
	sh "$TOP/tests/pdfcheck" "$f" >/dev/null && ok || bad "empty-people: bad $f"
done
[ ! -e "$T/out/empty/certificates.pdf" ] && ok ||
    bad "empty-people: wrote certificates with nobody to certify"

# 5. A 5 MB paragraph (under 30 s), a 100 KB word, 10,000 nested
#    list items and block quotes, in handbook chapters.
sample big
rm -f "$T/big/handbook/"*.md
awk 'BEGIN { s = "Mentoring verbindet Menschen über Ämter hinweg. "; while (length(s) < 5000000) s = s s; print "# Absatz\n\n" s }' \
    >"$T/big/handbook/01-para.md"
build chapter-5mb 0 30 '' "$T/big" --only handbook -o "$T/out/big"
gate "$T/out/big" chapter-5mb
rm -f "$T/big/handbook/"*.md
awk 'BEGIN { s = "Donaudampfschifffahrt"; while (length(s) < 100000) s = s s; print "# Wort\n\n" s "\n\nDanach normaler Text." }' \
    >"$T/big/handbook/01-word.md"
build word-100kb 0 5 '' "$T/big" --only handbook -o "$T/out/word"
gate "$T/out/word" word-100kb
rm -f "$T/big/handbook/"*.md
# 10,000 levels in one line ("- - - ... Punkt") and 1,000 by indentation
# (10,000 by indentation would need 100 MB of spaces).
awk 'BEGIN { print "# Liste\n"; s = ""; for (i = 0; i < 10000; i++) s = s "- "; print s "Punkt"
	print ""; s = ""; for (i = 0; i < 10000; i++) s = s "1. "; print s "Nummer"
	print ""; for (i = 0; i < 1000; i++) { for (j = 0; j < i; j++) printf "  "; print "- Punkt " i } }' \
    >"$T/big/handbook/01-list.md"
build nested-list-10000 0 5 '' "$T/big" --only handbook -o "$T/out/list"
gate "$T/out/list" nested-list-10000
rm -f "$T/big/handbook/"*.md
awk 'BEGIN { print "# Zitate\n"; s = ""; for (i = 0; i < 10000; i++) s = s "> "; print s "Zitat" }' \
    >"$T/big/handbook/01-quote.md"
build nested-quote-10000 0 5 '' "$T/big" --only handbook -o "$T/out/quote"
gate "$T/out/quote" nested-quote-10000

# 6. Hostile Markdown: raw HTML, javascript: links, a remote image, an
#    image outside the folder, characters the font lacks: a clean PDF,
#    with no javascript link in it.
rm -f "$T/big/handbook/"*.md
cat >"$T/big/handbook/01-evil.md" <<'EOF'
# Böse <script>alert(1)</script>

<div onclick="x()">raw HTML block</div>

[klick](javascript:alert(1)) [mail](mailto:a@example.org) [web](https://example.org)

![remote](http://127.0.0.1:9/x.png) ![local](../../../../etc/passwd) ![none](nix.png)

Emoji 😀, Chinese 中文, Arabic العربية, a NUL-free control char: x
EOF
build evil-markdown 0 5 'U+1F600.*not in font' "$T/big" --only handbook -o "$T/out/evil"
gate "$T/out/evil" evil-markdown
if grep -a -q -i 'javascript' "$T/out/evil/handbook.pdf" 2>/dev/null; then
	bad "evil-markdown: a javascript: link reached the PDF"
else
	ok
fi

# 7. Texts that must fail: invalid UTF-8, an unknown placeholder. Nothing
#    is written.
rm -f "$T/big/handbook/"*.md
printf '# Kapitel\n\nF\374r alle.\n' >"$T/big/handbook/01-latin1.md"
build markdown-invalid-utf8 65 5 '01-latin1.md:3' "$T/big" -o "$T/out/latin1"
[ -z "$(find "$T/out/latin1" -name '*.pdf' 2>/dev/null)" ] && ok ||
    bad "markdown-invalid-utf8: PDFs written"
printf '# Kapitel\n\nHallo {{person.nmae}}.\n' >"$T/big/handbook/01-latin1.md"
build unknown-placeholder 65 5 '01-latin1.md:3' "$T/big" -o "$T/out/ph"
[ -z "$(find "$T/out/ph" -name '*.pdf' 2>/dev/null)" ] && ok ||
    bad "unknown-placeholder: PDFs written"

# 8. Images: a missing logo and a logo path outside the folder (here a
#    text file): each left out with a warning naming the file, and the
#    documents stay clean; a broken PNG is an error at its line and no PDF
#    is written (tandem-programme(5), IMAGES; tests/hostile_images.test.sh
#    has the other damaged images).
sample img
sed -i 's|logo="logos/lindenau.png"|logo="logos/missing.png"|' "$T/img/programme.xml"
build missing-image 0 5 'missing.png.*left out' "$T/img" -o "$T/out/img1"
gate "$T/out/img1" missing-image
sample img2
head -c 200 "$TOP/content/logos/lindenau.png" >"$T/img2/logos/lindenau.png"
build broken-image 65 5 'programme.xml:15: error: logo logos/lindenau.png .*damaged PNG' \
    "$T/img2" -o "$T/out/img2"
[ -z "$(find "$T/out/img2" -name '*.pdf' 2>/dev/null)" ] && ok ||
    bad "broken-image: PDFs written"
sample img3
sed -i 's|logo="logos/lindenau.png"|logo="../../../../../../etc/passwd"|' "$T/img3/programme.xml"
build image-outside 0 5 'passwd.*left out' "$T/img3" -o "$T/out/img3"
gate "$T/out/img3" image-outside

# 9. Templates: a missing font, zero and negative page sizes.
sample tpl1
mkdir -p "$T/tpl1/templates"
sed 's/family="Liberation Serif"/family="No Such Font Family"/' \
    "$TOP/templates/certificate.xml" >"$T/tpl1/templates/certificate.xml"
build missing-font 65 5 'No Such Font Family' "$T/tpl1" --only certificates -o "$T/out/tpl1"
sample tpl2
mkdir -p "$T/tpl2/templates"
sed 's/size="A4"/width="0mm" height="297mm"/' \
    "$TOP/templates/certificate.xml" >"$T/tpl2/templates/certificate.xml"
build page-width-zero 65 5 'certificate.xml:6' "$T/tpl2" --only certificates -o "$T/out/tpl2"
sed 's/size="A4"/width="210mm" height="-297mm"/' \
    "$TOP/templates/certificate.xml" >"$T/tpl2/templates/certificate.xml"
build page-height-negative 65 5 'certificate.xml:6' "$T/tpl2" --only certificates -o "$T/out/tpl3"
sed 's/top="22mm"/top="400mm"/' \
    "$TOP/templates/certificate.xml" >"$T/tpl2/templates/certificate.xml"
build margins-too-big 65 5 'certificate.xml' "$T/tpl2" --only certificates -o "$T/out/tpl4"

# 10. Output: below a plain file, and a failing build keeps the earlier
#     good outputs byte for byte.
: >"$T/plain"
build output-below-file 73 5 'plain' "$TOP/content" --only tandems -o "$T/plain/out"
cp -R "$T/out/sample" "$T/keep"
build failing-rebuild 65 5 '' "$T/big" -o "$T/out/sample"
diff -r "$T/keep" "$T/out/sample" >/dev/null && ok ||
    bad "failing-rebuild: earlier outputs changed"

# 11. Full disk: a 1 MB tmpfs (root only).
if [ "$(id -u)" = 0 ] && mkdir -p "$T/mnt" &&
    mount -t tmpfs -o size=1m tmpfs "$T/mnt" 2>/dev/null; then
	MNT="$T/mnt"
	build full-disk 73 5 'No space left' "$TOP/content" -o "$MNT/out"
	left=$(find "$MNT" -name '.*.??????')
	[ -z "$left" ] && ok || bad "full-disk: temporary files left: $left"
	for f in $(find "$MNT" -name '*.pdf'); do
		sh "$TOP/tests/pdfcheck" "$f" >/dev/null && ok ||
		    bad "full-disk: broken $f"
	done
	umount "$MNT" && MNT=
fi

echo "pdfgate: $pass passed, $fail failed"
[ "$fail" = 0 ]
