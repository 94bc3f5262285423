/* diff_json.c - the figures of `quoth diff` and, for two sides, every
 * quote that is not agreed, as one JSON document (articles/AGREEMENT.md
 * says what each figure means):
 *
 *   {"format": "quoth-diff", "version": 1,
 *    "sides": [path...], "reference": path (two sides only),
 *    "articles": [{"files": [path...],
 *                  "figures": FIGURES                  (two sides)
 *                  "matrix": [[FIGURES...]...], "mean": SCORES  (three or more),
 *                  "quotes": [{"role": "differs"|"only_a"|"only_b",
 *                              "differs": ["content"|"overlap"|"source"|
 *                                          "cue"|"speaker"|"kind"...],
 *                              "overlap_chars": n, "a": QUOTE|null,
 *                              "b": QUOTE|null}...]}...],  (two sides)
 *    "alone": [{"side": i, "file": path, "duplicate": bool}...],
 *    "total": {"compared": n, "alone": [n per side], "failed": n,
 *              "figures" or "matrix" and "mean", counts added}}
 *
 *   FIGURES: {"exact"|"overlap"|"attribution"|"entities":
 *               {"matched", "in_a", "in_b", "precision", "recall", "f1"},
 *             "speaker"|"kind": {"agree", "of", "ratio"}}
 *   SCORES:  the same figures without counts, "speaker" and "kind" numbers
 *   QUOTE:   {"index", "id", "speaker" (its key), "kind",
 *             "content"|"source"|"cue": [{"start", "end" (bytes),
 *             "start_char", "end_char" (code points), "text"}...]}
 *
 * A differing pair is written once, from A's quote, its partner as "b";
 * a pair below 50% is written from each side, as only_a and only_b, each
 * with its partner.  Matrix cell [i][j] is side i against side j as the
 * reference. */
#include "diff_private.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "text.h"

#define DIFF_JSON_FORMAT "quoth-diff"
#define DIFF_JSON_VERSION 1

struct diff_json {
	cJSON *doc;
	cJSON *articles;
	cJSON *alone;
	size_t n_sides;
};

/* ---- figures -------------------------------------------------------- */

/* cJSON's adds return NULL on failure; the document is checked once, when
 * printed, so each add needs no test (as export.c does). */
static cJSON *count_json(compare_count c)
{
	compare_score s = compare_score_of(c);
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "matched", (double)c.matched);
	cJSON_AddNumberToObject(o, "in_a", (double)c.n_a);
	cJSON_AddNumberToObject(o, "in_b", (double)c.n_b);
	cJSON_AddNumberToObject(o, "precision", s.precision);
	cJSON_AddNumberToObject(o, "recall", s.recall);
	cJSON_AddNumberToObject(o, "f1", s.f1);
	return o;
}

static cJSON *agreement_json(size_t agree, size_t of)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "agree", (double)agree);
	cJSON_AddNumberToObject(o, "of", (double)of);
	cJSON_AddNumberToObject(o, "ratio", of ? (double)agree / (double)of : 1.0);
	return o;
}

static cJSON *figures_json(const compare_figures *f)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "exact", count_json(f->exact));
	cJSON_AddItemToObject(o, "overlap", count_json(f->overlap));
	cJSON_AddItemToObject(o, "attribution", count_json(f->attribution));
	cJSON_AddItemToObject(o, "entities", count_json(f->entities));
	cJSON_AddItemToObject(o, "speaker", agreement_json(f->speaker_agree,
	                                                   f->overlap.matched));
	cJSON_AddItemToObject(o, "kind", agreement_json(f->kind_agree,
	                                                f->overlap.matched));
	return o;
}

static cJSON *score_json(compare_score s)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "precision", s.precision);
	cJSON_AddNumberToObject(o, "recall", s.recall);
	cJSON_AddNumberToObject(o, "f1", s.f1);
	return o;
}

static cJSON *scores_json(const compare_scores *s)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "exact", score_json(s->exact));
	cJSON_AddItemToObject(o, "overlap", score_json(s->overlap));
	cJSON_AddItemToObject(o, "attribution", score_json(s->attribution));
	cJSON_AddItemToObject(o, "entities", score_json(s->entities));
	cJSON_AddNumberToObject(o, "speaker", s->speaker);
	cJSON_AddNumberToObject(o, "kind", s->kind);
	return o;
}

/* Two sides: "figures", A against B.  More: "matrix" of every cell, row
 * against column as the reference, and "mean" over the cells off the
 * diagonal. */
