#!/bin/sh
# The evaluation report read as sentences and pages (issue 16): variants
# of the sample programme built with --device text, their running text
# (the words of the document, hyphenated words joined, page by page)
# checked for German that agrees with its numbers, one "no data" sentence
# per section, tables without what is empty by construction, no
# suppression in an internal programme, and a first page that keeps its
# table when the chart moves on. Prints "report: N passed, N failed".

TOP=$(cd "$(dirname "$0")/.." && pwd)
export LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1700000000
pass=0 fail=0
tmp=$(mktemp -d)
trap '[ -n "$KEEP" ] || rm -rf "$tmp"; echo "report: $pass passed, $fail failed"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "report.test.sh: $*" >&2; }

# variant NAME SED-SCRIPT: a copy of the sample with programme.xml edited.
variant() {
	cp -R "$TOP/content" "$tmp/$1"
	sed -i "$2" "$tmp/$1/programme.xml"
}

# build NAME: the report as text, then NAME.words (all pages) and
# NAME.p1 (page 1): the document's words in reading order without the
# running heads, a word hyphenated at a line end joined again.
build() {
	if "$TANDEM" build "$tmp/$1" -o "$tmp/$1.out" --only report \
	    --device text 2>"$tmp/$1.err"; then ok; else
		bad "$1: build failed: $(head -3 "$tmp/$1.err")"; return; fi
	awk '
	/^ *page [0-9]/ { page++ }
	/<Artifact>/ { art = 1; next }
	art && /^ *<\/>/ { art = 0; next }
	art { next }
	/^ *text / {
		w = $0; sub(/"$/, "", w); sub(/.*"/, "", w)
		printf "%d\t%s\n", page, w
	}' "$tmp/$1.out/report.txt" >"$tmp/$1.tok"
	for p in all 1; do
		awk -v p=$p -F '\t' 'p == "all" || $1 == p { printf "%s ", $2 }' \
		    "$tmp/$1.tok" | sed 's/ - //g' >"$tmp/$1.$p"
	done
	mv "$tmp/$1.all" "$tmp/$1.words"
}

# has NAME FILE STRING / hasnot NAME FILE STRING
has() {
	if grep -qF -- "$3" "$2"; then ok; else
		bad "$1: no '$3' in: $(cut -c1-600 "$2")"; fi
}
hasnot() {
	if grep -qF -- "$3" "$2"; then bad "$1: unexpected '$3'"; else ok; fi
}
# count NAME FILE STRING N: STRING occurs N times.
count() {
	n=$(grep -oF -- "$3" "$2" | wc -l)
	[ "$n" -eq "$4" ] && ok || bad "$1: '$3' $n times, want $4"
}

# The sample: a part of a whole after "darunter", in the right case.
variant sample ''
build sample
has sample "$tmp/sample.words" "Bis zum Ende nahmen 15 Mentees teil, darunter zwölf Frauen."
has sample "$tmp/sample.words" "umfasste sechs Veranstaltungen, darunter drei Workshops und ein Netzwerktreffen."
has sample "$tmp/sample.words" "davon drei während der Laufzeit und eine nach deren Ende."
hasnot sample "$tmp/sample.words" "null"
# An outcome kind nobody reached is no row of zeros.
hasnot sample "$tmp/sample.words" "Sonstiges"

# One workshop: accusative after "umfasste ..., darunter".
variant oneworkshop '/Workshop 2:/d; /Workshop 3:/d'
build oneworkshop
has oneworkshop "$tmp/oneworkshop.words" "umfasste vier Veranstaltungen, darunter einen Workshop und ein Netzwerktreffen."

# Every mentee a woman: "alle Frauen", and no "divers" column or bars
# when nobody is divers.
variant allwomen 's/role="mentee" gender="[md]"/role="mentee" gender="f"/'
build allwomen
has allwomen "$tmp/allwomen.words" "nahmen 15 Mentees teil, alle Frauen."
hasnot allwomen "$tmp/allwomen.words" "darunter 15 Frauen"
hasnot allwomen "$tmp/allwomen.words" "divers"
hasnot allwomen "$tmp/allwomen.out/report.txt" 'divers: 0'

# Two mentees left, both women: "beide Frauen".
variant two '/<person id="m0[3-9]"/,/<\/person>/d; /<person id="m1[0-9]"/,/<\/person>/d; /<pin /d; /<forbid /d; /<outcome person="m\(09\|06\|13\)"/d'
build two
has two "$tmp/two.words" "Teilgenommen haben zwei Mentees, beide Frauen."

