/* Tests of the split load (src/loader_split.c): a literal body read from
 * the bytes while libyaml checks the whole file on a second thread.  Every
 * article here is loaded both ways, split and plain, and must come out
 * the same: the same return, the same diagnostics, the same model as
 * export writes it, the same body position.  Each case also says whether
 * the split reading must be kept (the check agreed) or dropped: a split
 * that is never kept would pass the first test and be useless. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "loader.h"
#include "read_file.h"
/* The steps of the split load, to give it a wrong reading on purpose. */
#include "../../src/loader_private.h"

typedef struct outcome {
	int rc;
	char *diags;    /* as `quoth check` prints them */
	char *model;    /* export's JSON, and the body's place in the file */
} outcome;

static outcome load_as(loader_split_mode mode, const char *text, size_t len)
{
	outcome o = { 0 };
	size_t size;
	diag_list diags = { 0 };
	article *a = NULL;
	loader_set_split(mode);
	o.rc = load_article_mem("a.yaml", text, len, &a, &diags);
	loader_set_split(LOADER_SPLIT_AUTO);
	FILE *f = open_memstream(&o.diags, &size);
	assert_non_null(f);
	diag_list_print(f, &diags);
	fclose(f);
	f = open_memstream(&o.model, &size);
	assert_non_null(f);
	if (a) {
		fprintf(f, "body at line %d, indent %d\n", a->body_line, a->body_indent);
		assert_int_equal(export_json(a, f), 0);
	}
	fclose(f);
	article_free(a);
	diag_list_free(&diags);
	return o;
}

/* Loads text both ways; returns whether the split reading was kept. */
static bool same_both_ways_n(const char *text, size_t len)
{
	unsigned long before = loader_splits_kept();
	outcome split = load_as(LOADER_SPLIT_ALWAYS, text, len);
	bool kept = loader_splits_kept() > before;
	outcome plain = load_as(LOADER_SPLIT_NEVER, text, len);
	assert_int_equal(split.rc, plain.rc);
	assert_string_equal(split.diags, plain.diags);
	assert_string_equal(split.model, plain.model);
	free(split.diags);
	free(split.model);
	free(plain.diags);
	free(plain.model);
	return kept;
}

static bool same_both_ways(const char *text)
{
	return same_both_ways_n(text, strlen(text));
}

static const char head[] =
	"title: Talks in Moscow\n"
	"published: 2016-07-16\n";

static const char tail[] =
	"entities:\n"
	"  - id: kerry\n"
	"    name: John Kerry\n"
	"    type: PERSON\n"
	"    aliases: [Kerry]\n"
	"quotes:\n"
	"  - text: \"We made progress\"\n"
	"    speaker: kerry\n"
	"    cue: said\n";

static const char body[] =
	"body: |\n"
	"  John Kerry arrived on Thursday.\n"
	"\n"
	"  \"We made progress,\" Kerry said.\n";

/* head + middle + tail, in a buffer the caller frees. */
static char *article_of(const char *first, const char *middle, const char *last)
{
	size_t n = strlen(first) + strlen(middle) + strlen(last) + 1;
	char *s = malloc(n);
	assert_non_null(s);
	snprintf(s, n, "%s%s%s", first, middle, last);
	return s;
}

static void expect_kept(const char *first, const char *middle, const char *last,
                        bool kept)
{
	char *s = article_of(first, middle, last);
	assert_int_equal(same_both_ways(s), kept);
	free(s);
}

static void test_body_between_metadata_and_entities(void **state)
{
	(void)state;
	expect_kept(head, body, tail, true);
}

static void test_body_first_and_last(void **state)
{
	(void)state;
	expect_kept(body, head, tail, true);
	expect_kept(head, tail, body, true);
	/* The last line of the file without its line break. */
	char *s = article_of(head, tail, body);
	s[strlen(s) - 1] = '\0';
	same_both_ways(s);
	free(s);
}

/* Strip, clip and keep, with empty lines inside and after the text. */
static void test_chomping_and_empty_lines(void **state)
{
	(void)state;
	static const char *const bodies[] = {
		"body: |-\n  One.\n\n  Two.\n\n\n",
		"body: |+\n  One.\n\n  Two.\n\n\n",
		"body: |\n  One.\n\n\n  Two.\n\n\n",
		"body:   |  \n\n\n  One.\n  Two.\n",
	};
	for (size_t k = 0; k < sizeof bodies / sizeof *bodies; k++) {
		expect_kept(head, bodies[k], tail, true);
		expect_kept(head, tail, bodies[k], true);
	}
}

