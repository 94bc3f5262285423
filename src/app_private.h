/* app_private.h - what the app's files share and nobody else sees: the
 * open article (app_article.c), the help and the reader's boxes
 * (app_overlay.c), the library screen (app_library.c), and e and R
 * (app_reload.c).  app.c dispatches the events to them.
 *
 * Calls run one way: app.c -> app_library.c -> app_speakers.c ->
 * app_article.c -> app_problems.c; app_overlay.c and app_reload.c are
 * leaves of the screens that use them. */
#ifndef QUOTH_APP_PRIVATE_H
#define QUOTH_APP_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "app.h"
#include "corpus_files.h"
#include "diag.h"

/* ---- app_article.c: the open article ---------------------------------- */

/* How app_article_read went. */
typedef enum app_read {
	APP_READ_OK,
	APP_READ_FAILED,        /* no article could be made: diags say why */
	APP_READ_NO_MEMORY,     /* the article loaded, its reader did not */
} app_read;

/* Reads the article of the listing entry f (a file, or a line of a JSON
 * Lines file) for the reader, tolerantly (an article with
 * problems opens too), into *a with its reader *rd over it, the user's
 * view settings applied: the types shown (--types) and hidden (the
 * config's hide lines).  diags gets the load's problems whatever
 * happens.  Unless APP_READ_OK, *a and *rd are NULL.  The app is not
 * changed; the caller frees diags. */
app_read app_article_read(const app *ap, const corpus_file *f, article **a,
                          reader **rd, diag_list *diags);

/* Puts a and its reader rd (app_article_read's) in place of the open
 * article, which is closed; the app takes both.  Keeps a copy of its
 * problems for the ! box and says them in the message.  q in the reader
 * goes back to from; file is the library file it came from. */
void app_article_show(app *ap, article *a, reader *rd, const diag_list *problems,
                      app_screen from, size_t file);

/* Closes the open article, its reader, compare view and boxes; accepts an
 * app with none. */
void app_article_close(app *ap);

/* ---- app_overlay.c: the help and the reader's boxes (d, i, !) --------- */

/* Opens the help on the current screen; HANDLER_IGNORED when the screen
 * is too small. */
handler_result app_help_open(app *ap);
/* A key while the help is open: j/k scroll a long one, any other closes. */
handler_result app_help_key(app *ap, int key);
/* Scrolls the help by delta lines, within its length (0: back in range
 * after a resize). */
void app_help_scroll(app *ap, long delta);

/* The box an action opens on the reader, or OVERLAY_NONE. */
overlay_kind app_overlay_of(action act);
handler_result app_overlay_open(app *ap, overlay_kind kind);
/* A key while a box is open: j/k scroll a long one, any other closes. */
handler_result app_overlay_key(app *ap, int key);
void app_overlay_scroll(app *ap, long delta);
void app_overlay_close(app *ap);
/* Wraps the open box's rows anew (after a resize); closes it when that
 * fails or the screen is too small. */
void app_overlay_rebuild(app *ap);

/* ---- app_library.c: the library screen -------------------------------- */

/* Rows the library's list shows. */
size_t app_library_rows(const app *ap);
/* An action, a key while `/` filters, a click, the wheel on the library. */
handler_result app_library_action(app *ap, action act);
handler_result app_library_filter_key(app *ap, int key);
handler_result app_library_click(app *ap, int y);
handler_result app_library_wheel(app *ap, int delta);
/* Back from the reader: the article read is read again, and every other
 * file whose time or size changed meanwhile. */
void app_library_back(app *ap);
/* J and K in the reader (dir 1, -1): the library's next or previous
 * article, passing over those that do not load. */
handler_result app_library_open_neighbour(app *ap, int dir);
/* The library's title and status lines. */
void app_library_title(const app *ap, char *buf, size_t n);
void app_library_status(const app *ap, char *buf, size_t n);

/* ---- app_reload.c: e and R ------------------------------------------- */

/* e asks the loop for the editor (which it runs, then reloads), R
 * reloads the article or the library now; on either screen. */
handler_result app_loop_action(app *ap, action act);

#endif
