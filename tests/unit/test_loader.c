/* Tests of the loader: every kind of problem with its exact message and
 * position, several problems in one run, a valid article field by field,
 * bytes from memory, and hostile inputs (deep nesting, alias bombs). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/fsuid.h>
#endif

#include "loader.h"

#include "expect_diags.h"
#include "tmp_tree.h"

#define FIXTURES LOADER_FIXTURES

/* The diagnostics are exactly want, in order, each naming file and each
 * with a position in the file carrying its excerpt. */
static void check_diags(const diag_list *d, const char *file,
                        const expect *want, size_t n)
{
	expect_diags(d, want, n);
	expect_diags_placed(d, file);
}

/* Loads bytes that must fail with one problem. */
static void expect_mem(const char *bytes, size_t len, int line, int col,
                       const char *message)
{
	const expect want[] = { { line, col, message } };
	expect_mem_fails("mem.yaml", bytes, len, want, 1);
}

#define EXPECT_MEM(lit, line, col, message) \
	expect_mem(lit, sizeof lit - 1, line, col, message)

/* ---- a valid article ------------------------------------------------ */

static void assert_pos(src_pos p, int line, int col)
{
	assert_int_equal(p.line, line);
	assert_int_equal(p.col, col);
}

static void test_valid_article_loads_every_field(void **state)
{
	(void)state;
	article *a = NULL;
	diag_list d = { 0 };
	int rc = load_article(FIXTURES "valid.yaml", &a, &d);
	expect_print_diags(&d);  /* nothing, unless the test is about to fail */
	assert_int_equal(rc, 0);
	assert_int_equal(d.n, 0);
	assert_non_null(a);

	assert_string_equal(a->path, FIXTURES "valid.yaml");
	assert_string_equal(a->title, "Harbour Council Backs New Ferry Route");
	assert_string_equal(a->subtitle, "A vote of seven to two");
	assert_string_equal(a->source, "The Test Gazette");
	assert_int_equal(a->n_authors, 2);
	assert_string_equal(a->authors[0], "Ada Byrne");
	assert_string_equal(a->authors[1], "Józef Nowak");
	assert_string_equal(a->published, "2021-03-04T09:30:00+01:00");
	assert_string_equal(a->url, "https://example.org/ferry");
	assert_string_equal(a->language, "en-GB");
	assert_string_equal(a->id, "test-0001");

	const char *body =
		"The harbour council voted on Tuesday to back a new ferry route, "
		"its chair, Mira Holt, said.\n\n"
		"“This route will pay for itself,” Holt said, “within five years.” "
		"A council officer said the harbour master would review the "
		"timetable.\n";
	assert_string_equal(a->body, body);
	assert_int_equal(a->body_len, strlen(body));
	assert_pos(a->body_pos, 12, 7);
	assert_int_equal(a->body_line, 13);
	assert_int_equal(a->body_indent, 2);

	assert_int_equal(a->n_entities, 3);
	const entity *holt = &a->entities[0];
	assert_string_equal(holt->id, "holt");
	assert_string_equal(holt->name, "Mira Holt");
	assert_string_equal(holt->type, "PERSON");
	assert_int_equal(holt->n_aliases, 1);
	assert_string_equal(holt->aliases[0], "Holt");
	assert_pos(holt->alias_pos[0], 21, 15);
	assert_string_equal(holt->kb, "Q1");
	assert_string_equal(holt->description, "chair of the council");
	assert_false(holt->ignore_case);
	assert_int_equal(holt->n_given, 1);
	assert_int_equal(holt->given[0].start, 64);
	assert_int_equal(holt->given[0].end, 73);
	assert_pos(holt->given_pos[0], 25, 9);
	assert_pos(holt->pos, 18, 5);
	assert_pos(holt->id_pos, 18, 9);
	assert_pos(holt->name_pos, 19, 11);

	const entity *council = &a->entities[1];
	assert_string_equal(council->id, "council");
	assert_string_equal(council->name, "Harbour Council");
	assert_string_equal(council->type, "ORG");
	assert_true(council->ignore_case);
	assert_int_equal(council->n_aliases, 0);
	assert_null(council->kb);
	assert_null(council->description);
	assert_int_equal(council->n_given, 0);
	assert_string_equal(a->entities[2].type, "DATE");

	assert_int_equal(a->n_quotes, 2);
	const quote *q = &a->quotes[0];
	assert_string_equal(q->id, "pay-for-itself");
	assert_int_equal(q->n_fragments, 2);
	assert_string_equal(q->fragments[0], "This route will pay for itself,");
	assert_string_equal(q->fragments[1], "within five years.");
	assert_pos(q->fragment_pos[0], 36, 12);
	assert_pos(q->fragment_pos[1], 36, 47);
	assert_string_equal(q->speaker_id, "holt");
	assert_null(q->speaker_text);
	assert_pos(q->speaker_pos, 37, 14);
	assert_int_equal(q->n_cue, 1);
	assert_string_equal(q->cue[0], "said");
	assert_pos(q->cue_pos, 38, 10);
	assert_int_equal(q->kind, QUOTE_DIRECT);
	assert_int_equal(q->occurrence, 0);
	assert_pos(q->pos, 35, 5);

	q = &a->quotes[1];
	assert_string_equal(q->id, "review");
	assert_int_equal(q->n_fragments, 1);
	assert_string_equal(q->fragments[0],
	                    "the harbour master would review the timetable");
	assert_string_equal(q->speaker_text, "A council officer");
	assert_string_equal(q->speaker_id, "council");
	assert_pos(q->speaker_pos, 43, 15);
	assert_int_equal(q->kind, QUOTE_INDIRECT);
	assert_int_equal(q->occurrence, 1);

	article_free(a);
	diag_list_free(&d);
}

