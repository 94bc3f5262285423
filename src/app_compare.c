/* app_compare.c - the compare view in the app: opening B, the path's
 * prompt, ] and [, the title and status lines; see app_compare.h. */
#include "app_compare.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "article_open.h"
#include "compare_view.h"
#include "diff.h"
#include "keymap.h"
#include "keys.h"
#include "library.h"
#include "reader_view.h"
#include "text.h"

/* The last component of path, what the title has room for. */
static const char *base_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	return slash ? slash + 1 : path ? path : "";
}

/* B against the open article; why says what stopped it. */
static compare_view *compare_with(const app *ap, const char *name_a, article *b,
                                  const char *path_b, char *why, size_t n)
{
	diff_where w;
	const article *a = ap->art;
	if (diff_bodies_differ(a->body, a->body_len, b->body, b->body_len, &w)) {
		snprintf(why, n, "%s: the bodies differ from body line %d, column %d: "
		         "not the same text", base_name(path_b), w.line, w.col);
		article_free(b);
		return NULL;
	}
	compare_view *cv = compare_view_new(a, b, name_a, base_name(path_b));
	if (!cv)
		snprintf(why, n, "compare: out of memory");
	return cv;
}

bool app_compare_with(app *ap, const char *name_a, article *b, const char *path_b,
                      char *why, size_t n)
{
	if (!ap->art || !ap->rd) {
		snprintf(why, n, "compare: no article open");
		article_free(b);
		return false;
	}
	compare_view *cv = compare_with(ap, name_a ? name_a : base_name(ap->art->path),
	                                b, path_b, why, n);
	if (!cv)
		return false;
	compare_view_free(ap->cmp);
	ap->cmp = cv;
	return true;
}

bool app_compare_open(app *ap, const char *name_a, const char *path_b,
                      char *why, size_t n)
{
	if (!ap->art || !ap->rd) {
		snprintf(why, n, "compare: no article open");
		return false;
	}
	article *b = NULL;
	diag_list diags = { 0 };
	/* Any format the reader opens: B may be a brat pair or a JSON file. */
	if (load_any(path_b, &b, &diags, NULL) != 0 || !b) {
		char *err = library_first_error(&diags);
		snprintf(why, n, "cannot compare with %s: %s", path_b, err ? err : "out of memory");
		free(err);
		diag_list_free(&diags);
		article_free(b);
		return false;
	}
	diag_list_free(&diags);
	return app_compare_with(ap, name_a, b, path_b, why, n);
}

void app_compare_close(app *ap)
{
	compare_view_free(ap->cmp);
	ap->cmp = NULL;
	ap->cmp_prompt = false;
}

void app_compare_reloaded(app *ap)
{
	compare_view *old = ap->cmp;
	if (!old)
		return;
	article *b = old->b;
	old->b = NULL;              /* B goes on to the new view */
	char why[APP_MESSAGE_MAX];
	ap->cmp = compare_with(ap, old->name_a, b, old->name_b, why, sizeof why);
	compare_view_free(old);
	if (!ap->cmp)
		reader_set_message(ap->rd, true, why);
}

/* ---- the path's prompt ------------------------------------------------- */

/* A plain line editor: Enter opens, Esc cancels, Backspace edits; Tab
 * and other control keys do nothing. */
static handler_result prompt_key(app *ap, int key)
{
	size_t len = strlen(ap->cmp_path);
	if (key == QK_ESC) {
		ap->cmp_prompt = false;
		return HANDLER_REDRAW;
	}
	if (key == QK_ENTER || key == '\r' || key == QK_ENTER_KEY) {
		char why[APP_MESSAGE_MAX];
		ap->cmp_prompt = false;
		if (len == 0)
			return HANDLER_REDRAW;
		if (app_compare_open(ap, NULL, ap->cmp_path, why, sizeof why))
			reader_set_message(ap->rd, false, "] next disagreement, [ previous, q closes");
		else
			reader_set_message(ap->rd, true, why);
		return HANDLER_REDRAW;
	}
	if (key == QK_BACKSPACE || key == 127 || key == 8) {
		if (len > 0)
			ap->cmp_path[utf8_char_start(ap->cmp_path, len - 1)] = '\0';
		return HANDLER_REDRAW;
	}
	if (key >= 32 && key < 0x110000 && key != 127 && len + 5 < sizeof ap->cmp_path) {
		ap->cmp_path[len + utf8_encode((uint32_t)key, ap->cmp_path + len)] = '\0';
		return HANDLER_REDRAW;
	}
	return HANDLER_IGNORED;
}

/* ---- keys while comparing ---------------------------------------------- */

static handler_result step(app *ap, int dir)
{
	bool wrapped;
	long place = compare_view_step(ap->cmp, dir, &wrapped);
	if (place < 0) {
		reader_set_message(ap->rd, false, "no disagreement: the annotations agree");
		return HANDLER_REDRAW;
	}
	size_t start = ap->cmp->places[place].start;
	if (start != SIZE_MAX)
		reader_view_show_offset(ap->rd, start);
	reader_set_message(ap->rd, false, !wrapped ? ""
	                   : dir > 0 ? "wrapped to the first disagreement"
	                             : "wrapped to the last disagreement");
	return HANDLER_REDRAW;
}

bool app_compare_key(app *ap, int key, handler_result *out)
{
	if (ap->cmp_prompt) {
		*out = ap->geo.too_small ? HANDLER_IGNORED : prompt_key(ap, key);
		return true;
	}
	action act = keymap_lookup(key);
	if (act == ACT_COMPARE) {
		if (ap->geo.too_small)
			return false;
		ap->cmp_prompt = true;
		ap->cmp_path[0] = '\0';
		*out = HANDLER_REDRAW;
		return true;
	}
	if (!ap->cmp || (ap->geo.too_small && act != ACT_QUIT))
		return false;
	if (act == ACT_NEXT_QUOTE || act == ACT_PREV_QUOTE) {
		*out = step(ap, act == ACT_NEXT_QUOTE ? 1 : -1);
		return true;
	}
	if (act == ACT_QUIT && !ap->cmp_quits) {
		app_compare_close(ap);
		reader_set_message(ap->rd, false, "");
		*out = HANDLER_REDRAW;
		return true;
	}
	return false;
}

/* ---- the title and status lines ---------------------------------------- */

bool app_compare_title(const app *ap, char *buf, size_t n)
{
	if (!ap->cmp || ap->screen != APP_SCREEN_READER)
		return false;
	char figures[128];
	compare_view_figures(ap->cmp, figures, sizeof figures);
	snprintf(buf, n, "%s vs %s \xc2\xb7 %s", ap->cmp->name_a, ap->cmp->name_b, figures);
	return true;
}

bool app_compare_status(const app *ap, char *buf, size_t n)
{
	if (ap->screen != APP_SCREEN_READER || !ap->rd)
		return false;
	if (ap->cmp_prompt) {
		snprintf(buf, n, "compare with: %s", ap->cmp_path);
		return true;
	}
	if (!ap->cmp)
		return false;
	char where[96];
	compare_view_position(ap->cmp, where, sizeof where);
	const char *tail = ap->rd->message[0] ? ap->rd->message
	                 : ap->cmp_quits ? "q quits  ? help" : "q closes  ? help";
	snprintf(buf, n, "compare  %s  %s", where, tail);
	return true;
}
