/* style.c - the role table: how each display role looks in colour and in
 * monochrome.  Renderer and snapshot legend both read it from here. */
#include "style.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

typedef struct role_style {
	style color;
	style mono;
} role_style;

#define FG(c)  { .fg = STYLE_##c, .bg = STYLE_DEFAULT }
#define S(fgc, bgc, a) { .fg = STYLE_##fgc, .bg = STYLE_##bgc, .attrs = (a) }
#define B STYLE_BOLD
#define U STYLE_UNDERLINE
#define R STYLE_REVERSE
#define D STYLE_DIM
#define I STYLE_ITALIC

/* Monochrome keeps the nine entity types apart with bold, underline,
 * italic and dim, never reverse: reverse belongs to the current quote,
 * the selection and search matches.  Quotes are told apart from the text
 * by the gutter marks, and the current quote by reverse video. */
static const role_style defaults[ROLE_COUNT] = {
	[ROLE_NORMAL] = { .color = FG(DEFAULT), .mono = FG(DEFAULT) },
	[ROLE_TITLE] = { .color = S(DEFAULT, DEFAULT, B | R),
	                 .mono = S(DEFAULT, DEFAULT, B | R) },
	[ROLE_STATUS] = { .color = S(DEFAULT, DEFAULT, R),
	                  .mono = S(DEFAULT, DEFAULT, R) },
	[ROLE_MESSAGE] = { .color = S(YELLOW, DEFAULT, B),
	                   .mono = S(DEFAULT, DEFAULT, B) },
	[ROLE_ERROR] = { .color = S(RED, DEFAULT, B),
	                 .mono = S(DEFAULT, DEFAULT, B | U) },
	[ROLE_BORDER] = { .color = FG(BLUE), .mono = FG(DEFAULT) },
	[ROLE_PANE_TITLE] = { .color = FG(BLUE), .mono = FG(DEFAULT) },
	[ROLE_PANE_FOCUSED] = { .color = S(YELLOW, DEFAULT, B | R),
	                        .mono = S(DEFAULT, DEFAULT, B | R) },

	[ROLE_ENT_PERSON] = { .color = S(MAGENTA, DEFAULT, B), .mono = S(DEFAULT, DEFAULT, B) },
	[ROLE_ENT_ORG] = { .color = S(CYAN, DEFAULT, B), .mono = S(DEFAULT, DEFAULT, U) },
	[ROLE_ENT_GPE] = { .color = S(GREEN, DEFAULT, B), .mono = S(DEFAULT, DEFAULT, B | U) },
	[ROLE_ENT_LOC] = { .color = FG(GREEN), .mono = S(DEFAULT, DEFAULT, I) },
	[ROLE_ENT_NORP] = { .color = FG(YELLOW), .mono = S(DEFAULT, DEFAULT, B | I) },
	[ROLE_ENT_EVENT] = { .color = S(RED, DEFAULT, B), .mono = S(DEFAULT, DEFAULT, U | I) },
	[ROLE_ENT_DATE] = { .color = FG(BLUE), .mono = S(DEFAULT, DEFAULT, D) },
	[ROLE_ENT_WORK] = { .color = FG(CYAN), .mono = S(DEFAULT, DEFAULT, D | U) },
	[ROLE_ENT_MISC] = { .color = FG(RED), .mono = S(DEFAULT, DEFAULT, D | I) },
	[ROLE_ENT_OTHER] = { .color = FG(MAGENTA), .mono = S(DEFAULT, DEFAULT, B | U | I) },

	[ROLE_QUOTE] = { .color = S(DEFAULT, DEFAULT, U), .mono = FG(DEFAULT) },
	/* The compare view's four roles keep apart without colour: agreed
	 * underlined, only in A bold, only in B reversed, matched but
	 * differing bold and underlined (with a gutter mark of its own). */
	[ROLE_CMP_AGREED] = { .color = S(GREEN, DEFAULT, U), .mono = S(DEFAULT, DEFAULT, U) },
	[ROLE_CMP_DIFFERS] = { .color = S(RED, DEFAULT, B | U), .mono = S(DEFAULT, DEFAULT, B | U) },
	[ROLE_CMP_ONLY_A] = { .color = S(YELLOW, DEFAULT, B), .mono = S(DEFAULT, DEFAULT, B) },
	[ROLE_CMP_ONLY_B] = { .color = S(CYAN, DEFAULT, R), .mono = S(DEFAULT, DEFAULT, R) },
	[ROLE_QUOTE_CURRENT] = { .color = S(DEFAULT, DEFAULT, R),
	                         .mono = S(DEFAULT, DEFAULT, R) },
	/* The speaker's mentions near the current quote stand out from
	 * every other mention: their type's colour reversed into a block
	 * (over PERSON, bold magenta becomes magenta behind the name). */
	[ROLE_SPEAKER] = { .color = S(DEFAULT, DEFAULT, R | B),
	                   .mono = S(DEFAULT, DEFAULT, R | B) },
	/* The three parts of an attribution (PolNeAR's and citron's source,
	 * cue and content): the content is the current quote above, the cue
	 * underlined, the words standing for the speaker in a block of their
	 * own, over the speaker's when they are also its mention. */
	[ROLE_CUE] = { .color = S(YELLOW, DEFAULT, B | U), .mono = S(DEFAULT, DEFAULT, B | U | D) },
	[ROLE_SOURCE] = { .color = S(BLACK, CYAN, B), .mono = S(DEFAULT, DEFAULT, R | B | I) },
	[ROLE_PROBLEM] = { .color = S(RED, DEFAULT, B), .mono = S(DEFAULT, DEFAULT, B | U) },
	[ROLE_SELECTED] = { .color = S(DEFAULT, DEFAULT, R | B | U),
	                    .mono = S(DEFAULT, DEFAULT, R | B | U) },
	[ROLE_SEARCH] = { .color = S(BLACK, YELLOW, 0),
	                  .mono = S(DEFAULT, DEFAULT, R | I) },
	/* Painted over SEARCH: the match that n and N move from. */
	[ROLE_SEARCH_CURRENT] = { .color = S(BLACK, GREEN, B),
	                          .mono = S(DEFAULT, DEFAULT, R | B | U) },
	[ROLE_GUTTER] = { .color = S(YELLOW, DEFAULT, B), .mono = S(DEFAULT, DEFAULT, B) },
	[ROLE_CURSOR] = { .color = S(DEFAULT, DEFAULT, R), .mono = S(DEFAULT, DEFAULT, R) },
	[ROLE_PLACEHOLDER] = { .color = S(RED, DEFAULT, R), .mono = S(DEFAULT, DEFAULT, R | D) },
	[ROLE_HELP] = { .color = FG(DEFAULT), .mono = FG(DEFAULT) },
	[ROLE_DIM_TEXT] = { .color = S(DEFAULT, DEFAULT, D), .mono = S(DEFAULT, DEFAULT, D) },
};

