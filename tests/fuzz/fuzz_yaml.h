/* fuzz_yaml.h - what the import fuzz targets ask of the YAML writer: it
 * writes any document the importers give, and a body written alone loads
 * back byte for byte.  Included by one target each, so static. */
#ifndef QUOTH_FUZZ_YAML_H
#define QUOTH_FUZZ_YAML_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_load.h"
#include "import_yaml.h"

static void fuzz_write_yaml(const import_doc *doc)
{
	char *yaml = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&yaml, &len);
	diag_list diags = { 0 };
	import_yaml_meta meta = { .file = "fuzz", .format = "fuzz", .title = "fuzz" };
	if (!f || import_yaml_write(doc, &meta, f, &diags) != 0)
		abort();
	fclose(f);
	/* Without annotations the YAML needs nothing of the model's newer
	 * keys, so today's loader reads it. */
	if (doc->n_spans == 0 && doc->n_attributions == 0) {
		article *a = NULL;
		diag_list ld = { 0 };
		if (load_article_mem("fuzz.yaml", yaml, len, &a, &ld) == 0 &&
		    (a->body_len != doc->len || memcmp(a->body, doc->text, doc->len) != 0)) {
			fprintf(stderr, "yaml: the body did not load back:\n%s", yaml);
			abort();
		}
		article_free(a);
		diag_list_free(&ld);
	}
	free(yaml);
	diag_list_free(&diags);
}

#endif
