/* test_layout.c - wrapping, paragraphs, positions and laziness of layout. */
#include <limits.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout.h"
#include "text.h"

/* ---- helpers -------------------------------------------------------- */

/* Checks that paragraph para of lay spans bytes [start, end). */
static void expect_span(const layout *lay, size_t para, size_t start, size_t end)
{
	size_t s, e;
	layout_para_span(lay, para, &s, &e);
	assert_int_equal(s, start);
	assert_int_equal(e, end);
}

/* Checks that paragraph para of lay shows exactly the rows in want (the
 * separator row, if any, is not listed). */
static void expect_rows(layout *lay, const char *text, size_t para,
                        const char *const *want, size_t n_want)
{
	size_t n = layout_para_rows(lay, para);
	bool has_sep = para + 1 < layout_para_count(lay);
	assert_int_equal(n, n_want + has_sep);
	for (size_t r = 0; r < n_want; r++) {
		layout_row row;
		assert_true(layout_row_at(lay, (layout_pos){ para, r }, &row));
		assert_false(row.blank);
		size_t len = row.end - row.start;
		char got[256];
		assert_true(len < sizeof got);
		memcpy(got, text + row.start, len);
		got[len] = '\0';
		assert_string_equal(got, want[r]);
	}
	if (has_sep) {
		layout_row row;
		assert_true(layout_row_at(lay, (layout_pos){ para, n_want }, &row));
		assert_true(row.blank);
		assert_int_equal(row.start, row.end);
	}
}

/* Wraps text into one paragraph at width and checks its rows. */
static void check_wrap(const char *text, int width, const char *const *want,
                       size_t n_want)
{
	layout *lay = layout_new(text, strlen(text), width);
	assert_non_null(lay);
	assert_int_equal(layout_para_count(lay), 1);
	expect_rows(lay, text, 0, want, n_want);
	layout_free(lay);
}

#define ROWS(...) (const char *const[]){ __VA_ARGS__ }, \
	sizeof((const char *const[]){ __VA_ARGS__ }) / sizeof(const char *)

static bool pos_eq(layout_pos a, layout_pos b)
{
	return a.para == b.para && a.row == b.row;
}

#define assert_pos(p, want_para, want_row) do { \
	layout_pos p_ = (p); \
	assert_int_equal(p_.para, (want_para)); \
	assert_int_equal(p_.row, (want_row)); \
} while (0)

/* ---- wrapping ------------------------------------------------------- */

static void test_wraps_at_spaces(void **state)
{
	(void)state;
	check_wrap("the quick brown fox", 10, ROWS("the quick", "brown fox"));
	/* A row may fill the width exactly. */
	check_wrap("abcde fghij", 5, ROWS("abcde", "fghij"));
	check_wrap("abcde fghij", 11, ROWS("abcde fghij"));
	/* Tabs are spaces: break opportunities of their own width. */
	check_wrap("ab\tcd\tef", 5, ROWS("ab\tcd", "ef"));
}

static const char known[] =
	"Officials said on Tuesday that the new bridge would open in March, "
	"two years later than planned.";

static void test_known_paragraph_width_10(void **state)
{
	(void)state;
	check_wrap(known, 10, ROWS("Officials", "said on", "Tuesday", "that the",
	                           "new bridge", "would open", "in March,",
	                           "two years", "later than", "planned."));
}

static void test_known_paragraph_width_20(void **state)
{
	(void)state;
	check_wrap(known, 20, ROWS("Officials said on", "Tuesday that the new",
	                           "bridge would open in", "March, two years",
	                           "later than planned."));
}

static void test_known_paragraph_width_80(void **state)
{
	(void)state;
	check_wrap(known, 80,
	           ROWS("Officials said on Tuesday that the new bridge would "
	                "open in March, two years",
	                "later than planned."));
}

static void test_spaces_at_wrap_belong_to_no_row(void **state)
{
	(void)state;
	const char *text = "aaa    bbb";
	layout *lay = layout_new(text, strlen(text), 5);
	expect_rows(lay, text, 0, ROWS("aaa", "bbb"));
	layout_row row;
	assert_true(layout_row_at(lay, (layout_pos){ 0, 1 }, &row));
	assert_int_equal(row.start, 7);
	/* An offset inside the dropped spaces shows on the row before them. */
	for (size_t o = 3; o < 7; o++)
		assert_pos(layout_pos_of_offset(lay, o), 0, 0);
	layout_free(lay);
}

