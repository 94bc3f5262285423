/* corpus_files.h - the article files under the paths a user names.
 *
 * `quoth stats DIR` and the library read corpora laid out in folders
 * (by outlet, by year): every article file below a directory counts, at
 * any depth, in a fixed order.  Symbolic links are followed, but a
 * directory is entered once (a link loop ends there), hidden entries are
 * skipped, and a directory that cannot be read is reported and skipped.
 * Curses-free. */
#ifndef QUOTH_CORPUS_FILES_H
#define QUOTH_CORPUS_FILES_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

typedef struct corpus_file {
	char *path;     /* as it can be opened: ROOT/sub/dir/name.yaml */
	const char *rel;/* the part of path below its root (path itself for a
	                   file named directly) */
} corpus_file;

typedef struct corpus_files {
	corpus_file *items;
	size_t n;
	size_t cap;
} corpus_files;

/* True for a name that is an article file: *.yaml or *.yml, or a brat
 * *.ann (read with its .txt, which is not listed itself), not hidden. */
bool corpus_is_article_name(const char *name);

/* Appends the article files of root: root itself when it is a file (any
 * name), else every article file below it, sorted by path within it.
 * Problems (a path that does not exist, a directory that cannot be read)
 * go into problems, one each, with the path as file.  Returns -1 when out
 * of memory, else 0. */
int corpus_files_add(corpus_files *list, const char *root, diag_list *problems);

void corpus_files_free(corpus_files *list);

#endif
