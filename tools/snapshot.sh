#!/bin/sh
# tools/snapshot.sh TANDEM OUTDIR: run every command of the binary TANDEM
# over the sample programme and a generated programme of each kind
# (internal, cross, partnership; bench/gen_programme.sh) with a fixed
# SOURCE_DATE_EPOCH, and keep every output, message and exit code in
# OUTDIR. For a change that should alter nothing a user sees (a
# refactoring): snapshot before and after, then `diff -r` the two folders.
set -u
T=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
OUT=$2
TOP=$(cd "$(dirname "$0")/.." && pwd)
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C
rm -rf "$OUT" && mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cp -R "$TOP/content" "$W/sample"
for k in internal cross partnership; do
	sh "$TOP/bench/gen_programme.sh" 24 "$W/$k" >/dev/null
	sed -i "s/kind=\"cross\"/kind=\"$k\"/; s/id=\"bench-24\"/id=\"gen-$k\"/" \
	    "$W/$k/programme.xml"
done
cd "$W" || exit 1
# run NAME ARGS...: stdout to NAME.out, stderr to NAME.err, exit to rc.
run() {
	n=$1
	shift
	"$T" "$@" >"$o/$n.out" 2>"$o/$n.err"
	echo "$n $?" >>"$o/rc"
}
for p in sample internal cross partnership; do
	o=$OUT/$p
	mkdir -p "$o"
	run check check $p
	run match match $p
	run explain match $p --explain
	run matchcsv match $p --format csv
	run tandems match $p -o "$o/tandems.xml"
	run build build $p -o "$o/pdf"
	run buildnoa build $p -o "$o/pdfnoa" --no-pdfa --only handbook,certificates
	run buildtext build $p -o "$o/text" --device text
	for f in txt csv pdf; do
		run stats-$f stats $p --format $f -o "$o/stats-$f"
	done
	run stats stats $p
	run export export $p -o "$o/export.csv"
	run import import "$o/export.csv" -o "$o/import.xml"
	run into import "$o/export.csv" --into $p
done
o=$OUT
run stats-all stats sample internal cross partnership
run stats-all-pdf stats sample internal cross partnership --format pdf \
    -o "$OUT/stats-all"
# Messages name the temporary folders: make them comparable.
grep -rlF -e "$W" -e "$OUT" "$OUT" | while IFS= read -r f; do
	sed -i "s#$W#W#g; s#$OUT#OUT#g" "$f"
done
