/* actions.h - everything a key can ask for, in one list.
 *
 * ACTIONS(X) gives, for each action, its enum name, the keys shown in the
 * help and the help text.  The enum, the help overlay and the keymap test
 * are all generated from it, so the help cannot drift from the keys.  The
 * key table itself is in keymap.c. */
#ifndef QUOTH_ACTIONS_H
#define QUOTH_ACTIONS_H

#include <stddef.h>

#define ACTIONS(X) \
	X(QUIT,          "q",              "back to the library, or quit") \
	X(DOWN,          "j Down",         "scroll one line down, or next item in a list") \
	X(UP,            "k Up",           "scroll one line up, or previous item in a list") \
	X(PAGE_DOWN,     "Space PgDn",     "one page down") \
	X(PAGE_UP,       "b PgUp",         "one page up") \
	X(HALF_DOWN,     "Ctrl-d",         "half a page down") \
	X(HALF_UP,       "Ctrl-u",         "half a page up") \
	X(TOP,           "g Home",         "go to the top") \
	X(BOTTOM,        "G End",          "go to the bottom") \
	X(FOCUS_NEXT,    "Tab",            "focus the next pane (next tab when narrow)") \
	X(FOCUS_PREV,    "Shift-Tab",      "focus the previous pane") \
	X(PANE_TEXT,     "1",              "the text") \
	X(PANE_ENTITIES, "2",              "the entities") \
	X(PANE_QUOTES,   "3",              "the quotes") \
	X(NEXT_QUOTE,    "]",              "next quote") \
	X(PREV_QUOTE,    "[",              "previous quote") \
	X(ENTER,         "Enter",          "go to the quote, select the entity, open") \
	X(NEXT_MENTION,  "m",              "next mention of the selected entity") \
	X(PREV_MENTION,  "M",              "previous mention of the selected entity") \
	X(FILTER,        "s",              "only the selected entity's quotes; again: all") \
	X(SEARCH,        "/",              "search the text (Enter confirms, Esc cancels)") \
	X(SEARCH_NEXT,   "n",              "next match") \
	X(SEARCH_PREV,   "N",              "previous match") \
	X(HELP,          "? F1",           "this help") \
	X(CLEAR,         "Esc",            "clear the selection and the search") \
	X(REDRAW,        "Ctrl-L",         "redraw the screen")

typedef enum action {
	ACT_NONE,
#define ACTIONS_ENUM(name, keys, help) ACT_##name,
	ACTIONS(ACTIONS_ENUM)
#undef ACTIONS_ENUM
	ACT_COUNT
} action;

/* "NEXT_QUOTE"; "NONE" for ACT_NONE or anything out of range. */
const char *action_name(action a);
/* The keys as shown in the help ("j Down"); "" for ACT_NONE. */
const char *action_keys(action a);
/* The help text; "" for ACT_NONE. */
const char *action_help(action a);

/* Lines of the help overlay: one per action, in list order, then one for
 * the mouse, formatted as "  KEYS<padding>HELP" with the keys in a column
 * of fixed width.
 * actions_help_count() is the number of lines; actions_help_line() writes
 * line i (0-based) into buf (NUL-terminated, truncated to n) and returns
 * buf, or "" when i is out of range. */
size_t actions_help_count(void);
const char *actions_help_line(size_t i, char *buf, size_t n);

#endif
