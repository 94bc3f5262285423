/* test_geometry.c - the screen split: wide from 100 columns, narrow below,
 * too small under the minimum. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "geometry.h"

static void test_wide_at_100_columns(void **state)
{
	(void)state;
	geometry g = geometry_compute(100, 30);

	assert_false(g.too_small);
	assert_true(g.wide);
	assert_int_equal(g.title.y, 0);
	assert_int_equal(g.title.w, 100);
	assert_int_equal(g.status.y, 29);
	assert_int_equal(g.tabs.h, 0);
	/* Text on the left, 60% of the width, under the title. */
	rect text = g.pane[PANE_TEXT].frame;
	assert_int_equal(text.x, 0);
	assert_int_equal(text.y, 1);
	assert_int_equal(text.w, 60);
	assert_int_equal(text.h, 28);
	assert_int_equal(g.pane[PANE_TEXT].title.h, 0);
	/* One separator column, then entities above quotes. */
	assert_int_equal(g.separator.x, 60);
	assert_int_equal(g.separator.w, 1);
	assert_int_equal(g.separator.h, 28);
	pane_rect ents = g.pane[PANE_ENTITIES];
	pane_rect quotes = g.pane[PANE_QUOTES];
	assert_int_equal(ents.frame.x, 61);
	assert_int_equal(ents.frame.w, 39);
	assert_int_equal(ents.frame.y, 1);
	assert_int_equal(ents.title.h, 1);
	assert_int_equal(ents.body.y, 2);
	assert_int_equal(quotes.frame.y, ents.frame.y + ents.frame.h);
	assert_int_equal(quotes.frame.y + quotes.frame.h, 29);
	assert_int_equal(quotes.body.y, quotes.frame.y + 1);
	assert_int_equal(ents.body.h + quotes.body.h + 2, 28);
}

static void test_gutter_and_text_width(void **state)
{
	(void)state;
	geometry g = geometry_compute(120, 40);

	assert_int_equal(g.gutter.x, 0);
	assert_int_equal(g.gutter.w, GEOM_GUTTER);
	assert_int_equal(g.text.x, GEOM_GUTTER);
	assert_int_equal(g.text.w, 72 - GEOM_GUTTER);
	assert_int_equal(geometry_text_width(&g), 70);
	assert_int_equal(geometry_body_rows(&g, PANE_TEXT), 38);
}

static void test_narrow_below_100(void **state)
{
	(void)state;
	geometry g = geometry_compute(99, 24);

	assert_false(g.too_small);
	assert_false(g.wide);
	assert_int_equal(g.separator.w, 0);
	assert_int_equal(g.tabs.y, 1);
	assert_int_equal(g.tabs.h, 1);
	assert_int_equal(g.tabs.w, 99);
	for (int p = 0; p < PANE_COUNT; p++) {
		assert_int_equal(g.pane[p].frame.x, 0);
		assert_int_equal(g.pane[p].frame.y, 2);
		assert_int_equal(g.pane[p].frame.w, 99);
		assert_int_equal(g.pane[p].frame.h, 21);
		assert_int_equal(g.pane[p].title.h, 0);
	}
	assert_int_equal(geometry_text_width(&g), 97);
	assert_int_equal(g.status.y, 23);
}

static void test_too_small(void **state)
{
	(void)state;
	geometry g = geometry_compute(GEOM_MIN_COLS - 1, 24);
	assert_true(g.too_small);
	assert_int_equal(g.text.w, 0);
	assert_int_equal(geometry_text_width(&g), 1);
	assert_int_equal(geometry_body_rows(&g, PANE_TEXT), 0);
	assert_int_equal(geometry_pane_at(&g, 1, 3, PANE_TEXT), PANE_NONE);

	g = geometry_compute(80, GEOM_MIN_ROWS - 1);
	assert_true(g.too_small);

	g = geometry_compute(GEOM_MIN_COLS, GEOM_MIN_ROWS);
	assert_false(g.too_small);
	assert_true(geometry_body_rows(&g, PANE_TEXT) >= 1);
}

static void test_pane_at(void **state)
{
	(void)state;
	geometry g = geometry_compute(100, 30);

	assert_int_equal(geometry_pane_at(&g, 5, 5, PANE_TEXT), PANE_TEXT);
	assert_int_equal(geometry_pane_at(&g, 70, 2, PANE_TEXT), PANE_ENTITIES);
	assert_int_equal(geometry_pane_at(&g, 70, 27, PANE_TEXT), PANE_QUOTES);
	assert_int_equal(geometry_pane_at(&g, 60, 5, PANE_TEXT), PANE_NONE);
	assert_int_equal(geometry_pane_at(&g, 5, 0, PANE_TEXT), PANE_NONE);
	assert_int_equal(geometry_pane_at(&g, 5, 29, PANE_TEXT), PANE_NONE);

	/* Narrow: only the visible tab's pane is there. */
	g = geometry_compute(60, 20);
	assert_int_equal(geometry_pane_at(&g, 5, 5, PANE_QUOTES), PANE_QUOTES);
	assert_int_equal(geometry_pane_at(&g, 5, 1, PANE_QUOTES), PANE_NONE);
}

