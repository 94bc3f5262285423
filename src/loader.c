/* loader.c - YAML article file -> article model, in one pass of events.
 *
 * libyaml's event parser is iterative; the loader keeps its own bounded
 * stack of frames (one per open mapping or list) and fills the article
 * straight from the events, so no document tree is ever built.  Every
 * problem becomes a diagnostic and the walk goes on whenever the structure
 * allows, so a file's problems all come out in one run.
 *
 * This file holds the entry points, the walk over the events and the
 * frame stack; what a key or a value means is in loader_keys.c and
 * loader_fields.c, and the bytes are checked in loader_input.c. */
#include "loader.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "loader_private.h"
#include "resolve.h"

/* ---- reporting ------------------------------------------------------ */

void ld_error(loader *ld, src_pos pos, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(ld->diags, ld->name, pos.line, pos.col, "%s", msg);
}

/* A value the resolver needs was refused: it must not run on the rest. */
void ld_lost(loader *ld)
{
	if (ld->section == AK_BODY || ld->section == AK_ENTITIES ||
	    ld->section == AK_QUOTES)
		ld->broken = true;
}

/* Copies s[0..len) into buf for a message, cut at a character boundary
 * with "..." when longer than CLIP_BYTES.  Returns buf. */
const char *ld_clip(char *buf, const char *s, size_t len)
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

const char *node_kind_name(const node *n)
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

/* Byte offset of a parser mark: its index counts characters, after any
 * byte order mark. */
size_t ld_offset_of_mark(const loader *ld, yaml_mark_t m)
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
		bool more = ld_on_event(ld, &ev);
		yaml_event_delete(&ev);
		if (!more)
			break;
	}
	yaml_parser_delete(&parser);
}

/* ---- loading -------------------------------------------------------- */

static bool resolvable(const loader *ld)
{
	return ld->have_article && !ld->syntax_error && !ld->stop && !ld->oom &&
	       !ld->broken && ld->a->body;
}

/* Parses the bytes, checks what needs the whole article and resolves
 * it. */
static void load_parsed(loader *ld, size_t n0)
{
	parse_events(ld);
	report_anchors(ld);
	if (!ld->have_article && !ld->syntax_error && ld->diags->n == n0)
		diag_add(ld->diags, ld->name, 0, 0, "has no YAML content: an article "
		         "needs at least a title and a body");
	if (!ld->oom && ld->have_article)
		ld_check_ids(ld);
	if (resolvable(ld))
		resolve_article(ld->a, ld->diags);
}

/* A fresh loader for the bytes; false when out of memory. */
static bool loader_init(loader *ld, const char *name, const char *bytes,
                        size_t len, diag_list *diags)
{
	*ld = (loader){
		.name = name, .src = bytes, .src_len = len, .diags = diags,
		.section = KEY_NONE,
	};
	ld->a = calloc(1, sizeof *ld->a);
	if (ld->a)
		ld->a->path = strdup(name);
	return ld->a && ld->a->path;
}

int load_article_mem(const char *name, const char *bytes, size_t len,
                     article **out, diag_list *diags)
{
	size_t n0 = diags->n;
	*out = NULL;
	if (!name)
		name = "(memory)";
	loader ld;
	if (!loader_init(&ld, name, bytes, len, diags)) {
		ld.oom = true;
	} else if (loader_input_check(name, bytes, len, diags)) {
		load_parsed(&ld, n0);
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

int load_article(const char *path, article **out, diag_list *diags)
{
	*out = NULL;
	char *bytes;
	size_t len;
	if (loader_read_file(path, &bytes, &len, diags) != 0)
		return -1;
	int rc = load_article_mem(path, bytes, len, out, diags);
	free(bytes);
	return rc;
}
