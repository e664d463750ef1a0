#!/bin/sh
# Hostile outputs and diagnostics: an output named by a FIFO, a folder, a
# socket, a device or a link to one is refused with exit 73 before anything
# is written, by every command that writes; stats -o - is a usage error.
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

echo "hostile_out: $pass passed, $fail failed"
[ "$fail" = 0 ]
