#!/bin/sh
# Hostile inputs too large (or too strange) to commit: generated here in a
# temporary folder, each run with its expected exit code, a message it must
# print and a time bound (diagnostics for bad input under 2 s).
# Prints "hostile: N passed, N failed".
TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/tests/lib.sh"
T=$(mktemp -d "${TMPDIR:-/tmp}/tandem-hostile-XXXXXX")
trap 'rm -rf "$T"' EXIT
[ -n "$KEEP" ] && trap - EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "hostile: $*" >&2; }

# Under AddressSanitizer (make asan) libxml2's RelaxNG validation, which
# copies its state per child element, turns into mmap/munmap traffic that
# grows with the square of the people: there the big cases are smaller and
# the time bounds 20 times wider.
SCALE=1 N=10000
if grep -q __asan_init "$TANDEM" 2>/dev/null; then
	SCALE=20 N=2000
fi

# expect NAME RC MAX_MS PATTERN ARGS...: run tandem ARGS (cwd $T), check
# the exit code, that stderr+stdout match the grep pattern PATTERN (empty:
# anything) and that it took at most MAX_MS milliseconds of CPU. A run is
# killed after 5 s of CPU (ulimit -t, as cmark's pathological tests), or
# 60 s in all, and fails.
expect() {
	name=$1 want=$2 max=$3 pat=$4
	shift 4
	cpu_ms "$T/.t0"
	(cd "$T" && ulimit -t $((5 * SCALE)) &&
	    exec timeout 60 "$TANDEM" "$@" >"$T/.out" 2>"$T/.err" </dev/null)
	rc=$?
	cpu_ms "$T/.t1"
	ms=$(timed_ms "$T/.t0" "$T/.t1")
	max=$((max * SCALE))
	if [ "$rc" != "$want" ]; then
		bad "$name: exit $rc, want $want: $(head -c 300 "$T/.err")"
	else
		ok
	fi
	if [ "$ms" -le "$max" ]; then ok; else bad "$name: took $ms ms of CPU (bound $max)"; fi
	if [ -n "$pat" ]; then
		if cat "$T/.err" "$T/.out" | grep -q -- "$pat"; then ok
		else bad "$name: no '$pat' in: $(head -c 300 "$T/.err")"; fi
	fi
	# Never a sanitizer report or a crash message.
	if grep -q 'Sanitizer\|runtime error\|Segmentation' "$T/.err"; then
		bad "$name: sanitizer or crash: $(head -c 300 "$T/.err")"
	else
		ok
	fi
}

# A programme with the given <people> content (read from stdin) in DIR.
mkprog() {
	mkdir -p "$T/$1"
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n'
		printf '<programme id="h" kind="internal">\n'
		printf '  <title>%s</title>\n' "${2:-Hostile}"
		printf '  <period start="2022-08-15" end="2023-11-15"/>\n'
		printf '  <people>\n'
		cat
		printf '  </people>\n</programme>\n'
	} >"$T/$1/programme.xml"
}

# N mentees and N mentors, ids m1.. and r1.., levels 3 and 9.
people() {
	awk -v n="$1" 'BEGIN {
		for (i = 1; i <= n; i++) {
			printf "    <person id=\"m%d\" role=\"mentee\" level=\"3\"><name family=\"Mentee %d\"/></person>\n", i, i
			printf "    <person id=\"r%d\" role=\"mentor\" level=\"9\"><name family=\"Mentor %d\"/></person>\n", i, i
		}
	}'
}

# 1. A FIFO with no writer as programme.xml: must not hang.
mkdir -p "$T/fifo"
if mkfifo "$T/fifo/programme.xml" 2>/dev/null; then
	expect fifo 65 2000 'the file is empty' check fifo
fi

# 2. programme.xml is /dev/zero: an endless file, refused at 64 MB.
mkdir -p "$T/zero"
ln -s /dev/zero "$T/zero/programme.xml"
expect dev-zero 65 2000 'file too large' check zero

