/* Tests of the JSON importers: citron's quotes, spaCy and displaCy
 * entities, Prodigy and doccano JSON Lines, detection by keys, and
 * hostile documents (bad offsets, wrong types, NUL, JSON nested 100,000
 * deep), each an exact message at its line and JSON path. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_json.h"
#include "mem_out.h"
#include "read_file.h"

#define FIXTURES "tests/fixtures/import/"

typedef struct loaded {
	import_status status;
	import_doc_list docs;
	char *messages;
} loaded;

static loaded load_mem(const char *bytes, size_t len,
                       import_json_format format)
{
	loaded l = { 0 };
	diag_list diags = { 0 };
	l.status = import_json_read("f.json", bytes, len, format, &l.docs,
	                            &diags);
	mem_out m;
	diag_list_print(mem_out_open(&m), &diags);
	l.messages = mem_out_close(&m);
	diag_list_free(&diags);
	return l;
}

static loaded load_fixture(const char *name)
{
	size_t len;
	char path[256];
	snprintf(path, sizeof path, FIXTURES "%s", name);
	char *bytes = read_file(path, &len);
	loaded l = load_mem(bytes, len, IMPORT_JSON_AUTO);
	free(bytes);
	return l;
}

static void loaded_free(loaded *l)
{
	import_doc_list_free(&l->docs);
	free(l->messages);
}

static void assert_range(const import_doc *doc, import_range r,
                         size_t start, size_t end, const char *text)
{
	assert_int_equal(r.start, start);
	assert_int_equal(r.end, end);
	assert_int_equal(strlen(text), end - start);
	assert_memory_equal(doc->text + start, text, end - start);
}

static void assert_span(const import_doc *doc, size_t i, const char *id,
                        const char *label, size_t start, size_t end,
                        const char *text)
{
	assert_true(i < doc->n_spans);
	const import_span *s = &doc->spans[i];
	assert_string_equal(s->id, id);
	assert_string_equal(s->label, label);
	assert_int_equal(s->ranges.n, 1);
	assert_range(doc, s->ranges.items[0], start, end, text);
}

/* ---- the formats ---------------------------------------------------- */

static void test_citron(void **state)
{
	(void)state;
	loaded l = load_fixture("citron.json");
	assert_string_equal(l.messages, "");
	assert_int_equal(l.status, IMPORT_OK);
	assert_int_equal(l.docs.n, 1);
	const import_doc *d = l.docs.items[0];
	assert_int_equal(d->n_attributions, 3);
	const import_attribution *a = &d->attributions[0];
	assert_string_equal(a->id, "quotes[0]");
	assert_int_equal(a->line, 0);  /* pretty-printed: the path says where */
	assert_range(d, a->cue.items[0], 9, 13, "said");
	assert_range(d, a->source.items[0], 0, 8, "Pia Lund");
	/* After the star (4 bytes, one character): 3 bytes on. */
	assert_range(d, a->content.items[0], 19, 51,
	             "the lighthouse reopens on Friday");
	assert_true(a->has_confidence);
	assert_true(a->confidence == 0.875);
	a = &d->attributions[2];  /* no source, the cue as an array */
	assert_int_equal(a->source.n, 0);
	assert_false(a->has_confidence);
	assert_range(d, a->content.items[0], 45, 51, "Friday");
	assert_int_equal(d->n_spans, 3);
	assert_span(d, 0, "quotes[1].coreferences[0]", "coreference", 0, 8,
	            "Pia Lund");
	assert_span(d, 2, "coreference_groups[0][1]", "coreference-group", 53,
	            56, "She");
	loaded_free(&l);
}

