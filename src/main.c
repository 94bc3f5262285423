/* main.c - quoth's command line: the reader, check, export and snapshot.
 *
 * Exit codes: 0 ok, 1 invalid input (an article that does not load, a
 * terminal that cannot be used), 2 usage. */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "article_open.h"
#include "diag.h"
#include "export.h"
#include "import_cmd.h"
#include "corpus_files.h"
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
	"usage: quoth [--color=auto|always|never] [FILE|DIR|-]\n"
	"       quoth check FILE|DIR|-...\n"
	"       quoth export --json FILE\n"
	"       quoth export --brat [-o DIR] [--force] FILE\n"
	"       quoth import brat|citron|spacy|jsonl|auto [-o DIR] [--force] FILE...\n"
	"       quoth stats [--csv|--json|--jsonl] FILE|DIR...\n"
	"       quoth snapshot [--size COLSxROWS] [--keys KEYS] [--color=never|always] FILE|DIR\n"
	"       quoth --help | --version\n";

static const char help_text[] =
	"quoth reads annotated news articles in the terminal.\n"
	"\n"
	"  quoth FILE             read one article\n"
	"  quoth DIR              list the articles in DIR (*.yaml, *.yml) and read them\n"
	"  quoth -                read an article from standard input\n"
	"  quoth                  list the bundled articles\n"
	"  quoth check FILE|DIR|-...\n"
	"                         validate articles (a DIR: each article in it);\n"
	"                         print every problem as FILE:LINE:COL: error: message\n"
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
	"  quoth snapshot [--size COLSxROWS] [--keys KEYS] [--color=never|always] FILE|DIR\n"
	"                         print the screen after KEYS, without a terminal\n"
	"\n"
	"options:\n"
	"  --color=auto|always|never   (or --color MODE) colours in the reader (auto: unless NO_COLOR\n"
	"                              is set or the terminal has none)\n"
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

/* Loads path ("-": standard input); on failure prints its problems and
 * returns NULL. */
static article *load_or_report(const char *path)
{
	article *a = NULL;
	diag_list diags = { 0 };
	if (strcmp(path, "-") == 0) {
		size_t len;
		char *bytes = read_stdin(&len);
		if (!bytes)
			return NULL;
		if (load_article_mem(stdin_name, bytes, len, &a, &diags) < 0)
			diag_list_print(stderr, &diags);
		free(bytes);
	} else {
		/* import: any format article_open reads; its warnings too */
		size_t count = 0;
		int rc = load_any(path, &a, &diags, &count);
		if (rc < 0 || diags.n)
			diag_list_print(stderr, &diags);
		if (rc == 0 && count > 1)
			fprintf(stderr, "quoth: %s holds %zu articles; this is the "
			        "first (quoth import jsonl %s -o DIR splits them)\n",
			        path, count, path);
	}
	diag_list_free(&diags);
	return a;
}

