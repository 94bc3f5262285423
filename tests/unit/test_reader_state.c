/* test_reader_state.c - the reader's state added for issues 12 and 16:
 * the position as less gives it, the text tab on narrow terminals, the
 * mention and match counts, Enter on an entity off screen, s by the
 * current quote's speaker, clicks in the text, the hidden types, and J/K
 * as the reader returns them. */
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
#include "text.h"
#include "../../src/reader_private.h"

#define NARROW_COLS 80
#define NARROW_ROWS 24
#define WIDE_COLS 120
#define WIDE_ROWS 30

enum { ANN, ACME, PARIS };
enum { Q_EARLY, Q_LATE };

#define N_FILLER 60
#define N_AFTER 20

static char body_buf[8192];

/* Ann and Acme in the first paragraph, Paris only far below it, a quote
 * by Ann at the top and one by Acme far below, and more text after it. */
static article *town(void)
{
	size_t len = (size_t)snprintf(body_buf, sizeof body_buf,
		"Ann Lee met Acme in the morning and said \xe2\x80\x9cit went well\xe2\x80\x9d.");
	for (int i = 0; i < N_FILLER; i++)
		len += (size_t)snprintf(body_buf + len, sizeof body_buf - len,
		                        "\n\nFiller paragraph %02d of the town news.", i);
	len += (size_t)snprintf(body_buf + len, sizeof body_buf - len,
	         "\n\nIn Paris, Acme said \xe2\x80\x9cwe will build\xe2\x80\x9d. Ann Lee agreed in Paris.");
	for (int i = 0; i < N_AFTER; i++)
		len += (size_t)snprintf(body_buf + len, sizeof body_buf - len,
		                        "\n\nClosing paragraph %02d of the town news.", i);
	article *a = fx_article("Town", body_buf);
	fx_entity(a, "ann", "Ann Lee", "PERSON");
	fx_entity(a, "acme", "Acme", "ORG");
	fx_entity(a, "paris", "Paris", "GPE");
	fx_mentions_of(a, ANN, "Ann Lee");
	fx_mentions_of(a, ACME, "Acme");
	fx_mentions_of(a, PARIS, "Paris");
	fx_quote(a, ANN, NULL, QUOTE_PARTIAL, "said", 1, "it went well");
	fx_quote(a, ACME, NULL, QUOTE_PARTIAL, "said", 1, "we will build");
	fx_finish(a);
	return a;
}

static int setup_wide(void **state)
{
	return fx_reading_setup(state, town(), WIDE_COLS, WIDE_ROWS);
}

static int setup_narrow(void **state)
{
	return fx_reading_setup(state, town(), NARROW_COLS, NARROW_ROWS);
}

static void status(reader *r, char *buf, size_t n)
{
	reader_status(r, buf, n);
}

static bool status_has(reader *r, const char *want)
{
	char buf[256];
	status(r, buf, sizeof buf);
	return strstr(buf, want) != NULL;
}

/* The percentage the status line shows. */
static int percent(reader *r)
{
	char buf[256];
	status(r, buf, sizeof buf);
	const char *p = strstr(buf, "  ");
	assert_non_null(p);
	return atoi(p + 2);
}

/* The entities row of entity e, or SIZE_MAX when not listed. */
static size_t row_of(const reader *r, size_t e)
{
	for (size_t i = 0; i < r->n_ent_rows; i++)
		if (r->ent_rows[i].kind == ENTITY_ROW_ENTITY && r->ent_rows[i].entity == e)
			return i;
	return SIZE_MAX;
}

static void cursor_to(reader *r, size_t e)
{
	reader_apply(r, ACT_PANE_ENTITIES);
	size_t row = row_of(r, e);
	assert_int_not_equal(row, SIZE_MAX);
	r->ents.cursor = row;
}

static int rows_shown(const reader *r)
{
	return geometry_body_rows(&r->geo, PANE_TEXT);
}

static bool offset_shown(reader *r, size_t offset)
{
	return offset >= reader_top_offset(r) && offset < reader_bottom_offset(r);
}

/* ---- issue 12, bug 3: the position moves smoothly -------------------- */

static void test_percent_as_less(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	int top = percent(r);
	assert_true(top > 0 && top < 100);          /* the first screen's share */
	reader_apply(r, ACT_BOTTOM);
	assert_int_equal(percent(r), 100);
	reader_apply(r, ACT_UP);
	int up = percent(r);
	/* One row up from the end: a row's share less, not the top's share. */
	assert_true(up >= 95 && up < 100);
	reader_apply(r, ACT_UP);
	assert_true(percent(r) <= up);
}

