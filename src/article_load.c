/* article_load.c - loading an article composed in one place: read the
 * file (loader_read_file), parse it into a model (loader_parse), resolve
 * the model (resolve_article), look over the resolved article for likely
 * slips (lint_article: warnings), then put this load's diagnostics in
 * order with their source lines; strictly (no model after any problem)
 * or tolerantly (the model as far as it goes).  The loader, the resolver
 * and the lint do not know of each other; the status is the sum of the
 * problems the first two return: warnings never fail a load. */
#include "article_load.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "lint.h"
#include "loader.h"
#include "resolve.h"

/* Every file the loader accepts has a body the resolver can take: the
 * resolver's refusal of a longer body is only a second line of defence. */
_Static_assert(LOADER_MAX_FILE_BYTES <= RESOLVE_MAX_BODY_BYTES,
               "the loader accepts bodies the resolver cannot hold");

/* The diagnostics of this load, from first on (the list may hold others'
 * before them): their source lines attached, sorted by position. */
static void finish_diags(diag_list *diags, size_t first, const char *bytes,
                         size_t len)
{
	if (diags->n == first)
		return;   /* items may be NULL: no offset from it */
	diag_list added = {
		.items = diags->items + first, .n = diags->n - first,
		.cap = diags->n - first,
	};
	if (len > 0 && len <= LOADER_MAX_FILE_BYTES)
		diag_attach_source(&added, bytes, len);
	diag_sort(&added);
}

/* Parses (strictly or tolerantly) and resolves; the model in *out as the
 * parse left it, and the number of problems. */
static size_t compose(const char *name, const char *bytes, size_t len,
                      bool tolerant, article **out, diag_list *diags)
{
	size_t first = diags->n;
	article *a = NULL;
	size_t problems = tolerant ? loader_parse_tolerant(name, bytes, len, &a, diags)
	                           : loader_parse(name, bytes, len, &a, diags);
	if (a)
		problems += resolve_article(a, diags);
	if (a && problems == 0)
		lint_article(a, diags);
	finish_diags(diags, first, bytes, len);
	*out = a;
	return problems;
}

/* Reads path and composes its load; SIZE_MAX when it cannot be read. */
static size_t compose_file(const char *path, bool tolerant, article **out,
                           diag_list *diags)
{
	*out = NULL;
	char *bytes;
	size_t len;
	if (loader_read_file(path, &bytes, &len, diags) != 0)
		return SIZE_MAX;
	size_t problems = compose(path, bytes, len, tolerant, out, diags);
	free(bytes);
	return problems;
}

/* The strict status: 0 with the model, or -1 without it. */
static int strict_status(size_t problems, article **out)
{
	if (problems == 0)
		return 0;
	article_free(*out);
	*out = NULL;
	return -1;
}

int load_article_mem(const char *name, const char *bytes, size_t len,
                     article **out, diag_list *diags)
{
	return strict_status(compose(name, bytes, len, false, out, diags), out);
}

int load_article(const char *path, article **out, diag_list *diags)
{
	return strict_status(compose_file(path, false, out, diags), out);
}

int load_article_tolerant_mem(const char *name, const char *bytes, size_t len,
                              article **out, diag_list *diags)
{
	size_t problems = compose(name, bytes, len, true, out, diags);
	return problems > INT_MAX ? INT_MAX : (int)problems;
}

int load_article_tolerant(const char *path, article **out, diag_list *diags)
{
	size_t problems = compose_file(path, true, out, diags);
	if (problems == SIZE_MAX)
		return 1;   /* unreadable: its one diagnostic says why */
	return problems > INT_MAX ? INT_MAX : (int)problems;
}

int load_article_summary(const char *path, article **out)
{
	*out = NULL;
	diag_list diags = { 0 };
	char *bytes;
	size_t len;
	if (loader_read_file(path, &bytes, &len, &diags) != 0) {
		diag_list_free(&diags);
		return -1;
	}
	article *a = NULL;
	size_t problems = loader_parse(path, bytes, len, &a, &diags);
	if (a)
		problems += resolve_article_summary(a, &diags);
	free(bytes);
	diag_list_free(&diags);
	*out = a;
	return strict_status(problems, out);
}
