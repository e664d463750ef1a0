#!/bin/sh
# check and build run one rule set (issue 15, findings 4, 5, 8 and 9):
# each hostile folder below gives the same exit code and message from
# tandem check as from match or build, lengths are refused where they
# enter, a build leaves only its own run's files, and checking stays
# linear. Each case runs with its expected exit code, a message it must
# print and a CPU bound (5 s at most, as in tests/hostile.test.sh).
# Prints "hostile_rules: N passed, N failed".
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/tests/lib.sh"
T=$(mktemp -d "${TMPDIR:-/tmp}/tandem-rules-XXXXXX")
trap 'rm -rf "$T"' EXIT
[ -n "$KEEP" ] && trap - EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "hostile_rules: $*" >&2; }

# Under AddressSanitizer the time bounds are 20 times wider.
SCALE=1
grep -q __asan_init "$TANDEM" 2>/dev/null && SCALE=20

# expect NAME RC MAX_MS PATTERN ARGS...: run tandem ARGS (cwd $T), check
# the exit code, that stderr+stdout match the grep pattern PATTERN (empty:
# anything) and that it took at most MAX_MS milliseconds of CPU.
expect() {
	name=$1 want=$2 max=$3 pat=$4
	shift 4
	cpu_ms "$T/.t0"
	(cd "$T" && ulimit -t $((5 * SCALE)) &&
	    exec timeout 60 "$TANDEM" "$@" >"$T/.out" 2>"$T/.err" </dev/null)
	rc=$?
	cpu_ms "$T/.t1"
	ms=$(timed_ms "$T/.t0" "$T/.t1")
	max=$((max * SCALE))
	[ "$rc" = "$want" ] && ok ||
	    bad "$name: exit $rc, want $want: $(head -c 400 "$T/.err")"
	[ "$ms" -le "$max" ] && ok || bad "$name: took $ms ms of CPU (bound $max)"
	if [ -n "$pat" ]; then
		cat "$T/.err" "$T/.out" | grep -q -- "$pat" && ok ||
		    bad "$name: no '$pat' in: $(head -c 400 "$T/.err")"
	fi
	grep -q 'Sanitizer\|runtime error\|Segmentation\|PDF library error' \
	    "$T/.err" && bad "$name: crash or library error: $(head -c 300 "$T/.err")" || ok
}

# absent NAME PATTERN: the last run's messages do not match PATTERN.
absent() {
	cat "$T/.err" "$T/.out" | grep -q -- "$2" &&
	    bad "$1: unexpected '$2' in: $(head -c 400 "$T/.err")" || ok
}

# A fresh copy of the sample programme in $T/NAME.
sample() { rm -rf "$T/$1"; cp -R "$TOP/content" "$T/$1"; }

# 1. A pin to a withdrawn mentor (finding 8): an error at the pin's line
#    from check, match and build alike. The variant: a withdrawn mentee.
sample pinw
sed -i 's#<person id="t01" role="mentor"#& status="withdrawn"#' "$T/pinw/programme.xml"
line=$(grep -n '<pin mentee="m01" mentor="t01"/>' "$T/pinw/programme.xml" | cut -d: -f1)
msg="programme.xml:$line: error: pin m01-t01 breaks a hard rule: t01 has withdrawn"
expect pin-withdrawn-check 65 2000 "$msg" check pinw
expect pin-withdrawn-match 65 2000 "$msg" match pinw
expect pin-withdrawn-build 65 2000 "$msg" build pinw -o out-pinw --only handbook
sample pinwe
sed -i 's#<person id="m01" role="mentee"#& status="withdrawn"#' "$T/pinwe/programme.xml"
expect pin-withdrawn-mentee-check 65 2000 "programme.xml:$line: error: pin m01-t01 breaks a hard rule: m01 has withdrawn" \
    check pinwe

# 2. A chapter that is a folder: "cannot be read", 66, from check and
#    build alike (tandem(1), EXIT STATUS); the variant, another text that
#    is a folder (agreement.md).
sample dirch
mkdir "$T/dirch/handbook/05-ordner.md"
expect chapter-folder-check 66 2000 '05-ordner.md: error: cannot read: it is a folder' check dirch
expect chapter-folder-build 66 4000 '05-ordner.md: error: cannot read: it is a folder' \
    build dirch -o out-dirch --only handbook --device text
sample diragr
rm -f "$T/diragr/agreement.md"
mkdir "$T/diragr/agreement.md"
expect agreement-folder-check 66 2000 'agreement.md: error: cannot read: it is a folder' check diragr
expect agreement-folder-build 66 4000 'agreement.md: error: cannot read: it is a folder' \
    build diragr -o out-diragr --only agreements --device text

# 3. Organisation logos: check warns as build does (the one check,
#    docs_check_logos()), here for a logo that is no image.
sample badlogo
echo 'kein Bild' >"$T/badlogo/logos/lindenau.png"
lmsg="programme.xml:15: warning: logo logos/lindenau.png of organisation 'li' cannot be used: not a PNG or JPEG file"
expect logo-not-image-check 0 2000 "$lmsg" check badlogo
expect logo-not-image-build 0 4000 "$lmsg" build badlogo -o out-badlogo --only certificates --device text

# 4. The Markdown rules of a build run in check too (one conversion,
#    docs_text_check()): links and images left out, raw HTML, images that
#    are no image, each at its line.
sample md
printf '\n![Bild](fehlt.png) [x](javascript:alert(1)) <b>fett</b>\n\n![Logo](logos/kaputt.png)\n' \
    >>"$T/md/handbook/01-willkommen.md"
