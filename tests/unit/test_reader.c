/* test_reader.c - the reader's state machine, action by action, on an
 * article built by hand, with the real layout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "keys.h"
#include "layout.h"
#include "reader.h"
#include "reader_view.h"
#include "reader_fixture.h"
#include "../../src/reader_private.h"

/* Narrow: 78 columns of text, 21 rows.  Wide: 70 columns, 28 rows. */
#define NARROW_COLS 80
#define NARROW_ROWS 24
#define WIDE_COLS 120
#define WIDE_ROWS 30

enum { MERKEL, MACRON, SCHOLZ, BERLIN, EU, SHIP, AWARD };
/* Quote indexes in file order; body order is Q_ACT, Q_PRODUCTIVE,
 * Q_COMMENT, Q_READY, Q_SO. */
enum { Q_READY, Q_ACT, Q_PRODUCTIVE, Q_COMMENT, Q_SO };

#define N_PARAS 40

static const char *special_para(int i)
{
	switch (i) {
	case 0: return "Angela Merkel met Emmanuel Macron in Berlin on Monday.";
	case 5: return "\xe2\x80\x9cWe will act,\xe2\x80\x9d Merkel said in Berlin.";
	case 10: return "This long paragraph goes on and on about nothing in "
		"particular, so that it needs several rows on screen whatever the "
		"width of the terminal, which lets the tests see wrapping at work "
		"when they move through it and when the terminal is resized.";
	case 12: return "Macron said the talks were \xe2\x80\x9cvery productive\xe2\x80\x9d "
		"for MERKEL and him.";
	case 20: return "\xe2\x80\x9cNo comment,\xe2\x80\x9d a spokesman said.";
	case 30: return "Merkel added: \xe2\x80\x9cWe are ready.\xe2\x80\x9d Macron agreed, "
		"and said \xe2\x80\x9cso are we\xe2\x80\x9d.";
	case 39: return "Berlin welcomed the news.";
	default: return NULL;
	}
}

static char body_buf[8192];

static const char *news_body(void)
{
	size_t len = 0;
	for (int i = 0; i < N_PARAS; i++) {
		const char *p = special_para(i);
		char filler[64];
		if (!p) {
			snprintf(filler, sizeof filler,
			         "Filler paragraph %02d says nothing of note.", i);
			p = filler;
		}
		len += (size_t)snprintf(body_buf + len, sizeof body_buf - len, "%s%s",
		                        i ? "\n\n" : "", p);
	}
	return body_buf;
}

static article *news(void)
{
	article *a = fx_article("Leaders Meet", news_body());

	fx_entity(a, "merkel", "Angela Merkel", "PERSON");
	fx_entity(a, "macron", "Emmanuel Macron", "PERSON");
	fx_entity(a, "scholz", "Olaf Scholz", "PERSON");
	fx_entity(a, "berlin", "Berlin", "GPE");
	fx_entity(a, "eu", "European Union", "ORG");
	fx_entity(a, "ship", "Queen Mary", "SHIP");
	fx_entity(a, "award", "Nobel Prize", "AWARD");
	fx_mentions_of(a, MERKEL, "Merkel");
	fx_mentions_of(a, MACRON, "Macron");
	fx_mentions_of(a, BERLIN, "Berlin");
	fx_quote(a, MERKEL, NULL, QUOTE_DIRECT, "added", 1,
	         "\xe2\x80\x9cWe are ready.\xe2\x80\x9d");
	fx_quote(a, MERKEL, NULL, QUOTE_DIRECT, "said", 1,
	         "\xe2\x80\x9cWe will act,\xe2\x80\x9d");
	fx_quote(a, MACRON, NULL, QUOTE_PARTIAL, "said", 1, "very productive");
	fx_quote(a, -1, "a spokesman", QUOTE_DIRECT, "said", 1,
	         "\xe2\x80\x9cNo comment,\xe2\x80\x9d");
	fx_quote(a, MACRON, NULL, QUOTE_MIXED, "said", 1, "so are we");
	fx_finish(a);
	return a;
}

static int setup_narrow(void **state)
{
	return fx_reading_setup(state, news(), NARROW_COLS, NARROW_ROWS);
}

static int setup_wide(void **state)
{
	return fx_reading_setup(state, news(), WIDE_COLS, WIDE_ROWS);
}

/* ---- helpers ---------------------------------------------------------- */

static size_t top_offset(reader *r)
{
	return layout_offset_of_pos(r->lay, r->top);
}

static long rows_between(reader *r, layout_pos from, layout_pos to)
{
	long n = 0;
	/* Walk forward one row at a time: fixtures are small. */
	while (from.para != to.para || from.row != to.row) {
		long moved;
		from = layout_advance(r->lay, from, 1, &moved);
		if (moved == 0)
			return -1;
		n++;
	}
	return n;
}

static bool pos_eq(layout_pos a, layout_pos b)
{
	return a.para == b.para && a.row == b.row;
}

static int rows_of(reader *r)
{
	return geometry_body_rows(&r->geo, PANE_TEXT);
}

static size_t quote_start(const article *a, size_t q)
{
	return a->quotes[q].spans[0].start;
}

static void type(reader *r, const char *s)
{
	for (; *s; s++)
		reader_search_key(r, (unsigned char)*s);
}

/* Selects an entity through the entities pane, as a user would. */
static void select_by_keys(reader *r, size_t ent)
{
	reader_apply(r, ACT_PANE_ENTITIES);
	reader_apply(r, ACT_TOP);
	while (r->ent_rows[r->ents.cursor].entity != ent) {
		size_t before = r->ents.cursor;
		reader_apply(r, ACT_DOWN);
		assert_int_not_equal(r->ents.cursor, before);
	}
	reader_apply(r, ACT_ENTER);
	assert_int_equal(r->selected, (long)ent);
}

/* ---- scrolling -------------------------------------------------------- */

static void test_starts_at_top(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	assert_true(pos_eq(r->top, layout_first(r->lay)));
	assert_int_equal(r->focus, PANE_TEXT);
	assert_int_equal(r->current, -1);
	assert_int_equal(r->selected, -1);
	assert_int_equal(layout_width(r->lay), NARROW_COLS - GEOM_GUTTER);
}

static void test_scroll_lines_and_clamp(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	/* Up at the top changes nothing: nothing to draw. */
	assert_int_equal(reader_apply(r, ACT_UP), HANDLER_IGNORED);
	assert_true(pos_eq(r->top, layout_first(r->lay)));
	assert_int_equal(reader_apply(r, ACT_DOWN), HANDLER_REDRAW);
	reader_apply(r, ACT_DOWN);
	assert_int_equal(rows_between(r, layout_first(r->lay), r->top), 2);
	reader_apply(r, ACT_UP);
	assert_int_equal(rows_between(r, layout_first(r->lay), r->top), 1);

	/* The bottom: the last row stays at the bottom of the pane. */
	reader_apply(r, ACT_BOTTOM);
	layout_pos bottom = r->top;
	assert_int_equal(rows_between(r, bottom, layout_last(r->lay)), rows_of(r) - 1);
	assert_int_equal(reader_apply(r, ACT_DOWN), HANDLER_IGNORED);
	assert_true(pos_eq(r->top, bottom));
	assert_int_equal(reader_apply(r, ACT_PAGE_DOWN), HANDLER_IGNORED);
	assert_true(pos_eq(r->top, bottom));
	reader_apply(r, ACT_TOP);
	assert_true(pos_eq(r->top, layout_first(r->lay)));
}

