/* test_app.c - the one dispatch: keys, mouse and resize events through
 * the help overlay, the library and the reader, and the flags returned. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "app_fixture.h"
#include "keymap.h"
#include "keys.h"
#include "reader_fixture.h"
#include "tmp_tree.h"

static int mouse(app *ap, input_type type, int x, int y)
{
	input_event ev = { .type = type, .x = x, .y = y };
	return app_handle(ap, &ev);
}

static int resize(app *ap, int cols, int rows)
{
	input_event ev = { .type = INPUT_RESIZE, .x = cols, .y = rows };
	return app_handle(ap, &ev);
}

static article *small_article(void)
{
	article *a = fx_article("Test", "\xe2\x80\x9cHello,\xe2\x80\x9d Ann said.\n\n"
	                        "Second paragraph.\n\nThird paragraph.");
	size_t ann = fx_entity(a, "ann", "Ann", "PERSON");
	fx_mentions_of(a, ann, "Ann");
	fx_quote(a, (long)ann, NULL, QUOTE_DIRECT, "said", 1, "Hello,");
	fx_finish(a);
	return a;
}

/* ---- one article ------------------------------------------------------ */

static void test_article_q_quits(void **state)
{
	(void)state;
	app *ap = app_new_article(small_article(), 80, 24);

	assert_non_null(ap);
	assert_int_equal(ap->screen, APP_SCREEN_READER);
	/* The article fits on screen: j changes nothing, and the loop need
	 * not draw; Tab moves the focus, which it must. */
	assert_int_equal(fx_key(ap, 'j'), HANDLER_IGNORED);
	assert_int_equal(fx_key(ap, QK_TAB), HANDLER_REDRAW);
	assert_true(fx_key(ap, 'q') & HANDLER_CLOSE);
	app_free(ap);
}

static void test_ctrl_l_full_redraw(void **state)
{
	(void)state;
	app *ap = app_new_article(small_article(), 80, 24);

	assert_int_equal(fx_key(ap, QK_CTRL('l')),
	                 HANDLER_REDRAW | HANDLER_FULL_REDRAW);
	assert_false(fx_key(ap, 'j') & HANDLER_FULL_REDRAW);
	app_free(ap);
}

static void test_keys_reach_reader(void **state)
{
	(void)state;
	app *ap = app_new_article(small_article(), 80, 24);
	char buf[128];

	fx_key(ap, ']');
	assert_int_equal(ap->rd->current, 0);
	fx_key(ap, '2');
	assert_int_equal(ap->rd->focus, PANE_ENTITIES);
	fx_key(ap, QK_ENTER);
	assert_int_equal(ap->rd->selected, 0);
	fx_key(ap, QK_TAB);
	assert_int_equal(ap->rd->focus, PANE_QUOTES);
	app_status(ap, buf, sizeof buf);
	assert_string_equal(buf, "quotes  100%  quote 1/1  Ann  ? help");
	app_title(ap, buf, sizeof buf);
	assert_string_equal(buf, "Test · The Test Courier · 2024-09-13");
	fx_key(ap, QK_ESC);
	assert_int_equal(ap->rd->selected, -1);
	app_free(ap);
}

static void test_search_keys_go_to_query(void **state)
{
	(void)state;
	app *ap = app_new_article(small_article(), 80, 24);
	char buf[64];

	fx_key(ap, '/');
	assert_true(ap->rd->search.editing);
	/* q, ? and j are text while typing a search. */
	fx_key(ap, 'q');
	fx_key(ap, '?');
	fx_key(ap, 'j');
	assert_false(ap->help);
	assert_string_equal(ap->rd->search.query, "q?j");
	app_status(ap, buf, sizeof buf);
	assert_string_equal(buf, "/q?j");
	fx_key(ap, QK_ESC);
	assert_false(ap->rd->search.editing);
	fx_key(ap, '/');
	fx_key(ap, 'p');
	fx_key(ap, 'a');
	fx_key(ap, QK_ENTER);
	assert_true(ap->rd->search.found);
	assert_false(ap->rd->search.editing);
	app_free(ap);
}

/* ---- help ------------------------------------------------------------- */

