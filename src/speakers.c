/* speakers.c - who is quoted: one article's speakers, or a corpus's. */
#include "speakers.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "array.h"
#include "sort.h"
#include "text.h"

/* ---- keys ------------------------------------------------------------ */

/* prefix + s with letters lower-cased and runs of blanks as one space, so
 * that "The  Post" and "the post" are one speaker. */
static char *fold_key(const char *prefix, const char *s)
{
	size_t len = strlen(s), plen = strlen(prefix);
	/* A lower-case letter takes at most 4 bytes, as any code point. */
	char *out = malloc(plen + 4 * len + 1);
	if (!out)
		return NULL;
	memcpy(out, prefix, plen);
	size_t o = plen;
	bool blank = true;          /* drops leading blanks */
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s, len, i, &cp);
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) {
			if (!blank)
				out[o++] = ' ';
			blank = true;
			continue;
		}
		blank = false;
		o += utf8_encode((uint32_t)towlower((wint_t)cp), out + o);
	}
	if (o > plen && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return out;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* ---- the index of rows by key ----------------------------------------- */

static uint64_t hash_key(const char *s)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

/* The slot of key: its row's, or the empty one where it would go. */
static size_t slot_of(const speaker_table *t, const char *key)
{
	size_t mask = t->n_slots - 1;
	for (size_t i = (size_t)hash_key(key) & mask;; i = (i + 1) & mask) {
		size_t r = t->slots[i];
		if (r == 0 || strcmp(t->rows[r - 1].key, key) == 0)
			return i;
	}
}

/* Rebuilds the index with room for twice the rows; -1 when out of memory. */
static int index_grow(speaker_table *t)
{
	size_t n_slots = t->n_slots ? t->n_slots * 2 : 64;
	size_t *slots = calloc(n_slots, sizeof *slots);
	if (!slots)
		return -1;
	free(t->slots);
	t->slots = slots;
	t->n_slots = n_slots;
	for (size_t r = 0; r < t->n; r++)
		t->slots[slot_of(t, t->rows[r].key)] = r + 1;
	return 0;
}

/* The row of key, made from the quote's speaker when new (key then belongs
 * to it); NULL when out of memory (key is freed). */
static speaker_row *row_for(speaker_table *t, char *key, const article *a,
                            const quote *q, speaker_kind kind)
{
	if (2 * (t->n + 1) > t->n_slots && index_grow(t) < 0) {
		free(key);
		return NULL;
	}
	size_t slot = slot_of(t, key);
	if (t->slots[slot]) {
		free(key);
		return &t->rows[t->slots[slot] - 1];
	}
	speaker_row *rows = array_grow(t->rows, &t->cap, t->n + 1, sizeof *rows);
	if (!rows) {
		free(key);
		return NULL;
	}
	t->rows = rows;
	speaker_row *r = &rows[t->n];
	*r = (speaker_row){ .key = key, .kind = kind, .last_article = SIZE_MAX };
	bool ok;
	if (kind == SPEAKER_ENTITY) {
		const entity *e = &a->entities[q->speaker];
		r->name = dup_or_null(e->name);
		r->entity = dup_or_null(e->id);
		r->kb = dup_or_null(e->kb);
		r->type = dup_or_null(e->type);
		ok = r->name && r->entity && r->type && (r->kb || !e->kb);
	} else {
		r->name = strdup(kind == SPEAKER_UNNAMED ? q->speaker_text : "(no speaker)");
		ok = r->name != NULL;
	}
	if (!ok) {
		free(r->name);
		free(r->entity);
		free(r->kb);
		free(r->type);
		free(key);
		return NULL;
	}
	t->n++;
	t->slots[slot] = t->n;
	return r;
}

/* ---- counting --------------------------------------------------------- */

static bool is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0 || cp == 0x2009;
}

