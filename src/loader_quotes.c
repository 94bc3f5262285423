/* loader_quotes.c - the values of a quote's keys: its text (one string
 * or a list of fragments), its speaker (an entity id, 'none', or a mapping
 * with text, entity and span), cue (a string or a list of pieces), kind,
 * id and occurrence; its spans are read in loader_spans.c. */
#include "loader.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "loader_private.h"
#include "text.h"

static const char *const kind_names[] = { "direct", "partial", "indirect", "mixed" };
static const quote_kind kind_values[] = {
	QUOTE_DIRECT, QUOTE_PARTIAL, QUOTE_INDIRECT, QUOTE_MIXED,
};

#define COUNT(arr) (sizeof (arr) / sizeof (arr)[0])

frame_kind ld_quotes_item(loader *ld, frame *item_frame, const node *n)
{
	article *a = ld->a;
	if (n->type != NODE_MAP) {
		ld_error(ld, n->pos, "each item of 'quotes' must be a mapping with "
		         "'text' and 'speaker', not %s", ld_node_kind_name(n));
		ld->broken = true;
		return F_SKIP;
	}
	quote *items = ld_grow(ld, a->quotes, a->n_quotes, sizeof *items);
	if (items)
		a->quotes = items;
	src_pos *ids = items ? ld_grow(ld, ld->quote_id_pos, a->n_quotes,
	                               sizeof *ids) : NULL;
	if (!ids)
		return F_SKIP;
	ld->quote_id_pos = ids;
	ids[a->n_quotes] = (src_pos){ 0 };
	a->quotes[a->n_quotes] = (quote){
		.kind = QUOTE_DIRECT,
		.speaker = -1,
		.pos = n->pos,
	};
	item_frame->index = a->n_quotes++;
	item_frame->errors_at_open = ld->errors;
	return F_QUOTE;
}

/* Where the first character of n's value stands in the file, when the
 * file writes it on one line as it reads: a plain scalar, or a quoted
 * one whose characters are as many as the source's inside its quotes
 * (every escape, '' or \u2019 alike, takes more); else line 0. */
static src_pos text_pos(const node *n)
{
	bool quoted = n->style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	              n->style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	size_t marks = quoted ? 2 : 0;
	if ((!quoted && n->style != YAML_PLAIN_SCALAR_STYLE) ||
	    n->end_line != n->pos.line || n->end_index < n->mark.index + marks ||
	    utf8_count(n->value, n->len) != n->end_index - n->mark.index - marks)
		return (src_pos){ 0 };
	return (src_pos){ .line = n->pos.line, .col = n->pos.col + quoted };
}

static void add_fragment(loader *ld, quote *q, const node *n)
{
	src_pos *at = ld_grow(ld, q->fragment_text_pos, q->n_fragments, sizeof *at);
	if (!at)
		return;
	q->fragment_text_pos = at;
	at[q->n_fragments] = text_pos(n);
	ld_push_string(ld, &q->fragments, &q->fragment_pos, &q->n_fragments, n);
}

static void quote_text(loader *ld, quote *q, const node *n)
{
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "'text' must be a string or a list of strings "
		         "(the fragments of a split quote), not %s", ld_node_kind_name(n));
		ld_lost(ld);
	} else if (ld_node_is_empty(n)) {
		ld_error(ld, n->pos, "'text' is empty: write the quoted words as they "
		         "stand in the body");
		ld_lost(ld);
	} else {
		add_fragment(ld, q, n);
	}
}

static void quote_speaker(loader *ld, quote *q, const node *n)
{
	if (n->type == NODE_SCALAR && n->plain && n->len == 4 &&
	    memcmp(n->value, "none", 4) == 0) {
		q->no_speaker = true;   /* an attribution with no source */
		q->speaker_pos = n->pos;
	} else if (n->type == NODE_SCALAR && n->plain && n->len == 7 &&
	           memcmp(n->value, "unknown", 7) == 0) {
		q->speaker_unknown = true;   /* a source, not given */
		q->speaker_pos = n->pos;
	} else if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "'speaker' must be an entity id, or a mapping with "
		         "'text' and optional 'entity', not %s", ld_node_kind_name(n));
		ld_lost(ld);
	} else if (ld_take_string(ld, n, "speaker", "give the id of the entity who "
	                          "speaks, or a mapping with 'text'", &q->speaker_id)) {
		q->speaker_pos = n->pos;
	} else {
		ld_lost(ld);
	}
}

