/* import_yaml.c - an imported document written as a quoth article (see
 * import_yaml.h).  The document's text-bound spans become entities,
 * grouped by text and type; PolNeAR's role spans (Source, Cue, Content,
 * Attribution) are the attributions' parts, not entities; each
 * attribution with content becomes a quote whose speaker is linked to an
 * entity when its source overlaps one of the entity's mentions. */
#include "import_yaml.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bound.h"
#include "import_ids.h"
#include "import_report.h"
#include "import_yaml_text.h"
#include "sort.h"
#include "text.h"

#define NO_ENTITY SIZE_MAX

/* ---- types and texts --------------------------------------------------- */

void import_yaml_type(const char *label, char *buf, size_t cap)
{
	static const char *const synonyms[][2] = {
		{ "PER", "PERSON" }, { "ORGANIZATION", "ORG" },
		{ "ORGANISATION", "ORG" }, { "LOCATION", "LOC" },
	};
	if (cap == 0)
		return;
	size_t n = 0;
	for (const char *p = label ? label : ""; *p && n + 1 < cap; p++) {
		unsigned char c = (unsigned char)*p;
		if (c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 'a' + 'A');
		buf[n++] = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? (char)c : '_';
	}
	buf[n] = '\0';
	for (size_t k = 0; k < sizeof synonyms / sizeof *synonyms; k++)
		if (strcmp(buf, synonyms[k][0]) == 0)
			snprintf(buf, cap, "%s", synonyms[k][1]);
	if (n == 0)
		snprintf(buf, cap, "MISC");
}

/* True for the labels PolNeAR gives an attribution's parts (Content2
 * too): those spans are read through the attributions. */
static bool is_role_label(const char *label)
{
	static const char *const roles[] = {
		"Source", "Cue", "Content", "Attribution", "Attribution-no-source",
	};
	size_t n = label ? strlen(label) : 0;
	while (n > 0 && label[n - 1] >= '0' && label[n - 1] <= '9')
		n--;
	for (size_t k = 0; k < sizeof roles / sizeof *roles; k++)
		if (strlen(roles[k]) == n && strncmp(label, roles[k], n) == 0)
			return true;
	return false;
}

/* The text of ranges, pieces joined by one space as brat writes it, or
 * NULL out of memory (caller frees). */
static char *ranges_text(const import_doc *doc, const import_ranges *r)
{
	size_t len = 0;
	for (size_t i = 0; i < r->n; i++)
		len += r->items[i].end - r->items[i].start + (i > 0);
	char *s = malloc(len + 1), *p = s;
	for (size_t i = 0; s && i < r->n; i++) {
		if (i > 0)
			*p++ = ' ';
		memcpy(p, doc->text + r->items[i].start, r->items[i].end - r->items[i].start);
		p += r->items[i].end - r->items[i].start;
	}
	if (s)
		*p = '\0';
	return s;
}

/* ---- entities ------------------------------------------------------------ */

typedef struct ent_key {
	char type[64];
	char *text;
	size_t span;
} ent_key;

static bool ent_key_before(const ent_key *a, const ent_key *b)
{
	int c = strcmp(a->type, b->type);
	return c < 0 || (c == 0 && strcmp(a->text, b->text) < 0);
}

MERGE_SORT_DEFINE(sort_ent_keys, ent_key, ent_key_before)

/* One found place of an entity, for linking speakers. */
typedef struct ent_mention {
	size_t start, end, entity;
} ent_mention;

static bool ent_mention_before(const ent_mention *a, const ent_mention *b)
{
	return a->start < b->start;
}

MERGE_SORT_DEFINE(sort_ent_mentions, ent_mention, ent_mention_before)

typedef struct writer {
	const import_doc *doc;
	const import_yaml_meta *meta;
	FILE *out;
	import_report rep;
	size_t n_entities;
	size_t *of_span;        /* entity of each span, or NO_ENTITY */
	size_t *fill;           /* room for one index per entity */
	size_t *by_entity;      /* span indexes grouped by entity, file order */
	size_t *group_at;       /* entity k's spans: by_entity[group_at[k]..[k+1]) */
	char **kb;              /* per entity, or NULL: borrowed from the norms */
	char **description;     /* per entity, owned */
	ent_mention *mentions;  /* sorted by start */
	size_t *max_end;        /* max end of mentions[0..i] */
	size_t n_mentions;
} writer;

/* Gives every span that is not a role span its entity: spans of one text
 * and type share one, numbered by first appearance.  False out of memory. */
