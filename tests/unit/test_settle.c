/* test_settle.c - a burst of changes taken as one (settle.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "settle.h"

/* One change: acted on once it has been quiet for SETTLE_QUIET_MS, and
 * only once. */
static void test_one_change(void **state)
{
	(void)state;
	settle s = { 0 };
	assert_false(settle_due(&s, 0));            /* nothing noted */
	settle_note(&s, 1000);
	assert_false(settle_due(&s, 1000));
	assert_false(settle_due(&s, 1000 + SETTLE_QUIET_MS - 1));
	assert_true(settle_due(&s, 1000 + SETTLE_QUIET_MS));
	assert_false(settle_due(&s, 1000 + 5 * SETTLE_QUIET_MS));   /* once */
}

/* Changes every 100 ms for three seconds: acted on every SETTLE_MAX_MS,
 * not on each, and once more when they stop. */
static void test_a_long_burst(void **state)
{
	(void)state;
	settle s = { 0 };
	int acted = 0;
	long long t;
	for (t = 0; t < 3000; t += 100) {
		settle_note(&s, t);
		acted += settle_due(&s, t);
	}
	/* At 1000 (a second after the first at 0) and at 2100 (after the
	 * first at 1100); the wait from 2200 is not over at 2900. */
	assert_int_equal(SETTLE_MAX_MS, 1000);
	assert_int_equal(acted, 2);
	assert_false(settle_due(&s, t));
	assert_true(settle_due(&s, t - 100 + SETTLE_QUIET_MS));
	assert_false(settle_due(&s, t + 10 * SETTLE_MAX_MS));
}

/* A change after the last action starts a new wait from its own time. */
static void test_a_later_change(void **state)
{
	(void)state;
	settle s = { 0 };
	settle_note(&s, 0);
	assert_true(settle_due(&s, SETTLE_QUIET_MS));
	settle_note(&s, 5000);
	assert_false(settle_due(&s, 5000 + SETTLE_QUIET_MS / 2));
	assert_true(settle_due(&s, 5000 + SETTLE_QUIET_MS));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_change),
		cmocka_unit_test(test_a_long_burst),
		cmocka_unit_test(test_a_later_change),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