static void test_literal_body_with_explicit_indentation(void **state)
{
	(void)state;
	static const char src[] = "title: T\n"
	                          "body: |2-  # a comment\n"
	                          "\n"
	                          "     Indented text.\n";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("m.yaml", src, sizeof src - 1, &a, &d), 0);
	assert_string_equal(a->body, "\n   Indented text.");
	assert_int_equal(a->body_line, 3);
	assert_int_equal(a->body_indent, 2);
	article_free(a);
	diag_list_free(&d);
}

/* U+2028 and U+2029 end lines for the parser but not for the body, so
 * such a body has no line mapping; other E2 sequences (curly quotes, one
 * cut at the very end) keep it. */
static void test_line_separator_drops_body_line(void **state)
{
	(void)state;
	static const char *const bodies[] = {
		"  \xE2\x80\x9COne\xE2\x80\x9D\xE2\x80\xA8  two.\n",
		"  One.\n  Two\xE2\x80\xA9  three.\n",
	};
	for (size_t i = 0; i < 2; i++) {
		char src[128];
		snprintf(src, sizeof src, "title: T\nbody: |\n%s", bodies[i]);
		article *a = NULL;
		diag_list d = { 0 };
		assert_int_equal(load_article_mem("m.yaml", src, strlen(src), &a, &d), 0);
		assert_non_null(strstr(a->body, i ? "\xE2\x80\xA9" : "\xE2\x80\xA8"));
		assert_int_equal(a->body_line, 0);
		article_free(a);
		diag_list_free(&d);   /* the marks no quote covers warn */
	}
	static const char kept[] = "title: T\nbody: |\n  \xE2\x80\x9COne\xE2\x80\x9D\n"
	                           "  \xE2\x80\x94two \xE2\x80\xA6\n";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("m.yaml", kept, sizeof kept - 1, &a, &d), 0);
	assert_int_equal(a->body_line, 3);
	assert_int_equal(a->body_indent, 2);
	article_free(a);
	diag_list_free(&d);
}

static void test_quoted_body_has_no_body_line(void **state)
{
	(void)state;
	static const char src[] = "title: T\nbody: \"One line.\"\n";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("m.yaml", src, sizeof src - 1, &a, &d), 0);
	assert_int_equal(a->body_line, 0);
	assert_pos(a->body_pos, 2, 7);
	article_free(a);
}

static void test_optional_nulls_are_absent(void **state)
{
	(void)state;
	static const char src[] = "title: T\nsubtitle:\nauthors: ~\n"
	                          "entities: null\nquotes:\nbody: |\n  Text.\n";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("m.yaml", src, sizeof src - 1, &a, &d), 0);
	assert_null(a->subtitle);
	assert_int_equal(a->n_authors, 0);
	assert_int_equal(a->n_entities, 0);
	assert_int_equal(a->n_quotes, 0);
	article_free(a);
}

