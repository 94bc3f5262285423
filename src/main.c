/* main.c - quoth's command line: the reader, check, export and snapshot.
 *
 * Exit codes: 0 ok, 1 invalid input (an article that does not load, a
 * terminal that cannot be used), 2 usage. */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "app_compare.h"
#include "article_open.h"
#include "config.h"
#include "keymap.h"
#include "diag.h"
#include "diff.h"
#include "export.h"
#include "import_cmd.h"
#include "corpus_files.h"
#include "corpus_index.h"
#include "library.h"
#include "loader.h"
#include "render.h"
#include "snapshot.h"
#include "speakers.h"
#include "stats.h"
#include "suggest.h"
#include "tui.h"

enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
	"usage: quoth [--color=auto|always|never] [--config FILE] [--types T,T...] [FILE|DIR|-]\n"
	"       quoth [--config FILE] --dump-config\n"
	"       quoth check [--strict|-Werror] FILE|DIR|-...\n"
	"       quoth export --json FILE\n"
	"       quoth export --brat [-o DIR] [--force] FILE\n"
	"       quoth import brat|citron|spacy|jsonl|auto [-o DIR] [--force] FILE...\n"
	"       quoth stats [--csv|--json|--jsonl] FILE|DIR...\n"
	"       quoth diff [--json] A B [C...]\n"
	"       quoth diff --view A B\n"
	"       quoth snapshot [--size COLSxROWS] [--keys KEYS] [--color=never|always]\n"
	"                      [--types T,T...] [--compare B] FILE|DIR\n"
	"       quoth --help | --version\n";

static const char help_text[] =
	"quoth reads annotated news articles in the terminal.\n"
	"\n"
	"  quoth FILE             read one article\n"
	"  quoth DIR              list the articles below DIR (*.yaml, *.yml, brat *.ann)\n"
	"                         and read them\n"
	"  quoth -                read an article from standard input\n"
	"  quoth                  list the bundled articles\n"
	"  quoth check [--strict|-Werror] FILE|DIR|-...\n"
	"                         validate articles (a DIR: each article in it);\n"
	"                         print every problem as FILE:LINE:COL: error: message\n"
	"                         and every likely slip as FILE:LINE:COL: warning: ...;\n"
	"                         warnings exit 0, unless --strict (or -Werror)\n"
	"  quoth export --json FILE\n"
	"                         print the resolved article as JSON\n"
	"  quoth export --brat [-o DIR] [--force] FILE\n"
	"                         write NAME.txt and NAME.ann (brat standoff) in DIR\n"
	"  quoth import FORMAT [-o DIR] [--force] FILE...\n"
	"                         convert brat (.ann + .txt), citron, spaCy or JSON\n"
	"                         Lines to quoth YAML: on standard output, or\n"
	"                         DIR/NAME.yaml; FILE.ann, FILE.jsonl... are read\n"
	"                         directly too, by check, export and the reader\n"
	"  quoth stats [--csv|--json|--jsonl] FILE|DIR...\n"
	"                         who is quoted, how often, in how many articles\n"
	"                         (DIR: every article below it); as a table, CSV,\n"
	"                         JSON, or JSON Lines of one article each\n"
	"  quoth diff [--json] A B [C...]\n"
	"                         agreement between annotations of the same articles:\n"
	"                         two files, or two directories paired by id or file\n"
	"                         name (B is the reference); three or more: every pair\n"
	"                         and the mean; exit 0 whatever the agreement\n"
	"  quoth diff --view A B  the two annotations on one screen (c in the reader)\n"
	"  quoth snapshot [--size COLSxROWS] [--keys KEYS] [--color=never|always] FILE|DIR\n"
	"                         print the screen after KEYS, without a terminal\n"
	"\n"
	"options:\n"
	"  --color=auto|always|never   (or --color MODE) colours in the reader (auto: unless NO_COLOR\n"
	"                              is set or the terminal has none)\n"
	"  --config FILE               read settings from FILE instead of\n"
	"                              $XDG_CONFIG_HOME/quoth/config (~/.config/quoth/config)\n"
	"  --dump-config               print the settings in force, in the config file's syntax\n"
	"  --types PERSON,ORG          show only these entity types (t and T in the reader\n"
	"                              hide and show them)\n"
	"  --help                      this text\n"
	"  --version                   the version\n"
	"\n"
	"In the reader, press ? for the keys.  Exit status: 0 ok, 1 invalid\n"
	"input, 2 usage.  The article format: articles/FORMAT.md; more in quoth(1).\n";