static void test_spacy_and_displacy(void **state)
{
	(void)state;
	loaded l = load_fixture("spacy.json");
	assert_string_equal(l.messages, "");
	const import_doc *d = l.docs.items[0];
	assert_int_equal(d->n_spans, 3);
	assert_span(d, 1, "ents[1]", "GPE", 19, 25, "Tarnby");
	assert_int_equal(d->spans[1].line, 1);
	/* kb_id "" is no link. */
	assert_int_equal(d->n_norms, 1);
	assert_string_equal(d->norms[0].span_id, "ents[0]");
	assert_string_equal(d->norms[0].kb_id, "Q999002");
	loaded_free(&l);

	l = load_fixture("displacy.json");
	assert_string_equal(l.messages, "");
	d = l.docs.items[0];
	assert_string_equal(d->title, "Flight news");
	assert_span(d, 0, "ents[0]", "GPE", 19, 25, "Tarnby");
	loaded_free(&l);
}

static void test_json_lines(void **state)
{
	(void)state;
	loaded l = load_fixture("prodigy.jsonl");
	assert_string_equal(l.messages, "");
	assert_int_equal(l.status, IMPORT_OK);
	assert_int_equal(l.docs.n, 2);  /* the blank line between is no doc */
	assert_span(l.docs.items[0], 1, "spans[1]", "ORG", 19, 23, "Keld");
	assert_span(l.docs.items[1], 0, "spans[0]", "GPE", 26, 30, "Vire");
	assert_int_equal(l.docs.items[1]->spans[0].line, 3);
	loaded_free(&l);

	l = load_fixture("doccano.jsonl");
	assert_string_equal(l.messages, "");
	assert_int_equal(l.docs.n, 2);
	assert_span(l.docs.items[0], 0, "label[0]", "PERSON", 0, 9, "Ama Oduya");
	assert_span(l.docs.items[1], 0, "entities[0]", "PERSON", 0, 11,
	            "\xC3\x89mile Roux");
	assert_span(l.docs.items[1], 1, "entities[1]", "GPE", 26, 30, "Vire");
	loaded_free(&l);
}

static void test_detect(void **state)
{
	(void)state;
	static const struct {
		const char *json;
		import_json_format format;
	} cases[] = {
		{ "{\"text\":\"\",\"quotes\":[]}", IMPORT_JSON_CITRON },
		{ "{\"text\":\"\",\"ents\":[],\"tokens\":[]}", IMPORT_JSON_SPACY },
		{ "{\"text\":\"\",\"ents\":[],\"title\":null}", IMPORT_JSON_DISPLACY },
		{ "{\"text\":\"\",\"spans\":[]}", IMPORT_JSON_PRODIGY },
		{ "{\"text\":\"\",\"label\":[]}", IMPORT_JSON_DOCCANO },
		{ "{\"text\":\"\",\"entities\":[]}", IMPORT_JSON_DOCCANO },
		{ "{\"text\":\"\"}", IMPORT_JSON_UNKNOWN },
		{ "[1]", IMPORT_JSON_UNKNOWN },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cJSON *j = cJSON_Parse(cases[i].json);
		assert_non_null(j);
		assert_int_equal(import_json_detect(j), cases[i].format);
		cJSON_Delete(j);
	}
	assert_int_equal(import_json_format_named("doccano"), IMPORT_JSON_DOCCANO);
	assert_string_equal(import_json_format_name(IMPORT_JSON_SPACY), "spacy");
	assert_int_equal(import_json_format_named("brat"), IMPORT_JSON_UNKNOWN);
	/* A format named overrides the keys. */
	const char *doc = "{\"text\":\"ab\",\"ents\":[{\"start\":0,\"end\":1}],"
	                  "\"spans\":[{\"start\":1,\"end\":2,\"label\":\"P\"}]}";
	loaded l = load_mem(doc, strlen(doc), IMPORT_JSON_PRODIGY);
	assert_string_equal(l.messages, "");
	assert_span(l.docs.items[0], 0, "spans[0]", "P", 1, 2, "b");
	loaded_free(&l);
}

/* ---- hostile documents ---------------------------------------------- */

