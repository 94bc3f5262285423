/* Tests of the brat export: the lines written for entities (with their
 * kb and description) and quotes, offsets in code points after curly
 * quotes, and the export read back by the brat importer with the same
 * spans and roles. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_load.h"
#include "export_brat.h"
#include "import_brat.h"
#include "mem_out.h"
#include "text.h"

static const char article_yaml[] =
	"title: T\n"
	"offsets: chars\n"
	"body: |\n"
	"  Ann Lee said \xe2\x80\x9cit rains\xe2\x80\x9d today. Later Ann said the bus was late."
	" The mayor and, later, the chief told us all is well. It was said the"
	" road is shut. Someone said the ferry runs.\n"
	"entities:\n"
	"  - id: ann\n"
	"    name: Ann Lee\n"
	"    type: PERSON\n"
	"    aliases: [Ann]\n"
	"    kb: Q42\n"
	"    description: a person\n"
	"quotes:\n"
	"  - text: it rains\n"
	"    speaker: ann\n"
	"    cue: said\n"
	"  - text: the bus was late\n"
	"    speaker: {text: Later Ann}\n"
	"    cue: said\n"
	"    kind: indirect\n"
	"  - text: all is well\n"           /* a source in pieces */
	"    speaker: {text: [The mayor, the chief], span: [[64, 73], [86, 95]]}\n"
	"    cue: told\n"
	"    kind: indirect\n"
	"  - text: the road is shut\n"      /* no source: Attribution-no-source */
	"    speaker: none\n"
	"    cue: was said\n"
	"    kind: indirect\n"
	"  - text: the ferry runs\n"        /* a source not given: Attribution */
	"    speaker: unknown\n"
	"    cue: said\n"
	"    kind: indirect\n";

typedef struct exported {
	article *a;
	char *txt, *ann;
	size_t txt_len, ann_len;
} exported;

static exported export_it(void)
{
	exported x = { 0 };
	diag_list d = { 0 };
	assert_int_equal(load_article_mem("a.yaml", article_yaml, strlen(article_yaml),
	                                  &x.a, &d), 0);
	diag_list_free(&d);
	mem_out txt, ann;
	assert_int_equal(export_brat(x.a, mem_out_open(&txt), mem_out_open(&ann)), 0);
	x.txt = mem_out_close(&txt);
	x.txt_len = txt.len;
	x.ann = mem_out_close(&ann);
	x.ann_len = ann.len;
	return x;
}

static void exported_free(exported *x)
{
	article_free(x->a);
	free(x->txt);
	free(x->ann);
}

static void test_lines(void **state)
{
	(void)state;
	exported x = export_it();
	assert_int_equal(x.txt_len, x.a->body_len);
	assert_memory_equal(x.txt, x.a->body, x.txt_len);
	const char *want =
		"T1\tPERSON 0 7\tAnn Lee\n"
		"N1\tReference T1 Wikidata:Q42\tAnn Lee\n"
		"#1\tAnnotatorNotes T1\ta person\n"
		"T2\tPERSON 37 40\tAnn\n"
		"T3\tSource 0 7\tAnn Lee\n"        /* the speaker's nearest mention */
		"T4\tCue 8 12\tsaid\n"
		"T5\tContent 13 23\t\xe2\x80\x9cit rains\xe2\x80\x9d\n"
		"T6\tAttribution 8 12\tsaid\n"
		"E1\tAttribution:T6 Content:T5 Cue:T4 Source:T3\n"
		"T7\tSource 31 40\tLater Ann\n"     /* an unnamed speaker's words */
		"T8\tCue 41 45\tsaid\n"
		"T9\tContent 46 62\tthe bus was late\n"
		"T10\tAttribution 41 45\tsaid\n"
		"E2\tAttribution:T10 Content:T9 Cue:T8 Source:T7\n";
	if (strncmp(x.ann, want, strlen(want)) != 0)
		fail_msg("the .ann begins otherwise:\n%s", x.ann);
	/* One T over both pieces of the source, in code points; the event
	 * type from the speaker: none, or unknown (no Source either way). */
	const char *rest =
		"T11\tSource 64 73;86 95\tThe mayor the chief\n"
		"T12\tCue 96 100\ttold\n"
		"T13\tContent 104 115\tall is well\n"
		"T14\tAttribution 96 100\ttold\n"
		"E3\tAttribution:T14 Content:T13 Cue:T12 Source:T11\n"
		"T15\tCue 120 128\twas said\n"
		"T16\tContent 129 145\tthe road is shut\n"
		"T17\tAttribution-no-source 120 128\twas said\n"
		"E4\tAttribution-no-source:T17 Content:T16 Cue:T15\n"
		"T18\tCue 155 159\tsaid\n"
		"T19\tContent 160 174\tthe ferry runs\n"
		"T20\tAttribution 155 159\tsaid\n"
		"E5\tAttribution:T20 Content:T19 Cue:T18\n";
	if (strcmp(x.ann + strlen(want), rest) != 0)
		fail_msg("the .ann ends otherwise:\n%s", x.ann + strlen(want));
	exported_free(&x);
}

/* The export read back: every quote's content and cue where the article
 * has them, every mention a T of its type. */
static void test_read_back(void **state)
{
	(void)state;
	exported x = export_it();
	import_doc *doc = NULL;
	diag_list d = { 0 };
	assert_int_equal(import_brat_read("a.txt", x.txt, x.txt_len, "a.ann", x.ann,
	                                  x.ann_len, &doc, &d), IMPORT_OK);
	assert_int_equal(d.n, 0);
	assert_int_equal(doc->n_attributions, x.a->n_quotes);
	for (size_t i = 0; i < x.a->n_quotes; i++) {
		const quote *q = &x.a->quotes[i];
		const import_attribution *at = &doc->attributions[i];
		assert_int_equal(at->content.n, q->n_fragments);
		assert_int_equal(at->content.items[0].start, q->spans[0].start);
		assert_int_equal(at->content.items[0].end, q->spans[0].end);
		assert_int_equal(at->cue.items[0].start, q->cue_spans[0].start);
		assert_int_equal(at->cue.items[0].end, q->cue_spans[0].end);
		/* The source, piece by piece, at the same code points. */
		assert_int_equal(at->source.n, q->n_source_spans);
		for (size_t k = 0; k < at->source.n; k++) {
			assert_int_equal(import_doc_char_of(doc, at->source.items[k].start),
			                 utf8_count(x.a->body, q->source_spans[k].start));
			assert_int_equal(import_doc_char_of(doc, at->source.items[k].end),
			                 utf8_count(x.a->body, q->source_spans[k].end));
		}
		assert_string_equal(at->kind, q->no_speaker ? "Attribution-no-source"
		                                            : "Attribution");
	}
	assert_int_equal(x.a->quotes[2].n_source_spans, 2);
	size_t persons = 0;
	for (size_t i = 0; i < doc->n_spans; i++)
		persons += strcmp(doc->spans[i].label, "PERSON") == 0;
	assert_int_equal(persons, x.a->n_mentions);
	assert_int_equal(doc->n_norms, 1);
	assert_string_equal(doc->norms[0].kb_id, "Wikidata:Q42");
	assert_int_equal(doc->n_notes, 1);
	import_doc_free(doc);
	diag_list_free(&d);
	exported_free(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_read_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
