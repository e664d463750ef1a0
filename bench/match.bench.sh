#!/bin/sh
# Benchmark of the matching core (make bench): seeded dense random score
# tables n x n (scores 0..100), one with 70 % of the pairs forbidden, and
# people with programme-like features ("struct": three organisations that
# must differ, a minimum level gap, few topics; few distinct scores, many
# ties). For each: the best of 3 runs of match_solve() (the whole library
# call: rules, scores, assignment, tie-break, explanations) with its peak
# memory; if python3-scipy is installed, SciPy's linear_sum_assignment on
# the same table of admissible scores (best of 3) and the ratio ours/SciPy.
# Times are CPU times of the process: on a shared machine wall time says
# more about the neighbours. Then `tandem match` end to end on programmes
# of bench/match_programme.py (fixed seed; three organisations that must
# differ and a minimum level gap leave about 63 % of the pairs admissible):
# 2000 + 2000 and 10,000 + 10,000 people (targets: under 3 s, under
# 500 MB), and 50,000 + 50,000, which must be refused (exit 65, more than
# the 100,000,000 admissible pairs of tandem-programme(5), Limits) quickly
# and without running out of memory.
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

printf '%-6s %-7s %-9s %-7s %-9s %-6s %s\n' n table tandem peak scipy ratio same-total
for case in "500 0" "1000 0" "2000 0" "4000 0" "4000 70" "2000 struct" \
    "4000 struct"; do
	set -- $case
	if [ "$2" = struct ]; then
		# Writing the table costs a score per pair: once, untimed.
		[ -n "$PY" ] && "$BIN" "$1" 0 1 -s -w "$tmp/t.bin" >/dev/null
		line=$(best "$BIN" "$1" 0 1 -s)
		label=struct
	else
		line=$(best "$BIN" "$1" "$2" 1 -w "$tmp/t.bin")
		label="$2%"
	fi
	t=$(echo "$line" | sed 's/.*time=\([0-9.]*\)s.*/\1/')
	peak=$(echo "$line" | sed 's/.*peak=\([0-9]*MB\).*/\1/')
	total=$(echo "$line" | sed 's/.*total=\([0-9]*\).*/\1/')
	if [ -n "$PY" ]; then
		set -- $1 $2 $("$PY" "$(dirname "$0")/match_scipy.py" "$tmp/t.bin" "$1" 3)
		ratio=$(awk -v a="$t" -v b="$3" 'BEGIN { printf "%.2f", a / b }')
		same=no; [ "$5" = "$total" ] && same=yes
		printf '%-6s %-7s %-9s %-7s %-9s %-6s %s\n' "$1" "$label" "${t}s" "$peak" "${3}s" "$ratio" "$same"
	else
		printf '%-6s %-7s %-9s %-7s\n' "$1" "$label" "${t}s" "$peak"
	fi
done

# End to end: load, validate, match and print a generated programme.
# Best of 3 by CPU time (user + system), with the wall time of that run.
pick() {	# cpu wall peak rc of the run with the least CPU time
	grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+ [0-9]+$' "$1" |
	    awk '{ printf "%.2f %s %d %s\n", $1 + $2, $3, $4 / 1024, $5 }' |
	    sort -n | head -1
}
e2e() {	# e2e N RUNS: tandem match on N + N people
	rm -rf "$tmp/prog" "$tmp/e2e" "$tmp/chk"
	mkdir -p "$tmp/prog"
	python3 "$(dirname "$0")/match_programme.py" "$1" "$tmp/prog" ||
	    return 1
	for k in $(seq "$2"); do
		/usr/bin/time -f '%U %S %e %M %x' "$TANDEM" match "$tmp/prog" \
		    >/dev/null 2>>"$tmp/e2e"
		/usr/bin/time -f '%U %S %e %M %x' "$TANDEM" check "$tmp/prog" \
		    >/dev/null 2>>"$tmp/chk"
	done
	set -- "$1" $(pick "$tmp/e2e") $(pick "$tmp/chk")
	echo "tandem match, $1 + $1 people, end to end (best of $k):" \
	    "${2}s CPU (${3}s wall), peak ${4}MB, exit $5;" \
	    "tandem check (parsing + validation only): ${6}s CPU (${7}s wall)"
	if [ "$1" = 50000 ]; then
		grep 'admissible pairs' "$tmp/e2e" | head -1 | cut -c1-300
	fi
}
if command -v python3 >/dev/null 2>&1; then
	e2e 2000 3
	e2e 10000 3
	echo "  (targets for 10000 + 10000: under 3 s, under 500 MB)"
	e2e 50000 1
else
	echo "(python3 missing: no end-to-end programme)"
fi
