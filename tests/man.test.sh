#!/bin/sh
# The manual pages as a contract: man/*.[15] are lint-clean under
# mandoc -T lint; every example of tandem-texts(5) (a text for the sample
# programme and what tandem build prints for it) holds when run; the
# example of tandem-programme(5) checks and matches as shown; every
# placeholder name the code knows is documented in tandem-texts(5);
# tandem-programme(5) documents the elements and attributes of
# schema/programme.rng, no more and no fewer.
# Prints "man: N passed, N failed".
#
# An example in the EXAMPLES section of tandem-texts(5) is a line
# ".Pa FILE" (report.md, certificate.md or agreement.md) followed by two
# literal displays (.Bd -literal ... .Ed): the text, then either the
# expected paragraphs (one line per paragraph, heading or list item, words
# separated by single spaces) or the expected diagnostics (lines starting
# "tandem: ", file names relative to the programme folder).

TOP=$(cd "$(dirname "$0")/.." && pwd)
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; echo "man: $pass passed, $fail failed"; exit $((fail != 0))' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "man.test.sh: $*" >&2; }

MAN="$TOP/man"
TEXTS="$MAN/tandem-texts.5"

# 1. Lint: a missing mandoc fails, it does not skip.
if ! command -v mandoc >/dev/null 2>&1; then
	bad "mandoc is not installed (Debian: apt-get install mandoc)"