# 3. A 70 MB (sparse) file.
mkdir -p "$T/big"
truncate -s 70M "$T/big/programme.xml"
expect file-70mb 65 2000 'file too large' check big

# 4. 10,000 nested elements inside <title>.
mkdir -p "$T/deep"
awk 'BEGIN {
	printf "<?xml version=\"1.0\"?>\n<programme id=\"h\"><title>"
	for (i = 0; i < 10000; i++) printf "<b>"
	for (i = 0; i < 10000; i++) printf "</b>"
	printf "</title><period start=\"2022-01-01\" end=\"2022-12-31\"/></programme>\n"
}' >"$T/deep/programme.xml"
expect xml-nested-10000 65 2000 'nested more than 256 levels' check deep

# 5. A 100 KB family name (one attribute) and a 10 MB title: valid.
awk 'BEGIN { s = "Ağaoğlu"; while (length(s) < 100000) s = s s
	printf "    <person id=\"m1\" role=\"mentee\"><name family=\"%s\"/></person>\n", s }' |
    mkprog longattr
expect attribute-100kb 0 2000 'h: Hostile' check longattr
awk 'BEGIN { s = "Mentoring "; while (length(s) < 10000000) s = s s; print s }' \
    >"$T/title.txt"
people 1 | mkprog longtitle "$(cat "$T/title.txt")"
expect title-10mb 0 2000 '1 mentee' check longtitle

# 6. 20,000 people (2,000 under ASan): checked, and matched, within the
#    bounds.
people $N | mkprog many
expect people-check 0 2000 "$N mentees" check many
people $((N / 5)) | mkprog some
expect people-match 0 5000 "$((N / 5)) tandems" match some

# 7. As many people with invalid ids: reported quickly, with a summary.
#    The loader reports the first 1000 problems of a pass and then one
#    summary line, so a broken file does not flood the terminal.
# Always more people than the cap (also in the smaller sanitizer run).
people $((N + 500)) | sed 's/id="m/id="..\/m/' | mkprog badids
expect bad-ids 65 2000 "person id '../m1000'" check badids
n=$(grep -c "may contain only" "$T/.err")
[ "$n" = 1000 ] && ok || bad "bad-ids: $n errors reported, want 1000"
grep -q "$((N + 500 - 1000)) more errors not shown" "$T/.err" && ok ||
    bad "bad-ids: no summary line"

# 8. One line of 10 MB (no newline) in programme.xml: a bad byte at the
#    end is still located.
mkdir -p "$T/longline"
{
	printf '<?xml version="1.0"?><programme id="h"><title>'
	head -c 10000000 /dev/zero | tr '\0' 'x'
	printf '\377</title></programme>'
} >"$T/longline/programme.xml"
expect xml-line-10mb 65 2000 'programme.xml:1:10000' check longline

# 9. Markdown: a 10 MB paragraph, one 100 KB word, 10,000 nested list
#    items and 10,000 nested block quotes in the handbook chapters.
people 1 | mkprog md
mkdir -p "$T/md/handbook"
awk 'BEGIN { s = "Mentoring verbindet Menschen. "; while (length(s) < 10000000) s = s s; print s }' \
    >"$T/md/handbook/01-para.md"
awk 'BEGIN { s = "Donaudampfschiff"; while (length(s) < 100000) s = s s; print "# Wort\n\n" s }' \
    >"$T/md/handbook/02-word.md"
awk 'BEGIN { for (i = 0; i < 10000; i++) { for (j = 0; j < i && j < 200; j++) printf "  "; print "- Punkt " i } }' \
    >"$T/md/handbook/03-list.md"
awk 'BEGIN { s = ""; for (i = 0; i < 10000; i++) s = s ">"; print s " Zitat" }' \
    >"$T/md/handbook/04-quote.md"
expect markdown-huge-check 0 2000 'h: Hostile' check md