static int usage_error(const char *fmt, const char *arg)
{
	fputs("quoth: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs(usage_text, stderr);
	return EXIT_USAGE;
}

/* The name diagnostics give an article read from standard input, as
 * compilers do. */
static const char stdin_name[] = "<stdin>";

/* Reads all of standard input into a new buffer (*len bytes, NUL added),
 * refusing more than the loader accepts; NULL with a message printed on
 * failure. */
static char *read_stdin(size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		if (n + 1 >= cap) {
			if (cap > LOADER_MAX_FILE_BYTES) {
				fprintf(stderr, "quoth: %s: more than %u MiB; articles are "
				        "limited to that size\n", stdin_name,
				        LOADER_MAX_FILE_BYTES >> 20);
				free(buf);
				return NULL;
			}
			char *more = realloc(buf, cap * 2);
			if (!more)
				break;
			buf = more;
			cap *= 2;
		}
		ssize_t got = read(STDIN_FILENO, buf + n, cap - n - 1);
		if (got == 0) {
			buf[n] = '\0';
			*len = n;
			return buf;
		}
		if (got < 0 && errno != EINTR) {
			fprintf(stderr, "quoth: %s: cannot read: %s\n", stdin_name,
			        strerror(errno));
			free(buf);
			return NULL;
		}
		if (got > 0)
			n += (size_t)got;
	}
	fputs("quoth: out of memory\n", stderr);
	free(buf);
	return NULL;
}

/* Loads path ("-": standard input) into diags; NULL when it does not
 * load (what could not be read is already printed when not a diagnostic). */
static article *load_path(const char *path, diag_list *diags)
{
	article *a = NULL;
	if (strcmp(path, "-") == 0) {
		size_t len;
		char *bytes = read_stdin(&len);
		if (!bytes)
			return NULL;
		load_article_mem(stdin_name, bytes, len, &a, diags);
		free(bytes);
	} else {
		/* Any format article_open reads (YAML, brat, JSON, JSON Lines). */
		size_t count = 0;
		if (load_any(path, &a, diags, &count) == 0 && count > 1)
			fprintf(stderr, "quoth: %s holds %zu articles; this is the "
			        "first (quoth import jsonl %s -o DIR splits them)\n",
			        path, count, path);
	}
	return a;
}

/* Loads path ("-": standard input); on failure prints its problems and
 * returns NULL.  Warnings are check's to print. */
static article *load_or_report(const char *path)
{
	diag_list diags = { 0 };
	article *a = load_path(path, &diags);
	if (!a)
		diag_list_print(stderr, &diags);
	diag_list_free(&diags);
	return a;
}

/* The reader's load of path ("-": standard input): tolerant, so that an
 * article with problems opens with what resolved.  NULL, with its
 * problems printed, when no article could be made; else its problems
 * (errors and warnings) are left in diags for the reader to list. */
static article *load_for_reading(const char *path, diag_list *diags)
{
	article *a = NULL;
	size_t errors;
	if (strcmp(path, "-") == 0) {
		size_t len;
		char *bytes = read_stdin(&len);
		if (!bytes)
			return NULL;
		errors = (size_t)load_article_tolerant_mem(stdin_name, bytes, len, &a, diags);
		free(bytes);
	} else {
		errors = load_any_tolerant(path, &a, diags);
	}
	if (!a || errors == SIZE_MAX) {
		diag_list_print(stderr, diags);
		article_free(a);
		return NULL;
	}
	return a;
}

