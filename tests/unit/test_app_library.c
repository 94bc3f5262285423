/* test_app_library.c - the library screen at corpus scale: rows in
 * folders, sort (o) and filter (/), the position and the reading line,
 * the threaded reading against the synchronous one, rows refreshed after
 * an article is read or its file changes (issue 12, bug 6), and a help
 * that lists only the library's keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "app_fixture.h"
#include "keymap.h"
#include "keys.h"
#include "tmp_tree.h"

static char root[] = "/tmp/quoth-applib-XXXXXX";

static void type(app *ap, const char *s)
{
	for (; *s; s++)
		fx_key(ap, (unsigned char)*s);
}

static void write_at(const char *rel, const char *title, const char *source,
                     const char *date, int quotes, bool broken)
{
	char text[2048];
	int n = snprintf(text, sizeof text,
	                 "title: %s\nsource: %s\npublished: %s\n%sbody: |\n  Ann Lee spoke.\n",
	                 title, source, date, broken ? "bogus: 1\n" : "");
	for (int q = 0; q < quotes; q++)
		n += snprintf(text + n, sizeof text - (size_t)n,
		              "  Ann said \xe2\x80\x9cpoint %d\xe2\x80\x9d.\n", q);
	n += snprintf(text + n, sizeof text - (size_t)n,
	              "entities:\n  - {id: ann, name: Ann Lee, type: PERSON}\n%s",
	              quotes ? "quotes:\n" : "");
	for (int q = 0; q < quotes; q++)
		n += snprintf(text + n, sizeof text - (size_t)n,
		              "  - {text: point %d, speaker: ann}\n", q);
	tree_write(root, rel, text);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(root))
		return -1;
	tree_mkdir(root, "courier");
	tree_mkdir(root, "ledger");
	write_at("courier/a.yaml", "Harbour Reopens", "Courier", "2024-05-01", 2, false);
	write_at("courier/b.yaml", "Budget Vote", "Courier", "2023-01-09", 5, false);
	write_at("ledger/c.yaml", "Storm Damage", "Ledger", "2024-11-20", 1, false);
	write_at("ledger/d.yaml", "Broken One", "Ledger", "2022-02-02", 0, true);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return tree_remove(root);
}

static const char *row(const app *ap, size_t i)
{
	static char buf[256];
	app_library_line(ap, i, buf, sizeof buf);
	return buf;
}

static const char *status(const app *ap)
{
	static char buf[256];
	app_status(ap, buf, sizeof buf);
	return buf;
}

static void test_rows_below_folders(void **state)
{
	(void)state;
	app *ap = app_new_library(root, 100, 24);
	assert_int_equal(ap->lib->n, 4);
	assert_non_null(strstr(row(ap, 0), "Harbour Reopens · Courier"));
	assert_string_equal(library_entry_at(ap->lib, 2).file, "ledger/c.yaml");
	assert_non_null(strstr(row(ap, 3), "Broken One · Ledger  ! 1 problem: "));
	/* The status names the position, the order and the cursor's file. */
	assert_string_equal(status(ap),
	                    "library  article 1/4  by file  courier/a.yaml  ? help");
	app_free(ap);
}

