#!/bin/sh
# make fuzz: builds the target with libFuzzer + ASan + UBSan (clang) and
# runs it for FUZZ_SECONDS (default 60) from a seed corpus of the bundled
# articles and the test fixtures.  A crashing input is saved under
# tests/fuzz/regressions/, which make check replays.
set -eu
. tests/fuzz/common.sh
out=build/fuzz
mkdir -p "$out/corpus"
SAN="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all"
# shellcheck disable=SC2086
clang -std=c11 -g -O1 $SAN $DEFS $PKG_CFLAGS -o "$out/fuzz_article" \
	tests/fuzz/fuzz_article.c $LIB_SRCS $PKG_LIBS
cp articles/*.yaml "$out/corpus/"
find tests/fixtures -name '*.yaml' -exec cp {} "$out/corpus/" \;
cp tests/fuzz/regressions/* "$out/corpus/" 2>/dev/null || true
"$out/fuzz_article" -max_total_time="${FUZZ_SECONDS:-60}" -max_len=65536 \
	-timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
	-artifact_prefix=tests/fuzz/regressions/ "$out/corpus"
