#!/bin/sh
# No cycles between the files of src/ (tools/cycles.sh), over the objects
# of the build under test; planted cycles of tiny objects make the check
# fail with each file and one symbol per step, and the list of allowed
# cycles must match exactly.
TOP=$(cd "$(dirname "$0")/.." && pwd)
OBJ=$(dirname "${TANDEM:-$TOP/build/tandem}")/src
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "cycles.test: $1" >&2; }

if sh "$TOP/tools/cycles.sh" "$OBJ" "$TOP/src" >"$tmp/out" 2>&1; then ok
else no "src/ has cycles between files: $(cat "$tmp/out")"; fi

# obj NAME 'C CODE': compile the file a/NAME.c of a planted tree to a/NAME.o.
obj() {
	mkdir -p "$tmp/src/a"
	printf '%s\n' "$2" >"$tmp/src/a/$1.c"
	${CC:-cc} -std=c11 -c -o "$tmp/src/a/$1.o" "$tmp/src/a/$1.c" ||
	    no "cannot compile a/$1.c"
}

# cycles ALLOW WANT: the check over the planted tree, with the allowed
# cycles ALLOW, must fail and print the line WANT.
cycles() {
	if CYCLES_ALLOW=$1 sh "$TOP/tools/cycles.sh" "$tmp/src" "$tmp/src" \
	    >"$tmp/out" 2>&1; then
		no "planted: the check passed, wanted: $2"
	elif grep -qxF "$2" "$tmp/out"; then ok
	else no "planted: wrong message: $(cat "$tmp/out"), wanted: $2"; fi
}

# Two files calling each other.
obj x 'int y_two(void); int x_one(void) { return y_two(); }'
obj y 'int x_one(void); int y_two(void) { return x_one() + 1; }'
cycles '' 'cycle: a/x.c -> a/y.c (y_two) -> a/x.c (x_one)'

# Allowed exactly, it passes.
if CYCLES_ALLOW='a/y.c a/x.c' sh "$TOP/tools/cycles.sh" "$tmp/src" \
    "$tmp/src" >"$tmp/out" 2>&1; then ok
else no "an allowed cycle failed: $(cat "$tmp/out")"; fi

# Three in a circle, with a file outside it that calls into it; an allowed
# list naming only two of them does not allow it, and is itself stale.
obj y 'int z_three(void); int y_two(void) { return z_three(); }'
obj z 'int x_one(void); int z_three(void) { return x_one(); }'
obj w 'int x_one(void); int w_out(void) { return x_one(); }'
cycles 'a/x.c a/y.c' 'cycle: a/x.c -> a/y.c (y_two) -> a/z.c (z_three) -> a/x.c (x_one)'
if grep -qxF 'tools/cycles.sh: allowed cycle not found (remove it from the list): a/x.c a/y.c' "$tmp/out"
then ok
else no "partly allowed cycle: wrong message: $(cat "$tmp/out")"; fi

# A cycle that is gone leaves its line in the list an error.
obj z 'int z_three(void) { return 3; }'
cycles 'a/x.c a/y.c a/z.c' 'tools/cycles.sh: allowed cycle not found (remove it from the list): a/x.c a/y.c a/z.c'
if CYCLES_ALLOW='' sh "$TOP/tools/cycles.sh" "$tmp/src" "$tmp/src" \
    >"$tmp/out" 2>&1; then ok
else no "no cycle left, the check failed: $(cat "$tmp/out")"; fi

# An object whose source is gone (removed since that build) is left out.
obj z 'int x_one(void); int z_three(void) { return x_one(); }'
cycles '' 'cycle: a/x.c -> a/y.c (y_two) -> a/z.c (z_three) -> a/x.c (x_one)'
rm "$tmp/src/a/z.c"
if CYCLES_ALLOW='' sh "$TOP/tools/cycles.sh" "$tmp/src" "$tmp/src" \
    >"$tmp/out" 2>&1; then ok
else no "a stale object counted: $(cat "$tmp/out")"; fi

# Two cycles, the first using the second: each on its own line.
rm -rf "$tmp/src"
obj a 'int b_get(void); int c_get(void); int a_get(void) { return b_get() + c_get(); }'
obj b 'int a_get(void); int b_get(void) { return a_get(); }'
obj c 'int d_get(void); int c_get(void) { return d_get(); }'
obj d 'int c_get(void); int d_get(void) { return c_get(); }'
cycles '' 'cycle: a/c.c -> a/d.c (d_get) -> a/c.c (c_get)'
if grep -qxF 'cycle: a/a.c -> a/b.c (b_get) -> a/a.c (a_get)' "$tmp/out" &&
    [ "$(wc -l <"$tmp/out")" -eq 2 ]; then ok
else no "two cycles: wrong message: $(cat "$tmp/out")"; fi

# No objects: a failure, not a pass.
mkdir "$tmp/empty"
if sh "$TOP/tools/cycles.sh" "$tmp/empty" "$tmp/empty" >"$tmp/out" 2>&1; then
	no "a folder without objects passed"
elif grep -q 'no object files' "$tmp/out"; then ok
else no "no objects: wrong message: $(cat "$tmp/out")"; fi

echo "cycles: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
