/* reader_view.h - what the renderer asks of a reader: the decorations of
 * the text, and the rows of the lists as typed fields.
 *
 * A list row says what each of its cells is (tig's draw_field): runs of
 * text, each with the display roles it is drawn in, and at most one run
 * that belongs at the right edge (a count).  The view knows no pane
 * width: render lays a row out (clipping, padding, the ellipsis) and
 * never takes apart a string the view wrote.  Curses-free; nothing here
 * changes the state. */
#ifndef QUOTH_READER_VIEW_H
#define QUOTH_READER_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reader.h"
#include "style.h"

/* ---- decorations of the text ----------------------------------------- */

/* Kinds of marks, in the order reader_marks() returns them: paint them in
 * that order, later kinds over earlier ones. */
typedef enum mark_kind {
	MARK_ENTITY,        /* a mention; index = entity (colour by its type) */
	MARK_QUOTE,         /* a span of any quote; index = quote */
	/* ---- the compare view's (compare_view_marks); index = place ---- */
	MARK_CMP_AGREED,    /* content of an agreed pair */
	MARK_CMP_DIFFERS,   /* content of a pair that differs */
	MARK_CMP_ONLY_A,    /* content only in A */
	MARK_CMP_ONLY_B,    /* content only in B */
	MARK_QUOTE_CURRENT, /* a span of the current quote; index = quote */
	MARK_SPEAKER,       /* a mention of the current quote's speaker near
	                       it; index = entity */
	MARK_CUE,           /* a piece of the current quote's cue (each of
	                       cue_spans, or cue_span without them);
	                       index = quote */
	MARK_SOURCE,        /* the words standing for the current quote's
	                       speaker (each of source_spans); index = quote */
	MARK_SELECTED,      /* a mention of the selected entity; index = entity */
	MARK_SEARCH,        /* a search match; index 1 for the current match,
	                       0 for the others */
} mark_kind;

typedef struct text_mark {
	size_t start;       /* body bytes, end exclusive, not clipped: a mark
	                       may begin before or end after the range asked
	                       for */
	size_t end;
	mark_kind kind;
	size_t index;
} text_mark;

typedef enum gutter_mark {
	GUTTER_NONE,
	GUTTER_QUOTE,       /* the row holds part of a quote */
	GUTTER_CURRENT,     /* the row holds part of the current quote */
	GUTTER_DIFFERS,     /* compare view: part of a pair that differs */
} gutter_mark;

/* Marks overlapping body bytes [start, end), written to out (up to cap),
 * grouped by kind in mark_kind order, by start within a kind.  Returns
 * the number of marks there are, which may exceed cap (then call again
 * with a larger buffer).  Costs in proportion to the range. */
size_t reader_marks(const reader *r, size_t start, size_t end,
                    text_mark *out, size_t cap);

/* What the gutter shows for a row of body bytes [start, end). */
gutter_mark reader_gutter(const reader *r, size_t start, size_t end);

/* The display role of a mark (entity colour by type, quote, search...). */
style_role reader_mark_role(const reader *r, const text_mark *m);

/* ---- the compare view's text (issue 15) ------------------------------- */

struct compare_view;

/* As reader_marks, for the compare view over r's text: cv's marks
 * (compare_view_marks) in place of the article's entities and quotes,
 * then the selected entity's mentions and the search's matches.  The
 * entities' looks are left out: in monochrome their bold and underline
 * would pass for the compare roles'. */
size_t reader_marks_compare(const reader *r, const struct compare_view *cv,
                            size_t start, size_t end, text_mark *out, size_t cap);

/* The one state change of this header: the compare view's ] and [ put
 * body byte offset in the upper third of the text pane, as ] does for a
 * quote. */
void reader_view_show_offset(reader *r, size_t offset);

/* ---- rows of the lists ------------------------------------------------ */

/* A row holds this much text; a quote longer than that is cut (and its
 * row says so).  More than a terminal is wide, so a cut never shows. */
#define VIEW_ROW_TEXT 512
#define VIEW_ROW_FIELDS 32

/* The bit of role r in a field's roles. */
#define VIEW_ROLE(r) (UINT64_C(1) << (r))

typedef enum view_align {
	VIEW_ALIGN_LEFT,    /* after the field before it */
	VIEW_ALIGN_RIGHT,   /* against the row's right edge */
} view_align;

typedef struct view_field {
	size_t at;          /* bytes [at, at + len) of the row's text */
	size_t len;
	uint64_t roles;     /* VIEW_ROLE bits, painted in role order over
	                       plain text; 0 for plain text */
	view_align align;
} view_field;

typedef struct view_row {
	char text[VIEW_ROW_TEXT];   /* the fields' text, NUL-terminated */
	size_t len;
	/* Left-aligned fields go left to right in this order; right-aligned
	 * ones may come anywhere in it. */
	view_field fields[VIEW_ROW_FIELDS];
	size_t n_fields;
	bool more;          /* text was left out: the row is longer than this */
	bool ellipsis;      /* a row wider than its place ends in "…" there;
	                       otherwise it is cut */
	bool cursor;        /* the focused list's cursor is on this row */
	bool current;       /* quotes: the entry of the current quote */
} view_row;

/* Row `row` of the entities pane (see entity_row): the legend (each type
 * label in its colour, two plain spaces between), a header (the label in
 * its colour, dimmed), or an entity (its name in its type's colour, with
 * ROLE_SELECTED when selected, and the number of mentions aligned
 * right, written first).  Written into *out; false (and *out empty) past the end. */
bool reader_view_entity_row(const reader *r, size_t row, view_row *out);

/* Whether q could not be placed in the body (it has no spans): the
 * quotes pane marks it, ] and [ have nowhere to take the text. */
bool view_quote_lost(const quote *q);

/* Entry i of the quotes pane (r->list[i]): "! " in ROLE_PROBLEM for a
 * quote not found (view_quote_lost); the speaker in the speaker entity's
 * colour or, without one, ROLE_DIM_TEXT: the words of a located source
 * (source_spans, pieces joined by " … "), followed by " → " and the entity's name when they are
 * neither its name nor an alias ("it → The Post"), else
 * reader_quote_speaker's name; then plain " (partial)" / " (indirect)" / " (mixed)" for
 * those kinds, ": " and the quote's words as they stand in the body (a
 * direct quote with its quotation marks; the fragments of a split quote
 * joined by " … "), every run of white space made one space.  Ends in
 * "…" when it does not fit.  false (and *out empty) past the end. */
bool reader_view_quote_row(const reader *r, size_t i, view_row *out);

#endif
