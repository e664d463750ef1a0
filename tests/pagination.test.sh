#!/bin/sh
# Pagination and page furniture as readers see them in the PDFs: report
# charts on the page of their section heading, the handbook's participant
# table repeating its organisation's row on continuation pages, running
# heads, the title page and the schedule's dates. Prints
# "pagination: N passed, N failed".

TOP=$(cd "$(dirname "$0")/.." && pwd)
export LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1700000000
pass=0 fail=0
tmp=$(mktemp -d)
trap '[ -n "$KEEP" ] || rm -rf "$tmp"; echo "pagination: $pass passed, $fail failed"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "pagination.test.sh: $*" >&2; }

# page_of PDF TEXT: the first page with a line that is exactly TEXT.
page_of() {
	n=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	p=1
	while [ "$p" -le "${n:-0}" ]; do
		if pdftotext -f "$p" -l "$p" "$1" - 2>/dev/null |
		    grep -qxF -- "$2"; then
			echo "$p"
			return
		fi
		p=$((p + 1))
	done
	echo 0
}

# same_page NAME PDF HEADING CHART: the chart's title on the heading's page.
same_page() {
	a=$(page_of "$2" "$3")
	b=$(page_of "$2" "$4")
	if [ "$a" != 0 ] && [ "$a" = "$b" ]; then ok; else
		bad "$1: '$3' on page $a, '$4' on page $b"
	fi
}

de=$tmp/de en=$tmp/en
"$TANDEM" build "$TOP/content" -o "$de" --only report,handbook,tandems \
    2>/dev/null && ok || bad "build content failed"
"$TANDEM" build "$TOP/tests/golden/docs/english" -o "$en" \
    --only report,handbook,tandems 2>/dev/null && ok ||
    bad "build english failed"

# 1. Report: every chart with its section heading.
same_page report "$de/report.pdf" "Das Programm im Überblick" \
    "Teilnehmende nach Rolle und Geschlecht"
same_page report "$de/report.pdf" "Zufriedenheit" \
    "Zufriedenheit (1 = gar nicht, 5 = sehr zufrieden)"
same_page report "$de/report.pdf" "Tandemtreffen" "Zahl der Tandemtreffen"
same_page report "$de/report.pdf" "Berufliche Entwicklung" \
    "Berufliche Veränderungen der Teilnehmenden"
same_page english-report "$en/report.pdf" "Satisfaction" \
    "Satisfaction (1 = not at all, 5 = very satisfied)"
same_page english-report "$en/report.pdf" "Tandem meetings" \
    "Tandem meetings held"
same_page english-report "$en/report.pdf" "Career development" \
    "Career moves of participants"

# 2. Handbook with 200 participants: on each page the participant table
# goes on (its head row names only the columns somebody has), the
# organisation's row again, marked continued; each
# organisation's first row on a page with at least two of its people.
sh "$TOP/bench/gen_programme.sh" 200 "$tmp/p200" >/dev/null 2>&1
"$TANDEM" build "$tmp/p200" -o "$tmp/o200" --only handbook 2>/dev/null &&
    ok || bad "build 200 failed"
pdftotext -layout "$tmp/o200/handbook.pdf" "$tmp/h200.txt"
awk -v RS='\f' '
	/Name +(Fachgebiet|Organisationseinheit|Funktion|Themen)/ {
		n = split($0, L, "\n"); hdr = 0
		for (i = 1; i <= n; i++) {
			if (L[i] ~ /^ *Name +(Fachgebiet|Organisationseinheit|Funktion|Themen)/) { hdr = i; break }
		}
		if (!hdr) next
		# the first line after the header row
		for (i = hdr + 1; i <= n && L[i] ~ /^ *$/; i++) ;
		if (L[i] ~ /^ *(Stadt|Kreisstadt) /) {
			if (L[i] ~ /\(Fortsetzung\)/) cont++
			else fresh++
		} else
			missing++
	}
	END { printf "%d %d %d\n", cont, fresh, missing }' "$tmp/h200.txt" >"$tmp/cont"
read -r cont fresh missing <"$tmp/cont"
if [ "$missing" = 0 ] && [ "$cont" -ge 4 ]; then ok; else
	bad "handbook 200: $cont continued, $fresh fresh, $missing pages without the organisation row"
fi
# No organisation row as the last row of a page.
awk -v RS='\f' '/Name +Organisationseinheit/ {
	n = split($0, L, "\n"); last = ""
	for (i = 1; i <= n; i++)
		if (L[i] !~ /^ *$/ && L[i] !~ /Seite [0-9]+ von/) last = L[i]
	if (last ~ /^ *(Stadt|Kreisstadt) [^ ]+ *$/) print NR ": " last
}' "$tmp/h200.txt" >"$tmp/alone"
if [ ! -s "$tmp/alone" ]; then ok; else
	bad "organisation row alone at a page foot: $(cat "$tmp/alone")"
fi

