/* resolve_spans.c - positions given in the file: an entity's mentions, a
 * quote's content, cue and speaker spans.  Each is checked against the
 * body in the article's unit (bytes, or code points with 'offsets:
 * chars'), made bytes, and checked against the words given beside it, so
 * that every span in the model lies inside the body on character
 * boundaries.  A leaf for resolve_names.c and resolve_quotes.c. */
#include "resolve_private.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static bool on_char_boundary(const article *a, size_t at)
{
	return at >= a->body_len || ((unsigned char)a->body[at] & 0xC0) != 0x80;
}

span_check resolve_check_span(resolver *r, span in, span *out)
{
	const article *a = r->a;
	bool chars = a->offsets == OFFSETS_CHARS;
	size_t limit = chars ? resolve_body_chars(r) : a->body_len;
	if (in.start >= in.end)
		return SPAN_EMPTY;
	if (in.end > limit)
		return SPAN_PAST_END;
	if (chars) {
		if (resolve_body_char_offset(r, in.start, &out->start) &&
		    resolve_body_char_offset(r, in.end, &out->end))
			return SPAN_OK;
		r->oom = true;   /* in range: only memory can fail */
		return SPAN_NO_MEMORY;
	}
	if (!on_char_boundary(a, in.start) || !on_char_boundary(a, in.end))
		return SPAN_CUTS_CHAR;
	*out = in;
	return SPAN_OK;
}

void resolve_span_problem(resolver *r, span_check c, span in, src_pos pos,
                          src_pos fallback, const char *what)
{
	const article *a = r->a;
	bool chars = a->offsets == OFFSETS_CHARS;
	size_t limit = chars ? resolve_body_chars(r) : a->body_len;
	switch (c) {
	case SPAN_EMPTY:
		resolver_problem(r, pos, fallback, "%s is empty or reversed: its start "
		                 "must be less than its end", what);
		break;
	case SPAN_PAST_END:
		resolver_problem(r, pos, fallback, "%s ends past the body, which has "
		                 "%zu %s", what, limit, chars ? "characters" : "bytes");
		break;
	case SPAN_CUTS_CHAR:
		resolver_problem(r, pos, fallback, "%s cuts a UTF-8 character at byte "
		                 "%zu", what, on_char_boundary(a, in.start) ? in.end
		                                                            : in.start);
		break;
	case SPAN_OK:
	case SPAN_NO_MEMORY:
		break;
	}
}

/* "span [120, 138]", "cue span 2 [100, 104]"... for messages: made only
 * when there is a problem to say. */
static const char *span_name(char *buf, size_t size, const char *kind,
                             size_t k, size_t n, span in)
{
	if (n > 1)
		snprintf(buf, size, "%s %zu [%zu, %zu]", kind, k + 1, in.start, in.end);
	else
		snprintf(buf, size, "%s [%zu, %zu]", kind, in.start, in.end);
	return buf;
}

/* Checks and converts given[0..n) into out, each after the one before
 * without overlapping it. */
static bool convert_all(resolver *r, const quote *q, const char *kind,
                        const span *given, const src_pos *pos, size_t n,
                        span *out)
{
	bool ok = true;
	for (size_t k = 0; k < n; k++) {
		char what[96];
		src_pos at = pos ? pos[k] : q->pos;
		span_check c = resolve_check_span(r, given[k], &out[k]);
		if (c != SPAN_OK) {
			span_name(what, sizeof what, kind, k, n, given[k]);
			resolve_span_problem(r, c, given[k], at, q->pos, what);
			ok = false;
		} else if (ok && k > 0 && out[k].start < out[k - 1].end) {
			span_name(what, sizeof what, kind, k, n, given[k]);
			resolver_problem(r, at, q->pos, "%s overlaps or comes before the "
			                 "piece before it: the pieces of one quote go in "
			                 "body order, apart", what);
			ok = false;
		}
	}
	return ok;
}

/* Checks that body[s] holds text: else a diagnostic quoting both, made
 * visible, and the character where they first differ. */
