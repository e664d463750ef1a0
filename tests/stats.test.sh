#!/bin/sh
# tandem stats with -o OUTDIR: one file per --format, the same content as
# on stdout, no temporary files left; an existing good output survives a
# failing run; no name or id of a person in any output; a folder that
# cannot be created gives exit 73. Prints "stats.test: N passed, N failed".
TOP=$(cd "$(dirname "$0")/.." && pwd)
G="$TOP/tests/golden/stats"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "stats.test: $*" >&2; }
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
cd "$G" || exit 1

# Both formats into a new folder (created with its parents).
"$TANDEM" stats img-2018 img-2020 --format txt --format csv --bom \
    -o "$tmp/out/sub" >"$tmp/stdout" 2>"$tmp/stderr"
rc=$?
[ "$rc" = 0 ] && ok || bad "-o: exit $rc"
[ -s "$tmp/stdout" ] && bad "-o wrote to stdout" || ok
[ "$(ls "$tmp/out/sub")" = "statistics.csv
statistics.txt" ] && ok || bad "-o files: $(ls -A "$tmp/out/sub")"
"$TANDEM" stats img-2018 img-2020 >"$tmp/want.txt"
cmp -s "$tmp/want.txt" "$tmp/out/sub/statistics.txt" && ok ||
    bad "statistics.txt differs from stdout"
"$TANDEM" stats --format csv --bom img-2018 img-2020 >"$tmp/want.csv"
cmp -s "$tmp/want.csv" "$tmp/out/sub/statistics.csv" && ok ||
    bad "statistics.csv differs from stdout"

# A failing run (bad data) leaves the earlier output alone.
cp "$tmp/out/sub/statistics.txt" "$tmp/keep.txt"
"$TANDEM" stats bad -o "$tmp/out/sub" >/dev/null 2>&1
rc=$?
[ "$rc" = 65 ] && ok || bad "bad data with -o: exit $rc, want 65"
cmp -s "$tmp/keep.txt" "$tmp/out/sub/statistics.txt" && ok ||
    bad "failing run changed statistics.txt"
[ "$(ls -A "$tmp/out/sub" | wc -l)" = 2 ] && ok ||
    bad "leftover files: $(ls -A "$tmp/out/sub")"

# Not a folder / not writable: 73.
: >"$tmp/file"
"$TANDEM" stats img-2018 -o "$tmp/file" >/dev/null 2>&1
rc=$?
[ "$rc" = 73 ] && ok || bad "-o onto a file: exit $rc, want 73"
if [ "$(id -u)" != 0 ]; then
	mkdir "$tmp/ro" && chmod a-w "$tmp/ro"
	"$TANDEM" stats img-2018 -o "$tmp/ro" >/dev/null 2>&1
	rc=$?
	[ "$rc" = 73 ] && ok || bad "-o read-only: exit $rc, want 73"
fi

# No person's name or id anywhere in the statistics.
for f in "$tmp/out/sub/statistics.txt" "$tmp/out/sub/statistics.csv"; do
	leak=0
	for w in Yılmaz Dąbrowska Öztürk Krüger Şahin Aylin m01 t07 n09 u07 \
	    e4 x1; do
		grep -qw "$w" "$f" && { leak=1; bad "$w in ${f##*/}"; }
	done
	[ $leak = 0 ] && ok
done

# Every CSV record has exactly four fields (quotes respected); --bom
# (German spreadsheets) separates them by semicolons.
awk -v RS='\r\n' 'NR > 1 && NF {
	n = 0; q = 0
	for (i = 1; i <= length($0); i++) {
		c = substr($0, i, 1)
		if (c == "\"") q = !q
		else if (c == ";" && !q) n++
	}
	if (n != 3) { print "record " NR ": " $0; bad = 1 }
} END { exit bad }' "$tmp/out/sub/statistics.csv" >"$tmp/awk" && ok ||
    bad "csv fields: $(head -3 "$tmp/awk")"