#undef FG
#undef S
#undef B
#undef U
#undef R
#undef D
#undef I

static const char *const labels[ROLE_COUNT] = {
#define STYLE_ROLE_LABEL(name, label) [ROLE_##name] = label,
#define STYLE_ROLE_ENT_LABEL(type) [ROLE_ENT_##type] = "entity " #type,
	STYLE_ROLES_HEAD(STYLE_ROLE_LABEL)
	ENTITY_TYPES(STYLE_ROLE_ENT_LABEL)
	STYLE_ROLES_TAIL(STYLE_ROLE_LABEL)
#undef STYLE_ROLE_ENT_LABEL
#undef STYLE_ROLE_LABEL
};

/* The looks the config file set, over the defaults.  Configuration, not
 * program state: main sets it once before the screen starts (as tig's
 * color lines), and nothing writes it afterwards. */
enum { SET_COLOR = 1, SET_MONO = 2 };
static struct {
	unsigned char set[ROLE_COUNT];  /* SET_* */
	role_style look[ROLE_COUNT];
} live;

style style_of(style_role role, bool color)
{
	if ((int)role < 0 || role >= ROLE_COUNT)
		role = ROLE_NORMAL;
	if (live.set[role] & (color ? SET_COLOR : SET_MONO))
		return color ? live.look[role].color : live.look[role].mono;
	return color ? defaults[role].color : defaults[role].mono;
}

style style_default(style_role role, bool color)
{
	if ((int)role < 0 || role >= ROLE_COUNT)
		role = ROLE_NORMAL;
	return color ? defaults[role].color : defaults[role].mono;
}

