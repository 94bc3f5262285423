/* compare.c - two annotations of one text: what differs in each match of
 * quotes, the agreement figures, and the figures of several annotators.
 * The matching itself is in compare_match.c; the definitions are in
 * articles/AGREEMENT.md. */
#include "compare.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compare_private.h"
#include "sort.h"

/* ---- figures from counts ------------------------------------------- */

/* num / den, and 1 for 0 / 0: an empty set is vacuously all right, which
 * keeps every figure a number (never NaN) and makes two empty
 * annotations agree fully. */
static double ratio(size_t num, size_t den)
{
	return den ? (double)num / (double)den : 1.0;
}

compare_score compare_score_of(compare_count c)
{
	/* 2PR / (P + R) is 2 matched / (n_a + n_b) whenever both are defined;
	 * written this way it also holds when one side is empty (then
	 * matched is 0 and so is F1) and needs no test for P + R == 0. */
	return (compare_score){
		.precision = ratio(c.matched, c.n_a),
		.recall = ratio(c.matched, c.n_b),
		.f1 = ratio(2 * c.matched, c.n_a + c.n_b),
	};
}

compare_scores compare_scores_of(const compare_figures *f)
{
	return (compare_scores){
		.exact = compare_score_of(f->exact),
		.overlap = compare_score_of(f->overlap),
		.attribution = compare_score_of(f->attribution),
		.entities = compare_score_of(f->entities),
		.speaker = ratio(f->speaker_agree, f->overlap.matched),
		.kind = ratio(f->kind_agree, f->overlap.matched),
	};
}

static void count_add(compare_count *sum, compare_count c)
{
	sum->matched += c.matched;
	sum->n_a += c.n_a;
	sum->n_b += c.n_b;
}

void compare_figures_add(compare_figures *sum, const compare_figures *f)
{
	count_add(&sum->exact, f->exact);
	count_add(&sum->overlap, f->overlap);
	count_add(&sum->attribution, f->attribution);
	count_add(&sum->entities, f->entities);
	sum->speaker_agree += f->speaker_agree;
	sum->kind_agree += f->kind_agree;
}

/* ---- what differs within a match ----------------------------------- */

static bool same_spans(const span *x, size_t nx, const span *y, size_t ny)
{
	if (nx != ny)
		return false;
	for (size_t i = 0; i < nx; i++)
		if (x[i].start != y[i].start || x[i].end != y[i].end)
			return false;
	return true;
}

/* Sources or cues agree when both are absent, or both are given and
 * share a byte; one given and one absent is a disagreement. */
static bool spans_agree(const span *x, size_t nx, const span *y, size_t ny)
{
	if (nx == 0 || ny == 0)
		return nx == 0 && ny == 0;
	return compare_meet(x, nx, y, ny);
}

/* The same speaker: the same key, or sources that share a byte; for two
 * quotes without a key, the same absence of a source too. */
static bool speaker_agrees(const compare_quote *x, const compare_quote *y)
{
	if (x->speaker && y->speaker && strcmp(x->speaker, y->speaker) == 0)
		return true;
	if (!x->speaker && !y->speaker && x->n_source == 0 && y->n_source == 0)
		return true;
	return compare_meet(x->source, x->n_source, y->source, y->n_source);
}

/* The COMPARE_DIFF_* bits of matched quotes x and y, with common
 * characters of content in common and chars_x, chars_y their lengths. */
static unsigned diff_of(const compare_quote *x, const compare_quote *y,
                        size_t common, size_t chars_x, size_t chars_y)
{
	size_t longer = chars_x > chars_y ? chars_x : chars_y;
	unsigned d = 0;
	if (!same_spans(x->content, x->n_content, y->content, y->n_content))
		d |= COMPARE_DIFF_CONTENT;
	if (2 * common < longer)
		d |= COMPARE_DIFF_OVERLAP;
	if (!spans_agree(x->source, x->n_source, y->source, y->n_source))
		d |= COMPARE_DIFF_SOURCE;
	if (!spans_agree(x->cue, x->n_cue, y->cue, y->n_cue))
		d |= COMPARE_DIFF_CUE;
	if (!speaker_agrees(x, y))
		d |= COMPARE_DIFF_SPEAKER;
	if (x->kind != y->kind)
		d |= COMPARE_DIFF_KIND;
	return d;
}

