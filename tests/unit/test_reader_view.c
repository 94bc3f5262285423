/* test_reader_view.c - the rows of the lists as typed fields: what each
 * cell is (text, roles, alignment), never a width; clipping is render's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"
#include "reader_fixture.h"
#include "reader_view.h"

#define COLS 120
#define ROWS 30

/* The 72-character name of the golden screen entity-clipped-color. */
#define LONG_ORG "The International Federation of Independent Newspaper Publishers Assocs."

enum { MERKEL, EU, SHIP, LONG };

static article *leaders(void)
{
	article *a = fx_article("Leaders",
		"Angela Merkel spoke.  \xe2\x80\x9cWe will act,\xe2\x80\x9d Merkel said.\n\n"
		"A spokesman said \xe2\x80\x9cno   comment\nat\t all\xe2\x80\x9d today.\n\n"
		"The " LONG_ORG " met.  \xe2\x80\x9c" "First,\xe2\x80\x9d it said, "
		"\xe2\x80\x9c" "second.\xe2\x80\x9d");
	fx_entity(a, "merkel", "Angela Merkel", "PERSON");
	fx_entity(a, "eu", "European Union", "ORG");
	fx_entity(a, "ship", "Queen Mary", "SHIP");
	fx_entity(a, "long", LONG_ORG, "ORG");
	fx_mentions_of(a, MERKEL, "Merkel");
	fx_mentions_of(a, LONG, LONG_ORG);
	fx_quote(a, MERKEL, NULL, QUOTE_DIRECT, "said", 1,
	         "\xe2\x80\x9cWe will act,\xe2\x80\x9d");
	fx_quote(a, -1, "A spokesman", QUOTE_INDIRECT, "said", 1,
	         "\xe2\x80\x9cno   comment\nat\t all\xe2\x80\x9d");
	fx_quote(a, LONG, "it", QUOTE_DIRECT, "said", 2,
	         "\xe2\x80\x9c" "First,\xe2\x80\x9d", "\xe2\x80\x9c" "second.\xe2\x80\x9d");
	fx_finish(a);
	return a;
}

/* The article and a reader on it at 120x30: one per test, built afresh
 * so that no test sees another's cursor or selection. */
typedef struct view_fixture {
	article *a;
	reader *r;
} view_fixture;

static view_fixture open_leaders(void)
{
	view_fixture f = { .a = leaders() };
	f.r = reader_new(f.a, COLS, ROWS);
	assert_non_null(f.r);
	return f;
}

static void close_fixture(view_fixture *f)
{
	reader_free(f->r);
	article_free(f->a);
}

/* Field i's text, for comparing. */
static const char *field_text(const view_row *row, size_t i, char *buf, size_t n)
{
	assert_true(i < row->n_fields);
	const view_field *f = &row->fields[i];
	assert_true(f->at + f->len <= row->len);
	snprintf(buf, n, "%.*s", (int)f->len, row->text + f->at);
	return buf;
}

static void assert_field(const view_row *row, size_t i, const char *text,
                         uint64_t roles, view_align align)
{
	char buf[VIEW_ROW_TEXT];
	assert_string_equal(field_text(row, i, buf, sizeof buf), text);
	assert_int_equal(row->fields[i].roles, roles);
	assert_int_equal(row->fields[i].align, align);
}

/* Row index of entity e in the entities pane. */
static size_t row_of(const reader *r, size_t e)
{
	for (size_t i = 0; i < r->n_ent_rows; i++)
		if (r->ent_rows[i].kind == ENTITY_ROW_ENTITY && r->ent_rows[i].entity == e)
			return i;
	fail_msg("entity %zu has no row", e);
	return 0;
}

/* ---- the entities pane ------------------------------------------------ */

