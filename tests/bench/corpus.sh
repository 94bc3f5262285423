#!/bin/sh
# The library at corpus scale (quoth issue 14): generates a corpus of N
# articles of 5-30 KB in outlet/year folders (tests/bench/corpus_gen.c)
# and measures, as medians of RUNS runs taken in turns (timeit.c):
#
#   floor         libyaml alone over every file, one after the other, on
#                 one thread (corpus_floor.c, floor.c's loop)
#   index         `quoth stats --json DIR`: every article loaded and
#                 resolved, speakers counted, on every core
#   first screen  `quoth snapshot --reading 0 DIR`: the files listed and
#                 the first screen drawn, before any article is read
#   per key       the library and speakers screens, at N and at 100
#                 articles (corpus_keys.c, in one process: keys and frames
#                 only, the reading not counted)
#   peak memory   of the index, and of the library read in full with its
#                 speakers view open
#   instructions  of the floor and the index over 300 articles, under
#                 callgrind (when valgrind is there): a figure a busy
#                 machine does not move
#
# and checks the targets: first screen <= 100 ms, index <= 1.0 x floor,
# per key at N <= 1.5 x per key at 100, peak memory <= 64 MiB.  Prints
# the figures; exits 1 when a target is missed, 2 when it cannot run.
#
# Environment: CORPUS_N (default 10000), RUNS (default 5), CORPUS_IR_N
# (default 300; 0: no callgrind), CC (default cc), QUOTH (default
# ./quoth), BENCH_DIR (default build/bench-corpus; the corpus is kept
# there and made again only when N changes).
set -u
cd "$(dirname "$0")/../.." || exit 2
export LC_ALL=C.UTF-8 TZ=UTC
N=${CORPUS_N:-10000}
RUNS=${RUNS:-5}
CC=${CC:-cc}
QUOTH=${QUOTH:-./quoth}
OUT=${BENCH_DIR:-build/bench-corpus}
KEYS=5000
status=0

die() { echo "corpus bench: $*" >&2; exit 2; }

mkdir -p "$OUT" || die "cannot make $OUT"
[ -x "$QUOTH" ] || die "no $QUOTH: run make first"
[ -d build/obj ] || die "no build/obj: run make first"

yaml_cflags=$(pkg-config --cflags yaml-0.1 2>/dev/null)
yaml_libs=$(pkg-config --libs yaml-0.1 2>/dev/null || echo -lyaml)
$CC -std=c11 -O2 -Wall -Wextra -o "$OUT/corpus_gen" tests/bench/corpus_gen.c ||
	die "cannot build corpus_gen.c"
$CC -std=c11 -O2 -Wall -Wextra $yaml_cflags -o "$OUT/corpus_floor" \
	tests/bench/corpus_floor.c $yaml_libs || die "cannot build corpus_floor.c"
$CC -std=c11 -O2 -Wall -Wextra -o "$OUT/timeit" tests/bench/timeit.c ||
	die "cannot build timeit.c"
