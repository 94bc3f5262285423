/* speakers_view.c - who is quoted across the library, as rows to show;
 * see speakers_view.h. */
#include "speakers_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_open.h"
#include "corpus_index.h"
#include "diag.h"
#include "text.h"

/* ---- cells of a line ------------------------------------------------------ */

/* Appends s to buf at *o, cut or padded to exactly width columns (whole
 * characters; placeholders for controls, so a name cannot move the
 * columns).  Returns false when buf is full. */
static bool put_cell(char *buf, size_t n, size_t *o, const char *s, int width)
{
	size_t len = s ? strlen(s) : 0, i = 0;
	int used = 0;
	while (i < len) {
		glyph g;
		size_t k = text_next(s, len, i, &g);
		if (used + (g.newline ? 1 : g.width) > width)
			break;
		char enc[4];
		size_t e = g.placeholder || g.newline ? utf8_encode(g.newline ? ' ' : g.cp, enc) : k;
		if (*o + e + 1 >= n)
			return false;
		memcpy(buf + *o, g.placeholder || g.newline ? enc : s + i, e);
		*o += e;
		used += g.newline ? 1 : g.width;
		i += k;
	}
	for (; used < width && *o + 2 < n; used++)
		buf[(*o)++] = ' ';
	buf[*o] = '\0';
	return used == width;
}

static void put_text(char *buf, size_t n, size_t *o, const char *s)
{
	int len = snprintf(buf + *o, n - *o, "%s", s);
	if (len > 0)
		*o += (size_t)len < n - *o ? (size_t)len : n - *o - 1;
}

void speakers_bar(double share, int cells, char *buf, size_t n)
{
	static const char *const eighths[8] = {
		"", "\u258F", "\u258E", "\u258D", "\u258C", "\u258B", "\u258A", "\u2589",
	};
	size_t o = 0;
	if (n == 0)
		return;
	buf[0] = '\0';
	if (share < 0)
		share = 0;
	if (share > 1)
		share = 1;
	long units = (long)(share * cells * 8 + 0.5);
	for (long c = 0; c < units / 8 && o + 4 < n; c++)
		put_text(buf, n, &o, "\u2588");
	if (units % 8 && o + 4 < n)
		put_text(buf, n, &o, eighths[units % 8]);
}

/* ---- building --------------------------------------------------------------- */

int speakers_view_build(speakers_view *sv, const library *lib)
{
	*sv = (speakers_view){ 0 };
	int rc = 0;
	for (size_t r = 0; r < lib->n && rc == 0; r++) {
		const corpus_summary *s = corpus_index_get(lib->index, library_file_of(lib, r));
		if (!s) {
			sv->unread++;
			continue;
		}
		if (s->error)
			continue;
		rc = speakers_merge(&sv->table, &s->speakers);
		sv->articles++;
	}
	speakers_view_sort(sv, SV_QUOTES);
	return rc;
}

static const char *const column_names[SV_COLUMN_COUNT] = {
	[SV_QUOTES] = "quotes", [SV_WORDS] = "words", [SV_ARTICLES] = "articles",
	[SV_DIRECT] = "direct", [SV_PARTIAL] = "partial", [SV_INDIRECT] = "indirect",
	[SV_MIXED] = "mixed", [SV_TYPE] = "type", [SV_NAME] = "name",
};

static const speaker_order column_orders[SV_COLUMN_COUNT] = {
	[SV_QUOTES] = SPEAKERS_BY_QUOTES, [SV_WORDS] = SPEAKERS_BY_WORDS,
	[SV_ARTICLES] = SPEAKERS_BY_ARTICLES, [SV_DIRECT] = SPEAKERS_BY_DIRECT,
	[SV_PARTIAL] = SPEAKERS_BY_PARTIAL, [SV_INDIRECT] = SPEAKERS_BY_INDIRECT,
	[SV_MIXED] = SPEAKERS_BY_MIXED, [SV_TYPE] = SPEAKERS_BY_TYPE,
	[SV_NAME] = SPEAKERS_BY_NAME,
};

const char *speakers_view_column_name(sv_column c)
{
	return (unsigned)c < SV_COLUMN_COUNT ? column_names[c] : "quotes";
}

