/* resolve.c - finds the entities' mentions, the quotes, their speakers and
 * cues in the body of a loaded article.
 *
 * Every spelling (entity name or alias), every distinct quote fragment and
 * every distinct cue becomes one pattern of one Aho-Corasick automaton, and
 * one scan of the body finds them all.  The hits are then sorted out:
 * mentions by word boundaries and leftmost-longest choice, quotes by their
 * occurrence and the order of their fragments, cues by distance. */
#include "resolve.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "matcher.h"
#include "suggest.h"
#include "text.h"

/* ==== the resolver's working state ====================================== */

typedef enum needle_kind {
	NEEDLE_SPELLING,   /* an entity's name or alias */
	NEEDLE_FRAGMENT,   /* the words of a quote fragment */
	NEEDLE_CUE,        /* a speech verb */
} needle_kind;

/* A growing list of body offsets, ascending as the scan adds them. */
typedef struct offsets {
	size_t *v;
	size_t n, cap;
} offsets;

/* One pattern of the automaton; its index is the matcher tag. */
typedef struct needle {
	needle_kind kind;
	const char *text;  /* the article's own string */
	size_t len;
	size_t entity;     /* for a spelling */
	bool word_start;   /* begins with a word character: must not begin
	                      inside a word (spellings and cues) */
	bool word_end;     /* likewise at its end */
	offsets starts;    /* fragments and cues: where they stand */
} needle;

/* A spelling's occurrence that passed the word-boundary test. */
typedef struct found {
	size_t start, end;
	size_t entity;
	size_t needle;
} found;

/* Lines and paragraphs of the body, built on first use: diagnostics and
 * cues need them, a clean article without cues does not.  The code point
 * counts come later still: only a message's column needs them. */
typedef struct body_index {
	bool built;        /* lines and paragraphs */
	size_t *lines;     /* start offset of each line */
	size_t n_lines;
	size_t *cps;       /* code points before each block of CP_BLOCK bytes,
	                      or NULL until a column is asked for */
	size_t *paras;     /* start offset of each paragraph */
	size_t n_paras;
} body_index;

#define CP_BLOCK 256u

typedef struct resolver {
	article *a;
	diag_list *diags;
	size_t n_problems;
	bool oom;
	needle *needles;
	size_t n_needles, cap_needles;
	size_t *frag_needle;  /* per fragment of every quote, flat; SIZE_MAX
	                         for an empty fragment */
	size_t *frag_base;    /* per quote: its first entry in frag_needle */
	size_t *cue_needle;   /* per quote; SIZE_MAX without a cue */
	found *found;
	size_t n_found, cap_found;
	body_index ix;
} resolver;

#define NO_NEEDLE SIZE_MAX

static void offsets_push(resolver *r, offsets *o, size_t at)
{
	size_t *v = array_grow(o->v, &o->cap, o->n + 1, sizeof *v);
	if (!v) {
		r->oom = true;
		return;
	}
	o->v = v;
	o->v[o->n++] = at;
}

