/* stats.c - `quoth stats`: who is quoted, written for people and scripts. */
#include "stats.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "text.h"

/* ---- CSV ---------------------------------------------------------------- */

/* A field as RFC 4180 has it: in quotes, with quotes doubled, when it
 * holds a comma, a quote or a line break. */
static void csv_field(FILE *out, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

int stats_write_csv(FILE *out, const speaker_table *t)
{
	fputs("speaker,entity,kb,type,quotes,words,articles\n", out);
	for (size_t i = 0; i < t->n; i++) {
		const speaker_row *r = &t->rows[i];
		csv_field(out, r->name);
		fputc(',', out);
		csv_field(out, r->entity);
		fputc(',', out);
		csv_field(out, r->kb);
		fputc(',', out);
		csv_field(out, r->type);
		fprintf(out, ",%zu,%zu,%zu\n", r->quotes, r->words, r->articles);
	}
	return ferror(out) ? -1 : 0;
}

/* ---- JSON --------------------------------------------------------------- */

static cJSON *string_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static const char *const kind_names[] = { "entity", "unnamed", "none" };

/* Prints doc (compact for JSON Lines) and frees it. */
static int print_doc(FILE *out, cJSON *doc, bool compact)
{
	char *text = doc ? (compact ? cJSON_PrintUnformatted(doc) : cJSON_Print(doc)) : NULL;
	cJSON_Delete(doc);
	if (!text)
		return -1;
	fputs(text, out);
	fputc('\n', out);
	free(text);
	return ferror(out) ? -1 : 0;
}

/* cJSON's adders fail when out of memory: every one is checked through
 * ok, so that no half-built document is printed as if whole. */
static cJSON *speaker_json(const speaker_row *r, size_t all_quotes, bool *ok)
{
	cJSON *o = cJSON_CreateObject();
	*ok = *ok && o;
	if (!o)
		return NULL;
	*ok = *ok && cJSON_AddItemToObject(o, "speaker", string_or_null(r->name));
	*ok = *ok && cJSON_AddItemToObject(o, "entity", string_or_null(r->entity));
	*ok = *ok && cJSON_AddItemToObject(o, "kb", string_or_null(r->kb));
	*ok = *ok && cJSON_AddItemToObject(o, "type", string_or_null(r->type));
	*ok = *ok && cJSON_AddStringToObject(o, "kind", kind_names[r->kind]);
	*ok = *ok && cJSON_AddNumberToObject(o, "quotes", (double)r->quotes);
	*ok = *ok && cJSON_AddNumberToObject(o, "words", (double)r->words);
	*ok = *ok && cJSON_AddNumberToObject(o, "articles", (double)r->articles);
	*ok = *ok && cJSON_AddNumberToObject(o, "share",
	        all_quotes ? (double)r->quotes / (double)all_quotes : 0.0);
	cJSON *k = cJSON_AddObjectToObject(o, "by_kind");
	*ok = *ok && k;
	for (int i = 0; k && i < 4; i++)
		*ok = *ok && cJSON_AddNumberToObject(k, quote_kind_name((quote_kind)i),
		                                     (double)r->by_kind[i]);
	return o;
}

int stats_write_json(FILE *out, const speaker_table *t, const stats_totals *tot)
{
	cJSON *doc = cJSON_CreateObject();
	bool ok = doc != NULL;
	ok = ok && cJSON_AddNumberToObject(doc, "articles", (double)tot->articles);
	ok = ok && cJSON_AddNumberToObject(doc, "articles_with_errors", (double)tot->failed);
	ok = ok && cJSON_AddNumberToObject(doc, "entities", (double)tot->entities);
	ok = ok && cJSON_AddNumberToObject(doc, "quotes", (double)t->quotes);
	ok = ok && cJSON_AddNumberToObject(doc, "words", (double)t->words);
	cJSON *arr = ok ? cJSON_AddArrayToObject(doc, "speakers") : NULL;
	ok = ok && arr;
	for (size_t i = 0; ok && i < t->n; i++) {
		cJSON *o = speaker_json(&t->rows[i], t->quotes, &ok);
		if (o)
			cJSON_AddItemToArray(arr, o);
	}
	if (!ok) {
		cJSON_Delete(doc);
		return -1;
	}
	return print_doc(out, doc, false);
}

int stats_write_jsonl(FILE *out, const char *file, const article *a,
                      size_t problems, const speaker_table *speakers)
{
	cJSON *doc = cJSON_CreateObject();
	bool ok = doc != NULL;
	ok = ok && cJSON_AddStringToObject(doc, "file", file);
	ok = ok && cJSON_AddItemToObject(doc, "id", string_or_null(a ? a->id : NULL));
	ok = ok && cJSON_AddItemToObject(doc, "title", string_or_null(a ? a->title : NULL));
	ok = ok && cJSON_AddItemToObject(doc, "source", string_or_null(a ? a->source : NULL));
	ok = ok && cJSON_AddItemToObject(doc, "published",
	                                 string_or_null(a ? a->published : NULL));
	ok = ok && cJSON_AddNumberToObject(doc, "quotes", a ? (double)a->n_quotes : 0.0);
	ok = ok && cJSON_AddNumberToObject(doc, "entities", a ? (double)a->n_entities : 0.0);
	ok = ok && cJSON_AddNumberToObject(doc, "problems", (double)problems);
	cJSON *arr = ok ? cJSON_AddArrayToObject(doc, "speakers") : NULL;
	ok = ok && arr;
	for (size_t i = 0; ok && speakers && i < speakers->n; i++) {
		const speaker_row *r = &speakers->rows[i];
		cJSON *o = cJSON_CreateObject();
		ok = o && cJSON_AddItemToArray(arr, o);
		if (!ok) {
			cJSON_Delete(o);
			break;
		}
		ok = cJSON_AddItemToObject(o, "speaker", string_or_null(r->name)) &&
		     cJSON_AddNumberToObject(o, "quotes", (double)r->quotes) &&
		     cJSON_AddNumberToObject(o, "words", (double)r->words);
	}
	if (!ok) {
		cJSON_Delete(doc);
		return -1;
	}
	return print_doc(out, doc, true);
}

/* ---- the table to read ---------------------------------------------------- */

/* Writes s cut or padded to exactly width columns. */
static void pad_to(FILE *out, const char *s, int width)
{
	size_t len = strlen(s), i = 0;
	int used = 0;
	while (i < len) {
		glyph g;
		size_t n = text_next(s, len, i, &g);
		if (used + g.width > width)
			break;
		char buf[4];
		if (g.placeholder || g.newline) {
			size_t k = utf8_encode(g.newline ? ' ' : g.cp, buf);
			fwrite(buf, 1, k, out);
		} else {
			fwrite(s + i, 1, n, out);
		}
		used += g.newline ? 1 : g.width;
		i += n;
	}
	for (; used < width; used++)
		fputc(' ', out);
}

int stats_write_table(FILE *out, const speaker_table *t, const stats_totals *tot,
                      int width)
{
	fprintf(out, "%zu articles (%zu with errors), %zu quotes, %zu words quoted, "
	        "%zu speakers\n\n", tot->articles, tot->failed, t->quotes, t->words, t->n);
	const int name_w = 32, num_w = 8 * 3 + 7;
	int bar_w = width - name_w - num_w - 2;
	if (bar_w < 10)
		bar_w = 10;
	pad_to(out, "speaker", name_w);
	fprintf(out, " %7s %7s %8s  share\n", "quotes", "words", "articles");
	for (size_t i = 0; i < t->n; i++) {
		const speaker_row *r = &t->rows[i];
		double share = t->quotes ? (double)r->quotes / (double)t->quotes : 0;
		pad_to(out, r->name, name_w);
		fprintf(out, " %7zu %7zu %8zu  ", r->quotes, r->words, r->articles);
		int bar = (int)(share * bar_w + 0.5);
		for (int b = 0; b < bar; b++)
			fputs("█", out);
		fprintf(out, "%s%.1f%%\n", bar ? " " : "", share * 100);
	}
	return ferror(out) ? -1 : 0;
}