static void test_hostile(void **state)
{
	(void)state;
	loaded l = load_fixture("hostile.jsonl");
	assert_string_equal(l.messages,
		"f.json:1: error: spans[0]: start 0.5 is no whole number; entity "
		"skipped\n"
		"f.json:2: error: spans[0]: offsets -1 2: an offset is negative (the "
		"text has 3 characters); entity skipped\n"
		"f.json:3: error: spans[0]: offsets 1 4: an offset is past the end "
		"of the text (the text has 3 characters); entity skipped\n"
		"f.json:4: error: spans[0]: offsets 2 1: the start is after the end "
		"(the text has 3 characters); entity skipped\n"
		"f.json:5: error: spans[0]: start is no number; entity skipped\n"
		"f.json:6: error: text: missing; document skipped: every format has "
		"the article's text as a string\n"
		"f.json:7: error: the document is no JSON object; document skipped\n"
		"f.json:8:27: error: not valid JSON here; document skipped\n"
		"f.json:9:12: error: a NUL character (\\u0000 or a NUL byte); "
		"document skipped: text cannot hold NUL\n"
		"f.json:10: error: no format known by its keys: expected quotes "
		"(citron), ents (spaCy, displaCy), spans (Prodigy), label or "
		"entities (doccano); document skipped\n"
		"f.json:11: error: label[0]: not [start, end, \"LABEL\"]; entity "
		"skipped\n"
		"f.json:12: error: quotes[0].cue: offsets 0 9: an offset is past "
		"the end of the text (the text has 3 characters); quote skipped\n"
		"f.json:12: warning: quotes[1].contents[0]: the text \"bd\" "
		"differs from the text its offsets cover, \"bc\"; kept as its "
		"offsets say\n"
		"f.json:12: warning: quotes[1].confidence: no number; "
		"ignored\n"
		"f.json:13: error: spans[0]: offsets 9223372036854775807 2: an "
		"offset is past the end of the text (the text has 3 characters); "
		"entity skipped\n");
	assert_int_equal(l.status, IMPORT_PARTIAL);
	/* Lines 6 to 10 give no document; the others keep what was good. */
	assert_int_equal(l.docs.n, 8);
	assert_int_equal(l.docs.items[0]->n_spans, 0);
	assert_span(l.docs.items[5], 0, "label[1]", "X", 0, 1, "a");
	assert_int_equal(l.docs.items[6]->n_attributions, 1);
	loaded_free(&l);
}

/* The nesting limit is checked before cJSON parses, which also keeps its
 * recursive parser from a stack 100,000 frames deep. */
static void test_deep_nesting(void **state)
{
	(void)state;
	enum { DEPTH = 100000 };
	const char *head = "{\"text\": \"x\", \"ents\": ";
	size_t n = strlen(head);
	char *json = malloc(n + 2 * DEPTH + 2);
	assert_non_null(json);
	memcpy(json, head, n);
	memset(json + n, '[', DEPTH);
	memset(json + n + DEPTH, ']', DEPTH);
	memcpy(json + n + 2 * DEPTH, "}", 2);
	loaded l = load_mem(json, strlen(json), IMPORT_JSON_AUTO);
	assert_string_equal(l.messages,
		"f.json:1:1022: error: JSON nested more than 1000 deep; document "
		"skipped: quoth reads at most 1000 levels of arrays and objects\n");
	assert_int_equal(l.status, IMPORT_FAILED);
	assert_int_equal(l.docs.n, 0);
	loaded_free(&l);
	free(json);
}

static void test_whole_file_errors(void **state)
{
	(void)state;
	const char *two = "{\"text\": \"a\", \"spans\": []}\n"
	                  "  {\"text\": 1, \"spans\": []}";
	loaded l = load_mem("", 0, IMPORT_JSON_AUTO);
	assert_string_equal(l.messages, "f.json:1:1: error: not valid JSON here; "
	                    "document skipped\n");
	assert_int_equal(l.status, IMPORT_FAILED);
	loaded_free(&l);
	/* Pretty-printed, with something after: one document per file. */
	const char *after = "{\n \"text\": \"a\",\n \"spans\": []\n}\n[]\n";
	l = load_mem(after, strlen(after), IMPORT_JSON_AUTO);
	assert_string_equal(l.messages, "f.json:5:1: error: more after the JSON "
	                    "document; document skipped: a file holds one "
	                    "document, or one per line (JSON Lines)\n");
	loaded_free(&l);
	/* JSON Lines: the first is good, the second line's text is no string. */
	l = load_mem(two, strlen(two), IMPORT_JSON_AUTO);
	assert_string_equal(l.messages, "f.json:2: error: text: not a string; "
	                    "document skipped: every format has the article's "
	                    "text as a string\n");
	assert_int_equal(l.status, IMPORT_PARTIAL);
	assert_int_equal(l.docs.n, 1);
	loaded_free(&l);
}

