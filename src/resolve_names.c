/* resolve_names.c - the entities' mentions: each name and alias becomes a
 * needle of the scan (a spelling declared by two entities is reported and
 * dropped), and the found spellings, kept leftmost then longest and
 * whole words only, merge with the explicit mentions from the file. */
#include "resolve.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bound.h"
#include "resolve_private.h"
#include "text.h"

/* ==== spellings: names and aliases ====================================== */

typedef struct spelling {
	const char *text;
	size_t len;
	size_t entity;
	size_t k;          /* 0: the name; k: aliases[k - 1] */
} spelling;

/* True when the spellings are equal but for ASCII case. */
static bool same_folded(const spelling *x, const spelling *y)
{
	if (x->len != y->len)
		return false;
	for (size_t i = 0; i < x->len; i++) {
		if (ascii_lower((unsigned char)x->text[i]) !=
		    ascii_lower((unsigned char)y->text[i]))
			return false;
	}
	return true;
}

static size_t hash_folded(const spelling *x)
{
	size_t h = 1469598103u;
	for (size_t i = 0; i < x->len; i++)
		h = (h ^ ascii_lower((unsigned char)x->text[i])) * 16777619u;
	return h;
}

static src_pos spelling_pos(const entity *e, size_t k)
{
	src_pos p = k == 0 ? e->name_pos : e->alias_pos ? e->alias_pos[k - 1] : e->pos;
	return p.line > 0 ? p : e->pos;
}

/* Room for n items (at least one, so that n == 0 is no failure), or NULL
 * with r->oom set. */
static void *alloc_or_oom(resolver *r, size_t n, size_t size)
{
	void *v = malloc((n + 1) * size);
	if (!v)
		r->oom = true;
	return v;
}

/* Every non-empty name and alias, in declaration order. */
static spelling *collect_spellings(resolver *r, size_t *n_out)
{
	const article *a = r->a;
	size_t n = 0;
	for (size_t ei = 0; ei < a->n_entities; ei++)
		n += 1 + a->entities[ei].n_aliases;
	spelling *v = alloc_or_oom(r, n, sizeof *v);
	if (!v)
		return NULL;
	n = 0;
	for (size_t ei = 0; ei < a->n_entities; ei++) {
		const entity *e = &a->entities[ei];
		for (size_t k = 0; k <= e->n_aliases; k++) {
			const char *s = k > 0 ? e->aliases[k - 1]
			                : e->name_from_mention ? NULL : e->name;
			/* An empty spelling is the loader's to report; it finds nothing. */
			if (s && *s)
				v[n++] = (spelling){ .text = s, .len = strlen(s),
				                     .entity = ei, .k = k };
		}
	}
	*n_out = n;
	return v;
}

/* True when spellings a and b (equal but for ASCII case) find the same text
 * for at least one of their entities. */
static bool spellings_clash(const article *a, const spelling *x,
                            const spelling *y)
{
	return (x->len == y->len && memcmp(x->text, y->text, x->len) == 0) ||
	       a->entities[x->entity].ignore_case ||
	       a->entities[y->entity].ignore_case;
}

/* Checks one group of spellings equal but for case, v[ids[0..n)] in
 * declaration order: a later one that clashes with a kept one is dropped
 * (keep, indexed like v), silently for the same entity, with an error for
 * another. */
static void check_group(resolver *r, const spelling *v, const size_t *ids,
                        size_t n, bool *keep)
{
	const article *a = r->a;
	for (size_t j = 0; j < n; j++) {
		const spelling *y = &v[ids[j]];
		for (size_t i = 0; i < j && keep[ids[j]]; i++) {
			const spelling *x = &v[ids[i]];
			if (!keep[ids[i]] || !spellings_clash(a, x, y))
				continue;
			keep[ids[j]] = false;
			if (x->entity == y->entity)
				continue;
			const entity *first = &a->entities[x->entity];
			const entity *second = &a->entities[y->entity];
			src_pos fp = spelling_pos(first, x->k);
			char line[32] = "";
			clip c;
			if (fp.line > 0)
				snprintf(line, sizeof line, " (line %d)", fp.line);
			resolver_problem(r, spelling_pos(second, y->k), second->pos,
			                 "'%s' is declared by entity '%s'%s and by "
			                 "entity '%s'",
			                 resolve_clip_text(&c, y->text, y->len, false),
			                 first->id ? first->id : "", line,
			                 second->id ? second->id : "");
		}
	}
}

/* Groups the spellings v[0..n) that are equal but for ASCII case: ids
 * receives every index, each group's together in declaration order, the
 * groups in the order of their first spelling; starts[g] is where group g
 * begins in ids, starts[*n_groups] == n.  A hash table of the groups'
 * first spellings finds a spelling's group in a probe or two, so ten
 * thousand aliases cost no sort.  False on OOM. */
