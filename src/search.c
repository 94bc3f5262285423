/* search.c - smartcase text search over byte ranges; see search.h. */
#include "search.h"

#include <stdint.h>
#include <string.h>
#include <wctype.h>

#include "text.h"

/* ====================================================================
 * Folding one code point
 * ==================================================================== */

/* The base letter of U+00C0..U+017F, '.' where there is none to give (a
 * sign, a ligature such as Æ, or a letter of its own such as ß or Þ). */
#define ACCENT_FIRST 0xC0
static const char accent_base[] =
	"AAAAAA.CEEEEIIII" ".NOOOOO.OUUUUY.." /* U+00C0 */
	"aaaaaa.ceeeeiiii" ".nooooo.ouuuuy.y" /* U+00E0 */
	"AaAaAaCcCcCcCcDd" "DdEeEeEeEeEeGgGg" /* U+0100 */
	"GgGgHhHhIiIiIiIi" "Ii..JjKk.LlLlLlL" /* U+0120 */
	"lLlNnNnNn...OoOo" "Oo..RrRrRrSsSsSs" /* U+0140 */
	"SsTtTtTtUuUuUuUu" "UuUuWwYyYZzZzZz." /* U+0160 */;
#define ACCENT_END (ACCENT_FIRST + sizeof accent_base - 1)

static uint32_t accent_fold(uint32_t cp)
{
	if (cp < ACCENT_FIRST || cp >= ACCENT_END || accent_base[cp - ACCENT_FIRST] == '.')
		return cp;
	return (uint32_t)(unsigned char)accent_base[cp - ACCENT_FIRST];
}

/* Every single quotation mark and apostrophe as ', every double one as ". */
static uint32_t quote_fold(uint32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: /* ‘ ’ ‚ ‛ */
	case 0x02BC: case 0x2039: case 0x203A:              /* ʼ ‹ › */
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: /* “ ” „ ‟ */
	case 0x00AB: case 0x00BB:                           /* « » */
		return '"';
	default:
		return cp;
	}
}

static uint32_t case_fold(uint32_t cp)
{
	if (cp < 0x80)
		return ascii_lower((unsigned char)cp);
	return (uint32_t)towlower((wint_t)cp);
}

/* What cp compares as under mode. */
static uint32_t canon(uint32_t cp, unsigned mode)
{
	cp = quote_fold(cp);
	if (mode & SEARCH_IACCENT)
		cp = accent_fold(cp);
	if (mode & SEARCH_ICASE)
		cp = case_fold(cp);
	return cp;
}

static bool is_continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* ====================================================================
 * The smartcase rules
 * ==================================================================== */

bool search_ignores_case(const char *query, size_t qlen)
{
	for (size_t i = 0; i < qlen;) {
		uint32_t cp;
		i += utf8_decode(query, qlen, i, &cp);
		if (cp < 0x80 ? (cp >= 'A' && cp <= 'Z') : iswupper((wint_t)cp))
			return false;
	}
	return true;
}

bool search_ignores_accents(const char *query, size_t qlen)
{
	for (size_t i = 0; i < qlen;) {
		uint32_t cp;
		i += utf8_decode(query, qlen, i, &cp);
		if (accent_fold(cp) != cp)
			return false;
	}
	return true;
}

unsigned search_mode(const char *query, size_t qlen)
{
	return (search_ignores_case(query, qlen) ? SEARCH_ICASE : 0u)
	       | (search_ignores_accents(query, qlen) ? SEARCH_IACCENT : 0u);
}

/* True when the query's bytes can be compared as they are: no folding
 * asked for, and no quotation mark whose other forms must match too. */
static bool bytes_suffice(const char *query, size_t qlen, unsigned mode)
{
	if (mode & (SEARCH_ICASE | SEARCH_IACCENT))
		return false;
	for (size_t i = 0; i < qlen;) {
		uint32_t cp;
		i += utf8_decode(query, qlen, i, &cp);
		if (quote_fold(cp) != cp || cp == '\'' || cp == '"')
			return false;
	}
	return true;
}

