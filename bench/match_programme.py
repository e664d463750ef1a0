# Writes a seeded random programme.xml with N mentees and N mentors (three
# organisations, cross rule, topics, fields, levels, languages) for the
# end-to-end benchmark of `tandem match`. usage: match_programme.py N DIR
import random, sys

n, out = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(20251)
topics = ["career", "strategy", "lead", "conflict", "time", "family", "network"]
fields = ["Recht", "IT", "Finanzen", "Soziales", "Bau", "Personal"]
w = []
w.append('<?xml version="1.0" encoding="UTF-8"?>\n<programme id="bench" kind="cross">\n'
         '  <title>Benchmark</title>\n  <period start="2025-01-01" end="2025-12-31"/>\n'
         '  <organisations>\n')
for o in "abc":
    w.append('    <organisation id="%s">Org %s</organisation>\n' % (o, o))
w.append('  </organisations>\n  <topics>\n')
for t in topics:
    w.append('    <topic id="%s">%s</topic>\n' % (t, t))
w.append('  </topics>\n  <people>\n')
for role, lo, hi in (("mentee", 5, 11), ("mentor", 10, 16)):
    for i in range(n):
        w.append('    <person id="%s%05d" role="%s" gender="%s" org="%s" level="%d" '
                 'field="%s" topics="%s" languages="de %s"%s>\n'
                 '      <name given="G%d" family="F%d"/>\n    </person>\n' % (
                     "e" if role == "mentee" else "r", i, role, rnd.choice("fmd"), rnd.choice("abc"),
                     rnd.randint(lo, hi), rnd.choice(fields),
                     " ".join(rnd.sample(topics, rnd.randint(1, 3))),
                     rnd.choice(["tr", "pl", "en", "ar"]),
                     ' wish-gender="f"' if role == "mentee" and rnd.random() < .3 else "",
                     i, i))
w.append('  </people>\n  <matching>\n    <rules min-level-gap="1"/>\n  </matching>\n</programme>\n')
open(out + "/programme.xml", "w", encoding="utf-8").write("".join(w))
