/* resolve_quotes.c - the quotes: each distinct fragment, cue piece and
 * speaker text becomes a needle of the scan; then each quote's speaker is
 * looked up, and its content placed: the spans given, or its fragments by
 * their occurrence and order, widened to their quotation marks.  Text
 * that cannot be placed is explained in resolve_missing.c.  Cues and
 * sources are placed near the content in resolve_cues.c. */
#include "resolve.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bound.h"
#include "resolve_private.h"
#include "suggest.h"
#include "text.h"

/* ==== needles for fragments and cues ==================================== */

/* Fragments and cues that are the same text share one needle, so that
 * "said" given as the cue of fifty quotes is one pattern.  table has
 * cap (a power of two) slots holding a needle index + 1. */
typedef struct intern {
	size_t *slots;
	size_t cap;
} intern;

/* FNV-1a of s[0..len), seeded so that a fragment and a cue of the same
 * text hash apart. */
static size_t hash_text(size_t seed, const char *s, size_t len)
{
	size_t h = 1469598103u ^ seed;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static size_t needle_intern(resolver *r, intern *t, needle_kind kind,
                            const char *s)
{
	size_t len = s ? strlen(s) : 0;
	if (len == 0)
		return NO_NEEDLE;
	size_t k = hash_text(kind, s, len) & (t->cap - 1);
	for (; t->slots[k]; k = (k + 1) & (t->cap - 1)) {
		const needle *nd = &r->needles[t->slots[k] - 1];
		if (nd->kind == kind && nd->len == len && memcmp(nd->text, s, len) == 0)
			return t->slots[k] - 1;
	}
	size_t id = resolve_needle_add(r, (needle){ .kind = kind, .text = s, .len = len });
	if (id != NO_NEEDLE)
		t->slots[k] = id + 1;
	return id;
}

/* Gives every quote fragment, cue piece and speaker text its needle. */
void resolve_add_quote_needles(resolver *r)
{
	article *a = r->a;
	size_t n_frags = 0, n_cues = 0;
	for (size_t qi = 0; qi < a->n_quotes; qi++) {
		n_frags += a->quotes[qi].n_fragments;
		n_cues += a->quotes[qi].n_cue;
	}
	intern t = { .cap = 16 };
	while (t.cap < 2 * (n_frags + n_cues + a->n_quotes))
		t.cap *= 2;
	t.slots = calloc(t.cap, sizeof *t.slots);
	r->frag_needle = malloc((n_frags + 1) * sizeof *r->frag_needle);
	r->frag_base = malloc((a->n_quotes + 1) * sizeof *r->frag_base);
	r->cue_needle = malloc((n_cues + 1) * sizeof *r->cue_needle);
	r->cue_base = malloc((a->n_quotes + 1) * sizeof *r->cue_base);
	r->src_needle = malloc((a->n_quotes + 1) * sizeof *r->src_needle);
	if (!t.slots || !r->frag_needle || !r->frag_base || !r->cue_needle ||
	    !r->cue_base || !r->src_needle) {
		free(t.slots);
		r->oom = true;
		return;
	}
	/* What a span is given for is taken there, never looked for: a
	 * tool's output, which gives every span, then costs the scan no
	 * pattern (NO_NEEDLE, which nothing reads for it). */
	size_t f = 0, c = 0;
	for (size_t qi = 0; qi < a->n_quotes; qi++) {
		const quote *q = &a->quotes[qi];
		r->frag_base[qi] = f;
		for (size_t k = 0; k < q->n_fragments; k++)
			r->frag_needle[f++] = q->n_given ? NO_NEEDLE
			                      : needle_intern(r, &t, NEEDLE_FRAGMENT,
			                                      q->fragments[k]);
		r->cue_base[qi] = c;
		for (size_t k = 0; k < q->n_cue; k++)
			r->cue_needle[c++] = q->n_cue_given ? NO_NEEDLE
			                     : needle_intern(r, &t, NEEDLE_CUE, q->cue[k]);
		/* Speaker words are found as cues are: whole words, nearby;
		 * given by position, they are not looked for. */
		r->src_needle[qi] = q->n_source_given ? NO_NEEDLE
		                    : needle_intern(r, &t, NEEDLE_CUE, q->speaker_text);
	}
	free(t.slots);
}

/* ==== speakers ========================================================== */

/* The entities by id: a table of cap (a power of two) slots holding an
 * entity index + 1, so that each quote's speaker is found in a probe or
 * two rather than by sorting a thousand ids for fifty quotes. */
typedef struct id_index {
	const char **ids;     /* entity ids in declaration order, for suggestions */
	size_t n;
	size_t *slots;
	size_t cap;
} id_index;

static size_t hash_id(const char *id)
{
	return hash_text(0, id, strlen(id));
}

/* The slot of id: where it is, or the empty one where it would go. */
static size_t id_slot(const id_index *ix, const article *a, const char *id)
{
	size_t k = hash_id(id) & (ix->cap - 1);
	while (ix->slots[k] && strcmp(a->entities[ix->slots[k] - 1].id, id) != 0)
		k = (k + 1) & (ix->cap - 1);
	return k;
}

static bool id_index_build(const article *a, id_index *ix)
{
	ix->cap = 16;
	while (ix->cap < 2 * a->n_entities)
		ix->cap *= 2;
	ix->ids = malloc((a->n_entities + 1) * sizeof *ix->ids);
	ix->slots = calloc(ix->cap, sizeof *ix->slots);
	if (!ix->ids || !ix->slots)
		return false;
	ix->n = 0;
	for (size_t ei = 0; ei < a->n_entities; ei++) {
		const char *id = a->entities[ei].id;
		if (!id)
			continue;
		ix->ids[ix->n++] = id;
		size_t k = id_slot(ix, a, id);
		if (!ix->slots[k])   /* a repeated id (the loader reports it)
		                        stands for its first entity */
			ix->slots[k] = ei + 1;
	}
	return true;
}

static long id_index_find(const id_index *ix, const article *a, const char *id)
{
	size_t k = id_slot(ix, a, id);
	return ix->slots[k] ? (long)ix->slots[k] - 1 : -1;
}

/* Ids are single tokens: word characters and a little punctuation.
 * White space or anything else says the speaker was written as words
 * ("speaker: the mayor") where an id was wanted. */
static bool id_like(const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s, len, i, &cp);
		if (!text_is_word_char(cp) && !(cp > 0 && cp < 0x80 &&
		                                strchr("-_.:/", (int)cp)))
			return false;
	}
	return len > 0;
}

