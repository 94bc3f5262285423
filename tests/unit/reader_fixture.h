/* reader_fixture.h - articles built by hand for the reader's tests, so
 * they depend neither on the loader nor on the resolver.
 *
 * Everything is allocated the way the loader does it, so article_free()
 * releases it.  Functions are static inline: each test binary has its
 * own, and one that uses only some of them gets no warning. */
#ifndef QUOTH_READER_FIXTURE_H
#define QUOTH_READER_FIXTURE_H

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "reader.h"

static inline char *fx_strdup(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

static inline void *fx_grow(void *p, size_t n, size_t size)
{
	void *q = realloc(p, n * size);
	if (!q)
		abort();
	return q;
}

static inline article *fx_article(const char *title, const char *body)
{
	article *a = calloc(1, sizeof *a);
	if (!a)
		abort();
	a->title = fx_strdup(title);
	a->source = fx_strdup("The Test Courier");
	a->published = fx_strdup("2024-09-13");
	a->body = fx_strdup(body);
	a->body_len = strlen(body);
	return a;
}

static inline size_t fx_entity(article *a, const char *id, const char *name,
                        const char *type)
{
	a->entities = fx_grow(a->entities, a->n_entities + 1, sizeof *a->entities);
	entity *e = &a->entities[a->n_entities];
	memset(e, 0, sizeof *e);
	e->id = fx_strdup(id);
	e->name = fx_strdup(name);
	e->type = fx_strdup(type);
	return a->n_entities++;
}

static inline void fx_mention(article *a, size_t ent, size_t start, size_t end)
{
	a->mentions = fx_grow(a->mentions, a->n_mentions + 1, sizeof *a->mentions);
	a->mentions[a->n_mentions++] = (mention){
		.at = { .start = start, .end = end }, .entity = ent };
}

/* Every occurrence of word in the body becomes a mention of ent. */
static inline void fx_mentions_of(article *a, size_t ent, const char *word)
{
	size_t wl = strlen(word);
	for (const char *p = strstr(a->body, word); p; p = strstr(p + wl, word))
		fx_mention(a, ent, (size_t)(p - a->body), (size_t)(p - a->body) + wl);
}

static inline size_t fx_offset_of(const article *a, const char *text, int occurrence)
{
	const char *p = a->body;
	for (int i = 0; i < occurrence; i++) {
		p = strstr(i ? p + 1 : p, text);
		if (!p)
			abort();
	}
	return (size_t)(p - a->body);
}

/* A quote whose fragments are found in the body (first occurrence after
 * the previous fragment); speaker is an entity index or -1 with text. */
static inline size_t fx_quote(article *a, long speaker, const char *speaker_text,
                       quote_kind kind, const char *cue, size_t n_frags, ...)
{
	va_list ap;
	size_t from = 0;

	a->quotes = fx_grow(a->quotes, a->n_quotes + 1, sizeof *a->quotes);
	quote *q = &a->quotes[a->n_quotes];
	memset(q, 0, sizeof *q);
	q->speaker = speaker;
	if (speaker >= 0)
		q->speaker_id = fx_strdup(a->entities[speaker].id);
	q->speaker_text = fx_strdup(speaker_text);
	q->kind = kind;
	q->fragments = calloc(n_frags, sizeof *q->fragments);
	q->spans = calloc(n_frags, sizeof *q->spans);
	if (!q->fragments || !q->spans)
		abort();
	q->n_fragments = n_frags;
	va_start(ap, n_frags);
	for (size_t k = 0; k < n_frags; k++) {
		const char *text = va_arg(ap, const char *);
		const char *p = strstr(a->body + from, text);
		if (!p)
			abort();
		q->fragments[k] = fx_strdup(text);
		q->spans[k].start = (size_t)(p - a->body);
		q->spans[k].end = q->spans[k].start + strlen(text);
		from = q->spans[k].end;
	}
	va_end(ap);
	if (cue) {
		q->cue = calloc(1, sizeof *q->cue);
		q->cue_spans = calloc(1, sizeof *q->cue_spans);
		if (!q->cue || !q->cue_spans)
			abort();
		q->cue[0] = fx_strdup(cue);
		q->n_cue = 1;
		/* The cue is usually near the first fragment, before or after. */
		size_t near = q->spans[0].start > 40 ? q->spans[0].start - 40 : 0;
		const char *p = strstr(a->body + near, cue);
		if (p) {
			q->cue_spans[0] = (span){ .start = (size_t)(p - a->body),
			                          .end = (size_t)(p - a->body) + strlen(cue) };
			q->n_cue_spans = 1;
		}
	}
	return a->n_quotes++;
}

static inline int fx_mention_cmp(const void *pa, const void *pb)
{
	const mention *x = pa;
	const mention *y = pb;
	if (x->at.start != y->at.start)
		return x->at.start < y->at.start ? -1 : 1;
	return x->at.end < y->at.end ? -1 : x->at.end > y->at.end;
}

/* Sorts the mentions and fills each entity's mention_ids, as the
 * resolver does. */
static inline void fx_finish(article *a)
{
	if (a->n_mentions)
		qsort(a->mentions, a->n_mentions, sizeof *a->mentions, fx_mention_cmp);
	for (size_t e = 0; e < a->n_entities; e++) {
		entity *en = &a->entities[e];
		free(en->mention_ids);
		en->mention_ids = NULL;
		en->n_mentions = 0;
		for (size_t i = 0; i < a->n_mentions; i++) {
			if (a->mentions[i].entity != e)
				continue;
			en->mention_ids = fx_grow(en->mention_ids, en->n_mentions + 1,
			                          sizeof *en->mention_ids);
			en->mention_ids[en->n_mentions++] = i;
		}
	}
}

/* Six short paragraphs with five quotes: FX_TALKS_Q_FINE in the first,
 * FX_TALKS_Q_TRUST in the third running across a line break and holding
 * a double space ("not based\non  trust", for the squeezing of the
 * quotes pane), FX_TALKS_Q_SPLIT in two fragments over the fourth and
 * fifth, FX_TALKS_Q_NONE by "A spokesman" (no entity) in the sixth,
 * FX_TALKS_Q_LOST by Lavrov not found (no spans).  Entities
 * FX_TALKS_KERRY, FX_TALKS_LAVROV, with their mentions. */
enum { FX_TALKS_KERRY, FX_TALKS_LAVROV };
enum {
	FX_TALKS_Q_FINE, FX_TALKS_Q_TRUST, FX_TALKS_Q_SPLIT, FX_TALKS_Q_NONE,
	FX_TALKS_Q_LOST,
};

static inline article *fx_talks(void)
{
	article *a = fx_article("Talks",
		"Kerry said it was \xe2\x80\x9c" "fine\xe2\x80\x9d.\n\n"
		"Lavrov arrived late.\n\n"
		"Kerry told them the deal was \xe2\x80\x9cnot based\non  trust\xe2\x80\x9d.\n\n"
		"He went on: \xe2\x80\x9cWe will see\xe2\x80\x9d, Kerry said,\n\n"
		"\xe2\x80\x9cwhat comes\xe2\x80\x9d, and left.\n\n"
		"A spokesman said \xe2\x80\x9cno comment\xe2\x80\x9d.");

	fx_entity(a, "kerry", "John Kerry", "PERSON");
	fx_entity(a, "lavrov", "Sergei Lavrov", "PERSON");
	fx_mentions_of(a, FX_TALKS_KERRY, "Kerry");
	fx_mentions_of(a, FX_TALKS_LAVROV, "Lavrov");
	fx_quote(a, FX_TALKS_KERRY, NULL, QUOTE_PARTIAL, "said", 1, "fine");
	fx_quote(a, FX_TALKS_KERRY, NULL, QUOTE_PARTIAL, "told", 1,
	         "not based\non  trust");
	fx_quote(a, FX_TALKS_KERRY, NULL, QUOTE_DIRECT, "said", 2,
	         "We will see", "what comes");
	fx_quote(a, -1, "A spokesman", QUOTE_PARTIAL, "said", 1, "no comment");
	/* Not found in the body: no spans, as the resolver leaves it. */
	size_t lost = fx_quote(a, FX_TALKS_LAVROV, NULL, QUOTE_DIRECT, NULL, 1,
	                       "late");
	free(a->quotes[lost].spans);
	a->quotes[lost].spans = NULL;
	fx_finish(a);
	return a;
}

/* An article and a reader of it: the state of a cmocka fixture. */
typedef struct fx_reading {
	article *a;
	reader *r;
} fx_reading;

/* Makes *state a reading of a (which it owns from now on) at cols x rows;
 * 0, or -1 when the reader cannot be made. */
static inline int fx_reading_setup(void **state, article *a, int cols,
                                   int rows)
{
	fx_reading *f = calloc(1, sizeof *f);
	if (!f)
		abort();
	f->a = a;
	f->r = reader_new(f->a, cols, rows);
	*state = f;
	return f->r ? 0 : -1;
}

/* A cmocka teardown: frees the reading of *state, reader and article. */
static inline int fx_reading_teardown(void **state)
{
	fx_reading *f = *state;
	reader_free(f->r);
	article_free(f->a);
	free(f);
	return 0;
}

#endif