static void test_help_toggle(void **state)
{
	(void)state;
	app *ap = app_new_article(small_article(), 80, 60);
	char line[128];

	assert_true(fx_key(ap, '?') & HANDLER_REDRAW);
	assert_true(ap->help);
	/* The reader's help: every action but the library's own, and the
	 * mouse. */
	assert_int_equal(app_help_count(ap), keymap_help_count_for(KEYMAP_READER));
	assert_true(app_help_count(ap) < ACT_COUNT);
	app_help_line(ap, 0, line, sizeof line);
	assert_non_null(strstr(line, "quit"));
	/* Short enough to fit: j closes it like any key, and does nothing
	 * else. */
	layout_pos top = ap->rd->top;
	fx_key(ap, 'j');
	assert_false(ap->help);
	assert_int_equal(ap->rd->top.para, top.para);
	assert_int_equal(ap->rd->top.row, top.row);
	fx_key(ap, QK_F1);
	assert_true(ap->help);
	fx_key(ap, 'x');
	assert_false(ap->help);
	fx_key(ap, '?');
	fx_key(ap, QK_ESC);
	assert_false(ap->help);
	fx_key(ap, '?');
	mouse(ap, INPUT_CLICK, 3, 3);
	assert_false(ap->help);
	app_free(ap);
}

static void test_help_scrolls_when_long(void **state)
{
	(void)state;
	app *ap = app_new_article(small_article(), 80, 12);
	size_t rows = (size_t)ap->geo.help.h - 2;

	assert_true(app_help_count(ap) > rows);
	fx_key(ap, '?');
	fx_key(ap, 'j');
	fx_key(ap, 'j');
	assert_true(ap->help);
	assert_int_equal(ap->help_top, 2);
	fx_key(ap, 'k');
	assert_int_equal(ap->help_top, 1);
	for (int i = 0; i < 100; i++)
		fx_key(ap, QK_DOWN);
	assert_int_equal(ap->help_top, app_help_count(ap) - rows);
	mouse(ap, INPUT_WHEEL_UP, 5, 5);
	assert_int_equal(ap->help_top, app_help_count(ap) - rows - INPUT_WHEEL_ROWS);
	fx_key(ap, 'q');                /* closes, does not quit */
	assert_false(ap->help);
	assert_int_equal(ap->screen, APP_SCREEN_READER);
	app_free(ap);
}

/* ---- mouse and resize ------------------------------------------------- */

static void test_mouse_through_app(void **state)
{
	(void)state;
	app *ap = app_new_article(small_article(), 120, 30);
	rect qb = ap->rd->geo.pane[PANE_QUOTES].body;

	assert_true(mouse(ap, INPUT_CLICK, qb.x + 1, qb.y) & HANDLER_REDRAW);
	assert_int_equal(ap->rd->focus, PANE_QUOTES);
	assert_int_equal(ap->rd->current, 0);
	mouse(ap, INPUT_CLICK, 2, 2);
	assert_int_equal(ap->rd->focus, PANE_TEXT);
	app_free(ap);
}

static void test_resize_event(void **state)
{
	(void)state;
	app *ap = app_new_article(small_article(), 80, 24);

	assert_true(resize(ap, 120, 40) & HANDLER_REDRAW);
	assert_int_equal(ap->cols, 120);
	assert_true(ap->geo.wide);
	assert_true(ap->rd->geo.wide);
	assert_int_equal(layout_width(ap->rd->lay), 70);
	/* Too small: keys wait, q still quits. */
	resize(ap, 10, 4);
	assert_true(ap->rd->geo.too_small);
	assert_int_equal(fx_key(ap, '?'), HANDLER_IGNORED);
	assert_false(ap->help);
	assert_int_equal(fx_key(ap, '2'), HANDLER_IGNORED);
	assert_int_equal(ap->rd->focus, PANE_TEXT);
	resize(ap, 80, 24);
	fx_key(ap, '2');
	assert_int_equal(ap->rd->focus, PANE_ENTITIES);
	resize(ap, 10, 4);
	assert_true(fx_key(ap, 'q') & HANDLER_CLOSE);
	app_free(ap);
}

