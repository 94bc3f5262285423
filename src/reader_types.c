/* reader_types.c - the entity types shown and hidden (issue 16, as brat
 * users asked in nlplab/brat#193); see reader_private.h.
 *
 * r->type_hidden says which types are hidden.  The entities pane shows
 * r->ent_rows, the rows of the index without those of hidden types (the
 * legend stays, and names every type); the view draws the mentions of a
 * hidden type as plain text (reader_entity_hidden).  It calls
 * reader_lists.c for the cursor and reader_text.c for the message. */
#include "reader_private.h"

#include <stdint.h>
#include <string.h>

void reader_types_update(reader *r)
{
	const struct reader_index *ix = r->ix;
	bool had = r->ents.cursor < r->n_ent_rows
	           && r->ent_rows[r->ents.cursor].kind == ENTITY_ROW_ENTITY;
	size_t keep = had ? r->ent_rows[r->ents.cursor].entity : 0;
	size_t at = SIZE_MAX;
	size_t place = 0;     /* where the cursor's entity is, or would be */

	r->n_ent_rows = 0;
	for (size_t i = 0; i < ix->n_ent_all; i++) {
		const entity_row *row = &ix->ent_all[i];
		bool mine = had && row->kind == ENTITY_ROW_ENTITY && row->entity == keep;
		if (mine)
			place = r->n_ent_rows;
		if (row->kind != ENTITY_ROW_LEGEND && r->type_hidden[row->type])
			continue;
		if (mine)
			at = r->n_ent_rows;
		r->ent_rows[r->n_ent_rows++] = *row;
	}
	r->ents.n = r->n_ent_rows;
	if (place >= r->n_ent_rows)
		place = r->n_ent_rows ? r->n_ent_rows - 1 : 0;
	r->ents.cursor = at != SIZE_MAX ? at : reader_ents_snap(r, place, 1);
	if (r->ents.top >= r->n_ent_rows)
		r->ents.top = 0;
}

bool reader_entity_hidden(const reader *r, size_t entity)
{
	if (entity >= r->a->n_entities)
		return false;
	return r->type_hidden[r->ix->entity_type[entity]];
}

/* Whether name is one of the comma-separated words of list. */
static bool listed(const char *list, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = list; p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == n && strncmp(p, name, n) == 0)
			return true;
		p = comma ? comma + 1 : NULL;
	}
	return false;
}

void reader_types_show_only(reader *r, const char *list)
{
	for (size_t t = 0; t < r->n_types; t++)
		r->type_hidden[t] = list && !listed(list, r->types[t]);
	reader_types_update(r);
}

void reader_types_hide(reader *r, const char *list)
{
	for (size_t t = 0; list && t < r->n_types; t++)
		r->type_hidden[t] = r->type_hidden[t] || listed(list, r->types[t]);
	reader_types_update(r);
}

void reader_types_hide_current(reader *r)
{
	long e = r->selected;

	if (r->focus == PANE_ENTITIES && r->ents.cursor < r->n_ent_rows
	    && r->ent_rows[r->ents.cursor].kind == ENTITY_ROW_ENTITY)
		e = (long)r->ent_rows[r->ents.cursor].entity;
	if (e < 0) {
		reader_message_set(r, true, "no entity selected", NULL);
		return;
	}
	size_t t = r->ix->entity_type[e];
	r->type_hidden[t] = true;
	reader_types_update(r);
	reader_message_set(r, false, "hidden: ", r->types[t]);
}

void reader_types_show_all(reader *r)
{
	bool any = false;

	for (size_t t = 0; t < r->n_types; t++) {
		any |= r->type_hidden[t];
		r->type_hidden[t] = false;
	}
	if (!any) {
		reader_message_set(r, false, "no type is hidden", NULL);
		return;
	}
	reader_types_update(r);
	reader_message_set(r, false, "every type shown", NULL);
}