static bool is_directory(const char *path)
{
	struct stat st;
	return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ---- quoth check / export ------------------------------------------ */

/* What quoth check found; --strict makes a warning fail as an error. */
typedef struct check_result {
	bool invalid;   /* an article did not load, or none was found */
	bool warned;
} check_result;

/* Checks one article, printing its errors and warnings. */
static void check_one(const char *path, check_result *r)
{
	diag_list diags = { 0 };
	article *a = load_path(path, &diags);
	diag_list_print(stderr, &diags);
	if (!a)
		r->invalid = true;
	else if (diag_count(&diags, DIAG_WARNING) > 0)
		r->warned = true;
	article_free(a);
	diag_list_free(&diags);
}

/* Checks one entry of a listing: a file, or a line of a JSON Lines file. */
static void check_entry(const corpus_file *f, check_result *r)
{
	diag_list diags = { 0 };
	article *a = NULL;
	if (f->line == 0)
		a = load_path(f->path, &diags);
	else
		load_entry(f, &a, &diags);
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
		check_entry(&files.items[i], r);
	corpus_files_free(&files);
	diag_list_free(&problems);
}

/* --strict and -Werror, as compilers spell it, may stand anywhere among
 * the files. */
static bool check_is_strict_option(const char *arg)
{
	return strcmp(arg, "--strict") == 0 || strcmp(arg, "-Werror") == 0;
}

static int cmd_check(int argc, char **argv)
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
		return usage_error("%s: give at least one FILE or DIR", "check");
	check_result r = { 0 };
	for (int i = 1; i < argc; i++) {
		if (check_is_strict_option(argv[i]))
			continue;
		if (is_directory(argv[i]) || corpus_files_is_library(argv[i]))
			check_directory(argv[i], &r);
		else
			check_one(argv[i], &r);
	}
	return r.invalid || (strict && r.warned) ? EXIT_INVALID : EXIT_OK;
}

/* export --json of a JSON Lines file of several documents: JSON Lines,
 * one line per line that loads, in order; a line that does not is
 * reported at its line and skipped, and the status says so. */
static int export_lines(const char *path)
{
	corpus_files files = { 0 };
	diag_list problems = { 0 };
	int status = corpus_files_add(&files, path, &problems) < 0 ? EXIT_INVALID : EXIT_OK;
	diag_list_print(stderr, &problems);
	if (diag_count(&problems, DIAG_ERROR))
		status = EXIT_INVALID;
	for (size_t i = 0; i < files.n; i++) {
		diag_list diags = { 0 };
		article *a = NULL;
		if (load_entry(&files.items[i], &a, &diags) != 0)
			status = EXIT_INVALID;
		diag_list_print(stderr, &diags);
		diag_list_free(&diags);
		if (a && export_json_line(a, stdout) < 0) {
			fprintf(stderr, "quoth: export: cannot write the JSON: %s\n",
			        strerror(errno));
			article_free(a);
			status = EXIT_INVALID;
			break;
		}
		article_free(a);
	}
	corpus_files_free(&files);
	diag_list_free(&problems);
	if (fflush(stdout) == EOF)
		status = EXIT_INVALID;
	return status;
}

static int cmd_export(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "--brat") == 0)
		return import_cmd_export_brat(argc, argv);
	if (argc != 3 || strcmp(argv[1], "--json") != 0)
		return usage_error("%s: usage is 'quoth export --json FILE' or "
		                   "'quoth export --brat FILE'", "export");
	if (!is_directory(argv[2]) && corpus_files_is_library(argv[2]))
		return export_lines(argv[2]);
	article *a = load_or_report(argv[2]);
	if (!a)
		return EXIT_INVALID;
	int status = EXIT_OK;
	if (export_json(a, stdout) < 0 || fflush(stdout) == EOF) {
		fprintf(stderr, "quoth: export: cannot write the JSON: %s\n",
		        strerror(errno));
		status = EXIT_INVALID;
	}
	article_free(a);
	return status;
}

/* ---- quoth stats ---------------------------------------------------- */

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

static int cmd_stats(int argc, char **argv)
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
			return usage_error("stats: unknown option '%s' (--csv, --json or --jsonl)",
			                   argv[first]);
	}
	if (first == argc)
		return usage_error("%s: give at least one FILE or DIR", "stats");

	corpus_files files = { 0 };
	diag_list problems = { 0 };
	bool oom = false;
	for (int i = first; i < argc && !oom; i++)
		oom = corpus_files_add(&files, argv[i], &problems) < 0;
	diag_list_print(stderr, &problems);
	int status = diag_count(&problems, DIAG_ERROR) || oom ? EXIT_INVALID : EXIT_OK;
	diag_list_free(&problems);

	speaker_table all = { 0 };
	stats_totals tot = { 0 };
	bool write_failed = oom;
	if (format == STATS_JSONL) {
		for (size_t i = 0; i < files.n && !write_failed; i++)
			if (!stats_one(&files.items[i], format, &all, &tot, &write_failed))
				status = EXIT_INVALID;
		corpus_files_free(&files);
	} else if (!write_failed && !stats_indexed(&files, &all, &tot, &write_failed)) {
		status = EXIT_INVALID;
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
		return EXIT_INVALID;
	}
	if (tot.failed)
		fprintf(stderr, "quoth: stats: %zu of %zu articles did not load; "
		        "they are counted as articles with errors, their quotes are not\n",
		        tot.failed, tot.articles);
	if (tot.articles == 0) {
		fputs("quoth: stats: no articles found (*.yaml, *.yml, *.ann, *.jsonl)\n", stderr);
		return EXIT_INVALID;
	}
	return status;
}

