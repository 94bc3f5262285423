/* diff.h - `quoth diff`: agreement between annotations of the same
 * articles, two files, two directories of them, or three and more.
 *
 * The driver (diff.c) loads every side, pairs the articles (diff_pair.c),
 * checks that paired articles have the same body, compares them
 * (compare.h through compare_article.h) and writes the figures
 * (diff_write.c as a table, diff_json.c as JSON).  Everything but the
 * driver's loading and printing is plain data; no curses. */
#ifndef QUOTH_DIFF_H
#define QUOTH_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "article.h"

/* Runs `quoth diff` over the n >= 2 paths: files compared as they are,
 * or, when directories, directories whose articles are paired by
 * diff_pairer (the last path is the reference when n is 2), writing the
 * figures to out (JSON when json) and every problem to err.  Returns 0,
 * or 1 when some input was invalid (a path that cannot be read, an
 * article that does not load, paired articles whose bodies differ) or
 * output failed.  Agreement, however low, is not a failure. */
int diff_main(const char *const *paths, size_t n, bool directories, bool json,
              FILE *out, FILE *err);

/* ---- pairing ------------------------------------------------------- */

#define DIFF_NONE ((size_t)-1)

/* The file names of one side's articles, below the side's directory. */
typedef struct diff_side {
	const char *const *names;
	size_t n;
} diff_side;

/* Pairs articles as they are loaded, so that each group is compared and
 * freed as soon as it is complete and memory holds only the articles
 * still waiting for a partner (none, when both sides list their articles
 * in the same order).  The rule: an article with an id goes with those of
 * the same id; one without, with those without whose file names have the
 * same key (diff_name_key; a key that two names of one side share is
 * taken unstripped for both).  One article a side per group; another of
 * the same key on a side is a duplicate, alone. */
typedef struct diff_pairer diff_pairer;

/* A pairer of n_sides sides (n_sides >= 1) named by sides; NULL when out
 * of memory.  sides need not outlive it. */
diff_pairer *diff_pairer_new(const diff_side *sides, size_t n_sides);

typedef enum diff_pair_status {
	DIFF_PAIR_WAITING,    /* its group waits for other sides' articles */
	DIFF_PAIR_COMPLETE,   /* its group is complete: member holds it */
	DIFF_PAIR_DUPLICATE,  /* an earlier article of its side had its key */
} diff_pair_status;

/* Adds article index of side, whose id is id (NULL or "": none), once
 * loaded; each article once.  On DIFF_PAIR_COMPLETE, member (room for
 * n_sides) gets the group: the index of its article on each side.
 * Returns a status, or -1 when out of memory. */
int diff_pairer_add(diff_pairer *p, size_t side, size_t index, const char *id,
                    size_t *member);

/* After the last add: the groups left incomplete, one a call, in the
 * order of their first article added; member gets DIFF_NONE for a side
 * without one.  False when there is none left. */
bool diff_pairer_next_left(diff_pairer *p, size_t *member);

/* Frees p; accepts NULL. */
void diff_pairer_free(diff_pairer *p);

/* The key of file name name: without its extension (.yaml, .yml), and
 * when strip, without an annotator suffix: a trailing '_' followed by
 * ASCII letters and digits only, if something is left before the '_' in
 * the last component ("a/X_4b22.yaml" -> "a/X").  Newly allocated, NULL
 * when out of memory. */
char *diff_name_key(const char *name, bool strip);

/* ---- bodies -------------------------------------------------------- */

/* Where two bodies first differ: a byte offset, and its 1-based line and
 * column (in characters) in either body. */
typedef struct diff_where {
	size_t offset;
	int line;
	int col;
} diff_where;

/* True when a[0..la) and b[0..lb) differ, with *where their first
 * difference (the end of the shorter when one is a prefix of the other),
 * moved back to the start of the character it falls in. */
bool diff_bodies_differ(const char *a, size_t la, const char *b, size_t lb,
                        diff_where *where);

/* True when a and b have the same body; else false, with where they
 * first differ and an excerpt of each written to err as `quoth diff`
 * says it (the compare view's check too). */
bool diff_same_bodies(FILE *err, const article *a, const char *path_a,
                      const article *b, const char *path_b);

/* Writes the text of s[0..len) around offset at, a line's worth, as a
 * quoted C-like string: controls, bidirectional marks, quotes,
 * backslashes and invalid bytes escaped, so no byte of an article reaches
 * the terminal as it is.  Returns what fprintf returns, negative on
 * error. */
int diff_write_excerpt(FILE *out, const char *s, size_t len, size_t at);

#endif
