/* layout.h - wraps the body to a width, lazily, one paragraph at a time.
 *
 * Paragraphs are separated by blank lines; a single '\n' inside one is a
 * hard break.  A paragraph is wrapped the first time one of its rows is
 * asked for and kept until the width changes, so moving anywhere in a long
 * article costs work in proportion to the screen.
 *
 * A position is (paragraph, row inside it).  Each paragraph but the last
 * is followed by one blank separator row, which counts as its last row.
 *
 * Blank lines before the first paragraph and after the last give no rows,
 * so an empty body, or one of blank lines only, has no paragraphs at all:
 * layout_row_at() is then false everywhere and every position is (0, 0).
 *
 * No row is wider than the width, with one exception: at width 1 a wide
 * character takes a row of its own and overflows it by one column (the
 * renderer clips it).  Indentation that would push a row past the width is
 * dropped, like the spaces at a wrap. */
#ifndef QUOTH_LAYOUT_H
#define QUOTH_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct layout layout;

typedef struct layout_pos {
	size_t para;
	size_t row;
} layout_pos;

/* One screen row of text: body bytes [start, end).  A separator row is
 * blank (start == end).  Trailing spaces at a wrap are not in the range. */
typedef struct layout_row {
	size_t start;
	size_t end;
	bool blank;
} layout_row;

/* text must stay alive and unchanged while the layout is used. */
layout *layout_new(const char *text, size_t len, int width);
void layout_free(layout *lay);

/* Changes the wrap width (at least 1); wrapped paragraphs are dropped. */
void layout_set_width(layout *lay, int width);
int layout_width(const layout *lay);

size_t layout_para_count(const layout *lay);
/* Byte range of a paragraph, without its separating blank line. */
void layout_para_span(const layout *lay, size_t para, size_t *start, size_t *end);
/* Rows of a paragraph, its separator row included (wraps it if needed). */
size_t layout_para_rows(layout *lay, size_t para);

/* The row at pos; false when pos is out of range.  A separator row is
 * start == end == the next paragraph's first byte, with blank set. */
bool layout_row_at(layout *lay, layout_pos pos, layout_row *row);

/* The row that shows byte offset (the paragraph's last text row for an
 * offset in a separator; the last row for offset >= len). */
layout_pos layout_pos_of_offset(layout *lay, size_t offset);
/* First byte of the row at pos (for a separator: the next paragraph's);
 * len when pos is past the last row. */
size_t layout_offset_of_pos(layout *lay, layout_pos pos);

/* Moves by delta rows, clamped to the first and last rows; *moved gets
 * the number of rows actually moved (may be NULL). */
layout_pos layout_advance(layout *lay, layout_pos pos, long delta, long *moved);
layout_pos layout_first(const layout *lay);
layout_pos layout_last(layout *lay);

/* Number of paragraphs wrapped at the current width (for tests/bench). */
size_t layout_wrapped_count(const layout *lay);

#endif