static bool group_spellings(const spelling *v, size_t n, size_t *ids,
                            size_t *starts, size_t *n_groups)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	size_t *slots = calloc(cap, sizeof *slots);   /* first spelling + 1 */
	size_t *group = malloc((n + 1) * sizeof *group);
	if (!slots || !group) {
		free(slots);
		free(group);
		return false;
	}
	size_t g = 0;
	for (size_t j = 0; j < n; j++) {
		size_t k = hash_folded(&v[j]) & (cap - 1);
		while (slots[k] && !same_folded(&v[slots[k] - 1], &v[j]))
			k = (k + 1) & (cap - 1);
		if (!slots[k]) {
			slots[k] = j + 1;
			starts[g] = 0;
			group[j] = g++;
		} else {
			group[j] = group[slots[k] - 1];
		}
		starts[group[j]]++;
	}
	for (size_t k = 0, at = 0; k <= g; k++) {   /* counts -> starts */
		size_t count = k < g ? starts[k] : 0;
		starts[k] = at;
		at += count;
	}
	/* The table's slots now serve as each group's next free place. */
	memcpy(slots, starts, g * sizeof *slots);
	for (size_t j = 0; j < n; j++)
		ids[slots[group[j]]++] = j;
	*n_groups = g;
	free(slots);
	free(group);
	return true;
}

/* One needle per spelling that survives the duplicate check. */
void resolve_add_spelling_needles(resolver *r)
{
	size_t n = 0, n_groups = 0;
	spelling *v = collect_spellings(r, &n);
	bool *keep = v ? malloc((n + 1) * sizeof *keep) : NULL;
	size_t *ids = keep ? malloc((n + 1) * sizeof *ids) : NULL;
	size_t *starts = ids ? malloc((n + 1) * sizeof *starts) : NULL;
	if (!starts || !group_spellings(v, n, ids, starts, &n_groups)) {
		free(v);
		free(keep);
		free(ids);
		free(starts);
		r->oom = true;
		return;
	}
	for (size_t j = 0; j < n; j++)
		keep[j] = true;
	for (size_t g = 0; g < n_groups; g++) {
		if (starts[g + 1] - starts[g] > 1)
			check_group(r, v, ids + starts[g], starts[g + 1] - starts[g], keep);
	}
	for (size_t j = 0; j < n; j++) {
		if (keep[j])
			resolve_needle_add(r, (needle){ .kind = NEEDLE_SPELLING, .text = v[j].text,
			                        .len = v[j].len, .entity = v[j].entity });
	}
	free(keep);
	free(ids);
	free(starts);
	free(v);
}

/* ==== mentions ========================================================== */

static int mention_cmp(const void *pa, const void *pb)
{
	const mention *a = pa, *b = pb;
	if (a->at.start != b->at.start)
		return a->at.start < b->at.start ? -1 : 1;
	if (a->at.end != b->at.end)
		return a->at.end < b->at.end ? -1 : 1;
	return a->entity < b->entity ? -1 : a->entity > b->entity;
}

/* Checks an explicit mention and makes it bytes in *out; false (with a
 * diagnostic) when it is not a range of whole characters inside the body. */
static bool given_valid(resolver *r, const entity *e, size_t k, span *out)
{
	span_check check = resolve_check_span(r, e->given[k], out);
	if (check == SPAN_OK)
		return true;
	char what[160];
	clip c;
	const char *id = e->id ? e->id : "";
	snprintf(what, sizeof what, "mention [%zu, %zu] of entity '%s'",
	         e->given[k].start, e->given[k].end,
	         resolve_clip_text(&c, id, strlen(id), false));
	resolve_span_problem(r, check, e->given[k],
	                     e->given_pos ? e->given_pos[k] : e->pos, e->pos, what);
	return false;
}

/* An entity given only by its mentions is named after the first valid
 * one in the file; that name is not searched for. */
static void name_after_mention(resolver *r, entity *e, span at)
{
	size_t n = at.end - at.start;
	e->name = malloc(n + 1);
	if (!e->name) {
		r->oom = true;
		return;
	}
	memcpy(e->name, r->a->body + at.start, n);
	e->name[n] = '\0';
	e->name_from_mention = true;
}

