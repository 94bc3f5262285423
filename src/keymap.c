/* keymap.c - the key table, and the help lines read from it; see
 * keymap.h, actions.h. */
#include "keymap.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "keys.h"
#include "text.h"

/* Column where the help text starts, after the keys. */
#define HELP_KEYS_WIDTH 14

/* The built-in bindings; keymap_bind() changes a copy of them (live). */
static const keymap_entry defaults[] = {
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
	{ .key = 'e',            .act = ACT_EDIT },
	{ .key = 'R',            .act = ACT_RELOAD },
	{ .key = 'd',            .act = ACT_DETAIL },
	{ .key = 'i',            .act = ACT_INFO },
	{ .key = '!',            .act = ACT_PROBLEMS },
	{ .key = 'J',            .act = ACT_NEXT_ARTICLE },
	{ .key = 'K',            .act = ACT_PREV_ARTICLE },
	{ .key = 't',            .act = ACT_TYPE_HIDE },
	{ .key = 'T',            .act = ACT_TYPE_SHOW_ALL },
	{ .key = 'o',            .act = ACT_SORT },
	{ .key = 'S',            .act = ACT_SPEAKERS },
	/* ---- the compare view (issue 15) ---- */
	{ .key = 'c',            .act = ACT_COMPARE },
	/* ---- end of the compare view's keys ---- */
};

#define DEFAULTS_COUNT (sizeof defaults / sizeof defaults[0])

/* The table in force.  Configuration, not program state: main fills it
 * once from the config file before the loop starts (as tig's keymaps),
 * and until then every reader sees the defaults.  Threads never read it. */
static struct {
	bool changed;       /* false: the defaults are in force */
	size_t n;
	keymap_entry entries[KEYMAP_MAX];
} live;

static const keymap_entry *table(size_t *n)
{
	*n = live.changed ? live.n : DEFAULTS_COUNT;
	return live.changed ? live.entries : defaults;
}

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

/* ---- where each action works ------------------------------------------
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
	[ACT_EDIT] = KEYMAP_READER | KEYMAP_LIBRARY,
	[ACT_RELOAD] = KEYMAP_READER | KEYMAP_LIBRARY,
	[ACT_DETAIL] = KEYMAP_READER,
	[ACT_INFO] = KEYMAP_READER,
	[ACT_PROBLEMS] = KEYMAP_READER,
	[ACT_NEXT_ARTICLE] = KEYMAP_READER,
	[ACT_PREV_ARTICLE] = KEYMAP_READER,
	[ACT_TYPE_HIDE] = KEYMAP_READER,
	[ACT_TYPE_SHOW_ALL] = KEYMAP_READER,
	[ACT_COMPARE] = KEYMAP_READER,
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
	size_t n;
	const keymap_entry *t = table(&n);
	for (size_t i = 0; i < n; i++)
		if (t[i].key == key)
			return t[i].act;
	return ACT_NONE;
}

size_t keymap_count(void)
{
	size_t n;
	table(&n);
	return n;
}

keymap_entry keymap_entry_at(size_t i)
{
	size_t n;
	const keymap_entry *t = table(&n);
	if (i >= n)
		return (keymap_entry){ .key = 0, .act = ACT_NONE };
	return t[i];
}

size_t keymap_default_count(void)
{
	return DEFAULTS_COUNT;
}

keymap_entry keymap_default_at(size_t i)
{
	if (i >= DEFAULTS_COUNT)
		return (keymap_entry){ .key = 0, .act = ACT_NONE };
	return defaults[i];
}

int keymap_bind(int key, action act)
{
	if (act < ACT_NONE || act >= ACT_COUNT || key <= 0)
		return -1;
	if (!live.changed) {
		memcpy(live.entries, defaults, sizeof defaults);
		live.n = DEFAULTS_COUNT;
		live.changed = true;
	}
	size_t i = 0;
	while (i < live.n && live.entries[i].key != key)
		i++;
	if (act == ACT_NONE) {   /* unbind: the rest keep their order */
		if (i < live.n)
			memmove(&live.entries[i], &live.entries[i + 1],
			        (live.n - i - 1) * sizeof live.entries[0]);
		live.n -= i < live.n;
		return 0;
	}
	if (i == live.n) {
		if (live.n == KEYMAP_MAX)
			return -1;
		live.entries[live.n++].key = key;
	}
	live.entries[i].act = act;
	return 0;
}