static void test_paging(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	layout_pos first = layout_first(r->lay);
	long rows = rows_of(r);

	reader_apply(r, ACT_PAGE_DOWN);
	assert_int_equal(rows_between(r, first, r->top), rows);
	reader_apply(r, ACT_HALF_DOWN);
	assert_int_equal(rows_between(r, first, r->top), rows + rows / 2);
	reader_apply(r, ACT_HALF_UP);
	assert_int_equal(rows_between(r, first, r->top), rows);
	reader_apply(r, ACT_PAGE_UP);
	assert_true(pos_eq(r->top, first));
	reader_apply(r, ACT_PAGE_UP);
	assert_true(pos_eq(r->top, first));
}

static void test_text_rows(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	layout_row row;

	assert_true(reader_text_row(r, 0, &row));
	assert_int_equal(row.start, 0);
	assert_true(reader_text_row(r, 1, &row));
	assert_true(row.blank);
	assert_true(reader_text_row(r, 2, &row));
	assert_memory_equal(f->a->body + row.start, "Filler paragraph 01", 19);
	reader_apply(r, ACT_BOTTOM);
	assert_true(reader_text_row(r, rows_of(r) - 1, &row));
	assert_int_equal(row.end, f->a->body_len);
	assert_false(reader_text_row(r, rows_of(r), &row));
	assert_false(reader_text_row(r, -1, &row));
}

/* ---- focus and tabs --------------------------------------------------- */

static void test_focus_cycle(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	reader_apply(r, ACT_FOCUS_NEXT);
	assert_int_equal(r->focus, PANE_ENTITIES);
	reader_apply(r, ACT_FOCUS_NEXT);
	assert_int_equal(r->focus, PANE_QUOTES);
	reader_apply(r, ACT_FOCUS_NEXT);
	assert_int_equal(r->focus, PANE_TEXT);
	reader_apply(r, ACT_FOCUS_PREV);
	assert_int_equal(r->focus, PANE_QUOTES);
	reader_apply(r, ACT_PANE_ENTITIES);
	assert_int_equal(r->focus, PANE_ENTITIES);
	reader_apply(r, ACT_PANE_TEXT);
	assert_int_equal(r->focus, PANE_TEXT);
	reader_apply(r, ACT_PANE_QUOTES);
	assert_int_equal(r->focus, PANE_QUOTES);
}

static void test_narrow_tabs(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	char buf[128];

	assert_false(r->geo.wide);
	/* The tab is the focused pane; keys act on it. */
	reader_apply(r, ACT_PANE_QUOTES);
	reader_apply(r, ACT_DOWN);
	assert_int_equal(r->quotes.cursor, 1);
	assert_true(pos_eq(r->top, layout_first(r->lay)));
	reader_status(r, buf, sizeof buf);
	assert_memory_equal(buf, "quotes", 6);
	/* A click on a tab label switches to it. */
	reader_click(r, geometry_tab_x(PANE_ENTITIES) + 1, r->geo.tabs.y);
	assert_int_equal(r->focus, PANE_ENTITIES);
	reader_click(r, geometry_tab_x(PANE_TEXT), r->geo.tabs.y);
	assert_int_equal(r->focus, PANE_TEXT);
	reader_apply(r, ACT_FOCUS_NEXT);
	assert_int_equal(r->focus, PANE_ENTITIES);
}

/* ---- quotes ----------------------------------------------------------- */

static void test_quote_order(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	size_t expect[] = { Q_ACT, Q_PRODUCTIVE, Q_COMMENT, Q_READY, Q_SO };

	assert_int_equal(r->n_order, 5);
	assert_int_equal(r->n_list, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(r->order[i], expect[i]);
		assert_int_equal(reader_list_index(r, expect[i]), (long)i);
	}
}

/* The quote's first row sits rows/3 below the top, unless clamped. */
static void assert_upper_third(reader *r, size_t offset)
{
	layout_pos row = layout_pos_of_offset(r->lay, offset);
	long below = rows_between(r, r->top, row);
	layout_pos max = layout_advance(r->lay, layout_last(r->lay),
	                                -(long)(rows_of(r) - 1), NULL);
	if (pos_eq(r->top, layout_first(r->lay)))
		assert_true(below >= 0 && below <= rows_of(r) / 3);
	else if (pos_eq(r->top, max))
		assert_true(below >= rows_of(r) / 3 && below < rows_of(r));
	else
		assert_int_equal(below, rows_of(r) / 3);
}

static void test_next_quote_and_wrap(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	size_t expect[] = { Q_ACT, Q_PRODUCTIVE, Q_COMMENT, Q_READY, Q_SO };

	for (size_t i = 0; i < 5; i++) {
		reader_apply(r, ACT_NEXT_QUOTE);
		assert_int_equal(r->current, (long)expect[i]);
		assert_int_equal(r->quotes.cursor, i);
		assert_string_equal(r->message, "");
		assert_upper_third(r, quote_start(f->a, expect[i]));
	}
	/* Q_COMMENT (paragraph 20) is away from both ends: exact third. */
	reader_apply(r, ACT_PREV_QUOTE);
	reader_apply(r, ACT_PREV_QUOTE);
	assert_int_equal(r->current, Q_COMMENT);
	assert_int_equal(rows_between(r, r->top,
	                 layout_pos_of_offset(r->lay, quote_start(f->a, Q_COMMENT))),
	                 rows_of(r) / 3);
	reader_apply(r, ACT_NEXT_QUOTE);
	reader_apply(r, ACT_NEXT_QUOTE);
	assert_int_equal(r->current, Q_SO);
	reader_apply(r, ACT_NEXT_QUOTE);
	assert_int_equal(r->current, Q_ACT);
	assert_string_equal(r->message, "wrapped to the first quote");
	reader_apply(r, ACT_PREV_QUOTE);
	assert_int_equal(r->current, Q_SO);
	assert_string_equal(r->message, "wrapped to the last quote");
	/* The next key clears the message. */
	reader_apply(r, ACT_PREV_QUOTE);
	assert_int_equal(r->current, Q_READY);
	assert_string_equal(r->message, "");
}

static void test_first_quote_from_view(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	/* Scroll past the first two quotes, then ]: the first at or after
	 * the top of the view. */
	while (top_offset(r) <= quote_start(f->a, Q_PRODUCTIVE))
		reader_apply(r, ACT_DOWN);
	reader_apply(r, ACT_NEXT_QUOTE);
	assert_int_equal(r->current, Q_COMMENT);
	assert_int_equal(r->quotes.cursor, 2);
}

static void test_prev_quote_before_any(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	/* At the top, [ with no current quote wraps to the last. */
	reader_apply(r, ACT_PREV_QUOTE);
	assert_int_equal(r->current, Q_SO);
	assert_string_equal(r->message, "wrapped to the last quote");
}

