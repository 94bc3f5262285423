/* loader_spans.c - positions in an article file: the unit they count in
 * ('offsets: bytes' or 'chars'), a quote's spans ('span', 'cue_span', the
 * speaker's 'span': one [start, end] pair or a list of them), and a cue
 * or a speaker's words given in pieces (a list of strings).  The pairs are stored as written,
 * in the file's unit; the resolver checks them against the body. */
#include "loader.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "loader_private.h"

static const char *const offset_names[] = { "bytes", "chars" };

#define COUNT(arr) (sizeof (arr) / sizeof (arr)[0])

void ld_offsets_value(loader *ld, const node *n)
{
	size_t choice;
	if (ld_take_choice(ld, n, "offset unit", offset_names,
	                   COUNT(offset_names), &choice))
		ld->a->offsets = choice == 1 ? OFFSETS_CHARS : OFFSETS_BYTES;
}

frame_kind ld_spans_value(loader *ld, frame *item_frame, const node *n,
                          size_t qi, span_target target, const char *key)
{
	if (n->type == NODE_LIST) {
		item_frame->index = qi;
		item_frame->target = target;
		return F_SPANS;
	}
	ld_error(ld, n->pos, "'%s' must be a pair [start, end] of offsets "
	         "into the body, or a list of such pairs, not %s", key,
	         ld_node_kind_name(n));
	return F_SKIP;
}

void ld_pair_number(loader *ld, frame *f, const node *n, const char *what)
{
	size_t v;
	if (f->bad || f->count >= 2)
		return;
	if (ld_node_to_size(n, SIZE_MAX, &v)) {
		f->num[f->count] = v;
		return;
	}
	char buf[CLIP_BUF];
	if (n->type == NODE_SCALAR && !ld_node_is_null(n))
		ld_error(ld, n->pos, "%s must be a whole number, 0 or more, not '%s'",
		         what, ld_clip(buf, n->value, n->len));
	else
		ld_error(ld, n->pos, "%s must be a whole number, 0 or more, not %s",
		         what, ld_node_kind_name(n));
	f->bad = true;
}

frame_kind ld_spans_item(loader *ld, frame *f, frame *item_frame,
                         const node *n)
{
	if (f->kind == F_SPANS && f->count == 0)
		f->pairs = n->type == NODE_LIST;
	if (f->kind == F_SPANS && f->pairs) {
		if (n->type == NODE_LIST) {
			item_frame->index = f->index;
			item_frame->target = f->target;
			return F_SPAN_PAIR;
		}
		ld_error(ld, n->pos, "each item of a list of spans must be a pair "
		         "[start, end], not %s", ld_node_kind_name(n));
		f->bad = true;
		return F_SKIP;
	}
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "a span offset must be a whole number, 0 or "
		         "more, not %s", ld_node_kind_name(n));
		f->bad = true;
		return F_SKIP;
	}
	ld_pair_number(ld, f, n, "a span offset");
	return F_SKIP;
}

/* Appends span s at pos to the quote's array for target. */
static void push_span(loader *ld, quote *q, span_target target, span s,
                      src_pos pos)
{
	span **v = target == SPAN_CONTENT ? &q->given :
	           target == SPAN_CUE ? &q->cue_given : &q->source_given;
	src_pos **p = target == SPAN_CONTENT ? &q->given_pos :
	              target == SPAN_CUE ? &q->cue_given_pos : &q->source_given_pos;
	size_t *n = target == SPAN_CONTENT ? &q->n_given :
	            target == SPAN_CUE ? &q->n_cue_given : &q->n_source_given;
	span *nv = ld_grow(ld, *v, *n, sizeof **v);
	if (nv)
		*v = nv;
	src_pos *np = nv ? ld_grow(ld, *p, *n, sizeof **p) : NULL;
	if (!np)
		return;
	*p = np;
	(*v)[*n] = s;
	(*p)[(*n)++] = pos;
}

void ld_spans_end(loader *ld, frame *f)
{
	if (f->bad || (f->kind == F_SPANS && f->pairs))
		return;
	if (f->count != 2) {
		ld_error(ld, f->pos, "a span must be a pair [start, end] of offsets; "
		         "this one has %zu item%s", f->count, f->count == 1 ? "" : "s");
		return;
	}
	span s = { .start = f->num[0], .end = f->num[1] };
	if (s.start > s.end) {
		ld_error(ld, f->pos, "span [%zu, %zu] is reversed: its start must "
		         "not come after its end", s.start, s.end);
		return;
	}
	push_span(ld, &ld->a->quotes[f->index], f->target, s, f->pos);
}

void ld_cues_item(loader *ld, frame *f, const node *n)
{
	quote *q = &ld->a->quotes[f->index];
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "each piece of 'cue' must be a string, not %s",
		         ld_node_kind_name(n));
	} else if (ld_node_is_empty(n)) {
		ld_error(ld, n->pos, "a piece of 'cue' is empty: write the words as "
		         "they stand in the body, or remove the item");
	} else {
		ld_push_string(ld, &q->cue, &q->cue_piece_pos, &q->n_cue, n);
	}
}

void ld_speaker_pieces_item(loader *ld, frame *f, const node *n)
{
	quote *q = &ld->a->quotes[f->index];
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "each piece of a speaker's 'text' must be a "
		         "string, not %s", ld_node_kind_name(n));
		f->bad = true;
	} else if (ld_node_is_empty(n)) {
		ld_error(ld, n->pos, "a piece of a speaker's 'text' is empty: write "
		         "the words as they stand in the body, or remove the item");
		f->bad = true;
	} else {
		ld_push_string(ld, &q->speaker_pieces, &q->speaker_piece_pos,
		               &q->n_speaker_pieces, n);
	}
}

/* The pieces joined by " … " as the speaker's words to show: "Justice
 * Kennedy … the court's liberals". */
void ld_speaker_pieces_end(loader *ld, frame *f)
{
	quote *q = &ld->a->quotes[f->index];
	if (f->count == 0) {
		ld_error(ld, f->pos, "a speaker's 'text' is an empty list: write its "
		         "words, one string per piece, or remove the key");
		return;
	}
	if (f->bad || q->n_speaker_pieces == 0 || q->speaker_text)
		return;
	static const char gap[] = " \u2026 ";
	size_t len = 0;
	for (size_t k = 0; k < q->n_speaker_pieces; k++)
		len += strlen(q->speaker_pieces[k]) + (k ? sizeof gap - 1 : 0);
	char *s = malloc(len + 1);
	if (!s) {
		ld->oom = true;
		return;
	}
	char *p = s;
	for (size_t k = 0; k < q->n_speaker_pieces; k++) {
		if (k) {
			memcpy(p, gap, sizeof gap - 1);
			p += sizeof gap - 1;
		}
		size_t n = strlen(q->speaker_pieces[k]);
		memcpy(p, q->speaker_pieces[k], n);
		p += n;
	}
	*p = '\0';
	q->speaker_text = s;
}
