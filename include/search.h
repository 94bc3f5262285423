/* search.h - finding a query in the body, smartcase, without curses.
 *
 * Smartcase: the search ignores case unless the query holds an upper-case
 * letter.  Ignoring case compares code points through towlower() in the
 * current locale.  A match may start only at the start of a character.
 * Each call scans only the range it is given, so "next match" costs the
 * distance to the next match, not the article. */
#ifndef QUOTH_SEARCH_H
#define QUOTH_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"

/* True when the query should ignore case (it has no upper-case letter). */
bool search_ignores_case(const char *query, size_t qlen);

/* If text[at..] starts with query, returns true and sets *end to the end
 * of the match (the byte length may differ from qlen when ignoring case). */
bool search_match_at(const char *text, size_t len, size_t at,
                     const char *query, size_t qlen, bool icase, size_t *end);

/* The first match starting in [from, limit), or false.  A match may end
 * after limit (up to len).  Sets *found to the match. */
bool search_forward(const char *text, size_t len, size_t from, size_t limit,
                     const char *query, size_t qlen, bool icase, span *found);

/* The last match starting in [limit, before), scanning backwards from
 * before; false if none. */
bool search_backward(const char *text, size_t len, size_t before,
                     size_t limit, const char *query, size_t qlen, bool icase,
                     span *found);

#endif
