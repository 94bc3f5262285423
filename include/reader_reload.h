/* reader_reload.h - the reader of an article read again from disk.
 *
 * When the open article's file changes (live reload, R, or back from the
 * editor), the app loads it again and asks for a reader on the new
 * article that keeps the annotator's place: the same focus, the text at
 * the same byte of the body (clamped to its end), the current quote by
 * its id, else by its position in the file's list, the selected entity
 * (and the filter) by id.  Curses-free. */
#ifndef QUOTH_READER_RELOAD_H
#define QUOTH_READER_RELOAD_H

#include "reader.h"

/* A new reader on next (borrowed: it must outlive the reader) for old's
 * screen, with old's place kept as above and the message "reloaded".
 * old is only read; the caller frees it (and its article) afterwards.
 * NULL on OOM. */
reader *reader_reload(const reader *old, const article *next);

#endif
