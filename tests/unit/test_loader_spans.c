/* Tests of the loader's positions (issue 13): the offset unit, a quote's
 * span, cue_span and speaker span, a cue in pieces, 'speaker: none', an
 * entity given by its mentions only; every new problem with its exact
 * message and place, from the fixtures spans-errors.yaml (the loader's
 * problems) and spans-bad.yaml (the spans checked against the body). */
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

#include "expect_diags.h"
#include "loader.h"
#include "read_file.h"

#define FIXTURES LOADER_FIXTURES

/* The model of a fixture as the loader leaves it, unresolved. */
static article *parse_fixture(const char *name, diag_list *d)
{
	char path[256];
	snprintf(path, sizeof path, FIXTURES "%s", name);
	size_t len = 0;
	char *bytes = read_file(path, &len);
	assert_non_null(bytes);
	article *a = NULL;
	loader_parse(path, bytes, len, &a, d);
	free(bytes);
	return a;
}

static void assert_span(span s, size_t start, size_t end)
{
	assert_int_equal(s.start, start);
	assert_int_equal(s.end, end);
}

static void test_every_construct_loads(void **state)
{
	(void)state;
	diag_list d = { 0 };
	article *a = parse_fixture("spans-valid.yaml", &d);
	expect_diags(&d, NULL, 0);
	assert_non_null(a);
	assert_int_equal(a->offsets, OFFSETS_CHARS);
	/* An entity by its mentions only: no name until resolved. */
	assert_null(a->entities[1].name);
	assert_int_equal(a->entities[1].n_given, 1);
	assert_span(a->entities[1].given[0], 56, 65);
	assert_int_equal(a->n_quotes, 6);
	const quote *q = &a->quotes[0];
	assert_int_equal(q->n_given, 1);
	assert_span(q->given[0], 11, 29);   /* as written: code points */
	assert_int_equal(q->given_pos[0].line, 16);
	assert_int_equal(q->given_pos[0].col, 11);
	assert_string_equal(q->speaker_id, "kerry");
	assert_string_equal(q->speaker_text, "he");
	assert_int_equal(q->n_cue_given, 1);
	assert_span(q->cue_given[0], 35, 39);
	q = &a->quotes[1];
	assert_int_equal(q->n_fragments, 0);
	assert_int_equal(q->n_given, 2);
	assert_span(q->given[1], 79, 86);
	assert_int_equal(q->n_cue, 2);
	assert_string_equal(q->cue[0], "was");
	assert_string_equal(q->cue[1], "slated");
	assert_int_equal(q->cue_piece_pos[1].col, 16);
	assert_true(a->quotes[2].no_speaker);
	assert_null(a->quotes[2].speaker_id);
	q = &a->quotes[3];
	assert_int_equal(q->n_source_given, 1);
	assert_span(q->source_given[0], 2, 7);
	assert_int_equal(q->n_speaker_pieces, 0);
	/* A source in pieces: its words one per span, shown joined. */
	q = &a->quotes[4];
	assert_int_equal(q->n_source_given, 2);
	assert_span(q->source_given[0], 42, 50);
	assert_span(q->source_given[1], 56, 65);
	assert_int_equal(q->source_given_pos[1].line, 32);
	assert_int_equal(q->source_given_pos[1].col, 61);
	assert_int_equal(q->n_speaker_pieces, 2);
	assert_string_equal(q->speaker_pieces[0], "The vote");
	assert_string_equal(q->speaker_pieces[1], "officials");
	assert_int_equal(q->speaker_piece_pos[1].col, 32);
	assert_string_equal(q->speaker_text, "The vote \xe2\x80\xa6 officials");
	assert_false(q->speaker_unknown);
	/* A source there is but not given: "unknown", not "none". */
	q = &a->quotes[5];
	assert_true(q->speaker_unknown);
	assert_false(q->no_speaker);
	assert_null(q->speaker_id);
	assert_null(q->speaker_text);
	assert_false(a->quotes[2].speaker_unknown);
	for (size_t i = 0; i < a->n_quotes; i++)
		assert_false(a->quotes[i].malformed);
	article_free(a);
	diag_list_free(&d);
}

/* offsets: bytes is the default. */
static void test_offsets_default_to_bytes(void **state)
{
	(void)state;
	diag_list d = { 0 };
	article *a = parse_fixture("spans-bad.yaml", &d);
	assert_non_null(a);
	assert_int_equal(a->offsets, OFFSETS_BYTES);
	article_free(a);
	diag_list_free(&d);
}

