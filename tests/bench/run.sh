#!/bin/sh
# tests/bench/run.sh - `make bench`: how quoth's costs grow with the article,
# against the targets; run by hand, never by `make check`.
#
# Builds its helpers (gen, floor, timeit) and writes its generated articles
# into build/bench/ (BENCH_DIR), never into the source tree.  For bodies of
# 100 KB, 1 MB and 10 MB it times, as the median of several runs:
#   floor        libyaml's event parser alone over the file (tests/bench/floor.c)
#   check        quoth check FILE: load and resolve
#   first frame  quoth snapshot --size 120x40 FILE
#   keys         the same with a script of 1,000 navigation keys; the cost per
#                key is (keys - first frame) / 1000
# and, on the 10 MB article, a resize at the end: G then NRESIZE resizes that
# alternate between 100 and 120 columns, minus G alone, over NRESIZE (one
# resize is too short to tell from the noise of a half-second run), and the
# floor and the first frame on one processor (taskset -c 0); and on the 1 MB
# article with its 1,000 entities, 10,000 aliases against 10 (and, for
# comparison, against the same body with 10 entities of one alias each).
# Both differences and the alias ratios are medians of round-by-round
# figures, the commands having run in turns.  Peak resident memory comes
# from each run's own rusage.
#
# It prints a table, then each target as ok, MISSED, or n/a (not measured:
# a size left out of BENCH_SIZES, or no taskset):
#   first frame of 10 MB on one processor     <= 2.0 x the floor run so
#   first frame of 100 KB                     <= 1.5 x the floor
#   cost per key at 10 MB                     <= 1.5 x the cost at 100 KB
#   resize at the end of 10 MB                 < 16 ms
#   check with 10,000 aliases                 <= 2 x with 10 (1 MB body)
#   peak memory at each size                  <= 4 x the file + 16 MB
# The first frame of 10 MB with every processor is printed as information.
# Exit status: 0 when every measured target is met, 3 when one is missed,
# 1 when something could not run.
#
# Environment: CC (default cc), QUOTH (default ./quoth), BENCH_DIR (default
# build/bench), BENCH_SIZES (default "100k 1m 10m"; a subset is quicker).
# KB and MB here are 1024 and 1048576 bytes.
set -u

cd "$(dirname "$0")/../.." || exit 1
export LC_ALL=C.UTF-8 TZ=UTC

CC=${CC:-cc}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
QUOTH=${QUOTH:-./quoth}
OUT=${BENCH_DIR:-build/bench}
SIZES=${BENCH_SIZES:-100k 1m 10m}
SCREEN=120x40
RESIZED=100x40
NRESIZE=50
NKEYS=1000
RESULTS=$OUT/results.txt

fail() {
	echo "bench: $*" >&2
	exit 1
}

say() {
	echo "bench: $*" >&2
}

started=$(date +%s)

# The 1-minute load average, or "?".
loadavg() {
	cut -d ' ' -f 1 /proc/loadavg 2>/dev/null || echo '?'
}
load_before=$(loadavg)

# --- helpers -----------------------------------------------------------------

build_helpers() {
	mkdir -p "$OUT" || fail "cannot create $OUT"
	yaml_cflags=$($PKG_CONFIG --cflags yaml-0.1) &&
		yaml_libs=$($PKG_CONFIG --libs yaml-0.1) ||
		fail "pkg-config cannot find yaml-0.1 (run 'make setup')"
	for prog in gen timeit floor; do
		# shellcheck disable=SC2086  # the flags are word lists
		$CC -std=c11 -O2 -Wall -Wextra $yaml_cflags \
			-o "$OUT/$prog" "tests/bench/$prog.c" $yaml_libs ||
			fail "cannot build tests/bench/$prog.c with $CC"
	done
}

# --- articles ----------------------------------------------------------------

size_bytes() {
	case $1 in
	100k) echo 102400 ;;
	1m) echo 1048576 ;;
	10m) echo 10485760 ;;
	*) fail "unknown size '$1' in BENCH_SIZES (use 100k, 1m, 10m)" ;;
	esac
}

runs_for() {
	case $1 in
	10m) echo 3 ;;
	*) echo 5 ;;
	esac
}

# gen NAME ARGS...: writes $OUT/NAME.yaml and checks that quoth accepts it.
gen() {
	name=$1
	shift
	if ! "$OUT/gen" "$@" -o "$OUT/$name.yaml" 2>"$OUT/$name.gen"; then
		cat "$OUT/$name.gen" >&2
		fail "the generator failed on $name ($*)"
	fi
	if ! "$QUOTH" check "$OUT/$name.yaml" >"$OUT/$name.check" 2>&1; then
		head -n 20 "$OUT/$name.check" >&2
		fail "the generated article $OUT/$name.yaml does not pass" \
			"'quoth check' (errors above, all in $OUT/$name.check);" \
			"the loader or the generator is wrong, no figure would mean anything"
	fi
	"$OUT/floor" "$OUT/$name.yaml" >/dev/null ||
		fail "the floor cannot parse $OUT/$name.yaml"
}

