/* loader.c - YAML article file -> article model, in one pass of events.
 *
 * libyaml's event parser is iterative; the loader keeps its own bounded
 * stack of frames (one per open mapping or list) and fills the article
 * straight from the events, so no document tree is ever built.  Every
 * problem becomes a diagnostic and the walk goes on whenever the structure
 * allows, so a file's problems all come out in one run. */
#include "loader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "array.h"
#include "resolve.h"
#include "suggest.h"
#include "text.h"

/* Values quoted in messages are cut to this many bytes. */
#define CLIP_BYTES 40

/* ---- the keys of each mapping --------------------------------------- */

enum {
	AK_TITLE, AK_SUBTITLE, AK_SOURCE, AK_AUTHORS, AK_PUBLISHED, AK_URL,
	AK_LANGUAGE, AK_ID, AK_BODY, AK_ENTITIES, AK_QUOTES, AK_COUNT
};
static const char *const article_keys[AK_COUNT] = {
	[AK_TITLE] = "title", [AK_SUBTITLE] = "subtitle", [AK_SOURCE] = "source",
	[AK_AUTHORS] = "authors", [AK_PUBLISHED] = "published", [AK_URL] = "url",
	[AK_LANGUAGE] = "language", [AK_ID] = "id", [AK_BODY] = "body",
	[AK_ENTITIES] = "entities", [AK_QUOTES] = "quotes",
};

enum {
	EK_ID, EK_NAME, EK_TYPE, EK_ALIASES, EK_KB, EK_DESCRIPTION, EK_CASE,
	EK_MENTIONS, EK_COUNT
};
static const char *const entity_keys[EK_COUNT] = {
	[EK_ID] = "id", [EK_NAME] = "name", [EK_TYPE] = "type",
	[EK_ALIASES] = "aliases", [EK_KB] = "kb", [EK_DESCRIPTION] = "description",
	[EK_CASE] = "case", [EK_MENTIONS] = "mentions",
};

enum { QTK_TEXT, QTK_SPEAKER, QTK_CUE, QTK_KIND, QTK_ID, QTK_OCCURRENCE, QTK_COUNT };
static const char *const quote_keys[QTK_COUNT] = {
	[QTK_TEXT] = "text", [QTK_SPEAKER] = "speaker", [QTK_CUE] = "cue",
	[QTK_KIND] = "kind", [QTK_ID] = "id", [QTK_OCCURRENCE] = "occurrence",
};

enum { SK_TEXT, SK_ENTITY, SK_COUNT };
static const char *const speaker_keys[SK_COUNT] = {
	[SK_TEXT] = "text", [SK_ENTITY] = "entity",
};

static const char *const kind_names[] = { "direct", "partial", "indirect", "mixed" };
static const quote_kind kind_values[] = {
	QUOTE_DIRECT, QUOTE_PARTIAL, QUOTE_INDIRECT, QUOTE_MIXED,
};
static const char *const case_names[] = { "sensitive", "insensitive" };

#define COUNT(arr) (sizeof (arr) / sizeof (arr)[0])
#define BIT(k) (1u << (k))

/* ---- frames: one per open mapping or list --------------------------- */

typedef enum frame_kind {
	F_ROOT,       /* the document: holds the top-level node */
	F_SKIP,       /* a value already reported or not ours: read past it */
	F_ARTICLE,    /* the top-level mapping */
	F_AUTHORS,    /* list of strings */
	F_ENTITIES,   /* list of entity mappings */
	F_ENTITY,
	F_ALIASES,    /* list of strings */
	F_MENTIONS,   /* list of [start, end] pairs */
	F_PAIR,
	F_QUOTES,     /* list of quote mappings */
	F_QUOTE,
	F_FRAGMENTS,  /* list of strings: a quote's text */
	F_SPEAKER,    /* mapping: text and entity */
} frame_kind;

/* What a mapping may hold, for messages and checks. */
typedef struct map_spec {
	const char *const *keys;
	size_t n_keys;
	unsigned required;     /* bit per key */
	const char *where;     /* "unknown key 'x' in ..." */
	const char *subject;   /* "... is missing required key 'x'" */
} map_spec;

static const map_spec article_spec = {
	.keys = article_keys, .n_keys = AK_COUNT,
	.required = BIT(AK_TITLE) | BIT(AK_BODY),
	.where = "the article", .subject = "the article",
};
static const map_spec entity_spec = {
	.keys = entity_keys, .n_keys = EK_COUNT,
	.required = BIT(EK_ID) | BIT(EK_NAME) | BIT(EK_TYPE),
	.where = "an entity", .subject = "entity",
};
static const map_spec quote_spec = {
	.keys = quote_keys, .n_keys = QTK_COUNT,
	.required = BIT(QTK_TEXT) | BIT(QTK_SPEAKER),
	.where = "a quote", .subject = "quote",
};
static const map_spec speaker_spec = {
	.keys = speaker_keys, .n_keys = SK_COUNT,
	.required = BIT(SK_TEXT),
	.where = "a quote's speaker", .subject = "speaker",
};

#define KEY_NONE (-1)   /* the value that comes is read past */
#define MAX_KEYS 16

typedef struct frame {
	frame_kind kind;
	bool map;              /* a mapping, else a list */
	bool want_key;         /* mapping: the next node is a key */
	int key;               /* mapping: the key of the value to come */
	unsigned seen;         /* mapping: bit per key given */
	unsigned suggested;    /* mapping: keys offered for a misspelt one */
	int seen_line[MAX_KEYS];
	size_t index;          /* the entity or quote being filled */
	size_t count;          /* list: items so far */
	size_t num[2];         /* F_PAIR: the offsets read */
	bool bad;              /* F_PAIR: an item was refused */
	src_pos pos;
} frame;

/* One node as the handlers see it; value is borrowed from the event. */
typedef enum node_type { NODE_SCALAR, NODE_LIST, NODE_MAP, NODE_ALIAS } node_type;

typedef struct node {
	node_type type;
	const char *value;
	size_t len;
	bool plain;
	yaml_scalar_style_t style;
	src_pos pos;
	yaml_mark_t mark;
} node;

typedef struct loader {
	const char *name;
	const char *src;
	size_t src_len;
	article *a;
	diag_list *diags;
	frame stack[LOADER_MAX_DEPTH + 1];
	size_t depth;          /* open collections; stack[0] is the root */
	int docs;
	bool have_article;
	bool stop;             /* give up on the rest of the events */
	bool syntax_error;
	bool broken;           /* the model lacks what the resolver needs */
	bool oom;
	int section;           /* the top-level key being read, or KEY_NONE */
	/* Anchors and aliases are reported once each, at the first. */
	size_t n_anchors, n_aliases;
	src_pos first_anchor, first_alias;
	char anchor_name[CLIP_BYTES + 4];
	src_pos *quote_id_pos; /* one per quote, for duplicate ids */
} loader;

/* ---- reporting ------------------------------------------------------ */

