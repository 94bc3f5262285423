/* resolve.c - finds the entities' mentions, the quotes, their speakers and
 * cues in the body of a loaded article.
 *
 * Every spelling (entity name or alias), every distinct quote fragment and
 * every distinct cue becomes one pattern of one Aho-Corasick automaton, and
 * one scan of the body finds them all.  The hits are then sorted out:
 * mentions by word boundaries and leftmost-longest choice, quotes by their
 * occurrence and the order of their fragments, cues by distance.
 *
 * This file holds the entry point, the scan and the body's index of lines
 * and paragraphs; resolve_names.c sorts out the mentions and
 * resolve_quotes.c the quotes, their speakers and cues. */
#include "resolve.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "loader.h"
#include "matcher.h"
#include "resolve_private.h"
#include "text.h"

/* ==== the resolver's working state ====================================== */

static void offsets_push(resolver *r, offsets *o, size_t at)
{
	size_t *v = array_grow(o->v, &o->cap, o->n + 1, sizeof *v);
	if (!v) {
		r->oom = true;
		return;
	}
	o->v = v;
	o->v[o->n++] = at;
}

/* Index of the first offset >= at. */
size_t offsets_lower(const offsets *o, size_t at)
{
	size_t lo = 0, hi = o->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (o->v[mid] < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void resolver_problem(resolver *r, src_pos pos, src_pos fallback,
                             const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!msg) {
		r->oom = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (pos.line <= 0)
		pos = fallback;
	diag_add(r->diags, r->a->path, pos.line, pos.col, "%s", msg);
	free(msg);
	r->n_problems++;
}

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

/* ==== body lines and paragraphs ========================================= */

static bool line_is_blank(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	}
	return true;
}

/* Lines and paragraphs in one pass over the body. */
static bool index_lines(body_index *ix, const char *b, size_t len)
{
	size_t cap_lines = 0, cap_paras = 0, start = 0;
	bool after_blank = true;
	for (;;) {
		const char *nl = memchr(b + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - b) : len;
		size_t *lines = array_grow(ix->lines, &cap_lines, ix->n_lines + 1,
		                           sizeof *lines);
		size_t *paras = array_grow(ix->paras, &cap_paras, ix->n_paras + 1,
		                           sizeof *paras);
		if (lines)
			ix->lines = lines;
		if (paras)
			ix->paras = paras;
		if (!lines || !paras) {   /* as before the first call */
			free(ix->lines);
			free(ix->paras);
			*ix = (body_index){ 0 };
			return false;
		}
		ix->lines[ix->n_lines++] = start;
		bool blank = line_is_blank(b, start, end);
		if (!blank && after_blank)
			ix->paras[ix->n_paras++] = start;
		after_blank = blank;
		if (!nl)
			break;
		start = end + 1;
	}
	if (ix->n_paras == 0)
		ix->paras[ix->n_paras++] = 0;
	return true;
}

static bool index_code_points(body_index *ix, const char *b, size_t len)
{
	size_t n_blocks = len / CP_BLOCK + 1, cap = 0, count = 0;
	ix->cps = array_grow(NULL, &cap, n_blocks, sizeof *ix->cps);
	if (!ix->cps)
		return false;
	for (size_t k = 0; k < n_blocks; k++) {
		ix->cps[k] = count;
		size_t end = (k + 1) * CP_BLOCK < len ? (k + 1) * CP_BLOCK : len;
		count += utf8_count(b + k * CP_BLOCK, end - k * CP_BLOCK);
	}
	return true;
}

/* Lines and paragraphs, built on first use. */
bool resolver_index_body(resolver *r)
{
	body_index *ix = &r->ix;
	if (ix->built)
		return true;
	if (!index_lines(ix, r->a->body, r->a->body_len)) {
		r->oom = true;
		return false;
	}
	ix->built = true;
	return true;
}

/* The lines and the code point counts, which only columns in messages
 * need: a clean article never reads its body a second time for them. */
static bool index_need_columns(resolver *r)
{
	if (!resolver_index_body(r))
		return false;
	if (r->ix.cps)
		return true;
	if (!index_code_points(&r->ix, r->a->body, r->a->body_len)) {
		r->oom = true;
		return false;
	}
	return true;
}

static void index_free(body_index *ix)
{
	free(ix->lines);
	free(ix->cps);
	free(ix->paras);
}

/* Index of the last element of v[0..n) that is <= at (v[0] is 0). */
size_t last_at_or_before(const size_t *v, size_t n, size_t at)
{
	size_t lo = 0, hi = n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] <= at)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static size_t code_points_before(const resolver *r, size_t at)
{
	size_t k = at / CP_BLOCK;
	return r->ix.cps[k] + utf8_count(r->a->body + k * CP_BLOCK, at - k * CP_BLOCK);
}

/* 1-based body line of a body offset. */
int body_line_of(resolver *r, size_t at)
{
	if (!resolver_index_body(r))
		return 1;
	return (int)last_at_or_before(r->ix.lines, r->ix.n_lines, at) + 1;
}

