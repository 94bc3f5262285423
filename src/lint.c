/* lint.c - warnings about a resolved article (lint.h): the entry point,
 * and the rules on entities, on quotes against each other and on the
 * shape of the body.  Normalisation is in lint_norm.c, quotation marks in
 * lint_marks.c.
 *
 * Each rule reads what the resolver found (mentions, spans) instead of
 * searching again; the body is read whole only by the marks' pass and the
 * body's shape, each once.  Searches for a suggestion run only for an
 * entity that is not found, which a finished article does not have. */
#include "lint.h"

#include <stdlib.h>
#include <string.h>

#include "lint_private.h"
#include "sort.h"
#include "suggest.h"

/* Suggestions are looked for for this many entities not found at most,
 * and at this many places of the body each: each costs two strstr()
 * passes over the body. */
#define LINT_MAX_SUGGEST 2
#define LINT_SUGGEST_HITS 256
/* Spellings of more words than this get no suggestion. */
#define LINT_SUGGEST_WORDS 4
/* suggest_distance() compares words of at most 64 bytes. */
#define LINT_SUGGEST_BYTES 64

/* ---- entities not found --------------------------------------------- */

static size_t word_count(const char *s)
{
	size_t n = 0;
	for (const char *p = s; *p;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		n++;
		while (*p && *p != ' ')
			p++;
	}
	return n;
}

/* From byte i of the body, forward past the characters that are word
 * characters (words true) or that are not: the end of the word that
 * holds i, or the start of the next word; len at the end. */
static size_t walk_forward(const char *b, size_t len, size_t i, bool words)
{
	while (i < len) {
		uint32_t cp;
		size_t k = utf8_decode(b, len, i, &cp);
		if (text_is_word_char(cp) != words)
			break;
		i += k;
	}
	return i;
}

/* The same backward from before byte i: the start of the word that ends
 * at i, or the end of the word before; 0 at the start. */
static size_t walk_back(const char *b, size_t i, bool words)
{
	while (i > 0) {
		size_t p = utf8_char_start(b, i - 1);
		uint32_t cp;
		utf8_decode(b, i, p, &cp);
		if (text_is_word_char(cp) != words)
			break;
		i = p;
	}
	return i;
}

/* The best candidate so far for a suggestion. */
typedef struct nearest {
	const char *s;
	size_t slen, words, limit, best_d;
	char best[LINT_SUGGEST_BYTES + 1];
} nearest;

static void nearest_try(nearest *n, const char *b, size_t from, size_t to)
{
	size_t len = to - from;
	if (to <= from || len > LINT_SUGGEST_BYTES || len + n->limit < n->slen ||
	    len > n->slen + n->limit)
		return;
	char cand[LINT_SUGGEST_BYTES + 1];
	memcpy(cand, b + from, len);
	cand[len] = '\0';
	size_t d = suggest_distance(n->s, cand, n->limit);
	if (d < n->best_d) {
		n->best_d = d;
		memcpy(n->best, cand, len + 1);
	}
}

/* Candidates around each place the body has gram (a few bytes of the
 * start of s when at_start, else of its end): the run of as many words as
 * s has, starting or ending with the word that holds it. */
static void nearest_around(nearest *n, const article *a, const char *gram,
                           bool at_start)
{
	const char *b = a->body;
	size_t len = a->body_len, hits = 0;
	for (const char *p = strstr(b, gram); p && hits < LINT_SUGGEST_HITS;
	     p = strstr(p + 1, gram), hits++) {
		size_t h = (size_t)(p - b), from, to;
		if (at_start) {
			from = walk_back(b, h, true);
			to = walk_forward(b, len, h, true);
			for (size_t w = 1; w < n->words && to < len; w++)
				to = walk_forward(b, len, walk_forward(b, len, to, false), true);
		} else {
			to = walk_forward(b, len, h + strlen(gram) - 1, true);
			from = walk_back(b, h, true);
			for (size_t w = 1; w < n->words && from > 0; w++)
				from = walk_back(b, walk_back(b, from, false), true);
		}
		nearest_try(n, b, from, to);
	}
}

/* The run of words of the body nearest to s (as suggest_nearest measures
 * it), as many words as s has, copied into best; false when none is
 * close enough.  Not every run is measured, only those that share the
 * first or the last few bytes of s: a typo keeps one end of a word far
 * more often than not, and strstr() finds those places far faster than
 * a walk over every word would. */
