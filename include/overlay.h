/* overlay.h - the words of the boxes drawn over the reader: the current
 * quote's details, the article's information, the load's problems.
 *
 * Curses-free: each builder writes rows already wrapped to the box's
 * inner width ("label      value", the value's next rows indented under
 * it), so render only draws row after row and a unit test reads what the
 * box will say.  The app opens one of them and rebuilds it on resize. */
#ifndef QUOTH_OVERLAY_H
#define QUOTH_OVERLAY_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "diag.h"
#include "reader.h"

typedef enum overlay_kind {
	OVERLAY_NONE,
	OVERLAY_DETAIL,     /* d: the current quote */
	OVERLAY_INFO,       /* i: the article */
	OVERLAY_PROBLEMS,   /* !: the load's errors and warnings */
} overlay_kind;

/* Rows of an overlay; each row owned, NUL-terminated, at most width
 * columns.  oom: a row could not be stored (the rows kept are shown). */
typedef struct overlay_rows {
	char **rows;
	size_t n;
	size_t cap;
	int width;
	bool oom;
} overlay_rows;

/* The box's title for kind: " Quote ", " Article ", " Problems ";
 * "" for OVERLAY_NONE. */
const char *overlay_title(overlay_kind kind);

/* Fills o (emptied first) with the rows of kind at width columns (at
 * least 1): for OVERLAY_DETAIL the current quote of r (its number in body
 * order, id, kind, cue, speaker, text, and for a quote not found the
 * problems at its line in problems); for OVERLAY_INFO r's article; for
 * OVERLAY_PROBLEMS every diagnostic of problems as "LINE:COL  message".
 * problems may be NULL (none given).  false on OOM (o keeps what fitted). */
bool overlay_build(overlay_rows *o, overlay_kind kind, const reader *r,
                   const diag_list *problems, int width);

/* Frees the rows; o is left empty.  Accepts NULL. */
void overlay_rows_free(overlay_rows *o);

#endif