static bool group_entities(writer *w)
{
	const import_doc *doc = w->doc;
	size_t ns = doc->n_spans;
	ent_key *keys = malloc((ns ? ns : 1) * sizeof *keys);
	ent_key *tmp = malloc((ns ? ns : 1) * sizeof *tmp);
	size_t *group = malloc((ns ? ns : 1) * sizeof *group);
	size_t nk = 0;
	bool ok = keys && tmp && group;
	for (size_t i = 0; ok && i < ns; i++) {
		w->of_span[i] = NO_ENTITY;
		if (is_role_label(doc->spans[i].label))
			continue;
		ent_key *k = &keys[nk];
		import_yaml_type(doc->spans[i].label, k->type, sizeof k->type);
		k->span = i;
		ok = (k->text = ranges_text(doc, &doc->spans[i].ranges)) != NULL;
		nk += ok;
	}
	if (ok) {
		sort_ent_keys(keys, tmp, nk);
		size_t g = 0;
		for (size_t i = 0; i < nk; i++) {
			if (i > 0 && ent_key_before(&keys[i - 1], &keys[i]))
				g++;
			group[keys[i].span] = g;
			w->of_span[keys[i].span] = 0;   /* an entity span, named below */
		}
		/* Groups renumbered in the order of their first span. */
		size_t *final = malloc((nk ? nk : 1) * sizeof *final);
		ok = final != NULL;
		for (size_t i = 0; ok && i < nk; i++)
			final[i] = NO_ENTITY;
		for (size_t i = 0; ok && i < ns; i++) {
			if (w->of_span[i] == NO_ENTITY)
				continue;
			if (final[group[i]] == NO_ENTITY)
				final[group[i]] = w->n_entities++;
			w->of_span[i] = final[group[i]];
		}
		free(final);
	}
	for (size_t i = 0; i < nk; i++)
		free(keys[i].text);
	free(keys);
	free(tmp);
	free(group);
	return ok;
}

/* by_entity and group_at: each entity's spans in file order. */
static void index_entities(writer *w)
{
	size_t ns = w->doc->n_spans;
	memset(w->group_at, 0, (w->n_entities + 1) * sizeof *w->group_at);
	for (size_t i = 0; i < ns; i++)
		if (w->of_span[i] != NO_ENTITY)
			w->group_at[w->of_span[i] + 1]++;
	for (size_t k = 0; k < w->n_entities; k++)
		w->group_at[k + 1] += w->group_at[k];
	size_t *fill = w->fill;
	for (size_t k = 0; k < w->n_entities; k++)
		fill[k] = w->group_at[k];
	for (size_t i = 0; i < ns; i++)
		if (w->of_span[i] != NO_ENTITY)
			w->by_entity[fill[w->of_span[i]]++] = i;
}

/* kb from the normalisations, description from the notes, of any of an
 * entity's spans.  False out of memory. */
static bool attach_norms_notes(writer *w)
{
	const import_doc *doc = w->doc;
	import_ids ids = { 0 };
	bool ok = true;
	for (size_t i = 0; ok && i < doc->n_spans; i++)
		if (doc->spans[i].id && w->of_span[i] != NO_ENTITY)
			ok = import_ids_add(&ids, doc->spans[i].id, 'T', i, 0, NULL);
	for (size_t i = 0; ok && i < doc->n_norms; i++) {
		const import_id *id = doc->norms[i].span_id ?
			import_ids_find(&ids, doc->norms[i].span_id) : NULL;
		if (id && !w->kb[w->of_span[id->index]])
			w->kb[w->of_span[id->index]] = doc->norms[i].kb_id;
	}
	for (size_t i = 0; ok && i < doc->n_notes; i++) {
		const import_id *id = doc->notes[i].span_id ?
			import_ids_find(&ids, doc->notes[i].span_id) : NULL;
		if (!id || !doc->notes[i].text)
			continue;
		char **d = &w->description[w->of_span[id->index]];
		size_t old = *d ? strlen(*d) + 2 : 0, add = strlen(doc->notes[i].text);
		char *more = realloc(*d, old + add + 1);
		if (!(ok = more != NULL))
			break;
		if (old)
			memcpy(more + old - 2, "; ", 2);
		memcpy(more + old, doc->notes[i].text, add + 1);
		*d = more;
	}
	import_ids_free(&ids);
	return ok;
}

/* Every piece of every entity span, sorted, with the running maximum of
 * their ends, so the mentions overlapping a range are found by a search. */
