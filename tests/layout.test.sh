#!/bin/sh
# The handbook as PDF, checked by what the readers report: every reader
# opens it without a warning, text extracts exactly, no word lies outside
# the margins, the table of contents points at the right pages, bookmarks
# exist, two runs are byte-identical, and a failed run keeps the old file.
TOP=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "layout.test: $*" >&2; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }

HB="$TOP/tests/golden/layout/hb"
PDF="$T/a/handbook.pdf"
"$TANDEM" build "$HB" --only handbook -o "$T/a" 2>"$T/err"
check '[ $? = 0 ] && [ -s "$PDF" ]' "build failed: $(cat "$T/err")"

# Every reader, no warnings.
w=$( { pdftotext "$PDF" /dev/null; pdffonts "$PDF" >/dev/null
    pdfinfo "$PDF" >/dev/null; mutool draw -q -o /dev/null -F txt "$PDF"
    >/dev/null; } 2>&1 | grep -v 'ICC support is not available')
check '[ -z "$w" ]' "reader warnings: $w"
check 'qpdf --check "$PDF" >/dev/null 2>&1' "qpdf --check fails"

# Text extracts exactly: diacritics, German quotes, dashes.
pdftotext "$PDF" "$T/text"
for s in "Çelik, Öztürk, Wiśniewska oder Şahin" "„Feuerwehr“" \
    "Führungskraft – die" "Inhalt" "Seite 3 von"; do
	check 'grep -qF "$s" "$T/text"' "text \"$s\" does not extract"
done

# No word outside the margins (A4, 25 mm each side).
pdftotext -bbox "$PDF" "$T/bbox.html"
out=$(awk -F'"' '/<word/ { if ($2 < 70.86 - 0.01 || $6 > 595.28 - 70.86 + 0.01) print }' "$T/bbox.html" | head -3)
check '[ -z "$out" ]' "words outside the margins: $out"

# The table of contents: each entry's page shows its heading.
pdftotext -layout -f 2 -l 2 "$PDF" - | sed -n 's/^ *\([^.][^.]*[^. ]\) *[. ]*\. *\([0-9][0-9]*\)$/\2 \1/p' >"$T/toc"
check '[ $(wc -l <"$T/toc") -ge 5 ]' "table of contents has too few entries"
while read -r page title; do
	pdftotext -f "$page" -l "$page" "$PDF" - | tr '\n' ' ' | grep -qF "$title"
	check '[ $? = 0 ]' "TOC entry \"$title\" is not on page $page"
done <"$T/toc"

# Bookmarks: one per heading of the chapters (8 in the sample), plus the
# generated chapters: participants, its two role sections, tandems.
n=$(mutool show "$PDF" outline 2>/dev/null | grep -c .)
check '[ "$n" = 12 ]' "expected 12 bookmarks, found $n"

# Page labels: viewers call page 1 "Titelseite" and count on from 2, as the
# foot of each page does.
labels=$(qpdf --qdf --object-streams=disable "$PDF" - 2>/dev/null |
    tr -d '\n ' | grep -a -o '/PageLabels<</Nums\[[^]]*\]')
check 'echo "$labels" | grep -q "0<</P(Titelseite)>>1<</S/D/St2>>"' \
    "page labels: $labels"

# Same SOURCE_DATE_EPOCH, same bytes.
SOURCE_DATE_EPOCH=1700000000 "$TANDEM" build "$HB" --only handbook -o "$T/b" 2>/dev/null
SOURCE_DATE_EPOCH=1700000000 "$TANDEM" build "$HB" --only handbook -o "$T/c" 2>/dev/null
check 'cmp -s "$T/b/handbook.pdf" "$T/c/handbook.pdf"' "two runs differ"

# A failing run (broken template) leaves the earlier output alone.
mkdir -p "$T/prog"
cp -R "$HB/programme.xml" "$HB/handbook" "$T/prog/"
"$TANDEM" build "$T/prog" --only handbook -o "$T/d" 2>/dev/null
cp "$T/d/handbook.pdf" "$T/keep.pdf"
mkdir -p "$T/prog/templates"
echo '<template kind="handbook"><page size="B7"/></template>' >"$T/prog/templates/handbook.xml"
"$TANDEM" build "$T/prog" --only handbook -o "$T/d" 2>"$T/err"
check '[ $? = 65 ]' "broken template: exit code is not 65"
check 'grep -q "templates/handbook.xml:1: error" "$T/err"' "no error with file:line"
check 'cmp -s "$T/d/handbook.pdf" "$T/keep.pdf"' "earlier output changed"
check '[ $(ls "$T/d" | wc -l) = 1 ]' "temporary files left behind"

# A long handbook: no ladders of three hyphenated lines, even gaps.
python3 "$TOP/bench/gen_handbook.py" "$T/long" 6 >/dev/null
"$TANDEM" build "$T/long" --only handbook -o "$T/long/out" 2>/dev/null
g=$(python3 "$TOP/bench/gaps.py" "$T/long/out/handbook.pdf")
check 'echo "$g" | grep -q "ladders (3+ lines in a row): 0$"' "hyphen ladders: $g"
p95=$(echo "$g" | sed -n 's/.*p95 \([0-9.]*\).*/\1/p')
check '[ -n "$p95" ] && awk "BEGIN { exit !($p95 < 0.42) }"' "95th percentile word gap $p95 em"

# The sample programme's handbook: no message, placeholders expanded,
# clean in every reader, its table of contents right.
S="$T/sample/handbook.pdf"
"$TANDEM" build "$TOP/content" --only handbook -o "$T/sample" 2>"$T/err"
check '[ $? = 0 ] && [ ! -s "$T/err" ]' "sample handbook: $(head -3 "$T/err")"
w=$( { pdftotext "$S" "$T/stext"; pdffonts "$S" >/dev/null
    mutool draw -q -o /dev/null -F txt "$S" >/dev/null; } 2>&1 |
    grep -v 'ICC support is not available')
check '[ -z "$w" ] && qpdf --check "$S" >/dev/null 2>&1' "sample: $w"
check '! grep -q "{{" "$T/stext"' "sample: placeholders left in the text"
pdftotext -layout -f 2 -l 2 "$S" - | sed -n 's/^ *\([^.][^.]*[^. ]\) *[. ]*\. *\([0-9][0-9]*\)$/\2 \1/p' >"$T/toc"
check '[ $(wc -l <"$T/toc") -ge 10 ]' "sample: table of contents too short"
while read -r page title; do
	pdftotext -f "$page" -l "$page" "$S" - | tr '\n' ' ' | grep -qF "$title"
	check '[ $? = 0 ]' "sample: TOC entry \"$title\" is not on page $page"
done <"$T/toc"

echo "layout.test: $pass passed, $fail failed"
