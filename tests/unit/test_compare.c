/* Tests of the comparison of two annotations (compare.h): the matching and
 * its ties, the 50% rule counted in characters, split quotes, quotes
 * without a source, empty annotations, entity mentions, several
 * annotators, sums over articles and a large case.  Every expected figure
 * is worked out by hand in the comment above its assertions. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

/* ---- fixtures ------------------------------------------------------- */

/* A quote as a test writes it: fixed room, counts beside. */
typedef struct tq {
	span content[3];
	size_t nc;
	span source[2];
	size_t ns;
	span cue[1];
	size_t ncue;
	const char *speaker;
	quote_kind kind;
} tq;

/* A quote of one content piece [s, e), no source, no cue, direct. */
#define Q(s, e) { .content = { { (s), (e) } }, .nc = 1 }

static compare_quote *quotes_of(const tq *t, size_t n)
{
	compare_quote *q = calloc(n ? n : 1, sizeof *q);
	assert_non_null(q);
	for (size_t i = 0; i < n; i++)
		q[i] = (compare_quote){
			.content = t[i].content, .n_content = t[i].nc,
			.source = t[i].source, .n_source = t[i].ns,
			.cue = t[i].cue, .n_cue = t[i].ncue,
			.speaker = t[i].speaker, .kind = t[i].kind,
		};
	return q;
}

/* Compares quotes ta (n_a of them) against the reference tb over text. */
static compare_result run(const char *text, const tq *ta, size_t na,
                          const tq *tb, size_t nb)
{
	compare_quote *qa = quotes_of(ta, na), *qb = quotes_of(tb, nb);
	compare_set a = { qa, na, NULL, 0 }, b = { qb, nb, NULL, 0 };
	compare_result r;
	assert_int_equal(compare_run(text, strlen(text), &a, &b, &r), 0);
	free(qa);
	free(qb);
	assert_int_equal(r.n_a, na);
	assert_int_equal(r.n_b, nb);
	return r;
}

static void assert_count(compare_count c, size_t matched, size_t n_a,
                         size_t n_b)
{
	assert_int_equal(c.matched, matched);
	assert_int_equal(c.n_a, n_a);
	assert_int_equal(c.n_b, n_b);
}

static void assert_score(compare_score s, double p, double r, double f1)
{
	assert_false(isnan(s.precision) || isnan(s.recall) || isnan(s.f1));
	assert_float_equal(s.precision, p, 1e-9);
	assert_float_equal(s.recall, r, 1e-9);
	assert_float_equal(s.f1, f1, 1e-9);
}

/* Twenty-five ASCII characters, so offsets are characters too. */
static const char *digits = "0123456789abcdefghijklmno";

/* ---- figures from counts ------------------------------------------- */

static void test_score_definitions(void **state)
{
	(void)state;
	/* P = 2/4, R = 2/5, F1 = 2PR/(P+R) = 0.4/0.9 = 4/9 = 2*2/(4+5). */
	assert_score(compare_score_of((compare_count){ 2, 4, 5 }),
	             0.5, 0.4, 4.0 / 9.0);
	/* Both empty: nothing claimed, nothing missed: 1, 1, 1. */
	assert_score(compare_score_of((compare_count){ 0, 0, 0 }), 1, 1, 1);
	/* A empty, B 3: no wrong claim (P 1), all missed (R 0), F1 0/3. */
	assert_score(compare_score_of((compare_count){ 0, 0, 3 }), 1, 0, 0);
	/* A 2, B empty: both claims wrong (P 0), nothing to find (R 1). */
	assert_score(compare_score_of((compare_count){ 0, 2, 0 }), 0, 1, 0);
	/* Nothing in common at all: P = R = 0, and F1 0, not 0/0. */
	assert_score(compare_score_of((compare_count){ 0, 2, 3 }), 0, 0, 0);
}

