#!/bin/sh
# Hostile outputs and diagnostics: an output named by a FIFO, a folder, a
# socket, a device or a link to one is refused with exit 73 before anything
# is written, by every command that writes; stats -o - is a usage error;
# control characters in a file name or a quoted text are printed escaped,
# so every diagnostic is one line; each file shows at most 1000
# diagnostics of any kind, then one count.
# Prints "hostile_out: N passed, N failed".
TOP=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/tandem-hostile-out-XXXXXX")
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "hostile_out: $*" >&2; }

# run ARGS...: tandem with a time limit, stdout and stderr kept.
run() {
	timeout 20 "$TANDEM" "$@" >"$T/out" 2>"$T/err" </dev/null
	rc=$?
}

# 1. Outputs over special files. Each kind of file is made fresh in
#    $T/sp, every command writes over it, and afterwards it must still be
#    there, of the same kind, with no temporary file beside it.
G=$TOP/content
"$TANDEM" export "$G" -o "$T/sheet.csv" 2>/dev/null || bad "export for import"
mkdir "$T/sp"

# make KIND NAME: create $T/sp/NAME of that kind; nonzero when impossible.
make_special() {
	rm -rf "$T/sp/$2" "$T/sp/$2.target"
	case $1 in
	fifo)	mkfifo "$T/sp/$2";;
	dir)	mkdir "$T/sp/$2";;
	link)	mkfifo "$T/sp/$2.target" &&
		ln -s "$(basename "$2").target" "$T/sp/$2";;
	socket)	command -v python3 >/dev/null &&
		python3 -c 'import socket, sys
socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$T/sp/$2";;
	chr)	[ "$(id -u)" = 0 ] && mknod "$T/sp/$2" c 1 3;;
	esac
}

# same_kind KIND PATH: is PATH still what make_special made?
same_kind() {
	case $1 in
	fifo)	[ -p "$2" ];;
	dir)	[ -d "$2" ] && [ ! -L "$2" ];;
	link)	[ -L "$2" ] && [ -p "$2" ];;
	socket)	[ -S "$2" ];;
	chr)	[ -c "$2" ];;
	esac
}

# refused KIND WHAT PATH: the run just made was refused and left PATH.
refused() {
	[ "$rc" = 73 ] && ok || bad "$2 over a $1: exit $rc, want 73: $(head -c 300 "$T/err")"
	grep -q "not replaced: this is a" "$T/err" && ok ||
	    bad "$2 over a $1: no message: $(head -c 300 "$T/err")"
	same_kind "$1" "$3" && ok || bad "$2 over a $1: it was replaced"
	if ls -a "$T/sp" "$T/sp/st" 2>/dev/null | grep -q '^\..*\.......$'; then
		bad "$2 over a $1: a temporary file was left"
	else
		ok
	fi
}

for kind in fifo dir link socket chr; do
	make_special $kind probe || continue
	rm -rf "$T/sp/probe" "$T/sp/probe.target"

	make_special $kind x
	run match "$G" -o "$T/sp/x"
	refused $kind "match -o" "$T/sp/x"

	make_special $kind x
	run export "$G" -o "$T/sp/x" --force
	refused $kind "export -o --force" "$T/sp/x"

	make_special $kind x
	run import "$T/sheet.csv" --programme -o "$T/sp/x" --force
	refused $kind "import -o --force" "$T/sp/x"

	mkdir -p "$T/sp/st"
	make_special $kind st/statistics.txt
	run stats "$G" -o "$T/sp/st"
	refused $kind "stats -o" "$T/sp/st/statistics.txt"
	rm -rf "$T/sp/st"

	mkdir -p "$T/sp/b"
	make_special $kind b/handbook.pdf
	run build "$G" -o "$T/sp/b" --only handbook
	refused $kind "build" "$T/sp/b/handbook.pdf"
	rm -rf "$T/sp/b"
done

# A symlink to a regular file is replaced as before, not written through.
: >"$T/sp/target"
ln -s target "$T/sp/reglink"
run match "$G" -o "$T/sp/reglink"
[ "$rc" = 0 ] && [ -f "$T/sp/reglink" ] && [ ! -L "$T/sp/reglink" ] &&
    [ ! -s "$T/sp/target" ] && ok || bad "match -o over a link to a file: exit $rc"

# 2. stats -o - is a usage error and creates no folder named -.
(cd "$T" && timeout 20 "$TANDEM" stats "$G" --format pdf -o - \
    >"$T/out" 2>"$T/err")
rc=$?
[ "$rc" = 64 ] && ok || bad "stats -o -: exit $rc, want 64"
[ ! -e "$T/-" ] && ok || bad "stats -o - created '-'"
grep -q "leave -o out" "$T/err" && ok || bad "stats -o -: no message"

