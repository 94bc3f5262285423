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
#include "diag.h"
#include "export.h"
#include "loader.h"
#include "render.h"
#include "snapshot.h"
#include "tui.h"

enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
	"usage: quoth [--color=auto|always|never] [FILE|DIR]\n"
	"       quoth check FILE...\n"
	"       quoth export --json FILE\n"
	"       quoth snapshot [--size COLSxROWS] [--keys KEYS] [--color=never|always] FILE|DIR\n"
	"       quoth --help | --version\n";

static const char help_text[] =
	"quoth reads annotated news articles in the terminal.\n"
	"\n"
	"  quoth FILE             read one article\n"
	"  quoth DIR              list the articles in DIR (*.yaml) and read them\n"
	"  quoth                  list the bundled articles\n"
	"  quoth check FILE...    validate articles; print every problem as\n"
	"                         FILE:LINE:COL: error: message\n"
	"  quoth export --json FILE\n"
	"                         print the resolved article as JSON\n"
	"  quoth snapshot [--size COLSxROWS] [--keys KEYS] [--color=never|always] FILE|DIR\n"
	"                         print the screen after KEYS, without a terminal\n"
	"\n"
	"options:\n"
	"  --color=auto|always|never   colours in the reader (auto: unless NO_COLOR\n"
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

/* Loads path; on failure prints its problems and returns NULL. */
static article *load_or_report(const char *path)
{
	article *a = NULL;
	diag_list diags = { 0 };
	if (load_article(path, &a, &diags) < 0)
		diag_list_print(stderr, &diags);
	diag_list_free(&diags);
	return a;
}

/* ---- quoth check / export ------------------------------------------ */

static int cmd_check(int argc, char **argv)
{
	if (argc < 2)
		return usage_error("%s: give at least one FILE", "check");
	int status = EXIT_OK;
	for (int i = 1; i < argc; i++) {
		article *a = load_or_report(argv[i]);
		if (!a)
			status = EXIT_INVALID;
		article_free(a);
	}
	return status;
}

static int cmd_export(int argc, char **argv)
{
	if (argc != 3 || strcmp(argv[1], "--json") != 0)
		return usage_error("%s: usage is 'quoth export --json FILE'", "export");
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
		if (strncmp(argv[i], "--color=", 8) == 0) {
			if (parse_color(argv[i] + 8, &color) < 0)
				return usage_error("unknown colour mode '%s' (auto, always or never)",
				                   argv[i] + 8);
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
	struct stat st;
	bool library = stat(target, &st) == 0 && S_ISDIR(st.st_mode);
	article *a = NULL;
	if (!library && !(a = load_or_report(target)))
		return EXIT_INVALID;
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
		if (strcmp(cmd, "snapshot") == 0)
			return snapshot_main(argc - 1, argv + 1);
	}
	return cmd_read(argc, argv);
}
