/* search.c - smartcase text search over byte ranges; see search.h. */
#include "search.h"

#include <stdint.h>
#include <string.h>
#include <wctype.h>

#include "text.h"

static bool is_continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

static uint32_t fold(uint32_t cp)
{
	if (cp < 0x80)
		return ascii_lower((unsigned char)cp);
	return (uint32_t)towlower((wint_t)cp);
}

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

bool search_match_at(const char *text, size_t len, size_t at,
                     const char *query, size_t qlen, bool icase, size_t *end)
{
	if (qlen == 0 || at >= len)
		return false;
	if (!icase) {
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
		if (a != b && fold(a) != fold(b))
			return false;
	}
	*end = i;
	return true;
}

/* Case-sensitive: memchr finds candidates for the first byte, so the
 * bytes between them cost no call. */
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
                    const char *query, size_t qlen, bool icase, span *found)
{
	if (limit > len)
		limit = len;
	if (qlen == 0 || from >= limit)
		return false;
	if (!icase)
		return forward_exact(text, len, from, limit, query, qlen, found);
	/* An ASCII byte of the text can start a match only if it folds to
	 * the query's first character: most positions are passed over
	 * without decoding anything. */
	unsigned char q0 = (unsigned char)query[0];
	uint32_t first = q0 < 0x80 ? fold(q0) : UINT32_MAX;
	for (size_t i = from; i < limit; i++) {
		size_t end;
		unsigned char c = (unsigned char)text[i];
		if (c < 0x80 ? fold(c) != first : is_continuation(c))
			continue;
		if (search_match_at(text, len, i, query, qlen, true, &end)) {
			*found = (span){ .start = i, .end = end };
			return true;
		}
	}
	return false;
}

bool search_backward(const char *text, size_t len, size_t before,
                     size_t limit, const char *query, size_t qlen, bool icase,
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
		if (search_match_at(text, len, i, query, qlen, icase, &end)) {
			*found = (span){ .start = i, .end = end };
			return true;
		}
	}
	return false;
}
