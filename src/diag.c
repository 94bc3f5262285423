/* diag.c - collecting, locating, sorting and printing diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sort.h"
#include "text.h"

/* An excerpt shows at most this many columns of its line, and at most this
 * many bytes (zero-width characters take bytes but no columns); a longer
 * line is cut around the caret, with "..." where it was cut. */
#define EXCERPT_COLS 100
#define EXCERPT_BYTES (EXCERPT_COLS * 8)
#define TAB_STOP 8

/* ---- adding and freeing --------------------------------------------- */

/* Most messages fit in a line: formatted once into the stack, then copied,
 * rather than measured by one vsnprintf and written by a second. */
static char *vformat(const char *fmt, va_list ap)
{
	char buf[256];
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(buf, sizeof buf, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (s && (size_t)n < sizeof buf)
		memcpy(s, buf, (size_t)n + 1);
	else if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static bool diag_reserve(diag_list *list)
{
	if (list->n < list->cap)
		return true;
	size_t cap = list->cap ? list->cap * 2 : 8;
	diag *items = realloc(list->items, cap * sizeof *items);
	if (!items)
		return false;
	list->items = items;
	list->cap = cap;
	return true;
}

/* Out of memory, the diagnostic is dropped: there is no better place to
 * report it, and the caller's status still says the load failed. */
static void diag_vadd(diag_list *list, diag_severity severity,
                      const char *file, int line, int col, const char *fmt,
                      va_list ap)
{
	if (!diag_reserve(list))
		return;
	char *message = vformat(fmt, ap);
	char *name = strdup(file ? file : "");
	if (!message || !name) {
		free(message);
		free(name);
		return;
	}
	list->items[list->n++] = (diag){
		.severity = severity,
		.file = name,
		.line = line > 0 ? line : 0,
		.col = line > 0 && col > 0 ? col : 0,
		.message = message,
	};
}

void diag_add(diag_list *list, const char *file, int line, int col,
              const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(list, DIAG_ERROR, file, line, col, fmt, ap);
	va_end(ap);
}

void diag_warn(diag_list *list, const char *file, int line, int col,
               const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(list, DIAG_WARNING, file, line, col, fmt, ap);
	va_end(ap);
}

size_t diag_count(const diag_list *list, diag_severity severity)
{
	size_t n = 0;
	for (size_t i = 0; list && i < list->n; i++)
		n += list->items[i].severity == severity;
	return n;
}

const char *diag_severity_name(diag_severity severity)
{
	return severity == DIAG_WARNING ? "warning" : "error";
}

void diag_list_print(FILE *out, const diag_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		diag_print(out, &list->items[i]);
}

void diag_list_truncate(diag_list *list, size_t n)
{
	for (; list && list->n > n; list->n--) {
		diag *d = &list->items[list->n - 1];
		free(d->file);
		free(d->message);
		free(d->excerpt);
	}
}

void diag_list_free(diag_list *list)
{
	if (!list)
		return;
	diag_list_truncate(list, 0);
	free(list->items);
	*list = (diag_list){ 0 };
}

/* ---- lines as YAML counts them -------------------------------------- */

/* Length of the line break at s[i], 0 when there is none.  CR LF is one
 * break; NEL, LS and PS are breaks for YAML 1.1 as for libyaml. */
static size_t break_len(const char *s, size_t len, size_t i)
{
	const unsigned char *p = (const unsigned char *)s + i;
	size_t left = len - i;
	if (p[0] == '\n')
		return 1;
	if (p[0] == '\r')
		return left > 1 && p[1] == '\n' ? 2 : 1;
	if (p[0] == 0xC2 && left > 1 && p[1] == 0x85)
		return 2;
	if (p[0] == 0xE2 && left > 2 && p[1] == 0x80 &&
	    (p[2] == 0xA8 || p[2] == 0xA9))
		return 3;
	return 0;
}

/* Bytes of a leading byte order mark, which the parser does not count. */
static size_t bom_len(const char *s, size_t len)
{
	return len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

void diag_locate(const char *source, size_t len, size_t offset,
                 int *line, int *col)
{
	if (offset > len)
		offset = len;
	int ln = 1, c = 1;
	size_t i = bom_len(source, len);
	while (i < offset) {
		size_t b = break_len(source, len, i);
		if (b) {
			ln++;
			c = 1;
			i += b;
			continue;
		}
		if (((unsigned char)source[i] & 0xC0) != 0x80)
			c++;
		i++;
	}
	/* A code point cut by offset counted once already. */
	*line = ln;
	*col = c;
}

/* The bytes that can start a line break: '\n', '\r', NEL's 0xC2, LS's
 * and PS's 0xE2. */
static bool may_break(unsigned char c)
{
	return c == '\n' || c == '\r' || c == 0xC2 || c == 0xE2;
}

#define BYTES_01 UINT64_C(0x0101010101010101)
#define BYTES_20 UINT64_C(0x2020202020202020)
#define BYTES_80 UINT64_C(0x8080808080808080)

/* Whether some byte of w may start a line break: one below 0x0E (every
 * control up to '\r', a superset of '\n' and '\r') or 0xC2 or 0xE2, which
 * differ in bit 5 alone.  The two classic tests for a byte below n and
 * for a zero byte, 8 bytes at once; a byte they flag wrongly only costs
 * a look at that word byte by byte. */
static bool word_may_break(uint64_t w)
{
	uint64_t e2 = (w | BYTES_20) ^ (BYTES_01 * 0xE2);
	uint64_t low = (w - BYTES_01 * 0x0E) & ~w;
	uint64_t zero = (e2 - BYTES_01) & ~e2;
	return ((low | zero) & BYTES_80) != 0;
}

/* The first i from i on where a line break may start, or len: 8 bytes at
 * a time, since a file is mostly bytes that start none and a load with
 * many warnings indexes all of it. */
static size_t next_break_candidate(const unsigned char *u, size_t len, size_t i)
{
	for (uint64_t w; len - i >= 8; i += 8) {
		memcpy(&w, u + i, 8);
		if (word_may_break(w))
			break;
	}
	while (i < len && !may_break(u[i]))
		i++;
	return i;
}

/* Start offsets of every line; n_lines gets their number. */
static size_t *line_starts(const char *s, size_t len, size_t *n_lines)
{
	size_t cap = 64, n = 0;
	size_t *starts = malloc(cap * sizeof *starts);
	if (!starts)
		return NULL;
	starts[n++] = bom_len(s, len);
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = starts[0]; (i = next_break_candidate(u, len, i)) < len;) {
		size_t b = break_len(s, len, i);
		if (!b) {
			i++;
			continue;
		}
		i += b;
		if (n == cap) {
			size_t *grown = realloc(starts, cap * 2 * sizeof *starts);
			if (!grown) {
				free(starts);
				return NULL;
			}
			starts = grown;
			cap *= 2;
		}
		starts[n++] = i;
	}
	*n_lines = n;
	return starts;
}

/* ---- excerpts ------------------------------------------------------- */

/* One character of a line as the excerpt shows it. */
typedef struct shown {
	size_t bytes;     /* taken from the source */
	int width;        /* columns */
	char text[8];     /* what is written: placeholder, spaces for a tab */
	size_t text_len;
} shown;

/* Decodes the character at s[i] for display at column x (0-based); false
 * at the end of the line. */
static bool shown_next(const char *s, size_t len, size_t i, int x, shown *out)
{
	if (i >= len || break_len(s, len, i))
		return false;
	if (s[i] == '\t') {
		/* Expanded, so that the caret line lines up whatever the
		 * terminal's tab stops are relative to the gutter. */
		int w = TAB_STOP - x % TAB_STOP;
		*out = (shown){ .bytes = 1, .width = w, .text_len = (size_t)w };
		memset(out->text, ' ', (size_t)w);
		return true;
	}
	glyph g;
	out->bytes = text_next(s, len, i, &g);
	out->width = g.width;
	out->text_len = utf8_encode(g.cp, out->text);
	return true;
}

/* Display column (0-based) where character number col (1-based) of the
 * line at s[start] begins; the line's end when it is shorter. */
static int caret_column(const char *s, size_t len, size_t start, int col)
{
	int x = 0;
	shown c;
	for (int k = 1; k < col && shown_next(s, len, start, x, &c); k++) {
		x += c.width;
		start += c.bytes;
	}
	return x;
}

/* The line at s[start], made safe to print and cut to EXCERPT_COLS around
 * display column caret_x; *caret gets the caret's 1-based column in it.
 * Composed on the stack and kept at its own length: a load with hundreds
 * of warnings then holds a few kilobytes of excerpts, not a page each. */
static char *excerpt_make(const char *s, size_t len, size_t start,
                          int caret_x, int *caret)
{
	char out[EXCERPT_BYTES + 16];
	size_t n = 0;
	int from = caret_x > EXCERPT_COLS - 10 ? caret_x - EXCERPT_COLS / 2 : 0;
	int x = 0, shown_from = -1;
	shown c;
	for (size_t i = start; shown_next(s, len, i, x, &c); i += c.bytes) {
		int x0 = x;
		x += c.width;
		if (x0 < from)
			continue;
		if (shown_from < 0) {
			shown_from = x0;
			if (from > 0) {
				memcpy(out, "...", 3);
				n = 3;
			}
		}
		if (x - shown_from > EXCERPT_COLS || n + c.text_len > EXCERPT_BYTES) {
			memcpy(out + n, "...", 3);
			n += 3;
			break;
		}
		memcpy(out + n, c.text, c.text_len);
		n += c.text_len;
	}
	out[n] = '\0';
	if (shown_from < 0)  /* the caret is past the end of a short line */
		shown_from = from > 0 ? from : 0;
	int prefix = from > 0 ? 3 : 0;
	*caret = caret_x - shown_from + prefix + 1;
	char *kept = malloc(n + 1);
	if (kept)
		memcpy(kept, out, n + 1);
	return kept;
}

/* The excerpt of a line of printable ASCII short enough to show whole
 * (most YAML lines): the line itself, with the caret under character col;
 * what excerpt_make() gives, without a decode per character.  False, with
 * nothing made, for any other line. */
static bool excerpt_plain(const char *s, size_t len, size_t start, int col,
                          char **excerpt, int *caret)
{
	size_t n = 0;
	while (start + n < len && (unsigned char)s[start + n] >= 0x20 &&
	       (unsigned char)s[start + n] < 0x7F)
		n++;
	if (n > EXCERPT_COLS - 10 || (start + n < len && !break_len(s, len, start + n)))
		return false;
	char *copy = malloc(n + 1);
	if (copy) {
		memcpy(copy, s + start, n);
		copy[n] = '\0';
	}
	*excerpt = copy;
	*caret = (size_t)col - 1 < n ? col : (int)n + 1;
	return true;
}

void diag_attach_source(diag_list *list, const char *source, size_t len)
{
	if (!list || !source)
		return;
	size_t n_lines = 0;
	size_t *starts = NULL;
	for (size_t k = 0; k < list->n; k++) {
		diag *d = &list->items[k];
		if (d->excerpt || d->line <= 0)
			continue;
		if (!starts && !(starts = line_starts(source, len, &n_lines)))
			return;
		if ((size_t)d->line > n_lines)
			continue;
		size_t start = starts[d->line - 1];
		int col = d->col > 0 ? d->col : 1, caret = 0;
		if (!excerpt_plain(source, len, start, col, &d->excerpt, &caret)) {
			int caret_x = caret_column(source, len, start, col);
			d->excerpt = excerpt_make(source, len, start, caret_x, &caret);
		}
		d->caret = d->col > 0 ? caret : 0;
	}
	free(starts);
}

/* ---- sorting -------------------------------------------------------- */

static bool diag_before(const diag *a, const diag *b)
{
	return a->line < b->line || (a->line == b->line && a->col < b->col);
}

/* Stable, so equal positions keep the order found. */
MERGE_SORT_DEFINE(diag_merge_sort, diag, diag_before)

void diag_sort(diag_list *list)
{
	if (!list || list->n < 2)
		return;
	diag *tmp = malloc(list->n * sizeof *tmp);
	if (!tmp)
		return;   /* left in the order found: still every problem */
	diag_merge_sort(list->items, tmp, list->n);
	free(tmp);
}

/* ---- printing ------------------------------------------------------- */

/* Writes s with every control character, line break included, replaced by
 * its placeholder: file names and messages quote what the file says. */
static void print_safe(FILE *out, const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		/* Printable ASCII stands for itself (text.h): a run of it is
		 * written at once, not a character at a time. */
		size_t run = i;
		while (run < len && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7F)
			run++;
		if (run > i) {
			fwrite(s + i, 1, run - i, out);
			i = run;
			continue;
		}
		glyph g;
		i += text_next(s, len, i, &g);
		char buf[4];
		uint32_t cp = g.newline ? 0x2424 : g.cp;  /* ␤ */
		fwrite(buf, 1, utf8_encode(cp, buf), out);
	}
}

void diag_print(FILE *out, const diag *d)
{
	print_safe(out, d->file);
	if (d->line > 0) {
		fprintf(out, ":%d", d->line);
		if (d->col > 0)
			fprintf(out, ":%d", d->col);
	}
	fprintf(out, ": %s: ", diag_severity_name(d->severity));
	print_safe(out, d->message);
	fputc('\n', out);
	if (!d->excerpt)
		return;
	fprintf(out, "%5d | %s\n", d->line, d->excerpt);
	if (d->caret > 0) {
		int gutter = snprintf(NULL, 0, "%5d", d->line);
		fprintf(out, "%*s | %*s^\n", gutter, "", d->caret - 1, "");
	}
}