static bool index_mentions(writer *w)
{
	const import_doc *doc = w->doc;
	size_t n = 0;
	for (size_t i = 0; i < doc->n_spans; i++)
		if (w->of_span[i] != NO_ENTITY)
			n += doc->spans[i].ranges.n;
	w->mentions = malloc((n ? n : 1) * sizeof *w->mentions);
	ent_mention *tmp = malloc((n ? n : 1) * sizeof *tmp);
	w->max_end = malloc((n ? n : 1) * sizeof *w->max_end);
	if (!w->mentions || !tmp || !w->max_end) {
		free(tmp);
		return false;
	}
	for (size_t i = 0; i < doc->n_spans; i++)
		for (size_t k = 0; w->of_span[i] != NO_ENTITY && k < doc->spans[i].ranges.n; k++)
			w->mentions[w->n_mentions++] = (ent_mention){
				doc->spans[i].ranges.items[k].start,
				doc->spans[i].ranges.items[k].end, w->of_span[i] };
	sort_ent_mentions(w->mentions, tmp, n);
	free(tmp);
	for (size_t i = 0; i < n; i++)
		w->max_end[i] = i && w->max_end[i - 1] > w->mentions[i].end ?
		                w->max_end[i - 1] : w->mentions[i].end;
	return true;
}

/* The entity with the longest mention overlap with r (the first such),
 * or NO_ENTITY. */
static size_t entity_at(const writer *w, import_range r)
{
	size_t j = BOUND_LOWER(w->mentions, w->n_mentions, .start, r.end);
	size_t best = NO_ENTITY, best_len = 0;
	while (j > 0 && w->max_end[j - 1] > r.start) {
		const ent_mention *m = &w->mentions[--j];
		size_t s = m->start > r.start ? m->start : r.start;
		size_t e = m->end < r.end ? m->end : r.end;
		if (e > s && e - s >= best_len) {
			best = m->entity;
			best_len = e - s;
		}
	}
	return best;
}

/* ---- writing ------------------------------------------------------------- */

static void put_pair(const writer *w, import_range r)
{
	fprintf(w->out, "[%zu, %zu]", import_doc_char_of(w->doc, r.start),
	        import_doc_char_of(w->doc, r.end));
}

/* "[s, e]" for one piece, "[[s, e], [s, e]]" for several. */
static void put_ranges(const writer *w, const import_ranges *r)
{
	if (r->n == 1) {
		put_pair(w, r->items[0]);
		return;
	}
	fputc('[', w->out);
	for (size_t i = 0; i < r->n; i++) {
		if (i)
			fputs(", ", w->out);
		put_pair(w, r->items[i]);
	}
	fputc(']', w->out);
}

/* The words of ranges: one scalar, or a flow list of one per piece. */
static void put_words(const writer *w, const import_ranges *r)
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

static void put_key(const writer *w, const char *indent, const char *key,
                    const char *value)
{
	fprintf(w->out, "%s%s: ", indent, key);
	yaml_text_scalar(w->out, value, strlen(value));
	fputc('\n', w->out);
}

/* A brat N's "Wikidata:Q42" is Q42, as quoth's kb holds Wikidata ids. */
static const char *kb_id(const char *kb)
{
	return strncmp(kb, "Wikidata:", 9) == 0 && kb[9] ? kb + 9 : kb;
}

/* True for an ID as brat gives them (T12, E3): worth keeping.  The
 * JSON importers name annotations by their place ("label[0]"), which
 * says nothing once the file is YAML. */
static bool brat_like_id(const char *id)
{
	size_t i = 0;
	while (id && ((id[i] >= 'A' && id[i] <= 'Z') || (id[i] >= 'a' && id[i] <= 'z')))
		i++;
	if (i == 0 || !id[i])
		return false;
	while (id[i] >= '0' && id[i] <= '9')
		i++;
	return id[i] == '\0';
}

/* The id an entity goes by: its first span's (brat's T id), or e1... */
static void entity_id(const writer *w, size_t k, char *buf, size_t cap)
{
	const char *id = w->doc->spans[w->by_entity[w->group_at[k]]].id;
	if (brat_like_id(id))
		snprintf(buf, cap, "%s", id);
	else
		snprintf(buf, cap, "e%zu", k + 1);
}

static void write_entity(const writer *w, size_t k)
{
	const import_doc *doc = w->doc;
	const import_span *first = &doc->spans[w->by_entity[w->group_at[k]]];
	char id[128], type[64];
	entity_id(w, k, id, sizeof id);
	import_yaml_type(first->label, type, sizeof type);
	put_key(w, "  - ", "id", id);
	put_key(w, "    ", "type", type);
	fputs("    mentions: [", w->out);
	size_t n = 0;
	for (size_t g = w->group_at[k]; g < w->group_at[k + 1]; g++) {
		const import_ranges *r = &doc->spans[w->by_entity[g]].ranges;
		for (size_t i = 0; i < r->n; i++, n++) {
			fputs(n ? ", " : "", w->out);
			put_pair(w, r->items[i]);
		}
	}
	fputs("]\n", w->out);
	if (w->kb[k])
		put_key(w, "    ", "kb", kb_id(w->kb[k]));
	if (w->description[k])
		put_key(w, "    ", "description", w->description[k]);
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
 * come in either order); with cover, the one range from the first start
 * to the last end (a source is one span).  out's items are newly
 * allocated; false when out of memory. */
