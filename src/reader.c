/* reader.c - the reader's state machine; see reader.h.
 *
 * This file changes the state: the actions on quotes, mentions, the
 * filter, mouse and resize.  The indexes built once per article are in
 * reader_index.c, the lists' cursors in reader_lists.c, the types shown
 * and hidden in reader_types.c, the text pane's scroll and the message
 * in reader_text.c, the search in reader_search.c; what the renderer
 * reads (marks, gutter, the words of the lists and status line) is
 * computed in reader_view.c. */
#include "reader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "reader_private.h"

/* ====================================================================
 * Life cycle
 * ==================================================================== */

static size_t first_entity_row(const reader *r)
{
	for (size_t i = 0; i < r->n_ent_rows; i++)
		if (r->ent_rows[i].kind == ENTITY_ROW_ENTITY)
			return i;
	return 0;
}

reader *reader_new(const article *a, int cols, int rows)
{
	reader *r = calloc(1, sizeof *r);

	if (!r)
		return NULL;
	r->a = a;
	r->geo = geometry_compute_panes(cols, rows, a->n_entities > 0);
	r->lay = layout_new(a->body ? a->body : "", a->body ? a->body_len : 0,
	                    geometry_text_width(&r->geo));
	if (!r->lay || !reader_index_build(r)) {
		reader_free(r);
		return NULL;
	}
	r->focus = PANE_TEXT;
	r->top = layout_first(r->lay);
	r->anchor = 0;
	r->selected = -1;
	r->mention = -1;
	r->current = -1;
	r->list = r->order;
	r->n_list = r->n_order;
	r->ents.n = r->n_ent_rows;
	r->ents.cursor = first_entity_row(r);
	r->quotes.n = r->n_list;
	return r;
}

void reader_free(reader *r)
{
	if (!r)
		return;
	reader_index_free(r);
	layout_free(r->lay);
	free(r);
}


static void scroll_text(reader *r, long delta)
{
	reader_set_top(r, layout_advance(r->lay, r->top, delta, NULL));
}

/* ====================================================================
 * Quotes and mentions
 * ==================================================================== */

/* Where the current quote's speaker mentions are marked. */
static void speaker_near_update(reader *r)
{
	r->ix->speaker_near = r->current >= 0
		? reader_speaker_near(r, (size_t)r->current) : (span){ 0, 0 };
}

/* q becomes the current quote, the quotes list's cursor on it; the text
 * stays where it is. */
static void make_current(reader *r, size_t q)
{
	r->current = (long)q;
	long at = reader_list_index(r, q);
	if (at >= 0) {
		r->quotes.cursor = (size_t)at;
		reader_quotes_keep_cursor(r);
	}
	speaker_near_update(r);
}

static void goto_quote(reader *r, size_t q)
{
	make_current(r, q);
	if (reader_quote_start(r, q) != SIZE_MAX)
		reader_show_offset(r, reader_quote_start(r, q));
}

/* On a narrow terminal the text is a tab of its own: going to a quote or
 * a mention from another tab must show the text, or only the status line
 * would change (issue 12, bug 7). */
static void show_text_tab(reader *r)
{
	if (!r->geo.wide)
		r->focus = PANE_TEXT;
}
static bool no_quotes_message(reader *r)
{
	if (r->n_list > 0)
		return false;
	if (r->filter)
		reader_message_set(r, true, "no quotes by ",
		            r->a->entities[r->selected].name);
	else
		reader_message_set(r, true, "no quotes in this article", NULL);
	return true;
}

/* Entries of the list placed in the text: the quotes not found start at
 * SIZE_MAX, so they come last, and ] and [ go round the others. */
static size_t placed_quotes(reader *r)
{
	size_t n = reader_list_lower_offset(r, SIZE_MAX);
	if (n == 0)
		reader_message_set(r, true, "no quote was found in the text", NULL);
	return n;
}

static void next_quote(reader *r)
{
	size_t idx;

	if (no_quotes_message(r))
		return;
	size_t placed = placed_quotes(r);
	if (placed == 0)
		return;
	if (r->current >= 0)
		idx = reader_list_lower_rank(r, r->ix->rank[r->current] + 1);
	else
		idx = reader_list_lower_offset(r, reader_top_offset(r));
	if (idx >= placed) {
		idx = 0;
		reader_message_set(r, false, "wrapped to the first quote", NULL);
	}
	goto_quote(r, r->list[idx]);
}

