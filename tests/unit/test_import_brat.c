/* Tests of the brat standoff importer: every record kind, PolNeAR's
 * attribution events, text fields over several lines, offsets in code
 * points after an emoji, and hostile files, each problem an exact
 * FILE:LINE: message.  A file of a million lines is generated here. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "import_brat.h"
#include "mem_out.h"
#include "read_file.h"

#define FIXTURES "tests/fixtures/import/"

typedef struct loaded {
	import_status status;
	import_doc *doc;
	char *messages;         /* the diagnostics as printed */
} loaded;

static char *printed(const diag_list *diags)
{
	mem_out m;
	diag_list_print(mem_out_open(&m), diags);
	return mem_out_close(&m);
}

static loaded load_mem(const char *txt, size_t txt_len, const char *ann,
                       size_t ann_len)
{
	loaded l = { 0 };
	diag_list diags = { 0 };
	l.status = import_brat_read("a.txt", txt, txt_len, "a.ann", ann, ann_len,
	                            &l.doc, &diags);
	l.messages = printed(&diags);
	diag_list_free(&diags);
	return l;
}

static loaded load_fixture(const char *name)
{
	char path[256];
	size_t txt_len, ann_len;
	snprintf(path, sizeof path, FIXTURES "%s.txt", name);
	char *txt = read_file(path, &txt_len);
	snprintf(path, sizeof path, FIXTURES "%s.ann", name);
	char *ann = read_file(path, &ann_len);
	loaded l = load_mem(txt, txt_len, ann, ann_len);
	free(txt);
	free(ann);
	return l;
}

static void loaded_free(loaded *l)
{
	import_doc_free(l->doc);
	free(l->messages);
}

/* The text of range r of doc, as a string to compare (caller frees). */
static char *cut(const import_doc *doc, import_range r)
{
	return import_strndup(doc->text + r.start, r.end - r.start);
}

static void assert_range(const import_doc *doc, import_range r,
                         size_t start, size_t end, const char *text)
{
	assert_int_equal(r.start, start);
	assert_int_equal(r.end, end);
	char *s = cut(doc, r);
	assert_string_equal(s, text);
	free(s);
}

static const import_span *span(const import_doc *doc, const char *id)
{
	for (size_t i = 0; i < doc->n_spans; i++)
		if (strcmp(doc->spans[i].id, id) == 0)
			return &doc->spans[i];
	fail_msg("no span %s", id);
	return NULL;
}

/* ---- the constructs ------------------------------------------------- */

static void test_attributions(void **state)
{
	(void)state;
	loaded l = load_fixture("attribution");
	assert_string_equal(l.messages, "");
	assert_int_equal(l.status, IMPORT_OK);
	const import_doc *d = l.doc;
	assert_int_equal(d->n_spans, 9);
	assert_int_equal(d->n_attributions, 4);
	assert_int_equal(d->n_links, 0);

	/* E1 came before the T lines it names. */
	const import_attribution *a = &d->attributions[0];
	assert_string_equal(a->id, "E1");
	assert_string_equal(a->kind, "Attribution");
	assert_int_equal(a->line, 1);
	assert_int_equal(a->source.n, 1);
	assert_range(d, a->source.items[0], 0, 10, "Mara Quill");
	assert_int_equal(a->cue.n, 1);
	assert_range(d, a->cue.items[0], 11, 15, "said");
	assert_int_equal(a->content.n, 1);
	assert_range(d, a->content.items[0], 16, 40, "the ferry will run again");
	assert_false(a->has_confidence);

	/* No source; Content and Content2 both content; the emoji (4 bytes,
	 * one code point) before them shifts the bytes by 3. */
	a = &d->attributions[1];
	assert_string_equal(a->kind, "Attribution-no-source");
	assert_int_equal(a->source.n, 0);
	assert_int_equal(a->content.n, 2);
	assert_range(d, a->content.items[0], 92, 108, "crossings resume");
	assert_range(d, a->content.items[1], 109, 115, "in May");

	/* E3 shares E2's content and names the source T5. */
	a = &d->attributions[2];
	assert_range(d, a->source.items[0], 42, 59, "The harbour board");
	assert_range(d, a->cue.items[0], 82, 86, "said");
	assert_range(d, a->content.items[0], 92, 108, "crossings resume");

	/* E4 shares E1's source, and without a Cue its trigger is the cue. */
	a = &d->attributions[3];
	assert_int_equal(a->line, 13);
	assert_range(d, a->source.items[0], 0, 10, "Mara Quill");
	assert_range(d, a->cue.items[0], 11, 15, "said");
	assert_range(d, a->content.items[0], 109, 115, "in May");
	loaded_free(&l);
}

