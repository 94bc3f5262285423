/* app_speakers.c - the speakers screen and the reader's speakers overlay;
 * see app_speakers.h. */
#include "app_speakers.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_lists.h"
#include "app_private.h"
#include "corpus_index.h"
#include "listview.h"
#include "speakers_view.h"

/* The list takes the main area but its first row, the column header. */
static size_t list_rows(const app *ap)
{
	return ap->geo.main.h > 1 ? (size_t)ap->geo.main.h - 1 : 1;
}

static list_view *current_list(app *ap)
{
	return ap->sv->quotes_open ? &ap->sv->qlist : &ap->sv->list;
}

handler_result app_speakers_open(app *ap)
{
	if (!ap->lib || !ap->lib->index)
		return HANDLER_IGNORED;
	speakers_view *sv = calloc(1, sizeof *sv);
	if (!sv || speakers_view_build(sv, ap->lib) < 0) {
		speakers_view_free(sv);
		free(sv);
		snprintf(ap->message, sizeof ap->message, "speakers: out of memory");
		return HANDLER_REDRAW;
	}
	ap->sv = sv;
	ap->screen = APP_SCREEN_SPEAKERS;
	return HANDLER_REDRAW;
}

void app_speakers_close(app *ap)
{
	speakers_view_free(ap->sv);
	free(ap->sv);
	ap->sv = NULL;
	speakers_free(&ap->art_speakers);
	ap->speakers_overlay = false;
}

/* Opens the article of quote item i at that quote, as the library opens
 * one (app_article.c: the user's view settings too); the reader goes to
 * it as ] would, through the quotes in body order. */
static void open_at_quote(app *ap, size_t i)
{
	const sv_quote *q = &ap->sv->quotes[i];
	const corpus_file *f = corpus_index_file(ap->lib->index, q->file);
	article *a;
	reader *rd;
	diag_list diags = { 0 };
	if (app_article_read(ap, f, &a, &rd, &diags) != APP_READ_OK) {
		diag_list_free(&diags);
		snprintf(ap->message, sizeof ap->message, "cannot open %s now", f->rel);
		return;
	}
	for (size_t p = 0; p < rd->n_order; p++) {
		if (rd->order[p] != q->quote)
			continue;
		for (size_t k = 0; k <= p; k++)
			reader_apply(rd, ACT_NEXT_QUOTE);
		break;
	}
	app_article_show(ap, a, rd, &diags, APP_SCREEN_SPEAKERS, q->file);
	diag_list_free(&diags);
}

static void enter(app *ap)
{
	speakers_view *sv = ap->sv;
	if (!sv->quotes_open) {
		if (sv->table.n && speakers_view_open_quotes(sv, ap->lib, sv->list.cursor) < 0)
			snprintf(ap->message, sizeof ap->message, "speakers: out of memory");
		return;
	}
	if (sv->n_quotes)
		open_at_quote(ap, sv->qlist.cursor);
}

static handler_result back(app *ap)
{
	if (ap->sv->quotes_open) {
		speakers_view_close_quotes(ap->sv);
		return HANDLER_REDRAW;
	}
	app_speakers_close(ap);
	ap->screen = APP_SCREEN_LIBRARY;
	return HANDLER_REDRAW;
}

handler_result app_speakers_action(app *ap, action act)
{
	list_view *v = current_list(ap);
	size_t rows = list_rows(ap);

	ap->message[0] = '\0';
	if (app_list_move(v, act, rows))
		return HANDLER_REDRAW;
	switch (act) {
	case ACT_QUIT: return back(ap);
	case ACT_REDRAW: return HANDLER_REDRAW | HANDLER_FULL_REDRAW;
	case ACT_ENTER: enter(ap); break;
	case ACT_SORT:
		if (!ap->sv->quotes_open)
			speakers_view_sort(ap->sv, (sv_column)((ap->sv->sort + 1) % SV_COLUMN_COUNT));
		break;
	default: return HANDLER_IGNORED;
	}
	return HANDLER_REDRAW;
}

