/* Tests of speakers.c against counts made by hand: one article's
 * speakers, one speaker across articles (kb beats name, names and unnamed
 * speakers case-folded), words quoted, quotes by kind, and the orders. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"
#include "speakers.h"

static article *load(const char *yaml)
{
	article *a = NULL;
	diag_list diags = { 0 };
	int rc = load_article_mem("t.yaml", yaml, strlen(yaml), &a, &diags);
	if (rc != 0)
		diag_list_print(stderr, &diags);
	diag_list_free(&diags);
	assert_int_equal(rc, 0);
	return a;
}

/* Kerry: 2 quotes (partial "not based on trust" 4 words, direct
 * "“We will see,”" 3 words); an unnamed official: 1 indirect quote of 4
 * words ("talks would go on"); Lavrov: none. */
static const char first[] =
	"title: One\n"
	"body: |\n"
	"  Kerry said the deal was “not based on trust”. A senior official said\n"
	"  talks would go on. “We will see,” Kerry said. Lavrov smiled.\n"
	"entities:\n"
	"  - {id: kerry, name: John Kerry, type: PERSON, kb: Q22316, aliases: [Kerry]}\n"
	"  - {id: lavrov, name: Sergey Lavrov, type: PERSON, aliases: [Lavrov]}\n"
	"quotes:\n"
	"  - {text: not based on trust, speaker: kerry, kind: partial}\n"
	"  - {text: talks would go on, speaker: {text: A senior official}, kind: indirect}\n"
	"  - {text: 'We will see,', speaker: kerry}\n";

/* The same Kerry by kb under another id and spelling; the official again
 * in other case and spacing; Lavrov by name without kb, twice. */
static const char second[] =
	"title: Two\n"
	"body: |\n"
	"  “Yes,” said Mr Kerry. A SENIOR  official said no way. Lavrov said “never”\n"
	"  and “not now”.\n"
	"entities:\n"
	"  - {id: jk, name: Mr Kerry, type: PERSON, kb: Q22316}\n"
	"  - {id: sl, name: sergey lavrov, type: PERSON, aliases: [Lavrov]}\n"
	"quotes:\n"
	"  - {text: 'Yes,', speaker: jk}\n"
	"  - {text: no way, speaker: {text: A SENIOR  official}, kind: indirect}\n"
	"  - {text: never, speaker: sl, kind: partial}\n"
	"  - {text: not now, speaker: sl, kind: partial}\n";

static void test_one_article(void **state)
{
	(void)state;
	article *a = load(first);
	speaker_table t = { 0 };
	assert_int_equal(speakers_add_article(&t, a), 0);
	assert_int_equal(t.n, 2);
	assert_int_equal(t.quotes, 3);
	assert_int_equal(t.words, 4 + 4 + 3);
	assert_int_equal(t.articles, 1);

	const speaker_row *k = speakers_find(&t, "kb:q22316");
	assert_non_null(k);
	assert_string_equal(k->name, "John Kerry");
	assert_string_equal(k->entity, "kerry");
	assert_string_equal(k->type, "PERSON");
	assert_int_equal(k->kind, SPEAKER_ENTITY);
	assert_int_equal(k->quotes, 2);
	assert_int_equal(k->words, 7);
	assert_int_equal(k->by_kind[QUOTE_PARTIAL], 1);
	assert_int_equal(k->by_kind[QUOTE_DIRECT], 1);
	assert_int_equal(k->articles, 1);

	const speaker_row *o = speakers_find(&t, "text:a senior official");
	assert_non_null(o);
	assert_int_equal(o->kind, SPEAKER_UNNAMED);
	assert_null(o->entity);
	assert_int_equal(o->words, 4);
	assert_null(speakers_find(&t, "name:sergey lavrov"));   /* not quoted */
	speakers_free(&t);
	article_free(a);
}

static void test_across_articles(void **state)
{
	(void)state;
	article *a = load(first), *b = load(second);
	speaker_table t = { 0 };
	assert_int_equal(speakers_add_article(&t, a), 0);
	assert_int_equal(speakers_add_article(&t, b), 0);
	assert_int_equal(t.articles, 2);
	assert_int_equal(t.quotes, 7);
	assert_int_equal(t.n, 3);

	const speaker_row *k = speakers_find(&t, "kb:q22316");
	assert_non_null(k);
	assert_int_equal(k->quotes, 3);
	assert_int_equal(k->words, 8);          /* 7 + “Yes,” */
	assert_int_equal(k->articles, 2);
	assert_string_equal(k->name, "John Kerry");     /* as first met */

	const speaker_row *o = speakers_find(&t, "text:a senior official");
	assert_non_null(o);
	assert_int_equal(o->quotes, 2);
	assert_int_equal(o->articles, 2);

	const speaker_row *l = speakers_find(&t, "name:sergey lavrov");
	assert_non_null(l);
	assert_int_equal(l->quotes, 2);
	assert_int_equal(l->articles, 1);       /* two quotes, one article */
	assert_int_equal(l->by_kind[QUOTE_PARTIAL], 2);

	speakers_sort(&t, SPEAKERS_BY_QUOTES);
	assert_string_equal(t.rows[0].key, "kb:q22316");
	/* Lavrov and the official have 2 quotes each: words decide (6 vs 3). */
	assert_string_equal(t.rows[1].key, "text:a senior official");
	assert_string_equal(t.rows[2].key, "name:sergey lavrov");
	assert_ptr_equal(speakers_find(&t, "name:sergey lavrov"), &t.rows[2]);
	speakers_sort(&t, SPEAKERS_BY_NAME);
	assert_string_equal(t.rows[0].name, "A senior official");
	assert_string_equal(t.rows[1].name, "John Kerry");
	speakers_sort(&t, SPEAKERS_BY_ARTICLES);
	assert_string_equal(t.rows[2].key, "name:sergey lavrov");

	speakers_free(&t);
	speakers_free(NULL);
	article_free(a);
	article_free(b);
}

static void test_words_of_a_split_quote(void **state)
{
	(void)state;
	article *a = load(
		"title: Three\n"
		"body: |\n"
		"  “Let it be — now,” she said, “not later.”\n"
		"entities:\n"
		"  - {id: she, name: Ann, type: PERSON}\n"
		"quotes:\n"
		"  - {text: ['Let it be — now,', 'not later.'], speaker: she}\n");
	/* Let it be now not later: the dash is no word. */
	assert_int_equal(speakers_quote_words(a, &a->quotes[0]), 6);
	article_free(a);
}

/* Words are runs between blanks (space, tab, line break, no-break and
 * thin spaces) with a letter or digit in them, ASCII or not. */
static void test_words_by_their_blanks(void **state)
{
	(void)state;
	article *a = load(
		"title: Four\n"
		"body: \"Ann said: 42 of\\nthem\\tcame -- \\u00e9t\\u00e9\\u00a0\\u0394x -- ok\\rgo !.\"\n"
		"entities:\n"
		"  - {id: she, name: Ann, type: PERSON}\n"
		"quotes:\n"
		"  - {text: \"42 of\\nthem\\tcame -- \\u00e9t\\u00e9\\u00a0\\u0394x -- ok\\rgo !.\", speaker: she}\n");
	/* 42, of, them, came, été, Δx, ok\rgo: the dashes and "!." are no
	 * words, and a carriage return parts none. */
	assert_int_equal(speakers_quote_words(a, &a->quotes[0]), 7);
	article_free(a);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_article),
		cmocka_unit_test(test_across_articles),
		cmocka_unit_test(test_words_of_a_split_quote),
		cmocka_unit_test(test_words_by_their_blanks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