static void prev_quote(reader *r)
{
	size_t idx;

	if (no_quotes_message(r))
		return;
	size_t placed = placed_quotes(r);
	if (placed == 0)
		return;
	if (r->current >= 0)
		idx = reader_list_lower_rank(r, r->ix->rank[r->current]);
	else
		idx = reader_list_lower_offset(r, reader_top_offset(r));
	if (idx > placed)
		idx = placed;
	if (idx == 0) {
		idx = placed;
		reader_message_set(r, false, "wrapped to the last quote", NULL);
	}
	goto_quote(r, r->list[idx - 1]);
}

static void step_mention(reader *r, int dir)
{
	if (r->selected < 0) {
		reader_message_set(r, true, "no entity selected", NULL);
		return;
	}
	const entity *e = &r->a->entities[r->selected];
	size_t n = e->n_mentions;
	if (n == 0 || !e->mention_ids) {
		reader_message_set(r, true, "no mentions of ", e->name);
		return;
	}
	long idx;
	if (r->mention >= 0)
		idx = r->mention + dir;
	else if (dir > 0)
		idx = (long)reader_mention_lower(r, e, reader_top_offset(r));
	else
		idx = (long)reader_mention_lower(r, e, reader_top_offset(r)) - 1;
	if (idx >= (long)n) {
		idx = 0;
		reader_message_set(r, false, "wrapped to the first mention", NULL);
	} else if (idx < 0) {
		idx = (long)n - 1;
		reader_message_set(r, false, "wrapped to the last mention", NULL);
	}
	r->mention = idx;
	reader_show_offset(r, r->a->mentions[e->mention_ids[idx]].at.start);
	show_text_tab(r);
}

static void select_entity(reader *r, size_t e)
{
	r->selected = (long)e;
	r->mention = -1;
	if (r->filter)
		reader_quotes_list_update(r);
}

/* Selects e from its list: when none of its mentions is on screen, the
 * text goes to the first one, as if m had been pressed. */
static void select_and_show(reader *r, size_t e)
{
	const entity *en = &r->a->entities[e];

	select_entity(r, e);
	if (en->n_mentions == 0 || !en->mention_ids)
		return;
	size_t i = reader_mention_lower(r, en, reader_top_offset(r));
	if (i < en->n_mentions
	    && r->a->mentions[en->mention_ids[i]].at.start < reader_bottom_offset(r))
		return;
	r->mention = 0;
	reader_show_offset(r, r->a->mentions[en->mention_ids[0]].at.start);
}

/* The entity s filters by outside the entities pane: the current quote's
 * speaker, when it is one; else -1. */
static long filter_speaker(const reader *r)
{
	if (r->focus == PANE_ENTITIES || r->current < 0)
		return -1;
	long s = r->a->quotes[r->current].speaker;
	return s >= 0 && (size_t)s < r->a->n_entities ? s : -1;
}

static void toggle_filter(reader *r)
{
	long speaker = filter_speaker(r);

	if (r->filter) {
		r->filter = false;
	} else if (speaker < 0 && r->selected < 0) {
		reader_message_set(r, true, "no entity selected", NULL);
		return;
	} else {
		if (speaker >= 0) {
			select_entity(r, (size_t)speaker);
			reader_ents_cursor_on(r, (size_t)speaker);
		}
		r->filter = true;
	}
	reader_quotes_list_update(r);
	if (r->filter && r->n_list == 0)
		reader_message_set(r, false, "no quotes by ", r->a->entities[r->selected].name);
}

/* ====================================================================
 * Actions
 * ==================================================================== */

static void clear_all(reader *r)
{
	r->selected = -1;
	r->mention = -1;
	if (r->filter) {
		r->filter = false;
		reader_quotes_list_update(r);
	}
	reader_search_clear(r);
}

static void enter(reader *r)
{
	if (r->focus == PANE_QUOTES && r->n_list > 0) {
		goto_quote(r, r->list[r->quotes.cursor]);
		show_text_tab(r);
	} else if (r->focus == PANE_ENTITIES && r->n_ent_rows > 0) {
		const entity_row *row = &r->ent_rows[r->ents.cursor];
		if (row->kind == ENTITY_ROW_ENTITY)
			select_and_show(r, row->entity);
	}
}

/* After t or T: a selected entity whose type is hidden is no longer
 * selected (it is in no list), and the list's cursor stays in view. */
static void types_changed(reader *r)
{
	if (r->selected >= 0 && reader_entity_hidden(r, (size_t)r->selected)) {
		r->selected = -1;
		r->mention = -1;
		if (r->filter) {
			r->filter = false;
			reader_quotes_list_update(r);
		}
	}
	reader_ents_keep_cursor(r);
}