static void test_published_forms(void **state)
{
	(void)state;
	static const char *const good[] = {
		"2016-07-16", "2016-07-16T13:13", "2016-07-16T13:13:00-04:00",
		"2016-07-16T13:13:00Z", "2016-07-16T13:13:00.250+0530",
		"2016-02-29T00:00:60",
	};
	static const char *const bad[] = {
		"2016-7-16", "2016-13-01", "2015-02-29", "2016-07-16 13:13",
		"2016-07-16T25:00", "2016-07-16T13:13+4", "16 July 2016",
		"2016-07-16T13:13:00-04:00x",
	};
	char src[128];
	for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
		int n = snprintf(src, sizeof src, "title: T\npublished: %s\nbody: x\n",
		                 good[i]);
		article *a = NULL;
		diag_list d = { 0 };
		assert_int_equal(load_article_mem("m.yaml", src, (size_t)n, &a, &d), 0);
		assert_string_equal(a->published, good[i]);
		article_free(a);
	}
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		int n = snprintf(src, sizeof src, "title: T\npublished: %s\nbody: x\n",
		                 bad[i]);
		char msg[256];
		snprintf(msg, sizeof msg, "'published' must be an ISO 8601 date or "
		         "date-time such as 2016-07-16 or 2016-07-16T13:13:00-04:00, "
		         "not '%s'", bad[i]);
		expect_mem(src, (size_t)n, 2, 12, msg);
	}
}

/* ---- the file itself ------------------------------------------------ */

static char tmpdir[64];

static int make_tmpdir(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/quoth-test-loader-XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
	(void)state;
	return tree_remove(tmpdir);
}

/* Loads path, which must fail with one problem of the whole file. */
static void expect_path(const char *path, const char *message)
{
	const expect want[] = { { 0, 0, message } };
	expect_load_fails(path, want, 1);
}

static void test_missing_file(void **state)
{
	(void)state;
	expect_path(FIXTURES "no-such-file.yaml",
	            "cannot read: No such file or directory");
}

static void test_directory(void **state)
{
	(void)state;
	expect_path(tmpdir, "is a directory, not an article file");
}

static void test_fifo_is_refused_without_blocking(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/fifo.yaml", tmpdir);
	assert_int_equal(mkfifo(path, 0600), 0);
	/* No writer ever opens it: a blocking open would hang here. */
	expect_path(path, "is a FIFO, not an article file: give the path of a "
	            "YAML file");
}

static void test_device_is_refused(void **state)
{
	(void)state;
	expect_path("/dev/null", "is a character device, not an article file: "
	            "give the path of a YAML file");
}

static void test_unreadable_file(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/secret.yaml", tmpdir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("title: T\nbody: x\n", f);
	fclose(f);
	assert_int_equal(chmod(path, 0), 0);
	assert_int_equal(chmod(tmpdir, 0755), 0);
	if (geteuid() != 0) {
		expect_path(path, "cannot read: Permission denied");
		return;
	}
#ifdef __linux__
	/* Root reads any file; with another file-system uid the kernel drops
	 * the capabilities that bypass permissions, for file access only. */
	setfsuid(65534);
	if ((int)setfsuid((uid_t)-1) == 65534) {
		article *a = NULL;
		diag_list d = { 0 };
		int rc = load_article(path, &a, &d);
		setfsuid(0);
		assert_int_equal(rc, -1);
		const expect want[] = { { 0, 0, "cannot read: Permission denied" } };
		check_diags(&d, path, want, 1);
		diag_list_free(&d);
		return;
	}
	setfsuid(0);
#endif
	skip();  /* running as root, which no file permission stops */
}

static void test_empty_file(void **state)
{
	(void)state;
	expect_one("empty.yaml", 0, 0,
	           "is empty: an article needs at least a title and a body");
}

static void test_too_large_file(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/huge.yaml", tmpdir);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	/* Sparse: no disk is used, and the size is refused before reading. */
	assert_int_equal(ftruncate(fd, (off_t)LOADER_MAX_FILE_BYTES + 1), 0);
	close(fd);
	expect_path(path, "is too large (67108865 bytes): an article file may "
	            "have at most 67108864 bytes (64 MiB)");
}

static void test_too_large_in_memory(void **state)
{
	(void)state;
	/* The size is refused before a byte is read. */
	static const char one[1] = "x";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("big", one,
	                                  (size_t)LOADER_MAX_FILE_BYTES + 1, &a, &d), -1);
	const expect want[] = { { 0, 0, "is too large (67108865 bytes): an article "
	                          "file may have at most 67108864 bytes (64 MiB)" } };
	check_diags(&d, "big", want, 1);
	diag_list_free(&d);
}

/* ---- bytes ---------------------------------------------------------- */

