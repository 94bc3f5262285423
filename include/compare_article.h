/* compare_article.h - a resolved article as one annotation for compare.h.
 *
 * The quotes' content is their found fragments, the cue its found span,
 * the speaker the key speakers.h counts it under (kb, else the entity's
 * name case-folded, else an unnamed speaker's words case-folded; NULL
 * for a quote without a speaker), and the mentions are the resolver's
 * with their entity's type.  Curses-free, no I/O. */
#ifndef QUOTH_COMPARE_ARTICLE_H
#define QUOTH_COMPARE_ARTICLE_H

#include "article.h"
#include "compare.h"

typedef struct compare_article {
	compare_set set;          /* points into the arrays below and into the
	                             article, which must outlive it */
	compare_quote *quotes;    /* owned */
	compare_mention *mentions;/* owned */
	char **keys;              /* owned: one speaker key per quote, or NULL */
} compare_article;

/* Fills *out from the resolved article a.  Returns 0, or -1 when out of
 * memory, leaving *out untouched. */
int compare_article_of(const article *a, compare_article *out);

/* Frees what compare_article_of() allocated; accepts NULL. */
void compare_article_free(compare_article *ca);

#endif
