/* diff.c - `quoth diff`: loads every side, pairs the articles, checks
 * their bodies, compares them and writes the figures.  The pairing rule
 * and the figures are in articles/AGREEMENT.md. */
#include "diff.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "article_load.h"
#include "compare_article.h"
#include "corpus_files.h"
#include "diag.h"
#include "diff_private.h"

/* One side: a file, or every article below a directory. */
typedef struct side {
	const char *root;
	corpus_files files;
	article **articles;   /* one per file, from its load to the end of
	                         its group's comparison; NULL when it did not
	                         load, or before or after */
	const char **names;   /* one per file, below root: for the pairing */
} side;

typedef struct diff_run {
	side *sides;
	size_t n;
	bool json;
	FILE *out;
	FILE *err;
	diff_json *doc;       /* when json */
	compare_figures *sum; /* n x n, the cells of every article added */
	size_t *only;         /* per side */
	size_t compared;
	size_t failed;
	bool invalid;         /* some input was invalid: exit 1 */
} diff_run;

/* ---- loading ---------------------------------------------------------- */

/* Lists one side's articles, printing every problem.  -1 when out of
 * memory. */
static int side_list(diff_run *run, side *sd)
{
	diag_list problems = { 0 };
	int rc = corpus_files_add(&sd->files, sd->root, &problems);
	if (problems.n) {
		diag_list_print(run->err, &problems);
		run->invalid = true;
	}
	diag_list_free(&problems);
	size_t n = sd->files.n;
	sd->articles = calloc(n ? n : 1, sizeof *sd->articles);
	sd->names = calloc(n ? n : 1, sizeof *sd->names);
	if (rc < 0 || !sd->articles || !sd->names)
		return -1;
	for (size_t i = 0; i < n; i++)
		sd->names[i] = sd->files.items[i].rel;
	return 0;
}

/* Loads article i of sd, printing its problems when it does not load. */
static article *side_load(diff_run *run, side *sd, size_t i)
{
	diag_list diags = { 0 };
	if (load_article(sd->files.items[i].path, &sd->articles[i], &diags) < 0) {
		diag_list_print(run->err, &diags);
		run->invalid = true;
	}
	diag_list_free(&diags);
	return sd->articles[i];
}

static void side_free(side *sd)
{
	for (size_t i = 0; sd->articles && i < sd->files.n; i++)
		article_free(sd->articles[i]);
	free(sd->articles);
	free(sd->names);
	corpus_files_free(&sd->files);
}

/* ---- one group ---------------------------------------------------------- */

/* A group not on every side: reported, counted, not compared. */
static void report_alone(diff_run *run, const size_t *member, bool duplicate)
{
	for (size_t s = 0; s < run->n; s++) {
		if (member[s] == DIFF_NONE)
			continue;
		const char *path = run->sides[s].files.items[member[s]].path;
		if (duplicate)
			fprintf(run->err, "quoth: diff: %s: another article of %s has the "
			        "same id or file name; this one is not compared\n",
			        path, run->sides[s].root);
		else if (run->n == 2)
			fprintf(run->err, "quoth: diff: %s: no article with its id or file "
			        "name in %s; not compared\n", path, run->sides[1 - s].root);
		else
			fprintf(run->err, "quoth: diff: %s: not on every side (by id or "
			        "file name); not compared\n", path);
		run->only[s]++;
		if (run->doc && diff_json_alone(run->doc, s, path, duplicate) < 0)
			run->invalid = true;
	}
}

bool diff_same_bodies(FILE *err, const article *a, const char *path_a,
                      const article *b, const char *path_b)
{
	diff_where w;
	if (!diff_bodies_differ(a->body, a->body_len, b->body, b->body_len, &w))
		return true;
	fprintf(err, "quoth: diff: %s and %s: the bodies differ from body "
	        "line %d, column %d (byte %zu): annotations can only be compared "
	        "on the same text\n", path_a, path_b, w.line, w.col, w.offset);
	const article *both[2] = { a, b };
	const char *paths[2] = { path_a, path_b };
	for (size_t k = 0; k < 2; k++) {
		fprintf(err, "  %s: ", paths[k]);
		diff_write_excerpt(err, both[k]->body, both[k]->body_len, w.offset);
		fputc('\n', err);
	}
	return false;
}

