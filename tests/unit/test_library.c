/* test_library.c - a directory of articles as the library lists it: sorted
 * by name, broken files shown with their first error, a bad directory
 * reported rather than fatal. */
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

#include "diag.h"
#include "library.h"
#include "tmp_tree.h"

static const char *const good_yaml =
	"title: Harbour Festival Goes Ahead\n"
	"source: The Kestrel Bay Courier\n"
	"published: 2024-09-13\n"
	"body: |\n"
	"  The festival will go ahead, Zoe Angstrom said on Friday.\n"
	"\n"
	"  \xe2\x80\x9cRain or shine,\xe2\x80\x9d she said in Kestrel Bay.\n"
	"entities:\n"
	"  - id: zoe\n"
	"    name: Zoe Angstrom\n"
	"    type: PERSON\n"
	"  - id: bay\n"
	"    name: Kestrel Bay\n"
	"    type: GPE\n"
	"quotes:\n"
	"  - text: Rain or shine,\n"
	"    speaker: zoe\n"
	"    cue: said\n";

static const char *const minimal_yaml =
	"title: Short\n"
	"body: |\n"
	"  Nothing happened.\n";

/* Line 2 has the problem: an unknown key. */
static const char *const broken_yaml =
	"title: Broken\n"
	"titel: typo\n"
	"body: |\n"
	"  Text.\n";

static const char *const files[] = {
	"b-good.yaml", "a-minimal.yaml", "c-broken.yaml", "notes.txt",
	".hidden.yaml",
};

static int setup(void **state)
{
	tree_fixture *f = tree_fixture_new("/tmp/quoth-library-XXXXXX");
	if (!f)
		return -1;
	tree_write(f->root, files[0], good_yaml);
	tree_write(f->root, files[1], minimal_yaml);
	tree_write(f->root, files[2], broken_yaml);
	tree_write(f->root, files[3], "not an article\n");
	tree_write(f->root, files[4], good_yaml);
	*state = f;
	return 0;
}

static void test_lists_yaml_sorted(void **state)
{
	tree_fixture *f = *state;
	library *lib = library_load(f->root);

	assert_non_null(lib);
	assert_null(lib->error);
	assert_int_equal(lib->n, 3);
	assert_string_equal(library_entry_at(lib, 0).file, "a-minimal.yaml");
	assert_string_equal(library_entry_at(lib, 1).file, "b-good.yaml");
	assert_string_equal(library_entry_at(lib, 2).file, "c-broken.yaml");
	char want[128];
	snprintf(want, sizeof want, "%s/b-good.yaml", f->root);
	assert_string_equal(library_entry_at(lib, 1).path, want);
	library_free(lib);
}

static void test_summary(void **state)
{
	tree_fixture *f = *state;
	library *lib = library_load(f->root);
	library_entry one = library_entry_at(lib, 1);
	const library_entry *e = &one;
	char line[256];

	assert_null(e->error);
	assert_string_equal(e->title, "Harbour Festival Goes Ahead");
	assert_string_equal(e->source, "The Kestrel Bay Courier");
	assert_string_equal(e->published, "2024-09-13");
	assert_int_equal(e->n_quotes, 1);
	assert_int_equal(e->n_entities, 2);
	library_entry_line(e, line, sizeof line);
	assert_string_equal(line, "2024-09-13    1 quote     2 entities  "
	                    "Harbour Festival Goes Ahead · The Kestrel Bay Courier");

	one = library_entry_at(lib, 0);
	assert_null(e->source);
	assert_int_equal(e->n_quotes, 0);
	library_entry_line(e, line, sizeof line);
	assert_string_equal(line, "              0 quotes    0 entities  Short");
	library_free(lib);
}

static void test_broken_listed_with_error(void **state)
{
	tree_fixture *f = *state;
	library *lib = library_load(f->root);
	library_entry two = library_entry_at(lib, 2);
	const library_entry *e = &two;
	char line[256];

	/* It opens with its problem (the reader's tolerant load), so it is
	 * listed with what loaded and the problem: "LINE:COL: message",
	 * pointing at the unknown key on line 2. */
	assert_non_null(e->error);
	assert_string_equal(e->title, "Broken");
	assert_int_equal(e->n_problems, 1);
	assert_memory_equal(e->error, "2:1: ", 5);
	library_entry_line(e, line, sizeof line);
	assert_non_null(strstr(line, "Broken  ! 1 problem: 2:1: unknown key 'titel'"));
	library_free(lib);
}

static void test_many_sorted_whatever_the_directory_order(void **state)
{
	(void)state;
	char dir[] = "/tmp/quoth-sorted-XXXXXX";
	char name[32];
	assert_non_null(mkdtemp(dir));
	/* Created out of order: the directory's own order does not matter. */
	for (int i = 0; i < 20; i++) {
		snprintf(name, sizeof name, "%02d.yaml", (i * 7) % 20);
		tree_write(dir, name, minimal_yaml);
	}
	library *lib = library_load(dir);
	assert_int_equal(lib->n, 20);
	for (size_t i = 0; i < 20; i++) {
		snprintf(name, sizeof name, "%02zu.yaml", i);
		assert_string_equal(library_entry_at(lib, i).file, name);
	}
	library_free(lib);
	assert_int_equal(tree_remove(dir), 0);
}

