/* reader_lists.c - the entities and quotes panes' cursors and what the
 * quotes pane lists; see reader_private.h.
 *
 * The helpers that the actions (reader.c) and the types (reader_types.c)
 * both move the lists with.  A leaf: it calls the list view and the
 * index's lookups only. */
#include "reader_private.h"

size_t reader_list_rows(const reader *r, pane_id pane)
{
	int rows = geometry_body_rows(&r->geo, pane);
	return rows > 0 ? (size_t)rows : 1;
}

/* Also shows the header (and legend) just above the cursor's entity. */
void reader_ents_keep_cursor(reader *r)
{
	size_t rows = reader_list_rows(r, PANE_ENTITIES);
	size_t first = r->ents.cursor;

	listview_follow(&r->ents, rows);
	while (first > 0 && r->ent_rows[first - 1].kind != ENTITY_ROW_ENTITY)
		first--;
	if (r->ents.top > first && r->ents.cursor < first + rows)
		r->ents.top = first;
}

void reader_quotes_keep_cursor(reader *r)
{
	listview_follow(&r->quotes, reader_list_rows(r, PANE_QUOTES));
}

/* The nearest entity row from idx in direction dir (+1, -1), else in the
 * other direction; idx itself when there is none. */
size_t reader_ents_snap(const reader *r, size_t idx, int dir)
{
	for (int pass = 0; pass < 2; pass++, dir = -dir) {
		for (size_t i = idx; i < r->n_ent_rows; i = dir > 0 ? i + 1 : i - 1) {
			if (r->ent_rows[i].kind == ENTITY_ROW_ENTITY)
				return i;
			if (dir < 0 && i == 0)
				break;
		}
	}
	return idx;
}

void reader_ents_move(reader *r, long delta)
{
	if (r->n_ent_rows == 0)
		return;
	size_t cur = r->ents.cursor;
	if (delta == 1 || delta == -1) {
		/* One entity at a time, stepping over headers. */
		size_t next = cur;
		for (size_t i = cur; delta > 0 ? i + 1 < r->n_ent_rows : i > 0;) {
			i = delta > 0 ? i + 1 : i - 1;
			if (r->ent_rows[i].kind == ENTITY_ROW_ENTITY) {
				next = i;
				break;
			}
		}
		r->ents.cursor = next;
	} else {
		listview_move(&r->ents, delta, reader_list_rows(r, PANE_ENTITIES));
		r->ents.cursor = reader_ents_snap(r, r->ents.cursor, delta > 0 ? 1 : -1);
	}
	reader_ents_keep_cursor(r);
}

void reader_quotes_move(reader *r, long delta)
{
	listview_move(&r->quotes, delta, reader_list_rows(r, PANE_QUOTES));
}

/* Which list the quotes pane shows: all, or the selected entity's. */
void reader_quotes_list_update(reader *r)
{
	if (r->filter && r->selected >= 0) {
		size_t first = r->ix->speaker_first[r->selected];
		r->list = r->ix->by_speaker + first;
		r->n_list = r->ix->speaker_first[r->selected + 1] - first;
	} else {
		r->filter = false;
		r->list = r->order;
		r->n_list = r->n_order;
	}
	long at = r->current >= 0 ? reader_list_index(r, (size_t)r->current) : -1;
	r->quotes.top = 0;
	r->quotes.cursor = at >= 0 ? (size_t)at : 0;
	listview_set_count(&r->quotes, r->n_list, reader_list_rows(r, PANE_QUOTES));
}

/* The entities list's cursor on e's row, when e is shown. */
void reader_ents_cursor_on(reader *r, size_t e)
{
	for (size_t i = 0; i < r->n_ent_rows; i++) {
		if (r->ent_rows[i].kind == ENTITY_ROW_ENTITY && r->ent_rows[i].entity == e) {
			r->ents.cursor = i;
			reader_ents_keep_cursor(r);
			return;
		}
	}
}

