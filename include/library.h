/* library.h - the articles of a directory, one summary each.
 *
 * library_load() reads every *.yaml and *.yml file of a directory, sorted by name,
 * keeps a short summary of each and frees the article.  A file that fails
 * to load stays in the list with its first error, so a broken article is
 * seen rather than hidden.  Curses-free. */
#ifndef QUOTH_LIBRARY_H
#define QUOTH_LIBRARY_H

#include <stddef.h>

#include "diag.h"

typedef struct library_entry {
	char *path;         /* directory + "/" + file name */
	char *file;         /* the file name alone */
	char *title;        /* NULL when missing or when the file failed */
	char *source;
	char *published;
	size_t n_quotes;
	size_t n_entities;
	char *error;        /* NULL if it loaded; else "LINE:COL: message" of
	                       the first error (just "message" without a line) */
} library_entry;

typedef struct library {
	char *dir;
	library_entry *items;   /* owned */
	size_t n;
	char *error;        /* NULL, or why the directory could not be read */
} library;

/* Sets *names to the article files' names in dir (*.yaml and *.yml, not
 * hidden), sorted, as many as memory allowed; the caller frees each and
 * the array.  Returns 0, or the errno of opening the directory (then
 * *names is NULL and *n 0). */
int library_list_files(const char *dir, char ***names, size_t *n);

/* Loads the summaries of the article files of dir.  Never fails on a bad directory
 * (error is set instead, with no items); returns NULL only on OOM. */
library *library_load(const char *dir);
/* Accepts NULL. */
void library_free(library *lib);

/* One line of the list: "2016-07-16   17 quotes   22 entities  TITLE ·
 * SOURCE" (date, counts in fixed columns), or "FILE: LINE:COL: message"
 * for an article that does not load.  Never ends inside a character. */
void library_entry_line(const library_entry *e, char *buf, size_t n);

/* "LINE:COL: message" of the earliest of diags ("message" alone when it
 * has no line), newly allocated; NULL on OOM. */
char *library_first_error(const diag_list *diags);

#endif