elif mandoc -T lint -W warning "$MAN"/*.[15] >"$tmp/lint" 2>&1 &&
    [ ! -s "$tmp/lint" ]; then ok
else bad "mandoc -T lint: $(cat "$tmp/lint")"; fi
for page in "$MAN"/*.[15]; do
	if command -v mandoc >/dev/null 2>&1 &&
	    mandoc -T html "$page" 2>/dev/null | grep -q '>DESCRIPTION<'
	then ok; else bad "$(basename "$page") does not render"; fi
done

# 2. The examples of tandem-texts(5), extracted into ex/N.file, N.in and
# N.want (mdoc escapes undone).
mkdir "$tmp/ex"
awk -v dir="$tmp/ex" '
function unesc(s) {
	gsub(/\\\(:a/, "\303\244", s); gsub(/\\\(:o/, "\303\266", s)
	gsub(/\\\(:u/, "\303\274", s); gsub(/\\\(:A/, "\303\204", s)
	gsub(/\\\(:O/, "\303\226", s); gsub(/\\\(:U/, "\303\234", s)
	gsub(/\\\(ss/, "\303\237", s); gsub(/\\\(en/, "\342\200\223", s)
	gsub(/\\\(pc/, "\302\267", s); gsub(/\\\(bu/, "\342\200\242", s)
	gsub(/\\&/, "", s)
	gsub(/\\e/, "\\", s)
	return s
}
/^\.Sh / { ex = $0 == ".Sh EXAMPLES"; next }
!ex { next }
blk && /^\.Ed/ { blk = 0; close(out); next }
blk { print unesc($0) > out; next }
/^\.Pa [^ ]+/ { file = $2; next }
/^\.Bd -literal/ {
	n++
	k = int((n + 1) / 2)
	if (n % 2) {
		print file > (dir "/" k ".file")
		print NR > (dir "/" k ".line")
		close(dir "/" k ".file"); close(dir "/" k ".line")
	}
	out = dir "/" k (n % 2 ? ".in" : ".want")
	printf "" > out
	blk = 1
}' "$TEXTS"

# The records of a text device dump: one line per block (paragraph,
# heading, list item with its label, ...), running heads and feet left
# out, up to the paragraph END-OF-EXAMPLE.
records() {
	awk '
	art != "" { if ($0 == art "</>") art = ""; next }
	/^ *<Artifact>$/ { art = $0; sub(/<Artifact>$/, "", art); next }
	/^<Document>$/ { doc = 1; next }
	/^<\/>$/ { doc = 0; next }
	!doc { next }
	# A list item is its label and the first paragraph of its body.
	/^ *<LBody>$/ { body = 1; next }
	/^ *<[A-Za-z0-9]+>$/ {
		if (body && $1 == "<P>") { body = 0; next }
		body = 0
		if (rec != "") print rec
		rec = ""
		next
	}
	/^ *text / {
		body = 0
		s = $0
		sub(/^ *text [0-9.]+ [0-9.]+ "[^"]*" [0-9.]+ (#[0-9a-f]+ )?"/,
		    "", s)
		sub(/"$/, "", s)
		gsub(/\\"/, "\"", s); gsub(/\\\\/, "\\", s)
		if (s == "END-OF-EXAMPLE")
			exit
		rec = rec == "" ? s : rec " " s
	}'
}

nex=0
for f in "$tmp"/ex/*.file; do
	[ -f "$f" ] || continue
	k=${f%.file}
	name=$(cat "$f") line=$(cat "$k.line")
	nex=$((nex + 1))
	case $name in
	report.md) kind=report;;
	certificate.md) kind=certificates;;
	agreement.md) kind=agreements;;
	*) bad "tandem-texts.5:$line: example for $name: use report.md," \
	    "certificate.md or agreement.md"; continue;;
	esac
	if [ ! -f "$k.want" ]; then
		bad "tandem-texts.5:$line: example without expected output"
		continue
	fi
	rm -rf "$tmp/p"
	cp -R "$TOP/content" "$tmp/p"
	{ cat "$k.in"; printf '\nEND-OF-EXAMPLE\n'; } >"$tmp/p/$name"
	"${TANDEM:?}" build "$tmp/p" --only "$kind" --device text -o - \
	    >"$tmp/dump" 2>"$tmp/err"
	if grep -q '^tandem: ' "$k.want"; then
		sed "s|$tmp/p/||" "$tmp/err" >"$tmp/got"
	else
		# A no-break space (in dates) reads as a space.
		records <"$tmp/dump" | sed 's/\xc2\xa0/ /g' >"$tmp/got"
		[ -s "$tmp/err" ] && cat "$tmp/err" >>"$tmp/got"
	fi
	if diff -u "$k.want" "$tmp/got" >"$tmp/diff"; then ok
	else bad "tandem-texts.5:$line: example for $name:
$(cat "$tmp/diff")"; fi
done
# The extraction itself: the page has its examples.
if [ "$nex" -ge 10 ]; then ok; else bad "only $nex examples found in $TEXTS"; fi

# 3. The example of tandem-programme(5): the programme checks, and
# without its <tandems> "match --write" writes the tandems.xml shown.
block() {
	awk -v want="$1" '/^\.Sh / { ex = $0 == ".Sh EXAMPLES"; next }
	ex && /^\.Bd -literal/ { n++; blk = n == want; next }
	ex && /^\.Ed/ { blk = 0; next }
	blk' "$MAN/tandem-programme.5"
}
mkdir "$tmp/prog" "$tmp/prog2"
block 1 >"$tmp/prog/programme.xml"
if "$TANDEM" check "$tmp/prog" >/dev/null 2>"$tmp/err" && [ ! -s "$tmp/err" ]
then ok; else bad "tandem-programme.5 example: $(cat "$tmp/err")"; fi
grep -v '<tandems>\|<tandem \|</tandems>' "$tmp/prog/programme.xml" \
    >"$tmp/prog2/programme.xml"
if "$TANDEM" match "$tmp/prog2" --write >/dev/null 2>"$tmp/err" &&
    block 2 | diff -u - "$tmp/prog2/tandems.xml" >"$tmp/diff"; then ok
else bad "tandem-programme.5 tandems.xml: $(cat "$tmp/err" "$tmp/diff")"; fi

# 4. Every placeholder name (src/compose/placeholder_value.c) is documented.
PH="$TOP/src/compose/placeholder_value.c"
{
	sed -n 's/^	\[G_[A-Z_]*\] = { "\([^"]*\)".*/\1/p' "$PH"
	sed -n 's/^	\[PH_[A-Z_]*\] = "\([^"]*\)".*/\1/p' "$PH"
	sed -n '/^static const char \*const pfields/,/^};/p' "$PH" |
	    grep -o '"[^"]*"' | tr -d '"' | sed 's/^/person./'
} >"$tmp/names"
if [ "$(wc -l <"$tmp/names")" -ge 40 ]; then ok
else bad "could not read the placeholder names from $PH"; fi
while read -r n; do
	case $n in
	person.*) f=${n#person.}
		grep -q "^\.It .*Cm $f\( \|$\)" "$TEXTS";;
	*) grep -q "^\.It .*Ic $n\( \|$\)" "$TEXTS";;
	esac && continue
	bad "placeholder '$n' is not documented in tandem-texts(5)"
done <"$tmp/names"