static void test_no_quotes(void **state)
{
	(void)state;
	article *a = fx_article("Empty", "Nobody said anything.\n\nAt all.");
	fx_finish(a);
	reader *r = reader_new(a, NARROW_COLS, NARROW_ROWS);
	assert_non_null(r);

	/* ] finds nothing but says so: the message is a change to draw. */
	assert_int_equal(reader_apply(r, ACT_NEXT_QUOTE), HANDLER_REDRAW);
	assert_string_equal(r->message, "no quotes in this article");
	assert_true(r->message_is_error);
	assert_int_equal(r->current, -1);
	/* [ says the same again: the screen stays as it is. */
	assert_int_equal(reader_apply(r, ACT_PREV_QUOTE), HANDLER_IGNORED);
	assert_string_equal(r->message, "no quotes in this article");
	/* Another error in its place is a change, though nothing else is. */
	assert_int_equal(reader_apply(r, ACT_NEXT_MENTION), HANDLER_REDRAW);
	assert_string_equal(r->message, "no entity selected");
	/* Focusing the pane clears the message; in the empty list Enter,
	 * j and G do nothing. */
	assert_int_equal(reader_apply(r, ACT_PANE_QUOTES), HANDLER_REDRAW);
	assert_int_equal(reader_apply(r, ACT_ENTER), HANDLER_IGNORED);
	assert_int_equal(reader_apply(r, ACT_DOWN), HANDLER_IGNORED);
	assert_int_equal(reader_apply(r, ACT_BOTTOM), HANDLER_IGNORED);
	assert_int_equal(r->current, -1);
	reader_apply(r, ACT_PANE_ENTITIES);
	reader_apply(r, ACT_DOWN);
	reader_apply(r, ACT_ENTER);
	assert_int_equal(r->selected, -1);
	assert_int_equal(r->n_ent_rows, 0);
	reader_free(r);
	article_free(a);
}

static void test_enter_in_quotes(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	reader_apply(r, ACT_PANE_QUOTES);
	reader_apply(r, ACT_DOWN);
	reader_apply(r, ACT_DOWN);
	assert_int_equal(r->current, -1);
	reader_apply(r, ACT_ENTER);
	assert_int_equal(r->current, Q_COMMENT);
	assert_int_equal(r->focus, PANE_QUOTES);
	assert_upper_third(r, quote_start(f->a, Q_COMMENT));
	/* The list cursor in the quotes pane: g, G, clamped moves. */
	reader_apply(r, ACT_BOTTOM);
	assert_int_equal(r->quotes.cursor, 4);
	reader_apply(r, ACT_DOWN);
	assert_int_equal(r->quotes.cursor, 4);
	reader_apply(r, ACT_TOP);
	assert_int_equal(r->quotes.cursor, 0);
	reader_apply(r, ACT_UP);
	assert_int_equal(r->quotes.cursor, 0);
	reader_apply(r, ACT_PAGE_DOWN);
	assert_int_equal(r->quotes.cursor, 4);
	/* ] moves the cursor along with the current quote. */
	reader_apply(r, ACT_NEXT_QUOTE);
	assert_int_equal(r->current, Q_READY);
	assert_int_equal(r->quotes.cursor, 3);
}

static void test_quote_list_scrolls(void **state)
{
	(void)state;
	/* Many quotes in a short pane: the current one stays visible. */
	char body[4096];
	size_t len = 0;
	for (int i = 0; i < 30; i++)
		len += (size_t)snprintf(body + len, sizeof body - len,
		                        "%s\xe2\x80\x9cLine %02d,\xe2\x80\x9d he said.",
		                        i ? "\n\n" : "", i);
	article *a = fx_article("Many", body);
	/* An entity, so the quotes pane keeps its half of the column. */
	fx_entity(a, "him", "Him", "PERSON");
	for (int i = 0; i < 30; i++) {
		char frag[32];
		snprintf(frag, sizeof frag, "Line %02d,", i);
		fx_quote(a, -1, "he", QUOTE_DIRECT, NULL, 1, frag);
	}
	fx_finish(a);
	reader *r = reader_new(a, WIDE_COLS, WIDE_ROWS);
	size_t rows = (size_t)geometry_body_rows(&r->geo, PANE_QUOTES);

	for (int i = 0; i < 25; i++) {
		reader_apply(r, ACT_NEXT_QUOTE);
		assert_true(r->quotes.cursor >= r->quotes.top);
		assert_true(r->quotes.cursor < r->quotes.top + rows);
	}
	assert_int_equal(r->quotes.cursor, 24);
	assert_int_equal(r->quotes.top, 24 - rows + 1);

	/* Paging past the end stops on the last quote, the pane full. */
	reader_apply(r, ACT_PANE_QUOTES);
	reader_apply(r, ACT_PAGE_DOWN);
	reader_apply(r, ACT_PAGE_DOWN);
	assert_int_equal(r->quotes.cursor, 29);
	assert_int_equal(r->quotes.top, 30 - rows);
	assert_int_equal(reader_apply(r, ACT_DOWN), HANDLER_IGNORED);
	assert_int_equal(r->quotes.cursor, 29);
	/* A cursor moved, nothing else: still a change to draw. */
	assert_int_equal(reader_apply(r, ACT_UP), HANDLER_REDRAW);
	assert_int_equal(reader_apply(r, ACT_DOWN), HANDLER_REDRAW);
	/* Enter there goes to the last quote, not past the list. */
	reader_apply(r, ACT_ENTER);
	assert_int_equal(r->current, 29);
	/* The wheel moves the window, the cursor only to stay on it. */
	reader_wheel(r, r->geo.pane[PANE_QUOTES].body.x + 1,
	             r->geo.pane[PANE_QUOTES].body.y, -1);
	assert_int_equal(r->quotes.top, 30 - rows - 3);
	assert_int_equal(r->quotes.cursor, 26);       /* the last row shown */
	reader_free(r);
	article_free(a);
}

/* ---- entities --------------------------------------------------------- */

static void test_entity_rows_order(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	/* legend, PERSON: Merkel (3) Macron (3) Scholz (0), ORG, GPE,
	 * then the other labels alphabetically: AWARD, SHIP.  The rows'
	 * fields are checked in test_reader_view.c. */
	entity_row_kind expect[] = {
		ENTITY_ROW_LEGEND, ENTITY_ROW_HEADER, ENTITY_ROW_ENTITY,
		ENTITY_ROW_ENTITY, ENTITY_ROW_ENTITY, ENTITY_ROW_HEADER,
		ENTITY_ROW_ENTITY, ENTITY_ROW_HEADER, ENTITY_ROW_ENTITY,
		ENTITY_ROW_HEADER, ENTITY_ROW_ENTITY, ENTITY_ROW_HEADER,
		ENTITY_ROW_ENTITY,
	};
	size_t n = sizeof expect / sizeof expect[0];

	assert_int_equal(r->n_ent_rows, n);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(r->ent_rows[i].kind, expect[i]);
	/* Most mentions first within a type. */
	assert_int_equal(r->ent_rows[2].entity, MERKEL);
	assert_int_equal(r->ents.cursor, 2);
}

