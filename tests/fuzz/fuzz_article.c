/* fuzz_article.c - libFuzzer target for the whole path from bytes to a
 * screen: load, resolve, lay out, render on the headless screen of
 * `quoth snapshot` and press a few keys.  The input is the article file;
 * its length picks one of a few screen sizes and key scripts so that
 * narrow, wide and too-small screens are all exercised.
 *
 * Each input is also loaded twice, with the split load of a literal body
 * (src/loader_split.c) forced and forbidden: the return, diagnostics and
 * model must be the same, or the target aborts. */
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "loader.h"
#include "snapshot.h"

/* What a load gives, as text: return, diagnostics, body place, model. */
static char *load_outcome(loader_split_mode mode, const char *data, size_t size)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		return NULL;
	diag_list diags = { 0 };
	article *a = NULL;
	loader_set_split(mode);
	int rc = load_article_mem("fuzz.yaml", data, size, &a, &diags);
	loader_set_split(LOADER_SPLIT_AUTO);
	fprintf(f, "%d\n", rc);
	diag_list_print(f, &diags);
	if (a) {
		fprintf(f, "body at %d, indent %d\n", a->body_line, a->body_indent);
		export_json(a, f);
	}
	fclose(f);
	article_free(a);
	diag_list_free(&diags);
	return text;
}

static void split_agrees(const char *data, size_t size)
{
	char *split = load_outcome(LOADER_SPLIT_ALWAYS, data, size);
	char *plain = load_outcome(LOADER_SPLIT_NEVER, data, size);
	if (split && plain && strcmp(split, plain) != 0) {
		fprintf(stderr, "split load differs from plain load:\n--- split\n%s"
		        "--- plain\n%s", split, plain);
		abort();
	}
	free(split);
	free(plain);
}

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
	split_agrees((const char *)data, size);
	size_t pick = size % (sizeof runs / sizeof runs[0]);
	snapshot_exercise("fuzz.yaml", (const char *)data, size, runs[pick].cols,
	                  runs[pick].rows, runs[pick].keys, (size & 4) != 0);
	return 0;
}
