/* Tests of the shared helpers for sorted arrays and cut text: the binary
 * searches of bound.h against a linear count, the merge sort of sort.h
 * (order and stability), and utf8_char_start. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>

#include "bound.h"
#include "sort.h"
#include "text.h"

typedef struct item {
	int tag;
	size_t start;
} item;

static void test_lower_upper_on_sizes(void **state)
{
	(void)state;
	const size_t v[] = { 2, 4, 4, 4, 9 };
	size_t n = sizeof v / sizeof *v;
	for (size_t key = 0; key <= 10; key++) {
		size_t lower = 0, upper = 0;
		for (size_t i = 0; i < n; i++) {
			lower += v[i] < key;
			upper += v[i] <= key;
		}
		assert_int_equal(BOUND_LOWER(v, n, , key), lower);
		assert_int_equal(BOUND_UPPER(v, n, , key), upper);
	}
	assert_int_equal(bound_lower(NULL, 0, sizeof(size_t), 5), 0);
}

static void test_lower_upper_on_fields(void **state)
{
	(void)state;
	const item v[] = { { 7, 0 }, { 8, 3 }, { 9, 3 }, { 1, 10 } };
	assert_int_equal(BOUND_LOWER(v, 4, .start, 3), 1);
	assert_int_equal(BOUND_UPPER(v, 4, .start, 3), 3);
	assert_int_equal(BOUND_LOWER(v, 4, .start, 11), 4);
	assert_int_equal(BOUND_UPPER(v, 4, .start, 0), 1);
	const item *none = NULL;
	assert_int_equal(BOUND_LOWER(none, 0, .start, 1), 0);
}

static bool below_five(const void *ctx, size_t i)
{
	const int *v = ctx;
	return v[i] < 5;
}

static void test_partition(void **state)
{
	(void)state;
	const int v[] = { 1, 3, 5, 5, 8 };
	assert_int_equal(bound_partition(5, below_five, v), 2);
	assert_int_equal(bound_partition(2, below_five, v), 2);
	assert_int_equal(bound_partition(0, below_five, v), 0);
}

static bool item_before(const item *a, const item *b)
{
	return a->start < b->start;
}

MERGE_SORT_DEFINE(sort_items, item, item_before)

static void test_merge_sort_is_stable(void **state)
{
	(void)state;
	enum { N = 37 };
	item v[N], tmp[N];
	for (int i = 0; i < N; i++)
		v[i] = (item){ .tag = i, .start = (size_t)((i * 7) % 5) };
	sort_items(v, tmp, N);
	for (int i = 1; i < N; i++) {
		assert_true(v[i - 1].start <= v[i].start);
		if (v[i - 1].start == v[i].start)
			assert_true(v[i - 1].tag < v[i].tag);
	}
	sort_items(v, tmp, 0);
	sort_items(v, tmp, 1);
}

static void test_char_start(void **state)
{
	(void)state;
	const char *s = "a\xc3\xa9" "b\xe2\x80\x94" "c";   /* a é b — c */
	assert_int_equal(utf8_char_start(s, 0), 0);
	assert_int_equal(utf8_char_start(s, 1), 1);
	assert_int_equal(utf8_char_start(s, 2), 1);
	assert_int_equal(utf8_char_start(s, 3), 3);
	assert_int_equal(utf8_char_start(s, 6), 4);
	assert_int_equal(utf8_char_start(s, 5), 4);
	assert_int_equal(utf8_char_start("\x80\x80\x80\x80\x80", 4), 1);
	assert_int_equal(ascii_lower('Q'), 'q');
	assert_int_equal(ascii_lower('q'), 'q');
	assert_int_equal(ascii_lower(0xC3), 0xC3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lower_upper_on_sizes),
		cmocka_unit_test(test_lower_upper_on_fields),
		cmocka_unit_test(test_partition),
		cmocka_unit_test(test_merge_sort_is_stable),
		cmocka_unit_test(test_char_start),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
