#!/bin/sh
# SOURCE_DATE_EPOCH is read alike by every command that dates its output
# (build, stats, import): a decimal number of seconds fixes the date, unset
# or empty means the clock, anything else is an error (exit 64) before
# anything is written. Prints "epoch: N passed, N failed".

TOP=$(cd "$(dirname "$0")/.." && pwd)
T=${TANDEM:-$TOP/build/tandem}
P=$TOP/content
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "epoch.test.sh: FAIL: $*" >&2; }

SOURCE_DATE_EPOCH=1700000000 "$T" export "$P" -o "$tmp/people.csv" 2>/dev/null ||
    no "export of the sample"

# run NAME VALUE CMD...: run tandem with SOURCE_DATE_EPOCH=VALUE, writing
# into $tmp/NAME (folder or file); rc, stdout and stderr in $tmp/NAME.*.
run() {
	name=$1 value=$2
	shift 2
	SOURCE_DATE_EPOCH=$value "$T" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
	echo $? >"$tmp/$name.rc"
}

# Malformed values: the same error from each command, nothing written.
for value in abc -1 12x " 12" 1.5 99999999999999999999999; do
	for cmd in build stats import; do
		n=bad-$cmd
		rm -rf "$tmp/$n"
		case $cmd in
		build)	run $n "$value" build "$P" -o "$tmp/$n" --only tandems;;
		stats)	run $n "$value" stats "$P" --format txt -o "$tmp/$n";;
		import)	run $n "$value" import "$tmp/people.csv" -o "$tmp/$n";;
		esac
		printf 'tandem: error: SOURCE_DATE_EPOCH="%s" is not a number of seconds since 1970-01-01\n' \
		    "$value" >"$tmp/want.err"
		if [ "$(cat "$tmp/$n.rc")" = 64 ] &&
		    cmp -s "$tmp/want.err" "$tmp/$n.err" &&
		    [ ! -s "$tmp/$n.out" ] && [ ! -e "$tmp/$n" ]; then
			ok
		else
			no "$cmd with SOURCE_DATE_EPOCH='$value': rc" \
			    "$(cat "$tmp/$n.rc"), $(cat "$tmp/$n.err")"
		fi
	done
done

# A valid value fixes the dates: 1700000000 is 14 November 2023 (UTC).
run stats 1700000000 stats "$P" --format txt
if [ "$(cat "$tmp/stats.rc")" = 0 ] && [ ! -s "$tmp/stats.err" ] &&
    sed 's/\xc2\xa0/ /g' "$tmp/stats.out" | grep -q "14\. November 2023"
then ok
else no "stats with a fixed date"; fi
run import 1700000000 import "$tmp/people.csv" -o "$tmp/imp.xml"
if [ "$(cat "$tmp/import.rc")" = 0 ] &&
    grep -q "period 2023-01-01 to 2023-12-31): fill them in" "$tmp/import.err"; then ok
else no "import with a fixed date"; fi
run build 1700000000 build "$P" -o "$tmp/b1" --only tandems
run build2 1700000000 build "$P" -o "$tmp/b2" --only tandems
if [ "$(cat "$tmp/build.rc")" = 0 ] && [ ! -s "$tmp/build.err" ] &&
    cmp -s "$tmp/b1/tandems.pdf" "$tmp/b2/tandems.pdf"; then ok
else no "build with a fixed date"; fi

# Unset or empty: the clock, no message.
for value in unset ""; do
	if [ "$value" = unset ]; then
		(unset SOURCE_DATE_EPOCH; "$T" stats "$P" --format txt \
		    >"$tmp/clock.out" 2>"$tmp/clock.err"); rc=$?
	else
		run clock "" stats "$P" --format txt; rc=$(cat "$tmp/clock.rc")
	fi
	if [ "$rc" = 0 ] && [ ! -s "$tmp/clock.err" ] &&
	    ! grep -q "14\. November 2023" "$tmp/clock.out"; then ok
	else no "stats with SOURCE_DATE_EPOCH $value"; fi
done

echo "epoch: $pass passed, $fail failed"
[ "$fail" = 0 ]
