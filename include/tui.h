/* tui.h - the interactive reader on the terminal.
 *
 * Sets up curses on the terminal, turns terminal input into input events
 * for app_handle() and redraws on its flags, until the app quits or a
 * SIGINT, SIGTERM or SIGHUP arrives; the terminal is restored on every
 * way out. */
#ifndef QUOTH_TUI_H
#define QUOTH_TUI_H

#include "app.h"
#include "render.h"

/* Runs the reader on ap (borrowed) with colours as color says (a
 * color_mode value).  Standard input and output must be a terminal: main
 * checks that before any work is done.  Returns the exit code: 0 when the
 * reader quits or is interrupted, 1 when the terminal cannot be used. */
int tui_run(app *ap, int color);

#endif
