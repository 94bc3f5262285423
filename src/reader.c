/* reader.c - the reader's state machine; see reader.h.
 *
 * This file changes the state: indexes built once, scrolling, lists,
 * quotes, mentions, the filter, mouse and resize.  The search is in
 * reader_search.c; what the renderer reads (marks, gutter, the words of
 * the lists and status line) is computed in reader_view.c. */
#include "reader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reader_private.h"

/* Rows the mouse wheel scrolls. */
#define WHEEL_ROWS 3

static const char *const known_types[] = {
	"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "DATE", "WORK", "MISC",
};
#define N_KNOWN_TYPES (sizeof known_types / sizeof known_types[0])

/* ====================================================================
 * Indexes built once
 * ==================================================================== */

static const char *entity_type(const entity *e)
{
	return e->type && e->type[0] ? e->type : "MISC";
}

static size_t known_type_rank(const char *type)
{
	for (size_t i = 0; i < N_KNOWN_TYPES; i++)
		if (strcmp(type, known_types[i]) == 0)
			return i;
	return N_KNOWN_TYPES;
}

static int type_cmp(const void *pa, const void *pb)
{
	const char *a = *(const char *const *)pa;
	const char *b = *(const char *const *)pb;
	size_t ra = known_type_rank(a);
	size_t rb = known_type_rank(b);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	return strcmp(a, b);
}

static size_t type_index(const reader *r, const char *type)
{
	for (size_t i = 0; i < r->n_types; i++)
		if (strcmp(r->types[i], type) == 0)
			return i;
	return 0;
}

/* The distinct types, known ones first in their order, then the others
 * alphabetically.  There are few types, so a linear search is enough. */
static bool index_types(reader *r)
{
	const article *a = r->a;

	r->types = calloc(a->n_entities ? a->n_entities : 1, sizeof *r->types);
	if (!r->types)
		return false;
	for (size_t i = 0; i < a->n_entities; i++) {
		const char *t = entity_type(&a->entities[i]);
		size_t j = 0;
		while (j < r->n_types && strcmp(r->types[j], t) != 0)
			j++;
		if (j == r->n_types)
			r->types[r->n_types++] = t;
	}
	qsort(r->types, r->n_types, sizeof *r->types, type_cmp);
	return true;
}

typedef struct entity_key {
	size_t type;
	size_t mentions;
	const char *name;
	size_t index;
} entity_key;

static int entity_key_cmp(const void *pa, const void *pb)
{
	const entity_key *a = pa;
	const entity_key *b = pb;

	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	if (a->mentions != b->mentions)
		return a->mentions > b->mentions ? -1 : 1;
	int c = strcmp(a->name, b->name);
	if (c)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Legend, then per type a header and its entities, most mentioned first. */
static bool index_entity_rows(reader *r)
{
	const article *a = r->a;
	size_t n = a->n_entities;
	entity_key *keys = calloc(n ? n : 1, sizeof *keys);

	r->ent_rows = calloc(1 + r->n_types + n, sizeof *r->ent_rows);
	if (!keys || !r->ent_rows) {
		free(keys);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		const entity *e = &a->entities[i];
		keys[i] = (entity_key){
			.type = type_index(r, entity_type(e)),
			.mentions = e->n_mentions,
			.name = e->name ? e->name : "",
			.index = i,
		};
	}
	qsort(keys, n, sizeof *keys, entity_key_cmp);
	if (n > 0)
		r->ent_rows[r->n_ent_rows++] = (entity_row){ .kind = ENTITY_ROW_LEGEND };
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || keys[i].type != keys[i - 1].type)
			r->ent_rows[r->n_ent_rows++] = (entity_row){
				.kind = ENTITY_ROW_HEADER, .type = keys[i].type };
		r->ent_rows[r->n_ent_rows++] = (entity_row){
			.kind = ENTITY_ROW_ENTITY, .type = keys[i].type,
			.entity = keys[i].index };
	}
	free(keys);
	return true;
}

size_t reader_quote_start(const reader *r, size_t q)
{
	const quote *qt = &r->a->quotes[q];

	if (!qt->spans || qt->n_fragments == 0)
		return SIZE_MAX;
	return qt->spans[0].start;
}

/* Orders quote spans by start, then by quote. */
static int quote_span_cmp(const void *pa, const void *pb)
{
	const quote_span *a = pa;
	const quote_span *b = pb;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->quote < b->quote ? -1 : a->quote > b->quote;
}

