/* import_yaml_entities.c - the entities of an imported document (see
 * import_yaml_private.h): its text-bound spans other than PolNeAR's role
 * spans, grouped by text and type into entities numbered by first
 * appearance, with their kb and description from brat's N and # lines,
 * and an index of their mentions, through which import_yaml.c links a
 * quote's source to the entity it overlaps. */
#include "import_yaml_private.h"

#include <stdlib.h>
#include <string.h>

#include "bound.h"
#include "import_ids.h"
#include "import_yaml_text.h"
#include "sort.h"

/* ---- types and texts ---------------------------------------------------- */

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
bool iy_is_role_label(const char *label)
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

static bool iy_mention_before(const iy_mention *a, const iy_mention *b)
{
	return a->start < b->start;
}

MERGE_SORT_DEFINE(sort_ent_mentions, iy_mention, iy_mention_before)

/* Gives every span that is not a role span its entity: spans of one text
 * and type share one, numbered by first appearance.  False out of memory. */
static bool group_entities(iy_writer *w)
{
	const import_doc *doc = w->doc;
	size_t ns = doc->n_spans;
	ent_key *keys = malloc((ns ? ns : 1) * sizeof *keys);
	ent_key *tmp = malloc((ns ? ns : 1) * sizeof *tmp);
	size_t *group = malloc((ns ? ns : 1) * sizeof *group);
	size_t nk = 0;
	bool ok = keys && tmp && group;
	for (size_t i = 0; ok && i < ns; i++) {
		w->of_span[i] = IY_NO_ENTITY;
		if (iy_is_role_label(doc->spans[i].label))
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
			final[i] = IY_NO_ENTITY;
		for (size_t i = 0; ok && i < ns; i++) {
			if (w->of_span[i] == IY_NO_ENTITY)
				continue;
			if (final[group[i]] == IY_NO_ENTITY)
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
static void index_entities(iy_writer *w)
{
	size_t ns = w->doc->n_spans;
	memset(w->group_at, 0, (w->n_entities + 1) * sizeof *w->group_at);
	for (size_t i = 0; i < ns; i++)
		if (w->of_span[i] != IY_NO_ENTITY)
			w->group_at[w->of_span[i] + 1]++;
	for (size_t k = 0; k < w->n_entities; k++)
		w->group_at[k + 1] += w->group_at[k];
	size_t *fill = w->fill;
	for (size_t k = 0; k < w->n_entities; k++)
		fill[k] = w->group_at[k];
	for (size_t i = 0; i < ns; i++)
		if (w->of_span[i] != IY_NO_ENTITY)
			w->by_entity[fill[w->of_span[i]]++] = i;
}

/* kb from the normalisations, description from the notes, of any of an
 * entity's spans.  False out of memory. */
static bool attach_norms_notes(iy_writer *w)
{
	const import_doc *doc = w->doc;
	import_ids ids = { 0 };
	bool ok = true;
	for (size_t i = 0; ok && i < doc->n_spans; i++)
		if (doc->spans[i].id && w->of_span[i] != IY_NO_ENTITY)
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
static bool index_mentions(iy_writer *w)
{
	const import_doc *doc = w->doc;
	size_t n = 0;
	for (size_t i = 0; i < doc->n_spans; i++)
		if (w->of_span[i] != IY_NO_ENTITY)
			n += doc->spans[i].ranges.n;
	w->mentions = malloc((n ? n : 1) * sizeof *w->mentions);
	iy_mention *tmp = malloc((n ? n : 1) * sizeof *tmp);
	w->max_end = malloc((n ? n : 1) * sizeof *w->max_end);
	if (!w->mentions || !tmp || !w->max_end) {
		free(tmp);
		return false;
	}
	for (size_t i = 0; i < doc->n_spans; i++)
		for (size_t k = 0; w->of_span[i] != IY_NO_ENTITY && k < doc->spans[i].ranges.n; k++)
			w->mentions[w->n_mentions++] = (iy_mention){
				doc->spans[i].ranges.items[k].start,
				doc->spans[i].ranges.items[k].end, w->of_span[i] };
	sort_ent_mentions(w->mentions, tmp, n);
	free(tmp);
	for (size_t i = 0; i < n; i++)
		w->max_end[i] = i && w->max_end[i - 1] > w->mentions[i].end ?
		                w->max_end[i - 1] : w->mentions[i].end;
	return true;
}

/* Whether [s, e) shares a character with one of the ranges. */
static bool overlaps_any(size_t s, size_t e, const import_ranges *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		if (rs->items[i].start < e && s < rs->items[i].end)
			return true;
	return false;
}

/* The entity with the longest mention overlap with r (the first such),
 * or IY_NO_ENTITY.  A mention that also covers the attribution's cue or
 * content does not name its source: it is a span around the whole
 * statement (PolNeAR's Discuss spans), and "she" inside it is not that. */
size_t iy_entity_at(const iy_writer *w, import_range r, const import_attribution *a)
{
	size_t j = BOUND_LOWER(w->mentions, w->n_mentions, .start, r.end);
	size_t best = IY_NO_ENTITY, best_len = 0;
	while (j > 0 && w->max_end[j - 1] > r.start) {
		const iy_mention *m = &w->mentions[--j];
		size_t s = m->start > r.start ? m->start : r.start;
		size_t e = m->end < r.end ? m->end : r.end;
		if (overlaps_any(m->start, m->end, &a->cue) ||
		    overlaps_any(m->start, m->end, &a->content))
			continue;
		if (e > s && e - s >= best_len) {
			best = m->entity;
			best_len = e - s;
		}
	}
	return best;
}

/* A brat N's "Wikidata:Q42" is Q42, as quoth's kb holds Wikidata ids. */
static const char *kb_id(const char *kb)
{
	return strncmp(kb, "Wikidata:", 9) == 0 && kb[9] ? kb + 9 : kb;
}

/* True for an ID as brat gives them (T12, E3): worth keeping.  The
 * JSON importers name annotations by their place ("label[0]"), which
 * says nothing once the file is YAML. */
bool iy_brat_like_id(const char *id)
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
void iy_entity_id(const iy_writer *w, size_t k, char *buf, size_t cap)
{
	const char *id = w->doc->spans[w->by_entity[w->group_at[k]]].id;
	if (iy_brat_like_id(id))
		snprintf(buf, cap, "%s", id);
	else
		snprintf(buf, cap, "e%zu", k + 1);
}

void iy_write_entity(const iy_writer *w, size_t k)
{
	const import_doc *doc = w->doc;
	const import_span *first = &doc->spans[w->by_entity[w->group_at[k]]];
	char id[128], type[64];
	iy_entity_id(w, k, id, sizeof id);
	import_yaml_type(first->label, type, sizeof type);
	yaml_text_key(w->out, "  - ", "id", id);
	yaml_text_key(w->out, "    ", "type", type);
	fputs("    mentions: [", w->out);
	size_t n = 0;
	for (size_t g = w->group_at[k]; g < w->group_at[k + 1]; g++) {
		const import_ranges *r = &doc->spans[w->by_entity[g]].ranges;
		for (size_t i = 0; i < r->n; i++, n++) {
			fputs(n ? ", " : "", w->out);
			yaml_text_pair(w->out, w->doc, r->items[i]);
		}
	}
	fputs("]\n", w->out);
	if (w->kb[k])
		yaml_text_key(w->out, "    ", "kb", kb_id(w->kb[k]));
	if (w->description[k])
		yaml_text_key(w->out, "    ", "description", w->description[k]);
}

bool iy_entities_prepare(iy_writer *w)
{
	size_t ns = w->doc->n_spans ? w->doc->n_spans : 1;
	w->of_span = malloc(ns * sizeof *w->of_span);
	w->fill = malloc(ns * sizeof *w->fill);
	w->by_entity = malloc(ns * sizeof *w->by_entity);
	w->group_at = malloc((ns + 1) * sizeof *w->group_at);
	w->kb = calloc(ns, sizeof *w->kb);
	w->description = calloc(ns, sizeof *w->description);
	if (!w->of_span || !w->fill || !w->by_entity || !w->group_at || !w->kb ||
	    !w->description || !group_entities(w))
		return false;
	index_entities(w);
	return attach_norms_notes(w) && index_mentions(w);
}

void iy_entities_free(iy_writer *w)
{
	for (size_t k = 0; w->description && k < w->n_entities; k++)
		free(w->description[k]);
	free(w->of_span);
	free(w->fill);
	free(w->by_entity);
	free(w->group_at);
	free(w->kb);
	free(w->description);
	free(w->mentions);
	free(w->max_end);
}
