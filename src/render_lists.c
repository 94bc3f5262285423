/* render_lists.c - the lists: the library and the speakers screen, and
 * the reader's entities and quotes panes with their titles, each row laid
 * out from its typed fields (view_row.h).  See render_private.h. */
#include "render_private.h"

#include <stdio.h>
#include <string.h>

#include "app_speakers.h"
#include "compare_view.h"
#include "reader_view.h"
#include "speakers_view.h"
#include "text.h"

/* ---- the library ------------------------------------------------------ */

void render_library(const renderer *rn, const app *ap, const geometry *g)
{
	const library *lib = ap->lib;
	rect m = g->main;
	if (lib == NULL || m.h <= 0)
		return;
	if (lib->error) {
		render_pen p = render_pen_at(rn, m.y, m.x, m.w);
		render_pen_str(&p, lib->error, render_paint(rn, ROLE_ERROR));
		return;
	}
	if (lib->n == 0) {
		render_pen p = render_pen_at(rn, m.y, m.x, m.w);
		render_pen_str(&p, library_files(lib) ? "no article matches the filter"
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
		render_pen p = render_pen_at(rn, m.y + i, m.x, m.w);
		render_pen_text(&p, "  ", 2, look);
		render_pen_str_cut(&p, buf, look);
		if (idx == ap->lib_view.cursor)
			render_pen_fill(&p, ' ', look);
	}
}

/* ---- the speakers screen ------------------------------------------------ */

/* The column header on the first row of the main area, then the rows
 * (speakers, or one speaker's quotes) under it. */
void render_speakers(const renderer *rn, const app *ap, const geometry *g)
{
	rect m = g->main;
	const speakers_view *sv = ap->sv;
	if (!sv || m.h <= 0)
		return;
	char buf[1024];
	app_speakers_header(ap, m.w - 2, buf, sizeof buf);
	render_pen hp = render_pen_at(rn, m.y, m.x, m.w);
	paint head = render_paint(rn, ROLE_PANE_TITLE);
	render_pen_text(&hp, "  ", 2, head);
	render_pen_str(&hp, buf, head);
	const list_view *v = sv->quotes_open ? &sv->qlist : &sv->list;
	if (v->n == 0 && m.h > 1) {
		render_pen p = render_pen_at(rn, m.y + 1, m.x, m.w);
		render_pen_str(&p, "  no quotes in the articles read", render_paint(rn, ROLE_DIM_TEXT));
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
		render_pen p = render_pen_at(rn, m.y + i, m.x, m.w);
		render_pen_text(&p, "  ", 2, look);
		render_pen_str(&p, buf, look);
		if (idx == v->cursor)
			render_pen_fill(&p, ' ', look);
	}
}
/* ---- the list panes --------------------------------------------------- */

void render_pane_title(const renderer *rn, const reader *r,
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
	render_pen p = render_pen_at(rn, t.y, t.x, t.w);
	bool focused = r->focus == id;
	render_pen_str(&p, " ", render_paint(rn, ROLE_BORDER));
	render_pen_str(&p, buf, render_paint(rn, focused ? ROLE_PANE_FOCUSED : ROLE_PANE_TITLE));
	render_pen_str(&p, " ", render_paint(rn, ROLE_BORDER));
	render_pen_fill(&p, BOX_H, render_paint(rn, ROLE_BORDER));
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
static void draw_fields(const renderer *rn, render_pen *p, const view_row *row,
                        view_align align, const paint *over)
{
	for (size_t i = 0; i < row->n_fields; i++) {
		const view_field *f = &row->fields[i];
		if (f->align != align)
			continue;
		if (!render_pen_text(p, row->text + f->at, f->len, field_look(rn, f->roles, over)))
			return;
	}
}

/* Lays a view row out from the pen to its right edge (tig's draw_field):
 * the left fields in order, clipped to the room the right-aligned ones
 * leave (after at least one space), the right-aligned ones against the
 * edge; when those alone do not fit, they are all that is drawn.  A row
 * that is cut ends in "…" when it asks for one.  On the cursor the whole
 * row is drawn in ROLE_CURSOR. */
static void draw_view_row(const renderer *rn, render_pen *p, const view_row *row)
{
	paint cursor = render_paint(rn, ROLE_CURSOR);
	const paint *over = row->cursor ? &cursor : NULL;
	paint base = field_look(rn, 0, over);
	/* A pending cell would count as room: the pen's x is its column. */
	render_pen_flush(p);
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
			render_pen_char(p, ELLIPSIS, base);
			render_pen_flush(p);
		}
		for (int pad = right_w > 0 ? edge - right_w - p->x : 0; pad > 0; pad--)
			render_pen_char(p, ' ', base);
		render_pen_flush(p);
		draw_fields(rn, p, row, VIEW_ALIGN_RIGHT, over);
	}
	if (over)
		render_pen_fill(p, ' ', base);
}

static void draw_entity_row(const renderer *rn, const reader *r, size_t idx, int y)
{
	rect body = r->geo.pane[PANE_ENTITIES].body;
	view_row row;
	if (!reader_view_entity_row(r, idx, &row))
		return;
	render_pen p = render_pen_at(rn, y, body.x, body.w);
	draw_view_row(rn, &p, &row);
}

void render_entities(const renderer *rn, const reader *r)
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
		render_pen p = render_pen_at(rn, body.y + i, body.x + 2, body.w - 2);
		draw_view_row(rn, &p, &row);
	}
}

void render_quotes(const renderer *rn, const reader *r, const compare_view *cv)
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
		render_pen p = render_pen_at(rn, body.y + i, body.x, body.w);
		render_pen_char(&p, row.current ? MARK_CUR : ' ',
		         render_paint(rn, row.current ? ROLE_GUTTER : ROLE_NORMAL));
		render_pen_char(&p, ' ', render_paint(rn, ROLE_NORMAL));
		draw_view_row(rn, &p, &row);
	}
}

