/* loader_fields.c - the value of each key of an article and an entity:
 * what each frame does with the nodes it holds (a quote's are in
 * loader_quotes.c), and the checks that need the whole of a mapping or of
 * the article. */
#include "loader.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "loader_private.h"
#include "sort.h"

static const char *const case_names[] = { "sensitive", "insensitive" };

#define COUNT(arr) (sizeof (arr) / sizeof (arr)[0])

/* ---- the article's keys --------------------------------------------- */

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
	size_t len = ld->src_len, i = ld_offset_of_mark(ld, n->mark);
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
	         ld_clip(buf, n->value, n->len));
}

static frame_kind article_value(loader *ld, frame *f, const node *n)
{
	article *a = ld->a;
	ld->section = f->key;
	switch (f->key) {
	case AK_TITLE:
		ld_take_string(ld, n, "title", "an article needs its headline", &a->title);
		break;
	case AK_SUBTITLE:
		ld_take_string(ld, n, "subtitle", NULL, &a->subtitle);
		break;
	case AK_SOURCE:
		ld_take_string(ld, n, "source", NULL, &a->source);
		break;
	case AK_URL:
		ld_take_string(ld, n, "url", NULL, &a->url);
		break;
	case AK_LANGUAGE:
		ld_take_string(ld, n, "language", NULL, &a->language);
		break;
	case AK_ID:
		ld_take_string(ld, n, "id", "give the article an id or remove the key",
		               &a->id);
		break;
	case AK_PUBLISHED:
		if (ld_take_string(ld, n, "published", NULL, &a->published) &&
		    !ld_iso_date_valid(a->published)) {
			char buf[CLIP_BUF];
			ld_error(ld, n->pos, "'published' must be an ISO 8601 date or "
			         "date-time such as 2016-07-16 or 2016-07-16T13:13:00-04:00, "
			         "not '%s'", ld_clip(buf, n->value, n->len));
		}
		break;
	case AK_BODY:
		if (ld_take_string(ld, n, "body", "an article needs its text, usually "
		                   "written as 'body: |' followed by the indented "
		                   "paragraphs", &a->body)) {
			a->body_len = n->len;
			a->body_pos = n->pos;
			a->body_folded = n->style != YAML_LITERAL_SCALAR_STYLE &&
			                 n->end_line > n->pos.line;
			body_place(ld, n);
		} else {
			ld->broken = true;
		}
		break;
	case AK_OFFSETS:
		ld_offsets_value(ld, n);
		break;
	case AK_AUTHORS:
		if (n->type == NODE_LIST)
			return F_AUTHORS;
		if (n->type == NODE_SCALAR && !ld_node_is_null(n))
			authors_from_scalar(ld, n);
		else if (n->type == NODE_MAP)
			ld_error(ld, n->pos, "'authors' must be a list of strings, not a mapping");
		break;
	case AK_ENTITIES:
	case AK_QUOTES:
		if (n->type == NODE_LIST)
			return f->key == AK_ENTITIES ? F_ENTITIES : F_QUOTES;
		if (!ld_node_is_null(n)) {
			ld_error(ld, n->pos, "'%s' must be a list of %s, not %s",
			         ld_key_name(f->kind, f->key), f->key == AK_ENTITIES ?
			         "entities (mappings with id, name and type)" :
			         "quotes (mappings with text and speaker)",
			         ld_node_kind_name(n));
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
		         ld_node_kind_name(n));
		return F_SKIP;
	}
	if (ld_node_is_empty(n)) {
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
		         "'id', 'name' and 'type', not %s", ld_node_kind_name(n));
		ld->broken = true;
		return F_SKIP;
	}
	entity *items = ld_grow(ld, a->entities, a->n_entities, sizeof *items);
	if (!items)
		return F_SKIP;
	a->entities = items;
	a->entities[a->n_entities] = (entity){ .pos = n->pos };
	item_frame->index = a->n_entities++;
	item_frame->errors_at_open = ld->errors;
	return F_ENTITY;
}