static void ld_error(loader *ld, src_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void ld_error(loader *ld, src_pos pos, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(ld->diags, ld->name, pos.line, pos.col, "%s", msg);
}

/* A value the resolver needs was refused: it must not run on the rest. */
static void ld_lost(loader *ld)
{
	if (ld->section == AK_BODY || ld->section == AK_ENTITIES ||
	    ld->section == AK_QUOTES)
		ld->broken = true;
}

/* Copies s[0..len) into buf for a message, cut at a character boundary
 * with "..." when longer than CLIP_BYTES.  Returns buf. */
static const char *clip(char *buf, const char *s, size_t len)
{
	if (len <= CLIP_BYTES) {
		memcpy(buf, s, len);
		buf[len] = '\0';
		return buf;
	}
	size_t n = CLIP_BYTES;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	memcpy(buf, s, n);
	memcpy(buf + n, "...", 4);
	return buf;
}
#define CLIP_BUF (CLIP_BYTES + 4)

static const char *node_kind_name(const node *n)
{
	switch (n->type) {
	case NODE_LIST:
		return "a list";
	case NODE_MAP:
		return "a mapping";
	case NODE_ALIAS:
		return "an alias";
	case NODE_SCALAR:
		break;
	}
	return n->plain && n->len == 0 ? "an empty value" : "a string";
}

/* ---- memory --------------------------------------------------------- */

static char *ld_strndup(loader *ld, const char *s, size_t len)
{
	char *copy = malloc(len + 1);
	if (!copy) {
		ld->oom = true;
		return NULL;
	}
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

/* Room for item n of one of the model's arrays, which keep no capacity:
 * grown one item at a time, an array is full when n is 0 or a power of
 * two.  Returns the array, moved or not, or NULL when out of memory (the
 * old one is then untouched). */
static void *ld_grow(loader *ld, void *items, size_t n, size_t size)
{
	if (n & (n - 1))
		return items;
	size_t cap = n;
	void *p = array_grow(items, &cap, n + 1, size);
	if (!p)
		ld->oom = true;
	return p;
}

/* ---- scalars -------------------------------------------------------- */

static bool node_is_null(const node *n)
{
	if (n->type != NODE_SCALAR || !n->plain)
		return false;
	return n->len == 0 || (n->len == 1 && n->value[0] == '~') ||
	       (n->len == 4 && (memcmp(n->value, "null", 4) == 0 ||
	                        memcmp(n->value, "Null", 4) == 0 ||
	                        memcmp(n->value, "NULL", 4) == 0));
}

static bool is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return false;
	return true;
}

/* A scalar that holds no text: null, empty or only white space. */
static bool node_is_empty(const node *n)
{
	return node_is_null(n) || is_blank(n->value, n->len);
}

/* Reads a plain decimal integer; false unless n is one that fits max. */
static bool node_to_size(const node *n, size_t max, size_t *out)
{
	if (n->type != NODE_SCALAR || !n->plain || n->len == 0)
		return false;
	size_t v = 0;
	for (size_t i = 0; i < n->len; i++) {
		unsigned char c = (unsigned char)n->value[i];
		if (c < '0' || c > '9')
			return false;
		if (v > (max - (c - '0')) / 10)
			return false;
		v = v * 10 + (c - '0');
	}
	*out = v;
	return true;
}

/* Sets *dst to a copy of the string n, the value of key.  A list or a
 * mapping is refused; so is an empty value when why_required says what
 * the key is for; an empty optional value leaves *dst NULL.  Returns true
 * when *dst was set. */
static bool take_string(loader *ld, const node *n, const char *key,
                        const char *why_required, char **dst)
{
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "'%s' must be a string, not %s", key,
		         node_kind_name(n));
		return false;
	}
	if (node_is_empty(n)) {
		if (why_required)
			ld_error(ld, n->pos, "'%s' is empty: %s", key, why_required);
		return false;
	}
	*dst = ld_strndup(ld, n->value, n->len);
	return *dst != NULL;
}

/* Checks the string n against names; *index gets the match.  Otherwise
 * reports it as an unknown what, with the nearest name suggested. */
static bool take_choice(loader *ld, const node *n, const char *what,
                        const char *const *names, size_t count, size_t *index)
{
	char buf[CLIP_BUF];
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "%s must be a string, not %s", what,
		         node_kind_name(n));
		return false;
	}
	for (size_t i = 0; i < count; i++) {
		if (strlen(names[i]) == n->len &&
		    memcmp(names[i], n->value, n->len) == 0) {
			*index = i;
			return true;
		}
	}
	clip(buf, n->value, n->len);
	const char *near = suggest_nearest(buf, names, count);
	if (near) {
		ld_error(ld, n->pos, "unknown %s '%s'; did you mean '%s'?", what, buf,
		         near);
		return false;
	}
	char list[128] = "";
	for (size_t i = 0; i < count; i++) {
		strcat(list, i == 0 ? "" : i + 1 == count ? " or " : ", ");
		strcat(list, names[i]);
	}
	ld_error(ld, n->pos, "unknown %s '%s'; use %s", what, buf, list);
	return false;
}

/* ---- dates and labels ----------------------------------------------- */

/* Reads exactly n digits at *p into *v and moves *p past them. */
static bool digits(const char **p, int n, int *v)
{
	int x = 0;
	for (int i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return false;
		x = x * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*v = x;
	return true;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : days[m - 1];
}

/* hh:mm[:ss[.fff]] at *p, moved past it. */
static bool iso_time(const char **p)
{
	int h, mi, s;
	if (!digits(p, 2, &h) || **p != ':' || (++*p, !digits(p, 2, &mi)))
		return false;
	if (h > 23 || mi > 59)
		return false;
	if (**p != ':')
		return true;
	++*p;
	if (!digits(p, 2, &s) || s > 60)  /* 60: a leap second */
		return false;
	if (**p == '.' || **p == ',') {
		++*p;
		if (**p < '0' || **p > '9')
			return false;
		while (**p >= '0' && **p <= '9')
			++*p;
	}
	return true;
}

/* Z, or +hh, +hhmm, +hh:mm (or -) at *p, moved past it; nothing is fine. */
static bool iso_zone(const char **p)
{
	int h, m = 0;
	if (**p == 'Z') {
		++*p;
		return true;
	}
	if (**p != '+' && **p != '-')
		return true;
	++*p;
	if (!digits(p, 2, &h))
		return false;
	if (**p == ':')
		++*p;
	if (**p >= '0' && **p <= '9' && !digits(p, 2, &m))
		return false;
	return h <= 23 && m <= 59;
}

/* ISO 8601: 2016-07-16, 2016-07-16T13:13, 2016-07-16T13:13:00-04:00... */
static bool iso_date_valid(const char *s)
{
	int y, m, d;
	const char *p = s;
	if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &m) ||
	    *p++ != '-' || !digits(&p, 2, &d))
		return false;
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	if (*p == '\0')
		return true;
	if (*p++ != 'T' || !iso_time(&p) || !iso_zone(&p))
		return false;
	return *p == '\0';
}