static void test_nul_byte_in_file(void **state)
{
	(void)state;
	expect_one("nul-byte.yaml", 2, 3, "the file holds a NUL byte: an article is "
	           "UTF-8 text (a file saved as UTF-16 has NUL bytes; save it as UTF-8)");
}

static void test_invalid_utf8_in_file(void **state)
{
	(void)state;
	/* Column 8 counts "Łódź" as four characters, not seven bytes. */
	expect_one("bad-utf8.yaml", 3, 8, "invalid UTF-8: byte 0xFF never occurs "
	           "in UTF-8; save the file as UTF-8");
}

static void test_nul_bytes_in_memory(void **state)
{
	(void)state;
	EXPECT_MEM("title: T\nbody: |\n  a\0b\n", 3, 4, "the file holds a NUL byte: "
	           "an article is UTF-8 text (a file saved as UTF-16 has NUL bytes; "
	           "save it as UTF-8)");
	/* UTF-16: NUL bytes from the first character. */
	EXPECT_MEM("t\0i\0t\0", 1, 2, "the file holds a NUL byte: an article is "
	           "UTF-8 text (a file saved as UTF-16 has NUL bytes; save it as UTF-8)");
}

static void test_invalid_utf8_in_memory(void **state)
{
	(void)state;
	EXPECT_MEM("title: caf\xC3\n", 1, 11, "invalid UTF-8: byte 0xC3 starts a "
	           "2-byte sequence that is cut short; save the file as UTF-8");
	EXPECT_MEM("title: \xE2\x82 x\n", 1, 8, "invalid UTF-8: byte 0xE2 starts a "
	           "3-byte sequence that is cut short; save the file as UTF-8");
	EXPECT_MEM("title: \xC0\xAF\n", 1, 8, "invalid UTF-8: byte 0xC0 starts an "
	           "overlong encoding; save the file as UTF-8");
	EXPECT_MEM("title: \xE0\x80\xAF\n", 1, 8, "invalid UTF-8: byte 0xE0 starts "
	           "an overlong encoding of U+002F; save the file as UTF-8");
	EXPECT_MEM("title: \xED\xA0\x80\n", 1, 8, "invalid UTF-8: bytes 0xED 0xA0 "
	           "0x80 encode the surrogate U+D800, which UTF-8 does not allow; "
	           "save the file as UTF-8");
	EXPECT_MEM("ti\xFEtle: T\n", 1, 3, "invalid UTF-8: byte 0xFE never occurs "
	           "in UTF-8; save the file as UTF-8");
	EXPECT_MEM("x: y\n\xFF\n", 2, 1, "invalid UTF-8: byte 0xFF never occurs "
	           "in UTF-8; save the file as UTF-8");
	EXPECT_MEM("title: \x80\n", 1, 8, "invalid UTF-8: byte 0x80 is a "
	           "continuation byte with no lead byte before it; save the file "
	           "as UTF-8");
	EXPECT_MEM("title: \xF4\x90\x80\x80\n", 1, 8, "invalid UTF-8: byte 0xF4 "
	           "starts a value beyond U+10FFFF; save the file as UTF-8");
}

static void test_empty_memory(void **state)
{
	(void)state;
	expect_mem("", 0, 0, 0, "is empty: an article needs at least a title and "
	           "a body");
}

static void test_control_character(void **state)
{
	(void)state;
	expect_one("control-char.yaml", 1, 15, "character U+001B is not allowed in "
	           "a YAML file: remove it, or write it as the escape \\u001B "
	           "inside double quotes");
}

static void test_nul_escape_in_string(void **state)
{
	(void)state;
	expect_one("nul-escape.yaml", 1, 8, "this string holds a NUL character "
	           "(\\0), which an article cannot contain: remove it");
}

/* ---- YAML ----------------------------------------------------------- */

static void test_syntax_error(void **state)
{
	(void)state;
	expect_one("syntax-error.yaml", 1, 13, "YAML syntax error: mapping values "
	           "are not allowed in this context: a value that contains ': ' "
	           "must be put in quotes");
}

static void test_syntax_error_with_context(void **state)
{
	(void)state;
	expect_one("syntax-tab.yaml", 3, 1, "YAML syntax error: found character "
	           "that cannot start any token (while scanning for the next token "
	           "at line 3, column 1): indent with spaces, not tabs");
}