/* ---- quoth diff ----------------------------------------------------- */

/* ---- quoth diff --view A B (issue 15) ---- */

/* The compare view on the terminal: A read with B over it.  1 when
 * there is no terminal, a file does not load or the bodies differ. */
static int diff_view(const char *path_a, const char *path_b)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "quoth: diff --view: standard %s is not a terminal; "
		        "use 'quoth diff' for the figures or 'quoth snapshot --compare B A' "
		        "for the screen\n", isatty(STDIN_FILENO) ? "output" : "input");
		return EXIT_INVALID;
	}
	article *a = load_or_report(path_a), *b = a ? load_or_report(path_b) : NULL;
	bool same = a && b && diff_same_bodies(stderr, a, path_a, b, path_b);
	article_free(b);
	app *ap = same ? app_new_article(a, 80, 24) : NULL;
	if (!same)
		article_free(a);
	char why[APP_MESSAGE_MAX];
	if (ap && !app_compare_open(ap, NULL, path_b, why, sizeof why)) {
		fprintf(stderr, "quoth: diff --view: %s\n", why);
		app_free(ap);
		return EXIT_INVALID;
	}
	if (!ap) {
		if (same)
			fputs("quoth: out of memory\n", stderr);
		return EXIT_INVALID;
	}
	ap->cmp_quits = true;
	int status = tui_run(ap, COLOR_MODE_AUTO);
	app_free(ap);
	return status;
}

static int cmd_diff(int argc, char **argv)
{
	bool json = false, view = false;
	int first = 1;
	for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
		if (strcmp(argv[first], "--json") == 0)
			json = true;
		else if (strcmp(argv[first], "--view") == 0)
			view = true;
		else
			return usage_error("diff: unknown option '%s' (--json, --view)", argv[first]);
	}
	if (view && (json || argc - first != 2 || is_directory(argv[first])
	             || is_directory(argv[first + 1])))
		return usage_error("%s: give two FILEs (A, then B), without --json",
		                   "diff --view");
	if (view)
		return diff_view(argv[first], argv[first + 1]);
	if (argc - first < 2)
		return usage_error("%s: give two FILEs or two DIRs (or more, for a matrix)",
		                   "diff");
	int dirs = 0;
	for (int i = first; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0)
			return usage_error("diff: '%s': standard input cannot be compared; "
			                   "name the files", argv[i]);
		dirs += is_directory(argv[i]);
	}
	if (dirs && dirs != argc - first)
		return usage_error("diff: '%s' and the others: all FILEs or all DIRs",
		                   argv[first]);
	return diff_main((const char *const *)argv + first, (size_t)(argc - first),
	                 dirs > 0, json, stdout, stderr) ? EXIT_INVALID : EXIT_OK;
}

/* ---- the reader ----------------------------------------------------- */

/* The bundled articles: articles/ beside the executable when run from the
 * source tree, else the installed copy. */
static const char *bundled_articles(char *buf, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			struct stat st;
			snprintf(buf, size, "%s/articles", exe);
			if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode))
				return buf;
		}
	}
	return QUOTH_DATADIR;
}

static int parse_color(const char *value, color_mode *mode)
{
	if (strcmp(value, "auto") == 0)
		*mode = COLOR_MODE_AUTO;
	else if (strcmp(value, "always") == 0)
		*mode = COLOR_MODE_ALWAYS;
	else if (strcmp(value, "never") == 0)
		*mode = COLOR_MODE_NEVER;
	else
		return -1;
	return 0;
}

/* The command line of the reader. */
typedef struct read_opts {
	color_mode color;
	bool color_given;
	const char *config;     /* --config FILE, or NULL for the default */
	const char *types;      /* --types: the entity types shown, or NULL */
	char *hidden;           /* owned: the config's hide lines, comma-separated */
	bool dump_config;
	const char *target;
} read_opts;

