/* app.h - the whole program's state: the library, the open article, the
 * reader, the help overlay; and the one dispatch for every input event.
 *
 * Curses-free.  The interactive loop and `quoth snapshot --keys` both turn
 * their input into input_events and call app_handle(), which returns
 * handler_result flags (handler.h): the loop redraws, repaints or quits
 * (HANDLER_CLOSE) on them. */
#ifndef QUOTH_APP_H
#define QUOTH_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "diag.h"
#include "geometry.h"
#include "handler.h"
#include "keys.h"
#include "library.h"
#include "overlay.h"
#include "reader.h"
#include "speakers.h"

typedef enum app_screen {
	APP_SCREEN_LIBRARY,
	APP_SCREEN_READER,
	APP_SCREEN_SPEAKERS,    /* who is quoted across the library (S) */
} app_screen;

struct speakers_view;

#define APP_MESSAGE_MAX 256

typedef struct app {
	app_screen screen;
	int cols;
	int rows;
	geometry geo;       /* of the whole screen; the reader keeps its own */

	library *lib;       /* owned; NULL when opened on one article */
	list_view lib_view; /* over the library's rows (lib_view.n == lib->n) */
	bool lib_filtering; /* `/` typed: keys go to the filter */
	size_t lib_opened;  /* file index of the article open from the
	                       library, refreshed on the way back */
	size_t lib_threads; /* the library's reading workers (0: none) */
	struct speakers_view *sv; /* owned: the speakers screen, or NULL */
	app_screen reader_from;   /* where q in the reader goes back to */
	bool speakers_overlay;    /* the reader's speakers overlay is open */
	speaker_table art_speakers; /* owned: the open article's speakers,
	                               for the overlay */

	article *art;       /* owned: the open article, or NULL */
	reader *rd;         /* owned: its reader, or NULL */

	bool help;          /* the help overlay is open */
	size_t help_top;    /* first help line shown */

	/* The reader's boxes (d, i, !): which is open, its rows wrapped to
	 * the box (owned, rebuilt on resize), the first row shown. */
	overlay_kind overlay;
	overlay_rows overlay_rows;
	size_t overlay_top;
	diag_list problems; /* owned copy of the open article's load problems */

	char message[APP_MESSAGE_MAX]; /* library screen message, "" if none */

	/* The annotator's loop (app_reload.c's functions below). */
	bool watch_article; /* the article has a file to reload and edit (not
	                       standard input); main sets it */
	bool edit_pending;  /* e was pressed: the loop runs the editor on
	                       app_edit_target() and then calls app_reload() */
	const char *hidden_types; /* borrowed: the config's hidden types, comma-
	                       separated, or NULL */
	const char *types;  /* borrowed: `--types` (shown types, comma-
	                       separated) for every article opened, or NULL */

	/* ---- the compare view (issue 15, app_compare.h) ---- */
	struct compare_view *cmp;   /* owned: the open article (A) against
	                               another annotation (B), or NULL */
	bool cmp_quits;             /* q in it ends the program (diff --view) */
	bool cmp_prompt;            /* c typed: keys go to the path's line */
	char cmp_path[APP_MESSAGE_MAX];
} app;

/* An app reading article a, which it takes (freed by app_free even when
 * this fails).  q quits.  NULL on OOM. */
app *app_new_article(article *a, int cols, int rows);

/* An app on the library of dir (quoth DIR; quoth with no argument passes
 * the default directory).  Enter opens an article, q in it comes back.
 * NULL on OOM only: an unreadable directory shows its error. */
app *app_new_library(const char *dir, int cols, int rows);

/* Shows only the entity types of the comma-separated list (`--types
 * PERSON,ORG`) in the open article and every one opened after; types is
 * borrowed and must outlive the app.  NULL shows every type. */
void app_set_types(app *ap, const char *types);
/* Hides the entity types of the comma-separated list (the config file's
 * `hide` lines) in the open article and every one opened after; borrowed
 * as types is.  NULL hides none. */
void app_set_hidden_types(app *ap, const char *hidden);

/* The same reading with threads workers in the background (0: none, then
 * all is read before it returns), at most limit articles (SIZE_MAX: all);
 * app_poll shows what they read meanwhile. */
app *app_new_library_reading(const char *dir, int cols, int rows,
                             size_t threads, size_t limit);

/* Called by the loop when no event came: HANDLER_REDRAW when the
 * library's background reading changed what is shown. */
handler_result app_poll(app *ap);

/* Whether app_poll has anything to wait for: the loop polls more often
 * while true. */
bool app_busy(const app *ap);

/* Frees the library, the article and the reader.  Accepts NULL. */
void app_free(app *ap);

/* Handles one event (key, click, wheel, resize).  HANDLER_CLOSE: the
 * program is done (q on the last screen). */
handler_result app_handle(app *ap, const input_event *ev);

/* Lines of the help overlay: count, and line i into buf (truncated to n).
 * Rows shown: geometry help box minus its border; help_top scrolls. */
size_t app_help_count(const app *ap);
const char *app_help_line(const app *ap, size_t i, char *buf, size_t n);

/* Gives the app the problems of the open article's load, for the
 * problems box (!) and the detail of a quote not found (d): copied, so
 * the caller keeps and frees its list; an earlier list is replaced.
 * false on OOM (then the app holds none). */
bool app_set_problems(app *ap, const diag_list *problems);

/* Says in the reader's message what app_set_problems stored ("2 problems:
 * ! lists them"), after done ("reloaded") when it is not "". */
void app_problems_notice(app *ap, const char *done);

/* The title line and the status line of the current screen. */
void app_title(const app *ap, char *buf, size_t n);
void app_status(const app *ap, char *buf, size_t n);

/* Line i of the library list (see library_entry_line). */
void app_library_line(const app *ap, size_t i, char *buf, size_t n);

/* ---- the annotator's loop: reload, edit (issue 16) ------------------- */

/* Loads the open article's file again and keeps the reader's place
 * (reader_reload.h), with the message "reloaded".  A load that fails
 * keeps the last good article on screen with the first problem as an
 * error message; the next change is tried again.  HANDLER_REDRAW, or
 * HANDLER_IGNORED when no article with a file is open. */
handler_result app_reload(app *ap);

/* The file (and the directory) changed on disk: called by the loop when
 * the library's directory changed.  Rebuilds the library with
 * library_load for now, keeping the cursor on the same file; the library
 * being rewritten may call it, or replace its body. */
handler_result app_files_changed(app *ap);

/* The path the loop watches for the open article (its file), NULL when
 * none or when it has no file (standard input). */
const char *app_watch_path(const app *ap);

/* Where e opens the editor: the article's file (the library's selected
 * file) and the file line of the current quote, else of the selected
 * entity, else of the text's top line (0 when unknown: no +LINE).  False
 * when there is no file to edit (then *why says so). */
bool app_edit_target(const app *ap, const char **file, int *line, const char **why);

/* A message on the current screen: prefix then arg (may be NULL), as an
 * error when error (main shows the config file's first problem so). */
void app_notice(app *ap, bool error, const char *prefix, const char *arg);

/* Whether row i of the library is an article that failed to load. */
bool app_library_row_failed(const app *ap, size_t i);
/* Whether row i is an article not read yet. */
bool app_library_row_pending(const app *ap, size_t i);

#endif
