/* app_library.c - the library screen: its list, kept filled as the
 * background reading goes on; Enter, J and K open an article; o sorts, /
 * filters; its title and status lines.  See app_private.h. */
#include "app_private.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_lists.h"
#include "app_speakers.h"
#include "text.h"

static size_t lib_count(const app *ap)
{
	return ap->lib ? ap->lib->n : 0;
}

size_t app_library_rows(const app *ap)
{
	return ap->geo.main.h > 0 ? (size_t)ap->geo.main.h : 1;
}

/* The rows on screen are read now if the workers have not come to them:
 * a jump to the end shows its rows at once.  O(screen). */
static void lib_fill_screen(app *ap)
{
	size_t rows = app_library_rows(ap);
	for (size_t r = 0; r < rows && ap->lib_view.top + r < lib_count(ap); r++)
		library_fill(ap->lib, ap->lib_view.top + r);
}

/* After the rows changed (sort, filter, all read): the cursor stays on
 * the article it was on, when that is still listed. */
static void lib_rows_changed(app *ap, size_t file)
{
	size_t row = file == SIZE_MAX ? 0 : library_row_of(ap->lib, file);
	listview_set_count(&ap->lib_view, lib_count(ap), app_library_rows(ap));
	if (row < lib_count(ap))
		listview_set_cursor(&ap->lib_view, row, app_library_rows(ap));
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
	return ap->lib && library_read(ap->lib) < library_files(ap->lib);
}

/* Opens the library's row in place of the open article, if any; false,
 * with the reason in ap->message and the open article kept, when it does
 * not load.  Whatever the load found, the row says it now (bug 6: a row
 * fixed in another shell showed its old error). */
static bool lib_load(app *ap, size_t row)
{
	size_t file = library_file_of(ap->lib, row);
	diag_list diags = { 0 };
	article *a;
	reader *rd;

	const corpus_file *f = corpus_index_file(ap->lib->index, file);
	app_read got = app_article_read(ap, f, &a, &rd, &diags);
	library_refresh(ap->lib, row, true);
	library_entry e = library_entry_at(ap->lib, row);
	if (got != APP_READ_OK) {
		char *err = got == APP_READ_FAILED ? library_first_error(&diags) : NULL;
		snprintf(ap->message, sizeof ap->message, "cannot open %s: %s",
		         e.file, err ? err : "out of memory");
		free(err);
		diag_list_free(&diags);
		return false;
	}
	app_article_show(ap, a, rd, &diags, APP_SCREEN_LIBRARY, file);
	diag_list_free(&diags);
	return true;
}

static void lib_open(app *ap)
{
	if (lib_count(ap) > 0)
		lib_load(ap, ap->lib_view.cursor);
}

/* wt-state (issue 12): J and K go round the library, wrapping at the
 * ends; when no other article loads the reader stays and says why. */
handler_result app_library_open_neighbour(app *ap, int dir)
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
		listview_set_cursor(&ap->lib_view, i, app_library_rows(ap));
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

void app_library_back(app *ap)
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

handler_result app_library_filter_key(app *ap, int key)
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

handler_result app_library_action(app *ap, action act)
{
	list_view *v = &ap->lib_view;
	size_t rows = app_library_rows(ap);

	ap->message[0] = '\0';
	if (app_list_move(v, act, rows)) {
		lib_fill_screen(ap);
		return HANDLER_REDRAW;
	}
	switch (act) {
	case ACT_QUIT: return HANDLER_CLOSE;
	case ACT_REDRAW: return HANDLER_REDRAW | HANDLER_FULL_REDRAW;
	case ACT_HELP: return app_help_open(ap);
	case ACT_ENTER: lib_open(ap); break;
	case ACT_EDIT:
	case ACT_RELOAD: return app_loop_action(ap, act);
	case ACT_SORT: if (ap->lib->index) lib_sort_next(ap); break;
	case ACT_SEARCH: if (ap->lib->index) ap->lib_filtering = true; break;
	case ACT_CLEAR: if (ap->lib->filter[0]) lib_filter_set(ap, ""); break;
	case ACT_SPEAKERS: return app_speakers_open(ap);
	default: break;
	}
	lib_fill_screen(ap);
	return HANDLER_REDRAW;
}

handler_result app_library_click(app *ap, int y)
{
	rect list = ap->geo.main;

	if (y < list.y || y >= list.y + list.h)
		return HANDLER_IGNORED;
	listview_click_row(&ap->lib_view, (size_t)(y - list.y), app_library_rows(ap));
	return HANDLER_REDRAW;
}

handler_result app_library_wheel(app *ap, int delta)
{
	listview_scroll(&ap->lib_view, delta > 0 ? INPUT_WHEEL_ROWS : -INPUT_WHEEL_ROWS,
	                app_library_rows(ap));
	return HANDLER_REDRAW;
}

/* ---- the title and status lines ---- */

void app_library_title(const app *ap, char *buf, size_t n)
{
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
void app_library_status(const app *ap, char *buf, size_t n)
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
		         count_text(library_files(lib), of, sizeof of));
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
