/* render_private.h - what render.c takes from render_look.c and nobody
 * else sees: colour pairs, the looks of roles, the record of cells. */
#ifndef QUOTH_RENDER_PRIVATE_H
#define QUOTH_RENDER_PRIVATE_H

#include <stdint.h>

#include "render.h"
#include "style.h"

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

#endif