/* ---- issue 12, bug 7: the text tab on narrow terminals --------------- */

static void test_narrow_enter_on_quote_shows_text(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	assert_false(r->geo.wide);
	reader_apply(r, ACT_PANE_QUOTES);
	reader_apply(r, ACT_DOWN);
	reader_apply(r, ACT_ENTER);
	assert_int_equal(r->current, Q_LATE);
	assert_int_equal(r->focus, PANE_TEXT);
	assert_true(offset_shown(r, f->a->quotes[Q_LATE].spans[0].start));
}

static void test_narrow_mention_shows_text(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	cursor_to(r, PARIS);
	reader_apply(r, ACT_ENTER);
	assert_int_equal(r->focus, PANE_ENTITIES);  /* Enter selects, stays */
	reader_apply(r, ACT_PANE_ENTITIES);
	reader_apply(r, ACT_NEXT_MENTION);
	assert_int_equal(r->focus, PANE_TEXT);
}

static void test_wide_keeps_focus(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	reader_apply(r, ACT_PANE_QUOTES);
	reader_apply(r, ACT_ENTER);
	assert_int_equal(r->focus, PANE_QUOTES);    /* the text is beside it */
}

/* ---- mention 2/5, Enter off screen, s by the speaker ----------------- */

static void test_mention_count(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	cursor_to(r, ACME);
	reader_apply(r, ACT_ENTER);
	assert_false(status_has(r, "mention"));     /* on screen: no count yet */
	reader_apply(r, ACT_NEXT_MENTION);
	assert_true(status_has(r, "  Acme  mention 1/2  "));
	reader_apply(r, ACT_NEXT_MENTION);
	assert_true(status_has(r, "  mention 2/2  "));
	reader_apply(r, ACT_NEXT_MENTION);          /* wraps */
	assert_true(status_has(r, "  mention 1/2  "));
	reader_apply(r, ACT_PREV_MENTION);
	assert_true(status_has(r, "  mention 2/2  "));
	reader_apply(r, ACT_CLEAR);
	assert_false(status_has(r, "mention"));
}

static void test_enter_scrolls_to_first_mention(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	size_t first = f->a->mentions[f->a->entities[PARIS].mention_ids[0]].at.start;

	assert_false(offset_shown(r, first));
	cursor_to(r, PARIS);
	reader_apply(r, ACT_ENTER);
	assert_int_equal(r->selected, PARIS);
	assert_true(offset_shown(r, first));
	assert_true(status_has(r, "  mention 1/2  "));
	/* One already on screen: the text stays. */
	size_t top = reader_top_offset(r);
	cursor_to(r, ACME);
	reader_apply(r, ACT_ENTER);
	assert_int_equal(reader_top_offset(r), top);
	assert_int_equal(r->mention, -1);
}

static void test_filter_by_current_speaker(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	cursor_to(r, ANN);
	reader_apply(r, ACT_ENTER);                 /* Ann selected */
	reader_apply(r, ACT_PANE_TEXT);
	reader_apply(r, ACT_NEXT_QUOTE);
	reader_apply(r, ACT_NEXT_QUOTE);
	assert_int_equal(r->current, Q_LATE);       /* by Acme */
	reader_apply(r, ACT_FILTER);
	assert_true(r->filter);
	assert_int_equal(r->selected, ACME);
	assert_int_equal(r->ent_rows[r->ents.cursor].entity, ACME);
	assert_int_equal(r->n_list, 1);
	assert_int_equal(r->list[0], Q_LATE);
	/* From the entities pane, the selected entity, as before. */
	reader_apply(r, ACT_FILTER);
	cursor_to(r, ANN);
	reader_apply(r, ACT_ENTER);
	reader_apply(r, ACT_FILTER);
	assert_int_equal(r->selected, ANN);
	assert_int_equal(r->list[0], Q_EARLY);
}

/* ---- search: match 3/12 ---------------------------------------------- */

static void type(reader *r, const char *s)
{
	for (; *s; s++)
		reader_search_key(r, (unsigned char)*s);
}

