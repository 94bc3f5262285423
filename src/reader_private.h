/* reader_private.h - what reader.c and reader_view.c share and nobody
 * else sees: the indexes built once per article, and a few helpers. */
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

/* First body byte of quote q (SIZE_MAX when it was not found). */
size_t reader_quote_start(const reader *r, size_t q);

/* The lowest the top row can go: the last row at the bottom of the pane. */
layout_pos reader_max_top(const reader *r);

/* Rows of the text pane, at least 1. */
int reader_text_rows(const reader *r);

/* ---- in reader.c, for reader_search.c -------------------------------- */

/* The message is prefix then arg (may be NULL), cut to the buffer. */
void reader_message_set(reader *r, bool error, const char *prefix,
                        const char *arg);
void reader_message_clear(reader *r);
/* pos, or the lowest top when pos is below it. */
layout_pos reader_clamp_top(const reader *r, layout_pos pos);
/* Moves the view to pos (clamped) and anchors it there for resizes. */
void reader_set_top(reader *r, layout_pos pos);
/* Puts the row of offset in the upper third of the text pane. */
void reader_show_offset(reader *r, size_t offset);
/* First byte of the top row. */
size_t reader_top_offset(const reader *r);

/* ---- in reader_search.c, for reader.c -------------------------------- */

/* Forgets the query and its highlights; closes the prompt. */
void reader_search_clear(reader *r);
/* Opens the prompt; Esc will come back to the current view. */
void reader_search_start(reader *r);
/* n (dir 1) or N (dir -1): the next match from the current one. */
void reader_search_step(reader *r, int dir);

#endif
