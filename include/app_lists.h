/* app_lists.h - the moves every list screen of the app shares (the
 * library, the speakers and a speaker's quotes): one action on a
 * list_view.  A leaf of app.c and app_speakers.c. */
#ifndef QUOTH_APP_LISTS_H
#define QUOTH_APP_LISTS_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "listview.h"

/* Moves v for act (j k, pages, half pages, top, bottom) in a pane of rows
 * rows; false, and v untouched, for any other action. */
bool app_list_move(list_view *v, action act, size_t rows);

#endif
