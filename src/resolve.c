/* resolve.c - finds the entities' mentions, the quotes, their speakers and
 * cues in the body of a loaded article.
 *
 * Every spelling (entity name or alias), every distinct quote fragment and
 * every distinct cue becomes one pattern of one Aho-Corasick automaton, and
 * one scan of the body finds them all.  The hits are then sorted out:
 * mentions by word boundaries and leftmost-longest choice, quotes by their
 * occurrence and the order of their fragments, cues by distance.
 *
 * A summary (resolve_article_summary(), for quoth stats) looks for no
 * spelling, and finds a news article's few fragments and cues each on its
 * own with memchr() rather than building an automaton for them.
 *
 * This file is the driver: the entry point and the scan.  resolve_names.c
 * sorts out the mentions, resolve_quotes.c the quotes and their speakers,
 * resolve_cues.c their cues and sources; the leaves they and this file call (resolve_needles.c,
 * resolve_body.c, resolve_report.c) call none of them back. */
#include "resolve.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "diag.h"
#include "matcher.h"
#include "resolve_private.h"
#include "text.h"

/* ==== words ============================================================= */

/* text_is_word_char() for a byte below 0x80, here because every found
 * name asks it twice and its neighbours are nearly always ASCII. */
static bool ascii_word_byte(unsigned char b)
{
	return (unsigned)((b | 0x20) - 'a') < 26 || (unsigned)(b - '0') < 10;
}

/* True when body[start..end) neither begins nor ends inside a word, as
 * far as the pattern's own first and last characters are word ones. */
static bool word_bounded(const article *a, size_t start, size_t end,
                         bool check_start, bool check_end)
{
	const unsigned char *b = (const unsigned char *)a->body;
	if (check_start && start > 0 &&
	    (b[start - 1] < 0x80 ? ascii_word_byte(b[start - 1])
	                         : text_is_word_char(cp_before(a->body, a->body_len,
	                                                       start))))
		return false;
	if (check_end && end < a->body_len &&
	    (b[end] < 0x80 ? ascii_word_byte(b[end])
	                   : text_is_word_char(cp_at(a->body, a->body_len, end))))
		return false;
	return true;
}

/* ==== the scan ========================================================= */

/* Found spellings are kept by start, longest first, then by needle. */
static int found_cmp(const found *a, const found *b)
{
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;   /* longest first */
	return a->needle < b->needle ? -1 : a->needle > b->needle;
}

/* Inserts f in order.  Hits come by end (by the end of their first
 * MATCHER_KEY_LEN bytes for the rare longer spelling), so f only passes
 * the ones that end inside its span and start after it, or start with it
 * and are shorter: a few at most, as many as the longest spelling allows. */
static bool found_insert(resolver *r, found f)
{
	found *v = array_grow(r->found, &r->cap_found, r->n_found + 1, sizeof *v);
	if (!v) {
		r->oom = true;
		return false;
	}
	r->found = v;
	size_t k = r->n_found++;
	for (; k > 0 && found_cmp(&v[k - 1], &f) > 0; k--)
		v[k] = v[k - 1];
	v[k] = f;
	return true;
}

_Static_assert(RESOLVE_MAX_BODY_BYTES <= UINT32_MAX,
               "a found spelling keeps body offsets in 32 bits");

static bool on_hit(void *ctx, size_t tag, size_t start, size_t end)
{
	resolver *r = ctx;
	needle *nd = &r->needles[tag];
	if (nd->kind != NEEDLE_FRAGMENT &&
	    !word_bounded(r->a, start, end, nd->word_start, nd->word_end))
		return true;
	if (nd->kind != NEEDLE_SPELLING) {
		resolve_offsets_push(r, &nd->starts, start);
		return !r->oom;
	}
	return found_insert(r, (found){ .start = (uint32_t)start,
	                                .end = (uint32_t)end,
	                                .entity = (uint32_t)nd->entity,
	                                .needle = (uint32_t)tag });
}

/* A summary skips the spellings: they find mentions only. */
static bool scanned(const resolver *r, const needle *nd)
{
	return !(r->summary && nd->kind == NEEDLE_SPELLING);
}

/* One automaton for every needle scanned, one pass over the body. */
static void scan_body(resolver *r)
{
	matcher *m = matcher_new();
	bool ok = m != NULL;
	for (size_t k = 0; ok && k < r->n_needles; k++) {
		const needle *nd = &r->needles[k];
		bool fold = nd->kind == NEEDLE_SPELLING &&
		            r->a->entities[nd->entity].ignore_case;
		if (scanned(r, nd))
			ok = matcher_add(m, nd->text, nd->len, fold, k);
	}
	if (ok && matcher_build_for(m, r->a->body_len))
		matcher_scan(m, r->a->body, r->a->body_len, on_hit, r);
	else
		r->oom = true;
	matcher_free(m);
}

/* Up to this many needles a summary looks for each on its own
 * (search_one()): a news article's dozen fragments, cues and speaker
 * words cost less that way than the automaton's build alone.  More, and
 * the one pass of the automaton wins again, whatever their number. */
#ifndef DIRECT_MAX
#define DIRECT_MAX 32u
#endif

/* How common each byte is in English text, roughly: the most common
 * highest, 0 for one not listed (capitals, digits, most punctuation,
 * UTF-8), which is rarer than any listed. */