/* False, with the difference printed, when some side's body is not the
 * first side's. */
static bool same_bodies(diff_run *run, const article *const *arts,
                        const char *const *paths)
{
	for (size_t s = 1; s < run->n; s++)
		if (!diff_same_bodies(run->err, arts[0], paths[0], arts[s], paths[s]))
			return false;
	return true;
}

/* Compares the group's articles and writes them out.  -1 when out of
 * memory. */
static int compare_group(diff_run *run, const article *const *arts,
                         const char *const *paths, compare_article *ca,
                         compare_figures *cells)
{
	size_t n = run->n;
	for (size_t s = 0; s < n; s++)
		if (compare_article_of(arts[s], &ca[s]) < 0)
			return -1;
	const char *text = arts[0]->body;
	size_t len = arts[0]->body_len;
	compare_result result = { 0 };
	memset(cells, 0, n * n * sizeof *cells);
	if (n == 2) {
		if (compare_run(text, len, &ca[0].set, &ca[1].set, &result) < 0)
			return -1;
		cells[1] = result.figures;
	} else {
		compare_set *sets = malloc(n * sizeof *sets);
		if (!sets)
			return -1;
		for (size_t s = 0; s < n; s++)
			sets[s] = ca[s].set;
		int rc = compare_matrix(text, len, sets, n, cells, NULL);
		free(sets);
		if (rc < 0)
			return -1;
	}
	diff_article d = {
		.paths = paths, .articles = arts, .sets = ca, .figures = cells,
		.result = n == 2 ? &result : NULL, .n_sides = n,
	};
	int rc = 0;
	if (run->doc)
		rc = diff_json_article(run->doc, &d);
	else if (diff_table_article(run->out, &d) < 0)
		run->invalid = true;
	compare_result_free(&result);
	for (size_t c = 0; c < n * n; c++)
		compare_figures_add(&run->sum[c], &cells[c]);
	run->compared++;
	return rc;
}

/* Frees the group's articles: done with. */
static void release(diff_run *run, const size_t *member)
{
	for (size_t s = 0; s < run->n; s++)
		if (member[s] != DIFF_NONE) {
			article_free(run->sides[s].articles[member[s]]);
			run->sides[s].articles[member[s]] = NULL;
		}
}

/* One group: alone, not loaded, bodies apart, or compared.  -1 when out
 * of memory. */
static int run_group(diff_run *run, const size_t *member, bool duplicate)
{
	size_t n = run->n;
	bool complete = !duplicate;
	for (size_t s = 0; s < n; s++)
		complete = complete && member[s] != DIFF_NONE;
	if (!complete) {
		report_alone(run, member, duplicate);
		release(run, member);
		return 0;
	}
	const article **arts = calloc(n, sizeof *arts);
	const char **paths = calloc(n, sizeof *paths);
	compare_article *ca = calloc(n, sizeof *ca);
	compare_figures *cells = calloc(n * n, sizeof *cells);
	int rc = arts && paths && ca && cells ? 0 : -1;
	bool loaded = true;
	for (size_t s = 0; s < n && rc == 0; s++) {
		arts[s] = run->sides[s].articles[member[s]];
		paths[s] = run->sides[s].files.items[member[s]].path;
		loaded = loaded && arts[s];
	}
	if (rc == 0 && !loaded)
		run->failed++;      /* its problems are printed already */
	else if (rc == 0 && !same_bodies(run, arts, paths)) {
		run->failed++;
		run->invalid = true;
	} else if (rc == 0)
		rc = compare_group(run, arts, paths, ca, cells);
	for (size_t s = 0; ca && s < n; s++)
		compare_article_free(&ca[s]);
	free(arts);
	free(paths);
	free(ca);
	free(cells);
	release(run, member);
	return rc;
}

/* ---- the command ---------------------------------------------------------- */

/* Two files or more, one article a side: compared whatever their names.
 * A file that cannot be read was reported and leaves nothing to compare. */
