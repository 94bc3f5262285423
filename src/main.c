/* main.c - quoth's command line: picks the command from the first word
 * (each lives in its cli_*.c file, behind cli.h); with none, the reader.
 *
 * Exit codes: 0 ok, 1 invalid input (an article that does not load, a
 * terminal that cannot be used), 2 usage. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "import_cmd.h"
#include "snapshot.h"
#include "suggest.h"

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
	cli_usage(stderr);
	return CLI_EXIT_USAGE;
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
			cli_usage(stdout);
			fputc('\n', stdout);
			cli_help(stdout);
			return CLI_EXIT_OK;
		}
		if (strcmp(cmd, "--version") == 0) {
			printf("quoth %s\n", QUOTH_VERSION);
			return CLI_EXIT_OK;
		}
		if (strcmp(cmd, "check") == 0)
			return cli_check_main(argc - 1, argv + 1);
		if (strcmp(cmd, "export") == 0)
			return cli_export_main(argc - 1, argv + 1);
		if (strcmp(cmd, "import") == 0)
			return import_cmd_main(argc - 1, argv + 1);
		if (strcmp(cmd, "snapshot") == 0)
			return snapshot_main(argc - 1, argv + 1);
		if (strcmp(cmd, "stats") == 0)
			return cli_stats_main(argc - 1, argv + 1);
		if (strcmp(cmd, "diff") == 0)
			return cli_diff_main(argc - 1, argv + 1);
		int typo = typo_of_command(cmd);
		if (typo >= 0)
			return typo;
	}
	return cli_read_main(argc, argv);
}
