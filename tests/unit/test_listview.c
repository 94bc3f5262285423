/* Tests of the list module every list pane uses: the clamp, the cursor
 * following, paging, home and end, the wheel and clicks, at the edges
 * (no items, one item, more rows than items, the cursor at the end, the
 * list shrinking under the cursor). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>

#include "listview.h"

/* The invariant every function but listview_clamp leaves. */
static void assert_in_view(const list_view *v, size_t rows)
{
	if (v->n == 0) {
		assert_int_equal(v->cursor, 0);
		assert_int_equal(v->top, 0);
		return;
	}
	assert_true(v->cursor < v->n);
	assert_true(v->top <= v->cursor);
	assert_true(v->cursor < v->top + rows);
	assert_true(v->top <= (v->n > rows ? v->n - rows : 0));
}

static void test_empty_list(void **state)
{
	(void)state;
	list_view v = { .n = 0, .cursor = 3, .top = 2 };

	listview_follow(&v, 5);
	assert_in_view(&v, 5);
	listview_move(&v, 1, 5);
	assert_in_view(&v, 5);
	listview_page(&v, 1, 5);
	listview_end(&v, 5);
	assert_in_view(&v, 5);
	listview_scroll(&v, 3, 5);
	assert_in_view(&v, 5);
	size_t i = 99;
	assert_false(listview_item_at(&v, 0, &i));
	assert_int_equal(i, 99);
	assert_false(listview_click_row(&v, 0, 5));
}

static void test_one_item(void **state)
{
	(void)state;
	list_view v = { .n = 1 };

	listview_move(&v, 1, 5);
	assert_int_equal(v.cursor, 0);
	listview_move(&v, -1, 5);
	assert_int_equal(v.cursor, 0);
	listview_page(&v, 1, 5);
	assert_int_equal(v.cursor, 0);
	listview_end(&v, 5);
	assert_int_equal(v.cursor, 0);
	assert_int_equal(v.top, 0);
	listview_scroll(&v, 3, 5);
	assert_int_equal(v.top, 0);
	assert_int_equal(v.cursor, 0);
}

/* The cursor stops at the last item: moving or paging past it, or a
 * cursor set beyond it, lands on n - 1. */
static void test_cursor_clamped_at_the_end(void **state)
{
	(void)state;
	list_view v = { .n = 10 };

	listview_move(&v, 25, 4);
	assert_int_equal(v.cursor, 9);
	assert_int_equal(v.top, 6);
	listview_move(&v, 1, 4);
	assert_int_equal(v.cursor, 9);
	listview_move(&v, -40, 4);
	assert_int_equal(v.cursor, 0);
	assert_int_equal(v.top, 0);
	listview_set_cursor(&v, 50, 4);
	assert_int_equal(v.cursor, 9);
	assert_int_equal(v.top, 6);

	v = (list_view){ .n = 10, .cursor = 12, .top = 9 };
	listview_clamp(&v, 4);
	assert_int_equal(v.cursor, 9);
	assert_int_equal(v.top, 6);
}

static void test_paging(void **state)
{
	(void)state;
	list_view v = { .n = 20 };

	listview_page(&v, 1, 6);
	assert_int_equal(v.cursor, 6);
	assert_int_equal(v.top, 1);
	listview_page(&v, 1, 6);
	assert_int_equal(v.cursor, 12);
	assert_int_equal(v.top, 7);
	listview_page(&v, 1, 6);
	assert_int_equal(v.cursor, 18);
	listview_page(&v, 1, 6);
	assert_int_equal(v.cursor, 19);
	assert_int_equal(v.top, 14);
	listview_half_page(&v, -1, 6);
	assert_int_equal(v.cursor, 16);
	assert_int_equal(v.top, 14);
	listview_page(&v, -1, 6);
	assert_int_equal(v.cursor, 10);
	assert_int_equal(v.top, 10);
	/* A pane of one row still pages one item and half pages one. */
	listview_half_page(&v, 1, 1);
	assert_int_equal(v.cursor, 11);
	assert_int_equal(v.top, 11);
	listview_home(&v, 6);
	assert_int_equal(v.cursor, 0);
	assert_int_equal(v.top, 0);
	listview_end(&v, 6);
	assert_int_equal(v.cursor, 19);
	assert_int_equal(v.top, 14);
}

