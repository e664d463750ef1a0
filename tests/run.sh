#!/bin/sh
# The test runner: unit programs, golden command-line cases and shell tests.
# Every part prints lines "NAME: N passed, N failed"; this script adds them
# up and ends with the total line. Exit status 1 if anything failed.
#
# usage: tests/run.sh BUILD [golden]
#   REGEN=1   show each golden difference, then overwrite the expected file
#   VALGRIND=1 run the unit programs and golden cases under valgrind (errors
#             and leaks fail), without the shell tests
#   SKIP_TESTS="a b" leave out the shell tests tests/a.test.sh, tests/b.test.sh

BUILD=${1:-build}
ONLY=$2
TOP=$(cd "$(dirname "$0")/.." && pwd)
export TANDEM="$TOP/$BUILD/tandem"
export LC_ALL=C SOURCE_DATE_EPOCH=1700000000
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if [ -z "$ONLY" ]; then
	for t in "$TOP/$BUILD"/tests/unit/test_*; do
		[ -x "$t" ] || continue
		case "$t" in *.o|*.d) continue;; esac
		if [ -n "$VALGRIND" ]; then
			valgrind -q --error-exitcode=1 --leak-check=full \
			    --errors-for-leak-kinds=definite "$t" >>"$log" ||
			    echo "$(basename "$t"): 0 passed, 1 failed" >>"$log"
		else
			"$t" >>"$log" ||
			    grep -q "^$(basename "$t" | sed 's/^test_//'): " "$log" ||
			    echo "$(basename "$t"): 0 passed, 1 failed" >>"$log"
		fi
	done
fi

sh "$TOP/tests/golden.sh" >>"$log"

# The shell tests do not run under valgrind: VALGRIND=1 leaves them out
# (make check runs them).
if [ -z "$ONLY" ] && [ -z "$VALGRIND" ]; then
	for t in "$TOP"/tests/*.test.sh; do
		[ -f "$t" ] || continue
		case " $SKIP_TESTS " in
		*" $(basename "$t" .test.sh) "*) continue;;
		esac
		sh "$t" >>"$log" ||
		    grep -q "^$(basename "$t" .test.sh): " "$log" ||
		    echo "$(basename "$t" .test.sh): 0 passed, 1 failed" >>"$log"
	done
fi

cat "$log"
awk '/: [0-9]+ passed, [0-9]+ failed$/ {
	p += $(NF-3); f += $(NF-1)
} END {
	printf "%d passed, %d failed\n", p, f
	exit f != 0 || p == 0
}' "$log"
