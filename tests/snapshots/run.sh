#!/bin/sh
# Golden screens: runs every scenario (tests/snapshots/NAME.scn) with
# `quoth snapshot` and compares the output with NAME.snap.
#
#   sh tests/snapshots/run.sh              compare (make snapshot-check)
#   UPDATE_SNAPSHOTS=1 sh tests/snapshots/run.sh
#                                          rewrite the goldens (make snapshots)
#   sh tests/snapshots/run.sh --self-test  only prove that a one-cell change
#                                          is caught and reported
#
# A scenario file holds "field: value" lines (# starts a comment):
#   file:  path of the article or directory, from the top of the tree
#   size:  COLSxROWS (default 80x24)
#   keys:  the key script, see include/keyscript.h (default none)
#   color: never or always (default never)
#   reading: a library read only this far, N articles (default all)
#   compare: a second annotation B of the file's article: the compare
#            view, as `quoth diff --view FILE B` opens it (default none)
# A difference prints the rows that differ in the text layer and in the
# style layer, with the first differing column, then fails.  A missing
# golden fails, and so does a golden without a scenario.  QUOTH names the
# binary (default ./quoth); QUOTH_WRAPPER a command to run it under.
set -u
cd "$(dirname "$0")/../.." || exit 2
export LC_ALL=C.UTF-8 TZ=UTC
QUOTH=${QUOTH:-./quoth}
# QUOTH_WRAPPER runs each snapshot under a tool, e.g. valgrind (make valgrind).
WRAPPER=${QUOTH_WRAPPER:-}
DIR=tests/snapshots
TMP=$(mktemp -d "${TMPDIR:-/tmp}/quoth-snap.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT INT TERM

# field FILE NAME: the value of "NAME: value" in a scenario, or nothing.
field() {
	sed -n "s/^$2:[ 	]*//p" "$1" | sed 's/[ 	]*$//' | head -n 1
}

# snapshot SCENARIO OUT: runs the scenario, output into OUT.
snapshot() {
	file=$(field "$1" file)
	size=$(field "$1" size)
	keys=$(field "$1" keys)
	color=$(field "$1" color)
	reading=$(field "$1" reading)
	compare=$(field "$1" compare)
	if [ -z "$file" ]; then
		echo "snapshot $(basename "$1" .scn): no 'file:' line in $1"
		return 2
	fi
	$WRAPPER "$QUOTH" snapshot --size "${size:-80x24}" --keys "$keys" \
		--color="${color:-never}" ${reading:+--reading "$reading"} \
		${compare:+--compare "$compare"} "$file" >"$2" 2>"$2.err"
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "snapshot $(basename "$1" .scn): quoth snapshot exited $rc:"
		sed 's/^/    /' "$2.err"
		return 1
	fi
}

# layer SNAP WHICH: the text grid (text) or the style grid (style) alone.
layer() {
	case $2 in
	text) awk 'NR > 1 && /^# cursor/ { exit } NR > 1 && !/^# screen/ { print }' "$1" ;;
	style) awk '/^# legend/ { exit } on { print } /^# styles/ { on = 1 }' "$1" ;;
	esac
}

# diff_layer NAME WHICH WANT GOT: prints each differing row with the first
# differing column (0-based screen row; column in characters after '|').
diff_layer() {
	layer "$3" "$2" >"$TMP/want.$2"
	layer "$4" "$2" >"$TMP/got.$2"
	cmp -s "$TMP/want.$2" "$TMP/got.$2" && return 0
	awk -v which="$2" '
		NR == FNR { want[FNR] = $0; nw = FNR; next }
		{ got[FNR] = $0; ng = FNR }
		END {
			n = nw > ng ? nw : ng
			for (r = 1; r <= n; r++) {
				if (want[r] == got[r]) continue
				w = want[r]; g = got[r]; i = 1
				while (i <= length(w) && substr(w, i, 1) == substr(g, i, 1)) i++
				# The prefix goes out to be counted in characters.
				printf "%s\t%d\t%s\t%s\t%s\n", which, r - 1, substr(w, 1, i - 1), w, g
			}
			if (nw != ng) printf "%s\t-1\t\t%d rows\t%d rows\n", which, nw, ng
		}' "$TMP/want.$2" "$TMP/got.$2" |
	while IFS='	' read -r which row prefix want got; do
		if [ "$row" = -1 ]; then
			echo "  $which layer: want $want, got $got"
			continue
		fi
		col=$(( $(printf '%s' "$prefix" | wc -m) - 1 ))
		echo "  $which row $row, column $col:"
		echo "    want $want"
		echo "    got  $got"
	done
	return 1
}

