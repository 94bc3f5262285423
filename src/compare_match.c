/* compare_match.c - characters in common between lists of spans, and the
 * one-to-one matching of two annotations' quotes.
 *
 * The matching is greedy: every pair of quotes with content in common is
 * a candidate, the candidates are taken the largest overlap first, and a
 * candidate is kept when neither of its quotes is matched yet.  Only
 * quotes whose extents (first content byte to last) overlap can share
 * content, so the candidates come from a sweep over both annotations in
 * text order rather than from every pair: the work grows with the number
 * of quotes and of overlapping pairs, not with their product. */
#include "compare_private.h"

#include <stdint.h>
#include <stdlib.h>

#include "array.h"
#include "sort.h"
#include "text.h"

/* ---- memory -------------------------------------------------------- */

void *compare_alloc(size_t n, size_t size)
{
	if (n == 0)
		n = 1;
	return n > SIZE_MAX / size ? NULL : malloc(n * size);
}

/* ---- characters of spans ------------------------------------------- */

static size_t chars_between(const char *text, size_t len, size_t start,
                            size_t end)
{
	if (end > len)
		end = len;
	return start < end ? utf8_count(text + start, end - start) : 0;
}

size_t compare_chars(const char *text, size_t len, const span *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += chars_between(text, len, s[i].start, s[i].end);
	return c;
}

/* Walks both lists in text order, calling back for each stretch they
 * share, until the callback returns true; returns whether one did. */
static bool walk_common(const span *x, size_t nx, const span *y, size_t ny,
                        bool (*stretch)(void *ctx, size_t lo, size_t hi),
                        void *ctx)
{
	size_t i = 0, j = 0;
	while (i < nx && j < ny) {
		size_t lo = x[i].start > y[j].start ? x[i].start : y[j].start;
		size_t hi = x[i].end < y[j].end ? x[i].end : y[j].end;
		if (lo < hi && stretch(ctx, lo, hi))
			return true;
		if (x[i].end < y[j].end)
			i++;
		else
			j++;
	}
	return false;
}

typedef struct counting {
	const char *text;
	size_t len;
	size_t chars;
} counting;

static bool count_stretch(void *ctx, size_t lo, size_t hi)
{
	counting *c = ctx;
	c->chars += chars_between(c->text, c->len, lo, hi);
	return false;
}

size_t compare_common(const char *text, size_t len, const span *x,
                      size_t nx, const span *y, size_t ny)
{
	counting c = { text, len, 0 };
	walk_common(x, nx, y, ny, count_stretch, &c);
	return c.chars;
}

static bool stop_at_stretch(void *ctx, size_t lo, size_t hi)
{
	(void)ctx;
	(void)lo;
	(void)hi;
	return true;
}

bool compare_meet(const span *x, size_t nx, const span *y, size_t ny)
{
	return walk_common(x, nx, y, ny, stop_at_stretch, NULL);
}

/* ---- extents, in text order ---------------------------------------- */

/* A quote's extent: its first content byte to its last, clipped. */
typedef struct extent {
	size_t start;
	size_t end;
	size_t quote;   /* index in its annotation */
} extent;

static bool extent_before(const extent *x, const extent *y)
{
	if (x->start != y->start)
		return x->start < y->start;
	if (x->end != y->end)
		return x->end < y->end;
	return x->quote < y->quote;
}

MERGE_SORT_DEFINE(sort_extents, extent, extent_before)

/* The extents of set's quotes that hold at least one byte of the text,
 * sorted, in *out (n_out of them), and each quote's place in that order
 * (its position, for breaking ties) in rank[]; COMPARE_NONE for a quote
 * with no extent.  Returns 0, or -1 when out of memory. */
static int extents_of(size_t len, const compare_set *set, extent **out,
                      size_t *n_out, size_t *rank)
{
	size_t n = set->n_quotes;
	/* One block: the extents, then the sort's room for as many. */
	extent *v = n > SIZE_MAX / 2 ? NULL : compare_alloc(2 * n, sizeof *v);
	if (!v)
		return -1;
	extent *tmp = v + n;
	size_t k = 0;
	for (size_t q = 0; q < n; q++) {
		const compare_quote *cq = &set->quotes[q];
		extent e = { (size_t)-1, 0, q };
		for (size_t i = 0; i < cq->n_content; i++) {
			size_t s = cq->content[i].start;
			size_t t = cq->content[i].end < len ? cq->content[i].end : len;
			if (s >= t)
				continue;
			e.start = s < e.start ? s : e.start;
			e.end = t > e.end ? t : e.end;
		}
		rank[q] = COMPARE_NONE;
		if (e.start < e.end)
			v[k++] = e;
	}
	sort_extents(v, tmp, k);
	for (size_t i = 0; i < k; i++)
		rank[v[i].quote] = i;
	*out = v;
	*n_out = k;
	return 0;
}

/* ---- candidates ----------------------------------------------------- */

typedef struct candidate {
	size_t a;        /* quote of A */
	size_t b;        /* quote of B */
	size_t overlap;  /* characters of content in common */
	size_t outside;  /* characters of content of either, not in common */
	size_t rank_a;   /* A's position among A's quotes */
	size_t rank_b;
} candidate;

/* The order the greedy matching takes candidates in: the largest overlap
 * first; for equal overlaps the pair with less content outside it first
 * (so an exact match wins over a longer quote that merely contains the
 * same words); then by A's position, then by B's. */
static bool candidate_before(const candidate *x, const candidate *y)
{
	if (x->overlap != y->overlap)
		return x->overlap > y->overlap;
	if (x->outside != y->outside)
		return x->outside < y->outside;
	if (x->rank_a != y->rank_a)
		return x->rank_a < y->rank_a;
	return x->rank_b < y->rank_b;
}