# Career moves all during the period: "alle während der Laufzeit", not
# "und null nach deren Ende"; no column "nach dem Ende" of zeros.
variant during '/person="m13"/d'
build during
has during "$tmp/during.words" "sind drei berufliche Veränderungen bekannt (Stellenwechsel, Beförderungen und Ähnliches), alle während der Laufzeit."
hasnot during "$tmp/during.words" "nach dem Ende"
hasnot during "$tmp/during.words" "null"

# No survey, no outcomes: each section says so once.
variant nosurvey '/<evaluation>/,/<\/evaluation>/d; /<outcomes>/,/<\/outcomes>/d'
build nosurvey
has nosurvey "$tmp/nosurvey.words" "Zufriedenheit Eine Abschlussbefragung liegt nicht vor. Tandemtreffen Zur Zahl der Tandemtreffen liegen keine Angaben der Mentees vor. Berufliche Entwicklung Dem Koordinationsteam sind keine Stellenwechsel oder Beförderungen bekannt. Fazit"
count nosurvey "$tmp/nosurvey.words" "keine Angaben" 1
hasnot nosurvey "$tmp/nosurvey.words" "Dazu liegen"
hasnot nosurvey "$tmp/nosurvey.words" "Es sind keine beruflichen"

# A section whose text says nothing gets the block's one sentence.
variant bare '/<evaluation>/,/<\/evaluation>/d'
printf '# Bericht\n\n## Zufriedenheit\n\n{{report.satisfaction}}\n\n## Treffen\n\n{{report.meetings}}\n' >"$tmp/bare/report.md"
build bare
has bare "$tmp/bare.words" "Zufriedenheit Dazu liegen keine Angaben aus der Befragung vor. Treffen Dazu liegen keine Angaben aus der Befragung vor."
# Blocks the text does not place say nothing without data.
hasnot bare "$tmp/bare.words" "Es sind keine beruflichen"

# An internal programme: its handbook names everyone, so its report
# shows organisation x gender counts; a cross programme suppresses them.
variant internal 's/kind="cross"/kind="internal"/'
build internal
hasnot internal "$tmp/internal.words" "weniger als drei Fälle"
has internal "$tmp/internal.words" "Stadt Lindenau 4 1 1 6"
has sample "$tmp/sample.words" "Stadt Lindenau 4 . . 6"
has sample "$tmp/sample.words" "weniger als drei Fälle"

# Nine organisations: the long table stays on page 1 with the text
# before it (the chart follows on page 1 when the page can be set
# tighter, else it begins page 2), rather than all three moving.
cp -R "$TOP/content" "$tmp/many"
awk '/<\/organisations>/ { for (i = 4; i <= 9; i++)
	printf "    <organisation id=\"o%d\">Gemeinde Nummer %d</organisation>\n", i, i }
/<person / && /org="(bs|li|os)"/ && n++ % 3 != 0 {
	sub(/org="(bs|li|os)"/, "org=\"o" 4 + n % 6 "\"") }
{ print }' "$TOP/content/programme.xml" >"$tmp/many/programme.xml"
build many
has many "$tmp/many.1" "Organisation Frauen Männer divers Gesamt Mentees"
has many "$tmp/many.1" "Gemeinde Nummer 9"
has many "$tmp/many.words" "Teilnehmende nach Rolle und Geschlecht"

# English: the same helper ("including", "all").
cp -R "$TOP/content/en" "$tmp/en"
cp -R "$TOP/content/logos" "$tmp/en/"
sed 's/lang="de"/lang="en"/; s/role="mentee" gender="[md]"/role="mentee" gender="f"/; /person="m13"/d' \
    "$TOP/content/programme.xml" >"$tmp/en/programme.xml"
build en
has en "$tmp/en.words" "15 mentees were still taking part, all women."
has en "$tmp/en.words" "comprised six events, including three workshops and one network meeting."
has en "$tmp/en.words" "all during the programme."

# One mentor answered the survey: no "ein Mentorin/Mentor".
variant onementor '/<response role="mentor"/{x;s/^/x/;/^xx/{x;d};x}'
build onementor
has onementor "$tmp/onementor.words" "beteiligt: elf Mentees und eine Person aus dem Kreis der Mentorinnen und Mentoren."

# Everybody in one organisation: no organisation rows repeating the
# role rows, and the table is headed by the role.
variant oneorg 's/kind="cross"/kind="internal"/; s/different-org="true"/different-org="false"/; s/org="\(bs\|os\)"/org="li"/'
build oneorg
has oneorg "$tmp/oneorg.words" "Rolle Frauen Männer divers Gesamt Mentees 12 2 1 15 Mentorinnen und Mentoren 8 6 0 14 Teilnehmende"
