/* Tests of the resolver's positions (issue 13): code points against
 * bytes with an emoji and an em dash before a span, discontinuous
 * content, a cue in pieces, the source located ("he" nearest the quote,
 * an unnamed speaker's words, a named speaker's mention), 'speaker:
 * none', an entity by position only, the message when text and span
 * disagree, and the tolerant load of a broken file. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_load.h"
#include "resolve.h"

/* An emoji (4 bytes) and an em dash (3 bytes) before the quote: its words
 * stand at code point 11 and byte 18. */
#define BODY "  \xF0\x9F\x98\x80 Kerry \xE2\x80\x94 \xE2\x80\x9Cnot based on trust,\xE2\x80\x9D he said.\n"

static article *load_ok(const char *yaml)
{
	article *a = NULL;
	diag_list d = { 0 };
	int rc = load_article_mem("t.yaml", yaml, strlen(yaml), &a, &d);
	for (size_t i = 0; i < d.n; i++)
		print_message("  got %d:%d: %s\n", d.items[i].line, d.items[i].col,
		              d.items[i].message);
	diag_list_free(&d);
	assert_int_equal(rc, 0);
	return a;
}

/* The one message a load gives. */
static void load_fails_with(const char *yaml, int line, int col,
                            const char *message)
{
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("t.yaml", yaml, strlen(yaml), &a, &d), -1);
	assert_null(a);
	for (size_t i = 0; i < d.n; i++)
		print_message("  got %d:%d: %s\n", d.items[i].line, d.items[i].col,
		              d.items[i].message);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].message, message);
	assert_int_equal(d.items[0].line, line);
	assert_int_equal(d.items[0].col, col);
	diag_list_free(&d);
}

static void expect_text(const article *a, span s, const char *text)
{
	assert_true(s.start <= s.end && s.end <= a->body_len);
	assert_int_equal(s.end - s.start, strlen(text));
	assert_memory_equal(a->body + s.start, text, s.end - s.start);
}

static void test_chars_and_bytes_name_the_same_words(void **state)
{
	(void)state;
	const char *units[] = { "chars", "bytes" };
	const char *pairs[] = { "[11, 29]", "[18, 36]" };
	for (int u = 0; u < 2; u++) {
		char yaml[512];
		snprintf(yaml, sizeof yaml, "title: T\noffsets: %s\nbody: |\n" BODY
		         "quotes:\n  - span: %s\n    speaker: none\n    kind: indirect\n",
		         units[u], pairs[u]);
		article *a = load_ok(yaml);
		const quote *q = &a->quotes[0];
		assert_true(q->resolved);
		assert_int_equal(q->spans[0].start, 18);
		expect_text(a, q->spans[0], "not based on trust");
		/* Given only by position, the words are read from the body. */
		assert_string_equal(q->fragments[0], "not based on trust");
		article_free(a);
	}
}

/* In bytes, a position inside a character says so. */
static void test_bytes_inside_a_character(void **state)
{
	(void)state;
	load_fails_with("title: T\nbody: |\n" BODY "quotes:\n  - span: [16, 36]\n"
	                "    speaker: none\n", 5, 11,
	                "span [16, 36] cuts a UTF-8 character at byte 16");
}

static void test_discontinuous_content_and_cue_in_pieces(void **state)
{
	(void)state;
	article *a = load_ok(
		"title: T\noffsets: chars\nbody: |\n"
		"  The vote was, officials said, slated for May.\n"
		"quotes:\n"
		"  - span: [[0, 8], [37, 44]]\n"
		"    text: [The vote, for May]\n"
		"    kind: indirect\n"
		"    speaker: {text: officials}\n"
		"    cue: [was, slated]\n");
	const quote *q = &a->quotes[0];
	assert_true(q->resolved);
	expect_text(a, q->spans[0], "The vote");
	assert_int_equal(q->n_cue_spans, 2);
	expect_text(a, q->cue_spans[0], "was");
	expect_text(a, q->cue_spans[1], "slated");
	assert_int_equal(q->n_source_spans, 1);
	expect_text(a, q->source_spans[0], "officials");
	article_free(a);
}