/* Moves in the focused pane by delta rows. */
static void move(reader *r, long delta)
{
	switch (r->focus) {
	case PANE_ENTITIES: reader_ents_move(r, delta); break;
	case PANE_QUOTES: reader_quotes_move(r, delta); break;
	default: scroll_text(r, delta); break;
	}
}

static long focused_rows(const reader *r)
{
	if (r->focus == PANE_TEXT)
		return reader_text_rows(r);
	return (long)reader_list_rows(r, r->focus);
}

static void move_end(reader *r, bool bottom)
{
	switch (r->focus) {
	case PANE_ENTITIES:
		if (r->n_ent_rows) {
			r->ents.cursor = reader_ents_snap(r, bottom ? r->n_ent_rows - 1 : 0,
			                           bottom ? -1 : 1);
			reader_ents_keep_cursor(r);
		}
		break;
	case PANE_QUOTES:
		if (bottom)
			listview_end(&r->quotes, reader_list_rows(r, PANE_QUOTES));
		else
			listview_home(&r->quotes, reader_list_rows(r, PANE_QUOTES));
		break;
	default:
		reader_set_top(r, bottom ? reader_max_top(r) : layout_first(r->lay));
		break;
	}
}

static void focus_step(reader *r, int dir)
{
	r->focus = (pane_id)((r->focus + PANE_COUNT + dir) % PANE_COUNT);
}

static handler_result apply_move(reader *r, action act)
{
	long page = focused_rows(r);
	long half = page / 2 > 0 ? page / 2 : 1;

	switch (act) {
	case ACT_DOWN: move(r, 1); break;
	case ACT_UP: move(r, -1); break;
	case ACT_PAGE_DOWN: move(r, page); break;
	case ACT_PAGE_UP: move(r, -page); break;
	case ACT_HALF_DOWN: move(r, half); break;
	case ACT_HALF_UP: move(r, -half); break;
	case ACT_TOP: move_end(r, false); break;
	case ACT_BOTTOM: move_end(r, true); break;
	default: return HANDLER_IGNORED;
	}
	return HANDLER_REDRAW;
}

static handler_result apply_other(reader *r, action act)
{
	switch (act) {
	case ACT_QUIT: return HANDLER_CLOSE;
	case ACT_REDRAW: return HANDLER_REDRAW | HANDLER_FULL_REDRAW;
	case ACT_FOCUS_NEXT: focus_step(r, 1); break;
	case ACT_FOCUS_PREV: focus_step(r, -1); break;
	case ACT_PANE_TEXT: r->focus = PANE_TEXT; break;
	case ACT_PANE_ENTITIES: r->focus = PANE_ENTITIES; break;
	case ACT_PANE_QUOTES: r->focus = PANE_QUOTES; break;
	case ACT_NEXT_QUOTE: next_quote(r); break;
	case ACT_PREV_QUOTE: prev_quote(r); break;
	case ACT_ENTER: enter(r); break;
	case ACT_NEXT_MENTION: step_mention(r, 1); break;
	case ACT_PREV_MENTION: step_mention(r, -1); break;
	case ACT_FILTER: toggle_filter(r); break;
	case ACT_SEARCH: reader_search_start(r); break;
	case ACT_SEARCH_NEXT: reader_search_step(r, 1); break;
	case ACT_SEARCH_PREV: reader_search_step(r, -1); break;
	case ACT_CLEAR: clear_all(r); break;
	case ACT_NEXT_ARTICLE: return HANDLER_NEXT_ARTICLE;
	case ACT_PREV_ARTICLE: return HANDLER_PREV_ARTICLE;
	case ACT_TYPE_HIDE: reader_types_hide_current(r); types_changed(r); break;
	case ACT_TYPE_SHOW_ALL: reader_types_show_all(r); types_changed(r); break;
	default: return HANDLER_IGNORED;
	}
	return HANDLER_REDRAW;
}

handler_result reader_apply(reader *r, action act)
{
	if (act <= ACT_NONE || act >= ACT_COUNT)
		return HANDLER_IGNORED;
	if (r->geo.too_small && act != ACT_QUIT && act != ACT_REDRAW)
		return HANDLER_IGNORED;
	reader_seen before;
	reader_seen_take(r, &before);
	reader_message_clear(r);
	handler_result flags = apply_move(r, act);
	if (flags == HANDLER_IGNORED)
		flags = apply_other(r, act);
	if (flags & (HANDLER_CLOSE | HANDLER_FULL_REDRAW | HANDLER_NEXT_ARTICLE
	             | HANDLER_PREV_ARTICLE))
		return flags;
	/* A message shown or cleared is a change too: it is in the state. */
	return reader_seen_result(r, &before);
}

