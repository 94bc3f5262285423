/* overlay.c - the rows of the detail, information and problems boxes,
 * wrapped to the box; see overlay.h. */
#include "overlay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reader_private.h"
#include "reader_view.h"
#include "text.h"

/* Columns of the label before a value ("published  2016-07-16"). */
#define LABEL_W 11

/* ---- rows ------------------------------------------------------------- */

static bool rows_push(overlay_rows *o, const char *head, const char *s, size_t n)
{
	if (o->n == o->cap) {
		size_t cap = o->cap ? 2 * o->cap : 16;
		char **rows = realloc(o->rows, cap * sizeof *rows);
		if (!rows) {
			o->oom = true;
			return false;
		}
		o->rows = rows;
		o->cap = cap;
	}
	size_t hn = strlen(head);
	char *row = malloc(hn + n + 1);
	if (!row) {
		o->oom = true;
		return false;
	}
	memcpy(row, head, hn);
	memcpy(row + hn, s, n);
	row[hn + n] = '\0';
	o->rows[o->n++] = row;
	return true;
}

/* Bytes of s[i..len) that fit in avail columns, cut after the last space
 * when there is one; at least one character, so a row always moves on. */
static size_t wrap_piece(const char *s, size_t len, size_t i, int avail,
                         size_t *next)
{
	size_t at = i, cut = 0;
	int col = 0;

	while (at < len) {
		glyph g;
		size_t step = text_next(s, len, at, &g);
		if (col + g.width > avail && at > i)
			break;
		col += g.width;
		at += step;
		if (g.space)
			cut = at;
	}
	if (at >= len || cut <= i) {
		*next = at;
		return at - i;
	}
	*next = cut;
	return cut - 1 - i;     /* the space stays behind */
}

/* s with every run of white space (line breaks too) one space; owned. */
static char *squeezed(const char *s, size_t n)
{
	char *out = malloc(n + 1);
	size_t k = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		bool blank = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
		if (!blank)
			out[k++] = s[i];
		else if (k > 0 && out[k - 1] != ' ')
			out[k++] = ' ';
	}
	while (k > 0 && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
	return out;
}

/* v wrapped to the box: its first row after head, the next after pad
 * (head and pad as wide as each other). */
static void rows_wrap(overlay_rows *o, const char *head, const char *pad,
                      int indent, const char *v)
{
	size_t len = strlen(v), i = 0;
	do {
		size_t next;
		size_t piece = wrap_piece(v, len, i, o->width - indent, &next);
		rows_push(o, i == 0 ? head : pad, v + i, piece);
		i = next;
	} while (i < len);
}

/* label and value[0..n), the value wrapped at spaces under itself; on a
 * box too narrow for both, the label on a row of its own. */
static void rows_field_n(overlay_rows *o, const char *label, const char *value,
                         size_t n)
{
	char head[LABEL_W + 1], pad[LABEL_W + 1];
	int indent = o->width >= 2 * LABEL_W ? LABEL_W : 0;
	char *v = squeezed(value ? value : "", value ? n : 0);

	if (!v) {
		o->oom = true;
		return;
	}
	snprintf(head, sizeof head, "%-*.*s", indent, LABEL_W - 1, label);
	memset(pad, ' ', (size_t)indent);
	pad[indent] = '\0';
	if (indent == 0) {
		head[0] = '\0';
		if (label[0])
			rows_wrap(o, "", "", 0, label);
	}
	rows_wrap(o, head, pad, indent, v);
	free(v);
}

static void rows_field(overlay_rows *o, const char *label, const char *value)
{
	rows_field_n(o, label, value ? value : "\xe2\x80\x94",
	             strlen(value ? value : "\xe2\x80\x94"));
}

/* ---- the current quote ------------------------------------------------ */

/* Pieces joined by " … ": the body's words at spans[0..n), or, with
 * spans NULL, the strings words[0..n).  NULL out of memory; the caller
 * frees. */
static char *joined_pieces(const article *a, const span *spans,
                           char *const *words, size_t n)
{
	size_t total = 1;
	for (size_t k = 0; k < n; k++)
		total += 5 + (spans ? spans[k].end - spans[k].start
		                    : words[k] ? strlen(words[k]) : 0);
	char *out = malloc(total);
	size_t len = 0;
	if (!out)
		return NULL;
	for (size_t k = 0; k < n; k++) {
		const char *s = spans ? a->body + spans[k].start : words[k];
		size_t m = spans ? spans[k].end - spans[k].start : s ? strlen(s) : 0;
		if (k > 0) {
			memcpy(out + len, " \xe2\x80\xa6 ", 5);
			len += 5;
		}
		if (s)
			memcpy(out + len, s, m);
		len += s ? m : 0;
	}
	out[len] = '\0';
	return out;
}

/* The quote's words: as they stand in the body (its marks, the fragments
 * joined by " … "), or as the file gives them when not found. */
