/* compare_view.c - the compare view's state, its marks and its rows; see
 * compare_view.h and articles/AGREEMENT.md ("Per quote"). */
#include "compare_view.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bound.h"
#include "sort.h"
#include "view_row.h"

/* ====================================================================
 * Building: places in body order, their spans
 * ==================================================================== */

static size_t quote_start(const article *art, size_t q)
{
	const quote *qt = &art->quotes[q];
	return qt->spans && qt->n_fragments ? qt->spans[0].start : SIZE_MAX;
}

/* Body order; at the same start A's quote first, then by index. */
static bool place_before(const compare_place *x, const compare_place *y)
{
	if (x->start != y->start)
		return x->start < y->start;
	bool xa = x->a != COMPARE_NONE, ya = y->a != COMPARE_NONE;
	if (xa != ya)
		return xa;
	return xa ? x->a < y->a : x->b < y->b;
}

MERGE_SORT_DEFINE(sort_places, compare_place, place_before)

static bool span_before(const compare_view_span *x, const compare_view_span *y)
{
	return x->start < y->start;
}

MERGE_SORT_DEFINE(sort_spans, compare_view_span, span_before)

/* An A quote's place: with its partner when they are an overlap pair
 * (below 50% each side stands alone, as AGREEMENT.md says). */
static compare_place place_of_a(const compare_view *cv, size_t q)
{
	const compare_link *l = &cv->result.a[q];
	bool paired = l->role == COMPARE_ROLE_AGREED || l->role == COMPARE_ROLE_DIFFERS;
	return (compare_place){ .a = q, .b = paired ? l->other : COMPARE_NONE,
	                        .role = l->role, .diff = paired ? l->diff : 0,
	                        .start = quote_start(cv->a, q) };
}

static bool build_places(compare_view *cv)
{
	size_t na = cv->result.n_a, nb = cv->result.n_b, n = 0;
	compare_place *p = malloc((na + nb + 1) * sizeof *p);
	compare_place *tmp = malloc((na + nb + 1) * sizeof *tmp);
	if (!p || !tmp) {
		free(p);
		free(tmp);
		return false;
	}
	for (size_t q = 0; q < na; q++)
		p[n++] = place_of_a(cv, q);
	for (size_t q = 0; q < nb; q++)
		if (cv->result.b[q].role == COMPARE_ROLE_ONLY_B)
			p[n++] = (compare_place){ .a = COMPARE_NONE, .b = q,
			                          .role = COMPARE_ROLE_ONLY_B,
			                          .start = quote_start(cv->b, q) };
	sort_places(p, tmp, n);
	free(tmp);
	cv->places = p;
	cv->n_places = n;
	cv->disagreements = malloc((n + 1) * sizeof *cv->disagreements);
	if (!cv->disagreements)
		return false;
	for (size_t i = 0; i < n; i++)
		if (p[i].role != COMPARE_ROLE_AGREED)
			cv->disagreements[cv->n_disagreements++] = i;
	return true;
}

static size_t count_spans(const article *art, size_t q)
{
	return q != COMPARE_NONE && art->quotes[q].spans ? art->quotes[q].n_fragments : 0;
}

static void push_spans(compare_view *cv, const article *art, size_t q, size_t place)
{
	for (size_t k = 0; k < count_spans(art, q); k++)
		cv->spans[cv->n_spans++] = (compare_view_span){
			.start = art->quotes[q].spans[k].start,
			.end = art->quotes[q].spans[k].end, .place = place };
}

static bool build_spans(compare_view *cv)
{
	size_t n = 0;
	for (size_t i = 0; i < cv->n_places; i++)
		n += count_spans(cv->a, cv->places[i].a) + count_spans(cv->b, cv->places[i].b);
	cv->spans = malloc((n + 1) * sizeof *cv->spans);
	compare_view_span *tmp = malloc((n + 1) * sizeof *tmp);
	cv->span_maxend = malloc((n + 1) * sizeof *cv->span_maxend);
	if (!cv->spans || !tmp || !cv->span_maxend) {
		free(tmp);
		return false;
	}
	for (size_t i = 0; i < cv->n_places; i++) {
		push_spans(cv, cv->a, cv->places[i].a, i);
		push_spans(cv, cv->b, cv->places[i].b, i);
	}
	sort_spans(cv->spans, tmp, cv->n_spans);
	free(tmp);
	for (size_t i = 0, most = 0; i < cv->n_spans; i++) {
		most = cv->spans[i].end > most ? cv->spans[i].end : most;
		cv->span_maxend[i] = most;
	}
	return true;
}