/* ====================================================================
 * Mouse and resize
 * ==================================================================== */

static void click_list(reader *r, pane_id pane, int y)
{
	rect body = r->geo.pane[pane].body;
	if (y < body.y || y >= body.y + body.h)
		return;
	size_t row = (size_t)(y - body.y);
	size_t i;
	if (pane == PANE_ENTITIES) {
		if (listview_item_at(&r->ents, row, &i)
		    && r->ent_rows[i].kind == ENTITY_ROW_ENTITY) {
			r->ents.cursor = i;
			reader_ents_keep_cursor(r);
			select_and_show(r, r->ent_rows[i].entity);
		}
	} else if (pane == PANE_QUOTES) {
		if (listview_click_row(&r->quotes, row, reader_list_rows(r, PANE_QUOTES))) {
			goto_quote(r, r->list[r->quotes.cursor]);
			show_text_tab(r);
		}
	}
}

/* A click on a name selects its entity (one of a hidden type is plain
 * text, as drawn); elsewhere in a quote, makes that quote current. */
static void click_text(reader *r, int x, int y)
{
	size_t at;

	if (!reader_offset_at(r, x, y, &at))
		return;
	long e = reader_mention_at(r, at);
	if (e >= 0 && !reader_entity_hidden(r, (size_t)e)) {
		select_entity(r, (size_t)e);
		reader_ents_cursor_on(r, (size_t)e);
		return;
	}
	long q = reader_quote_at(r, at);
	if (q >= 0)
		make_current(r, (size_t)q);
}

static void click(reader *r, int x, int y)
{
	if (!r->geo.wide && y == r->geo.tabs.y) {
		pane_id tab = geometry_tab_at(&r->geo, x);
		if (tab != PANE_NONE)
			r->focus = tab;
		return;
	}
	pane_id pane = geometry_pane_at(&r->geo, x, y, r->focus);
	if (pane == PANE_NONE)
		return;
	r->focus = pane;
	if (pane == PANE_TEXT)
		click_text(r, x, y);
	else
		click_list(r, pane, y);
}

handler_result reader_click(reader *r, int x, int y)
{
	if (r->geo.too_small)
		return HANDLER_IGNORED;
	reader_seen before;
	reader_seen_take(r, &before);
	reader_message_clear(r);
	click(r, x, y);
	return reader_seen_result(r, &before);
}

handler_result reader_wheel(reader *r, int x, int y, int delta)
{
	if (r->geo.too_small)
		return HANDLER_IGNORED;
	long rows = delta > 0 ? INPUT_WHEEL_ROWS : -INPUT_WHEEL_ROWS;
	reader_seen before;
	reader_seen_take(r, &before);
	switch (geometry_pane_at(&r->geo, x, y, r->focus)) {
	case PANE_TEXT:
		scroll_text(r, rows);
		break;
	case PANE_ENTITIES:
		listview_scroll(&r->ents, rows, reader_list_rows(r, PANE_ENTITIES));
		if (r->n_ent_rows)
			r->ents.cursor = reader_ents_snap(r, r->ents.cursor, rows > 0 ? 1 : -1);
		break;
	case PANE_QUOTES:
		listview_scroll(&r->quotes, rows, reader_list_rows(r, PANE_QUOTES));
		break;
	default:
		return HANDLER_IGNORED;
	}
	return reader_seen_result(r, &before);
}

handler_result reader_resize(reader *r, int cols, int rows)
{
	r->geo = geometry_compute_panes(cols, rows, r->a->n_entities > 0);
	if (r->geo.too_small)
		return HANDLER_REDRAW;   /* keep the layout until it can be shown */
	int width = geometry_text_width(&r->geo);
	if (layout_width(r->lay) != width)
		layout_set_width(r->lay, width);
	/* Not set_top: the anchor stays, so shrinking and growing back
	 * returns to the same line. */
	r->top = reader_clamp_top(r, layout_pos_of_offset(r->lay, r->anchor));
	if (r->search.editing)
		r->search.origin_top = layout_pos_of_offset(r->lay, r->search.origin_anchor);
	reader_ents_keep_cursor(r);
	reader_quotes_keep_cursor(r);
	speaker_near_update(r);
	return HANDLER_REDRAW;
}
