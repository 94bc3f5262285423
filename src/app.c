/* app.c - the program's state and its one event dispatch; see app.h. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "diag.h"
#include "keymap.h"
#include "loader.h"

/* Rows the mouse wheel scrolls a list or the help. */
#define WHEEL_ROWS 3

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

app *app_new_library(const char *dir, int cols, int rows)
{
	app *ap = app_alloc(cols, rows);

	if (!ap)
		return NULL;
	ap->lib = library_load(dir);
	if (!ap->lib) {
		app_free(ap);
		return NULL;
	}
	ap->lib_view.n = ap->lib->n;
	ap->screen = APP_SCREEN_LIBRARY;
	return ap;
}

void app_set_types(app *ap, const char *types)
{
	ap->types = types;
	if (ap->rd)
		reader_types_show_only(ap->rd, types);
}

static void close_article(app *ap)
{
	/* The boxes speak of the article: they go with it. */
	ap->overlay = OVERLAY_NONE;
	overlay_rows_free(&ap->overlay_rows);
	diag_list_free(&ap->problems);
	reader_free(ap->rd);
	article_free(ap->art);
	ap->rd = NULL;
	ap->art = NULL;
}

void app_free(app *ap)
{
	if (!ap)
		return;
	close_article(ap);
	library_free(ap->lib);
	overlay_rows_free(&ap->overlay_rows);
	diag_list_free(&ap->problems);
	free(ap);
}

/* ====================================================================
 * The help overlay
 * ==================================================================== */

size_t app_help_count(const app *ap)
{
	(void)ap;
	return keymap_help_count();
}

const char *app_help_line(const app *ap, size_t i, char *buf, size_t n)
{
	(void)ap;
	return keymap_help_line(i, buf, n);
}

/* Lines the help box shows: its height without the border. */
static size_t help_rows(const app *ap)
{
	int h = ap->geo.help.h - 2;
	return h > 0 ? (size_t)h : 1;
}

static size_t help_max_top(const app *ap)
{
	size_t n = app_help_count(ap);
	size_t rows = help_rows(ap);
	return n > rows ? n - rows : 0;
}

static void help_scroll(app *ap, long delta)
{
	long top = (long)ap->help_top + delta;
	long max = (long)help_max_top(ap);
	ap->help_top = top < 0 ? 0 : top > max ? (size_t)max : (size_t)top;
}

/* While the help is open: j/k scroll it when it is longer than the box,
 * any other key closes it. */
static handler_result help_key(app *ap, int key)
{
	action act = keymap_lookup(key);
	bool scrolls = app_help_count(ap) > help_rows(ap);

	if (scrolls && (act == ACT_DOWN || act == ACT_UP)) {
		help_scroll(ap, act == ACT_DOWN ? 1 : -1);
		return HANDLER_REDRAW;
	}
	ap->help = false;
	return HANDLER_REDRAW;
}

static handler_result help_open(app *ap)
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

bool app_set_problems(app *ap, const diag_list *problems)
{
	diag_list copy = { 0 };

	for (size_t i = 0; problems && i < problems->n; i++) {
		const diag *d = &problems->items[i];
		diag_add(&copy, d->file ? d->file : "", d->line, d->col, "%s",
		         d->message ? d->message : "");
		if (copy.n != i + 1) {
			diag_list_free(&copy);
			diag_list_free(&ap->problems);
			return false;
		}
	}
	diag_list_free(&ap->problems);
	ap->problems = copy;
	return true;
}

/* Rows the box shows: its height without the border. */
static size_t overlay_box_rows(const app *ap)
{
	int h = ap->geo.help.h - 2;
	return h > 0 ? (size_t)h : 1;
}

static void overlay_scroll(app *ap, long delta)
{
	size_t n = ap->overlay_rows.n, rows = overlay_box_rows(ap);
	long max = n > rows ? (long)(n - rows) : 0;
	long top = (long)ap->overlay_top + delta;
	ap->overlay_top = top < 0 ? 0 : top > max ? (size_t)max : (size_t)top;
}

/* (Re)wraps the open box's rows to the box; closes it when that fails
 * or the screen is too small, so an open box always has its rows. */
static void overlay_rebuild(app *ap)
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
	overlay_scroll(ap, 0);
}

static handler_result overlay_open(app *ap, overlay_kind kind)
{
	if (ap->geo.too_small)
		return HANDLER_IGNORED;
	ap->overlay = kind;
	ap->overlay_top = 0;
	overlay_rebuild(ap);
	return HANDLER_REDRAW;
}

static void overlay_close(app *ap)
{
	ap->overlay = OVERLAY_NONE;
	overlay_rows_free(&ap->overlay_rows);
}

/* While a box is open: j/k scroll it when it is longer than the box,
 * any other key closes it (as the help does). */
static handler_result overlay_key(app *ap, int key)
{
	action act = keymap_lookup(key);

	if (ap->overlay_rows.n > overlay_box_rows(ap)
	    && (act == ACT_DOWN || act == ACT_UP)) {
		overlay_scroll(ap, act == ACT_DOWN ? 1 : -1);
		return HANDLER_REDRAW;
	}
	overlay_close(ap);
	return HANDLER_REDRAW;
}

