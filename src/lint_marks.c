/* lint_marks.c - quotation marks in the body that no quote covers: a
 * direct quote the annotator may have missed.
 *
 * One pass over the body, stopping only at the bytes that can start a
 * mark or end a line.  A pair is an opening mark and the first closing
 * mark of its kind after it in the same paragraph: “…”, „…“ (or „…”),
 * «…», 「…」 and straight "…".  Marks of another kind inside an open pair
 * are read past (they are nested, and the outer pair is what is checked);
 * a mark left open at the end of a paragraph pairs with nothing. */
#include "lint_private.h"

#include <stdint.h>
#include <string.h>

#include "bound.h"

typedef struct open_mark {
	uint32_t cp;       /* 0: none open */
	size_t start;      /* the mark's first byte */
	size_t inside;     /* the byte after it */
	size_t line;       /* its body line, 1-based */
	size_t line_start;
} open_mark;

static bool mark_opens(uint32_t cp)
{
	return cp == 0x201C || cp == 0x201E || cp == 0xAB || cp == 0x300C ||
	       cp == '"';
}

static bool mark_closes(uint32_t open, uint32_t cp)
{
	switch (open) {
	case 0x201C:
		return cp == 0x201D;
	case 0x201E:
		return cp == 0x201C || cp == 0x201D;
	case 0xAB:
		return cp == 0xBB;
	case 0x300C:
		return cp == 0x300D;
	default:
		return cp == '"';
	}
}

/* The spans seen so far (their starts before the pair's end) and the
 * furthest end among them: the pairs come in body order, so one pointer
 * walks the sorted spans once for all of them. */
typedef struct span_walk {
	const lint_span *spans;
	size_t n, next;
	size_t max_end;
} span_walk;

static bool walk_overlaps(span_walk *w, size_t from, size_t to)
{
	while (w->next < w->n && w->spans[w->next].at.start < to) {
		if (w->spans[w->next].at.end > w->max_end)
			w->max_end = w->spans[w->next].at.end;
		w->next++;
	}
	return w->max_end > from;
}

/* A name in marks (“Kerry,”), or with a word or two around it
 * (“Welcome, Kerry”, a banner's 「ようこそ、山田太郎さん」), is more often
 * a sign, a slogan or a title than someone's words: a run that holds a
 * mention and at most this many other letters is not reported. */
#define SHORT_LETTERS 8

static bool is_letter(uint32_t cp)
{
	/* Kana and ideographs are letters here, though the matcher's words
	 * leave them out (text.h). */
	return text_is_word_char(cp) || cp >= 0x3040;
}

static bool name_with_few_words(const article *a, size_t from, size_t to)
{
	size_t k = BOUND_LOWER(a->mentions, a->n_mentions, .at.start, from);
	if (k == a->n_mentions || a->mentions[k].at.start >= to)
		return false;
	size_t letters = 0;
	for (size_t i = from; i < to && letters <= SHORT_LETTERS;) {
		if (k < a->n_mentions && a->mentions[k].at.start <= i) {
			if (a->mentions[k].at.end > i)
				i = a->mentions[k].at.end;
			k++;
			continue;
		}
		uint32_t cp;
		i += utf8_decode(a->body, to, i, &cp);
		letters += is_letter(cp);
	}
	return letters <= SHORT_LETTERS;
}

static void warn_pair(const article *a, const open_mark *m, size_t end,
                      diag_list *diags)
{
	const char *b = a->body;
	int col = (int)utf8_count(b + m->line_start, m->start - m->line_start) + 1;
	src_pos at = a->body_pos;
	if (a->body_line > 0)
		at = (src_pos){ .line = a->body_line + (int)m->line - 1,
		                .col = a->body_indent + col };
	size_t len = end - m->start;
	int shown = lint_clip(b + m->start, len);
	diag_warn(diags, a->path, at.line, at.col, "quoted words no quote covers "
	          "(body line %zu): %.*s%s; if someone is quoted here, add the "
	          "quote", m->line, shown, b + m->start,
	          (size_t)shown < len ? "..." : "");
}

size_t lint_marks(const article *a, const lint_span *spans, size_t n_spans,
                  diag_list *diags)
{
	const char *b = a->body;
	size_t len = a->body_len, found = 0;
	span_walk walk = { .spans = spans, .n = n_spans };
	open_mark m = { 0 };
	size_t line = 1, line_start = 0;
	/* The body is NUL-terminated with no NUL inside, so strcspn stops
	 * at its end. */
	for (size_t i = strcspn(b, "\n\"\xC2\xE2\xE3"); i < len;
	     i += strcspn(b + i, "\n\"\xC2\xE2\xE3")) {
		if (b[i] == '\n') {
			line++;
			line_start = ++i;
			if (i < len && b[i] == '\n')
				m.cp = 0;   /* a paragraph ends: nothing pairs across */
			continue;
		}
		uint32_t cp;
		size_t k = utf8_decode(b, len, i, &cp);
		if (m.cp && mark_closes(m.cp, cp)) {
			if (i > m.inside && !walk_overlaps(&walk, m.inside, i) &&
			    !name_with_few_words(a, m.inside, i)) {
				warn_pair(a, &m, i + k, diags);
				found++;
			}
			m.cp = 0;
		} else if (!m.cp && mark_opens(cp)) {
			m = (open_mark){ .cp = cp, .start = i, .inside = i + k,
			                 .line = line, .line_start = line_start };
		}
		i += k;
	}
	return found;
}