compare_view *compare_view_new(const article *a, article *b, const char *name_a,
                               const char *name_b)
{
	compare_view *cv = calloc(1, sizeof *cv);
	if (!cv) {
		article_free(b);
		return NULL;
	}
	cv->a = a;
	cv->b = b;
	cv->current = -1;
	cv->name_a = strdup(name_a ? name_a : "A");
	cv->name_b = strdup(name_b ? name_b : "B");
	bool ok = cv->name_a && cv->name_b
	          && compare_article_of(a, &cv->ca) == 0
	          && compare_article_of(b, &cv->cb) == 0
	          && compare_run(a->body, a->body_len, &cv->ca.set, &cv->cb.set,
	                         &cv->result) == 0
	          && build_places(cv) && build_spans(cv);
	if (!ok) {
		compare_view_free(cv);
		return NULL;
	}
	return cv;
}

void compare_view_free(compare_view *cv)
{
	if (!cv)
		return;
	compare_result_free(&cv->result);
	compare_article_free(&cv->ca);
	compare_article_free(&cv->cb);
	article_free(cv->b);
	free(cv->name_a);
	free(cv->name_b);
	free(cv->places);
	free(cv->disagreements);
	free(cv->spans);
	free(cv->span_maxend);
	free(cv);
}

/* ====================================================================
 * Moving
 * ==================================================================== */

long compare_view_step(compare_view *cv, int dir, bool *wrapped)
{
	size_t n = cv->n_disagreements;
	*wrapped = false;
	if (n == 0)
		return -1;
	if (cv->current < 0) {
		cv->current = dir > 0 ? 0 : (long)n - 1;
	} else {
		*wrapped = dir > 0 ? (size_t)cv->current + 1 == n : cv->current == 0;
		cv->current = (long)(((size_t)cv->current + n + (dir > 0 ? 1 : n - 1)) % n);
	}
	return (long)cv->disagreements[cv->current];
}

const compare_place *compare_view_current(const compare_view *cv)
{
	if (cv->current < 0)
		return NULL;
	return &cv->places[cv->disagreements[cv->current]];
}

/* ====================================================================
 * Marks and the gutter
 * ==================================================================== */

static bool overlaps(size_t s, size_t e, size_t start, size_t end)
{
	return s < end && e > start;
}

/* The first span that can reach offset. */
static size_t first_reaching(const compare_view *cv, size_t offset)
{
	return BOUND_UPPER(cv->span_maxend, cv->n_spans, , offset);
}

/* Marks of the spans of [start, end) whose place passes want (one role,
 * or the current place when role is -1). */
static void marks_of(const compare_view *cv, size_t start, size_t end, int role,
                     text_mark *out, size_t cap, size_t *n)
{
	long cur = cv->current >= 0 ? (long)cv->disagreements[cv->current] : -1;
	for (size_t i = first_reaching(cv, start);
	     i < cv->n_spans && cv->spans[i].start < end; i++) {
		const compare_view_span *s = &cv->spans[i];
		bool want = role < 0 ? (long)s->place == cur
		                     : (int)cv->places[s->place].role == role;
		if (!want || !overlaps(s->start, s->end, start, end))
			continue;
		if (*n < cap)
			out[*n] = (text_mark){
				.start = s->start, .end = s->end, .index = s->place,
				.kind = role < 0 ? MARK_QUOTE_CURRENT
				                 : (mark_kind)(MARK_CMP_AGREED + role) };
		(*n)++;
	}
}

size_t compare_view_marks(const compare_view *cv, size_t start, size_t end,
                          text_mark *out, size_t cap)
{
	/* The roles in compare_role order are MARK_CMP_*'s order. */
	_Static_assert(MARK_CMP_DIFFERS - MARK_CMP_AGREED == COMPARE_ROLE_DIFFERS
	               && MARK_CMP_ONLY_A - MARK_CMP_AGREED == COMPARE_ROLE_ONLY_A
	               && MARK_CMP_ONLY_B - MARK_CMP_AGREED == COMPARE_ROLE_ONLY_B,
	               "compare roles and marks in the same order");
	size_t n = 0;
	if (start >= end)
		return 0;
	if (!out)
		cap = 0;
	for (int role = COMPARE_ROLE_AGREED; role <= COMPARE_ROLE_ONLY_B; role++)
		marks_of(cv, start, end, role, out, cap, &n);
	marks_of(cv, start, end, -1, out, cap, &n);
	return n;
}

