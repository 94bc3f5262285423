/* suggest.h - "did you mean …?" for misspelt keys and ids. */
#ifndef QUOTH_SUGGEST_H
#define QUOTH_SUGGEST_H

#include <stddef.h>

/* The candidate closest to word by edit distance (adjacent transpositions
 * count as one edit, ASCII case differences are free), or NULL when none is
 * close enough to be a likely typo: at most 1 edit for words up to 4
 * characters, 2 up to 8, 3 beyond.  The result points into candidates. */
const char *suggest_nearest(const char *word, const char *const *candidates,
                            size_t n);

/* The same distance, bounded: returns limit + 1 when it exceeds limit. */
size_t suggest_distance(const char *a, const char *b, size_t limit);

#endif
