#!/bin/sh
# Shell tests of the matching core and `tandem match`: the library compiles
# alone, -o and --write save a <tandems> file that loads again and gives the
# same tandems, runs are deterministic, a failing run keeps an earlier file.
TOP=$(cd "$(dirname "$0")/.." && pwd)
T=${TANDEM:-$TOP/build/tandem}
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "match.test: $1" >&2; }

# The library needs nothing but the C standard library.
if ${CC:-cc} -std=c11 -Wall -Wextra -Wpedantic -Werror -c \
    -o "$tmp/m.o" "$TOP/src/match/match.c" 2>"$tmp/cc.err" &&
    ${CC:-cc} -std=c11 -Wall -Wextra -Wpedantic -Werror -c \
    -o "$tmp/l.o" "$TOP/src/match/lap.c" 2>>"$tmp/cc.err"; then ok
else no "src/match does not compile alone: $(head -3 "$tmp/cc.err")"; fi

cp -R "$TOP/content" "$tmp/p"
"$T" match "$tmp/p" >"$tmp/run1" 2>/dev/null && ok || no "match content failed"
"$T" match "$tmp/p" >"$tmp/run2" 2>/dev/null
cmp -s "$tmp/run1" "$tmp/run2" && ok || no "two runs differ"
[ ! -e "$tmp/p/tandems.xml" ] && ok || no "match wrote without --write"

"$T" match "$tmp/p" -o "$tmp/out.xml" >/dev/null 2>&1 && ok || no "-o failed"
grep -q '^<tandems>' "$tmp/out.xml" && ok || no "-o: no <tandems> root"
[ "$(grep -c '<tandem ' "$tmp/out.xml")" = 15 ] && ok || no "-o: not 15 tandems"
ls "$tmp" | grep -q '\.tmp' && no "temporary file left" || ok

"$T" match "$tmp/p" --write >/dev/null 2>&1 && ok || no "--write failed"
cmp -s "$tmp/out.xml" "$tmp/p/tandems.xml" && ok || no "--write differs from -o"
# Loaded again, the saved tandems are shown as they were matched.
"$T" match "$tmp/p" >"$tmp/run3" 2>"$tmp/err3" && ok || no "reload failed"
cmp -s "$tmp/run1" "$tmp/run3" && ok || no "reloaded tandems differ"
grep -q 'note: the tandems are fixed in this file' "$tmp/err3" && ok ||
    no "no note about the fixed tandems"

# A failing run leaves an earlier output alone.
cp "$tmp/out.xml" "$tmp/keep.xml"
"$T" match "$TOP/tests/golden/match/pinbad" -o "$tmp/out.xml" \
    >/dev/null 2>&1
[ $? = 65 ] && ok || no "pinbad: not 65"
cmp -s "$tmp/out.xml" "$tmp/keep.xml" && ok || no "earlier output changed"

echo "match.test: $pass passed, $fail failed"
