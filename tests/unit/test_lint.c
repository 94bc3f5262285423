/* Tests of the lint (lint.h): each warning on a fixture made for it
 * (tests/fixtures/loader/warn-*.yaml), with its exact message and place;
 * an article that warns still loads; the bundled articles and the valid
 * fixture warn about nothing; a rule that must stay quiet does. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_load.h"
#include "expect_diags.h"
#include "lint.h"

#define FIXTURES LOADER_FIXTURES

#define EXPECT(name, want) \
	expect_load_warns(FIXTURES name, want, EXPECT_LEN(want))

/* Loads bytes that must load, and returns how many warnings came. */
static size_t warnings_of(const char *yaml)
{
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("m.yaml", yaml, strlen(yaml), &a, &d), 0);
	expect_print_diags(&d);
	size_t n = diag_count(&d, DIAG_WARNING);
	assert_int_equal(n, d.n);
	article_free(a);
	diag_list_free(&d);
	return n;
}

/* ---- each rule -------------------------------------------------------- */

static void test_entity_not_found(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 8, 11, "entity 'lleida' is not found in the body: its name 'Lerida' "
		         "stands nowhere in it; did you mean 'Lleida'?" },
		{ 14, 11, "entity 'ghost' is not found in the body: neither its name "
		          "'Zanzibar Harbour Trust' nor any of its aliases stands in it" },
	};
	EXPECT("warn-entity-not-found.yaml", want);
}

static void test_spelling_differs_by_normalisation(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 9, 11, "the name 'Marti\xcc\x81' of entity 'marti' is not found in the "
		         "body as typed: the body writes \xc3\xad as one character "
		         "(U+00ED); the name has i + U+0301: retype it" },
		{ 14, 15, "the alias 'Ren\xc3\xa9' of entity 'rene' is not found in the "
		          "body as typed: the body writes \xc3\xa9 as e + U+0301; the "
		          "alias has one character (U+00E9): retype it" },
	};
	EXPECT("warn-normalisation.yaml", want);
}

static void test_quotes_on_the_same_words(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 17, 11, "these words are annotated twice: the quote at line 14 has "
		          "the same span; keep one" },
		{ 22, 11, "this quote of 'ann' lies inside a quote of 'bob' (line 19): "
		          "one of the speakers is wrong, or one of the quotes is too long" },
	};
	EXPECT("warn-quotes-overlap.yaml", want);
}

static void test_marks_no_quote_covers(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 7, 42, "quoted words no quote covers (body line 1): \xe2\x80\x9c" "a fair "
		         "deal\xe2\x80\x9d; if someone is quoted here, add the quote" },
		{ 9, 12, "quoted words no quote covers (body line 3): \xe2\x80\x9e" "das ist "
		         "gut\xe2\x80\x9c; if someone is quoted here, add the quote" },
		{ 9, 30, "quoted words no quote covers (body line 3): \xc2\xab" "c'est "
		         "bon\xc2\xbb; if someone is quoted here, add the quote" },
		{ 9, 48, "quoted words no quote covers (body line 3): \xe3\x80\x8c"
		         "\xe3\x81\x84\xe3\x81\x84\xe3\x81\xa7\xe3\x81\x99\xe3\x81\xad"
		         "\xe3\x80\x8d; if someone is quoted here, add the quote" },
		{ 9, 60, "quoted words no quote covers (body line 3): \"fine\"; if "
		         "someone is quoted here, add the quote" },
	};
	EXPECT("warn-marks.yaml", want);
}

/* Without a literal block the body cannot be mapped to file lines: the
 * warning points at the body's value and names the body line. */
static void test_marks_in_a_quoted_body(void **state)
{
	(void)state;
	static const char yaml[] =
		"title: t\n"
		"body: \"Ann said.\\n\\nShe said \\u201Cno\\u201D.\\n\"\n";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("m.yaml", yaml, sizeof yaml - 1, &a, &d), 0);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 2);
	assert_int_equal(d.items[0].col, 7);
	assert_string_equal(d.items[0].message, "quoted words no quote covers (body "
	                    "line 3): \xe2\x80\x9cno\xe2\x80\x9d; if someone is quoted "
	                    "here, add the quote");
	article_free(a);
	diag_list_free(&d);
}

