/* resolve.h - finds the entities' mentions and the quotes in the body.
 *
 * One pass of one automaton over the body finds every name, alias and
 * quote fragment, whatever their number. */
#ifndef QUOTH_RESOLVE_H
#define QUOTH_RESOLVE_H

#include <stdint.h>

#include "article.h"
#include "diag.h"

/* The longest body resolve_article() takes, in bytes: a found spelling
 * keeps its body offsets in 32 bits.  A longer body is refused with one
 * diagnostic.  A loader that may read a longer one must check it first
 * (the loader's own limit is asserted to be at most this). */
#define RESOLVE_MAX_BODY_BYTES UINT32_MAX

/* Fills a->mentions, each entity's mention_ids (and the name of one given
 * only by mentions), and each quote's speaker, spans, cue_spans,
 * source_spans and resolved; positions the file gives in code points
 * ('offsets: chars') are made bytes.  Adds a diagnostic for every problem (same name
 * declared twice, unknown speaker, quote not found or ambiguous, bad
 * explicit mention...).  Returns the number of problems added.  A body
 * longer than RESOLVE_MAX_BODY_BYTES is not read: one problem says so. */
size_t resolve_article(article *a, diag_list *diags);

/* The same for a summary that reads the quotes, their speakers and the
 * counts, and whether the article is valid: the same problems, quotes,
 * speakers, spans and cues, but no mention is looked for by its spelling,
 * so a->mentions holds the explicit ones only (and a source taken from
 * the speaker's nearest mention comes from those).  Spellings cause no
 * problem by being found or not, so nothing a summary reads differs; the
 * scan is left to a few direct searches, which on a news article cost a
 * fraction of building and running the automaton. */
size_t resolve_article_summary(article *a, diag_list *diags);

#endif
