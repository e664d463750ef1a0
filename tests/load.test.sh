#!/bin/sh
# Loader safety and schema agreement: the billion-laughs file is rejected
# in well under a second, and schema/programme.rng (checked with xmllint)
# accepts the valid test programmes and rejects the structural golden cases,
# so the loader's own structure table and the schema say the same.
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/tests/lib.sh"
G="$TOP/tests/golden/check"
RNG="$TOP/schema/programme.rng"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "load.test: $*" >&2; }

# Billion laughs: rejected (65) in under 1 s.
tmp=$(mktemp -d)
cpu_ms "$tmp/t0"
"$TANDEM" check "$G/billion-laughs" >/dev/null 2>&1
rc=$?
cpu_ms "$tmp/t1"
ms=$(timed_ms "$tmp/t0" "$tmp/t1")
[ "$rc" = 65 ] && ok || bad "billion-laughs: exit $rc, want 65"
[ "$ms" -lt 1000 ] && ok || bad "billion-laughs took $ms ms"

# The same file given directly: still rejected, no entity expanded.
out=$("$TANDEM" check "$G/billion-laughs/programme.xml" 2>&1)
case "$out" in
*lollol*) bad "entity text in output" ;;
*DOCTYPE*) ok ;;
*) bad "billion-laughs message: $out" ;;
esac

# Hostile sizes: 100,000 unknown elements give 1000 messages and a
# summary line in under 2 s; nesting beyond 256 levels is refused.
mkdir "$tmp/wide" "$tmp/deep"
awk 'BEGIN { printf "<programme id=\"w\"><title>T</title><period start=\"2024-01-01\" end=\"2024-12-31\"/><people>\n";
	for (i = 0; i < 100000; i++) printf "<persn/>\n"; printf "</people></programme>\n" }' \
    >"$tmp/wide/programme.xml"
cpu_ms "$tmp/t0"
"$TANDEM" check "$tmp/wide" >/dev/null 2>"$tmp/err"
rc=$?
cpu_ms "$tmp/t1"
ms=$(timed_ms "$tmp/t0" "$tmp/t1")
[ "$rc" = 65 ] && ok || bad "wide: exit $rc, want 65"
[ "$ms" -lt 2000 ] && ok || bad "wide took $ms ms"
[ "$(grep -c ': error: ' "$tmp/err")" = 1001 ] && ok ||
    bad "wide: $(grep -c ': error: ' "$tmp/err") error lines"
grep -q '99001 more errors and warnings in this file not shown' "$tmp/err" && ok ||
    bad "wide: no summary line"
awk 'BEGIN { printf "<programme id=\"d\">"; for (i = 0; i < 5000; i++) printf "<a>";
	for (i = 0; i < 5000; i++) printf "</a>"; printf "</programme>\n" }' \
    >"$tmp/deep/programme.xml"
"$TANDEM" check "$tmp/deep" >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" = 65 ] && grep -q 'nested more than 256 levels deep' "$tmp/err" && ok ||
    bad "deep: exit $rc, $(cat "$tmp/err")"
rm -rf "$tmp"

if command -v xmllint >/dev/null 2>&1; then
	for f in "$TOP/tests/data/ccm/programme.xml" "$G/valid/programme.xml" \
	    "$G/warnings-only/programme.xml" "$G/warnings-only/tandems.xml" \
	    "$G/tandems-file-over-capacity/tandems.xml" \
	    "$G/dangling-org/programme.xml" "$G/end-before-start/programme.xml"; do
		if xmllint --noout --nonet --relaxng "$RNG" "$f" >/dev/null 2>&1
		then ok; else bad "schema rejects ${f#$TOP/}"; fi
	done
	for c in unknown-element unknown-attribute misplaced-element \
	    missing-programme-id missing-title missing-period \
	    missing-period-end missing-person-id missing-person-role \
	    missing-family missing-name bad-id-characters gender-invalid \
	    level-0 level-21 level-not-number capacity-21 date-feb-30 \
	    date-month-13 date-german-format kind-invalid weight-11; do
		if xmllint --noout --nonet --relaxng "$RNG" \
		    "$G/$c/programme.xml" >/dev/null 2>&1
		then bad "schema accepts $c"; else ok; fi
	done
	if xmllint --noout --nonet --relaxng "$RNG" \
	    "$G/tandems-file-bad/tandems.xml" >/dev/null 2>&1
	then bad "schema accepts tandems-file-bad"; else ok; fi
else
	bad "schema: no xmllint (run ./setup)"
fi

# Every optional attribute on 1,000 people: checked in well under 2 s
# (libxml2 once took seconds per hundred such people, see
# the note on <interleave> in schema/programme.rng). CPU time, as `times`
# reports it for children: wall time on a loaded machine says little.
big=$(mktemp -d)
awk -v n=1000 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<programme id=\"big\" lang=\"de\" kind=\"cross\" wording=\"pair\" place=\"K\">"
	print "<title>T</title><period start=\"2025-01-01\" end=\"2025-12-31\"/>"
	print "<organisations><organisation id=\"a\" short=\"A\" logo=\"a.png\">A</organisation>"
	print "<organisation id=\"b\" short=\"B\">B</organisation></organisations>"
	print "<topics><topic id=\"t1\">T1</topic><topic id=\"t2\">T2</topic></topics><people>"
	for (i = 0; i < n; i++)
		printf "<person id=\"p%d\" role=\"%s\" gender=\"f\" org=\"%s\" level=\"%d\" capacity=\"1\" field=\"IT\" topics=\"t1 t2\" wish-gender=\"f\" background=\"x\" wish-background=\"no\" languages=\"de tr\" status=\"active\"><name title=\"Dr.\" given=\"G\" family=\"F%d\"/></person>\n", i, i % 2 ? "mentor" : "mentee", i % 4 < 2 ? "a" : "b", i % 2 ? 9 : 5, i
	print "</people></programme>"
}' >"$big/programme.xml"
times >"$big/t0"	# (in this shell: a subshell starts from zero)
"$TANDEM" check "$big" >/dev/null 2>&1
rc=$?
times >"$big/t1"
ms=$(cat "$big/t0" "$big/t1" | awk 'NR == 2 || NR == 4 {
	for (k = 1; k <= 2; k++) {	# user, system: e.g. 0m0.250000s
		split($k, a, "m"); sub("s", "", a[2])
		t += (NR == 2 ? -1 : 1) * (a[1] * 60 + a[2])
	}
} END { printf "%d\n", t * 1000 }')
[ "$rc" = 0 ] && ok || bad "1,000 people with all attributes: exit $rc, want 0"
[ "$ms" -lt 2000 ] && ok ||
    bad "1,000 people with all attributes took $ms ms CPU"
rm -rf "$big"

echo "load.test: $pass passed, $fail failed"
[ "$fail" = 0 ]
