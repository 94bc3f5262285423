/* import_yaml.c - an imported document written as a quoth article (see
 * import_yaml.h).  The document's text-bound spans become entities,
 * grouped by text and type; PolNeAR's role spans (Source, Cue, Content,
 * Attribution) are the attributions' parts, not entities; each
 * attribution with content becomes a quote whose speaker is linked to an
 * entity when its source overlaps one of the entity's mentions (one that
 * does not also cover the cue or the content). */
#include "import_yaml.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import_yaml_private.h"
#include "import_yaml_text.h"
#include "sort.h"
#include "text.h"

/* ---- writing ------------------------------------------------------------- */

/* "[s, e]" for one piece, "[[s, e], [s, e]]" for several. */
static void put_ranges(const iy_writer *w, const import_ranges *r)
{
	if (r->n == 1) {
		yaml_text_pair(w->out, w->doc, r->items[0]);
		return;
	}
	fputc('[', w->out);
	for (size_t i = 0; i < r->n; i++) {
		if (i)
			fputs(", ", w->out);
		yaml_text_pair(w->out, w->doc, r->items[i]);
	}
	fputc(']', w->out);
}

/* The words of ranges: one scalar, or a flow list of one per piece. */
static void put_words(const iy_writer *w, const import_ranges *r)
{
	const char *t = w->doc->text;
	if (r->n == 1) {
		yaml_text_scalar(w->out, t + r->items[0].start,
		                 r->items[0].end - r->items[0].start);
		return;
	}
	fputc('[', w->out);
	for (size_t i = 0; i < r->n; i++) {
		if (i)
			fputs(", ", w->out);
		yaml_text_scalar(w->out, t + r->items[i].start,
		                 r->items[i].end - r->items[i].start);
	}
	fputc(']', w->out);
}

/* ---- quotes ---------------------------------------------------------------- */

static bool is_mark(uint32_t cp)
{
	return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
	       cp == 0x201F || cp == 0x00AB || cp == 0x00BB || cp == 0x300C ||
	       cp == 0x300D || cp == 0x300E || cp == 0x300F;
}

static uint32_t char_at(const import_doc *doc, size_t i)
{
	uint32_t cp = 0;
	if (i < doc->len)
		utf8_decode(doc->text, doc->len, i, &cp);
	return cp;
}

static uint32_t char_before(const import_doc *doc, size_t i)
{
	return i > 0 ? char_at(doc, utf8_char_start(doc->text, i - 1)) : 0;
}

/* direct: the content starts and ends at quotation marks (its own or the
 * ones around it, a comma or full stop before the closing one allowed);
 * mixed: marks inside it; indirect: none. */
static const char *guess_kind(const import_doc *doc, const import_ranges *c)
{
	size_t start = c->items[0].start, end = c->items[c->n - 1].end;
	bool opens = is_mark(char_at(doc, start)) || is_mark(char_before(doc, start));
	uint32_t after = char_at(doc, end);
	bool closes = is_mark(char_before(doc, end)) || is_mark(after) ||
	              (strchr(",.!?;", (int)after) && after &&
	               is_mark(char_at(doc, end + 1)));
	if (opens && closes)
		return "direct";
	for (size_t k = 0; k < c->n; k++)
		for (size_t i = c->items[k].start; i < c->items[k].end;
		     i += utf8_decode(doc->text, doc->len, i, &(uint32_t){ 0 }))
			if (is_mark(char_at(doc, i)))
				return "mixed";
	return "indirect";
}

static bool range_before(const import_range *x, const import_range *y)
{
	return x->start < y->start || (x->start == y->start && x->end < y->end);
}

MERGE_SORT_DEFINE(sort_ranges, import_range, range_before)

/* The pieces of in as quoth's format takes them: in text order, pieces
 * that overlap made one (PolNeAR's Content and Content2 may overlap or
 * come in either order).  Pieces that only touch stay apart, as brat
 * gives them back so.  out's items are newly allocated; false when out
 * of memory. */
static bool ranges_for_format(const import_ranges *in, import_ranges *out)
{
	*out = (import_ranges){ 0 };
	if (in->n == 0)
		return true;
	import_range *items = malloc(2 * in->n * sizeof *items);
	if (!items)
		return false;
	memcpy(items, in->items, in->n * sizeof *items);
	sort_ranges(items, items + in->n, in->n);
	size_t n = 1;
	for (size_t i = 1; i < in->n; i++) {
		if (items[i].start < items[n - 1].end) {
			if (items[i].end > items[n - 1].end)
				items[n - 1].end = items[i].end;
		} else {
			items[n++] = items[i];
		}
	}
	*out = (import_ranges){ .items = items, .n = n, .cap = 2 * in->n };
	return true;
}

/* The speaker: the source's words and spans, in pieces as the file has
 * them (brat's "Source 0 5;16 23" is text: [a, b], span: [[0, 5], [16,
 * 23]]), with the entity it overlaps; without a source, "none", or
 * "unknown" for an event typed Attribution (PolNeAR's Attribution
 * without a Source role, which an export must give back as such). */
