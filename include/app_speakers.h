/* app_speakers.h - the speakers screen of the app and the reader's
 * speakers overlay: what app.c hands their keys to.  Curses-free; the
 * lines they show are speakers_view.h's. */
#ifndef QUOTH_APP_SPEAKERS_H
#define QUOTH_APP_SPEAKERS_H

#include "actions.h"
#include "app.h"

/* S on the library: counts the speakers of the articles shown and opens
 * the speakers screen on them. */
handler_result app_speakers_open(app *ap);

/* An action on the speakers screen: moves, sorts (o), Enter lists the
 * speaker's quotes or opens the article at one, q goes back one level. */
handler_result app_speakers_action(app *ap, action act);

/* A click or the wheel on the speakers screen's list. */
handler_result app_speakers_click(app *ap, int y);
handler_result app_speakers_wheel(app *ap, int delta);

/* The screen's lists stay in view after a resize. */
void app_speakers_resized(app *ap);

/* Its title and status lines. */
void app_speakers_title(const app *ap, char *buf, size_t n);
void app_speakers_status(const app *ap, char *buf, size_t n);

/* S in the reader: the open article's speakers as an overlay (any key
 * closes it). */
handler_result app_speakers_overlay_open(app *ap);

/* Frees the speakers screen and the overlay's table. */
void app_speakers_close(app *ap);

/* Line i of the speakers screen's list (a speaker, or with its quotes
 * open a quote) and the line above the list, width columns wide. */
void app_speakers_line(const app *ap, size_t i, int width, char *buf, size_t n);
void app_speakers_header(const app *ap, int width, char *buf, size_t n);

/* The overlay's lines: count, and line i (0 the header). */
size_t app_speakers_overlay_count(const app *ap);
void app_speakers_overlay_line(const app *ap, size_t i, int width, char *buf, size_t n);

#endif
