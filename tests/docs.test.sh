#!/bin/sh
# The documents as readers see them: builds the sample programme
# (content/) into a temporary folder, runs tests/pdfcheck on every PDF,
# checks the texts with pdftotext and pdfinfo, the file sets (one
# certificate per participant not withdrawn, one agreement per tandem),
# byte-identical reruns, atomic output on errors, and the time of the
# whole build. Prints "docs: N passed, N failed".

TOP=$(cd "$(dirname "$0")/.." && pwd)
. "$TOP/tests/lib.sh"
export LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1700000000
pass=0 fail=0
tmp=$(mktemp -d)
trap '[ -n "$KEEP" ] || rm -rf "$tmp"; echo "docs: $pass passed, $fail failed"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "docs.test.sh: $*" >&2; }

# has NAME FILE STRING: the text file contains STRING.
has() {
	if grep -qF -- "$3" "$2"; then ok; else bad "$1: no '$3'"; fi
}
hasnot() {
	if grep -qF -- "$3" "$2"; then bad "$1: unexpected '$3'"; else ok; fi
}

out=$tmp/out
cpu_ms "$tmp/t0"
if "$TANDEM" build "$TOP/content" -o "$out" 2>"$tmp/err"; then ok; else
	bad "build content failed: $(head -3 "$tmp/err")"; fi
cpu_ms "$tmp/t1"
ms=$(timed_ms "$tmp/t0" "$tmp/t1")
# Well under a second (generous for loaded machines and sanitizers).
if [ -n "$VALGRIND" ] || [ $ms -lt 3000 ]; then ok; else
	bad "build content took $ms ms"; fi
if grep -q "error" "$tmp/err"; then bad "errors: $(head -3 "$tmp/err")";
else ok; fi

for k in handbook tandems agreements certificates report; do
	[ -s "$out/$k.pdf" ] && ok || bad "$k.pdf missing"
done
people=$(grep -c '<person ' "$TOP/content/programme.xml")
withdrawn=$(grep -c 'status="withdrawn"' "$TOP/content/programme.xml")
ncert=$(ls "$out/certificates" | grep -c '\.pdf$')
[ "$ncert" = $((people - withdrawn)) ] && ok ||
    bad "certificates: $ncert files for $((people - withdrawn)) people"
nag=$(ls "$out/agreements" | grep -c '\.pdf$')
ntand=$(pdftotext "$out/agreements.pdf" - | grep -c '^1\. Rahmen$')
[ "$nag" -gt 0 ] && [ "$nag" = "$ntand" ] && ok ||
    bad "agreements: $nag files, $ntand in agreements.pdf"
# Output file names come from the ids only.
if ls "$out/certificates" "$out/agreements" | grep -v ':$' | grep -v '^$' |
    grep -qv '^[A-Za-z0-9_-]*\.pdf$'; then bad "odd file names"; else ok; fi