static void test_entity_cursor_skips_headers(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	reader_apply(r, ACT_PANE_ENTITIES);
	reader_apply(r, ACT_UP);
	assert_int_equal(r->ents.cursor, 2);
	reader_apply(r, ACT_DOWN);
	reader_apply(r, ACT_DOWN);
	assert_int_equal(r->ents.cursor, 4);
	reader_apply(r, ACT_DOWN);
	assert_int_equal(r->ents.cursor, 6);     /* over the ORG header */
	assert_int_equal(reader_apply(r, ACT_BOTTOM), HANDLER_REDRAW);
	assert_int_equal(r->ents.cursor, 12);
	assert_int_equal(reader_apply(r, ACT_DOWN), HANDLER_IGNORED);
	assert_int_equal(r->ents.cursor, 12);
	reader_apply(r, ACT_TOP);
	assert_int_equal(r->ents.cursor, 2);
	assert_int_equal(r->ents.top, 0);
	reader_apply(r, ACT_PAGE_DOWN);
	assert_int_equal(r->ent_rows[r->ents.cursor].kind, ENTITY_ROW_ENTITY);
	assert_true(r->ents.cursor > 2);
	reader_apply(r, ACT_PAGE_UP);
	assert_int_equal(r->ents.cursor, 2);
	/* The text did not move. */
	assert_true(pos_eq(r->top, layout_first(r->lay)));
}

static void test_enter_selects_entity(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	char buf[160];

	select_by_keys(r, BERLIN);
	assert_int_equal(r->focus, PANE_ENTITIES);
	reader_status(r, buf, sizeof buf);
	assert_non_null(strstr(buf, "Berlin"));
	/* Enter on another entity moves the selection. */
	reader_apply(r, ACT_TOP);
	reader_apply(r, ACT_ENTER);
	assert_int_equal(r->selected, MERKEL);
}

static void test_entity_list_scrolls_with_header(void **state)
{
	(void)state;
	/* A pane of 3 rows over 13: legend 0, PERSON 1, Merkel 2, Macron 3,
	 * Scholz 4, ORG 5, European Union 6, GPE 7, Berlin 8, AWARD 9,
	 * Nobel Prize 10, SHIP 11, Queen Mary 12. */
	article *a = news();
	reader *r = reader_new(a, WIDE_COLS, 10);
	assert_int_equal(geometry_body_rows(&r->geo, PANE_ENTITIES), 3);

	reader_apply(r, ACT_PANE_ENTITIES);
	reader_apply(r, ACT_BOTTOM);
	assert_int_equal(r->ents.cursor, 12);
	assert_int_equal(r->ents.top, 10);
	/* Up to the first entity of a type: the window, which showed it
	 * already, comes up one more row for its header. */
	reader_apply(r, ACT_UP);
	assert_int_equal(r->ents.cursor, 10);
	assert_int_equal(r->ents.top, 9);
	reader_apply(r, ACT_UP);
	assert_int_equal(r->ents.cursor, 8);
	assert_int_equal(r->ents.top, 7);
	reader_apply(r, ACT_UP);
	assert_int_equal(r->ents.cursor, 6);
	assert_int_equal(r->ents.top, 5);
	/* Not the first of its type: no header to show. */
	reader_apply(r, ACT_UP);
	assert_int_equal(r->ents.cursor, 4);
	assert_int_equal(r->ents.top, 4);
	reader_apply(r, ACT_UP);
	assert_int_equal(r->ents.top, 3);
	/* The first entity brings both the legend and its header. */
	reader_apply(r, ACT_UP);
	assert_int_equal(r->ents.cursor, 2);
	assert_int_equal(r->ents.top, 0);
	reader_apply(r, ACT_BOTTOM);
	reader_apply(r, ACT_TOP);
	assert_int_equal(r->ents.cursor, 2);
	assert_int_equal(r->ents.top, 0);
	reader_free(r);
	article_free(a);
}

/* ---- mentions --------------------------------------------------------- */

static void test_mentions_need_selection(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	reader_apply(r, ACT_NEXT_MENTION);
	assert_string_equal(r->message, "no entity selected");
	reader_apply(r, ACT_PREV_MENTION);
	assert_string_equal(r->message, "no entity selected");
	assert_true(pos_eq(r->top, layout_first(r->lay)));
}

static void test_mentions_next_prev_wrap(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	const entity *berlin = &f->a->entities[BERLIN];

	select_by_keys(r, BERLIN);
	assert_int_equal(berlin->n_mentions, 3);
	for (size_t i = 0; i < 3; i++) {
		reader_apply(r, ACT_NEXT_MENTION);
		assert_int_equal(r->mention, (long)i);
		assert_string_equal(r->message, "");
		assert_upper_third(r, f->a->mentions[berlin->mention_ids[i]].at.start);
	}
	reader_apply(r, ACT_NEXT_MENTION);
	assert_int_equal(r->mention, 0);
	assert_string_equal(r->message, "wrapped to the first mention");
	reader_apply(r, ACT_PREV_MENTION);
	assert_int_equal(r->mention, 2);
	assert_string_equal(r->message, "wrapped to the last mention");
	reader_apply(r, ACT_PREV_MENTION);
	assert_int_equal(r->mention, 1);
}

static void test_mention_from_view(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	const entity *berlin = &f->a->entities[BERLIN];

	select_by_keys(r, BERLIN);
	reader_apply(r, ACT_PANE_TEXT);
	/* Past the second mention: m goes to the third. */
	while (top_offset(r) <= f->a->mentions[berlin->mention_ids[1]].at.start)
		reader_apply(r, ACT_PAGE_DOWN);
	reader_apply(r, ACT_NEXT_MENTION);
	assert_int_equal(r->mention, 2);
}

static void test_no_mentions(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	select_by_keys(r, SCHOLZ);
	reader_apply(r, ACT_NEXT_MENTION);
	assert_string_equal(r->message, "no mentions of Olaf Scholz");
	assert_int_equal(r->mention, -1);
}

/* ---- the s filter ----------------------------------------------------- */

static void test_filter(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	char buf[128];

	reader_apply(r, ACT_FILTER);
	assert_string_equal(r->message, "no entity selected");
	assert_false(r->filter);

	select_by_keys(r, MACRON);
	reader_apply(r, ACT_FILTER);
	assert_true(r->filter);
	assert_int_equal(r->n_list, 2);
	assert_int_equal(r->list[0], Q_PRODUCTIVE);
	assert_int_equal(r->list[1], Q_SO);
	reader_pane_title(r, PANE_QUOTES, buf, sizeof buf);
	assert_string_equal(buf, "Quotes by Emmanuel Macron (2)");
	/* ] and [ go through Macron's quotes only. */
	reader_apply(r, ACT_NEXT_QUOTE);
	assert_int_equal(r->current, Q_PRODUCTIVE);
	reader_apply(r, ACT_NEXT_QUOTE);
	assert_int_equal(r->current, Q_SO);
	reader_status(r, buf, sizeof buf);
	assert_non_null(strstr(buf, "quote 2/2"));
	reader_apply(r, ACT_NEXT_QUOTE);
	assert_int_equal(r->current, Q_PRODUCTIVE);
	assert_string_equal(r->message, "wrapped to the first quote");
	/* Again: all quotes, cursor on the current one. */
	reader_apply(r, ACT_FILTER);
	assert_false(r->filter);
	assert_int_equal(r->n_list, 5);
	assert_int_equal(r->quotes.cursor, 1);
	reader_pane_title(r, PANE_QUOTES, buf, sizeof buf);
	assert_string_equal(buf, "Quotes (5)");
	reader_status(r, buf, sizeof buf);
	assert_non_null(strstr(buf, "quote 2/5"));
}

