/* view_row.c - strings and typed rows built in a caller's buffer; see
 * view_row.h. */
#include "view_row.h"

#include <string.h>

#include "text.h"

view_strbuf view_strbuf_on(char *buf, size_t n)
{
	if (n > 0)
		buf[0] = '\0';
	return (view_strbuf){ .buf = buf, .cap = n };
}

void view_strbuf_addn(view_strbuf *sb, const char *s, size_t n)
{
	if (sb->cap == 0 || !s || sb->full)
		return;
	size_t room = sb->cap - 1 - sb->len;
	if (n > room) {
		sb->full = true;
		n = utf8_char_start(s, room);
	}
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void view_strbuf_add(view_strbuf *sb, const char *s)
{
	if (s)
		view_strbuf_addn(sb, s, strlen(s));
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

void view_strbuf_add_squeezed(view_strbuf *sb, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t word = i;
		while (word < n && is_blank(s[word]))
			word++;
		if (word > i && i > 0)
			view_strbuf_add(sb, " ");
		size_t end = word;
		while (end < n && !is_blank(s[end]))
			end++;
		view_strbuf_addn(sb, s + word, end - word);
		i = end;
	}
}

/* ---- rows of typed fields ------------------------------------------ */


view_builder view_row_start(view_row *row)
{
	row->len = 0;
	row->n_fields = 0;
	row->more = row->ellipsis = row->cursor = row->current = false;
	return (view_builder){ .row = row,
	                       .sb = view_strbuf_on(row->text, sizeof row->text) };
}

bool view_row_field(view_builder *b, uint64_t roles, view_align align)
{
	view_row *row = b->row;
	if (row->more)
		return false;
	if (row->n_fields > 0) {
		view_field *last = &row->fields[row->n_fields - 1];
		if (last->roles == roles && last->align == align
		    && last->at + last->len == b->sb.len)
			return true;
	}
	if (row->n_fields == VIEW_ROW_FIELDS) {
		row->more = true;
		return false;
	}
	row->fields[row->n_fields++] = (view_field){ .at = b->sb.len,
	                                             .roles = roles,
	                                             .align = align };
	return true;
}

void view_row_close(view_builder *b)
{
	view_row *row = b->row;
	if (row->n_fields > 0) {
		view_field *last = &row->fields[row->n_fields - 1];
		last->len = b->sb.len - last->at;
	}
	row->len = b->sb.len;
	row->more |= b->sb.full;
}

void view_row_add(view_builder *b, const char *s, uint64_t roles,
                  view_align align)
{
	if (!view_row_field(b, roles, align))
		return;
	view_strbuf_add(&b->sb, s);
	view_row_close(b);
}
