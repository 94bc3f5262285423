/* cli_diff.c - quoth diff: the agreement figures of two annotations (or
 * more, or two directories), and diff --view, the compare view on the
 * terminal; see cli.h. */
#include "cli.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "app_compare.h"
#include "diff.h"
#include "render.h"
#include "tui.h"

/* ---- quoth diff --view A B (issue 15) ---- */

/* The compare view on the terminal: A read with B over it.  1 when
 * there is no terminal, a file does not load or the bodies differ. */
static int diff_view(const char *path_a, const char *path_b)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "quoth: diff --view: standard %s is not a terminal; "
		        "use 'quoth diff' for the figures or 'quoth snapshot --compare B A' "
		        "for the screen\n", isatty(STDIN_FILENO) ? "output" : "input");
		return CLI_EXIT_INVALID;
	}
	article *a = cli_load_or_report(path_a), *b = a ? cli_load_or_report(path_b) : NULL;
	bool same = a && b && diff_same_bodies(stderr, a, path_a, b, path_b);
	app *ap = same ? app_new_article(a, 80, 24) : NULL;
	if (!same) {
		article_free(a);
		article_free(b);
	}
	char why[APP_MESSAGE_MAX];
	/* B as loaded above: the view takes it. */
	if (ap && !app_compare_with(ap, NULL, b, path_b, why, sizeof why)) {
		fprintf(stderr, "quoth: diff --view: %s\n", why);
		app_free(ap);
		return CLI_EXIT_INVALID;
	}
	if (!ap) {
		if (same)
			fputs("quoth: out of memory\n", stderr);
		return CLI_EXIT_INVALID;
	}
	ap->cmp_quits = true;
	int status = tui_run(ap, COLOR_MODE_AUTO);
	app_free(ap);
	return status;
}

int cli_diff_main(int argc, char **argv)
{
	bool json = false, view = false;
	int first = 1;
	for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
		if (strcmp(argv[first], "--json") == 0)
			json = true;
		else if (strcmp(argv[first], "--view") == 0)
			view = true;
		else
			return cli_usage_error("diff: unknown option '%s' (--json, --view)", argv[first]);
	}
	if (view && (json || argc - first != 2 || cli_is_directory(argv[first])
	             || cli_is_directory(argv[first + 1])))
		return cli_usage_error("%s: give two FILEs (A, then B), without --json",
		                   "diff --view");
	if (view)
		return diff_view(argv[first], argv[first + 1]);
	if (argc - first < 2)
		return cli_usage_error("%s: give two FILEs or two DIRs (or more, for a matrix)",
		                   "diff");
	int dirs = 0;
	for (int i = first; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0)
			return cli_usage_error("diff: '%s': standard input cannot be compared; "
			                   "name the files", argv[i]);
		dirs += cli_is_directory(argv[i]);
	}
	if (dirs && dirs != argc - first)
		return cli_usage_error("diff: '%s' and the others: all FILEs or all DIRs",
		                   argv[first]);
	return diff_main((const char *const *)argv + first, (size_t)(argc - first),
	                 dirs > 0, json, stdout, stderr) ? CLI_EXIT_INVALID : CLI_EXIT_OK;
}