/* Invalid UTF-8 inside a JSON string is one character per byte, as for
 * brat, with a warning at the document's line. */
static void test_bad_utf8_text(void **state)
{
	(void)state;
	const char *doc = "{\"text\": \"\xFF" "ab\", \"spans\": [{\"start\": 1, "
	                  "\"end\": 3, \"label\": \"X\"}]}\n";
	loaded l = load_mem(doc, strlen(doc), IMPORT_JSON_AUTO);
	assert_string_equal(l.messages,
		"f.json:1: warning: the text holds 1 byte that is no UTF-8 "
		"character (the first is 0xFF); each is read as U+FFFD, one "
		"character, so offsets after it count as a Python tool counts "
		"them: save the text as UTF-8 without NUL bytes\n");
	assert_span(l.docs.items[0], 0, "spans[0]", "X", 3, 5, "ab");
	loaded_free(&l);
}

/* A raw NUL byte in a string would cut the text in cJSON's copy. */
static void test_nul_byte(void **state)
{
	(void)state;
	const char doc[] = "{\"text\": \"ab\0cd\", \"spans\": []}";
	loaded l = load_mem(doc, sizeof doc - 1, IMPORT_JSON_AUTO);
	assert_string_equal(l.messages, "f.json:1:13: error: a NUL character "
	                    "(\\u0000 or a NUL byte); document skipped: text "
	                    "cannot hold NUL\n");
	assert_int_equal(l.status, IMPORT_FAILED);
	loaded_free(&l);
}

/* A broken first line does not make a JSON Lines file one broken
 * document; a pretty-printed document is never taken for JSON Lines. */
static void test_json_lines_detection(void **state)
{
	(void)state;
	const char *lines = "{\"text\": \"a\", \"spans\": [}\n"
	                    "{\"text\": \"b\", \"spans\": []}\n";
	loaded l = load_mem(lines, strlen(lines), IMPORT_JSON_AUTO);
	assert_string_equal(l.messages, "f.json:1:25: error: not valid JSON "
	                    "here; document skipped\n");
	assert_int_equal(l.status, IMPORT_PARTIAL);
	assert_int_equal(l.docs.n, 1);
	assert_string_equal(l.docs.items[0]->text, "b");
	loaded_free(&l);
	const char *pretty = "{\"text\": \"ab\",\n \"spans\": [\n"
	                     "  {\"start\": 0, \"end\": 1, \"label\": \"X\"}\n"
	                     " ]}\n";
	l = load_mem(pretty, strlen(pretty), IMPORT_JSON_AUTO);
	assert_string_equal(l.messages, "");
	assert_int_equal(l.docs.n, 1);
	assert_int_equal(l.docs.items[0]->n_spans, 1);
	loaded_free(&l);
	/* An array of documents, one per line, is no JSON Lines: its second
	 * line is an object with something after it. */
	const char *array = "[{\"text\": \"a\", \"spans\": []},\n"
	                    " {\"text\": \"b\", \"spans\": []}]\n";
	l = load_mem(array, strlen(array), IMPORT_JSON_AUTO);
	assert_string_equal(l.messages, "f.json: error: the document is no JSON "
	                    "object; document skipped\n");
	loaded_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_citron),
		cmocka_unit_test(test_spacy_and_displacy),
		cmocka_unit_test(test_json_lines),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_whole_file_errors),
		cmocka_unit_test(test_bad_utf8_text),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_json_lines_detection),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