static bool same_ignoring_case(const char *x, const char *y)
{
	while (*x && ascii_lower((unsigned char)*x) == ascii_lower((unsigned char)*y)) {
		x++;
		y++;
	}
	return *x == *y;
}

/* The entity whose name or an alias is the words t, or -1. */
static long entity_named(const article *a, const char *t)
{
	for (size_t ei = 0; ei < a->n_entities; ei++) {
		const entity *e = &a->entities[ei];
		bool named = e->id && e->name && same_ignoring_case(e->name, t);
		for (size_t j = 0; !named && e->id && j < e->n_aliases; j++)
			named = same_ignoring_case(e->aliases[j], t);
		if (named)
			return (long)ei;
	}
	return -1;
}

/* A speaker given as words rather than an id: what to write instead,
 * the words as the speaker's text, with the entity they name if one
 * does. */
static void report_speaker_words(resolver *r, const quote *q)
{
	const char *t = q->speaker_id;
	long ei = entity_named(r->a, t);
	char words[400], id[400];
	clip c;
	resolve_yaml_string(words, sizeof words, t, strlen(t), true);
	if (ei >= 0) {
		const char *eid = r->a->entities[ei].id;
		resolver_problem(r, q->speaker_pos, q->pos, "speaker '%s' is not an "
		                 "entity id but the name of entity '%s': write "
		                 "speaker: {entity: %s, text: %s}",
		                 resolve_clip_text(&c, t, strlen(t), false), eid,
		                 resolve_yaml_string(id, sizeof id, eid, strlen(eid), true),
		                 words);
	} else {
		resolver_problem(r, q->speaker_pos, q->pos, "speaker '%s' is not an "
		                 "entity id: for the words that stand for a speaker "
		                 "with no entity, write speaker: {text: %s}",
		                 resolve_clip_text(&c, t, strlen(t), false), words);
	}
}

