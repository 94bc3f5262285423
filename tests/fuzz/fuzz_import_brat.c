/* fuzz_import_brat.c - libFuzzer target for the brat importer.  The input
 * is a .txt and a .ann joined by a line "--ann--" (without it, all of it
 * is the .ann of an empty text); each part is copied to a block of its
 * exact size, so a read past either end is caught.  Whatever the bytes,
 * the document must keep import_doc_valid()'s promises, or the target
 * aborts. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_yaml.h"
#include "import_brat.h"

static const char separator[] = "\n--ann--\n";

static char *exact_copy(const uint8_t *data, size_t n)
{
	char *p = malloc(n ? n : 1);
	if (p && n)
		memcpy(p, data, n);
	return p;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t sep = sizeof separator - 1, txt_len = 0, ann_at = 0;
	for (size_t i = 0; i + sep <= size; i++)
		if (memcmp(data + i, separator, sep) == 0) {
			txt_len = i;
			ann_at = i + sep;
			break;
		}
	char *txt = exact_copy(data, txt_len);
	char *ann = exact_copy(data + ann_at, size - ann_at);
	if (!txt || !ann)
		abort();
	diag_list diags = { 0 };
	import_doc *doc = NULL;
	import_status st = import_brat_read("fuzz.txt", txt, txt_len, "fuzz.ann",
	                                    ann, size - ann_at, &doc, &diags);
	if ((st == IMPORT_OK || st == IMPORT_PARTIAL) != (doc != NULL))
		abort();
	if (doc && !import_doc_valid(doc)) {
		fprintf(stderr, "brat: the document breaks its promises\n");
		abort();
	}
	for (size_t i = 0; i < diags.n; i++)
		if (diags.items[i].line < 0 || !diags.items[i].message)
			abort();
	if (doc)
		fuzz_write_yaml(doc);
	import_doc_free(doc);
	diag_list_free(&diags);
	free(txt);
	free(ann);
	return 0;
}