/* Lines of spaces: fewer than the indentation are empty lines, more are
 * text; deeper indentation and tabs after it are text. */
static void test_spaces_tabs_and_deeper_lines(void **state)
{
	(void)state;
	expect_kept(head,
	            "body: |\n"
	            "    Four spaces set the indentation.\n"
	            "  \n"
	            "        Deeper by four.\n"
	            "         \n"
	            "    \tA tab after it.\n"
	            "\n",
	            tail, true);
}

/* The marks count characters: text before the body that is not ASCII,
 * and a byte order mark, must not shift what follows it. */
static void test_characters_before_and_in_the_body(void **state)
{
	(void)state;
	expect_kept("\xEF\xBB\xBFtitle: Zoë Ångström in Łódź — 「東京」\n", body,
	            tail, true);
	expect_kept(head, "body: |\n  Kerry — «Ångström» 「東京」 said.\n"
	            "  \xF0\x9F\x99\x82\n", tail, true);
}

/* Comments after the body, less indented; a comment line inside it is
 * text. */
static void test_comments(void **state)
{
	(void)state;
	expect_kept(head, "body: |\n  # not a comment\n  John Kerry.\n"
	            "# a comment\n\n  # another\n", tail, true);
}

/* Problems after the body are reported the same, from the split load. */
static void test_errors_after_the_body(void **state)
{
	(void)state;
	expect_kept(head, body, "entities:\n  - id: kerry\n    nme: John Kerry\n"
	            "    type: PERSON\n", true);
	expect_kept(head, body, "quotes:\n  - text: \"nowhere said\"\n"
	            "    speaker: nobody\n", true);
	expect_kept(head, body, "title: twice\n", true);
}

/* What the split reading gets wrong or does not take on: dropped by the
 * check or never tried, and the plain load decides. */
static void test_readings_the_check_refuses(void **state)
{
	(void)state;
	/* CR LF line ends, NEL and LS inside the body. */
	expect_kept("title: A\r\n", "body: |\r\n  One.\r\n  Two.\r\n", "", false);
	expect_kept(head, "body: |\n  One.\r\n  Two.\n", tail, false);
	expect_kept(head, "body: |\n  One.\xC2\x85  Two.\n", tail, false);
	expect_kept(head, "body: |\n  One.\xE2\x80\xA8Two.\n", tail, false);
	/* Folded, indentation indicator, comment on the header line. */
	expect_kept(head, "body: >\n  One.\n  Two.\n", tail, false);
	expect_kept(head, "body: |2\n    One.\n", tail, false);
	expect_kept(head, "body: | # text\n  One.\n", tail, false);
	/* A 'body: |' line inside a quoted title is not the body's header. */
	expect_kept("title: \"A\nbody: |\n  B\"\n", body, tail, false);
	/* A second document, a syntax error, a tab where indentation is. */
	expect_kept(head, body, "---\ntitle: again\n", false);
	expect_kept(head, body, "entities: [\n", false);
	expect_kept(head, "body: |\n  One.\n\tTwo.\n", tail, false);
	/* Control characters libyaml refuses, in the body. */
	expect_kept(head, "body: |\n  One\x01.\n", tail, false);
	/* Bytes the loader refuses before parsing, in the body the split
	 * reads from the bytes: the other thread checks them first. */
	expect_kept(head, "body: |\n  One \xC3\x28 two.\n", tail, false);
	expect_kept(head, "body: |\n  One \xED\xA0\x80 two.\n", tail, false);
	static const char nul[] = "title: A\nbody: |\n  One \0 two.\n";
	assert_false(same_both_ways_n(nul, sizeof nul - 1));
	/* An empty body, and one whose text starts in column 1: like the CR
	 * above, found once the check has started, which then stops. */
	expect_kept(head, "body: |\n\n", tail, false);
	expect_kept(head, "body: |\nOne.\n", tail, false);
}

/* A body of some megabytes, as the split is used: the check makes its
 * room present while it is filled, and the characters of its lines are
 * counted for the marks after it (a quote and an error there). */
