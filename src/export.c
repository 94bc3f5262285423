/* export.c - the resolved article as JSON (schema in articles/FORMAT.md). */
#include "export.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "bound.h"
#include "sort.h"
#include "text.h"

#define EXPORT_FORMAT "quoth-article"
#define EXPORT_VERSION 3

/* ---- positions ------------------------------------------------------ */

/* Start offsets of the body's lines, so that every position costs a
 * binary search instead of a scan from the top. */
typedef struct line_index {
	size_t *starts;
	size_t *chars;      /* code points before each line */
	size_t n;
} line_index;

static int line_index_build(line_index *li, const char *s, size_t len)
{
	size_t n = 1;
	for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + len - p))); p++)
		n++;
	li->starts = malloc(n * sizeof *li->starts);
	li->chars = malloc(n * sizeof *li->chars);
	if (!li->starts || !li->chars) {
		free(li->starts);
		free(li->chars);
		return -1;
	}
	li->n = 0;
	li->starts[li->n] = 0;
	li->chars[li->n++] = 0;
	for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + len - p))); p++) {
		size_t at = (size_t)(p - s) + 1, prev = li->starts[li->n - 1];
		li->chars[li->n] = li->chars[li->n - 1] + utf8_count(s + prev, at - prev);
		li->starts[li->n++] = at;
	}
	return 0;
}

/* A body offset's 1-based line, 1-based column in code points, and its
 * index in code points (what Python's str counts). */
typedef struct place {
	int line, col;
	size_t chars;
} place;

static place line_index_find(const line_index *li, const char *s, size_t offset)
{
	/* starts[0] is 0: the last start at or before offset is there. */
	size_t lo = BOUND_UPPER(li->starts, li->n, , offset) - 1;
	size_t in_line = utf8_count(s + li->starts[lo], offset - li->starts[lo]);
	return (place){ .line = (int)lo + 1, .col = 1 + (int)in_line,
	                .chars = li->chars[lo] + in_line };
}

/* ---- building the document ----------------------------------------- */

/* cJSON calls that add to an object return NULL on failure; the document
 * is checked once at the end by printing it, so each add needs no test. */
static cJSON *string_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *string_array(char *const *items, size_t n)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; i < n; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(items[i]));
	return arr;
}

static char *body_slice(const article *a, span at)
{
	char *s = malloc(at.end - at.start + 1);
	if (s) {
		memcpy(s, a->body + at.start, at.end - at.start);
		s[at.end - at.start] = '\0';
	}
	return s;
}

/* {"start", "end", "start_char", "end_char", "line", "column", "text"}. */
static cJSON *span_object(const article *a, const line_index *li, span at)
{
	cJSON *o = cJSON_CreateObject();
	place p = line_index_find(li, a->body, at.start);
	place e = line_index_find(li, a->body, at.end);
	cJSON_AddNumberToObject(o, "start", (double)at.start);
	cJSON_AddNumberToObject(o, "end", (double)at.end);
	cJSON_AddNumberToObject(o, "start_char", (double)p.chars);
	cJSON_AddNumberToObject(o, "end_char", (double)e.chars);
	cJSON_AddNumberToObject(o, "line", p.line);
	cJSON_AddNumberToObject(o, "column", p.col);
	char *text = body_slice(a, at);
	cJSON_AddItemToObject(o, "text", string_or_null(text));
	free(text);
	return o;
}

static cJSON *metadata_object(const article *a)
{
	cJSON *m = cJSON_CreateObject();
	cJSON_AddItemToObject(m, "title", string_or_null(a->title));
	cJSON_AddItemToObject(m, "subtitle", string_or_null(a->subtitle));
	cJSON_AddItemToObject(m, "source", string_or_null(a->source));
	cJSON_AddItemToObject(m, "authors", string_array(a->authors, a->n_authors));
	cJSON_AddItemToObject(m, "published", string_or_null(a->published));
	cJSON_AddItemToObject(m, "url", string_or_null(a->url));
	cJSON_AddItemToObject(m, "language", string_or_null(a->language));
	cJSON_AddItemToObject(m, "id", string_or_null(a->id));
	return m;
}

static cJSON *entity_object(const article *a, const line_index *li,
                            const entity *e)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "id", string_or_null(e->id));
	cJSON_AddItemToObject(o, "name", string_or_null(e->name));
	cJSON_AddItemToObject(o, "type", string_or_null(e->type));
	cJSON_AddItemToObject(o, "aliases", string_array(e->aliases, e->n_aliases));
	cJSON_AddItemToObject(o, "kb", string_or_null(e->kb));
	cJSON_AddItemToObject(o, "description", string_or_null(e->description));
	cJSON_AddStringToObject(o, "case", e->ignore_case ? "insensitive" : "sensitive");
	cJSON *ms = cJSON_AddArrayToObject(o, "mentions");
	for (size_t k = 0; k < e->n_mentions; k++) {
		const mention *m = &a->mentions[e->mention_ids[k]];
		cJSON *mo = span_object(a, li, m->at);
		cJSON_AddBoolToObject(mo, "explicit", m->explicit_);
		cJSON_AddItemToArray(ms, mo);
	}
	return o;
}