static void test_sort_cycles(void **state)
{
	(void)state;
	app *ap = app_new_library(root, 100, 24);
	fx_key(ap, 'j');   /* on courier/b.yaml */
	fx_key(ap, 'o');
	assert_int_equal(ap->lib->sort, LIBRARY_BY_DATE);
	assert_non_null(strstr(status(ap), "by date"));
	/* Newest first; the cursor stays on its article. */
	assert_non_null(strstr(row(ap, 0), "Storm Damage"));
	assert_non_null(strstr(row(ap, 1), "Harbour Reopens"));
	assert_non_null(strstr(row(ap, 2), "Budget Vote"));
	assert_int_equal(ap->lib_view.cursor, 2);
	fx_key(ap, 'o');   /* source: Courier, Courier, Ledger...; ties by path */
	assert_non_null(strstr(row(ap, 0), "Harbour Reopens"));
	assert_non_null(strstr(row(ap, 2), "Storm Damage"));
	fx_key(ap, 'o');   /* title; the one with a problem has its title too */
	assert_non_null(strstr(row(ap, 0), "Broken One"));
	assert_non_null(strstr(row(ap, 1), "Budget Vote"));
	assert_non_null(strstr(row(ap, 2), "Harbour Reopens"));
	assert_non_null(strstr(row(ap, 3), "Storm Damage"));
	fx_key(ap, 'o');   /* quotes, most first */
	assert_int_equal(ap->lib->sort, LIBRARY_BY_QUOTES);
	assert_non_null(strstr(row(ap, 0), "Budget Vote"));
	assert_non_null(strstr(row(ap, 1), "Harbour Reopens"));
	fx_key(ap, 'o');
	assert_int_equal(ap->lib->sort, LIBRARY_BY_FILE);
	assert_non_null(strstr(row(ap, 0), "Harbour Reopens"));
	assert_int_equal(ap->lib_view.cursor, 1);
	app_free(ap);
}

static void test_filter_as_you_type(void **state)
{
	(void)state;
	app *ap = app_new_library(root, 100, 24);
	fx_key(ap, '/');
	assert_true(ap->lib_filtering);
	type(ap, "LEDG");           /* source or path, either case */
	assert_int_equal(ap->lib->n, 2);
	assert_non_null(strstr(status(ap), "article 1/2"));
	assert_non_null(strstr(status(ap), "/ledg"));
	fx_key(ap, QK_BACKSPACE);
	fx_key(ap, QK_BACKSPACE);
	fx_key(ap, QK_BACKSPACE);
	type(ap, "orm");            /* "lorm": nothing */
	assert_int_equal(ap->lib->n, 0);
	assert_non_null(strstr(status(ap), "article 0/0"));
	fx_key(ap, QK_BACKSPACE);
	fx_key(ap, QK_BACKSPACE);
	fx_key(ap, QK_BACKSPACE);
	fx_key(ap, QK_BACKSPACE);
	type(ap, "storm");          /* the title */
	assert_int_equal(ap->lib->n, 1);
	/* Enter keeps the filter and gives the keys back: j, q work. */
	fx_key(ap, QK_ENTER);
	assert_false(ap->lib_filtering);
	assert_int_equal(ap->lib->n, 1);
	fx_key(ap, QK_ENTER);          /* opens the one shown */
	assert_int_equal(ap->screen, APP_SCREEN_READER);
	assert_string_equal(ap->art->title, "Storm Damage");
	fx_key(ap, 'q');
	assert_int_equal(ap->lib->n, 1);
	/* Esc clears it. */
	fx_key(ap, QK_ESC);
	assert_int_equal(ap->lib->n, 4);
	/* Typed q is a letter while filtering, not quit. */
	fx_key(ap, '/');
	assert_false(fx_key(ap, 'q') & HANDLER_CLOSE);
	fx_key(ap, QK_ESC);
	assert_int_equal(ap->lib->n, 4);
	assert_true(fx_key(ap, 'q') & HANDLER_CLOSE);
	app_free(ap);
}

/* Waits for the background reading, as the loop's polls do. */
static void poll_until_read(app *ap)
{
	for (int i = 0; i < 5000 && app_busy(ap); i++) {
		app_poll(ap);
		struct timespec ms = { 0, 1000000 };
		nanosleep(&ms, NULL);
	}
	app_poll(ap);
	assert_false(app_busy(ap));
}

static void test_threaded_rows_equal_synchronous(void **state)
{
	(void)state;
	app *sync = app_new_library(root, 100, 24);
	app *par = app_new_library_reading(root, 100, 24, 3, SIZE_MAX);
	fx_key(par, 'o');      /* sorted while still reading */
	poll_until_read(par);
	fx_key(sync, 'o');
	for (size_t i = 0; i < 4; i++) {
		char want[256];
		snprintf(want, sizeof want, "%s", row(sync, i));
		assert_string_equal(row(par, i), want);
	}
	assert_string_equal(status(par), status(sync));
	app_free(sync);
	app_free(par);
}