static bool label_valid(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

static void check_type_label(loader *ld, const char *type, src_pos pos)
{
	if (label_valid(type))
		return;
	char buf[CLIP_BUF], upper[CLIP_BUF];
	clip(buf, type, strlen(type));
	size_t i = 0;
	for (; buf[i]; i++)
		upper[i] = (buf[i] >= 'a' && buf[i] <= 'z') ? (char)(buf[i] - 32) : buf[i];
	upper[i] = '\0';
	if (label_valid(upper))
		ld_error(ld, pos, "entity type '%s' is not a valid label: use capital "
		         "letters, digits and '_'; did you mean '%s'?", buf, upper);
	else
		ld_error(ld, pos, "entity type '%s' is not a valid label: use capital "
		         "letters, digits and '_', like PERSON, ORG or GPE", buf);
}

/* ---- the article's keys --------------------------------------------- */

/* Byte offset of a parser mark: its index counts characters, after any
 * byte order mark. */
static size_t offset_of_mark(const loader *ld, yaml_mark_t m)
{
	const char *s = ld->src;
	size_t len = ld->src_len;
	size_t i = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	for (size_t k = 0; k < m.index && i < len; k++) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

/* Offset of the next line after the one at s[i], or len. */
static size_t next_line(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] != '\n' && s[i] != '\r')
		i++;
	if (i < len && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
		i++;
	return i < len ? i + 1 : len;
}

/* Indentation of a block whose text starts at s[i]: the spaces before the
 * first line that is not blank, as YAML detects it.  -1 when none. */
static int detect_indent(const char *s, size_t len, size_t i)
{
	while (i < len) {
		int spaces = 0;
		while (i < len && s[i] == ' ') {
			spaces++;
			i++;
		}
		if (i < len && s[i] != '\n' && s[i] != '\r')
			return spaces;
		i = next_line(s, len, i);
	}
	return -1;
}

/* True when s holds U+2028 or U+2029 (E2 80 A8, E2 80 A9): they end lines
 * for the parser but stay in the text, so body lines no longer map to file
 * lines.  memchr finds the rare lead byte; the text between is not read. */
static bool has_line_separator(const char *s, size_t len)
{
	const char *end = s + len, *p = s;
	while ((p = memchr(p, 0xE2, (size_t)(end - p))) && end - p >= 3) {
		if (p[1] == '\x80' && (p[2] == '\xA8' || p[2] == '\xA9'))
			return true;
		p++;
	}
	return false;
}

/* Line and indentation of a literal block body, so that the resolver can
 * point into it: the header holds '|' and its indicators, the text starts
 * on the next line.  Left 0 when the body cannot be mapped that way. */
static void body_place(loader *ld, const node *n)
{
	article *a = ld->a;
	a->body_line = 0;
	a->body_indent = 0;
	if (n->style != YAML_LITERAL_SCALAR_STYLE)
		return;
	if (has_line_separator(a->body, a->body_len))
		return;
	const char *s = ld->src;
	size_t len = ld->src_len, i = offset_of_mark(ld, n->mark);
	while (i < len && s[i] != '|' && s[i] != '\n' && s[i] != '\r')
		i++;
	if (i == len || s[i] != '|')
		return;
	int increment = 0;
	for (i++; i < len && s[i] && strchr("+-123456789", s[i]); i++)
		if (s[i] >= '1' && s[i] <= '9')
			increment = s[i] - '0';
	/* An explicit indentation counts from the article mapping's own. */
	int indent = increment ? ld->stack[1].pos.col - 1 + increment
	                       : detect_indent(s, len, next_line(s, len, i));
	if (indent < 0)
		return;
	a->body_line = n->pos.line + 1;
	a->body_indent = indent;
}

static void authors_from_scalar(loader *ld, const node *n)
{
	char buf[CLIP_BUF];
	ld_error(ld, n->pos, "'authors' must be a list of strings, not a string; "
	         "write even one author as a list: [%s]",
	         clip(buf, n->value, n->len));
}

static frame_kind article_value(loader *ld, frame *f, const node *n)
{
	article *a = ld->a;
	ld->section = f->key;
	switch (f->key) {
	case AK_TITLE:
		take_string(ld, n, "title", "an article needs its headline", &a->title);
		break;
	case AK_SUBTITLE:
		take_string(ld, n, "subtitle", NULL, &a->subtitle);
		break;
	case AK_SOURCE:
		take_string(ld, n, "source", NULL, &a->source);
		break;
	case AK_URL:
		take_string(ld, n, "url", NULL, &a->url);
		break;
	case AK_LANGUAGE:
		take_string(ld, n, "language", NULL, &a->language);
		break;
	case AK_ID:
		take_string(ld, n, "id", "give the article an id or remove the key",
		            &a->id);
		break;
	case AK_PUBLISHED:
		if (take_string(ld, n, "published", NULL, &a->published) &&
		    !iso_date_valid(a->published)) {
			char buf[CLIP_BUF];
			ld_error(ld, n->pos, "'published' must be an ISO 8601 date or "
			         "date-time such as 2016-07-16 or 2016-07-16T13:13:00-04:00, "
			         "not '%s'", clip(buf, n->value, n->len));
		}
		break;
	case AK_BODY:
		if (take_string(ld, n, "body", "an article needs its text, usually "
		                "written as 'body: |' followed by the indented "
		                "paragraphs", &a->body)) {
			a->body_len = n->len;
			a->body_pos = n->pos;
			body_place(ld, n);
		} else {
			ld->broken = true;
		}
		break;
	case AK_AUTHORS:
		if (n->type == NODE_LIST)
			return F_AUTHORS;
		if (n->type == NODE_SCALAR && !node_is_null(n))
			authors_from_scalar(ld, n);
		else if (n->type == NODE_MAP)
			ld_error(ld, n->pos, "'authors' must be a list of strings, not a mapping");
		break;
	case AK_ENTITIES:
	case AK_QUOTES:
		if (n->type == NODE_LIST)
			return f->key == AK_ENTITIES ? F_ENTITIES : F_QUOTES;
		if (!node_is_null(n)) {
			ld_error(ld, n->pos, "'%s' must be a list of %s, not %s",
			         article_keys[f->key], f->key == AK_ENTITIES ?
			         "entities (mappings with id, name and type)" :
			         "quotes (mappings with text and speaker)",
			         node_kind_name(n));
			ld->broken = true;
		}
		break;
	}
	return F_SKIP;
}

static frame_kind authors_item(loader *ld, const node *n)
{
	article *a = ld->a;
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "each item of 'authors' must be a string, not %s",
		         node_kind_name(n));
		return F_SKIP;
	}
	if (node_is_empty(n)) {
		ld_error(ld, n->pos, "an author is empty: write the name or remove the item");
		return F_SKIP;
	}
	char **items = ld_grow(ld, a->authors, a->n_authors, sizeof *items);
	if (!items)
		return F_SKIP;
	a->authors = items;
	char *s = ld_strndup(ld, n->value, n->len);
	if (s)
		a->authors[a->n_authors++] = s;
	return F_SKIP;
}

/* ---- entities ------------------------------------------------------- */

