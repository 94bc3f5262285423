/* test_reader_index.c - what the reader computes once per article and
 * looks up in it (reader_index.c), and the leaf helpers of reader_text.c,
 * on fx_talks() of reader_fixture.h: the paragraphs where a quote's speaker
 * is marked, the lower bounds over the quotes list, and the status
 * message cut at a character. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdbool.h>
#include <string.h>

#include "reader.h"
#include "reader_fixture.h"
#include "text.h"
#include "../../src/reader_private.h"

enum { KERRY = FX_TALKS_KERRY, LAVROV = FX_TALKS_LAVROV };
enum {
	Q_FINE = FX_TALKS_Q_FINE, Q_TRUST = FX_TALKS_Q_TRUST,
	Q_SPLIT = FX_TALKS_Q_SPLIT, Q_NONE = FX_TALKS_Q_NONE,
	Q_LOST = FX_TALKS_Q_LOST,
};

static article *talks(void)
{
	return fx_talks();
}

/* Byte range of the i-th paragraph (from 0) of the body. */
static span para(const article *a, int i)
{
	const char *body = a->body;
	size_t start = 0;
	for (int k = 0; k < i; k++)
		start = (size_t)(strstr(body + start, "\n\n") - body) + 2;
	const char *end = strstr(body + start, "\n\n");
	return (span){ start, end ? (size_t)(end - body) : strlen(body) };
}

static void assert_span(span got, size_t start, size_t end)
{
	assert_int_equal(got.start, start);
	assert_int_equal(got.end, end);
}

static void test_speaker_near_paragraphs(void **state)
{
	(void)state;
	article *a = talks();
	reader *r = reader_new(a, 120, 30);
	assert_non_null(r);

	/* The quote's paragraph and one on each side... */
	assert_span(reader_speaker_near(r, Q_TRUST), para(a, 1).start, para(a, 3).end);
	/* ...none before the first... */
	assert_span(reader_speaker_near(r, Q_FINE), 0, para(a, 1).end);
	/* ...from the first fragment's paragraph to the last one's... */
	assert_span(reader_speaker_near(r, Q_SPLIT), para(a, 2).start, para(a, 5).end);
	/* ...and nothing to mark without a speaker or a place. */
	assert_span(reader_speaker_near(r, Q_NONE), 0, 0);
	assert_span(reader_speaker_near(r, Q_LOST), 0, 0);
	reader_free(r);
	article_free(a);
}

/* The state keeps the current quote's range, follows ] and [, and is
 * recomputed after a resize rewraps (it does not depend on the width). */
static void test_speaker_near_follows_current(void **state)
{
	(void)state;
	article *a = talks();
	reader *r = reader_new(a, 120, 30);

	assert_span(r->ix->speaker_near, 0, 0);
	reader_apply(r, ACT_NEXT_QUOTE);
	assert_int_equal(r->current, Q_FINE);
	assert_span(r->ix->speaker_near, 0, para(a, 1).end);
	reader_apply(r, ACT_NEXT_QUOTE);
	assert_int_equal(r->current, Q_TRUST);
	assert_span(r->ix->speaker_near, para(a, 1).start, para(a, 3).end);
	reader_apply(r, ACT_NEXT_QUOTE);
	reader_apply(r, ACT_NEXT_QUOTE);
	assert_int_equal(r->current, Q_NONE);
	assert_span(r->ix->speaker_near, 0, 0);
	reader_apply(r, ACT_PREV_QUOTE);
	assert_int_equal(r->current, Q_SPLIT);
	reader_resize(r, 40, 30);
	assert_span(r->ix->speaker_near, para(a, 2).start, para(a, 5).end);
	reader_free(r);
	article_free(a);
}

/* The quotes list in body order; its lower bounds by rank and by offset,
 * with the filter's shorter list too. */
static void test_list_lookups(void **state)
{
	(void)state;
	article *a = talks();
	reader *r = reader_new(a, 120, 30);
	const size_t order[] = { Q_FINE, Q_TRUST, Q_SPLIT, Q_NONE, Q_LOST };

	assert_int_equal(r->n_list, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(r->list[i], order[i]);
		assert_int_equal(r->ix->rank[order[i]], i);
		assert_int_equal(reader_list_index(r, order[i]), (long)i);
		assert_int_equal(reader_list_lower_rank(r, i), i);
	}
	assert_int_equal(reader_list_lower_rank(r, 5), 5);
	assert_int_equal(reader_list_index(r, 99), -1);
	assert_int_equal(reader_list_lower_offset(r, 0), 0);
	size_t trust = reader_quote_start(r, Q_TRUST);
	assert_int_equal(reader_list_lower_offset(r, trust), 1);
	assert_int_equal(reader_list_lower_offset(r, trust + 1), 2);
	/* The lost quote starts at SIZE_MAX: after every offset. */
	assert_int_equal(reader_list_lower_offset(r, a->body_len), 4);
	assert_int_equal(reader_quote_start(r, Q_LOST), SIZE_MAX);

	/* Kerry's quotes only: the lookups run over the shorter list. */
	r->selected = KERRY;
	reader_apply(r, ACT_FILTER);
	assert_int_equal(r->n_list, 3);
	assert_int_equal(r->quotes.n, 3);
	assert_int_equal(reader_list_index(r, Q_SPLIT), 2);
	assert_int_equal(reader_list_index(r, Q_NONE), -1);
	assert_int_equal(reader_list_lower_rank(r, r->ix->rank[Q_NONE]), 3);
	assert_int_equal(reader_list_lower_offset(r, trust + 1), 2);
	reader_free(r);
	article_free(a);
}

/* m from the view goes to the first mention at or after the top row's
 * first byte: here the body's very first word. */
static void test_mention_at_the_top(void **state)
{
	(void)state;
	article *a = talks();
	reader *r = reader_new(a, 120, 30);

	r->selected = KERRY;
	reader_apply(r, ACT_NEXT_MENTION);
	assert_int_equal(r->mention, 0);
	assert_int_equal(a->mentions[a->entities[KERRY].mention_ids[0]].at.start, 0);
	reader_apply(r, ACT_NEXT_MENTION);
	assert_int_equal(r->mention, 1);
	reader_free(r);
	article_free(a);
}

/* A message too long for its buffer is cut before a character, never in
 * one: 11 bytes of "not found: " and 3-byte characters leave 148 bytes,
 * 49 characters and one byte over. */
static void test_message_cut_at_character(void **state)
{
	(void)state;
	article *a = talks();
	reader *r = reader_new(a, 120, 30);
	char euros[3 * 80 + 1];

	for (int i = 0; i < 80; i++)
		memcpy(euros + 3 * i, "\xe2\x82\xac", 4);
	reader_message_set(r, true, "not found: ", euros);
	assert_int_equal(strlen(r->message), 11 + 3 * 49);
	assert_int_equal(utf8_validate(r->message, strlen(r->message)),
	                 strlen(r->message));
	assert_true(r->message_is_error);
	/* A prefix alone that fits is kept whole. */
	reader_message_set(r, false, "wrapped", NULL);
	assert_string_equal(r->message, "wrapped");
	reader_message_clear(r);
	assert_string_equal(r->message, "");
	assert_false(r->message_is_error);
	reader_free(r);
	article_free(a);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_speaker_near_paragraphs),
		cmocka_unit_test(test_speaker_near_follows_current),
		cmocka_unit_test(test_list_lookups),
		cmocka_unit_test(test_mention_at_the_top),
		cmocka_unit_test(test_message_cut_at_character),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
