#!/bin/sh
# Hyphenation of a programme's own words as printed: the built-in
# compounds broken at their joints, never inside their first part
# ("Tandem-", never "Tan-demtreffen"), names of places and organisations from the data never
# ("Reck-linghausen"), a programme's hyphenation.txt obeyed, and its errors
# reported with file and line. Prints "hyphenation: N passed, N failed".

TOP=$(cd "$(dirname "$0")/.." && pwd)
export LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1700000000
pass=0 fail=0
tmp=$(mktemp -d)
trap '[ -n "$KEEP" ] || rm -rf "$tmp"; echo "hyphenation: $pass passed, $fail failed"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "hyphenation.test.sh: $*" >&2; }

# A programme of two towns whose one chapter names them and the domain's
# compounds again and again, each time a word further on, so that lines end
# everywhere inside them.
P=$tmp/p
cp -R "$TOP/content" "$P"
rm -rf "$P/handbook"
mkdir "$P/handbook"
sed -i 's|>Stadt Bergheim-Süd<|>Stadt Recklinghausen<|; s|short="Bergheim-Süd"|short="Recklinghausen"|; s|>Kreisstadt Ostheim<|>Stadt Gelsenkirchen<|; s|short="Ostheim"|short="Gelsenkirchen"|' \
    "$P/programme.xml"
words="Das Tandemtreffen im Rahmenprogramms der Karriereplanung mit Arbeitszeitmanagement findet in Recklinghausen und Gelsenkirchen statt."
{
	printf '# Kapitel\n\n'
	pad=""
	i=0
	while [ $i -lt 30 ]; do
		printf '%s %s %s %s\n\n' "$pad" "$words" "$words" "$words"
		pad="$pad ab"
		i=$((i + 1))
	done
} >"$P/handbook/01.md"

# ends PDF: the line-final pieces of hyphenated words, one per line.
ends() {
	pdftotext -layout "$1" - 2>/dev/null | sed 's/ *$//' |
	    grep -oE '[[:alpha:]]+-$'
}

"$TANDEM" build "$P" -o "$tmp/out" --only handbook 2>"$tmp/err" && ok ||
    bad "build failed: $(cat "$tmp/err")"
ends "$tmp/out/handbook.pdf" >"$tmp/ends"
[ -s "$tmp/ends" ] && ok || bad "no hyphenated line at all"
# The towns: never divided.
if grep -Eq '^(Reck|Reckling|Recklinghau|Gel|Gelsen|Gelsenkir)-$' "$tmp/ends"
then bad "a town divided: $(grep -E '^(Reck|Gel)' "$tmp/ends" | sort -u | tr '\n' ' ')"
else ok; fi
# The compounds: never inside their first part.
allowed='^(Tandem|Tandemtref|Rahmen|Rahmenpro|Karriere|Karrierepla|Arbeits|Arbeitszeit|Arbeitszeitma|Arbeitszeitmanage)-$'
if grep -E '^(Tan|Rah|Kar|Ar)' "$tmp/ends" | grep -Evq "$allowed"; then
	bad "a compound divided inside a part: $(grep -E '^(Tan|Rah|Kar|Ar)' "$tmp/ends" | grep -Ev "$allowed" | sort -u | tr '\n' ' ')"
else ok; fi
grep -Eq '^(Tandem|Rahmen|Karriere|Arbeits|Arbeitszeit)-$' "$tmp/ends" && ok ||
    bad "no compound broken at a joint: $(sort -u "$tmp/ends" | tr '\n' ' ')"

# The programme's own list: Recklinghausen may be divided where it says,
# Karriereplanung never.
printf '# unsere Wörter\nReck-ling-hau-sen\nKarriereplanung\n' >"$P/hyphenation.txt"
"$TANDEM" check "$P" >/dev/null 2>"$tmp/err" && ok || bad "check with a list failed: $(cat "$tmp/err")"
"$TANDEM" build "$P" -o "$tmp/out2" --only handbook 2>"$tmp/err" && ok ||
    bad "build with a list failed: $(cat "$tmp/err")"
ends "$tmp/out2/handbook.pdf" >"$tmp/ends2"
grep -Eq '^(Reck|Reckling|Recklinghau)-$' "$tmp/ends2" && ok ||
    bad "the programme's Reck-ling-hau-sen not used: $(sort -u "$tmp/ends2" | tr '\n' ' ')"
if grep -q '^Karriere-$' "$tmp/ends2"; then bad "Karriereplanung divided although listed whole"; else ok; fi

# Errors: file and line, exit status 65, for check and build alike.
printf 'Ar-beits-zeit\nZwei Wörter\nab--c\n' >"$P/hyphenation.txt"
"$TANDEM" check "$P" >/dev/null 2>"$tmp/err"
[ $? = 65 ] && ok || bad "check: exit status not 65"
grep -q "hyphenation.txt:2:5: error: 'Zwei Wörter': more than one word" "$tmp/err" && ok ||
    bad "check: no error at line 2: $(cat "$tmp/err")"
grep -q "hyphenation.txt:3:4: error: 'ab--c'" "$tmp/err" && ok ||
    bad "check: no error at line 3"
"$TANDEM" build "$P" -o "$tmp/out3" --only handbook >/dev/null 2>"$tmp/err"
[ $? = 65 ] && ok || bad "build: exit status not 65"
grep -q "hyphenation.txt:2:5: error:" "$tmp/err" && ok || bad "build: no error"
[ ! -e "$tmp/out3/handbook.pdf" ] && ok || bad "build wrote a handbook"