/* Quotes in body order, and each quote's rank in it. */
static bool index_quote_order(reader *r)
{
	size_t n = r->a->n_quotes;
	quote_span *keys = calloc(n ? n : 1, sizeof *keys);

	r->order = calloc(n ? n : 1, sizeof *r->order);
	r->ix->rank = calloc(n ? n : 1, sizeof *r->ix->rank);
	if (!keys || !r->order || !r->ix->rank) {
		free(keys);
		return false;
	}
	for (size_t q = 0; q < n; q++)
		keys[q] = (quote_span){ .start = reader_quote_start(r, q), .quote = q };
	qsort(keys, n, sizeof *keys, quote_span_cmp);
	for (size_t i = 0; i < n; i++) {
		r->order[i] = keys[i].quote;
		r->ix->rank[keys[i].quote] = i;
	}
	r->n_order = n;
	free(keys);
	return true;
}

static bool index_quote_spans(reader *r)
{
	const article *a = r->a;
	struct reader_index *ix = r->ix;
	size_t total = 0;

	for (size_t q = 0; q < a->n_quotes; q++)
		if (a->quotes[q].spans)
			total += a->quotes[q].n_fragments;
	ix->spans = calloc(total ? total : 1, sizeof *ix->spans);
	ix->span_maxend = calloc(total ? total : 1, sizeof *ix->span_maxend);
	if (!ix->spans || !ix->span_maxend)
		return false;
	for (size_t q = 0; q < a->n_quotes; q++) {
		const quote *qt = &a->quotes[q];
		for (size_t k = 0; qt->spans && k < qt->n_fragments; k++)
			if (qt->spans[k].end > qt->spans[k].start)
				ix->spans[ix->n_spans++] = (quote_span){
					.start = qt->spans[k].start,
					.end = qt->spans[k].end, .quote = q };
	}
	qsort(ix->spans, ix->n_spans, sizeof *ix->spans, quote_span_cmp);
	for (size_t i = 0; i < ix->n_spans; i++) {
		size_t prev = i ? ix->span_maxend[i - 1] : 0;
		ix->span_maxend[i] = ix->spans[i].end > prev ? ix->spans[i].end : prev;
	}
	return true;
}

static bool index_mentions(reader *r)
{
	const article *a = r->a;
	size_t *maxend = calloc(a->n_mentions ? a->n_mentions : 1, sizeof *maxend);

	if (!maxend)
		return false;
	for (size_t i = 0; i < a->n_mentions; i++) {
		size_t prev = i ? maxend[i - 1] : 0;
		size_t end = a->mentions[i].at.end;
		maxend[i] = end > prev ? end : prev;
	}
	r->ix->mention_maxend = maxend;
	return true;
}

/* Each speaker's quotes, in body order, as one array cut by offsets. */
static bool index_speakers(reader *r)
{
	const article *a = r->a;
	struct reader_index *ix = r->ix;
	size_t ne = a->n_entities;

	ix->speaker_first = calloc(ne + 1, sizeof *ix->speaker_first);
	ix->by_speaker = calloc(a->n_quotes ? a->n_quotes : 1, sizeof *ix->by_speaker);
	if (!ix->speaker_first || !ix->by_speaker)
		return false;
	for (size_t q = 0; q < a->n_quotes; q++) {
		long s = a->quotes[q].speaker;
		if (s >= 0 && (size_t)s < ne)
			ix->speaker_first[s + 1]++;
	}
	for (size_t e = 0; e < ne; e++)
		ix->speaker_first[e + 1] += ix->speaker_first[e];
	size_t *fill = calloc(ne ? ne : 1, sizeof *fill);
	if (!fill)
		return false;
	for (size_t i = 0; i < r->n_order; i++) {
		size_t q = r->order[i];
		long s = a->quotes[q].speaker;
		if (s >= 0 && (size_t)s < ne)
			ix->by_speaker[ix->speaker_first[s] + fill[s]++] = q;
	}
	free(fill);
	return true;
}

/* ====================================================================
 * Life cycle
 * ==================================================================== */

