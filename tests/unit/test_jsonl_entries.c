/* test_jsonl_entries.c - a JSON Lines file as a library of its lines
 * (issue 13): the listing (corpus_files.c: one entry per line with its
 * offset, blank lines warned), the loading of one line (article_open.c,
 * import_json_line.c: by offset, counted again when the file changed,
 * diagnostics at FILE:LINE, titles) and the library over it (library.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article_open.h"
#include "corpus_files.h"
#include "corpus_index.h"
#include "import_json.h"
#include "library.h"
#include "tmp_tree.h"

/* Scratch files under build/, as every helper's are. */
static char root[] = "build/test-jsonl-XXXXXX";

#define DOC_A "{\"text\": \"Mara Lindqvist opened the Osterby terminal.\", " \
	"\"spans\": [{\"start\": 0, \"end\": 14, \"label\": \"PERSON\"}]}"
#define DOC_B "{\"text\": \"The Harwick council met.\", \"label\": [[4, 11, \"GPE\"]]}"
#define DOC_C "{\"text\": \"Tove Brandt bakes.\", \"spans\": [], " \
	"\"meta\": {\"title\": \"The Kelso bakery\"}}"

static int setup(void **state)
{
	(void)state;
	return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return tree_remove(root);
}

/* root/name as a path, in buf. */
static const char *at(const char *name, char *buf, size_t n)
{
	snprintf(buf, n, "%s/%s", root, name);
	return buf;
}

/* ---- the listing ------------------------------------------------------- */

static void test_lines_listed_with_offsets(void **state)
{
	(void)state;
	/* Lines 2 and 4 are blank (white space, a CR); line 5 has no LF. */
	tree_write(root, "three.jsonl", DOC_A "\n\n" DOC_B "\n  \r\n" DOC_C);
	char path[256];
	at("three.jsonl", path, sizeof path);
	corpus_files list = { 0 };
	diag_list problems = { 0 };
	assert_int_equal(corpus_files_add(&list, path, &problems), 0);
	assert_int_equal(list.n, 3);
	int lines[] = { 1, 3, 5 };
	long long offsets[] = { 0, sizeof DOC_A + 1, sizeof DOC_A + sizeof DOC_B + 5 };
	for (size_t i = 0; i < 3; i++) {
		char rel[300];
		snprintf(rel, sizeof rel, "%s:%d", path, lines[i]);
		assert_int_equal(list.items[i].line, lines[i]);
		assert_int_equal(list.items[i].offset, offsets[i]);
		assert_string_equal(list.items[i].path, path);
		assert_string_equal(list.items[i].rel, rel);
		assert_true(corpus_file_current(&list.items[i]));
	}
	assert_int_equal(problems.n, 2);
	assert_int_equal(problems.items[0].severity, DIAG_WARNING);
	assert_int_equal(problems.items[0].line, 2);
	assert_int_equal(problems.items[1].line, 4);
	assert_non_null(strstr(problems.items[0].message, "blank line"));
	corpus_files_free(&list);
	diag_list_free(&problems);
}

static void test_directory_lists_lines_among_files(void **state)
{
	(void)state;
	tree_mkdir(root, "dir");
	tree_write(root, "dir/a.yaml", "title: A\nbody: |\n  Text.\n");
	tree_write(root, "dir/b.jsonl", DOC_A "\n" DOC_B "\n");
	tree_write(root, "dir/c.jsonl", "\n" DOC_C "\n\n");   /* one document */
	tree_write(root, "dir/d.json", DOC_A "\n" DOC_B "\n");  /* not listed */
	char dir[256];
	corpus_files list = { 0 };
	diag_list problems = { 0 };
	assert_int_equal(corpus_files_add(&list, at("dir", dir, sizeof dir), &problems), 0);
	const char *want[] = { "a.yaml", "b.jsonl:1", "b.jsonl:2", "c.jsonl" };
	int lines[] = { 0, 1, 2, 0 };
	assert_int_equal(list.n, 4);
	for (size_t i = 0; i < 4; i++) {
		assert_string_equal(list.items[i].rel, want[i]);
		assert_int_equal(list.items[i].line, lines[i]);
	}
	assert_int_equal(problems.n, 0);    /* c.jsonl is one article, as a file */
	corpus_files_free(&list);
	diag_list_free(&problems);
}

