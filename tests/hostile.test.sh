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

# 5. A 100 KB family name (one attribute) and a 10 MB title: refused
#    quickly at their line, as longer than any document prints
#    (LOAD_MAX_FIELD; tests/hostile_rules.test.sh has the rest).
awk 'BEGIN { s = "Ağaoğlu"; while (length(s) < 100000) s = s s
	printf "    <person id=\"m1\" role=\"mentee\"><name family=\"%s\"/></person>\n", s }' |
    mkprog longattr
expect attribute-100kb 65 2000 'programme.xml:6: error: attribute family of <name> is [0-9]* characters long; a data field may have at most 1000' check longattr
awk 'BEGIN { s = "Mentoring "; while (length(s) < 10000000) s = s s; print s }' \
    >"$T/title.txt"
people 1 | mkprog longtitle "$(cat "$T/title.txt")"
expect title-10mb 65 2000 'programme.xml:3: error: the text of <title> is [0-9]* characters long' check longtitle

# 6. 20,000 people (2,000 under ASan): checked, and matched, within the
#    bounds.
people $N | mkprog many
expect people-check 0 2000 "$N mentees" check many
people $((N / 5)) | mkprog some
expect people-match 0 5000 "$((N / 5)) tandems" match some

# 7. As many people with invalid ids: reported quickly, with a summary.
#    The first 1000 problems of a file are printed and then one
#    summary line, so a broken file does not flood the terminal.
# Always more people than the cap (also in the smaller sanitizer run).
people $((N + 500)) | sed 's/id="m/id="..\/m/' | mkprog badids
expect bad-ids 65 2000 "person id '../m1000'" check badids
n=$(grep -c "may contain only" "$T/.err")
[ "$n" = 1000 ] && ok || bad "bad-ids: $n errors reported, want 1000"
grep -q "more errors in this file not shown" "$T/.err" && ok ||
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

# 10. An XML file of 1,000,000 character references (no entities), in
#     a title and 999 topics of 1000 characters each.
mkdir -p "$T/refs"
awk 'BEGIN { r = "&#x41;&amp;&lt;&#228;&#8364;&#x1F600;&quot;&apos;&gt;&#32;"
	for (i = 0; i < 100; i++) s = s r
	printf "<?xml version=\"1.0\"?><programme id=\"h\"><title>%s</title>", s
	printf "<period start=\"2022-01-01\" end=\"2022-12-31\"/><topics>"
	for (i = 1; i < 1000; i++) printf "<topic id=\"t%d\">%s</topic>\n", i, s
	printf "</topics></programme>\n" }' >"$T/refs/programme.xml"
expect char-refs-1000000 0 2000 'h: A&<' check refs

# 11. Files a programme folder names are read only from inside it: a
#     text, a chapter, the handbook folder or tandems.xml that is a link
#     out of the folder is refused; a logo or a Markdown image that is a
#     FIFO or a folder is left out with a warning, without hanging; a
#     logo or template logo or font named outside the folder is refused.
sample() { rm -rf "$T/$1"; cp -R "$TOP/content" "$T/$1"; }
outside() { ! grep -q 'root:' "$T/.out" && ok || bad "$1: read /etc/passwd"; }
sample lnagr
rm -f "$T/lnagr/agreement.md"
ln -s /etc/passwd "$T/lnagr/agreement.md"
expect symlink-agreement 65 2000 'agreement.md: error: cannot read: it lies outside the programme folder' \
    build lnagr --only agreements --device text -o -
outside symlink-agreement
expect symlink-agreement-check 65 2000 'agreement.md: error: cannot read: it lies outside' check lnagr
sample lncert
rm -f "$T/lncert/certificate.md"
ln -s /etc/passwd "$T/lncert/certificate.md"
expect symlink-certificate 65 2000 'certificate.md: error: cannot read: it lies outside' \
    build lncert --only certificates --device text -o -
