/* resolve_private.h - what the resolver's files share and nobody else
 * sees: the resolver's working state, a few character helpers the scan
 * and the quotes both need, and the functions each file offers the others.
 *
 *   resolve.c         the entry point, the one scan, the body's index
 *   resolve_names.c   mentions: spellings, explicit mentions, leftmost-longest
 *   resolve_quotes.c  quotes: fragments, their messages, speakers and cues */
#ifndef QUOTH_RESOLVE_PRIVATE_H
#define QUOTH_RESOLVE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "resolve.h"
#include "text.h"

/* ==== the resolver's working state ====================================== */

typedef enum needle_kind {
	NEEDLE_SPELLING,   /* an entity's name or alias */
	NEEDLE_FRAGMENT,   /* the words of a quote fragment */
	NEEDLE_CUE,        /* a speech verb */
} needle_kind;

/* A growing list of body offsets, ascending as the scan adds them. */
typedef struct offsets {
	size_t *v;
	size_t n, cap;
} offsets;

/* One pattern of the automaton; its index is the matcher tag. */
typedef struct needle {
	needle_kind kind;
	const char *text;  /* the article's own string */
	size_t len;
	size_t entity;     /* for a spelling */
	bool word_start;   /* begins with a word character: must not begin
	                      inside a word (spellings and cues) */
	bool word_end;     /* likewise at its end */
	offsets starts;    /* fragments and cues: where they stand */
} needle;

/* A spelling's occurrence that passed the word-boundary test.  Its
 * figures fit in 32 bits, the body coming from a file of at most 64 MiB
 * (resolve.c asserts it): half the memory of 64-bit ones, for the 224,000
 * of the 10 MB bench article. */
typedef struct found {
	uint32_t start, end;
	uint32_t entity;
	uint32_t needle;
} found;

/* Lines and paragraphs of the body, built on first use: diagnostics and
 * cues need them, a clean article without cues does not.  The code point
 * counts come later still: only a message's column needs them. */
typedef struct body_index {
	bool built;        /* lines and paragraphs */
	size_t *lines;     /* start offset of each line */
	size_t n_lines;
	size_t *cps;       /* code points before each block of CP_BLOCK bytes,
	                      or NULL until a column is asked for */
	size_t *paras;     /* start offset of each paragraph */
	size_t n_paras;
} body_index;

#define CP_BLOCK 256u

typedef struct resolver {
	article *a;
	diag_list *diags;
	size_t n_problems;
	bool oom;
	needle *needles;
	size_t n_needles, cap_needles;
	size_t *frag_needle;  /* per fragment of every quote, flat; SIZE_MAX
	                         for an empty fragment */
	size_t *frag_base;    /* per quote: its first entry in frag_needle */
	size_t *cue_needle;   /* per quote; SIZE_MAX without a cue */
	found *found;
	size_t n_found, cap_found;
	body_index ix;
} resolver;

#define NO_NEEDLE SIZE_MAX

/* 1-based body line and column (in code points) of a body offset. */
typedef struct body_pos {
	int line;
	int col;
	int file_line;  /* 0 when the body's lines cannot be mapped */
} body_pos;

/* A piece of article text made safe for a one-line message. */
typedef struct clip {
	char s[320];
} clip;

/* ==== characters ======================================================== */

/* Start of the character that ends at offset i (i > 0). */
static inline size_t char_before(const char *s, size_t i)
{
	size_t j = i - 1;
	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	return j;
}

static inline uint32_t cp_before(const char *s, size_t len, size_t i)
{
	uint32_t cp;
	utf8_decode(s, len, char_before(s, i), &cp);
	return cp;
}

static inline uint32_t cp_at(const char *s, size_t len, size_t i)
{
	uint32_t cp;
	utf8_decode(s, len, i, &cp);
	return cp;
}

/* ==== in resolve.c, for all ============================================= */

/* Adds a diagnostic at pos (or at fallback when pos has no line). */
void resolver_problem(resolver *r, src_pos pos, src_pos fallback,
                      const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Index of the first offset >= at. */
size_t offsets_lower(const offsets *o, size_t at);
/* Adds a pattern for the scan; its index, or NO_NEEDLE when out of memory. */
size_t needle_add(resolver *r, needle nd);
/* The body's lines and paragraphs in r->ix, built on first use; false
 * when out of memory. */
bool resolver_index_body(resolver *r);
/* Index of the last element of v[0..n) that is <= at (v[0] is 0). */
size_t last_at_or_before(const size_t *v, size_t n, size_t at);
/* 1-based body line of a body offset. */
int body_line_of(resolver *r, size_t at);
/* Body line and column of a body offset, and its file line if known. */
body_pos body_pos_of(resolver *r, size_t at);
/* t[0..len) made safe for a message in c: its start, or its end when
 * keep_end, when it is too long. */
const char *clip_text(clip *c, const char *t, size_t len, bool keep_end);
/* " (file line N)" for a body position that maps to the file, else "". */
const char *file_line_note(char *buf, size_t size, body_pos p);

/* ==== in resolve_names.c, for resolve.c ================================= */

/* One needle per name and alias, but for a spelling declared twice. */
void add_spelling_needles(resolver *r);
/* Fills the article's mentions from the explicit ones and the found
 * spellings. */
void resolve_mentions(resolver *r);

/* ==== in resolve_quotes.c, for resolve.c ================================ */

/* One needle per distinct quote fragment and cue. */
void add_quote_needles(resolver *r);
/* Each quote's speaker entity. */
void resolve_speakers(resolver *r);
/* Each quote's spans and cue. */
void resolve_quotes(resolver *r);

#endif