# Every PDF passes the validity gate.
if sh "$TOP/tests/pdfcheck" "$out"/*.pdf "$out"/certificates/*.pdf \
    "$out"/agreements/*.pdf >"$tmp/check" 2>&1; then ok; else
	bad "pdfcheck: $(head -3 "$tmp/check")"; fi

# Texts as extracted.
for k in handbook tandems agreements certificates report; do
	pdftotext "$out/$k.pdf" "$tmp/$k.txt" 2>/dev/null
done
has handbook "$tmp/handbook.txt" "Handbuch für Mentees, Mentorinnen und Mentoren"
has handbook "$tmp/handbook.txt" "Teilnehmende"
has handbook "$tmp/handbook.txt" "Termine"
has handbook "$tmp/handbook.txt" "Kontakt"
has handbook "$tmp/handbook.txt" "Katarzyna Wiśniewska"
has handbook "$tmp/handbook.txt" "Seite 3 von"
hasnot handbook "$tmp/handbook.txt" "{{"
# The running head is never cut in the middle of a title part.
if grep -q 'Lindenau ·$' "$tmp/handbook.txt"; then bad "running head cut";
else ok; fi
has tandems "$tmp/tandems.txt" "Tandemübersicht"
has tandems "$tmp/tandems.txt" "Gesamt"
has tandems "$tmp/tandems.txt" "Aylin Öztürk"
has agreements "$tmp/agreements.txt" "Vertraulichkeit"
has agreements "$tmp/agreements.txt" "Ort, Datum"
hasnot agreements "$tmp/agreements.txt" ", ,"
# The write-on lines after "nämlich:" are drawn lines, not underscores
# that a screen reader would read out.
if grep -q 'nämlich: *_' "$tmp/agreements.txt"; then
	bad "agreements: underscores after 'nämlich:'"; else ok; fi
has agreements "$tmp/agreements.txt" "in einem anderen Rhythmus, nämlich:"
# Each agreement in agreements.pdf counts its own pages.
has agreements "$tmp/agreements.txt" "Seite 2 von 2"
hasnot agreements "$tmp/agreements.txt" "Seite 3 von"
has certificates "$tmp/certificates.txt" "Urkunde"
has certificates "$tmp/certificates.txt" "als Mentorin am Programm"
has certificates "$tmp/certificates.txt" "als Mentee am Programm"
has certificates "$tmp/certificates.txt" "Urkunden-Nr. icm-2025/"
has certificates "$tmp/certificates.txt" "Lindenau, den 21. Mai 2026"
# The certificate as read: each signatory's name, office and organisation
# together, left block before right; the number last; the programme's
# title in balanced lines (no word alone on the second).
pdftotext -f 1 -l 1 "$out/certificates.pdf" - | tr -d '\f' |
    grep -v '^$' >"$tmp/c1.txt"
tr '\n' '|' <"$tmp/c1.txt" | grep -qF 'Dr. Friederike Lang|Oberbürgermeisterin|Stadt Lindenau|Harald Böttcher|Bürgermeister|Stadt Bergheim-Süd|Urkunden-Nr. icm-2025/m01-' &&
    ok || bad "certificate: signatories not read in order: $(tail -8 "$tmp/c1.txt" | tr '\n' '|')"
[ "$(tail -1 "$tmp/c1.txt" | cut -c1-12)" = "Urkunden-Nr." ] && ok ||
    bad "certificate: the number is not last"
has certificate-title "$tmp/c1.txt" "Bergheim-Süd · Lindenau · Ostheim"
if grep -q "·$" "$tmp/c1.txt"; then bad "certificate: title line ends with ·"; else ok; fi
pdfinfo -struct-text "$out/certificates/m01.pdf" 2>/dev/null |
    grep -v '^ *$' | tail -1 | grep -q '"Urkunden-Nr\. ' && ok ||
    bad "certificate: the number is not last in the structure"
has report "$tmp/report.txt" "Abschlussbericht"
has report "$tmp/report.txt" "Zufriedenheit (1 = gar nicht, 5 = sehr zufrieden)"
hasnot report "$tmp/report.txt" "{{"

# One page per certificate, at most two per agreement.
for f in "$out"/certificates/*.pdf; do
	n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	[ "$n" = 1 ] || { bad "$f: $n pages"; break; }
done && ok
for f in "$out"/agreements/*.pdf; do
	n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	[ "$n" -le 2 ] || { bad "$f: $n pages"; break; }
done && ok
pdfinfo "$out/certificates.pdf" | grep -q "^Pages: *$ncert$" && ok ||
    bad "certificates.pdf pages"

# The certificate's paragraphs in balanced lines: the last line of the
# thanks is no pair of words ("Dafür / danken wir herzlich.").
for f in m01 t01 t05 t12; do
	last=$(pdftotext -layout "$out/certificates/$f.pdf" - |
	    grep -v '^ *$' | grep -B1 'Lindenau, den' | head -1)
	[ "$(echo "$last" | wc -w)" -ge 5 ] && ok ||
	    bad "certificate $f: short last line '$last'"
done

# A crowded certificate (a three-line title, a long name, three
# signatories, one with a long office) is tightened onto one page, without
# a warning; one that cannot fit is warned about with the person's line.
mkdir -p "$tmp/crowd"
cp -r "$TOP/content/logos" "$tmp/crowd/"
sed -e 's|<title>Interkommunales[^<]*</title>|<title>Mentoring für Frauen in Führungspositionen der Kommunalverwaltungen im Regierungsbezirk Mittelfranken-Süd und den angrenzenden Landkreisen</title>|' \
    -e 's|<name given="Markus" family="Zimmermann"/>|<name given="Maximiliane Charlotte" family="von Hohenzollern-Sigmaringen-Wittelsbach" title="Prof. Dr."/>|' \
    -e 's|^\(    <signatory name="Harald.*\)$|\1\
    <signatory name="Prof. Dr. Dr. h. c. Annemarie Schmidt-Weißenfels" office="Gleichstellungsbeauftragte und Leiterin des Referats für Personalentwicklung" org="os"/>|' \
    "$TOP/content/programme.xml" >"$tmp/crowd/programme.xml"
grep -q Schmidt-Wei "$tmp/crowd/programme.xml" && grep -q Hohenzollern \
    "$tmp/crowd/programme.xml" && ok || bad "crowded programme not made"
if "$TANDEM" build "$tmp/crowd" -o "$tmp/crowdout" --only certificates \
    2>"$tmp/crowd.err"; then ok; else bad "crowded certificates failed"; fi
hasnot crowd "$tmp/crowd.err" "does not fit"
for f in "$tmp"/crowdout/certificates/*.pdf; do
	n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	[ "$n" = 1 ] || { bad "crowded $f: $n pages"; break; }
done && ok
n=$(ls "$tmp"/crowdout/certificates/*.pdf | wc -l)
pdfinfo "$tmp/crowdout/certificates.pdf" | grep -q "^Pages: *$n$" && ok ||
    bad "crowded certificates.pdf pages"
pdftotext "$tmp/crowdout/certificates/t12.pdf" - | tr '\n' ' ' |
    grep -q "Hohenzollern-Sigmaringen-Wittelsbach .*Urkunden-Nr" && ok ||
    bad "crowded t12: name or number missing"
# Far too much text: warned about, still written.
{ cat "$TOP/content/certificate.md"; for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do
	printf '\nEin weiterer langer Absatz, der die Urkunde füllt, bis sie über die Seite hinausgeht, und noch ein paar Wörter mehr.\n'
done; } >"$tmp/crowd/certificate.md"
"$TANDEM" build "$tmp/crowd" -o "$tmp/crowdout2" --only certificates \
    2>"$tmp/crowd2.err"
grep -q 'programme.xml:[0-9]*: warning: certificate of Prof. Dr. Maximiliane Charlotte von Hohenzollern-Sigmaringen-Wittelsbach (t12) does not fit on one page' \
    "$tmp/crowd2.err" && ok || bad "no warning for t12: $(head -3 "$tmp/crowd2.err")"
[ -z "$(grep 'does not fit' "$tmp/crowd2.err" | sort | uniq -d)" ] && ok ||
    bad "a warning repeated (combined and separate files)"

# Document information: every organisation as the author; the combined
# files titled in the plural, the single ones in the singular.
info() { pdfinfo "$1" 2>/dev/null | sed -n "s/^$2: *//p"; }
orgs='Stadt Bergheim-Süd, Stadt Lindenau, Kreisstadt Ostheim'
for f in handbook tandems agreements certificates report \
    agreements/m01 certificates/m01; do
	[ "$(info "$out/$f.pdf" Author)" = "$orgs" ] && ok ||
	    bad "$f.pdf: author '$(info "$out/$f.pdf" Author)'"