static bool ranges_for_format(const import_ranges *in, bool cover, import_ranges *out)
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
		if (cover || items[i].start < items[n - 1].end) {
			if (items[i].end > items[n - 1].end)
				items[n - 1].end = items[i].end;
		} else {
			items[n++] = items[i];
		}
	}
	*out = (import_ranges){ .items = items, .n = n, .cap = 2 * in->n };
	return true;
}

static void write_speaker(const writer *w, const import_attribution *a)
{
	if (a->source.n == 0) {
		fputs("    speaker: none\n", w->out);
		return;
	}
	fputs("    speaker: {", w->out);
	size_t ent = NO_ENTITY;
	for (size_t i = 0; i < a->source.n && ent == NO_ENTITY; i++)
		ent = entity_at(w, a->source.items[i]);
	if (ent != NO_ENTITY) {
		char id[128];
		entity_id(w, ent, id, sizeof id);
		fputs("entity: ", w->out);
		yaml_text_scalar(w->out, id, strlen(id));
		fputs(", ", w->out);
	}
	import_ranges src;
	if (!ranges_for_format(&a->source, true, &src))
		src = a->source;
	fputs("text: ", w->out);
	put_words(w, &src);
	fputs(", span: ", w->out);
	put_ranges(w, &src);
	fputs("}\n", w->out);
	if (src.items != a->source.items)
		free(src.items);
}

static void write_quote(writer *w, const import_attribution *a, size_t n)
{
	if (brat_like_id(a->id))
		put_key(w, "  - ", "id", a->id);
	else
		fprintf(w->out, "  - id: q%zu\n", n);
	if (a->has_confidence)
		fprintf(w->out, "    # confidence: %g\n", a->confidence);
	import_ranges content, cue;
	if (!ranges_for_format(&a->content, false, &content))
		content = a->content;
	if (!ranges_for_format(&a->cue, false, &cue))
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
static void warn_unused_roles(writer *w)
{
	const import_doc *doc = w->doc;
	for (size_t i = 0; i < doc->n_spans; i++) {
		const import_span *s = &doc->spans[i];
		if (!is_role_label(s->label) || s->ranges.n == 0)
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

static void write_article(writer *w)
{
	const import_doc *doc = w->doc;
	const import_yaml_meta *m = w->meta;
	bool placed = w->n_entities > 0 || doc->n_attributions > 0;
	fputs("# Imported by quoth from ", w->out);
	yaml_text_comment(w->out, m->file);
	fprintf(w->out, " (%s)%s\n", m->format ? m->format : "?",
	        placed ? "; offsets count characters, as the input does" : "");
	put_key(w, "", "title", doc->title && *doc->title ? doc->title :
	        m->title && *m->title ? m->title : "untitled");
	if (m->source)
		put_key(w, "", "source", m->source);
	if (m->id)
		put_key(w, "", "id", m->id);
	if (placed)
		fputs("offsets: chars\n", w->out);
	fputs("body: ", w->out);
	yaml_text_body(w->out, doc->text, doc->len);
	if (w->n_entities)
		fputs("\nentities:\n", w->out);
	for (size_t k = 0; k < w->n_entities; k++)
		write_entity(w, k);
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
	size_t ns = doc->n_spans ? doc->n_spans : 1;
	writer w = {
		.doc = doc, .meta = meta, .out = out,
		.rep = { .diags = diags, .file = meta->file },
		.of_span = malloc(ns * sizeof *w.of_span),
		.fill = malloc(ns * sizeof *w.fill),
		.by_entity = malloc(ns * sizeof *w.by_entity),
		.group_at = malloc((ns + 1) * sizeof *w.group_at),
		.kb = calloc(ns, sizeof *w.kb),
		.description = calloc(ns, sizeof *w.description),
	};
	bool ok = w.of_span && w.fill && w.by_entity && w.group_at && w.kb &&
	          w.description && group_entities(&w);
	if (ok) {
		index_entities(&w);
		ok = attach_norms_notes(&w) && index_mentions(&w);
	}
	if (ok) {
		warn_unused_roles(&w);
		write_article(&w);
	}
	for (size_t k = 0; w.description && k < w.n_entities; k++)
		free(w.description[k]);
	free(w.of_span);
	free(w.fill);
	free(w.by_entity);
	free(w.group_at);
	free(w.kb);
	free(w.description);
	free(w.mentions);
	free(w.max_end);
	return ok && !ferror(out) ? 0 : -1;
}