static void test_constructs(void **state)
{
	(void)state;
	loaded l = load_fixture("constructs");
	assert_string_equal(l.messages,
		"a.ann:8: warning: T7: the text field \"Ian\" differs from "
		"the text its offsets cover, \"Ivo\"; the span is kept as its "
		"offsets say\n");
	assert_int_equal(l.status, IMPORT_OK);
	const import_doc *d = l.doc;
	assert_int_equal(d->n_spans, 7);

	const import_span *s = span(d, "T2");
	assert_string_equal(s->label, "Organization");
	assert_string_equal(s->said, "Lakeside Rowing");
	assert_int_equal(s->line, 2);
	assert_range(d, s->ranges.items[0], 13, 28, "Lakeside Rowing");

	s = span(d, "T5");  /* discontinuous, across a line break */
	assert_int_equal(s->ranges.n, 2);
	assert_range(d, s->ranges.items[0], 65, 73, "Lakeside");
	assert_range(d, s->ranges.items[1], 74, 80, "Rowing");

	s = span(d, "T6");  /* its text field went on to line 7 */
	assert_string_equal(s->said, "Lakeside\nRowing");
	assert_range(d, s->ranges.items[0], 65, 80, "Lakeside\nRowing");
	assert_int_equal(span(d, "T7")->line, 8);

	assert_int_equal(d->n_links, 2);
	assert_string_equal(d->links[0].id, "R1");
	assert_string_equal(d->links[0].type, "Member");
	assert_int_equal(d->links[0].n_args, 2);
	assert_string_equal(d->links[0].args[1].role, "Arg2");
	assert_string_equal(d->links[0].args[1].target, "T2");
	assert_string_equal(d->links[1].id, "*");
	assert_string_equal(d->links[1].type, "Equiv");
	assert_string_equal(d->links[1].args[0].target, "T3");
	assert_string_equal(d->links[1].args[1].target, "T4");

	assert_int_equal(d->n_attrs, 3);
	assert_string_equal(d->attrs[0].name, "Negated");
	assert_null(d->attrs[0].value);
	assert_string_equal(d->attrs[1].value, "High");
	assert_string_equal(d->attrs[2].target, "R1");

	assert_int_equal(d->n_norms, 1);
	assert_string_equal(d->norms[0].span_id, "T1");
	assert_string_equal(d->norms[0].kb_id, "Wikidata:Q999001");
	assert_int_equal(d->n_notes, 1);
	assert_string_equal(d->notes[0].span_id, "T3");
	assert_string_equal(d->notes[0].text, "same person as T4");
	loaded_free(&l);
}

/* ---- hostile files -------------------------------------------------- */

