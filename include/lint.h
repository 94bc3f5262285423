/* lint.h - warnings about a resolved article: what loads but is likely
 * a slip of the annotator.
 *
 * load_article_mem() (article_load.h) runs it once the resolver has
 * succeeded; the warnings go into the same list as the errors, with
 * severity DIAG_WARNING, and never make a load fail.  The rules:
 *   - an entity none of whose spellings is found in the body, with the
 *     nearest words of the body when they are close (lint.c);
 *   - a spelling that differs from the body's text only by Unicode
 *     normalisation (é as one character or as e + U+0301) (lint_norm.c);
 *   - two quotes on the same words, or a quote inside another speaker's
 *     quote (lint.c);
 *   - quotation marks in the body that no quote covers (lint_marks.c);
 *   - a body that looks hard-wrapped, or that is not a literal block
 *     scalar and spans several lines of the file (lint.c). */
#ifndef QUOTH_LINT_H
#define QUOTH_LINT_H

#include <stddef.h>

#include "article.h"
#include "diag.h"

/* Adds a warning to diags, named a->path, for each finding in the
 * resolved article a; returns how many were found (stored or not, as
 * memory allows).  Reads a only. */
size_t lint_article(const article *a, diag_list *diags);

#endif
