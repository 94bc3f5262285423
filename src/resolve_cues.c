/* resolve_cues.c - what stands near a placed quote: its cue, one word or
 * several pieces ("was … slated"), and its source, the words that stand
 * for the speaker ("he", "the influential US daily") or, for a named
 * speaker given no words, the entity's nearest mention in the quote's
 * paragraph.  Given spans are taken as they are (resolve_spans.c checks
 * them); words are found by distance from the quote's first span. */
#include "resolve.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "bound.h"
#include "resolve_private.h"

static bool inside_quote(const quote *q, size_t start, size_t end)
{
	for (size_t k = 0; k < q->n_fragments; k++) {
		if (start < q->spans[k].end && q->spans[k].start < end)
			return true;
	}
	return false;
}

/* Of two places for the words, one before the quote and one after it
 * (each SIZE_MAX when there is none), the one in the quote's own
 * paragraph [own_lo, own_hi); when both or neither are, the nearer in
 * bytes. */
static size_t pick_near(size_t before, size_t after, size_t len, span first,
                        size_t own_lo, size_t own_hi)
{
	if (before == SIZE_MAX || after == SIZE_MAX)
		return before == SIZE_MAX ? after : before;
	bool before_own = before >= own_lo;
	bool after_own = after < own_hi;
	if (before_own != after_own)
		return before_own ? before : after;
	return first.start - (before + len) < after - first.end ? before : after;
}

/* The paragraphs around the quote's first span: from the start of the one
 * before (lo) to the end of the one after (hi); its own is [own_lo,
 * own_hi). */
typedef struct near_range {
	size_t lo, own_lo, own_hi, hi;
} near_range;

static near_range range_of(resolver *r, span first)
{
	const body_index *ix = &r->ix;
	size_t p = resolve_body_para(r, first.start), len = r->a->body_len;
	return (near_range){
		.lo = p > 0 ? ix->paras[p - 1] : 0,
		.own_lo = ix->paras[p],
		.own_hi = p + 1 < ix->n_paras ? ix->paras[p + 1] : len,
		.hi = p + 2 < ix->n_paras ? ix->paras[p + 2] : len,
	};
}

/* The first place of nd at or after from, before hi, outside the quote. */
static size_t next_after(const quote *q, const needle *nd, size_t from,
                         size_t hi)
{
	const offsets *o = &nd->starts;
	for (size_t k = BOUND_LOWER(o->v, o->n, , from); k < o->n && o->v[k] < hi; k++) {
		if (!inside_quote(q, o->v[k], o->v[k] + nd->len))
			return o->v[k];
	}
	return SIZE_MAX;
}

/* Where needle nd stands nearest to the quote's first span, outside the
 * quoted words, in its paragraph if it stands there, else in the one
 * before or after; SIZE_MAX when nowhere. */
static size_t nearest(resolver *r, const quote *q, const needle *nd)
{
	const offsets *o = &nd->starts;
	span first = q->spans[0];
	near_range g = range_of(r, first);
	size_t after = next_after(q, nd, first.end, g.hi), before = SIZE_MAX;
	for (size_t k = BOUND_LOWER(o->v, o->n, , first.start); k-- > 0 && o->v[k] >= g.lo;) {
		if (o->v[k] + nd->len <= first.start) {
			before = o->v[k];
			break;
		}
	}
	return pick_near(before, after, nd->len, first, g.own_lo, g.own_hi);
}

/* The cue's pieces: the first nearest to the quote, each following one
 * the first after the piece before, within the paragraphs around it.
 * False, with a diagnostic, when one is not there. */
static bool find_cue(resolver *r, quote *q, size_t qi, span *out)
{
	near_range g = range_of(r, q->spans[0]);
	clip c;
	for (size_t k = 0; k < q->n_cue; k++) {
		size_t id = r->cue_needle[r->cue_base[qi] + k];
		src_pos pos = q->cue_piece_pos ? q->cue_piece_pos[k] : q->cue_pos;
		if (id == NO_NEEDLE)
			return false;
		const needle *nd = &r->needles[id];
		size_t at = k == 0 ? nearest(r, q, nd)
		                   : next_after(q, nd, out[k - 1].end, g.hi);
		if (at == SIZE_MAX && k == 0) {
			resolver_problem(r, pos, q->pos, "cue '%s' not found near the "
			                 "quote (in its paragraph or the one before or "
			                 "after it)", resolve_clip_text(&c, nd->text,
			                                                nd->len, false));
			return false;
		}
		if (at == SIZE_MAX) {
			resolver_problem(r, pos, q->pos, "cue piece %zu, '%s', not found "
			                 "after piece %zu near the quote", k + 1,
			                 resolve_clip_text(&c, nd->text, nd->len, false), k);
			return false;
		}
		out[k] = (span){ .start = at, .end = at + nd->len };
	}
	return true;
}

