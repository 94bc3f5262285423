/* text.c - UTF-8 decoding, display widths and placeholders for controls. */
#include "text.h"

#include <string.h>
#include <wchar.h>

/* ---- UTF-8 ---------------------------------------------------------- */

/* Length of the sequence that lead byte c starts, or 0 when c cannot start
 * one (continuation bytes, 0xC0, 0xC1 and 0xF5..0xFF). */
static size_t utf8_seq_len(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF)
		return 3;
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	return 0;
}

size_t utf8_decode(const char *s, size_t len, size_t i, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s + i;
	size_t n = utf8_seq_len(p[0]);
	*cp = 0xFFFD;
	if (n == 0 || n > len - i)
		return 1;
	if (n == 1) {
		*cp = p[0];
		return 1;
	}
	uint32_t c = p[0] & (0xFF >> (n + 1));
	for (size_t k = 1; k < n; k++) {
		if ((p[k] & 0xC0) != 0x80)
			return 1;
		c = (c << 6) | (p[k] & 0x3F);
	}
	/* Overlong forms, surrogates and code points past U+10FFFF. */
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 1;
	*cp = c;
	return n;
}

/* True when none of the 16 bytes at s has its high bit set. */
static bool ascii16(const char *s)
{
	uint64_t w[2];
	memcpy(w, s, sizeof w);  /* no alignment needed */
	return ((w[0] | w[1]) & 0x8080808080808080u) == 0;
}

size_t utf8_validate(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		/* Most text is ASCII: skip it 16 bytes at a time. */
		if (len - i >= 16 && ascii16(s + i)) {
			i += 16;
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(s, len, i, &cp);
		if (n == 1)  /* a valid non-ASCII sequence is never 1 byte */
			return i;
		i += n;
	}
	return len;
}

size_t utf8_char_start(const char *s, size_t i)
{
	for (int back = 0; back < 3 && i > 0 &&
	     ((unsigned char)s[i] & 0xC0) == 0x80; back++)
		i--;
	return i;
}

size_t utf8_count(const char *s, size_t len)
{
	/* A byte starts a code point unless it is 10xxxxxx: mark the
	 * continuation bytes of eight at a time with a 1 in their low bit and
	 * add the marks up with one multiplication. */
	const uint64_t low = 0x0101010101010101u;
	size_t n = len, i = 0;
	for (; len - i >= 8; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t cont = (w >> 7) & ~(w >> 6) & low;
		n -= (size_t)((cont * low) >> 56);
	}
	for (; i < len; i++)
		n -= ((unsigned char)s[i] & 0xC0) == 0x80;
	return n;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* ---- display -------------------------------------------------------- */

#define PLACEHOLDER_C0_BASE 0x2400  /* ␀ … ␟: control pictures */
#define PLACEHOLDER_DEL     0x2421  /* ␡ */
#define PLACEHOLDER_OTHER   0xFFFD  /* � for C1, bidi controls, bad bytes */

/* Characters that change how a terminal lays out or orders text: the
 * bidirectional marks, embeddings, overrides and isolates, and the Unicode
 * line and paragraph separators. */
static bool is_layout_control(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x2028 || cp == 0x2029;
}

static size_t placeholder(glyph *g, uint32_t cp, size_t taken)
{
	g->cp = cp;
	g->width = 1;
	g->placeholder = true;
	return taken;
}

size_t text_next(const char *s, size_t len, size_t i, glyph *g)
{
	unsigned char c = (unsigned char)s[i];
	*g = (glyph){ .cp = c, .width = 1 };

	if (c >= 0x20 && c < 0x7F) {
		g->space = c == ' ';
		return 1;
	}
	if (c == '\n') {
		g->width = 0;
		g->newline = true;
		return 1;
	}
	if (c == '\t') {  /* a tab is a space: columns would depend on the pane */
		g->cp = ' ';
		g->space = true;
		return 1;
	}
	if (c < 0x20)
		return placeholder(g, PLACEHOLDER_C0_BASE + c, 1);
	if (c == 0x7F)
		return placeholder(g, PLACEHOLDER_DEL, 1);

	uint32_t cp;
	size_t n = utf8_decode(s, len, i, &cp);
	if (n == 1 || (cp >= 0x80 && cp < 0xA0) || is_layout_control(cp))
		return placeholder(g, PLACEHOLDER_OTHER, n);
	int w = wcwidth((wchar_t)cp);
	if (w < 0)
		return placeholder(g, PLACEHOLDER_OTHER, n);
	g->cp = cp;
	g->width = w;
	return n;
}

int text_width(const char *s, size_t len)
{
	int w = 0;
	size_t i = 0;
	while (i < len) {
		glyph g;
		i += text_next(s, len, i, &g);
		w += g.width;
	}
	return w;
}

bool text_is_word_char(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
		       (cp >= 'a' && cp <= 'z');
	if (cp == 0xAA || cp == 0xB5 || cp == 0xBA)  /* ª µ º */
		return true;
	if (cp >= 0xC0 && cp < 0x2000)
		return cp != 0xD7 && cp != 0xF7;
	return cp >= 0xAC00 && cp <= 0xD7A3;  /* Hangul writes words with spaces */
}