static void test_filter_follows_selection(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	select_by_keys(r, MERKEL);
	reader_apply(r, ACT_FILTER);
	assert_int_equal(r->n_list, 2);
	assert_int_equal(r->list[0], Q_ACT);
	select_by_keys(r, SCHOLZ);
	assert_true(r->filter);
	assert_int_equal(r->n_list, 0);
	reader_apply(r, ACT_NEXT_QUOTE);
	assert_string_equal(r->message, "no quotes by Olaf Scholz");
}

/* ---- search ----------------------------------------------------------- */

static void test_search_incremental(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	char buf[128];
	size_t para5 = quote_start(f->a, Q_ACT);

	reader_apply(r, ACT_SEARCH);
	assert_true(r->search.editing);
	type(r, "merk");
	/* From the top: the first match is in paragraph 0. */
	assert_true(r->search.found);
	assert_int_equal(r->search.match.start, fx_offset_of(f->a, "Merkel", 1));
	reader_status(r, buf, sizeof buf);
	assert_string_equal(buf, "/merk");
	reader_search_key(r, QK_ENTER);
	assert_false(r->search.editing);
	assert_true(r->search.active);

	/* n goes to the next, N back. */
	reader_apply(r, ACT_SEARCH_NEXT);
	assert_int_equal(r->search.match.start, fx_offset_of(f->a, "Merkel", 2));
	assert_true(r->search.match.start > para5);
	assert_upper_third(r, r->search.match.start);
	reader_apply(r, ACT_SEARCH_PREV);
	assert_int_equal(r->search.match.start, fx_offset_of(f->a, "Merkel", 1));
	reader_apply(r, ACT_SEARCH_PREV);
	assert_string_equal(r->message, "search wrapped to the bottom");
	assert_int_equal(r->search.match.start, fx_offset_of(f->a, "Merkel", 3));
	reader_apply(r, ACT_SEARCH_NEXT);
	assert_string_equal(r->message, "search wrapped to the top");
	assert_int_equal(r->search.match.start, fx_offset_of(f->a, "Merkel", 1));
}

static void test_search_smartcase(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	size_t upper = fx_offset_of(f->a, "MERKEL", 1);

	/* Lower case ignores case: MERKEL in paragraph 12 is a match. */
	reader_apply(r, ACT_SEARCH);
	type(r, "merkel");
	reader_search_key(r, QK_ENTER);
	assert_true(r->search.icase);
	int hits = 0;
	bool upper_hit = false;
	for (int i = 0; i < 5; i++) {
		reader_apply(r, ACT_SEARCH_NEXT);
		upper_hit |= r->search.match.start == upper;
		hits++;
	}
	assert_true(upper_hit);
	/* An upper-case letter makes it exact: MERKEL no longer matches. */
	reader_apply(r, ACT_SEARCH);
	type(r, "Merkel");
	reader_search_key(r, QK_ENTER);
	assert_false(r->search.icase);
	for (int i = 0; i < 6; i++) {
		reader_apply(r, ACT_SEARCH_NEXT);
		assert_int_not_equal(r->search.match.start, upper);
	}
	(void)hits;
}

static void test_search_starts_from_view(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	/* From below paragraph 5, the first match of "said" at or after the
	 * top of the view is in paragraph 12. */
	while (top_offset(r) <= quote_start(f->a, Q_ACT))
		reader_apply(r, ACT_DOWN);
	size_t origin = top_offset(r);
	reader_apply(r, ACT_SEARCH);
	type(r, "said");
	assert_true(r->search.found);
	assert_true(r->search.match.start >= origin);
	assert_int_equal(r->search.match.start, fx_offset_of(f->a, "Macron said", 1) + 7);
}

static void test_search_backspace_and_esc(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	reader_apply(r, ACT_PAGE_DOWN);
	layout_pos start = r->top;
	size_t anchor = r->anchor;
	reader_apply(r, ACT_SEARCH);
	type(r, "Berlin w");
	/* Only paragraph 39 has "Berlin w". */
	assert_true(r->search.found);
	assert_int_equal(r->search.match.start, fx_offset_of(f->a, "Berlin welcomed", 1));
	assert_false(pos_eq(r->top, start));
	reader_search_key(r, QK_BACKSPACE);
	reader_search_key(r, 127);
	assert_string_equal(r->search.query, "Berlin");
	/* Back to the first "Berlin" at or after the start. */
	assert_true(r->search.found);
	assert_int_equal(r->search.match.start, fx_offset_of(f->a, "Berlin welcomed", 1));
	reader_search_key(r, QK_ESC);
	assert_false(r->search.editing);
	assert_false(r->search.active);
	assert_true(pos_eq(r->top, start));
	assert_int_equal(r->anchor, anchor);
}

static void test_search_not_found(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	char buf[128];

	reader_apply(r, ACT_PAGE_DOWN);
	layout_pos start = r->top;
	reader_apply(r, ACT_SEARCH);
	type(r, "zebra");
	assert_false(r->search.found);
	assert_true(pos_eq(r->top, start));
	reader_search_key(r, QK_ENTER);
	assert_string_equal(r->message, "not found: zebra");
	reader_status(r, buf, sizeof buf);
	assert_non_null(strstr(buf, "not found: zebra"));
	reader_apply(r, ACT_SEARCH_NEXT);
	assert_string_equal(r->message, "not found: zebra");
	/* n without any search. */
	reader_apply(r, ACT_CLEAR);
	reader_apply(r, ACT_SEARCH_NEXT);
	assert_string_equal(r->message, "no previous search");
}

static void test_search_wraps_while_typing(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	/* "Angela" is only in paragraph 0: from the bottom, typing wraps. */
	reader_apply(r, ACT_BOTTOM);
	reader_apply(r, ACT_SEARCH);
	type(r, "Ang");
	assert_true(r->search.found);
	assert_int_equal(r->search.match.start, 0);
	assert_string_equal(r->message, "search wrapped to the top");
	assert_true(pos_eq(r->top, layout_first(r->lay)));
	type(r, "ela");
	assert_int_equal(r->search.match.start, 0);
}