static bool reader_index_all(reader *r)
{
	return index_types(r) && index_entity_rows(r) && index_quote_order(r)
	       && index_quote_spans(r) && index_mentions(r) && index_speakers(r);
}

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
	r->geo = geometry_compute(cols, rows);
	r->ix = calloc(1, sizeof *r->ix);
	r->lay = layout_new(a->body ? a->body : "", a->body ? a->body_len : 0,
	                    geometry_text_width(&r->geo));
	if (!r->ix || !r->lay || !reader_index_all(r)) {
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
	if (r->ix) {
		free(r->ix->mention_maxend);
		free(r->ix->spans);
		free(r->ix->span_maxend);
		free(r->ix->rank);
		free(r->ix->by_speaker);
		free(r->ix->speaker_first);
		free(r->ix);
	}
	layout_free(r->lay);
	free(r->types);
	free(r->ent_rows);
	free(r->order);
	free(r);
}

/* ====================================================================
 * Messages and the text pane's scroll
 * ==================================================================== */

/* The message is prefix followed by arg (may be NULL), cut at a
 * character boundary when too long for the status line's buffer. */
void reader_message_set(reader *r, bool error, const char *prefix,
                        const char *arg)
{
	const char *parts[] = { prefix, arg };
	size_t len = 0;

	for (size_t i = 0; i < 2 && parts[i]; i++) {
		size_t n = strlen(parts[i]);
		size_t room = sizeof r->message - 1 - len;
		if (n > room) {
			n = room;
			while (n > 0 && ((unsigned char)parts[i][n] & 0xC0) == 0x80)
				n--;
		}
		memcpy(r->message + len, parts[i], n);
		len += n;
	}
	r->message[len] = '\0';
	r->message_is_error = error;
}

void reader_message_clear(reader *r)
{
	r->message[0] = '\0';
	r->message_is_error = false;
}

int reader_text_rows(const reader *r)
{
	int rows = geometry_body_rows(&r->geo, PANE_TEXT);
	return rows > 0 ? rows : 1;
}

static int pos_cmp(layout_pos a, layout_pos b)
{
	if (a.para != b.para)
		return a.para < b.para ? -1 : 1;
	return a.row < b.row ? -1 : a.row > b.row;
}

layout_pos reader_max_top(const reader *r)
{
	layout_pos last = layout_last(r->lay);
	return layout_advance(r->lay, last, -(long)(reader_text_rows(r) - 1), NULL);
}

layout_pos reader_clamp_top(const reader *r, layout_pos pos)
{
	layout_pos max = reader_max_top(r);
	return pos_cmp(pos, max) > 0 ? max : pos;
}

/* Moves the view; the new top row is the one to keep across resizes. */
void reader_set_top(reader *r, layout_pos pos)
{
	r->top = reader_clamp_top(r, pos);
	r->anchor = layout_offset_of_pos(r->lay, r->top);
}

static void scroll_text(reader *r, long delta)
{
	reader_set_top(r, layout_advance(r->lay, r->top, delta, NULL));
}

/* Puts the row of a body offset in the upper third of the text pane. */
void reader_show_offset(reader *r, size_t offset)
{
	layout_pos row = layout_pos_of_offset(r->lay, offset);
	reader_set_top(r, layout_advance(r->lay, row, -(long)(reader_text_rows(r) / 3), NULL));
}

size_t reader_top_offset(const reader *r)
{
	return layout_offset_of_pos(r->lay, r->top);
}

/* ====================================================================
 * The lists
 * ==================================================================== */

static size_t list_rows(const reader *r, pane_id pane)
{
	int rows = geometry_body_rows(&r->geo, pane);
	return rows > 0 ? (size_t)rows : 1;
}

/* Also shows the header (and legend) just above the cursor's entity. */
static void ents_keep_cursor(reader *r)
{
	size_t rows = list_rows(r, PANE_ENTITIES);
	size_t first = r->ents.cursor;

	listview_follow(&r->ents, rows);
	while (first > 0 && r->ent_rows[first - 1].kind != ENTITY_ROW_ENTITY)
		first--;
	if (r->ents.top > first && r->ents.cursor < first + rows)
		r->ents.top = first;
}

static void quotes_keep_cursor(reader *r)
{
	listview_follow(&r->quotes, list_rows(r, PANE_QUOTES));
}

/* The nearest entity row from idx in direction dir (+1, -1), else in the
 * other direction; idx itself when there is none. */
static size_t ents_snap(const reader *r, size_t idx, int dir)
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

static void ents_move(reader *r, long delta)
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
		listview_move(&r->ents, delta, list_rows(r, PANE_ENTITIES));
		r->ents.cursor = ents_snap(r, r->ents.cursor, delta > 0 ? 1 : -1);
	}
	ents_keep_cursor(r);
}