/* The box an action opens on the reader, or OVERLAY_NONE. */
static overlay_kind overlay_of(action act)
{
	switch (act) {
	case ACT_DETAIL: return OVERLAY_DETAIL;
	case ACT_INFO: return OVERLAY_INFO;
	case ACT_PROBLEMS: return OVERLAY_PROBLEMS;
	default: return OVERLAY_NONE;
	}
}

/* ====================================================================
 * The library screen
 * ==================================================================== */

static size_t lib_count(const app *ap)
{
	return ap->lib ? ap->lib->n : 0;
}

static size_t lib_rows(const app *ap)
{
	return ap->geo.main.h > 0 ? (size_t)ap->geo.main.h : 1;
}

/* Opens library entry i in place of the open article, if any; false,
 * with the reason in ap->message and the open article kept, when it
 * does not load. */
static bool lib_load(app *ap, size_t i)
{
	const library_entry *e = &ap->lib->items[i];
	diag_list diags = { 0 };
	article *a = NULL;

	if (load_article(e->path, &a, &diags) != 0 || !a) {
		char *err = library_first_error(&diags);
		snprintf(ap->message, sizeof ap->message, "cannot open %s: %s",
		         e->file, err ? err : "out of memory");
		free(err);
		article_free(a);
		diag_list_free(&diags);
		return false;
	}
	diag_list_free(&diags);
	reader *rd = reader_new(a, ap->cols, ap->rows);
	if (!rd) {
		article_free(a);
		snprintf(ap->message, sizeof ap->message, "cannot open %s: %s",
		         e->file, "out of memory");
		return false;
	}
	close_article(ap);
	ap->art = a;
	ap->rd = rd;
	if (ap->types)
		reader_types_show_only(rd, ap->types);
	ap->screen = APP_SCREEN_READER;
	return true;
}

static void lib_open(app *ap)
{
	if (lib_count(ap) > 0)
		lib_load(ap, ap->lib_view.cursor);
}

/* wt-state (issue 12): J and K in the reader open the library's next or
 * previous article (dir 1, -1) without going back to the list, wrapping
 * at the ends; an article that does not load is passed over, and when
 * none does the reader stays and says why. */
static handler_result app_open_neighbour(app *ap, int dir)
{
	size_t n = lib_count(ap);

	if (n == 0) {
		reader_set_message(ap->rd, true, "no library: quoth was opened on one article");
		return HANDLER_REDRAW;
	}
	size_t i = ap->lib_view.cursor;
	for (size_t tries = 1; tries < n; tries++) {
		bool wrapped = dir > 0 ? i + 1 == n : i == 0;
		i = dir > 0 ? (i + 1) % n : (i + n - 1) % n;
		if (!lib_load(ap, i))
			continue;
		listview_set_cursor(&ap->lib_view, i, lib_rows(ap));
		ap->message[0] = '\0';
		if (wrapped)
			reader_set_message(ap->rd, false, dir > 0 ? "wrapped to the first article"
			                                          : "wrapped to the last article");
		return HANDLER_REDRAW;
	}
	reader_set_message(ap->rd, true, n == 1 ? "the only article of the library"
	                                        : ap->message);
	ap->message[0] = '\0';
	return HANDLER_REDRAW;
}

/* e and R, on either screen: e asks the loop for the editor (which it
 * runs, then reloads), R reloads the article or the library now. */
static handler_result loop_action(app *ap, action act)
{
	if (act == ACT_RELOAD)
		return ap->screen == APP_SCREEN_READER ? app_reload(ap) : app_files_changed(ap);
	const char *file, *why;
	int line;
	if (app_edit_target(ap, &file, &line, &why))
		ap->edit_pending = true;
	else
		app_notice(ap, true, why, NULL);
	return HANDLER_REDRAW;
}

static handler_result lib_action(app *ap, action act)
{
	list_view *v = &ap->lib_view;
	size_t rows = lib_rows(ap);

	ap->message[0] = '\0';
	switch (act) {
	case ACT_QUIT: return HANDLER_CLOSE;
	case ACT_REDRAW: return HANDLER_REDRAW | HANDLER_FULL_REDRAW;
	case ACT_HELP: return help_open(ap);
	case ACT_DOWN: listview_move(v, 1, rows); break;
	case ACT_UP: listview_move(v, -1, rows); break;
	case ACT_PAGE_DOWN: listview_page(v, 1, rows); break;
	case ACT_PAGE_UP: listview_page(v, -1, rows); break;
	case ACT_HALF_DOWN: listview_half_page(v, 1, rows); break;
	case ACT_HALF_UP: listview_half_page(v, -1, rows); break;
	case ACT_TOP: listview_home(v, rows); break;
	case ACT_BOTTOM: listview_end(v, rows); break;
	case ACT_ENTER: lib_open(ap); break;
	case ACT_EDIT:
	case ACT_RELOAD: return loop_action(ap, act);
	default: break;
	}
	return HANDLER_REDRAW;
}

