/* render.c - draws the app onto stdscr: title and status lines, the text
 * pane with its gutter and decorations, the entities and quotes panes,
 * tabs in narrow mode, the library, the help overlay.
 *
 * Every string goes through text_next() and each display unit is added as
 * one cchar_t, combining marks attached to their base; article text never
 * goes through addstr.  Colour pairs, the looks of roles and the record
 * of cells are in render_look.c. */
#include "render.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "app_speakers.h"
#include "compare_view.h"
#include "geometry.h"
#include "reader_view.h"
#include "render_private.h"
#include "speakers_view.h"
#include "text.h"

/* Box drawing, as Unicode: the screen is always UTF-8 (main falls back to
 * C.UTF-8), and tmux shows the same characters the snapshot prints. */
#define BOX_H      0x2500  /* ─ */
#define BOX_V      0x2502  /* │ */
#define BOX_TL     0x250C  /* ┌ */
#define BOX_TR     0x2510  /* ┐ */
#define BOX_BL     0x2514  /* └ */
#define BOX_BR     0x2518  /* ┘ */
#define MARK_ROW   0x2502  /* │ a row holding a quote */
#define MARK_CUR   0x258C  /* ▌ a row of the current quote */
#define MARK_DIFF  0x2260  /* ≠ compare view: a row of a pair that differs */
#define LONE_BASE  0x25CC  /* ◌ carries a combining mark with no base */

/* ---- cells ------------------------------------------------------------ */

/* Writes display units left to right on one row, up to a right edge.  A
 * cell is kept pending until the next unit, so combining marks that
 * follow can join it. */
typedef struct pen {
	const renderer *rn;
	int y;
	int x;          /* column of the pending cell, or of the next one */
	int right;      /* first column past the area */
	wchar_t wc[CCHARW_MAX + 1];
	int nwc;        /* code points in the pending cell; 0 if none */
	int width;
	paint look;
} pen;

static pen pen_at(const renderer *rn, int y, int x, int w)
{
	return (pen){ .rn = rn, .y = y, .x = x, .right = x + w };
}

static void pen_flush(pen *p)
{
	if (p->nwc == 0)
		return;
	p->wc[p->nwc] = L'\0';
	cchar_t cc;
	short pair = p->rn->color ? render_pair(p->look.look.fg, p->look.look.bg) : 0;
	setcchar(&cc, p->wc, render_curses_attrs(p->look.look.attrs), pair, NULL);
	mvadd_wch(p->y, p->x, &cc);
	render_record_cells(p->rn, p->x, p->y, p->width, p->look.roles);
	p->x += p->width;
	p->nwc = 0;
}

static bool pen_char(pen *p, uint32_t cp, paint look);

/* Adds one unit of text in look; false once the row is full. */
static bool pen_glyph(pen *p, const glyph *g, paint look)
{
	if (g->newline)
		return true;
	if (g->width == 0) {
		if (p->nwc > 0 && p->nwc < CCHARW_MAX) {
			p->wc[p->nwc++] = (wchar_t)g->cp;
			return true;
		}
		if (p->nwc > 0)  /* no room for more marks on this base */
			return true;
		if (!pen_char(p, LONE_BASE, look))
			return false;
		p->wc[p->nwc++] = (wchar_t)g->cp;
		return true;
	}
	pen_flush(p);
	if (p->x + g->width > p->right)
		return false;
	if (g->placeholder)
		look = render_paint_over(look, render_paint(p->rn, ROLE_PLACEHOLDER));
	p->wc[0] = (wchar_t)g->cp;
	p->nwc = 1;
	p->width = g->width;
	p->look = look;
	return true;
}

/* Adds one single-width character (box drawing, marks). */
static bool pen_char(pen *p, uint32_t cp, paint look)
{
	glyph g = { .cp = cp, .width = 1 };
	return pen_glyph(p, &g, look);
}

/* Draws s[0..len) in one look, as much as fits; false when not all of
 * it did. */
static bool pen_text(pen *p, const char *s, size_t len, paint look)
{
	size_t i = 0;
	bool fits = true;
	while (i < len && fits) {
		glyph g;
		i += text_next(s, len, i, &g);
		fits = pen_glyph(p, &g, look);
	}
	pen_flush(p);
	return fits;
}

static void pen_str(pen *p, const char *s, paint look)
{
	pen_text(p, s, strlen(s), look);
}

#define ELLIPSIS 0x2026  /* … ends a cut line */

