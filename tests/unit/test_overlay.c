/* test_overlay.c - the rows of the reader's boxes: wrapped at spaces to
 * the box, the value's rows under the value, never wider than asked. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "article_load.h"
#include "overlay.h"
#include "reader_fixture.h"
#include "text.h"

static void assert_fits(const overlay_rows *o, int width)
{
	for (size_t i = 0; i < o->n; i++)
		assert_true(text_width(o->rows[i], strlen(o->rows[i])) <= width);
}

static reader *open_titled(article **a, const char *title)
{
	*a = fx_article(title, "Nothing happened.");
	fx_finish(*a);
	reader *r = reader_new(*a, 100, 30);
	assert_non_null(r);
	return r;
}

/* A long value wraps at its spaces, the next rows under the value. */
static void test_wraps_under_value(void **state)
{
	(void)state;
	article *a;
	reader *r = open_titled(&a, "One two three four five six seven eight nine");
	overlay_rows o = { 0 };

	assert_true(overlay_build(&o, OVERLAY_INFO, r, NULL, 30));
	assert_fits(&o, 30);
	assert_string_equal(o.rows[0], "title      One two three four");
	assert_string_equal(o.rows[1], "           five six seven");
	assert_string_equal(o.rows[2], "           eight nine");
	assert_string_equal(o.rows[3], "subtitle   \xe2\x80\x94");
	overlay_rows_free(&o);
	assert_int_equal(o.n, 0);
	overlay_rows_free(NULL);
	reader_free(r);
	article_free(a);
}

/* A word longer than the room is cut, a wide character never split; a
 * box narrower than two labels puts the label on its own row. */
static void test_narrow_and_long_words(void **state)
{
	(void)state;
	article *a;
	reader *r = open_titled(&a, "Abcdefghijklmnopqrstuvwxyz \xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1\xe4\xba\xac");
	overlay_rows o = { 0 };

	assert_true(overlay_build(&o, OVERLAY_INFO, r, NULL, 20));
	assert_fits(&o, 20);
	assert_string_equal(o.rows[0], "title");
	assert_string_equal(o.rows[1], "Abcdefghijklmnopqrst");
	assert_string_equal(o.rows[2], "uvwxyz \xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1\xe4\xba\xac");
	assert_true(overlay_build(&o, OVERLAY_INFO, r, NULL, 3));
	assert_fits(&o, 3);
	assert_true(overlay_build(&o, OVERLAY_INFO, r, NULL, 1));
	/* Width 1 cannot hold a wide character: it gets a row of its own. */
	assert_true(o.n > 20);
	overlay_rows_free(&o);
	reader_free(r);
	article_free(a);
}

/* The details of a quote whose source is in pieces: both pieces, joined
 * as a split quote's fragments are. */
static void test_detail_source_in_pieces(void **state)
{
	(void)state;
	static const char yaml[] =
		"title: T\nbody: |\n"
		"  The mayor and, by letter, the chief said it is shut.\n"
		"quotes:\n  - text: it is shut\n    kind: indirect\n"
		"    speaker: {span: [[0, 9], [26, 35]]}\n";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("p.yaml", yaml, sizeof yaml - 1, &a, &d), 0);
	diag_list_free(&d);
	reader *r = reader_new(a, 100, 30);
	assert_non_null(r);
	reader_apply(r, ACT_NEXT_QUOTE);
	overlay_rows o = { 0 };
	assert_true(overlay_build(&o, OVERLAY_DETAIL, r, NULL, 60));
	bool seen = false;
	for (size_t i = 0; i < o.n; i++)
		seen |= strcmp(o.rows[i], "source     The mayor \xe2\x80\xa6 the chief") == 0;
	for (size_t i = 0; !seen && i < o.n; i++)
		print_message("  %s\n", o.rows[i]);
	assert_true(seen);
	overlay_rows_free(&o);
	reader_free(r);
	article_free(a);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wraps_under_value),
		cmocka_unit_test(test_narrow_and_long_words),
		cmocka_unit_test(test_detail_source_in_pieces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
