/* Tests of the quoth YAML writer of imported documents: each import
 * fixture against its golden YAML, bodies that YAML finds hard loading
 * back byte for byte, the guessed kind, speakers linked to entities, the
 * type names, and the brat pairing rule. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_load.h"
#include "article_open.h"
#include "import_yaml.h"
#include "mem_out.h"
#include "read_file.h"

#define FIXTURES "tests/fixtures/import/"

/* The YAML of doc, as a string the caller frees. */
static char *yaml_of(const import_doc *doc, diag_list *diags)
{
	mem_out m;
	import_yaml_meta meta = { .file = "t.ann", .format = "brat", .title = "t" };
	assert_int_equal(import_yaml_write(doc, &meta, mem_out_open(&m), diags), 0);
	return mem_out_close(&m);
}

static import_doc *doc_of(const char *text, size_t len)
{
	import_doc *doc = import_doc_new();
	diag_list d = { 0 };
	import_report rep = { .diags = &d, .file = "t.txt" };
	assert_non_null(doc);
	assert_true(import_doc_set_text(doc, text, len, &rep, 0));
	diag_list_free(&d);
	return doc;
}

static void add_span(import_doc *doc, const char *id, const char *label,
                     size_t start, size_t end)
{
	import_span *s = import_doc_add_span(doc, 1);
	s->id = id ? strdup(id) : NULL;
	s->label = strdup(label);
	assert_true(import_ranges_push(&s->ranges, (import_range){ start, end }));
}

static import_attribution *add_quote(import_doc *doc, size_t cs, size_t ce,
                                     size_t ss, size_t se)
{
	import_attribution *a = import_doc_add_attribution(doc, 1);
	assert_true(import_ranges_push(&a->content, (import_range){ cs, ce }));
	if (se > ss)
		assert_true(import_ranges_push(&a->source, (import_range){ ss, se }));
	return a;
}

/* ---- golden files ------------------------------------------------------ */

static void check_golden(const char *input, const char *golden)
{
	import_items items = { 0 };
	diag_list d = { 0 };
	import_status st = import_file(input, IMPORT_FORMAT_AUTO, &items, &d);
	assert_true(st == IMPORT_OK || st == IMPORT_PARTIAL);
	char *want = read_file(golden, NULL);
	/* A JSON Lines file's documents, one after another as quoth import
	 * prints them. */
	size_t at = 0;
	for (size_t i = 0; i < items.n; i++) {
		if (i > 0) {
			assert_memory_equal(want + at, "---\n", 4);
			at += 4;
		}
		if (strncmp(want + at, items.items[i].yaml, items.items[i].len) != 0)
			fail_msg("%s: the YAML differs from %s:\n%s", input, golden,
			         items.items[i].yaml);
		at += items.items[i].len;
	}
	assert_int_equal(at, strlen(want));
	free(want);
	import_items_free(&items);
	diag_list_free(&d);
}

static void test_golden_brat(void **state)
{
	(void)state;
	check_golden(FIXTURES "attribution.ann", FIXTURES "golden/attribution.yaml");
	check_golden(FIXTURES "constructs.ann", FIXTURES "golden/constructs.yaml");
	check_golden(FIXTURES "hostile.ann", FIXTURES "golden/hostile.yaml");
	/* Sources in pieces (touching ones too), and an Attribution without
	 * a Source beside an Attribution-no-source. */
	check_golden(FIXTURES "pieces.ann", FIXTURES "golden/pieces.yaml");
}

static void test_golden_json(void **state)
{
	(void)state;
	check_golden(FIXTURES "citron.json", FIXTURES "golden/citron.yaml");
	check_golden(FIXTURES "spacy.json", FIXTURES "golden/spacy.yaml");
	check_golden(FIXTURES "displacy.json", FIXTURES "golden/displacy.yaml");
	check_golden(FIXTURES "doccano.jsonl", FIXTURES "golden/doccano.yaml");
	check_golden(FIXTURES "prodigy.jsonl", FIXTURES "golden/prodigy.yaml");
}

/* ---- bodies -------------------------------------------------------------- */

/* Texts that a careless block scalar changes: leading blanks, trailing
 * blanks and line breaks, tabs, CR, NEL, LS, a byte order mark, controls,
 * YAML's own indicators and document markers. */
static const char *const hostile_bodies[] = {
	"plain text, no final newline",
	"one final newline\n",
	"two final newlines\n\n",
	"three\n\n\n",
	"  two leading spaces\nthen a line\n",
	" one leading space",
	"\n\n  indented after blank lines\n",
	"\tleading tab\n",
	"trailing spaces   \nand tab\t\n",
	"a line of blanks\n   \nbelow\n",
	"ends with blanks\n   ",
	"cr lf\r\nline\r\n",
	"lone cr\rhere",
	"cr\r\n  indented after a cr\n\tand a tab\n",
	"nel\xc2\x85" "after",
	"ls\xe2\x80\xa8ps\xe2\x80\xa9",
	"\xef\xbb\xbf" "bom first",
	"bell\x07 escape\x1b del\x7f c1\xc2\x80",
	"- a dash\n# a hash\nkey: value\n--- \n...\n",
	"\"double\" and 'single' and \\backslash\\",
	"\xe2\x80\x9c" "curly" "\xe2\x80\x9d and CJK \xe5\xb1\xb1\xe7\x94\xb0\n",
	"x",
	"\n\nx",
	"x\n \t",
};
/* (A body of blanks alone is no article: the loader calls it empty.) */

