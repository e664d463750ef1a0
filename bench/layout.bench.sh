#!/bin/sh
# Handbook rendering: CPU time (user + system: the machine may be shared,
# wall time is noise) and peak memory to build a 30- and a 300-page
# handbook of generated German text (lists, quotes, emphasis) as users get
# it (tagged, PDF/A) and without PDF/A, the cost per page, the layout
# engine alone (bench/layout_bench), and the evenness of justified text.
# Issue #3's target: the 300-page handbook in under 0.3 s CPU, cost linear
# in pages, peak memory under 100 MB.
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
BENCH=$(cd "$(dirname "$0")" && pwd)
RUNS=${RUNS:-5}

# best CPU seconds and the peak RSS (MB) of RUNS builds: "SECONDS MB"
build_cpu() {
	best= mb=0
	for i in $(seq "$RUNS"); do
		/usr/bin/time -f "%U %S %M" -o "$T/time" "$TANDEM" build "$@" \
		    --only handbook 2>/dev/null >/dev/null
		set -- "$@"
		s=$(awk '{ printf "%.2f", $1 + $2 }' "$T/time")
		m=$(awk '{ printf "%d", $3 / 1024 }' "$T/time")
		if [ -z "$best" ] || awk "BEGIN { exit !($s < $best) }"; then
			best=$s
		fi
		[ "$m" -gt "$mb" ] && mb=$m
	done
	echo "$best $mb"
}

for spec in 30:11 300:115; do
	pages=${spec%%:*} chapters=${spec#*:}
	python3 "$BENCH/gen_handbook.py" "$T/h$pages" "$chapters"
	set -- $(build_cpu "$T/h$pages" -o "$T/out$pages")
	cpu=$1 mb=$2
	set -- $(build_cpu "$T/h$pages" -o "$T/nopdfa$pages" --no-pdfa)
	n=$(pdfinfo "$T/out$pages/handbook.pdf" | awk '/^Pages:/ {print $2}')
	eval "cpu$pages=$cpu pages$pages=$n mb$pages=$mb"
	echo "handbook ~$pages pages: $n pages, $cpu s CPU (--no-pdfa $1 s)," \
	    "peak $mb MB, $(($(wc -c <"$T/out$pages/handbook.pdf") / 1024)) KB," \
	    "$(awk "BEGIN { printf \"%.2f\", 1000 * $cpu / $n }") ms/page"
	"$BUILD/bench/layout_bench" "$T/h$pages" 5
done
python3 "$BENCH/gaps.py" "$T/out30/handbook.pdf"
awk -v c30="$cpu30" -v p30="$pages30" -v c300="$cpu300" -v p300="$pages300" \
    -v mb="$mb300" 'BEGIN {
	r = (c300 / p300) / (c30 / p30)
	printf "per page: %.2f ms at 30 pages, %.2f ms at 300, each added " \
	    "page %.2f ms (start-up cost spread over fewer pages at 30)\n",
	    1000 * c30 / p30, 1000 * c300 / p300,
	    1000 * (c300 - c30) / (p300 - p30)
	printf "target 0.3 s for 300 pages: %s (%.2f s CPU); peak memory " \
	    "under 100 MB: %s (%d MB)\n", c300 < 0.3 ? "met" : "MISSED",
	    c300, mb < 100 ? "met" : "MISSED", mb
}'
