/* config.h - the config file: key bindings, colours, options.
 *
 * $XDG_CONFIG_HOME/quoth/config (else ~/.config/quoth/config), or the
 * file of --config.  One setting a line, words separated by blanks; a
 * line whose first word starts with '#' is a comment, and so is the rest
 * of a line from a word starting with '#' (but for the KEY of bind, so
 * that `bind # help` binds '#'):
 *
 *     color ROLE FG BG [ATTR...]   the look of a role in colour
 *     mono ROLE [ATTR...]          its look without colour
 *     bind KEY ACTION              KEY as the help names it; ACTION none unbinds
 *     set color auto|always|never  the default colour mode
 *     hide TYPE...                 entity types the reader hides
 *
 * ROLE is style_role_name() ("quote-current", "entity.PERSON"), FG and BG
 * a style_color_name(), ATTR bold, underline, reverse, dim, italic or
 * normal; KEY keymap_key_from_name(), ACTION keymap_action_config_name().
 *
 * Curses-free.  config_parse() is a pure function from bytes to a config
 * and located diagnostics, as the loader's; config_apply() hands the
 * result to the key table (keymap_bind) and the role table
 * (style_set_look). */
#ifndef QUOTH_CONFIG_H
#define QUOTH_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "actions.h"
#include "diag.h"
#include "style.h"

typedef enum config_color_mode {
	CONFIG_COLOR_UNSET,     /* no `set color` line */
	CONFIG_COLOR_AUTO,
	CONFIG_COLOR_ALWAYS,
	CONFIG_COLOR_NEVER,
} config_color_mode;

typedef struct config_look {
	style_role role;
	bool color;             /* a color line; false: a mono line */
	style look;
} config_look;

typedef struct config_bind {
	int key;                /* keys.h */
	action act;             /* ACT_NONE: unbind */
} config_bind;

typedef struct config {
	config_look *looks;     /* owned, in file order */
	size_t n_looks;
	config_bind *binds;     /* owned, in file order */
	size_t n_binds;
	config_color_mode color_mode;
	char **hidden;          /* owned: the types of hide lines, in order;
	                           for the reader's hidden types */
	size_t n_hidden;
} config;

/* Parses bytes[0..len) (name is used in diagnostics) into *out, which
 * the caller frees with config_free() whatever the result.  Every line
 * that is understood is kept; every other one adds a diagnostic at
 * name:LINE:COL, with a "did you mean" when a word is close to a known
 * one.  Returns the number of problems (0: the whole file was read);
 * -1 when out of memory (then *out may hold part of the file). */
long config_parse(const char *name, const char *bytes, size_t len,
                  config *out, diag_list *diags);

/* Reads the file at path and parses it, as config_parse; a file that
 * cannot be read is one problem.  missing_ok: a file that does not
 * exist is no problem and gives an empty config (the default path). */
long config_load_file(const char *path, bool missing_ok, config *out,
                      diag_list *diags);

/* The default path, $XDG_CONFIG_HOME/quoth/config or
 * $HOME/.config/quoth/config, from the variables' values (NULL or ""
 * when unset), into buf; NULL when neither is set or buf is too small. */
const char *config_default_path(const char *xdg_config_home, const char *home,
                                char *buf, size_t n);

/* Binds the keys and sets the looks of c, in file order.  -1 when a
 * binding did not fit the key table (the rest are applied). */
int config_apply(const config *c);

/* Writes the settings in force, in the file's syntax, so that the output
 * parses back to the same: set color (mode: auto, always or never), a
 * color and a mono line for every role, a bind line for every key (and
 * `bind KEY none` for a built-in key no longer bound).  -1 on a write
 * error. */
int config_write(FILE *out, const char *mode);

/* Accepts a zeroed config; leaves it zeroed. */
void config_free(config *c);

#endif