/* ---- library ---------------------------------------------------------- */

static const char *const lib_files[] = {
	"a.yaml", "b.yaml", "c.yaml", "d-broken.yaml",
};

static void write_article(const char *dir, const char *name, const char *title,
                          bool broken)
{
	char text[256];
	snprintf(text, sizeof text, "title: %s\n%sbody: |\n  Paragraph about %s.\n",
	         title, broken ? "bogus: 1\n" : "", title);
	tree_write(dir, name, text);
}

static int lib_setup(void **state)
{
	tree_fixture *f = tree_fixture_new("/tmp/quoth-app-XXXXXX");
	if (!f)
		return -1;
	write_article(f->root, lib_files[0], "Alpha", false);
	write_article(f->root, lib_files[1], "Bravo", false);
	write_article(f->root, lib_files[2], "Charlie", false);
	write_article(f->root, lib_files[3], "Delta", true);
	*state = f;
	return 0;
}

static void test_library_navigation(void **state)
{
	tree_fixture *f = *state;
	app *ap = app_new_library(f->root, 80, 24);
	char buf[256];

	assert_non_null(ap);
	assert_int_equal(ap->screen, APP_SCREEN_LIBRARY);
	assert_int_equal(ap->lib->n, 4);
	assert_int_equal(ap->lib_view.cursor, 0);
	fx_key(ap, 'j');
	fx_key(ap, QK_DOWN);
	assert_int_equal(ap->lib_view.cursor, 2);
	fx_key(ap, 'k');
	assert_int_equal(ap->lib_view.cursor, 1);
	fx_key(ap, 'G');
	assert_int_equal(ap->lib_view.cursor, 3);
	fx_key(ap, 'j');
	assert_int_equal(ap->lib_view.cursor, 3);
	fx_key(ap, 'g');
	assert_int_equal(ap->lib_view.cursor, 0);
	fx_key(ap, QK_PGDN);
	assert_int_equal(ap->lib_view.cursor, 3);
	fx_key(ap, QK_PGUP);
	assert_int_equal(ap->lib_view.cursor, 0);
	app_status(ap, buf, sizeof buf);
	assert_string_equal(buf, "library  article 1/4  by file  a.yaml  ? help");
	app_title(ap, buf, sizeof buf);
	assert_non_null(strstr(buf, "4 articles"));
	app_library_line(ap, 1, buf, sizeof buf);
	assert_string_equal(buf, "              0 quotes    0 entities  Bravo");
	/* An article with a problem is listed with what loaded, and how many
	 * problems it has. */
	app_library_line(ap, 3, buf, sizeof buf);
	assert_non_null(strstr(buf, "Delta  ! 1 problem: 2:1: unknown key 'bogus'"));
	app_library_line(ap, 9, buf, sizeof buf);
	assert_string_equal(buf, "");
	/* Help from the library. */
	fx_key(ap, '?');
	assert_true(ap->help);
	fx_key(ap, ' ');
	assert_false(ap->help);
	assert_true(fx_key(ap, 'q') & HANDLER_CLOSE);
	app_free(ap);
}

static void test_library_open_and_back(void **state)
{
	tree_fixture *f = *state;
	app *ap = app_new_library(f->root, 80, 24);
	char buf[256];

	fx_key(ap, 'j');
	assert_true(fx_key(ap, QK_ENTER) & HANDLER_REDRAW);
	assert_int_equal(ap->screen, APP_SCREEN_READER);
	assert_non_null(ap->art);
	assert_string_equal(ap->art->title, "Bravo");
	app_title(ap, buf, sizeof buf);
	assert_string_equal(buf, "Bravo");
	/* q goes back to the library, which keeps its cursor. */
	int flags = fx_key(ap, 'q');
	assert_false(flags & HANDLER_CLOSE);
	assert_true(flags & HANDLER_REDRAW);
	assert_int_equal(ap->screen, APP_SCREEN_LIBRARY);
	assert_null(ap->art);
	assert_null(ap->rd);
	assert_int_equal(ap->lib_view.cursor, 1);
	/* Open another, leave it, quit. */
	fx_key(ap, 'j');
	fx_key(ap, '\r');
	assert_string_equal(ap->art->title, "Charlie");
	fx_key(ap, 'q');
	assert_true(fx_key(ap, 'q') & HANDLER_CLOSE);
	app_free(ap);
}