static void test_indentation(void **state)
{
	(void)state;
	/* Kept when it fits, dropped when it alone would overflow the row. */
	check_wrap("  word", 80, ROWS("  word"));
	check_wrap("      ab", 4, ROWS("ab"));
	/* A wide character after indentation never overflows the row. */
	check_wrap("  \xe7\x95\x8c", 3, ROWS("\xe7\x95\x8c"));
}

static void test_long_word_split(void **state)
{
	(void)state;
	check_wrap("abcdefghijklmnopqrstuvwxyz", 10,
	           ROWS("abcdefghij", "klmnopqrst", "uvwxyz"));
	/* The long word starts a row of its own before being split. */
	check_wrap("ab abcdefghijklmno", 10, ROWS("ab", "abcdefghij", "klmno"));
	check_wrap("abcdefghijklmno xy", 10, ROWS("abcdefghij", "klmno xy"));
}

static void test_width_one(void **state)
{
	(void)state;
	check_wrap("ab c", 1, ROWS("a", "b", "c"));
	/* A wide character cannot fit: it takes a row of its own and
	 * overflows it rather than moving on for ever. */
	check_wrap("a\xe7\x95\x8c" "b", 1, ROWS("a", "\xe7\x95\x8c", "b"));
	check_wrap("\xe7\x95\x8c\xe7\x95\x8c", 1,
	           ROWS("\xe7\x95\x8c", "\xe7\x95\x8c"));
	/* Width 0 or less is taken as 1. */
	layout *lay = layout_new("ab", 2, 0);
	assert_int_equal(layout_width(lay), 1);
	assert_int_equal(layout_para_rows(lay, 0), 2);
	layout_free(lay);
}

static void test_wide_cjk(void **state)
{
	(void)state;
	/* 日本語のテキスト: eight characters, two columns each.  At width 5
	 * two fit in a row and the fifth column stays empty. */
	const char *text = "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae"
	                   "\xe3\x83\x86\xe3\x82\xad\xe3\x82\xb9\xe3\x83\x88";
	check_wrap(text, 5, ROWS("\xe6\x97\xa5\xe6\x9c\xac",
	                         "\xe8\xaa\x9e\xe3\x81\xae",
	                         "\xe3\x83\x86\xe3\x82\xad",
	                         "\xe3\x82\xb9\xe3\x83\x88"));
	check_wrap(text, 6, ROWS("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",
	                         "\xe3\x81\xae\xe3\x83\x86\xe3\x82\xad",
	                         "\xe3\x82\xb9\xe3\x83\x88"));
	/* After a narrow character the wide one goes to the next row. */
	check_wrap("a\xe6\x97\xa5\xe6\x9c\xac", 2,
	           ROWS("a", "\xe6\x97\xa5", "\xe6\x9c\xac"));
}

static void test_combining_marks_stay_with_base(void **state)
{
	(void)state;
	/* e + U+0301 three times: three columns, nine bytes. */
	const char *text = "e\xcc\x81" "e\xcc\x81" "e\xcc\x81";
	check_wrap(text, 2, ROWS("e\xcc\x81" "e\xcc\x81", "e\xcc\x81"));
	check_wrap(text, 1, ROWS("e\xcc\x81", "e\xcc\x81", "e\xcc\x81"));
	check_wrap(text, 3, ROWS("e\xcc\x81" "e\xcc\x81" "e\xcc\x81"));
	/* The mark after a wide character at width 1 stays with it too. */
	check_wrap("\xe7\x95\x8c\xcc\x81" "a", 1, ROWS("\xe7\x95\x8c\xcc\x81", "a"));
}

static void test_controls_take_placeholder_width(void **state)
{
	(void)state;
	int pw = text_width("\x01", 1);
	assert_true(pw >= 1);
	/* Four controls at the width of two placeholders: two rows. */
	check_wrap("\x01\x02\x03\x04", 2 * pw, ROWS("\x01\x02", "\x03\x04"));
	/* U+202E RIGHT-TO-LEFT OVERRIDE is shown as a placeholder too. */
	int bw = text_width("\xe2\x80\xae", 3);
	assert_true(bw >= 1);
	check_wrap("\xe2\x80\xae" "a\xe2\x80\xae" "b", 2 * bw,
	           ROWS("\xe2\x80\xae" "a", "\xe2\x80\xae" "b"));
	/* Carriage returns are not line breaks. */
	check_wrap("ab\rcd", 80, ROWS("ab\rcd"));
}

