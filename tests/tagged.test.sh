#!/bin/sh
# Tagged PDF and PDF/A end to end: builds every document kind of the
# sample programme (content/) and checks that each PDF is tagged (pdfinfo),
# that every mark on every page is tagged or an artifact and the structure
# agrees with the pages (tests/tagcheck.js, run by MuPDF), that the
# structure trees of the handbook, an agreement, a certificate and the
# report read as kept in tests/data/pdf/*.struct (pdfinfo -struct-text,
# object numbers masked; REGEN=1 shows a difference and rewrites the
# file), that bookmarks match headings, and that PDFBox Preflight finds
# every file valid PDF/A-1b (fails without Java). Prints
# "tagged: N passed, N failed".

TOP=$(cd "$(dirname "$0")/.." && pwd)
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; echo "tagged: $pass passed, $fail failed"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "tagged.test.sh: $*" >&2; }

if "${TANDEM:?}" build "$TOP/content" -o "$tmp/out" 2>"$tmp/err"; then ok
else bad "tandem build failed: $(head -3 "$tmp/err")"; fi
# No warnings about structure: figures have alt text, content is tagged.
if grep -E "alternative text|structure element|do not nest" "$tmp/err"; then
	bad "structure warnings: $(head -3 "$tmp/err")"; else ok; fi
find "$tmp/out" -name '*.pdf' | sort >"$tmp/list"
n=$(wc -l <"$tmp/list")
if [ "$n" -ge 7 ]; then ok; else bad "only $n PDF files"; fi

# Every file says Tagged: yes, and PDF 1.4 (PDF/A-1b).
while read -r f; do
	pdfinfo "$f" >"$tmp/info" 2>&1
	if grep -q "^Tagged: *yes" "$tmp/info" &&
	    grep -q "^PDF version: *1.4" "$tmp/info"; then ok; else
		bad "$f: not tagged PDF 1.4"; fi
done <"$tmp/list"

# Every file passes the tagging checker.
# shellcheck disable=SC2046
if mutool run "$TOP/tests/tagcheck.js" $(cat "$tmp/list") >"$tmp/tc" 2>&1
then ok; else bad "tagcheck: $(grep -v ': tagged:' "$tmp/tc" | head -5)"; fi
if [ "$(grep -c ': tagged:' "$tmp/tc")" = "$n" ]; then ok; else
	bad "tagcheck checked $(grep -c ': tagged:' "$tmp/tc") of $n files"; fi

# The structure trees in reading order with all their text.
golden() {	# golden PDF NAME
	pdfinfo -struct-text "$tmp/out/$1" 2>&1 |
	    sed 's/Object [0-9]* 0$/Object N/' >"$tmp/struct"
	if diff -u "$TOP/tests/data/pdf/$2.struct" "$tmp/struct" \
	    >"$tmp/diff" 2>&1; then ok
	elif [ -n "$REGEN" ]; then
		cat "$tmp/diff"; cp "$tmp/struct" "$TOP/tests/data/pdf/$2.struct"
		ok
	else
		bad "$1: structure differs: $(head -30 "$tmp/diff")"
	fi
}
golden handbook.pdf handbook
golden agreements/m01.pdf agreement
golden certificates/m01.pdf certificate
golden report.pdf report

# Logos are figures named by their organisation, directly in the page's
# flow (no layout table: the certificate has no table at all, the
# handbook's structure golden shows the figures in the Document).
orgs=$(sed -n 's/.*<organisation [^>]*logo="[^"]*"[^>]*>\([^<]*\)<.*/\1/p' \
    "$TOP/content/programme.xml" | sed 's/^/Figure: /')
for f in handbook.pdf certificates/m01.pdf; do
	mutool run "$TOP/tests/tagalts.js" "$tmp/out/$f" | grep '^Figure' \
	    >"$tmp/alts" 2>&1
	if [ -n "$orgs" ] && [ "$(cat "$tmp/alts")" = "$orgs" ]; then ok; else
		bad "$f: logo figures: $(head -3 "$tmp/alts")"; fi
done
if pdfinfo -struct "$tmp/out/certificates/m01.pdf" | grep -q '^ *Table'; then
	bad "certificate: a table in the structure"; else ok; fi

# The agreement's tick boxes are Form elements whose alternative text says
# their state in words (the mentee's topics ticked), and its topics are
# no layout table.
mutool run "$TOP/tests/tagalts.js" "$tmp/out/agreements/m01.pdf" >"$tmp/alts"
if grep -q '^Form: angekreuzt$' "$tmp/alts" &&
    grep -q '^Form: nicht angekreuzt$' "$tmp/alts" &&
    ! pdfinfo -struct "$tmp/out/agreements/m01.pdf" | grep -q '^ *Table'
then ok; else bad "agreement: tick boxes: $(sort "$tmp/alts" | uniq -c)"; fi

# Bookmarks name headings of the structure tree.
for f in handbook.pdf report.pdf; do
	pdfinfo -struct-text "$tmp/out/$f" | awk '/^ *H[1-4] /{ getline;
	    sub(/^ *"/, ""); sub(/"$/, ""); print }' | sort -u >"$tmp/heads"
	mutool show "$tmp/out/$f" outline | sed 's/^[+|-]*[\t ]*"//;
	    s/"\t#.*$//' | sort -u >"$tmp/marks"
	if [ -s "$tmp/marks" ] && [ -z "$(comm -23 "$tmp/marks" "$tmp/heads")" ]
	then ok; else
		bad "$f: bookmarks without heading: $(comm -23 "$tmp/marks" \
		    "$tmp/heads" | head -3)"; fi
done

# The document title is shown in the title bar, the language is set.
mutool show "$tmp/out/handbook.pdf" trailer/Root >"$tmp/root"
if grep -q "/DisplayDocTitle true" "$tmp/root" && grep -q "/Lang" "$tmp/root"
then ok; else bad "handbook.pdf: no DisplayDocTitle or Lang"; fi

# --no-pdfa: still tagged.
if "$TANDEM" build "$TOP/content" -o "$tmp/plain" --only certificates \
    --no-pdfa 2>"$tmp/err" && pdfinfo "$tmp/plain/certificates.pdf" |
    grep -q "^Tagged: *yes"; then ok; else bad "--no-pdfa: not tagged"; fi

# PDFBox Preflight: every file is PDF/A-1b (one Java run for all).
J=/usr/share/java
CP=$J/preflight.jar:$J/pdfbox2.jar:$J/fontbox2.jar:$J/xmpbox.jar
CP=$CP:$J/commons-logging.jar:$J/javax.activation.jar:$J/jaxb-api.jar
if command -v java >/dev/null && [ -f $J/preflight.jar ]; then
	java -cp "$CP" org.apache.pdfbox.preflight.Validator_A1b xml group \
	    "$tmp/list" >"$tmp/pf.out" 2>&1
	v=$(grep -c '<isValid type="PDF/A1-b">true' "$tmp/list.preflight.xml" \
	    2>/dev/null)
	if [ "$v" = "$n" ]; then ok; else
		bad "Preflight: ${v:-0} of $n files valid PDF/A-1b: $(grep -B3 \
		    -A3 '>false<' "$tmp/list.preflight.xml" | head -12)"; fi
else
	bad "PDF/A check: no java or PDFBox preflight.jar (run ./setup)"
fi