pkgs="ncursesw yaml-0.1 libcjson"
app_cflags=$(pkg-config --cflags $pkgs | sed 's/-D_XOPEN_SOURCE=[0-9]*//g')
# shellcheck disable=SC2046
$CC -std=c11 -O2 -Wall -Wextra -Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE \
	$app_cflags -o "$OUT/corpus_keys" tests/bench/corpus_keys.c \
	$(ls build/obj/*.o | grep -v '/main\.o$') $(pkg-config --libs $pkgs) -lm -pthread ||
	die "cannot build corpus_keys.c against build/obj"

# corpus NAME COUNT: the corpus of COUNT articles in $OUT/NAME, made once.
corpus() {
	if [ "$(cat "$OUT/$1.n" 2>/dev/null)" != "$2" ]; then
		rm -rf "${OUT:?}/$1"
		"$OUT/corpus_gen" "$2" "$OUT/$1" 1 >"$OUT/$1.bytes" || die "corpus_gen failed"
		echo "$2" >"$OUT/$1.n"
	fi
	find "$OUT/$1" -name '*.yaml' | sort >"$OUT/$1.list"
}
echo "corpus bench: generating $N articles into $OUT/big (kept for the next run)"
corpus big "$N"
corpus small 100
bytes=$(cat "$OUT/big.bytes")
"$QUOTH" stats --json "$OUT/big" >"$OUT/stats.json" 2>"$OUT/stats.err" ||
	{ head -5 "$OUT/stats.err"; die "the generated corpus does not pass quoth stats"; }

"$OUT/timeit" "$RUNS" "$OUT/corpus_floor" "$OUT/big.list" \
	-- "$QUOTH" stats --json "$OUT/big" \
	-- "$QUOTH" snapshot --size 120x40 --reading 0 "$OUT/big" \
	-- "$QUOTH" snapshot --size 120x40 --keys S "$OUT/big" >"$OUT/times" ||
	die "a timed command failed"
keys_big=$("$OUT/corpus_keys" "$OUT/big" "$KEYS") || die "corpus_keys failed at $N"
keys_small=$("$OUT/corpus_keys" "$OUT/small" "$KEYS") || die "corpus_keys failed at 100"

# check NAME VALUE LIMIT UNIT: prints a target line, notes a miss.
check() {
	if awk -v v="$2" -v l="$3" 'BEGIN { exit !(v <= l) }'; then
		verdict=met
	else
		verdict=MISSED
		status=1
	fi
	printf '  %-44s %10s %-4s (limit %s)  %s\n' "$1" "$2" "$4" "$3" "$verdict"
}

awk 'NR == 1 { f = $1 } NR == 2 { i = $1; ir = $4 } NR == 3 { s = $1 } NR == 4 { lr = $4 }
END {
	printf "%s %s %s %s %s\n", f, i, s, ir, lr
}' "$OUT/times" >"$OUT/figures"
read -r floor index first index_rss lib_rss <"$OUT/figures"
set -- $keys_big
lib_big=$1 spk_big=$2 speakers=$4
set -- $keys_small
lib_small=$1 spk_small=$2

echo "corpus: $N articles, $((bytes / 1000000)) MB, $speakers speakers; $(nproc) processors;" \
	"medians of $RUNS runs; load average $(cut -d' ' -f1 /proc/loadavg)"
awk -v f="$floor" -v i="$index" -v s="$first" 'BEGIN {
	printf "  floor (libyaml, one thread)     %8.1f ms\n", f * 1000
	printf "  index (quoth stats --json)      %8.1f ms  x%.2f of the floor\n", i * 1000, i / f
	printf "  first screen (--reading 0)      %8.1f ms\n", s * 1000
}'
# Processor time, which a busy machine does not distort: on idle cores
# the index's wall time is at best its CPU time / the processors.
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f "%U %S" -o "$OUT/floor.cpu" "$OUT/corpus_floor" "$OUT/big.list" >/dev/null
	/usr/bin/time -f "%U %S" -o "$OUT/index.cpu" "$QUOTH" stats --json "$OUT/big" >/dev/null
	awk -v p="$(nproc)" 'NR == FNR { f = $1 + $2; next } { i = $1 + $2 }
	END { printf "  CPU time: floor %.2f s, index %.2f s (x%.2f; on %d idle cores at best x%.2f)\n",
	      f, i, i / f, p, i / f / p }' "$OUT/floor.cpu" "$OUT/index.cpu"
fi
# Instructions, which no other work on the machine changes: the floor and
# the index over IR_N articles (CORPUS_IR_N, default 300; 0 skips), under
# callgrind.  Both threads' instructions count, as the work to share out.
IR_N=${CORPUS_IR_N:-300}
if [ "$IR_N" -gt 0 ] && command -v valgrind >/dev/null 2>&1; then
	corpus ir "$IR_N"
	ir_of() {
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
			sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'
	}
	ir_floor=$(ir_of "$OUT/corpus_floor" "$OUT/ir.list")
	ir_index=$(ir_of "$QUOTH" stats --json "$OUT/ir")
	awk -v f="$ir_floor" -v i="$ir_index" -v n="$IR_N" 'BEGIN { if (f > 0)
	    printf "  instructions, %d articles: floor %.1f M, index %.1f M (x%.2f)\n",
	           n, f / 1e6, i / 1e6, i / f }'
fi
echo "  per key, library   $lib_small us at 100, $lib_big us at $N"
echo "  per key, speakers  $spk_small us at 100, $spk_big us at $N"
echo "targets:"
check "first screen at $N articles" "$(awk -v s="$first" 'BEGIN { printf "%.1f", s * 1000 }')" 100 ms
check "index / floor" "$(awk -v i="$index" -v f="$floor" 'BEGIN { printf "%.2f", i / f }')" 1.0 x
check "per key, library, $N / 100" "$(awk -v a="$lib_big" -v b="$lib_small" 'BEGIN { printf "%.2f", a / b }')" 1.5 x
check "per key, speakers, $N / 100" "$(awk -v a="$spk_big" -v b="$spk_small" 'BEGIN { printf "%.2f", a / b }')" 1.5 x
check "peak memory, index" "$(awk -v r="$index_rss" 'BEGIN { printf "%.1f", r / 1024 }')" 64 MiB
check "peak memory, library + speakers" "$(awk -v r="$lib_rss" 'BEGIN { printf "%.1f", r / 1024 }')" 64 MiB
exit $status