/* Index of the first offset >= at. */
static size_t offsets_lower(const offsets *o, size_t at)
{
	size_t lo = 0, hi = o->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (o->v[mid] < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Adds a diagnostic at pos (or at fallback when pos has no line). */
static void problem(resolver *r, src_pos pos, src_pos fallback,
                    const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void problem(resolver *r, src_pos pos, src_pos fallback,
                    const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (!msg) {
		r->oom = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (pos.line <= 0)
		pos = fallback;
	diag_add(r->diags, r->a->path, pos.line, pos.col, "%s", msg);
	free(msg);
	r->n_problems++;
}

/* ==== characters and words ============================================== */

/* Start of the character that ends at offset i (i > 0). */
static size_t char_before(const char *s, size_t i)
{
	size_t j = i - 1;
	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	return j;
}

static uint32_t cp_before(const char *s, size_t len, size_t i)
{
	uint32_t cp;
	utf8_decode(s, len, char_before(s, i), &cp);
	return cp;
}

static uint32_t cp_at(const char *s, size_t len, size_t i)
{
	uint32_t cp;
	utf8_decode(s, len, i, &cp);
	return cp;
}

/* text_is_word_char() for a byte below 0x80, here because every found
 * name asks it twice and its neighbours are nearly always ASCII. */
static bool ascii_word_byte(unsigned char b)
{
	return (unsigned)((b | 0x20) - 'a') < 26 || (unsigned)(b - '0') < 10;
}

/* True when body[start..end) neither begins nor ends inside a word, as
 * far as the pattern's own first and last characters are word ones. */
static bool word_bounded(const article *a, size_t start, size_t end,
                         bool check_start, bool check_end)
{
	const unsigned char *b = (const unsigned char *)a->body;
	if (check_start && start > 0 &&
	    (b[start - 1] < 0x80 ? ascii_word_byte(b[start - 1])
	                         : text_is_word_char(cp_before(a->body, a->body_len,
	                                                       start))))
		return false;
	if (check_end && end < a->body_len &&
	    (b[end] < 0x80 ? ascii_word_byte(b[end])
	                   : text_is_word_char(cp_at(a->body, a->body_len, end))))
		return false;
	return true;
}

static bool on_char_boundary(const article *a, size_t at)
{
	return at >= a->body_len || ((unsigned char)a->body[at] & 0xC0) != 0x80;
}

/* ==== body lines and paragraphs ========================================= */

static bool line_is_blank(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	}
	return true;
}

/* Lines and paragraphs in one pass over the body. */
static bool index_lines(body_index *ix, const char *b, size_t len)
{
	size_t cap_lines = 0, cap_paras = 0, start = 0;
	bool after_blank = true;
	for (;;) {
		const char *nl = memchr(b + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - b) : len;
		size_t *lines = array_grow(ix->lines, &cap_lines, ix->n_lines + 1,
		                           sizeof *lines);
		size_t *paras = array_grow(ix->paras, &cap_paras, ix->n_paras + 1,
		                           sizeof *paras);
		if (lines)
			ix->lines = lines;
		if (paras)
			ix->paras = paras;
		if (!lines || !paras) {   /* as before the first call */
			free(ix->lines);
			free(ix->paras);
			*ix = (body_index){ 0 };
			return false;
		}
		ix->lines[ix->n_lines++] = start;
		bool blank = line_is_blank(b, start, end);
		if (!blank && after_blank)
			ix->paras[ix->n_paras++] = start;
		after_blank = blank;
		if (!nl)
			break;
		start = end + 1;
	}
	if (ix->n_paras == 0)
		ix->paras[ix->n_paras++] = 0;
	return true;
}

static bool index_code_points(body_index *ix, const char *b, size_t len)
{
	size_t n_blocks = len / CP_BLOCK + 1, cap = 0, count = 0;
	ix->cps = array_grow(NULL, &cap, n_blocks, sizeof *ix->cps);
	if (!ix->cps)
		return false;
	for (size_t k = 0; k < n_blocks; k++) {
		ix->cps[k] = count;
		size_t end = (k + 1) * CP_BLOCK < len ? (k + 1) * CP_BLOCK : len;
		for (size_t i = k * CP_BLOCK; i < end; i++)
			count += ((unsigned char)b[i] & 0xC0) != 0x80;
	}
	return true;
}

/* Lines and paragraphs, built on first use. */
static bool index_need(resolver *r)
{
	body_index *ix = &r->ix;
	if (ix->built)
		return true;
	if (!index_lines(ix, r->a->body, r->a->body_len)) {
		r->oom = true;
		return false;
	}
	ix->built = true;
	return true;
}

/* The lines and the code point counts, which only columns in messages
 * need: a clean article never reads its body a second time for them. */
static bool index_need_columns(resolver *r)
{
	if (!index_need(r))
		return false;
	if (r->ix.cps)
		return true;
	if (!index_code_points(&r->ix, r->a->body, r->a->body_len)) {
		r->oom = true;
		return false;
	}
	return true;
}

static void index_free(body_index *ix)
{
	free(ix->lines);
	free(ix->cps);
	free(ix->paras);
}

/* Index of the last element of v[0..n) that is <= at (v[0] is 0). */
static size_t last_at_or_before(const size_t *v, size_t n, size_t at)
{
	size_t lo = 0, hi = n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] <= at)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static size_t code_points_before(const resolver *r, size_t at)
{
	size_t k = at / CP_BLOCK, count = r->ix.cps[k];
	for (size_t i = k * CP_BLOCK; i < at; i++)
		count += ((unsigned char)r->a->body[i] & 0xC0) != 0x80;
	return count;
}

/* 1-based body line of a body offset. */
static int body_line_of(resolver *r, size_t at)
{
	if (!index_need(r))
		return 1;
	return (int)last_at_or_before(r->ix.lines, r->ix.n_lines, at) + 1;
}

/* 1-based body line and column (in code points) of a body offset. */
typedef struct body_pos {
	int line;
	int col;
	int file_line;  /* 0 when the body's lines cannot be mapped */
} body_pos;

static body_pos body_pos_of(resolver *r, size_t at)
{
	if (!index_need_columns(r))
		return (body_pos){ .line = 1, .col = 1 };
	size_t k = last_at_or_before(r->ix.lines, r->ix.n_lines, at);
	size_t col = code_points_before(r, at) -
	             code_points_before(r, r->ix.lines[k]) + 1;
	body_pos p = { .line = (int)(k + 1), .col = (int)col };
	if (r->a->body_line > 0)
		p.file_line = r->a->body_line + p.line - 1;
	return p;
}

/* ==== message pieces ==================================================== */

/* A piece of article text made safe for a one-line message. */
typedef struct clip {
	char s[320];
} clip;

#define CLIP_CHARS 60u

/* Copies t[0..len) into c, controls as spaces, at most CLIP_CHARS code
 * points: the first ones, or the last ones when keep_end. */
static const char *clip_text(clip *c, const char *t, size_t len, bool keep_end)
{
	size_t from = 0, to = len, chars = 0;
	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)t[i] & 0xC0) != 0x80;
	bool cut = chars > CLIP_CHARS;
	if (cut) {
		size_t skip = keep_end ? chars - CLIP_CHARS : CLIP_CHARS, seen = 0;
		size_t i = 0;
		for (; i < len; i++) {
			if (((unsigned char)t[i] & 0xC0) != 0x80 && seen++ == skip)
				break;
		}
		if (keep_end)
			from = i;
		else
			to = i;
	}
	size_t n = 0;
	if (cut && keep_end)
		n += (size_t)sprintf(c->s, "\xE2\x80\xA6");
	for (size_t i = from; i < to; i++) {
		unsigned char ch = (unsigned char)t[i];
		c->s[n++] = (ch < 0x20 || ch == 0x7F) ? ' ' : (char)ch;
	}
	if (cut && !keep_end)
		n += (size_t)sprintf(c->s + n, "\xE2\x80\xA6");
	c->s[n] = '\0';
	return c->s;
}