/* A quote without an overlap match is only on its side, whatever weaker
 * match it has: the view then colours it as the overlap figure counts it. */
static compare_role role_of(const compare_link *l, compare_role alone)
{
	if (l->other == COMPARE_NONE || (l->diff & COMPARE_DIFF_OVERLAP))
		return alone;
	if (l->diff & (COMPARE_DIFF_SOURCE | COMPARE_DIFF_CUE
	               | COMPARE_DIFF_SPEAKER | COMPARE_DIFF_KIND))
		return COMPARE_ROLE_DIFFERS;
	return COMPARE_ROLE_AGREED;
}

/* Fills each matched pair's diff bits and every role, and counts the
 * quote figures from them. */
static void judge_matches(const compare_set *a, const compare_set *b,
                          const size_t *chars_a, const size_t *chars_b,
                          compare_result *r)
{
	compare_figures *f = &r->figures;
	for (size_t i = 0; i < r->n_a; i++) {
		compare_link *la = &r->a[i];
		if (la->other != COMPARE_NONE) {
			size_t j = la->other;
			la->diff = diff_of(&a->quotes[i], &b->quotes[j], la->overlap,
			                   chars_a[i], chars_b[j]);
			r->b[j].diff = la->diff;
			unsigned d = la->diff;
			bool overlap = !(d & COMPARE_DIFF_OVERLAP);
			f->exact.matched += !(d & COMPARE_DIFF_CONTENT);
			f->overlap.matched += overlap;
			f->attribution.matched += overlap
			        && !(d & (COMPARE_DIFF_SOURCE | COMPARE_DIFF_CUE));
			f->speaker_agree += overlap && !(d & COMPARE_DIFF_SPEAKER);
			f->kind_agree += overlap && !(d & COMPARE_DIFF_KIND);
		}
		la->role = role_of(la, COMPARE_ROLE_ONLY_A);
	}
	for (size_t j = 0; j < r->n_b; j++)
		r->b[j].role = role_of(&r->b[j], COMPARE_ROLE_ONLY_B);
	f->exact.n_a = f->overlap.n_a = f->attribution.n_a = r->n_a;
	f->exact.n_b = f->overlap.n_b = f->attribution.n_b = r->n_b;
}

/* ---- entity mentions ------------------------------------------------ */

static const char *type_or_empty(const compare_mention *m)
{
	return m->type ? m->type : "";
}

static bool mention_before(const compare_mention *x, const compare_mention *y)
{
	if (x->at.start != y->at.start)
		return x->at.start < y->at.start;
	if (x->at.end != y->at.end)
		return x->at.end < y->at.end;
	return strcmp(type_or_empty(x), type_or_empty(y)) < 0;
}

MERGE_SORT_DEFINE(sort_mentions, compare_mention, mention_before)

/* A sorted copy of set's mentions in *out, or -1 when out of memory. */
static int mentions_sorted(const compare_set *set, compare_mention **out)
{
	size_t n = set->n_mentions;
	/* One block: the copy, then the sort's room for as many. */
	compare_mention *v = n > SIZE_MAX / 2 ? NULL
	                     : compare_alloc(2 * n, sizeof *v);
	if (!v)
		return -1;
	if (n)
		memcpy(v, set->mentions, n * sizeof *v);
	sort_mentions(v, v + n, n);
	*out = v;
	return 0;
}

/* Mentions with the same span and type on both sides, one to one (a
 * mention given twice on one side counts twice only if given twice on the
 * other).  Returns 0, or -1 when out of memory. */
static int count_mentions(const compare_set *a, const compare_set *b,
                          compare_count *out)
{
	compare_mention *x = NULL, *y = NULL;
	if (mentions_sorted(a, &x) != 0 || mentions_sorted(b, &y) != 0) {
		free(x);
		return -1;
	}
	size_t i = 0, j = 0, matched = 0;
	while (i < a->n_mentions && j < b->n_mentions) {
		if (mention_before(&x[i], &y[j])) {
			i++;
		} else if (mention_before(&y[j], &x[i])) {
			j++;
		} else {
			matched++;
			i++;
			j++;
		}
	}
	free(x);
	free(y);
	*out = (compare_count){ matched, a->n_mentions, b->n_mentions };
	return 0;
}

/* ---- one comparison ------------------------------------------------- */

