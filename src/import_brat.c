/* import_brat.c - brat's .ann lines, one at a time, into an import_doc.
 *
 * One pass over the lines, each looked at once: the file may be large,
 * and a line's work does not depend on the lines before it but for the
 * continuation of a T's text field.  References between lines are left
 * to import_brat_refs.c. */
#include "import_brat.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "import_brat_private.h"
#include "text.h"

/* ---- fields of a line ----------------------------------------------- */

typedef struct field {
	const char *s;
	size_t n;
} field;

/* The next part of *rest up to sep (or all of it); *rest moves past the
 * separator.  False when *rest is empty. */
static bool next_field(field *rest, char sep, field *out)
{
	if (rest->n == 0) {
		*out = (field){ rest->s, 0 };
		return false;
	}
	const char *at = memchr(rest->s, sep, rest->n);
	size_t n = at ? (size_t)(at - rest->s) : rest->n;
	*out = (field){ rest->s, n };
	rest->s += at ? n + 1 : n;
	rest->n -= at ? n + 1 : n;
	return true;
}

/* The number field f holds, into *v: digits with an optional '-', the
 * magnitude saturating at LLONG_MAX so that a huge offset reads as past
 * the end.  False when f is anything else. */
static bool parse_offset(field f, long long *v)
{
	bool neg = f.n > 0 && f.s[0] == '-';
	size_t i = neg ? 1 : 0;
	if (i == f.n)
		return false;
	long long x = 0;
	for (; i < f.n; i++) {
		if (f.s[i] < '0' || f.s[i] > '9')
			return false;
		int d = f.s[i] - '0';
		x = x > (LLONG_MAX - d) / 10 ? LLONG_MAX : x * 10 + d;
	}
	*v = neg ? -x : x;
	return true;
}

/* Notes the ID of the line being read, kind and index saying where its
 * annotation goes; *copy gets a copy for the annotation (the caller's).
 * False, with *copy NULL, when the ID is taken (an error) or out of
 * memory. */
static bool note_id(brat_reader *r, field id, char kind, size_t index,
                    int line, char **copy)
{
	*copy = import_strndup(id.s, id.n);
	if (!*copy) {
		r->nomem = true;
		return false;
	}
	const import_id *first;
	if (!import_ids_add(&r->ids, *copy, kind, index, line, &first)) {
		r->nomem = true;
	} else if (first) {
		import_error(&r->rep, line, 0, "%s: the ID is taken already "
		             "(line %d); this line is skipped: give each "
		             "annotation its own ID", *copy, first->line);
	} else {
		return true;
	}
	free(*copy);
	*copy = NULL;
	return false;
}

/* ---- T: text-bound annotations -------------------------------------- */

/* Pieces "S E;S E" of the T named id into ranges; false after an error. */
static bool read_pieces(brat_reader *r, const char *id, field offsets,
                        int line, import_ranges *ranges)
{
	field piece, num[2];
	for (size_t k = 1; next_field(&offsets, ';', &piece); k++) {
		long long v[2];
		field p = piece;
		if (!next_field(&p, ' ', &num[0]) || !next_field(&p, ' ', &num[1]) ||
		    p.n != 0 || !parse_offset(num[0], &v[0]) ||
		    !parse_offset(num[1], &v[1])) {
			import_error(&r->rep, line, 0, "%s: piece %zu \"%.*s\" "
			             "is not START END (two numbers); "
			             "annotation skipped", id, k, (int)piece.n,
			             piece.s);
			return false;
		}
		import_range range;
		import_range_error err = import_doc_range(r->doc, v[0], v[1], &range);
		if (err != IMPORT_RANGE_OK) {
			import_error(&r->rep, line, 0, "%s: piece %zu (%lld "
			             "%lld): %s (the text has %zu characters); "
			             "annotation skipped", id, k, v[0], v[1],
			             import_range_error_text(err),
			             r->doc->chars);
			return false;
		}
		if (ranges->n > 0 &&
		    range.start < ranges->items[ranges->n - 1].end)
			import_warning(&r->rep, line, 0, "%s: piece %zu (%lld "
			               "%lld) overlaps or comes before the "
			               "piece before it; kept as written", id, k,
			               v[0], v[1]);
		if (!import_ranges_push(ranges, range)) {
			r->nomem = true;
			return false;
		}
	}
	if (ranges->n == 0) {
		import_error(&r->rep, line, 0, "%s: no offsets: expected TYPE "
		             "START END; annotation skipped", id);
		return false;
	}
	return true;
}

/* Characters that brat writes for the span: its pieces joined by
 * spaces. */
