#!/bin/sh
# make install and make uninstall: a DESTDIR install with PREFIX=/usr puts
# the binary, the schemas, the default templates and texts and the three
# manual pages where the README and tandem(1) say, and uninstall removes
# every one of them. Prints "install: N passed, N failed".

TOP=$(cd "$(dirname "$0")/.." && pwd)
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; echo "install: $pass passed, $fail failed"; exit $((fail != 0))' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "install.test.sh: $*" >&2; }

# Install the binary under test (BUILD is the folder of $TANDEM).
BUILD=$(dirname "${TANDEM:?}")
D="$tmp/dest"
if make -s -C "$TOP" BUILD="$BUILD" DESTDIR="$D" PREFIX=/usr install \
    >"$tmp/log" 2>&1; then ok
else bad "make install failed: $(tail -5 "$tmp/log")"; fi

for f in bin/tandem share/tandem/programme.rng share/tandem/template.rng \
    share/tandem/templates/handbook.xml share/tandem/templates/tandems.xml \
    share/tandem/templates/agreement.xml \
    share/tandem/templates/certificate.xml \
    share/tandem/templates/report.xml \
    share/tandem/templates/statistics.xml \
    share/tandem/content/programme.xml share/tandem/content/report.md \
    share/tandem/content/handbook/01-willkommen.md \
    share/tandem/content/en/report.md \
    share/man/man1/tandem.1 share/man/man5/tandem-programme.5 \
    share/man/man5/tandem-texts.5; do
	if [ -f "$D/usr/$f" ]; then ok; else bad "not installed: /usr/$f"; fi
done
if [ -x "$D/usr/bin/tandem" ] &&
    "$D/usr/bin/tandem" --version | grep -q '^tandem '; then ok
else bad "the installed tandem does not run"; fi
if cmp -s "$TOP/man/tandem.1" "$D/usr/share/man/man1/tandem.1"; then ok
else bad "installed tandem.1 differs from man/tandem.1"; fi
# The installed sample programme is a valid programme.
if "$D/usr/bin/tandem" check "$D/usr/share/tandem/content" >/dev/null; then ok
else bad "the installed sample programme does not check"; fi

if make -s -C "$TOP" BUILD="$BUILD" DESTDIR="$D" PREFIX=/usr uninstall \
    >"$tmp/log" 2>&1; then ok
else bad "make uninstall failed: $(tail -5 "$tmp/log")"; fi
left=$(find "$D" -type f | sed "s|^$D||")
if [ -z "$left" ]; then ok; else bad "left after uninstall: $left"; fi