/* Each quote's content length in characters, or NULL when out of memory. */
static size_t *content_chars(const char *text, size_t len,
                             const compare_set *set)
{
	size_t n = set->n_quotes;
	size_t *c = compare_alloc(n, sizeof *c);
	for (size_t i = 0; c && i < n; i++)
		c[i] = compare_chars(text, len, set->quotes[i].content,
		                     set->quotes[i].n_content);
	return c;
}

int compare_run(const char *text, size_t len, const compare_set *a,
                const compare_set *b, compare_result *out)
{
	compare_result r = { .n_a = a->n_quotes, .n_b = b->n_quotes };
	size_t *chars_a = content_chars(text, len, a);
	size_t *chars_b = content_chars(text, len, b);
	r.a = compare_alloc(r.n_a, sizeof *r.a);
	r.b = compare_alloc(r.n_b, sizeof *r.b);
	int rc = -1;
	if (chars_a && chars_b && r.a && r.b
	    && compare_match(text, len, a, b, chars_a, chars_b, r.a, r.b) == 0
	    && count_mentions(a, b, &r.figures.entities) == 0) {
		judge_matches(a, b, chars_a, chars_b, &r);
		*out = r;
		rc = 0;
	} else {
		compare_result_free(&r);
	}
	free(chars_a);
	free(chars_b);
	return rc;
}

void compare_result_free(compare_result *result)
{
	if (!result)
		return;
	free(result->a);
	free(result->b);
	result->a = result->b = NULL;
	result->n_a = result->n_b = 0;
}

/* ---- several annotators --------------------------------------------- */

static compare_count count_swapped(compare_count c)
{
	return (compare_count){ c.matched, c.n_b, c.n_a };
}

/* The figures of b against a, from those of a against b: the matching is
 * one set of pairs, seen from the other side. */
static compare_figures figures_swapped(const compare_figures *f)
{
	compare_figures s = *f;
	s.exact = count_swapped(f->exact);
	s.overlap = count_swapped(f->overlap);
	s.attribution = count_swapped(f->attribution);
	s.entities = count_swapped(f->entities);
	return s;
}

static void score_add(compare_score *sum, compare_score s)
{
	sum->precision += s.precision;
	sum->recall += s.recall;
	sum->f1 += s.f1;
}

static void score_scale(compare_score *s, double k)
{
	s->precision *= k;
	s->recall *= k;
	s->f1 *= k;
}

compare_scores compare_matrix_mean(const compare_figures *figures, size_t n)
{
	compare_figures none = { .exact = { 0, 0, 0 } };
	if (n < 2)
		return compare_scores_of(&none);
	compare_scores m = { .speaker = 0 };
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			if (i == j)
				continue;
			compare_scores s = compare_scores_of(&figures[i * n + j]);
			score_add(&m.exact, s.exact);
			score_add(&m.overlap, s.overlap);
			score_add(&m.attribution, s.attribution);
			score_add(&m.entities, s.entities);
			m.speaker += s.speaker;
			m.kind += s.kind;
		}
	double k = 1.0 / (double)(n * (n - 1));
	score_scale(&m.exact, k);
	score_scale(&m.overlap, k);
	score_scale(&m.attribution, k);
	score_scale(&m.entities, k);
	m.speaker *= k;
	m.kind *= k;
	return m;
}

int compare_matrix(const char *text, size_t len, const compare_set *sets,
                   size_t n, compare_figures *figures, compare_scores *mean)
{
	/* Filled apart and copied at the end, so a failure leaves the
	 * caller's figures as they were. */
	compare_figures *m = n && n > SIZE_MAX / n ? NULL
	                     : compare_alloc(n * n, sizeof *m);
	if (!m)
		return -1;
	/* Each unordered pair is compared once and mirrored, so that
	 * figures[i][j] and figures[j][i] come from one matching even where
	 * the greedy order's ties would pair the quotes otherwise. */
	for (size_t i = 0; i < n; i++)
		for (size_t j = i; j < n; j++) {
			compare_result r;
			if (compare_run(text, len, &sets[i], &sets[j], &r) != 0) {
				free(m);
				return -1;
			}
			m[i * n + j] = r.figures;
			m[j * n + i] = figures_swapped(&r.figures);
			compare_result_free(&r);
		}
	if (n)
		memcpy(figures, m, n * n * sizeof *m);
	if (mean)
		*mean = compare_matrix_mean(m, n);
	free(m);
	return 0;
}
