/* import_json_formats.c - the fields of each JSON format into an
 * import_doc: entity lists (spaCy, displaCy, Prodigy, doccano) and
 * citron's quotes.  Every cJSON item is checked for its type before use;
 * every offset must be a whole number in [0, characters of the text].
 * An annotation with an error is left out, with the error at its JSON
 * path (quotes[2].cue.end), which names it even where the line is
 * unknown. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_json_private.h"

/* Room for a JSON path such as "quotes[12].contents[3]". */
#define PATH_BYTES 96

static const cJSON *get(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* ---- offsets and ranges --------------------------------------------- */

/* obj[key] as a whole number into *v; an error naming path and what is
 * skipped otherwise.  Huge values saturate, to be found past the end. */
static bool read_number(json_ctx *c, const cJSON *item, const char *path,
                        const char *key, const char *what, long long *v)
{
	if (!cJSON_IsNumber(item)) {
		import_error(&c->rep, c->line, 0, "%s: %s is %s; %s skipped",
		             path, key, item ? "no number" : "missing", what);
		return false;
	}
	double d = item->valuedouble;
	if (d > 9e18 || d < -9e18) {
		*v = d > 0 ? LLONG_MAX : -LLONG_MAX;
		return true;
	}
	if (d != (double)(long long)d) {
		import_error(&c->rep, c->line, 0, "%s: %s %g is no whole "
		             "number; %s skipped", path, key, d, what);
		return false;
	}
	*v = (long long)d;
	return true;
}

/* The pair of offsets start_item, end_item of the annotation at path as a
 * byte range of the text. */
static bool read_offsets(json_ctx *c, const cJSON *start_item,
                         const cJSON *end_item, const char *path,
                         const char *what, import_range *out)
{
	long long start, end;
	if (!read_number(c, start_item, path, "start", what, &start) ||
	    !read_number(c, end_item, path, "end", what, &end))
		return false;
	import_range_error err = import_doc_range(c->doc, start, end, out);
	if (err != IMPORT_RANGE_OK) {
		import_error(&c->rep, c->line, 0, "%s: offsets %lld %lld: %s "
		             "(the text has %zu characters); %s skipped", path,
		             start, end, import_range_error_text(err),
		             c->doc->chars, what);
		return false;
	}
	return true;
}

/* Warns when the span's "text" is not what its offsets cover (comparing
 * at most the text's own length). */
static void check_said(json_ctx *c, const char *path, import_range r,
                       const char *said)
{
	import_ranges one = { .items = &r, .n = 1, .cap = 1 };
	if (!said || import_doc_covers(c->doc, &one, said))
		return;
	char covered[IMPORT_QUOTE_BYTES + 1];
	import_doc_cover_prefix(c->doc, &one, covered, sizeof covered);
	import_warning(&c->rep, c->line, 0, "%s: the text \"%.*s\" differs "
	               "from the text its offsets cover, \"%s\"; kept as its "
	               "offsets say", path, import_quote_len(said), said,
	               covered);
}

/* A {start, end, text} span of citron (keys start_key, end_key) at path
 * into *out. */
static bool read_span_object(json_ctx *c, const cJSON *obj, const char *path,
                             const char *what, import_range *out)
{
	if (!cJSON_IsObject(obj)) {
		import_error(&c->rep, c->line, 0, "%s: not a {start, end} "
		             "object; %s skipped", path, what);
		return false;
	}
	if (!read_offsets(c, get(obj, "start"), get(obj, "end"), path, what,
	                  out))
		return false;
	check_said(c, path, *out, cJSON_GetStringValue(get(obj, "text")));
	return true;
}

/* ---- entity lists --------------------------------------------------- */

static void add_span(json_ctx *c, const char *path, const char *label,
                     import_range r, const char *said, const char *kb_id)
{
	import_span *s = import_doc_add_span(c->doc, c->line);
	if (!s || !(s->id = strdup(path)) || !import_ranges_push(&s->ranges, r)) {
		c->nomem = true;
		return;
	}
	s->label = label ? strdup(label) : NULL;
	s->said = said ? strdup(said) : NULL;
	c->nomem |= (label && !s->label) || (said && !s->said);
	if (kb_id && *kb_id) {
		import_norm *n = import_doc_add_norm(c->doc, c->line);
		if (!n || !(n->span_id = strdup(path)) || !(n->kb_id = strdup(kb_id)))
			c->nomem = true;
	}
}

/* The array obj[key], or NULL with an error when it is there but no
 * array (a missing list is an empty one). */
static const cJSON *list(json_ctx *c, const cJSON *obj, const char *key)
{
	const cJSON *a = get(obj, key);
	if (a && !cJSON_IsArray(a)) {
		import_error(&c->rep, c->line, 0, "%s: not an array; none of "
		             "it read", key);
		return NULL;
	}
	return a;
}

/* [{start, end, label, kb_id}] under key, with the offsets under
 * start_key and end_key (spaCy, displaCy, Prodigy, doccano entities). */
static void read_entities(json_ctx *c, const cJSON *obj, const char *key,
                          const char *start_key, const char *end_key)
{
	const cJSON *ents = list(c, obj, key), *e;
	size_t i = 0;
	cJSON_ArrayForEach(e, ents) {
		char path[PATH_BYTES];
		snprintf(path, sizeof path, "%s[%zu]", key, i++);
		import_range r;
		if (!cJSON_IsObject(e)) {
			import_error(&c->rep, c->line, 0, "%s: not an object; "
			             "entity skipped", path);
			continue;
		}
		if (!read_offsets(c, get(e, start_key), get(e, end_key), path,
		                  "entity", &r))
			continue;
		const char *said = cJSON_GetStringValue(get(e, "text"));
		check_said(c, path, r, said);
		add_span(c, path, cJSON_GetStringValue(get(e, "label")), r, said,
		         cJSON_GetStringValue(get(e, "kb_id")));
	}
}

/* doccano's "label": [[start, end, "ORG"], ...]. */
static void read_doccano_triples(json_ctx *c, const cJSON *obj)
{
	const cJSON *labels = list(c, obj, "label"), *t;
	size_t i = 0;
	cJSON_ArrayForEach(t, labels) {
		char path[PATH_BYTES];
		snprintf(path, sizeof path, "label[%zu]", i++);
		import_range r;
		const cJSON *name = cJSON_GetArrayItem(t, 2);
		if (!cJSON_IsArray(t) || cJSON_GetArraySize(t) != 3 ||
		    !cJSON_IsString(name)) {
			import_error(&c->rep, c->line, 0, "%s: not [start, "
			             "end, \"LABEL\"]; entity skipped", path);
			continue;
		}
		if (read_offsets(c, cJSON_GetArrayItem(t, 0),
		                 cJSON_GetArrayItem(t, 1), path, "entity", &r))
			add_span(c, path, name->valuestring, r, NULL, NULL);
	}
}

/* ---- citron --------------------------------------------------------- */

/* A span or an array of spans at item into ranges; false after an error
 * (the quote is then skipped). */
static bool read_span_list(json_ctx *c, const cJSON *item, const char *path,
                           import_ranges *ranges)
{
	import_range r;
	if (cJSON_IsObject(item))
		return read_span_object(c, item, path, "quote", &r) &&
		       (import_ranges_push(ranges, r) || !(c->nomem = true));
	if (item && !cJSON_IsArray(item)) {
		import_error(&c->rep, c->line, 0, "%s: neither a span nor an "
		             "array of spans; quote skipped", path);
		return false;
	}
	const cJSON *s;
	size_t i = 0;
	cJSON_ArrayForEach(s, item) {
		char sub[PATH_BYTES];
		snprintf(sub, sizeof sub, "%s[%zu]", path, i++);
		if (!read_span_object(c, s, sub, "quote", &r))
			return false;
		if (!import_ranges_push(ranges, r))
			return !(c->nomem = true);
	}
	return true;
}

/* Spans of an array at path as spans labelled label (citron's
 * coreferences and coreference groups). */
static void read_mentions(json_ctx *c, const cJSON *arr, const char *path,
                          const char *label)
{
	const cJSON *s;
	size_t i = 0;
	cJSON_ArrayForEach(s, arr) {
		char sub[PATH_BYTES];
		snprintf(sub, sizeof sub, "%s[%zu]", path, i++);
		import_range r;
		if (read_span_object(c, s, sub, "mention", &r))
			add_span(c, sub, label, r,
			         cJSON_GetStringValue(get(s, "text")), NULL);
	}
}

static void read_quote(json_ctx *c, const cJSON *q, size_t i)
{
	char path[PATH_BYTES], sub[PATH_BYTES];
	snprintf(path, sizeof path, "quotes[%zu]", i);
	if (!cJSON_IsObject(q)) {
		import_error(&c->rep, c->line, 0, "%s: not an object; quote "
		             "skipped", path);
		return;
	}
	import_attribution a = { .line = c->line };
	snprintf(sub, sizeof sub, "quotes[%zu].cue", i);
	bool ok = read_span_list(c, get(q, "cue"), sub, &a.cue);
	snprintf(sub, sizeof sub, "quotes[%zu].sources", i);
	ok = ok && read_span_list(c, get(q, "sources"), sub, &a.source);
	snprintf(sub, sizeof sub, "quotes[%zu].contents", i);
	ok = ok && read_span_list(c, get(q, "contents"), sub, &a.content);
	const cJSON *conf = get(q, "confidence");
	if (ok && conf && !cJSON_IsNumber(conf))
		import_warning(&c->rep, c->line, 0, "%s.confidence: no number; "
		               "ignored", path);
	import_attribution *to = ok ? import_doc_add_attribution(c->doc, c->line)
	                            : NULL;
	if (ok && (!to || !(a.id = strdup(path)))) {
		c->nomem = true;
		ok = false;
	}
	if (!ok) {
		free(a.cue.items);
		free(a.source.items);
		free(a.content.items);
		free(a.id);
		if (to)
			c->doc->n_attributions--;
		return;
	}
	a.has_confidence = cJSON_IsNumber(conf);
	a.confidence = a.has_confidence ? conf->valuedouble : 0;
	*to = a;
	snprintf(sub, sizeof sub, "quotes[%zu].coreferences", i);
	read_mentions(c, list(c, q, "coreferences"), sub, "coreference");
}

static void read_citron(json_ctx *c, const cJSON *obj)
{
	const cJSON *quotes = list(c, obj, "quotes"), *q;
	size_t i = 0;
	cJSON_ArrayForEach(q, quotes)
		read_quote(c, q, i++);
	const cJSON *groups = list(c, obj, "coreference_groups"), *g;
	i = 0;
	cJSON_ArrayForEach(g, groups) {
		char path[PATH_BYTES];
		snprintf(path, sizeof path, "coreference_groups[%zu]", i++);
		if (cJSON_IsArray(g))
			read_mentions(c, g, path, "coreference-group");
		else
			import_error(&c->rep, c->line, 0, "%s: not an array of "
			             "spans; group skipped", path);
	}
}

/* ---- dispatch ------------------------------------------------------- */

void json_read_format(json_ctx *c, const cJSON *obj,
                      import_json_format format)
{
	switch (format) {
	case IMPORT_JSON_CITRON:
		read_citron(c, obj);
		break;
	case IMPORT_JSON_SPACY:
	case IMPORT_JSON_DISPLACY:
		read_entities(c, obj, "ents", "start", "end");
		if (cJSON_IsObject(get(obj, "spans")))
			import_warning(&c->rep, c->line, 0, "spans: spaCy's "
			               "span groups are not read yet, only ents");
		break;
	case IMPORT_JSON_PRODIGY:
		read_entities(c, obj, "spans", "start", "end");
		break;
	case IMPORT_JSON_DOCCANO:
		if (get(obj, "label"))
			read_doccano_triples(c, obj);
		read_entities(c, obj, "entities", "start_offset", "end_offset");
		break;
	case IMPORT_JSON_AUTO:
	case IMPORT_JSON_UNKNOWN:
		break;
	}
}