size_t speakers_quote_words(const article *a, const quote *q)
{
	size_t words = 0;
	for (size_t f = 0; q->spans && f < q->n_fragments; f++) {
		const char *s = a->body + q->spans[f].start;
		size_t len = q->spans[f].end - q->spans[f].start;
		bool in_word = false;       /* this run of non-blanks has a word char */
		for (size_t i = 0; i < len;) {
			unsigned char b = (unsigned char)s[i];
			if (b < 0x80) {
				/* ASCII, nearly every byte of most quotes: the
				 * classes every locale gives it, without a call. */
				i++;
				if (b == ' ' || b == '\t' || b == '\n') {
					in_word = false;
				} else if (!in_word && ((unsigned)((b | 0x20) - 'a') < 26 ||
				                        (unsigned)(b - '0') < 10)) {
					in_word = true;
					words++;
				}
				continue;
			}
			uint32_t cp;
			i += utf8_decode(s, len, i, &cp);
			if (is_blank(cp)) {
				in_word = false;
			} else if (!in_word && iswalnum((wint_t)cp)) {
				in_word = true;
				words++;
			}
		}
	}
	return words;
}

char *speakers_key_of(const article *a, const quote *q, speaker_kind *kind)
{
	if (q->speaker >= 0 && (size_t)q->speaker < a->n_entities) {
		const entity *e = &a->entities[q->speaker];
		*kind = SPEAKER_ENTITY;
		if (e->kb && *e->kb)
			return fold_key("kb:", e->kb);
		return fold_key("name:", e->name ? e->name : e->id);
	}
	if (q->speaker_text && *q->speaker_text) {
		*kind = SPEAKER_UNNAMED;
		return fold_key("text:", q->speaker_text);
	}
	*kind = SPEAKER_NONE;
	return strdup("none");
}

int speakers_add_article(speaker_table *t, const article *a)
{
	size_t article_no = t->articles;
	for (size_t i = 0; i < a->n_quotes; i++) {
		const quote *q = &a->quotes[i];
		speaker_kind kind;
		char *key = speakers_key_of(a, q, &kind);
		speaker_row *r = key ? row_for(t, key, a, q, kind) : NULL;
		if (!r)
			return -1;
		size_t words = speakers_quote_words(a, q);
		r->quotes++;
		r->words += words;
		if ((unsigned)q->kind < 4)
			r->by_kind[q->kind]++;
		if (r->last_article != article_no) {
			r->last_article = article_no;
			r->articles++;
		}
		t->quotes++;
		t->words += words;
	}
	t->articles++;
	return 0;
}

/* A copy of r's identity (key, names, type) as a new row of t, counts 0;
 * NULL when out of memory. */
static speaker_row *row_copy(speaker_table *t, const speaker_row *r)
{
	if (2 * (t->n + 1) > t->n_slots && index_grow(t) < 0)
		return NULL;
	size_t slot = slot_of(t, r->key);
	if (t->slots[slot])
		return &t->rows[t->slots[slot] - 1];
	speaker_row *rows = array_grow(t->rows, &t->cap, t->n + 1, sizeof *rows);
	if (!rows)
		return NULL;
	t->rows = rows;
	speaker_row *c = &rows[t->n];
	*c = (speaker_row){ .kind = r->kind, .last_article = SIZE_MAX,
	                    .key = strdup(r->key), .name = strdup(r->name),
	                    .entity = dup_or_null(r->entity), .kb = dup_or_null(r->kb),
	                    .type = dup_or_null(r->type) };
	if (!c->key || !c->name || (r->entity && !c->entity) || (r->kb && !c->kb)
	    || (r->type && !c->type)) {
		free(c->key);
		free(c->name);
		free(c->entity);
		free(c->kb);
		free(c->type);
		return NULL;
	}
	t->n++;
	t->slots[slot] = t->n;
	return c;
}

int speakers_merge(speaker_table *t, const speaker_table *one)
{
	for (size_t i = 0; i < one->n; i++) {
		const speaker_row *r = &one->rows[i];
		speaker_row *m = row_copy(t, r);
		if (!m)
			return -1;
		m->quotes += r->quotes;
		m->words += r->words;
		m->articles += r->articles;
		for (size_t k = 0; k < 4; k++)
			m->by_kind[k] += r->by_kind[k];
	}
	t->quotes += one->quotes;
	t->words += one->words;
	t->articles += one->articles;
	return 0;
}

/* ---- order and look-up -------------------------------------------------- */

static bool name_before(const speaker_row *x, const speaker_row *y)
{
	int c = strcmp(x->name, y->name);
	return c < 0 || (c == 0 && strcmp(x->key, y->key) < 0);
}

static bool by_quotes(const speaker_row *x, const speaker_row *y)
{
	if (x->quotes != y->quotes)
		return x->quotes > y->quotes;
	if (x->words != y->words)
		return x->words > y->words;
	return name_before(x, y);
}