static void test_hard_wrapped_body(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 3, 7, "the body looks hard-wrapped: 5 of its 5 lines inside "
		        "paragraphs end near column 70; quoth wraps the text itself, "
		        "so write each paragraph on one line, with a blank line "
		        "between paragraphs" },
	};
	EXPECT("warn-wrapped.yaml", want);
}

static void test_folded_body(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 4, 7, "the body spans several lines but is not a literal block "
		        "scalar: YAML joined its lines with spaces, gluing its "
		        "paragraphs; write 'body: |' and the paragraphs below it, "
		        "indented" },
	};
	EXPECT("warn-folded.yaml", want);
}

/* ---- what must stay quiet --------------------------------------------- */

/* The bundled articles and the loader's valid fixture have no slip. */
static void test_bundled_articles_warn_about_nothing(void **state)
{
	(void)state;
	static const char *const paths[] = {
		"articles/kerry-lavrov-moscow.yaml", "articles/format-tour.yaml",
		FIXTURES "valid.yaml",
	};
	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
		expect_load_warns(paths[i], NULL, 0);
}

static void test_quiet_cases(void **state)
{
	(void)state;
	/* A one-line quoted body, entities found, a short paragraph of
	 * lines of one width (fewer than five). */
	assert_int_equal(warnings_of("title: t\nbody: \"Ann met Bob.\"\n"
	                             "entities: [{id: a, name: Ann, type: PERSON}]\n"), 0);
	assert_int_equal(warnings_of("title: t\nbody: |\n"
	                             "  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
	                             "  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
	                             "  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
	                             "  aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
	                             "  end\n"), 0);
	/* An entity given by offsets only is where the annotator says. */
	assert_int_equal(warnings_of("title: t\nbody: |\n  the harbourmaster spoke\n"
	                             "entities:\n  - {id: h, name: Zoe, type: PERSON, "
	                             "mentions: [[0, 17]]}\n"), 0);
	/* Nested quotes of one speaker; a mixed quote holding marks. */
	assert_int_equal(warnings_of("title: t\nbody: |\n"
	                             "  Ann said the plan was \xe2\x80\x9c" "fair\xe2\x80\x9d "
	                             "and good.\n"
	                             "entities: [{id: a, name: Ann, type: PERSON}]\n"
	                             "quotes:\n"
	                             "  - {text: \"the plan was \xe2\x80\x9c" "fair\xe2\x80\x9d "
	                             "and good\", speaker: a, kind: mixed}\n"
	                             "  - {text: fair, speaker: a, kind: partial}\n"), 0);
	/* A spelling found as typed, though the body has its other form too. */
	assert_int_equal(warnings_of("title: t\nbody: |\n  Rene\xcc\x81 and "
	                             "Ren\xc3\xa9\n"
	                             "entities: [{id: r, name: Ren\xc3\xa9, type: PERSON}]\n"), 0);
	/* A straight mark open at a paragraph's end pairs with nothing. */
	assert_int_equal(warnings_of("title: t\nbody: |\n  an \"open\n\n  one\"\n"), 0);
}

/* lint_article() alone on a resolved model: it counts what it adds. */
static void test_lint_counts_its_warnings(void **state)
{
	(void)state;
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article(FIXTURES "warn-marks.yaml", &a, &d), 0);
	diag_list again = { 0 };
	assert_int_equal(lint_article(a, &again), 5);
	assert_int_equal(again.n, 5);
	diag_list_free(&again);
	diag_list_free(&d);
	article_free(a);
}

int main(void)
{
	setlocale(LC_ALL, "");
	if (MB_CUR_MAX == 1)
		setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entity_not_found),
		cmocka_unit_test(test_spelling_differs_by_normalisation),
		cmocka_unit_test(test_quotes_on_the_same_words),
		cmocka_unit_test(test_marks_no_quote_covers),
		cmocka_unit_test(test_marks_in_a_quoted_body),
		cmocka_unit_test(test_hard_wrapped_body),
		cmocka_unit_test(test_folded_body),
		cmocka_unit_test(test_bundled_articles_warn_about_nothing),
		cmocka_unit_test(test_quiet_cases),
		cmocka_unit_test(test_lint_counts_its_warnings),
	};
	return cmocka_run_group_tests_name("lint", tests, NULL, NULL);
}