# statistics.pdf: valid, reproducible, with the figures and no names.
"$TANDEM" stats img-2018 img-2020 --format pdf --format txt \
    -o "$tmp/pdf" >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" = 0 ] && ok || bad "pdf: exit $rc: $(cat "$tmp/err")"
if command -v pdftotext >/dev/null 2>&1 && [ -f "$tmp/pdf/statistics.pdf" ]
then
	pdftotext -layout "$tmp/pdf/statistics.pdf" "$tmp/pdf.txt"
	for w in "Mentees nach Geschlecht" "Methodik" "Seite 1 von" \
	    "gesperrt (weniger als 3" "Stand: 14. November 2023" \
	    "Abbildung 1: Mentees nach Geschlecht"; do
		grep -q "$w" "$tmp/pdf.txt" && ok || bad "pdf lacks '$w'"
	done
	# The table row "weiblich 9 5 14" as printed.
	grep -Eq "weiblich +9 +5 +14" "$tmp/pdf.txt" && ok ||
	    bad "pdf: mentees by gender row"
	leak=0
	for w in Yılmaz Dąbrowska Öztürk Krüger Şahin m01 t07 n09; do
		grep -qw "$w" "$tmp/pdf.txt" && { leak=1; bad "$w in pdf"; }
	done
	[ $leak = 0 ] && ok
	"$TOP/tests/pdfcheck" "$tmp/pdf/statistics.pdf" >"$tmp/check" 2>&1 &&
	    ok || bad "pdfcheck: $(head -3 "$tmp/check")"
	# PDF/A-1b unless --no-pdfa, with the coordinating organisation as
	# the author (PDFBox Preflight when Java has it).
	pdfinfo "$tmp/pdf/statistics.pdf" >"$tmp/info" 2>&1
	grep -q "^Author: *Finanzbehörde, Steuerverwaltung, Bezirksamt Mitte, Landesamt für Statistik$" "$tmp/info" && ok ||
	    bad "pdf author: $(grep Author "$tmp/info")"
	pdfinfo -meta "$tmp/pdf/statistics.pdf" >"$tmp/meta" 2>&1
	grep -q "<pdfaid:part>1</pdfaid:part>" "$tmp/meta" && ok ||
	    bad "pdf: no PDF/A identification"
	"$TANDEM" stats img-2018 --format pdf --no-pdfa -o "$tmp/plain" \
	    >/dev/null 2>&1 && ok || bad "--no-pdfa failed"
	pdfinfo -meta "$tmp/plain/statistics.pdf" >"$tmp/meta" 2>&1
	grep -q "pdfaid:part" "$tmp/meta" && bad "--no-pdfa wrote PDF/A" || ok
	J=/usr/share/java
	CP=$J/preflight.jar:$J/pdfbox2.jar:$J/fontbox2.jar:$J/xmpbox.jar
	CP=$CP:$J/commons-logging.jar:$J/javax.activation.jar:$J/jaxb-api.jar
	if command -v java >/dev/null && [ -f $J/preflight.jar ]; then
		java -cp "$CP" org.apache.pdfbox.preflight.Validator_A1b \
		    "$tmp/pdf/statistics.pdf" >"$tmp/pre" 2>&1 && ok ||
		    bad "statistics.pdf is not PDF/A-1b: $(head -5 "$tmp/pre")"
	else
		bad "PDF/A check: no java or PDFBox preflight.jar (run ./setup)"
	fi
	# Every figure is on the page of its table's heading (the caption
	# repeats the heading after "Abbildung N: ").
	"$TANDEM" stats "$TOP/content" --format pdf -o "$tmp/sample" \
	    >/dev/null 2>&1
	n=$(pdfinfo "$tmp/sample/statistics.pdf" 2>/dev/null |
	    awk '/^Pages:/ { print $2 }')
	apart=""
	for p in $(seq 1 "${n:-0}"); do
		pdftotext -f "$p" -l "$p" "$tmp/sample/statistics.pdf" \
		    "$tmp/page.txt"
		sed -n 's/^Abbildung [0-9]*: \(.*\)$/\1/p' "$tmp/page.txt" |
		    sed 's/, Antworten nach Zufriedenheit$//' >"$tmp/figs"
		while read -r f; do
			grep -qx "$f" "$tmp/page.txt" || apart="$apart [$f]"
		done <"$tmp/figs"
	done
	[ "${n:-0}" -gt 1 ] && [ -z "$apart" ] && ok ||
	    bad "figures apart from their table:${apart:- no pages}"
	# Column heads and the methods note name the cohort by its edition
	# and title, never by the path typed on the command line; no chart
	# of the tandems, whose one row of figures (the other is "–") adds
	# nothing to the table; serif body type as in the report.
	pdftotext -layout "$tmp/sample/statistics.pdf" "$tmp/sample.txt"
	grep -Eq "^ +1\. Durchgang 2025/2026$" "$tmp/sample.txt" && ok ||
	    bad "sample pdf: edition not a column head"
	grep -q "content/programme.xml\|$TOP" "$tmp/sample.txt" &&
	    bad "sample pdf prints the programme's path" || ok
	tr '\n' ' ' <"$tmp/sample.txt" |
	    grep -q "1\. Durchgang 2025/2026: *programme\.xml " &&
	    ok || bad "sample pdf: methods source line"
	grep -q "^Abbildung [0-9]*: Tandems" "$tmp/sample.txt" &&
	    bad "sample pdf: chart of the tandems" || ok
	pdffonts "$tmp/sample/statistics.pdf" 2>/dev/null |
	    grep -q "LiberationSerif" && ok || bad "sample pdf: no serif body"
	"$TANDEM" stats img-2018 img-2020 --format pdf -o "$tmp/pdf2" \
	    >/dev/null 2>&1
	cmp -s "$tmp/pdf/statistics.pdf" "$tmp/pdf2/statistics.pdf" && ok ||
	    bad "pdf not byte-identical on a rerun"
