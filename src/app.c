/* app.c - the program's state and its one event dispatch; see app.h. */
#include "app.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "app_compare.h"
#include "app_lists.h"
#include "app_speakers.h"
#include "article_open.h"
#include "diag.h"
#include "keymap.h"
#include "loader.h"
#include "text.h"

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

/* The types shown (--types) and hidden (the config's hide lines) of
 * every article opened. */
static void apply_types(const app *ap, reader *rd)
{
	if (ap->types)
		reader_types_show_only(rd, ap->types);
	if (ap->hidden_types)
		reader_types_hide(rd, ap->hidden_types);
}

void app_set_types(app *ap, const char *types)
{
	ap->types = types;
	if (ap->rd)
		apply_types(ap, ap->rd);
}

void app_set_hidden_types(app *ap, const char *hidden)
{
	ap->hidden_types = hidden;
	if (ap->rd)
		apply_types(ap, ap->rd);
}

static void close_article(app *ap)
{
	/* The boxes speak of the article: they go with it. */
	ap->overlay = OVERLAY_NONE;
	overlay_rows_free(&ap->overlay_rows);
	diag_list_free(&ap->problems);
	app_compare_close(ap);  /* it borrows the article */
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
	app_speakers_close(ap);
	library_free(ap->lib);
	overlay_rows_free(&ap->overlay_rows);
	diag_list_free(&ap->problems);
	free(ap);
}

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

/* The rows on screen are read now if the workers have not come to them:
 * a jump to the end shows its rows at once.  O(screen). */
static void lib_fill_screen(app *ap)
{
	size_t rows = lib_rows(ap);
	for (size_t r = 0; r < rows && ap->lib_view.top + r < lib_count(ap); r++)
		library_fill(ap->lib, ap->lib_view.top + r);
}

/* After the rows changed (sort, filter, all read): the cursor stays on
 * the article it was on, when that is still listed. */
static void lib_rows_changed(app *ap, size_t file)
{
	size_t row = file == SIZE_MAX ? 0 : library_row_of(ap->lib, file);
	listview_set_count(&ap->lib_view, lib_count(ap), lib_rows(ap));
	if (row < lib_count(ap))
		listview_set_cursor(&ap->lib_view, row, lib_rows(ap));
	lib_fill_screen(ap);
}

static size_t lib_cursor_file(const app *ap)
{
	return library_file_of(ap->lib, ap->lib_view.cursor);
}

handler_result app_poll(app *ap)
{
	if (!ap->lib)
		return HANDLER_IGNORED;
	size_t file = lib_cursor_file(ap);
	size_t before = ap->lib->n;
	if (!library_poll(ap->lib))
		return HANDLER_IGNORED;
	if (ap->lib->n != before || ap->lib->sort != LIBRARY_BY_FILE)
		lib_rows_changed(ap, file);
	return ap->screen == APP_SCREEN_LIBRARY ? HANDLER_REDRAW : HANDLER_IGNORED;
}

bool app_busy(const app *ap)
{
	return ap->lib && library_read(ap->lib) < library_target(ap->lib);
}

/* Opens the library's row in place of the open article, if any; false,
 * with the reason in ap->message and the open article kept, when it does
 * not load.  Whatever the load found, the row says it now (bug 6: a row
 * fixed in another shell showed its old error). */