/* With more rows than items the window never scrolls. */
static void test_rows_more_than_items(void **state)
{
	(void)state;
	list_view v = { .n = 3, .top = 2 };

	listview_follow(&v, 10);
	assert_int_equal(v.top, 0);
	listview_end(&v, 10);
	assert_int_equal(v.cursor, 2);
	assert_int_equal(v.top, 0);
	listview_scroll(&v, 3, 10);
	assert_int_equal(v.top, 0);
	assert_int_equal(v.cursor, 2);
	assert_true(listview_click_row(&v, 1, 10));
	assert_int_equal(v.cursor, 1);
	assert_false(listview_click_row(&v, 3, 10));
	assert_int_equal(v.cursor, 1);
}

/* Following scrolls as little as possible, and a window left below the
 * end comes back up so the pane is full. */
static void test_follow(void **state)
{
	(void)state;
	list_view v = { .n = 30, .cursor = 15, .top = 0 };

	listview_follow(&v, 10);
	assert_int_equal(v.top, 6);
	v.cursor = 2;
	listview_follow(&v, 10);
	assert_int_equal(v.top, 2);
	v.cursor = 5;
	listview_follow(&v, 10);
	assert_int_equal(v.top, 2);
	v = (list_view){ .n = 30, .cursor = 29, .top = 29 };
	listview_follow(&v, 10);
	assert_int_equal(v.top, 20);
	/* The pane grew: the window comes up to stay full. */
	listview_follow(&v, 25);
	assert_int_equal(v.top, 5);
	assert_in_view(&v, 25);
}

/* A filter shrinks the list under the cursor: it lands on the new last
 * item, and the window fills the pane again. */
static void test_shrink(void **state)
{
	(void)state;
	list_view v = { .n = 30, .cursor = 25, .top = 20 };

	listview_set_count(&v, 8, 6);
	assert_int_equal(v.cursor, 7);
	assert_int_equal(v.top, 2);
	listview_set_count(&v, 2, 6);
	assert_int_equal(v.cursor, 1);
	assert_int_equal(v.top, 0);
	listview_set_count(&v, 0, 6);
	assert_in_view(&v, 6);
	listview_set_count(&v, 12, 6);
	assert_int_equal(v.cursor, 0);
	assert_int_equal(v.top, 0);
}

/* The wheel moves the window; the cursor moves only to stay on screen. */
static void test_scroll(void **state)
{
	(void)state;
	list_view v = { .n = 30, .cursor = 4 };

	listview_scroll(&v, 3, 10);
	assert_int_equal(v.top, 3);
	assert_int_equal(v.cursor, 4);
	listview_scroll(&v, 3, 10);
	assert_int_equal(v.top, 6);
	assert_int_equal(v.cursor, 6);
	listview_scroll(&v, 100, 10);
	assert_int_equal(v.top, 20);
	assert_int_equal(v.cursor, 20);
	listview_set_cursor(&v, 29, 10);
	listview_scroll(&v, -3, 10);
	assert_int_equal(v.top, 17);
	assert_int_equal(v.cursor, 26);
	listview_scroll(&v, -100, 10);
	assert_int_equal(v.top, 0);
	assert_int_equal(v.cursor, 9);
}

static void test_click(void **state)
{
	(void)state;
	list_view v = { .n = 30, .cursor = 0, .top = 12 };
	size_t i;

	assert_true(listview_item_at(&v, 3, &i));
	assert_int_equal(i, 15);
	assert_true(listview_click_row(&v, 3, 10));
	assert_int_equal(v.cursor, 15);
	assert_int_equal(v.top, 12);
	v.top = 20;
	assert_false(listview_item_at(&v, 10, &i));
	assert_false(listview_click_row(&v, 10, 12));
	assert_int_equal(v.cursor, 15);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_list),
		cmocka_unit_test(test_one_item),
		cmocka_unit_test(test_cursor_clamped_at_the_end),
		cmocka_unit_test(test_paging),
		cmocka_unit_test(test_rows_more_than_items),
		cmocka_unit_test(test_follow),
		cmocka_unit_test(test_shrink),
		cmocka_unit_test(test_scroll),
		cmocka_unit_test(test_click),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
