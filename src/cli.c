/* cli.c - what quoth's commands share: the usage text, and loading an
 * article from a FILE or standard input for them.  A leaf of the cli_*
 * files; see cli.h. */
#include "cli.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article_open.h"
#include "loader.h"

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
	"  quoth FILE             read one article (a JSON Lines FILE of several\n"
	"                         documents: list its lines and read them)\n"
	"  quoth DIR              list the articles below DIR (*.yaml, *.yml, brat\n"
	"                         *.ann, the lines of *.jsonl) and read them\n"
	"  quoth -                read an article from standard input\n"
	"  quoth                  list the bundled articles\n"
	"  quoth check [--strict|-Werror] FILE|DIR|-...\n"
	"                         validate articles (a DIR: each article in it);\n"
	"                         print every problem as FILE:LINE:COL: error: message\n"
	"                         and every likely slip as FILE:LINE:COL: warning: ...;\n"
	"                         warnings exit 0, unless --strict (or -Werror)\n"
	"  quoth export --json FILE\n"
	"                         print the resolved article as JSON (of a JSON Lines\n"
	"                         file: JSON Lines, one per document)\n"
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

void cli_usage(FILE *out)
{
	fputs(usage_text, out);
}

void cli_help(FILE *out)
{
	fputs(help_text, out);
}

int cli_usage_error(const char *fmt, const char *arg)
{
	fputs("quoth: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fputs(usage_text, stderr);
	return CLI_EXIT_USAGE;
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

article *cli_load_path(const char *path, diag_list *diags)
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

article *cli_load_or_report(const char *path)
{
	diag_list diags = { 0 };
	article *a = cli_load_path(path, &diags);
	if (!a)
		diag_list_print(stderr, &diags);
	diag_list_free(&diags);
	return a;
}

article *cli_load_for_reading(const char *path, diag_list *diags)
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

bool cli_is_directory(const char *path)
{
	struct stat st;
	return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
