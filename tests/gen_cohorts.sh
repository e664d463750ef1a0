#!/bin/sh
# tests/gen_cohorts.sh N DIR: write N cohorts of the sample programme into
# DIR/c1 .. DIR/cN for the statistics tests: cohort i runs two years after
# cohort i-1 (editions "i. Durchgang YEAR/YEAR+1", every date shifted),
# and its people differ so that the figures do: cohort i leaves out the
# last i-1 mentees and mentors; every third cohort has no survey, every
# fourth no answers to the career-step question. Deterministic.
N=${1:?N}
DIR=${2:?DIR}
TOP=$(cd "$(dirname "$0")/.." && pwd)
i=1
while [ "$i" -le "$N" ]; do
	y=$((2005 + 2 * i))
	d="$DIR/c$i"
	mkdir -p "$d"
	cp -R "$TOP/content/logos" "$d/"
	awk -v i="$i" -v y="$y" '
	# Shift the years 2025/2026 of the sample to y/y+1.
	{
		gsub(/2025-/, y "-"); gsub(/2026-/, (y + 1) "-")
		gsub(/2025\/2026/, y "/" (y + 1))
	}
	/<programme / { sub(/id="icm-2025"/, "id=\"icm-" y "\"") }
	/<edition>/ { sub(/1\. Durchgang/, i ". Durchgang") }
	# The last i-1 mentees (m16, m15, ...) and mentors (t14, ...) and
	# what names them are left out.
	function gone(id) {
		return substr(id, 2) + 0 > (id ~ /^m/ ? 16 : 14) - (i - 1)
	}
	/<person id="[mt][0-9][0-9]"/ {
		drop = gone(substr($0, index($0, "id=\"") + 4, 3))
	}
	drop { if ($0 ~ /<\/person>/) drop = 0; next }
	/<(pin|forbid|outcome) / {
		if (match($0, /(mentee|person)="[mt][0-9][0-9]"/) &&
		    gone(substr($0, RSTART + RLENGTH - 4, 3)))
			next
		if (match($0, /mentor="t[0-9][0-9]"/) &&
		    gone(substr($0, RSTART + RLENGTH - 4, 3)))
			next
	}
	/<evaluation>/ && i % 3 == 0 { skip = 1 }
	skip { if ($0 ~ /<\/evaluation>/) skip = 0; next }
	/<response / && i % 4 == 0 { sub(/ career-step="[a-z]*"/, "") }
	{ print }
	' "$TOP/content/programme.xml" >"$d/programme.xml"
	i=$((i + 1))
done
