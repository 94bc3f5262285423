/* tmp_tree.h - a directory tree under /tmp for the tests that read
 * folders of articles (the corpus index, the library, the speakers view).
 * Include after cmocka.h; inline, so a test that uses one needs no other. */
#ifndef QUOTH_TEST_TMP_TREE_H
#define QUOTH_TEST_TMP_TREE_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

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

#endif