static void test_hostile(void **state)
{
	(void)state;
	loaded l = load_fixture("hostile");
	assert_string_equal(l.messages,
		"a.ann:2: error: T2: piece 1 (0 999): an offset is past the end of "
		"the text (the text has 25 characters); annotation skipped\n"
		"a.ann:3: error: T3: piece 1 (-1 4): an offset is negative (the "
		"text has 25 characters); annotation skipped\n"
		"a.ann:4: error: T4: piece 1 (10 5): the start is after the end "
		"(the text has 25 characters); annotation skipped\n"
		"a.ann:5: warning: T5: piece 2 (2 10) overlaps or comes "
		"before the piece before it; kept as written\n"
		"a.ann:6: error: T1: the ID is taken already (line 1); this line "
		"is skipped: give each annotation its own ID\n"
		"a.ann:12: error: a NUL byte at column 7; line skipped: save the "
		"file as UTF-8 without NUL bytes\n"
		"a.ann:13: error: a byte that is no UTF-8 at column 17; line "
		"skipped: save the file as UTF-8 without NUL bytes\n"
		"a.ann:14: error: not a brat annotation: expected an ID (T1, E1, "
		"R1, A1, N1, #1 or *), a tab, then the annotation; line skipped\n"
		"a.ann:15: error: T8: piece 1 \"0 4x\" is not START END (two "
		"numbers); annotation skipped\n"
		"a.ann:17: error: T9: piece 1 (9223372036854775807 1): an offset is "
		"past the end of the text (the text has 25 characters); annotation "
		"skipped\n"
		"a.ann:9: error: E3: argument Content:E2 closes a cycle of 2 events "
		"referring to each other; event E3 skipped: an event cannot "
		"contain itself\n"
		"a.ann:7: error: E1: argument Source:T9 is no annotation of the "
		"file; event skipped: add it or remove the argument\n"
		"a.ann:16: error: E4: trigger T77 is no annotation of the file; "
		"event skipped: an event's trigger is a T annotation\n"
		"a.ann:10: error: R1: argument T42 is no annotation of the file; "
		"R1 skipped: add it or remove the reference\n"
		"a.ann:11: error: A1: target X7 is no annotation of the file; A1 "
		"skipped: add it or remove the reference\n"
		"a.ann:8: warning: E2: argument E3 was skipped (line 9)\n"
		"a.ann:8: warning: E2: argument Content:E3 ignored: an "
		"attribution reads Source, Cue and Content arguments that are T "
		"annotations\n"
		"a.ann:8: warning: E2: an attribution without a Content "
		"argument\n");
	assert_int_equal(l.status, IMPORT_PARTIAL);
	assert_int_equal(l.doc->n_spans, 2);  /* T1 and T5 */
	assert_int_equal(l.doc->n_attributions, 1);
	assert_int_equal(l.doc->n_links, 0);
	assert_int_equal(l.doc->n_attrs, 0);
	loaded_free(&l);
}

/* Bad bytes of the .txt are one character each, so the offsets after them
 * still land where a Python tool put them. */
static void test_bad_text(void **state)
{
	(void)state;
	loaded l = load_fixture("bad-utf8");
	assert_string_equal(l.messages,
		"a.txt:1:5: warning: the text holds 3 bytes that are no "
		"UTF-8 character (the first is 0xFF); each is read as U+FFFD, one "
		"character, so offsets after it count as a Python tool counts "
		"them: save the text as UTF-8 without NUL bytes\n");
	assert_int_equal(l.status, IMPORT_OK);
	assert_int_equal(l.doc->chars, 28);
	assert_null(memchr(l.doc->text, '\0', l.doc->len));
	assert_range(l.doc, span(l.doc, "T2")->ranges.items[0], 23, 27, "noon");
	loaded_free(&l);
}

static void test_empty_files(void **state)
{
	(void)state;
	loaded l = load_mem("", 0, "", 0);
	assert_string_equal(l.messages, "");
	assert_int_equal(l.status, IMPORT_OK);
	assert_int_equal(l.doc->chars, 0);
	assert_string_equal(l.doc->text, "");
	loaded_free(&l);
	/* An empty span at the very end is a range of the text. */
	l = load_mem("ab", 2, "T1\tX 2 2\t\r\n", 11);
	assert_string_equal(l.messages, "");
	assert_range(l.doc, l.doc->spans[0].ranges.items[0], 2, 2, "");
	loaded_free(&l);
}