static void test_search_utf8_and_backspace_codepoint(void **state)
{
	(void)state;
	article *a = fx_article("Umlaut", "Der B\xc3\xa4r und der B\xc3\x84R.");
	fx_finish(a);
	reader *r = reader_new(a, NARROW_COLS, NARROW_ROWS);

	reader_apply(r, ACT_SEARCH);
	reader_search_key(r, 'b');
	reader_search_key(r, 0xE4);   /* ä */
	assert_string_equal(r->search.query, "b\xc3\xa4");
	assert_true(r->search.icase);
	reader_search_key(r, QK_ENTER);
	assert_int_equal(r->search.match.start, 4);
	reader_apply(r, ACT_SEARCH_NEXT);
	assert_int_equal(r->search.match.start, 17);   /* BÄR ignoring case */
	reader_apply(r, ACT_SEARCH);
	reader_search_key(r, 'b');
	reader_search_key(r, 0xE4);
	reader_search_key(r, QK_BACKSPACE);
	assert_string_equal(r->search.query, "b");
	reader_free(r);
	article_free(a);
}

static void test_search_overlapping_current_match(void **state)
{
	(void)state;
	article *a = fx_article("Overlap", "xaaax");
	fx_finish(a);
	reader *r = reader_new(a, NARROW_COLS, NARROW_ROWS);
	text_mark m[8];

	reader_apply(r, ACT_SEARCH);
	type(r, "aa");
	reader_search_key(r, QK_ENTER);
	assert_int_equal(r->search.match.start, 1);
	reader_apply(r, ACT_SEARCH_NEXT);
	assert_int_equal(r->search.match.start, 2);     /* overlapping */
	size_t n = reader_marks(r, 0, 5, m, 8);
	bool current = false;
	for (size_t i = 0; i < n; i++)
		if (m[i].kind == MARK_SEARCH && m[i].index == 1) {
			assert_int_equal(m[i].start, 2);
			assert_int_equal(m[i].end, 4);
			current = true;
		}
	assert_true(current);
	reader_free(r);
	article_free(a);
}

/* ---- Esc -------------------------------------------------------------- */

static void test_esc_clears(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	select_by_keys(r, MACRON);
	reader_apply(r, ACT_FILTER);
	reader_apply(r, ACT_SEARCH);
	type(r, "said");
	reader_search_key(r, QK_ENTER);
	reader_apply(r, ACT_NEXT_QUOTE);
	long current = r->current;
	reader_apply(r, ACT_CLEAR);
	assert_int_equal(r->selected, -1);
	assert_false(r->filter);
	assert_int_equal(r->n_list, 5);
	assert_false(r->search.active);
	assert_int_equal(r->search.qlen, 0);
	assert_int_equal(r->current, current);
}

/* ---- marks and gutter ------------------------------------------------- */

static size_t count_kind(const text_mark *m, size_t n, mark_kind kind)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += m[i].kind == kind;
	return c;
}

static void test_marks(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	text_mark m[32];
	/* Paragraph 30: Merkel, quote Q_READY, Macron, quote Q_SO. */
	size_t p30 = fx_offset_of(f->a, "Merkel added", 1);
	size_t p30_end = p30 + strlen(special_para(30));

	size_t n = reader_marks(r, p30, p30_end, m, 32);
	assert_int_equal(count_kind(m, n, MARK_ENTITY), 2);
	assert_int_equal(count_kind(m, n, MARK_QUOTE), 2);
	assert_int_equal(count_kind(m, n, MARK_QUOTE_CURRENT), 0);
	assert_int_equal(m[0].kind, MARK_ENTITY);
	assert_int_equal(m[0].index, MERKEL);
	assert_int_equal(m[0].start, p30);
	assert_int_equal(reader_mark_role(r, &m[0]), ROLE_ENT_PERSON);
	assert_int_equal(m[2].kind, MARK_QUOTE);
	assert_int_equal(m[2].index, Q_READY);

	/* Make Q_READY current: current span, Merkel as speaker, the cue. */
	reader_apply(r, ACT_PANE_QUOTES);
	reader_apply(r, ACT_BOTTOM);
	reader_apply(r, ACT_UP);
	reader_apply(r, ACT_ENTER);
	assert_int_equal(r->current, Q_READY);
	n = reader_marks(r, p30, p30_end, m, 32);
	assert_int_equal(count_kind(m, n, MARK_QUOTE_CURRENT), 1);
	assert_int_equal(count_kind(m, n, MARK_SPEAKER), 1);
	assert_int_equal(count_kind(m, n, MARK_CUE), 1);
	/* Kinds come in mark_kind order. */
	for (size_t i = 1; i < n; i++)
		assert_true(m[i - 1].kind <= m[i].kind);
	for (size_t i = 0; i < n; i++) {
		if (m[i].kind == MARK_CUE) {
			assert_memory_equal(f->a->body + m[i].start, "added", 5);
			assert_int_equal(reader_mark_role(r, &m[i]), ROLE_CUE);
		}
		if (m[i].kind == MARK_SPEAKER)
			assert_int_equal(m[i].start, p30);
	}
	/* The speaker is not marked far from the quote (paragraph 0). */
	n = reader_marks(r, 0, strlen(special_para(0)), m, 32);
	assert_int_equal(count_kind(m, n, MARK_SPEAKER), 0);
	assert_int_equal(count_kind(m, n, MARK_ENTITY), 3);

	/* Selected entity and search matches. */
	select_by_keys(r, MACRON);
	reader_apply(r, ACT_SEARCH);
	type(r, "we");
	reader_search_key(r, QK_ENTER);
	n = reader_marks(r, p30, p30_end, m, 32);
	assert_int_equal(count_kind(m, n, MARK_SELECTED), 1);
	assert_int_equal(count_kind(m, n, MARK_SEARCH), 2);   /* We, we */
	assert_int_equal(m[n - 1].kind, MARK_SEARCH);
	assert_int_equal(reader_mark_role(r, &m[n - 1]), ROLE_SEARCH);

	/* A small buffer: the count is still the whole. */
	size_t total = n;
	assert_int_equal(reader_marks(r, p30, p30_end, m, 2), total);
	assert_int_equal(reader_marks(r, p30, p30_end, NULL, 0), total);
	assert_int_equal(reader_marks(r, p30, p30, m, 32), 0);

	/* A range that starts inside a match still shows all of it. */
	size_t we = fx_offset_of(f->a, "We are", 1);
	while (r->search.match.start == we)
		reader_apply(r, ACT_SEARCH_NEXT);    /* not the current match */
	n = reader_marks(r, we + 1, we + 4, m, 32);
	assert_int_equal(count_kind(m, n, MARK_SEARCH), 1);
	assert_int_equal(m[n - 1].start, we);
	assert_int_equal(m[n - 1].end, we + 2);
}

static void test_marks_range_clip(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	text_mark m[8];
	size_t q = quote_start(f->a, Q_COMMENT);

	/* A range inside a quote span still sees the span. */
	size_t n = reader_marks(r, q + 4, q + 6, m, 8);
	assert_int_equal(n, 1);
	assert_int_equal(m[0].kind, MARK_QUOTE);
	assert_int_equal(m[0].start, q);
	/* Just after it: nothing. */
	size_t end = f->a->quotes[Q_COMMENT].spans[0].end;
	assert_int_equal(reader_marks(r, end, end + 3, m, 8), 0);
}

