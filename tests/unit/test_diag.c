/* Tests of diagnostics: the printed form with excerpt and caret (wide
 * characters, tabs, controls, long lines), positions of byte offsets as
 * YAML counts lines, and stable sorting. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "library.h"
#include "mem_out.h"

/* diag_print's output as a string (caller frees). */
static char *printed(const diag *d)
{
	mem_out m;
	diag_print(mem_out_open(&m), d);
	return mem_out_close(&m);
}

/* One diagnostic at line:col of source, excerpt attached, printed. */
static char *print_one(const char *source, int line, int col, const char *msg)
{
	diag_list list = { 0 };
	diag_add(&list, "f.yaml", line, col, "%s", msg);
	diag_attach_source(&list, source, strlen(source));
	assert_int_equal(list.n, 1);
	char *out = printed(&list.items[0]);
	diag_list_free(&list);
	return out;
}

static void assert_printed(const char *source, int line, int col,
                           const char *msg, const char *want)
{
	char *out = print_one(source, line, col, msg);
	assert_string_equal(out, want);
	free(out);
}

/* ---- printing ------------------------------------------------------- */

static void test_whole_file_problem(void **state)
{
	(void)state;
	assert_printed("", 0, 0, "is empty: an article needs at least a title and a body",
	               "f.yaml: error: is empty: an article needs at least a title "
	               "and a body\n");
}

static void test_caret_under_the_column(void **state)
{
	(void)state;
	assert_printed("title: x\nbody: [y\n", 2, 7, "'body' must be a string, not a list",
	               "f.yaml:2:7: error: 'body' must be a string, not a list\n"
	               "    2 | body: [y\n"
	               "      |       ^\n");
}

static void test_line_without_column(void **state)
{
	(void)state;
	assert_printed("a\nb\n", 2, 0, "here",
	               "f.yaml:2: error: here\n"
	               "    2 | b\n");
}

static void test_wide_characters_before_the_column(void **state)
{
	(void)state;
	/* 名前 and 日本語 take two columns each: the 'x' (character 9) is
	 * in display column 14. */
	assert_printed("名前: 日本語 x\n", 1, 9, "m",
	               "f.yaml:1:9: error: m\n"
	               "    1 | 名前: 日本語 x\n"
	               "      |              ^\n");
}

static void test_tabs_are_expanded(void **state)
{
	(void)state;
	assert_printed("\tx: 1\n", 1, 2, "tab",
	               "f.yaml:1:2: error: tab\n"
	               "    1 |         x: 1\n"
	               "      |         ^\n");
	assert_printed("ab\tc: 1\n", 1, 4, "tab",
	               "f.yaml:1:4: error: tab\n"
	               "    1 | ab      c: 1\n"
	               "      |         ^\n");
}

static void test_controls_become_placeholders(void **state)
{
	(void)state;
	/* ESC, DEL and the C1 control CSI (U+009B) would drive the terminal. */
	char *out = print_one("a\x1b[1m\x7f\xc2\x9b" "b: c\n", 1, 8, "m");
	assert_string_equal(out, "f.yaml:1:8: error: m\n"
	                         "    1 | a\xe2\x90\x9b[1m\xe2\x90\xa1\xef\xbf\xbd" "b: c\n"
	                         "      |        ^\n");
	free(out);
}

static void test_message_and_file_made_safe(void **state)
{
	(void)state;
	diag_list list = { 0 };
	diag_add(&list, "evil\n.yaml", 0, 0, "unknown key '%s'", "x\x1b]0;title\x07\x7f~");
	char *out = printed(&list.items[0]);
	assert_string_equal(out, "evil\xe2\x90\xa4.yaml: error: unknown key "
	                         "'x\xe2\x90\x9b]0;title\xe2\x90\x87\xe2\x90\xa1~'\n");
	free(out);
	diag_list_free(&list);
}

static void test_long_line_is_cut_around_the_caret(void **state)
{
	(void)state;
	char src[2100];
	memset(src, 'a', 1000);
	src[1000] = 'X';
	memset(src + 1001, 'b', 1000);
	strcpy(src + 2001, "\n");
	diag_list list = { 0 };
	diag_add(&list, "f.yaml", 1, 1001, "here");
	diag_attach_source(&list, src, strlen(src));
	const diag *d = &list.items[0];
	assert_non_null(d->excerpt);
	assert_memory_equal(d->excerpt, "...", 3);
	assert_string_equal(d->excerpt + strlen(d->excerpt) - 4, "b...");
	assert_true(strlen(d->excerpt) <= 106);
	assert_int_equal(d->excerpt[d->caret - 1], 'X');
	diag_list_free(&list);
}

