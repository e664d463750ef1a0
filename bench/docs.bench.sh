#!/bin/sh
# The documents at scale: generates programmes of 1,000 and 10,000
# participants (bench/gen_programme.sh) and writes their certificates as
# one combined PDF and as separate files (bench/docs_bench), reporting
# time, peak memory and bytes per certificate, and checking the first and
# last file with poppler, qpdf and MuPDF. Also times `tandem build` of the
# whole sample programme. Targets (issue 5): separate files under 1 s for
# 1,000 and under 30 KB each.
BUILD=${BUILD:-build}
TOP=$(cd "$(dirname "$0")/.." && pwd)
SIZES=${SIZES:-1000 10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

report() {	# report LABEL TIMEFILE OUTDIR N
	bytes=$(find "$3" -name '*.pdf' -exec cat {} + | wc -c)
	awk -v l="$1" -v b="$bytes" -v n="$4" '/Maximum resident/ { kb = $NF }
	    /Elapsed/ { split($NF, t, ":"); wall = t[1] * 60 + t[2] }
	    /User time/ { cpu += $NF } /System time/ { cpu += $NF }
	    END { printf "  %-28s wall %6.2f s  cpu %6.2f s  peak %7d KB  %7.1f KB per certificate\n",
	    l, wall, cpu, kb, b / n / 1024 }' "$2"
}

check() {	# check FILE...
	for f in "$@"; do
		e=$( { pdftotext "$f" /dev/null; pdffonts "$f" >/dev/null
		    pdfinfo "$f" >/dev/null
		    mutool draw -q -o /dev/null -F txt "$f" >/dev/null; } 2>&1 |
		    grep -v '^warning: ICC support is not available$')
		qpdf --check "$f" >/dev/null 2>&1 || e="$e qpdf failed"
		if [ -n "$e" ]; then
			echo "  $(basename "$f"): $e"
			status=1
		fi
	done
}

/usr/bin/time -v "$BUILD/tandem" build "$TOP/content" -o "$tmp/sample" \
    2>"$tmp/time" >/dev/null || status=1
awk '/Elapsed/ { split($NF, t, ":"); wall = t[1] * 60 + t[2] }
    /User time/ { cpu += $NF } /System time/ { cpu += $NF }
    /Maximum resident/ { kb = $NF }
    END { printf "  sample programme, all kinds: wall %.2f s  cpu %.2f s  peak %d KB\n", wall, cpu, kb }' \
    "$tmp/time"

for n in $SIZES; do
	sh "$TOP/bench/gen_programme.sh" "$n" "$tmp/p$n"
	echo "  $n participants:"
	for mode in one many; do
		rm -rf "$tmp/o"
		mkdir -p "$tmp/o"
		/usr/bin/time -v "$BUILD/bench/docs_bench" $mode "$tmp/p$n" \
		    "$tmp/o" 2>"$tmp/time" || { status=1; cat "$tmp/time"; }
		if [ $mode = one ]; then
			report "one combined PDF" "$tmp/time" "$tmp/o" "$n"
			check "$tmp/o/certificates.pdf"
		else
			report "separate files ($n)" "$tmp/time" "$tmp/o" "$n"
			check $(ls "$tmp"/o/certificates/*.pdf | sed -n '1p;$p')
		fi
	done
done
exit $status
