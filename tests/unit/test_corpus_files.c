/* Tests of corpus_files.c: files at any depth in path order, hidden
 * entries and other names skipped, a link loop entered once, a dangling
 * link and a missing root reported, a file named directly kept. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "corpus_files.h"

static char root[] = "/tmp/quoth-corpus-XXXXXX";

static void touch(const char *rel)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
}

static void make_dir(const char *rel)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_int_equal(mkdir(path, 0755), 0);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(root))
		return -1;
	make_dir("b-outlet");
	make_dir("b-outlet/2016");
	make_dir(".git");
	touch("z.yaml");
	touch("a.yml");
	touch("notes.txt");
	touch(".hidden.yaml");
	touch(".git/c.yaml");
	touch("b-outlet/2016/one.yaml");
	touch("b-outlet/two.yaml");
	char link[256];
	snprintf(link, sizeof link, "%s/b-outlet/loop", root);
	if (symlink(root, link) != 0)
		return -1;
	snprintf(link, sizeof link, "%s/gone.yaml", root);
	if (symlink("/nonexistent/quoth", link) != 0)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_tree(void **state)
{
	(void)state;
	corpus_files list = { 0 };
	diag_list problems = { 0 };
	assert_int_equal(corpus_files_add(&list, root, &problems), 0);
	const char *want[] = { "a.yml", "b-outlet/2016/one.yaml", "b-outlet/two.yaml",
	                       "z.yaml" };
	assert_int_equal(list.n, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(list.items[i].rel, want[i]);
		assert_non_null(strstr(list.items[i].path, want[i]));
		assert_int_equal(strncmp(list.items[i].path, root, strlen(root)), 0);
	}
	assert_int_equal(problems.n, 1);        /* the dangling link */
	assert_non_null(strstr(problems.items[0].file, "gone.yaml"));
	assert_non_null(strstr(problems.items[0].message, "cannot be read"));
	corpus_files_free(&list);
	diag_list_free(&problems);
}

static void test_file_and_missing_roots(void **state)
{
	(void)state;
	corpus_files list = { 0 };
	diag_list problems = { 0 };
	char file[256];
	snprintf(file, sizeof file, "%s/notes.txt", root);
	assert_int_equal(corpus_files_add(&list, file, &problems), 0);
	assert_int_equal(corpus_files_add(&list, "/nonexistent/quoth", &problems), 0);
	assert_int_equal(list.n, 1);            /* named directly: any name */
	assert_string_equal(list.items[0].rel, file);
	assert_int_equal(problems.n, 1);
	assert_string_equal(problems.items[0].file, "/nonexistent/quoth");
	corpus_files_free(&list);
	corpus_files_free(NULL);
	diag_list_free(&problems);
}

static void test_article_names(void **state)
{
	(void)state;
	assert_true(corpus_is_article_name("a.yaml"));
	assert_true(corpus_is_article_name("a.yml"));
	assert_false(corpus_is_article_name(".a.yaml"));
	assert_false(corpus_is_article_name("a.yaml~"));
	assert_false(corpus_is_article_name(".yml"));
	assert_false(corpus_is_article_name("yaml"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_file_and_missing_roots),
		cmocka_unit_test(test_article_names),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