static void write_speaker(const iy_writer *w, const import_attribution *a)
{
	if (a->source.n == 0) {
		bool unknown = a->kind && strcmp(a->kind, "Attribution") == 0;
		fprintf(w->out, "    speaker: %s\n", unknown ? "unknown" : "none");
		return;
	}
	fputs("    speaker: {", w->out);
	size_t ent = IY_NO_ENTITY;
	for (size_t i = 0; i < a->source.n && ent == IY_NO_ENTITY; i++)
		ent = iy_entity_at(w, a->source.items[i], a);
	if (ent != IY_NO_ENTITY) {
		char id[128];
		iy_entity_id(w, ent, id, sizeof id);
		fputs("entity: ", w->out);
		yaml_text_scalar(w->out, id, strlen(id));
		fputs(", ", w->out);
	}
	import_ranges src;
	if (!ranges_for_format(&a->source, &src))
		src = a->source;
	fputs("text: ", w->out);
	put_words(w, &src);
	fputs(", span: ", w->out);
	put_ranges(w, &src);
	fputs("}\n", w->out);
	if (src.items != a->source.items)
		free(src.items);
}

static void write_quote(iy_writer *w, const import_attribution *a, size_t n)
{
	if (iy_brat_like_id(a->id))
		yaml_text_key(w->out, "  - ", "id", a->id);
	else
		fprintf(w->out, "  - id: q%zu\n", n);
	if (a->has_confidence)
		fprintf(w->out, "    # confidence: %g\n", a->confidence);
	import_ranges content, cue;
	if (!ranges_for_format(&a->content, &content))
		content = a->content;
	if (!ranges_for_format(&a->cue, &cue))
		cue = a->cue;
	fputs("    text: ", w->out);
	put_words(w, &content);
	fputs("\n    span: ", w->out);
	put_ranges(w, &content);
	fputc('\n', w->out);
	if (cue.n > 0) {
		fputs("    cue: ", w->out);
		put_words(w, &cue);
		fputs("\n    cue_span: ", w->out);
		put_ranges(w, &cue);
		fputc('\n', w->out);
	}
	if (content.items != a->content.items)
		free(content.items);
	if (cue.items != a->cue.items)
		free(cue.items);
	write_speaker(w, a);
	fprintf(w->out, "    kind: %s  # guessed from the quotation marks\n",
	        guess_kind(w->doc, &a->content));
}

/* ---- the article ------------------------------------------------------------- */

/* Role spans that no attribution has for a part are lost: say so. */
static void warn_unused_roles(iy_writer *w)
{
	const import_doc *doc = w->doc;
	for (size_t i = 0; i < doc->n_spans; i++) {
		const import_span *s = &doc->spans[i];
		if (!iy_is_role_label(s->label) || s->ranges.n == 0)
			continue;
		bool used = false;
		for (size_t k = 0; k < doc->n_attributions && !used; k++) {
			const import_attribution *a = &doc->attributions[k];
			const import_ranges *parts[] = { &a->cue, &a->source, &a->content };
			for (size_t p = 0; p < 3 && !used; p++)
				used = parts[p]->n == s->ranges.n &&
				       memcmp(parts[p]->items, s->ranges.items,
				              s->ranges.n * sizeof *s->ranges.items) == 0;
		}
		if (!used)
			import_warning(&w->rep, s->line, 0, "%s: a %s span that no "
			               "attribution uses is left out", s->id ? s->id : "?",
			               s->label);
	}
}

static void write_article(iy_writer *w)
{
	const import_doc *doc = w->doc;
	const import_yaml_meta *m = w->meta;
	bool placed = w->n_entities > 0 || doc->n_attributions > 0;
	fputs("# Imported by quoth from ", w->out);
	yaml_text_comment(w->out, m->file);
	fprintf(w->out, " (%s)%s\n", m->format ? m->format : "?",
	        placed ? "; offsets count characters, as the input does" : "");
	yaml_text_key(w->out, "", "title", doc->title && *doc->title ? doc->title :
	        m->title && *m->title ? m->title : "untitled");
	if (m->source)
		yaml_text_key(w->out, "", "source", m->source);
	if (m->id)
		yaml_text_key(w->out, "", "id", m->id);
	if (placed)
		fputs("offsets: chars\n", w->out);
	fputs("body: ", w->out);
	yaml_text_body(w->out, doc->text, doc->len);
	if (w->n_entities)
		fputs("\nentities:\n", w->out);
	for (size_t k = 0; k < w->n_entities; k++)
		iy_write_entity(w, k);
	size_t n = 0;
	for (size_t i = 0; i < doc->n_attributions; i++) {
		const import_attribution *a = &doc->attributions[i];
		if (a->content.n == 0) {
			import_warning(&w->rep, a->line, 0, "%s: left out: a quote "
			               "needs its content", a->id ? a->id : "a quote");
			continue;
		}
		if (n++ == 0)
			fputs("\nquotes:\n", w->out);
		write_quote(w, a, n);
	}
	import_yaml_leftovers(w->doc, w->out);
}

int import_yaml_write(const import_doc *doc, const import_yaml_meta *meta,
                      FILE *out, diag_list *diags)
{
	iy_writer w = {
		.doc = doc, .meta = meta, .out = out,
		.rep = { .diags = diags, .file = meta->file },
	};
	bool ok = iy_entities_prepare(&w);
	if (ok) {
		warn_unused_roles(&w);
		write_article(&w);
	}
	iy_entities_free(&w);
	return ok && !ferror(out) ? 0 : -1;
}