done
ptitle='Interkommunales Cross-Mentoring Bergheim-Süd · Lindenau · Ostheim'
[ "$(info "$out/certificates.pdf" Title)" = "Urkunden – $ptitle" ] && ok ||
    bad "certificates.pdf: title '$(info "$out/certificates.pdf" Title)'"
[ "$(info "$out/agreements.pdf" Title)" = "Zielvereinbarungen – $ptitle" ] &&
    ok || bad "agreements.pdf: title '$(info "$out/agreements.pdf" Title)'"
for f in tandems:Tandemübersicht report:Abschlussbericht; do
	[ "$(info "$out/${f%%:*}.pdf" Title)" = "${f#*:} – $ptitle" ] && ok ||
	    bad "${f%%:*}.pdf: title '$(info "$out/${f%%:*}.pdf" Title)'"
done
[ "$(info "$out/certificates/m01.pdf" Title)" = "Urkunde – Aylin Öztürk" ] &&
    ok || bad "certificates/m01.pdf: title"
# The combined agreements keep the singular in their running foot.
has agreements-foot "$tmp/agreements.txt" "Zielvereinbarung"

# Byte-identical reruns.
"$TANDEM" build "$TOP/content" -o "$tmp/again" 2>/dev/null
if cmp -s "$out/certificates.pdf" "$tmp/again/certificates.pdf" &&
    cmp -s "$out/report.pdf" "$tmp/again/report.pdf" &&
    cmp -s "$out/agreements/m01.pdf" "$tmp/again/agreements/m01.pdf"; then
	ok; else bad "reruns differ"; fi

# An unknown placeholder: exit 65, the earlier output stays untouched.
mkdir -p "$tmp/bad"
cp -R "$TOP/content/." "$tmp/bad/"
printf '# Urkunde\n\n{{person.nmae}}\n' >"$tmp/bad/certificate.md"
cp "$out/certificates.pdf" "$tmp/keep.pdf"
"$TANDEM" build "$tmp/bad" --only certificates -o "$out" 2>"$tmp/err"
rc=$?
[ $rc = 65 ] && ok || bad "unknown placeholder: exit $rc"
has badph "$tmp/err" "certificate.md:3:1: error: unknown placeholder 'person.nmae'"
cmp -s "$out/certificates.pdf" "$tmp/keep.pdf" && ok ||
    bad "certificates.pdf changed after an error"
