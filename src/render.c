/* render.c - draws the app onto stdscr: the frame (title and status
 * lines, the too-small message), the reader's panes with the text, its
 * gutter and decorations, tabs in narrow mode; the lists are drawn by
 * render_lists.c, the help and the boxes by render_overlay.c.
 *
 * Every string goes through text_next() and each display unit is added as
 * one cchar_t, combining marks attached to their base (render_pen.c);
 * article text never goes through addstr.  Colour pairs, the looks of
 * roles and the record of cells are in render_look.c. */
#include "render.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "compare_view.h"
#include "geometry.h"
#include "reader_view.h"
#include "render_private.h"
#include "text.h"

/* ---- the frame ---------------------------------------------------------- */

static void draw_too_small(const renderer *rn, const geometry *g)
{
	char lines[2][GEOM_SMALL_TEXT];
	int n = geometry_small_text(g->cols, g->rows, lines);
	int top = (g->rows - n) / 2;
	for (int i = 0; i < n; i++) {
		int w = text_width(lines[i], strlen(lines[i]));
		int x = w < g->cols ? (g->cols - w) / 2 : 0;
		if (top + i < 0 || top + i >= g->rows)
			continue;
		render_pen p = render_pen_at(rn, top + i, x, g->cols - x);
		render_pen_str(&p, lines[i], render_paint(rn, i == 0 ? ROLE_ERROR : ROLE_DIM_TEXT));
	}
}

/* ---- the text pane ---------------------------------------------------- */

/* The look of body byte at: every mark over it, painted in order. */
static paint byte_look(const renderer *rn, const reader *r, size_t at,
                       const text_mark *marks, size_t n)
{
	paint look = render_paint(rn, ROLE_NORMAL);
	for (size_t i = 0; i < n; i++) {
		if (marks[i].start > at || at >= marks[i].end)
			continue;
		look = render_paint_over(look, render_paint(rn, reader_mark_role(r, &marks[i])));
		if (marks[i].kind == MARK_SEARCH && marks[i].index == 1)
			look = render_paint_over(look, render_paint(rn, ROLE_SEARCH_CURRENT));
	}
	return look;
}

/* Marks of a row, in a buffer that grows when the row has many. */
typedef struct mark_buf {
	text_mark local[64];
	text_mark *items;
	size_t n;
} mark_buf;

/* The row's marks: the reader's, or with cv the compare view's. */
static size_t row_marks(const reader *r, const compare_view *cv,
                        const layout_row *row, text_mark *out, size_t cap)
{
	return cv ? reader_marks_compare(r, cv, row->start, row->end, out, cap)
	          : reader_marks(r, row->start, row->end, out, cap);
}

static void marks_of_row(const reader *r, const compare_view *cv,
                         const layout_row *row, mark_buf *mb)
{
	mb->items = mb->local;
	mb->n = row_marks(r, cv, row, mb->local, 64);
	if (mb->n <= 64)
		return;
	text_mark *big = malloc(mb->n * sizeof *big);
	if (big == NULL) {  /* draw with the marks that fitted */
		mb->n = 64;
		return;
	}
	mb->n = row_marks(r, cv, row, big, mb->n);
	mb->items = big;
}

static uint32_t gutter_char(gutter_mark gm)
{
	return gm == GUTTER_CURRENT ? MARK_CUR : gm == GUTTER_DIFFERS ? MARK_DIFF : MARK_ROW;
}

static void draw_text_row(const renderer *rn, reader *r, const compare_view *cv,
                          int i, const layout_row *row)
{
	const geometry *g = &r->geo;
	gutter_mark gm = cv ? compare_view_gutter(cv, row->start, row->end)
	                    : reader_gutter(r, row->start, row->end);
	if (gm != GUTTER_NONE && g->gutter.w > 0) {
		render_pen p = render_pen_at(rn, g->gutter.y + i, g->gutter.x, 1);
		render_pen_char(&p, gutter_char(gm), render_paint(rn, ROLE_GUTTER));
		render_pen_flush(&p);
	}
	if (row->blank || row->start >= row->end)
		return;
	mark_buf mb;
	marks_of_row(r, cv, row, &mb);
	render_pen p = render_pen_at(rn, g->text.y + i, g->text.x, g->text.w);
	const char *body = r->a->body;
	size_t at = row->start;
	while (at < row->end) {
		glyph gl;
		size_t n = text_next(body, row->end, at, &gl);
		if (!render_pen_glyph(&p, &gl, byte_look(rn, r, at, mb.items, mb.n)))
			break;
		at += n;
	}
	render_pen_flush(&p);
	if (mb.items != mb.local)
		free(mb.items);
}

