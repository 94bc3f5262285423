/* reader_search.c - the reader's search: the incremental prompt, n and N.
 *
 * Typing resumes from the match of the shorter query, Backspace returns
 * to a remembered step, and n or N scan only up to the next match, so no
 * key scans what has already been scanned.  The scanning itself is in
 * search.c. */
#include "reader.h"

#include <stdint.h>
#include <string.h>

#include "keys.h"
#include "reader_private.h"
#include "search.h"
#include "text.h"

void reader_search_clear(reader *r)
{
	search_state *s = &r->search;

	s->editing = false;
	s->active = false;
	s->found = false;
	s->qlen = 0;
	s->query[0] = '\0';
	s->counted = false;
}

void reader_search_start(reader *r)
{
	search_state *s = &r->search;

	reader_search_clear(r);
	s->editing = true;
	s->active = true;
	s->origin_top = r->top;
	s->origin_anchor = r->anchor;
	s->origin_offset = reader_top_offset(r);
	s->steps[0] = (struct search_step){ .found = false };
}

static void search_restore_origin(reader *r)
{
	r->top = reader_clamp_top(r, r->search.origin_top);
	r->anchor = r->search.origin_anchor;
}

static void search_not_found(reader *r)
{
	reader_message_set(r, true, "not found: ", r->search.query);
}

/* The match for the query just extended: no earlier than the match of
 * the shorter query (any match of the longer one is one of the shorter),
 * so typing resumes where the last match was instead of rescanning. */
static void search_extend(reader *r, size_t old_len)
{
	search_state *s = &r->search;
	const struct search_step *prev = &s->steps[old_len];
	struct search_step step = { .found = false };
	const char *body = r->a->body;
	size_t len = r->a->body_len;

	if (old_len == 0 || prev->found) {
		size_t from = old_len ? prev->match.start : s->origin_offset;
		bool wrapped = old_len ? prev->wrapped : false;
		if (!wrapped)
			step.found = search_forward(body, len, from, len, s->query,
			                            s->qlen, s->mode, &step.match);
		if (!step.found) {
			if (!wrapped)
				from = 0;
			wrapped = true;
			step.found = search_forward(body, len, from, s->origin_offset,
			                            s->query, s->qlen, s->mode,
			                            &step.match);
		}
		step.wrapped = wrapped;
	}
	s->steps[s->qlen] = step;
	s->found = step.found;
	s->match = step.match;
	if (step.found) {
		reader_show_offset(r, step.match.start);
		if (step.wrapped)
			reader_message_set(r, false, "search wrapped to the top", NULL);
	} else {
		search_restore_origin(r);
		search_not_found(r);
	}
}

static bool search_type(reader *r, int key)
{
	search_state *s = &r->search;
	char utf8[4];
	size_t n;

	if (key < ' ' || key == 127 || key >= 0x110000 || (key >= 0xD800 && key <= 0xDFFF))
		return false;
	n = utf8_encode((uint32_t)key, utf8);
	if (s->qlen + n >= READER_QUERY_MAX) {
		reader_message_set(r, true, "search too long", NULL);
		return true;
	}
	size_t old_len = s->qlen;
	memcpy(s->query + s->qlen, utf8, n);
	s->qlen += n;
	s->query[s->qlen] = '\0';
	s->icase = search_ignores_case(s->query, s->qlen);
	s->mode = search_mode(s->query, s->qlen);
	search_extend(r, old_len);
	return true;
}

static void search_backspace(reader *r)
{
	search_state *s = &r->search;

	if (s->qlen == 0) {
		search_restore_origin(r);
		reader_search_clear(r);
		return;
	}
	s->qlen = utf8_char_start(s->query, s->qlen - 1);
	s->query[s->qlen] = '\0';
	s->icase = search_ignores_case(s->query, s->qlen);
	s->mode = search_mode(s->query, s->qlen);
	s->found = s->qlen > 0 && s->steps[s->qlen].found;
	s->match = s->steps[s->qlen].match;
	if (s->found)
		reader_show_offset(r, s->match.start);
	else
		search_restore_origin(r);
	if (s->qlen > 0 && !s->found)
		search_not_found(r);
}

/* "match 3/12": one scan of the body when a query is confirmed; n and N
 * then count by one, so they scan no more than before. */
static void search_recount(reader *r)
{
	search_state *s = &r->search;
	size_t before;

	search_count(r->a->body, r->a->body_len, s->query, s->qlen, s->mode,
	             s->match.start, &s->n_matches, &before);
	s->match_no = before + 1;
	s->counted = s->n_matches > 0;
}

static void search_confirm(reader *r)
{
	search_state *s = &r->search;

	s->editing = false;
	if (s->qlen == 0) {
		reader_search_clear(r);
		return;
	}
	if (!s->found) {
		search_not_found(r);
		return;
	}
	search_recount(r);
}

handler_result reader_search_key(reader *r, int key)
{
	if (!r->search.editing)
		return HANDLER_IGNORED;
	reader_message_clear(r);
	switch (key) {
	case QK_ESC:
		search_restore_origin(r);
		reader_search_clear(r);
		return HANDLER_REDRAW;
	case QK_ENTER: case '\r': case QK_ENTER_KEY:
		search_confirm(r);
		return HANDLER_REDRAW;
	case QK_BACKSPACE: case 127: case 8:
		search_backspace(r);
		return HANDLER_REDRAW;
	default:
		return search_type(r, key) ? HANDLER_REDRAW : HANDLER_IGNORED;
	}
}

/* n and N: from the current match to the next one only. */
void reader_search_step(reader *r, int dir)
{
	search_state *s = &r->search;
	const char *body = r->a->body;
	size_t len = r->a->body_len;
	bool wrapped = false;
	span m;
	bool ok;

	if (s->qlen == 0) {
		reader_message_set(r, true, "no previous search", NULL);
		return;
	}
	s->active = true;
	if (dir > 0) {
		size_t from = s->found ? s->match.start + 1 : reader_top_offset(r);
		ok = search_forward(body, len, from, len, s->query, s->qlen, s->mode, &m);
		if (!ok)
			ok = wrapped = search_forward(body, len, 0, from, s->query,
			                              s->qlen, s->mode, &m);
	} else {
		size_t before = s->found ? s->match.start : reader_top_offset(r);
		ok = search_backward(body, len, before, 0, s->query, s->qlen, s->mode, &m);
		if (!ok)
			ok = wrapped = search_backward(body, len, len, before, s->query,
			                               s->qlen, s->mode, &m);
	}
	if (wrapped)
		reader_message_set(r, false, dir > 0 ? "search wrapped to the top"
		                                     : "search wrapped to the bottom", NULL);
	bool was_found = s->found;
	s->found = ok;
	if (!ok) {
		search_not_found(r);
		return;
	}
	s->match = m;
	reader_show_offset(r, m.start);
	if (!was_found || !s->counted)
		search_recount(r);
	else if (wrapped)
		s->match_no = dir > 0 ? 1 : s->n_matches;
	else
		s->match_no = dir > 0 ? s->match_no + 1 : s->match_no - 1;
}
