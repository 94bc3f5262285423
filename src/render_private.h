/* render_private.h - what the render_*.c files share and nobody else
 * sees: colour pairs, the looks of roles and the record of cells
 * (render_look.c), the pen that writes cells (render_pen.c), the lists
 * (render_lists.c) and the overlays (render_overlay.c) render.c's frame
 * draws.  Calls run one way: render.c -> render_lists.c and
 * render_overlay.c -> render_pen.c -> render_look.c. */
#ifndef QUOTH_RENDER_PRIVATE_H
#define QUOTH_RENDER_PRIVATE_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "geometry.h"
#include "render.h"
#include "style.h"
#include "text.h"

struct compare_view;

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
#define ELLIPSIS   0x2026  /* … ends a cut line */

/* A look and the roles it was composed from (plain text is no role). */
typedef struct paint {
	style look;
	uint64_t roles;
} paint;

/* The colour pair of fg on bg, as render_init made them. */
short render_pair(style_color fg, style_color bg);

/* How role r is drawn on this renderer (colour or monochrome). */
paint render_paint(const renderer *rn, style_role r);

/* over painted on under: its look composed (render_compose), the roles of
 * both. */
paint render_paint_over(paint under, paint over);

/* Starts a frame's record of roles (when rn->record), sized to the
 * screen and cleared. */
void render_record_start(renderer *rn);

/* Notes roles for the width cells from (x, y) of the frame's record. */
void render_record_cells(const renderer *rn, int x, int y, int width,
                         uint64_t roles);

/* ---- render_pen.c: writing cells ---- */

/* Writes display units left to right on one row, up to a right edge.  A
 * cell is kept pending until the next unit, so combining marks that
 * follow can join it. */
typedef struct render_pen {
	const renderer *rn;
	int y;
	int x;          /* column of the pending cell, or of the next one */
	int right;      /* first column past the area */
	wchar_t wc[CCHARW_MAX + 1];
	int nwc;        /* code points in the pending cell; 0 if none */
	int width;
	paint look;
} render_pen;

/* A pen on row y from column x, w columns wide. */
render_pen render_pen_at(const renderer *rn, int y, int x, int w);
/* Draws the pending cell, if any. */
void render_pen_flush(render_pen *p);
/* Adds one unit of text in look; false once the row is full. */
bool render_pen_glyph(render_pen *p, const glyph *g, paint look);
/* Adds one single-width character (box drawing, marks). */
bool render_pen_char(render_pen *p, uint32_t cp, paint look);
/* Draws s[0..len) in one look, as much as fits; false when not all of
 * it did. */
bool render_pen_text(render_pen *p, const char *s, size_t len, paint look);
void render_pen_str(render_pen *p, const char *s, paint look);
/* Draws s in look; when it is wider than the room left, it is cut one
 * column early and ends in "…", so a cut never passes for the whole. */
void render_pen_str_cut(render_pen *p, const char *s, paint look);
/* Fills the rest of the pen's row with ch in look. */
void render_pen_fill(render_pen *p, uint32_t ch, paint look);
/* A whole row of r: s in look, the rest filled with spaces in look. */
void render_line(const renderer *rn, rect r, const char *s, paint look);

/* ---- render_lists.c: the lists ---- */

/* The library's rows, and the speakers screen's header and rows, in the
 * main area of g. */
void render_library(const renderer *rn, const app *ap, const geometry *g);
void render_speakers(const renderer *rn, const app *ap, const geometry *g);
/* The reader's entities and quotes panes, and the title of pane id; cv:
 * the compare view over the reader, or NULL. */
void render_pane_title(const renderer *rn, const reader *r,
                       const struct compare_view *cv, pane_id id);
void render_entities(const renderer *rn, const reader *r);
void render_quotes(const renderer *rn, const reader *r, const struct compare_view *cv);

/* ---- render_overlay.c: over the screen, in the help's box of g ---- */

void render_overlay_help(const renderer *rn, const app *ap, const geometry *g);
void render_overlay_box(const renderer *rn, const app *ap, const geometry *g);
void render_overlay_speakers(const renderer *rn, const app *ap, const geometry *g);

#endif