static void add_figures(cJSON *o, const compare_figures *figures, size_t n)
{
	if (n == 2) {
		cJSON_AddItemToObject(o, "figures", figures_json(&figures[1]));
		return;
	}
	cJSON *matrix = cJSON_AddArrayToObject(o, "matrix");
	for (size_t i = 0; i < n; i++) {
		cJSON *row = cJSON_CreateArray();
		for (size_t j = 0; j < n; j++)
			cJSON_AddItemToArray(row, figures_json(&figures[i * n + j]));
		cJSON_AddItemToArray(matrix, row);
	}
	compare_scores mean = compare_matrix_mean(figures, n);
	cJSON_AddItemToObject(o, "mean", scores_json(&mean));
}

/* ---- quotes ----------------------------------------------------------- */

/* Code points before a byte offset, counted on from the last offset
 * asked for when it is no further on: the quotes are written in text
 * order, so the body is read about once per side. */
typedef struct char_cursor {
	const char *text;
	size_t byte;
	size_t chars;
	bool oom;       /* a quote's text could not be copied */
} char_cursor;

static size_t chars_at(char_cursor *c, size_t byte)
{
	if (byte < c->byte)
		*c = (char_cursor){ .text = c->text, .oom = c->oom };
	c->chars += utf8_count(c->text + c->byte, byte - c->byte);
	c->byte = byte;
	return c->chars;
}

static cJSON *spans_json(const span *s, size_t n, const article *a, char_cursor *cur)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; i < n; i++) {
		size_t end = s[i].end < a->body_len ? s[i].end : a->body_len;
		size_t start = s[i].start < end ? s[i].start : end;
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "start", (double)start);
		cJSON_AddNumberToObject(o, "end", (double)end);
		cJSON_AddNumberToObject(o, "start_char", (double)chars_at(cur, start));
		cJSON_AddNumberToObject(o, "end_char", (double)chars_at(cur, end));
		char *text = malloc(end - start + 1);
		if (text) {
			memcpy(text, a->body + start, end - start);
			text[end - start] = '\0';
			cJSON_AddStringToObject(o, "text", text);
		} else {
			cur->oom = true;
		}
		free(text);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *quote_json(const compare_article *ca, size_t i, const article *a,
                         char_cursor *cur)
{
	const compare_quote *q = &ca->set.quotes[i];
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "index", (double)i);
	if (a->quotes[i].id)
		cJSON_AddStringToObject(o, "id", a->quotes[i].id);
	else
		cJSON_AddNullToObject(o, "id");
	if (q->speaker)
		cJSON_AddStringToObject(o, "speaker", q->speaker);
	else
		cJSON_AddNullToObject(o, "speaker");
	cJSON_AddStringToObject(o, "kind", quote_kind_name(q->kind));
	cJSON_AddItemToObject(o, "content", spans_json(q->content, q->n_content, a, cur));
	cJSON_AddItemToObject(o, "source", spans_json(q->source, q->n_source, a, cur));
	cJSON_AddItemToObject(o, "cue", spans_json(q->cue, q->n_cue, a, cur));
	return o;
}

static const char *const role_names[] = {
	[COMPARE_ROLE_AGREED] = "agreed", [COMPARE_ROLE_DIFFERS] = "differs",
	[COMPARE_ROLE_ONLY_A] = "only_a", [COMPARE_ROLE_ONLY_B] = "only_b",
};

static const struct { unsigned bit; const char *name; } diff_names[] = {
	{ COMPARE_DIFF_CONTENT, "content" }, { COMPARE_DIFF_OVERLAP, "overlap" },
	{ COMPARE_DIFF_SOURCE, "source" }, { COMPARE_DIFF_CUE, "cue" },
	{ COMPARE_DIFF_SPEAKER, "speaker" }, { COMPARE_DIFF_KIND, "kind" },
};

/* One quote that is not agreed: side's quote i with its link, and its
 * partner (if any, maybe below 50%) under the other side's name. */