MERGE_SORT_DEFINE(sort_candidates, candidate, candidate_before)

typedef struct sweep {
	const char *text;
	size_t len;
	const compare_set *a;
	const compare_set *b;
	const size_t *chars_a;
	const size_t *chars_b;
	const size_t *rank_a;
	const size_t *rank_b;
	candidate *cands;
	size_t n_cands;
	size_t cap_cands;
} sweep;

/* Adds A quote qa and B quote qb as a candidate when they share content.
 * Returns 0, or -1 when out of memory. */
static int add_candidate(sweep *s, size_t qa, size_t qb)
{
	const compare_quote *x = &s->a->quotes[qa], *y = &s->b->quotes[qb];
	size_t common = compare_common(s->text, s->len, x->content,
	                               x->n_content, y->content, y->n_content);
	if (common == 0)
		return 0;
	candidate *v = array_grow(s->cands, &s->cap_cands, s->n_cands + 1,
	                          sizeof *v);
	if (!v)
		return -1;
	s->cands = v;
	/* Saturated: pieces of one quote that overlap each other (which the
	 * header rules out) could count more in common than one side holds. */
	size_t both = s->chars_a[qa] + s->chars_b[qb];
	v[s->n_cands++] = (candidate){
		.a = qa, .b = qb, .overlap = common,
		.outside = both > 2 * common ? both - 2 * common : 0,
		.rank_a = s->rank_a[qa], .rank_b = s->rank_b[qb],
	};
	return 0;
}

/* One extent e arrives in the sweep, from A when from_a: the other side's
 * extents still open (active, indexes into others) that end after e
 * starts overlap it and become candidates; those that end before are
 * dropped from active for good, as every later extent starts later still.
 * Returns 0, or -1 when out of memory. */
static int sweep_arrive(sweep *s, const extent *e, bool from_a,
                        const extent *others, size_t *active,
                        size_t *n_active)
{
	size_t keep = 0;
	for (size_t k = 0; k < *n_active; k++) {
		const extent *o = &others[active[k]];
		if (o->end <= e->start)
			continue;
		active[keep++] = active[k];
		int rc = from_a ? add_candidate(s, e->quote, o->quote)
		                : add_candidate(s, o->quote, e->quote);
		if (rc != 0)
			return -1;
	}
	*n_active = keep;
	return 0;
}

/* Every pair of overlapping extents, once: of two overlapping extents the
 * one that starts later (or second, for equal starts) arrives while the
 * other is still active. */
static int sweep_run(sweep *s, const extent *ea, size_t na, const extent *eb,
                     size_t nb)
{
	size_t *act_a = compare_alloc(na, sizeof *act_a);
	size_t *act_b = compare_alloc(nb, sizeof *act_b);
	int rc = act_a && act_b ? 0 : -1;
	size_t i = 0, j = 0, n_act_a = 0, n_act_b = 0;
	while (rc == 0 && (i < na || j < nb)) {
		if (j == nb || (i < na && ea[i].start <= eb[j].start)) {
			rc = sweep_arrive(s, &ea[i], true, eb, act_b, &n_act_b);
			act_a[n_act_a++] = i++;
		} else {
			rc = sweep_arrive(s, &eb[j], false, ea, act_a, &n_act_a);
			act_b[n_act_b++] = j++;
		}
	}
	free(act_a);
	free(act_b);
	return rc;
}

/* ---- the greedy matching ------------------------------------------- */

static void links_clear(compare_link *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		l[i] = (compare_link){ .other = COMPARE_NONE };
}

static void take_greedily(const candidate *c, size_t n, compare_link *la,
                          compare_link *lb)
{
	for (size_t i = 0; i < n; i++) {
		if (la[c[i].a].other != COMPARE_NONE
		    || lb[c[i].b].other != COMPARE_NONE)
			continue;
		la[c[i].a].other = c[i].b;
		la[c[i].a].overlap = c[i].overlap;
		lb[c[i].b].other = c[i].a;
		lb[c[i].b].overlap = c[i].overlap;
	}
}

int compare_match(const char *text, size_t len, const compare_set *a,
                  const compare_set *b, const size_t *chars_a,
                  const size_t *chars_b, compare_link *la, compare_link *lb)
{
	size_t na = a->n_quotes, nb = b->n_quotes;
	size_t *rank_a = compare_alloc(na, sizeof *rank_a);
	size_t *rank_b = compare_alloc(nb, sizeof *rank_b);
	extent *ea = NULL, *eb = NULL;
	size_t n_ea = 0, n_eb = 0;
	sweep s = { text, len, a, b, chars_a, chars_b, rank_a, rank_b,
	            NULL, 0, 0 };
	candidate *tmp = NULL;
	int rc = -1;
	if (!rank_a || !rank_b || extents_of(len, a, &ea, &n_ea, rank_a) != 0
	    || extents_of(len, b, &eb, &n_eb, rank_b) != 0
	    || sweep_run(&s, ea, n_ea, eb, n_eb) != 0)
		goto out;
	tmp = compare_alloc(s.n_cands, sizeof *tmp);
	if (!tmp)
		goto out;
	sort_candidates(s.cands, tmp, s.n_cands);
	links_clear(la, na);
	links_clear(lb, nb);
	take_greedily(s.cands, s.n_cands, la, lb);
	rc = 0;
out:
	free(tmp);
	free(s.cands);
	free(ea);
	free(eb);
	free(rank_a);
	free(rank_b);
	return rc;
}