static void test_library_open_failure(void **state)
{
	tree_fixture *f = *state;
	app *ap = app_new_library(f->root, 80, 24);
	char buf[256];

	/* An article with a problem opens, with its problems for `!`. */
	fx_key(ap, 'G');
	fx_key(ap, QK_ENTER);
	assert_int_equal(ap->screen, APP_SCREEN_READER);
	assert_string_equal(ap->art->title, "Delta");
	assert_int_equal(diag_count(&ap->problems, DIAG_ERROR), 1);
	app_status(ap, buf, sizeof buf);
	assert_non_null(strstr(buf, "1 problem: ! lists them"));
	fx_key(ap, 'q');
	/* One that is no article at all stays in the list, and says why. */
	char path[300];
	snprintf(path, sizeof path, "%s/%s", f->root, lib_files[3]);
	FILE *w = fopen(path, "w");
	assert_non_null(w);
	fputs("- a list, not an article\n", w);
	fclose(w);
	fx_key(ap, QK_ENTER);
	assert_int_equal(ap->screen, APP_SCREEN_LIBRARY);
	assert_null(ap->art);
	app_status(ap, buf, sizeof buf);
	assert_non_null(strstr(buf, "cannot open d-broken.yaml: "));
	/* The next key clears the message. */
	fx_key(ap, 'k');
	app_status(ap, buf, sizeof buf);
	assert_string_equal(buf, "library  article 3/4  by file  c.yaml  ? help");
	app_free(ap);
}

static void test_library_mouse(void **state)
{
	tree_fixture *f = *state;
	app *ap = app_new_library(f->root, 80, 24);

	mouse(ap, INPUT_CLICK, 3, ap->geo.main.y + 2);
	assert_int_equal(ap->lib_view.cursor, 2);
	mouse(ap, INPUT_CLICK, 3, ap->geo.main.y + 10);   /* past the list */
	assert_int_equal(ap->lib_view.cursor, 2);
	mouse(ap, INPUT_WHEEL_DOWN, 3, 3);     /* the list fits: no scroll */
	assert_int_equal(ap->lib_view.top, 0);
	app_free(ap);
}

static void test_library_scrolls(void **state)
{
	(void)state;
	char dir[] = "/tmp/quoth-many-XXXXXX";
	char name[32];
	assert_non_null(mkdtemp(dir));
	for (int i = 0; i < 30; i++) {
		snprintf(name, sizeof name, "%02d.yaml", i);
		write_article(dir, name, "Item", false);
	}
	app *ap = app_new_library(dir, 80, 12);
	size_t rows = (size_t)ap->geo.main.h;

	assert_int_equal(ap->lib->n, 30);
	for (int i = 0; i < 15; i++)
		fx_key(ap, 'j');
	assert_int_equal(ap->lib_view.cursor, 15);
	assert_int_equal(ap->lib_view.top, 15 - rows + 1);
	fx_key(ap, 'G');
	assert_int_equal(ap->lib_view.top, 30 - rows);
	mouse(ap, INPUT_WHEEL_UP, 3, 3);
	assert_int_equal(ap->lib_view.top, 30 - rows - INPUT_WHEEL_ROWS);
	assert_true(ap->lib_view.cursor < ap->lib_view.top + rows);
	/* Smaller terminal: the cursor stays visible. */
	fx_key(ap, 'G');
	resize(ap, 80, 9);
	assert_true(ap->lib_view.cursor >= ap->lib_view.top);
	assert_true(ap->lib_view.cursor < ap->lib_view.top + (size_t)ap->geo.main.h);
	app_free(ap);
	assert_int_equal(tree_remove(dir), 0);
}