# 3. One line per diagnostic. A chapter whose name holds a newline that
#    would forge a second diagnostic, and texts with ESC, BEL, a C1
#    control (U+009B) and a tab in what the message quotes.
mkdir -p "$T/esc"
cp -r "$G/." "$T/esc/"
printf '# X\n\n{{nix}}\n' >"$T/esc/handbook/05-a
tandem: FORGED:1: error: b.md"
run check "$T/esc"
[ "$rc" = 65 ] && ok || bad "newline name: exit $rc, want 65"
grep -q '^tandem: FORGED' "$T/err" && bad "newline name forged a line" || ok
[ "$(grep -c "nix" "$T/err")" = 1 ] && ok || bad "newline name: not one line"
grep -q '05-a\\ntandem: FORGED:1: error: b.md:3:1: error: unknown placeholder' \
    "$T/err" && ok || bad "newline name: not escaped: $(cat "$T/err")"
rm "$T/esc/handbook/05-a"*

printf '# E\n\n{{ programme.\033[31mx }} {{ b\007 }} {{ c\302\233d }} {{ dü }}\n' \
    >"$T/esc/handbook/06-esc.md"
printf '# T\n\n{{ e }}\n' >"$T/esc/handbook/07-a	b.md"
run check "$T/esc"
[ "$rc" = 65 ] && ok || bad "control characters: exit $rc, want 65"
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$T/err" ||
    grep -q "$(printf '\302\233')" "$T/err"; then
	bad "a control character was printed raw"
else
	ok
fi
grep -q "'programme.\\\\x1b\[31mx'" "$T/err" && ok || bad "ESC not escaped"
grep -q "'b\\\\x07'" "$T/err" && ok || bad "BEL not escaped"
grep -q "'c\\\\xc2\\\\x9bd'" "$T/err" && ok || bad "U+009B not shown escaped"
grep -q "'dü'" "$T/err" && ok || bad "UTF-8 not kept: $(cat "$T/err")"
grep -q "07-a\\\\tb.md:3:1: error: unknown placeholder 'e'" "$T/err" && ok ||
    bad "a tab in a file name not escaped: $(cat "$T/err")"
[ "$(wc -l <"$T/err")" = 5 ] && ok || bad "control characters: not 5 lines"
rm "$T/esc/handbook/06-esc.md" "$T/esc/handbook/07-a	b.md"

# 4. At most 1000 diagnostics per file, of every kind, then one count:
#    100,000 unknown placeholders (errors), 20,000 dangling links
#    (warnings, from build), and two files over the cap at once.
awk 'BEGIN { print "# Viele"; for (i = 0; i < 100000; i++) print "{{x" i "}}" }' \
    >"$T/esc/handbook/98-many.md"
run check "$T/esc"
[ "$rc" = 65 ] && ok || bad "placeholders: exit $rc, want 65"
[ "$(wc -l <"$T/err")" = 1001 ] && ok || bad "placeholders: $(wc -l <"$T/err") lines, want 1001"
tail -n 1 "$T/err" | grep -q '98-many.md: error: 99000 more errors in this file not shown$' &&
    ok || bad "placeholders: no count: $(tail -n 1 "$T/err")"
rm "$T/esc/handbook/98-many.md"

awk 'BEGIN { print "# Links"; for (i = 0; i < 20000; i++) print "[a](#nowhere" i ")\n" }' \
    >"$T/esc/handbook/97-links.md"
awk 'BEGIN { print "# Links"; for (i = 0; i < 1500; i++) print "[b](#weg" i ")\n" }' \
    >"$T/esc/handbook/96-links.md"
run build "$T/esc" -o "$T/esc-out" --only handbook
[ "$rc" = 0 ] && ok || bad "links: exit $rc, want 0"
[ "$(grep -c '97-links.md:[0-9]*: warning: link to' "$T/err")" = 1000 ] && ok ||
    bad "links: not 1000 warnings of 97-links.md"
[ "$(grep -c '96-links.md:[0-9]*: warning: link to' "$T/err")" = 1000 ] && ok ||
    bad "links: not 1000 warnings of 96-links.md"
grep -q '97-links.md: warning: 19000 more warnings in this file not shown$' "$T/err" &&
    ok || bad "links: no count for 97-links.md"
grep -q '96-links.md: warning: 500 more warnings in this file not shown$' "$T/err" &&
    ok || bad "links: no count for 96-links.md"
[ "$(wc -l <"$T/err")" = 2002 ] && ok || bad "links: $(wc -l <"$T/err") lines, want 2002"

# Exactly 1000 in a file: all shown, no count.
rm "$T/esc/handbook/96-links.md"
awk 'BEGIN { print "# Links"; for (i = 0; i < 1000; i++) print "[a](#nowhere" i ")\n" }' \
    >"$T/esc/handbook/97-links.md"
run build "$T/esc" -o "$T/esc-out" --only handbook
[ "$(wc -l <"$T/err")" = 1000 ] && ok || bad "1000 links: $(wc -l <"$T/err") lines, want 1000"
grep -q 'not shown' "$T/err" && bad "1000 links: a count under the cap" || ok

echo "hostile_out: $pass passed, $fail failed"
[ "$fail" = 0 ]
