/* keymap.c - the key table and the help lines; see keymap.h, actions.h. */
#include "keymap.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "keys.h"

/* Column where the help text starts, after the keys. */
#define HELP_KEYS_WIDTH 14

static const keymap_entry keymap[] = {
	{ .key = 'q',            .act = ACT_QUIT },
	{ .key = 'j',            .act = ACT_DOWN },
	{ .key = QK_DOWN,        .act = ACT_DOWN },
	{ .key = 'k',            .act = ACT_UP },
	{ .key = QK_UP,          .act = ACT_UP },
	{ .key = ' ',            .act = ACT_PAGE_DOWN },
	{ .key = QK_PGDN,        .act = ACT_PAGE_DOWN },
	{ .key = 'b',            .act = ACT_PAGE_UP },
	{ .key = QK_PGUP,        .act = ACT_PAGE_UP },
	{ .key = QK_CTRL('d'),   .act = ACT_HALF_DOWN },
	{ .key = QK_CTRL('u'),   .act = ACT_HALF_UP },
	{ .key = 'g',            .act = ACT_TOP },
	{ .key = QK_HOME,        .act = ACT_TOP },
	{ .key = 'G',            .act = ACT_BOTTOM },
	{ .key = QK_END,         .act = ACT_BOTTOM },
	{ .key = QK_TAB,         .act = ACT_FOCUS_NEXT },
	{ .key = QK_BTAB,        .act = ACT_FOCUS_PREV },
	{ .key = '1',            .act = ACT_PANE_TEXT },
	{ .key = '2',            .act = ACT_PANE_ENTITIES },
	{ .key = '3',            .act = ACT_PANE_QUOTES },
	{ .key = ']',            .act = ACT_NEXT_QUOTE },
	{ .key = '[',            .act = ACT_PREV_QUOTE },
	{ .key = QK_ENTER,       .act = ACT_ENTER },
	{ .key = '\r',           .act = ACT_ENTER },
	{ .key = QK_ENTER_KEY,   .act = ACT_ENTER },
	{ .key = 'm',            .act = ACT_NEXT_MENTION },
	{ .key = 'M',            .act = ACT_PREV_MENTION },
	{ .key = 's',            .act = ACT_FILTER },
	{ .key = '/',            .act = ACT_SEARCH },
	{ .key = 'n',            .act = ACT_SEARCH_NEXT },
	{ .key = 'N',            .act = ACT_SEARCH_PREV },
	{ .key = '?',            .act = ACT_HELP },
	{ .key = QK_F1,          .act = ACT_HELP },
	{ .key = QK_ESC,         .act = ACT_CLEAR },
	{ .key = QK_CTRL('l'),   .act = ACT_REDRAW },
};

#define KEYMAP_COUNT (sizeof keymap / sizeof keymap[0])

typedef struct action_info {
	const char *name;
	const char *keys;
	const char *help;
} action_info;

static const action_info actions[ACT_COUNT] = {
	[ACT_NONE] = { .name = "NONE", .keys = "", .help = "" },
#define ACTIONS_INFO(id, k, h) [ACT_##id] = { .name = #id, .keys = k, .help = h },
	ACTIONS(ACTIONS_INFO)
#undef ACTIONS_INFO
};

action keymap_lookup(int key)
{
	for (size_t i = 0; i < KEYMAP_COUNT; i++)
		if (keymap[i].key == key)
			return keymap[i].act;
	return ACT_NONE;
}

size_t keymap_count(void)
{
	return KEYMAP_COUNT;
}

keymap_entry keymap_entry_at(size_t i)
{
	if (i >= KEYMAP_COUNT)
		return (keymap_entry){ .key = 0, .act = ACT_NONE };
	return keymap[i];
}

static const char *special_key_name(int key)
{
	switch (key) {
	case QK_UP: return "Up";
	case QK_DOWN: return "Down";
	case QK_LEFT: return "Left";
	case QK_RIGHT: return "Right";
	case QK_PGUP: return "PgUp";
	case QK_PGDN: return "PgDn";
	case QK_HOME: return "Home";
	case QK_END: return "End";
	case QK_BTAB: return "Shift-Tab";
	case QK_F1: return "F1";
	case QK_BACKSPACE: return "Backspace";
	case QK_ENTER_KEY: return "Enter";
	case QK_ENTER: return "Enter";
	case '\r': return "Enter";
	case QK_TAB: return "Tab";
	case QK_ESC: return "Esc";
	case ' ': return "Space";
	case 127: return "Backspace";
	default: return NULL;
	}
}

const char *keymap_key_name(int key, char *buf, size_t n)
{
	const char *special = special_key_name(key);

	if (n == 0)
		return buf;
	if (special)
		snprintf(buf, n, "%s", special);
	else if (key > 0 && key < 32)
		snprintf(buf, n, "Ctrl-%c", key + 'a' - 1);
	else if (key > 32 && key < 127)
		snprintf(buf, n, "%c", key);
	else
		snprintf(buf, n, "U+%04X", (unsigned)key);
	return buf;
}

static bool action_valid(action a)
{
	return a > ACT_NONE && a < ACT_COUNT;
}

const char *action_name(action a)
{
	return action_valid(a) ? actions[a].name : "NONE";
}

const char *action_keys(action a)
{
	return action_valid(a) ? actions[a].keys : "";
}

const char *action_help(action a)
{
	return action_valid(a) ? actions[a].help : "";
}

/* The mouse is no key of the table, but the help names it too. */
#define HELP_MOUSE_KEYS "mouse"
#define HELP_MOUSE_TEXT "click selects a quote, an entity or a pane; wheel scrolls"

size_t actions_help_count(void)
{
	return ACT_COUNT;  /* every action but ACT_NONE, then the mouse */
}

const char *actions_help_line(size_t i, char *buf, size_t n)
{
	if (n == 0)
		return buf;
	if (i >= actions_help_count()) {
		buf[0] = '\0';
		return buf;
	}
	action a = (action)(i + 1);
	if (a == ACT_COUNT)
		snprintf(buf, n, "  %-*s%s", HELP_KEYS_WIDTH, HELP_MOUSE_KEYS, HELP_MOUSE_TEXT);
	else
		snprintf(buf, n, "  %-*s%s", HELP_KEYS_WIDTH, action_keys(a), action_help(a));
	return buf;
}