if ls "$out" | grep -q '\.tmp\|^\.'; then bad "temporary files left"; else ok; fi

# No PDF/A: still clean.
"$TANDEM" build "$TOP/content" --only certificates,report --no-pdfa \
    -o "$tmp/plain" 2>/dev/null && ok || bad "--no-pdfa"
sh "$TOP/tests/pdfcheck" "$tmp/plain/report.pdf" >/dev/null 2>&1 && ok ||
    bad "pdfcheck --no-pdfa"

# Logos of every PNG kind: grey, RGB with many colours and palette images
# are encoded once per run (RGB with few colours as a palette); images with
# transparency take libharu's own path. All must render cleanly, with and
# without PDF/A, and the re-encoded ones pixel for pixel.
logo=$tmp/logos
mkdir -p "$logo/logos"
cp "$TOP"/tests/data/png/*.png "$TOP"/content/logos/lindenau.png "$logo/logos/"
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo '<programme id="logo-test"><title>Logos</title>'
	echo '<period start="2024-01-01" end="2024-12-31"/><organisations>'
	n=0
	for f in grey rgb-many rgba palette-trns palette lindenau; do
		n=$((n + 1))
		echo "<organisation id=\"o$n\" logo=\"logos/$f.png\">Org $f</organisation>"
	done
	echo '</organisations><people>'
	echo '<person id="a" role="mentee" org="o1"><name family="Eins"/></person>'
	echo '<person id="b" role="mentor" org="o2"><name family="Zwei"/></person>'
	echo '</people></programme>'
} >"$logo/programme.xml"
for pdfa in "" --no-pdfa; do
	rm -rf "$tmp/lo"
	if "$TANDEM" build "$logo" --only certificates $pdfa -o "$tmp/lo" \
	    2>"$tmp/err"; then ok; else
		bad "logos $pdfa: $(head -3 "$tmp/err")"; continue; fi
	sh "$TOP/tests/pdfcheck" "$tmp/lo/certificates.pdf" \
	    "$tmp/lo/certificates/a.pdf" >"$tmp/check" 2>&1 && ok ||
	    bad "logos $pdfa: $(head -3 "$tmp/check")"
	pdfimages -list -f 1 -l 1 "$tmp/lo/certificates.pdf" >"$tmp/list" 2>&1
	n=$(awk '$3 == "image"' "$tmp/list" | wc -l)
	[ "$n" = 6 ] && ok || bad "logos $pdfa: $n images on page 1"
	grep -q ' 60 *20 *gray ' "$tmp/list" && ok || bad "logos: no grey image"
	grep -q ' 360 *120 *index ' "$tmp/list" && ok ||
	    bad "logos: the sample logo is not a palette image"
done
if command -v compare >/dev/null 2>&1; then
	# The images (not soft masks) in order: grey, rgb-many, rgba,
	# palette-trns, palette, lindenau.
	mkdir -p "$tmp/img"
	pdfimages -png -f 1 -l 1 "$tmp/lo/certificates.pdf" "$tmp/img/x" \
	    2>/dev/null
	nums=$(awk '$3 == "image" { printf "%03d ", $2 }' "$tmp/list")
	set -- $nums
	for pair in "$1:grey" "$2:rgb-many" "$5:palette" "$6:lindenau"; do
		n=${pair%%:*} f=${pair#*:}
		ae=$(compare -metric AE "$logo/logos/$f.png" "$tmp/img/x-$n.png" \
		    null: 2>&1)
		[ "$ae" = 0 ] && ok || bad "logo $f: $ae pixels differ"
	done
else
	bad "logo pixels: no ImageMagick compare (run ./setup)"
fi

# tandems.pdf: the totals count exactly the people listed. Every mentee and
# mentor taking part is either in a tandem row or in the table of those
# without one, and "Ohne Tandem" names both counts by role.
pdftotext -layout "$out/tandems.pdf" "$tmp/tandems.txt"
# "tandem check" counts the people taking part (not withdrawn).
"$TANDEM" check "$TOP/content" >"$tmp/summary" 2>/dev/null
mentees=$(sed -n 's/.*: \([0-9]*\) mentees.*/\1/p' "$tmp/summary")
mentors=$(sed -n 's/.*, \([0-9]*\) mentors.*/\1/p' "$tmp/summary")
idle=$(awk '/^ *Ohne Tandem$/ { on = 1; next } /^ *Gesamt$/ { on = 0 }
    on && / Mentor(in)?(\/Mentor)? / { n++ } END { print n + 0 }' \
    "$tmp/tandems.txt")
lonely=$(awk '/^ *Ohne Tandem$/ { on = 1; next } /^ *Gesamt$/ { on = 0 }
    on && / Mentee / { n++ } END { print n + 0 }' "$tmp/tandems.txt")
total() { sed -n "s/^ *$1  *//p" "$tmp/tandems.txt" | tr -d ' '; }
[ -n "$mentees" ] && [ "$(total Mentees)" = "$mentees" ] && ok ||
    bad "tandems.pdf: Mentees $(total Mentees), data '$mentees'"
[ -n "$mentors" ] && [ "$(total 'Mentorinnen und Mentoren')" = "$mentors" ] &&
    ok || bad "tandems.pdf: mentors $(total 'Mentorinnen und Mentoren')"
# No one of a role is "keine", not "0". (The sample uses every mentor.)
lw=$lonely; [ "$lonely" = 0 ] && lw=keine
iw=$idle; [ "$idle" = 0 ] && iw=keine
grep -q "^ *Ohne Tandem  *$lw Mentees\{0,1\}, $iw Mentor" \
    "$tmp/tandems.txt" && ok ||
    bad "tandems.pdf: totals do not name $lonely mentees, $idle mentors" \
    "without a tandem: $(grep '^Ohne Tandem ' "$tmp/tandems.txt")"
ntandems=$(grep -c '^ \{0,2\}[0-9][0-9]* ' "$tmp/tandems.txt")
[ "$(total Tandems)" = "$ntandems" ] && ok ||
    bad "tandems.pdf: $(total Tandems) tandems in the totals, $ntandems rows"

# Score parts: each label with its value on one line; an unmatched
# mentor's reason says what is known. (pdftotext turns the no-break
# spaces into spaces.)
nb=' '
for part in "Themen${nb}100${nb}%" "Fachgebiet${nb}0${nb}%" \
    "Stufenabstand${nb}75${nb}%"; do
	has tandems-parts "$tmp/tandems.txt" "$part"
done
# The sample without spread leaves a mentor idle: the reason is the true
# one (the score), not "every mentee already has a tandem".
mkdir -p "$tmp/enp" "$tmp/rule" "$tmp/nosp"
sed 's/<rules /<rules spread="false" /' "$TOP/content/programme.xml" \
    >"$tmp/nosp/programme.xml"
"$TANDEM" build "$tmp/nosp" --only tandems -o "$tmp/nosp/out" 2>/dev/null
pdftotext "$tmp/nosp/out/tandems.pdf" - 2>/dev/null | tr '\n' ' ' |
    tr -s ' ' >"$tmp/nosp/t.txt"
has tandems-reason "$tmp/nosp/t.txt" "die Verteilung auf möglichst viele Mentorinnen und Mentoren ist abgeschaltet"
hasnot tandems-reason "$tmp/nosp/t.txt" "alle Mentees haben bereits ein Tandem"
hasnot tandems-reason "$tmp/tandems.txt" "nicht benötigt oder"
sed -e 's/lang="de"/lang="en"/' -e 's/<rules /<rules spread="false" /' \
    "$TOP/content/programme.xml" >"$tmp/enp/programme.xml"
"$TANDEM" build "$tmp/enp" --only tandems -o "$tmp/enp/out" 2>/dev/null
pdftotext -layout "$tmp/enp/out/tandems.pdf" "$tmp/enp/t.txt" 2>/dev/null
has tandems-en "$tmp/enp/t.txt" "spreading over the mentors is off"
has tandems-en "$tmp/enp/t.txt" "Level${nb}gap${nb}75${nb}%"
# A mentor of the same organisation as the one mentee left over.
sed 's|</people>|<person id="r3" role="mentor" org="k" level="15"><name family="Adler"/></person></people>|' \
    "$TOP/tests/golden/docs/small/programme.xml" >"$tmp/rule/programme.xml"
"$TANDEM" build "$tmp/rule" --only tandems -o "$tmp/rule/out" 2>/dev/null
pdftotext "$tmp/rule/out/tandems.pdf" - 2>/dev/null | tr '\n' ' ' >"$tmp/rule/t.txt"
# (Its one admissible mentee has a tandem with another mentor, who would
# be left without one.)
has tandems-rule "$tmp/rule/t.txt" "nur 1 Mentee ist zulässig und wird für ein anderes Tandem gebraucht: ein Tandem hier ließe eine andere Person ohne Tandem"
# The column and the total say "Passung" alike; the reasons are sentences.
has tandems-words "$tmp/tandems.txt" "Passung im Mittel"
hasnot tandems-words "$tmp/tandems.txt" "Punkte"
hasnot tandems-words "$tmp/tandems.txt" " 0 Mentee"
hasnot tandems-rule "$tmp/rule/t.txt" "gleiche Organisation:"
has tandems-en "$tmp/enp/t.txt" "programme’s rules"
# A mentee whom the rules exclude from every mentor: the rules counted in
# one sentence; "keine" for nobody of a role, inflected as the wording
# needs ("keine Mentorierenden").
sed -e 's|</people>|<person id="x9" role="mentee" org="k" level="15"><name family="Abseits"/></person></people>|' \
    -e 's/wording="[a-z]*"//' -e 's/<programme /<programme wording="neutral" /' \
    "$TOP/tests/golden/docs/small/programme.xml" >"$tmp/rule/programme.xml"
"$TANDEM" build "$tmp/rule" --only tandems -o "$tmp/rule/out2" 2>/dev/null
pdftotext "$tmp/rule/out2/tandems.pdf" - 2>/dev/null | tr '\n' ' ' |
    tr -s ' ' >"$tmp/rule/t2.txt"
has tandems-rule "$tmp/rule/t2.txt" "kein zulässiges Gegenüber: "
has tandems-rule "$tmp/rule/t2.txt" "keine Mentorierenden"

# A missing logo file: exactly one warning per file for the whole build
# (handbook and certificates both show logos), at its line, saying what
# to do; a file that is no image is an error there (exit 65).
mkdir -p "$tmp/logo/logos"
sed -e 's|logo="logos/lindenau.png"|logo="logos/kaputt.png"|' \
    "$TOP/content/programme.xml" >"$tmp/logo/programme.xml"
echo "no image" >"$tmp/logo/logos/kaputt.png"
"$TANDEM" build "$tmp/logo" -o "$tmp/logo/out" 2>"$tmp/logo/err"
rc=$?
[ "$rc" = 65 ] && ok || bad "build with a file that is no image: exit $rc, want 65"
n=$(grep -c 'logo' "$tmp/logo/err")
[ "$n" = 3 ] && ok || bad "missing logos: $n messages, want 3: $(grep logo "$tmp/logo/err")"
has logo-missing "$tmp/logo/err" "programme.xml:14: warning: logo logos/bergheim-sued.png of organisation 'bs': no such file in $tmp/logo; left out (put the file there or remove the logo attribute)"
has logo-bad "$tmp/logo/err" "programme.xml:15: error: logo logos/kaputt.png of organisation 'li' is not a PNG or JPEG file; convert it to PNG"
[ "$(grep -c 'ostheim.png' "$tmp/logo/err")" = 1 ] && ok ||
    bad "ostheim.png: not one warning"

# A template's own logo that is missing: one warning at the template's
# line for the whole build, not one per certificate file.
mkdir -p "$tmp/tlogo/templates"
cp "$TOP/tests/golden/docs/small/programme.xml" "$tmp/tlogo/"
sed 's|<colors|<logo src="logos/fehlt.png" width="30mm"/>\
  <colors|' "$TOP/templates/certificate.xml" \
    >"$tmp/tlogo/templates/certificate.xml"
line=$(grep -n 'fehlt.png' "$tmp/tlogo/templates/certificate.xml" | cut -d: -f1)
"$TANDEM" build "$tmp/tlogo" --only certificates -o "$tmp/tlogo/out" \
    2>"$tmp/tlogo/err" && ok || bad "build with a missing template logo failed"
[ "$(grep -c 'fehlt.png' "$tmp/tlogo/err")" = 1 ] && ok ||
    bad "template logo: not one warning: $(cat "$tmp/tlogo/err")"
has tlogo-line "$tmp/tlogo/err" "templates/certificate.xml:$line: warning: logo"

# Four signatories: a row of three and one centred below, each its own
# Form element in reading order; a long office wraps instead of shrinking.
mkdir -p "$tmp/sig"
sed 's|</signatories>|<signatory name="Anna Dritte" office="Dezernentin für Personal und Organisation" org="k"/><signatory name="Bernd Vierter" office="Gleichstellungsbeauftragter" org="n"/></signatories>|' \
    "$TOP/tests/golden/docs/small/programme.xml" >"$tmp/sig/programme.xml"
"$TANDEM" build "$tmp/sig" --only certificates -o "$tmp/sig/out" 2>/dev/null
pdfinfo -struct-text "$tmp/sig/out/certificates/e1.pdf" 2>/dev/null |
    grep -A1 '^  Form' | grep '"' | tr -d '"' | sed 's/^ *//' >"$tmp/sig/forms"
printf '%s\n' "Dr. Maria Beispiel Bürgermeisterin Stadt Kleinstadt" \
    "Peter Muster Bürgermeister Gemeinde Nachbardorf" \
    "Anna Dritte Dezernentin für Personal und Organisation Stadt Kleinstadt" \
    "Bernd Vierter Gleichstellungsbeauftragter Gemeinde Nachbardorf" \
    >"$tmp/sig/want"
cmp -s "$tmp/sig/forms" "$tmp/sig/want" && ok ||
    bad "signatories: $(cat "$tmp/sig/forms")"
pdftotext "$tmp/sig/out/certificates/e1.pdf" - 2>/dev/null |
    grep -qx 'und Organisation' && ok || bad "long office not wrapped"
pdfinfo "$tmp/sig/out/certificates/e1.pdf" | grep -q '^Pages: *1$' && ok ||
    bad "four signatories: not one page"

# Agreements stay within two pages, in the sample and with the longest
# names, affiliations, place, title and twenty long topics.
for f in "$out"/agreements/*.pdf; do
	n=$(pdfinfo "$f" | awk '/^Pages:/ { print $2 }')
	[ "$n" -le 2 ] || bad "$(basename "$f"): $n pages"
done
ok
long=$(printf 'Wiśniewska-Öztürk-%.0s' 1 2 3 4 5 6 7 8)Dąbrowska
unit=$(printf 'Fachbereich Stadtentwicklung, Bauaufsicht, Denkmalschutz und Liegenschaften %.0s' 1 2)
mkdir -p "$tmp/long"
{
	echo '<?xml version="1.0" encoding="UTF-8"?>'
	echo "<programme id=\"long\" wording=\"neutral\" place=\"$unit\">"
	echo "<title>$unit$unit</title>"
	echo '<period start="2024-01-15" end="2024-12-15"/><organisations>'
	echo "<organisation id=\"k\">$unit</organisation>"
	echo "<organisation id=\"n\">$unit</organisation></organisations>"
	echo '<topics>'
	ids=
	for i in $(seq 1 20); do
		echo "<topic id=\"t$i\">Vereinbarkeit von Beruf, Familie und Pflege, Teil $i</topic>"
		ids="$ids t$i"
	done
	echo '</topics><people>'
	for who in "e1 mentee k" "r1 mentor n"; do
		set -- $who
		echo "<person id=\"$1\" role=\"$2\" org=\"$3\" topics=\"${ids# }\">"
		echo "<name given=\"$long\" family=\"$long\" title=\"Prof. Dr. Dr. h. c.\"/>"
		echo "<unit>$unit</unit><position>$unit</position></person>"
	done
	echo '</people></programme>'
} >"$tmp/long/programme.xml"
if "$TANDEM" build "$tmp/long" --only agreements -o "$tmp/long/out" \
    2>"$tmp/err"; then
	n=$(pdfinfo "$tmp/long/out/agreements/e1.pdf" | awk '/^Pages:/ { print $2 }')
	[ "$n" -le 2 ] && ok || bad "longest agreement: $n pages"
	pdftotext "$tmp/long/out/agreements/e1.pdf" - | grep -q 'Teil 20' &&
	    ok || bad "longest agreement: topics missing"
else
	bad "longest agreement: $(head -3 "$tmp/err")"
fi

# An English programme without texts of its own gets the English default
# texts and labels in every document: no German word of the defaults or
# of the built-in labels leaks into it.
en=$TOP/tests/golden/docs/english
if "$TANDEM" build "$en" -o "$tmp/en" 2>"$tmp/err"; then ok; else
	bad "english build: $(head -3 "$tmp/err")"; fi
for k in handbook tandems agreements certificates report; do
	pdftotext "$tmp/en/$k.pdf" "$tmp/en/$k.txt" 2>/dev/null
	if grep -n -w -E 'Seite|von|und|der|die|das|den|bis|Mentorin|Mentoren|Mentorinnen|Urkunde|Zielvereinbarung|Handbuch|Inhalt|Gesamt|Termine|Kontakt|Teilnehmende|Telefon|Datum|Ort|Rolle|Grund|keine|nicht|Laufzeit|Zeitraum|Funktion|Themen|Passung|Anteile|Auswertungsbericht|Abschlussbericht|Tandemübersicht|Januar|März|Mai|Juni|Juli|Oktober|Dezember' \
	    "$tmp/en/$k.txt" >"$tmp/en/$k.de" ||
	    grep -n -E '„|“|[äöüß]' "$tmp/en/$k.txt" >"$tmp/en/$k.de"; then
		bad "english $k: German text: $(head -3 "$tmp/en/$k.de")"
	else ok; fi
done
has english-handbook "$tmp/en/handbook.txt" "Page 3 of"
has english-handbook "$tmp/en/handbook.txt" "Welcome to the programme"
has english-handbook "$tmp/en/handbook.txt" "15 August 2022"
has english-agreement "$tmp/en/agreements.txt" "by phone, when meeting"
has english-certificate "$tmp/en/certificates.txt" "Northtown, 10 November 2023"
has english-tandems "$tmp/en/tandems.txt" "1 mentee, 1 mentor"
has english-report "$tmp/en/report.txt" "from 15 August 2022 to 15 November 2023"
has english-report "$tmp/en/report.txt" "Page 1 of"
case $(info "$tmp/en/certificates.pdf" Title) in
"Certificates – "*) ok ;; *) bad "english certificates.pdf: title" ;; esac
case $(info "$tmp/en/agreements.pdf" Title) in
"Goal agreements – "*) ok ;; *) bad "english agreements.pdf: title" ;; esac

# The default handbook tells how the tandems came about: by matching, or
# put together by the coordinators when they are fixed (tandems.xml).
pdftotext "$out/handbook.pdf" "$tmp/hb.txt"
has handbook-matched "$tmp/hb.txt" "in einem sorgfältigen Matching gebildet"
cp -R "$TOP/content" "$tmp/fixed"
rm -rf "$tmp/fixed/handbook"
if "$TANDEM" match "$tmp/fixed" --write >/dev/null 2>&1 &&
    "$TANDEM" build "$tmp/fixed" --only handbook -o "$tmp/fixed/out" \
    2>"$tmp/err"; then
	pdftotext "$tmp/fixed/out/handbook.pdf" "$tmp/hbf.txt"
	has handbook-fixed "$tmp/hbf.txt" "sorgfältig zusammengestellt"
	has handbook-fixed "$tmp/hbf.txt" "anschließend selbst zusammengestellt"
	hasnot handbook-fixed "$tmp/hbf.txt" "Matchingverfahren"
else
	bad "fixed tandems: $(head -3 "$tmp/err")"
fi

# Personal names are never hyphenated (a double name breaks only at its
# own hyphen); in an English programme the data (units, positions,
# topics: German here) is not hyphenated either, rather than with English
# patterns ("Informations-technik" was "Information-stechnik").
mkdir -p "$tmp/nm"
sed 's/given="Aylin" family="Öztürk"/given="Hannelore" family="Oberhauser-Wittgenstein"/' \
    "$TOP/content/programme.xml" >"$tmp/nm/programme.xml"
"$TANDEM" build "$tmp/nm" --only handbook,tandems -o "$tmp/nm/out" 2>/dev/null
for f in handbook tandems; do
	pdfinfo -struct-text "$tmp/nm/out/$f.pdf" 2>/dev/null >"$tmp/nm/$f.st"
	n=$(grep -c "Hannelore" "$tmp/nm/$f.st")
	w=$(grep -c "Hannelore Oberhauser-Wittgenstein" "$tmp/nm/$f.st")
	[ "$n" -gt 0 ] && [ "$n" = "$w" ] && ok ||
	    bad "$f.pdf: name hyphenated: $(grep Hannelore "$tmp/nm/$f.st")"
done
"$TANDEM" build "$tmp/enp" --only handbook -o "$tmp/enp/out" 2>/dev/null
for f in handbook tandems; do
	pdfinfo -struct-text "$tmp/enp/out/$f.pdf" 2>/dev/null |
	    grep -A1 '^ *T[DH]$' | grep '[a-zäöüß]-[a-zäöüß]' |
	    grep -v '"Kick-off"' >"$tmp/enp/$f.hy"
	[ -s "$tmp/enp/$f.hy" ] && bad "english $f.pdf: data hyphenated:" \
	    "$(head -3 "$tmp/enp/$f.hy")" || ok
done
# A German programme still hyphenates its data where it must.
pdfinfo -struct-text "$out/handbook.pdf" 2>/dev/null |
    grep -A1 '^ *TD$' | grep -q '[a-zäöüß]-[a-zäöüß]' && ok ||
    bad "german handbook.pdf: no hyphenation in its tables"
