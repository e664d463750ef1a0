#!/usr/bin/env python3
"""Generate a programme folder with a long German handbook for benchmarks
and the word-gap measurement: chapters with headings, justified
paragraphs, emphasis, bullet and ordered lists and quotes.

usage: gen_handbook.py OUTDIR CHAPTERS [SEED]
About 3 pages per chapter at A4 with Liberation Serif 11 pt.
"""
import os
import random
import sys

SENTENCES = """\
Mentoring ist eine Form der Personalentwicklung, bei der eine erfahrene Führungskraft eine Nachwuchskraft über einen längeren Zeitraum begleitet.
Im Mittelpunkt steht nicht die fachliche Einarbeitung, sondern die persönliche Weiterentwicklung der Mentee.
Die Mentee lernt die ungeschriebenen Regeln der Verwaltung kennen und reflektiert ihre beruflichen Ziele.
Das Cross-Mentoring zweier Städte hat den Vorteil, dass Mentorin und Mentee in verschiedenen Verwaltungen arbeiten.
Dadurch entfallen Loyalitätskonflikte, und beide Seiten können offen über Führungsfragen sprechen.
Die Gleichstellungsbeauftragte und die Personalentwicklung haben das Programm gemeinsam vorbereitet.
Jedes Tandem trifft sich ungefähr einmal im Monat für ein bis zwei Stunden.
Form und Ort der Treffen sind frei: ein Gespräch im Büro, ein Spaziergang oder eine Videokonferenz.
Hospitationen gehören nach den Rückmeldungen der Teilnehmenden zu den wertvollsten Bausteinen des Programms.
Die Mentorin orientiert, motiviert und erkennt Kompetenzen, ist aber keine Feuerwehr für aktuelle Konflikte.
Alles, was im Tandem besprochen wird, bleibt im Tandem, auch über das Ende des Programms hinaus.
Die Koordinierungsstelle erfährt lediglich, ob sich ein Tandem trifft, aber nicht, worüber gesprochen wird.
Zu Beginn unterschreiben beide Seiten eine Zielvereinbarung mit Regeln zur Vertraulichkeit und zu ausgeschlossenen Themen.
Typische Schwerpunkte sind Karriereplanung, Strategieentwicklung, Führung, Selbstmarketing und Konfliktmanagement.
Auch das Zeitmanagement und die Vereinbarkeit von Beruf und Familie werden in vielen Tandems besprochen.
Die Auftaktveranstaltung im Rathaus eröffnet das Programm, und die Oberbürgermeisterin begrüßt alle Beteiligten.
Drei eintägige Workshops vertiefen Themen wie Kommunikation, Verhandlungsführung und Netzwerkarbeit.
Der Mentoringbeirat begleitet das Programm und wertet die Erfahrungen am Ende gemeinsam aus.
Mentoring erweitert den Horizont, garantiert aber keine Beförderung und ersetzt kein Auswahlverfahren.
Nach dem Ende der Tandemphase bleiben viele Kontakte bestehen und tragen zu einem dauerhaften Netzwerk bei.
Die Mentees bereiten die Treffen vor, bringen eigene Themen ein und halten Vereinbarungen schriftlich fest.
Eine offene Rückmeldung ist nur möglich, wenn beide Seiten einander vertrauen und ehrlich miteinander umgehen.
In der Personalverwaltung, im Ordnungsamt und im Jugendamt arbeiten Menschen mit sehr unterschiedlichen Biografien.
Für Beschäftigte mit Migrationsgeschichte bietet das Programm einen geschützten Raum für Fragen zur eigenen Laufbahn.
Die Teilnehmerinnen kommen aus vielen Ländern; Namen wie Çelik, Öztürk, Wiśniewska oder Şahin werden korrekt geschrieben.
Wer eine Führungsposition anstrebt, sollte die Erwartungen an diese Rolle frühzeitig und realistisch einschätzen.
Die Abschlussveranstaltung würdigt die Arbeit der Tandems und überreicht allen Teilnehmenden eine Urkunde.
Die Evaluation zeigt, dass die meisten Mentees sehr zufrieden waren und sich sicherer in ihrer Rolle fühlen.
Drei Mentees haben während des Programms eine neue Stelle mit mehr Verantwortung übernommen.
Das Programm soll alle zwei Jahre wiederholt und um weitere Kommunen erweitert werden.
Grundlage der Auswahl ist ein anspruchsvolles Bewerbungsverfahren mit schriftlicher Bewerbung und persönlichem Gespräch.
Beim Matching achten die Verantwortlichen auf passende Themen, Erfahrungen und die Entfernung zwischen den Dienststellen.
Eine gute Vorbereitung erleichtert das Gespräch: Notieren Sie Fragen, Beobachtungen und offene Punkte vorab.
Verwaltungsmodernisierung, Digitalisierung und Fachkräftemangel verändern die Anforderungen an Führungskräfte erheblich.
Die Entgeltgruppe allein sagt wenig darüber aus, welche Verantwortung jemand tatsächlich trägt.
Netzwerktreffen für ehemalige und aktuelle Teilnehmende finden zweimal im Jahr in wechselnden Rathäusern statt.
Die Arbeitsgruppe Chancengleichheit hat die Ergebnisse der Befragung im Personalausschuss vorgestellt.
Viele Mentorinnen berichten, dass sie selbst ebenso viel gelernt haben wie ihre Mentees.
Der Perspektivwechsel zwischen den Verwaltungskulturen wird von beiden Seiten als große Bereicherung beschrieben.
Personalentwicklungskonzepte sollten Mentoring als festen Bestandteil der Nachwuchsförderung verankern.
""".strip().split("\n")

