/* diff_private.h - what the files of `quoth diff` share and nobody else
 * sees.
 *
 *   diff.c        the driver: loads the sides, pairs, checks, compares
 *   diff_pair.c   which articles belong together; first body difference
 *   diff_write.c  the figures as a table
 *   diff_json.c   the figures and the disagreeing quotes as JSON */
#ifndef QUOTH_DIFF_PRIVATE_H
#define QUOTH_DIFF_PRIVATE_H

#include <stdio.h>

#include "article.h"
#include "compare.h"
#include "compare_article.h"

/* One compared article: its n_sides annotations and their figures. */
typedef struct diff_article {
	const char *const *paths;           /* one file per side */
	const article *const *articles;     /* one per side, same body */
	const compare_article *sets;        /* one per side */
	const compare_figures *figures;     /* [i * n_sides + j]: side i against
	                                       side j as the reference */
	const compare_result *result;       /* with two sides, A against B;
	                                       else NULL */
	size_t n_sides;
} diff_article;

/* Everything over all articles. */
typedef struct diff_totals {
	const compare_figures *figures;     /* the articles' cells, added */
	size_t n_sides;
	size_t compared;                    /* articles compared */
	const size_t *only;                 /* per side: articles of that side
	                                       compared with no other (no
	                                       counterpart, or a duplicate) */
	size_t failed;                      /* not loaded, or bodies differ */
} diff_totals;

/* The table of one article, and of all (diff_write.c).  Return negative
 * on an output error. */
int diff_table_article(FILE *out, const diff_article *d);
int diff_table_total(FILE *out, const diff_totals *t, const char *const *roots);

/* The JSON document, built as the articles are compared (diff_json.c). */
typedef struct diff_json diff_json;

diff_json *diff_json_new(const char *const *roots, size_t n_sides);
/* Adds one article; -1 when out of memory. */
int diff_json_article(diff_json *j, const diff_article *d);
/* Adds an article that was compared with no other. */
int diff_json_alone(diff_json *j, size_t side, const char *path, bool duplicate);
/* Writes the document with the totals to out; -1 on failure. */
int diff_json_write(diff_json *j, const diff_totals *t, FILE *out);
void diff_json_free(diff_json *j);

#endif