static bool nearest_words(const article *a, const char *s,
                          char best[LINT_SUGGEST_BYTES + 1])
{
	nearest n = { .s = s, .slen = strlen(s), .words = word_count(s) };
	if (n.words == 0 || n.words > LINT_SUGGEST_WORDS ||
	    n.slen > LINT_SUGGEST_BYTES || n.slen < 2)
		return false;
	n.limit = n.slen <= 4 ? 1 : n.slen <= 8 ? 2 : 3;
	n.best_d = n.limit + 1;
	size_t g = n.slen <= 4 ? 2 : 3;
	char gram[8];
	size_t head = utf8_char_start(s, g);
	if (head == 0) {   /* one character longer than g: it alone */
		uint32_t cp;
		head = utf8_decode(s, n.slen, 0, &cp);
	}
	memcpy(gram, s, head);
	gram[head] = '\0';
	nearest_around(&n, a, gram, true);
	size_t tail = utf8_char_start(s, n.slen - g);
	memcpy(gram, s + tail, n.slen - tail);
	gram[n.slen - tail] = '\0';
	if (n.slen - tail < sizeof gram)
		nearest_around(&n, a, gram, false);
	if (n.best_d > n.limit)
		return false;
	memcpy(best, n.best, strlen(n.best) + 1);
	return true;
}

static bool has_mention_by_name(const entity *e)
{
	/* Explicit mentions say where the entity is meant: no warning. */
	return e->n_mentions > 0;
}

/* Warns about each entity none of whose spellings is found; a spelling
 * that differs from the body by normalisation gets that warning instead. */
static size_t lint_entities(const article *a, diag_list *diags)
{
	size_t found = 0, suggested = 0;
	bool combining = lint_norm_body_combining(a);
	for (size_t i = 0; i < a->n_entities; i++) {
		const entity *e = &a->entities[i];
		bool norm = lint_norm_spelling(a, e, e->name, e->name_pos, "name",
		                               combining, diags);
		for (size_t k = 0; k < e->n_aliases; k++)
			norm |= lint_norm_spelling(a, e, e->aliases[k], e->alias_pos[k],
			                           "alias", combining, diags);
		found += norm;
		if (norm || has_mention_by_name(e))
			continue;
		src_pos at = e->name_pos.line ? e->name_pos : e->pos;
		char near[LINT_SUGGEST_BYTES + 1];
		bool close = suggested < LINT_MAX_SUGGEST && nearest_words(a, e->name, near);
		suggested++;
		/* "its name 'X' stands nowhere in it" or "neither its name 'X'
		 * nor any of its aliases stands in it". */
		const char *pre = e->n_aliases ? "neither " : "";
		const char *post = e->n_aliases ? " nor any of its aliases stands in it"
		                                : " stands nowhere in it";
		if (close)
			diag_warn(diags, a->path, at.line, at.col, "entity '%s' is not "
			          "found in the body: %sits name '%s'%s; did you mean "
			          "'%s'?", e->id, pre, e->name, post, near);
		else
			diag_warn(diags, a->path, at.line, at.col, "entity '%s' is not "
			          "found in the body: %sits name '%s'%s", e->id, pre,
			          e->name, post);
		found++;
	}
	return found;
}

/* ---- quotes on the same words ---------------------------------------- */

/* By start, the longer first at the same start, so that a span comes
 * after every span that contains it. */
static bool span_before(const lint_span *x, const lint_span *y)
{
	return x->at.start < y->at.start ||
	       (x->at.start == y->at.start && x->at.end > y->at.end);
}

MERGE_SORT_DEFINE(lint_span_sort, lint_span, span_before)

/* Every fragment span of every quote, sorted; NULL when there is none or
 * memory runs out (the rules on spans are then skipped). */
static lint_span *sorted_spans(const article *a, size_t *n_out)
{
	size_t n = 0;
	for (size_t q = 0; q < a->n_quotes; q++)
		n += a->quotes[q].n_fragments;
	*n_out = 0;
	if (n == 0)
		return NULL;
	lint_span *spans = malloc(n * sizeof *spans);
	lint_span *tmp = malloc(n * sizeof *tmp);
	if (!spans || !tmp) {
		free(spans);
		free(tmp);
		return NULL;
	}
	size_t k = 0;
	for (size_t q = 0; q < a->n_quotes; q++)
		for (size_t f = 0; f < a->quotes[q].n_fragments; f++)
			spans[k++] = (lint_span){ .at = a->quotes[q].spans[f], .quote = q,
			                          .fragment = f };
	lint_span_sort(spans, tmp, n);
	free(tmp);
	*n_out = n;
	return spans;
}

static bool same_speaker(const quote *x, const quote *y)
{
	if (x->speaker >= 0 || y->speaker >= 0)
		return x->speaker == y->speaker;
	return x->speaker_text && y->speaker_text &&
	       strcmp(x->speaker_text, y->speaker_text) == 0;
}

static const char *speaker_name(const article *a, const quote *q)
{
	if (q->speaker >= 0)
		return a->entities[q->speaker].id;
	return q->speaker_text ? q->speaker_text : "an unnamed speaker";
}

static src_pos fragment_pos(const quote *q, size_t f)
{
	return q->fragment_pos && q->fragment_pos[f].line ? q->fragment_pos[f] : q->pos;
}

static bool pos_before(src_pos x, src_pos y)
{
	return x.line < y.line || (x.line == y.line && x.col < y.col);
}