static handler_result lib_click(app *ap, int y)
{
	rect list = ap->geo.main;

	if (y < list.y || y >= list.y + list.h)
		return HANDLER_IGNORED;
	listview_click_row(&ap->lib_view, (size_t)(y - list.y), lib_rows(ap));
	return HANDLER_REDRAW;
}

static handler_result lib_wheel(app *ap, int delta)
{
	listview_scroll(&ap->lib_view, delta > 0 ? WHEEL_ROWS : -WHEEL_ROWS,
	                lib_rows(ap));
	return HANDLER_REDRAW;
}

/* ====================================================================
 * The reader screen
 * ==================================================================== */

/* The reader's flags are the app's but for HANDLER_CLOSE: leaving the
 * article goes back to the library, or ends the program without one. */
static handler_result from_reader(app *ap, handler_result flags)
{
	if (flags & (HANDLER_NEXT_ARTICLE | HANDLER_PREV_ARTICLE))
		return app_open_neighbour(ap, flags & HANDLER_NEXT_ARTICLE ? 1 : -1);
	if (!(flags & HANDLER_CLOSE) || !ap->lib)
		return flags;
	close_article(ap);
	ap->screen = APP_SCREEN_LIBRARY;
	return (handler_result)((flags & ~HANDLER_CLOSE) | HANDLER_REDRAW);
}

static handler_result reader_screen_key(app *ap, int key)
{
	if (ap->rd->search.editing && ap->geo.too_small)
		return HANDLER_IGNORED;
	if (ap->rd->search.editing)
		return from_reader(ap, reader_search_key(ap->rd, key));
	action act = keymap_lookup(key);
	if (act == ACT_HELP)
		return help_open(ap);
	if (act == ACT_EDIT || act == ACT_RELOAD)
		return loop_action(ap, act);
	if (overlay_of(act) != OVERLAY_NONE)
		return overlay_open(ap, overlay_of(act));
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
		help_scroll(ap, 0);
	overlay_rebuild(ap);
	listview_follow(&ap->lib_view, lib_rows(ap));
	return HANDLER_REDRAW;
}

static handler_result on_key(app *ap, int key)
{
	if (ap->help)
		return help_key(ap, key);
	if (ap->overlay != OVERLAY_NONE)
		return overlay_key(ap, key);
	if (ap->screen == APP_SCREEN_READER)
		return reader_screen_key(ap, key);
	action act = keymap_lookup(key);
	if (ap->geo.too_small && act != ACT_QUIT && act != ACT_REDRAW)
		return HANDLER_IGNORED;
	return lib_action(ap, act);
}

static handler_result on_mouse(app *ap, const input_event *ev)
{
	bool wheel = ev->type != INPUT_CLICK;
	int delta = ev->type == INPUT_WHEEL_DOWN ? 1 : -1;

	if (ap->geo.too_small)
		return HANDLER_IGNORED;
	if (ap->help) {
		if (!wheel) {
			ap->help = false;
			return HANDLER_REDRAW;
		}
		help_scroll(ap, delta * WHEEL_ROWS);
		return HANDLER_REDRAW;
	}
	if (ap->overlay != OVERLAY_NONE) {
		if (!wheel)
			overlay_close(ap);
		else
			overlay_scroll(ap, delta * WHEEL_ROWS);
		return HANDLER_REDRAW;
	}
	if (ap->screen == APP_SCREEN_READER) {
		if (wheel)
			return from_reader(ap, reader_wheel(ap->rd, ev->x, ev->y, delta));
		return from_reader(ap, reader_click(ap->rd, ev->x, ev->y));
	}
	return wheel ? lib_wheel(ap, delta) : lib_click(ap, ev->y);
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
	if (ap->screen == APP_SCREEN_READER && ap->rd) {
		reader_title(ap->rd, buf, n);
		return;
	}
	size_t count = lib_count(ap);
	snprintf(buf, n, "quoth · %s · %zu article%s",
	         ap->lib && ap->lib->dir ? ap->lib->dir : "", count,
	         count == 1 ? "" : "s");
}

void app_status(const app *ap, char *buf, size_t n)
{
	if (n == 0)
		return;
	if (ap->screen == APP_SCREEN_READER && ap->rd) {
		reader_status(ap->rd, buf, n);
		return;
	}
	size_t count = lib_count(ap);
	if (ap->lib && ap->lib->error)
		snprintf(buf, n, "library  %s", ap->lib->error);
	else if (count == 0)
		snprintf(buf, n, "library  no articles  q quit");
	else
		snprintf(buf, n, "library  %zu/%zu  %s", ap->lib_view.cursor + 1,
		         count, ap->message[0] ? ap->message : "? help");
}

void app_library_line(const app *ap, size_t i, char *buf, size_t n)
{
	if (n == 0)
		return;
	buf[0] = '\0';
	if (i < lib_count(ap))
		library_entry_line(&ap->lib->items[i], buf, n);
}