/* Draws s in look; when it is wider than the room left, it is cut one
 * column early and ends in "…", so a cut never passes for the whole. */
static void pen_str_cut(pen *p, const char *s, paint look)
{
	pen_flush(p);
	if (text_width(s, strlen(s)) <= p->right - p->x) {
		pen_str(p, s, look);
		return;
	}
	int edge = p->right;
	p->right = edge - 1;
	pen_str(p, s, look);
	p->right = edge;
	pen_char(p, ELLIPSIS, look);
	pen_flush(p);
}

/* Fills the rest of the pen's row with ch in look. */
static void pen_fill(pen *p, uint32_t ch, paint look)
{
	while (pen_char(p, ch, look))
		;
	pen_flush(p);
}

/* A whole row of r: s in look, the rest filled with spaces in look. */
static void draw_line(const renderer *rn, rect r, const char *s, paint look)
{
	if (r.w <= 0 || r.h <= 0)
		return;
	pen p = pen_at(rn, r.y, r.x, r.w);
	pen_str(&p, s, look);
	pen_fill(&p, ' ', look);
}

/* ---- frame pieces shared by every screen ------------------------------ */

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
		pen p = pen_at(rn, top + i, x, g->cols - x);
		pen_str(&p, lines[i], render_paint(rn, i == 0 ? ROLE_ERROR : ROLE_DIM_TEXT));
	}
}

static void draw_box(const renderer *rn, rect r, const char *title)
{
	paint border = render_paint(rn, ROLE_BORDER);
	for (int y = r.y; y < r.y + r.h; y++) {
		bool edge = y == r.y || y == r.y + r.h - 1;
		uint32_t left = y == r.y ? BOX_TL : edge ? BOX_BL : BOX_V;
		uint32_t right = y == r.y ? BOX_TR : edge ? BOX_BR : BOX_V;
		pen p = pen_at(rn, y, r.x, r.w - 1);
		pen_char(&p, left, border);
		pen_fill(&p, edge ? BOX_H : ' ', edge ? border : render_paint(rn, ROLE_HELP));
		p.right = r.x + r.w;
		pen_char(&p, right, border);
		pen_flush(&p);
	}
	if (title && r.w > 4) {
		pen p = pen_at(rn, r.y, r.x + 2, r.w - 4);
		pen_str(&p, title, render_paint(rn, ROLE_PANE_FOCUSED));
	}
}

/* The help overlay: every action with its keys, scrolled by help_top. */
static void draw_help(const renderer *rn, const app *ap, const geometry *g)
{
	rect box = g->help;
	if (box.w < 4 || box.h < 3)
		return;
	size_t n = app_help_count(ap);
	bool scrolls = n > (size_t)(box.h - 2);
	draw_box(rn, box, scrolls ? " Keys (j/k scroll, any other key closes) "
	                          : " Keys (any key closes) ");
	for (int i = 0; i < box.h - 2; i++) {
		size_t line = ap->help_top + (size_t)i;
		if (line >= n)
			break;
		char buf[256];
		app_help_line(ap, line, buf, sizeof buf);
		pen p = pen_at(rn, box.y + 1 + i, box.x + 1, box.w - 2);
		pen_str(&p, buf, render_paint(rn, ROLE_HELP));
	}
}

/* A reader's box (d, i, !): its rows as overlay.c wrapped them. */
static void draw_overlay(const renderer *rn, const app *ap, const geometry *g)
{
	rect box = g->help;
	const overlay_rows *o = &ap->overlay_rows;
	if (box.w < 4 || box.h < 3)
		return;
	bool scrolls = o->n > (size_t)(box.h - 2);
	char title[96];
	snprintf(title, sizeof title, "%s(%s) ", overlay_title(ap->overlay),
	         scrolls ? "j/k scroll, any other key closes" : "any key closes");
	draw_box(rn, box, title);
	for (int i = 0; i < box.h - 2; i++) {
		size_t line = ap->overlay_top + (size_t)i;
		if (line >= o->n)
			break;
		pen p = pen_at(rn, box.y + 1 + i, box.x + 1, box.w - 2);
		pen_str(&p, o->rows[line], render_paint(rn, ROLE_HELP));
	}
}

/* ---- the library ------------------------------------------------------ */

