/* loader.h - YAML article file -> resolved article model.
 *
 * A library: never prints, never exits.  Every problem found goes into
 * diags with its file position, all of them in one run. */
#ifndef QUOTH_LOADER_H
#define QUOTH_LOADER_H

#include "article.h"
#include "diag.h"

/* Files larger than this are refused before parsing. */
#define LOADER_MAX_FILE_BYTES (64u * 1024u * 1024u)
/* YAML anchors and aliases are refused outright, so an alias bomb cannot
 * grow: no bound on expansion is needed. */
/* Deepest nesting of YAML collections accepted. */
#define LOADER_MAX_DEPTH 64

/* Loads and resolves the article at path.  On success returns 0 and sets
 * *out to an article the caller frees with article_free(); otherwise
 * returns -1, leaves *out NULL and adds at least one diagnostic, each with
 * its excerpt attached.  Warnings are not produced: a problem is an error. */
int load_article(const char *path, article **out, diag_list *diags);

/* The same from bytes in memory; name is used in diagnostics. */
int load_article_mem(const char *name, const char *bytes, size_t len,
                     article **out, diag_list *diags);

/* Reads the regular file at path, of at most LOADER_MAX_FILE_BYTES, with
 * plain read() into one buffer.  Returns 0 with *bytes (the caller frees
 * it) and *len set; otherwise -1, *bytes NULL and a diagnostic added
 * saying why: it cannot be opened or read, is a directory or not a
 * regular file, is empty, too large, or grew while being read. */
int loader_read_file(const char *path, char **bytes, size_t *len,
                     diag_list *diags);

#endif
