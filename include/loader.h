/* loader.h - YAML article bytes -> article model, with every problem.
 *
 * A library: never prints, never exits.  Every problem found goes into
 * diags with its file position, all of them in one run.  The loader does
 * not resolve the model: load_article() (article_load.h) composes the
 * loader with the resolver. */
#ifndef QUOTH_LOADER_H
#define QUOTH_LOADER_H

#include <stddef.h>

#include "article.h"
#include "diag.h"

/* Files larger than this are refused before parsing. */
#define LOADER_MAX_FILE_BYTES (64u * 1024u * 1024u)
/* YAML anchors and aliases are refused outright, so an alias bomb cannot
 * grow: no bound on expansion is needed. */
/* Deepest nesting of YAML collections accepted. */
#define LOADER_MAX_DEPTH 64

/* Parses the article in bytes[0..len) (name, or "(memory)" when NULL, is
 * used in diagnostics) into a model, unresolved.  Returns the number of
 * problems found, each added to diags as memory allows: the count does
 * not depend on the messages having been stored, so 0 means success.
 * *out gets the model, which the caller frees with article_free(),
 * whenever it is whole enough to resolve: always when 0 is returned, and
 * also after problems that leave it whole (a bad date, an unknown type
 * label), so that the resolver's problems can be reported in the same
 * run; otherwise NULL. */
size_t loader_parse(const char *name, const char *bytes, size_t len,
                    article **out, diag_list *diags);

/* The same, but *out gets the model whenever the bytes parsed as YAML
 * into an article mapping, whatever its problems: an entity the loader
 * refused part of is dropped unless it keeps an id, a type and a name or
 * mentions, a quote with a problem is kept with 'malformed' set, and a
 * missing body is an empty one. */
size_t loader_parse_tolerant(const char *name, const char *bytes, size_t len,
                             article **out, diag_list *diags);

/* Reads the regular file at path, of at most LOADER_MAX_FILE_BYTES, with
 * plain read() into one buffer.  Returns 0 with *bytes (the caller frees
 * it) and *len set; otherwise -1, *bytes NULL and a diagnostic added
 * saying why: it cannot be opened or read, is a directory or not a
 * regular file, is empty, too large, or grew while being read. */
int loader_read_file(const char *path, char **bytes, size_t *len,
                     diag_list *diags);

/* load_article() and load_article_mem() are declared in article_load.h;
 * included here for the callers that include this header for them. */
#include "article_load.h"

#endif