generate_all() {
	for s in $SIZES; do
		gen "body-$s" --size "$(size_bytes "$s")"
	done
	# The 1 MB article with its 1,000 entities, with 10,000 aliases and
	# with 10; and, as before, with 10 entities of one alias each.
	gen aliases-10k --size 1048576 --entities 1000 --aliases 10
	gen aliases-10 --size 1048576 --entities 1000 --aliases 1 --alias-total 10
	gen aliases-10e --size 1048576 --entities 10 --aliases 1
}

# --- the key script ----------------------------------------------------------

# $NKEYS keys: select the first entity in the entities pane (2, Enter) and
# come back to the text (1), start a search, then cycle through quotes,
# mentions of the entity, pages, search matches, bottom and top.
key_script() {
	awk -v n="$NKEYS" 'BEGIN {
		np = split("2 <Enter> 1 / h a r b o u r <Enter>", pre, " ")
		nc = split("] ] m <PgDn> n [ m ] n <PgDn> m ] ] n m [ <PgDn> n G g",
		           cyc, " ")
		s = ""
		for (i = 1; i <= np; i++) s = s pre[i]
		for (i = 0; i < n - np; i++) s = s cyc[i % nc + 1]
		printf "%s", s
	}'
}

# NRESIZE resizes, each to a new width: RESIZED, SCREEN, RESIZED...
resize_script() {
	awk -v n="$NRESIZE" -v a="$RESIZED" -v b="$SCREEN" 'BEGIN {
		for (i = 0; i < n; i++) printf "<resize %s>", i % 2 ? b : a
	}'
}

# --- measuring ---------------------------------------------------------------

# measure RUNS "KEY..." COMMAND [-- COMMAND]...: times the commands in
# turns (see timeit.c) and appends "KEY MEDIAN MIN MAX RSS_KB T1..." to
# RESULTS, one line per command, the keys in the order of the commands.
measure() {
	runs=$1
	keys=$2
	shift 2
	lines=$("$OUT/timeit" "$runs" "$@") ||
		fail "measuring $keys failed (see above): $*"
	echo "$lines" | awk -v keys="$keys" \
		'BEGIN { split(keys, k, " ") } { print k[NR], $0 }' >>"$RESULTS"
}

measure_size() {
	s=$1
	f=$OUT/body-$s.yaml
	n=$(runs_for "$s")
	say "measuring $s ($n runs each)"
	echo "file_$s $(wc -c <"$f")" >>"$RESULTS"
	measure "$n" "floor_$s check_$s first_$s keys_$s" \
		"$OUT/floor" "$f" -- \
		"$QUOTH" check "$f" -- \
		"$QUOTH" snapshot --size $SCREEN "$f" -- \
		"$QUOTH" snapshot --size $SCREEN --keys "$KEYS" "$f"
	if [ "$s" = 10m ]; then
		measure "$n" "bottom_$s resize_$s" \
			"$QUOTH" snapshot --size $SCREEN --keys G "$f" -- \
			"$QUOTH" snapshot --size $SCREEN --keys "G$(resize_script)" "$f"
		# The target: the floor and quoth each pinned to one processor,
		# so that neither gains from a second one (the loader reads on
		# one thread since issue 11 removed the split body reader; only
		# the corpus index of a directory runs threads).
		if command -v taskset >/dev/null 2>&1; then
			measure "$n" "floor1_$s first1_$s" \
				taskset -c 0 "$OUT/floor" "$f" -- \
				taskset -c 0 "$QUOTH" snapshot --size $SCREEN "$f"
		fi
	fi
}

measure_aliases() {
	say "measuring 1 MB with 10 and with 10,000 aliases"
	a10=$OUT/aliases-10.yaml
	a10k=$OUT/aliases-10k.yaml
	a10e=$OUT/aliases-10e.yaml
	echo "file_a10 $(wc -c <"$a10")" >>"$RESULTS"
	echo "file_a10k $(wc -c <"$a10k")" >>"$RESULTS"
	measure 5 "acheck_10 acheck_10k afirst_10 afirst_10k acheck_10e" \
		"$QUOTH" check "$a10" -- "$QUOTH" check "$a10k" -- \
		"$QUOTH" snapshot --size $SCREEN "$a10" -- \
		"$QUOTH" snapshot --size $SCREEN "$a10k" -- \
		"$QUOTH" check "$a10e"
}

# --- report ------------------------------------------------------------------