static void test_hard_line_breaks(void **state)
{
	(void)state;
	const char *text = "one\ntwo three\n  four";
	layout *lay = layout_new(text, strlen(text), 80);
	assert_int_equal(layout_para_count(lay), 1);
	expect_rows(lay, text, 0, ROWS("one", "two three", "  four"));
	/* The '\n' ends the row before it. */
	assert_pos(layout_pos_of_offset(lay, 3), 0, 0);
	assert_pos(layout_pos_of_offset(lay, 4), 0, 1);
	layout_free(lay);
	/* Lines break on their own at the width, too. */
	check_wrap("aa bb\ncc dd", 2, ROWS("aa", "bb", "cc", "dd"));
	/* Trailing spaces before a hard break are not shown. */
	check_wrap("aa   \nbb", 80, ROWS("aa", "bb"));
}

/* ---- paragraphs ----------------------------------------------------- */

static void test_multiple_blank_lines(void **state)
{
	(void)state;
	const char *text = "first one\n\n\n   \n\t\n\nsecond\n \nthird";
	layout *lay = layout_new(text, strlen(text), 80);
	assert_int_equal(layout_para_count(lay), 3);
	expect_span(lay, 0, 0, 9);
	expect_span(lay, 1, 19, 25);
	expect_span(lay, 2, 28, strlen(text));
	expect_rows(lay, text, 0, ROWS("first one"));
	expect_rows(lay, text, 1, ROWS("second"));
	expect_rows(lay, text, 2, ROWS("third"));
	/* Offsets in a separator show on the last row before it. */
	assert_pos(layout_pos_of_offset(lay, 12), 0, 0);
	layout_free(lay);
}

static void test_outer_blank_lines_ignored(void **state)
{
	(void)state;
	const char *text = "\n \n  text here\nmore\n\n\t\n";
	layout *lay = layout_new(text, strlen(text), 80);
	assert_int_equal(layout_para_count(lay), 1);
	expect_span(lay, 0, 3, 19);
	expect_rows(lay, text, 0, ROWS("  text here", "more"));
	/* Before the text: the first row; after it: the last. */
	assert_pos(layout_pos_of_offset(lay, 0), 0, 0);
	assert_pos(layout_pos_of_offset(lay, 21), 0, 1);
	assert_pos(layout_pos_of_offset(lay, strlen(text)), 0, 1);
	assert_pos(layout_last(lay), 0, 1);
	layout_free(lay);
}

static void check_no_rows(layout *lay)
{
	assert_non_null(lay);
	assert_int_equal(layout_para_count(lay), 0);
	assert_int_equal(layout_para_rows(lay, 0), 0);
	layout_row row;
	assert_false(layout_row_at(lay, layout_first(lay), &row));
	assert_pos(layout_first(lay), 0, 0);
	assert_pos(layout_last(lay), 0, 0);
	assert_pos(layout_pos_of_offset(lay, 0), 0, 0);
	assert_pos(layout_pos_of_offset(lay, 3), 0, 0);
	long moved = 99;
	assert_pos(layout_advance(lay, layout_first(lay), 5, &moved), 0, 0);
	assert_int_equal(moved, 0);
	assert_pos(layout_advance(lay, layout_first(lay), -5, &moved), 0, 0);
	assert_int_equal(moved, 0);
	assert_int_equal(layout_wrapped_count(lay), 0);
}

static void test_empty_body(void **state)
{
	(void)state;
	layout *lay = layout_new("", 0, 80);
	check_no_rows(lay);
	assert_int_equal(layout_offset_of_pos(lay, layout_first(lay)), 0);
	layout_free(lay);
	lay = layout_new(NULL, 0, 80);
	check_no_rows(lay);
	layout_free(lay);
	layout_free(NULL);
}

static void test_only_blank_lines(void **state)
{
	(void)state;
	const char *text = "\n  \n\t\n\n   ";
	layout *lay = layout_new(text, strlen(text), 80);
	check_no_rows(lay);
	layout_free(lay);
}

/* ---- positions ------------------------------------------------------ */

/* Paragraphs, hard breaks, wide characters, combining marks, a control
 * and runs of spaces: everything that moves a row boundary. */
