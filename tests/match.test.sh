#!/bin/sh
# Shell tests of `tandem match`: -o and --write save a <tandems> file that
# loads again and gives the same tandems, runs are deterministic, a failing
# run keeps an earlier file. (boundaries.test.sh compiles the core alone.)
TOP=$(cd "$(dirname "$0")/.." && pwd)
T=${TANDEM:-$TOP/build/tandem}
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "match.test: $1" >&2; }

cp -R "$TOP/content" "$tmp/p"
"$T" match "$tmp/p" >"$tmp/run1" 2>/dev/null && ok || no "match content failed"
"$T" match "$tmp/p" >"$tmp/run2" 2>/dev/null
cmp -s "$tmp/run1" "$tmp/run2" && ok || no "two runs differ"
[ ! -e "$tmp/p/tandems.xml" ] && ok || no "match wrote without --write"

"$T" match "$tmp/p" -o "$tmp/out.xml" >/dev/null 2>&1 && ok || no "-o failed"
grep -q '^<tandems>' "$tmp/out.xml" && ok || no "-o: no <tandems> root"
[ "$(grep -c '<tandem ' "$tmp/out.xml")" = 15 ] && ok || no "-o: not 15 tandems"
ls "$tmp" | grep -q '\.tmp' && no "temporary file left" || ok

"$T" match "$tmp/p" --write >/dev/null 2>&1 && ok || no "--write failed"
cmp -s "$tmp/out.xml" "$tmp/p/tandems.xml" && ok || no "--write differs from -o"
# Loaded again, the saved tandems are shown as they were matched.
"$T" match "$tmp/p" >"$tmp/run3" 2>"$tmp/err3" && ok || no "reload failed"
cmp -s "$tmp/run1" "$tmp/run3" && ok || no "reloaded tandems differ"
grep -q 'tandems.xml:[0-9]*: warning: the tandems are fixed in this file' \
    "$tmp/err3" && ok || no "no warning about the fixed tandems"
! grep -q ': note:' "$tmp/err3" && ok || no "a 'note' level in messages"

# A failing run leaves an earlier output alone.
cp "$tmp/out.xml" "$tmp/keep.xml"
"$T" match "$TOP/tests/golden/match/pinbad" -o "$tmp/out.xml" \
    >/dev/null 2>&1
[ $? = 65 ] && ok || no "pinbad: not 65"
cmp -s "$tmp/out.xml" "$tmp/keep.xml" && ok || no "earlier output changed"

# The text overview fits 100 columns (characters, not bytes), also with
# 300-character names and the explanation.
mkdir "$tmp/long"
long=$(printf 'Nowak-Wiśniewska %.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15)
sed "s/family=\"Nowak\"/family=\"$long\"/" \
    "$TOP/tests/golden/match/unmatched/programme.xml" >"$tmp/long/programme.xml"
for d in "$TOP/content" "$TOP/tests/golden/hostile/names-300" \
    "$TOP/tests/golden/match/unmatched" "$TOP/tests/golden/match/fixed" \
    "$tmp/long"; do
	"$T" match "$d" --explain 2>/dev/null >"$tmp/wide"
	w=$(LC_ALL=C.UTF-8 wc -L <"$tmp/wide")
	[ "$w" -gt 40 ] && [ "$w" -le 100 ] && ok ||
	    no "$(basename "$d"): overview is $w columns wide"
done
# Every tandem's shared topics are still there, in full.
"$T" match "$TOP/content" 2>/dev/null >"$tmp/wide"
grep -q '^    shared topics: Karriereplanung, Vereinbarkeit von Beruf und Familie, Zeitmanagement$' \
    "$tmp/wide" && ok || no "shared topics missing from the overview"

# --explain shows why a pair is forbidden: the <forbid> line and reason.
"$T" match "$TOP/content" --explain 2>/dev/null >"$tmp/ex"
grep -q 'not with t04: the pair is forbidden (line [0-9]*: früherer Vorgesetzter' \
    "$tmp/ex" && ok || no "--explain: no forbid reason for a matched mentee"
"$T" match "$TOP/tests/golden/match/unmatched" --explain 2>/dev/null \
    >"$tmp/ex"
grep -q 'r2: the pair is forbidden (line 38: früher Vorgesetzter)' \
    "$tmp/ex" && ok || no "--explain: no forbid reason for an unmatched mentee"

# CSV cells a spreadsheet would run as formulas are guarded (leading tab
# inside quotes), as in tandem export.
mkdir "$tmp/f"
sed -e 's/given="Ada" family="Becker"/given="=HYPERLINK(1)" family="@Becker"/' \
    -e 's/>Karriere</>+49 Karriere</' \
    "$TOP/tests/golden/match/unmatched/programme.xml" >"$tmp/f/programme.xml"
"$T" match "$tmp/f" --format csv 2>/dev/null >"$tmp/f.csv"
tab=$(printf '\t')
grep -q "^Brandt (e2),Amt A,,\"$tab=HYPERLINK(1) @Becker (r1)\",Amt B,recht,\"$tab+49 Karriere\",100,\$" \
    "$tmp/f.csv" && ok || no "match --format csv: formula not guarded"
"$T" export "$tmp/f" 2>/dev/null >"$tmp/f2.csv"
grep -q "\"$tab=HYPERLINK(1)\";\"$tab@Becker\"" "$tmp/f2.csv" && ok ||
    no "export: formula not guarded"

echo "match.test: $pass passed, $fail failed"