static size_t span_chars(const import_doc *doc, const import_span *s)
{
	size_t n = s->ranges.n - 1;
	for (size_t i = 0; i < s->ranges.n; i++)
		n += import_doc_char_of(doc, s->ranges.items[i].end) -
		     import_doc_char_of(doc, s->ranges.items[i].start);
	return n;
}

/* A T's text field may continue on the lines after it: while it is
 * shorter than its span, a line that is no record belongs to it.  The
 * lengths are kept, not counted again, so a field of many lines costs
 * what its bytes cost. */
static bool wants_more(const brat_reader *r)
{
	return r->pending && r->said_chars < r->span_chars;
}

/* The T the last lines were is complete: compare its text field with the
 * text its offsets cover (at most the field's length is compared). */
static void finish_pending(brat_reader *r)
{
	if (!r->pending)
		return;
	const import_span *s = &r->doc->spans[r->pending - 1];
	r->pending = 0;
	if (!s->said || import_doc_covers(r->doc, &s->ranges, s->said))
		return;
	char covered[IMPORT_QUOTE_BYTES + 1];
	import_doc_cover_prefix(r->doc, &s->ranges, covered, sizeof covered);
	import_warning(&r->rep, s->line, 0, "%s: the text field \"%.*s\" "
	               "differs from the text its offsets cover, \"%s\"; the "
	               "span is kept as its offsets say", s->id,
	               import_quote_len(s->said), s->said, covered);
}

static void read_t(brat_reader *r, field id, field rest, int line)
{
	field head, type;
	bool has_text = memchr(rest.s, '\t', rest.n) != NULL;
	next_field(&rest, '\t', &head);
	if (!next_field(&head, ' ', &type) || type.n == 0 || head.n == 0) {
		import_error(&r->rep, line, 0, "%.*s: expected TYPE START END "
		             "after the tab; annotation skipped", (int)id.n,
		             id.s);
		return;
	}
	import_ranges ranges = { 0 };
	char *name = import_strndup(id.s, id.n);
	if (!name || !read_pieces(r, name, head, line, &ranges)) {
		r->nomem |= !name;
		free(name);
		free(ranges.items);
		return;
	}
	free(name);
	size_t index = r->doc->n_spans;
	char *copy;
	if (!note_id(r, id, 'T', index, line, &copy)) {
		free(ranges.items);
		return;
	}
	import_span *s = import_doc_add_span(r->doc, line);
	if (!s) {
		free(copy);
		free(ranges.items);
		r->nomem = true;
		return;
	}
	s->id = copy;
	s->ranges = ranges;
	s->label = import_strndup(type.s, type.n);
	s->said = has_text ? import_strndup(rest.s, rest.n) : NULL;
	r->nomem |= !s->label || (has_text && !s->said);
	if (s->said) {
		r->pending = index + 1;
		r->said_len = rest.n;
		r->said_cap = rest.n + 1;
		r->said_chars = utf8_count(rest.s, rest.n);
		r->span_chars = span_chars(r->doc, s);
	}
}

/* A line that is no record, appended to the pending T's text field; the
 * room doubles, so many lines cost no more than one long one. */
static void continue_text(brat_reader *r, const char *line, size_t len)
{
	import_span *s = &r->doc->spans[r->pending - 1];
	size_t need = r->said_len + len + 2;
	if (need > r->said_cap) {
		size_t cap = r->said_cap * 2 > need ? r->said_cap * 2 : need;
		char *said = realloc(s->said, cap);
		if (!said) {
			r->nomem = true;
			return;
		}
		s->said = said;
		r->said_cap = cap;
	}
	s->said[r->said_len] = '\n';
	memcpy(s->said + r->said_len + 1, line, len);
	r->said_len += len + 1;
	s->said[r->said_len] = '\0';
	r->said_chars += 1 + utf8_count(line, len);
}

/* ---- E, R, *: events, relations, equivalences ----------------------- */

/* "ROLE:ID ROLE:ID..." of rest as arguments of link; the first is the
 * type and trigger of an event when is_event. */
