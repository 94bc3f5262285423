/* stats.c - `quoth stats`: who is quoted, written for people and scripts. */
#include "stats.h"

#include <float.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
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

/* ---- the summary as JSON ------------------------------------------------- */

/* The summary is written directly, byte for byte as cJSON_Print() writes
 * the same document (tabs, ": \t", "}, {"): a corpus whose speakers are
 * counted by their words ("he", "a spokesman") has thousands, and
 * building and printing a tree of them was a tenth of quoth stats' work,
 * all of it after the threads are done. */

/* Output gathered in a block and written a block at a time: a character
 * at a time through stdio takes its lock each time. */
typedef struct jout {
	FILE *f;
	size_t n;
	char buf[8192];
} jout;

static void jflush(jout *o)
{
	fwrite(o->buf, 1, o->n, o->f);
	o->n = 0;
}

static void jc(jout *o, char c)
{
	if (o->n == sizeof o->buf)
		jflush(o);
	o->buf[o->n++] = c;
}

static void js(jout *o, const char *s)
{
	for (; *s; s++)
		jc(o, *s);
}

static void json_tabs(jout *out, int depth)
{
	for (int i = 0; i < depth; i++)
		jc(out, '\t');
}

/* A string with cJSON's escapes, or null. */
static void json_string(jout *out, const char *s)
{
	if (!s) {
		js(out, "null");
		return;
	}
	jc(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': js(out, "\\\""); break;
		case '\\': js(out, "\\\\"); break;
		case '\b': js(out, "\\b"); break;
		case '\f': js(out, "\\f"); break;
		case '\n': js(out, "\\n"); break;
		case '\r': js(out, "\\r"); break;
		case '\t': js(out, "\\t"); break;
		default:
			if (*p < 32) {
				char esc[8];
				snprintf(esc, sizeof esc, "\\u%04x", *p);
				js(out, esc);
			} else {
				jc(out, (char)*p);
			}
		}
	}
	jc(out, '"');
}

/* A number as cJSON prints it: 15 significant digits when they read back
 * as the same double (within cJSON's tolerance), else 17; the locale's
 * decimal point written as '.'. */
static void json_double(jout *out, double d)
{
	if (isnan(d) || isinf(d)) {
		js(out, "null");
		return;
	}
	char buf[32];
	snprintf(buf, sizeof buf, "%1.15g", d);
	char *end;
	double back = strtod(buf, &end);
	double most = fabs(back) > fabs(d) ? fabs(back) : fabs(d);
	if (end == buf || fabs(back - d) > most * DBL_EPSILON)
		snprintf(buf, sizeof buf, "%1.17g", d);
	const char *point = localeconv()->decimal_point;
	for (char *c = buf; *c; c++)
		jc(out, point && *c == *point ? '.' : *c);
}

/* A count: the digits, as cJSON prints a whole number an int holds. */
static void json_count(jout *out, size_t v)
{
	if (v > INT_MAX) {
		json_double(out, (double)v);
		return;
	}
	char digits[24];
	size_t n = sizeof digits;
	digits[--n] = '\0';
	do
		digits[--n] = (char)('0' + v % 10);
	while ((v /= 10) > 0);
	js(out, digits + n);
}

/* "KEY":<tab> at depth, the value to follow. */
static void json_key(jout *out, int depth, const char *key)
{
	json_tabs(out, depth);
	json_string(out, key);
	js(out, ":\t");
}

static void speaker_json(jout *out, const speaker_row *r, size_t all_quotes)
{
	js(out, "{\n");
	json_key(out, 3, "speaker");
	json_string(out, r->name);
	js(out, ",\n");
	json_key(out, 3, "entity");
	json_string(out, r->entity);
	js(out, ",\n");
	json_key(out, 3, "kb");
	json_string(out, r->kb);
	js(out, ",\n");
	json_key(out, 3, "type");
	json_string(out, r->type);
	js(out, ",\n");
	json_key(out, 3, "kind");
	json_string(out, kind_names[r->kind]);
	js(out, ",\n");
	const char *counts[] = { "quotes", "words", "articles" };
	const size_t values[] = { r->quotes, r->words, r->articles };
	for (int i = 0; i < 3; i++) {
		json_key(out, 3, counts[i]);
		json_count(out, values[i]);
		js(out, ",\n");
	}
	json_key(out, 3, "share");
	json_double(out, all_quotes ? (double)r->quotes / (double)all_quotes : 0.0);
	js(out, ",\n");
	json_key(out, 3, "by_kind");
	js(out, "{\n");
	for (int i = 0; i < 4; i++) {
		json_key(out, 4, quote_kind_name((quote_kind)i));
		json_count(out, r->by_kind[i]);
		js(out, i < 3 ? ",\n" : "\n");
	}
	json_tabs(out, 3);
	js(out, "}\n");
	json_tabs(out, 2);
	jc(out, '}');
}

static void summary_json(jout *out, const speaker_table *t, const stats_totals *tot)
{
	js(out, "{\n");
	const char *keys[] = { "articles", "articles_with_errors", "entities",
	                       "quotes", "words" };
	const size_t values[] = { tot->articles, tot->failed, tot->entities,
	                          t->quotes, t->words };
	for (int i = 0; i < 5; i++) {
		json_key(out, 1, keys[i]);
		json_count(out, values[i]);
		js(out, ",\n");
	}
	json_key(out, 1, "speakers");
	jc(out, '[');
	for (size_t i = 0; i < t->n; i++) {
		if (i > 0)
			js(out, ", ");
		speaker_json(out, &t->rows[i], t->quotes);
	}
	js(out, "]\n}\n");
}

int stats_write_json(FILE *out, const speaker_table *t, const stats_totals *tot)
{
	jout *o = malloc(sizeof *o);
	if (!o)
		return -1;
	o->f = out;
	o->n = 0;
	summary_json(o, t, tot);
	jflush(o);
	free(o);
	return ferror(out) ? -1 : 0;
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
