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

/* The strict load a summary needs (quoth stats): 0 with *out set when
 * load_article() would succeed, else -1 with *out NULL, and nothing
 * printed or kept: load the file with load_article() for its problems.
 * The article is resolved by resolve_article_summary(), without its
 * mentions found by spelling, and not looked over for warnings: the
 * quotes, speakers and counts are load_article()'s, for less work. */
int load_article_summary(const char *path, article **out);

/* The same from bytes in memory; name is used in diagnostics. */
int load_article_mem(const char *name, const char *bytes, size_t len,
                     article **out, diag_list *diags);

/* Loads the article at path as far as it goes, for a reader that shows
 * what it can.  Returns the number of problems added to diags (0: the
 * article is valid, as load_article() would say).  *out is set whenever
 * the file could be read and parsed as YAML into an article mapping,
 * problems or not; NULL only when it is unreadable or not an article at
 * all.  In the model: a quote that could not be placed has resolved
 * false and spans NULL; a cue or source not found leaves its span empty
 * (n_cue_spans 0, n_source_spans 0); an entity the loader refused
 * is dropped unless it kept an id, a type and a name or mentions; a body
 * that could not be read is empty.  Every span of the model lies inside
 * the body, on character boundaries.  The caller frees *out with
 * article_free().  `quoth check` uses load_article(): validity is decided
 * there, not here. */
int load_article_tolerant(const char *path, article **out, diag_list *diags);

/* The same from bytes in memory; name is used in diagnostics. */
int load_article_tolerant_mem(const char *name, const char *bytes, size_t len,
                              article **out, diag_list *diags);

#endif
