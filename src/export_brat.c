/* export_brat.c - the resolved article as brat standoff (see
 * export_brat.h). */
#include "export_brat.h"

#include <string.h>

#include "import_doc.h"

typedef struct brat_out {
	const article *a;
	import_doc *index;      /* the body's code point index */
	FILE *ann;
	size_t t, e, n, notes;  /* the last T, E, N and # numbers given */
} brat_out;

/* One T line over pieces of the body; returns its number. */
static size_t put_t(brat_out *b, const char *label, const span *pieces,
                    size_t n)
{
	fprintf(b->ann, "T%zu\t%s ", ++b->t, label);
	for (size_t i = 0; i < n; i++)
		fprintf(b->ann, "%s%zu %zu", i ? ";" : "",
		        import_doc_char_of(b->index, pieces[i].start),
		        import_doc_char_of(b->index, pieces[i].end));
	fputc('\t', b->ann);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? " " : "", b->ann);
		fwrite(b->a->body + pieces[i].start, 1, pieces[i].end - pieces[i].start,
		       b->ann);
	}
	fputc('\n', b->ann);
	return b->t;
}

/* A note or a kb on one line: a line break would start another record. */
static void put_line_text(FILE *out, const char *s)
{
	for (; *s; s++)
		fputc(*s == '\n' || *s == '\r' || *s == '\t' ? ' ' : *s, out);
}

static void put_entities(brat_out *b)
{
	const article *a = b->a;
	for (size_t k = 0; k < a->n_entities; k++) {
		const entity *e = &a->entities[k];
		for (size_t m = 0; m < e->n_mentions; m++) {
			size_t t = put_t(b, e->type, &a->mentions[e->mention_ids[m]].at, 1);
			if (m > 0)
				continue;
			if (e->kb && *e->kb) {
				/* quoth's kb is a Wikidata id; brat names the base */
				bool wikidata = e->kb[0] == 'Q' && !strchr(e->kb, ':');
				fprintf(b->ann, "N%zu\tReference T%zu %s", ++b->n, t,
				        wikidata ? "Wikidata:" : "");
				put_line_text(b->ann, e->kb);
				fputc('\t', b->ann);
				put_line_text(b->ann, e->name ? e->name : "");
				fputc('\n', b->ann);
			}
			if (e->description && *e->description) {
				fprintf(b->ann, "#%zu\tAnnotatorNotes T%zu\t", ++b->notes, t);
				put_line_text(b->ann, e->description);
				fputc('\n', b->ann);
			}
		}
	}
}

/* The cue's pieces as found ("was … slated"). */
static const span *cue_pieces(const quote *q, size_t *n)
{
	*n = q->n_cue_spans;
	return q->cue_spans;
}

static void put_quote(brat_out *b, const quote *q)
{
	size_t source = q->n_source_spans ? put_t(b, "Source", q->source_spans,
	                                          q->n_source_spans) : 0;
	size_t n_cue;
	const span *cue = cue_pieces(q, &n_cue);
	size_t cue_t = n_cue ? put_t(b, "Cue", cue, n_cue) : 0;
	size_t content = put_t(b, "Content", q->spans, q->n_fragments);
	/* "speaker: none" says there is no source; any other speaker, even
	 * one not located or "unknown", is an Attribution (its Source role
	 * absent then, as PolNeAR has a few). */
	const char *type = q->no_speaker ? "Attribution-no-source" : "Attribution";
	/* An event needs a trigger: the cue, or the content without one. */
	size_t trigger = n_cue ? put_t(b, type, cue, n_cue)
	                       : put_t(b, type, q->spans, q->n_fragments);
	fprintf(b->ann, "E%zu\t%s:T%zu Content:T%zu", ++b->e, type, trigger, content);
	if (cue_t)
		fprintf(b->ann, " Cue:T%zu", cue_t);
	if (source)
		fprintf(b->ann, " Source:T%zu", source);
	fputc('\n', b->ann);
}

int export_brat(const article *a, FILE *txt, FILE *ann)
{
	brat_out b = { .a = a, .ann = ann, .index = import_doc_new() };
	diag_list none = { 0 };
	import_report rep = { .diags = &none, .file = a->path };
	if (!b.index || !import_doc_set_text(b.index, a->body, a->body_len, &rep, 0)) {
		import_doc_free(b.index);
		return -1;
	}
	diag_list_free(&none);
	fwrite(a->body, 1, a->body_len, txt);
	put_entities(&b);
	for (size_t i = 0; i < a->n_quotes; i++)
		if (a->quotes[i].spans && a->quotes[i].n_fragments)  /* placed */
			put_quote(&b, &a->quotes[i]);
	import_doc_free(b.index);
	return ferror(txt) || ferror(ann) ? -1 : 0;
}
