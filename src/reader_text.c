/* reader_text.c - the text pane's scroll and the status message, the
 * helpers reader.c and reader_search.c both use; see reader_private.h.
 *
 * A leaf: it calls only the layout and the geometry, so the calls of the
 * reader's files run one way (reader.c -> reader_search.c -> here). */
#include "reader_private.h"

#include <string.h>

#include "text.h"

/* The message is prefix followed by arg (may be NULL), cut at a
 * character boundary when too long for the status line's buffer. */
void reader_message_set(reader *r, bool error, const char *prefix,
                        const char *arg)
{
	const char *parts[] = { prefix, arg };
	size_t len = 0;

	for (size_t i = 0; i < 2 && parts[i]; i++) {
		size_t n = strlen(parts[i]);
		size_t room = sizeof r->message - 1 - len;
		if (n > room)
			n = utf8_char_start(parts[i], room);
		memcpy(r->message + len, parts[i], n);
		len += n;
	}
	r->message[len] = '\0';
	r->message_is_error = error;
}

void reader_message_clear(reader *r)
{
	r->message[0] = '\0';
	r->message_is_error = false;
}

int reader_text_rows(const reader *r)
{
	int rows = geometry_body_rows(&r->geo, PANE_TEXT);
	return rows > 0 ? rows : 1;
}

static int pos_cmp(layout_pos a, layout_pos b)
{
	if (a.para != b.para)
		return a.para < b.para ? -1 : 1;
	return a.row < b.row ? -1 : a.row > b.row;
}

layout_pos reader_max_top(const reader *r)
{
	layout_pos last = layout_last(r->lay);
	return layout_advance(r->lay, last, -(long)(reader_text_rows(r) - 1), NULL);
}

layout_pos reader_clamp_top(const reader *r, layout_pos pos)
{
	layout_pos max = reader_max_top(r);
	return pos_cmp(pos, max) > 0 ? max : pos;
}

/* Moves the view; the new top row is the one to keep across resizes. */
void reader_set_top(reader *r, layout_pos pos)
{
	r->top = reader_clamp_top(r, pos);
	r->anchor = layout_offset_of_pos(r->lay, r->top);
}

/* Puts the row of a body offset in the upper third of the text pane. */
void reader_show_offset(reader *r, size_t offset)
{
	layout_pos row = layout_pos_of_offset(r->lay, offset);
	reader_set_top(r, layout_advance(r->lay, row, -(long)(reader_text_rows(r) / 3), NULL));
}

size_t reader_top_offset(const reader *r)
{
	return layout_offset_of_pos(r->lay, r->top);
}

size_t reader_bottom_offset(const reader *r)
{
	long rows = reader_text_rows(r);
	long moved = 0;
	layout_pos below = layout_advance(r->lay, r->top, rows, &moved);

	if (moved < rows)
		return r->a->body_len;   /* the last row is on screen */
	return layout_offset_of_pos(r->lay, below);
}

bool reader_offset_at(reader *r, int x, int y, size_t *offset)
{
	rect t = r->geo.text;
	long moved = 0;
	layout_row row;

	if (x < t.x || x >= t.x + t.w || y < t.y || y >= t.y + t.h)
		return false;
	layout_pos pos = layout_advance(r->lay, r->top, y - t.y, &moved);
	if (moved != y - t.y || !layout_row_at(r->lay, pos, &row))
		return false;
	/* Columns as the renderer draws them: glyph by glyph from the left. */
	int col = t.x;
	for (size_t at = row.start; at < row.end;) {
		glyph g;
		size_t n = text_next(r->a->body, row.end, at, &g);
		if (g.width > 0 && x < col + g.width) {
			*offset = at;
			return true;
		}
		col += g.width;
		at += n;
	}
	return false;
}

void reader_set_message(reader *r, bool error, const char *text)
{
	reader_message_set(r, error, text, NULL);
}
