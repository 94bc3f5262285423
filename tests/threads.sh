#!/bin/sh
# The corpus index under ThreadSanitizer (make threads): runs the unit
# tests given, then `quoth stats` and a library snapshot over a generated
# corpus of nested folders, with both a thread per core and one; fails on
# the first race (TSAN_OPTIONS halt_on_error) or a wrong figure.
set -u
cd "$(dirname "$0")/.." || exit 2
QUOTH=${QUOTH:-./quoth}
CC=${CC:-cc}
OUT=build-tsan/threads
mkdir -p "$OUT" || exit 2
fail() { echo "threads: FAIL $*"; exit 1; }

for t in "$@"; do
	"$t" >"$OUT/unit.log" 2>&1 || { cat "$OUT/unit.log"; fail "$t"; }
done

$CC -std=c11 -O2 -o "$OUT/corpus_gen" tests/bench/corpus_gen.c || fail "cannot build the generator"
rm -rf "$OUT/corpus"
"$OUT/corpus_gen" 300 "$OUT/corpus" 7 >/dev/null || fail "the generator failed"

"$QUOTH" stats --json "$OUT/corpus" >"$OUT/stats.json" 2>"$OUT/stats.err"
rc=$?
[ $rc -le 1 ] || { cat "$OUT/stats.err"; fail "quoth stats exited $rc"; }
grep -q '"articles":	300' "$OUT/stats.json" || fail "quoth stats did not count 300 articles"
# The interactive library's threads: a snapshot reads synchronously, so
# the threaded path is driven by the unit tests above (test_app).
"$QUOTH" snapshot --size 100x30 --keys 'Go' "$OUT/corpus" >"$OUT/snap" 2>"$OUT/snap.err" ||
	{ cat "$OUT/snap.err"; fail "quoth snapshot of the corpus"; }
echo "threads: $# unit test programs and a 300-article corpus, no race"
