/* library.c - the articles below a directory, sorted and filtered; see
 * library.h. */
#include "library.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_open.h"
#include "corpus_files.h"
#include "corpus_index.h"
#include "diag.h"
#include "sort.h"
#include "text.h"

static char *str_printf(const char *fmt, const char *a, const char *b)
{
	int n = snprintf(NULL, 0, fmt, a, b);
	char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (s)
		snprintf(s, (size_t)n + 1, fmt, a, b);
	return s;
}

char *library_first_error(const diag_list *diags)
{
	return corpus_index_first_error(diags);
}

/* ---- life cycle ---------------------------------------------------------- */

/* The first problem of listing, "PATH: message" ("PATH:LINE: message"
 * for a blank line of a JSON Lines file), or NULL. */
static char *listing_problem(const diag_list *problems)
{
	if (problems->n == 0)
		return NULL;
	const diag *d = &problems->items[0];
	char at[24] = "";
	if (d->line > 0)
		snprintf(at, sizeof at, ":%d", d->line);
	char *where = str_printf("%s%s", d->file ? d->file : "", at);
	char *s = where ? str_printf("%s: %s", where, d->message ? d->message : "") : NULL;
	free(where);
	return s;
}

library *library_open(const char *dir, size_t threads, size_t limit)
{
	library *lib = calloc(1, sizeof *lib);
	if (!lib)
		return NULL;
	lib->dir = strdup(dir);
	corpus_files files = { 0 };
	diag_list problems = { 0 };
	if (corpus_files_add(&files, dir, &problems) < 0) {
		corpus_files_free(&files);
		diag_list_free(&problems);
		library_free(lib);
		return NULL;
	}
	/* The directory itself unreadable: nothing listed, the reason shown;
	 * one below it: listed without it, and said once in the status. */
	if (problems.n && files.n == 0 && problems.items[0].file
	    && strcmp(problems.items[0].file, dir) == 0) {
		lib->error = listing_problem(&problems);
		diag_list_free(&problems);
		corpus_files_free(&files);
		return lib;
	}
	lib->problem = listing_problem(&problems);
	diag_list_free(&problems);
	size_t n = files.n;
	lib->index = corpus_index_new(&files, threads, limit, 0);
	lib->order = calloc(n ? n : 1, sizeof *lib->order);
	if (!lib->index || !lib->order) {
		library_free(lib);
		return NULL;
	}
	for (size_t i = 0; i < n; i++)
		lib->order[i] = i;
	lib->n = n;
	return lib;
}

library *library_load(const char *dir)
{
	library *lib = library_open(dir, 0, SIZE_MAX);
	if (lib)
		library_wait(lib);
	return lib;
}

void library_wait(library *lib)
{
	if (lib && lib->index) {
		corpus_index_run(lib->index);
		library_poll(lib);
	}
}

void library_free(library *lib)
{
	if (!lib)
		return;
	corpus_index_free(lib->index);
	free(lib->order);
	free(lib->dir);
	free(lib->error);
	free(lib->problem);
	free(lib);
}

/* ---- rows ------------------------------------------------------------------ */

size_t library_files(const library *lib)
{
	return lib->index ? corpus_index_count(lib->index) : 0;
}

size_t library_read(const library *lib)
{
	return lib->index ? corpus_index_done(lib->index) : 0;
}

size_t library_file_of(const library *lib, size_t row)
{
	return row < lib->n ? lib->order[row] : SIZE_MAX;
}

size_t library_row_of(const library *lib, size_t file)
{
	for (size_t r = 0; r < lib->n; r++)
		if (lib->order[r] == file)
			return r;
	return lib->n;
}

static library_entry entry_of_file(const library *lib, size_t i)
{
	const corpus_file *f = corpus_index_file(lib->index, i);
	const corpus_summary *s = corpus_index_get(lib->index, i);
	library_entry e = { .path = f->path, .file = f->rel, .line = f->line,
	                    .pending = !s };
	if (s) {
		e.title = s->title;
		e.source = s->source;
		e.published = s->published;
		e.n_quotes = s->n_quotes;
		e.n_entities = s->n_entities;
		e.error = s->error;
		e.n_problems = s->n_problems;
	}
	return e;
}

library_entry library_entry_at(const library *lib, size_t row)
{
	if (row >= lib->n)
		return (library_entry){ .file = "", .path = "", .pending = true };
	return entry_of_file(lib, lib->order[row]);
}

void library_fill(library *lib, size_t row)
{
	if (row < lib->n)
		corpus_index_read_now(lib->index, lib->order[row]);
}

