/* loader.c - YAML article bytes -> article model, in one pass of events.
 *
 * libyaml's event parser is iterative; the loader keeps its own bounded
 * stack of frames (one per open mapping or list) and fills the article
 * straight from the events, so no document tree is ever built.  Every
 * problem becomes a diagnostic and the walk goes on whenever the structure
 * allows, so a file's problems all come out in one run.
 *
 * This file holds the entry point, loader_parse(), the walk over the
 * events and the frame stack; what a key or a value means is in
 * loader_keys.c and loader_fields.c, the bytes are checked in
 * loader_input.c, and the helpers they all call are in loader_report.c.
 * The loader does not resolve: article_load.c composes it with the
 * resolver. */
#include "loader.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "loader_private.h"

/* ---- events and the frame stack ------------------------------------- */

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
		ld_clip(ld->anchor_name, anchor, strlen(anchor));
	}
	if (tag && strcmp(tag, "!") != 0 &&
	    strncmp(tag, "tag:yaml.org,2002:", 18) != 0)
		ld_error(ld, n->pos, "YAML tag '%s' is not supported: remove it (only "
		         "the standard tags such as !!str are allowed)",
		         ld_clip(buf, tag, strlen(tag)));
}

static node node_of(const yaml_event_t *ev)
{
	node n = { .pos = pos_of(ev->start_mark), .mark = ev->start_mark,
	           .end_line = (int)ev->end_mark.line + 1,
	           .end_index = ev->end_mark.index };
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
		ld_on_key(ld, f, &n);
	} else if (n.type == NODE_ALIAS) {
		ld_lost(ld);
	} else if (n.type == NODE_SCALAR && may_hold_nul(&n)) {
		ld_error(ld, n.pos, "this string holds a NUL character (\\0), which an "
		         "article cannot contain: remove it");
		ld_lost(ld);
	} else {
		open = ld_on_value(ld, f, &item, &n);
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
	ld_frame_end(ld, &ld->stack[ld->depth]);
	ld->depth--;
	node_done(ld);
}

static bool ld_on_event(loader *ld, const yaml_event_t *ev)
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
	size_t i = ld_offset_of_mark(ld, mark);
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
		src_pos at;
		diag_locate(ld->src, ld->src_len, p->problem_offset, &at.line, &at.col);
		if (p->problem_value >= 0 && strstr(problem, "control characters"))
			ld_error(ld, at, "character U+%04X is not allowed in a YAML "
			         "file: remove it, or write it as the escape \\u%04X "
			         "inside double quotes",
			         (unsigned)p->problem_value, (unsigned)p->problem_value);
		else
			ld_error(ld, at, "cannot read the YAML: %s", problem);
		return;
	}
	if (ld_report_layout(ld, p))
		return;
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
		bool more = ld_on_event(ld, &ev);
		yaml_event_delete(&ev);
		if (!more)
			break;
	}
	yaml_parser_delete(&parser);
}

/* ---- loading -------------------------------------------------------- */

/* True when the model holds all the resolver needs: problems found that
 * leave it whole (a bad date, an unknown type label) do not stop it, so
 * the resolver's problems come out in the same run. */
static bool resolvable(const loader *ld)
{
	return ld->have_article && !ld->syntax_error && !ld->stop && !ld->oom &&
	       !ld->broken && ld->a->body;
}

/* Parses the bytes and checks what needs the whole article. */
static void loader_run(loader *ld)
{
	parse_events(ld);
	report_anchors(ld);
	if (!ld->have_article && !ld->syntax_error && ld->errors == 0)
		ld_error(ld, (src_pos){ 0 }, "has no YAML content: an article needs "
		         "at least a title and a body");
	if (!ld->oom && ld->have_article)
		ld_check_ids(ld);
}

/* The tolerant load keeps what the reader can show: an entity the loader
 * refused part of stays only with its id and type, and a name or mentions
 * to find it by; a missing body reads as an empty one. */
static void keep_showable(loader *ld)
{
	article *a = ld->a;
	size_t m = 0;
	for (size_t i = 0; i < a->n_entities; i++) {
		entity *e = &a->entities[i];
		if (e->malformed && (!e->id || !e->type || (!e->name && !e->n_given)))
			entity_clear(e);
		else
			a->entities[m++] = *e;
	}
	a->n_entities = m;
	if (!a->body) {
		a->body = ld_strndup(ld, "", 0);
		a->body_len = 0;
	}
}

static size_t parse(const char *name, const char *bytes, size_t len,
                    article **out, diag_list *diags, bool tolerant)
{
	*out = NULL;
	if (!name)
		name = "(memory)";
	loader ld = {
		.name = name, .src = bytes, .src_len = len, .diags = diags,
		.section = KEY_NONE,
	};
	ld.a = calloc(1, sizeof *ld.a);
	if (ld.a)
		ld.a->path = strdup(name);
	if (!ld.a || !ld.a->path)
		ld.oom = true;
	else if (!loader_input_check(name, bytes, len, diags))
		ld.errors++;
	else
		loader_run(&ld);
	free(ld.quote_id_pos);
	bool keep = ld.a && (tolerant ? ld.have_article && !ld.syntax_error &&
	                                !ld.oom : resolvable(&ld));
	if (keep && tolerant)
		keep_showable(&ld);
	if (ld.oom)
		ld_error(&ld, (src_pos){ 0 }, "out of memory while loading the article");
	if (keep && !ld.oom)
		*out = ld.a;
	else
		article_free(ld.a);
	return ld.errors;
}

size_t loader_parse(const char *name, const char *bytes, size_t len,
                    article **out, diag_list *diags)
{
	return parse(name, bytes, len, out, diags, false);
}

size_t loader_parse_tolerant(const char *name, const char *bytes, size_t len,
                             article **out, diag_list *diags)
{
	return parse(name, bytes, len, out, diags, true);
}
