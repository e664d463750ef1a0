#!/bin/sh
# The documents at scale: generates programmes of 1,000 and 10,000
# participants (bench/gen_programme.sh) and writes their certificates as
# one combined PDF and as separate files (bench/docs_bench), archival (tags
# + PDF/A-1b, what tandem writes) and plain (--no-pdfa). Reports CPU and
# wall time, peak memory and bytes per certificate, what archival costs
# per separate file, checks the first and last file with poppler, qpdf and
# MuPDF, and says whether the targets of issues 5 and 9 hold:
#   separate files: 1,000 in under 1 s CPU, each under 30 KB;
#   combined file: within 1.5x the CPU time of a bare libharu program
#     writing the same number of certificate pages with the same content
#     (bench/pdf_bare.c with the programme's logos: frame, logos, text,
#     signatures); the ratio to a bare page of text lines alone is
#     printed too; the issue's figures, and so these two time targets,
#     are for 1,000 certificates;
#   archival: at most 5 KB and 0.5 ms per separate certificate file.
# Also times `tandem build` of the whole sample programme. CPU time, not
# wall time, is what the verdicts use: the machine may be shared.
BUILD=${BUILD:-build}
TOP=$(cd "$(dirname "$0")/.." && pwd)
SIZES=${SIZES:-1000 10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# field FILE NAME: cpu (s), wall (s) or kb (peak) from /usr/bin/time -v.
field() {
	awk -v f="$2" '/Maximum resident/ { kb = $NF }
	    /Elapsed/ { split($NF, t, ":"); wall = t[1] * 60 + t[2] }
	    /User time/ { cpu += $NF } /System time/ { cpu += $NF }
	    END { if (f == "cpu") print cpu; else if (f == "wall") print wall
	    else print kb }' "$1"
}

report() {	# report LABEL TIMEFILE OUTDIR N
	bytes=$(find "$3" -name '*.pdf' -exec cat {} + | wc -c)
	echo "$bytes" >"$tmp/bytes"
	printf "  %-30s cpu %6.2f s  wall %6.2f s  peak %7d KB  %7.1f KB per certificate\n" \
	    "$1" "$(field "$2" cpu)" "$(field "$2" wall)" "$(field "$2" kb)" \
	    "$(echo "$bytes $4" | awk '{ print $1 / $2 / 1024 }')"
}

# verdict TEXT CONDITION(awk expression, true = holds); nothing holds
# once a run has failed.
verdict() {
	if [ $status -ne 0 ]; then
		echo "  target: $1: not measured (a run failed)"
	elif awk "BEGIN { exit !($2) }"; then
		echo "  target: $1: holds"
	else
		echo "  target: $1: MISSED"
	fi
}

check() {	# check FILE...: all pages of small files, 3 of big ones
	for f in "$@"; do
		np=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
		r=""
		[ "${np:-0}" -gt 20 ] && r="-f 1 -l 3"
		e=$( { pdftotext $r "$f" /dev/null; pdffonts $r "$f" >/dev/null
		    pdfinfo "$f" >/dev/null
		    mutool draw -q -o /dev/null -F txt "$f" \
		    ${r:+1-3,$np} >/dev/null; } 2>&1 |
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
printf "  sample programme, all kinds: cpu %.2f s  wall %.2f s  peak %d KB\n" \
    "$(field "$tmp/time" cpu)" "$(field "$tmp/time" wall)" \
    "$(field "$tmp/time" kb)"

for n in $SIZES; do
	sh "$TOP/bench/gen_programme.sh" "$n" "$tmp/p$n"
	echo "  $n participants:"
	/usr/bin/time -v "$BUILD/bench/pdf_bare" "$tmp/bare.pdf" "$n" \
	    2>"$tmp/time" >/dev/null || status=1
	lean=$(field "$tmp/time" cpu)
	printf "  %-30s cpu %6.2f s  %7.1f KB per page\n" \
	    "bare libharu, text lines" "$lean" \
	    "$(wc -c <"$tmp/bare.pdf" | awk -v n="$n" '{ print $1 / n / 1024 }')"
	/usr/bin/time -v "$BUILD/bench/pdf_bare" "$tmp/bare.pdf" "$n" \
	    "$tmp/p$n"/logos/*.png 2>"$tmp/time" >/dev/null || status=1
	bare=$(field "$tmp/time" cpu)
	printf "  %-30s cpu %6.2f s  %7.1f KB per page\n" \
	    "bare libharu, same content" "$bare" \
	    "$(wc -c <"$tmp/bare.pdf" | awk -v n="$n" '{ print $1 / n / 1024 }')"
	rm -f "$tmp/bare.pdf"
	for kind in archival plain; do
	for mode in one many; do
		rm -rf "$tmp/o"
		mkdir -p "$tmp/o"
		arg=""
		[ $kind = plain ] && arg=plain
		/usr/bin/time -v "$BUILD/bench/docs_bench" $mode "$tmp/p$n" \
		    "$tmp/o" $arg 2>"$tmp/time" ||
		    { status=1; cat "$tmp/time"; }
		cpu=$(field "$tmp/time" cpu)
		echo "$cpu" >"$tmp/$kind-$mode.cpu"
		if [ $mode = one ]; then
			report "one combined PDF, $kind" "$tmp/time" "$tmp/o" "$n"
			[ $kind = archival ] && check "$tmp/o/certificates.pdf"
		else
			report "separate files, $kind" "$tmp/time" "$tmp/o" "$n"
			[ $kind = archival ] &&
			    check $(ls "$tmp"/o/certificates/*.pdf | sed -n '1p;$p')
		fi
		cp "$tmp/bytes" "$tmp/$kind-$mode.bytes"
	done
	done
	ab=$(cat "$tmp/archival-many.bytes")
	pb=$(cat "$tmp/plain-many.bytes")
	ac=$(cat "$tmp/archival-many.cpu")
	pc=$(cat "$tmp/plain-many.cpu")
	oc=$(cat "$tmp/archival-one.cpu")
	opc=$(cat "$tmp/plain-one.cpu")
	awk -v ab="$ab" -v pb="$pb" -v ac="$ac" -v pc="$pc" -v n="$n" \
	    'BEGIN { printf "  archival (PDF/A) costs %d bytes and %.3f ms " \
	    "per separate file\n", (ab - pb) / n, (ac - pc) * 1000 / n }'
	awk -v oc="$oc" -v opc="$opc" -v b="$bare" -v l="$lean" 'BEGIN {
	    printf "  combined vs bare libharu, same content: %.2fx archival, " \
	    "%.2fx plain (CPU; tandem also loads and lays out the " \
	    "programme)\n", oc / b, opc / b
	    printf "  combined vs bare libharu, text lines only: %.2fx " \
	    "archival\n", oc / l }'
	verdict "separate files under 30 KB each" "$ab / $n < 30 * 1024"
	[ "$n" -le 1000 ] && verdict "$n separate files in under 1 s CPU" \
	    "$ac < 1.0 * $n / 1000"
	[ "$n" -le 1000 ] &&
	    verdict "combined within 1.5x bare libharu (same content)" \
	    "$oc <= 1.5 * $bare"
	verdict "archival at most 5 KB per file" "($ab - $pb) / $n <= 5 * 1024"
	verdict "archival at most 0.5 ms per file" \
	    "($ac - $pc) * 1000 / $n <= 0.5"
done
exit $status
