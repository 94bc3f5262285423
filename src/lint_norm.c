/* lint_norm.c - a spelling that differs from the body only by Unicode
 * normalisation: "í" typed as one character (U+00ED) in one place and as
 * "i" + U+0301 in the other.  The resolver matches bytes, so such a name
 * is never found, and the two look the same on screen.
 *
 * A full Unicode composition table is not needed to catch this: names in
 * articles are written in Latin letters with the common marks.  The table
 * below holds every precomposed Latin letter (U+00C0-U+024F,
 * U+1E00-U+1EFF) made of an ASCII letter and one of grave, acute,
 * circumflex, tilde, macron, breve, dot above, diaeresis, ring, double
 * acute, caron, cedilla, ogonek.  (A stroke, as in ł or ø, is not a
 * combining mark: such letters have no decomposed form.)  Letters with two
 * marks, or outside Latin, are not compared. */
#include "lint_private.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct composition {
	uint32_t composed;
	char base;
	uint16_t mark;
} composition;

/* Sorted by composed, for decomposing by binary search; generated from
 * Unicode's canonical decompositions. */
static const composition compositions[] = {
	{ 0x00C0, 'A', 0x300 }, { 0x00C1, 'A', 0x301 }, { 0x00C2, 'A', 0x302 },
	{ 0x00C3, 'A', 0x303 }, { 0x00C4, 'A', 0x308 }, { 0x00C5, 'A', 0x30A },
	{ 0x00C7, 'C', 0x327 }, { 0x00C8, 'E', 0x300 }, { 0x00C9, 'E', 0x301 },
	{ 0x00CA, 'E', 0x302 }, { 0x00CB, 'E', 0x308 }, { 0x00CC, 'I', 0x300 },
	{ 0x00CD, 'I', 0x301 }, { 0x00CE, 'I', 0x302 }, { 0x00CF, 'I', 0x308 },
	{ 0x00D1, 'N', 0x303 }, { 0x00D2, 'O', 0x300 }, { 0x00D3, 'O', 0x301 },
	{ 0x00D4, 'O', 0x302 }, { 0x00D5, 'O', 0x303 }, { 0x00D6, 'O', 0x308 },
	{ 0x00D9, 'U', 0x300 }, { 0x00DA, 'U', 0x301 }, { 0x00DB, 'U', 0x302 },
	{ 0x00DC, 'U', 0x308 }, { 0x00DD, 'Y', 0x301 }, { 0x00E0, 'a', 0x300 },
	{ 0x00E1, 'a', 0x301 }, { 0x00E2, 'a', 0x302 }, { 0x00E3, 'a', 0x303 },
	{ 0x00E4, 'a', 0x308 }, { 0x00E5, 'a', 0x30A }, { 0x00E7, 'c', 0x327 },
	{ 0x00E8, 'e', 0x300 }, { 0x00E9, 'e', 0x301 }, { 0x00EA, 'e', 0x302 },
	{ 0x00EB, 'e', 0x308 }, { 0x00EC, 'i', 0x300 }, { 0x00ED, 'i', 0x301 },
	{ 0x00EE, 'i', 0x302 }, { 0x00EF, 'i', 0x308 }, { 0x00F1, 'n', 0x303 },
	{ 0x00F2, 'o', 0x300 }, { 0x00F3, 'o', 0x301 }, { 0x00F4, 'o', 0x302 },
	{ 0x00F5, 'o', 0x303 }, { 0x00F6, 'o', 0x308 }, { 0x00F9, 'u', 0x300 },
	{ 0x00FA, 'u', 0x301 }, { 0x00FB, 'u', 0x302 }, { 0x00FC, 'u', 0x308 },
	{ 0x00FD, 'y', 0x301 }, { 0x00FF, 'y', 0x308 }, { 0x0100, 'A', 0x304 },
	{ 0x0101, 'a', 0x304 }, { 0x0102, 'A', 0x306 }, { 0x0103, 'a', 0x306 },
	{ 0x0104, 'A', 0x328 }, { 0x0105, 'a', 0x328 }, { 0x0106, 'C', 0x301 },
	{ 0x0107, 'c', 0x301 }, { 0x0108, 'C', 0x302 }, { 0x0109, 'c', 0x302 },
	{ 0x010A, 'C', 0x307 }, { 0x010B, 'c', 0x307 }, { 0x010C, 'C', 0x30C },
	{ 0x010D, 'c', 0x30C }, { 0x010E, 'D', 0x30C }, { 0x010F, 'd', 0x30C },
	{ 0x0112, 'E', 0x304 }, { 0x0113, 'e', 0x304 }, { 0x0114, 'E', 0x306 },
	{ 0x0115, 'e', 0x306 }, { 0x0116, 'E', 0x307 }, { 0x0117, 'e', 0x307 },
	{ 0x0118, 'E', 0x328 }, { 0x0119, 'e', 0x328 }, { 0x011A, 'E', 0x30C },
	{ 0x011B, 'e', 0x30C }, { 0x011C, 'G', 0x302 }, { 0x011D, 'g', 0x302 },
	{ 0x011E, 'G', 0x306 }, { 0x011F, 'g', 0x306 }, { 0x0120, 'G', 0x307 },
	{ 0x0121, 'g', 0x307 }, { 0x0122, 'G', 0x327 }, { 0x0123, 'g', 0x327 },
	{ 0x0124, 'H', 0x302 }, { 0x0125, 'h', 0x302 }, { 0x0128, 'I', 0x303 },
	{ 0x0129, 'i', 0x303 }, { 0x012A, 'I', 0x304 }, { 0x012B, 'i', 0x304 },
	{ 0x012C, 'I', 0x306 }, { 0x012D, 'i', 0x306 }, { 0x012E, 'I', 0x328 },
	{ 0x012F, 'i', 0x328 }, { 0x0130, 'I', 0x307 }, { 0x0134, 'J', 0x302 },
	{ 0x0135, 'j', 0x302 }, { 0x0136, 'K', 0x327 }, { 0x0137, 'k', 0x327 },
	{ 0x0139, 'L', 0x301 }, { 0x013A, 'l', 0x301 }, { 0x013B, 'L', 0x327 },
	{ 0x013C, 'l', 0x327 }, { 0x013D, 'L', 0x30C }, { 0x013E, 'l', 0x30C },
	{ 0x0143, 'N', 0x301 }, { 0x0144, 'n', 0x301 }, { 0x0145, 'N', 0x327 },
	{ 0x0146, 'n', 0x327 }, { 0x0147, 'N', 0x30C }, { 0x0148, 'n', 0x30C },
	{ 0x014C, 'O', 0x304 }, { 0x014D, 'o', 0x304 }, { 0x014E, 'O', 0x306 },
	{ 0x014F, 'o', 0x306 }, { 0x0150, 'O', 0x30B }, { 0x0151, 'o', 0x30B },
	{ 0x0154, 'R', 0x301 }, { 0x0155, 'r', 0x301 }, { 0x0156, 'R', 0x327 },
	{ 0x0157, 'r', 0x327 }, { 0x0158, 'R', 0x30C }, { 0x0159, 'r', 0x30C },
	{ 0x015A, 'S', 0x301 }, { 0x015B, 's', 0x301 }, { 0x015C, 'S', 0x302 },
	{ 0x015D, 's', 0x302 }, { 0x015E, 'S', 0x327 }, { 0x015F, 's', 0x327 },
	{ 0x0160, 'S', 0x30C }, { 0x0161, 's', 0x30C }, { 0x0162, 'T', 0x327 },
	{ 0x0163, 't', 0x327 }, { 0x0164, 'T', 0x30C }, { 0x0165, 't', 0x30C },
	{ 0x0168, 'U', 0x303 }, { 0x0169, 'u', 0x303 }, { 0x016A, 'U', 0x304 },
	{ 0x016B, 'u', 0x304 }, { 0x016C, 'U', 0x306 }, { 0x016D, 'u', 0x306 },
	{ 0x016E, 'U', 0x30A }, { 0x016F, 'u', 0x30A }, { 0x0170, 'U', 0x30B },
	{ 0x0171, 'u', 0x30B }, { 0x0172, 'U', 0x328 }, { 0x0173, 'u', 0x328 },
	{ 0x0174, 'W', 0x302 }, { 0x0175, 'w', 0x302 }, { 0x0176, 'Y', 0x302 },
	{ 0x0177, 'y', 0x302 }, { 0x0178, 'Y', 0x308 }, { 0x0179, 'Z', 0x301 },
	{ 0x017A, 'z', 0x301 }, { 0x017B, 'Z', 0x307 }, { 0x017C, 'z', 0x307 },
	{ 0x017D, 'Z', 0x30C }, { 0x017E, 'z', 0x30C }, { 0x01CD, 'A', 0x30C },
	{ 0x01CE, 'a', 0x30C }, { 0x01CF, 'I', 0x30C }, { 0x01D0, 'i', 0x30C },
	{ 0x01D1, 'O', 0x30C }, { 0x01D2, 'o', 0x30C }, { 0x01D3, 'U', 0x30C },
	{ 0x01D4, 'u', 0x30C }, { 0x01E6, 'G', 0x30C }, { 0x01E7, 'g', 0x30C },
	{ 0x01E8, 'K', 0x30C }, { 0x01E9, 'k', 0x30C }, { 0x01EA, 'O', 0x328 },
	{ 0x01EB, 'o', 0x328 }, { 0x01F0, 'j', 0x30C }, { 0x01F4, 'G', 0x301 },
	{ 0x01F5, 'g', 0x301 }, { 0x01F8, 'N', 0x300 }, { 0x01F9, 'n', 0x300 },
	{ 0x021E, 'H', 0x30C }, { 0x021F, 'h', 0x30C }, { 0x0226, 'A', 0x307 },
	{ 0x0227, 'a', 0x307 }, { 0x0228, 'E', 0x327 }, { 0x0229, 'e', 0x327 },
	{ 0x022E, 'O', 0x307 }, { 0x022F, 'o', 0x307 }, { 0x0232, 'Y', 0x304 },
	{ 0x0233, 'y', 0x304 }, { 0x1E02, 'B', 0x307 }, { 0x1E03, 'b', 0x307 },
	{ 0x1E0A, 'D', 0x307 }, { 0x1E0B, 'd', 0x307 }, { 0x1E10, 'D', 0x327 },
	{ 0x1E11, 'd', 0x327 }, { 0x1E1E, 'F', 0x307 }, { 0x1E1F, 'f', 0x307 },
	{ 0x1E20, 'G', 0x304 }, { 0x1E21, 'g', 0x304 }, { 0x1E22, 'H', 0x307 },
	{ 0x1E23, 'h', 0x307 }, { 0x1E26, 'H', 0x308 }, { 0x1E27, 'h', 0x308 },
	{ 0x1E28, 'H', 0x327 }, { 0x1E29, 'h', 0x327 }, { 0x1E30, 'K', 0x301 },
	{ 0x1E31, 'k', 0x301 }, { 0x1E3E, 'M', 0x301 }, { 0x1E3F, 'm', 0x301 },
	{ 0x1E40, 'M', 0x307 }, { 0x1E41, 'm', 0x307 }, { 0x1E44, 'N', 0x307 },
	{ 0x1E45, 'n', 0x307 }, { 0x1E54, 'P', 0x301 }, { 0x1E55, 'p', 0x301 },
	{ 0x1E56, 'P', 0x307 }, { 0x1E57, 'p', 0x307 }, { 0x1E58, 'R', 0x307 },
	{ 0x1E59, 'r', 0x307 }, { 0x1E60, 'S', 0x307 }, { 0x1E61, 's', 0x307 },
	{ 0x1E6A, 'T', 0x307 }, { 0x1E6B, 't', 0x307 }, { 0x1E7C, 'V', 0x303 },
	{ 0x1E7D, 'v', 0x303 }, { 0x1E80, 'W', 0x300 }, { 0x1E81, 'w', 0x300 },
	{ 0x1E82, 'W', 0x301 }, { 0x1E83, 'w', 0x301 }, { 0x1E84, 'W', 0x308 },
	{ 0x1E85, 'w', 0x308 }, { 0x1E86, 'W', 0x307 }, { 0x1E87, 'w', 0x307 },
	{ 0x1E8A, 'X', 0x307 }, { 0x1E8B, 'x', 0x307 }, { 0x1E8C, 'X', 0x308 },
	{ 0x1E8D, 'x', 0x308 }, { 0x1E8E, 'Y', 0x307 }, { 0x1E8F, 'y', 0x307 },
	{ 0x1E90, 'Z', 0x302 }, { 0x1E91, 'z', 0x302 }, { 0x1E97, 't', 0x308 },
	{ 0x1E98, 'w', 0x30A }, { 0x1E99, 'y', 0x30A }, { 0x1EBC, 'E', 0x303 },
	{ 0x1EBD, 'e', 0x303 }, { 0x1EF2, 'Y', 0x300 }, { 0x1EF3, 'y', 0x300 },
	{ 0x1EF8, 'Y', 0x303 }, { 0x1EF9, 'y', 0x303 },
};

