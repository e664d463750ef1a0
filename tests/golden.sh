#!/bin/sh
# Golden command-line tests. A case is tests/golden/SUITE/NAME.args: the
# arguments of one tandem run, one per line, run inside tests/golden/SUITE.
# Beside it NAME.rc (exit code), NAME.err (stderr) and NAME.out (stdout)
# are compared exactly; a missing .err or .out means "must be empty".
# REGEN=1 shows each difference and then overwrites the expected files.

TOP=$(cd "$(dirname "$0")/.." && pwd)
pass=0 fail=0
got=$(mktemp -d)
trap 'rm -rf "$got"' EXIT

for args in "$TOP"/tests/golden/*/*.args; do
	[ -f "$args" ] || continue
	dir=$(dirname "$args")
	name=$(basename "$args" .args)
	# Read the arguments, one per line, into "$@".
	set --
	while IFS= read -r a || [ -n "$a" ]; do set -- "$@" "$a"; done <"$args"
	if [ -n "$VALGRIND" ]; then
		(cd "$dir" && valgrind -q --error-exitcode=99 --leak-check=full \
		    --errors-for-leak-kinds=definite "$TANDEM" "$@" \
		    >"$got/out" 2>"$got/err" </dev/null)
		rc=$?
		[ $rc = 99 ] && { echo "golden: $name: valgrind error" >&2; }
	else
		(cd "$dir" && timeout 60 "$TANDEM" "$@" \
		    >"$got/out" 2>"$got/err" </dev/null)
		rc=$?
	fi
	echo "$rc" >"$got/rc"
	ok=1
	for ext in rc err out; do
		want="$dir/$name.$ext"
		[ -f "$want" ] || want=/dev/null
		if ! cmp -s "$want" "$got/$ext"; then
			if [ -n "$REGEN" ]; then
				diff -u "$want" "$got/$ext"
				if [ -s "$got/$ext" ] || [ "$ext" = rc ]; then
					cp "$got/$ext" "$dir/$name.$ext"
				else
					rm -f "$dir/$name.$ext"
				fi
			else
				echo "golden: ${dir#$TOP/}/$name.$ext differs:" >&2
				diff -u "$want" "$got/$ext" | head -20 >&2
				ok=0
			fi
		fi
	done
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "golden: $pass passed, $fail failed"