static void test_library_too_small(void **state)
{
	tree_fixture *f = *state;
	app *ap = app_new_library(f->root, 80, 24);

	resize(ap, 20, 5);
	assert_true(ap->geo.too_small);
	assert_int_equal(fx_key(ap, 'j'), HANDLER_IGNORED);
	assert_int_equal(fx_key(ap, QK_ENTER), HANDLER_IGNORED);
	assert_int_equal(fx_key(ap, '?'), HANDLER_IGNORED);
	assert_int_equal(mouse(ap, INPUT_CLICK, 1, 2), HANDLER_IGNORED);
	assert_int_equal(ap->screen, APP_SCREEN_LIBRARY);
	assert_int_equal(ap->lib_view.cursor, 0);
	assert_false(ap->help);
	resize(ap, 80, 24);
	fx_key(ap, 'j');
	assert_int_equal(ap->lib_view.cursor, 1);
	resize(ap, 20, 5);
	assert_true(fx_key(ap, 'q') & HANDLER_CLOSE);
	app_free(ap);
}

static void test_library_bad_dir(void **state)
{
	(void)state;
	app *ap = app_new_library("/nonexistent/quoth", 80, 24);
	char buf[256];

	assert_non_null(ap);
	app_status(ap, buf, sizeof buf);
	assert_non_null(strstr(buf, "/nonexistent/quoth"));
	assert_true(fx_key(ap, 'j') & HANDLER_REDRAW);
	fx_key(ap, QK_ENTER);
	assert_int_equal(ap->screen, APP_SCREEN_LIBRARY);
	assert_true(fx_key(ap, 'q') & HANDLER_CLOSE);
	app_free(ap);
	app_free(NULL);
}

/* ---- the reader's boxes ---------------------------------------------- */

/* Whether some row of the open box holds text. */
static bool box_has(const app *ap, const char *text)
{
	for (size_t i = 0; i < ap->overlay_rows.n; i++)
		if (strstr(ap->overlay_rows.rows[i], text))
			return true;
	return false;
}

/* The problems given to the app are its own copy; ! lists each with its
 * line, any key closes the box, and d on a quote not found shows its
 * problem. */
static void test_problems_box(void **state)
{
	(void)state;
	article *a = fx_talks();
	a->quotes[FX_TALKS_Q_LOST].pos = (src_pos){ .line = 41, .col = 5 };
	/* A second quote not found, so that [ from the last one must skip
	 * two. */
	size_t lost2 = fx_quote(a, FX_TALKS_LAVROV, NULL, QUOTE_DIRECT, NULL, 1,
	                        "arrived");
	free(a->quotes[lost2].spans);
	a->quotes[lost2].spans = NULL;
	app *ap = app_new_article(a, 100, 30);
	diag_list d = { 0 };
	diag_add(&d, "talks.yaml", 41, 11, "quote not found in the body: 'late'");
	diag_add(&d, "talks.yaml", 3, 1, "unknown field 'foo'");
	assert_true(app_set_problems(ap, &d));
	diag_list_free(&d);

	assert_true(fx_key(ap, '!') & HANDLER_REDRAW);
	assert_int_equal(ap->overlay, OVERLAY_PROBLEMS);
	assert_int_equal(ap->overlay_rows.n, 2);
	assert_non_null(strstr(ap->overlay_rows.rows[0], "41:11"));
	assert_non_null(strstr(ap->overlay_rows.rows[0], "not found in the body: 'late'"));
	assert_non_null(strstr(ap->overlay_rows.rows[1], "3:1"));
	assert_non_null(strstr(ap->overlay_rows.rows[1], "unknown field 'foo'"));
	/* Any key closes it and does nothing else. */
	fx_key(ap, ']');
	assert_int_equal(ap->overlay, OVERLAY_NONE);
	assert_int_equal(ap->rd->current, -1);

	/* ] and [ go round the quotes in the text: [ from the top wraps to
	 * the last one found, ] from there to the first. */
	fx_key(ap, '[');
	assert_int_equal(ap->rd->current, FX_TALKS_Q_NONE);
	fx_key(ap, ']');
	assert_int_equal(ap->rd->current, FX_TALKS_Q_FINE);
	/* The list shows the lost one last: Enter there makes it current. */
	fx_key(ap, '3');
	fx_key(ap, 'G');
	fx_key(ap, QK_ENTER);
	assert_int_equal(ap->rd->current, (long)lost2);
	fx_key(ap, '[');
	assert_int_equal(ap->rd->current, FX_TALKS_Q_NONE);
	fx_key(ap, '3');
	fx_key(ap, 'G');
	fx_key(ap, QK_ENTER);
	fx_key(ap, ']');
	assert_int_equal(ap->rd->current, FX_TALKS_Q_FINE);
	fx_key(ap, 'G');
	fx_key(ap, 'k');
	fx_key(ap, QK_ENTER);
	assert_int_equal(ap->rd->current, FX_TALKS_Q_LOST);
	fx_key(ap, 'd');
	assert_int_equal(ap->overlay, OVERLAY_DETAIL);
	assert_true(box_has(ap, "not found in the text"));
	assert_true(box_has(ap, "problem    quote not found in the body: 'late'"));
	assert_false(box_has(ap, "unknown field"));
	assert_true(box_has(ap, "speaker    Sergei Lavrov"));
	fx_key(ap, 'x');
	/* Given again, the list replaces the first. */
	assert_true(app_set_problems(ap, NULL));
	fx_key(ap, '!');
	assert_true(box_has(ap, "no problems"));
	app_free(ap);
}