static void test_what_opens_as_a_library(void **state)
{
	(void)state;
	char p[256];
	tree_write(root, "two.jsonl", DOC_A "\n" DOC_B "\n");
	tree_write(root, "one.jsonl", "\n\n" DOC_A "\n  \n");
	tree_write(root, "two.yaml", DOC_A "\n" DOC_B "\n");
	assert_true(corpus_files_is_library(root));
	assert_true(corpus_files_is_library(at("two.jsonl", p, sizeof p)));
	assert_false(corpus_files_is_library(at("one.jsonl", p, sizeof p)));
	assert_false(corpus_files_is_library(at("two.yaml", p, sizeof p)));
	assert_false(corpus_files_is_library(at("missing.jsonl", p, sizeof p)));
	assert_true(corpus_is_article_name("x.jsonl"));
	assert_false(corpus_is_article_name(".x.jsonl"));
}

/* A file of blank lines says the first ones, then how many more. */
static void test_blank_lines_said_in_bounds(void **state)
{
	(void)state;
	char p[256];
	FILE *f = fopen(at("blanks.jsonl", p, sizeof p), "w");
	assert_non_null(f);
	fputs(DOC_A "\n", f);
	for (int i = 0; i < 500; i++)
		fputs("\n", f);
	fputs(DOC_B "\n", f);
	fclose(f);
	corpus_files list = { 0 };
	diag_list problems = { 0 };
	assert_int_equal(corpus_files_add(&list, p, &problems), 0);
	assert_int_equal(list.n, 2);
	assert_int_equal(list.items[1].line, 502);
	assert_int_equal(problems.n, 21);
	assert_non_null(strstr(problems.items[20].message, "480 more blank lines"));
	corpus_files_free(&list);
	diag_list_free(&problems);
}

/* 100,000 lines: listed, each with its line, without reading a document. */
static void test_hundred_thousand_lines(void **state)
{
	(void)state;
	char p[256];
	FILE *f = fopen(at("big.jsonl", p, sizeof p), "w");
	assert_non_null(f);
	for (int i = 0; i < 100000; i++)
		fputs("{\"text\": \"x\", \"spans\": []}\n", f);
	fclose(f);
	corpus_files list = { 0 };
	diag_list problems = { 0 };
	assert_int_equal(corpus_files_add(&list, p, &problems), 0);
	assert_int_equal(list.n, 100000);
	assert_int_equal(list.items[99999].line, 100000);
	assert_int_equal(list.items[99999].offset, 99999LL * 27);
	article *a = NULL;
	assert_int_equal(load_entry(&list.items[99999], &a, &problems), 0);
	assert_int_equal(a->path_line, 100000);
	article_free(a);
	assert_int_equal(problems.n, 0);
	corpus_files_free(&list);
	diag_list_free(&problems);
}

/* ---- loading one line ------------------------------------------------------ */

/* The entries of root/name. */
static corpus_files list_of(const char *name, const char *text)
{
	char p[256];
	tree_write(root, name, text);
	corpus_files list = { 0 };
	diag_list problems = { 0 };
	assert_int_equal(corpus_files_add(&list, at(name, p, sizeof p), &problems), 0);
	diag_list_free(&problems);
	return list;
}

static void test_line_loads_with_title(void **state)
{
	(void)state;
	corpus_files list = list_of("titles.jsonl", DOC_A "\n" DOC_C "\n"
		"{\"text\": \"One two three four five six seven eight nine ten.\", "
		"\"spans\": []}\n");
	assert_int_equal(list.n, 3);
	diag_list diags = { 0 };
	article *a = NULL;
	assert_int_equal(load_entry(&list.items[0], &a, &diags), 0);
	assert_string_equal(a->title, "Mara Lindqvist opened the Osterby terminal.");
	assert_string_equal(a->path, list.items[0].path);
	assert_int_equal(a->path_line, 1);
	assert_int_equal(a->n_entities, 1);
	article_free(a);
	assert_int_equal(load_entry(&list.items[1], &a, &diags), 0);
	assert_string_equal(a->title, "The Kelso bakery");      /* meta.title */
	assert_int_equal(a->path_line, 2);
	article_free(a);
	assert_int_equal(load_entry(&list.items[2], &a, &diags), 0);
	assert_string_equal(a->title, "One two three four five six seven eight\xe2\x80\xa6");
	article_free(a);
	assert_int_equal(diags.n, 0);
	corpus_files_free(&list);
}

/* A listed offset that lands on the start of another line of the file
 * as rewritten: the line is still found by its number, not its offset. */
