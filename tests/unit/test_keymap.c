/* test_keymap.c - the key table and the action list agree: every key maps
 * to its action, every action has a key and help text, and the help
 * shows every key of the table. */
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
	char keys[64];

	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		bool bound = false;
		for (size_t i = 0; i < keymap_count(); i++)
			bound |= keymap_entry_at(i).act == (action)a;
		if (!bound)
			fail_msg("action %s has no key", keymap_action_name((action)a));
		assert_true(strlen(keymap_action_help((action)a)) > 0);
		assert_true(strlen(keymap_action_keys((action)a, keys, sizeof keys)) > 0);
	}
}

/* Whether word is one of the space-separated words of s[0..len). */
static bool has_word(const char *s, size_t len, const char *word)
{
	size_t wl = strlen(word);
	for (size_t i = 0; i + wl <= len; i++)
		if (memcmp(s + i, word, wl) == 0 && (i == 0 || s[i - 1] == ' ')
		    && (i + wl == len || s[i + wl] == ' '))
			return true;
	return false;
}

/* Every binding of the table is shown on its action's help line, in the
 * keys column (before the help text): a key added to the table is in the
 * help without anyone writing it there, and none is left out. */
static void test_every_binding_in_help(void **state)
{
	(void)state;
	char name[32];
	char line[256];

	for (size_t i = 0; i < keymap_count(); i++) {
		keymap_entry e = keymap_entry_at(i);
		keymap_key_name(e.key, name, sizeof name);
		keymap_help_line((size_t)e.act - 1, line, sizeof line);
		const char *help = strstr(line, keymap_action_help(e.act));
		assert_non_null(help);
		if (!has_word(line, (size_t)(help - line), name))
			fail_msg("key %s of %s is not in its help line \"%s\"", name,
			         keymap_action_name(e.act), line);
	}
}

/* The keys column as people read it: the table's order, each name once. */
static void test_action_keys(void **state)
{
	(void)state;
	char buf[64];

	assert_string_equal(keymap_action_keys(ACT_DOWN, buf, sizeof buf), "j \u2193");
	assert_string_equal(keymap_action_keys(ACT_PAGE_DOWN, buf, sizeof buf), "Space PgDn");
	assert_string_equal(keymap_action_keys(ACT_FOCUS_PREV, buf, sizeof buf), "Shift-Tab");
	assert_string_equal(keymap_action_keys(ACT_ENTER, buf, sizeof buf), "Enter");
	assert_string_equal(keymap_action_keys(ACT_HELP, buf, sizeof buf), "? F1");
	assert_string_equal(keymap_action_keys(ACT_REDRAW, buf, sizeof buf), "Ctrl-l");
	assert_string_equal(keymap_action_keys(ACT_NONE, buf, sizeof buf), "");
	/* Cut between names, never inside one. */
	assert_string_equal(keymap_action_keys(ACT_PAGE_DOWN, buf, 8), "Space");
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
	char keys[64];

	assert_int_equal(keymap_help_count(), ACT_COUNT);
	for (size_t i = 0; i + 1 < keymap_help_count(); i++) {
		keymap_help_line(i, line, sizeof line);
		action a = (action)(i + 1);
		assert_non_null(strstr(line, keymap_action_keys(a, keys, sizeof keys)));
		assert_non_null(strstr(line, keymap_action_help(a)));
	}
	assert_string_equal(keymap_help_line(0, line, sizeof line),
	                    "  q             back to the library, or quit");
	/* The help text starts in the same display column on every line,
	 * arrows (3 bytes, 1 column) included. */
	assert_string_equal(keymap_help_line(1, line, sizeof line),
	                    "  j \u2193           scroll one line down, or next item in a list");
	keymap_help_line(0, line, sizeof line);
	size_t col = (size_t)(strstr(line, keymap_action_help((action)1)) - line);
	keymap_help_line(5, line, sizeof line);
	assert_int_equal((size_t)(strstr(line, keymap_action_help((action)6)) - line), col);
	/* The last line is the mouse's. */
	keymap_help_line(keymap_help_count() - 1, line, sizeof line);
	assert_non_null(strstr(line, "mouse"));
	assert_non_null(strstr(line, "wheel scrolls"));
	assert_int_equal((size_t)(strstr(line, "click") - line), col);
	assert_string_equal(keymap_help_line(9999, line, sizeof line), "");
	/* Truncation keeps a terminated string. */
	keymap_help_line(0, line, 5);
	assert_int_equal(strlen(line), 4);
}

static void test_names(void **state)
{
	(void)state;
	char buf[16];

	assert_string_equal(keymap_action_name(ACT_NEXT_QUOTE), "NEXT_QUOTE");
	assert_string_equal(keymap_action_name(ACT_NONE), "NONE");
	assert_string_equal(keymap_action_name((action)9999), "NONE");
	assert_string_equal(keymap_action_help(ACT_NONE), "");
	assert_string_equal(keymap_key_name(QK_DOWN, buf, sizeof buf), "\u2193");
	assert_string_equal(keymap_key_name(QK_BTAB, buf, sizeof buf), "Shift-Tab");
	assert_string_equal(keymap_key_name(' ', buf, sizeof buf), "Space");
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
		cmocka_unit_test(test_every_binding_in_help),
		cmocka_unit_test(test_action_keys),
		cmocka_unit_test(test_specific_bindings),
		cmocka_unit_test(test_help_lines),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
