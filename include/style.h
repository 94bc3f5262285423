/* style.h - the one table of display roles and how each is rendered.
 *
 * Curses-free: colours are named, attributes are our own flags, so the
 * snapshot legend can name them.  Every role has a colour rendering and a
 * monochrome one; in monochrome, entity types and quotes stay apart by
 * bold, underline, reverse and the gutter marks. */
#ifndef QUOTH_STYLE_H
#define QUOTH_STYLE_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"

typedef enum style_color {
	STYLE_DEFAULT = -1,    /* the terminal's own foreground/background */
	STYLE_BLACK = 0, STYLE_RED, STYLE_GREEN, STYLE_YELLOW,
	STYLE_BLUE, STYLE_MAGENTA, STYLE_CYAN, STYLE_WHITE,
} style_color;

enum {
	STYLE_BOLD      = 1 << 0,
	STYLE_UNDERLINE = 1 << 1,
	STYLE_REVERSE   = 1 << 2,
	STYLE_DIM       = 1 << 3,
	STYLE_ITALIC    = 1 << 4,
};

/* The roles in painting order (a layer of a later role goes over an
 * earlier one): those before the entity types, one per type of
 * ENTITY_TYPES (article.h), then the rest. */
#define STYLE_ROLES_HEAD(X) \
	X(NORMAL,          "text") \
	X(TITLE,           "title line") \
	X(STATUS,          "status line") \
	X(MESSAGE,         "status message") \
	X(ERROR,           "error") \
	X(BORDER,          "pane border") \
	X(PANE_TITLE,      "pane title") \
	X(PANE_FOCUSED,    "focused pane title")

#define STYLE_ROLES_TAIL(X) \
	X(ENT_OTHER,       "entity, other type") \
	X(QUOTE,           "quote") \
	/* ---- the compare view (issue 15): a quote's role, painted under \
	 * the current quote, the selection and the search ---- */ \
	X(CMP_AGREED,      "compare: agreed") \
	X(CMP_DIFFERS,     "compare: matched, differs") \
	X(CMP_ONLY_A,      "compare: only in A") \
	X(CMP_ONLY_B,      "compare: only in B") \
	X(QUOTE_CURRENT,   "current quote's content") \
	X(SPEAKER,         "current quote's speaker") \
	X(CUE,             "current quote's cue") \
	X(SOURCE,          "current quote's source") \
	X(PROBLEM,         "quote not found in the text") \
	X(SELECTED,        "selected entity's mention") \
	X(SEARCH,          "search match") \
	X(SEARCH_CURRENT,  "current search match") \
	X(GUTTER,          "quote mark in the gutter") \
	X(CURSOR,          "list cursor") \
	X(PLACEHOLDER,     "control character placeholder") \
	X(HELP,            "help overlay") \
	X(DIM_TEXT,        "secondary text")

typedef enum style_role {
#define STYLE_ROLE_ENUM(name, label) ROLE_##name,
#define STYLE_ROLE_ENT_ENUM(type) ROLE_ENT_##type,
	STYLE_ROLES_HEAD(STYLE_ROLE_ENUM)
	ENTITY_TYPES(STYLE_ROLE_ENT_ENUM)
	STYLE_ROLES_TAIL(STYLE_ROLE_ENUM)
#undef STYLE_ROLE_ENT_ENUM
#undef STYLE_ROLE_ENUM
	ROLE_COUNT
} style_role;

typedef struct style {
	style_color fg;
	style_color bg;
	int attrs;      /* STYLE_* flags */
} style;

/* How role is drawn, in colour or in monochrome. */
style style_of(style_role role, bool color);

/* The role name shown in the snapshot legend ("entity PERSON"). */
const char *style_role_label(style_role role);

/* The entity role for a type label: PERSON -> ROLE_ENT_PERSON, any other
 * label -> ROLE_ENT_OTHER. */
style_role style_entity_role(const char *type);

/* Name of a colour for the legend: "default", "red", ... */
const char *style_color_name(style_color color);

/* ---- the looks in force (the config file's color and mono lines) ----- */

/* The built-in look of role, whatever the config set. */
style style_default(style_role role, bool color);
/* From now on style_of(role, color) is look.  -1 for a role out of range.
 * Main calls it before the screen starts; nothing else writes the table. */
int style_set_look(style_role role, bool color, style look);
/* Puts the built-in looks back in force (for tests). */
void style_reset(void);

/* The config file's name of role: the role's enum name in lower case with
 * '-' ("quote-current", "pane-focused"), an entity type as
 * "entity.PERSON" (its label's case), "entity.other" for the rest.  Into
 * buf; returns buf ("" out of range). */
const char *style_role_name(style_role role, char *buf, size_t n);
/* The role of such a name, or -1. */
int style_role_from_name(const char *name);
/* The colour of a style_color_name() ("default", "red"…), or -2. */
int style_color_from_name(const char *name);
/* The STYLE_* flag of "bold", "underline", "reverse", "dim", "italic";
 * 0 for "normal"; -1 otherwise.  style_attr_name(i) lists them. */
int style_attr_from_name(const char *name);
size_t style_attr_count(void);
const char *style_attr_name(size_t i);

#endif