/* " (file line N)" for a body position that maps to the file, else "". */
static const char *file_line_note(char *buf, size_t size, body_pos p)
{
	buf[0] = '\0';
	if (p.file_line > 0)
		snprintf(buf, size, " (file line %d)", p.file_line);
	return buf;
}

/* ==== needles and the scan ============================================== */

static size_t needle_add(resolver *r, needle nd)
{
	needle *v = array_grow(r->needles, &r->cap_needles, r->n_needles + 1,
	                       sizeof *v);
	if (!v) {
		r->oom = true;
		return NO_NEEDLE;
	}
	r->needles = v;
	if (nd.kind != NEEDLE_FRAGMENT) {
		nd.word_start = text_is_word_char(cp_at(nd.text, nd.len, 0));
		nd.word_end = text_is_word_char(cp_before(nd.text, nd.len, nd.len));
	}
	r->needles[r->n_needles] = nd;
	return r->n_needles++;
}

/* Fragments and cues that are the same text share one needle, so that
 * "said" given as the cue of fifty quotes is one pattern.  table has
 * cap (a power of two) slots holding a needle index + 1. */
typedef struct intern {
	size_t *slots;
	size_t cap;
} intern;

static size_t hash_text(needle_kind kind, const char *s, size_t len)
{
	size_t h = 1469598103u ^ (size_t)kind;
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
	size_t id = needle_add(r, (needle){ .kind = kind, .text = s, .len = len });
	if (id != NO_NEEDLE)
		t->slots[k] = id + 1;
	return id;
}

/* Gives every quote fragment and cue its needle. */
static void add_quote_needles(resolver *r)
{
	article *a = r->a;
	size_t n_frags = 0;
	for (size_t qi = 0; qi < a->n_quotes; qi++)
		n_frags += a->quotes[qi].n_fragments;
	intern t = { .cap = 16 };
	while (t.cap < 2 * (n_frags + a->n_quotes))
		t.cap *= 2;
	t.slots = calloc(t.cap, sizeof *t.slots);
	r->frag_needle = malloc((n_frags + 1) * sizeof *r->frag_needle);
	r->frag_base = malloc((a->n_quotes + 1) * sizeof *r->frag_base);
	r->cue_needle = malloc((a->n_quotes + 1) * sizeof *r->cue_needle);
	if (!t.slots || !r->frag_needle || !r->frag_base || !r->cue_needle) {
		free(t.slots);
		r->oom = true;
		return;
	}
	size_t f = 0;
	for (size_t qi = 0; qi < a->n_quotes; qi++) {
		const quote *q = &a->quotes[qi];
		r->frag_base[qi] = f;
		for (size_t k = 0; k < q->n_fragments; k++)
			r->frag_needle[f++] = needle_intern(r, &t, NEEDLE_FRAGMENT,
			                                    q->fragments[k]);
		r->cue_needle[qi] = needle_intern(r, &t, NEEDLE_CUE, q->cue);
	}
	free(t.slots);
}

