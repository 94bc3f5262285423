/* handler.h - what handling one event did, the loop's one result type.
 *
 * As htop's HandlerResult: reader_apply(), reader_search_key(),
 * reader_click(), reader_wheel(), reader_resize() and app_handle() all
 * return these flags, or'ed together, and the loop acts on them.  The
 * reader and the app share the set, so nothing translates one into the
 * other. */
#ifndef QUOTH_HANDLER_H
#define QUOTH_HANDLER_H

typedef enum handler_result {
	HANDLER_IGNORED     = 0,       /* nothing changed: no need to draw */
	HANDLER_REDRAW      = 1 << 0,  /* something visible changed */
	HANDLER_FULL_REDRAW = 1 << 1,  /* clear and repaint everything (Ctrl-L) */
	HANDLER_CLOSE       = 1 << 2,  /* the screen that handled it is done:
	                                  from the reader, leave the article;
	                                  from app_handle, leave the program */
	HANDLER_NEXT_ARTICLE = 1 << 3, /* from the reader: open the library's */
	HANDLER_PREV_ARTICLE = 1 << 4, /* next or previous article instead */
} handler_result;

#endif
