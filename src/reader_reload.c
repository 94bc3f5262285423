/* reader_reload.c - a new reader that keeps the old one's place; see
 * reader_reload.h. */
#include "reader_reload.h"

#include <string.h>

#include "reader_private.h"
#include "text.h"

/* The index in next of old's quote q: the quote of the same id, else the
 * one at the same position in the file's list; -1 when there is none. */
static long same_quote(const article *old, size_t q, const article *next)
{
	const char *id = old->quotes[q].id;
	if (id) {
		for (size_t i = 0; i < next->n_quotes; i++)
			if (next->quotes[i].id && strcmp(next->quotes[i].id, id) == 0)
				return (long)i;
	}
	return q < next->n_quotes ? (long)q : -1;
}

static long same_entity(const article *old, size_t e, const article *next)
{
	for (size_t i = 0; i < next->n_entities; i++)
		if (strcmp(next->entities[i].id, old->entities[e].id) == 0)
			return (long)i;
	return -1;
}

static size_t pane_rows(const reader *r, pane_id pane)
{
	int rows = geometry_body_rows(&r->geo, pane);
	return rows > 0 ? (size_t)rows : 1;
}

/* The entities cursor on e's row. */
static void ents_cursor_to(reader *r, size_t e)
{
	for (size_t i = 0; i < r->n_ent_rows; i++) {
		if (r->ent_rows[i].kind == ENTITY_ROW_ENTITY && r->ent_rows[i].entity == e) {
			r->ents.cursor = i;
			listview_follow(&r->ents, pane_rows(r, PANE_ENTITIES));
			return;
		}
	}
}

/* The current quote without moving the text: the annotator's view stays
 * where it was even when the quote moved. */
static void keep_current(reader *r, size_t q)
{
	r->current = (long)q;
	long at = reader_list_index(r, q);
	if (at >= 0) {
		r->quotes.cursor = (size_t)at;
		listview_follow(&r->quotes, pane_rows(r, PANE_QUOTES));
	}
	r->ix->speaker_near = reader_speaker_near(r, q);
}

reader *reader_reload(const reader *old, const article *next)
{
	reader *r = reader_new(next, old->geo.cols, old->geo.rows);
	if (!r)
		return NULL;
	r->focus = old->focus;
	/* The types hidden stay hidden, by their names. */
	bool any_hidden = false;
	for (size_t t = 0; t < r->n_types; t++)
		for (size_t u = 0; u < old->n_types; u++)
			if (old->type_hidden[u] && strcmp(old->types[u], r->types[t]) == 0)
				any_hidden = r->type_hidden[t] = true;
	if (any_hidden)
		reader_types_update(r);
	if (old->selected >= 0) {
		long e = same_entity(old->a, (size_t)old->selected, next);
		if (e >= 0) {
			r->selected = e;
			ents_cursor_to(r, (size_t)e);
			if (old->filter)
				reader_apply(r, ACT_FILTER);
		}
	}
	size_t top = old->anchor < r->a->body_len ? old->anchor : r->a->body_len;
	if (r->a->body)
		top = utf8_char_start(r->a->body, top);
	reader_set_top(r, layout_pos_of_offset(r->lay, top));
	if (old->current >= 0) {
		long q = same_quote(old->a, (size_t)old->current, next);
		if (q >= 0)
			keep_current(r, (size_t)q);
	}
	reader_message_set(r, false, "reloaded", NULL);
	return r;
}