static void test_empty_annotations(void **state)
{
	(void)state;
	/* Both empty: every count 0, every figure 1, speaker and kind too. */
	compare_result r = run(digits, NULL, 0, NULL, 0);
	compare_scores s = compare_scores_of(&r.figures);
	assert_count(r.figures.overlap, 0, 0, 0);
	assert_score(s.exact, 1, 1, 1);
	assert_score(s.overlap, 1, 1, 1);
	assert_score(s.attribution, 1, 1, 1);
	assert_score(s.entities, 1, 1, 1);
	assert_float_equal(s.speaker, 1, 1e-9);
	assert_float_equal(s.kind, 1, 1e-9);
	compare_result_free(&r);

	/* A empty, B two quotes: P 1, R 0/2, F1 0; both B quotes only in B. */
	const tq b[] = { Q(0, 5), Q(10, 15) };
	r = run(digits, NULL, 0, b, 2);
	s = compare_scores_of(&r.figures);
	assert_count(r.figures.overlap, 0, 0, 2);
	assert_score(s.overlap, 1, 0, 0);
	assert_int_equal(r.b[0].other, COMPARE_NONE);
	assert_int_equal(r.b[1].role, COMPARE_ROLE_ONLY_B);
	compare_result_free(&r);

	/* And the other way round: P 0/2, R 1, F1 0. */
	r = run(digits, b, 2, NULL, 0);
	s = compare_scores_of(&r.figures);
	assert_score(s.overlap, 0, 1, 0);
	assert_int_equal(r.a[0].role, COMPARE_ROLE_ONLY_A);
	compare_result_free(&r);
	compare_result_free(NULL);
}

/* ---- the matching --------------------------------------------------- */

static void test_largest_overlap_first(void **state)
{
	(void)state;
	/* A0 = [0,10).  B0 = [0,3) shares 3, B1 = [2,10) shares 8: B1 is
	 * taken first although B0 comes first in the text; B0 stays alone. */
	const tq a[] = { Q(0, 10) };
	const tq b[] = { Q(0, 3), Q(2, 10) };
	compare_result r = run(digits, a, 1, b, 2);
	assert_int_equal(r.a[0].other, 1);
	assert_int_equal(r.a[0].overlap, 8);
	assert_int_equal(r.b[0].other, COMPARE_NONE);
	/* 8 of the longer 10: an overlap match, not exact. */
	assert_count(r.figures.overlap, 1, 1, 2);
	assert_count(r.figures.exact, 0, 1, 2);
	compare_result_free(&r);
}

static void test_ties_by_position(void **state)
{
	(void)state;
	/* B0 = [2,6) shares 2 with A0 = [0,4) ([2,4)) and 2 with A1 = [4,8)
	 * ([4,6)); both pairs leave 4 characters outside (4 + 4 - 2*2).  The
	 * tie goes to A's first quote: A0-B0, and A1 is alone. */
	const tq a[] = { Q(0, 4), Q(4, 8) };
	const tq b[] = { Q(2, 6) };
	compare_result r = run(digits, a, 2, b, 1);
	assert_int_equal(r.b[0].other, 0);
	assert_int_equal(r.a[1].other, COMPARE_NONE);
	/* 2 of 4 is exactly 50%: an overlap match. */
	assert_count(r.figures.overlap, 1, 2, 1);
	compare_result_free(&r);

	/* The same seen from B: A0 = [2,6) ties between B0 = [0,4) and
	 * B1 = [4,8); B's first quote wins. */
	r = run(digits, b, 1, a, 2);
	assert_int_equal(r.a[0].other, 0);
	assert_int_equal(r.b[1].other, COMPARE_NONE);
	compare_result_free(&r);

	/* Quotes given out of text order: positions are places in the text,
	 * not indexes.  A = { [4,8), [0,4) }: A1 = [0,4) comes first. */
	const tq a_rev[] = { Q(4, 8), Q(0, 4) };
	r = run(digits, a_rev, 2, b, 1);
	assert_int_equal(r.b[0].other, 1);
	compare_result_free(&r);
}

static void test_ties_prefer_the_closer_quote(void **state)
{
	(void)state;
	/* A0 = [2,6) shares all 4 characters with B0 = [0,8) and with
	 * B1 = [2,6); B0 would leave 4 outside (4 + 8 - 2*4), B1 none, so
	 * the exact pair is taken though B0 comes first: exact 1 of 1 / 2. */
	const tq a[] = { Q(2, 6) };
	const tq b[] = { Q(0, 8), Q(2, 6) };
	compare_result r = run(digits, a, 1, b, 2);
	assert_int_equal(r.a[0].other, 1);
	assert_count(r.figures.exact, 1, 1, 2);
	assert_int_equal(r.a[0].diff & COMPARE_DIFF_CONTENT, 0);
	compare_result_free(&r);
}

