/* listview.c - a cursor and a window over a list; see listview.h. */
#include "listview.h"

static size_t listview_rows(size_t rows)
{
	return rows > 0 ? rows : 1;
}

/* The lowest top: the last item on the pane's last row. */
static size_t listview_max_top(const list_view *v, size_t rows)
{
	return v->n > rows ? v->n - rows : 0;
}

void listview_clamp(list_view *v, size_t rows)
{
	rows = listview_rows(rows);
	if (v->n == 0) {
		v->cursor = 0;
		v->top = 0;
		return;
	}
	if (v->cursor >= v->n)
		v->cursor = v->n - 1;
	if (v->top > listview_max_top(v, rows))
		v->top = listview_max_top(v, rows);
}

void listview_follow(list_view *v, size_t rows)
{
	rows = listview_rows(rows);
	listview_clamp(v, rows);
	if (v->cursor < v->top)
		v->top = v->cursor;
	else if (v->cursor >= v->top + rows)
		v->top = v->cursor - rows + 1;
}

void listview_set_count(list_view *v, size_t n, size_t rows)
{
	v->n = n;
	listview_follow(v, rows);
}

void listview_set_cursor(list_view *v, size_t i, size_t rows)
{
	v->cursor = i;
	listview_follow(v, rows);
}

void listview_move(list_view *v, long delta, size_t rows)
{
	long to = (long)v->cursor + delta;

	listview_set_cursor(v, to < 0 ? 0 : (size_t)to, rows);
}

void listview_page(list_view *v, int dir, size_t rows)
{
	long page = (long)listview_rows(rows);

	listview_move(v, dir > 0 ? page : -page, rows);
}

void listview_half_page(list_view *v, int dir, size_t rows)
{
	long half = (long)listview_rows(rows) / 2;

	if (half == 0)
		half = 1;
	listview_move(v, dir > 0 ? half : -half, rows);
}

void listview_home(list_view *v, size_t rows)
{
	listview_set_cursor(v, 0, rows);
}

void listview_end(list_view *v, size_t rows)
{
	listview_set_cursor(v, v->n ? v->n - 1 : 0, rows);
}

void listview_scroll(list_view *v, long delta, size_t rows)
{
	rows = listview_rows(rows);
	long top = (long)v->top + delta;
	size_t max = listview_max_top(v, rows);

	v->top = top < 0 ? 0 : (size_t)top > max ? max : (size_t)top;
	if (v->cursor < v->top)
		v->cursor = v->top;
	else if (v->cursor >= v->top + rows)
		v->cursor = v->top + rows - 1;
	listview_clamp(v, rows);
}

bool listview_item_at(const list_view *v, size_t row, size_t *index)
{
	size_t i = v->top + row;

	if (i >= v->n)
		return false;
	*index = i;
	return true;
}

bool listview_click_row(list_view *v, size_t row, size_t rows)
{
	size_t i;

	if (!listview_item_at(v, row, &i))
		return false;
	listview_set_cursor(v, i, rows);
	return true;
}
