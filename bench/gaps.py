#!/usr/bin/env python3
"""Measure the evenness of justified text in a PDF: the gaps between
words on full lines (lines that reach the right margin), in ems, from
`pdftotext -bbox-layout`; and hyphen ladders (runs of three or more
consecutive lines ending in a hyphen).

usage: gaps.py FILE.pdf [FONT_SIZE]
"""
import re
import subprocess
import sys

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                  r'yMax="([\d.]+)">([^<]*)</word>')


def main():
    pdf = sys.argv[1]
    size = float(sys.argv[2]) if len(sys.argv) > 2 else 11.0
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    pages = xml.split("<page ")[1:]
    gaps, full, ladders, ladder_lines = [], 0, 0, 0
    for page in pages:
        lines = []
        for ln in re.findall(r"<line[^>]*>(.*?)</line>", page, re.S):
            words = [(float(a), float(b), float(c), float(d), t)
                     for a, b, c, d, t in WORD.findall(ln)]
            if words:
                lines.append(words)
        # Body lines: the height of body text (no headings, no heads).
        body = [l for l in lines
                if all(size * 1.0 < w[3] - w[1] < size * 1.3 for w in l)]
        if not body:
            continue
        right = max(l[-1][2] for l in body)
        run = 0
        prev_y = None
        for l in body:
            is_full = l[-1][2] >= right - 0.6 and len(l) > 1
            if is_full:
                full += 1
                for a, b in zip(l, l[1:]):
                    gaps.append((b[0] - a[2]) / size)
            y = l[0][1]
            hyph = is_full and l[-1][4].endswith("-")
            consecutive = prev_y is not None and 0 < y - prev_y < size * 1.6
            if hyph and (run == 0 or consecutive):
                run += 1
            else:
                if run >= 3:
                    ladders += 1
                    ladder_lines += run
                run = 1 if hyph else 0
            prev_y = y
        if run >= 3:
            ladders += 1
            ladder_lines += run
    gaps.sort()
    if not gaps:
        print("no full lines found")
        return 1

    def pct(p):
        return gaps[min(len(gaps) - 1, int(p / 100.0 * len(gaps)))]
    print("pages %d, full lines %d, gaps %d" % (len(pages), full, len(gaps)))
    print("gap (em): median %.3f  p95 %.3f  p99 %.3f  max %.3f  min %.3f" %
          (pct(50), pct(95), pct(99), gaps[-1], gaps[0]))
    print("hyphen ladders (3+ lines in a row): %d" % ladders)
    return 0


sys.exit(main())
