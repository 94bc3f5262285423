/* resolve_report.c - the resolver's messages: a problem added to the
 * diagnostics, and the pieces messages are made of (article text clipped
 * to one line, a body position's file line).  A leaf: it calls no other
 * resolver file, and every one of them may call it. */
#include "resolve_private.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "text.h"

/* Adds the message to the diagnostics, as an error (counted as a problem)
 * or a warning (never a problem: the article stays valid). */
static void report(resolver *r, bool warning, src_pos pos, src_pos fallback,
                   const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (msg)
		vsnprintf(msg, (size_t)n + 1, fmt, again);
	va_end(again);
	if (!warning)
		r->n_problems++;    /* counted whether or not the message is stored */
	if (!msg) {
		r->oom = true;
		return;
	}
	if (pos.line <= 0)
		pos = fallback;
	if (warning)
		diag_warn(r->diags, r->a->path, pos.line, pos.col, "%s", msg);
	else
		diag_add(r->diags, r->a->path, pos.line, pos.col, "%s", msg);
	free(msg);
}

void resolver_problem(resolver *r, src_pos pos, src_pos fallback,
                      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(r, false, pos, fallback, fmt, ap);
	va_end(ap);
}

void resolver_warning(resolver *r, src_pos pos, src_pos fallback,
                      const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(r, true, pos, fallback, fmt, ap);
	va_end(ap);
}

#define CLIP_CHARS 60u

/* Copies t[0..len) into c, controls as spaces, at most CLIP_CHARS code
 * points: the first ones, or the last ones when keep_end. */
const char *resolve_clip_text(clip *c, const char *t, size_t len, bool keep_end)
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
const char *resolve_file_line_note(char *buf, size_t size, body_pos p)
{
	buf[0] = '\0';
	if (p.file_line > 0)
		snprintf(buf, size, " (file line %d)", p.file_line);
	return buf;
}

/* ==== differences made visible ========================================== */

/* Characters that show as nothing, or as a space: no-break and other
 * spaces, zero-width characters, controls. */
static bool invisible(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD ||
	       (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
	       (cp >= 0x205F && cp <= 0x2064) || cp == 0x3000 || cp == 0xFEFF;
}

/* Characters that look like an ASCII one: curly quotation marks and
 * apostrophes, primes, dashes, the minus sign. */
static bool confusable(uint32_t cp)
{
	return cp == 0x02BC || (cp >= 0x2010 && cp <= 0x201F) || cp == 0x2032 ||
	       cp == 0x2033 || cp == 0x2039 || cp == 0x203A || cp == 0x2212;
}

/* Printed as such, two texts that differ by one of these look the same. */
static bool looks_alike(uint32_t cp)
{
	return invisible(cp) || confusable(cp);
}

/* The escape a line break or tab is shown as, or NULL. */
static const char *escape_of(uint32_t cp)
{
	return cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : cp == '\r' ? "\\r" : NULL;
}

/* Room the visible text may take in a clip: one more character (10
 * bytes at most), the ellipsis and the NUL still fit. */
#define VISIBLE_ROOM 300u
_Static_assert(sizeof ((clip){ 0 }).s >= VISIBLE_ROOM + 10 + 3 + 1,
               "a clip holds the visible text");

const char *resolve_clip_visible(clip *c, const char *t, size_t len,
                                 size_t diff, bool all_spaces)
{
	size_t n = 0, chars = 0, i = 0;
	while (i < len && chars < CLIP_CHARS && n < VISIBLE_ROOM) {
		uint32_t cp;
		size_t k = utf8_decode(t, len, i, &cp);
		const char *esc = escape_of(cp);
		if (esc)
			n += (size_t)sprintf(c->s + n, "%s", esc);
		else if (cp == ' ' && (all_spaces || i == diff))
			n += (size_t)sprintf(c->s + n, "\xC2\xB7");
		else if (looks_alike(cp))
			n += (size_t)sprintf(c->s + n, "<U+%04X>", (unsigned)cp);
		else {
			memcpy(c->s + n, t + i, k);
			n += k;
		}
		i += k;
		chars++;
	}
	if (i < len)
		n += (size_t)sprintf(c->s + n, "\xE2\x80\xA6");
	c->s[n] = '\0';
	return c->s;
}

const char *resolve_char_name(char *buf, size_t size, uint32_t cp)
{
	const char *esc = escape_of(cp);
	char ch[5] = { 0 };
	if (esc)
		snprintf(buf, size, "%s (U+%04X)", esc, (unsigned)cp);
	else if (cp == ' ')
		snprintf(buf, size, "\xC2\xB7 (U+0020)");
	else if (invisible(cp))
		snprintf(buf, size, "U+%04X", (unsigned)cp);   /* nothing to see */
	else {
		utf8_encode(cp, ch);
		snprintf(buf, size, "%s (U+%04X)", ch, (unsigned)cp);
	}
	return buf;
}

/* A character that needs no quoting in a flow scalar: not a flow
 * indicator, quote, comment or control. */
static bool plain_safe(unsigned char ch)
{
	return ch >= 0x20 && ch != 0x7F && !strchr(",[]{}#\"'\\", ch);
}

/* Whether s[0..len) can stand unquoted inside "{…}" or "[…]". */
static bool plain_ok(const char *s, size_t len)
{
	if (len == 0 || s[0] == ' ' || s[len - 1] == ' ' ||
	    strchr("-?:!&*|>%@`", s[0]))
		return false;
	for (size_t i = 0; i < len; i++) {
		if (!plain_safe((unsigned char)s[i]) ||
		    (s[i] == ':' && (i + 1 == len || s[i + 1] == ' ')))
			return false;
	}
	return true;
}

const char *resolve_yaml_string(char *buf, size_t size, const char *s,
                                size_t len, bool may_be_plain)
{
	size_t n = 0;
	if (may_be_plain && plain_ok(s, len) && len < size) {
		memcpy(buf, s, len);
		buf[len] = '\0';
		return buf;
	}
	buf[n++] = '"';
	for (size_t i = 0; i < len && n + 8 < size; i++) {
		unsigned char ch = (unsigned char)s[i];
		const char *esc = escape_of(ch);
		if (esc)
			n += (size_t)snprintf(buf + n, size - n, "%s", esc);
		else if (ch == '"' || ch == '\\')
			n += (size_t)snprintf(buf + n, size - n, "\\%c", ch);
		else if (ch < 0x20 || ch == 0x7F)
			n += (size_t)snprintf(buf + n, size - n, "\\x%02X", ch);
		else
			buf[n++] = (char)ch;
	}
	buf[n++] = '"';
	buf[n] = '\0';
	return buf;
}