static frame_kind list_of_strings_value(loader *ld, const node *n,
                                        const char *key, frame_kind list)
{
	if (n->type == NODE_LIST)
		return list;
	if (ld_node_is_null(n))
		return F_SKIP;
	char buf[CLIP_BUF];
	if (n->type == NODE_SCALAR)
		ld_error(ld, n->pos, "'%s' must be a list of strings, not a string; "
		         "write even one as a list: [%s]", key, ld_clip(buf, n->value, n->len));
	else
		ld_error(ld, n->pos, "'%s' must be a list of strings, not %s", key,
		         ld_node_kind_name(n));
	ld_lost(ld);
	return F_SKIP;
}

static frame_kind entity_value(loader *ld, frame *f, const node *n)
{
	entity *e = &ld->a->entities[f->index];
	size_t choice;
	switch (f->key) {
	case EK_ID:
		if (ld_take_string(ld, n, "id", "give the entity a short unique id, "
		                   "such as 'kerry'", &e->id))
			e->id_pos = n->pos;
		else
			ld_lost(ld);
		break;
	case EK_NAME:
		if (ld_take_string(ld, n, "name", "give the entity's name as it is "
		                   "spelt in the body", &e->name))
			e->name_pos = n->pos;
		else
			ld_lost(ld);
		break;
	case EK_TYPE:
#define LD_TYPE_NAME(t) #t ", "
		if (ld_take_string(ld, n, "type", "use " ENTITY_TYPES(LD_TYPE_NAME)
		                   "or a label of your own in capitals", &e->type))
#undef LD_TYPE_NAME
			ld_check_type_label(ld, e->type, n->pos);
		break;
	case EK_KB:
		ld_take_string(ld, n, "kb", NULL, &e->kb);
		break;
	case EK_DESCRIPTION:
		ld_take_string(ld, n, "description", NULL, &e->description);
		break;
	case EK_CASE:
		if (ld_take_choice(ld, n, "case", case_names, COUNT(case_names),
		                   &choice))
			e->ignore_case = choice == 1;
		else
			ld_lost(ld);
		break;
	case EK_ALIASES:
		return list_of_strings_value(ld, n, "aliases", F_ALIASES);
	case EK_MENTIONS:
		if (n->type == NODE_LIST)
			return F_MENTIONS;
		if (!ld_node_is_null(n)) {
			ld_error(ld, n->pos, "'mentions' must be a list of [start, end] "
			         "pairs of byte offsets, not %s", ld_node_kind_name(n));
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
		         ld_node_kind_name(n));
		ld_lost(ld);
		return F_SKIP;
	}
	if (ld_node_is_empty(n)) {
		ld_error(ld, n->pos, "an alias is empty: write the spelling or remove the item");
		ld_lost(ld);
		return F_SKIP;
	}
	ld_push_string(ld, &e->aliases, &e->alias_pos, &e->n_aliases, n);
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
	         "of byte offsets into the body, not %s", ld_node_kind_name(n));
	ld_lost(ld);
	return F_SKIP;
}