static bool read_args(brat_reader *r, import_link *link, field rest,
                      bool is_event, int line)
{
	field arg;
	while (next_field(&rest, ' ', &arg)) {
		if (arg.n == 0)
			continue;
		const char *colon = memchr(arg.s, ':', arg.n);
		size_t role = colon ? (size_t)(colon - arg.s) : 0;
		if (!colon || role == 0 || role + 1 == arg.n) {
			import_error(&r->rep, line, 0, "%s: \"%.*s\" is not "
			             "ROLE:ID; annotation skipped", link->id,
			             (int)arg.n, arg.s);
			return false;
		}
		if (is_event && !link->type) {
			link->type = import_strndup(arg.s, role);
			link->trigger = import_strndup(colon + 1, arg.n - role - 1);
			if (!link->type || !link->trigger)
				return !(r->nomem = true);
		} else if (!import_link_add_arg(link, arg.s, role, colon + 1,
		                                arg.n - role - 1)) {
			return !(r->nomem = true);
		}
	}
	return true;
}

static void read_event(brat_reader *r, field id, field rest, int line)
{
	field head;
	next_field(&rest, '\t', &head);
	import_link link = { .line = line };
	if (!note_id(r, id, 'E', r->n_events, line, &link.id))
		return;
	bool ok = read_args(r, &link, head, true, line);
	if (ok && !link.type) {
		import_error(&r->rep, line, 0, "%s: expected TYPE:TRIGGER "
		             "after the tab; event skipped", link.id);
		ok = false;
	}
	/* An event with an error stays, without a type, so that a reference
	 * to its ID reads as one to a line with an error, not a missing one. */
	if (!ok) {
		free(link.type);
		link.type = NULL;
	}
	import_link *grown = array_grow(r->events, &r->cap_events,
	                                r->n_events + 1, sizeof *grown);
	if (!grown) {
		r->nomem = true;
		import_link_clear(&link);
		return;
	}
	r->events = grown;
	r->events[r->n_events++] = link;
}

/* R lines ("TYPE ROLE:ID ROLE:ID") and * lines ("TYPE ID ID..."). */
static void read_relation(brat_reader *r, field id, field rest, int line,
                          bool equiv)
{
	field head, type;
	next_field(&rest, '\t', &head);
	if (!next_field(&head, ' ', &type) || type.n == 0) {
		import_error(&r->rep, line, 0, "%.*s: expected TYPE and "
		             "arguments after the tab; annotation skipped",
		             (int)id.n, id.s);
		return;
	}
	import_link *l = import_doc_add_link(r->doc, line);
	if (!l || !(l->type = import_strndup(type.s, type.n))) {
		r->nomem = true;
		return;
	}
	if (equiv) {
		l->id = import_strndup("*", 1);
		r->nomem |= !l->id;
		field member;
		while (next_field(&head, ' ', &member))
			if (member.n > 0 &&
			    !import_link_add_arg(l, "", 0, member.s, member.n))
				r->nomem = true;
		return;
	}
	if (!note_id(r, id, 'R', r->doc->n_links - 1, line, &l->id) ||
	    !read_args(r, l, head, false, line)) {
		import_link_clear(l);
		r->doc->n_links--;
	}
}

/* ---- A, M, N, #: attributes, normalisations, notes ------------------ */

/* "NAME TARGET [VALUE]" */
static void read_attr(brat_reader *r, field id, field rest, int line)
{
	field head, name, target, value = { 0 };
	next_field(&rest, '\t', &head);
	if (!next_field(&head, ' ', &name) || !next_field(&head, ' ', &target) ||
	    name.n == 0 || target.n == 0 ||
	    (next_field(&head, ' ', &value) && head.n != 0)) {
		import_error(&r->rep, line, 0, "%.*s: expected NAME TARGET "
		             "[VALUE] after the tab; attribute skipped",
		             (int)id.n, id.s);
		return;
	}
	char *copy;
	if (!note_id(r, id, 'A', r->doc->n_attrs, line, &copy))
		return;
	import_attr *a = import_doc_add_attr(r->doc, line);
	if (!a) {
		free(copy);
		r->nomem = true;
		return;
	}
	a->id = copy;
	a->name = import_strndup(name.s, name.n);
	a->target = import_strndup(target.s, target.n);
	a->value = value.n ? import_strndup(value.s, value.n) : NULL;
	r->nomem |= !a->name || !a->target || (value.n && !a->value);
}

