/* export.c - the resolved article as JSON (schema in articles/FORMAT.md). */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "bound.h"
#include "text.h"

#define EXPORT_FORMAT "quoth-article"
#define EXPORT_VERSION 1

/* ---- positions ------------------------------------------------------ */

/* Start offsets of the body's lines, so that every position costs a
 * binary search instead of a scan from the top. */
typedef struct line_index {
	size_t *starts;
	size_t n;
} line_index;

static int line_index_build(line_index *li, const char *s, size_t len)
{
	size_t n = 1;
	for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + len - p))); p++)
		n++;
	li->starts = malloc(n * sizeof *li->starts);
	if (!li->starts)
		return -1;
	li->n = 0;
	li->starts[li->n++] = 0;
	for (const char *p = s; (p = memchr(p, '\n', (size_t)(s + len - p))); p++)
		li->starts[li->n++] = (size_t)(p - s) + 1;
	return 0;
}

/* 1-based line, and 1-based column in code points, of offset. */
static void line_index_find(const line_index *li, const char *s, size_t offset,
                            int *line, int *col)
{
	/* starts[0] is 0: the last start at or before offset is there. */
	size_t lo = BOUND_UPPER(li->starts, li->n, , offset) - 1;
	*line = (int)lo + 1;
	*col = 1 + (int)utf8_count(s + li->starts[lo], offset - li->starts[lo]);
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

/* {"start", "end", "line", "column"} and, with_text, "text". */
static cJSON *span_object(const article *a, const line_index *li, span at,
                          bool with_text)
{
	cJSON *o = cJSON_CreateObject();
	int line, col;
	line_index_find(li, a->body, at.start, &line, &col);
	cJSON_AddNumberToObject(o, "start", (double)at.start);
	cJSON_AddNumberToObject(o, "end", (double)at.end);
	cJSON_AddNumberToObject(o, "line", line);
	cJSON_AddNumberToObject(o, "column", col);
	if (with_text) {
		char *text = body_slice(a, at);
		cJSON_AddItemToObject(o, "text", string_or_null(text));
		free(text);
	}
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
	cJSON_AddStringToObject(o, "id", e->id);
	cJSON_AddStringToObject(o, "name", e->name);
	cJSON_AddStringToObject(o, "type", e->type);
	cJSON_AddItemToObject(o, "aliases", string_array(e->aliases, e->n_aliases));
	cJSON_AddItemToObject(o, "kb", string_or_null(e->kb));
	cJSON_AddItemToObject(o, "description", string_or_null(e->description));
	cJSON_AddStringToObject(o, "case", e->ignore_case ? "insensitive" : "sensitive");
	cJSON *ms = cJSON_AddArrayToObject(o, "mentions");
	for (size_t k = 0; k < e->n_mentions; k++) {
		const mention *m = &a->mentions[e->mention_ids[k]];
		cJSON *mo = span_object(a, li, m->at, true);
		cJSON_AddBoolToObject(mo, "explicit", m->explicit_);
		cJSON_AddItemToArray(ms, mo);
	}
	return o;
}

static cJSON *quote_object(const article *a, const line_index *li,
                           const quote *q, size_t index)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "index", (double)index + 1);
	cJSON_AddItemToObject(o, "id", string_or_null(q->id));
	cJSON_AddStringToObject(o, "kind", quote_kind_name(q->kind));
	cJSON_AddItemToObject(o, "text", string_array(q->fragments, q->n_fragments));
	cJSON *spans = cJSON_AddArrayToObject(o, "spans");
	for (size_t k = 0; k < q->n_fragments && q->spans; k++)
		cJSON_AddItemToArray(spans, span_object(a, li, q->spans[k], true));
	cJSON *sp = cJSON_AddObjectToObject(o, "speaker");
	const char *speaker_id = q->speaker >= 0 ? a->entities[q->speaker].id : NULL;
	cJSON_AddItemToObject(sp, "entity", string_or_null(speaker_id));
	cJSON_AddItemToObject(sp, "text", string_or_null(q->speaker_text));
	if (q->cue && q->cue_span.end > q->cue_span.start) {
		cJSON *cue = span_object(a, li, q->cue_span, false);
		cJSON_AddStringToObject(cue, "text", q->cue);
		cJSON_AddItemToObject(o, "cue", cue);
	} else {
		cJSON_AddNullToObject(o, "cue");
	}
	return o;
}

int export_json(const article *a, FILE *out)
{
	line_index li;
	if (line_index_build(&li, a->body, a->body_len) < 0)
		return -1;

	cJSON *doc = cJSON_CreateObject();
	cJSON_AddStringToObject(doc, "format", EXPORT_FORMAT);
	cJSON_AddNumberToObject(doc, "version", EXPORT_VERSION);
	cJSON_AddItemToObject(doc, "file", string_or_null(a->path));
	cJSON_AddItemToObject(doc, "metadata", metadata_object(a));
	cJSON_AddStringToObject(doc, "body", a->body);
	cJSON *ents = cJSON_AddArrayToObject(doc, "entities");
	for (size_t i = 0; i < a->n_entities; i++)
		cJSON_AddItemToArray(ents, entity_object(a, &li, &a->entities[i]));
	cJSON *quotes = cJSON_AddArrayToObject(doc, "quotes");
	for (size_t i = 0; i < a->n_quotes; i++)
		cJSON_AddItemToArray(quotes, quote_object(a, &li, &a->quotes[i], i));

	char *text = cJSON_Print(doc);
	int status = -1;
	if (text && fputs(text, out) >= 0 && fputc('\n', out) != EOF)
		status = 0;
	free(text);
	cJSON_Delete(doc);
	free(li.starts);
	return status;
}