static const char sample[] =
	"\n  Lead paragraph with some words, and a longwordthatmustbesplit.\n"
	"Second line \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e text caf"
	"e\xcc\x81 ok\n"
	"\n \n"
	"He said \xe2\x80\x9c" "it is   fine\x01\xe2\x80\x9d today.\n\n"
	"x\n";

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Every row fits (or is a lone overflowing unit), has no spaces at its
 * ends, and rows come in order without overlapping. */
static void check_rows_sane(layout *lay, const char *text, int width)
{
	layout_pos p = layout_first(lay);
	size_t prev_end = 0;
	long moved = 1;
	while (moved == 1) {
		layout_row row;
		assert_true(layout_row_at(lay, p, &row));
		if (!row.blank) {
			assert_true(row.start < row.end);
			assert_true(row.start >= prev_end);
			assert_false(is_space(text[row.end - 1]));
			int w = text_width(text + row.start, row.end - row.start);
			glyph g;
			size_t n = text_next(text, row.end, row.start, &g);
			bool lone = text_width(text + row.start + n,
			                       row.end - row.start - n) == 0;
			assert_true(w <= width || lone);
			prev_end = row.end;
		}
		p = layout_advance(lay, p, 1, &moved);
	}
}

/* Every byte but spaces and newlines is shown in exactly one row; spaces
 * in at most one and newlines in none. */
static void check_rows_cover(layout *lay, const char *text, size_t len)
{
	char *seen = calloc(len + 1, 1);
	assert_non_null(seen);
	layout_pos p = layout_first(lay);
	long moved = 1;
	while (moved == 1) {
		layout_row row;
		assert_true(layout_row_at(lay, p, &row));
		for (size_t i = row.start; i < row.end; i++)
			seen[i]++;
		p = layout_advance(lay, p, 1, &moved);
	}
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\n')
			assert_int_equal(seen[i], 0);
		else if (is_space(text[i]))
			assert_true(seen[i] <= 1);
		else
			assert_int_equal(seen[i], 1);
	}
	free(seen);
}

static void check_round_trips(layout *lay, size_t len)
{
	/* Row -> offset -> row, for every text row. */
	layout_pos p = layout_first(lay);
	long moved = 1;
	while (moved == 1) {
		layout_row row;
		assert_true(layout_row_at(lay, p, &row));
		size_t off = layout_offset_of_pos(lay, p);
		if (!row.blank) {
			assert_int_equal(off, row.start);
			assert_true(pos_eq(layout_pos_of_offset(lay, off), p));
		} else {
			/* A separator's offset is the next paragraph's start. */
			assert_pos(layout_pos_of_offset(lay, off), p.para + 1, 0);
		}
		p = layout_advance(lay, p, 1, &moved);
	}
	/* Offset -> row: the row starts at or before it, the next text row
	 * after it. */
	for (size_t o = 0; o < len; o++) {
		layout_pos q = layout_pos_of_offset(lay, o);
		layout_row row;
		assert_true(layout_row_at(lay, q, &row));
		assert_false(row.blank);
		layout_pos next = layout_advance(lay, q, 1, &moved);
		if (moved == 1) {
			layout_row nrow;
			assert_true(layout_row_at(lay, next, &nrow));
			if (row.start <= o)
				assert_true(o < nrow.start);
			else  /* only blank lines before the first paragraph */
				assert_true(pos_eq(q, layout_first(lay)));
		}
	}
}

static void test_offset_pos_round_trips(void **state)
{
	(void)state;
	size_t len = strlen(sample);
	for (int width = 1; width <= 90; width++) {
		layout *lay = layout_new(sample, len, width);
		assert_int_equal(layout_para_count(lay), 3);
		check_rows_sane(lay, sample, width);
		check_rows_cover(lay, sample, len);
		check_round_trips(lay, len);
		layout_free(lay);
	}
}

static void test_offset_of_pos_out_of_range(void **state)
{
	(void)state;
	const char *text = "ab\n\ncd";
	layout *lay = layout_new(text, strlen(text), 80);
	assert_int_equal(layout_offset_of_pos(lay, (layout_pos){ 0, 1 }), 4);
	assert_int_equal(layout_offset_of_pos(lay, (layout_pos){ 1, 0 }), 4);
	assert_int_equal(layout_offset_of_pos(lay, (layout_pos){ 1, 1 }), 6);
	assert_int_equal(layout_offset_of_pos(lay, (layout_pos){ 7, 0 }), 6);
	layout_row row;
	assert_false(layout_row_at(lay, (layout_pos){ 1, 1 }, &row));
	assert_false(layout_row_at(lay, (layout_pos){ 2, 0 }, &row));
	layout_free(lay);
}

