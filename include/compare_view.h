/* compare_view.h - two annotations of one article on one screen (issue
 * 15): the state of the compare view and what the renderer asks of it.
 *
 * A is the article the reader has open, B another annotation of the same
 * body.  Their quotes are compared as `quoth diff` does (compare.h); every
 * A quote and every B quote without an overlap partner is a *place*, in
 * body order, and a place is a *disagreement* unless its role is
 * "agreed".  ] and [ move between disagreements.  Curses-free, no I/O:
 * the caller loads B and checks the bodies (diff_bodies_differ). */
#ifndef QUOTH_COMPARE_VIEW_H
#define QUOTH_COMPARE_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "compare.h"
#include "compare_article.h"
#include "reader_view.h"

/* One place: an A quote with its overlap partner in B (or none), or a B
 * quote alone. */
typedef struct compare_place {
	size_t a;           /* A's quote, or COMPARE_NONE */
	size_t b;           /* B's quote, or COMPARE_NONE */
	compare_role role;
	unsigned diff;      /* COMPARE_DIFF_* of the pair; 0 for one side alone */
	size_t start;       /* first content byte; SIZE_MAX when not placed */
} compare_place;

/* One content span of a place, for the marks. */
typedef struct compare_view_span {
	size_t start;
	size_t end;
	size_t place;
} compare_view_span;

typedef struct compare_view {
	const article *a;   /* borrowed: the reader's article */
	article *b;         /* owned */
	char *name_a;       /* owned: the names the title shows */
	char *name_b;
	compare_article ca; /* A and B as compare.h sees them */
	compare_article cb;
	compare_result result;
	compare_place *places;  /* in body order */
	size_t n_places;
	size_t *disagreements;  /* the places that are not agreed, in order */
	size_t n_disagreements;
	long current;       /* index into disagreements, or -1 before any */
	compare_view_span *spans;   /* every place's content, by start */
	size_t n_spans;
	size_t *span_maxend;        /* the largest end of spans[0..i] */
} compare_view;

/* Compares a (borrowed: it must outlive the view) with b (taken: freed by
 * compare_view_free, and here when this fails), both of the same body;
 * name_a and name_b are copied.  NULL when out of memory. */
compare_view *compare_view_new(const article *a, article *b, const char *name_a,
                               const char *name_b);

/* Frees the view and B; accepts NULL. */
void compare_view_free(compare_view *cv);

/* ] (dir 1) or [ (dir -1): the next or previous disagreement, wrapping
 * (*wrapped says so), the first or the last before any.  Returns the
 * place now current, or -1 when there is no disagreement. */
long compare_view_step(compare_view *cv, int dir, bool *wrapped);

/* The current place, or NULL before any. */
const compare_place *compare_view_current(const compare_view *cv);

/* Marks overlapping body bytes [start, end), as reader_marks() gives
 * them: MARK_CMP_* for every place's content (A's and its partner's),
 * grouped by kind in mark_kind order, then MARK_QUOTE_CURRENT for the
 * current place's.  Returns how many there are (may exceed cap). */
size_t compare_view_marks(const compare_view *cv, size_t start, size_t end,
                          text_mark *out, size_t cap);

/* The gutter of a row of body bytes [start, end): the current place,
 * else a pair that differs, else any place. */
gutter_mark compare_view_gutter(const compare_view *cv, size_t start, size_t end);

/* Rows of the quotes pane: 0 the legend (each role in its look); with a
 * current place 1 A's quote and 2 B's ("A  speaker, kind, cue: text", the
 * parts that differ in ROLE_CMP_DIFFERS, "(not in B)" for a side
 * without), 3 what differs in words; before any, 1 a hint.  False (and
 * *out empty) past the end. */
bool compare_view_row(const compare_view *cv, size_t i, view_row *out);

/* "exact F1 0.57 · overlap 0.86 · attribution 0.57": the figures of
 * `quoth diff` for this article. */
void compare_view_figures(const compare_view *cv, char *buf, size_t n);

/* "disagreement 2/3" (or "3 disagreements" before any), " of 4 places". */
void compare_view_position(const compare_view *cv, char *buf, size_t n);

#endif
