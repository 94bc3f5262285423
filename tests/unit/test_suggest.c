/* Tests of the "did you mean" suggestions. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "suggest.h"

static const char *const keys[] = {
	"title", "subtitle", "source", "authors", "published", "url",
	"language", "id", "body", "entities", "quotes",
};
#define N_KEYS (sizeof keys / sizeof keys[0])

static void test_typos_find_their_key(void **state)
{
	(void)state;
	assert_string_equal(suggest_nearest("titel", keys, N_KEYS), "title");
	assert_string_equal(suggest_nearest("Title", keys, N_KEYS), "title");
	assert_string_equal(suggest_nearest("author", keys, N_KEYS), "authors");
	assert_string_equal(suggest_nearest("qoutes", keys, N_KEYS), "quotes");
	assert_string_equal(suggest_nearest("publshed", keys, N_KEYS), "published");
}

static void test_unrelated_words_get_no_suggestion(void **state)
{
	(void)state;
	assert_null(suggest_nearest("colour", keys, N_KEYS));
	assert_null(suggest_nearest("xyz", keys, N_KEYS));
	assert_null(suggest_nearest("zzzzzzzz", keys, N_KEYS));
}

static void test_distance(void **state)
{
	(void)state;
	assert_int_equal(suggest_distance("kerry", "kery", 3), 1);
	assert_int_equal(suggest_distance("ab", "ba", 3), 1);
	assert_int_equal(suggest_distance("", "abc", 5), 3);
	assert_int_equal(suggest_distance("abcdef", "uvwxyz", 2), 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_typos_find_their_key),
		cmocka_unit_test(test_unrelated_words_get_no_suggestion),
		cmocka_unit_test(test_distance),
	};
	return cmocka_run_group_tests_name("suggest", tests, NULL, NULL);
}