/* d shows the current quote; i the article; a box wraps to its width and
 * is rewrapped on resize; too small closes it. */
static void test_detail_and_info_boxes(void **state)
{
	(void)state;
	app *ap = app_new_article(fx_talks(), 100, 30);

	fx_key(ap, 'd');
	assert_true(box_has(ap, "none yet"));
	fx_key(ap, 'd');
	assert_int_equal(ap->overlay, OVERLAY_NONE);
	fx_key(ap, ']');
	fx_key(ap, ']');
	fx_key(ap, 'd');
	assert_true(box_has(ap, "quote      2 of 5 in body order"));
	assert_true(box_has(ap, "kind       partial"));
	assert_true(box_has(ap, "cue        told"));
	assert_true(box_has(ap, "text       not based on trust"));
	fx_key(ap, 'q');
	assert_int_equal(ap->overlay, OVERLAY_NONE);
	assert_int_equal(ap->screen, APP_SCREEN_READER);

	fx_key(ap, 'i');
	assert_int_equal(ap->overlay, OVERLAY_INFO);
	assert_true(box_has(ap, "title      Talks"));
	assert_true(box_has(ap, "source     The Test Courier"));
	int inner = ap->geo.help.w - 2;
	for (size_t i = 0; i < ap->overlay_rows.n; i++)
		assert_true((int)strlen(ap->overlay_rows.rows[i]) <= inner);
	resize(ap, 40, 20);
	assert_int_equal(ap->overlay, OVERLAY_INFO);
	assert_int_equal(ap->overlay_rows.width, ap->geo.help.w - 2);
	resize(ap, 20, 5);
	assert_int_equal(ap->overlay, OVERLAY_NONE);
	assert_int_equal(ap->overlay_rows.n, 0);
	app_free(ap);
}

int main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_article_q_quits),
		cmocka_unit_test(test_ctrl_l_full_redraw),
		cmocka_unit_test(test_keys_reach_reader),
		cmocka_unit_test(test_search_keys_go_to_query),
		cmocka_unit_test(test_help_toggle),
		cmocka_unit_test(test_help_scrolls_when_long),
		cmocka_unit_test(test_mouse_through_app),
		cmocka_unit_test(test_resize_event),
		cmocka_unit_test_setup_teardown(test_library_navigation, lib_setup,
		                                tree_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_library_open_and_back, lib_setup,
		                                tree_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_library_open_failure, lib_setup,
		                                tree_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_library_mouse, lib_setup,
		                                tree_fixture_teardown),
		cmocka_unit_test(test_library_scrolls),
		cmocka_unit_test_setup_teardown(test_library_too_small, lib_setup,
		                                tree_fixture_teardown),
		cmocka_unit_test(test_library_bad_dir),
		cmocka_unit_test(test_problems_box),
		cmocka_unit_test(test_detail_and_info_boxes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