static void test_loader_problems(void **state)
{
	(void)state;
	const expect want[] = {
		{ 2, 10, "unknown offset unit 'lines'; use bytes or chars" },
		{ 7, 12, "a span offset must be a whole number, 0 or more, not '-1'" },
		{ 10, 11, "span [5, 2] is reversed: its start must not come after "
		          "its end" },
		{ 13, 11, "a span must be a pair [start, end] of offsets; this one "
		          "has 3 items" },
		{ 16, 10, "'cue' is an empty list: write the cue's words, one string "
		          "per piece, or remove the key" },
		{ 17, 15, "'cue_span' must be a pair [start, end] of offsets into the "
		          "body, or a list of such pairs, not a string" },
		{ 18, 22, "a speaker's text in 2 pieces needs its 'span': one "
		          "[start, end] pair per piece, as the importers write it; or "
		          "give the words as one string" },
		{ 19, 5, "quote is missing required key 'text'" },
		{ 22, 21, "a speaker's 'text' is an empty list: write its words, one "
		          "string per piece, or remove the key" },
		{ 24, 29, "each piece of a speaker's 'text' must be a string, not a "
		          "list" },
	};
	expect_load_fails(FIXTURES "spans-errors.yaml", want, EXPECT_LEN(want));
}

static void test_spans_checked_against_the_body(void **state)
{
	(void)state;
	const expect want[] = {
		{ 8, 5, "entity 'empty' has no name and no mentions: give 'name', or "
		        "'mentions' to take it from" },
		{ 13, 11, "span [1, 5] cuts a UTF-8 character at byte 1" },
		{ 16, 11, "span [40, 90] ends past the body, which has 47 bytes" },
		{ 19, 22, "span 2 [20, 27] overlaps or comes before the piece before "
		          "it: the pieces of one quote go in body order, apart" },
		{ 22, 11, "quote text \"not based on truth\" and span [24, 42] "
		          "disagree from character 17: the body there has \"not "
		          "based on trust\"" },
		{ 25, 11, "1 span given for 2 pieces of quote text: give one "
		          "[start, end] pair per piece" },
		{ 30, 16, "2 cue spans given for 1 piece of cue: give one "
		          "[start, end] pair per piece" },
		{ 32, 48, "speaker text \"Kery\" and speaker span [5, 10] disagree "
		          "from character 4: the body there has \"Kerry\"" },
		/* A source in pieces: overlapping, out of order, past the end,
		 * a piece's words not the body's, one string for two spans. */
		{ 34, 52, "speaker span 2 [8, 15] overlaps or comes before the piece "
		          "before it: the pieces of one quote go in body order, apart" },
		{ 36, 53, "speaker span 2 [5, 10] overlaps or comes before the piece "
		          "before it: the pieces of one quote go in body order, apart" },
		{ 38, 52, "speaker span 2 [11, 90] ends past the body, which has 47 "
		          "bytes" },
		{ 40, 51, "speaker text \"sad\" and speaker span 2 [11, 15] disagree "
		          "from character 3: the body there has \"said\"" },
		{ 42, 40, "2 speaker spans given for 1 piece of speaker text: give "
		          "one [start, end] pair per piece" },
	};
	expect_load_fails(FIXTURES "spans-bad.yaml", want, EXPECT_LEN(want));
}

/* With offsets: chars, a position past the body counts characters. */
static void test_chars_past_the_end(void **state)
{
	(void)state;
	static const char yaml[] =
		"title: T\noffsets: chars\nbody: \"\\u2014 yes\"\nquotes:\n"
		"  - span: [2, 6]\n    speaker: none\n";
	const expect want[] = {
		{ 5, 11, "span [2, 6] ends past the body, which has 5 characters" },
	};
	expect_mem_fails("m.yaml", yaml, sizeof yaml - 1, want, 1);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_construct_loads),
		cmocka_unit_test(test_offsets_default_to_bytes),
		cmocka_unit_test(test_loader_problems),
		cmocka_unit_test(test_spans_checked_against_the_body),
		cmocka_unit_test(test_chars_past_the_end),
	};
	return cmocka_run_group_tests_name("loader_spans", tests, NULL, NULL);
}
