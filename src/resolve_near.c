/* resolve_near.c - where a quote's text that is not in the body as
 * written stands once the characters people type for one another are
 * taken as one: apostrophes (' ’ ‘ ʼ), quotation marks (" “ ” „ « »),
 * dashes (- ‒ – —), and any run of white space, line breaks and
 * no-break spaces included.  Only a message asks, so the body is
 * normalised afresh for each: one pass, and one strstr() (linear) over
 * the copy.  A leaf: it calls no other resolver file. */
#include "resolve_private.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* s[from..len) normalised into out (room for len - from + 1 bytes: no
 * unit grows), NUL-terminated. */
static void normalise(const char *s, size_t len, size_t from, char *out)
{
	size_t n = 0;
	for (size_t i = from, next; i < len; i = next) {
		char c = unit_at(s, len, i, &next);
		if (c) {
			out[n++] = c;
		} else {
			memcpy(out + n, s + i, next - i);
			n += next - i;
		}
	}
	out[n] = '\0';
}

/* The offset of s whose unit starts byte norm of s[from..) normalised. */
static size_t raw_offset(const char *s, size_t len, size_t from, size_t norm)
{
	size_t i = from, n = 0;
	while (i < len && n < norm) {
		size_t next;
		n += unit_at(s, len, i, &next) ? 1 : next - i;
		i = next;
	}
	return i;
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
	if (from >= a->body_len || m == 0)
		return false;
	char *nb = malloc(a->body_len - from + 1), *np = malloc(m + 1);
	if (!nb || !np) {
		free(nb);
		free(np);
		r->oom = true;
		return false;
	}
	normalise(a->body, a->body_len, from, nb);
	normalise(pat, m, 0, np);
	const char *hit = strstr(nb, np);
	if (hit) {
		size_t ns = (size_t)(hit - nb);
		size_t start = raw_offset(a->body, a->body_len, from, ns);
		size_t end = raw_offset(a->body, a->body_len, from, ns + strlen(np));
		first_difference(a->body, a->body_len, start, pat, m, out);
		out->at = (span){ .start = start, .end = end };
	}
	free(nb);
	free(np);
	return hit != NULL;
}
