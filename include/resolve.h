/* resolve.h - finds the entities' mentions and the quotes in the body.
 *
 * One pass of one automaton over the body finds every name, alias and
 * quote fragment, whatever their number. */
#ifndef QUOTH_RESOLVE_H
#define QUOTH_RESOLVE_H

#include "article.h"
#include "diag.h"

/* Fills a->mentions, each entity's mention_ids, and each quote's speaker,
 * spans and cue_span.  Adds a diagnostic for every problem (same name
 * declared twice, unknown speaker, quote not found or ambiguous, bad
 * explicit mention...).  Returns the number of problems added. */
size_t resolve_article(article *a, diag_list *diags);

#endif