static void test_entity_legend_and_header(void **state)
{
	(void)state;
	view_fixture fx = open_leaders();
	view_fixture *f = &fx;
	view_row row;
	uint64_t person = VIEW_ROLE(ROLE_ENT_PERSON);
	uint64_t org = VIEW_ROLE(ROLE_ENT_ORG);

	assert_true(reader_view_entity_row(f->r, 0, &row));
	assert_int_equal(row.n_fields, 5);
	assert_field(&row, 0, "PERSON", person, VIEW_ALIGN_LEFT);
	assert_field(&row, 1, "  ", 0, VIEW_ALIGN_LEFT);
	assert_field(&row, 2, "ORG", org, VIEW_ALIGN_LEFT);
	assert_field(&row, 4, "SHIP", VIEW_ROLE(ROLE_ENT_OTHER), VIEW_ALIGN_LEFT);
	assert_string_equal(row.text, "PERSON  ORG  SHIP");
	assert_false(row.ellipsis);
	assert_false(row.cursor);

	assert_true(reader_view_entity_row(f->r, 1, &row));
	assert_int_equal(row.n_fields, 1);
	assert_field(&row, 0, "PERSON", person | VIEW_ROLE(ROLE_DIM_TEXT), VIEW_ALIGN_LEFT);

	assert_false(reader_view_entity_row(f->r, f->r->n_ent_rows, &row));
	assert_int_equal(row.n_fields, 0);
	assert_string_equal(row.text, "");
	close_fixture(f);
}

/* An entity: its name in its type's role, the count on its own, aligned
 * right; the whole name however long (the pane's width is render's). */
static void test_entity_row_fields(void **state)
{
	(void)state;
	view_fixture fx = open_leaders();
	view_fixture *f = &fx;
	reader *r = f->r;
	view_row row;

	assert_true(reader_view_entity_row(r, row_of(r, MERKEL), &row));
	assert_int_equal(row.n_fields, 2);
	assert_field(&row, 0, "2", 0, VIEW_ALIGN_RIGHT);
	assert_field(&row, 1, "Angela Merkel", VIEW_ROLE(ROLE_ENT_PERSON), VIEW_ALIGN_LEFT);
	assert_false(row.more);
	assert_false(row.ellipsis);

	assert_true(reader_view_entity_row(r, row_of(r, LONG), &row));
	assert_int_equal(strlen(LONG_ORG), 72);
	assert_field(&row, 0, "1", 0, VIEW_ALIGN_RIGHT);
	assert_field(&row, 1, LONG_ORG, VIEW_ROLE(ROLE_ENT_ORG), VIEW_ALIGN_LEFT);
	assert_false(row.more);
	close_fixture(f);
}

