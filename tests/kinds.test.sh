#!/bin/sh
# The built-in texts are true for every kind of programme and every data
# set. Builds, with the text device, the seed programmes of the four kinds
# in tests/data/kinds (internal, cross-mentoring of two cities and of a
# region, partnership), the sample, a generated programme of each kind
# (bench/gen_programme.sh, as tools/snapshot.sh makes them) and English
# copies, and checks one claim at a time against each programme's data:
# no administration words in a partnership, the topic list of the tips
# chapter is the data's, numbers up to twelve in words, organisations in
# a list that needs no article, the field where a pairing is judged, no
# empty column or line, and so on.
# Prints "kinds: N passed, N failed".

TOP=$(cd "$(dirname "$0")/.." && pwd)
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1700000000
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; echo "kinds: $pass passed, $fail failed"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "kinds.test.sh: $*" >&2; }

# records FILE: one line per paragraph, heading, list item or table cell
# of a text device dump, running heads and feet left out; a word the
# line breaker hyphenated is joined again.
records() {
	awk '
	art != "" { if ($0 == art "</>") art = ""; next }
	/^ *<Artifact>$/ { art = $0; sub(/<Artifact>$/, "", art); next }
	/^<Document>$/ { doc = 1; next }
	/^<\/>$/ { doc = 0; next }
	!doc { next }
	/^ *<LBody>$/ { body = 1; next }
	/^ *<[A-Za-z0-9]+( [^>]*)?>$/ {
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
		if (s == "-" && rec != "") { join = 1; next }
		if (join) { rec = rec s; join = 0; next }
		rec = rec == "" ? s : rec " " s
	}
	END { if (rec != "") print rec }' "$1"
}

# The programmes: NAME and folder.
mkdir -p "$tmp/p"
for k in internal cross region partnership; do
	cp -R "$TOP/tests/data/kinds/$k" "$tmp/p/$k"
done
cp -R "$TOP/content" "$tmp/p/sample"
for k in internal cross partnership; do
	sh "$TOP/bench/gen_programme.sh" 24 "$tmp/p/gen-$k" >/dev/null
	sed -i "s/kind=\"cross\"/kind=\"$k\"/" "$tmp/p/gen-$k/programme.xml"
done
for k in internal partnership; do
	cp -R "$tmp/p/$k" "$tmp/p/en-$k"
	sed -i 's/lang="de"/lang="en"/' "$tmp/p/en-$k/programme.xml"
done
# A partnership with one topic: the tips chapter names it in the singular.
cp -R "$tmp/p/partnership" "$tmp/p/onetopic"
# A partnership that turns the same-field rule off, and a cross programme
# that turns the other-organisation rule off: the rules text follows.
cp -R "$tmp/p/partnership" "$tmp/p/nofield"
sed -i 's#</people>#&\n  <matching><rules same-field="false"/></matching>#' \
    "$tmp/p/nofield/programme.xml"
cp -R "$tmp/p/cross" "$tmp/p/noorg"
sed -i 's#<rules different-org="true"/>#<rules different-org="false"/>#' \
    "$tmp/p/noorg/programme.xml"
sed -i '/<topic id="app">/d; s/topics="rec app"/topics="rec"/;
    s/topics="app"/topics="rec"/' "$tmp/p/onetopic/programme.xml"
all="internal cross region partnership sample gen-internal gen-cross
    gen-partnership en-internal en-partnership onetopic nofield noorg"

for n in $all; do
	# Warnings about the data (a missing field, a place) are the
	# checks' business; the texts must build without an error.
	if "${TANDEM:?}" build "$tmp/p/$n" --device text -o "$tmp/o/$n" \
	    >/dev/null 2>"$tmp/err.$n" && ! grep -q 'error:' "$tmp/err.$n"
	then ok
	else bad "$n: build: $(head -3 "$tmp/err.$n")"; fi
	for d in handbook agreements certificates report tandems; do
		records "$tmp/o/$n/$d.txt" >"$tmp/$n.$d"
	done
	cat "$tmp/$n.handbook" "$tmp/$n.agreements" "$tmp/$n.certificates" \
	    >"$tmp/$n.texts"
done

# kind NAME: the programme's kind.
kind() {
	sed -n 's/.*<programme [^>]*kind="\([a-z]*\)".*/\1/p' \
	    "$tmp/p/$1/programme.xml"
}

