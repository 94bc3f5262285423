#!/bin/sh
# Replays every input that ever crashed a fuzz target, and its seeds,
# through that target in an ASan + UBSan build; part of make check.
set -eu
. tests/fuzz/common.sh
out=build/fuzz
mkdir -p "$out"
CC=${CC:-cc}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
# The library once, then each target linked against it: make check
# stays fast.
mkdir -p "$out/lib"
objs=""
for f in $LIB_SRCS; do
	o="$out/lib/$(basename "$f" .c).o"
	if [ ! -f "$o" ] || [ "$f" -nt "$o" ] || [ -n "$(find include src -name '*.h' -newer "$o" 2>/dev/null | head -1)" ]; then
		# shellcheck disable=SC2086
		$CC -std=c11 -g -O1 $SAN $DEFS $PKG_CFLAGS -c -o "$o" "$f"
	fi
	objs="$objs $o"
done
for t in $TARGETS; do
	# shellcheck disable=SC2086
	$CC -std=c11 -g -O1 $SAN $DEFS $PKG_CFLAGS -Itests/fuzz -o "$out/replay_$t" \
		tests/fuzz/replay.c "$(target_src $t)" $objs $PKG_LIBS
	printf 'fuzz-regress %s: ' "$t"
	# shellcheck disable=SC2046
	"$out/replay_$t" $(find "tests/fuzz/regressions/$t" -type f ! -name '.keep' | sort) \
		$(target_seeds $t)
done