static void test_stale_offset_on_a_line_start(void **state)
{
	(void)state;
	corpus_files list = list_of("shift.jsonl", DOC_A "\n" DOC_B "\n" DOC_C "\n");
	long long old = list.items[1].offset;   /* line 2's */
	/* Lines 1 and 2 now end exactly where line 1 ended: line 3 starts
	 * at the old offset of line 2. */
	const char *p1 = "{\"text\": \"p\", \"spans\": []}";
	char q[256], text[512];
	int pad = (int)(old - 1 - (long long)strlen(p1) - 1) - (int)strlen("{\"text\": \"\", \"spans\": []}");
	assert_true(pad > 0);
	snprintf(q, sizeof q, "{\"text\": \"%.*s\", \"spans\": []}", pad,
	         "qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq");
	snprintf(text, sizeof text, "%s\n%s\n%s\n", p1, q, DOC_C);
	assert_int_equal((long long)(strlen(p1) + 1 + strlen(q) + 1), old);
	char p[256];
	tree_write(root, "shift.jsonl", text);
	at("shift.jsonl", p, sizeof p);
	diag_list diags = { 0 };
	article *a = NULL;
	assert_int_equal(load_entry(&list.items[1], &a, &diags), 0);
	assert_int_equal(strncmp(a->title, "qqq", 3), 0);
	article_free(a);
	diag_list_free(&diags);
	corpus_files_free(&list);
}

/* An offset inside a line (a file rewritten within the same clock tick,
 * to the same size) is never taken for the line's start. */
static void test_offset_inside_a_line(void **state)
{
	(void)state;
	char p[256];
	tree_write(root, "inside.jsonl", DOC_A "\n" DOC_B "\n");
	at("inside.jsonl", p, sizeof p);
	char *bytes = NULL;
	size_t len = 0;
	diag_list diags = { 0 };
	assert_int_equal(import_json_line_read(p, 2, 5, &bytes, &len, &diags), 0);
	assert_int_equal(len, strlen(DOC_B));
	assert_memory_equal(bytes, DOC_B, len);
	free(bytes);
	assert_int_equal(import_json_line_read(p, 1, 0, &bytes, &len, &diags), 0);
	assert_int_equal(len, strlen(DOC_A));
	free(bytes);
	assert_int_equal(diags.n, 0);
}

/* The file rewritten after the listing: the offset no longer holds, and
 * the line is found by its number. */
static void test_stale_offset_counts_lines(void **state)
{
	(void)state;
	corpus_files list = list_of("moving.jsonl", DOC_A "\n" DOC_B "\n" DOC_C "\n");
	assert_int_equal(list.n, 3);
	char p[256];
	tree_write(root, "moving.jsonl", DOC_B "\n" DOC_A "\n" DOC_C "\n" DOC_A "\n");
	at("moving.jsonl", p, sizeof p);
	assert_false(corpus_file_current(&list.items[1]));
	diag_list diags = { 0 };
	article *a = NULL;
	assert_int_equal(load_entry(&list.items[1], &a, &diags), 0);
	assert_string_equal(a->title, "Mara Lindqvist opened the Osterby terminal.");
	article_free(a);
	assert_int_equal(load_line_tolerant(p, 3, &a, &diags), 0);
	assert_string_equal(a->title, "The Kelso bakery");
	assert_int_equal(a->path_line, 3);
	article_free(a);
	/* Fewer lines now: said at the line, not a crash. */
	tree_write(root, "moving.jsonl", DOC_B "\n");
	assert_int_equal(load_line_tolerant(p, 3, &a, &diags), SIZE_MAX);
	assert_null(a);
	assert_int_equal(diags.n, 1);
	assert_int_equal(diags.items[0].line, 3);
	assert_non_null(strstr(diags.items[0].message, "no such line"));
	diag_list_free(&diags);
	corpus_files_free(&list);
}