static void quote_occurrence(loader *ld, quote *q, const node *n)
{
	size_t v;
	if (ld_node_to_size(n, INT32_MAX, &v) && v >= 1) {
		q->occurrence = (int)v;
		return;
	}
	char buf[CLIP_BUF];
	if (n->type == NODE_SCALAR)
		ld_error(ld, n->pos, "'occurrence' must be a whole number, 1 or more "
		         "(1 for the first place the words stand in the body), not '%s'",
		         ld_clip(buf, n->value, n->len));
	else
		ld_error(ld, n->pos, "'occurrence' must be a whole number, 1 or more, "
		         "not %s", ld_node_kind_name(n));
	ld_lost(ld);
}

frame_kind ld_quote_value(loader *ld, frame *f, frame *item_frame,
                          const node *n)
{
	quote *q = &ld->a->quotes[f->index];
	size_t choice;
	item_frame->index = f->index;
	switch (f->key) {
	case QTK_TEXT:
		if (n->type == NODE_LIST)
			return F_FRAGMENTS;
		quote_text(ld, q, n);
		break;
	case QTK_SPEAKER:
		if (n->type == NODE_MAP)
			return F_SPEAKER;
		quote_speaker(ld, q, n);
		break;
	case QTK_CUE:
		q->cue_pos = n->pos;
		if (n->type == NODE_LIST)
			return F_CUES;
		if (n->type != NODE_SCALAR) {
			ld_error(ld, n->pos, "'cue' must be a string or a list of "
			         "strings (the pieces of a cue in pieces), not %s",
			         ld_node_kind_name(n));
			ld_lost(ld);
		} else if (!ld_node_is_empty(n)) {
			ld_push_string(ld, &q->cue, &q->cue_piece_pos, &q->n_cue, n);
		}
		break;
	case QTK_SPAN:
		return ld_spans_value(ld, item_frame, n, f->index, SPAN_CONTENT, "span");
	case QTK_CUE_SPAN:
		return ld_spans_value(ld, item_frame, n, f->index, SPAN_CUE, "cue_span");
	case QTK_KIND:
		if (ld_take_choice(ld, n, "quote kind", kind_names, COUNT(kind_names),
		                   &choice))
			q->kind = kind_values[choice];
		else
			ld_lost(ld);
		break;
	case QTK_ID:
		if (ld_take_string(ld, n, "id", "give the quote a unique id or remove "
		                   "the key", &q->id))
			ld->quote_id_pos[f->index] = n->pos;
		break;
	case QTK_OCCURRENCE:
		quote_occurrence(ld, q, n);
		break;
	}
	return F_SKIP;
}

void ld_fragments_item(loader *ld, frame *f, const node *n)
{
	quote *q = &ld->a->quotes[f->index];
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "each fragment of 'text' must be a string, not %s",
		         ld_node_kind_name(n));
		ld_lost(ld);
	} else if (ld_node_is_empty(n)) {
		ld_error(ld, n->pos, "a fragment of 'text' is empty: write the quoted "
		         "words as they stand in the body, or remove the item");
		ld_lost(ld);
	} else {
		add_fragment(ld, q, n);
	}
}

frame_kind ld_speaker_value(loader *ld, frame *f, frame *item_frame,
                            const node *n)
{
	quote *q = &ld->a->quotes[f->index];
	if (f->key == SK_TEXT && n->type == NODE_LIST) {
		q->speaker_pos = q->speaker_id ? q->speaker_pos : n->pos;
		return F_SPEAKER_TEXT;
	} else if (f->key == SK_TEXT) {
		if (!ld_take_string(ld, n, "text", "give the words that name the speaker, "
		                    "such as 'a senior official'", &q->speaker_text))
			ld_lost(ld);
		else if (!q->speaker_id)
			q->speaker_pos = n->pos;
	} else if (f->key == SK_ENTITY) {
		if (ld_take_string(ld, n, "entity", "give an entity id or remove the key",
		                   &q->speaker_id))
			q->speaker_pos = n->pos;
		else
			ld_lost(ld);
	} else if (f->key == SK_SPAN) {
		return ld_spans_value(ld, item_frame, n, f->index, SPAN_SOURCE, "span");
	}
	return F_SKIP;
}

void ld_speaker_end(loader *ld, const frame *f)
{
	const quote *q = &ld->a->quotes[f->index];
	/* Pieces are placed by position only: found by their words, the
	 * second could stand anywhere after the first. */
	if (q->n_speaker_pieces > 1 && !(f->seen & (1u << SK_SPAN)))
		ld_error(ld, q->speaker_piece_pos[0], "a speaker's text in %zu pieces "
		         "needs its 'span': one [start, end] pair per piece, as the "
		         "importers write it; or give the words as one string",
		         q->n_speaker_pieces);
}