/* N: "TYPE TARGET KB:ID\ttext"; #: "TYPE TARGET\tnote". */
static void read_norm_or_note(brat_reader *r, field id, field rest,
                              int line, bool note)
{
	field head, type, target, kb = { 0 };
	next_field(&rest, '\t', &head);
	if (!next_field(&head, ' ', &type) || !next_field(&head, ' ', &target) ||
	    target.n == 0 || (!note && (!next_field(&head, ' ', &kb) ||
	                                kb.n == 0 || head.n != 0))) {
		import_error(&r->rep, line, 0, "%.*s: expected %s after the "
		             "tab; %s skipped", (int)id.n, id.s,
		             note ? "TYPE TARGET, a tab, the note" : "TYPE TARGET KB:ID",
		             note ? "note" : "normalisation");
		return;
	}
	char *copy;
	if (!note_id(r, id, note ? '#' : 'N', note ? r->doc->n_notes :
	             r->doc->n_norms, line, &copy))
		return;
	char *target_copy = import_strndup(target.s, target.n);
	char *value = note ? import_strndup(rest.s, rest.n) :
	              import_strndup(kb.s, kb.n);
	void *item = NULL;
	if (target_copy && value && note) {
		import_note *n = import_doc_add_note(r->doc, line);
		if ((item = n)) {
			n->id = copy;
			n->span_id = target_copy;
			n->text = value;
		}
	} else if (target_copy && value) {
		import_norm *n = import_doc_add_norm(r->doc, line);
		if ((item = n)) {
			n->id = copy;
			n->span_id = target_copy;
			n->kb_id = value;
		}
	}
	if (!item) {
		free(copy);
		free(target_copy);
		free(value);
		r->nomem = true;
	}
}

/* ---- lines ---------------------------------------------------------- */

/* The record letter of a line "ID\t...", or 0 when it is no record. */
static char record_kind(const char *line, size_t len, field *id,
                        field *rest)
{
	const char *tab = memchr(line, '\t', len);
	if (!tab || tab == line || !strchr("TERAMN#*", line[0]))
		return 0;
	*id = (field){ line, (size_t)(tab - line) };
	if (memchr(line, ' ', id->n))
		return 0;
	*rest = (field){ tab + 1, len - id->n - 1 };
	return line[0];
}

static void read_line(brat_reader *r, const char *line, size_t len, int no)
{
	if (len > 0 && line[len - 1] == '\r')
		len--;
	const char *nul = memchr(line, '\0', len);
	size_t bad = utf8_validate(line, len);
	if (nul || bad < len) {
		finish_pending(r);
		import_error(&r->rep, no, 0, "%s at column %zu; line skipped: "
		             "save the file as UTF-8 without NUL bytes",
		             nul ? "a NUL byte" : "a byte that is no UTF-8",
		             utf8_count(line, nul ? (size_t)(nul - line) : bad) + 1);
		return;
	}
	field id, rest;
	char kind = record_kind(line, len, &id, &rest);
	if (!kind && wants_more(r)) {
		continue_text(r, line, len);
		return;
	}
	finish_pending(r);
	switch (kind) {
	case 'T': read_t(r, id, rest, no); break;
	case 'E': read_event(r, id, rest, no); break;
	case 'R': read_relation(r, id, rest, no, false); break;
	case '*': read_relation(r, id, rest, no, true); break;
	case 'A': case 'M': read_attr(r, id, rest, no); break;
	case 'N': read_norm_or_note(r, id, rest, no, false); break;
	case '#': read_norm_or_note(r, id, rest, no, true); break;
	default:
		if (len > 0)
			import_error(&r->rep, no, 0, "not a brat annotation: "
			             "expected an ID (T1, E1, R1, A1, N1, #1 "
			             "or *), a tab, then the annotation; line "
			             "skipped");
	}
}

import_status import_brat_read(const char *txt_file, const char *txt,
                               size_t txt_len, const char *ann_file,
                               const char *ann, size_t ann_len,
                               import_doc **out, diag_list *diags)
{
	brat_reader r = { .rep = { .diags = diags, .file = ann_file } };
	r.doc = import_doc_new();
	import_report txt_rep = { .diags = diags, .file = txt_file };
	if (!r.doc || !import_doc_set_text(r.doc, txt, txt_len, &txt_rep, 0)) {
		import_doc_free(r.doc);
		return IMPORT_NOMEM;
	}
	int no = 1;
	for (size_t at = 0; at < ann_len && !r.nomem; no++) {
		const char *nl = memchr(ann + at, '\n', ann_len - at);
		size_t len = nl ? (size_t)(nl - (ann + at)) : ann_len - at;
		read_line(&r, ann + at, len, no);
		at += len + 1;
	}
	finish_pending(&r);
	if (!r.nomem)
		brat_resolve(&r);
	import_ids_free(&r.ids);
	for (size_t i = 0; i < r.n_events; i++)
		import_link_clear(&r.events[i]);
	free(r.events);
	if (r.nomem) {
		import_doc_free(r.doc);
		return IMPORT_NOMEM;
	}
	*out = r.doc;
	return r.rep.errors ? IMPORT_PARTIAL : IMPORT_OK;
}
