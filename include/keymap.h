/* keymap.h - keys to actions through one plain table.
 *
 * Keys are the values of keys.h (code points, control codes, QK_*).  The
 * built-in table is in keymap.c; rebinding a key is a one-line change
 * there, or a `bind KEY ACTION` line of the config file (config.h), which
 * main applies with keymap_bind() before the loop starts.  Every function
 * below reads the table in force, so the help shows the live bindings. */
#ifndef QUOTH_KEYMAP_H
#define QUOTH_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"

typedef struct keymap_entry {
	int key;
	action act;
} keymap_entry;

/* Most entries the table in force can hold. */
#define KEYMAP_MAX 128

/* The action bound to key, or ACT_NONE. */
action keymap_lookup(int key);

/* The table, for tests and for listing: entry i of keymap_count(). */
size_t keymap_count(void);
keymap_entry keymap_entry_at(size_t i);

/* The built-in table, whatever is in force (for --dump-config). */
size_t keymap_default_count(void);
keymap_entry keymap_default_at(size_t i);

/* Binds key to act in the table in force: an entry of key keeps its place
 * and takes act, a new key goes at the end, ACT_NONE removes the key's
 * entry.  -1 (nothing changed) when the table is full or act or key is
 * out of range; else 0. */
int keymap_bind(int key, action act);
/* Puts the built-in table back in force (for tests). */
void keymap_reset(void);

/* The key named name, as keymap_key_name() writes it ("j", "Space",
 * "Ctrl-d", "PgDn", "↓" or "Down", "U+00E9", or the character itself);
 * -1 for a name that is no key. */
int keymap_key_from_name(const char *name);

/* The name of a for the config file: "next-quote" (ACTIONS' name in
 * lower case, '_' as '-'); "none" for ACT_NONE.  Into buf; returns buf. */
const char *keymap_action_config_name(action a, char *buf, size_t n);
/* The action of a config name (case and '-' / '_' ignored), ACT_NONE for
 * "none"; -1 for a name that is no action. */
int keymap_action_from_name(const char *name);

/* A printable name for a key ("j", "↓", "Ctrl-d", "Space"), written
 * into buf (truncated to n); returns buf. */
const char *keymap_key_name(int key, char *buf, size_t n);

/* "NEXT_QUOTE"; "NONE" for ACT_NONE or anything out of range. */
const char *keymap_action_name(action a);
/* The help text of a (actions.h); "" for ACT_NONE. */
const char *keymap_action_help(action a);

/* The keys bound to a, read from the table in its order, named by
 * keymap_key_name and separated by spaces, each name once ("j ↓";
 * Enter once though three codes are Enter), into buf (truncated to n at
 * a character); returns buf, "" when a has no key. */
const char *keymap_action_keys(action a, char *buf, size_t n);

/* Lines of the help overlay: one per action, in list order, then one for
 * the mouse, each "  KEYS<padding>HELP" with the keys (keymap_action_keys)
 * in a column of fixed display width.  keymap_help_count() is the number
 * of lines; keymap_help_line() writes line i (0-based) into buf
 * (NUL-terminated, truncated to n) and returns buf, or "" when i is out
 * of range. */
size_t keymap_help_count(void);
const char *keymap_help_line(size_t i, char *buf, size_t n);

/* ---- wt-lib: the help of one screen ---- */
/* Screens, as bits: where an action works. */
enum { KEYMAP_READER = 1 << 0, KEYMAP_LIBRARY = 1 << 1, KEYMAP_SPEAKERS = 1 << 2 };

/* Whether action a does something on a screen of where. */
bool keymap_action_works(action a, unsigned where);

/* The help of the screens where: as keymap_help_count/line, but only the
 * actions that work there (keymap_help_line is the help of all). */
size_t keymap_help_count_for(unsigned where);
const char *keymap_help_line_for(unsigned where, size_t i, char *buf, size_t n);
/* ---- end of wt-lib's block ---- */

#endif