static bool lib_load(app *ap, size_t row)
{
	library_entry e = library_entry_at(ap->lib, row);
	size_t file = library_file_of(ap->lib, row);
	diag_list diags = { 0 };
	article *a = NULL;

	size_t errors = library_load_row(ap->lib, row, &a, &diags);
	library_refresh(ap->lib, row, true);
	e = library_entry_at(ap->lib, row);
	if (errors == SIZE_MAX || !a) {
		char *err = library_first_error(&diags);
		snprintf(ap->message, sizeof ap->message, "cannot open %s: %s",
		         e.file, err ? err : "out of memory");
		free(err);
		article_free(a);
		diag_list_free(&diags);
		return false;
	}
	reader *rd = reader_new(a, ap->cols, ap->rows);
	if (!rd) {
		article_free(a);
		diag_list_free(&diags);
		snprintf(ap->message, sizeof ap->message, "cannot open %s: %s",
		         e.file, "out of memory");
		return false;
	}
	close_article(ap);
	ap->art = a;
	ap->rd = rd;
	apply_types(ap, rd);
	app_set_problems(ap, &diags);   /* an article with problems opens too */
	app_problems_notice(ap, "");
	diag_list_free(&diags);
	ap->lib_opened = file;
	ap->reader_from = APP_SCREEN_LIBRARY;
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

/* Back from the reader: the article read is read again, and every other
 * file whose time or size changed meanwhile. */
static void lib_back(app *ap)
{
	size_t file = ap->lib_opened;
	size_t row = library_row_of(ap->lib, file);
	if (row < lib_count(ap))
		library_refresh(ap->lib, row, true);
	if (library_recheck(ap->lib))
		app_files_changed(ap);  /* a JSON Lines file's lines moved */
	ap->lib_opened = SIZE_MAX;
	lib_fill_screen(ap);
}

static void lib_sort_next(app *ap)
{
	size_t file = lib_cursor_file(ap);
	library_set_sort(ap->lib, (library_sort)((ap->lib->sort + 1) % LIBRARY_SORT_COUNT));
	lib_rows_changed(ap, file);
}

/* ---- the filter, typed after `/` ---- */

static void lib_filter_set(app *ap, const char *text)
{
	size_t file = lib_cursor_file(ap);
	library_set_filter(ap->lib, text);
	lib_rows_changed(ap, file);
}

static handler_result lib_filter_key(app *ap, int key)
{
	char text[LIBRARY_FILTER_MAX];
	snprintf(text, sizeof text, "%s", ap->lib->filter);
	size_t len = strlen(text);

	if (key == QK_ENTER || key == '\r' || key == QK_ENTER_KEY) {
		ap->lib_filtering = false;
		return HANDLER_REDRAW;
	}
	if (key == QK_ESC) {
		ap->lib_filtering = false;
		lib_filter_set(ap, "");
		return HANDLER_REDRAW;
	}
	if (key == QK_BACKSPACE || key == 127 || key == 8) {
		if (len > 0)
			text[utf8_char_start(text, len - 1)] = '\0';
	} else if (key >= 32 && key < 0x110000 && len + 4 < sizeof text) {
		text[len + utf8_encode((uint32_t)key, text + len)] = '\0';
	} else {
		return HANDLER_IGNORED;
	}
	lib_filter_set(ap, text);
	return HANDLER_REDRAW;
}

static handler_result lib_action(app *ap, action act)
{
	list_view *v = &ap->lib_view;
	size_t rows = lib_rows(ap);

	ap->message[0] = '\0';
	if (app_list_move(v, act, rows)) {
		lib_fill_screen(ap);
		return HANDLER_REDRAW;
	}
	switch (act) {
	case ACT_QUIT: return HANDLER_CLOSE;
	case ACT_REDRAW: return HANDLER_REDRAW | HANDLER_FULL_REDRAW;
	case ACT_HELP: return help_open(ap);
	case ACT_ENTER: lib_open(ap); break;
	case ACT_EDIT:
	case ACT_RELOAD: return loop_action(ap, act);
	case ACT_SORT: if (ap->lib->index) lib_sort_next(ap); break;
	case ACT_SEARCH: if (ap->lib->index) ap->lib_filtering = true; break;
	case ACT_CLEAR: if (ap->lib->filter[0]) lib_filter_set(ap, ""); break;
	case ACT_SPEAKERS: return app_speakers_open(ap);
	default: break;
	}
	lib_fill_screen(ap);
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
	speakers_free(&ap->art_speakers);
	ap->speakers_overlay = false;
	ap->screen = ap->reader_from == APP_SCREEN_SPEAKERS && ap->sv ? APP_SCREEN_SPEAKERS
	                                                            : APP_SCREEN_LIBRARY;
	lib_back(ap);
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
		return help_open(ap);
	if (act == ACT_EDIT || act == ACT_RELOAD)
		return loop_action(ap, act);
	if (overlay_of(act) != OVERLAY_NONE)
		return overlay_open(ap, overlay_of(act));
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
		help_scroll(ap, 0);
	overlay_rebuild(ap);
	listview_follow(&ap->lib_view, lib_rows(ap));
	app_speakers_resized(ap);
	return HANDLER_REDRAW;
}

static handler_result on_key(app *ap, int key)
{
	if (ap->help)
		return help_key(ap, key);
	if (ap->speakers_overlay) {     /* any key closes it, as the help */
		ap->speakers_overlay = false;
		return HANDLER_REDRAW;
	}
	if (ap->overlay != OVERLAY_NONE)
		return overlay_key(ap, key);
	if (ap->screen == APP_SCREEN_READER)
		return reader_screen_key(ap, key);
	action act = keymap_lookup(key);
	if (ap->geo.too_small && act != ACT_QUIT && act != ACT_REDRAW)
		return HANDLER_IGNORED;
	if (ap->screen == APP_SCREEN_SPEAKERS)
		return act == ACT_HELP ? help_open(ap) : app_speakers_action(ap, act);
	if (ap->lib_filtering)
		return lib_filter_key(ap, key);
	return lib_action(ap, act);
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
	if (ap->screen == APP_SCREEN_SPEAKERS)
		return wheel ? app_speakers_wheel(ap, delta) : app_speakers_click(ap, ev->y);
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
	size_t count = lib_count(ap);
	size_t total = ap->lib ? library_files(ap->lib) : 0;
	char of[48] = "";
	if (ap->lib && ap->lib->filter[0])
		snprintf(of, sizeof of, " of %zu", total);
	snprintf(buf, n, "quoth · %s · %zu%s article%s",
	         ap->lib && ap->lib->dir ? ap->lib->dir : "", count, of,
	         (of[0] ? total : count) == 1 ? "" : "s");
}

/* n with a comma every three digits: "10,080". */
static const char *count_text(size_t n, char *buf, size_t size)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%zu", n);
	size_t o = 0;
	for (int i = 0; i < len && o + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

/* "article 37/10,080  by date  /kerry  reading 3,412/10,080
 * outlet/2016/kerry.yaml  ? help". */
static void lib_status(const app *ap, char *buf, size_t n)
{
	char pos[32], all[32], got[32], of[32], filter[LIBRARY_FILTER_MAX + 16] = "";
	const library *lib = ap->lib;
	size_t count = lib_count(ap);
	size_t total = library_files(lib);

	if (ap->lib_filtering || lib->filter[0])
		snprintf(filter, sizeof filter, "  /%s", lib->filter);
	char reading[80] = "";
	if (app_busy(ap))
		snprintf(reading, sizeof reading, "  reading %s/%s",
		         count_text(library_read(lib), got, sizeof got),
		         count_text(library_target(lib), of, sizeof of));
	const char *tail = ap->lib_filtering ? "" : ap->message[0] ? ap->message
	                 : lib->problem ? lib->problem : "? help";
	if (count == 0 && total == 0) {
		snprintf(buf, n, "library  no articles  q quit");
		return;
	}
	/* The file under the cursor: the rows show titles. */
	const char *file = count ? library_entry_at(lib, ap->lib_view.cursor).file : "";
	snprintf(buf, n, "library  article %s/%s  by %s%s%s  %s%s%s",
	         count ? count_text(ap->lib_view.cursor + 1, pos, sizeof pos) : "0",
	         count_text(count, all, sizeof all), library_sort_name(lib->sort),
	         filter, reading, file, file[0] ? "  " : "", tail);
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
		lib_status(ap, buf, n);
	else
		buf[0] = '\0';
}

void app_library_line(const app *ap, size_t i, char *buf, size_t n)
{
	if (n == 0)
		return;
	buf[0] = '\0';
	if (i < lib_count(ap)) {
		library_entry e = library_entry_at(ap->lib, i);
		library_entry_line(&e, buf, n);
	}
}

bool app_library_row_failed(const app *ap, size_t i)
{
	if (i >= lib_count(ap))
		return false;
	return library_entry_at(ap->lib, i).error != NULL;
}

bool app_library_row_pending(const app *ap, size_t i)
{
	return i < lib_count(ap) && library_entry_at(ap->lib, i).pending;
}
