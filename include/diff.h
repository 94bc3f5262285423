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

/* Runs `quoth diff` over the n >= 2 paths: files compared as they are,
 * or, when directories, directories whose articles are paired by
 * diff_group() (the last path is the reference when n is 2), writing the
 * figures to out (JSON when json) and every problem to err.  Returns 0,
 * or 1 when some input was invalid (a path that cannot be read, an
 * article that does not load, paired articles whose bodies differ) or
 * output failed.  Agreement, however low, is not a failure. */
int diff_main(const char *const *paths, size_t n, bool directories, bool json,
              FILE *out, FILE *err);

/* ---- pairing ------------------------------------------------------- */

#define DIFF_NONE ((size_t)-1)

/* One article of one side: its file name below the side's directory and
 * its id (NULL or "" when it has none). */
typedef struct diff_item {
	const char *name;
	const char *id;
} diff_item;

typedef struct diff_side {
	const diff_item *items;
	size_t n;
} diff_side;

/* Articles that belong together: member[g * n_sides + s] is the index
 * of group g's article on side s, or DIFF_NONE.  Groups are in the order
 * of their first article (the lowest side holding one, then its index). */
typedef struct diff_groups {
	size_t *member;
	bool *duplicate;    /* one per group: an article left out because an
	                       earlier one of its side has the same key */
	size_t n;
	size_t n_sides;
} diff_groups;

/* Groups the articles of n_sides sides: an article with an id with those
 * of the same id; one without, with those without whose file names have
 * the same key (diff_name_key; a key that two articles of one side share
 * is taken unstripped for both).  One article per side and group; a
 * second of the same key on a side makes a group of its own, marked
 * duplicate.  Returns 0, or -1 when out of memory, *out then untouched. */
int diff_group(const diff_side *sides, size_t n_sides, diff_groups *out);

void diff_groups_free(diff_groups *g);

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

/* Writes the text of s[0..len) around offset at, a line's worth, as a
 * quoted C-like string: controls, bidirectional marks, quotes,
 * backslashes and invalid bytes escaped, so no byte of an article reaches
 * the terminal as it is.  Returns what fprintf returns, negative on
 * error. */
int diff_write_excerpt(FILE *out, const char *s, size_t len, size_t at);

#endif
