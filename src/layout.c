/* layout.c - lazy wrapping of the body, one paragraph at a time.
 *
 * layout_new() only indexes the paragraphs (one pass, memchr per line).
 * A paragraph gets its rows the first time one is asked for; a position
 * lookup is a binary search over paragraphs and then over that paragraph's
 * rows, so jumping anywhere wraps at most one paragraph. */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "bound.h"
#include "text.h"

/* A wrapped row inside a paragraph: body bytes [start, end). */
typedef struct row_span {
	size_t start;
	size_t end;
} row_span;

typedef struct para {
	size_t start;        /* first byte of the first line */
	size_t end;          /* end of the last line, before its '\n' */
	row_span *rows;      /* NULL until wrapped; owned unless == &fallback */
	size_t n_rows;
	row_span fallback;   /* one row for the whole paragraph, when out of memory */
} para;

struct layout {
	const char *text;    /* borrowed: the caller keeps it alive */
	size_t len;
	int width;
	para *paras;         /* owned */
	size_t n_paras;
	size_t n_wrapped;    /* paragraphs holding rows at this width */
};

/* ---- paragraph index ------------------------------------------------ */

/* True when text[start, end) has nothing but spaces and tabs. */
static bool line_is_blank(const char *text, size_t start, size_t end)
{
	for (size_t i = start; i < end; i++)
		if (text[i] != ' ' && text[i] != '\t')
			return false;
	return true;
}

/* Appends [start, end) to the index, growing it by doubling. */
static bool paras_push(layout *lay, size_t *cap, size_t start, size_t end)
{
	if (lay->n_paras == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		para *np = realloc(lay->paras, ncap * sizeof *np);
		if (!np)
			return false;
		lay->paras = np;
		*cap = ncap;
	}
	lay->paras[lay->n_paras++] = (para){ .start = start, .end = end };
	return true;
}

/* Splits the body at blank lines.  A run of blank lines is one separator
 * and blank lines before the first or after the last paragraph belong to
 * none, so they never produce rows. */
static bool paras_index(layout *lay)
{
	size_t cap = 0, line = 0;
	bool open = false;
	size_t start = 0, end = 0;
	while (line < lay->len) {
		const char *nl = memchr(lay->text + line, '\n', lay->len - line);
		size_t line_end = nl ? (size_t)(nl - lay->text) : lay->len;
		if (!line_is_blank(lay->text, line, line_end)) {
			if (!open)
				start = line;
			open = true;
			end = line_end;
		} else if (open) {
			if (!paras_push(lay, &cap, start, end))
				return false;
			open = false;
		}
		line = line_end + 1;
	}
	return !open || paras_push(lay, &cap, start, end);
}

/* ---- lifetime ------------------------------------------------------- */

layout *layout_new(const char *text, size_t len, int width)
{
	layout *lay = calloc(1, sizeof *lay);
	if (!lay)
		return NULL;
	lay->text = text ? text : "";
	lay->len = text ? len : 0;
	lay->width = width < 1 ? 1 : width;
	if (!paras_index(lay)) {
		free(lay->paras);
		free(lay);
		return NULL;
	}
	return lay;
}

static void para_drop_rows(para *p)
{
	if (p->rows != &p->fallback)
		free(p->rows);
	p->rows = NULL;
	p->n_rows = 0;
}

void layout_free(layout *lay)
{
	if (!lay)
		return;
	for (size_t i = 0; i < lay->n_paras; i++)
		para_drop_rows(&lay->paras[i]);
	free(lay->paras);
	free(lay);
}

void layout_set_width(layout *lay, int width)
{
	if (width < 1)
		width = 1;
	if (width == lay->width)
		return;
	lay->width = width;
	for (size_t i = 0; i < lay->n_paras; i++)
		para_drop_rows(&lay->paras[i]);
	lay->n_wrapped = 0;
}

int layout_width(const layout *lay)
{
	return lay->width;
}

size_t layout_para_count(const layout *lay)
{
	return lay->n_paras;
}

size_t layout_wrapped_count(const layout *lay)
{
	return lay->n_wrapped;
}

void layout_para_span(const layout *lay, size_t para, size_t *start, size_t *end)
{
	if (para >= lay->n_paras) {
		*start = *end = lay->len;
		return;
	}
	*start = lay->paras[para].start;
	*end = lay->paras[para].end;
}

/* ---- wrapping ------------------------------------------------------- */

/* Rows being built for one paragraph; ok turns false when memory runs out. */
typedef struct row_buf {
	row_span *rows;
	size_t n;
	size_t cap;
	bool ok;
} row_buf;

static void row_buf_push(row_buf *rb, size_t start, size_t end)
{
	if (!rb->ok)
		return;
	if (rb->n == rb->cap) {
		size_t ncap = rb->cap ? rb->cap * 2 : 8;
		row_span *nr = realloc(rb->rows, ncap * sizeof *nr);
		if (!nr) {
			rb->ok = false;
			return;
		}
		rb->rows = nr;
		rb->cap = ncap;
	}
	rb->rows[rb->n++] = (row_span){ .start = start, .end = end };
}

