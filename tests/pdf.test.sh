#!/bin/sh
# The PDF device as readers see it: runs the unit program test_pdf with a
# folder to keep its PDFs, then checks them with poppler (pdftotext,
# pdfinfo, pdffonts), qpdf and MuPDF. Any output of these tools on stderr
# counts as a failure. Prints "pdf: N passed, N failed".

BUILD=$(dirname "${TANDEM:?}")
export LC_ALL=C.UTF-8
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; echo "pdf: $pass passed, $fail failed"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "pdf.test.sh: $*" >&2; }

# check NAME CMD...: the command succeeds and prints nothing on stderr.
check() {
	name=$1; shift
	# MuPDF built without colour management says so on every run.
	if "$@" 2>"$tmp/err.all" >"$tmp/out" &&
	    ! grep -v '^warning: ICC support is not available$' \
	    "$tmp/err.all" >"$tmp/err"; then
		ok
	else
		bad "$name: $(head -3 "$tmp/err")"
	fi
}

# has NAME STRING: $tmp/out contains STRING as a line part.
has() {
	if grep -qF -- "$2" "$tmp/out"; then ok; else bad "$1: no '$2'"; fi
}

"$BUILD/tests/unit/test_pdf" "$tmp" >/dev/null 2>"$tmp/unit.err" ||
    bad "test_pdf failed: $(head -3 "$tmp/unit.err")"

for f in sample.pdf sample-a.pdf missing.pdf after.pdf many-1.pdf many-2.pdf \
    many-3.pdf many-4.pdf many-5.pdf untagged.pdf noalt.pdf; do
	p=$tmp/$f
	check "$f pdftotext" pdftotext "$p" "$tmp/$f.txt"
	check "$f pdfinfo" pdfinfo "$p"
	check "$f pdffonts" pdffonts "$p"
	# Every font embedded, subset and with a Unicode map.
	if awk 'NR > 2 && !/ yes +yes +yes +[0-9]+ +[0-9]+$/ { bad = 1 }
	    END { exit bad }' "$tmp/out"; then ok; else
		bad "$f: a font not embedded+subset+unicode"; fi
	check "$f qpdf" qpdf --check "$p"
	check "$f mutool" mutool draw -q -o /dev/null -F txt "$p"
done

# Documents written one after another by one device each extract exactly.
i=0
for name in "Aylin Yılmaz" "Jürgen Wiśniewska-Çelik" "Zoë Dąbrowska" \
    "Aylin" "Łukasz Żółć Ağaoğlu 0123456789"; do
	i=$((i + 1))
	if [ "$(tr -d '\f' <"$tmp/many-$i.pdf.txt")" = "$name" ]; then ok; else
		bad "many-$i.pdf: text is '$(cat "$tmp/many-$i.pdf.txt")'"; fi
done

# The text extracts exactly, diacritics, quotes and dashes included.
cp "$tmp/sample.pdf.txt" "$tmp/out"
has text "Öztürk Wiśniewska Çelik Dąbrowska Yılmaz „Zitat“ – Gedankenstrich"
has text "Fett: Grüße aus Düsseldorf"
has text "Kursiv: Şule Ağaoğlu, Łukasz Żółć"
has text "Sans: Ärger – Öl — Übermut ß"
has text "Querformat"

check info pdfinfo "$tmp/sample.pdf"
has info "Title:           Handbuch Cross-Mentoring Köln–Düsseldorf"
has info "Author:          Gleichstellungsbüro Köln"
has info "Subject:         Übersicht für Mentees"
has info "Pages:           3"
has info "CreationDate:    Tue Nov 14 22:13:20 2023 UTC"
check pages pdfinfo -f 3 -l 3 "$tmp/sample.pdf"
has pages "size:  841.89 x 595.276 pts"

check fonts pdffonts "$tmp/sample.pdf"
for font in LiberationSerif LiberationSerif-Bold LiberationSerif-Italic \
    LiberationSans LiberationSans-Bold; do
	if grep -q "+$font[ ,]" "$tmp/out"; then ok; else
		bad "font $font missing"; fi
done

# Bookmarks nest and point at the right pages; links have no border.
check outline mutool show "$tmp/sample.pdf" outline
has outline '"Einführung"	#page=1'
has outline '+	"Kapitel 2: Ziele & „Vereinbarungen“"	#page=2'
has outline '		"Unterabschnitt Çelik"	#page=2'
check raw qpdf --qdf --object-streams=disable "$tmp/sample.pdf" "$tmp/q.pdf"
grep -a -c "/Subtype /Link" "$tmp/q.pdf" >"$tmp/out"
has links 4
tr -s ' \n' ' ' <"$tmp/q.pdf" | grep -a -o "/Border \[ [0-9 ]*\]" >"$tmp/out"
grep -c "/Border \[ 0 0 0 \]" "$tmp/out" >"$tmp/out2"; mv "$tmp/out2" "$tmp/out"
has borders 4
grep -a "/URI" "$tmp/q.pdf" >"$tmp/out"
has uri "https://example.org/mentoring"

