/* test_reader_neighbour.c - J and K from the reader through the app: the
 * library's next and previous article opened in place, broken ones
 * passed over, the ends wrapped; and --types kept for every article. */
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
#include <unistd.h>

#include "app.h"
#include "app_fixture.h"
#include "keys.h"
#include "reader_fixture.h"
#include "tmp_tree.h"

static const char *const files[] = { "a.yaml", "b-broken.yaml", "c.yaml" };

static void write_article(const char *dir, const char *name, const char *title,
                          bool broken)
{
	char text[256];
	/* A broken one is no article at all: an article with a problem
	 * would open, with its problems listed. */
	if (broken)
		snprintf(text, sizeof text, "- %s is a list, not an article\n", title);
	else
		snprintf(text, sizeof text,
		         "title: %s\nbody: |\n  Ann met Acme about %s.\n"
		         "entities:\n"
		         "  - id: ann\n    name: Ann\n    type: PERSON\n"
		         "  - id: acme\n    name: Acme\n    type: ORG\n",
		         title, title);
	tree_write(dir, name, text);
}

/* The library lives under build/, as every scratch file of the tests. */
static int setup(void **state)
{
	mkdir("build", 0777);
	tree_fixture *f = tree_fixture_new("build/test-neighbour-XXXXXX");
	if (!f)
		return -1;
	write_article(f->root, files[0], "Alpha", false);
	write_article(f->root, files[1], "Bravo", true);
	write_article(f->root, files[2], "Charlie", false);
	*state = f;
	return 0;
}

static const char *title(const app *ap)
{
	return ap->art ? ap->art->title : "(none)";
}

static bool status_has(const app *ap, const char *want)
{
	char buf[256];
	app_status(ap, buf, sizeof buf);
	return strstr(buf, want) != NULL;
}

static void test_next_and_prev(void **state)
{
	tree_fixture *f = *state;
	app *ap = app_new_library(f->root, 120, 30);

	fx_key(ap, QK_ENTER);
	assert_string_equal(title(ap), "Alpha");
	/* J: the next that loads, Bravo being broken; the list follows. */
	assert_int_equal(fx_key(ap, 'J'), HANDLER_REDRAW);
	assert_int_equal(ap->screen, APP_SCREEN_READER);
	assert_string_equal(title(ap), "Charlie");
	assert_int_equal(ap->lib_view.cursor, 2);
	assert_true(status_has(ap, "? help"));
	/* Past the last: wraps, and says so. */
	fx_key(ap, 'J');
	assert_string_equal(title(ap), "Alpha");
	assert_true(status_has(ap, "wrapped to the first article"));
	fx_key(ap, 'K');
	assert_string_equal(title(ap), "Charlie");
	assert_true(status_has(ap, "wrapped to the last article"));
	fx_key(ap, 'K');
	assert_string_equal(title(ap), "Alpha");
	/* q still goes back to the list, on the article last read. */
	fx_key(ap, 'q');
	assert_int_equal(ap->screen, APP_SCREEN_LIBRARY);
	assert_int_equal(ap->lib_view.cursor, 0);
	app_free(ap);
}

static void test_types_kept(void **state)
{
	tree_fixture *f = *state;
	app *ap = app_new_library(f->root, 120, 30);

	app_set_types(ap, "ORG");
	fx_key(ap, QK_ENTER);
	assert_true(reader_entity_hidden(ap->rd, 0));   /* Ann, a PERSON */
	assert_false(reader_entity_hidden(ap->rd, 1));
	fx_key(ap, 'J');
	assert_string_equal(title(ap), "Charlie");
	assert_true(reader_entity_hidden(ap->rd, 0));
	assert_false(reader_entity_hidden(ap->rd, 1));
	app_free(ap);
}

static void test_one_article(void **state)
{
	(void)state;
	article *a = fx_article("Alone", "Ann met Acme.");
	fx_entity(a, "ann", "Ann", "PERSON");
	fx_finish(a);
	app *ap = app_new_article(a, 120, 30);

	app_set_types(ap, "ORG");
	assert_true(reader_entity_hidden(ap->rd, 0));
	assert_int_equal(fx_key(ap, 'J'), HANDLER_REDRAW);
	assert_string_equal(title(ap), "Alone");
	assert_true(status_has(ap, "no library"));
	app_free(ap);
}

int main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_next_and_prev, setup,
		                                tree_fixture_teardown),
		cmocka_unit_test_setup_teardown(test_types_kept, setup,
		                                tree_fixture_teardown),
		cmocka_unit_test(test_one_article),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