/* The valid explicit mentions, sorted, duplicates dropped. */
static mention *collect_given(resolver *r, size_t *n_out)
{
	article *a = r->a;
	size_t n = 0;
	for (size_t ei = 0; ei < a->n_entities; ei++)
		n += a->entities[ei].n_given;
	mention *v = alloc_or_oom(r, n, sizeof *v);
	if (!v)
		return NULL;
	n = 0;
	for (size_t ei = 0; ei < a->n_entities; ei++) {
		entity *e = &a->entities[ei];
		for (size_t k = 0; k < e->n_given; k++) {
			span at;
			if (!given_valid(r, e, k, &at))
				continue;
			if (!e->name)
				name_after_mention(r, e, at);
			v[n++] = (mention){ .at = at, .entity = ei, .explicit_ = true };
		}
		if (!e->name && e->n_given == 0)
			resolver_problem(r, e->pos, e->pos, "entity '%s' has no name and "
			                 "no mentions: give 'name', or 'mentions' to take "
			                 "it from", e->id ? e->id : "");
	}
	qsort(v, n, sizeof *v, mention_cmp);
	size_t m = 0;
	for (size_t k = 0; k < n; k++) {
		if (m == 0 || mention_cmp(&v[m - 1], &v[k]) != 0)
			v[m++] = v[k];
	}
	*n_out = m;
	return v;
}

/* Merges the sorted explicit mentions into disjoint covered ranges. */
static size_t cover_ranges(const mention *g, size_t n, span *out)
{
	size_t m = 0;
	for (size_t k = 0; k < n; k++) {
		if (m > 0 && g[k].at.start < out[m - 1].end) {
			if (g[k].at.end > out[m - 1].end)
				out[m - 1].end = g[k].at.end;
		} else {
			out[m++] = g[k].at;
		}
	}
	return m;
}

/* True when s overlaps one of the disjoint, sorted ranges cover[0..n):
 * the first range ending after s.start starts before s.end. */
static bool covered(const span *cover, size_t n, span s)
{
	size_t k = BOUND_UPPER(cover, n, .end, s.start);
	return k < n && cover[k].start < s.end;
}

/* Keeps the leftmost, then longest, of overlapping found spellings, and
 * none that an explicit mention overlaps; appends them to out. */
static size_t choose_found(resolver *r, const span *cover, size_t n_cover,
                           mention *out)
{
	size_t n = 0, reach = 0;
	bool any = false;
	for (size_t k = 0; k < r->n_found; k++) {
		const found *f = &r->found[k];
		span s = { .start = f->start, .end = f->end };
		if (any && f->start < reach)
			continue;
		/* Chosen among the found ones first, so a spelling that loses
		 * to an explicit mention still hides what it overlaps. */
		any = true;
		reach = f->end;
		if (!covered(cover, n_cover, s))
			out[n++] = (mention){ .at = s, .entity = f->entity };
	}
	return n;
}

/* Gives each entity the indexes of its mentions, ascending. */
static void fill_mention_ids(resolver *r)
{
	article *a = r->a;
	for (size_t m = 0; m < a->n_mentions; m++)
		a->entities[a->mentions[m].entity].n_mentions++;
	for (size_t ei = 0; ei < a->n_entities; ei++) {
		entity *e = &a->entities[ei];
		if (e->n_mentions > 0 &&
		    !(e->mention_ids = malloc(e->n_mentions * sizeof *e->mention_ids)))
			r->oom = true;
		e->n_mentions = 0;
	}
	for (size_t m = 0; m < a->n_mentions; m++) {
		entity *e = &a->entities[a->mentions[m].entity];
		if (e->mention_ids)
			e->mention_ids[e->n_mentions++] = m;
	}
}

/* Merges x[0..nx) and y[0..ny), each sorted by mention_cmp, into out;
 * y may be the tail out[nx..nx + ny).  Returns nx + ny. */
static size_t merge_mentions(const mention *x, size_t nx, const mention *y,
                             size_t ny, mention *out)
{
	size_t i = 0, j = 0, n = 0;
	while (i < nx && j < ny)
		out[n++] = mention_cmp(&x[i], &y[j]) <= 0 ? x[i++] : y[j++];
	while (i < nx)
		out[n++] = x[i++];
	while (j < ny)
		out[n++] = y[j++];
	return n;
}

void resolve_mentions(resolver *r)
{
	article *a = r->a;
	size_t n_given = 0;
	mention *given = collect_given(r, &n_given);
	span *cover = malloc((n_given + 1) * sizeof *cover);
	mention *all = malloc((r->n_found + n_given + 1) * sizeof *all);
	if (!given || !cover || !all) {
		free(given);
		free(cover);
		free(all);
		r->oom = true;
		return;
	}
	size_t n_cover = cover_ranges(given, n_given, cover);
	/* The chosen ones go after room for the explicit ones, so that the
	 * two sorted lists merge into all from its start: the merge never
	 * writes past the next chosen mention it has still to read. */
	size_t n_chosen = choose_found(r, cover, n_cover, all + n_given);
	a->mentions = all;
	a->n_mentions = merge_mentions(given, n_given, all + n_given, n_chosen, all);
	free(given);
	free(cover);
	fill_mention_ids(r);
}