static void test_split_quotes(void **state)
{
	(void)state;
	/* A0 = [0,5) + [10,15), 10 characters; B0 = [0,15), 15: in common
	 * [0,5) and [10,15), 10; 2*10 = 20 >= 15, an overlap match, and not
	 * exact (other spans).  A1 = [16,18) + [22,24) and B1 = [18,20):
	 * their extents overlap but their words do not: no match.  A2 and B2
	 * are the same two pieces [20,21) + [24,25): exact. */
	const tq a[] = {
		{ .content = { { 0, 5 }, { 10, 15 } }, .nc = 2 },
		{ .content = { { 16, 18 }, { 22, 24 } }, .nc = 2 },
		{ .content = { { 20, 21 }, { 24, 25 } }, .nc = 2 },
	};
	const tq b[] = {
		Q(0, 15),
		Q(18, 20),
		{ .content = { { 20, 21 }, { 24, 25 } }, .nc = 2 },
	};
	compare_result r = run(digits, a, 3, b, 3);
	assert_int_equal(r.a[0].other, 0);
	assert_int_equal(r.a[0].overlap, 10);
	assert_int_equal(r.a[0].diff, COMPARE_DIFF_CONTENT);
	assert_int_equal(r.a[1].other, COMPARE_NONE);
	assert_int_equal(r.b[1].other, COMPARE_NONE);
	assert_int_equal(r.a[2].other, 2);
	assert_int_equal(r.a[2].diff, 0);
	/* exact 1 (A2), overlap 2 (A0, A2), of 3 and 3. */
	assert_count(r.figures.exact, 1, 3, 3);
	assert_count(r.figures.overlap, 2, 3, 3);
	compare_result_free(&r);
}

/* Pieces of one quote that overlap each other break the header's rule;
 * the figures may then be off, but nothing may wrap round.  A0 = [0,10) +
 * [5,15), "20" characters; B0 = [0,12) shares 10 + 7 = 17, more than its
 * own 12, so 20 + 12 - 2*17 would be -2: taken as 0 outside.  B2 =
 * [0,12) + [20,23) shares 17 too, 1 outside.  B0 wins (0 < 1); a wrapped
 * count would have made B0 last. */
static void test_pieces_overlapping_each_other(void **state)
{
	(void)state;
	const tq a[] = { { .content = { { 0, 10 }, { 5, 15 } }, .nc = 2 } };
	const tq b[] = {
		Q(0, 12),
		{ .content = { { 0, 12 }, { 20, 23 } }, .nc = 2 },
	};
	compare_result r = run(digits, a, 1, b, 2);
	assert_int_equal(r.a[0].other, 0);
	assert_int_equal(r.a[0].overlap, 17);
	compare_result_free(&r);
}

/* ---- the 50% rule --------------------------------------------------- */

static void test_half_at_and_below(void **state)
{
	(void)state;
	/* A = [0,10), B = [5,15): 5 in common, the longer 10: 2*5 >= 10. */
	const tq a[] = { Q(0, 10) };
	const tq at[] = { Q(5, 15) };
	compare_result r = run(digits, a, 1, at, 1);
	assert_count(r.figures.overlap, 1, 1, 1);
	assert_int_equal(r.a[0].diff & COMPARE_DIFF_OVERLAP, 0);
	assert_int_equal(r.a[0].role, COMPARE_ROLE_AGREED);
	compare_result_free(&r);

	/* B = [5,16): 5 in common, the longer 11: 10 < 11, below.  The pair
	 * is still matched (nothing better), but counts for no figure and
	 * shows as only in A and only in B. */
	const tq below[] = { Q(5, 16) };
	r = run(digits, a, 1, below, 1);
	assert_int_equal(r.a[0].other, 0);
	assert_int_equal(r.a[0].diff & COMPARE_DIFF_OVERLAP,
	                 COMPARE_DIFF_OVERLAP);
	assert_count(r.figures.overlap, 0, 1, 1);
	assert_count(r.figures.attribution, 0, 1, 1);
	assert_int_equal(r.figures.speaker_agree, 0);
	assert_int_equal(r.a[0].role, COMPARE_ROLE_ONLY_A);
	assert_int_equal(r.b[0].role, COMPARE_ROLE_ONLY_B);
	compare_result_free(&r);
}