static void place_cue(resolver *r, quote *q, size_t qi)
{
	size_t n = q->n_cue_given ? q->n_cue_given : q->n_cue;
	if (n == 0 || !resolver_index_body(r))
		return;
	span *sp = calloc(n, sizeof *sp);
	if (!sp) {
		r->oom = true;
		return;
	}
	bool ok = q->n_cue_given ? resolve_given_cue(r, q, sp)
	                         : find_cue(r, q, qi, sp);
	if (!ok) {
		free(sp);
		return;
	}
	q->cue_spans = sp;
	q->n_cue_spans = n;
}

/* For bound_partition(): the speaker's mentions that start before at. */
typedef struct mention_key {
	const article *a;
	const entity *e;
	size_t at;
} mention_key;

static bool mention_before(const void *ctx, size_t k)
{
	const mention_key *m = ctx;
	return m->a->mentions[m->e->mention_ids[k]].at.start < m->at;
}

/* The mention of the speaker nearest to the quote's first span in its
 * own paragraph, outside the quoted words.  Its mentions are in body
 * order: a binary search finds the paragraph's, so a speaker named ten
 * thousand times costs each quote only the mentions of its paragraph. */
static span nearest_mention(resolver *r, const quote *q)
{
	const article *a = r->a;
	const entity *e = &a->entities[q->speaker];
	span first = q->spans[0], best = { 0 };
	near_range g = range_of(r, first);
	size_t best_d = SIZE_MAX;
	mention_key key = { .a = a, .e = e, .at = g.own_lo };
	for (size_t k = bound_partition(e->n_mentions, mention_before, &key);
	     k < e->n_mentions; k++) {
		span m = a->mentions[e->mention_ids[k]].at;
		if (m.start >= g.own_hi)
			break;
		if (inside_quote(q, m.start, m.end))
			continue;
		size_t d = m.end <= first.start ? first.start - m.end
		                                : m.start - first.end;
		if (d <= best_d) {   /* after, on a tie, as for a cue */
			best_d = d;
			best = m;
		}
	}
	return best;
}

/* The source given by position, checked and made bytes, into
 * q->source_spans; nothing on a problem (reported). */
static void place_given_source(resolver *r, quote *q)
{
	span *sp = calloc(q->n_source_given, sizeof *sp);
	if (!sp) {
		r->oom = true;
		return;
	}
	if (!resolve_given_source(r, q, sp)) {
		free(sp);
		return;
	}
	q->source_spans = sp;
	q->n_source_spans = q->n_source_given;
}

static void place_source(resolver *r, quote *q, size_t qi)
{
	span s = { 0 };
	if (q->n_source_given) {
		place_given_source(r, q);
		return;
	} else if (r->src_needle[qi] != NO_NEEDLE && resolver_index_body(r)) {
		const needle *nd = &r->needles[r->src_needle[qi]];
		size_t at = nearest(r, q, nd);
		clip c;
		if (at != SIZE_MAX)
			s = (span){ .start = at, .end = at + nd->len };
		else
			resolver_warning(r, q->speaker_pos, q->pos, "speaker text '%s' "
			                 "not found near the quote (in its paragraph or "
			                 "the one before or after it): no source is marked; "
			                 "write the words as the body has them to mark it",
			                 resolve_clip_text(&c, nd->text, nd->len, false));
	} else if (q->speaker >= 0 && resolver_index_body(r)) {
		s = nearest_mention(r, q);
	}
	if (s.end <= s.start)
		return;
	q->source_spans = malloc(sizeof *q->source_spans);
	if (!q->source_spans) {
		r->oom = true;
		return;
	}
	q->source_spans[0] = s;
	q->n_source_spans = 1;
}

void resolve_cues(resolver *r)
{
	for (size_t qi = 0; qi < r->a->n_quotes && !r->oom; qi++) {
		quote *q = &r->a->quotes[qi];
		if (!q->resolved)
			continue;   /* nothing to be near */
		place_cue(r, q, qi);
		place_source(r, q, qi);
	}
}
