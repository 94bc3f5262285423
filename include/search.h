/* search.h - finding a query in the body, smartcase, without curses.
 *
 * Smartcase: the search ignores case unless the query holds an upper-case
 * letter.  Ignoring case compares code points through towlower() in the
 * current locale.  In the same spirit the search ignores accents unless
 * the query holds an accented letter: "ibanez" finds "Ibáñez", "ibáñez"
 * does not find "Ibanez".  Accents are folded for the precomposed letters
 * of Latin-1 Supplement and Latin Extended-A, by a small table.  Straight
 * and typographic quotation marks always match each other (' ’ ‘ ʼ ‚ ‛ ‹ ›
 * as one, " “ ” „ ‟ « » as another), whatever the mode, since an article
 * and a keyboard seldom agree on them.
 *
 * A match may start only at the start of a character; its offsets are in
 * bytes of the text, and its length may differ from the query's.  Each
 * call scans only the range it is given, so "next match" costs the
 * distance to the next match, not the article. */
#ifndef QUOTH_SEARCH_H
#define QUOTH_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"

/* How a query compares, or'ed together; 0 compares letters exactly.  A
 * bool true passed as a mode is SEARCH_ICASE. */
enum {
	SEARCH_ICASE   = 1 << 0,   /* case ignored */
	SEARCH_IACCENT = 1 << 1,   /* accents of Latin letters ignored */
};

/* True when the query should ignore case (it has no upper-case letter). */
bool search_ignores_case(const char *query, size_t qlen);

/* True when the query should ignore accents (it has no accented letter
 * that the fold table knows). */
bool search_ignores_accents(const char *query, size_t qlen);

/* The smartcase mode of a query: SEARCH_ICASE and SEARCH_IACCENT as the
 * two functions above say. */
unsigned search_mode(const char *query, size_t qlen);

/* If text[at..] starts with query, returns true and sets *end to the end
 * of the match (the byte length may differ from qlen when folding). */
bool search_match_at(const char *text, size_t len, size_t at,
                     const char *query, size_t qlen, unsigned mode, size_t *end);

/* The first match starting in [from, limit), or false.  A match may end
 * after limit (up to len).  Sets *found to the match. */
bool search_forward(const char *text, size_t len, size_t from, size_t limit,
                     const char *query, size_t qlen, unsigned mode, span *found);

/* The last match starting in [limit, before), scanning backwards from
 * before; false if none. */
bool search_backward(const char *text, size_t len, size_t before,
                     size_t limit, const char *query, size_t qlen, unsigned mode,
                     span *found);

/* The matches starting in [0, len), every start counted as n counts them
 * (overlapping ones too), in *total; in *before those starting before
 * offset at.  One scan of the text. */
void search_count(const char *text, size_t len, const char *query, size_t qlen,
                  unsigned mode, size_t at, size_t *total, size_t *before);

#endif
