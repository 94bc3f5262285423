/* import_brat_refs.c - brat's references between lines, once all are read.
 *
 * In order: events that refer to themselves through other events lose
 * the argument that closes the cycle's event; events with a missing
 * trigger or argument are skipped; then attribution events become
 * attributions and the rest links, and what refers to something missing
 * is left out.  Each step is linear in the lines (IDs are found through a
 * hash table), so a file of a million lines costs no more per line than a
 * file of ten. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import_brat_private.h"

/* ---- cycles of events ----------------------------------------------- */

enum { WHITE, GREY, BLACK };

/* Index of the event an argument names, or SIZE_MAX when it names none
 * (or one with an error). */
static size_t arg_event(const brat_reader *r, const char *target)
{
	const import_id *id = import_ids_find(&r->ids, target);
	if (!id || id->kind != 'E' || !r->events[id->index].type)
		return SIZE_MAX;
	return id->index;
}

/* Depth-first over the event → event arguments, with a stack of its own
 * (a chain of 100,000 nested events must not overflow the C stack).  An
 * argument to an event still on the stack closes a cycle: the event
 * holding it is skipped (its type cleared), which breaks the cycle with
 * the least lost. */
static void break_cycles(brat_reader *r)
{
	size_t n = r->n_events;
	unsigned char *colour = calloc(n ? n : 1, 1);
	size_t *depth = malloc((n ? n : 1) * sizeof *depth);
	size_t *stack = malloc((n ? n : 1) * sizeof *stack);
	size_t *next = malloc((n ? n : 1) * sizeof *next);
	if (!colour || !depth || !stack || !next) {
		r->nomem = true;
		goto out;
	}
	for (size_t root = 0; root < n; root++) {
		if (colour[root] != WHITE || !r->events[root].type)
			continue;
		size_t top = 0;
		stack[top] = root;
		next[top] = 0;
		depth[root] = 0;
		colour[root] = GREY;
		while (top != SIZE_MAX) {
			import_link *e = &r->events[stack[top]];
			if (!e->type || next[top] == e->n_args) {
				colour[stack[top]] = BLACK;
				top--;
				continue;
			}
			const import_arg *arg = &e->args[next[top]++];
			size_t to = arg_event(r, arg->target);
			if (to == SIZE_MAX || colour[to] == BLACK)
				continue;
			if (colour[to] == GREY) {
				import_error(&r->rep, e->line, 0, "%s: "
				             "argument %s:%s closes a cycle of "
				             "%zu event%s referring to each "
				             "other; event %s skipped: an "
				             "event cannot contain itself",
				             e->id, arg->role, arg->target,
				             top - depth[to] + 1,
				             top == depth[to] ? "" : "s",
				             e->id);
				free(e->type);
				e->type = NULL;
				continue;
			}
			top++;
			stack[top] = to;
			next[top] = 0;
			depth[to] = top;
			colour[to] = GREY;
		}
	}
out:
	free(colour);
	free(depth);
	free(stack);
	free(next);
}

/* ---- references ----------------------------------------------------- */

/* True when target names an annotation of the file; an error at line
 * otherwise.  A reference to an event that was skipped is kept, with a
 * warning, as the event's own error explains it. */
static bool target_ok(brat_reader *r, int line, const char *owner,
                      const char *what, const char *target)
{
	const import_id *id = import_ids_find(&r->ids, target);
	if (!id) {
		import_error(&r->rep, line, 0, "%s: %s %s is no annotation of "
		             "the file; %s skipped: add it or remove the "
		             "reference", owner, what, target, owner);
		return false;
	}
	if (id->kind == 'E' && !r->events[id->index].type)
		import_warning(&r->rep, line, 0, "%s: %s %s was skipped (line "
		               "%d)", owner, what, target, id->line);
	return true;
}

/* An event's trigger must be a text-bound annotation and its arguments
 * must exist; otherwise it is skipped. */
static void check_event(brat_reader *r, import_link *e)
{
	const import_id *t = import_ids_find(&r->ids, e->trigger);
	bool ok = true;
	if (!t || t->kind != 'T') {
		import_error(&r->rep, e->line, 0, "%s: trigger %s is %s; event "
		             "skipped: an event's trigger is a T annotation",
		             e->id, e->trigger,
		             t ? "no text-bound annotation" :
		                 "no annotation of the file");
		ok = false;
	}
	for (size_t k = 0; ok && k < e->n_args; k++)
		if (!import_ids_find(&r->ids, e->args[k].target)) {
			import_error(&r->rep, e->line, 0, "%s: argument %s:%s "
			             "is no annotation of the file; event "
			             "skipped: add it or remove the argument",
			             e->id, e->args[k].role, e->args[k].target);
			ok = false;
		}
	if (!ok) {
		free(e->type);
		e->type = NULL;
	}
}

/* ---- attributions --------------------------------------------------- */

static bool is_attribution(const char *type)
{
	return strcmp(type, "Attribution") == 0 ||
	       strcmp(type, "Attribution-no-source") == 0;
}

/* The part of a that role (Source, Cue, Content, Content2...) fills, or
 * NULL. */
