/* article_load.h - an article file or bytes -> resolved article model:
 * the loader (loader.h) then the resolver (resolve.h), composed in one
 * place, src/article_load.c.  Never prints, never exits. */
#ifndef QUOTH_ARTICLE_LOAD_H
#define QUOTH_ARTICLE_LOAD_H

#include <stddef.h>

#include "article.h"
#include "diag.h"

/* Loads and resolves the article at path.  On success returns 0 and sets
 * *out to an article the caller frees with article_free(); otherwise
 * returns -1, leaves *out NULL and adds at least one diagnostic (memory
 * allowing), each with its excerpt attached.  The status is counted, not
 * read from the diagnostics: a load that found a problem fails even when
 * its message could not be stored.  A load that succeeds may add warnings
 * (severity DIAG_WARNING, lint.h): they never make it fail, and a failed
 * load adds none. */
int load_article(const char *path, article **out, diag_list *diags);

/* The same from bytes in memory; name is used in diagnostics. */
int load_article_mem(const char *name, const char *bytes, size_t len,
                     article **out, diag_list *diags);

#endif