static frame_kind entities_item(loader *ld, frame *item_frame, const node *n)
{
	article *a = ld->a;
	if (n->type != NODE_MAP) {
		ld_error(ld, n->pos, "each item of 'entities' must be a mapping with "
		         "'id', 'name' and 'type', not %s", node_kind_name(n));
		ld->broken = true;
		return F_SKIP;
	}
	entity *items = ld_grow(ld, a->entities, a->n_entities, sizeof *items);
	if (!items)
		return F_SKIP;
	a->entities = items;
	a->entities[a->n_entities] = (entity){ .pos = n->pos };
	item_frame->index = a->n_entities++;
	return F_ENTITY;
}

static frame_kind list_of_strings_value(loader *ld, const node *n,
                                        const char *key, frame_kind list)
{
	if (n->type == NODE_LIST)
		return list;
	if (node_is_null(n))
		return F_SKIP;
	char buf[CLIP_BUF];
	if (n->type == NODE_SCALAR)
		ld_error(ld, n->pos, "'%s' must be a list of strings, not a string; "
		         "write even one as a list: [%s]", key, clip(buf, n->value, n->len));
	else
		ld_error(ld, n->pos, "'%s' must be a list of strings, not %s", key,
		         node_kind_name(n));
	ld_lost(ld);
	return F_SKIP;
}

static frame_kind entity_value(loader *ld, frame *f, const node *n)
{
	entity *e = &ld->a->entities[f->index];
	size_t choice;
	switch (f->key) {
	case EK_ID:
		if (take_string(ld, n, "id", "give the entity a short unique id, "
		                "such as 'kerry'", &e->id))
			e->id_pos = n->pos;
		else
			ld_lost(ld);
		break;
	case EK_NAME:
		if (take_string(ld, n, "name", "give the entity's name as it is "
		                "spelt in the body", &e->name))
			e->name_pos = n->pos;
		else
			ld_lost(ld);
		break;
	case EK_TYPE:
		if (take_string(ld, n, "type", "use PERSON, ORG, GPE, LOC, NORP, "
		                "EVENT, DATE, WORK, MISC or a label of your own in "
		                "capitals", &e->type))
			check_type_label(ld, e->type, n->pos);
		break;
	case EK_KB:
		take_string(ld, n, "kb", NULL, &e->kb);
		break;
	case EK_DESCRIPTION:
		take_string(ld, n, "description", NULL, &e->description);
		break;
	case EK_CASE:
		if (take_choice(ld, n, "case", case_names, COUNT(case_names), &choice))
			e->ignore_case = choice == 1;
		else
			ld_lost(ld);
		break;
	case EK_ALIASES:
		return list_of_strings_value(ld, n, "aliases", F_ALIASES);
	case EK_MENTIONS:
		if (n->type == NODE_LIST)
			return F_MENTIONS;
		if (!node_is_null(n)) {
			ld_error(ld, n->pos, "'mentions' must be a list of [start, end] "
			         "pairs of byte offsets, not %s", node_kind_name(n));
			ld_lost(ld);
		}
		break;
	}
	return F_SKIP;
}

static frame_kind aliases_item(loader *ld, frame *f, const node *n)
{
	entity *e = &ld->a->entities[f->index];
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "each item of 'aliases' must be a string, not %s",
		         node_kind_name(n));
		ld_lost(ld);
		return F_SKIP;
	}
	if (node_is_empty(n)) {
		ld_error(ld, n->pos, "an alias is empty: write the spelling or remove the item");
		ld_lost(ld);
		return F_SKIP;
	}
	char **names = ld_grow(ld, e->aliases, e->n_aliases, sizeof *names);
	if (names)
		e->aliases = names;
	src_pos *pos = names ? ld_grow(ld, e->alias_pos, e->n_aliases,
	                               sizeof *pos) : NULL;
	if (pos)
		e->alias_pos = pos;
	char *s = pos ? ld_strndup(ld, n->value, n->len) : NULL;
	if (!s)
		return F_SKIP;
	e->aliases[e->n_aliases] = s;
	e->alias_pos[e->n_aliases++] = n->pos;
	return F_SKIP;
}

static frame_kind mentions_item(loader *ld, const frame *f, frame *item_frame,
                                const node *n)
{
	if (n->type == NODE_LIST) {
		item_frame->index = f->index;
		return F_PAIR;
	}
	ld_error(ld, n->pos, "each item of 'mentions' must be a pair [start, end] "
	         "of byte offsets into the body, not %s", node_kind_name(n));
	ld_lost(ld);
	return F_SKIP;
}

static void pair_item(loader *ld, frame *f, const node *n)
{
	size_t v;
	if (f->count >= 2 || f->bad)
		return;
	if (node_to_size(n, SIZE_MAX, &v)) {
		f->num[f->count] = v;
		return;
	}
	char buf[CLIP_BUF];
	if (n->type == NODE_SCALAR && !node_is_null(n))
		ld_error(ld, n->pos, "a mention offset must be a whole number of "
		         "bytes, 0 or more, not '%s'", clip(buf, n->value, n->len));
	else
		ld_error(ld, n->pos, "a mention offset must be a whole number of "
		         "bytes, 0 or more, not %s", node_kind_name(n));
	f->bad = true;
	ld_lost(ld);
}

static void pair_end(loader *ld, frame *f)
{
	if (f->bad)
		return;
	if (f->count != 2) {
		ld_error(ld, f->pos, "a mention must be a pair [start, end] of byte "
		         "offsets; this one has %zu item%s", f->count,
		         f->count == 1 ? "" : "s");
		ld_lost(ld);
		return;
	}
	entity *e = &ld->a->entities[f->index];
	span *given = ld_grow(ld, e->given, e->n_given, sizeof *given);
	if (given)
		e->given = given;
	src_pos *pos = given ? ld_grow(ld, e->given_pos, e->n_given,
	                               sizeof *pos) : NULL;
	if (!pos)
		return;
	e->given_pos = pos;
	e->given[e->n_given] = (span){ .start = f->num[0], .end = f->num[1] };
	e->given_pos[e->n_given++] = f->pos;
}

/* ---- quotes --------------------------------------------------------- */

static frame_kind quotes_item(loader *ld, frame *item_frame, const node *n)
{
	article *a = ld->a;
	if (n->type != NODE_MAP) {
		ld_error(ld, n->pos, "each item of 'quotes' must be a mapping with "
		         "'text' and 'speaker', not %s", node_kind_name(n));
		ld->broken = true;
		return F_SKIP;
	}
	quote *items = ld_grow(ld, a->quotes, a->n_quotes, sizeof *items);
	if (items)
		a->quotes = items;
	src_pos *ids = items ? ld_grow(ld, ld->quote_id_pos, a->n_quotes,
	                               sizeof *ids) : NULL;
	if (!ids)
		return F_SKIP;
	ld->quote_id_pos = ids;
	ids[a->n_quotes] = (src_pos){ 0 };
	a->quotes[a->n_quotes] = (quote){
		.kind = QUOTE_DIRECT,
		.speaker = -1,
		.pos = n->pos,
	};
	item_frame->index = a->n_quotes++;
	return F_QUOTE;
}