static bool agrees(resolver *r, const char *label, const char *text, span s,
                   const char *kind, size_t k, size_t n_spans, span given,
                   src_pos pos, src_pos fallback)
{
	const article *a = r->a;
	size_t len = strlen(text), n = s.end - s.start;
	if (len == n && memcmp(text, a->body + s.start, n) == 0)
		return true;
	char what[96];
	span_name(what, sizeof what, kind, k, n_spans, given);
	size_t i = 0;
	while (i < len && i < n && text[i] == a->body[s.start + i])
		i++;
	i = utf8_char_start(text, i);
	clip ct, cb;
	/* Both shown so that a line break, a no-break space or a curly mark
	 * where the other has a space or a straight one can be seen. */
	resolver_problem(r, pos, fallback, "%s \"%s\" and %s disagree from "
	                 "character %zu: the body there has \"%s\"", label,
	                 resolve_clip_visible(&ct, text, len, i, false), what,
	                 utf8_count(text, i) + 1,
	                 resolve_clip_visible(&cb, a->body + s.start, n, i, false));
	return false;
}

/* Every piece of words[0..n_words) against the spans: as many of each,
 * and the same text. */
static bool agree_all(resolver *r, const quote *q, const char *label,
                      const char *kind, char *const *words, size_t n_words,
                      const span *given, const src_pos *pos, size_t n,
                      const span *out, src_pos list_pos)
{
	if (n_words != n) {
		resolver_problem(r, list_pos, q->pos, "%zu %s%s given for %zu "
		                 "piece%s of %s: give one [start, end] pair per piece",
		                 n, kind, n == 1 ? "" : "s", n_words,
		                 n_words == 1 ? "" : "s", label);
		return false;
	}
	bool ok = true;
	for (size_t k = 0; k < n; k++)
		ok &= agrees(r, label, words[k], out[k], kind, k, n, given[k],
		             pos ? pos[k] : q->pos, q->pos);
	return ok;
}

/* The fragments of a quote given only by position: the body's words. */
static bool fill_fragments(resolver *r, quote *q, const span *out)
{
	q->fragments = calloc(q->n_given, sizeof *q->fragments);
	q->fragment_pos = calloc(q->n_given, sizeof *q->fragment_pos);
	if (!q->fragments || !q->fragment_pos) {
		r->oom = true;
		return false;
	}
	for (size_t k = 0; k < q->n_given; k++) {
		size_t n = out[k].end - out[k].start;
		char *s = malloc(n + 1);
		if (!s) {
			r->oom = true;
			return false;
		}
		memcpy(s, r->a->body + out[k].start, n);
		s[n] = '\0';
		q->fragments[k] = s;
		q->fragment_pos[k] = q->given_pos ? q->given_pos[k] : q->pos;
		q->n_fragments = k + 1;
	}
	return true;
}

bool resolve_given_content(resolver *r, quote *q, span *out)
{
	if (!convert_all(r, q, "span", q->given, q->given_pos, q->n_given, out))
		return false;
	if (q->n_fragments == 0)
		return fill_fragments(r, q, out);
	src_pos at = q->given_pos ? q->given_pos[0] : q->pos;
	return agree_all(r, q, "quote text", "span", q->fragments, q->n_fragments,
	                 q->given, q->given_pos, q->n_given, out, at);
}

bool resolve_given_cue(resolver *r, quote *q, span *out)
{
	if (!convert_all(r, q, "cue span", q->cue_given, q->cue_given_pos,
	                 q->n_cue_given, out))
		return false;
	if (q->n_cue == 0)
		return true;
	src_pos at = q->cue_given_pos ? q->cue_given_pos[0] : q->pos;
	return agree_all(r, q, "cue", "cue span", q->cue, q->n_cue, q->cue_given,
	                 q->cue_given_pos, q->n_cue_given, out, at);
}

bool resolve_given_source(resolver *r, quote *q, span *out)
{
	if (!convert_all(r, q, "speaker span", q->source_given,
	                 q->source_given_pos, q->n_source_given, out))
		return false;
	src_pos at = q->source_given_pos ? q->source_given_pos[0] : q->pos;
	if (q->n_speaker_pieces)
		return agree_all(r, q, "speaker text", "speaker span",
		                 q->speaker_pieces, q->n_speaker_pieces,
		                 q->source_given, q->source_given_pos,
		                 q->n_source_given, out, at);
	/* One string for several spans cannot say where each piece ends. */
	return !q->speaker_text ||
	       agree_all(r, q, "speaker text", "speaker span", &q->speaker_text, 1,
	                 q->source_given, q->source_given_pos, q->n_source_given,
	                 out, at);
}
