/* resolve_missing.c - why a quote's text is not in the body where it
 * should be, and what to write instead.  In the order asked: the
 * fragment stands only before the one it follows; the text stands with
 * other quotation marks, apostrophes, dashes or spaces (resolve_near.c
 * finds it; the message names the first two characters that differ and
 * gives the body's words to paste); its beginning and its end stand
 * apart with words between them (a split quote written as one string:
 * the fragments to write); else where the longest part of it stands and
 * the first word that differs, shown so that a line break, a no-break
 * space or a curly mark can be told from what the quote has.  The caret
 * goes under the quote's first differing character when the file writes
 * the text as it reads.  Only resolve_quotes.c calls it; it calls only
 * the leaves. */
#include "resolve_private.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ==== the longest match ================================================ */

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
	return best < m ? utf8_char_start(pat, best) : best;
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
	body_pos p = resolve_body_pos(r, o->v[o->n - 1]);
	char note[40];
	resolver_problem(r, pos, q->pos, "quote fragment %zu not found after "
	                 "fragment %zu: it stands only before it, at body line "
	                 "%d, column %d%s; fragments go in body order", k + 1, k,
	                 p.line, p.col, resolve_file_line_note(note, sizeof note, p));
	return true;
}

/* Where the caret goes for a difference at byte diff of fragment k:
 * under that character when the file writes the fragment as it reads,
 * else at pos, the value's start. */
static src_pos caret_at(const quote *q, size_t k, size_t diff, src_pos pos)
{
	if (!q->fragment_text_pos || q->fragment_text_pos[k].line <= 0)
		return pos;
	src_pos p = q->fragment_text_pos[k];
	p.col += (int)utf8_count(q->fragments[k], diff);
	return p;
}

/* ==== with other marks, dashes or spaces ================================ */

/* s[from..to) for a message: one character named with its code point,
 * else (a run of white space, or nothing) the text made visible. */
static const char *unit_name(char *buf, size_t size, const char *s,
                             size_t len, size_t from, size_t to)
{
	uint32_t cp = 0;
	if (from < to && from + utf8_decode(s, len, from, &cp) == to)
		return resolve_char_name(buf, size, cp);
	clip c;
	snprintf(buf, size, "\"%s\"", resolve_clip_visible(&c, s + from, to - from,
	                                                   0, true));
	return buf;
}

static void report_near(resolver *r, const quote *q, size_t k,
                        const near_match *nm, const char *what, src_pos pos)
{
	const article *a = r->a;
	const char *pat = q->fragments[k];
	size_t m = strlen(pat);
	body_pos p = resolve_body_pos(r, nm->at.start);
	char note[40], has[340], wants[340], paste[400];
	resolve_file_line_note(note, sizeof note, p);
	unit_name(has, sizeof has, a->body, a->body_len, nm->body_diff,
	          nm->body_diff_end);
	unit_name(wants, sizeof wants, pat, m, nm->pat_diff, nm->pat_diff_end);
	resolve_yaml_string(paste, sizeof paste, a->body + nm->at.start,
	                    nm->at.end - nm->at.start, false);
	resolver_problem(r, caret_at(q, k, nm->pat_diff, pos), q->pos,
	                 "%s as written, but it stands at body line %d, column %d%s "
	                 "with quotation marks, apostrophes, dashes and spaces "
	                 "taken as alike: the body has %s where the quote has "
	                 "%s \xE2\x80\x94 did you mean %s?", what, p.line, p.col,
	                 note, has, wants, paste);
}

/* ==== a split quote written as one string =============================== */

/* At most this many bytes between the two parts: an attribution ("she
 * said, "), not the rest of a paragraph. */
#define SPLIT_MAX_GAP 160u

static bool has_word_char(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s, len, i, &cp);
		if (text_is_word_char(cp))
			return true;
	}
	return false;
}

/* Where t[0..n) first stands in body[from..limit), or SIZE_MAX. */
static size_t find_within(const article *a, size_t from, size_t limit,
                          const char *t, size_t n)
{
	for (size_t i = from; i + n <= a->body_len && i <= limit; i++) {
		if (a->body[i] == t[0] && memcmp(a->body + i, t, n) == 0)
			return i;
	}
	return SIZE_MAX;
}

/* The longest match, pat[0..shown) at body offset at, is the beginning of
 * fragment k; the rest of it from the next word on, pat[rest..m), stands
 * a little after it in the same paragraph with words between: a split
 * quote written as one string.  Suggests its fragments; false when it is
 * not one. */
