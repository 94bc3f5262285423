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

/* argv[0] is "snapshot".  Prints the screen on stdout; errors go to
 * stderr.  Returns 0, 1 when the article does not load or no screen can be
 * made, 2 on a usage error (bad option, size or key script). */
int snapshot_main(int argc, char **argv);

#endif