static void test_a_long_body(void **state)
{
	(void)state;
	static const char para[] =
		"  Kerry met Lavrov in Moscow \xE2\x80\x94 \xC2\xAB\xC3\x85ngstr\xC3\xB6m\xC2\xBB "
		"said \xE2\x80\x9Cwe made progress\xE2\x80\x9D on Thursday.\n\n";
	size_t n = 40000, len = 0;
	char *middle = malloc(16 + n * (sizeof para - 1));
	assert_non_null(middle);
	len += (size_t)sprintf(middle, "body: |\n");
	for (size_t k = 0; k < n; k++, len += sizeof para - 1)
		memcpy(middle + len, para, sizeof para - 1);
	middle[len] = '\0';
	expect_kept(head, middle, tail, true);
	expect_kept(head, middle, "quotes:\n  - text: \"nowhere said\"\n"
	            "    speaker: nobody\n", true);
	free(middle);
}

/* The bundled articles are kept; every loader fixture, most of them
 * broken on purpose, comes out the same either way. */
static void test_bundled_articles_and_fixtures(void **state)
{
	(void)state;
	static const char *const kept[] = {
		"articles/kerry-lavrov-moscow.yaml", "articles/format-tour.yaml",
	};
	for (size_t k = 0; k < sizeof kept / sizeof *kept; k++) {
		size_t len;
		char *s = read_file(kept[k], &len);
		assert_true(same_both_ways_n(s, len));
		free(s);
	}
	DIR *d = opendir("tests/fixtures/loader");
	assert_non_null(d);
	size_t n = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (!strstr(e->d_name, ".yaml"))
			continue;
		char path[512];
		snprintf(path, sizeof path, "tests/fixtures/loader/%s", e->d_name);
		size_t len;
		char *s = read_file(path, &len);
		same_both_ways_n(s, len);
		free(s);
		n++;
	}
	closedir(d);
	assert_true(n > 20);
}

/* The split steps by hand, as loader.c runs them; wrong_byte >= 0 first
 * changes that byte of the body read from the bytes, keeping its length.
 * Returns what the check says; *bytes_ok what it says of the bytes. */
static bool check_with_body(const char *text, long wrong_byte, bool *bytes_ok)
{
	size_t len = strlen(text);
	diag_list diags = { 0 };
	loader ld = { .name = "a.yaml", .src = text, .src_len = len,
	              .diags = &diags, .section = KEY_NONE };
	ld.a = calloc(1, sizeof *ld.a);
	assert_non_null(ld.a);
	split sp;
	assert_true(ld_split_find(text, len, &sp));
	assert_true(ld_split_check_start(&sp, text, len));
	assert_true(ld_split_read_body(&sp));
	if (wrong_byte >= 0) {
		assert_true((size_t)wrong_byte < sp.body_len);
		sp.body[wrong_byte] ^= 1;
	}
	ld_split_give_body(&sp, true);
	ld_parse_split(&ld, &sp);
	*bytes_ok = ld_split_bytes_ok(&sp);
	bool kept = ld_split_check_end(&sp);
	ld_split_free(&sp);
	free(ld.quote_id_pos);
	article_free(ld.a);
	diag_list_free(&diags);
	return kept;
}

/* A reading of the right length with one wrong byte is refused: the check
 * compares the body itself, not only the events around it.  No input is
 * known to make the reading wrong that way, so the byte is changed here. */
static void test_check_compares_the_body(void **state)
{
	(void)state;
	char *s = article_of(head, body, tail);
	bool bytes_ok;
	assert_true(check_with_body(s, -1, &bytes_ok));
	assert_true(bytes_ok);
	assert_false(check_with_body(s, 5, &bytes_ok));
	free(s);
	/* Bytes the plain load would refuse are refused by the check too. */
	s = article_of(head, "body: |\n  One \xC3\x28 two.\n", tail);
	assert_false(check_with_body(s, -1, &bytes_ok));
	assert_false(bytes_ok);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_body_between_metadata_and_entities),
		cmocka_unit_test(test_body_first_and_last),
		cmocka_unit_test(test_chomping_and_empty_lines),
		cmocka_unit_test(test_spaces_tabs_and_deeper_lines),
		cmocka_unit_test(test_characters_before_and_in_the_body),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_errors_after_the_body),
		cmocka_unit_test(test_readings_the_check_refuses),
		cmocka_unit_test(test_a_long_body),
		cmocka_unit_test(test_bundled_articles_and_fixtures),
		cmocka_unit_test(test_check_compares_the_body),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
