/* geometry.h - where each part of the screen goes, as plain rectangles.
 *
 * A pure function of the terminal size: no curses, no state.  The reader
 * and the renderer both read the same geometry, so a mouse click and a
 * drawn pane always agree.
 *
 * Wide (cols >= GEOM_WIDE_COLS):          Narrow:
 *   row 0      title line                   row 0      title line
 *   text | entities (title row + list)      row 1      tab bar
 *   text | quotes   (title row + list)      rows 2..   the pane of the tab
 *   last row   status line                  last row   status line
 *
 * The text pane is about 60% of the width, then one separator column,
 * then the entities pane above the quotes pane.  The text pane has no
 * title row; its first GEOM_GUTTER columns are the gutter for quote marks.
 *
 * Below GEOM_MIN_COLS x GEOM_MIN_ROWS the geometry is too_small: every
 * rectangle is empty and the renderer shows "terminal too small". */
#ifndef QUOTH_GEOMETRY_H
#define QUOTH_GEOMETRY_H

#include <stdbool.h>

#define GEOM_MIN_COLS 30
#define GEOM_MIN_ROWS 8
/* From this width on, the three panes are side by side. */
#define GEOM_WIDE_COLS 100
/* Percentage of the width given to the text pane in wide mode. */
#define GEOM_TEXT_PERCENT 60
/* Columns at the left of the text pane for the quote marks. */
#define GEOM_GUTTER 2

/* A rectangle of cells; w or h 0 means "not shown". */
typedef struct rect {
	int x;
	int y;
	int w;
	int h;
} rect;

typedef enum pane_id {
	PANE_TEXT,
	PANE_ENTITIES,
	PANE_QUOTES,
	PANE_COUNT,
	PANE_NONE = -1,
} pane_id;

/* One pane: frame = title + body.  title.h is 0 when the pane has no
 * title row (the text pane, and every pane in narrow mode). */
typedef struct pane_rect {
	rect frame;
	rect title;
	rect body;
} pane_rect;

typedef struct geometry {
	int cols;
	int rows;
	bool too_small;
	bool wide;
	rect title;         /* row 0, full width */
	rect status;        /* last row, full width */
	rect tabs;          /* narrow mode: the tab bar row; h 0 in wide mode */
	rect separator;     /* wide mode: the vertical line; w 0 in narrow */
	rect main;          /* everything between the title and the status
	                       line (the library list uses it) */
	rect help;          /* the help overlay box, border included */
	/* In narrow mode the three panes share the same rectangle; only the
	 * pane of the current tab is drawn. */
	pane_rect pane[PANE_COUNT];
	rect gutter;        /* the quote-mark columns of the text pane */
	rect text;          /* the text columns of the text pane */
} geometry;

/* The geometry of a cols x rows terminal. */
geometry geometry_compute(int cols, int rows);

/* The same for an article with or without entities: without, in wide
 * mode, the quotes pane takes the whole right column and the entities
 * pane is empty (h 0), rather than a pane with nothing in it. */
geometry geometry_compute_panes(int cols, int rows, bool entities);

/* The too-small message for a cols x rows terminal: up to two lines
 * (each of at most GEOM_SMALL_TEXT - 1 bytes, ASCII, so bytes are
 * columns), the most telling that fit, down to "!" at 1x1.  Writes
 * lines[0] and lines[1] ("" when unused); returns how many are used. */
#define GEOM_SMALL_TEXT 80
int geometry_small_text(int cols, int rows, char lines[2][GEOM_SMALL_TEXT]);

/* Width to wrap the text at: text.w, at least 1 (also when too small). */
int geometry_text_width(const geometry *g);

/* Rows of a pane's body (0 when too small). */
int geometry_body_rows(const geometry *g, pane_id pane);

/* The pane whose frame holds cell (x, y); in narrow mode only the pane of
 * the visible tab counts.  PANE_NONE for the title, tab bar, separator and
 * status rows, or when too small. */
pane_id geometry_pane_at(const geometry *g, int x, int y, pane_id visible);

/* The tab bar label of a pane (" 1 Text ", ...), and its first column in
 * the tab bar; the labels are drawn one after the other from column 0. */
const char *geometry_tab_label(pane_id pane);
int geometry_tab_x(pane_id pane);

/* The tab under column x of the tab bar, or PANE_NONE. */
pane_id geometry_tab_at(const geometry *g, int x);

#endif