static void test_half_counts_characters(void **state)
{
	(void)state;
	/* "ééééé" is bytes [0,10), characters 0-4; "abcdefghij" bytes
	 * [10,20).  A = "éééééabcde" = [0,15): 10 characters, 15 bytes.
	 * B = "abcdefghij" = [10,20): 10 characters.  In common "abcde",
	 * 5 characters: 2*5 >= 10, a match.  (In bytes 2*5 < 15 would be
	 * none.) */
	const char *text = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	                   "abcdefghij";
	const tq a[] = { Q(0, 15) };
	const tq b[] = { Q(10, 20) };
	compare_result r = run(text, a, 1, b, 1);
	assert_int_equal(r.a[0].overlap, 5);
	assert_count(r.figures.overlap, 1, 1, 1);
	compare_result_free(&r);

	/* "xxx" [0,3), "ééé" [3,9), "yyyy" [9,13).  A = "xxxééé" = [0,9),
	 * 6 characters; B = "éééyyyy" = [3,13), 7.  In common "ééé", 3
	 * characters: 2*3 < 7, none.  (In bytes 2*6 >= 10 would be one.) */
	const char *text2 = "xxx\xc3\xa9\xc3\xa9\xc3\xa9yyyy";
	const tq a2[] = { Q(0, 9) };
	const tq b2[] = { Q(3, 13) };
	r = run(text2, a2, 1, b2, 1);
	assert_int_equal(r.a[0].overlap, 3);
	assert_count(r.figures.overlap, 0, 1, 1);
	compare_result_free(&r);
}

/* ---- source, cue, speaker, kind ------------------------------------ */

static void test_sources_cues_speakers(void **state)
{
	(void)state;
	/* Five pairs, each exact on content ([0,2), [3,5), ... [12,14)):
	 * 0: no source on either side, same cue: attribution agrees.
	 * 1: a source only in A: source differs, so does the speaker (keys
	 *    NULL, and an absence against a source).
	 * 2: sources [17,19) and [18,20) meet, keys differ: the speaker
	 *    agrees by the source; cues [20,21) and [21,22) are disjoint.
	 * 3: keys "kerry" both, sources disjoint: source differs, speaker
	 *    agrees by key; kinds differ.
	 * 4: keys NULL both, no sources, no cues: agrees throughout. */
	const tq a[] = {
		{ .content = { { 0, 2 } }, .nc = 1, .cue = { { 15, 16 } }, .ncue = 1 },
		{ .content = { { 3, 5 } }, .nc = 1, .source = { { 16, 17 } }, .ns = 1 },
		{ .content = { { 6, 8 } }, .nc = 1, .source = { { 17, 19 } }, .ns = 1,
		  .cue = { { 20, 21 } }, .ncue = 1, .speaker = "lavrov" },
		{ .content = { { 9, 11 } }, .nc = 1, .source = { { 22, 23 } }, .ns = 1,
		  .speaker = "kerry", .kind = QUOTE_PARTIAL },
		Q(12, 14),
	};
	const tq b[] = {
		{ .content = { { 0, 2 } }, .nc = 1, .cue = { { 15, 16 } }, .ncue = 1 },
		Q(3, 5),
		{ .content = { { 6, 8 } }, .nc = 1, .source = { { 18, 20 } }, .ns = 1,
		  .cue = { { 21, 22 } }, .ncue = 1, .speaker = "putin" },
		{ .content = { { 9, 11 } }, .nc = 1, .source = { { 23, 24 } }, .ns = 1,
		  .speaker = "kerry", .kind = QUOTE_DIRECT },
		Q(12, 14),
	};
	compare_result r = run(digits, a, 5, b, 5);
	assert_int_equal(r.a[0].diff, 0);
	assert_int_equal(r.a[1].diff, COMPARE_DIFF_SOURCE | COMPARE_DIFF_SPEAKER);
	assert_int_equal(r.a[2].diff, COMPARE_DIFF_CUE);
	assert_int_equal(r.a[3].diff, COMPARE_DIFF_SOURCE | COMPARE_DIFF_KIND);
	assert_int_equal(r.b[3].diff, COMPARE_DIFF_SOURCE | COMPARE_DIFF_KIND);
	assert_int_equal(r.a[4].diff, 0);
	assert_int_equal(r.a[0].role, COMPARE_ROLE_AGREED);
	assert_int_equal(r.a[1].role, COMPARE_ROLE_DIFFERS);
	assert_int_equal(r.b[2].role, COMPARE_ROLE_DIFFERS);
	assert_int_equal(r.a[4].role, COMPARE_ROLE_AGREED);
	/* exact and overlap 5 of 5; attribution: pairs 0 and 4, 2 of 5;
	 * speaker: 0, 2, 3, 4 agree, 4 of 5; kind: all but 3, 4 of 5. */
	assert_count(r.figures.exact, 5, 5, 5);
	assert_count(r.figures.attribution, 2, 5, 5);
	assert_int_equal(r.figures.speaker_agree, 4);
	assert_int_equal(r.figures.kind_agree, 4);
	compare_scores s = compare_scores_of(&r.figures);
	assert_score(s.attribution, 0.4, 0.4, 0.4);
	assert_float_equal(s.speaker, 0.8, 1e-9);
	compare_result_free(&r);
}