/* Drops a character cut in two at the end of a full buffer. */
static void trim_partial_char(char *buf)
{
	size_t len = strlen(buf);

	if (len == 0)
		return;
	size_t lead = utf8_char_start(buf, len - 1);
	unsigned char c = (unsigned char)buf[lead];
	size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	if (len - lead < want)
		buf[lead] = '\0';
}

/* ---- sort and filter ------------------------------------------------------- */

static const char *const sort_names[LIBRARY_SORT_COUNT] = {
	[LIBRARY_BY_FILE] = "file",
	[LIBRARY_BY_DATE] = "date",
	[LIBRARY_BY_SOURCE] = "source",
	[LIBRARY_BY_TITLE] = "title",
	[LIBRARY_BY_QUOTES] = "quotes",
};

const char *library_sort_name(library_sort sort)
{
	return (unsigned)sort < LIBRARY_SORT_COUNT ? sort_names[sort] : "file";
}

/* What a row sorts by, gathered once per sort. */
typedef struct sort_key {
	size_t file;
	const char *text;   /* date, source or title; NULL sorts last */
	size_t count;
} sort_key;

/* Case-folded (ASCII) comparison; NULL after everything. */
static int text_cmp(const char *a, const char *b)
{
	if (!a || !b)
		return (a == NULL) - (b == NULL);
	for (;; a++, b++) {
		int c = ascii_lower((unsigned char)*a) - ascii_lower((unsigned char)*b);
		if (c || !*a)
			return c;
	}
}

static bool text_before(const sort_key *x, const sort_key *y)
{
	int c = text_cmp(x->text, y->text);
	return c < 0 || (c == 0 && x->file < y->file);
}

/* Newest first, undated last. */
static bool date_before(const sort_key *x, const sort_key *y)
{
	if (!x->text || !y->text)
		return x->text && !y->text ? true : (!x->text && !y->text && x->file < y->file);
	int c = strcmp(x->text, y->text);
	return c > 0 || (c == 0 && x->file < y->file);
}

static bool count_before(const sort_key *x, const sort_key *y)
{
	return x->count > y->count || (x->count == y->count && x->file < y->file);
}

static bool file_before(const sort_key *x, const sort_key *y)
{
	return x->file < y->file;
}

MERGE_SORT_DEFINE(sort_by_text, sort_key, text_before)
MERGE_SORT_DEFINE(sort_by_date, sort_key, date_before)
MERGE_SORT_DEFINE(sort_by_count, sort_key, count_before)
MERGE_SORT_DEFINE(sort_by_file, sort_key, file_before)

static sort_key key_of(const library *lib, size_t file, library_sort sort)
{
	library_entry e = entry_of_file(lib, file);
	sort_key k = { .file = file, .count = e.n_quotes };
	if (sort == LIBRARY_BY_DATE)
		k.text = e.published;
	else if (sort == LIBRARY_BY_SOURCE)
		k.text = e.source;
	else if (sort == LIBRARY_BY_TITLE)
		k.text = e.title;
	return k;
}

/* Sorts order[0..n); left as it was when memory runs out. */
static void sort_rows(library *lib)
{
	size_t n = lib->n;
	sort_key *keys = malloc((n ? n : 1) * 2 * sizeof *keys);
	if (!keys)
		return;
	for (size_t r = 0; r < n; r++)
		keys[r] = key_of(lib, lib->order[r], lib->sort);
	switch (lib->sort) {
	case LIBRARY_BY_DATE: sort_by_date(keys, keys + n, n); break;
	case LIBRARY_BY_QUOTES: sort_by_count(keys, keys + n, n); break;
	case LIBRARY_BY_SOURCE:
	case LIBRARY_BY_TITLE: sort_by_text(keys, keys + n, n); break;
	default: sort_by_file(keys, keys + n, n); break;
	}
	for (size_t r = 0; r < n; r++)
		lib->order[r] = keys[r].file;
	free(keys);
}

void library_set_sort(library *lib, library_sort sort)
{
	lib->sort = (unsigned)sort < LIBRARY_SORT_COUNT ? sort : LIBRARY_BY_FILE;
	sort_rows(lib);
}

/* Whether needle (already lower-case ASCII) is in s, ASCII case folded. */
static bool holds(const char *s, const char *needle)
{
	if (!s)
		return false;
	size_t nl = strlen(needle);
	for (; *s; s++) {
		size_t k = 0;
		while (k < nl && s[k] && ascii_lower((unsigned char)s[k]) == (unsigned char)needle[k])
			k++;
		if (k == nl)
			return true;
	}
	return nl == 0;
}

