/* cli_read.c - the reader's command line: quoth [options] [FILE|DIR|-],
 * the config file, --dump-config, and the terminal it needs; see cli.h. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "config.h"
#include "corpus_files.h"
#include "corpus_index.h"
#include "keymap.h"
#include "render.h"
#include "tui.h"

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

/* Reads the options; CLI_EXIT_USAGE after a usage error (printed), else 0. */
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
				return cli_usage_error("%s needs a list of types, e.g. PERSON,ORG",
				                   "--types");
			continue;
		}
		if (strncmp(argv[i], "--color=", 8) == 0)
			mode = argv[i] + 8;
		else if (strcmp(argv[i], "--color") == 0 && !(mode = argv[++i]))
			return cli_usage_error("%s needs a mode: auto, always or never", "--color");
		if (mode) {
			if (parse_color(mode, &o->color) < 0)
				return cli_usage_error("unknown colour mode '%s' (auto, always or never)",
				                   mode);
			o->color_given = true;
		} else if (strncmp(argv[i], "--config=", 9) == 0) {
			o->config = argv[i] + 9;
		} else if (strcmp(argv[i], "--config") == 0) {
			if (!(o->config = argv[++i]))
				return cli_usage_error("%s needs a FILE", "--config");
		} else if (strcmp(argv[i], "--dump-config") == 0) {
			o->dump_config = true;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return cli_usage_error("unknown option '%s'", argv[i]);
		} else if (o->target) {
			return cli_usage_error("one FILE or DIR at a time ('%s' is extra)", argv[i]);
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
		return CLI_EXIT_INVALID;
	}
	return problems != 0 ? CLI_EXIT_INVALID : CLI_EXIT_OK;
}

int cli_read_main(int argc, char **argv)
{
	read_opts o = { .color = COLOR_MODE_AUTO };
	if (read_options(argc, argv, &o) != 0)
		return CLI_EXIT_USAGE;
	char *config_problem = NULL;
	long problems = load_config(&o, &config_problem);
	if (o.dump_config) {
		free(config_problem);
		return o.target ? cli_usage_error("--dump-config takes no FILE ('%s')", o.target)
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
	int status = CLI_EXIT_INVALID;
	if (!library && !(a = cli_load_for_reading(target, &problems_found)))
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