static void test_top_level_not_a_mapping(void **state)
{
	(void)state;
	expect_one("top-list.yaml", 2, 1, "the top level must be a mapping of keys "
	           "such as 'title:' and 'body:', not a list");
	EXPECT_MEM("Just a line of text.\n", 1, 1, "the top level must be a "
	           "mapping of keys such as 'title:' and 'body:', not a string");
}

static void test_no_content(void **state)
{
	(void)state;
	expect_one("no-content.yaml", 0, 0, "has no YAML content: an article "
	           "needs at least a title and a body");
}

static void test_two_documents(void **state)
{
	(void)state;
	expect_one("two-documents.yaml", 4, 1, "a second YAML document starts "
	           "here: an article file holds exactly one");
}

static void test_anchor_and_alias(void **state)
{
	(void)state;
	const expect want[] = {
		{ 1, 8, "YAML anchors are not supported: remove '&t' and write each "
		        "value out in full" },
		{ 2, 11, "YAML aliases are not supported: write the value out in full" },
	};
	expect_load_fails(FIXTURES "anchor-alias.yaml", want, EXPECT_LEN(want));
}

static void test_alias_bomb_is_refused(void **state)
{
	(void)state;
	/* 9^9 strings if expanded; refused, and reported once, not 72 times. */
	const expect want[] = {
		{ 4, 1, "unknown key 'lol' in the article; the keys are: title, "
		        "subtitle, source, authors, published, url, language, id, "
		        "body, entities, quotes, offsets" },
		{ 5, 6, "YAML anchors are not supported: remove '&a' and write each "
		        "value out in full (9 anchors in the file; this is the first)" },
		{ 6, 10, "YAML aliases are not supported: write the value out in full "
		         "(72 aliases in the file; this is the first)" },
	};
	expect_load_fails(FIXTURES "alias-bomb.yaml", want, EXPECT_LEN(want));
}

static void test_custom_tag(void **state)
{
	(void)state;
	/* !!str is a standard tag and stays allowed. */
	expect_one("bad-tag.yaml", 1, 8, "YAML tag '!headline' is not supported: "
	           "remove it (only the standard tags such as !!str are allowed)");
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void test_deep_flow_nesting_fails_fast(void **state)
{
	(void)state;
	size_t depth = 100000;
	char *src = malloc(depth + 16);
	assert_non_null(src);
	memcpy(src, "title: ", 7);
	memset(src + 7, '[', depth);
	memcpy(src + 7 + depth, "\n", 2);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("deep.yaml", src, depth + 8, &a, &d), -1);
	/* Generous, for valgrind: the refusal comes at level 65, not 100,000. */
	assert_true(seconds_since(&t0) < 5.0);
	/* The 64th '[' opens level 65: the article mapping is level 1. */
	const expect want[] = {
		{ 1, 8, "'title' must be a string, not a list" },
		{ 1, 71, "nesting is too deep: more than 64 levels of lists and "
		         "mappings (look for an unclosed '[' or '{')" },
	};
	check_diags(&d, "deep.yaml", want, 2);
	/* The excerpt of a 100,000-column line is cut around the caret. */
	assert_true(strlen(d.items[1].excerpt) < 200);
	diag_list_free(&d);
	free(src);
}

static void test_deep_block_nesting(void **state)
{
	(void)state;
	const expect want[] = {
		{ 4, 1, "unknown key 'x' in the article; the keys are: title, "
		        "subtitle, source, authors, published, url, language, id, "
		        "body, entities, quotes, offsets" },
		{ 68, 129, "nesting is too deep: more than 64 levels of lists and "
		           "mappings (look for an unclosed '[' or '{')" },
	};
	expect_load_fails(FIXTURES "deep-block.yaml", want, EXPECT_LEN(want));
}

/* ---- keys ----------------------------------------------------------- */

static void test_missing_title(void **state)
{
	(void)state;
	expect_one("missing-title.yaml", 2, 1,
	           "the article is missing required key 'title'");
}

static void test_missing_entity_type(void **state)
{
	(void)state;
	expect_one("missing-entity-type.yaml", 5, 5,
	           "entity is missing required key 'type'");
}

static void test_missing_quote_speaker(void **state)
{
	(void)state;
	expect_one("missing-quote-speaker.yaml", 5, 5,
	           "quote is missing required key 'speaker'");
}

static void test_duplicate_key(void **state)
{
	(void)state;
	expect_one("duplicate-key.yaml", 6, 1, "duplicate key 'title' (first at line 3)");
}