static int run_files(diff_run *run, size_t *member)
{
	bool all = true;
	for (size_t s = 0; s < run->n; s++) {
		all = all && run->sides[s].files.n == 1;
		if (run->sides[s].files.n == 1)
			side_load(run, &run->sides[s], 0);
		member[s] = 0;
	}
	return all ? run_group(run, member, false) : 0;
}

/* Directories: their articles loaded in turns, one of each side, and
 * each group compared as soon as it is complete, so that only articles
 * waiting for a partner stay in memory. */
static int run_directories(diff_run *run, size_t *member)
{
	size_t n = run->n, most = 0;
	diff_side *ds = calloc(n, sizeof *ds);
	if (!ds)
		return -1;
	for (size_t s = 0; s < n; s++) {
		ds[s] = (diff_side){ run->sides[s].names, run->sides[s].files.n };
		most = ds[s].n > most ? ds[s].n : most;
	}
	diff_pairer *p = diff_pairer_new(ds, n);
	free(ds);
	int rc = p ? 0 : -1;
	for (size_t i = 0; i < most && rc == 0; i++)
		for (size_t s = 0; s < n && rc == 0; s++) {
			if (i >= run->sides[s].files.n)
				continue;
			article *a = side_load(run, &run->sides[s], i);
			rc = diff_pairer_add(p, s, i, a ? a->id : NULL, member);
			if (rc == DIFF_PAIR_COMPLETE) {
				rc = run_group(run, member, false);
			} else if (rc == DIFF_PAIR_DUPLICATE) {
				for (size_t k = 0; k < n; k++)
					member[k] = k == s ? i : DIFF_NONE;
				rc = run_group(run, member, true);
			} else if (rc == DIFF_PAIR_WAITING) {
				rc = 0;
			}
		}
	while (rc == 0 && diff_pairer_next_left(p, member))
		rc = run_group(run, member, false);
	diff_pairer_free(p);
	return rc;
}

static int finish(diff_run *run)
{
	const char **roots = malloc(run->n * sizeof *roots);
	if (!roots)
		return -1;
	for (size_t s = 0; s < run->n; s++)
		roots[s] = run->sides[s].root;
	diff_totals t = {
		.figures = run->sum, .n_sides = run->n, .compared = run->compared,
		.only = run->only, .failed = run->failed,
	};
	int rc = run->doc ? diff_json_write(run->doc, &t, run->out)
	                  : diff_table_total(run->out, &t, roots);
	free(roots);
	return rc < 0 ? -1 : 0;
}

int diff_main(const char *const *paths, size_t n, bool directories, bool json,
              FILE *out, FILE *err)
{
	diff_run run = {
		.sides = calloc(n, sizeof *run.sides), .n = n, .json = json,
		.out = out, .err = err,
		.sum = calloc(n * n, sizeof *run.sum), .only = calloc(n, sizeof *run.only),
	};
	int rc = run.sides && run.sum && run.only ? 0 : -1;
	if (rc == 0 && json)
		rc = (run.doc = diff_json_new(paths, n)) ? 0 : -1;
	size_t files = 0;
	for (size_t s = 0; s < n && rc == 0; s++) {
		run.sides[s].root = paths[s];
		rc = side_list(&run, &run.sides[s]);
		files += run.sides[s].files.n;
	}
	size_t *member = calloc(n, sizeof *member);
	if (rc == 0)
		rc = !member ? -1 : directories ? run_directories(&run, member)
		                                : run_files(&run, member);
	free(member);
	if (rc == 0 && files == 0) {
		fputs("quoth: diff: no articles found (*.yaml, *.yml)\n", err);
		run.invalid = true;
	} else if (rc == 0 && finish(&run) < 0) {
		fprintf(err, "quoth: diff: cannot write the figures: %s\n",
		        errno ? strerror(errno) : "out of memory");
		run.invalid = true;
	}
	if (rc < 0)
		fputs("quoth: diff: out of memory\n", err);
	for (size_t s = 0; run.sides && s < n; s++)
		side_free(&run.sides[s]);
	diff_json_free(run.doc);
	free(run.sides);
	free(run.sum);
	free(run.only);
	return rc < 0 || run.invalid || fflush(out) == EOF ? 1 : 0;
}
