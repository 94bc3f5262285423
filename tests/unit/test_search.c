/* test_search.c - smartcase matching and the bounds of forward and
 * backward scans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "search.h"

#define S(text) (text), strlen(text)

static void test_smartcase(void **state)
{
	(void)state;
	assert_true(search_ignores_case(S("merkel")));
	assert_false(search_ignores_case(S("Merkel")));
	assert_true(search_ignores_case(S("b\xc3\xa4r")));        /* bär */
	assert_false(search_ignores_case(S("B\xc3\x84R")));       /* BÄR */
	assert_false(search_ignores_case(S("\xc3\x84")));         /* Ä alone */
	assert_true(search_ignores_case(S("42 + ?")));
}

static void test_match_at(void **state)
{
	(void)state;
	const char *t = "Der B\xc3\x84R ist da";
	size_t end;

	assert_true(search_match_at(S(t), 4, S("b\xc3\xa4r"), true, &end));
	assert_int_equal(end, 8);
	assert_false(search_match_at(S(t), 4, S("b\xc3\xa4r"), false, &end));
	assert_true(search_match_at(S(t), 4, S("B\xc3\x84R"), false, &end));
	assert_int_equal(end, 8);
	assert_false(search_match_at(S(t), 12, S("da!"), true, &end));
	assert_false(search_match_at(S(t), 0, "", 0, true, &end));
}

static void test_forward_bounds(void **state)
{
	(void)state;
	const char *t = "abc ABC abc";
	span m;

	assert_true(search_forward(S(t), 0, strlen(t), S("abc"), true, &m));
	assert_int_equal(m.start, 0);
	assert_true(search_forward(S(t), 1, strlen(t), S("abc"), true, &m));
	assert_int_equal(m.start, 4);
	assert_int_equal(m.end, 7);
	assert_true(search_forward(S(t), 1, strlen(t), S("abc"), false, &m));
	assert_int_equal(m.start, 8);
	/* limit bounds the start; the match may run past it. */
	assert_true(search_forward(S(t), 1, 5, S("abc"), true, &m));
	assert_int_equal(m.start, 4);
	assert_false(search_forward(S(t), 1, 4, S("abc"), true, &m));
	assert_false(search_forward(S(t), 9, strlen(t), S("abc"), false, &m));
	assert_false(search_forward(S(t), 0, strlen(t), S("abcd"), false, &m));
	assert_false(search_forward(S(t), 0, 100, S("xyz"), true, &m));
}

static void test_backward(void **state)
{
	(void)state;
	const char *t = "abc ABC abc";
	span m;

	assert_true(search_backward(S(t), strlen(t), 0, S("abc"), true, &m));
	assert_int_equal(m.start, 8);
	assert_true(search_backward(S(t), 8, 0, S("abc"), true, &m));
	assert_int_equal(m.start, 4);
	assert_true(search_backward(S(t), 8, 0, S("abc"), false, &m));
	assert_int_equal(m.start, 0);
	assert_false(search_backward(S(t), 8, 1, S("abc"), false, &m));
	assert_false(search_backward(S(t), 0, 0, S("abc"), true, &m));
}

static void test_no_match_inside_a_character(void **state)
{
	(void)state;
	/* "é" is C3 A9; a query of the byte A9 alone is not a character and
	 * must not be found in the middle of one. */
	const char *t = "caf\xc3\xa9 \xc3\xa9t\xc3\xa9";
	span m;

	assert_true(search_forward(S(t), 0, strlen(t), S("\xc3\xa9t"), true, &m));
	assert_int_equal(m.start, 6);
	assert_false(search_forward(S(t), 0, strlen(t), S("\xa9"), true, &m));
	assert_true(search_backward(S(t), strlen(t), 0, S("\xc3\x89"), true, &m));
	assert_int_equal(m.start, 9);                  /* É finds é */
}

int main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_smartcase),
		cmocka_unit_test(test_match_at),
		cmocka_unit_test(test_forward_bounds),
		cmocka_unit_test(test_backward),
		cmocka_unit_test(test_no_match_inside_a_character),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
