/* Tests of the compare view's state (compare_view.h) on the hand-worked
 * pairs of tests/fixtures/diff (README.md there): the places in body
 * order, their roles, ] and [ between disagreements, the marks and the
 * gutter, the two rows of the quotes pane and what differs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_load.h"
#include "compare_view.h"

#define FIX "tests/fixtures/diff/"

typedef struct fixture {
	article *a;
	compare_view *cv;
} fixture;

static fixture open_pair(const char *pa, const char *pb)
{
	fixture f = { 0 };
	article *b = NULL;
	diag_list diags = { 0 };
	assert_int_equal(load_article(pa, &f.a, &diags), 0);
	assert_int_equal(load_article(pb, &b, &diags), 0);
	diag_list_free(&diags);
	f.cv = compare_view_new(f.a, b, "a.yaml", "b.yaml");
	assert_non_null(f.cv);
	return f;
}

static void close_pair(fixture *f)
{
	compare_view_free(f->cv);
	article_free(f->a);
}

/* The id of place i's quote on side a (A) or b (B), "-" for none. */
static const char *place_id(const fixture *f, size_t i, bool side_b)
{
	const compare_place *p = &f->cv->places[i];
	size_t q = side_b ? p->b : p->a;
	if (q == COMPARE_NONE)
		return "-";
	return side_b ? f->cv->b->quotes[q].id : f->a->quotes[q].id;
}

static void place_is(const fixture *f, size_t i, const char *a, const char *b,
                     compare_role role)
{
	assert_string_equal(place_id(f, i, false), a);
	assert_string_equal(place_id(f, i, true), b);
	assert_int_equal(f->cv->places[i].role, role);
}

/* pair: A1 (12) and A3 (24) before A2 (64) and A4 (82); B1 goes with
 * A1, so it is no place of its own. */
static void test_pair_places(void **state)
{
	(void)state;
	fixture f = open_pair(FIX "pair/a.yaml", FIX "pair/b.yaml");
	assert_int_equal(f.cv->n_places, 4);
	place_is(&f, 0, "a1", "b1", COMPARE_ROLE_DIFFERS);
	place_is(&f, 1, "a3", "-", COMPARE_ROLE_ONLY_A);
	place_is(&f, 2, "a2", "b2", COMPARE_ROLE_DIFFERS);
	place_is(&f, 3, "a4", "b3", COMPARE_ROLE_AGREED);
	assert_int_equal(f.cv->n_disagreements, 3);
	assert_int_equal(f.cv->places[0].diff & (COMPARE_DIFF_KIND | COMPARE_DIFF_CUE
	                                         | COMPARE_DIFF_SPEAKER),
	                 COMPARE_DIFF_KIND);
	assert_int_equal(f.cv->places[2].diff & (COMPARE_DIFF_KIND | COMPARE_DIFF_CUE
	                                         | COMPARE_DIFF_SPEAKER),
	                 COMPARE_DIFF_KIND | COMPARE_DIFF_CUE | COMPARE_DIFF_SPEAKER);
	close_pair(&f);
}

/* three 1 against 3: Ann's quote and "one two" share 7 of 20 characters,
 * below 50%, so each is a place alone; Bob's agree. */
static void test_three_places(void **state)
{
	(void)state;
	fixture f = open_pair(FIX "three/1.yaml", FIX "three/3.yaml");
	assert_int_equal(f.cv->n_places, 3);
	assert_int_equal(f.cv->places[0].role, COMPARE_ROLE_ONLY_A);
	assert_int_equal(f.cv->places[0].b, COMPARE_NONE);
	assert_int_equal(f.cv->places[1].role, COMPARE_ROLE_ONLY_B);
	assert_int_equal(f.cv->places[1].a, COMPARE_NONE);
	assert_int_equal(f.cv->places[2].role, COMPARE_ROLE_AGREED);
	assert_true(f.cv->places[0].start < f.cv->places[1].start);
	assert_int_equal(f.cv->n_disagreements, 2);
	close_pair(&f);
}

static void position_is(const compare_view *cv, const char *want)
{
	char buf[96];
	compare_view_position(cv, buf, sizeof buf);
	assert_string_equal(buf, want);
}