/* The excerpt and caret of line 2 of source, diagnosed at col. */
static void excerpt_of(const char *source, int col, char *excerpt, size_t size,
                       int *caret)
{
	diag_list list = { 0 };
	diag_add(&list, "f.yaml", 2, col, "x");
	diag_attach_source(&list, source, strlen(source));
	assert_non_null(list.items[0].excerpt);
	snprintf(excerpt, size, "%s", list.items[0].excerpt);
	*caret = list.items[0].caret;
	diag_list_free(&list);
}

/* Lines of plain ASCII up to 90 characters are shown whole (diag.c takes
 * them without decoding); longer ones as any other line: whole while the
 * caret stands in the first 90 columns, else cut 50 columns before it. */
static void test_plain_lines_shown_whole_up_to_90(void **state)
{
	(void)state;
	char src[256], got[256];
	int caret;
	memset(src, 'a', 3);
	src[3] = '\n';
	memset(src + 4, 'b', 90);
	strcpy(src + 94, "\nnext\n");
	excerpt_of(src, 90, got, sizeof got, &caret);
	assert_int_equal(strlen(got), 90);
	assert_int_equal(caret, 90);
	excerpt_of(src, 200, got, sizeof got, &caret);   /* past the end */
	assert_int_equal(strlen(got), 90);
	assert_int_equal(caret, 91);
	memset(src + 4, 'b', 92);
	strcpy(src + 96, "\r\nnext\n");
	excerpt_of(src, 91, got, sizeof got, &caret);   /* caret at column 90: whole */
	assert_int_equal(strlen(got), 92);
	assert_int_equal(caret, 91);
	excerpt_of(src, 92, got, sizeof got, &caret);   /* further: cut, 50 before */
	assert_memory_equal(got, "...", 3);
	assert_int_equal(caret, 50 + 3 + 1);
	/* A tab ends the plain run: it is expanded as ever. */
	strcpy(src, "a\n\tb: 1\n");
	excerpt_of(src, 2, got, sizeof got, &caret);
	assert_string_equal(got, "        b: 1");
	assert_int_equal(caret, 9);
}

static void test_caret_past_the_end_of_the_line(void **state)
{
	(void)state;
	assert_printed("ab\n", 1, 3, "end",
	               "f.yaml:1:3: error: end\n"
	               "    1 | ab\n"
	               "      |   ^\n");
}

static void test_line_past_the_end_has_no_excerpt(void **state)
{
	(void)state;
	assert_printed("a\n", 7, 1, "far", "f.yaml:7:1: error: far\n");
}

static void test_line_ends(void **state)
{
	(void)state;
	assert_printed("a: 1\r\nb: 2\r\n", 2, 4, "crlf",
	               "f.yaml:2:4: error: crlf\n"
	               "    2 | b: 2\n"
	               "      |    ^\n");
	assert_printed("a\rb\rc\r", 3, 1, "cr",
	               "f.yaml:3:1: error: cr\n"
	               "    3 | c\n"
	               "      | ^\n");
	/* YAML counts NEL (U+0085) as a line break. */
	assert_printed("a\xc2\x85" "b: 2\n", 2, 1, "nel",
	               "f.yaml:2:1: error: nel\n"
	               "    2 | b: 2\n"
	               "      | ^\n");
	/* And LS (U+2028) and PS (U+2029), which the line index must not
	 * skip for the curly quotes (U+2019) that share their first byte. */
	assert_printed("\xe2\x80\x99" "a\xe2\x80\xa8" "b\xe2\x80\xa9" "c: 3\n",
	               3, 1, "ls ps",
	               "f.yaml:3:1: error: ls ps\n"
	               "    3 | c: 3\n"
	               "      | ^\n");
}

/* Breaks of every kind after and inside whole words of 8 bytes, where the
 * line index tests 8 bytes at once; tabs and curly quotes (which share
 * bytes or bits with breaks) in between are no breaks. */
static void test_line_ends_in_long_lines(void **state)
{
	(void)state;
	assert_printed("0123456789\rabcdefghij\xc2\x85" "klmnop\tq\xe2\x80\x99rst"
	               "\xe2\x80\xa8" "uvwxyz0123\xe2\x80\xa9" "ABCDEFGHIJK\r\n"
	               "line: 6 at last\n", 6, 7, "long",
	               "f.yaml:6:7: error: long\n"
	               "    6 | line: 6 at last\n"
	               "      |       ^\n");
}

