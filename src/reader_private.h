/* reader_private.h - what reader.c and reader_view.c share and nobody
 * else sees: the indexes built once per article, and a few helpers. */
#ifndef QUOTH_READER_PRIVATE_H
#define QUOTH_READER_PRIVATE_H

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

#endif
