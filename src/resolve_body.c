/* resolve_body.c - the body's lines and paragraphs, and the line and
 * column of a body offset, built on first use: diagnostics and cues need
 * them, a clean article without cues does not.  A leaf: it calls no other
 * resolver file. */
#include "resolve_private.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "bound.h"
#include "text.h"

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

void resolve_body_index_free(body_index *ix)
{
	free(ix->lines);
	free(ix->cps);
	free(ix->paras);
}

/* Index of the last of v[0..n) that is <= at, or 0 when none is (a
 * paragraph's lines may start after a blank first line). */
static size_t last_at_or_before(const size_t *v, size_t n, size_t at)
{
	size_t k = BOUND_UPPER(v, n, , at);
	return k > 0 ? k - 1 : 0;
}

static size_t code_points_before(const resolver *r, size_t at)
{
	size_t k = at / CP_BLOCK;
	return r->ix.cps[k] + utf8_count(r->a->body + k * CP_BLOCK, at - k * CP_BLOCK);
}

int resolve_body_line(resolver *r, size_t at)
{
	if (!resolver_index_body(r))
		return 1;
	return (int)last_at_or_before(r->ix.lines, r->ix.n_lines, at) + 1;
}

body_pos resolve_body_pos(resolver *r, size_t at)
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

size_t resolve_body_para(resolver *r, size_t at)
{
	if (!resolver_index_body(r))
		return 0;
	return last_at_or_before(r->ix.paras, r->ix.n_paras, at);
}

size_t resolve_body_chars(resolver *r)
{
	if (!index_need_columns(r))
		return 0;
	return code_points_before(r, r->a->body_len);
}

/* The block index gives the code points before each block of CP_BLOCK
 * bytes: a binary search finds the block, a walk of at most CP_BLOCK
 * bytes the character, so converting the spans of an importer's article
 * costs no scan of the body per span. */
bool resolve_body_char_offset(resolver *r, size_t c, size_t *byte)
{
	if (!index_need_columns(r))
		return false;
	const char *b = r->a->body;
	size_t len = r->a->body_len, n_blocks = len / CP_BLOCK + 1;
	size_t k = BOUND_UPPER(r->ix.cps, n_blocks, , c) - 1;   /* cps[0] is 0 */
	size_t count = r->ix.cps[k];
	/* In a block where every byte starts a code point, as in most
	 * blocks of most text, code point c is at its byte: no walk. */
	if (k + 1 < n_blocks && r->ix.cps[k + 1] - count == CP_BLOCK) {
		*byte = k * CP_BLOCK + (c - count);
		return true;
	}
	for (size_t i = k * CP_BLOCK; i < len; i++) {
		if (((unsigned char)b[i] & 0xC0) == 0x80)
			continue;
		if (count == c) {
			*byte = i;
			return true;
		}
		count++;
	}
	if (count != c)
		return false;
	*byte = len;
	return true;
}