# 10. An XML file of 1,000,000 character references (no entities).
mkdir -p "$T/refs"
{
	printf '<?xml version="1.0"?><programme id="h"><title>'
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "&#x41;&amp;&lt;&#228;&#8364;&#x1F600;&quot;&apos;&gt;&#32;" }'
	printf '</title><period start="2022-01-01" end="2022-12-31"/></programme>\n'
} >"$T/refs/programme.xml"
expect char-refs-1000000 0 2000 'h: A&<' check refs

# 11. Running heads: a 30 KB chapter heading repeated on every page, and
#     a 64 KB left text of a template's <header>; shortened in time linear
#     in the heading (each prefix used to be measured on every page: 5.7
#     and 16 s). The variant: a 16 KB heading that is one word (cut inside
#     it). Longer headings end in libharu's string limit (the outline), a
#     length to be checked where it enters.
people 1 | mkprog head
mkdir -p "$T/head/handbook"
awk 'BEGIN { s = ""; while (length(s) < 30000) s = s "Wort" length(s) % 7 " "; print "# " s "\n\nText.\n" }' \
    >"$T/head/handbook/01-head.md"
expect heading-30kb 0 2000 '' build head -o out-head --only handbook
people 1 | mkprog word
mkdir -p "$T/word/handbook"
awk 'BEGIN { s = "Donaudampfschiff"; while (length(s) < 16000) s = s s; print "# " s "\n\nText.\n" }' \
    >"$T/word/handbook/01-word.md"
expect heading-one-word-16kb 0 2000 '' build word -o out-word --only handbook
people 1 | mkprog tmplhead
mkdir -p "$T/tmplhead/handbook" "$T/tmplhead/templates"
printf '# Kapitel\n\nText.\n' >"$T/tmplhead/handbook/01.md"
awk 'BEGIN { s = ""; while (length(s) < 65536) s = s "Kopfzeile " length(s) " " }
    /<header / { sub(/left="[^"]*"/, "left=\"" s "\"") } { print }' \
    "$TOP/templates/handbook.xml" >"$T/tmplhead/templates/handbook.xml"
expect template-header-64kb 0 2000 '' build tmplhead -o out-tmpl --only handbook

# 12. Spreadsheets: 100,000 rows with one bad last row, 20,000
#     organisations, and (the variant) 20,000 topics in one column: each new
#     name used to be compared with all earlier ones (42 s, 74 s).
awk 'BEGIN { print "Vorname;Nachname;Rolle;Dienststelle;Besoldungsgruppe;Themen"
	for (i = 1; i < 100000; i++)
		printf "V%d;N%d;%s;Amt %d;A10;Thema %d\n", i, i, i % 2 ? "Mentee" : "Mentor", i % 50, i % 20
	print "X;Y;Unsinn;Amt 1;A10;" }' >"$T/rows.csv"
expect csv-100000-rows-bad-last 65 2000 'rows.csv:100001: error: unknown role' \
    import rows.csv -o rows.xml
awk 'BEGIN { print "Vorname;Nachname;Rolle;Dienststelle;Besoldungsgruppe"
	for (i = 1; i <= 20000; i++)
		printf "V%d;N%d;%s;Organisation %d;A10\n", i, i, i % 2 ? "Mentee" : "Mentor", i }' >"$T/orgs.csv"
expect csv-20000-organisations 0 2000 '' import orgs.csv -o orgs.xml
grep -q 'id="organisation-20000"' "$T/orgs.xml" && ok || bad "csv-20000-organisations: no organisation-20000"
awk 'BEGIN { print "Vorname;Nachname;Rolle;Besoldungsgruppe;Themen"
	for (i = 1; i <= 10000; i++)
		printf "V%d;N%d;%s;A10;\"Thema %d; Thema %d-b\"\n", i, i, i % 2 ? "Mentee" : "Mentor", i, i }' >"$T/topics.csv"
expect csv-20000-topics 0 2000 '' import topics.csv -o topics.xml

echo "hostile: $pass passed, $fail failed"
[ "$fail" = 0 ]
