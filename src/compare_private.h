/* compare_private.h - what the comparison's files share and nobody else
 * sees.
 *
 *   compare.c        the entry points: what differs in each match, the
 *                    figures, entity mentions, several annotators
 *   compare_match.c  characters in common between lists of spans, and the
 *                    one-to-one matching of two annotations' quotes */
#ifndef QUOTH_COMPARE_PRIVATE_H
#define QUOTH_COMPARE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "compare.h"

/* Room for n items of size bytes, uninitialised: at least one item, so
 * that NULL always means out of memory (or n * size overflowing), never
 * "nothing asked for".  Free with free(). */
void *compare_alloc(size_t n, size_t size);

/* Characters (code points) of text[0..len) covered by the n spans, each
 * clipped to the text. */
size_t compare_chars(const char *text, size_t len, const span *s, size_t n);

/* Characters covered by both lists; each list in text order, its spans
 * disjoint. */
size_t compare_common(const char *text, size_t len, const span *x,
                      size_t nx, const span *y, size_t ny);

/* True when some span of x and some span of y share a byte. */
bool compare_meet(const span *x, size_t nx, const span *y, size_t ny);

/* Matches the quotes of a and b one to one, as compare_run() says, given
 * each quote's content length in characters (chars_a, chars_b).  Sets
 * .other and .overlap of every link in la (one per quote of a) and lb (one
 * per quote of b), COMPARE_NONE and 0 for a quote left unmatched.
 * Returns 0, or -1 when out of memory (the links then unspecified). */
int compare_match(const char *text, size_t len, const compare_set *a,
                  const compare_set *b, const size_t *chars_a,
                  const size_t *chars_b, compare_link *la, compare_link *lb);

#endif