static cJSON *disagreement_json(const diff_article *d, size_t side, size_t i,
                                const compare_link *l, char_cursor cur[2])
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "role", role_names[l->role]);
	cJSON *diffs = cJSON_AddArrayToObject(o, "differs");
	for (size_t k = 0; k < sizeof diff_names / sizeof *diff_names; k++)
		if (l->diff & diff_names[k].bit)
			cJSON_AddItemToArray(diffs, cJSON_CreateString(diff_names[k].name));
	cJSON_AddNumberToObject(o, "overlap_chars", (double)l->overlap);
	const char *names[2] = { "a", "b" };
	size_t at[2];
	at[side] = i;
	at[1 - side] = l->other;
	for (size_t s = 0; s < 2; s++) {
		if (at[s] == COMPARE_NONE)
			cJSON_AddNullToObject(o, names[s]);
		else
			cJSON_AddItemToObject(o, names[s], quote_json(&d->sets[s], at[s],
			                                              d->articles[s], &cur[s]));
	}
	return o;
}

static cJSON *quotes_json(const diff_article *d)
{
	cJSON *arr = cJSON_CreateArray();
	char_cursor cur[2] = { { .text = d->articles[0]->body },
	                       { .text = d->articles[1]->body } };
	const compare_result *r = d->result;
	for (size_t i = 0; i < r->n_a; i++)
		if (r->a[i].role != COMPARE_ROLE_AGREED)
			cJSON_AddItemToArray(arr, disagreement_json(d, 0, i, &r->a[i], cur));
	/* A differing pair is written once, from A's side. */
	for (size_t i = 0; i < r->n_b; i++)
		if (r->b[i].role == COMPARE_ROLE_ONLY_B)
			cJSON_AddItemToArray(arr, disagreement_json(d, 1, i, &r->b[i], cur));
	if (cur[0].oom || cur[1].oom) {
		cJSON_Delete(arr);
		return NULL;
	}
	return arr;
}

/* ---- the document ------------------------------------------------------ */

static cJSON *strings_json(const char *const *s, size_t n)
{
	cJSON *arr = cJSON_CreateArray();
	for (size_t i = 0; i < n; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(s[i]));
	return arr;
}

diff_json *diff_json_new(const char *const *roots, size_t n_sides)
{
	diff_json *j = calloc(1, sizeof *j);
	if (!j)
		return NULL;
	j->n_sides = n_sides;
	j->doc = cJSON_CreateObject();
	cJSON_AddStringToObject(j->doc, "format", DIFF_JSON_FORMAT);
	cJSON_AddNumberToObject(j->doc, "version", DIFF_JSON_VERSION);
	cJSON_AddItemToObject(j->doc, "sides", strings_json(roots, n_sides));
	if (n_sides == 2)
		cJSON_AddStringToObject(j->doc, "reference", roots[1]);
	j->articles = cJSON_AddArrayToObject(j->doc, "articles");
	j->alone = cJSON_AddArrayToObject(j->doc, "alone");
	if (!j->articles || !j->alone) {
		diff_json_free(j);
		return NULL;
	}
	return j;
}

int diff_json_article(diff_json *j, const diff_article *d)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return -1;
	cJSON_AddItemToObject(o, "files", strings_json(d->paths, d->n_sides));
	add_figures(o, d->figures, d->n_sides);
	cJSON *quotes = d->result ? quotes_json(d) : NULL;
	if (d->result && !quotes) {
		cJSON_Delete(o);
		return -1;
	}
	if (quotes)
		cJSON_AddItemToObject(o, "quotes", quotes);
	return cJSON_AddItemToArray(j->articles, o) ? 0 : -1;
}

int diff_json_alone(diff_json *j, size_t side, const char *path, bool duplicate)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		return -1;
	cJSON_AddNumberToObject(o, "side", (double)side);
	cJSON_AddStringToObject(o, "file", path);
	cJSON_AddBoolToObject(o, "duplicate", duplicate);
	return cJSON_AddItemToArray(j->alone, o) ? 0 : -1;
}

int diff_json_write(diff_json *j, const diff_totals *t, FILE *out)
{
	cJSON *total = cJSON_AddObjectToObject(j->doc, "total");
	cJSON_AddNumberToObject(total, "compared", (double)t->compared);
	cJSON *only = cJSON_AddArrayToObject(total, "alone");
	for (size_t s = 0; s < t->n_sides; s++)
		cJSON_AddItemToArray(only, cJSON_CreateNumber((double)t->only[s]));
	cJSON_AddNumberToObject(total, "failed", (double)t->failed);
	add_figures(total, t->figures, t->n_sides);
	char *text = cJSON_Print(j->doc);
	if (!text)
		return -1;
	int rc = fputs(text, out) == EOF || fputc('\n', out) == EOF ? -1 : 0;
	free(text);
	return rc;
}

void diff_json_free(diff_json *j)
{
	if (!j)
		return;
	cJSON_Delete(j->doc);
	free(j);
}