/* x and y quote the same span: the warning goes to the later in the file. */
static void warn_same(const article *a, const lint_span *x, const lint_span *y,
                      diag_list *diags)
{
	src_pos px = fragment_pos(&a->quotes[x->quote], x->fragment);
	src_pos py = fragment_pos(&a->quotes[y->quote], y->fragment);
	if (pos_before(px, py)) {
		src_pos t = px;
		px = py;
		py = t;
	}
	diag_warn(diags, a->path, px.line, px.col, "these words are annotated "
	          "twice: the quote at line %d has the same span; keep one",
	          py.line);
}

static void warn_inside(const article *a, const lint_span *in,
                        const lint_span *out, diag_list *diags)
{
	const quote *qi = &a->quotes[in->quote], *qo = &a->quotes[out->quote];
	src_pos at = fragment_pos(qi, in->fragment);
	diag_warn(diags, a->path, at.line, at.col, "this quote of '%s' lies inside "
	          "a quote of '%s' (line %d): one of the speakers is wrong, or "
	          "one of the quotes is too long", speaker_name(a, qi),
	          speaker_name(a, qo), fragment_pos(qo, out->fragment).line);
}

/* Two quotes on the same words, or a quote inside another speaker's.  In
 * sorted order a span's containers all come before it, and the one that
 * reaches furthest (outer) contains it if any does. */
static size_t lint_quote_spans(const article *a, const lint_span *s, size_t n,
                               diag_list *diags)
{
	size_t found = 0, outer = 0;
	for (size_t i = 1; i < n; i++) {
		const lint_span *in = &s[i], *prev = &s[i - 1], *out = &s[outer];
		if (in->at.start == prev->at.start && in->at.end == prev->at.end &&
		    in->quote != prev->quote) {
			warn_same(a, in, prev, diags);
			found++;
		} else if (out->at.end >= in->at.end && out->quote != in->quote &&
		           !same_speaker(&a->quotes[in->quote], &a->quotes[out->quote])) {
			warn_inside(a, in, out, diags);
			found++;
		}
		if (in->at.end > out->at.end)
			outer = i;
	}
	return found;
}

/* ---- the shape of the body ------------------------------------------- */

/* Lines of a hard-wrapped body end near the same width, this far apart
 * at most, and that width is in this range (editors wrap at 72 or 80). */
#define WRAP_SLACK 8
#define WRAP_MIN 50
#define WRAP_MAX 100
#define WRAP_LINES 5          /* lines followed by another line, at least */
#define WRAP_SHARE 80         /* percent of them near the width */
#define WRAP_HIST 128

/* A body wrapped at a fixed width: most lines that are followed by
 * another line of the same paragraph (not by a blank line: quoth wants
 * one line a paragraph) end within WRAP_SLACK columns of one width. */
static size_t lint_wrapped(const article *a, diag_list *diags)
{
	size_t hist[WRAP_HIST] = { 0 }, joined = 0;
	const char *b = a->body, *end = b + a->body_len;
	for (const char *p = b; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;
		if (nl > p && nl + 1 < end && nl[1] != '\n') {
			size_t w = utf8_count(p, (size_t)(nl - p));
			hist[w < WRAP_HIST ? w : WRAP_HIST - 1]++;
			joined++;
		}
		p = nl + 1;
	}
	if (joined < WRAP_LINES)
		return 0;
	size_t best = 0, width = 0;
	for (size_t w = WRAP_MIN; w <= WRAP_MAX; w++) {
		size_t near = 0;
		for (size_t k = w - WRAP_SLACK; k <= w + WRAP_SLACK; k++)
			near += hist[k];
		if (near > best) {
			best = near;
			width = w;
		}
	}
	if (best * 100 < joined * WRAP_SHARE)
		return 0;
	/* The width told is the longest of those lines, where the editor
	 * wrapped; best > 0, so the window holds one. */
	size_t longest = width + WRAP_SLACK;
	while (hist[longest] == 0)
		longest--;
	diag_warn(diags, a->path, a->body_pos.line, a->body_pos.col, "the body "
	          "looks hard-wrapped: %zu of its %zu lines inside paragraphs end "
	          "near column %zu; quoth wraps the text itself, so write each "
	          "paragraph on one line, with a blank line between paragraphs",
	          best, joined, longest);
	return 1;
}

static size_t lint_body_style(const article *a, diag_list *diags)
{
	if (!a->body_folded)
		return 0;
	diag_warn(diags, a->path, a->body_pos.line, a->body_pos.col, "the body "
	          "spans several lines but is not a literal block scalar: YAML "
	          "joined its lines with spaces, gluing its paragraphs; write "
	          "'body: |' and the paragraphs below it, indented");
	return 1;
}

/* ---- the entry point ------------------------------------------------- */

size_t lint_article(const article *a, diag_list *diags)
{
	size_t found = lint_entities(a, diags);
	size_t n_spans;
	lint_span *spans = sorted_spans(a, &n_spans);
	found += lint_quote_spans(a, spans, n_spans, diags);
	found += lint_marks(a, spans, n_spans, diags);
	free(spans);
	found += lint_body_style(a, diags) || lint_wrapped(a, diags);
	return found;
}
