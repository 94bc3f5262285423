/* cli_export.c - quoth export: the resolved article as JSON, or as brat
 * standoff (import_cmd.c writes that); see cli.h. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "export.h"
#include "import_cmd.h"

int cli_export_main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "--brat") == 0)
		return import_cmd_export_brat(argc, argv);
	if (argc != 3 || strcmp(argv[1], "--json") != 0)
		return cli_usage_error("%s: usage is 'quoth export --json FILE' or "
		                   "'quoth export --brat FILE'", "export");
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