static void add_fragment(loader *ld, quote *q, const node *n)
{
	char **items = ld_grow(ld, q->fragments, q->n_fragments, sizeof *items);
	if (items)
		q->fragments = items;
	src_pos *pos = items ? ld_grow(ld, q->fragment_pos, q->n_fragments,
	                               sizeof *pos) : NULL;
	if (pos)
		q->fragment_pos = pos;
	char *s = pos ? ld_strndup(ld, n->value, n->len) : NULL;
	if (!s)
		return;
	q->fragments[q->n_fragments] = s;
	q->fragment_pos[q->n_fragments++] = n->pos;
}

static void quote_text(loader *ld, quote *q, const node *n)
{
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "'text' must be a string or a list of strings "
		         "(the fragments of a split quote), not %s", node_kind_name(n));
		ld_lost(ld);
	} else if (node_is_empty(n)) {
		ld_error(ld, n->pos, "'text' is empty: write the quoted words as they "
		         "stand in the body");
		ld_lost(ld);
	} else {
		add_fragment(ld, q, n);
	}
}

static void quote_speaker(loader *ld, quote *q, const node *n)
{
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "'speaker' must be an entity id, or a mapping with "
		         "'text' and optional 'entity', not %s", node_kind_name(n));
		ld_lost(ld);
	} else if (take_string(ld, n, "speaker", "give the id of the entity who "
	                       "speaks, or a mapping with 'text'", &q->speaker_id)) {
		q->speaker_pos = n->pos;
	} else {
		ld_lost(ld);
	}
}

static void quote_occurrence(loader *ld, quote *q, const node *n)
{
	size_t v;
	if (node_to_size(n, INT32_MAX, &v) && v >= 1) {
		q->occurrence = (int)v;
		return;
	}
	char buf[CLIP_BUF];
	if (n->type == NODE_SCALAR)
		ld_error(ld, n->pos, "'occurrence' must be a whole number, 1 or more "
		         "(1 for the first place the words stand in the body), not '%s'",
		         clip(buf, n->value, n->len));
	else
		ld_error(ld, n->pos, "'occurrence' must be a whole number, 1 or more, "
		         "not %s", node_kind_name(n));
	ld_lost(ld);
}

static frame_kind quote_value(loader *ld, frame *f, frame *item_frame,
                              const node *n)
{
	quote *q = &ld->a->quotes[f->index];
	size_t choice;
	item_frame->index = f->index;
	switch (f->key) {
	case QTK_TEXT:
		if (n->type == NODE_LIST)
			return F_FRAGMENTS;
		quote_text(ld, q, n);
		break;
	case QTK_SPEAKER:
		if (n->type == NODE_MAP)
			return F_SPEAKER;
		quote_speaker(ld, q, n);
		break;
	case QTK_CUE:
		if (take_string(ld, n, "cue", NULL, &q->cue))
			q->cue_pos = n->pos;
		else if (n->type != NODE_SCALAR)
			ld_lost(ld);
		break;
	case QTK_KIND:
		if (take_choice(ld, n, "quote kind", kind_names, COUNT(kind_names), &choice))
			q->kind = kind_values[choice];
		else
			ld_lost(ld);
		break;
	case QTK_ID:
		if (take_string(ld, n, "id", "give the quote a unique id or remove "
		                "the key", &q->id))
			ld->quote_id_pos[f->index] = n->pos;
		break;
	case QTK_OCCURRENCE:
		quote_occurrence(ld, q, n);
		break;
	}
	return F_SKIP;
}

static void fragments_item(loader *ld, frame *f, const node *n)
{
	quote *q = &ld->a->quotes[f->index];
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "each fragment of 'text' must be a string, not %s",
		         node_kind_name(n));
		ld_lost(ld);
	} else if (node_is_empty(n)) {
		ld_error(ld, n->pos, "a fragment of 'text' is empty: write the quoted "
		         "words as they stand in the body, or remove the item");
		ld_lost(ld);
	} else {
		add_fragment(ld, q, n);
	}
}

static void speaker_value(loader *ld, frame *f, const node *n)
{
	quote *q = &ld->a->quotes[f->index];
	if (f->key == SK_TEXT) {
		if (!take_string(ld, n, "text", "give the words that name the speaker, "
		                 "such as 'a senior official'", &q->speaker_text))
			ld_lost(ld);
		else if (!q->speaker_id)
			q->speaker_pos = n->pos;
	} else if (f->key == SK_ENTITY) {
		if (take_string(ld, n, "entity", "give an entity id or remove the key",
		                &q->speaker_id))
			q->speaker_pos = n->pos;
		else
			ld_lost(ld);
	}
}

/* ---- keys, values and the frame stack ------------------------------- */

static const map_spec *frame_spec(frame_kind kind)
{
	switch (kind) {
	case F_ARTICLE:
		return &article_spec;
	case F_ENTITY:
		return &entity_spec;
	case F_QUOTE:
		return &quote_spec;
	case F_SPEAKER:
		return &speaker_spec;
	default:
		return NULL;
	}
}

static void unknown_key(loader *ld, frame *f, const map_spec *spec,
                        const node *n)
{
	char buf[CLIP_BUF];
	clip(buf, n->value, n->len);
	const char *near = suggest_nearest(buf, spec->keys, spec->n_keys);
	for (size_t k = 0; near && k < spec->n_keys; k++)
		if (spec->keys[k] == near)
			f->suggested |= BIT(k);
	if (near) {
		ld_error(ld, n->pos, "unknown key '%s' in %s; did you mean '%s'?", buf,
		         spec->where, near);
		return;
	}
	char list[160] = "";
	for (size_t i = 0; i < spec->n_keys; i++) {
		strcat(list, i ? ", " : "");
		strcat(list, spec->keys[i]);
	}
	ld_error(ld, n->pos, "unknown key '%s' in %s; the keys are: %s", buf,
	         spec->where, list);
}

/* A node in key position: sets f->key to the key whose value comes next,
 * or KEY_NONE when that value is to be read past. */
static void on_key(loader *ld, frame *f, const node *n)
{
	/* n is a key: an alias here was counted, its value is read past. */
	const map_spec *spec = frame_spec(f->kind);
	f->key = KEY_NONE;
	if (!spec || n->type == NODE_ALIAS)
		return;
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "a key must be a plain word such as 'title', not %s",
		         node_kind_name(n));
		return;
	}
	size_t k = 0;
	while (k < spec->n_keys && !(strlen(spec->keys[k]) == n->len &&
	                             memcmp(spec->keys[k], n->value, n->len) == 0))
		k++;
	if (k == spec->n_keys) {
		unknown_key(ld, f, spec, n);
		return;
	}
	if (f->seen & BIT(k)) {
		ld_error(ld, n->pos, "duplicate key '%s' (first at line %d)",
		         spec->keys[k], f->seen_line[k]);
		return;
	}
	f->seen |= BIT(k);
	f->seen_line[k] = n->pos.line;
	f->key = (int)k;
}

/* A node in value or item position.  Returns the kind of frame to open
 * when n is a list or a mapping. */