gutter_mark compare_view_gutter(const compare_view *cv, size_t start, size_t end)
{
	long cur = cv->current >= 0 ? (long)cv->disagreements[cv->current] : -1;
	gutter_mark g = GUTTER_NONE;
	if (start >= end)
		return GUTTER_NONE;
	for (size_t i = first_reaching(cv, start);
	     i < cv->n_spans && cv->spans[i].start < end; i++) {
		const compare_view_span *s = &cv->spans[i];
		if (!overlaps(s->start, s->end, start, end))
			continue;
		if ((long)s->place == cur)
			return GUTTER_CURRENT;
		if (cv->places[s->place].role == COMPARE_ROLE_DIFFERS)
			g = GUTTER_DIFFERS;
		else if (g == GUTTER_NONE)
			g = GUTTER_QUOTE;
	}
	return g;
}

/* ====================================================================
 * Rows of the quotes pane
 * ==================================================================== */

static const style_role role_look[] = {
	[COMPARE_ROLE_AGREED] = ROLE_CMP_AGREED,
	[COMPARE_ROLE_DIFFERS] = ROLE_CMP_DIFFERS,
	[COMPARE_ROLE_ONLY_A] = ROLE_CMP_ONLY_A,
	[COMPARE_ROLE_ONLY_B] = ROLE_CMP_ONLY_B,
};

static const char *const role_words[] = {
	[COMPARE_ROLE_AGREED] = "agreed",
	[COMPARE_ROLE_DIFFERS] = "differs",
	[COMPARE_ROLE_ONLY_A] = "only in A",
	[COMPARE_ROLE_ONLY_B] = "only in B",
};

static const char *const kind_words[] = {
	[QUOTE_DIRECT] = "direct", [QUOTE_PARTIAL] = "partial",
	[QUOTE_INDIRECT] = "indirect", [QUOTE_MIXED] = "mixed",
};

static void row_legend(view_builder *b)
{
	for (int role = COMPARE_ROLE_AGREED; role <= COMPARE_ROLE_ONLY_B; role++) {
		if (role > 0)
			view_row_add(b, "  ", 0, VIEW_ALIGN_LEFT);
		view_row_add(b, role_words[role], VIEW_ROLE(role_look[role]), VIEW_ALIGN_LEFT);
	}
}

/* The differs look when any of bits is in diff, else plain. */
static uint64_t flag(unsigned diff, unsigned bits)
{
	return diff & bits ? VIEW_ROLE(ROLE_CMP_DIFFERS) : 0;
}

static const char *speaker_name(const article *art, const quote *q)
{
	if (q->speaker_text)
		return q->speaker_text;
	if (q->speaker >= 0 && (size_t)q->speaker < art->n_entities
	    && art->entities[q->speaker].name)
		return art->entities[q->speaker].name;
	return "(no speaker)";
}

/* body[s] over n bytes, squeezed, in roles; never more than a row. */
static void row_words(view_builder *b, const article *art, span s, uint64_t roles)
{
	if (s.end <= s.start || s.end > art->body_len || !view_row_field(b, roles, VIEW_ALIGN_LEFT))
		return;
	size_t n = s.end - s.start;
	view_strbuf_add_squeezed(&b->sb, art->body + s.start,
	                         n < 4 * VIEW_ROW_TEXT ? n : 4 * VIEW_ROW_TEXT);
	view_row_close(b);
}

