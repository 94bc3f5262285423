#!/bin/sh
# tests/bench/diff.sh - `quoth diff` over two directories of 1,000 articles
# each should cost no more than loading them: it is timed against
# `quoth check DIR1 DIR2`, which loads and resolves the same 2,000 files,
# and fails when diff takes more than 1.1 times as long.
#
#   sh tests/bench/diff.sh          (after make; QUOTH=... for another build)
#
# The articles come from tests/bench/gen.c: the same seed gives the same
# body and id, so article i of one side pairs with article i of the other
# by id; side A declares 20 entities with 3 aliases each, side B 10 with
# one, so the two annotations differ in their mentions and speakers.
# Everything is written under build/bench-diff (kept between runs).
set -u
QUOTH=${QUOTH:-./quoth}
CC=${CC:-cc}
OUT=${BENCH_DIFF_OUT:-build/bench-diff}
N=${BENCH_DIFF_ARTICLES:-1000}
RUNS=${BENCH_DIFF_RUNS:-15}
LIMIT=1.1

fail() {
	echo "bench-diff: $*" >&2
	exit 1
}

[ -x "$QUOTH" ] || fail "no $QUOTH: run make first"
mkdir -p "$OUT/a" "$OUT/b" || fail "cannot create $OUT"
for prog in gen timeit; do
	[ "$OUT/$prog" -nt "tests/bench/$prog.c" ] ||
		$CC -std=c11 -O2 -Wall -Wextra -o "$OUT/$prog" "tests/bench/$prog.c" ||
		fail "cannot build tests/bench/$prog.c with $CC"
done

# The articles, unless a complete set from an earlier run is there.
if [ "$(ls "$OUT/a" | wc -l)" -ne "$N" ] || [ "$(ls "$OUT/b" | wc -l)" -ne "$N" ]; then
	rm -f "$OUT"/a/*.yaml "$OUT"/b/*.yaml
	i=1
	while [ "$i" -le "$N" ]; do
		name=$(printf 'art%04d' "$i")
		"$OUT/gen" --size 4096 --entities 20 --aliases 3 --seed "$i" \
			-o "$OUT/a/${name}_a.yaml" 2>/dev/null &&
		"$OUT/gen" --size 4096 --entities 10 --aliases 1 --seed "$i" \
			-o "$OUT/b/${name}_b.yaml" 2>/dev/null ||
			fail "the generator failed on seed $i"
		i=$((i + 1))
	done
fi
"$QUOTH" check "$OUT/a" "$OUT/b" ||
	fail "the generated articles do not pass quoth check"
"$QUOTH" diff "$OUT/a" "$OUT/b" >"$OUT/diff.out" 2>"$OUT/diff.err" ||
	fail "quoth diff failed: $(head -3 "$OUT/diff.err")"
[ -s "$OUT/diff.err" ] && fail "quoth diff left articles unpaired: $(head -3 "$OUT/diff.err")"
grep -q "^total: $N articles compared" "$OUT/diff.out" ||
	fail "quoth diff did not compare the $N pairs"

# Taking turns, so that both go through the same moments of the machine.
lines=$("$OUT/timeit" "$RUNS" "$QUOTH" diff "$OUT/a" "$OUT/b" -- \
	"$QUOTH" check "$OUT/a" "$OUT/b") || fail "timeit failed"
# The ratio is the median of each round's own ratio: on a busy machine the
# rounds drift together, and a median of ratios is steadier than a ratio
# of medians.
echo "$lines" | awk -v n="$N" -v runs="$RUNS" -v limit="$LIMIT" '
NR == 1 { d = $1; dk = $4; for (i = 5; i <= NF; i++) dt[i - 4] = $i }
NR == 2 { c = $1; ck = $4; for (i = 5; i <= NF; i++) r[i - 4] = dt[i - 4] / $i }
END {
	# insertion sort of the rounds ratios, then the middle one
	for (i = 2; i <= runs; i++)
		for (j = i; j > 1 && r[j - 1] > r[j]; j--) { t = r[j]; r[j] = r[j - 1]; r[j - 1] = t }
	m = runs % 2 ? r[(runs + 1) / 2] : (r[runs / 2] + r[runs / 2 + 1]) / 2
	printf "quoth diff  A B (%d + %d articles): %7.1f ms, peak %6.1f MB\n", n, n, d * 1000, dk / 1024
	printf "quoth check A B (the same loads):    %7.1f ms, peak %6.1f MB\n", c * 1000, ck / 1024
	printf "ratio x%.3f (limit x%.2f; median of %d rounds, each diff / check)\n", m, limit, runs
	exit m > limit ? 1 : 0
}' || fail "quoth diff costs more than $LIMIT times the loads"
