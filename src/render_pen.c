/* render_pen.c - the cells of the screen: a pen writes display units
 * left to right on one row, up to a right edge, each unit one cchar_t with
 * its combining marks attached, in a look of render_look.c.  A leaf of
 * the render_*.c files; see render_private.h. */
#include "render_private.h"

#include <curses.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

#define LONE_BASE  0x25CC  /* ◌ carries a combining mark with no base */

render_pen render_pen_at(const renderer *rn, int y, int x, int w)
{
	return (render_pen){ .rn = rn, .y = y, .x = x, .right = x + w };
}

void render_pen_flush(render_pen *p)
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

/* Adds one unit of text in look; false once the row is full. */
bool render_pen_glyph(render_pen *p, const glyph *g, paint look)
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
		if (!render_pen_char(p, LONE_BASE, look))
			return false;
		p->wc[p->nwc++] = (wchar_t)g->cp;
		return true;
	}
	render_pen_flush(p);
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
bool render_pen_char(render_pen *p, uint32_t cp, paint look)
{
	glyph g = { .cp = cp, .width = 1 };
	return render_pen_glyph(p, &g, look);
}

/* Draws s[0..len) in one look, as much as fits; false when not all of
 * it did. */
bool render_pen_text(render_pen *p, const char *s, size_t len, paint look)
{
	size_t i = 0;
	bool fits = true;
	while (i < len && fits) {
		glyph g;
		i += text_next(s, len, i, &g);
		fits = render_pen_glyph(p, &g, look);
	}
	render_pen_flush(p);
	return fits;
}

void render_pen_str(render_pen *p, const char *s, paint look)
{
	render_pen_text(p, s, strlen(s), look);
}


/* Draws s in look; when it is wider than the room left, it is cut one
 * column early and ends in "…", so a cut never passes for the whole. */
void render_pen_str_cut(render_pen *p, const char *s, paint look)
{
	render_pen_flush(p);
	if (text_width(s, strlen(s)) <= p->right - p->x) {
		render_pen_str(p, s, look);
		return;
	}
	int edge = p->right;
	p->right = edge - 1;
	render_pen_str(p, s, look);
	p->right = edge;
	render_pen_char(p, ELLIPSIS, look);
	render_pen_flush(p);
}

/* Fills the rest of the pen's row with ch in look. */
void render_pen_fill(render_pen *p, uint32_t ch, paint look)
{
	while (render_pen_char(p, ch, look))
		;
	render_pen_flush(p);
}

/* A whole row of r: s in look, the rest filled with spaces in look. */
void render_line(const renderer *rn, rect r, const char *s, paint look)
{
	if (r.w <= 0 || r.h <= 0)
		return;
	render_pen p = render_pen_at(rn, r.y, r.x, r.w);
	render_pen_str(&p, s, look);
	render_pen_fill(&p, ' ', look);
}