/* A name longer than a row holds is cut, and its count still shows. */
static void test_entity_row_huge_name(void **state)
{
	(void)state;
	char name[2 * VIEW_ROW_TEXT];
	memset(name, 'N', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	article *a = fx_article("Huge", "Nothing here.");
	fx_entity(a, "n", name, "ORG");
	fx_finish(a);
	reader *r = reader_new(a, COLS, ROWS);
	assert_non_null(r);
	view_row row;

	assert_true(reader_view_entity_row(r, 2, &row));
	assert_true(row.more);
	assert_field(&row, 0, "0", 0, VIEW_ALIGN_RIGHT);
	assert_int_equal(row.fields[1].roles, VIEW_ROLE(ROLE_ENT_ORG));
	assert_int_equal(row.fields[1].len, VIEW_ROW_TEXT - 2);
	reader_free(r);
	article_free(a);
}

static void test_entity_row_cursor_and_selection(void **state)
{
	(void)state;
	view_fixture fx = open_leaders();
	view_fixture *f = &fx;
	reader *r = f->r;
	view_row row;
	size_t at = row_of(r, MERKEL);

	/* The cursor shows only in the focused pane. */
	assert_int_equal(r->ents.cursor, at);
	reader_view_entity_row(r, at, &row);
	assert_false(row.cursor);
	reader_apply(r, ACT_PANE_ENTITIES);
	reader_view_entity_row(r, at, &row);
	assert_true(row.cursor);
	reader_view_entity_row(r, row_of(r, EU), &row);
	assert_false(row.cursor);

	reader_apply(r, ACT_ENTER);
	assert_int_equal(r->selected, MERKEL);
	reader_view_entity_row(r, at, &row);
	assert_field(&row, 0, "2", 0, VIEW_ALIGN_RIGHT);
	assert_field(&row, 1, "Angela Merkel",
	             VIEW_ROLE(ROLE_ENT_PERSON) | VIEW_ROLE(ROLE_SELECTED), VIEW_ALIGN_LEFT);
	close_fixture(f);
}

/* ---- the quotes pane -------------------------------------------------- */

static void test_quote_row_runs(void **state)
{
	(void)state;
	view_fixture fx = open_leaders();
	view_fixture *f = &fx;
	reader *r = f->r;
	view_row row;

	assert_true(reader_view_quote_row(r, 0, &row));
	assert_int_equal(row.n_fields, 2);
	assert_field(&row, 0, "Angela Merkel", VIEW_ROLE(ROLE_ENT_PERSON), VIEW_ALIGN_LEFT);
	assert_field(&row, 1, ": \xe2\x80\x9cWe will act,\xe2\x80\x9d", 0, VIEW_ALIGN_LEFT);
	assert_true(row.ellipsis);
	assert_false(row.current);
	assert_false(row.cursor);

	/* A speaker without an entity is secondary text; the kind follows. */
	assert_true(reader_view_quote_row(r, 1, &row));
	assert_field(&row, 0, "A spokesman", VIEW_ROLE(ROLE_DIM_TEXT), VIEW_ALIGN_LEFT);

	/* An unnamed speaker tied to an entity: its own words, the entity's
	 * colour; the fragments of a split quote joined by " … ". */
	assert_true(reader_view_quote_row(r, 2, &row));
	assert_field(&row, 0, "it", VIEW_ROLE(ROLE_ENT_ORG), VIEW_ALIGN_LEFT);
	assert_field(&row, 1, ": \xe2\x80\x9c" "First,\xe2\x80\x9d \xe2\x80\xa6 "
	             "\xe2\x80\x9c" "second.\xe2\x80\x9d", 0, VIEW_ALIGN_LEFT);
	assert_string_equal(reader_quote_speaker(r, &f->a->quotes[2]), "it");
	assert_string_equal(reader_quote_speaker(r, &f->a->quotes[0]), "Angela Merkel");

	assert_false(reader_view_quote_row(r, 3, &row));
	assert_int_equal(row.n_fields, 0);
	close_fixture(f);
}

/* A quote across a line break, with runs of spaces and a tab, comes out
 * with single spaces. */
static void test_quote_row_squeezes_white_space(void **state)
{
	(void)state;
	view_fixture fx = open_leaders();
	view_fixture *f = &fx;
	view_row row;

	assert_true(reader_view_quote_row(f->r, 1, &row));
	assert_string_equal(row.text, "A spokesman (indirect): "
	                    "\xe2\x80\x9cno comment at all\xe2\x80\x9d");
	close_fixture(f);
}

static void test_quote_row_current_and_cursor(void **state)
{
	(void)state;
	view_fixture fx = open_leaders();
	view_fixture *f = &fx;
	reader *r = f->r;
	view_row row;

	reader_apply(r, ACT_NEXT_QUOTE);
	reader_apply(r, ACT_NEXT_QUOTE);
	reader_view_quote_row(r, 1, &row);
	assert_true(row.current);
	assert_false(row.cursor);
	reader_view_quote_row(r, 0, &row);
	assert_false(row.current);
	reader_apply(r, ACT_PANE_QUOTES);
	reader_view_quote_row(r, r->quotes.cursor, &row);
	assert_true(row.cursor);
	close_fixture(f);
}

/* A quote longer than a row holds is cut at a character, and says so;
 * the reading stops there, whatever the quote's length. */
static void test_quote_row_cut(void **state)
{
	(void)state;
	static char body[4 * VIEW_ROW_TEXT + 64];
	size_t len = 0;
	len += (size_t)snprintf(body, sizeof body, "He said \xe2\x80\x9c");
	while (len + 4 < sizeof body - 8) {
		memcpy(body + len, "\xc3\xa9 ", 3);  /* "é " */
		len += 3;
	}
	memcpy(body + len, "\xe2\x80\x9d", 4);
	article *a = fx_article("Long", body);
	/* "Hugo: “é" is 11 bytes, then " é" 3 at a time: the row fills up
	 * with one byte left for the 2 of an "é". */
	size_t he = fx_entity(a, "hugo", "Hugo", "PERSON");
	fx_quote(a, (long)he, NULL, QUOTE_DIRECT, "said", 1, body + 8);
	fx_finish(a);
	reader *r = reader_new(a, COLS, ROWS);
	assert_non_null(r);
	view_row row;

	assert_true(reader_view_quote_row(r, 0, &row));
	assert_true(row.more);
	assert_true(row.len < VIEW_ROW_TEXT);
	assert_int_equal(strlen(row.text), row.len);
	/* Never half a character: the text ends after a whole "é" or space. */
	assert_true(row.text[row.len - 1] == ' '
	            || (unsigned char)row.text[row.len - 1] == 0xa9);
	reader_free(r);
	article_free(a);
}

/* ---- attributions: source, cue, content ------------------------------ */

static span span_of(const article *a, const char *text, int occurrence)
{
	size_t at = fx_offset_of(a, text, occurrence);
	return (span){ .start = at, .end = at + strlen(text) };
}

/* Makes q's source pieces[0..n), as the resolver would have placed it. */
static void set_source(quote *q, const span *pieces, size_t n)
{
	free(q->source_spans);
	q->source_spans = calloc(n ? n : 1, sizeof *q->source_spans);
	assert_non_null(q->source_spans);
	memcpy(q->source_spans, pieces, n * sizeof *pieces);
	q->n_source_spans = n;
}

/* A located source is named by its words, and by the entity after them
 * when they are a pronoun or phrase ("it → ..."); not when they are the
 * entity's name or an alias. */
static void test_quote_row_names_source(void **state)
{
	(void)state;
	view_fixture fx = open_leaders();
	view_fixture *f = &fx;
	article *a = f->a;
	view_row row;

	span it = span_of(a, "it said", 1);
	it.end = it.start + 2;
	set_source(&a->quotes[2], &it, 1);
	assert_true(reader_view_quote_row(f->r, 2, &row));
	assert_field(&row, 0, "it", VIEW_ROLE(ROLE_ENT_ORG), VIEW_ALIGN_LEFT);
	assert_field(&row, 1, " \xe2\x86\x92 ", 0, VIEW_ALIGN_LEFT);
	assert_field(&row, 2, LONG_ORG, VIEW_ROLE(ROLE_ENT_ORG), VIEW_ALIGN_LEFT);

	/* A source in pieces reads as a split quote: "it … said". */
	span pieces[2] = { it, span_of(a, "said", 1) };
	set_source(&a->quotes[2], pieces, 2);
	assert_true(reader_view_quote_row(f->r, 2, &row));
	assert_field(&row, 0, "it \xe2\x80\xa6 said", VIEW_ROLE(ROLE_ENT_ORG),
	             VIEW_ALIGN_LEFT);
	assert_field(&row, 1, " \xe2\x86\x92 ", 0, VIEW_ALIGN_LEFT);

	/* "Merkel" is an alias: the entity's own name, once, no arrow. */
	entity *m = &a->entities[MERKEL];
	m->aliases = calloc(1, sizeof *m->aliases);
	assert_non_null(m->aliases);
	m->aliases[0] = fx_strdup("Merkel");
	m->n_aliases = 1;
	span merkel = span_of(a, "Merkel", 2);
	set_source(&a->quotes[0], &merkel, 1);
	assert_true(reader_view_quote_row(f->r, 0, &row));
	assert_field(&row, 0, m->name, VIEW_ROLE(ROLE_ENT_PERSON), VIEW_ALIGN_LEFT);
	assert_field(&row, 1, ": \xe2\x80\x9cWe will act,\xe2\x80\x9d", 0, VIEW_ALIGN_LEFT);
	close_fixture(f);
}

/* A quote not found in the body is listed, marked "! " in the problem
 * role, its words taken from the file. */
static void test_quote_row_lost_marked(void **state)
{
	(void)state;
	article *a = fx_talks();
	reader *r = reader_new(a, COLS, ROWS);
	assert_non_null(r);
	view_row row;
	bool seen = false;

	for (size_t i = 0; reader_view_quote_row(r, i, &row); i++) {
		bool lost = r->list[i] == FX_TALKS_Q_LOST;
		assert_int_equal(view_quote_lost(&a->quotes[r->list[i]]), lost);
		if (!lost) {
			assert_int_not_equal(row.fields[0].roles, VIEW_ROLE(ROLE_PROBLEM));
			continue;
		}
		seen = true;
		assert_field(&row, 0, "! ", VIEW_ROLE(ROLE_PROBLEM), VIEW_ALIGN_LEFT);
		assert_field(&row, 1, "Sergei Lavrov", VIEW_ROLE(ROLE_ENT_PERSON), VIEW_ALIGN_LEFT);
		assert_non_null(strstr(row.text, "late"));
	}
	assert_true(seen);
	reader_free(r);
	article_free(a);
}

static size_t count_kind(const text_mark *m, size_t n, mark_kind kind, span *first)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++) {
		if (m[i].kind != kind)
			continue;
		if (c++ == 0 && first)
			*first = (span){ m[i].start, m[i].end };
	}
	return c;
}

