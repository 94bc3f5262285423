/* Tests of the loader's messages for slips of layout (loader_layout.c
 * and the duplicate keys of loader_keys.c): a list item without its
 * "- " and a line indented otherwise than its siblings, each one error
 * saying so, where libyaml's words (or a "duplicate key" per key) misled;
 * and the layouts that are right or are other slips keep their messages. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "article_load.h"
#include "expect_diags.h"

/* The first diagnostic of bytes that must fail. */
static void expect_mem_first(const char *yaml, const char *message)
{
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("m.yaml", yaml, strlen(yaml), &a, &d), -1);
	assert_true(d.n >= 1);
	if (strcmp(d.items[0].message, message) != 0)
		print_message("  got %s\n", d.items[0].message);
	assert_string_equal(d.items[0].message, message);
	diag_list_free(&d);
}

static void test_item_under_the_keys_without_its_dash(void **state)
{
	(void)state;
	expect_one("missing-dash-keys.yaml", 10, 5, "key 'id' comes again (first "
	           "at line 7): a new entity starts here without its '- '; each "
	           "item of 'entities' starts with '- ', as in '- id: ...'");
}

static void test_item_under_the_dashes_without_its_dash(void **state)
{
	(void)state;
	expect_one("missing-dash-list.yaml", 12, 3, "this list item needs '- ' at "
	           "the start, like the item at line 10: write '- ' before its "
	           "first key");
}

static void test_line_indented_deeper_than_its_siblings(void **state)
{
	(void)state;
	expect_one("indent-deeper.yaml", 9, 6, "wrong indentation: this line is "
	           "indented 5 spaces, but the keys before it (line 8) are "
	           "indented 4: indent it as they are");
}

static void test_line_indented_less_than_its_siblings(void **state)
{
	(void)state;
	expect_one("indent-shallower.yaml", 12, 4, "wrong indentation: this line "
	           "is indented 3 spaces, but the keys before it (line 11) are "
	           "indented 4: indent it as they are");
}

/* Other slips keep their words: a duplicate key that is not an item's
 * first, a ': ' in a value, a key indented as the first of a new block. */
static void test_other_slips_keep_their_messages(void **state)
{
	(void)state;
	expect_mem_first("title: t\nbody: b\nentities:\n"
	                 "  - id: a\n    name: A\n    type: X\n    name: B\n",
	                 "duplicate key 'name' (first at line 5)");
	expect_mem_first("title: T: the story\nbody: b\n",
	                 "YAML syntax error: mapping values are not allowed in "
	                 "this context: a value that contains ': ' must be put in "
	                 "quotes");
	expect_mem_first("title: t\nbody: b\nquotes:\n  - text: x\n    speaker:\n"
	                 "      text: a: b\n",
	                 "YAML syntax error: mapping values are not allowed in "
	                 "this context: a value that contains ': ' must be put in "
	                 "quotes");
	expect_mem_first("title: t\nbody: b\nquotes:\n  - text: x\n    speaker: y\n"
	                 "  - text: a: b\n",
	                 "YAML syntax error: mapping values are not allowed in "
	                 "this context: a value that contains ': ' must be put in "
	                 "quotes");
	expect_mem_first("title: t\n body: b\n", "wrong indentation: this line is "
	                 "indented 1 space, but the keys before it (line 1) are "
	                 "indented 0: indent it as they are");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_item_under_the_keys_without_its_dash),
		cmocka_unit_test(test_item_under_the_dashes_without_its_dash),
		cmocka_unit_test(test_line_indented_deeper_than_its_siblings),
		cmocka_unit_test(test_line_indented_less_than_its_siblings),
		cmocka_unit_test(test_other_slips_keep_their_messages),
	};
	return cmocka_run_group_tests_name("loader_layout", tests, NULL, NULL);
}
