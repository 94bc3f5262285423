/* app_overlay.c - the help and the reader's boxes (d: the quote's
 * details, i: the article, !: the problems): opening them, scrolling them
 * with j and k, closing them with any other key.  A leaf of the app's
 * screens; see app_private.h.  The speakers overlay (S in the reader) is
 * app_speakers.c's. */
#include "app_private.h"

#include "keymap.h"

/* ====================================================================
 * The help overlay
 * ==================================================================== */

/* The help lists what works on the screen it is opened on. */
static unsigned help_where(const app *ap)
{
	switch (ap->screen) {
	case APP_SCREEN_READER: return KEYMAP_READER;
	case APP_SCREEN_SPEAKERS: return KEYMAP_SPEAKERS;
	default: return KEYMAP_LIBRARY;
	}
}

size_t app_help_count(const app *ap)
{
	return keymap_help_count_for(help_where(ap));
}

const char *app_help_line(const app *ap, size_t i, char *buf, size_t n)
{
	return keymap_help_line_for(help_where(ap), i, buf, n);
}

/* Lines the help and the boxes show: their box's height without the
 * border (they take the same place). */
static size_t box_rows(const app *ap)
{
	int h = ap->geo.help.h - 2;
	return h > 0 ? (size_t)h : 1;
}

static size_t help_max_top(const app *ap)
{
	size_t n = app_help_count(ap);
	size_t rows = box_rows(ap);
	return n > rows ? n - rows : 0;
}

void app_help_scroll(app *ap, long delta)
{
	long top = (long)ap->help_top + delta;
	long max = (long)help_max_top(ap);
	ap->help_top = top < 0 ? 0 : top > max ? (size_t)max : (size_t)top;
}

/* While the help is open: j/k scroll it when it is longer than the box,
 * any other key closes it. */
handler_result app_help_key(app *ap, int key)
{
	action act = keymap_lookup(key);
	bool scrolls = app_help_count(ap) > box_rows(ap);

	if (scrolls && (act == ACT_DOWN || act == ACT_UP)) {
		app_help_scroll(ap, act == ACT_DOWN ? 1 : -1);
		return HANDLER_REDRAW;
	}
	ap->help = false;
	return HANDLER_REDRAW;
}

handler_result app_help_open(app *ap)
{
	if (ap->geo.too_small)
		return HANDLER_IGNORED;
	ap->help = true;
	ap->help_top = 0;
	return HANDLER_REDRAW;
}

/* ====================================================================
 * The reader's boxes: details of the quote, the article, the problems
 * ==================================================================== */

void app_overlay_scroll(app *ap, long delta)
{
	size_t n = ap->overlay_rows.n, rows = box_rows(ap);
	long max = n > rows ? (long)(n - rows) : 0;
	long top = (long)ap->overlay_top + delta;
	ap->overlay_top = top < 0 ? 0 : top > max ? (size_t)max : (size_t)top;
}

/* (Re)wraps the open box's rows to the box; closes it when that fails
 * or the screen is too small, so an open box always has its rows. */
void app_overlay_rebuild(app *ap)
{
	if (ap->overlay == OVERLAY_NONE)
		return;
	if (ap->geo.too_small || !ap->rd
	    || !overlay_build(&ap->overlay_rows, ap->overlay, ap->rd,
	                      &ap->problems, ap->geo.help.w - 2)) {
		ap->overlay = OVERLAY_NONE;
		overlay_rows_free(&ap->overlay_rows);
		return;
	}
	app_overlay_scroll(ap, 0);
}

handler_result app_overlay_open(app *ap, overlay_kind kind)
{
	if (ap->geo.too_small)
		return HANDLER_IGNORED;
	ap->overlay = kind;
	ap->overlay_top = 0;
	app_overlay_rebuild(ap);
	return HANDLER_REDRAW;
}

void app_overlay_close(app *ap)
{
	ap->overlay = OVERLAY_NONE;
	overlay_rows_free(&ap->overlay_rows);
}

/* While a box is open: j/k scroll it when it is longer than the box,
 * any other key closes it (as the help does). */
handler_result app_overlay_key(app *ap, int key)
{
	action act = keymap_lookup(key);

	if (ap->overlay_rows.n > box_rows(ap)
	    && (act == ACT_DOWN || act == ACT_UP)) {
		app_overlay_scroll(ap, act == ACT_DOWN ? 1 : -1);
		return HANDLER_REDRAW;
	}
	app_overlay_close(ap);
	return HANDLER_REDRAW;
}

/* The box an action opens on the reader, or OVERLAY_NONE. */
overlay_kind app_overlay_of(action act)
{
	switch (act) {
	case ACT_DETAIL: return OVERLAY_DETAIL;
	case ACT_INFO: return OVERLAY_INFO;
	case ACT_PROBLEMS: return OVERLAY_PROBLEMS;
	default: return OVERLAY_NONE;
	}
}

