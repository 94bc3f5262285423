/* render_overlay.c - what is drawn over a screen in the help's box: the
 * help, the reader's boxes (d, i, !) and the speakers overlay (S).  See
 * render_private.h. */
#include "render_private.h"

#include <stdio.h>

#include "app_speakers.h"

static void draw_box(const renderer *rn, rect r, const char *title)
{
	paint border = render_paint(rn, ROLE_BORDER);
	for (int y = r.y; y < r.y + r.h; y++) {
		bool edge = y == r.y || y == r.y + r.h - 1;
		uint32_t left = y == r.y ? BOX_TL : edge ? BOX_BL : BOX_V;
		uint32_t right = y == r.y ? BOX_TR : edge ? BOX_BR : BOX_V;
		render_pen p = render_pen_at(rn, y, r.x, r.w - 1);
		render_pen_char(&p, left, border);
		render_pen_fill(&p, edge ? BOX_H : ' ', edge ? border : render_paint(rn, ROLE_HELP));
		p.right = r.x + r.w;
		render_pen_char(&p, right, border);
		render_pen_flush(&p);
	}
	if (title && r.w > 4) {
		render_pen p = render_pen_at(rn, r.y, r.x + 2, r.w - 4);
		render_pen_str(&p, title, render_paint(rn, ROLE_PANE_FOCUSED));
	}
}

/* The help overlay: every action with its keys, scrolled by help_top. */
void render_overlay_help(const renderer *rn, const app *ap, const geometry *g)
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
		render_pen p = render_pen_at(rn, box.y + 1 + i, box.x + 1, box.w - 2);
		render_pen_str(&p, buf, render_paint(rn, ROLE_HELP));
	}
}

/* A reader's box (d, i, !): its rows as overlay.c wrapped them. */
void render_overlay_box(const renderer *rn, const app *ap, const geometry *g)
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
		render_pen p = render_pen_at(rn, box.y + 1 + i, box.x + 1, box.w - 2);
		render_pen_str(&p, o->rows[line], render_paint(rn, ROLE_HELP));
	}
}


/* The reader's overlay: the article's speakers with bars, in the help's
 * box; rows past the box are left out (the box says how many). */
void render_overlay_speakers(const renderer *rn, const app *ap, const geometry *g)
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
		render_pen p = render_pen_at(rn, box.y + 1 + i, box.x + 2, box.w - 3);
		render_pen_str(&p, buf, render_paint(rn, i == 0 ? ROLE_PANE_TITLE : ROLE_HELP));
	}
}

