/* Tests of the JSON export: the tour article against its golden file, and
 * strings that need escaping coming back intact through a JSON parser. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "export.h"
#include "loader.h"
#include "mem_out.h"
#include "read_file.h"
#include "text.h"

#define TOUR "articles/format-tour.yaml"
#define TOUR_JSON "tests/fixtures/export/format-tour.json"

/* The export of a, as a string the caller frees. */
static char *export_string(const article *a)
{
	mem_out m;
	assert_int_equal(export_json(a, mem_out_open(&m)), 0);
	return mem_out_close(&m);
}

static article *load(const char *path)
{
	article *a = NULL;
	diag_list d = { 0 };
	int rc = load_article(path, &a, &d);
	for (size_t i = 0; i < d.n; i++)
		diag_print(stderr, &d.items[i]);
	diag_list_free(&d);
	assert_int_equal(rc, 0);
	return a;
}

static void test_tour_matches_golden(void **state)
{
	(void)state;
	article *a = load(TOUR);
	char *got = export_string(a);
	char *want = read_file(TOUR_JSON, NULL);
	if (strcmp(got, want) != 0) {
		fprintf(stderr, "export of %s differs from %s; if the change is right, "
		        "regenerate it with: ./quoth export --json %s > %s\n",
		        TOUR, TOUR_JSON, TOUR, TOUR_JSON);
	}
	assert_string_equal(got, want);
	free(got);
	free(want);
	article_free(a);
}

static cJSON *item(const cJSON *o, const char *key)
{
	cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	assert_non_null(v);
	return v;
}

/* What the schema promises, read back through a JSON parser. */
static void test_tour_schema(void **state)
{
	(void)state;
	article *a = load(TOUR);
	char *text = export_string(a);
	cJSON *doc = cJSON_Parse(text);
	assert_non_null(doc);
	assert_string_equal(item(doc, "format")->valuestring, "quoth-article");
	assert_int_equal(item(doc, "version")->valueint, 3);
	assert_string_equal(item(doc, "offsets")->valuestring, "bytes");
	assert_string_equal(item(doc, "body")->valuestring, a->body);

	/* Every mention's offsets cut out its text from the body. */
	const cJSON *e;
	size_t mentions = 0, explicit_ = 0;
	cJSON_ArrayForEach(e, item(doc, "entities")) {
		const cJSON *m;
		cJSON_ArrayForEach(m, item(e, "mentions")) {
			size_t start = (size_t)item(m, "start")->valuedouble;
			size_t end = (size_t)item(m, "end")->valuedouble;
			const char *t = item(m, "text")->valuestring;
			assert_int_equal(end - start, strlen(t));
			assert_memory_equal(a->body + start, t, end - start);
			/* The code point offsets count what comes before. */
			assert_int_equal(item(m, "start_char")->valueint,
			                 utf8_count(a->body, start));
			assert_int_equal(item(m, "end_char")->valueint,
			                 utf8_count(a->body, end));
			explicit_ += cJSON_IsTrue(item(m, "explicit"));
			mentions++;
		}
	}
	assert_int_equal(mentions, a->n_mentions);
	assert_true(explicit_ >= 1);

	/* A split quote has one span per fragment; an unnamed speaker has text. */
	size_t split = 0, unnamed = 0, sources = 0;
	unsigned numbers = 0;
	const cJSON *q;
	cJSON_ArrayForEach(q, item(doc, "quotes")) {
		int n_text = cJSON_GetArraySize(item(q, "text"));
		assert_int_equal(cJSON_GetArraySize(item(q, "spans")), n_text);
		split += n_text > 1;
		const cJSON *sp = item(q, "speaker");
		unnamed += cJSON_IsString(item(sp, "text"));
		assert_true(cJSON_IsTrue(item(q, "resolved")));
		assert_true(cJSON_IsArray(item(q, "cue")));
		numbers |= 1u << item(q, "number")->valueint;
		sources += cJSON_GetArraySize(item(q, "source")) == 1;
	}
	/* Every quote has its own body-order number, 1 to n. */
	assert_int_equal(numbers, (1u << (a->n_quotes + 1)) - 2);
	assert_int_equal(sources, a->n_quotes);
	assert_true(split >= 1);
	assert_true(unnamed >= 1);
	cJSON_Delete(doc);
	free(text);
	article_free(a);
}

/* Quotes, backslashes and control characters are escaped, and come back
 * as they were. */
static void test_escaping_round_trips(void **state)
{
	(void)state;
	const char yaml[] =
		"title: \"He said \\\"no\\\" \\\\ \\e[2J \\t end\"\n"
		"body: \"Line one\\u0001\\n\\nLine two\"\n";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("esc.yaml", yaml, sizeof yaml - 1, &a, &d), 0);
	diag_list_free(&d);
	char *text = export_string(a);
	assert_null(strchr(text, '\x1b'));
	assert_null(strchr(text, '\x01'));
	cJSON *doc = cJSON_Parse(text);
	assert_non_null(doc);
	assert_string_equal(item(item(doc, "metadata"), "title")->valuestring, a->title);
	assert_string_equal(item(doc, "body")->valuestring, a->body);
	assert_true(cJSON_IsNull(item(item(doc, "metadata"), "source")));
	cJSON_Delete(doc);
	free(text);
	article_free(a);
}

