#!/bin/sh
# Shell tests of the matching objective and the same-field rule
# (tandem-programme(5), RULES and MATCHING) on programmes built from data
# alone (tests/data/objective): a partnership programme keeps every tandem in
# its profession and says per mentee why not; `check` warns about missing
# and near-duplicate fields and states the hard rules; a pin or fixed
# tandem across fields is treated like any broken rule; no mentor is idle
# when an assignment using every mentor matches as many mentees, and an
# idle mentor's reason is true; too many admissible pairs exit 65 with
# the rules that would shrink the problem.
TOP=$(cd "$(dirname "$0")/.." && pwd)
T=${TANDEM:-$TOP/build/tandem}
D=$TOP/tests/data/objective
pass=0 fail=0 skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "objective.test: $1" >&2; }

# with DIR XML: a copy of DIR/programme.xml in $tmp/w with XML inserted
# before </programme>.
with() {
	rm -rf "$tmp/w"
	mkdir "$tmp/w"
	awk -v x="$2" '/^<\/programme>/ { print x } { print }' \
	    "$1/programme.xml" >"$tmp/w/programme.xml"
}

# --- Same field (the default of kind="partnership") ---
"$T" match "$D/partnership" --format csv >"$tmp/p.csv" 2>/dev/null &&
    ok || no "partnership: match failed"
head -1 "$tmp/p.csv" | grep -q '^mentee,mentee_org,mentee_field,mentor,mentor_org,mentor_field,' &&
    ok || no "csv: no field columns"
# Every tandem whose two people have a field stays within it.
awk -F, 'NR > 1 && $4 != "" && $3 != "" && $6 != "" &&
    tolower($3) != tolower($6) { bad = 1 } END { exit bad }' "$tmp/p.csv" &&
    ok || no "partnership: a tandem crosses professions"
[ "$(awk -F, 'NR > 1 && $4 != ""' "$tmp/p.csv" | wc -l)" = 5 ] &&
    ok || no "partnership: not 5 tandems"
# Without the rule the highest score crosses professions (today's result).
with "$D/partnership" '<matching><rules same-field="false"/></matching>'
"$T" match "$tmp/w" --format csv 2>/dev/null >"$tmp/w.csv"
awk -F, 'NR > 1 && $4 != "" && $3 != "" && $6 != "" &&
    tolower($3) != tolower($6) { n++ } END { exit n < 4 }' "$tmp/w.csv" &&
    ok || no "same-field=false: the fixture does not pull across fields"
# Unmatched mentees say why, in the text overview and in tandems.pdf.
"$T" match "$D/partnership" --explain >"$tmp/p.txt" 2>/dev/null
grep -q 'Leyla Karimi (e5): no admissible mentor (6: they have different fields); no mentor has the field' \
    "$tmp/p.txt" && ok || no "e5: no field reason in the overview"
grep -q '^    field: mentee Pflege, mentor Pflege$' "$tmp/p.txt" &&
    ok || no "text overview: no field line"
grep -q 't1: the fields differ (mentee Recht, mentor Pflege)' "$tmp/p.txt" &&
    ok || no "--explain: no field rule per mentor"
grep -q 't5 without a mentee: the only admissible mentee is needed elsewhere' \
    "$tmp/p.txt" && ok || no "--explain: no reason for the idle mentor t5"
if command -v pdftotext >/dev/null 2>&1; then
	"$T" build "$D/partnership" -o "$tmp/out" --only tandems \
	    >/dev/null 2>&1 && ok || no "partnership: build failed"
	pdftotext "$tmp/out/tandems.pdf" - | tr '\n' ' ' | tr -s ' ' \
	    >"$tmp/p.pdf.txt"
	grep -q 'keine Mentorin und kein Mentor aus dem Berufsfeld Recht' \
	    "$tmp/p.pdf.txt" && ok || no "tandems.pdf: no field reason"
	grep -q 'nur 1 Mentee ist zulässig und wird für ein anderes Tandem gebraucht' \
	    "$tmp/p.pdf.txt" && ok || no "tandems.pdf: no idle reason"
	! grep -q 'alle Mentees haben bereits ein Tandem' "$tmp/p.pdf.txt" &&
	    ok || no "tandems.pdf: the old idle reason"
else
	skip=$((skip + 4))
fi
# check: warnings with file and line, and the hard rules in words.
"$T" check "$D/partnership" >"$tmp/c.out" 2>"$tmp/c.err" &&
    ok || no "partnership: check failed"
grep -q 'partnership/programme.xml:35: warning: mentee e7 has no field' \
    "$tmp/c.err" && ok || no "check: no warning for a missing field"
grep -q 'programme.xml:50: warning: field "Informatiker" of t5 and "Informatik" of e6 (line 32) differ only in case, spacing or an ending: the same-field rule keeps them apart' \
    "$tmp/c.err" && ok || no "check: no warning for Informatik/Informatiker"