/* A source in pieces, by position in code points after an emoji: each
 * piece made bytes, in body order; given with only its spans, too. */
static void test_source_in_pieces(void **state)
{
	(void)state;
	article *a = load_ok(
		"title: T\noffsets: chars\nbody: |\n"
		"  \xF0\x9F\x98\x80 The mayor and, by letter, the chief said it is shut.\n"
		"quotes:\n"
		"  - text: it is shut\n    kind: indirect\n    cue: said\n"
		"    speaker: {text: [The mayor, the chief], span: [[2, 11], [28, 37]]}\n"
		"  - text: it is shut\n    kind: indirect\n    occurrence: 1\n"
		"    speaker: {span: [[2, 11], [28, 37]]}\n");
	for (size_t i = 0; i < 2; i++) {
		const quote *q = &a->quotes[i];
		assert_true(q->resolved);
		assert_int_equal(q->n_source_spans, 2);
		expect_text(a, q->source_spans[0], "The mayor");
		expect_text(a, q->source_spans[1], "the chief");
		assert_int_equal(q->source_spans[0].start, 5);   /* 4 bytes, 1 char */
	}
	assert_string_equal(a->quotes[0].speaker_text,
	                    "The mayor \xE2\x80\xA6 the chief");
	assert_null(a->quotes[1].speaker_text);
	article_free(a);
}

/* Of the pronouns "he" around a quote, the nearest outside it; "He" at
 * the start of a sentence is another word (case as written). */
static void test_pronoun_nearest_the_quote(void **state)
{
	(void)state;
	article *a = load_ok(
		"title: T\nbody: |\n"
		"  He came, he saw. \xE2\x80\x9C" "Then he left,\xE2\x80\x9D he said.\n"
		"entities:\n  - {id: kerry, name: Kerry, type: PERSON}\n"
		"quotes:\n"
		"  - text: Then he left,\n"
		"    speaker: {entity: kerry, text: he}\n"
		"    cue: said\n");
	const quote *q = &a->quotes[0];
	assert_int_equal(q->speaker, 0);
	assert_int_equal(q->n_source_spans, 1);
	expect_text(a, q->source_spans[0], "he");
	assert_int_equal(q->source_spans[0].start, 37);   /* after the quote */
	article_free(a);
}

/* A named speaker with no words: its nearest mention in the paragraph;
 * none there, no source. */
static void test_named_speaker_nearest_mention(void **state)
{
	(void)state;
	article *a = load_ok(
		"title: T\nbody: |\n"
		"  Kerry spoke.\n\n  Kerry met Lavrov. \xE2\x80\x9CYes,\xE2\x80\x9D Kerry said.\n\n"
		"  \xE2\x80\x9CNo.\xE2\x80\x9D\n"
		"entities:\n  - {id: kerry, name: Kerry, type: PERSON}\n"
		"quotes:\n  - {text: 'Yes,', speaker: kerry}\n"
		"  - {text: No., speaker: kerry}\n");
	assert_int_equal(a->quotes[0].n_source_spans, 1);
	expect_text(a, a->quotes[0].source_spans[0], "Kerry");
	assert_int_equal(a->quotes[0].source_spans[0].start, 43);   /* not 14 */
	assert_int_equal(a->quotes[1].n_source_spans, 0);
	article_free(a);
}

static void test_speaker_none(void **state)
{
	(void)state;
	article *a = load_ok("title: T\nbody: |\n  \xE2\x80\x9CYes.\xE2\x80\x9D\n"
	                     "quotes:\n  - {text: Yes., speaker: none}\n");
	const quote *q = &a->quotes[0];
	assert_true(q->resolved);
	assert_true(q->no_speaker);
	assert_int_equal(q->speaker, -1);
	assert_int_equal(q->n_source_spans, 0);
	article_free(a);
}