outside symlink-certificate
sample lnrep
rm -f "$T/lnrep/report.md"
ln -s ../lnagr/report.md "$T/lnrep/report.md"
expect symlink-report-sibling 65 2000 'report.md: error: cannot read: it lies outside' check lnrep
sample lnchap
ln -s /etc/passwd "$T/lnchap/handbook/08-passwd.md"
expect symlink-chapter 65 2000 '08-passwd.md: error: cannot read: it lies outside' \
    build lnchap --only handbook --device text -o -
outside symlink-chapter
sample lnhb
rm -rf "$T/lnhb/handbook"
ln -s "$T/lnagr/handbook" "$T/lnhb/handbook"
expect symlink-handbook-folder 65 2000 'handbook: error: cannot read: it lies outside' check lnhb
expect symlink-handbook-folder-build 65 2000 'handbook: error: cannot read: it lies outside' \
    build lnhb --only handbook --device text -o -
# A link inside pointing inside is fine.
sample lnin
mv "$T/lnin/agreement.md" "$T/lnin/agreement-text.md"
ln -s agreement-text.md "$T/lnin/agreement.md"
expect symlink-inside 0 2000 '' build lnin --only agreements --device text -o -
sample lntan
"$TANDEM" match "$T/lntan" -o "$T/tandems-out.xml" >/dev/null 2>&1
ln -s "$T/tandems-out.xml" "$T/lntan/tandems.xml"
expect symlink-tandems 65 2000 'tandems.xml: error: cannot read: it lies outside' check lntan
sample fifoagr
rm -f "$T/fifoagr/agreement.md"
mkfifo "$T/fifoagr/agreement.md"
expect fifo-agreement 65 2000 'agreement.md: error: cannot read: not a regular file' check fifoagr

# Logos: a FIFO (once hung for ever), a folder, ../ out of the folder.
sample fifologo
rm -f "$T/fifologo/logos/lindenau.png"
mkfifo "$T/fifologo/logos/lindenau.png"
expect fifo-logo 0 2000 'programme.xml:15: warning: logo logos/lindenau.png .*not a regular file' check fifologo
expect fifo-logo-build 0 4000 'programme.xml:15: warning: logo logos/lindenau.png .*not a regular file' \
    build fifologo --only certificates --device text -o -
sample dirlogo
rm -f "$T/dirlogo/logos/lindenau.png"
mkdir "$T/dirlogo/logos/lindenau.png"
expect dir-logo 0 2000 'programme.xml:15: warning: logo logos/lindenau.png .*a folder' check dirlogo
sample uplogo
cp "$TOP/content/logos/ostheim.png" "$T/outside.png"
sed -i 's#logos/ostheim.png#../outside.png#' "$T/uplogo/programme.xml"
expect logo-dotdot 0 2000 "programme.xml:16: warning: logo ../outside.png of organisation 'os' lies outside the programme folder" \
    check uplogo
sample lnlogo
rm -f "$T/lnlogo/logos/ostheim.png"
ln -s "$T/outside.png" "$T/lnlogo/logos/ostheim.png"
expect logo-symlink-out 0 2000 "programme.xml:16: warning: logo logos/ostheim.png of organisation 'os' lies outside" \
    check lnlogo

# A template's logo and fonts.
tmpl() {
	mkdir -p "$T/$1/templates"
	sed "$2" "$TOP/templates/certificate.xml" >"$T/$1/templates/certificate.xml"
}
sample tlogo
tmpl tlogo 's#<colors#<logo src="'"$T"'/outside.png"/>\n  <colors#'
expect template-logo-absolute 0 2000 'certificate.xml:13: warning: logo .*outside.png: an absolute path' check tlogo
tmpl tlogo 's#<colors#<logo src="../outside.png"/>\n  <colors#'
expect template-logo-dotdot 0 2000 'certificate.xml:13: warning: logo .*outside.png lies outside the programme folder' check tlogo
mkfifo "$T/tlogo/fifo.png"
tmpl tlogo 's#<colors#<logo src="fifo.png"/>\n  <colors#'
expect template-logo-fifo 0 2000 'certificate.xml:13: warning: logo .*fifo.png: not a regular file' check tlogo
expect template-logo-fifo-build 0 4000 'certificate.xml:13: warning: logo .*fifo.png: not a regular file' \
    build tlogo --only certificates --device text -o -
