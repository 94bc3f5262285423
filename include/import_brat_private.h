/* import_brat_private.h - shared by the brat importer's two halves:
 * import_brat.c reads the lines, import_brat_refs.c resolves the
 * references between them once all are read. */
#ifndef QUOTH_IMPORT_BRAT_PRIVATE_H
#define QUOTH_IMPORT_BRAT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "import_doc.h"
#include "import_ids.h"
#include "import_report.h"

typedef struct brat_reader {
	import_report rep;      /* at lines of the .ann */
	import_doc *doc;
	import_ids ids;         /* every ID read, with its kind and index */
	import_link *events;    /* E lines, resolved at the end */
	size_t n_events, cap_events;
	size_t pending;         /* 1 + index of the T the last line was, or 0 */
	size_t said_len, said_cap;      /* its text field: bytes, room */
	size_t said_chars, span_chars;  /* characters: its field, its span */
	bool nomem;
} brat_reader;

/* After the last line: checks every reference, breaks cycles of events,
 * turns attribution events into attributions and the other events into
 * links; reports each problem and leaves out what it concerns. */
void brat_resolve(brat_reader *r);

#endif
