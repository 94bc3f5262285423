/* corpus_files.h - the article files under the paths a user names.
 *
 * `quoth stats DIR` and the library read corpora laid out in folders
 * (by outlet, by year): every article file below a directory counts, at
 * any depth, in a fixed order.  Symbolic links are followed, but a
 * directory is entered once (a link loop ends there), hidden entries are
 * skipped, and a directory that cannot be read is reported and skipped.
 *
 * A JSON Lines file (*.jsonl) of more than one document is a library of
 * its lines (issue 13): each line that holds something is an entry of
 * its own, read again from its offset when opened, so that a corpus of
 * 100,000 lines is listed without holding its articles.  A blank line is
 * a warning at its line, and skipped.  Curses-free. */
#ifndef QUOTH_CORPUS_FILES_H
#define QUOTH_CORPUS_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "diag.h"

typedef struct corpus_file {
	char *path;     /* as it can be opened: ROOT/sub/dir/name.yaml */
	const char *rel;/* the part of path below its root (path itself for a
	                   file named directly); for a line entry with
	                   ":LINE" after it, as the library shows the place */
	int line;       /* 0: the whole file is the article; else the line
	                   of the JSON Lines file path that holds it */
	long long offset;       /* a line entry's first byte in path */
	struct timespec mtime;  /* a line entry's: path's time and size when */
	long long size;         /* its lines were listed, which offset is of */
} corpus_file;

typedef struct corpus_files {
	corpus_file *items;
	size_t n;
	size_t cap;
} corpus_files;

/* True for a name that is an article file: *.yaml or *.yml, a brat
 * *.ann (read with its .txt, which is not listed itself) or JSON Lines
 * *.jsonl, not hidden. */
bool corpus_is_article_name(const char *name);

/* True for path a directory, or a *.jsonl file with more than one line
 * that holds something: what opens as a library rather than an article.
 * Reads no further than its second such line. */
bool corpus_files_is_library(const char *path);

/* Appends the article files of root: root itself when it is a file (any
 * name), else every article file below it, sorted by path within it; a
 * *.jsonl of several documents as one entry per line, in line order.
 * Problems (a path that does not exist, a directory that cannot be read)
 * go into problems, one each, with the path as file; a blank line of a
 * JSON Lines file is a warning at its line.  Returns -1 when out of
 * memory, else 0. */
int corpus_files_add(corpus_files *list, const char *root, diag_list *problems);

/* Whether f's offset still holds: the whole file, or a line entry whose
 * file has the time and size it had when listed.  When not, its line is
 * found again by counting lines (article_open.h). */
bool corpus_file_current(const corpus_file *f);

void corpus_files_free(corpus_files *list);

#endif