static void test_hostile_bodies_load_back(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof hostile_bodies / sizeof *hostile_bodies; i++) {
		const char *text = hostile_bodies[i];
		import_doc *doc = doc_of(text, strlen(text));
		diag_list d = { 0 };
		char *yaml = yaml_of(doc, &d);
		article *a = NULL;
		diag_list ld = { 0 };
		int rc = load_article_mem("t.yaml", yaml, strlen(yaml), &a, &ld);
		if (rc != 0 || a->body_len != strlen(text) ||
		    memcmp(a->body, text, a->body_len) != 0)
			fail_msg("body %zu did not load back: rc %d, %s\n%s", i, rc,
			         ld.n ? ld.items[0].message : "(no message)", yaml);
		article_free(a);
		diag_list_free(&ld);
		diag_list_free(&d);
		free(yaml);
		import_doc_free(doc);
	}
}

static void test_body_header(void **state)
{
	(void)state;
	struct { const char *text, *header; } cases[] = {
		{ "a\n", "body: |\n  a\n" },
		{ "a", "body: |-\n  a\n" },
		{ "a\n\n", "body: |+\n  a\n\n" },
		{ " a\n", "body: |2\n   a\n" },
		{ "a\r\nb", "body: \"a\\r\\n\\\n  b\"\n" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		import_doc *doc = doc_of(cases[i].text, strlen(cases[i].text));
		diag_list d = { 0 };
		char *yaml = yaml_of(doc, &d);
		if (!strstr(yaml, cases[i].header))
			fail_msg("case %zu: no '%s' in\n%s", i, cases[i].header, yaml);
		free(yaml);
		diag_list_free(&d);
		import_doc_free(doc);
	}
}

/* ---- quotes ---------------------------------------------------------------- */

static void test_kind_guessed_from_marks(void **state)
{
	(void)state;
	/* “Yes,” Ann said. Bo said the plan was “fine” for now. Cy said no. */
	const char *text = "\xe2\x80\x9cYes,\xe2\x80\x9d Ann said. Bo said the plan "
	                   "was \xe2\x80\x9c" "fine\xe2\x80\x9d for now. Cy said no.";
	import_doc *doc = doc_of(text, strlen(text));
	const char *mixed = strstr(text, "the plan"), *none = strstr(text, "no.");
	add_quote(doc, 3, 6, 0, 0);     /* Yes, inside the marks */
	add_quote(doc, (size_t)(mixed - text), (size_t)(strstr(text, " for") - text) + 8, 0, 0);
	add_quote(doc, (size_t)(none - text), (size_t)(none - text) + 2, 0, 0);
	diag_list d = { 0 };
	char *yaml = yaml_of(doc, &d);
	const char *k1 = strstr(yaml, "kind: direct  # guessed");
	const char *k2 = k1 ? strstr(k1 + 1, "kind: mixed  # guessed") : NULL;
	const char *k3 = k2 ? strstr(k2 + 1, "kind: indirect  # guessed") : NULL;
	if (!k3)
		fail_msg("kinds not direct, mixed, indirect:\n%s", yaml);
	assert_non_null(strstr(yaml, "speaker: none"));
	free(yaml);
	diag_list_free(&d);
	import_doc_free(doc);
}

/* PolNeAR's Discuss spans cover a whole statement: "she" at its start is
 * not the Discuss span's entity, while a name in the same text is. */
static void test_speaker_not_linked_to_a_statement_span(void **state)
{
	(void)state;
	const char *text = "She praised the port. Ann Lee said it rains.";
	import_doc *doc = doc_of(text, strlen(text));
	add_span(doc, "T1", "Discuss", 0, 21);     /* the whole first sentence */
	add_span(doc, "T2", "Person", 22, 29);     /* "Ann Lee" */
	add_quote(doc, 12, 20, 0, 3);              /* "she" praised "the port" */
	add_quote(doc, 35, 43, 22, 25);            /* "Ann" said "it rains" */
	diag_list d = { 0 };
	char *yaml = yaml_of(doc, &d);
	assert_non_null(strstr(yaml, "speaker: {text: She, span: [0, 3]}"));
	assert_non_null(strstr(yaml, "speaker: {entity: T2, text: Ann, span: [22, 25]}"));
	free(yaml);
	diag_list_free(&d);
	import_doc_free(doc);
}

static void test_speaker_linked_to_entity(void **state)
{
	(void)state;
	const char *text = "Ann Lee said it rains. The board said no. Ann said yes.";
	import_doc *doc = doc_of(text, strlen(text));
	add_span(doc, "T1", "Person", 0, 7);
	add_span(doc, "T2", "Person", 42, 45);   /* "Ann": another entity */
	add_span(doc, "T3", "Person", 0, 7);     /* same text and type: T1 */
	add_quote(doc, 13, 21, 0, 3);            /* source "Ann" inside T1 */
	add_quote(doc, 38, 40, 23, 32);          /* "The board": no entity */
	diag_list d = { 0 };
	char *yaml = yaml_of(doc, &d);
	assert_non_null(strstr(yaml, "  - id: T1\n    type: PERSON\n    mentions: [[0, 7], [0, 7]]\n"));
	assert_non_null(strstr(yaml, "  - id: T2\n"));
	assert_null(strstr(yaml, "  - id: T3\n"));
	assert_non_null(strstr(yaml, "speaker: {entity: T1, text: Ann, span: [0, 3]}"));
	assert_non_null(strstr(yaml, "speaker: {text: The board, span: [23, 32]}"));
	assert_non_null(strstr(yaml, "  - id: q1\n"));
	free(yaml);
	diag_list_free(&d);
	import_doc_free(doc);
}

static void test_quote_without_content_left_out(void **state)
{
	(void)state;
	import_doc *doc = doc_of("Ann said.", 9);
	import_attribution *a = import_doc_add_attribution(doc, 7);
	a->id = strdup("E9");
	assert_true(import_ranges_push(&a->cue, (import_range){ 4, 8 }));
	add_span(doc, "T4", "Source", 0, 3);     /* a role no event uses */
	add_span(doc, "T5", "Attribution-no-source", 4, 8);  /* E9's trigger */
	diag_list d = { 0 };
	char *yaml = yaml_of(doc, &d);
	assert_null(strstr(yaml, "quotes:"));
	assert_null(strstr(yaml, "entities:"));
	assert_int_equal(d.n, 2);
	assert_int_equal(d.items[0].severity, DIAG_WARNING);
	assert_string_equal(d.items[0].message,
	                    "T4: a Source span that no attribution uses is left out");
	assert_string_equal(d.items[1].message,
	                    "E9: left out: a quote needs its content");
	assert_int_equal(d.items[1].line, 7);
	free(yaml);
	diag_list_free(&d);
	import_doc_free(doc);
}

/* ---- names ------------------------------------------------------------------ */

static void test_type_names(void **state)
{
	(void)state;
	char buf[64];
	const char *cases[][2] = {
		{ "Person", "PERSON" }, { "Organization", "ORG" }, { "LOCATION", "LOC" },
		{ "per", "PERSON" }, { "Discuss", "DISCUSS" }, { "geo-pol ent", "GEO_POL_ENT" },
		{ "", "MISC" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		import_yaml_type(cases[i][0], buf, sizeof buf);
		assert_string_equal(buf, cases[i][1]);
	}
}

static void test_pairing_rule(void **state)
{
	(void)state;
	system("mkdir -p build/pairing/text build/pairing/attributions && "
	       "touch build/pairing/a.txt build/pairing/a.ann build/pairing/b.txt "
	       "build/pairing/b_4b22.ann build/pairing/text/c.txt "
	       "build/pairing/attributions/c_d473.ann build/pairing/attributions/c_0aaa.ann");
	char *p = import_pair_txt("build/pairing/a.ann");
	assert_string_equal(p, "build/pairing/a.txt");
	free(p);
	p = import_pair_txt("build/pairing/b_4b22.ann");
	assert_string_equal(p, "build/pairing/b.txt");
	free(p);
	p = import_pair_txt("build/pairing/attributions/c_d473.ann");
	assert_string_equal(p, "build/pairing/attributions/../text/c.txt");
	free(p);
	assert_null(import_pair_txt("build/pairing/none_4b22.ann"));
	p = import_pair_ann("build/pairing/b.txt");
	assert_string_equal(p, "build/pairing/b_4b22.ann");
	free(p);
	p = import_pair_ann("build/pairing/text/c.txt");
	assert_string_equal(p, "build/pairing/text/../attributions/c_0aaa.ann");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_brat),
		cmocka_unit_test(test_golden_json),
		cmocka_unit_test(test_hostile_bodies_load_back),
		cmocka_unit_test(test_body_header),
		cmocka_unit_test(test_kind_guessed_from_marks),
		cmocka_unit_test(test_speaker_linked_to_entity),
		cmocka_unit_test(test_speaker_not_linked_to_a_statement_span),
		cmocka_unit_test(test_quote_without_content_left_out),
		cmocka_unit_test(test_type_names),
		cmocka_unit_test(test_pairing_rule),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