static void test_bad_lines_said_at_their_line(void **state)
{
	(void)state;
	corpus_files list = list_of("bad.jsonl", DOC_A "\n"
		"{\"text\": \"cut\", \"spans\": [\n"
		"{\"text\": \"no known shape\", \"tokens\": []}\n"
		"{\"text\": \"abc\", \"spans\": [{\"start\": 1, \"end\": 9, \"label\": \"X\"}]}\n"
		"{\"text\": \"bad \xff bytes\", \"spans\": []}\n"
		"{\"text\": \"He said \xe2\x80\x9cno\xe2\x80\x9d.\", \"spans\": []}\n");
	assert_int_equal(list.n, 6);
	diag_list diags = { 0 };
	article *a = NULL;
	/* Not JSON: the column too. */
	assert_int_equal(load_entry(&list.items[1], &a, &diags), -1);
	assert_null(a);
	assert_int_equal(diags.n, 1);
	assert_string_equal(diags.items[0].file, list.items[1].path);
	assert_int_equal(diags.items[0].line, 2);
	assert_true(diags.items[0].col > 1);
	diag_list_free(&diags);
	/* JSON of no known shape. */
	assert_int_equal(load_entry_tolerant(&list.items[2], &a, &diags), SIZE_MAX);
	assert_int_equal(diags.items[0].line, 3);
	assert_non_null(strstr(diags.items[0].message, "no format known"));
	diag_list_free(&diags);
	/* A span past the end: strict fails, the reader opens what is left. */
	assert_int_equal(load_entry(&list.items[3], &a, &diags), -1);
	assert_null(a);
	diag_list_free(&diags);
	assert_int_equal(load_entry_tolerant(&list.items[3], &a, &diags), 1);
	assert_non_null(a);
	assert_int_equal(a->path_line, 4);
	assert_int_equal(diags.items[0].line, 4);
	article_free(a);
	diag_list_free(&diags);
	/* Invalid UTF-8: a warning at the line; it loads. */
	assert_int_equal(load_entry(&list.items[4], &a, &diags), 0);
	assert_int_equal(diags.items[0].severity, DIAG_WARNING);
	assert_int_equal(diags.items[0].line, 5);
	article_free(a);
	diag_list_free(&diags);
	/* The quoth YAML's own warnings are said at the line of the file. */
	assert_int_equal(load_entry(&list.items[5], &a, &diags), 0);
	assert_int_equal(diags.n, 1);
	assert_string_equal(diags.items[0].file, list.items[5].path);
	assert_int_equal(diags.items[0].line, 6);
	assert_null(diags.items[0].excerpt);
	assert_non_null(strstr(diags.items[0].message, "of the quoth YAML made of this line"));
	article_free(a);
	diag_list_free(&diags);
	corpus_files_free(&list);
}

/* ---- the library of a file's lines ------------------------------------------ */

static void test_library_of_lines(void **state)
{
	(void)state;
	char p[256];
	tree_write(root, "lib.jsonl", DOC_A "\n" "{oops\n" DOC_C "\n");
	library *lib = library_load(at("lib.jsonl", p, sizeof p));
	assert_non_null(lib);
	assert_null(lib->error);
	assert_int_equal(lib->n, 3);
	library_entry e = library_entry_at(lib, 2);
	assert_int_equal(e.line, 3);
	assert_string_equal(e.title, "The Kelso bakery");
	char buf[200], want[300];
	e = library_entry_at(lib, 1);
	library_entry_line(&e, buf, sizeof buf);
	snprintf(want, sizeof want, "%s:2:", p);     /* FILE:LINE:COL: why */
	assert_int_equal(strncmp(buf, want, strlen(want)), 0);
	assert_true(buf[strlen(want)] >= '1' && buf[strlen(want)] <= '9');
	assert_non_null(strstr(buf, ": not valid JSON here"));
	article *a = NULL;
	diag_list diags = { 0 };
	const corpus_file *f = corpus_index_file(lib->index, library_file_of(lib, 2));
	assert_int_equal(load_entry_tolerant(f, &a, &diags), 0);
	assert_int_equal(a->path_line, 3);
	assert_string_equal(a->title, "The Kelso bakery");
	article_free(a);
	assert_false(library_recheck(lib));     /* nothing changed */
	tree_write(root, "lib.jsonl", DOC_C "\n" DOC_A "\n");
	assert_true(library_recheck(lib));      /* lines moved: list again */
	assert_string_equal(library_entry_at(lib, 2).title, "The Kelso bakery");
	library_free(lib);
	diag_list_free(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines_listed_with_offsets),
		cmocka_unit_test(test_directory_lists_lines_among_files),
		cmocka_unit_test(test_what_opens_as_a_library),
		cmocka_unit_test(test_blank_lines_said_in_bounds),
		cmocka_unit_test(test_hundred_thousand_lines),
		cmocka_unit_test(test_line_loads_with_title),
		cmocka_unit_test(test_stale_offset_counts_lines),
		cmocka_unit_test(test_stale_offset_on_a_line_start),
		cmocka_unit_test(test_offset_inside_a_line),
		cmocka_unit_test(test_bad_lines_said_at_their_line),
		cmocka_unit_test(test_library_of_lines),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