/* ---- moving --------------------------------------------------------- */

/* At width 1: paragraph 0 has rows a b c + separator, paragraph 1 has
 * d e + separator, paragraph 2 has f: eight rows in all. */
static const char three[] = "a b c\n\nd e\n\n\nf";

static void test_advance_across_paragraphs(void **state)
{
	(void)state;
	layout *lay = layout_new(three, strlen(three), 1);
	long moved = 0;
	layout_pos p = layout_advance(lay, layout_first(lay), 5, &moved);
	assert_pos(p, 1, 1);
	assert_int_equal(moved, 5);
	p = layout_advance(lay, p, 2, &moved);
	assert_pos(p, 2, 0);
	assert_int_equal(moved, 2);
	p = layout_advance(lay, p, -4, &moved);
	assert_pos(p, 0, 3);   /* the separator row after paragraph 0 */
	assert_int_equal(moved, -4);
	p = layout_advance(lay, p, 1, &moved);
	assert_pos(p, 1, 0);
	p = layout_advance(lay, p, 0, &moved);
	assert_pos(p, 1, 0);
	assert_int_equal(moved, 0);
	/* Row by row, down and then up, visits all eight rows. */
	p = layout_first(lay);
	for (int i = 0; i < 7; i++) {
		p = layout_advance(lay, p, 1, &moved);
		assert_int_equal(moved, 1);
	}
	assert_true(pos_eq(p, layout_last(lay)));
	for (int i = 0; i < 7; i++)
		p = layout_advance(lay, p, -1, NULL);
	assert_true(pos_eq(p, layout_first(lay)));
	layout_free(lay);
}

static void test_advance_clamps(void **state)
{
	(void)state;
	layout *lay = layout_new(three, strlen(three), 1);
	long moved = 0;
	layout_pos p = layout_advance(lay, (layout_pos){ 0, 1 }, 100, &moved);
	assert_pos(p, 2, 0);
	assert_int_equal(moved, 6);
	p = layout_advance(lay, p, 1, &moved);
	assert_pos(p, 2, 0);
	assert_int_equal(moved, 0);
	p = layout_advance(lay, (layout_pos){ 1, 2 }, -100, &moved);
	assert_pos(p, 0, 0);
	assert_int_equal(moved, -6);
	p = layout_advance(lay, p, -1, &moved);
	assert_pos(p, 0, 0);
	assert_int_equal(moved, 0);
	p = layout_advance(lay, p, LONG_MAX, &moved);
	assert_pos(p, 2, 0);
	assert_int_equal(moved, 7);
	p = layout_advance(lay, p, LONG_MIN, &moved);
	assert_pos(p, 0, 0);
	assert_int_equal(moved, -7);
	/* A position past the end is first brought onto the last row. */
	p = layout_advance(lay, (layout_pos){ 9, 9 }, -1, &moved);
	assert_pos(p, 1, 2);
	assert_int_equal(moved, -1);
	p = layout_advance(lay, (layout_pos){ 0, 9 }, 1, &moved);
	assert_pos(p, 1, 0);
	layout_free(lay);
	/* Clamping inside a first and last paragraph of several rows. */
	lay = layout_new("a b c", 5, 1);
	p = layout_advance(lay, (layout_pos){ 0, 1 }, 10, &moved);
	assert_pos(p, 0, 2);
	assert_int_equal(moved, 1);
	p = layout_advance(lay, p, -10, &moved);
	assert_pos(p, 0, 0);
	assert_int_equal(moved, -2);
	layout_free(lay);
}

/* ---- laziness and widths -------------------------------------------- */

/* n paragraphs of a few words each, separated by blank lines. */
static char *many_paragraphs(size_t n, size_t *len)
{
	size_t cap = n * 48 + 1, used = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(text + used, cap - used,
		                         "Paragraph %zu has a few words.\n\n", i);
	*len = used;
	return text;
}