static bool report_split(resolver *r, const quote *q, size_t k, size_t at,
                         size_t shown, size_t rest, const char *what,
                         src_pos pos)
{
	const article *a = r->a;
	const char *pat = q->fragments[k];
	size_t m = strlen(pat), end1 = at + shown;
	while (rest < m && is_space(pat[rest]))
		rest++;
	if (shown == 0 || rest >= m || !has_word_char(pat + rest, m - rest))
		return false;
	size_t start2 = find_within(a, end1, end1 + SPLIT_MAX_GAP, pat + rest,
	                            m - rest);
	/* Both parts end and begin at words' edges, and words stand between:
	 * "our words" inside "your words" is a misquote, not a split. */
	if (start2 == SIZE_MAX || !has_word_char(a->body + end1, start2 - end1) ||
	    text_is_word_char(cp_before(a->body, a->body_len, start2)) ||
	    (text_is_word_char(cp_before(pat, m, shown)) &&
	     text_is_word_char(cp_at(a->body, a->body_len, end1))) ||
	    !resolver_index_body(r) ||
	    resolve_body_para(r, at) != resolve_body_para(r, start2))
		return false;
	body_pos p = resolve_body_pos(r, at);
	char note[40], first[400], second[400];
	clip cb;
	resolver_problem(r, pos, q->pos, "%s: its beginning and its end stand apart "
	                 "at body line %d, column %d%s, with \"%s\" between them; "
	                 "if the words between are not quoted, write the fragments "
	                 "as a list: text: [%s, %s]", what, p.line, p.col,
	                 resolve_file_line_note(note, sizeof note, p),
	                 resolve_clip_text(&cb, a->body + end1, start2 - end1, false),
	                 resolve_yaml_string(first, sizeof first, pat, shown, false),
	                 resolve_yaml_string(second, sizeof second, pat + rest,
	                                     m - rest, false));
	return true;
}

/* ==== the message ======================================================= */

/* The longest match and where it parts from the body, as before: the
 * texts at the difference made visible. */
static void report_longest(resolver *r, const quote *q, size_t k, size_t at,
                           size_t len, size_t w, size_t shown,
                           const char *what, src_pos pos)
{
	const article *a = r->a;
	const char *pat = q->fragments[k];
	size_t m = strlen(pat);
	size_t qe = token_end(pat, m, w, len);
	size_t be = token_end(a->body, a->body_len, at + w, at + len);
	body_pos p = resolve_body_pos(r, shown > 0 ? at : at + w);
	char note[40], body_has[400];
	clip cm, cb, cq;
	resolve_file_line_note(note, sizeof note, p);
	const char *quote_has = resolve_clip_visible(&cq, pat + w, qe - w, len - w,
	                                             true);
	if (be > at + w)
		snprintf(body_has, sizeof body_has, "the body has \"%s\"",
		         resolve_clip_visible(&cb, a->body + at + w, be - at - w,
		                              len - w, true));
	else
		snprintf(body_has, sizeof body_has, "the body ends");
	src_pos caret = caret_at(q, k, len, pos);
	if (shown > 0)
		resolver_problem(r, caret, q->pos, "%s: the longest match, \"%s\", "
		                 "starts at body line %d, column %d%s, then %s where "
		                 "the quote has \"%s\"", what,
		                 resolve_clip_text(&cm, pat, shown, true), p.line, p.col,
		                 note, body_has, quote_has);
	else
		resolver_problem(r, caret, q->pos, "%s: at body line %d, column %d%s, "
		                 "%s where the quote has \"%s\"", what, p.line, p.col,
		                 note, body_has, quote_has);
}

void resolve_report_missing(resolver *r, const quote *q, size_t k, size_t from)
{
	const article *a = r->a;
	const char *pat = q->fragments[k];
	size_t m = strlen(pat), at;
	src_pos pos = q->fragment_pos ? q->fragment_pos[k] : q->pos;
	if (report_out_of_order(r, q, k, pos))
		return;
	char what[96];
	missing_what(what, sizeof what, k);
	near_match nm;
	if (resolve_near_find(r, from, pat, m, &nm)) {
		report_near(r, q, k, &nm, what, pos);
		return;
	}
	size_t len = longest_prefix(r, from, pat, m, &at);
	if (len == 0) {
		clip cq;
		resolver_problem(r, caret_at(q, k, 0, pos), q->pos, "%s: not even its "
		                 "first character, \"%s\", stands there", what,
		                 resolve_clip_text(&cq, pat, utf8_decode(pat, m, 0,
		                                                 &(uint32_t){ 0 }), false));
		return;
	}
	size_t w = parting_point(a, pat, m, len, at), shown = w;
	while (shown > 0 && is_space(pat[shown - 1]))
		shown--;
	if (!report_split(r, q, k, at, shown, w, what, pos))
		report_longest(r, q, k, at, len, w, shown, what, pos);
}