static void quotes_move(reader *r, long delta)
{
	listview_move(&r->quotes, delta, list_rows(r, PANE_QUOTES));
}

/* First index of the list whose quote ranks at or after rank. */
static size_t list_lower_rank(const reader *r, size_t rank)
{
	size_t lo = 0;
	size_t hi = r->n_list;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->ix->rank[r->list[mid]] < rank)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

long reader_list_index(const reader *r, size_t quote)
{
	if (quote >= r->a->n_quotes)
		return -1;
	size_t lo = list_lower_rank(r, r->ix->rank[quote]);
	return lo < r->n_list && r->list[lo] == quote ? (long)lo : -1;
}

/* Which list the quotes pane shows: all, or the selected entity's. */
static void quotes_list_update(reader *r)
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
	listview_set_count(&r->quotes, r->n_list, list_rows(r, PANE_QUOTES));
}

/* ====================================================================
 * Quotes and mentions
 * ==================================================================== */

/* The current quote's speaker mentions are marked in its paragraphs and
 * in the paragraph on each side, where "he said" names usually are. */
static void speaker_near_update(reader *r)
{
	r->ix->speaker_near = (span){ 0, 0 };
	if (r->current < 0)
		return;
	const quote *q = &r->a->quotes[r->current];
	if (q->speaker < 0 || !q->spans || q->n_fragments == 0)
		return;
	size_t last_end = q->spans[q->n_fragments - 1].end;
	size_t p0 = layout_pos_of_offset(r->lay, q->spans[0].start).para;
	size_t p1 = layout_pos_of_offset(r->lay, last_end ? last_end - 1 : 0).para;
	size_t n_paras = layout_para_count(r->lay);
	size_t start;
	size_t end;
	size_t unused;

	if (p0 > 0)
		p0--;
	if (p1 + 1 < n_paras)
		p1++;
	layout_para_span(r->lay, p0, &start, &unused);
	layout_para_span(r->lay, p1, &unused, &end);
	r->ix->speaker_near = (span){ .start = start, .end = end };
}

static void goto_quote(reader *r, size_t q)
{
	r->current = (long)q;
	if (reader_quote_start(r, q) != SIZE_MAX)
		reader_show_offset(r, reader_quote_start(r, q));
	long at = reader_list_index(r, q);
	if (at >= 0) {
		r->quotes.cursor = (size_t)at;
		quotes_keep_cursor(r);
	}
	speaker_near_update(r);
}