# 5. tandem-programme(5) and schema/programme.rng name the same elements
# and attributes. From the schema: each <element name="E"> and each
# <attribute name="A"> inside it, as "E" and "E A". From the page's
# ELEMENTS section: an element is documented in the entry of the ".It"
# line that names it with Aq, else in the entry whose text first names it
# (".Aq organisation" inside ".It Aq organisations"); an entry runs to
# the next ".It" line with an Aq, ".Ss" or ".Sh". Its attributes are the
# Cm words of its entry. Both ways: every schema element has an entry and
# every schema attribute is a Cm word of its element's entry; every Aq on
# the page is a schema element and every ".It Cm A" of an entry is an
# attribute of that element (the score parts under MATCHING are the
# attributes of <weights>).
schema_names() {
	awk '{
		s = $0
		while (match(s, /<\/?(element|attribute) name="[^"]*"|<\/element>/)) {
			t = substr(s, RSTART, RLENGTH)
			s = substr(s, RSTART + RLENGTH)
			if (t == "</element>") { n--; continue }
			v = t; sub(/^[^"]*"/, "", v); sub(/"$/, "", v)
			if (t ~ /^<element/) { el[++n] = v; print v }
			else print el[n], v
		}
	}' "$1" | sort -u
}
page_names() {
	awk '
	function aqs(line,   s, w) {
		s = line
		while (match(s, /(^|[ .])Aq [A-Za-z-]+/)) {
			w = substr(s, RSTART, RLENGTH); sub(/.*Aq /, "", w)
			s = substr(s, RSTART + RLENGTH)
			found[++nf] = w
		}
	}
	/^\.Sh / { sec = $2; cur = ""; next }
	sec == "MATCHING" && /^\.It Cm / { print "weights", $3, "It"; next }
	sec != "ELEMENTS" { if (/Aq /) { nf = 0; aqs($0)
		for (i = 1; i <= nf; i++) print "page-aq", found[i] }
		next }
	/^\.Ss / { cur = ""; next }
	/^\.It .*Aq / {
		nf = 0; aqs($0); cur = ""
		for (i = 1; i <= nf; i++) {
			print found[i]; print "page-aq", found[i]
			own[found[i]] = 1
			cur = cur " " found[i]
		}
		next
	}
	/Aq / {
		nf = 0; aqs($0)
		for (i = 1; i <= nf; i++) {
			print "page-aq", found[i]
			if (!(found[i] in own) && !(found[i] in inner)) {
				inner[found[i]] = 1; cur = cur " " found[i]
				print found[i]
			}
		}
	}
	cur != "" && /(^|[ .])Cm [A-Za-z-]+/ {
		it = /^\.It Cm / ? "It" : ""
		s = $0
		while (match(s, /(^|[ .])Cm [A-Za-z-]+/)) {
			w = substr(s, RSTART, RLENGTH); sub(/.*Cm /, "", w)
			s = substr(s, RSTART + RLENGTH)
			n = split(cur, es, " ")
			for (i = 1; i <= n; i++)
				print es[i], w, (it != "" && i == n ? "It" : "")
		}
	}' "$1" | sort -u
}
# schema_vs_page SCHEMA PAGE: one line per mismatch.
schema_vs_page() {
	schema_names "$1" >"$tmp/sn"
	page_names "$2" >"$tmp/pn"
	awk 'NF == 1' "$tmp/sn" >"$tmp/se"
	awk 'NF == 2' "$tmp/sn" >"$tmp/sa"
	while read -r e; do
		grep -qx "$e" "$tmp/pn" ||
		    echo "element <$e> of the schema has no entry in the page"
	done <"$tmp/se"
	while read -r e a; do
		grep -q "^$e $a\( \|$\)" "$tmp/pn" ||
		    echo "attribute $a of <$e> is not in its entry in the page"
	done <"$tmp/sa"
	awk '$1 == "page-aq" { print $2 }' "$tmp/pn" | sort -u |
	while read -r e; do
		grep -qx "$e" "$tmp/se" ||
		    echo "<$e> in the page is not an element of the schema"
	done
	awk '$3 == "It" { print $1, $2 }' "$tmp/pn" |
	while read -r e a; do
		grep -qx "$e $a" "$tmp/sa" ||
		    echo "the page documents attribute $a of <$e>, which the schema lacks"
	done
}
RNG="$TOP/schema/programme.rng"
PROG="$MAN/tandem-programme.5"
schema_vs_page "$RNG" "$PROG" >"$tmp/mis"
if [ "$(awk 'NF == 1' "$tmp/sn" | wc -l)" -ge 30 ] &&
    [ "$(awk 'NF == 2' "$tmp/sn" | wc -l)" -ge 50 ]; then ok
else bad "could not read the elements and attributes of $RNG"; fi
if [ ! -s "$tmp/mis" ]; then ok
else bad "tandem-programme(5) and programme.rng differ:
$(cat "$tmp/mis")"; fi
# The check itself catches an omission each way: an attribute left out of
# the page, an element and an attribute the schema lacks.
sed 's/^\.Cm short$/.Cm shortname/' "$PROG" >"$tmp/planted.5"
schema_vs_page "$RNG" "$tmp/planted.5" >"$tmp/mis"
if grep -q "attribute short of <organisation> is not in its entry" "$tmp/mis"
then ok; else bad "a page without organisation/@short passes the schema check"; fi
sed 's|<attribute name="office">|<attribute name="office2">|;
    s|<element name="edition">|<element name="cohort">|' "$RNG" >"$tmp/planted.rng"
schema_vs_page "$tmp/planted.rng" "$PROG" >"$tmp/mis"
if grep -q "attribute office2 of <signatory>" "$tmp/mis" &&
    grep -q "<edition> in the page is not an element" "$tmp/mis" &&
    grep -q "element <cohort> of the schema has no entry" "$tmp/mis"
then ok; else bad "a schema renamed apart from the page passes the check:
$(cat "$tmp/mis")"; fi