static void test_wide_line_numbers_keep_the_gutter(void **state)
{
	(void)state;
	diag_list list = { 0 };
	diag_add(&list, "f.yaml", 123456, 2, "m");
	list.items[0].excerpt = strdup("ab");
	list.items[0].caret = 2;
	char *out = printed(&list.items[0]);
	assert_string_equal(out, "f.yaml:123456:2: error: m\n"
	                         "123456 | ab\n"
	                         "       |  ^\n");
	free(out);
	diag_list_free(&list);
}

/* ---- positions ------------------------------------------------------ */

static void assert_located(const char *src, size_t offset, int line, int col)
{
	int l = -1, c = -1;
	diag_locate(src, strlen(src), offset, &l, &c);
	assert_int_equal(l, line);
	assert_int_equal(c, col);
}

static void test_locate(void **state)
{
	(void)state;
	assert_located("abc", 0, 1, 1);
	assert_located("abc", 2, 1, 3);
	assert_located("ab\ncd", 4, 2, 2);
	assert_located("é\xffx", 2, 1, 2);            /* characters, not bytes */
	assert_located("\xef\xbb\xbf" "ab", 4, 1, 2); /* the BOM takes no column */
	assert_located("a\r\nb", 3, 2, 1);
	assert_located("a\rb", 2, 2, 1);
	assert_located("a\xe2\x80\xa8" "b", 4, 2, 1); /* LS */
	assert_located("ab", 9, 1, 3);                /* clamped to the end */
}

