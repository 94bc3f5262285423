/* Tests of stats_write_json(): the summary written by hand is, byte for
 * byte, the document cJSON_Print() makes of the same figures (which
 * quoth wrote before), for names that need every escape, missing fields,
 * counts past what an int holds, and shares of every ratio up to 300. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "stats.h"

/* ---- the document as cJSON makes it -------------------------------------- */

static cJSON *string_or_null(const char *s)
{
	return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *speaker_doc(const speaker_row *r, size_t all)
{
	static const char *const kinds[] = { "entity", "unnamed", "none" };
	cJSON *o = cJSON_CreateObject();
	cJSON_AddItemToObject(o, "speaker", string_or_null(r->name));
	cJSON_AddItemToObject(o, "entity", string_or_null(r->entity));
	cJSON_AddItemToObject(o, "kb", string_or_null(r->kb));
	cJSON_AddItemToObject(o, "type", string_or_null(r->type));
	cJSON_AddStringToObject(o, "kind", kinds[r->kind]);
	cJSON_AddNumberToObject(o, "quotes", (double)r->quotes);
	cJSON_AddNumberToObject(o, "words", (double)r->words);
	cJSON_AddNumberToObject(o, "articles", (double)r->articles);
	cJSON_AddNumberToObject(o, "share", all ? (double)r->quotes / (double)all : 0.0);
	cJSON *k = cJSON_AddObjectToObject(o, "by_kind");
	for (int i = 0; i < 4; i++)
		cJSON_AddNumberToObject(k, quote_kind_name((quote_kind)i),
		                        (double)r->by_kind[i]);
	return o;
}

static char *expected(const speaker_table *t, const stats_totals *tot)
{
	cJSON *doc = cJSON_CreateObject();
	cJSON_AddNumberToObject(doc, "articles", (double)tot->articles);
	cJSON_AddNumberToObject(doc, "articles_with_errors", (double)tot->failed);
	cJSON_AddNumberToObject(doc, "entities", (double)tot->entities);
	cJSON_AddNumberToObject(doc, "quotes", (double)t->quotes);
	cJSON_AddNumberToObject(doc, "words", (double)t->words);
	cJSON *arr = cJSON_AddArrayToObject(doc, "speakers");
	for (size_t i = 0; i < t->n; i++)
		cJSON_AddItemToArray(arr, speaker_doc(&t->rows[i], t->quotes));
	char *text = cJSON_Print(doc);
	cJSON_Delete(doc);
	assert_non_null(text);
	size_t n = strlen(text);
	char *line = malloc(n + 2);
	assert_non_null(line);
	memcpy(line, text, n);
	memcpy(line + n, "\n", 2);
	free(text);
	return line;
}

static char *written(const speaker_table *t, const stats_totals *tot)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_non_null(f);
	assert_int_equal(stats_write_json(f, t, tot), 0);
	assert_int_equal(fclose(f), 0);
	return text;
}

static void same_as_cjson(const speaker_table *t, const stats_totals *tot)
{
	char *want = expected(t, tot), *got = written(t, tot);
	assert_string_equal(got, want);
	free(want);
	free(got);
}

/* ---- tables ---------------------------------------------------------------- */

static speaker_row row(const char *name, const char *entity, const char *kb,
                       const char *type, speaker_kind kind, size_t quotes)
{
	return (speaker_row){ .name = (char *)name, .entity = (char *)entity,
	                      .kb = (char *)kb, .type = (char *)type, .kind = kind,
	                      .quotes = quotes, .words = quotes * 7,
	                      .articles = quotes / 2 + 1,
	                      .by_kind = { quotes, quotes / 3, 0, 1 } };
}

static void test_empty_summary(void **state)
{
	(void)state;
	speaker_table t = { 0 };
	stats_totals tot = { 0 };
	same_as_cjson(&t, &tot);
	tot = (stats_totals){ .articles = 3, .failed = 3 };
	same_as_cjson(&t, &tot);
}

static void test_names_with_every_escape(void **state)
{
	(void)state;
	speaker_row rows[] = {
		row("Ann \"The Voice\" Lee", "ann", "Q1", "PERSON", SPEAKER_ENTITY, 3),
		row("back\\slash\tand\nlines\r\b\f", NULL, NULL, NULL, SPEAKER_UNNAMED, 2),
		row("\x01\x1f\x7f controls", NULL, NULL, NULL, SPEAKER_UNNAMED, 1),
		row("caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x98\x80", "e2", NULL,
		    "ORG", SPEAKER_ENTITY, 1),
		row("", "", "", "", SPEAKER_ENTITY, 1),
		row("(no speaker)", NULL, NULL, NULL, SPEAKER_NONE, 0),
	};
	speaker_table t = { .rows = rows, .n = sizeof rows / sizeof *rows,
	                    .quotes = 8, .words = 56 };
	stats_totals tot = { .articles = 10, .failed = 1, .entities = 44 };
	same_as_cjson(&t, &tot);
}

static void test_counts_past_an_int(void **state)
{
	(void)state;
	const size_t big[] = { (size_t)INT_MAX - 1, (size_t)INT_MAX, (size_t)INT_MAX + 1,
	                       (size_t)1 << 40, ((size_t)1 << 53) + 1, SIZE_MAX };
	for (size_t i = 0; i < sizeof big / sizeof *big; i++) {
		speaker_row rows[] = { row("A", "a", NULL, "PERSON", SPEAKER_ENTITY, big[i]) };
		speaker_table t = { .rows = rows, .n = 1, .quotes = big[i], .words = big[i] };
		stats_totals tot = { .articles = big[i], .entities = big[i] };
		same_as_cjson(&t, &tot);
	}
}

static void test_shares_of_every_ratio(void **state)
{
	(void)state;
	/* One speaker per numerator: shares q / all for all up to 300. */
	speaker_row *rows = calloc(301, sizeof *rows);
	assert_non_null(rows);
	for (size_t all = 1; all <= 300; all++) {
		for (size_t q = 0; q <= all; q++)
			rows[q] = row("S", NULL, NULL, NULL, SPEAKER_UNNAMED, q);
		speaker_table t = { .rows = rows, .n = all + 1, .quotes = all };
		stats_totals tot = { .articles = all };
		same_as_cjson(&t, &tot);
	}
	free(rows);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_summary),
		cmocka_unit_test(test_names_with_every_escape),
		cmocka_unit_test(test_counts_past_an_int),
		cmocka_unit_test(test_shares_of_every_ratio),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
