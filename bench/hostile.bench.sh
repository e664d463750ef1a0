#!/bin/sh
# The cost of the largest inputs of the hostile suite that used to grow
# with the square of their size: CPU seconds and peak memory of one run
# each (GNU time). Before the linear versions: 30 KB running head 5.7 s,
# 64 KB template header 16.4 s, 1 MB heading over 60 s and 633 MB,
# 100,000-row sheet 15-42 s, 20,000 organisations 74-130 s, 20,000
# tandems in a partner column 4.4 s, 90,000 <forbid> 9.1 s CPU
# (libxml2's RelaxNG validation of <matching>; now 0.35 s, those children
# checked by the element table alone).
TANDEM=${TANDEM:-build/tandem}
T=$(mktemp -d "${TMPDIR:-/tmp}/tandem-bench-XXXXXX")
trap 'rm -rf "$T"' EXIT
[ -x /usr/bin/time ] || { echo "  (no /usr/bin/time: skipped)"; exit 0; }
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C

# cost LABEL ARGS...: run tandem ARGS in $T and print its CPU and memory.
cost() {
	label=$1
	shift
	(cd "$T" && /usr/bin/time -f "%U %S %M" -o "$T/.time" "$TANDEM" "$@" \
	    >/dev/null 2>&1)
	awk -v l="$label" 'NF == 3 && $1 ~ /^[0-9.]+$/ { printf "  %-40s %6.2f s CPU %7.1f MB\n", l,
	    $1 + $2, $3 / 1024 }' "$T/.time"
}

mkdir -p "$T/head/handbook"
cp "$(dirname "$0")/../content/programme.xml" "$T/head/"
# Written piece by piece: building the string in mawk copies it each time
# (minutes for 1 MB).
awk 'BEGIN { printf "# "; for (n = 0; n < 1000000; n += 6) printf "Wort%d ", n % 7; print "\n\nText.\n" }' \
    >"$T/head/handbook/01.md"
cost "handbook, 1 MB chapter heading" build head -o out --only handbook
awk 'BEGIN { print "Vorname;Nachname;Rolle;Dienststelle;Besoldungsgruppe;Themen"
	for (i = 1; i < 100000; i++)
		printf "V%d;N%d;%s;Amt %d;A10;Thema %d\n", i, i, i % 2 ? "Mentee" : "Mentor", i % 50, i % 20
	print "X;Y;Unsinn;Amt 1;A10;" }' >"$T/rows.csv"
cost "import, 100,000 rows, bad last row" import rows.csv -o rows.xml
awk 'BEGIN { print "Vorname;Nachname;Rolle;Dienststelle;Besoldungsgruppe"
	for (i = 1; i <= 20000; i++)
		printf "V%d;N%d;%s;Organisation %d;A10\n", i, i, i % 2 ? "Mentee" : "Mentor", i }' >"$T/orgs.csv"
cost "import, 20,000 organisations" import orgs.csv -o orgs.xml
awk 'BEGIN { print "ID;Vorname;Nachname;Rolle;Besoldungsgruppe;Tandem"
	for (i = 1; i <= 20000; i++)
		printf "m%d;V%d;N%d;Mentee;A10;r%d\nr%d;W%d;M%d;Mentor;A13;m%d\n", i, i, i, i, i, i, i, i }' >"$T/pairs.csv"
cost "import, 20,000 tandems (partner column)" import pairs.csv -o pairs.xml
mkdir -p "$T/forbid"
awk 'BEGIN { print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<programme id=\"h\" kind=\"internal\">\n  <title>F</title>\n  <period start=\"2022-08-15\" end=\"2023-11-15\"/>\n  <people>"
	for (i = 1; i <= 300; i++)
		printf "    <person id=\"m%d\" role=\"mentee\" level=\"3\"><name family=\"E %d\"/></person>\n    <person id=\"r%d\" role=\"mentor\" level=\"9\"><name family=\"R %d\"/></person>\n", i, i, i, i
	print "  </people>\n  <matching>"
	for (i = 1; i <= 300; i++)
		for (j = 1; j <= 300; j++)
			printf "    <forbid mentee=\"m%d\" mentor=\"r%d\"/>\n", i, j
	print "  </matching>\n</programme>" }' >"$T/forbid/programme.xml"
cost "check, 90,000 <forbid>" check forbid
