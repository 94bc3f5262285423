/* library.c - summaries of the articles of a directory; see library.h. */
#include "library.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "corpus_files.h"
#include "diag.h"
#include "loader.h"
#include "text.h"

static char *dup_or_null(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

static char *str_printf(const char *fmt, const char *a, const char *b)
{
	int n = snprintf(NULL, 0, fmt, a, b);
	char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
	if (s)
		snprintf(s, (size_t)n + 1, fmt, a, b);
	return s;
}

static int name_cmp(const void *pa, const void *pb)
{
	return strcmp(*(char *const *)pa, *(char *const *)pb);
}

int library_list_files(const char *dir, char ***out, size_t *n)
{
	DIR *d = opendir(dir);
	char **names = NULL;
	size_t cap = 0;
	struct dirent *de;

	*out = NULL;
	*n = 0;
	if (!d)
		return errno ? errno : ENOENT;
	while ((de = readdir(d))) {
		if (!corpus_is_article_name(de->d_name))
			continue;
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			char **nn = realloc(names, ncap * sizeof *nn);
			if (!nn)
				break;
			names = nn;
			cap = ncap;
		}
		if (!(names[*n] = dup_or_null(de->d_name)))
			break;
		(*n)++;
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof *names, name_cmp);
	*out = names;
	return 0;
}

char *library_first_error(const diag_list *diags)
{
	const diag *first = NULL;
	char pos[48];

	for (size_t i = 0; i < diags->n; i++) {
		const diag *d = &diags->items[i];
		if (d->severity != DIAG_ERROR)
			continue;   /* a warning never is why a load failed */
		if (!first || d->line < first->line
		    || (d->line == first->line && d->col < first->col))
			first = d;
	}
	if (!first)
		return dup_or_null("could not be loaded");
	if (first->line <= 0)
		return dup_or_null(first->message);
	if (first->col > 0)
		snprintf(pos, sizeof pos, "%d:%d", first->line, first->col);
	else
		snprintf(pos, sizeof pos, "%d", first->line);
	return str_printf("%s: %s", pos, first->message ? first->message : "");
}

static void entry_load(library_entry *e)
{
	diag_list diags = { 0 };
	article *a = NULL;

	if (load_article(e->path, &a, &diags) == 0 && a) {
		e->title = dup_or_null(a->title);
		e->source = dup_or_null(a->source);
		e->published = dup_or_null(a->published);
		e->n_quotes = a->n_quotes;
		e->n_entities = a->n_entities;
	} else {
		e->error = library_first_error(&diags);
	}
	article_free(a);
	diag_list_free(&diags);
}

library *library_load(const char *dir)
{
	library *lib = calloc(1, sizeof *lib);
	size_t n;

	if (!lib)
		return NULL;
	lib->dir = dup_or_null(dir);
	char **names;
	int err = library_list_files(dir, &names, &n);
	if (err) {
		lib->error = str_printf("%s: %s", dir, strerror(err));
		return lib;
	}
	lib->items = calloc(n ? n : 1, sizeof *lib->items);
	for (size_t i = 0; lib->items && i < n; i++) {
		library_entry *e = &lib->items[lib->n++];
		e->file = names[i];
		names[i] = NULL;
		e->path = str_printf("%s/%s", dir, e->file);
		entry_load(e);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return lib;
}

void library_free(library *lib)
{
	if (!lib)
		return;
	for (size_t i = 0; i < lib->n; i++) {
		library_entry *e = &lib->items[i];
		free(e->path);
		free(e->file);
		free(e->title);
		free(e->source);
		free(e->published);
		free(e->error);
	}
	free(lib->items);
	free(lib->dir);
	free(lib->error);
	free(lib);
}

/* One line of the list, maybe cut anywhere when buf is short.  The date
 * and the counts come first, in fixed columns, so that they stay in view
 * and line up however long the titles are. */
static void library_entry_format(const library_entry *e, char *buf, size_t n)
{
	if (n == 0)
		return;
	if (e->error) {
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
		snprintf(buf + len, n - (size_t)len, " · %s", e->source);
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

void library_entry_line(const library_entry *e, char *buf, size_t n)
{
	if (n == 0)
		return;
	library_entry_format(e, buf, n);
	trim_partial_char(buf);
}
