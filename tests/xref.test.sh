#!/bin/sh
# Links to headings in a PDF, as readers see them: builds the handbook of
# tests/golden/layout/xref (links forward and backward across chapters, a
# repeated heading, an id given twice, a heading inside a quote, a bold link, a link to no
# heading) and lists every internal link annotation with MuPDF
# (tests/xreflinks.js): the text under it (pdftotext of its rectangle) and
# the text at the top of its destination (pdftotext of the target page at
# the destination's height). That list must read as below; the file must
# open without any reader warning, pass qpdf --check and the tagging
# checker (every link annotation owned by a Link element).
# Prints "xref: N passed, N failed".

TOP=$(cd "$(dirname "$0")/.." && pwd)
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; echo "xref: $pass passed, $fail failed"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "xref.test.sh: $*" >&2; }

# The text of page $1 in the box x y w h (points, top-left origin).
crop() {
	pdftotext -f "$1" -l "$1" -x "$2" -y "$3" -W "$4" -H "$5" \
	    "$tmp/out/handbook.pdf" - 2>>"$tmp/readers" |
	    tr -s '\n\f' '  ' | sed 's/[ .,]*$//; s/ *\(\. \)\{3,\}.*/ .../'
}

if "${TANDEM:?}" build "$TOP/tests/golden/layout/xref" --only handbook \
    -o "$tmp/out" 2>"$tmp/err"; then ok
else bad "build failed: $(head -3 "$tmp/err")"; fi
# Exactly the two links to no heading are warned about.
if [ "$(grep -c 'no heading with this id' "$tmp/err")" = 2 ] &&
    grep -q '02-rollen.md:12: warning: link to #vertraulichkeit:' \
    "$tmp/err"; then ok; else bad "warnings: $(cat "$tmp/err")"; fi
if grep -q '02-rollen.md:26: warning: heading id #ablauf is taken' \
    "$tmp/err"; then ok; else bad "no warning about the id given twice"; fi

mutool run "$TOP/tests/xreflinks.js" "$tmp/out/handbook.pdf" \
    >"$tmp/links" 2>"$tmp/readers"
while read -r p x0 y0 x1 y1 q top h; do
	box=$(awk -v x0="$x0" -v y0="$y0" -v x1="$x1" -v y1="$y1" -v h="$h" \
	    'BEGIN { printf "%d %d %d %d", x0, h - y1, x1 - x0, y1 - y0 }')
	ty=$(awk -v t="$top" -v h="$h" 'BEGIN { printf "%d", h - t }')
	# shellcheck disable=SC2086
	printf 'p%s "%s" -> p%s "%s"\n' "$p" "$(crop "$p" $box)" "$q" \
	    "$(crop "$q" 0 "$ty" 595 24)"
done <"$tmp/links" >"$tmp/got"
cat >"$tmp/want" <<'END'
p2 "Was ist Mentoring? ..." -> p3 "Was ist Mentoring?"
p2 "Ziele ..." -> p3 "Ziele"
p2 "Ablauf ..." -> p3 "Ablauf"
p2 "Rollen und Erwartungen ..." -> p4 "Rollen und Erwartungen"
p2 "Ziele ..." -> p4 "Ziele"
p2 "Phase 1: Auswahl und Matching ..." -> p4 "Phase 1: Auswahl und Matching"
p2 "Übersicht für Ärzte ..." -> p4 "Übersicht für Ärzte"
p2 "Noch ein Ablauf ..." -> p4 "Noch ein Ablauf"
p2 "Teilnehmende ..." -> p5 "Teilnehmende"
p2 "Mentees ..." -> p5 "Mentees"
p2 "Mentorinnen und Mentoren ..." -> p5 "Mentorinnen und Mentoren"
p2 "Tandems ..." -> p6 "Tandems"
p3 "Rollen und Erwartungen" -> p4 "Rollen und Erwartungen"
p3 "Phase 1" -> p4 "Phase 1: Auswahl und Matching"
p3 "die Ziele" -> p3 "Ziele"
p3 "die zweiten Ziele" -> p4 "Ziele"
p4 "Was ist Mentoring?" -> p3 "Was ist Mentoring?"
p4 "fettem Verweis" -> p3 "Ablauf"
p4 "Im Zitat" -> p4 "Im Zitat"
p4 "Übersicht" -> p4 "Übersicht für Ärzte"
p4 "Teilnehmende" -> p5 "Teilnehmende"
p4 "zurück" -> p4 "Noch ein Ablauf"
END
if diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then ok
else bad "links differ: $(cat "$tmp/diff")"; fi

# The text of a link to no heading is kept.
pdftotext "$tmp/out/handbook.pdf" - 2>>"$tmp/readers" | tr -s '\n' ' ' |
    grep -q "ins Leere: Vertraulichkeit und" && ok ||
    bad "the text of the link to no heading is missing"

# Readers open it without a word; structure and tags hold.
mutool draw -q -o /dev/null -F txt "$tmp/out/handbook.pdf" 2>>"$tmp/readers"
pdfinfo "$tmp/out/handbook.pdf" >/dev/null 2>>"$tmp/readers"
if grep -v '^warning: ICC support is not available$' "$tmp/readers"; then
	bad "reader warnings"; else ok; fi
if qpdf --check "$tmp/out/handbook.pdf" >"$tmp/qpdf" 2>&1; then ok
else bad "qpdf: $(tail -3 "$tmp/qpdf")"; fi
if mutool run "$TOP/tests/tagcheck.js" "$tmp/out/handbook.pdf" \
    >"$tmp/tc" 2>&1; then ok
else bad "tagcheck: $(head -5 "$tmp/tc")"; fi
pdfinfo -struct-text "$tmp/out/handbook.pdf" >"$tmp/struct" 2>&1
if grep -A1 '^ *Link' "$tmp/struct" | grep -q '" *fettem Verweis"'; then ok
else bad "no Link element with the text of the bold link"; fi
