/* app.c - the program's state and its one event dispatch; see app.h.
 * The screens and boxes it hands events to are in app_library.c,
 * app_speakers.c, app_overlay.c and app_compare.c, the open article in
 * app_article.c (app_private.h). */
#include "app.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "actions.h"
#include "app_compare.h"
#include "app_private.h"
#include "app_speakers.h"
#include "keymap.h"

/* ====================================================================
 * Life cycle
 * ==================================================================== */

static app *app_alloc(int cols, int rows)
{
	app *ap = calloc(1, sizeof *ap);

	if (!ap)
		return NULL;
	ap->cols = cols;
	ap->rows = rows;
	ap->geo = geometry_compute(cols, rows);
	return ap;
}

app *app_new_article(article *a, int cols, int rows)
{
	app *ap = app_alloc(cols, rows);

	if (!ap) {
		article_free(a);
		return NULL;
	}
	ap->art = a;
	ap->rd = reader_new(a, cols, rows);
	if (!ap->rd) {
		app_free(ap);
		return NULL;
	}
	ap->screen = APP_SCREEN_READER;
	return ap;
}

app *app_new_library_reading(const char *dir, int cols, int rows,
                             size_t threads, size_t limit)
{
	app *ap = app_alloc(cols, rows);

	if (!ap)
		return NULL;
	ap->lib = library_open(dir, threads, limit);
	ap->lib_threads = threads;
	if (!ap->lib) {
		app_free(ap);
		return NULL;
	}
	if (threads == 0)
		library_wait(ap->lib);  /* up to the limit, on this thread */
	library_poll(ap->lib);
	ap->lib_view.n = ap->lib->n;
	ap->lib_opened = SIZE_MAX;
	ap->screen = APP_SCREEN_LIBRARY;
	return ap;
}

app *app_new_library(const char *dir, int cols, int rows)
{
	return app_new_library_reading(dir, cols, rows, 0, SIZE_MAX);
}

void app_free(app *ap)
{
	if (!ap)
		return;
	app_article_close(ap);
	app_speakers_close(ap);
	library_free(ap->lib);
	overlay_rows_free(&ap->overlay_rows);
	diag_list_free(&ap->problems);
	free(ap);
}

/* ====================================================================
 * The reader screen
 * ==================================================================== */

/* The reader's flags are the app's but for HANDLER_CLOSE: leaving the
 * article goes back to the library, or ends the program without one. */
static handler_result from_reader(app *ap, handler_result flags)
{
	if (flags & (HANDLER_NEXT_ARTICLE | HANDLER_PREV_ARTICLE))
		return app_library_open_neighbour(ap, flags & HANDLER_NEXT_ARTICLE ? 1 : -1);
	if (!(flags & HANDLER_CLOSE) || !ap->lib)
		return flags;
	app_article_close(ap);
	ap->screen = ap->reader_from == APP_SCREEN_SPEAKERS && ap->sv ? APP_SCREEN_SPEAKERS
	                                                            : APP_SCREEN_LIBRARY;
	app_library_back(ap);
	return (handler_result)((flags & ~HANDLER_CLOSE) | HANDLER_REDRAW);
}

static handler_result reader_screen_key(app *ap, int key)
{
	if (ap->rd->search.editing && ap->geo.too_small)
		return HANDLER_IGNORED;
	if (ap->rd->search.editing)
		return from_reader(ap, reader_search_key(ap->rd, key));
	handler_result cmp;
	if (app_compare_key(ap, key, &cmp))     /* issue 15: c, and ] [ q comparing */
		return from_reader(ap, cmp);
	action act = keymap_lookup(key);
	if (act == ACT_HELP)
		return app_help_open(ap);
	if (act == ACT_EDIT || act == ACT_RELOAD)
		return app_loop_action(ap, act);
	if (app_overlay_of(act) != OVERLAY_NONE)
		return app_overlay_open(ap, app_overlay_of(act));
	if (act == ACT_SPEAKERS)
		return app_speakers_overlay_open(ap);
	return from_reader(ap, reader_apply(ap->rd, act));
}

/* ====================================================================
 * Dispatch
 * ==================================================================== */