/* ] and [ go through the disagreements only, wrapping at the ends. */
static void test_steps(void **state)
{
	(void)state;
	fixture f = open_pair(FIX "pair/a.yaml", FIX "pair/b.yaml");
	bool wrapped;
	position_is(f.cv, "3 disagreements of 4 places");
	assert_null(compare_view_current(f.cv));
	assert_int_equal(compare_view_step(f.cv, 1, &wrapped), 0);
	assert_false(wrapped);
	position_is(f.cv, "disagreement 1/3 of 4 places");
	assert_int_equal(compare_view_step(f.cv, 1, &wrapped), 1);
	assert_int_equal(compare_view_step(f.cv, 1, &wrapped), 2);
	position_is(f.cv, "disagreement 3/3 of 4 places");
	/* The agreed A4 is passed over: back to the first. */
	assert_int_equal(compare_view_step(f.cv, 1, &wrapped), 0);
	assert_true(wrapped);
	assert_int_equal(compare_view_step(f.cv, -1, &wrapped), 2);
	assert_true(wrapped);
	assert_int_equal(compare_view_step(f.cv, -1, &wrapped), 1);
	assert_false(wrapped);
	close_pair(&f);

	fixture g = open_pair(FIX "pair/a.yaml", FIX "pair/a.yaml");
	assert_int_equal(g.cv->n_disagreements, 0);
	assert_int_equal(compare_view_step(g.cv, 1, &wrapped), -1);
	position_is(g.cv, "0 disagreements of 4 places");
	close_pair(&g);
}

static void mark_is(const text_mark *m, size_t start, size_t end, mark_kind kind)
{
	assert_int_equal(m->start, start);
	assert_int_equal(m->end, end);
	assert_int_equal(m->kind, kind);
}

/* Every place's content, A's and its partner's, by role then by start;
 * the current place's last. */
static void test_marks(void **state)
{
	(void)state;
	fixture f = open_pair(FIX "pair/a.yaml", FIX "pair/b.yaml");
	text_mark m[16];
	size_t len = f.a->body_len;
	assert_int_equal(compare_view_marks(f.cv, 0, len, m, 16), 7);
	mark_is(&m[0], 82, 96, MARK_CMP_AGREED);
	mark_is(&m[1], 82, 96, MARK_CMP_AGREED);
	mark_is(&m[2], 11, 43, MARK_CMP_DIFFERS);   /* B1, with its marks */
	mark_is(&m[3], 12, 42, MARK_CMP_DIFFERS);   /* A1, indirect */
	mark_is(&m[4], 64, 80, MARK_CMP_DIFFERS);
	mark_is(&m[5], 64, 80, MARK_CMP_DIFFERS);
	mark_is(&m[6], 24, 42, MARK_CMP_ONLY_A);
	/* A range sees only what reaches into it; a small cap still counts. */
	assert_int_equal(compare_view_marks(f.cv, 50, 60, m, 16), 0);
	assert_int_equal(compare_view_marks(f.cv, 40, 70, m, 1), 5);
	bool wrapped;
	compare_view_step(f.cv, 1, &wrapped);
	assert_int_equal(compare_view_marks(f.cv, 0, len, m, 16), 9);
	mark_is(&m[7], 11, 43, MARK_QUOTE_CURRENT);
	mark_is(&m[8], 12, 42, MARK_QUOTE_CURRENT);
	close_pair(&f);

	fixture g = open_pair(FIX "three/1.yaml", FIX "three/3.yaml");
	assert_int_equal(compare_view_marks(g.cv, 0, g.a->body_len, m, 16), 4);
	assert_int_equal(m[2].kind, MARK_CMP_ONLY_A);
	mark_is(&m[3], 10, 17, MARK_CMP_ONLY_B);
	close_pair(&g);
}