static bool by_words(const speaker_row *x, const speaker_row *y)
{
	if (x->words != y->words)
		return x->words > y->words;
	return by_quotes(x, y);
}

static bool by_articles(const speaker_row *x, const speaker_row *y)
{
	if (x->articles != y->articles)
		return x->articles > y->articles;
	return by_quotes(x, y);
}

static bool by_type(const speaker_row *x, const speaker_row *y)
{
	if (!x->type || !y->type) {
		if (x->type || y->type)
			return x->type != NULL;
		return by_quotes(x, y);
	}
	int c = strcmp(x->type, y->type);
	return c < 0 || (c == 0 && by_quotes(x, y));
}

/* Most quotes of one kind first, then as by_quotes. */
static bool by_kind(const speaker_row *x, const speaker_row *y, quote_kind k)
{
	if (x->by_kind[k] != y->by_kind[k])
		return x->by_kind[k] > y->by_kind[k];
	return by_quotes(x, y);
}

static bool by_direct(const speaker_row *x, const speaker_row *y)
{
	return by_kind(x, y, QUOTE_DIRECT);
}

static bool by_partial(const speaker_row *x, const speaker_row *y)
{
	return by_kind(x, y, QUOTE_PARTIAL);
}

static bool by_indirect(const speaker_row *x, const speaker_row *y)
{
	return by_kind(x, y, QUOTE_INDIRECT);
}

static bool by_mixed(const speaker_row *x, const speaker_row *y)
{
	return by_kind(x, y, QUOTE_MIXED);
}

MERGE_SORT_DEFINE(sort_by_type, speaker_row, by_type)
MERGE_SORT_DEFINE(sort_by_direct, speaker_row, by_direct)
MERGE_SORT_DEFINE(sort_by_partial, speaker_row, by_partial)
MERGE_SORT_DEFINE(sort_by_indirect, speaker_row, by_indirect)
MERGE_SORT_DEFINE(sort_by_mixed, speaker_row, by_mixed)
MERGE_SORT_DEFINE(sort_by_quotes, speaker_row, by_quotes)
MERGE_SORT_DEFINE(sort_by_words, speaker_row, by_words)
MERGE_SORT_DEFINE(sort_by_articles, speaker_row, by_articles)
MERGE_SORT_DEFINE(sort_by_name, speaker_row, name_before)

void speakers_sort(speaker_table *t, speaker_order order)
{
	if (t->n < 2)
		return;
	speaker_row *tmp = malloc(t->n * sizeof *tmp);
	if (!tmp)
		return;     /* the order stays as it was: nothing is lost */
	switch (order) {
	case SPEAKERS_BY_QUOTES:   sort_by_quotes(t->rows, tmp, t->n); break;
	case SPEAKERS_BY_WORDS:    sort_by_words(t->rows, tmp, t->n); break;
	case SPEAKERS_BY_ARTICLES: sort_by_articles(t->rows, tmp, t->n); break;
	case SPEAKERS_BY_NAME:     sort_by_name(t->rows, tmp, t->n); break;
	case SPEAKERS_BY_TYPE:     sort_by_type(t->rows, tmp, t->n); break;
	case SPEAKERS_BY_DIRECT:   sort_by_direct(t->rows, tmp, t->n); break;
	case SPEAKERS_BY_PARTIAL:  sort_by_partial(t->rows, tmp, t->n); break;
	case SPEAKERS_BY_INDIRECT: sort_by_indirect(t->rows, tmp, t->n); break;
	case SPEAKERS_BY_MIXED:    sort_by_mixed(t->rows, tmp, t->n); break;
	}
	free(tmp);
	for (size_t i = 0; i < t->n_slots; i++)
		t->slots[i] = 0;
	for (size_t r = 0; r < t->n; r++)
		t->slots[slot_of(t, t->rows[r].key)] = r + 1;
}

const speaker_row *speakers_find(const speaker_table *t, const char *key)
{
	if (t->n_slots == 0)
		return NULL;
	size_t r = t->slots[slot_of(t, key)];
	return r ? &t->rows[r - 1] : NULL;
}

void speakers_free(speaker_table *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		speaker_row *r = &t->rows[i];
		free(r->key);
		free(r->name);
		free(r->entity);
		free(r->kb);
		free(r->type);
	}
	free(t->rows);
	free(t->slots);
	*t = (speaker_table){ 0 };
}
