/* editor.h - starting the user's editor at a line of a file.
 *
 * `e` in the reader opens $VISUAL, else $EDITOR, else vi, as
 * `EDITOR +LINE FILE`, which vi, vim, nvim, nano, emacs, micro and kak all
 * accept.  The variable may hold arguments (`code --wait`, `emacs -nw`),
 * split as a shell splits words, with '…' and "…" quoting.  Curses-free:
 * the caller leaves and restores the screen around editor_run(). */
#ifndef QUOTH_EDITOR_H
#define QUOTH_EDITOR_H

/* The editor's command for file at line (no +LINE when line <= 0): a
 * NULL-terminated array the caller frees with editor_argv_free().  visual
 * and editor are the variables' values (NULL or "" when unset).  NULL when
 * out of memory, or when the chosen value has an unterminated quote (then
 * *error says so). */
char **editor_argv(const char *visual, const char *editor, int line,
                   const char *file, const char **error);
/* Accepts NULL. */
void editor_argv_free(char **argv);

/* Runs argv in a child process and waits for it.  Returns its exit
 * status (0-255), 127 when it could not be started (as a shell says), or
 * -1 when no process could be made. */
int editor_run(char *const *argv);

#endif