/* The row being filled while wrapping one line.  Columns are counted from
 * row_start; brk is the last wrap point seen in this row: the row would end
 * at brk_end, and the next one start at brk_next with the columns used
 * since brk_next carried over. */
typedef struct wrap_state {
	size_t row_start;
	size_t content_end;  /* end of the last non-space unit in the row */
	int col;
	bool in_spaces;      /* the last unit was a space after some content */
	bool has_brk;
	size_t brk_end;
	size_t brk_next;
	int brk_col;         /* col when the word at brk_next began */
} wrap_state;

static void wrap_restart(wrap_state *ws, size_t at, int col)
{
	*ws = (wrap_state){ .row_start = at, .content_end = at, .col = col };
}

/* Index of the first unit at or after i that is not a space. */
static size_t skip_spaces(const char *text, size_t end, size_t i)
{
	while (i < end && (text[i] == ' ' || text[i] == '\t'))
		i++;
	return i;
}

/* Handles a space at i; returns where to continue. */
static size_t wrap_space(const char *text, size_t end, int width,
                         wrap_state *ws, row_buf *rb, size_t i, const glyph *g,
                         size_t n)
{
	if (ws->col + g->width <= width) {
		if (ws->content_end > ws->row_start && !ws->in_spaces) {
			ws->in_spaces = true;
			ws->brk_end = ws->content_end;
		}
		ws->col += g->width;
		return i + n;
	}
	/* The space overflows: the row ends before the run of spaces, and
	 * the run belongs to no row.  Indentation too wide for the row is
	 * dropped the same way. */
	size_t next = skip_spaces(text, end, i);
	if (ws->content_end > ws->row_start)
		row_buf_push(rb, ws->row_start, ws->content_end);
	wrap_restart(ws, next, 0);
	return next;
}

/* Handles a visible unit at i; returns where to continue. */
static size_t wrap_unit(int width, wrap_state *ws, row_buf *rb, size_t i,
                        const glyph *g, size_t n)
{
	if (ws->in_spaces) {  /* a word begins after spaces: a wrap point */
		ws->in_spaces = false;
		ws->has_brk = true;
		ws->brk_next = i;
		ws->brk_col = ws->col;
	}
	/* Zero-width units (combining marks) always stay with what precedes
	 * them. */
	if (g->width == 0 || ws->col + g->width <= width) {
		ws->col += g->width;
		ws->content_end = i + n;
		return i + n;
	}
	if (ws->has_brk) {  /* move the current word to the next row */
		row_buf_push(rb, ws->row_start, ws->brk_end);
		int carried = ws->col - ws->brk_col;
		size_t content_end = ws->content_end;
		size_t next = ws->brk_next;
		wrap_restart(ws, next, carried);
		ws->content_end = content_end > next ? content_end : next;
		return i;   /* the unit is tried again on the new row */
	}
	if (ws->content_end > ws->row_start) {
		/* A word wider than the row: split it before this unit. */
		row_buf_push(rb, ws->row_start, ws->content_end);
		wrap_restart(ws, i, 0);
		return i;
	}
	if (ws->col > 0) {  /* only indentation before it: drop that */
		wrap_restart(ws, i, 0);
		return i;
	}
	/* Alone in an empty row and still too wide: a wide character at
	 * width 1.  It takes the row and overflows it by one column, since
	 * moving it on would never end. */
	ws->col = g->width;
	ws->content_end = i + n;
	return i + n;
}

/* Wraps the line text[start, end), which holds no '\n', into rb. */
static void wrap_line(const layout *lay, size_t start, size_t end, row_buf *rb)
{
	wrap_state ws;
	wrap_restart(&ws, start, 0);
	size_t i = start;
	while (i < end) {
		glyph g;
		size_t n = text_next(lay->text, end, i, &g);
		if (g.space)
			i = wrap_space(lay->text, end, lay->width, &ws, rb, i, &g, n);
		else
			i = wrap_unit(lay->width, &ws, rb, i, &g, n);
	}
	if (ws.content_end > ws.row_start)
		row_buf_push(rb, ws.row_start, ws.content_end);
}

/* Gives p its rows at the current width, if it has none yet.  Each unit
 * is decoded once and may be looked at once more after a word moves to
 * the next row, so the cost is linear in the paragraph's bytes. */
static void para_wrap(layout *lay, para *p)
{
	if (p->rows)
		return;
	row_buf rb = { .ok = true };
	size_t line = p->start;
	while (line < p->end) {
		const char *nl = memchr(lay->text + line, '\n', p->end - line);
		size_t line_end = nl ? (size_t)(nl - lay->text) : p->end;
		wrap_line(lay, line, line_end, &rb);
		line = line_end + 1;
	}
	if (!rb.ok || rb.n == 0) {
		/* Out of memory: one overflowing row keeps every call working. */
		free(rb.rows);
		p->fallback = (row_span){ .start = p->start, .end = p->end };
		p->rows = &p->fallback;
		p->n_rows = 1;
	} else {
		row_span *fit = realloc(rb.rows, rb.n * sizeof *fit);
		p->rows = fit ? fit : rb.rows;
		p->n_rows = rb.n;
	}
	lay->n_wrapped++;
}

