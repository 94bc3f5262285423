#!/bin/sh
# Replays every input that ever crashed the fuzz target (and the seeds)
# through the target in an ASan + UBSan build; part of make check.
set -eu
. tests/fuzz/common.sh
out=build/fuzz
mkdir -p "$out"
CC=${CC:-cc}
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
# shellcheck disable=SC2086
$CC -std=c11 -g -O1 $SAN $DEFS $PKG_CFLAGS -o "$out/replay" \
	tests/fuzz/replay.c tests/fuzz/fuzz_article.c $LIB_SRCS $PKG_LIBS
# shellcheck disable=SC2046
"$out/replay" $(ls tests/fuzz/regressions/* 2>/dev/null) articles/*.yaml \
	$(find tests/fixtures -name '*.yaml' | sort)
