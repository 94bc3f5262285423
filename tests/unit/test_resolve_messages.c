/* Tests of the resolver's messages people trip on (issue 12): a line
 * break, a no-break space or a curly mark shown visibly where the body and
 * the quote part; the near match with marks, dashes and spaces taken as
 * alike; a split quote written as one string; a speaker given as words;
 * the caret under the first character that differs; file lines beside
 * body lines.  One fixture (tests/fixtures/loader/msg-*.yaml) per
 * message, loaded whole, each message compared exactly. */
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
#include "mem_out.h"

#define FIXTURES LOADER_FIXTURES

/* Loads a fixture that must fail with exactly the problems in want, at
 * their places. */
#define EXPECT(name, want) \
	expect_load_fails(FIXTURES name, want, EXPECT_LEN(want))

/* ---- differences shown visibly (bug 4) ----------------------------------- */

static void test_line_break_at_the_difference_is_shown(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 8, 21, "quote text not found in the body: the longest match, \"a fair "
		         "and\", starts at body line 1, column 48 (file line 5), then the "
		         "body has \"\\nhonest\" where the quote has \"\xC2\xB7" "honest\"" },
	};
	EXPECT("msg-wrapped-line.yaml", want);
}

static void test_span_across_a_line_break_is_shown(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 8, 11, "quote text \"fair and\xC2\xB7" "honest\" and span [48, 63] "
		         "disagree from character 9: the body there has \"fair "
		         "and\\nhonest\"" },
	};
	EXPECT("msg-span-disagrees.yaml", want);
}

/* ---- the near match (bug 5) ---------------------------------------------- */

static void test_straight_apostrophe_finds_the_curly_one(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 23, 17, "quote text not found in the body as written, but it stands "
		          "at body line 13, column 2 (file line 17) with quotation "
		          "marks, apostrophes, dashes and spaces taken as alike: the "
		          "body has \xE2\x80\x99 (U+2019) where the quote has ' (U+0027) "
		          "\xE2\x80\x94 did you mean \"Ferrer\xE2\x80\x99s union will "
		          "hold\"?" },
	};
	EXPECT("msg-curly-apostrophe.yaml", want);
}

static void test_space_for_a_line_break(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 8, 21, "quote text not found in the body as written, but it stands "
		         "at body line 1, column 48 (file line 5) with quotation marks, "
		         "apostrophes, dashes and spaces taken as alike: the body has "
		         "\\n (U+000A) where the quote has \xC2\xB7 (U+0020) \xE2\x80\x94 "
		         "did you mean \"a fair and\\nhonest act\"?" },
	};
	EXPECT("msg-wrapped-near.yaml", want);
}

static void test_space_for_a_no_break_space(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 7, 14, "quote text not found in the body as written, but it stands "
		         "at body line 1, column 22 (file line 5) with quotation marks, "
		         "apostrophes, dashes and spaces taken as alike: the body has "
		         "U+00A0 where the quote has \xC2\xB7 (U+0020) \xE2\x80\x94 did "
		         "you mean \"10\xC2\xA0" "000 jobs by the summer\"?" },
	};
	EXPECT("msg-nbsp.yaml", want);
}

static void test_hyphen_for_an_en_dash(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 6, 26, "quote text not found in the body as written, but it stands "
		         "at body line 1, column 21 (file line 4) with quotation marks, "
		         "apostrophes, dashes and spaces taken as alike: the body has "
		         "\xE2\x80\x93 (U+2013) where the quote has - (U+002D) "
		         "\xE2\x80\x94 did you mean \"the worst 2019\xE2\x80\x93" "2020 "
		         "season in memory\"?" },
	};
	EXPECT("msg-dash.yaml", want);
}

static void test_later_fragment_near_match(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 7, 38, "quote fragment 2 not found after fragment 1 as written, but "
		         "it stands at body line 1, column 38 (file line 5) with "
		         "quotation marks, apostrophes, dashes and spaces taken as "
		         "alike: the body has \xE2\x80\x94 (U+2014) where the quote has "
		         "- (U+002D) \xE2\x80\x94 did you mean \"now \xE2\x80\x94 not "
		         "next year.\"?" },
	};
	EXPECT("msg-fragment-near.yaml", want);
}

/* The near match is looked for after the fragment before. */
static void test_later_fragment_near_match_after_the_first(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 7, 38, "quote fragment 2 not found after fragment 1 as written, but "
		         "it stands at body line 1, column 69 (file line 5) with "
		         "quotation marks, apostrophes, dashes and spaces taken as "
		         "alike: the body has \xE2\x80\x94 (U+2014) where the quote has "
		         "- (U+002D) \xE2\x80\x94 did you mean \"now \xE2\x80\x94 not "
		         "next year.\"?" },
	};
	EXPECT("msg-fragment-near-after.yaml", want);
}

/* A run of white space is one space: the body's two are shown. */
static void test_two_spaces_for_one(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 7, 15, "quote text not found in the body as written, but it stands "
		         "at body line 1, column 23 (file line 5) with quotation marks, "
		         "apostrophes, dashes and spaces taken as alike: the body has "
		         "\"\xC2\xB7\xC2\xB7\" where the quote has \xC2\xB7 (U+0020) "
		         "\xE2\x80\x94 did you mean \"good  for the town\"?" },
	};
	EXPECT("msg-double-space.yaml", want);
}