/* Text rows of paragraph i, wrapping it if needed (no separator). */
static size_t text_rows(layout *lay, size_t i)
{
	para_wrap(lay, &lay->paras[i]);
	return lay->paras[i].n_rows;
}

/* Text rows plus the separator row that follows every paragraph but the
 * last. */
static size_t all_rows(layout *lay, size_t i)
{
	return text_rows(lay, i) + (i + 1 < lay->n_paras);
}

size_t layout_para_rows(layout *lay, size_t para)
{
	if (para >= lay->n_paras)
		return 0;
	return all_rows(lay, para);
}

/* ---- positions ------------------------------------------------------ */

bool layout_row_at(layout *lay, layout_pos pos, layout_row *row)
{
	if (pos.para >= lay->n_paras)
		return false;
	size_t n = text_rows(lay, pos.para);
	const para *p = &lay->paras[pos.para];
	if (pos.row < n) {
		*row = (layout_row){ .start = p->rows[pos.row].start,
		                     .end = p->rows[pos.row].end };
		return true;
	}
	if (pos.row == n && pos.para + 1 < lay->n_paras) {
		size_t next = lay->paras[pos.para + 1].start;
		*row = (layout_row){ .start = next, .end = next, .blank = true };
		return true;
	}
	return false;
}

/* Index of the last paragraph starting at or before offset, or n_paras
 * when offset comes before the first one. */
static size_t para_find(const layout *lay, size_t offset)
{
	/* The number of paragraphs starting at or before offset. */
	size_t n = BOUND_UPPER(lay->paras, lay->n_paras, .start, offset);
	return n == 0 ? lay->n_paras : n - 1;
}

/* Index of the last row of p starting at or before offset (p->rows[0]
 * starts at or before any offset asked for, so the search starts after
 * it). */
static size_t row_find(const para *p, size_t offset)
{
	return BOUND_UPPER(p->rows + 1, p->n_rows - 1, .start, offset);
}

layout_pos layout_pos_of_offset(layout *lay, size_t offset)
{
	if (lay->n_paras == 0)
		return layout_first(lay);
	if (offset >= lay->len)
		return layout_last(lay);
	size_t i = para_find(lay, offset);
	if (i == lay->n_paras)  /* in the blank lines before the text */
		return layout_first(lay);
	size_t n = text_rows(lay, i);
	const para *p = &lay->paras[i];
	if (offset >= p->end)  /* in the separator after the paragraph */
		return (layout_pos){ .para = i, .row = n - 1 };
	return (layout_pos){ .para = i, .row = row_find(p, offset) };
}

size_t layout_offset_of_pos(layout *lay, layout_pos pos)
{
	layout_row row;
	if (!layout_row_at(lay, pos, &row))
		return lay->len;
	return row.start;
}

layout_pos layout_first(const layout *lay)
{
	(void)lay;
	return (layout_pos){ .para = 0, .row = 0 };
}

layout_pos layout_last(layout *lay)
{
	if (lay->n_paras == 0)
		return layout_first(lay);
	size_t last = lay->n_paras - 1;
	return (layout_pos){ .para = last, .row = text_rows(lay, last) - 1 };
}

/* ---- moving --------------------------------------------------------- */

/* pos moved onto a row that exists: past the end means the last row. */
static layout_pos pos_clamp(layout *lay, layout_pos pos)
{
	if (pos.para >= lay->n_paras)
		return layout_last(lay);
	size_t n = all_rows(lay, pos.para);
	if (pos.row >= n)
		pos.row = n - 1;
	return pos;
}

/* Moves down by up to want rows; returns the number moved. */
static size_t move_down(layout *lay, layout_pos *pos, size_t want)
{
	size_t done = 0;
	for (;;) {
		size_t below = all_rows(lay, pos->para) - 1 - pos->row;
		if (want - done <= below) {
			pos->row += want - done;
			return want;
		}
		if (pos->para + 1 >= lay->n_paras) {
			pos->row += below;
			return done + below;
		}
		done += below + 1;
		pos->para++;
		pos->row = 0;
	}
}

/* Moves up by up to want rows; returns the number moved. */
static size_t move_up(layout *lay, layout_pos *pos, size_t want)
{
	size_t done = 0;
	for (;;) {
		if (want - done <= pos->row) {
			pos->row -= want - done;
			return want;
		}
		if (pos->para == 0) {
			done += pos->row;
			pos->row = 0;
			return done;
		}
		done += pos->row + 1;
		pos->para--;
		pos->row = all_rows(lay, pos->para) - 1;
	}
}

layout_pos layout_advance(layout *lay, layout_pos pos, long delta, long *moved)
{
	long got = 0;
	if (lay->n_paras == 0) {
		pos = layout_first(lay);
	} else {
		pos = pos_clamp(lay, pos);
		if (delta > 0)
			got = (long)move_down(lay, &pos, (size_t)delta);
		else if (delta < 0)
			got = -(long)move_up(lay, &pos, -(size_t)delta);
	}
	if (moved)
		*moved = got;
	return pos;
}
