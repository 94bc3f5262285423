/* speakers_view.h - who is quoted across the library, as rows to show.
 *
 * The library's speakers screen (S): one row per speaker of the articles
 * shown (all, or those the filter keeps), merged by speakers.h's keys,
 * with quotes, words, articles, quotes by kind and the share of all
 * quotes drawn as a bar; sortable by each column.  Enter lists one
 * speaker's quotes across the articles ("article · quote"), which are
 * read again for their text.  The reader's overlay (S in an article) has
 * the same rows for one article, with bars of quotes and of words.
 * Curses-free: lines of text for render.c to draw. */
#ifndef QUOTH_SPEAKERS_VIEW_H
#define QUOTH_SPEAKERS_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "library.h"
#include "listview.h"
#include "speakers.h"

/* The columns, in the order shown; o sorts by the next one. */
typedef enum sv_column {
	SV_QUOTES,
	SV_WORDS,
	SV_ARTICLES,
	SV_DIRECT,
	SV_PARTIAL,
	SV_INDIRECT,
	SV_MIXED,
	SV_TYPE,
	SV_NAME,
	SV_COLUMN_COUNT
} sv_column;

/* One quote of the speaker listed by Enter. */
typedef struct sv_quote {
	size_t file;        /* the library's file index of its article */
	size_t quote;       /* its index among the article's quotes */
	char *line;         /* "TITLE · “TEXT”" */
} sv_quote;

typedef struct speakers_view {
	speaker_table table;    /* owned: merged over the articles counted */
	size_t articles;        /* articles counted (read, loaded, shown) */
	size_t unread;          /* shown articles not read yet: not counted */
	sv_column sort;
	list_view list;         /* over table.rows */

	bool quotes_open;       /* the second level: one speaker's quotes */
	char *speaker;          /* owned: whose, as shown */
	sv_quote *quotes;       /* owned */
	size_t n_quotes;
	list_view qlist;        /* over quotes */
} speakers_view;

/* Counts the speakers of the articles lib shows (its rows, after the
 * filter) into a fresh view sorted by quotes.  0, or -1 when out of
 * memory (sv then holds what it counted, still to be freed). */
int speakers_view_build(speakers_view *sv, const library *lib);

/* Sorts by column c (biggest first; type and name alphabetically); the
 * cursor goes back to the top. */
void speakers_view_sort(speakers_view *sv, sv_column c);
const char *speakers_view_column_name(sv_column c);

/* The header line and row i as one line of display width width at most,
 * bar included (share of all quotes). */
void speakers_view_header(int width, char *buf, size_t n);
void speakers_view_row(const speakers_view *sv, size_t i, int width, char *buf,
                       size_t n);

/* Lists the quotes of row row's speaker across the counted articles,
 * reading each of its articles again; sets quotes_open.  0, or -1 when
 * out of memory. */
int speakers_view_open_quotes(speakers_view *sv, const library *lib, size_t row);
void speakers_view_close_quotes(speakers_view *sv);

/* Frees everything; sv is empty after.  Accepts NULL. */
void speakers_view_free(speakers_view *sv);

/* A horizontal bar of share (0..1) of cells columns: full blocks, then
 * one of ▏▎▍▌▋▊▉ for the last eighths, so that small shares still show;
 * written into buf (UTF-8, n >= 3 * cells + 1 to hold it all). */
void speakers_bar(double share, int cells, char *buf, size_t n);

/* One line of the reader's overlay for row i of t (an article's table):
 * name, quotes and its bar of the share of quotes, words and its bar of
 * the share of quoted words, width columns at most. */
void speakers_overlay_row(const speaker_table *t, size_t i, int width, char *buf,
                          size_t n);
void speakers_overlay_header(int width, char *buf, size_t n);

#endif