/* Found spellings are kept by start, longest first, then by needle. */
static int found_cmp(const found *a, const found *b)
{
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;   /* longest first */
	return a->needle < b->needle ? -1 : a->needle > b->needle;
}

/* Inserts f in order.  Hits come by end, so f only passes the ones that
 * end inside its span and start after it, or start with it and are
 * shorter: a few at most, as many as the longest spelling allows. */
static bool found_insert(resolver *r, found f)
{
	found *v = array_grow(r->found, &r->cap_found, r->n_found + 1, sizeof *v);
	if (!v) {
		r->oom = true;
		return false;
	}
	r->found = v;
	size_t k = r->n_found++;
	for (; k > 0 && found_cmp(&v[k - 1], &f) > 0; k--)
		v[k] = v[k - 1];
	v[k] = f;
	return true;
}

static bool on_hit(void *ctx, size_t tag, size_t start, size_t end)
{
	resolver *r = ctx;
	needle *nd = &r->needles[tag];
	if (nd->kind != NEEDLE_FRAGMENT &&
	    !word_bounded(r->a, start, end, nd->word_start, nd->word_end))
		return true;
	if (nd->kind != NEEDLE_SPELLING) {
		offsets_push(r, &nd->starts, start);
		return !r->oom;
	}
	return found_insert(r, (found){ .start = start, .end = end,
	                                .entity = nd->entity, .needle = tag });
}

static void scan_body(resolver *r)
{
	matcher *m = matcher_new();
	bool ok = m != NULL;
	for (size_t k = 0; ok && k < r->n_needles; k++) {
		const needle *nd = &r->needles[k];
		bool fold = nd->kind == NEEDLE_SPELLING &&
		            r->a->entities[nd->entity].ignore_case;
		ok = matcher_add(m, nd->text, nd->len, fold, k);
	}
	if (ok && matcher_build(m))
		matcher_scan(m, r->a->body, r->a->body_len, on_hit, r);
	else
		r->oom = true;
	matcher_free(m);
}

/* ==== spellings: names and aliases ====================================== */

typedef struct spelling {
	const char *text;
	size_t len;
	size_t entity;
	size_t k;          /* 0: the name; k: aliases[k - 1] */
} spelling;

static unsigned char fold_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* True when the spellings are equal but for ASCII case. */
static bool same_folded(const spelling *x, const spelling *y)
{
	if (x->len != y->len)
		return false;
	for (size_t i = 0; i < x->len; i++) {
		if (fold_byte((unsigned char)x->text[i]) !=
		    fold_byte((unsigned char)y->text[i]))
			return false;
	}
	return true;
}

static size_t hash_folded(const spelling *x)
{
	size_t h = 1469598103u;
	for (size_t i = 0; i < x->len; i++)
		h = (h ^ fold_byte((unsigned char)x->text[i])) * 16777619u;
	return h;
}

static src_pos spelling_pos(const entity *e, size_t k)
{
	src_pos p = k == 0 ? e->name_pos : e->alias_pos ? e->alias_pos[k - 1] : e->pos;
	return p.line > 0 ? p : e->pos;
}