handler_result app_speakers_click(app *ap, int y)
{
	rect list = ap->geo.main;
	if (y <= list.y || y >= list.y + list.h)
		return HANDLER_IGNORED;
	listview_click_row(current_list(ap), (size_t)(y - list.y - 1), list_rows(ap));
	return HANDLER_REDRAW;
}

handler_result app_speakers_wheel(app *ap, int delta)
{
	listview_scroll(current_list(ap), delta > 0 ? INPUT_WHEEL_ROWS : -INPUT_WHEEL_ROWS,
	                list_rows(ap));
	return HANDLER_REDRAW;
}

void app_speakers_resized(app *ap)
{
	if (!ap->sv)
		return;
	listview_follow(&ap->sv->list, list_rows(ap));
	listview_follow(&ap->sv->qlist, list_rows(ap));
}

void app_speakers_title(const app *ap, char *buf, size_t n)
{
	const speakers_view *sv = ap->sv;
	if (!sv) {
		buf[0] = '\0';
		return;
	}
	const char *filter = ap->lib->filter;
	snprintf(buf, n, "quoth \u00b7 speakers \u00b7 %zu quotes in %zu article%s%s%s%s",
	         sv->table.quotes, sv->articles, sv->articles == 1 ? "" : "s",
	         filter[0] ? " matching /" : "", filter, sv->unread ? " (still reading)" : "");
}

void app_speakers_status(const app *ap, char *buf, size_t n)
{
	const speakers_view *sv = ap->sv;
	if (!sv) {
		buf[0] = '\0';
		return;
	}
	const list_view *v = sv->quotes_open ? &sv->qlist : &sv->list;
	const char *tail = ap->message[0] ? ap->message : "? help";
	if (sv->quotes_open)
		snprintf(buf, n, "speakers  quote %zu/%zu  %s", v->n ? v->cursor + 1 : 0, v->n,
		         tail);
	else
		snprintf(buf, n, "speakers  %zu/%zu  by %s  %s", v->n ? v->cursor + 1 : 0, v->n,
		         speakers_view_column_name(sv->sort), tail);
}

void app_speakers_line(const app *ap, size_t i, int width, char *buf, size_t n)
{
	if (n == 0)
		return;
	buf[0] = '\0';
	if (!ap->sv)
		return;
	if (!ap->sv->quotes_open)
		speakers_view_row(ap->sv, i, width, buf, n);
	else if (i < ap->sv->n_quotes)
		snprintf(buf, n, "%s", ap->sv->quotes[i].line);
}

void app_speakers_header(const app *ap, int width, char *buf, size_t n)
{
	if (n == 0)
		return;
	buf[0] = '\0';
	if (!ap->sv)
		return;
	if (ap->sv->quotes_open)
		snprintf(buf, n, "quotes of %s: %zu (Enter opens the article at one, q back)",
		         ap->sv->speaker, ap->sv->n_quotes);
	else
		speakers_view_header(width, buf, n);
}

/* ---- the reader's overlay ---- */

handler_result app_speakers_overlay_open(app *ap)
{
	if (!ap->art || ap->geo.too_small)
		return HANDLER_IGNORED;
	speakers_free(&ap->art_speakers);
	if (speakers_add_article(&ap->art_speakers, ap->art) < 0) {
		speakers_free(&ap->art_speakers);
		return HANDLER_IGNORED;
	}
	speakers_sort(&ap->art_speakers, SPEAKERS_BY_QUOTES);
	ap->speakers_overlay = true;
	return HANDLER_REDRAW;
}

size_t app_speakers_overlay_count(const app *ap)
{
	return ap->speakers_overlay ? ap->art_speakers.n + 1 : 0;
}

void app_speakers_overlay_line(const app *ap, size_t i, int width, char *buf, size_t n)
{
	if (n == 0)
		return;
	buf[0] = '\0';
	if (i == 0)
		speakers_overlay_header(width, buf, n);
	else
		speakers_overlay_row(&ap->art_speakers, i - 1, width, buf, n);
}
