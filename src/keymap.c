/* keymap.c - the key table, and the help lines read from it; see
 * keymap.h, actions.h. */
#include "keymap.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "keys.h"
#include "text.h"

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
	/* ---- wt-lib: the library's keys ---- */
	{ .key = 'o',            .act = ACT_SORT },
	{ .key = 'S',            .act = ACT_SPEAKERS },
	/* ---- end of wt-lib's keys ---- */
};

#define KEYMAP_COUNT (sizeof keymap / sizeof keymap[0])

static const char *const action_names[ACT_COUNT] = {
	[ACT_NONE] = "NONE",
#define ACTIONS_NAME(id, h) [ACT_##id] = #id,
	ACTIONS(ACTIONS_NAME)
#undef ACTIONS_NAME
};

static const char *const action_helps[ACT_COUNT] = {
	[ACT_NONE] = "",
#define ACTIONS_HELP(id, h) [ACT_##id] = h,
	ACTIONS(ACTIONS_HELP)
#undef ACTIONS_HELP
};

/* ---- wt-lib: where each action works -------------------------------
 * The help of a screen lists only what works there.  An action not named
 * here works everywhere, so one added later shows in every help until it
 * is given its screens. */
static const unsigned action_where[ACT_COUNT] = {
	[ACT_FOCUS_NEXT] = KEYMAP_READER,
	[ACT_FOCUS_PREV] = KEYMAP_READER,
	[ACT_PANE_TEXT] = KEYMAP_READER,
	[ACT_PANE_ENTITIES] = KEYMAP_READER,
	[ACT_PANE_QUOTES] = KEYMAP_READER,
	[ACT_NEXT_QUOTE] = KEYMAP_READER,
	[ACT_PREV_QUOTE] = KEYMAP_READER,
	[ACT_NEXT_MENTION] = KEYMAP_READER,
	[ACT_PREV_MENTION] = KEYMAP_READER,
	[ACT_FILTER] = KEYMAP_READER,
	[ACT_SEARCH_NEXT] = KEYMAP_READER,
	[ACT_SEARCH_PREV] = KEYMAP_READER,
	[ACT_SORT] = KEYMAP_LIBRARY | KEYMAP_SPEAKERS,
	[ACT_SPEAKERS] = KEYMAP_LIBRARY | KEYMAP_READER,
	/* The speakers screen is a list: no search, filter or panes. */
	[ACT_SEARCH] = KEYMAP_READER | KEYMAP_LIBRARY,
	[ACT_CLEAR] = KEYMAP_READER | KEYMAP_LIBRARY,
};

bool keymap_action_works(action a, unsigned where)
{
	if (a <= ACT_NONE || a >= ACT_COUNT)
		return false;
	return action_where[a] == 0 || (action_where[a] & where) != 0;
}

/* Line i of the help of screen where: the i-th action that works there,
 * then the mouse; ACT_COUNT stands for the mouse, ACT_NONE for past it. */
static action help_action_for(unsigned where, size_t i)
{
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		if (keymap_action_works((action)a, where) && i-- == 0)
			return (action)a;
	return i == 0 ? ACT_COUNT : ACT_NONE;
}

size_t keymap_help_count_for(unsigned where)
{
	size_t n = 1;   /* the mouse */
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		n += keymap_action_works((action)a, where);
	return n;
}
/* ---- end of wt-lib's block ------------------------------------------ */

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
	case QK_UP: return "\u2191";     /* ↑ */
	case QK_DOWN: return "\u2193";   /* ↓ */
	case QK_LEFT: return "\u2190";   /* ← */
	case QK_RIGHT: return "\u2192";  /* → */
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

const char *keymap_action_name(action a)
{
	return action_valid(a) ? action_names[a] : "NONE";
}

const char *keymap_action_help(action a)
{
	return action_valid(a) ? action_helps[a] : "";
}

/* Whether name is already one of the space-separated words of list. */
static bool word_listed(const char *list, const char *name)
{
	size_t nl = strlen(name);
	for (const char *p = strstr(list, name); p; p = strstr(p + 1, name))
		if ((p == list || p[-1] == ' ') && (p[nl] == '\0' || p[nl] == ' '))
			return true;
	return false;
}

const char *keymap_action_keys(action a, char *buf, size_t n)
{
	size_t len = 0;

	if (n == 0)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; i < KEYMAP_COUNT; i++) {
		char name[32];
		if (keymap[i].act != a)
			continue;
		keymap_key_name(keymap[i].key, name, sizeof name);
		if (word_listed(buf, name))
			continue;
		size_t add = strlen(name) + (len > 0);
		if (len + add >= n)
			break;  /* whole names only: never half a character */
		snprintf(buf + len, n - len, "%s%s", len > 0 ? " " : "", name);
		len += add;
	}
	return buf;
}

/* The mouse is no key of the table, but the help names it too. */
#define HELP_MOUSE_KEYS "mouse"
#define HELP_MOUSE_TEXT "click selects a quote, an entity or a pane; wheel scrolls"

size_t keymap_help_count(void)
{
	return ACT_COUNT;  /* every action but ACT_NONE, then the mouse */
}

const char *keymap_help_line(size_t i, char *buf, size_t n)
{
	return keymap_help_line_for(~0u, i, buf, n);
}

const char *keymap_help_line_for(unsigned where, size_t i, char *buf, size_t n)
{
	char keys[64];
	const char *help;

	if (n == 0)
		return buf;
	buf[0] = '\0';
	action a = help_action_for(where, i);
	if (a == ACT_NONE)
		return buf;
	if (a == ACT_COUNT) {
		snprintf(keys, sizeof keys, "%s", HELP_MOUSE_KEYS);
		help = HELP_MOUSE_TEXT;
	} else {
		keymap_action_keys(a, keys, sizeof keys);
		help = keymap_action_help(a);
	}
	/* Padded by display columns: an arrow is 3 bytes and 1 column. */
	int pad = HELP_KEYS_WIDTH - text_width(keys, strlen(keys));
	snprintf(buf, n, "  %s%*s%s", keys, pad > 1 ? pad : 1, "", help);
	return buf;
}