/* Named after its first mention, and that name is not searched for. */
static void test_entity_by_position_only(void **state)
{
	(void)state;
	article *a = load_ok("title: T\noffsets: chars\nbody: |\n"
	                     "  \xC3\x85ngstr\xC3\xB6m spoke; \xC3\x85ngstr\xC3\xB6m left.\n"
	                     "entities:\n  - {id: T3, type: PERSON, mentions: [[0, 8]]}\n");
	const entity *e = &a->entities[0];
	assert_string_equal(e->name, "\xC3\x85ngstr\xC3\xB6m");
	assert_true(e->name_from_mention);
	assert_int_equal(e->n_mentions, 1);
	assert_int_equal(a->n_mentions, 1);
	/* Resolving again (as the reader does on reload) finds the same. */
	diag_list d = { 0 };
	assert_int_equal(resolve_article(a, &d), 0);
	assert_int_equal(a->n_mentions, 1);
	diag_list_free(&d);
	article_free(a);
}

static void test_text_and_span_disagree(void **state)
{
	(void)state;
	load_fails_with("title: T\noffsets: chars\nbody: |\n" BODY
	                "quotes:\n  - text: not based on truth\n    span: [11, 29]\n"
	                "    speaker: none\n", 7, 11,
	                "quote text \"not based on truth\" and span [11, 29] "
	                "disagree from character 17: the body there has \"not "
	                "based on trust\"");
	load_fails_with("title: T\nbody: |\n  Kerry said it.\nquotes:\n"
	                "  - text: it\n    speaker: none\n    cue: said\n"
	                "    cue_span: [6, 9]\n", 8, 15,
	                "cue \"said\" and cue span [6, 9] disagree from character "
	                "4: the body there has \"sai\"");
}

/* Every code point of a body of many blocks, some all ASCII, some with
 * characters of two, three and four bytes (one across a block's end),
 * given as a one-character span: each lands on its own first byte. */
static void test_every_code_point_of_a_long_body(void **state)
{
	(void)state;
	char body[2048] = "";
	for (int i = 0; i < 12; i++)
		strcat(body, i % 3 == 0 ? "plain ascii words here, and more of them, "
		                          "long enough to fill a block or two of the "
		                          "index with nothing but one-byte characters. "
		                        : i % 3 == 1 ? "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D "
		                                       "and an emoji \xF0\x9F\x98\x80 then "
		                        : "x");
	size_t len = strlen(body), n_cps = 0, starts[2048];
	for (size_t i = 0; i < len; i++) {
		if (((unsigned char)body[i] & 0xC0) != 0x80)
			starts[n_cps++] = i;
	}
	assert_true(len > 4 * 64);
	size_t cap = 64 * 1024, used = 0;
	char *yaml = malloc(cap);
	assert_non_null(yaml);
	used += (size_t)snprintf(yaml, cap, "title: T\noffsets: chars\nbody: |-\n  %s\n"
	                         "quotes:\n", body);
	for (size_t c = 0; c < n_cps; c++)
		used += (size_t)snprintf(yaml + used, cap - used, "  - {span: [%zu, %zu], "
		                         "speaker: none, kind: indirect}\n", c, c + 1);
	assert_true(used < cap);
	article *a = load_ok(yaml);
	assert_int_equal(a->n_quotes, n_cps);
	for (size_t c = 0; c < n_cps; c++) {
		assert_int_equal(a->quotes[c].spans[0].start, starts[c]);
		assert_int_equal(a->quotes[c].spans[0].end, c + 1 < n_cps ? starts[c + 1] : len);
	}
	article_free(a);
	free(yaml);
}