grep -q 'programme.xml:26: warning: field "bwl" of e4 and "BWL" of e3 (line 23) differ only in case' \
    "$tmp/c.err" && ok || no "check: no warning for BWL/bwl"
grep -q 'Hard rules: same field; ' "$tmp/c.out" &&
    ok || no "check: hard rules not stated"
"$T" check "$TOP/content" 2>/dev/null | grep -q 'Hard rules: mentor from another organisation; level gap ≥ 2; 1 forbidden pair; 1 pinned pair\.' &&
    ok || no "check content: hard rules not stated"
! "$T" check "$TOP/content" 2>&1 | grep -q 'has no field' &&
    ok || no "check: field warnings without the rule"
# A pin across fields is an error, a fixed tandem across fields a warning.
with "$D/partnership" '<matching><pin mentee="e1" mentor="t3"/></matching>'
"$T" check "$tmp/w" >/dev/null 2>"$tmp/pin.err"
[ $? = 65 ] && ok || no "pin across fields: check not 65"
grep -q 'error: pin e1-t3 breaks a hard rule: the fields differ (mentee Pflege, mentor BWL)' \
    "$tmp/pin.err" && ok || no "pin across fields: no message"
"$T" match "$tmp/w" >/dev/null 2>&1
[ $? = 65 ] && ok || no "pin across fields: match not 65"
with "$D/partnership" '<tandems><tandem mentee="e1" mentor="t3"/></tandems>'
"$T" match "$tmp/w" >/dev/null 2>"$tmp/fix.err" && ok || no "fixed: failed"
grep -q 'warning: tandem e1-t3 breaks a hard rule (kept as fixed): the fields differ' \
    "$tmp/fix.err" && ok || no "fixed tandem across fields: no warning"

# --- No idle mentor when avoidable ---
"$T" match "$D/spread" --format csv >"$tmp/s.csv" 2>/dev/null && ok ||
    no "spread: match failed"
[ "$(awk -F, 'NR > 1 && $4 != "" { print $4 }' "$tmp/s.csv" | sort -u |
    wc -l)" = 14 ] && ok || no "spread: not every one of 14 mentors used"
[ "$(awk -F, 'NR > 1 && $4 != ""' "$tmp/s.csv" | wc -l)" = 15 ] && ok ||
    no "spread: not 15 tandems"
with "$D/spread" '<matching><rules spread="false"/></matching>'
"$T" match "$tmp/w" --format csv >"$tmp/s2.csv" 2>/dev/null
[ "$(awk -F, 'NR > 1 && $4 != "" { print $4 }' "$tmp/s2.csv" | sort -u |
    wc -l)" = 13 ] && ok || no "spread=false: not the old 13 mentors"
"$T" match "$tmp/w" --explain 2>/dev/null | tr '\n' ' ' | tr -s ' ' |
    grep -q 'r14 without a mentee: spread is off (<rules spread="false"/>): any tandem with this mentor would leave a mentee unmatched or lower the total score' &&
    ok || no "spread=false: no reason for the idle mentor"
"$T" check "$tmp/w" 2>/dev/null | grep -q 'then the highest score (spread="false")' &&
    ok || no "check: spread=false not stated"

# --- Too many admissible pairs: exit 65, with the rules that shrink it ---
awk 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<programme id=\"big\" kind=\"internal\">"
	print "<title>Big</title><period start=\"2025-01-01\" end=\"2025-12-31\"/>"
	print "<organisations><organisation id=\"a\">A</organisation>"
	print "<organisation id=\"b\">B</organisation></organisations><people>"
	for (i = 0; i < 20004; i++)
		printf "<person id=\"p%05d\" role=\"%s\" org=\"%s\" field=\"F%d\"><name family=\"N\"/></person>\n",
		    i, i % 2 ? "mentor" : "mentee", i % 4 < 2 ? "a" : "b", i % 5
	print "</people></programme>"
}' >"$tmp/big.xml"
mkdir "$tmp/big" && mv "$tmp/big.xml" "$tmp/big/programme.xml"
"$T" match "$tmp/big" >/dev/null 2>"$tmp/big.err"
[ $? = 65 ] && ok || no "10002 x 10002 pairs: match not 65"
grep -q 'programme.xml:[0-9]*: error: matching: 10002 mentees and 10002 mentors make more than 100000000 admissible pairs' \
    "$tmp/big.err" && ok || no "too many pairs: no message"
grep -q 'same-field="true"/> would leave about 2000' "$tmp/big.err" &&
    ok || no "too many pairs: same-field not suggested"
grep -q 'different-org="true"/> would leave about 500' "$tmp/big.err" &&
    ok || no "too many pairs: different-org not suggested"

echo "objective: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
