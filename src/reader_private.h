/* reader_private.h - what the reader's files share and nobody else sees:
 * the indexes built once per article (reader_index.c), the text pane's
 * scroll and the message (reader_text.c), what an event changed
 * (reader_seen.c), the search's entry points (reader_search.c), the
 * types shown and hidden (reader_types.c), the list panes' cursors
 * (reader_lists.c).  Calls run one way: reader.c calls the others;
 * reader_search.c, reader_types.c and reader_view.c call reader_index.c
 * and reader_text.c, reader_types.c also reader_lists.c, which calls
 * reader_index.c; those and
 * reader_seen.c call no reader file. */
#ifndef QUOTH_READER_PRIVATE_H
#define QUOTH_READER_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "reader.h"

/* One span of one quote; the spans of all quotes sorted by start. */
typedef struct quote_span {
	size_t start;
	size_t end;
	size_t quote;
} quote_span;

struct reader_index {
	/* mention_maxend[i]: the largest end among a->mentions[0..i], so the
	 * first mention that can reach a range is found by binary search. */
	size_t *mention_maxend;
	quote_span *spans;
	size_t n_spans;
	size_t *span_maxend;
	size_t *rank;           /* rank[q]: position of quote q in r->order */
	/* The quotes of each speaker entity, in body order:
	 * by_speaker[speaker_first[e] .. speaker_first[e + 1]). */
	size_t *by_speaker;
	size_t *speaker_first;
	/* Where the current quote's speaker mentions are marked (its
	 * paragraphs and one on each side); empty when there is none. */
	span speaker_near;
	/* Every row of the entities pane, hidden types' too; r->ent_rows
	 * is what of it is shown (reader_types.c).  entity_type[e]: the
	 * index into r->types of entity e's type. */
	entity_row *ent_all;
	size_t n_ent_all;
	size_t *entity_type;
};

/* ---- in reader_index.c: built once per article ----------------------- */

/* Builds r->ix, r->types, r->ent_rows and r->order from r->a; false on
 * OOM (then reader_index_free releases what was built). */
bool reader_index_build(reader *r);
/* Frees what reader_index_build allocated.  Safe on a partial build. */
void reader_index_free(reader *r);

/* First body byte of quote q (SIZE_MAX when it was not found). */
size_t reader_quote_start(const reader *r, size_t q);
/* Position of the quote in the quotes list r->list, or -1. */
long reader_list_index(const reader *r, size_t quote);
/* First index of r->list whose quote ranks at or after rank in body
 * order; whose quote starts at or after offset.  r->n_list when none. */
size_t reader_list_lower_rank(const reader *r, size_t rank);
size_t reader_list_lower_offset(const reader *r, size_t offset);
/* Where the speaker mentions of quote q are marked: its paragraphs and
 * the one on each side; empty when it has no speaker or was not found. */
span reader_speaker_near(const reader *r, size_t q);
/* The first of entity e's mentions (an index into its mention_ids)
 * starting at or after offset; e->n_mentions when none. */
size_t reader_mention_lower(const reader *r, const entity *e, size_t offset);
/* The entity of the mention holding body byte offset (the first such in
 * body order), or -1; the quote with a span holding it, or -1. */
long reader_mention_at(const reader *r, size_t offset);
long reader_quote_at(const reader *r, size_t offset);

/* ---- in reader_lists.c: the list panes' cursors ---------------------- */

/* Rows of a list pane's body, at least 1. */
size_t reader_list_rows(const reader *r, pane_id pane);
/* The entities cursor in view, with the header (and legend) just above
 * its entity; the quotes cursor in view. */
void reader_ents_keep_cursor(reader *r);
void reader_quotes_keep_cursor(reader *r);
/* The nearest entity row from idx in direction dir (+1, -1), else in the
 * other direction; idx itself when there is none. */
size_t reader_ents_snap(const reader *r, size_t idx, int dir);
/* The cursor delta rows down (up when negative): by one, one entity at a
 * time over the headers; by more, landing on an entity. */
void reader_ents_move(reader *r, long delta);
void reader_quotes_move(reader *r, long delta);
/* Which list the quotes pane shows: all, or the selected entity's when
 * the filter is on; the cursor on the current quote if listed. */
void reader_quotes_list_update(reader *r);
/* The entities cursor on e's row, in view, when e is shown. */
void reader_ents_cursor_on(reader *r, size_t e);

/* ---- in reader_types.c: the types shown and hidden ------------------- */

/* r->ent_rows again from the index, without the rows of hidden types;
 * the cursor stays on its entity when it is still shown, else goes to
 * the nearest entity row (the caller scrolls it into view). */
void reader_types_update(reader *r);
/* t: hides the type of the entity under the cursor (entities pane) or of
 * the selected one; T: shows every type.  Messages say what was done. */
void reader_types_hide_current(reader *r);
void reader_types_show_all(reader *r);

/* ---- in reader_text.c: the text pane and the message ---------------- */

/* Rows of the text pane, at least 1. */
int reader_text_rows(const reader *r);
/* The lowest the top row can go: the last row at the bottom of the pane. */
layout_pos reader_max_top(const reader *r);
/* pos, or the lowest top when pos is below it. */
layout_pos reader_clamp_top(const reader *r, layout_pos pos);
/* Moves the view to pos (clamped) and anchors it there for resizes. */
void reader_set_top(reader *r, layout_pos pos);
/* Puts the row of offset in the upper third of the text pane. */
void reader_show_offset(reader *r, size_t offset);
/* First byte of the top row; the byte after the bottom row shown (the
 * end of the text when it is on screen). */
size_t reader_top_offset(const reader *r);
size_t reader_bottom_offset(const reader *r);
/* The body offset under cell (x, y) of the text pane, in *offset; false
 * off the text (the gutter, past a row's end, below the last row). */
bool reader_offset_at(reader *r, int x, int y, size_t *offset);
/* The message is prefix then arg (may be NULL), cut to the buffer at a
 * character boundary. */
void reader_message_set(reader *r, bool error, const char *prefix,
                        const char *arg);
void reader_message_clear(reader *r);

/* ---- in reader_seen.c: what an event changed ------------------------- */

/* Every field of the state an action, a click or the wheel writes (the
 * anchor included, though it is not seen), so that HANDLER_IGNORED is
 * returned only when nothing at all changed. */
typedef struct reader_seen {
	pane_id focus;
	layout_pos top;
	size_t anchor;
	list_view ents;
	list_view quotes;
	long selected;
	long mention;
	long current;
	bool filter;
	size_t n_hidden;    /* types hidden */
	bool editing;
	bool active;
	bool found;
	size_t qlen;
	span match;
	size_t match_no;
	bool message_is_error;
	char message[READER_MESSAGE_MAX];
} reader_seen;

/* Copies into *s what r shows now. */
void reader_seen_take(const reader *r, reader_seen *s);
/* HANDLER_REDRAW when r differs from before, else HANDLER_IGNORED. */
handler_result reader_seen_result(const reader *r, const reader_seen *before);

/* ---- in reader_search.c, for reader.c -------------------------------- */

/* Forgets the query and its highlights; closes the prompt. */
void reader_search_clear(reader *r);
/* Opens the prompt; Esc will come back to the current view. */
void reader_search_start(reader *r);
/* n (dir 1) or N (dir -1): the next match from the current one. */
void reader_search_step(reader *r, int dir);

#endif
