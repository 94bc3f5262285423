/* render.h - draws the app onto the curses screen; the only code that
 * calls curses drawing functions.
 *
 * One pass per frame: everything is drawn into stdscr, then one
 * wnoutrefresh + doupdate.  Every string shown goes through text_next(),
 * so no control character from an article reaches the terminal, and every
 * colour and attribute comes from the role table of style.h. */
#ifndef QUOTH_RENDER_H
#define QUOTH_RENDER_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "app.h"
#include "style.h"

typedef enum color_mode {
	COLOR_MODE_AUTO,
	COLOR_MODE_ALWAYS,
	COLOR_MODE_NEVER,
} color_mode;

typedef struct renderer {
	bool color;     /* roles drawn from the colour column of style.h */
	/* When record is set (by the snapshot), each frame also notes which
	 * roles every cell was drawn with: bit r of cells[y * cols + x] for
	 * role r (plain text is no bit).  Owned; render_free releases it. */
	bool record;
	uint64_t *cells;
	int cols;
	int rows;
} renderer;

/* Whether mode means colour on the current terminal (call after newterm):
 * never -> no; always -> yes if the terminal has colours at all; auto ->
 * yes unless NO_COLOR is set and not empty or the terminal has none.
 * no_color is the value of NO_COLOR (may be NULL), passed in so that the
 * snapshot can ignore the environment. */
bool render_wants_color(color_mode mode, const char *no_color);

/* Sets up the renderer on the current screen: colour pairs for every
 * foreground/background of the role table when color is true (then
 * start_color and use_default_colors, so the terminal keeps its own
 * background), cursor hidden. */
void render_init(renderer *rn, bool color);

/* Releases what render_init and the frames allocated. */
void render_free(renderer *rn);

/* Draws the whole screen for ap and shows it (one doupdate).  full:
 * repaint every cell, not only what changed (Ctrl-L, back from Ctrl-Z). */
void render_frame(renderer *rn, app *ap, bool full);

/* The roles cell (x, y) was drawn with in the last frame (see record); 0
 * for plain text, outside the screen, or when not recording. */
uint64_t render_cell_roles(const renderer *rn, int x, int y);

/* The look of a layer painted over another: a colour set in over replaces
 * the one below, attributes add up.  Layers are painted in role order, so
 * the snapshot legend can name a cell by the roles that compose it. */
style render_compose(style under, style over);

/* The curses attributes drawn for STYLE_* flags attrs, and the STYLE_*
 * flags of curses attributes a (how the snapshot reads a cell back); one
 * table serves both, so they cannot disagree. */
attr_t render_curses_attrs(int attrs);
int render_style_attrs(attr_t a);

#endif