static void draw_library(const renderer *rn, const app *ap, const geometry *g)
{
	const library *lib = ap->lib;
	rect m = g->main;
	if (lib == NULL || m.h <= 0)
		return;
	if (lib->error) {
		pen p = pen_at(rn, m.y, m.x, m.w);
		pen_str(&p, lib->error, render_paint(rn, ROLE_ERROR));
		return;
	}
	if (lib->n == 0) {
		pen p = pen_at(rn, m.y, m.x, m.w);
		pen_str(&p, library_files(lib) ? "no article matches the filter"
		                               : "no articles (*.yaml) here",
		        render_paint(rn, ROLE_DIM_TEXT));
		return;
	}
	for (int i = 0; i < m.h; i++) {
		size_t idx = ap->lib_view.top + (size_t)i;
		if (idx >= lib->n)
			break;
		char buf[512];
		app_library_line(ap, idx, buf, sizeof buf);
		paint look = render_paint(rn, app_library_row_failed(ap, idx) ? ROLE_ERROR
		                              : app_library_row_pending(ap, idx) ? ROLE_DIM_TEXT
		                              : ROLE_NORMAL);
		if (idx == ap->lib_view.cursor)
			look = render_paint_over(look, render_paint(rn, ROLE_CURSOR));
		pen p = pen_at(rn, m.y + i, m.x, m.w);
		pen_text(&p, "  ", 2, look);
		pen_str_cut(&p, buf, look);
		if (idx == ap->lib_view.cursor)
			pen_fill(&p, ' ', look);
	}
}

/* ---- the speakers screen and overlay ------------------------------------ */

/* The column header on the first row of the main area, then the rows
 * (speakers, or one speaker's quotes) under it. */
static void draw_speakers(const renderer *rn, const app *ap, const geometry *g)
{
	rect m = g->main;
	const speakers_view *sv = ap->sv;
	if (!sv || m.h <= 0)
		return;
	char buf[1024];
	app_speakers_header(ap, m.w - 2, buf, sizeof buf);
	pen hp = pen_at(rn, m.y, m.x, m.w);
	paint head = render_paint(rn, ROLE_PANE_TITLE);
	pen_text(&hp, "  ", 2, head);
	pen_str(&hp, buf, head);
	const list_view *v = sv->quotes_open ? &sv->qlist : &sv->list;
	if (v->n == 0 && m.h > 1) {
		pen p = pen_at(rn, m.y + 1, m.x, m.w);
		pen_str(&p, "  no quotes in the articles read", render_paint(rn, ROLE_DIM_TEXT));
		return;
	}
	for (int i = 1; i < m.h; i++) {
		size_t idx = v->top + (size_t)(i - 1);
		if (idx >= v->n)
			break;
		app_speakers_line(ap, idx, m.w - 2, buf, sizeof buf);
		paint look = render_paint(rn, ROLE_NORMAL);
		if (idx == v->cursor)
			look = render_paint_over(look, render_paint(rn, ROLE_CURSOR));
		pen p = pen_at(rn, m.y + i, m.x, m.w);
		pen_text(&p, "  ", 2, look);
		pen_str(&p, buf, look);
		if (idx == v->cursor)
			pen_fill(&p, ' ', look);
	}
}

/* The reader's overlay: the article's speakers with bars, in the help's
 * box; rows past the box are left out (the box says how many). */