static void test_match_count(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	reader_apply(r, ACT_SEARCH);
	type(r, "acme");
	assert_false(status_has(r, "match"));       /* the prompt, while typing */
	reader_search_key(r, QK_ENTER);
	assert_true(status_has(r, "  match 1/2  "));
	reader_apply(r, ACT_SEARCH_NEXT);
	assert_true(status_has(r, "  match 2/2  "));
	reader_apply(r, ACT_SEARCH_NEXT);           /* wraps */
	assert_true(status_has(r, "  match 1/2  "));
	reader_apply(r, ACT_SEARCH_PREV);           /* wraps back */
	assert_true(status_has(r, "  match 2/2  "));
	reader_apply(r, ACT_SEARCH_PREV);
	assert_true(status_has(r, "  match 1/2  "));
	/* A query of many matches, counted from where the search began. */
	reader_apply(r, ACT_CLEAR);
	reader_apply(r, ACT_HALF_DOWN);
	reader_apply(r, ACT_SEARCH);
	type(r, "town news");
	reader_search_key(r, QK_ENTER);
	char want[32];
	size_t before = 0;
	for (const char *p = strstr(f->a->body, "town news");
	     p && (size_t)(p - f->a->body) < r->search.match.start;
	     p = strstr(p + 1, "town news"))
		before++;
	assert_true(before > 0);
	snprintf(want, sizeof want, "  match %zu/%d  ", before + 1, N_FILLER + N_AFTER);
	assert_true(status_has(r, want));
	reader_apply(r, ACT_CLEAR);
	assert_false(status_has(r, "match"));
}

static void test_search_folds(void **state)
{
	(void)state;
	article *a = fx_article("Folds", "Ib\xc3\xa1\xc3\xb1" "ez said it\xe2\x80\x99s \xe2\x80\x9c" "fine\xe2\x80\x9d.");
	fx_finish(a);
	reader *r = reader_new(a, WIDE_COLS, WIDE_ROWS);

	reader_apply(r, ACT_SEARCH);
	type(r, "ibanez");
	assert_true(r->search.found);
	assert_int_equal(r->search.match.start, 0);
	assert_int_equal(r->search.match.end, 8);   /* bytes of the body */
	reader_search_key(r, QK_ESC);
	reader_apply(r, ACT_SEARCH);
	type(r, "it's \"fine\"");
	assert_true(r->search.found);
	reader_free(r);
	article_free(a);
}

/* ---- clicks in the text ---------------------------------------------- */

static void test_click_name_and_quote(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	rect t = r->geo.text;
	size_t top = reader_top_offset(r);

	/* "Ann Lee met Acme": column 12 is in "Acme". */
	reader_click(r, t.x + 13, t.y);
	assert_int_equal(r->selected, ACME);
	assert_int_equal(r->focus, PANE_TEXT);
	assert_int_equal(r->ent_rows[r->ents.cursor].entity, ACME);
	/* Inside "it went well": the quote becomes current, the text stays. */
	const char *q = strstr(f->a->body, "went");
	reader_click(r, t.x + text_width(f->a->body, (size_t)(q - f->a->body)), t.y);
	assert_int_equal(r->current, Q_EARLY);
	assert_int_equal(reader_top_offset(r), top);
	/* On the bottom row too: the quote there is current, the text does
	 * not move it up to the upper third as ] would. */
	const char *last = strstr(f->a->body, "In Paris");
	const char *will = strstr(last, "will");
	layout_pos row = layout_pos_of_offset(r->lay, (size_t)(last - f->a->body));
	reader_set_top(r, layout_advance(r->lay, row, -(rows_shown(r) - 1), NULL));
	top = reader_top_offset(r);
	reader_click(r, t.x + text_width(last, (size_t)(will - last)),
	             t.y + rows_shown(r) - 1);
	assert_int_equal(r->current, Q_LATE);
	assert_int_equal(r->quotes.cursor, 1);
	assert_int_equal(reader_top_offset(r), top);
	reader_apply(r, ACT_TOP);
	/* Plain words and the gutter change nothing but the focus. */
	reader_apply(r, ACT_CLEAR);
	long cur = r->current;
	reader_click(r, t.x + 9, t.y);              /* "met" */
	assert_int_equal(r->selected, -1);
	assert_int_equal(r->current, cur);
	reader_click(r, r->geo.gutter.x, t.y);
	assert_int_equal(r->selected, -1);
}

/* ---- issue 16: hidden types ------------------------------------------ */

static size_t entity_marks(const reader *r, size_t start, size_t end, size_t e)
{
	text_mark marks[32];
	size_t n = reader_marks(r, start, end, marks, 32);
	size_t count = 0;
	for (size_t i = 0; i < n && i < 32; i++)
		count += marks[i].kind == MARK_ENTITY && marks[i].index == e;
	return count;
}

