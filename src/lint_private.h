/* lint_private.h - what the lint files share and nobody else sees.
 *
 *   lint.c        the entry point; entities not found, quotes on the same
 *                 words, the shape of the body
 *   lint_norm.c   spellings that differ from the body by normalisation
 *   lint_marks.c  quotation marks no quote covers
 * lint.c calls the other two; they call neither lint.c nor each other. */
#ifndef QUOTH_LINT_PRIVATE_H
#define QUOTH_LINT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "diag.h"
#include "text.h"

/* Text quoted in a warning is cut to this many bytes. */
#define LINT_CLIP_BYTES 60

/* One fragment span of a quote, for the rules that compare spans. */
typedef struct lint_span {
	span at;
	size_t quote;    /* index into article.quotes */
	size_t fragment;
} lint_span;

/* Bytes of s[0..len) to quote in a message: len, or less at a character
 * boundary when it is longer than LINT_CLIP_BYTES. */
static inline int lint_clip(const char *s, size_t len)
{
	return (int)(len <= LINT_CLIP_BYTES ? len
	                                    : utf8_char_start(s, LINT_CLIP_BYTES));
}

/* ---- in lint_norm.c, for lint.c --------------------------------------- */

/* Warns when the spelling s (at pos, "name" or "alias" in what) is not
 * found in the body as written but is in its other normalisation form
 * (composed or decomposed).  body_combining: the body holds a combining
 * mark at all (else only a decomposed spelling can differ).  True when it
 * warned. */
bool lint_norm_spelling(const article *a, const entity *e, const char *s,
                        src_pos pos, const char *what, bool body_combining,
                        diag_list *diags);
/* True when the body holds a combining mark of the table's (U+0300 to
 * U+036F): one scan, done once. */
bool lint_norm_body_combining(const article *a);
/* s[0..n) found in text[0..len), ASCII case ignored when icase. */
bool lint_find(const char *text, size_t len, const char *s, size_t n,
               bool icase);

/* ---- in lint_marks.c, for lint.c --------------------------------------- */

/* Warns about each pair of quotation marks of the body whose inside no
 * quote span overlaps (spans: every fragment, sorted by start) and no
 * mention covers; returns how many. */
size_t lint_marks(const article *a, const lint_span *spans, size_t n_spans,
                  diag_list *diags);

#endif