static frame_kind on_value(loader *ld, frame *f, frame *item_frame, const node *n)
{
	switch (f->kind) {
	case F_ROOT:
		if (n->type == NODE_MAP) {
			ld->have_article = true;
			return F_ARTICLE;
		}
		if (!node_is_null(n))
			ld_error(ld, n->pos, "the top level must be a mapping of keys such "
			         "as 'title:' and 'body:', not %s", node_kind_name(n));
		ld->stop = true;
		return F_SKIP;
	case F_ARTICLE:
		return f->key == KEY_NONE ? F_SKIP : article_value(ld, f, n);
	case F_ENTITY:
		item_frame->index = f->index;
		return f->key == KEY_NONE ? F_SKIP : entity_value(ld, f, n);
	case F_QUOTE:
		return f->key == KEY_NONE ? F_SKIP : quote_value(ld, f, item_frame, n);
	case F_SPEAKER:
		speaker_value(ld, f, n);
		break;
	case F_AUTHORS:
		return authors_item(ld, n);
	case F_ENTITIES:
		return entities_item(ld, item_frame, n);
	case F_ALIASES:
		return aliases_item(ld, f, n);
	case F_MENTIONS:
		return mentions_item(ld, f, item_frame, n);
	case F_PAIR:
		pair_item(ld, f, n);
		break;
	case F_QUOTES:
		return quotes_item(ld, item_frame, n);
	case F_FRAGMENTS:
		fragments_item(ld, f, n);
		break;
	case F_SKIP:
		break;
	}
	return F_SKIP;
}

/* A node is complete: its parent moves on to the next key or item. */
static void node_done(loader *ld)
{
	frame *f = &ld->stack[ld->depth];
	if (!f->map) {
		f->count++;
		return;
	}
	if (f->want_key) {
		f->want_key = false;
		return;
	}
	f->want_key = true;
	f->key = KEY_NONE;
	if (f->kind == F_ARTICLE)
		ld->section = KEY_NONE;
}

static void check_required(loader *ld, const frame *f)
{
	const map_spec *spec = frame_spec(f->kind);
	for (size_t k = 0; k < spec->n_keys; k++) {
		if (!(spec->required & BIT(k)) || (f->seen & BIT(k)))
			continue;
		/* "did you mean 'title'?" already said what is missing. */
		if (!(f->suggested & BIT(k)))
			ld_error(ld, f->pos, "%s is missing required key '%s'",
			         spec->subject, spec->keys[k]);
		if (f->kind != F_ENTITY || k != EK_TYPE)
			ld_lost(ld);
		if (f->kind == F_ARTICLE && k == AK_BODY)
			ld->broken = true;
	}
}

/* A list or mapping ends: checks what can only be checked as a whole. */
static void frame_end(loader *ld, frame *f)
{
	if (f->kind == F_ARTICLE || f->kind == F_ENTITY || f->kind == F_QUOTE ||
	    f->kind == F_SPEAKER)
		check_required(ld, f);
	if (f->kind == F_FRAGMENTS && f->count == 0) {
		ld_error(ld, f->pos, "'text' is an empty list: write the quoted words, "
		         "one string per fragment");
		ld_lost(ld);
	}
	if (f->kind == F_PAIR)
		pair_end(ld, f);
}

/* ---- events --------------------------------------------------------- */

static src_pos pos_of(yaml_mark_t m)
{
	return (src_pos){ .line = (int)m.line + 1, .col = (int)m.column + 1 };
}

/* Anchors, aliases and custom tags are refused: an article is written out
 * in full, so no alias can make a small file grow into a large model. */
static void check_properties(loader *ld, const node *n, const char *anchor,
                             const char *tag)
{
	char buf[CLIP_BUF];
	if (anchor && ld->n_anchors++ == 0) {
		ld->first_anchor = n->pos;
		clip(ld->anchor_name, anchor, strlen(anchor));
	}
	if (tag && strcmp(tag, "!") != 0 &&
	    strncmp(tag, "tag:yaml.org,2002:", 18) != 0)
		ld_error(ld, n->pos, "YAML tag '%s' is not supported: remove it (only "
		         "the standard tags such as !!str are allowed)",
		         clip(buf, tag, strlen(tag)));
}

static node node_of(const yaml_event_t *ev)
{
	node n = { .pos = pos_of(ev->start_mark), .mark = ev->start_mark };
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n.type = NODE_SCALAR;
		n.value = (const char *)ev->data.scalar.value;
		n.len = ev->data.scalar.length;
		n.style = ev->data.scalar.style;
		n.plain = n.style == YAML_PLAIN_SCALAR_STYLE && !ev->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		n.type = NODE_LIST;
		break;
	case YAML_MAPPING_START_EVENT:
		n.type = NODE_MAP;
		break;
	default:
		n.type = NODE_ALIAS;
		break;
	}
	return n;
}

/* A NUL in the file is refused before parsing, so only an escape (\0,
 * \x00, \u0000) can put one in a value, and only a double-quoted one
 * has escapes: the 10 MB of a long body need not be searched. */
static bool may_hold_nul(const node *n)
{
	return n->style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
	       memchr(n->value, '\0', n->len);
}

static void on_node(loader *ld, const yaml_event_t *ev)
{
	node n = node_of(ev);
	frame *f = &ld->stack[ld->depth];
	frame item = { .pos = n.pos, .key = KEY_NONE };
	frame_kind open = F_SKIP;

	if (ev->type == YAML_SCALAR_EVENT)
		check_properties(ld, &n, (const char *)ev->data.scalar.anchor,
		                 (const char *)ev->data.scalar.tag);
	else if (ev->type == YAML_SEQUENCE_START_EVENT)
		check_properties(ld, &n, (const char *)ev->data.sequence_start.anchor,
		                 (const char *)ev->data.sequence_start.tag);
	else if (ev->type == YAML_MAPPING_START_EVENT)
		check_properties(ld, &n, (const char *)ev->data.mapping_start.anchor,
		                 (const char *)ev->data.mapping_start.tag);

	if (n.type != NODE_SCALAR && n.type != NODE_ALIAS &&
	    ld->depth == LOADER_MAX_DEPTH) {
		ld_error(ld, n.pos, "nesting is too deep: more than %d levels of lists "
		         "and mappings (look for an unclosed '[' or '{')",
		         LOADER_MAX_DEPTH);
		ld->stop = true;
		return;
	}
	if (n.type == NODE_ALIAS && ld->n_aliases++ == 0)
		ld->first_alias = n.pos;
	if (f->map && f->want_key) {
		on_key(ld, f, &n);
	} else if (n.type == NODE_ALIAS) {
		ld_lost(ld);
	} else if (n.type == NODE_SCALAR && may_hold_nul(&n)) {
		ld_error(ld, n.pos, "this string holds a NUL character (\\0), which an "
		         "article cannot contain: remove it");
		ld_lost(ld);
	} else {
		open = on_value(ld, f, &item, &n);
	}
	if (ld->stop)
		return;
	if (n.type == NODE_SCALAR || n.type == NODE_ALIAS) {
		node_done(ld);
		return;
	}
	item.kind = open;
	item.map = n.type == NODE_MAP;
	item.want_key = item.map;
	ld->stack[++ld->depth] = item;
}

