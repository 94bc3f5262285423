/* view_row.h - building the views' strings and typed rows (view_row,
 * reader_view.h) in a caller's buffer: what the reader's view and the
 * compare view both write with, so neither calls back into the other.
 * Curses-free. */
#ifndef QUOTH_VIEW_ROW_H
#define QUOTH_VIEW_ROW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "reader_view.h"

/* A string being built in a caller's buffer, cut at a character
 * boundary when it is full. */
typedef struct view_strbuf {
	char *buf;
	size_t cap;
	size_t len;
	bool full;      /* something was cut: add nothing more after it */
} view_strbuf;

/* A string on buf (n bytes, n may be 0), emptied. */
view_strbuf view_strbuf_on(char *buf, size_t n);
/* Appends s[0..n) (s may be NULL: nothing), cut at a character boundary
 * when the buffer is full; nothing is added after a cut. */
void view_strbuf_addn(view_strbuf *sb, const char *s, size_t n);
void view_strbuf_add(view_strbuf *sb, const char *s);
/* Appends s[0..n) with every run of whitespace made one space; words go
 * in whole, so a full buffer never ends inside a character. */
void view_strbuf_add_squeezed(view_strbuf *sb, const char *s, size_t n);

/* A view_row being filled: its text through a view_strbuf over row->text. */
typedef struct view_builder {
	view_row *row;
	view_strbuf sb;
} view_builder;

/* Empties row and starts filling it. */
view_builder view_row_start(view_row *row);
/* Opens a field for what is appended next, or goes on with the last one
 * when it looks the same; false when there is no room for another. */
bool view_row_field(view_builder *b, uint64_t roles, view_align align);
/* Notes what the last field's text now runs to (after appending to
 * b->sb directly). */
void view_row_close(view_builder *b);
/* One field of text s (NULL: empty) in roles. */
void view_row_add(view_builder *b, const char *s, uint64_t roles,
                  view_align align);

#endif
