#!/bin/sh
# Font fallback: names in every Latin script print and extract
# exactly, set in DejaVu where Liberation lacks a glyph; a character that
# no font has gives exactly one warning per run, at the programme.xml line
# of the person whose name has it; the template's font@fallback setting.
# Prints "fallback: N passed, N failed".

TOP=$(cd "$(dirname "$0")/.." && pwd)
export LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1700000000
pass=0 fail=0
tmp=$(mktemp -d)
trap '[ -n "$KEEP" ] || rm -rf "$tmp"; echo "fallback: $pass passed, $fail failed"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "fallback.test.sh: $*" >&2; }

src=$TOP/tests/data/scripts
out=$tmp/out
if "$TANDEM" build "$src" -o "$out" 2>"$tmp/err"; then ok; else
	bad "build failed: $(head -3 "$tmp/err")"; fi
if [ -s "$tmp/err" ]; then bad "messages: $(head -3 "$tmp/err")"; else ok; fi

# Each certificate has its name as one line, exactly.
while read -r id name; do
	pdftotext "$out/certificates/$id.pdf" "$tmp/$id.txt" 2>"$tmp/pt"
	if grep -qxF -- "$name" "$tmp/$id.txt"; then ok; else
		bad "certificate $id: no line '$name'"; fi
	[ -s "$tmp/pt" ] && bad "pdftotext $id: $(head -1 "$tmp/pt")"
done <<'NAMES'
a1 Ḥasan ʿAbd al-Raḥmān
a2 Jörg Großmann / GROẞMANN
a3 Thị Minh Nguyễn
a4 Ayşe Öztürk Wiśniewska Çelik Dąbrowska Yılmaz
NAMES

# The fallback face is embedded (bold for the bold name line).
if pdffonts "$out/certificates/a1.pdf" | grep -q 'DejaVuSerif-Bold '; then
	ok; else bad "a1.pdf: no DejaVu Serif Bold embedded"; fi
# Liberation alone where nothing is missing.
if pdffonts "$out/certificates/a4.pdf" | grep -q DejaVu; then
	bad "a4.pdf: a fallback font without need"; else ok; fi

# The handbook, tandem overview and agreements have every word of them.
for doc in handbook tandems agreements; do
	pdftotext "$out/$doc.pdf" "$tmp/$doc.txt"
	for w in Ḥasan ʿAbd Raḥmān Großmann GROẞMANN Thị Nguyễn Öztürk \
	    Wiśniewska Çelik Dąbrowska Yılmaz; do
		if grep -qF -- "$w" "$tmp/$doc.txt"; then ok; else
			bad "$doc.pdf: no '$w'"; fi
	done
done

# Every PDF passes the validity gate (fonts embedded, subset, Unicode).
if sh "$TOP/tests/pdfcheck" "$out"/*.pdf "$out"/certificates/*.pdf \
    "$out"/agreements/*.pdf >"$tmp/check" 2>&1; then ok; else
	bad "pdfcheck: $(head -3 "$tmp/check")"; fi

# The text device shows the pieces: the name split between the faces.
"$TANDEM" build "$src" --only certificates --device text -o - \
    >"$tmp/cert.txt" 2>"$tmp/err"
if grep -q '"DejaVu Serif" [0-9.]* "ễ"' "$tmp/cert.txt"; then ok; else
	bad "text dump: no 'ễ' in DejaVu Serif"; fi

# A character no font has: U+13000 and a private-use U+E000, in two
# people's names, in every document: one warning each, at the person.
bad_dir=$tmp/bad
mkdir -p "$bad_dir"
sed -e 's/given="Ḥasan"/given="Ḥasan \xf0\x93\x80\x80"/' \
    -e 's/given="Thị Minh"/given="Thị Minh \xee\x80\x80 \xf0\x93\x80\x80"/' \
    "$src/programme.xml" >"$bad_dir/programme.xml"
"$TANDEM" build "$bad_dir" -o "$tmp/badout" 2>"$tmp/err"
rc=$?
[ $rc -eq 0 ] && ok || bad "missing glyphs: exit $rc"
n=$(grep -c 'U+13000' "$tmp/err")
[ "$n" = 1 ] && ok || bad "U+13000: $n warnings, want 1: $(cat "$tmp/err")"
n=$(grep -c 'U+E000' "$tmp/err")
[ "$n" = 1 ] && ok || bad "U+E000: $n warnings, want 1: $(cat "$tmp/err")"
n=$(wc -l <"$tmp/err")
[ "$n" = 2 ] && ok || bad "missing glyphs: $n messages, want 2"
l1=$(grep -n 'id="a1"' "$bad_dir/programme.xml" | cut -d: -f1)
l3=$(grep -n 'id="a3"' "$bad_dir/programme.xml" | cut -d: -f1)
if grep -qF "$bad_dir/programme.xml:$l1: warning: character U+13000 (𓀀) in the name of person a1 is not in font" "$tmp/err"
then ok; else bad "U+13000 not at a1: $(cat "$tmp/err")"; fi
if grep -qF "$bad_dir/programme.xml:$l3: warning: character U+E000 " "$tmp/err"
then ok; else bad "U+E000 not at a3: $(cat "$tmp/err")"; fi
# ... and the rest of the name still extracts.
pdftotext "$tmp/badout/certificates/a3.pdf" - | grep -q 'Thị Minh' && ok ||
    bad "a3 with a missing glyph: name lost"

# The template setting: fallback="" turns it off (then Liberation lacks
# the glyphs and says so), an unknown fallback family is an error at the
# template's line.
nof=$tmp/nofallback
mkdir -p "$nof/templates"
cp "$src/programme.xml" "$nof/"
sed 's/family="Liberation Serif"/& fallback=""/' \
    "$TOP/templates/certificate.xml" >"$nof/templates/certificate.xml"
"$TANDEM" build "$nof" --only certificates -o "$tmp/nofout" 2>"$tmp/err"
if grep -q 'U+1EC5 (ễ) in the name of person a3 is not in font Liberation Serif; it prints' \
    "$tmp/err"; then ok; else bad "fallback=\"\": $(head -3 "$tmp/err")"; fi
sed 's/family="Liberation Serif"/& fallback="No Such Font"/' \
    "$TOP/templates/certificate.xml" >"$nof/templates/certificate.xml"
"$TANDEM" build "$nof" --only certificates -o "$tmp/nofout2" 2>"$tmp/err"
rc=$?
[ $rc -ne 0 ] && ok || bad "unknown fallback font: exit 0"
line=$(grep -n 'No Such Font' "$nof/templates/certificate.xml" | head -1 |
    cut -d: -f1)
if grep -qF "certificate.xml:$line: error: fallback font \"No Such Font\"" \
    "$tmp/err"; then ok; else bad "unknown fallback: $(head -3 "$tmp/err")"; fi
[ ! -e "$tmp/nofout2/certificates.pdf" ] && ok ||
    bad "unknown fallback: output left"