/* The current quote's source and every piece of its cue are marked; a
 * quote with no pieces has its one cue_span marked. */
static void test_marks_source_and_cue_pieces(void **state)
{
	(void)state;
	view_fixture fx = open_leaders();
	view_fixture *f = &fx;
	article *a = f->a;
	text_mark m[64];
	span got;

	reader_apply(f->r, ACT_NEXT_QUOTE);
	assert_int_equal(f->r->current, 0);
	size_t n = reader_marks(f->r, 0, a->body_len, m, 64);
	assert_true(n <= 64);
	assert_int_equal(count_kind(m, n, MARK_CUE, &got), 1);
	assert_int_equal(got.start, a->quotes[0].cue_spans[0].start);
	assert_int_equal(count_kind(m, n, MARK_SOURCE, NULL),
	                 a->quotes[0].n_source_spans);

	span *own = a->quotes[0].cue_spans;     /* the resolver's, restored below */
	size_t own_n = a->quotes[0].n_cue_spans;
	span pieces[2] = { span_of(a, "Merkel", 2), span_of(a, "said", 1) };
	a->quotes[0].cue_spans = pieces;
	a->quotes[0].n_cue_spans = 2;
	/* A source in pieces: every piece is marked as the source. */
	span source[2] = { span_of(a, "Merkel", 2), span_of(a, "act", 1) };
	set_source(&a->quotes[0], source, 2);
	n = reader_marks(f->r, 0, a->body_len, m, 64);
	assert_int_equal(count_kind(m, n, MARK_CUE, &got), 2);
	assert_int_equal(got.start, pieces[0].start);
	assert_int_equal(count_kind(m, n, MARK_SOURCE, &got), 2);
	assert_int_equal(got.start, source[0].start);
	assert_int_equal(got.end, source[0].end);
	size_t second = 0;
	for (size_t i = 0; i < n; i++)
		second += m[i].kind == MARK_SOURCE && m[i].start == source[1].start &&
		          m[i].end == source[1].end;
	assert_int_equal(second, 1);
	for (size_t i = 0; i < n; i++)
		if (m[i].kind == MARK_SOURCE)
			assert_int_equal(reader_mark_role(f->r, &m[i]), ROLE_SOURCE);
	/* Only the current quote's: none once another is current. */
	reader_apply(f->r, ACT_NEXT_QUOTE);
	n = reader_marks(f->r, 0, a->body_len, m, 64);
	size_t others = 0;      /* the next quote's own source, if it has one */
	for (size_t i = 0; i < n; i++)
		others += m[i].kind == MARK_SOURCE && (m[i].start == source[0].start ||
		                                       m[i].start == source[1].start);
	assert_int_equal(others, 0);
	a->quotes[0].cue_spans = own;
	a->quotes[0].n_cue_spans = own_n;
	close_fixture(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entity_legend_and_header),
		cmocka_unit_test(test_entity_row_fields),
		cmocka_unit_test(test_entity_row_huge_name),
		cmocka_unit_test(test_entity_row_cursor_and_selection),
		cmocka_unit_test(test_quote_row_runs),
		cmocka_unit_test(test_quote_row_squeezes_white_space),
		cmocka_unit_test(test_quote_row_current_and_cursor),
		cmocka_unit_test(test_quote_row_cut),
		cmocka_unit_test(test_quote_row_names_source),
		cmocka_unit_test(test_quote_row_lost_marked),
		cmocka_unit_test(test_marks_source_and_cue_pieces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