static char *quote_words(const article *a, const quote *q)
{
	return joined_pieces(a, q->spans, q->fragments, q->n_fragments);
}

/* The problems of the load at the quote's lines: its mapping's, or a
 * fragment's. */
static void detail_problems(overlay_rows *o, const quote *q, const diag_list *problems)
{
	for (size_t i = 0; problems && i < problems->n; i++) {
		const diag *d = &problems->items[i];
		bool here = d->line > 0 && d->line == q->pos.line;
		for (size_t k = 0; !here && q->fragment_pos && k < q->n_fragments; k++)
			here = d->line > 0 && d->line == q->fragment_pos[k].line;
		if (here)
			rows_field(o, "problem", d->message);
	}
}

static void build_detail(overlay_rows *o, const reader *r, const diag_list *problems)
{
	char buf[96];

	if (r->current < 0) {
		rows_field(o, "quote", "none yet: ] goes to the next one");
		return;
	}
	const article *a = r->a;
	const quote *q = &a->quotes[r->current];
	bool lost = view_quote_lost(q);
	snprintf(buf, sizeof buf, "%zu of %zu in body order%s",
	         r->ix->rank[r->current] + 1, r->n_order,
	         lost ? " (not found in the text)" : "");
	rows_field(o, "quote", buf);
	rows_field(o, "id", q->id);
	rows_field(o, "kind", quote_kind_name(q->kind));
	rows_field(o, "speaker", reader_quote_speaker(r, q));
	if (q->n_source_spans) {   /* "Justice Kennedy … the court's liberals" */
		char *src = joined_pieces(a, q->source_spans, NULL, q->n_source_spans);
		if (!src)
			o->oom = true;
		else
			rows_field(o, "source", src);
		free(src);
	}
	char *cue = q->n_cue ? joined_pieces(a, NULL, q->cue, q->n_cue) : NULL;
	if (q->n_cue && !cue)                   /* "was … slated" */
		o->oom = true;
	rows_field(o, "cue", cue);
	free(cue);
	char *words = quote_words(a, q);
	if (!words)
		o->oom = true;
	else
		rows_field(o, "text", words);
	free(words);
	detail_problems(o, q, problems);
}

/* ---- the article and the problems ------------------------------------ */

static void build_info(overlay_rows *o, const article *a)
{
	rows_field(o, "title", a->title);
	rows_field(o, "subtitle", a->subtitle);
	size_t n = 1;
	for (size_t i = 0; i < a->n_authors; i++)
		n += strlen(a->authors[i] ? a->authors[i] : "") + 2;
	char *authors = malloc(n);
	if (authors) {
		authors[0] = '\0';
		for (size_t i = 0; i < a->n_authors; i++) {
			if (i > 0)
				strcat(authors, ", ");
			strcat(authors, a->authors[i] ? a->authors[i] : "");
		}
	}
	rows_field(o, "authors", authors && authors[0] ? authors : NULL);
	free(authors);
	rows_field(o, "source", a->source);
	rows_field(o, "published", a->published);
	rows_field(o, "url", a->url);
	rows_field(o, "language", a->language);
	rows_field(o, "id", a->id);
	rows_field(o, "file", a->path);
}

static void build_problems(overlay_rows *o, const diag_list *problems)
{
	if (!problems || problems->n == 0) {
		rows_field(o, "", "no problems in this article");
		return;
	}
	for (size_t i = 0; i < problems->n; i++) {
		const diag *d = &problems->items[i];
		char at[32], msg[1024];
		if (d->line > 0)
			snprintf(at, sizeof at, "%d:%d", d->line, d->col);
		else
			snprintf(at, sizeof at, "file");
		snprintf(msg, sizeof msg, "%s: %s", diag_severity_name(d->severity),
		         d->message ? d->message : "");
		rows_field(o, at, msg);
	}
}

/* ---- entry points ----------------------------------------------------- */

const char *overlay_title(overlay_kind kind)
{
	switch (kind) {
	case OVERLAY_DETAIL: return " Quote ";
	case OVERLAY_INFO: return " Article ";
	case OVERLAY_PROBLEMS: return " Problems ";
	case OVERLAY_NONE: break;
	}
	return "";
}

bool overlay_build(overlay_rows *o, overlay_kind kind, const reader *r,
                   const diag_list *problems, int width)
{
	overlay_rows_free(o);
	o->width = width > 0 ? width : 1;
	switch (kind) {
	case OVERLAY_DETAIL: build_detail(o, r, problems); break;
	case OVERLAY_INFO: build_info(o, r->a); break;
	case OVERLAY_PROBLEMS: build_problems(o, problems); break;
	case OVERLAY_NONE: break;
	}
	return !o->oom;
}

void overlay_rows_free(overlay_rows *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->n; i++)
		free(o->rows[i]);
	free(o->rows);
	*o = (overlay_rows){ 0 };
}
