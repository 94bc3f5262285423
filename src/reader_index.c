/* reader_index.c - what the reader computes once per article, and the
 * lookups in it; see reader_private.h.
 *
 * A pure function of the article: the types and rows of the entities
 * pane, the quotes in body order with each one's rank, the spans of every
 * quote sorted for the marks, the mentions' running ends, each speaker's
 * quotes.  reader.c builds it at reader_new and frees it with the reader;
 * reader_view.c reads it to mark the text. */
#include "reader_private.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bound.h"
#include "sort.h"

/* The entities pane groups the known types in their list order. */
static const char *const known_types[] = {
#define READER_KNOWN_TYPE(t) #t,
	ENTITY_TYPES(READER_KNOWN_TYPE)
#undef READER_KNOWN_TYPE
};
#define N_KNOWN_TYPES (sizeof known_types / sizeof known_types[0])

/* ====================================================================
 * Building
 * ==================================================================== */

static const char *entity_type(const entity *e)
{
	return e->type && e->type[0] ? e->type : "MISC";
}

static size_t known_type_rank(const char *type)
{
	for (size_t i = 0; i < N_KNOWN_TYPES; i++)
		if (strcmp(type, known_types[i]) == 0)
			return i;
	return N_KNOWN_TYPES;
}

static int type_cmp(const void *pa, const void *pb)
{
	const char *a = *(const char *const *)pa;
	const char *b = *(const char *const *)pb;
	size_t ra = known_type_rank(a);
	size_t rb = known_type_rank(b);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	return strcmp(a, b);
}

static size_t type_index(const reader *r, const char *type)
{
	for (size_t i = 0; i < r->n_types; i++)
		if (strcmp(r->types[i], type) == 0)
			return i;
	return 0;
}

/* The distinct types, known ones first in their order, then the others
 * alphabetically.  There are few types, so a linear search is enough. */
static bool index_types(reader *r)
{
	const article *a = r->a;

	r->types = calloc(a->n_entities ? a->n_entities : 1, sizeof *r->types);
	if (!r->types)
		return false;
	for (size_t i = 0; i < a->n_entities; i++) {
		const char *t = entity_type(&a->entities[i]);
		size_t j = 0;
		while (j < r->n_types && strcmp(r->types[j], t) != 0)
			j++;
		if (j == r->n_types)
			r->types[r->n_types++] = t;
	}
	qsort(r->types, r->n_types, sizeof *r->types, type_cmp);
	return true;
}

typedef struct entity_key {
	size_t type;
	size_t mentions;
	const char *name;
	size_t index;
} entity_key;

/* By type, most mentioned first, then by name; a stable sort keeps equal
 * ones in the article's order. */
static bool entity_key_before(const entity_key *a, const entity_key *b)
{
	if (a->type != b->type)
		return a->type < b->type;
	if (a->mentions != b->mentions)
		return a->mentions > b->mentions;
	return strcmp(a->name, b->name) < 0;
}

/* Generated with the comparison inlined (sort.h): an article of a
 * thousand entities sorts them in a third of qsort()'s time. */
MERGE_SORT_DEFINE(entity_key_sort, entity_key, entity_key_before)

/* Legend, then per type a header and its entities, most mentioned first. */
static bool index_entity_rows(reader *r)
{
	const article *a = r->a;
	size_t n = a->n_entities;
	entity_key *keys = calloc(n ? 2 * n : 1, sizeof *keys);   /* and tmp */
	struct reader_index *ix = r->ix;

	ix->ent_all = calloc(1 + r->n_types + n, sizeof *ix->ent_all);
	r->ent_rows = calloc(1 + r->n_types + n, sizeof *r->ent_rows);
	ix->entity_type = calloc(n ? n : 1, sizeof *ix->entity_type);
	r->type_hidden = calloc(r->n_types ? r->n_types : 1, sizeof *r->type_hidden);
	if (!keys || !ix->ent_all || !r->ent_rows || !ix->entity_type
	    || !r->type_hidden) {
		free(keys);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		const entity *e = &a->entities[i];
		keys[i] = (entity_key){
			.type = type_index(r, entity_type(e)),
			.mentions = e->n_mentions,
			.name = e->name ? e->name : "",
			.index = i,
		};
		ix->entity_type[i] = keys[i].type;
	}
	entity_key_sort(keys, keys + n, n);
	if (n > 0)
		ix->ent_all[ix->n_ent_all++] = (entity_row){ .kind = ENTITY_ROW_LEGEND };
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || keys[i].type != keys[i - 1].type)
			ix->ent_all[ix->n_ent_all++] = (entity_row){
				.kind = ENTITY_ROW_HEADER, .type = keys[i].type };
		ix->ent_all[ix->n_ent_all++] = (entity_row){
			.kind = ENTITY_ROW_ENTITY, .type = keys[i].type,
			.entity = keys[i].index };
	}
	free(keys);
	/* Every type shown to begin with. */
	memcpy(r->ent_rows, ix->ent_all, ix->n_ent_all * sizeof *r->ent_rows);
	r->n_ent_rows = ix->n_ent_all;
	return true;
}