static void test_unreadable_directory(void **state)
{
	(void)state;
	library *lib = library_load("/nonexistent/quoth/dir");

	assert_non_null(lib);
	assert_int_equal(lib->n, 0);
	assert_non_null(lib->error);
	assert_non_null(strstr(lib->error, "/nonexistent/quoth/dir"));
	library_free(lib);
}

static void test_empty_directory(void **state)
{
	(void)state;
	char path[] = "/tmp/quoth-empty-XXXXXX";
	assert_non_null(mkdtemp(path));
	library *lib = library_load(path);
	assert_non_null(lib);
	assert_null(lib->error);
	assert_int_equal(lib->n, 0);
	library_free(lib);
	rmdir(path);
	library_free(NULL);
}

static void test_first_error_picks_earliest(void **state)
{
	(void)state;
	diag_list d = { 0 };

	diag_add(&d, "x.yaml", 9, 3, "later");
	diag_add(&d, "x.yaml", 4, 7, "earlier");
	diag_add(&d, "x.yaml", 4, 2, "earliest");
	char *s = library_first_error(&d);
	assert_string_equal(s, "4:2: earliest");
	free(s);
	diag_list_free(&d);

	diag_list whole = { 0 };
	diag_add(&whole, "x.yaml", 0, 0, "cannot read");
	s = library_first_error(&whole);
	assert_string_equal(s, "cannot read");
	free(s);
	diag_list_free(&whole);
}

static void test_line_truncation_keeps_characters(void **state)
{
	(void)state;
	library_entry e = {
		.file = "x.yaml", .title = "Zo\xc3\xab \xc3\x85ngstr\xc3\xb6m", /* Zoë Ångström */
	};
	/* The title starts after the 38 columns of date and counts; a buffer
	 * that ends inside "ë" must not keep half of it. */
	char line[64];
	const char *head = "              0 quotes    0 entities  ";
	size_t h = strlen(head);
	library_entry_line(&e, line, h + 4);
	assert_memory_equal(line, head, h);
	assert_string_equal(line + h, "Zo");
	library_entry_line(&e, line, h + 5);
	assert_string_equal(line + h, "Zo\xc3\xab");
}

/* Names with a newline and an invalid byte are listed, shown with
 * placeholders by the renderer; a file gone since the listing is listed
 * with the reason; a link loop is entered once. */
static void test_odd_names_and_a_vanished_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/quoth-odd-XXXXXX";
	assert_non_null(mkdtemp(dir));
	tree_write(dir, "new\nline\xff.yaml", minimal_yaml);
	tree_write(dir, "gone.yaml", minimal_yaml);
	char link[128];
	snprintf(link, sizeof link, "%s/loop", dir);
	assert_int_equal(symlink(dir, link), 0);
	library *lib = library_open(dir, 0, SIZE_MAX);
	assert_int_equal(lib->n, 2);
	tree_unlink(dir, "gone.yaml");
	library_wait(lib);
	library_entry gone = library_entry_at(lib, 0);
	assert_string_equal(gone.file, "gone.yaml");
	assert_non_null(gone.error);
	assert_non_null(strstr(gone.error, "No such file"));
	library_entry odd = library_entry_at(lib, 1);
	assert_string_equal(odd.file, "new\nline\xff.yaml");
	assert_null(odd.error);
	assert_string_equal(odd.title, "Short");
	library_free(lib);
	assert_int_equal(tree_remove(dir), 0);
}

/* Sorted and filtered at the library level: ties in path order, a filter
 * on the title, the source or the path, in either case. */
static void test_sort_and_filter(void **state)
{
	tree_fixture *f = *state;
	library *lib = library_load(f->root);
	library_set_sort(lib, LIBRARY_BY_QUOTES);
	assert_string_equal(library_entry_at(lib, 0).file, "b-good.yaml");
	assert_string_equal(library_entry_at(lib, 1).file, "a-minimal.yaml");
	assert_string_equal(library_entry_at(lib, 2).file, "c-broken.yaml");
	library_set_sort(lib, LIBRARY_BY_DATE);     /* dated first */
	assert_string_equal(library_entry_at(lib, 0).file, "b-good.yaml");
	library_set_filter(lib, "KESTREL");         /* the source */
	assert_int_equal(lib->n, 1);
	assert_int_equal(library_file_of(lib, 0), 1);
	assert_int_equal(library_row_of(lib, 1), 0);
	assert_int_equal(library_row_of(lib, 0), lib->n);
	library_set_filter(lib, "broken");          /* the path */
	assert_int_equal(lib->n, 1);
	library_set_filter(lib, "");
	assert_int_equal(lib->n, 3);
	assert_string_equal(library_sort_name(LIBRARY_BY_TITLE), "title");
	library_free(lib);
}

/* A test of the folder setup() writes. */
#define IN_DIR(test) \
	cmocka_unit_test_setup_teardown(test, setup, tree_fixture_teardown)

int main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		IN_DIR(test_lists_yaml_sorted),
		IN_DIR(test_summary),
		IN_DIR(test_broken_listed_with_error),
		cmocka_unit_test(test_many_sorted_whatever_the_directory_order),
		cmocka_unit_test(test_unreadable_directory),
		cmocka_unit_test(test_empty_directory),
		cmocka_unit_test(test_first_error_picks_earliest),
		cmocka_unit_test(test_line_truncation_keeps_characters),
		cmocka_unit_test(test_odd_names_and_a_vanished_file),
		IN_DIR(test_sort_and_filter),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