static void test_still_reading(void **state)
{
	(void)state;
	/* Frozen after 1 article: the rest wait, the status says so. */
	app *ap = app_new_library_reading(root, 100, 24, 0, 1);
	assert_true(app_busy(ap));
	assert_non_null(strstr(row(ap, 0), "Harbour Reopens"));
	assert_string_equal(row(ap, 1), "reading                               courier/b.yaml");
	assert_string_equal(status(ap),
	                    "library  article 1/4  by file  reading 1/4  courier/a.yaml  ? help");
	/* Keys work meanwhile, and the rows they show are read at once, out
	 * of turn: here every row is on screen. */
	fx_key(ap, 'G');
	assert_int_equal(ap->lib_view.cursor, 3);
	assert_non_null(strstr(row(ap, 3), "Broken One · Ledger  ! 1 problem: "));
	assert_non_null(strstr(row(ap, 1), "Budget Vote"));
	assert_false(app_busy(ap));
	assert_null(strstr(status(ap), "reading"));
	app_free(ap);
}

static void test_rows_refresh_after_fix(void **state)
{
	(void)state;
	app *ap = app_new_library(root, 100, 24);
	fx_key(ap, 'G');
	assert_non_null(strstr(row(ap, 3), "Broken One · Ledger  ! 1 problem: "));
	assert_non_null(strstr(row(ap, 3), "bogus"));
	/* Broken another way: it opens with its new problem, and the row
	 * says it now. */
	tree_write(root, "ledger/d.yaml", "title: T\nbody: |\n  x\nquotes: 3\n");
	fx_key(ap, QK_ENTER);
	assert_int_equal(ap->screen, APP_SCREEN_READER);
	assert_null(strstr(row(ap, 3), "bogus"));
	assert_non_null(strstr(row(ap, 3), "quotes"));
	fx_key(ap, 'q');
	/* Fixed in another shell: opening reads it again, and q shows it. */
	write_at("ledger/d.yaml", "Fixed Now", "Ledger", "2022-02-02", 0, false);
	fx_key(ap, QK_ENTER);
	assert_int_equal(ap->screen, APP_SCREEN_READER);
	fx_key(ap, 'q');
	assert_non_null(strstr(row(ap, 3), "Fixed Now"));
	/* Another file changed while reading: rechecked on the way back. */
	fx_key(ap, QK_ENTER);
	write_at("courier/a.yaml", "Harbour Reopens Again", "Courier", "2024-05-01", 3,
	         false);
	fx_key(ap, 'q');
	assert_non_null(strstr(row(ap, 0), "Harbour Reopens Again"));
	assert_non_null(strstr(row(ap, 0), "3 quotes"));
	app_free(ap);
	write_at("ledger/d.yaml", "Broken One", "Ledger", "2022-02-02", 0, true);
	write_at("courier/a.yaml", "Harbour Reopens", "Courier", "2024-05-01", 2, false);
}

static bool help_has(const app *ap, const char *what)
{
	char line[256];
	for (size_t i = 0; i < app_help_count(ap); i++)
		if (strstr(app_help_line(ap, i, line, sizeof line), what))
			return true;
	return false;
}

static void test_help_of_the_library(void **state)
{
	(void)state;
	app *ap = app_new_library(root, 100, 40);
	fx_key(ap, '?');
	assert_true(ap->help);
	assert_true(help_has(ap, "sort by the next column"));
	assert_false(help_has(ap, "next quote"));
	assert_false(help_has(ap, "mention"));
	assert_true(help_has(ap, "quit"));
	fx_key(ap, 'x');
	fx_key(ap, QK_ENTER);
	fx_key(ap, '?');
	assert_false(help_has(ap, "sort by the next column"));
	assert_true(help_has(ap, "next quote"));
	app_free(ap);
}

int main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_below_folders),
		cmocka_unit_test(test_sort_cycles),
		cmocka_unit_test(test_filter_as_you_type),
		cmocka_unit_test(test_threaded_rows_equal_synchronous),
		cmocka_unit_test(test_still_reading),
		cmocka_unit_test(test_rows_refresh_after_fix),
		cmocka_unit_test(test_help_of_the_library),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