/* A line left out after its ID was noted (R1: a missing argument) must
 * not leave the ID table pointing at freed memory: M1 still finds R1.
 * Found by fuzz_import_brat; the sanitizer build catches the old bug. */
static void test_reference_to_skipped_line(void **state)
{
	(void)state;
	const char *ann = "T1\tX 0 1\tx\nR1\tRel Arg1:T1 Arg2:T9\n"
	                  "R2\tRel Arg1:T1 Arg2\nM1\tSpeculation R1\n"
	                  "A1\tNegated R2\n";
	loaded l = load_mem("x", 1, ann, strlen(ann));
	assert_string_equal(l.messages,
		"a.ann:3: error: R2: \"Arg2\" is not ROLE:ID; annotation skipped\n"
		"a.ann:2: error: R1: argument T9 is no annotation of the file; R1 "
		"skipped: add it or remove the reference\n");
	/* References to lines with errors stay: those lines say why. */
	assert_int_equal(l.doc->n_links, 0);
	assert_int_equal(l.doc->n_attrs, 2);
	assert_string_equal(l.doc->attrs[0].target, "R1");
	loaded_free(&l);
}

/* A field that is a prefix of its span's text is compared within its own
 * bytes (the sanitizer build catches a compare that reads past them). */
static void test_short_field(void **state)
{
	(void)state;
	const char *ann = "T1\tPerson 0 9\tIvo\n";
	loaded l = load_mem("Ivo Brenn", 9, ann, strlen(ann));
	assert_string_equal(l.messages,
		"a.ann:1: warning: T1: the text field \"Ivo\" differs from "
		"the text its offsets cover, \"Ivo Brenn\"; the span is kept as "
		"its offsets say\n");
	loaded_free(&l);
}

/* A negative end alone is negative, not "past the end". */
static void test_negative_end(void **state)
{
	(void)state;
	const char *ann = "T1\tX 0 -2\tx\n";
	loaded l = load_mem("xyz", 3, ann, strlen(ann));
	assert_string_equal(l.messages,
		"a.ann:1: error: T1: piece 1 (0 -2): an offset is negative (the "
		"text has 3 characters); annotation skipped\n");
	assert_int_equal(l.status, IMPORT_PARTIAL);
	loaded_free(&l);
}

/* A chain of events each containing the next, and one closing back to the
 * first: no recursion, one cycle reported. */
static void test_long_cycle(void **state)
{
	(void)state;
	enum { N = 100000 };
	size_t cap = (size_t)N * 48, n = 0;
	char *ann = malloc(cap);
	assert_non_null(ann);
	n += (size_t)snprintf(ann + n, cap - n, "T1\tCue 0 1\tx\n");
	for (int i = 1; i <= N; i++)
		n += (size_t)snprintf(ann + n, cap - n, "E%d\tClaim:T1 Arg:E%d\n",
		                      i, i % N + 1);
	loaded l = load_mem("x", 1, ann, n);
	assert_string_equal(l.messages,
		"a.ann:100001: error: E100000: argument Arg:E1 closes a cycle of "
		"100000 events referring to each other; event E100000 skipped: an "
		"event cannot contain itself\n"
		"a.ann:100000: warning: E99999: argument E100000 was "
		"skipped (line 100001)\n");
	assert_int_equal(l.status, IMPORT_PARTIAL);
	assert_int_equal(l.doc->n_links, N - 1);
	loaded_free(&l);
	free(ann);
}