static void test_gutter(void **state)
{
	(void)state;
	fixture f = open_pair(FIX "pair/a.yaml", FIX "pair/b.yaml");
	assert_int_equal(compare_view_gutter(f.cv, 0, 50), GUTTER_DIFFERS);
	assert_int_equal(compare_view_gutter(f.cv, 81, 100), GUTTER_QUOTE);
	assert_int_equal(compare_view_gutter(f.cv, 44, 60), GUTTER_NONE);
	bool wrapped;
	compare_view_step(f.cv, 1, &wrapped);
	compare_view_step(f.cv, 1, &wrapped);   /* A3, inside A1's row */
	assert_int_equal(compare_view_gutter(f.cv, 0, 50), GUTTER_CURRENT);
	assert_int_equal(compare_view_gutter(f.cv, 60, 100), GUTTER_DIFFERS);
	close_pair(&f);
}

/* The roles of the field holding the words want, which must be there. */
static uint64_t roles_of(const view_row *row, const char *want)
{
	for (size_t i = 0; i < row->n_fields; i++) {
		const view_field *fl = &row->fields[i];
		char buf[VIEW_ROW_TEXT];
		snprintf(buf, sizeof buf, "%.*s", (int)fl->len, row->text + fl->at);
		if (strstr(buf, want))
			return fl->roles;
	}
	fail_msg("no field holds \"%s\" in \"%s\"", want, row->text);
	return 0;
}

static const uint64_t DIFFERS = VIEW_ROLE(ROLE_CMP_DIFFERS);

static void test_rows(void **state)
{
	(void)state;
	fixture f = open_pair(FIX "pair/a.yaml", FIX "pair/b.yaml");
	view_row row;
	assert_true(compare_view_row(f.cv, 0, &row));
	assert_string_equal(row.text, "agreed  differs  only in A  only in B");
	assert_int_equal(roles_of(&row, "only in B"), VIEW_ROLE(ROLE_CMP_ONLY_B));
	assert_true(compare_view_row(f.cv, 1, &row));
	assert_string_equal(row.text, "] next disagreement, [ previous");
	assert_false(compare_view_row(f.cv, 2, &row));

	bool wrapped;
	compare_view_step(f.cv, -1, &wrapped);      /* A2 against B2 */
	assert_true(compare_view_row(f.cv, 1, &row));
	assert_string_equal(row.text, "A  John Kerry, direct, no cue: \"a step forward\"");
	assert_int_equal(roles_of(&row, "John Kerry"), DIFFERS);
	assert_int_equal(roles_of(&row, "direct"), DIFFERS);
	assert_int_equal(roles_of(&row, "no cue"), DIFFERS);
	assert_int_equal(roles_of(&row, "step"), 0);   /* the same content */
	assert_true(compare_view_row(f.cv, 2, &row));
	assert_string_equal(row.text, "B  Sergey Lavrov, partial, said: \"a step forward\"");
	assert_int_equal(roles_of(&row, "said"), DIFFERS);
	assert_true(compare_view_row(f.cv, 3, &row));
	assert_string_equal(row.text, "differs: speaker, source, kind, cue");
	assert_false(compare_view_row(f.cv, 4, &row));

	compare_view_step(f.cv, 1, &wrapped);       /* A1 against B1 */
	assert_true(compare_view_row(f.cv, 1, &row));
	assert_int_equal(roles_of(&row, "John Kerry"), 0);
	assert_int_equal(roles_of(&row, "indirect"), DIFFERS);
	assert_int_equal(roles_of(&row, "trust"), DIFFERS);  /* not exact */
	assert_true(compare_view_row(f.cv, 3, &row));
	assert_string_equal(row.text, "differs: kind, content not exact");

	compare_view_step(f.cv, 1, &wrapped);       /* A3 alone */
	assert_true(compare_view_row(f.cv, 2, &row));
	assert_string_equal(row.text, "B  (not in B)");
	assert_true(compare_view_row(f.cv, 3, &row));
	assert_string_equal(row.text, "only in A");
	close_pair(&f);
}

static void test_figures(void **state)
{
	(void)state;
	fixture f = open_pair(FIX "pair/a.yaml", FIX "pair/b.yaml");
	char buf[128];
	compare_view_figures(f.cv, buf, sizeof buf);
	assert_string_equal(buf, "exact F1 0.57 \xc2\xb7 overlap 0.86 \xc2\xb7 attribution 0.57");
	close_pair(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pair_places),
		cmocka_unit_test(test_three_places),
		cmocka_unit_test(test_steps),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_gutter),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_figures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
