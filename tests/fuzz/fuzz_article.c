/* fuzz_article.c - libFuzzer target for the whole path from bytes to a
 * screen: load, resolve, lay out, render on the headless screen of
 * `quoth snapshot` and press a few keys.  The input is the article file;
 * its length picks one of a few screen sizes and key scripts so that
 * narrow, wide and too-small screens are all exercised. */
#include <locale.h>
#include <stddef.h>
#include <stdint.h>

#include "snapshot.h"

static const struct {
	int cols, rows;
	const char *keys;
} runs[] = {
	{ 120, 40, "]]]j<PgDn>G[2<Enter>m<Tab><Enter>3<Enter>s/the<Enter>nN<Esc>?<Esc>" },
	{ 80, 24, "2<Down><Enter>mM<resize 33x9>]<resize 200x50>g<click 5 5><wheel-down>" },
	{ 40, 12, "/a<BS>e<Enter>n<C-d><C-u><S-Tab>1Gq" },
	{ 10, 4, "]<resize 1x1>[<resize 100x30>" },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready) {
		setlocale(LC_ALL, "C.UTF-8");
		ready = 1;
	}
	size_t pick = size % (sizeof runs / sizeof runs[0]);
	snapshot_exercise("fuzz.yaml", (const char *)data, size, runs[pick].cols,
	                  runs[pick].rows, runs[pick].keys, (size & 4) != 0);
	return 0;
}
