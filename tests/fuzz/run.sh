#!/bin/sh
# tests/fuzz/run.sh [SECONDS [NAME...]]: build every libFuzzer harness
# tests/fuzz/fuzz_NAME.c against the library (clang, -fsanitize=fuzzer,
# address,undefined, in build-fuzz/) and run each for SECONDS (default 60)
# on its seed corpus tests/fuzz/NAME/. New inputs go to
# build-fuzz/corpus/NAME/ (not to git); a crash, leak, sanitizer report or
# time-out leaves build-fuzz/crash-NAME-* and fails the script. Ends with
# "fuzz: N passed, N failed". JOBS=2 runs two fuzzers at a time.
set -u
SECONDS_EACH=${1:-60}
[ $# -gt 0 ] && shift
TOP=$(cd "$(dirname "$0")/../.." && pwd)
B="$TOP/build-fuzz"
CC=${FUZZ_CC:-clang}
JOBS=${JOBS:-1}
cd "$TOP" || exit 1

mkdir -p "$B"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
CFLAGS="-O1 -g -fno-omit-frame-pointer $SAN -fsanitize=fuzzer-no-link"
if ! make -s BUILD=build-fuzz CC="$CC" CFLAGS="$CFLAGS" \
    LDFLAGS="$SAN" build-fuzz/libtandem.a >"$B/build.log" 2>&1; then
	cat "$B/build.log" >&2
	echo "fuzz: 0 passed, 1 failed"
	exit 1
fi
# Flags and libraries exactly as the Makefile has them.
mkvar() {
	printf 'include Makefile\n_print:\n\t@echo $(%s)\n' "$1" |
	    env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s --no-print-directory -f - _print
}
INC=$(mkvar ALL_CPPFLAGS)
LIBS=$(mkvar LIBS)

if [ $# -eq 0 ]; then
	for f in tests/fuzz/fuzz_*.c; do
		n=${f#tests/fuzz/fuzz_}
		set -- "$@" "${n%.c}"
	done
fi

# Build and run one harness; its log is build-fuzz/NAME.log.
run_one() {
	name=$1
	bin="$B/fuzz_$name"
	log="$B/$name.log"
	if ! $CC -std=c11 -Wall -Wextra -Wpedantic -Werror -O1 -g -fno-omit-frame-pointer \
	    $SAN -fsanitize=fuzzer -DFUZZ_TOP="\"$TOP\"" $INC \
	    -o "$bin" "tests/fuzz/fuzz_$name.c" "$B/libtandem.a" $LIBS \
	    >"$log" 2>&1; then
		cat "$log" >&2
		return 1
	fi
	mkdir -p "$B/corpus/$name"
	dict=
	[ -f "tests/fuzz/$name.dict" ] && dict="-dict=tests/fuzz/$name.dict"
	seeds=
	[ -d "tests/fuzz/$name" ] && seeds="tests/fuzz/$name"
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	"$bin" -max_total_time="$SECONDS_EACH" -timeout=10 \
	    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix="$B/crash-$name-" $dict \
	    "$B/corpus/$name" $seeds >"$log" 2>&1
}

pass=0 fail=0
report() {
	name=$1 rc=$2
	execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' \
	    "$B/$name.log" | grep -o '[0-9]*$')
	if [ "$rc" = 0 ]; then
		pass=$((pass + 1))
		echo "fuzz: $name: ${execs:-0} executions in ${SECONDS_EACH}s, no finding" >&2
	else
		fail=$((fail + 1))
		echo "fuzz: $name: FAILED (see $B/$name.log)" >&2
		grep -E 'ERROR|SUMMARY|runtime error|Test unit written' \
		    "$B/$name.log" | head -8 >&2
	fi
}

set -- "$@"
while [ $# -gt 0 ]; do
	if [ "$JOBS" -ge 2 ] && [ $# -ge 2 ]; then
		a=$1 b=$2
		shift 2
		run_one "$a" & pa=$!
		run_one "$b" & pb=$!
		wait $pa; ra=$?
		wait $pb; rb=$?
		report "$a" $ra
		report "$b" $rb
	else
		a=$1
		shift
		run_one "$a"; ra=$?
		report "$a" $ra
	fi
done
echo "fuzz: $pass passed, $fail failed"
[ $fail = 0 ]
