/* resolve_report.c - the resolver's messages: a problem added to the
 * diagnostics, and the pieces messages are made of (article text clipped
 * to one line, a body position's file line).  A leaf: it calls no other
 * resolver file, and every one of them may call it. */
#include "resolve_private.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

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