#define N_COMPOSITIONS (sizeof compositions / sizeof compositions[0])

static const composition *decomposition_of(uint32_t cp)
{
	size_t lo = 0, hi = N_COMPOSITIONS;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (compositions[mid].composed < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < N_COMPOSITIONS && compositions[lo].composed == cp
	       ? &compositions[lo] : NULL;
}

/* Few calls (only spellings holding a combining mark compose), so a
 * linear search is enough. */
static const composition *composition_of(uint32_t base, uint32_t mark)
{
	for (size_t i = 0; i < N_COMPOSITIONS; i++)
		if ((uint32_t)(unsigned char)compositions[i].base == base &&
		    compositions[i].mark == mark)
			return &compositions[i];
	return NULL;
}

static bool is_combining(uint32_t cp)
{
	return cp >= 0x300 && cp <= 0x36F;
}

bool lint_norm_body_combining(const article *a)
{
	/* U+0300-U+036F are CC 80-CD AF in UTF-8; CC and CD lead nothing
	 * else, so two memchr scans tell. */
	return memchr(a->body, 0xCC, a->body_len) ||
	       memchr(a->body, 0xCD, a->body_len);
}

bool lint_find(const char *text, size_t len, const char *s, size_t n,
               bool icase)
{
	if (n == 0 || n > len)
		return false;
	if (!icase) {
		/* memmem() is a GNU extension: memchr finds each candidate. */
		const char *p = text, *last = text + (len - n);
		while (p <= last && (p = memchr(p, s[0], (size_t)(last - p) + 1))) {
			if (memcmp(p, s, n) == 0)
				return true;
			p++;
		}
		return false;
	}
	for (size_t i = 0; i + n <= len; i++) {
		size_t k = 0;
		while (k < n && ascii_lower((unsigned char)text[i + k]) ==
		                ascii_lower((unsigned char)s[k]))
			k++;
		if (k == n)
			return true;
	}
	return false;
}

/* The first letter the two forms write differently, for the message. */
typedef struct norm_diff {
	const composition *c;
	bool spelling_decomposed;  /* the spelling has base + mark */
} norm_diff;

/* s in the other form: composed when it holds a combining mark the table
 * knows, else decomposed.  Returns a new string (NULL when no letter of
 * s changes, or out of memory) and sets *diff to its first change. */
static char *other_form(const char *s, norm_diff *diff)
{
	size_t len = strlen(s);
	char *out = malloc(len * 2 + 1);  /* decomposing at most doubles */
	if (!out)
		return NULL;
	size_t n = 0;
	bool changed = false;
	for (size_t i = 0; i < len;) {
		uint32_t cp, next = 0;
		size_t k = utf8_decode(s, len, i, &cp);
		if (i + k < len)
			utf8_decode(s, len, i + k, &next);
		const composition *c = cp < 0x80 && is_combining(next)
		                       ? composition_of(cp, next) : NULL;
		const composition *d = c ? NULL : decomposition_of(cp);
		if (c) {
			n += utf8_encode(c->composed, out + n);
			i += k + 2;   /* the marks of the table take two bytes */
		} else if (d) {
			out[n++] = d->base;
			n += utf8_encode(d->mark, out + n);
			i += k;
		} else {
			memcpy(out + n, s + i, k);
			n += k;
			i += k;
			continue;
		}
		if (!changed)
			*diff = (norm_diff){ .c = c ? c : d, .spelling_decomposed = c != NULL };
		changed = true;
	}
	out[n] = '\0';
	if (!changed) {
		free(out);
		return NULL;
	}
	return out;
}

bool lint_norm_spelling(const article *a, const entity *e, const char *s,
                        src_pos pos, const char *what, bool body_combining,
                        diag_list *diags)
{
	/* Both a combining mark and a precomposed letter take bytes of 0x80
	 * and above: most names have none, and need no copy. */
	const unsigned char *u = (const unsigned char *)s;
	while (*u && *u < 0x80)
		u++;
	if (!*u)
		return false;
	norm_diff diff = { 0 };
	char *other = other_form(s, &diff);
	if (!other)
		return false;
	bool warn = (diff.spelling_decomposed || body_combining) &&
	            lint_find(a->body, a->body_len, other, strlen(other),
	                      e->ignore_case) &&
	            !lint_find(a->body, a->body_len, s, strlen(s), e->ignore_case);
	free(other);
	if (!warn)
		return false;
	char letter[8] = { 0 };
	utf8_encode(diff.c->composed, letter);
	if (diff.spelling_decomposed)
		diag_warn(diags, a->path, pos.line, pos.col, "the %s '%s' of entity "
		          "'%s' is not found in the body as typed: the body writes %s "
		          "as one character (U+%04X); the %s has %c + U+%04X: retype it",
		          what, s, e->id, letter, (unsigned)diff.c->composed, what,
		          diff.c->base, (unsigned)diff.c->mark);
	else
		diag_warn(diags, a->path, pos.line, pos.col, "the %s '%s' of entity "
		          "'%s' is not found in the body as typed: the body writes %s "
		          "as %c + U+%04X; the %s has one character (U+%04X): retype it",
		          what, s, e->id, letter, diff.c->base, (unsigned)diff.c->mark,
		          what, (unsigned)diff.c->composed);
	return true;
}