static void pair_item(loader *ld, frame *f, const node *n)
{
	bool was_bad = f->bad;
	ld_pair_number(ld, f, n, "a mention offset");
	if (f->bad && !was_bad)
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

/* ---- values and the ends of frames ---------------------------------- */

/* A node in value or item position.  Returns the kind of frame to open
 * when n is a list or a mapping. */
frame_kind ld_on_value(loader *ld, frame *f, frame *item_frame,
                       const node *n)
{
	switch (f->kind) {
	case F_ROOT:
		if (n->type == NODE_MAP) {
			ld->have_article = true;
			return F_ARTICLE;
		}
		if (!ld_node_is_null(n))
			ld_error(ld, n->pos, "the top level must be a mapping of keys such "
			         "as 'title:' and 'body:', not %s", ld_node_kind_name(n));
		ld->stop = true;
		return F_SKIP;
	case F_ARTICLE:
		return f->key == KEY_NONE ? F_SKIP : article_value(ld, f, n);
	case F_ENTITY:
		item_frame->index = f->index;
		return f->key == KEY_NONE ? F_SKIP : entity_value(ld, f, n);
	case F_QUOTE:
		return f->key == KEY_NONE ? F_SKIP : ld_quote_value(ld, f, item_frame, n);
	case F_SPEAKER:
		item_frame->index = f->index;
		return f->key == KEY_NONE ? F_SKIP : ld_speaker_value(ld, f, item_frame, n);
	case F_SPANS:
	case F_SPAN_PAIR:
		return ld_spans_item(ld, f, item_frame, n);
	case F_CUES:
		ld_cues_item(ld, f, n);
		break;
	case F_SPEAKER_TEXT:
		ld_speaker_pieces_item(ld, f, n);
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
		return ld_quotes_item(ld, item_frame, n);
	case F_FRAGMENTS:
		ld_fragments_item(ld, f, n);
		break;
	case F_SKIP:
		break;
	}
	return F_SKIP;
}

/* A list or mapping ends: checks what can only be checked as a whole. */
void ld_frame_end(loader *ld, frame *f)
{
	if (f->kind == F_ARTICLE || f->kind == F_ENTITY || f->kind == F_QUOTE ||
	    f->kind == F_SPEAKER)
		ld_check_required(ld, f);
	if (f->kind == F_FRAGMENTS && f->count == 0) {
		ld_error(ld, f->pos, "'text' is an empty list: write the quoted words, "
		         "one string per fragment");
		ld_lost(ld);
	}
	if (f->kind == F_CUES && f->count == 0)
		ld_error(ld, f->pos, "'cue' is an empty list: write the cue's words, "
		         "one string per piece, or remove the key");
	if (f->kind == F_SPEAKER_TEXT)
		ld_speaker_pieces_end(ld, f);
	if (f->kind == F_SPEAKER)
		ld_speaker_end(ld, f);
	if (f->kind == F_PAIR)
		pair_end(ld, f);
	if (f->kind == F_SPANS || f->kind == F_SPAN_PAIR)
		ld_spans_end(ld, f);
	/* A quote with a problem of its own is kept, unresolved: the tolerant
	 * load still lists it.  An entity is only flagged. */
	if (f->kind == F_QUOTE && ld->errors > f->errors_at_open)
		ld->a->quotes[f->index].malformed = true;
	if (f->kind == F_ENTITY && ld->errors > f->errors_at_open)
		ld->a->entities[f->index].malformed = true;
}

/* ---- checks across items -------------------------------------------- */

typedef struct id_ref {
	const char *id;
	size_t index;
} id_ref;

/* By id; the sort is stable, so equal ids stay in the order given. */
static bool id_ref_before(const id_ref *a, const id_ref *b)
{
	return strcmp(a->id, b->id) < 0;
}

/* Generated with its comparison inlined: a thousand ids sort without a
 * call through a pointer for each comparison. */
MERGE_SORT_DEFINE(id_ref_sort, id_ref, id_ref_before)

/* Reports every id given twice; what is "entity" or "quote".  ids[i] may
 * be NULL.  Returns true when there was one. */
static bool check_unique(loader *ld, const char *what, const char *const *ids,
                         const src_pos *pos, size_t n)
{
	id_ref *refs = malloc((n ? n : 1) * 2 * sizeof *refs);   /* and tmp */
	if (!refs) {
		ld->oom = true;
		return false;
	}
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (ids[i])
			refs[m++] = (id_ref){ .id = ids[i], .index = i };
	id_ref_sort(refs, refs + n, m);   /* the second half: room to merge */
	bool dup = false;
	for (size_t i = 1, first = 0; i < m; i++) {
		if (strcmp(refs[i].id, refs[first].id) != 0) {
			first = i;
			continue;
		}
		char buf[CLIP_BUF];
		ld_error(ld, pos[refs[i].index], "duplicate %s id '%s' (first at line %d)",
		         what, ld_clip(buf, refs[i].id, strlen(refs[i].id)),
		         pos[refs[first].index].line);
		dup = true;
	}
	free(refs);
	return dup;
}

void ld_check_ids(loader *ld)
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