static void test_lazy_wrapping(void **state)
{
	(void)state;
	size_t len;
	char *text = many_paragraphs(10000, &len);
	layout *lay = layout_new(text, len, 12);
	assert_int_equal(layout_para_count(lay), 10000);
	assert_int_equal(layout_wrapped_count(lay), 0);
	layout_pos p = layout_pos_of_offset(lay, len - 1);
	assert_true(layout_wrapped_count(lay) >= 1);
	assert_true(layout_wrapped_count(lay) <= 2);
	assert_pos(p, 9999, 2);   /* "Paragraph 9999" / "has a few" / "words." */
	/* A jump to the middle wraps one more. */
	size_t s, e;
	layout_para_span(lay, 5000, &s, &e);
	assert_pos(layout_pos_of_offset(lay, s + 15), 5000, 1);
	assert_true(layout_wrapped_count(lay) <= 3);
	/* A page of 24 rows passes through 24 / 4 paragraphs, not more. */
	size_t before = layout_wrapped_count(lay);
	long moved;
	layout_advance(lay, (layout_pos){ 5000, 0 }, 24, &moved);
	assert_int_equal(moved, 24);
	assert_true(layout_wrapped_count(lay) - before <= 7);
	layout_free(lay);
	free(text);
}

static void test_last_wraps_only_last(void **state)
{
	(void)state;
	size_t len;
	char *text = many_paragraphs(1000, &len);
	layout *lay = layout_new(text, len, 12);
	assert_pos(layout_last(lay), 999, 2);
	assert_int_equal(layout_wrapped_count(lay), 1);
	layout_free(lay);
	free(text);
}

static void test_set_width(void **state)
{
	(void)state;
	size_t len;
	char *text = many_paragraphs(100, &len);
	layout *lay = layout_new(text, len, 12);
	long moved;
	layout_advance(lay, layout_first(lay), 10, &moved);
	size_t wrapped = layout_wrapped_count(lay);
	assert_true(wrapped >= 3);
	layout_set_width(lay, 12);
	assert_int_equal(layout_wrapped_count(lay), wrapped);
	layout_set_width(lay, 80);
	assert_int_equal(layout_width(lay), 80);
	assert_int_equal(layout_wrapped_count(lay), 0);
	/* The rows follow the new width. */
	assert_int_equal(layout_para_rows(lay, 0), 2);
	assert_int_equal(layout_wrapped_count(lay), 1);
	layout_set_width(lay, 12);
	assert_int_equal(layout_para_rows(lay, 0), 4);
	layout_free(lay);
	free(text);
}

static void test_huge_paragraph_without_spaces(void **state)
{
	(void)state;
	size_t len = 1 << 20;
	char *text = malloc(len);
	assert_non_null(text);
	for (size_t i = 0; i < len; i++)
		text[i] = (char)('a' + i % 26);
	layout *lay = layout_new(text, len, 80);
	assert_int_equal(layout_para_count(lay), 1);
	size_t rows = layout_para_rows(lay, 0);
	assert_int_equal(rows, (len + 79) / 80);
	layout_row row;
	assert_true(layout_row_at(lay, (layout_pos){ 0, 1000 }, &row));
	assert_int_equal(row.start, 80000);
	assert_int_equal(row.end, 80080);
	assert_pos(layout_pos_of_offset(lay, len - 1), 0, rows - 1);
	assert_pos(layout_pos_of_offset(lay, 80079), 0, 1000);
	layout_free(lay);
	free(text);
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wraps_at_spaces),
		cmocka_unit_test(test_known_paragraph_width_10),
		cmocka_unit_test(test_known_paragraph_width_20),
		cmocka_unit_test(test_known_paragraph_width_80),
		cmocka_unit_test(test_spaces_at_wrap_belong_to_no_row),
		cmocka_unit_test(test_indentation),
		cmocka_unit_test(test_long_word_split),
		cmocka_unit_test(test_width_one),
		cmocka_unit_test(test_wide_cjk),
		cmocka_unit_test(test_combining_marks_stay_with_base),
		cmocka_unit_test(test_controls_take_placeholder_width),
		cmocka_unit_test(test_hard_line_breaks),
		cmocka_unit_test(test_multiple_blank_lines),
		cmocka_unit_test(test_outer_blank_lines_ignored),
		cmocka_unit_test(test_empty_body),
		cmocka_unit_test(test_only_blank_lines),
		cmocka_unit_test(test_offset_pos_round_trips),
		cmocka_unit_test(test_offset_of_pos_out_of_range),
		cmocka_unit_test(test_advance_across_paragraphs),
		cmocka_unit_test(test_advance_clamps),
		cmocka_unit_test(test_lazy_wrapping),
		cmocka_unit_test(test_last_wraps_only_last),
		cmocka_unit_test(test_set_width),
		cmocka_unit_test(test_huge_paragraph_without_spaces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
