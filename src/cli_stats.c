/* cli_stats.c - quoth stats: who is quoted across the articles named, as
 * a table, CSV, JSON or JSON Lines; see cli.h. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "article_load.h"
#include "article_open.h"
#include "corpus_files.h"
#include "corpus_index.h"
#include "speakers.h"
#include "stats.h"

typedef enum stats_format { STATS_TABLE, STATS_CSV, STATS_JSON, STATS_JSONL } stats_format;

/* Counts one article into all (and, for JSON Lines, writes its line);
 * false when it did not load (its problems are printed) or output failed. */
static bool stats_one(const corpus_file *f, stats_format format, speaker_table *all,
                      stats_totals *tot, bool *write_failed)
{
	article *a = NULL;
	diag_list diags = { 0 };
	bool loaded = load_entry(f, &a, &diags) == 0;
	/* A line of a JSON Lines file is named by its place, FILE:LINE. */
	char place[PATH_MAX + 24];
	const char *path = f->path;
	if (f->line) {
		snprintf(place, sizeof place, "%s:%d", f->path, f->line);
		path = place;
	}
	if (!loaded)
		diag_list_print(stderr, &diags);
	tot->articles++;
	tot->failed += !loaded;
	if (a) {
		tot->entities += a->n_entities;
		if (speakers_add_article(all, a) < 0)
			*write_failed = true;
	}
	if (format == STATS_JSONL) {
		speaker_table one = { 0 };
		if (a && speakers_add_article(&one, a) < 0)
			*write_failed = true;
		speakers_sort(&one, SPEAKERS_BY_QUOTES);
		if (stats_write_jsonl(stdout, path, a, diag_count(&diags, DIAG_ERROR),
		                      &one) < 0)
			*write_failed = true;
		speakers_free(&one);
	}
	article_free(a);
	diag_list_free(&diags);
	return loaded;
}

/* Reads every file on all cores (the corpus index, which takes files) and
 * counts them into all, in file order, so the figures are those of
 * stats_one over the files in turn; the problems are printed in that
 * order too.  False when an article did not load. */
static bool stats_indexed(corpus_files *files, speaker_table *all,
                          stats_totals *tot, bool *write_failed)
{
	/* This thread reads too: one worker fewer than the processors. */
	size_t cores = corpus_index_threads();
	corpus_index *ix = corpus_index_new(files, cores > 1 ? cores - 1 : 0,
	                                    SIZE_MAX, CORPUS_INDEX_REPORTS);
	if (!ix) {
		*write_failed = true;
		return false;
	}
	corpus_index_run(ix);
	bool ok = true;
	for (size_t i = 0; i < corpus_index_count(ix); i++) {
		const corpus_summary *s = corpus_index_get(ix, i);
		tot->articles++;
		if (s->error) {
			fputs(s->report ? s->report : "", stderr);
			tot->failed++;
			ok = false;
			continue;
		}
		tot->entities += s->n_entities;
		if (s->oom || speakers_merge(all, &s->speakers) < 0)
			*write_failed = true;
	}
	corpus_index_free(ix);
	return ok;
}

int cli_stats_main(int argc, char **argv)
{
	stats_format format = STATS_TABLE;
	int first = 1;
	for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
		if (strcmp(argv[first], "--csv") == 0)
			format = STATS_CSV;
		else if (strcmp(argv[first], "--json") == 0)
			format = STATS_JSON;
		else if (strcmp(argv[first], "--jsonl") == 0)
			format = STATS_JSONL;
		else
			return cli_usage_error("stats: unknown option '%s' (--csv, --json or --jsonl)",
			                   argv[first]);
	}
	if (first == argc)
		return cli_usage_error("%s: give at least one FILE or DIR", "stats");

	corpus_files files = { 0 };
	diag_list problems = { 0 };
	bool oom = false;
	for (int i = first; i < argc && !oom; i++)
		oom = corpus_files_add(&files, argv[i], &problems) < 0;
	diag_list_print(stderr, &problems);
	int status = diag_count(&problems, DIAG_ERROR) || oom ? CLI_EXIT_INVALID : CLI_EXIT_OK;
	diag_list_free(&problems);

	speaker_table all = { 0 };
	stats_totals tot = { 0 };
	bool write_failed = oom;
	if (format == STATS_JSONL) {
		for (size_t i = 0; i < files.n && !write_failed; i++)
			if (!stats_one(&files.items[i], format, &all, &tot, &write_failed))
				status = CLI_EXIT_INVALID;
		corpus_files_free(&files);
	} else if (!write_failed && !stats_indexed(&files, &all, &tot, &write_failed)) {
		status = CLI_EXIT_INVALID;
	}

	speakers_sort(&all, SPEAKERS_BY_QUOTES);
	int rc = 0;
	if (!write_failed) {
		if (format == STATS_CSV)
			rc = stats_write_csv(stdout, &all);
		else if (format == STATS_JSON)
			rc = stats_write_json(stdout, &all, &tot);
		else if (format == STATS_TABLE)
			rc = stats_write_table(stdout, &all, &tot, 80);
	}
	speakers_free(&all);
	if (write_failed || rc < 0 || fflush(stdout) == EOF) {
		fprintf(stderr, "quoth: stats: cannot write the figures: %s\n",
		        errno ? strerror(errno) : "out of memory");
		return CLI_EXIT_INVALID;
	}
	if (tot.failed)
		fprintf(stderr, "quoth: stats: %zu of %zu articles did not load; "
		        "they are counted as articles with errors, their quotes are not\n",
		        tot.failed, tot.articles);
	if (tot.articles == 0) {
		fputs("quoth: stats: no articles found (*.yaml, *.yml, *.ann, *.jsonl)\n", stderr);
		return CLI_EXIT_INVALID;
	}
	return status;
}