static void test_first_character_differs(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 7, 12, "quote text not found in the body as written, but it stands "
		         "at body line 1, column 15 (file line 5) with quotation marks, "
		         "apostrophes, dashes and spaces taken as alike: the body has "
		         "\xE2\x80\x98 (U+2018) where the quote has ' (U+0027) "
		         "\xE2\x80\x94 did you mean \"\xE2\x80\x98" "a mistake"
		         "\xE2\x80\x99\"?" },
	};
	EXPECT("msg-first-char.yaml", want);
}

/* An escape stands before the difference: the file does not write the
 * text as it reads, and the caret stays at the value's start. */
static void test_escaped_text_keeps_the_caret_at_its_start(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 7, 11, "quote text not found in the body as written, but it stands "
		         "at body line 1, column 5 (file line 5) with quotation marks, "
		         "apostrophes, dashes and spaces taken as alike: the body has "
		         "\xE2\x80\x9C (U+201C) where the quote has \" (U+0022) "
		         "\xE2\x80\x94 did you mean \"caf\xC3\xA9 called it "
		         "\xE2\x80\x9Cthe worst 2019\xE2\x80\x93" "2020\"?" },
	};
	EXPECT("msg-escape.yaml", want);
}

/* ---- split quotes, speakers, repeats ---------------------------------- */

static void test_split_quote_written_as_one_string(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 9, 11, "quote text not found in the body: its beginning and its end "
		         "stand apart at body line 3, column 2 (file line 7), with "
		         "\"\xE2\x80\x9D the mayor said on Friday, \xE2\x80\x9C\" between "
		         "them; if the words between are not quoted, write the fragments "
		         "as a list: text: [\"We will build the bridge,\", \"and we will "
		         "pay for it.\"]" },
	};
	EXPECT("msg-split-quote.yaml", want);
}

/* The end of the text stands close, but in the next paragraph. */
static void test_no_split_across_paragraphs(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 9, 23, "quote text not found in the body: the longest match, \"We "
		         "will win,\", starts at body line 1, column 2 (file line 5), "
		         "then the body has \"<U+201D>\" where the quote has "
		         "\"\xC2\xB7" "and\"" },
	};
	EXPECT("msg-split-two-paragraphs.yaml", want);
}

static void test_speaker_given_as_words(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 7, 14, "speaker 'the mayor' is not an entity id: for the words that "
		         "stand for a speaker with no entity, write speaker: {text: the "
		         "mayor}" },
	};
	EXPECT("msg-speaker-words.yaml", want);
}

static void test_speaker_given_as_an_entity_name(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 11, 14, "speaker 'ada colau' is not an entity id but the name of "
		          "entity 'colau': write speaker: {entity: colau, text: ada "
		          "colau}" },
	};
	EXPECT("msg-speaker-name.yaml", want);
}

static void test_repeated_quote_gives_file_lines(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 8, 11, "quote text stands 2 times in the body (body lines 1 and 3; "
		         "file lines 4 and 6); add \"occurrence: N\" to say which" },
	};
	EXPECT("msg-stands-twice.yaml", want);
}

/* ---- the caret ------------------------------------------------------- */

static void test_caret_under_the_difference(void **state)
{
	(void)state;
	static const expect want[] = {
		{ 10, 26, "quote text not found in the body: the longest match, \"We "
		          "will build\", starts at body line 1, column 2 (file line 6), "
		          "then the body has \"the\" where the quote has \"a\"" },
		{ 11, 11, "quote text not found in the body: the longest match, \"It "
		          "will open in the\", starts at body line 3, column 2 (file "
		          "line 8), then the body has \"spring\" where the quote has "
		          "\"summer\"" },
		{ 14, 12, "quote text not found in the body: the longest match, \"It "
		          "will open in\", starts at body line 3, column 2 (file line "
		          "8), then the body has \"the\" where the quote has "
		          "\"winter\"" },
	};
	EXPECT("msg-caret-flow.yaml", want);
}

/* The whole report as printed: the compiler's style, the caret under the
 * apostrophe the body writes otherwise. */
static void test_printed_with_source_line_and_caret(void **state)
{
	(void)state;
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article(FIXTURES "msg-curly-apostrophe.yaml", &a, &d), -1);
	assert_int_equal(d.n, 1);
	mem_out m;
	diag_print(mem_out_open(&m), &d.items[0]);
	char *out = mem_out_close(&m);
	const char *tail = strchr(out, '\n');
	assert_non_null(tail);
	assert_string_equal(tail + 1,
	                    "   23 |   - text: Ferrer's union will hold\n"
	                    "      |                 ^\n");
	free(out);
	diag_list_free(&d);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_break_at_the_difference_is_shown),
		cmocka_unit_test(test_span_across_a_line_break_is_shown),
		cmocka_unit_test(test_straight_apostrophe_finds_the_curly_one),
		cmocka_unit_test(test_space_for_a_line_break),
		cmocka_unit_test(test_space_for_a_no_break_space),
		cmocka_unit_test(test_hyphen_for_an_en_dash),
		cmocka_unit_test(test_later_fragment_near_match),
		cmocka_unit_test(test_later_fragment_near_match_after_the_first),
		cmocka_unit_test(test_two_spaces_for_one),
		cmocka_unit_test(test_first_character_differs),
		cmocka_unit_test(test_escaped_text_keeps_the_caret_at_its_start),
		cmocka_unit_test(test_split_quote_written_as_one_string),
		cmocka_unit_test(test_no_split_across_paragraphs),
		cmocka_unit_test(test_speaker_given_as_words),
		cmocka_unit_test(test_speaker_given_as_an_entity_name),
		cmocka_unit_test(test_repeated_quote_gives_file_lines),
		cmocka_unit_test(test_caret_under_the_difference),
		cmocka_unit_test(test_printed_with_source_line_and_caret),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