/* Orders quote spans by start; the spans are made in quote order and the
 * sort is stable, so equal starts stay in quote order. */
static bool quote_span_before(const quote_span *a, const quote_span *b)
{
	return a->start < b->start;
}

MERGE_SORT_DEFINE(quote_span_sort, quote_span, quote_span_before)

/* Sorts n spans with quote_span_sort; false when out of memory. */
static bool sort_spans(quote_span *spans, size_t n)
{
	quote_span *tmp = malloc((n ? n : 1) * sizeof *tmp);
	if (!tmp)
		return false;
	quote_span_sort(spans, tmp, n);
	free(tmp);
	return true;
}

/* Quotes in body order, and each quote's rank in it. */
static bool index_quote_order(reader *r)
{
	size_t n = r->a->n_quotes;
	quote_span *keys = calloc(n ? n : 1, sizeof *keys);

	r->order = calloc(n ? n : 1, sizeof *r->order);
	r->ix->rank = calloc(n ? n : 1, sizeof *r->ix->rank);
	if (!keys || !r->order || !r->ix->rank) {
		free(keys);
		return false;
	}
	for (size_t q = 0; q < n; q++)
		keys[q] = (quote_span){ .start = reader_quote_start(r, q), .quote = q };
	if (!sort_spans(keys, n)) {
		free(keys);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		r->order[i] = keys[i].quote;
		r->ix->rank[keys[i].quote] = i;
	}
	r->n_order = n;
	free(keys);
	return true;
}

static bool index_quote_spans(reader *r)
{
	const article *a = r->a;
	struct reader_index *ix = r->ix;
	size_t total = 0;

	for (size_t q = 0; q < a->n_quotes; q++)
		if (a->quotes[q].spans)
			total += a->quotes[q].n_fragments;
	ix->spans = calloc(total ? total : 1, sizeof *ix->spans);
	ix->span_maxend = calloc(total ? total : 1, sizeof *ix->span_maxend);
	if (!ix->spans || !ix->span_maxend)
		return false;
	for (size_t q = 0; q < a->n_quotes; q++) {
		const quote *qt = &a->quotes[q];
		for (size_t k = 0; qt->spans && k < qt->n_fragments; k++)
			if (qt->spans[k].end > qt->spans[k].start)
				ix->spans[ix->n_spans++] = (quote_span){
					.start = qt->spans[k].start,
					.end = qt->spans[k].end, .quote = q };
	}
	if (!sort_spans(ix->spans, ix->n_spans))
		return false;
	for (size_t i = 0; i < ix->n_spans; i++) {
		size_t prev = i ? ix->span_maxend[i - 1] : 0;
		ix->span_maxend[i] = ix->spans[i].end > prev ? ix->spans[i].end : prev;
	}
	return true;
}

static bool index_mentions(reader *r)
{
	const article *a = r->a;
	size_t *maxend = calloc(a->n_mentions ? a->n_mentions : 1, sizeof *maxend);

	if (!maxend)
		return false;
	for (size_t i = 0; i < a->n_mentions; i++) {
		size_t prev = i ? maxend[i - 1] : 0;
		size_t end = a->mentions[i].at.end;
		maxend[i] = end > prev ? end : prev;
	}
	r->ix->mention_maxend = maxend;
	return true;
}

/* Each speaker's quotes, in body order, as one array cut by offsets. */
static bool index_speakers(reader *r)
{
	const article *a = r->a;
	struct reader_index *ix = r->ix;
	size_t ne = a->n_entities;

	ix->speaker_first = calloc(ne + 1, sizeof *ix->speaker_first);
	ix->by_speaker = calloc(a->n_quotes ? a->n_quotes : 1, sizeof *ix->by_speaker);
	if (!ix->speaker_first || !ix->by_speaker)
		return false;
	for (size_t q = 0; q < a->n_quotes; q++) {
		long s = a->quotes[q].speaker;
		if (s >= 0 && (size_t)s < ne)
			ix->speaker_first[s + 1]++;
	}
	for (size_t e = 0; e < ne; e++)
		ix->speaker_first[e + 1] += ix->speaker_first[e];
	size_t *fill = calloc(ne ? ne : 1, sizeof *fill);
	if (!fill)
		return false;
	for (size_t i = 0; i < r->n_order; i++) {
		size_t q = r->order[i];
		long s = a->quotes[q].speaker;
		if (s >= 0 && (size_t)s < ne)
			ix->by_speaker[ix->speaker_first[s] + fill[s]++] = q;
	}
	free(fill);
	return true;
}