static void test_tabs(void **state)
{
	(void)state;
	geometry g = geometry_compute(60, 20);

	assert_int_equal(geometry_tab_x(PANE_TEXT), 0);
	int x2 = geometry_tab_x(PANE_ENTITIES);
	int x3 = geometry_tab_x(PANE_QUOTES);
	assert_int_equal(x2, (int)strlen(geometry_tab_label(PANE_TEXT)));
	assert_int_equal(x3, x2 + (int)strlen(geometry_tab_label(PANE_ENTITIES)));
	assert_int_equal(geometry_tab_at(&g, 0), PANE_TEXT);
	assert_int_equal(geometry_tab_at(&g, x2), PANE_ENTITIES);
	assert_int_equal(geometry_tab_at(&g, x3 + 1), PANE_QUOTES);
	assert_int_equal(geometry_tab_at(&g, 59), PANE_NONE);
	/* The three labels fit the narrowest screen. */
	assert_true(x3 + (int)strlen(geometry_tab_label(PANE_QUOTES)) <= GEOM_MIN_COLS);
	assert_non_null(strstr(geometry_tab_label(PANE_QUOTES), "3"));
	/* No tabs in wide mode. */
	g = geometry_compute(120, 20);
	assert_int_equal(geometry_tab_at(&g, 0), PANE_NONE);
}

static void test_help_box_inside_screen(void **state)
{
	(void)state;
	int sizes[][2] = { { 30, 8 }, { 80, 24 }, { 200, 60 } };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		geometry g = geometry_compute(sizes[i][0], sizes[i][1]);
		assert_true(g.help.x >= 0);
		assert_true(g.help.w > 0);
		assert_true(g.help.x + g.help.w <= g.cols);
		assert_true(g.help.y >= 1);
		assert_true(g.help.y + g.help.h <= g.rows - 1);
	}
}

/* Without entities the quotes pane is the whole right column in wide
 * mode; the narrow tabs do not change. */
static void test_no_entities_pane(void **state)
{
	(void)state;
	geometry with = geometry_compute_panes(120, 30, true);
	geometry g = geometry_compute_panes(120, 30, false);
	assert_int_equal(g.pane[PANE_ENTITIES].frame.h, 0);
	assert_int_equal(g.pane[PANE_ENTITIES].body.h, 0);
	assert_int_equal(g.pane[PANE_QUOTES].frame.y, g.main.y);
	assert_int_equal(g.pane[PANE_QUOTES].frame.h, g.main.h);
	assert_int_equal(g.pane[PANE_QUOTES].body.h, g.main.h - 1);
	assert_int_equal(g.pane[PANE_QUOTES].frame.x, with.pane[PANE_QUOTES].frame.x);
	assert_int_equal(g.pane[PANE_QUOTES].frame.w, with.pane[PANE_QUOTES].frame.w);
	assert_int_equal(geometry_pane_at(&g, g.pane[PANE_QUOTES].frame.x, g.main.y,
	                                  PANE_TEXT), PANE_QUOTES);
	assert_int_equal(g.text.w, with.text.w);
	geometry n = geometry_compute_panes(80, 24, false);
	geometry nw = geometry_compute(80, 24);
	assert_int_equal(n.pane[PANE_QUOTES].body.h, nw.pane[PANE_QUOTES].body.h);
	assert_int_equal(n.pane[PANE_ENTITIES].body.h, nw.pane[PANE_ENTITIES].body.h);
}

/* Below the minimum the message says what is wrong at any size: the most
 * telling text that fits, never a cut half ("terminal too" / "need 30x8, h"
 * at 12x4 lost the word "small"). */
static void test_small_text_fits(void **state)
{
	(void)state;
	static const struct {
		int cols, rows, n;
		const char *l0, *l1;
	} cases[] = {
		{ 1, 1, 1, "!", "" },
		{ 4, 1, 1, "!", "" },
		{ 5, 1, 1, "small", "" },
		{ 9, 1, 1, "too small", "" },
		{ 12, 4, 2, "too small", "need 30x8" },
		{ 12, 1, 1, "too small", "" },
		{ 18, 2, 2, "terminal too small", "need 30x8" },
		{ 29, 1, 1, "terminal too small: need 30x8", "" },
		{ 29, 7, 2, "terminal too small", "need 30x8, have 29x7" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char lines[2][GEOM_SMALL_TEXT];
		int n = geometry_small_text(cases[i].cols, cases[i].rows, lines);
		assert_int_equal(n, cases[i].n);
		assert_string_equal(lines[0], cases[i].l0);
		assert_string_equal(lines[1], cases[i].l1);
		assert_true((int)strlen(lines[0]) <= cases[i].cols || cases[i].cols < 1);
		assert_true((int)strlen(lines[1]) <= cases[i].cols);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wide_at_100_columns),
		cmocka_unit_test(test_gutter_and_text_width),
		cmocka_unit_test(test_narrow_below_100),
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_pane_at),
		cmocka_unit_test(test_tabs),
		cmocka_unit_test(test_help_box_inside_screen),
		cmocka_unit_test(test_small_text_fits),
		cmocka_unit_test(test_no_entities_pane),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