int style_set_look(style_role role, bool color, style look)
{
	if ((int)role < 0 || role >= ROLE_COUNT)
		return -1;
	if (color)
		live.look[role].color = look;
	else
		live.look[role].mono = look;
	live.set[role] |= color ? SET_COLOR : SET_MONO;
	return 0;
}

void style_reset(void)
{
	memset(&live, 0, sizeof live);
}

/* ---- names for the config file ------------------------------------- */

static const char *const role_ids[ROLE_COUNT] = {
#define STYLE_ROLE_ID(name, label) [ROLE_##name] = #name,
#define STYLE_ROLE_ENT_ID(type) [ROLE_ENT_##type] = "ENT_" #type,
	STYLE_ROLES_HEAD(STYLE_ROLE_ID)
	ENTITY_TYPES(STYLE_ROLE_ENT_ID)
	STYLE_ROLES_TAIL(STYLE_ROLE_ID)
#undef STYLE_ROLE_ENT_ID
#undef STYLE_ROLE_ID
};

const char *style_role_name(style_role role, char *buf, size_t n)
{
	if (n == 0)
		return buf;
	if ((int)role < 0 || role >= ROLE_COUNT) {
		buf[0] = '\0';
		return buf;
	}
	const char *id = role_ids[role];
	/* An entity type keeps its label's case, as the articles write it. */
	if (strncmp(id, "ENT_", 4) == 0 && role != ROLE_ENT_OTHER) {
		snprintf(buf, n, "entity.%s", id + 4);
		return buf;
	}
	if (role == ROLE_ENT_OTHER) {
		snprintf(buf, n, "entity.other");
		return buf;
	}
	size_t i = 0;
	for (; id[i] && i + 1 < n; i++)
		buf[i] = id[i] == '_' ? '-' : (char)ascii_lower((unsigned char)id[i]);
	buf[i] = '\0';
	return buf;
}

int style_role_from_name(const char *name)
{
	for (int r = 0; r < ROLE_COUNT; r++) {
		char buf[64];
		if (strcmp(style_role_name((style_role)r, buf, sizeof buf), name) == 0)
			return r;
	}
	return -1;
}

int style_color_from_name(const char *name)
{
	for (int c = STYLE_DEFAULT; c <= STYLE_WHITE; c++)
		if (strcmp(style_color_name((style_color)c), name) == 0)
			return c;
	return -2;
}

static const struct {
	const char *name;
	int flag;
} attr_names[] = {
	{ .name = "bold", .flag = STYLE_BOLD },
	{ .name = "underline", .flag = STYLE_UNDERLINE },
	{ .name = "reverse", .flag = STYLE_REVERSE },
	{ .name = "dim", .flag = STYLE_DIM },
	{ .name = "italic", .flag = STYLE_ITALIC },
};

#define N_ATTRS (sizeof attr_names / sizeof attr_names[0])

int style_attr_from_name(const char *name)
{
	if (strcmp(name, "normal") == 0)
		return 0;
	for (size_t i = 0; i < N_ATTRS; i++)
		if (strcmp(attr_names[i].name, name) == 0)
			return attr_names[i].flag;
	return -1;
}

size_t style_attr_count(void)
{
	return N_ATTRS;
}

const char *style_attr_name(size_t i)
{
	return i < N_ATTRS ? attr_names[i].name : "normal";
}

const char *style_role_label(style_role role)
{
	if ((int)role < 0 || role >= ROLE_COUNT)
		return "unknown role";
	return labels[role];
}

static const struct {
	const char *type;
	style_role role;
} entity_types[] = {
#define STYLE_ENTITY_TYPE(t) { .type = #t, .role = ROLE_ENT_##t },
	ENTITY_TYPES(STYLE_ENTITY_TYPE)
#undef STYLE_ENTITY_TYPE
};

style_role style_entity_role(const char *type)
{
	if (type == NULL)
		return ROLE_ENT_OTHER;
	for (size_t i = 0; i < sizeof entity_types / sizeof entity_types[0]; i++)
		if (strcmp(entity_types[i].type, type) == 0)
			return entity_types[i].role;
	return ROLE_ENT_OTHER;
}

const char *style_color_name(style_color color)
{
	static const char *const names[] = {
		"black", "red", "green", "yellow",
		"blue", "magenta", "cyan", "white",
	};
	if (color >= STYLE_BLACK && color <= STYLE_WHITE)
		return names[color];
	return "default";
}