static void draw_text_pane(const renderer *rn, reader *r, const compare_view *cv)
{
	for (int i = 0; i < r->geo.text.h; i++) {
		layout_row row;
		if (!reader_text_row(r, i, &row))
			break;
		draw_text_row(rn, r, cv, i, &row);
	}
}

/* ---- the reader ------------------------------------------------------- */

static void draw_tabs(const renderer *rn, const reader *r)
{
	rect t = r->geo.tabs;
	if (t.h <= 0)
		return;
	for (int id = 0; id < PANE_COUNT; id++) {
		int x = t.x + geometry_tab_x((pane_id)id);
		if (x >= t.x + t.w)
			break;
		render_pen p = render_pen_at(rn, t.y, x, t.x + t.w - x);
		style_role tr = r->focus == id ? ROLE_PANE_FOCUSED : ROLE_PANE_TITLE;
		render_pen_str(&p, geometry_tab_label((pane_id)id), render_paint(rn, tr));
	}
}

static void draw_separator(const renderer *rn, const geometry *g)
{
	rect s = g->separator;
	if (s.w <= 0)
		return;
	for (int y = s.y; y < s.y + s.h; y++) {
		render_pen p = render_pen_at(rn, y, s.x, 1);
		render_pen_char(&p, BOX_V, render_paint(rn, ROLE_BORDER));
		render_pen_flush(&p);
	}
}

/* cv: the compare view over the reader, or NULL. */
static void draw_reader(const renderer *rn, reader *r, const compare_view *cv)
{
	const geometry *g = &r->geo;
	if (g->wide) {
		draw_text_pane(rn, r, cv);
		draw_separator(rn, g);
		render_pane_title(rn, r, cv, PANE_ENTITIES);
		render_entities(rn, r);
		render_pane_title(rn, r, cv, PANE_QUOTES);
		render_quotes(rn, r, cv);
		return;
	}
	draw_tabs(rn, r);
	if (r->focus == PANE_ENTITIES)
		render_entities(rn, r);
	else if (r->focus == PANE_QUOTES)
		render_quotes(rn, r, cv);
	else
		draw_text_pane(rn, r, cv);
}

/* ---- the frame -------------------------------------------------------- */

/* The cursor shows only while a search is typed, after the query on the
 * status line; otherwise it is hidden. */
static void place_cursor(const app *ap, const geometry *g)
{
	const reader *r = ap->screen == APP_SCREEN_READER ? ap->rd : NULL;
	if (r == NULL || !(r->search.editing || ap->cmp_prompt) || g->too_small || ap->help
	    || ap->overlay != OVERLAY_NONE) {
		curs_set(0);
		return;
	}
	char buf[512];
	app_status(ap, buf, sizeof buf);
	int x = text_width(buf, strlen(buf));
	wmove(stdscr, g->status.y, x < g->status.w ? x : g->status.w - 1);
	curs_set(1);
}

void render_frame(renderer *rn, app *ap, bool full)
{
	render_record_start(rn);
	const geometry *g = ap->screen == APP_SCREEN_READER && ap->rd ? &ap->rd->geo : &ap->geo;
	werase(stdscr);
	if (g->too_small) {
		draw_too_small(rn, g);
	} else {
		char buf[512];
		app_title(ap, buf, sizeof buf);
		render_line(rn, g->title, buf, render_paint(rn, ROLE_TITLE));
		if (ap->screen == APP_SCREEN_READER && ap->rd)
			draw_reader(rn, ap->rd, ap->cmp);
		else if (ap->screen == APP_SCREEN_SPEAKERS)
			render_speakers(rn, ap, g);
		else
			render_library(rn, ap, g);
		app_status(ap, buf, sizeof buf);
		bool err = ap->screen == APP_SCREEN_READER && ap->rd &&
		           ap->rd->message_is_error && ap->rd->message[0] != '\0';
		paint status = render_paint(rn, ROLE_STATUS);
		if (err)
			status = render_paint_over(status, render_paint(rn, ROLE_ERROR));
		render_line(rn, g->status, buf, status);
		if (ap->help)
			render_overlay_help(rn, ap, g);
		else if (ap->overlay != OVERLAY_NONE)
			render_overlay_box(rn, ap, g);
		else if (ap->speakers_overlay)
			render_overlay_speakers(rn, ap, g);
	}
	place_cursor(ap, g);
	if (full)
		clearok(curscr, TRUE);
	wnoutrefresh(stdscr);
	doupdate();
}

