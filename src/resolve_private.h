/* resolve_private.h - what the resolver's files share and nobody else
 * sees: the resolver's working state, a few character helpers the scan
 * and the quotes both need, and the functions each file offers the others.
 *
 *   resolve.c          the driver: the entry point and the one scan
 *   resolve_names.c    mentions: spellings, explicit mentions, leftmost-longest
 *   resolve_quotes.c   quotes: fragments, their messages, speakers
 *   resolve_cues.c     what stands near a quote: its cue and its source
 *   resolve_spans.c    leaf: positions given in the file, checked, made bytes
 *   resolve_needles.c  leaf: the scan's patterns and their found offsets
 *   resolve_body.c     leaf: the body's lines and paragraphs, positions
 *   resolve_report.c   leaf: problems and the pieces of their messages
 *   resolve_missing.c  for resolve_quotes.c: why a quote's text is not
 *                      where it should be, and what to write instead
 *   resolve_near.c     leaf: the text found with marks, dashes and white
 *                      space taken as alike
 *
 * Calls run one way: resolve.c calls the two parts and the leaves, the
 * parts call the leaves (resolve_quotes.c also resolve_missing.c, which
 * calls only leaves), and a leaf calls no resolver file but the other
 * leaves (resolve_spans.c asks resolve_body.c for code points and
 * resolve_report.c for its messages). */
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
 * figures fit in 32 bits, the body having at most RESOLVE_MAX_BODY_BYTES
 * (resolve_article() refuses a longer one): half the memory of 64-bit
 * ones, for the 224,000 of the 10 MB bench article. */
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

#define CP_BLOCK 64u

/* The body with marks, dashes and white space normalised (resolve_near.c),
 * made when a quote is not found: marks[k] pairs an offset of text with
 * the body offset it stands for, one every NEAR_STEP bytes of text. */
typedef struct near_mark {
	size_t norm, raw;
} near_mark;

typedef struct near_index {
	char *text;        /* NULL until asked */
	size_t len;
	near_mark *marks;
	size_t n_marks;
} near_index;

#define NEAR_STEP 256u

