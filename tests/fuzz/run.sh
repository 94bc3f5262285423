#!/bin/sh
# make fuzz: builds each target (article, brat, json; FUZZ_TARGETS picks some) with libFuzzer +
# ASan + UBSan (clang) and runs it for FUZZ_SECONDS (default 60) from a
# seed corpus of the tree's files of its kind.  A crashing input is saved
# under tests/fuzz/regressions/TARGET/, which make check replays.
set -eu
. tests/fuzz/common.sh
out=build/fuzz
SAN="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
for t in $TARGETS; do
	mkdir -p "$out/corpus-$t" "tests/fuzz/regressions/$t"
	# shellcheck disable=SC2086
	clang -std=c11 -g -O1 $SAN $DEFS $PKG_CFLAGS -Itests/fuzz -o "$out/fuzz_$t" \
		"$(target_src $t)" $LIB_SRCS $PKG_LIBS
	for f in $(target_seeds $t); do
		case $t in
		brat) # the .txt beside the .ann, joined as the target reads them
			{ cat "${f%.ann}.txt" 2>/dev/null; printf '\n--ann--\n'; cat "$f"; } \
				>"$out/corpus-$t/$(basename "$f")" ;;
		*) cp "$f" "$out/corpus-$t/" ;;
		esac
	done
	find "tests/fuzz/regressions/$t" -type f ! -name '.keep' -exec cp {} "$out/corpus-$t/" \;
	"$out/fuzz_$t" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=65536 \
		-timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
		-artifact_prefix="tests/fuzz/regressions/$t/" "$out/corpus-$t"
done