void speakers_view_sort(speakers_view *sv, sv_column c)
{
	sv->sort = (unsigned)c < SV_COLUMN_COUNT ? c : SV_QUOTES;
	speakers_sort(&sv->table, column_orders[sv->sort]);
	sv->list = (list_view){ .n = sv->table.n };
}

/* ---- lines --------------------------------------------------------------------- */

/* Columns: name, type, then the counts; the bar takes what is left. */
enum { NAME_W = 28, TYPE_W = 8, NUMS_W = 6 * 7 + 16 };

static int bar_cells(int width)
{
	int left = width - NAME_W - TYPE_W - NUMS_W - 8;
	return left > 40 ? 40 : left > 4 ? left : 4;
}

void speakers_view_header(int width, char *buf, size_t n)
{
	size_t o = 0;
	if (n == 0)
		return;
	buf[0] = '\0';
	put_cell(buf, n, &o, "speaker", NAME_W);
	put_cell(buf, n, &o, " type", TYPE_W);
	char nums[128];
	snprintf(nums, sizeof nums, " %6s %6s %8s %6s %7s %8s %5s  share",
	         "quotes", "words", "articles", "direct", "partial", "indirect", "mixed");
	put_text(buf, n, &o, nums);
	(void)width;
}

void speakers_view_row(const speakers_view *sv, size_t i, int width, char *buf,
                       size_t n)
{
	size_t o = 0;
	if (n == 0)
		return;
	buf[0] = '\0';
	if (i >= sv->table.n)
		return;
	const speaker_row *r = &sv->table.rows[i];
	put_cell(buf, n, &o, r->name, NAME_W);
	put_text(buf, n, &o, " ");
	put_cell(buf, n, &o, r->type ? r->type : r->kind == SPEAKER_UNNAMED ? "-" : "",
	         TYPE_W - 1);
	double share = sv->table.quotes ? (double)r->quotes / (double)sv->table.quotes : 0;
	char nums[160], bar[200];
	snprintf(nums, sizeof nums, " %6zu %6zu %8zu %6zu %7zu %8zu %5zu  %5.1f%% ",
	         r->quotes, r->words, r->articles, r->by_kind[QUOTE_DIRECT],
	         r->by_kind[QUOTE_PARTIAL], r->by_kind[QUOTE_INDIRECT],
	         r->by_kind[QUOTE_MIXED], share * 100);
	put_text(buf, n, &o, nums);
	speakers_bar(share, bar_cells(width), bar, sizeof bar);
	put_text(buf, n, &o, bar);
}

/* ---- one speaker's quotes --------------------------------------------------------- */

/* Whether an article's table has key. */
static bool has_key(const speaker_table *t, const char *key)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->rows[i].key, key) == 0)
			return true;
	return false;
}

static char *quote_line(const article *a, const quote *q)
{
	const char *title = a->title && a->title[0] ? a->title : "(untitled)";
	/* A split quote shows its pieces joined by an ellipsis. */
	size_t n = strlen(title) + 16;
	for (size_t f = 0; f < q->n_fragments; f++)
		n += strlen(q->fragments[f]) + 8;
	char *s = malloc(n);
	if (!s)
		return NULL;
	size_t o = (size_t)snprintf(s, n, "%s \u00b7 \u201c", title);
	for (size_t f = 0; f < q->n_fragments; f++)
		o += (size_t)snprintf(s + o, n - o, "%s%s", f ? " \u2026 " : "", q->fragments[f]);
	snprintf(s + o, n - o, "\u201d");
	return s;
}

/* Adds the quotes of key in article a (file index file); -1 on OOM. */
static int add_quotes_of(speakers_view *sv, size_t *cap, const article *a,
                         size_t file, const char *key)
{
	for (size_t i = 0; i < a->n_quotes; i++) {
		speaker_kind kind;
		char *k = speakers_key_of(a, &a->quotes[i], &kind);
		if (!k)
			return -1;
		bool mine = strcmp(k, key) == 0;
		free(k);
		if (!mine)
			continue;
		if (sv->n_quotes == *cap) {
			size_t ncap = *cap ? *cap * 2 : 16;
			sv_quote *more = realloc(sv->quotes, ncap * sizeof *more);
			if (!more)
				return -1;
			sv->quotes = more;
			*cap = ncap;
		}
		char *line = quote_line(a, &a->quotes[i]);
		if (!line)
			return -1;
		sv->quotes[sv->n_quotes++] = (sv_quote){ .file = file, .quote = i, .line = line };
	}
	return 0;
}

