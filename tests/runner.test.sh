#!/bin/sh
# The runner is honest: tests/run.sh over a planted tree of failing tests
# (a unit program that reports success and exits 1, a shell test that exits
# 1 at once under a name a unit program also reports, one killed by a
# signal, one without a count line) fails and counts each of them under its
# own name. Prints "runner: N passed, N failed".
TOP=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
pass=0 fail=0
trap 'rm -rf "$tmp"; echo "runner: $pass passed, $fail failed"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "runner.test.sh: $*" >&2; }

# runs NAME: run the runner over the planted tree $tmp/NAME.
runs() {
	UNIT_DIR=$tmp/$1/unit SHELL_DIR=$tmp/$1/sh GOLDEN= SKIP_TESTS= \
	    REGEN= VALGRIND= sh "$TOP/tests/run.sh" build >"$tmp/$1.out" 2>&1
	rc=$?
}
has() {	# has NAME LINE: the runner's output has LINE
	grep -qxF "$2" "$tmp/$1.out" && ok ||
	    bad "$1: no line '$2' in: $(tail -12 "$tmp/$1.out")"
}

# A tree that passes: one unit program, one shell test.
mkdir -p "$tmp/good/unit" "$tmp/good/sh"
printf '#!/bin/sh\necho "stats: 3 passed, 0 failed"\n' \
    >"$tmp/good/unit/test_stats"
chmod +x "$tmp/good/unit/test_stats"
printf 'echo "stats.test: 2 passed, 0 failed"\n' >"$tmp/good/sh/stats.test.sh"
runs good
[ "$rc" = 0 ] && ok || bad "good tree: exit $rc"
has good "5 passed, 0 failed"

# The planted failures.
mkdir -p "$tmp/bad/unit" "$tmp/bad/sh"
printf '#!/bin/sh\necho "stats: 3 passed, 0 failed"\nexit 1\n' \
    >"$tmp/bad/unit/test_stats"
printf '#!/bin/sh\necho "load: 4 passed, 0 failed"\n' \
    >"$tmp/bad/unit/test_load"
chmod +x "$tmp/bad/unit/test_stats" "$tmp/bad/unit/test_load"
printf 'exit 1\necho "stats: 9 passed, 0 failed"\n' >"$tmp/bad/sh/stats.test.sh"
printf 'echo "killed: 1 passed, 0 failed"\nkill -9 $$\n' \
    >"$tmp/bad/sh/killed.test.sh"
printf 'echo "no count line here"\n' >"$tmp/bad/sh/silent.test.sh"
printf 'echo "reports: 2 passed, 2 failed"\nexit 1\n' \
    >"$tmp/bad/sh/reports.test.sh"
runs bad
[ "$rc" != 0 ] && ok || bad "bad tree: exit 0"
has bad "unit/test_stats: 3 passed, 1 failed"
has bad "unit/test_load: 4 passed, 0 failed"
has bad "sh/stats: 0 passed, 1 failed"
has bad "sh/killed: 1 passed, 1 failed"
has bad "sh/silent: 0 passed, 1 failed"
has bad "sh/reports: 2 passed, 2 failed"
has bad "10 passed, 6 failed"
grep -q "^sh/killed: FAILED: killed by signal 9" "$tmp/bad.out" && ok ||
    bad "no line naming the signal"

# SKIP_TESTS leaves a shell test out; counted skips reach the last line.
mkdir -p "$tmp/skip/unit" "$tmp/skip/sh"
printf 'echo "opt: 1 passed, 0 failed, 2 skipped"\n' >"$tmp/skip/sh/opt.test.sh"
printf 'exit 1\n' >"$tmp/skip/sh/broken.test.sh"
UNIT_DIR=$tmp/skip/unit SHELL_DIR=$tmp/skip/sh GOLDEN= SKIP_TESTS=broken \
    REGEN= VALGRIND= sh "$TOP/tests/run.sh" build >"$tmp/skip.out" 2>&1
rc=$?
[ "$rc" = 0 ] && ok || bad "skip tree: exit $rc"
has skip "1 passed, 0 failed, 2 skipped"
