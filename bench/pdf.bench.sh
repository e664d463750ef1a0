#!/bin/sh
# The PDF device writing 1,000 certificate pages: as one file and as 1,000
# files. Prints time, peak memory and bytes per file, and checks the first
# and last files with poppler, qpdf and MuPDF.
BUILD=${BUILD:-build}
N=${N:-1000}
prog="$BUILD/bench/pdf_certs"
tmp=$(mktemp -d)
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

for mode in one many; do
	rm -f "$tmp"/*.pdf
	/usr/bin/time -v "$prog" $mode "$tmp" "$N" 2>"$tmp/time" || status=1
	awk '/Maximum resident/ { kb = $NF }
	    /User time/ { cpu += $NF } /System time/ { cpu += $NF }
	    END { printf "  cpu time: %.3f s, peak memory: %d KB\n", cpu, kb }' \
	    "$tmp/time"
	bytes=$(cat "$tmp"/*.pdf | wc -c)
	files=$(ls "$tmp"/*.pdf | wc -l)
	echo "  $files file(s), $bytes bytes, $((bytes / files)) bytes per file"
	for f in $(ls "$tmp"/*.pdf | sed -n '1p;$p'); do
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
done
exit $status