/* ====================================================================
 * Matching and scanning
 * ==================================================================== */

bool search_match_at(const char *text, size_t len, size_t at,
                     const char *query, size_t qlen, unsigned mode, size_t *end)
{
	if (qlen == 0 || at >= len)
		return false;
	if (bytes_suffice(query, qlen, mode)) {
		if (qlen > len - at || memcmp(text + at, query, qlen) != 0)
			return false;
		*end = at + qlen;
		return true;
	}
	size_t i = at;
	size_t j = 0;
	while (j < qlen) {
		uint32_t a;
		uint32_t b;
		if (i >= len)
			return false;
		i += utf8_decode(text, len, i, &a);
		j += utf8_decode(query, qlen, j, &b);
		if (a != b && canon(a, mode) != canon(b, mode))
			return false;
	}
	*end = i;
	return true;
}

/* Bytes compared as they are: memchr finds candidates for the first
 * byte, so the bytes between them cost no call. */
static bool forward_exact(const char *text, size_t len, size_t from,
                          size_t limit, const char *query, size_t qlen,
                          span *found)
{
	size_t stop = limit - 1 + qlen;    /* last byte a match may use */
	if (stop > len)
		stop = len;
	if (stop <= from || stop - from < qlen)
		return false;
	size_t last = stop - qlen;          /* last start that fits */
	for (size_t i = from; i <= last;) {
		const char *hit = memchr(text + i, query[0], last - i + 1);
		if (!hit)
			return false;
		i = (size_t)(hit - text);
		if (memcmp(hit, query, qlen) == 0) {
			*found = (span){ .start = i, .end = i + qlen };
			return true;
		}
		i++;
	}
	return false;
}

bool search_forward(const char *text, size_t len, size_t from, size_t limit,
                    const char *query, size_t qlen, unsigned mode, span *found)
{
	if (limit > len)
		limit = len;
	if (qlen == 0 || from >= limit)
		return false;
	if (bytes_suffice(query, qlen, mode))
		return forward_exact(text, len, from, limit, query, qlen, found);
	/* Every fold of an ASCII byte is ASCII, so an ASCII byte of the text
	 * can start a match only if it folds to the query's first character:
	 * most positions are passed over without decoding anything. */
	uint32_t q0;
	utf8_decode(query, qlen, 0, &q0);
	uint32_t first = canon(q0, mode);
	if (first >= 0x80)
		first = UINT32_MAX;
	bool icase = mode & SEARCH_ICASE;
	for (size_t i = from; i < limit; i++) {
		size_t end;
		unsigned char c = (unsigned char)text[i];
		/* canon() of an ASCII byte, inline: only the case folds. */
		if (c < 0x80 ? (icase ? ascii_lower(c) : c) != first : is_continuation(c))
			continue;
		if (search_match_at(text, len, i, query, qlen, mode, &end)) {
			*found = (span){ .start = i, .end = end };
			return true;
		}
	}
	return false;
}

bool search_backward(const char *text, size_t len, size_t before,
                     size_t limit, const char *query, size_t qlen, unsigned mode,
                     span *found)
{
	if (before > len)
		before = len;
	if (qlen == 0)
		return false;
	for (size_t i = before; i-- > limit;) {
		size_t end;
		if (is_continuation((unsigned char)text[i]))
			continue;
		if (search_match_at(text, len, i, query, qlen, mode, &end)) {
			*found = (span){ .start = i, .end = end };
			return true;
		}
	}
	return false;
}

void search_count(const char *text, size_t len, const char *query, size_t qlen,
                  unsigned mode, size_t at, size_t *total, size_t *before)
{
	size_t from = 0;
	span m;

	*total = 0;
	*before = 0;
	while (search_forward(text, len, from, len, query, qlen, mode, &m)) {
		(*total)++;
		if (m.start < at)
			(*before)++;
		from = m.start + 1;
	}
}