echo nope >"$T/md/logos/kaputt.png"
l=$(wc -l <"$T/md/handbook/01-willkommen.md")
for cmd in check build; do
	if [ $cmd = check ]; then set -- check md
	else set -- build md -o out-md --only handbook --device text; fi
	expect markdown-rules-$cmd 0 4000 "01-willkommen.md:$((l - 2)): warning: image \"fehlt.png\" left out: no such file" "$@"
	grep -q "01-willkommen.md:$((l - 2)): warning: link to \"javascript:alert(1)\" left out" "$T/.err" && ok ||
	    bad "markdown-rules-$cmd: no javascript link warning"
	grep -q "01-willkommen.md:$((l - 2)): warning: raw HTML is left out" "$T/.err" && ok ||
	    bad "markdown-rules-$cmd: no raw HTML warning"
	grep -q "01-willkommen.md:$l: warning: image .*kaputt.png: not a PNG or JPEG file; left out" "$T/.err" && ok ||
	    bad "markdown-rules-$cmd: no broken image warning"
done

# 5. Placeholders inside link targets are expanded, each value
#    percent-encoded; the scheme must stand before the first placeholder
#    and is checked again after expansion. In image paths they are an
#    error at their line, in check and build alike.
sample link
sed -i '10a\
[Mail an {{mentee.name}}](mailto:{{mentee.email}}?subject=Tandem%20{{mentee.name}})' "$T/link/agreement.md"
expect link-placeholder-check 0 2000 '' check link
absent link-placeholder-check 'link to'
expect link-placeholder-build 0 4000 \
    '"mailto:aylin.oeztuerk@bergheim-sued.example.org?subject=Tandem%20Aylin%20%C3%96zt%C3%BCrk"' \
    build link --only agreements --device text -o -
absent link-placeholder-build '{{'
# The PDF's link annotation carries the expanded target.
expect link-placeholder-pdf 0 4000 '' build link --only agreements -o out-link
if command -v qpdf >/dev/null; then
	qpdf --qdf --object-streams=disable "$T/out-link/agreements/m01.pdf" "$T/link.qdf" 2>/dev/null
	grep -a -q 'mailto:aylin.oeztuerk@bergheim-sued.example.org?subject=Tandem%20Aylin' "$T/link.qdf" && ok ||
	    bad "link-placeholder-pdf: no expanded mailto link in the PDF"
fi
sample linkjs
sed -i '10a\
[Seite]({{mentee.email}}) und [zwei](java{{mentee.id}}script:x)' "$T/linkjs/agreement.md"
for cmd in check build; do
	if [ $cmd = check ]; then set -- check linkjs
	else set -- build linkjs --only agreements --device text -o -; fi
	expect link-scheme-$cmd 65 4000 'agreement.md:11:1: error: link to "{{mentee.email}}": write its scheme' "$@"
	grep -q 'agreement.md:11:.*error: link to "java{{mentee.id}}script:x": write its scheme' "$T/.err" && ok ||
	    bad "link-scheme-$cmd: the second link was not refused"
	absent link-scheme-$cmd 'javascript'
done
sample img
sed -i '10a\
![Foto]({{mentee.id}}.png)' "$T/img/agreement.md"
expect image-placeholder-check 65 2000 'agreement.md:11:1: error: image "{{mentee.id}}.png": a placeholder in an image path' check img
expect image-placeholder-build 65 4000 'agreement.md:11:1: error: image "{{mentee.id}}.png": a placeholder in an image path' \
    build img --only agreements --device text -o -
# The variant: a handbook chapter, a placeholder in the title of a link
# is plain text and stays allowed.
sample imgh
printf '\n![Plan](plan-{{programme.id}}.png)\n' >>"$T/imgh/handbook/04-ablauf.md"
l=$(wc -l <"$T/imgh/handbook/04-ablauf.md")
expect image-placeholder-chapter 65 2000 "04-ablauf.md:$l:1: error: image \"plan-{{programme.id}}.png\"" check imgh

# 6. A template that declares another kind than its file's name is
#    refused at its line by check and build (finding 9); the variant, the
#    statistics template of tandem stats.
sample tkind
mkdir -p "$T/tkind/templates"
sed 's/kind="certificate"/kind="agreement"/' "$TOP/templates/certificate.xml" \
    >"$T/tkind/templates/certificate.xml"
l=$(grep -n '<template kind=' "$T/tkind/templates/certificate.xml" | cut -d: -f1)
kmsg="templates/certificate.xml:$l: error: kind=\"agreement\", but the file's name makes it the certificate template"
expect template-kind-check 65 2000 "$kmsg" check tkind
expect template-kind-build 65 4000 "$kmsg" build tkind -o out-tkind --only certificates --device text
sample skind
mkdir -p "$T/skind/templates"
sed 's/kind="statistics"/kind="report"/' "$TOP/templates/statistics.xml" \
    >"$T/skind/templates/statistics.xml"
l=$(grep -n '<template kind=' "$T/skind/templates/statistics.xml" | cut -d: -f1)
smsg="templates/statistics.xml:$l: error: kind=\"report\", but the file's name makes it the statistics template"
expect template-kind-stats-check 65 2000 "$smsg" check skind
expect template-kind-stats 65 4000 "$smsg" stats skind --format pdf -o out-skind

echo "hostile_rules: $pass passed, $fail failed"
[ "$fail" = 0 ]
