/* geometry.c - the screen split into rectangles; see geometry.h. */
#include "geometry.h"

#include <stdio.h>
#include <string.h>

/* The help box is no wider than this, so its lines stay readable. */
#define HELP_MAX_WIDTH 76

static const char *const tab_labels[PANE_COUNT] = {
	[PANE_TEXT] = " 1 Text ",
	[PANE_ENTITIES] = " 2 Entities ",
	[PANE_QUOTES] = " 3 Quotes ",
};

static rect rect_make(int x, int y, int w, int h)
{
	return (rect){ .x = x, .y = y, .w = w > 0 ? w : 0, .h = h > 0 ? h : 0 };
}

static bool rect_holds(rect r, int x, int y)
{
	return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

/* A pane with a one-row title above its body. */
static pane_rect pane_titled(rect frame)
{
	return (pane_rect){
		.frame = frame,
		.title = rect_make(frame.x, frame.y, frame.w, 1),
		.body = rect_make(frame.x, frame.y + 1, frame.w, frame.h - 1),
	};
}

static pane_rect pane_untitled(rect frame)
{
	return (pane_rect){ .frame = frame, .body = frame };
}

static void split_wide(geometry *g, bool entities)
{
	int text_w = g->cols * GEOM_TEXT_PERCENT / 100;
	int right_x = text_w + 1;
	int right_w = g->cols - right_x;
	int main_h = g->main.h;
	int ents_h = entities ? main_h / 2 : 0;

	g->wide = true;
	g->separator = rect_make(text_w, g->main.y, 1, main_h);
	g->pane[PANE_TEXT] = pane_untitled(rect_make(0, g->main.y, text_w, main_h));
	g->pane[PANE_ENTITIES] = entities
		? pane_titled(rect_make(right_x, g->main.y, right_w, ents_h))
		: pane_untitled(rect_make(right_x, g->main.y, right_w, 0));
	g->pane[PANE_QUOTES] = pane_titled(rect_make(right_x, g->main.y + ents_h,
	                                             right_w, main_h - ents_h));
}

static void split_narrow(geometry *g)
{
	rect body = rect_make(0, g->main.y + 1, g->cols, g->main.h - 1);

	g->wide = false;
	g->tabs = rect_make(0, g->main.y, g->cols, 1);
	for (int p = 0; p < PANE_COUNT; p++)
		g->pane[p] = pane_untitled(body);
}

geometry geometry_compute(int cols, int rows)
{
	return geometry_compute_panes(cols, rows, true);
}

geometry geometry_compute_panes(int cols, int rows, bool entities)
{
	geometry g = { .cols = cols, .rows = rows };

	if (cols < GEOM_MIN_COLS || rows < GEOM_MIN_ROWS) {
		g.too_small = true;
		return g;
	}
	g.title = rect_make(0, 0, cols, 1);
	g.status = rect_make(0, rows - 1, cols, 1);
	g.main = rect_make(0, 1, cols, rows - 2);
	if (cols >= GEOM_WIDE_COLS)
		split_wide(&g, entities);
	else
		split_narrow(&g);

	rect text = g.pane[PANE_TEXT].body;
	g.gutter = rect_make(text.x, text.y, GEOM_GUTTER, text.h);
	g.text = rect_make(text.x + GEOM_GUTTER, text.y, text.w - GEOM_GUTTER,
	                   text.h);

	int help_w = cols - 4 < HELP_MAX_WIDTH ? cols - 4 : HELP_MAX_WIDTH;
	g.help = rect_make((cols - help_w) / 2, 1, help_w, rows - 2);
	return g;
}

int geometry_small_text(int cols, int rows, char lines[2][GEOM_SMALL_TEXT])
{
	char need[32], have[GEOM_SMALL_TEXT];
	snprintf(need, sizeof need, "need %dx%d", GEOM_MIN_COLS, GEOM_MIN_ROWS);
	snprintf(have, sizeof have, "%s, have %dx%d", need, cols, rows);
	char one[GEOM_SMALL_TEXT], short_one[GEOM_SMALL_TEXT];
	snprintf(one, sizeof one, "terminal too small: %s", need);
	snprintf(short_one, sizeof short_one, "too small: %s", need);
	/* Most telling first: each choice says less, so that what is shown
	 * always says what is wrong rather than a cut half of it. */
	const char *const choices[][2] = {
		{ "terminal too small", have },
		{ "terminal too small", need },
		{ one, "" },
		{ "too small", need },
		{ short_one, "" },
		{ "terminal too small", "" },
		{ "too small", "" },
		{ "small", "" },
		{ "!", "" },
	};
	size_t n = sizeof choices / sizeof choices[0];
	size_t pick = n - 1;
	for (size_t i = 0; i < n; i++) {
		int used = choices[i][1][0] ? 2 : 1;
		if ((int)strlen(choices[i][0]) <= cols && (int)strlen(choices[i][1]) <= cols
		    && used <= rows) {
			pick = i;
			break;
		}
	}
	snprintf(lines[0], GEOM_SMALL_TEXT, "%s", choices[pick][0]);
	snprintf(lines[1], GEOM_SMALL_TEXT, "%s", choices[pick][1]);
	return lines[1][0] ? 2 : 1;
}

int geometry_text_width(const geometry *g)
{
	return g->text.w > 0 ? g->text.w : 1;
}

int geometry_body_rows(const geometry *g, pane_id pane)
{
	if (g->too_small || pane < 0 || pane >= PANE_COUNT)
		return 0;
	return g->pane[pane].body.h;
}

pane_id geometry_pane_at(const geometry *g, int x, int y, pane_id visible)
{
	if (g->too_small)
		return PANE_NONE;
	if (!g->wide) {
		if (visible < 0 || visible >= PANE_COUNT)
			return PANE_NONE;
		return rect_holds(g->pane[visible].frame, x, y) ? visible : PANE_NONE;
	}
	for (int p = 0; p < PANE_COUNT; p++)
		if (rect_holds(g->pane[p].frame, x, y))
			return (pane_id)p;
	return PANE_NONE;
}

const char *geometry_tab_label(pane_id pane)
{
	if (pane < 0 || pane >= PANE_COUNT)
		return "";
	return tab_labels[pane];
}

int geometry_tab_x(pane_id pane)
{
	int x = 0;

	for (int p = 0; p < pane && p < PANE_COUNT; p++)
		x += (int)strlen(tab_labels[p]);
	return x;
}

pane_id geometry_tab_at(const geometry *g, int x)
{
	if (g->too_small || g->wide || x < 0)
		return PANE_NONE;
	for (int p = 0; p < PANE_COUNT; p++) {
		int start = geometry_tab_x((pane_id)p);
		if (x >= start && x < start + (int)strlen(tab_labels[p]))
			return (pane_id)p;
	}
	return PANE_NONE;
}
