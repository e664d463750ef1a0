#!/bin/sh
# The PDF device writing 1,000 certificate pages: as one file and as 1,000
# files, plain and archival (tagged PDF + PDF/A-1b, what tandem writes).
# Prints time, peak memory and bytes per file, the cost of archival per
# file, and checks the first and last files with poppler, qpdf and MuPDF
# (and the archival ones with tests/tagcheck.js).
BUILD=${BUILD:-build}
N=${N:-1000}
prog="$BUILD/bench/pdf_certs"
tmp=$(mktemp -d -p "$(test -d /dev/shm && echo /dev/shm || echo /tmp)")
trap 'rm -rf "$tmp"' EXIT
status=0

/usr/bin/time -v "$BUILD/bench/pdf_bare" "$tmp/bare.pdf" "$N" 2>"$tmp/time" ||
    status=1
awk '/Maximum resident/ { kb = $NF }
    /User time/ { cpu += $NF } /System time/ { cpu += $NF }
    END { printf "  cpu time: %.3f s, peak memory: %d KB\n", cpu, kb }' \
    "$tmp/time"
echo "  1 file, $(wc -c <"$tmp/bare.pdf") bytes"
rm -f "$tmp/bare.pdf"

TOP=$(cd "$(dirname "$0")/.." && pwd)
for kind in plain archival; do
for mode in one many; do
	# The best of three runs: file system noise is larger than the
	# difference measured.
	for run in 1 2 3; do
		rm -f "$tmp"/*.pdf
		/usr/bin/time -v "$prog" $mode "$tmp" "$N" $kind \
		    2>"$tmp/time" >"$tmp/wall.$run" || status=1
	done
	sort -n -k 7 "$tmp"/wall.? | head -1
	sort -n -k 7 "$tmp"/wall.? | head -1 | awk '{ print $(NF - 1) }' \
	    >"$tmp/$kind-$mode.s"
	awk '/Maximum resident/ { kb = $NF }
	    /User time/ { cpu += $NF } /System time/ { cpu += $NF }
	    END { printf "  cpu time: %.3f s, peak memory: %d KB\n", cpu, kb }' \
	    "$tmp/time"
	bytes=$(cat "$tmp"/*.pdf | wc -c)
	files=$(ls "$tmp"/*.pdf | wc -l)
	echo "  $files file(s), $bytes bytes, $((bytes / files)) bytes per file"
	echo "$((bytes / files))" >"$tmp/$kind-$mode.b"
	for f in $(ls "$tmp"/*.pdf | sed -n '1p;$p'); do
		e=$( { pdftotext "$f" /dev/null; pdffonts "$f" >/dev/null
		    pdfinfo "$f" >/dev/null
		    mutool draw -q -o /dev/null -F txt "$f" >/dev/null; } 2>&1 |
		    grep -v '^warning: ICC support is not available$')
		qpdf --check "$f" >/dev/null 2>&1 || e="$e qpdf failed"
		[ $kind = plain ] || mutool run "$TOP/tests/tagcheck.js" "$f" \
		    >"$tmp/tc" 2>&1 || e="$e $(head -2 "$tmp/tc")"
		if [ -n "$e" ]; then
			echo "  $(basename "$f"): $e"
			status=1
		fi
	done
done
done
# The price of tagging + PDF/A per separate certificate file.
awk -v n="$N" -v pb="$(cat "$tmp/plain-many.b")" \
    -v ab="$(cat "$tmp/archival-many.b")" \
    -v pt="$(cat "$tmp/plain-many.s")" -v at="$(cat "$tmp/archival-many.s")" \
    'BEGIN { printf "  archival costs %d bytes and %.3f ms per certificate " \
    "file (targets: 5 KB, 0.5 ms)\n", ab - pb, (at - pt) * 1000 / n }'
# The handbook of the sample programme and a generated ~300-page one:
# plain (structure calls dropped) vs tagged vs tagged + PDF/A.
TOP=$(cd "$(dirname "$0")/.." && pwd)
"$BUILD/bench/pdf_handbook" "$TOP/content" "$tmp" 5 || status=1
if command -v python3 >/dev/null; then
	python3 "$TOP/bench/gen_handbook.py" "$tmp/h300" 115 >/dev/null &&
	    "$BUILD/bench/pdf_handbook" "$tmp/h300" "$tmp" 3 2>/dev/null ||
	    status=1
fi
exit $status
