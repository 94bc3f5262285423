/* app_reload.c - the annotator's loop in the app: reloading the open
 * article or the library when their files change, and where `e` edits;
 * see app.h.  Curses-free: the terminal loop (tui.c) watches the files
 * and runs the editor. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	if (load_article(path, &next, &diags) != 0 || !next) {
		char *err = library_first_error(&diags);
		char why[APP_MESSAGE_MAX];
		snprintf(why, sizeof why, "%s (%zu problem%s; the last good version is shown)",
		         err ? err : "out of memory", diags.n, diags.n == 1 ? "" : "s");
		app_notice(ap, true, "reload failed: ", why);
		free(err);
		article_free(next);
		diag_list_free(&diags);
		return HANDLER_REDRAW;
	}
	diag_list_free(&diags);
	reader *rd = reader_reload(ap->rd, next);
	if (!rd) {
		article_free(next);
		app_notice(ap, true, "reload failed: ", "out of memory");
		return HANDLER_REDRAW;
	}
	reader_free(ap->rd);
	article_free(ap->art);
	ap->rd = rd;
	ap->art = next;
	return HANDLER_REDRAW;
}

/* ---- the library ------------------------------------------------------ */

handler_result app_files_changed(app *ap)
{
	if (!ap->lib || !ap->lib->dir)
		return HANDLER_IGNORED;
	library *lib = library_load(ap->lib->dir);
	if (!lib)
		return HANDLER_IGNORED;   /* out of memory: keep the old list */
	/* The cursor stays on the same file, or at the same row. */
	size_t cursor = ap->lib_view.cursor;
	const char *file = cursor < ap->lib->n ? ap->lib->items[cursor].file : NULL;
	for (size_t i = 0; file && i < lib->n; i++)
		if (strcmp(lib->items[i].file, file) == 0)
			cursor = i;
	library_free(ap->lib);
	ap->lib = lib;
	int rows = ap->geo.main.h > 0 ? ap->geo.main.h : 1;
	listview_set_count(&ap->lib_view, lib->n, (size_t)rows);
	if (lib->n > 0) {
		ap->lib_view.cursor = cursor < lib->n ? cursor : lib->n - 1;
		listview_follow(&ap->lib_view, (size_t)rows);
	}
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
		*file = ap->lib->items[ap->lib_view.cursor].path;
		return true;
	}
	if (!(*file = app_watch_path(ap))) {
		*why = "this article has no file to edit (it came from standard input)";
		return false;
	}
	const reader *r = ap->rd;
	if (r->focus == PANE_ENTITIES && r->selected >= 0)
		*line = ap->art->entities[r->selected].pos.line;
	else if (r->current >= 0)
		*line = ap->art->quotes[r->current].pos.line;
	else if (r->selected >= 0)
		*line = ap->art->entities[r->selected].pos.line;
	else
		*line = top_line(ap);
	return true;
}
