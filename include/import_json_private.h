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
#include "import_report.h"

/* One document being read. */
typedef struct json_ctx {
	import_report rep;
	int line;               /* of the document when on one line, or 0 */
	import_doc *doc;
	bool nomem;
} json_ctx;

/* Reads the annotations of obj, a document of format (not AUTO or
 * UNKNOWN), into c->doc, whose text is set. */
void json_read_format(json_ctx *c, const cJSON *obj,
                      import_json_format format);

#endif
