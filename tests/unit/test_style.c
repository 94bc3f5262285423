/* test_style.c - the role table: every role drawn in both columns. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "render.h"   /* render_compose: how a layer goes over another */
#include "style.h"

/* Every type of article.h's list, so a type added there is checked too. */
static const style_role entity_roles[] = {
#define TEST_ENTITY_ROLE(t) ROLE_ENT_##t,
	ENTITY_TYPES(TEST_ENTITY_ROLE)
#undef TEST_ENTITY_ROLE
};
static const char *const entity_names[] = {
#define TEST_ENTITY_NAME(t) #t,
	ENTITY_TYPES(TEST_ENTITY_NAME)
#undef TEST_ENTITY_NAME
};
#define N_ENTITY_ROLES (sizeof entity_roles / sizeof entity_roles[0])

static bool style_equal(style a, style b)
{
	return a.fg == b.fg && a.bg == b.bg && a.attrs == b.attrs;
}

static bool color_valid(style_color c)
{
	return c == STYLE_DEFAULT || (c >= STYLE_BLACK && c <= STYLE_WHITE);
}

/* Every role but plain text looks different from plain text, in both
 * columns, and names only real colours; monochrome uses no colour. */
static void test_every_role_rendered(void **state)
{
	(void)state;
	for (int c = 0; c <= 1; c++) {
		style normal = style_of(ROLE_NORMAL, c);
		for (int r = 0; r < ROLE_COUNT; r++) {
			style s = style_of((style_role)r, c);
			assert_true(color_valid(s.fg));
			assert_true(color_valid(s.bg));
			if (!c) {
				assert_int_equal(s.fg, STYLE_DEFAULT);
				assert_int_equal(s.bg, STYLE_DEFAULT);
			}
			/* Plain-looking roles: text itself, help body, pane
			 * borders and titles in monochrome, and quotes in
			 * monochrome (the gutter marks them). */
			bool may_be_plain = r == ROLE_NORMAL || r == ROLE_HELP ||
				(!c && (r == ROLE_BORDER || r == ROLE_PANE_TITLE ||
				        r == ROLE_QUOTE));
			if (!may_be_plain && style_equal(s, normal))
				print_error("role %s looks like plain text (%s)\n",
				            style_role_label((style_role)r),
				            c ? "colour" : "monochrome");
			assert_true(may_be_plain || !style_equal(s, normal));
		}
	}
}

static void test_entity_types_apart(void **state)
{
	(void)state;
	for (int c = 0; c <= 1; c++)
		for (size_t i = 0; i < N_ENTITY_ROLES; i++)
			for (size_t j = i + 1; j < N_ENTITY_ROLES; j++)
				assert_false(style_equal(style_of(entity_roles[i], c),
				                         style_of(entity_roles[j], c)));
}

/* In monochrome an entity never uses reverse video: that is the current
 * quote's, so a mention inside it would vanish. */
static void test_mono_entities_not_reverse(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_ENTITY_ROLES; i++)
		assert_int_equal(style_of(entity_roles[i], false).attrs & STYLE_REVERSE, 0);
	assert_true(style_of(ROLE_QUOTE_CURRENT, false).attrs & STYLE_REVERSE);
}

static void test_quotes_distinguishable(void **state)
{
	(void)state;
	for (int c = 0; c <= 1; c++) {
		assert_false(style_equal(style_of(ROLE_QUOTE, c),
		                         style_of(ROLE_QUOTE_CURRENT, c)));
		assert_false(style_equal(style_of(ROLE_SEARCH, c),
		                         style_of(ROLE_QUOTE_CURRENT, c)));
		assert_false(style_equal(style_of(ROLE_SELECTED, c),
		                         style_of(ROLE_QUOTE_CURRENT, c)));
		assert_false(style_equal(style_of(ROLE_SEARCH_CURRENT, c),
		                         style_of(ROLE_SEARCH, c)));
	}
	assert_true(style_of(ROLE_QUOTE, true).attrs & STYLE_UNDERLINE);
}

static void test_labels(void **state)
{
	(void)state;
	assert_string_equal(style_role_label(ROLE_ENT_PERSON), "entity PERSON");
	assert_string_equal(style_role_label(ROLE_QUOTE_CURRENT), "current quote's content");
	assert_string_equal(style_role_label(ROLE_NORMAL), "text");
	assert_string_equal(style_role_label(ROLE_COUNT), "unknown role");
	for (int r = 0; r < ROLE_COUNT; r++) {
		const char *l = style_role_label((style_role)r);
		assert_non_null(l);
		assert_true(strlen(l) > 0);
		for (int q = r + 1; q < ROLE_COUNT; q++)
			assert_string_not_equal(l, style_role_label((style_role)q));
	}
}

