/* listview.h - a cursor and a window of rows over a list of n items.
 *
 * The one list code of every screen that lists things (as ncdu's
 * dirlist.c): the reader's entities and quotes panes and the library.
 * Pure functions of the struct and the pane's height in rows; no curses,
 * and nothing about what the items are.  After any of them, when n > 0,
 * cursor < n and top <= cursor < top + rows (but for listview_scroll,
 * which keeps the cursor on screen by moving it instead), and the window
 * never ends above the pane's bottom while there are items to fill it:
 * top <= max(n - rows, 0).  With n == 0 cursor and top are 0.  rows is
 * taken as 1 when 0. */
#ifndef QUOTH_LISTVIEW_H
#define QUOTH_LISTVIEW_H

#include <stdbool.h>
#include <stddef.h>

typedef struct list_view {
	size_t n;           /* items in the list */
	size_t cursor;      /* the item under the cursor */
	size_t top;         /* the item on the first row */
} list_view;

/* Puts cursor and top back in range (see above) without otherwise
 * moving them: the cursor may be left off screen. */
void listview_clamp(list_view *v, size_t rows);

/* Clamps, then scrolls as little as possible so the cursor is in view. */
void listview_follow(list_view *v, size_t rows);

/* The list now has n items (a filter changed it): clamp and follow. */
void listview_set_count(list_view *v, size_t n, size_t rows);

/* The cursor on item i (clamped to the list), in view. */
void listview_set_cursor(list_view *v, size_t i, size_t rows);

/* The cursor delta items down (up when negative), stopping at the ends. */
void listview_move(list_view *v, long delta, size_t rows);

/* A page down (dir > 0) or up; the half page moves rows / 2, at least 1. */
void listview_page(list_view *v, int dir, size_t rows);
void listview_half_page(list_view *v, int dir, size_t rows);

/* The first item, shown on the first row; the last item. */
void listview_home(list_view *v, size_t rows);
void listview_end(list_view *v, size_t rows);

/* The window delta rows down (up when negative), as the mouse wheel does:
 * the cursor moves only as far as it must to stay on screen. */
void listview_scroll(list_view *v, long delta, size_t rows);

/* The item shown on row row of the pane (0 = first), in *index; false
 * for a row below the last item. */
bool listview_item_at(const list_view *v, size_t row, size_t *index);

/* A click on row row: the cursor on the item there.  False, and nothing
 * moved, for a row below the last item. */
bool listview_click_row(list_view *v, size_t row, size_t rows);

#endif