void resolve_speakers(resolver *r)
{
	article *a = r->a;
	id_index ix = { 0 };
	if (!id_index_build(a, &ix)) {
		r->oom = true;
		free(ix.ids);
		free(ix.slots);
		return;
	}
	for (size_t qi = 0; qi < a->n_quotes; qi++) {
		quote *q = &a->quotes[qi];
		q->speaker = -1;
		if (!q->speaker_id || q->malformed)
			continue;   /* an unnamed speaker with no entity, or none */
		q->speaker = id_index_find(&ix, a, q->speaker_id);
		if (q->speaker >= 0)
			continue;
		if (!q->speaker_text && !id_like(q->speaker_id)) {
			report_speaker_words(r, q);
			continue;
		}
		const char *near = suggest_nearest(q->speaker_id, ix.ids, ix.n);
		clip c;
		const char *id = resolve_clip_text(&c, q->speaker_id, strlen(q->speaker_id), false);
		if (near)
			resolver_problem(r, q->speaker_pos, q->pos, "unknown speaker "
			                 "'%s'; did you mean '%s'?", id, near);
		else
			resolver_problem(r, q->speaker_pos, q->pos, "unknown speaker "
			                 "'%s': no entity has this id", id);
	}
	free(ix.ids);
	free(ix.slots);
}

/* ==== quotes: where they stand more than once ========================= */

#define MAX_LISTED_LINES 10u

/* "line 12" or "lines 12, 30 and 41 and 3 more": the numbers
 * lines[0..n) + shift, written at buf + used; the new length. */
static size_t list_numbers(char *buf, size_t size, size_t used,
                           const int *lines, size_t n, size_t more, int shift)
{
	if (used < size)
		used += (size_t)snprintf(buf + used, size - used, "line%s ",
		                         n > 1 ? "s" : "");
	for (size_t k = 0; k < n && used < size; k++) {
		const char *sep = k == 0 ? "" : (k + 1 == n && more == 0) ? " and " : ", ";
		used += (size_t)snprintf(buf + used, size - used, "%s%d", sep,
		                         lines[k] + shift);
	}
	if (more > 0 && used < size)
		used += (size_t)snprintf(buf + used, size - used, " and %zu more", more);
	return used;
}

/* "body lines 12, 30 and 41" for the distinct lines where starts stand,
 * then "; file lines 20, 38 and 49" when the body's lines map to the
 * file's, so that the places can be found in an editor. */
static void list_lines(resolver *r, const offsets *o, char *buf, size_t size)
{
	int lines[MAX_LISTED_LINES], last = 0;
	size_t n = 0, more = 0;
	for (size_t k = 0; k < o->n; k++) {
		int line = resolve_body_line(r, o->v[k]);
		if (line == last)
			continue;
		last = line;
		if (n < MAX_LISTED_LINES)
			lines[n++] = line;
		else
			more++;
	}
	size_t used = (size_t)snprintf(buf, size, "body ");
	used = list_numbers(buf, size, used, lines, n, more, 0);
	if (r->a->body_line > 0 && used < size) {
		used += (size_t)snprintf(buf + used, size - used, "; file ");
		list_numbers(buf, size, used, lines, n, more, r->a->body_line - 1);
	}
}

/* ==== quotes: placing the fragments ===================================== */

static bool is_opening_mark(uint32_t cp)
{
	return cp == 0x201C || cp == '"' || cp == 0x2018 || cp == '\'' ||
	       cp == 0x00AB || cp == 0x201E || cp == 0x2039 || cp == 0x300C ||
	       cp == 0x300E;
}

static bool is_closing_mark(uint32_t cp)
{
	return cp == 0x201D || cp == '"' || cp == 0x2019 || cp == '\'' ||
	       cp == 0x00BB || cp == 0x201C || cp == 0x203A || cp == 0x300D ||
	       cp == 0x300F;
}

static bool is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

/* Length of a closing mark at i (0 if none).  An apostrophe followed by a
 * letter ("Kerry's") closes nothing. */
static size_t closing_mark_at(const article *a, size_t i)
{
	uint32_t cp;
	if (i >= a->body_len)
		return 0;
	size_t n = utf8_decode(a->body, a->body_len, i, &cp);
	if (!is_closing_mark(cp))
		return 0;
	if (is_apostrophe(cp) && i + n < a->body_len &&
	    text_is_word_char(cp_at(a->body, a->body_len, i + n)))
		return 0;
	return n;
}

/* Widens s to the quotation marks around it: an opening mark right before,
 * a closing one right after, perhaps past one punctuation character.  The
 * start stays at or after floor (the end of the previous fragment). */
static span widen(const article *a, span s, size_t floor)
{
	if (s.start > floor) {
		size_t i = char_before(a->body, s.start);
		uint32_t cp = cp_at(a->body, a->body_len, i);
		bool apostrophe_in_word = cp == '\'' && i > 0 &&
		                          text_is_word_char(cp_before(a->body, a->body_len, i));
		if (i >= floor && is_opening_mark(cp) && !apostrophe_in_word)
			s.start = i;
	}
	size_t n = closing_mark_at(a, s.end);
	if (n == 0 && s.end < a->body_len && strchr(",.;:!?", a->body[s.end])) {
		size_t after = closing_mark_at(a, s.end + 1);
		if (after)
			n = 1 + after;
	}
	s.end += n;
	return s;
}

