#!/bin/sh
# The test runner: unit programs, golden command-line cases and shell tests.
# Each test prints one or more lines "NAME: N passed, N failed" on stdout
# (", N skipped" may follow, for what the README calls optional). Each test
# is judged on its own, by its lines and its exit status: the runner prints
# its output, then its total under a name that identifies its file
# (unit/test_stats, golden, sh/stats). A test that exits non-zero without
# reporting a failure, is killed by a signal, or prints no count line counts
# one failure more. The last line is "N passed, N failed" (", N skipped"
# when some were); exit status 1 if anything failed.
#
# usage: tests/run.sh BUILD [golden]
#   REGEN=1   regenerate the stored expected files: run only the golden
#             cases and the shell tests that honour REGEN (those comparing
#             a stored file, as the structure dumps tests/data/pdf/*.struct);
#             each shows its differences, then overwrites the expected file
#   VALGRIND=1 run the unit programs and golden cases under valgrind (errors
#             and leaks fail), without the shell tests
#   SKIP_TESTS="a b" leave out the shell tests tests/a.test.sh, tests/b.test.sh
#   UNIT_DIR, SHELL_DIR, GOLDEN: where the unit programs (test_*), the shell
#             tests (*.test.sh) and the golden script are; GOLDEN= (empty)
#             runs none. The defaults are the tree's own; tests/runner.test.sh
#             points them at a planted tree.

BUILD=${1:-build}
ONLY=$2
TOP=$(cd "$(dirname "$0")/.." && pwd)
UNIT_DIR=${UNIT_DIR-$TOP/$BUILD/tests/unit}
SHELL_DIR=${SHELL_DIR-$TOP/tests}
GOLDEN=${GOLDEN-$TOP/tests/golden.sh}
export TANDEM="$TOP/$BUILD/tandem"
export LC_ALL=C SOURCE_DATE_EPOCH=1700000000
out=$(mktemp)
trap 'rm -f "$out"' EXIT
pass=0 fail=0 skip=0

# judge NAME RC: print the output of the test just run (in $out) and its
# total under NAME, and add it to the suite's counts.
judge() {
	set -- "$1" "$2" $(awk '
	/: [0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$/ {
		n++; s = $0; sub(/.*: /, "", s); split(s, w, " ")
		p += w[1]; f += w[3]; k += w[5]
	} END { printf "%d %d %d %d\n", n, p, f, k }' "$out")
	# $3 count lines, $4 passed, $5 failed, $6 skipped; the test's other
	# lines as they are, its count lines summed up in the one below.
	grep -Ev ': [0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$out"
	why=
	if [ "$3" = 0 ]; then
		why="no count line"
	elif [ "$2" -gt 128 ]; then
		why="killed by signal $(($2 - 128))"
	elif [ "$2" != 0 ] && [ "$5" = 0 ]; then
		why="exit status $2 without a reported failure"
	fi
	f=$5
	if [ -n "$why" ]; then
		f=$((f + 1))
		echo "$1: FAILED: $why (exit status $2)"
	fi
	if [ "$6" != 0 ]; then
		echo "$1: $4 passed, $f failed, $6 skipped"
	else
		echo "$1: $4 passed, $f failed"
	fi
	pass=$((pass + $4)) fail=$((fail + f)) skip=$((skip + $6))
}

if [ -z "$ONLY" ] && [ -z "$REGEN" ]; then
	for t in "$UNIT_DIR"/test_*; do
		[ -x "$t" ] || continue
		case "$t" in *.o|*.d) continue;; esac
		if [ -n "$VALGRIND" ]; then
			valgrind -q --error-exitcode=1 --leak-check=full \
			    --errors-for-leak-kinds=definite "$t" >"$out"
		else
			"$t" >"$out"
		fi
		judge "unit/$(basename "$t")" $?
	done
fi

if [ -n "$GOLDEN" ]; then
	sh "$GOLDEN" >"$out"
	judge golden $?
fi

# The shell tests do not run under valgrind: VALGRIND=1 leaves them out
# (make check runs them).
if [ -z "$ONLY" ] && [ -z "$VALGRIND" ]; then
	for t in "$SHELL_DIR"/*.test.sh; do
		[ -f "$t" ] || continue
		case " $SKIP_TESTS " in
		*" $(basename "$t" .test.sh) "*) continue;;
		esac
		[ -z "$REGEN" ] || grep -q REGEN "$t" || continue
		sh "$t" >"$out"
		judge "sh/$(basename "$t" .test.sh)" $?
	done
fi

if [ "$skip" != 0 ]; then
	echo "$pass passed, $fail failed, $skip skipped"
else
	echo "$pass passed, $fail failed"
fi
[ "$fail" = 0 ] && [ "$pass" != 0 ]