static void draw_speakers_overlay(const renderer *rn, const app *ap, const geometry *g)
{
	rect box = g->help;
	if (box.w < 4 || box.h < 3)
		return;
	size_t n = app_speakers_overlay_count(ap);
	char title[96];
	snprintf(title, sizeof title, " Speakers: %zu (any key closes) ", n ? n - 1 : 0);
	draw_box(rn, box, title);
	for (int i = 0; i < box.h - 2 && (size_t)i < n; i++) {
		char buf[512];
		app_speakers_overlay_line(ap, (size_t)i, box.w - 4, buf, sizeof buf);
		pen p = pen_at(rn, box.y + 1 + i, box.x + 2, box.w - 3);
		pen_str(&p, buf, render_paint(rn, i == 0 ? ROLE_PANE_TITLE : ROLE_HELP));
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
		pen p = pen_at(rn, g->gutter.y + i, g->gutter.x, 1);
		pen_char(&p, gutter_char(gm), render_paint(rn, ROLE_GUTTER));
		pen_flush(&p);
	}
	if (row->blank || row->start >= row->end)
		return;
	mark_buf mb;
	marks_of_row(r, cv, row, &mb);
	pen p = pen_at(rn, g->text.y + i, g->text.x, g->text.w);
	const char *body = r->a->body;
	size_t at = row->start;
	while (at < row->end) {
		glyph gl;
		size_t n = text_next(body, row->end, at, &gl);
		if (!pen_glyph(&p, &gl, byte_look(rn, r, at, mb.items, mb.n)))
			break;
		at += n;
	}
	pen_flush(&p);
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

/* ---- the list panes --------------------------------------------------- */

static void draw_pane_title(const renderer *rn, const reader *r,
                            const compare_view *cv, pane_id id)
{
	rect t = r->geo.pane[id].title;
	if (t.h <= 0 || t.w <= 0)
		return;
	char buf[256];
	if (cv && id == PANE_QUOTES)
		snprintf(buf, sizeof buf, "A %s, B %s", cv->name_a, cv->name_b);
	else
		reader_pane_title(r, id, buf, sizeof buf);
	pen p = pen_at(rn, t.y, t.x, t.w);
	bool focused = r->focus == id;
	pen_str(&p, " ", render_paint(rn, ROLE_BORDER));
	pen_str(&p, buf, render_paint(rn, focused ? ROLE_PANE_FOCUSED : ROLE_PANE_TITLE));
	pen_str(&p, " ", render_paint(rn, ROLE_BORDER));
	pen_fill(&p, BOX_H, render_paint(rn, ROLE_BORDER));
}

/* The look of a field: its roles painted over plain text in role order,
 * the list cursor (when on) over everything. */
static paint field_look(const renderer *rn, uint64_t roles, const paint *over)
{
	paint look = render_paint(rn, ROLE_NORMAL);
	for (int r = 0; r < ROLE_COUNT; r++)
		if (roles & VIEW_ROLE(r))
			look = render_paint_over(look, render_paint(rn, (style_role)r));
	return over ? render_paint_over(look, *over) : look;
}

static int fields_width(const view_row *row, bool right)
{
	int w = 0;
	for (size_t i = 0; i < row->n_fields; i++)
		if ((row->fields[i].align == VIEW_ALIGN_RIGHT) == right)
			w += text_width(row->text + row->fields[i].at, row->fields[i].len);
	return w;
}

/* Draws the fields of one alignment from the pen on, in order; stops at
 * the first that does not fit. */
static void draw_fields(const renderer *rn, pen *p, const view_row *row,
                        view_align align, const paint *over)
{
	for (size_t i = 0; i < row->n_fields; i++) {
		const view_field *f = &row->fields[i];
		if (f->align != align)
			continue;
		if (!pen_text(p, row->text + f->at, f->len, field_look(rn, f->roles, over)))
			return;
	}
}

/* Lays a view row out from the pen to its right edge (tig's draw_field):
 * the left fields in order, clipped to the room the right-aligned ones
 * leave (after at least one space), the right-aligned ones against the
 * edge; when those alone do not fit, they are all that is drawn.  A row
 * that is cut ends in "…" when it asks for one.  On the cursor the whole
 * row is drawn in ROLE_CURSOR. */
static void draw_view_row(const renderer *rn, pen *p, const view_row *row)
{
	paint cursor = render_paint(rn, ROLE_CURSOR);
	const paint *over = row->cursor ? &cursor : NULL;
	paint base = field_look(rn, 0, over);
	/* A pending cell would count as room: the pen's x is its column. */
	pen_flush(p);
	int edge = p->right;
	int right_w = fields_width(row, true);

	if (right_w > 0 && right_w + 1 > edge - p->x) {
		draw_fields(rn, p, row, VIEW_ALIGN_RIGHT, over);
	} else {
		int left_edge = right_w > 0 ? edge - right_w - 1 : edge;
		bool ellipsis = row->ellipsis
		                && (row->more || fields_width(row, false) > left_edge - p->x);
		p->right = left_edge - (ellipsis ? 1 : 0);
		draw_fields(rn, p, row, VIEW_ALIGN_LEFT, over);
		p->right = edge;
		if (ellipsis) {
			pen_char(p, ELLIPSIS, base);
			pen_flush(p);
		}
		for (int pad = right_w > 0 ? edge - right_w - p->x : 0; pad > 0; pad--)
			pen_char(p, ' ', base);
		pen_flush(p);
		draw_fields(rn, p, row, VIEW_ALIGN_RIGHT, over);
	}
	if (over)
		pen_fill(p, ' ', base);
}

static void draw_entity_row(const renderer *rn, const reader *r, size_t idx, int y)
{
	rect body = r->geo.pane[PANE_ENTITIES].body;
	view_row row;
	if (!reader_view_entity_row(r, idx, &row))
		return;
	pen p = pen_at(rn, y, body.x, body.w);
	draw_view_row(rn, &p, &row);
}

static void draw_entities(const renderer *rn, const reader *r)
{
	rect body = r->geo.pane[PANE_ENTITIES].body;
	for (int i = 0; i < body.h; i++) {
		size_t idx = r->ents.top + (size_t)i;
		if (idx >= r->n_ent_rows)
			break;
		draw_entity_row(rn, r, idx, body.y + i);
	}
}

/* The compare view's quotes pane: the legend, then A's and B's quote
 * at the current place (compare_view_row). */
static void draw_compare_rows(const renderer *rn, const reader *r, const compare_view *cv)
{
	rect body = r->geo.pane[PANE_QUOTES].body;
	for (int i = 0; i < body.h; i++) {
		view_row row;
		if (!compare_view_row(cv, (size_t)i, &row))
			break;
		pen p = pen_at(rn, body.y + i, body.x + 2, body.w - 2);
		draw_view_row(rn, &p, &row);
	}
}

static void draw_quotes(const renderer *rn, const reader *r, const compare_view *cv)
{
	rect body = r->geo.pane[PANE_QUOTES].body;
	if (cv) {
		draw_compare_rows(rn, r, cv);
		return;
	}
	for (int i = 0; i < body.h; i++) {
		view_row row;
		if (!reader_view_quote_row(r, r->quotes.top + (size_t)i, &row))
			break;
		pen p = pen_at(rn, body.y + i, body.x, body.w);
		pen_char(&p, row.current ? MARK_CUR : ' ',
		         render_paint(rn, row.current ? ROLE_GUTTER : ROLE_NORMAL));
		pen_char(&p, ' ', render_paint(rn, ROLE_NORMAL));
		draw_view_row(rn, &p, &row);
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
		pen p = pen_at(rn, t.y, x, t.x + t.w - x);
		style_role tr = r->focus == id ? ROLE_PANE_FOCUSED : ROLE_PANE_TITLE;
		pen_str(&p, geometry_tab_label((pane_id)id), render_paint(rn, tr));
	}
}

static void draw_separator(const renderer *rn, const geometry *g)
{
	rect s = g->separator;
	if (s.w <= 0)
		return;
	for (int y = s.y; y < s.y + s.h; y++) {
		pen p = pen_at(rn, y, s.x, 1);
		pen_char(&p, BOX_V, render_paint(rn, ROLE_BORDER));
		pen_flush(&p);
	}
}

/* cv: the compare view over the reader, or NULL. */
static void draw_reader(const renderer *rn, reader *r, const compare_view *cv)
{
	const geometry *g = &r->geo;
	if (g->wide) {
		draw_text_pane(rn, r, cv);
		draw_separator(rn, g);
		draw_pane_title(rn, r, cv, PANE_ENTITIES);
		draw_entities(rn, r);
		draw_pane_title(rn, r, cv, PANE_QUOTES);
		draw_quotes(rn, r, cv);
		return;
	}
	draw_tabs(rn, r);
	if (r->focus == PANE_ENTITIES)
		draw_entities(rn, r);
	else if (r->focus == PANE_QUOTES)
		draw_quotes(rn, r, cv);
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
		draw_line(rn, g->title, buf, render_paint(rn, ROLE_TITLE));
		if (ap->screen == APP_SCREEN_READER && ap->rd)
			draw_reader(rn, ap->rd, ap->cmp);
		else if (ap->screen == APP_SCREEN_SPEAKERS)
			draw_speakers(rn, ap, g);
		else
			draw_library(rn, ap, g);
		app_status(ap, buf, sizeof buf);
		bool err = ap->screen == APP_SCREEN_READER && ap->rd &&
		           ap->rd->message_is_error && ap->rd->message[0] != '\0';
		paint status = render_paint(rn, ROLE_STATUS);
		if (err)
			status = render_paint_over(status, render_paint(rn, ROLE_ERROR));
		draw_line(rn, g->status, buf, status);
		if (ap->help)
			draw_help(rn, ap, g);
		else if (ap->overlay != OVERLAY_NONE)
			draw_overlay(rn, ap, g);
		else if (ap->speakers_overlay)
			draw_speakers_overlay(rn, ap, g);
	}
	place_cursor(ap, g);
	if (full)
		clearok(curscr, TRUE);
	wnoutrefresh(stdscr);
	doupdate();
}
