#!/bin/sh
# Certificates as printed: the place only from <programme place>, never an
# event's venue, and a warning without it; the holder's name never broken
# across lines, in its own line or in the text; dates on one line; the
# programme's title broken between words. Prints
# "certificate: N passed, N failed".

TOP=$(cd "$(dirname "$0")/.." && pwd)
export LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1700000000
pass=0 fail=0
tmp=$(mktemp -d)
trap '[ -n "$KEEP" ] || rm -rf "$tmp"; echo "certificate: $pass passed, $fail failed"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "certificate.test.sh: $*" >&2; }

# prog NAME: a copy of the sample programme in $tmp/NAME.
prog() {
	rm -rf "$tmp/$1"
	cp -R "$TOP/content" "$tmp/$1"
}

# lines PDF: its text, one line of the page per line, no empty ones.
lines() {
	pdftotext -layout "$1" - 2>/dev/null | sed 's/^ *//; s/ *$//' |
	    grep -v '^$'
}

# 1. No place attribute: the closing event's venue ("Rathaus Lindenau,
# Ratssaal") is not taken; the date stands alone; check and build warn at
# the line of <programme>.
prog noplace
sed -i 's/ place="Lindenau">/>/' "$tmp/noplace/programme.xml"
grep -q '<programme id="icm-2025" lang="de" kind="cross" wording="pair">' \
    "$tmp/noplace/programme.xml" && ok || bad "place not removed"
"$TANDEM" check "$tmp/noplace" >/dev/null 2>"$tmp/check.err" && ok ||
    bad "check failed: $(cat "$tmp/check.err")"
grep -q "programme.xml:8: warning: the certificates carry no place: " \
    "$tmp/check.err" && ok || bad "check: no warning: $(cat "$tmp/check.err")"
"$TANDEM" build "$tmp/noplace" -o "$tmp/noplace.out" --only certificates \
    2>"$tmp/build.err" && ok || bad "build failed: $(cat "$tmp/build.err")"
grep -q "programme.xml:8: warning: the certificates carry no place: " \
    "$tmp/build.err" && ok || bad "build: no warning"
lines "$tmp/noplace.out/certificates/m01.pdf" >"$tmp/m01.txt"
if grep -q "Rathaus" "$tmp/m01.txt"; then bad "a venue as the place: $(grep Rathaus "$tmp/m01.txt")"; else ok; fi
grep -qx "21. Mai 2026" "$tmp/m01.txt" && ok ||
    bad "the date does not stand alone: $(tail -5 "$tmp/m01.txt" | tr '\n' '|')"
# With the place: no warning, "Lindenau, den 21. Mai 2026".
"$TANDEM" check "$TOP/content" >/dev/null 2>"$tmp/sample.err"
if grep -q "carry no place" "$tmp/sample.err"; then bad "sample: warned"; else ok; fi
# A custom certificate text that prints no place: no warning.
printf '# Urkunde\n\n**{{person.name}}**\n\n{{date}}\n' \
    >"$tmp/noplace/certificate.md"
"$TANDEM" check "$tmp/noplace" >/dev/null 2>"$tmp/check2.err"
if grep -q "carry no place" "$tmp/check2.err"; then
	bad "warned although the text prints no place"; else ok; fi

# 2. A long name: never broken, neither in its own line (set smaller, and
# a warning says so) nor in the text that names it again; dates in the
# text on one line.
name="Prof. Dr. Maximiliane Charlotte von Hohenzollern-Sigmaringen-Wittelsbach"
prog names
sed -i 's|<name given="Markus" family="Zimmermann"/>|<name given="Maximiliane Charlotte" family="von Hohenzollern-Sigmaringen-Wittelsbach" title="Prof. Dr."/>|' \
    "$tmp/names/programme.xml"
"$TANDEM" build "$tmp/names" -o "$tmp/names1.out" --only certificates \
    2>"$tmp/names1.err" && ok || bad "names: build failed"
grep -q "warning: certificate of $name (t12): the name is set at 1[0-3]\.[0-9] pt to stay on one line" \
    "$tmp/names1.err" && ok || bad "names: no warning: $(cat "$tmp/names1.err")"
lines "$tmp/names1.out/certificates/t12.pdf" >"$tmp/t12a.txt"
grep -qxF "$name" "$tmp/t12a.txt" && ok ||
    bad "the name is not one line: $(head -4 "$tmp/t12a.txt" | tr '\n' '|')"
# Paragraphs with the period and the name after ever more words, so that a
# line would end inside them somewhere.
{
	printf '# Urkunde\n\n**{{person.name}}**\n\n'
	pad=""
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do
		pad="$pad und"
		printf 'Sie%s hat vom {{period}} mit {{person.name}} teilgenommen.\n\n' "$pad"
	done
	printf '{{place}}, den {{date}}\n'
} >"$tmp/names/certificate.md"
"$TANDEM" build "$tmp/names" -o "$tmp/names.out" --only certificates \
    2>"$tmp/names.err" && ok || bad "names: build failed"
lines "$tmp/names.out/certificates/t12.pdf" >"$tmp/t12.txt"
grep -qxF "$name" "$tmp/t12.txt" && ok ||
    bad "the name is not one line: $(head -4 "$tmp/t12.txt" | tr '\n' '|')"
# Every mention whole on its line: 1 + 14 lines hold the whole name.
n=$(grep -cF "$name" "$tmp/t12.txt")
[ "$n" = 15 ] && ok || bad "the name broken in the text: $n whole mentions"
# No line ends inside a date, nor begins with its year.
if grep -Eq '(^|[^0-9])[0-9]{1,2}\.( (März|Mai))?$|^(März |Mai )?20[0-9][0-9]' \
    "$tmp/t12.txt"; then
	bad "a date broken: $(grep -E '(^|[^0-9])[0-9]{1,2}\.( (März|Mai))?$|^(März |Mai )?20[0-9][0-9]' "$tmp/t12.txt" | head -2 | tr '\n' '|')"
else ok; fi
grep -q "1. März 2025 bis 31. Mai 2026" "$tmp/t12.txt" && ok ||
    bad "names: no period in the text"

# 3. The programme's title: broken between words, as evenly as its lines
# allow, on the certificate and the handbook's title page ("Mentoring-" at
# a line's end is the fault).
prog title
sed -i 's|<title>Interkommunales[^<]*</title>|<title>Interkulturelles Mentoring-Programm der Stadt Gelsenkirchen 2023</title>|' \
    "$tmp/title/programme.xml"
"$TANDEM" build "$tmp/title" -o "$tmp/title.out" --only handbook,certificates \
    2>"$tmp/title.err" && ok || bad "title: build failed"
pdftotext -f 1 -l 1 -layout "$tmp/title.out/handbook.pdf" - |
    sed 's/^ *//; s/ *$//' | grep -v '^$' >"$tmp/title.txt"
if grep -q -- '-$' "$tmp/title.txt"; then
	bad "handbook title broken after a hyphen: $(head -3 "$tmp/title.txt" | tr '\n' '|')"
else ok; fi
# No word alone on the title's last line (before the edition).
last=$(grep -B1 '^1. Durchgang' "$tmp/title.txt" | head -1)
[ "$(echo "$last" | wc -w)" -ge 2 ] && ok || bad "handbook title: last line '$last'"
lines "$tmp/title.out/certificates/m01.pdf" >"$tmp/tc.txt"
if grep -q -- 'Mentoring-$' "$tmp/tc.txt"; then bad "certificate title broken after the hyphen"; else ok; fi