/* Reads the options; EXIT_USAGE after a usage error (printed), else 0. */
static int read_options(int argc, char **argv, read_opts *o)
{
	for (int i = 1; i < argc; i++) {
		const char *mode = NULL;
		if (strncmp(argv[i], "--types=", 8) == 0) {
			o->types = argv[i] + 8;
			continue;
		}
		if (strcmp(argv[i], "--types") == 0) {
			if (!(o->types = argv[++i]))
				return usage_error("%s needs a list of types, e.g. PERSON,ORG",
				                   "--types");
			continue;
		}
		if (strncmp(argv[i], "--color=", 8) == 0)
			mode = argv[i] + 8;
		else if (strcmp(argv[i], "--color") == 0 && !(mode = argv[++i]))
			return usage_error("%s needs a mode: auto, always or never", "--color");
		if (mode) {
			if (parse_color(mode, &o->color) < 0)
				return usage_error("unknown colour mode '%s' (auto, always or never)",
				                   mode);
			o->color_given = true;
		} else if (strncmp(argv[i], "--config=", 9) == 0) {
			o->config = argv[i] + 9;
		} else if (strcmp(argv[i], "--config") == 0) {
			if (!(o->config = argv[++i]))
				return usage_error("%s needs a FILE", "--config");
		} else if (strcmp(argv[i], "--dump-config") == 0) {
			o->dump_config = true;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return usage_error("unknown option '%s'", argv[i]);
		} else if (o->target) {
			return usage_error("one FILE or DIR at a time ('%s' is extra)", argv[i]);
		} else {
			o->target = argv[i];
		}
	}
	return 0;
}

/* Reads and applies the config file (--config, else the default path,
 * which may be missing), printing its problems: the rest of the file
 * still applies.  Returns the number of problems, -1 when out of memory. */
static long load_config(read_opts *o, char **first_problem)
{
	char buf[PATH_MAX];
	const char *path = o->config ? o->config
		: config_default_path(getenv("XDG_CONFIG_HOME"), getenv("HOME"), buf, sizeof buf);
	if (!path)
		return 0;
	config c;
	diag_list diags = { 0 };
	long problems = config_load_file(path, o->config == NULL, &c, &diags);
	diag_list_print(stderr, &diags);
	if (problems > 0 && diags.n > 0 && first_problem)
		*first_problem = strdup(diags.items[0].message);
	if (problems >= 0 && config_apply(&c) < 0)
		fprintf(stderr, "%s: error: more key bindings than quoth holds (%d)\n",
		        path, KEYMAP_MAX);
	for (size_t i = 0; i < c.n_hidden; i++) {
		size_t have = o->hidden ? strlen(o->hidden) : 0;
		char *more = realloc(o->hidden, have + strlen(c.hidden[i]) + 2);
		if (!more)
			break;
		snprintf(more + have, strlen(c.hidden[i]) + 2, "%s%s", have ? "," : "",
		         c.hidden[i]);
		o->hidden = more;
	}
	if (!o->color_given && c.color_mode != CONFIG_COLOR_UNSET)
		o->color = c.color_mode == CONFIG_COLOR_ALWAYS ? COLOR_MODE_ALWAYS
		         : c.color_mode == CONFIG_COLOR_NEVER ? COLOR_MODE_NEVER : COLOR_MODE_AUTO;
	config_free(&c);
	diag_list_free(&diags);
	return problems;
}

static int dump_config(const read_opts *o, long problems)
{
	static const char *const modes[] = {
		[COLOR_MODE_AUTO] = "auto", [COLOR_MODE_ALWAYS] = "always",
		[COLOR_MODE_NEVER] = "never",
	};
	if (config_write(stdout, modes[o->color]) < 0 || fflush(stdout) == EOF) {
		fprintf(stderr, "quoth: --dump-config: cannot write: %s\n", strerror(errno));
		return EXIT_INVALID;
	}
	return problems != 0 ? EXIT_INVALID : EXIT_OK;
}

