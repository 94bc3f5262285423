/* test_keyscript.c - the key notation of `quoth snapshot --keys`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "keyscript.h"

/* Parses script, which must succeed, into ks. */
static void parse_ok(const char *script, keyscript *ks)
{
	char err[200] = "";
	int rc = keyscript_parse(script, ks, err, sizeof err);
	if (rc != 0)
		print_error("unexpected error for \"%s\": %s\n", script, err);
	assert_int_equal(rc, 0);
}

/* One key event from a script holding exactly one item. */
static int single_key(const char *script)
{
	keyscript ks;
	parse_ok(script, &ks);
	assert_int_equal(ks.n, 1);
	assert_int_equal(ks.events[0].type, INPUT_KEY);
	int key = ks.events[0].key;
	keyscript_free(&ks);
	return key;
}

/* The error message for a script that must fail. */
static void parse_err(const char *script, const char *expected)
{
	keyscript ks = { .events = NULL, .n = 99 };
	char err[200] = "";
	assert_int_equal(keyscript_parse(script, &ks, err, sizeof err), -1);
	assert_null(ks.events);
	assert_int_equal(ks.n, 0);
	if (strstr(err, expected) == NULL)
		print_error("\"%s\": got \"%s\", want \"%s\"\n", script, err, expected);
	assert_non_null(strstr(err, expected));
}

static void test_printable(void **state)
{
	(void)state;
	keyscript ks;
	parse_ok("]n/é日", &ks);
	assert_int_equal(ks.n, 5);
	assert_int_equal(ks.events[0].key, ']');
	assert_int_equal(ks.events[1].key, 'n');
	assert_int_equal(ks.events[2].key, '/');
	assert_int_equal(ks.events[3].key, 0xE9);
	assert_int_equal(ks.events[4].key, 0x65E5);
	for (size_t i = 0; i < ks.n; i++)
		assert_int_equal(ks.events[i].type, INPUT_KEY);
	keyscript_free(&ks);
}

static void test_empty(void **state)
{
	(void)state;
	keyscript ks;
	parse_ok("", &ks);
	assert_int_equal(ks.n, 0);
	keyscript_free(&ks);
	keyscript_free(NULL);
}

static void test_named_keys(void **state)
{
	(void)state;
	assert_int_equal(single_key("<Enter>"), QK_ENTER);
	assert_int_equal(single_key("<CR>"), QK_ENTER);
	assert_int_equal(single_key("<Tab>"), QK_TAB);
	assert_int_equal(single_key("<S-Tab>"), QK_BTAB);
	assert_int_equal(single_key("<Esc>"), QK_ESC);
	assert_int_equal(single_key("<Space>"), ' ');
	assert_int_equal(single_key("<Up>"), QK_UP);
	assert_int_equal(single_key("<Down>"), QK_DOWN);
	assert_int_equal(single_key("<Left>"), QK_LEFT);
	assert_int_equal(single_key("<Right>"), QK_RIGHT);
	assert_int_equal(single_key("<PgUp>"), QK_PGUP);
	assert_int_equal(single_key("<PgDn>"), QK_PGDN);
	assert_int_equal(single_key("<Home>"), QK_HOME);
	assert_int_equal(single_key("<End>"), QK_END);
	assert_int_equal(single_key("<F1>"), QK_F1);
	assert_int_equal(single_key("<BS>"), QK_BACKSPACE);
	assert_int_equal(single_key("<lt>"), '<');
	/* Names are case-insensitive. */
	assert_int_equal(single_key("<enter>"), QK_ENTER);
	assert_int_equal(single_key("<PGDN>"), QK_PGDN);
}

static void test_control_keys(void **state)
{
	(void)state;
	assert_int_equal(single_key("<C-d>"), 4);
	assert_int_equal(single_key("<C-D>"), 4);
	assert_int_equal(single_key("<c-u>"), 21);
	assert_int_equal(single_key("<C-[>"), 27);
	assert_int_equal(single_key("<C-@>"), 0);
}

static void test_resize(void **state)
{
	(void)state;
	keyscript ks;
	parse_ok("<resize 60x20>", &ks);
	assert_int_equal(ks.n, 1);
	assert_int_equal(ks.events[0].type, INPUT_RESIZE);
	assert_int_equal(ks.events[0].x, 60);
	assert_int_equal(ks.events[0].y, 20);
	keyscript_free(&ks);
}

static void test_mouse(void **state)
{
	(void)state;
	keyscript ks;
	parse_ok("<click 3 10><wheel-up 0 5><wheel-down 79 23><wheel-down>", &ks);
	assert_int_equal(ks.n, 4);
	assert_int_equal(ks.events[0].type, INPUT_CLICK);
	assert_int_equal(ks.events[0].x, 3);
	assert_int_equal(ks.events[0].y, 10);
	assert_int_equal(ks.events[1].type, INPUT_WHEEL_UP);
	assert_int_equal(ks.events[1].x, 0);
	assert_int_equal(ks.events[1].y, 5);
	assert_int_equal(ks.events[2].type, INPUT_WHEEL_DOWN);
	assert_int_equal(ks.events[2].x, 79);
	assert_int_equal(ks.events[2].y, 23);
	assert_int_equal(ks.events[3].type, INPUT_WHEEL_DOWN);
	assert_int_equal(ks.events[3].x, KEYSCRIPT_NO_CELL);
	assert_int_equal(ks.events[3].y, KEYSCRIPT_NO_CELL);
	keyscript_free(&ks);
}

static void test_sequence(void **state)
{
	(void)state;
	keyscript ks;
	parse_ok("]]<Tab>/Lav<Enter>n<lt>x", &ks);
	int want[] = { ']', ']', '\t', '/', 'L', 'a', 'v', '\n', 'n', '<', 'x' };
	assert_int_equal(ks.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < ks.n; i++)
		assert_int_equal(ks.events[i].key, want[i]);
	keyscript_free(&ks);
}

static void test_errors(void **state)
{
	(void)state;
	parse_err("ab<Foo>", "position 3: unknown key <Foo>");
	parse_err("<Enter", "position 1: '<' without a closing '>'");
	parse_err("x<a<Enter>", "position 2: '<' without a closing '>'");
	parse_err("<>", "position 1: empty key name");
	parse_err("é<resize 60>", "position 2: <resize> wants COLSxROWS");
	parse_err("<resize 0x20>", "position 1: <resize> wants");
	parse_err("<resize 60x20x>", "position 1: <resize> wants");
	parse_err("<resize 99999x20>", "position 1: <resize> wants");
	parse_err("<click 3>", "position 1: <click> wants a cell");
	parse_err("<click>", "position 1: <click> wants a cell");
	parse_err("]]<wheel-up 3>", "position 3: <wheel-up> wants nothing or a cell");
	parse_err("<C-1>", "position 1: no control key <C-1>");
	parse_err("<C-ab>", "position 1: unknown key <C-ab>");
	parse_err("ok\xff", "position 3: invalid UTF-8");
	parse_err("<aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa>", "key name too long");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_printable),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_named_keys),
		cmocka_unit_test(test_control_keys),
		cmocka_unit_test(test_resize),
		cmocka_unit_test(test_mouse),
		cmocka_unit_test(test_sequence),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