sample tfont
tmpl tfont 's#family="Liberation Serif" size="12.5"#family="/etc/passwd" size="12.5"#'
expect font-absolute 65 2000 'certificate.xml:7: error: font "/etc/passwd": an absolute path' check tfont
tmpl tfont 's#family="Liberation Serif" size="12.5"#family="fonts/zero.ttf" size="12.5"#'
mkdir -p "$T/tfont/fonts"
ln -s /dev/zero "$T/tfont/fonts/zero.ttf"
expect font-dev-zero 65 2000 'certificate.xml:7: error: font "fonts/zero.ttf": it lies outside' check tfont
rm -f "$T/tfont/fonts/zero.ttf"
mkfifo "$T/tfont/fonts/zero.ttf"
expect font-fifo 65 2000 'certificate.xml:7: error: font "fonts/zero.ttf": not a regular file' \
    build tfont --only certificates --device text -o -

# A template that is a link out of the folder; a logo that is a socket.
sample lntmpl
mkdir -p "$T/lntmpl/templates"
cp "$TOP/templates/agreement.xml" "$T/agreement-out.xml"
ln -s "$T/agreement-out.xml" "$T/lntmpl/templates/agreement.xml"
expect symlink-template 65 2000 'agreement.xml: error: cannot read: it lies outside' check lntmpl
sample socklogo
rm -f "$T/socklogo/logos/lindenau.png"
if command -v python3 >/dev/null 2>&1 && python3 -c 'import socket, sys
socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$T/socklogo/logos/lindenau.png" 2>/dev/null; then
	expect socket-logo 0 2000 'programme.xml:15: warning: logo logos/lindenau.png .*not a regular file' check socklogo
fi

# A Markdown image that is a FIFO: left out at its line.
sample fifoimg
mkfifo "$T/fifoimg/fifo.png"
printf '\n![Bild](fifo.png)\n' >>"$T/fifoimg/handbook/01-willkommen.md"
expect fifo-image 0 4000 '01-willkommen.md:37: warning: image "fifo.png" left out: not a regular file' \
    build fifoimg --only handbook --device text -o -

# 12. Running heads: a 30 KB chapter heading repeated on every page, and
#     a 64 KB left text of a template's <header>; shortened in time linear
#     in the heading (each prefix used to be measured on every page: 5.7
#     and 16 s). The variant: a 16 KB heading that is one word (cut inside
#     it). Longer headings get a shortened bookmark, with a warning
#     (tests/hostile_rules.test.sh).
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

# 13. Spreadsheets: 100,000 rows with one bad last row, 20,000
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
# 20,000 tandems given in a partner column: each partner cell looked up
# every person and every tandem so far (4.4 s).
awk 'BEGIN { print "ID;Vorname;Nachname;Rolle;Besoldungsgruppe;Tandem"
	for (i = 1; i <= 20000; i++)
		printf "m%d;V%d;N%d;Mentee;A10;r%d\nr%d;W%d;M%d;Mentor;A13;m%d\n", i, i, i, i, i, i, i, i }' >"$T/pairs.csv"
expect csv-20000-tandems 0 2000 '' import pairs.csv -o pairs.xml
[ "$(grep -c '<tandem ' "$T/pairs.xml")" = 20000 ] && ok ||
    bad "csv-20000-tandems: not 20000 tandems (each named twice, kept once)"

echo "hostile: $pass passed, $fail failed"
[ "$fail" = 0 ]