# 1. No placeholder left unexpanded in any document.
for n in $all; do
	if grep -n '{{' "$tmp/$n".* >"$tmp/hits"; then
		bad "$n: placeholder left: $(head -2 "$tmp/hits")"
	else ok; fi
done

# 2. A partnership's mentees often have no employer, no post and no
# supervisor: none of the words of an administration's staff.
for n in partnership gen-partnership onetopic; do
	if grep -n -i -E 'Vorgesetzt|Dienstzeit|dienstlich|Arbeitsplätze|Dienststelle|Verwaltungsspitze|Beförderung|Linienhierarchie|Führungskr|Amtsleit|Personalrat|öffentlichen Dienst|Tandemjahr|gemeinsamen Jahr' \
	    "$tmp/$n.texts" >"$tmp/hits"; then
		bad "$n: not true for a partnership: $(head -3 "$tmp/hits")"
	else ok; fi
	# ... and it speaks of the profession instead (in the agreements
	# when the data name one).
	if grep -q 'aus demselben Berufsfeld' "$tmp/$n.handbook" &&
	    { ! grep -q ' field=' "$tmp/p/$n/programme.xml" ||
	    grep -q 'Berufsfeld' "$tmp/$n.agreements"; }; then ok
	else bad "$n: the profession is not named"; fi
done
# The rules sentence states the hard rules the matching applies, no more.
rules_line() { grep -o 'Feste Regeln: [^.]*\.[^.]*\.' "$tmp/$1.handbook"; }
for c in "partnership:aus demselben Berufsfeld, wo beide" \
    "nofield:möglichst aus demselben Berufsfeld" \
    "cross:aus verschiedenen Verwaltungen" "region:aus verschiedenen Verwaltungen"; do
	n=${c%%:*} want=${c#*:}
	rules_line "$n" | grep -q "$want" && ok ||
	    bad "$n: rules sentence without '$want': $(rules_line "$n")"
done
for n in noorg internal nofield; do
	rules_line "$n" | grep -q 'verschiedenen Verwaltungen\|verschiedenen Organisationen' &&
	    bad "$n: states a different-organisation rule not in force: $(rules_line "$n")" || ok
done
rules_line nofield | grep -q 'wo beide' &&
    bad "nofield: states the same-field rule that is off" || ok

if grep -n -i -E 'line manager|working hours|official secre|official records|two workplaces|promotion procedure|senior management|leadership style|staff council|tandem year' \
    "$tmp/en-partnership.texts" >"$tmp/hits"; then
	bad "en-partnership: not true for a partnership: $(head -3 "$tmp/hits")"
else ok; fi

# 3. Internal programmes are one administration: no "other
# administration", no "administrations involved"; cross-mentoring says
# mentee and mentor come from different administrations.
for n in internal gen-internal; do
	if grep -n -E 'andere(n)? Verwaltung|beteiligten Verwaltungen|beiden Verwaltungen|verschiedenen Verwaltungen' \
	    "$tmp/$n.texts" >"$tmp/hits"; then
		bad "$n: not true for an internal programme: $(head -3 "$tmp/hits")"
	else ok; fi
done
if grep -n -E 'other administration|administrations involved' \
    "$tmp/en-internal.texts" >"$tmp/hits"; then
	bad "en-internal: not true for an internal programme: $(head -3 "$tmp/hits")"
else ok; fi
for n in cross region gen-cross sample; do
	if grep -q 'aus verschiedenen Verwaltungen' "$tmp/$n.handbook"; then ok
	else bad "$n: cross-mentoring's rule is not stated"; fi
done

# 4. The tips chapter lists the programme's own topics, all of them and
# no others, in the data's order.
for n in $all; do
	want=$(sed -n 's/.*<topic id="[^"]*">\(.*\)<\/topic>.*/\1/p' \
	    "$tmp/p/$n/programme.xml" | awk '
	    { t[NR] = $0 }
	    END {
		for (i = 1; i <= NR; i++)
			s = s (i == 1 ? "" : i == NR ? (en ? " and " : " und ") : ", ") t[i]
		print s }' en="$(case $n in en-*) echo 1;; esac)")
	case $n in
	en-*) got=$(sed -n 's/^The focus topics\{0,1\} of the programme \(are\|is\) \(.*\)\. In case .*/\2/p' \
	    "$tmp/$n.handbook");;
	*) got=$(sed -n 's/^D\(ie\|as\) Schwerpunktthem\(en\|a\) des Programms \(sind\|ist\) \(.*\)\. Falls .*/\4/p' \
	    "$tmp/$n.handbook");;
	esac
	if [ "$got" = "$want" ]; then ok
	else bad "$n: tips name the topics \"$got\", the data has \"$want\""; fi