/* First index of the list whose quote starts at or after offset. */
static size_t list_lower_offset(const reader *r, size_t offset)
{
	size_t lo = 0;
	size_t hi = r->n_list;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (reader_quote_start(r, r->list[mid]) < offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
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

static void next_quote(reader *r)
{
	size_t idx;

	if (no_quotes_message(r))
		return;
	if (r->current >= 0)
		idx = list_lower_rank(r, r->ix->rank[r->current] + 1);
	else
		idx = list_lower_offset(r, reader_top_offset(r));
	if (idx >= r->n_list) {
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
	if (r->current >= 0)
		idx = list_lower_rank(r, r->ix->rank[r->current]);
	else
		idx = list_lower_offset(r, reader_top_offset(r));
	if (idx == 0) {
		idx = r->n_list;
		reader_message_set(r, false, "wrapped to the last quote", NULL);
	}
	goto_quote(r, r->list[idx - 1]);
}

/* First of the entity's mentions starting at or after offset. */
static size_t mention_lower(const reader *r, const entity *e, size_t offset)
{
	size_t lo = 0;
	size_t hi = e->n_mentions;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->a->mentions[e->mention_ids[mid]].at.start < offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
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
		idx = (long)mention_lower(r, e, reader_top_offset(r));
	else
		idx = (long)mention_lower(r, e, reader_top_offset(r)) - 1;
	if (idx >= (long)n) {
		idx = 0;
		reader_message_set(r, false, "wrapped to the first mention", NULL);
	} else if (idx < 0) {
		idx = (long)n - 1;
		reader_message_set(r, false, "wrapped to the last mention", NULL);
	}
	r->mention = idx;
	reader_show_offset(r, r->a->mentions[e->mention_ids[idx]].at.start);
}

static void select_entity(reader *r, size_t e)
{
	r->selected = (long)e;
	r->mention = -1;
	if (r->filter)
		quotes_list_update(r);
}

static void toggle_filter(reader *r)
{
	if (r->filter) {
		r->filter = false;
	} else if (r->selected < 0) {
		reader_message_set(r, true, "no entity selected", NULL);
		return;
	} else {
		r->filter = true;
	}
	quotes_list_update(r);
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
		quotes_list_update(r);
	}
	reader_search_clear(r);
}

static void enter(reader *r)
{
	if (r->focus == PANE_QUOTES && r->n_list > 0) {
		goto_quote(r, r->list[r->quotes.cursor]);
	} else if (r->focus == PANE_ENTITIES && r->n_ent_rows > 0) {
		const entity_row *row = &r->ent_rows[r->ents.cursor];
		if (row->kind == ENTITY_ROW_ENTITY)
			select_entity(r, row->entity);
	}
}

/* Moves in the focused pane by delta rows. */
static void move(reader *r, long delta)
{
	switch (r->focus) {
	case PANE_ENTITIES: ents_move(r, delta); break;
	case PANE_QUOTES: quotes_move(r, delta); break;
	default: scroll_text(r, delta); break;
	}
}

static long focused_rows(const reader *r)
{
	if (r->focus == PANE_TEXT)
		return reader_text_rows(r);
	return (long)list_rows(r, r->focus);
}

static void move_end(reader *r, bool bottom)
{
	switch (r->focus) {
	case PANE_ENTITIES:
		if (r->n_ent_rows) {
			r->ents.cursor = ents_snap(r, bottom ? r->n_ent_rows - 1 : 0,
			                           bottom ? -1 : 1);
			if (!bottom)
				r->ents.top = 0;
			ents_keep_cursor(r);
		}
		break;
	case PANE_QUOTES:
		if (bottom)
			listview_end(&r->quotes, list_rows(r, PANE_QUOTES));
		else
			listview_home(&r->quotes, list_rows(r, PANE_QUOTES));
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
	reader_message_clear(r);
	handler_result flags = apply_move(r, act);
	if (flags == HANDLER_IGNORED)
		flags = apply_other(r, act);
	/* A cleared message is a visible change too. */
	return flags ? flags : HANDLER_REDRAW;
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
			ents_keep_cursor(r);
			select_entity(r, r->ent_rows[i].entity);
		}
	} else if (pane == PANE_QUOTES) {
		if (listview_click_row(&r->quotes, row, list_rows(r, PANE_QUOTES)))
			goto_quote(r, r->list[r->quotes.cursor]);
	}
}

handler_result reader_click(reader *r, int x, int y)
{
	if (r->geo.too_small)
		return HANDLER_IGNORED;
	reader_message_clear(r);
	if (!r->geo.wide && y == r->geo.tabs.y) {
		pane_id tab = geometry_tab_at(&r->geo, x);
		if (tab != PANE_NONE)
			r->focus = tab;
		return HANDLER_REDRAW;
	}
	pane_id pane = geometry_pane_at(&r->geo, x, y, r->focus);
	if (pane == PANE_NONE)
		return HANDLER_REDRAW;
	r->focus = pane;
	click_list(r, pane, y);
	return HANDLER_REDRAW;
}

handler_result reader_wheel(reader *r, int x, int y, int delta)
{
	if (r->geo.too_small)
		return HANDLER_IGNORED;
	long rows = delta > 0 ? WHEEL_ROWS : -WHEEL_ROWS;
	switch (geometry_pane_at(&r->geo, x, y, r->focus)) {
	case PANE_TEXT:
		scroll_text(r, rows);
		break;
	case PANE_ENTITIES:
		listview_scroll(&r->ents, rows, list_rows(r, PANE_ENTITIES));
		if (r->n_ent_rows)
			r->ents.cursor = ents_snap(r, r->ents.cursor, rows > 0 ? 1 : -1);
		break;
	case PANE_QUOTES:
		listview_scroll(&r->quotes, rows, list_rows(r, PANE_QUOTES));
		break;
	default:
		return HANDLER_IGNORED;
	}
	return HANDLER_REDRAW;
}

handler_result reader_resize(reader *r, int cols, int rows)
{
	r->geo = geometry_compute(cols, rows);
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
	ents_keep_cursor(r);
	quotes_keep_cursor(r);
	speaker_near_update(r);
	return HANDLER_REDRAW;
}
