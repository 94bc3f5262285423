/* reader_seen.c - what an event changed in the reader; see
 * reader_private.h.
 *
 * reader_apply, reader_click and reader_wheel take the state before and
 * compare it after, so that they can say HANDLER_IGNORED when nothing
 * changed without every action having to report it.  A leaf: it reads
 * the reader and calls nothing. */
#include "reader_private.h"

#include <string.h>

void reader_seen_take(const reader *r, reader_seen *s)
{
	*s = (reader_seen){
		.focus = r->focus, .top = r->top, .anchor = r->anchor,
		.ents = r->ents, .quotes = r->quotes,
		.selected = r->selected, .mention = r->mention,
		.current = r->current, .filter = r->filter,
		.editing = r->search.editing, .active = r->search.active,
		.found = r->search.found, .qlen = r->search.qlen,
		.match = r->search.match, .match_no = r->search.match_no,
		.message_is_error = r->message_is_error,
	};
	memcpy(s->message, r->message, sizeof s->message);
	for (size_t t = 0; t < r->n_types; t++)
		s->n_hidden += r->type_hidden[t];
}

static bool pos_same(layout_pos a, layout_pos b)
{
	return a.para == b.para && a.row == b.row;
}

static bool list_view_same(const list_view *a, const list_view *b)
{
	return a->n == b->n && a->cursor == b->cursor && a->top == b->top;
}

static bool reader_seen_same(const reader_seen *a, const reader_seen *b)
{
	return a->focus == b->focus && pos_same(a->top, b->top)
	       && a->anchor == b->anchor
	       && list_view_same(&a->ents, &b->ents)
	       && list_view_same(&a->quotes, &b->quotes)
	       && a->selected == b->selected && a->mention == b->mention
	       && a->current == b->current && a->filter == b->filter
	       && a->editing == b->editing && a->active == b->active
	       && a->found == b->found && a->qlen == b->qlen
	       && a->match.start == b->match.start && a->match.end == b->match.end
	       && a->match_no == b->match_no && a->n_hidden == b->n_hidden
	       && a->message_is_error == b->message_is_error
	       && strcmp(a->message, b->message) == 0;
}

/* HANDLER_REDRAW when r differs from before, else HANDLER_IGNORED. */
handler_result reader_seen_result(const reader *r, const reader_seen *before)
{
	reader_seen after;

	reader_seen_take(r, &after);
	return reader_seen_same(before, &after) ? HANDLER_IGNORED : HANDLER_REDRAW;
}
