/* Tests of array_grow: the room it gives, the contents it keeps, and the
 * array it leaves alone when it cannot grow. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>

#include "array.h"

static void test_room_enough_keeps_array(void **state)
{
	(void)state;
	size_t cap = 8;
	int *v = malloc(cap * sizeof *v);
	assert_non_null(v);
	assert_ptr_equal(array_grow(v, &cap, 8, sizeof *v), v);
	assert_int_equal(cap, 8);
	assert_ptr_equal(array_grow(v, &cap, 0, sizeof *v), v);
	assert_int_equal(cap, 8);
	free(v);
}

static void test_from_nothing_to_power_of_two(void **state)
{
	(void)state;
	size_t cap = 0;
	int *v = array_grow(NULL, &cap, 1, sizeof *v);
	assert_non_null(v);
	assert_int_equal(cap, 1);
	free(v);
	cap = 0;
	v = array_grow(NULL, &cap, 5, sizeof *v);
	assert_non_null(v);
	assert_int_equal(cap, 8);
	v[7] = 7;   /* all of the room is there (ASan and valgrind check) */
	free(v);
}

static void test_doubles_from_capacity(void **state)
{
	(void)state;
	size_t cap = 3;
	int *v = malloc(cap * sizeof *v);
	assert_non_null(v);
	v = array_grow(v, &cap, 4, sizeof *v);
	assert_non_null(v);
	assert_int_equal(cap, 6);
	v = array_grow(v, &cap, 20, sizeof *v);
	assert_non_null(v);
	assert_int_equal(cap, 24);
	free(v);
}

/* One item at a time, as the loader fills the model's arrays: the array
 * is full exactly when its length is 0 or a power of two. */
static void test_one_at_a_time_full_at_powers_of_two(void **state)
{
	(void)state;
	size_t *v = NULL, cap = 0;
	for (size_t n = 0; n < 300; n++) {
		bool full = (n & (n - 1)) == 0;
		assert_int_equal(cap == n, full);
		v = array_grow(v, &cap, n + 1, sizeof *v);
		assert_non_null(v);
		v[n] = n * 3;
	}
	assert_int_equal(cap, 512);
	for (size_t n = 0; n < 300; n++)
		assert_int_equal(v[n], n * 3);
	free(v);
}

static void test_overflow_leaves_array(void **state)
{
	(void)state;
	size_t cap = 4;
	char *v = malloc(cap);
	assert_non_null(v);
	v[0] = 'q';
	assert_null(array_grow(v, &cap, SIZE_MAX, 1));
	assert_int_equal(cap, 4);
	assert_null(array_grow(v, &cap, 5, SIZE_MAX / 4));
	assert_int_equal(cap, 4);
	assert_int_equal(v[0], 'q');
	free(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_room_enough_keeps_array),
		cmocka_unit_test(test_from_nothing_to_power_of_two),
		cmocka_unit_test(test_doubles_from_capacity),
		cmocka_unit_test(test_one_at_a_time_full_at_powers_of_two),
		cmocka_unit_test(test_overflow_leaves_array),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