# 4. Running heads: the programme's title left, the document's or the
# chapter's right, never the same text twice.
head_of() {
	pdftotext -layout -f "$2" -l "$2" "$1" - 2>/dev/null |
	    awk 'NF { print; exit }'
}
for f in "$de/report.pdf" "$de/tandems.pdf" "$de/handbook.pdf" \
    "$en/report.pdf" "$en/tandems.pdf"; do
	case "$f" in *handbook.pdf) pg=2;; *) pg=1;; esac
	h=$(head_of "$f" $pg)
	case "$h" in
	Interkommunales\ Cross-Mentoring*|Cross-Mentoring\ Northtown*) ok;;
	*) bad "$f: head of page $pg does not begin with the programme: '$h'";;
	esac
	# two texts separated by a wide gap: not the same
	l=$(echo "$h" | sed 's/   .*//') r=$(echo "$h" | sed -n 's/.*   *//p')
	if [ -n "$r" ] && [ "$l" = "$r" ]; then
		bad "$f: the same text twice in the head: '$h'"
	else ok; fi
done
h=$(head_of "$de/report.pdf" 2)
case "$h" in *Abschlussbericht) ok;; *) bad "report head: '$h'";; esac
h=$(head_of "$de/tandems.pdf" 1)
case "$h" in *Tandemübersicht) ok;; *) bad "tandems head: '$h'";; esac
# The handbook's head: the whole title, as the chapter leaves room.
h=$(head_of "$de/handbook.pdf" 3)
case "$h" in
"Interkommunales Cross-Mentoring Bergheim-Süd · Lindenau · Ostheim "*"Willkommen im Programm") ok;;
*) bad "handbook head: '$h'";;
esac

# 5. The handbook's title page: one type family; the title is its H1.
fams=$(pdffonts -f 1 -l 1 "$de/handbook.pdf" 2>/dev/null | awk 'NR > 2 {
	f = $1; sub(/^[A-Z]+\+/, "", f); sub(/-.*/, "", f); sub(/,.*/, "", f)
	print f }' | sort -u | tr '\n' ' ')
[ "$fams" = "LiberationSans " ] && ok ||
    bad "title page uses the families: $fams"
pdfinfo -struct-text "$de/handbook.pdf" 2>/dev/null | sed -n '2,3p' |
    tr -s ' ' >"$tmp/h1"
if grep -q "^ H1" "$tmp/h1" && grep -qF '"Interkommunales Cross-Mentoring Bergheim-Süd · Lindenau · Ostheim"' "$tmp/h1"; then
	ok
else
	bad "title not tagged H1: $(cat "$tmp/h1")"
fi

# 6. The schedule: every date on one line (day, month and year).
nev=$(grep -c "<event " "$TOP/content/programme.xml")
p=$(page_of "$de/handbook.pdf" "Termine")
ndates=$(pdftotext -layout -f "$p" -l "$p" "$de/handbook.pdf" - 2>/dev/null |
    grep -cE '^ *[0-9]{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) 20[0-9]{2} ')
[ "$p" != 0 ] && [ "$nev" -gt 0 ] && [ "$ndates" = "$nev" ] && ok ||
    bad "schedule on page $p: $ndates of $nev dates on one line"

# 7. Pages used well: the table of contents on one page; no chapter that
# spills a few lines onto a page of its own (the handbook of the sample
# and of a generated programme of each kind); small tables whole.
p=$(page_of "$de/handbook.pdf" "Inhalt")
w=$(page_of "$de/handbook.pdf" "Willkommen im Programm")
[ "$p" = 2 ] && [ "$w" = 3 ] && ok ||
    bad "handbook: contents on page $p, the first chapter on page $w"
# body_lines PDF: "page lines" for every page but the first and the last,
# lines without the running head and foot.
body_lines() {
	n=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	i=2
	while [ "$i" -lt "${n:-0}" ]; do
		echo "$i $(pdftotext -layout -f "$i" -l "$i" "$1" - 2>/dev/null |
		    grep -c '[^ ]')"
		i=$((i + 1))
	done
}
short_pages() {
	body_lines "$1" | awk '$2 - 2 <= 5 { printf "%s(%d) ", $1, $2 - 2 }'
}
s=$(short_pages "$de/handbook.pdf")
[ -z "$s" ] && ok || bad "sample handbook: pages with a few lines: $s"
for k in internal cross partnership; do
	sh "$TOP/bench/gen_programme.sh" 24 "$tmp/g$k" >/dev/null 2>&1
	sed -i "s/kind=\"cross\"/kind=\"$k\"/" "$tmp/g$k/programme.xml"
	"$TANDEM" build "$tmp/g$k" -o "$tmp/go$k" --only handbook,tandems \
	    2>/dev/null && ok || bad "build generated $k failed"
	s=$(short_pages "$tmp/go$k/handbook.pdf")
	[ -z "$s" ] && ok || bad "$k handbook: pages with a few lines: $s"
	p=$(page_of "$tmp/go$k/handbook.pdf" "Inhalt")
	q=$(page_of "$tmp/go$k/handbook.pdf" "Willkommen im Programm")
	[ "$q" = $((p + 1)) ] && ok ||
	    bad "$k handbook: contents on page $p, the first chapter on page $q"
	# The totals of the tandem overview (six rows) on one page.
	same_page "$k-tandems" "$tmp/go$k/tandems.pdf" "Gesamt" \
	    "Passung im Mittel"
	same_page "$k-tandems" "$tmp/go$k/tandems.pdf" "Gesamt" \
	    "Plätze (Kapazität)"
done