void keymap_reset(void)
{
	live.changed = false;
	live.n = 0;
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

/* Keys special_key_name() names, each once, for reading names back. */
static const int named_keys[] = {
	QK_UP, QK_DOWN, QK_LEFT, QK_RIGHT, QK_PGUP, QK_PGDN, QK_HOME, QK_END,
	QK_BTAB, QK_F1, QK_BACKSPACE, QK_ENTER, QK_TAB, QK_ESC, ' ',
};

/* ASCII names for the arrows, whose display names are not typed easily. */
static const struct {
	const char *name;
	int key;
} arrow_names[] = {
	{ .name = "Up", .key = QK_UP }, { .name = "Down", .key = QK_DOWN },
	{ .name = "Left", .key = QK_LEFT }, { .name = "Right", .key = QK_RIGHT },
};

/* The code point of name when it is one UTF-8 character, else -1. */
static int single_char(const char *name)
{
	const unsigned char *s = (const unsigned char *)name;
	int len = s[0] < 0x80 ? 1 : s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 0;
	if (len == 0 || strlen(name) != (size_t)len)
		return -1;
	if (len == 1)
		return s[0];
	int cp = s[0] & (0x3f >> (len - 1));
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	return cp;
}

int keymap_key_from_name(const char *name)
{
	for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++)
		if (strcmp(special_key_name(named_keys[i]), name) == 0)
			return named_keys[i];
	for (size_t i = 0; i < sizeof arrow_names / sizeof arrow_names[0]; i++)
		if (strcasecmp(arrow_names[i].name, name) == 0)
			return arrow_names[i].key;
	if (strncmp(name, "Ctrl-", 5) == 0 && strlen(name) == 6) {
		int c = ascii_lower((unsigned char)name[5]);
		if (c >= 'a' && c <= 'z')
			return QK_CTRL(c);
		return -1;
	}
	if (strncmp(name, "U+", 2) == 0 && strlen(name) > 2 && strlen(name) <= 8) {
		char *end;
		long cp = strtol(name + 2, &end, 16);
		if (*end == '\0' && cp > 32 && cp < 0x110000 && cp != 127)
			return (int)cp;
		return -1;
	}
	int cp = single_char(name);
	return cp > 32 && cp != 127 ? cp : -1;
}

const char *keymap_action_config_name(action a, char *buf, size_t n)
{
	const char *name = a == ACT_NONE ? "none" : keymap_action_name(a);
	size_t i = 0;
	if (n == 0)
		return buf;
	for (; name[i] && i + 1 < n; i++)
		buf[i] = name[i] == '_' ? '-' : (char)ascii_lower((unsigned char)name[i]);
	buf[i] = '\0';
	return buf;
}

int keymap_action_from_name(const char *name)
{
	for (int a = ACT_NONE; a < ACT_COUNT; a++) {
		char buf[32];
		keymap_action_config_name((action)a, buf, sizeof buf);
		size_t i = 0;
		while (buf[i] && (name[i] == '_' ? '-' : ascii_lower((unsigned char)name[i])) == buf[i])
			i++;
		if (buf[i] == '\0' && name[i] == '\0')
			return a;
	}
	return -1;
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
	size_t count;
	const keymap_entry *t = table(&count);
	for (size_t i = 0; i < count; i++) {
		char name[32];
		if (t[i].act != a)
			continue;
		keymap_key_name(t[i].key, name, sizeof name);
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