/* A span of a quote in pieces is named with its number. */
static void test_piece_named_in_a_message(void **state)
{
	(void)state;
	load_fails_with("title: T\noffsets: chars\nbody: |\n"
	                "  The vote was, officials said, slated for May.\n"
	                "quotes:\n  - span: [[0, 8], [37, 44]]\n    kind: indirect\n"
	                "    speaker: none\n    cue: [was, slated]\n"
	                "    cue_span: [[9, 12], [31, 99]]\n", 10, 25,
	                "cue span 2 [31, 99] ends past the body, which has 46 "
	                "characters");
}

/* The broken fixture: what resolved is there, what did not is marked. */
static void test_tolerant_load(void **state)
{
	(void)state;
	const char *path = "tests/fixtures/loader/tolerant.yaml";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article(path, &a, &d), -1);
	assert_null(a);
	diag_list_free(&d);

	int n = load_article_tolerant(path, &a, &d);
	for (size_t i = 0; i < d.n; i++)
		print_message("  got %d:%d: %s\n", d.items[i].line, d.items[i].col,
		              d.items[i].message);
	assert_non_null(a);
	/* The entity with neither id nor type, the unknown kind, the quote
	 * not found and the cue not found. */
	assert_int_equal(n, 5);
	assert_int_equal((int)d.n, n);
	assert_string_equal(d.items[2].message, "quote text not found in the "
	                    "body: not even its first character, \"M\", stands "
	                    "there");
	assert_int_equal(a->n_entities, 2);   /* "Nobody" dropped */
	assert_int_equal(a->n_quotes, 4);
	const bool want[] = { true, false, false, true };
	for (size_t i = 0; i < 4; i++) {
		const quote *q = &a->quotes[i];
		assert_int_equal(q->resolved, want[i]);
		assert_true(q->resolved ? q->spans != NULL : q->spans == NULL);
	}
	assert_true(a->quotes[2].malformed);
	assert_int_equal(a->quotes[0].n_cue_spans, 1);
	assert_int_equal(a->quotes[3].n_cue_spans, 0);   /* "shouted": not there */
	assert_int_equal(a->quotes[3].n_source_spans, 1);
	expect_text(a, a->quotes[3].source_spans[0], "Lavrov");
	article_free(a);
	diag_list_free(&d);

	/* Not YAML at all: nothing; unreadable: nothing. */
	static const char bad[] = "title: [unclosed\n";
	assert_true(load_article_tolerant_mem("x.yaml", bad, sizeof bad - 1, &a, &d) > 0);
	assert_null(a);
	assert_int_equal(load_article_tolerant("tests/fixtures/loader/none.yaml",
	                                       &a, &d), 1);
	assert_null(a);
	diag_list_free(&d);
}

/* A body missing from a file that parsed is an empty one, not a crash. */
static void test_tolerant_without_body(void **state)
{
	(void)state;
	static const char yaml[] = "title: T\nquotes:\n  - {text: x, speaker: none}\n";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_tolerant_mem("x.yaml", yaml, sizeof yaml - 1,
	                                           &a, &d), 2);
	assert_non_null(a);
	assert_string_equal(a->body, "");
	assert_false(a->quotes[0].resolved);
	article_free(a);
	diag_list_free(&d);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chars_and_bytes_name_the_same_words),
		cmocka_unit_test(test_bytes_inside_a_character),
		cmocka_unit_test(test_discontinuous_content_and_cue_in_pieces),
		cmocka_unit_test(test_source_in_pieces),
		cmocka_unit_test(test_pronoun_nearest_the_quote),
		cmocka_unit_test(test_named_speaker_nearest_mention),
		cmocka_unit_test(test_speaker_none),
		cmocka_unit_test(test_entity_by_position_only),
		cmocka_unit_test(test_text_and_span_disagree),
		cmocka_unit_test(test_every_code_point_of_a_long_body),
		cmocka_unit_test(test_piece_named_in_a_message),
		cmocka_unit_test(test_tolerant_load),
		cmocka_unit_test(test_tolerant_without_body),
	};
	return cmocka_run_group_tests_name("resolve_spans", tests, NULL, NULL);
}
