/* text.h - UTF-8 decoding, display widths and safe display of text.
 *
 * Everything shown on screen goes through text_next(), so the layout and
 * the renderer agree on widths and no control character from an article
 * ever reaches the terminal: C0 and C1 controls, DEL, bidirectional
 * controls and invalid bytes are replaced by visible placeholders. */
#ifndef QUOTH_TEXT_H
#define QUOTH_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[i] (i < len).  Returns the number of bytes it
 * takes (1 for an invalid byte, with *cp set to 0xFFFD). */
size_t utf8_decode(const char *s, size_t len, size_t i, uint32_t *cp);

/* Offset of the first invalid byte of s, or len when s is valid UTF-8
 * (no overlong forms, no surrogates, nothing above U+10FFFF). */
size_t utf8_validate(const char *s, size_t len);
/* The code points of valid UTF-8 s[0..len). */
size_t utf8_count(const char *s, size_t len);

/* Start of the character that byte i of s belongs to: i itself, or the
 * lead byte before its continuation bytes (at most 3 back, never before
 * 0).  For cutting text without splitting a character. */
size_t utf8_char_start(const char *s, size_t i);

/* A-Z as a-z, every other byte as it is: the ASCII case folding that
 * names with "case: insensitive" and the matcher use. */
static inline unsigned char ascii_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Writes cp as UTF-8 into out (at least 4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);

/* One display unit of text. */
typedef struct glyph {
	uint32_t cp;     /* what to show: the character, or its placeholder */
	int width;       /* columns: 0 (combining), 1 or 2 */
	bool placeholder;/* cp replaces a control or invalid byte */
	bool space;      /* a break opportunity: space or tab */
	bool newline;    /* '\n': a hard line break */
} glyph;

/* Decodes the unit at s[i] as it will be displayed; returns bytes taken.
 * Widths come from wcwidth() in the current locale. */
size_t text_next(const char *s, size_t len, size_t i, glyph *g);

/* Display width of s[0..len) as shown by text_next (newlines count 0). */
int text_width(const char *s, size_t len);

/* True when cp is part of a word for mention matching: ASCII letters and
 * digits, and letters of alphabetic scripts (code points from U+00C0 below
 * U+2000 but for the multiplication and division signs).  Ideographs stand
 * alone, so a CJK name is found inside CJK text. */
bool text_is_word_char(uint32_t cp);

#endif