WORDS_EMPH = ["Vertraulichkeit", "Zielvereinbarung", "Tandem", "Netzwerk",
              "Führungsverantwortung", "Selbstreflexion", "Perspektivwechsel"]

HEADINGS = ["Grundlagen des Mentorings", "Rollen und Erwartungen",
            "Das erste Treffen", "Vertraulichkeit und Vertrauen",
            "Themen für die Tandemarbeit", "Workshops und Begleitprogramm",
            "Netzwerke aufbauen", "Abschluss und Auswertung",
            "Hinweise für Mentorinnen und Mentoren", "Hinweise für Mentees"]


def paragraph(rng, n):
    out = []
    for _ in range(n):
        s = rng.choice(SENTENCES)
        if rng.random() < 0.15:
            w = rng.choice(WORDS_EMPH)
            s = s.replace(w, "*" + w + "*", 1) if w in s else s
        if rng.random() < 0.05:
            words = s.split(" ")
            i = rng.randrange(len(words))
            if words[i].isalpha():
                words[i] = "**" + words[i] + "**"
            s = " ".join(words)
        out.append(s)
    return " ".join(out)


def chapter(rng, no):
    title = HEADINGS[no % len(HEADINGS)]
    parts = ["# %d %s\n" % (no + 1, title)]
    for sec in range(3):
        parts.append("## %d.%d %s\n" % (no + 1, sec + 1,
                                         rng.choice(HEADINGS)))
        for _ in range(rng.randint(2, 4)):
            parts.append(paragraph(rng, rng.randint(3, 7)) + "\n")
        r = rng.random()
        if r < 0.3:
            for i in range(rng.randint(3, 5)):
                parts.append("- " + rng.choice(SENTENCES))
            parts.append("")
        elif r < 0.5:
            for i in range(rng.randint(3, 5)):
                parts.append("%d. %s" % (i + 1, rng.choice(SENTENCES)))
            parts.append("")
        elif r < 0.65:
            parts.append("> " + paragraph(rng, 2) + "\n")
        parts.append(paragraph(rng, rng.randint(4, 8)) + "\n")
    return "\n".join(parts)


PROGRAMME = """<?xml version="1.0" encoding="UTF-8"?>
<programme id="bench" lang="de" kind="cross">
  <title>Cross-Mentoring für Frauen in der Verwaltung</title>
  <period start="2024-09-02" end="2025-11-28"/>
  <people>
    <person id="p01" role="mentee"><name family="Yılmaz"/></person>
  </people>
</programme>
"""


def main():
    out, chapters = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    os.makedirs(os.path.join(out, "handbook"), exist_ok=True)
    with open(os.path.join(out, "programme.xml"), "w") as f:
        f.write(PROGRAMME)
    for no in range(chapters):
        name = os.path.join(out, "handbook", "%03d.md" % (no + 1))
        with open(name, "w") as f:
            f.write(chapter(rng, no))


main()
