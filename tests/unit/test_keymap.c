/* test_keymap.c - the key table and the action list agree: every key maps
 * to its action, every action has a key and help text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "keymap.h"
#include "keys.h"

static void test_every_entry_maps_to_its_action(void **state)
{
	(void)state;
	assert_true(keymap_count() > 0);
	for (size_t i = 0; i < keymap_count(); i++) {
		keymap_entry e = keymap_entry_at(i);
		assert_true(e.act > ACT_NONE && e.act < ACT_COUNT);
		assert_int_equal(keymap_lookup(e.key), e.act);
	}
}

static void test_no_key_bound_twice(void **state)
{
	(void)state;
	for (size_t i = 0; i < keymap_count(); i++)
		for (size_t j = i + 1; j < keymap_count(); j++)
			assert_int_not_equal(keymap_entry_at(i).key, keymap_entry_at(j).key);
}

static void test_every_action_has_key_and_help(void **state)
{
	(void)state;
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		bool bound = false;
		for (size_t i = 0; i < keymap_count(); i++)
			bound |= keymap_entry_at(i).act == (action)a;
		if (!bound)
			fail_msg("action %s has no key", action_name((action)a));
		assert_true(strlen(action_help((action)a)) > 0);
		assert_true(strlen(action_keys((action)a)) > 0);
	}
}

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* Each key of the table is named in the help of its action (ignoring
 * case: the help writes Ctrl-L as people say it). */
static void test_help_keys_match_table(void **state)
{
	(void)state;
	char name[32];
	char keys[64];

	for (size_t i = 0; i < keymap_count(); i++) {
		keymap_entry e = keymap_entry_at(i);
		keymap_key_name(e.key, name, sizeof name);
		snprintf(keys, sizeof keys, "%s", action_keys(e.act));
		if (strcmp(name, "N") && strcmp(name, "M") && strcmp(name, "G")) {
			lower(name);
			lower(keys);
		}
		/* Find name as a whole word of the keys string. */
		bool found = false;
		size_t nl = strlen(name);
		for (const char *p = strstr(keys, name); p; p = strstr(p + 1, name)) {
			bool start = p == keys || p[-1] == ' ';
			bool end = p[nl] == '\0' || p[nl] == ' ';
			found |= start && end;
		}
		if (!found)
			fail_msg("key %s of %s is not in its help \"%s\"", name,
			         action_name(e.act), action_keys(e.act));
	}
}

static void test_specific_bindings(void **state)
{
	(void)state;
	assert_int_equal(keymap_lookup('q'), ACT_QUIT);
	assert_int_equal(keymap_lookup('j'), ACT_DOWN);
	assert_int_equal(keymap_lookup(QK_DOWN), ACT_DOWN);
	assert_int_equal(keymap_lookup(' '), ACT_PAGE_DOWN);
	assert_int_equal(keymap_lookup(QK_CTRL('d')), ACT_HALF_DOWN);
	assert_int_equal(keymap_lookup(QK_CTRL('u')), ACT_HALF_UP);
	assert_int_equal(keymap_lookup('G'), ACT_BOTTOM);
	assert_int_equal(keymap_lookup(QK_BTAB), ACT_FOCUS_PREV);
	assert_int_equal(keymap_lookup(']'), ACT_NEXT_QUOTE);
	assert_int_equal(keymap_lookup('\r'), ACT_ENTER);
	assert_int_equal(keymap_lookup(QK_ENTER_KEY), ACT_ENTER);
	assert_int_equal(keymap_lookup('M'), ACT_PREV_MENTION);
	assert_int_equal(keymap_lookup(QK_F1), ACT_HELP);
	assert_int_equal(keymap_lookup(QK_ESC), ACT_CLEAR);
	assert_int_equal(keymap_lookup(QK_CTRL('l')), ACT_REDRAW);
	assert_int_equal(keymap_lookup('x'), ACT_NONE);
	assert_int_equal(keymap_lookup(0), ACT_NONE);
}

static void test_help_lines(void **state)
{
	(void)state;
	char line[128];

	assert_int_equal(actions_help_count(), ACT_COUNT);
	for (size_t i = 0; i + 1 < actions_help_count(); i++) {
		actions_help_line(i, line, sizeof line);
		action a = (action)(i + 1);
		assert_non_null(strstr(line, action_keys(a)));
		assert_non_null(strstr(line, action_help(a)));
	}
	/* The help text starts in the same column on every line. */
	actions_help_line(0, line, sizeof line);
	size_t col = (size_t)(strstr(line, action_help((action)1)) - line);
	actions_help_line(5, line, sizeof line);
	assert_int_equal((size_t)(strstr(line, action_help((action)6)) - line), col);
	/* The last line is the mouse's. */
	actions_help_line(actions_help_count() - 1, line, sizeof line);
	assert_non_null(strstr(line, "mouse"));
	assert_non_null(strstr(line, "wheel scrolls"));
	assert_int_equal((size_t)(strstr(line, "click") - line), col);
	assert_string_equal(actions_help_line(9999, line, sizeof line), "");
	/* Truncation keeps a terminated string. */
	actions_help_line(0, line, 5);
	assert_int_equal(strlen(line), 4);
}

static void test_names(void **state)
{
	(void)state;
	char buf[16];

	assert_string_equal(action_name(ACT_NEXT_QUOTE), "NEXT_QUOTE");
	assert_string_equal(action_name(ACT_NONE), "NONE");
	assert_string_equal(action_name((action)9999), "NONE");
	assert_string_equal(action_keys(ACT_NONE), "");
	assert_string_equal(keymap_key_name(QK_CTRL('d'), buf, sizeof buf), "Ctrl-d");
	assert_string_equal(keymap_key_name(QK_PGDN, buf, sizeof buf), "PgDn");
	assert_string_equal(keymap_key_name('[', buf, sizeof buf), "[");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_entry_maps_to_its_action),
		cmocka_unit_test(test_no_key_bound_twice),
		cmocka_unit_test(test_every_action_has_key_and_help),
		cmocka_unit_test(test_help_keys_match_table),
		cmocka_unit_test(test_specific_bindings),
		cmocka_unit_test(test_help_lines),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
