#!/bin/sh
# The boundaries between the folders of src/, checked over every #include.
# usage: sh tools/boundaries.sh [SRC]   (SRC: a copy of src/; default src/)
# Prints one line "FILE:LINE: HEADER: RULE" per violation; exit 1 if any.
#
# The rules (README, "Layout of the source", says the same):
#  1. <libxml/...> only in src/load/, the one safe XML reader; everyone
#     else reads XML through load/xml.h.
#  2. <hpdf*.h> (libharu) only in the PDF device: src/device/dev_pdf.c and
#     src/device/pdf_*.[ch]. (bench/ may use libharu directly.)
#  2a. <png.h> and <jpeglib.h> only in src/device/image.c, the one check
#     of images (the PDF device embeds what it has checked).
#  3. <cmark.h> only in src/markdown/ and the placeholder pass
#     (src/compose/placeholder.*), which works on cmark's tree; elsewhere
#     a cmark_node is only passed along, never looked into.
#  4. Device headers ("device/...") only in src/device/ and src/layout/:
#     everything above the layout measures and draws text through it.
#  5. src/match/ includes nothing of tandem, only the C standard library
#     and its own headers (the test also compiles it alone).
#  6. Each folder includes its own headers and those of the folders listed
#     for it in the table below ("folder/name.h": that header only),
#     nothing else. A folder lists only folders above it in the table, so
#     there are no cycles; the order follows the pipeline
#     load -> compose -> layout -> device, with util/ under all. The
#     layout reads templates with load/xml.h, the one XML reader.
#     Tandem headers are written "folder/name.h".
# A new folder needs a line in the table.

if [ $# -eq 0 ]; then
	cd "$(dirname "$0")/.." || exit 2
	SRC=src
else
	SRC=${1%/}
fi

# shellcheck disable=SC2046	# the paths have no blanks
awk -v root="$SRC/" '
BEGIN {
	# Rule 6: folder (. is src/ itself: main.c) and the folders it may
	# include besides its own. device/ is left to rule 4.
	n = split("util:;" \
	    "match:;" \
	    "load:util match;" \
	    "device:util;" \
	    "layout:util device load/xml.h;" \
	    "markdown:util layout;" \
	    "compose:util load layout;" \
	    "tandems:util load match;" \
	    "import:util load;" \
	    "stats:util load layout compose;" \
	    "docs:util load layout markdown compose tandems stats;" \
	    "cmd:util load layout markdown compose tandems import stats " \
	    "docs match;" \
	    ".:util cmd", rows, ";")
	for (i = 1; i <= n; i++) {
		split(rows[i], kv, ":")
		rank[kv[1]] = i
		m = split(kv[2], deps, " ")
		for (j = 1; j <= m; j++) {
			d = deps[j]
			if (index(d, "/")) {
				may_hdr[kv[1], d] = 1
				d = substr(d, 1, index(d, "/") - 1)
			} else
				may[kv[1], d] = 1
			if (!(d in rank) || rank[d] >= i) {
				print "tools/boundaries.sh: table: " kv[1] \
				    " lists " d ", which is not above it"
				bad = 1
			}
		}
	}

	# Rule 5: what src/match/ may include.
	split("assert.h ctype.h errno.h float.h inttypes.h limits.h math.h " \
	    "stdbool.h stddef.h stdint.h stdio.h stdlib.h string.h", std, " ")
	for (i in std)
		stdc[std[i]] = 1
}

function fail(rule) {
	printf "%s:%d: %s: %s\n", FILENAME, FNR, hdr, rule
	bad = 1
}

FNR == 1 {
	rel = substr(FILENAME, length(root) + 1)
	folder = index(rel, "/") ? substr(rel, 1, index(rel, "/") - 1) : "."
	base = substr(rel, length(folder) + 2)
	if (!(folder in rank)) {
		printf "%s:1: folder %s/ is not in the table of " \
		    "tools/boundaries.sh\n", FILENAME, folder
		bad = 1
	}
}

/^[ \t]*#[ \t]*include[ \t]*[<"]/ {
	match($0, /[<"][^>"]*[>"]/)
	hdr = substr($0, RSTART, RLENGTH)
	name = substr(hdr, 2, length(hdr) - 2)

	if (folder == "match") {
		if (substr(hdr, 1, 1) == "<" ? !(name in stdc) : index(name, "/"))
			fail("src/match/ includes nothing but the C " \
			    "standard library and its own headers")
		next
	}
	if (substr(hdr, 1, 1) == "<") {
		if (name ~ /^libxml\// && folder != "load")
			fail("libxml2 only in src/load/ (the one safe XML " \
			    "reader: load/xml.h)")
		else if (name ~ /^hpdf/ && !(rel == "device/dev_pdf.c" ||
		    rel ~ /^device\/pdf_[a-z_]*\.[ch]$/))
			fail("libharu only in the PDF device " \
			    "(src/device/dev_pdf.c, pdf_*)")
		else if (name ~ /^(png|pngconf|jpeglib|jerror)\.h$/ &&
		    rel != "device/image.c")
			fail("libpng and libjpeg only in " \
			    "src/device/image.c (the one image check)")
		else if (name ~ /^cmark/ && folder != "markdown" &&
		    rel !~ /^compose\/placeholder[a-z_]*\.[ch]$/)
			fail("libcmark only in src/markdown/ and the " \
			    "placeholder pass (src/compose/placeholder*)")
		next
	}
	if (!index(name, "/") || name ~ /\.\./) {
		fail("write tandem headers as \"folder/name.h\"")
		next
	}
	dep = substr(name, 1, index(name, "/") - 1)
	if (dep == folder)
		next
	if (dep == "device") {
		if (folder == "layout")
			next
		fail("device headers only in src/device/ and src/layout/: " \
		    "above the layout, text is measured through the layout")
		next
	}
	if (!((folder, dep) in may) && !((folder, name) in may_hdr))
		fail("src/" folder "/ may not include " dep "/ (the table " \
		    "of tools/boundaries.sh: the pipeline order)")
}

END {
	exit bad
}' $(find "$SRC" -name '*.[ch]' | LC_ALL=C sort)
