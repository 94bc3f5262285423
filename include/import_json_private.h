/* import_json_private.h - shared by import_json.c (the file: JSON Lines,
 * nesting, detection) and import_json_formats.c (one reader per format). */
#ifndef QUOTH_IMPORT_JSON_PRIVATE_H
#define QUOTH_IMPORT_JSON_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "diag.h"
#include "import_doc.h"
#include "import_json.h"

/* One document being read. */
typedef struct json_ctx {
	const char *file;
	int line;               /* of the document (JSON Lines), or 0 */
	diag_list *diags;
	import_doc *doc;
	size_t errors;
	bool nomem;
} json_ctx;

/* An error about the document, counted. */
void json_error(json_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Reads the annotations of obj, a document of format (not AUTO or
 * UNKNOWN), into c->doc, whose text is set. */
void json_read_format(json_ctx *c, const cJSON *obj,
                      import_json_format format);

#endif
