/* export.h - the resolved article as JSON, for other tools.
 * The schema is documented in articles/FORMAT.md. */
#ifndef QUOTH_EXPORT_H
#define QUOTH_EXPORT_H

#include <stdio.h>

#include "article.h"

/* Writes a as one JSON document followed by a newline.  Returns 0, or -1
 * when memory ran out or the write failed. */
int export_json(const article *a, FILE *out);

/* The same document on one line, for JSON Lines: what `quoth export
 * --json FILE.jsonl` writes for each line of its input. */
int export_json_line(const article *a, FILE *out);

#endif