/* Quotes are numbered in body order, the unresolved last; code point
 * offsets count an em dash as one, as Python's str does. */
static void test_numbers_and_code_points(void **state)
{
	(void)state;
	static const char yaml[] =
		"title: T\nbody: |\n  A \xE2\x80\x94 \xE2\x80\x9CTwo,\xE2\x80\x9D "
		"she said. \xE2\x80\x9COne.\xE2\x80\x9D\n"
		"quotes:\n  - {text: One., speaker: none}\n"
		"  - {text: Gone., speaker: none}\n"
		"  - {text: 'Two,', speaker: {text: she}, cue: [she, said]}\n";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_tolerant_mem("n.yaml", yaml, sizeof yaml - 1,
	                                           &a, &d), 1);
	diag_list_free(&d);
	char *text = export_string(a);
	cJSON *doc = cJSON_Parse(text);
	assert_non_null(doc);
	const cJSON *qs = item(doc, "quotes");
	const int number[] = { 2, 3, 1 };
	for (int i = 0; i < 3; i++) {
		const cJSON *q = cJSON_GetArrayItem(qs, i);
		assert_int_equal(item(q, "index")->valueint, i + 1);
		assert_int_equal(item(q, "number")->valueint, number[i]);
		assert_int_equal(cJSON_IsTrue(item(q, "resolved")), i != 1);
	}
	const cJSON *two = cJSON_GetArrayItem(qs, 2);
	const cJSON *sp = cJSON_GetArrayItem(item(two, "spans"), 0);
	assert_int_equal(item(sp, "start")->valueint, 6);
	assert_int_equal(item(sp, "start_char")->valueint, 4);
	assert_int_equal(item(sp, "end_char")->valueint, 10);
	assert_int_equal(cJSON_GetArraySize(item(two, "source")), 1);
	const cJSON *src = cJSON_GetArrayItem(item(two, "source"), 0);
	assert_string_equal(item(src, "text")->valuestring, "she");
	assert_int_equal(item(src, "start_char")->valueint, 11);
	const cJSON *cue = item(two, "cue");
	assert_int_equal(cJSON_GetArraySize(cue), 2);
	assert_string_equal(item(cJSON_GetArrayItem(cue, 1), "text")->valuestring,
	                    "said");
	assert_int_equal(cJSON_GetArraySize(item(cJSON_GetArrayItem(qs, 0), "source")), 0);
	assert_int_equal(cJSON_GetArraySize(item(cJSON_GetArrayItem(qs, 1), "spans")), 0);
	cJSON_Delete(doc);
	free(text);
	article_free(a);
}

/* A source in pieces: one span per piece, bytes and code points apart
 * after an em dash; "speaker: unknown" said as such. */
static void test_source_in_pieces(void **state)
{
	(void)state;
	static const char yaml[] =
		"title: T\noffsets: chars\nbody: |\n"
		"  \xE2\x80\x94 The mayor and, later, the chief said it is shut. It rains.\n"
		"quotes:\n"
		"  - text: it is shut\n"
		"    speaker: {text: [The mayor, the chief], span: [[2, 11], [24, 33]]}\n"
		"    cue: said\n    kind: indirect\n"
		"  - {text: It rains, speaker: unknown, kind: indirect}\n";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("p.yaml", yaml, sizeof yaml - 1, &a, &d), 0);
	diag_list_free(&d);
	char *text = export_string(a);
	cJSON *doc = cJSON_Parse(text);
	assert_non_null(doc);
	const cJSON *q = cJSON_GetArrayItem(item(doc, "quotes"), 0);
	const cJSON *src = item(q, "source");
	assert_int_equal(cJSON_GetArraySize(src), 2);
	const char *want[] = { "The mayor", "the chief" };
	const int start_char[] = { 2, 24 }, end_char[] = { 11, 33 };
	for (int k = 0; k < 2; k++) {
		const cJSON *p = cJSON_GetArrayItem(src, k);
		assert_string_equal(item(p, "text")->valuestring, want[k]);
		assert_int_equal(item(p, "start_char")->valueint, start_char[k]);
		assert_int_equal(item(p, "end_char")->valueint, end_char[k]);
		assert_int_equal(item(p, "start")->valueint, start_char[k] + 2);
		assert_int_equal(item(p, "end")->valueint, end_char[k] + 2);
	}
	const cJSON *sp = item(q, "speaker");
	assert_string_equal(item(sp, "text")->valuestring,
	                    "The mayor \xE2\x80\xA6 the chief");
	assert_true(cJSON_IsFalse(item(sp, "unknown")));
	sp = item(cJSON_GetArrayItem(item(doc, "quotes"), 1), "speaker");
	assert_true(cJSON_IsTrue(item(sp, "unknown")));
	assert_true(cJSON_IsFalse(item(sp, "none")));
	cJSON_Delete(doc);
	free(text);
	article_free(a);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tour_matches_golden),
		cmocka_unit_test(test_tour_schema),
		cmocka_unit_test(test_escaping_round_trips),
		cmocka_unit_test(test_numbers_and_code_points),
		cmocka_unit_test(test_source_in_pieces),
	};
	return cmocka_run_group_tests_name("export", tests, NULL, NULL);
}