machine() {
	cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
	mem=$(awk '/^MemTotal:/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
	rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
	echo "machine: ${cpu:-unknown CPU}, $(nproc 2>/dev/null || echo '?') cores" \
		"(nproc), ${mem:-? GB} RAM, $(uname -sm)"
	echo "quoth:   $QUOTH_GIVEN (tree at commit $rev); helpers built with $CC -O2"
	echo "runs:    median of 5 (3 at 10 MB) after one warm-up run, the" \
		"commands of a size taking turns; screen $SCREEN; $NKEYS keys"
	echo "load:    $load_before before the run, $(loadavg) after (1-minute" \
		"average; other work on the machine blurs the figures)"
}

report() {
	awk -v nkeys="$NKEYS" -v screen="$SCREEN" -v resized="$RESIZED" \
		-v nresize="$NRESIZE" '
	function t(x) {      # seconds, printed with a unit
		if (x == "") return "-"
		if (x < 0.001) return sprintf("%.1f us", x * 1e6)
		if (x < 1) return sprintf("%.1f ms", x * 1e3)
		return sprintf("%.2f s", x)
	}
	function m(kb) {     # kilobytes, printed as MB
		if (kb == "") return "-"
		return sprintf("%.1f MB", kb / 1024)
	}
	function ratio(a, b) {
		if (a == "" || b == "" || b <= 0) return "-"
		return sprintf("x%.2f", a / b)
	}
	# The median of the round-by-round differences b - a (or ratios b / a
	# when div), or "".
	function diff(b, a, div,    i, j, n, d, x) {
		if (!((b in med) && (a in med))) return ""
		n = runs[b]
		for (i = 1; i <= n; i++)
			d[i] = div ? raw[b, i] / raw[a, i] : raw[b, i] - raw[a, i]
		for (i = 2; i <= n; i++) {       # insertion sort: n is small
			x = d[i]
			for (j = i - 1; j >= 1 && d[j] > x; j--) d[j + 1] = d[j]
			d[j + 1] = x
		}
		return n % 2 ? d[(n + 1) / 2] : (d[n / 2] + d[n / 2 + 1]) / 2
	}
	function perkey(s,    d) {
		d = diff("keys_" s, "first_" s)
		return d == "" ? "" : d / nkeys
	}
	function row(label, kind, name,    i, s, v, r, cell, line, first, last) {
		line = sprintf("%-26s", label)
		first = ""; last = ""
		for (i = 1; i <= 3; i++) {
			s = S[i]; v = ""; r = ""
			if (kind == "time" && (name "_" s) in med) {
				v = med[name "_" s]; r = ratio(v, med["floor_" s])
				cell = t(v)
			} else if (kind == "rss" && (name "_" s) in rss) {
				v = rss[name "_" s]; r = ratio(v, rss["floor_" s])
				cell = m(v)
			} else if (kind == "file" && ("file_" s) in file) {
				v = file["file_" s] / 1024; cell = m(v)
			} else if (kind == "perkey") {
				v = perkey(s); cell = t(v)
			} else {
				cell = "-"
			}
			if (name == "floor" || kind == "file" || kind == "perkey") r = ""
			line = line sprintf("%10s %-8s", cell, r)
			if (s == "100k") first = v
			if (s == "10m") last = v
		}
		line = line sprintf("%8s", ratio(last, first))
		print line
	}
	function noise(x) {  # a difference of two medians below zero
		return x != "" && x < 0 ? " (lost in the noise)" : ""
	}
	function target(ok, text) {
		printf "  %-7s %s\n", ok == "" ? "n/a" : (ok ? "ok" : "MISSED"), text
		if (ok != "" && !ok) missed++
	}
	$1 ~ /^file_/ { file[$1] = $2; next }
	{
		med[$1] = $2; lo[$1] = $3; hi[$1] = $4; rss[$1] = $5
		runs[$1] = NF - 5
		for (i = 6; i <= NF; i++) raw[$1, i - 5] = $i
	}
	END {
		S[1] = "100k"; S[2] = "1m"; S[3] = "10m"
		printf "%-26s%10s %-8s%10s %-8s%10s %-8s%8s\n", "", "100 KB", "",
			"1 MB", "", "10 MB", "", "growth"
		row("file size", "file", "file")
		row("floor (libyaml events)", "time", "floor")
		row("check (load + resolve)", "time", "check")
		row("first frame " screen, "time", "first")
		row(nkeys " keys, total", "time", "keys")
		row("cost per key", "perkey", "")
		row("peak memory: floor", "rss", "floor")
		row("peak memory: check", "rss", "check")
		row("peak memory: first frame", "rss", "first")
		row("peak memory: keys", "rss", "keys")
		print "  (xN after a figure: its ratio to the floor of the same size;"
		print "   growth: the 10 MB figure over the 100 KB one; cost per key:"
		print "   median over the rounds of (keys - first frame) / " nkeys ")"
		print ""
		resize = diff("resize_10m", "bottom_10m")
		if (resize != "") {
			resize /= nresize
			printf "resize at the end of 10 MB: %s (G and %d resizes" \
				" between %s and %s, minus G, over %d)\n", t(resize),
				nresize, resized, screen, nresize
		}
		if ("first_10m" in med)
			printf "first frame of 10 MB with every processor: %s, %s the" \
				" floor (information, not a target)\n",
				t(med["first_10m"]), ratio(med["first_10m"], med["floor_10m"])
		aratio = diff("acheck_10k", "acheck_10", 1)
		printf "1 MB body and 1,000 entities with 10 aliases (%s file) and" \
			" with 10,000 (%s file):\n",
			m(file["file_a10"] / 1024), m(file["file_a10k"] / 1024)
		printf "1 MB body, check:       10 aliases %s, 10,000 aliases %s (x%.2f)\n",
			t(med["acheck_10"]), t(med["acheck_10k"]), aratio
		printf "1 MB body, first frame: 10 aliases %s, 10,000 aliases %s (x%.2f)\n",
			t(med["afirst_10"]), t(med["afirst_10k"]),
			diff("afirst_10k", "afirst_10", 1)
		print "  (the ratios: median over the rounds of 10,000 aliases / 10)"
		printf "the same body with 10 entities of one alias each, check: %s;" \
			" 10,000 aliases take x%.2f that\n", t(med["acheck_10e"]),
			diff("acheck_10k", "acheck_10e", 1)
		print ""
		print "targets:"
		ok = ""
		if ("first1_10m" in med)
			ok = med["first1_10m"] <= 2.0 * med["floor1_10m"]
		target(ok, sprintf("first frame of 10 MB on one processor (taskset -c 0):" \
			" %s, %s the floor run the same way (<= x2.0)",
			t(med["first1_10m"]), ratio(med["first1_10m"], med["floor1_10m"])))
		ok = ""
		if ("first_100k" in med)
			ok = med["first_100k"] <= 1.5 * med["floor_100k"]
		target(ok, sprintf("first frame of 100 KB: %s, %s the floor (<= x1.5)",
			t(med["first_100k"]), ratio(med["first_100k"], med["floor_100k"])))
		ok = ""; a = perkey("10m"); b = perkey("100k")
		if (a != "" && b != "") ok = a <= 1.5 * b
		target(ok, sprintf("cost per key at 10 MB: %s, %s the cost at 100 KB (<= x1.5)%s",
			t(a), ratio(a, b), noise(a) noise(b)))
		ok = ""
		if (resize != "") ok = resize < 0.016
		target(ok, sprintf("resize at the end of 10 MB: %s (< 16 ms)%s", t(resize),
			noise(resize)))
		ok = aratio == "" ? "" : aratio <= 2
		target(ok, sprintf("10,000 aliases: x%.2f the check time of" \
			" 10 aliases (<= x2)", aratio))
		for (i = 1; i <= 3; i++) {
			s = S[i]
			if (!(("file_" s) in file)) continue
			peak = 0
			split("check first keys", names, " ")
			for (j = 1; j <= 3; j++)
				if (rss[names[j] "_" s] > peak) peak = rss[names[j] "_" s]
			limit = 4 * file["file_" s] / 1024 + 16384
			target(peak <= limit,
				sprintf("peak memory at %s: %s (<= 4 x %s + 16 MB = %s)",
					s == "100k" ? "100 KB" : s == "1m" ? "1 MB" : "10 MB",
					m(peak), m(file["file_" s] / 1024), m(limit)))
		}
		if (missed)
			printf "%d target%s MISSED\n", missed, (missed > 1 ? "s" : "")
		exit missed ? 3 : 0
	}' "$RESULTS"
}

# --- main --------------------------------------------------------------------

[ -x "$QUOTH" ] || fail "$QUOTH is missing; run 'make quoth' (make bench builds it)"
build_helpers
# Time a copy: a rebuild of ./quoth during the run must not mix two
# programs in one table.
cp "$QUOTH" "$OUT/quoth" || fail "cannot copy $QUOTH into $OUT"
QUOTH_GIVEN=$QUOTH
QUOTH=$OUT/quoth
say "generating articles into $OUT"
generate_all
KEYS=$(key_script)
: >"$RESULTS"
for s in $SIZES; do
	measure_size "$s"
done
measure_aliases

REPORT=$OUT/report.txt
{
	echo "quoth bench"
	machine
	echo
} >"$REPORT"
report >>"$REPORT"
status=$?
{
	echo
	echo "raw figures: $RESULTS; articles: $OUT/*.yaml;" \
		"$(($(date +%s) - started)) s in all"
} >>"$REPORT"
cat "$REPORT"
case $status in
0 | 3) exit "$status" ;;
*) fail "the report could not be made (awk exit $status)" ;;
esac