static void test_hide_type(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	size_t all = r->n_ent_rows;
	size_t line_end = strlen("Ann Lee met Acme");

	assert_int_equal(entity_marks(r, 0, line_end, ACME), 1);
	cursor_to(r, ACME);
	reader_apply(r, ACT_ENTER);
	assert_int_equal(reader_apply(r, ACT_TYPE_HIDE), HANDLER_REDRAW);
	assert_true(r->type_hidden[1]);             /* PERSON ORG GPE */
	assert_int_equal(r->n_ent_rows, all - 2);   /* ORG's header and Acme */
	assert_int_equal(row_of(r, ACME), SIZE_MAX);
	assert_int_equal(r->ents.n, r->n_ent_rows);
	assert_int_equal(r->ent_rows[r->ents.cursor].kind, ENTITY_ROW_ENTITY);
	assert_int_equal(r->selected, -1);          /* in no list now */
	assert_int_equal(entity_marks(r, 0, line_end, ACME), 0);
	assert_int_equal(entity_marks(r, 0, line_end, ANN), 1);
	assert_true(status_has(r, "hidden: ORG"));

	view_row row;
	assert_true(reader_view_entity_row(r, 0, &row));
	assert_string_equal(row.text, "PERSON  -ORG  GPE");
	bool dimmed = false;
	for (size_t i = 0; i < row.n_fields; i++)
		if (strncmp(row.text + row.fields[i].at, "-ORG", 4) == 0)
			dimmed = row.fields[i].roles == VIEW_ROLE(ROLE_DIM_TEXT);
	assert_true(dimmed);

	assert_int_equal(reader_apply(r, ACT_TYPE_SHOW_ALL), HANDLER_REDRAW);
	assert_int_equal(r->n_ent_rows, all);
	assert_int_equal(entity_marks(r, 0, line_end, ACME), 1);
	assert_true(status_has(r, "every type shown"));
	assert_int_equal(reader_apply(r, ACT_TYPE_SHOW_ALL), HANDLER_REDRAW);
	assert_true(status_has(r, "no type is hidden"));
}

static void test_hide_needs_an_entity(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	reader_apply(r, ACT_TYPE_HIDE);             /* text pane, none selected */
	assert_true(status_has(r, "no entity selected"));
	assert_false(r->type_hidden[0]);
}

static void test_show_only(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;

	reader_types_show_only(r, "GPE,PERSON,SHIP");
	assert_false(reader_entity_hidden(r, ANN));
	assert_true(reader_entity_hidden(r, ACME));
	assert_false(reader_entity_hidden(r, PARIS));
	assert_false(reader_entity_hidden(r, 99));
	assert_int_equal(row_of(r, ACME), SIZE_MAX);
	assert_int_not_equal(row_of(r, PARIS), SIZE_MAX);
	reader_types_show_only(r, "PERSONS");       /* whole names only */
	assert_true(reader_entity_hidden(r, ANN));
	assert_int_equal(r->n_ent_rows, 1);         /* the legend alone */
	reader_apply(r, ACT_PANE_ENTITIES);
	reader_apply(r, ACT_DOWN);                  /* nothing to land on */
	reader_types_show_only(r, NULL);
	assert_false(reader_entity_hidden(r, ACME));
	assert_int_equal(r->ent_rows[r->ents.cursor].kind, ENTITY_ROW_ENTITY);
}

/* ---- J and K ----------------------------------------------------------- */

static void test_next_article_flags(void **state)
{
	fx_reading *f = *state;
	reader *r = f->r;
	size_t top = reader_top_offset(r);

	assert_int_equal(reader_apply(r, ACT_NEXT_ARTICLE), HANDLER_NEXT_ARTICLE);
	assert_int_equal(reader_apply(r, ACT_PREV_ARTICLE), HANDLER_PREV_ARTICLE);
	assert_int_equal(reader_top_offset(r), top);
	reader_set_message(r, true, "no library");
	assert_true(status_has(r, "no library"));
}

#define T(name) \
	cmocka_unit_test_setup_teardown(name, setup_narrow, fx_reading_teardown)
#define W(name) \
	cmocka_unit_test_setup_teardown(name, setup_wide, fx_reading_teardown)

int main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		W(test_percent_as_less),
		T(test_narrow_enter_on_quote_shows_text),
		T(test_narrow_mention_shows_text),
		W(test_wide_keeps_focus),
		W(test_mention_count),
		W(test_enter_scrolls_to_first_mention),
		W(test_filter_by_current_speaker),
		W(test_match_count),
		cmocka_unit_test(test_search_folds),
		W(test_click_name_and_quote),
		W(test_hide_type),
		W(test_hide_needs_an_entity),
		W(test_show_only),
		W(test_next_article_flags),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
