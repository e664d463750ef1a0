#!/bin/sh
# make bench: runs every bench/*.bench.sh with the build folder as argument.
# Each prints its own figures (time, peak memory, sizes).
BUILD=${1:-build}
TOP=$(cd "$(dirname "$0")/.." && pwd)
export TANDEM="$TOP/$BUILD/tandem" BUILD="$TOP/$BUILD"
status=0
for b in "$TOP"/bench/*.bench.sh; do
	[ -f "$b" ] || continue
	echo "== $(basename "$b" .bench.sh)"
	sh "$b" || status=1
done
exit $status