static bool is_directory(const char *path)
{
	struct stat st;
	return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* ---- quoth check / export ------------------------------------------ */

/* Checks one article; true when it loads. */
static bool check_one(const char *path)
{
	article *a = load_or_report(path);
	article_free(a);
	return a != NULL;
}

/* Checks every article of dir; false when one does not load or there is
 * none to check. */
static bool check_directory(const char *dir)
{
	char **names;
	size_t n;
	int err = library_list_files(dir, &names, &n);
	if (err) {
		fprintf(stderr, "%s: error: cannot read this directory: %s\n", dir,
		        strerror(err));
		return false;
	}
	bool ok = n > 0;
	if (n == 0)
		fprintf(stderr, "%s: error: a directory with no articles in it "
		        "(*.yaml, *.yml)\n", dir);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(dir) + strlen(names[i]) + 2;
		char *path = malloc(len);
		if (path) {
			snprintf(path, len, "%s/%s", dir, names[i]);
			ok = check_one(path) && ok;
		} else {
			fputs("quoth: out of memory\n", stderr);
			ok = false;
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return ok;
}

static int cmd_check(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("%s: give at least one FILE or DIR", "check");
	int status = EXIT_OK;
	for (int i = 1; i < argc; i++) {
		bool ok = is_directory(argv[i]) ? check_directory(argv[i])
		                                : check_one(argv[i]);
		if (!ok)
			status = EXIT_INVALID;
	}
	return status;
}

static int cmd_export(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "--brat") == 0)
		return import_cmd_export_brat(argc, argv);
	if (argc != 3 || strcmp(argv[1], "--json") != 0)
		return usage_error("%s: usage is 'quoth export --json FILE' or "
		                   "'quoth export --brat FILE'", "export");
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
static bool stats_one(const char *path, stats_format format, speaker_table *all,
                      stats_totals *tot, bool *write_failed)
{
	article *a = NULL;
	diag_list diags = { 0 };
	bool loaded = load_article(path, &a, &diags) == 0;
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
		if (stats_write_jsonl(stdout, path, a, diags.n, &one) < 0)
			*write_failed = true;
		speakers_free(&one);
	}
	article_free(a);
	diag_list_free(&diags);
	return loaded;
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
	int status = problems.n || oom ? EXIT_INVALID : EXIT_OK;
	diag_list_free(&problems);

	speaker_table all = { 0 };
	stats_totals tot = { 0 };
	bool write_failed = oom;
	for (size_t i = 0; i < files.n && !write_failed; i++)
		if (!stats_one(files.items[i].path, format, &all, &tot, &write_failed))
			status = EXIT_INVALID;
	corpus_files_free(&files);

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
		fputs("quoth: stats: no articles found (*.yaml, *.yml)\n", stderr);
		return EXIT_INVALID;
	}
	return status;
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

static int cmd_read(int argc, char **argv)
{
	color_mode color = COLOR_MODE_AUTO;
	const char *target = NULL;
	for (int i = 1; i < argc; i++) {
		const char *mode = NULL;
		if (strncmp(argv[i], "--color=", 8) == 0)
			mode = argv[i] + 8;
		else if (strcmp(argv[i], "--color") == 0 && !(mode = argv[++i]))
			return usage_error("%s needs a mode: auto, always or never", "--color");
		if (mode) {
			if (parse_color(mode, &color) < 0)
				return usage_error("unknown colour mode '%s' (auto, always or never)",
				                   mode);
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return usage_error("unknown option '%s'", argv[i]);
		} else if (target) {
			return usage_error("one FILE or DIR at a time ('%s' is extra)", argv[i]);
		} else {
			target = argv[i];
		}
	}
	char buf[PATH_MAX + 16];
	if (!target)
		target = bundled_articles(buf, sizeof buf);

	/* The article is loaded first: its problems are worth printing even
	 * when there is no terminal to read it on. */
	bool library = is_directory(target);
	article *a = NULL;
	if (!library && !(a = load_or_report(target)))
		return EXIT_INVALID;
	/* An article piped in: the keys come from the terminal, as less does. */
	if (strcmp(target, "-") == 0 && !freopen("/dev/tty", "r", stdin)) {
		fprintf(stderr, "quoth: no terminal to read keys from (/dev/tty: %s)\n",
		        strerror(errno));
		article_free(a);
		return EXIT_INVALID;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "quoth: standard %s is not a terminal; use 'quoth export --json' "
		        "or 'quoth snapshot' for output to a file or pipe\n",
		        isatty(STDIN_FILENO) ? "output" : "input");
		article_free(a);
		return EXIT_INVALID;
	}

	app *app = library ? app_new_library(target, 80, 24) : app_new_article(a, 80, 24);
	if (!app) {
		fputs("quoth: out of memory\n", stderr);
		return EXIT_INVALID;
	}
	int status = tui_run(app, color);
	app_free(app);
	return status;
}

static const char *const commands[] = { "check", "export", "import", "snapshot", "stats" };

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
		int typo = typo_of_command(cmd);
		if (typo >= 0)
			return typo;
	}
	return cmd_read(argc, argv);
}
