/* snapshot.h - `quoth snapshot`: the screen after a key script, as text.
 *
 * Runs the app on a curses screen that writes to /dev/null, feeds it the
 * keys through the same app_handle() as the interactive loop, then reads
 * the composed screen back cell by cell and prints it: a header line, the
 * text grid (ROWS lines of '|' + COLS display columns + '|'), the cursor,
 * the style grid (one letter per cell, '.' for the default style) and a
 * legend naming the roles of style.h behind each letter.  Nothing depends
 * on the environment: terminal type, locale and time zone are fixed, and
 * NO_COLOR is ignored (--color decides, never by default). */
#ifndef QUOTH_SNAPSHOT_H
#define QUOTH_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>

/* argv[0] is "snapshot".  Prints the screen on stdout; errors go to
 * stderr.  Returns 0, 1 when the article does not load or no screen can be
 * made, 2 on a usage error (bad option, size or key script). */
int snapshot_main(int argc, char **argv);

/* The whole path from bytes to a screen, for the fuzz target: loads the
 * article in bytes (named name in diagnostics) as the reader does,
 * tolerantly, and if an article could be made, problems or not, runs the
 * key script on a headless cols x rows screen and reads the screen back.
 * Prints nothing.  Returns 0 when an article was drawn, 1 when none could
 * be made, 2 when the key script is bad or no screen can be made. */
int snapshot_exercise(const char *name, const char *bytes, size_t len,
                      int cols, int rows, const char *keys, bool color);

#endif
