/* app_compare.h - the compare view in the app (issue 15): the reader of
 * the open article (A) with another annotation of it (B) over its text.
 *
 * The text pane keeps the reader's layout, scrolling and search; only its
 * marks and the quotes pane come from compare_view.h, and ] and [ move
 * between disagreements instead of quotes.  c asks for B's path on the
 * status line.  Curses-free. */
#ifndef QUOTH_APP_COMPARE_H
#define QUOTH_APP_COMPARE_H

#include <stdbool.h>
#include <stddef.h>

#include "app.h"

/* Compares the open article with the one at path_b, named name_a and
 * path_b in the title (name_a NULL: the article's file).  False when there
 * is no article open, B does not load, the bodies differ or memory runs
 * out, with why in why (n bytes); the app is then unchanged. */
bool app_compare_open(app *ap, const char *name_a, const char *path_b,
                      char *why, size_t n);

/* The same with B already loaded from path_b; the app takes b, which is
 * freed when it is refused. */
bool app_compare_with(app *ap, const char *name_a, article *b, const char *path_b,
                      char *why, size_t n);

/* A key on the reader screen while comparing or typing B's path, or c:
 * true when it was the compare view's, with *out the flags. */
bool app_compare_key(app *ap, int key, handler_result *out);

/* The open article was read again (app_reload): compared anew with the
 * same B, or the view closed when the bodies no longer agree. */
void app_compare_reloaded(app *ap);

/* Closes the view (and the prompt); accepts an app without one. */
void app_compare_close(app *ap);

/* The title ("a.yaml vs b.yaml · exact F1 …") and status lines while
 * comparing or typing the path; false when neither. */
bool app_compare_title(const app *ap, char *buf, size_t n);
bool app_compare_status(const app *ap, char *buf, size_t n);

#endif
