/* loader_input.c - the bytes of an article before they are parsed: they
 * must not be empty or too large, and must be UTF-8 without a NUL. */
#include "loader.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader_private.h"
#include "text.h"

/* ---- bytes ---------------------------------------------------------- */

/* Says what is wrong with the UTF-8 sequence at p (left bytes remain). */
static void utf8_problem(char *buf, size_t size, const unsigned char *p,
                         size_t left)
{
	unsigned c = p[0];
	if (c >= 0x80 && c <= 0xBF) {
		snprintf(buf, size, "byte 0x%02X is a continuation byte with no "
		         "lead byte before it", c);
		return;
	}
	if (c == 0xC0 || c == 0xC1) {
		snprintf(buf, size, "byte 0x%02X starts an overlong encoding", c);
		return;
	}
	if (c >= 0xF5) {
		snprintf(buf, size, "byte 0x%02X never occurs in UTF-8", c);
		return;
	}
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
	uint32_t cp = c & (0xFFu >> (n + 1));
	for (size_t k = 1; k < n; k++) {
		if (k >= left || (p[k] & 0xC0) != 0x80) {
			snprintf(buf, size, "byte 0x%02X starts a %zu-byte sequence that "
			         "is cut short", c, n);
			return;
		}
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		snprintf(buf, size, "bytes 0x%02X 0x%02X 0x%02X encode the surrogate "
		         "U+%04X, which UTF-8 does not allow", c, p[1], p[2], (unsigned)cp);
	else if (cp > 0x10FFFF)
		snprintf(buf, size, "byte 0x%02X starts a value beyond U+10FFFF", c);
	else
		snprintf(buf, size, "byte 0x%02X starts an overlong encoding of U+%04X",
		         c, (unsigned)cp);
}

/* NUL bytes and invalid UTF-8 are refused before parsing, at the first of
 * each.  Returns true when the bytes are fine. */
static bool check_bytes(const char *name, const char *s, size_t len,
                        diag_list *diags)
{
	int line, col;
	const char *nul = memchr(s, '\0', len);
	if (nul) {
		diag_locate(s, len, (size_t)(nul - s), &line, &col);
		diag_add(diags, name, line, col, "the file holds a NUL byte: an "
		         "article is UTF-8 text (a file saved as UTF-16 has NUL bytes; "
		         "save it as UTF-8)");
	}
	size_t bad = utf8_validate(s, len);
	if (bad < len) {
		char what[128];
		utf8_problem(what, sizeof what, (const unsigned char *)s + bad, len - bad);
		diag_locate(s, len, bad, &line, &col);
		diag_add(diags, name, line, col, "invalid UTF-8: %s; save the "
		         "file as UTF-8", what);
	}
	return !nul && bad == len;
}

bool loader_input_check(const char *name, const char *bytes, size_t len,
                        diag_list *diags)
{
	if (len == 0) {
		diag_add(diags, name, 0, 0, "is empty: an article needs at least a "
		         "title and a body");
		return false;
	}
	if (len > LOADER_MAX_FILE_BYTES) {
		diag_add(diags, name, 0, 0, "is too large (%zu bytes): an article file "
		         "may have at most %u bytes (64 MiB)", len, LOADER_MAX_FILE_BYTES);
		return false;
	}
	return check_bytes(name, bytes, len, diags);
}