static void on_end(loader *ld)
{
	frame_end(ld, &ld->stack[ld->depth]);
	ld->depth--;
	node_done(ld);
}

/* Handles one event; false when the walk stops. */
static bool on_event(loader *ld, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++ld->docs > 1) {
			ld_error(ld, pos_of(ev->start_mark), "a second YAML document starts "
			         "here: an article file holds exactly one");
			return false;
		}
		return true;
	case YAML_SCALAR_EVENT:
	case YAML_ALIAS_EVENT:
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		on_node(ld, ev);
		return !ld->stop && !ld->oom;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		on_end(ld);
		return !ld->oom;
	case YAML_STREAM_END_EVENT:
		return false;
	default:
		return true;
	}
}

/* ---- YAML syntax errors --------------------------------------------- */

/* What to do about the commonest slips, after libyaml's words. */
static const char *syntax_hint(const loader *ld, const char *problem,
                               yaml_mark_t mark)
{
	size_t i = offset_of_mark(ld, mark);
	char c = i < ld->src_len ? ld->src[i] : '\0';
	if (strstr(problem, "tab") || (c == '\t' && strstr(problem, "cannot start")))
		return ": indent with spaces, not tabs";
	if (strstr(problem, "mapping values are not allowed"))
		return ": a value that contains ': ' must be put in quotes";
	if (strstr(problem, "cannot start") && (c == '@' || c == '`'))
		return ": a value that starts with '@' or '`' must be put in quotes";
	if (strstr(problem, "did not find expected key") ||
	    strstr(problem, "did not find expected '-'"))
		return ": check the indentation of this line";
	return "";
}

static void report_yaml_error(loader *ld, const yaml_parser_t *p)
{
	ld->syntax_error = true;
	const char *problem = p->problem ? p->problem : "unknown problem";
	if (p->error == YAML_MEMORY_ERROR) {
		ld->oom = true;
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		int line, col;
		diag_locate(ld->src, ld->src_len, p->problem_offset, &line, &col);
		if (p->problem_value >= 0 && strstr(problem, "control characters"))
			diag_add(ld->diags, ld->name, line, col, "character U+%04X is not "
			         "allowed in a YAML file: remove it, or write it as the "
			         "escape \\u%04X inside double quotes",
			         (unsigned)p->problem_value, (unsigned)p->problem_value);
		else
			diag_add(ld->diags, ld->name, line, col, "cannot read the YAML: %s",
			         problem);
		return;
	}
	src_pos at = pos_of(p->problem_mark);
	const char *hint = syntax_hint(ld, problem, p->problem_mark);
	if (p->context)
		ld_error(ld, at, "YAML syntax error: %s (%s at line %d, column %d)%s",
		         problem, p->context, (int)p->context_mark.line + 1,
		         (int)p->context_mark.column + 1, hint);
	else
		ld_error(ld, at, "YAML syntax error: %s%s", problem, hint);
}

/* One diagnostic for all anchors and one for all aliases: a file that
 * uses them uses many, and the fix is the same for each. */
static void report_anchors(loader *ld)
{
	if (ld->n_anchors == 1)
		ld_error(ld, ld->first_anchor, "YAML anchors are not supported: remove "
		         "'&%s' and write each value out in full", ld->anchor_name);
	else if (ld->n_anchors > 1)
		ld_error(ld, ld->first_anchor, "YAML anchors are not supported: remove "
		         "'&%s' and write each value out in full (%zu anchors in the "
		         "file; this is the first)", ld->anchor_name, ld->n_anchors);
	if (ld->n_aliases == 1)
		ld_error(ld, ld->first_alias, "YAML aliases are not supported: write "
		         "the value out in full");
	else if (ld->n_aliases > 1)
		ld_error(ld, ld->first_alias, "YAML aliases are not supported: write "
		         "the value out in full (%zu aliases in the file; this is the "
		         "first)", ld->n_aliases);
}

static void parse_events(loader *ld)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		ld->oom = true;
		return;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)ld->src,
	                             ld->src_len);
	ld->stack[0] = (frame){ .kind = F_ROOT, .key = KEY_NONE };
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			report_yaml_error(ld, &parser);
			break;
		}
		bool more = on_event(ld, &ev);
		yaml_event_delete(&ev);
		if (!more)
			break;
	}
	yaml_parser_delete(&parser);
	report_anchors(ld);
}

/* ---- checks across items -------------------------------------------- */

typedef struct id_ref {
	const char *id;
	size_t index;
} id_ref;

static int id_ref_cmp(const void *pa, const void *pb)
{
	const id_ref *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);
	if (c)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Reports every id given twice; what is "entity" or "quote".  ids[i] may
 * be NULL.  Returns true when there was one. */
static bool check_unique(loader *ld, const char *what, const char *const *ids,
                         const src_pos *pos, size_t n)
{
	id_ref *refs = malloc((n ? n : 1) * sizeof *refs);
	if (!refs) {
		ld->oom = true;
		return false;
	}
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (ids[i])
			refs[m++] = (id_ref){ .id = ids[i], .index = i };
	qsort(refs, m, sizeof *refs, id_ref_cmp);
	bool dup = false;
	for (size_t i = 1, first = 0; i < m; i++) {
		if (strcmp(refs[i].id, refs[first].id) != 0) {
			first = i;
			continue;
		}
		char buf[CLIP_BUF];
		ld_error(ld, pos[refs[i].index], "duplicate %s id '%s' (first at line %d)",
		         what, clip(buf, refs[i].id, strlen(refs[i].id)),
		         pos[refs[first].index].line);
		dup = true;
	}
	free(refs);
	return dup;
}

static void check_ids(loader *ld)
{
	article *a = ld->a;
	size_t n = a->n_entities > a->n_quotes ? a->n_entities : a->n_quotes;
	const char **ids = malloc((n ? n : 1) * sizeof *ids);
	src_pos *pos = malloc((n ? n : 1) * sizeof *pos);
	if (!ids || !pos) {
		ld->oom = true;
	} else {
		for (size_t i = 0; i < a->n_entities; i++) {
			ids[i] = a->entities[i].id;
			pos[i] = a->entities[i].id_pos;
		}
		if (check_unique(ld, "entity", ids, pos, a->n_entities))
			ld->broken = true;
		for (size_t i = 0; i < a->n_quotes; i++)
			ids[i] = a->quotes[i].id;
		check_unique(ld, "quote", ids, ld->quote_id_pos, a->n_quotes);
	}
	free(ids);
	free(pos);
}

/* ---- bytes ---------------------------------------------------------- */

