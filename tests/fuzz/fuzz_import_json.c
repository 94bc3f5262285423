/* fuzz_import_json.c - libFuzzer target for the JSON importers.  The
 * input is the file, copied to a block of its exact size; its length
 * picks the format (detected, or each one forced), so every reader sees
 * every shape of document.  Each document must keep import_doc_valid()'s
 * promises, or the target aborts. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_yaml.h"
#include "import_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *bytes = malloc(size ? size : 1);
	if (!bytes)
		abort();
	if (size)
		memcpy(bytes, data, size);
	import_json_format format = (import_json_format)(size %
	                                                 IMPORT_JSON_UNKNOWN);
	diag_list diags = { 0 };
	import_doc_list docs = { 0 };
	import_status st = import_json_read("fuzz.json", bytes, size, format,
	                                    &docs, &diags);
	if ((st == IMPORT_OK || st == IMPORT_PARTIAL) != (docs.n > 0))
		abort();
	for (size_t i = 0; i < docs.n; i++)
		if (!import_doc_valid(docs.items[i])) {
			fprintf(stderr, "json: document %zu breaks its promises\n", i);
			abort();
		}
	for (size_t i = 0; i < docs.n; i++)
		fuzz_write_yaml(docs.items[i]);
	import_doc_list_free(&docs);
	diag_list_free(&diags);
	free(bytes);
	return 0;
}
