/* app_reload.c - the annotator's loop in the app: reloading the open
 * article or the library when their files change, and where `e` edits;
 * see app.h.  Curses-free: the terminal loop (tui.c) watches the files
 * and runs the editor. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_compare.h"
#include "app_private.h"
#include "article_open.h"
#include "diag.h"
#include "loader.h"
#include "reader_reload.h"
#include "text.h"

/* ---- messages --------------------------------------------------------- */

/* prefix then arg into buf of n bytes, cut at a character boundary. */
static void message_into(char *buf, size_t n, const char *prefix, const char *arg)
{
	int len = snprintf(buf, n, "%s%s", prefix, arg ? arg : "");
	if (len >= 0 && (size_t)len >= n)
		buf[utf8_char_start(buf, n - 1)] = '\0';
}

void app_notice(app *ap, bool error, const char *prefix, const char *arg)
{
	if (ap->screen == APP_SCREEN_READER && ap->rd) {
		message_into(ap->rd->message, sizeof ap->rd->message, prefix, arg);
		ap->rd->message_is_error = error;
	} else {
		message_into(ap->message, sizeof ap->message, prefix, arg);
	}
}

/* ---- the open article --------------------------------------------------- */

const char *app_watch_path(const app *ap)
{
	if (ap->screen != APP_SCREEN_READER || !ap->art || !ap->art->path)
		return NULL;
	return ap->watch_article || ap->lib ? ap->art->path : NULL;
}

handler_result app_reload(app *ap)
{
	const char *path = app_watch_path(ap);
	if (!path || !ap->rd)
		return HANDLER_IGNORED;
	article *next = NULL;
	diag_list diags = { 0 };
	size_t errors = load_line_tolerant(path, ap->art->path_line, &next, &diags);
	/* A file caught half-written, or emptied by an editor, has more
	 * problems than the version on screen, or none that can be read:
	 * that version stays.  A file with as many problems or fewer (one fixed
	 * of two) is shown, problems and all. */
	if (!next || errors == SIZE_MAX || errors > diag_count(&ap->problems, DIAG_ERROR)) {
		char *err = library_first_error(&diags);
		char why[APP_MESSAGE_MAX];
		size_t n = diag_count(&diags, DIAG_ERROR);
		snprintf(why, sizeof why, "%s (%zu problem%s; the last good version is shown)",
		         err ? err : "out of memory", n, n == 1 ? "" : "s");
		app_set_problems(ap, &diags);   /* ! lists what the file has now */
		app_notice(ap, true, "reload failed: ", why);
		free(err);
		article_free(next);
		diag_list_free(&diags);
		return HANDLER_REDRAW;
	}
	reader *rd = reader_reload(ap->rd, next);
	if (!rd) {
		article_free(next);
		diag_list_free(&diags);
		app_notice(ap, true, "reload failed: ", "out of memory");
		return HANDLER_REDRAW;
	}
	reader_free(ap->rd);
	article_free(ap->art);
	ap->rd = rd;
	ap->art = next;
	app_compare_reloaded(ap);   /* the compare view borrowed the old one */
	app_set_problems(ap, &diags);
	app_problems_notice(ap, "reloaded");
	diag_list_free(&diags);
	return HANDLER_REDRAW;
}

/* ---- e and R -------------------------------------------------------- */

handler_result app_loop_action(app *ap, action act)
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


/* ---- the library ------------------------------------------------------ */

/* The row of lib showing place (an entry's file: the lines of a JSON
 * Lines file share their path), or lib->n. */
static size_t row_of_path(const library *lib, const char *place)
{
	for (size_t row = 0; place && row < lib->n; row++)
		if (strcmp(library_entry_at(lib, row).file, place) == 0)
			return row;
	return lib->n;
}

/* The directory changed (files added, removed or rewritten): the library
 * is listed and read again, with its sort and filter, the cursor on the
 * same file when it is still there. */
handler_result app_files_changed(app *ap)
{
	library *old = ap->lib;
	if (!old || !old->dir)
		return HANDLER_IGNORED;
	size_t cursor = ap->lib_view.cursor;
	char *at = cursor < old->n ? strdup(library_entry_at(old, cursor).file) : NULL;
	size_t opened_row = ap->lib_opened < library_files(old)
	                    ? library_row_of(old, ap->lib_opened) : old->n;
	char *opened = opened_row < old->n
	               ? strdup(library_entry_at(old, opened_row).file) : NULL;
	library *lib = library_open(old->dir, ap->lib_threads, SIZE_MAX);
	if (!lib) {
		free(at);
		free(opened);
		return HANDLER_IGNORED;   /* out of memory: keep the old list */
	}
	if (ap->lib_threads == 0)
		library_wait(lib);
	lib->sort = old->sort;      /* library_set_filter sorts by it */
	library_set_filter(lib, old->filter);
	library_poll(lib);
	library_free(old);
	ap->lib = lib;
	size_t row = row_of_path(lib, opened);
	ap->lib_opened = row < lib->n ? library_file_of(lib, row) : SIZE_MAX;
	row = row_of_path(lib, at);
	size_t rows = ap->geo.main.h > 0 ? (size_t)ap->geo.main.h : 1;
	listview_set_count(&ap->lib_view, lib->n, rows);
	if (lib->n > 0)
		listview_set_cursor(&ap->lib_view, row < lib->n ? row
		                    : cursor < lib->n ? cursor : lib->n - 1, rows);
	free(at);
	free(opened);
	return HANDLER_REDRAW;
}

/* ---- where e edits ---------------------------------------------------- */

/* The file line of the text's top row: body line n is file line
 * body_line + n - 1 in a literal block; else the body's own line. */
static int top_line(const app *ap)
{
	const article *a = ap->art;
	if (a->body_line <= 0 || !a->body)
		return a->body_pos.line;
	size_t top = ap->rd->anchor < a->body_len ? ap->rd->anchor : a->body_len;
	int n = 1;
	for (const char *p = a->body; (p = memchr(p, '\n', (size_t)(a->body + top - p)));
	     p++)
		n++;
	return a->body_line + n - 1;
}

bool app_edit_target(const app *ap, const char **file, int *line, const char **why)
{
	*file = NULL;
	*line = 0;
	*why = NULL;
	if (ap->screen == APP_SCREEN_LIBRARY) {
		if (!ap->lib || ap->lib->n == 0) {
			*why = "no article to edit";
			return false;
		}
		/* The entry's path lives as long as the library's index; a
		 * line of a JSON Lines file is edited at that line. */
		library_entry e = library_entry_at(ap->lib, ap->lib_view.cursor);
		*file = e.path;
		*line = e.line;
		return true;
	}
	if (!(*file = app_watch_path(ap))) {
		*why = "this article has no file to edit (it came from standard input)";
		return false;
	}
	const reader *r = ap->rd;
	if (ap->art->path_line > 0)     /* one line of a JSON Lines file */
		*line = ap->art->path_line;
	else if (r->focus == PANE_ENTITIES && r->selected >= 0)
		*line = ap->art->entities[r->selected].pos.line;
	else if (r->current >= 0)
		*line = ap->art->quotes[r->current].pos.line;
	else if (r->selected >= 0)
		*line = ap->art->entities[r->selected].pos.line;
	else
		*line = top_line(ap);
	return true;
}
