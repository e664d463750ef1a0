#!/bin/sh
# The libFuzzer harnesses (tests/fuzz/fuzz_*.c) compile without warnings
# against the library's headers, so that an API change that breaks one
# fails make check, not only the slower make fuzz (which needs clang's
# fuzzer runtime and runs each for many seconds).
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP" || exit 1
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Outside any calling make (make asan, make -j2): its flags would make
# this one print "Entering directory" into the flags.
INC=$(printf 'include Makefile\n_print:\n\t@echo $(ALL_CPPFLAGS)\n' |
    env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s --no-print-directory -f - _print)
for f in tests/fuzz/fuzz_*.c; do
	if ${CC:-cc} -std=c11 -Wall -Wextra -Wpedantic -Werror -c \
	    -DFUZZ_TOP="\"$TOP\"" $INC -o "$tmp/h.o" "$f" 2>"$tmp/err"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "fuzzbuild: $f does not compile: $(head -3 "$tmp/err")" >&2
	fi
done
echo "fuzzbuild: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