static const uint8_t commonness[256] = {
	[' '] = 27, ['e'] = 26, ['t'] = 25, ['a'] = 24, ['o'] = 23, ['i'] = 22,
	['n'] = 21, ['s'] = 20, ['h'] = 19, ['r'] = 18, ['d'] = 17, ['l'] = 16,
	['c'] = 15, ['u'] = 14, ['m'] = 13, ['w'] = 12, ['f'] = 11, ['g'] = 10,
	['y'] = 9, ['p'] = 8, ['b'] = 7, ['v'] = 6, ['k'] = 5, ['x'] = 4,
	['j'] = 3, ['q'] = 2, ['z'] = 1,
};

/* Every occurrence of needle k, overlapping ones too, in ascending order
 * as the scan reports them: the same offsets as scan_body()'s, which
 * matches fragments and cues byte for byte too.  memchr() runs to each
 * place of the needle's rarest byte, where the whole needle is compared:
 * in prose a word's rarest letter stands every few dozen bytes, and
 * memchr passes the bytes between many at a time.  False when on_hit
 * asked to stop. */
static bool search_one(resolver *r, size_t k)
{
	const needle *nd = &r->needles[k];
	const unsigned char *t = (const unsigned char *)r->a->body;
	const unsigned char *pat = (const unsigned char *)nd->text;
	size_t n = r->a->body_len, m = nd->len, rare = 0;
	if (m == 0 || m > n)
		return true;
	for (size_t i = 1; i < m; i++) {
		if (commonness[pat[i]] < commonness[pat[rare]])
			rare = i;
	}
	/* The rare byte of a needle starting at 0 .. n - m. */
	const unsigned char *p = t + rare, *end = t + (n - m) + rare + 1;
	while (p < end && (p = memchr(p, pat[rare], (size_t)(end - p)))) {
		size_t at = (size_t)(p - t) - rare;
		if (t[at] == pat[0] && memcmp(t + at, pat, m) == 0 &&
		    !on_hit(r, k, at, at + m))
			return false;
		p++;
	}
	return true;
}

static void search_each(resolver *r)
{
	for (size_t k = 0; k < r->n_needles && !r->oom; k++) {
		if (scanned(r, &r->needles[k]) && !search_one(r, k))
			return;
	}
}

/* The scan, or for a summary with few needles the direct searches. */
static void find_needles(resolver *r)
{
	size_t n = 0;
	for (size_t k = 0; k < r->n_needles; k++)
		n += scanned(r, &r->needles[k]);
	if (r->summary && n <= DIRECT_MAX)
		search_each(r);
	else
		scan_body(r);
}

/* ==== the whole article ================================================= */

/* Drops what an earlier resolution left, so resolving twice is safe. */
static void clear_results(article *a)
{
	free(a->mentions);
	a->mentions = NULL;
	a->n_mentions = 0;
	for (size_t ei = 0; ei < a->n_entities; ei++) {
		free(a->entities[ei].mention_ids);
		a->entities[ei].mention_ids = NULL;
		a->entities[ei].n_mentions = 0;
	}
	for (size_t qi = 0; qi < a->n_quotes; qi++) {
		quote *q = &a->quotes[qi];
		free(q->spans);
		q->spans = NULL;
		q->speaker = -1;
		free(q->cue_spans);
		q->cue_spans = NULL;
		q->n_cue_spans = 0;
		free(q->source_spans);
		q->source_spans = NULL;
		q->n_source_spans = 0;
		q->resolved = false;
	}
}

static void resolver_free(resolver *r)
{
	resolve_needles_free(r);
	free(r->frag_needle);
	free(r->frag_base);
	free(r->cue_needle);
	free(r->cue_base);
	free(r->src_needle);
	free(r->found);
	resolve_body_index_free(&r->ix);
}

/* False, with one diagnostic, for a body whose offsets the found
 * spellings could not hold.  Nothing has been read or allocated yet. */
static bool body_fits(resolver *r)
{
	if (r->a->body_len <= RESOLVE_MAX_BODY_BYTES)
		return true;
	diag_add(r->diags, r->a->path, r->a->body_line, 0,
	         "the body has %zu bytes: quoth resolves a body of at most %zu "
	         "bytes", r->a->body_len, (size_t)RESOLVE_MAX_BODY_BYTES);
	r->n_problems++;
	return false;
}

static size_t resolve(article *a, diag_list *diags, bool summary)
{
	if (!a || !diags)
		return 0;
	resolver r = { .a = a, .diags = diags, .summary = summary };
	clear_results(a);
	if (!a->body)
		a->body_len = 0;   /* the loader reports a missing body */
	if (!body_fits(&r))
		return r.n_problems;
	resolve_add_spelling_needles(&r);
	resolve_add_quote_needles(&r);
	if (!r.oom && a->body)
		find_needles(&r);
	if (!r.oom)
		resolve_mentions(&r);
	if (!r.oom)
		resolve_speakers(&r);
	if (!r.oom && a->body)
		resolve_quotes(&r);
	if (!r.oom && a->body)
		resolve_cues(&r);
	if (r.oom) {
		clear_results(a);
		diag_add(diags, a->path, 0, 0, "out of memory while resolving the article");
		r.n_problems++;
	}
	resolver_free(&r);
	return r.n_problems;
}

size_t resolve_article(article *a, diag_list *diags)
{
	return resolve(a, diags, false);
}

size_t resolve_article_summary(article *a, diag_list *diags)
{
	return resolve(a, diags, true);
}
