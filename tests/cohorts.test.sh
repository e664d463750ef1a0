#!/bin/sh
# tandem stats over 1, 2, 5 and 8 cohorts (tests/gen_cohorts.sh), named
# last first on the command line, as text, CSV and PDF: cohorts in the
# order of their periods everywhere; in the PDF no word of a column head
# broken without a hyphen ("Dur|chgang"), nothing beyond the right margin
# (the chart legends wrap), the cohorts' keys as heads where the full
# heads do not fit (8 cohorts) and explained before the tables; the
# one-way background table; "–" where a question was not asked.
# Prints "cohorts.test: N passed, N failed".
TOP=$(cd "$(dirname "$0")/.." && pwd)
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "cohorts.test: $*" >&2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! command -v pdftotext >/dev/null 2>&1; then
	bad "no pdftotext (run ./setup)"
	echo "cohorts.test: $pass passed, $fail failed"
	exit 1
fi
sh "$TOP/tests/gen_cohorts.sh" 8 "$tmp" || bad "gen_cohorts.sh failed"
cd "$tmp" || exit 1
# The right edge of the text area: A4 less 25 mm (templates/statistics.xml).
edge=524.5

for n in 1 2 5 8; do
	args=""
	i=$n
	while [ "$i" -ge 1 ]; do args="$args c$i"; i=$((i - 1)); done
	# shellcheck disable=SC2086	# the folder names have no blanks
	"$TANDEM" stats $args --format txt --format csv --format pdf \
	    -o "out$n" >/dev/null 2>"err$n"
	rc=$?
	[ "$rc" = 0 ] && ok || { bad "$n cohorts: exit $rc: $(cat "err$n")"; continue; }

	# The first cohort by period leads in text, CSV and PDF.
	grep -m1 "Durchgang" "out$n/statistics.txt" |
	    grep -q "1\. Durchgang 2007/2008 (1\. März 2007" && ok ||
	    bad "$n cohorts: txt does not start with the first period"
	# The PDF keeps dates on one line with no-break spaces; the text and
	# CSV files, read by programs, have ordinary spaces.
	nbsp=$(printf '\302\240')
	grep -q "$nbsp" "out$n/statistics.txt" "out$n/statistics.csv" &&
	    bad "$n cohorts: a no-break space in the txt or csv" || ok
	head=$(sed -n '/^Mentees nach Geschlecht$/{n;n;p;}' "out$n/statistics.txt")
	case $head in
	*"1. Durchgang 2007/2008"*"$n. Durchgang"*) ok ;;
	*) [ "$n" = 1 ] && ok || bad "$n cohorts: txt heads: $head" ;;
	esac
	sed -n 5p "out$n/statistics.csv" | grep -q "^1\. Durchgang 2007/2008," &&
	    ok || bad "$n cohorts: csv: $(sed -n 5p "out$n/statistics.csv")"
	pdftotext "out$n/statistics.pdf" "pdf$n.txt"
	grep -m1 "Durchgang" "pdf$n.txt" | grep -q "1\. Durchgang 2007/2008" &&
	    ok || bad "$n cohorts: pdf does not start with the first period"

	# No word of a head broken between letters: every "Du..." is whole
	# (or broken at a hyphen), and no line starts inside the word.
	broken=$(grep -o "Du[a-zäöü]*-\{0,1\}" "pdf$n.txt" | sort -u |
	    grep -Ev '^(Durchgang|Durchgangs|Durchgänge|Durchgängen|Du.*-)$')
	[ -z "$broken" ] && ok || bad "$n cohorts: pdf has '$broken'"
	grep -Eq "^(r?ch)?gang" "pdf$n.txt" &&
	    bad "$n cohorts: a line starts inside 'Durchgang'" || ok

	# Nothing beyond the right margin.
	far=$(pdftotext -bbox "out$n/statistics.pdf" - | awk -F'"' -v e=$edge '
	    /<word/ && $6 + 0 > e { print $6 ": " $0; exit }')
	[ -z "$far" ] && ok || bad "$n cohorts: text beyond the margin: $far"

	"$TOP/tests/pdfcheck" "out$n/statistics.pdf" >"check$n" 2>&1 && ok ||
	    bad "$n cohorts: pdfcheck: $(head -3 "check$n")"

	# The one-way background table, with published figures.
	grep -A4 "^Mentees nach Hintergrund$" "out$n/statistics.txt" |
	    grep -Eq "^Migrationshintergrund +[0-9]" && ok ||
	    bad "$n cohorts: no published one-way background figure"
done

# Five cohorts: the full heads in more lines; eight: the keys, each
# explained in the cohort list and under the tables.
grep -q "^1\.$" pdf5.txt && grep -q "^2007/2008$" pdf5.txt && ok ||
    bad "5 cohorts: the heads are not the editions"
grep -q "^2007/08: Interkommunales" pdf8.txt && ok ||
    bad "8 cohorts: no key in the cohort list"
grep -q "^2021/22$" pdf8.txt && ok || bad "8 cohorts: no key as a head"
grep -q "Spaltenköpfe: Kurzzeichen der Durchgänge" pdf8.txt && ok ||
    bad "8 cohorts: keys not explained under the tables"
grep -q "Spaltenköpfe" pdf5.txt && bad "5 cohorts: keys explained" || ok

# Cohort 3 had no survey, cohort 4 no answers on the career step: "–",
# explained; cohort 1's answers give a count.
line=$(grep "^Karriereschritt: ja" out5/statistics.txt)
set -- $line
[ "$3" = 5 ] && [ "$5" = – ] && [ "$6" = – ] && ok ||
    bad "5 cohorts: career step: $line"
grep -q "^– = nicht gefragt oder nicht beantwortet" out5/statistics.txt &&
    ok || bad "5 cohorts: '–' not explained"
grep -q "^0 = kein Fall$" out5/statistics.txt && ok ||
    bad "5 cohorts: '0' not explained"
# In the CSV "–" is an empty value, explained in a note row; "0" stays.
cr=$(printf '\r')
grep -q "^3\. Durchgang 2011/2012,Befragung: Mentees,Karriereschritt: ja,$cr$" \
    out5/statistics.csv && ok || bad "5 cohorts: csv career step of cohort 3"
grep -q "^1\. Durchgang 2007/2008,Befragung: Mentees,Zufriedenheit 2,0$cr$" \
    out5/statistics.csv && ok || bad "5 cohorts: csv satisfaction 2 of cohort 1"
grep -q "^,Hinweis,\"Leerer Wert = keine Zahl" out5/statistics.csv && ok ||
    bad "5 cohorts: csv does not explain empty values"

echo "cohorts.test: $pass passed, $fail failed"
[ "$fail" = 0 ]