static handler_result on_resize(app *ap, int cols, int rows)
{
	ap->cols = cols;
	ap->rows = rows;
	ap->geo = geometry_compute(cols, rows);
	if (ap->rd)
		reader_resize(ap->rd, cols, rows);
	if (ap->geo.too_small)
		ap->help = false;
	else
		app_help_scroll(ap, 0);
	app_overlay_rebuild(ap);
	listview_follow(&ap->lib_view, app_library_rows(ap));
	app_speakers_resized(ap);
	return HANDLER_REDRAW;
}

static handler_result on_key(app *ap, int key)
{
	if (ap->help)
		return app_help_key(ap, key);
	if (ap->speakers_overlay) {     /* any key closes it, as the help */
		ap->speakers_overlay = false;
		return HANDLER_REDRAW;
	}
	if (ap->overlay != OVERLAY_NONE)
		return app_overlay_key(ap, key);
	if (ap->screen == APP_SCREEN_READER)
		return reader_screen_key(ap, key);
	action act = keymap_lookup(key);
	if (ap->geo.too_small && act != ACT_QUIT && act != ACT_REDRAW)
		return HANDLER_IGNORED;
	if (ap->screen == APP_SCREEN_SPEAKERS)
		return act == ACT_HELP ? app_help_open(ap) : app_speakers_action(ap, act);
	if (ap->lib_filtering)
		return app_library_filter_key(ap, key);
	return app_library_action(ap, act);
}

static handler_result on_mouse(app *ap, const input_event *ev)
{
	bool wheel = ev->type != INPUT_CLICK;
	int delta = ev->type == INPUT_WHEEL_DOWN ? 1 : -1;

	if (ap->geo.too_small)
		return HANDLER_IGNORED;
	if (ap->speakers_overlay) {
		ap->speakers_overlay = false;
		return HANDLER_REDRAW;
	}
	if (ap->help) {
		if (!wheel) {
			ap->help = false;
			return HANDLER_REDRAW;
		}
		app_help_scroll(ap, delta * INPUT_WHEEL_ROWS);
		return HANDLER_REDRAW;
	}
	if (ap->overlay != OVERLAY_NONE) {
		if (!wheel)
			app_overlay_close(ap);
		else
			app_overlay_scroll(ap, delta * INPUT_WHEEL_ROWS);
		return HANDLER_REDRAW;
	}
	if (ap->screen == APP_SCREEN_READER) {
		if (wheel)
			return from_reader(ap, reader_wheel(ap->rd, ev->x, ev->y, delta));
		return from_reader(ap, reader_click(ap->rd, ev->x, ev->y));
	}
	if (ap->screen == APP_SCREEN_SPEAKERS)
		return wheel ? app_speakers_wheel(ap, delta) : app_speakers_click(ap, ev->y);
	return wheel ? app_library_wheel(ap, delta) : app_library_click(ap, ev->y);
}

handler_result app_handle(app *ap, const input_event *ev)
{
	switch (ev->type) {
	case INPUT_KEY: return on_key(ap, ev->key);
	case INPUT_RESIZE: return on_resize(ap, ev->x, ev->y);
	case INPUT_CLICK:
	case INPUT_WHEEL_UP:
	case INPUT_WHEEL_DOWN: return on_mouse(ap, ev);
	}
	return HANDLER_IGNORED;
}

/* ====================================================================
 * Words for the title and status lines
 * ==================================================================== */

void app_title(const app *ap, char *buf, size_t n)
{
	if (n == 0)
		return;
	if (app_compare_title(ap, buf, n))
		return;
	if (ap->screen == APP_SCREEN_READER && ap->rd) {
		reader_title(ap->rd, buf, n);
		return;
	}
	if (ap->screen == APP_SCREEN_SPEAKERS) {
		app_speakers_title(ap, buf, n);
		return;
	}
	app_library_title(ap, buf, n);
}

void app_status(const app *ap, char *buf, size_t n)
{
	if (n == 0)
		return;
	if (app_compare_status(ap, buf, n))
		return;
	if (ap->screen == APP_SCREEN_READER && ap->rd) {
		reader_status(ap->rd, buf, n);
		return;
	}
	if (ap->screen == APP_SCREEN_SPEAKERS)
		app_speakers_status(ap, buf, n);
	else if (ap->lib && ap->lib->error)
		snprintf(buf, n, "library  %s", ap->lib->error);
	else if (ap->lib)
		app_library_status(ap, buf, n);
	else
		buf[0] = '\0';
}