static void test_gutter(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	size_t q = quote_start(f->a, Q_COMMENT);
	size_t end = f->a->quotes[Q_COMMENT].spans[0].end;

	assert_int_equal(reader_gutter(r, 0, 20), GUTTER_NONE);
	assert_int_equal(reader_gutter(r, q, q + 10), GUTTER_QUOTE);
	assert_int_equal(reader_gutter(r, end - 1, end + 10), GUTTER_QUOTE);
	assert_int_equal(reader_gutter(r, end, end + 10), GUTTER_NONE);
	assert_int_equal(reader_gutter(r, q, q), GUTTER_NONE);
	reader_apply(r, ACT_NEXT_QUOTE);
	reader_apply(r, ACT_NEXT_QUOTE);
	reader_apply(r, ACT_NEXT_QUOTE);
	assert_int_equal(r->current, Q_COMMENT);
	assert_int_equal(reader_gutter(r, q, q + 10), GUTTER_CURRENT);
	assert_int_equal(reader_gutter(r, quote_start(f->a, Q_ACT), quote_start(f->a, Q_ACT) + 3),
	                 GUTTER_QUOTE);
}

/* ---- words for the renderer ------------------------------------------- */

static void test_texts(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	char buf[160];

	reader_title(r, buf, sizeof buf);
	assert_string_equal(buf, "Leaders Meet · The Test Courier · 2024-09-13");
	reader_pane_title(r, PANE_ENTITIES, buf, sizeof buf);
	assert_string_equal(buf, "Entities (7)");
	reader_pane_title(r, PANE_TEXT, buf, sizeof buf);
	assert_string_equal(buf, "");

	/* As less: the share above the bottom of the pane, not 0% at the top. */
	reader_status(r, buf, sizeof buf);
	assert_string_equal(buf, "text  26%  5 quotes  ? help");
	reader_apply(r, ACT_NEXT_QUOTE);
	reader_apply(r, ACT_NEXT_QUOTE);
	reader_status(r, buf, sizeof buf);
	assert_true(strstr(buf, "quote 2/5") != NULL);
	reader_apply(r, ACT_BOTTOM);
	reader_status(r, buf, sizeof buf);
	assert_memory_equal(buf, "text  100%", 10);
}

static void test_title_missing_parts(void **state)
{
	(void)state;
	article *a = fx_article("Only Title", "Body.");
	free(a->source);
	a->source = NULL;
	fx_finish(a);
	reader *r = reader_new(a, NARROW_COLS, NARROW_ROWS);
	char buf[64];
	reader_title(r, buf, sizeof buf);
	assert_string_equal(buf, "Only Title · 2024-09-13");
	reader_status(r, buf, sizeof buf);
	assert_string_equal(buf, "text  100%  0 quotes  ? help");
	reader_free(r);
	article_free(a);
}

static void test_percent(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	char buf[128];
	char want[16];

	reader_apply(r, ACT_PAGE_DOWN);
	reader_status(r, buf, sizeof buf);
	layout_pos below = layout_advance(r->lay, r->top, rows_of(r), NULL);
	snprintf(want, sizeof want, "  %d%%  ",
	         (int)(layout_offset_of_pos(r->lay, below) * 100 / f->a->body_len));
	assert_non_null(strstr(buf, want));
}

/* ---- mouse ------------------------------------------------------------ */

static void test_click_quote_and_entity(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	rect qb = r->geo.pane[PANE_QUOTES].body;
	rect eb = r->geo.pane[PANE_ENTITIES].body;

	assert_true(r->geo.wide);
	reader_click(r, qb.x + 3, qb.y + 2);
	assert_int_equal(r->focus, PANE_QUOTES);
	assert_int_equal(r->current, Q_COMMENT);
	assert_int_equal(r->quotes.cursor, 2);
	assert_upper_third(r, quote_start(f->a, Q_COMMENT));

	reader_click(r, eb.x + 1, eb.y + 3);      /* Emmanuel Macron */
	assert_int_equal(r->focus, PANE_ENTITIES);
	assert_int_equal(r->selected, MACRON);
	assert_int_equal(r->ents.cursor, 3);
	reader_click(r, eb.x + 1, eb.y + 1);      /* a header: focus only */
	assert_int_equal(r->selected, MACRON);

	/* A click below the last quote or on a title only focuses. */
	reader_click(r, qb.x + 1, qb.y + 10);
	assert_int_equal(r->focus, PANE_QUOTES);
	assert_int_equal(r->current, Q_COMMENT);
	reader_click(r, 5, 5);
	assert_int_equal(r->focus, PANE_TEXT);
	reader_click(r, r->geo.separator.x, 5);
	assert_int_equal(r->focus, PANE_TEXT);
	reader_click(r, eb.x, r->geo.pane[PANE_ENTITIES].title.y);
	assert_int_equal(r->focus, PANE_ENTITIES);
}

static void test_wheel(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	reader_wheel(r, 5, 5, 1);
	assert_int_equal(rows_between(r, layout_first(r->lay), r->top), INPUT_WHEEL_ROWS);
	reader_wheel(r, 5, 5, 1);
	reader_wheel(r, 5, 5, -1);
	assert_int_equal(rows_between(r, layout_first(r->lay), r->top), INPUT_WHEEL_ROWS);
	assert_int_equal(r->focus, PANE_TEXT);
	/* The wheel over a list scrolls that list, not the text. */
	rect eb = r->geo.pane[PANE_ENTITIES].body;
	article *a = news();
	reader *small = reader_new(a, WIDE_COLS, 12);
	eb = small->geo.pane[PANE_ENTITIES].body;
	reader_wheel(small, eb.x, eb.y, 1);
	assert_int_equal(small->ents.top, INPUT_WHEEL_ROWS);
	assert_true(small->ents.cursor >= INPUT_WHEEL_ROWS);
	assert_int_equal(small->ent_rows[small->ents.cursor].kind, ENTITY_ROW_ENTITY);
	assert_true(pos_eq(small->top, layout_first(small->lay)));
	reader_wheel(small, eb.x, eb.y, -1);
	assert_int_equal(small->ents.top, 0);
	reader_free(small);
	article_free(a);
}

/* ---- resize ----------------------------------------------------------- */

static void test_resize_keeps_top_line(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	size_t long_para = fx_offset_of(f->a, "This long paragraph", 1);

	/* Put the top inside the long paragraph, on its second row. */
	while (top_offset(r) <= long_para)
		reader_apply(r, ACT_DOWN);
	size_t offset = top_offset(r);
	assert_true(offset > long_para);

	reader_resize(r, 50, NARROW_ROWS);
	assert_int_equal(layout_width(r->lay), 48);
	layout_row row;
	assert_true(layout_row_at(r->lay, r->top, &row));
	assert_true(row.start <= offset && offset < row.end);

	reader_resize(r, WIDE_COLS + 20, 40);
	assert_int_equal(layout_width(r->lay), (WIDE_COLS + 20) * 60 / 100 - 2);
	assert_true(layout_row_at(r->lay, r->top, &row));
	assert_true(row.start <= offset && offset < row.end);
	/* Back to the first size: the same line exactly. */
	reader_resize(r, NARROW_COLS, NARROW_ROWS);
	assert_int_equal(top_offset(r), offset);
}