/* "A  John Kerry, indirect, said: the deal…", what differs flagged. */
static void row_side(view_builder *b, const compare_place *p, bool side_b,
                     const article *art)
{
	size_t q = side_b ? p->b : p->a;
	view_row_add(b, side_b ? "B  " : "A  ", VIEW_ROLE(role_look[p->role]), VIEW_ALIGN_LEFT);
	if (q == COMPARE_NONE) {
		view_row_add(b, side_b ? "(not in B)" : "(not in A)", VIEW_ROLE(ROLE_DIM_TEXT),
		             VIEW_ALIGN_LEFT);
		return;
	}
	const quote *qt = &art->quotes[q];
	view_row_add(b, speaker_name(art, qt),
	             flag(p->diff, COMPARE_DIFF_SPEAKER | COMPARE_DIFF_SOURCE), VIEW_ALIGN_LEFT);
	view_row_add(b, ", ", 0, VIEW_ALIGN_LEFT);
	view_row_add(b, kind_words[qt->kind], flag(p->diff, COMPARE_DIFF_KIND), VIEW_ALIGN_LEFT);
	view_row_add(b, ", ", 0, VIEW_ALIGN_LEFT);
	for (size_t k = 0; k < qt->n_cue_spans; k++) {   /* "was … slated" */
		if (k > 0)
			view_row_add(b, " … ", 0, VIEW_ALIGN_LEFT);
		row_words(b, art, qt->cue_spans[k], flag(p->diff, COMPARE_DIFF_CUE));
	}
	if (qt->n_cue_spans == 0)
		view_row_add(b, "no cue", flag(p->diff, COMPARE_DIFF_CUE), VIEW_ALIGN_LEFT);
	view_row_add(b, ": ", 0, VIEW_ALIGN_LEFT);
	uint64_t text = flag(p->diff, COMPARE_DIFF_CONTENT | COMPARE_DIFF_OVERLAP);
	for (size_t k = 0; qt->spans && k < qt->n_fragments; k++) {
		if (k > 0)
			view_row_add(b, " … ", 0, VIEW_ALIGN_LEFT);
		row_words(b, art, qt->spans[k], text);
	}
}

/* "differs: kind, cue" or the role in words. */
static void row_what(view_builder *b, const compare_place *p)
{
	static const struct {
		unsigned bit;
		const char *word;
	} parts[] = {
		{ COMPARE_DIFF_SPEAKER, "speaker" }, { COMPARE_DIFF_SOURCE, "source" },
		{ COMPARE_DIFF_KIND, "kind" }, { COMPARE_DIFF_CUE, "cue" },
		{ COMPARE_DIFF_CONTENT, "content not exact" },
	};
	uint64_t look = VIEW_ROLE(role_look[p->role]);
	view_row_add(b, role_words[p->role], look, VIEW_ALIGN_LEFT);
	if (p->role == COMPARE_ROLE_ONLY_A || p->role == COMPARE_ROLE_ONLY_B)
		return;
	const char *sep = ": ";
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (!(p->diff & parts[i].bit))
			continue;
		view_row_add(b, sep, 0, VIEW_ALIGN_LEFT);
		view_row_add(b, parts[i].word, 0, VIEW_ALIGN_LEFT);
		sep = ", ";
	}
}

bool compare_view_row(const compare_view *cv, size_t i, view_row *out)
{
	view_builder b = view_row_start(out);
	const compare_place *p = compare_view_current(cv);
	out->ellipsis = true;
	if (i == 0)
		row_legend(&b);
	else if (!p && i == 1)
		view_row_add(&b, cv->n_disagreements ? "] next disagreement, [ previous"
		                                     : "the two annotations agree",
		             VIEW_ROLE(ROLE_DIM_TEXT), VIEW_ALIGN_LEFT);
	else if (p && (i == 1 || i == 2))
		row_side(&b, p, i == 2, i == 2 ? cv->b : cv->a);
	else if (p && i == 3)
		row_what(&b, p);
	else
		return false;
	return true;
}

/* ====================================================================
 * Words for the title and status lines
 * ==================================================================== */

void compare_view_figures(const compare_view *cv, char *buf, size_t n)
{
	compare_scores s = compare_scores_of(&cv->result.figures);
	snprintf(buf, n, "exact F1 %.2f \xc2\xb7 overlap %.2f \xc2\xb7 attribution %.2f",
	         s.exact.f1, s.overlap.f1, s.attribution.f1);
}

void compare_view_position(const compare_view *cv, char *buf, size_t n)
{
	if (cv->current >= 0)
		snprintf(buf, n, "disagreement %ld/%zu of %zu places", cv->current + 1,
		         cv->n_disagreements, cv->n_places);
	else
		snprintf(buf, n, "%zu disagreement%s of %zu places", cv->n_disagreements,
		         cv->n_disagreements == 1 ? "" : "s", cv->n_places);
}
