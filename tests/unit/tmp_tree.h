/* tmp_tree.h - a directory tree under /tmp for the tests that read
 * folders of articles (the corpus index, the library, the speakers view,
 * the app's library and its next and previous article).
 * Include after cmocka.h; inline, so a test that uses one needs no other. */
#ifndef QUOTH_TEST_TMP_TREE_H
#define QUOTH_TEST_TMP_TREE_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Makes root/rel, a folder. */
static inline void tree_mkdir(const char *root, const char *rel)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_int_equal(mkdir(path, 0755), 0);
}

/* Writes text into root/rel; fails the test when it cannot. */
static inline void tree_write(const char *root, const char *rel, const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Removes root and everything below it: 0, or -1. */
static inline int tree_remove(const char *root)
{
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

/* Removes the file root/rel; a test uses it to make a file vanish. */
static inline void tree_unlink(const char *root, const char *rel)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	unlink(path);
}

/* A cmocka fixture's folder, as its state. */
typedef struct tree_fixture {
	char root[64];
} tree_fixture;

/* A new folder made from a mkdtemp template (its XXXXXX replaced), or
 * NULL; tree_fixture_teardown() removes it. */
static inline tree_fixture *tree_fixture_new(const char *template)
{
	tree_fixture *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	snprintf(f->root, sizeof f->root, "%s", template);
	if (!mkdtemp(f->root)) {
		free(f);
		return NULL;
	}
	return f;
}

/* A cmocka teardown: removes the folder of *state, all below it, and
 * frees the fixture; 0, or -1 when the folder stays. */
static inline int tree_fixture_teardown(void **state)
{
	tree_fixture *f = *state;
	int rc = tree_remove(f->root);
	free(f);
	return rc;
}

#endif
