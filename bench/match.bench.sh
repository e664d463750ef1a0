#!/bin/sh
# Benchmark of the matching core (make bench): seeded dense random score
# tables n x n (scores 0..100), and one with 70 % of the pairs forbidden.
# For each: the best of 3 runs of match_solve() (the whole library call:
# rules, scores, assignment, tie-break, explanations) with its peak memory;
# if python3-scipy is installed, SciPy's linear_sum_assignment on the same
# table (best of 3) and the ratio ours/SciPy. Then `tandem match` end to end
# on a generated 2000 + 2000 person programme.
BUILD=${BUILD:-build}
BIN=$BUILD/bench/match_bench
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PY=
for p in /usr/bin/python3 python3; do
	if "$p" -c 'import scipy.optimize' 2>/dev/null; then PY=$p; break; fi
done
[ -n "$PY" ] || echo "(python3-scipy not installed: no SciPy comparison)"

best() {	# best of 3 runs: prints the line with the lowest time=
	for k in 1 2 3; do "$@"; done |
	    sed 's/.*time=\([0-9.]*\)s.*/\1 &/' | sort -n | head -1 | cut -d' ' -f2-
}

printf '%-6s %-6s %-9s %-7s %-9s %-6s %s\n' n forbid tandem peak scipy ratio same-total
for case in "500 0" "1000 0" "2000 0" "4000 0" "4000 70"; do
	set -- $case
	line=$(best "$BIN" "$1" "$2" 1 -w "$tmp/t.bin")
	t=$(echo "$line" | sed 's/.*time=\([0-9.]*\)s.*/\1/')
	peak=$(echo "$line" | sed 's/.*peak=\([0-9]*MB\).*/\1/')
	total=$(echo "$line" | sed 's/.*total=\([0-9]*\).*/\1/')
	if [ -n "$PY" ]; then
		set -- $1 $2 $("$PY" "$(dirname "$0")/match_scipy.py" "$tmp/t.bin" "$1" 3)
		ratio=$(awk -v a="$t" -v b="$3" 'BEGIN { printf "%.2f", a / b }')
		same=no; [ "$5" = "$total" ] && same=yes
		printf '%-6s %-6s %-9s %-7s %-9s %-6s %s\n' "$1" "$2%" "${t}s" "$peak" "${3}s" "$ratio" "$same"
	else
		printf '%-6s %-6s %-9s %-7s\n' "$1" "$2%" "${t}s" "$peak"
	fi
done

# End to end: load, validate, match and print a 2000 + 2000 programme.
mkdir -p "$tmp/prog"
if python3 "$(dirname "$0")/match_programme.py" 2000 "$tmp/prog" 2>/dev/null; then
	"$TANDEM" check "$tmp/prog" >/dev/null 2>&1
	for k in 1 2 3; do
		/usr/bin/time -f '%e %M' "$TANDEM" match "$tmp/prog" \
		    >/dev/null 2>>"$tmp/e2e" || echo "tandem match failed" >&2
	done
	for k in 1 2 3; do
		/usr/bin/time -f '%e %M' "$TANDEM" check "$tmp/prog" \
		    >/dev/null 2>>"$tmp/chk"
	done
	m=$(grep -E '^[0-9.]+ [0-9]+$' "$tmp/e2e" | sort -n | head -1)
	c=$(grep -E '^[0-9.]+ [0-9]+$' "$tmp/chk" | sort -n | head -1)
	echo "tandem match, 2000 + 2000 people, end to end (best of 3):" \
	    "${m% *}s, peak $(( ${m#* } / 1024 ))MB;" \
	    "tandem check (parsing + validation only): ${c% *}s"
else
	echo "(python3 missing: no end-to-end programme)"
fi
