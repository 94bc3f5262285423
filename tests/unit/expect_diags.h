/* expect_diags.h - diagnostics compared with the ones a test expects, for
 * the tests of the loader's, the resolver's and the lint's messages: one
 * comparison, so that every such test checks message, line, column, file
 * and excerpt alike, and shows what came when it fails.
 * Include after cmocka.h; inline, so a test that uses some needs no other. */
#ifndef QUOTH_TEST_EXPECT_DIAGS_H
#define QUOTH_TEST_EXPECT_DIAGS_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "article_load.h"

/* Tests run from the top of the source tree. */
#define LOADER_FIXTURES "tests/fixtures/loader/"

typedef struct expect {
	int line;
	int col;
	const char *message;
} expect;

/* The number of problems in an array of them. */
#define EXPECT_LEN(want) (sizeof want / sizeof want[0])

/* Prints every diagnostic of d: what a test about to fail shows. */
static inline void expect_print_diags(const diag_list *d)
{
	for (size_t i = 0; i < d->n; i++)
		print_message("  got %d:%d: %s\n", d->items[i].line, d->items[i].col,
		              d->items[i].message);
}

/* The diagnostics are exactly want, in order: message, line and column;
 * on a difference, all of them are printed before the test fails. */
static inline void expect_diags(const diag_list *d, const expect *want, size_t n)
{
	bool same = d->n == n;
	for (size_t i = 0; same && i < n; i++)
		same = strcmp(d->items[i].message, want[i].message) == 0 &&
		       d->items[i].line == want[i].line && d->items[i].col == want[i].col;
	if (!same)
		expect_print_diags(d);
	assert_int_equal(d->n, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(d->items[i].message, want[i].message);
		assert_int_equal(d->items[i].line, want[i].line);
		assert_int_equal(d->items[i].col, want[i].col);
	}
}

/* Every diagnostic names file; one with a line carries its excerpt (and
 * a caret where it has a column), one for the whole file has none. */
static inline void expect_diags_placed(const diag_list *d, const char *file)
{
	for (size_t i = 0; i < d->n; i++) {
		const diag *g = &d->items[i];
		assert_string_equal(g->file, file);
		if (g->line > 0)
			assert_non_null(g->excerpt);
		else
			assert_null(g->excerpt);
		if (g->col > 0)
			assert_true(g->caret > 0);
	}
}

/* Every diagnostic has severity sev. */
static inline void expect_diags_severity(const diag_list *d, diag_severity sev)
{
	for (size_t i = 0; i < d->n; i++)
		assert_int_equal(d->items[i].severity, sev);
}

/* The diagnostics of path, which must fail to load (the caller frees). */
static inline diag_list expect_failed_load(const char *path)
{
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article(path, &a, &d), -1);
	assert_null(a);
	return d;
}

/* Loads path, which must fail with exactly the problems in want, placed
 * in path. */
static inline void expect_load_fails(const char *path, const expect *want,
                                     size_t n)
{
	diag_list d = expect_failed_load(path);
	expect_diags(&d, want, n);
	expect_diags_placed(&d, path);
	diag_list_free(&d);
}

/* Loads the fixture LOADER_FIXTURES name, which must fail with exactly
 * one error: message at line:col (0 and 0 for the whole file). */
static inline void expect_one(const char *name, int line, int col,
                              const char *message)
{
	char path[256];
	snprintf(path, sizeof path, LOADER_FIXTURES "%s", name);
	diag_list d = expect_failed_load(path);
	const expect want[] = { { line, col, message } };
	expect_diags(&d, want, 1);
	expect_diags_severity(&d, DIAG_ERROR);
	expect_diags_placed(&d, path);
	diag_list_free(&d);
}

/* Loads len bytes as the file named file; they must fail with exactly
 * the problems in want. */
static inline void expect_mem_fails(const char *file, const char *bytes,
                                    size_t len, const expect *want, size_t n)
{
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem(file, bytes, len, &a, &d), -1);
	assert_null(a);
	expect_diags(&d, want, n);
	expect_diags_placed(&d, file);
	diag_list_free(&d);
}

/* Loads path, which must load, with exactly the warnings in want. */
static inline void expect_load_warns(const char *path, const expect *want,
                                     size_t n)
{
	article *a = NULL;
	diag_list d = { 0 };
	int rc = load_article(path, &a, &d);
	if (rc != 0)
		expect_print_diags(&d);
	assert_int_equal(rc, 0);
	assert_non_null(a);
	expect_diags(&d, want, n);
	expect_diags_severity(&d, DIAG_WARNING);
	expect_diags_placed(&d, path);
	article_free(a);
	diag_list_free(&d);
}

#endif