# compare NAME WANT GOT: silent when equal; else reports and fails.
compare() {
	cmp -s "$2" "$3" && return 0
	echo "snapshot $1: differs from $DIR/$1.snap"
	if [ "$(head -n 1 "$2")" != "$(head -n 1 "$3")" ]; then
		echo "  header:"
		echo "    want $(head -n 1 "$2")"
		echo "    got  $(head -n 1 "$3")"
	fi
	diff_layer "$1" text "$2" "$3"
	diff_layer "$1" style "$2" "$3"
	grep -v '^|' "$2" | sed '1d' >"$TMP/want.rest"
	grep -v '^|' "$3" | sed '1d' >"$TMP/got.rest"
	if ! cmp -s "$TMP/want.rest" "$TMP/got.rest"; then
		echo "  cursor and legend:"
		diff "$TMP/want.rest" "$TMP/got.rest" | sed -n 's/^[<>]/    &/p' |
			sed 's/^    </    want/; s/^    >/    got /'
	fi
	echo "  (UPDATE_SNAPSHOTS=1 sh $DIR/run.sh rewrites the goldens; review them)"
	return 1
}

# Proves the comparison can fail: one cell of a golden changed in the text
# layer, then one in the style layer, each must be reported at its cell.
self_test() {
	golden=$DIR/reader-80x24.snap
	if [ ! -f "$golden" ]; then
		echo "snapshot self-test: no golden to alter"
		return 1
	fi
	ok=0
	# The status line (row 23 of 80x24, ASCII) at column 2, after the
	# '|' edge, becomes X (Y if it was X).
	awk 'NR == 25 { c = substr($0, 4, 1) == "X" ? "Y" : "X"
		$0 = substr($0, 1, 3) c substr($0, 5) } { print }' "$golden" >"$TMP/self.text"
	if compare self "$golden" "$TMP/self.text" >"$TMP/self.out"; then
		echo "snapshot self-test: a changed text cell was not noticed"
		ok=1
	elif ! grep -q "text row 23, column 2:" "$TMP/self.out"; then
		echo "snapshot self-test: a changed text cell was not reported at row 23, column 2:"
		cat "$TMP/self.out"
		ok=1
	fi
	# Row 3, column 9 of the style grid.
	line=$(( $(grep -n '^# styles' "$golden" | cut -d: -f1) + 4 ))
	awk -v n="$line" 'NR == n { c = substr($0, 11, 1) == "Z" ? "Y" : "Z"
		$0 = substr($0, 1, 10) c substr($0, 12) } { print }' "$golden" >"$TMP/self.style"
	if compare self "$golden" "$TMP/self.style" >"$TMP/self.out"; then
		echo "snapshot self-test: a changed style cell was not noticed"
		ok=1
	elif ! grep -q "style row 3, column 9:" "$TMP/self.out"; then
		echo "snapshot self-test: a changed style cell was not reported at row 3, column 9:"
		cat "$TMP/self.out"
		ok=1
	fi
	[ $ok -eq 0 ] && echo "snapshot self-test: one changed cell is reported at its row and column"
	return $ok
}

if [ "${1:-}" = --self-test ]; then
	self_test
	exit $?
fi

if [ -n "${UPDATE_SNAPSHOTS:-}" ] && [ "${CI:-}" = true ]; then
	echo "snapshots: UPDATE_SNAPSHOTS is refused in CI: goldens are reviewed, not regenerated"
	exit 1
fi
if [ ! -x "$QUOTH" ]; then
	echo "snapshots: $QUOTH is not built (make quoth)"
	exit 1
fi

failed=0
passed=0
written=0
for scn in "$DIR"/*.scn; do
	[ -e "$scn" ] || continue
	name=$(basename "$scn" .scn)
	golden=$DIR/$name.snap
	if ! snapshot "$scn" "$TMP/$name.got"; then
		failed=$((failed + 1))
		continue
	fi
	if [ -n "${UPDATE_SNAPSHOTS:-}" ]; then
		if ! cmp -s "$TMP/$name.got" "$golden" 2>/dev/null; then
			cp "$TMP/$name.got" "$golden"
			echo "snapshot $name: written to $golden"
			written=$((written + 1))
		fi
		continue
	fi
	if [ ! -f "$golden" ]; then
		echo "snapshot $name: no golden $golden (make snapshots writes it; review it)"
		failed=$((failed + 1))
	elif compare "$name" "$golden" "$TMP/$name.got"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done
for golden in "$DIR"/*.snap; do
	[ -e "$golden" ] || continue
	name=$(basename "$golden" .snap)
	if [ ! -f "$DIR/$name.scn" ]; then
		echo "snapshot $name: golden $golden has no scenario $DIR/$name.scn"
		failed=$((failed + 1))
	fi
done

if [ -n "${UPDATE_SNAPSHOTS:-}" ]; then
	echo "snapshots: $written written, $failed failed"
	[ $failed -eq 0 ]
	exit $?
fi
self_test || failed=$((failed + 1))
echo "snapshots: $passed passed, $failed failed"
[ $failed -eq 0 ]