/* Widens each span of q but an indirect quote's, each after the last. */
static void widen_all(const article *a, const quote *q, span *sp)
{
	if (q->kind == QUOTE_INDIRECT)
		return;
	size_t floor = 0;
	for (size_t j = 0; j < q->n_fragments; j++)
		floor = (sp[j] = widen(a, sp[j], floor)).end;
}

/* Start of the first fragment, or SIZE_MAX with a diagnostic. */
static size_t first_fragment_start(resolver *r, const quote *q, const needle *nd)
{
	const offsets *o = &nd->starts;
	src_pos pos = q->fragment_pos ? q->fragment_pos[0] : q->pos;
	if (o->n == 0) {
		resolve_report_missing(r, q, 0, 0);
	} else if (q->occurrence < 0) {
		resolver_problem(r, q->pos, q->pos, "occurrence %d: it must be 1 or more",
		                 q->occurrence);
	} else if (q->occurrence == 0 && o->n > 1) {
		char lines[320];
		list_lines(r, o, lines, sizeof lines);
		resolver_problem(r, pos, q->pos, "quote text stands %zu times in the "
		                 "body (%s); add \"occurrence: N\" to say which", o->n,
		                 lines);
	} else if ((size_t)q->occurrence > o->n) {
		if (o->n == 1)
			resolver_problem(r, pos, q->pos, "occurrence: %d, but the quote "
			                 "text stands only once in the body",
			                 q->occurrence);
		else
			resolver_problem(r, pos, q->pos, "occurrence: %d, but the quote "
			                 "text stands only %zu times in the body",
			                 q->occurrence, o->n);
	} else {
		return o->v[q->occurrence > 0 ? q->occurrence - 1 : 0];
	}
	return SIZE_MAX;
}

/* Places every fragment of quote qi; its spans, or NULL with a diagnostic. */
static span *place_fragments(resolver *r, size_t qi)
{
	const quote *q = &r->a->quotes[qi];
	span *sp = calloc(q->n_fragments, sizeof *sp);
	if (!sp) {
		r->oom = true;
		return NULL;
	}
	size_t prev_end = 0;
	for (size_t k = 0; k < q->n_fragments; k++) {
		size_t id = r->frag_needle[r->frag_base[qi] + k], start = SIZE_MAX;
		if (id == NO_NEEDLE) {
			resolver_problem(r, q->fragment_pos ? q->fragment_pos[k] : q->pos,
			                 q->pos, "quote text is empty");
			break;
		}
		const needle *nd = &r->needles[id];
		if (k == 0) {
			start = first_fragment_start(r, q, nd);
		} else {
			size_t j = BOUND_LOWER(nd->starts.v, nd->starts.n, , prev_end);
			if (j < nd->starts.n)
				start = nd->starts.v[j];
			else
				resolve_report_missing(r, q, k, prev_end);
		}
		if (start == SIZE_MAX)
			break;
		sp[k] = (span){ .start = start, .end = start + nd->len };
		prev_end = sp[k].end;
		if (k + 1 == q->n_fragments) {
			widen_all(r->a, q, sp);
			return sp;
		}
	}
	free(sp);
	return NULL;
}

/* ==== the quotes ======================================================== */

/* The content of q: the given spans exactly (a tool's positions are kept
 * to the character), or the fragments placed and widened to their marks
 * but for an indirect quote.  NULL with a diagnostic. */
static span *place_content(resolver *r, size_t qi)
{
	quote *q = &r->a->quotes[qi];
	if (q->n_given == 0)
		return q->n_fragments ? place_fragments(r, qi) : NULL;
	span *sp = calloc(q->n_given, sizeof *sp);
	if (!sp) {
		r->oom = true;
		return NULL;
	}
	if (!resolve_given_content(r, q, sp)) {
		free(sp);
		return NULL;
	}
	return sp;
}

void resolve_quotes(resolver *r)
{
	for (size_t qi = 0; qi < r->a->n_quotes && !r->oom; qi++) {
		quote *q = &r->a->quotes[qi];
		if (q->malformed)
			continue;   /* its problem is the loader's, reported */
		q->spans = place_content(r, qi);
		q->resolved = q->spans != NULL;
	}
	resolve_near_free(r);   /* only the quotes' messages use it */
}