static void test_entity_role_lookup(void **state)
{
	(void)state;
	assert_int_equal(style_entity_role("PERSON"), ROLE_ENT_PERSON);
	assert_int_equal(style_entity_role("ORG"), ROLE_ENT_ORG);
	assert_int_equal(style_entity_role("GPE"), ROLE_ENT_GPE);
	assert_int_equal(style_entity_role("LOC"), ROLE_ENT_LOC);
	assert_int_equal(style_entity_role("NORP"), ROLE_ENT_NORP);
	assert_int_equal(style_entity_role("EVENT"), ROLE_ENT_EVENT);
	assert_int_equal(style_entity_role("DATE"), ROLE_ENT_DATE);
	assert_int_equal(style_entity_role("WORK"), ROLE_ENT_WORK);
	assert_int_equal(style_entity_role("MISC"), ROLE_ENT_MISC);
	assert_int_equal(style_entity_role("PRODUCT"), ROLE_ENT_OTHER);
	assert_int_equal(style_entity_role("person"), ROLE_ENT_OTHER);
	assert_int_equal(style_entity_role(""), ROLE_ENT_OTHER);
	assert_int_equal(style_entity_role(NULL), ROLE_ENT_OTHER);
}

/* Each type of the list has its role, its legend label and a look of its
 * own, in both columns. */
static void test_entity_types_from_list(void **state)
{
	(void)state;
	char label[64];

	for (size_t i = 0; i < N_ENTITY_ROLES; i++) {
		assert_int_equal(style_entity_role(entity_names[i]), entity_roles[i]);
		snprintf(label, sizeof label, "entity %s", entity_names[i]);
		assert_string_equal(style_role_label(entity_roles[i]), label);
		for (int c = 0; c <= 1; c++)
			assert_false(style_equal(style_of(entity_roles[i], c),
			                         style_of(ROLE_ENT_OTHER, c)));
	}
}

static void test_color_names(void **state)
{
	(void)state;
	assert_string_equal(style_color_name(STYLE_DEFAULT), "default");
	assert_string_equal(style_color_name(STYLE_BLACK), "black");
	assert_string_equal(style_color_name(STYLE_MAGENTA), "magenta");
	assert_string_equal(style_color_name(STYLE_WHITE), "white");
	assert_string_equal(style_color_name((style_color)42), "default");
}

/* The current quote's speaker, painted over its entity type, looks like no
 * mention of any type, in colour and in monochrome (it looked the same as
 * entity PERSON in both). */
static void test_speaker_stands_out(void **state)
{
	(void)state;
	for (int c = 0; c <= 1; c++) {
		for (size_t i = 0; i < N_ENTITY_ROLES + 1; i++) {
			style_role ri = i < N_ENTITY_ROLES ? entity_roles[i] : ROLE_ENT_OTHER;
			style spoken = render_compose(style_of(ri, c), style_of(ROLE_SPEAKER, c));
			for (size_t j = 0; j < N_ENTITY_ROLES + 1; j++) {
				style_role rj = j < N_ENTITY_ROLES ? entity_roles[j] : ROLE_ENT_OTHER;
				assert_false(style_equal(spoken, style_of(rj, c)));
			}
		}
	}
}

/* Source, cue and content of the current quote each look their own, and
 * none like the speaker's other mentions. */
static void test_attribution_parts_apart(void **state)
{
	(void)state;
	const style_role parts[] = { ROLE_QUOTE_CURRENT, ROLE_CUE, ROLE_SOURCE,
	                             ROLE_SPEAKER };
	size_t n = sizeof parts / sizeof parts[0];
	for (int c = 0; c <= 1; c++)
		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n; j++)
				assert_false(style_equal(style_of(parts[i], c),
				                         style_of(parts[j], c)));
	/* The problem mark is not plain text in either mode. */
	assert_true(style_of(ROLE_PROBLEM, false).attrs != 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_role_rendered),
		cmocka_unit_test(test_entity_types_apart),
		cmocka_unit_test(test_mono_entities_not_reverse),
		cmocka_unit_test(test_quotes_distinguishable),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_entity_role_lookup),
		cmocka_unit_test(test_entity_types_from_list),
		cmocka_unit_test(test_color_names),
		cmocka_unit_test(test_speaker_stands_out),
		cmocka_unit_test(test_attribution_parts_apart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
