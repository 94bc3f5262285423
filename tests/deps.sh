#!/bin/sh
# tests/deps.sh: no circles between files.  For every object of build/obj,
# which others it calls (its undefined symbols that another object
# defines); fails when a file reaches itself through others, naming the
# files of each circle.  Run by make check after the build.
set -u
obj=${1:-build/obj}
for o in "$obj"/*.o; do
	f=$(basename "$o" .o)
	nm --defined-only -g "$o" | awk -v f="$f" '{ print "D", f, $3 }'
	nm -u "$o" | awk -v f="$f" '{ print "U", f, $2 }'
done | awk '
	$1 == "D" { def[$3] = $2; next }
	{ use[++n] = $2; sym[n] = $3 }
	END {
		for (i = 1; i <= n; i++) {
			d = def[sym[i]]
			if (d != "" && d != use[i]) { e[use[i], d] = 1; file[use[i]]; file[d] }
		}
		# Which file reaches which (Floyd-Warshall over some 90 files).
		for (k in file) for (i in file) if ((i, k) in e) for (j in file)
			if ((k, j) in e) e[i, j] = 1
		bad = 0
		for (i in file) for (j in file)
			if (i < j && (i, j) in e && (j, i) in e) {
				print "deps: " i " and " j " call each other (directly or through others)"
				bad = 1
			}
		if (!bad) print "deps: no circles between files"
		exit bad
	}'
