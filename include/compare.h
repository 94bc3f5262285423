/* compare.h - two annotations of one text: quotes matched one to one,
 * what differs in each match, and agreement figures.
 *
 * Plain data in, plain data out: no curses, no I/O.  The inputs are small
 * structs of their own, filled from resolved articles by the caller, so
 * this module knows nothing of how an annotation was loaded.  Offsets are
 * bytes of the text, end exclusive; every length or overlap it reports is
 * counted in characters (code points) of the text.  The definitions, with
 * a worked example, are in articles/AGREEMENT.md. */
#ifndef QUOTH_COMPARE_H
#define QUOTH_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"

/* ---- input ---------------------------------------------------------- */

/* One quote of one annotation.  Each list of spans is in text order and
 * its spans do not overlap one another; a list may be empty (n == 0, the
 * pointer may then be NULL).  The caller owns every array and string. */
typedef struct compare_quote {
	const span *content;  /* the quoted words: one piece, or several when split */
	size_t n_content;
	const span *source;   /* who said it, as written in the text; may be empty */
	size_t n_source;
	const span *cue;      /* "said", "according to"; may be empty */
	size_t n_cue;
	const char *speaker;  /* the speaker's key (speakers_key_of: kb, else name) or NULL */
	quote_kind kind;
} compare_quote;

/* One entity mention: its range and its type ("PERSON"; NULL reads as ""). */
typedef struct compare_mention {
	span at;
	const char *type;
} compare_mention;

/* One annotation of the text. */
typedef struct compare_set {
	const compare_quote *quotes;
	size_t n_quotes;
	const compare_mention *mentions;
	size_t n_mentions;
} compare_set;

/* ---- figures -------------------------------------------------------- */

/* A count behind a precision and a recall: matched of n_a (the annotation
 * compared) and of n_b (the reference). */
typedef struct compare_count {
	size_t matched;
	size_t n_a;
	size_t n_b;
} compare_count;

/* Counts for one comparison, or summed over many (compare_figures_add). */
typedef struct compare_figures {
	compare_count exact;        /* matched with identical content spans */
	compare_count overlap;      /* content in common >= 50% of the longer */
	compare_count attribution;  /* overlap, and source and cue agree */
	compare_count entities;     /* mentions with the same span and type */
	size_t speaker_agree;       /* of the overlap matches: same speaker */
	size_t kind_agree;          /* of the overlap matches: same kind */
} compare_figures;

typedef struct compare_score {
	double precision;  /* matched / n_a; 1 when n_a is 0 */
	double recall;     /* matched / n_b; 1 when n_b is 0 */
	double f1;         /* 2 matched / (n_a + n_b); 1 when both are 0 */
} compare_score;

typedef struct compare_scores {
	compare_score exact;
	compare_score overlap;
	compare_score attribution;
	compare_score entities;
	double speaker;    /* speaker_agree / overlap.matched; 1 when none */
	double kind;       /* kind_agree / overlap.matched; 1 when none */
} compare_scores;

/* The figures of a count, with the definitions above for empty sets, so
 * no figure is ever NaN.  The counts stay the way to tell "nothing to
 * compare" from "perfect". */
compare_score compare_score_of(compare_count count);
compare_scores compare_scores_of(const compare_figures *figures);

/* Adds figures' counts into sum: the scores of a sum over articles are
 * the micro-averaged ones (counts added, then divided). */
void compare_figures_add(compare_figures *sum, const compare_figures *figures);

/* ---- one comparison ------------------------------------------------- */

#define COMPARE_NONE ((size_t)-1)

/* What differs within a match, as bits. */
enum {
	COMPARE_DIFF_CONTENT = 1u << 0,  /* content spans not identical */
	COMPARE_DIFF_OVERLAP = 1u << 1,  /* less than 50% of the longer in common */
	COMPARE_DIFF_SOURCE = 1u << 2,   /* sources disjoint, or only one has one */
	COMPARE_DIFF_CUE = 1u << 3,      /* cues disjoint, or only one has one */
	COMPARE_DIFF_SPEAKER = 1u << 4,  /* other key, and sources disjoint */
	COMPARE_DIFF_KIND = 1u << 5,
};

/* How a compare view shows one quote. */
typedef enum compare_role {
	COMPARE_ROLE_AGREED,   /* overlap match; source, cue, speaker, kind agree */
	COMPARE_ROLE_DIFFERS,  /* overlap match; source, cue, speaker or kind differs */
	COMPARE_ROLE_ONLY_A,   /* an A quote without an overlap match */
	COMPARE_ROLE_ONLY_B,   /* a B quote without an overlap match */
} compare_role;

/* One quote's outcome, the same on both sides of a match. */
typedef struct compare_link {
	size_t other;       /* the matched quote's index on the other side, or COMPARE_NONE */
	size_t overlap;     /* characters of content in common with it */
	unsigned diff;      /* COMPARE_DIFF_* bits; 0 when unmatched */
	compare_role role;
} compare_link;

typedef struct compare_result {
	compare_link *a;    /* one per quote of A */
	size_t n_a;
	compare_link *b;    /* one per quote of B */
	size_t n_b;
	compare_figures figures;
} compare_result;

/* Compares annotation a against the reference b, both of text[0..len).
 * Quotes are matched one to one, greedily, the pair with the most
 * characters of content in common first; among equal overlaps the pair
 * with the fewer characters outside it, then by A's position in the text,
 * then B's.  Quotes with no content in common are never matched.
 * Returns 0 and fills *out (free it with compare_result_free), or -1 when
 * out of memory, leaving *out untouched. */
int compare_run(const char *text, size_t len, const compare_set *a,
                const compare_set *b, compare_result *out);

/* Frees what compare_run() allocated; accepts NULL. */
void compare_result_free(compare_result *result);

/* ---- several annotators --------------------------------------------- */

/* Compares every ordered pair of the n sets: figures[i * n + j] is set i
 * against set j as reference (the diagonal a set against itself).  *mean,
 * when not NULL, is the mean of the scores over the n (n - 1) ordered
 * pairs i != j, so that no annotator is favoured as the reference (mean
 * precision then equals mean recall); all 1 when n < 2.  Returns 0, or -1
 * when out of memory, leaving figures and *mean untouched. */
int compare_matrix(const char *text, size_t len, const compare_set *sets,
                   size_t n, compare_figures *figures, compare_scores *mean);

/* The mean compare_matrix() gives, of any n x n figures: for `quoth diff`'s
 * matrix of counts added over articles. */
compare_scores compare_matrix_mean(const compare_figures *figures, size_t n);

#endif