/* ---- entities ------------------------------------------------------- */

static void test_entities(void **state)
{
	(void)state;
	/* A: [0,5) PERSON, [10,15) ORG, [20,25) GPE twice.  B: [0,5) PERSON,
	 * [10,15) PERSON, [20,25) GPE once.  Same span and type: [0,5) and
	 * one of the two [20,25): 2.  P = 2/4, R = 2/3, F1 = 4/7. */
	const compare_mention ma[] = {
		{ { 20, 25 }, "GPE" }, { { 0, 5 }, "PERSON" },
		{ { 10, 15 }, "ORG" }, { { 20, 25 }, "GPE" },
	};
	const compare_mention mb[] = {
		{ { 10, 15 }, "PERSON" }, { { 20, 25 }, "GPE" },
		{ { 0, 5 }, "PERSON" },
	};
	compare_set a = { NULL, 0, ma, 4 }, b = { NULL, 0, mb, 3 };
	compare_result r;
	assert_int_equal(compare_run(digits, strlen(digits), &a, &b, &r), 0);
	assert_count(r.figures.entities, 2, 4, 3);
	assert_score(compare_scores_of(&r.figures).entities, 0.5, 2.0 / 3.0,
	             4.0 / 7.0);
	compare_result_free(&r);

	/* A NULL type reads as "": it matches an empty type, not PERSON. */
	const compare_mention na[] = { { { 0, 5 }, NULL }, { { 6, 8 }, NULL } };
	const compare_mention nb[] = { { { 0, 5 }, "" }, { { 6, 8 }, "PERSON" } };
	a = (compare_set){ NULL, 0, na, 2 };
	b = (compare_set){ NULL, 0, nb, 2 };
	assert_int_equal(compare_run(digits, strlen(digits), &a, &b, &r), 0);
	assert_count(r.figures.entities, 1, 2, 2);
	compare_result_free(&r);
}

/* ---- several annotators, several articles -------------------------- */

static void test_three_annotators(void **state)
{
	(void)state;
	/* S0: [0,10), [12,22).  S1: [0,10), [12,16).  S2: [0,10).
	 * [0,10) is exact everywhere; [12,16) shares 4 of [12,22)'s 10: below
	 * 50%.  Overlap matches: 1 between every two sets, so
	 *   S0 v S1: 1 of 2, 2: P .5, R .5, F1 .5    (and S1 v S0 the same)
	 *   S0 v S2: 1 of 2, 1: P .5, R 1, F1 2/3    (S2 v S0: P 1, R .5)
	 *   S1 v S2: 1 of 2, 1: P .5, R 1, F1 2/3    (S2 v S1: P 1, R .5)
	 * Mean over the 6 ordered pairs: P = (.5+.5+.5+1+.5+1)/6 = 2/3, R the
	 * same, F1 = (.5+.5+4*2/3)/6 = 11/18. */
	const tq t0[] = { Q(0, 10), Q(12, 22) };
	const tq t1[] = { Q(0, 10), Q(12, 16) };
	const tq t2[] = { Q(0, 10) };
	compare_quote *q0 = quotes_of(t0, 2), *q1 = quotes_of(t1, 2),
	              *q2 = quotes_of(t2, 1);
	const compare_set sets[] = {
		{ q0, 2, NULL, 0 }, { q1, 2, NULL, 0 }, { q2, 1, NULL, 0 },
	};
	compare_figures m[9];
	compare_scores mean;
	assert_int_equal(compare_matrix(digits, strlen(digits), sets, 3, m,
	                                &mean), 0);
	assert_count(m[0 * 3 + 1].overlap, 1, 2, 2);
	assert_count(m[1 * 3 + 0].overlap, 1, 2, 2);
	assert_count(m[0 * 3 + 2].overlap, 1, 2, 1);
	assert_count(m[2 * 3 + 0].overlap, 1, 1, 2);
	assert_count(m[2 * 3 + 1].overlap, 1, 1, 2);
	/* A set against itself agrees fully. */
	assert_count(m[0].overlap, 2, 2, 2);
	assert_count(m[1 * 3 + 1].exact, 2, 2, 2);
	assert_score(mean.overlap, 2.0 / 3.0, 2.0 / 3.0, 11.0 / 18.0);
	/* exact is the same here: the one exact pair is the overlap one. */
	assert_score(mean.exact, 2.0 / 3.0, 2.0 / 3.0, 11.0 / 18.0);
	/* One set: no pair, a mean of 1s. */
	assert_int_equal(compare_matrix(digits, strlen(digits), sets, 1, m,
	                                &mean), 0);
	assert_score(mean.overlap, 1, 1, 1);
	assert_int_equal(compare_matrix(digits, strlen(digits), sets, 0, m,
	                                &mean), 0);
	free(q0);
	free(q1);
	free(q2);
}