# Rerunning gives identical bytes.
if cmp -s "$tmp/sample.pdf" "$tmp/sample2.pdf"; then ok; else
	bad "two runs differ"; fi

# PDF/A-1b: PDFBox Preflight (Debian libpdfbox2-java) accepts sample-a.pdf
# and rejects the plain sample.pdf. Without Java or PDFBox it fails
# (./setup installs both).
J=/usr/share/java
CP=$J/preflight.jar:$J/pdfbox2.jar:$J/fontbox2.jar:$J/xmpbox.jar
CP=$CP:$J/commons-logging.jar:$J/javax.activation.jar:$J/jaxb-api.jar
if command -v java >/dev/null && [ -f $J/preflight.jar ]; then
	if java -cp "$CP" org.apache.pdfbox.preflight.Validator_A1b \
	    "$tmp/sample-a.pdf" >"$tmp/out" 2>&1; then ok; else
		bad "sample-a.pdf is not PDF/A-1b: $(head -5 "$tmp/out")"; fi
	if java -cp "$CP" org.apache.pdfbox.preflight.Validator_A1b \
	    "$tmp/sample.pdf" >"$tmp/out" 2>&1; then
		bad "Preflight accepts a file without PDF/A metadata"; else ok; fi
else
	bad "PDF/A check: no java or PDFBox preflight.jar (run ./setup)"
fi
check pdfa-info pdfinfo -meta "$tmp/sample-a.pdf"
has pdfa-info "<pdfaid:part>1</pdfaid:part>"
has pdfa-info "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Handbuch Cross-Mentoring Köln–Düsseldorf"

# Tagged PDF. The structure tree reads in order with all text (golden file;
# object numbers masked; REGEN=1 shows a difference and rewrites it).
TOP=$(cd "$(dirname "$0")/.." && pwd)
check tagged pdfinfo "$tmp/sample-a.pdf"
has tagged "Tagged:          yes"
has tagged "PDF version:     1.4"
golden() {	# golden NAME PDF FILE
	pdfinfo -struct-text "$2" 2>&1 | sed 's/Object [0-9]* 0$/Object N/' \
	    >"$tmp/struct"
	if diff -u "$3" "$tmp/struct" >"$tmp/diff" 2>&1; then ok; else
		if [ -n "$REGEN" ]; then
			cat "$tmp/diff"; cp "$tmp/struct" "$3"; ok
		else
			bad "$1: structure differs: $(head -20 "$tmp/diff")"
		fi
	fi
}
golden sample "$tmp/sample.pdf" "$TOP/tests/data/pdf/sample.struct"
golden sample-a "$tmp/sample-a.pdf" "$TOP/tests/data/pdf/sample.struct"

# Every mark on every page is tagged or an artifact, and tree, parent tree
# and pages agree (tests/tagcheck.js, run by MuPDF).
check tagcheck mutool run "$TOP/tests/tagcheck.js" "$tmp/sample.pdf" \
    "$tmp/sample-a.pdf"
has tagcheck "sample-a.pdf: tagged: 48 elements, 34 tagged sequences, 7 artifacts, 4 annotations"
# ... and the checker fails where it should.
if mutool run "$TOP/tests/tagcheck.js" "$tmp/untagged.pdf" >"$tmp/out" \
    2>&1; then bad "tagcheck accepts untagged text"; else ok; fi
has untagged "page 1: 'Tj' outside tagged content and artifacts"
if mutool run "$TOP/tests/tagcheck.js" "$tmp/noalt.pdf" >"$tmp/out" \
    2>&1; then bad "tagcheck accepts a figure without alt text"; else ok; fi
has noalt "without alternative text"
if mutool run "$TOP/tests/tagcheck.js" "$tmp/many-1.pdf" >"$tmp/out" \
    2>&1; then bad "tagcheck accepts a file without structure"; else ok; fi
has notags "no /StructTreeRoot"

# The tagged sample-a.pdf and the faulty ones are still PDF/A-1b.
if command -v java >/dev/null && [ -f $J/preflight.jar ]; then
	for f in untagged.pdf noalt.pdf; do
		if java -cp "$CP" org.apache.pdfbox.preflight.Validator_A1b \
		    "$tmp/$f" >"$tmp/out" 2>&1; then ok; else
			bad "$f is not PDF/A-1b: $(head -5 "$tmp/out")"; fi
	done
else
	bad "PDF/A check of the faulty files: no java or PDFBox (run ./setup)"
fi
