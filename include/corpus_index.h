/* corpus_index.h - many article files -> one summary each, read on every
 * core.
 *
 * The library and `quoth stats DIR` both read a corpus through this: the
 * files are listed first (corpus_files.h), one slot per file is allocated
 * up front, and a plain pool of worker threads takes article indexes from
 * an atomic counter, loads and resolves each article, writes its summary
 * into its slot and frees the article.  Articles are independent, so
 * nothing else is shared.  This file is the only one in quoth that starts
 * threads.
 *
 * A slot is read only once corpus_index_ready() says so (its state is
 * published with release/acquire); after that no worker touches it again,
 * so the owner may read it, and refresh it with corpus_index_reread(),
 * without a lock.  With 0 threads everything is read by the caller's
 * thread, in order: the same summaries, deterministically (the snapshot
 * and the tests use it).  Curses-free; never prints. */
#ifndef QUOTH_CORPUS_INDEX_H
#define QUOTH_CORPUS_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "corpus_files.h"
#include "diag.h"
#include "speakers.h"

typedef struct corpus_summary {
	char *title;        /* NULL when missing or when the file failed */
	char *source;
	char *published;
	size_t n_quotes;
	size_t n_entities;
	size_t n_problems;  /* 0 when it loaded */
	char *error;        /* NULL if it loaded; else the first problem as
	                       "LINE:COL: message" (library_first_error) */
	char *report;       /* with CORPUS_INDEX_REPORTS: every problem as
	                       `quoth check` prints it; else NULL */
	speaker_table speakers; /* this article's speakers, merged by
	                           speakers.h's keys; no hash index kept */
	struct timespec mtime;  /* of the file when it was read; 0 with
	                           CORPUS_INDEX_REPORTS (stats rechecks none) */
	long long size;
	bool oom;           /* memory ran out reading it: counts are partial */
} corpus_summary;

enum {
	CORPUS_INDEX_REPORTS = 1 << 0,  /* keep every problem's text (stats) */
};

typedef struct corpus_index corpus_index;

/* An index over files, which it takes (freed with the index, even on
 * failure).  threads: how many workers to start (0: none, see
 * corpus_index_run); corpus_index_threads() gives the usual number.
 * limit: read at most this many articles, in order (SIZE_MAX: all),
 * which freezes the index "while still reading" for golden screens.
 * Returns NULL when out of memory; a thread that cannot be started is no
 * failure, the others (or corpus_index_run) do its share. */
corpus_index *corpus_index_new(corpus_files *files, size_t threads,
                               size_t limit, unsigned flags);

/* The number of workers worth starting here: the online processors. */
size_t corpus_index_threads(void);

/* Reads, on the caller's thread, every article not yet taken, alongside
 * the workers, then waits for them: afterwards every slot (within the
 * limit) is ready.  The synchronous mode and `quoth stats`. */
void corpus_index_run(corpus_index *ix);

/* Files listed; the file of slot i. */
size_t corpus_index_count(const corpus_index *ix);
const corpus_file *corpus_index_file(const corpus_index *ix, size_t i);

/* Slots whose summary is written, and how many will be (the limit). */
size_t corpus_index_done(const corpus_index *ix);
size_t corpus_index_target(const corpus_index *ix);

/* Whether slot i's summary may be read; then the summary, else NULL. */
const corpus_summary *corpus_index_get(const corpus_index *ix, size_t i);

/* Reads slot i now on the caller's thread unless a worker has it or it is
 * done (a row the user is looking at need not wait its turn).  Returns
 * whether it is ready afterwards; a slot beyond the limit is read too. */
bool corpus_index_read_now(corpus_index *ix, size_t i);

/* Reads a ready slot i again if its file's modification time or size
 * changed since (or always when force); true when it was read again. */
bool corpus_index_reread(corpus_index *ix, size_t i, bool force);

/* "LINE:COL: message" of the earliest of diags ("message" alone when it
 * has no line; "could not be loaded" when there is none), newly
 * allocated; NULL on OOM. */
char *corpus_index_first_error(const diag_list *diags);

/* Stops the workers (each finishes the article it holds), frees every
 * summary and the files.  Accepts NULL. */
void corpus_index_free(corpus_index *ix);

#endif