static void test_sum_over_articles(void **state)
{
	(void)state;
	/* Article 1: 1 overlap match of 1 and 1.  Article 2: none of 3 and 1.
	 * Summed: 1 of 4 and 2: P 1/4, R 1/2, F1 2/6 (micro).  (The mean of
	 * each article's P would be (1 + 0)/2 = 1/2: not what a sum gives.) */
	const tq one[] = { Q(0, 4) };
	compare_result r1 = run(digits, one, 1, one, 1);
	const tq three[] = { Q(0, 2), Q(3, 5), Q(6, 8) };
	const tq other[] = { Q(10, 12) };
	compare_result r2 = run(digits, three, 3, other, 1);
	compare_figures sum = { .speaker_agree = 0 };
	compare_figures_add(&sum, &r1.figures);
	compare_figures_add(&sum, &r2.figures);
	assert_count(sum.overlap, 1, 4, 2);
	assert_int_equal(sum.speaker_agree, 1);
	assert_score(compare_scores_of(&sum).overlap, 0.25, 0.5, 2.0 / 6.0);
	compare_result_free(&r1);
	compare_result_free(&r2);
}

/* ---- a large case --------------------------------------------------- */

static void test_ten_thousand_quotes(void **state)
{
	(void)state;
	/* A_i = [10i, 10i+8), B_i = [10i+2, 10i+12): B_i shares 6 with A_i
	 * and 2 with A_(i+1) ([10i+10, 10i+12)), so the greedy order pairs
	 * every A_i with B_i; 2*6 >= 10 (B's length), all overlap matches,
	 * none exact.  Every quote overlaps two of the other side: a sweep
	 * looks at 20,000 pairs, every pair would be 10^8. */
	enum { N = 10000 };
	size_t len = 10 * N + 10;
	char *text = malloc(len + 1);
	tq *ta = calloc(N, sizeof *ta), *tb = calloc(N, sizeof *tb);
	assert_true(text && ta && tb);
	memset(text, 'x', len);
	text[len] = '\0';
	/* Given in reverse order, so the sort is what puts them in place. */
	for (size_t i = 0; i < N; i++) {
		size_t k = N - 1 - i;
		ta[k] = (tq)Q(10 * i, 10 * i + 8);
		tb[k] = (tq)Q(10 * i + 2, 10 * i + 12);
	}
	compare_result r = run(text, ta, N, tb, N);
	size_t paired = 0;
	for (size_t k = 0; k < N; k++)
		paired += r.a[k].other == k && r.a[k].overlap == 6;
	assert_int_equal(paired, N);
	assert_count(r.figures.overlap, N, N, N);
	assert_count(r.figures.exact, 0, N, N);
	compare_result_free(&r);
	free(text);
	free(ta);
	free(tb);
}

/* ---- the worked example of articles/AGREEMENT.md ------------------- */

