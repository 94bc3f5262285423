/* resolve_near.c - where a quote's text that is not in the body as
 * written stands once the characters people type for one another are
 * taken as one: apostrophes (' ’ ‘ ʼ), quotation marks (" “ ” „ « »),
 * dashes (- ‒ – —), and any run of white space, line breaks and
 * no-break spaces included.  Only a message asks: the body is
 * normalised once, on the first ask, with a mark every NEAR_STEP bytes
 * so that a place found in the copy maps back to the body in a few
 * steps; each ask is then one strstr() (linear) over the copy.  A leaf:
 * it calls no other resolver file. */
#include "resolve_private.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bound.h"
#include "text.h"

static bool is_white(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	       cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
	       cp == 0x205F || cp == 0x3000;
}

/* The byte that one character stands for once normalised, or 0 when it
 * stands for itself. */
static char class_of(uint32_t cp)
{
	if (cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC)
		return '\'';
	if (cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
	    cp == 0x00AB || cp == 0x00BB)
		return '"';
	if (cp == '-' || cp == 0x2012 || cp == 0x2013 || cp == 0x2014)
		return '-';
	return 0;
}

/* The unit of s that starts at i: one character, or a run of white
 * space.  *next gets the start of the next unit; returns the byte the
 * unit becomes, or 0 when it stays as its own bytes. */
static char unit_at(const char *s, size_t len, size_t i, size_t *next)
{
	uint32_t cp;
	size_t j = i + utf8_decode(s, len, i, &cp);
	if (!is_white(cp)) {
		*next = j;
		return class_of(cp);
	}
	while (j < len) {
		size_t n = utf8_decode(s, len, j, &cp);
		if (!is_white(cp))
			break;
		j += n;
	}
	*next = j;
	return ' ';
}

/* s[0..len) normalised into out (room for len + 1 bytes: no unit
 * grows), NUL-terminated; its length.  When marks is not NULL, it gets
 * a unit start every NEAR_STEP bytes of out (room for len / NEAR_STEP +
 * 1), *n_marks their number. */
static size_t normalise(const char *s, size_t len, char *out, near_mark *marks,
                        size_t *n_marks)
{
	size_t n = 0, k = 0;
	for (size_t i = 0, next; i < len; i = next) {
		if (marks && n >= k * NEAR_STEP)
			marks[k++] = (near_mark){ .norm = n, .raw = i };
		char c = unit_at(s, len, i, &next);
		if (c) {
			out[n++] = c;
		} else {
			memcpy(out + n, s + i, next - i);
			n += next - i;
		}
	}
	out[n] = '\0';
	if (n_marks)
		*n_marks = k;
	return n;
}

/* The body normalised, with its marks, made on first use: every quote
 * not found asks, and the body is the same for all. */
static bool near_index_build(resolver *r)
{
	near_index *nx = &r->near;
	const article *a = r->a;
	if (nx->text)
		return true;
	nx->text = malloc(a->body_len + 1);
	nx->marks = malloc((a->body_len / NEAR_STEP + 1) * sizeof *nx->marks);
	if (!nx->text || !nx->marks) {
		resolve_near_free(r);
		r->oom = true;
		return false;
	}
	nx->len = normalise(a->body, a->body_len, nx->text, nx->marks,
	                    &nx->n_marks);
	return true;
}

void resolve_near_free(resolver *r)
{
	free(r->near.text);
	free(r->near.marks);
	r->near = (near_index){ 0 };
}

/* From mark k on, a unit at a time, to the first unit that starts at or
 * past byte norm of the copy or offset raw of the body: its place in
 * both. */
static near_mark walk_from(const resolver *r, size_t k, size_t norm,
                           size_t raw)
{
	const article *a = r->a;
	near_mark at = r->near.marks[k];
	while (at.raw < a->body_len && at.norm < norm && at.raw < raw) {
		size_t next;
		at.norm += unit_at(a->body, a->body_len, at.raw, &next) ? 1
		                                                       : next - at.raw;
		at.raw = next;
	}
	return at;
}

/* The body offset of the unit that starts at byte norm of the copy. */
static size_t raw_of(const resolver *r, size_t norm)
{
	const near_index *nx = &r->near;
	size_t k = BOUND_UPPER(nx->marks, nx->n_marks, .norm, norm) - 1;
	return walk_from(r, k, norm, SIZE_MAX).raw;
}

/* The byte of the copy where the first unit at or after body offset raw
 * starts. */
static size_t norm_of(const resolver *r, size_t raw)
{
	const near_index *nx = &r->near;
	size_t k = BOUND_UPPER(nx->marks, nx->n_marks, .raw, raw) - 1;
	return walk_from(r, k, SIZE_MAX, raw).norm;
}

/* The first unit where body[at..) and pat differ as written. */
static void first_difference(const char *b, size_t blen, size_t at,
                             const char *pat, size_t m, near_match *out)
{
	size_t bi = at, pi = 0;
	while (bi < blen && pi < m) {
		size_t bn, pn;
		unit_at(b, blen, bi, &bn);
		unit_at(pat, m, pi, &pn);
		if (bn - bi != pn - pi || memcmp(b + bi, pat + pi, bn - bi) != 0) {
			*out = (near_match){ .body_diff = bi, .body_diff_end = bn,
			                     .pat_diff = pi, .pat_diff_end = pn };
			return;
		}
		bi = bn;
		pi = pn;
	}
	*out = (near_match){ .body_diff = bi, .body_diff_end = bi,
	                     .pat_diff = pi, .pat_diff_end = pi };
}

bool resolve_near_find(resolver *r, size_t from, const char *pat, size_t m,
                       near_match *out)
{
	const article *a = r->a;
	if (from >= a->body_len || m == 0 || !near_index_build(r))
		return false;
	char *np = malloc(m + 1);
	if (!np) {
		r->oom = true;
		return false;
	}
	size_t n = normalise(pat, m, np, NULL, NULL);
	const char *hit = strstr(r->near.text + norm_of(r, from), np);
	if (hit) {
		size_t ns = (size_t)(hit - r->near.text);
		size_t start = raw_of(r, ns);
		first_difference(a->body, a->body_len, start, pat, m, out);
		out->at = (span){ .start = start, .end = raw_of(r, ns + n) };
	}
	free(np);
	return hit != NULL;
}