body_pos body_pos_of(resolver *r, size_t at)
{
	if (!index_need_columns(r))
		return (body_pos){ .line = 1, .col = 1 };
	size_t k = last_at_or_before(r->ix.lines, r->ix.n_lines, at);
	size_t col = code_points_before(r, at) -
	             code_points_before(r, r->ix.lines[k]) + 1;
	body_pos p = { .line = (int)(k + 1), .col = (int)col };
	if (r->a->body_line > 0)
		p.file_line = r->a->body_line + p.line - 1;
	return p;
}

/* ==== message pieces ==================================================== */

#define CLIP_CHARS 60u

/* Copies t[0..len) into c, controls as spaces, at most CLIP_CHARS code
 * points: the first ones, or the last ones when keep_end. */
const char *clip_text(clip *c, const char *t, size_t len, bool keep_end)
{
	size_t from = 0, to = len, chars = utf8_count(t, len);
	bool cut = chars > CLIP_CHARS;
	if (cut) {
		size_t skip = keep_end ? chars - CLIP_CHARS : CLIP_CHARS, seen = 0;
		size_t i = 0;
		for (; i < len; i++) {
			if (((unsigned char)t[i] & 0xC0) != 0x80 && seen++ == skip)
				break;
		}
		if (keep_end)
			from = i;
		else
			to = i;
	}
	size_t n = 0;
	if (cut && keep_end)
		n += (size_t)sprintf(c->s, "\xE2\x80\xA6");
	for (size_t i = from; i < to; i++) {
		unsigned char ch = (unsigned char)t[i];
		c->s[n++] = (ch < 0x20 || ch == 0x7F) ? ' ' : (char)ch;
	}
	if (cut && !keep_end)
		n += (size_t)sprintf(c->s + n, "\xE2\x80\xA6");
	c->s[n] = '\0';
	return c->s;
}

/* " (file line N)" for a body position that maps to the file, else "". */
const char *file_line_note(char *buf, size_t size, body_pos p)
{
	buf[0] = '\0';
	if (p.file_line > 0)
		snprintf(buf, size, " (file line %d)", p.file_line);
	return buf;
}

/* ==== needles and the scan ============================================== */

size_t needle_add(resolver *r, needle nd)
{
	needle *v = array_grow(r->needles, &r->cap_needles, r->n_needles + 1,
	                       sizeof *v);
	if (!v) {
		r->oom = true;
		return NO_NEEDLE;
	}
	r->needles = v;
	if (nd.kind != NEEDLE_FRAGMENT) {
		nd.word_start = text_is_word_char(cp_at(nd.text, nd.len, 0));
		nd.word_end = text_is_word_char(cp_before(nd.text, nd.len, nd.len));
	}
	r->needles[r->n_needles] = nd;
	return r->n_needles++;
}

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

_Static_assert(LOADER_MAX_FILE_BYTES <= UINT32_MAX,
               "a found spelling keeps body offsets in 32 bits");

static bool on_hit(void *ctx, size_t tag, size_t start, size_t end)
{
	resolver *r = ctx;
	needle *nd = &r->needles[tag];
	if (nd->kind != NEEDLE_FRAGMENT &&
	    !word_bounded(r->a, start, end, nd->word_start, nd->word_end))
		return true;
	if (nd->kind != NEEDLE_SPELLING) {
		offsets_push(r, &nd->starts, start);
		return !r->oom;
	}
	return found_insert(r, (found){ .start = (uint32_t)start,
	                                .end = (uint32_t)end,
	                                .entity = (uint32_t)nd->entity,
	                                .needle = (uint32_t)tag });
}

static void scan_body(resolver *r)
{
	matcher *m = matcher_new();
	bool ok = m != NULL;
	for (size_t k = 0; ok && k < r->n_needles; k++) {
		const needle *nd = &r->needles[k];
		bool fold = nd->kind == NEEDLE_SPELLING &&
		            r->a->entities[nd->entity].ignore_case;
		ok = matcher_add(m, nd->text, nd->len, fold, k);
	}
	if (ok && matcher_build(m))
		matcher_scan(m, r->a->body, r->a->body_len, on_hit, r);
	else
		r->oom = true;
	matcher_free(m);
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
		q->cue_span = (span){ 0 };
	}
}

static void resolver_free(resolver *r)
{
	for (size_t k = 0; k < r->n_needles; k++)
		free(r->needles[k].starts.v);
	free(r->needles);
	free(r->frag_needle);
	free(r->frag_base);
	free(r->cue_needle);
	free(r->found);
	index_free(&r->ix);
}

size_t resolve_article(article *a, diag_list *diags)
{
	if (!a || !diags)
		return 0;
	resolver r = { .a = a, .diags = diags };
	clear_results(a);
	if (!a->body)
		a->body_len = 0;   /* the loader reports a missing body */
	add_spelling_needles(&r);
	add_quote_needles(&r);
	if (!r.oom && a->body)
		scan_body(&r);
	if (!r.oom)
		resolve_mentions(&r);
	if (!r.oom)
		resolve_speakers(&r);
	if (!r.oom && a->body)
		resolve_quotes(&r);
	if (r.oom) {
		clear_results(a);
		diag_add(diags, a->path, 0, 0, "out of memory while resolving the article");
		r.n_problems++;
	}
	resolver_free(&r);
	return r.n_problems;
}