static void test_worked_example(void **state)
{
	(void)state;
	/* The page's text, annotations and figures, one for one. */
	const char *t = "Kerry said \"the deal is not based on trust\". Lavrov "
	                "said it was \"a step forward\". \"We will see,\" an "
	                "official said.";
	assert_int_equal(strlen(t), 114);
	const span kerry = { 0, 5 }, said1 = { 6, 10 }, lavrov = { 45, 51 },
	           said2 = { 52, 56 }, official = { 97, 108 },
	           said3 = { 109, 113 };
	const tq a[] = {
		{ .content = { { 12, 42 } }, .nc = 1, .source = { kerry }, .ns = 1,
		  .cue = { said1 }, .ncue = 1, .speaker = "kerry" },
		{ .content = { { 64, 80 } }, .nc = 1, .source = { lavrov }, .ns = 1,
		  .speaker = "lavrov" },
		Q(24, 42),
		{ .content = { { 82, 96 } }, .nc = 1, .source = { official },
		  .ns = 1, .cue = { said3 }, .ncue = 1 },
	};
	const tq b[] = {
		{ .content = { { 11, 43 } }, .nc = 1, .source = { kerry }, .ns = 1,
		  .cue = { said1 }, .ncue = 1, .speaker = "kerry" },
		{ .content = { { 64, 80 } }, .nc = 1, .source = { lavrov }, .ns = 1,
		  .cue = { said2 }, .ncue = 1, .speaker = "lavrov",
		  .kind = QUOTE_PARTIAL },
		{ .content = { { 82, 96 } }, .nc = 1, .source = { official },
		  .ns = 1, .cue = { said3 }, .ncue = 1 },
	};
	const compare_mention ma[] = { { kerry, "PERSON" }, { lavrov, "ORG" } };
	const compare_mention mb[] = { { kerry, "PERSON" }, { lavrov, "PERSON" } };
	compare_quote *qa = quotes_of(a, 4), *qb = quotes_of(b, 3);
	compare_set sa = { qa, 4, ma, 2 }, sb = { qb, 3, mb, 2 };
	compare_result r;
	assert_int_equal(compare_run(t, strlen(t), &sa, &sb, &r), 0);
	free(qa);
	free(qb);
	/* Greedy: A1-B1 (30), A3-B1 dropped (18), A2-B2 (16), A4-B3 (14). */
	assert_int_equal(r.a[0].other, 0);
	assert_int_equal(r.a[0].overlap, 30);
	assert_int_equal(r.a[1].other, 1);
	assert_int_equal(r.a[2].other, COMPARE_NONE);
	assert_int_equal(r.a[3].other, 2);
	assert_int_equal(r.a[0].diff, COMPARE_DIFF_CONTENT);
	assert_int_equal(r.a[1].diff, COMPARE_DIFF_CUE | COMPARE_DIFF_KIND);
	assert_int_equal(r.a[3].diff, 0);
	assert_int_equal(r.a[0].role, COMPARE_ROLE_AGREED);
	assert_int_equal(r.b[1].role, COMPARE_ROLE_DIFFERS);
	assert_int_equal(r.a[2].role, COMPARE_ROLE_ONLY_A);
	assert_int_equal(r.b[2].role, COMPARE_ROLE_AGREED);
	/* |A| 4, |B| 3: exact 2, overlap 3, attribution 2; F1 = 2m / 7. */
	compare_scores s = compare_scores_of(&r.figures);
	assert_score(s.exact, 0.5, 2.0 / 3.0, 4.0 / 7.0);
	assert_score(s.overlap, 0.75, 1.0, 6.0 / 7.0);
	assert_score(s.attribution, 0.5, 2.0 / 3.0, 4.0 / 7.0);
	assert_float_equal(s.speaker, 1.0, 1e-9);
	assert_float_equal(s.kind, 2.0 / 3.0, 1e-9);
	/* Kerry matches, Lavrov ORG against PERSON does not: 1 of 2 and 2. */
	assert_score(s.entities, 0.5, 0.5, 0.5);
	compare_result_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_score_definitions),
		cmocka_unit_test(test_empty_annotations),
		cmocka_unit_test(test_largest_overlap_first),
		cmocka_unit_test(test_ties_by_position),
		cmocka_unit_test(test_ties_prefer_the_closer_quote),
		cmocka_unit_test(test_split_quotes),
		cmocka_unit_test(test_pieces_overlapping_each_other),
		cmocka_unit_test(test_half_at_and_below),
		cmocka_unit_test(test_half_counts_characters),
		cmocka_unit_test(test_sources_cues_speakers),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_three_annotators),
		cmocka_unit_test(test_sum_over_articles),
		cmocka_unit_test(test_ten_thousand_quotes),
		cmocka_unit_test(test_worked_example),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
