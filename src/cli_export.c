/* cli_export.c - quoth export: the resolved article as JSON, or as brat
 * standoff (import_cmd.c writes that); see cli.h. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "article_open.h"
#include "corpus_files.h"
#include "export.h"
#include "import_cmd.h"

/* export --json of a JSON Lines file of several documents: JSON Lines,
 * one line per line that loads, in order; a line that does not is
 * reported at its line and skipped, and the status says so. */
static int export_lines(const char *path)
{
	corpus_files files = { 0 };
	diag_list problems = { 0 };
	int status = corpus_files_add(&files, path, &problems) < 0 ? CLI_EXIT_INVALID
	                                                          : CLI_EXIT_OK;
	diag_list_print(stderr, &problems);
	if (diag_count(&problems, DIAG_ERROR))
		status = CLI_EXIT_INVALID;
	for (size_t i = 0; i < files.n; i++) {
		diag_list diags = { 0 };
		article *a = NULL;
		if (load_entry(&files.items[i], &a, &diags) != 0)
			status = CLI_EXIT_INVALID;
		diag_list_print(stderr, &diags);
		diag_list_free(&diags);
		if (a && export_json_line(a, stdout) < 0) {
			fprintf(stderr, "quoth: export: cannot write the JSON: %s\n",
			        strerror(errno));
			article_free(a);
			status = CLI_EXIT_INVALID;
			break;
		}
		article_free(a);
	}
	corpus_files_free(&files);
	diag_list_free(&problems);
	if (fflush(stdout) == EOF)
		status = CLI_EXIT_INVALID;
	return status;
}

int cli_export_main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "--brat") == 0)
		return import_cmd_export_brat(argc, argv);
	if (argc != 3 || strcmp(argv[1], "--json") != 0)
		return cli_usage_error("%s: usage is 'quoth export --json FILE' or "
		                   "'quoth export --brat FILE'", "export");
	if (!cli_is_directory(argv[2]) && corpus_files_is_library(argv[2]))
		return export_lines(argv[2]);
	article *a = cli_load_or_report(argv[2]);
	if (!a)
		return CLI_EXIT_INVALID;
	int status = CLI_EXIT_OK;
	if (export_json(a, stdout) < 0 || fflush(stdout) == EOF) {
		fprintf(stderr, "quoth: export: cannot write the JSON: %s\n",
		        strerror(errno));
		status = CLI_EXIT_INVALID;
	}
	article_free(a);
	return status;
}
