/* test_config.c - the config file: every setting, every error with its
 * position and suggestion, applying it to the key and role tables, and
 * writing the settings back so that they parse to the same. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "keymap.h"
#include "keys.h"
#include "mem_out.h"

static long parse(const char *text, config *c, diag_list *d)
{
	*d = (diag_list){ 0 };
	return config_parse("cfg", text, strlen(text), c, d);
}

/* The one problem of text is at line:col and its message contains want. */
static void one_error(const char *text, int line, int col, const char *want)
{
	config c;
	diag_list d;
	assert_int_equal(parse(text, &c, &d), 1);
	assert_int_equal(d.n, 1);
	if (!strstr(d.items[0].message, want))
		fail_msg("'%s': got '%s', want '%s'", text, d.items[0].message, want);
	assert_int_equal(d.items[0].line, line);
	assert_int_equal(d.items[0].col, col);
	assert_string_equal(d.items[0].file, "cfg");
	config_free(&c);
	diag_list_free(&d);
}

static void test_every_setting(void **state)
{
	(void)state;
	config c;
	diag_list d;
	assert_int_equal(parse("# a comment\n\n"
	                       "color entity.PERSON magenta default bold underline\n"
	                       "mono quote-current reverse   # trailing comment\n"
	                       "bind x next-quote\n"
	                       "bind # help\n"
	                       "bind Ctrl-n NEXT_MENTION\n"
	                       "bind Down none\n"
	                       "set color never\n"
	                       "hide DATE NORP\n", &c, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(c.n_looks, 2);
	assert_int_equal(c.looks[0].role, ROLE_ENT_PERSON);
	assert_true(c.looks[0].color);
	assert_int_equal(c.looks[0].look.fg, STYLE_MAGENTA);
	assert_int_equal(c.looks[0].look.bg, STYLE_DEFAULT);
	assert_int_equal(c.looks[0].look.attrs, STYLE_BOLD | STYLE_UNDERLINE);
	assert_int_equal(c.looks[1].role, ROLE_QUOTE_CURRENT);
	assert_false(c.looks[1].color);
	assert_int_equal(c.looks[1].look.attrs, STYLE_REVERSE);
	assert_int_equal(c.n_binds, 4);
	assert_int_equal(c.binds[0].key, 'x');
	assert_int_equal(c.binds[0].act, ACT_NEXT_QUOTE);
	assert_int_equal(c.binds[1].key, '#');
	assert_int_equal(c.binds[1].act, ACT_HELP);
	assert_int_equal(c.binds[2].key, QK_CTRL('n'));
	assert_int_equal(c.binds[2].act, ACT_NEXT_MENTION);
	assert_int_equal(c.binds[3].key, QK_DOWN);
	assert_int_equal(c.binds[3].act, ACT_NONE);
	assert_int_equal(c.color_mode, CONFIG_COLOR_NEVER);
	assert_int_equal(c.n_hidden, 2);
	assert_string_equal(c.hidden[0], "DATE");
	assert_string_equal(c.hidden[1], "NORP");
	config_free(&c);
	diag_list_free(&d);
}

static void test_every_error(void **state)
{
	(void)state;
	one_error("colr quote red default\n", 1, 1,
	          "unknown setting 'colr' (color, mono, bind, set or hide); did you mean 'color'?");
	one_error("\ncolor quote red\n", 2, 1, "'color' needs ROLE FG BG [ATTR...]");
	one_error("mono\n", 1, 1, "'mono' needs ROLE [ATTR...]");
	one_error("color entity.PERSNO red default\n", 1, 7,
	          "unknown role 'entity.PERSNO'; did you mean 'entity.PERSON'?");
	one_error("color quote rde default\n", 1, 13, "did you mean 'red'?");
	one_error("color quote red defualt\n", 1, 17, "did you mean 'default'?");
	one_error("color quote red default blod\n", 1, 25,
	          "unknown attribute 'blod' (bold, underline, reverse, dim, italic or "
	          "normal); did you mean 'bold'?");
	one_error("  bind\n", 1, 3, "'bind' needs KEY ACTION");
	one_error("bind x quit now\n", 1, 13, "'bind' takes KEY ACTION: 'now' is one word too many");
	one_error("bind Spcae quit\n", 1, 6, "unknown key 'Spcae'");
	one_error("bind Spcae quit\n", 1, 6, "did you mean 'Space'?");
	one_error("bind x nxet-quote\n", 1, 8,
	          "unknown action 'nxet-quote'; did you mean 'next-quote'?");
	one_error("set\n", 1, 1, "'set' needs OPTION VALUE");
	one_error("set colour never\n", 1, 5, "unknown option 'colour' (color); did you mean 'color'?");
	one_error("set color\n", 1, 5, "'color' needs one value: auto, always or never");
	one_error("set color nevr\n", 1, 11,
	          "unknown colour mode 'nevr' (auto, always or never); did you mean 'never'?");
	one_error("hide\n", 1, 1, "'hide' needs at least one entity TYPE");
	one_error("hide person\n", 1, 6, "'person' is no entity type");
	one_error("color a b c d e f g h i j k l m n o p q\n", 1, 1, "more than 16 words");
	/* Columns count characters, not bytes. */
	one_error("bind é nothing\n", 1, 8, "unknown action 'nothing'");
}

/* A bad line does not stop the rest; each problem has its own line, and
 * the excerpt is attached. */
static void test_errors_keep_the_rest(void **state)
{
	(void)state;
	config c;
	diag_list d;
	assert_int_equal(parse("bind x quit\nfoo\nbind y quit\nbar baz\n", &c, &d), 2);
	assert_int_equal(c.n_binds, 2);
	assert_int_equal(d.items[0].line, 2);
	assert_int_equal(d.items[1].line, 4);
	assert_non_null(d.items[1].excerpt);
	assert_string_equal(d.items[1].excerpt, "bar baz");
	config_free(&c);
	diag_list_free(&d);
}

static void test_load_file(void **state)
{
	(void)state;
	config c;
	diag_list d = { 0 };
	assert_int_equal(config_load_file("build/no/such/config", true, &c, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(config_load_file("build/no/such/config", false, &c, &d), 1);
	assert_non_null(strstr(d.items[0].message, "cannot read the config file"));
	diag_list_free(&d);
	char buf[64];
	assert_string_equal(config_default_path("/x", "/h", buf, sizeof buf), "/x/quoth/config");
	assert_string_equal(config_default_path("", "/h", buf, sizeof buf),
	                    "/h/.config/quoth/config");
	assert_null(config_default_path(NULL, NULL, buf, sizeof buf));
	assert_null(config_default_path("/a/long/directory/name", NULL, buf, 8));
}

/* ---- applying it ----------------------------------------------------- */

static void test_bind_changes_the_live_table(void **state)
{
	(void)state;
	char keys[64], line[128];
	keymap_reset();
	size_t n = keymap_count();
	assert_int_equal(keymap_bind('x', ACT_NEXT_QUOTE), 0);   /* appended */
	assert_int_equal(keymap_count(), n + 1);
	assert_int_equal(keymap_lookup('x'), ACT_NEXT_QUOTE);
	assert_string_equal(keymap_action_keys(ACT_NEXT_QUOTE, keys, sizeof keys), "] x");
	/* The help is read from the table in force. */
	keymap_help_line(ACT_NEXT_QUOTE - 1, line, sizeof line);
	assert_non_null(strstr(line, "] x"));
	assert_int_equal(keymap_bind('j', ACT_UP), 0);           /* in place */
	assert_int_equal(keymap_entry_at(1).key, 'j');
	assert_int_equal(keymap_lookup('j'), ACT_UP);
	assert_int_equal(keymap_bind('q', ACT_NONE), 0);         /* removed */
	assert_int_equal(keymap_lookup('q'), ACT_NONE);
	assert_int_equal(keymap_count(), n);
	assert_int_equal(keymap_entry_at(0).key, 'j');
	assert_int_equal(keymap_bind('z', (action)ACT_COUNT), -1);
	for (int k = 0; k < KEYMAP_MAX; k++)
		keymap_bind(0x4e00 + k, ACT_HELP);
	assert_int_equal(keymap_count(), KEYMAP_MAX);
	assert_int_equal(keymap_bind('@', ACT_HELP), -1);        /* full */
	keymap_reset();
	assert_int_equal(keymap_lookup('q'), ACT_QUIT);
	assert_int_equal(keymap_count(), n);
}

static void test_key_and_action_names(void **state)
{
	(void)state;
	assert_int_equal(keymap_key_from_name("Space"), ' ');
	assert_int_equal(keymap_key_from_name("\u2193"), QK_DOWN);
	assert_int_equal(keymap_key_from_name("down"), QK_DOWN);
	assert_int_equal(keymap_key_from_name("Ctrl-L"), QK_CTRL('l'));
	assert_int_equal(keymap_key_from_name("U+00E9"), 0xe9);
	assert_int_equal(keymap_key_from_name("\xc3\xa9"), 0xe9);
	assert_int_equal(keymap_key_from_name("F1"), QK_F1);
	assert_int_equal(keymap_key_from_name("ab"), -1);
	assert_int_equal(keymap_key_from_name("Ctrl-1"), -1);
	assert_int_equal(keymap_key_from_name("U+zz"), -1);
	assert_int_equal(keymap_action_from_name("next-quote"), ACT_NEXT_QUOTE);
	assert_int_equal(keymap_action_from_name("Next_Quote"), ACT_NEXT_QUOTE);
	assert_int_equal(keymap_action_from_name("none"), ACT_NONE);
	assert_int_equal(keymap_action_from_name("next-quot"), -1);
	assert_int_equal(keymap_action_from_name("next-quotes"), -1);
	/* Every key of the table reads back from its name to a key of the same
	 * name (the three Enter codes are one name). */
	for (size_t i = 0; i < keymap_count(); i++) {
		char a[32], b[32];
		keymap_entry e = keymap_entry_at(i);
		int back = keymap_key_from_name(keymap_key_name(e.key, a, sizeof a));
		assert_true(back > 0);
		assert_string_equal(keymap_key_name(back, b, sizeof b), a);
	}
}

static void test_apply_and_roles(void **state)
{
	(void)state;
	config c;
	diag_list d;
	char name[64];
	assert_int_equal(parse("color title red blue italic\nmono title dim\nbind x quit\n"
	                       "color message red default underline\n", &c, &d), 0);
	assert_int_equal(config_apply(&c), 0);
	style s = style_of(ROLE_TITLE, true);
	assert_int_equal(s.fg, STYLE_RED);
	assert_int_equal(s.bg, STYLE_BLUE);
	assert_int_equal(s.attrs, STYLE_ITALIC);
	assert_int_equal(style_of(ROLE_TITLE, false).attrs, STYLE_DIM);
	assert_int_equal(style_of(ROLE_STATUS, true).attrs, style_default(ROLE_STATUS, true).attrs);
	/* A color line leaves the role's monochrome look alone. */
	assert_int_equal(style_of(ROLE_MESSAGE, true).attrs, STYLE_UNDERLINE);
	assert_int_equal(style_of(ROLE_MESSAGE, false).attrs,
	                 style_default(ROLE_MESSAGE, false).attrs);
	assert_int_equal(keymap_lookup('x'), ACT_QUIT);
	style_reset();
	keymap_reset();
	assert_int_equal(style_of(ROLE_TITLE, true).fg, STYLE_DEFAULT);
	config_free(&c);
	diag_list_free(&d);
	/* Every role has a name that reads back to it. */
	for (int r = 0; r < ROLE_COUNT; r++)
		assert_int_equal(style_role_from_name(style_role_name((style_role)r, name,
		                                                      sizeof name)), r);
	assert_string_equal(style_role_name(ROLE_PANE_FOCUSED, name, sizeof name), "pane-focused");
	assert_string_equal(style_role_name(ROLE_ENT_GPE, name, sizeof name), "entity.GPE");
	assert_string_equal(style_role_name(ROLE_ENT_OTHER, name, sizeof name), "entity.other");
}

/* ---- writing it back ----------------------------------------------- */

static char *written(const char *mode)
{
	mem_out m;
	assert_int_equal(config_write(mem_out_open(&m), mode), 0);
	return mem_out_close(&m);
}

/* The dump parses without a problem and, applied, writes itself again:
 * from the defaults, and from a changed table (a key removed, one added,
 * one rebound, a look changed). */
static void test_dump_round_trip(void **state)
{
	(void)state;
	const char *changes[] = {
		"",
		"bind q none\nbind x help\nbind j up\ncolor quote red green bold dim\n"
		"mono help underline\n",
	};
	for (size_t i = 0; i < 2; i++) {
		config c;
		diag_list d;
		assert_int_equal(parse(changes[i], &c, &d), 0);
		config_apply(&c);
		config_free(&c);
		char *first = written("never");
		style_reset();
		keymap_reset();
		assert_int_equal(parse(first, &c, &d), 0);
		assert_int_equal(c.color_mode, CONFIG_COLOR_NEVER);
		config_apply(&c);
		char *second = written("never");
		assert_string_equal(second, first);
		if (i == 1)
			assert_non_null(strstr(first, "bind q none\n"));
		config_free(&c);
		diag_list_free(&d);
		free(first);
		free(second);
		style_reset();
		keymap_reset();
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_setting),
		cmocka_unit_test(test_every_error),
		cmocka_unit_test(test_errors_keep_the_rest),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_bind_changes_the_live_table),
		cmocka_unit_test(test_key_and_action_names),
		cmocka_unit_test(test_apply_and_roles),
		cmocka_unit_test(test_dump_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