static void test_excerpt_matches_locate(void **state)
{
	(void)state;
	/* A problem found before parsing points at the same place as the
	 * excerpt shows: here the 0xFF after "Łódź ". */
	const char *src = "title: T\nbody: |\n  Łódź \xff.\n";
	int line, col;
	diag_locate(src, strlen(src), (size_t)(strchr(src, '\xff') - src), &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(col, 8);
	char *out = print_one(src, line, col, "bad byte");
	assert_string_equal(out, "f.yaml:3:8: error: bad byte\n"
	                         "    3 |   Łódź \xef\xbf\xbd.\n"
	                         "      |        ^\n");
	free(out);
}

/* ---- the list ------------------------------------------------------- */

static void test_sort_is_stable(void **state)
{
	(void)state;
	diag_list list = { 0 };
	diag_add(&list, "f", 3, 1, "a");
	diag_add(&list, "f", 1, 5, "b");
	diag_add(&list, "f", 3, 1, "c");
	diag_add(&list, "f", 1, 2, "d");
	diag_add(&list, "f", 0, 0, "e");
	diag_add(&list, "f", 3, 1, "g");
	diag_sort(&list);
	const char *want[] = { "e", "d", "b", "a", "c", "g" };
	assert_int_equal(list.n, 6);
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(list.items[i].message, want[i]);
	diag_list_free(&list);
}

static void test_add_formats_and_normalises(void **state)
{
	(void)state;
	char big[3000];
	memset(big, 'k', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	diag_list list = { 0 };
	for (int i = 0; i < 20; i++)  /* grows past the first allocation */
		diag_add(&list, "f", i, 3, "n=%d", i);
	diag_add(&list, "f", 0, 7, "%s", big);
	assert_int_equal(list.n, 21);
	assert_string_equal(list.items[19].message, "n=19");
	assert_int_equal(list.items[0].col, 0);   /* no column without a line */
	assert_int_equal(list.items[1].col, 3);
	assert_int_equal(strlen(list.items[20].message), sizeof big - 1);
	diag_list_free(&list);
	assert_null(list.items);
	assert_int_equal(list.n, 0);
	diag_list_free(&list);
	diag_list_free(NULL);
}

static void test_attach_keeps_existing_excerpts(void **state)
{
	(void)state;
	diag_list list = { 0 };
	diag_add(&list, "other", 1, 1, "earlier");
	list.items[0].excerpt = strdup("from another file");
	list.items[0].caret = 1;
	diag_add(&list, "f", 1, 2, "new");
	diag_attach_source(&list, "xyz\n", 4);
	assert_string_equal(list.items[0].excerpt, "from another file");
	assert_string_equal(list.items[1].excerpt, "xyz");
	assert_int_equal(list.items[1].caret, 2);
	diag_list_free(&list);
}

/* Truncating drops the last ones only, and the list stays usable. */
static void test_truncate_keeps_the_first(void **state)
{
	(void)state;
	diag_list list = { 0 };
	diag_add(&list, "a.yaml", 1, 1, "first");
	diag_add(&list, "a.yaml", 2, 1, "second");
	diag_add(&list, "a.yaml", 3, 1, "third");
	diag_list_truncate(&list, 1);
	assert_int_equal(list.n, 1);
	assert_string_equal(list.items[0].message, "first");
	diag_list_truncate(&list, 5);
	assert_int_equal(list.n, 1);
	diag_add(&list, "a.yaml", 4, 1, "fourth");
	assert_int_equal(list.n, 2);
	assert_string_equal(list.items[1].message, "fourth");
	diag_list_free(&list);
}

/* ---- severity ------------------------------------------------------- */

/* A warning prints as an error does, with its own word. */
static void test_warning_is_printed_as_such(void **state)
{
	(void)state;
	diag_list list = { 0 };
	diag_warn(&list, "f.yaml", 2, 7, "entity '%s' is not found", "x");
	diag_attach_source(&list, "title: x\nname: Lerida\n", 22);
	assert_int_equal(list.items[0].severity, DIAG_WARNING);
	char *out = printed(&list.items[0]);
	assert_string_equal(out, "f.yaml:2:7: warning: entity 'x' is not found\n"
	                    "    2 | name: Lerida\n"
	                    "      |       ^\n");
	free(out);
	diag_list_free(&list);
}

/* diag_add gives errors, diag_warn warnings, and each is counted apart:
 * a load's status counts its errors only. */
static void test_severities_are_counted_apart(void **state)
{
	(void)state;
	diag_list list = { 0 };
	assert_int_equal(diag_count(&list, DIAG_ERROR), 0);
	diag_add(&list, "a", 1, 1, "e1");
	diag_warn(&list, "a", 2, 1, "w1");
	diag_warn(&list, "a", 3, 1, "w2");
	assert_int_equal(list.items[0].severity, DIAG_ERROR);
	assert_int_equal(diag_count(&list, DIAG_ERROR), 1);
	assert_int_equal(diag_count(&list, DIAG_WARNING), 2);
	assert_string_equal(diag_severity_name(DIAG_ERROR), "error");
	assert_string_equal(diag_severity_name(DIAG_WARNING), "warning");
	diag_list_free(&list);
}

/* The library shows why an article failed: the first error, even when a
 * warning stands before it. */
static void test_first_error_skips_warnings(void **state)
{
	(void)state;
	diag_list list = { 0 };
	diag_warn(&list, "a", 1, 1, "just a warning");
	diag_add(&list, "a", 5, 3, "the error");
	char *s = library_first_error(&list);
	assert_string_equal(s, "5:3: the error");
	free(s);
	diag_list_free(&list);
}

int main(void)
{
	/* Widths come from wcwidth(), which needs a UTF-8 locale. */
	setlocale(LC_ALL, "");
	if (MB_CUR_MAX == 1)
		setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_file_problem),
		cmocka_unit_test(test_caret_under_the_column),
		cmocka_unit_test(test_line_without_column),
		cmocka_unit_test(test_wide_characters_before_the_column),
		cmocka_unit_test(test_tabs_are_expanded),
		cmocka_unit_test(test_controls_become_placeholders),
		cmocka_unit_test(test_message_and_file_made_safe),
		cmocka_unit_test(test_long_line_is_cut_around_the_caret),
		cmocka_unit_test(test_caret_past_the_end_of_the_line),
		cmocka_unit_test(test_plain_lines_shown_whole_up_to_90),
		cmocka_unit_test(test_line_past_the_end_has_no_excerpt),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_line_ends_in_long_lines),
		cmocka_unit_test(test_wide_line_numbers_keep_the_gutter),
		cmocka_unit_test(test_locate),
		cmocka_unit_test(test_excerpt_matches_locate),
		cmocka_unit_test(test_sort_is_stable),
		cmocka_unit_test(test_add_formats_and_normalises),
		cmocka_unit_test(test_attach_keeps_existing_excerpts),
		cmocka_unit_test(test_truncate_keeps_the_first),
		cmocka_unit_test(test_warning_is_printed_as_such),
		cmocka_unit_test(test_severities_are_counted_apart),
		cmocka_unit_test(test_first_error_skips_warnings),
	};
	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
