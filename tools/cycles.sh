#!/bin/sh
# No cycles between the files of src/, checked over the object files of a
# build: file A uses file B when A's object needs a symbol that B's object
# defines (nm: undefined in A, global in B), and no file may use itself
# through others. Break a cycle by moving what both sides use into a file
# of its own that uses none of them (layout/lay_vlist.c,
# compose/placeholder_args.c); files that recurse into each other are one
# job (the tables are a block kind in layout/lay_flow.c).
# usage: sh tools/cycles.sh [DIR [SRC]]
#   DIR: the src/ folder of a build (default build/src); SRC: the sources
#   (default src/): an object whose .c is not there any more (a file
#   removed or renamed since that build) is left out.
#
# Each cycle (a strongly connected part of the graph) is printed on one
# line, as a walk from its first file through all the others and back,
# with one symbol per step:
#   cycle: a.c -> b.c (b_get) -> a.c (a_put)
# (a.c uses b_get of b.c, b.c uses a_put of a.c). Exit 1 if there is a
# cycle the list below does not allow, or a line of the list that no
# cycle matches any more; 2 if there are no objects to read.

# The cycles allowed for now, one a line: all the files of the cycle,
# exactly (none today). CYCLES_ALLOW replaces the list
# (tests/cycles.test.sh).
allowed=
ALLOW=${CYCLES_ALLOW-$allowed}

LC_ALL=C
export LC_ALL
TOP=$(cd "$(dirname "$0")/.." && pwd) || exit 2
DIR=${1:-$TOP/build/src}
DIR=${DIR%/}
SRC=${2:-$TOP/src}

objs=$(find "$DIR" -name '*.o' 2>/dev/null | sort | while read -r o; do
	r=${o#"$DIR"/}
	[ ! -f "$SRC/${r%.o}.c" ] || echo "$o"
done)
if [ -z "$objs" ]; then
	echo "tools/cycles.sh: no object files in $DIR (of sources in $SRC)" >&2
	exit 2
fi

# nm -A -P -g: "FILE.o: SYMBOL TYPE [VALUE SIZE]", global symbols only,
# each file's sorted by name (so the symbol shown for a step is the first
# by name). The files come in the order given, sorted.
# shellcheck disable=SC2086	# the paths have no blanks
syms=$(nm -A -P -g $objs) || {
	echo "tools/cycles.sh: nm failed (binutils) on the objects in $DIR" >&2
	exit 2
}
printf '%s\n' "$syms" | awk -v root="$DIR/" -v allow="$ALLOW" '
# The name of the source file of the object FILE.o: ("FILE.o:").
function src(f) {
	sub(/:$/, "", f)
	sub(/\.o$/, ".c", f)
	return substr(f, 1, length(root)) == root ? \
	    substr(f, length(root) + 1) : f
}

{
	f = src($1)
	if (!(f in seen)) {
		seen[f] = 1
		node[++nn] = f
	}
	if ($3 == "U")
		use[++nu] = f SUBSEP $2
	else if ($3 ~ /^[A-Z]$/) {
		if ($2 in def) {
			print "tools/cycles.sh: " $2 " defined in both " \
			    def[$2] " and " f " (a stale object?)"
			bad = 1
		}
		def[$2] = f
	}
}

# step(FROM, PART, TO): the shortest steps from FROM within the cycle PART
# to the file TO, or (TO empty) to the nearest file not yet in the walk;
# adds them to the walk and returns the file reached (FROM if none).
function step(from, part, to,    q, h, t, a, b, i, k, prev, path, n) {
	split("", prev)
	q[t = 1] = from
	prev[from] = ""
	for (h = 1; h <= t; h++) {
		a = q[h]
		for (i = 1; i <= nadj[a]; i++) {
			b = adj[a, i]
			if (!(b in comp) || comp[b] != part)
				continue
			if (to != "" ? b == to : !(b in walked)) {
				n = 0
				path[++n] = b
				for (k = a; k != from; k = prev[k])
					path[++n] = k
				path[++n] = from
				for (i = n - 1; i >= 1; i--) {
					line = line " -> " path[i] " (" \
					    edge[path[i + 1], path[i]] ")"
					walked[path[i]] = 1
				}
				return b
			}
			if (!(b in prev)) {
				prev[b] = a
				q[++t] = b
			}
		}
	}
	return from
}

# sorted(W, N): the words W[1..N] sorted, separated by blanks.
function sorted(w, n,    i, j, t, s) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && w[j - 1] > w[j]; j--) {
			t = w[j]; w[j] = w[j - 1]; w[j - 1] = t
		}
	s = w[1]
	for (i = 2; i <= n; i++)
		s = s " " w[i]
	return s
}

END {
	# The graph: one edge per pair of files, named by its first symbol.
	for (i = 1; i <= nu; i++) {
		split(use[i], p, SUBSEP)
		if (!(p[2] in def) || def[p[2]] == p[1] ||
		    (p[1], def[p[2]]) in edge)
			continue
		edge[p[1], def[p[2]]] = p[2]
		adj[p[1], ++nadj[p[1]]] = def[p[2]]
	}

	# What each file reaches.
	for (i = 1; i <= nn; i++) {
		a = node[i]
		split("", st)
		st[n = 1] = a
		while (n > 0) {
			b = st[n--]
			for (j = 1; j <= nadj[b]; j++) {
				c = adj[b, j]
				if (!((a, c) in reach)) {
					reach[a, c] = 1
					st[++n] = c
				}
			}
		}
	}

	# The allowed cycles, each as its sorted list of files.
	na = split(allow, al, "\n")
	for (i = 1; i <= na; i++)
		if ((m = split(al[i], w, " ")) > 0)
			allowed[sorted(w, m)] = 1

	# Each cycle: the files that reach a file and are reached by it.
	for (i = 1; i <= nn; i++) {
		a = node[i]
		if (a in comp || !((a, a) in reach))
			continue
		m = 0
		for (j = i; j <= nn; j++) {
			b = node[j]
			if (b == a || ((a, b) in reach && (b, a) in reach)) {
				comp[b] = a
				w[++m] = b
			}
		}
		if ((key = sorted(w, m)) in allowed) {
			used[key] = 1
			continue
		}
		split("", walked)
		walked[a] = 1
		line = "cycle: " a
		for (b = a; (c = step(b, a, "")) != b; b = c)
			;
		step(b, a, a)
		print line
		bad = 1
	}
	for (k in allowed)
		if (!(k in used)) {
			print "tools/cycles.sh: allowed cycle not found " \
			    "(remove it from the list): " k
			bad = 1
		}
	exit bad
}'
