/* keyscript.h - the key notation of `quoth snapshot --keys`.
 *
 * A script is a string of keys, read left to right into input events, the
 * same events the interactive loop makes from the terminal:
 *
 *   script   := item*
 *   item     := CHAR | '<' name '>'
 *   CHAR     := any character but '<' (UTF-8), standing for itself
 *   name     := Enter | Tab | S-Tab | Esc | Space | Up | Down | Left | Right
 *             | PgUp | PgDn | Home | End | F1 | BS | lt
 *             | C-x                    control key, x a letter or one of @[\]^_
 *             | resize COLSxROWS        the terminal takes that size
 *             | click COL ROW           left click on a cell (0-based)
 *             | wheel-up [COL ROW]      wheel over a cell; without a cell,
 *             | wheel-down [COL ROW]    over the middle of the text pane
 *
 * Names are case-insensitive; <lt> is a literal '<'; <CR> and <Return> are
 * Enter, <BTab> is S-Tab, <PageUp>/<PageDown> are PgUp/PgDn, <Backspace> is
 * BS.  Inside <...> the words are separated by single spaces. */
#ifndef QUOTH_KEYSCRIPT_H
#define QUOTH_KEYSCRIPT_H

#include <stddef.h>

#include "keys.h"

/* x and y of a wheel event given without a cell: the caller puts it over
 * the middle of the text pane. */
#define KEYSCRIPT_NO_CELL (-1)

typedef struct keyscript {
	input_event *events;   /* owned; n of them */
	size_t n;
} keyscript;

/* Parses script into *out.  Returns 0 on success; the caller frees *out
 * with keyscript_free().  On an error returns -1, leaves *out empty and
 * writes "position P: what is wrong" into err (P counts characters from 1). */
int keyscript_parse(const char *script, keyscript *out, char *err, size_t errlen);

/* Releases the events; accepts NULL and an empty script. */
void keyscript_free(keyscript *ks);

#endif
