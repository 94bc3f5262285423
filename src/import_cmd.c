/* import_cmd.c - `quoth import` and `quoth export --brat` (see
 * import_cmd.h): files written only where none is, unless --force. */
#include "import_cmd.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article_open.h"
#include "diag.h"
#include "export_brat.h"
#include "sort.h"

enum { CMD_OK = 0, CMD_INVALID = 1, CMD_USAGE = 2 };

static int usage(const char *msg)
{
	fprintf(stderr, "quoth: %s\n"
	        "usage: quoth import brat|citron|spacy|jsonl|auto [-o DIR] [--force] FILE...\n"
	        "       quoth export --brat [-o DIR] [--force] FILE\n", msg);
	return CMD_USAGE;
}

/* Diagnostics by file, then line and column, each file's in its order. */
static bool diag_before(const diag *a, const diag *b)
{
	int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
	return c < 0 || (c == 0 && (a->line < b->line ||
	                            (a->line == b->line && a->col < b->col)));
}

MERGE_SORT_DEFINE(sort_diags, diag, diag_before)

static void print_sorted(diag_list *diags)
{
	diag *tmp = diags->n ? malloc(diags->n * sizeof *tmp) : NULL;
	if (tmp)
		sort_diags(diags->items, tmp, diags->n);
	free(tmp);
	diag_list_print(stderr, diags);
}

/* Opens DIR/NAME for writing: never over an existing file unless force.
 * NULL with a message printed when it cannot be. */
static FILE *open_output(const char *dir, const char *name, bool force)
{
	char path[8192];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | (force ? 0 : O_EXCL), 0666);
	if (fd < 0 && errno == EEXIST) {
		fprintf(stderr, "quoth: %s exists already; not overwritten (--force "
		        "overwrites it)\n", path);
		return NULL;
	}
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		fprintf(stderr, "quoth: %s: cannot be written: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
	}
	return f;
}

static bool close_output(FILE *f, const char *dir, const char *name)
{
	if (ferror(f) | (fclose(f) != 0)) {
		fprintf(stderr, "quoth: %s/%s: cannot be written: %s\n", dir, name,
		        strerror(errno));
		return false;
	}
	return true;
}

/* Writes the items to stdout (one YAML document each) or to DIR/NAME.yaml. */
static bool write_items(const import_items *items, const char *dir, bool force,
                        size_t *written)
{
	bool ok = true;
	for (size_t i = 0; i < items->n; i++) {
		const import_item *it = &items->items[i];
		if (!dir) {
			if (*written > 0)
				fputs("---\n", stdout);
			fwrite(it->yaml, 1, it->len, stdout);
			(*written)++;
			continue;
		}
		char name[4200];
		snprintf(name, sizeof name, "%s.yaml", it->name);
		FILE *f = open_output(dir, name, force);
		if (!f) {
			ok = false;
			continue;
		}
		fwrite(it->yaml, 1, it->len, f);
		ok = close_output(f, dir, name) && ok;
		*written += ok;
	}
	return ok;
}

/* Options -o DIR and --force anywhere; the rest positional, in order. */
static int parse_args(int argc, char **argv, const char **dir, bool *force,
                      char **pos, int *npos)
{
	*npos = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-o") == 0) {
			if (++i == argc)
				return usage("-o needs a directory");
			*dir = argv[i];
		} else if (strcmp(argv[i], "--force") == 0) {
			*force = true;
		} else if (argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--brat") != 0) {
			fprintf(stderr, "quoth: unknown option '%s'\n", argv[i]);
			return usage("options are -o DIR and --force");
		} else if (strcmp(argv[i], "--brat") != 0) {
			pos[(*npos)++] = argv[i];
		}
	}
	return -1;
}

int import_cmd_main(int argc, char **argv)
{
	const char *dir = NULL;
	bool force = false;
	char **pos = calloc((size_t)argc + 1, sizeof *pos);
	int npos, rc;
	if (!pos)
		return CMD_INVALID;
	if ((rc = parse_args(argc, argv, &dir, &force, pos, &npos)) >= 0) {
		free(pos);
		return rc;
	}
	import_format format;
	if (npos < 2 || !import_format_named(pos[0], &format)) {
		free(pos);
		return usage(npos < 1 ? "import: give a FORMAT and at least one FILE" :
		             npos < 2 ? "import: give at least one FILE" :
		             "import: FORMAT is brat, citron, spacy, jsonl or auto");
	}
	int status = CMD_OK;
	size_t written = 0;
	for (int i = 1; i < npos; i++) {
		import_items items = { 0 };
		diag_list diags = { 0 };
		import_status st = import_file(pos[i], format, &items, &diags);
		print_sorted(&diags);
		if (st == IMPORT_FAILED || st == IMPORT_NOMEM)
			status = CMD_INVALID;
		if (!write_items(&items, dir, force, &written))
			status = CMD_INVALID;
		import_items_free(&items);
		diag_list_free(&diags);
	}
	free(pos);
	if (fflush(stdout) == EOF) {
		fprintf(stderr, "quoth: import: cannot write: %s\n", strerror(errno));
		status = CMD_INVALID;
	}
	return status;
}

int import_cmd_export_brat(int argc, char **argv)
{
	const char *dir = ".";
	bool force = false;
	char *pos[2];
	int npos = 0, rc;
	if (argc > 6)
		return usage("export --brat: one FILE at a time");
	if ((rc = parse_args(argc, argv, &dir, &force, pos, &npos)) >= 0)
		return rc;
	if (npos != 1)
		return usage("export --brat: give one FILE");
	article *a = NULL;
	diag_list diags = { 0 };
	int loaded = load_any(pos[0], &a, &diags, NULL);
	print_sorted(&diags);
	diag_list_free(&diags);
	if (loaded < 0)
		return CMD_INVALID;
	const char *base = strrchr(pos[0], '/') ? strrchr(pos[0], '/') + 1 : pos[0];
	const char *dot = strrchr(base, '.');
	char txt_name[4200], ann_name[4200];
	int stem = (int)(dot && dot != base ? dot - base : (long)strlen(base));
	snprintf(txt_name, sizeof txt_name, "%.*s.txt", stem, base);
	snprintf(ann_name, sizeof ann_name, "%.*s.ann", stem, base);
	FILE *txt = open_output(dir, txt_name, force);
	FILE *ann = txt ? open_output(dir, ann_name, force) : NULL;
	if (txt && !ann) {
		/* not half a pair: the .txt just made goes again */
		char path[8400];
		fclose(txt);
		snprintf(path, sizeof path, "%s/%s", dir, txt_name);
		unlink(path);
		txt = NULL;
	}
	int status = txt && ann ? CMD_OK : CMD_INVALID;
	if (txt && ann && export_brat(a, txt, ann) < 0)
		status = CMD_INVALID;
	if (txt && !close_output(txt, dir, txt_name))
		status = CMD_INVALID;
	if (ann && !close_output(ann, dir, ann_name))
		status = CMD_INVALID;
	article_free(a);
	return status;
}
