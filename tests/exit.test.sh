#!/bin/sh
# Exit codes come from the levels of the diagnostics, the worst deciding
# (tandem(1), EXIT STATUS): an input that cannot be read is 66 in build as
# in check, whatever else is wrong; usage errors are 64. Prints
# "exit: N passed, N failed".

TOP=$(cd "$(dirname "$0")/.." && pwd)
T=${TANDEM:-$TOP/build/tandem}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
export SOURCE_DATE_EPOCH=1700000000

ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "exit.test.sh: FAIL: $*" >&2; }

# want RC WHAT ARGS...: tandem ARGS exits RC.
want() {
	rc=$1 what=$2
	shift 2
	"$T" "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	[ "$got" = "$rc" ] && ok ||
	    no "$what: exit $got, want $rc: $(head -c 300 "$tmp/err")"
}

# A folder where a text should be: it cannot be read (also as root).
P=$tmp/p
cp -R "$TOP/content" "$P"
rm -f "$P/report.md"
mkdir "$P/report.md"
want 66 "build, report.md unreadable" build "$P" --only report \
    --device text -o "$tmp/o"
want 66 "check, report.md unreadable" check "$P"
grep -q 'report.md: error: cannot read' "$tmp/err" && ok ||
    no "check: no message about report.md"
rmdir "$P/report.md"
cp "$TOP/content/report.md" "$P/"

mkdir "$P/handbook/99-late.md"
want 66 "build, a handbook chapter unreadable" build "$P" --only handbook \
    --device text -o "$tmp/o"
want 66 "check, a handbook chapter unreadable" check "$P"

# Bad data as well: the unreadable input is the worse problem (the first
# found decided before: 65).
sed '0,/<programme id="[^"]*"/s//<programme id="a b"/' \
    "$TOP/content/programme.xml" >"$P/programme.xml"
want 66 "check, bad data and a chapter unreadable" check "$P"
grep -q "programme id 'a b'" "$tmp/err" && ok ||
    no "check: the data error is not reported"
rmdir "$P/handbook/99-late.md"

# Usage: options, arguments, the environment.
want 64 "no command"
want 64 "unknown command" frobnicate
want 64 "unknown option" build "$TOP/content" --frob
SOURCE_DATE_EPOCH=abc "$T" build "$TOP/content" -o "$tmp/o3" \
    >/dev/null 2>&1
got=$?
[ "$got" = 64 ] && ok || no "SOURCE_DATE_EPOCH=abc: exit $got, want 64"
[ ! -e "$tmp/o3" ] && ok || no "SOURCE_DATE_EPOCH=abc: something written"

# Success with warnings is 0.
want 0 "check of the sample (warnings only)" check "$TOP/content"

echo "exit: $pass passed, $fail failed"
[ "$fail" = 0 ]
