#!/bin/sh
# Handbook rendering: time and peak memory for a 30- and a 300-page
# handbook of generated German text (lists, quotes, emphasis), the layout
# engine alone (bench/layout_bench), and the evenness of justified text.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
BENCH=$(cd "$(dirname "$0")" && pwd)
for spec in 30:11 300:115; do
	pages=${spec%%:*} chapters=${spec#*:}
	python3 "$BENCH/gen_handbook.py" "$T/h$pages" "$chapters"
	/usr/bin/time -f "%e %M" -o "$T/time" "$TANDEM" build "$T/h$pages" \
	    --only handbook -o "$T/out$pages" 2>/dev/null
	set -- $(cat "$T/time")
	n=$(pdfinfo "$T/out$pages/handbook.pdf" | awk '/^Pages:/ {print $2}')
	echo "handbook ~$pages pages: $n pages, $1 s, peak $(($2 / 1024)) MB," \
	    "$(($(wc -c <"$T/out$pages/handbook.pdf") / 1024)) KB"
	"$BUILD/bench/layout_bench" "$T/h$pages" 5
done
python3 "$BENCH/gaps.py" "$T/out30/handbook.pdf"