else
	bad "pdf: no pdftotext (run ./setup) or no statistics.pdf"
fi

# Two cohorts of the sample as a PDF: no page starts with the part of a
# table for all cohorts (or a cohort's) without the table's title; the
# tables of all participants say so; no software name in the notes.
mkdir -p "$tmp/c2"
sed -e 's/id="icm-2025"/id="icm-2027"/' \
    -e 's|<edition>1. Durchgang 2025/2026</edition>|<edition>2. Durchgang 2027/2028</edition>|' \
    "$TOP/content/programme.xml" >"$tmp/c2/programme.xml"
cp -r "$TOP/content/logos" "$tmp/c2/"
if command -v pdftotext >/dev/null 2>&1 &&
    "$TANDEM" stats "$TOP/content" "$tmp/c2" --format pdf --format txt \
    -o "$tmp/two" >/dev/null 2>"$tmp/err"; then
	ok
	n=$(pdfinfo "$tmp/two/statistics.pdf" | awk '/^Pages:/ { print $2 }')
	i=2 cont=0
	while [ "$i" -le "$n" ]; do
		first=$(pdftotext -f $i -l $i -layout \
		    "$tmp/two/statistics.pdf" - | grep -v '^ *$' | sed -n 2p)
		case $first in
		"Alle Durchgänge"*|[0-9].\ Durchgang*)
			cont=1; bad "page $i starts with '$first'" ;;
		esac
		i=$((i + 1))
	done
	[ "$cont" = 0 ] && ok
	grep -q "Einschließlich ausgeschiedener Teilnehmender; siehe Teilnahmestatus." \
	    "$tmp/two/statistics.txt" && ok || bad "no note on the withdrawn"
	tr '\n' ' ' <"$tmp/two/statistics.txt" |
	    grep -q "wurden die Tandems durch das Matching berechnet" &&
	    ok || bad "matched-tandems note"
	grep -q "hat tandem" "$tmp/two/statistics.txt" && bad "software named" ||
	    ok
else
	bad "two cohorts: no pdftotext (run ./setup) or $(head -3 "$tmp/err")"
fi

echo "stats.test: $pass passed, $fail failed"
[ "$fail" = 0 ]
