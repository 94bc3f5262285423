/* Tests of UTF-8 decoding, validation, widths and placeholders. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "text.h"

static size_t validate(const char *s)
{
	return utf8_validate(s, strlen(s));
}

static void test_validate_accepts_valid_text(void **state)
{
	(void)state;
	assert_int_equal(validate("plain"), 5);
	assert_int_equal(validate("Łódź “quoted” 東京 😀"), strlen("Łódź “quoted” 東京 😀"));
}

static void test_validate_finds_first_bad_byte(void **state)
{
	(void)state;
	assert_int_equal(validate("ab\xC3"), 2);              /* truncated */
	assert_int_equal(validate("ab\xC3(z"), 2);            /* bad continuation */
	assert_int_equal(validate("x\xC0\xAF"), 1);           /* overlong '/' */
	assert_int_equal(validate("x\xE0\x80\xAF"), 1);       /* overlong, 3 bytes */
	assert_int_equal(validate("xy\xED\xA0\x80"), 2);      /* surrogate D800 */
	assert_int_equal(validate("\xF4\x90\x80\x80"), 0);    /* above U+10FFFF */
	assert_int_equal(validate("ok\xFE"), 2);
	assert_int_equal(validate("\xFF"), 0);
	assert_int_equal(validate("a\x80"), 1);               /* lone continuation */
}

/* Validation reads ASCII 8 bytes at a time: a bad byte, or a sequence cut
 * by the end, is found at every offset in long text, and a valid sequence
 * across a word's edge is accepted. */
static void test_validate_long_text_at_every_offset(void **state)
{
	(void)state;
	char s[64];
	for (size_t at = 0; at + 3 <= 40; at++) {
		memset(s, 'a', 40);
		s[40] = '\0';
		memcpy(s + at, "\xE2\x80\x9C", 3);        /* valid, any alignment */
		assert_int_equal(validate(s), 40);
		s[at + 2] = 'z';                            /* cut short */
		assert_int_equal(validate(s), at);
		memset(s, 'a', 40);
		s[at] = '\x80';                             /* lone continuation */
		assert_int_equal(validate(s), at);
		assert_int_equal(utf8_validate(s, at), at); /* bad byte past len */
		memset(s, 'a', 40);
		memcpy(s + at, "\xE2\x80", 2);              /* cut by the end */
		assert_int_equal(utf8_validate(s, at + 2), at);
	}
}

static void test_decode_and_encode_round_trip(void **state)
{
	(void)state;
	const uint32_t cps[] = { 0x41, 0xE9, 0x20AC, 0x6771, 0x1F600, 0x10FFFF };
	for (size_t k = 0; k < sizeof cps / sizeof cps[0]; k++) {
		char buf[4];
		size_t n = utf8_encode(cps[k], buf);
		uint32_t cp;
		assert_int_equal(utf8_decode(buf, n, 0, &cp), n);
		assert_int_equal(cp, cps[k]);
	}
}

static glyph next(const char *s, size_t *taken)
{
	glyph g;
	*taken = text_next(s, strlen(s), 0, &g);
	return g;
}

static void test_widths_follow_the_locale(void **state)
{
	(void)state;
	size_t n;
	glyph g = next("a", &n);
	assert_int_equal(g.width, 1);
	g = next("東", &n);
	assert_int_equal(n, 3);
	assert_int_equal(g.width, 2);
	g = next("\xCC\x81", &n);  /* combining acute */
	assert_int_equal(g.width, 0);
	assert_false(g.placeholder);
	assert_int_equal(text_width("e\xCC\x81t\xC3\xA9 東京", 12), 8);
}

static void test_controls_become_placeholders(void **state)
{
	(void)state;
	size_t n;
	glyph g = next("\x1b[2J", &n);
	assert_true(g.placeholder);
	assert_int_equal(g.cp, 0x241B);
	assert_int_equal(n, 1);
	g = next("\x7f", &n);
	assert_int_equal(g.cp, 0x2421);
	g = next("\xC2\x9B", &n);  /* C1 CSI */
	assert_true(g.placeholder);
	assert_int_equal(n, 2);
	assert_int_equal(g.cp, 0xFFFD);
	g = next("\xE2\x80\xAE", &n);  /* right-to-left override */
	assert_true(g.placeholder);
	assert_int_equal(n, 3);
	g = next("\xFF", &n);
	assert_true(g.placeholder);
	assert_int_equal(n, 1);
}

static void test_spaces_tabs_and_newlines(void **state)
{
	(void)state;
	size_t n;
	glyph g = next(" ", &n);
	assert_true(g.space);
	g = next("\t", &n);
	assert_true(g.space);
	assert_int_equal(g.cp, ' ');
	assert_false(g.placeholder);
	g = next("\n", &n);
	assert_true(g.newline);
	assert_int_equal(g.width, 0);
}

static void test_word_characters(void **state)
{
	(void)state;
	assert_true(text_is_word_char('a'));
	assert_true(text_is_word_char('7'));
	assert_false(text_is_word_char('\''));
	assert_false(text_is_word_char('-'));
	assert_true(text_is_word_char(0x0142));   /* ł */
	assert_true(text_is_word_char(0x0301));   /* combining acute */
	assert_true(text_is_word_char(0x0416));   /* Ж */
	assert_false(text_is_word_char(0xD7));    /* × */
	assert_false(text_is_word_char(0x2019));  /* ’ */
	assert_false(text_is_word_char(0x6771));  /* 東 stands alone */
	assert_false(text_is_word_char(0xA0));    /* no-break space */
}

/* Code points, counted eight bytes at a time and then one by one: the
 * same count as byte by byte wherever the multi-byte characters fall. */
static size_t count_slowly(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

static void test_utf8_count(void **state)
{
	(void)state;
	assert_int_equal(utf8_count("", 0), 0);
	assert_int_equal(utf8_count("abc", 3), 3);
	const char *mixed = "Zoë Ångström — 「東京」 \xF0\x9F\x99\x82 Łódź";
	size_t len = strlen(mixed);
	assert_int_equal(utf8_count(mixed, len), 26);
	for (size_t from = 0; from < len; from++) {
		for (size_t n = 0; from + n <= len; n++)
			assert_int_equal(utf8_count(mixed + from, n),
			                 count_slowly(mixed + from, n));
	}
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validate_accepts_valid_text),
		cmocka_unit_test(test_validate_finds_first_bad_byte),
		cmocka_unit_test(test_validate_long_text_at_every_offset),
		cmocka_unit_test(test_decode_and_encode_round_trip),
		cmocka_unit_test(test_widths_follow_the_locale),
		cmocka_unit_test(test_controls_become_placeholders),
		cmocka_unit_test(test_spaces_tabs_and_newlines),
		cmocka_unit_test(test_word_characters),
		cmocka_unit_test(test_utf8_count),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
