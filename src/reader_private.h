/* reader_private.h - what the reader's files share and nobody else sees:
 * the indexes built once per article (reader_index.c), the text pane's
 * scroll and the message (reader_text.c), what an event changed
 * (reader_seen.c), the search's entry points (reader_search.c).  Calls
 * run one way: reader.c calls the others, reader_search.c and
 * reader_view.c call reader_index.c and reader_text.c, and those and
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
/* First byte of the top row. */
size_t reader_top_offset(const reader *r);
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
	bool editing;
	bool active;
	bool found;
	size_t qlen;
	span match;
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