static void test_unknown_key_suggests(void **state)
{
	(void)state;
	/* The misspelt title is not reported missing as well. */
	expect_one("unknown-key.yaml", 1, 1,
	           "unknown key 'titel' in the article; did you mean 'title'?");
	expect_one("unknown-key-entity.yaml", 6, 5,
	           "unknown key 'nmae' in an entity; did you mean 'name'?");
	expect_one("unknown-key-quote.yaml", 8, 5,
	           "unknown key 'cure' in a quote; did you mean 'cue'?");
}

static void test_unknown_key_lists_known_ones(void **state)
{
	(void)state;
	expect_one("unknown-key-far.yaml", 4, 1, "unknown key 'colour' in the "
	           "article; the keys are: title, subtitle, source, authors, "
	           "published, url, language, id, body, entities, quotes, offsets");
	EXPECT_MEM("title: T\nbody: x\nquotes:\n  - text: x\n    speaker: {text: y, "
	           "who: z}\n", 5, 24, "unknown key 'who' in a quote's speaker; the "
	           "keys are: text, entity, span");
}

static void test_misspelt_required_key_reported_once(void **state)
{
	(void)state;
	/* "speeker" suggests "speaker": reported once, as the typo. */
	EXPECT_MEM("title: T\nbody: x\nquotes:\n  - text: x\n    speeker: y\n", 5, 5,
	           "unknown key 'speeker' in a quote; did you mean 'speaker'?");
}

/* ---- types ---------------------------------------------------------- */

static void test_wrong_types(void **state)
{
	(void)state;
	expect_one("wrong-type-authors.yaml", 3, 3,
	           "'authors' must be a list of strings, not a mapping");
	expect_one("wrong-type-title.yaml", 1, 8, "'title' must be a string, not a list");
	expect_one("wrong-type-entities.yaml", 4, 11, "'entities' must be a list of "
	           "entities (mappings with id, name and type), not a string");
	EXPECT_MEM("title: T\nbody: x\nauthors: Ada Byrne\n", 3, 10, "'authors' must "
	           "be a list of strings, not a string; write even one author as a "
	           "list: [Ada Byrne]");
	EXPECT_MEM("title: T\nbody: x\nentities:\n  - holt\n", 4, 5, "each item of "
	           "'entities' must be a mapping with 'id', 'name' and 'type', not a "
	           "string");
	EXPECT_MEM("title: T\nbody: x\nquotes: [[a]]\n", 3, 10, "each item of "
	           "'quotes' must be a mapping with 'text' and 'speaker', not a list");
	EXPECT_MEM("title: T\nbody: x\nquotes:\n  - text: {a: b}\n    speaker: s\n",
	           4, 11, "'text' must be a string or a list of strings (the "
	           "fragments of a split quote), not a mapping");
	EXPECT_MEM("title: T\nbody: x\nquotes:\n  - text: x\n    speaker: [s]\n",
	           5, 14, "'speaker' must be an entity id, or a mapping with 'text' "
	           "and optional 'entity', not a list");
	EXPECT_MEM("title: T\nbody: x\nentities:\n  - {id: a, name: A, type: X, "
	           "aliases: B}\n", 4, 40, "'aliases' must be a list of strings, not "
	           "a string; write even one as a list: [B]");
	EXPECT_MEM("title: T\nbody: [x]\n", 2, 7, "'body' must be a string, not a list");
	EXPECT_MEM("title: T\nbody: x\n? [a]\n: b\n", 3, 3, "a key must be a plain "
	           "word such as 'title', not a list");
}

static void test_duplicate_entity_id(void **state)
{
	(void)state;
	expect_one("duplicate-entity-id.yaml", 8, 9,
	           "duplicate entity id 'holt' (first at line 5)");
}

static void test_duplicate_quote_id(void **state)
{
	(void)state;
	expect_one("duplicate-quote-id.yaml", 8, 9,
	           "duplicate quote id 'q1' (first at line 5)");
}

static void test_invalid_type_labels(void **state)
{
	(void)state;
	const expect want[] = {
		{ 7, 11, "entity type 'person' is not a valid label: use capital "
		         "letters, digits and '_'; did you mean 'PERSON'?" },
		{ 10, 11, "entity type 'Local Council' is not a valid label: use "
		          "capital letters, digits and '_', like PERSON, ORG or GPE" },
	};
	expect_load_fails(FIXTURES "bad-type-label.yaml", want, EXPECT_LEN(want));
}