/* Every non-empty name and alias, in declaration order. */
static spelling *collect_spellings(resolver *r, size_t *n_out)
{
	const article *a = r->a;
	size_t n = 0;
	for (size_t ei = 0; ei < a->n_entities; ei++)
		n += 1 + a->entities[ei].n_aliases;
	spelling *v = malloc((n + 1) * sizeof *v);
	if (!v) {
		r->oom = true;
		return NULL;
	}
	n = 0;
	for (size_t ei = 0; ei < a->n_entities; ei++) {
		const entity *e = &a->entities[ei];
		for (size_t k = 0; k <= e->n_aliases; k++) {
			const char *s = k == 0 ? e->name : e->aliases[k - 1];
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
			problem(r, spelling_pos(second, y->k), second->pos,
			        "'%s' is declared by entity '%s'%s and by entity '%s'",
			        clip_text(&c, y->text, y->len, false),
			        first->id ? first->id : "", line, second->id ? second->id : "");
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
static void add_spelling_needles(resolver *r)
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
			needle_add(r, (needle){ .kind = NEEDLE_SPELLING, .text = v[j].text,
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

/* Checks an explicit mention; false (with a diagnostic) when it is not a
 * range of whole characters inside the body. */
static bool given_valid(resolver *r, const entity *e, size_t k)
{
	const article *a = r->a;
	const char *id = e->id ? e->id : "";
	span g = e->given[k];
	src_pos pos = e->given_pos ? e->given_pos[k] : e->pos;
	if (g.start >= g.end) {
		problem(r, pos, e->pos, "mention [%zu, %zu] of entity '%s' is empty "
		        "or reversed: its start must be less than its end",
		        g.start, g.end, id);
	} else if (g.end > a->body_len) {
		problem(r, pos, e->pos, "mention [%zu, %zu] of entity '%s' ends "
		        "past the body, which has %zu bytes", g.start, g.end, id,
		        a->body_len);
	} else if (!on_char_boundary(a, g.start) || !on_char_boundary(a, g.end)) {
		problem(r, pos, e->pos, "mention [%zu, %zu] of entity '%s' cuts a "
		        "UTF-8 character at byte %zu", g.start, g.end, id,
		        on_char_boundary(a, g.start) ? g.end : g.start);
	} else {
		return true;
	}
	return false;
}

/* The valid explicit mentions, sorted, duplicates dropped. */
static mention *collect_given(resolver *r, size_t *n_out)
{
	const article *a = r->a;
	size_t n = 0;
	for (size_t ei = 0; ei < a->n_entities; ei++)
		n += a->entities[ei].n_given;
	mention *v = malloc((n + 1) * sizeof *v);
	if (!v) {
		r->oom = true;
		return NULL;
	}
	n = 0;
	for (size_t ei = 0; ei < a->n_entities; ei++) {
		const entity *e = &a->entities[ei];
		for (size_t k = 0; k < e->n_given; k++) {
			if (given_valid(r, e, k))
				v[n++] = (mention){ .at = e->given[k], .entity = ei,
				                    .explicit_ = true };
		}
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

static bool covered(const span *cover, size_t n, span s)
{
	size_t lo = 0, hi = n;   /* first range ending after s.start */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cover[mid].end <= s.start)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && cover[lo].start < s.end;
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

static void resolve_mentions(resolver *r)
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

/* ==== speakers ========================================================== */

typedef struct entity_ref {
	const char *id;
	size_t entity;
} entity_ref;

typedef struct id_index {
	const char **ids;     /* entity ids in declaration order, for suggestions */
	entity_ref *sorted;   /* the same, by id */
	size_t n;
} id_index;

static int entity_ref_cmp(const void *pa, const void *pb)
{
	return strcmp(((const entity_ref *)pa)->id, ((const entity_ref *)pb)->id);
}

static bool id_index_build(const article *a, id_index *ix)
{
	ix->ids = malloc((a->n_entities + 1) * sizeof *ix->ids);
	ix->sorted = malloc((a->n_entities + 1) * sizeof *ix->sorted);
	if (!ix->ids || !ix->sorted)
		return false;
	ix->n = 0;
	for (size_t ei = 0; ei < a->n_entities; ei++) {
		if (a->entities[ei].id) {
			ix->ids[ix->n] = a->entities[ei].id;
			ix->sorted[ix->n++] = (entity_ref){ .id = a->entities[ei].id,
			                                    .entity = ei };
		}
	}
	qsort(ix->sorted, ix->n, sizeof *ix->sorted, entity_ref_cmp);
	return true;
}

static long id_index_find(const id_index *ix, const char *id)
{
	entity_ref key = { .id = id };
	const entity_ref *hit = bsearch(&key, ix->sorted, ix->n, sizeof key,
	                                entity_ref_cmp);
	return hit ? (long)hit->entity : -1;
}

static void resolve_speakers(resolver *r)
{
	article *a = r->a;
	id_index ix = { 0 };
	if (!id_index_build(a, &ix)) {
		r->oom = true;
		free(ix.ids);
		free(ix.sorted);
		return;
	}
	for (size_t qi = 0; qi < a->n_quotes; qi++) {
		quote *q = &a->quotes[qi];
		q->speaker = -1;
		if (!q->speaker_id)
			continue;   /* an unnamed speaker with no entity */
		q->speaker = id_index_find(&ix, q->speaker_id);
		if (q->speaker >= 0)
			continue;
		const char *near = suggest_nearest(q->speaker_id, ix.ids, ix.n);
		clip c;
		const char *id = clip_text(&c, q->speaker_id, strlen(q->speaker_id), false);
		if (near)
			problem(r, q->speaker_pos, q->pos,
			        "unknown speaker '%s'; did you mean '%s'?", id, near);
		else
			problem(r, q->speaker_pos, q->pos,
			        "unknown speaker '%s': no entity has this id", id);
	}
	free(ix.ids);
	free(ix.sorted);
}

/* ==== quotes: messages for text that cannot be placed =================== */

/* Length of the longest prefix of pat[0..m) that stands in body[from..),
 * cut back to whole characters; *at receives where it first stands.  One
 * Knuth-Morris-Pratt pass of pat over the body: linear in both. */
static size_t longest_prefix(resolver *r, size_t from, const char *pat,
                             size_t m, size_t *at)
{
	const article *a = r->a;
	size_t *fail = malloc((m + 1) * sizeof *fail);   /* border lengths */
	size_t best = 0, q = 0;
	*at = from;
	if (!fail) {
		r->oom = true;
		return 0;
	}
	fail[0] = 0;
	for (size_t i = 1, k = 0; i < m; i++) {
		while (k > 0 && pat[i] != pat[k])
			k = fail[k - 1];
		k += pat[i] == pat[k];
		fail[i] = k;
	}
	for (size_t i = from; i < a->body_len && best < m; i++) {
		if (q == 0) {   /* skip to the next place the quote could start */
			const char *p = memchr(a->body + i, pat[0], a->body_len - i);
			if (!p)
				break;
			i = (size_t)(p - a->body);
		}
		while (q > 0 && a->body[i] != pat[q])
			q = fail[q - 1];
		q += a->body[i] == pat[q];
		if (q > best) {
			best = q;
			*at = i + 1 - q;
		}
		if (q == m)
			break;
	}
	free(fail);
	while (best > 0 && best < m && ((unsigned char)pat[best] & 0xC0) == 0x80)
		best--;
	return best;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* End of the token of s that starts at from: spaces, then a word, reaching
 * at least one character past diff (when s goes on past diff). */
static size_t token_end(const char *s, size_t len, size_t from, size_t diff)
{
	size_t i = from;
	while (i < len && is_space(s[i]))
		i++;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s, len, i, &cp);
		if (!text_is_word_char(cp))
			break;
		i += n;
	}
	if (i <= diff && diff < len)
		i = diff + utf8_decode(s, len, diff, &(uint32_t){ 0 });
	return i;
}

/* Where the texts part, moved back to the start of the word they part in,
 * if they part inside one: the quote has pat[0..len) at body offset at. */
static size_t parting_point(const article *a, const char *pat, size_t m,
                            size_t len, size_t at)
{
	bool in_word = len > 0 && text_is_word_char(cp_before(pat, m, len)) &&
	               ((len < m && text_is_word_char(cp_at(pat, m, len))) ||
	                (at + len < a->body_len &&
	                 text_is_word_char(cp_at(a->body, a->body_len, at + len))));
	size_t w = len;
	while (in_word && w > 0 && text_is_word_char(cp_before(pat, m, w)))
		w = char_before(pat, w);
	return w;
}

/* The message head: which text of quote q was not found where. */
static void missing_what(char *buf, size_t size, size_t k)
{
	if (k == 0)
		snprintf(buf, size, "quote text not found in the body");
	else
		snprintf(buf, size, "quote fragment %zu not found after fragment %zu",
		         k + 1, k);
}

/* Fragment k stands only before fragment k - 1: they are out of order. */
static bool report_out_of_order(resolver *r, const quote *q, size_t k,
                                src_pos pos)
{
	size_t id = r->frag_needle[r->frag_base[(size_t)(q - r->a->quotes)] + k];
	const offsets *o = &r->needles[id].starts;
	if (k == 0 || o->n == 0)
		return false;
	body_pos p = body_pos_of(r, o->v[o->n - 1]);
	char note[40];
	problem(r, pos, q->pos, "quote fragment %zu not found after fragment %zu: it "
	        "stands only before it, at body line %d, column %d%s; fragments go "
	        "in body order", k + 1, k, p.line, p.col,
	        file_line_note(note, sizeof note, p));
	return true;
}

/* Explains why fragment k of q is not in body[from..): where the longest
 * part of it that is stands, and the first word that differs. */
static void report_missing(resolver *r, const quote *q, size_t k, size_t from)
{
	const article *a = r->a;
	const char *pat = q->fragments[k];
	size_t m = strlen(pat), at;
	src_pos pos = q->fragment_pos ? q->fragment_pos[k] : q->pos;
	if (report_out_of_order(r, q, k, pos))
		return;
	size_t len = longest_prefix(r, from, pat, m, &at);
	char what[96], note[40], body_has[400];
	clip cm, cb, cq;
	missing_what(what, sizeof what, k);
	if (len == 0) {
		problem(r, pos, q->pos, "%s: not even its first character, \"%s\", stands "
		        "there", what, clip_text(&cq, pat, utf8_decode(pat, m, 0,
		                                 &(uint32_t){ 0 }), false));
		return;
	}
	size_t w = parting_point(a, pat, m, len, at), shown = w;
	while (shown > 0 && is_space(pat[shown - 1]))
		shown--;
	size_t qe = token_end(pat, m, w, len);
	size_t be = token_end(a->body, a->body_len, at + w, at + len);
	body_pos p = body_pos_of(r, shown > 0 ? at : at + w);
	file_line_note(note, sizeof note, p);
	const char *quote_has = clip_text(&cq, pat + w, qe - w, false);
	if (be > at + w)
		snprintf(body_has, sizeof body_has, "the body has \"%s\"",
		         clip_text(&cb, a->body + at + w, be - at - w, false));
	else
		snprintf(body_has, sizeof body_has, "the body ends");
	if (shown > 0)
		problem(r, pos, q->pos, "%s: the longest match, \"%s\", starts at body "
		        "line %d, column %d%s, then %s where the quote has \"%s\"", what,
		        clip_text(&cm, pat, shown, true), p.line, p.col, note, body_has,
		        quote_has);
	else
		problem(r, pos, q->pos, "%s: at body line %d, column %d%s, %s where the "
		        "quote has \"%s\"", what, p.line, p.col, note, body_has, quote_has);
}

#define MAX_LISTED_LINES 10u

/* "body lines 12, 30 and 41" for the distinct lines where starts stand. */
static void list_lines(resolver *r, const offsets *o, char *buf, size_t size)
{
	int lines[MAX_LISTED_LINES], last = 0;
	size_t n = 0, more = 0;
	for (size_t k = 0; k < o->n; k++) {
		int line = body_line_of(r, o->v[k]);
		if (line == last)
			continue;
		last = line;
		if (n < MAX_LISTED_LINES)
			lines[n++] = line;
		else
			more++;
	}
	size_t used = (size_t)snprintf(buf, size, "body line%s ", n > 1 ? "s" : "");
	for (size_t k = 0; k < n && used < size; k++) {
		const char *sep = k == 0 ? "" : (k + 1 == n && more == 0) ? " and " : ", ";
		used += (size_t)snprintf(buf + used, size - used, "%s%d", sep, lines[k]);
	}
	if (more > 0 && used < size)
		snprintf(buf + used, size - used, " and %zu more", more);
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

/* Start of the first fragment, or SIZE_MAX with a diagnostic. */
static size_t first_fragment_start(resolver *r, const quote *q, const needle *nd)
{
	const offsets *o = &nd->starts;
	src_pos pos = q->fragment_pos ? q->fragment_pos[0] : q->pos;
	if (o->n == 0) {
		report_missing(r, q, 0, 0);
	} else if (q->occurrence < 0) {
		problem(r, q->pos, q->pos, "occurrence %d: it must be 1 or more",
		        q->occurrence);
	} else if (q->occurrence == 0 && o->n > 1) {
		char lines[200];
		list_lines(r, o, lines, sizeof lines);
		problem(r, pos, q->pos, "quote text stands %zu times in the body (%s); "
		        "add \"occurrence: N\" to say which", o->n, lines);
	} else if ((size_t)q->occurrence > o->n) {
		if (o->n == 1)
			problem(r, pos, q->pos, "occurrence: %d, but the quote text stands "
			        "only once in the body", q->occurrence);
		else
			problem(r, pos, q->pos, "occurrence: %d, but the quote text stands "
			        "only %zu times in the body", q->occurrence, o->n);
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
			problem(r, q->fragment_pos ? q->fragment_pos[k] : q->pos, q->pos,
			        "quote text is empty");
			break;
		}
		const needle *nd = &r->needles[id];
		if (k == 0) {
			start = first_fragment_start(r, q, nd);
		} else {
			size_t j = offsets_lower(&nd->starts, prev_end);
			if (j < nd->starts.n)
				start = nd->starts.v[j];
			else
				report_missing(r, q, k, prev_end);
		}
		if (start == SIZE_MAX)
			break;
		sp[k] = (span){ .start = start, .end = start + nd->len };
		prev_end = sp[k].end;
		if (k + 1 == q->n_fragments) {
			if (q->kind != QUOTE_INDIRECT) {
				size_t floor = 0;
				for (size_t j = 0; j < q->n_fragments; j++)
					floor = (sp[j] = widen(r->a, sp[j], floor)).end;
			}
			return sp;
		}
	}
	free(sp);
	return NULL;
}

/* ==== cues ============================================================== */

static bool inside_quote(const quote *q, size_t start, size_t end)
{
	for (size_t k = 0; k < q->n_fragments; k++) {
		if (start < q->spans[k].end && q->spans[k].start < end)
			return true;
	}
	return false;
}

/* Of two places for the cue, one before the quote and one after it (each
 * SIZE_MAX when there is none), the one in the quote's own paragraph
 * [own_lo, own_hi); when both or neither are, the nearer in bytes. */
static size_t pick_cue(size_t before, size_t after, size_t cue_len, span first,
                       size_t own_lo, size_t own_hi)
{
	if (before == SIZE_MAX || after == SIZE_MAX)
		return before == SIZE_MAX ? after : before;
	bool before_own = before >= own_lo;
	bool after_own = after < own_hi;
	if (before_own != after_own)
		return before_own ? before : after;
	return first.start - (before + cue_len) < after - first.end ? before : after;
}

/* Finds the cue nearest to the quote's first span: in its own paragraph
 * if it stands there, else in the paragraph before or after; a cue inside
 * the quoted words does not count. */
static void place_cue(resolver *r, quote *q, size_t qi)
{
	size_t id = r->cue_needle[qi];
	if (id == NO_NEEDLE || !q->spans || !index_need(r))
		return;
	const needle *nd = &r->needles[id];
	const offsets *o = &nd->starts;
	const body_index *ix = &r->ix;
	span first = q->spans[0];
	size_t p = last_at_or_before(ix->paras, ix->n_paras, first.start);
	size_t lo = p > 0 ? ix->paras[p - 1] : 0;
	size_t own_hi = p + 1 < ix->n_paras ? ix->paras[p + 1] : r->a->body_len;
	size_t hi = p + 2 < ix->n_paras ? ix->paras[p + 2] : r->a->body_len;
	size_t after = SIZE_MAX, before = SIZE_MAX;
	for (size_t k = offsets_lower(o, first.end); k < o->n && o->v[k] < hi; k++) {
		if (!inside_quote(q, o->v[k], o->v[k] + nd->len)) {
			after = o->v[k];
			break;
		}
	}
	for (size_t k = offsets_lower(o, first.start); k-- > 0 && o->v[k] >= lo;) {
		if (o->v[k] + nd->len <= first.start) {
			before = o->v[k];
			break;
		}
	}
	size_t pick = pick_cue(before, after, nd->len, first, ix->paras[p], own_hi);
	if (pick == SIZE_MAX) {
		clip c;
		problem(r, q->cue_pos, q->pos, "cue '%s' not found near the quote (in its "
		        "paragraph or the one before or after it)",
		        clip_text(&c, nd->text, nd->len, false));
		return;
	}
	q->cue_span = (span){ .start = pick, .end = pick + nd->len };
}

static void resolve_quotes(resolver *r)
{
	for (size_t qi = 0; qi < r->a->n_quotes && !r->oom; qi++) {
		quote *q = &r->a->quotes[qi];
		if (q->n_fragments == 0)
			continue;   /* the loader reports a quote without text */
		q->spans = place_fragments(r, qi);
		place_cue(r, q, qi);
	}
}

/* ==== the whole article ================================================= */

/* Drops what an earlier resolution left, so resolving twice is safe. */
static void clear_results(article *a)
{
	free(a->mentions);
	a->mentions = NULL;
	a->n_mentions = 0;
	for (size_t ei = 0; ei < a->n_entities; ei++) {
		free(a->entities[ei].mention_ids);
		a->entities[ei].mention_ids = NULL;
		a->entities[ei].n_mentions = 0;
	}
	for (size_t qi = 0; qi < a->n_quotes; qi++) {
		quote *q = &a->quotes[qi];
		free(q->spans);
		q->spans = NULL;
		q->speaker = -1;
		q->cue_span = (span){ 0 };
	}
}

static void resolver_free(resolver *r)
{
	for (size_t k = 0; k < r->n_needles; k++)
		free(r->needles[k].starts.v);
	free(r->needles);
	free(r->frag_needle);
	free(r->frag_base);
	free(r->cue_needle);
	free(r->found);
	index_free(&r->ix);
}

size_t resolve_article(article *a, diag_list *diags)
{
	if (!a || !diags)
		return 0;
	resolver r = { .a = a, .diags = diags };
	clear_results(a);
	if (!a->body)
		a->body_len = 0;   /* the loader reports a missing body */
	add_spelling_needles(&r);
	add_quote_needles(&r);
	if (!r.oom && a->body)
		scan_body(&r);
	if (!r.oom)
		resolve_mentions(&r);
	if (!r.oom)
		resolve_speakers(&r);
	if (!r.oom && a->body)
		resolve_quotes(&r);
	if (r.oom) {
		clear_results(a);
		diag_add(diags, a->path, 0, 0, "out of memory while resolving the article");
		r.n_problems++;
	}
	resolver_free(&r);
	return r.n_problems;
}
