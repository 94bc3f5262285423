/* render_look.c - how render's cells look: colour pairs, the attribute
 * map shared with the snapshot, the looks of roles and their layers, and
 * the record of the roles each cell was drawn with.  The drawing itself
 * is in render.c. */
#include "render.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "render_private.h"

/* Colour pairs: one per (foreground, background), each of the eight
 * colours or the default, numbered from 1 (pair 0 is default on default). */
#define N_COLORS 9
short render_pair(style_color fg, style_color bg)
{
	return (short)((fg + 1) * N_COLORS + (bg + 1));
}

/* ---- colours and attributes ------------------------------------------ */

bool render_wants_color(color_mode mode, const char *no_color)
{
	if (mode == COLOR_MODE_NEVER || !has_colors())
		return false;
	if (mode == COLOR_MODE_ALWAYS)
		return true;
	return no_color == NULL || no_color[0] == '\0';
}

void render_init(renderer *rn, bool color)
{
	*rn = (renderer){ .color = color };
	curs_set(0);
	if (!color)
		return;
	start_color();
	use_default_colors();
	for (int fg = STYLE_DEFAULT; fg <= STYLE_WHITE; fg++)
		for (int bg = STYLE_DEFAULT; bg <= STYLE_WHITE; bg++)
			if (fg != STYLE_DEFAULT || bg != STYLE_DEFAULT)
				init_pair(render_pair((style_color)fg, (style_color)bg),
				          (short)fg, (short)bg);
}

void render_free(renderer *rn)
{
	if (rn == NULL)
		return;
	free(rn->cells);
	rn->cells = NULL;
	rn->cols = rn->rows = 0;
}

uint64_t render_cell_roles(const renderer *rn, int x, int y)
{
	if (rn->cells == NULL || x < 0 || y < 0 || x >= rn->cols || y >= rn->rows)
		return 0;
	return rn->cells[(size_t)y * (size_t)rn->cols + (size_t)x];
}

void render_record_start(renderer *rn)
{
	if (!rn->record)
		return;
	size_t n = (size_t)LINES * (size_t)COLS;
	if (rn->cols != COLS || rn->rows != LINES) {
		free(rn->cells);
		rn->cells = malloc(n * sizeof *rn->cells);
		rn->cols = rn->cells ? COLS : 0;
		rn->rows = rn->cells ? LINES : 0;
	}
	if (rn->cells)
		memset(rn->cells, 0, n * sizeof *rn->cells);
}

void render_record_cells(const renderer *rn, int x, int y, int width, uint64_t roles)
{
	if (rn->cells == NULL || y < 0 || y >= rn->rows)
		return;
	for (int i = x; i < x + width && i < rn->cols; i++)
		if (i >= 0)
			rn->cells[(size_t)y * (size_t)rn->cols + (size_t)i] = roles;
}

style render_compose(style under, style over)
{
	style s = under;
	if (over.fg != STYLE_DEFAULT)
		s.fg = over.fg;
	if (over.bg != STYLE_DEFAULT)
		s.bg = over.bg;
	s.attrs |= over.attrs;
	return s;
}

/* The one map between our attribute flags and curses': drawing goes one
 * way, the snapshot reading the screen back the other. */
static const struct {
	int flag;
	attr_t curses;
} attr_map[] = {
	{ .flag = STYLE_BOLD, .curses = WA_BOLD },
	{ .flag = STYLE_UNDERLINE, .curses = WA_UNDERLINE },
	{ .flag = STYLE_REVERSE, .curses = WA_REVERSE },
	{ .flag = STYLE_DIM, .curses = WA_DIM },
	{ .flag = STYLE_ITALIC, .curses = WA_ITALIC },
};

attr_t render_curses_attrs(int attrs)
{
	attr_t a = WA_NORMAL;
	for (size_t i = 0; i < sizeof attr_map / sizeof attr_map[0]; i++)
		if (attrs & attr_map[i].flag)
			a |= attr_map[i].curses;
	return a;
}

int render_style_attrs(attr_t a)
{
	int attrs = 0;
	for (size_t i = 0; i < sizeof attr_map / sizeof attr_map[0]; i++)
		if (a & attr_map[i].curses)
			attrs |= attr_map[i].flag;
	return attrs;
}

_Static_assert(ROLE_COUNT <= 64, "a cell's roles are a 64-bit mask");

paint render_paint(const renderer *rn, style_role r)
{
	return (paint){ .look = style_of(r, rn->color),
	                .roles = r == ROLE_NORMAL ? 0 : UINT64_C(1) << r };
}

paint render_paint_over(paint under, paint over)
{
	return (paint){ .look = render_compose(under.look, over.look),
	                .roles = under.roles | over.roles };
}