static void test_invalid_kind(void **state)
{
	(void)state;
	expect_one("bad-kind.yaml", 7, 11,
	           "unknown quote kind 'drect'; did you mean 'direct'?");
	EXPECT_MEM("title: T\nbody: x\nquotes:\n  - {text: x, kind: said, "
	           "speaker: {text: s}}\n", 4, 21, "unknown quote kind 'said'; use direct, "
	           "partial, indirect or mixed");
}

static void test_invalid_case(void **state)
{
	(void)state;
	expect_one("bad-case.yaml", 8, 11,
	           "unknown case 'ignore'; use sensitive or insensitive");
	EXPECT_MEM("title: T\nbody: x\nentities:\n  - {id: a, name: A, type: X, "
	           "case: insensitve}\n", 4, 37,
	           "unknown case 'insensitve'; did you mean 'insensitive'?");
}

static void test_invalid_occurrence(void **state)
{
	(void)state;
	expect_one("bad-occurrence.yaml", 7, 17, "'occurrence' must be a whole "
	           "number, 1 or more (1 for the first place the words stand in the "
	           "body), not '0'");
	EXPECT_MEM("title: T\nbody: x\nquotes:\n  - {text: x, occurrence: two, "
	           "speaker: {text: s}}\n", 4, 27, "'occurrence' must be a whole "
	           "number, 1 or more (1 for the first place the words stand in the "
	           "body), not 'two'");
	EXPECT_MEM("title: T\nbody: x\nquotes:\n  - {text: x, occurrence: "
	           "99999999999, speaker: {text: s}}\n", 4, 27, "'occurrence' must be a whole "
	           "number, 1 or more (1 for the first place the words stand in the "
	           "body), not '99999999999'");
}

static void test_invalid_published(void **state)
{
	(void)state;
	expect_one("bad-published.yaml", 2, 12, "'published' must be an ISO 8601 "
	           "date or date-time such as 2016-07-16 or 2016-07-16T13:13:00-04:00, "
	           "not '4 March 2021'");
}

static void test_empty_values(void **state)
{
	(void)state;
	const expect want[] = {
		{ 1, 8, "'title' is empty: an article needs its headline" },
		{ 5, 9, "'id' is empty: give the entity a short unique id, such as 'kerry'" },
		{ 6, 10, "'name' is empty: give the entity's name as it is spelt in the body" },
	};
	expect_load_fails(FIXTURES "empty-values.yaml", want, EXPECT_LEN(want));
	expect_one("empty-body.yaml", 2, 6, "'body' is empty: an article needs its "
	           "text, usually written as 'body: |' followed by the indented "
	           "paragraphs");
	EXPECT_MEM("title: T\nbody: x\nquotes:\n  - {text: x, id: '', speaker: "
	           "{text: s}}\n", 4, 19, "'id' is empty: give the quote a unique id or remove the key");
}

static void test_malformed_mentions(void **state)
{
	(void)state;
	const expect want[] = {
		{ 9, 9, "a mention must be a pair [start, end] of byte offsets; this "
		        "one has 3 items" },
		{ 10, 10, "a mention offset must be a whole number, 0 or "
		          "more, not '-1'" },
		{ 11, 9, "each item of 'mentions' must be a pair [start, end] of byte "
		         "offsets into the body, not a string" },
	};
	expect_load_fails(FIXTURES "bad-mentions.yaml", want, EXPECT_LEN(want));
}

/* ---- whole runs ----------------------------------------------------- */

static void test_several_problems_in_one_run(void **state)
{
	(void)state;
	const expect want[] = {
		{ 2, 1, "unknown key 'titel' in the article; did you mean 'title'?" },
		{ 3, 12, "'published' must be an ISO 8601 date or date-time such as "
		         "2016-07-16 or 2016-07-16T13:13:00-04:00, not '2021-02-30'" },
		{ 9, 11, "entity type 'person' is not a valid label: use capital "
		         "letters, digits and '_'; did you mean 'PERSON'?" },
		{ 10, 9, "duplicate entity id 'holt' (first at line 7)" },
		{ 16, 11, "unknown quote kind 'indirekt'; did you mean 'indirect'?" },
	};
	expect_load_fails(FIXTURES "several-problems.yaml", want, EXPECT_LEN(want));
}

