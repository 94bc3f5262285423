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

/* Issue 12: quotation marks match each other in every mode. */
static void test_quotes_fold(void **state)
{
	(void)state;
	const char *t = "it\xe2\x80\x99s \xc2\xab" "fine\xc2\xbb, \"ok\" and it's \xe2\x80\x9e" "ja\xe2\x80\x9c";
	span m;

	assert_true(search_forward(S(t), 0, strlen(t), S("it's"), 0, &m));
	assert_int_equal(m.start, 0);
	assert_int_equal(m.end, 6);                     /* ’ is 3 bytes */
	assert_true(search_forward(S(t), 1, strlen(t), S("it\xca\xbcs"), 0, &m));
	assert_int_equal(m.start, 26);                  /* ʼ finds ' */
	assert_true(search_forward(S(t), 0, strlen(t), S("\"fine\""), 0, &m));
	assert_int_equal(m.start, 7);                   /* « » */
	assert_true(search_forward(S(t), 0, strlen(t), S("\xe2\x80\x9cok\xe2\x80\x9d"),
	                           0, &m));
	assert_int_equal(m.start, 17);                  /* “ ” find " " */
	assert_true(search_backward(S(t), strlen(t), 0, S("\"JA\""), 0, &m) == false);
	assert_true(search_backward(S(t), strlen(t), 0, S("\"ja\""), 0, &m));
	assert_int_equal(m.start, 31);                  /* „ “ */
}

/* Accents fold when the query has none, whatever its case. */
static void test_accents_fold(void **state)
{
	(void)state;
	const char *t = "Jos\xc3\xa9 Ib\xc3\xa1\xc3\xb1" "ez, \xc5\x81\xc3\xb3" "d\xc5\xba and Ibanez";
	span m;
	size_t end;

	assert_true(search_ignores_accents(S("ibanez")));
	assert_false(search_ignores_accents(S("ib\xc3\xa1\xc3\xb1" "ez")));
	assert_false(search_ignores_accents(S("\xc5\x81")));   /* Ł */
	assert_true(search_ignores_accents(S("\xc3\x9f")));    /* ß has no base */
	assert_int_equal(search_mode(S("ibanez")), SEARCH_ICASE | SEARCH_IACCENT);
	assert_int_equal(search_mode(S("Ibanez")), SEARCH_IACCENT);
	assert_int_equal(search_mode(S("ib\xc3\xa1\xc3\xb1" "ez")), SEARCH_ICASE);

	unsigned mode = search_mode(S("ibanez"));
	assert_true(search_forward(S(t), 0, strlen(t), S("ibanez"), mode, &m));
	assert_int_equal(m.start, 6);
	assert_int_equal(m.end, 14);                    /* á ñ are 2 bytes each */
	assert_true(search_forward(S(t), 0, strlen(t), S("lodz"), search_mode(S("lodz")), &m));
	assert_int_equal(m.start, 16);
	assert_true(search_forward(S(t), 0, strlen(t), S("jose"), search_mode(S("jose")), &m));
	assert_int_equal(m.start, 0);
	/* Upper case: case-sensitive, accents still folded. */
	assert_true(search_forward(S(t), 0, strlen(t), S("Ibanez"), SEARCH_IACCENT, &m));
	assert_int_equal(m.start, 6);
	assert_false(search_forward(S(t), 0, strlen(t), S("IBANEZ"), SEARCH_IACCENT, &m));
	/* An accented query is accent-sensitive: no "Ibanez" for "ibáñez". */
	mode = search_mode(S("ib\xc3\xa1\xc3\xb1" "ez"));
	assert_true(search_backward(S(t), strlen(t), 0, S("ib\xc3\xa1\xc3\xb1" "ez"),
	                            mode, &m));
	assert_int_equal(m.start, 6);
	assert_false(search_match_at(S(t), 28, S("ib\xc3\xa1\xc3\xb1" "ez"), mode, &end));
	assert_true(search_match_at(S(t), 28, S("ibanez"), SEARCH_ICASE | SEARCH_IACCENT, &end));
	assert_int_equal(end, strlen(t));
	/* Exact mode is bytes, as before. */
	assert_false(search_forward(S(t), 0, strlen(t), S("Ibanez"), 0, &m) && m.start < 28);
}

static void test_count(void **state)
{
	(void)state;
	const char *t = "aaa b\xc3\xa1 ba";
	size_t total;
	size_t before;

	search_count(S(t), S("aa"), SEARCH_ICASE, 1, &total, &before);
	assert_int_equal(total, 2);                     /* overlapping, as n steps */
	assert_int_equal(before, 1);
	search_count(S(t), S("ba"), SEARCH_ICASE | SEARCH_IACCENT, 100, &total, &before);
	assert_int_equal(total, 2);
	assert_int_equal(before, 2);
	search_count(S(t), S("zz"), SEARCH_ICASE, 0, &total, &before);
	assert_int_equal(total, 0);
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
		cmocka_unit_test(test_quotes_fold),
		cmocka_unit_test(test_accents_fold),
		cmocka_unit_test(test_count),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
