/* library.h - the articles below a directory, one summary each, sorted
 * and filtered for the library screen.
 *
 * library_open() lists the article files below dir (corpus_files.h: at
 * any depth, by path) and starts the corpus index (corpus_index.h) on
 * them: the list is there at once, each row's summary as soon as its
 * article is read.  A file that fails to load stays in the list with its
 * first error, so a broken article is seen rather than hidden.  The rows
 * shown are an order over the files: sorted by one key (ties in path
 * order), and only those matching the filter.  Curses-free. */
#ifndef QUOTH_LIBRARY_H
#define QUOTH_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "corpus_index.h"
#include "diag.h"

/* One row, as read from the index; every pointer is the library's. */
typedef struct library_entry {
	const char *path;       /* as it can be opened */
	const char *file;       /* the path below the directory; for a line
	                           of a JSON Lines file "PATH:LINE" */
	int line;               /* that line, or 0: the whole file */
	const char *title;      /* NULL when missing, failed or not read yet */
	const char *source;
	const char *published;
	size_t n_quotes;
	size_t n_entities;
	const char *error;      /* NULL if it loaded without error; else the
	                           first as "LINE:COL: message" */
	size_t n_problems;      /* its errors (0 when valid) */
	bool pending;           /* not read yet: only path and file are set */
} library_entry;

typedef enum library_sort {
	LIBRARY_BY_FILE,        /* the listing order */
	LIBRARY_BY_DATE,        /* newest first */
	LIBRARY_BY_SOURCE,
	LIBRARY_BY_TITLE,
	LIBRARY_BY_QUOTES,      /* most quoted first */
	LIBRARY_SORT_COUNT
} library_sort;

#define LIBRARY_FILTER_MAX 128

typedef struct library {
	char *dir;
	corpus_index *index;    /* owned; NULL when the directory failed */
	size_t n;               /* rows shown: the filtered files */
	size_t *order;          /* owned: row -> file index, n of them */
	library_sort sort;
	char filter[LIBRARY_FILTER_MAX];  /* "" shows every file */
	char *error;            /* NULL, or why the directory could not be read */
	char *problem;          /* NULL, or the first directory below that
	                           could not be read ("PATH: why; skipped") */
	size_t seen_done;       /* corpus_index_done at the last poll */
} library;

/* Lists the article files below dir and starts reading them with threads
 * workers (0: none, then library_wait reads them all), at most limit of
 * them (SIZE_MAX: all).  Never fails on a bad directory (error is set
 * instead, with no rows); returns NULL only on OOM. */
library *library_open(const char *dir, size_t threads, size_t limit);

/* library_open(dir, 0, SIZE_MAX) then library_wait: every summary read. */
library *library_load(const char *dir);

/* Reads, on this thread, every article still to read, then waits for the
 * workers. */
void library_wait(library *lib);

/* Accepts NULL. */
void library_free(library *lib);

/* Files listed, which are all to be read (a limit leaves the library
 * "still reading"), and of them read so far. */
size_t library_files(const library *lib);
size_t library_read(const library *lib);

/* Row i (0 <= i < n) as it stands now. */
library_entry library_entry_at(const library *lib, size_t row);

/* The file index of row i. */
size_t library_file_of(const library *lib, size_t row);

/* The row showing file index file, or n when it is filtered out. */
size_t library_row_of(const library *lib, size_t file);

/* Reads row i's article now unless it is read or being read: the rows on
 * screen need not wait their turn. */
void library_fill(library *lib, size_t row);

/* Sorts the rows by sort; the filter stays. */
void library_set_sort(library *lib, library_sort sort);
const char *library_sort_name(library_sort sort);

/* Shows only the files whose title, source or path holds filter (ASCII
 * letters in either case); "" shows all.  Keeps the sort. */
void library_set_filter(library *lib, const char *filter);

/* Called as the loop polls: true when rows changed since the last call
 * (more summaries read; once all are, the sort and the filter are applied
 * again, as titles and dates are now known). */
bool library_poll(library *lib);

/* Reads row i's file again (force: even if its time and size are the
 * same).  Then every read file whose time or size changed (recheck);
 * true when a JSON Lines file listed by its lines changed: its lines may
 * have moved, so the library must be listed again (app_files_changed),
 * and its rows are left as they were. */
void library_refresh(library *lib, size_t row, bool force);
bool library_recheck(library *lib);

/* One line of the list: "2016-07-16   17 quotes   22 entities  TITLE ·
 * SOURCE" (date, counts in fixed columns), "FILE: LINE:COL: message" for
 * an article that does not load ("FILE.jsonl:LINE:COL: message" for a
 * line of a JSON Lines file), "reading FILE" for one not read yet.
 * Never ends inside a character. */
void library_entry_line(const library_entry *e, char *buf, size_t n);

/* "LINE:COL: message" of the earliest of diags ("message" alone when it
 * has no line), newly allocated; NULL on OOM. */
char *library_first_error(const diag_list *diags);

#endif