done
if grep -q '^Das Schwerpunktthema des Programms ist Anerkennung\. ' \
    "$tmp/onetopic.handbook"; then ok
else bad "onetopic: one topic is not named in the singular"; fi
# The sample's topic names appear in no other programme's tips chapter.
for n in internal cross partnership; do
	sed -n '/^Praktische Tipps$/,/^Teilnehmende$/p' "$tmp/$n.handbook" \
	    >"$tmp/tips"
	if grep -n -E 'Karriereplanung|Konfliktmanagement|Zeitmanagement|Selbstmarketing' \
	    "$tmp/tips" | grep -v -F "$(sed -n 's/.*<topic id="[^"]*">\(.*\)<\/topic>.*/\1/p' \
	    "$tmp/p/$n/programme.xml")" >"$tmp/hits"; then
		bad "$n: the sample's topics in the tips: $(head -2 "$tmp/hits")"
	else ok; fi
done

# 5. Numbers up to twelve are words in running text: no digit 0-12
# followed by a word (German dates have a dot, English ones a month name;
# scales, tables and charts are figures with numbers side by side; the
# edition and the generated topics "Thema 1" are the data's own).
months="January|February|March|April|May|June|July|August|September"
months="$months|October|November|December"
for n in $all; do
	grep -n -E '(^|[ („])([0-9]|1[0-2]) [A-Za-zÄÖÜäöüß]' \
	    "$tmp/$n.texts" "$tmp/$n.report" |
	    grep -v -E " von [0-9]+ Punkten| out of [0-9]+ points|Durchgang|Benchmark mit|Thema [0-9]|[0-9] \\((gar|sehr|not|very)|[0-9] ($months) [0-9]{4}| [0-9]+ [0-9]+ " \
	    >"$tmp/hits"
	if [ -s "$tmp/hits" ]; then
		bad "$n: a number up to twelve in digits: $(head -3 "$tmp/hits")"
	else ok; fi
done
if grep -q 'In den kommenden zwölf Monaten' "$tmp/internal.handbook" &&
    grep -q 'also rund zwölf Monate' "$tmp/internal.handbook" &&
    grep -q 'In den kommenden vier Monaten' "$tmp/partnership.handbook" &&
    grep -q 'In den kommenden 15 Monaten' "$tmp/cross.handbook" &&
    grep -q 'Over the coming four months' "$tmp/en-partnership.handbook"
then ok; else bad "the programme's months are not in words up to twelve"; fi

# 6. Organisation names stand in a list that needs no article, with
# every organisation of the data in file order; never right after a verb.
for n in cross region partnership sample gen-cross; do
	want=$(sed -n 's/.*<organisation [^>]*>\(.*\)<\/organisation>.*/\1/p' \
	    "$tmp/p/$n/programme.xml" | awk '{ t[NR] = $0 }
	    END { for (i = 1; i <= NR; i++)
		s = s (i == 1 ? "" : i == NR ? " und " : ", ") t[i]; print s }')
	first=$(sed -n 's/.*<organisation [^>]*>\(.*\)<\/organisation>.*/\1/p' \
	    "$tmp/p/$n/programme.xml" | head -1)
	if grep -q -F "Beteiligt sind diese Organisationen: $want." \
	    "$tmp/$n.handbook" &&
	    ! grep -q -E "(sind|waren|sind die|are|were) $first" "$tmp/$n.texts"
	then ok; else bad "$n: organisations not in a list: $(grep -F "$first" \
	    "$tmp/$n.handbook" | grep -v '^\(Stadt\|Landes\)' | head -2)"; fi
done

# 7. The field (profession) where a pairing is judged: both people of
# each tandem in the tandem overview and the handbook's tandems, a
# column in the participant overview, the agreement's header of a
# partnership; nowhere when nobody has a field.
n=partnership
for f in tandems handbook; do
	c=$(grep -c -E '^(Ana Costa|Claudia Berg .*|Yusuf Ahmadi|Markus Roth .*|Olena Kovalenko .*|Eva Schwarz .*) Fachgebiet: (Architektur|Elektrotechnik|Pflege)$' \
	    "$tmp/$n.$f")
	if [ "$c" = 6 ]; then ok
	else bad "$n: $f shows the field of $c of 6 people"; fi
done
if [ "$(grep -c '^Fachgebiet$' "$tmp/$n.handbook")" = 2 ]; then ok
else bad "$n: participant overview without a field column"; fi
for n in internal gen-internal; do
	if grep -q -E '^Fachgebiet($|:)' "$tmp/$n.handbook" "$tmp/$n.tandems"
	then bad "$n: a field column though nobody has a field"; else ok; fi
done
# Columns only when somebody of the role has them: the partnership's
# mentees have no unit; the generated people have neither unit nor
# position; the sample's have both.
heads() {	# heads FILE ROLE-HEADING: the head row of that role's table
	awk -v h="$2" '$0 == "Teilnehmende" { on = 1 } on && $0 == h { r = 1; next }
	    r && $0 == "Name" { p = 1; next }
	    p && /^(Fachgebiet|Organisationseinheit|Funktion|Themen)$/ { s = s " " $0; next }
	    p { print substr(s, 2); exit }' "$1"
}
[ "$(heads "$tmp/partnership.handbook" Mentees)" = "Fachgebiet Funktion Themen" ] &&
    ok || bad "partnership: mentee columns: $(heads "$tmp/partnership.handbook" Mentees)"
[ "$(heads "$tmp/partnership.handbook" "Mentorinnen und Mentoren")" = \
    "Fachgebiet Organisationseinheit Funktion Themen" ] && ok ||
    bad "partnership: mentor columns: $(heads "$tmp/partnership.handbook" "Mentorinnen und Mentoren")"
[ "$(heads "$tmp/gen-cross.handbook" Mentees)" = "Themen" ] && ok ||
    bad "gen-cross: columns: $(heads "$tmp/gen-cross.handbook" Mentees)"
[ "$(heads "$tmp/sample.handbook" Mentees)" = \
    "Fachgebiet Organisationseinheit Funktion Themen" ] && ok ||
    bad "sample: columns: $(heads "$tmp/sample.handbook" Mentees)"
if grep -q '^Ana Costa (Mentee) Berufsfeld: Architektur$' \
    "$tmp/partnership.agreements" &&
    grep -q '^Claudia Berg (Mentorin) Berufsfeld: Architektur Architektin, Baureferat, Landeshauptstadt Isarstadt$' \
    "$tmp/partnership.agreements" &&
    grep -q '^Ana Costa (mentee) Field: Architektur$' \
    "$tmp/en-partnership.agreements"; then ok
else bad "partnership: the agreement's header without the field"; fi
if grep -q 'Berufsfeld:' "$tmp/cross.agreements" "$tmp/sample.agreements"
then bad "cross: a field line in the agreement"; else ok; fi

# 8. No empty line in the agreement's header: from the mentee's name to
# the paragraph on the period, consecutive lines are at most a line and
# a paragraph's space apart, where an optional value (field,
# affiliation) is missing as where it is there.
for n in partnership cross sample en-partnership; do
	awk '
	/^page / { on = 0 }
	/^ *text / {
		split($0, q, "\"")
		y = $3 + 0; sz = q[3] + 0; w = q[4]
		if (w ~ /^\((Mentee|mentee)\)$/) { on = 1; last = y }
		if (!on) next
		if (w == "besteht" || w == "runs") { on = 0; next }
		if (y - last > 2 * sz) {
			printf "%s: gap %.1f before \"%s\"\n", FILENAME, y - last, w
			bad = 1
		}
		last = y
	}
	END { exit bad }' "$tmp/o/$n/agreements.txt" >"$tmp/gaps" && ok ||
	    bad "$n: an empty line in the agreement's header: $(head -2 "$tmp/gaps")"
done

# 9. Words the issue found: "hinaus tragen", a fixed "sieben" topics, a
# cooperation agreement the data do not mention.
for n in $all; do
	if grep -n -E 'hinaus tragen|mehr als sieben|than seven|unterzeichnen die Kooperationsvereinbarung|sign the cooperation agreement' \
	    "$tmp/$n.texts" >"$tmp/hits"; then
		bad "$n: $(head -2 "$tmp/hits")"
	else ok; fi
done