typedef struct resolver {
	article *a;
	diag_list *diags;
	size_t n_problems;
	bool oom;
	bool summary;         /* resolve_article_summary(): spellings not scanned */
	needle *needles;
	size_t n_needles, cap_needles;
	size_t *frag_needle;  /* per fragment of every quote, flat; SIZE_MAX
	                         for an empty fragment */
	size_t *frag_base;    /* per quote: its first entry in frag_needle */
	size_t *cue_needle;   /* per cue piece of every quote, flat */
	size_t *cue_base;     /* per quote: its first entry in cue_needle */
	size_t *src_needle;   /* per quote: its speaker text; NO_NEEDLE without */
	found *found;
	size_t n_found, cap_found;
	body_index ix;
	near_index near;
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
	return utf8_char_start(s, i - 1);
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

/* ==== in resolve_needles.c ============================================= */

/* Adds a pattern for the scan; its index, or NO_NEEDLE when out of memory. */
size_t resolve_needle_add(resolver *r, needle nd);
/* Appends at to o (r->oom when out of memory). */
void resolve_offsets_push(resolver *r, offsets *o, size_t at);
/* Frees every needle and its offsets. */
void resolve_needles_free(resolver *r);

/* ==== in resolve_body.c ================================================= */

/* The body's lines and paragraphs in r->ix, built on first use; false
 * when out of memory. */
bool resolver_index_body(resolver *r);
/* 1-based body line of a body offset. */
int resolve_body_line(resolver *r, size_t at);
/* Body line and column of a body offset, and its file line if known. */
body_pos resolve_body_pos(resolver *r, size_t at);
/* Index in r->ix.paras of the paragraph holding a body offset (0 when
 * it comes before the first, or when out of memory). */
size_t resolve_body_para(resolver *r, size_t at);
void resolve_body_index_free(body_index *ix);
/* The code points of the body (0 when out of memory). */
size_t resolve_body_chars(resolver *r);
/* *byte gets the body offset of code point c (the body's length for c at
 * its end); false when c is past the end or memory ran out. */
bool resolve_body_char_offset(resolver *r, size_t c, size_t *byte);

/* ==== in resolve_report.c =============================================== */

/* Adds a diagnostic at pos (or at fallback when pos has no line). */
void resolver_problem(resolver *r, src_pos pos, src_pos fallback,
                      const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* The same as a warning: said, but the article stays valid. */
void resolver_warning(resolver *r, src_pos pos, src_pos fallback,
                      const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* t[0..len) made safe for a message in c: its start, or its end when
 * keep_end, when it is too long. */
const char *resolve_clip_text(clip *c, const char *t, size_t len, bool keep_end);
/* " (file line N)" for a body position that maps to the file, else "". */
const char *resolve_file_line_note(char *buf, size_t size, body_pos p);
/* t[0..len) made visible in c for a message that sets it beside a text
 * it differs from: line breaks and tabs as \n, \r, \t; spaces as a
 * middle dot (every one when all_spaces, else only one at byte diff);
 * look-alike and invisible characters (no-break space, curly marks,
 * dashes, zero-width, controls) as <U+XXXX>; cut with an ellipsis when
 * long. */
const char *resolve_clip_visible(clip *c, const char *t, size_t len,
                                 size_t diff, bool all_spaces);
/* One character named for a message, in buf: "’ (U+2019)", "\n
 * (U+000A)", a space as a middle dot, an invisible one as "U+00A0". */
const char *resolve_char_name(char *buf, size_t size, uint32_t cp);
/* s[0..len) as a YAML flow scalar in buf, for a suggestion to paste: as
 * it is when may_be_plain and nothing in it needs quoting, else double-
 * quoted with escapes; cut short when buf is too small. */
const char *resolve_yaml_string(char *buf, size_t size, const char *s,
                                size_t len, bool may_be_plain);

/* ==== in resolve_near.c, for resolve_missing.c ======================== */

/* Where a text stands once apostrophes, quotation marks, dashes and runs
 * of white space are each taken as one, and where it first differs as
 * written: a character, or a run of white space, on either side. */
typedef struct near_match {
	span at;                       /* the body's words */
	size_t body_diff, body_diff_end;
	size_t pat_diff, pat_diff_end; /* in the quote's text */
} near_match;

/* The first near match of pat[0..m) in body[from..) in *out; false when
 * there is none (or memory ran out: r->oom).  The first call builds
 * r->near. */
bool resolve_near_find(resolver *r, size_t from, const char *pat, size_t m,
                       near_match *out);
/* Frees r->near (nothing when it was never built). */
void resolve_near_free(resolver *r);

/* ==== in resolve_missing.c, for resolve_quotes.c ======================= */

/* Explains why fragment k of q is not in body[from..): it stands only
 * before fragment k - 1; or it stands with other marks, dashes or
 * spaces; or it is a split quote written as one string; or where the
 * longest part of it stands and the first word that differs. */
void resolve_report_missing(resolver *r, const quote *q, size_t k,
                            size_t from);

/* ==== in resolve_spans.c, for resolve_names.c and resolve_quotes.c ===== */

/* Checks a position given in the file (in the article's unit) against the
 * body and makes it bytes in *out (SPAN_OK); else says why, silently, so
 * that a caller names the span only when it has a problem to report. */
typedef enum span_check {
	SPAN_OK,
	SPAN_EMPTY,         /* start >= end */
	SPAN_PAST_END,
	SPAN_CUTS_CHAR,     /* bytes declared, and one end inside a character */
	SPAN_NO_MEMORY,     /* r->oom is set */
} span_check;
span_check resolve_check_span(resolver *r, span in, span *out);

/* The diagnostic of resolve_check_span's c at pos, its message starting
 * with what ("mention [2, 3] of entity 'zoe'"); nothing for SPAN_OK and
 * SPAN_NO_MEMORY. */
void resolve_span_problem(resolver *r, span_check c, span in, src_pos pos,
                          src_pos fallback, const char *what);
/* Each given span of q's content, cue or speaker, checked and made bytes,
 * and checked against the words given beside it.  Each returns false,
 * with a diagnostic, when one is refused. */
bool resolve_given_content(resolver *r, quote *q, span *out);
bool resolve_given_cue(resolver *r, quote *q, span *out);
bool resolve_given_source(resolver *r, quote *q, span *out);

/* ==== in resolve_names.c, for resolve.c ================================= */

/* One needle per name and alias, but for a spelling declared twice. */
void resolve_add_spelling_needles(resolver *r);
/* Fills the article's mentions from the explicit ones and the found
 * spellings. */
void resolve_mentions(resolver *r);

/* ==== in resolve_quotes.c, for resolve.c ================================ */

/* One needle per distinct quote fragment and cue. */
void resolve_add_quote_needles(resolver *r);
/* Each quote's speaker entity. */
void resolve_speakers(resolver *r);
/* Each quote's content spans, and whether it resolved. */
void resolve_quotes(resolver *r);

/* ==== in resolve_cues.c, for resolve.c ================================== */

/* Each resolved quote's cue spans and source span. */
void resolve_cues(resolver *r);

#endif