static cJSON *quote_object(const article *a, const line_index *li,
                           const quote *q, size_t index, size_t number)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "index", (double)index + 1);
	cJSON_AddNumberToObject(o, "number", (double)number + 1);
	cJSON_AddItemToObject(o, "id", string_or_null(q->id));
	cJSON_AddStringToObject(o, "kind", quote_kind_name(q->kind));
	cJSON_AddBoolToObject(o, "resolved", q->resolved);
	cJSON_AddItemToObject(o, "text", string_array(q->fragments, q->n_fragments));
	cJSON *spans = cJSON_AddArrayToObject(o, "spans");
	for (size_t k = 0; k < q->n_fragments && q->spans; k++)
		cJSON_AddItemToArray(spans, span_object(a, li, q->spans[k]));
	cJSON *sp = cJSON_AddObjectToObject(o, "speaker");
	const char *speaker_id = q->speaker >= 0 ? a->entities[q->speaker].id : NULL;
	cJSON_AddItemToObject(sp, "entity", string_or_null(speaker_id));
	cJSON_AddItemToObject(sp, "text", string_or_null(q->speaker_text));
	cJSON_AddBoolToObject(sp, "none", q->no_speaker);
	cJSON_AddBoolToObject(sp, "unknown", q->speaker_unknown);
	cJSON *source = cJSON_AddArrayToObject(o, "source");
	for (size_t k = 0; k < q->n_source_spans; k++)
		cJSON_AddItemToArray(source, span_object(a, li, q->source_spans[k]));
	cJSON *cue = cJSON_AddArrayToObject(o, "cue");
	for (size_t k = 0; k < q->n_cue_spans; k++)
		cJSON_AddItemToArray(cue, span_object(a, li, q->cue_spans[k]));
	return o;
}

/* ---- quote numbers -------------------------------------------------- */

/* The reader numbers quotes in body order: by their first content span,
 * the unresolved ones last, file order between equals. */
typedef struct ranked {
	size_t index;
	size_t start;      /* SIZE_MAX when unresolved */
} ranked;

static bool ranked_before(const ranked *x, const ranked *y)
{
	return x->start != y->start ? x->start < y->start : x->index < y->index;
}

MERGE_SORT_DEFINE(ranked_sort, ranked, ranked_before)

/* numbers[i]: the 0-based body-order number of quote i; false on OOM. */
static bool number_quotes(const article *a, size_t *numbers)
{
	ranked *v = malloc((2 * a->n_quotes + 1) * sizeof *v);
	if (!v)
		return false;
	for (size_t i = 0; i < a->n_quotes; i++) {
		const quote *q = &a->quotes[i];
		v[i] = (ranked){ .index = i, .start = q->resolved && q->spans
		                                      ? q->spans[0].start : SIZE_MAX };
	}
	ranked_sort(v, v + a->n_quotes, a->n_quotes);
	for (size_t k = 0; k < a->n_quotes; k++)
		numbers[v[k].index] = k;
	free(v);
	return true;
}

/* The document, printed pretty or on one line (JSON Lines). */
static int export_doc(const article *a, FILE *out, bool one_line)
{
	line_index li;
	if (line_index_build(&li, a->body, a->body_len) < 0)
		return -1;
	size_t *numbers = malloc((a->n_quotes + 1) * sizeof *numbers);
	if (!numbers || !number_quotes(a, numbers)) {
		free(numbers);
		free(li.starts);
		free(li.chars);
		return -1;
	}

	cJSON *doc = cJSON_CreateObject();
	cJSON_AddStringToObject(doc, "format", EXPORT_FORMAT);
	cJSON_AddNumberToObject(doc, "version", EXPORT_VERSION);
	cJSON_AddItemToObject(doc, "file", string_or_null(a->path));
	if (a->path_line > 0)   /* one line of a JSON Lines file */
		cJSON_AddNumberToObject(doc, "line", a->path_line);
	cJSON_AddItemToObject(doc, "metadata", metadata_object(a));
	cJSON_AddStringToObject(doc, "body", a->body);
	cJSON_AddStringToObject(doc, "offsets", a->offsets == OFFSETS_CHARS ?
	                        "chars" : "bytes");
	cJSON *ents = cJSON_AddArrayToObject(doc, "entities");
	for (size_t i = 0; i < a->n_entities; i++)
		cJSON_AddItemToArray(ents, entity_object(a, &li, &a->entities[i]));
	cJSON *quotes = cJSON_AddArrayToObject(doc, "quotes");
	for (size_t i = 0; i < a->n_quotes; i++)
		cJSON_AddItemToArray(quotes, quote_object(a, &li, &a->quotes[i], i,
		                                          numbers[i]));

	char *text = one_line ? cJSON_PrintUnformatted(doc) : cJSON_Print(doc);
	int status = -1;
	if (text && fputs(text, out) >= 0 && fputc('\n', out) != EOF)
		status = 0;
	free(text);
	cJSON_Delete(doc);
	free(numbers);
	free(li.starts);
	free(li.chars);
	return status;
}

int export_json(const article *a, FILE *out)
{
	return export_doc(a, out, false);
}

int export_json_line(const article *a, FILE *out)
{
	return export_doc(a, out, true);
}