/* Says what is wrong with the UTF-8 sequence at p (left bytes remain). */
static void utf8_problem(char *buf, size_t size, const unsigned char *p,
                         size_t left)
{
	unsigned c = p[0];
	if (c >= 0x80 && c <= 0xBF) {
		snprintf(buf, size, "byte 0x%02X is a continuation byte with no "
		         "lead byte before it", c);
		return;
	}
	if (c == 0xC0 || c == 0xC1) {
		snprintf(buf, size, "byte 0x%02X starts an overlong encoding", c);
		return;
	}
	if (c >= 0xF5) {
		snprintf(buf, size, "byte 0x%02X never occurs in UTF-8", c);
		return;
	}
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
	uint32_t cp = c & (0xFFu >> (n + 1));
	for (size_t k = 1; k < n; k++) {
		if (k >= left || (p[k] & 0xC0) != 0x80) {
			snprintf(buf, size, "byte 0x%02X starts a %zu-byte sequence that "
			         "is cut short", c, n);
			return;
		}
		cp = (cp << 6) | (p[k] & 0x3F);
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		snprintf(buf, size, "bytes 0x%02X 0x%02X 0x%02X encode the surrogate "
		         "U+%04X, which UTF-8 does not allow", c, p[1], p[2], (unsigned)cp);
	else if (cp > 0x10FFFF)
		snprintf(buf, size, "byte 0x%02X starts a value beyond U+10FFFF", c);
	else
		snprintf(buf, size, "byte 0x%02X starts an overlong encoding of U+%04X",
		         c, (unsigned)cp);
}

/* NUL bytes and invalid UTF-8 are refused before parsing, at the first of
 * each.  Returns true when the bytes are fine. */
static bool check_bytes(loader *ld)
{
	const char *s = ld->src;
	size_t len = ld->src_len;
	int line, col;
	const char *nul = memchr(s, '\0', len);
	if (nul) {
		diag_locate(s, len, (size_t)(nul - s), &line, &col);
		diag_add(ld->diags, ld->name, line, col, "the file holds a NUL byte: an "
		         "article is UTF-8 text (a file saved as UTF-16 has NUL bytes; "
		         "save it as UTF-8)");
	}
	size_t bad = utf8_validate(s, len);
	if (bad < len) {
		char what[128];
		utf8_problem(what, sizeof what, (const unsigned char *)s + bad, len - bad);
		diag_locate(s, len, bad, &line, &col);
		diag_add(ld->diags, ld->name, line, col, "invalid UTF-8: %s; save the "
		         "file as UTF-8", what);
	}
	return !nul && bad == len;
}

/* ---- loading -------------------------------------------------------- */

static bool resolvable(const loader *ld)
{
	return ld->have_article && !ld->syntax_error && !ld->stop && !ld->oom &&
	       !ld->broken && ld->a->body;
}

int load_article_mem(const char *name, const char *bytes, size_t len,
                     article **out, diag_list *diags)
{
	size_t n0 = diags->n;
	*out = NULL;
	loader ld = {
		.name = name, .src = bytes, .src_len = len, .diags = diags,
		.section = KEY_NONE,
	};
	if (!name)
		ld.name = name = "(memory)";
	ld.a = calloc(1, sizeof *ld.a);
	if (ld.a)
		ld.a->path = strdup(name);
	if (!ld.a || !ld.a->path) {
		ld.oom = true;
	} else if (len == 0) {
		diag_add(diags, name, 0, 0, "is empty: an article needs at least a "
		         "title and a body");
	} else if (len > LOADER_MAX_FILE_BYTES) {
		diag_add(diags, name, 0, 0, "is too large (%zu bytes): an article file "
		         "may have at most %u bytes (64 MiB)", len, LOADER_MAX_FILE_BYTES);
	} else if (check_bytes(&ld)) {
		parse_events(&ld);
		if (!ld.have_article && !ld.syntax_error && diags->n == n0)
			diag_add(diags, name, 0, 0, "has no YAML content: an article needs "
			         "at least a title and a body");
		if (!ld.oom && ld.have_article)
			check_ids(&ld);
		if (resolvable(&ld))
			resolve_article(ld.a, diags);
	}
	free(ld.quote_id_pos);
	if (ld.oom)
		diag_add(diags, name, 0, 0, "out of memory while loading the article");

	if (diags->n > n0) {
		/* Only this file's diagnostics: the list may hold others'. */
		diag_list added = {
			.items = diags->items + n0, .n = diags->n - n0,
			.cap = diags->n - n0,
		};
		if (len > 0 && len <= LOADER_MAX_FILE_BYTES)
			diag_attach_source(&added, bytes, len);
		diag_sort(&added);
		article_free(ld.a);
		return -1;
	}
	*out = ld.a;
	return 0;
}

/* ---- files ---------------------------------------------------------- */

static const char *file_kind(mode_t mode)
{
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a regular file";
}

/* Reads up to cap bytes into buf; *got gets how many.  Returns 0 or an
 * errno value. */
static int read_fully(int fd, char *buf, size_t cap, size_t *got)
{
	size_t n = 0;
	while (n < cap) {
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return errno;
		if (r == 0)
			break;
		n += (size_t)r;
	}
	*got = n;
	return 0;
}

/* True when st is a file worth reading; otherwise says why not. */
static bool file_acceptable(const char *path, const struct stat *st,
                            diag_list *diags)
{
	if (S_ISDIR(st->st_mode))
		diag_add(diags, path, 0, 0, "is a directory, not an article file");
	else if (!S_ISREG(st->st_mode))
		diag_add(diags, path, 0, 0, "is %s, not an article file: give the "
		         "path of a YAML file", file_kind(st->st_mode));
	else if (st->st_size == 0)
		diag_add(diags, path, 0, 0, "is empty: an article needs at least a "
		         "title and a body");
	else if ((uintmax_t)st->st_size > LOADER_MAX_FILE_BYTES)
		diag_add(diags, path, 0, 0, "is too large (%jd bytes): an article file "
		         "may have at most %u bytes (64 MiB)", (intmax_t)st->st_size,
		         LOADER_MAX_FILE_BYTES);
	else
		return true;
	return false;
}

/* Reads a whole regular file of at most LOADER_MAX_FILE_BYTES.  Returns
 * the bytes (caller frees) or NULL with a diagnostic added. */
static char *read_article_file(const char *path, size_t *len, diag_list *diags)
{
	/* O_NONBLOCK: opening a FIFO or a device must not wait. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		diag_add(diags, path, 0, 0, "cannot read: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	char *buf = NULL;
	int err = 0;
	if (fstat(fd, &st) < 0) {
		diag_add(diags, path, 0, 0, "cannot read: %s", strerror(errno));
	} else if (file_acceptable(path, &st, diags)) {
		/* One byte more than expected tells a file that grew meanwhile. */
		size_t cap = (size_t)st.st_size + 1;
		buf = malloc(cap);
		if (!buf)
			diag_add(diags, path, 0, 0, "cannot read: out of memory");
		else if ((err = read_fully(fd, buf, cap, len)) != 0)
			diag_add(diags, path, 0, 0, "cannot read: %s", strerror(err));
		else if (*len == cap)
			diag_add(diags, path, 0, 0, "grew while being read: try again");
		if (buf && (err || *len == cap)) {
			free(buf);
			buf = NULL;
		}
	}
	close(fd);
	return buf;
}

int load_article(const char *path, article **out, diag_list *diags)
{
	*out = NULL;
	size_t len = 0;
	char *bytes = read_article_file(path, &len, diags);
	if (!bytes)
		return -1;
	int rc = load_article_mem(path, bytes, len, out, diags);
	free(bytes);
	return rc;
}