static void test_resolver_problems_come_in_the_same_run(void **state)
{
	(void)state;
	/* The structure is sound, so the resolver runs and finds that the
	 * quoted words are not in the body, beside the loader's own problem. */
	static const char src[] = "title: T\n"
	                          "published: yesterday\n"
	                          "body: |\n"
	                          "  Nothing was said.\n"
	                          "quotes:\n"
	                          "  - {text: words nowhere in the body, speaker: {text: she}}\n";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("r.yaml", src, sizeof src - 1, &a, &d), -1);
	if (d.n != 2)
		expect_print_diags(&d);
	assert_int_equal(d.n, 2);
	assert_int_equal(d.items[0].line, 2);
	assert_int_equal(d.items[1].line, 6);
	assert_non_null(d.items[1].excerpt);
	diag_list_free(&d);
}

static void test_earlier_diagnostics_are_kept(void **state)
{
	(void)state;
	diag_list d = { 0 };
	diag_add(&d, "other.yaml", 9, 1, "an earlier problem");
	article *a = NULL;
	assert_int_equal(load_article(FIXTURES "duplicate-key.yaml", &a, &d), -1);
	assert_int_equal(d.n, 2);
	/* Neither re-sorted among the new ones nor given their excerpt. */
	assert_string_equal(d.items[0].file, "other.yaml");
	assert_null(d.items[0].excerpt);
	assert_int_equal(d.items[1].line, 6);
	assert_non_null(d.items[1].excerpt);
	assert_int_equal(load_article(FIXTURES "valid.yaml", &a, &d), 0);
	assert_int_equal(d.n, 2);
	article_free(a);
	diag_list_free(&d);
}

static void test_excerpt_of_a_problem(void **state)
{
	(void)state;
	static const char src[] = "title: T\nbody: x\nkind: direct\n";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("k.yaml", src, sizeof src - 1, &a, &d), -1);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].excerpt, "kind: direct");
	assert_int_equal(d.items[0].caret, 1);
	diag_list_free(&d);
}

int main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_article_loads_every_field),
		cmocka_unit_test(test_literal_body_with_explicit_indentation),
		cmocka_unit_test(test_line_separator_drops_body_line),
		cmocka_unit_test(test_quoted_body_has_no_body_line),
		cmocka_unit_test(test_optional_nulls_are_absent),
		cmocka_unit_test(test_published_forms),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_fifo_is_refused_without_blocking),
		cmocka_unit_test(test_device_is_refused),
		cmocka_unit_test(test_unreadable_file),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_too_large_file),
		cmocka_unit_test(test_too_large_in_memory),
		cmocka_unit_test(test_nul_byte_in_file),
		cmocka_unit_test(test_invalid_utf8_in_file),
		cmocka_unit_test(test_nul_bytes_in_memory),
		cmocka_unit_test(test_invalid_utf8_in_memory),
		cmocka_unit_test(test_empty_memory),
		cmocka_unit_test(test_control_character),
		cmocka_unit_test(test_nul_escape_in_string),
		cmocka_unit_test(test_syntax_error),
		cmocka_unit_test(test_syntax_error_with_context),
		cmocka_unit_test(test_top_level_not_a_mapping),
		cmocka_unit_test(test_no_content),
		cmocka_unit_test(test_two_documents),
		cmocka_unit_test(test_anchor_and_alias),
		cmocka_unit_test(test_alias_bomb_is_refused),
		cmocka_unit_test(test_custom_tag),
		cmocka_unit_test(test_deep_flow_nesting_fails_fast),
		cmocka_unit_test(test_deep_block_nesting),
		cmocka_unit_test(test_missing_title),
		cmocka_unit_test(test_missing_entity_type),
		cmocka_unit_test(test_missing_quote_speaker),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_unknown_key_suggests),
		cmocka_unit_test(test_unknown_key_lists_known_ones),
		cmocka_unit_test(test_misspelt_required_key_reported_once),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_duplicate_entity_id),
		cmocka_unit_test(test_duplicate_quote_id),
		cmocka_unit_test(test_invalid_type_labels),
		cmocka_unit_test(test_invalid_kind),
		cmocka_unit_test(test_invalid_case),
		cmocka_unit_test(test_invalid_occurrence),
		cmocka_unit_test(test_invalid_published),
		cmocka_unit_test(test_empty_values),
		cmocka_unit_test(test_malformed_mentions),
		cmocka_unit_test(test_several_problems_in_one_run),
		cmocka_unit_test(test_resolver_problems_come_in_the_same_run),
		cmocka_unit_test(test_earlier_diagnostics_are_kept),
		cmocka_unit_test(test_excerpt_of_a_problem),
	};
	return cmocka_run_group_tests_name("loader", tests, make_tmpdir, remove_tmpdir);
}