static int cmd_read(int argc, char **argv)
{
	read_opts o = { .color = COLOR_MODE_AUTO };
	if (read_options(argc, argv, &o) != 0)
		return EXIT_USAGE;
	char *config_problem = NULL;
	long problems = load_config(&o, &config_problem);
	if (o.dump_config) {
		free(config_problem);
		return o.target ? usage_error("--dump-config takes no FILE ('%s')", o.target)
		                : dump_config(&o, problems);
	}
	char buf[PATH_MAX + 16];
	const char *target = o.target ? o.target : bundled_articles(buf, sizeof buf);

	/* The article is loaded first: its problems are worth printing even
	 * when there is no terminal to read it on. */
	/* A directory, or a JSON Lines file of several documents. */
	bool library = strcmp(target, "-") != 0 && corpus_files_is_library(target);
	article *a = NULL;
	diag_list problems_found = { 0 };
	int status = EXIT_INVALID;
	if (!library && !(a = load_for_reading(target, &problems_found)))
		goto out;
	/* An article piped in: the keys come from the terminal, as less does. */
	if (strcmp(target, "-") == 0 && !freopen("/dev/tty", "r", stdin)) {
		fprintf(stderr, "quoth: no terminal to read keys from (/dev/tty: %s)\n",
		        strerror(errno));
		article_free(a);
		goto out;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		/* No screen to list them on: the problems are printed. */
		if (diag_count(&problems_found, DIAG_ERROR) > 0)
			diag_list_print(stderr, &problems_found);
		fprintf(stderr, "quoth: standard %s is not a terminal; use 'quoth export --json' "
		        "or 'quoth snapshot' for output to a file or pipe\n",
		        isatty(STDIN_FILENO) ? "output" : "input");
		article_free(a);
		goto out;
	}

	app *app = library ? app_new_library_reading(target, 80, 24, corpus_index_threads(),
	                                             SIZE_MAX)
	                   : app_new_article(a, 80, 24);
	if (!app) {
		fputs("quoth: out of memory\n", stderr);
		goto out;
	}
	/* An article from standard input has no file to watch or edit. */
	app->watch_article = strcmp(target, "-") != 0;
	app_set_types(app, o.types);
	app_set_hidden_types(app, o.hidden);
	if (!library) {
		app_set_problems(app, &problems_found);
		app_problems_notice(app, "");
	}
	if (config_problem)
		app_notice(app, true, "config: ", config_problem);
	status = tui_run(app, o.color);
	app_free(app);
out:
	diag_list_free(&problems_found);
	free(o.hidden);
	free(config_problem);
	return status;
}

static const char *const commands[] = { "check", "diff", "export", "import", "snapshot",
                                        "stats" };

/* A first word that is no command and no file but close to a command name
 * is a typo ("quoth chek"): say so rather than "cannot open 'chek'". */
static int typo_of_command(const char *word)
{
	struct stat st;
	if (word[0] == '-' || stat(word, &st) == 0)
		return -1;
	const char *near = suggest_nearest(word, commands,
	                                   sizeof commands / sizeof *commands);
	if (!near)
		return -1;
	fprintf(stderr, "quoth: '%s' is not a command, nor a file: did you mean '%s'?\n",
	        word, near);
	fputs(usage_text, stderr);
	return EXIT_USAGE;
}

int main(int argc, char **argv)
{
	/* Widths come from the locale; a non-UTF-8 locale would show every
	 * non-ASCII character as a placeholder, so fall back to C.UTF-8. */
	if (!setlocale(LC_ALL, "") || MB_CUR_MAX < 4)
		setlocale(LC_CTYPE, "C.UTF-8");

	if (argc >= 2) {
		const char *cmd = argv[1];
		if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
			fputs(usage_text, stdout);
			fputc('\n', stdout);
			fputs(help_text, stdout);
			return EXIT_OK;
		}
		if (strcmp(cmd, "--version") == 0) {
			printf("quoth %s\n", QUOTH_VERSION);
			return EXIT_OK;
		}
		if (strcmp(cmd, "check") == 0)
			return cmd_check(argc - 1, argv + 1);
		if (strcmp(cmd, "export") == 0)
			return cmd_export(argc - 1, argv + 1);
		if (strcmp(cmd, "import") == 0)
			return import_cmd_main(argc - 1, argv + 1);
		if (strcmp(cmd, "snapshot") == 0)
			return snapshot_main(argc - 1, argv + 1);
		if (strcmp(cmd, "stats") == 0)
			return cmd_stats(argc - 1, argv + 1);
		if (strcmp(cmd, "diff") == 0)
			return cmd_diff(argc - 1, argv + 1);
		int typo = typo_of_command(cmd);
		if (typo >= 0)
			return typo;
	}
	return cmd_read(argc, argv);
}