static bool file_matches(const library *lib, size_t file, const char *needle)
{
	if (!needle[0])
		return true;
	library_entry e = entry_of_file(lib, file);
	return holds(e.file, needle) || holds(e.title, needle) || holds(e.source, needle);
}

void library_set_filter(library *lib, const char *filter)
{
	char needle[LIBRARY_FILTER_MAX];
	size_t i = 0;
	for (; filter[i] && i + 1 < sizeof needle; i++)
		needle[i] = (char)ascii_lower((unsigned char)filter[i]);
	needle[i] = '\0';
	if (filter[i])      /* cut short: never half a character */
		trim_partial_char(needle);
	memcpy(lib->filter, needle, sizeof needle);
	size_t total = library_files(lib);
	lib->n = 0;
	for (size_t f = 0; f < total; f++)
		if (file_matches(lib, f, needle))
			lib->order[lib->n++] = f;
	sort_rows(lib);
}

bool library_poll(library *lib)
{
	if (!lib->index)
		return false;
	size_t done = corpus_index_done(lib->index);
	if (done == lib->seen_done)
		return false;
	bool finished = done >= corpus_index_target(lib->index);
	lib->seen_done = done;
	if (finished && (lib->filter[0] || lib->sort != LIBRARY_BY_FILE))
		library_set_filter(lib, lib->filter);
	return true;
}

void library_refresh(library *lib, size_t row, bool force)
{
	if (row >= lib->n)
		return;
	size_t f = lib->order[row];
	if (!corpus_index_read_now(lib->index, f))
		return;
	corpus_index_reread(lib->index, f, force);
}

bool library_recheck(library *lib)
{
	size_t total = library_files(lib);
	bool moved = false, current = true;
	for (size_t f = 0; f < total; f++) {
		const corpus_file *cf = corpus_index_file(lib->index, f);
		/* The lines of one file are listed together: one stat each. */
		const corpus_file *prev = f ? corpus_index_file(lib->index, f - 1) : NULL;
		if (cf->line && !(prev && prev->line && strcmp(prev->path, cf->path) == 0))
			current = corpus_file_current(cf);
		if (cf->line && !current)
			moved = true;   /* each line read again by counting: too slow */
		else if (!cf->line)     /* a line of a file unchanged is unchanged */
			corpus_index_reread(lib->index, f, false);
	}
	return moved;
}

/* ---- one line --------------------------------------------------------------- */

/* One line of the list, maybe cut anywhere when buf is short.  The date
 * and the counts come first, in fixed columns, so that they stay in view
 * and line up however long the titles are. */
static void library_entry_format(const library_entry *e, char *buf, size_t n)
{
	if (e->pending) {
		snprintf(buf, n, "%-38s%s", "reading", e->file);
		return;
	}
	/* No article could be made of it: the file and why; a line's error
	 * at that line reads as FILE.jsonl:LINE:COL, as a compiler says. */
	if (e->error && !e->title && e->n_quotes == 0 && e->n_entities == 0) {
		char line[24];
		int len = snprintf(line, sizeof line, "%d:", e->line);
		if (e->line > 0 && strncmp(e->error, line, (size_t)len) == 0)
			snprintf(buf, n, "%s:%s", e->file, e->error + len);
		else
			snprintf(buf, n, "%s: %s", e->file, e->error);
		return;
	}
	/* The date of a date-time: the day is what a list needs. */
	const char *date = e->published ? e->published : "";
	int len = snprintf(buf, n, "%-10.10s  %3zu quote%s  %3zu entit%s  %s",
	                   date, e->n_quotes, e->n_quotes == 1 ? " " : "s",
	                   e->n_entities, e->n_entities == 1 ? "y  " : "ies",
	                   e->title && e->title[0] ? e->title : e->file);
	if (e->source && e->source[0] && len >= 0 && (size_t)len < n)
		len += snprintf(buf + len, n - (size_t)len, " · %s", e->source);
	/* An article that opens with problems: how many, and the first. */
	if (e->error && len >= 0 && (size_t)len < n)
		snprintf(buf + len, n - (size_t)len, "  ! %zu problem%s: %s", e->n_problems,
		         e->n_problems == 1 ? "" : "s", e->error);
}

void library_entry_line(const library_entry *e, char *buf, size_t n)
{
	if (n == 0)
		return;
	library_entry_format(e, buf, n);
	trim_partial_char(buf);
}