/* A .ann of several megabytes loads in time linear in its lines. */
static void test_large_file(void **state)
{
	(void)state;
	enum { SPANS = 200000 };
	size_t txt_len = (size_t)SPANS * 6;
	char *txt = malloc(txt_len + 1);
	assert_non_null(txt);
	for (size_t i = 0; i < SPANS; i++)
		memcpy(txt + i * 6, "\xC3\xA9t\xC3\xA9 ", 6);  /* "été " */
	size_t cap = (size_t)SPANS * 80, n = 0;
	char *ann = malloc(cap);
	assert_non_null(ann);
	for (size_t i = 0; i < SPANS; i++) {
		n += (size_t)snprintf(ann + n, cap - n, "T%zu\tWord %zu %zu\t\xC3\xA9t"
		                      "\xC3\xA9\n", i + 1, i * 4, i * 4 + 3);
		if (i % 2)
			n += (size_t)snprintf(ann + n, cap - n, "E%zu\tAttribution:T%zu "
			                      "Source:T%zu Content:T%zu\n", i, i + 1, i,
			                      i + 1);
	}
	clock_t t0 = clock();
	loaded l = load_mem(txt, txt_len, ann, n);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	print_message("brat: %zu bytes of .ann, %d spans: %.2f s\n", n, SPANS,
	              secs);
	assert_true(n > 4000000);
	assert_string_equal(l.messages, "");
	assert_int_equal(l.doc->n_spans, SPANS);
	assert_int_equal(l.doc->n_attributions, SPANS / 2);
	const import_span *last = &l.doc->spans[SPANS - 1];
	assert_range(l.doc, last->ranges.items[0], txt_len - 6, txt_len - 1,
	             "\xC3\xA9t\xC3\xA9");
	loaded_free(&l);
	free(txt);
	free(ann);
}

/* Text fields are compared and continued at the cost of their own
 * bytes, not their spans': 50,000 spans over all of a 2 MB text with a
 * wrong one-letter field, and one field of 200,000 lines.  Counting the
 * span (or the field so far) at each step took minutes. */
static void test_long_fields_stay_linear(void **state)
{
	(void)state;
	enum { TEXT = 2000000, SPANS = 50000, LINES = 600000 };
	char *txt = malloc(TEXT);
	assert_non_null(txt);
	memset(txt, 'a', TEXT);
	size_t cap = (size_t)SPANS * 32 + (size_t)LINES * 2 + 64, n = 0;
	char *ann = malloc(cap);
	assert_non_null(ann);
	for (int i = 1; i <= SPANS; i++)
		n += (size_t)snprintf(ann + n, cap - n, "T%d\tX 0 %d\tb\n", i, TEXT);
	n += (size_t)snprintf(ann + n, cap - n, "T0\tX 0 %d\ta", TEXT);
	for (int i = 0; i < LINES; i++) {
		memcpy(ann + n, "\na", 2);
		n += 2;
	}
	diag_list diags = { 0 };
	import_doc *doc = NULL;
	clock_t t0 = clock();
	import_status st = import_brat_read("a.txt", txt, TEXT, "a.ann", ann, n,
	                                    &doc, &diags);
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	print_message("brat: %d whole-text spans, a field of %d lines: %.2f s\n",
	              SPANS, LINES, secs);
	assert_true(secs < 5);
	assert_int_equal(st, IMPORT_OK);
	assert_int_equal(doc->n_spans, SPANS + 1);
	assert_int_equal(strlen(doc->spans[SPANS].said), 1 + 2 * LINES);
	/* The warning quotes 60 bytes of the span, not 2 MB. */
	assert_int_equal(diags.n, SPANS + 1);  /* T0 as well */
	assert_int_equal(diags.items[0].severity, DIAG_WARNING);
	assert_string_equal(diags.items[0].message, "T1: the text "
	                    "field \"b\" differs from the text its offsets "
	                    "cover, \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	                    "aaaaaaaaaaaaaaaa\"; the span is kept as its offsets "
	                    "say");
	import_doc_free(doc);
	diag_list_free(&diags);
	free(txt);
	free(ann);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attributions),
		cmocka_unit_test(test_constructs),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_bad_text),
		cmocka_unit_test(test_empty_files),
		cmocka_unit_test(test_reference_to_skipped_line),
		cmocka_unit_test(test_negative_end),
		cmocka_unit_test(test_short_field),
		cmocka_unit_test(test_long_cycle),
		cmocka_unit_test(test_large_file),
		cmocka_unit_test(test_long_fields_stay_linear),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
