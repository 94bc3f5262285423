/* matcher.h - Aho-Corasick automaton: many patterns, one pass over a text.
 *
 * Transitions read ASCII-folded bytes; a case-sensitive pattern is checked
 * against the original bytes when it matches. */
#ifndef QUOTH_MATCHER_H
#define QUOTH_MATCHER_H

#include <stdbool.h>
#include <stddef.h>

typedef struct matcher matcher;

matcher *matcher_new(void);
void matcher_free(matcher *m);

/* Adds a pattern (len > 0) with the caller's tag.  Returns false on OOM. */
bool matcher_add(matcher *m, const char *pat, size_t len, bool ignore_case,
                 size_t tag);

/* Builds failure links; no pattern may be added afterwards. */
bool matcher_build(matcher *m);

/* The same, for scanning texts of about text_len bytes: a short text gets
 * a smaller automaton (fewer complete rows, which cost more to build than
 * they save it).  Any text may still be scanned; matcher_build() is
 * matcher_build_for(m, SIZE_MAX). */
bool matcher_build_for(matcher *m, size_t text_len);

/* The automaton reads a pattern's first MATCHER_KEY_LEN bytes; the rest of
 * a longer one is compared where they match. */
#define MATCHER_KEY_LEN 32

/* Called for every occurrence, overlapping ones included, in order of
 * where its key ends (for a pattern of at most MATCHER_KEY_LEN bytes, its
 * end), the longest key first, then in the order added.  Return false to
 * stop. */
typedef bool (*matcher_hit_fn)(void *ctx, size_t tag, size_t start, size_t end);

void matcher_scan(const matcher *m, const char *text, size_t len,
                  matcher_hit_fn hit, void *ctx);

#endif