bool reader_index_build(reader *r)
{
	r->ix = calloc(1, sizeof *r->ix);
	return r->ix && index_types(r) && index_entity_rows(r)
	       && index_quote_order(r) && index_quote_spans(r)
	       && index_mentions(r) && index_speakers(r);
}

void reader_index_free(reader *r)
{
	if (r->ix) {
		free(r->ix->mention_maxend);
		free(r->ix->spans);
		free(r->ix->span_maxend);
		free(r->ix->rank);
		free(r->ix->by_speaker);
		free(r->ix->speaker_first);
		free(r->ix->ent_all);
		free(r->ix->entity_type);
		free(r->ix);
		r->ix = NULL;
	}
	free(r->types);
	free(r->ent_rows);
	free(r->type_hidden);
	free(r->order);
}

/* ====================================================================
 * Lookups
 * ==================================================================== */

size_t reader_quote_start(const reader *r, size_t q)
{
	const quote *qt = &r->a->quotes[q];

	if (!qt->spans || qt->n_fragments == 0)
		return SIZE_MAX;
	return qt->spans[0].start;
}

/* The key of a binary search over r->list, with its reader. */
typedef struct list_key {
	const reader *r;
	size_t key;
} list_key;

static bool list_rank_below(const void *ctx, size_t i)
{
	const list_key *k = ctx;
	return k->r->ix->rank[k->r->list[i]] < k->key;
}

static bool list_start_below(const void *ctx, size_t i)
{
	const list_key *k = ctx;
	return reader_quote_start(k->r, k->r->list[i]) < k->key;
}

size_t reader_list_lower_rank(const reader *r, size_t rank)
{
	list_key k = { .r = r, .key = rank };
	return bound_partition(r->n_list, list_rank_below, &k);
}

size_t reader_list_lower_offset(const reader *r, size_t offset)
{
	list_key k = { .r = r, .key = offset };
	return bound_partition(r->n_list, list_start_below, &k);
}

long reader_list_index(const reader *r, size_t quote)
{
	if (quote >= r->a->n_quotes)
		return -1;
	size_t lo = reader_list_lower_rank(r, r->ix->rank[quote]);
	return lo < r->n_list && r->list[lo] == quote ? (long)lo : -1;
}

/* The quote's paragraphs and the one on each side, where "he said" names
 * usually are; empty for a quote with no speaker or not found. */
span reader_speaker_near(const reader *r, size_t quote_index)
{
	const quote *q = &r->a->quotes[quote_index];
	if (q->speaker < 0 || !q->spans || q->n_fragments == 0)
		return (span){ 0, 0 };
	size_t last_end = q->spans[q->n_fragments - 1].end;
	size_t p0 = layout_pos_of_offset(r->lay, q->spans[0].start).para;
	size_t p1 = layout_pos_of_offset(r->lay, last_end ? last_end - 1 : 0).para;
	size_t n_paras = layout_para_count(r->lay);
	size_t start;
	size_t end;
	size_t unused;

	if (p0 > 0)
		p0--;
	if (p1 + 1 < n_paras)
		p1++;
	layout_para_span(r->lay, p0, &start, &unused);
	layout_para_span(r->lay, p1, &unused, &end);
	return (span){ .start = start, .end = end };
}

/* The key of the search for an entity's first mention at an offset. */
typedef struct mention_key {
	const article *a;
	const entity *e;
	size_t offset;
} mention_key;

static bool mention_below(const void *ctx, size_t i)
{
	const mention_key *k = ctx;
	return k->a->mentions[k->e->mention_ids[i]].at.start < k->offset;
}

size_t reader_mention_lower(const reader *r, const entity *e, size_t offset)
{
	mention_key k = { .a = r->a, .e = e, .offset = offset };
	return bound_partition(e->n_mentions, mention_below, &k);
}

long reader_mention_at(const reader *r, size_t offset)
{
	const article *a = r->a;
	size_t i = BOUND_UPPER(r->ix->mention_maxend, a->n_mentions, , offset);

	for (; i < a->n_mentions && a->mentions[i].at.start <= offset; i++)
		if (offset < a->mentions[i].at.end)
			return (long)a->mentions[i].entity;
	return -1;
}

long reader_quote_at(const reader *r, size_t offset)
{
	const struct reader_index *ix = r->ix;
	size_t i = BOUND_UPPER(ix->span_maxend, ix->n_spans, , offset);

	for (; i < ix->n_spans && ix->spans[i].start <= offset; i++)
		if (offset < ix->spans[i].end)
			return (long)ix->spans[i].quote;
	return -1;
}