int speakers_view_open_quotes(speakers_view *sv, const library *lib, size_t row)
{
	if (row >= sv->table.n)
		return 0;
	speakers_view_close_quotes(sv);
	const speaker_row *sp = &sv->table.rows[row];
	sv->speaker = strdup(sp->name);
	size_t cap = 0;
	int rc = sv->speaker ? 0 : -1;
	/* Only the articles whose summary has the speaker are read again. */
	for (size_t r = 0; r < lib->n && rc == 0; r++) {
		size_t file = library_file_of(lib, r);
		const corpus_summary *s = corpus_index_get(lib->index, file);
		if (!s || s->error || !has_key(&s->speakers, sp->key))
			continue;
		article *a = NULL;
		diag_list diags = { 0 };
		/* As the summary was read: a file, a brat pair or a line. */
		if (load_entry(corpus_index_file(lib->index, file), &a, &diags) == 0)
			rc = add_quotes_of(sv, &cap, a, file, sp->key);
		article_free(a);
		diag_list_free(&diags);
	}
	sv->qlist = (list_view){ .n = sv->n_quotes };
	sv->quotes_open = true;
	return rc;
}

void speakers_view_close_quotes(speakers_view *sv)
{
	for (size_t i = 0; i < sv->n_quotes; i++)
		free(sv->quotes[i].line);
	free(sv->quotes);
	free(sv->speaker);
	sv->quotes = NULL;
	sv->speaker = NULL;
	sv->n_quotes = 0;
	sv->qlist = (list_view){ 0 };
	sv->quotes_open = false;
}

void speakers_view_free(speakers_view *sv)
{
	if (!sv)
		return;
	speakers_view_close_quotes(sv);
	speakers_free(&sv->table);
	*sv = (speakers_view){ 0 };
}

/* ---- the reader's overlay ------------------------------------------------------------ */

enum { OVERLAY_NAME_W = 24 };

static int overlay_bar_cells(int width)
{
	int left = (width - OVERLAY_NAME_W - 2 * 12) / 2;
	return left > 20 ? 20 : left > 3 ? left : 3;
}

void speakers_overlay_header(int width, char *buf, size_t n)
{
	size_t o = 0;
	if (n == 0)
		return;
	buf[0] = '\0';
	put_cell(buf, n, &o, "speaker", OVERLAY_NAME_W);
	/* Each title over its count: the counts are 4 and 5 wide. */
	int cells = overlay_bar_cells(width);
	put_cell(buf, n, &o, " quotes", 6 + cells + 6);
	put_text(buf, n, &o, "words");
}

void speakers_overlay_row(const speaker_table *t, size_t i, int width, char *buf,
                          size_t n)
{
	size_t o = 0;
	if (n == 0)
		return;
	buf[0] = '\0';
	if (i >= t->n)
		return;
	const speaker_row *r = &t->rows[i];
	int cells = overlay_bar_cells(width);
	double qs = t->quotes ? (double)r->quotes / (double)t->quotes : 0;
	double ws = t->words ? (double)r->words / (double)t->words : 0;
	char bar[128], num[32];
	put_cell(buf, n, &o, r->name, OVERLAY_NAME_W);
	snprintf(num, sizeof num, " %4zu ", r->quotes);
	put_text(buf, n, &o, num);
	speakers_bar(qs, cells, bar, sizeof bar);
	put_cell(buf, n, &o, bar, cells);
	snprintf(num, sizeof num, " %3.0f%% %5zu ", qs * 100, r->words);
	put_text(buf, n, &o, num);
	speakers_bar(ws, cells, bar, sizeof bar);
	put_cell(buf, n, &o, bar, cells);
	snprintf(num, sizeof num, " %3.0f%%", ws * 100);
	put_text(buf, n, &o, num);
}