static import_ranges *role_part(import_attribution *a, const char *role)
{
	size_t n = strlen(role);
	while (n > 0 && role[n - 1] >= '0' && role[n - 1] <= '9')
		n--;
	if (n == 6 && strncmp(role, "Source", 6) == 0)
		return &a->source;
	if (n == 3 && strncmp(role, "Cue", 3) == 0)
		return &a->cue;
	if (n == 7 && strncmp(role, "Content", 7) == 0)
		return &a->content;
	return NULL;
}

static bool copy_ranges(import_ranges *to, const import_ranges *from)
{
	for (size_t i = 0; i < from->n; i++)
		if (!import_ranges_push(to, from->items[i]))
			return false;
	return true;
}

/* The attribution of event e, whose references are known good.  Without a
 * Cue argument the trigger's span is the cue. */
static void add_attribution(brat_reader *r, const import_link *e)
{
	import_attribution *a = import_doc_add_attribution(r->doc, e->line);
	if (!a || !(a->id = strdup(e->id)) || !(a->kind = strdup(e->type))) {
		r->nomem = true;
		return;
	}
	for (size_t k = 0; k < e->n_args; k++) {
		const import_arg *arg = &e->args[k];
		import_ranges *part = role_part(a, arg->role);
		const import_id *id = import_ids_find(&r->ids, arg->target);
		if (!part || id->kind != 'T') {
			import_warning(&r->rep, e->line, 0, "%s: argument "
			               "%s:%s ignored: an attribution reads "
			               "Source, Cue and Content arguments that "
			               "are T annotations", e->id, arg->role,
			               arg->target);
			continue;
		}
		if (!copy_ranges(part, &r->doc->spans[id->index].ranges))
			r->nomem = true;
	}
	if (a->cue.n == 0) {
		const import_id *t = import_ids_find(&r->ids, e->trigger);
		if (!copy_ranges(&a->cue, &r->doc->spans[t->index].ranges))
			r->nomem = true;
	}
	if (a->content.n == 0)
		import_warning(&r->rep, e->line, 0, "%s: an attribution "
		               "without a Content argument", e->id);
}

/* Events that are not attributions, moved into the document's links. */
static void add_link(brat_reader *r, import_link *e)
{
	import_link *l = import_doc_add_link(r->doc, e->line);
	if (!l) {
		r->nomem = true;
		return;
	}
	*l = *e;
	*e = (import_link){ 0 };
}

/* ---- what refers to an annotation ----------------------------------- */

static void check_links(brat_reader *r)
{
	import_doc *d = r->doc;
	size_t keep = 0;
	for (size_t i = 0; i < d->n_links; i++) {
		import_link *l = &d->links[i];
		bool ok = true;
		for (size_t k = 0; ok && k < l->n_args; k++)
			ok = target_ok(r, l->line, l->id, "argument", l->args[k].target);
		if (!ok) {
			import_link_clear(l);
			continue;
		}
		d->links[keep++] = *l;
	}
	d->n_links = keep;
}

static void check_attrs(brat_reader *r)
{
	import_doc *d = r->doc;
	size_t keep = 0;
	for (size_t i = 0; i < d->n_attrs; i++) {
		import_attr *a = &d->attrs[i];
		if (!target_ok(r, a->line, a->id, "target", a->target)) {
			free(a->id);
			free(a->name);
			free(a->target);
			free(a->value);
			continue;
		}
		d->attrs[keep++] = *a;
	}
	d->n_attrs = keep;
}

static void check_norms_and_notes(brat_reader *r)
{
	import_doc *d = r->doc;
	size_t keep = 0;
	for (size_t i = 0; i < d->n_norms; i++) {
		import_norm *n = &d->norms[i];
		if (!target_ok(r, n->line, n->id, "target", n->span_id)) {
			free(n->id);
			free(n->span_id);
			free(n->kb_id);
			continue;
		}
		d->norms[keep++] = *n;
	}
	d->n_norms = keep;
	keep = 0;
	for (size_t i = 0; i < d->n_notes; i++) {
		import_note *n = &d->notes[i];
		if (!target_ok(r, n->line, n->id, "target", n->span_id)) {
			free(n->id);
			free(n->span_id);
			free(n->text);
			continue;
		}
		d->notes[keep++] = *n;
	}
	d->n_notes = keep;
}

void brat_resolve(brat_reader *r)
{
	break_cycles(r);
	for (size_t i = 0; i < r->n_events; i++)
		if (r->events[i].type)
			check_event(r, &r->events[i]);
	/* Before the events join the links: they were checked above. */
	check_links(r);
	check_attrs(r);
	check_norms_and_notes(r);
	for (size_t i = 0; i < r->n_events && !r->nomem; i++) {
		import_link *e = &r->events[i];
		if (!e->type)
			continue;
		for (size_t k = 0; k < e->n_args; k++)
			target_ok(r, e->line, e->id, "argument", e->args[k].target);
		if (is_attribution(e->type))
			add_attribution(r, e);
		else
			add_link(r, e);
	}
}
