#!/bin/sh
# The boundaries of src/ (tools/boundaries.sh): the tree keeps them, the
# matching core compiles alone, and each rule fails on a planted violation
# with FILE:LINE and the rule's words.
TOP=$(cd "$(dirname "$0")/.." && pwd)
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "boundaries.test: $1" >&2; }

if sh "$TOP/tools/boundaries.sh" >"$tmp/out" 2>&1; then ok
else no "src/ breaks its boundaries: $(head -5 "$tmp/out")"; fi

# The matching core needs nothing but the C standard library: each of its
# files compiles with the compiler's standard include path only.
alone=yes
for c in "$TOP"/src/match/*.c; do
	${CC:-cc} -std=c11 -Wall -Wextra -Wpedantic -Werror -c \
	    -o "$tmp/m.o" "$c" 2>>"$tmp/cc.err" || alone=no
done
if [ $alone = yes ]; then ok
else no "src/match does not compile alone: $(head -3 "$tmp/cc.err")"; fi

# plant FILE INCLUDE WORDS: add "#include INCLUDE" at the end of a fresh
# copy of src/FILE; the check must fail naming FILE:LINE and WORDS.
plant() {
	rm -rf "$tmp/src"
	cp -R "$TOP/src" "$tmp/src"
	printf '#include %s\n' "$2" >>"$tmp/src/$1"
	line=$(wc -l <"$tmp/src/$1" | tr -d ' ')
	if sh "$TOP/tools/boundaries.sh" "$tmp/src" >"$tmp/out" 2>&1; then
		no "planted $2 in $1: the check passed"
	elif grep -F "$tmp/src/$1:$line: $2: " "$tmp/out" | grep -qF "$3"
	then ok
	else no "planted $2 in $1: wrong message: $(cat "$tmp/out")"; fi
}
plant layout/doc.c '<libxml/parser.h>' 'libxml2 only in src/load/'
plant docs/docs_common.c '<libxml/tree.h>' 'libxml2 only in src/load/'
plant device/dev_text.c '<hpdf.h>' 'libharu only in the PDF device'
plant layout/layout.c '<hpdf_doc.h>' 'libharu only in the PDF device'
plant docs/docs_common.c '<cmark.h>' 'libcmark only in src/markdown/'
plant cmd/check.c '<cmark.h>' 'libcmark only in src/markdown/'
plant stats/stats_doc.c '"device/font.h"' 'device headers only in'
plant compose/labels.c '"device/device.h"' 'device headers only in'
plant match/match.c '"util/xalloc.h"' 'src/match/ includes nothing'
plant match/lap.c '<fontconfig/fontconfig.h>' 'src/match/ includes nothing'
plant load/model.c '"compose/compose.h"' 'src/load/ may not include compose/'
plant layout/doc.h '"docs/docs.h"' 'src/layout/ may not include docs/'
plant layout/hyph.c '"load/model.h"' 'src/layout/ may not include load/'
plant util/diag.c '"load/load.h"' 'src/util/ may not include load/'
plant compose/wording.c '"../load/model.h"' 'write tandem headers as'

# A new folder must be placed in the table.
rm -rf "$tmp/src"
cp -R "$TOP/src" "$tmp/src"
mkdir "$tmp/src/newstage"
echo '#include "util/xalloc.h"' >"$tmp/src/newstage/a.c"
if sh "$TOP/tools/boundaries.sh" "$tmp/src" >"$tmp/out" 2>&1; then
	no "a folder outside the table passed"
elif grep -q 'folder newstage/ is not in the table' "$tmp/out"; then ok
else no "new folder: wrong message: $(cat "$tmp/out")"; fi

echo "boundaries: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
