/* cli_check.c - quoth check: every problem and warning of the articles
 * named, as FILE:LINE:COL: error: or warning:; see cli.h. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "article_open.h"
#include "corpus_files.h"

/* What quoth check found; --strict makes a warning fail as an error. */
typedef struct check_result {
	bool invalid;   /* an article did not load, or none was found */
	bool warned;
} check_result;

/* Checks one article, printing its errors and warnings: a file named
 * (path, or "-"), or with f set, an entry of a listing, which may be a line
 * of a JSON Lines file. */
static void check_one(const char *path, const corpus_file *f, check_result *r)
{
	diag_list diags = { 0 };
	article *a = NULL;
	if (f && f->line > 0)
		load_entry(f, &a, &diags);
	else
		a = cli_load_path(f ? f->path : path, &diags);
	diag_list_print(stderr, &diags);
	if (!a)
		r->invalid = true;
	else if (diag_count(&diags, DIAG_WARNING) > 0)
		r->warned = true;
	article_free(a);
	diag_list_free(&diags);
}

/* Checks every article file below dir, at any depth, as the library and
 * stats list them; invalid when one does not load or there is none to
 * check.  dir may be a JSON Lines file: each of its lines. */
static void check_directory(const char *dir, check_result *r)
{
	corpus_files files = { 0 };
	diag_list problems = { 0 };
	if (corpus_files_add(&files, dir, &problems) < 0) {
		fputs("quoth: out of memory\n", stderr);
		r->invalid = true;
	}
	/* Said as check says every problem, FILE: error: ..., so that a
	 * script reading check's output sees these too. */
	diag_list_print(stderr, &problems);
	if (diag_count(&problems, DIAG_ERROR))
		r->invalid = true;
	if (diag_count(&problems, DIAG_WARNING))
		r->warned = true;   /* a blank line of a JSON Lines file */
	if (files.n == 0 && problems.n == 0) {
		fprintf(stderr, "%s: error: no articles in it (*.yaml, *.yml, *.ann, "
		        "*.jsonl)\n", dir);
		r->invalid = true;
	}
	for (size_t i = 0; i < files.n; i++)
		check_one(NULL, &files.items[i], r);
	corpus_files_free(&files);
	diag_list_free(&problems);
}

/* --strict and -Werror, as compilers spell it, may stand anywhere among
 * the files. */
static bool check_is_strict_option(const char *arg)
{
	return strcmp(arg, "--strict") == 0 || strcmp(arg, "-Werror") == 0;
}

int cli_check_main(int argc, char **argv)
{
	bool strict = false;
	int files = 0;
	for (int i = 1; i < argc; i++) {
		if (check_is_strict_option(argv[i]))
			strict = true;
		else
			files++;
	}
	if (files == 0)
		return cli_usage_error("%s: give at least one FILE or DIR", "check");
	check_result r = { 0 };
	for (int i = 1; i < argc; i++) {
		if (check_is_strict_option(argv[i]))
			continue;
		if (corpus_files_is_library(argv[i]))   /* a DIR, or JSON Lines */
			check_directory(argv[i], &r);
		else
			check_one(argv[i], NULL, &r);
	}
	return r.invalid || (strict && r.warned) ? CLI_EXIT_INVALID : CLI_EXIT_OK;
}