static void test_resize_clamps_at_bottom(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	reader_apply(r, ACT_BOTTOM);
	reader_resize(r, NARROW_COLS, NARROW_ROWS + 10);
	/* Taller: the last row stays at the bottom, no blank space below. */
	assert_int_equal(rows_between(r, r->top, layout_last(r->lay)), rows_of(r) - 1);
}

static void test_resize_keeps_list_cursors(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	reader_apply(r, ACT_PANE_ENTITIES);
	reader_apply(r, ACT_BOTTOM);
	reader_apply(r, ACT_PANE_QUOTES);
	reader_apply(r, ACT_BOTTOM);
	reader_resize(r, WIDE_COLS, 12);
	size_t erows = (size_t)geometry_body_rows(&r->geo, PANE_ENTITIES);
	size_t qrows = (size_t)geometry_body_rows(&r->geo, PANE_QUOTES);
	assert_true(erows < r->n_ent_rows);
	assert_true(qrows < r->n_list);
	assert_true(r->ents.cursor >= r->ents.top);
	assert_true(r->ents.cursor < r->ents.top + erows);
	assert_true(r->quotes.cursor >= r->quotes.top);
	assert_true(r->quotes.cursor < r->quotes.top + qrows);
}

static void test_too_small_and_back(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	reader_apply(r, ACT_PAGE_DOWN);
	reader_apply(r, ACT_NEXT_QUOTE);
	layout_pos top = r->top;
	long current = r->current;

	assert_true(reader_resize(r, 20, 5) & HANDLER_REDRAW);
	assert_true(r->geo.too_small);
	assert_int_equal(layout_width(r->lay), NARROW_COLS - 2);
	assert_int_equal(reader_apply(r, ACT_DOWN), HANDLER_IGNORED);
	assert_int_equal(reader_apply(r, ACT_NEXT_QUOTE), HANDLER_IGNORED);
	assert_int_equal(reader_click(r, 1, 1), HANDLER_IGNORED);
	assert_int_equal(reader_wheel(r, 1, 1, 1), HANDLER_IGNORED);
	assert_true(reader_apply(r, ACT_REDRAW) & HANDLER_FULL_REDRAW);
	assert_true(reader_apply(r, ACT_QUIT) & HANDLER_CLOSE);
	assert_int_equal(r->current, current);

	reader_resize(r, NARROW_COLS, NARROW_ROWS);
	assert_false(r->geo.too_small);
	assert_true(pos_eq(r->top, top));
	assert_int_equal(r->current, current);
}

static void test_flags(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	assert_int_equal(reader_apply(r, ACT_QUIT), HANDLER_CLOSE);
	assert_int_equal(reader_apply(r, ACT_REDRAW), HANDLER_REDRAW | HANDLER_FULL_REDRAW);
	assert_int_equal(reader_apply(r, ACT_DOWN), HANDLER_REDRAW);
	assert_int_equal(reader_apply(r, ACT_NONE), HANDLER_IGNORED);
	assert_int_equal(reader_search_key(r, 'x'), HANDLER_IGNORED);   /* not editing */
}

/* ---- cost in proportion to the screen --------------------------------- */

static void test_big_article_wraps_little(void **state)
{
	(void)state;
	/* 20,000 paragraphs with a quote near the end. */
	size_t n_paras = 20000;
	size_t cap = n_paras * 64 + 128;
	char *body = malloc(cap);
	size_t len = 0;
	for (size_t i = 0; i < n_paras; i++)
		len += (size_t)snprintf(body + len, cap - len,
		                        "%sParagraph %05zu with a few words in it.",
		                        i ? "\n\n" : "", i);
	len += (size_t)snprintf(body + len, cap - len,
	                        "\n\n\xe2\x80\x9c" "At the end,\xe2\x80\x9d she said.");
	article *a = fx_article("Big", body);
	free(body);
	size_t ent = fx_entity(a, "p", "Paragraph", "MISC");
	fx_mentions_of(a, ent, "Paragraph 1999");
	fx_quote(a, -1, "she", QUOTE_DIRECT, "said", 1, "At the end,");
	fx_finish(a);

	reader *r = reader_new(a, NARROW_COLS, NARROW_ROWS);
	assert_true(layout_wrapped_count(r->lay) < 50);
	reader_apply(r, ACT_BOTTOM);
	reader_apply(r, ACT_TOP);
	reader_apply(r, ACT_NEXT_QUOTE);
	assert_int_equal(r->current, 0);
	select_by_keys(r, ent);
	reader_apply(r, ACT_NEXT_MENTION);
	reader_apply(r, ACT_PAGE_DOWN);
	reader_apply(r, ACT_PAGE_UP);
	text_mark m[16];
	layout_row row;
	for (int i = 0; reader_text_row(r, i, &row); i++)
		reader_marks(r, row.start, row.end, m, 16);
	char buf[128];
	reader_status(r, buf, sizeof buf);
	/* Only the paragraphs near the places visited were wrapped. */
	assert_true(layout_wrapped_count(r->lay) < 200);
	reader_free(r);
	article_free(a);
}

int main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
#define T(name) \
	cmocka_unit_test_setup_teardown(name, setup_narrow, fx_reading_teardown)
#define W(name) \
	cmocka_unit_test_setup_teardown(name, setup_wide, fx_reading_teardown)
		T(test_starts_at_top),
		T(test_scroll_lines_and_clamp),
		T(test_paging),
		T(test_text_rows),
		W(test_focus_cycle),
		T(test_narrow_tabs),
		T(test_quote_order),
		T(test_next_quote_and_wrap),
		T(test_first_quote_from_view),
		T(test_prev_quote_before_any),
		cmocka_unit_test(test_no_quotes),
		W(test_enter_in_quotes),
		cmocka_unit_test(test_quote_list_scrolls),
		W(test_entity_rows_order),
		W(test_entity_cursor_skips_headers),
		W(test_enter_selects_entity),
		cmocka_unit_test(test_entity_list_scrolls_with_header),
		T(test_mentions_need_selection),
		T(test_mentions_next_prev_wrap),
		T(test_mention_from_view),
		T(test_no_mentions),
		W(test_filter),
		W(test_filter_follows_selection),
		T(test_search_incremental),
		T(test_search_smartcase),
		T(test_search_starts_from_view),
		T(test_search_backspace_and_esc),
		T(test_search_not_found),
		T(test_search_wraps_while_typing),
		cmocka_unit_test(test_search_utf8_and_backspace_codepoint),
		cmocka_unit_test(test_search_overlapping_current_match),
		W(test_esc_clears),
		W(test_marks),
		T(test_marks_range_clip),
		T(test_gutter),
		T(test_texts),
		cmocka_unit_test(test_title_missing_parts),
		T(test_percent),
		W(test_click_quote_and_entity),
		W(test_wheel),
		T(test_resize_keeps_top_line),
		T(test_resize_clamps_at_bottom),
		W(test_resize_keeps_list_cursors),
		T(test_too_small_and_back),
		T(test_flags),
		cmocka_unit_test(test_big_article_wraps_little),
#undef T
#undef W
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
