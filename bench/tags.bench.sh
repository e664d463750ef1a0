#!/bin/sh
# The price of tagged PDF and PDF/A: for the sample handbook and
# generated 30- and 300-page handbooks, bench/pdf_handbook renders each
# three ways — "plain" (the structure calls dropped before the PDF device:
# the untagged baseline; there is no untagged mode in tandem itself),
# "tagged" (what --no-pdfa writes) and "archival" (tagged + PDF/A-1b, what
# tandem writes by default) — and this prints size and time added by
# tagging alone and by tagging + PDF/A against plain; then the same per
# separate one-page certificate (bench/pdf_certs). Targets: handbook at
# most 15 % size and time; certificate at most 5 KB and 0.5 ms per file.
# The machine may be loaded: times are best of several runs; for steady
# figures use valgrind --tool=callgrind on pdf_handbook DIR OUT 1 MODE.
BUILD=${BUILD:-build}
TOP=$(cd "$(dirname "$0")/.." && pwd)
N=${N:-300}
tmp=$(mktemp -d -p "$(test -d /dev/shm && echo /dev/shm || echo /tmp)")
trap 'rm -rf "$tmp"' EXIT
status=0

handbook() {	# handbook LABEL DIR RUNS
	"$BUILD/bench/pdf_handbook" "$2" "$tmp" "$3" >"$tmp/hb" 2>/dev/null ||
	    status=1
	awk -v l="$1" '/^handbook (plain|tagged|archival):/ {
	    m = $2; sub(":", "", m); pages = $3; t[m] = $5; b[m] = $7 }
	    END { if (t["plain"] <= 0 || b["plain"] <= 0) exit 1
	    v = b["archival"] / b["plain"] <= 1.15 ? "(size target holds)" : "(size target 15 % missed)"
	    printf "  %-16s %4d pages  plain %8d B %6.3f s | tagged %+6.1f %% size %+6.1f %% time | tagged + PDF/A %+6.1f %% size %+6.1f %% time %s\n",
	    l, pages, b["plain"], t["plain"],
	    (b["tagged"] / b["plain"] - 1) * 100,
	    (t["tagged"] / t["plain"] - 1) * 100,
	    (b["archival"] / b["plain"] - 1) * 100,
	    (t["archival"] / t["plain"] - 1) * 100, v }' "$tmp/hb" || status=1
	for m in tagged archival; do
		mutool run "$TOP/tests/tagcheck.js" "$tmp/$m.pdf" >"$tmp/tc" \
		    2>&1 || { echo "  $1 $m: $(head -2 "$tmp/tc")"; status=1; }
	done
}

handbook "sample handbook" "$TOP/content" 5
for spec in 30:11 300:115; do
	python3 "$TOP/bench/gen_handbook.py" "$tmp/h${spec%%:*}" \
	    "${spec#*:}" >/dev/null || status=1
	handbook "~${spec%%:*}-page handbook" "$tmp/h${spec%%:*}" 3
done

# One-page certificates as separate files: best of three runs each.
for kind in plain archival; do
	best=
	for run in 1 2 3; do
		rm -rf "$tmp/c"
		mkdir -p "$tmp/c"
		/usr/bin/time -f "%U %S" -o "$tmp/time" "$BUILD/bench/pdf_certs" \
		    many "$tmp/c" "$N" $kind >/dev/null || status=1
		cpu=$(awk '{ print $1 + $2 }' "$tmp/time")
		if [ -z "$best" ] || awk -v a="$cpu" -v b="$best" \
		    'BEGIN { exit !(a < b) }'; then best=$cpu; fi
	done
	echo "$best" >"$tmp/$kind.s"
	cat "$tmp"/c/*.pdf | wc -c >"$tmp/$kind.b"
done
awk -v n="$N" -v pb="$(cat "$tmp/plain.b")" -v ab="$(cat "$tmp/archival.b")" \
    -v pt="$(cat "$tmp/plain.s")" -v at="$(cat "$tmp/archival.s")" \
    'BEGIN { d = (ab - pb) / n; t = (at - pt) * 1000 / n
    v = d <= 5120 && t <= 0.5 ? "(targets hold)" : "(targets 5 KB, 0.5 ms missed)"
    printf "  certificate (separate file): plain %d B, archival %d B: %+d B and %+.3f ms (cpu) per file %s\n",
    pb / n, ab / n, d, t, v }'
exit $status
