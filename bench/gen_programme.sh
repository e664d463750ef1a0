#!/bin/sh
# bench/gen_programme.sh N DIR: write a programme folder DIR with N
# participants (half mentees, half mentors) of three organisations with
# the sample's logos, names with diacritics, topics, events, signatories
# and survey answers, for the documents benchmark. Deterministic.
N=${1:?N}
DIR=${2:?DIR}
TOP=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$DIR/logos"
cp "$TOP"/content/logos/*.png "$DIR/logos/"
awk -v n="$N" 'BEGIN {
	split("Aylin Katarzyna Julia Merve Sophie Agnieszka Elif Ömer Lena Şule Zoë Małgorzata Jonas Andrea Birgit Thomas", given, " ")
	split("Öztürk Wiśniewska Hartmann Çelik Brandt Dąbrowska Yılmaz Şahin Köhler Weiß Nowak Müller-Lüdenscheidt Becker Schulze Neumann Krüger", family, " ")
	split("bs li os", orgs, " ")
	split("career strategy leadership conflict time family network", topics, " ")
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<programme id=\"bench-" n "\" lang=\"de\" kind=\"cross\" wording=\"pair\" place=\"Lindenau\">"
	print "  <title>Interkommunales Cross-Mentoring Bergheim-Süd · Lindenau · Ostheim</title>"
	print "  <edition>Benchmark mit " n " Teilnehmenden</edition>"
	print "  <period start=\"2025-03-01\" end=\"2026-05-31\"/>"
	print "  <organisations>"
	print "    <organisation id=\"bs\" short=\"Bergheim-Süd\" logo=\"logos/bergheim-sued.png\">Stadt Bergheim-Süd</organisation>"
	print "    <organisation id=\"li\" short=\"Lindenau\" logo=\"logos/lindenau.png\">Stadt Lindenau</organisation>"
	print "    <organisation id=\"os\" short=\"Ostheim\" logo=\"logos/ostheim.png\">Kreisstadt Ostheim</organisation>"
	print "  </organisations>"
	print "  <topics>"
	for (i = 1; i <= 7; i++)
		print "    <topic id=\"" topics[i] "\">Thema " i "</topic>"
	print "  </topics>"
	print "  <people>"
	seed = 12345
	for (i = 1; i <= n; i++) {
		seed = (seed * 1103515245 + 12345) % 2147483648
		role = i <= n / 2 ? "mentee" : "mentor"
		g = seed % 7 < 4 ? "f" : seed % 7 < 6 ? "m" : "d"
		lv = role == "mentee" ? 8 + seed % 4 : 13 + seed % 4
		t1 = 1 + seed % 7
		t2 = 1 + int(seed / 7) % 7
		if (t2 == t1)
			t2 = 1 + t1 % 7
		t2 = topics[t2]
		printf "    <person id=\"p%05d\" role=\"%s\" gender=\"%s\" org=\"%s\" level=\"%d\" topics=\"%s %s\">\n", i, role, g, orgs[1 + seed % 3], lv, topics[t1], t2
		printf "      <name given=\"%s\" family=\"%s\"/>\n", given[1 + int(seed / 3) % 16], family[1 + int(seed / 11) % 16]
		print "    </person>"
	}
	print "  </people>"
	print "  <events>"
	print "    <event date=\"2025-03-01\" kind=\"kickoff\" place=\"Rathaus Lindenau\">Auftakt</event>"
	print "    <event date=\"2026-05-21\" kind=\"closing\" place=\"Rathaus Lindenau\">Abschluss</event>"
	print "  </events>"
	print "  <signatories>"
	print "    <signatory name=\"Dr. Friederike Lang\" office=\"Oberbürgermeisterin\" org=\"li\"/>"
	print "    <signatory name=\"Harald Böttcher\" office=\"Bürgermeister\" org=\"bs\"/>"
	print "  </signatories>"
	print "</programme>"
}' >"$DIR/programme.xml"
